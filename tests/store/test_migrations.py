"""Migrations: from empty, and from every earlier version, to the current schema."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from dateline.errors import StoreError
from dateline.store import fts, open_db, schema as s
from dateline.store.engine import db_url, _sqlite_setup
from dateline.store.migrations import CURRENT_VERSION, MIGRATIONS, current_version, migrate


def _engine(db):
    """A bare engine, not migrated (open_db would migrate it)."""
    engine = sa.create_engine(db_url(db))
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine)
    return engine


def _shape(engine):
    insp = sa.inspect(engine)
    return {t: sorted(c["name"] for c in insp.get_columns(t)) for t in insp.get_table_names()}


def test_from_empty_reaches_current(new_db):
    engine = open_db(new_db("a"))
    with engine.connect() as conn:
        assert current_version(conn) == CURRENT_VERSION
        versions = [r[0] for r in conn.execute(sa.select(s.schema_version.c.version).order_by(s.schema_version.c.version))]
        assert versions == [m[0] for m in MIGRATIONS]
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert {t.name for t in s.TABLES} <= set(_shape(engine))


@pytest.mark.parametrize("start", [m[0] for m in MIGRATIONS[:-1]])
def test_from_each_earlier_version(new_db, start):
    engine = _engine(new_db("old"))
    assert migrate(engine, target=start) == start
    with engine.begin() as conn:  # data written by that older version
        conn.execute(s.articles.insert().values(id=1, text_hash="h1", text="Shelling near Izium continued.",
                                                title="Izium", language="en", result_json="{}", ingested_at="2024-01-01"))
        if start >= 2:
            conn.execute(s.quotes.insert().values(article_id=1, text="we hold the line", start=0, end=5, kind="direct",
                                                  status="asserted", speaker="Someone"))
    assert migrate(engine) == CURRENT_VERSION
    fresh = open_db(new_db("fresh"))
    assert _shape(engine) == _shape(fresh)
    with engine.connect() as conn:
        assert conn.execute(sa.select(s.articles.c.title)).scalar() == "Izium"
        hits = fts.search(conn, "Izium shelling")
        assert [h["kind"] for h in hits] == ["article"]  # indexed by the migration that added search
        if start >= 2:
            assert [h["kind"] for h in fts.search(conn, "line")] == ["quote"]


def test_migrate_is_idempotent_and_refuses_newer(new_db):
    path = new_db("a")
    engine = open_db(path)
    assert migrate(engine) == CURRENT_VERSION
    with engine.begin() as conn:
        conn.execute(s.schema_version.insert().values(version=CURRENT_VERSION + 1, name="future", applied_at="x"))
    with pytest.raises(StoreError, match="newer"):
        open_db(path)


def test_failed_migration_leaves_previous_version(new_db, monkeypatch):
    import dateline.store.migrations as mig

    def broken(conn):
        conn.execute(sa.text("CREATE TABLE half_done (x INTEGER)"))
        conn.execute(sa.text("SELECT * FROM no_such_table"))

    monkeypatch.setattr(mig, "MIGRATIONS", (*MIGRATIONS[:1], (2, "broken", broken)))
    engine = _engine(new_db("b"))
    with pytest.raises(StoreError, match="migration 2"):
        mig.migrate(engine, target=2)
    with engine.connect() as conn:
        assert mig.current_version(conn) == 1
        assert not sa.inspect(conn).has_table("half_done")  # DDL rolled back with the migration
