from .helpers import make_entity, make_parse

from dateline.events.dates import resolve_dates
from dateline.events.extract import CIVILIANS_ID, extract_events
from dateline.model import Entity

TEXT = (
    "On Friday, army troops recaptured the town of Zolotovo. "
    "Officials said troops had withdrawn from Pryvillia without a fight. "
    "A governor said civilians were killed overnight by Russian shelling near the city of Hlynsk. "
    "He said two people were killed and two were wounded in Hlynsk and the neighbouring village of Sadky. "
    "On Saturday, the foreign minister made a surprise visit to Kyiv."
)


def _world(text: str) -> tuple[Entity, ...]:
    return (
        make_entity(text, "p1", "place", "Zolotovo", lat=49.0, lon=37.0, feature="city", admin1="Kharkiv Oblast"),
        make_entity(text, "p2", "place", "Pryvillia", lat=49.7, lon=37.6, feature="city", admin1="Kharkiv Oblast"),
        make_entity(text, "p3", "place", "Hlynsk", lat=48.59, lon=38.0, feature="city"),
        make_entity(text, "p4", "place", "Sadky", lat=48.63, lon=37.98, feature="village"),
        make_entity(text, "p5", "place", "Kyiv", lat=50.45, lon=30.52, feature="city"),
        make_entity(text, "n1", "norp", "Russian"),
    )


def _run(article_of, text=TEXT, quotes=(), dates=("Friday", "Saturday")):
    article = article_of(text, "2022-09-10")
    parse = make_parse(text, dates=dates)
    return extract_events(article, parse, _world(text), resolve_dates(article, parse), (), quotes)


def test_separate_happenings_stay_separate(article_of):
    events, _ = _run(article_of)
    territory = [e for e in events if e.type == "territory_change"]
    assert sorted(e.place_name for e in territory) == ["Pryvillia", "Zolotovo"]


def test_repeated_mentions_merge_with_casualties(article_of):
    events, _ = _run(article_of)
    attacks = [e for e in events if e.type == "attack"]
    assert len(attacks) == 1
    a = attacks[0]
    assert (a.killed, a.injured) == (2, 2)
    assert a.place_name == "Hlynsk"  # the merged event keeps the most precise mention ("in Hlynsk")
    assert a.date == "2022-09-10" and a.time_precision == 1  # "overnight", against publication
    assert "n1" in a.actors and CIVILIANS_ID in a.targets
    assert a.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_dates_resolve_per_event(article_of):
    events, _ = _run(article_of)
    by_place = {e.place_name: e for e in events}
    assert by_place["Zolotovo"].date == "2022-09-09"  # "On Friday" before Saturday's publication
    # No date in its sentence, but "officials said": the week up to publication (precision 2).
    assert (by_place["Pryvillia"].date, by_place["Pryvillia"].time_precision) == ("2022-09-10", 2)
    diplomacy = by_place["Kyiv"]
    assert diplomacy.type == "diplomacy" and diplomacy.date == "2022-09-10"
    assert (diplomacy.lat, diplomacy.lon, diplomacy.geo_precision) == (50.45, 30.52, 1)


def test_region_mention_has_precision_three_and_merges_into_its_town(article_of):
    text = ("On Saturday, troops withdrew from two areas in the Kharkiv region. "
            "Troops would be regrouped from the Zolotovo area.")
    world = _world(text) + (make_entity(text, "r1", "place", "Kharkiv", lat=49.99, lon=36.23, feature="city"),)
    article = article_of(text)
    parse = make_parse(text, dates=("Saturday",))
    events, _ = extract_events(article, parse, world, resolve_dates(article, parse), (), ())
    assert len(events) == 1
    assert events[0].place_name == "Zolotovo" and events[0].date == "2022-09-10"


def test_event_rests_on_its_quote(article_of):
    from dateline.model import Quote, Speaker

    start = TEXT.index("two people")
    q = Quote(text="two people were killed", start=start, end=start + 22, kind="indirect",
              speaker=Speaker(entity_id=None, name="He", start=0, end=2), status="claimed", id="q7")
    events, _ = _run(article_of, quotes=(q,))
    attack = next(e for e in events if e.type == "attack")
    assert attack.source_quote == "q7" and attack.source_status == "claimed"


def test_near_the_city_of_is_precision_two(article_of):
    text = "Civilians were wounded overnight by shelling near the city of Hlynsk."
    article = article_of(text)
    parse = make_parse(text)
    events, _ = extract_events(article, parse, _world(text), resolve_dates(article, parse), (), ())
    assert [(e.place_name, e.geo_precision) for e in events] == [("Hlynsk", 2)]


def test_two_places_with_their_own_tolls_stay_two_attacks(article_of):
    text = ("Russian shelling killed three people in Hlynsk on Friday. "
            "Two people were killed when a drone hit a car in the village of Sadky, the governor said.")
    events, _ = _run(article_of, text, dates=("Friday",))
    attacks = sorted((e.place_name, e.killed) for e in events if e.type == "attack")
    assert attacks == [("Hlynsk", 3), ("Sadky", 2)]  # 5 km apart, but two tolls: two strikes


def test_killing_in_a_looting_sentence_is_an_attack(article_of):
    text = ("Residents said fighters were looting homes and cars in Hlynsk, and that shells fired across the river "
            "had killed at least eight people there on Monday.")
    events, _ = _run(article_of, text, dates=("Monday",))
    assert [(e.type, e.killed) for e in events] == [("attack", 8)]


def test_unplaced_toll_takes_the_place_just_named_but_a_national_toll_does_not(article_of):
    text = ("Russian shelling killed three people in Hlynsk on Friday and hit the main hospital. "
            "Two adults were killed at the hospital and at least 16 people were hurt. "
            "At least 41 people were killed nationwide on Friday.")
    events, _ = _run(article_of, text, dates=("Friday",))
    tolls = [(e.place_name, e.geo_precision, e.killed, e.injured) for e in events if e.type == "attack"]
    assert ("Hlynsk", 2, 2, 16) in tolls
    assert (None, None, 41, None) in tolls


def test_a_town_overrun_with_a_massacre_is_an_attack(article_of):
    text = "On Friday, militants overran the town of Zolotovo and massacred at least 40 villagers, survivors said."
    events, _ = _run(article_of, text, dates=("Friday",))
    assert [(e.type, e.place_name, e.killed) for e in events] == [("attack", "Zolotovo", 40)]


def test_burning_homes_and_wounding_people_is_an_attack(article_of):
    text = "On Friday, armed men torched houses and cars in Sadky, wounding nine villagers, medics said."
    events, _ = _run(article_of, text, dates=("Friday",))
    assert [(e.type, e.place_name, e.injured) for e in events] == [("attack", "Sadky", 9)]


def test_a_day_after_dates_the_killing_one_day_earlier(article_of):
    text = ("Troops pressed the operation in Hlynsk on Saturday, a day after the first raids killed at least "
            "seven people there.")
    events, _ = _run(article_of, text, dates=("Saturday",))
    attacks = [e for e in events if e.type == "attack"]
    assert [(a.killed, a.date) for a in attacks] == [(7, "2022-09-09")]


def test_a_day_after_before_the_date_changes_nothing(article_of):
    text = "A day after the truce, shelling killed four people in Hlynsk on Saturday."
    events, _ = _run(article_of, text, dates=("Saturday",))
    assert [(e.killed, e.date) for e in events if e.type == "attack"] == [(4, "2022-09-10")]


def test_the_datelines_date_gives_way_to_the_day_the_sentence_names(article_of):
    text = ("Report from wires\n\nHLYNSK, Sep 10 (Reuters) - Shelling killed three people in Hlynsk on Friday, "
            "officials said.")
    events, _ = _run(article_of, text, dates=("Sep 10", "Friday"))
    assert [(e.killed, e.date) for e in events if e.type == "attack"] == [(3, "2022-09-09")]
