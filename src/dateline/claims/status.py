"""Confirmation status of a claim and its hedges.

``unconfirmed``: the text says the claim was not (yet) confirmed or verified;
``denied``: the speaker denies, or another party denies the claim;
``claimed``: a party reports its own success (capture, advance, destruction);
``confirmed``: a second, independent source says the same; else ``asserted``.
"""

from __future__ import annotations

import re

UNCONFIRMED = re.compile(
    r"\b(did|does|do|has|have|had|could|can|would)( not|n[’']t)( immediately| yet| independently| be independently)?"
    r"( be)? (confirm|verif|acknowledg|comment|corroborat)\w*|\bcould not be (independently )?(confirmed|verified)\b"
    r"|\bunverified\b|\bunconfirmed\b|\bno independent (confirmation|verification)\b"
    r"|\bwere unable to (confirm|verify)\b|\bnot possible to (confirm|verify)\b",
    re.I,
)
DENIED = re.compile(r"\b(den(y|ied|ies|ying)|rejected|dismissed|refuted)\b", re.I)
CONFIRMED = re.compile(r"\b(confirm(ed|s)|corroborat\w+|matching|in line with|consistent with)\b", re.I)
#: "…, matching the British estimate": a second source agreeing, hung off the end of the content.
AGREEING_TAIL = re.compile(r",\s*(matching|confirming|in line with|consistent with|echoing)\b", re.I)
HEDGES = re.compile(
    r"\b(apparent(ly)?|suggest(s|ed|ing)?|may have|might have|may|might|reportedly|allegedly|purportedly"
    r"|believed to|appears? to|seem(s|ed)? to|likely|possibly|unclear)\b",
    re.I,
)
#: Verbs of a party's own military success.
SUCCESS = re.compile(
    r"\b(captur\w*|recaptur\w*|liberat\w*|took|taken|seiz\w*|destroy\w*|shot down|repel\w*|repuls\w*|advanc\w*"
    r"|gain(s|ed)?|retak\w*|regain\w*|pushed back|killed|eliminat\w*|penetrat\w*|recover\w*)\b",
    re.I,
)
#: Speakers that are a party to the fighting (their success claims are "claimed").
PARTY = re.compile(r"\b(military|army|forces|troops|ministry|defen[cs]e|command|general staff|government|officials?|we|it|they)\b", re.I)


def hedges_in(text: str) -> tuple[str, ...]:
    """Return the hedge words in ``text``, lower-cased, in order, without repeats."""
    seen: list[str] = []
    for m in HEDGES.finditer(text):
        w = m.group(0).lower()
        if w not in seen:
            seen.append(w)
    return tuple(seen)


def judge_status(content: str, frame: str, following: str, cue: str, speaker: str) -> tuple[str, str | None]:
    """Return (status, evidence) for one claim.

    Args:
        content: the claim's words.
        frame: the attribution words around it (the cue's sentence outside the content).
        following: the next sentence, where "X did not immediately confirm" usually sits.
        cue: the cue word.
        speaker: the speaker's name or phrase.
    """
    for text in (frame, following):
        m = UNCONFIRMED.search(text)
        if m:
            return "unconfirmed", m.group(0)
    if DENIED.search(cue) or DENIED.search(frame):
        m = DENIED.search(cue) or DENIED.search(frame)
        return "denied", m.group(0) if m else cue
    if cue.lower().startswith("claim"):
        return "claimed", cue
    m = SUCCESS.search(content)
    if m and PARTY.search(speaker or ""):
        return "claimed", m.group(0)
    m = CONFIRMED.search(frame) or AGREEING_TAIL.search(content)
    if m and not cue.lower().startswith("confirm"):
        return "confirmed", m.group(0)
    if cue.lower().startswith("confirm"):
        return "confirmed", cue
    return "asserted", None
