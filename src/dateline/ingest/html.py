"""Extract article text and metadata from HTML with trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.errors import InputError

_HTML_HINT = re.compile(r"<\s*(html|head|body|article|div|p|!doctype)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    author: str | None
    published: dt.date | None
    url: str | None


def looks_like_html(text: str) -> bool:
    """Tell whether text is an HTML page rather than plain text."""
    return bool(_HTML_HINT.search(text[:4000]))


def extract_html(html: str, *, url: str | None = None) -> Extracted:
    """Extract the main text (comments off) and metadata from an HTML page.

    Raises:
        InputError: when no article text can be found in the page.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(f"cannot parse HTML ({type(exc).__name__}); check that the file is a web page") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        text = _plain_text(html)  # fragments (feed descriptions) are too small for trafilatura
    if not text or not text.strip():
        raise InputError("no article text found in the HTML; is it a page with an article body?")
    title = getattr(doc, "title", None) or None
    if title and text.startswith(title):  # the page's <h1> repeats the title
        text = text[len(title):].lstrip()
    published = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            published = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    return Extracted(
        text=text,
        title=title,
        author=getattr(doc, "author", None) or None,
        published=published,
        url=getattr(doc, "url", None) or url,
    )


def _plain_text(html: str) -> str:
    """Text of an HTML fragment, one line per block element, scripts and styles dropped."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml raises ParserError / ValueError on empty or odd input
        return ""
    for bad in root.xpath("//script|//style|//nav|//footer|//form"):
        bad.drop_tree()
    for block in root.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().split("\n") if line.strip())
