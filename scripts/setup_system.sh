#!/usr/bin/env bash
# System packages the tests need (Debian).  Idempotent; skipped when already present
# or when not root (then the tests that need them say what is missing).
set -eu
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# PostgreSQL server binaries for the store tests (scripts/pg_test_server.sh starts a throwaway cluster).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: missing system packages: ${need[*]} (install them with apt-get as root)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
