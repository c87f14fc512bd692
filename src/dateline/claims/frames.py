"""Multi-word cue frames the one-verb lexicon misses, each read from its parse shape.

"X made (it) clear (that) C", "X took issue with C", "X were critical of C",
"X were adamant that C", and the parenthetical "As X revealed, C" / "C, as X point out".
Each returns the content token range; the speaker is the subject of the frame's verb.
"""

from __future__ import annotations

from dateline.claims.context import Doc

#: Adjectives that, after "be", make the subject a source of the "of ..." content ("were critical of C").
ADJ_OF_CUES = frozenset({"critical"})
#: Adjectives that, after "be", report their that-clause ("were adamant that C", "is confident that C").
ADJ_CLAUSE_CUES = frozenset({"adamant", "clear", "insistent"})
_EXPLETIVE = frozenset({"it", "this", "that", "there", "what", "which"})
#: Verbs a parenthetical "as X <verb>, C" reports with (others are time clauses: "as he stood").
AS_CUES = frozenset("say note report reveal write observe explain argue suggest put acknowledge admit predict".split())


def _sub(doc: Doc, parts: list[int]) -> tuple[int, int] | None:
    return (min(doc.left[c] for c in parts), max(doc.right[c] for c in parts)) if parts else None


def _clause_of(doc: Doc, *heads: int) -> tuple[int, int] | None:
    """The first clause complement (ccomp/advcl) of any of ``heads``."""
    for h in heads:  # an advcl counts only with "that" ("clear from X, as they agreed" is no content)
        parts = [c for c in doc.kids(h, "ccomp", "advcl") if doc.tok(c).dep == "ccomp" or _that(doc, c)]
        if parts:
            return _sub(doc, parts[:1])
    return None


def _that(doc: Doc, c: int) -> bool:
    return any(doc.tok(m).text.lower() == "that" for m in doc.kids(c, "mark"))


def _made_clear(doc: Doc, v: int) -> tuple[int, int] | None:
    """"made (it) clear (that) C": the clause after "clear", hung from "make" or from "clear"."""
    n = len(doc.parse.tokens)  # "made clear Monday C": the parser may hang "clear" on the date
    clear = [k for k in (v + 1, v + 2) if k < n and doc.tok(k).text.lower() == "clear" and v in (doc.tok(k).head, doc.tok(doc.tok(k).head).head)]
    if not clear:
        return None
    after = [c for c in doc.kids(v, "ccomp", "advcl") if c > clear[0] and c not in clear]
    if after:
        return _sub(doc, after[:1])
    return _clause_of(doc, clear[0])


def _took_issue(doc: Doc, v: int) -> tuple[int, int] | None:
    """"took issue with C": the object of "with" (on the verb or on "issue")."""
    issue = [c for c in doc.kids(v, "dobj") if doc.tok(c).text.lower() == "issue"]
    if not issue:
        return None
    withs = [c for c in doc.kids(v, "prep") + doc.kids(issue[0], "prep") if doc.tok(c).text.lower() == "with"]
    return _sub(doc, doc.kids(withs[0], "pobj", "pcomp")) if withs else None


def _be_adjective(doc: Doc, v: int) -> tuple[int, int] | None:
    """"were (sternly) critical of C" / "were adamant that C": a stance adjective after "be"."""
    for a in doc.kids(v, "acomp"):
        word = doc.tok(a).text.lower()
        if word in ADJ_OF_CUES:
            ofs = [c for c in doc.kids(a, "prep") if doc.tok(c).text.lower() == "of"]
            if ofs:
                return _sub(doc, doc.kids(ofs[0], "pobj", "pcomp"))
        if word in ADJ_CLAUSE_CUES:
            return _clause_of(doc, a, v)
    return None


def frame_content(doc: Doc, v: int) -> tuple[int, int] | None:
    """Return the content token range (inclusive) of a multi-word cue frame headed by ``v``, else None.

    Args:
        doc: the article view.
        v: a verb or auxiliary token.

    Returns:
        The content span, or None when ``v`` heads none of the frames.
    """
    t = doc.tok(v)
    subj = doc.kids(v, "nsubj", "nsubjpass")
    if not subj or doc.tok(subj[0]).text.lower() in _EXPLETIVE:  # "it is clear that C" has no source
        return None
    lemma = t.lemma.lower()
    if lemma == "make":
        return _made_clear(doc, v)
    if lemma == "take":
        return _took_issue(doc, v)
    if lemma == "be":
        return _be_adjective(doc, v)
    return None


def as_parenthetical(doc: Doc, v: int) -> tuple[int, int, tuple[int, int]] | None:
    """"As X revealed, C" / "C, as X point out": the clause the as-cue modifies, without the cue.

    Returns:
        (first, last, hole): the head clause's tokens and the as-phrase inside them.
    """
    t = doc.tok(v)
    if t.dep != "advcl" or t.head == v or doc.kids(v, "ccomp", "dobj"):
        return None
    lemma = t.lemma.lower()
    if lemma not in AS_CUES and not (lemma == "point" and doc.kids(v, "prt")):
        return None
    marks = [c for c in doc.kids(v, "mark") if doc.tok(c).text.lower() == "as"]
    if not marks or marks[0] != doc.left[v] or not doc.kids(v, "nsubj"):
        return None
    first, last = doc.left[t.head], doc.right[t.head]
    return first, last, (doc.left[v], doc.right[v])


#: Nouns naming a survey whose respondents a share stands for ("In a poll, 38 percent said C").
POLL_NOUNS = frozenset("poll survey study".split())


def poll_source(doc: Doc, head: int | None) -> int | None:
    """Return the poll of "In a poll, 38 percent said C" for a share subject; else ``head``.

    PolNeAR gives the poll as the source when a share of its respondents is the subject.
    """
    if head is None or doc.tok(head).dep != "nsubj" or doc.tok(head).lemma.lower() not in ("percent", "%"):
        return head
    verb = doc.tok(head).head
    for p in doc.kids(verb, "prep"):
        if doc.tok(p).text.lower() == "in" and p < head:
            polls = [o for o in doc.kids(p, "pobj") if doc.tok(o).lemma.lower() in POLL_NOUNS]
            if polls:
                return polls[0]
    return head
