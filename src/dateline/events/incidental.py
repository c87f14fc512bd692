"""Tell a sentence that mentions an event class in passing from one that reports a happening.

Five kinds of sentence name a class's cue words but give an analyst nothing to code:

* **Backstory in a relative clause** (:func:`backstory`): the trigger sits in a relative clause in the
  past perfect ("two children, whose parents had been jailed in X as spies, were handed over"): the
  clause describes a participant's past, and, undated, it is no happening of the story.
* **Description** (:func:`descriptive`): what a weapon can do ("the missile has a range of 500 km"),
  where a place lies ("X lies 30 km from the front line and is shelled daily"), or what happens
  habitually ("is hit repeatedly").  Only undated and without a toll: "X, which lies on the river, was
  shelled on Monday, killing two" stays an event.
* **A cumulative tally** (:data:`CUMULATIVE`), undated: "6,000 civilians have been killed since the coup".
* **People captured** (:func:`captured_people`): "captured a fourth attacker", "soldiers ... had been captured"
  names no territory changing hands (a capture of territory is the codebook's; of people, part of a battle).
* **An agreement named, not made** (:func:`named_agreement`): the only agreement cue is a definite noun
  ("clearing the way for the deal", "since Moscow quit the grain deal", "said the agreement would
  help"): the sentence refers to an agreement the story has told or that happened long ago; the ACLED
  codebook's agreement event is the signing or reaching of one ("agreed", "signed", "a swap").
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.events.casualties import count_casualties
from dateline.events.places import Where
from dateline.events.roles import subordinate_clause
from dateline.model import DateMention

#: What a weapon can do, where a place lies, or what happens as a rule.
_DESCRIPTION = re.compile(
    r"\b(?:ha(?:s|ve) a (?:\w+ )?range|(?:range|reach) of (?:up to |about |some |around )?\d|capable of|"
    r"can (?:carry|reach|fly|travel|hit|strike|glide|fire|deliver)|"
    r"(?:lies|lie|sits|is located|is situated|borders)\b|"
    r"within (?:\w+ )?range of|daily|every day|(?:a|per) day(?! (?:after|before|later|earlier))|regularly|"
    r"repeatedly|routinely|frequently|a regular target|constant target|since the (?:start|beginning) of)\b",
    re.I,
)
#: A tally over a long span ("since the coup", "since the war began", "since 2022", "so far this year"):
#: the sum of many happenings, none of which an analyst can code from it.
CUMULATIVE = re.compile(r"\bsince (?:the )?(?:start|beginning|outbreak|war|invasion|conflict|coup|full-scale)\b|"
                        r"\bsince (?:19|20)\d\d\b|\bso far this (?:year|month)\b|\bthis year\b|\bin total\b", re.I)
#: A definite mention of an agreement: "the deal", "the Black Sea grain deal", "this accord".
_DEFINITE = re.compile(r"\b(?:the|this|that|its|their|a previous|an earlier)\s+(?:[\w.’'-]+\s+){0,5}?"
                       r"(?:deal|agreement|accord|truce|memorandum|pact)s?\b", re.I)
_NOUNS = frozenset({"deal", "deals", "agreement", "agreements", "accord", "truce", "memorandum", "pact"})

_CAPTIVES = (r"(?:soldiers?|troops|servicem[ae]n|fighters|militants?|attackers?|gunm[ae]n|assailants?|prisoners|pilots?|"
             r"mercenaries|officers?|commanders?|crew|sailors|marines)")
_CAPTURED_PEOPLE = re.compile(
    rf"\bcaptur\w*\s+(?:(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|dozens of|several|many)\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?{_CAPTIVES}\b|"
    rf"\b{_CAPTIVES}\s+(?:[\w-]+\s+){{0,5}}?(?:had been|have been|has been|were|was|being)\s+captured\b|"
    r"\bcaptured (?:a|the) (?:first|second|third|fourth|fifth|sixth|last)\b"
    # ... unless ground follows: "captured the last military outpost in the town of X"
    r"(?!\s+(?:[\w-]+\s+)?(?:outposts?|positions?|strongholds?|villages?|towns?|city|cities|bases?|checkpoints?|"
    r"districts?|settlements?|bastions?|garrisons?|hills?|heights|bridgeheads?|airports?|airfields?))", re.I)


def captured_people(text: str) -> bool:
    """Return True if the sentence's capture is of people ("captured a fourth", "soldiers were captured")."""
    return bool(_CAPTURED_PEOPLE.search(text))


def backstory(where: Where, pos: int) -> bool:
    """Return True if the trigger at ``pos`` sits in a past-perfect relative clause ("whose parents had been jailed").

    Args:
        where: the parse (no parse: False).
        pos: the trigger's article offset.
    Returns:
        True for a trigger inside a relative clause whose verb has the auxiliary "had".
    """
    if where.parse is None or not where.parse.tokens:
        return False
    tok = where.token_at(pos)
    clause = subordinate_clause(where.parse, where.tokens, pos, tok) if tok is not None else None
    if clause is None or clause.dep != "relcl":
        return False
    near = (where.tokens.get(j) for j in range(clause.i - 4, clause.i))
    return any(t is not None and t.head == clause.i and t.dep in ("aux", "auxpass") and t.text.lower() == "had"
               for t in near)


def _toll(text: str) -> bool:
    cas = count_casualties(text)
    return cas.killed is not None or cas.injured is not None


#: A relative pronoun right before a position verb: "the plant, which sits 35 km south of X" places a
#: name in passing; the sentence's own verb may still report a happening.
_RELATIVE_BEFORE = re.compile(r"(?:,\s*|\b)(?:which|that|where\s+it)\s+$", re.I)
_POSITION = frozenset({"lies", "lie", "sits", "is located", "is situated", "borders"})


def descriptive(text: str) -> bool:
    """Return True if the sentence describes a weapon, a place's position or a habit, and gives no toll.

    A position verb in a relative clause ("the plant, which sits 35 km south of Kharkiv") describes a name
    of the sentence, not the sentence: it alone does not make the sentence descriptive.
    """
    for m in _DESCRIPTION.finditer(text):
        if m.group(0).lower() in _POSITION and _RELATIVE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        return not _toll(text)
    return False


def named_agreement(code: str, evidence: tuple[str, ...], text: str) -> bool:
    """Return True if an AGREEMENT sentence's only cues are definite agreement nouns ("the deal").

    Args:
        code: the sentence's class code.
        evidence: the cue texts that voted for it.
        text: the sentence.
    Returns:
        True when every cue is an agreement noun and every such noun in the sentence is definite.
    """
    if code != "AGREEMENT" or not evidence or any(e.lower() not in _NOUNS for e in evidence):
        return False
    nouns = re.findall(r"\b(?:deals?|agreements?|accord|truce|memorandum|pacts?)\b", text, re.I)
    return len(_DEFINITE.findall(text)) >= len(nouns)


#: A happening years before the news, named to compare: "The kidnapping comes a decade after Boko Haram abducted
#: 276 schoolgirls", "two years after militants stormed the town".
_YEARS_AFTER = re.compile(r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|several|many)\s+"
                          r"(?:decades?|years?)|a\s+decade|decades|years)\s+(?:after|since)\s+", re.I)


_COMES = re.compile(r"\b(?:comes?|came|coming)\s+$", re.I)


def years_before(text: str, pos: int) -> bool:
    """Return True if the trigger at ``pos`` (an offset in ``text``) follows "a decade after" / "two years after",
    or the sentence compares the news with such a happening ("The kidnapping comes a decade after ...")."""
    for m in _YEARS_AFTER.finditer(text):
        if m.end() <= pos and not re.search(r"[.;,]", text[m.end():pos]):  # inside the "after" clause
            return True
        if _COMES.search(text, 0, m.start()):
            return True
    return False


def incidental(text: str, code: str, evidence: tuple[str, ...], where: Where, pos: int, dated: bool) -> bool:
    """Return True if the sentence names its class in passing (see the module docstring).

    Args:
        text: the sentence.
        code: its class code.
        evidence: the cue texts of that class.
        where: the parse.
        pos: the trigger's article offset.
        dated: whether the sentence gives the event its own date.
    Returns:
        True when the sentence should yield no event.
    """
    if named_agreement(code, evidence, text) or (CUMULATIVE.search(text) and not dated and _toll(text)):
        return True
    return not dated and (backstory(where, pos) or descriptive(text))


def tally_start(text: str, date: DateMention, offset: int) -> bool:
    """True when the date opens a cumulative tally's span ("killed since the war began [in October last year]")."""
    m = CUMULATIVE.search(text)
    return m is not None and 0 <= date.start - offset - m.end() <= TALLY_DATE_GAP


#: Most characters between "since the war began" and the date that says when it began.
TALLY_DATE_GAP = 20


def long_past(date: DateMention, published: dt.date | None, days: int) -> bool:
    """Return True if a date too coarse to date an event ("in 2016") ends more than ``days`` before publication.

    Args:
        date: the event's own date mention.
        published: the publication date.
        days: the background horizon (see ``extract.BACKGROUND_DAYS``).
    Returns:
        True for a background happening ("Aleppo was retaken ... in 2016").
    """
    end = date.end_value or date.value
    if published is None or not end:
        return False
    try:
        return (published - dt.date.fromisoformat(end[:10])).days > days
    except ValueError:
        return False
