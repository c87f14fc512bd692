"""Stage ``events.v1``: typed, located, dated events, and disagreements between sources.

One candidate event per sentence whose cues classify it (or that reports casualties),
with its arguments: actors/targets (entity ids), place (entity + coordinates + ACLED
geo precision), date (ACLED time precision), killed/injured, the quote it rests on and
the evidence span.  Candidates that describe the same happening (same short type,
compatible places and dates) are merged; separate happenings stay separate.
"""

from __future__ import annotations

import dataclasses
import re

from dateline.events.casualties import count_casualties
from dateline.events.classify import classify_text
from dateline.events.dates import date_near
from dateline.events.disagreements import find_disagreements
from dateline.events.places import Located, compatible_places, locate
from dateline.model import Article, DateMention, Disagreement, Entity, Event, Parse, Quantity, Quote, Sentence

#: ACLED time precision by date precision: 1 = the day is known, 2 = the week, 3 = the month.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
#: Below this classifier score a sentence without casualties yields no event.
#: Tuned on CASE 2021 Task 2 rows with id ≡ 0 (mod 4) (same floor as classify.MIN_SCORE).
MIN_EVENT_SCORE = 2.5
_MODAL = re.compile(r"\b(could|would|might|may|if|plans? to|threaten\w*|warn\w*)\b", re.I)
_CIVILIANS = re.compile(r"\b(civilians?|residents?|people|woman|women|man|men|children|villagers?|passengers?)\b", re.I)
CIVILIANS_ID = "group:civilians"


def _quote_for(quotes: tuple[Quote, ...], start: int, end: int, pos: int) -> Quote | None:
    """Return the quote holding ``pos``, else one whose span or cue lies in [start, end)."""
    inside = [q for q in quotes if q.start <= pos < q.end]
    if inside:
        return inside[0]
    near = [q for q in quotes if start <= q.start < end or (q.cue_start is not None and start <= q.cue_start < end)]
    return near[0] if near else None


def _sides(entities: tuple[Entity, ...], start: int, end: int, pos: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split the groups (norp/org) mentioned in [start, end) into actors (before pos) and targets."""
    actors: list[str] = []
    targets: list[str] = []
    for e in entities:
        if e.kind not in ("norp", "org"):
            continue
        for m in e.mentions:
            if start <= m.start < end:
                side = actors if m.start < pos else targets
                if e.id not in side:
                    side.append(e.id)
                break
    return tuple(actors), tuple(targets)


def _candidate(article: Article, sent: Sentence, idx: int, ctx: dict) -> Event | None:
    """Return the event one sentence describes, or None."""
    text = article.text[sent.start : sent.end]
    cls = classify_text(text)
    cas = count_casualties(text)
    code = cls.code
    if cls.score < MIN_EVENT_SCORE:
        if cas.killed is None and cas.injured is None:
            return None
        code = "ATTACK"  # casualties with no other trigger: violence against people
    klass = cls.klass if code == cls.code else classify_text("gunmen opened fire").klass
    if klass.code in ("OTHER", "NATURAL_DISASTER", "ORG_CRIME", "ATTRIB"):
        return None
    pos = sent.start + max(0, text.lower().find(cls.evidence[0].lower())) if cls.evidence else sent.start
    actors, targets = _sides(ctx["entities"], sent.start, sent.end, pos)
    if klass.type in ("attack", "evacuation") and _CIVILIANS.search(text):
        targets += (CIVILIANS_ID,)
    place: Located | None = locate(article.text, ctx["entities"], sent.start, sent.end, pos)
    date: DateMention | None = date_near(ctx["dates"], sent.start, sent.end)
    if date is not None and date.precision not in TIME_PRECISION:
        date = None  # a year alone is too coarse to date an event
    quote = _quote_for(ctx["quotes"], sent.start, sent.end, pos)
    confidence = min(0.9, 0.3 + 0.08 * cls.score) * (0.5 if _MODAL.search(text) else 1.0)
    return Event(
        id=f"s{idx}", type=klass.type, subtype=klass.subtype, acled_event_type=klass.acled_event_type,
        acled_sub_event_type=klass.acled_sub_event_type, text=text, start=sent.start, end=sent.end,
        actors=actors, targets=targets,
        place_id=place.entity.id if place else None, place_name=place.name if place else None,
        lat=place.entity.lat if place else None, lon=place.entity.lon if place else None,
        geo_precision=place.precision if place else None,
        date=date.value if date else None, time_precision=TIME_PRECISION.get(date.precision or "") if date else None,
        killed=cas.killed, injured=cas.injured,
        source_quote=(quote.id or None) if quote else None, source_status=quote.status if quote else None,
        confidence=round(confidence, 2),
    )


def _dates_compatible(a: Event, b: Event) -> bool:
    return a.date is None or b.date is None or a.date == b.date


def _merge_pair(a: Event, b: Event, ctx: dict) -> Event:
    """Merge b into a: keep the more precise place, the known date, the larger counts."""
    keep_b_place = b.place_id is not None and (a.place_id is None or (b.geo_precision or 9) < (a.geo_precision or 9))
    place = {k: getattr(b if keep_b_place else a, k) for k in ("place_id", "place_name", "lat", "lon", "geo_precision")}
    def most(x: int | None, y: int | None) -> int | None:
        return max(v for v in (x, y) if v is not None) if x is not None or y is not None else None
    dated = a if a.date else b
    return dataclasses.replace(
        a, **place, date=dated.date, time_precision=dated.time_precision,
        killed=most(a.killed, b.killed), injured=most(a.injured, b.injured),
        actors=tuple(dict.fromkeys(a.actors + b.actors)), targets=tuple(dict.fromkeys(a.targets + b.targets)),
        source_quote=a.source_quote or b.source_quote, source_status=a.source_status or b.source_status,
        confidence=max(a.confidence, b.confidence),
    )


def merge_events(events: list[Event], entities: tuple[Entity, ...]) -> list[Event]:
    """Merge candidates that describe one happening (same type, compatible place and date)."""
    by_id = {e.id: e for e in entities}
    out: list[Event] = []
    for ev in events:
        for i, kept in enumerate(out):
            if kept.type != ev.type or not _dates_compatible(kept, ev):
                continue
            if kept.place_id is None or ev.place_id is None:
                continue  # an unplaced mention is kept apart rather than glued to the wrong place
            if compatible_places(by_id.get(kept.place_id), by_id.get(ev.place_id), kept, ev):
                out[i] = _merge_pair(kept, ev, {})
                break
        else:
            out.append(ev)
    return out


def extract_events(
    article: Article,
    parse: Parse,
    entities: tuple[Entity, ...],
    dates: tuple[DateMention, ...],
    quantities: tuple[Quantity, ...],
    quotes: tuple[Quote, ...],
) -> tuple[tuple[Event, ...], tuple[Disagreement, ...]]:
    """Return the article's events (one per happening) and the disagreements between its sources.

    Args:
        article: the normalised article.
        parse: its sentences and tokens.
        entities: resolved entities (places with lat/lon, groups as norp/org).
        dates: resolved date expressions.
        quantities: parsed quantities.
        quotes: attributed quotes and claims.
    Returns:
        (events, disagreements).
    """
    ctx = {"entities": entities, "dates": dates, "quotes": quotes}
    candidates = [ev for i, s in enumerate(parse.sentences) if (ev := _candidate(article, s, i, ctx))]
    merged = merge_events(candidates, entities)
    events = tuple(dataclasses.replace(ev, id=f"ev{n}") for n, ev in enumerate(merged, 1))
    return events, find_disagreements(article, parse, entities, quantities, quotes)
