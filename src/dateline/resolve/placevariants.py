"""Join a place spelling the gazetteer cannot resolve to a place the same article names.

Content farms spin one town two or three ways in one story ("Nabatieh", "Nabatyeh", "Nabatie").
When one spelling resolves and another finds nothing in the gazetteer, the unresolved one is
most likely the same town: it joins the resolved entity when their transliteration-blind keys
(:func:`dateline.resolve.gazetteer.keys.fold_key`) are one edit (or one swap) apart, and only when exactly one
place of the article is that close.  The joined mention is listed with the evidence
``variant-in-article``; a spelling close to two places stays unresolved.

Likewise a short country name found through an alias ("Congo") joins the country the article
names in full ("Democratic Republic of Congo"), see :func:`join_short_country_names`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rapidfuzz.distance import OSA

from dateline.model import Entity, Mention
from dateline.resolve.common import english_spelling
from dateline.resolve.gazetteer.keys import fold_key

#: Shortest key (letters) that may differ by one edit from another place's: shorter names are too
#: often different words ("Suda"/"Sudza").  Set by judgement.
VARIANT_MIN_LETTERS = 5
#: Most edits between the two keys; a swap of two neighbouring letters is one edit ("Shewbo"/"Shwebo").
VARIANT_MAX_EDITS = 1


def _keys(text: str) -> set[str]:
    """Return the fold keys of a spelling as written and read from German to English ("Tschuhujiw" for Chuhuiv)."""
    return {fold_key(text), fold_key(english_spelling(text))}


#: A longer key may lose one syllable inside it ("Kantharak" for Kantharalak): at most this many letters in one run,
#: from a key at least SYLLABLE_MIN_LETTERS long, with DROP_HEAD letters kept before it and DROP_TAIL after.
#: Set by judgement.
SYLLABLE_MAX_LETTERS = 3
SYLLABLE_MIN_LETTERS = 8
DROP_HEAD, DROP_TAIL = 3, 2


def _dropped_syllable(a: str, b: str) -> bool:
    """Return True if the shorter key is the longer with one run of letters cut out of its middle."""
    short, long_ = sorted((a, b), key=len)
    k = len(long_) - len(short)
    if not 2 <= k <= SYLLABLE_MAX_LETTERS or len(long_) < SYLLABLE_MIN_LETTERS:
        return False
    return any(long_[:i] + long_[i + k:] == short for i in range(DROP_HEAD, len(long_) - k - DROP_TAIL + 1))


def _close(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= VARIANT_MIN_LETTERS and (OSA.distance(a, b) <= VARIANT_MAX_EDITS or _dropped_syllable(a, b))


def _absorb(t: Entity, mentions: tuple[Mention, ...], evidence: str) -> Entity:
    """Return place ``t`` with ``mentions`` added (in text order) and ``evidence`` noted."""
    return replace(t, mentions=tuple(sorted(t.mentions + mentions, key=lambda m: m.start)),
                   aliases_seen=tuple(dict.fromkeys((*t.aliases_seen, *(m.text for m in mentions)))),
                   evidence=tuple(dict.fromkeys((*t.evidence, evidence))))


def _join(entities: list[Entity], target_of: Callable[[int, Entity], int | None], evidence: str) -> list[Entity]:
    """Move each entity's mentions into the entity ``target_of`` names for it, and drop the moved entity."""
    out, drop = list(entities), set()
    for j, e in enumerate(entities):
        i = target_of(j, e)
        if i is None:
            continue
        out[i] = _absorb(out[i], e.mentions, evidence)
        drop.add(j)
    return [e for k, e in enumerate(out) if k not in drop]


def join_variants(entities: list[Entity]) -> list[Entity]:
    """Return the entities with unresolved place spellings joined to the one resolved place they vary.

    Args:
        entities: place (and other) entities of one article.
    Returns:
        The same list, minus joined entities, with the targets' mentions extended.
    """
    resolved = [i for i, e in enumerate(entities) if e.kind == "place" and e.status == "resolved"]
    keys = {i: {fold_key(m.text) for m in entities[i].mentions} | {fold_key(entities[i].name)} for i in resolved}

    def target(j: int, e: Entity) -> int | None:
        if e.kind != "place" or e.status != "unlinked":
            return None
        mine = {k for m in e.mentions for k in _keys(m.text)}
        hits = [i for i in resolved if any(_close(a, b) for a in mine for b in keys[i])]
        return hits[0] if len(hits) == 1 else None

    return _join(entities, target, "variant-in-article")


def join_stray_variants(entities: list[Entity], strays: list[Mention]) -> list[Entity]:
    """Return the entities with misspelt place names the NER model tagged as a person or body added to their place.

    "Gwosa" (tagged ORG, no gazetteer answer) in a story that resolves "Gwoza": a spelling one edit from
    exactly one resolved place of the article, with the same first letter, not the place's name plus an
    ending ("Ugandan", "McDonalds"), and written differently from all its mentions (an exact place name
    tagged ORG is left to the actor stage: "the Khortytsia group").

    Args:
        entities: place entities of one article.
        strays: mentions of person/organisation spans that the place ranking did not resolve.
    Returns:
        The same list, with each stray that varies one place added to it (evidence ``variant-in-article``).
    """
    resolved = [i for i, e in enumerate(entities) if e.kind == "place" and e.status == "resolved"]
    keys = {i: {fold_key(m.text) for m in entities[i].mentions} | {fold_key(entities[i].name)} for i in resolved}
    out = list(entities)
    for m in strays:
        written = m.text.lower()
        hits = [i for i in resolved if any(_stray_close(key, b) for key in _keys(m.text) for b in keys[i])]
        if len(hits) != 1 or any(x.text.lower() == written for x in out[hits[0]].mentions):
            continue
        out[hits[0]] = _absorb(out[hits[0]], (m,), "variant-in-article")
    return out


def _stray_close(a: str, b: str) -> bool:
    """The same key, or one edit apart with the same first letter and not one the other plus an ending ("Ugandan",
    "McDonalds")."""
    if a and a == b:
        return len(a) >= VARIANT_MIN_LETTERS  # written otherwise, the same key once read alike ("Tschuhujiw")
    return bool(a and b) and a[0] == b[0] and not (a.startswith(b) or b.startswith(a)) and _close(a, b)


def join_short_country_names(entities: list[Entity]) -> list[Entity]:
    """Read a short country name as the country the article names in full ("Congo" after "Democratic Republic of Congo").

    Only a country found through an alias moves, and only to a country of the article whose full
    name holds the short one as whole words; an exact name ("Sudan") always stays itself.
    """
    countries = [i for i, e in enumerate(entities) if e.kind == "place" and e.feature == "country" and e.status == "resolved"]

    def target(j: int, e: Entity) -> int | None:
        if j not in countries or "match:alias" not in e.evidence or "match:exact" in e.evidence:
            return None
        short = {f" {fold_key(m.text)} " for m in e.mentions}
        homes = [i for i in countries if i != j and any(s in f" {fold_key(m.text)} " for s in short for m in entities[i].mentions)]
        return homes[0] if len(homes) == 1 else None

    return _join(entities, target, "short-name-in-article")
