"""Tie casualty tolls to the right happening across sentences.

A story often gives one toll in its first sentence and the detail later, or the toll in
one sentence and the place in another.  Three rules, each on the candidates or the
merged events of one article:

* **Totals** (:func:`split_totals`, before merging): a toll equal to the sum of two to four
  tolls given elsewhere in the story for other places ("strikes killed eight in the city
  and the region" ... "six in the city" ... "two in a village") is their total.  It gives
  way to the parts, so the city's event carries six, not eight.
* **Unmappable tolls** (:func:`place_tolls`, after merging): a toll placed only at country
  level ("Iran's army said four soldiers were killed") goes to the one toll-less event of
  its type that the story places at a point inside that country; an unplaced toll goes to
  the event of the next sentence when that sentence points back at the victims ("Most of
  the casualties were in X").
* **Revisions** (:func:`apply_revisions`, before merging): "the death toll rose to 31" updates the
  count of the event it revises instead of adding a second event.
* **Restatements** (:func:`merge_restatements`): an unplaced toll equal to the toll of an
  earlier event of its type repeats it ("The army said four soldiers had been killed").
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable

from dateline.model import Entity, Event

_FIELDS = ("killed", "injured")
#: How many parts a total may be split into; a larger split is more often a coincidence.
#: Set from wire style (a lede toll is broken down by town in two or three sentences), not tuned.
MAX_PARTS = 4
#: A sentence that points back at the victims of a toll just given ("Most of the casualties were in X",
#: "The dead were in X", "All of the wounded were taken from X").
_BACK_REFERENCE = re.compile(
    r"^\W*(?:(?:most|many|all|some|half|the majority|several|a number)\s+of\s+)?(?:the|them|those|these)\s*"
    r"(?:casualties|dead|deaths|victims|wounded|injured|fatalities)?\b(?:\s+(?:were|was|came))",
    re.I,
)
_COUNTRY_FEATURES = frozenset({"country"})


def _counted(ev: Event, field: str) -> bool:
    return getattr(ev, field) is not None


def _is_total(ev: Event, field: str, others: list[Event]) -> bool:
    """Return True if ``ev``'s count of ``field`` is the sum of 2..MAX_PARTS counts of other places."""
    pool = [o for o in others if o.start != ev.start and o.type == ev.type and _counted(o, field)][:12]
    target = getattr(ev, field)
    for n in range(2, MAX_PARTS + 1):
        for parts in itertools.combinations(pool, n):
            if sum(getattr(p, field) for p in parts) == target and len({p.place_id for p in parts}) > 1 \
                    and _can_hold(ev, parts):
                return True
    return False


def _can_hold(total: Event, parts: tuple[Event, ...]) -> bool:
    """True when a toll's place can hold its parts: unplaced, broader than a town, or one of the parts' places.

    "Eight killed in Dnipro and the region" is six in Dnipro plus two in a village; a strike on one town
    that wounded five is not the sum of three wounded in another region's town and two in a village.
    """
    return (total.place_id is None or (total.geo_precision or 1) >= 2
            or any(p.place_id == total.place_id for p in parts))


def split_totals(candidates: list[Event]) -> list[Event]:
    """Blank the counts that are totals of counts given for other places (see the module docstring).

    Args:
        candidates: the article's candidate events in text order, before merging.
    Returns:
        The same candidates; a total's count is None so that merging keeps its parts' counts.
    """
    out = []
    for ev in candidates:
        blank = {f: None for f in _FIELDS if _counted(ev, f) and _is_total(ev, f, candidates)}
        out.append(dataclasses.replace(ev, **blank) if blank else ev)
    return out


#: A toll revised upwards or corrected: "the death toll rose to 31", "was revised to".
_REVISION = re.compile(r"\b(?:toll|number of)\b.{0,60}?\b(?:rose|risen|climbed|increased|jumped|was raised|revised|"
                       r"now stands|stood at|stands at|is now)\b", re.I)


def apply_revisions(candidates: list[Event]) -> list[Event]:
    """Fold a revised toll ("The death toll rose to 31") into the event it revises.

    The revised event is the nearest earlier candidate of the same type that gives the same kind
    of count at the same place (any place when the revision names none); it takes the new count
    and the revision is dropped, so one strike is not counted twice.

    Args:
        candidates: candidate events in text order.
    Returns:
        The candidates with revisions folded in.
    """
    out: list[Event] = []
    for ev in candidates:
        j = _revised(ev, out) if _REVISION.search(ev.text) else None
        if j is None:
            out.append(ev)
            continue
        new = {f: getattr(ev, f) for f in _FIELDS if _counted(ev, f)}
        out[j] = dataclasses.replace(out[j], **new)
    return out


def _revised(ev: Event, earlier: list[Event]) -> int | None:
    """Return the index of the event a revision updates, or None."""
    for i in range(len(earlier) - 1, -1, -1):
        k = earlier[i]
        if k.type != ev.type or k.start == ev.start or (ev.place_id is not None and k.place_id != ev.place_id):
            continue
        if any(_counted(ev, f) and _counted(k, f) for f in _FIELDS):
            return i
    return None


def _has_toll(ev: Event) -> bool:
    return ev.killed is not None or ev.injured is not None


def repeats_toll(ev: Event, earlier: Event) -> bool:
    """Return True if ``ev`` gives a toll and every count it gives equals ``earlier``'s (a restatement)."""
    return _has_toll(ev) and ev.type == earlier.type and all(
        getattr(earlier, f) == getattr(ev, f) for f in _FIELDS if _counted(ev, f))


def _country_of(ev: Event, by_id: dict[str, Entity]) -> str | None:
    """Return the country code of an event placed only at country level, else None."""
    ent = by_id.get(ev.place_id or "")
    if ent is None or ev.lat is not None or ent.feature not in _COUNTRY_FEATURES:
        return None
    return ent.country_code


def _code(ev: Event, by_id: dict[str, Entity]) -> str | None:
    ent = by_id.get(ev.place_id or "")
    return ent.country_code if ent else None


def _host(ev: Event, events: list[Event], by_id: dict[str, Entity], fits: Callable[[Event, Event], bool]) -> int | None:
    """Return the index of the event that gives ``ev``'s toll a mappable place, if exactly one does."""
    code = _country_of(ev, by_id)
    if code:
        inside = [i for i, k in enumerate(events) if k is not ev and k.lat is not None
                  and (not _has_toll(k) or repeats_toll(ev, k))
                  and k.type == ev.type and fits(k, ev)
                  and _code(k, by_id) == code]
        return inside[0] if len({events[i].place_id for i in inside}) == 1 else None
    if ev.place_id is not None:
        return None
    i = events.index(ev) + 1
    if i < len(events):
        k = events[i]
        if (k.place_id is not None and not _has_toll(k) and k.type == ev.type and fits(k, ev)
                and _BACK_REFERENCE.match(k.text)):
            return i
    return None


def place_tolls(events: list[Event], entities: tuple[Entity, ...], fits: Callable[[Event, Event], bool],
                national: re.Pattern[str]) -> list[Event]:
    """Move tolls that have no mappable place to the event that places them (see the module docstring).

    Args:
        events: merged events in text order.
        entities: resolved entities (for country codes).
        fits: whether two events' dates allow one happening.
        national: a national or cumulative toll ("nationwide") that never moves.
    Returns:
        The events, each moved toll merged into its host (the host keeps its place, takes the toll
        and the earlier date).
    """
    by_id = {e.id: e for e in entities}
    out = list(events)
    for ev in list(out):
        if not _has_toll(ev) or national.search(ev.text):
            continue
        j = _host(ev, out, by_id, fits)
        if j is None:
            continue
        host = out[j]
        out[j] = dataclasses.replace(host, killed=ev.killed, injured=ev.injured, date=host.date or ev.date,
                                     time_precision=host.time_precision if host.date else ev.time_precision,
                                     targets=tuple(dict.fromkeys(host.targets + ev.targets)))
        out.remove(ev)
    return out


def merge_restatements(events: list[Event], fits: Callable[[Event, Event], bool]) -> list[Event]:
    """Drop an unplaced toll that repeats the toll of an earlier event of its type.

    Args:
        events: events in text order.
        fits: whether two events' dates allow one happening.
    Returns:
        The events without the repetitions.
    """
    out: list[Event] = []
    for ev in events:
        same = ev.place_id is None and any(repeats_toll(ev, k) and fits(k, ev) for k in out)
        if not same:
            out.append(ev)
    return out
