"""Stage ``events.lexical.v1``: events of a German, Ukrainian or Russian article read without a parser.

A sentence is an event when its trigger words (:mod:`dateline.events.lexcues`: обстріл,
удар, атака, вибух, обстрел, взрыв, Angriff, Beschuss ...) reach the English stage's
score floor, or when it reports people killed or wounded.  The class is the trigger
class with the highest summed weight (ties by the English precedence,
:data:`dateline.events.classify.PRECEDENCE`), so the short type and the ACLED event and
sub-event types are the English taxonomy's.

Arguments, read from the same sentence only:

* place: the resolved places named in the trigger's clause (else in the sentence) at
  the finest precision (a town outranks the region and the country it lies in); a clause
  naming several towns ("обстріли Миколаєва та Запоріжжя") gives one event per town, as
  ACLED codes one event per location, while "У Харкові пошкоджено будинки, а біля
  Бахмута тривали бої" puts the fighting at Bakhmut only;
* date: the lexical date nearest the trigger (:func:`dateline.events.dates.date_near`);
* killed and injured: :func:`dateline.events.lexcues.count_toll`, given to the place
  mentioned nearest the casualty word;
* the quote holding the trigger, if any; the target ``group:civilians`` when an attack
  or evacuation sentence names civilians (людей, жителей, Menschen), as in English.

Not read: who acted (without a parser the reporting ministry and the attacker look
alike), places named only in an earlier sentence, and hedges beyond a short list of
modal words (which halve the confidence).  Mentions of the same happening (same type,
subtype and place, compatible dates) are merged, and a sentence that only gives a toll
("Загинули троє людей.") completes the attack just before it (within
:data:`~dateline.events.extract.FOLLOW_UP_CHARS`) when its place, if any, is that attack's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dateline.events.casualties import Casualties
from dateline.events.classify import PRECEDENCE
from dateline.events.dates import date_near
from dateline.events.extract import BACKGROUND_DAYS, CIVILIANS_ID, FOLLOW_UP_CHARS, MIN_EVENT_SCORE, TIME_PRECISION
from dateline.events.lexcues import (
    CIVILIANS,
    MODAL,
    NONSTATE,
    UNCOMMENTED,
    Trigger,
    clause_of,
    count_toll,
    find_triggers,
    matches,
)
from dateline.events.lexsides import event_sides
from dateline.events.taxonomy import SubEventType, lookup
from dateline.model import Article, DateMention, Disagreement, Entity, Event, Parse, Quote, Sentence

STAGE = "events.lexical.v1"
#: Confidence is the English formula's (0.3 + 0.08 x score, at most 0.9) times this: a dictionary reading
#: without a parser is less sure of what the trigger governs.  Set by judgement, not tuned on a corpus.
LEXICAL_DISCOUNT = 0.8
#: Factor on the confidence of a sentence with a modal word ("може", "угроза", "könnte").  As events/extract.py.
MODAL_FACTOR = 0.5
#: ACLED geo precision by gazetteer feature (as events/places.py): towns 1, districts 2, regions and water 3.
FEATURE_PRECISION = {"city": 1, "village": 1, "facility": 1, "district": 2, "region": 3, "water": 3, "country": 3}
_RANK = {code: i for i, code in enumerate(PRECEDENCE)}
#: Event types that report deaths themselves (as events/extract.py); another type with a death toll yields to
#: an attack class the sentence also has triggers for.
_LETHAL_TYPES = frozenset({"attack", "protest", "territory_change"})


@dataclasses.dataclass(frozen=True)
class _Hit:
    klass: SubEventType
    score: float
    pos: int  # offset of the deciding trigger in the sentence


def _scores(triggers: list[Trigger]) -> dict[str, tuple[float, int]]:
    """Return code -> (summed weight, first trigger offset); each cue counts once, as in the English lexicon."""
    seen: set[int] = set()
    out: dict[str, tuple[float, int]] = {}
    for t in triggers:
        if t.cue in seen:
            continue
        seen.add(t.cue)
        total, pos = out.get(t.code, (0.0, t.start))
        out[t.code] = (total + t.weight, min(pos, t.start))
    return out


def classify_sentence(text: str, lang: str, toll: Casualties) -> _Hit | None:
    """Return the event class a sentence reports, or None (no trigger over the floor and no casualties).

    Args:
        text: the sentence.
        lang: "uk", "ru" or "de".
        toll: its casualty counts.
    """
    scores = _scores(find_triggers(text, lang))
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], _RANK.get(kv[0], 99)))
    hurt = toll.killed is not None or toll.injured is not None
    if not hurt and matches(UNCOMMENTED, text, lang):
        return None  # "the attack was not commented on": no happening of its own
    if not ranked or ranked[0][1][0] < MIN_EVENT_SCORE:
        if not hurt:
            return None
        return _Hit(lookup("ATTACK"), 0.0, toll.spans[0][0])  # casualties with no trigger: violence against people
    code, (score, pos) = ranked[0]
    if code == "GOV_REGAINS_TERIT" and matches(NONSTATE, text, lang):
        code = "NON_STATE_ACTOR_OVERTAKES_TER"  # as events/classify.py: a non-state group took the ground
    klass = lookup(code)
    if hurt and (code == "PROPERTY_DISTRUCT" or code == "ARMED_CLASH" and matches(CIVILIANS, text, lang)):
        return _Hit(lookup("ATTACK"), score, pos)  # people were hurt: an attack, not a clash or property destruction
    if toll.killed and klass.type not in _LETHAL_TYPES:
        lethal = [(c, s, p) for c, (s, p) in ranked if lookup(c).type == "attack" and s >= MIN_EVENT_SCORE]
        if lethal:
            return _Hit(lookup(lethal[0][0]), lethal[0][1], lethal[0][2])
    return _Hit(klass, score, pos)


def _precision(e: Entity) -> int:
    return e.precision or FEATURE_PRECISION.get(e.feature or "", 1)


def named_places(entities: tuple[Entity, ...], start: int, end: int) -> list[tuple[Entity, int]]:
    """Return every resolved place named in [start, end), with its first offset there."""
    found: dict[str, tuple[Entity, int]] = {}
    for e in entities:
        if e.kind == "place" and e.status == "resolved":
            offs = [m.start for m in e.mentions if start <= m.start < end]
            if offs:
                found[e.id] = (e, min(offs))
    return list(found.values())


def finest(found: list[tuple[Entity, int]]) -> list[tuple[Entity, int]]:
    """Return the places at the finest precision, in text order; countries only when nothing finer is named."""
    pool = [x for x in found if x[0].feature != "country"] or list(found)
    if not pool:
        return []
    best = min(_precision(e) for e, _ in pool)
    return sorted((x for x in pool if _precision(x[0]) == best), key=lambda x: x[1])


def _place_fields(e: Entity | None) -> dict:
    point = e is not None and e.feature != "country"  # a country is known but not a mappable point
    return {"place_id": e.id if e else None, "place_name": e.name if e else None,
            "lat": e.lat if point else None, "lon": e.lon if point else None,  # type: ignore[union-attr]
            "geo_precision": _precision(e) if e else None}


def _quote_at(quotes: tuple[Quote, ...], pos: int) -> Quote | None:
    return next((q for q in quotes if q.start <= pos < q.end), None)


def _background(day: DateMention | None, published: dt.date | None) -> bool:
    """Return True if the date ends more than BACKGROUND_DAYS before publication (history, not news)."""
    if day is None or published is None or not day.value:
        return False
    return (published - dt.date.fromisoformat((day.end_value or day.value)[:10])).days > BACKGROUND_DAYS


def _sentence_events(article: Article, sent: Sentence, ctx: dict) -> tuple[list[Event], bool]:
    """Return the events one sentence reports (one per place at its finest precision, or one unplaced) and
    whether they rest on a toll alone."""
    text, lang = article.text[sent.start:sent.end], article.language
    skip = tuple((d.start - sent.start, d.end - sent.start) for d in ctx["dates"] if sent.start <= d.start < sent.end)
    toll = count_toll(text, lang, skip)
    hit = classify_sentence(text, lang, toll)
    if hit is None:
        return [], False
    pos = sent.start + hit.pos
    day = date_near(ctx["dates"], sent.start, sent.end, pos=pos)
    if day is not None and day.precision not in TIME_PRECISION:
        day = None  # a year alone is too coarse to date an event
    if _background(day, article.published):
        return [], False
    quote = _quote_at(ctx["quotes"], pos)
    word = re.match(r"\w+", article.text[pos:])
    actors, targets = event_sides(article.text, lang, sent.start, sent.end, (pos, pos + (word.end() if word else 1)),
                                  ctx["entities"], ctx["quotes"])
    if hit.klass.type in ("attack", "evacuation") and matches(CIVILIANS, text, lang):
        targets += (CIVILIANS_ID,)
    confidence = min(0.9, 0.3 + 0.08 * hit.score) * LEXICAL_DISCOUNT * (MODAL_FACTOR if matches(MODAL, text, lang) else 1.0)
    k = hit.klass
    base = Event(id="", type=k.type, subtype=k.subtype, acled_event_type=k.acled_event_type,
                 acled_sub_event_type=k.acled_sub_event_type, text=text, start=sent.start, end=sent.end, actors=actors, targets=targets,
                 date=day.value if day else None, time_precision=TIME_PRECISION.get(day.precision or "") if day else None,
                 source_quote=(quote.id or None) if quote else None, source_status=quote.status if quote else None,
                 confidence=round(confidence, 2), stage=STAGE, **_place_fields(None))
    a, b = clause_of(text, hit.pos, hit.pos + 1)
    places = finest(_event_places(text, sent.start, hit.pos, named_places(ctx["entities"], sent.start + a, sent.start + b))
                    or _event_places(text, sent.start, hit.pos, named_places(ctx["entities"], sent.start, sent.end)))
    if quote is not None:  # a trigger in a quotation happened where the quotation says, not where it was said
        places = [(e, off) for e, off in places if quote.start <= off < quote.end]
    toll_only = hit.score == 0.0
    if not places:
        return [dataclasses.replace(base, killed=toll.killed, injured=toll.injured)], toll_only
    at = sent.start + toll.spans[0][0] if toll.spans else pos
    counted = min(places, key=lambda x: abs(x[1] - at))[0].id
    return [dataclasses.replace(base, **_place_fields(e), killed=toll.killed if e.id == counted else None,
                                injured=toll.injured if e.id == counted else None) for e, _ in places], toll_only


#: Words before a place that make it no place of the event: an office's seat ("очільник Харківщини", "Gouverneur
#: des Gebiets Odessa"), or a landmark the event is only near when the clause names another town ("в селі Гроза
#: поблизу Куп'янська").
_OFFICE = re.compile(r"(?:очільни\w*|голов[аиі]|губернатор\w*|мер\w*|мэр\w*|глав[аыеу]|gouverneur\w*|bürgermeister\w*|"
                     r"verwaltungschef\w*)\s+(?:\w+\s+){0,2}$", re.I)
_NEAR = re.compile(r"(?:поблизу|біля|неподалік\s+від|недалеко\s+від|около|возле|близ|неподалеку\s+от|недалеко\s+от|"
                   r"nahe|unweit)\s+$", re.I)
#: A relative clause about someone ("Зеленський, який у четвер перебував ... в іспанській Гранаді, назвав удар"):
#: its places are where that person was, not where the trigger outside it happened.
_RELATIVE = re.compile(r",\s+(?:який|яка|яке|які|котрий|котра|который|которая|которое|которые|der|die|das|welcher|welche)\b[^,]*",
                       re.I)


def _event_places(text: str, base: int, pos: int, places: list[tuple[Entity, int]]) -> list[tuple[Entity, int]]:
    """Drop places of the trigger's sentence that are not where it happened (an office's seat, a landmark it is
    near, a place of a relative clause the trigger is outside of); a lone landmark is kept."""
    def seat(off: int) -> bool:
        return bool(_OFFICE.search(text, max(0, off - base - 40), off - base))

    def aside(off: int) -> bool:
        return any(m.start() <= off - base < m.end() and not m.start() <= pos < m.end() for m in _RELATIVE.finditer(text))

    kept = [(e, off) for e, off in places if not seat(off) and not aside(off)]
    near = {off for _e, off in kept if _NEAR.search(text, max(0, off - base - 30), off - base)}
    first = min((off for _e, off in kept if off not in near), default=None)  # the town named before "near X"
    return [(e, off) for e, off in kept if off not in near or first is None or off < first]


def _same(a: Event, b: Event, toll_only: bool) -> bool:
    """Return True if ``b`` mentions the happening ``a``: same class and place, compatible dates.

    A toll-only ``b`` (no trigger, only casualties) is the attack ``a`` it follows closely, unplaced or at a's place.
    """
    dates = a.date is None or b.date is None or a.date == b.date
    if toll_only and a.type == "attack" and 0 <= b.start - a.end <= FOLLOW_UP_CHARS:
        # a toll reported later is dated by its report ("..., teilte der Katastrophenschutz am Mittwoch mit")
        return (dates or b.date >= a.date) and b.place_id in (None, a.place_id)
    return a.subtype == b.subtype and a.place_id is not None and a.place_id == b.place_id and dates


def _merge(a: Event, b: Event) -> Event:
    """Merge b into a: the known date, the larger counts, the higher confidence, both targets; a's evidence span."""
    def most(x: int | None, y: int | None) -> int | None:
        return max(v for v in (x, y) if v is not None) if x is not None or y is not None else None
    dated = a if a.date else b
    return dataclasses.replace(a, date=dated.date, time_precision=dated.time_precision, killed=most(a.killed, b.killed),
                               injured=most(a.injured, b.injured), confidence=max(a.confidence, b.confidence),
                               actors=tuple(dict.fromkeys(a.actors + b.actors)),
                               targets=tuple(dict.fromkeys(t for t in a.targets + b.targets if t not in a.actors + b.actors)),
                               source_quote=a.source_quote or b.source_quote, source_status=a.source_status or b.source_status)


def lexical_events(article: Article, parse: Parse, entities: tuple[Entity, ...], dates: tuple[DateMention, ...],
                   quotes: tuple[Quote, ...]) -> tuple[tuple[Event, ...], tuple[Disagreement, ...]]:
    """Return the events of a de/uk/ru article (and no disagreements: figures are not compared without a parser).

    Args:
        article: the article (its language picks the trigger words).
        parse: its lexical parse (sentences).
        entities: resolved places (and people and organisations, unused).
        dates: lexical dates.
        quotes: marked quotes; an event whose trigger is quoted points to its quote.
    Returns:
        (events with ids ev1, ev2 ... in text order, ()).
    """
    ctx = {"entities": entities, "dates": dates, "quotes": quotes}
    merged: list[Event] = []
    for sent in parse.sentences:
        events, toll_only = _sentence_events(article, sent, ctx)
        if events and _refers_back(article, sent, events[0], merged):
            continue  # "bei dem Angriff", "verurteilte den Angriff": the attack already reported
        for ev in events:
            i = next((i for i in range(len(merged) - 1, -1, -1) if _same(merged[i], ev, toll_only)), None)
            if i is None:
                merged.append(ev)
            else:
                merged[i] = _merge(merged[i], ev)
    merged = _fold_unplaced(merged)
    return tuple(dataclasses.replace(ev, id=f"ev{n}") for n, ev in enumerate(merged, 1)), ()


#: A definite article or a demonstrative before a trigger noun: the happening was named before ("bei dem Angriff",
#: "цей удар", "этот удар").
_BACK = re.compile(r"(?:\b(?:der|die|das|dem|den|des|dieser|diesem|diesen|dieses|цей|цього|цим|ця|цієї|цю|цих|"
                   r"этот|этого|этим|эта|этой|эту|этих)\s+)(?:[\w-]+\s+)?$", re.IGNORECASE)


#: A place right after the trigger noun ("Kämpfe bei X", "бої біля X", "удар по X").
_PLACED_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:bei|in|im|auf|nahe|um|an|gegen|по|на|в|у|під|под|біля|около|возле|"
                           r"поблизу)\s+[A-ZÄÖÜА-ЯІЇЄҐ]")


#: Trigger classes of an attack noun ("Angriff", "удар", "обстрел", "Kämpfe").
_ATTACK_CODES = frozenset({"AIR_STRIKE", "ARMED_CLASH", "ATTACK", "ART_MISS_ATTACK", "REM_EXPLOS"})


def _refers_back(article: Article, sent: Sentence, ev: Event, merged: list[Event]) -> bool:
    """Return True if the sentence's triggers include a noun with a definite article or demonstrative, naming no place
    of its own, after an attack was reported: the sentence comments on that happening (a claim about it, a reaction
    to it), whatever else its words make of it ("bei dem Angriff ein Depot zerstört")."""
    if not merged or ev.killed or ev.injured:
        return False
    text = article.text[sent.start:sent.end]
    for t in find_triggers(text, article.language):
        if t.code not in _ATTACK_CODES:
            continue
        if _PLACED_AFTER.match(text, t.end):
            return False  # "die Kämpfe bei Wowtschansk": the trigger names its own place, a happening of its own
        if _BACK.search(text, max(0, t.start - 40), t.start) and any(m.type == "attack" for m in merged):
            return True
    return False


#: The subtype a bare attack verb gets ("Russland hat die Küste angegriffen"): unplaced, it is the lead's summary of a
#: strike the next sentences place and name ("Drohnen trafen den Hafen von X"), and folds into it.
GENERIC_ATTACK = "armed_clash"


def _fold_unplaced(events: list[Event]) -> list[Event]:
    """Merge an unplaced event into the one placed event of its class the article has, dates allowing.

    "Росіяни випустили по місту три ракети" after "ракетний удар по Чернігову" is the same strike: without a
    parser its sentence names no place, and it is no happening of its own.  An event placed only at a country
    ("Russland feuerte zwei Raketen ab") folds the same way; an undated, unplaced mention in a story of several
    strikes ("на момент удару") folds into the nearest one before it.
    """
    out = list(events)
    for ev in [e for e in events if e.lat is None]:  # unplaced, or placed at a country only ("feuerte Russland ...")
        homes = [k for k, h in enumerate(out) if h is not ev and h.lat is not None and h.type == ev.type
                 and (h.subtype == ev.subtype or ev.subtype == GENERIC_ATTACK)
                 and (h.date is None or ev.date is None or h.date == ev.date)
                 and set(ev.actors) <= set(h.actors)]  # a side the placed event does not name: another fight
        before = [k for k in homes if out[k].start < ev.start]
        if len(homes) == 1 or (before and ev.date is None):
            k = homes[0] if len(homes) == 1 else before[-1]  # else the nearest strike before an undated mention
            out[k] = _merge(out[k], ev)
            out.remove(ev)
    return out
