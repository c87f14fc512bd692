"""Place resolution: each ranking signal, the demonym rule, entity-type evidence."""

from __future__ import annotations

import re
from collections import Counter

from dateline.model import Article, Entity, Mention, Parse
from dateline.resolve.entities import merge_entities
from dateline.resolve.places import demonym_country, geocode_spans, resolve_places


def _parse(text: str, labelled: dict[str, str]) -> Parse:
    """Build a Parse whose mentions are every occurrence of the given strings with their labels."""
    ms = []
    for s, label in labelled.items():
        for m in re.finditer(rf"\b{re.escape(s)}\b", text):
            if not any(x.start < m.end() and m.start() < x.end for x in ms):
                ms.append(Mention(s, m.start(), m.end(), label, sent=text[: m.start()].count(". ")))
    ms.sort(key=lambda m: m.start)
    return Parse(tokens=(), sentences=(), mentions=tuple(ms))


def _places(text: str, labelled: dict[str, str], gaz, actors: tuple[Entity, ...] = ()) -> dict[str, Entity]:
    ents = resolve_places(Article(text=text), _parse(text, labelled), actors, gazetteer=gaz)
    return {m.text: e for e in ents for m in e.mentions}


def _span(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    m = list(re.finditer(re.escape(s), text))[nth]
    return m.start(), m.end()


def test_countries_before_towns(gaz):
    e = _places("Troops left Ukraine on Friday.", {"Ukraine": "GPE"}, gaz)["Ukraine"]
    assert e.feature == "country" and e.country_code == "UA" and e.precision == 3


def test_demonyms_are_norp_not_places(gaz):
    assert demonym_country("Ukrainian", gaz) == "UA"
    assert demonym_country("Russians", gaz) == "RU"
    assert demonym_country("French", gaz) == "FR"
    assert demonym_country("Ukraine", gaz) is None
    got = _places("Ukrainian forces entered Kharkiv.", {"Ukrainian": "NORP", "Kharkiv": "GPE"}, gaz)
    assert got["Ukrainian"].kind == "norp" and got["Ukrainian"].country_code == "UA"
    assert got["Kharkiv"].kind == "place"


def test_a_demonym_is_a_real_demonym_form_not_a_name_that_folds_onto_a_country(gaz):
    # countries come from the fixture and pycountry; a suffix is added to the country's own
    # unfolded name, less a final vowel or ending
    assert demonym_country("Kenyans", gaz) == "KE"
    assert demonym_country("Moroccan", gaz) == "MA"
    assert demonym_country("Sri Lankan", gaz) == "LK"
    for name in ("Frances", "Keenan", "Brian", "Morris", "Gibbs", "Romans"):
        assert demonym_country(name, gaz) is None, name


def test_a_person_tagged_word_is_never_a_demonym(gaz):
    text = "Ghani met Kenyan envoys in Kyiv."
    got = _places(text, {"Ghani": "PERSON", "Kenyan": "NORP", "Kyiv": "GPE"}, gaz)
    assert "Ghani" not in got or got["Ghani"].kind != "norp"
    assert got["Kenyan"].kind == "norp" and got["Kenyan"].country_code == "KE"


def test_norp_entity_survives_the_merge(gaz):
    text = "Ukrainian forces entered Kharkiv."
    parse = _parse(text, {"Ukrainian": "NORP", "Kharkiv": "GPE"})
    places = resolve_places(Article(text=text), parse, (), gazetteer=gaz)
    merged = merge_entities(parse, (), places)
    norp = [e for e in merged if e.kind == "norp"]
    assert len(norp) == 1 and norp[0].country_code == "UA" and norp[0].status == "resolved"


def test_population_prior_without_context(gaz):
    e = _places("She moved to Paris last year.", {"Paris": "GPE"}, gaz)["Paris"]
    assert e.country_code == "FR"


def test_region_focus_overrides_population(gaz):
    text = "A fire in rural Paris. Edgar County deputies and Illinois police responded."
    e = _places(text, {"Paris": "GPE", "Edgar County": "GPE", "Illinois": "GPE"}, gaz)["Paris"]
    assert e.country_code == "US" and e.admin1 is None or e.country_code == "US"


def test_region_word_selects_the_oblast(gaz):
    text = "Fighting in the Kharkiv region went on. Kharkiv was shelled."
    ents = resolve_places(Article(text=text), _parse(text, {"Kharkiv": "GPE"}), (), gazetteer=gaz)
    assert sorted((e.feature, e.mentions[0].start) for e in ents) == [("city", 40), ("region", 16)]


def test_spatial_coherence_picks_the_neighbouring_village(gaz):
    text = "Two people were killed in Bakhmut and the neighboring village of Yahidne."
    e = _places(text, {"Bakhmut": "GPE", "Yahidne": "GPE"}, gaz)["Yahidne"]
    assert e.katottg == "UA14020010190061896"
    assert e.precision == 2  # a village placed at its hromada centre


def test_village_alone_is_ambiguous_with_candidates(gaz):
    e = _places("Shelling hit Yahidne overnight.", {"Yahidne": "GPE"}, gaz)["Yahidne"]
    assert e.status == "ambiguous" and e.lat is None and len(e.candidates) == 2


def test_person_tagged_capital_is_a_place(gaz):
    e = _places("Officials in Kyiv were silent.", {"Kyiv": "PERSON"}, gaz)["Kyiv"]
    assert e.kind == "place" and e.name == "Kyiv" and e.status == "resolved"


def test_surname_of_a_person_is_not_a_place(gaz):
    text = "Mayor Dmytro Orlov spoke. Orlov said power was back."
    got = _places(text, {"Dmytro Orlov": "PERSON", "Orlov": "PERSON"}, gaz)
    assert "Orlov" not in got


def test_actor_linked_span_is_not_geocoded(gaz):
    text = "Kyiv said nothing."
    actor = Entity(id="p0", kind="person", name="Kyiv Person", mentions=(Mention("Kyiv", 0, 4, "PERSON"),),
                   status="linked", confidence=0.9)
    assert "Kyiv" not in _places(text, {"Kyiv": "PERSON"}, gaz, (actor,))


def test_spelling_variants_are_one_entity(gaz):
    text = "Troops reached Kupiansk. Kupyansk is a rail hub. Kubyansk fell."
    got = _places(text, {"Kupiansk": "GPE", "Kupyansk": "GPE", "Kubyansk": "GPE"}, gaz)
    assert got["Kupiansk"] is got["Kupyansk"] is got["Kubyansk"]
    assert got["Kupiansk"].name == "Kupiansk" and len(got["Kupiansk"].mentions) == 3


def test_toponym_inside_an_org_name(gaz):
    text = "The Edgar County Sheriff's Office investigated."
    got = _places(text, {"The Edgar County Sheriff's Office": "ORG"}, gaz)
    assert got["Edgar County"].feature == "district"


def test_unknown_gpe_stays_an_unlinked_place(gaz):
    e = _places("They fled to Qwxzt.", {"Qwxzt": "GPE"}, gaz)["Qwxzt"]
    assert e.kind == "place" and e.status == "unlinked" and e.lat is None


def test_geocode_spans_one_result_per_span(gaz):
    text = "Shelling near Bahkmut. The village of Yahidne was hit. Nothing in Qwxzt."
    spans = [_span(text, "Bahkmut"), _span(text, "Yahidne"), _span(text, "Qwxzt")]
    out = geocode_spans(text, spans, gazetteer=gaz)
    assert len(out) == 3
    assert out[0].name == "Bakhmut" and abs(out[0].lat - 48.59) < 0.01
    assert out[1].katottg == "UA14020010190061896"
    assert out[2] is None


def test_small_place_needs_a_place_label_or_regional_support(gaz):
    text = "The Secretary spoke in Kyiv."
    assert "Secretary" not in _places(text, {"Secretary": "PROPN", "Kyiv": "GPE"}, gaz)
    assert _places("Floods hit Secretary.", {"Secretary": "GPE"}, gaz)["Secretary"].country_code == "US"


def test_acronym_in_an_org_label_is_not_a_town(gaz):
    got = _places("US officials met. The US team left.", {"US": "ORG"}, gaz)
    assert all(e.feature == "country" for e in got.values())


def test_state_after_a_comma_picks_the_town_in_that_state(gaz):
    text = "A man was arrested in Huntsville, Texas on Friday."
    e = _places(text, {"Huntsville": "GPE", "Texas": "GPE"}, gaz)["Huntsville"]
    assert e.country_code == "US" and abs(e.lat - 30.72) < 0.01
    alone = _places("A man was arrested in Huntsville on Friday.", {"Huntsville": "GPE"}, gaz)["Huntsville"]
    assert abs(alone.lat - 34.73) < 0.01  # without the state the larger namesake wins


def test_a_named_state_outweighs_a_repeated_town(gaz):
    text = "Huntsville police said. The Huntsville man was held. Huntsville schools closed. Texas rangers came."
    out = geocode_spans(text, [_span(text, "Huntsville", n) for n in range(3)] + [_span(text, "Texas")], gazetteer=gaz)
    assert [round(e.lat) for e in out[:3]] == [31, 31, 31]


def test_one_name_gets_one_place_in_a_document(gaz):
    text = "Paris council met. Later, Paris and Edgar County deputies searched the area."
    out = geocode_spans(text, [_span(text, "Paris", 0), _span(text, "Paris", 1), _span(text, "Edgar County")], gazetteer=gaz)
    assert out[0].lat == out[1].lat and out[0].country_code == "US"


def test_bare_name_of_a_region_and_its_seat_means_the_town(gaz):
    text = "Protests spread to Alexandria."
    e = geocode_spans(text, [_span(text, "Alexandria")], gazetteer=gaz)[0]
    assert e.feature == "city" and e.country_code == "EG"


def test_regional_demonyms_resolve_to_their_region(gaz):
    from dateline.resolve.places import region_demonym_hits

    assert [h.place.name for h in region_demonym_hits("Texan", gaz)] == ["Texas"]
    assert region_demonym_hits("Tuesday", gaz) == []
    text = "Many Ontarians voted."
    e = geocode_spans(text, [_span(text, "Ontarians")], gazetteer=gaz)[0]
    assert e.name == "Ontario" and e.feature == "region"


def test_township_is_placed_at_its_namesake_town(gaz):
    text = "Deputies from Paris Township and Edgar County searched the fields."
    e = geocode_spans(text, [_span(text, "Paris Township"), _span(text, "Edgar County")], gazetteer=gaz)[0]
    assert e.country_code == "US" and abs(e.lat - 39.61) < 0.01
    assert geocode_spans("Town of Qwxzt", [(0, 13)], gazetteer=gaz)[0] is None


def test_a_state_named_like_the_capital_yields_to_the_capital(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer

    from .places_fixture import build_fixture

    rows = [
        ([("Washington", 0)], dict(gid=5815135, name="Washington", feature="region", cc="US", a1="US.WA", lat=47.5, lon=-120.5, pop=7_000_000, precision=3)),
        ([("Washington", 0)], dict(gid=4140963, name="Washington", feature="city", cc="US", a1="US.DC", lat=38.895, lon=-77.036, pop=689_545, precision=1)),
    ]
    text = "Lawmakers in Washington passed the bill."
    plain = Gazetteer(build_fixture(tmp_path / "a.sqlite", rows))
    assert geocode_spans(text, [_span(text, "Washington")], gazetteer=plain)[0].feature == "region"
    with_caps = Gazetteer(build_fixture(tmp_path / "b.sqlite", rows, meta={"capitals": [1]}))
    assert geocode_spans(text, [_span(text, "Washington")], gazetteer=with_caps)[0].feature == "city"


def test_all_capitals_dateline_after_a_headline_is_a_place(gaz):
    from dateline.resolve.placespans import dateline_span

    text = "Council meets again. KUPIANSK \u2014 The council met on Monday."
    sp = dateline_span(text)
    assert sp is not None and sp.text == "KUPIANSK" and sp.label == "DATELINE"
    assert dateline_span("The US-led force. UN - no comment.") is None
    got = _places(text, {"KUPIANSK": "ORG"}, gaz)  # NER's label gives way to the dateline
    assert got["KUPIANSK"].kind == "place" and got["KUPIANSK"].name == "Kupiansk"


def test_a_variant_name_of_a_small_town_abroad_is_no_reading(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer

    from .places_fixture import ROWS, build_fixture

    rows = ROWS + [
        ([("Lebanon", 0)], dict(gid=272103, name="Lebanon", feature="country", cc="LB", a1="LB.", lat=33.83, lon=35.83, pop=6_800_000, precision=3)),
        ([("Nabatieh", 0)], dict(gid=268064, name="Nabatieh", feature="city", cc="LB", a1="LB.10", lat=33.38, lon=35.48, pop=40_000, precision=1)),
        ([("Tunisia", 0)], dict(gid=2464461, name="Tunisia", feature="country", cc="TN", a1="TN.", lat=34.0, lon=9.0, pop=11_000_000, precision=3)),
        ([("Chebba", 0), ("Shebba", 1)], dict(gid=2472431, name="Chebba", feature="city", cc="TN", a1="TN.15", lat=35.24, lon=11.12, pop=22_000, precision=1)),
    ]
    gz = Gazetteer(build_fixture(tmp_path / "v.sqlite", rows))
    text = "Jets struck Nabatieh in Lebanon overnight. Shebba was hit too."
    got = _places(text, {"Nabatieh": "GPE", "Lebanon": "GPE", "Shebba": "GPE"}, gz)
    assert got["Nabatieh"].status == "resolved" and got["Shebba"].status != "resolved"  # no dot in Tunisia
    told = "Police in Tunisia said Shebba was calm. Fishermen left Chebba at dawn."
    got = _places(told, {"Tunisia": "GPE", "Shebba": "GPE", "Chebba": "GPE"}, gz)
    assert got["Shebba"].status == "resolved" and got["Shebba"].name == "Chebba"  # the text leads there


def test_a_variant_name_abroad_is_no_reading_however_ner_tagged_it_and_its_own_repeats_are_no_anchor(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer

    from .places_fixture import ROWS, build_fixture

    rows = ROWS + [
        ([("Sudan", 0)], dict(gid=366755, name="Sudan", feature="country", cc="SD", a1="SD.", lat=15.0, lon=30.0, pop=43_000_000, precision=3)),
        ([("Kassala", 0)], dict(gid=372753, name="Kassala", feature="city", cc="SD", a1="SD.05", lat=15.45, lon=36.4, pop=400_000, precision=1)),
        ([("Morvale", 0), ("Tarnabi", 1)], dict(gid=9_000_001, name="Morvale", feature="city", cc="PG", a1="PG.12", lat=-5.2, lon=145.8, pop=27_000, precision=1)),
    ]
    gz = Gazetteer(build_fixture(tmp_path / "v.sqlite", rows))
    text = ("Fighters shelled Kassala in Sudan. The Tarnabi Resistance Committee said the town was hit twice. "
            "The Committee of Tarnabi Resistance said so in a statement.")
    got = _places(text, {"Kassala": "GPE", "Sudan": "GPE", "Tarnabi Resistance Committee": "ORG", "Tarnabi": "ORG"}, gz)
    assert got["Kassala"].status == "resolved"
    assert "Tarnabi" not in got or got["Tarnabi"].status != "resolved"  # no dot in Papua New Guinea


def test_a_legislature_tagged_org_is_no_town_of_its_name(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer

    from .places_fixture import ROWS, build_fixture

    rows = ROWS + [([("Congress", 0)], dict(gid=5289282, name="Congress", feature="village", cc="US", a1="US.AZ",
                                             lat=34.16, lon=-112.85, pop=1_900, precision=1))]
    gz = Gazetteer(build_fixture(tmp_path / "c.sqlite", rows))
    text = "The United States aid package remains stalled in Congress, officials in Kyiv said."
    got = _places(text, {"United States": "GPE", "Congress": "ORG", "Kyiv": "GPE"}, gz)
    assert "Congress" not in got or got["Congress"].status != "resolved"
    got = _places("Ranchers in Congress met on Tuesday.", {"Congress": "GPE"}, gz)
    assert got["Congress"].status == "resolved"  # called a place, it is the town


def test_a_final_h_is_a_spelling_choice_when_nothing_else_matches(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer
    from dateline.resolve.gazetteer.keys import final_h_variant

    from .places_fixture import ROWS, build_fixture

    assert final_h_variant("al qarnabah") == "al qarnaba" and final_h_variant("qarnaba") == "qarnabah"
    assert final_h_variant("kassala") == "kassalah" and final_h_variant("morvil") is None
    rows = ROWS + [([("Al Qarnabah", 0)], dict(gid=9_000_002, name="Qarnabah", feature="region", cc="SD", a1="SD.07",
                                                lat=14.5, lon=33.2, pop=5_000_000, precision=3)),
                   ([("Kassala", 0)], dict(gid=372753, name="Kassala", feature="city", cc="SD", a1="SD.05", lat=15.45,
                                           lon=36.4, pop=400_000, precision=1)),
                   ([("Kassalah", 0)], dict(gid=9_000_003, name="Kassalah", feature="village", cc="YE", a1="YE.01",
                                            lat=15.0, lon=44.0, pop=300, precision=1))]
    gz = Gazetteer(build_fixture(tmp_path / "h.sqlite", rows))
    hit = gz.lookup("Al-Qarnaba", fuzzy=False)
    assert [h.place.name for h in hit] == ["Qarnabah"] and hit[0].how == "alias" and hit[0].match < 1.0
    assert [h.place.name for h in gz.lookup("Kassala", fuzzy=False)] == ["Kassala"]  # an exact name needs no variant


def test_names_in_a_masthead_or_section_path_are_no_story_places(gaz):
    from dateline.ingest import make_article

    text = ("PARIS COURIER \u00b7 English service\nUKRAINE \u203a KHARKIV | Filed: 14.03.2024 | Reporter: Marta Hollis\n\n"
            "The council of Kupiansk met on Monday and voted to reopen the school next month.")
    art = make_article(text)
    labelled = {"PARIS COURIER": "ORG", "UKRAINE": "GPE", "KHARKIV": "GPE", "Kupiansk": "GPE"}
    got = {m.text: e for e in resolve_places(art, _parse(art.text, labelled), (), gazetteer=gaz) for m in e.mentions}
    assert "Kupiansk" in got and not {"UKRAINE", "KHARKIV", "PARIS COURIER"} & set(got)


def test_a_header_lines_place_is_a_place_mention(gaz):
    from dateline.ingest import make_article

    text = ("Kupiansk \u2022 14.03.2024 \u2022 09:10 | Evening Courier | Author: Marta Hollis\n\n"
            "The council met on Monday and voted to reopen the school next month.")
    art = make_article(text)
    assert art.dateline is not None and art.dateline.place == "Kupiansk" and str(art.published) == "2024-03-14"
    ents = resolve_places(art, _parse(art.text, {}), (), gazetteer=gaz)  # NER tagged nothing in the header
    got = {m.text: e for e in ents for m in e.mentions}
    assert got["Kupiansk"].name == "Kupiansk" and got["Kupiansk"].mentions[0].start == 0
    plain = make_article("The council met on Monday in the town hall and voted to reopen the school next month.")
    assert plain.dateline is None and resolve_places(plain, _parse(plain.text, {}), (), gazetteer=gaz) == ()


def test_place_inside_a_person_span_needs_the_documents_region(gaz):
    text = "Texas rangers came. Huntsville Mayor Jon Smith spoke. Kharkiv Smith did not."
    got = _places(text, {"Texas": "GPE", "Huntsville Mayor Jon Smith": "PERSON", "Kharkiv Smith": "PERSON"}, gaz)
    assert abs(got["Huntsville"].lat - 30.72) < 0.01  # inside the Texas focus
    assert "Kharkiv" not in got  # a big city far from the story's region is a name here


def test_names_that_fit_together_pull_each_other_from_a_first_guess(gaz):
    text = "Paris and Henry County are rich in history. Leadership Henry County met in Paris."
    spans = [_span(text, "Paris", 0), _span(text, "Henry County", 0), _span(text, "Henry County", 1), _span(text, "Paris", 1)]
    out = geocode_spans(text, spans, gazetteer=gaz)
    assert all(e.lat is not None and abs(e.lat - 36.3) < 0.1 for e in out)  # Paris and Henry County, Tennessee


def test_gold_spans_use_region_names_elsewhere_in_the_text(gaz):
    from dateline.resolve.places import context_spans

    text = "Huntsville is a city. It lies in Walker County in Texas, near the Trinity."
    assert [s.text for s in context_spans(text, [_span(text, "Huntsville")], gaz)] == ["Texas"]
    e = geocode_spans(text, [_span(text, "Huntsville")], gazetteer=gaz)[0]
    assert abs(e.lat - 30.72) < 0.01  # without "Texas" the larger Alabama namesake would win


def test_small_town_tagged_person_is_a_place_only_in_the_documents_region(gaz):
    # Sviatohirsk (pop 4,300) is below the "strong" size; NER's PERSON label is only evidence.
    text = "Russian shelling hit Bakhmut and Sviatohirsk on Friday, officials in Bakhmut said."
    got = _places(text, {"Bakhmut": "GPE", "Sviatohirsk": "PERSON"}, gaz)
    assert got["Sviatohirsk"].kind == "place" and got["Sviatohirsk"].name == "Sviatohirsk"
    # The same word in a document about somewhere else stays unresolved.
    text = "Officials in Paris met Sviatohirsk on Friday to discuss the budget in Paris."
    got = _places(text, {"Paris": "GPE", "Sviatohirsk": "PERSON"}, gaz)
    assert "Sviatohirsk" not in got or got["Sviatohirsk"].lat is None


def test_a_place_named_like_a_demonym_stays_a_place(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer

    from .places_fixture import ROWS, build_fixture

    rows = [*ROWS,
            ([("Canada", 0)], dict(gid=6251999, name="Canada", feature="country", cc="CA", a1="CA.", lat=60.0, lon=-96.0,
                                   pop=38_000_000, precision=3)),
            ([("Canaan", 0)], dict(name="Canaan", feature="village", cc="US", a1="US.CT", lat=42.03, lon=-73.33, pop=0,
                                   precision=1))]
    gaz = Gazetteer(build_fixture(tmp_path / "c.sqlite", rows))
    assert demonym_country("Canadians", gaz) == "CA"  # suffix rule still works
    assert demonym_country("Canaan", gaz) is None  # "Cana-an" is a town's own name, not Canada's demonym


def test_nearness_adds_over_names_and_falls_off_steeply():
    from dateline.resolve.gazetteer import PlaceRecord
    from dateline.resolve.placerank import Focus, near_bonus

    def rec(lat: float, lon: float) -> PlaceRecord:
        return PlaceRecord(0, None, None, "X", "village", "US", "US.CT", None, None, lat, lon, 0, 1)

    anchors = [(41.0, -73.0, 0, 1, 0.5), (41.1, -73.1, 0, 2, 0.5)]  # two other names, same sentence
    focus = Focus(Counter(), Counter(), anchors, {}, ("a", "b", "c"))
    two = near_bonus(rec(41.05, -73.05), 0, 0, focus)
    one = near_bonus(rec(41.05, -73.05), 0, 0, Focus(Counter(), Counter(), anchors[:1], {}, ("a", "b", "c")))
    assert two > one > 0  # a town near two of the document's places beats one near a single one
    near5 = near_bonus(rec(41.0, -73.06), 0, 0, Focus(Counter(), Counter(), anchors[:1], {}, ("a", "b", "c")))
    near100 = near_bonus(rec(41.9, -73.0), 0, 0, Focus(Counter(), Counter(), anchors[:1], {}, ("a", "b", "c")))
    assert near5 > 1.5 * near100  # a neighbouring village (5 km) clearly beats one 100 km off


def test_an_initialism_names_the_region_whose_code_it_spells(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer, Hit
    from dateline.resolve.places import initialism_fits

    from .places_fixture import ROWS, build_fixture

    rows = [*ROWS,
            ([("New Jersey", 0), ("N.J.", 1)], dict(name="New Jersey", feature="region", cc="US", a1="US.NJ", lat=40.1,
                                                    lon=-74.5, pop=9_000_000, precision=3)),
            ([("New York", 0), ("N.Y.", 1)], dict(name="New York", feature="region", cc="US", a1="US.NY", lat=43.0,
                                                  lon=-75.5, pop=19_000_000, precision=3))]
    gaz = Gazetteer(build_fixture(tmp_path / "i.sqlite", rows))
    # A press abbreviation ("N.J.") is looked up through its table; the folded key alone would merge j and y.
    both = gaz.lookup("New Jersey", fuzzy=False) + gaz.lookup("New York", fuzzy=False)
    assert {h.place.name for h in both} == {"New Jersey", "New York"}
    assert [h.place.name for h in gaz.lookup("N.J.", fuzzy=False)] == ["New Jersey"]
    assert [h.place.name for h in both if initialism_fits("N.J.", h)] == ["New Jersey"]
    assert [h.place.name for h in both if initialism_fits("N.Y.", h)] == ["New York"]
    assert initialism_fits("New York", Hit(both[0].place, 1.0, "exact"))  # a full name is never filtered
    text = "Paterson, N.J. police said."
    assert geocode_spans(text, [_span(text, "N.J.")], gazetteer=gaz)[0].name == "New Jersey"


def test_a_country_named_in_the_sentence_lifts_its_town(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer

    from .places_fixture import ROWS, build_fixture

    rows = [*ROWS,
            ([("Seychelles", 0)], dict(gid=241170, name="Seychelles", feature="country", cc="SC", a1="SC.", lat=-4.58,
                                       lon=55.67, pop=98_000, precision=3)),
            ([("Victoria", 0)], dict(name="Victoria", feature="region", cc="AU", a1="AU.07", lat=-37.0, lon=144.0,
                                     pop=6_500_000, precision=3)),
            ([("Victoria", 0)], dict(name="Victoria", feature="city", cc="SC", a1="SC.26", lat=-4.62, lon=55.45,
                                     pop=22_000, precision=1))]
    gaz = Gazetteer(build_fixture(tmp_path / "v.sqlite", rows))
    text = "Victoria is the capital of the Seychelles."
    got = geocode_spans(text, [_span(text, "Victoria"), _span(text, "Seychelles")], gazetteer=gaz)
    assert got[0].country_code == "SC"
    alone = geocode_spans("Victoria is large.", [(0, 8)], gazetteer=gaz)
    assert alone[0].country_code == "AU"  # without the country, the large region wins


def test_context_words_that_are_codes_or_common_words_are_not_regions(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer
    from dateline.resolve.places import context_spans

    from .places_fixture import ROWS, build_fixture

    rows = [*ROWS,
            ([("Tennessee", 0), ("Tenn.", 1)], dict(name="Tennessee", feature="region", cc="US", a1="US.TN", lat=35.8,
                                                   lon=-86.4, pop=6_900_000, precision=3)),
            ([("Switzerland", 0), ("He", 1)], dict(name="Switzerland", feature="country", cc="CH", a1="CH.", lat=47.0,
                                                   lon=8.0, pop=8_600_000, precision=3))]
    gaz = Gazetteer(build_fixture(tmp_path / "t.sqlite", rows))
    text = "He said so. Ten people came to Tennessee. Huntsville is quiet, with ten shops."
    got = [s.text for s in context_spans(text, [_span(text, "Huntsville")], gaz)]
    assert got == ["Tennessee"]  # not "He" (a code) nor "Ten" (a common word here, and an abbreviation)


def test_a_regional_demonym_in_running_text_is_a_norp_at_its_region(gaz):
    from dateline.resolve.places import region_demonym

    assert region_demonym("Texans", gaz).name == "Texas"
    assert region_demonym("Taxans", gaz) is None  # letters are compared unfolded and whole
    got = _places("Texans voted in Kyiv and Baptists met.", {"Texans": "NORP", "Baptists": "NORP", "Kyiv": "GPE"}, gaz)
    e = got["Texans"]
    assert e.kind == "norp" and e.feature == "region" and e.country_code == "US" and e.lat is not None
    assert "Baptists" not in got


def test_a_bare_compass_word_is_no_place(gaz):
    from dateline.resolve.places import candidates_for
    from dateline.resolve.placespans import Span

    text = "Aid from the West arrived, said the Defence Forces of the South."
    for s, label in (("West", "GPE"), ("South", "LOC"), ("Defence Forces of the South", "ORG")):
        a, b = _span(text, s)
        assert candidates_for(text, Span(a, b, s, label, 0), gaz)[1] == [], s
    a, b = _span(text, "West")
    assert candidates_for(text, Span(a, b, "West", "GOLD", 0), gaz)[0].label == "GOLD"  # gold spans are still looked up


def test_a_village_said_to_lie_in_a_region_is_placed_there(tmp_path):
    from dateline.resolve.gazetteer import Gazetteer
    from dateline.resolve.placecues import qualifier
    from dateline.resolve.placespans import Span

    from .places_fixture import ROWS, build_fixture

    rows = ROWS + [
        ([("Borno", 0), ("Borno State", 1)], dict(gid=2346794, name="Borno", feature="region", cc="NG", a1="NG.27", lat=11.5, lon=13.0, pop=4_000_000, precision=3)),
        ([("Nigeria", 0)], dict(gid=2328926, name="Nigeria", feature="country", cc="NG", a1="NG.", lat=10.0, lon=8.0, pop=190_000_000, precision=3)),
        ([("Damboa", 0)], dict(gid=2338269, name="Damboa", feature="village", cc="NG", a1="NG.27", lat=11.15, lon=12.76, pop=0, precision=1)),
    ]
    gz = Gazetteer(build_fixture(tmp_path / "r.sqlite", rows))
    text = "Gunmen abducted 40 women from Damboa in Borno state, an attack that shocked Nigeria."
    a = text.index("Damboa")
    assert qualifier(text, Span(a, a + 6, "Damboa", "ORG", 0), gz) == frozenset({"NG.27"})
    got = _places(text, {"Damboa": "ORG", "Nigeria": "GPE"}, gz)
    assert got["Damboa"].status == "resolved" and got["Damboa"].name == "Damboa"  # an ORG-tagged village, said where
    bare = _places("Gunmen abducted 40 women from Damboa, an attack that shocked Nigeria.", {"Damboa": "ORG", "Nigeria": "GPE"}, gz)
    assert "Damboa" not in bare or bare["Damboa"].status != "resolved"
