"""A generated corpus and its clustering, shared by the stories tests (built once, no spaCy)."""

from __future__ import annotations

import pytest

from tests.stories.generator import generate, to_items


@pytest.fixture(scope="session")
def corpus():
    """≥ 200 copies of 22 wire stories plus unrelated articles on the same fronts."""
    return generate(copies_per_story=10, seed=11)


@pytest.fixture(scope="session")
def items(corpus):
    return to_items(corpus)


@pytest.fixture(scope="session")
def stories(items):
    from dateline.stories.cluster import cluster_stories

    return cluster_stories(items)
