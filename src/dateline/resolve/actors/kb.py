"""The actor knowledge base (people and organisations)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ActorKB:
    """Actors indexed for lookup.  Filled from ``data/actors.jsonl``."""

    actors: list[dict] = field(default_factory=list)
    version: str = "empty"


def load_kb() -> ActorKB:
    """Load the packaged actor knowledge base."""
    return ActorKB()


def doctor_checks() -> list[tuple[bool, str, str]]:
    return [(False, "actor KB", "not built yet (issue 4)")]
