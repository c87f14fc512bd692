"""Session 11: the report's day is not the event's, a qualifying place name, a captured headquarters (invented text)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.events.classify import classify_text
from dateline.events.dates import resolve_dates
from dateline.events.extract import extract_events
from dateline.model import Article

from .helpers import make_entity

pytestmark = pytest.mark.model

PUB = dt.date(2024, 5, 27)  # a Monday


@pytest.fixture(scope="module")
def parse_of():
    from dateline.nlp.model import load_model
    from dateline.nlp.spans import parse_article

    nlp = load_model()
    return lambda article: parse_article(article, nlp=nlp)


def _events(parse_of, text: str):
    world = (make_entity(text, "p1", "place", "Velmora", lat=31.3, lon=34.25, feature="city", country_code="XA"),
             make_entity(text, "p2", "place", "Tarsk", lat=31.5, lon=34.47, feature="city", country_code="XA"))
    article = Article(text=text, published=PUB)
    parse = parse_of(article)
    return extract_events(article, parse, world, resolve_dates(article, parse), (), ())[0]


def test_the_day_a_toll_was_told_is_not_the_day_of_the_strike(parse_of):
    text = ("An airstrike set off a fire that swept through a camp of tents in Velmora late Sunday, killing at least 12 "
            "people, the health ministry said Monday.")
    ev = next(e for e in _events(parse_of, text) if e.killed == 12)
    assert ev.date == "2024-05-26"  # the fire's night, not the report's day
    text = "A drone hit a camp of tents in Velmora, killing at least 12 people, the health ministry said Monday."
    ev = next(e for e in _events(parse_of, text) if e.killed == 12)
    assert ev.date == "2024-05-27"  # the only day given: the report's (within REPORT_LAG_DAYS of the strike)


def test_a_name_that_only_says_where_the_place_lies_is_not_the_place(parse_of):
    text = "An airstrike hit a camp of tents in the southern Tarsk city of Velmora on Sunday, killing at least 12 people."
    ev = next(e for e in _events(parse_of, text) if e.killed == 12)
    assert ev.place_name == "Velmora"
    from dateline.events.places import _QUALIFIES

    assert _QUALIFIES.match(" region town of Velmora") and _QUALIFIES.match(" city of Velmora")
    assert not _QUALIFIES.match(" area of Tarsk state") and not _QUALIFIES.match(" district of Tarsk")  # in it
    text = "An airstrike hit a camp of tents in Tarsk on Sunday, killing at least 12 people."
    assert next(e for e in _events(parse_of, text) if e.killed == 12).place_name == "Tarsk"  # a place of its own


def test_taking_a_headquarters_is_a_capture_not_a_base_set_up():
    took = classify_text("The rebels said their fighters had taken full control of the army's regional headquarters.")
    assert took is not None and took.code != "HQ_ESTABLISHED"
    made = classify_text("The rebels set up a new headquarters in the hills.")
    assert made is not None and made.code == "HQ_ESTABLISHED"


def test_a_sources_seat_ranks_after_the_place_of_the_event():
    from dateline.events.places import _SEAT_OF

    assert _SEAT_OF.match("'s Health Ministry said") and _SEAT_OF.match("’s military said")
    assert not _SEAT_OF.match("'s main square") and not _SEAT_OF.match(" ministry")


def test_a_camp_named_after_a_town_and_the_attackers_home_town(parse_of):
    text = "An air strike on a crowded neighbourhood of the Velmora refugee camp in Tarsk killed 18 people on Sunday."
    assert next(e for e in _events(parse_of, text) if e.killed == 18).place_name == "Velmora"
    text = "Two gunmen from Tarsk opened fire at a bus stop in Velmora on Sunday, killing seven people."
    assert next(e for e in _events(parse_of, text) if e.killed == 7).place_name == "Velmora"


def test_blasts_at_a_rally_are_the_event_and_the_rallys_recent_day_dates_them(parse_of):
    assert classify_text("Two explosions tore through a rally held by the rebels in the city, killing 11.").code == "REM_EXPLOS"
    text = ("At least 11 people were killed when two explosions tore through a rally held by the rebels in Velmora on "
            "Thursday afternoon, the rebels said.")
    ev = next(e for e in _events(parse_of, text) if e.killed == 11)
    assert ev.type == "attack" and ev.date == "2024-05-23"  # the rally's Thursday, four days before publication
    text = ("Artillery shelled the town, killing three people, weeks after the town was retaken by troops who had "
            "captured it in February.")
    ev = next(e for e in _events(parse_of, text) if e.killed == 3)
    assert ev.date is None  # the clause's February is months before publication: no day for the shelling
