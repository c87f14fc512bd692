"""Stage ``events.v1``: typed, located, dated events, and disagreements between sources.

One candidate event per sentence whose cues classify it (or that reports casualties),
with its arguments: actors/targets (entity ids), place (entity + coordinates + ACLED
geo precision), date (ACLED time precision), killed/injured, the quote it rests on and
the evidence span.  Candidates that describe the same happening (same short type,
compatible places and dates) are merged; separate happenings stay separate.

Merging: same short type, compatible places (:func:`places.compatible_places`) and
dates; for ``territory_change`` also the same subtype, because the subtype carries the
direction (a Russian withdrawal from Izium and a Ukrainian recapture of Kupiansk are
two happenings even in one region).  A tally ("recaptured more than 30 settlements",
"took 1,000 square kilometers") sums many happenings, so it never merges with (or
lends its date to) a mention of one place.

Dates (one rule, in order):

1. the event's own clause: the date expression nearest the trigger in its sentence,
   ignoring dates inside a relative/participial clause that does not hold the trigger
   ("retook Kupiansk, a hub captured by Russia in February, on Saturday");
2. else the date of a merged mention of the same happening;
3. else, only for a *said* report (a reporting verb or an attributed quote in the
   sentence) of a current happening, the publication date with time precision 2 (the
   week up to publication); otherwise no date.

Background: a candidate whose own date ends more than :data:`BACKGROUND_DAYS` before
publication ("a railway hub captured by Russia in February") describes history, not a
happening the story reports; it is not emitted as an event (the event list is what an
analyst would code from this report) unless its date is a day ("detained in X on March 29,
2023"): an analyst can code a past happening dated to the day.

Places: see :mod:`dateline.events.places` (actors are not places, the dateline place
is a last resort, countries carry no point).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Sequence

from dateline.events.casualties import Count, count_casualties
from dateline.events.classify import Classification, classify_text, score_text
from dateline.events.dates import anaphoric_date, date_near, frame_date, heading_date, offset_date
from dateline.events.disagreements import find_disagreements
from dateline.events.elaboration import date_from_lede, elaborate, refers_back, town_referents
from dateline.events.incidental import captured_people, incidental, long_past, tally_start, years_before
from dateline.events.infrastructure import dateline_place, facility_referents, merge_facilities, refine
from dateline.events.lead import fold_summaries, place_from_lead
from dateline.events.modality import unrealised
from dateline.events.places import MERGE_KM, Located, Where, compatible_places, km, locate, refine_offshore
from dateline.events.roles import ancestors, describes_argument, in_subtree, subordinate_clause, token_at
from dateline.events.taxonomy import SubEventType, lookup
from dateline.events.tolls import apply_revisions, merge_restatements, place_tolls, repeats_toll, split_totals
from dateline.ingest.dateline import parse_dateline
from dateline.model import Article, DateMention, Disagreement, Entity, Event, Parse, Quantity, Quote, Sentence

#: ACLED time precision by date precision: 1 = the day is known, 2 = the week, 3 = the month.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
#: Below this classifier score a sentence without casualties yields no event.
#: Tuned on CASE 2021 Task 2 rows with id ≡ 0 (mod 4) (same floor as classify.MIN_SCORE).
MIN_EVENT_SCORE = 2.5
#: A date ending more than this many days before publication is background ("a hub
#: captured in February"): it may date its own event but never glues onto a current one.
#: Set from news practice (events are reported within days), not tuned on a corpus.
BACKGROUND_DAYS = 30
_SPAN_DAYS = {1: 0, 2: 6, 3: 30}
_MODAL = re.compile(r"\b(could|would|might|may|if|plans? to|threaten\w*|warn\w*)\b", re.I)
_ELSEWHERE = re.compile(r"^\W*(?:[\w-]+\s+){0,3}?(elsewhere|in other (?:areas|parts|places|districts|towns|villages))\b", re.I)
#: A sentence the story itself marks as another happening.
_SEPARATE = re.compile(r"^\W*(?:separately|in (?:a |another )?separate (?:attack|strike|incident|raid)|"
                       r"in (?:another|a second) (?:attack|strike|incident|raid))\b", re.I)
#: "Gangs also attacked the prison in X", "Also on Sunday, ...": the story adds a happening of the same kind at another
#: place (a subject of up to four words, then "also" and a verb in the past).
_ALSO = re.compile(r"^\W*(?:also\b|(?!the (?:attacks?|strikes?|blasts?|explosions?|shelling|raids?|bombings?|assault|fire)\b)"
                   r"(?:[\w'’-]+\s+){1,4}also\s+(?:\w+ed|hit|struck|shot|took|overran|set|blew|fired)\b)", re.I)
#: A sentence that opens on who reports ("Officials said troops had withdrawn ..."): a report of its own, outside the
#: time frame the paragraph opened with.
_OPENS_REPORT = re.compile(r"^\W*(?:[\w'’.-]+\s+){0,4}(?:said|says|told|reported|announced|claimed|added)\b")
#: A reported happening: the sentence attributes it ("said", "told", "reported").
_SAID = re.compile(r"\b(said|says|told|tells|reported|reports|announced|announces|claimed|claims|confirmed|"
                   r"stated|tweeted|wrote|added)\b", re.I)
#: A date that dates the report, not the happening: "officials said Wednesday", "told reporters on Monday".
#: The happening is then known to the week ending that day (time precision 2).
_SAID_ON = re.compile(r"\b(?:said|says|told (?:\w+ ){0,2}|reported|announced|confirmed|added|wrote)\s*(?:on|late|early)?\s*$", re.I)
#: A toll's revision right before a date ("rose to 30 on Sunday", "had climbed to 45 by Monday").
_REVISED_ON = re.compile(r"\b(?:rose|risen|climbed|increased|jumped|reached)\s+(?:to\s+)?(?:at\s+least\s+|nearly\s+|"
                         r"more\s+than\s+)?[\d,.]+\s+(?:on|by|as\s+of)?\s*$", re.I)
#: A tally of many captures: a number (or "dozens of") before settlements, towns or an area unit.
_TALLY = re.compile(r"\b(?:\d[\d,.]*|dozens|hundreds|several|many|(?:twenty|thirty|forty|fifty|a hundred)\w*)\s+"
                    r"(?:of\s+)?(?:settlements|towns|villages|cities|localities|square\s+(?:kilometers|kilometres|miles)|km2)\b", re.I)
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


def _count_key(text: str, start: int, end: int, sent_start: int, entities: tuple[Entity, ...]) -> str | None:
    """Return the place a count phrase names in text[start:end]: a place id, "elsewhere", or None."""
    if _ELSEWHERE.match(text[start:end]):
        return "elsewhere"
    lo, hi = sent_start + start, sent_start + end
    hits = [(m.start, e.id) for e in entities if e.kind == "place" for m in e.mentions if lo <= m.start < hi]
    return min(hits)[1] if hits else None


def split_counts(
    text: str, sent_start: int, parts: tuple[Count, ...], entities: tuple[Entity, ...]
) -> list[tuple[str | None, int | None, int | None]]:
    """Group a sentence's casualty counts by the place each names: [(place key, killed, injured)].

    The rule: counts are added only when they name the same place.  A count's place is
    the first place mention (or "elsewhere") between it and the next count; a count
    naming no place joins the first group.  "Five were hospitalized in X and nine
    others were injured elsewhere" gives two groups (X: 5 injured, elsewhere: 9).

    Args:
        text: the sentence; ``parts`` offsets are relative to it.
        sent_start: the sentence's offset in the article (entity mentions are absolute).
        parts: the sentence's count phrases in text order.
        entities: resolved entities.
    Returns:
        One (key, killed, injured) per group, the first group first; [(None, None, None)] without counts.
    """
    keys = []
    for i, c in enumerate(parts):
        nxt = parts[i + 1].start if i + 1 < len(parts) else len(text)
        keys.append(_count_key(text, c.end, nxt, sent_start, entities))
    order = list(dict.fromkeys(k for k in keys if k is not None)) or [None]
    groups: dict[str | None, list[int | None]] = {k: [None, None] for k in order}
    for c, k in zip(parts, keys):
        slot = groups[k if k is not None else order[0]]
        i = 0 if c.kind == "killed" else 1
        slot[i] = (slot[i] or 0) + c.n
    return [(k, v[0], v[1]) for k, v in groups.items()]


def _classify(text: str) -> tuple[SubEventType, Classification] | None:
    """Return (class, classification) for a sentence, or None when it reports no event."""
    cls = _realised_classification(text)
    cas = count_casualties(text)
    klass = cls.klass
    pos = max(0, text.lower().find(cls.evidence[0].lower())) if cls.evidence else 0
    real = cls.score >= MIN_EVENT_SCORE and not unrealised(text, pos)
    if not real:
        if cas.killed is None and cas.injured is None:
            return None
        klass = lookup("ATTACK")  # casualties with no (realised) trigger: violence against people
    if klass.type == "territory_change" and klass.subtype != "withdrawal" and captured_people(text):
        klass = lookup("ARMED_CLASH") if cas.killed or cas.injured else lookup("OTHER")  # fighters taken, not ground
    if klass.code == "NATURAL_DISASTER" and real and (weapon := _remote_over(cls, klass.code)):
        code, score = weapon  # "left flooding after rebels rammed it with a drone boat": the attack is the event
        return lookup(code), Classification(code, score, _cue_words(text, code), cls.scores)
    if klass.code in ("OTHER", "NATURAL_DISASTER", "ORG_CRIME", "ATTRIB"):
        return None
    if klass.type == "infrastructure" and real and (weapon := _remote_over(cls, klass.code)):
        code, score = weapon  # "missiles destroyed the power station": the strike is the event, the plant its target
        return lookup(code), Classification(code, score, _cue_words(text, code), cls.scores)
    if cas.killed and klass.type == "territory_change" and _CIVILIANS.search(text) and "clash" not in text.lower():
        return lookup("ATTACK"), cls  # "stormed the town, killing 200 people": the killing is the event
    if (cas.killed or cas.injured) and klass.code == "PROPERTY_DISTRUCT":
        return lookup("ATTACK"), cls  # "settlers torched houses, wounding 12": people were hurt, so it is an attack
    if cas.killed and klass.type not in _LETHAL_TYPES:
        lethal = [(code, score) for code, score in cls.scores if lookup(code).type == "attack" and score >= MIN_EVENT_SCORE]
        if lethal:  # "were looting homes, and shells had killed eight": the killing is the event
            code, score = lethal[0]
            return lookup(code), Classification(code, score, _cue_words(text, code), cls.scores)
        if klass.type == "diplomacy":  # "declared a state of emergency over violence that has killed 80": the killing
            return lookup("ATTACK"), cls
    return klass, cls


#: Words of event cues that organisations take into their names ("National Liberation Army", "Rohingya Salvation
#: Army", "Road to Relief"); inside such a name they report nothing.  Only these are blanked: a name's head noun
#: ("Arakan Army") still tells who fought.
_NAME_CUE_WORDS = re.compile(r"\b(?:[Ll]iberat\w*|[Ss]alvation|[Rr]esistance|[Rr]escue|[Rr]elief|[Rr]evolution\w*|"
                             r"[Ll]iberty|[Ff]reedom|[Ss]upport|[Pp]rotection)\b")


def _names_blanked(text: str, base: int, entities: Sequence[Entity]) -> str:
    """Return the sentence with the cue words of organisation names blanked out (same length): "National
    Liberation Army" names a group and reports no liberation, "Our war is not against the people" no capture."""
    out = text
    for e in entities:
        if e.kind != "org":
            continue
        for m in e.mentions:
            a, b = m.start - base, m.end - base
            if 0 <= a < b <= len(text) and " " in m.text:
                for w in _NAME_CUE_WORDS.finditer(text, a, b):
                    out = out[:w.start()] + " " * (w.end() - w.start()) + out[w.end():]
    return out


#: Remote-violence classes that outrank an infrastructure or natural-disaster class of no higher cue score: a
#: facility hit by missiles, drones or shells, a ship left flooding by a drone boat, is the target of an attack
#: (ACLED codes the strike, not the outage or the flood).
_REMOTE = frozenset({"ART_MISS_ATTACK", "AIR_STRIKE", "REM_EXPLOS"})
#: Most cues masked in turn when the best one is planned or hypothetical ("could bring blackouts").  Set by judgement;
#: `dateline eval events` unchanged.
MAX_MASKED_CUES = 3


def _remote_over(cls: Classification, code: str) -> tuple[str, float] | None:
    """Return the first remote-violence class scoring at least as high as class ``code`` (and the floor), if any."""
    own = dict(cls.scores).get(code, 0.0)
    return next(((c, sc) for c, sc in cls.scores if c in _REMOTE and sc >= max(own, MIN_EVENT_SCORE)), None)


def _realised_classification(text: str) -> Classification:
    """Classify a sentence on its realised cues: a cue in a planned or hypothetical clause ("officials warn
    [it] could bring long blackouts") is blanked out and the sentence classified again, so that "missiles
    destroyed the power station" in the same sentence still counts."""
    cls = classify_text(text)
    masked = text
    for _ in range(MAX_MASKED_CUES):
        if not cls.evidence or cls.score < MIN_EVENT_SCORE:
            return cls
        pos = masked.lower().find(cls.evidence[0].lower())
        if pos < 0 or not unrealised(masked, pos):
            return cls
        masked = masked[:pos] + " " * len(cls.evidence[0]) + masked[pos + len(cls.evidence[0]):]
        again = classify_text(masked)
        if not again.evidence or again.score < MIN_EVENT_SCORE:
            return cls  # nothing realised is left: the caller sees the planned cue and drops the sentence
        cls = again
    return cls


#: Event types that can report deaths themselves; another type in a sentence that reports
#: killings yields to an attack class the sentence also has cues for.
_LETHAL_TYPES = frozenset({"attack", "protest", "territory_change"})


def _cue_words(text: str, code: str) -> tuple[str, ...]:
    """Return the cue texts of class ``code`` found in ``text``."""
    return tuple(score_text(text).get(code, (0.0, []))[1])


def _candidates(article: Article, sent: Sentence, idx: int | str, ctx: dict) -> list[Event]:
    """Return the events one sentence describes (more than one when its counts name different places)."""
    text = article.text[sent.start : sent.end]
    if text.rstrip(" \n\"”’'").endswith("?"):
        return []  # "Who is behind the attack?": a question (an explainer's heading) reports nothing
    hit = _classify(_names_blanked(text, sent.start, ctx["entities"]))
    if hit is None:
        return []
    klass, cls = hit
    klass = refine(klass, text)
    pos = sent.start + max(0, text.lower().find(cls.evidence[0].lower())) if cls.evidence else sent.start
    if klass.code != cls.code and lookup(cls.code).type != klass.type and (cas := count_casualties(text).parts):
        pos = sent.start + cas[0].end - 1  # the event is the killing, not the other class's cue ("visiting")
    actors, targets = _sides(ctx["entities"], sent.start, sent.end, pos)
    if klass.type in ("attack", "evacuation") and _CIVILIANS.search(text):
        targets += (CIVILIANS_ID,)
    place: Located | None = locate(article.text, ctx["entities"], sent.start, sent.end, pos, ctx["where"],
                                   transfers=klass.type == "evacuation")
    place = place or dateline_place(ctx["entities"], ctx["where"].dateline, klass.type, klass.subtype)
    date: DateMention | None = date_near(_beyond_dateline(article, _own_dates(ctx, sent, pos, article.published)),
                                         sent.start, sent.end, pos=pos)
    if date is not None and date.precision not in TIME_PRECISION:
        if long_past(date, article.published, BACKGROUND_DAYS):
            return []  # "Aleppo was retaken ... in 2016": background
        date = None  # a year alone is too coarse to date an event
    if date is None:  # "a man was killed in X that night": the night of the day just named
        date = (anaphoric_date(text, ctx["dates"], sent.start) or heading_date(article.text, _below_dateline(article, ctx["dates"]), sent.start)
                or (None if _OPENS_REPORT.match(text) else frame_date(article.text, ctx["dates"], sent.start)))
    elif date.end <= pos:  # "on Wednesday, a day after raids killed 10": the killing was on Tuesday
        date = offset_date(article.text, date, pos)
    if date is None and years_before(text, pos - sent.start):
        return []  # "comes a decade after Boko Haram abducted 276 schoolgirls": the comparison, no news
    if incidental(text, klass.code, cls.evidence, ctx["where"], pos, dated=date is not None and not tally_start(text, date, sent.start)):
        return []  # a weapon's range, a place's position, a backstory, "the deal": no happening
    if date is not None and _REVISED_ON.search(article.text[max(0, date.start - 40) : date.start]):
        date = None  # "the death toll rose to 30 on Sunday": the day of the count, not of the strike
    said_day = date is not None and bool(_SAID_ON.search(article.text[max(0, date.start - 40) : date.start]))
    quote = _quote_for(ctx["quotes"], sent.start, sent.end, pos)
    confidence = min(0.9, 0.3 + 0.08 * cls.score) * (0.5 if _MODAL.search(text) else 1.0)
    base = Event(
        id=f"s{idx}", type=klass.type, subtype=klass.subtype, acled_event_type=klass.acled_event_type,
        acled_sub_event_type=klass.acled_sub_event_type, text=text, start=sent.start, end=sent.end,
        actors=actors, targets=targets, **_place_fields(place),
        date=date.value if date else None,
        time_precision=(max(2, TIME_PRECISION.get(date.precision or "", 2)) if said_day else TIME_PRECISION.get(date.precision or ""))
        if date else None,
        source_quote=(quote.id or None) if quote else None, source_status=quote.status if quote else None,
        confidence=round(confidence, 2),
    )
    groups = split_counts(text, sent.start, count_casualties(text).parts, ctx["entities"])
    by_id = {e.id: e for e in ctx["entities"]}
    out = [dataclasses.replace(base, killed=groups[0][1], injured=groups[0][2])]
    for n, (key, killed, injured) in enumerate(groups[1:], 1):
        other = by_id.get(key or "")
        fields = _place_fields(Located(other, other.name, other.precision or 1, sent.start)) if other else _place_fields(None)
        out.append(dataclasses.replace(base, id=f"s{idx}.{n}", killed=killed, injured=injured, **fields))
    return out


#: ", and hours later a second missile hit a depot near X": a clause that tells a strike of its own, marked as
#: another one ("a second", "another").
_SECOND_STRIKE = re.compile(
    r",\s+and\s+(?:(?:late|early|later)\s+(?:on\s+)?\w+\s+|(?:hours|minutes)\s+later\s+|then\s+)?"
    r"(?=(?:(?:a|an|the)\s+(?:second|third|another|other|new)|another)\b[^,;.]{0,60}?"
    r"\b(?:struck|hit|attacked|slammed|exploded)\b"
    # ", and two teenagers died in a strike near a mosque in X": a toll of its own in a strike of its own
    r"|(?:[\w-]+\s+){1,4}(?:died|were\s+killed)\s+in\s+(?:a|an|another)\s+(?:[\w-]+\s+)?"
    r"(?:strike|attack|raid|blast|explosion)\s+(?:near|in|on|at)\b)", re.I)


def _strike_clauses(text: str, sent: Sentence) -> list[Sentence]:
    """Return the sentence, or its two clauses when a second one tells another strike ("…, and hours later a second
    missile hit …"): each is read for its own event, place and date."""
    m = _SECOND_STRIKE.search(text, sent.start, sent.end)
    if m is None:
        return [sent]
    second = m.start() + 1 + len(text[m.start() + 1:m.end()]) - len(text[m.start() + 1:m.end()].lstrip())
    return [dataclasses.replace(sent, end=m.start()), dataclasses.replace(sent, start=second)]


def _below_dateline(article: Article, dates: tuple[DateMention, ...]) -> tuple[DateMention, ...]:
    """Drop the dates written above the article's dateline: a masthead's "Friday 25 July 2025 · 07:30" dates the
    page, not the paragraphs below it (``heading_date`` would read it as their section heading)."""
    dl = article.dateline
    return dates if dl is None else tuple(d for d in dates if d.start >= dl.start)


def _beyond_dateline(article: Article, dates: tuple[DateMention, ...]) -> tuple[DateMention, ...]:
    """Drop a dateline's own date ("MOSCOW, Feb 11 (Reuters) -") when the sentence names another: it dates the report.

    The dateline is read by ``ingest.dateline.parse_dateline`` at the start of the date's line (a headline or a
    byline may come before it, so it need not open the article).
    """
    text = article.text

    def in_dateline(d: DateMention) -> bool:
        line = text.rfind("\n", 0, d.start) + 1
        dl = parse_dateline(text[line:d.end + 40])
        return dl is not None and line + dl.end > d.start

    rest = tuple(d for d in dates if not in_dateline(d))
    return rest or dates


#: Verbs whose date is the day a thing was said, not the day it happened ("killing 45, the ministry said Monday").
REPORT_LEMMAS = frozenset({"say", "tell", "report", "announce", "add", "state", "confirm"})


#: A date in a clause that does not hold the trigger may still date the event when it is this recent (days before
#: publication) and the sentence has no better one: "two explosions tore through a rally held in Bukavu on Thursday
#: afternoon" (the rally's day is the blasts'), not "the hub captured by Russia in February".
RECENT_CLAUSE_DAYS = 7


def _own_dates(ctx: dict, sent: Sentence, pos: int, published: dt.date | None = None) -> tuple[DateMention, ...]:
    """Return the sentence's dates that may date the trigger's event, the likeliest kind only.

    A date in a relative or participial clause not holding the trigger is the clause's ("a hub captured by Russia
    in February"); a date on a verb of saying is the day of the report.  The event takes a date of neither kind if
    there is one; else a finite relative clause's date ("set off a fire that swept through the camp late Sunday,
    killing 45, the ministry said Monday": the fire's night, not the report's day); else the report's day ("the
    ministry announced Saturday that it is withdrawing troops"); else another clause's date of the last
    RECENT_CLAUSE_DAYS before ``published``.
    """
    parse: Parse | None = ctx["where"].parse
    dates = tuple(d for d in ctx["dates"] if sent.start <= d.start < sent.end)
    if parse is None or not parse.tokens:
        return dates
    tokens = ctx["where"].tokens
    trigger = token_at(parse, tokens, pos)
    own: list[DateMention] = []
    told: list[DateMention] = []
    described: list[DateMention] = []
    recent: list[DateMention] = []
    for d in (d for d in dates if d.value):  # an unresolved one ("two months of fighting") dates nothing
        tok = token_at(parse, tokens, d.start)
        clause = subordinate_clause(parse, tokens, d.start, tok)
        if clause is not None and (trigger is None or not in_subtree(trigger, clause, tokens)):
            if describes_argument(clause, trigger, tokens):
                described.append(d)
            elif _recent(d, published):
                recent.append(d)
            continue  # "a hub captured by Russia in February": that date is the clause's, not the event's
        verb = next((a for a in ancestors(tok, tokens) if a.pos in ("VERB", "AUX")), None) if tok is not None else None
        (told if verb is not None and verb.lemma in REPORT_LEMMAS and (trigger is None or trigger.i != verb.i)
         else own).append(d)
    return tuple(own or described or told or recent)


def _recent(d: DateMention, published: dt.date | None) -> bool:
    """Return True for a date in the RECENT_CLAUSE_DAYS up to publication."""
    if published is None or not d.value:
        return False
    try:
        day = dt.date.fromisoformat(d.value[:10])
    except ValueError:
        return False
    return 0 <= (published - day).days <= RECENT_CLAUSE_DAYS


def _place_fields(place: Located | None) -> dict:
    point = place is not None and place.point
    return {
        "place_id": place.entity.id if place else None, "place_name": place.name if place else None,
        "lat": place.entity.lat if point else None, "lon": place.entity.lon if point else None,  # type: ignore[union-attr]
        "geo_precision": place.precision if place else None,
    }


def _background(ev: Event, published: dt.date | None) -> bool:
    """Return True if the event's date ends more than BACKGROUND_DAYS before publication."""
    if ev.date is None or published is None:
        return False
    end = dt.date.fromisoformat(ev.date[:10]) + dt.timedelta(days=_SPAN_DAYS.get(ev.time_precision or 1, 0))
    return (published - end).days > BACKGROUND_DAYS


def _dated_past(ev: Event) -> bool:
    """True for a past event dated to its day ("arrested on March 29, 2023"), or to its month with a toll
    ("In July last year, a drone hit an apartment building, killing one man"): a happening, not backstory."""
    return ev.time_precision == 1 or (ev.time_precision == 3 and bool(ev.killed or ev.injured))


#: Most days a happening may lie before the report date of a summary of it ("air strikes killed 46, the Taliban
#: said on Wednesday" and "Jets hit villages late on Tuesday").  Set by judgement: wire ledes report the last few days.
REPORT_LAG_DAYS = 3


def _dates_compatible(a: Event, b: Event, published: dt.date | None = None) -> bool:
    """Return True if two events' dates allow one happening; a background date needs an equal date.

    A date that is only the report's (time precision 2: "said on Wednesday", the publication day) allows a
    happening dated up to REPORT_LAG_DAYS before it."""
    if _background(a, published) or _background(b, published):
        return a.date == b.date
    if a.date is None or b.date is None or a.date == b.date:
        return True
    for rep, other in ((a, b), (b, a)):
        if rep.time_precision == 2 and other.time_precision == 1:
            try:
                lag = (dt.date.fromisoformat(rep.date[:10]) - dt.date.fromisoformat(other.date[:10])).days  # type: ignore[index]
            except ValueError:
                continue  # a month or a range, not a day
            if 0 < lag <= REPORT_LAG_DAYS:
                return True
    return False


def _merge_pair(a: Event, b: Event, ctx: dict) -> Event:
    """Merge b into a: keep the more precise place, the known date, the larger counts."""
    keep_b_place = b.place_id is not None and (a.place_id is None or (b.geo_precision or 9) < (a.geo_precision or 9))
    place = {k: getattr(b if keep_b_place else a, k) for k in ("place_id", "place_name", "lat", "lon", "geo_precision")}
    def most(x: int | None, y: int | None) -> int | None:
        return max(v for v in (x, y) if v is not None) if x is not None or y is not None else None
    dated = a if a.date and (not b.date or (a.time_precision or 1) <= (b.time_precision or 1)) else b
    return dataclasses.replace(
        a, **place, date=dated.date, time_precision=dated.time_precision,
        killed=most(a.killed, b.killed), injured=most(a.injured, b.injured),
        actors=tuple(dict.fromkeys(a.actors + b.actors)), targets=tuple(dict.fromkeys(a.targets + b.targets)),
        source_quote=a.source_quote or b.source_quote, source_status=a.source_status or b.source_status,
        confidence=max(a.confidence, b.confidence),
    )


#: An unplaced casualty-only sentence ("It said 29 people were wounded.") this close (characters
#: from the end of the previous event of its type) completes that event's counts.  Set from wire
#: style (the next sentence or paragraph, about two sentences); checked on tests/golden, not tuned.
FOLLOW_UP_CHARS = 300
#: The same, when no other event lies between the toll and the last event (a long quote or a
#: background sentence in between: "... killing 26. [witness account] At least 17 were wounded").
#: Set from wire style (two or three sentences), not tuned on a corpus.
FAR_FOLLOW_UP_CHARS = 600


def _dateline_placed(ev: Event, by_id: dict[str, Entity], dateline: tuple[int, int] | None) -> bool:
    """Return True if the event's only mention of its place in its sentence is the dateline."""
    ent = by_id.get(ev.place_id or "")
    if ent is None or dateline is None:
        return False
    own = [m for m in ent.mentions if ev.start <= m.start < ev.end]
    return bool(own) and all(dateline[0] <= m.start < dateline[1] for m in own)


#: Farthest (km) a follow-up sentence's town may lie from the imprecise place ("near X", a region) of the event it
#: names the place of.  Set by judgement (a district's size), not tuned.
REFINE_KM = 100.0


def _follow_up(ev: Event, out: list[Event], published: dt.date | None) -> int | None:
    """Return the index of the placed event an unplaced follow-up completes, if any: a casualty-only sentence, or
    one that opens on the attack itself ("The bomb went off on Monday morning ..."), or such a sentence that names the
    town an event placed only near a city happened in ("... a seaside village near the port of X. The strikes hit Y,
    a resort village 60 km southwest of X")."""
    if ev.place_id is not None:
        k = out[-1] if out else None
        if (k is not None and ev.killed is None and ev.injured is None and ev.date is None and refers_back(ev.text)
                and k.type == ev.type and (k.geo_precision or 1) > (ev.geo_precision or 1)
                and ev.start - k.end <= FAR_FOLLOW_UP_CHARS and None not in (k.lat, k.lon, ev.lat, ev.lon)
                and km(k.lat, k.lon, ev.lat, ev.lon) <= REFINE_KM):  # type: ignore[arg-type]
            return len(out) - 1
        return None
    if ev.killed is None and ev.injured is None:
        k = out[-1] if out else None
        if (k is not None and refers_back(ev.text) and k.type == ev.type and k.place_id is not None
                and ev.start - k.end <= FAR_FOLLOW_UP_CHARS and _dates_compatible(k, ev, published)):
            return len(out) - 1
        return None
    if any(repeats_toll(ev, k) for k in out) or _SEPARATE.match(ev.text):
        return None  # "The army said four soldiers had been killed" repeats a toll already given
    for i in range(len(out) - 1, -1, -1):
        k = out[i]
        if ev.start - k.end > (FAR_FOLLOW_UP_CHARS if i == len(out) - 1 else FOLLOW_UP_CHARS):
            return None
        if k.place_id is None or k.type != ev.type or not _dates_compatible(k, ev, published):
            continue
        clash = any(getattr(ev, f) is not None and getattr(k, f) is not None for f in ("killed", "injured"))
        return None if clash else i
    return None


def _counts_differ(a: Event, b: Event) -> bool:
    """Return True if both events give a killed (or injured) count and the counts differ."""
    return any(getattr(a, f) is not None and getattr(b, f) is not None and getattr(a, f) != getattr(b, f)
               for f in ("killed", "injured"))


def merge_events(events: list[Event], entities: tuple[Entity, ...], *, published: dt.date | None = None,
                 dateline: tuple[int, int] | None = None) -> list[Event]:
    """Merge candidates that describe one happening (same type, compatible place and date).

    An event placed only by the dateline (the reporter's city) merges only with the same place
    or a place within MERGE_KM: the region rule would glue it to any town of the province.

    Args:
        events: candidates in text order.
        entities: resolved entities (for place compatibility).
        published: publication date; dates far before it are background (see BACKGROUND_DAYS).
        dateline: the dateline's character span, if the article has one.
    Returns:
        One event per happening.
    """
    by_id = {e.id: e for e in entities}
    out: list[Event] = []
    for ev in events:
        if (j := _follow_up(ev, out, published)) is not None:
            out[j] = _merge_pair(out[j], ev, {})
            continue
        for i, kept in enumerate(out):
            if kept.type != ev.type or not _dates_compatible(kept, ev, published):
                continue
            if ev.type == "territory_change" and kept.subtype != ev.subtype:
                continue  # the subtype is the direction: a withdrawal is not a recapture
            if bool(_TALLY.search(kept.text)) != bool(_TALLY.search(ev.text)):
                continue  # a tally of many places is not one place's happening
            if kept.place_id is None or ev.place_id is None:
                continue  # an unplaced mention is kept apart rather than glued to the wrong place
            if kept.place_id != ev.place_id and (_SEPARATE.match(ev.text) or _ALSO.match(ev.text)):
                continue  # "Separately, a drone attack on X ...": the story says it is another happening
            if kept.place_id != ev.place_id and _counts_differ(kept, ev):
                continue  # two places, each with its own toll: two strikes, not one
            if _counts_differ(kept, ev) and (kept.date is None) != (ev.date is None) and not (
                    _REVISION.search(kept.text) or _REVISION.search(ev.text)):
                continue  # "... killing at least 20" and "On Saturday, a car bomb in X killed four": two bombings
            a, b = by_id.get(kept.place_id), by_id.get(ev.place_id)
            if _dateline_placed(kept, by_id, dateline) or _dateline_placed(ev, by_id, dateline):
                ok = kept.place_id == ev.place_id or (None not in (kept.lat, kept.lon, ev.lat, ev.lon)
                                                      and km(kept.lat, kept.lon, ev.lat, ev.lon) <= MERGE_KM)  # type: ignore[arg-type]
            else:
                ok = compatible_places(a, b, kept, ev)
            if ok:
                out[i] = _merge_pair(kept, ev, {})
                break
        else:
            out.append(ev)
    return out


#: Words that make a second toll for one place a revision of the first, not another happening.
_REVISION = re.compile(r"\b(?:rose|risen|rising|climbed|increased|revised|updated|raising|raised|later|now|brings|"
                       r"brought|jumped|reached|latest|new toll|toll of)\b", re.I)


#: A toll for the whole country or for many places, never for the last place named.
_NATIONAL = re.compile(r"\b(nationwide|across the (?:country|region|nation)|in total|in all|overall|so far this|since the start)\b", re.I)


_NOT_HERE = re.compile("|".join(rx.pattern for rx in (_NATIONAL, _ELSEWHERE, _SEPARATE)), re.I)


def _inherit_places(events: list[Event]) -> list[Event]:
    """Place an unplaced toll at the place of the event just before it ("... struck the hospital in Kyiv.
    Two adults were killed at the hospital"), with geo precision 2 at best.

    Only the next sentence or so (:data:`FOLLOW_UP_CHARS`), the same type, and never a national or
    cumulative toll ("41 killed nationwide") or one said to be elsewhere.
    """
    out = list(events)
    for i, ev in enumerate(out):
        if ev.place_id is not None or (ev.killed is None and ev.injured is None) or i == 0:
            continue
        prev = out[i - 1]
        if (any(repeats_toll(ev, k) for k in out[:i]) or prev.place_id is None or prev.type != ev.type or ev.start - prev.end > FOLLOW_UP_CHARS
                or prev.start == ev.start  # one sentence's counts split by place on purpose ("nine elsewhere")
                or _NATIONAL.search(ev.text) or _ELSEWHERE.match(ev.text) or prev.geo_precision == 3):
            continue
        out[i] = dataclasses.replace(ev, place_id=prev.place_id, place_name=prev.place_name, lat=prev.lat, lon=prev.lon,
                                     geo_precision=max(prev.geo_precision or 1, 2))
    return out


def _codable(ev: Event) -> bool:
    """False for a statement about strikes with no place and no toll ("said the strikes would continue",
    "said the deaths were the consequence of ..."): the words are a claim's, not a happening to code."""
    if ev.place_id is not None or ev.killed is not None or ev.injured is not None:
        return True
    return not (ev.source_quote or _SAID.search(ev.text) or _STANCE.search(ev.text))


#: Verbs of a stance about events rather than a report of one.
_STANCE = re.compile(r"\b(accus\w+|blam\w+|condemn\w+|denounc\w+|call\w* (?:the|it|them)|describ\w+)\b", re.I)


#: Nouns of an incident a sentence may date for the toll told in the next one ("… after a blast on Sunday night. At
#: least 12 people were killed, officials say.").
_INCIDENT = re.compile(r"\b(?:explosions?|blasts?|attacks?|strikes?|airstrikes?|shelling|bombings?|raids?|ambush|"
                       r"assault|massacre|fire|clashes|fighting)\b", re.I)


def _date_from_previous(ev: Event, article: Article, parse: Parse, dates: tuple[DateMention, ...]) -> Event:
    """Date an undated event by the sentence before it in its paragraph, when that one dates an incident recently.

    The lead's "… a blast on Sunday night." and the next sentence's toll ("The police say 12 people were killed.")
    tell one happening; the toll's own sentence has no date, so without this it took the day of the report.  A
    sentence that names an incident of its own keeps to itself.
    """
    if ev.date is not None or article.published is None:
        return ev
    i = parse.sentence_of(ev.start)
    if i <= 0:
        return ev
    prev, own = parse.sentences[i - 1], parse.sentences[i]
    if "\n" in article.text[prev.end:ev.start] or not _INCIDENT.search(article.text, prev.start, prev.end):
        return ev
    if _INCIDENT.search(article.text, own.start, own.end):
        return ev  # "Separately, a drone attack on X wounded five": a happening of its own, not the toll of the last
    recent = [d for d in dates if prev.start <= d.start < prev.end and d.value and _recent(d, article.published)]
    if len(recent) != 1:
        return ev
    return dataclasses.replace(ev, date=recent[0].value[:10],
                               time_precision=TIME_PRECISION.get(recent[0].precision or "", 1))


def _report_date(ev: Event, published: dt.date | None) -> Event:
    """Date an undated *said* report of a current happening by publication, time precision 2."""
    if ev.date is not None or published is None:
        return ev
    if not (_SAID.search(ev.text) or ev.source_quote):
        return ev
    return dataclasses.replace(ev, date=published.isoformat(), time_precision=2)


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
    span = (article.dateline.start, article.dateline.end) if article.dateline else None
    ctx = {"entities": entities, "dates": dates, "quotes": quotes, "where": Where(parse, span)}
    # lines above the dateline (a masthead, a boxed summary, a second headline) retell the story: no events of their own
    body = span[0] if span else 0
    candidates = [ev for i, s in enumerate(parse.sentences) if s.end > body
                  for k, part in enumerate(_strike_clauses(article.text, s))
                  for ev in _candidates(article, part, i if not k else f"{i}.{k}", ctx)]
    current = split_totals(apply_revisions([ev for ev in candidates if not _background(ev, article.published)
                                            or _dated_past(ev)]))
    merged = merge_facilities(_inherit_places(merge_events(current, entities, published=article.published, dateline=span)),
                              _merge_pair)
    fits = functools.partial(_dates_compatible, published=article.published)
    merged = refine_offshore(merge_restatements(place_tolls(merged, entities, fits, _NATIONAL), fits), entities, article.text)
    merged = elaborate(merged, article.text, parse, entities, dates, where=ctx["where"],
                       busy=frozenset(ev.start for ev in candidates))
    merged = place_from_lead(merged, article, parse, entities, ctx["where"], _NOT_HERE)
    merged = town_referents(facility_referents(merged, entities), entities)  # "the bridge", "the city's airport"
    merged = fold_summaries([ev for ev in merged if _codable(ev)])
    dated = [_report_date(_date_from_previous(ev, article, parse, dates), article.published)
             for ev in date_from_lede(merged, entities, article.published)]
    events = tuple(dataclasses.replace(ev, id=f"ev{n}") for n, ev in enumerate(dated, 1))
    return events, find_disagreements(article, parse, entities, quantities, quotes)
