"""Place entities from ranked resolutions: status, point, precision, candidates and mentions.

Split out of :mod:`dateline.resolve.places`, which decides which spans are places and how they rank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from dateline.model import Candidate, Entity, Mention
from dateline.resolve.gazetteer import Gazetteer, PlaceRecord
from dateline.resolve.placenames import PART_HOW, PART_PRECISION
from dateline.resolve.placerank import MIN_MARGIN
from dateline.resolve.placesense import Resolved
from dateline.resolve.placespans import REGION_WORDS, Span

STAGE = "resolve.places.v1"


def region_norp(eid: str, place: PlaceRecord, mentions: list[Mention]) -> Entity:
    """A ``norp`` entity for the demonym of a region ("Texans") or a continent ("European"), at its point."""
    what = "continental demonym" if place.feature == "continent" else "regional demonym"
    return Entity(id=eid, kind="norp", name=mentions[0].text, mentions=tuple(mentions), status="resolved", confidence=0.8,
                  stage=STAGE, evidence=(what, place.name), country_code=place.cc, admin1=place.admin1,
                  lat=place.lat, lon=place.lon, geonames_id=place.gid,
                  feature="continent" if place.feature == "continent" else "region", precision=place.precision)


def _candidates(r: Resolved) -> tuple[Candidate, ...]:
    seen, out = set(), []
    for s in r.ranked:
        if s.place.id in seen:
            continue
        seen.add(s.place.id)
        pid = f"geonames:{s.place.gid}" if s.place.gid else f"katottg:{s.place.katottg}" if s.place.katottg else f"gaz:{s.place.id}"
        detail = ", ".join(x for x in (s.place.feature, s.place.admin1, s.place.cc) if x)
        out.append(Candidate(pid, s.place.name, s.score, s.place.lat, s.place.lon, detail))
        if len(out) == 5:
            break
    return tuple(out)


def to_entity(eid: str, rs: Sequence[Resolved], mentions: Sequence[Mention], held: bool = False) -> Entity:
    """Build one place entity from the resolutions of its spans (``held``: an abroad namesake, no dot)."""
    best = max(rs, key=lambda r: r.confidence)
    top = best.ranked[0].place
    ambiguous = best.margin < MIN_MARGIN or held
    hows = sorted({r.ranked[0].how for r in rs})
    return Entity(
        id=eid, kind="place", name=top.name, mentions=tuple(mentions), status="ambiguous" if ambiguous else "resolved",
        confidence=best.confidence, stage=STAGE, candidates=_candidates(best),
        evidence=(f"match:{','.join(hows)}", "ner-label:" + ",".join(sorted({r.span.label for r in rs})),
                  *(("abroad-namesake",) if held else ())),
        lat=None if ambiguous else top.lat, lon=None if ambiguous else top.lon, geonames_id=top.gid,
        katottg=top.katottg, feature=top.feature, country_code=top.cc, admin1=top.admin1, admin2=top.admin2,
        precision=max(top.precision, PART_PRECISION) if best.ranked[0].how == PART_HOW else top.precision,
    )


def mention(sp: Span, text: str) -> Mention:
    return Mention(text=text[sp.start:sp.end], start=sp.start, end=sp.end, label=sp.label, sent=sp.sent, stage=STAGE)


def with_region_word(r: Resolved, text: str) -> Span:
    """Return a region's span with the region word after it ("the Bryansk region"), when the bare name is its city.

    Only where the article also uses the bare name for another place: the mention then says which sense it is.
    """
    sp = r.span
    if sp.unit != "region" or not r.ranked or r.ranked[0].place.feature != "region" or sp.text.split()[-1].lower() in REGION_WORDS:
        return sp
    m = re.match(r"\s+[A-Za-z]+", text[sp.end:])
    return replace(sp, end=sp.end + m.end(), text=text[sp.start:sp.end + m.end()]) if m else sp


def norp(eid: str, cc: str, mentions: list[Mention], gazetteer: Gazetteer) -> Entity:
    c = gazetteer.country(cc)
    return Entity(id=eid, kind="norp", name=mentions[0].text, mentions=tuple(mentions), status="resolved", confidence=0.9,
                  stage=STAGE, evidence=("demonym",), country_code=cc, lat=c.lat if c else None, lon=c.lon if c else None,
                  geonames_id=c.gid if c else None, feature="country" if c else None)
