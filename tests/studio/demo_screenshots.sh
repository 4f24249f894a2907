#!/bin/sh
# End-to-end check of the studio: under a virtual X server, `nas-studio --demo` runs short
# synthetic searches (SNAS, then ENAS and random search for the controller views, then a small
# predictor fitted to the random search for the predictor panel), saves a screenshot of every view
# and exits 0.
# Usage: demo_screenshots.sh NAS_STUDIO_BINARY SCREENSHOT_DIR
set -eu
studio=$1
shots=$2
command -v xvfb-run >/dev/null 2>&1 || { echo "xvfb-run not found: skipped"; exit 77; }
workspace=$(mktemp -d)
trap 'rm -rf "$workspace"' EXIT
rm -rf "$shots"
mkdir -p "$shots"
# Settings go to a throw-away home so the check never reads or changes the user's.
HOME=$workspace XDG_CONFIG_HOME=$workspace/config \
  xvfb-run -a -s "-screen 0 1920x1200x24" \
  "$studio" --demo --screenshots "$shots" --workspace "$workspace/ws" --language en
count=$(find "$shots" -name '*.png' -size +10k | wc -l)
echo "screenshots: $count in $shots"
[ "$count" -ge 15 ]
# The controller phase: its curves, both hidden-state views and the two-run comparison.
controller=$(find "$shots" -name '*controller*.png' -size +10k | wc -l)
hidden=$(find "$shots" -name '*hidden-state*.png' -size +10k | wc -l)
echo "controller screenshots: $controller, hidden-state screenshots: $hidden"
[ "$controller" -ge 2 ] && [ "$hidden" -ge 2 ]
# The predictor panel with a fitted predictor's answer, and its best under constraints.
predictor=$(find "$shots" -name '*predictor*.png' -size +10k | wc -l)
echo "predictor screenshots: $predictor"
[ "$predictor" -ge 2 ]
# RENA's edits: the derived layer network, its children and their accuracy against the budget.
[ -s "$shots/15-rena-edits.png" ]
