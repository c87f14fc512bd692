"""Who acted and who was acted on, in a German, Ukrainian or Russian event sentence read without a parser.

The English stage splits a sentence's groups at the trigger: before it the actors, after it
the targets.  Ukrainian, Russian and German order their words more freely, but mark the
roles on the words themselves, so each group mention (an organisation or a national group
of the sentence, :mod:`dateline.resolve.actors.lexgroups`) is read in this order:

1. a *source* is no side: the organisation a speech verb follows or precedes ("Генштаб ЗСУ
   повідомив про обстріли", "за даними Минобороны", "teilte die Armee mit") or a quote's speaker;
2. a preposition before it, or before the noun it follows ("по позиціях ЗСУ"): against/onto
   (проти, по, на, против, gegen, auf) make a target, by (з боку, со стороны, von, durch) an actor;
3. the case of its adjective or noun: nominative (the subject: "російські війська обстріляли")
   and instrumental (the agent of a passive: "знищено російськими військами") make an actor,
   dative and accusative singular a target; a genitive right after the trigger noun is its
   doer ("наступ російських військ", "Angriffe russischer Truppen");
4. otherwise the English rule: before the trigger an actor, after it a target.
"""

from __future__ import annotations

import re

from dateline.claims.lexquotes import SPEECH_VERBS
from dateline.model import Entity, Quote

#: Prepositions (the word right before a group) that make it the target or the actor.
TARGET_PREPS = {"uk": {"проти", "по", "на"}, "ru": {"против", "по", "на"}, "de": {"gegen", "auf"}}
AGENT_PREPS = {"uk": {"боку"}, "ru": {"стороны"}, "de": {"von", "vom", "durch"}}
#: Case endings of the group's first word (adjective or people noun), longest first: (ending, case).
CASE_ENDINGS = {
    "uk": (("ими", "ins"), ("ою", "ins"), ("ого", "gen"), ("ої", "gen"), ("их", "gen"), ("ому", "dat"), ("им", "dat"),
           ("ій", "dat"), ("ий", "nom"), ("ни", "nom"), ("ці", "nom"), ("у", "acc"), ("і", "nom"), ("а", "nom")),
    "ru": (("ыми", "ins"), ("ими", "ins"), ("ого", "gen"), ("их", "gen"), ("ых", "gen"), ("ому", "dat"), ("им", "dat"),
           ("ым", "dat"), ("ие", "nom"), ("ые", "nom"), ("ий", "nom"), ("ый", "nom"), ("ая", "nom"), ("не", "nom"),
           ("цы", "nom"), ("ую", "acc")),
}
#: Words before a source ("за словами", "по данным", "laut", "nach Angaben"): the group reports, it does not act.
SOURCE_BEFORE = {
    "uk": r"(?:за (?:словами|даними|інформацією)|як (?:повідоми\w*|заяви\w*)|згідно з даними)\s+$",
    "ru": r"(?:по (?:словам|данным|информации)|как (?:сообщил\w*|заявил\w*)|согласно данным)\s+$",
    "de": r"(?:laut|nach angaben (?:von|des|der)|zufolge|wie)\s+(?:der |die |das |dem |des )?$",
}
#: Words between a group and its speech verb ("Генштаб ЗСУ у четвер повідомив"): at most this many.
#: Set by judgement from news phrasing, not tuned.
SOURCE_GAP_WORDS = 3
#: Words after the trigger within which a genitive group is the trigger noun's doer ("відходу російських військ").
GENITIVE_GAP_WORDS = 1


def _prev_words(text: str, start: int) -> list[str]:
    """Return the two words before ``start``, nearest first, as written."""
    return re.findall(r"\w+", text[max(0, start - 50):start])[-2:][::-1]


def _is_source(text: str, lang: str, start: int, end: int) -> bool:
    """Return True if the group at [start, end) is the one reporting (a speech verb next to it, "laut X")."""
    verb = rf"(?<!\w)(?:{SPEECH_VERBS[lang]}|mit)(?!\w)" if lang == "de" else rf"(?<!\w)(?:{SPEECH_VERBS[lang]})(?!\w)"
    after = text[end:end + 80]
    m = re.search(verb, after, re.I)
    if m and len(after[:m.start()].split()) <= SOURCE_GAP_WORDS and not re.search(r"[.,;:«»„“]", after[:m.start()]):
        return lang != "de" or m.group(0).lower() != "mit" or bool(re.search(r"teilte\w*\s*$", text[max(0, start - 40):start]))
    before = text[max(0, start - 60):start]
    if re.search(SOURCE_BEFORE[lang], before, re.I):
        return True
    return bool(re.search(rf"(?:{SPEECH_VERBS[lang]})\s+(?:\w+\s+)?$", before, re.I)) and bool(
        re.search(r",\s*(?:\w+\s+){0,2}$", text[max(0, start - 60):start]))  # "…, заявило Минобороны"


def _case(lang: str, mention: str) -> str | None:
    first = mention.split()[0].lower()
    for end, case in CASE_ENDINGS.get(lang, ()):
        if first.endswith(end):
            return case
    return None


def _side(text: str, lang: str, start: int, end: int, trigger: tuple[int, int]) -> str:
    """Return "actor" or "target" for the group mention at [start, end) (offsets in ``text``)."""
    if start <= trigger[0] < end or (end <= trigger[0] and not text[end:trigger[0]].strip()):
        return "actor"  # "російські обстріли", "die russischen Angriffe": the adjective names the attacker
    words = _prev_words(text, start)
    prev = words[0].lower() if words else ""
    if prev in TARGET_PREPS.get(lang, ()):
        return "target"
    if len(words) == 2 and words[0].islower() and words[1].lower() in TARGET_PREPS.get(lang, ()):
        return "target"  # "по позиціях ЗСУ", "auf Stellungen der Armee": the group owns what is struck
    if prev in AGENT_PREPS.get(lang, ()):
        return "actor"
    case = _case(lang, text[start:end])
    if case in ("nom", "ins"):
        return "actor"
    if case in ("dat", "acc"):
        return "target"
    if case == "gen" and trigger[1] <= start and len(text[trigger[1]:start].split()) <= GENITIVE_GAP_WORDS:
        return "actor"
    return "actor" if start < trigger[0] else "target"


def event_sides(text: str, lang: str, start: int, end: int, trigger: tuple[int, int], entities: tuple[Entity, ...],
                quotes: tuple[Quote, ...] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (actor ids, target ids) of the groups mentioned in text[start:end] around a trigger.

    Args:
        text: the article's text.
        lang: "uk", "ru" or "de".
        start: the sentence's start; ``end``: its end.
        trigger: the deciding trigger word's (start, end) in the article.
        entities: the article's entities; organisations and national groups (norp) are the sides.
        quotes: the article's quotes; their speakers are sources, not sides.
    """
    speakers = {(q.speaker.start, q.speaker.end) for q in quotes if q.speaker is not None}
    actors: list[str] = []
    targets: list[str] = []
    for e in entities:
        if e.kind not in ("org", "norp"):
            continue
        for m in e.mentions:
            if not (start <= m.start < end) or (m.start, m.end) in speakers or _is_source(text, lang, m.start, m.end):
                continue
            side = actors if _side(text, lang, m.start, m.end, trigger) == "actor" else targets
            if e.id not in side:
                side.append(e.id)
    return tuple(actors), tuple(t for t in targets if t not in actors)
