"""Roles from titles and appositions around a name.

"Russian Defense Ministry spokesman Igor Konashenkov" -> role "spokesman", organisation
"Defense Ministry", country RU; "the Ukrainian governor of Kharkiv, Ole X" -> role
"governor", organisation "Kharkiv", country UA; "X, head of the Russian-appointed local
administration" -> role "head", organisation "Russian-appointed local administration".
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.model import Parse, Token
from dateline.resolve.actors.names import country_of

#: Head words of titles and positions (lowercase).
TITLE_WORDS = frozenset("""
president vice-president premier chancellor minister secretary spokesman spokeswoman spokesperson governor mayor
head chief commander general colonel lieutenant major admiral marshal leader director ambassador envoy adviser
advisor aide official deputy speaker lawmaker senator analyst founder king queen prince ombudsman prosecutor
chairman chairwoman chair correspondent reporter journalist officer captain sergeant representative delegate
""".split())
#: Head words that make a phrase an organisation.
ORG_WORDS = frozenset("""
ministry department office service army forces force navy command council committee agency administration
institute government cabinet parliament assembly guard police staff headquarters company group union bank
""".split())
_STOP_BACK = {"the", "a", "an"}
MAX_APPOSITION_TOKENS = 14  # longer comma phrases are rarely appositions (seen on the seed and GUM news)


@dataclass(frozen=True)
class RoleInfo:
    """A role parsed next to a name, with its character span."""

    title: str | None
    organisation: str | None
    country: str | None
    start: int
    end: int
    source: str  # "title" | "apposition-after" | "apposition-before"


def _words_to_role(text: str, toks: list[Token], source: str) -> RoleInfo | None:
    """Split a title phrase into (title, organisation, country)."""
    if not toks:
        return None
    country = None
    for t in toks:
        c = country_of(t.text) or country_of(t.text.split("-")[0])
        if c:
            country = c
            break
    title_i = max((i for i, t in enumerate(toks) if t.text.lower() in TITLE_WORDS), default=None)
    if title_i is None:
        return None
    # capitalised modifiers right before the title belong to it ("Foreign Minister", "Defense Minister")
    first = title_i
    while first > 0 and toks[first - 1].text[:1].isupper() and not country_of(toks[first - 1].text) \
            and toks[first - 1].text.lower() not in ORG_WORDS and _org_start(toks[:first]) is None:
        first -= 1
    last = title_i
    if last + 2 < len(toks) and toks[last + 1].text == "of" and toks[last + 2].text[:1].isupper():
        last += 2  # "Secretary of State"
    title = text[toks[first].start:toks[last].end]
    org = _organisation(text, toks, first, last)
    return RoleInfo(title, org, country, toks[0].start, toks[-1].end, source)


def _org_start(toks: list[Token]) -> int | None:
    """Return the index of an organisation head word among ``toks`` (the last one)."""
    return max((i for i, t in enumerate(toks) if t.text.lower() in ORG_WORDS), default=None)


def _organisation(text: str, toks: list[Token], first: int, last: int) -> str | None:
    """Return the organisation named before the title or after "of/for" following it."""
    head = _org_start(toks[:first])
    if head is not None:
        lo = head
        while lo > 0 and toks[lo - 1].text[:1].isupper() and not country_of(toks[lo - 1].text):
            lo -= 1
        return text[toks[lo].start:toks[head].end]
    rest = toks[last + 1:]
    if len(rest) >= 2 and rest[0].text in ("of", "for", "at"):
        body = rest[1:]
        while body and body[0].text in ("the", "a"):
            body = body[1:]
        if body:
            return text[body[0].start:body[-1].end]
    return None


def _before(parse: Parse, sent_first: int, idx: int) -> list[Token]:
    """Return the title words right before token ``idx`` (capitalised words, title words, "of")."""
    out: list[Token] = []
    i = idx - 1
    while i >= sent_first:
        t = parse.tokens[i]
        low = t.text.lower()
        if t.text in ("’s", "'s") or low == "of" or t.text[:1].isupper() or low in TITLE_WORDS:
            if low in _STOP_BACK or (t.text[:1].isupper() and t.pos not in ("PROPN", "ADJ", "NOUN")):
                break
            out.insert(0, t)
            i -= 1
            continue
        break
    while out and out[0].text in ("of", "’s", "'s"):
        out.pop(0)
    return out


def _clause(parse: Parse, lo: int, hi: int, step: int) -> list[Token]:
    """Collect the comma-delimited phrase from token ``lo`` going ``step`` (+1/-1) within [.., hi)."""
    out: list[Token] = []
    i = lo
    while (i < hi if step > 0 else i >= hi) and len(out) < MAX_APPOSITION_TOKENS:
        t = parse.tokens[i]
        if t.text in (",", ".", ";", ":", "—", "–", "(", ")", "“", "”", '"'):
            break
        out.append(t)
        i += step
    return out if step > 0 else out[::-1]


def roles_near(text: str, parse: Parse, start: int, end: int) -> list[RoleInfo]:
    """Return the roles stated next to the name at ``[start, end)``."""
    idx = [t.i for t in parse.tokens if t.start >= start and t.end <= end]
    if not idx:
        return []
    first, last = idx[0], idx[-1]
    sent = parse.sentences[parse.tokens[first].sent]
    found: list[RoleInfo] = []
    pre = _words_to_role(text, _before(parse, sent.first_token, first), "title")
    if pre:
        found.append(pre)
    nxt = last + 1
    if nxt < sent.last_token and parse.tokens[nxt].text == ",":
        after = _clause(parse, nxt + 1, sent.last_token, 1)
        while after and after[0].text.lower() in ("a", "an", "the"):
            after = after[1:]
        role = _words_to_role(text, after, "apposition-after")
        if role:
            found.append(role)
    prev = first - 1
    if prev >= sent.first_token and parse.tokens[prev].text == ",":
        before = _clause(parse, prev - 1, sent.first_token, -1)
        role = _words_to_role(text, before, "apposition-before")
        if role:
            found.append(role)
    return found
