#!/bin/sh
# SNAS's resource-constraint claim on a small Fashion-MNIST subset: the none / mild / moderate /
# aggressive presets should give monotonically smaller derived cells at a small accuracy cost.
# Every preset runs with the same seeds and the same budget; each derived cell is then trained
# briefly from scratch and tested, and summarise_snas_constraints.py prints the table.
# The defaults fit twelve searches and retrainings into about 30 minutes of a loaded 2-core machine
# (about 3.5 s per search step, one seed per process): 320 images train the supernet for 2 epochs
# (20 steps of 32), 128 more are the monitor split; each cell retrains 1 epoch on 1000 images.
# That is a sketch of the claim, not the paper's 150-epoch search.
#   usage: [SEEDS="1 2 3"] [PRESETS="none mild moderate aggressive"] [TRAIN_LIMIT=448] [MONITOR=128]
#          [EPOCHS=2] [BATCH=32] [RETRAIN_LIMIT=1000] [RETRAIN_EPOCHS=1] [TEST_LIMIT=1000] [CHANNELS=4]
#          [LAYERS=5] [THREADS=1] bench/snas_constraint_experiment.sh BUILD_DIR [OUT=/tmp/snas-constraint]
set -eu
build=${1:?usage: snas_constraint_experiment.sh BUILD_DIR [OUT]}
out=${2:-/tmp/snas-constraint}
cli="$build/app/cli/nas-studio-cli"
seeds=${SEEDS:-1 2 3}
presets=${PRESETS:-none mild moderate aggressive}
train_limit=${TRAIN_LIMIT:-448} monitor=${MONITOR:-128} epochs=${EPOCHS:-2} batch=${BATCH:-32}
retrain_limit=${RETRAIN_LIMIT:-1000} retrain_epochs=${RETRAIN_EPOCHS:-1} test_limit=${TEST_LIMIT:-1000}
channels=${CHANNELS:-4} layers=${LAYERS:-5}
# One intra-op thread per process: on a shared machine more only wait for each other.
threads=${THREADS:-1}
mkdir -p "$out"

# Everything but the preset and the seed is the same for every search.
cat > "$out/search.json" <<JSON
{
  "strategy": "snas",
  "dataset": {"name": "fashion-mnist", "train_limit": $train_limit},
  "snas": {"monitor_size": $monitor},
  "space": {"channels": $channels, "layers": $layers},
  "epochs": $epochs,
  "batch_size": $batch
}
JSON

# One workspace per seed, so that seeds can run side by side (SEEDS="1" ... in separate calls).
for seed in $seeds; do
  ws="$out/workspace-s$seed"
  for preset in $presets; do
    dir="$out/$preset-s$seed"
    mkdir -p "$dir"
    if [ ! -f "$dir/train.json" ]; then
      echo "== $(date -u +%H:%M:%S) search: preset $preset, seed $seed"
      "$cli" search --config "$out/search.json" --preset "$preset" --seed "$seed" --threads "$threads" \
        --workspace "$ws" --name "snas-$preset-s$seed" > "$dir/search.log" 2>&1 || true
      run=$(sed -n 's/^run \([0-9]*\): .*/\1/p' "$dir/search.log" | head -n 1)
      # A search that ends early (stopped, or the process died) resumes from its last checkpoint.
      tries=0
      while ! grep -q "^run $run finished" "$dir/search.log" && [ $tries -lt $epochs ]; do
        tries=$((tries + 1))
        echo "   resuming run $run"
        "$cli" resume "$run" --workspace "$ws" >> "$dir/search.log" 2>&1 || true
        grep -q "^epoch $epochs/$epochs done" "$dir/search.log" && break
      done
      "$cli" export "$run" --workspace "$ws" --out "$dir/export" --overwrite > "$dir/export.log" 2>&1
      echo "== $(date -u +%H:%M:%S) retrain: preset $preset, seed $seed"
      # Short retraining, the same recipe for every cell: no auxiliary head, no drop path.
      "$cli" train --genotype "$dir/export/genotype.json" --dataset fashion-mnist --train-limit "$retrain_limit" \
        --test-limit "$test_limit" --epochs "$retrain_epochs" --channels "$channels" --layers "$layers" \
        --batch-size 64 --seed "$seed" --threads "$threads" --no-auxiliary --drop-path 0 --json \
        > "$dir/train.json" 2> "$dir/train.log"
    fi
  done
done
echo "== $(date -u +%H:%M:%S) done"
[ -n "${NO_TABLE:-}" ] || python3 "$(dirname "$0")/summarise_snas_constraints.py" "$out" $presets | tee "$out/table.md"
