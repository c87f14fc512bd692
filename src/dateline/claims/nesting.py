"""Nested attributions: which speaker a claim inside someone else's reported content belongs to.

PolNeAR attribution is univocal: a cue inside another speaker's reported content ("Sims
says he was undecided until Haley said ...") is part of what the outer speaker said.
"""

from __future__ import annotations

from typing import Any

from dateline.claims.context import Doc


def outer_speaker(
    doc: Doc, spans: list[tuple[int, int, int, int | None]], cue: int | None, content: tuple[int, int]
) -> int | None:
    """Return the speaker head of the outermost attribution whose content holds ``cue``, or None.

    Attribution is univocal: a cue inside someone's reported content ("Sims says he was
    undecided until Haley said ...", "PENCE: I think ...") is part of what that speaker
    said, so the claim is theirs.

    Args:
        doc: the article view.
        spans: (content first token, content last token, cue token, speaker head) of each attribution.
        cue: the cue token of the attribution being judged.
        content: its content's character span; an outer cue inside it is nested itself.

    Returns:
        The outer speaker head, or None when the cue is not nested or the outer one has no speaker.
    """
    if cue is None:
        return None
    best: tuple[int, int | None] | None = None
    for first, last, outer_cue, head in spans:
        if outer_cue == cue or not first <= cue <= last or first <= outer_cue <= last:
            continue
        if head is None or first <= head <= last or content[0] <= doc.tok(outer_cue).start < content[1]:
            continue
        if not _governs(doc, outer_cue, cue):
            continue  # a content span that overran into a neighbouring clause ("…, he said, though he referred …")
        if best is None or last - first > best[0]:
            best = (last - first, head)
    return best[1] if best else None


def outermost_holder(holders: list[Any]) -> Any:
    """Of reported clauses that all hold one quote, the one whose cue comes first (the outer attribution).

    Args:
        holders: reported statements (with ``cue``, ``speaker_head``) whose content holds the quote.

    Returns:
        The holder with the earliest cue that has a speaker, else the earliest one.
    """
    named = [r for r in holders if r.speaker_head is not None]
    return min(named or holders, key=lambda r: r.cue)


def _governs(doc: Doc, outer: int, inner: int) -> bool:
    """True when the outer cue heads the inner one in the parse, or they sit in different sentences.

    Content spans can overrun into a neighbouring clause; only a cue whose clause really
    holds the inner cue ("X said he would advise ...") makes the claim X's.
    """
    t = doc.tok(outer)
    if t.sent != doc.tok(inner).sent or t.pos not in ("VERB", "NOUN", "AUX") or t.lemma.lower() == "accord":
        return True  # "…, according to X" hangs on the clause it sources, not above it
    j = inner
    for _ in range(64):
        if j == outer:
            return True
        if doc.tok(j).head == j:
            return False
        j = doc.tok(j).head
    return False
