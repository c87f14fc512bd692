"""Write results to the store: one transaction per article, idempotent by normalised-text hash.

    >>> engine = open_db("dateline.db")
    >>> with writer(engine).begin() as conn:
    ...     save_result(conn, result)
    'stored'
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from dateline.model import Entity, Result, to_dict
from dateline.resolve.common import norm_key
from dateline.store import fts, schema as s
from dateline.store.engine import now

_STATUS_RANK = {"linked": 3, "resolved": 3, "unlinked": 2, "ambiguous": 1, "raw": 0}


def text_hash(text: str) -> str:
    """Return the sha256 of the normalised text (NFKC, case-folded, whitespace collapsed)."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def entity_key(e: Entity) -> str:
    """Return the cross-article merge key: gazetteer or KB id when known, else kind and normalised name."""
    if e.geonames_id:
        return f"geonames:{e.geonames_id}"
    if e.katottg:
        return f"katottg:{e.katottg}"
    if e.wikidata:
        return f"wikidata:{e.wikidata}"
    return f"name:{e.kind}:{norm_key(e.name)}"[:300]


def _dialect(conn: sa.Connection) -> Any:
    return {"sqlite": sqlite, "postgresql": postgresql}.get(conn.dialect.name)


def _insert_ignore(conn: sa.Connection, table: sa.Table, values: dict[str, Any], key: str) -> int | None:
    """Insert a row unless one with the same unique ``key`` exists (race-safe); return the new id, or None.

    Under concurrency the database's unique constraint decides: a second writer of the same
    key waits for the first to commit, then inserts nothing (``ON CONFLICT DO NOTHING``).
    """
    dialect = _dialect(conn)
    if dialect is None:
        if conn.execute(sa.select(table.c.id).where(table.c[key] == values[key])).first() is not None:
            return None
        return int(conn.execute(table.insert().values(**values)).inserted_primary_key[0])
    # RETURNING, not rowcount: drivers report rowcount -1 for an INSERT ... RETURNING.
    stmt = dialect.insert(table).on_conflict_do_nothing(index_elements=[key]).returning(table.c.id)
    row = conn.execute(stmt, values).first()
    return None if row is None else int(row[0])


def _entity_values(e: Entity) -> dict[str, Any]:
    return {
        "key": entity_key(e), "kind": e.kind, "name": e.name, "status": e.status, "confidence": e.confidence,
        "lat": e.lat, "lon": e.lon, "geonames_id": e.geonames_id, "katottg": e.katottg, "wikidata": e.wikidata,
        "feature": e.feature, "country_code": e.country_code, "admin1": e.admin1, "admin2": e.admin2,
        "precision": e.precision, "role": e.role, "organisation": e.organisation, "country": e.country,
    }


def _rank(status: str | None, confidence: float | None) -> tuple[int, float]:
    return _STATUS_RANK.get(status or "", 0), confidence or 0.0


def upsert_entities(conn: sa.Connection, entities: tuple[Entity, ...] | list[Entity]) -> dict[str, int]:
    """Return ``{entity.id: row id}``, creating merged entities or upgrading weaker resolutions.

    Three statements per article whatever its size: insert the missing keys, read the ids,
    update the rows this article resolves better.  Keys are written in sorted order, so
    concurrent writers lock entity rows in the same order and cannot deadlock.
    """
    best: dict[str, dict[str, Any]] = {}
    for e in entities:
        v = _entity_values(e)
        old = best.get(v["key"])
        if old is None or _rank(v["status"], v["confidence"]) > _rank(old["status"], old["confidence"]):
            best[v["key"]] = v
    if not best:
        return {}
    keys = sorted(best)
    dialect = _dialect(conn)
    if dialect is None:
        for k in keys:
            _insert_ignore(conn, s.entities, best[k], "key")
    else:
        conn.execute(dialect.insert(s.entities).on_conflict_do_nothing(index_elements=["key"]), [best[k] for k in keys])
    e = s.entities
    rows = {r.key: r for r in conn.execute(sa.select(e.c.id, e.c.key, e.c.status, e.c.confidence).where(e.c.key.in_(keys)))}
    for k in keys:
        row, v = rows[k], best[k]
        if _rank(v["status"], v["confidence"]) > _rank(row.status, row.confidence):
            conn.execute(e.update().where(e.c.id == row.id).values(**v))
    return {ent.id: int(rows[entity_key(ent)].id) for ent in entities}


def upsert_entity(conn: sa.Connection, e: Entity) -> int:
    """Return the row id of ``e``'s merged entity, creating it or upgrading a weaker resolution."""
    return upsert_entities(conn, [e])[e.id]


def _delete_article(conn: sa.Connection, article_id: int) -> None:
    qids = [r[0] for r in conn.execute(sa.select(s.quotes.c.id).where(s.quotes.c.article_id == article_id))]
    fts.unindex_article(conn, article_id, qids)
    for table in (s.mentions, s.quotes, s.events, s.quantities, s.disagreements, s.story_members):
        conn.execute(table.delete().where(table.c.article_id == article_id))
    conn.execute(s.articles.delete().where(s.articles.c.id == article_id))


def stored_hashes(conn: sa.Connection, hashes: list[str]) -> set[str]:
    """Return which of ``hashes`` are already stored."""
    rows = conn.execute(sa.select(s.articles.c.text_hash).where(s.articles.c.text_hash.in_(hashes)))
    return {r[0] for r in rows}


def result_json(result: Result) -> str:
    """Return the full Result as JSON text, as stored in ``articles.result_json``."""
    return json.dumps(to_dict(result), ensure_ascii=False)


def _insert_article(conn: sa.Connection, result: Result, digest: str, doc: str | None) -> int | None:
    a = result.article
    values = {
        "text_hash": digest, "source": a.source, "url": a.url, "title": a.title, "author": a.author,
        "agency": a.agency, "language": a.language, "published": a.published.isoformat() if a.published else None,
        "text": a.text, "result_json": doc if doc is not None else result_json(result), "ingested_at": now(),
    }
    return _insert_ignore(conn, s.articles, values, "text_hash")  # None: a concurrent writer stored it first


def save_result(conn: sa.Connection, result: Result, *, reprocess: bool = False, doc: str | None = None) -> str:
    """Store one Result inside the caller's transaction; return "stored", "replaced" or "skipped".

    An article whose normalised text is already stored is skipped unless ``reprocess``,
    which replaces it and its facts.  ``doc`` is ``result_json(result)`` when the caller
    already made it (ingest workers do, so the single writing process does not).
    """
    digest = text_hash(result.article.text)
    old = conn.execute(sa.select(s.articles.c.id).where(s.articles.c.text_hash == digest)).scalar()
    if old is not None:
        if not reprocess:
            return "skipped"
        _delete_article(conn, old)
    article_id = _insert_article(conn, result, digest, doc)
    if article_id is None:
        return "skipped"
    ids = upsert_entities(conn, result.entities)
    _insert_mentions(conn, article_id, result, ids)
    quote_rows = _insert_quotes(conn, article_id, result, ids)
    _insert_events(conn, article_id, result, ids)
    _insert_quantities(conn, article_id, result)
    if result.disagreements:
        conn.execute(s.disagreements.insert(), [
            {"article_id": article_id, "topic": d.topic, "figures": json.dumps(to_dict(d.figures), ensure_ascii=False),
             "sources": json.dumps(list(d.sources), ensure_ascii=False)} for d in result.disagreements])
    fts.index_article(conn, article_id, result.article.title, result.article.text, quote_rows)
    return "replaced" if old is not None else "stored"


def _insert_mentions(conn: sa.Connection, article_id: int, result: Result, ids: dict[str, int]) -> None:
    rows = [{"article_id": article_id, "entity_id": ids[e.id], "local_id": e.id, "text": m.text, "start": m.start,
             "end": m.end, "label": m.label, "sent": m.sent} for e in result.entities for m in e.mentions]
    if rows:
        conn.execute(s.mentions.insert(), rows)


def _insert_quotes(conn: sa.Connection, article_id: int, result: Result, ids: dict[str, int]) -> list[tuple[int, str, str | None]]:
    rows = []
    for q in result.quotes:
        sp = q.speaker
        rows.append({
            "article_id": article_id, "local_id": q.id or None, "text": q.text, "start": q.start, "end": q.end,
            "kind": q.kind, "speaker": sp.name if sp else None,
            "speaker_entity_id": ids.get(sp.entity_id or "") if sp else None, "speaker_start": sp.start if sp else None,
            "speaker_end": sp.end if sp else None, "cue": q.cue, "channel": q.channel, "status": q.status,
            "hedges": json.dumps(list(q.hedges)), "date": q.date, "reason": q.reason})
    if not rows:
        return []
    # One multi-row INSERT ... RETURNING, ids in the order of the rows.
    stmt = s.quotes.insert().returning(s.quotes.c.id, sort_by_parameter_order=True)
    qids = [int(r[0]) for r in conn.execute(stmt, rows)]
    return [(qid, row["text"], row["speaker"]) for qid, row in zip(qids, rows)]


def _insert_events(conn: sa.Connection, article_id: int, result: Result, ids: dict[str, int]) -> None:
    # Event sides are the article's entity ids ("e2"); outside the article only the name means anything
    # (ACLED actor1/actor2, --actor filters, the report).  Sides that are not entities ("group:civilians") stay.
    names = {e.id: e.name for e in result.entities}

    def sides(refs: tuple[str, ...]) -> str:
        return json.dumps([names.get(r, r) for r in refs], ensure_ascii=False)

    rows = [{
        "article_id": article_id, "local_id": ev.id, "type": ev.type, "subtype": ev.subtype,
        "acled_event_type": ev.acled_event_type, "acled_sub_event_type": ev.acled_sub_event_type, "text": ev.text,
        "start": ev.start, "end": ev.end, "actors": sides(ev.actors),
        "targets": sides(ev.targets), "place_entity_id": ids.get(ev.place_id or ""),
        "place_name": ev.place_name, "lat": ev.lat, "lon": ev.lon, "geo_precision": ev.geo_precision,
        "date": ev.date, "time_precision": ev.time_precision, "killed": ev.killed, "injured": ev.injured,
        "source_quote": ev.source_quote, "source_status": ev.source_status, "confidence": ev.confidence,
    } for ev in result.events]
    if rows:
        conn.execute(s.events.insert(), rows)


def _insert_quantities(conn: sa.Connection, article_id: int, result: Result) -> None:
    rows = [{
        "article_id": article_id, "text": q.text, "start": q.start, "end": q.end, "value": q.value, "unit": q.unit,
        "kind": q.kind, "si_value": q.si_value, "si_unit": q.si_unit, "approximate": q.approximate,
        "qualifier": q.qualifier, "paired_with": q.paired_with, "consistent": q.consistent,
    } for q in result.quantities]
    if rows:
        conn.execute(s.quantities.insert(), rows)


def record_failure(conn: sa.Connection, source: str, where: str | None, stage: str, reason: str) -> None:
    """Record an article that could not be read or stored."""
    conn.execute(s.failures.insert().values(source=source, where=where, stage=stage, reason=reason[:2000], time=now()))
