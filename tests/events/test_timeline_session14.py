"""Session 14: day heading lines of a timeline, the present tense of tolls, arrivals and receptions (invented text)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.events.casualties import count_casualties
from dateline.events.classify import classify_text
from dateline.events.dates import day_headings, heading_date
from dateline.model import DateMention

PUB = dt.date(2025, 3, 12)  # a Wednesday

TIMELINE = """VELMORA WEEKLY · Timeline

Three days in Tarsk: how the talks went

MONDAY, 10 MARCH

17:10 – The prime minister of Velmora lands in Tarsk and is received by the crown prince.

TUESDAY, 11 MARCH

Overnight – Drones attack the port of Velmora. Falling debris kills two people and wounds 11, the governor says.

22:10 – A missile hits a grain ship in the port of Tarsk, killing three sailors.

WEDNESDAY, 12 MARCH

The governor says the night passed quietly.
"""


@pytest.mark.parametrize("line, value", [
    ("MONDAY, 10 MARCH", "2025-03-10"),
    ("Tuesday 11 March 2025", "2025-03-11"),
    ("March 9", "2025-03-09"),
    ("## Sunday", "2025-03-09"),  # a weekday alone: the last such day on or before publication
])
def test_a_line_that_is_only_a_day_is_a_heading(line, value):
    heads = day_headings(f"Intro line.\n\n{line}\n\nText follows here.", PUB)
    assert [h.value for h in heads] == [value]
    assert heads[0].rule.startswith("heading:")


@pytest.mark.parametrize("text", [
    "Fighting went on until 10 March, officials said.",  # a date inside a sentence
    "TIMELINE | 12 March 2025, 14:20 | updated",  # a masthead line with more than a day
    "10 March 2025 and after",
])
def test_a_date_inside_a_line_of_text_is_no_heading(text):
    assert day_headings(text, PUB) == ()


def test_relative_dates_below_a_heading_count_from_its_day(pipeline):
    from dateline.ingest import make_article

    res = pipeline.run(make_article(TIMELINE, published=PUB))
    by_text = {d.text: d.value for d in res.dates}
    assert by_text["TUESDAY, 11 MARCH"] == "2025-03-11"
    assert by_text["Overnight"] == "2025-03-11"  # the night of the heading's day, not of publication
    dated = {(e.type, e.date) for e in res.events}
    assert ("diplomacy", "2025-03-10") in dated  # "17:10 –" under Monday's heading: Monday
    assert ("attack", "2025-03-11") in dated
    assert not any(e.date == "2025-03-12" for e in res.events if e.type in ("attack", "diplomacy"))


def test_a_time_stamp_line_lets_the_day_heading_above_date_the_entry():
    text = "MONDAY, 10 MARCH\n\n17:10\n\nThe minister lands in Tarsk.\n"
    heads = day_headings(text, PUB)
    assert heading_date(text, heads, text.index("The minister")).value == "2025-03-10"
    # without a day heading above, a time stamp still names no day
    plain = "Live page\n\n09:20\nFamilies were moved out of the town.\n"
    tue = DateMention(text="x", start=0, end=1, value="2025-03-11", precision="day", rule="weekday")
    assert heading_date(plain, (tue,), plain.index("Families")) is None


@pytest.mark.parametrize("text, killed, injured", [
    ("Falling debris kills two people and wounds 11 in the region.", 2, 11),
    ("Strike kills five, wounds 18 in Velmora", 5, 18),
    ("A drone injures 4 near the station.", None, 4),
])
def test_present_tense_tolls(text, killed, injured):
    c = count_casualties(text)
    assert (c.killed, c.injured) == (killed, injured)


@pytest.mark.parametrize("text", [
    "The president lands in Tarsk and is received by Crown Prince Adem.",
    "The foreign minister arrived in Tarsk on Monday for talks with his counterpart.",
    "The two delegations sat down at a hotel in Tarsk.",
    "The chancellor visits Tarsk.",
])
def test_arrivals_receptions_and_sitting_down_are_diplomacy(text):
    assert classify_text(text).klass.type == "diplomacy"


def test_a_letter_received_by_a_ministry_is_no_diplomacy_cue():
    assert "received" not in " ".join(ev for ev in classify_text(
        "The letter was received by a clerk in Tarsk.").evidence)


@pytest.mark.parametrize("text, killed", [
    ("In March 2020 gunmen killed at least 92 soldiers on the peninsula.", 92),  # the year is no toll
    ("Since 2014 fighters killed 14 people in the valley.", 14),
    ("Some 2020 people were killed in the blast.", 2020),  # a count, no year word before it
])
def test_a_year_after_in_or_a_month_is_no_toll(text, killed):
    assert count_casualties(text).killed == killed


@pytest.mark.parametrize("text", [
    "The Guards said they had also struck Islamic State targets in Tarsk province the same night.",
    "Artillery pounded rebel positions near Tarsk.",
])
def test_strikes_on_military_objects_are_attacks(text):
    assert classify_text(text).klass.type == "attack"


def test_striking_a_deal_is_no_attack():
    assert classify_text("The two parties struck a deal in Tarsk.").klass.type != "attack"


def test_a_stamp_with_its_clock_place_stands_apart_and_keeps_the_day():
    from dateline.ingest.layout import split_live_entries

    text = ("MONDAY, 10 MARCH\n\n17:10 (Tarsk) – The minister lands in Tarsk.\n\n"
            "23:00 (Velmora) – The president in his nightly video address: \"We accept.\"\n")
    out = split_live_entries(text)
    assert "23:00 (Velmora)\n\nThe president" in out
    heads = day_headings(out, PUB)
    assert heading_date(out, heads, out.index("The president")).value == "2025-03-10"


def test_a_question_reports_no_event():
    from dateline.ingest import make_article

    art = make_article("WHO WERE THE GUNMEN?\n\nGunmen attacked a police post in Tarsk on Sunday, killing two officers, "
                       "officials said.\n", published="2015-05-11")
    from dateline.pipeline import Pipeline

    res = Pipeline().run(art)
    assert not any(e.text.strip().endswith("?") for e in res.events)
    assert any(e.type == "attack" for e in res.events)


def test_an_operation_against_an_armed_group_is_a_clash():
    assert classify_text("Police ended a two-day operation against an armed group in the town of Tarsk.").klass.type \
        == "attack"


@pytest.mark.parametrize("text, place", [
    ("SKOPJE, May 11 - Police said on Sunday they had ended an operation.", "Skopje"),  # "(Reuters)" dropped
    ("MOSCOW, Feb 11 - Russia said on Friday it would respond.", "Moscow"),
])
def test_an_all_caps_place_and_date_before_a_hyphen_is_a_dateline(text, place):
    from dateline.ingest.dateline import parse_dateline

    dl = parse_dateline(text)
    assert dl is not None and dl.place == place


@pytest.mark.parametrize("text", ["MEANWHILE - the army moved in.", "KYIV - The army said."])
def test_a_hyphen_without_a_date_or_agency_is_no_dateline(text):
    from dateline.ingest.dateline import parse_dateline

    assert parse_dateline(text) is None


@pytest.mark.parametrize("text, kind", [
    ("Russian forces captured Velmora in the region on March 26.", "territory_change"),  # "forces" alone is an army
    ("Russian forces captured two Ukrainian soldiers near the town.", "arrest"),  # people captured: no territory
    ("The border guards captured 24 sailors and three boats.", "arrest"),
])
def test_captures_of_towns_and_of_people(text, kind):
    assert classify_text(text).klass.type == kind
