"""Session 9: realised cues, a strike on a facility, a place described in passing, metonymic capitals, and the
sentences after an event that say what was hit and where."""

from __future__ import annotations

from dateline.events.dates import resolve_dates
from dateline.events.extract import _classify, extract_events
from dateline.events.incidental import descriptive
from dateline.model import Entity

from .helpers import make_entity, make_parse


def test_a_planned_cue_is_masked_and_the_realised_one_classifies_the_sentence():
    text = ("Missiles and drones destroyed the largest power station near the capital early Thursday, as officials "
            "warn the campaign could bring long blackouts this summer.")
    klass, cls = _classify(text)
    assert klass.type == "attack" and "blackouts" not in cls.evidence


def test_a_sentence_with_only_a_planned_cue_still_yields_nothing():
    assert _classify("Officials warn the campaign could bring long blackouts this summer.") is None


def test_missiles_that_destroy_a_plant_are_an_attack_and_an_outage_alone_stays_infrastructure():
    klass, _ = _classify("Russian missiles destroyed the power station on Thursday.")
    assert klass.type == "attack"
    klass, _ = _classify("Tens of thousands of households were left without power on Thursday.")
    assert klass.type == "infrastructure"


def test_a_position_verb_in_a_relative_clause_does_not_make_the_sentence_descriptive():
    assert not descriptive("Missiles hit the thermal power plant, which sits about 35 kilometers south of the city.")
    assert descriptive("The plant sits about 35 kilometers south of the city and is shelled daily.")
    assert descriptive("The town lies 30 kilometers from the front line.")


def _world(text: str) -> tuple[Entity, ...]:
    return (
        make_entity(text, "k", "place", "Kyiv", lat=50.45, lon=30.52, feature="city", country_code="UA"),
        make_entity(text, "m", "place", "Moscow", lat=55.75, lon=37.62, feature="city", country_code="RU"),
        make_entity(text, "t", "place", "Trypillia", lat=50.12, lon=30.78, feature="village", country_code="UA"),
        make_entity(text, "s", "place", "Sozopol", lat=42.42, lon=27.69, feature="city", country_code="BG"),
        make_entity(text, "z", "place", "Zmiiv", lat=49.68, lon=36.36, feature="city", country_code="UA"),
    )


def _attacks(article_of, text: str, dates: tuple[str, ...] = ("Thursday",), *, dateline: bool = False):
    article = article_of(text, "2024-04-11")  # a Thursday
    if dateline:
        from dataclasses import replace

        from dateline.ingest.dateline import parse_dateline
        article = replace(article, dateline=parse_dateline(text))
    parse = make_parse(text, dates=dates)
    events, _ = extract_events(article, parse, _world(text), resolve_dates(article, parse), (), ())
    return [(e.place_name, e.geo_precision, e.date) for e in events if e.type == "attack"]


def test_a_sentence_about_the_plant_hit_places_the_strike_by_its_locative_phrase(article_of):
    text = ("KYIV, Ukraine (AP) — Russian missiles destroyed the largest power station in the region around the "
            "capital early Thursday, its operator said. The thermal power plant stands on the river beside the "
            "village of Trypillia, about 40 kilometers south of Kyiv.")
    got = _attacks(article_of, text, dateline=True)
    assert got and got[0][0] == "Trypillia" and got[0][1] == 2


def test_a_sentence_about_the_target_that_names_a_place_in_passing_does_not_move_the_event(article_of):
    text = ("KYIV, Ukraine (AP) — Russian missiles destroyed the largest power station in the region around the "
            "capital early Thursday, killing two workers, its operator said. The power plant had been inspected by "
            "engineers from Sozopol a year ago.")
    assert _attacks(article_of, text, dateline=True) == [(None, None, "2024-04-11")]  # not Sozopol


def test_the_second_sentence_after_the_event_may_give_its_day(article_of):
    text = ("Seven aid workers were killed in an airstrike on their convoy near Kyiv, the charity said Thursday. "
            "The dead included two drivers. The team was hit late on Wednesday as it left a warehouse.")
    assert _attacks(article_of, text, ("Thursday", "Wednesday")) == [("Kyiv", 2, "2024-04-10")]


def test_a_capital_pressing_a_campaign_is_an_actor_not_the_place(article_of):
    text = "Missiles hit the Zmiiv power plant on Thursday, as Moscow pressed a campaign against the grid."
    assert _attacks(article_of, text)[0][0] == "Zmiiv"


def test_a_day_inside_the_next_sentence_opening_reference_dates_the_strike_even_when_that_sentence_has_its_own_event(
        article_of):
    text = ("Air strikes on the port of Zmiiv killed at least three people and wounded 87, officials said Thursday. "
            "The strikes on Wednesday evening targeted fuel tanks, a day after a drone attack in Moscow killed one man.")
    got = _attacks(article_of, text, ("Thursday", "Wednesday evening"))
    assert ("Zmiiv", 1, "2024-04-10") in got


def test_a_day_later_in_a_busy_next_sentence_does_not_date_the_strike(article_of):
    text = ("Air strikes on the port of Zmiiv killed at least three people and wounded 87, officials said Thursday. "
            "A drone attack in Moscow killed one man on Wednesday evening.")
    got = _attacks(article_of, text, ("Thursday", "Wednesday evening"))
    assert ("Zmiiv", 1, "2024-04-11") in got


def test_an_undated_strike_later_in_the_story_belongs_to_the_wave_the_lede_dates(article_of):
    text = ("Russian missiles hit a power station near Kyiv early Thursday, killing two workers. "
            "In the north-east, missiles also hit a power plant in Zmiiv, killing one guard. "
            "Missiles had hit a power plant in Moscow, killing three people.")
    got = _attacks(article_of, text, ("early Thursday",))
    assert ("Zmiiv", 1, "2024-04-11") in got
    assert all(d is None for p, _, d in got if p == "Moscow")  # a pluperfect strike is no part of the wave


def test_a_toll_after_a_long_from_phrase_is_read():
    from dateline.events.casualties import count_casualties

    text = ("The death toll from a Russian missile strike that tore through a nine-storey apartment block in the "
            "central city of Zmiiv rose to 30 on Sunday, regional officials said.")
    assert count_casualties(text).killed == 30
    assert count_casualties("The toll from the quake, which hit at dawn, rose to 12.").killed == 12


def test_the_day_a_toll_rose_is_not_the_day_of_the_strike(article_of):
    text = ("The death toll from a Russian missile strike on an apartment block in Zmiiv rose to 30 on Thursday, "
            "officials said. At least 73 people were wounded after the missile hit the building in Zmiiv on Wednesday "
            "afternoon.")
    got = _attacks(article_of, text, ("Thursday", "Wednesday afternoon"))
    assert got == [("Zmiiv", 1, "2024-04-10")]


def test_capturing_the_last_outpost_is_ground_taken_but_capturing_a_fourth_attacker_is_not():
    from dateline.events.incidental import captured_people

    assert not captured_people("The group said it had captured the last military outpost in the town on Sunday.")
    assert not captured_people("Rebels captured the last government position in the district.")
    assert captured_people("Police captured a fourth attacker on Monday.")
    assert captured_people("Troops captured the last of the gunmen.")


def test_a_month_day_with_last_year_is_that_day_a_year_back():
    import datetime as dt

    from dateline.events.dates import resolve_date_text

    assert resolve_date_text("Oct. 8 last year", dt.date(2023, 7, 17))[0] == "2022-10-08"
    assert resolve_date_text("8 October last year", dt.date(2023, 7, 17))[0] == "2022-10-08"
    assert resolve_date_text("Oct. 8", dt.date(2023, 7, 17))[0] == "2022-10-08"  # the last Oct. 8 before publication


def test_the_bridge_of_an_event_is_the_one_bridge_the_article_names(article_of):
    text = ("Explosions tore through the bridge linking the mainland with the peninsula early Thursday, killing two "
            "people. Traffic across the Zmiiv Bridge was halted.")
    ents = _world(text) + (make_entity(text, "f", "place", "Zmiiv Bridge", lat=49.7, lon=36.4, feature="facility",
                                       country_code="UA"),)
    article = article_of(text, "2024-04-11")
    parse = make_parse(text, dates=("early Thursday",))
    events, _ = extract_events(article, parse, ents, resolve_dates(article, parse), (), ())
    assert [(e.place_name, e.geo_precision, e.killed) for e in events if e.type == "attack"] == [("Zmiiv Bridge", 1, 2)]
    two = ents + (make_entity(text, "g", "place", "Other Bridge", lat=50.0, lon=30.0, feature="facility", country_code="UA"),)
    events, _ = extract_events(article, parse, two, resolve_dates(article, parse), (), ())
    assert [(e.place_name, e.killed) for e in events if e.type == "attack"] == [(None, 2)]  # two bridges: no guess


def test_an_unplaced_strike_at_the_city_s_airport_is_near_the_town_the_story_placed(article_of):
    text = ("Drones struck the port of Zmiiv on Thursday, officials said. "
            "The attacks began on Wednesday, when drones hit an air base next to the city's airport.")
    got = _attacks(article_of, text, ("Thursday", "Wednesday"))
    assert ("Zmiiv", 2, "2024-04-10") in got
    text = ("Drones struck the port of Zmiiv on Thursday, officials said. "
            "The attacks began on Wednesday, when drones hit an air base next to an airport.")
    assert all(p is None for p, _, d in _attacks(article_of, text, ("Thursday", "Wednesday")) if d == "2024-04-10")


def test_two_bombings_in_one_town_with_their_own_tolls_stay_two_and_a_back_reference_joins_the_first(article_of):
    text = ("A car bomb exploded on the outskirts of Zmiiv, killing at least 20 people and wounding 15, officials said. "
            "The bomb went off on Thursday morning beside a bus. "
            "On Tuesday, a car bomb in the centre of Zmiiv killed four people and wounded nine.")
    article = article_of(text, "2024-04-11")
    parse = make_parse(text, dates=("Thursday morning", "Tuesday"))
    events, _ = extract_events(article, parse, _world(text), resolve_dates(article, parse), (), ())
    got = sorted((e.place_name, e.date, e.killed, e.injured) for e in events if e.type == "attack")
    assert got == [("Zmiiv", "2024-04-09", 4, 9), ("Zmiiv", "2024-04-11", 20, 15)]


def test_a_revised_toll_for_the_same_town_is_still_one_event(article_of):
    text = ("A car bomb exploded in Zmiiv, killing at least 12 people, officials said. "
            "On Thursday the death toll rose to 20.")
    article = article_of(text, "2024-04-11")
    parse = make_parse(text, dates=("Thursday",))
    events, _ = extract_events(article, parse, _world(text), resolve_dates(article, parse), (), ())
    assert [(e.place_name, e.killed) for e in events if e.type == "attack"] == [("Zmiiv", 20)]


def test_a_ship_left_flooding_by_a_drone_boat_is_an_attack_not_a_flood():
    klass, cls = _classify("The carrier was left flooding after rebels rammed it with an explosives-laden drone boat.")
    assert klass.type == "attack" and "flooding" not in cls.evidence
    assert _classify("Heavy rains left the valley flooding on Monday.") is None


def test_the_flagged_ship_sentence_gives_the_strike_its_day_and_bearing_town(article_of):
    text = ("A cargo ship was left drifting in the Black Sea after rebels rammed it with a drone boat, officials said "
            "Thursday. The Liberian-flagged Tutor was hit on Wednesday about 60 nautical miles (111 kilometres) southwest "
            "of the port of Zmiiv.")
    sea = make_entity(text, "s", "place", "Black Sea", lat=43.0, lon=34.0, feature="water", precision=3)
    article = article_of(text, "2024-04-11")
    parse = make_parse(text, dates=("Thursday", "Wednesday"))
    events, _ = extract_events(article, parse, _world(text) + (sea,), resolve_dates(article, parse), (), ())
    assert [(e.place_name, e.date) for e in events if e.type == "attack"] == [("Zmiiv", "2024-04-10")]
