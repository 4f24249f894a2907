#!/usr/bin/env python3
"""Table of the SNAS constraint experiment: per preset, lambda, derived parameters and retrained
test accuracy over the seeds (mean, 95% t-interval half-width, min-max)."""
import glob
import json
import math
import os
import sys

# Two-sided 95% Student t quantiles by degrees of freedom.
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262}


def summary(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, float("nan")
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    return mean, T95.get(n - 1, 1.96) * sd / math.sqrt(n)


def strength(folder):
    # The exported genotype carries the run's configuration: it says which lambda the preset meant.
    try:
        with open(os.path.join(folder, "export", "genotype.json")) as f:
            return json.load(f)["manifest"]["config"]["constraints"]["strength"]
    except (OSError, ValueError, KeyError):
        return None


def main():
    out, presets = sys.argv[1], sys.argv[2:]
    print("| preset | λ | seeds | derived params, mean ± 95% (min–max) | retrained test accuracy %, mean ± 95% (min–max) |")
    print("|---|---|---|---|---|")
    for preset in presets:
        params, accuracy, lam = [], [], None
        for folder in sorted(glob.glob(os.path.join(out, preset + "-s*"))):
            try:
                with open(os.path.join(folder, "train.json")) as f:
                    doc = json.load(f)
            except (OSError, ValueError):
                continue
            params.append(float(doc["params"]))
            accuracy.append(100.0 * float(doc["test_accuracy"]))
            lam = strength(folder) if lam is None else lam
        if not params:
            print(f"| {preset} | – | 0 | – | – |")
            continue
        pm, ph = summary(params)
        am, ah = summary(accuracy)
        print(f"| {preset} | {lam if lam is not None else '?'} | {len(params)} | {pm:,.0f} ± {ph:,.0f} "
              f"({min(params):,.0f}–{max(params):,.0f}) | {am:.2f} ± {ah:.2f} ({min(accuracy):.2f}–{max(accuracy):.2f}) |")


if __name__ == "__main__":
    main()
