#!/bin/sh
# The hidden-state study (Adam & Lorraine) on a small Fashion-MNIST subset, and ENAS against random
# search with weight sharing at the same number of child steps. Per seed it runs four searches:
#   enas       the authors' controller (30 updates x 10 samples after each epoch)
#   buffer     the same with the memory buffer (kept from epoch 1, reconstructed from epoch 2: the
#              study's epochs 5 and 10 of 150, scaled to this short search)
#   untrained  a controller that never learns (train_steps 0): the study's "random controller"
#   random     random search with weight sharing, the same child steps; its final selection scores
#              100 candidates on one batch each, as ENAS's last 100 derive samples are scored
# then `hidden-states RUN --json` over the last 100 samples (the final controller's derive samples)
# and `hidden-states RUN --probe 50` (architectures from one controller state, from 50, uniform),
# and the same short retraining of each search's final architecture. summarise_enas_study.py prints
# the tables. The defaults fit in about an hour of one core of this 2-core machine per seed.
#   usage: [SEEDS="1 2 3"] [VARIANTS="enas buffer untrained random"] [TRAIN_LIMIT=4000] [EPOCHS=5]
#          [BATCH=64] [CHANNELS=8] [LAYERS=3] [RETRAIN_LIMIT=4000] [RETRAIN_EPOCHS=2]
#          [TEST_LIMIT=2000] [THREADS=1] bench/enas_study_experiment.sh BUILD_DIR [OUT=/tmp/enas-study]
set -eu
build=${1:?usage: enas_study_experiment.sh BUILD_DIR [OUT]}
out=${2:-/tmp/enas-study}
cli="$build/app/cli/nas-studio-cli"
seeds=${SEEDS:-1 2 3}
variants=${VARIANTS:-enas buffer untrained random}
train_limit=${TRAIN_LIMIT:-4000} epochs=${EPOCHS:-5} batch=${BATCH:-64}
channels=${CHANNELS:-8} layers=${LAYERS:-3}
retrain_limit=${RETRAIN_LIMIT:-4000} retrain_epochs=${RETRAIN_EPOCHS:-2} test_limit=${TEST_LIMIT:-2000}
threads=${THREADS:-1}
mkdir -p "$out"

config() {  # variant -> the search config, everything else shared
  case "$1" in
    enas) strategy=enas section='"enas": {}' ;;
    buffer) strategy=enas
      section='"enas": {"memory_buffer": {"enabled": true, "start_epoch": 1, "loss_start_epoch": 2}}' ;;
    untrained) strategy=enas section='"enas": {"train_steps": 0}' ;;
    random) strategy=random
      section='"random": {"candidates": 100, "candidate_batches": 1, "rerank": 10, "bn_mode": "batch"}' ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
  cat <<JSON
{
  "strategy": "$strategy",
  $section,
  "dataset": {"name": "fashion-mnist", "train_limit": $train_limit},
  "space": {"channels": $channels, "layers": $layers},
  "epochs": $epochs,
  "batch_size": $batch
}
JSON
}

for seed in $seeds; do
  ws="$out/workspace-s$seed"
  for variant in $variants; do
    dir="$out/$variant-s$seed"
    mkdir -p "$dir"
    [ -f "$dir/train.json" ] && continue
    config "$variant" > "$dir/search.json"
    echo "== $(date -u +%H:%M:%S) search: $variant, seed $seed"
    "$cli" search --config "$dir/search.json" --seed "$seed" --threads "$threads" \
      --workspace "$ws" --name "$variant-s$seed" > "$dir/search.log" 2>&1 || true
    run=$(sed -n 's/^run \([0-9]*\): .*/\1/p' "$dir/search.log" | head -n 1)
    grep -q "^run $run finished" "$dir/search.log" || { echo "search $variant-s$seed failed" >&2; continue; }
    if [ "$variant" != random ]; then
      "$cli" hidden-states "$run" --window 100 --json --workspace "$ws" > "$dir/study.json"
      "$cli" hidden-states "$run" --window 100 --workspace "$ws" > "$dir/study.txt"
      "$cli" hidden-states "$run" --probe 50 --json --workspace "$ws" > "$dir/probe.json" || true
    fi
    "$cli" export "$run" --workspace "$ws" --out "$dir/export" --overwrite > "$dir/export.log" 2>&1
    echo "== $(date -u +%H:%M:%S) retrain: $variant, seed $seed"
    # The same short retraining for every architecture: no auxiliary head, no drop path.
    "$cli" train --genotype "$dir/export/genotype.json" --dataset fashion-mnist \
      --train-limit "$retrain_limit" --test-limit "$test_limit" --epochs "$retrain_epochs" \
      --channels 8 --layers 5 --no-auxiliary --drop-path 0 --seed "$seed" --threads "$threads" \
      --json > "$dir/train.json.part" 2> "$dir/train.log" && mv "$dir/train.json.part" "$dir/train.json"
  done
done
python3 "$(dirname "$0")/summarise_enas_study.py" "$out"
