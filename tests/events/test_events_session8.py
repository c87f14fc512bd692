"""Cues and dates found on the ninth golden probe's misses, checked on invented text."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.events.dates import resolve_date_text
from dateline.events.extract import _classify


@pytest.mark.parametrize("text, code", [
    ("Gunmen launched a coordinated dawn assault on the capital on Tuesday, storming a police academy.", "ATTACK"),
    ("A ballistic missile launched by the rebels crashed into an orchard near the airport, injuring six people.",
     "ART_MISS_ATTACK"),
    ("A cargo plane crashed into a field near the village, killing two pilots.", "MAN_MADE_DISASTER"),
])
def test_assaults_and_weapons_that_crash_are_attacks(text, code):
    hit = _classify(text)
    assert hit is not None and hit[0].code == code, hit


@pytest.mark.parametrize("text, value", [
    ("July last year", "2024-07-01"), ("March this year", "2025-03-01"), ("July", "2024-07-01"),
])
def test_month_with_a_relative_year(text, value):
    got, _end, precision, _rule = resolve_date_text(text, dt.date(2025, 5, 5))
    assert (got, precision) == (value, "month")


@pytest.mark.model
def test_past_month_event_with_a_toll_stays_apart_and_dated():
    import dateline

    r = dateline.read("A missile fired from Yemen landed inside the perimeter of Ben Gurion Airport on Sunday, "
                      "injuring eight people, officials said. In July last year, a drone hit an apartment building "
                      "in central Tel Aviv, killing one man.", published="2025-05-05")
    by_place = {e.place_name: e for e in r.events}
    assert "Yemen" not in by_place, by_place  # where the missile came from is not where it landed
    tel_aviv = by_place.get("Tel Aviv")
    assert tel_aviv is not None and tel_aviv.date == "2024-07-01" and tel_aviv.killed == 1
    airport = by_place.get("Ben Gurion Airport")
    assert airport is not None and airport.date == "2025-05-04" and not airport.killed


def test_victims_named_with_a_long_of_phrase_are_counted():
    from dateline.events.casualties import count_casualties

    assert count_casualties("Seven staff of the US-based charity Open Field Kitchen were killed when their car was hit.").killed == 7


@pytest.mark.model
def test_a_dated_cumulative_tally_is_no_event():
    import dateline

    r = dateline.read("The agency said more than 170 of its own staff had been killed in Gaza since the war began in "
                      "October last year.", published="2024-04-02")
    assert not [e for e in r.events if e.killed == 170], r.events


def test_full_control_of_a_named_place_is_a_capture():
    hit = _classify("The ministry said on Saturday that its troops had taken full control of Velmora, a mining town.")
    assert hit is not None and hit[0].type == "territory_change", hit


def test_a_dated_section_heading_dates_the_paragraphs_below_it():
    from dateline.events.dates import heading_date
    from dateline.model import DateMention

    text = ("Live page\n\n09:20\nFamilies were moved out of the town.\n\nCatch up: what happened on Tuesday\n"
            "Artillery opened fire shortly after midnight on positions near the town.\n")
    tue = text.index("Tuesday")
    dates = (DateMention(text="Tuesday", start=tue, end=tue + 7, value="2022-09-13", end_value="2022-09-13",
                         precision="day", rule="weekday"),)
    assert heading_date(text, dates, text.index("Artillery")).value == "2022-09-13"
    assert heading_date(text, dates, text.index("Families")) is None  # a timestamp heading names no day


@pytest.mark.parametrize("text, code", [
    ("Families with children have been moved out of Velmora, according to the local administration.", "EVACUATION"),
    ("The wounded were taken to hospitals in the capital.", None),
])
def test_people_moved_out_of_a_town_is_an_evacuation(text, code):
    hit = _classify(text)
    assert (hit[0].code if hit else None) == code, hit
