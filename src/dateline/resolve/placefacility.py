"""Read a town's name as the facility named after it: "the Zaporizhzhia nuclear power plant", "Engels air base".

NER often tags only the town of such a name ("[Zaporizhzhia] nuclear power plant"), and the town is then what
the map shows: the wrong dot, 50 km from the plant.  The gazetteer holds curated facilities only under names
that keep their kind word (``scripts/gazetteer_sources/facilities.tsv``), so the name is looked up again with
the kind words that follow it, and read as the facility only when that exact name is one.  The mention keeps
the written name's offsets (the kind words are evidence, not part of the name).

A later short form of a facility the article has named in full ("the Zaporizhzhia plant", "the Engels base")
is that facility too: one name and one head noun, one sense per article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.placespans import Span

#: Kind words after a name that may complete a facility's name (longest alternatives first).
_KIND = re.compile(
    r"\s+((?:international\s+)?(?:airport|air\s*base|airbase|airfield|military\s+airfield)"
    r"|nuclear\s+(?:power\s+)?(?:plant|station|site)|(?:thermal\s+|hydroelectric\s+|hydro\s*)?power\s+(?:plant|station)"
    r"|hydroelectric\s+(?:plant|station|dam)|NPP|TPP|HPP|dam|bridge|border\s+crossing|crossing(?:\s+point)?"
    r"|naval\s+base|(?:oil\s+)?refinery|steel\s*works|steel\s+plant)\b", re.I)
#: The head noun of a kind phrase: a short form "X plant" / "X base" refers back to the full name.
_HEAD = re.compile(r"\s+(plant|station|base|airfield|airport|dam|bridge|crossing|refinery|site)\b", re.I)
#: Span labels that may be grown (a quoted title or a law is left alone).
_GROWABLE = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "PROPN", "DATELINE"})


def _facility(gazetteer: Gazetteer, name: str) -> bool:
    """Return True if ``name`` is exactly (not fuzzily) a facility of the gazetteer."""
    return any(h.how != "fuzzy" and h.place.feature == "facility" for h in gazetteer.lookup(name, fuzzy=False))


def grow_facilities(text: str, spans: Sequence[Span], gazetteer: Gazetteer) -> list[Span]:
    """Return the spans, each one that heads a facility's full name read as that facility (label ``FAC``).

    Args:
        text: the article text.
        spans: name spans in text order.
        gazetteer: the place index (its curated facilities).
    Returns:
        The spans; a span that heads a facility's name is looked up as that name (``text`` is the full
        name, label ``FAC``) but keeps its offsets: its mention stays the written name ("Vnukovo" of
        "Vnukovo airport"), as a reader quoting the place would write it.  A short form ("the X plant") of
        a facility named in full elsewhere in the text is looked up as the same full name.
    """
    out: list[Span] = []
    grown: set[int] = set()
    full: dict[tuple[str, str], str] = {}  # (name, head noun) -> the facility's full written name
    for i, sp in enumerate(spans):
        m = _KIND.match(text, sp.end) if sp.label in _GROWABLE else None
        name = f"{sp.text} {' '.join(m.group(1).split())}" if m else ""
        if m and _facility(gazetteer, name):
            head = m.group(1).split()[-1].lower()
            full[(sp.text.lower(), "base" if head == "airbase" else head)] = name
            out.append(replace(sp, text=name, label="FAC", unit=None))
            grown.add(i)
        else:
            out.append(sp)
    for i, sp in enumerate(out):
        h = None if i in grown or sp.label not in _GROWABLE else _HEAD.match(text, sp.end)
        if h and (key := (sp.text.lower(), h.group(1).lower())) in full:
            out[i] = replace(sp, text=full[key], label="FAC", unit=None)
    return out
