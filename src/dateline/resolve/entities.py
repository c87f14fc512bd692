"""Stage ``resolve.entities.v1``: one entity list from the actor and place views.

When both views claim the same span, the entity with the stronger resolution keeps
it (resolved beats raw, then higher confidence); the other loses that mention and
is dropped if it has none left.  Demonyms that the place stage resolved to a country
("Ukrainian" -> UA) arrive as resolved ``norp`` entities and win their spans; other
group names (NORP) are added as raw ``norp`` entities, never as places.  Ids are renumbered ``e0, e1, ...`` in order of first mention.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.model import Article, Entity, Mention, Parse
from dateline.resolve.common import group_raw
from dateline.resolve.placeprop import propagate_places
from dateline.resolve.placespans import ORG_HEAD_LABEL

_RANK = {"linked": 3, "resolved": 3, "unlinked": 2, "ambiguous": 1, "raw": 0}


def _strength(e: Entity) -> tuple[int, float]:
    return _RANK.get(e.status, 0), e.confidence


def _heir(ent: Entity, left: tuple[Mention, ...], kept: list[Entity]) -> int | None:
    """Return the index of the place that inherits an unlinked actor's leftover short repeats.

    When the place stage wins an unlinked person's or organisation's full name ("Khan Younis"),
    the actor's remaining mentions that only repeat a word of that name ("Younis") name the
    place too; they go to the place instead of leaving a one-word phantom actor.
    """
    if ent.kind not in ("person", "org") or ent.status in ("linked", "resolved") or len(left) == len(ent.mentions):
        return None
    lost = [m for m in ent.mentions if m not in left]
    for i, k in enumerate(kept):
        # the place must have taken a whole name: a place won inside "Jordan Dyer" leaves "Dyer" a person
        if k.kind != "place" or not any((a.start, a.end) == (b.start, b.end) for a in lost for b in k.mentions):
            continue
        words = {w for b in lost for w in b.text.split()}
        if all(set(m.text.split()) <= words for m in left):
            return i
    return None


def _head_place(m: Mention) -> bool:
    return m.label == ORG_HEAD_LABEL


def _owner(ent: Entity, m: Mention, article: Article | None) -> bool:
    """True for a place mention followed by a possessive ("Romania's"): it may head an organisation's mention."""
    return ent.kind == "place" and article is not None and article.text[m.end:m.end + 2] in ("'s", "’s")


def _of_tail(ent: Entity, m: Mention, article: Article | None) -> bool:
    """True for a place the NER model's organisation span ends with, after "of" ("Ports Authority of Velmora")."""
    return (ent.kind == "place" and m.label == "ORG" and article is not None
            and article.text[max(0, m.start - 4):m.start] == " of ")


def _nested(m: Mention, kind: str, s: int, e: int, k: str, owner: bool = False) -> bool:
    """Return True if a place heading an institution's name and that organisation's mention may both stand.

    "Athens" of "Athens Police Department" is a place mention inside the organisation's mention;
    neither takes the other's span; nor does "Velmora" of "Ports Authority of Velmora" (a place the
    NER model's organisation span holds).  So is a country's possessive ("Romania's" of "Romania's defence
    ministry", ``owner``).
    """
    if kind in ("place", "norp") and (_head_place(m) or owner):  # "Athens" Police Department, "Lebanese" Army
        return m.start == s and m.end < e
    if k == "place-of":  # "Velmora" of "Ports Authority of Velmora": the place closes the body's name
        return kind in ("org", "person") and m.start < s and e == m.end
    return k in ("place", "norp") and kind in ("org", "person") and m.start == s and e < m.end


#: A word that, right after a name, makes it a speaker ("Nordland wrote"): a person named in full elsewhere keeps it.
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|wrote|writes|told|added|posted|tweeted)\b")


def _speakers_kept(text: str, actors: tuple[Entity, ...], places: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Take from the places a one-word mention that a person named in full also claims and that a speech verb
    follows: "Richard Norland ... 'Libyans deserve elections,' Nordland wrote" is the envoy, not Norway's county."""
    spoken = {(m.start, m.end) for e in actors if e.kind == "person" and any(len(x.text.split()) > 1 for x in e.mentions)
              for m in e.mentions if " " not in m.text and _SPEECH_AFTER.match(text, m.end)}
    if not spoken:
        return places
    out = []
    for p in places:
        ms = tuple(m for m in p.mentions if (m.start, m.end) not in spoken)
        if ms:
            out.append(p if len(ms) == len(p.mentions) else replace(p, mentions=ms))
    return tuple(out)


def _surnames_kept(actors: tuple[Entity, ...], places: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Drop a place read only from words the NER model called a person, one of them inside a person's full name:
    "gang leader Adem Koral Velmaz ... Velmaz vanished" is the man, not a town Velma."""
    full = [(m.start, m.end) for e in actors if e.kind == "person" for m in e.mentions if len(m.text.split()) >= 2]
    if not full:
        return places

    def surname(p: Entity) -> bool:
        return (p.kind == "place" and all(m.label == "PERSON" for m in p.mentions)
                and any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for m in p.mentions for a, b in full))
    return tuple(p for p in places if not surname(p))


#: Rank of an unresolved place whose own words say it is a place ("X, a village near the border", "the village of X",
#: "killed in X"): above an unlinked person of the same name, below anything linked or resolved.
_CUED_PLACE_RANK = 2.5


def _cued_places(text: str, places: tuple[Entity, ...]) -> frozenset[str]:
    """Ids of the ambiguous places a settlement word before a mention, or a place word after it, vouches for.

    The NER model often calls a village with a two-word name a person ("Velyka Hora, a village near the border");
    when several villages bear the name the place stays ambiguous, and an unlinked person of that name used to win
    the span.  A possessive after the name ("in X's view") is no such cue.
    """
    from dateline.resolve.placecues import settlement_word_before
    from dateline.resolve.placespans import place_word_after

    return frozenset(p.id for p in places if p.kind == "place" and p.status == "ambiguous" and any(
        text[m.end:m.end + 2] not in ("'s", "’s")
        and (settlement_word_before(text, m.start, m.end) or place_word_after(text, m.end)) for m in p.mentions))


def merge_entities(parse: Parse, actors: tuple[Entity, ...], places: tuple[Entity, ...],
                   article: Article | None = None) -> tuple[Entity, ...]:
    """Reconcile overlapping claims, propagate resolved place names, and number the entities.

    Args:
        article: the article text, for propagating place names to their other occurrences
            (:mod:`dateline.resolve.placeprop`); without it nothing is propagated.
    """
    norp = group_raw((m for m in parse.mentions if m.label == "NORP"), "norp", "n", "resolve.entities.v1")
    if article is not None:
        places = _speakers_kept(article.text, actors, places)
    places = _surnames_kept(actors, places)
    cued = _cued_places(article.text, places) if article is not None else frozenset()
    pool = sorted([*actors, *places, *norp], key=lambda e: (_CUED_PLACE_RANK, e.confidence) if e.id in cued
                  else _strength(e), reverse=True)
    taken: list[tuple[int, int, str]] = []
    kept: list[Entity] = []
    for ent in pool:
        ms = tuple(m for m in ent.mentions if not any(s < m.end and m.start < e
                                                      and not _nested(m, ent.kind, s, e, k, _owner(ent, m, article))
                                                      for s, e, k in taken))
        if not ms:
            continue
        # a demonym stays nestable at the head of an organisation's name ("Russian" of "Russian Volunteer Corps")
        # so does a country's possessive at the head of its body's name ("Romania's defence ministry")
        taken.extend((m.start, m.end, ent.kind if _head_place(m) or ent.kind == "norp" or _owner(ent, m, article)
                       else "place-of" if _of_tail(ent, m, article) else "") for m in ms)
        heir = _heir(ent, ms, kept)
        if heir is not None:
            kept[heir] = replace(kept[heir], mentions=tuple(sorted(kept[heir].mentions + ms, key=lambda m: m.start)))
            continue
        kept.append(replace(ent, mentions=ms) if len(ms) != len(ent.mentions) else ent)
    if article is not None:
        kept = list(propagate_places(article.text, kept, parse.sentences))
    kept.sort(key=lambda e: min(m.start for m in e.mentions))
    mapping = {e.id: f"e{i}" for i, e in enumerate(kept)}
    return tuple(replace(e, id=mapping[e.id]) for e in kept)
