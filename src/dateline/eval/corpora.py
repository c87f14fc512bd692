"""Readers that turn geoparsing corpora into gold documents with character spans.

Every reader returns a :class:`GoldCorpus`: documents whose toponym spans index
``GoldDoc.text`` exactly (0-based, end exclusive).  Quirks of the source formats are
handled here and counted in ``GoldCorpus.notes`` so the harness can print them:

- LGL-schema XML (LGL, TR-News): offsets that do not match their ``<phrase>`` are
  re-anchored on the nearest occurrence of the phrase; a phrase absent from the
  text is dropped and counted.
- GeoVirus: offsets are 1-based in the file.
- WikToR: one target place per document is annotated, so the annotation is not
  exhaustive (detection precision is not measured on it).
- WOTR: token XML without offsets; the text is rebuilt from the tokens.
- Neutral JSONL: ``{"id", "text", "toponyms": [{"start", "end", "lat", "lon", "geonames_id"}]}``
  (documented in ``docs/eval.md``).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError, ResourceMissing


@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym; ``lat``/``lon`` are None when the annotators gave no point."""

    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    name: str | None = None  # the annotators' canonical name, where given

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class GoldDoc:
    """One document with its gold toponyms; ``exhaustive`` is False when only some places are annotated."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    exhaustive: bool = True
    source: str | None = None  # the outlet (LGL's domain, a JSONL "source"): groups documents for --source-home


@dataclass(frozen=True)
class GoldCorpus:
    """A named list of gold documents plus notes on what the reader had to repair."""

    name: str
    source: str
    docs: tuple[GoldDoc, ...]
    notes: tuple[str, ...] = ()
    #: The gold tags demonyms and adjectives ("Russian", "Texan") as toponyms: LGL does (246
    #: of its 333 "Russian"-style words are gold); GeoVirus, WikToR and WOTR do not (under 6%).
    demonyms: bool = False


# ---------------------------------------------------------------- shared helpers


def anchor(text: str, start: int, end: int, phrase: str | None) -> tuple[int, int] | None:
    """Return the span of ``phrase`` nearest to ``start`` (the given span if it already matches).

    Args:
        text: the document text.
        start, end: the offsets given by the corpus.
        phrase: the annotated surface form, or None to trust the offsets.

    Returns:
        ``(start, end)`` into ``text``, or None when the phrase does not occur.
    """
    if phrase is None or text[start:end] == phrase:
        return (start, end) if 0 <= start < end <= len(text) else None
    hits = [m.start() for m in re.finditer(re.escape(phrase), text)] if phrase else []
    if not hits:
        return None
    best = min(hits, key=lambda p: (abs(p - start), p))
    return best, best + len(phrase)


class _Repairs:
    """Count re-anchored and dropped toponyms while reading."""

    def __init__(self) -> None:
        self.moved = 0
        self.dropped = 0

    def place(self, text: str, start: int, end: int, phrase: str | None) -> tuple[int, int] | None:
        span = anchor(text, start, end, phrase)
        if span is None:
            self.dropped += 1
        elif span != (start, end):
            self.moved += 1
        return span

    def notes(self) -> tuple[str, ...]:
        out = []
        if self.moved:
            out.append(f"{self.moved} gold offsets re-anchored on their phrase (nearest occurrence)")
        if self.dropped:
            out.append(f"{self.dropped} gold toponyms dropped: phrase not found in the text")
        return tuple(out)


def _need(path: Path, what: str) -> Path:
    if not path.exists():
        raise ResourceMissing(f"{what} not found at {path}; check ../shared/benchmarks or pass --path")
    return path


def _parse_xml(path: Path) -> ET.Element:
    try:
        return ET.parse(_need(path, "corpus file")).getroot()
    except ET.ParseError as exc:
        raise InputError(
            f"{path} is not well-formed XML ({exc}); give an LGL-schema XML or a JSONL gold file"
        ) from None


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def _int(value: str | None) -> int | None:
    return int(value) if value not in (None, "") and str(value).lstrip("-").isdigit() else None


# ---------------------------------------------------------------- LGL schema


def _lgl_toponym(el: ET.Element, text: str, repairs: _Repairs) -> GoldToponym | None:
    phrase = el.findtext("phrase")
    span = repairs.place(text, int(el.findtext("start") or 0), int(el.findtext("end") or 0), phrase)
    if span is None:
        return None
    gaz = el.find("gaztag")
    if gaz is None:
        return GoldToponym(span[0], span[1], text[span[0]:span[1]])
    return GoldToponym(
        span[0], span[1], text[span[0]:span[1]],
        lat=_float(gaz.findtext("lat")), lon=_float(gaz.findtext("lon")),
        geonames_id=_int(gaz.get("geonameid")), name=gaz.findtext("name"),
    )


def read_lgl(path: Path, *, name: str = "lgl", limit: int | None = None) -> GoldCorpus:
    """Read an LGL-schema XML file (LGL, TR-News).

    Args:
        path: the XML file.
        name: the corpus name to report.
        limit: read only the first ``limit`` articles.

    Returns:
        The gold corpus; notes count re-anchored and dropped offsets.
    """
    repairs = _Repairs()
    docs = []
    for art in _parse_xml(path).findall("article")[:limit]:
        text = art.findtext("text") or ""
        tops = (_lgl_toponym(t, text, repairs) for t in art.iter("toponym"))
        docs.append(GoldDoc(str(art.get("docid", len(docs))), text, tuple(t for t in tops if t),
                            source=art.findtext("domain") or None))
    return GoldCorpus(name, str(path), tuple(docs), repairs.notes(), demonyms=True)


# ---------------------------------------------------------------- GeoVirus


def read_geovirus(path: Path, *, limit: int | None = None) -> GoldCorpus:
    """Read GeoVirus XML, whose offsets are 1-based."""
    repairs = _Repairs()
    docs = []
    for i, art in enumerate(_parse_xml(path).findall("article")[:limit]):
        text = art.findtext("text") or ""
        tops = []
        for loc in art.iter("location"):
            # 1-based offsets in the file: text[start-1:end-1] is the name (SOURCE.md)
            start, end = int(loc.findtext("start") or 1) - 1, int(loc.findtext("end") or 1) - 1
            span = repairs.place(text, start, end, loc.findtext("name"))
            if span:
                tops.append(GoldToponym(span[0], span[1], text[span[0]:span[1]], _float(loc.findtext("lat")),
                                        _float(loc.findtext("lon")), name=loc.findtext("page")))
        docs.append(GoldDoc(art.findtext("source") or str(i), text, tuple(tops)))
    return GoldCorpus("geovirus", str(path), tuple(docs), repairs.notes())


# ---------------------------------------------------------------- WikToR


def _wiktor_item(item: str, text: str, repairs: _Repairs) -> GoldToponym | None:
    name, surface, lat, lon, start, end = item.split(",,")
    span = repairs.place(text, int(start), int(end), surface)
    if span is None:
        return None
    return GoldToponym(span[0], span[1], surface, float(lat), float(lon), name=name)


def read_wiktor(folder: Path, *, limit: int | None = None) -> GoldCorpus:
    """Read WikToR (EUPEG split): ``WikToR/<i>`` texts and line ``i`` of ``gold/WikToR_gold.txt``."""
    gold = _need(folder / "gold" / "WikToR_gold.txt", "WikToR gold file")
    lines = gold.read_text(encoding="utf-8").splitlines()[:limit]
    repairs = _Repairs()
    docs = []
    for i, line in enumerate(lines):
        text = _need(folder / "WikToR" / str(i), "WikToR document").read_text(encoding="utf-8")
        tops = (_wiktor_item(item, text, repairs) for item in line.split("||") if item)
        docs.append(GoldDoc(str(i), text, tuple(t for t in tops if t), exhaustive=False))
    return GoldCorpus("wiktor", str(folder), tuple(docs), repairs.notes())


# ---------------------------------------------------------------- WOTR token XML

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "n't", "'"}
_NO_SPACE_AFTER = {"(", "[", "{"}


def _wotr_doc(path: Path) -> GoldDoc:
    """Rebuild one WOTR document's text from its tokens and place the toponyms in it."""
    root = _parse_xml(path)
    parts: list[str] = []
    tops: list[GoldToponym] = []
    pos, glue = 0, True
    for el in root.iter():
        if el.tag not in ("w", "toponym"):
            continue
        tok = el.get("tok") if el.tag == "w" else el.get("term")
        if not tok:
            continue
        if not glue and tok not in _NO_SPACE_BEFORE:
            parts.append(" ")
            pos += 1
        if el.tag == "toponym":
            cand = next((c for c in el.iter("cand") if c.get("selected") == "yes"), None)
            lat, lon = (_float(cand.get("lat")), _float(cand.get("long"))) if cand is not None else (None, None)
            tops.append(GoldToponym(pos, pos + len(tok), tok, lat, lon))
        parts.append(tok)
        pos += len(tok)
        glue = tok in _NO_SPACE_AFTER
    return GoldDoc(str(root.get("id") or path.stem), "".join(parts), tuple(tops))


def _natural_key(path: Path) -> list[object]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", path.name)]


def read_wotr(folder: Path, *, limit: int | None = None) -> GoldCorpus:
    """Read the WOTR train split (``trconll-classicxml/train/*.xml``), text rebuilt from tokens."""
    files = sorted(_need(folder, "WOTR train folder").glob("*.xml"), key=_natural_key)[:limit]
    if not files:
        raise ResourceMissing(f"no WOTR *.xml files in {folder}; check ../shared/benchmarks/wotr")
    docs = tuple(_wotr_doc(f) for f in files)
    note = "text rebuilt from tokens (single spaces, no space before punctuation)"
    return GoldCorpus("wotr", str(folder), docs, (note,))


# ---------------------------------------------------------------- neutral JSONL


def _jsonl_toponym(raw: dict, text: str, where: str) -> GoldToponym:
    try:
        start, end = int(raw["start"]), int(raw["end"])
    except (KeyError, TypeError, ValueError):
        raise InputError(f"{where}: each toponym needs integer 'start' and 'end'") from None
    if not 0 <= start < end <= len(text):
        raise InputError(f"{where}: span {start}:{end} is outside the text (length {len(text)})")
    lat, lon = raw.get("lat"), raw.get("lon")
    if (lat is None) != (lon is None):
        raise InputError(f"{where}: give both 'lat' and 'lon', or neither")
    gid = raw.get("geonames_id")
    return GoldToponym(start, end, text[start:end], None if lat is None else float(lat),
                       None if lon is None else float(lon), None if gid in (None, "") else int(gid), raw.get("name"))


def _jsonl_doc(line: str, where: str) -> GoldDoc:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}); one document per line") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError(f"{where}: a document needs a 'text' string (and 'id', 'toponyms')")
    raw_tops = data.get("toponyms") or []
    if not isinstance(raw_tops, list):
        raise InputError(f"{where}: 'toponyms' must be a list")
    tops = tuple(_jsonl_toponym(t, data["text"], f"{where} toponym {k}") for k, t in enumerate(raw_tops))
    source = data.get("source")
    return GoldDoc(str(data.get("id", where)), data["text"], tops, exhaustive=bool(data.get("exhaustive", True)),
                   source=str(source) if source else None)


def read_jsonl(path: Path, *, limit: int | None = None) -> GoldCorpus:
    """Read the neutral JSONL gold format (one document per line; see docs/eval.md)."""
    docs: list[GoldDoc] = []
    with _need(path, "gold file").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if limit is not None and len(docs) >= limit:
                break
            if line.strip():
                docs.append(_jsonl_doc(line, f"{path.name} line {n}"))
    return GoldCorpus(path.stem, str(path), tuple(docs))


def read_path(path: Path, *, limit: int | None = None) -> GoldCorpus:
    """Read a gold file given by the user: LGL-schema XML if it starts with '<', else neutral JSONL."""
    with _need(path, "gold file").open("rb") as fh:
        head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return read_lgl(path, name=path.stem, limit=limit)
    return read_jsonl(path, limit=limit)


# ---------------------------------------------------------------- the shared corpora

#: corpus name -> path under the benchmarks folder.
CORPORA: dict[str, str] = {
    "lgl": "lgl/lgl.xml",
    "geovirus": "geovirus/GeoVirus.xml",
    "wiktor": "wiktor",
    "wotr": "wotr/trconll-classicxml/train",
}


def read_corpus(name: str, root: Path, *, limit: int | None = None) -> GoldCorpus:
    """Read one of :data:`CORPORA` from the benchmarks folder ``root``."""
    readers = {"lgl": read_lgl, "geovirus": read_geovirus, "wiktor": read_wiktor, "wotr": read_wotr}
    if name not in readers:
        raise InputError(f"unknown corpus {name!r}; choose one of {', '.join(CORPORA)} or all")
    return readers[name](root / CORPORA[name], limit=limit)


def all_toponyms(docs: Iterable[GoldDoc]) -> int:
    """Count gold toponyms over documents."""
    return sum(len(d.toponyms) for d in docs)
