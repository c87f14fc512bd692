"""Name forms of Ukrainian and Russian organisation names, and Cyrillic names spelled in Latin letters.

The lexical actor linker (:mod:`dateline.resolve.actors.lexlink`) meets KB names and text
words by case-blind keys.  Organisation names need three more rules than people's:

* adjectives and plural nouns decline too ("Генерального штабу Збройних сил" =
  "Генеральний штаб Збройних сил"): :func:`org_key` strips the case endings of both;
* a name has short forms: its initials ("Збройні сили України" -> ЗСУ, "Вооружённые силы
  Украины" -> ВСУ), also inside a longer name ("Генеральний штаб ЗСУ"), the "Мин-" contraction
  ("Министерство обороны" -> Минобороны) and a state's short name for its long one
  ("Российской Федерации" -> России, РФ): :func:`org_variants`;
* a Cyrillic name the KB holds only in Latin ("Пентагону" -> Pentagon): :func:`latin_spellings`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

#: Case endings of Ukrainian and Russian adjectives and nouns, longest first (third-party grammar facts).
_ORG_ENDINGS = ("ами", "ями", "ими", "ыми", "ого", "ому", "ові", "ією", "ией", "ий", "ый", "ій", "ая", "яя", "ое",
                "ые", "ие", "их", "ых", "ах", "ях", "ам", "ям", "им", "ым", "ом", "ем", "ою", "ої", "ой", "ую", "ії",
                "ія", "ію", "ия", "ии", "ию", "а", "у", "ю", "е", "і", "и", "ы", "я", "о", "ь", "й")
#: Letters Ukrainian and Russian spell differently in the same word, folded together (as nlp/lexical.py).
_SPELLING = str.maketrans({"ё": "е", "є": "е", "ї": "и", "і": "и", "ы": "и", "ґ": "г", "'": None, "’": None, "ъ": None})
#: Shortest stem an ending is stripped to ("сил" of "силами"; "рф" is never stripped).
MIN_STEM = 3
#: Small words left out of an acronym ("Служба безпеки України" -> СБУ).
_SMALL = frozenset("і й та и в у на з с із по для при of".split())
#: A state's long name and its short names (third-party facts; every case meets through org_key).
STATE_FORMS = (
    ("Российская Федерация", "Россия", "РФ"),
    ("Російська Федерація", "Росія", "РФ"),
    ("Республика Беларусь", "Беларусь", "Белоруссия"),
    ("Республіка Білорусь", "Білорусь"),
    ("Соединённые Штаты Америки", "США"),
    ("Сполучені Штати Америки", "США"),
)
#: The ministry word a "Мин-"/"Мін-" contraction stands for ("Минобороны", "Міноборони").
_MINISTRY = "министерств"


@lru_cache(maxsize=65536)
def org_key(word: str) -> str:
    """Return the case-blind key of one Cyrillic word of an organisation name ("Збройних" -> "збройн").

    Args:
        word: one word; an all-capitals word (an acronym) is only lower-cased.
    Returns:
        The word less its case ending, with Ukrainian/Russian letter differences folded.
    """
    w = word.lower().replace("’", "'")
    if word.isupper() or len(w) <= MIN_STEM:
        return w.translate(_SPELLING)
    for end in _ORG_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= MIN_STEM:
            return w[: -len(end)].translate(_SPELLING)
    return w.translate(_SPELLING)


def org_keys(name: str) -> tuple[str, ...]:
    """Return the keys of a name's words."""
    return tuple(org_key(w) for w in name.replace("-", " ").split())


def acronym(name: str) -> str | None:
    """Return the initials of a Cyrillic name of two words or more ("Збройні сили України" -> "ЗСУ"), else None."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _SMALL]
    if len(words) < 2 or not all(w[:1].isalpha() for w in words) or any(w.isupper() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


def _state_table() -> list[tuple[tuple[str, ...], ...]]:
    return [tuple(org_keys(f) for f in forms) for forms in STATE_FORMS]


_STATES = _state_table()
#: Keys of the country names a body's name may end in ("… України", "… России"); third-party facts.
_COUNTRY_KEYS = frozenset(org_key(w) for w in "Україна України Украина Украины Росія Росії Россия России РФ".split())


def _replace(keys: tuple[str, ...], old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...] | None:
    n = len(old)
    for i in range(len(keys) - n + 1):
        if keys[i:i + n] == old:
            return keys[:i] + new + keys[i + n:]
    return None


def org_variants(keys: tuple[str, ...], acronyms: dict[tuple[str, ...], str]) -> Iterator[tuple[str, ...]]:
    """Yield the key tuple of a name and of its short forms.

    Args:
        keys: the name's org keys.
        acronyms: key tuples of other KB names -> their initials; a name holding one may use them
            ("Генеральний штаб Збройних сил України" -> "Генеральний штаб ЗСУ").
    """
    out = {keys}
    for forms in _STATES:
        for old in forms:
            for new in forms:
                for k in list(out):
                    if new != old and (r := _replace(k, old, new)):
                        out.add(r)
    for k in list(out):
        if len(k) >= 3 and k[-1] in _COUNTRY_KEYS:
            out.add(k[:-1])  # "Сил оборони півдня" of "Сили оборони півдня України": the country left implicit
    for k in list(out):
        for sub, acr in acronyms.items():
            if len(sub) < len(k) and (r := _replace(k, sub, (acr.lower().translate(_SPELLING),))):
                out.add(r)
    yield from out


_VOWELS = "аеєиіїоуюяыэё"


def contraction(name: str) -> str | None:
    """Return the compound short form of a Cyrillic name: the first word's first syllable joined to the second.

    "Генеральний штаб ЗСУ" -> "Генштаб ЗСУ", "Министерство обороны России" -> "Минобороны России",
    "Національна гвардія України" -> "Нацгвардія України" (the syllable runs to the consonants after its vowel).
    """
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[1][:1].islower():
        return None
    m = re.match(rf"^[^{_VOWELS}]*[{_VOWELS}][^{_VOWELS}]+(?=[{_VOWELS}])", words[0].lower())
    if m is None or len(m.group(0)) >= len(words[0]) - 1:
        return None
    return " ".join([words[0][: len(m.group(0))] + words[1], *words[2:]])


# ---------------------------------------------------------------- Cyrillic -> Latin

#: Cyrillic letters -> Latin, with the alternatives the KB's English spellings use (г = g in Russian, h in
#: Ukrainian; и = i or y).  Third-party romanisation facts (BGN/PCGN, Ukrainian national system).
_TRANSLIT = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g", "h"), "ґ": ("g",), "д": ("d",), "е": ("e",), "ё": ("e", "yo"),
    "є": ("ye",), "ж": ("zh",), "з": ("z",), "и": ("i", "y"), "і": ("i",), "ї": ("yi", "i"), "й": ("y", "i", ""),
    "к": ("k",), "л": ("l",), "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",),
    "т": ("t",), "у": ("u",), "ф": ("f",), "х": ("kh", "h"), "ц": ("ts", "z"), "ч": ("ch",), "ш": ("sh",),
    "щ": ("shch", "sch"), "ъ": ("",), "ы": ("y",), "ь": ("",), "э": ("e",), "ю": ("yu",), "я": ("ya",), "'": ("",),
    "’": ("",),
}
#: Most spellings tried per word (each letter with alternatives doubles them).
MAX_SPELLINGS = 16
#: Endings a Cyrillic noun in an oblique case may carry ("Пентагону" -> Пентагон); nominative first.
_NOUN_CASES = ("", "у", "а", "ом", "ові", "і", "е", "ю", "я", "ем", "ої", "ою", "ой", "ы", "и")


def latin_spellings(word: str) -> list[str]:
    """Return Latin spellings of a Cyrillic word and of its nominative forms, at most MAX_SPELLINGS each.

    Args:
        word: one Cyrillic word ("Пентагону").
    Returns:
        Lower-case Latin strings ("pentagon", "pentahon" ...), the word as written first.
    """
    w = word.lower()
    stems = [w] + [w[: -len(e)] for e in _NOUN_CASES if e and w.endswith(e) and len(w) - len(e) >= MIN_STEM]
    out: list[str] = []
    for stem in stems:
        spellings = [""]
        for ch in stem:
            alts = _TRANSLIT.get(ch, (ch,))
            spellings = [s + a for s in spellings for a in alts][:MAX_SPELLINGS]
        out.extend(s for s in spellings if s and s not in out)
    return out


def is_latin_word(text: str) -> bool:
    """Return True if ``text`` has no Cyrillic letter."""
    return not re.search(r"[\u0400-\u04ff]", text)
