"""Open a database: a file path means SQLite (WAL, foreign keys on), a URL any SQLAlchemy engine."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from dateline.errors import StoreError

#: How long a SQLite connection waits for another writer before failing (ms).
BUSY_TIMEOUT_MS = 30_000

DEFAULT_DB = "dateline.db"


def db_url(db: str | Path) -> str:
    """Turn a path or URL into a SQLAlchemy URL."""
    s = str(db)
    for plain in ("postgresql://", "postgres://"):
        if s.startswith(plain):  # psycopg 3 is the driver dateline ships with, not SQLAlchemy's default psycopg2
            return "postgresql+psycopg://" + s[len(plain):]
    if "://" in s:
        return s
    return f"sqlite:///{Path(s).expanduser()}"


def _sqlite_setup(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (so DDL is transactional too).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # Writers take the write lock up front: no deadlock when two writers upgrade at once.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def open_db(db: str | Path, *, create: bool = True) -> sa.Engine:
    """Return an engine for ``db`` (path or URL), migrated to the current schema.

    Raises:
        StoreError: the database cannot be opened or migrated.
    """
    from dateline.store.migrations import migrate

    url = db_url(db)
    if url.startswith("sqlite:///") and not create:
        path = Path(url[len("sqlite:///"):])
        if not path.exists():
            raise StoreError(f"database {path} does not exist; create it with `dateline ingest PATH --db {path}`")
        if _frozen(path):
            url = f"sqlite:///file:{path}?immutable=1&uri=true"
    elif url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if path.is_file() and not os.access(path, os.W_OK):
            raise StoreError(f"database {path} is read-only; make it writable or copy it somewhere writable and pass that --db")
    try:
        engine = sa.create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot open database {db}: {exc}; give a file path or postgresql://user@host/db") from None
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine)
    try:
        migrate(engine)
    except sa.exc.DBAPIError as exc:  # OperationalError, and DatabaseError for a file that is not a database
        raise StoreError(f"cannot open database {redact(str(db))}: {str(exc.orig).strip()}; {_hint(str(db), exc)}") from None
    return engine


def _frozen(path: Path) -> bool:
    """True for a database no one can be writing: neither it nor its folder is writable, and no -wal file is beside it.

    SQLite cannot read a WAL database from a read-only place (it must create the -shm
    file), so such a file (an archive, a read-only share) is opened as immutable.
    """
    wal = path.with_name(path.name + "-wal")
    writable = os.access(path, os.W_OK) or os.access(path.parent, os.W_OK)
    return not writable and not (wal.exists() and wal.stat().st_size > 0)


def _hint(db: str, exc: sa.exc.DBAPIError) -> str:
    """Say what to do about a database that cannot be opened."""
    reason = str(exc.orig).lower()
    if "locked" in reason:
        return "another process (a running ingest?) is writing to it; wait for it to finish and try again"
    if "not a database" in reason or "malformed" in reason:
        return "the file is not a dateline database or is damaged; restore it from a backup or give another --db path"
    if "readonly" in reason or ("://" not in db and _frozen(Path(db).expanduser())):
        return "the file or its folder is read-only; make them writable or copy the database somewhere writable"
    if "://" in db:
        return "check the URL, that the server runs and the user may connect"
    return "check the path and permissions"


def redact(db: str) -> str:
    """Return ``db`` with any password in the URL replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", db)


def writer(engine: sa.Engine) -> sa.Engine:
    """Return the engine configured for write transactions."""
    return engine.execution_options(sqlite_begin="IMMEDIATE") if engine.dialect.name == "sqlite" else engine


def now() -> str:
    """Return the current UTC time as an ISO string."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
