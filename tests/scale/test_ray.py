"""The Ray engine stores the same records as the local engine, failures included; Parquet output."""

from __future__ import annotations

import json
import subprocess

import pytest
import sqlalchemy as sa

from dateline.scale import RayOptions, run_ray_ingest
from dateline.scale.parquet import ParquetSink
from dateline.store import open_db, query, schema as s
from dateline.store.runner import Ingest, IngestOptions, run_ingest
from store_fixtures import PYTHON, REPO, FakePipeline, article_text, write_articles

pytestmark = pytest.mark.ray


def _inputs(folder, n_files, gen=False):
    """``n_files`` articles, one already-seen duplicate, a broken batch line and a missing path."""
    if gen:
        subprocess.run([PYTHON, str(REPO / "scripts" / "gen_ingest_corpus.py"), str(folder), str(n_files)], check=True)
        first = sorted(folder.glob("*.txt"))[0]
    else:
        first = write_articles(folder, n_files)[0]
    (folder / "dup.txt").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "batch.jsonl").write_text("{broken\n" + json.dumps({"text": article_text(900) + " FAIL-ME"}) + "\n",
                                        encoding="utf-8")
    return [str(folder), str(folder / "missing.txt")]


def _records(db):
    """Everything stored, without row ids and times: per-article results, facts and failures."""
    with open_db(db).connect() as conn:
        arts = {}
        for src, doc in conn.execute(sa.select(s.articles.c.source, s.articles.c.result_json)):
            d = json.loads(doc)
            d.pop("timings", None)
            arts[src] = d
        fails = sorted(conn.execute(sa.select(s.failures.c.source, s.failures.c.where, s.failures.c.stage,
                                              s.failures.c.reason)).all())
        ents = sorted((e["key"] if "key" in e else e["name"], e["kind"], e["status"], e["articles"], e["mentions"])
                      for e in query.entities(conn))
        evs = sorted((e["source"], e["type"], e["start"], e["end"], e["place_name"] or "", e["killed"] or 0)
                     for e in query.events(conn))
        quotes = sorted((q["source"], q["start"], q["end"], q["speaker"] or "", q["status"]) for q in query.quotes(conn))
        return arts, fails, ents, evs, quotes, query.counts(conn)


def _compare(local_db, ray_db):
    local, ray = _records(local_db), _records(ray_db)
    assert local[0].keys() == ray[0].keys()
    for src in local[0]:
        assert local[0][src] == ray[0][src], src
    for a, b in zip(local[1:], ray[1:]):
        assert a == b


def test_ray_matches_local_with_fake_pipeline_and_failures(tmp_path, ray_cluster, new_db):
    paths = _inputs(tmp_path / "in", 12)
    local_db, ray_db = new_db("local"), new_db("ray")
    opts = IngestOptions(published="2022-09-12")
    lsum = run_ingest(open_db(local_db), paths, opts, pipeline_factory=FakePipeline)
    rsum = run_ray_ingest(Ingest(open_db(ray_db), opts), paths, RayOptions(workers=2), pipeline_factory=FakePipeline)
    assert (lsum.stored, lsum.skipped, lsum.failed) == (rsum.stored, rsum.skipped, rsum.failed) == (12, 1, 3)
    _compare(local_db, ray_db)
    stages = {f[2] for f in _records(ray_db)[1]}
    assert stages == {"ingest", "pipeline"}  # read failures on the driver, pipeline failure on an actor
    again = run_ray_ingest(Ingest(open_db(ray_db), opts), paths, RayOptions(workers=2), pipeline_factory=FakePipeline)
    assert (again.stored, again.skipped) == (0, 13)  # stored ones are skipped before the pipeline


def test_parquet_output(tmp_path, ray_cluster):
    import pyarrow.parquet as pq

    paths = _inputs(tmp_path / "in", 6)
    sink = ParquetSink(tmp_path / "out", IngestOptions(published="2022-09-12"))
    summary = run_ray_ingest(sink, paths, RayOptions(workers=2), pipeline_factory=FakePipeline)
    sink.flush()
    rows = pq.read_table(tmp_path / "out").to_pylist()
    assert summary.stored == 6 and summary.failed == 3
    stored = [r for r in rows if r["status"] == "stored"]
    assert len(stored) == 6 and len(rows) == 9
    for r in stored:
        doc = json.loads(r["article_json"])
        assert doc["article"]["source"] == r["source"] and doc["events"] and doc["article"]["published"] == "2022-09-12"
    assert {r["stage"] for r in rows if r["status"] == "failed"} == {"ingest", "pipeline"}


@pytest.mark.model
@pytest.mark.slow
def test_ray_matches_local_on_50_generated_articles(tmp_path, ray_cluster):
    """The real pipeline, 50 generated articles: local (1 process) and Ray (2 actors) store the same records.

    On SQLite only: the engines are compared here; both stores are covered with the fake pipeline above.
    """
    paths = _inputs(tmp_path / "in", 50, gen=True)
    local_db, ray_db = tmp_path / "local.db", tmp_path / "ray.db"
    opts = IngestOptions(published="2023-06-09")
    lsum = run_ingest(open_db(local_db), paths, opts)
    rsum = run_ray_ingest(Ingest(open_db(ray_db), opts), paths, RayOptions(workers=2))
    assert lsum.stored == rsum.stored == 51  # 50 generated + the FAIL-ME line (a real pipeline reads it fine)
    assert lsum.failed == rsum.failed == 2 and lsum.skipped == rsum.skipped == 1
    _compare(local_db, ray_db)
    with open_db(ray_db).connect() as conn:
        assert query.counts(conn)["events"] > 50  # real facts were compared, not empty results
