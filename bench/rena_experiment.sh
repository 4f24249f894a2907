#!/bin/sh
# RENA against uniform random edits over the same action space, on Fashion-MNIST under a tight
# parameter budget (SETTING=params) or a compute-intensity floor (SETTING=intensity). Per seed,
# two searches that differ only in
# rena.uniform: the policy learns from its rewards, or every allowed edit is equally likely. Each
# search runs UPDATES policy updates of CHILDREN children (2 edits each); every child trains for one
# epoch, in batches of 32, on the weight half of the first TRAIN_LIMIT training images and is
# measured on the other half.
# summarise_rena_experiment.py reads the runs' children from the store and prints, per arm, the
# best feasible child's accuracy, the share of children that kept every limit and the mean reward,
# with 95% t-intervals over the seeds and the paired difference. About 3 minutes of one idle core
# per search on this machine with the defaults.
#   usage: [SETTING=params|intensity] [SEEDS="1 2 3"] [UPDATES=8] [CHILDREN=6] [TRAIN_LIMIT=2000]
#          [MAX_PARAMS=20000] [MIN_INTENSITY=12] [THREADS=1]
#          bench/rena_experiment.sh BUILD_DIR [OUT=/tmp/rena-experiment]
set -eu
build=${1:?usage: rena_experiment.sh BUILD_DIR [OUT]}
out=${2:-/tmp/rena-experiment}
cli="$build/app/cli/nas-studio-cli"
seeds=${SEEDS:-1 2 3} updates=${UPDATES:-8} children=${CHILDREN:-6} train_limit=${TRAIN_LIMIT:-2000}
setting=${SETTING:-params} max_params=${MAX_PARAMS:-20000} min_intensity=${MIN_INTENSITY:-12}
threads=${THREADS:-1}
case $setting in
  params) limits="\"max_params\": $max_params" ;;
  intensity) limits="\"min_intensity\": $min_intensity" ;;
  *) echo "SETTING must be params or intensity" >&2; exit 2 ;;
esac
mkdir -p "$out"
ws="$out/workspace"

for seed in $seeds; do
  for arm in rena uniform; do
    name="$setting-$arm-s$seed"
    [ -f "$out/$name.done" ] && continue
    uniform=false
    [ "$arm" = uniform ] && uniform=true
    cat > "$out/$name.json" <<JSON
{
  "strategy": "rena",
  "dataset": {"name": "fashion-mnist", "train_limit": $train_limit},
  "epochs": $updates,
  "batch_size": 64,
  "constraints": {$limits},
  "rena": {"uniform": $uniform, "children_per_update": $children, "edits_per_child": 2,
           "child": {"batch_size": 32}}
}
JSON
    echo "== $(date -u +%H:%M:%S) $name"
    "$cli" search --config "$out/$name.json" --seed "$seed" --threads "$threads" \
      --workspace "$ws" --name "$name" --quiet > "$out/$name.log" 2>&1
    touch "$out/$name.done"
  done
done
python3 "$(dirname "$0")/summarise_rena_experiment.py" "$ws/runs.sqlite" "$setting"
