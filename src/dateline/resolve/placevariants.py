"""Join a place spelling the gazetteer cannot resolve to a place the same article names.

Content farms spin one town two or three ways in one story ("Nabatieh", "Nabatyeh", "Nabatie").
When one spelling resolves and another finds nothing in the gazetteer, the unresolved one is
most likely the same town: it joins the resolved entity when their transliteration-blind keys
(:func:`dateline.resolve.gazetteer.keys.fold_key`) are one edit apart, and only when exactly one
place of the article is that close.  The joined mention is listed with the evidence
``variant-in-article``; a spelling close to two places stays unresolved.

Likewise a short country name found through an alias ("Congo") joins the country the article
names in full ("Democratic Republic of Congo"), see :func:`join_short_country_names`.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from dateline.model import Entity
from dateline.resolve.gazetteer.keys import fold_key

#: Shortest key (letters) that may differ by one edit from another place's: shorter names are too
#: often different words ("Suda"/"Sudza").  Set by judgement.
VARIANT_MIN_LETTERS = 5
#: Most edits between the two keys.
VARIANT_MAX_EDITS = 1


def _close(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= VARIANT_MIN_LETTERS and Levenshtein.distance(a, b) <= VARIANT_MAX_EDITS


def join_variants(entities: list[Entity]) -> list[Entity]:
    """Return the entities with unresolved place spellings joined to the one resolved place they vary.

    Args:
        entities: place (and other) entities of one article.
    Returns:
        The same list, minus joined entities, with the targets' mentions extended.
    """
    resolved = [i for i, e in enumerate(entities) if e.kind == "place" and e.status == "resolved"]
    keys = {i: {fold_key(m.text) for m in entities[i].mentions} | {fold_key(entities[i].name)} for i in resolved}
    out = list(entities)
    drop: set[int] = set()
    for j, e in enumerate(entities):
        if e.kind != "place" or e.status != "unlinked":
            continue
        mine = {fold_key(m.text) for m in e.mentions}
        hits = [i for i in resolved if any(_close(a, b) for a in mine for b in keys[i])]
        if len(hits) != 1:
            continue
        t = out[hits[0]]
        out[hits[0]] = replace(t, mentions=tuple(sorted(t.mentions + e.mentions, key=lambda m: m.start)),
                               aliases_seen=tuple(dict.fromkeys((*t.aliases_seen, *(m.text for m in e.mentions)))),
                               evidence=tuple(dict.fromkeys((*t.evidence, "variant-in-article"))))
        drop.add(j)
    return [e for k, e in enumerate(out) if k not in drop]


def join_short_country_names(entities: list[Entity]) -> list[Entity]:
    """Read a short country name as the country the article names in full ("Congo" after "Democratic Republic of Congo").

    Only a country found through an alias moves, and only to a country of the article whose full
    name holds the short one as whole words; an exact name ("Sudan") always stays itself.
    """
    countries = [i for i, e in enumerate(entities) if e.kind == "place" and e.feature == "country" and e.status == "resolved"]
    out, drop = list(entities), set()
    for j in countries:
        e = entities[j]
        if "match:alias" not in e.evidence or "match:exact" in e.evidence:
            continue
        short = {f" {fold_key(m.text)} " for m in e.mentions}
        homes = [i for i in countries if i != j and any(s in f" {fold_key(m.text)} " for s in short for m in entities[i].mentions)]
        if len(homes) != 1:
            continue
        t = out[homes[0]]
        out[homes[0]] = replace(t, mentions=tuple(sorted(t.mentions + e.mentions, key=lambda m: m.start)),
                                aliases_seen=tuple(dict.fromkeys((*t.aliases_seen, *(m.text for m in e.mentions)))),
                                evidence=tuple(dict.fromkeys((*t.evidence, "short-name-in-article"))))
        drop.add(j)
    return [e for k, e in enumerate(out) if k not in drop]
