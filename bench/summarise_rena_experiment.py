#!/usr/bin/env python3
"""RENA against uniform edits: per arm, over the seeds, with 95% t-intervals.

usage: summarise_rena_experiment.py RUNS_SQLITE SETTING
Reads the runs named SETTING-rena-s<seed> and SETTING-uniform-s<seed> (bench/rena_experiment.sh)
and their children
(the samples table: each child's accuracy, reward and whether it kept every limit).
"""
import json
import math
import re
import sqlite3
import statistics
import sys

T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262}


def interval(values):
    mean = statistics.mean(values)
    if len(values) < 2:
        return mean, float("nan")
    half = T95.get(len(values) - 1, 1.96) * statistics.stdev(values) / math.sqrt(len(values))
    return mean, half


def children(db, run_id):
    rows = db.execute("SELECT step, score, metrics_json FROM samples WHERE run_id = ? ORDER BY id",
                      (run_id,)).fetchall()
    return [(step, score, json.loads(metrics)) for step, score, metrics in rows]


def measures(kids):
    feasible = [score for _, score, m in kids if m.get("feasible") == 1]
    last = max(step for step, _, _ in kids)
    late = [(s, m) for step, s, m in kids if step > last / 2]
    return {
        "best feasible accuracy": max(feasible) if feasible else 0.0,
        "children keeping every limit": len(feasible) / len(kids),
        "  ... in the second half": sum(m.get("feasible") == 1 for _, m in late) / len(late),
        "mean reward, second half": statistics.mean(m["reward"] for _, m in late),
    }


def main():
    db = sqlite3.connect(sys.argv[1])
    setting = sys.argv[2]
    arms = {"rena": {}, "uniform": {}}
    for run_id, name, status in db.execute("SELECT id, name, status FROM runs"):
        match = re.fullmatch(re.escape(setting) + r"-(rena|uniform)-s(\d+)", name)
        if not match or status != "finished":
            continue
        kids = children(db, run_id)
        if kids:
            arms[match.group(1)][int(match.group(2))] = measures(kids)
    seeds = sorted(set(arms["rena"]) & set(arms["uniform"]))
    if not seeds:
        sys.exit("no seed has both a finished rena and a finished uniform run")
    print(f"setting: {setting}, seeds: {seeds}")
    print(f"{'measure':32s} {'RENA policy':>20s} {'uniform edits':>20s} {'RENA - uniform':>20s}")
    for key in arms["rena"][seeds[0]]:
        cells = []
        for values in ([arms["rena"][s][key] for s in seeds], [arms["uniform"][s][key] for s in seeds],
                       [arms["rena"][s][key] - arms["uniform"][s][key] for s in seeds]):
            mean, half = interval(values)
            cells.append(f"{mean:8.4f} ± {half:6.4f}")
        print(f"{key:32s} {cells[0]:>20s} {cells[1]:>20s} {cells[2]:>20s}")
    print("per seed (RENA / uniform), best feasible accuracy:",
          ", ".join(f"s{s}: {arms['rena'][s]['best feasible accuracy']:.4f} / "
                    f"{arms['uniform'][s]['best feasible accuracy']:.4f}" for s in seeds))


if __name__ == "__main__":
    main()
