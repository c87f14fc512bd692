"""Read GUM documents (WebAnno TSV 3.2 + the XML token layer) into gold mentions and chains.

The TSV gives every referring expression (names, common nouns, pronouns) with its entity
type, an optional Wikipedia title and coreference links; the XML gives one line per token
(word, PTB tag, lemma, CLAWS tag, UPOS, deprel, ...) in the same order, which we use for
the universal POS of each token.  Document text = the ``#Text=`` lines joined with "\\n".

A gold mention's *head* is approximated without a dependency tree: the last token before
the first post-modifier (a preposition, punctuation, verb, conjunction, or a non-initial
pronoun/determiner), restarting after a possessive "'s" ("Obama 's administration" ->
"administration").  Its ``form`` is "name" (head is PROPN), "pronoun" (head is PRON) or
"nominal".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError

#: Coreference relation types that mean "same entity"; bridging, predication and discourse
#: deixis (bridge:*, pred, disc) do not.
IDENTITY_RELATIONS = frozenset({"coref", "ana", "cata", "appos"})
_STOP_UPOS = frozenset({"ADP", "PUNCT", "VERB", "AUX", "SCONJ", "CCONJ"})
_ID = re.compile(r"(.*?)\[(\d+)\]$")
_TARGET = re.compile(r"([\d]+-[\d]+)\[(\d+)_(\d+)\]$")


@dataclass(frozen=True)
class GoldMention:
    """One annotated referring expression."""

    id: str
    start: int
    end: int
    text: str
    etype: str  # person | organization | place | ...
    wiki: str | None
    form: str  # name | nominal | pronoun
    head_start: int
    head_end: int


@dataclass(frozen=True)
class GumDoc:
    """One GUM document with its gold mentions and identity chains (sets of mention ids)."""

    name: str
    text: str
    published: dt.date | None
    mentions: tuple[GoldMention, ...]
    chains: tuple[frozenset[str], ...]


@dataclass
class _Tok:
    ref: str
    start: int
    end: int
    upos: str = "X"


def _split_ids(cell: str) -> list[tuple[str, str]]:
    """Split "person[1]|organization[2]" into [("person", "1"), ("organization", "2")]."""
    out = []
    for x in cell.split("|") if cell not in ("_", "") else []:
        m = _ID.match(x)
        out.append((m.group(1), m.group(2)) if m else (x, ""))
    return out


def _read_tsv(path: Path) -> tuple[str, list[_Tok], dict[str, dict], list[tuple[str, str]]]:
    """Return text, tokens, raw mentions (id -> fields) and identity links (id, id)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    text = "\n".join(line[6:] for line in lines if line.startswith("#Text="))
    toks: list[_Tok] = []
    ments: dict[str, dict] = {}
    links: list[tuple[str, str]] = []
    for n, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        c = line.split("\t")
        if len(c) < 10:
            raise InputError(f"{path}:{n}: expected 10 WebAnno TSV columns, got {len(c)}")
        a, b = map(int, c[1].split("-"))
        toks.append(_Tok(c[0], a, b))
        wiki = {k: v for v, k in _split_ids(c[6])}
        for etype, k in _split_ids(c[3]):
            k = k or c[0]
            m = ments.setdefault(k, {"start": a, "end": b, "etype": etype, "wiki": wiki.get(k) or None, "toks": []})
            m["end"] = b
            m["toks"].append(len(toks) - 1)
        for rel, tgt in zip(c[8].split("|"), c[9].split("|")):
            t = _TARGET.match(tgt)
            if t and rel in IDENTITY_RELATIONS:
                links.append((t.group(3), t.group(2)))
    return text, toks, ments, links


def _read_xml(path: Path) -> tuple[list[str], dt.date | None]:
    """Return the UPOS of every token (XML token lines) and the document's dateCreated."""
    raw = path.read_text(encoding="utf-8")
    upos = [line.split("\t")[4] for line in raw.split("\n") if "\t" in line and not line.startswith("<")]
    date = re.search(r'dateCreated="(\d{4}-\d{2}-\d{2})"', raw)
    return upos, dt.date.fromisoformat(date.group(1)) if date else None


def head_index(upos: list[str], words: list[str]) -> int:
    """Return the index of the approximate head token of a mention (see the module docstring)."""
    head = 0
    for i, (p, w) in enumerate(zip(upos, words)):
        if w in ("'s", "'", "’s") and p == "PART":
            if i + 1 < len(upos):
                head = i + 1  # "Obama 's administration": the possessed noun heads the phrase
            continue  # "Warhol 's" (the possessor mention itself): the head stays on "Warhol"
        if i > 0 and (p in _STOP_UPOS or p in ("PRON", "DET")):
            break
        head = i
    return head


def _chains(ids: list[str], links: list[tuple[str, str]]) -> tuple[frozenset[str], ...]:
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        if a in parent and b in parent:
            parent[find(a)] = find(b)
    groups: dict[str, set[str]] = {}
    for i in ids:
        groups.setdefault(find(i), set()).add(i)
    return tuple(frozenset(g) for g in groups.values())


def load_doc(tsv: Path, xml: Path | None = None) -> GumDoc:
    """Read one GUM document; the XML (same stem under ../xml) supplies UPOS and the date."""
    text, toks, ments, links = _read_tsv(tsv)
    xml = xml or tsv.parent.parent / "xml" / (tsv.stem + ".xml")
    upos, date = _read_xml(xml) if xml.exists() else ([], None)
    if len(upos) == len(toks):
        for t, p in zip(toks, upos):
            t.upos = p
    out = []
    for k, m in ments.items():
        mt = [toks[i] for i in m["toks"]]
        h = mt[head_index([t.upos for t in mt], [text[t.start:t.end] for t in mt])]
        form = {"PROPN": "name", "PRON": "pronoun"}.get(h.upos, "nominal")
        out.append(GoldMention(k, m["start"], m["end"], text[m["start"]:m["end"]], m["etype"], m["wiki"], form,
                               h.start, h.end))
    out.sort(key=lambda g: (g.start, -g.end))
    return GumDoc(tsv.stem, text, date, tuple(out), _chains([g.id for g in out], links))


def find_corpus(path: Path) -> Path:
    """Return the folder holding tsv/ (accepts gum_news itself or a benchmarks folder)."""
    for cand in (path, path / "gum_news"):
        if (cand / "tsv").is_dir():
            return cand
    raise InputError(f"no GUM tsv/ folder under {path}; pass --path to the gum_news folder")


def load_corpus(path: Path, limit: int | None = None) -> list[GumDoc]:
    """Read the GUM documents under ``path`` (sorted by name, at most ``limit``)."""
    files = sorted((find_corpus(path) / "tsv").glob("*.tsv"))[:limit]
    return [load_doc(f) for f in files]
