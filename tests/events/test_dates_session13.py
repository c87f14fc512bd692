"""Session 13: dates behind a weekday or a clock time, the part of today, mastheads above the dateline (invented text)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.events.dates import resolve_date_text

PUB = dt.date(2024, 5, 7)  # a Tuesday


@pytest.mark.parametrize("text, value", [
    ("Tuesday 7 May 2024", "2024-05-07"),  # a weekday before a full date
    ("Monday, May 6", "2024-05-06"),
    ("this morning", "2024-05-07"),
    ("this afternoon", "2024-05-07"),
    ("earlier today", "2024-05-07"),
    ("about 08:45 this morning", "2024-05-07"),  # a clock time before the day
    ("at 9 p.m. Sunday", "2024-05-05"),
    ("10:30 GMT Monday", "2024-05-06"),
])
def test_day_resolved(text, value):
    assert resolve_date_text(text, PUB)[0] == value


@pytest.mark.parametrize("text", ["the night", "8 people", "10:30"])
def test_no_day(text):
    assert resolve_date_text(text, PUB)[0] is None


def test_a_masthead_date_above_the_dateline_dates_no_event():
    from dateline.events.extract import _below_dateline
    from dateline.ingest import make_article
    from dateline.model import DateMention

    art = make_article("VELMORA DAILY\nNews · Tuesday 7 May 2024 · 07:30\n\nTARSK — Gunmen attacked a market in Tarsk"
                       " on Monday, killing nine people, officials said on Tuesday.", published="2024-05-07")
    assert art.dateline is not None and art.dateline.place == "Tarsk"
    top = DateMention("Tuesday 7 May 2024", art.text.index("Tuesday 7"), art.text.index("Tuesday 7") + 18,
                      "2024-05-07", "2024-05-07", "day", "full-date")
    below = DateMention("Monday", art.text.index("Monday"), art.text.index("Monday") + 6, "2024-05-06", "2024-05-06",
                        "day", "weekday")
    assert _below_dateline(art, (top, below)) == (below,)


def test_an_editors_note_in_brackets_is_wrapper_above_the_dateline():
    from dateline.ingest.dateline import find_dateline

    text = ("VELMORA FRONTIER NEWS\n[Translated from the Velmoran original by our desk. Names follow the translator's "
            "romanisation and may differ from other reports.]\nSecurity · Friday 3 May 2024\n\n"
            "TARSK — Troops fought along the border on Thursday, officials said, in the worst fighting in years.")
    dl = find_dateline(text)
    assert dl is not None and dl.place == "Tarsk"


def test_an_agency_code_the_table_lacks_still_makes_a_dateline():
    from dateline.ingest.dateline import parse_dateline

    dl = parse_dateline("TARSK, Oct 30 (VNA) — At least nine people were killed on Saturday, officials said.")
    assert dl is not None and dl.place == "Tarsk" and dl.agency == "VNA"
    assert parse_dateline("Tarsk (vna) — At least nine people were killed.") is None  # no all-caps place, no code


def test_a_countrys_capital_places_the_event_in_the_named_capital():
    from dateline.events.places import CAPITAL_EVIDENCE, locate
    from dateline.resolve.places import CAPITAL_EVIDENCE as RESOLVE_TAG

    from .helpers import make_entity

    assert CAPITAL_EVIDENCE == RESOLVE_TAG
    text = "Velmora Tarsk. Two car bombs exploded at a busy junction in Velmora's capital on Saturday."
    country = make_entity(text, "g1", "place", "Velmora", feature="country", country_code="XA")
    capital = make_entity(text, "g2", "place", "Tarsk", lat=2.0, lon=45.3, feature="city", country_code="XA",
                          evidence=(CAPITAL_EVIDENCE,))
    s = text.index("Two")
    got = locate(text, (country, capital), s, len(text), text.index("exploded"))
    assert got is not None and got.name == "Tarsk" and got.precision == 1
    plain = "Velmora Tarsk. Two car bombs exploded at a busy junction in Velmora on Saturday."
    country = make_entity(plain, "g1", "place", "Velmora", feature="country", country_code="XA")
    capital = make_entity(plain, "g2", "place", "Tarsk", lat=2.0, lon=45.3, feature="city", country_code="XA",
                          evidence=(CAPITAL_EVIDENCE,))
    got = locate(plain, (country, capital), plain.index("Two"), len(plain), plain.index("exploded"))
    assert got is not None and got.name == "Velmora"  # the country itself, no capital named by it


def test_population_being_moved_out_is_an_evacuation():
    from dateline.events.classify import classify_text

    assert classify_text("The governor said part of the population was being moved out.").code == "EVACUATION"


@pytest.mark.parametrize("text, value", [("24 February", "2022-02-24"), ("9 May", "2022-05-09")])
def test_a_day_number_is_no_clock_time(text, value):
    assert resolve_date_text(text, dt.date(2022, 9, 10))[0] == value


def test_drones_striking_a_ship_is_a_drone_strike():
    from dateline.events.classify import classify_text

    text = "The directorate posted footage showing several drones striking the ship near Tarsk."
    assert classify_text(text).code == "AIR_STRIKE"


def test_talks_held_with_words_between_are_diplomacy():
    from dateline.events.classify import classify_text

    assert classify_text("In Velmora the two delegations held their first face-to-face talks.").code == "DIPLO"


def test_a_wire_dateline_below_wrapper_lines_is_a_place_mention():
    from dateline.ingest import make_article
    from dateline.resolve.places import _wire_dateline_span

    text = ("VELMORA FRONTIER NEWS · English service\n[Translated from the original by our desk. Names follow the "
            "translator's romanisation and may differ from other reports.]\nSecurity · Friday 3 May 2024\n\n"
            "TARSK — Rockets hit a market on Thursday, killing two people, officials said, in the heaviest attack "
            "in weeks.")
    art = make_article(text, published="2024-05-03")
    sp = _wire_dateline_span(art)
    assert sp is not None and art.text[sp.start:sp.end] == "TARSK" and sp.label == "DATELINE"
    assert _wire_dateline_span(make_article("Rockets hit a market in Tarsk on Thursday, killing two people, officials "
                                            "said, in the heaviest attack in weeks.", published="2024-05-03")) is None
