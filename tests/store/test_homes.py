"""`ingest --learn-home`: an outlet's home from its articles already in the database (invented places)."""

from __future__ import annotations

import json

from dateline.model import Article
from dateline.store import schema as s
from dateline.store.engine import open_db
from dateline.store.homes import outlet_ref, stored_home
from dateline.store.runner import Ingest, IngestOptions

PARIS_TN = (36.302, -88.3267)


def _result(*points) -> str:
    ents = [{"id": f"l{i}", "kind": "place", "name": f"Town{i}", "mentions": [], "status": "resolved", "confidence": 0.9,
             "lat": lat, "lon": lon, "feature": "city", "country_code": cc} for i, (lat, lon, cc) in enumerate(points)]
    return json.dumps({"article": {"text": "x"}, "entities": ents})


def _store(engine, rows):
    with engine.begin() as conn:
        for i, (url, source, points) in enumerate(rows):
            conn.execute(s.articles.insert().values(text_hash=f"h{i}", url=url, source=source, text="x",
                                                    result_json=_result(*points), ingested_at="2026-01-01"))


def test_the_home_comes_from_the_outlets_stored_articles_only(tmp_path):
    engine = open_db(tmp_path / "h.db")
    tn, fr = (*PARIS_TN, "US"), (48.85, 2.35, "FR")
    _store(engine, [("https://www.example-times.com/a", None, [tn]), ("https://example-times.com/b", None, [tn]),
                    (None, "https://example-times.com/c", [fr]),
                    ("https://other.example.org/d", None, [fr]), ("https://other.example.org/e", None, [fr]),
                    (None, "example-times.com/notes.txt", [fr]),  # a file path is no outlet
                    ("https://example-times.com.evil.example/f", None, [fr])])  # nor a look-alike host
    with engine.connect() as conn:
        home = stored_home(conn, "example-times.com")
        other = stored_home(conn, "other.example.org")
        none = stored_home(conn, "nobody.example")
    assert home is not None and home.cc == "US" and home.weight == round(2 / 3, 3)  # two of its three articles
    assert other is not None and other.cc == "FR" and none is None


def test_ingest_gives_an_article_of_a_known_outlet_its_learned_home(tmp_path):
    engine = open_db(tmp_path / "i.db")
    tn = (*PARIS_TN, "US")
    _store(engine, [("https://example-times.com/a", None, [tn]), ("https://example-times.com/b", None, [tn])])
    run = Ingest(engine, IngestOptions(learn_home=True))
    got = run.with_home(Article(text="Police in Paris said ...", url="https://example-times.com/new"))
    assert got.home is not None and abs(got.home.lat - PARIS_TN[0]) < 0.01
    unknown = Article(text="x", source="articles/new.txt")
    assert run.with_home(unknown) is unknown
    assert outlet_ref(None, "articles/new.txt") is None and outlet_ref("https://a.example/x", None) == "https://a.example/x"


def test_learn_home_needs_a_database_not_parquet(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli.main import app

    r = CliRunner().invoke(app, ["ingest", str(tmp_path), "--learn-home", "--out", str(tmp_path / "pq")])
    assert r.exit_code == 1 and "--learn-home" in r.output and "--db" in r.output
