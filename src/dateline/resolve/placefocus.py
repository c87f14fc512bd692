"""The document focus for place ranking: where the other places of a text lie, and what they name.

A ``Focus`` holds the first-pass winners' countries and regions (each span's own vote left out when that
span is ranked), their points for spatial coherence (runners-up as weak anchors; names of one place as one
anchor; a name's runners-up no anchors for a name of the same stem), the countries and region-worded regions
each sentence names, and the counties the text may mean.  ``placerank`` ranks candidates with it.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from dateline.model import Home  # noqa: F401 (the focus carries it; placerank and placehome import it here)
from dateline.resolve.gazetteer import PlaceRecord
from dateline.resolve.gazetteer.keys import fold_key

PHYSICAL_FEATURES = frozenset({"water", "mountain"})
#: Features that are not settlements and have no first-level region: continents, countries, and the
#: curated macro-regions, seas, rivers and mountains (scripts/gazetteer_sources/features.tsv).  They are
#: ranked like countries (never evidence against themselves) and are no anchors for spatial coherence.
BROAD_FEATURES = frozenset({"country", "continent"})
#: Distance (km) at which nearness to another document place stops counting.  Tuned on LGL
#: gold spans, first 300 documents, with near_bonus adding over names (150: 0.852, 250: 0.856, 400: 0.862).
NEAR_KM = 400.0
#: Closeness to an anchor is (1 - d / NEAR_KM) ** NEAR_POWER: a neighbouring village (5 km) must beat one
#: 100 km off.  Tuned on LGL gold spans, first 300 documents (1: 0.862, 2: 0.863, 3: 0.864; GeoVirus 0.790 / 0.793 /
#: 0.793) and the seed article (1 leaves its "neighboring" village a tie).
NEAR_POWER = 2.0
KM_PER_DEG_LAT = 111.19  # a cheap pre-filter before the great-circle distance
#: Nearness to a place in the same / the next sentence counts more than to one far away in the text.
SENTENCE_WEIGHT = {0: 1.0, 1: 0.75}
FAR_SENTENCE_WEIGHT = 0.4
#: A span's focus vote is divided by (mentions of its name) ** this: a name repeated ten times
#: must not outvote the state named once. Tuned on LGL gold spans.
GROUP_VOTE_EXPONENT = 1.0
#: Runners-up per span used as weak anchors for spatial coherence, and their weight.
#: Tuned on LGL gold spans (weight 0.5: 0.855, 0.75: 0.858, 1.0: 0.857; 20 runners-up: no gain).
ALT_POINTS = 10
ALT_POINT_WEIGHT = 0.75
#: A region (state, province) named in the text votes for its own region this many times over.
REGION_MENTION_WEIGHT = 3.0
#: Score added to a place whose country the text names, as a country or a demonym ("Damascus" in a story
#: naming Syria or Syrians, not the Maryland town).
W_NAMED_COUNTRY = 0.5  # tuned on LGL gold spans, first 300 docs (0.5: 0.865, 1.0: 0.866; GeoVirus 0.795 / 0.793)
#: The same, when the country is named in the span's own sentence.
W_NAMED_COUNTRY_SENTENCE = 1.5  # LGL first 300 / GeoVirus: 0.5: 0.869/0.808, 1.0: 0.869/0.809, 1.5: 0.871/0.809, 2.0: 0.870/0.807, 3.0: 0.866/0.794
#: Score added to a town or district whose region (state, oblast, province) another name of its own sentence is
#: ("In the Luhansk region, … near Bilohorivka"), when a region word follows the region's name and the town's own name
#: is no region's or country's ("Kansas, Louisiana, Nevada" stay states).  LGL gold spans, first 300 documents /
#: GeoVirus gold: 1.0: 0.904 / 0.836, 2.0: 0.904 / 0.837 (1.0 kept, by judgement); any region name, not only a
#: region-worded one: LGL 0-299 e2e 0.858 -> 0.856.
W_NAMED_REGION_SENTENCE = 1.0
#: A country span names its country for W_NAMED_COUNTRY only with at least this confidence.
NAMED_COUNTRY_MIN_CONF = 0.5
#: Settlement features that a county named in the text can hold.
TOWN_FEATURES = frozenset({"city", "village"})
COUNTY_KM = 15.0
#: Only a county whose own name the text wrote ("Texas County", not "Texas") counts for W_COUNTY_TOWN: a county
#: found through its alias (its name without "County") made every town of Texas County, Missouri, a neighbour of
#: "Texas".  LGL gold spans, first 300 documents / GeoVirus: 239 / 365 wrong -> 238 / 364.
COUNTY_UNIT_NAMED = True
@dataclass(frozen=True)
class Scored:
    place: PlaceRecord
    score: float
    match: float
    how: str
    parts: dict[str, float] | None = field(default=None, compare=False, repr=False)  # rank(with_parts=True)


@dataclass
class Focus:
    """What the document is about, geographically: country and region weights, anchor points.

    Each span's own first-pass vote is left out when that span is ranked, so a span
    cannot confirm its own guess.
    """

    countries: Counter
    regions: Counter
    points: list[tuple[float, float, int, int, float]]  # lat, lon, sentence, span index, weight
    votes: dict[int, tuple[str | None, str | None, float, float]]  # span -> (cc, a1, weight, region weight)
    groups: Sequence[str] = ()  # span index -> name key: spans of one name share their votes
    named: dict[str, frozenset[tuple[str, int]]] = field(default_factory=dict)  # cc -> (name key, sentence)
    units: list[tuple[float, float, int, bool]] = field(default_factory=list)  # lat, lon, span index, is a district
    _arrays: tuple | None = field(default=None, repr=False, compare=False)  # the points as numpy columns, built once
    _own_votes: dict | None = field(default=None, repr=False, compare=False)  # name key -> its spans' votes
    _units_by_lat: dict | None = field(default=None, repr=False, compare=False)  # is a district -> sorted units
    currency: frozenset[str] = frozenset()  # countries whose currency the text counts money in
    stems: Sequence[str] = ()  # span index -> its name less a unit word ("Madison County" -> "madison")
    alt_start: int | None = None  # points from this index on are runners-up (weak anchors)
    same: Sequence[str] = ()  # span index -> its first-pass place (or name): names of one place are one anchor
    named_regions: dict[str, frozenset[tuple[str, int]]] = field(default_factory=dict)  # a1 -> (name key, sentence)
    region_names: frozenset[str] = frozenset()  # a1 of every region the text names as a region ("Ohio")
    home: Home | None = None  # where the text's source is at home, if known: a weak prior (placerank W_HOME)
    namesakes: Sequence[bool] = ()  # per point: a town named after a more famous place its span's name also means

    def point_arrays(self) -> tuple:
        """Return the anchor points as numpy columns sorted by name group, and where each group starts.

        Columns: lat (rad), cos(lat), lon (rad), sentence, span index, group code, weight (capped at 1);
        then the group code of each name key and the start offset of each group's run.
        """
        if self._arrays is None:
            pts = self.points
            codes: dict[object, int] = {}
            grp = np.array([codes.setdefault(self.groups[i] if self.groups else i, len(codes)) for _, _, _, i, _ in pts],
                           dtype=np.int64)
            place_codes: dict[object, int] = {}  # names of one place ("Washington", "D.C.") count as one
            same = np.array([place_codes.setdefault(self.same[i], len(place_codes)) for _, _, _, i, _ in pts],
                            dtype=np.int64) if self.same else grp
            order = np.argsort(same, kind="stable")
            grp, same = grp[order], same[order]
            lat = np.radians(np.array([pt[0] for pt in pts], dtype=float))[order]
            lon = np.radians(np.array([pt[1] for pt in pts], dtype=float))[order]
            sents = np.array([pt[2] for pt in pts], dtype=np.int64)[order]
            spans = np.array([pt[3] for pt in pts], dtype=np.int64)[order]
            pw = np.minimum(1.0, np.array([pt[4] for pt in pts], dtype=float))[order]
            starts = np.flatnonzero(np.r_[True, same[1:] != same[:-1]]) if len(same) else np.zeros(0, dtype=np.int64)
            alt = (np.arange(len(pts)) >= (len(pts) if self.alt_start is None else self.alt_start))[order]
            stem_codes: dict[str, int] = {}
            stem = np.array([stem_codes.setdefault(self.stems[pt[3]], len(stem_codes)) if self.stems else -1 for pt in pts],
                            dtype=np.int64)[order]
            ns = (np.array(list(self.namesakes), dtype=bool) if len(self.namesakes) == len(pts)
                  else np.zeros(len(pts), dtype=bool))[order]
            self._arrays = (lat, np.cos(lat), lon, sents, spans, grp, pw, codes, starts, alt, stem, stem_codes, ns)
        return self._arrays

    def in_named_county(self, p: PlaceRecord, idx: int) -> bool:
        """Return True if a town lies in a county another name of the text may be (or a county holds such a town).

        "Huntsville ... Walker County": the Huntsville within COUNTY_KM of a Walker County's point.
        """
        district = p.feature == "district"
        if not (district or p.feature in TOWN_FEATURES):
            return False
        own = self.groups[idx] if self.groups and idx >= 0 else idx
        if self._units_by_lat is None:  # towns and counties apart, each sorted by latitude for a window search
            self._units_by_lat = {d: sorted((lat, lon, self.groups[i] if self.groups else i)
                                            for lat, lon, i, is_d in self.units if is_d == d) for d in (True, False)}
        other = self._units_by_lat[not district]
        lo = bisect.bisect_left(other, (p.lat - COUNTY_KM / KM_PER_DEG_LAT,))
        for lat, lon, key in other[lo:]:
            if (lat - p.lat) * KM_PER_DEG_LAT >= COUNTY_KM:
                break
            if key != own and km((p.lat, p.lon), (lat, lon)) < COUNTY_KM:
                return True
        return False

    def names_country(self, cc: str | None, idx: int, sent: int = -1) -> float:
        """Return the W_NAMED_COUNTRY bonus: the text names country ``cc`` (as a country or a demonym) other
        than by this span; more in the span's own sentence ("Victoria, the capital of the Seychelles")."""
        own = self.groups[idx] if self.groups and idx >= 0 else None
        sents = [s for k, s in self.named.get(cc or "", frozenset()) if k != own]
        if not sents:
            return 0.0
        return W_NAMED_COUNTRY_SENTENCE if sent in sents else W_NAMED_COUNTRY

    def names_region(self, a1: str | None, idx: int, sent: int) -> float:
        """Return W_NAMED_REGION_SENTENCE when another name of the span's sentence is region ``a1``
        ("In the Luhansk region, … near Bilohorivka": the Bilohorivka of Luhansk Oblast)."""
        own = self.groups[idx] if self.groups and idx >= 0 else None
        hit = any(s == sent and k != own for k, s in self.named_regions.get(a1 or "", frozenset()))
        return W_NAMED_REGION_SENTENCE if hit else 0.0

    def _own(self, idx: int) -> list[tuple[str | None, str | None, float, float]]:
        if not self.groups or idx < 0:
            return [self.votes[idx]] if idx in self.votes else []
        if self._own_votes is None:
            self._own_votes = {}
            for i, v in self.votes.items():
                self._own_votes.setdefault(self.groups[i], []).append(v)
        return self._own_votes.get(self.groups[idx], [])

    def country_share(self, cc: str | None, idx: int = -1) -> float:
        own = self._own(idx)
        total = sum(self.countries.values()) - sum(w for _, _, w, _ in own)
        n = self.countries[cc] - sum(w for c, _, w, _ in own if c == cc)
        return max(0.0, n / total) if cc and total > 1e-9 else 0.0

    def has_other(self, idx: int) -> bool:
        """Return True if places other than this span's name vote for a country."""
        return sum(self.countries.values()) - sum(w for _, _, w, _ in self._own(idx)) > 1e-9

    def region_share(self, a1: str | None, idx: int = -1) -> float:
        own = [v for v in self._own(idx) if v[1] is not None]
        total = sum(self.regions.values()) - sum(w for _, _, _, w in own)
        n = self.regions[a1] - sum(w for _, a, _, w in own if a == a1)
        return max(0.0, n / total) if a1 and total > 1e-9 else 0.0


#: A name's runners-up are no anchors for a name of the same stem ("Madison" and "Madison County"): every
#: Madison County of the runners-up sits by some town Madison, so they echo the name, not the story's area.
#: LGL gold spans, first 300 documents / GeoVirus, wrong: off 229 / 359, on 227 / 359.
STEM_ECHO_OFF = True
#: Towns named after a famous place are no evidence for each other: a story on flights to Moscow, Riga and
#: Russia must not find its Moscow in Ohio because Ohio also has a Russia.  A candidate town whose name also
#: means a country or a dominant town (``placerank.famous_place``) takes no nearness from anchors of that kind.
NAMESAKE_ECHO_OFF = True


def _is_namesake(p: PlaceRecord, famous: int | None) -> bool:
    return famous is not None and p.id != famous and p.feature in TOWN_FEATURES


#: Names whose first-pass winner is one place ("Washington" and "D.C.") are one anchor, not two: the saturating
#: sum of near_bonus counts places near a candidate, not names.  LGL gold spans, first 300 documents / GeoVirus,
#: wrong: off 220 / 359, on 217 / 359 (a Texas Gainesville beside Sherman, no longer the Virginia one by
#: Washington, D.C.).
ONE_PLACE_ONE_ANCHOR = True
_UNIT_WORDS = tuple(" " + fold_key(w) for w in ("county", "parish", "township", "borough", "city"))


def name_stem(key: str) -> str:
    """Return a folded name key less a trailing unit word ("madison county" -> "madison")."""
    for w in _UNIT_WORDS:
        if key.endswith(w):
            return key[: -len(w)]
    return key


def is_broad(p: PlaceRecord) -> bool:
    """Return True for a country, continent, sea, river, mountain range or macro-region (no admin1)."""
    return p.feature in BROAD_FEATURES or p.feature in PHYSICAL_FEATURES or (p.feature == "region" and p.a1 is None)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the great-circle distance in km."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def near_bonus(p: PlaceRecord, sent: int, idx: int, focus: Focus) -> float:
    """Return 0..1: closeness to the other places of the document, same sentence weighing double.

    Each other name contributes its best anchor; contributions add up with saturation
    (1 - prod(1 - x)), so a town near several of the document's places beats one near a single one.
    """
    return near_bonuses([p], sent, idx, focus)[0]


def near_bonuses(places: Sequence[PlaceRecord], sent: int, idx: int, focus: Focus,
                 namesakes: Sequence[bool] = ()) -> list[float]:
    """Return near_bonus for several candidates of one span at once (candidates x anchors in numpy).

    This is the ranking's inner loop: one matrix per span instead of one loop per candidate.

    Args:
        namesakes: per candidate, whether it is a town named after a more famous place of the same name
            (``placerank.famous_place``): such a candidate takes no nearness from anchors that are namesakes too.
    """
    if not places or not focus.points:
        return [0.0] * len(places)
    lat, coslat, lon, sents, spans, grp, pw, codes, starts, alt, stem, stem_codes, ns = focus.point_arrays()
    own = focus.groups[idx] if focus.groups else None
    keep = spans != idx
    if own is not None and own in codes:
        keep &= grp != codes[own]
    if STEM_ECHO_OFF and focus.stems and idx >= 0 and focus.stems[idx] in stem_codes:
        keep &= ~(alt & (stem == stem_codes[focus.stems[idx]]))
    gap = np.abs(sents - sent)
    sw = np.full(gap.shape, FAR_SENTENCE_WEIGHT)
    for k, v in SENTENCE_WEIGHT.items():
        sw[gap == k] = v
    colw = np.where(keep, sw * pw, 0.0)
    plat = np.radians(np.array([p.lat for p in places], dtype=float))[:, None]
    plon = np.radians(np.array([p.lon for p in places], dtype=float))[:, None]
    h = np.sin((lat - plat) / 2) ** 2 + np.cos(plat) * coslat * np.sin((lon - plon) / 2) ** 2
    d = 6371 * 2 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    w = np.clip(1 - d / NEAR_KM, 0.0, None) ** NEAR_POWER * colw
    if NAMESAKE_ECHO_OFF and len(namesakes) == len(places) and any(namesakes) and ns.any():
        w[np.ix_(np.array(list(namesakes), dtype=bool), ns)] = 0.0
    best = np.maximum.reduceat(w, starts, axis=1)  # each other name's best anchor
    return (1 - np.prod(1 - best, axis=1)).tolist()


def focus_from(tops: Sequence[tuple[Scored | None, int, float]], dateline_cc: str | None, groups: Sequence[str] = (),
               alts: Sequence[Sequence[Scored]] = (), demonyms: Sequence[tuple[str, str, int]] = (),
               currency: frozenset[str] = frozenset(), region_worded: Sequence[bool] = (),
               home: Home | None = None, famous: Sequence[int | None] = ()) -> Focus:
    """Build the document focus from first-pass winners (scored place, sentence, weight).

    Args:
        alts: each span's ranking; its runners-up become weak anchors for spatial coherence,
            so that two names that fit together (Paris and Henry County, Tennessee) can pull
            each other away from a first guess that does not.
        currency: countries whose currency the text counts money in.
        region_worded: per span, whether a region word follows it ("the Luhansk region"): only such a
            region names its region for the towns of its sentence (W_NAMED_REGION_SENTENCE).
        home: where the text's source is at home (kept on the focus for placerank's home signal).
        famous: per span, the famous place its name means when it means one (``placerank.famous_place``): the
            span's other towns are namesakes, anchors that other namesakes do not take nearness from.
    """
    countries: Counter = Counter()
    regions: Counter = Counter()
    points = []
    namesakes: list[bool] = []
    votes = {}
    sizes = Counter(groups)
    for i, (sc, sent, w) in enumerate(tops):
        if sc is None:
            continue
        if groups:
            w = w / sizes[groups[i]] ** GROUP_VOTE_EXPONENT
        countries[sc.place.cc] += w
        if not is_broad(sc.place):
            points.append((sc.place.lat, sc.place.lon, sent, i, w))
            namesakes.append(_is_namesake(sc.place, famous[i] if i < len(famous) else None))
        a1, wr = None, 0.0
        if not is_broad(sc.place):
            a1 = sc.place.a1
            wr = w * (REGION_MENTION_WEIGHT if sc.place.feature == "region" else 1.0)
            regions[a1] += wr
        votes[i] = (sc.place.cc, a1, w, wr)
    units = [(sc.place.lat, sc.place.lon, i, sc.place.feature == "district") for i, ranked in enumerate(alts)
             for sc in ranked[:ALT_POINTS]
             if (sc.place.feature == "district" and (sc.how != "alias" or not COUNTY_UNIT_NAMED))
             or sc.place.feature in TOWN_FEATURES]
    alt_start = len(points)
    for i, ranked in enumerate(alts):
        w = tops[i][2] if i < len(tops) else 0.0
        for sc in ranked[1:ALT_POINTS]:
            if not is_broad(sc.place):
                points.append((sc.place.lat, sc.place.lon, tops[i][1], i, w * ALT_POINT_WEIGHT))
                namesakes.append(_is_namesake(sc.place, famous[i] if i < len(famous) else None))
    if dateline_cc:
        countries[dateline_cc] += max(1.0, sum(countries.values()) / 3)
    named: dict[str, set[tuple[str, int]]] = {}
    for i, (sc, sent, w) in enumerate(tops):
        if sc is not None and sc.place.feature == "country" and sc.place.cc and w >= NAMED_COUNTRY_MIN_CONF:
            named.setdefault(sc.place.cc, set()).add((groups[i] if groups else str(i), sent))
    for cc, key, sent in demonyms:
        named.setdefault(cc, set()).add((key, sent))
    regions_named: dict[str, set[tuple[str, int]]] = {}
    region_names = frozenset(sc.place.a1 for sc, _, w in tops
                             if sc is not None and sc.place.feature == "region" and sc.place.a1 and w >= NAMED_COUNTRY_MIN_CONF)
    for i, (sc, sent, w) in enumerate(tops):
        worded = region_worded[i] if i < len(region_worded) else False
        if sc is not None and worded and sc.place.feature == "region" and sc.place.a1 and w >= NAMED_COUNTRY_MIN_CONF:
            regions_named.setdefault(sc.place.a1, set()).add((groups[i] if groups else str(i), sent))
    return Focus(countries, regions, points, votes, groups, {cc: frozenset(k) for cc, k in named.items()}, units,
                 currency=currency, stems=[name_stem(g) for g in groups], alt_start=alt_start,
                 same=[f"place:{sc.place.id}" if sc is not None and ONE_PLACE_ONE_ANCHOR else (groups[i] if groups else str(i))
                       for i, (sc, _, _) in enumerate(tops)] if groups else (),
                 named_regions={a1: frozenset(k) for a1, k in regions_named.items()}, region_names=region_names,
                 home=home, namesakes=namesakes)
