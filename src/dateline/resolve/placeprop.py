"""Document-level propagation of place names: a name resolved once names the same place again.

NER tags a town as a place once and misses it, or tags it PERSON/ORG, the next time
("Alexandria police", "the Athens City Council", "Greer's main street").  Once the
place stage has resolved a name somewhere in the article, every other occurrence of
the same string (same case, or all capitals) becomes a mention of that entity, unless
it sits inside a person's name or a media title ("Jackson Browne", "Washington Post").
An occurrence at the head of an organisation name ("Athens Police Department") is a
place mention nested in the organisation's mention; both are kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from dateline.model import Entity, Mention, Sentence
from dateline.resolve.common import norm_key
from dateline.resolve.placespans import NON_PERSON_TAILS, ROLE_WORDS

STAGE = "resolve.entities.v1"
#: Label of a mention added by propagation (the NER label it may have had is evidence lost on purpose).
REPEAT_LABEL = "PLACE_REPEAT"
#: Stages whose mentions were looked up in the gazetteer (their names may spread).
SOURCE_STAGES = frozenset({"resolve.places.v1"})
#: Shortest name that is propagated ("Ky" or "Al" are too easily something else).
MIN_FORM_LEN = 3
#: An actor linked at or above this confidence keeps its span (same bar as the place stage's).
ACTOR_LINK_MIN_CONF = 0.6
#: Words after a place name that make the name a media title, not a place mention.
MEDIA_WORDS = frozenset({
    "post", "times", "journal", "herald", "tribune", "gazette", "daily", "chronicle", "observer", "register",
    "courier", "sentinel", "examiner", "star", "globe", "bulletin", "dispatch", "inquirer", "enquirer",
    "telegraph", "record", "review", "news", "press", "independent", "mail", "magazine", "radio", "tv",
})
_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+)")
#: "Commonwealth's Attorney" (the Virginia prosecutor's office) after a town's name.
COMMONWEALTH = frozenset({"commonwealth"})
_ORG_LEAD = re.compile(r"(?:[Tt]he\s+)?(?:(?:[A-Z][\w.&'’-]*\s+)+(?:of|for)\s+(?:the\s+)?)?$")


def _forms(ent: Entity) -> set[str]:
    """Return the surface forms of an entity worth propagating.

    Only names the place stage geocoded spread (not an actor's leftover repeats it inherited), and
    only when the name is the entity's own name: a form that reached the place through a loose key
    or a fuzzy match ("Ismaili" -> Ismayilli) is a guess, and spreading it spreads the error.
    """
    own = norm_key(ent.name)
    return {m.text for m in ent.mentions if len(m.text) >= MIN_FORM_LEN and m.text[:1].isupper()
            and m.stage in SOURCE_STAGES and norm_key(m.text) == own}


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Return (start, end) of every whole-word occurrence of ``form`` written as a name.

    Any capitalisation counts whose words all start with a capital ("ROSWELL" and "Roswell"),
    never a lower-case one ("mobile" for "Mobile").
    """
    pat = re.compile(rf"(?<![\w.'’]){re.escape(form)}(?![\w])", re.IGNORECASE)
    return [m.span() for m in pat.finditer(text) if all(w[:1].isupper() for w in m.group().split())]


def _media(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1).lower() in MEDIA_WORDS


def _role_next(text: str, end: int) -> bool:
    """Return True if the word after ``end`` is an office or role word ("Athens Parks", "Alexandria Commonwealth's Attorney")."""
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1).lower() in ROLE_WORDS | NON_PERSON_TAILS | COMMONWEALTH


def _strong_actor(ent: Entity) -> bool:
    return ent.status in ("linked", "resolved") and ent.confidence >= ACTOR_LINK_MIN_CONF


def _allowed(text: str, a: int, b: int, holder: Entity, m: Mention) -> bool:
    """Return True if an occurrence inside another entity's mention ``m`` may be a place mention."""
    if holder.kind == "person":
        # the person is just this word every time: NER's PERSON tag on a town ("Alexandria police"),
        # or the name heads the span before an office word ("Lawrenceburg Parks and Recreation")
        if _strong_actor(holder):
            return False
        return all(x.text == text[a:b] for x in holder.mentions) or (a == m.start and _role_next(text, b))
    if _strong_actor(holder):
        return False
    if (m.start, m.end) == (a, b):
        return True
    # "Athens Police Department", "Friends of the Mansfield Public Library"
    return _ORG_LEAD.fullmatch(text, m.start, a) is not None


def _geo(ent: Entity) -> bool:
    """Return True for a place or a demonym with its country."""
    return ent.kind == "place" or (ent.kind == "norp" and ent.country_code is not None)


def _sentence(sentences: Sequence[Sentence], starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1) if sentences else 0


def propagate_places(text: str, entities: Sequence[Entity], sentences: Sequence[Sentence] = ()) -> tuple[Entity, ...]:
    """Add every further occurrence of a resolved place's name as a mention of that place.

    Args:
        text: the article text the mentions index.
        entities: merged entities (places, demonyms, actors, groups).
        sentences: the parse's sentences, to number the new mentions.

    Returns:
        The entities, places with their added mentions, in the same order.
    """
    owners: dict[str, int] = {}
    for i, e in enumerate(entities):
        if e.kind == "place" and e.status in ("resolved", "ambiguous") or e.kind == "norp" and e.country_code:
            for f in _forms(e):
                owners[f] = -1 if owners.get(f, i) != i else i  # a name two entities claim is left alone
    if not owners:
        return tuple(entities)
    placed = [(m.start, m.end) for e in entities if _geo(e) for m in e.mentions]
    others = [(e, m) for e in entities if not _geo(e) for m in e.mentions]
    starts = [s.start for s in sentences]
    added: dict[int, list[Mention]] = {}
    for form, i in sorted(owners.items(), key=lambda kv: -len(kv[0])):
        if i < 0 or re.search(rf"\b{re.escape(form.lower())}\b", text):  # also a common word here ("Mobile")
            continue
        for a, b in _occurrences(text, form):
            if any(s < b and a < e for s, e in placed) or _media(text, b):
                continue
            holders = [(h, m) for h, m in others if m.start < b and a < m.end]
            if not all(_allowed(text, a, b, h, m) for h, m in holders):
                continue
            added.setdefault(i, []).append(Mention(text[a:b], a, b, REPEAT_LABEL, _sentence(sentences, starts, a), STAGE))
            placed.append((a, b))
    out = list(entities)
    for i, ms in added.items():
        out[i] = replace(out[i], mentions=tuple(sorted(out[i].mentions + tuple(ms), key=lambda m: (m.start, m.end))))
    return tuple(out)
