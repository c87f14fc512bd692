"""Complete an event from the sentence after it when that sentence tells more of the same happening.

A wire lede often gives the toll with only a region and the date of the report ("Gunmen killed 26
in Kashmir, officials said Wednesday"); the next sentence, about the attackers or the attack
itself ("The attackers emerged on Tuesday afternoon near the town of X"), gives the day and the
town.  Such a sentence yields no event of its own (no cue), so nothing else would read it.

The rule (:func:`elaborate`): one of the two sentences after an event's first sentence (none of them making
an event itself), when it opens with a definite reference to the attack, its perpetrators or what was hit
("The attackers ...", "The power plant stands ...", "The team was hit late on Monday"), gives

* its best place (see :func:`dateline.events.places.locate`), at geo precision 2 at best, when the
  event has none or only a region/country (precision 3) and the new place lies in the same country;
* its day-precise date, when the event is dated only to the week of a report (time precision 2)
  and the day falls in that week, or the event has no date.

A target sentence ("The power plant ...") places the event only by a locative phrase ("beside the village of
X", "68 nautical miles southwest of the port of X").  Three more readings of the story around an event live
here: :func:`date_from_lede` (an undated event dated by the sentence that named its place, else by the wave of
strikes its lede dates, :func:`_same_wave`), :func:`town_referents` ("the city's airport" is the town last
placed) and :func:`refers_back` (used by the merger: "The bomb went off on Monday" completes the event before it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dateline.events.dates import date_near
from dateline.events.places import Where, locate
from dateline.model import DateMention, Entity, Event, Parse

#: "The attackers ...", "The strike ...", "This attack ...": the sentence goes on about the happening.
_BACK = re.compile(
    r"^\W*(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?(?:attacks?|attackers|assaults?|gunmen|gunman|assailants|"
    r"strikes?|air\s*strikes?|blasts?|explosions?|bombs?|bombings?|bombers?|raids?|shooting|killers)\b", re.I)
#: A day named right in the opening noun phrase ("The strikes on Saturday evening targeted ..."): it dates the
#: happening the phrase refers back to, even when the rest of the sentence reports another event.
_OPENING_DAY = re.compile(
    r"^\W*(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?(?:attacks?|assaults?|strikes?|air\s*strikes?|blasts?|"
    r"explosions?|bombings?|raids?|shooting)\s+(?:(?:early|late)\s+)?(?:on|overnight\s+(?:into|on))\s+$", re.I)
#: "The Trypilska thermal power plant stands ...", "The team was hit late on Monday": the sentence goes on
#: about what was hit, named by a definite noun phrase of up to four words.
_TARGET = re.compile(
    r"^\W*(?:the|this|that)\s+(?:(?:[\w'’-]+\s+){0,4}?(?:plant|station|depot|refinery|dam|bridge|airfield|air\s+base|"
    r"base|port|hospital|school|market|convoy|team|vehicles?|building|warehouse|facility|terminal|train|bus|ship|"
    r"vessel|tanker|carrier|freighter)\b(?!-)|[\w-]+-flagged\b)", re.I)
#: A sentence about what was hit places it only by a locative phrase ("beside the village of X", "in X", "68 nautical
#: miles southwest of the port of X").
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|beside|outside|by|inside|off)|\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)"
    r"\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:village|town|city|settlement|district|region|port|suburb)\s+of\s+)?$", re.I)
#: How many sentences after the event's own the elaborating sentence may come (none between may make an event).  Set
#: by judgement on the golden probes (one sentence of colour between, as in "The dead included ...").
LOOKAHEAD = 2
_WEEK_DAYS = 6


def _better_place(ev: Event, new: Entity, by_id: dict[str, Entity]) -> bool:
    """Return True if ``new`` (a mappable place) should replace the event's place."""
    if new.lat is None:
        return False
    if ev.place_id is None:
        return True
    old = by_id.get(ev.place_id)
    if (ev.geo_precision or 1) < 3 or old is None:
        return False
    return not (old.country_code and new.country_code and old.country_code != new.country_code)


def _day_in_week(ev: Event, day: DateMention) -> bool:
    """Return True if ``day`` dates an event known only to a report's week (or not at all)."""
    if day.precision != "day" or not day.value:
        return False
    if ev.date is None:
        return True
    if ev.time_precision != 2:
        return False
    gap = (dt.date.fromisoformat(ev.date[:10]) - dt.date.fromisoformat(day.value[:10])).days
    return 0 <= gap <= _WEEK_DAYS


def _opening_day(text: str, start: int, end: int, dates: tuple[DateMention, ...]) -> DateMention | None:
    """Return the day named inside a sentence's opening reference to the attack ("The strikes on Saturday ...")."""
    for d in dates:
        if start <= d.start < end and _OPENING_DAY.match(text[start : d.start] + " "):
            return d
    return None


def elaborate(events: list[Event], text: str, parse: Parse, entities: tuple[Entity, ...],
              dates: tuple[DateMention, ...], *, where: Where, busy: frozenset[int]) -> list[Event]:
    """Give events the place and day that the next sentence tells (see the module docstring).

    Args:
        events: merged events.
        text: the article text.
        parse: its sentences.
        entities: resolved entities.
        dates: resolved date mentions.
        where: the parse and dateline span for :func:`locate`.
        busy: start offsets of the sentences that made a candidate event themselves.
    Returns:
        The events, completed where a next sentence elaborates them.
    """
    by_id = {e.id: e for e in entities}
    mappable = tuple(e for e in entities if e.kind != "place" or e.lat is not None)
    starts = [s.start for s in parse.sentences]
    out = []
    for ev in events:
        k = starts.index(ev.start) + 1 if ev.start in starts else len(starts)
        nxt = None
        for j in range(k, min(k + LOOKAHEAD, len(starts))):
            s = parse.sentences[j]
            if s.start in busy:
                if j == k and (day := _opening_day(text, s.start, s.end, dates)) is not None and _day_in_week(ev, day):
                    ev = dataclasses.replace(ev, date=day.value, time_precision=1)
                break
            if _BACK.match(text[s.start : s.end]) or _TARGET.match(text[s.start : s.end]):
                nxt = s
                break
        if nxt is None:
            out.append(ev)
            continue
        change: dict = {}
        spot = locate(text, mappable, nxt.start, nxt.end, nxt.start, where)
        target = not _BACK.match(text[nxt.start : nxt.end])
        if target and spot is not None and not _LOCATIVE_BEFORE.search(text[max(0, spot.start - 40) : spot.start]):
            spot = None  # "The ship had left Sozopol": a target's past, not where it was hit
        if spot is not None and spot.point and _better_place(ev, spot.entity, by_id):
            change.update(place_id=spot.entity.id, place_name=spot.name, lat=spot.entity.lat, lon=spot.entity.lon,
                          geo_precision=max(spot.precision, 2))
        day = date_near(tuple(d for d in dates if nxt.start <= d.start < nxt.end), nxt.start, nxt.end, pos=nxt.start)
        if day is not None and _day_in_week(ev, day):
            change.update(date=day.value, time_precision=1)
        out.append(dataclasses.replace(ev, **change) if change else ev)
    return out


def date_from_lede(events: list[Event], entities: tuple[Entity, ...], published: dt.date | None = None) -> list[Event]:
    """Date an undated event by the earlier event whose sentence named its place, else by the day's wave.

    "Missiles struck X and Y overnight into Saturday. [...] In Y, a drone hit a school": the
    first sentence dates the strike on Y too.  Only an event of the same type, and only its
    first (evidence) sentence, is read.

    An undated strike that no earlier sentence places is dated by :func:`_same_wave`.

    Args:
        events: merged events in text order.
        entities: resolved entities (for the place's mentions).
        published: the publication date (for the wave rule).
    Returns:
        The events, undated ones dated where an earlier dated sentence named their place or the lede's wave.
    """
    by_id = {e.id: e for e in entities}
    out: list[Event] = []
    for ev in events:
        place = by_id.get(ev.place_id or "")
        if ev.date is None and place is not None:
            for k in out:
                if k.type == ev.type and k.date and any(k.start <= m.start < k.end for m in place.mentions):
                    ev = dataclasses.replace(ev, date=k.date, time_precision=k.time_precision)
                    break
        out.append(ev)
    return _same_wave(out, published)


#: Remote-violence subtypes that one wave of strikes is made of ("missiles and drones hit X ... and Y").
_WAVE_SUBTYPES = frozenset({"air_strike", "shelling"})
#: A sentence told in the perfect or pluperfect, or dated to another time, is no part of the day's wave.
_OTHER_TIME = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?\w+(?:ed|en|t)\b"
                         r"|\b(?i:a|one|two|three|\d)\s+days?\s+(?:after|before|later|earlier)\b"
                         r"|\b(?:last|earlier|previous|since|ago|"
                         r"January|February|March|April|May|June|July|August|September|October|November|December|"
                         r"\d{4})\b")
#: A sentence that tells a happening apart from the lede's ("Separately, a drone attack on X wounded five"): its day
#: is not the wave's.
_APART = re.compile(r"\s*(?:Separately|In a separate (?:attack|incident|strike))\b", re.I)
#: Weapons that fire from afar: a lede whose toll they caused ("Russian shelling killed four civilians", coded an
#: attack on civilians) still dates the day's wave of strikes.
_REMOTE_WEAPON = re.compile(r"\b(?:shelling|shells?|artillery|rockets?|missiles?|drones?|air\s*strikes?|bombs?|"
                            r"bombardment|mortars?)\b", re.I)
#: The lede's date must fall this close before publication (days) to be the news day of the wave.  Set by
#: judgement (a report of the night's strikes is published that day or the next); checked on the golden probes.
WAVE_MAX_DAYS = 1


def _same_wave(events: list[Event], published: dt.date | None) -> list[Event]:
    """Date an undated strike by the article's first event when that is a strike of the news day.

    "Missiles and drones destroyed the plant early Thursday [...] In the Kharkiv region, missiles hit the
    Zmiiv plant": a strike the story tells in the simple past, with no time of its own, is part of the
    wave its lede dates.  Time precision 2 (the day is inferred, not stated).
    """
    lede = events[0] if events else None
    if (published is None or lede is None or lede.date is None or lede.type != "attack"
            or not (lede.subtype in _WAVE_SUBTYPES
                    or (lede.subtype == "attack_on_civilians" and _REMOTE_WEAPON.search(lede.text)))
            or lede.time_precision != 1):
        return events
    gap = (published - dt.date.fromisoformat(lede.date[:10])).days
    if not 0 <= gap <= WAVE_MAX_DAYS:
        return events
    return [dataclasses.replace(ev, date=lede.date, time_precision=2)
            if ev.date is None and ev.type == "attack" and ev.subtype in _WAVE_SUBTYPES and not _OTHER_TIME.search(ev.text)
            and not _APART.match(ev.text) else ev for ev in events]


#: "the city's airport", "in the town": a definite reference back to a town the story has named.
_THE_TOWN = re.compile(r"\bthe\s+(?:city|town)(?:['’]s)?\b", re.I)


def refers_back(text: str) -> bool:
    """True when a sentence opens with a definite reference to the attack ("The bomb went off ...")."""
    return _BACK.match(text) is not None


def _is_town(e: Entity | None) -> bool:
    return e is not None and e.feature in ("city", "village")


def town_referents(events: list[Event], entities: tuple[Entity, ...]) -> list[Event]:
    """Place an unplaced strike whose sentence says "the city" at the town of the last placed event before it.

    "Drones struck Port Sudan on Tuesday [...] The attacks began on Sunday, when drones hit the air base next to
    the city's airport": the air base is no gazetteer entry, but "the city" is Port Sudan.  Only an attack, only a
    town (geo precision 1), at geo precision 2 (near the town).

    Args:
        events: merged events in text order.
        entities: resolved entities (to check the earlier place is a town).
    Returns:
        The events, unplaced strikes that refer to "the city" placed near it.
    """
    by_id = {e.id: e for e in entities}
    out: list[Event] = []
    for ev in events:
        if ev.type == "attack" and ev.place_id is None and _THE_TOWN.search(ev.text):
            prev = next((k for k in reversed(out) if k.place_id and k.geo_precision == 1 and k.lat is not None
                         and _is_town(by_id.get(k.place_id))), None)
            if prev is not None:
                ev = dataclasses.replace(ev, place_id=prev.place_id, place_name=prev.place_name, lat=prev.lat,
                                         lon=prev.lon, geo_precision=2)
        out.append(ev)
    return out
