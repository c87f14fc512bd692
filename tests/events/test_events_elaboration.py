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
