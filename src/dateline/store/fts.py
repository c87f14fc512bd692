"""Full-text search over articles and quotes, one small function per dialect.

SQLite uses FTS5 tables whose rowid is the ``articles.id`` / ``quotes.id``;
PostgreSQL (issue 9) uses ``to_tsvector`` with GIN expression indexes.  Callers use
only :func:`create`, :func:`index_article`, :func:`unindex_article` and :func:`search`.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa

from dateline.errors import ConfigError

_PG_TSV = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"


def create(conn: sa.Connection) -> None:
    """Create the full-text index structures."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')")
        conn.exec_driver_sql("CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, tokenize='unicode61 remove_diacritics 2')")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE INDEX articles_tsv ON articles USING gin ({_PG_TSV})")
        conn.exec_driver_sql("CREATE INDEX quotes_tsv ON quotes USING gin (to_tsvector('simple', text))")
    else:
        raise ConfigError(f"full-text search is not available on {conn.dialect.name}; use SQLite or PostgreSQL")


def index_article(conn: sa.Connection, article_id: int, title: str | None, text: str,
                  quotes: list[tuple[int, str, str | None]]) -> None:
    """Add an article and its quotes ``(id, text, speaker)`` to the index (no-op where indexes are automatic)."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)", (article_id, title or "", text))
    for qid, qtext, speaker in quotes:
        conn.exec_driver_sql("INSERT INTO quotes_fts(rowid, text, speaker) VALUES (?, ?, ?)", (qid, qtext, speaker or ""))


def unindex_article(conn: sa.Connection, article_id: int, quote_ids: list[int]) -> None:
    """Remove an article and its quotes from the index."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
    for qid in quote_ids:
        conn.exec_driver_sql("DELETE FROM quotes_fts WHERE rowid = ?", (qid,))


def _fts5_query(q: str) -> str:
    """Quote each word so user input is never parsed as FTS5 syntax."""
    words = re.findall(r"\w+", q)
    return " ".join('"' + w + '"' for w in words)


def search(conn: sa.Connection, q: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Return articles and quotes matching the words of ``q``, best first."""
    query = _fts5_query(q)
    if not query:
        return []
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql(
            "SELECT 'article' AS kind, rowid AS id, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet, bm25(articles_fts) AS score "
            "FROM articles_fts WHERE articles_fts MATCH ? "
            "UNION ALL SELECT 'quote', rowid, snippet(quotes_fts, 0, '[', ']', '…', 12), bm25(quotes_fts) "
            "FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY score LIMIT ?",
            (query, query, limit),
        )
    else:
        rows = conn.execute(sa.text(
            f"SELECT 'article' AS kind, id, left(text, 200) AS snippet, -ts_rank({_PG_TSV}, plainto_tsquery('simple', :q)) AS score "
            f"FROM articles WHERE {_PG_TSV} @@ plainto_tsquery('simple', :q) "
            "UNION ALL SELECT 'quote', id, text, -ts_rank(to_tsvector('simple', text), plainto_tsquery('simple', :q)) "
            "FROM quotes WHERE to_tsvector('simple', text) @@ plainto_tsquery('simple', :q) ORDER BY score LIMIT :n"
        ), {"q": q, "n": limit})
    return [{"kind": r[0], "id": r[1], "snippet": r[2], "score": round(-float(r[3]), 4)} for r in rows]
