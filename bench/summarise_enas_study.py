#!/usr/bin/env python3
"""Tables of the ENAS hidden-state experiment (bench/enas_study_experiment.sh OUT): per variant, the
Spearman correlation of hidden-state L2 distance with each graph measure (per seed with its
bootstrap 95% interval, and the mean over seeds with a 95% t-interval), then the retrained test
accuracy of each variant's final architecture over the seeds."""
import glob
import json
import math
import os
import sys

# Two-sided 95% Student t quantiles by degrees of freedom.
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262}
VARIANTS = ["enas", "buffer", "untrained", "random"]
MEASURES = ["common_ops", "common_connections", "ged", "reward_difference"]


def summary(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, float("nan")
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    return mean, T95.get(n - 1, 1.96) * sd / math.sqrt(n)


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def folders(out, variant):
    return sorted(glob.glob(os.path.join(out, variant + "-s*")))


def study_table(out):
    print("Spearman correlation of hidden-state L2 distance with each measure, last 100 samples")
    print("| variant | seed | " + " | ".join(MEASURES) + " |")
    print("|---|---|" + "---|" * len(MEASURES))
    for variant in VARIANTS:
        per_measure = {m: [] for m in MEASURES}
        for folder in folders(out, variant):
            study = load(os.path.join(folder, "study.json"))
            if not study:
                continue
            cells = []
            for m in MEASURES:
                c = study["measures"][m]
                rho, ci = c["spearman"], c["spearman_ci"]
                if rho is None:
                    cells.append("–")
                    continue
                per_measure[m].append(rho)
                cells.append(f"{rho:+.3f} [{ci[0]:+.3f}, {ci[1]:+.3f}]")
            print(f"| {variant} | {folder.rsplit('-s', 1)[1]} | " + " | ".join(cells) + " |")
        if per_measure[MEASURES[0]]:
            cells = []
            for m in MEASURES:
                values = per_measure[m]
                mean, half = summary(values)
                cells.append(f"**{mean:+.3f} ± {half:.3f}**" if values else "–")
            print(f"| {variant} | mean ± 95% | " + " | ".join(cells) + " |")


def probe_table(out):
    print()
    print("Probe: mean pairwise graph edit distance (common ops) of 50 architectures per set")
    print("| variant | seed | one state | 50 states | last 50 samples | uniform |")
    print("|---|---|---|---|---|---|")
    for variant in VARIANTS:
        for folder in folders(out, variant):
            probe = load(os.path.join(folder, "probe.json"))
            if not probe:
                continue
            cells = [f"{probe[k]['ged']:.2f} ({probe[k]['common_ops']:.2f})"
                     for k in ["same_state", "different_states", "stored", "uniform"]]
            print(f"| {variant} | {folder.rsplit('-s', 1)[1]} | " + " | ".join(cells) + " |")


def accuracy_table(out):
    print()
    print("Retrained test accuracy of each search's final architecture")
    print("| variant | seeds | test accuracy %, mean ± 95% (min–max) | params, mean |")
    print("|---|---|---|---|")
    for variant in VARIANTS:
        accuracy, params = [], []
        for folder in folders(out, variant):
            doc = load(os.path.join(folder, "train.json"))
            if doc:
                accuracy.append(100.0 * float(doc["test_accuracy"]))
                params.append(float(doc["params"]))
        if not accuracy:
            continue
        mean, half = summary(accuracy)
        print(f"| {variant} | {len(accuracy)} | {mean:.2f} ± {half:.2f} ({min(accuracy):.2f}–{max(accuracy):.2f}) "
              f"| {sum(params) / len(params):,.0f} |")


if __name__ == "__main__":
    study_table(sys.argv[1])
    probe_table(sys.argv[1])
    accuracy_table(sys.argv[1])
