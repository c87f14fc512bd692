"""Name keys shared by the KB build and the linker: folding, skeletons, org bags, countries.

Everything here is pure and cheap (no heavy imports), so that loading the KB stays fast.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from dateline.resolve.gazetteer.keys import drop_final_h

_EXTRA_FOLD = str.maketrans({"ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i", "ʹ": "", "ʺ": ""})
_APOS = re.compile(r"[’'`ʼ′]")
_CYR = re.compile(r"[\u0400-\u04ff]")


@functools.lru_cache(maxsize=65536)  # names recur across mentions and KB candidates
def fold(text: str) -> str:
    """Lowercase, strip diacritics and apostrophes, squeeze spaces: the ASCII key of a name."""
    s = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _APOS.sub("", s.translate(_EXTRA_FOLD))
    s = re.sub(r"[^a-z0-9\u0400-\u04ff]+", " ", s)
    return s.strip()


#: The Arabic article of a surname written with a hyphen ("al-Saleh", "el-Sisi", "ash-Shaibani").
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "az", "ar", "an"})


def person_parts(text: str) -> list[str]:
    """Return the folded words of a person's name, a lone hyphenated "Al-Saleh" read as the one surname "saleh"."""
    parts = fold(text).split()
    if len(parts) == 2 and parts[0] in ARABIC_ARTICLES and "-" in text and " " not in text.strip():
        return parts[1:]
    return parts


def has_cyrillic(text: str) -> bool:
    return bool(_CYR.search(text))


# Consonant skeleton: vowels dropped, voiced/voiceless and transliteration pairs folded.
# Chosen so that romanisation variants (Kh/H/G, Ts/S, Y/I, Zh/Z) and common voicing slips share a key; German
# Tsch and Dsch (and Dzh) are the English Ch and J of a Cyrillic Ч and Дж ("Tschibis" / "Chibis"); Hungarian Cs, Sz,
# Zs and Polish Cz, Sz write Ch, S and Zh ("Csernov" / "Chernov").  A digit inside a word is an OCR slip for the
# letter it looks like ("Petr0v"), and so is "rn" for "m" ("Azarn").
_DIGRAPHS = (("tsch", "ch"), ("dsch", "j"), ("dzh", "j"), ("shch", "s"), ("sch", "s"), ("cs", "ch"), ("cz", "ch"),
             ("sz", "s"), ("zs", "s"), ("kh", "k"), ("zh", "s"), ("ts", "s"), ("tz", "s"), ("ch", "k"),
             ("sh", "s"), ("th", "t"), ("ph", "f"), ("ck", "k"), ("x", "ks"), ("w", "v"), ("q", "k"))
_OCR_DIGITS = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "8": "b"})
_CONS = str.maketrans({"b": "p", "d": "t", "g": "k", "h": "k", "c": "k", "v": "f", "z": "s", "j": "", "y": ""})


@functools.lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Return the consonant skeleton of one folded name token ("syniehubov" -> "snkpf")."""
    s = fold(token).replace(" ", "")
    if not s.isdigit():
        s = s.translate(_OCR_DIGITS)
    s = s.replace("rn", "m")  # an OCR slip ("Azarn" for Azam); "Kornilov" and "Komilov" share a key, a small cost
    s = drop_final_h(s)  # a final h after a vowel is a spelling choice (Rudeineh, Rudaina)
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = re.sub(r"[aeiou]", "", s).translate(_CONS)
    return re.sub(r"(.)\1+", r"\1", s)


# ------------------------------------------------------------------ organisations

_ORG_STOP = {"the", "of", "for", "and", "on", "in", "at", "to", "de", "a", "an", "s"}
#: The small words an organisation's word bag leaves out ("of", "the", "for" ...).
ORG_SMALL_WORDS = frozenset(_ORG_STOP)
_SPELL = {"defence": "defense", "organisation": "organization", "programme": "program", "centre": "center"}
# Word-choice slips that mean the same in an organisation name (a "department" of defence is a ministry).
_SYNONYM = {"department": "ministry", "office": "office", "studies": "study", "agency": "agency", "forces": "force"}


def stem(word: str) -> str:
    """Return a crude stem that makes singular/plural and -y/-ies forms meet."""
    w = _SPELL.get(word, word)
    w = _SYNONYM.get(w, w)
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if w.endswith("y"):
        w = w[:-1] + "i"
    return w


def org_bag(name: str, drop: set[str] | frozenset[str] = frozenset()) -> frozenset[str]:
    """Return the set of stemmed content words of an organisation name (word order ignored)."""
    return frozenset(stem(w) for w in fold(name).split() if w not in _ORG_STOP and w not in drop)


def acronym_of(name: str) -> str:
    """Return the initials of the content words ("Institute for the Study of War" -> "ISW")."""
    return "".join(w[0] for w in fold(name).split() if w not in _ORG_STOP).upper()


# ------------------------------------------------------------------ countries

#: Demonyms, country names, capitals and metonyms -> ISO 3166 alpha-2 (public facts).
COUNTRY_WORDS: dict[str, str] = {}
for _code, _words in {
    "UA": "ukraine ukrainian ukrainians kyiv kiev",
    "RU": "russia russian russians moscow kremlin",
    "BY": "belarus belarusian minsk",
    "US": "us usa u s united states american americans washington pentagon",
    "GB": "uk britain british united kingdom london england",
    "DE": "germany german berlin",
    "FR": "france french paris",
    "PL": "poland polish warsaw",
    "IT": "italy italian rome",
    "TR": "turkey turkish turkiye ankara",
    "CN": "china chinese beijing",
    "IR": "iran iranian tehran",
    "IL": "israel israeli",
    "PS": "palestine palestinian gaza",
    "SY": "syria syrian damascus",
    "KP": "north korea north korean pyongyang",
    "KR": "south korea south korean seoul",
    "JP": "japan japanese tokyo",
    "IN": "india indian",
    "CA": "canada canadian ottawa",
    "EE": "estonia estonian",
    "LV": "latvia latvian",
    "LT": "lithuania lithuanian",
    "FI": "finland finnish helsinki",
    "SE": "sweden swedish stockholm",
    "NO": "norway norwegian",
    "HU": "hungary hungarian budapest",
    "MD": "moldova moldovan",
    "GE": "georgia georgian tbilisi",
    "AM": "armenia armenian",
    "AZ": "azerbaijan azerbaijani",
    "KZ": "kazakhstan kazakh",
    "SA": "saudi arabia saudi",
    "QA": "qatar qatari",
    "EG": "egypt egyptian",
    "LB": "lebanon lebanese",
    "YE": "yemen yemeni",
    "SD": "sudan sudanese",
    "NL": "netherlands dutch",
    "BE": "belgium belgian",
    "ES": "spain spanish",
    "AT": "austria austrian",
    "CZ": "czech",
    "SK": "slovakia slovak",
    "RO": "romania romanian",
    "BG": "bulgaria bulgarian",
    "RS": "serbia serbian",
    "DK": "denmark danish",
    "AU": "australia australian",
    "VA": "vatican",
    "IQ": "iraq iraqi baghdad",
    "JO": "jordanian",
    "AF": "afghanistan afghan kabul",
    "PK": "pakistan pakistani islamabad",
    "MM": "myanmar burma burmese",
    "ML": "mali malian bamako",
    "NE": "nigerien",
    "BF": "burkinabe",
    "NG": "nigeria nigerian",
    "ET": "ethiopia ethiopian",
    "SO": "somalia somali",
    "LY": "libya libyan",
    "RW": "rwanda rwandan",
    "TD": "chadian",
    "CH": "switzerland swiss",
    "IE": "ireland irish",
    "GR": "greece greek",
    "PT": "portugal portuguese",
    "HR": "croatia croatian",
    "XK": "kosovo",
}.items():
    for _w in _words.split():
        COUNTRY_WORDS[_w] = _code
for _phrase, _code in (("north korea", "KP"), ("north korean", "KP"), ("south korea", "KR"), ("south korean", "KR"),
                       ("united states", "US"), ("united kingdom", "GB"), ("saudi arabia", "SA")):
    COUNTRY_WORDS[_phrase] = _code
# The bare words "north"/"south"/"united"/"states"/"kingdom"/"arabia" are not countries on their own.
for _w in ("north", "south", "united", "states", "kingdom", "arabia", "korea", "korean", "s", "u"):
    COUNTRY_WORDS.pop(_w, None)
COUNTRY_WORDS["us"] = "US"


@functools.lru_cache(maxsize=1)
def _country_name_keys() -> frozenset[str]:
    import pycountry

    names = set()
    for c in pycountry.countries:
        for name in (getattr(c, "common_name", None), c.name):
            if name and "," not in name:
                names.add(fold(name))
    return frozenset(names) | frozenset(COUNTRY_WORDS)


def is_country_name(word: str) -> bool:
    """True when the folded word is a country's own name or demonym ("Slovenia", "slovenian")."""
    return fold(word) in _country_name_keys()


def country_of(word: str) -> str | None:
    """Return the ISO code a demonym, country name or capital stands for ("Moscow's" -> "RU")."""
    return _lookup(fold(word))


def _lookup(w: str) -> str | None:
    """Look a folded word up, also without a possessive "s" ("russias" -> "russia")."""
    return COUNTRY_WORDS.get(w) or (COUNTRY_WORDS.get(w[:-1]) if len(w) > 3 and w.endswith("s") else None)


def strip_country(words: list[str]) -> tuple[list[str], str | None]:
    """Drop country words from a folded word list; return the rest and the country they named."""
    rest, code = [], None
    i = 0
    while i < len(words):
        pair = COUNTRY_WORDS.get(" ".join(words[i:i + 2])) if i + 1 < len(words) else None
        c, n = (pair, 2) if pair else (_lookup(words[i]), 1)  # "united states", "north korea" first
        if c and code in (None, c):
            code = c
        else:
            rest.extend(words[i:i + n])
        i += n
    return rest, code
