#!/bin/bash
# The GPU check: builds the engine, CLI, tests and benchmark with the GUI off against the LibTorch of
# the python3 on PATH (PyTorch's, with CUDA), runs the tests on the CPU and the engine suites on the
# GPU, times the search steps on the GPU, and runs a real Fashion-MNIST search there: kill, resume,
# train the found cell, export it and load the weights in that Python.
#
#   packaging/gpu-check.sh [BUILD_DIR=build-gpu]
#
# DARTS_SRC, when set, names a checkout of the authors' DARTS code for the side-by-side step times.
# For machines without the Debian packages, these name what to use instead:
#   NAS_DEPS_PREFIX   a prefix with include/{sqlite3.h,zlib.h,zconf.h,nlohmann/}, lib/{libsqlite3.a,libz.a}
#                     and share/cmake/nlohmann_json/ (copied from a Debian 12 machine)
#   GTEST_SOURCE      a googletest source tree (Debian: /usr/src/googletest), built when GTest is missing
#   FASHION_DIR       Fashion-MNIST's four .gz files (default /usr/share/datasets/fashion-mnist)
# (packaging/gpu-deps.sh DIR copies all three from a Debian 12 machine.) DEVICE=cpu and STEPS=3 make
# a dry run of the whole script on a machine without a GPU.
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${1:-build-gpu}
CLI=$BUILD/app/cli/nas-studio-cli
FASHION_DIR=${FASHION_DIR:-/usr/share/datasets/fashion-mnist}
DEVICE=${DEVICE:-cuda}
STEPS=${STEPS:-30}
step() { echo; echo "=== $* ($(date +%T))"; }

step environment
nvidia-smi -L || echo "no nvidia-smi"
g++ --version | head -1; cmake --version | head -1
export PATH=$PATH:/usr/local/cuda/bin
python3 -c 'import torch; print("torch", torch.__version__, "CUDA", torch.version.cuda, "GPU", torch.cuda.is_available())' ||
  { echo "python3 cannot import torch"; exit 1; }
prefixes="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
extra=()
if [ -n "${NAS_DEPS_PREFIX:-}" ]; then
  prefixes="$prefixes;$NAS_DEPS_PREFIX"
  extra+=(-DSQLite3_INCLUDE_DIR="$NAS_DEPS_PREFIX/include" -DSQLite3_LIBRARY="$NAS_DEPS_PREFIX/lib/libsqlite3.a"
          -DZLIB_INCLUDE_DIR="$NAS_DEPS_PREFIX/include" -DZLIB_LIBRARY="$NAS_DEPS_PREFIX/lib/libz.a")
fi
if [ -n "${GTEST_SOURCE:-}" ]; then
  step googletest from "$GTEST_SOURCE"
  { cmake -S "$GTEST_SOURCE" -B /tmp/nas-gtest-build -DCMAKE_BUILD_TYPE=Release -DBUILD_GMOCK=OFF \
      -DCMAKE_INSTALL_PREFIX=/tmp/nas-gtest && cmake --build /tmp/nas-gtest-build -j "$(nproc)" &&
    cmake --install /tmp/nas-gtest-build; } >/tmp/nas-gtest.log 2>&1 || { tail -30 /tmp/nas-gtest.log; exit 1; }
  prefixes="$prefixes;/tmp/nas-gtest"
fi

step configure
cmake -S . -B "$BUILD" -DNAS_BUILD_GUI=OFF -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefixes" \
  "${extra[@]}" >/tmp/nas-configure.log 2>&1 || { tail -40 /tmp/nas-configure.log; exit 1; }
grep -E "CUDA detected|Found Torch" /tmp/nas-configure.log

step build
start=$(date +%s)
cmake --build "$BUILD" -j "$(nproc)" >/tmp/nas-build.log 2>&1; rc=$?
echo "build exit $rc in $(( $(date +%s) - start )) s, $(grep -c 'warning:' /tmp/nas-build.log) warnings"
grep -E "error|FAILED" /tmp/nas-build.log | head -40
[ -x "$CLI" ] || exit 1

export NAS_TEST_PYTHON
NAS_TEST_PYTHON=$(command -v python3)
step tests on the CPU
(cd "$BUILD" && ctest -j "$(nproc)" --timeout 300 2>&1 | grep -vE " Test +#[0-9]+: .* Passed|^ +Start +[0-9]+:" | tail -30)
step engine suites on "$DEVICE"
[ "$DEVICE" = cpu ] || (cd "$BUILD" && NAS_TEST_DEVICE=$DEVICE ctest -j 8 --timeout 300 -R "Checkpoint|Session|Strateg|Snas|Nasp|Darts|Random" \
  --output-on-failure 2>&1 | grep -vE " Test +#[0-9]+: .* Passed|^ +Start +[0-9]+:" | tail -40)

step search step times on "$DEVICE"
"$BUILD"/bench/bench_search_step "$(( STEPS / 3 ))" darts,snas,nasp,nasp:0.25,random,random:skip 2 "$DEVICE"
# Beside the authors' DARTS network when DARTS_SRC names a checkout of it (fetched by you).
[ -n "${DARTS_SRC:-}" ] && DEVICE=$DEVICE PYTHON=$(command -v python3) STEPS=$(( STEPS / 3 )) \
  bench/step_ratio_bench.sh "$BUILD"

step "two data-parallel ranks of a search on loopback, over Gloo"
(cd "$BUILD" && ctest --timeout 300 -R "DataParallel|RankSetup" 2>&1 | tail -4)

[ -f "$FASHION_DIR/train-images-idx3-ubyte.gz" ] || { echo "no Fashion-MNIST at $FASHION_DIR: searches skipped"; exit 0; }
step the quick Fashion-MNIST search on "$DEVICE"
W=$(mktemp -d)
$CLI search --config resources/configs/fashion-quick.json --data-path "$FASHION_DIR" --device "$DEVICE" \
  --epochs 3 --steps-per-epoch "$STEPS" --workspace "$W/quick" 2>&1 | tail -5

step kill and resume an SNAS search on "$DEVICE" against an uninterrupted one
args=(search --strategy snas --epochs 4 --steps-per-epoch "$STEPS" --train-limit 4000 --seed 3
      --data-path "$FASHION_DIR" --device "$DEVICE" --quiet)
$CLI "${args[@]}" --workspace "$W/reference" >/dev/null 2>&1 || echo "the reference search failed"
$CLI "${args[@]}" --workspace "$W/killed" >/dev/null 2>&1 &
pid=$!
epochsDone() {
  $CLI runs --json --workspace "$W/killed" 2>/dev/null |
    python3 -c 'import json,sys; r=json.load(sys.stdin); print(r[0]["epochs_done"] if r else 0)' 2>/dev/null || echo 0
}
for _ in $(seq 1 900); do
  [ "$(epochsDone)" -ge 2 ] && { kill -9 $pid; echo "killed after 2 epochs"; break; }
  sleep 0.1
done
wait $pid 2>/dev/null
$CLI resume 1 --workspace "$W/killed" 2>&1 | tail -2
$CLI show 1 --json --workspace "$W/reference" >"$W/reference.json"
$CLI show 1 --json --workspace "$W/killed" >"$W/killed.json"
python3 - "$W/reference.json" "$W/killed.json" <<'EOF'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
print("resumed run:", b["status"], len(b["epochs"]), "epochs")
for x, y in zip(a["epochs"], b["epochs"]):
    print("epoch %d: same genotype %s, train loss %.6f vs %.6f"
          % (x["epoch"], x["genotype"] == y["genotype"], x["train_loss"], y["train_loss"]))
EOF

step train the quick search\'s cell on "$DEVICE", export it, load the weights in Python
$CLI train --run 1 --epochs 1 --train-limit $(( STEPS * 100 )) --workspace "$W/quick" 2>&1 | tail -3
$CLI export 1 --out "$W/export" --workspace "$W/quick" 2>&1 | tail -2
(cd "$W/export" && python3 model.py weights.pt)
rm -rf "$W"
step finished
