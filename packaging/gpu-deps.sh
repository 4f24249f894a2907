#!/bin/bash
# Copies, from this Debian 12 machine, what packaging/gpu-check.sh needs on a GPU machine that has
# PyTorch but not Debian's packages: SQLite, zlib and nlohmann-json headers with static libraries,
# googletest's sources, Gloo's headers (data-parallel search, where the wheel lacks them) and
# Fashion-MNIST. About 39 MB.
#
#   packaging/gpu-deps.sh DIR
#   then, there: NAS_DEPS_PREFIX=DIR/prefix GTEST_SOURCE=DIR/googletest FASHION_DIR=DIR/fashion-mnist \
#                packaging/gpu-check.sh
set -eu
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=$1
lib=/usr/lib/x86_64-linux-gnu
for f in /usr/include/sqlite3.h /usr/include/zlib.h /usr/include/gloo/algorithm.h $lib/libsqlite3.a $lib/libz.a /usr/share/cmake/nlohmann_json \
         /usr/src/googletest /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz; do
  [ -e "$f" ] || { echo "missing $f: run packaging/install-deps.sh first" >&2; exit 1; }
done
mkdir -p "$dir/prefix/include" "$dir/prefix/lib" "$dir/prefix/share/cmake" "$dir/fashion-mnist"
cp /usr/include/sqlite3.h /usr/include/sqlite3ext.h /usr/include/zlib.h /usr/include/zconf.h "$dir/prefix/include/"
cp -r /usr/include/nlohmann /usr/include/gloo "$dir/prefix/include/"
cp -r /usr/share/cmake/nlohmann_json "$dir/prefix/share/cmake/"
cp $lib/libsqlite3.a $lib/libz.a "$dir/prefix/lib/"
rm -rf "$dir/googletest" && cp -r /usr/src/googletest "$dir/googletest"
cp /usr/share/datasets/fashion-mnist/*.gz "$dir/fashion-mnist/"
du -sh "$dir"
