#!/bin/sh
# The README's real-data experiment: search a cell on a Fashion-MNIST subset, train the found
# genotype from scratch, and train a plain CNN of the same parameter count the same way.
#   usage: [SKIP_SEARCH=1] [EPOCHS=12] [TRAIN_LIMIT=10000] [CHANNELS=12] [SEED=1] [THREADS=1] \
#          bench/fashion_experiment.sh BUILD_DIR [STRATEGY=nasp] [WORKSPACE=/tmp/nas-fashion]
set -eu
build=${1:?usage: fashion_experiment.sh BUILD_DIR [STRATEGY] [WORKSPACE]}
strategy=${2:-nasp}
ws=${3:-/tmp/nas-fashion}
# One intra-op thread per process by default: OpenMP threads on an oversubscribed machine wait for
# each other at every op and slow down many times over.
threads=${THREADS:-1}
cli="$build/app/cli/nas-studio-cli"
out="$ws/$strategy"
mkdir -p "$out"

if [ -z "${SKIP_SEARCH:-}" ]; then
echo "== search: $strategy on 6000 Fashion-MNIST training images (3000 weights / 3000 architecture)"
"$cli" search --workspace "$ws" --strategy "$strategy" --dataset fashion-mnist --train-limit 6000 \
  --epochs 8 --batch-size 64 --channels 8 --layers 5 --seed 2 --threads "$threads" --name "fashion-$strategy" 2>&1 | tee "$out/search.log"
run=$(sed -n 's/^run \([0-9]*\) finished$/\1/p' "$out/search.log" | tail -n 1)
"$cli" export "$run" --workspace "$ws" --out "$out/export" --overwrite
fi  # SKIP_SEARCH=1: train the genotype exported by an earlier search again (another size, seed or data)

# One recipe for both networks: cosine SGD (0.025), batch 96, crop + flip. The cell gets
# neither auxiliary head nor drop path, which the plain CNN has no counterpart of and which only pay
# off over hundreds of epochs.
# The README's settings: EPOCHS=12 TRAIN_LIMIT=10000 CHANNELS=12 or 8 (the defaults here), and
# EPOCHS=4 TRAIN_LIMIT=0 CHANNELS=8 (all 60,000 training images); SEED=1 and 2.
limit=${TRAIN_LIMIT:-10000} epochs=${EPOCHS:-12} channels=${CHANNELS:-12} seed=${SEED:-1}
common="--dataset fashion-mnist --train-limit $limit --epochs $epochs --channels $channels --layers 6
  --batch-size 96 --seed $seed --threads $threads --json"
tag="c$channels-n$limit-e$epochs-s$seed"
echo "== train the found genotype from scratch"
"$cli" train --genotype "$out/export/genotype.json" $common --no-auxiliary --drop-path 0 | tee "$out/train-genotype-$tag.json"
echo "== train a plain CNN with the same parameter count"
"$cli" train --baseline-like "$out/export/genotype.json" $common | tee "$out/train-baseline-$tag.json"
