"""Rank gazetteer candidates for place spans with document context.

Signals (each a named weight): how well the name matched, the feature class
(countries and regions before towns), population, the unit word after the name
("region", "district"), the region or country named after a comma ("Huntsville,
Texas"), the document's country and region focus (a named state counts
REGION_MENTION_WEIGHT times; a repeated name does not outvote it), spatial coherence
with the other places of the document and, weakly, with their runners-up (same
sentence counts double; each other name adds its closeness with saturation, so a town
near several of the document's places beats one near a single one); a region named like its own seat town or its country's
capital yields to the town; a town within a few km of a county named in the text ("Walker County")
and that county support each other.  Names of one place ("Washington", "D.C.") are one anchor, and a name's
runners-up are no anchors for a name of the same stem ("Madison County" for "Madison").  The focus itself
(countries, regions and points of the other names) is built in ``placefocus``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from dateline.resolve.gazetteer import Hit, PlaceRecord
from dateline.resolve.gazetteer.keys import plain_key
from dateline.resolve.placefocus import (  # noqa: F401 (re-exported: the focus used to live here)
    ALT_POINT_WEIGHT,
    ALT_POINTS,
    BROAD_FEATURES,
    COUNTY_KM,
    COUNTY_UNIT_NAMED,
    FAR_SENTENCE_WEIGHT,
    GROUP_VOTE_EXPONENT,
    KM_PER_DEG_LAT,
    NAMED_COUNTRY_MIN_CONF,
    NEAR_KM,
    NEAR_POWER,
    ONE_PLACE_ONE_ANCHOR,
    PHYSICAL_FEATURES,
    REGION_MENTION_WEIGHT,
    SENTENCE_WEIGHT,
    STEM_ECHO_OFF,
    TOWN_FEATURES,
    W_NAMED_COUNTRY,
    W_NAMED_COUNTRY_SENTENCE,
    W_NAMED_REGION_SENTENCE,
    Focus,
    Home,
    Scored,
    focus_from,
    is_broad,
    km,
    name_stem,
    near_bonus,
    near_bonuses,
)

# Weights tuned on LGL gold spans (the only tuning data besides GeoVirus/WikToR/WOTR).
W_MATCH = 2.0
W_FEATURE = 1.0
W_POP = 2.0
W_UNIT = 1.5
W_COUNTRY = 0.8
W_ADMIN1 = 1.0
W_NEAR = 2.0
FEATURE_PRIOR = {"continent": 0.95, "country": 1.0, "region": 0.8, "district": 0.25, "city": 0.3, "village": 0.15, "facility": 0.2,
                 "quarter": 0.3, "water": 0.8, "mountain": 0.8}
#: Country-focus share a country name always gets (see context_score).
COUNTRY_MIN_SHARE = 0.5
#: Region-focus share a region name always gets (a state is not evidence against itself).
REGION_MIN_SHARE = 1.0
#: A fuzzy hit outside the countries the document is about (share below this) is penalised.
FUZZY_FOCUS_MIN_SHARE = 0.2
FUZZY_OFF_FOCUS_PENALTY = 1.0
#: A runner-up closer than this to the winner does not make a span ambiguous (km).
AMBIGUITY_KM = 100.0
#: Top-two score gap below which a place stays "ambiguous" (tuned on LGL gold spans).
MIN_MARGIN = 0.05
#: Candidates kept per span before context ranking.
MAX_CANDIDATES = 40
#: Score added to a candidate inside the region or country named right after its span
#: ("Huntsville, Texas", "Paris, Ky."). Tuned on LGL gold spans.
W_QUALIFIER = 3.0
#: A region or district sharing its name with one of its own towns ("Alexandria" governorate,
#: "Gaza" governorate) loses this much unless the text says "region"/"district": a bare name
#: means the town.  Tuned on LGL gold spans (1.5: 0.818, 2.5: 0.817; 2.5 also wins with no other context).
W_SEAT_NAMESAKE = 2.5
#: A town within this distance of the region's point counts as its namesake seat (km).
SEAT_KM = 150.0
#: A city this large whose name opens its region's name ("Krasnoyarsk", "Krasnoyarsk Krai") is its namesake seat at
#: any distance.  Set by judgement (a regional centre); LGL gold spans with the eval's homes 4,219 -> 4,221.
SEAT_CITY_POP = 100_000
#: A region gets its free region credit only if its country has at least this share of the
#: document's focus (or the document has no other place): "Gaza" in a story about Israel is
#: not Mozambique's Gaza province.  Tuned on LGL gold spans.
REGION_COUNTRY_MIN_SHARE = 0.2
#: Population assumed for a place whose source gives none (US ZIP towns): such a place is a real
#: settlement, smaller than the 500 people of cities500, not an empty one.  Tuned on LGL gold
#: spans, first 300 documents (1: 0.844, 300: 0.846, 1000: 0.847).
UNKNOWN_POP = 1000
#: Population-equivalent prominence of a curated macro-region or physical feature (features.tsv lists only
#: well-known ones): "Middle East" the region outranks a hamlet of that name.  A round value, checked on LGL
#: gold spans, first 300 documents, and GeoVirus (see docs/eval.md).
NOTABLE_FEATURE_POP = 1_000_000
#: Population-equivalent prominence of a curated facility or city quarter (facilities.tsv lists only ones with
#: their own Wikipedia article that war reporting names): "Mezzeh" the Damascus quarter outranks a hamlet whose
#: name folds onto it, not a real town.  A round value set by judgement (a town's size); LGL / GeoVirus gold
#: spans hold no such names (see docs/eval.md, session 8).
CURATED_POINT_POP = 20_000
#: Features that facilities.tsv adds (scripts/gazetteer_exonyms.py).
CURATED_POINT_FEATURES = frozenset({"facility", "quarter"})
#: Score added to a town within COUNTY_KM of a county another name of the text may be, and to such a county
#: ("Huntsville ... Walker County": the Texas pair, 0 km apart, not the Alabama pair, 118 km).  Any of each
#: name's top ALT_POINTS candidates counts, so a first guess cannot lock its region in.  Tuned on LGL gold
#: spans, first 300 documents / GeoVirus (baseline 0.874/0.818; W 1.0: KM 10: 0.884/0.818, 15: 0.884/0.818,
#: 30: 0.882/0.818, 50: 0.878/0.814; W 2.0, KM 30: 0.873/0.813).  Soft region votes (each candidate voting
#: for its region by exp(score / T)) gained up to +0.003 there but lost 0.005 on LGL 300-587: not kept.
W_COUNTY_TOWN = 1.0
#: Score added to a town or region of a country whose currency the text counts money in
#: (dateline.resolve.currency: "Athens City Council ... $400,000" is not the Greek capital), and to such a
#: country itself.  Tuned on LGL gold spans, first 300 documents / GeoVirus (with the other cues of this
#: round): 0: 0.8888/0.8207, 0.5: 0.8893/0.8207, 1.0: 0.8897/0.8221, 1.5: 0.8893/0.8194, 2.0: 0.8915/0.8180.
W_CURRENCY = 1.0
#: Money confirms a country, it does not bring one in: a town gains W_CURRENCY only where the text's other places
#: give its country this share, or where nothing else votes, or where the outlet's home is in that country.  A
#: Mozambique story that prices a gas plant in dollars had sent "Geneva" (a UN briefing) to Geneva, Ohio.  LGL gold
#: spans with homes, 0-299 / 300-587: 2,098 / 2,079 -> 2,098 / 2,080 (a London, Ontario paper); without homes 0-299
#: 2,024 (=); GeoVirus gold 0.836 (=).  0.2, 0.3 and 0.5 were alike on LGL 0-299 (set by judgement at 0.3).  Its
#: cost: LGL end to end without homes 3,790 -> 3,783 of 4,462 (a London, Ontario paper whose other places give Canada
#: too small a share; "Kiev" is no longer Kew, Australia), WikToR gold (300) 0.608 -> 0.606; with learned homes
#: unchanged (0.889 / 0.940).
CURRENCY_MIN_SHARE = 0.3
#: Score added to a town (city, village) whose name is followed by a town's office or school
#: ("Jordan City Council", "Kyiv Mayor": not the country, not the region).  LGL gold spans, first 300
#: documents, and GeoVirus are unchanged for any value from 0 to 4 (0.890 / 0.822); 4.0 lets the cue
#: outvote a country's prior and free context over a small town of its name (about 3.4).
W_TOWN_OFFICE = 4.0
#: Score taken from a country whose name is followed by a person noun ("a Lebanon woman"; a country's
#: people go by its demonym).  LGL gold spans, first 300 documents: 0: 0.8866, 1.0 to 4.0: 0.8875 (GeoVirus
#: unchanged); 4.0 lets the cue outvote a country's prior over a small town of its name with no other context.
W_PERSON_NOUN_COUNTRY = 4.0


def prior(hit: Hit, unit: str | None) -> float:
    """Return the context-free score of a hit."""
    return _sum(prior_parts(hit, unit))


def prior_parts(hit: Hit, unit: str | None) -> dict[str, float]:
    """Return the context-free signals of a hit, each weighted: match, feature class, population, unit word."""
    p = hit.place
    known = (NOTABLE_FEATURE_POP if is_broad(p) and p.feature != "country"
             else CURATED_POINT_POP if p.feature in CURATED_POINT_FEATURES else UNKNOWN_POP)
    pop = min(1.0, math.log10((p.pop or known) + 1) / 7)
    parts = {"match": W_MATCH * hit.match, "feature": W_FEATURE * FEATURE_PRIOR.get(p.feature, 0.2), "pop": W_POP * pop}
    if unit and unit_fits(p.feature, unit):
        parts["unit"] = W_UNIT
    return parts


def _sum(parts: dict[str, float]) -> float:
    """Return the parts added left to right (the order of the hand formula, so scores are unchanged)."""
    s = 0.0
    for v in parts.values():
        s += v
    return s


def unit_fits(feature: str, unit: str) -> bool:
    return (unit == "region" and feature == "region") or (unit == "district" and feature == "district") or (
        unit == "river" and feature == "water")


#: The source's home (``Focus.home``): a town or region within HOME_KM of it gains up to W_HOME (closeness as for
#: NEAR_KM, to the power NEAR_POWER), one in its first-level region W_HOME_REGION, each times the home's weight.
#: Below what the text says (a named region, a qualifier).  Countries gain nothing (a bonus for the home's country
#: changed nothing on LGL 0-299: docs/eval.md, session 11).
W_HOME = 1.0
W_HOME_REGION = 1.0
HOME_KM = 250.0
#: Added (times the home's weight) to any town, district or state of the home's own country (not to the country,
#: nor where the name is also a country's or a home-country state's: see ``rank``): with nothing else to go by, a
#: Louisiana paper's "Alexandria" is the Louisiana town, not Egypt's city.  LGL gold spans with the eval's learned homes:
#: 4,243 -> 4,248 at 0.3 and at 0.6 (six answers gained, one lost: a zoo the gold puts in Egypt); 1.0 gives 4,249
#: (two more gained, one more lost).  Set between the first two.
W_HOME_SAME_COUNTRY = 0.5
#: A country-only home (``Home.country_only``: an outlet's national domain) gives its country's towns this much
#: (times its weight) and nothing by distance.
W_HOME_COUNTRY = 1.0


def home_parts(p: PlaceRecord, focus: Focus) -> dict[str, float]:
    """Return the home signals of a candidate (empty without a home)."""
    home = focus.home
    if home is None or home.weight <= 0 or is_broad(p):
        return {}
    if home.country_only:
        return {"home": W_HOME_COUNTRY * home.weight} if p.cc == home.cc else {}
    d = km((p.lat, p.lon), (home.lat, home.lon))
    close = max(0.0, 1 - d / HOME_KM) ** NEAR_POWER
    region = W_HOME_REGION if home.a1 is not None and p.a1 == home.a1 else 0.0
    own = W_HOME_ITSELF if d <= HOME_ITSELF_KM and p.feature in ("city", "village") else 0.0
    same = W_HOME_SAME_COUNTRY if p.cc == home.cc else 0.0
    return {"home": (W_HOME * close + region + own + same) * home.weight}


#: A town this close to the home point is the outlet's own town, or its county's seat (km).
HOME_ITSELF_KM = 15.0
#: Added (times the home's weight) to a town within HOME_ITSELF_KM of the home: a local paper's "Portland" is its
#: own Portland, Connecticut, not Oregon's, and its "Jordan" the Minnesota town, not the country.  LGL gold spans
#: with the eval's learned homes: 4,232 -> 4,237 at 1.5 (1.0 gives 4,235; 1.5 to 3.0 the same 4,237, none lost).
W_HOME_ITSELF = 1.5


def own_town(p: PlaceRecord, home: Home | None) -> bool:
    """True when a place is the outlet's own town (a "Palestine Herald"'s Palestine; the Lebanon at the heart of a
    Boone County home), not another one in its area; a country-only home has no town."""
    return (home is not None and not home.country_only
            and km((p.lat, p.lon), (home.lat, home.lon)) <= HOME_ITSELF_KM)



def context_score(h: Hit, sent: int, idx: int, focus: Focus, near: float | None = None) -> float:
    """Return the document-context part of a hit's score (``near``: its near_bonus, if already computed)."""
    return _sum(context_parts(h, sent, idx, focus, near))


def context_parts(h: Hit, sent: int, idx: int, focus: Focus, near: float | None = None) -> dict[str, float]:
    """Return the document-context signals of a hit, each weighted (their sum is ``context_score``)."""
    p = h.place
    if is_broad(p):
        # A country is never evidence against itself, but in a document about another country a
        # same-named region or town of that country may be meant ("Georgia" in US news).
        money = W_CURRENCY if p.feature == "country" and p.cc in focus.currency else 0.0  # Canada, not Canada, Kentucky
        return {"country": W_COUNTRY * max(focus.country_share(p.cc, idx), COUNTRY_MIN_SHARE), "broad": W_ADMIN1,
                "currency": money}
    cshare = focus.country_share(p.cc, idx)
    parts = {"country": W_COUNTRY * cshare,
             "near": W_NEAR * (near_bonus(p, sent, idx, focus) if near is None else near),
             "named_country": focus.names_country(p.cc, idx, sent),
             "named_region": focus.names_region(p.a1, idx, sent) if p.feature != "region" else 0.0,
             "currency": W_CURRENCY if p.cc in focus.currency and (
                 cshare >= CURRENCY_MIN_SHARE or not focus.has_other(idx)
                 or (focus.home is not None and focus.home.cc == p.cc)) else 0.0,
             "county_town": W_COUNTY_TOWN if W_COUNTY_TOWN and focus.in_named_county(p, idx) else 0.0}
    rshare = focus.region_share(p.a1, idx)
    free = p.feature == "region" and (cshare >= REGION_COUNTRY_MIN_SHARE or not focus.has_other(idx))
    parts["admin1" if not free else "admin1_free"] = W_ADMIN1 * (max(rshare, REGION_MIN_SHARE) if free else rshare)
    parts["fuzzy_off"] = -FUZZY_OFF_FOCUS_PENALTY if h.how == "fuzzy" and cshare < FUZZY_FOCUS_MIN_SHARE else 0.0
    parts.update(home_parts(p, focus))
    return parts


def qualifier_fits(p: PlaceRecord, qual: frozenset[str]) -> bool:
    """Return True if a place lies in a region ("US.TX") or country ("FR") of the qualifier set."""
    return (p.a1 in qual or p.cc in qual) if not is_broad(p) else False


def _is_seat(town: PlaceRecord, region: PlaceRecord, capitals: frozenset[int]) -> bool:
    """Return True if a town carries a region's name as its seat or as its country's capital ("Washington")."""
    if town.cc == region.cc and town.id in capitals:
        return True
    if (town.a1 == region.a1 and town.pop >= SEAT_CITY_POP
            and plain_key(region.name).startswith(plain_key(town.name) + " ")):
        return True  # "Krasnoyarsk" and "Krasnoyarsk Krai": a big region's point lies far from its namesake city
    return town.a1 == region.a1 and km((town.lat, town.lon), (region.lat, region.lon)) < SEAT_KM


#: Score added to the town that outnumbers every other town of its name DOMINANT_RATIO times ("Houston",
#: "Cairo", "Youngstown"), when no country or region bears the name: without a word about which one, the
#: famous one is meant.  A ratio keeps near-equal namesakes (Mansfield, Texas, 64k / Ohio, 47k) a coin toss.
#: Tuned on LGL gold spans, first 300 documents / GeoVirus, wrong answers (baseline 238 / 364):
#: W 0.3: ratio 3: 238/364, 5: 237/365, 10: 239/365; W 0.6: 3: 237/363, 5: 236/364, 10: 237/364;
#: W 1.0: 3: 243/361, 5: 237/363, 10: 238/363.  A population-share bonus over all namesakes instead
#: (share x W) tipped the Mansfield coin toss and cost GeoVirus 10 answers at W 0.5: not kept.
W_DOMINANT = 0.6
#: The dominant town must bear the name as its own: Madison, Wisconsin, found for "Madison Township" through
#: the township rule (an alias), is not "the" Madison Township.  LGL 0-299 / GeoVirus: off 232 / 359, on 229 / 359.
DOMINANT_OWN_NAME = True
DOMINANT_RATIO = 5.0
#: A region named for the dominant town, its own seat ("Geneva" the canton around Geneva the city), does not bar
#: the town's dominance: it is no other place the name could mean.  LGL gold spans 0-299, GeoVirus and WikToR (300)
#: gold unchanged; it puts a UN briefing "in Geneva" in Switzerland (with CURRENCY_MIN_SHARE).
NAMED_FOR_SEAT = True
#: A town this large dominates its own-name namesake towns even where a region, or a larger town through an
#: alias, bears the name too ("Lviv" the city of 720,000, not a Lviv village by the story's Dnipro, nor Luzhou,
#: which GeoNames also calls Lviv; "Washington", the capital), unless the text names, as a region, the region of
#: one of those namesakes ("Lima is a city in Allen County, Ohio": WikToR gold, first 300, 0.612 -> 0.593 without
#: that guard, 0.608 with it).  Set by judgement (a regional capital's size); LGL gold spans, first 300 documents /
#: GeoVirus gold: 0.903 / 0.835 -> 0.904 / 0.836.
MAJOR_TOWN_POP = 250_000
#: Taken from a town whose own name only folds onto the text's spelling when a major city (MAJOR_TOWN_POP) bears
#: that spelling as its name: "Baghdad" in "a U.S. drone killed him in Baghdad" had gone to Bagdad, Florida,
#: through the sentence's "U.S." (W_NAMED_COUNTRY_SENTENCE 1.5) and its nearness to other US places.  Set by
#: judgement to outweigh a named country in the sentence.  LGL 0-299 gold (0.904) and WikToR gold (0.608) unchanged;
#: GeoVirus gold 0.836 -> 0.835 (one "Tocantins" moves from one Brazilian town of the name to another).  It also
#: applies when the major city is the only town of its own name (``_sole_major``; LGL gold: one more, none lost).
W_SPELT_OTHERWISE = 2.0
#: Added to a major city (``major_town``) when only another country's region bears its name: with no word
#: about that country, "Gaza" is the city of 400,000, not Mozambique's Gaza Province.  See docs/eval.md, session 8.
W_MAJOR_OVER_FOREIGN_REGION = 1.0


def _namesake_region_named(hits: Sequence[Hit], famous: int, focus: Focus) -> bool:
    """True when the text names, as a region, the region of another town of the dominant town's name."""
    own = next((h.place.a1 for h in hits if h.place.id == famous), None)
    return any(h.place.id != famous and h.place.feature in TOWN_FEATURES and h.place.a1 != own
               and h.place.a1 in focus.region_names for h in hits)


def dominant_town(hits: Sequence[Hit]) -> int | None:
    """Return the id of the town that outnumbers every other town of its name DOMINANT_RATIO times, if any.

    Only a town named so exactly can dominate (DOMINANT_OWN_NAME), and only where no country or region
    bears the name (those have priors of their own), unless it is a major city (``major_town``).  ``rank``
    also drops a major city's bonus where the text names a namesake's region.
    """
    exact = [h for h in hits if h.how != "fuzzy"]
    classic = _classic_dominant(exact)
    return classic if classic is not None else major_town(exact)


def famous_place(hits: Sequence[Hit]) -> int | None:
    """Return the id of the famous place a name means when it means one: a country bearing it as written, else the
    dominant town (``dominant_town``).  Its other towns are namesakes (Moscow, Ohio; Russia, Ohio)."""
    country = next((h.place.id for h in hits if h.how == "exact" and h.place.feature == "country"), None)
    return country if country is not None else dominant_town(hits)


def major_town(hits: Sequence[Hit]) -> int | None:
    """Return the id of a major city (MAJOR_TOWN_POP) far larger than every town bearing its name as its own."""
    own = sorted((h.place for h in hits if h.how == "exact" and h.place.feature in TOWN_FEATURES),
                 key=lambda p: -(p.pop or UNKNOWN_POP))
    if len(own) >= 2 and (own[0].pop or 0) >= MAJOR_TOWN_POP and own[0].pop >= DOMINANT_RATIO * (own[1].pop or UNKNOWN_POP):
        return own[0].id
    return None


def _sole_major(hits: Sequence[Hit]) -> int | None:
    """The id of a major city (MAJOR_TOWN_POP) that is the only town bearing the name as its own: "Kaliningrad" is
    the Baltic city, not the Moscow suburb that bore the name until 1996 (an alias of Korolyov)."""
    own = [h.place for h in hits if h.how == "exact" and h.place.feature in TOWN_FEATURES]
    return own[0].id if len(own) == 1 and (own[0].pop or 0) >= MAJOR_TOWN_POP else None


def _classic_dominant(exact: Sequence[Hit]) -> int | None:
    """The dominant town where no country or region bears the name, found by its own name."""
    ranked = sorted((h for h in exact if h.place.feature in TOWN_FEATURES), key=lambda h: -(h.place.pop or UNKNOWN_POP))
    towns = [h.place for h in ranked]
    if len(towns) < 2 or any(h.place.feature in ("country", "continent") or (
            h.place.feature == "region" and not (NAMED_FOR_SEAT and _is_seat(towns[0], h.place, frozenset())))
            for h in exact):
        return None
    if DOMINANT_OWN_NAME and ranked[0].how != "exact":
        return None
    first, second = towns[0].pop or UNKNOWN_POP, towns[1].pop or UNKNOWN_POP
    return towns[0].id if first >= DOMINANT_RATIO * second else None


def rank(hits: Sequence[Hit], unit: str | None, sent: int, idx: int, focus: Focus | None,
         qual: frozenset[str] = frozenset(), capitals: frozenset[int] = frozenset(), town_office: bool = False,
         person_noun: bool = False, with_parts: bool = False, written: str | None = None) -> list[Scored]:
    """Return the hits scored with context, best first.

    Args:
        town_office: the name is followed by a town's office or school ("City Council"): towns gain.
        person_noun: the name is followed by a person noun ("a Lebanon woman"): countries lose.
        qual: region codes ("US.TX") and country codes named right after the span.
        capitals: place ids of national capitals (a region named like its capital yields to it).
        with_parts: keep each signal's weighted part on the Scored (``parts``; their sum is the score).
        written: the name as the text spells it; a major city spelt so outranks towns whose own names only
            fold onto it ("Baghdad" is not Bagdad, Florida, whatever else the sentence names).
    """
    seats = [h.place for h in hits if h.place.feature in ("city", "village")] if not unit else []
    major = major_town(hits)
    famous = _classic_dominant([h for h in hits if h.how != "fuzzy"])
    if famous is None:
        famous = major
        if famous is not None and focus is not None and _namesake_region_named(hits, famous, focus):
            famous = None  # a major city, but "Lima is a city in Allen County, Ohio": the text names a namesake's region
    spelt = major if major is not None else _sole_major(hits)
    spelt_major = bool(written) and spelt is not None and any(
        h.place.id == spelt and plain_key(h.place.name) == plain_key(written or "") for h in hits)

    major_cc = next((h.place.cc for h in hits if h.place.id == major), None)
    foreign_region = major is not None and any(h.how == "exact" and h.place.feature == "region" and h.place.cc != major_cc
                                               for h in hits)

    def base(h: Hit) -> dict[str, float]:
        parts = prior_parts(h, unit)
        if qual and qualifier_fits(h.place, qual):
            parts["qualifier"] = W_QUALIFIER
        if town_office and h.place.feature in TOWN_FEATURES:
            parts["town_office"] = W_TOWN_OFFICE
        if person_noun and h.place.feature == "country":
            parts["person_noun"] = -W_PERSON_NOUN_COUNTRY
        if seats and h.place.feature in ("region", "district") and not is_broad(h.place) and any(
                _is_seat(t, h.place, capitals) for t in seats):
            parts["seat_namesake"] = -W_SEAT_NAMESAKE
        if famous is not None and h.place.id == famous:
            parts["dominant"] = W_DOMINANT
            if h.place.id == major and foreign_region:
                parts["major_over_region"] = W_MAJOR_OVER_FOREIGN_REGION
        elif spelt_major and h.place.feature in TOWN_FEATURES and plain_key(h.place.name) != plain_key(written or ""):
            parts["spelt_otherwise"] = -W_SPELT_OTHERWISE
        return parts

    region_name = any(h.how == "exact" and h.place.feature in ("region", "country") for h in hits)
    home_cc = focus.home.cc if focus is not None and focus.home is not None else None
    # a country's name, or a first-level region's of the outlet's own country ("Kansas" in an Illinois paper)
    big_name = any(h.how == "exact" and (h.place.feature == "country" or h.place.feature == "region"
                                         and h.place.cc == home_cc) for h in hits)
    bases = {id(h): base(h) for h in hits}
    pre = sorted(hits, key=lambda h: -_sum(bases[id(h)]))[:MAX_CANDIDATES]
    out = []
    known = famous_place(hits) if focus is not None else None
    nears = near_bonuses([h.place for h in pre], sent, idx, focus,
                         [known is not None and h.place.id != known and h.place.feature in TOWN_FEATURES for h in pre]
                         ) if focus is not None else []
    for k, h in enumerate(pre):
        b = bases[id(h)]
        s = _sum(b)
        if focus is not None:
            c = context_parts(h, sent, idx, focus, nears[k])
            if region_name and c.get("named_region"):
                c["named_region"] = 0.0  # "Kansas, Louisiana, Nevada": a state's name in a list of states is the state
            if big_name and c.get("home") and not own_town(h.place, focus.home):
                c["home"] = 0.0  # "China" in a Texas paper is the country, not China, Texas, unless that is its town
            s += _sum(c)
            b = {**b, **c}
        out.append(Scored(h.place, round(s, 4), h.match, h.how, b if with_parts else None))
    out.sort(key=lambda x: (-x.score, x.place.id))
    return out


def confidence(ranked: Sequence[Scored]) -> tuple[float, float]:
    """Return (confidence 0..1, margin over the runner-up) for a ranking."""
    if not ranked:
        return 0.0, 0.0
    top = ranked[0]
    far = [r for r in ranked[1:] if km((top.place.lat, top.place.lon), (r.place.lat, r.place.lon)) > AMBIGUITY_KM]
    margin = top.score - (far[0].score if far else 0.0)
    conf = top.match * (1 - math.exp(-3 * max(margin, 0.0) - 0.3))
    return round(min(1.0, conf), 3), margin

