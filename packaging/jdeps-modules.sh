#!/usr/bin/env bash
# packaging/jdeps-modules.sh — which Java modules the application needs, as jdeps sees them.
# jdeps cannot analyse the jars side by side (several are explicit modules whose own requirements
# are not on the class path), so their classes are merged into one directory first.
# Compare its output with packaging/runtime-modules after changing dependencies. Takes ~1 minute.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="${1:-$root/kiosk-app/target}"
[[ -f "$app/kiosk-app.jar" && -d "$app/lib" ]] || { echo "jdeps-modules: build first (./kiosk --help builds kiosk-app)" >&2; exit 2; }
work="$(mktemp -d -t madoguchi-jdeps.XXXXXX)"
trap 'rm -rf "$work"' EXIT
for jar in "$app/kiosk-app.jar" "$app"/lib/*.jar; do
  (cd "$work" && unzip -qo "$jar" -x 'META-INF/*' 2>/dev/null || true)
done
find "$work" -name module-info.class -delete
jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$work" | tr ',' '\n'
