"""Planned actions, background dates, one-person counts and counts tied to their places."""

from .helpers import make_entity, make_parse

from dateline.events.dates import resolve_dates
from dateline.events.extract import extract_events, split_counts
from dateline.events.casualties import count_casualties
from dateline.events.modality import unrealised


def _run(article_of, text, world=(), dates=()):
    article = article_of(text, "2022-09-10")
    parse = make_parse(text, dates=dates)
    return extract_events(article, parse, world, resolve_dates(article, parse), (), ())[0]


def test_promised_help_is_not_an_event(article_of):
    text = "The minister said her country would help find and remove landmines left behind by the retreating troops."
    assert not [e for e in _run(article_of, text) if e.type == "attack"]


def test_plans_and_will_are_not_events_but_reported_would_is():
    s = "The army plans to recapture the town of Velmora next month."
    assert unrealised(s, s.index("recapture"))
    s = "Officials say troops will shell the crossing."
    assert unrealised(s, s.index("shell"))
    s = "The ministry said troops would be regrouped from the Velmora area."
    assert not unrealised(s, s.index("regrouped"))
    s = "The town was captured in May by rebels."
    assert not unrealised(s, s.index("captured"))


def test_planned_attack_without_casualties_gives_no_event_but_a_real_one_does(article_of):
    planned = "Rebels are preparing to attack the army base with rockets."
    assert _run(article_of, planned) == ()
    real = "Rebels attacked the army base with rockets on Friday."
    assert [e.type for e in _run(article_of, real, dates=("Friday",))] == ["attack"]


def test_background_month_does_not_date_the_current_event(article_of):
    text = ("On Saturday, troops recaptured the town of Velmora. "
            "The army entered Velmora, a rail hub captured by rebels in February.")
    world = (make_entity(text, "p1", "place", "Velmora", lat=49.7, lon=37.6, feature="city"),)
    events = _run(article_of, text, world, dates=("Saturday", "February"))
    current = [e for e in events if e.date == "2022-09-10"]
    assert len(current) == 1 and current[0].place_name == "Velmora"
    assert all(e.date in ("2022-09-10", "2022-02-01") for e in events)
    # the February mention is its own (past) happening, never merged into Saturday's
    assert len({e.date for e in events}) == len(events)


def test_date_nearest_the_trigger_wins(article_of):
    text = "On Saturday troops retook Velmora, which rebels had held since February."
    world = (make_entity(text, "p1", "place", "Velmora", lat=49.7, lon=37.6, feature="city"),)
    events = _run(article_of, text, world, dates=("Saturday", "February"))
    assert [e.date for e in events] == ["2022-09-10"]


def test_killed_a_man_counts_one():
    assert count_casualties("The drone strike killed a man in his garden.").killed == 1
    assert count_casualties("A drone strike killed two and wounded a woman.").injured == 1
    assert count_casualties("A drone hit a house and killed nobody.").killed is None


def test_injured_counts_in_different_places_stay_apart(article_of):
    text = ("He said five civilians were hospitalized in Tessaly district and nine others were injured "
            "elsewhere in the region after shelling.")
    world = (make_entity(text, "p1", "place", "Tessaly", lat=49.2, lon=37.3, feature="district"),)
    events = [e for e in _run(article_of, text, world) if e.type == "attack"]
    counts = sorted(((e.place_name or ""), e.injured) for e in events)
    assert counts == [("", 9), ("Tessaly", 5)]  # 9 elsewhere: its own event, place unknown


def test_counts_in_the_same_place_are_added():
    text = "Two soldiers were injured in Karsk and three civilians were injured in Karsk too."
    world = (make_entity(text, "p1", "place", "Karsk", lat=1.0, lon=2.0),)
    parts = count_casualties(text).parts
    assert split_counts(text, 0, parts, world) == [("p1", None, 5)]


def test_killed_and_injured_without_places_stay_in_one_group():
    text = "Two people were killed and two were wounded."
    parts = count_casualties(text).parts
    assert split_counts(text, 0, parts, ()) == [(None, 2, 2)]


def test_sentence_offset_is_applied_to_entity_mentions():
    text = "Two soldiers were injured in Karsk and three civilians were injured in Doruna."
    article = "Intro sentence here. " + text
    world = (make_entity(article, "p1", "place", "Karsk"), make_entity(article, "p2", "place", "Doruna"))
    parts = count_casualties(text).parts
    assert split_counts(text, 21, parts, world) == [("p1", None, 2), ("p2", None, 3)]


def test_placeless_tollless_statement_about_strikes_is_no_event(article_of):
    said = "A Pentagon spokesman said the strikes on rebel missile sites would continue."
    assert _run(article_of, said) == ()
    stance = "The president has accused the rebels of shelling civilians."
    assert _run(article_of, stance) == ()
    counted = "The management said a drone had struck a cargo area, injuring three workers."
    assert [(e.type, e.injured) for e in _run(article_of, counted)] == [("attack", 3)]


def test_claimed_full_control_is_a_territory_change(article_of):
    text = "The rebel group has claimed full control of Velmora, the provincial capital."
    world = (make_entity(text, "p1", "place", "Velmora", lat=-1.67, lon=29.22, feature="city"),)
    assert [e.type for e in _run(article_of, text, world)] == ["territory_change"]


def test_storming_that_kills_civilians_is_an_attack_and_a_coup_is_no_capture(article_of):
    text = "Jihadist fighters stormed the town of Velmora on Saturday, killing at least 200 people."
    world = (make_entity(text, "p1", "place", "Velmora", lat=13.4, lon=-1.1, feature="city"),)
    assert [(e.type, e.killed) for e in _run(article_of, text, world, dates=("Saturday",))] == [("attack", 200)]
    coup = "The junta leader, who seized power in a coup, has promised to retake control of the north."
    assert not [e for e in _run(article_of, coup) if e.type == "territory_change"]
