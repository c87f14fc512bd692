"""Garbled place names: romanisation variants the fold key cannot join, and when a weak span may keep a fuzzy place.

Content farms respin wire copy and garble town names.  ``gazetteer.keys.fold_key`` joins most romanisation
choices, but it folds "j" to "y" (Polish and German "j"), so the English and French renderings of Cyrillic
"дж" and "ж" ("Dj", "J") meet another town's key: "Sudja" folds onto Suda, not Sudzha.  This module asks
the gazetteer for those readings too, and holds the rules that let a span the NER model did not call a
place (a garbled town tagged PERSON, NORP or ORG) take a fuzzy place when the words around it say place.
"""

from __future__ import annotations

import re
from itertools import product

from dateline.resolve.gazetteer import Gazetteer, Hit
from dateline.resolve.gazetteer.keys import plain_key
from dateline.resolve.placefocus import Focus
from dateline.resolve.placerank import W_NAMED_COUNTRY_SENTENCE, Scored, near_bonus
from dateline.resolve.placespans import Span

#: Match factor of a place found through a romanisation variant of the text (not the text's own key):
#: below an exact name (1.0) and an alternate one (0.97), so a story's context must pick it.  Set by
#: judgement (the ranking's W_MATCH makes 0.1 of match worth 0.2 points, less than a region focus).
VARIANT_MATCH = 0.9
#: Readings of "dj" and of a "j" that is not part of "dj": Cyrillic "дж" (dzh) and "ж" (zh); the fold
#: key already gives "j" its Polish/German reading "y".
_DJ = re.compile(r"dj|j")
_READINGS = {"dj": ("dzh",), "j": ("zh", "dzh")}
#: Most "j"s rewritten in one name (each has two or three readings).
MAX_J = 2


def romanisation_variants(text: str) -> list[str]:
    """Return the text with each "dj" read as "dzh" and each other "j" as "zh" or "dzh" (at most MAX_J of them).

    Args:
        text: a surface form ("Sudja").

    Returns:
        The rewritten forms, the text itself excluded (``[]`` when it has no "j").
    """
    low = plain_key(text)
    parts = _DJ.split(low)
    seps = _DJ.findall(low)
    if not seps or len(seps) > MAX_J:
        return []
    out = []
    for choice in product(*(_READINGS[s] for s in seps)):
        s = parts[0] + "".join(c + p for c, p in zip(choice, parts[1:]))
        if s != low:
            out.append(s)
    return out


def variant_hits(text: str, gazetteer: Gazetteer, hits: list[Hit]) -> list[Hit]:
    """Return places found by a romanisation variant of ``text`` that its own key does not find.

    Nothing when a place found already bears the name spelt as written ("Jordan", "Jenin"): the text
    names it, not a garble.

    Args:
        text: the span's text.
        gazetteer: the place index.
        hits: the exact and alternate-name hits of the text's own key.
    """
    if "j" not in text.lower() or any(plain_key(h.place.name) == plain_key(text) for h in hits):
        return []
    have = {h.place.id for h in hits}
    out: dict[int, Hit] = {}
    for v in romanisation_variants(text):
        for h in gazetteer.lookup(v, fuzzy=False):
            if h.how != "fuzzy" and h.place.id not in have:
                m = round(h.match * VARIANT_MATCH, 3)
                if h.place.id not in out or out[h.place.id].match < m:
                    out[h.place.id] = Hit(h.place, m, "alias")
    return sorted(out.values(), key=lambda h: (-h.match, h.place.id))


# ------------------------------------------------------------------ a weak span's place cue
#: Words right before a name that make it a place in war reporting: a locative preposition, a noun that
#: takes a place ("the outskirts of", "residents of", "the mayor of"), or a verb whose object is a place
#: ("shelled", "captured").  "from" and a bare "of" are left out: "a message from X", "the son of X".
_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|around|into|towards?)\s+"
    r"|\b(?:outskirts|residents|inhabitants|mayor|governor|streets|suburbs?|centre|center|edges?|shelling|bombardment"
    r"|liberation|capture|encirclement|evacuation|districts?|heart|north|south|east|west)\s+of\s+"
    r"|\b(?:shelled|bombed|bombarded|struck|captured|seized|liberated|recaptured|retook|stormed|encircled|besieged"
    r"|evacuated|entered|reached)\s+)(?:the\s+)?$", re.I)


def place_cue(text: str, start: int, end: int) -> bool:
    """Return True if the words right before a whole name say it is a place ("shelled X", "outskirts of X").

    Args:
        text: the article text.
        start: the name's start offset.
        end: its end offset (a name that runs on, "X Street", is not whole).
    """
    if re.match(r"\s+[A-Z]", text[end:end + 2]):
        return False
    return _CUE_BEFORE.search(text[max(0, start - 40):start]) is not None


# ------------------------------------------------------------------ keeping a fuzzy winner
#: A fuzzy winner of any non-gold span needs this share of the document's country focus (from the
#: other spans), and this share of its region focus or this nearness bonus to the other places (a
#: garble names a town of the story's own area).  Tuned on LGL e2e docs 0-299, where no fuzzy winner
#: was right (61 wrong dots): country 0.2 / 0.3 / 0.4 alone gave detection F1 0.838 / 0.838 / 0.838;
#: with region 0.1 or 0.14 F1 0.844 (0.2 too, but it drops garbled towns of a neighbouring oblast);
#: near 0.5 keeps them (garbles near their story score 0.7-0.97, the LGL surnames mostly < 0.5).
FUZZY_PLACE_MIN_COUNTRY_SHARE = 0.4
FUZZY_PLACE_MIN_REGION_SHARE = 0.1
FUZZY_PLACE_MIN_NEAR = 0.5
#: A fuzzy winner outside the region focus and far from the other places is still kept when the text
#: names its country in so many words in the same sentence (a dateline's country, "Ukraine", "Syrian") --
#: a garble of a town of the country the story is filed from or about -- if its name matched at least this
#: well (0..1).  Any sentence, not only the span's own, let three LGL surnames in (Dimes -> Dumas, US):
#: LGL docs 0-299 F1 0.850 -> 0.849.
#: Tuned on the synthetic garble study, seed 1 (scripts/garble_study.py), garbled places recovered / wrong:
#: off 18.0% / 4.9%, 0.85: 20.1% / 5.5%, 0.9: 19.3% / 5.1% (a wrong dot is worse than none: 0.9).
FUZZY_NAMED_COUNTRY_MIN_MATCH = 0.9
#: A fuzzy winner of a document that names no other place is kept when it is a town at least this large,
#: matched at least this well and this far (ranking score) ahead of the next candidate: a garbled city
#: with nothing around it.  Tuned on the garble study, seed 1, fuzzy winners of context-free documents (right /
#: wrong kept): 50,000 / 0.9 / 0.5: 11 / 0; 20,000 / 0.85 / 0.5: 30 / 0; 10,000 / 0.85 / 0.5: 37 / 2;
#: 20,000 / 0.85 / 0.3: 48 / 9.  20,000 is also STRONG_MIN_POP, the size a weak span's exact place needs.
LONE_MIN_POP = 20_000
LONE_MIN_MATCH = 0.85
LONE_MIN_MARGIN = 0.5

#: A fuzzy winner of a span the NER model did not call a place, kept on a place cue ("shelled X"), must match
#: at least this well and lead the runner-up by this much, and be a place of known size unless its sentence
#: names its region ("in the Kharkiv region"): a codifier village of unknown size shares its name with dozens.
#: Tuned on the garble study, seed 1, garbled places recovered / wrong (docs/eval.md, session 7): before 20.8% /
#: 5.9%; no floors 31.5% / 10.3% (a KYIV dateline pulls garbles onto Kyiv Oblast villages); 0.85 / 0.5 / known
#: size 30.0% / 6.1%; 0.9 / 0.5 / known size 28.5% / 6.0% (0.85 kept: 22 more recovered for 2 more wrong).
CUED_MIN_MATCH = 0.85
CUED_MIN_MARGIN = 0.5


def cued_fuzzy(sp: Span, top: Scored, idx: int, focus: Focus, margin: float) -> bool:
    """Return True if a fuzzy winner of a weak span with a place cue is clear enough to keep.

    Args:
        sp: the span.
        top: its winner.
        idx: the span's index among the document's spans.
        focus: the document focus.
        margin: the winner's score margin over the runner-up.
    """
    if top.match < CUED_MIN_MATCH or margin < CUED_MIN_MARGIN or not fuzzy_in_focus(sp, top, idx, focus):
        return False
    return top.place.pop > 0 or focus.names_region(top.place.a1, idx, sp.sent) > 0


def lone_prominent(top: Scored, idx: int, focus: Focus, margin: float) -> bool:
    """Return True if a fuzzy winner of a text with no other place is a prominent town clearly ahead.

    Args:
        top: the winner.
        idx: the span's index among the document's spans.
        focus: the document focus (it must hold no other place's vote).
        margin: the winner's score margin over the runner-up.
    """
    return (not focus.has_other(idx) and top.place.feature in ("city", "village") and top.place.pop >= LONE_MIN_POP
            and top.match >= LONE_MIN_MATCH and margin >= LONE_MIN_MARGIN)


def fuzzy_in_focus(sp: Span, top: Scored, idx: int, focus: Focus) -> bool:
    """Return True if a fuzzy winner of a place-labelled span lies where the rest of the document is.

    A garble ("Bahmudt") is written for a place of the story's own country and region; a surname
    the NER model called a place ("Altom", "Pawlenty") folds onto some namesake anywhere.
    """
    if focus.country_share(top.place.cc, idx) < FUZZY_PLACE_MIN_COUNTRY_SHARE:
        return False
    return (focus.region_share(top.place.a1, idx) >= FUZZY_PLACE_MIN_REGION_SHARE
            or near_bonus(top.place, sp.sent, idx, focus) >= FUZZY_PLACE_MIN_NEAR
            or (top.match >= FUZZY_NAMED_COUNTRY_MIN_MATCH
                and focus.names_country(top.place.cc, idx, sp.sent) >= W_NAMED_COUNTRY_SENTENCE))
