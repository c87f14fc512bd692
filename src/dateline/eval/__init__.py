"""Evaluation harnesses over public corpora (``dateline eval ...``).

Each harness module exposes a Typer command function ``cli`` and registers itself in
``EVAL_COMMANDS`` of ``dateline.cli.eval``.  Corpora are read from
``../shared/benchmarks`` beside the repository, or from ``--path``; nothing is copied
into the project.
"""

from __future__ import annotations

from pathlib import Path

from dateline.errors import ResourceMissing

REPO = Path(__file__).resolve().parents[3]


def benchmarks_dir() -> Path:
    """Return ``../shared/benchmarks`` beside the repository (or $DATELINE_BENCHMARKS)."""
    import os

    env = os.environ.get("DATELINE_BENCHMARKS")
    path = Path(env) if env else REPO.parent / "shared" / "benchmarks"
    if not path.is_dir():
        raise ResourceMissing(
            f"benchmark corpora not found at {path}; put the shared/ folder beside the repository, "
            "set DATELINE_BENCHMARKS, or pass --path"
        )
    return path
