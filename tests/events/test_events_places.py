"""Event places and dates with the real parse: roles, the dateline, countries, background, merging."""

from __future__ import annotations

import datetime as dt

import pytest

from .helpers import make_entity

from dateline.events.dates import resolve_dates
from dateline.events.extract import extract_events
from dateline.events.roles import ACTOR, LOCATIVE, place_role, token_index
from dateline.model import Article, Dateline

pytestmark = pytest.mark.model

PUB = dt.date(2022, 9, 10)  # a Saturday


@pytest.fixture(scope="module")
def parse_of():
    from dateline.nlp.model import load_model
    from dateline.nlp.spans import parse_article

    nlp = load_model()

    def run(article: Article):
        return parse_article(article, nlp=nlp)

    return run


def _places(text: str):
    return (
        make_entity(text, "c1", "place", "Lviv", lat=49.84, lon=24.03, feature="city", admin1="Lviv Oblast"),
        make_entity(text, "c2", "place", "Moscow", lat=55.75, lon=37.62, feature="city"),
        make_entity(text, "c3", "place", "Dobrovo", lat=48.1, lon=36.1, feature="village", admin1="Poltava Oblast"),
        make_entity(text, "c4", "place", "Sosnivka", lat=48.2, lon=36.3, feature="city", admin1="Poltava Oblast"),
        make_entity(text, "c5", "place", "Poltava", lat=49.59, lon=34.55, feature="region"),
        make_entity(text, "c6", "place", "Russia", lat=60.0, lon=100.0, feature="country"),
        make_entity(text, "c7", "place", "Marhanets", lat=47.64, lon=34.63, feature="city", admin1="Dnipro Oblast"),
    )


def _events(parse_of, text: str, dateline: Dateline | None = None):
    article = Article(text=text, published=PUB, dateline=dateline)
    parse = parse_of(article)
    return extract_events(article, parse, _places(text), resolve_dates(article, parse), (), ())[0]


def test_capital_as_agent_or_accused_is_an_actor_not_a_place(parse_of):
    text = "Officials in Lviv accused Moscow of shelling the village of Dobrovo. Analysts said Lviv has captured 900 square kilometers."
    parse = parse_of(Article(text=text, published=PUB))
    tokens = token_index(parse)
    assert place_role(parse, tokens, text.index("Moscow")) == ACTOR
    assert place_role(parse, tokens, text.index("Dobrovo")) == LOCATIVE
    assert place_role(parse, tokens, text.rindex("Lviv")) == ACTOR  # "Lviv has captured ..."
    assert place_role(parse, tokens, text.index("Lviv")) == LOCATIVE  # "officials in Lviv"


def test_accused_capital_never_becomes_the_event_place(parse_of):
    events = _events(parse_of, "The governor accused Moscow of shelling the village of Dobrovo overnight.")
    attack = next(e for e in events if e.type == "attack")
    assert attack.place_name == "Dobrovo"


def test_dateline_place_is_not_the_event_place_when_the_clause_names_another(parse_of):
    text = "LVIV, Ukraine (AP) — The army announced Saturday that it is withdrawing troops from the Sosnivka area."
    text = text.replace("LVIV", "Lviv")
    events = _events(parse_of, text, Dateline(place="Lviv", country="Ukraine", agency="AP", start=0, end=19))
    ev = next(e for e in events if e.type == "territory_change")
    assert ev.place_name == "Sosnivka" and ev.geo_precision == 2


def test_dateline_place_is_a_last_resort_with_precision_three(parse_of):
    text = "Lviv, Ukraine (AP) — Troops withdrew overnight, the army said."
    events = _events(parse_of, text, Dateline(place="Lviv", country="Ukraine", agency="AP", start=0, end=19))
    ev = next(e for e in events if e.type == "territory_change")
    assert ev.place_name == "Lviv" and ev.geo_precision == 3


def test_country_only_place_keeps_the_name_but_no_point(parse_of):
    events = _events(parse_of, "Officials said troops had withdrawn from Russia on Friday.")
    ev = next(e for e in events if e.type == "territory_change")
    assert ev.place_name == "Russia" and ev.geo_precision == 3
    assert ev.lat is None and ev.lon is None


def test_background_capture_is_not_a_current_event(parse_of):
    text = "Reporters entered Marhanets, a river port captured by Russia in March."
    events = _events(parse_of, text)
    assert not [e for e in events if e.date and e.date.startswith("2022-03")]
    assert not [e for e in events if e.place_name == "Russia"]


def test_date_of_a_relative_clause_is_not_the_event_date(parse_of):
    text = "Ukrainian troops recaptured Marhanets, a river port seized by Russia in March, on Friday."
    ev = next(e for e in _events(parse_of, text) if e.type == "territory_change")
    assert ev.place_name == "Marhanets" and ev.date == "2022-09-09"


def test_withdrawal_does_not_merge_with_recapture_nor_take_its_date(parse_of):
    text = ("The Russian ministry announced Saturday that it is withdrawing troops from the Poltava region. "
            "A ministry spokesman said troops would be regrouped from the Sosnivka and Dobrovo areas. "
            "The president said on Friday that troops have recaptured 12 settlements in the Poltava region.")
    events = _events(parse_of, text)
    withdrawals = [e for e in events if e.subtype == "withdrawal"]
    assert len(withdrawals) == 1  # the announcement and the spokesman's detail are one happening
    w = withdrawals[0]
    assert w.date == "2022-09-10" and w.place_name in ("Sosnivka", "Dobrovo") and w.geo_precision == 2
    assert any(e.subtype == "recapture" and e.date == "2022-09-09" for e in events)


def test_undated_unreported_event_gets_no_date(parse_of):
    ev = next(e for e in _events(parse_of, "Troops withdrew from the village of Dobrovo.") if e.type == "territory_change")
    assert ev.date is None and ev.time_precision is None


def test_tally_of_settlements_does_not_lend_its_date_to_one_town(parse_of):
    text = ("The president said on Friday that troops have recaptured more than 20 settlements in the Poltava region. "
            "Troops recaptured the town of Sosnivka.")
    events = [e for e in _events(parse_of, text) if e.type == "territory_change"]
    town = next(e for e in events if e.place_name == "Sosnivka")
    assert town.date != "2022-09-09"
    assert any(e.place_name == "Poltava" and e.date == "2022-09-09" for e in events)


def test_town_that_changed_hands_beats_a_place_in_a_relative_clause(parse_of):
    text = ("Rebel fighters said on Tuesday they had taken control of Sosnivka, a refuge for thousands of people "
            "who fled fighting in Marhanets earlier in the war.")
    parse = parse_of(Article(text=text, published=PUB))
    assert place_role(parse, token_index(parse), text.index("Sosnivka")) == LOCATIVE  # "control of X"
    change = next(e for e in _events(parse_of, text) if e.type == "territory_change")
    assert change.place_name == "Sosnivka"


def test_killing_in_a_subordinate_clause_takes_the_place_of_its_own_clause(parse_of):
    text = ("The fall of Sosnivka comes days after the district mayor, Colonel Ivan Dorosh, was killed by a sniper "
            "near the village of Dobrovo on Friday while visiting troops.")
    attack = next(e for e in _events(parse_of, text) if e.type == "attack")
    assert (attack.place_name, attack.killed, attack.date) == ("Dobrovo", 1, "2022-09-09")


def test_a_killing_in_the_main_clause_keeps_the_main_clause_place(parse_of):
    text = "Shelling killed two people in Sosnivka on Friday after troops had left the village of Dobrovo."
    attack = next(e for e in _events(parse_of, text) if e.type == "attack")
    assert attack.place_name == "Sosnivka"


def test_a_place_glued_to_a_participle_does_not_locate_the_event():
    from dateline.events.places import locate

    from .helpers import make_entity

    text = "The Moscow-appointed mayor said shelling killed two people on Monday."
    moscow = make_entity(text, "p1", "place", "Moscow", lat=55.75, lon=37.62, feature="city")
    assert locate(text, (moscow,), 0, len(text), text.index("killed")) is None
    plain = "Shelling killed two people in Moscow on Monday."
    moscow = make_entity(plain, "p1", "place", "Moscow", lat=55.75, lon=37.62, feature="city")
    assert locate(plain, (moscow,), 0, len(plain), plain.index("killed")).entity.id == "p1"


def test_where_the_sources_sit_is_not_where_the_strike_was(parse_of):
    text = "Two security officials in Lviv said the jets had struck hideouts near Dobrovo on Friday, killing five."
    ev = next(e for e in _events(parse_of, text) if e.type == "attack")
    assert ev.place_name == "Dobrovo"
    text = "Two security officials in Lviv said the jets had struck hideouts on Friday, killing five fighters."
    ev = next(e for e in _events(parse_of, text) if e.type == "attack")
    assert ev.place_name != "Lviv"  # the officials' seat, not the strike's
    text = "The governor of Lviv said missiles had struck the city on Friday, killing five people."
    ev = next(e for e in _events(parse_of, text) if e.type == "attack")
    assert ev.place_name == "Lviv"  # a governor's seat is the city he speaks for


def test_a_place_inside_an_organisations_name_places_nothing(parse_of):
    from dateline.events.places import locate
    from dateline.model import Entity, Mention

    text = "Fighters of the Free Army of Poltava attacked a checkpoint near Sosnivka on Friday."
    ents = _places(text)
    a = text.index("Free Army of Poltava")
    org = Entity(id="o1", kind="org", name="Free Army of Poltava",
                 mentions=(Mention("Free Army of Poltava", a, a + len("Free Army of Poltava"), "ORG"),))
    got = locate(text, (*ents, org), 0, len(text), text.index("attacked"))
    assert got is not None and got.entity.name == "Sosnivka"
    alone = "Fighters of the Free Army of Poltava attacked a checkpoint on Friday."
    a = alone.index("Free Army of Poltava")
    org = Entity(id="o1", kind="org", name="Free Army of Poltava",
                 mentions=(Mention("Free Army of Poltava", a, a + len("Free Army of Poltava"), "ORG"),))
    assert locate(alone, (*_places(alone), org), 0, len(alone), alone.index("attacked")) is None


def test_a_mapped_place_beats_a_name_left_unresolved():
    from dateline.events.places import locate
    from dateline.model import Entity, Mention

    text = "Gunmen ambushed troops near Sosnivka after an attempt to arrest a suspect in Zorivka on Thursday."
    a = text.index("Zorivka")
    unlinked = Entity(id="u1", kind="place", name="Zorivka", mentions=(Mention("Zorivka", a, a + 7, "GPE"),),
                      status="unlinked")
    got = locate(text, (*_places(text), unlinked), 0, len(text), text.index("ambushed"))
    assert got is not None and got.entity.name == "Sosnivka"
