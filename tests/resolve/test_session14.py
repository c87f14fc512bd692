"""Session 14: page furniture, headline kickers, short region names, a son's middle name (invented text; real KB
people only where a KB link is tested)."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.ingest.layout import unwrap_layout


@pytest.mark.parametrize("line", ["Home » Africa » Velmora", "News › World › Europe", "Home > Politics"])
def test_a_breadcrumb_trail_is_page_furniture(line):
    text = f"Velmora Daily\n{line}\n\nGunmen attacked a market in Tarsk on Monday, officials said.\n"
    assert line not in unwrap_layout(text)
    assert "Gunmen attacked a market" in unwrap_layout(text)


@pytest.mark.parametrize("line", ["Er sagte » nein « und ging.", "Kyiv > Lviv > Odesa is the route he took, he said."])
def test_text_with_the_same_marks_is_kept(line):
    assert line in unwrap_layout(f"{line}\n\nMore text follows here.\n")


def test_a_headline_kicker_is_no_dateline_and_no_speaker(pipeline):
    text = ("EXPLAINED: Velmora's deadliest attack in years – 5 questions answered\n\n"
            "Gunmen overran an army base near Tarsk late on Sunday, killing 40 soldiers, the presidency said.\n")
    res = pipeline.run(make_article(text, published="2024-10-29"))
    assert not any(e.name == "EXPLAINED" for e in res.entities)
    assert not any(q.speaker and q.speaker.name == "EXPLAINED" for q in res.quotes)


def test_a_short_name_before_its_unit_word_is_the_region(pipeline):
    text = ("Gunmen stormed an army base in Chad late on Sunday. The base lies on an island in the marshes of the "
            "Lac province, officials said.\n")
    res = pipeline.run(make_article(text, published="2024-10-29"))
    lac = [e for e in res.entities if e.kind == "place" and any(m.text == "Lac" for m in e.mentions)]
    assert lac and lac[0].country_code == "TD" and lac[0].feature == "region"


def test_a_three_letter_mixed_case_name_is_no_country_code(pipeline):
    text = ("Gunmen stormed an army base in Chad late on Sunday. Survivors were taken by boat to Bol, the provincial "
            "capital, officials said.\n")
    res = pipeline.run(make_article(text, published="2024-10-29"))
    bol = [e for e in res.entities if any(m.text == "Bol" for m in e.mentions)]
    assert bol and bol[0].country_code == "TD" and bol[0].feature != "country"  # not "BOL", Bolivia


def test_father_and_son_are_two_people(pipeline):
    text = ("N'DJAMENA, Chad (AP) — President Mahamat Idriss Déby Itno flew to the area on Monday. His father, "
            "Idriss Déby, was killed fighting rebels in 2021.\n")
    res = pipeline.run(make_article(text, published="2024-10-29"))
    by_mention = {m.text: e.name for e in res.entities if e.kind == "person" for m in e.mentions}
    assert by_mention["Mahamat Idriss Déby Itno"] == "Mahamat Deby"  # a KB form and one more family name
    assert by_mention["Idriss Déby"] == "Idriss Deby"  # his own name, only the son's middle and surname


def test_a_middle_name_scores_below_a_first_name():
    from dateline.model import Mention
    from dateline.resolve.actors.cluster import PersonGroup
    from dateline.resolve.actors.kb import load_kb
    from dateline.resolve.actors.rank import INNER_GIVEN_POINTS, _given_points

    kb = load_kb()
    son = kb.actors[kb.by_id["kb:mahamat-deby"]]
    father = kb.actors[kb.by_id["kb:idriss-deby"]]
    g = PersonGroup()
    g.add(Mention("Idriss Deby", 0, 11, "PERSON", 0), [])
    assert _given_points(g, father["gen"], kb) == (2.0, "given:exact")
    assert _given_points(g, son["gen"], kb) == (INNER_GIVEN_POINTS, "given:middle")


def test_a_lone_surname_with_a_joined_particle_is_the_same_person(pipeline):
    text = ("TARSK (Reuters) — Government spokesman Basim al-Awadi said in a statement that the envoy was summoned. "
            "\"This is a flagrant violation of our sovereignty,\" al-Awady said.\n")
    res = pipeline.run(make_article(text, published="2024-01-16"))
    people = [e for e in res.entities if e.kind == "person"]
    assert len(people) == 1 and {m.text for m in people[0].mentions} == {"Basim al-Awadi", "al-Awady"}


@pytest.mark.parametrize("name, kb_name", [
    ("U.S. State Department", "United States Department of State"),  # dotted initials before a body: one word
    ("U.N. Security Council", "United Nations Security Council"),
    ("Russian MoD", "Ministry of Defence of Russia"),  # a country's ministry initials: its ministry
    ("British MoD", "Ministry of Defence of the United Kingdom"),
    ("Russia's MFA", "Ministry of Foreign Affairs of Russia"),
])
def test_initials_in_a_bodys_name(name, kb_name):
    from dateline.resolve.actors.kb import load_kb
    from dateline.resolve.actors.orgs import match_org

    hit = match_org(load_kb(), name, None)
    assert hit.actor is not None and hit.actor["name"] == kb_name


def test_a_coined_name_split_in_two_joins_the_body_it_spells():
    from dateline.model import Mention
    from dateline.resolve.actors import orglink
    from dateline.resolve.actors.orgs import OrgMatch

    def group(actor, text, start):
        match = OrgMatch({"id": "kb:x", "name": actor} if actor else None, 0.9 if actor else 0.0, ())
        return orglink._Group(match, None, frozenset(), [Mention(text, start, start + len(text), "ORG", 0)])

    out = orglink._join_run_apart({"a": group("Velmotek", "Velmotek", 0), "b": group(None, "Velmo Tech", 20)})
    assert "b" not in out and {m.text for m in out["a"].mentions} == {"Velmotek", "Velmo Tech"}
    # another consonant skeleton or another first letter: no join
    out = orglink._join_run_apart({"a": group("Velmotek", "Velmotek", 0), "b": group(None, "Kelmo Tech", 20)})
    assert "b" in out


def test_a_quotation_naming_its_own_speaker_inside_a_transcript_line(pipeline):
    text = ("WREN: Tom, what is different this time?\n\nALDER: Dana, it is the distance. \"Until this winter the ports "
            "were seen as far beyond the reach of drones,\" one energy analyst told me today.\n\nWREN: Thank you.\n")
    res = pipeline.run(make_article(text, published="2024-01-21"))
    q = [q for q in res.quotes if "Until this winter" in q.text]
    assert q and q[0].speaker is not None and "analyst" in q[0].speaker.name
    assert any(q.text.startswith("Dana") and q.speaker and q.speaker.name == "Alder" for q in res.quotes)


def test_a_dateline_town_before_the_agency_is_no_long_form_of_it(pipeline):
    text = "JERUSALEM (AP) — Troops raided a camp near the city on Monday, killing two men, officials said.\n"
    res = pipeline.run(make_article(text, published="2024-05-06"))
    ap = [e for e in res.entities if e.kind == "org" and any(m.text == "AP" for m in e.mentions)]
    assert ap and {m.text for m in ap[0].mentions} == {"AP"}
    assert any(e.kind == "place" and e.name == "Jerusalem" for e in res.entities)


def test_a_body_whose_name_ends_in_of_a_country_stands_beside_the_country(pipeline):
    text = ("TARSK — The Airports Authority of Israel said in a statement that air traffic was halted for about an "
            "hour on Sunday.\n")
    res = pipeline.run(make_article(text, published="2024-05-05"))
    assert any(e.kind == "org" and e.name == "Airports Authority of Israel" for e in res.entities)
    assert any(e.kind == "place" and e.name == "Israel" for e in res.entities)
    q = [q for q in res.quotes if "air traffic" in q.text]
    assert q and q[0].speaker is not None and q[0].speaker.name == "Airports Authority of Israel"


def test_a_german_place_name_opening_with_an_article_inside_a_sentence():
    from dateline.nlp.lexical import parse_lexical
    from dateline.resolve.gazetteer import load_gazetteer
    from dateline.resolve.placelex import lexical_spans

    text = ("Der Präsident, der sich per Video an eine Konferenz in Den Haag wandte, forderte ein Sondertribunal. "
            "Die Lage in Winnyzja sei ernst, sagte der Bürgermeister am Freitag.\n")
    art = make_article(text, published="2022-07-15", language="de")
    spans = [sp.text for sp in lexical_spans(art, parse_lexical(art), [], load_gazetteer())]
    assert "Den Haag" in spans  # the name as written, article and all
    assert not any(sp.startswith("Die ") for sp in spans)  # a capitalised article opening a sentence names nothing


def test_a_german_noun_after_a_capitalised_noun_is_no_bare_surname(pipeline):
    text = ("Bei einem russischen Raketenangriff auf die Stadt Winnyzja sind am Donnerstag mindestens 20 Menschen "
            "getötet worden. Russland führt seit Februar Krieg gegen die Ukraine, sagte Außenministerin Baerbock.\n")
    res = pipeline.run(make_article(text, published="2022-07-15", language="de"))
    people = {m.text: e.name for e in res.entities if e.kind == "person" for m in e.mentions}
    assert "Krieg" not in people  # "seit Februar Krieg": a noun, though a KB person bears it as a surname
    assert people.get("Baerbock") == "Annalena Baerbock"  # after a title, a bare surname is the person


def test_two_places_after_around_in_one_ner_span_are_split():
    from dateline.resolve.placespans import Span, coordinated_places

    text = "The general did not mention losses around Velmora and Tarsk."
    a = text.index("Velmora")
    sp = Span(a, a + len("Velmora and Tarsk"), "Velmora and Tarsk", "WORK_OF_ART", 0)
    assert [s.text for s in coordinated_places(text, sp)] == ["Velmora", "Tarsk"]
    plain = "He read Velmora and Tarsk twice."  # no place word before: one name, as tagged
    b = plain.index("Velmora")
    assert len(coordinated_places(plain, Span(b, b + 17, "Velmora and Tarsk", "WORK_OF_ART", 0))) == 1


def test_a_bullet_glyph_opening_a_line_is_dropped_at_ingest():
    art = make_article("TARSK (AP) — Officials met on Monday.\n\n• Adem Koral, a spokesman, said on state television "
                       "that the army \"does not target civilians\".\n", published="2022-01-11")
    assert "•" not in art.text and "Adem Koral, a spokesman" in art.text


def test_ministry_initials_alone_name_no_ministry():
    from dateline.resolve.actors.kb import load_kb
    from dateline.resolve.actors.orgs import match_org

    assert match_org(load_kb(), "MoD", None).actor is None


def test_a_name_cut_in_two_and_its_surname_stay_one_person(pipeline):
    text = ("TARSK (AP) — The crisis began when gang leader Adem Koral Velmaz was found missing from his cell on "
            "Sunday. Velmaz vanished from the prison in Tarsk.\n")
    res = pipeline.run(make_article(text, published="2024-01-09"))
    people = [e for e in res.entities if e.kind == "person"]
    assert len(people) == 1 and {m.text for m in people[0].mentions} >= {"Velmaz"}
    assert any(m.text.startswith("Adem Koral") for m in people[0].mentions)


def test_a_one_word_alias_joins_the_person_it_names():
    from dateline.model import Mention
    from dateline.resolve.actors.cluster import PersonGroup
    from dateline.resolve.actors.link import _join_aliases

    text = "Gang leader Adem Koral Velmaz, alias Kito, escaped. Kito had led the gang. Dana Ro, a guard, saw Kito."
    man, alias, other = PersonGroup(), PersonGroup(), PersonGroup()
    man.add(Mention("Adem Koral Velmaz", 12, 29, "PERSON", 0), [])
    for k in (text.index("Kito"), text.index("Kito had")):
        alias.add(Mention("Kito", k, k + 4, "PERSON", 0), [])
    other.add(Mention("Dana Ro", text.index("Dana"), text.index("Dana") + 7, "PERSON", 1), [])
    out = _join_aliases([man, alias, other], text)
    assert len(out) == 2 and {m.text for m in out[0].mentions} == {"Adem Koral Velmaz", "Kito"}
    assert not _join_aliases([other, alias], text)[0].mentions[1:]  # "Dana Ro, a guard, saw Kito": no alias


def test_a_place_read_from_a_persons_surname_yields_to_the_person():
    from dateline.model import Entity, Mention
    from dateline.resolve.entities import _surnames_kept

    man = Entity(id="a", kind="person", name="Adem Velmaz", status="unlinked", confidence=0.5,
                 mentions=(Mention("Adem Velmaz", 10, 21, "PERSON", 0), Mention("Velmaz", 40, 46, "PERSON", 1)))
    town = Entity(id="p", kind="place", name="Velma", status="resolved", confidence=0.9,
                  mentions=(Mention("Velmaz", 15, 21, "PERSON", 0), Mention("Velmaz", 40, 46, "PERSON", 1)))
    named = Entity(id="q", kind="place", name="Velma", status="resolved", confidence=0.9,
                   mentions=(Mention("Velmaz", 15, 21, "PERSON", 0), Mention("Velma", 60, 65, "GPE", 2)))
    assert _surnames_kept((man,), (town,)) == ()
    assert _surnames_kept((man,), (named,)) == (named,)  # also written as a place elsewhere: kept
