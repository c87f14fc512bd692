"""A cue that interrupts its own sentence: "The investment, Ms. Roe said, “is a perfect example” of it".

When the speaker and cue sit between commas in the middle of a sentence, what was said is
the whole sentence around them, even when only one side is in quotation marks. PolNeAR
stores such a content as one attribution in two ranges, like "“C1,” he said, “C2”".
"""

from __future__ import annotations

import re
from typing import Any

from dateline.claims.context import Doc
from dateline.claims.cues import is_said_like

#: Most tokens between the cue and the comma that closes the interruption ("told CNN on
#: Sunday,").  Set by judgement (room for an addressee and a time, not for a clause).
MAX_CUE_TAIL = 6
#: Fewest word tokens in the unquoted side before the interruption ("The plan, he said, “…”");
#: one word ("But, he said, …") is a connective, not a claim.  Set by judgement.
MIN_FRONT_WORDS = 2
#: Tags that carry the quoted clause on after the interruption ("“It is better,” he added, to
#: wait"; "“Only you,” she said, would …"); anything else there (", who …", ", adding …", ", hours after …") is a clause or a
#: note of its own (PolNeAR train).
_CONTINUES = frozenset({"TO", "MD"})
#: Parts of speech of a noun phrase: the unquoted subject before the interruption ("The plan,
#: he said, “is a sham”"), not a time or place phrase ("On Tuesday, he said, “…”").
_NOUN_PHRASE = frozenset({"DET", "NOUN", "PROPN", "ADJ", "PRON", "NUM", "PART", "CCONJ", "PUNCT", "ADP"})
_TIME_TYPES = frozenset({"DATE", "TIME"})


def interrupted_sides(doc: Doc, qs: Any, cue: int, speaker: int, how: str) -> list[tuple[int, int]] | None:
    """Return the character ranges of an interrupted sentence's content around a quote's cue.

    Args:
        doc: the claims view of the article.
        qs: the quote span (``start``/``end``) attached to the cue.
        cue: the cue token; speaker: the head of its speaker phrase.
        how: "before" (the cue precedes the quote) or "after" (it follows it).

    Returns:
        The ranges (the quote's side first, extended to its sentence edge, then the other
        side), or None when the cue does not interrupt a sentence with unquoted words on
        the other side.
    """
    if not is_said_like(doc.tok(cue)):
        return None
    close = _closing_comma(doc, cue, max(cue, doc.right[speaker]))
    lo = min(doc.left[speaker], cue)
    if close is None or not 0 < lo < len(doc.parse.tokens):
        return None
    sent = doc.parse.sentences[doc.tok(lo).sent]
    if how == "before":
        if doc.tok(close).end > qs.start:
            return None
        front = (sent.start, doc.tok(lo - 1).start)
        if doc.tok(lo - 1).text != "," or not _plain(doc, front, MIN_FRONT_WORDS) or not _subject(doc, sent.first_token, lo - 1):
            return None
        return [(qs.start, _tail_end(doc, qs.end)), front]
    if how == "after":
        if doc.tok(lo).start < qs.end:
            return None
        back = (doc.tok(close + 1).start if close + 1 < len(doc.parse.tokens) else doc.tok(close).end, _sentence_end(doc, close))
        if not _plain(doc, back, 1) or _opens_new_claim(doc, close + 1):
            return None
        return [(_head_start(doc, qs.start), qs.end), back]
    return None


def _closing_comma(doc: Doc, cue: int, last: int) -> int | None:
    """The comma that ends ", X said [to CNN]," within MAX_CUE_TAIL tokens of the cue and its speaker."""
    n = len(doc.parse.tokens)
    for k in range(last + 1, min(last + 2 + MAX_CUE_TAIL, n)):
        t = doc.tok(k)
        if t.text == ",":
            return k
        if t.is_quote or t.text in ".!?;:—–" or t.sent != doc.tok(cue).sent:
            return None
    return None


def _plain(doc: Doc, span: tuple[int, int], min_words: int) -> bool:
    """True for unquoted text with at least ``min_words`` words."""
    text = doc.text[span[0] : span[1]]
    quoted = any(a < span[1] and span[0] < b for a, b in doc.quoted)
    if quoted or "\n" in text or re.search(r"[.!?] ", text):
        return False
    return len(text.split()) >= min_words


def _subject(doc: Doc, a: int, b: int) -> bool:
    """True when tokens a..b-1 are a noun phrase that can be a subject (not "In Kyiv", not "On Tuesday")."""
    toks = [doc.tok(k) for k in range(a, b)]
    if not toks or toks[0].pos == "ADP":
        return False
    return all(t.pos in _NOUN_PHRASE and t.ent_type not in _TIME_TYPES for t in toks)


def _opens_new_claim(doc: Doc, k: int) -> bool:
    """True when the words after the interruption start a claim of their own (", adding that …")."""
    if k >= len(doc.parse.tokens):
        return True
    return doc.tok(k).tag not in _CONTINUES


def _sentence_end(doc: Doc, k: int) -> int:
    """Character end of k's sentence, without its closing full stop."""
    end = doc.parse.sentences[doc.tok(k).sent].end
    while end > 0 and doc.text[end - 1] in " .!?\n":
        end -= 1
    return end


def _tail_end(doc: Doc, end: int) -> int:
    """Extend a quote's end over the unquoted rest of its sentence ("“is an example” of adapting")."""
    k = doc.token_at(end)
    if k is None or doc.tok(k).start - end > 1 or doc.tok(k).text in ".!?,;:—–":
        return end
    stop = min([_sentence_end(doc, k)] + [a for a, _ in doc.quoted if a >= end])
    while stop > end and doc.text[stop - 1] in " .,;:":
        stop -= 1
    return stop if stop > end and _plain(doc, (end, stop), 1) else end


def _head_start(doc: Doc, start: int) -> int:
    """Extend a quote's start back over the unquoted opening of its sentence ("But “it is …”")."""
    k = doc.token_at(start)
    if k is None:
        return start
    first = doc.parse.sentences[doc.tok(k).sent].start
    return first if first < start and _plain(doc, (first, start), 1) else start
