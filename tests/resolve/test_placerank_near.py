"""The vectorised spatial-coherence signal agrees with its plain definition."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from dateline.resolve.gazetteer import PlaceRecord
from dateline.resolve.placerank import (FAR_SENTENCE_WEIGHT, NEAR_KM, NEAR_POWER, SENTENCE_WEIGHT, Focus, km,
                                        near_bonus)


def _reference(p: PlaceRecord, sent: int, idx: int, focus: Focus) -> float:
    """The definition, one anchor at a time: best anchor per other name, then 1 - prod(1 - x)."""
    best: dict[object, float] = {}
    own = focus.groups[idx] if focus.groups else None
    for lat, lon, s, i, pw in focus.points:
        g = focus.groups[i] if focus.groups else i
        if i == idx or (own is not None and g == own):
            continue
        d = km((p.lat, p.lon), (lat, lon))
        if d >= NEAR_KM:
            continue
        w = SENTENCE_WEIGHT.get(abs(s - sent), FAR_SENTENCE_WEIGHT) * (1 - d / NEAR_KM) ** NEAR_POWER * min(1.0, pw)
        best[g] = max(best.get(g, 0.0), w)
    miss = 1.0
    for w in best.values():
        miss *= 1 - w
    return 1 - miss


def _place(lat: float, lon: float) -> PlaceRecord:
    return PlaceRecord(0, None, None, "X", "village", "UA", "UA.63", None, None, lat, lon, 0, 1)


@pytest.mark.parametrize("grouped", [True, False])
def test_near_bonus_matches_the_plain_definition(grouped):
    rng = random.Random(7)
    n = 40
    groups = [f"name{rng.randrange(12)}" for _ in range(n)] if grouped else []
    points = [(49 + rng.uniform(-3, 3), 36 + rng.uniform(-4, 4), rng.randrange(10), i, rng.uniform(0.05, 1.5))
              for i in range(n)]
    focus = Focus(Counter(), Counter(), points, {}, groups)
    checked = 0
    for _ in range(200):
        p = _place(49 + rng.uniform(-4, 4), 36 + rng.uniform(-5, 5))
        idx, sent = rng.randrange(n), rng.randrange(10)
        want = _reference(p, sent, idx, focus)
        assert near_bonus(p, sent, idx, focus) == pytest.approx(want, abs=1e-9)
        checked += want > 0
    assert checked > 50  # most probes do have anchors nearby, so the comparison is not vacuous


def test_near_bonus_without_anchors_is_zero():
    assert near_bonus(_place(50.0, 30.0), 0, 0, Focus(Counter(), Counter(), [], {}, [])) == 0.0
    far = Focus(Counter(), Counter(), [(10.0, 10.0, 0, 1, 1.0)], {}, [])
    assert near_bonus(_place(50.0, 30.0), 0, 0, far) == 0.0
