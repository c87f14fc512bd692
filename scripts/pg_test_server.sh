#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: its own cluster in a temp folder, on 127.0.0.1, on a free port.
#
#   scripts/pg_test_server.sh start [DIR]   # prints the URL, e.g. postgresql://postgres@127.0.0.1:54123/postgres
#   scripts/pg_test_server.sh stop  [DIR]   # stops it and removes DIR (default: the last one started)
#
# No system service is used.  initdb refuses to run as root, so as root the cluster runs as the
# `postgres` user (Debian's package creates it) or, when that is absent, a dedicated `dateline-pg` user.
set -euo pipefail

STATE=${DATELINE_PG_STATE:-/tmp/dateline-pg-test.last}

pg_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "pg_test_server: PostgreSQL server binaries (initdb, pg_ctl) not found; run scripts/setup_system.sh as root or apt-get install postgresql" >&2
  exit 2
}

run_as() {  # run a command as the cluster's owner
  if [ "$(id -u)" = "0" ]; then
    runuser -u "$OWNER" -- "$@"
  else
    "$@"
  fi
}

pick_owner() {
  if [ "$(id -u)" != "0" ]; then OWNER=$(id -un); return; fi
  if id postgres >/dev/null 2>&1; then OWNER=postgres; return; fi
  id dateline-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin dateline-pg
  OWNER=dateline-pg
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bin dir port
  bin=$(pg_bindir)
  pick_owner
  dir=${1:-$(mktemp -d /tmp/dateline-pg.XXXXXX)}
  mkdir -p "$dir"
  [ "$(id -u)" = "0" ] && chown "$OWNER" "$dir"
  chmod 700 "$dir"
  run_as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { echo "pg_test_server: initdb failed, see $dir/initdb.log:" >&2; tail -5 "$dir/initdb.log" >&2; exit 1; }
  local tries
  for tries in 1 2 3; do
    port=$(free_port)
    # fsync off: a throwaway cluster whose data is never worth a crash-safe write.
    if run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=100" \
        start >/dev/null 2>&1; then
      echo "$dir" >"$STATE"
      echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$dir/url"
      cat "$dir/url"
      return 0
    fi
  done
  echo "pg_test_server: the server did not start, see $dir/server.log:" >&2
  tail -5 "$dir/server.log" >&2 || true
  exit 1
}

stop() {
  local bin dir
  dir=${1:-$(cat "$STATE" 2>/dev/null || true)}
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "pg_test_server: nothing to stop" >&2; return 0; }
  bin=$(pg_bindir)
  pick_owner
  run_as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  if [ -f "$STATE" ] && [ "$(cat "$STATE")" = "$dir" ]; then rm -f "$STATE"; fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start [DIR] | stop [DIR]" >&2; exit 2 ;;
esac
