"""Event rules found by the golden set: dateline places, follow-up counts, reference points, cues."""

from .helpers import make_entity, make_parse

from dateline.events.classify import classify_text
from dateline.events.dates import resolve_dates
from dateline.events.extract import extract_events
from dateline.model import Article, Dateline

LEAD = ("VOLNOGRAD, Ukraine (AP) - Russian bombs hit the town of Zarichky on Monday, killing three civilians. "
        "Officials said troops repelled attacks near Petrivske over the past day.")


def _events(text, world, dateline=None, dates=("Monday",)):
    art = Article(text=text, published=__import__("datetime").date(2024, 6, 10), dateline=dateline)
    parse = make_parse(text, dates=dates)
    return extract_events(art, parse, world, resolve_dates(art, parse), (), ())[0]


def test_dateline_only_place_does_not_merge_with_a_town_of_its_province():
    text = LEAD.replace("the town of Zarichky", "a market")
    world = (make_entity(text, "c", "place", "VOLNOGRAD", lat=47.8, lon=35.1, feature="city", admin1="Volnograd Oblast"),
             make_entity(text, "t", "place", "Petrivske", lat=47.6, lon=36.3, feature="village", admin1="Volnograd Oblast"))
    dl = Dateline(place="Volnograd", country="Ukraine", agency="AP", start=0, end=27)
    events = _events(text, world, dl)
    lead = [e for e in events if e.killed == 3]
    assert len(lead) == 1 and lead[0].place_name != "Petrivske"
    assert any(e.place_name == "Petrivske" and e.killed is None for e in events)


def test_unplaced_follow_up_completes_the_previous_event_counts():
    text = ("Shelling killed at least 15 civilians in the town of Zarichky on Monday, a local group said. "
            "It said 29 people were wounded.")
    world = (make_entity(text, "t", "place", "Zarichky", lat=13.6, lon=25.3, feature="city"),)
    events = _events(text, world)
    assert [(e.killed, e.injured) for e in events] == [(15, 29)]


def test_follow_up_with_clashing_count_stays_apart():
    text = ("Shelling killed 15 civilians in the town of Zarichky on Monday, a local group said. "
            "Another strike killed 4 people.")
    world = (make_entity(text, "t", "place", "Zarichky", lat=13.6, lon=25.3, feature="city"),)
    assert sorted(e.killed for e in _events(text, world)) == [4, 15]


def test_reference_point_is_not_the_event_place():
    text = "In the town of Zarichky, south of Volnograd, a drone damaged an energy facility on Monday, officials said."
    world = (make_entity(text, "t", "place", "Zarichky", lat=50.3, lon=34.9, feature="city"),
             make_entity(text, "c", "place", "Volnograd", lat=50.9, lon=34.8, feature="city"))
    events = _events(text, world)
    assert [e.place_name for e in events] == ["Zarichky"]


def test_month_march_is_not_a_protest_but_a_march_is():
    assert classify_text("VOLNOGRAD, Ukraine, March 3 (Reuters) -").score == 0
    assert classify_text("Thousands marched through the capital on 5 March.").code.endswith("PROTEST")


def test_drone_cues_with_auxiliary_and_guided_bombs():
    assert classify_text("Officials said drones had struck a substation, cutting power.").code == "AIR_STRIKE"
    assert classify_text("Russian forces dropped guided aerial bombs on the town.").code == "AIR_STRIKE"
