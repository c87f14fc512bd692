"""The sentence after an event that tells more of the same happening; report dates vs happening dates."""

from __future__ import annotations

from .helpers import make_entity, make_parse

from dateline.events.dates import resolve_dates
from dateline.events.extract import extract_events
from dateline.model import Entity


def _world(text: str) -> tuple[Entity, ...]:
    return (
        make_entity(text, "r1", "place", "Tarkhan Province", lat=36.0, lon=70.0, feature="region", country_code="AF",
                    precision=3),
        make_entity(text, "t1", "place", "Darwaz", lat=36.4, lon=70.6, feature="city", country_code="AF"),
        make_entity(text, "t2", "place", "Osh", lat=40.5, lon=72.8, feature="city", country_code="KG"),
        make_entity(text, "t3", "place", "Gulbahar", lat=None, lon=None, feature=None),
    )


def _attacks(article_of, text: str, dates: tuple[str, ...]):
    article = article_of(text, "2022-09-07")  # a Wednesday
    parse = make_parse(text, dates=dates)
    events, _ = extract_events(article, parse, _world(text), resolve_dates(article, parse), (), ())
    return [(e.place_name, e.geo_precision, e.date, e.time_precision, e.killed) for e in events if e.type == "attack"]


def test_a_day_given_by_a_speech_verb_dates_the_report_to_its_week(article_of):
    text = "Gunmen opened fire on a market in Darwaz, killing nine people, officials said Wednesday."
    assert _attacks(article_of, text, ("Wednesday",)) == [("Darwaz", 1, "2022-09-07", 2, 9)]


def test_the_next_sentence_about_the_attackers_gives_the_town_and_the_day(article_of):
    text = ("Gunmen opened fire on a market in Tarkhan Province, killing nine people, officials said Wednesday. "
            "The attackers came down from the hills on Tuesday afternoon at Gulbahar, a hamlet about five "
            "kilometres from the town of Darwaz, witnesses said.")
    assert _attacks(article_of, text, ("Wednesday", "Tuesday afternoon")) == [("Darwaz", 2, "2022-09-06", 1, 9)]


def test_a_next_sentence_about_something_else_changes_nothing(article_of):
    text = ("Gunmen opened fire on a market in Tarkhan Province, killing nine people, officials said Wednesday. "
            "Trade fairs were held on Tuesday afternoon in the town of Darwaz, organisers said.")
    assert _attacks(article_of, text, ("Wednesday", "Tuesday afternoon")) == [("Tarkhan Province", 3, "2022-09-07", 2, 9)]


def test_a_town_across_the_border_does_not_replace_the_region(article_of):
    text = ("Gunmen opened fire on a market in Tarkhan Province, killing nine people, officials said Wednesday. "
            "The attackers had crossed from Osh, police said.")
    assert _attacks(article_of, text, ("Wednesday",))[0][0] == "Tarkhan Province"


def _world2(text: str) -> tuple[Entity, ...]:
    return (
        make_entity(text, "a", "place", "Hlynsk", lat=48.59, lon=38.0, feature="city", country_code="UA"),
        make_entity(text, "b", "place", "Sadky", lat=48.63, lon=37.98, feature="village", country_code="UA"),
        make_entity(text, "c", "place", "Lozove", lat=49.3, lon=36.1, feature="city", country_code="UA"),
    )


def _run2(article_of, text: str, dates: tuple[str, ...]):
    article = article_of(text, "2022-09-10")  # a Saturday
    parse = make_parse(text, dates=dates)
    events, _ = extract_events(article, parse, _world2(text), resolve_dates(article, parse), (), ())
    return [(e.place_name, e.date, e.killed, e.injured) for e in events if e.type == "attack"]


def test_a_place_named_in_the_dated_lede_takes_its_date(article_of):
    text = ("Russian missiles struck Hlynsk and Lozove on Friday. In Hlynsk, three people were killed. "
            "In Lozove, a drone hit a school, wounding seven.")
    assert ("Lozove", "2022-09-09", None, 7) in _run2(article_of, text, ("Friday",))


def test_hours_later_is_the_same_day(article_of):
    text = "A missile hit a block of flats in Hlynsk on Friday, killing four. Hours later, drones struck Lozove, wounding nine."
    assert ("Lozove", "2022-09-09", None, 9) in _run2(article_of, text, ("Friday",))


def test_separately_keeps_a_nearby_village_apart(article_of):
    text = "Shelling killed two people in Hlynsk on Friday, the governor said. Separately, a drone attack on Sadky wounded five."
    got = _run2(article_of, text, ("Friday",))
    assert ("Hlynsk", "2022-09-09", 2, None) in got and ("Sadky", None, None, 5) in got
