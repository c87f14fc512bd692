"""Batch readers: JSONL, CSV and RSS/Atom files, one Article (or one failure) per record.

A broken record never stops the batch: it is yielded as a :class:`Failure` with its
line or row number, and the caller records it and goes on.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from dateline.errors import DatelineError, InputError
from dateline.ingest import MAX_BYTES, load_article, read_source
from dateline.model import Article

BATCH_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".rss": "rss", ".atom": "rss", ".xml": "rss"}
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}

#: A batch file may be much larger than one article.
MAX_BATCH_BYTES = 2_000_000_000


@dataclass(frozen=True)
class Failure:
    source: str
    where: str  # "line 12", "row 4", "item 3"
    reason: str
    stage: str = "ingest"


def batch_format(path: Path) -> str | None:
    """Return "jsonl", "csv" or "rss" for a batch file, else None."""
    return BATCH_SUFFIXES.get(path.suffix.lower())


#: Record fields that must be JSON strings when present (``published`` may also be a number).
TEXT_FIELDS = ("text", "html", "title", "url", "source")


def _article_from_record(rec: dict[str, Any], source: str, where: str, published: str | None,
                         language: str | None = None, max_bytes: int = MAX_BYTES) -> Article:
    if isinstance(rec, list):
        raise InputError("record is a JSON array; JSONL needs one object per line (convert with `jq -c '.[]' FILE`)")
    if not isinstance(rec, dict):
        raise InputError("record is not an object with a 'text' or 'html' field")
    for key in TEXT_FIELDS:
        if rec.get(key) is not None and not isinstance(rec[key], str):
            raise InputError(f"field '{key}' is a JSON {type(rec[key]).__name__}, not a string; give it as text")
    body = rec.get("text") or rec.get("html")
    if not isinstance(body, str) or not body.strip():
        raise InputError("record has no 'text' or 'html' field with content")
    return load_article(
        body,
        published=published or rec.get("published") or None,
        title=rec.get("title") or None,
        url=rec.get("url") or None,
        source_name=rec.get("source") or rec.get("url") or f"{source}:{where}",
        html=bool(rec.get("html")) and not rec.get("text"),
        language=language,
        max_bytes=max_bytes,
    )


def _records_jsonl(text: str) -> Iterator[tuple[str, Any]]:
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield f"line {n}", json.loads(line)
        except json.JSONDecodeError as exc:
            yield f"line {n}", InputError(f"malformed JSON ({exc.msg} at column {exc.colno}); fix or remove the line")


def _records_csv(text: str) -> Iterator[tuple[str, Any]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not ({"text", "html"} & set(reader.fieldnames)):
        yield "row 1", InputError("CSV has no 'text' or 'html' column; add a header row naming them")
        return
    try:
        for n, row in enumerate(reader, 2):
            yield f"row {n}", row
    except csv.Error as exc:
        yield f"row {reader.line_num}", InputError(f"malformed CSV ({exc}); fix the quoting")


def _records_rss(text: str) -> Iterator[tuple[str, Any]]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        yield "item 0", InputError(f"malformed RSS/Atom XML ({exc}); check the feed file")
        return
    atom = "{http://www.w3.org/2005/Atom}"
    content_ns = "{http://purl.org/rss/1.0/modules/content/}encoded"
    items = root.iter("item") if root.find(".//item") is not None else root.iter(f"{atom}entry")
    for n, item in enumerate(items, 1):
        def first(*tags: str) -> str | None:
            for tag in tags:
                el = item.find(tag)
                if el is not None:
                    if el.text and el.text.strip():
                        return el.text.strip()
                    if el.get("href"):
                        return el.get("href")
            return None

        body = first(content_ns, "description", f"{atom}content", f"{atom}summary")
        yield f"item {n}", {
            "html": body,
            "title": first("title", f"{atom}title"),
            "url": first("link", f"{atom}link"),
            "published": _feed_date(first("pubDate", f"{atom}published", f"{atom}updated")),
        }


def _feed_date(value: str | None) -> str | None:
    if not value:
        return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return value[:10]


def iter_batch(path: Path, *, published: str | None = None, language: str | None = None,
               max_bytes: int = MAX_BYTES) -> Iterator[Article | Failure]:
    """Yield one Article or Failure per record of a JSONL, CSV or RSS/Atom file (``max_bytes`` caps each record)."""
    fmt = batch_format(path)
    text, warnings, _ = read_source(path, max_bytes=MAX_BATCH_BYTES)
    records = {"jsonl": _records_jsonl, "csv": _records_csv, "rss": _records_rss}[fmt or "jsonl"](text)
    for where, rec in records:
        if isinstance(rec, Exception):
            yield Failure(str(path), where, str(rec))
            continue
        try:
            article = _article_from_record(rec, str(path), where, published, language, max_bytes)
        except DatelineError as exc:
            yield Failure(str(path), where, str(exc))
            continue
        # The file's decoding warnings (invalid UTF-8 replaced) belong to every record read from it.
        yield dataclasses.replace(article, warnings=warnings + article.warnings) if warnings else article
