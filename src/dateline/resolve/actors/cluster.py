"""In-document clustering of person mentions.

Full names group when their surnames are near-identical and their first names agree;
surname-only mentions ("Konashenkov said", a possessive, a second spelling of the same
surname) join the nearest earlier group whose surname they match, else a later one.
Different first names keep people apart, however alike their surnames.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler

from dateline.model import Mention
from dateline.resolve.actors.names import person_parts, skeleton
from dateline.resolve.actors.roles import RoleInfo
from dateline.resolve.common import english_spelling

#: Surname similarity (Jaro-Winkler on folded forms) for two spellings of one surname in one
#: article; tuned on the seed article's variant pairs and the look-alike set (tests/resolve/data).
SAME_SURNAME_JW = 0.88
#: Looser bound when the consonant skeletons agree (voicing and transliteration slips).
SAME_SURNAME_SKELETON_JW = 0.72
#: First names count as the same when this close (Anthony/Antony 0.97, Pavlo/Pavel 0.88).
SAME_GIVEN_JW = 0.86


def given_compatible(a: str, b: str, symbols: dict[str, frozenset[str]] | None = None) -> str:
    """Compare two folded first names: "exact", "equiv" or "conflict"."""
    if a == b:
        return "exact"
    if symbols and symbols.get(a, frozenset()) & symbols.get(b, frozenset()):
        return "equiv"
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short):
        return "equiv"  # "Ole" for "Oleh", initials and truncations
    if len(short) == 1 and long_.startswith(short):
        return "equiv"
    if JaroWinkler.similarity(a, b) >= SAME_GIVEN_JW or (len(short) >= 4 and skeleton(a) == skeleton(b)
                                                          and _same_onset(a, b)):
        return "equiv"
    return "conflict"


_VOWEL_ONSET = frozenset("aeiouyj")


def _same_onset(a: str, b: str) -> bool:
    """True when two names open alike: both on a vowel-like letter (Yulia / Iuliia, Oleksandr / Aleksandr) or both on
    consonants of one skeleton class (Heorhiy / Georgiy); "Harel" and "Yagrel", brothers, share only a skeleton."""
    va, vb = a[:1] in _VOWEL_ONSET, b[:1] in _VOWEL_ONSET
    return va == vb and (va or skeleton(a[:1]) == skeleton(b[:1]))


#: Letters added at the end of a surname that make it another word ("Baloch" -> "Balochistan", 5). Set by judgement:
#: spellings of one name differ by a letter or two ("Zelensky" / "Zelenskyy").
SURNAME_MAX_ADDED = 3


@functools.lru_cache(maxsize=65536)
def surname_similar(a: str, b: str) -> bool:
    """Return True when two folded surnames look like spellings of one name (German spellings read the English way)."""
    if a == b or (english_spelling(a) == english_spelling(b) and min(len(a), len(b)) >= 4):
        return True
    if (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) >= SURNAME_MAX_ADDED:
        return False  # "Baloch" / "Balochistan": a name with an ending added is another word
    jw = JaroWinkler.similarity(a, b)
    return jw >= SAME_SURNAME_JW or (jw >= SAME_SURNAME_SKELETON_JW and skeleton(a) == skeleton(b))


#: "Hsu Ching-kuang", "Moon Jae-in": a family name, then a hyphenated two-syllable given name (the Wade-Giles and
#: Korean romanisations), is written family name first, and a lone "Hsu" repeats the family name.
FAMILY_FIRST_RE = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]{1,6}-[a-z]{1,6}")


def given_and_surname(text: str, parts: list[str]) -> tuple[str, str]:
    """Return (given name, surname) of a name of two or more parts, family-first names read the right way."""
    if len(parts) == 3 and FAMILY_FIRST_RE.fullmatch(text.strip()):
        return parts[1], parts[0]
    return parts[0], parts[-1]


@dataclass
class PersonGroup:
    """Mentions believed to name one person in one article."""

    mentions: list[Mention] = field(default_factory=list)
    givens: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    full: list[str] = field(default_factory=list)  # folded full names, in order
    roles: list[RoleInfo] = field(default_factory=list)
    link: str | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def add(self, m: Mention, roles: list[RoleInfo]) -> None:
        parts = person_parts(m.text)
        self.mentions.append(m)
        self.roles.extend(roles)
        given, surname = given_and_surname(m.text, parts) if len(parts) > 1 else ("", parts[0] if parts else "")
        if parts:
            self.surnames.add(surname)
        if len(parts) > 1 and not (len(parts) == 2 and self._middle(given)):
            self.givens.add(given)  # "Noor Hasan" of "Amina Noor Hassan" brings a middle name, no given name
        if len(parts) > 1:
            self.full.append(" ".join(parts))

    def _middle(self, word: str) -> bool:
        return any(len(f.split()) >= 3 and surname_similar(word, f.split()[-2]) for f in self.full)

    def matches_full(self, given: str, surname: str, symbols: dict[str, frozenset[str]]) -> bool:
        if not any(surname_similar(surname, s) for s in self.surnames):
            return False
        if self._middle(given):
            return True  # the last two words of a three-word name ("Majok Garang" of "Deng Majok Garang", respelt)
        return all(given_compatible(given, g, symbols) != "conflict" for g in self.givens)

    def matches_surname(self, surname: str, extra: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
        return any(surname_similar(surname, s) for s in self.surnames | extra)


def group_full_names(items: list[tuple[Mention, list[RoleInfo]]], symbols: dict[str, frozenset[str]]) -> list[PersonGroup]:
    """Group mentions of two or more words; return the groups in order of first mention."""
    groups: list[PersonGroup] = []
    for m, roles in items:
        parts = person_parts(m.text)
        if len(parts) < 2:
            continue
        for g in groups:
            if g.matches_full(*given_and_surname(m.text, parts), symbols):
                g.add(m, roles)
                break
        else:
            g = PersonGroup()
            g.add(m, roles)
            groups.append(g)
    return groups


LOCATIVE_EXACT_ONLY = True
#: Words before a one-word name that make it a place, not a person ("in Khar", "near Vorna"): such a word joins a
#: person's group only by the person's own surname, never by a look-alike ("Khar" is not "Khan").
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|at|near|outside|from|to|into|towards?)\s+)$")


def attach_surnames(groups: list[PersonGroup], items: list[tuple[Mention, list[RoleInfo]]],
                    known: dict[int, set[str]], text: str = "") -> list[PersonGroup]:
    """Attach one-word mentions to the nearest earlier matching group (else a later one).

    Args:
        groups: full-name groups.
        items: one-word mentions with their roles, in text order.
        known: per group index, extra surname forms (the linked KB person's surnames).
        text: the article text: a look-alike word after a locative preposition attaches to no group.

    Returns:
        The groups, plus a new group for each one-word surname that matched none.
    """
    out = list(groups)
    # one sense per text: a word written after a locative once ("in Khar") is a place's name everywhere ("Khar lies ...")
    placed = {m.text for m, _ in items if text and _LOCATIVE_BEFORE.search(text, max(0, m.start - 12), m.start)}
    for m, roles in items:
        parts = person_parts(m.text)
        if len(parts) != 1:
            continue
        s = parts[0]
        fits = [(i, g) for i, g in enumerate(out) if g.matches_surname(s, known.get(id(g), set()))]
        exact = [(i, g) for i, g in fits if s in g.surnames | known.get(id(g), set())]
        if LOCATIVE_EXACT_ONLY and (m.text in placed or exact):
            fits = exact  # the surname as written beats a look-alike ("Quarn" joins Quarn, not the town "Quarr")
        before = [(g.first, i) for i, g in fits if g.first < m.start]
        after = [(g.first, i) for i, g in fits if g.first >= m.start]
        if before:
            out[max(before)[1]].add(m, roles)
        elif after:
            out[min(after)[1]].add(m, roles)
        else:
            g = PersonGroup()
            g.add(m, roles)
            out.append(g)
    return out
