"""A county named in the text and a same-named town in it pick each other (placerank.in_named_county)."""

from __future__ import annotations

import pytest

from dateline.resolve import placerank
from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.places import geocode_spans

from .places_fixture import ROWS, build_fixture

# Two counties of one name (public GeoNames-style points): the Texas one holds the Texas Huntsville,
# the Alabama one lies 118 km from the larger Alabama Huntsville.
COUNTIES = [
    ([("Walker County", 0)], dict(name="Walker County", feature="district", cc="US", a1="US.AL", lat=33.8256, lon=-87.2658, pop=51_000, precision=2)),
    ([("Walker County", 0)], dict(name="Walker County", feature="district", cc="US", a1="US.TX", lat=30.7235, lon=-95.5508, pop=33_000, precision=2)),
]
TEXT = ("The burn ban issued for Walker County was lifted after the Huntsville fire chief met the Walker County judge. "
        "Residents of Huntsville need a new permit.")


@pytest.fixture(scope="module")
def county_gaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", ROWS + COUNTIES))


def _resolve(gaz: Gazetteer) -> dict[str, set[str | None]]:
    """Return the states (by latitude band: Texas points lie south of 32 N) each name resolved to."""
    spans = []
    for name in ("Walker County", "Huntsville"):
        start = 0
        while (a := TEXT.find(name, start)) >= 0:
            spans.append((a, a + len(name)))
            start = a + 1
    out: dict[str, set[str | None]] = {}
    for (a, b), e in zip(spans, geocode_spans(TEXT, spans, gazetteer=gaz)):
        state = None if e is None or e.lat is None else ("Texas" if e.lat < 32 else "Alabama")
        out.setdefault(TEXT[a:b], set()).add(state)
    return out


def test_same_name_town_and_county_resolve_to_the_mutually_near_pair(county_gaz):
    got = _resolve(county_gaz)
    assert got == {"Walker County": {"Texas"}, "Huntsville": {"Texas"}}


def test_without_the_county_signal_the_larger_namesakes_win(county_gaz, monkeypatch):
    # The fixture is a real trap: population and each name's vote for the other's region pull to Alabama.
    monkeypatch.setattr(placerank, "W_COUNTY_TOWN", 0.0)
    got = _resolve(county_gaz)
    assert got["Huntsville"] != {"Texas"} or got["Walker County"] != {"Texas"}
