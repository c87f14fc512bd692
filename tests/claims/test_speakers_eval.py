"""How the quotes harness judges a speaker: overlap with the gold Source, or both absent."""

from __future__ import annotations

from dateline.eval.quotes import Gold, Pred, Tally


def _span(a: int, b: int) -> frozenset[int]:
    return frozenset(range(a, b))


def _score(gold_source: frozenset[int], pred_speaker: frozenset[int]) -> Tally:
    tally = Tally()
    tally.add([Gold(_span(20, 40), gold_source)], [Pred(_span(20, 40), pred_speaker)])
    return tally


def test_speaker_must_overlap_the_gold_source():
    assert _score(_span(0, 5), _span(3, 8)).speaker_ok == 1
    assert _score(_span(0, 5), _span(6, 9)).speaker_ok == 0
    assert _score(_span(0, 5), frozenset()).speaker_ok == 0


def test_gold_without_source_is_right_only_when_no_speaker_is_named():
    none = _score(frozenset(), frozenset())
    assert (none.speaker_ok, none.no_source_ok) == (1, 1)
    named = _score(frozenset(), _span(0, 5))
    assert (named.speaker_ok, named.no_source_ok) == (0, 0)
    assert "1 are golds with no Source" in none.report()[3]
