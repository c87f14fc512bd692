"""Read a place mention's role in its clause from the dependency parse.

A place name in a war story is not always a location.  "Moscow accused Kyiv of ..." and
"Kyiv has captured 2,500 square kilometres" use capitals as *actors* (metonyms for
governments); "a hub captured by Russia" names the captor.  A place is a *location* of
the event when it is governed by a locative preposition ("in", "near", "from", "into",
"outside", "the city of X"), is followed by "region"/"district", or is the patient of a
non-speech verb ("troops recaptured Kupiansk", "shelling hit Kharkiv").

Roles, best first for choosing an event's place:

* ``LOCATIVE`` (0): locative argument or patient of a physical verb;
* ``OTHER`` (1): anything the rules do not recognise (no parse: everything is OTHER);
* ``ACTOR`` (2): subject of a speech / accusation / capture / decision verb, object of
  a speech or accusation verb ("urged Kyiv", "accused Moscow"), the agent of a passive
  ("captured by Russia"), or a possessor of a non-place noun ("Moscow's decision").
  An actor mention is never used as an event's place.

Also here: :func:`background_clause`, whether a trigger sits in a relative or
participial clause about the past ("a railway hub captured by Russia in February").
"""

from __future__ import annotations

from dateline.model import Parse, Token

LOCATIVE, OTHER, ACTOR = 0, 1, 2

_LOC_PREPS = frozenset(
    "in near around from to at outside into inside across toward towards onto through throughout "
    "within beyond behind along past over under".split()
)
#: Nouns that make "of" locative: "the city of X", "south of X", "outskirts of X", and the
#: nouns of fighting over a place ("control of X", "the fall of X", "the siege of X").
_PLACE_NOUNS = frozenset(
    "city town village settlement hamlet region district area province oblast raion county suburb suburbs "
    "outskirts outskirt vicinity centre center port capital north south east west northeast northwest "
    "southeast southwest part parts edge direction environs territory control capture fall siege liberation "
    "recapture shelling bombardment defence defense battle encirclement airport airfield harbour harbor "
    "station neighbourhood neighborhood quarter camp".split()
)
#: Verbs whose subject is an agent (a government when the subject is a capital or country).
_AGENT_VERBS = frozenset(
    "say tell announce claim accuse blame deny decide capture seize take cut send order demand warn urge "
    "agree refuse reject insist respond retaliate threaten promise launch declare recognize recognise annex "
    "sign condemn call want plan admit confirm report estimate offer ask suggest insist vow pledge "
    "acknowledge allege argue believe expect hope insist request impose sanction supply provide begin start "
    "resume press pursue wage intensify escalate step use fire attack strike target shell bomb deploy mount stage "
    "bombard".split()
)
#: Verbs whose object is an addressee or accused party, not a location.
_ADDRESSEE_VERBS = frozenset(
    "accuse blame urge warn tell criticize criticise condemn thank call ask pressure sanction support help "
    "back praise fault push press invite allow lobby".split()
)
_FLAT = frozenset(("compound", "appos", "conj", "amod", "nmod", "flat", "cc"))


def token_index(parse: Parse) -> dict[int, Token]:
    """Return the parse's tokens by index."""
    return {t.i: t for t in parse.tokens}


def token_at(parse: Parse, tokens: dict[int, Token], offset: int) -> Token | None:
    """Return the token covering character ``offset`` (None without a parse)."""
    for t in parse.tokens:
        if t.start <= offset < t.end:
            return t
    return None


def _nominal_head(tok: Token, tokens: dict[int, Token]) -> Token:
    """Climb compound/appos/conj links to the noun phrase's head ("Kharkiv" -> "region")."""
    seen = 0
    while tok.dep in _FLAT and tok.head != tok.i and seen < 6:
        tok = tokens.get(tok.head, tok)
        seen += 1
    return tok


#: People whose "from X" names where they came from, not where the event happened.
_ORIGIN_NOUNS = frozenset("gunman gunmen attacker assailant militant fighter man men woman women youth suspect "
                          "bomber shooter".split())
#: Verbs whose "from X" names where a weapon was launched, not the event's place.
_LAUNCH_VERBS = frozenset("fire launch shoot lob send".split())


def place_role(parse: Parse, tokens: dict[int, Token], start: int) -> int:
    """Return LOCATIVE, OTHER or ACTOR for the place mention starting at ``start``.

    Args:
        parse: the article's parse.
        tokens: ``token_index(parse)``.
        start: the mention's start offset.
    Returns:
        The role code (OTHER when the parse has no token there).
    """
    tok = token_at(parse, tokens, start)
    if tok is None:
        return OTHER
    np = _nominal_head(tok, tokens)
    head = tokens.get(np.head, np)
    if np.dep == "pobj":
        if head.dep == "agent" or head.lemma.lower() == "by":
            return ACTOR
        prep = head.lemma.lower()
        if prep == "from" and tokens.get(head.head, head).lemma.lower() in _LAUNCH_VERBS:
            return ACTOR  # "a missile fired from Yemen": where the weapon came from, not where it hit
        if prep == "from" and tokens.get(head.head, head).lemma.lower() in _ORIGIN_NOUNS:
            return ACTOR  # "two gunmen from Hebron opened fire in Jaffa": where the attackers came from
        if prep in _LOC_PREPS:
            return LOCATIVE
        if prep == "of" and tokens.get(head.head, head).lemma.lower() in _PLACE_NOUNS:
            return LOCATIVE
        return OTHER
    if np.dep == "poss":
        return LOCATIVE if head.lemma.lower() in _PLACE_NOUNS else ACTOR
    verb = head.lemma.lower()
    if np.dep in ("nsubj", "csubj") and verb in _AGENT_VERBS:
        return ACTOR
    if np.dep in ("dobj", "obj") and verb in _ADDRESSEE_VERBS:
        return ACTOR
    if np.dep in ("dobj", "obj", "nsubjpass"):
        return LOCATIVE
    return OTHER


def ancestors(tok: Token, tokens: dict[int, Token]) -> list[Token]:
    """Return the heads above ``tok``, nearest first (at most 40)."""
    out = []
    while tok.head != tok.i and len(out) < 40:
        tok = tokens.get(tok.head, tok)
        out.append(tok)
    return out


def subordinate_clause(parse: Parse, tokens: dict[int, Token], offset: int, tok: Token | None = None) -> Token | None:
    """Return the root of the relative/participial clause holding ``offset`` (None if in a main clause).

    ``tok``, when the caller has already found the token at ``offset``, saves the search.
    """
    tok = tok or token_at(parse, tokens, offset)
    if tok is None:
        return None
    for t in [tok, *ancestors(tok, tokens)]:
        if t.dep in ("relcl", "acl"):
            return t
    return None


def describes_argument(clause: Token, trigger: Token | None, tokens: dict[int, Token]) -> bool:
    """Return True for a finite relative clause on a word the trigger governs, or a word beside it under one verb
    ("an airstrike set off a fire that swept through the camp late Sunday"), not on a place named aside ("west of
    Avdiivka, which fell in February")."""
    if trigger is None or clause.dep != "relcl" or clause.pos not in ("VERB", "AUX") or clause.tag in ("VBN", "VBG"):
        return False
    noun = tokens.get(clause.head)
    if noun is None:
        return False
    return noun.i == trigger.i or noun.head == trigger.i or (noun.head == trigger.head and noun.dep in ("dobj", "nsubj"))


def in_subtree(tok: Token, root: Token, tokens: dict[int, Token]) -> bool:
    """Return True if ``tok`` is ``root`` or one of its descendants."""
    return tok.i == root.i or any(a.i == root.i for a in ancestors(tok, tokens))
