"""Destruction of infrastructure, evacuations, and their places (invented text, hand-built records)."""

import dataclasses

from .helpers import make_entity, make_parse

from dateline.events.classify import classify_text
from dateline.events.dates import resolve_dates
from dateline.events.extract import extract_events
from dateline.events.infrastructure import refine
from dateline.events.taxonomy import lookup
from dateline.ingest.dateline import parse_dateline

TEXT = (
    "VOLNOVE, Ukraine (AP) — A rail bridge over the river was blown up early on Friday, and each side blamed the other. "
    "Water poured through the breach in the bridge at Staroselka before dawn. "
    "The regional governor said buses were taking residents to Horodnia and other towns. "
    "Officials said about 400 residents of nearby villages were being moved to safety."
)


def _world(text):
    return (
        make_entity(text, "p1", "place", "VOLNOVE", lat=47.1, lon=33.1, feature="city"),
        make_entity(text, "p2", "place", "Staroselka", lat=47.3, lon=33.6, feature="village"),
        make_entity(text, "p3", "place", "Horodnia", lat=47.6, lon=32.4, feature="city"),
    )


def _run(article_of, text=TEXT):
    article = dataclasses.replace(article_of(text, "2024-03-15"), dateline=parse_dateline(text))
    parse = make_parse(text, dates=("Friday",))
    return extract_events(article, parse, _world(text), resolve_dates(article, parse), (), ())[0]


def test_blown_up_bridge_is_a_destruction_at_the_facility():
    assert classify_text("Saboteurs blew the railway bridge up overnight.").code == "INFRASTRUCTURE"
    klass = refine(lookup("INFRASTRUCTURE"), "The dam was breached overnight.")
    assert (klass.type, klass.subtype, klass.acled_sub_event_type) == ("infrastructure", "destruction",
                                                                       "Looting/property destruction")


def test_power_cut_is_not_a_destruction():
    assert refine(lookup("INFRASTRUCTURE"), "Power was cut off in the city after the strike.").code == "INFRASTRUCTURE"


def test_named_shelling_keeps_its_attack_class():
    assert classify_text("Artillery shelling destroyed a bridge near the village.").code == "ART_MISS_ATTACK"


def test_one_facility_is_one_destruction_placed_at_its_town(article_of):
    events = _run(article_of)
    destroyed = [e for e in events if e.subtype == "destruction"]
    assert len(destroyed) == 1
    assert destroyed[0].place_name == "Staroselka" and destroyed[0].date == "2024-03-15"


def test_evacuation_is_placed_at_the_dateline_not_the_destination(article_of):
    events = _run(article_of)
    evac = [e for e in events if e.type == "evacuation"]
    assert len(evac) == 1
    assert evac[0].place_name == "VOLNOVE" and evac[0].geo_precision == 3


def test_evacuation_cues():
    for text in ("Buses were ferrying families out of the district on Sunday.",
                 "About 300 villagers were moved to safety, the mayor said.",
                 "Police told residents to leave their homes before nightfall."):
        assert classify_text(text).code == "EVACUATION", text


def test_violent_events_do_not_take_the_dateline_place(article_of):
    text = ("VOLNOVE, Ukraine (AP) — Officials ordered residents to leave their homes on Friday. "
            "The governor said a drone strike killed two people overnight.")
    events = _run(article_of, text)
    attacks = [e for e in events if e.type == "attack"]
    assert attacks and all(e.place_id is None for e in attacks)
    assert [e.place_name for e in events if e.type == "evacuation"] == ["VOLNOVE"]


def test_only_evacuations_and_destructions_take_the_dateline_place():
    from dateline.events.infrastructure import dateline_place

    place = make_entity("VOLNOVE, Ukraine (AP) — ", "e1", "place", "VOLNOVE", lat=47.0, lon=36.0)
    assert dateline_place((place,), (0, 20), "evacuation", "evacuation") is not None
    assert dateline_place((place,), (0, 20), "infrastructure", "destruction") is not None
    # a fire put out after a strike filed from another city is not placed at the dateline
    assert dateline_place((place,), (0, 20), "infrastructure", "accident") is None


def test_an_evacuation_placed_by_the_dateline_keeps_apart_from_a_towns_own(article_of):
    text = ("VOLNOVE, Ukraine (AP) — Water kept rising across the south on Friday. "
            "Officials said on Friday that buses were taking residents to Horodnia. "
            "The mayor of Staroselka said on Friday that 900 residents were being moved to safety.")
    article = dataclasses.replace(article_of(text, "2024-03-15"), dateline=parse_dateline(text))
    parse = make_parse(text, dates=("Friday", "Friday", "Friday"))
    world = (
        make_entity(text, "p1", "place", "VOLNOVE", lat=47.1, lon=33.1, feature="city", admin1="Volnove Oblast"),
        make_entity(text, "p2", "place", "Staroselka", lat=47.3, lon=33.6, feature="village", admin1="Volnove Oblast"),
        make_entity(text, "p3", "place", "Horodnia", lat=47.6, lon=32.4, feature="city"),
    )
    events = extract_events(article, parse, world, resolve_dates(article, parse), (), ())[0]
    assert sorted(e.place_name for e in events if e.type == "evacuation") == ["Staroselka", "VOLNOVE"]
