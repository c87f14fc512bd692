"""`dateline query / export / report / ingest` on hostile databases and inputs: one line, exit 1, data kept."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli.main import app
from dateline.store import open_db, save_result, writer

from ..store_fixtures import article_text, make_result

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, list(args))


def one_error_line(r) -> str:
    """Assert the run failed with exactly one `dateline: error:` line and no traceback; return it."""
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert r.exit_code == 1, r.output
    assert len(lines) == 1 and lines[0].startswith("dateline: error:"), r.stderr
    assert "Traceback" not in r.output
    return lines[0]


def stored_db(tmp_path: Path, *results) -> str:
    db = str(tmp_path / "s.db")
    engine = open_db(db)
    with writer(engine).begin() as conn:
        for r in results or (make_result(article_text(1), source="a.txt"),):
            save_result(conn, r)
    engine.dispose()  # the last connection closed: the WAL is checkpointed into the file
    return db


def test_file_that_is_not_a_database(tmp_path: Path):
    for name, content in (("random.db", bytes(range(256)) * 20), ("notes.db", b"just some notes\n" * 10)):
        p = tmp_path / name
        p.write_bytes(content)
        for cmd in (("query", "articles"), ("export", "--format", "jsonl"), ("report", "--out", str(tmp_path / "r.html"))):
            line = one_error_line(invoke(*cmd, "--db", str(p)))
            assert "not a dateline database" in line and "another --db" in line
        assert p.read_bytes() == content  # never overwritten


def test_query_csv_neutralises_formulas(tmp_path: Path):
    db = stored_db(tmp_path, make_result(article_text(1), source="a.txt", title="=HYPERLINK(\"http://evil.example\",\"x\")"))
    r = invoke("query", "articles", "--db", db, "--format", "csv")
    assert r.exit_code == 0, r.output
    (row,) = list(csv.DictReader(io.StringIO(r.stdout)))
    assert row["title"] == "'=HYPERLINK(\"http://evil.example\",\"x\")" and row["source"] == "a.txt"


def test_query_beside_a_writer_does_not_wait_for_it(tmp_path: Path, monkeypatch):
    import sqlite3

    import dateline.store.engine as engine

    db = stored_db(tmp_path)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)  # a lock wait would fail fast instead of after 30 s
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # an ingest in the middle of an article
    try:
        r = invoke("query", "articles", "--db", db, "--format", "json")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert r.exit_code == 0, r.output
    assert '"source": "a.txt"' in r.stdout


def test_read_only_database_is_read(tmp_path: Path, monkeypatch):
    import dateline.store.engine as engine

    db = stored_db(tmp_path)
    assert not Path(db + "-wal").exists()
    monkeypatch.setattr(engine.os, "access", lambda path, mode: False)  # root ignores chmod: act as a read-only mount
    e = engine.open_db(db, create=False)
    assert "immutable=1" in str(e.url)
    r = invoke("query", "articles", "--db", db, "--format", "json")
    assert r.exit_code == 0 and '"source": "a.txt"' in r.stdout
    line = one_error_line(invoke("ingest", str(tmp_path / "none.txt"), "--db", db))
    assert "is read-only; make it writable or copy it somewhere writable" in line


def test_bad_date_filter_is_one_line(tmp_path: Path):
    db = stored_db(tmp_path)
    line = one_error_line(invoke("query", "events", "--db", db, "--from", "09/12/2022"))
    assert "--from '09/12/2022' is not a date; give YYYY-MM-DD" in line
