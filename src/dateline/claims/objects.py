"""Where an object content ends: "criticized [senators for failing to lead]", "praised [the medics, including …]".

PolNeAR's content for an object cue is the object plus the verb's complements right after it;
a comma ends it unless a list or an example goes on, and a phrase that sets the scene of the
speaking (when, where, at what event) is the narrator's, not part of what was said.
"""

from __future__ import annotations

from dateline.claims.channel import find_channel
from dateline.claims.context import Doc

#: Verb dependents that continue an object content ("thanked X for Y", "called him divisive").
_OBJECT_TAIL = frozenset({"prep", "oprd", "xcomp", "ccomp", "advcl", "dative"})

#: What may follow a comma inside an object content without ending it: the rest of a list
#: ("thanked his parents, his siblings and ..."). Chosen on PolNeAR train (odd half; gold content
#: went on past 29 of 31 such commas, but stopped before most relative clauses).
LIST_CONTINUES = frozenset({"conj", "cc"})

#: Words opening an example list after a comma ("praised the volunteers, including ...").  PolNeAR
#: train: the gold object content went on past a comma before "including"/"like" 24 times of 28 (both
#: halves), and past one before a named apposition ("his deputy, Jan Novak") 20 of 30.  With both,
#: matched contents on train even/odd halves 7,432/7,480 -> 7,435/7,487.
EXAMPLE_WORDS = frozenset("including like such especially particularly notably excluding".split())


def object_range(doc: Doc, v: int, obj: int) -> tuple[int, int]:
    """Return the tokens (first, last) of an object cue's content: the object plus the adjacent complements.

    Args:
        doc: the article view.
        v: the cue verb.
        obj: its direct object.

    Returns:
        The first and last token, untrimmed.
    """
    first, last = doc.left[obj], doc.right[obj]
    for k in range(obj + 1, last):  # "Trump, with whom he clashed": a comma inside the object ends it
        if doc.tok(k).text == "," and not _comma_continues(doc, k):
            last = k - 1
            break
    for c in sorted(doc.kids(v, *_OBJECT_TAIL)):
        if c < obj or doc.left[c] != last + 1:
            continue
        if occasion(doc, c) or (doc.tok(c).dep == "prep" and _medium(doc, c)):
            break  # "announced the capture [on Telegram]": the medium is the channel, not the content
        last = doc.right[c]
    return first, last


#: Prepositions whose phrase after an object tells when the speaking happened ("praised X before
#: leaving", "during the debate").  PolNeAR train: gold object contents stopped before 43 of 62 such
#: phrases (both halves).  With the event and date nouns below, matched contents on the train even/odd
#: halves 7,435/7,487 -> 7,447/7,488 (the nouns alone: 7,440/7,487).
OCCASION_PREPS = frozenset("before after during until through throughout despite amid".split())
#: Nouns naming the event where something was said ("told supporters at a rally").
OCCASION_NOUNS = frozenset(
    """rally debate interview conference call speech event meeting summit hearing briefing appearance
    session forum dinner luncheon breakfast gathering convention stop show program broadcast town hall""".split()
)
_SETTING_PREPS = frozenset("at in on during from".split())
#: Marks of a finite clause with its own subject after an object that tells when the speaking
#: happened ("cited it as he campaigned", "praised them when the polls closed").  PolNeAR train
#: (per-gold diff): 2 lost / 4 won; without "as" no gain; with a non-finite verb allowed ("saw the
#: dinner as Washington celebrating itself") 5 / 6.  "for" + a date and "by" + a margin were each
#: 1 / 1 and are left out.
TIME_MARKS = frozenset("as when while whenever once".split())
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def occasion(doc: Doc, p: int) -> bool:
    """True for a phrase or time clause that sets the scene of the speaking, not what was said.

    "at a rally in Ohio", "during an interview", "on Tuesday", "before leaving the stage", "as he toured".
    """
    t = doc.tok(p)
    if t.dep == "advcl":
        timed = any(doc.tok(m).text.lower() in TIME_MARKS for m in doc.kids(p, "mark"))
        finite = t.tag in _FINITE or bool(doc.kids(p, "aux"))  # "as he campaigned", not "saw X as Y celebrating"
        return timed and finite and bool(doc.kids(p, "nsubj"))
    if t.dep != "prep":
        return False
    word = t.text.lower()
    if word in OCCASION_PREPS:
        return True
    objs = doc.kids(p, "pobj")
    if word not in _SETTING_PREPS or not objs:
        return False
    n = doc.tok(objs[0])
    return n.ent_type in ("DATE", "TIME") or n.lemma.lower() in OCCASION_NOUNS


def _comma_continues(doc: Doc, k: int) -> bool:
    """True when the phrase after the comma at ``k`` goes on with the object (a list, an example)."""
    if comma_dep(doc, k) in LIST_CONTINUES:
        return True
    if k + 1 >= len(doc.parse.tokens):
        return False
    nxt = doc.tok(k + 1)
    return nxt.text.lower() in EXAMPLE_WORDS or (nxt.pos == "PROPN" and comma_dep(doc, k) == "appos")


def comma_dep(doc: Doc, k: int) -> str:
    """The dependency of the phrase that starts after the comma at ``k`` (its attachment into the text before it)."""
    j = k + 1
    for _ in range(20):
        h = doc.tok(j).head
        if h <= k or h == j:
            break
        j = h
    return doc.tok(j).dep


#: Cues whose content is said to someone, who stays out of it ("told reporters to wait" -> "to wait").
#: PolNeAR train (both halves): gold contents of object + infinitive cues started at the object for
#: ask 37/10, urge 32/15, encourage 15/2, order 11/0, require 17/3, but for tell 4/8.  With the rule,
#: matched contents on the even/odd halves 7,449/7,494 -> 7,451/7,496; exact F1 +0.002/+0.003.
ADDRESSEE_CUES = frozenset({"tell"})


def with_object_subject(doc: Doc, v: int, x: int, first: int) -> int:
    """Return where an infinitive content starts once the object before it is taken in.

    "urged [Congress to act]", "asked [voters to wait]": PolNeAR's content for a cue with an object
    and an infinitive holds both; "told reporters [to wait]" keeps the addressee out.

    Args:
        doc: the article view.
        v: the cue verb.
        x: its infinitive complement (xcomp).
        first: the content's first token so far.

    Returns:
        The object's first token when the object ends right before the content, else ``first``.
    """
    if doc.tok(x).dep != "xcomp" or doc.tok(v).lemma.lower() in ADDRESSEE_CUES:
        return first
    objs = [o for o in doc.kids(v, "dobj") if doc.right[o] + 1 == first]
    return doc.left[objs[0]] if objs else first


#: Participle tags of a clause that describes a noun rather than stating its content.  PolNeAR train:
#: dropping such clauses as noun-cue contents took predictions on the even/odd halves 9,123/9,056 ->
#: 9,110/9,042 for 1/3 fewer matches (content F1 0.7828/0.7901 -> 0.7832/0.7904).
_PARTICIPLES = frozenset({"VBN", "VBG"})


def modifier_clause(doc: Doc, c: int) -> bool:
    """True for a participle clause after a noun cue ("a statement [issued by the campaign]").

    It says who made the statement or when, not what it says; an infinitive ("a plan [to leave]") or
    a that-clause is the noun's content.
    """
    t = doc.tok(c)
    return t.dep == "acl" and t.tag in _PARTICIPLES and not doc.kids(c, "aux", "mark")


def misparsed_that_clause(doc: Doc, v: int) -> tuple[int, int] | None:
    """Return the "that" clause of a cue that the parser hung inside the scene or medium of the speaking.

    "told reporters at a daily briefing [that Ukraine had carried out sabotage]": the small model makes the
    clause a relative clause of "briefing" with "that" as its object; "said in a statement read on state
    television [that C]" hangs it on "read", "said in a video posted on X [that C]" on "posted".  A clause
    inside a phrase that sets the scene (:func:`occasion`) or names the medium (a channel word), opening with
    "that" and with a subject of its own, is the cue's complement.

    Args:
        doc: the article view.
        v: the cue verb.

    Returns:
        The clause's first and last token, or None.
    """
    for p in doc.kids(v, "prep"):
        if p < v or not (occasion(doc, p) or _medium(doc, p)):
            continue
        for r in range(p + 1, doc.right[p] + 1):
            if _hangs_on_phrase(doc, r, p) and (clause := that_clause(doc, r)) is not None:
                return clause
    return None


#: Cues of telling, whose object is the one spoken to ("told reporters", "assured the council"): a "that" clause
#: after the object is what was said.
TELLING_CUES = frozenset("tell inform assure warn remind notify advise convince persuade".split())


def addressee_that_clause(doc: Doc, v: int) -> tuple[int, int] | None:
    """Return the "that" clause of a cue of telling that the parser hung on the one spoken to.

    "told a regional television channel [that her house had burned down]": the small model may read a relative
    clause of "channel", with "that" as the object of its verb, yet tags "that" a complementizer (IN), not a
    relative pronoun (WDT).  That tag, a subject of its own and a cue of telling make the clause the cue's complement.
    """
    if doc.tok(v).lemma.lower() not in TELLING_CUES:
        return None
    for o in doc.kids(v, "dobj", "dative"):
        if o < v:
            continue
        for r in doc.kids(o, "relcl", "acl"):
            if r > o and (clause := that_clause(doc, r)) is not None and doc.tok(clause[0]).tag == "IN":
                return clause
    return None


#: Links between a misplaced "that" clause and the phrase it hangs in: the phrase's noun and the
#: participles or prepositions that describe it ("in a statement [read] [on] state television").
_PHRASE_LINKS = frozenset({"pobj", "acl", "prep", "appos", "compound"})


def _hangs_on_phrase(doc: Doc, r: int, p: int) -> bool:
    """True when clause ``r`` hangs on the phrase ``p`` through its nouns only, not through a verb of its own.

    "after determining [that C]": C is what was determined, so it is no misplaced complement of the cue.
    """
    k, seen = doc.tok(r).head, 0
    while k != p and seen < 8:
        if doc.tok(k).dep not in _PHRASE_LINKS:
            return False
        k, seen = doc.tok(k).head, seen + 1
    return k == p


def that_clause(doc: Doc, r: int) -> tuple[int, int] | None:
    """Return the tokens of the clause headed by ``r`` when it opens with "that" and has its own subject."""
    if doc.tok(r).dep not in _THAT_CLAUSE_DEPS:
        return None
    first = doc.left[r]
    if doc.tok(first).text.lower() != "that" or first == r:
        return None
    if any(s != first for s in doc.kids(r, "nsubj", "nsubjpass")):
        return first, doc.right[r]
    return None


def noun_complement(doc: Doc, c: int) -> tuple[int, int] | None:
    """Return the "that" clause under a name the parser made the cue's complement, else None.

    "said on the state broadcaster ORTM that C": "ORTM" (tagged a noun or a verb) heads the complement, with
    no subject, nothing before it and C hanging on it.
    """
    if doc.left[c] != c or doc.kids(c, "nsubj", "nsubjpass", "aux", "mark"):
        return None
    return next((clause for k in doc.kids(c) if k > c and (clause := that_clause(doc, k)) is not None), None)


#: Dependencies the small model gives a "that" clause it hangs on the wrong head.
_THAT_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "acl", "advcl"})


def _medium(doc: Doc, p: int) -> bool:
    """True for a prepositional phrase naming the medium of the speaking ("in a video posted on X")."""
    a, b = doc.tok(doc.left[p]).start, doc.tok(doc.right[p]).end
    head = doc.kids(p, "pobj")
    if not head:
        return False
    end = doc.tok(doc.left[head[0]]).start
    for k in range(head[0], doc.right[head[0]] + 1):  # the medium is named before the clause
        if doc.tok(k).text.lower() == "that":
            break
        end = doc.tok(k).end
    return find_channel(doc.text, a, min(b, end)) is not None


#: Objects that are forces and hardware, not words: "withdrawing its forces", "backed the troops with
#: tanks".  A cue learned from political news ("withdrew his support", "backed the bill") takes no content
#: when its object is one of these; the hand lexicon's object cues are not affected.  War-reporting
#: nouns; on PolNeAR train the rule changes <see docs/eval.md, session 7>.
MATERIEL = frozenset(
    """force troop soldier unit brigade battalion regiment division army fleet ship warship vessel submarine
    tank artillery howitzer missile rocket drone aircraft jet helicopter weapon arm ammunition munition shell
    equipment convoy vehicle""".split()
)


def materiel(doc: Doc, obj: int) -> bool:
    """True when object token ``obj`` names forces or hardware ("its forces", "the troops")."""
    return doc.tok(obj).lemma.lower() in MATERIEL


#: Prepositions of a date phrase that dates the saying when it opens the content ("said on Friday it had").
_DATE_PREPS = frozenset({"on", "late", "early"})


def past_said_date(doc: Doc, a: int, b: int) -> int:
    """Skip a date phrase opening a content: "said [on Saturday] it believed C" dates the saying."""
    if a < 1 or a >= b or doc.tok(a).pos != "ADP" or doc.tok(a).text.lower() not in _DATE_PREPS:
        return a
    if doc.tok(a - 1).pos != "VERB":  # only right after the cue verb: "said [on Friday] he met"
        return a
    j = a + 1
    while j <= b and doc.tok(j).ent_type in ("DATE", "TIME"):
        j += 1
    if j == a + 1 or j > b or doc.tok(j).pos == "PUNCT" and doc.tok(j).text != ",":
        return a
    return j + 1 if doc.tok(j).text == "," else j
