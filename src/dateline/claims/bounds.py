"""Where a reported content ends: cut the tail that is the narrator's, not the speaker's.

A dependency subtree often runs past the reported words: "She said she admires him and
highlighted their shared goals" (the second conjunct is a new report), "X said C, adding
that ..." (a new cue).  These cuts are general English attribution structure.
"""

from __future__ import annotations

from typing import Any

from dateline.claims.channel import find_channel
from dateline.claims.context import Doc
from dateline.claims.cues import is_cue_verb
from dateline.claims.subjects import names_someone

_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")


def cut_tail(doc: Doc, v: int, a: int, b: int) -> int:
    """Return the last token of content a..b once a trailing new report is cut off.

    Args:
        doc: the article view.
        v: the cue verb.
        a: first content token.
        b: last content token.

    Returns:
        The new last token (``b`` when nothing is cut).
    """
    for k in range(a + 1, b + 1):
        t = doc.tok(k)
        if not a <= t.head <= b or t.head == k:
            continue
        if _new_report(doc, v, k):
            end = doc.left[k] - 1
            while end > a and (doc.tok(end).pos in ("PUNCT", "CCONJ") or doc.tok(end).dep == "cc"):
                end -= 1
            return max(a, end)
    return b


def _new_report(doc: Doc, v: int, k: int) -> bool:
    """True for a subject-less conjoined cue verb ("… and predicted") or a ", saying/adding" clause.

    A conjoined cue continues the cue verb, not the content, when it has the cue's form
    ("said she regretted … and promised"), even when the content verb it hangs from has that form
    too.  PolNeAR train: dropping the old "unlike its parse head" condition took matched contents on
    the even/odd halves from 7,447/7,488 to 7,449/7,494 (cutting non-cue conjoined verbs as well lost 1/2).
    """
    t = doc.tok(k)
    if _reported_occasion(doc, k):
        return True
    if not is_cue_verb(t) or doc.kids(k, *_SUBJECTS):
        return False
    if t.dep == "conj":
        return t.tag == doc.tok(v).tag
    return t.dep == "advcl" and doc.left[k] > 0 and doc.tok(doc.left[k] - 1).text in (",", "—", "–", "-", ";")


#: Markers of a clause that tells when something was said ("… after a voter told him C").  Chosen on PolNeAR
#: train halves (cue model refitted per half): matched 7,281/7,282 -> 7,288/7,290; with "since"/"until" one
#: fewer per half, with "because"/"although"/"though"/"whereas" too 7,287/7,287 on more predictions.
OCCASION_MARKS = frozenset("after before when while once".split())


def _reported_occasion(doc: Doc, k: int) -> bool:
    """True for a time clause in which someone else reports ("he is tough enough, after a voter told him C").

    PolNeAR is univocal: a cue with its own subject inside a content starts another attribution, so
    the content ends before the clause that holds it.
    """
    t = doc.tok(k)
    if t.dep != "advcl" or not is_cue_verb(t) or not doc.kids(k, *_SUBJECTS):
        return False
    return any(doc.tok(m).text.lower() in OCCASION_MARKS and m == doc.left[k] for m in doc.kids(k, "mark"))


def reporting_parent(doc: Doc, k: int) -> int | None:
    """Return the cue whose complement holds subject-less cue ``k`` ("said C and predicted D", "said C, adding D").

    Such a cue continues the outer report, so it shares the outer speaker.

    Returns:
        The outer cue verb, or None.
    """
    t = doc.tok(k)
    if t.dep not in ("conj", "advcl") or doc.kids(k, *_SUBJECTS):
        return None
    j = k
    for _ in range(6):
        h = doc.tok(j).head
        if h == j:
            return None
        if doc.tok(j).dep in ("ccomp", "xcomp") and is_cue_verb(doc.tok(h)):
            return h
        j = h
    return None


#: Verbs whose subject belongs to the content of their infinitive ("The senator appeared to
#: concede", "He is expected to win"): PolNeAR includes the subject for them.  Chosen on PolNeAR
#: train (odd half, xcomp contents whose gold includes the subject / excludes it): appear 42/0,
#: seem 22/2, expect 38/4, intend 8/1, plan 28/13, consider 12/5; not want (40/24) nor the
#: commitment verbs (vow 3/17, promise 0/15, decline 3/19), whose subject is the speaker.
#: Content F1 on the even half (cue model refitted on the odd half): 7,224 -> 7,235 matched with this
#: set; 7,232 with appear/seem/expect only, 7,233 with want and allow added.
RAISED_SUBJECT = frozenset("appear seem expect intend plan consider".split())


def raised_subject(doc: Doc, v: int, first: int) -> tuple[int, tuple[int, int]] | None:
    """Return the new first token and the cue hole when ``v``'s subject belongs to its infinitive content.

    Args:
        doc: the article view.
        v: the cue verb.
        first: the first token of its current content.

    Returns:
        (subject's first token, (first, last) token of the words between subject and content), or None.
    """
    if doc.tok(v).lemma.lower() not in RAISED_SUBJECT:
        return None
    xs = [x for x in doc.kids(v, "xcomp") if doc.left[x] == first]
    subj = [s for s in doc.kids(v, "nsubj", "nsubjpass") if doc.right[s] < v]
    if not xs or not subj:
        return None
    return doc.left[subj[0]], (doc.right[subj[0]] + 1, first - 1)


#: Raising cues whose subject is what the writer observes, not a speaker: "[Enthusiasm] appears to
#: have plummeted" names no one; "[The mayor] seemed to concede" names the mayor, whose stance it is.
#: PolNeAR train (all of it): speaker accuracy null-aware 13,181 -> 13,219 of 14,896 matched, strict
#: 12,857 -> 12,852; with expect/intend/plan/consider added as well, null-aware fell to 13,178.
OBSERVED_RAISING = frozenset({"seem", "appear"})


def raised_speaker(doc: Doc, v: int, first: int, head: int | None) -> int | None:
    """Return the speaker head of raising cue ``v`` whose subject starts at token ``first``.

    Args:
        doc: the article view.
        v: the cue verb.
        first: the first token of its subject (from :func:`raised_subject`).
        head: the speaker head found so far.

    Returns:
        For "seem"/"appear", the subject when it names someone, else None; ``head`` for other cues.
    """
    if doc.tok(v).lemma.lower() not in OBSERVED_RAISING:
        return head
    subj = next((s for s in doc.kids(v, "nsubj", "nsubjpass") if doc.left[s] == first), None)
    return subj if subj is not None and names_someone(doc, subj) else None


def prep_object(doc: Doc, rep: Any) -> bool:
    """True when a reported content is only the object of the cue's preposition ("said in response").

    Such a content names the occasion or channel, so a quote just before the cue is still its content.

    Args:
        doc: the article view.
        rep: a ``reported.Reported`` (cue and first content token).

    Returns:
        Whether the content starts right after a preposition that hangs on the cue.
    """
    k = rep.first - 1
    return k > rep.cue and doc.tok(k).dep == "prep" and doc.tok(k).head == rep.cue


#: Finite verb tags for an unlisted verb that attributes the quote before it ("“…?” Hannity pressed").
_FINITE_PAST_PRESENT = frozenset({"VBD", "VBZ"})


def quote_verb(doc: Doc, k: int, closer: int, closed: bool) -> bool:
    """True for a verb outside the cue lexicon that still attributes the quote right before it.

    "“Would it be negotiable?” Hannity pressed.": a finite verb whose own subject stands between
    the closing mark and the verb, with nothing reported of its own (no clause or object), after a
    quote not closed by a full stop.

    Args:
        doc: the article view.
        k: the candidate verb token.
        closer: the first token after the quote.
        closed: whether the quote ended with a full stop.

    Returns:
        Whether the verb attributes the quote.
    """
    t = doc.tok(k)
    if closed or t.pos != "VERB" or t.tag not in _FINITE_PAST_PRESENT or doc.kids(k, "ccomp", "xcomp", "dobj"):
        return False
    subj = doc.kids(k, "nsubj")
    return bool(subj) and closer <= doc.left[subj[0]] and subj[0] < k and names_someone(doc, subj[0])


def relative_clause_bounds(doc: Doc, i: int, first: int, last: int) -> tuple[int, int]:
    """Token range of the relative clause holding ``i``, else of the sentence (``first``..``last``).

    "The rebels, who are backed by Rwanda according to UN experts, said ...": the experts vouch for
    the backing, not for what the rebels said.
    """
    k, seen = doc.tok(i).head, 0
    while k != doc.tok(k).head and seen < 12:
        if doc.tok(k).dep == "relcl":
            return max(first, doc.left[k]), min(last, doc.right[k])
        k, seen = doc.tok(k).head, seen + 1
    return first, last


def channel_phrase(doc: Doc, p: int) -> bool:
    """True for a prepositional phrase naming a channel ("in a statement on Telegram"): a setting, no content."""
    a, b = doc.tok(doc.left[p]).start, doc.tok(doc.right[p]).end
    return find_channel(doc.text, a, b) is not None
