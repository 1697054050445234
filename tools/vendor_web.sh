#!/usr/bin/env bash
# Reproduce the dashboard's vendored front-end files from the npm registry.
#
# The dashboard needs no build step and no network at run time: the files below are committed under
# src/frontwatch/web/static/vendor/ with their licence, and this script is how they were made.
#   tools/vendor_web.sh          # fetch, copy, and check against the recorded SHA256SUMS
#   tools/vendor_web.sh --update # the same, rewriting SHA256SUMS (after changing the version on purpose)
set -euo pipefail

LEAFLET_VERSION=1.9.4
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/frontwatch/web/static/vendor/leaflet"
BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT

cd "$BUILD"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts "leaflet@$LEAFLET_VERSION" >/dev/null
SRC="$BUILD/node_modules/leaflet"

mkdir -p "$DEST/images"
cp "$SRC/dist/leaflet.js" "$SRC/dist/leaflet.css" "$DEST/"
cp "$SRC/dist/images/"*.png "$DEST/images/"
cp "$SRC/LICENSE" "$DEST/LICENSE"
echo "leaflet $LEAFLET_VERSION from the npm registry (https://www.npmjs.com/package/leaflet), BSD-2-Clause" > "$DEST/VERSION"

cd "$DEST"
if [[ "${1:-}" == "--update" || ! -f SHA256SUMS ]]; then
    find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS
    echo "wrote $DEST/SHA256SUMS"
else
    sha256sum --quiet -c SHA256SUMS && echo "vendored files match SHA256SUMS"
fi
