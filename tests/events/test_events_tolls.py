"""Tolls across sentences: totals split by place, country-level and unplaced tolls, restatements, borders."""

from __future__ import annotations

from .helpers import make_entity, make_parse

from dateline.events.dates import resolve_dates
from dateline.events.extract import extract_events
from dateline.model import Entity


def _world(text: str) -> tuple[Entity, ...]:
    return (
        make_entity(text, "p1", "place", "Verkhnyi", lat=48.0, lon=35.0, feature="city", country_code="UA"),
        make_entity(text, "p2", "place", "Zelenyi Hai", lat=48.2, lon=35.4, feature="village", country_code="UA"),
        make_entity(text, "p3", "place", "Tarnia", lat=32.0, lon=51.0, feature="country", country_code="IR"),
        make_entity(text, "p4", "place", "Ostrava Nova", lat=33.0, lon=52.0, feature="city", country_code="IR"),
        make_entity(text, "p5", "place", "Borki", lat=51.19, lon=35.27, feature="city", country_code="RU"),
        make_entity(text, "p6", "place", "Lisove", lat=51.12, lon=35.04, feature="village", country_code="UA"),
        make_entity(text, "p7", "place", "Qarvan", lat=30.0, lon=49.0, feature="city", country_code="IR"),
    )


def _attacks(article_of, text: str, dates=("Friday",)):
    article = article_of(text, "2022-09-10")
    parse = make_parse(text, dates=dates)
    events, _ = extract_events(article, parse, _world(text), resolve_dates(article, parse), (), ())
    return sorted(((e.place_name, e.killed, e.injured) for e in events if e.type == "attack"), key=str)


def test_lede_total_gives_way_to_the_toll_of_each_place(article_of):
    text = ("Missiles struck Verkhnyi and nearby villages on Friday, killing at least nine people. "
            "In Verkhnyi itself, a missile hit a school, killing six people and wounding 20. "
            "Three people were killed when a rocket hit a farm in the village of Zelenyi Hai.")
    assert _attacks(article_of, text) == [("Verkhnyi", 6, 20), ("Zelenyi Hai", 3, None)]


def test_a_larger_toll_that_is_no_sum_is_kept(article_of):
    text = ("Missiles struck Verkhnyi on Friday, killing at least ten people. "
            "In Verkhnyi, a missile hit a school, killing six people. "
            "Three people were killed when a rocket hit a farm in the village of Zelenyi Hai.")
    assert ("Verkhnyi", 10, None) in _attacks(article_of, text)


def test_country_level_toll_goes_to_the_one_strike_placed_inside_the_country(article_of):
    text = ("Jets struck military sites in Tarnia on Friday, and the army said three of its soldiers were killed. "
            "Jets struck a radar base near Ostrava Nova, the military said. "
            "The army said in a statement that three soldiers had been killed.")
    assert _attacks(article_of, text) == [("Ostrava Nova", 3, None)]


def test_country_level_toll_stays_when_two_places_inside_could_hold_it(article_of):
    text = ("Jets struck military sites in Tarnia on Friday, and the army said three of its soldiers were killed. "
            "Jets struck a radar base near Ostrava Nova, the military said. "
            "Jets struck a depot in Qarvan too, the military said.")
    assert ("Tarnia", 3, None) in _attacks(article_of, text)


def test_unplaced_toll_takes_the_place_the_next_sentence_gives_its_victims(article_of):
    text = ("The governor said four civilians had been killed and 12 wounded since the shelling began on Friday. "
            "Most of the casualties were in Borki, where shells hit a market, he wrote.")
    assert _attacks(article_of, text) == [("Borki", 4, 12)]


def test_unplaced_toll_is_not_glued_to_a_next_sentence_about_another_strike(article_of):
    text = ("The governor said four civilians had been killed and 12 wounded since the shelling began on Friday. "
            "Shells also hit a market in Borki, he wrote.")
    assert (None, 4, 12) in _attacks(article_of, text)


def test_towns_across_a_border_are_two_happenings(article_of):
    text = ("Shells hit a bus station in Borki on Friday, the governor said. "
            "Across the border, glide bombs struck the village of Lisove on Friday, wounding two people.")
    assert _attacks(article_of, text) == [("Borki", None, None), ("Lisove", None, 2)]


def _dated(article_of, text: str, dates: tuple[str, ...]):
    article = article_of(text, "2022-09-10")
    parse = make_parse(text, dates=dates)
    events, _ = extract_events(article, parse, _world(text), resolve_dates(article, parse), (), ())
    return sorted(((e.place_name, e.date) for e in events if e.type == "attack"), key=str)


def test_that_night_is_the_day_named_just_before(article_of):
    text = ("Rockets were fired at Verkhnyi on September 1, officials said. "
            "A farmer was killed by falling debris in Zelenyi Hai that night, police said.")
    assert ("Zelenyi Hai", "2022-09-01") in _dated(article_of, text, ("September 1",))


def test_the_next_day_is_the_day_after(article_of):
    text = ("Rockets were fired at Verkhnyi on September 1, officials said. "
            "Two people were killed when a shell hit a bus in Zelenyi Hai the next day.")
    assert ("Zelenyi Hai", "2022-09-02") in _dated(article_of, text, ("September 1",))


def test_that_night_without_a_day_named_before_gives_no_day(article_of):
    text = "A farmer was killed by falling debris in Zelenyi Hai that night, police said."
    assert _dated(article_of, text, ()) == [("Zelenyi Hai", "2022-09-10")]  # the report's week, as before


def _sea_world(text: str) -> tuple[Entity, ...]:
    return (
        make_entity(text, "w1", "place", "Gulf of Varna", lat=43.0, lon=31.0, feature="water"),
        make_entity(text, "w2", "place", "Balchik", lat=43.41, lon=28.16, feature="city", country_code="BG"),
        make_entity(text, "w3", "place", "Sozopol", lat=42.42, lon=27.69, feature="city", country_code="BG"),
    )


def _sea(article_of, text: str):
    article = article_of(text, "2022-09-10")
    parse = make_parse(text, dates=("Friday",))
    events, _ = extract_events(article, parse, _sea_world(text), resolve_dates(article, parse), (), ())
    return [(e.place_name, e.geo_precision, e.killed) for e in events if e.type == "attack"]


def test_a_ship_hit_at_sea_is_placed_near_the_town_a_bearing_names(article_of):
    text = ("Two sailors were killed when a missile hit a cargo ship in the Gulf of Varna on Friday. "
            "The vessel was struck about 40 nautical miles (74 kilometres) northeast of the port city of Balchik.")
    assert _sea(article_of, text) == [("Balchik", 2, 2)]


def test_a_town_named_without_a_bearing_does_not_move_the_sea_event(article_of):
    text = ("Two sailors were killed when a missile hit a cargo ship in the Gulf of Varna on Friday. "
            "The ship had left Sozopol two days earlier.")
    assert _sea(article_of, text) == [("Gulf of Varna", 3, 2)]


def test_a_revised_toll_updates_the_strike_instead_of_adding_one(article_of):
    text = ("A missile hit a shopping centre in Verkhnyi on Friday, killing 20 people, the governor said. "
            "Rescuers worked through the night. By Saturday morning the death toll had risen to 31.")
    assert _attacks(article_of, text, dates=("Friday", "Saturday morning")) == [("Verkhnyi", 31, None)]


def test_a_toll_for_another_place_is_no_revision(article_of):
    text = ("A missile hit a shopping centre in Verkhnyi on Friday, killing 20 people. "
            "In Zelenyi Hai the death toll rose to 3 after a shell hit a farm.")
    assert _attacks(article_of, text) == [("Verkhnyi", 20, None), ("Zelenyi Hai", 3, None)]


def test_the_town_of_the_hospital_is_not_where_the_wounded_were_hurt(article_of):
    text = ("Gunmen opened fire on a bus near Zelenyi Hai on Friday, killing four people. "
            "At least nine people were wounded and taken to hospitals in Verkhnyi and Borki.")
    assert _attacks(article_of, text) == [("Zelenyi Hai", 4, 9)]


def test_a_toll_two_sentences_on_completes_the_last_event_when_none_lies_between(article_of):
    text = ("Gunmen opened fire on a bus near Zelenyi Hai on Friday, killing four people, officials said. "
            "Witnesses said the attackers came out of the forest on foot, wore military fatigues and fired at "
            "close range for several minutes before escaping into the hills along a path used by shepherds, "
            "leaving the bus riddled with bullet holes and its windows shattered on the mountain road. "
            "Residents said the road had been reopened only a month earlier after repairs. "
            "At least nine people were wounded and taken to hospitals in Verkhnyi.")
    assert _attacks(article_of, text) == [("Zelenyi Hai", 4, 9)]


def test_a_towns_toll_is_no_total_of_other_towns_tolls(article_of):
    text = ("A drone hit a bus in Verkhnyi on Friday, killing two people and wounding five. "
            "In Borki, a drone hit a car on Friday, wounding three people. "
            "A shell wounded two men in the village of Lisove on Friday.")
    assert ("Verkhnyi", 2, 5) in _attacks(article_of, text)
