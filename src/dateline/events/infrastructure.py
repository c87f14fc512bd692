"""Events that happen to a place rather than to people: a facility destroyed, an area evacuated.

Three rules, each general:

* **Destruction** (:func:`refine`): an INFRASTRUCTURE sentence that says a dam, bridge, plant or line
  was destroyed, breached or blown up is the "destruction" subtype, which maps to the ACLED codebook's
  looting/property destruction (a strategic development) — the codebook's class for property destroyed
  outside an armed engagement.  When the sentence names the attack that did it, the attack classes win
  by their own cues and this rule never sees the sentence.
* **One facility, one happening** (:func:`merge_facilities`): "the dam" of one sentence and "the
  Kakhovka-type dam at X" of the next are one destruction; the mentions merge and the most precise place wins.
* **Dateline place** (:func:`dateline_place`): an evacuation or a destruction whose sentence names no
  place ("buses were taking them to the next city") happened where the story is filed from, at ACLED geo
  precision 3; violent events never take this fallback (their place must come from their own text).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from dateline.events.lexicon import INFRA_NOUNS
from dateline.events.places import Located
from dateline.events.taxonomy import SubEventType, lookup
from dateline.model import Entity, Event

#: (type, subtype) pairs that take the dateline's place when their sentence names none (non-violent,
#: area-wide); subtype None means any.  A fire or accident is not one of them: it is often the aftermath
#: of a strike filed from another city ("KYIV - ... firefighters put out the blazes" in Izmail).
DATELINE_FALLBACK_TYPES = frozenset({("evacuation", None), ("infrastructure", "destruction")})
#: Geo precision of a place taken from the dateline: only the area of the event is known.
DATELINE_PRECISION = 3

_INFRA = re.compile(INFRA_NOUNS, re.I)
_DESTROYED = re.compile(r"\b(?:blew|blown|blowing|blow|blows)\b.{0,40}?\bup\b|\b(?:breach\w*|sabotag\w*|destroy\w*|"
                        r"demolish\w*|collaps\w*|wrecked)\b", re.I)


def refine(klass: SubEventType, text: str) -> SubEventType:
    """Return the destruction class for an INFRASTRUCTURE sentence about a facility destroyed, else ``klass``.

    Args:
        klass: the sentence's class.
        text: the sentence.
    Returns:
        INFRA_DESTRUCT or ``klass`` unchanged.
    """
    if klass.code == "INFRASTRUCTURE" and _INFRA.search(text) and _DESTROYED.search(text):
        return lookup("INFRA_DESTRUCT")
    return klass


def _facility(ev: Event) -> str | None:
    """Return the facility noun a destruction event names ("dam", "bridge"), singular and lower case."""
    if ev.subtype != "destruction":
        return None
    m = _INFRA.search(ev.text)
    return m.group(1).lower().split()[-1].rstrip("s") if m else None  # "rail bridges" -> "bridge"


def merge_facilities(events: list[Event], merge: Callable[[Event, Event, dict], Event]) -> list[Event]:
    """Merge destruction events that name the same kind of facility and whose dates agree.

    Args:
        events: merged events in text order.
        merge: the pair merger (keeps the more precise place, the known date, the larger counts).
    Returns:
        The events, one per destroyed facility kind.
    """
    out: list[Event] = []
    for ev in events:
        noun = _facility(ev)
        j = next((i for i, k in enumerate(out) if noun and _facility(k) == noun
                  and (k.date is None or ev.date is None or k.date == ev.date)), None)
        if j is None:
            out.append(ev)
        else:
            out[j] = merge(out[j], ev, {})
    return out


def dateline_place(entities: tuple[Entity, ...], dateline: tuple[int, int] | None, short_type: str,
                   subtype: str | None = None) -> Located | None:
    """Return the dateline's place for an unplaced evacuation or destruction, at geo precision 3.

    Args:
        entities: resolved entities.
        dateline: the dateline's character span, if any.
        short_type: the event's short type.
        subtype: the event's short subtype.
    Returns:
        The place entity mentioned inside the dateline, or None.
    """
    if dateline is None or not ({(short_type, None), (short_type, subtype)} & DATELINE_FALLBACK_TYPES):
        return None
    for e in entities:
        if e.kind == "place" and e.lat is not None:
            for m in e.mentions:
                if dateline[0] <= m.start < dateline[1]:
                    return Located(e, e.name, DATELINE_PRECISION, m.start)
    return None


#: "the bridge", "the plant", "the air base" in an event's sentence: the kind of facility it refers back to, and
#: the words of a facility's name that say its kind ("Crimean Bridge", "Zaporizhzhia Nuclear Power Plant").
_DEFINITE_KIND = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,3}?(bridge|plant|dam|airport|air\s+base|airbase|airfield|"
                            r"refinery|port|station)\b", re.I)
_KIND_WORDS = {"bridge": ("bridge",), "plant": ("plant", "station"), "station": ("station", "plant"), "dam": ("dam",),
               "airport": ("airport",), "air base": ("air base", "airbase", "airfield"), "airbase": ("air base", "airbase"),
               "airfield": ("airfield", "air base"), "refinery": ("refinery",), "port": ("port",)}


def facility_referents(events: list[Event], entities: tuple[Entity, ...]) -> list[Event]:
    """Place an event at the one facility of its kind the article names, when its sentence says "the bridge".

    "Explosions tore through the bridge linking Russia with Crimea" is placed only in Crimea by its own words;
    the article names "the Kerch bridge" (the Crimean Bridge) elsewhere, and no other bridge.  Only an event with
    no place or a region/country place (geo precision 3) is moved, and only to a facility of that country when
    its place has one.

    Args:
        events: merged events.
        entities: resolved entities (facilities have feature "facility" and a point).
    Returns:
        The events, those that refer to the article's one facility of a kind placed there (precision 1).
    """
    by_id = {e.id: e for e in entities}
    facilities = [e for e in entities if e.kind == "place" and e.feature == "facility" and e.lat is not None]
    out = []
    for ev in events:
        m = _DEFINITE_KIND.search(ev.text) if ev.type in ("attack", "infrastructure") else None
        if m is None or (ev.place_id is not None and (ev.geo_precision or 1) < 3):
            out.append(ev)
            continue
        kind = " ".join(m.group(1).lower().split())
        words = _KIND_WORDS.get(kind, (kind,))
        hits = [f for f in facilities if any(w in f.name.lower() for w in words)]
        old = by_id.get(ev.place_id or "")
        if len(hits) == 1 and (old is None or not old.country_code or old.country_code == hits[0].country_code
                               or old.feature == "country"):
            f = hits[0]
            ev = dataclasses.replace(ev, place_id=f.id, place_name=f.name, lat=f.lat, lon=f.lon, geo_precision=1)
        out.append(ev)
    return out
