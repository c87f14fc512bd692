"""Document-level sense decisions: one sense per name, a weak span joining a place the document holds,
and a dateline's candidates.

Split out of ``places`` (the resolution loop) so that module stays readable; ``resolve_spans`` calls these
after each ranking pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dateline.resolve.gazetteer import Hit
from dateline.resolve.gazetteer.keys import fold_key
from dateline.resolve.placerank import Scored, confidence
from dateline.resolve.placespans import Span


@dataclass(frozen=True)
class Resolved:
    """One span's ranked candidates, with the winner's confidence and its margin over the runner-up."""

    span: Span
    ranked: tuple[Scored, ...]
    confidence: float
    margin: float


def one_sense(ranked: list[list[Scored]], groups: Sequence[str]) -> list[list[Scored]]:
    """Give every span of one name the same ranking: each place's mean score over the name's spans."""
    by_group: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        by_group.setdefault(g, []).append(i)
    out = list(ranked)
    for idx in by_group.values():
        if len(idx) < 2:
            continue
        sums: dict[int, list[float]] = {}
        for i in idx:
            for sc in ranked[i]:
                sums.setdefault(sc.place.id, []).append(sc.score)
        for i in idx:
            re_scored = [Scored(sc.place, round(sum(sums[sc.place.id]) / len(sums[sc.place.id]), 4), sc.match, sc.how)
                         for sc in ranked[i]]
            out[i] = sorted(re_scored, key=lambda x: (-x.score, x.place.id))
    return out


def blend(old: Sequence[Scored], new: Sequence[Scored]) -> list[Scored]:
    """Return the mean of two context passes' scores per place (damps two names flipping each other)."""
    prev = {sc.place.id: sc.score for sc in old}
    out = [Scored(sc.place, round((sc.score + prev.get(sc.place.id, sc.score)) / 2, 4), sc.match, sc.how) for sc in new]
    return sorted(out, key=lambda x: (-x.score, x.place.id))


def same_place_again(pairs: Sequence[tuple[Span, list[Hit]]], ranked: Sequence[Sequence[Scored]],
                      out: list[Resolved | None]) -> list[Resolved | None]:
    """Keep a weak span whose exact name wins for a place the article already geocodes elsewhere.

    "Rylsk lies 30 km from the border", an untagged proper noun, is the Rylsk the text placed a
    sentence before as "the town of Rilsk": a name that exactly names a place the document already
    holds is that place, however weak the span's own evidence.
    """
    held = {r.ranked[0].place.id for r in out if r is not None}
    for i, ((sp, hs), r) in enumerate(zip(pairs, ranked)):
        if out[i] is None and hs and r and r[0].how != "fuzzy" and r[0].place.id in held and not r[0].place.feature == "country":
            conf, margin = confidence(r)
            out[i] = Resolved(sp, tuple(r), conf, margin)
    return out


#: Words that introduce another name of the place just named: "Toretsk, … by its Soviet name, Dzerzhinsk",
#: "Bakhmut, formerly Artemivsk", "Kropyvnytskyi, known until 2016 as Kirovohrad".
_OTHER_NAME = re.compile(r"(?:\b(?:soviet|former|old|previous|earlier|russian|ukrainian|original|historic(?:al)?|"
                         r"imperial|colonial|pre-war|official)\s+names?|\bformerly(?:\s+(?:known as|called))?|"
                         r"\bonce\s+(?:called|known as)|\bknown\s+(?:until\s+\d{4}\s+)?as|\brenamed\s+from|"
                         r"\bcalled\s+(?:it\s+)?)\s*,?\s*$", re.I)
#: Characters before a name searched for ``_OTHER_NAME``.
OTHER_NAME_WINDOW = 45


def other_name_cue(text: str, start: int, end: int | None = None) -> bool:
    """True when the words before ``start`` give what follows as another name ("by its Soviet name, X"), or (given
    the name's ``end``) the name stands in a translator's gloss: "X [Y]", "X (Y)", either of the two."""
    if _OTHER_NAME.search(text[max(0, start - OTHER_NAME_WINDOW):start]) is not None:
        return True
    return end is not None and (_GLOSS_AFTER.match(text, end) is not None
                                or _GLOSS_BEFORE.search(text[max(0, start - OTHER_NAME_WINDOW):start]) is not None)


#: A name in brackets right after a name ("Kirovograd [Kropyvnytskyi]"), seen from either of the two.
_GLOSS_AFTER = re.compile(r"\s*[\[(]\s*[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2}\s*[\])]")
_GLOSS_BEFORE = re.compile(r"\b[A-Z][\w’'-]+\s*[\[(]\s*$")


def other_names(text: str, out: list[Resolved | None]) -> list[Resolved | None]:
    """Resolve a name given as another name of the place just named to that place.

    A span after "its Soviet name," / "formerly" / "known as" whose candidates hold the place of an earlier
    span of its sentence is that place ("Dzerzhinsk" is Toretsk there, not the Russian city).  So is a name with
    another name in brackets right after it ("Dzerzhinsk [Toretsk]", "Kirovograd (Kropyvnytskyi)"): the one whose
    candidates hold the other's place, resolved with the more confident of the two, takes that place.

    Args:
        text: the article text.
        out: the resolutions of the article's spans, in text order.
    Returns:
        The same list, with such spans re-ranked to the earlier place.
    """
    for i, r in enumerate(out):
        if r is None or not other_name_cue(text, r.span.start):
            continue
        before = [o for o in out[:i] if o is not None and o.span.sent == r.span.sent and o.ranked]
        for o in reversed(before):
            pid = o.ranked[0].place.id
            hit = next((s for s in r.ranked if s.place.id == pid), None)
            if hit is not None and hit is not r.ranked[0]:
                _take_sense(out, r, o)
                break
            if hit is not None:
                break
    for r in out:  # "Dzerzhinsk [Toretsk]": a candidate of the name bears the gloss as its own name
        if r is not None and r.ranked and (g := _GLOSS_AFTER.match(text, r.span.end)) is not None:
            word = fold_key(g.group(0).strip(" \t[]()"))
            hit = next((s for s in r.ranked if fold_key(s.place.name) == word), None)
            if hit is not None and hit is not r.ranked[0]:
                _take_sense(out, r, Resolved(r.span, (hit,), r.confidence, r.margin))
    for a, b in zip(out, out[1:]):  # "Kirovograd [Kropyvnytskyi]", "Dzerzhinsk (Toretsk)": a translator's gloss
        if a is None or b is None or not a.ranked or not b.ranked:
            continue
        if not _GLOSS.fullmatch(text, a.span.end, b.span.start):
            continue
        for name, sense in ((a, b), (b, a)):
            pid = sense.ranked[0].place.id
            hit = next((s for s in name.ranked if s.place.id == pid), None)
            if hit is not None and hit is not name.ranked[0] and sense.margin >= name.margin:
                _take_sense(out, name, sense)
                break
    return out


#: What stands between a name and another name of the same place given in brackets right after it.
_GLOSS = re.compile(r"\s*[\[(]\s*")


def _take_sense(out: list[Resolved | None], r: Resolved, o: Resolved) -> None:
    """Re-rank every span named as ``r`` is to the place ``o`` won (the name keeps that sense all through)."""
    pid = o.ranked[0].place.id
    for k, x in enumerate(out):
        if x is not None and fold_key(x.span.text) == fold_key(r.span.text):
            top = next((s for s in x.ranked if s.place.id == pid), None)
            if top is not None:
                rest = tuple(s for s in x.ranked if s is not top)
                out[k] = Resolved(x.span, (top, *rest), o.confidence, max(o.margin, x.margin))


#: A dateline names the place a report is filed from: when a city of at least this many people bears the
#: name, the villages of unknown size of that name (settlements of the Ukrainian codifier without a
#: GeoNames entry) are not candidates: "ZAPORIZHZHIA, Ukraine" is not a village of that name in Kherson
#: Oblast, however the story's other places lean.  A dateline with no such city ("HROZA, Ukraine") keeps
#: every candidate.  Set by judgement; dropping every village instead cost LGL docs 0-299 e2e 0.859 ->
#: 0.858 (local papers file from villages).
DATELINE_MIN_POP = 100_000


#: Cities a wire dateline names bare, with no state or country after them (third-party facts: the Associated Press
#: Stylebook's list of datelines that stand alone).  Folded name -> ISO country code; the city is the largest town
#: of that country the name finds, by its own name or an alias ("New York" is New York City).
STANDALONE_DATELINES: dict[str, str] = {fold_key(n): cc for cc, names in {
    "US": ("Atlanta", "Baltimore", "Boston", "Chicago", "Cincinnati", "Cleveland", "Dallas", "Denver", "Detroit",
           "Honolulu", "Houston", "Indianapolis", "Las Vegas", "Los Angeles", "Miami", "Milwaukee", "Minneapolis",
           "New Orleans", "New York", "Oklahoma City", "Philadelphia", "Phoenix", "Pittsburgh", "St. Louis",
           "Salt Lake City", "San Antonio", "San Diego", "San Francisco", "Seattle", "Washington"),
    "CA": ("Montreal", "Ottawa", "Quebec City", "Toronto"), "GB": ("London",), "FR": ("Paris",),
    "IT": ("Rome", "Milan"), "DE": ("Berlin", "Frankfurt", "Munich"), "RU": ("Moscow",), "CN": ("Beijing", "Shanghai"),
    "JP": ("Tokyo",), "EG": ("Cairo",), "LB": ("Beirut",), "IQ": ("Baghdad",), "AF": ("Kabul",),
    "PK": ("Islamabad",), "IN": ("New Delhi",), "TR": ("Istanbul",), "IL": ("Jerusalem",), "BE": ("Brussels",),
    "NL": ("Amsterdam",), "CH": ("Geneva", "Zurich"), "AT": ("Vienna",), "IE": ("Dublin",), "ES": ("Madrid",),
    "SE": ("Stockholm",), "FI": ("Helsinki",), "TH": ("Bangkok",), "SG": ("Singapore",), "HK": ("Hong Kong",),
    "TW": ("Taipei",), "MX": ("Mexico City",), "CU": ("Havana",), "ZA": ("Johannesburg",), "KW": ("Kuwait City",),
    "AU": ("Sydney",), "BR": ("Rio de Janeiro", "Sao Paulo"), "PA": ("Panama City",), "GT": ("Guatemala City",),
    "LU": ("Luxembourg",), "MC": ("Monaco",),
}.items() for n in names}


def standalone_dateline(name: str, hits: list[Hit], own: Callable[[Hit], bool]) -> list[Hit]:
    """Return a bare dateline's candidates: only the city a wire dateline means by the name ("WASHINGTON —" is the
    capital, not Washington, Pennsylvania, however the story's other places lean), and any town that is the outlet's
    own (``own``: a Dublin, Ohio paper's "DUBLIN —").  Names not on the list keep every candidate."""
    if (cc := STANDALONE_DATELINES.get(fold_key(name))) is None:
        return hits
    towns = [h for h in hits if h.how in ("exact", "alias") and h.place.cc == cc and h.place.feature == "city"]
    if not towns:
        return hits
    city = max(towns, key=lambda h: (h.place.pop or 0, -h.place.id))
    return [h for h in hits if h is city or (h.place.feature in ("city", "village") and own(h))]


#: "the" right before a name.
_THE_BEFORE = re.compile(r"(?:^|[^\w])the\s+$", re.I)
#: Nouns after "the X" that make X a town's name used as a modifier ("the Dnipro battalion", "the Dnipro city
#: council"), not a river.
_TOWN_MODIFIED = re.compile(
    r"\s+(?:battalion|brigade|regiment|division|corps|unit|units|group|team|club|hotel|airport|station|stadium|metro|"
    r"front|offensive|direction|axis|sector|region|oblast|district|city|town|mayor|council|administration|governor|"
    r"court|university|hospital|school|plant|factory|market|mall|office|police)\b", re.I)


def river_named(text: str, start: int, end: int, unit: str | None, hits: Sequence[Hit],
                lookup: Callable[[str], Sequence[Hit]]) -> list[Hit] | None:
    """Return the river a name means after "the": "guns firing across the Dnipro" aim over the river, not the city of
    Dnipro, as English names a town without an article.

    Only when the gazetteer holds a river of the name ("X", "X River", "River X"), no country, continent or region
    is spelt so ("the Congo", "the Gambia", "the Ohio" keep their old reading), no unit word follows ("the Dnipro
    region") and no noun of a town's makes the name a modifier ("the Dnipro battalion").  Returns None when the name
    is not read as a river.
    """
    if (unit is not None or not _THE_BEFORE.search(text[max(0, start - 12):start]) or _TOWN_MODIFIED.match(text, end)
            or re.match(r"[\w-]|\s+[A-Z]", text[end:end + 2])):  # "the Columbia-based", "the Columbia Metropolitan"
        return None
    if any(h.place.feature in ("country", "continent") or (h.how == "exact" and h.place.feature == "region")
           for h in hits):
        return None
    name = text[start:end]
    rivers = [h for h in hits if h.how in ("exact", "alias") and h.place.feature == "water"]
    rivers += [h for form in (f"{name} River", f"River {name}") for h in lookup(form)
               if h.how in ("exact", "alias") and h.place.feature == "water"]
    return [Hit(rivers[0].place, 1.0, "exact")] if rivers else None


def dateline_cities(hits: list[Hit]) -> list[Hit]:
    """Return the dateline's candidates: no village of unknown size when a large city bears the name.

    Villages with a population stay ("HUDSON -- Officials in central Illinois" is a village of 1,800 in a
    local paper), and so do towns ("PARIS, Tenn.": the qualifier decides among them).  A dateline names the town the
    story was filed from: a country of the name yields to any town of it ("MALTA –" in a local paper; a wire story
    from the island is datelined "VALLETTA, Malta").
    """
    if any(h.place.feature in ("city", "village") for h in hits):
        hits = [h for h in hits if h.place.feature not in ("country", "continent")]
    if any(h.place.feature == "city" and (h.place.pop or 0) >= DATELINE_MIN_POP for h in hits):
        return [h for h in hits if h.place.feature != "village" or h.place.pop]
    return hits
