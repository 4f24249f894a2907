#!/bin/sh
# Seconds per epoch of the headless quick search (resources/configs/fashion-quick.json) run alone and
# with COPIES copies of it side by side on the same machine, as two users (or a user and a script)
# sharing a workstation would. Prints the machine's load before each case, then one line per copy.
#   usage: [EPOCHS=2] [STEPS=0] [COPIES=2] [THREADS=0] bench/parallel_search_bench.sh BUILD_DIR [WORKSPACE=/tmp/nas-parallel-bench]
# STEPS > 0 shortens each epoch to that many steps (the figures are then per shortened epoch);
# THREADS is passed as --threads (0: the engine's own choice, which looks at how busy the machine is).
set -eu
build=${1:?usage: parallel_search_bench.sh BUILD_DIR [WORKSPACE]}
root=${2:-/tmp/nas-parallel-bench}
epochs=${EPOCHS:-2} steps=${STEPS:-0} copies=${COPIES:-2} threads=${THREADS:-0}
cli="$build/app/cli/nas-studio-cli"
here=$(cd "$(dirname "$0")" && pwd)
config="$here/../resources/configs/fashion-quick.json"

# Runs $1 copies at once, each in a workspace of its own, and prints each copy's epoch seconds.
run_case() {
    n=$1
    if [ "$n" = 1 ]; then what="1 copy alone"; else what="$n copies side by side"; fi
    echo "== $what (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
    pids=""
    for i in $(seq 1 "$n"); do
        ws="$root/$n-$i"
        rm -rf "$ws"
        "$cli" search --config "$config" --epochs "$epochs" --steps-per-epoch "$steps" --threads "$threads" \
            --workspace "$ws" --quiet >"$ws.log" 2>&1 &
        pids="$pids $!"
    done
    for pid in $pids; do wait "$pid" || true; done
    for i in $(seq 1 "$n"); do
        ws="$root/$n-$i"
        # The engine's note when it chose fewer threads for a busy machine.
        note=$(grep -o 'using [0-9]* CPU threads\{0,1\}' "$ws.log" | head -n 1 || true)
        seconds=$("$cli" show 1 --json --workspace "$ws" |
            python3 -c 'import json, sys; print(" ".join("%.1f" % e["seconds"] for e in json.load(sys.stdin)["epochs"]))')
        echo "copy $i: seconds per epoch: $seconds${note:+ ($note)}"
    done
}

mkdir -p "$root"
echo "nas-studio-cli search --config fashion-quick.json --epochs $epochs --steps-per-epoch $steps --threads $threads"
echo "$(nproc) cores"
run_case 1
run_case "$copies"
