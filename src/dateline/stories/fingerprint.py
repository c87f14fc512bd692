"""An entity / quote / number fingerprint that survives synonym spinning.

A spinner swaps most ordinary words but keeps the facts: the same people and places
in the same order, the same figures, the same quotes.  The fingerprint is the ordered
sequence of those fact keys:

* names: the pipeline's resolved entity id when it has one (``E:geonames:706524``),
  else the garble-tolerant :func:`~dateline.stories.normalise.skeleton` of each
  capitalised token (so "Khrystenko" and "Hristenko" share a key);
* numbers: every figure, commas dropped (``#1200``), plus worded quantities;
* quotes: word 3-shingles of each direct quote (``Q:...``), kept as a set;
* dates: resolved dates (``D:2022-09-10``) when the pipeline resolved them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from dateline.model import Result
from dateline.stories.normalise import fold, sentences, shingles, skeleton, tokens

#: Capitalised words that start sentences or name days and months: never name keys.
NOT_NAMES = frozenset("""
a an the in on at of for to from by with and but or as if it its he she they we i you this that these those
there here his her their our after before during while when where what who which why how earlier later
meanwhile also however since until despite although though one two three four five six seven eight nine ten
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december mr mrs ms dr breaking update updated read more some many most several
no not all both each other another such only just
""".split())

_QUOTE_RE = re.compile(r'"([^"]{12,}?)"')


@dataclass(frozen=True)
class NameToken:
    """One capitalised token of a name, with the full name run it belongs to."""

    text: str
    key: str
    entity: str
    start: int
    end: int
    sent: int
    capitals: bool = False  # printed in capitals (a dateline): no evidence about spelling


@dataclass(frozen=True)
class Fingerprint:
    """The facts of one article in order, as comparable keys."""

    sequence: tuple[str, ...]  # name and number keys in text order
    quotes: frozenset[str]  # Q: shingles of direct quotes
    names: tuple[NameToken, ...]
    numbers: tuple[tuple[str, int, int], ...]  # (figure as printed, start, end)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.sequence)

    @property
    def bigrams(self) -> frozenset[str]:
        s = self.sequence
        return frozenset(f"{a}>{b}" for a, b in zip(s, s[1:]))


def _entity_ids(result: Result | None) -> list[tuple[int, int, str, str]]:
    """Return (start, end, key, name) for mentions of entities the pipeline resolved."""
    if result is None:
        return []
    spans = []
    for ent in result.entities:
        if ent.status in ("linked", "resolved") and ent.candidates:
            key = f"E:{ent.candidates[0].id}"
        elif ent.status in ("linked", "resolved") and (ent.geonames_id or ent.wikidata):
            key = f"E:{ent.geonames_id or ent.wikidata}"
        else:
            continue
        spans.extend((m.start, m.end, key, ent.name) for m in ent.mentions)
    return sorted(spans)


_NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?:[A-Za-z]\w*)?")
_LOWER_RE = re.compile(r"(?<![\w'])[a-z][a-z'-]*")


def name_tokens(text: str, result: Result | None = None) -> list[NameToken]:
    """Return the capitalised name tokens of ``text`` with the name runs they belong to."""
    lowered = set(_LOWER_RE.findall(text))
    resolved = _entity_ids(result)
    starts = [a for _, a, _ in sentences(text)]
    out: list[NameToken] = []
    run: list[tuple[str, int, int, bool]] = []
    prev_end, prev_sent = 0, -1
    for tok, a, b in tokens(text):
        si = bisect_right(starts, a) - 1
        first = si != prev_sent
        if run and (first or text[prev_end:a].strip() not in ("", "-")):
            _flush(run, out, prev_sent, resolved)  # punctuation or a new sentence ends a name
            run = []
        prev_end, prev_sent = b, si
        caps = tok.isupper() and len(tok) > 3
        if caps:
            tok = tok.title()  # datelines print place names in capitals
        low = tok.lower()
        is_name = tok[:1].isupper() and len(tok) > 1 and low not in NOT_NAMES and not tok[0].isdigit()
        if is_name and first and low in lowered:
            is_name = False  # a sentence-initial ordinary word ("Troops")
        if is_name:
            run.append((tok, a, b, caps))
        elif run:
            _flush(run, out, si, resolved)
            run = []
    _flush(run, out, prev_sent, resolved)
    return out


def _flush(run: list[tuple[str, int, int, bool]], out: list[NameToken], si: int,
           resolved: list[tuple[int, int, str, str]]) -> None:
    if not run:
        return
    entity = " ".join(t for t, _, _, _ in run)
    for tok, a, b, caps in run:
        key, name = f"N:{skeleton(tok)}", entity
        for s, e, rkey, rname in resolved:
            if s <= a and b <= e:
                key, name = rkey, rname
                break
        out.append(NameToken(tok, key, name, a, b, si, caps))


def numbers(text: str, result: Result | None = None) -> list[tuple[str, int, int]]:
    """Return every figure in the text (digits), plus worded quantities the pipeline parsed."""
    found = [(m.group(0), m.start(), m.end()) for m in _NUMBER_RE.finditer(text)]
    if result is not None:
        for q in result.quantities:
            if not any(c.isdigit() for c in q.text):
                found.append((f"{q.value:g}", q.start, q.end))
    return sorted(found, key=lambda x: x[1])


def quote_texts(text: str, result: Result | None = None) -> list[str]:
    """Return the direct quotes: the pipeline's when it found some, else quoted runs of the text."""
    if result is not None and result.quotes:
        return [q.text for q in result.quotes if q.kind == "direct"]
    return [m.group(1) for m in _QUOTE_RE.finditer(fold(text))]


def fingerprint(text: str, result: Result | None = None) -> Fingerprint:
    """Build the fact fingerprint of one article."""
    names = name_tokens(text, result)
    nums = numbers(text, result)
    events = [(n.start, n.key) for n in names] + [(a, "#" + t.replace(",", "")) for t, a, _ in nums]
    if result is not None:
        events += [(d.start, f"D:{d.value}") for d in result.dates if d.value]
    seq = tuple(k for _, k in sorted(events))
    qs = frozenset("Q:" + s for q in quote_texts(text, result) for s in shingles(q, 3))
    return Fingerprint(seq, qs, tuple(names), tuple(nums))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


#: Weights of the fingerprint parts: fact keys as a set, fact keys in order (bigrams),
#: quote shingles.  Set on the generated corpus of tests/stories/generator.py.
KEY_WEIGHT, ORDER_WEIGHT, QUOTE_WEIGHT = 0.4, 0.3, 0.3


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Return 0..1 similarity of two fingerprints (order and quotes count when present)."""
    keys = _jaccard(a.keys, b.keys)
    order = _jaccard(a.bigrams, b.bigrams)
    if a.quotes and b.quotes:
        return KEY_WEIGHT * keys + ORDER_WEIGHT * order + QUOTE_WEIGHT * _jaccard(a.quotes, b.quotes)
    return (KEY_WEIGHT * keys + ORDER_WEIGHT * order) / (KEY_WEIGHT + ORDER_WEIGHT)
