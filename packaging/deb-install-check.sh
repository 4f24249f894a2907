#!/bin/bash
# Proves the Debian package installs and starts where nothing else is installed: builds the .deb,
# installs it with apt into a brand-new minimal Debian 12 root (so apt has to pull every runtime
# library from the package's Depends), then runs the CLI and the studio from there (the studio
# under a virtual X server, doing its end-to-end demo), and removes the package again.
#   usage (as root, after packaging/build.sh):  packaging/deb-install-check.sh [BUILD_DIR=build]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ "$(id -u)" = 0 ] || { echo "deb-install-check: needs root (it builds a chroot)" >&2; exit 2; }

echo "== building the package"
cmake --build "$build" --target package >/dev/null
deb=$(ls -t "$build"/nas-studio_*_amd64.deb | head -n 1)
echo "$deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Depends Recommends

base=/var/tmp/fresh-debian-bookworm.tar  # the minimal root ../shared/tools/fresh-debian-check caches
root=$(mktemp -d /tmp/nas-deb-check.XXXXXX)
cleanup() {
  for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
if [ -s "$base" ]; then
  tar -C "$root" -xf "$base"
else
  command -v debootstrap >/dev/null || apt-get install -y -q debootstrap >/dev/null
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  debootstrap --variant=minbase bookworm "$root" "${mirror:-http://deb.debian.org/debian}" >/dev/null
fi
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/" && rm -f "$root/etc/apt/sources.list"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/nas-studio.deb"
for m in proc sys dev dev/pts; do mount --bind "/$m" "$root/$m"; done

inside() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive /bin/bash -c "$1"
}
echo "== apt install ./nas-studio.deb in a fresh Debian 12 root"
inside "apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends /tmp/nas-studio.deb >/tmp/apt.log \
        || { tail -n 30 /tmp/apt.log; exit 1; }"
inside "dpkg -L nas-studio | grep -E 'bin/|\.desktop|metainfo|icons'"
echo "== nas-studio-cli from the package"
inside "nas-studio-cli inspect --genotype DARTS_V2 --channels 36 --layers 20 --classes 10 --input 3x32x32 --json"
echo "== nas-studio from the package, under Xvfb (the virtual display is the check's, not a dependency)"
inside "apt-get install -y -q --no-install-recommends xvfb xauth >/dev/null"
inside "mkdir -p /tmp/shots && xvfb-run -a -s '-screen 0 1920x1200x24' nas-studio --demo --screenshots /tmp/shots \
        --workspace /tmp/ws --language en && ls -s /tmp/shots"
echo "== removing the package"
inside "apt-get remove -y -q nas-studio >/dev/null && ! command -v nas-studio"
echo "deb-install-check: the package installed, both programs ran, and it removed cleanly"
