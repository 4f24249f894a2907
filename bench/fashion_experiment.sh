#!/bin/sh
# The README's real-data experiment: search a cell on a Fashion-MNIST subset, train the found
# genotype from scratch, and train a plain CNN of the same parameter count the same way.
#   usage: bench/fashion_experiment.sh BUILD_DIR [STRATEGY=nasp] [WORKSPACE=/tmp/nas-fashion]
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

echo "== search: $strategy on 6000 Fashion-MNIST training images (3000 weights / 3000 architecture)"
"$cli" search --workspace "$ws" --strategy "$strategy" --dataset fashion-mnist --train-limit 6000 \
  --epochs 8 --batch-size 64 --channels 8 --layers 5 --seed 2 --threads "$threads" --name "fashion-$strategy" 2>&1 | tee "$out/search.log"
run=$(sed -n 's/^run \([0-9]*\) finished$/\1/p' "$out/search.log" | tail -n 1)
"$cli" export "$run" --workspace "$ws" --out "$out/export"

# One recipe for both networks: cosine SGD (0.025), batch 96, crop + flip, 12 epochs. The cell gets
# neither auxiliary head nor drop path, which the plain CNN has no counterpart of and which only pay
# off over hundreds of epochs.
epochs=${EPOCHS:-12}
common="--dataset fashion-mnist --train-limit 10000 --epochs $epochs --channels 12 --layers 6 --batch-size 96 --seed ${SEED:-1} --threads $threads --json"
echo "== train the found genotype from scratch"
"$cli" train --genotype "$out/export/genotype.json" $common --no-auxiliary --drop-path 0 | tee "$out/train-genotype.json"
echo "== train a plain CNN with the same parameter count"
"$cli" train --baseline-like "$out/export/genotype.json" $common | tee "$out/train-baseline.json"
