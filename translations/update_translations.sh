#!/bin/sh
# Re-extracts the studio's user-visible strings into the .ts files (run after changing tr() texts,
# then translate the new entries in nas_studio_de.ts, e.g. with Qt Linguist).
# -I lets lupdate read the class declarations behind each tr(): that gives every string its full
# context (nas::widgets::LaunchPanel), the name tr() looks the translation up by at run time.
set -eu
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
for lang in en de; do
  "$LUPDATE" -I . -I core -no-obsolete -locations none -source-language en -target-language "$lang" \
    widgets app/studio -ts "translations/nas_studio_$lang.ts"
done
