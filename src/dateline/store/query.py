"""Read the store: entities, events, quotes, disagreements and articles, with one set of filters.

    >>> with engine.connect() as conn:
    ...     rows = events(conn, Filters(place="Izium", date_from="2022-09-01", type="battle"))
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from dateline.errors import ConfigError
from dateline.store import schema as s

#: Default number of rows a query returns.
DEFAULT_LIMIT = 1000


@dataclass(frozen=True)
class Filters:
    """What to keep; every field is optional and they combine with AND."""

    actor: str | None = None  # substring of an actor, speaker or entity name
    place: str | None = None  # substring of a place name
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    type: str | None = None  # event type, entity kind or quote kind
    status: str | None = None  # entity status, quote status or event source status
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        for name, value in (("from", self.date_from), ("to", self.date_to)):
            if value and not _DAY.match(value):
                raise ConfigError(f"--{name} {value!r} is not a date; give YYYY-MM-DD (or YYYY-MM, YYYY)")


#: Dates are compared as text, so a prefix (year, month) is a valid bound and anything else matches nothing.
_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z")


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """Parse "min_lon,min_lat,max_lon,max_lat"."""
    if not value:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise ConfigError(f"bbox {value!r} is not min_lon,min_lat,max_lon,max_lat (e.g. 36.5,49.0,38.5,49.5)")
    return parts  # type: ignore[return-value]


def _like(col: sa.ColumnElement[Any], text: str) -> sa.ColumnElement[bool]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return col.ilike(f"%{escaped}%", escape="\\")


def _in_bbox(lat: sa.ColumnElement[Any], lon: sa.ColumnElement[Any], bbox: tuple[float, float, float, float]) -> sa.ColumnElement[bool]:
    return sa.and_(lon >= bbox[0], lat >= bbox[1], lon <= bbox[2], lat <= bbox[3])


def _article_mentions(cond: sa.ColumnElement[bool], kind: str | None = None) -> sa.ColumnElement[bool]:
    """Articles that mention an entity matching ``cond``."""
    m, e = s.mentions, s.entities
    sub = sa.select(m.c.article_id).join(e, e.c.id == m.c.entity_id).where(cond)
    if kind:
        sub = sub.where(e.c.kind == kind)
    return s.articles.c.id.in_(sub)


def _dates(col: sa.ColumnElement[Any], f: Filters) -> list[sa.ColumnElement[bool]]:
    out = []
    if f.date_from:
        out.append(col >= f.date_from)
    if f.date_to:
        out.append(col <= f.date_to)
    return out


def _page(stmt: sa.Select[Any], f: Filters) -> sa.Select[Any]:
    return stmt.limit(max(0, f.limit)).offset(max(0, f.offset))


_ART = (s.articles.c.source, s.articles.c.title, s.articles.c.published)


def events(conn: sa.Connection, f: Filters = Filters()) -> list[dict[str, Any]]:
    """Return events with their article's source, title and date."""
    ev, e = s.events, s.entities
    pe = e.alias("place")
    stmt = (sa.select(ev, *_ART, s.articles.c.agency, pe.c.admin1, pe.c.admin2, pe.c.country_code,
                      pe.c.precision.label("place_precision"))
            .join(s.articles, s.articles.c.id == ev.c.article_id).outerjoin(pe, pe.c.id == ev.c.place_entity_id))
    conds = _dates(sa.func.coalesce(ev.c.date, s.articles.c.published), f)
    if f.actor:
        conds.append(sa.or_(_like(ev.c.actors, f.actor), _like(ev.c.targets, f.actor)))
    if f.place:
        conds.append(sa.or_(_like(ev.c.place_name, f.place),
                            ev.c.place_entity_id.in_(sa.select(e.c.id).where(_like(e.c.name, f.place)))))
    if f.bbox:
        conds.append(_in_bbox(ev.c.lat, ev.c.lon, f.bbox))
    if f.type:
        conds.append(sa.or_(ev.c.type == f.type, ev.c.acled_event_type == f.type, ev.c.subtype == f.type))
    if f.status:
        conds.append(ev.c.source_status == f.status)
    rows = conn.execute(_page(stmt.where(*conds).order_by(ev.c.date, ev.c.id), f)).mappings()
    return [_decode(dict(r), "actors", "targets") for r in rows]


def quotes(conn: sa.Connection, f: Filters = Filters()) -> list[dict[str, Any]]:
    """Return quotes with speaker, channel, status and their article's source."""
    q = s.quotes
    stmt = sa.select(q, *_ART).join(s.articles, s.articles.c.id == q.c.article_id)
    conds = _dates(sa.func.coalesce(q.c.date, s.articles.c.published), f)
    if f.actor:
        conds.append(_like(q.c.speaker, f.actor))
    if f.place:
        conds.append(_article_mentions(_like(s.entities.c.name, f.place), "place"))
    if f.bbox:
        conds.append(_article_mentions(_in_bbox(s.entities.c.lat, s.entities.c.lon, f.bbox)))
    if f.type:
        conds.append(q.c.kind == f.type)
    if f.status:
        conds.append(q.c.status == f.status)
    rows = conn.execute(_page(stmt.where(*conds).order_by(s.articles.c.published, q.c.id), f)).mappings()
    return [_decode(dict(r), "hedges") for r in rows]


def entities(conn: sa.Connection, f: Filters = Filters()) -> list[dict[str, Any]]:
    """Return merged entities with every spelling seen and how many articles name them."""
    e, m = s.entities, s.mentions
    n_art = sa.func.count(sa.distinct(m.c.article_id)).label("articles")
    stmt = (sa.select(e, n_art, sa.func.count(m.c.id).label("mentions"))
            .join(m, m.c.entity_id == e.c.id).join(s.articles, s.articles.c.id == m.c.article_id).group_by(e.c.id))
    conds = _dates(s.articles.c.published, f)
    if f.actor:
        conds += [e.c.kind.in_(("person", "org", "norp")), _like(m.c.text, f.actor)]
    if f.place:
        conds += [e.c.kind == "place", _like(m.c.text, f.place)]
    if f.bbox:
        conds.append(_in_bbox(e.c.lat, e.c.lon, f.bbox))
    if f.type:
        conds.append(e.c.kind == f.type)
    if f.status:
        conds.append(e.c.status == f.status)
    rows = [dict(r) for r in conn.execute(_page(stmt.where(*conds).order_by(n_art.desc(), e.c.name), f)).mappings()]
    spell = spellings(conn, [r["id"] for r in rows])
    for r in rows:
        r["spellings"] = spell.get(r["id"], [])
    return rows


def spellings(conn: sa.Connection, entity_ids: list[int]) -> dict[int, list[str]]:
    """Return every distinct spelling seen for each entity."""
    out: dict[int, list[str]] = {}
    for chunk in range(0, len(entity_ids), 500):
        ids = entity_ids[chunk:chunk + 500]
        rows = conn.execute(sa.select(s.mentions.c.entity_id, s.mentions.c.text).distinct()
                            .where(s.mentions.c.entity_id.in_(ids)).order_by(s.mentions.c.text))
        for eid, text in rows:
            out.setdefault(eid, []).append(text)
    return out


def disagreements(conn: sa.Connection, f: Filters = Filters()) -> list[dict[str, Any]]:
    """Return disagreements (two sources, two figures) with their article's source."""
    d = s.disagreements
    stmt = sa.select(d, *_ART).join(s.articles, s.articles.c.id == d.c.article_id)
    conds = _dates(s.articles.c.published, f)
    if f.actor:
        conds.append(_like(d.c.sources, f.actor))
    if f.place:
        conds.append(_article_mentions(_like(s.entities.c.name, f.place), "place"))
    if f.bbox:
        conds.append(_article_mentions(_in_bbox(s.entities.c.lat, s.entities.c.lon, f.bbox)))
    if f.type:
        conds.append(_like(d.c.topic, f.type))
    rows = conn.execute(_page(stmt.where(*conds).order_by(s.articles.c.published, d.c.id), f)).mappings()
    return [_decode(dict(r), "figures", "sources") for r in rows]


def articles(conn: sa.Connection, f: Filters = Filters(), *, with_text: bool = False) -> list[dict[str, Any]]:
    """Return stored articles (metadata; the text too when ``with_text``)."""
    a = s.articles
    cols = [c for c in a.c if c.name not in ("result_json",) and (with_text or c.name != "text")]
    stmt = sa.select(*cols)
    conds = _dates(a.c.published, f)
    if f.actor:
        conds.append(_article_mentions(_like(s.mentions.c.text, f.actor)))
    if f.place:
        conds.append(_article_mentions(_like(s.entities.c.name, f.place), "place"))
    rows = conn.execute(_page(stmt.where(*conds).order_by(a.c.published, a.c.id), f)).mappings()
    return [dict(r) for r in rows]


def article_texts(conn: sa.Connection, ids: set[int]) -> dict[int, str]:
    """Return the text of the given articles."""
    out: dict[int, str] = {}
    id_list = sorted(ids)
    for chunk in range(0, len(id_list), 500):
        rows = conn.execute(sa.select(s.articles.c.id, s.articles.c.text).where(s.articles.c.id.in_(id_list[chunk:chunk + 500])))
        out.update({int(i): t for i, t in rows})
    return out


def counts(conn: sa.Connection) -> dict[str, int]:
    """Return the number of rows in each main table."""
    tables = (s.articles, s.entities, s.mentions, s.quotes, s.events, s.quantities, s.disagreements, s.failures)
    return {t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()) for t in tables}


def _decode(row: dict[str, Any], *fields: str) -> dict[str, Any]:
    for name in fields:
        if isinstance(row.get(name), str):
            row[name] = json.loads(row[name])
    return row


def stories(conn: sa.Connection, *, limit: int = 200) -> list[dict[str, Any]]:
    """Stored stories with their original's and copies' sources (see ``dateline stories --db``)."""
    from dateline.store.schema import articles as art_t
    from dateline.store.schema import stories as st_t
    from dateline.store.schema import story_members as sm_t

    out: dict[int, dict[str, Any]] = {}
    stmt = (sa.select(st_t.c.id, st_t.c.key, st_t.c.title, sm_t.c.role, art_t.c.source, art_t.c.title.label("atitle"))
            .join(sm_t, sm_t.c.story_id == st_t.c.id).join(art_t, art_t.c.id == sm_t.c.article_id)
            .order_by(st_t.c.id, sm_t.c.article_id))
    for row in conn.execute(stmt).mappings():
        s = out.setdefault(row["id"], {"key": row["key"], "title": row["title"], "size": 0, "original": "", "copies": []})
        s["size"] += 1
        label = row["source"] or row["atitle"] or ""
        if row["role"] == "original":
            s["original"] = label
        else:
            s["copies"].append(label)
    return sorted(out.values(), key=lambda s: -s["size"])[:limit]
