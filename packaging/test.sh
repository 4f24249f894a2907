#!/bin/sh
# Build, then run every test suite (GUI suites offscreen and under Xvfb).
set -eu
cd "$(dirname "$0")/.."
./packaging/build.sh
cd build
xvfb-run -a -s "-screen 0 1600x1000x24" ctest --output-on-failure --parallel 2 "$@"
