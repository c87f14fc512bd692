"""Numbered schema migrations; each is a small function run in its own transaction.

The ``schema_version`` table has one row per applied migration.  :func:`migrate`
applies the missing ones in order, so a database at any earlier version (or an
empty one) reaches the current schema.  Never edit a released migration: add one.
A later migration that alters a table must not rely on an earlier one having
created it from today's metadata (create tables in the migration that introduces them).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from dateline.errors import StoreError
from dateline.store import fts, schema as s
from dateline.store.engine import now


def _m1_core(conn: sa.Connection) -> None:
    """Articles, entities, mentions and failures."""
    for table in (s.articles, s.entities, s.mentions, s.failures):
        table.create(conn)


def _m2_facts(conn: sa.Connection) -> None:
    """Quotes, events, quantities and disagreements."""
    for table in (s.quotes, s.events, s.quantities, s.disagreements):
        table.create(conn)


def _m3_search_and_stories(conn: sa.Connection) -> None:
    """Full-text search over articles and quotes; stories for the clustering stage."""
    fts.create(conn)
    for table in (s.stories, s.story_members):
        table.create(conn)
    # Index what earlier versions already stored.
    arts = conn.execute(sa.select(s.articles.c.id, s.articles.c.title, s.articles.c.text)).all()
    for aid, title, text in arts:
        qs = conn.execute(sa.select(s.quotes.c.id, s.quotes.c.text, s.quotes.c.speaker)
                          .where(s.quotes.c.article_id == aid)).all()
        fts.index_article(conn, aid, title, text, [tuple(q) for q in qs])


#: (version, name, function), in order.  The last version is the current schema.
MIGRATIONS: tuple[tuple[int, str, Callable[[sa.Connection], None]], ...] = (
    (1, "core", _m1_core),
    (2, "facts", _m2_facts),
    (3, "search_and_stories", _m3_search_and_stories),
)

CURRENT_VERSION = MIGRATIONS[-1][0]


def current_version(conn: sa.Connection) -> int:
    """Return the schema version of the database (0 when empty)."""
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(sa.select(sa.func.max(s.schema_version.c.version))).scalar() or 0


#: Key of the PostgreSQL advisory lock that serialises migrations (any constant; "dl" in ASCII).
_PG_MIGRATION_LOCK = 0x646C


def _lock(conn: sa.Connection) -> None:
    """Serialise migrations between processes (SQLite: BEGIN IMMEDIATE does it; PostgreSQL: an advisory lock)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})


def migrate(engine: sa.Engine, target: int | None = None) -> int:
    """Apply the missing migrations up to ``target`` (default: current); return the new version.

    Raises:
        StoreError: the database is newer than this dateline, or a migration failed.
    """
    target = CURRENT_VERSION if target is None else target
    with engine.connect() as conn:  # up to date: no write lock, so reads go on beside a writer or on a read-only file
        version = current_version(conn)
    if version > CURRENT_VERSION:
        raise StoreError(f"database schema version {version} is newer than this dateline ({CURRENT_VERSION}); upgrade dateline")
    if version >= target:
        return version
    w = engine.execution_options(sqlite_begin="IMMEDIATE") if engine.dialect.name == "sqlite" else engine
    with w.begin() as conn:
        _lock(conn)
        if not sa.inspect(conn).has_table("schema_version"):
            s.schema_version.create(conn, checkfirst=True)
    with engine.connect() as conn:
        version = current_version(conn)
    if version > CURRENT_VERSION:
        raise StoreError(f"database schema version {version} is newer than this dateline ({CURRENT_VERSION}); upgrade dateline")
    for number, name, func in MIGRATIONS:
        if version < number <= target:
            try:
                with w.begin() as conn:
                    _lock(conn)
                    if current_version(conn) >= number:  # another process got there first
                        continue
                    func(conn)
                    conn.execute(s.schema_version.insert().values(version=number, name=name, applied_at=now()))
            except sa.exc.SQLAlchemyError as exc:
                raise StoreError(f"migration {number} ({name}) failed: {exc}; the database was left at version {number - 1}") from exc
            version = number
    return version
