"""Shared fixtures: the sample texts and one pipeline per test session."""

from __future__ import annotations

import sys
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


# ---------------------------------------------------------------- databases: SQLite and PostgreSQL

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the whole session ($DATELINE_TEST_PG or a throwaway one); fails loudly if none."""
    sys.path.insert(0, str(Path(__file__).parent))
    import pg_server as pg

    try:
        server = pg.start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    """Each store test runs once per database engine."""
    return request.param


@pytest.fixture(scope="session")
def new_db(request, backend, tmp_path_factory):
    """Return a function that makes an empty database (a SQLite path, or a PostgreSQL URL) for ``backend``."""
    if backend == "sqlite":
        return lambda name="t": str(tmp_path_factory.mktemp("db") / f"{name}.db")
    server = request.getfixturevalue("pg_server")
    return lambda name="t": server.new_db()
