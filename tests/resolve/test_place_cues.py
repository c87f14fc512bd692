"""Ranking cues from the words around a place name: currency, a town's offices, person nouns, parts of a place."""

from __future__ import annotations

from collections import Counter

import pytest

from dateline.resolve.currency import currency_countries
from dateline.resolve.gazetteer import Gazetteer, Hit, PlaceRecord
from dateline.resolve.placenames import (
    ALIAS_SHADOW_MATCH,
    ALIAS_SHADOW_RATIO,
    PART_PRECISION,
    article_variants,
    country_initialism,
    part_of,
    shadow_aliases,
)
from dateline.resolve.placerank import W_CURRENCY, Focus, context_score
from dateline.resolve.places import geocode_spans
from dateline.resolve.placespans import make_span

from .places_fixture import ROWS, build_fixture


def _row(gid: int, name: str, feature: str, cc: str, a1: str, lat: float, lon: float, pop: int, precision: int = 1):
    """One fixture place, known by its own name only."""
    return [(name, 0)], dict(gid=gid, name=name, feature=feature, cc=cc, a1=a1, lat=lat, lon=lon, pop=pop,
                             precision=precision)


# Invented namesakes: a country and a small US town of one name, a big foreign city and a small US town.
EXTRA = [
    _row(99101, "Zandoria", "country", "ZZ", "ZZ.", 31.0, 36.0, 10_000_000, 3),
    _row(99102, "Zandoria", "city", "US", "US.MN", 44.67, -93.63, 6_000),
    _row(99103, "Velmont", "city", "GR", "GR.01", 37.98, 23.72, 600_000),
    _row(99104, "Velmont", "city", "US", "US.GA", 33.96, -83.38, 120_000),
    _row(99105, "Dravos", "city", "GR", "GR.02", 40.64, 22.94, 40_000),
    _row(99109, "Kestrin", "city", "GR", "GR.01", 37.98, 23.72, 60_000),
    _row(99110, "Kestrin", "city", "US", "US.GA", 33.96, -83.38, 60_000),
    # A city, the canton named for it around it, and a small foreign namesake.
    _row(99106, "Orvenne", "city", "CH", "CH.GE", 46.20, 6.14, 200_000),
    _row(99107, "Orvenne", "region", "CH", "CH.GE", 46.22, 6.10, 500_000, 3),
    _row(99108, "Orvenne", "city", "US", "US.IL", 41.89, -88.31, 20_000),
    _row(5368361, "Los Angeles", "city", "US", "US.CA", 34.05, -118.24, 3_900_000),
]


@pytest.fixture(scope="module")
def cgaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", ROWS + EXTRA))


def _geocode(text: str, name: str, gaz: Gazetteer):
    a = text.index(name)
    return geocode_spans(text, [(a, a + len(name))], gazetteer=gaz)[0]


# ---------------------------------------------------------------- currency


@pytest.mark.parametrize("text, inside, outside", [
    ("The repairs cost $765,000.", {"US", "CA", "AU", "MX"}, {"GB", "GR"}),
    ("a C$5 million grant", {"CA"}, {"US"}),
    ("a US$2 bn loan", {"US"}, {"CA"}),
    ("£2m for the club", {"GB"}, {"US"}),
    ("tickets at 50 euros each", {"FR", "GR", "IE"}, {"US", "GB"}),
    ("2 million Canadian dollars", {"CA"}, {"US"}),
    ("about 300 hryvnias a month", {"UA"}, {"RU"}),
    ("1.5 billion rubles", {"RU"}, {"UA"}),
])
def test_currency_countries(text, inside, outside):
    got = currency_countries(text)
    assert inside <= got and not (outside & got)


@pytest.mark.parametrize("text", ["The fish weighs 5 pounds.", "They won 3 games.", "Dollar General opened a store.", ""])
def test_no_currency_without_an_amount(text):
    assert currency_countries(text) == frozenset()


def test_dollar_amounts_favour_the_dollar_countrys_namesake(cgaz):
    plain = _geocode("The Velmont council met on Monday about the budget.", "Velmont", cgaz)
    dollars = _geocode("The Velmont council met on Monday about the $400,000 budget.", "Velmont", cgaz)
    assert plain.country_code == "GR"
    assert dollars.country_code == "US" and dollars.lat is not None


def test_dollar_amounts_confirm_but_do_not_overrule_the_texts_country(cgaz):
    # Aid reported in dollars is no sign that a Greek story's town is American when another name places it in Greece.
    text = "The Kestrin council met on Monday about the $400,000 budget. Dravos is next."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Kestrin", "Dravos")]
    assert geocode_spans(text, spans, gazetteer=cgaz)[0].country_code == "GR"


def test_a_region_named_for_its_seat_does_not_bar_the_seats_dominance(cgaz, monkeypatch):
    import dateline.resolve.placerank as pr
    hits = cgaz.lookup("Orvenne", fuzzy=False)
    city = next(h.place.id for h in hits if h.place.feature == "city" and h.place.cc == "CH")
    assert pr.dominant_town(hits) == city
    monkeypatch.setattr(pr, "NAMED_FOR_SEAT", False)
    assert pr.dominant_town(hits) is None


@pytest.mark.parametrize("name, cc", [("United States", "US"), ("Zandoria", "US"), ("Zandoria", "ZZ")])
def test_currency_bonus_goes_to_countries_and_towns_alike(cgaz, name, cc):
    # A dollar country gains as much as its towns ("Canada" the country, not a Kentucky village of that name).
    hit = next(h for h in cgaz.lookup(name, fuzzy=False) if h.place.cc == cc)
    def score(currency):
        return context_score(hit, 0, 0, Focus(Counter(), Counter(), [], {}, (), currency=currency))
    gain = score(frozenset({"US"})) - score(frozenset())
    assert gain == pytest.approx(W_CURRENCY if cc == "US" else 0.0)


def test_euro_amounts_keep_the_euro_countrys_place(cgaz):
    ent = _geocode("The Velmont council met on Monday about the 400,000 euro budget.", "Velmont", cgaz)
    assert ent.country_code == "GR"


# ---------------------------------------------------------------- a town's offices, person nouns


def test_town_office_marks_the_span():
    text = "The Zandoria City Council met. Zandoria Elementary School opens. Zandoria is far."
    assert make_span(text, 4, 12, "GOLD", 0).town_office
    b = text.index("Zandoria Elementary")
    assert make_span(text, b, b + 8, "GOLD", 1).town_office
    c = text.rindex("Zandoria")
    assert not make_span(text, c, c + 8, "GOLD", 2).town_office


def test_town_office_makes_the_name_a_town_not_a_country(cgaz):
    text = "The Zandoria City Council approved the plan. Zandoria will pave two roads."
    assert _geocode(text, "Zandoria", cgaz).feature == "city"
    assert _geocode("Troops crossed into Zandoria. Zandoria will close the border.", "Zandoria", cgaz).feature == "country"


def test_person_noun_takes_the_country_away(cgaz):
    ent = _geocode("A Zandoria woman was hurt in a crash on Route 9.", "Zandoria", cgaz)
    assert ent.feature == "city" and ent.country_code == "US"
    assert _geocode("A woman from Zandoria was hurt.", "Zandoria", cgaz).feature == "country"


# ---------------------------------------------------------------- parts named after a place


@pytest.mark.parametrize("text, expected", [
    ("South Los Angeles", "Los Angeles"), ("Port of Los Angeles", "Los Angeles"), ("Las Vegas Valley", "Las Vegas"),
    ("East Cambridgeshire", "Cambridgeshire"), ("Los Angeles", None), ("Southampton", None),
])
def test_part_of(text, expected):
    assert part_of(text) == expected


def test_part_is_placed_at_its_namesake_with_lower_precision(cgaz):
    text = "Shots were fired in South Los Angeles on Friday."
    ent = _geocode(text, "South Los Angeles", cgaz)
    assert ent.name == "Los Angeles" and ent.precision == PART_PRECISION and ent.lat is not None


def test_part_of_a_country_is_not_placed_at_a_namesake_village(cgaz):
    # The fixture has a Spanish village named Ukraine: "Eastern Ukraine" must not land there.
    assert _geocode("Aid reached Eastern Ukraine.", "Eastern Ukraine", cgaz) is None


# ---------------------------------------------------------------- former names other towns bear as their own


def _town(pid: int, name: str, cc: str, pop: int) -> PlaceRecord:
    return PlaceRecord(pid, None, None, name, "city", cc, f"{cc}.01", None, None, 0.0, 0.0, pop, 1)


def test_former_name_yields_to_towns_that_bear_it():
    # An invented town once called "Brackwell" (alias) against two towns named Brackwell today.
    hits = [Hit(_town(1, "Brackwell", "US", 20_000), 1.0, "exact"), Hit(_town(2, "Fenbury", "US", 9_000), 0.97, "alias"),
            Hit(_town(3, "Brackwell", "US", 5_000), 1.0, "exact")]
    out = {h.place.name + str(h.place.id): h.match for h in shadow_aliases(hits)}
    assert out == {"Brackwell1": 1.0, "Fenbury2": ALIAS_SHADOW_MATCH, "Brackwell3": 1.0}


def test_former_name_of_a_much_larger_town_keeps_its_match():
    # A renamed city far larger than the towns still bearing its old name is not shadowed ("Kiev" is Kyiv).
    big = int(20_000 * ALIAS_SHADOW_RATIO * 2)
    hits = [Hit(_town(1, "Brackwell", "US", 20_000), 1.0, "exact"), Hit(_town(2, "Fenbury", "UA", big), 0.97, "alias")]
    assert [h.match for h in shadow_aliases(hits)] == [1.0, 0.97]


def test_alternate_name_of_a_few_times_larger_city_yields_to_the_city_named_so():
    # A city of 2 million with an alternate spelling "Brackwell" does not outrank the 500,000 city named Brackwell.
    hits = [Hit(_town(1, "Brackwell", "MX", 500_000), 1.0, "exact"), Hit(_town(2, "Fenbury", "CN", 2_000_000), 0.97, "alias")]
    assert [h.match for h in shadow_aliases(hits)] == [1.0, ALIAS_SHADOW_MATCH]


def _area(pid: int, name: str, cc: str, feature: str, pop: int) -> PlaceRecord:
    return PlaceRecord(pid, None, None, name, feature, cc, f"{cc}.02", None, None, 0.0, 0.0, pop, 3)


def test_a_country_shadows_a_foreign_towns_alias_but_a_state_not_its_own_towns():
    foreign = [Hit(_area(1, "Brackwell", "ZZ", "country", 9_000_000), 1.0, "exact"),
               Hit(_town(2, "Fenbury", "YY", 500_000), 0.97, "alias")]
    assert shadow_aliases(foreign)[1].match == ALIAS_SHADOW_MATCH
    own = [Hit(_area(1, "Brackwell", "US", "region", 9_000_000), 1.0, "exact"),
           Hit(_town(2, "Brackwell City", "US", 500_000), 0.97, "alias")]
    assert shadow_aliases(own)[1].match == 0.97


# ---------------------------------------------------------------- country initialisms

# An invented three-word country and a village whose name folds onto its initialism.
INITIALISM_ROWS = ROWS + [
    ([("Northern Zandorian Republic", 0)], dict(gid=99201, name="Northern Zandorian Republic", feature="country", cc="ZN",
                                                a1="ZN.", lat=10.0, lon=10.0, pop=5_000_000, precision=3)),
    ([("Nzr", 0)], dict(gid=99202, name="Nzr", feature="village", cc="AO", a1="AO.01", lat=-12.0, lon=18.0, pop=800, precision=1)),
    ([("Upper Zandor Valley", 0)], dict(gid=99203, name="Upper Zandor Valley", feature="region", cc="ZN", a1="ZN.01",
                                        lat=11.0, lon=11.0, pop=900_000, precision=3)),
    ([("Coast of the Zandor", 0)], dict(gid=99205, name="Coast of the Zandor", feature="region", cc="ZN", a1="ZN.03",
                                        lat=13.0, lon=13.0, pop=700_000, precision=3)),
    ([("Dar um Zandor", 0)], dict(gid=99204, name="Dar um Zandor", feature="region", cc="ZN", a1="ZN.02",
                                  lat=12.0, lon=12.0, pop=900_000, precision=3)),
]


@pytest.fixture(scope="module")
def igaz(tmp_path_factory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    return Gazetteer(build_fixture(path, INITIALISM_ROWS, meta={"countries": {"ZN": len(ROWS)}}))


@pytest.mark.parametrize("text, expected", [
    ("NZR", "Northern Zandorian Republic"), ("N.Z.R.", "Northern Zandorian Republic"), ("UZV", "Upper Zandor Valley"),
    ("Nzr", None), ("nzr", None), ("NZ", None), ("DUZ", None), ("DZ", None),  # "Dar um Zandor": a lower-case word, no initialism
])
def test_country_initialism(igaz, text, expected):
    got = country_initialism(text, igaz)
    assert (got.name if got else None) == expected


def test_initialism_span_is_the_country_not_the_village(igaz):
    ent = _geocode("Fighting in the NZR displaced thousands.", "NZR", igaz)
    assert ent.feature == "country" and ent.country_code == "ZN"
    assert _geocode("They farm near Nzr, a village.", "Nzr", igaz).country_code == "AO"


@pytest.mark.parametrize("text, expected", [
    ("Democratic Republic of Congo", ["Democratic Republic of the Congo"]),
    ("Republic of the Congo", ["Republic of Congo"]),
    ("Kyiv", []),
])
def test_article_variants(text, expected):
    assert article_variants(text) == expected


def test_name_without_the_finds_the_place_named_with_it(igaz):
    # The index names the region "Coast of the Zandor"; the text drops "the".
    ent = _geocode("Aid reached the Coast of Zandor on Monday.", "Coast of Zandor", igaz)
    assert ent is not None and ent.name == "Coast of the Zandor"


def test_weak_span_naming_a_place_the_document_holds_is_that_place():
    from dateline.resolve.gazetteer import load_gazetteer
    from dateline.resolve.places import resolve_spans
    from dateline.resolve.placespans import make_span

    gaz = load_gazetteer()
    text = "Drones struck the town of Vovchansk on Monday. Vovchansk was quiet by Tuesday."
    a = text.index("Vovchansk")
    b = text.index("Vovchansk", a + 1)
    tagged, bare = make_span(text, a, a + 9, "GPE", 0), make_span(text, b, b + 9, "PROPN", 1)
    assert resolve_spans(text, [bare], gaz) == [None]  # alone, an untagged proper noun is too weak
    both = resolve_spans(text, [tagged, bare], gaz)
    assert both[1] is not None and both[1].ranked[0].place.id == both[0].ranked[0].place.id


@pytest.mark.parametrize("after, is_place", [
    (" air base in the south", True), (" border crossing with", True), (" lies about 25 kilometres west", True),
    (", which lies on the river", True), (" is located 10 km north", True), (" said on Monday", False),
    (" lies were exposed", False), (" corridor, the only road", True),
])
def test_place_word_after_a_name(after, is_place):
    from dateline.resolve.placespans import place_word_after

    text = "Zorvany" + after
    assert place_word_after(text, len("Zorvany")) is is_place


def test_capitalised_noun_before_lies_is_proposed_as_a_place_span():
    from dateline.resolve.placespans import spans_of
    from tests.resolve.helpers_actors import parse

    text = "Rebels shelled the area on Friday. Sake lies about 25 kilometres west of Goma."
    _, p = parse(text)
    assert any(s.text == "Sake" for s in spans_of(text, p))


def test_a_name_with_a_region_word_is_a_sense_apart_from_the_bare_name():
    import re

    from dateline.resolve.gazetteer import load_gazetteer
    from dateline.resolve.places import resolve_spans
    from dateline.resolve.placespans import make_span

    gaz = load_gazetteer()
    text = ("A drone hit a bus in Russia's Oryol region on Monday. The town lies 85 km from the regional capital "
            "Oryol. Officials in Oryol said the attack was repelled.")
    spans = [make_span(text, m.start(), m.end(), "GPE", i) for i, m in enumerate(re.finditer("Oryol", text))]
    assert [r.ranked[0].place.feature for r in resolve_spans(text, spans, gaz)] == ["region", "city", "city"]


def test_a_region_named_with_a_region_word_in_the_sentence_picks_its_namesake_town():
    import re

    from dateline.resolve.gazetteer import load_gazetteer
    from dateline.resolve.places import resolve_spans
    from dateline.resolve.placespans import make_span

    gaz = load_gazetteer()
    text = ("Shelling hit Bakhmut and Siversk on Monday. In the Luhansk region, troops repelled attacks near "
            "Bilohorivka, officials said.")
    spans = [make_span(text, m.start(), m.end(), "GPE", 0 if m.start() < 44 else 1)
             for m in re.finditer(r"Bakhmut|Siversk|Luhansk|Bilohorivka", text)]
    assert spans[2].unit == "region"
    res = resolve_spans(text, spans, gaz)
    assert res[3].ranked[0].place.a1 == res[2].ranked[0].place.a1  # the Luhansk Oblast Bilohorivka
    bare = text.replace("In the Luhansk region,", "Further east,")
    spans = [make_span(bare, m.start(), m.end(), "GPE", 0 if m.start() < 44 else 1)
             for m in re.finditer(r"Bakhmut|Siversk|Bilohorivka", bare)]
    assert resolve_spans(bare, spans, gaz)[2].ranked[0].place.a1 != res[2].ranked[0].place.a1
