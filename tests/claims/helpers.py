"""Helpers shared by the claims tests."""

from __future__ import annotations


def indirect(quotes, words):
    """Return the first indirect quote whose text contains ``words`` (the test fails if there is none)."""
    hits = [q for q in quotes if q.kind == "indirect" and words in q.text]
    assert hits, f"no indirect quote contains {words!r}: {[q.text for q in quotes]}"
    return hits[0]
