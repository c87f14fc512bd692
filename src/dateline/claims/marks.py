"""Pair quotation marks into quoted spans.

Double marks (straight ``"``, curly “ ”, and the typewriter pair `` ``/'' ) open and
close quotes; a ``''`` may also open one (some archives use it on both sides), so, like a
straight mark, its direction is read from the characters around it.  Single marks (' ‘ ’) are never quote boundaries at the top level:
in news text they are overwhelmingly apostrophes ("victims’ groups", "'80s"), and a
nested ‘…’ inside a double quote is simply part of that quote.

A quote left open at the end of a paragraph continues into the next paragraph when
that paragraph opens with a quote mark (the newspaper convention for multi-paragraph
quotes).  Any other unbalanced mark yields a span with a ``reason``; it never fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_ONLY = "“„«"
CLOSE_ONLY = "”»"
_MARK_RE = re.compile(r"``|''|[\"“”„«»]")
#: Characters after which a straight mark opens a quote.
_OPEN_BEFORE = " \t\n([{—–-/:"
#: Punctuation after which an opening curly mark, followed by a space, closes an open quote.
_TYPO_CLOSE_BEFORE = ",.!?"


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted stretch: ``start``/``end`` include the marks."""

    start: int
    end: int
    reason: str | None = None
    paragraphs: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def _direction(text: str, pos: int, mark: str, is_open: bool) -> str:
    """Return "open" or "close" for the mark at ``pos``."""
    if mark in OPEN_ONLY or mark == "``":
        after = text[pos + len(mark) : pos + len(mark) + 1]
        if is_open and mark == "“" and pos > 0 and text[pos - 1] in _TYPO_CLOSE_BEFORE and after.isspace():
            return "close"  # "…unusual,“ said X": an opening mark typed where the closing one belongs
        return "open"
    if mark in CLOSE_ONLY:
        return "close"
    # a straight mark, or the typewriter '' that some archives (NYT) use on both sides: read the context
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + len(mark)] if pos + len(mark) < len(text) else "\n"
    if before in _OPEN_BEFORE and not after.isspace():
        return "open"
    if after.isspace() or after in ".,;:!?)]—–-" and not before.isspace():
        return "close"
    return "close" if is_open else "open"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _scan_paragraph(text: str, start: int, end: int) -> tuple[list[QuoteSpan], int | None]:
    """Pair the marks of one paragraph; return spans and the offset of a quote left open."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    first_mark = True
    for m in _MARK_RE.finditer(text, start, end):
        kind = _direction(text, m.start(), m.group(0), open_at is not None)
        if kind == "open":
            if open_at is not None:  # a second opening mark: close the first one before it
                spans.append(QuoteSpan(open_at, _trim_end(text, m.start()), "opening quote mark never closed"))
            open_at = m.start()
        elif open_at is not None:
            spans.append(QuoteSpan(open_at, m.end()))
            open_at = None
        elif first_mark and text[start:m.start()].strip():
            spans.append(QuoteSpan(start, m.end(), "closing quote mark without an opening one"))
        first_mark = False
    return spans, open_at


def _trim_end(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _opens_with_quote(text: str, start: int, end: int) -> bool:
    m = _MARK_RE.match(text, start, end)
    return bool(m) and _direction(text, start, m.group(0), False) == "open"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Return the quoted spans of ``text`` in order, multi-paragraph quotes joined.

    Args:
        text: the article text.

    Returns:
        QuoteSpan records; unbalanced marks give spans with a ``reason``.
    """
    paras = _paragraphs(text)
    out: list[QuoteSpan] = []
    carry: int | None = None  # start of a quote continuing from an earlier paragraph
    carried = 1
    for k, (p_start, p_end) in enumerate(paras):
        spans, open_at = _scan_paragraph(text, p_start, p_end)
        still_open = False
        if carry is not None:
            if spans and spans[0].start == p_start:  # the continuation closes here
                out.append(QuoteSpan(carry, spans[0].end, spans[0].reason, carried + 1))
                spans, carry, carried = spans[1:], None, 1
            elif not spans and open_at == p_start:  # a whole paragraph inside the quote
                carried += 1
                open_at, still_open = None, True
            else:
                out.append(QuoteSpan(carry, _trim_end(text, paras[k - 1][1]), "opening quote mark never closed", carried))
                carry, carried = None, 1
        out.extend(spans)
        if open_at is None and not still_open:
            continue
        start = carry if still_open else open_at
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        if nxt and _opens_with_quote(text, nxt[0], nxt[1]):
            carry = start
        else:
            out.append(QuoteSpan(start, _trim_end(text, p_end), "opening quote mark never closed", carried))
            carry, carried = None, 1
    return sorted(out, key=lambda s: s.start)
