"""A cue between commas in the middle of its sentence: the content is the sentence around it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _by_cue(qs, cue_start):
    return [q for q in qs if q.cue_start == cue_start]


def test_subject_before_the_interruption_joins_the_partial_quote(quotes_of):
    text = "These reports from the front, Colonel Anna Varga said, “all point the same way” on the question of supplies."
    qs = quotes_of(text)
    parts = _by_cue(qs, text.index("said"))
    joined = " | ".join(q.text for q in sorted(parts, key=lambda q: q.start))
    assert "These reports from the front" in joined
    assert "on the question of supplies" in joined
    assert all("Varga said" not in q.text for q in parts)
    assert all(q.speaker is not None and "Varga" in q.speaker.name for q in parts)


def test_infinitive_after_the_interruption_joins_the_quote(quotes_of):
    text = "“It would be wiser,” the minister added, to wait for the inspectors before reopening the port."
    qs = quotes_of(text)
    parts = _by_cue(qs, text.index("added"))
    assert any("to wait for the inspectors" in q.text for q in parts)


def test_time_phrase_before_the_cue_stays_out(quotes_of):
    text = "On Tuesday, the governor said, “we will rebuild every bridge.”"
    qs = quotes_of(text)
    assert all("On Tuesday" not in q.text for q in qs)


def test_relative_clause_after_the_cue_stays_out(quotes_of):
    text = "“We held the line,” said Colonel Ivan Marek, who commanded the brigade during the siege."
    qs = quotes_of(text)
    assert all("commanded the brigade" not in q.text for q in _by_cue(qs, text.index("said")))
