"""Ingest: folders, batches, URLs, workers, failures, crash safety, concurrent reads."""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import threading
import time

import pytest
import sqlalchemy as sa

from dateline.store import open_db, query, schema as s
from dateline.store.runner import IngestOptions, run_ingest
from store_fixtures import PYTHON, REPO, FakePipeline, article_text, write_articles


def ingest(db, paths, **kw):
    return run_ingest(open_db(db), [str(p) for p in paths], IngestOptions(**kw), pipeline_factory=FakePipeline)


def test_folder_and_batches_with_failures(tmp_path, new_db):
    write_articles(tmp_path / "in" / "sub", 3)
    (tmp_path / "in" / "skip.bin").write_bytes(b"\x00\x01")  # not an article extension: ignored
    (tmp_path / "in" / "batch.jsonl").write_text(
        json.dumps({"text": article_text(10), "url": "https://example.org/10"}) + "\n{broken\n"
        + json.dumps({"text": article_text(11) + " FAIL-ME"}) + "\n", encoding="utf-8")
    (tmp_path / "in" / "b.csv").write_text("title,text\nT,\"" + article_text(12).replace('"', '""') + "\"\n", encoding="utf-8")
    from xml.sax.saxutils import escape

    rss = ("<rss><channel><item><title>R</title><link>https://example.org/r</link><description>"
           + escape("<html><body><article><p>" + article_text(13) + "</p></article></body></html>") + "</description></item></channel></rss>")
    (tmp_path / "in" / "feed.rss").write_text(rss, encoding="utf-8")
    db = new_db("x")
    summary = ingest(db, [tmp_path / "in", tmp_path / "missing.txt"])
    assert (summary.stored, summary.failed, summary.skipped) == (6, 3, 0)
    with open_db(db).connect() as conn:
        fails = conn.execute(sa.select(s.failures.c.source, s.failures.c.where, s.failures.c.stage)).all()
        assert {f.stage for f in fails} == {"ingest", "pipeline"}
        assert any(f.where == "line 2" for f in fails)
        assert "https://example.org/10" in {a["source"] for a in query.articles(conn)}
    again = ingest(db, [tmp_path / "in"])
    assert (again.stored, again.skipped) == (0, 6)
    redo = ingest(db, [tmp_path / "in" / "sub"], reprocess=True)
    assert (redo.replaced, redo.stored) == (3, 0)


def test_workers_give_same_store(tmp_path, new_db):
    files = write_articles(tmp_path / "in", 8)
    one, two = new_db("one"), new_db("two")
    assert ingest(one, files).stored == 8
    assert ingest(two, files, workers=2).stored == 8
    with open_db(one).connect() as c1, open_db(two).connect() as c2:
        assert query.counts(c1) == query.counts(c2)
        key = lambda rows: sorted((r["source"], r["place_name"], r["killed"]) for r in rows)  # noqa: E731
        assert key(query.events(c1)) == key(query.events(c2))


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/big":
            body = b"x" * 5000
        elif self.path == "/go":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        else:
            body = f"<html><head><title>Report</title></head><body><article><p>{article_text(99)}</p></article></body></html>".encode()
        self.send_response(200 if self.path in ("/article", "/big") else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


@pytest.fixture()
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_urls(new_db, server):
    db = new_db("u")
    refused = ingest(db, [f"{server}/article"])
    assert refused.failed == 1 and "private" in refused.failures[0].reason
    ok = ingest(db, [f"{server}/go", f"{server}/loop", f"{server}/missing", f"{server}/big"], allow_private=True,
                max_bytes=4000)
    assert ok.stored == 1 and ok.failed == 3
    reasons = " | ".join(f.reason for f in ok.failures)
    assert "redirects" in reasons and "HTTP 404" in reasons and "limit" in reasons
    with open_db(db).connect() as conn:
        (art,) = query.articles(conn)
        assert art["source"] == f"{server}/go" and art["url"] == f"{server}/article"


CRASH_SCRIPT = """
import sys, time
sys.path.insert(0, {tests!r})
import dateline.store.repo as repo
from dateline.store import open_db
from dateline.store.runner import IngestOptions, run_ingest
from store_fixtures import FakePipeline
real = repo._insert_events
def slow(*a, **k):  # hold each article's transaction open, half written, for a while
    real(*a, **k)
    print("mid", flush=True)
    time.sleep(0.3)
repo._insert_events = slow
run_ingest(open_db({db!r}), [{folder!r}], IngestOptions(), pipeline_factory=FakePipeline)
"""


def test_killed_ingest_loses_nothing_and_leaves_no_half_article(tmp_path, new_db):
    write_articles(tmp_path / "in", 30)
    db = new_db("c")
    script = CRASH_SCRIPT.format(tests=str(REPO / "tests"), db=str(db), folder=str(tmp_path / "in"))
    env = {**os.environ, "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.Popen([PYTHON, "-c", script], stdout=subprocess.PIPE, env=env)
    mids = 0
    for line in proc.stdout:  # kill during the 4th article's open transaction
        mids += line.strip() == b"mid"
        if mids == 4:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    engine = open_db(db)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        n = query.counts(conn)
        assert n["articles"] == 3  # three committed, the fourth rolled back
        assert n["events"] == 3 and n["quotes"] == 3
        orphans = conn.execute(sa.text("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)")).scalar()
        assert orphans == 0
    rest = run_ingest(engine, [str(tmp_path / "in")], pipeline_factory=FakePipeline)
    assert (rest.skipped, rest.stored) == (3, 27)


def test_reads_during_ingest(tmp_path, new_db):
    write_articles(tmp_path / "in", 40)
    db = new_db("r")
    engine = open_db(db)
    seen, errors = [], []
    done = threading.Event()

    def reader():
        reng = open_db(db)
        while not done.is_set():
            try:
                with reng.connect() as conn:
                    # One statement, one snapshot (PostgreSQL's READ COMMITTED takes one per statement).
                    arts, evs = conn.execute(sa.text("SELECT (SELECT count(*) FROM articles), "
                                                     "(SELECT count(DISTINCT article_id) FROM events)")).one()
                    seen.append((arts, evs))
            except Exception as exc:  # a locked database would land here
                errors.append(exc)
            time.sleep(0.005)

    t = threading.Thread(target=reader)
    t.start()
    try:
        summary = run_ingest(engine, [str(tmp_path / "in")], pipeline_factory=FakePipeline)
    finally:
        done.set()
        t.join()
    assert summary.stored == 40 and not errors
    assert len(seen) > 3
    assert all(a == e for a, e in seen)  # every article seen complete, with its events
    assert [a for a, _ in seen] == sorted(a for a, _ in seen)


def test_database_error_fails_one_article_with_one_line(tmp_path, monkeypatch):
    import dateline.store.runner as runner

    write_articles(tmp_path / "in", 3)
    real, calls = runner.save_result, []

    def flaky(conn, result, **kw):
        calls.append(1)
        if len(calls) == 2:
            raise sa.exc.OperationalError("INSERT INTO articles ...", {"text": "whole article"}, Exception("disk I/O error"))
        return real(conn, result, **kw)

    monkeypatch.setattr(runner, "save_result", flaky)
    db = str(tmp_path / "f.db")
    summary = ingest(db, [tmp_path / "in"])
    assert (summary.stored, summary.failed) == (2, 1)
    (f,) = summary.failures
    assert f.stage == "store" and f.reason == "database error: disk I/O error"
    with open_db(db).connect() as conn:
        assert conn.execute(sa.select(s.failures.c.reason)).scalar() == "database error: disk I/O error"


def test_failure_that_cannot_be_recorded_does_not_stop_the_batch(tmp_path, monkeypatch):
    import dateline.store.runner as runner

    def refuse(*a, **k):
        raise sa.exc.OperationalError("INSERT INTO failures ...", {}, Exception("database or disk is full"))

    monkeypatch.setattr(runner, "record_failure", refuse)
    write_articles(tmp_path / "in", 2)
    summary = ingest(str(tmp_path / "g.db"), [tmp_path / "missing.txt", tmp_path / "in"])
    assert (summary.stored, summary.failed) == (2, 1)
    assert summary.failures[0].reason.endswith("(not recorded in the failures table: database or disk is full)")


def test_the_runs_home_reaches_every_article_file_and_batch_record(tmp_path):
    from dateline.model import Article, Home
    from dateline.store.runner import IngestOptions, _load

    home = Home(31.31, -92.45, "US", "US.LA", 1.0, "Alexandria")
    f = tmp_path / "a.txt"
    f.write_text("Police in Alexandria said the fire started on Tuesday at a home on the edge of town.\n",
                 encoding="utf-8")
    assert _load(f, IngestOptions(home=home)).home == home
    assert _load(Article(text="x"), IngestOptions(home=home)).home == home
    assert _load(f, IngestOptions()).home is None
