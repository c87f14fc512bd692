"""Organisations: acronyms, exact names, and word-bag matching that ignores word order.

"Russia's Defense Ministry", "the Russian Defense Ministry" and "Moscow's defence ministry"
all give country RU and the bag {defense, ministri}; "Institute for X Studies" and
"Institute for the Study of X" give the same bag.  A country named in the span (or just
before it) must agree with the KB organisation's country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import JaroWinkler

from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.names import fold, org_bag, skeleton, strip_country
from dateline.resolve.actors.orgslip import SLIP_CONFIDENCE, slipped_candidates

#: Confidence of an exact acronym, name or word-bag match with an agreeing country.
EXACT_CONFIDENCE = 0.9
#: Word-bag overlap (fuzzy Jaccard) needed to link a reworded name; tuned on the seed's and the
#: look-alike set's organisation names (one wrong or missing content word in three is allowed).
BAG_LINK_JACCARD = 0.66
#: Fuzzy word-bag links need this many content words on both sides: one extra word on a
#: two-word name ("New People Party" vs the party "New People") is too weak (seen on GUM news).
FUZZY_MIN_WORDS = 3
#: Two words are the same word when this close (Jaro-Winkler): "Studies"/"Study" after stemming.
WORD_JW = 0.92


@dataclass(frozen=True)
class OrgMatch:
    actor: dict[str, Any] | None
    confidence: float
    evidence: tuple[str, ...]
    candidates: tuple[dict[str, Any], ...] = ()


def _fuzzy_jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    hits = sum(1 for w in a if w in b or any(JaroWinkler.similarity(w, x) >= WORD_JW for x in b))
    return hits / (len(a) + len(b) - hits) if a and b else 0.0


def _national(actor: dict[str, Any]) -> bool:
    """Return True when the organisation's own name names a country ("Israel Defense Forces").

    Such a name reworded without its country ("Defense Forces") may be any country's body,
    so it links only with a country stated in or before the span.
    """
    return _name_country(actor) is not None


def _stated_country_ok(actor: dict[str, Any], country: str | None) -> bool:
    """Return False when a country is stated but the body is international ("British Red Cross" is not the ICRC).

    A body whose own name states that country is fine whatever its seat ("Observatory for Syrian Human
    Rights" is the Syrian Observatory for Human Rights, a Britain-based monitor the KB gives no country).
    """
    return country is None or actor.get("country") == country or _name_country(actor) == country


def _name_country(actor: dict[str, Any]) -> str | None:
    """Return the country the organisation's own name states ("Syrian Observatory …" -> SY), if any."""
    return strip_country(fold(actor["name"]).split())[1]


def _country_ok(actor: dict[str, Any], country: str | None) -> bool:
    """True when no country is stated, or the body has no seat or that seat, or its own name states it.

    "Russian Volunteer Corps" states Russia though the KB seats the corps in Ukraine, where it fights.
    """
    return country is None or actor.get("country") in (None, country) or _name_country(actor) == country


#: Shortest one-word name read as the singular of a KB name ending in "s" ("Houthi" -> "Houthis").
#: Four-letter words are too often other things ("Hama", the Syrian city, against "Hamas").  Set by judgement.
SINGULAR_MIN_LETTERS = 5


#: A ministry's generic initials, which every government's ministry shares ("Russian MoD", "Ukraine's MFA"): with a
#: country beside them they are that country's ministry.
_MINISTRIES = {"mod": "Ministry of Defence", "mfa": "Ministry of Foreign Affairs", "moi": "Ministry of Internal Affairs"}
_MINISTRY_INITIALS = re.compile(r"\b(?:MoD|MOD|MFA|MoI|MOI)\b")
#: Dotted initials before a name's words ("U.S.", "U.K.", "U.N."): one word, as the KB writes it.
_DOTTED_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}(?=\s+[A-Z])")


def match_org(kb: ActorKB, text: str, country: str | None) -> OrgMatch:
    """Match one organisation span against the KB.

    Args:
        kb: the actor KB.
        text: the span text ("Defense Ministry", "ISW").
        country: a country stated just before the span ("Russia's"), if any.
    """
    if text.isupper() and 2 <= len(text) <= 7:
        hits = [kb.actors[i] for i in kb.acronym.get(text, []) if _country_ok(kb.actors[i], country)]
        declared = [a for a in hits if text in {x.upper() for x in a.get("acronyms", [])}]
        if len(declared) == 1:
            return OrgMatch(declared[0], EXACT_CONFIDENCE, ("acronym",))
        if hits:  # initials generated from a name are a guess ("ECM" may be a garbled place): no link alone
            return OrgMatch(None, 0.3, ("acronym:ambiguous" if declared else "acronym:generated-only",), tuple(hits))
    text = _DOTTED_INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)  # "U.S. State Department" -> "US ..."
    if " " in text.strip():  # "Russian MoD": a country's generic ministry initials, written out
        text = _MINISTRY_INITIALS.sub(lambda m: _MINISTRIES[m.group(0).lower()], text)
    words, named = strip_country(fold(text).split())
    country = country or named
    exact = [kb.actors[i] for i in kb.form.get(fold(text), []) if kb.actors[i]["kind"] == "org"]
    if len(exact) == 1 and _country_ok(exact[0], country):
        return OrgMatch(exact[0], EXACT_CONFIDENCE, ("name:exact",))
    bag = org_bag(" ".join(words))
    if not bag:
        return OrgMatch(None, 0.0, ("bag:empty",))
    if len(text.split()) == 1 and not named:  # one word: its spelling, not its stem ("Hama" is no "Hamas")
        w = re.sub(r"['’]s?$", "", fold(text))
        plural = w + "s" if len(w) >= SINGULAR_MIN_LETTERS else None  # "Houthi" of "Houthis"; "Hama" is too short to guess
        for form in (w, w[:-1] if w.endswith("s") else None, plural):  # "Hezbollah's", "Huthis" (the plural of a name)
            hits = [kb.actors[i] for i in kb.form.get(form or "", []) if kb.actors[i]["kind"] == "org"]
            if len(hits) == 1 and _country_ok(hits[0], country):
                return OrgMatch(hits[0], EXACT_CONFIDENCE, ("name:exact",))
        variant = _word_variant(kb, w, country)
        if variant.actor is None and " " in w:  # a hyphenated name ("al-Shabaab") may carry a slip in a part
            return _slipped(kb, text, country, variant)
        return variant
    same = [kb.actors[i] for i in kb.bag.get(bag, [])]
    fits = [a for a in same if _country_ok(a, country)]
    if len(fits) == 1 and (country or (len(same) == 1 and not _national(fits[0]))) and _stated_country_ok(fits[0], country):
        ev = ("bag:exact", f"country:{country}") if country else ("bag:exact",)
        return OrgMatch(fits[0], EXACT_CONFIDENCE if country else 0.6, ev)
    if fits:
        return OrgMatch(None, 0.3, ("bag:ambiguous",), tuple(fits))
    fuzzy = _fuzzy(kb, bag, country)
    return fuzzy if fuzzy.actor is not None else _slipped(kb, text, country, fuzzy)


def _slipped(kb: ActorKB, text: str, country: str | None, fallback: OrgMatch) -> OrgMatch:
    """Link a name with a spelling slip in one word (``orgslip``); ``fallback`` when none or several fit.

    Several fitting bodies (a national body's name with no country) are returned as ambiguous
    candidates, so that the story's home country may still choose among them.
    """
    cands, named = slipped_candidates(kb, fold(text))
    country = country or named
    fits = [a for a in cands if _country_ok(a, country) and _stated_country_ok(a, country)]
    if len(fits) == 1 and (country or not _national(fits[0])):
        return OrgMatch(fits[0], SLIP_CONFIDENCE, ("name:slip", *((f"country:{country}",) if country else ())))
    if fits:
        return OrgMatch(None, 0.3, ("bag:ambiguous", "name:slip"), tuple(fits))
    return fallback


#: A one-word name read as a spelling variant of a one-word KB name ("Rossatom", "Enerhoatom"):
#: at least this many letters, the same consonant skeleton, and this Jaro-Winkler similarity.
#: Set by judgement on invented transliteration variants (Gasprom/Gazprom 0.92, Hama/Hamas is too short).
WORD_VARIANT_MIN_LETTERS = 6
WORD_VARIANT_MIN_JW = 0.9
WORD_VARIANT_CONFIDENCE = 0.7


_WORD_INDEX: dict[int, tuple[ActorKB, dict[str, list[tuple[str, list[int]]]]]] = {}


def _one_word_orgs(kb: ActorKB) -> dict[str, list[tuple[str, list[int]]]]:
    """Return the KB's one-word organisation names by consonant skeleton (built once per KB)."""
    held = _WORD_INDEX.get(id(kb))
    if held is not None and held[0] is kb:  # the KB is held too, so its id cannot be reused by another
        return held[1]
    index: dict[str, list[tuple[str, list[int]]]] = {}
    for form, idx in kb.form.items():
        orgs = [i for i in idx if kb.actors[i]["kind"] == "org"]
        if " " not in form and orgs:
            index.setdefault(skeleton(form), []).append((form, orgs))
    _WORD_INDEX[id(kb)] = (kb, index)
    return index


def _word_variant(kb: ActorKB, w: str, country: str | None) -> OrgMatch:
    """Match a one-word name to the one KB organisation spelled nearly alike (transliteration drift, a doubled letter)."""
    if len(w) < WORD_VARIANT_MIN_LETTERS:
        return OrgMatch(None, 0.0, ("single-word:no-exact",))
    index = _one_word_orgs(kb)
    spellings = dict.fromkeys((w, w.replace("z", "c"), w.replace("ts", "c")))  # German Z, Slavic Ts for C: "Zentr-"
    hits = {a["id"]: a for x in spellings for form, idx in index.get(skeleton(x), ())
            if JaroWinkler.similarity(form, x) >= WORD_VARIANT_MIN_JW
            for a in (kb.actors[i] for i in idx) if _country_ok(a, country)}
    if len(hits) == 1:
        return OrgMatch(next(iter(hits.values())), WORD_VARIANT_CONFIDENCE, ("name:word-variant",))
    return OrgMatch(None, 0.0, ("single-word:no-exact",), tuple(hits.values()))


def _numbers(words: frozenset[str]) -> frozenset[str]:
    """Return the numbered words of a name's bag ("5th", "72nd", "1"): a unit's number is its identity."""
    return frozenset(w for w in words if w[:1].isdigit())


def _fuzzy(kb: ActorKB, bag: frozenset[str], country: str | None) -> OrgMatch:
    """Match a reworded name by fuzzy word-bag overlap."""
    scored: list[tuple[float, str, dict[str, Any]]] = []
    numbers = _numbers(bag)
    for key, idx in kb.bag.items():
        if not key & bag:  # blocking: share at least one stemmed word
            continue
        if _numbers(key) != numbers:  # "5th Separate Assault Brigade" is not the 92nd; an unnumbered one is neither
            continue
        j = _fuzzy_jaccard(bag, key) if min(len(key), len(bag)) >= FUZZY_MIN_WORDS else 0.0
        for i in idx:
            if _country_ok(kb.actors[i], country) and _stated_country_ok(kb.actors[i], country):
                scored.append((j, kb.actors[i]["id"], kb.actors[i]))
    scored.sort(key=lambda t: (-t[0], t[1]))
    if not scored:
        return OrgMatch(None, 0.0, ("no-candidate",))
    best = scored[0]
    runner = next((s for s in scored[1:] if s[2]["id"] != best[2]["id"]), None)
    if best[0] >= BAG_LINK_JACCARD and len(bag) >= 2 and (runner is None or runner[0] < best[0]) \
            and (country or not _national(best[2])):
        return OrgMatch(best[2], round(0.5 + 0.4 * best[0], 3), (f"bag:fuzzy={best[0]:.2f}",))
    return OrgMatch(None, round(0.4 * best[0], 3), (f"bag:fuzzy={best[0]:.2f}",), tuple(s[2] for s in scored[:3]))
