"""Query filters: actor, place name, bbox, date range, type, status."""

from __future__ import annotations

import pytest

from dateline.errors import ConfigError
from dateline.store import open_db, query, save_result, writer
from dateline.store.query import Filters, parse_bbox
from store_fixtures import article_text, make_result


@pytest.fixture(scope="module")
def engine(new_db):
    engine = open_db(new_db("q"))
    with writer(engine).begin() as conn:
        for i, (place, day) in enumerate((("Izium", "2022-09-10"), ("Kharkiv", "2022-09-11"), ("Kupiansk", "2022-09-20"))):
            save_result(conn, make_result(article_text(i, place), published=day))
    return engine


def run(engine, func, **kw):
    with engine.connect() as conn:
        return getattr(query, func)(conn, Filters(**kw))


def test_place_bbox_and_dates(engine):
    assert [e["place_name"] for e in run(engine, "events", place="kharK")] == ["Kharkiv"]
    # bbox around Izium and Kupiansk, not Kharkiv city
    assert sorted(e["place_name"] for e in run(engine, "events", bbox=parse_bbox("37.0,49.0,38.0,49.9"))) == ["Izium", "Kupiansk"]
    assert [e["date"] for e in run(engine, "events", date_from="2022-09-11", date_to="2022-09-19")] == ["2022-09-11"]
    assert len(run(engine, "quotes", place="Kupiansk")) == 1


def test_actor_type_status(engine):
    assert len(run(engine, "events", actor="russia")) == 3
    assert run(engine, "events", actor="Wagner") == []
    assert len(run(engine, "quotes", actor="Syniehubov", status="asserted")) == 3
    assert run(engine, "quotes", status="denied") == []
    assert len(run(engine, "events", type="Explosions/Remote violence")) == 3
    assert [e["name"] for e in run(engine, "entities", type="person")] == ["Oleh Syniehubov"]
    assert {e["name"] for e in run(engine, "entities", status="resolved")} == {"Izium", "Kharkiv", "Kupiansk"}


def test_like_wildcards_are_literal(engine):
    assert run(engine, "events", place="%") == []


def test_bad_bbox():
    with pytest.raises(ConfigError, match="min_lon"):
        parse_bbox("1,2,3")
