"""Write ingest results to Parquet instead of the store: one row per article, with the article's JSON.

For users who load the output into Spark, DuckDB or BigQuery.  Failed articles are rows
too (``status`` "failed", with ``stage`` and ``reason``), so nothing is dropped silently.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError
from dateline.ingest.batch import Failure
from dateline.model import Article
from dateline.store.repo import text_hash
from dateline.store.runner import IngestOptions, Processed, Summary

#: Rows per Parquet row group / file part.
ROWS_PER_PART = 1000

COLUMNS = ("source", "where", "url", "title", "published", "text_hash", "status", "stage", "reason", "article_json")


class ParquetSink:
    """Stands where the store's Ingest stands: de-duplicates within the run, collects rows, writes parts."""

    wants_results = False  # the JSON text is enough

    def __init__(self, out: str | Path, opts: IngestOptions, on_event: Callable[[str, str, Summary], None] | None = None):
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise ConfigError("--out DIR writes Parquet and needs pyarrow: pip install 'dateline[scale]'") from None
        self.out, self.opts, self.summary = Path(out), opts, Summary()
        self.out.mkdir(parents=True, exist_ok=True)
        self._rows: list[dict[str, Any]] = []
        self._parts = 0
        self._seen: set[str] = set()
        self._on_event = on_event or (lambda kind, source, summary: None)

    def wanted(self, article: Article) -> bool:
        digest = text_hash(article.text)
        if digest in self._seen:
            self.summary.skipped += 1
            self._on_event("skipped", article.source or "<text>", self.summary)
            return False
        self._seen.add(digest)
        return True

    def fail(self, f: Failure) -> None:
        self.summary.failed += 1
        self.summary.failures.append(f)
        self._add({"source": f.source, "where": f.where or None, "status": "failed", "stage": f.stage, "reason": f.reason})
        self._on_event("failed", f"{f.source} {f.where}".strip() + f": {f.reason}", self.summary)

    def save(self, out: Processed | Failure) -> None:
        if isinstance(out, Failure):
            self.fail(out)
            return
        art = json.loads(out.doc)["article"]
        self._add({"source": art.get("source"), "url": art.get("url"), "title": art.get("title"),
                   "published": art.get("published"), "text_hash": text_hash(art["text"]), "status": "stored",
                   "article_json": out.doc})
        self.summary.stored += 1
        self._on_event("stored", art.get("source") or "<text>", self.summary)

    def _add(self, row: dict[str, Any]) -> None:
        self._rows.append({c: row.get(c) for c in COLUMNS})
        if len(self._rows) >= ROWS_PER_PART:
            self.flush()

    def flush(self) -> None:
        """Write the collected rows as the next part file."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._rows:
            return
        schema = pa.schema([(c, pa.string()) for c in COLUMNS])
        table = pa.Table.from_pylist(self._rows, schema=schema)
        pq.write_table(table, self.out / f"part-{self._parts:05d}.parquet")
        self._parts += 1
        self._rows = []
