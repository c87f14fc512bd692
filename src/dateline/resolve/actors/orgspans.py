"""Propose organisation spans that NER misses: lowercase head nouns with their modifiers.

The small English model tags "the Russian Defense Ministry" ORG but not "Moscow's defence
ministry", "the defence ministry" or "Ukraine's armed forces".  Working from ``Parse``
tokens, this finds an organisation head noun (ministry, army, forces, general staff, ...)
and takes the modifiers to its left that depend on it — compounds and adjectives
("defence", "armed") — plus one "of X" complement ("ministry of defence").  A determiner
or a possessive ends the span.  ``with_country_possessive`` then takes a country's (or its
capital's) possessive into this or any NER organisation mention ("Ukraine's air force", "Moscow's
defence ministry"), as NER takes it into "Russia's Defense Ministry": the mention says whose body
it is, and the linker reads the country from it.

The spans are proposals: the linking stage keeps one only when it matches a KB
organisation or an organisation already named in the article.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.model import Mention, Parse, Token
from dateline.resolve.actors.names import country_of

LABEL = "ORG_HEAD"
#: Head nouns (lowercase) that make a noun phrase an organisation.
HEAD_WORDS = frozenset("""
ministry ministries army armies forces force military navy staff service services guard guards police command
intelligence directorate government administration agency council marines militia
""".split())
#: Heads too generic to stand alone: they need a modifier ("security service", "general staff").
NEEDS_MODIFIER = frozenset({"staff", "service", "services", "command", "government", "administration", "force",
                            "agency", "council", "guard", "guards", "intelligence", "directorate"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "case", "nmod", "npadvmod"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_NER_ORG = frozenset({"ORG", "PERSON"})


def _depends_on(parse: Parse, t: Token, lo: int, head: int) -> bool:
    """Return True when ``t``'s chain of heads reaches token ``head`` without leaving [lo, head]."""
    seen = 0
    while seen < 6:
        if t.head == head:
            return True
        if not lo <= t.head <= head or t.head == t.i:
            return False
        t = parse.tokens[t.head]
        seen += 1
    return False


def _left_edge(parse: Parse, head: Token, first: int) -> int:
    """Return the first token of the modifiers to the left of ``head`` (``first`` = sentence start)."""
    lo = i = head.i
    while i - 1 >= first:
        t = parse.tokens[i - 1]
        if t.text in _POSSESSIVE:
            break  # a possessive ends the modifiers; a country's is taken in by with_country_possessive
        if t.pos in ("DET", "PUNCT", "ADP", "VERB", "AUX", "PRON", "NUM") or t.dep not in _MODIFIER_DEPS:
            break
        if not _depends_on(parse, t, i - 1, head.i):
            break
        lo = i = i - 1
    return lo


def _right_edge(parse: Parse, head: Token, last: int) -> int:
    """Extend over one "of X" complement when X is a country, a capitalised word or "defence"-like noun."""
    i = head.i + 1
    if i + 1 < last and parse.tokens[i].text.lower() == "of" and parse.tokens[i].head == head.i:
        j = i + 1
        if parse.tokens[j].text.lower() == "the" and j + 1 < last:
            j += 1
        x = parse.tokens[j]
        if x.pos in ("NOUN", "PROPN") and (country_of(x.text) or x.text[:1].isupper() or x.text.lower() in _OF_WORDS):
            return j
    return head.i


_OF_WORDS = frozenset({"defence", "defense", "justice", "interior", "health", "finance", "energy", "affairs", "state"})


def propose_org_spans(text: str, parse: Parse) -> list[Mention]:
    """Return organisation spans around head nouns that no ORG/PERSON mention covers.

    Args:
        text: the article text.
        parse: tokens (with dependencies), sentences and NER mentions.

    Returns:
        Mentions labelled ``ORG_HEAD``, in text order.
    """
    # a one-word PERSON that is a country word is a mislabelled demonym ("Azerbaijani defence ministry")
    taken = [(m.start, m.end) for m in parse.mentions
             if m.label in _NER_ORG and not (m.label == "PERSON" and " " not in m.text and country_of(m.text))]
    out: list[Mention] = []
    for t in parse.tokens:
        if t.text.lower() not in HEAD_WORDS or t.pos not in ("NOUN", "PROPN") or t.dep in ("compound", "amod"):
            continue
        sent = parse.sentences[t.sent]
        lo = _left_edge(parse, t, sent.first_token)
        hi = _right_edge(parse, t, sent.last_token)
        if lo == hi and t.text.lower() in NEEDS_MODIFIER:
            continue
        start, end = parse.tokens[lo].start, parse.tokens[hi].end
        if any(s < end and start < e for s, e in taken) or (out and out[-1].end > start):
            continue
        out.append(Mention(text=text[start:end], start=start, end=end, label=LABEL, sent=t.sent,
                           stage="resolve.actors.v1"))
    return out


_OWNER_BEFORE = re.compile(r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)['’]s $")


def with_country_possessive(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return the organisation mentions with a country's possessive right before them taken in ("Romania's" +
    "defence ministry" NER tagged alone): the span then says whose body it is, as NER's own "Russia's Defense Ministry"."""
    out = []
    reach: dict[int, int] = {}
    for m in mentions:
        reach[m.start] = max(reach.get(m.start, 0), m.end)
    for m in mentions:
        g = _OWNER_BEFORE.search(text, max(0, m.start - 40), m.start) if m.label in ("ORG", LABEL) else None
        # not where another proposal already opens with the possessive ("Ukraine's Armed Forces" of "... General Staff")
        if g is not None and g.end() == m.start and country_of(g.group(1)) and reach.get(g.start(), 0) <= g.end(1):
            m = replace(m, text=text[g.start():m.end], start=g.start())
        out.append(m)
    return out
