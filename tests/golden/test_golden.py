"""Run the pipeline on every golden article and hold each category at or above its floor."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from tests.golden import run_golden

pytestmark = pytest.mark.model
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def results():
    return run_golden.run_all()


def test_every_article_has_expected_facts():
    arts = {p.stem for p in (HERE / "articles").glob("*.txt")}
    exps = {p.stem for p in (HERE / "expected").glob("*.json")}
    assert arts == exps and len(arts) >= 8


def test_category_floors(results):
    floors = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
    totals: dict[str, int] = defaultdict(int)
    misses: dict[str, list[str]] = defaultdict(list)
    for name, cats in results.items():
        for k, c in cats.items():
            totals[k] += c.passed
            misses[k] += [f"{name}: {m}" for m in c.misses]
    low = {k: (totals[k], f) for k, f in floors.items() if totals[k] < f}
    assert not low, f"below floor (got, floor): {low}\n" + "\n".join(
        m for k in low for m in misses[k])


def test_scorer_rejects_wrong_output():
    """The scorer must fail an empty output and pass a hand-made right one."""
    from tests.golden import scoring

    gold = {"people": [{"surfaces": ["Ann Lee"], "canonical": "ann lee"}],
            "places": [{"surfaces": ["Kyiv"], "lat": 50.45, "lon": 30.52, "tol_km": 30}],
            "events": [{"type": "attack", "lat": 50.45, "lon": 30.52, "tol_km": 30, "killed": 2}]}
    empty = scoring.score({}, gold)
    assert all(c.passed == 0 and c.total == 1 for c in empty.values())
    good = {"entities": [{"kind": "person", "name": "Ann Lee", "mentions": [{"text": "Ann Lee"}]},
                         {"kind": "place", "name": "Kyiv", "lat": 50.4, "lon": 30.5, "mentions": [{"text": "Kyiv"}]}],
            "events": [{"type": "attack", "place": {"lat": 50.4, "lon": 30.5}, "killed": 2}]}
    assert all(c.passed == 1 for c in scoring.score(good, gold).values())
    good["events"][0]["killed"] = 3
    assert scoring.score(good, gold)["events"].passed == 0
