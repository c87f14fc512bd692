"""Session 13: a place's name after a locative joins no person by a look-alike; an OCR "rn" for "m" (invented)."""

from __future__ import annotations

from dateline.model import Mention
from dateline.resolve.actors import cluster
from dateline.resolve.actors.cluster import attach_surnames, given_compatible, group_full_names
from dateline.resolve.actors.names import skeleton


def _items(text: str, words: list[str]) -> list[tuple[Mention, list]]:
    out, pos = [], 0
    for w in words:
        s = text.index(w, pos)
        out.append((Mention(w, s, s + len(w), "PERSON", 0), []))
        pos = s + len(w)
    return out


TEXT = ("Governor Anton Quarn told reporters in Velkar that aid had arrived. Many wounded were taken to hospitals in "
        "Quarr, near the border. Quarr lies on the river. Quarn said more was needed.")


def test_a_word_after_a_locative_joins_no_look_alike_surname(monkeypatch):
    items = _items(TEXT, ["Anton Quarn", "Quarr", "Quarr", "Quarn"])
    groups = attach_surnames(group_full_names(items[:1], {}), items[1:], {}, TEXT)
    person = next(g for g in groups if "Anton Quarn" in [m.text for m in g.mentions])
    assert [m.text for m in person.mentions] == ["Anton Quarn", "Quarn"]  # both "Quarr" (the town) stay apart
    monkeypatch.setattr(cluster, "LOCATIVE_EXACT_ONLY", False)
    groups = attach_surnames(group_full_names(items[:1], {}), items[1:], {}, TEXT)
    assert len(next(g for g in groups if "Anton Quarn" in [m.text for m in g.mentions]).mentions) == 4


def test_an_ocr_rn_for_m_shares_the_skeleton():
    assert skeleton("velarn") == skeleton("velam")
    assert given_compatible("azirn", "azim") == "equiv"


def _orgs(text: str, spans: list[str]):
    """Run the organisation stage with the real KB on ORG mentions of ``spans`` (in text order)."""
    from dateline.resolve.actors.kb import load_kb
    from dateline.resolve.actors.orglink import org_entities

    return org_entities(text, load_kb(), [Mention(m.text, m.start, m.end, "ORG") for m, _ in _items(text, spans)])


def test_a_long_form_spelling_a_linked_acronym_joins_it():
    text = "The International Atomic Electricity Agency said its team was safe. The IAEA gave no details."
    spans = ["International Atomic Electricity Agency", "IAEA"]
    ents = _orgs(text, spans)
    assert len(ents) == 1 and ents[0].status == "linked"
    assert sorted(m.text for m in ents[0].mentions) == sorted(spans)


def test_a_syllable_dropped_from_a_resolved_place_joins_it():
    from dateline.model import Entity
    from dateline.resolve.placevariants import join_variants

    town = Entity(id="l0", kind="place", name="Velmoravak", status="resolved", lat=1.0, lon=2.0,
                  mentions=(Mention("Velmoravak", 0, 10, "GPE"),))
    stray = Entity(id="l1", kind="place", name="Velmovak", status="unlinked", mentions=(Mention("Velmovak", 40, 48, "GPE"),))
    assert [e.id for e in join_variants([town, stray])] == ["l0"]
    short = Entity(id="l2", kind="place", name="Velmak", status="unlinked", mentions=(Mention("Velmak", 60, 66, "GPE"),))
    assert [e.id for e in join_variants([town, short])] == ["l0", "l2"]  # four letters cut: another name


def test_ocr_readings_of_a_place_key():
    from dateline.resolve.gazetteer.keys import ocr_variants

    assert "timergara" in ocr_variants("tirnergara")  # "rn" read for "m"
    assert "velmishu" in ocr_variants("velmlshu")  # an "l" between consonants read for "i"
    assert ocr_variants("velmora") == []


def test_a_name_with_one_word_swapped_joins_the_linked_body():
    text = ("The International Atomic Energy Agency sent a team. The International Atomic Power Agency said later that "
            "the plant was safe.")
    ents = _orgs(text, ["International Atomic Energy Agency", "International Atomic Power Agency"])
    assert len(ents) == 1 and ents[0].status == "linked" and len(ents[0].mentions) == 2


def test_a_persons_name_run_on_from_a_body_is_split():
    from dateline.resolve.actors.kb import load_kb
    from dateline.resolve.actors.link import _person_after_body

    m = Mention("Presidential Office Anton Quarnby", 10, 43, "ORG")
    body, person = _person_after_body(m, load_kb())
    assert (body.text, body.label, body.end) == ("Presidential Office", "ORG", 29)
    assert (person.text, person.label, person.start) == ("Anton Quarnby", "PERSON", 30)
    assert _person_after_body(Mention("Presidential Office", 0, 19, "ORG"), load_kb()) == [Mention("Presidential Office", 0, 19, "ORG")]


def test_a_person_keeps_a_spoken_look_alike_from_a_place():
    from dateline.model import Entity
    from dateline.resolve.entities import _speakers_kept

    text = 'The envoy, Anton Quarnby, wrote on X. "Elections, not gunfire," Quarnbyl wrote.'
    a = text.index("Quarnbyl")
    person = Entity(id="p1", kind="person", name="Anton Quarnby", status="unlinked",
                    mentions=(Mention("Anton Quarnby", 11, 24, "PERSON"), Mention("Quarnbyl", a, a + 8, "PERSON")))
    place = Entity(id="l1", kind="place", name="Quarnbyl", status="resolved", mentions=(Mention("Quarnbyl", a, a + 8, "GPE"),))
    assert _speakers_kept(text, (person,), (place,)) == ()


def test_a_country_word_swapped_is_another_body():
    from dateline.resolve.actors.orglink import _names_a_country

    assert _names_a_country(frozenset({"romania", "russian"})) and not _names_a_country(frozenset({"principal", "main"}))
    assert not _names_a_country(frozenset({"afghan", "nation"}))  # the body's country said another way
