"""Count the killed and injured that a sentence reports.

Handles "two people were killed and two were wounded", "a 62-year-old woman was
killed" (one: the age is an adjective, not a count), "five civilians were
hospitalized" (injured), "killing 17 people and wounding dozens", digits with
separators, number words and qualifiers ("at least", "more than").  A sentence that
says "civilians were killed" without a number gives ``None``, not zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "a hundred": 100,
}
#: Vague plurals get a conservative floor, as conflict datasets code them (ACLED's
#: convention for "dozens" is 12); "several" and "many" stay unknown.
VAGUE_COUNTS = {"dozens": 12, "scores": 20, "hundreds": 100, "a dozen": 12, "two dozen": 24}

_NUM = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|"
    r"four|five|six|seven|eight|nine)|a hundred|two dozen|a dozen|dozens|scores|hundreds|"
    + "|".join(sorted((k for k in _UNITS if " " not in k), key=len, reverse=True))
    + r")"
)
#: Words before a four-digit number that make it a year ("in 2020", "March 2020", "since 2014").
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|of|by|until|during)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
                          r"[a-z]*\.?)\s+$", re.I)
#: "at the very least" and "no fewer than" are what spinning tools and translators make of "at least".
_QUAL = (r"(?P<qual>at least |at the very least |no fewer than |more than |over |nearly |almost |about |around |some "
         r"|up to |as many as )?")
_KILL = (r"killed|dead|died|slain|lost their lives|were confirmed dead|massacred|executed|murdered|slaughtered|"
         r"gunned down|shot dead|beheaded")
_HURT = r"wounded|injured|hurt|hospitali[sz]ed|taken to hospital"
#: Words that end the victim phrase: event nouns (also plural) and function words.  A possessive
#: ("four of its soldiers", "two of their children") stays inside it.
_NOT_VICTIM = (
    r"(?!(?:(?:attack|strike|shelling|bomb|blast|explosion|missile|rocket|day|week|year|time)s?|that|said|says|in|"
    r"on|at|and|or|by|after|when|who|which|as|from|with|to|he|she|they|it|were|was|had|have|has)\b)"
)
_GAP = rf"(?:{_NOT_VICTIM}[\w’'-]+ ){{0,8}}?"
#: "seven people, including two medics, were killed": an appositive between the victims and the verb.
_APPOS = r"(?:[\w’'-]+, (?:including|among them|most of them|many of them|all of them) [^,;.]{1,50}, )?"
_AUX = r"(?:(?:were|was|have been|has been|had been|are|is|got) )?(?:reportedly |also |later |seriously |critically )?"

#: "two people were killed", "a 62-year-old woman was killed", "five civilians were hospitalized".
#: "25 of the dead were tourists": a part of a toll already given, not a toll.
_SUBSET = r"(?!of (?:the|those|them) (?:dead|killed|victims|wounded|injured|casualties)\b)"
_PASSIVE = re.compile(rf"\b{_QUAL}{_NUM}\b (?!-){_SUBSET}{_GAP}{_APPOS}{_AUX}(?P<verb>{_KILL}|{_HURT})\b", re.I)
#: "a 71-year-old man and two women were killed": coordinated victims share one verb; their counts add up.
_COORD = re.compile(
    rf"\b{_QUAL}{_NUM}\b (?!-){_GAP}and {_NUM.replace('?P<num>', '?P<num2>')}\b (?!-){_GAP}"
    rf"(?:were|have been|had been|are) (?:reportedly |also |later )?(?P<verb>{_KILL}|{_HURT})\b",
    re.I,
)
_PERSON = (r"(?:man|woman|boy|girl|child|baby|teenager|civilian|soldier|brother|sister|son|daughter|mother|father|"
           r"husband|wife|grandmother|grandfather|driver|farmer|resident|pensioner|neighbou?r)")
#: "an eight-year-old girl and her 14-year-old brother were killed": two people, no number.
_PAIR = re.compile(
    rf"\b(?:a|an|one|the) (?:[\w-]+-year-old |elderly |young )?{_PERSON} and (?:her|his|their|a|an|the|one) "
    rf"(?:[\w-]+-year-old |elderly |young )?{_PERSON} (?:were|have been|had been) (?:reportedly |also )?"
    rf"(?P<verb>{_KILL}|{_HURT})\b",
    re.I,
)
#: "killing 17 people", "wounding dozens", "killed two civilians", "left five dead"; the present of headlines and
#: timelines too ("Strike kills five, wounds 18").
_ACTIVE = re.compile(
    rf"\b(?P<verb>killing|killed|kills|wounding|wounded|wounds|injuring|injured|injures)\s+(?:(?:his|her|their) )?{_QUAL}{_NUM}\b(?! ?-)(?! (?:years?|days?|times?)\b)",
    re.I,
)

_VICTIMS = (r"(?:people|persons|individuals|civilians|villagers|residents|men|women|children|worshippers|farmers|"
            r"miners|passengers|soldiers|troops|policemen|police officers|prisoners|captives|hostages|students|"
            r"pilgrims|tourists|fishermen|herders|displaced people|refugees|members|fighters|militants|"
            r"brothers|sisters|siblings|sons|daughters|relatives|cousins)")
#: "massacred dozens of residents", "executed 30 men", "shot dead 15 farmers": verbs that kill only
#: people, but also take non-victim objects ("executed 30 strikes"), so a victim noun must follow.
_ACTIVE_VICTIMS = re.compile(
    rf"\b(?P<verb>massacr\w+|execut\w+|murder\w*|slaughter\w*|gunn\w+ down|shot dead|shooting dead|behead\w+)\s+"
    rf"{_QUAL}{_NUM}\b (?:of (?:the )?)?(?:[\w-]+ ){{0,2}}?{_VICTIMS}\b",
    re.I,
)

#: "The brothers, Adam Roe, 21, and Ben Roe, 19, from the nearby village, were killed": victims named in an
#: apposition to a plural person noun count one each.
_NAME = r"[A-Z][\w’'-]+(?: (?:al-|el-|bin |ibn |de |van )?[A-Z][\w’'-]+){0,3}(?:, \d{1,3})?"
_NAMED_VICTIMS = re.compile(
    rf"\b(?:[Tt]he|[Bb]oth|[Tt]wo|[Tt]hree|[Ff]our) (?:[\w-]+ )?(?:{_VICTIMS}|victims|dead), "
    rf"(?P<names>{_NAME}(?:, {_NAME})*,? and {_NAME}),(?: [^,;.]{{1,80}},)? (?:were|have been|had been) "
    rf"(?:reportedly |also |later |both )?(?P<verb>{_KILL}|{_HURT})\b"
)


#: "killing one police officer and wounding another": one more victim of the kind just counted; a degree adverb
#: may stand before the verb ("and seriously injuring another").
_ANOTHER = re.compile(
    rf"\b{_QUAL}{_NUM}\b[^.;:]{{0,60}}? and (?:(?:critically|seriously|severely|badly|gravely|fatally|lightly) )?"
    r"(?P<verb>killing|killed|wounding|wounded|injuring|injured) another\b"
    r"(?: (?P<more>\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozen)\b)?(?! (?:of|to|in|on)\b)", re.I)


#: "wounded his wife", "killing her son": a possessive + one singular person noun is a count of one.
_ACTIVE_KIN = re.compile(
    rf"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured)\s+(?:his|her|their)\s+"
    rf"(?:[\w-]+-year-old |elderly |young |teenage |infant )?{_PERSON}\b",
    re.I,
)


#: "killed a man", "wounding a soldier": an article + one of these nouns is a count of one.
_ONE_PERSON = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(man|woman|boy|girl|child|baby|teenager|civilian|soldier|serviceman|policeman|"
    r"policewoman|officer|farmer|journalist|worker|driver|resident|villager|student|fighter|militant|person|"
    r"pensioner|doctor|nurse|guard|passenger|shepherd|teacher)\b",
    re.I,
)

#: One named or singular person: "the governor, Peter X, was killed", "His son was wounded", "She was killed".
_ROLE = (r"(?:[Hh]e|[Ss]he|governor|commander|general|mayor|official|leader|chief|minister|spokes(?:wo)?man|"
         r"journalist|photographer|reporter|colonel|major|captain|lieutenant|sergeant|priest|imam|activist|"
         rf"medic|paramedic|volunteer|{_PERSON[3:-1]})")
_SINGLE = re.compile(
    rf"\b(?P<subj>(?:the |his |her |their |its )?{_ROLE}(?: of (?:the )?(?:[\w’'-]+ ){{0,2}}[\w’'-]+)?"
    rf"|(?<![.!?] )(?<!^)[A-Z][a-z][\w’'-]+)(?:,| \([^)]*\),|, \d{{1,3}},)? "
    rf"(?:was|has been|had been) (?:reportedly |also |later |fatally |seriously |critically |badly )?"
    r"(?P<verb>killed|shot dead|wounded|injured|hurt)\b"
)
#: "the death toll rose to 31", "the number of injured climbed to 40": a (revised) total, also after a long
#: "from ..." phrase naming the strike ("The death toll from a missile strike that tore through a block in X rose to 30").
_TOLL = re.compile(
    rf"\b(?:(?P<kill>death toll|toll|number of (?:the )?(?:dead|deaths|people killed|those killed|fatalities))|"
    rf"(?P<hurt>number of (?:the )?(?:injured|wounded|people (?:injured|wounded)|those (?:injured|wounded))))"
    rf"(?: (?:from|in|after) [^.;:!?\"“”]{{1,150}}?)?(?: (?:has|had|have))?(?: now| later| since| also)?"
    rf" (?:rose|risen|climbed|increased|jumped|reached|stood at|stands at|is now|was raised) (?:to )?{_QUAL}{_NUM}\b(?! ?-)",
    re.I,
)
#: Capitalised words that are not a person standing as the subject of "was killed".
_NOT_ONE = frozenset({"nobody", "noone", "none", "everyone", "everybody", "someone", "somebody", "anyone", "anybody",
                      "it", "this", "that", "what", "who", "which", "there"})


#: A negation right before the number word ("no one", "not one", "not a single").
_NEGATED = re.compile(r"\b(?:no|not|never)(?: a single| one| a| any)?\s+$", re.I)


@dataclass(frozen=True)
class Count:
    """One casualty phrase: its kind ("killed" or "injured"), number and span in the text."""

    kind: str
    n: int
    start: int
    end: int


@dataclass(frozen=True)
class Casualties:
    killed: int | None
    injured: int | None
    spans: tuple[tuple[int, int], ...] = ()
    parts: tuple[Count, ...] = ()


def _value(num: str) -> int | None:
    s = num.lower()
    if s.replace(",", "").isdigit():
        return int(s.replace(",", ""))
    if s in VAGUE_COUNTS:
        return VAGUE_COUNTS[s]
    if "-" in s:
        tens, _, unit = s.partition("-")
        return _UNITS.get(tens, 0) + _UNITS.get(unit, 0)
    return _UNITS.get(s)


def count_casualties(text: str) -> Casualties:
    """Return the killed and injured counts reported in ``text`` (None when not given).

    Args:
        text: one sentence or clause.
    Returns:
        Casualties with the summed counts of distinct phrases, their spans and the
        phrases one by one (``parts``, so a caller can tie each count to its place).
    """
    spans: list[tuple[int, int]] = []
    parts: list[Count] = []
    for m in _PAIR.finditer(text):
        spans.append((m.start(), m.end()))
        parts.append(Count("killed" if re.match(_KILL, m.group("verb"), re.I) else "injured", 2, m.start(), m.end()))
    for m in _NAMED_VICTIMS.finditer(text):
        names = [x for x in re.split(r",? and |, ", m.group("names")) if not x.isdigit()]
        spans.append((m.start(), m.end()))
        parts.append(Count("killed" if re.match(_KILL, m.group("verb"), re.I) else "injured", len(names), m.start(), m.end()))
    for rx in (_COORD, _PASSIVE, _ACTIVE, _ACTIVE_VICTIMS):
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            n = _value(m.group("num"))
            if n is None or _NEGATED.search(text, 0, m.start("num")):
                continue  # "no one had been killed", "not one soldier was hurt": a stated zero, not a toll
            if _YEAR_BEFORE.search(text, 0, m.start("num")) and re.fullmatch(r"(?:19|20)\d\d", m.group("num")):
                continue  # "In March 2020 gunmen killed ...": the year, not a toll
            if rx is _COORD:
                n2 = _value(m.group("num2"))
                if n2 is None or not all(_victim_count_ok(m, g) for g in ("num", "num2")):
                    continue
                n += n2
            if rx is not _COORD and m.group("num").lower() in ("a", "an") and not _counts_one(rx is _ACTIVE, m, text):
                continue  # "a Russian missile attack killed ..." is not a count of one
            spans.append((m.start(), m.end()))
            kind = ("killed" if rx is _ACTIVE_VICTIMS or re.match(_KILL, m.group("verb"), re.I)
                    or m.group("verb").lower().startswith("kill") else "injured")
            parts.append(Count(kind, n, m.start(), m.end()))
    for m in _ANOTHER.finditer(text):
        a = m.start("verb")
        if not any(s < m.end() and a < e for s, e in spans):
            spans.append((a, m.end()))
            n = _value(m.group("more")) if m.group("more") else 1
            if n:
                parts.append(Count("killed" if m.group("verb").lower().startswith("kill") else "injured", n, a, m.end()))
    for m in _ACTIVE_KIN.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in spans):
            spans.append((m.start(), m.end()))
            parts.append(Count("killed" if m.group("verb").lower().startswith("kill") else "injured", 1, m.start(), m.end()))
    for m in _TOLL.finditer(text):
        n = _value(m.group("num"))
        if n is None or any(s < m.end() and m.start() < e for s, e in spans):
            continue
        spans.append((m.start(), m.end()))
        parts.append(Count("killed" if m.group("kill") else "injured", n, m.start(), m.end()))
    for m in _SINGLE.finditer(text):
        if m.group("subj").split()[-1].lower() in _NOT_ONE or any(s < m.end() and m.start() < e for s, e in spans):
            continue
        if _NEGATED.search(text, 0, m.start("subj")) or _NEGATED.match(m.group("subj")):
            continue  # "not one soldier was wounded"
        spans.append((m.start(), m.end()))
        parts.append(Count("killed" if m.group("verb") in ("killed", "shot dead") else "injured", 1, m.start(), m.end()))
    parts.sort(key=lambda c: c.start)
    killed = sum(c.n for c in parts if c.kind == "killed") if any(c.kind == "killed" for c in parts) else None
    injured = sum(c.n for c in parts if c.kind == "injured") if any(c.kind == "injured" for c in parts) else None
    return Casualties(killed, injured, tuple(sorted(spans)), tuple(parts))


def _counts_one(active: bool, m: re.Match[str], text: str) -> bool:
    """Return True if "a"/"an" in this match counts one victim."""
    if active:  # "killed a man": the article must introduce a person
        return bool(_ONE_PERSON.match(text, m.end()))
    return bool(re.search(r"\b(was|is|has been|had been)\b", m.group(0)))  # "a 62-year-old woman was killed"


def _victim_count_ok(m: re.Match[str], group: str) -> bool:
    """In a coordination, "a"/"an" counts one only when it introduces a person noun."""
    if m.group(group).lower() not in ("a", "an"):
        return True
    return bool(_ONE_PERSON.match(m.string, m.end(group)))
