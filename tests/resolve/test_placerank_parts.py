"""The ranking's signal parts: each weighted signal on its own, summing to the hand score (issue #3 study hook)."""

from __future__ import annotations

import pytest

from dateline.resolve.gazetteer import Hit, PlaceRecord
from dateline.resolve.placerank import W_QUALIFIER, Scored, focus_from, rank
from dateline.resolve.places import gold_resolutions


def _place(pid: int, feature: str, cc: str, a1: str | None, pop: int, lat: float, lon: float) -> PlaceRecord:
    return PlaceRecord(pid, None, None, "Quarnby", feature, cc, a1, None, None, lat, lon, pop, 1)


HITS = [Hit(_place(1, "city", "US", "US.TX", 40_000, 30.7, -95.5), 1.0, "exact"),
        Hit(_place(2, "city", "US", "US.AL", 180_000, 34.7, -86.6), 1.0, "exact"),
        Hit(_place(3, "village", "GB", "GB.ENG", 900, 52.0, -1.0), 0.85, "fuzzy")]


def _focus():
    anchor = Scored(_place(9, "city", "US", "US.TX", 50_000, 30.9, -95.7), 5.0, 1.0, "exact")
    return focus_from([(None, 0, 0.0), (anchor, 0, 1.0)], None)


@pytest.mark.parametrize("with_focus", [False, True])
def test_parts_sum_to_the_score_and_leave_it_unchanged(with_focus):
    focus = _focus() if with_focus else None
    plain = rank(HITS, None, 0, 0, focus, frozenset({"US.TX"}))
    traced = rank(HITS, None, 0, 0, focus, frozenset({"US.TX"}), with_parts=True)
    assert [(s.place.id, s.score) for s in plain] == [(s.place.id, s.score) for s in traced]
    assert all(s.parts is None for s in plain)
    for s in traced:
        assert sum(s.parts.values()) == pytest.approx(s.score, abs=1e-3)
    by_id = {s.place.id: s.parts for s in traced}
    assert by_id[1]["qualifier"] == W_QUALIFIER and "qualifier" not in by_id[2]  # only the Texas one fits
    assert ("near" in by_id[1]) is with_focus
    if with_focus:
        assert by_id[1]["near"] > by_id[2]["near"] == 0.0  # the anchor is 25 km from the Texas one


def test_gold_trace_maps_each_given_span_to_its_last_pass_ranking(gaz):
    text = "Ukrainians fled Kharkiv for Paris, Illinois."
    spans = [(0, 10), (16, 23), (28, 33)]
    trace: dict = {}
    answers = gold_resolutions(text, spans, gazetteer=gaz, trace=trace)
    assert answers[0] == "UA" and trace["places"][0] is None  # a demonym is answered by its country, not ranked
    for k in (1, 2):
        ranked = trace["ranked"][trace["places"][k]]
        assert ranked and all(s.parts is not None for s in ranked)
        assert ranked[0].place.id == answers[k].ranked[0].place.id
    assert trace["ranked"][trace["places"][2]][0].place.cc == "US"
    assert len(trace["groups"]) == len(trace["ranked"])
