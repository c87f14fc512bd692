"""Hold back a small town abroad that nothing else in the story places there.

A story from Haiti names "Liancourt", a Haitian commune the gazetteer lacks; the only candidate is a
French town of the name.  When every other place of the story lies in other countries, at least
``ABROAD_MIN_PLACES`` of them in one country, no other place and no dateline is in the town's country,
and the town is small, the lone namesake is more likely a gap in the gazetteer than a place the
story visits: it stays "ambiguous" with its candidates (evidence ``abroad-namesake``), not a dot.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from dateline.resolve.gazetteer import PlaceRecord

#: Largest population of a town held back; larger towns are named abroad for their own sake ("Geneva").
#: Set by judgement, checked on LGL docs 0-299 and GeoVirus (see docs/eval.md, session 8).
ABROAD_MAX_POP = 20_000
#: Fewest other resolved places in the story's main country before a lone town abroad is doubted.
ABROAD_MIN_PLACES = 3
_TOWN_FEATURES = frozenset({"city", "village"})


def _country_named(text: str, cc: str) -> bool:
    """True when the text names the country ``cc`` (its name or common name as written words)."""
    import pycountry

    c = pycountry.countries.get(alpha_2=cc)
    names = {getattr(c, k, None) for k in ("name", "common_name")} - {None} if c else set()
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in names)


def abroad_namesakes(tops: Sequence[PlaceRecord | None], dateline_cc: str | None, text: str = "") -> set[int]:
    """Return the indexes of ``tops`` (each group's chosen place, None when unresolved) to hold back.

    Args:
        tops: the chosen place of each place group of one article, in order.
        dateline_cc: the dateline's country code, if any.
        text: the article text; a town in a country it names by name is never held back.

    Returns:
        Indexes of small towns in a country no other place of the article (nor its dateline) is in.
    """
    counts = Counter(t.cc for t in tops if t is not None and t.cc)
    if not counts:
        return set()
    held = set()
    for i, t in enumerate(tops):
        if t is None or t.feature not in _TOWN_FEATURES or (t.pop or 0) >= ABROAD_MAX_POP or not t.cc:
            continue
        if t.cc == dateline_cc or counts[t.cc] > 1:
            continue
        main, n = max(((cc, k) for cc, k in counts.items() if cc != t.cc), key=lambda x: x[1], default=(None, 0))
        if main is not None and n >= ABROAD_MIN_PLACES and not _country_named(text, t.cc):
            held.add(i)
    return held
