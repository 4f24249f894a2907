#!/bin/sh
# The predictor's ground truth: COUNT architectures drawn uniformly from the cell space (`sample`,
# seed SAMPLE_SEED), each trained standalone with one recipe on a Fashion-MNIST subset and tested on
# TEST_LIMIT test images. One line per architecture is appended to OUT as soon as it is trained, so
# the script can be stopped and started again: lines already in OUT are skipped.
#   columns: index, test accuracy, params, genotype (DARTS string)
# The defaults are the configuration of bench/predictor_experiment.sh's supernets: 8 channels,
# 3 layers, the first 4000 training images, 4 epochs, no augmentation, seed 1. About 110 s an
# architecture on one core of this 2-core machine (two hours for 60); minutes on a GPU.
#   usage: [COUNT=60] [SAMPLE_SEED=2024] [EPOCHS=4] [TRAIN_LIMIT=4000] [TEST_LIMIT=2000]
#          [CHANNELS=8] [LAYERS=3] [THREADS=1] [DEVICE=auto]
#          bench/predictor_ground_truth.sh BUILD_DIR [OUT=bench/data/predictor_ground_truth.tsv]
set -eu
build=${1:?usage: predictor_ground_truth.sh BUILD_DIR [OUT]}
out=${2:-bench/data/predictor_ground_truth.tsv}
cli="$build/app/cli/nas-studio-cli"
count=${COUNT:-60} sample_seed=${SAMPLE_SEED:-2024}
epochs=${EPOCHS:-4} train_limit=${TRAIN_LIMIT:-4000} test_limit=${TEST_LIMIT:-2000}
channels=${CHANNELS:-8} layers=${LAYERS:-3} threads=${THREADS:-1} device=${DEVICE:-auto}
workspace=$(mktemp -d)
trap 'rm -rf "$workspace"' EXIT

recipe="--dataset fashion-mnist --epochs $epochs --train-limit $train_limit --test-limit $test_limit
  --channels $channels --layers $layers --no-augment --no-auxiliary --seed 1"
if [ ! -s "$out" ]; then
  printf '# %s train %s, sample %s --seed %s\n' "$(date -u +%F)" "$(echo $recipe)" "$count" \
    "$sample_seed" > "$out"
fi

"$cli" sample "$count" --seed "$sample_seed" > "$workspace/architectures.txt"
index=0
while IFS= read -r genotype; do
  index=$((index + 1))
  grep -q "^$index	" "$out" && continue
  # shellcheck disable=SC2086 # the recipe is a word list
  result=$("$cli" train --genotype "$genotype" $recipe --threads "$threads" --device "$device" \
    --workspace "$workspace" --json < /dev/null)
  accuracy=$(printf '%s\n' "$result" | sed -n 's/.*"test_accuracy": *\([0-9.e-]*\).*/\1/p')
  params=$(printf '%s\n' "$result" | sed -n 's/.*"params": *\([0-9.e+-]*\).*/\1/p')
  printf '%s\t%s\t%s\t%s\n' "$index" "$accuracy" "$params" "$genotype" >> "$out"
  echo "$(date -u +%H:%M:%S) $index/$count test accuracy $accuracy" >&2
done < "$workspace/architectures.txt"
