"""The place gazetteer: a compact index built by ``scripts/build_gazetteer.py``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Gazetteer:
    """Place records indexed by name.  Empty until the index is built."""

    version: str = "empty"


def load_gazetteer() -> Gazetteer:
    """Load the packaged gazetteer index."""
    return Gazetteer()


def doctor_checks() -> list[tuple[bool, str, str]]:
    return [(False, "gazetteer", "not built yet (issue 3)")]
