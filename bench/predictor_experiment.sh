#!/bin/sh
# The GCN predictor against the raw supernet score and an MLP, on the ground truth of
# bench/predictor_ground_truth.sh (architectures trained standalone). Per seed:
#   1. random search with weight sharing trains a supernet of the ground truth's configuration
#      (8 channels, 3 layers, the first 4000 Fashion-MNIST training images; 'none' never sampled,
#      as the ranked architectures have none);
#   2. `predictor fit` scores SAMPLES uniform architectures with its final weights and fits a GCN,
#      then an MLP on the same scores (both with the defaults of `predictor fit`);
#   3. `predictor rank` scores every ground-truth architecture: the raw supernet score on the 4
#      validation batches the fit's targets had, with each batch-norm mode (batch: the fit's; eval;
#      recalibrate), and on the whole validation split (32 batches); and both models' predictions.
# None of the ground-truth architectures is among the fitted ones (checked by the summary).
# summarise_predictor_experiment.py prints the tables. About 25 minutes of one core per seed.
#   usage: [SEEDS="1 2 3"] [STAGES="search fit rank"] [EPOCHS=20] [SAMPLES=1000] [THREADS=1]
#          bench/predictor_experiment.sh BUILD_DIR [OUT=/tmp/predictor-experiment]
#          [TRUTH=bench/data/predictor_ground_truth.tsv]
set -eu
build=${1:?usage: predictor_experiment.sh BUILD_DIR [OUT] [TRUTH]}
out=${2:-/tmp/predictor-experiment}
truth=${3:-bench/data/predictor_ground_truth.tsv}
cli="$build/app/cli/nas-studio-cli"
seeds=${SEEDS:-1 2 3} stages=${STAGES:-search fit rank}
epochs=${EPOCHS:-20} samples=${SAMPLES:-1000} threads=${THREADS:-1}
mkdir -p "$out"
ws="$out/workspace"

stage() { case " $stages " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

for seed in $seeds; do
  dir="$out/s$seed"
  mkdir -p "$dir"
  if stage search && [ ! -f "$dir/run-id" ]; then
    cat > "$dir/search.json" <<JSON
{
  "strategy": "random",
  "random": {"sample_none": false, "candidates": 20, "candidate_batches": 1, "rerank": 1,
             "epoch_candidates": 0},
  "dataset": {"name": "fashion-mnist", "train_limit": 4000},
  "space": {"channels": 8, "layers": 3},
  "epochs": $epochs,
  "batch_size": 64
}
JSON
    echo "== $(date -u +%H:%M:%S) search, seed $seed"
    "$cli" search --config "$dir/search.json" --seed "$seed" --threads "$threads" \
      --workspace "$ws" --name "predictor-s$seed" > "$dir/search.log" 2>&1
    sed -n 's/^run \([0-9]*\): .*/\1/p' "$dir/search.log" | head -n 1 > "$dir/run-id"
  fi
  run=$(cat "$dir/run-id")
  if stage fit; then
    for model in gcn mlp; do
      [ -f "$dir/fit-$model.log" ] && continue
      echo "== $(date -u +%H:%M:%S) fit $model, seed $seed"
      "$cli" predictor fit "$run" --model "$model" --samples "$samples" --seed "$seed" \
        --threads "$threads" --workspace "$ws" > "$dir/fit-$model.log.part" 2>&1
      mv "$dir/fit-$model.log.part" "$dir/fit-$model.log"
    done
    # The uniform architectures the fits scored (the same seed draws the same ones).
    "$cli" sample "$samples" --seed "$seed" > "$dir/fitted-architectures.txt"
  fi
  if stage rank; then
    grep -v '^#' "$truth" | cut -f4 > "$dir/truth-architectures.txt"
    rank() {  # name, then rank options
      name=$1; shift
      [ -f "$dir/rank-$name.json" ] && return 0
      echo "== $(date -u +%H:%M:%S) rank $name, seed $seed"
      "$cli" predictor rank "$run" --genotypes "$dir/truth-architectures.txt" --json \
        --threads "$threads" --workspace "$ws" "$@" > "$dir/rank-$name.json.part"
      mv "$dir/rank-$name.json.part" "$dir/rank-$name.json"
    }
    rank gcn --model gcn
    rank mlp --model mlp
    rank eval --bn-mode eval
    rank recalibrate --bn-mode recalibrate
    rank batch-whole --batches 32
  fi
done
python3 "$(dirname "$0")/summarise_predictor_experiment.py" "$out" "$truth"
