"""Stage ``resolve.places.v1``: find and geocode every place named in an article.

Every name-like span is considered (GPE/LOC/FAC, untagged proper-noun runs, and also
PERSON/ORG/NORP spans, since the small NER model tags Kyiv or Kherson as PERSON).
Candidates come from the gazetteer (exact and alternate names, then fuzzy keys);
they are ranked in two passes, the second with the document's focus (see
:mod:`dateline.resolve.placerank`).  Demonyms ("Ukrainian") become ``norp``
entities with their country, never places.  Spans naming the same place form one
entity; a span without a clear winner stays ``ambiguous`` with its candidates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from dateline.ingest.dateline import header_lines
from dateline.model import Article, Entity, Parse
from dateline.resolve.common import named_facility
from dateline.resolve.currency import currency_countries
from dateline.resolve.demonyms import (  # noqa: F401 (re-exported)
    continent_demonym_hits,
    demonym_country,
    region_demonym,
    region_demonym_hits,
)
from dateline.resolve.gazetteer import Gazetteer, Hit
from dateline.resolve.gazetteer.keys import fold_key, plain_key
from dateline.resolve.placeabroad import abroad_namesakes
from dateline.resolve.placeclaims import actor_claimed, is_surname, named_after_person, vessel_name
from dateline.resolve.placecues import (
    LOCATIVE_LABELS,
    demonym_head,
    in_region,
    initialism_fits,
    party_demonym,
    qualifier,
    said_in_countries,
    settlement_word_before,
    titled_names,
)
from dateline.resolve.placeentity import STAGE, mention, norp, region_norp, to_entity, with_region_word
from dateline.resolve.placefacility import grow_facilities
from dateline.resolve.placefocus import is_broad
from dateline.resolve.placefocus import km as placefocus_km
from dateline.resolve.placegarble import cued_fuzzy, fuzzy_in_focus, lone_prominent, place_cue, variant_hits
from dateline.resolve.placenames import (
    INITIALISM_MATCH,
    PART_HOW,
    abbreviation_variants,
    article_variants,
    country_initialism,
    natural_in_focus,
    natural_part,
    part_hits,
    part_of,
    shadow_aliases,
)
from dateline.resolve.placeonename import case_clash, drop_aliases_of_named, join_split_names, soft_sign_names
from dateline.resolve.placerank import (
    FUZZY_FOCUS_MIN_SHARE,
    MIN_MARGIN,
    W_NAMED_COUNTRY_SENTENCE,
    Focus,
    Home,
    Scored,
    confidence,
    famous_place,
    focus_from,
    own_town,
    qualifier_fits,
    rank,
)
from dateline.resolve.placesense import (
    Resolved,
    blend,
    dateline_cities,
    one_sense,
    other_name_cue,
    other_names,
    river_named,
    same_place_again,
    standalone_dateline,
)
from dateline.resolve.placespans import (
    DATELINE_LABEL,
    ORG_HEAD_LABEL,
    PARTY_HOME_LABEL,
    PLACE_LABELS,
    Span,
    dateline_span,
    institution_rest,
    make_span,
    place_word_after,
    sentence_index,
    spans_of,
    sub_spans,
    with_stop,
)
from dateline.resolve.placevariants import join_short_country_names, join_stray_variants, join_variants
from dateline.resolve.placeweak import bare_county, common_in, county_cued, lower_words, no_place_unlinked, short_alias

#: A PERSON/NORP/ORG span counts as a place only with a place this large (or a country/region).
#: Tuned on LGL gold spans: small namesakes of surnames ("Orlov") are the usual false places.
STRONG_MIN_POP = 20000
#: A PERSON/ORG span exactly naming a town this large is a place in any country the text names ("the fall of
#: Bakhmut" tagged ORG in a story mostly about Russia's Belgorod region).  Tuned on LGL 0-299 and GeoVirus e2e.
NAMED_COUNTRY_MIN_POP = 50000
#: Untagged proper-noun runs need a place at least this large when matched fuzzily.
PROPN_FUZZY_MIN_POP = 10000
#: A fuzzy match for a span NER did not call a place needs a name this long ("Jury" is not Uruguay).
#: Tuned on LGL end to end (first 150 documents).
OTHER_FUZZY_MIN_LEN = 5
#: Label of a place-like part of a PERSON span: kept only inside the document's region focus.
PERSON_PART = "PERSON_PART"
#: A small place found for a non-place span needs this share of the document's region focus.
WEAK_REGION_MIN_SHARE = 0.2
#: A town this large keeps a variant name (an exonym, "Peking") even in a text that never names its country.
#: Set by judgement (a variant name of a smaller town abroad was a wrong dot in a session-10 probe); checked on LGL
#: 0-299 and GeoVirus for no loss.
FOREIGN_VARIANT_MAX_POP = 500_000
#: ... and a town this close to another place of the text keeps it too (a neighbour across a border the text does
#: not name).  Set by judgement: border towns lie within a few hundred km of the places a story names.
FOREIGN_VARIANT_MIN_KM = 800
#: Ranking passes with document context after the context-free one (each refines the focus; from the
#: second on, the focus is built from the mean of the passes so far, so two names cannot keep flipping
#: each other).  Tuned on LGL gold spans, first 300 documents (2: 0.863 with flip-flops, 3: 0.859, 4: 0.862).
CONTEXT_PASSES = 4
#: Share of focus weight a fuzzy first-pass winner gets (it may be a wrong namesake).
FUZZY_FOCUS_WEIGHT = 0.5
#: Margin over the runner-up the place at the head of an institution's name needs ("Madison County
#: Health Department" in a text that never says which Madison County stays an organisation).
ORG_HEAD_MIN_MARGIN = MIN_MARGIN
STRONG_FEATURES = frozenset({"country", "region", "continent"})
#: A weak span the text also writes in lower case ("Casino", "the casino") casts no vote in the document focus
#: (it is never geocoded itself).  LGL docs 0-299 end to end: see docs/eval.md, session 8.
MUTE_COMMON_WORDS = True
#: A bare compass word, capitalised ("the West", "the North", "Southeast").
_COMPASS = re.compile(r"(?i:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|(?:NORTH|SOUTH|EAST|WEST)")


_MUNICIPAL = re.compile(r"^(?:(?:Town|City|Village|Township|Borough) of\s+(?P<a>.+)|(?P<b>.+?)\s+(?:Township|Twp\.?|Borough|Village))$")
#: Match of a town found through its municipality's name ("Hamilton Township" -> Hamilton).
MUNICIPAL_MATCH = 0.9


def _hits(sp: Span, gazetteer: Gazetteer, *, fuzzy: bool) -> list[Hit]:
    if sp.unit:
        unit_hits = list(gazetteer.lookup(sp.queries[0], fuzzy=False))
        if unit_hits:  # "the Dnipro river" is the Dnieper, not the city of Dnipro
            return unit_hits
    if sp.label in PLACE_LABELS | {"GOLD"} and (country := country_initialism(sp.text, gazetteer)) is not None:
        return [Hit(country, INITIALISM_MATCH, "alias")]  # "DRC", "NSW": not a village whose name folds onto it
    hits = shadow_aliases([h for h in gazetteer.lookup(sp.text, fuzzy=False) if initialism_fits(sp.text, h)])
    hits += variant_hits(sp.text, gazetteer, hits)  # "Sudja" is also read "Sudzha"
    # "Democratic Republic of Congo", "Loudon Co.", "W. Columbia"
    for variant in article_variants(sp.text) + abbreviation_variants(sp.text) if not hits else ():
        hits = [h for h in gazetteer.lookup(variant, fuzzy=False) if h.how != "fuzzy"]
        if hits:
            break
    m = None if hits else _MUNICIPAL.match(sp.text)
    if m:  # a township or "Town of X" is placed at its namesake town
        hits = [Hit(h.place, round(h.match * MUNICIPAL_MATCH, 3), "alias")
                for h in gazetteer.lookup(m.group("a") or m.group("b"), fuzzy=False) if h.place.feature in ("city", "village")]
    if not hits:
        hits = part_hits(sp.text, gazetteer)
    return hits or (list(gazetteer.lookup(sp.text, fuzzy=True)) if fuzzy and not _STREET.search(sp.text) else [])


#: A street's name ("Pershing St.", "Main Street"): the index has no streets, so it is found by its exact name or
#: not at all; a near spelling would make it Pershing County, and that county then pulls the story's other names.
_STREET = re.compile(r"\s(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane)\.?$")


def _acronym(text: str) -> bool:
    return text.replace(".", "").isupper() and len(text.replace(".", "")) <= 4


def _strong(h: Hit) -> bool:
    return h.how != "fuzzy" and (h.place.feature in STRONG_FEATURES or h.place.pop >= STRONG_MIN_POP)


def candidates_for(text: str, sp: Span, gazetteer: Gazetteer) -> tuple[Span, list[Hit]]:
    """Return the span to geocode (possibly a sub-span) and its gazetteer hits."""
    if sp.label == "GOLD":
        hs = (_hits(sp, gazetteer, fuzzy=False) or region_demonym_hits(sp.text, gazetteer)
              or continent_demonym_hits(sp.text, gazetteer) or _hits(sp, gazetteer, fuzzy=True))
    elif _COMPASS.fullmatch(sp.text):
        return sp, []  # "the West", "the South": a bloc or a direction, not New Caledonia's South Province
    elif sp.label in PLACE_LABELS:
        hs = _hits(sp, gazetteer, fuzzy=" " not in sp.text)
    elif sp.label == "PROPN":
        hs = _hits(sp, gazetteer, fuzzy=True)
    else:
        # Exact names only; a weak (small, unfocused) winner is dropped later by _plausible,
        # which keeps it only inside a region the document is about.
        hs = _hits(sp, gazetteer, fuzzy=False)
        if not hs and sp.label in LOCATIVE_LABELS and len(sp.text) >= OTHER_FUZZY_MIN_LEN and _cued(text, sp):
            hs = _hits(sp, gazetteer, fuzzy=True)  # a garbled town the NER model called a person: "shelled Kupjansk"
        if _acronym(sp.text):  # "AP", "ECM": an acronym outside a place label is a place only as a country
            hs = [h for h in hs if h.place.feature == "country"]
    # "Lido beach" is no "Lido Beach"; a curated facility is indexed only with its kind word, in any case
    hs = [h for h in hs if h.how == "fuzzy" or h.place.feature == "facility" or not case_clash(sp.text, h.place.name)]
    if len(sp.text) <= 3 and not sp.text.isupper():  # a town "Ber" is no "BER": alpha-3 codes are capitals
        hs = [h for h in hs if h.place.feature != "country" or _same_name(sp.text, h)]
    if hs or " " not in sp.text or sp.label == "GOLD":
        return sp, hs
    for sub in sub_spans(text, sp):  # "Guernsey County Sheriff's Office" -> "Guernsey County"
        if not sub.text[-1:].isalpha() or _COMPASS.fullmatch(sub.text):  # "Stevens &"; "South" of "Forces of the South"
            continue
        if _org_head(text, sp, sub):  # "Callisburg Independent School District": a small town too, checked later
            found = _hits(sub, gazetteer, fuzzy=False)
            if _acronym(sub.text):  # "the IAEA Board of Governors": an acronym heads a body, not a town
                found = [h for h in found if h.place.feature == "country"]
            named = [h for h in found if h.place.feature in STRONG_FEATURES and _same_name(sub.text, h)]  # "Ontario Municipal Board"
            hs = named or [h for h in found if _strong(h) or h.place.feature == "district" or _same_name(sub.text, h)]
            if hs:
                return replace(sub, label=ORG_HEAD_LABEL), hs
            continue
        hs = [h for h in _hits(sub, gazetteer, fuzzy=False) if _strong(h) or h.place.feature == "district"]
        if hs:
            return (replace(sub, label=PERSON_PART) if sp.label == "PERSON" else sub), hs
    return sp, []


def _cued(text: str, sp: Span) -> bool:
    """Return True if the words before or after a span say it is a place ("shelled X", "X, 80 km north of Y")."""
    return place_cue(text, sp.start, sp.end) or place_word_after(text, sp.end)


def _same_name(text: str, h: Hit) -> bool:
    """Return True if a hit's own name is spelled as ``text`` (or as its municipality's name), letters unfolded.

    "Good" of "Good Samaritan Hospital" only folds onto Göd; "Readington Township" names Readington.
    """
    m = _MUNICIPAL.match(text)
    names = {plain_key(text)} | ({plain_key(m.group("a") or m.group("b"))} if m else set())
    return h.how != "fuzzy" and plain_key(h.place.name) in names


def _org_head(text: str, sp: Span, sub: Span) -> bool:
    """Return True if ``sub`` heads a non-place, non-person span whose rest names a local institution."""
    return (sp.label not in PLACE_LABELS | {"PERSON"} and sub.start == sp.start and sub.end < sp.end
            and institution_rest(text[sub.end:sp.end]))


def common_word(text: str, sp: Span) -> bool:
    """Return True if a one-word span also occurs in lower case in the text ("Mayor" and "the mayor")."""
    w = sp.text
    return " " not in w and w[:1].isupper() and re.search(rf"\b{re.escape(w.lower())}\b", text) is not None


#: One-word names of legislatures and seats of power that towns also bear: tagged anything but a place, they are the
#: institution.
INSTITUTION_WORDS = frozenset({"congress", "parliament", "senate", "kremlin", "pentagon", "duma", "knesset", "rada",
                               "bundestag", "majlis", "politburo"})


def _plausible(sp: Span, top: Scored, idx: int, focus: Focus, text: str = "", margin: float = 1.0,
               qual: frozenset[str] = frozenset()) -> bool:
    """Return False for a weak winner of a span that NER did not call a place.

    Such a span (PERSON, ORG, untagged proper noun ...) keeps a place only if the place is
    a country/region, or large and in a country the rest of the document is about, or lies in
    a region the document is about; never when the word is also used in lower case.
    """
    if sp.label == "GOLD":
        return True
    if top.how != "fuzzy" and any("." in q for q in qual) and qualifier_fits(top.place, qual):
        return True  # "Chibok in Borno state": the text says which region it lies in, and it does
    if sp.label == "FAC" and focus.has_other(idx) and focus.country_share(top.place.cc, idx) == 0:
        return False  # a "facility" is often a cut-off name ("White" of "White Helmets"): not in a country never named
    if _foreign_variant(sp, top, idx, focus):  # whatever NER called it ("Madani" of a committee's name)
        return False
    if sp.label not in PLACE_LABELS and sp.text.lower() in INSTITUTION_WORDS:
        return False  # "the aid package stalled in Congress" is no Congress, Arizona
    if sp.label in PLACE_LABELS:
        return top.how != "fuzzy" or fuzzy_in_focus(sp, top, idx, focus) or lone_prominent(top, idx, focus, margin)
    if text and common_word(text, sp):
        return False
    if (text and bare_county(top) and not county_cued(text, sp)
            and focus.region_share(top.place.a1, idx) < WEAK_REGION_MIN_SHARE):
        return False  # "a 2000 Ford Taurus" in a Minnesota story is no Ford County, Kansas
    if short_alias(sp, top) and not (sp.unit is not None and top.place.feature in ("region", "district")):
        return False  # "Pct. 4 Commissioner" is no Princeton; "the Tay province" is a province
    if (top.how != "fuzzy" and sp.label in LOCATIVE_LABELS and not _acronym(sp.text) and text
            and (settlement_word_before(text, sp.start, sp.end) or place_word_after(text, sp.end))):
        return True  # "the village of Flumeri", "in Pewaukee": the words before say it is a place
    if sp.label == ORG_HEAD_LABEL:  # "Athens" of "Athens Police Department": a clear winner, large or in the region
        return _org_head_plausible(top, idx, focus, margin)
    if sp.label == PERSON_PART:  # "Fargo" of "Fargo Mayor Dennis Walaker", not "Brian" of "Brian McClung"
        return top.place.feature in STRONG_FEATURES or focus.region_share(top.place.a1, idx) >= WEAK_REGION_MIN_SHARE
    if top.how == "fuzzy":  # a weak span said to be a place by its words ("shelled X") needs no size
        return len(sp.text) >= OTHER_FUZZY_MIN_LEN and (
            (top.place.pop >= PROPN_FUZZY_MIN_POP and sp.label == "PROPN" and fuzzy_in_focus(sp, top, idx, focus))
            or (text != "" and _cued(text, sp) and cued_fuzzy(sp, top, idx, focus, margin))
            or lone_prominent(top, idx, focus, margin))
    in_focus = (not focus.has_other(idx) or focus.country_share(top.place.cc, idx) >= FUZZY_FOCUS_MIN_SHARE
                or focus.names_country(top.place.cc, idx, sp.sent) >= W_NAMED_COUNTRY_SENTENCE  # "... on the Russian coast"
                or (top.place.pop >= NAMED_COUNTRY_MIN_POP and _same_name(sp.text, top)  # its own name, not an alias
                    and focus.names_country(top.place.cc, idx, sp.sent) > 0))
    # a region of a country the text never names nor focuses on is no reading of a person's or body's name ("Khor" of
    # "Khor Mor gas field" in an Iraq story is not Ghor Province, Afghanistan)
    foreign_region = (top.place.feature == "region" and bool(top.place.cc) and focus.has_other(idx)
                      and focus.country_share(top.place.cc, idx) == 0
                      and focus.names_country(top.place.cc, idx, sp.sent) == 0)
    strong = (top.place.feature in STRONG_FEATURES and not foreign_region) or (top.place.pop >= STRONG_MIN_POP and in_focus)
    named_unit = (top.place.feature == "district" and top.match >= 0.97  # "Edgar County", not a bare "Edgar"
                  and (" " in sp.text or focus.country_share(top.place.cc, idx) > 0))  # nor "White" of "White Helmets"
    return strong or named_unit or focus.region_share(top.place.a1, idx) >= WEAK_REGION_MIN_SHARE


def _foreign_variant(sp: Span, top: Scored, idx: int, focus: Focus) -> bool:
    """Return True for a town won only through one of its variant names, in a country the text never names.

    "Shebba" in a Lebanon story, a variant spelling of Chebba, Tunisia, is no reading: a town abroad that the article never
    leads to is no reading of a name the gazetteer does not know as written.  Large cities keep their exonyms
    ("Peking"), and a dateline is the dateline.
    """
    if not (top.how == "alias" and sp.label != DATELINE_LABEL and top.place.feature in ("city", "village")
            and bool(top.place.cc) and top.place.pop < FOREIGN_VARIANT_MAX_POP and focus.has_other(idx)
            and focus.country_share(top.place.cc, idx) == 0 and focus.names_country(top.place.cc, idx, sp.sent) == 0):
        return False
    anchors = focus.points[:focus.alt_start] if focus.alt_start is not None else focus.points  # not the runners-up
    own = focus.groups[idx] if focus.groups else None  # the name's other mentions are no anchors for it
    near = [placefocus_km((lat, lon), (top.place.lat, top.place.lon)) for lat, lon, _s, j, _w in anchors
            if j != idx and (own is None or focus.groups[j] != own)]
    return bool(near) and min(near) > FOREIGN_VARIANT_MIN_KM  # "Kupyansk" in a Belgorod story is next door


def _org_head_plausible(top: Scored, idx: int, focus: Focus, margin: float) -> bool:
    """Return True if the place heading an institution's name is clear enough to geocode."""
    if margin < ORG_HEAD_MIN_MARGIN:
        return False
    big = top.place.feature in STRONG_FEATURES or top.place.pop >= STRONG_MIN_POP or top.place.feature == "district"
    return big or focus.region_share(top.place.a1, idx) >= WEAK_REGION_MIN_SHARE


def _tops(ranked: Sequence[Sequence[Scored]], pairs: Sequence[tuple[Span, list[Hit]]], muted: Sequence[bool] = ()) -> list:
    """Return (winner, sentence, weight) per span: the votes that make the document focus.

    Args:
        muted: per span, True when it may not vote (a weak span also written in lower case, "Casino"
            and "the casino", is never geocoded, so its namesake town must not steer the others).
    """
    tops = []
    for i, ((sp, _), r) in enumerate(zip(pairs, ranked)):
        conf, _ = confidence(r)
        w = conf * (FUZZY_FOCUS_WEIGHT if r and r[0].how == "fuzzy" else 1.0)
        if MUTE_COMMON_WORDS and i < len(muted) and muted[i]:
            w = 0.0
        tops.append((r[0] if r else None, sp.sent, w))
    return tops


#: A name with a region word ("the Bryansk region", "New York state") is a sense of its own, apart from the bare
#: name (the city).  Not a county word: a local paper's bare "Madison" after "Madison County" is the county
#: (LGL gold spans, docs 0-299: all unit words 0.903 -> 0.902; region words only: 0.903).
UNIT_SENSES = True


def resolve_spans(text: str, spans: Sequence[Span], gazetteer: Gazetteer, dateline_cc: str | None = None,
                  demonyms: Sequence[tuple[str, str, int]] = (), trace: dict | None = None,
                  home: Home | None = None) -> list[Resolved | None]:
    """Geocode spans with a context-free ranking pass, then passes with the document focus.

    Args:
        demonyms: (country code, folded word, sentence) of the demonyms in the text: they name their countries.
        trace: if given, filled with the last pass's rankings before ``one_sense`` ("ranked", each Scored with
            its signal ``parts``) and the spans' name groups ("groups"), for studies of the ranking.
        home: where the text's source is at home (``placehome``): a weak prior for the context passes.
    """
    pairs = drop_aliases_of_named([candidates_for(text, sp, gazetteer) for sp in spans],
                                  [other_name_cue(text, sp.start, sp.end) for sp in spans])  # "Islamabad", "Anantnag"
    pairs = [(sp, dateline_cities(hs) if sp.label == DATELINE_LABEL else hs) for sp, hs in pairs]
    rivers = [river_named(text, sp.start, sp.end, sp.unit, hs, lambda n: gazetteer.lookup(n, fuzzy=False))
              if sp.label != DATELINE_LABEL else None for sp, hs in pairs]  # "across the Dnipro" is the river
    pairs = [(sp, hs) if rv is None else (replace(sp, label="LOC"), rv) for (sp, hs), rv in zip(pairs, rivers)]
    said_in = said_in_countries(text, gazetteer)  # "Palma in Mozambique": every "Palma" of the text
    stated = [frozenset({said_in[k]}) if (k := fold_key(sp.text)) in said_in else frozenset() for sp, _ in pairs]
    quals = [qualifier(text, sp, gazetteer) | st for (sp, _), st in zip(pairs, stated)]
    pairs = [(sp, standalone_dateline(sp.text, hs, lambda h: own_town(h.place, home))
              if sp.label == DATELINE_LABEL and not q else hs) for (sp, hs), q in zip(pairs, quals)]  # "WASHINGTON —"
    caps = gazetteer.capitals()
    # A part named after a place ("Las Vegas Valley") shares the sense of that place's name.
    # "the Bryansk region" and the city "Bryansk" are two senses of one name: the region word keeps them apart.
    groups = [fold_key(part_of(sp.text) or sp.text if hs and hs[0].how == PART_HOW else sp.text) + ("|region" if sp.unit == "region" and UNIT_SENSES else "")
              + ("|river" if rv is not None else "") for (sp, hs), rv in zip(pairs, rivers)]
    # One name, one sense: every "Jordan" is the town of "Jordan Elementary" or "a Jordan woman".
    office = {g for g, (sp, _) in zip(groups, pairs) if sp.town_office}
    person = {g for g, (sp, _) in zip(groups, pairs) if sp.person_noun}
    pairs = [(replace(sp, town_office=g in office, person_noun=g in person), hs) for g, (sp, hs) in zip(groups, pairs)]
    first = [rank(hs, sp.unit, sp.sent, i, None, q, caps, sp.town_office, sp.person_noun, written=sp.text)
             for i, ((sp, hs), q) in enumerate(zip(pairs, quals))]
    money = currency_countries(text)
    words = lower_words(text)
    muted = [sp.label not in PLACE_LABELS | {"GOLD"} and common_in(words, sp) for sp, _ in pairs]
    ranked, basis = first, first
    famous = [famous_place(hs) for _, hs in pairs]
    for n in range(CONTEXT_PASSES):
        focus = focus_from(_tops(basis, pairs, muted), dateline_cc, groups, basis, demonyms, money,
                           [sp.unit == "region" for sp, _ in pairs], home, famous)
        parts = trace is not None and n == CONTEXT_PASSES - 1
        ranked = [rank(hs, sp.unit, sp.sent, i, focus, q, caps, sp.town_office, sp.person_noun, parts, written=sp.text)
                  for i, ((sp, hs), q) in enumerate(zip(pairs, quals))]
        if parts:
            trace.update(ranked=ranked, groups=groups)
        ranked = one_sense(ranked, groups)
        basis = ranked if n == 0 else [blend(a, b) for a, b in zip(basis, ranked)]
    out: list[Resolved | None] = []
    bare = {g for g, (sp, _) in zip(groups, pairs) if not natural_part(sp.text)}  # "Las Vegas" beside its valley
    for i, ((sp, hs), r) in enumerate(zip(pairs, ranked)):
        if r and r[0].how == PART_HOW and natural_part(sp.text) and groups[i] not in bare:
            r = natural_in_focus(r, i, focus)
        conf, margin = confidence(r)
        if not hs or not r or not _plausible(sp, r[0], i, focus, text, margin, quals[i]):
            out.append(None)
            continue
        out.append(Resolved(sp, tuple(r), conf, margin))
    # "Palma in Mozambique" with no Mozambican Palma among the candidates: no dot in Spain for any "Palma" of the
    # text (one name, one sense), but an ambiguous name with its candidates
    # So for "Orlovka in Russia's Kursk region" with no Orlovka of that region: a region said, no candidate in it.
    regions = [in_region(text, sp, gazetteer) for sp, _ in pairs]
    denied = {groups[i] for i, r in enumerate(out) if r is not None and not is_broad(r.ranked[0].place) and any(
        said and not any(qualifier_fits(x.place, said) for x in r.ranked) for said in (stated[i], regions[i]))}
    out = [replace(r, margin=0.0) if r is not None and groups[i] in denied else r for i, r in enumerate(out)]
    return other_names(text, same_place_again(pairs, ranked, out))


def _titled(sp: Span, titled: frozenset[str]) -> bool:
    """Return True if a span is a name the text also gives a personal title ("coach Ripley" ... "Ripley said")."""
    return sp.text in titled and sp.label not in (DATELINE_LABEL, PARTY_HOME_LABEL)


def _dateline_cc(article: Article, gazetteer: Gazetteer) -> str | None:
    dl = article.dateline
    for name in (dl.country, dl.place) if dl else ():
        for h in gazetteer.lookup(name, fuzzy=False) if name else ():
            if h.place.feature in ("country", "region", "city"):
                return h.place.cc
    return None


def _wire_dateline_span(article: Article) -> Span | None:
    """Return the place of the wire dateline the ingest found below wrapper lines ("SURIN —" under a masthead)."""
    dl, text = article.dateline, article.text
    if dl is None or dl.agency is None and not text[dl.start:dl.end].split()[0].isupper():
        return None
    end = dl.start + len(dl.place)
    if text[dl.start:end].lower() != dl.place.lower():
        return None
    return make_span(text, dl.start, end, DATELINE_LABEL, sentence_index(text, dl.start))


def _header_place_span(article: Article) -> Span | None:
    """Return the place field of a header line the ingest read as the dateline ("Kyiv • 18.09.2023 | ...")."""
    dl, text = article.dateline, article.text
    if dl is None or dl.agency is not None or not 0 <= dl.start < dl.end <= len(text) or text[dl.start:dl.end] != dl.place:
        return None  # a wire dateline is read by dateline_span; a title-cased or moved place is not this one
    return make_span(text, dl.start, dl.end, DATELINE_LABEL, sentence_index(text, dl.start))


#: Evidence tag of a place that is its country's capital: an event "in Somalia's capital" is placed there.
CAPITAL_EVIDENCE = "national-capital"


def resolve_places(article: Article, parse: Parse, actors: tuple[Entity, ...], *, gazetteer: Gazetteer) -> tuple[Entity, ...]:
    """Return place entities (and demonym ``norp`` entities) for an article (``article.home``: see ``resolve_spans``)."""
    text = article.text
    spans, norps, regional = [], {}, {}
    all_spans = spans_of(text, parse)
    titled = titled_names(text)
    vessels = {sp.text for sp in all_spans if vessel_name(text, sp)}  # "the Liberian-flagged Tutor": every "Tutor"
    heads = [(pos, pos + h.end) for pos, h in header_lines(text)]  # mastheads, section paths, bylines: no story
    all_spans = [s for s in all_spans if not any(a <= s.start < b for a, b in heads)]
    if (dl := dateline_span(text) or _wire_dateline_span(article) or _header_place_span(article)) is not None:  # the dateline outranks whatever NER made of it
        all_spans = sorted([s for s in all_spans if not (s.start < dl.end and dl.start < s.end)] + [dl], key=lambda s: (s.start, s.end))
    for sp in all_spans:
        if (head := demonym_head(text, sp, gazetteer)) is not None:  # "Russian" of "Russian Foreign Ministry"
            norps.setdefault(head[0], []).append(head[1])
        if sp.label != "PERSON" and (cc := demonym_country(sp.text, gazetteer)) and (sp.label == "NORP" or " " not in sp.text or sp.label == "GPE"):
            norps.setdefault(cc, []).append(mention(sp, text))
        elif sp.label not in PLACE_LABELS | {"PERSON"} and (sp.label == "NORP" or " " not in sp.text) and (rp := region_demonym(sp.text, gazetteer)):
            regional.setdefault(rp.id, (rp, []))[1].append(mention(sp, text))
        elif sp.label == "NORP" and (cont := continent_demonym_hits(sp.text, gazetteer)):  # "European diplomats"
            regional.setdefault(cont[0].place.id, (cont[0].place, []))[1].append(mention(sp, text))
        elif (not actor_claimed(sp, actors) and not _titled(sp, titled) and not named_after_person(sp, all_spans)
              and sp.text not in vessels
              and not (is_surname(sp, all_spans) and not settlement_word_before(text, sp.start, sp.end))):
            # "near the town of Avdiivka" is the town even if a headline elsewhere reads "Avdiivka Retreat" as a name
            spans.append(replace(sp, label="FAC") if sp.label == "PERSON" and named_facility(sp.text) else sp)
    dems = [(cc, fold_key(m.text), m.sent) for cc, ms in norps.items() for m in ms
            if not party_demonym(text, m.end)]  # "Russian forces" name who acts, not where
    spans = join_split_names(text, spans, gazetteer)  # "Maslova" + "Pristan"
    spans = grow_facilities(text, spans, gazetteer)  # "[Zaporizhzhia] nuclear power plant" is the plant
    spans = soft_sign_names(text, spans, gazetteer)  # "[Engel]'s" is Engels
    words = lower_words(text)
    dl_cc = _dateline_cc(article, gazetteer)
    resolved = resolve_spans(text, spans, gazetteer, dl_cc, dems, home=article.home)
    groups: dict[object, list[Resolved]] = {}
    strays = []
    for sp, r in zip(spans, resolved):
        if r is None:
            if sp.label in PLACE_LABELS:
                if not no_place_unlinked(sp, words, all_spans):  # not "T.R." nor "Pawlenty"
                    groups.setdefault(("none", plain_key(sp.text)), []).append(Resolved(sp, (), 0.0, 0.0))
            elif sp.label != "NORP":  # "Philippine pigs" names no place
                strays.append(mention(sp, text))
            continue
        key = ("amb", plain_key(r.span.text)) if r.margin < MIN_MARGIN else r.ranked[0].place.id
        groups.setdefault(key, []).append(r)
    out = []
    tops = [max(rs, key=lambda r: r.confidence) for rs in groups.values()]
    held = abroad_namesakes([r.ranked[0].place if r.ranked and r.margin >= MIN_MARGIN else None for r in tops], dl_cc, text)
    bare = {plain_key(r.span.text) for rs in groups.values() for r in rs if r.ranked and r.ranked[0].place.feature != "region"}
    for n, rs in enumerate(groups.values()):
        ms = [mention(with_region_word(r, text) if plain_key(r.span.text) in bare else r.span, text) for r in rs]
        if not rs[0].ranked:
            out.append(Entity(id=f"l{n}", kind="place", name=ms[0].text, mentions=tuple(ms), status="unlinked",
                              stage=STAGE, evidence=("no gazetteer match",)))
        else:
            ent = to_entity(f"l{n}", rs, ms, n in held)
            if ent.status == "resolved" and tops[n].ranked[0].place.id in gazetteer.capitals():
                ent = replace(ent, evidence=(*ent.evidence, CAPITAL_EVIDENCE))  # "Somalia's capital" may mean it
            out.append(ent)
    out = join_short_country_names(join_variants(out))  # "Nabatie" joins "Nabatieh"; "Congo" the DR Congo named
    out = join_stray_variants(out, strays)  # "Gwosa" (tagged ORG) joins the "Gwoza" the article resolved
    out += [norp(f"n{i}", cc, ms, gazetteer) for i, (cc, ms) in enumerate(sorted(norps.items()))]
    out += [region_norp(f"r{i}", rp, ms) for i, (rp, ms) in enumerate(regional.values())]
    return tuple(out)


#: Label of a region or country name found in the text around given spans (context only).
CONTEXT_LABEL = "CONTEXT"
#: Shortest capitalised word taken as context unless written in capitals ("US"): shorter ones meet
#: codes and abbreviations ("Mr", "He", "Ten").  Tuned on LGL gold, first 300 docs (no filter: 0.871, 3: 0.871, 4: 0.872).
CONTEXT_MIN_LEN = 4
#: A capitalised run after "St.", "Mt." or "Ft." is the rest of a longer name ("St. Patrick's Day" is no
#: Patrick County, Virginia, made the focus of an Illinois story): not context.  LGL gold spans, first 300
#: documents / GeoVirus: unchanged (229 / 359 wrong); it leaves a county of the story a fair coin toss instead.
_CAP_RUN = re.compile(r"(?<!\bSt\. )(?<!\bMt\. )(?<!\bFt\. )\b[A-Z][a-z]+(?:\s(?:of\s)?[A-Z][a-z]+){0,2}\b")


def context_spans(text: str, given: Sequence[tuple[int, int]], gazetteer: Gazetteer) -> list[Span]:
    """Return names of regions and countries in the text outside the given spans, as context for them.

    "Paris ... in Lamar County, Texas": the gold spans may be only "Paris", yet the text says where.
    """
    out = []
    for m in _CAP_RUN.finditer(text):
        a, b = m.span()
        if any(s < b and a < e for s, e in given):
            continue
        sp = Span(a, b, m.group(), CONTEXT_LABEL, sentence_index(text, a))
        short = len(sp.text) < CONTEXT_MIN_LEN and not sp.text.isupper()
        if short or common_word(text, sp):  # "He", "To", "Ten" are not Switzerland, Trinidad or Tennessee
            continue
        if any(h.how != "fuzzy" and h.place.feature in ("country", "region") for h in gazetteer.lookup(m.group(), fuzzy=False)):
            out.append(sp)
    return out


def gold_resolutions(text: str, spans: Sequence[tuple[int, int]], *, gazetteer: Gazetteer,
                     trace: dict | None = None, home: Home | None = None) -> list[Resolved | str | None]:
    """Resolve given (gold) spans, each with the others as context: a Resolved, a demonym's country code, or None.

    Args:
        trace: see ``resolve_spans``; also gets "places": each given span's index there (None for a demonym).
    """
    made = [with_stop(text, make_span(text, a, b, "GOLD", sentence_index(text, a))
                      or Span(a, b, text[a:b], "GOLD", sentence_index(text, a))) for a, b in spans]
    if (dl := dateline_span(text)) is not None:  # "WASHINGTON —" under a headline: a dateline, as end to end
        made = [replace(sp, label=DATELINE_LABEL) if (sp.start, sp.end) == (dl.start, dl.end) else sp for sp in made]
    demonyms = [demonym_country(sp.text, gazetteer) for sp in made]
    places = [sp for sp, d in zip(made, demonyms) if d is None]
    extra = context_spans(text, spans, gazetteer)
    dems = [(cc, fold_key(sp.text), sp.sent) for sp, cc in zip(made, demonyms)
            if cc is not None and not party_demonym(text, sp.end)]  # as resolve_places does
    resolved = iter(resolve_spans(text, places + extra, gazetteer, demonyms=dems, trace=trace, home=home))
    if trace is not None:
        at = iter(range(len(places)))
        trace["places"] = [None if cc is not None else next(at) for cc in demonyms]
    return [cc if cc is not None else next(resolved) for cc in demonyms]


def geocode_spans(text: str, spans: Sequence[tuple[int, int]], *, gazetteer: Gazetteer,
                  home: Home | None = None) -> list[Entity | None]:
    """Resolve given (gold) spans of a document, each with the others as context; one result per span."""
    out: list[Entity | None] = []
    for i, ((a, b), r) in enumerate(zip(spans, gold_resolutions(text, spans, gazetteer=gazetteer, home=home))):
        if isinstance(r, str):
            sp = make_span(text, a, b, "GOLD", sentence_index(text, a)) or Span(a, b, text[a:b], "GOLD", sentence_index(text, a))
            out.append(norp(f"g{i}", r, [mention(sp, text)], gazetteer))
        else:
            out.append(None if r is None else to_entity(f"g{i}", [r], [mention(r.span, text)]))
    return out
