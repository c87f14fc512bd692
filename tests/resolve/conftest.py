"""Shared fixtures: a small actor KB (light mode) from tests/resolve/data/actors_src, and a small gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.resolve.actors.expand import expand
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.gazetteer import Gazetteer

from .places_fixture import build_fixture

DATA = Path(__file__).parent / "data"


def fixture_records() -> list[dict]:
    return [json.loads(x) for f in sorted((DATA / "actors_src").glob("*.jsonl"))
            for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="session")
def kb() -> ActorKB:
    """The shipped actor KB (src/dateline/data/actors.jsonl)."""
    from dateline.resolve.actors.kb import load_kb

    return load_kb()


@pytest.fixture(scope="session")
def small_kb() -> ActorKB:
    return ActorKB.from_records([expand(r) for r in fixture_records()], version="test")


@pytest.fixture(scope="session")
def gaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"))
