"""Saving results: one transaction per article, idempotent by text hash, entities merged across articles."""

from __future__ import annotations

import dataclasses

import pytest
import sqlalchemy as sa

from dateline.model import Entity, Mention
from dateline.store import fts, open_db, query, save_result, schema as s, text_hash, writer
from store_fixtures import article_text, make_result


@pytest.fixture()
def engine(new_db):
    engine = open_db(new_db())
    yield engine
    engine.dispose()


def save(engine, result, **kw):
    with writer(engine).begin() as conn:
        return save_result(conn, result, **kw)


def test_hash_ignores_case_and_whitespace():
    assert text_hash("Izium  was\nshelled") == text_hash("izium was shelled ")
    assert text_hash("Izium was shelled") != text_hash("Izium was not shelled")


def test_idempotent_and_reprocess(engine):
    r = make_result(article_text(1))
    assert save(engine, r) == "stored"
    same_text_other_spacing = dataclasses.replace(r, article=dataclasses.replace(r.article, text=r.article.text + "  \n"))
    assert save(engine, same_text_other_spacing) == "skipped"
    with engine.connect() as conn:
        before = query.counts(conn)
    assert save(engine, r, reprocess=True) == "replaced"
    with engine.connect() as conn:
        after = query.counts(conn)
        assert after == before  # replaced, not duplicated
        assert len(fts.search(conn, "Residents")) == 2  # one article + one quote, old rows unindexed


def test_entities_merged_across_articles(engine):
    save(engine, make_result(article_text(1, "Izium")))
    # Another article names the same place with another spelling: same geonames id -> same row.
    text = "Shelling hit Izyum again on Tuesday."
    other = make_result(text)
    izyum = Entity(id="e0", kind="place", name="Izyum", mentions=(Mention("Izyum", 13, 18, "GPE"),), status="resolved",
                   geonames_id=706524, lat=49.21, lon=37.25)
    same_name_org = Entity(id="e1", kind="org", name="Izium", mentions=(Mention("Shelling", 0, 8, "ORG"),))
    save(engine, dataclasses.replace(other, entities=(izyum, same_name_org), events=()))
    save(engine, make_result(article_text(2, "Izium")))
    with engine.connect() as conn:
        places = query.entities(conn, query.Filters(type="place"))
        assert len(places) == 1
        assert places[0]["spellings"] == ["Izium", "Izyum"] and places[0]["articles"] == 3
        people = query.entities(conn, query.Filters(type="person"))
        assert [(p["name"], p["articles"]) for p in people] == [("Oleh Syniehubov", 2)]
        assert len(query.entities(conn, query.Filters(type="org"))) == 1  # same name, other kind: its own row


def test_raw_entity_upgraded_by_better_resolution(engine):
    t1 = "Fighting near Vovchansk."
    raw = Entity(id="e0", kind="place", name="Vovchansk", mentions=(Mention("Vovchansk", 14, 23, "GPE"),))
    save(engine, dataclasses.replace(make_result(t1), entities=(raw,)))
    t2 = "Vovchansk was quiet."
    better = dataclasses.replace(raw, mentions=(Mention("Vovchansk", 0, 9, "GPE"),), status="unlinked", confidence=0.5, lat=50.29, lon=36.94)
    save(engine, dataclasses.replace(make_result(t2), entities=(better,)))
    with engine.connect() as conn:
        (row,) = query.entities(conn)
        assert row["status"] == "unlinked" and row["lat"] == 50.29 and row["articles"] == 2


def test_one_transaction_per_article(engine, monkeypatch):
    import dateline.store.repo as repo

    def boom(*a, **k):
        raise sa.exc.OperationalError("insert", {}, Exception("disk full"))

    monkeypatch.setattr(repo, "_insert_events", boom)
    with pytest.raises(sa.exc.OperationalError):
        save(engine, make_result(article_text(1)))
    with engine.connect() as conn:
        assert query.counts(conn) == {k: 0 for k in query.counts(conn)}
        assert fts.search(conn, "Residents") == []


def test_facts_round_trip(engine):
    r = make_result(article_text(4, extra="Officials said 7 people died, officials said 7."))
    save(engine, r)
    with engine.connect() as conn:
        (ev,) = query.events(conn)
        assert ev["killed"] == 5 and ev["admin1"] == "Kharkiv Oblast" and ev["actors"] == ["Military Forces of Russia (2000-)"]
        (q,) = query.quotes(conn)
        assert q["speaker"] == "Oleh Syniehubov" and q["channel"] == "Telegram"
        assert q["speaker_entity_id"] is not None
        assert r.article.text[q["start"]:q["end"]] == q["text"]
        (d,) = query.disagreements(conn)
        assert [f["text"] for f in d["figures"]] == ["5 dead", "7 dead"]
        import json
        stored = json.loads(conn.execute(sa.select(s.articles.c.result_json)).scalar())
        assert stored["article"]["text"] == r.article.text and len(stored["entities"]) == len(r.entities)


def test_event_sides_are_stored_by_name(engine):
    r = make_result(article_text(2))
    person = next(e for e in r.entities if e.kind == "person")
    ev = dataclasses.replace(r.events[0], actors=(person.id,), targets=("group:civilians",))
    save(engine, dataclasses.replace(r, events=(ev,)))
    with engine.connect() as conn:
        (row,) = query.events(conn)
        assert row["actors"] == ["Oleh Syniehubov"] and row["targets"] == ["group:civilians"]
        assert len(query.events(conn, query.Filters(actor="Syniehubov"))) == 1
