"""Propose capitalised organisation names that NER splits into pieces.

The small English model often tags a long body's name in fragments: "UN Interim Lebanon
Force" gives "UN" (ORG) and "Lebanon" (GPE); "the Strategic Communications Center of
Ukraine's Armed Forces" gives only "Armed Forces".  This module finds runs of capitalised
words joined by the small words of official names ("of", "for", "and", "in", "the", a
possessive) that contain an organisation head noun ("Force", "Mission", "Center", ...), and
proposes the run and its prefixes that end on such a head noun; a run that holds an NER
organisation span and more words ("Red Crescent of Palestine") is proposed whole.

The runs are proposals (label ``ORG_RUN``): the linker keeps one only when it links to a KB
organisation, and then the NER pieces inside it give way to it (``orglink``).
"""

from __future__ import annotations

import re

from dateline.model import Mention, Parse, Token

LABEL = "ORG_RUN"
#: Capitalised head nouns of organisation names (lowercased).
RUN_HEADS = frozenset("""
force forces mission center centre council service services directorate office observatory committee commission
agency command operations corps guard guards ministry army police administration staff front brigade battalion
regiment division institute organization organisation authority bureau department tribunal assembly movement
headquarters group railways railway airlines company corporation society union party league network
community alliance coalition federation confederation association bloc partnership
""".split())
#: Lower-case heads that complete a military formation named after a place or a river ("the Khortytsia
#: group of forces", "Tavria operational-strategic group"): proposed over an NER name right before them.
_FORMATION_TAIL = re.compile(
    r"\s+((?:operational[- ]strategic\s+|operational[- ]tactical\s+|operational\s+|tactical\s+)?group"
    r"(?:\s+of\s+(?:forces|troops))?|(?:separate\s+)?(?:brigade|battalion|regiment))\b")
#: Small words that may join the capitalised words of one name ("Institute for the Study of War").
JOINERS = frozenset({"of", "for", "and", "in", "on", "the", "'s", "’s", "&"})
#: Capitalised words that do not start a name (dates, sentence-initial articles).
_NOT_NAME = frozenset("""
the a an monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december on in at by for and but
""".split())
#: Longest run considered, in tokens.
MAX_RUN_TOKENS = 12


def _capital(t: Token) -> bool:
    return t.text[:1].isupper() and t.pos in ("PROPN", "NOUN", "ADJ", "VERB") and t.text.lower() not in _NOT_NAME


def _runs(parse: Parse) -> list[tuple[int, int]]:
    """Return (first, last) token indices of capitalised runs, joiners inside only."""
    out, toks, i = [], parse.tokens, 0
    while i < len(toks):
        if not _capital(toks[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1].sent == toks[i].sent and j + 1 - i < MAX_RUN_TOKENS:
            k = j + 1
            while k < len(toks) and toks[k].text.lower() in JOINERS and toks[k].sent == toks[i].sent and k - j <= 2:
                k += 1
            if k < len(toks) and toks[k].sent == toks[i].sent and _capital(toks[k]) and k - i < MAX_RUN_TOKENS:
                j = k
            else:
                break
        out.append((_trim_head(parse, i, j), j))
        i = j + 1
    return out


def _trim_head(parse: Parse, i: int, j: int) -> int:
    """Drop a leading common noun and its joiners ("Commanders of the Korean People's Army").

    A leading organisation head noun stays: "Railways of Russia" is a name, head first.
    """
    toks = parse.tokens
    while i < j and toks[i].pos == "NOUN" and toks[i + 1].text.lower() in JOINERS and toks[i].text.lower() not in RUN_HEADS:
        i += 1
        while i < j and toks[i].text.lower() in JOINERS:
            i += 1
    return i


def propose_org_runs(text: str, parse: Parse) -> list[Mention]:
    """Return capitalised runs holding an organisation head noun, and their prefixes ending on one.

    A run or prefix equal to an NER ORG span is not proposed again; one with fewer than two
    capitalised words is not proposed.

    Args:
        text: the article text.
        parse: tokens (with sentences) and NER mentions.
    """
    ner = {(m.start, m.end) for m in parse.mentions if m.label == "ORG"}
    out: list[Mention] = []
    for first, last in _runs(parse):
        toks = parse.tokens[first:last + 1]
        ends = [t.i for t in toks if t.text.lower() in RUN_HEADS and t.text[:1].isupper()]
        lo, hi = toks[0].start, toks[-1].end
        if any(lo <= a and b <= hi and (a, b) != (lo, hi) for a, b in ner):
            ends.append(last)  # an NER name with more of the name around it ("Red Crescent of Palestine")
        if not ends:
            continue
        for end in sorted({*ends, last}, reverse=True):
            words = [t for t in parse.tokens[first:end + 1] if _capital(t)]
            start, stop = parse.tokens[first].start, parse.tokens[end].end
            if len(words) < 2 or (start, stop) in ner:
                continue
            out.append(Mention(text=text[start:stop], start=start, end=stop, label=LABEL,
                               sent=parse.tokens[first].sent, stage="resolve.actors.v1"))
    for m in parse.mentions:  # "Khortytsia" (ORG) + "group of forces"
        tail = _FORMATION_TAIL.match(text, m.end) if m.label in ("ORG", "GPE", "LOC", "PERSON", "NORP") else None
        if tail is not None and " " not in m.text.strip():
            out.append(Mention(text=text[m.start:tail.end()], start=m.start, end=tail.end(), label=LABEL,
                               sent=m.sent, stage="resolve.actors.v1"))
    return out
