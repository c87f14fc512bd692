"""resolve.placeprop: a place name resolved once is a place mention wherever else it occurs."""

from dateline.model import Entity, Mention
from dateline.resolve.placeprop import REPEAT_LABEL, propagate_places

PLACE_STAGE = "resolve.places.v1"


def _m(text, sub, nth=0, label="GPE", stage=PLACE_STAGE):
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Mention(sub, start, start + len(sub), label, stage=stage)


def _place(text, name, *mentions, status="resolved"):
    return Entity(id="l0", kind="place", name=name, status=status, confidence=0.9, lat=1.0, lon=2.0,
                  mentions=tuple(mentions) or (_m(text, name),), evidence=("match:exact",))


def _texts(ent):
    return [(m.text, m.label) for m in ent.mentions]


def test_untagged_and_person_tagged_repeats_join_the_place():
    text = "A fire hit Alexandria on Monday. Alexandria police said ALEXANDRIA schools were shut."
    person = Entity(id="p0", kind="person", name="Alexandria", status="unlinked", mentions=(_m(text, "Alexandria", 1, "PERSON", "a"),))
    out = propagate_places(text, (_place(text, "Alexandria"), person))
    assert _texts(out[0]) == [("Alexandria", "GPE"), ("Alexandria", REPEAT_LABEL), ("ALEXANDRIA", REPEAT_LABEL)]


def test_person_names_and_media_titles_are_not_places():
    text = "Jackson was flooded. Jackson Browne sang. The Jackson Herald reported it."
    person = Entity(id="p0", kind="person", name="Jackson Browne", status="unlinked",
                    mentions=(_m(text, "Jackson Browne", 0, "PERSON", "a"),))
    out = propagate_places(text, (_place(text, "Jackson"), person))
    assert _texts(out[0]) == [("Jackson", "GPE")]


def test_place_at_the_head_of_an_org_is_nested_and_the_org_keeps_its_span():
    text = "Athens grew. The Athens Police Department and Friends of the Athens Library met."
    org = Entity(id="o0", kind="org", name="Athens Police Department", status="unlinked",
                 mentions=(_m(text, "Athens Police Department", 0, "ORG", "a"),))
    org2 = Entity(id="o1", kind="org", name="Friends of the Athens Library", status="unlinked",
                  mentions=(_m(text, "Friends of the Athens Library", 0, "ORG", "a"),))
    out = propagate_places(text, (_place(text, "Athens"), org, org2))
    assert [m.start for m in out[0].mentions] == [0, text.index("Athens P"), text.index("Athens L")]
    assert out[1] == org


def test_linked_org_keeps_the_name():
    text = "Georgia voted. United Georgia said so."
    org = Entity(id="o0", kind="org", name="United Georgia", status="linked", confidence=0.9,
                 mentions=(_m(text, "United Georgia", 0, "ORG", "a"),))
    out = propagate_places(text, (_place(text, "Georgia"), org))
    assert len(out[0].mentions) == 1


def test_a_name_also_used_as_a_common_word_is_not_spread():
    text = "Mobile flooded. Mobile phones failed across the mobile network."
    out = propagate_places(text, (_place(text, "Mobile"),))
    assert len(out[0].mentions) == 1


def test_only_the_entitys_own_name_spreads():
    # "Ismaili" reached the town through a loose key: spreading it would spread the error
    text = "Ismaili leaders met in Ismayilli. Ismaili groups and Ismayilli residents agreed."
    place = _place(text, "Ismayilli", _m(text, "Ismaili"), _m(text, "Ismayilli"))
    out = propagate_places(text, (place,))
    assert [m.text for m in out[0].mentions] == ["Ismaili", "Ismayilli", "Ismayilli"]


def test_unlinked_places_and_actor_repeats_do_not_spread():
    text = "Zorbek was quiet. Zorbek again. Marek spoke; Marek left."
    unlinked = _place(text, "Zorbek", status="unlinked")
    inherited = _place(text, "Marek", _m(text, "Marek", 0, "PERSON", "resolve.actors.v1"))
    out = propagate_places(text, (unlinked, inherited))
    assert [len(e.mentions) for e in out] == [1, 1]


def test_a_town_heading_a_person_span_before_an_office_word_joins_the_place():
    text = "Tarvale was quiet. Tarvale Parks and Recreation said so. Tarvale Smith said not."
    office = Entity(id="p0", kind="person", name="Tarvale Parks", status="unlinked",
                    mentions=(_m(text, "Tarvale Parks", 0, "PERSON", "a"),))
    person = Entity(id="p1", kind="person", name="Tarvale Smith", status="unlinked",
                    mentions=(_m(text, "Tarvale Smith", 0, "PERSON", "a"),))
    out = propagate_places(text, (_place(text, "Tarvale"), office, person))
    assert _texts(out[0]) == [("Tarvale", "GPE"), ("Tarvale", REPEAT_LABEL)]
    assert out[0].mentions[1].start == text.index("Tarvale Parks")
