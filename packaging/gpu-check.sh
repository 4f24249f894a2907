#!/bin/bash
# The GPU check: builds the engine, CLI and benchmarks with the GUI off against the LibTorch of the
# python3 on PATH (PyTorch's, with CUDA); times the search steps on the GPU beside the authors'
# DARTS network and profiles one step of each; runs a real Fashion-MNIST search there (killed,
# resumed, its cell trained, exported and loaded in that Python); then builds the tests and runs the
# data-parallel ones, the engine suites on the GPU and everything on the CPU. The stages come in
# that order so that a short lease gets the figures first.
#
#   packaging/gpu-check.sh [BUILD_DIR=build-gpu]
#
# DARTS_SRC, when set, names a checkout of the authors' DARTS code for the side-by-side step times.
# SECONDS_LEFT, when set, is the time the whole script may take: a stage that would not fit in what
#   is left is skipped with a line that says so.
# REPORT_DIR (default /tmp/nas-gpu-report) receives the logs and the profiled steps' traces.
# For machines without the Debian packages, these name what to use instead:
#   NAS_DEPS_PREFIX   a prefix with include/{sqlite3.h,zlib.h,zconf.h,nlohmann/,gloo/},
#                     lib/{libsqlite3.a,libz.a} and share/cmake/nlohmann_json/ (from a Debian 12 machine)
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
REPORT_DIR=${REPORT_DIR:-/tmp/nas-gpu-report}
mkdir -p "$REPORT_DIR"
started=$(date +%s)
step() { echo; echo "=== $* ($(date +%T), $(( $(date +%s) - started )) s in)"; }
# fits SECONDS: whether a stage expected to take that long fits in what SECONDS_LEFT leaves.
fits() {
  [ -z "${SECONDS_LEFT:-}" ] && return 0
  local left=$(( SECONDS_LEFT - ($(date +%s) - started) ))
  [ "$left" -ge "$1" ] && return 0
  echo "(skipped: about $1 s needed, $left s left)"
  return 1
}

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
  "${extra[@]}" >"$REPORT_DIR/configure.log" 2>&1 || { tail -40 "$REPORT_DIR/configure.log"; exit 1; }
grep -E "CUDA detected|Found Torch|Gloo" "$REPORT_DIR/configure.log"

# build WHAT TARGETS...: builds them and says how it went.
build() {
  local what=$1; shift
  local start; start=$(date +%s)
  cmake --build "$BUILD" -j "$(nproc)" --target "$@" >"$REPORT_DIR/build-$what.log" 2>&1
  local rc=$?
  echo "build of $what: exit $rc in $(( $(date +%s) - start )) s," \
    "$(grep -c 'warning:' "$REPORT_DIR/build-$what.log") warnings"
  grep -E "error:|FAILED" "$REPORT_DIR/build-$what.log" | head -30
  return $rc
}
step build the CLI and the benchmarks
build tools nas-studio-cli bench_search_step
[ -x "$CLI" ] || exit 1
build profiler bench_step_profile  # LibTorch's profiler API moves between versions: apart

step search step times on "$DEVICE" beside the authors\' network
# Beside the authors' DARTS network when DARTS_SRC names a checkout of it (fetched by you).
DEVICE=$DEVICE PYTHON=$(command -v python3) STEPS=$(( STEPS / 3 )) THREADS=2 \
  bench/step_ratio_bench.sh "$BUILD" 2>&1 | tee "$REPORT_DIR/step-ratio.txt"

step one profiled step each on "$DEVICE"
if [ -x "$BUILD/bench/bench_step_profile" ]; then
  for strategy in darts nasp enas; do
    "$BUILD/bench/bench_step_profile" "$strategy" "$REPORT_DIR/$strategy-trace.json" 2 "$DEVICE" &&
      python3 bench/trace_summary.py "$REPORT_DIR/$strategy-trace.json" 10
  done
fi
if [ -n "${DARTS_SRC:-}" ]; then
  python3 bench/reference/darts_step.py --src "$DARTS_SRC" --steps 2 --threads 2 --device "$DEVICE" \
    --trace "$REPORT_DIR/darts-ref-trace.json" && python3 bench/trace_summary.py "$REPORT_DIR/darts-ref-trace.json" 10
fi
gzip -f "$REPORT_DIR"/*-trace.json 2>/dev/null

if [ -f "$FASHION_DIR/train-images-idx3-ubyte.gz" ] && fits 120; then
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
fi

step build the tests
fits 150 && build tests all

export NAS_TEST_PYTHON
NAS_TEST_PYTHON=$(command -v python3)
step "two data-parallel ranks of a search on loopback, over Gloo"
fits 60 && (cd "$BUILD" && ctest --timeout 300 -R "DataParallel|RankSetup" 2>&1 | tail -4)
step engine suites on "$DEVICE"
[ "$DEVICE" = cpu ] || { fits 120 && (cd "$BUILD" && NAS_TEST_DEVICE=$DEVICE ctest -j 8 --timeout 300 \
  -R "Checkpoint|Session|Strateg|Snas|Nasp|Darts|Random" --output-on-failure 2>&1 |
  grep -vE " Test +#[0-9]+: .* Passed|^ +Start +[0-9]+:" | tail -40); }
step tests on the CPU
fits 180 && (cd "$BUILD" && ctest -j "$(nproc)" --timeout 300 2>&1 |
  grep -vE " Test +#[0-9]+: .* Passed|^ +Start +[0-9]+:" | tail -30)
step finished
