#!/usr/bin/env bash
# Build the project's data files from installed registry packages: `bash scripts/build_data.sh PYTHON`.
# Skips the gazetteer when its manifest matches the current inputs (script, keys, package versions).
set -euo pipefail
PY="${1:-python3}"
cd "$(dirname "$0")/.."
if "$PY" scripts/build_gazetteer.py --check; then
  echo "gazetteer: up to date" >&2
else
  "$PY" scripts/build_gazetteer.py
fi
