"""Spans that name someone, not somewhere: surnames of people in the article and linked actors' spans.

The place stage asks these before geocoding a span: "Bell" after "Danielle Bel", "Kirby" after
"John Kirby", or "IAEA" when the article links the agency, are not places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from dateline.model import Entity
from dateline.resolve.actors.names import skeleton
from dateline.resolve.placespans import Span

#: An actor entity at or above this confidence keeps its span (it is not geocoded).
ACTOR_LINK_MIN_CONF = 0.6


def is_surname(sp: Span, spans: Sequence[Span]) -> bool:
    """Return True if a longer PERSON/ORG span ends with this span's text (or a PERSON span starts with it)."""
    if sp.label not in ("PERSON", "ORG", "PROPN"):
        return False
    tail, head = " " + sp.text, sp.text + " "
    if any(o.label in ("PERSON", "ORG") and o is not sp and (o.text.endswith(tail) or (o.label == "PERSON" and o.text.startswith(head)))
           for o in spans):
        return True
    # "Danielle Bel ... Bell said": a spun surname repeat, one edit from the surname of a name given in full
    word = sp.text
    return " " not in word and len(word) >= 3 and any(
        o.label == "PERSON" and " " in o.text and o.start < sp.start and o.text.split()[-1][:1] == word[:1]
        and (Levenshtein.distance(o.text.split()[-1].lower(), word.lower()) <= 1
             or (len(word) >= SKELETON_MIN_LETTERS and skeleton(o.text.split()[-1]) == skeleton(word)))  # "Dyck"/"Dijk"
        for o in spans)


#: A spun surname repeat that only shares the name's consonant skeleton must be this long ("Dijk" for "Dyck").  Set by
#: judgement (three-letter skeleton matches are too easy).
SKELETON_MIN_LETTERS = 4


def named_after_person(sp: Span, spans: Sequence[Span]) -> bool:
    """True for an organisation named after a person the text names in full ("Dyck Advisory Group" after "Lionel
    Dyck"): its first word is that person's surname, not a place."""
    if sp.label != "ORG" or " " not in sp.text:
        return False
    first = sp.text.split()[0]
    return any(o.label == "PERSON" and " " in o.text and o.start < sp.start and o.text.split()[-1] == first for o in spans)


#: Words right before a name that make it a ship's ("the Liberian-flagged Tutor", "the tanker Sig").
_VESSEL_BEFORE = re.compile(r"(?:-flagged|\b(?:ship|vessel|tanker|freighter|carrier|cargo ship|bulk carrier|"
                            r"container ship|frigate|warship|cruiser|corvette|ferry|trawler|yacht|boat))\s+$", re.I)


def vessel_name(text: str, sp: Span) -> bool:
    """True for a ship's name ("the Liberian-flagged Tutor", "the tanker Sig"): no place, whatever NER tagged it."""
    return _VESSEL_BEFORE.search(text[max(0, sp.start - 40):sp.start]) is not None


def actor_claimed(sp: Span, actors: Sequence[Entity]) -> bool:
    """True when a linked actor holds the span, or a linked organisation is written with this acronym elsewhere, or the
    span is a name the text gives as a person's alias ("…, known as X": ``actors.link.ALIAS_STAGE``)."""
    from dateline.resolve.actors.link import ALIAS_STAGE

    for e in actors:
        if e.kind == "person" and any(m.stage == ALIAS_STAGE and m.start < sp.end and sp.start < m.end
                                      for m in e.mentions):
            return True
        if e.kind in ("person", "org") and e.status in ("linked", "resolved") and e.confidence >= ACTOR_LINK_MIN_CONF:
            if any(m.start < sp.end and sp.start < m.end for m in e.mentions):
                return True
            if e.kind == "org" and sp.text.isupper() and any(m.text == sp.text for m in e.mentions):
                return True  # one sense per article: "IAEA" is the agency everywhere, never an alias of Tripoli
    return False
