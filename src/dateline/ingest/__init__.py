"""Ingest: accept text, bytes, paths, file objects and batches; emit one normalised Article.

    >>> from dateline.ingest import load_article
    >>> art = load_article("KYIV, Ukraine (AP) — Russia said ...", published="2022-09-10")
    >>> art.dateline.agency
    'AP'
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.ingest.boilerplate import remove_boilerplate
from dateline.ingest.byline import header_day, parse_header
from dateline.ingest.dateline import dateline_date, find_dateline, header_lines, parse_dateline, split_credits
from dateline.ingest.decode import MAX_BYTES, check_size, check_text, decode_bytes
from dateline.ingest.html import extract_html, looks_like_html
from dateline.ingest.language import guess_language
from dateline.ingest.layout import split_live_entries, strip_bullets, unwrap_layout
from dateline.model import Article
from dateline.nlp.lexical import LEXICAL_LANGUAGES, lexical_warning

__all__ = ["MAX_BYTES", "load_article", "make_article", "parse_published", "read_source"]

#: Languages the pipeline reads today: English fully, German, Ukrainian and Russian without a
#: parser (places, actors, dates, marked quotes and trigger-word events; see docs/languages.md).  Others are refused.
SUPPORTED_LANGUAGES = ("en", *LEXICAL_LANGUAGES)

_TITLE_MAX = 200

#: Fewer words than this is a fragment (a menu, a caption), not a report.
MIN_WORDS = 4


def parse_published(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    """Parse a publication date given as YYYY-MM-DD (or a longer ISO timestamp)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"publication date {value!r} is not YYYY-MM-DD; pass e.g. --published 2022-09-10") from None


def read_source(source: Any, *, max_bytes: int = MAX_BYTES) -> tuple[str, tuple[str, ...], str | None]:
    """Read text from str, bytes, Path or file object; return text, warnings and a source name."""
    if isinstance(source, Path):
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise InputError(f"cannot read {source}: {exc.strerror or exc}; check the path") from None
        if source.is_dir():
            raise InputError(f"{source} is a folder; give a file (or use `dateline ingest` for folders)")
        check_size(size, max_bytes)
        try:
            with source.open("rb") as fh:
                data = fh.read()
        except OSError as exc:  # permissions, a file vanished or on a failing disk
            raise InputError(f"cannot read {source}: {exc.strerror or exc}; check the file's permissions") from None
        text, warnings = decode_bytes(data, max_bytes=max_bytes)
        return text, warnings, str(source)
    if isinstance(source, (bytes, bytearray)):
        text, warnings = decode_bytes(bytes(source), max_bytes=max_bytes)
        return text, warnings, None
    if isinstance(source, str):
        check_size(len(source.encode("utf-8", errors="replace")), max_bytes)
        return check_text(source), (), None
    if isinstance(source, (io.IOBase,)) or hasattr(source, "read"):
        data = source.read(max_bytes + 1)
        name = getattr(source, "name", None)
        if isinstance(data, str):
            data = data.encode("utf-8", errors="surrogateescape")
        text, warnings = decode_bytes(data, max_bytes=max_bytes)
        return text, warnings, (str(name) if isinstance(name, (str, os.PathLike)) else None)
    raise InputError(f"cannot read an article from {type(source).__name__}; give text, bytes, a path or a file")


def _split_title(text: str) -> tuple[str | None, str]:
    """Take a headline off plain text: a short first line without a final period, then a blank line."""
    m = re.match(r"\s*([^\n]{3,%d})\n\s*\n" % _TITLE_MAX, text)
    if not m:
        return None, text
    line = m.group(1).strip()
    if line.endswith((".", ":", ";", ",")) and not line.endswith("..."):
        return None, text
    if parse_dateline(line) or parse_header(line):
        return None, text
    return line, text[m.end():]


def _header_published(text: str) -> dt.date | None:
    """Return the first full date of the header lines ("June 6, 2023 | World Desk"), if any."""
    for _pos, head in header_lines(text):
        day = header_day(head.date) if head.date else None
        if day is not None:
            try:
                return dt.date(*day)
            except ValueError:
                continue
    return None


def make_article(
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    author: str | None = None,
    published: str | dt.date | None = None,
    published_from: str | None = None,
    warnings: tuple[str, ...] = (),
    language: str | None = None,
) -> Article:
    """Normalise plain article text: title, boilerplate, credits, dateline, language."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = strip_bullets(split_live_entries(unwrap_layout(text)))
    if title is None:
        title, text = _split_title(text)
    text, removed = remove_boilerplate(text)
    text, credits = split_credits(text)
    text = text.strip()
    if not text:
        raise InputError("no article text left after removing boilerplate; is this an article?")
    if len(text.split()) < MIN_WORDS:
        raise InputError(f"text is too short to be an article ({len(text.split())} words); give the full report")
    warns = list(warnings)
    lang = language or guess_language(text)
    if lang not in SUPPORTED_LANGUAGES and lang != "und" and language is None:
        raise InputError(
            f"article looks like language '{lang}'; dateline reads English, German, Ukrainian and Russian — "
            "pass --language en to read it as English anyway"
        )
    if lang in LEXICAL_LANGUAGES:
        warns.append(lexical_warning(lang))
    pub = parse_published(published)
    origin = published_from if pub else None
    if pub is None and (pub := _header_published(text)) is not None:
        origin = "text"
    dl = find_dateline(text)
    if pub is None:
        raw = dateline_date(text)
        if raw:
            warns.append(f"publication date taken from the dateline ({raw}) is missing a year; pass --published")
        warns.append("no publication date: relative dates ('Saturday') are left unresolved; pass --published YYYY-MM-DD")
    return Article(
        text=text,
        title=title,
        source=source,
        url=url,
        author=author,
        published=pub,
        published_from=origin,
        language=lang if lang != "und" else "en",
        dateline=dl,
        credits=credits,
        removed_lines=removed,
        warnings=tuple(warns),
    )


def load_article(
    source: Any,
    *,
    published: str | dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    source_name: str | None = None,
    html: bool | None = None,
    language: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Read one article from text, bytes, a Path or a file object.

    ``published`` overrides the date found in HTML metadata.  ``html`` forces or
    forbids HTML extraction (default: sniff).

    Raises:
        InputError: the input cannot be read as an article.
    """
    text, warnings, name = read_source(source, max_bytes=max_bytes)
    meta_pub = None
    author = None
    if html or (html is None and looks_like_html(text)):
        ex = extract_html(text, url=url)
        text, title, author, meta_pub, url = ex.text, title or ex.title, ex.author, ex.published, ex.url
    pub = parse_published(published)
    return make_article(
        text,
        title=title,
        source=source_name or name or url,
        url=url,
        author=author,
        published=pub or meta_pub,
        published_from="option" if pub else ("metadata" if meta_pub else None),
        warnings=warnings,
        language=language,
    )
