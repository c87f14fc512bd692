"""Name-like spans for place resolution: cleaning, region words, sub-spans of ORG names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from dateline.model import Mention, Parse
from dateline.nlp.spans import KICKER_WORDS, TIME_ZONES, trim_span
from dateline.resolve.gazetteer.abbrev import press_abbreviation

#: Label of a legislator's home town in the US party-affiliation convention ("Sen. Robert Ford, D-Charleston").
PARTY_HOME_LABEL = "PARTY_HOME"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "DATELINE", PARTY_HOME_LABEL})
_PARTY_HOME = re.compile(r"(?<=[\s(,])(?:D|R|I|DFL|GOP|Dem|Rep)-(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=[,;)])")
#: Label of the place named by a story's dateline ("CORSICANA —", "KYIV, Ukraine (AP) —", "BEIRUT: ").
DATELINE_LABEL = "DATELINE"
#: Datelines are looked for in this many leading characters (a headline may come first).
DATELINE_WINDOW = 400
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?:]\s))\s*(?P<place>[A-Z][A-Z.'\-]{2,}(?:\s[A-Z][A-Z.'\-]+){0,3})"
    r"(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?\s*(?:\([A-Za-z .]+\)\s*)?(?:[\u2014\u2013-]{1,2}|:)\s")
OTHER_LABELS = frozenset({"PERSON", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
#: Untagged proper-noun runs (the nlp stage proposes them; ``propn_runs`` finds them in bare parses).
PROPN_LABEL = "PROPN"
#: Words after a name that say which kind of unit it names ("the Kharkiv region").
REGION_WORDS = {
    "region": "region", "regions": "region", "oblast": "region", "province": "region", "state": "region",
    "district": "district", "districts": "district", "raion": "district", "rayon": "district",
    "county": "district", "parish": "district", "hromada": "district", "community": "district",
    "river": "river",
}
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
#: Words right after a name that make it the name of a town's own office or school ("Athens City
#: Council", "Jordan Elementary School", "Dublin Police Department", "Kyiv Mayor"): the name is a town.
_TOWN_OFFICE = re.compile(
    r"\s+(?:(?:City|Town|Village|Borough|Township)\s+(?:Public\s+)?(?:Council|Hall|Manager|Commission|Board|Clerk|Attorney"
    r"|Administrator|Schools?|Library|Limits)|Elementary|Middle\s+School|High\s+School|Junior\s+High|Public\s+(?:Library|Schools)"
    r"|Police\s+(?:Department|Dept|Chief)|Fire\s+(?:Department|Dept|Chief)|Mayor|Board\s+of\s+(?:Selectmen|Aldermen)"
    r"|Selectmen|Aldermen|Village\s+Board)\b")
#: Person nouns right after a name ("a Lebanon woman", "the Jordan resident"): English names a country's
#: people by its demonym ("a Lebanese woman"), so such a name is a town or region.
_PERSON_NOUN = re.compile(r"\s+(?:residents?|man|woman|men|women|couple|teen|teenager|boy|girl|native|natives)\b")


@dataclass(frozen=True)
class Span:
    """A name-like stretch of text to resolve, with what the text around it says."""

    start: int
    end: int
    text: str
    label: str  # NER label, "PROPN" (untagged proper-noun run) or "GOLD"
    sent: int
    unit: str | None = None  # "region" | "district" when followed by a region word
    town_office: bool = False  # followed by a town's office or school ("City Council", "Elementary")
    person_noun: bool = False  # followed by a person noun ("a Lebanon woman"): not a country, which takes its demonym

    @property
    def queries(self) -> tuple[str, ...]:
        """Return the names to look up, most specific first."""
        if self.unit:
            return (f"{self.text} {self.unit}", self.text)
        return (self.text,)


def clean(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Strip a leading "the", a trailing possessive and edge punctuation from a span (as nlp does)."""
    s, e = trim_span(text, 0, len(text))
    s += len(text[s:e]) - len(text[s:e].lstrip())
    e -= len(text[s:e]) - len(text[s:e].rstrip(" !?"))
    return text[s:e], start + s, start + e


def region_word(text: str, end: int) -> str | None:
    """Return the unit kind named by the word right after ``end`` ("region", "district"), if any."""
    m = _NEXT_WORD.match(text, end)
    return REGION_WORDS.get(m.group(1).lower()) if m else None


#: Lower-case place nouns NER may take into a name's span ("spelled the district Sinelnykove", ORG): the name
#: starts after them.
_LEAD_PLACE_NOUN = re.compile(r"^(?:(?:district|town|city|village|region|oblast|province|raion|settlement|hamlet"
                              r"|municipality|county|port|suburb|commune|governorate)\s+)+(?=[A-Z])")


_CLOCK_BEFORE = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?\s*|hrs?\s*)?$", re.IGNORECASE)


def time_zone_after_clock(text: str, start: int, name: str) -> bool:
    """Return True if ``name`` is a time-zone abbreviation written after a clock time ("09:20 EEST")."""
    return name in TIME_ZONES and _CLOCK_BEFORE.search(text, max(0, start - 16), start) is not None


#: The Arabic article written in lower case before a capitalised name ("al-Qusayr", "el-Obeid", "ash-Shaddadi"): one
#: word only ("al-Madinah al-Munawwarah" is a transliterated epithet, not a name of its own in running text).
_ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|ash|an|az|at|ed|er|es|et)[-‑][A-Z]")


def make_span(text: str, start: int, end: int, label: str, sent: int) -> Span | None:
    """Build a cleaned span (None if nothing name-like is left)."""
    s, a, b = clean(text[start:end], start, end)
    if time_zone_after_clock(text, a, s):
        return None
    if (lead := _LEAD_PLACE_NOUN.match(s)) is not None:  # "the district X": the name is X
        s, a = s[lead.end():], a + lead.end()
    if len(s) < 2 or not (s[:1].isupper() or _ARTICLE_PREFIX.match(s) and " " not in s):
        return None
    unit = None
    words = s.split()
    if len(words) > 1 and words[-1].lower() in REGION_WORDS:
        unit = REGION_WORDS[words[-1].lower()]
    else:
        unit = region_word(text, b)
    return Span(a, b, s, label, sent, unit, town_office(text, b), _PERSON_NOUN.match(text, b) is not None)


def town_office(text: str, end: int) -> bool:
    """Return True if the words right after ``end`` name a town's office or school ("City Council")."""
    return _TOWN_OFFICE.match(text, end) is not None


def with_stop(text: str, sp: Span) -> Span:
    """Return a place-labelled span with the full stop of a press abbreviation ("Ga." is Georgia, "Ga" anything).

    Only whole NER place spans (and given gold spans) take it; the abbreviation inside a longer name ("S.C.
    Highway Patrol") is left to the sub-span rules.
    """
    if ((sp.label in PLACE_LABELS or sp.label == "GOLD") and text[sp.end:sp.end + 1] == "."
            and press_abbreviation(sp.text + ".") is not None):
        return replace(sp, text=sp.text + ".", end=sp.end + 1)
    return sp


#: Words right after a name that say it is a place: a site named after its town ("the Nevatim air base",
#: "the Attari border crossing") or a sentence placing it ("Rylsk lies 30 km from the border").
_PLACE_AFTER = re.compile(
    r"^(?:\s+(?:air\s*base|airbase|airfield|airport|border\s+crossing|crossing\s+point|checkpoint|railway\s+station|corridor)"
    r"|(?:\s+|,\s+which\s+)(?:lies|lay|sits|is\s+located|is\s+situated)\s+(?:about\s+|some\s+|roughly\s+|just\s+)?"
    r"(?:\d|a\s+few|on\s+the|near|along|north|south|east|west|in\s+the))"
    # "Kramatorsk, about 80 kilometers (50 miles) north of Donetsk, ...": a distance from a place
    r"|,\s+(?:about\s+|some\s+|roughly\s+|around\s+|just\s+)?\d[\d,.]*\s*(?:km|kilometers|kilometres|miles)\b"
    r"(?:\s*\([^)]{1,30}\))?\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|from)\s"
    # "Velmora, a village of 300 people": an appositive settlement noun
    r"|,\s+(?:a|the)\s+(?:(?:small|tiny|large|remote|frontline|front-line|border|mountain|fishing|farming|mining|"
    r"coastal|riverside|nearby|neighbouring|neighboring|industrial|eastern|western|northern|southern)\s+){0,2}"
    r"(?:village|town|city|hamlet|settlement|township|port\s+city|port\s+town)\b", re.I)


def place_word_after(text: str, end: int) -> bool:
    """Return True if the words right after a name make it a place ("X air base", "X lies 30 km from ...")."""
    return _PLACE_AFTER.match(text[end:end + 60]) is not None


def propn_runs(parse: Parse, covered: list[tuple[int, int]]) -> Iterable[tuple[int, int, int]]:
    """Yield (start, end, sentence) of proper-noun token runs that no mention covers."""
    run: list = []
    for tok in (*parse.tokens, None):
        if tok is not None and tok.pos == "PROPN" and tok.text[:1].isupper() and not tok.is_quote:
            if not run or (run[-1].i == tok.i - 1 and run[-1].sent == tok.sent):
                run.append(tok)
                continue
        if run:
            a, b = run[0].start, run[-1].end
            if not any(s < b and a < e for s, e in covered):
                yield a, b, run[0].sent
        run = [tok] if tok is not None and tok.pos == "PROPN" and tok.text[:1].isupper() else []


#: Person titles and office words that end a proper-noun run standing right before a person's
#: name ("Mayor", "Chiefland Police Chief", "Judge"): trimmed off; the rest may still be a place.
PERSON_TITLES = frozenset({
    "mayor", "judge", "justice", "sheriff", "officer", "deputy", "trooper", "detective", "chief", "president",
    "director", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "professor", "coach", "rev", "rev.",
    "reverend", "father", "pastor", "minister", "secretary", "general", "gen", "gen.", "col", "col.", "maj",
    "maj.", "sgt", "sgt.", "cpl", "pvt", "captain", "capt", "capt.", "lieutenant", "lt", "lt.", "agent",
    "investigator", "inspector", "constable", "chairman", "chairwoman", "chair", "ceo", "executive", "vice",
    "sen", "sen.", "senator", "rep", "rep.", "representative", "gov", "gov.", "governor", "commissioner",
    "councilman", "councilwoman", "superintendent", "principal", "attorney", "prosecutor", "clerk", "coroner",
    "manager", "spokesman", "spokeswoman", "king", "queen", "prince", "princess", "sir", "lady", "lord",
    "bishop", "cardinal", "imam", "rabbi", "sheikh", "police", "fire", "department", "office", "council",
    "board", "school", "city", "town", "assistant", "associate", "interim", "acting", "former", "state",
})


def _before(text: str, end: int, starts: set[int]) -> bool:
    """Return True if one of ``starts`` follows ``end`` after nothing but spaces."""
    i = end
    while i < len(text) and text[i] == " ":
        i += 1
    return i > end and i in starts


def _untitled_end(text: str, start: int, end: int) -> int:
    """Return the end of a run before a person's name once its trailing titles are cut (``start`` if nothing is left).

    A run with no title at its end is part of the name itself (a given name) and is dropped.
    """
    words = list(re.finditer(r"\S+", text[start:end]))
    n = len(words)
    while n and words[n - 1].group().lower() in PERSON_TITLES:
        n -= 1
    return start if n in (0, len(words)) else start + words[n - 1].end()


#: Plural settlement words that announce a list of places ("the towns of A and B"), which NER may tag as one name.
_PLACES_BEFORE = re.compile(r"\b(?:(?:towns|villages|cities|settlements|hamlets|communities)\s+(?:of\s+)?|"
                            r"(?:around|near|outside|between)\s+)$", re.I)  # "fighting around Velmora and Tarsk"
_PAIR = re.compile(r"^(?P<a>[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)*) and (?P<b>[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)*)$")


#: "from Velmora in Tarsk Oblast" tagged as one name: a town and the region it lies in.
_NESTED = re.compile(r"^(?P<a>[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)?) in (?P<b>[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)?)$")
_NESTED_BEFORE = re.compile(r"\b(?:from|in|near|of|to|into)\s+$", re.I)


def coordinated_places(text: str, sp: Span) -> list[Span]:
    """Return the two names of a non-place span "A and B" after "the towns of" or "around", or "A in B" after a
    preposition of place, else the span itself.

    "water rose in the towns of Aleshki and Hola Prystan": the NER model's one ORG span holds two towns; "who is
    from Velmora in Tarsk Oblast", tagged a work of art, a town and its region.
    """
    m = _PAIR.match(sp.text) if sp.label not in PLACE_LABELS else None
    if m is None or not _PLACES_BEFORE.search(text[max(0, sp.start - 30):sp.start]):
        m = _NESTED.match(sp.text) if sp.label not in PLACE_LABELS else None
        if m is None or not _NESTED_BEFORE.search(text[max(0, sp.start - 12):sp.start]):
            return [sp]
    parts = [make_span(text, sp.start + m.start(g), sp.start + m.end(g), sp.label, sp.sent) for g in ("a", "b")]
    return [x for x in parts if x is not None] or [sp]


#: A capitalised word with an apostrophe inside (a hamza or soft sign of a transliteration): "Sana'a", "Mar'inka".
_INNER_APOSTROPHE = re.compile(r"[A-Z][a-z]+['’][a-z]+")


#: Words a one-word DATE span may truly be: months, weekdays, seasons, feasts and relative days.
_DATE_WORDS = re.compile(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|"
                         r"tonight|yesterday|tomorrow|spring|summer|autumn|fall|winter|christmas|easter|ramadan|eid|"
                         r"hanukkah|passover|diwali|nowruz|new|midnight|noon|dawn|dusk|weekend)")
#: Prepositions of place before a one-word name ("In Baniyas, ..." tagged DATE).
_PLACE_PREPOSITION = re.compile(r"(?i)\b(?:in|at|near|outside|from|to|into|toward|towards)\s+$")


def _name_tagged_date(text: str, m: Mention) -> bool:
    """True for a one-word capitalised name the model tagged DATE after a preposition of place ("In Baniyas,")."""
    w = m.text
    return (" " not in w and w[:1].isupper() and w[1:].islower() and w.isalpha() and len(w) > 3
            and not _DATE_WORDS.match(w) and bool(_PLACE_PREPOSITION.search(text, max(0, m.start - 12), m.start)))


#: The rest of a hyphenated name joined by a lowercase particle ("-des-Marais", "-upon-Avon", "-sur-Mer").
_PARTICLE_CHAIN = re.compile(r"(?:-[a-zà-ÿ]{1,4}-[A-ZÀ-Ý][\w'’]*)+(?:-[A-ZÀ-Ý][\w'’]*)*")


def spans_of(text: str, parse: Parse) -> list[Span]:
    """Return every name-like span of a parsed article, in text order."""
    out: list[Span] = []
    mentions: list[Mention] = [m for m in parse.mentions if m.label in PLACE_LABELS | OTHER_LABELS | {PROPN_LABEL}]
    mentions += [Mention(m.text, m.start, m.end, PROPN_LABEL, m.sent, m.stage) for m in parse.mentions
                 if m.label == "DATE" and _name_tagged_date(text, m)]
    person_starts = {m.start for m in parse.mentions if m.label == "PERSON"}
    extended: list[tuple[int, int]] = []
    for m in mentions:
        if any(a <= m.start and m.end <= b for a, b in extended):
            continue  # the tail of a hyphenated name already joined to its head
        start, end = m.start, m.end
        if m.label == "PERSON" and not_a_person(m.text):
            m = Mention(m.text, m.start, m.end, "ORG", m.sent, m.stage)
        if m.label == PROPN_LABEL and _before(text, end, person_starts):
            end = _untitled_end(text, start, end)  # "Mayor" of "Mayor Dennis Walaker" is no place
        if (chain := _PARTICLE_CHAIN.match(text, end)) is not None:
            end = chain.end()  # "Velle" + "-des-Marais": the tagger cut a hyphenated name at its particle
            extended.append((m.end, end))
        sp = make_span(text, start, end, m.label, m.sent) if end > start else None
        if sp is not None:
            out.extend(with_stop(text, s) for s in coordinated_places(text, sp))
    for m in _PARTY_HOME.finditer(text):
        a, b = m.span("place")
        out = [s for s in out if not (s.start < b and a < s.end)]  # NER's "R-Marshall" PERSON
        sent = next((i for i, st in enumerate(parse.sentences) if st.start <= a < st.end), sentence_index(text, a))
        out.append(Span(a, b, m.group("place"), PARTY_HOME_LABEL, sent))
    covered = [(m.start, m.end) for m in parse.mentions]
    for a, b, sent in propn_runs(parse, covered):
        sp = make_span(text, a, b, "PROPN", sent)
        if sp is not None:
            out.append(sp)
    for tok in parse.tokens:  # "Sake lies 25 km west of Goma": a capitalised word the tagger read as a noun
        noun = tok.pos == "NOUN" and tok.text[1:].islower() and place_word_after(text, tok.end)
        # "who control Sana'a": a transliterated name with an inner apostrophe, which the tagger may read as anything
        inner = tok.pos not in ("PROPN", "PRON", "AUX", "VERB") and _INNER_APOSTROPHE.fullmatch(tok.text) is not None
        if ((noun or inner) and tok.text[:1].isupper() and len(tok.text) > 2
                and not any(s < tok.end and tok.start < e for s, e in covered)):
            sp = make_span(text, tok.start, tok.end, "PROPN", tok.sent)
            if sp is not None:
                out.append(sp)
    out.sort(key=lambda s: (s.start, s.end))
    return out


#: Words that name no place on their own at the head of an organisation's name ("North Fulton
#: Regional Hospital" is not in a region called North); a sub-span may not end with one.
GENERIC_HEADS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "upper", "lower", "greater", "new", "old", "first", "second", "third",
    "united", "national", "international", "american", "university", "college", "region", "regional", "union",
    "valley", "saint", "st", "st.", "mount", "mt", "mt.", "fort", "ft", "ft.", "lake", "port", "san", "santa", "el",
    "la", "los", "las", "le", "de", "del",
})


#: Words before a place name that narrow it to a part ("Northeast Georgia", "South Los Angeles",
#: "Historic Dublin"): the name after them is looked up when the whole has no match.
PART_QUALIFIERS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
    "upper", "lower", "greater", "metropolitan", "metro", "downtown", "uptown", "historic", "old", "upstate",
    "downstate", "inner", "outer", "rural", "suburban", "coastal", "mid", "far", "deep",
})
_HYPHEN_PARTS = re.compile(r"[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*)*")


def _part_spans(text: str, sp: Span) -> list[Span]:
    """Return the name after a leading qualifier word, and the parts of a hyphenated pair ("Fargo-Moorhead")."""
    out = []
    first, _, rest = sp.text.partition(" ")
    if rest and first.lower().rstrip(".") in PART_QUALIFIERS:
        tail = make_span(text, sp.end - len(rest), sp.end, sp.label, sp.sent)
        out += [tail, *_leading_runs(text, tail)] if tail is not None else []
    if re.search(r"[a-z.]-[A-Z]", sp.text):
        out += [make_span(text, sp.start + m.start(), sp.start + m.end(), sp.label, sp.sent)
                for m in _HYPHEN_PARTS.finditer(sp.text)]
    return [s for s in out if s is not None]


#: Words after a place name inside a PERSON span that make the name a place ("Fargo Mayor Dennis
#: Walaker", "Alachua County Sheriff ...", "Jordan Elementary School"); any other word after a
#: leading name is a surname, and the name a given name ("Chad Walker", "Michael Mangini").
ROLE_WORDS = frozenset({
    "mayor", "police", "sheriff", "sheriff's", "sheriff’s", "fire", "chief", "deputy", "county", "parish", "city",
    "town", "village", "township", "council", "councilman", "councilwoman", "commissioner", "commissioners",
    "commission", "attorney", "attorney's", "commonwealth's", "commonwealth’s", "clerk", "judge", "court", "coroner",
    "spokesman", "spokeswoman", "officer", "officers", "department", "superintendent", "school", "schools",
    "elementary", "middle", "high", "academy", "station", "hospital", "library", "park", "district", "board",
    "treasurer", "auditor", "administrator", "manager", "selectman", "alderman", "aldermen", "trooper",
    "detective", "sgt", "sgt.", "lt", "lt.", "capt", "capt.", "gov", "gov.", "governor", "sen", "sen.", "senator",
    "rep", "rep.", "representative", "delegate", "assemblyman", "assemblywoman", "prosecutor", "warden",
})


#: Last words that make an NER "person" a unit, building or street named after a place
#: ("Glen Carbon Elementary", "Avondale Estates", "Avondale Mayor").
NON_PERSON_TAILS = frozenset({
    "estates", "heights", "road", "street", "avenue", "drive", "lane", "boulevard", "highway", "parkway",
    "center", "centre", "hall", "parks", "recreation", "township", "borough",
})


def not_a_person(text: str) -> bool:
    """Return True if a PERSON span ends with a role, office or facility word (it names no person)."""
    words = text.split()
    return len(words) > 1 and words[-1].lower().strip(",") in ROLE_WORDS | NON_PERSON_TAILS


def _role_follows(next_word: str, last: str) -> bool:
    """Return True if the word after a leading name in a PERSON span says the name is a place."""
    return next_word.lower().strip(",") in ROLE_WORDS or last.lower() in REGION_WORDS


_LOCATIVE = re.compile(r"\s(?:in|at|near|from)\s+(?:the\s+)?(?=[A-Z])")
_OF = re.compile(r"\sof\s+(?:the\s+)?(?=[A-Z])")


def _tail(text: str, sp: Span, pattern: re.Pattern[str]) -> list[Span]:
    """Return the name after the first match of ``pattern`` in a span, then that name's own parts."""
    m = pattern.search(sp.text)
    tail = make_span(text, sp.start + m.end(), sp.end, sp.label, sp.sent) if m else None
    return [tail, *sub_spans(text, tail, nested=False)] if tail is not None else []


def _leading_runs(text: str, sp: Span) -> list[Span]:
    """Return the span's leading word runs, longest first ("Guernsey County" of "Guernsey County Sheriff's Office")."""
    words = list(re.finditer(r"\S+", sp.text))
    out = []
    for n in range(len(words) - 1, 0, -1):
        last = words[n - 1].group()
        if last.lower() in GENERIC_HEADS | PART_QUALIFIERS or not last[:1].isupper():  # "North", "First Bank of"
            continue
        if sp.label == "PERSON" and not _role_follows(words[n].group(), last):  # "Chad" of "Chad Walker"
            continue
        s = make_span(text, sp.start, sp.start + words[n - 1].end(), sp.label, sp.sent)
        if s is not None:
            out.append(s)
    return out


def sub_spans(text: str, sp: Span, *, nested: bool = True) -> list[Span]:
    """Return candidate toponyms inside a name-like span, most likely first.

    The name after "in"/"at"/"near"/"from" (an NER span run on: "Lutheran School in Lombard"),
    the leading word runs, the name after a qualifier ("Northeast Georgia"), the parts of a
    hyphenated pair, and the name after "of" ("United Way of Metropolitan Atlanta").

    Args:
        nested: also look inside the names after "in"/"of" (one level).
    """
    out = _tail(text, sp, _LOCATIVE) if nested else []
    # The whole name's leading runs before the name after a qualifier: "West Virginia" of "West
    # Virginia Lottery Commission" is a state, not a part of Virginia.
    out += _leading_runs(text, sp)
    out += _part_spans(text, sp)
    if nested:
        out += _tail(text, sp, _OF)
    return out


#: Speaker labels of a transcript ("HOST:", "REPORTER:"): the role speaks, no place ("Host" is also a Khost alias).
TRANSCRIPT_ROLES = frozenset("""host anchor presenter reporter correspondent moderator interviewer narrator announcer
    caller guest interpreter translator""".split())


def dateline_span(text: str) -> Span | None:
    """Return the place of an all-capitals dateline near the top ("CORSICANA —"), if any."""
    m = _DATELINE.search(text[:DATELINE_WINDOW])
    if not m:
        return None
    a, b = m.span("place")
    if text[a:b].lower() in KICKER_WORDS | TRANSCRIPT_ROLES:
        return None  # "EXPLAINED: ..." opens a headline, "HOST: ..." a transcript's line
    return make_span(text, a, b, DATELINE_LABEL, sentence_index(text, a))


def sentence_index(text: str, offset: int) -> int:
    """Return a rough sentence number for ``offset`` (for text without a parse)."""
    return len(re.findall(r"[.!?]\s+[A-Z\"\u201c]", text[:offset]))


#: Label of a place at the head of an organisation's name whose rest is an institution
#: ("Gainesville" of "Gainesville Police Department"): a nested place mention, the organisation keeps its own.
ORG_HEAD_LABEL = "ORG_HEAD"
#: Last words (before any "of"/"for") that make the rest of an organisation's name a local institution
#: ("Police Department", "Town Council", "Independent School District", "Chamber of Commerce"); a
#: company or paper ("Texas Instruments", "Boston Globe", "Jackson Hewitt") ends otherwise.
INSTITUTION_NOUNS = frozenset({
    "police", "sheriff", "sheriff's", "sheriff’s", "department", "dept", "dept.", "office", "council", "commission",
    "commissioners", "committee", "board", "district", "school", "schools", "hospital", "library", "zoo",
    "airport", "court", "jail", "chamber", "authority", "agency", "clinic", "academy", "patrol", "squad",
    "government", "administration", "selectmen", "aldermen", "fire", "rescue", "ems", "utilities", "museum",
})
_OF_FOR = re.compile(r"\s(?:of|for)\s", re.IGNORECASE)


def institution_rest(rest: str) -> bool:
    """Return True if the words after a place name in an organisation's name name a local institution.

    Args:
        rest: the organisation's name after the place ("Police Department", "Chamber of Commerce").
    """
    words = _OF_FOR.split(rest.strip(), maxsplit=1)[0].split()
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words) and words[-1].lower() in INSTITUTION_NOUNS
