"""Normalise article text for shingling and comparison.

Case is folded, curly quotes and dashes become ASCII, whitespace collapses, and digits
are kept (figures are evidence: "73 kilometers" and "37 kilometers" must differ).
Names get a *skeleton* key that survives common transliteration garbles
(kh/h, y/i, doubled letters, dropped vowels) so that spun and garbled copies of one
story still share their name keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from anyascii import anyascii

#: Curly quotes, guillemets, dashes and odd spaces folded to ASCII (str.replace per pair is
#: much faster than str.translate with a dict on long texts).
_FOLD = (("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u00ab", '"'), ("\u00bb", '"'),
         ("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u2032", "'"),
         ("\u2014", "-"), ("\u2013", "-"), ("\u2012", "-"), ("\u2212", "-"), ("\u00a0", " "))
_WS_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[a-z0-9]+(?:['.,][a-z0-9]+)*")
_TOKEN_RE = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF0-9]+(?:['\u2019.,-][A-Za-z\u00C0-\u024F\u0400-\u04FF0-9]+)*")
_SENT_RE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n\s*\n")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Gov|Sen|Rep|St|Jr|Sr|No|U\.S|U\.N|U\.K|vs|approx)\.$")


def fold(text: str) -> str:
    """Return ``text`` in NFKC with ASCII quotes and dashes and single spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        for a, b in _FOLD:
            if a in text:
                text = text.replace(a, b)
    return _WS_RE.sub(" ", text).strip()


def normalise(text: str) -> str:
    """Return case-folded, quote- and dash-normalised text with collapsed whitespace."""
    return fold(text).lower()


def words(text: str) -> list[str]:
    """Return the normalised words of ``text`` (digits kept, "1,200" stays one word)."""
    return _WORD_RE.findall(normalise(text))


def shingles(text: str, k: int = 3) -> set[str]:
    """Return the set of ``k``-word shingles of the normalised text."""
    w = words(text)
    if len(w) < k:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + k]) for i in range(len(w) - k + 1)}


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield (token, start, end) for every word-like token of the original text."""
    for m in _TOKEN_RE.finditer(text):
        yield m.group(0), m.start(), m.end()


def sentences(text: str) -> list[tuple[str, int, int]]:
    """Split text into sentences: (sentence, start, end) with offsets into ``text``."""
    out: list[tuple[str, int, int]] = []
    start = 0
    for m in _SENT_RE.finditer(text):
        piece = text[start:m.start()]
        if _ABBREV.search(piece.rstrip("\"'\u201d\u2019)")):
            continue
        _add(out, text, start, m.start())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[tuple[str, int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if piece:
        out.append((piece, start + lead, start + lead + len(piece)))


#: Spelling rules applied before vowels are dropped; each maps a transliteration
#: variant onto one form (order matters: digraphs first).
_SKELETON_RULES = (("kh", "h"), ("gh", "g"), ("zh", "z"), ("ck", "k"), ("ph", "f"), ("q", "k"),
                   ("w", "v"), ("j", "i"), ("y", "i"), ("x", "ks"))


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """Return a garble-tolerant key: ASCII, rule-folded, doubled letters and inner vowels dropped.

    >>> skeleton("Khrystenko") == skeleton("Hristenko") == skeleton("Hrysstenko")
    True
    """
    s = anyascii(name).lower()
    s = re.sub(r"[^a-z0-9]", "", s)
    if not s or s.isdigit():
        return s
    for a, b in _SKELETON_RULES:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s[0] + re.sub(r"[aeiou]", "", s[1:])
