"""Session 16: an outlet's own town, a major city the only town of its name, a gold span's press abbreviation,
continent adjectives, and a country point that strays outside its country.  The texts are our own; places are real."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dateline.ingest import make_article
from dateline.pipeline import Pipeline
from dateline.resolve import placerank
from dateline.resolve.demonyms import continent_demonym_hits
from dateline.resolve.gazetteer import load_gazetteer
from dateline.resolve.placehome import Home
from dateline.resolve.places import geocode_spans

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from gazetteer_sources import _stray_point  # noqa: E402

MEXICO_MO = (39.16976, -91.88295)
PERU_IN = (40.75365, -86.06888)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _one(gaz, text: str, name: str, home: Home | None = None):
    i = text.index(name)
    return geocode_spans(text, [(i, i + len(name))], gazetteer=gaz, home=home)[0]


@pytest.mark.parametrize("text, name, point, a1", [
    ("Mexico police arrested two men on Saturday after a chase.", "Mexico", MEXICO_MO, "US.MO"),
    ("The Peru school board met on Monday.", "Peru", PERU_IN, "US.IN"),
])
def test_an_outlets_own_town_outranks_the_country_of_its_name(gaz, monkeypatch, text, name, point, a1):
    home = Home(*point, "US", a1, 1.0, name)
    own = _one(gaz, text, name, home)
    assert own is not None and (own.lat, own.lon) == pytest.approx(point, abs=0.01)
    monkeypatch.setattr(placerank, "W_HOME_ITSELF", 0.0)
    country = _one(gaz, text, name, home)
    assert country is not None and country.feature == "country"  # the rule, not the home alone, made the town


def test_own_town_needs_the_home_itself(gaz):
    # the same words with the home 200 km away: the country, as without a home
    home = Home(MEXICO_MO[0] + 1.8, MEXICO_MO[1], "US", "US.IA", 1.0, "Elsewhere")
    ent = _one(gaz, "Mexico police arrested two men on Saturday after a chase.", "Mexico", home)
    assert ent is not None and ent.feature == "country"


def test_a_major_city_that_alone_bears_its_name_outranks_an_old_name_of_another(gaz, monkeypatch):
    text = ("Moscow and Korolyov factories shipped parts by rail, and the ferry then left Kaliningrad, "
            "officials in Moscow said.")
    ent = _one(gaz, text, "Kaliningrad")
    assert ent is not None and ent.name == "Kaliningrad" and ent.lon == pytest.approx(20.5, abs=0.1)
    monkeypatch.setattr(placerank, "_sole_major", lambda hits: None)
    old = _one(gaz, text, "Kaliningrad")
    assert old is not None and old.name != "Kaliningrad"  # the Moscow suburb that once bore the name


def test_a_gold_span_keeps_its_press_abbreviation(gaz):
    text = "Fires burned across northern B.C. on Sunday."
    for end in (text.index("B.C.") + 3, text.index("B.C.") + 4):  # with or without its last stop
        ent = geocode_spans(text, [(text.index("B.C."), end)], gazetteer=gaz)[0]
        assert ent is not None and ent.name == "British Columbia"


@pytest.mark.parametrize("word, continent", [
    ("European", "Europe"), ("Europeans", "Europe"), ("African", "Africa"), ("Asian", "Asia"), ("Oceanian", "Oceania"),
])
def test_continent_adjectives(gaz, word, continent):
    hits = continent_demonym_hits(word, gaz)
    assert [h.place.name for h in hits] == [continent]


@pytest.mark.parametrize("word", ["Europa", "Union", "Americans", "Eurasian", "Afric"])
def test_no_continent_adjective(gaz, word):
    assert continent_demonym_hits(word, gaz) == []


def test_a_continent_adjective_gold_span_is_the_continent(gaz):
    ent = _one(gaz, "European diplomats met in Vienna on Monday.", "European")
    assert ent is not None and ent.feature == "continent" and ent.name == "Europe"


def test_a_continent_adjective_in_a_story_is_a_norp_at_the_continent():
    art = make_article("European diplomats met in Vienna on Monday to discuss the sanctions, officials said.")
    ents = Pipeline().run(art).entities
    eu = [e for e in ents if e.kind == "norp" and e.name == "European"]
    assert eu and eu[0].feature == "continent" and "continental demonym" in eu[0].evidence


def test_a_stray_country_point_is_replaced(gaz):
    towns = [(29.0 + i * 0.1, 47.5 + i * 0.1) for i in range(6)]
    assert _stray_point(29.5, 45.75, towns)  # outside the towns' box, over 100 km from each
    assert not _stray_point(29.3, 47.8, towns)  # inside the box
    assert not _stray_point(29.5, 45.75, towns[:2])  # two towns make no box
    kw = gaz.country("KW")
    assert kw is not None and 46.5 < kw.lon < 48.5 and 28.5 < kw.lat < 30.1  # Kuwait's point is in Kuwait


def test_a_street_name_is_not_matched_loosely(gaz, monkeypatch):
    from dateline.resolve import places
    text = "The couple lived at 17 Pershing St. in the north of the town."
    i = text.index("Pershing St.")
    assert geocode_spans(text, [(i, i + len("Pershing St."))], gazetteer=gaz)[0] is None  # no street index, no guess
    monkeypatch.setattr(places, "_STREET", __import__("re").compile(r"(?!x)x"))
    loose = geocode_spans(text, [(i, i + len("Pershing St."))], gazetteer=gaz)[0]
    assert loose is not None and "County" in loose.name  # what the near spelling had made of it


def test_the_homes_country_breaks_a_tie_with_a_famous_foreign_namesake(gaz, monkeypatch):
    text = "Alexandria police arrested two people on Friday after a fight."
    home = Home(30.45, -91.15, "US", "US.LA", 0.8, "Baton Rouge")  # 130 km from Alexandria, Louisiana
    ent = _one(gaz, text, "Alexandria", home)
    assert ent is not None and (ent.lat, ent.lon) == pytest.approx((31.31, -92.45), abs=0.05)  # Alexandria, Louisiana
    monkeypatch.setattr(placerank, "W_HOME_SAME_COUNTRY", 0.0)
    famous = _one(gaz, text, "Alexandria", home)
    assert famous is not None and famous.country_code == "EG"


WASHINGTON_PA = (40.17396, -80.24617)
_DC = (38.895, -77.036)


def _dateline_place(gaz, text: str, home: Home | None = None):
    name = text.split(" —")[0].split(",")[0]
    return geocode_spans(text, [(0, len(name))], gazetteer=gaz, home=home)[0]


def test_a_bare_wire_dateline_is_the_city_the_wire_means(gaz, monkeypatch):
    text = ("WASHINGTON — Farmers from Iowa, Illinois and Pennsylvania asked lawmakers on Tuesday for help after the "
            "floods in Des Moines, Peoria and Pittsburgh.")
    ent = _dateline_place(gaz, text)
    assert ent is not None and (ent.lat, ent.lon) == pytest.approx(_DC, abs=0.05)
    from dateline.resolve import places
    monkeypatch.setattr(places, "standalone_dateline", lambda name, hits, own: hits)
    leaning = _dateline_place(gaz, text)
    assert leaning is None or (leaning.lat, leaning.lon) != pytest.approx(_DC, abs=0.05)  # the states had pulled it


def test_a_dateline_with_its_state_or_in_its_own_town_is_that_town(gaz):
    qualified = _dateline_place(gaz, "WASHINGTON, Pa. — The borough council met on Tuesday.")
    assert qualified is not None and (qualified.lat, qualified.lon) == pytest.approx(WASHINGTON_PA, abs=0.05)
    home = Home(*WASHINGTON_PA, "US", "US.PA", 1.0, "Washington")
    local = _dateline_place(gaz, "WASHINGTON — The borough council met on Tuesday.", home)
    assert local is not None and (local.lat, local.lon) == pytest.approx(WASHINGTON_PA, abs=0.05)


def test_a_dateline_off_the_list_keeps_every_candidate(gaz):
    from dateline.resolve.placesense import standalone_dateline
    hits = list(gaz.lookup("Springfield", fuzzy=False))
    assert standalone_dateline("SPRINGFIELD", hits, lambda h: False) == hits
    dc = standalone_dateline("WASHINGTON", list(gaz.lookup("Washington", fuzzy=False)), lambda h: False)
    assert len(dc) == 1 and dc[0].place.cc == "US" and dc[0].place.pop > 500_000


def test_a_crimean_village_takes_its_own_geonames_point(gaz):
    # Crimea's hromadas have no centre of their own in the build; the raion centre stands in for a name the raion
    # holds once, so the village gets GeoNames' point (precision 1), not its raion centre (precision 2).
    crimean = [h.place for h in gaz.lookup("Uiutne", fuzzy=False) if h.place.a1 == "UA.11" and h.place.katottg]
    near = [p for p in crimean if abs(p.lat - 45.198) < 0.05 and abs(p.lon - 33.298) < 0.05]
    assert near and near[0].precision == 1 and near[0].gid is not None


@pytest.mark.parametrize("text, cued", [
    ("Troops shelled the city and nearby towns, including Velmora, late on Thursday.", True),
    ("The raids hit several villages such as Velmora overnight.", True),
    ("Several companies, including Velmora, bid for the contract.", False),
])
def test_a_list_of_settlements_cues_its_names(text, cued):
    from dateline.resolve.placecues import settlement_word_before
    i = text.index("Velmora")
    assert settlement_word_before(text, i, i + len("Velmora")) is cued


def test_names_in_a_script_the_keys_cannot_read_do_not_stop_the_actor_stage():
    # Greek and Coptic names fold to no key at all; the actor stage once failed on them (IndexError)
    text = ("Velmora (Greek: Βελμόρα; Coptic: Ⲃⲉⲗⲙⲟⲣⲁ) is a port town. Its mayor, Dana Orlenko, said on Monday that "
            "the harbour had reopened after the storm, and that Βάρ and Θηβάριον were old names of it.")
    res = Pipeline().run(make_article(text))
    assert any(e.kind == "person" and "Orlenko" in e.name for e in res.entities)
