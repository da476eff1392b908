#!/usr/bin/env bash
# Draws the add-in's icons and logo with ImageMagick: two bars of unequal height on a teal tile,
# the gap to close. Writes assets/icon-{16,32,64,80,128}.png (ribbon and manifest icons) and
# assets/logo-filled.png (300 px, for the task pane header and store listings).
# Needs Debian's imagemagick (apt-get install -y imagemagick). Run with: npm run icons
set -euo pipefail
cd "$(dirname "$0")/../assets"
command -v convert >/dev/null || { echo "ImageMagick's convert is missing: apt-get install -y imagemagick" >&2; exit 1; }

draw() { # draw <size> <file>
  local s=$1
  echo "assets/$2 (${s}x${s})"
  convert -size "${s}x${s}" xc:none \
    -fill "#1F6F78" -draw "roundrectangle 0,0 $((s - 1)),$((s - 1)) $((s / 6)),$((s / 6))" \
    -fill "#F2C14E" -draw "rectangle $((s * 2 / 10)),$((s * 3 / 10)) $((s * 4 / 10)),$((s * 8 / 10))" \
    -fill white -draw "rectangle $((s * 6 / 10)),$((s * 2 / 10)) $((s * 8 / 10)),$((s * 8 / 10))" \
    -strip "PNG32:$2"
}

for s in 16 32 64 80 128; do draw "$s" "icon-$s.png"; done
draw 300 logo-filled.png
