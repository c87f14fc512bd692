"""Matching keys for place names: plain, folded (transliteration-blind) and skeleton.

The same functions build the index (``scripts/build_gazetteer.py``) and query it, so a
name and any of its romanisations meet on one key:

* :func:`plain_key` — ASCII, lowercase, punctuation and apostrophes removed;
* :func:`fold_key` — :func:`plain_key` with the spelling choices of Ukrainian and
  Russian romanisations folded together (kh/h/g, ts/tz, j/y, y/i/ii/iy, ye/e, w/v,
  doubled letters ...): ``Kupyansk``, ``Kupiansk`` and ``Kup'yans'k`` share one key;
* :func:`skeleton_key` — the consonant skeleton of :func:`fold_key` with voiced and
  voiceless pairs merged (b/p, d/t, g/k/h, v/f, z/s); used only to *block* candidates
  for fuzzy scoring (``Bahmud`` and ``Bakhmut`` share ``pkmt``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_APOS = re.compile(r"[\u2019\u2018'`\u02bc\u02b9\u02ba\u2032\u00b4\"]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SAINT = re.compile(r"\b(st|ste|saint|sainte|san)\b")
_MOUNT = re.compile(r"\b(mt|mount)\b")
_FORT = re.compile(r"\b(ft|fort)\b")
# Ordered rewrites: multi-letter romanisation choices first, then single letters.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("shch", "sc"),
    ("sch", "sc"),
    ("tsch", "c"),
    ("tch", "c"),
    ("ch", "h"),
    ("kh", "h"),
    ("gh", "h"),
    ("g", "h"),
    ("zh", "z"),
    ("ts", "c"),
    ("tz", "c"),
    ("cz", "c"),
    ("ph", "f"),
    ("w", "v"),
    ("j", "y"),
    ("x", "ks"),
    ("q", "k"),
)
_DOUBLE = re.compile(r"([a-z])\1+")
_VOWELS = str.maketrans("", "", "aeiouy")
_VOICE = str.maketrans({"b": "p", "d": "t", "g": "k", "h": "k", "q": "k", "c": "s", "z": "s", "v": "f", "w": "f", "x": "s"})


@lru_cache(maxsize=65536)
def plain_key(text: str) -> str:
    """Return ASCII lowercase words of ``text`` with apostrophes and punctuation removed."""
    s = _APOS.sub("", text)
    s = anyascii(s).lower()
    s = _APOS.sub("", s)
    s = _NON_ALNUM.sub(" ", s)
    return " ".join(s.split())


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """Return the transliteration-blind key of ``text`` (see module docstring)."""
    s = plain_key(text)
    s = _SAINT.sub("saint", s)
    s = _MOUNT.sub("mount", s)
    s = _FORT.sub("fort", s)
    for a, b in _FOLDS:
        if a in s:
            s = s.replace(a, b)
    s = s.replace("ye", "e").replace("y", "i")
    s = _DOUBLE.sub(r"\1", s)
    s = s.replace("ie", "e").replace("ia", "a").replace("iu", "u").replace("io", "o")
    return s


def skeleton_key(text: str) -> str:
    """Return the consonant skeleton of ``text``: a blocking key for fuzzy matching."""
    f = fold_key(text).replace(" ", "")
    if not f:
        return ""
    s = f.translate(_VOWELS).translate(_VOICE)
    return _DOUBLE.sub(r"\1", s)


def is_latin_or_cyrillic(text: str) -> bool:
    """Return True if every letter of ``text`` is Latin or Cyrillic."""
    for ch in text:
        if ch.isalpha() and not (ch < "\u0250" or "\u0400" <= ch <= "\u052f" or "\u1e00" <= ch <= "\u1eff"):
            return False
    return True


def has_cyrillic(text: str) -> bool:
    """Return True if ``text`` holds a Cyrillic letter."""
    return any("\u0400" <= ch <= "\u052f" for ch in text)


_VOWEL_RUN = re.compile(r"[aeiouy]+")


def vowel_class(key: str) -> str:
    """Return a folded key with every vowel run replaced by one "V" (a vowel-blind form)."""
    return _VOWEL_RUN.sub("V", key)


_FINAL_VOWEL_H = re.compile(r"(?<=[aeiy])h$")
_FINAL_VOWEL = re.compile(r"(?<=[a-z][a-z])[ae]$")


def drop_final_h(word: str) -> str:
    """Return ``word`` less a final "h" after a vowel: an Arabic *ta marbuta*, written -a, -ah, -e or -eh."""
    return _FINAL_VOWEL_H.sub("", word)


def final_h_variant(key: str) -> str | None:
    """Return the folded key with its last word's final "h" after a vowel dropped, or added after a final a/e.

    Arabic names end in a *ta marbuta* that romanisations write -a, -ah, -e or -eh ("Jazira", "Jazirah";
    "Saada", "Saadah"), and the gazetteer holds one of them.  None when the key ends otherwise.
    """
    if (dropped := drop_final_h(key)) != key:
        return dropped
    if _FINAL_VOWEL.search(key):
        return key + "h"
    return None


_CONSONANT = "bcdfghjklmnpqrstvwxz"


def ocr_variants(key: str) -> list[str]:
    """Return readings of a folded key with one kind of OCR slip undone: "rn" read for "m" ("Tirnergara"), an "l"
    between consonants read for "i" ("Mogadlshu"), "cl" for "d".  Empty when the key has none of them."""
    out = []
    if "rn" in key:
        out.append(key.replace("rn", "m"))
    for i in range(1, len(key) - 1):
        if key[i] == "l" and key[i - 1] in _CONSONANT and key[i + 1] in _CONSONANT:
            out.append(key[:i] + "i" + key[i + 1:])
    if "cl" in key:
        out.append(key.replace("cl", "d"))
    return [v for v in dict.fromkeys(out) if v != key]
