#!/usr/bin/env bash
# Vendor the report's JavaScript/CSS and basemap from the npm registry into
# src/dateline/report/assets/ (committed; the report embeds them so it works offline).
#   bash scripts/vendor_assets.sh
# Pinned versions; re-run only to upgrade, then commit the changed files.
set -euo pipefail
LEAFLET=1.9.4
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/dateline/report/assets"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" >/dev/null
for pkg in "leaflet-$LEAFLET" "world-atlas-$WORLD_ATLAS" "topojson-client-$TOPOJSON_CLIENT"; do
  mkdir -p "$pkg" && tar xzf "$pkg.tgz" -C "$pkg"
done
mkdir -p "$dest"
cp "leaflet-$LEAFLET/package/dist/leaflet.js" "$dest/leaflet.js"
cp "leaflet-$LEAFLET/package/dist/leaflet.css" "$dest/leaflet.css"
cp "leaflet-$LEAFLET/package/LICENSE" "$dest/LICENSE.leaflet"
cp "world-atlas-$WORLD_ATLAS/package/countries-50m.json" "$dest/countries-50m.json"
cp "world-atlas-$WORLD_ATLAS/package/LICENSE" "$dest/LICENSE.world-atlas"
cp "topojson-client-$TOPOJSON_CLIENT/package/dist/topojson-client.min.js" "$dest/topojson-client.min.js"
cp "topojson-client-$TOPOJSON_CLIENT/package/LICENSE" "$dest/LICENSE.topojson-client"
cat > "$dest/VERSIONS" <<V
leaflet $LEAFLET (npm registry; dist/leaflet.js, dist/leaflet.css; BSD-2-Clause)
world-atlas $WORLD_ATLAS (npm registry; countries-50m.json; ISC, data: Natural Earth, public domain)
topojson-client $TOPOJSON_CLIENT (npm registry; dist/topojson-client.min.js; ISC)
V
echo "vendored into $dest"
