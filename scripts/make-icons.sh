#!/usr/bin/env bash
# Draws the add-in's icons (two bars of unequal height: the gap to close) with ImageMagick.
# Needs Debian's imagemagick: apt-get install -y imagemagick
set -euo pipefail
cd "$(dirname "$0")/../assets"
for s in 16 32 64 80 128; do
  convert -size ${s}x${s} xc:none -fill "#1F6F78" -draw "roundrectangle 0,0 $((s-1)),$((s-1)) $((s/6)),$((s/6))" \
    -fill "#F2C14E" -draw "rectangle $((s*2/10)),$((s*3/10)) $((s*4/10)),$((s*8/10))" \
    -fill white -draw "rectangle $((s*6/10)),$((s*2/10)) $((s*8/10)),$((s*8/10))" "icon-$s.png"
done
