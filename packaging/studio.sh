#!/bin/sh
# The main job: build, then start the studio. Without a display, run a headless search on the
# default data (Fashion-MNIST, quick preset) with progress on the terminal.
set -eu
cd "$(dirname "$0")/.."
./packaging/build.sh
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/app/studio/nas-studio ]; then
  exec build/app/studio/nas-studio "$@"
fi
echo "no display: running a headless search (resources/configs/fashion-quick.json)"
exec build/app/cli/nas-studio-cli search --config resources/configs/fashion-quick.json "$@"
