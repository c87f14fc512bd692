"""Trim a content span: no leading comma or dash, no trailing punctuation, no "said on <date>" lead."""

from __future__ import annotations

from dateline.claims.context import Doc
from dateline.claims.objects import past_said_date

LEAD_SKIP = frozenset({",", ":", "—", "–", "-"})
TRAIL_SKIP = frozenset({",", ".", ";", ":", "—", "–", "-", "!", "?"})


def trim(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """Return tokens (a, b) without leading commas or dashes, a "said on <date>" lead or trailing punctuation."""
    while a <= b and doc.tok(a).text.lower() in LEAD_SKIP:
        a += 1
    a = past_said_date(doc, a, b)
    while b >= a and doc.tok(b).text in TRAIL_SKIP:
        b -= 1
    return (a, b) if a <= b else None
