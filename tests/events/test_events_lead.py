"""Sentences that name an event in passing, the lead's place for a later toll, summary lines (invented text)."""

from __future__ import annotations

import datetime as dt

import pytest

from .helpers import make_entity, make_parse

from dateline.events.classify import classify_text
from dateline.events.dates import resolve_dates
from dateline.events.extract import extract_events
from dateline.events.incidental import descriptive, named_agreement
from dateline.events.lead import fold_summaries, lead_sentence
from dateline.model import Article, Event

PUB = dt.date(2023, 5, 12)  # a Friday


def _world(text: str):
    return (
        make_entity(text, "p1", "place", "Velmora", lat=41.2, lon=45.1, feature="region", country_code="GE"),
        make_entity(text, "p2", "place", "Tarsk", lat=41.4, lon=45.3, feature="city", country_code="GE"),
        make_entity(text, "p3", "place", "Georgia", lat=42.0, lon=43.5, feature="country", country_code="GE"),
        make_entity(text, "p4", "place", "Brasov Nou", lat=44.1, lon=26.2, feature="city", country_code="RO"),
        make_entity(text, "p5", "place", "Kestel", lat=56.8, lon=60.6, feature="city", country_code="RU"),
        make_entity(text, "p6", "place", "Armenia", lat=40.0, lon=45.0, feature="country", country_code="AM"),
    )


def _events(text: str, dates: tuple[str, ...] = ()):
    article = Article(text=text, published=PUB)
    parse = make_parse(text, dates=dates)
    return extract_events(article, parse, _world(text), resolve_dates(article, parse), (), ())[0]


def test_lead_is_the_first_prose_paragraph():
    text = ("Rebels lay down arms in Velmora\n\nBy our staff | 12 May 2023\n\n"
            "Rebels in Velmora agreed on Thursday to lay down their weapons, a day after government troops "
            "launched an offensive against the region.\n\nMore text follows here.")
    lead = lead_sentence(Article(text=text, published=PUB), make_parse(text))
    assert lead is not None and text[lead.start : lead.end].startswith("Rebels in Velmora agreed")


def test_toll_without_a_place_takes_the_lead_place():
    text = ("Rebels in Velmora agreed on Thursday to lay down their weapons, a day after government troops launched "
            "an offensive against the region. "
            "A rebel official said at least 27 people had been killed since the shelling began on Wednesday.")
    toll = next(e for e in _events(text, ("Thursday", "Wednesday")) if e.killed == 27)
    assert (toll.place_name, toll.geo_precision, toll.date) == ("Velmora", 3, "2023-05-10")


def test_cumulative_or_foreign_toll_stays_unplaced():
    text = ("Rebels in Velmora agreed on Thursday to lay down their weapons, a day after government troops launched "
            "an offensive against the region. "
            "On Wednesday the army said 900 people had been killed since the start of the war. "
            "Officials said 14 soldiers were killed in Armenia.")
    events = _events(text, ("Thursday", "Wednesday"))
    assert next(e for e in events if e.killed == 900).lat is None
    assert next(e for e in events if e.killed == 14).place_name == "Armenia"


def test_undated_cumulative_tally_is_no_event():
    text = "More than 900 civilians have been killed by the army since the coup, a rights group said."
    assert not _events(text)


def test_capture_of_people_is_no_territory_change():
    assert not [e for e in _events("Police said they had captured a fourth gunman near Tarsk on Thursday.",
                                   ("Thursday",)) if e.type == "territory_change"]
    ev = next(e for e in _events("Rebels captured the town of Tarsk on Thursday.", ("Thursday",)))
    assert (ev.type, ev.place_name) == ("territory_change", "Tarsk")


def test_intent_noun_makes_a_capture_unrealised():
    text = "Troops were moving toward Tarsk on Thursday for a push to capture the whole of Velmora."
    assert not [e for e in _events(text, ("Thursday",)) if e.type == "territory_change"]


def test_year_dated_background_is_dropped():
    assert not _events("Tarsk was recaptured by government forces in 2016, a turning point of the war.", ("2016",))


def test_lead_without_violence_lends_no_place():
    text = ("Leaders of Velmora and Tarsk met on Thursday to discuss trade and a new customs deal. "
            "Separately, a minister said 12 people had been killed on Wednesday.")
    toll = next(e for e in _events(text, ("Thursday", "Wednesday")) if e.killed == 12)
    assert toll.place_id is None


def test_ceasefire_agreement_is_a_diplomacy_event():
    assert classify_text("Rebels agreed on Thursday to lay down their weapons, a day after the army "
                         "launched a lightning offensive.").code == "AGREEMENT"


def test_swap_of_prisoners_told_without_the_compound_noun():
    text = ("Two journalists were among 12 prisoners freed on Thursday in exchange for five agents, "
            "in a swap carried out at the airport of Tarsk.")
    ev = next(e for e in _events(text, ("Thursday",)) if e.type == "diplomacy")
    assert (ev.subtype, ev.place_name, ev.date) == ("agreement", "Tarsk", "2023-05-11")


def test_named_agreement_is_no_event():
    assert named_agreement("AGREEMENT", ("deal",), "The president pardoned a citizen, clearing the way for the deal.")
    assert named_agreement("AGREEMENT", ("deal",), "Attacks rose since Moscow quit the U.N.-brokered grain deal.")
    assert not named_agreement("AGREEMENT", ("deal",), "Officials said a deal could come within days.")
    assert not named_agreement("AGREEMENT", ("signed", "deal"), "The two sides signed the deal on Monday.")
    text = "The governor pardoned a reporter in Tarsk days earlier, clearing the way for the deal."
    assert not [e for e in _events(text) if e.type == "diplomacy"]


def test_descriptions_are_no_events():
    assert descriptive("The Hadar-2 rocket has a range of up to 300 km (186 miles).")
    assert descriptive("Tarsk lies 40 km from the front line and is shelled daily.")
    assert descriptive("Taking Tarsk would bring the army's guns within range of Velmora.")
    assert descriptive("The army was dropping 80 bombs a day along the front line.")
    assert not descriptive("The town was shelled a day after the talks.")
    assert not descriptive("Tarsk, which lies on the river, was shelled, killing two people.")
    assert not [e for e in _events("The Hadar-2 missile has a range of up to 300 km.") if e.type == "attack"]


def test_arrest_dated_to_the_day_is_kept_even_long_ago():
    text = "The reporter was detained by police at a cafe in Kestel on March 3, 2022, and later sentenced."
    ev = next(e for e in _events(text, ("March 3, 2022",)) if e.type == "arrest")
    assert (ev.place_name, ev.date, ev.time_precision) == ("Kestel", "2022-03-03", 1)


def test_month_dated_background_is_still_dropped():
    text = "The reporter was detained by police in Kestel in March 2022."
    assert not [e for e in _events(text, ("March 2022",)) if e.type == "arrest"]


def _ev(eid: str, **kw) -> Event:
    base = dict(id=eid, type="diplomacy", subtype="agreement", acled_event_type=None, acled_sub_event_type=None,
                text="x", start=0, end=1)
    base.update(kw)
    return Event(**base)


def test_summary_line_folds_into_the_one_mapped_event_of_its_kind():
    summary = _ev("a", place_id="p3", place_name="Georgia", geo_precision=3, actors=("g1",))
    mapped = _ev("b", start=5, end=9, place_id="p2", place_name="Tarsk", lat=41.4, lon=45.3, date="2023-05-11")
    out = fold_summaries([summary, mapped])
    assert [e.id for e in out] == ["b"] and out[0].actors == ("g1",)
    other = _ev("c", start=12, end=15, place_id="p4", place_name="Brasov Nou", lat=44.1, lon=26.2)
    assert len(fold_summaries([summary, mapped, other])) == 3  # two candidates: nothing to fold into


@pytest.mark.model
def test_backstory_in_a_past_perfect_relative_clause_is_no_event():
    from dateline.nlp.model import load_model
    from dateline.nlp.spans import parse_article

    text = "Two boys, whose parents had been jailed in Brasov Nou as spies, were handed over with them."
    article = Article(text=text, published=PUB)
    parse = parse_article(article, nlp=load_model())
    events = extract_events(article, parse, _world(text), resolve_dates(article, parse), (), ())[0]
    assert not [e for e in events if e.type == "arrest"]
