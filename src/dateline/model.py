"""Frozen record types that every stage reads and writes.

Every fact carries ``start``/``end`` character offsets into ``Article.text`` and the
name of the stage that made it (``stage``).  Records are immutable; a stage that
refines a record returns a new one (``dataclasses.replace``).

``to_dict`` turns any record (or tuple of records) into plain JSON-ready data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# ---------------------------------------------------------------- article


@dataclass(frozen=True)
class Dateline:
    """The "KYIV, Ukraine (AP) —" opening of a wire story."""

    place: str
    country: str | None
    agency: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Credit:
    """A credit line: "Associated Press writer Frank Jordans in Berlin contributed"."""

    name: str
    role: str  # "contributed" | "reported"
    place: str | None
    organisation: str | None
    text: str


@dataclass(frozen=True)
class Home:
    """Where the source of an article is at home (a local paper's town, a regional outlet's region).

    Place ranking takes it as a weak prior, below anything the text says: a candidate near ``(lat, lon)`` or in
    region ``a1`` ("US.LA", the gazetteer's region key) gains a little (``resolve.placerank.W_HOME``).
    ``weight`` (0..1) is how sure the home is: 1 when a user names it, the share of the outlet's other articles
    that agree when it is learned (``resolve.placehome.source_home``).  A ``country_only`` home (a country's point)
    favours that country's towns and no point near it (``resolve.placerank.W_HOME_COUNTRY``).
    """

    lat: float
    lon: float
    cc: str | None = None
    a1: str | None = None
    weight: float = 1.0
    name: str = ""
    country_only: bool = False  # a country, not a point: an outlet's national web domain (".ru"), or "--home Ukraine"


@dataclass(frozen=True)
class Article:
    """One normalised article; everything after ingest sees only this."""

    text: str
    title: str | None = None
    source: str | None = None  # path or URL it came from
    url: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_from: str | None = None  # "metadata" | "option" | "text" | None
    language: str = "en"
    dateline: Dateline | None = None
    credits: tuple[Credit, ...] = ()
    removed_lines: tuple[str, ...] = ()  # boilerplate dropped by ingest
    warnings: tuple[str, ...] = ()
    home: Home | None = None  # where the outlet is at home, when given or learned: a weak prior for place names

    @property
    def agency(self) -> str | None:
        return self.dateline.agency if self.dateline else None


# ---------------------------------------------------------------- NLP view


@dataclass(frozen=True)
class Token:
    """A token with its parse, copied out of spaCy so spaCy never leaves ``nlp/``."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sent: int
    ent_iob: str = "O"
    ent_type: str = ""
    is_quote: bool = False
    like_num: bool = False


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


@dataclass(frozen=True)
class Mention:
    """A candidate span proposed by NER or a rule; its label is evidence, not a verdict."""

    text: str
    start: int
    end: int
    label: str  # spaCy label or rule name: PERSON, ORG, GPE, LOC, NORP, FAC, DATE, ...
    sent: int = 0
    stage: str = "nlp.spans.v1"


@dataclass(frozen=True)
class Parse:
    """The linguistic view of an article: tokens, sentences and candidate mentions."""

    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    model: str = ""

    def sentence_of(self, offset: int) -> int:
        """Return the index of the sentence holding character ``offset`` (or -1)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1


# ---------------------------------------------------------------- entities


@dataclass(frozen=True)
class Candidate:
    """One possible identity for an entity, with the score that ranked it."""

    id: str  # "geonames:706524", "katottg:UA...", "kb:Q567", ...
    name: str
    score: float
    lat: float | None = None
    lon: float | None = None
    detail: str = ""


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or group, with all its mentions.

    ``status`` says how far resolution got: ``linked`` / ``resolved`` (to a KB or
    gazetteer record), ``unlinked`` (a real entity with no KB record),
    ``ambiguous`` (candidates, no choice), ``raw`` (NER only).
    """

    id: str
    kind: str  # person | org | place | norp | other
    name: str
    mentions: tuple[Mention, ...]
    status: str = "raw"
    confidence: float = 0.0
    stage: str = ""
    candidates: tuple[Candidate, ...] = ()
    evidence: tuple[str, ...] = ()
    # places
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    katottg: str | None = None
    feature: str | None = None  # country | region | district | city | village | facility | continent
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    precision: int | None = None  # ACLED geo precision 1..3
    # people and organisations
    wikidata: str | None = None
    aliases_seen: tuple[str, ...] = ()
    role: str | None = None
    organisation: str | None = None
    country: str | None = None


# ---------------------------------------------------------------- facts


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved against the publication date."""

    text: str
    start: int
    end: int
    value: str | None  # ISO date (start of the period) or None if unresolved
    end_value: str | None = None  # ISO end of the period for ranges (weeks, months)
    precision: str | None = None  # day | week | month | year | None
    rule: str = ""
    stage: str = "events.dates.v1"


@dataclass(frozen=True)
class Quantity:
    """A number with a unit, normalised to SI; a pair like "73 km (45 miles)" is checked."""

    text: str
    start: int
    end: int
    value: float
    unit: str  # canonical unit name: kilometre, square mile, person, year, ...
    kind: str  # distance | area | count | age | duration | mass | percent
    si_value: float | None
    si_unit: str | None  # m | m2 | s | kg | count | None
    approximate: bool = False  # "about", "more than", "at least" ...
    qualifier: str | None = None
    paired_with: str | None = None  # the other half of "x (y)" as text
    consistent: bool | None = None
    stage: str = "quantities.v1"


@dataclass(frozen=True)
class Speaker:
    entity_id: str | None
    name: str
    start: int
    end: int
    mentions: tuple[Mention, ...] = ()
    resolved_from: str | None = None  # "pronoun" | "nominal" | None


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | partial | indirect
    speaker: Speaker | None
    cue: str | None = None
    cue_start: int | None = None
    channel: str | None = None
    channel_evidence: str | None = None
    status: str = "asserted"
    status_evidence: str | None = None
    hedges: tuple[str, ...] = ()
    date: str | None = None
    reason: str | None = None  # why speaker is null, or a quoting diagnostic
    id: str = ""
    stage: str = "claims.quotes.v1"


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    subtype: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    text: str  # the evidence span
    start: int
    end: int
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    place_id: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    date: str | None = None
    time_precision: int | None = None
    killed: int | None = None
    injured: int | None = None
    source_quote: str | None = None
    source_status: str | None = None
    confidence: float = 0.0
    stage: str = "events.v1"


@dataclass(frozen=True)
class Disagreement:
    """Two sources giving different figures for the same thing."""

    topic: str
    figures: tuple[Quantity, ...]
    sources: tuple[str, ...]
    stage: str = "events.disagreements.v1"


@dataclass(frozen=True)
class Result:
    """Everything dateline read from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    warnings: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


def to_dict(obj: Any) -> Any:
    """Convert records into JSON-ready dicts, lists and strings."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        if isinstance(obj, Article):
            out["agency"] = obj.agency
        return out
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    return obj


def from_dict(cls: type[Any], data: Any) -> Any:
    """Rebuild a record (and its nested records) from the output of :func:`to_dict`.

    Unknown keys are ignored, so a stored result from an older version still loads.
    """
    import typing

    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _coerce(hints[f.name], data[f.name])
    return cls(**kwargs)


def _coerce(tp: Any, value: Any) -> Any:
    import types
    import typing

    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _coerce(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (item, *_rest) = typing.get_args(tp)
        return tuple(_coerce(item, v) for v in value)
    if origin is dict:
        return dict(value)
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    if tp is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value
