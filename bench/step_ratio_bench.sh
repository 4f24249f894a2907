#!/bin/sh
# Our search steps beside the authors' first-order DARTS step, measured alternately in one run on one
# machine with the same threads: ours, the reference, ours, the reference. Prints every figure, then
# each strategy's mean over the two rounds and its ratio to the reference's mean, with the goal.
# DARTS_SRC names a checkout of the authors' code (https://github.com/quark0/darts; fetched by you,
# never part of this repository). Without it, our figures alone.
# Each strategy runs in a process of its own, so each peak memory figure is that strategy's.
#   usage: [DARTS_SRC=DIR] [STEPS=3] [THREADS=nproc] [DEVICE=cpu] [PYTHON=/usr/bin/python3] \
#          [STRATEGIES=darts,snas,nasp,random:skip,enas] bench/step_ratio_bench.sh BUILD_DIR
set -eu
build=${1:?usage: step_ratio_bench.sh BUILD_DIR}
# Debian's python3-torch belongs to /usr/bin/python3, whatever python3 a PATH finds first.
steps=${STEPS:-3} threads=${THREADS:-$(nproc)} device=${DEVICE:-cpu} python=${PYTHON:-/usr/bin/python3}
strategies=${STRATEGIES:-darts,snas,nasp,random:skip,enas}
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "$steps steps after a warm-up, $threads threads, $device; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in 1 2; do
    echo "== round $round: ours"
    for strategy in $(echo "$strategies" | tr ',' ' '); do
        "$build/bench/bench_search_step" "$steps" "$strategy" "$threads" "$device" | tee -a "$log"
    done
    if [ -n "${DARTS_SRC:-}" ]; then
        echo "== round $round: the authors' DARTS network ($DARTS_SRC)"
        "$python" "$here/reference/darts_step.py" --src "$DARTS_SRC" --steps "$steps" \
            --threads "$threads" --device "$device" | tee -a "$log"
    fi
done

echo "== mean of the rounds"
awk '
    / s\/step/ { sum[$1] += $2; n[$1]++; if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 } }
    END {
        goal["darts"] = 0.5; goal["snas"] = 0.5; goal["nasp"] = 0.1
        goal["random:skip"] = 0.05; goal["enas"] = 0.05
        ref = ("darts-ref" in n) ? sum["darts-ref"] / n["darts-ref"] : 0
        printf "%-12s %10s %16s %8s\n", "strategy", "s/step", "x reference", "goal"
        for (i = 1; i <= count; i++) {
            name = order[i]; mean = sum[name] / n[name]
            if (ref > 0 && name != "darts-ref")
                printf "%-12s %10.3f %16.3f %8s\n", name, mean, mean / ref, (name in goal) ? "<= " goal[name] : "-"
            else
                printf "%-12s %10.3f %16s %8s\n", name, mean, "-", "-"
        }
    }' "$log"
