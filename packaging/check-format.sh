#!/bin/sh
# Fails when a tracked C++ file differs from .clang-format's layout, naming each such file.
# Fix with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -eu
cd "$(dirname "$0")/.."
drift=$(git ls-files '*.cpp' '*.h' | while read -r f; do
  if clang-format --dry-run "$f" 2>&1 | grep -q .; then echo "$f"; fi
done)
if [ -n "$drift" ]; then
  echo "format drift (.clang-format) in:" >&2
  echo "$drift" | sed 's/^/  /' >&2
  echo "fix: git ls-files '*.cpp' '*.h' | xargs clang-format -i" >&2
  exit 1
fi
echo "format: every C++ file follows .clang-format"
