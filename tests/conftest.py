"""Shared fixtures: the sample texts and one pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = REPO / "examples" / "wire_report.txt"
SEED = SHARED / "samples" / "seed_article.txt"


@pytest.fixture(scope="session")
def pipeline():
    """One loaded pipeline (spaCy model, gazetteer, KB) for the whole session."""
    from dateline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (the shared/ folder is not beside the repo)")
    return SEED.read_text(encoding="utf-8")
