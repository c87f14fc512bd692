"""A town's name heading a facility's name is read as the facility; a large town tagged ORG in a named country."""

from __future__ import annotations

import pytest

from dateline.model import Article
from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.placefacility import grow_facilities
from dateline.resolve.places import resolve_places
from dateline.resolve.placespans import make_span

from .places_fixture import ROWS, build_fixture
from .test_places import _parse, _places

# Invented: a town and the nuclear plant named after it 40 km away (indexed, as facilities.tsv rows are, only
# under names with the kind word), and a large town of a country the story names only in passing.
INVENTED = [
    ([("Velykodar", 0)], dict(gid=990301, name="Velykodar", feature="city", cc="UA", a1="UA.26", lat=47.80, lon=35.10,
                              pop=700_000, precision=1)),
    ([("Velykodar Nuclear Power Plant", 0), ("Velykodar nuclear plant", 1)],
     dict(gid=None, name="Velykodar Nuclear Power Plant", feature="facility", cc="UA", a1="UA.26", lat=47.51,
          lon=34.59, pop=0, precision=1)),
    ([("Ostrohir", 0)], dict(gid=990302, name="Ostrohir", feature="city", cc="UA", a1="UA.05", lat=48.59, lon=38.0,
                             pop=80_000, precision=1)),
    ([("Belgorad", 0)], dict(gid=990303, name="Belgorad", feature="city", cc="RU", a1="RU.09", lat=50.6, lon=36.6,
                             pop=390_000, precision=1)),
]


@pytest.fixture(scope="module")
def fgaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", ROWS + INVENTED))


def test_a_town_heading_a_facility_name_is_the_facility_and_keeps_its_written_offsets(fgaz):
    text = "Drones struck the Velykodar nuclear power plant on Sunday."
    sp = make_span(text, 18, 27, "GPE", 0)
    (grown,) = grow_facilities(text, [sp], fgaz)
    assert grown.label == "FAC" and grown.text == "Velykodar nuclear power plant"
    assert (grown.start, grown.end) == (18, 27)  # the mention stays "Velykodar"
    e = _places(text, {"Velykodar": "GPE"}, fgaz)["Velykodar"]
    assert e.feature == "facility" and (e.lat, e.lon) == (47.51, 34.59)


def test_a_town_before_a_kind_word_that_names_no_facility_stays_the_town(fgaz):
    text = "Drones struck the Velykodar thermal power plant and the Velykodar airport on Sunday."
    got = _places(text, {"Velykodar": "GPE"}, fgaz)
    assert got["Velykodar"].feature == "city" and got["Velykodar"].lat == 47.80


def test_a_short_form_after_the_full_name_is_the_same_facility_and_the_bare_town_is_still_the_town(fgaz):
    text = ("Drones struck the Velykodar plant on Sunday. Inspectors at the Velykodar nuclear power plant saw the "
            "damage. Shelling also hit Velykodar itself.")
    ents = resolve_places(Article(text=text), _parse(text, {"Velykodar": "GPE"}), (), gazetteer=fgaz)
    by_start = {m.start: e for e in ents for m in e.mentions}
    starts = [i for i in range(len(text)) if text.startswith("Velykodar", i)]
    assert [by_start[s].feature for s in starts] == ["facility", "facility", "city"]


def test_a_short_form_with_no_full_name_in_the_text_stays_the_town(fgaz):
    text = "Drones struck the Velykodar plant on Sunday."
    assert _places(text, {"Velykodar": "GPE"}, fgaz)["Velykodar"].feature == "city"


def test_a_large_town_tagged_org_is_a_place_in_a_country_the_text_names_outside_the_focus(fgaz):
    text = ("Shelling hit Belgorad on Monday. Belgorad officials said Belgorad had no power. The raid was meant to "
            "draw attention from the fall of Ostrohir, a spokesman said. Ukraine denied it.")
    got = _places(text, {"Belgorad": "GPE", "Ostrohir": "ORG", "Ukraine": "GPE"}, fgaz)
    assert got["Ostrohir"].name == "Ostrohir" and got["Ostrohir"].country_code == "UA"


def test_a_large_town_tagged_org_in_a_country_the_text_never_names_stays_out(fgaz):
    text = ("Shelling hit Belgorad on Monday. Belgorad officials said Belgorad had no power. The raid was meant to "
            "draw attention from the fall of Ostrohir, a spokesman said.")
    got = _places(text, {"Belgorad": "GPE", "Ostrohir": "ORG"}, fgaz)
    assert "Ostrohir" not in got


def test_a_town_named_after_a_settlement_word_is_a_place_even_if_a_headline_reads_it_as_a_given_name(fgaz):
    text = ("Troops pulled back from the town of Ostrohir on Monday. Ukraine said the line held. "
            "Top Commander Explains Ostrohir Retreat.")
    got = _places(text, {"Ostrohir Retreat": "PERSON", "Ostrohir": "PERSON", "Ukraine": "GPE"}, fgaz)
    assert got["Ostrohir"].name == "Ostrohir"


def _span_of(text: str, word: str, label: str = "PERSON"):
    i = text.index(word)
    return make_span(text, i, i + len(word), label, 0)


def test_a_name_cut_before_a_soft_sign_is_the_town_it_names_whole_and_a_real_possessive_stays(tmp_path_factory):
    from dateline.resolve.placeonename import soft_sign_names

    rows = ROWS + [([("Vorkels", 0)], dict(gid=990311, name="Vorkels", feature="city", cc="RU", a1="RU.67",
                                          lat=51.5, lon=46.1, pop=220_000, precision=1))]
    gaz = Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", rows))
    text = "Smoke rose over Vorkel's depot."
    (sp,) = soft_sign_names(text, [_span_of(text, "Vorkel")], gaz)
    assert sp.label == "GPE" and sp.text == "Vorkels" and text[sp.start:sp.end] == "Vorkel's"
    text = "Smoke rose over Vorkels's depot and over Ivanov's dacha."
    a, b = soft_sign_names(text, [_span_of(text, "Vorkels", "GPE"), _span_of(text, "Ivanov")], gaz)
    assert (a.text, a.label) == ("Vorkels", "GPE") and (b.text, b.label) == ("Ivanov", "PERSON")


def test_a_town_the_text_places_in_a_country_where_the_gazetteer_has_no_such_town_gets_no_dot(fgaz):
    text = "Insurgents stormed the town of Belgorad in Ukraine's north. Belgorad was emptied by Friday."
    ents = resolve_places(Article(text=text), _parse(text, {"Belgorad": "GPE", "Ukraine": "GPE"}), (), gazetteer=fgaz)
    town = [e for e in ents if e.name == "Belgorad"]
    assert len(town) == 1 and town[0].status == "ambiguous" and town[0].lat is None
    assert len(town[0].mentions) == 2 and town[0].candidates  # both mentions held, the candidates kept
    text = "Shelling hit the town of Belgorad in Russia's south on Friday."
    got = _places(text, {"Belgorad": "GPE", "Russia": "GPE"}, fgaz)
    assert got["Belgorad"].status == "resolved" and got["Belgorad"].country_code == "RU"


def test_particle_joined_names_are_one_place(tmp_path_factory):
    from dateline.resolve.placeonename import join_split_names

    rows = ROWS + [([("Vila da Serra", 0)], dict(gid=990321, name="Vila da Serra", feature="city", cc="MZ", a1="MZ.01",
                                                lat=-11.3, lon=40.3, pop=30_000, precision=1))]
    gaz = Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", rows))
    text = "Fighting reached Vila da Serra and Vila da Costa, officials said."
    spans = [_span_of(text, "Vila", "GPE"), _span_of(text, "Serra", "GPE")]
    i = text.index("Vila da Costa")
    spans += [make_span(text, i, i + 4, "GPE", 0), make_span(text, i + 8, i + 13, "GPE", 0)]
    assert [s.text for s in join_split_names(text, spans, gaz)] == ["Vila da Serra", "Vila", "Costa"]


def test_an_org_tagged_name_is_no_region_of_a_country_the_text_never_names(tmp_path_factory):
    rows = ROWS + [([("Ghorvan Province", 0), ("Ghorvan", 1)], dict(gid=990331, name="Ghorvan Province", feature="region",
                                                                    cc="AF", a1="AF.10", lat=34.1, lon=64.9, pop=30_000,
                                                                    precision=3)),
                   ([("Afghanistan", 0)], dict(gid=1149361, name="Afghanistan", feature="country", cc="AF", a1="AF.",
                                               lat=33.0, lon=66.0, pop=37_000_000, precision=3))]
    gaz = Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", rows))
    text = "A drone hit the Ghorvan gas field near Kharkiv, Ukraine, on Friday. Ukraine blamed Russia."
    got = _places(text, {"Ghorvan": "ORG", "Kharkiv": "GPE", "Ukraine": "GPE", "Russia": "GPE"}, gaz)
    assert "Ghorvan" not in got
    text = "A drone hit the Ghorvan gas field in Afghanistan on Friday. Afghanistan blamed militants."
    got = _places(text, {"Ghorvan": "ORG", "Afghanistan": "GPE"}, gaz)
    assert got["Ghorvan"].country_code == "AF"


def test_a_firm_named_after_a_person_and_a_spun_repeat_of_the_surname_are_no_places(tmp_path_factory):
    rows = ROWS + [([("Dirkton", 0), ("Dyrck", 1), ("Dirk", 1)], dict(gid=990341, name="Dirkton", feature="region", cc="UA", a1="UA.77",
                                                      lat=48.0, lon=30.0, pop=50_000, precision=3))]
    gaz = Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", rows))
    text = ("Ivan Dyrck, whose firm Dyrck Aviation Group flies helicopters over Kharkiv, said crews pulled 100 people out. "
            "\"We flew until the fuel ran out,\" Dirk said. Ukraine thanked him.")
    got = _places(text, {"Ivan Dyrck": "PERSON", "Dyrck Aviation Group": "ORG", "Kharkiv": "GPE", "Dirk": "PERSON",
                         "Ukraine": "GPE"}, gaz)
    assert not {"Dyrck Aviation Group", "Dyrck", "Dirk"} & set(got), sorted(got)
    assert got["Kharkiv"].name == "Kharkiv"


def test_a_namesake_the_text_names_after_is_no_statement_about_its_own_town(fgaz):
    from dateline.resolve.gazetteer.keys import fold_key
    from dateline.resolve.placecues import said_in_countries

    key = fold_key("Belgorad")
    assert said_in_countries("Insurgents stormed the town of Belgorad in Ukraine's north.", fgaz) == {key: "UA"}
    text = "Named in 1891 for the city of Belgorad in Ukraine, Belgorad grew fast. Belgorad in Russia is its twin."
    assert said_in_countries(text, fgaz) == {key: "RU"}


def test_a_ship_s_name_is_no_place_anywhere_in_the_text(fgaz):
    text = "The Liberian-flagged Belgorad was hit on Monday. A day after the Belgorad was hit, Kharkiv was shelled."
    got = _places(text, {"Belgorad": "GPE", "Kharkiv": "GPE"}, fgaz)
    assert "Belgorad" not in got and got["Kharkiv"].name == "Kharkiv"
