#!/usr/bin/env python3
"""Tables of the predictor experiment (bench/predictor_experiment.sh OUT TRUTH): Kendall tau-b and
Spearman rho of each ranking against the standalone test accuracies of TRUTH, per seed, and the
mean over seeds with a 95% t-interval; on every ground-truth architecture and on the top 20% of
them (the paper's selected set)."""
import glob
import json
import math
import os
import sys

# Two-sided 95% Student t quantiles by degrees of freedom.
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262}
# (file suffix, field, label)
RANKINGS = [
    ("gcn", "supernet", "supernet, 4 batches, batch BN (the fit's targets)"),
    ("eval", "supernet", "supernet, 4 batches, eval BN"),
    ("recalibrate", "supernet", "supernet, 4 batches, recalibrated BN"),
    ("batch-whole", "supernet", "supernet, whole validation split, batch BN"),
    ("gcn", "predicted", "GCN predictor"),
    ("mlp", "predicted", "MLP predictor"),
]


def ranks(values):
    """Average ranks (1-based), ties sharing the mean of their positions."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")


def spearman(x, y):
    return pearson(ranks(x), ranks(y))


def kendall_b(x, y):
    concordant = discordant = tied_x = tied_y = 0
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            dx, dy = x[i] - x[j], y[i] - y[j]
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                tied_x += 1
            elif dy == 0:
                tied_y += 1
            elif dx * dy > 0:
                concordant += 1
            else:
                discordant += 1
    denominator = math.sqrt((concordant + discordant + tied_x) * (concordant + discordant + tied_y))
    return (concordant - discordant) / denominator if denominator > 0 else float("nan")


def summary(values):
    values = [v for v in values if not math.isnan(v)]
    n = len(values)
    if n == 0:
        return float("nan"), float("nan"), 0
    mean = sum(values) / n
    if n < 2:
        return mean, float("nan"), n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    return mean, T95.get(n - 1, 1.96) * sd / math.sqrt(n), n


def load_truth(path):
    truth = []
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            index, accuracy, _params, genotype = line.rstrip("\n").split("\t", 3)
            truth.append((int(index), float(accuracy), genotype))
    return truth


def main():
    out, truth_path = sys.argv[1], sys.argv[2]
    truth = load_truth(truth_path)
    accuracies = [a for _, a, _ in truth]
    cut = sorted(accuracies, reverse=True)[max(0, math.ceil(0.2 * len(accuracies)) - 1)]
    top = [i for i, a in enumerate(accuracies) if a >= cut]
    print(f"ground truth: {len(truth)} architectures trained standalone ({truth_path}); "
          f"test accuracy {min(accuracies):.4f} to {max(accuracies):.4f}, "
          f"mean {sum(accuracies) / len(accuracies):.4f}; top 20%: {len(top)} (>= {cut:.4f})")
    seeds = sorted(glob.glob(os.path.join(out, "s*")))
    table = {label: {"all": ([], []), "top": ([], [])} for _, _, label in RANKINGS}
    for folder in seeds:
        fitted = os.path.join(folder, "fitted-architectures.txt")
        if os.path.exists(fitted):
            with open(fitted) as f:
                overlap = {g for _, _, g in truth} & {line.strip() for line in f}
            if overlap:
                print(f"{folder}: {len(overlap)} ground-truth architectures were fitted on")
        for suffix, field, label in RANKINGS:
            path = os.path.join(folder, f"rank-{suffix}.json")
            if not os.path.exists(path):
                continue
            with open(path) as f:
                rows = json.load(f)
            if len(rows) < len(truth):
                print(f"{path}: {len(rows)} rows for {len(truth)} architectures; left out")
                continue
            scores = [rows[i][field] for i in range(len(truth))]
            for name, subset in (("all", range(len(truth))), ("top", top)):
                x = [scores[i] for i in subset]
                y = [accuracies[i] for i in subset]
                table[label][name][0].append(kendall_b(x, y))
                table[label][name][1].append(spearman(x, y))
    print(f"\nagainst the ground truth, mean over seeds [95% t-interval] (per seed in brackets)")
    print("| ranking | Kendall τ, all | Spearman ρ, all | Kendall τ, top 20% | Spearman ρ, top 20% |")
    print("|---|---|---|---|---|")
    for _, _, label in RANKINGS:
        cells = []
        for name in ("all", "top"):
            for values in table[label][name]:
                mean, half, n = summary(values)
                if n == 0:
                    cells.append("–")
                    continue
                per_seed = ", ".join(f"{v:+.2f}" for v in values)
                interval = f" ± {half:.3f}" if not math.isnan(half) else ""
                cells.append(f"{mean:+.3f}{interval} ({per_seed})")
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
