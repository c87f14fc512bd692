"""An outlet's home learned from its articles already in the database (``dateline ingest --learn-home``)."""

from __future__ import annotations

import json

import sqlalchemy as sa

from dateline.model import Entity, Home, from_dict
from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.placehome import MAX_ARTICLES, source_home, source_key
from dateline.store import schema as s

#: Stored rows whose URL or source merely contains the outlet's name are read at most this many, newest first.
CANDIDATE_ROWS = 5 * MAX_ARTICLES


def outlet_ref(url: str | None, source: str | None) -> str | None:
    """Return the URL that names an article's outlet: its URL, else its source when that is a web address."""
    if url:
        return url
    return source if source and source.lower().startswith(("http://", "https://")) else None


def stored_home(conn: sa.Connection, key: str, gazetteer: Gazetteer | None = None) -> Home | None:
    """Return the home of outlet ``key`` ("example-times.com") from its stored articles, or None when they disagree.

    Only the places each stored article's result holds are read (no gold, no other outlet's articles).
    """
    like = f"%{key}%"
    rows = conn.execute(
        sa.select(s.articles.c.url, s.articles.c.source, s.articles.c.result_json)
        .where(sa.or_(s.articles.c.url.like(like), s.articles.c.source.like(like)))
        .order_by(s.articles.c.id.desc()).limit(CANDIDATE_ROWS)
    ).all()
    places: list[list[Entity]] = []
    for url, source, result_json in rows:
        if source_key(outlet_ref(url, source)) != key:
            continue
        try:
            ents = json.loads(result_json).get("entities", [])
        except (ValueError, AttributeError):
            continue  # an unreadable stored result teaches nothing
        places.append([from_dict(Entity, e) for e in ents if isinstance(e, dict) and e.get("kind") == "place"])
        if len(places) >= MAX_ARTICLES:
            break
    return source_home(places[::-1], gazetteer, key)
