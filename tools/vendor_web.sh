#!/usr/bin/env bash
# Reproduce the dashboard's vendored front-end files from the npm registry.
#
# The dashboard needs no build step and no network at run time: the files below are committed under
# src/frontwatch/web/static/vendor/ with their licence, and this script is how they were made.
#   tools/vendor_web.sh          # fetch, copy, and check against the recorded SHA256SUMS
#   tools/vendor_web.sh --update # the same, rewriting SHA256SUMS (after changing the version on purpose)
set -euo pipefail

LEAFLET_VERSION=1.9.4        # the map (BSD-2-Clause)
SWAGGER_UI_VERSION=5.35.0    # the API's /docs page (Apache-2.0), so it works offline too
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENDOR="$ROOT/src/frontwatch/web/static/vendor"
BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT

cd "$BUILD"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts "leaflet@$LEAFLET_VERSION" "swagger-ui-dist@$SWAGGER_UI_VERSION" >/dev/null
NM="$BUILD/node_modules"

mkdir -p "$VENDOR/leaflet/images" "$VENDOR/swagger-ui"
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$NM/leaflet/LICENSE" "$VENDOR/leaflet/"
cp "$NM/leaflet/dist/images/"*.png "$VENDOR/leaflet/images/"
echo "leaflet $LEAFLET_VERSION from the npm registry (https://www.npmjs.com/package/leaflet), BSD-2-Clause" \
    > "$VENDOR/leaflet/VERSION"
cp "$NM/swagger-ui-dist/swagger-ui-bundle.js" "$NM/swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt" \
    "$NM/swagger-ui-dist/swagger-ui.css" "$NM/swagger-ui-dist/LICENSE" "$NM/swagger-ui-dist/NOTICE" "$VENDOR/swagger-ui/"
echo "swagger-ui-dist $SWAGGER_UI_VERSION from the npm registry (https://www.npmjs.com/package/swagger-ui-dist), Apache-2.0" \
    > "$VENDOR/swagger-ui/VERSION"

for dest in "$VENDOR/leaflet" "$VENDOR/swagger-ui"; do
    cd "$dest"
    if [[ "${1:-}" == "--update" || ! -f SHA256SUMS ]]; then
        find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS
        echo "wrote $dest/SHA256SUMS"
    else
        sha256sum --quiet -c SHA256SUMS && echo "$(basename "$dest"): vendored files match SHA256SUMS"
    fi
done
