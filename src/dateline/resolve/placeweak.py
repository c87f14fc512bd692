"""Checks that keep weak spans from becoming wrong dots or false places.

A weak span is one the NER model did not call a place (PERSON, ORG, an untagged proper noun ...).
Its gazetteer hits are often a namesake found through a loose alias: a car make read as a county
("a 2000 Ford Taurus" -> Ford County), a title read through a code ("Pct. 4" -> Princeton).  These
rules say when such a hit needs more evidence, and which unmatched place-labelled spans are no place
at all (a surname, initials, a word the text also writes in lower case).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.resolve.gazetteer.abbrev import press_abbreviation
from dateline.resolve.placefocus import Scored
from dateline.resolve.placespans import Span

#: Match of a county found through its bare name ("Ford" for Ford County; ``Q_MATCH[2]`` of the gazetteer).
WEAK_COUNTY_MATCH = 0.9
#: A weak span this short (letters) matched through an alias is a code or a title, not a place ("Pct", "Lt",
#: "Dow", "Hee").  LGL docs 0-299 end to end: every such hit was false (16 of 16); shorter limits miss "Dow".
SHORT_ALIAS_MAX_LETTERS = 3
#: Characters either side of a bare county name searched for "counties"/"parishes" ("Becker, Clay and Wilkin
#: counties", "neighboring counties and their rates include: Hamilton, 6 percent").  Set by judgement (a sentence).
COUNTY_WORD_WINDOW = 150
_COUNTY_WORD = re.compile(r"\b(?:counties|parishes)\b", re.IGNORECASE)
_COUNTY_NAME = re.compile(r"\s(?:County|Parish)$")
#: A legislator's party and home county ("Clif Moore, D-McDowell").
_PARTY_BEFORE = re.compile(r"\b(?:D|R|I|DFL)-$")
#: A locative word right before a name ("telegraphed from Culpeper", "in Howell Country").
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|from|outside)\s+$")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]?\.?")


def bare_county(top: Scored) -> bool:
    """Return True if a winner is a county found only through its bare name ("Ford" for Ford County)."""
    return (top.place.feature == "district" and top.how == "alias" and top.match <= WEAK_COUNTY_MATCH
            and _COUNTY_NAME.search(top.place.name) is not None)


def county_cued(text: str, sp: Span) -> bool:
    """Return True if the text says a bare name is a county: a unit word after it, "X County" elsewhere,
    "counties" in the words around it, a legislator's party ("D-McDowell") or a locative word before it.
    """
    if sp.unit is not None or _PARTY_BEFORE.search(text, max(0, sp.start - 4), sp.start):
        return True
    if _LOCATIVE_BEFORE.search(text, max(0, sp.start - 9), sp.start):
        return True
    if re.search(rf"\b{re.escape(sp.text)}\s+(?:County|Parish)\b", text):
        return True
    return _COUNTY_WORD.search(text, max(0, sp.start - COUNTY_WORD_WINDOW), sp.end + COUNTY_WORD_WINDOW) is not None


def short_alias(sp: Span, top: Scored) -> bool:
    """Return True if a short mixed-case word wins only through an alias ("Pct" -> Princeton, "Lt" -> Lobito)."""
    letters = sum(c.isalpha() for c in sp.text)
    return (top.how == "alias" and letters <= SHORT_ALIAS_MAX_LETTERS and not sp.text.isupper()
            and press_abbreviation(sp.text.rstrip(".") + ".") is None)  # "Pa." is Pennsylvania


def lower_words(text: str) -> frozenset[str]:
    """Return the set of words the text writes in lower case (for the common-word test, once per document)."""
    return frozenset(re.findall(r"\b[a-z][a-z'’-]*\b", text))


def common_in(words: frozenset[str], sp: Span) -> bool:
    """Return True if a one-word capitalised span is also written in lower case ("Casino" and "the casino")."""
    w = sp.text
    return " " not in w and w[:1].isupper() and w.lower() in words


def no_place_unlinked(sp: Span, words: frozenset[str], spans: Sequence[Span]) -> bool:
    """Return True if a place-labelled span with no gazetteer match names no place.

    Initials ("T.R."), a capitalised common word ("Seated", "Movement") and a person's name or surname
    given in full elsewhere ("Pawlenty" after "Gov. Tim Pawlenty") are not kept as unlinked places.
    """
    if _INITIALS.fullmatch(sp.text) or common_in(words, sp):
        return True
    tail = " " + sp.text
    return any(o.label == "PERSON" and o is not sp and (o.text == sp.text or o.text.endswith(tail)) for o in spans)
