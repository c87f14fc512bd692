"""Read the story's lead for what later sentences leave unsaid: the place of a toll, the summary line.

A wire story places its main happening in the lead ("Armenian separatists in Nagorno-Karabakh agreed
... a day after Azerbaijan launched an offensive") and gives the toll later without a place ("At least
32 people had been killed since the shelling began on Tuesday").  Two rules, each general:

* **Toll at the lead's place** (:func:`place_from_lead`): an attack toll whose sentence names no place
  (or only one country, the country of the lead's place) takes the lead's place, when the lead itself
  reports violence (a cue of an attack class) and names a mappable place outside the dateline.  Geo
  precision 2 at best: the toll is known to the lead's area, not to a spot.  National and cumulative
  tolls ("nationwide", "since the war began") never move, nor tolls said to be elsewhere or separate.
* **Summary line** (:func:`fold_summaries`): an event with no mappable place, no date and no toll
  ("released from prisons in Russia, Belarus, the US and four other countries in a deal") restates the
  one event of its type and subtype that the story places on the map; it folds into it.
"""

from __future__ import annotations

import dataclasses
import re

from dateline.events.classify import MIN_SCORE, score_text
from dateline.events.incidental import CUMULATIVE
from dateline.events.places import Located, Where, locate
from dateline.events.taxonomy import lookup
from dateline.model import Article, Entity, Event, Parse, Sentence

#: A lead paragraph has at least this many words (a headline, standfirst or byline line is shorter or
#: has no final stop).  Set from wire style (a lead runs 20-40 words), not tuned on a corpus.
LEAD_MIN_WORDS = 15
_FINAL = re.compile(r"[.!?][\"”’')]*\s*$")


def lead_sentence(article: Article, parse: Parse) -> Sentence | None:
    """Return the first sentence of the first paragraph that reads as prose (a lead), or None.

    Args:
        article: the article (paragraphs are separated by blank lines).
        parse: its sentences.
    Returns:
        The lead's first sentence.
    """
    text = article.text
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        para = m.group(0)
        if len(para.split()) >= LEAD_MIN_WORDS and _FINAL.search(para):
            inside = [s for s in parse.sentences if s.end > m.start() and s.start < m.end()]
            prose = [s for s in inside if len(text[s.start : s.end].split()) >= LEAD_MIN_WORDS]
            first = (prose or inside or [None])[0]  # "Yerevan (AFP) -" may parse as a sentence of its own
            # a parse may run the headline into the lead: keep the part inside the paragraph
            return dataclasses.replace(first, start=max(first.start, m.start())) if first else None
    return None


def _lead_place(article: Article, lead: Sentence, entities: tuple[Entity, ...], where: Where) -> Located | None:
    """Return the mappable place of the violence the lead reports, else None."""
    text = article.text[lead.start : lead.end]
    hits = [(ev[0], code) for code, (score, ev) in score_text(text).items()
            if score >= MIN_SCORE and lookup(code).type == "attack" and ev]
    if not hits:
        return None
    pos = lead.start + max(0, text.lower().find(hits[0][0].lower()))
    spot = locate(article.text, entities, lead.start, lead.end, pos, where)
    dl = where.dateline
    if spot is None or not spot.point or spot.entity.lat is None or (dl is not None and dl[0] <= spot.start < dl[1]):
        return None
    return spot


def _own_places(ev: Event, entities: tuple[Entity, ...]) -> list[Entity]:
    return [e for e in entities if e.kind == "place" and any(ev.start <= m.start < ev.end for m in e.mentions)]


def _movable(ev: Event, entities: tuple[Entity, ...], spot: Located, not_here: re.Pattern[str]) -> bool:
    """True for an attack toll with no mappable place of its own that the lead's place can take."""
    if ev.type != "attack" or (ev.killed is None and ev.injured is None) or ev.lat is not None:
        return False
    if not_here.search(ev.text) or CUMULATIVE.search(ev.text):
        return False
    own = _own_places(ev, entities)
    if len(own) > 1:
        return False  # "in southern Lebanon and northern Israel": several areas
    return not own or own[0].country_code == spot.entity.country_code


def place_from_lead(events: list[Event], article: Article, parse: Parse, entities: tuple[Entity, ...],
                    where: Where, not_here: re.Pattern[str]) -> list[Event]:
    """Give an unplaced attack toll the place of the violence the lead reports (see the module docstring).

    Args:
        events: merged events in text order.
        article: the article.
        parse: its sentences.
        entities: resolved entities.
        where: the parse and dateline span for :func:`locate`.
        not_here: national, elsewhere or separate tolls that never move.
    Returns:
        The events, movable tolls placed at the lead's place (geo precision 2 at best).
    """
    lead = lead_sentence(article, parse)
    spot = _lead_place(article, lead, entities, where) if lead is not None else None
    if spot is None:
        return events
    out = []
    for ev in events:
        if ev.start >= lead.end and _movable(ev, entities, spot, not_here):  # type: ignore[union-attr]
            ev = dataclasses.replace(ev, place_id=spot.entity.id, place_name=spot.name, lat=spot.entity.lat,
                                     lon=spot.entity.lon, geo_precision=max(spot.precision, 2))
        out.append(ev)
    return out


def fold_summaries(events: list[Event]) -> list[Event]:
    """Fold an unmapped, undated, toll-less event into the one mapped event of its type and subtype.

    Args:
        events: events in text order.
    Returns:
        The events without the summaries (their actors and targets join the mapped event).
    """
    out = list(events)
    for ev in events:
        if ev.lat is not None or ev.date is not None or ev.killed is not None or ev.injured is not None:
            continue
        twins = [k for k in out if k is not ev and k.type == ev.type and k.subtype == ev.subtype and k.lat is not None]
        if len(twins) != 1:
            continue
        i = out.index(twins[0])
        out[i] = dataclasses.replace(twins[0], actors=tuple(dict.fromkeys(twins[0].actors + ev.actors)),
                                     targets=tuple(dict.fromkeys(twins[0].targets + ev.targets)))
        out.remove(ev)
    return out
