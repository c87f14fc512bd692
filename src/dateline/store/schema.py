"""The database schema, written once with SQLAlchemy Core for SQLite and PostgreSQL.

Tables map the records of :mod:`dateline.model`::

    articles ─┬─< mentions >── entities      (an entity is one row across all articles)
              ├─< quotes   >── entities      (speaker, when resolved)
              ├─< events   >── entities      (place, when resolved)
              ├─< quantities
              ├─< disagreements
              └─< story_members >── stories  (filled by the stories stage, issue 8)
    failures       (source, where, stage, reason, time): what could not be read
    schema_version (one row per applied migration)

Offsets (``start``/``end``) are character offsets into ``articles.text``.  Dates are
ISO strings (``YYYY-MM-DD``) so that they compare and sort the same on every engine.
List-valued fields (actors, hedges, figures) are JSON text.  Full-text search is
not part of this metadata: it is dialect-specific and lives in :mod:`dateline.store.fts`.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

_CASCADE = {"ondelete": "CASCADE"}


def _span() -> list[sa.Column]:
    return [sa.Column("text", sa.Text, nullable=False), sa.Column("start", sa.Integer, nullable=False),
            sa.Column("end", sa.Integer, nullable=False)]


schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("applied_at", sa.String(32), nullable=False),
)

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("text_hash", sa.String(64), nullable=False, unique=True),  # sha256 of the normalised text
    sa.Column("source", sa.Text),  # path or URL it came from
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("agency", sa.String(100)),
    sa.Column("language", sa.String(16), nullable=False, server_default="en"),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("result_json", sa.Text, nullable=False),  # the full Result, as `dateline read --format json`
    sa.Column("ingested_at", sa.String(32), nullable=False),
)

entities = sa.Table(
    "entities", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # The merge key: "geonames:703845", "katottg:UA...", "wikidata:Q...", or "name:<kind>:<normalised name>".
    sa.Column("key", sa.String(300), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False, server_default="0"),
    sa.Column("lat", sa.Float), sa.Column("lon", sa.Float),
    sa.Column("geonames_id", sa.Integer), sa.Column("katottg", sa.String(32)),
    sa.Column("wikidata", sa.String(32)),
    sa.Column("feature", sa.String(16)), sa.Column("country_code", sa.String(8)),
    sa.Column("admin1", sa.Text), sa.Column("admin2", sa.Text), sa.Column("precision", sa.Integer),
    sa.Column("role", sa.Text), sa.Column("organisation", sa.Text), sa.Column("country", sa.Text),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", **_CASCADE), nullable=False, index=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False, index=True),
    sa.Column("local_id", sa.String(32), nullable=False),  # the entity id inside the article's Result ("e3")
    *_span(),
    sa.Column("label", sa.String(32)),
    sa.Column("sent", sa.Integer),
)

quotes = sa.Table(
    "quotes", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", **_CASCADE), nullable=False, index=True),
    sa.Column("local_id", sa.String(32)),
    *_span(),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_entity_id", sa.Integer, sa.ForeignKey("entities.id"), index=True),
    sa.Column("speaker_start", sa.Integer), sa.Column("speaker_end", sa.Integer),
    sa.Column("cue", sa.Text), sa.Column("channel", sa.String(64)),
    sa.Column("status", sa.String(32), nullable=False, index=True),
    sa.Column("hedges", sa.Text), sa.Column("date", sa.String(10)), sa.Column("reason", sa.Text),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", **_CASCADE), nullable=False, index=True),
    sa.Column("local_id", sa.String(32)),
    sa.Column("type", sa.String(64), nullable=False, index=True),
    sa.Column("subtype", sa.String(64)),
    sa.Column("acled_event_type", sa.String(64)), sa.Column("acled_sub_event_type", sa.String(64)),
    *_span(),
    sa.Column("actors", sa.Text), sa.Column("targets", sa.Text),  # JSON lists of names
    sa.Column("place_entity_id", sa.Integer, sa.ForeignKey("entities.id"), index=True),
    sa.Column("place_name", sa.Text),
    sa.Column("lat", sa.Float), sa.Column("lon", sa.Float), sa.Column("geo_precision", sa.Integer),
    sa.Column("date", sa.String(10), index=True), sa.Column("time_precision", sa.Integer),
    sa.Column("killed", sa.Integer), sa.Column("injured", sa.Integer),
    sa.Column("source_quote", sa.Text), sa.Column("source_status", sa.String(32)),
    sa.Column("confidence", sa.Float, nullable=False, server_default="0"),
)

quantities = sa.Table(
    "quantities", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", **_CASCADE), nullable=False, index=True),
    *_span(),
    sa.Column("value", sa.Float, nullable=False), sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("si_value", sa.Float), sa.Column("si_unit", sa.String(16)),
    sa.Column("approximate", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("qualifier", sa.Text), sa.Column("paired_with", sa.Text), sa.Column("consistent", sa.Boolean),
)

disagreements = sa.Table(
    "disagreements", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", **_CASCADE), nullable=False, index=True),
    sa.Column("topic", sa.Text, nullable=False),
    sa.Column("figures", sa.Text, nullable=False),  # JSON list of Quantity dicts
    sa.Column("sources", sa.Text, nullable=False),  # JSON list of source names
)

stories = sa.Table(
    "stories", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(100), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("created_at", sa.String(32), nullable=False),
)

story_members = sa.Table(
    "story_members", metadata,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", **_CASCADE), primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", **_CASCADE), primary_key=True),
    sa.Column("role", sa.String(32)),  # original | copy | variant ...
    sa.Column("similarity", sa.Float),
)

failures = sa.Table(
    "failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("where", sa.String(64)),  # "line 12", "row 4", "item 3"
    sa.Column("stage", sa.String(64), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("time", sa.String(32), nullable=False),
)

#: Tables in creation order (parents first).
TABLES = (schema_version, articles, entities, mentions, failures, quotes, events, quantities, disagreements,
          stories, story_members)
