"""The reporting-cue lexicon: verbs and phrases that introduce what someone said.

Lemmas are grouped by what they take as content, because that decides where the
reported content is found in the parse (a clause, an object, "of ..." / "about ...").
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from dateline.errors import ResourceMissing
from dateline.model import Token

#: The train-derived lexicon written by ``scripts/learn_cues.py``.
LEARNED_FILE = "cues_learned.json"

#: Verbs whose content is usually a clause ("said (that) ...", "warned that ...").
CLAUSE_CUES = frozenset(
    """
    say tell write tweet post add warn suggest estimate claim acknowledge announce state report note
    explain argue insist admit confirm declare reply respond continue predict believe think know
    conclude recall complain contend assert maintain remark observe stress emphasize emphasise testify
    vow promise pledge threaten boast scoff quip joke caution concede allege charge fear hope worry
    reveal disclose indicate signal acknowledge assure agree disagree answer retort counter recount
    tout brag muse wonder speculate guess figure believe feel suspect expect predict forecast
    estimate calculate show find determine rule mention whisper shout yell cry sigh lament
    insist demand propose urge recommend advise instruct order announce proclaim repeat reiterate
    clarify specify highlight underline caution acknowledge confess deny dispute reject doubt
    question wonder ask inquire blast slam mock criticize criticise praise accuse dismiss
    plan seek intend decline exclaim bark snap interject retaliate
    """.split()
)

#: Verbs whose content may be their direct object ("called it ...", "denied the report").  Not "attack" or "target":
#: in a war story their object is what was struck (COMBAT_VERBS).
OBJECT_CUES = frozenset(
    """
    call deny dispute reject criticize criticise praise blast slam mock dismiss describe
    accuse blame question defend support endorse condemn denounce refuse promise pledge want
    announce confirm acknowledge cite mention release back oppose thank discuss prefer
    urge plan seek intend decline
    """.split()
)

#: Verbs whose content follows "of"/"about"/"against"/"for" ("accused Moscow of ...").
PREP_CUES = {"accuse": "of", "warn": "against about of", "blame": "for", "criticize": "for", "criticise": "for",
             "praise": "for", "complain": "about", "talk": "about", "speak": "about", "call": "for on"}

CUE_LEMMAS = CLAUSE_CUES | OBJECT_CUES | frozenset(PREP_CUES)

#: Cues that only count when they take a clause (too common otherwise).
CLAUSE_ONLY = frozenset("show find know think feel believe continue add want hope expect figure determine rule".split())

#: Nouns that carry the speaker as a possessive or "of": "his statement that ...".
CUE_NOUNS = frozenset("statement claim assertion announcement warning remark comment suggestion".split())


@cache
def learned() -> dict[str, dict[str, frozenset[str]]]:
    """Return {"verbs"|"nouns": {lemma: frames}} from the packaged train-derived lexicon.

    Raises:
        ResourceMissing: when the data file is absent (rebuild it with scripts/learn_cues.py).
    """
    try:
        raw = json.loads(resources.files("dateline").joinpath("data", LEARNED_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ResourceMissing(f"{LEARNED_FILE} is missing; run `python scripts/learn_cues.py` to rebuild it") from exc
    return {kind: {lemma: frozenset(fr) for lemma, fr in raw.get(kind, {}).items()} for kind in ("verbs", "nouns")}


#: Verbs of combat that political news uses for words ("Trump attacked Clinton", "fired back at critics") and war
#: reporting for deeds ("drones attacked the town", "forces fired missiles at a convoy"): never a cue learned from
#: PolNeAR, whose news is politics.  Their object in a war story is a target, not a claim.
COMBAT_VERBS = frozenset({"attack", "fire", "shoot", "blast", "slam", "lash", "hammer"})


def learned_frames(tok: Token) -> frozenset[str]:
    """Return the content frames (ccomp/xcomp/dobj/paren/acl) in which ``tok``'s lemma was a cue in train."""
    kind = "verbs" if tok.pos == "VERB" else "nouns" if tok.pos == "NOUN" else ""
    if kind == "verbs" and tok.lemma.lower() in COMBAT_VERBS:
        return frozenset()
    return learned().get(kind, {}).get(tok.lemma.lower(), frozenset()) if kind else frozenset()


def is_cue_verb(tok: Token) -> bool:
    """Return True when ``tok`` is a verb from the hand lexicon or the learned one."""
    if tok.pos not in ("VERB", "AUX") or tok.dep in ("aux", "auxpass") or not is_word(tok):
        return False
    return tok.lemma.lower() in CUE_LEMMAS or bool(learned_frames(tok))


def is_word(tok: Token) -> bool:
    """Return True when ``tok`` has a letter (a dash the parser tagged as a verb is no cue)."""
    return any(ch.isalpha() for ch in tok.text)


def is_said_like(tok: Token) -> bool:
    """Return True for the verbs that attribute a direct quote ("…,” he said/added/wrote)."""
    return tok.pos in ("VERB", "AUX") and tok.lemma.lower() in CLAUSE_CUES
