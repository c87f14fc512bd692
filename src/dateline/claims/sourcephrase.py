"""Sentence-level source phrases judged by the cue model: "In a poll released Monday, C", "C, per the ministry"."""

from __future__ import annotations

from dateline.claims import learned
from dateline.claims.context import Doc
from dateline.claims.trim import trim

#: Verbs of uttering: a phrase on one of them is the medium of its subject's words, not a source of its own
#: ("In a poll released Monday, most voters think C" keeps its source phrase).
_UTTERING = frozenset("say tell write tweet post add announce state declare report note explain".split())


def source_phrase_candidate(doc: Doc, p: int) -> learned.Candidate | None:
    """A sentence-level source phrase ("In a poll released Monday, C", "C, per the ministry"): the rest of the clause."""
    t = doc.tok(p)
    if t.dep != "prep" or doc.tok(t.head).dep != "ROOT" or not doc.kids(p, "pobj"):
        return None
    if doc.tok(t.head).lemma.lower() in _UTTERING and doc.kids(t.head, "nsubj"):
        return None  # "X said in a video posted on X that C": the phrase is the medium of X's own words
    sent = doc.parse.sentences[t.sent]
    first, last = doc.left[p], doc.right[p]
    before = trim(doc, sent.first_token, first - 1) if first > sent.first_token else None
    after = trim(doc, last + 1, sent.last_token - 1) if last + 1 < sent.last_token else None
    if not before and not after:
        return None
    a, b = max((s for s in (before, after) if s), key=lambda s: s[1] - s[0])
    return learned.Candidate(p, f"adp:{'before' if b < p else 'after'}", a, b)
