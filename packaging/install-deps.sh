#!/bin/sh
# Installs everything NAS Studio needs to build, test and run on Debian 12 (bookworm).
# Idempotent: packages already present are skipped by apt; safe to run before every build.
set -eu

PACKAGES="
  build-essential cmake ninja-build pkg-config git ca-certificates
  libtorch-dev libopenblas0-pthread libgloo-dev
  nlohmann-json3-dev libsqlite3-dev zlib1g-dev libgtest-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev libvulkan-dev
  libqcustomplot-dev libqcustomplot2.1-qt6 qt6-svg-dev
  dataset-fashion-mnist python3-torch
  xvfb xauth clang-format
"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "nas-studio: installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null
