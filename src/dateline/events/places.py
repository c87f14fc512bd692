"""Choose an event's place among the sentence's place entities, with ACLED geo precision.

ACLED geo precision: 1 = the named town itself, 2 = near or around a town (or a small
district, or "the X region" named after a town that is not the province's capital), 3 = only a region (oblast, province)
or larger is known.

How the place is chosen (:func:`locate`):

1. Mentions that act as actors ("Moscow accused ...", "captured by Russia", see
   :mod:`dateline.events.roles`) are never places, nor are the places the wounded were taken to
   ("taken to hospitals in X").
2. A mention inside the article's dateline ("KYIV, Ukraine (AP) —") says where the
   reporter is, not where the event happened: it is used only when the clause names
   no other place, and then with geo precision 3.
3. A place named as a reference point ("south of X", "10 km east of X") comes after the others.
4. Among the rest: non-countries first, then mentions inside the trigger's own clause when that
   clause is subordinate ("X comes days after ... was killed near Y" -> Y), then locative arguments of the trigger ("from
   the town of X", "near X", "X region"), then the most precise, then the nearest to
   the trigger.

Country-level places (feature ``country``/``continent``): an event whose only place
is a country keeps ``place_id``/``place_name`` (the country is known) and geo
precision 3, but **no lat/lon** — a country centroid (Russia's is in Siberia) is not a
location an analyst can map.  See :func:`event_point`.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import re
from dataclasses import dataclass

import pycountry

from dateline.events.roles import (
    ACTOR,
    LOCATIVE,
    ancestors,
    describes_argument,
    in_subtree,
    place_role,
    subordinate_clause,
    token_index,
)
from dateline.model import Entity, Event, Parse, Token

#: Two places closer than this (km) can be one happening's place ("Bakhmut" and a village beside it).
#: Set from the size of a town and its suburbs; not tuned on any corpus.
MERGE_KM = 30.0
_NEAR = re.compile(r"\b(near|outside|around|close to|on the outskirts of|outskirts of|suburbs? of|neighbou?ring)\s+"
                   r"(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:city|town|village|settlement|port|capital)\s+of\s+)?$", re.I)
#: "south of Sumy", "10 km east of Pokrovsk": a reference point, not where the event happened; so is the river the
#: fire came across or from ("guns firing across the Dnipro", "from the left bank of the Dnipro").
_REFERENCE = re.compile(r"\b(?:across|bank\s+of)\s+the\s+$"
                        r"|\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?"
                        r"(?:(?:city|town|village|settlement|regional capital)\s+of\s+)?$", re.I)
#: "the southern Gaza city of Rafah", "the Donetsk region town of Pokrovsk": the first name only says where the
#: second lies; the second is the place.
_QUALIFIES = re.compile(r"(?:\s+(?:region|province|oblast|state|district|governorate|border|coastal|frontline|port))?"
                        r"\s+(?:city|town|village|settlement|port|suburb)\s+of\s+(?:the\s+)?[A-Z]")  # not "the Gada area of"
#: The same when the name took the noun in ("[Gaza city] of Rafah", lower-case "city").
_TOWN_WORD_END = re.compile(r"\s(?:city|town|village|port)$")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
#: "Gaza's Health Ministry said", "Ukraine's military said": the seat of a source, a place only when no other is named.
_SEAT_OF = re.compile(r"['\u2019]s\s+(?:[A-Z][a-z]+\s+){0,2}(?:[Mm]inistry|military|army|police|officials|authorities|"
                      r"government|[Cc]ivil [Dd]efen[cs]e|[Ee]mergency [Ss]ervices?|spokes(?:man|woman|person))\b")
#: "taken to hospitals in X and Y": where the wounded were treated, not where they were hurt.
_DESTINATION = re.compile(
    r"\b(?:taken|rushed|brought|transferred|flown|evacuated|admitted|airlifted)\s+(?:to|in|at)\s+(?:(?:a|the|local)\s+)?"
    r"(?:hospitals?|clinics?|medical (?:centres?|centers?|facilities))\s+(?:in|at)\s+(?:the\s+(?:city|town)\s+of\s+)?"
    r"(?:[A-Z][\w’'-]+(?:\s*,\s*|\s+and\s+|\s+or\s+))*$")
#: "buses were taking them to X", "fled to X": where people were moved to, not where the evacuation happened.
_TRANSFER_TO = re.compile(
    r"\b(?:taking|took|taken|carrying|carried|ferrying|ferried|bringing|brought|moved|moving|relocat(?:ed|ing)|"
    r"evacuat(?:ed|ing)|bus{1,2}ed|fled|fleeing|headed|heading)\s+(?:[\w-]+\s+){0,3}?(?:to|towards|for)\s+"
    r"(?:the\s+(?:city|town|village)\s+of\s+)?(?:[A-Z][\w’'-]+(?:\s*,\s*|\s+and\s+|\s+or\s+))*$")
_REGION_AFTER = re.compile(r"^\s*(region|oblast|province|governorate|state)s?\b", re.I)
_DISTRICT_AFTER = re.compile(r"^\s*(district|raion|area)s?\b", re.I)
#: "Balakliia and Izium regions": the noun after a coordinated name applies to both.
_COORD_AFTER = re.compile(r"^\s*(?:,|and|or|,\s*and)\s+[A-Z][\w’'-]*\s+(region|oblast|province|district|raion|area)s\b")
#: A place glued to a participle or adjective by a hyphen describes an actor ("the Moscow-appointed mayor",
#: "Kyiv-based", "Iran-backed"): it does not locate the event.
_ATTRIBUTE_AFTER = re.compile(r"-(?:[a-z]+ed|based|born|run|led|held|installed|backed|aligned|occupied|controlled)\b")
#: A bare compass word ("the West", "the East"): a bloc or a direction, whatever the gazetteer matched.
_COMPASS = re.compile(r"(?:North|South|East|West)(?:-?(?:east|west))?(?:ern)?$")
_BIG_FEATURES = {"country", "continent"}
_FEATURE_PRECISION = {"city": 1, "village": 1, "facility": 1, "district": 2, "region": 3, "country": 3, "water": 3}


@dataclass(frozen=True)
class Located:
    entity: Entity
    name: str
    precision: int
    start: int
    point: bool = True  # False: the place is known but its point is not mappable (a country)


@dataclass(frozen=True)
class Where:
    """What :func:`locate` needs beyond the text: the parse and the dateline span."""

    parse: Parse | None = None
    dateline: tuple[int, int] | None = None

    @functools.cached_property
    def tokens(self) -> dict:
        return token_index(self.parse) if self.parse else {}

    @functools.cached_property
    def starts(self) -> list[int]:
        return [t.start for t in self.parse.tokens] if self.parse else []

    def token_at(self, offset: int) -> Token | None:
        """Return the token covering ``offset`` (binary search over the token starts)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        t = self.parse.tokens[k] if self.parse and k >= 0 else None
        return t if t is not None and t.start <= offset < t.end else None


def _is_country(e: Entity) -> bool:
    if e.feature:
        return e.feature in _BIG_FEATURES
    return e.name.lower() in _country_names()


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    names = {"europe", "asia", "africa", "america", "middle east", "russia", "britain", "us", "usa", "uk"}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                names.add(getattr(c, attr).lower())
    return frozenset(names)


def _precision(text: str, e: Entity, start: int, end: int) -> int:
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    # "the Izium region" names the area around a town (2); "the Kharkiv region" names the
    # province the town is the capital of (3): provinces are often named after their capital.
    town = e.feature in ("city", "village", "facility") and bool(e.admin1) and not _norm(e.admin1).startswith(_norm(e.name)[:5])
    coord = _COORD_AFTER.match(after)
    if _DISTRICT_AFTER.match(after) or (coord and coord.group(1).lower() in ("district", "raion", "area")):
        return 2
    if _REGION_AFTER.match(after) or coord:
        return 2 if town else 3  # "the Izium region" named after a town: the area around it
    if _NEAR.search(before):
        return 2
    if e.precision:
        return e.precision
    return _FEATURE_PRECISION.get(e.feature or "", 1)


def _aside(where: Where, m_start: int, pos: int) -> bool:
    """True when the mention sits in a relative clause that does not hold the trigger.

    "took control of Wad Medani, a refuge for people who fled fighting in Khartoum": the
    relative clause gives background, so Khartoum ranks after the town that changed hands.
    """
    if not where.parse or not where.parse.tokens:
        return False
    tok = where.token_at(m_start)
    clause = subordinate_clause(where.parse, where.tokens, m_start, tok) if tok is not None else None
    if clause is None or clause.dep != "relcl":
        return False
    trigger = where.token_at(pos)
    if describes_argument(clause, trigger, where.tokens):
        return False  # "set off a fire that swept through the camp in X": the fire's place is the strike's
    return trigger is None or not in_subtree(trigger, clause, where.tokens)


def trigger_clause(where: Where, pos: int) -> Token | None:
    """Return the verb heading the trigger's clause when that clause is not the sentence's main one.

    "The fall of X comes days after the governor was killed near Y": the killing's clause holds Y,
    not X.  None when the trigger is in the main clause (every place is then in its clause).
    """
    if not where.parse or not where.parse.tokens:
        return None
    tok = where.token_at(pos)
    for _ in range(40):
        if tok is None or tok.head == tok.i:
            return None
        if tok.pos in ("VERB", "AUX"):
            return tok
        tok = where.tokens.get(tok.head)
    return None


def _outside(where: Where, m_start: int, clause: Token | None) -> bool:
    """True when a clause is given and the mention is not inside it."""
    if clause is None:
        return False
    tok = where.token_at(m_start)
    return tok is not None and not in_subtree(tok, clause, where.tokens)


#: Verbs whose subject is a source of what the clause under them reports.
_REPORT_LEMMAS = frozenset("say tell report claim confirm state announce add write told said".split())


def _sources_place(where: Where, m_start: int, pos: int) -> bool:
    """True for a place in the subject of a reporting verb whose complement holds the trigger: "officials in
    Peshawar said the jets had targeted hideouts in Bermal" - Peshawar is where the sources sit, not the strike."""
    if not where.parse or not where.parse.tokens:
        return False
    tok, trigger = where.token_at(m_start), where.token_at(pos)
    if tok is None or trigger is None:
        return False
    prep = where.tokens.get(_nominal_end(tok, where).head)
    if prep is None or prep.text.lower() not in ("in", "at", "from"):
        return False  # "the governor of Sevastopol said the city was hit": his seat is the place
    for t in [tok, *ancestors(tok, where.tokens)]:
        if t.dep in ("nsubj", "nsubjpass"):
            verb = where.tokens.get(t.head)
            return (verb is not None and verb.lemma.lower() in _REPORT_LEMMAS and in_subtree(trigger, verb, where.tokens)
                    and not in_subtree(trigger, t, where.tokens))
    return False


def _nominal_end(tok: Token, where: Where) -> Token:
    """Return the head of the name ``tok`` is part of ("Peshawar" of "Peshawar"; "Kryvyi" -> "Rih")."""
    while tok.dep in ("compound", "flat") and tok.head != tok.i and tok.head in where.tokens:
        tok = where.tokens[tok.head]
    return tok


def _ranked(text: str, e: Entity, m_start: int, m_end: int, pos: int, where: Where,
            clause: Token | None = None, transfers: bool = False) -> tuple[tuple, Located] | None:
    """Return (sort key, Located) for one mention, or None when it names an actor, a destination or the sources'
    seat."""
    if _COMPASS.match(text, m_start, m_end):
        return None  # "held in the West": a bloc or a direction, not a place
    if _sources_place(where, m_start, pos):
        return None
    role = place_role(where.parse, where.tokens, m_start) if where.parse and where.parse.tokens else 1
    before = text[max(0, m_start - 120) : m_start]
    if role == ACTOR or _DESTINATION.search(before) or (transfers and _TRANSFER_TO.search(before)):
        return None
    country = _is_country(e)
    prec = 3 if country else _precision(text, e, m_start, m_end)
    in_dateline = where.dateline is not None and where.dateline[0] <= m_start < where.dateline[1]
    if in_dateline:
        prec = 3  # the reporter's location: at best the area of the event
    reference = (bool(_REFERENCE.search(text[max(0, m_start - 60) : m_start])) or _aside(where, m_start, pos)
                 or bool(_QUALIFIES.match(text, m_end)) or bool(_OF_NAME.match(text, m_end) and _TOWN_WORD_END.search(text, m_start, m_end))
                 or bool(_SEAT_OF.match(text, m_end)))
    unmapped = e.lat is None and not country  # a name left ambiguous or unlinked: no dot, so a mapped one first
    key = (int(in_dateline), int(reference), int(country), int(unmapped), int(_outside(where, m_start, clause)),
           int(role != LOCATIVE), prec, abs(m_start - pos))
    return key, Located(e, e.name, prec, m_start, point=not country)


def locate(
    text: str, entities: tuple[Entity, ...], start: int, end: int, pos: int, where: Where | None = None,
    *, transfers: bool = False,
) -> Located | None:
    """Return the place of the event whose sentence is [start, end) and trigger at ``pos``.

    Args:
        text: the article text.
        entities: resolved entities (places are those of kind "place").
        start: the sentence start.
        end: the sentence end.
        pos: the trigger's offset.
        where: the parse (for roles) and the dateline span; without it every mention is OTHER.
        transfers: True for an evacuation: a place people were moved to ("taking them to X") is not its place.
    Returns:
        The best place (see the module docstring), or None.
    """
    where = where or Where()
    clause = trigger_clause(where, pos)
    best: tuple[tuple, Located] | None = None
    # a place inside an organisation's name ("Tehrik-e-Taliban Pakistan") places nothing
    named = [(m.start, m.end) for e in entities if e.kind == "org" for m in e.mentions if start <= m.start < end]
    for e in entities:
        if e.kind != "place":
            continue
        for m in e.mentions:
            if any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in named):
                continue
            if start <= m.start < end and not _ATTRIBUTE_AFTER.match(text, m.end):
                hit = _ranked(text, e, m.start, m.end, pos, where, clause, transfers)
                if hit is not None and (best is None or hit[0] < best[0]):
                    best = hit
    if best is not None and not best[1].point and (cap := _capital_named(text, best[1], entities)) is not None:
        return cap
    return best[1] if best else None


#: "Somalia's capital", "the capital of Somalia": the country's capital city, not the country.
_CAPITAL_AFTER = re.compile(r"['\u2019]s\s+capital\b(?!\s+(?:markets?|flight|flows?|gains?|controls?|spending|investments?))")
_CAPITAL_BEFORE = re.compile(r"\bcapital\s+of\s+(?:the\s+)?$")
#: Evidence tag the place stage gives a national capital (``resolve.places.CAPITAL_EVIDENCE``).
CAPITAL_EVIDENCE = "national-capital"


def _capital_named(text: str, where: Located, entities: tuple[Entity, ...]) -> Located | None:
    """Return the country's capital when the country is named as its capital's owner and the article names that city."""
    m0 = where.start
    m_end = next((m.end for m in where.entity.mentions if m.start == m0), m0)
    owner = _CAPITAL_AFTER.match(text, m_end) or _CAPITAL_BEFORE.search(text, max(0, m0 - 20), m0)
    cc = where.entity.country_code
    if not owner or not cc:
        return None
    cap = next((e for e in entities if e.kind == "place" and e.country_code == cc and CAPITAL_EVIDENCE in e.evidence
                and e.lat is not None), None)
    return Located(cap, cap.name, 1, m0) if cap is not None else None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _norm(s: str | None) -> str:
    return re.sub(r"[^a-z]", "", (s or "").lower())


#: Place features that can hold a town's event as one happening (a region, a district).
_AREA_FEATURES = frozenset({"region", "district", None})


def compatible_places(a: Entity | None, b: Entity | None, ea: Event, eb: Event) -> bool:
    """Return True if two events' places can be one happening's place.

    Same entity; or close coordinates; or one is a region (precision 3) holding the other.
    Places in two different countries are never one place, however close: a strike on a
    border village and fighting in a town across the border are two happenings.
    """
    if ea.place_id == eb.place_id:
        return True
    if a is not None and b is not None and a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    if ea.lat is not None and eb.lat is not None and ea.lon is not None and eb.lon is not None:
        if km(ea.lat, ea.lon, eb.lat, eb.lon) <= MERGE_KM:
            return True
    for region, town, town_ent, region_ent in ((ea, eb, b, a), (eb, ea, a, b)):
        if region_ent is not None and region_ent.feature not in _AREA_FEATURES and not any(
                region.start <= m.start < region.end for m in region_ent.mentions):
            continue  # a city taken from the dateline, not named as "the X region", holds no other town's event
        if region.geo_precision == 3 and (town.geo_precision or 3) < 3 and town_ent is not None:
            if _norm(town_ent.admin1) and _norm(region.place_name)[:5] in _norm(town_ent.admin1):
                return True
    return False


#: "50 nautical miles (93 kilometres) southwest of the port city of": a bearing from a named place.
_BEARING = re.compile(
    r"\b\d[\d,.]*\s*(?:nautical\s+)?(?:miles|kilometres|kilometers|km|nm)\s*(?:\([^)]{1,30}\)\s*)?"
    r"(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+of\s+(?:the\s+)?"
    r"(?:(?:port\s+)?(?:city|town|village|port|island)\s+of\s+)?$", re.I)
#: How far after a sea-placed event (characters) a bearing may refine it: the next sentence or so.
#: Set from wire style, not tuned on a corpus.
BEARING_CHARS = 300


def refine_offshore(events: list[Event], entities: tuple[Entity, ...], text: str) -> list[Event]:
    """Place an event at sea near the town a bearing names ("hit a ship in the Gulf of X. The ship was struck
    50 nautical miles southwest of Y"): Y at geo precision 2, since a sea's centroid can lie hundreds of km off.

    Args:
        events: merged events.
        entities: resolved entities (a sea has feature "water").
        text: the article text.
    Returns:
        The events, those placed at a water body moved to the first town named by a bearing in their
        sentence or within BEARING_CHARS after it.
    """
    by_id = {e.id: e for e in entities}
    towns = sorted(((m.start, e) for e in entities if e.kind == "place" and e.feature in ("city", "village", "facility")
                    and e.lat is not None for m in e.mentions), key=lambda t: t[0])
    out = []
    for ev in events:
        sea = by_id.get(ev.place_id or "")
        if sea is not None and sea.feature == "water":
            for start, town in towns:
                if ev.start <= start < ev.end + BEARING_CHARS and _BEARING.search(text[max(0, start - 120) : start]):
                    ev = dataclasses.replace(ev, place_id=town.id, place_name=town.name, lat=town.lat, lon=town.lon,
                                             geo_precision=2)
                    break
        out.append(ev)
    return out
