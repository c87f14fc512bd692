"""A town heading a local institution's name is a nested place mention; the organisation keeps its own."""

from __future__ import annotations

import pytest

from dateline.model import Entity, Mention, Parse
from dateline.resolve.entities import merge_entities
from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.places import candidates_for
from dateline.resolve.placespans import ORG_HEAD_LABEL, Span, institution_rest

from .places_fixture import ROWS, build_fixture

# An invented small village (below the size an organisation's sub-span needed so far).
VILLAGE = ([("Quillbrook", 0)], dict(gid=99001, name="Quillbrook", feature="village", cc="US", a1="US.OH",
                                     lat=40.1, lon=-82.9, pop=1_200, precision=1))


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", ROWS + [VILLAGE]))


@pytest.mark.parametrize("rest, expected", [
    ("Police Department", True), ("Independent School District", True), ("Chamber of Commerce", True),
    ("Town Council", True), ("Sheriff's Office", True),
    ("Instruments", False), ("Hewitt", False), ("Globe", False), ("city council", False), ("Latin Quarter", False),
])
def test_institution_rest(rest, expected):
    assert institution_rest(rest) is expected


def _org_span(text: str, name: str) -> Span:
    a = text.index(name)
    return Span(a, a + len(name), name, "ORG", 0)


def test_small_town_heading_an_institution_is_a_candidate(gaz):
    text = "Officers of the Quillbrook Volunteer Fire Department were called."
    sub, hits = candidates_for(text, _org_span(text, "Quillbrook Volunteer Fire Department"), gaz)
    assert (sub.text, sub.label) == ("Quillbrook", ORG_HEAD_LABEL)
    assert [h.place.name for h in hits] == ["Quillbrook"]


def test_small_town_heading_a_company_is_not(gaz):
    text = "Shares of Quillbrook Instruments rose."
    sub, hits = candidates_for(text, _org_span(text, "Quillbrook Instruments"), gaz)
    assert hits == []


def test_org_keeps_its_mention_when_a_nested_head_place_wins():
    text = "The Quillbrook Police Department said so."
    a = text.index("Quillbrook")
    org = Entity(id="o0", kind="org", name="Quillbrook Police Department", status="unlinked", confidence=0.1,
                 mentions=(Mention("Quillbrook Police Department", a, a + 28, "ORG"),))
    place = Entity(id="l0", kind="place", name="Quillbrook", status="resolved", confidence=0.9, lat=40.1, lon=-82.9,
                   mentions=(Mention("Quillbrook", a, a + 10, ORG_HEAD_LABEL),))
    ents = merge_entities(Parse(tokens=(), sentences=(), mentions=(), model="t"), (org,), (place,))
    assert sorted((e.kind, e.mentions[0].text) for e in ents) == [("org", "Quillbrook Police Department"), ("place", "Quillbrook")]
