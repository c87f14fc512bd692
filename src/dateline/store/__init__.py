"""The store: an embedded database of everything read (SQLite by default, PostgreSQL by URL).

    >>> from dateline.store import open_db, writer, save_result, query
    >>> engine = open_db("dateline.db")
    >>> with writer(engine).begin() as conn:
    ...     save_result(conn, result)
    >>> with engine.connect() as conn:
    ...     query.events(conn, query.Filters(place="Izium"))

Modules: ``schema`` (tables), ``migrations`` (numbered upgrades), ``repo`` (writes),
``query`` (reads), ``fts`` (full-text search, per dialect), ``engine`` (opening).
"""

from __future__ import annotations

from dateline.store import query
from dateline.store.engine import DEFAULT_DB, db_url, open_db, redact, writer
from dateline.store.migrations import CURRENT_VERSION, current_version
from dateline.store.query import Filters
from dateline.store.repo import record_failure, save_result, text_hash

__all__ = ["CURRENT_VERSION", "DEFAULT_DB", "Filters", "db_url", "doctor_checks", "open_db", "query",
           "record_failure", "save_result", "text_hash", "writer"]


def doctor_checks(db: str) -> list[tuple[bool, str, str]]:
    """Check that ``db`` opens, is at the current schema version and passes an integrity check."""
    rows: list[tuple[bool, str, str]] = []
    engine = open_db(db, create=False)
    with engine.connect() as conn:
        version = current_version(conn)
        rows.append((version == CURRENT_VERSION, "database schema", f"version {version} (current {CURRENT_VERSION}) at {redact(db)}"))
        if engine.dialect.name == "sqlite":
            ok = conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            rows.append((ok, "database integrity", "ok" if ok else "PRAGMA integrity_check failed; restore from a backup"))
            rows.append((mode == "wal", "database journal", str(mode)))
        else:
            server = conn.exec_driver_sql("SHOW server_version").scalar()
            rows.append((True, "database server", f"{engine.dialect.name} {server}"))
        n = query.counts(conn)
        rows.append((True, "database contents", ", ".join(f"{v} {k}" for k, v in n.items())))
    engine.dispose()
    return rows
