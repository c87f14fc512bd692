"""Typewriter double apostrophes (''...'') pair into quotes, so each quote keeps its own speaker."""

from __future__ import annotations

from dateline.claims.marks import find_quote_spans


def test_double_apostrophes_open_and_close_quotes():
    text = "''We held the bridge,'' Colonel Oksana Ivaniv said. Then she left.\n\n''It was cold,'' he added."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["''We held the bridge,''", "''It was cold,''"]
    assert all(s.reason is None for s in spans)


def test_narration_between_double_apostrophe_quotes_is_not_quoted():
    text = "Mr. Lenz said the plant was safe. ''No leaks,'' he said. Ms. Roe disagreed. ''It leaks,'' she said."
    quoted = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert quoted == ["''No leaks,''", "''It leaks,''"]
