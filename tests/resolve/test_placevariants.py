"""An unresolved spelling of a place the article resolves joins it; a spelling near two places stays apart."""

from __future__ import annotations

from dateline.model import Entity, Mention
from dateline.resolve.placevariants import join_variants


def _place(eid: str, name: str, *spellings_at: tuple[str, int], status: str = "resolved") -> Entity:
    ms = tuple(Mention(t, a, a + len(t), "GPE") for t, a in spellings_at)
    return Entity(id=eid, kind="place", name=name, mentions=ms, status=status,
                  lat=33.4 if status == "resolved" else None, lon=35.5 if status == "resolved" else None)


def test_unresolved_spelling_joins_the_resolved_place():
    town = _place("l0", "Nabatieh", ("Nabatyeh", 10), ("Nabatieh", 80))
    stray = _place("l1", "Nabatie", ("Nabatie", 200), status="unlinked")
    other = _place("l2", "Tyre", ("Tyre", 120))
    out = join_variants([town, stray, other])
    assert [e.id for e in out] == ["l0", "l2"]
    assert [m.text for m in out[0].mentions] == ["Nabatyeh", "Nabatieh", "Nabatie"]
    assert "variant-in-article" in out[0].evidence


def test_spelling_close_to_two_places_or_too_short_stays_unresolved():
    a = _place("l0", "Marinka", ("Marinka", 0))
    b = _place("l1", "Maryinka", ("Maryinka", 40))  # invented: two resolved places one edit apart
    stray = _place("l2", "Marinky", ("Marinky", 90), status="unlinked")
    short = _place("l3", "Suda", ("Suda", 150), status="unlinked")
    c = _place("l4", "Sudza", ("Sudza", 190))
    out = join_variants([a, b, stray, short, c])
    assert {e.id for e in out} == {"l0", "l1", "l2", "l3", "l4"}


def test_short_country_alias_joins_the_country_named_in_full():
    from dataclasses import replace

    from dateline.resolve.placevariants import join_short_country_names

    drc = replace(_place("l0", "Democratic Republic of the Congo", ("Democratic Republic of Congo", 0)),
                  feature="country", evidence=("match:exact",))
    rc = replace(_place("l1", "Republic of the Congo", ("Congo", 90)), feature="country", evidence=("match:alias",))
    out = join_short_country_names([drc, rc])
    assert [e.id for e in out] == ["l0"] and [m.text for m in out[0].mentions][-1] == "Congo"
    sudan = replace(_place("l2", "Sudan", ("Sudan", 50)), feature="country", evidence=("match:exact",))
    south = replace(_place("l3", "South Sudan", ("South Sudan", 0)), feature="country", evidence=("match:exact",))
    assert len(join_short_country_names([south, sudan])) == 2  # an exact name is its own country


def test_two_swapped_letters_are_one_edit():
    town = _place("l0", "Kalmbeda", ("Kalmbeda", 10))
    stray = _place("l1", "Kamlbeda", ("Kamlbeda", 200), status="unlinked")
    out = join_variants([town, stray])
    assert [e.id for e in out] == ["l0"] and "variant-in-article" in out[0].evidence


def test_misspelt_place_tagged_as_a_body_joins_the_place():
    from dateline.resolve.placevariants import join_stray_variants

    town = _place("l0", "Gwoza", ("Gwoza", 10))
    strays = [Mention("Gwosa", 90, 95, "ORG"), Mention("Ugandan", 120, 127, "ORG"), Mention("Gwoza", 140, 145, "ORG")]
    out = join_stray_variants([town], strays)
    texts = [m.text for m in out[0].mentions]
    assert texts == ["Gwoza", "Gwosa"], texts  # the garble joins; an exact name tagged ORG is left to the actors
    assert "variant-in-article" in out[0].evidence


def test_a_german_spelling_of_a_place_the_article_names_joins_it():
    from dateline.resolve.placevariants import join_stray_variants

    town = _place("l0", "Majdal Shams", ("Majdal Shams", 0))
    strays = [Mention("Madschdal Schams", 90, 106, "PERSON"), Mention("Mascha Schultz", 120, 134, "PERSON")]
    out = join_stray_variants([town], strays)
    assert [m.text for m in out[0].mentions] == ["Majdal Shams", "Madschdal Schams"]  # dsch = j, sch = sh
    stray = _place("l1", "Tschuhujiw", ("Tschuhujiw", 200), status="unlinked")
    chuhuiv = _place("l2", "Chuhuiv", ("Chuhuiv", 60))
    assert [e.id for e in join_variants([chuhuiv, stray])] == ["l2"]  # tsch = ch, then one edit


def test_stray_needs_its_first_letter_and_no_added_ending():
    from dateline.resolve.placevariants import join_stray_variants

    uganda = _place("l0", "Uganda", ("Uganda", 0))
    angola = _place("l1", "Angola", ("Angola", 30))
    out = join_stray_variants([uganda, angola], [Mention("Ugandan", 60, 67, "ORG"), Mention("Mangola", 80, 87, "PERSON")])
    assert [len(e.mentions) for e in out] == [1, 1]


def test_small_town_abroad_in_a_one_country_story_is_held_back():
    from dateline.resolve.gazetteer import PlaceRecord
    from dateline.resolve.placeabroad import abroad_namesakes

    def rec(name, cc, feature="city", pop=50_000):
        return PlaceRecord(id=hash(name) % 10_000, gid=None, katottg=None, name=name, feature=feature, cc=cc, a1=None,
                           admin1=None, admin2=None, lat=0.0, lon=0.0, pop=pop, precision=1)

    tops = [rec("Haiti", "HT", "country", 11_000_000), rec("Saint-Marc", "HT"), rec("Port-au-Prince", "HT", pop=900_000),
            rec("Liancourt", "FR", pop=6_700), rec("Geneva", "CH", pop=180_000)]
    text = "Gangs attacked Pont-Sonde, Haiti ... people fled to Saint-Marc and Liancourt; the UN spoke in Geneva."
    assert abroad_namesakes(tops, "HT", text) == {3}  # Geneva is too big to doubt
    assert abroad_namesakes(tops, "HT", text + " France sent aid.") == set()  # the text names France
    assert abroad_namesakes(tops[:2] + tops[3:4], "HT", text) == set()  # too few places to know the story's country


def test_a_former_name_given_as_such_is_the_place_just_named():
    import dateline

    res = dateline.read("Russia's defence ministry said its troops had taken full control of Toretsk, a mining town in "
                        "Ukraine's Donetsk region that Moscow still calls by its Soviet name, Dzerzhinsk. Ukraine denied it.",
                        published="2025-02-09")
    holder = next(e for e in res.entities if e.kind == "place" and any(m.text == "Dzerzhinsk" for m in e.mentions))
    assert holder.name == "Toretsk" and holder.country_code == "UA", (holder.name, holder.country_code)
    plain = dateline.read("Workers at a chemical plant in Dzerzhinsk, east of Nizhny Novgorod, went on strike.",
                          published="2025-02-09")
    city = next(e for e in plain.entities if e.kind == "place" and e.name == "Dzerzhinsk")
    assert city.country_code == "RU"


def test_a_major_city_outranks_another_country_s_region_of_its_name():
    import dateline

    def gaza(text):
        r = dateline.read(text, published="2024-05-01")
        return next((e.country_code, e.feature) for e in r.entities if e.kind == "place" and e.name == "Gaza")

    assert gaza("Israeli strikes hit Gaza on Wednesday.") == ("PS", "city")
    assert gaza("Mozambique's army said insurgents attacked villages in Gaza province.") == ("MZ", "region")
