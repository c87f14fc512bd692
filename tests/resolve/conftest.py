"""Fixtures for the resolve tests."""

from __future__ import annotations

import pytest
from places_fixture import build_fixture

from dateline.resolve.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"))
