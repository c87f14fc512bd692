"""Session 12: a fronted time adverbial dates its paragraph, victims named in an apposition (invented text)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.events.casualties import count_casualties
from dateline.events.dates import frame_date, resolve_dates
from dateline.events.extract import extract_events
from dateline.model import Article, DateMention

from .helpers import make_entity

PUB = dt.date(2024, 5, 27)  # a Monday


def _extract(text: str, velmora: tuple[float, float, str], tarsk: tuple[float, float, str], **article):
    """Run the event stage on a real parse of ``text`` with two invented places (lat, lon, feature)."""
    from dateline.nlp.model import load_model
    from dateline.nlp.spans import parse_article

    world = tuple(make_entity(text, f"p{n}", "place", name, lat=lat, lon=lon, feature=feature, country_code="XA")
                  for n, (name, (lat, lon, feature)) in enumerate((("Velmora", velmora), ("Tarsk", tarsk)), 1))
    art = Article(text=text, published=PUB, **article)
    parse = parse_article(art, nlp=load_model())
    return extract_events(art, parse, world, resolve_dates(art, parse), (), ())[0]


def _day(text: str, phrase: str, value: str) -> DateMention:
    a = text.index(phrase)
    return DateMention(text=phrase, start=a, end=a + len(phrase), value=value, end_value=value, precision="day")


@pytest.mark.parametrize("opening, framed", [
    ("Late on Sunday, armed men moved through Velmora. ", True),
    ("On Sunday, armed men moved through Velmora. ", True),
    ("Armed men moved through Velmora on Sunday, officials said. ", False),  # not fronted: it dates its own clause
    ("Officials said on Sunday that armed men moved through Velmora. ", False),
])
def test_a_fronted_day_dates_the_rest_of_its_paragraph(opening, framed):
    text = opening + "One man was shot dead in a village nearby."
    d = _day(text, "Sunday", "2024-05-26")
    got = frame_date(text, (d,), text.index("One man"))
    assert (got is not None and got.value == "2024-05-26") == framed


def test_a_frame_ends_with_its_paragraph_or_a_later_date():
    text = "Late on Sunday, armed men moved through Velmora.\n\nOne man was shot dead in a village nearby."
    d = _day(text, "Sunday", "2024-05-26")
    assert frame_date(text, (d,), text.index("One man")) is None  # another paragraph
    text = "Late on Sunday, armed men moved through Velmora. Police came in 2023. One man was shot dead."
    later = DateMention(text="2023", start=text.index("2023"), end=text.index("2023") + 4, value="2023-01-01",
                        end_value="2023-12-31", precision="year")
    assert frame_date(text, (_day(text, "Sunday", "2024-05-26"), later), text.index("One man")) is None


@pytest.mark.parametrize("text, killed, injured", [
    ("The brothers, Adam Roe, 21, and Ben Roe, 19, from the nearby village of Tarsk, were killed on Sunday.", 2, None),
    ("The three soldiers, Ann Smith, Carl Orr and Bob Jones, were wounded.", None, 3),
    ("A gunman shot dead two brothers on the main road.", 2, None),
    ("The brothers, who were 21 and 19, were killed.", None, None),  # no names, no count
])
def test_victims_named_in_apposition_count_one_each(text, killed, injured):
    got = count_casualties(text)
    assert (got.killed, got.injured) == (killed, injured)


@pytest.mark.model
def test_an_undated_killing_takes_the_day_its_paragraph_opens_with():
    text = ("Late on Sunday, groups of armed men moved through Velmora, setting fire to houses. "
            "One man was shot dead in the village of Tarsk, the health ministry said.")
    events = _extract(text, (31.3, 34.25, "city"), (31.32, 34.27, "village"))
    ev = next(e for e in events if e.killed == 1)
    assert ev.date == "2024-05-26"


@pytest.mark.parametrize("text, separate", [
    ("Gangs also attacked the civil prison in Tarsk the same night.", True),
    ("Also on Sunday, a drone hit a depot in Tarsk.", True),
    ("The attack also damaged houses in Tarsk.", False),  # "also" after the verb's object: more of the same happening
])
def test_also_before_the_verb_adds_another_happening(text, separate):
    from dateline.events.extract import _ALSO

    assert bool(_ALSO.match(text)) == separate


@pytest.mark.parametrize("text, code", [
    ("Heavily armed gangs stormed the central penitentiary in Velmora on Saturday night and freed its inmates.",
     "ATTACK"),
    ("Gangs also attacked the civil prison in Tarsk the same night.", "ATTACK"),
    ("Gangs control most of the capital and extort traders.", "ORG_CRIME"),
])
def test_a_gang_is_who_acts_not_what_happened(text, code):
    from dateline.events.classify import classify_text

    assert classify_text(text).code == code


@pytest.mark.parametrize("text, killed, injured", [
    ("Armed men ambushed a patrol, killing one police officer and wounding another, before fleeing.", 1, 1),
    ("The drone killed two soldiers and wounded another three.", 2, 3),
    ("Gunmen raided the hamlet, killing one shepherd and critically wounding another.", 1, 1),
    ("The shell killed a guard and seriously injured another near the gate.", 1, 1),
    ("Russia launched another attack.", None, None),
])
def test_wounding_another_counts_one_more(text, killed, injured):
    got = count_casualties(text)
    assert (got.killed, got.injured) == (killed, injured)


@pytest.mark.model
def test_summary_lines_above_the_dateline_give_no_events_of_their_own():
    from dateline.ingest.dateline import find_dateline

    text = ("NORTHERN LEDGER REVIEW — English edition\n\n"
            "│ • Gunmen held a monastery in Tarsk for hours; three of them killed\n\n"
            "VELMORA – About 30 armed men ambushed a police patrol in Velmora early on Sunday, killing one officer, "
            "officials said.\n")
    dl = find_dateline(text)
    assert dl is not None and dl.place == "Velmora"
    events = _extract(text, (31.3, 34.25, "city"), (33.0, 36.0, "village"), dateline=dl)
    assert events and all(e.place_name != "Tarsk" for e in events)


@pytest.mark.model
def test_the_next_sentence_names_the_village_an_event_near_a_city_hit():
    text = ("Russian missiles tore into an apartment block in a seaside village near the Black Sea port of Tarsk early "
            "Friday, killing at least 21 people. The strikes hit Velmora, a resort village in the Tarsk district about "
            "50 kilometers southwest of Tarsk, shortly after 1 a.m.")
    events = _extract(text, (46.02, 30.36, "village"), (46.48, 30.74, "city"))
    ev = next(e for e in events if e.killed == 21)
    assert ev.place_name == "Velmora" and ev.geo_precision == 1
    assert len([e for e in events if e.type == "attack"]) == 1


@pytest.mark.parametrize("text, code", [
    ("The violence overshadowed a meeting held on Sunday in Velmora, where officials pledged to calm the situation.",
     "DIPLO"),
    ("Foreign ministers from five countries met in Velmora on Sunday.", "DIPLO"),
])
def test_a_meeting_of_officials_is_diplomacy(text, code):
    from dateline.events.classify import classify_text

    got = classify_text(text)
    assert got.code == code and got.score >= 2.5


def test_a_sentence_that_opens_on_its_reporter_is_outside_the_frame():
    from dateline.events.extract import _OPENS_REPORT

    assert _OPENS_REPORT.match("Officials said troops had withdrawn from Tarsk without a fight.")
    assert not _OPENS_REPORT.match("One man was shot dead in Tarsk, the health ministry said.")


@pytest.mark.model
@pytest.mark.parametrize("lede, date", [
    # a toll of shelling coded an attack on civilians still dates the day's wave
    ("Russian shelling killed four civilians in villages of the region on Sunday, officials said.", "2023-08-13"),
])
def test_a_shelling_toll_in_the_lede_dates_the_days_later_strikes(lede, date):
    import dateline

    text = (f"Four dead in the south\n\nVELMORA - {lede}\n\nRockets also hit a farm in Bilozerka, killing two "
            "tractor drivers, the governor said.\n")
    events = dateline.read(text, published="2023-08-14").events
    later = [e for e in events if e.killed == 2]
    assert len(later) == 1 and later[0].date == date


def test_a_day_after_is_another_time_than_the_wave():
    from dateline.events.elaboration import _OTHER_TIME

    assert _OTHER_TIME.search("A day after the tanker was hit, the rebels also struck a freighter.")
    assert not _OTHER_TIME.search("Missiles also struck a freighter in the Gulf of Aden.")
