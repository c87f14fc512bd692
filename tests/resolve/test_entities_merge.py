"""resolve.entities: a place that wins an unlinked actor's full name inherits its short repeats."""

from dateline.model import Entity, Mention, Parse
from dateline.resolve.entities import merge_entities

TEXT = "Strikes hit Dar Salam overnight. Later Salam was quiet. Officials met Dar Salam elders."


def _m(text, nth=0, label="GPE"):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Mention(text, start, start + len(text), label)


def test_place_inherits_unlinked_person_short_repeat():
    person = Entity(id="p0", kind="person", name="Dar Salam", status="unlinked", confidence=0.5,
                    mentions=(_m("Dar Salam", 0, "PERSON"), _m("Salam", 1, "PROPN")))
    place = Entity(id="l0", kind="place", name="Dar Salam", status="resolved", confidence=0.9, lat=1.0, lon=2.0,
                   mentions=(_m("Dar Salam", 0), _m("Dar Salam", 1)))
    ents = merge_entities(Parse(tokens=(), sentences=(), mentions=(), model="t"), (person,), (place,))
    assert [e.kind for e in ents] == ["place"]
    assert sorted(m.text for m in ents[0].mentions) == ["Dar Salam", "Dar Salam", "Salam"]


def test_linked_person_keeps_its_other_mentions():
    person = Entity(id="p0", kind="person", name="Dar Salam", status="linked", confidence=0.5,
                    mentions=(_m("Dar Salam", 0, "PERSON"), _m("Salam", 1, "PROPN")))
    place = Entity(id="l0", kind="place", name="Dar Salam", status="resolved", confidence=0.9,
                   mentions=(_m("Dar Salam", 0),))
    ents = merge_entities(Parse(tokens=(), sentences=(), mentions=(), model="t"), (person,), (place,))
    assert sorted(e.kind for e in ents) == ["person", "place"]


def test_place_inside_a_longer_name_does_not_inherit_its_repeats():
    # a place won only "Dar" of the person "Dar Salam": "Salam" stays the person's
    person = Entity(id="p0", kind="person", name="Dar Salam", status="unlinked", confidence=0.5,
                    mentions=(_m("Dar Salam", 0, "PERSON"), _m("Salam", 1, "PROPN")))
    place = Entity(id="l0", kind="place", name="Dar", status="resolved", confidence=0.9, lat=1.0, lon=2.0,
                   mentions=(_m("Dar", 0),))
    ents = merge_entities(Parse(tokens=(), sentences=(), mentions=(), model="t"), (person,), (place,))
    assert sorted((e.kind, tuple(m.text for m in e.mentions)) for e in ents) == [("person", ("Salam",)), ("place", ("Dar",))]
