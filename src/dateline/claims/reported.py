"""Reported (indirect) speech: the content span that a cue governs.

"X said (that) C", "X told a channel that C", "X warned/estimated/suggested C",
"X accused Y of C", "X denied C", "C, X said" (the cue hangs off the content),
and "according to X, C".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dateline.claims import learned
from dateline.claims.bounds import (
    channel_phrase,
    cut_tail,
    raised_speaker,
    raised_subject,
    relative_clause_bounds,
    reporting_parent,
)
from dateline.claims.context import Doc
from dateline.claims.cues import (
    CLAUSE_ONLY,
    CUE_LEMMAS,
    OBJECT_CUES,
    PREP_CUES,
    is_cue_verb,
    is_word,
    learned_frames,
)
from dateline.claims.frames import as_parenthetical, frame_content
from dateline.claims.labels import label_end
from dateline.claims.objects import (
    addressee_that_clause,
    materiel,
    misparsed_that_clause,
    modifier_clause,
    noun_complement,
    object_range,
    occasion,
    that_clause,
    with_object_subject,
)
from dateline.claims.sourcephrase import source_phrase_candidate
from dateline.claims.subjects import noun_cue_speaker, speaker_head, stranded_tail_cue
from dateline.claims.trim import LEAD_SKIP, trim
from dateline.model import Token
from dateline.nlp.spans import KICKER_WORDS

#: Cue lemmas whose infinitive complement is the content ("refused to ...", "promised to ...").
XCOMP_CUES = frozenset("refuse promise pledge vow threaten want claim deny agree decline hope expect plan urge seek intend".split())


@dataclass(frozen=True)
class Reported:
    """A cue verb, its speaker head (or None) and its content token range (inclusive)."""

    cue: int
    first: int
    last: int
    speaker_head: int | None = None
    cue_last: int | None = None  # last token of a multi-word cue ("according to")
    hole: tuple[int, int] | None = None  # tokens of a cue inside the content ("C1, he said, C2")
    how: str = "right"  # which rule found it: right/left/as/framed/noun/according/label, or "model:<frame>"

    def parts(self) -> list[tuple[int, int]]:
        """Return the content's token ranges (inclusive), without the cue phrase inside it."""
        if self.hole is None:
            return [(self.first, self.last)]
        return [(a, b) for a, b in ((self.first, self.hole[0] - 1), (self.hole[1] + 1, self.last)) if a <= b]


def _right_content(doc: Doc, v: int) -> tuple[int, int] | None:
    """Content from the complements of ``v``: clause, infinitive, object or prepositional object."""
    lemma = doc.tok(v).lemma.lower()
    frames = learned_frames(doc.tok(v))
    hand = lemma in CUE_LEMMAS or _clause_taking(doc, v)
    parts = doc.kids(v, "ccomp") if hand or "ccomp" in frames else []
    if not parts and (lemma in XCOMP_CUES or "xcomp" in frames):
        parts = doc.kids(v, "xcomp")
    if not parts and hand:  # "wrote on Twitter [that C]", the clause parsed as an adverbial clause
        parts = [c for c in doc.kids(v, "advcl") if c > v and that_clause(doc, c) is not None]
    if parts and (inner := noun_complement(doc, parts[0])) is not None:
        return trim(doc, *inner)  # "said on the state broadcaster ORTM [that C]", ORTM parsed as the complement
    if not parts and hand and (scene := misparsed_that_clause(doc, v)) is not None:
        return trim(doc, *scene)  # "told reporters at a briefing [that C]", C parsed as the briefing's relative clause
    if not parts and hand and (told := addressee_that_clause(doc, v)) is not None:
        return trim(doc, *told)  # "told a broadcaster [that C]", C parsed as its relative clause
    if not parts and (lemma in OBJECT_CUES or "dobj" in frames):
        parts = doc.kids(v, "dobj")
        if parts and not PREP_CUES.get(lemma):
            return _object_content(doc, v, parts[0])
    if not parts:  # a learned "prep:<word>" frame ("referred to C", "focused on C")
        after = [c for c in doc.kids(v, "prep") if c > v]
        # "commented on Tuesday", "wrote in the morning" (objects.occasion; PolNeAR train even/odd: 9,110/9,042 ->
        # 9,104/9,039 predictions, no match lost), "C, X said in a statement": the setting, not the content
        said_in = after and channel_phrase(doc, after[0])  # a medium is never the content ("said on Telegram")
        setting = after and (occasion(doc, after[0]) or said_in)
        if after and f"prep:{doc.tok(after[0]).text.lower()}" in frames and not setting:
            parts = doc.kids(after[0], "pobj", "pcomp")
    preps = PREP_CUES.get(lemma, "").split()
    if preps:
        parts += [c for c in doc.kids(v, "prep") if doc.tok(c).text.lower() in preps]
        parts += [c for c in doc.kids(v, "advcl") if c > v and _marked(doc, c, preps)]  # "called for X to V"
        if parts and lemma == "accuse":
            parts += doc.kids(v, "dobj")
    if len(parts) == 1 and doc.tok(parts[0]).dep == "dobj":  # "called him a liar": no "for"/"on" after it
        return _object_content(doc, v, parts[0])
    if not parts:
        return None
    first = min(doc.left[c] for c in parts)
    last = cut_tail(doc, v, first, max(doc.right[c] for c in parts))
    return trim(doc, with_object_subject(doc, v, parts[0], first), last)


def _marked(doc: Doc, c: int, words: list[str]) -> bool:
    """True when clause ``c`` opens with one of ``words`` as its marker ("for all candidates to lay out")."""
    return any(doc.tok(m).text.lower() in words and m == doc.left[c] for m in doc.kids(c, "mark"))


def _object_content(doc: Doc, v: int, obj: int) -> tuple[int, int] | None:
    """Content of an object cue (:func:`objects.object_range`), trimmed; none for a learned cue moving forces."""
    if materiel(doc, obj) and doc.tok(v).lemma.lower() not in OBJECT_CUES:
        return None
    return trim(doc, *object_range(doc, v, obj))


def _left_content(doc: Doc, v: int) -> tuple[int, int, tuple[int, int] | None] | None:
    """Content of a parenthetical cue: "C, X said." or "C1, X said, C2" (the cue inside the content).

    Returns:
        (first, last, hole): the content tokens and, when the cue sits inside them, the
        cue phrase with its commas, which is not part of the content.
    """
    t = doc.tok(v)
    if t.dep not in ("parataxis", "ccomp", "advcl", "conj") or t.head == v or doc.kids(v, "ccomp"):
        return None
    if not doc.kids(v, "nsubj"):
        return None
    if t.dep == "conj" and not _comma_conjunct(doc, v):
        return None  # "X fired and Y said ...": two clauses, not "C, Y said"
    if t.dep == "conj":
        span = trim(doc, doc.left[t.head], _cue_left(doc, v) - 1)  # "C, the governor, X, said on Telegram."
        return (span[0], span[1], None) if span and span[1] < v else None
    if t.head > v and not _set_off(doc, v):
        return None  # "When X said Y, ..." is a clause, not a parenthetical cue
    first, last = doc.left[t.head], doc.right[t.head]
    tail = [k for k in range(doc.right[v] + 1, last + 1) if doc.tok(k).pos != "PUNCT"]
    if not tail:  # "C, X said." — the content is everything before the cue
        span = trim(doc, first, doc.left[v] - 1)
        return (span[0], span[1], None) if span else None
    span = trim(doc, first, last)
    if span is None or _cue_left(doc, v) <= span[0]:
        return None
    return span[0], span[1], _hole(doc, v)


def _comma_conjunct(doc: Doc, v: int) -> bool:
    """True for a cue the parser made a conjunct of the content's verb though only a comma joins them: no "and" or
    "but" between, a comma right before the cue's subject, and nothing after the cue but its own words."""
    t = doc.tok(v)
    if any(t.head < c < v for c in doc.kids(t.head, "cc")):
        return False
    a = _cue_left(doc, v)
    if a < 1 or doc.tok(a - 1).text != ",":
        return False
    return doc.right[t.head] <= doc.right[v] + 1


def _set_off(doc: Doc, v: int) -> bool:
    """True for a cue phrase between commas or dashes ("The goal, he said, is ...")."""
    a, b = _cue_left(doc, v), doc.right[v]
    before = doc.tok(a).text if doc.tok(a).pos == "PUNCT" else (doc.tok(a - 1).text if a > 0 else "")
    after = doc.tok(b).text if doc.tok(b).pos == "PUNCT" else (doc.tok(b + 1).text if b + 1 < len(doc.parse.tokens) else "")
    return bool(before) and before in ",—–-" and bool(after) and after in ",—–-"


def _cue_left(doc: Doc, v: int) -> int:
    """First token of a parenthetical cue phrase: its nearest subject's left edge.

    "Voters, Clinton suggested, don't ...": the parser may give the cue a second subject
    ("Voters") before the comma; the phrase starts at the subject next to the verb.
    """
    subj = [c for c in doc.kids(v, "nsubj") if c < v]
    return doc.left[subj[-1]] if subj else doc.left[v]


def _hole(doc: Doc, v: int) -> tuple[int, int]:
    """The cue phrase of ``v`` with the punctuation around it."""
    a, b = _cue_left(doc, v), doc.right[v]
    while a > 0 and doc.tok(a - 1).text in LEAD_SKIP:
        a -= 1
    while b + 1 < len(doc.parse.tokens) and doc.tok(b + 1).text in LEAD_SKIP:
        b += 1
    return a, b


def _as_content(doc: Doc, v: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Content and hole of a parenthetical as-cue; (None, None) when ``v`` is not one."""
    paren = as_parenthetical(doc, v)
    if paren is None:
        return None, None
    first, last, (a, b) = paren
    before, after = trim(doc, first, a - 1) if a > first else None, trim(doc, b + 1, last) if b < last else None
    if before and after:
        return (before[0], after[1]), _hole(doc, v)
    return before or after, None


def _according_to(doc: Doc, i: int) -> Reported | None:
    """Return the attribution of "according to X" around token ``i`` ("according")."""
    tos = [c for c in doc.kids(i) if doc.tok(c).text.lower() == "to"]
    if not tos:
        return None
    objs = doc.kids(tos[0], "pobj")
    sent = doc.parse.sentences[doc.tok(i).sent]
    lo, hi = relative_clause_bounds(doc, i, sent.first_token, sent.last_token - 1)
    phrase_first, phrase_last = doc.left[i], doc.right[i]
    before = trim(doc, lo, phrase_first - 1) if phrase_first > lo else None
    after = trim(doc, phrase_last + 1, hi) if phrase_last < hi else None
    sides = [s for s in (before, after) if s]
    if not sides:
        return None
    first, last = max(sides, key=lambda s: s[1] - s[0])
    return Reported(i, first, last, objs[0] if objs else None, tos[0], how="according")


#: "PENCE: …", "MAJ. ROE (on the line): …", "FARMER (translated from Pashto): …": a name and a note on how it was
#: heard.
_LABEL_RE = re.compile(r"^((?:[A-Z][\w.’'-]*\s?){1,4})(?:\s*\([^()\n]{1,40}\))?:\s+(\S.*)$")
#: Longest "Name:" label (in tokens) read as a speaker of the rest of the line.
MAX_LABEL_TOKENS = 4
#: Words after "in" that make it the split of a "Name in his video address:" label.
_IN_DETERMINERS = ("his", "her", "their", "its", "a", "an", "the")
#: "Name on a topic: content" headlines and "Name in his video address: content": the name before "on"/"in" speaks.
_ON_LABEL_RE = re.compile(rf"^((?:[A-Z][\w.’'-]*\s){{1,3}}(?:on|in\s(?:{'|'.join(_IN_DETERMINERS)}))\s[^:“”\"]{{1,80}}):"
                          r"\s+(\S.*)$")
#: Longest "Name on topic:" label (in tokens).  Chosen by eye on PolNeAR train headlines.
MAX_ON_LABEL_TOKENS = 16
#: Line labels that name a section or a kind of item, never who is speaking.
_NOT_SPEAKERS = frozenset(
    """note editor's editor’s update updated correction photo photos video watch read related see source sources
    credit image caption listen subscribe tags topics more date by contact email warning disclaimer""".split()
) | KICKER_WORDS



def _label_head(doc: Doc, first: int, colon: int) -> int | None:
    """The speaker of a "Name:" label: "CNN President On Trump:" -> President; None when a particle ends it.

    "Clinton Wades In:" / "FIX IS IN:" end in a particle: a headline clause, not a speaker label.
    """
    ons = [k for k in range(first + 1, colon) if doc.tok(k).text.lower() == "on" or (
        doc.tok(k).text.lower() == "in" and k + 1 < colon and doc.tok(k + 1).text.lower() in _IN_DETERMINERS)]
    head = ons[0] - 1 if ons else colon - 1
    return None if doc.tok(head).pos in ("ADP", "PART", "ADV") else head


_INNER_QUOTE = re.compile(r"[\"“][^\"“”]{10,}[\"”],?\s+(?:[\w’'-]+\s+){0,5}?(?:said|says|told|tells|added|adds|wrote|writes)\b")
#: "…; its spokesman, Jane Roe, wrote on Facebook: “…”": a sentence of the line that hands a quotation to a speaker.
_INTRODUCED_QUOTE = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|posted|stated)\b"
                               r"[^\"“”.!?]{0,120}:\s*[\"“]")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”]?\s+)(?=[A-Z\"“])")


def _attributed_quote(line: str, start: int) -> int | None:
    """Return where a quotation that names its own speaker starts in a label line's content, if one does.

    A transcript's "LEE: Sam, it is the distance. “…,” one energy analyst told me": the label speaks the words
    around the quotation, the analyst speaks the quotation.  "REPORTER: The army denies it. Its spokesman said in a
    statement: “…”": the sentence that names the quotation's speaker and the quotation are not the label's.
    """
    m = _INNER_QUOTE.search(line, start)
    if m:
        return m.start()
    if (m := _INTRODUCED_QUOTE.search(line, start)) is None:
        return None
    opens = [s.end() for s in _SENTENCE_START.finditer(line, start, m.start())]
    return max(opens) if opens else start


def label_lines(doc: Doc) -> list[Reported]:
    """Return "Name: content" lines (headlines "Caddell: ...", transcripts "PENCE: ...")."""
    out: list[Reported] = []
    pos = 0
    for line in doc.text.split("\n"):
        m = _LABEL_RE.match(line) or _ON_LABEL_RE.match(line)
        if m and label_end(doc, doc.token_at(pos) or 0) is None:
            first, colon, body = doc.token_at(pos), doc.token_at(pos + m.end(1)), doc.token_at(pos + m.start(2))
            last = doc.token_at(pos + len(line.rstrip()) - 1)
            most = MAX_LABEL_TOKENS if m.re is _LABEL_RE else MAX_ON_LABEL_TOKENS
            if (inner := _attributed_quote(line, m.start(2))) is not None:  # "LEE: Sam, ... “…,” an analyst told me"
                last = doc.token_at(pos + len(line[:inner].rstrip()) - 1) if line[m.start(2):inner].strip() else None
            if None not in (first, colon, body, last) and colon - first <= most:
                head = _label_head(doc, first, colon)
                if (m.group(1).split()[0].lower() not in _NOT_SPEAKERS and head is not None
                        and doc.tok(first).pos != "ADP"):  # "From Istanbul:", "In Kherson:": where, not who
                    span = trim(doc, body, last)  # after "(on the line):" when the label has a note
                    if span:
                        out.append(Reported(colon, span[0], span[1], head, how="label"))
        pos += len(line) + 1
    return out


#: Subject words that make any clause-taking verb an attribution (beliefs, plans, findings).
_AGENT_POS = frozenset({"PROPN", "PRON"})


def _clause_taking(doc: Doc, v: int) -> bool:
    """True for a verb with a that-clause and a person-like subject ("Trump insists that ...")."""
    t = doc.tok(v)
    if t.pos != "VERB" or not is_word(t) or not doc.kids(v, "ccomp"):
        return False
    subj = doc.kids(v, "nsubj")
    if not subj:
        return False
    s = doc.tok(subj[0])
    return s.pos in _AGENT_POS and s.text.lower() not in ("it", "this", "that", "there", "what")


def _noun_cue(doc: Doc, n: int) -> Reported | None:
    """"his criticism of C", "the plan to C", "a statement that C": a learned noun cue and its content.

    The speaker is the subject of the verb the noun hangs from ("Trump voiced support for
    C", "Trump is doubling down on his support for C"), else the possessor ("his").
    """
    frames = learned_frames(doc.tok(n))
    parts = []
    if frames & {"acl", "ccomp"}:
        parts = [c for c in doc.kids(n, "acl", "ccomp") if c > n and not modifier_clause(doc, c)]
    if not parts and "prep" in frames:
        preps = [c for c in doc.kids(n, "prep") if c > n]
        parts = doc.kids(preps[0], "pobj", "pcomp") if preps else []
    if not parts:
        return None
    span = trim(doc, min(doc.left[c] for c in parts), max(doc.right[c] for c in parts))
    if span is None:
        return None
    poss = doc.kids(n, "poss")
    head = _governing_subject(doc, n)
    return Reported(n, span[0], span[1], noun_cue_speaker(doc, head, poss[0] if poss else None), how="noun")


def _governing_subject(doc: Doc, n: int) -> int | None:
    """The subject of the verb a noun cue hangs from ("Trump is doubling down on his support")."""
    j = n
    for _ in range(4):
        t = doc.tok(j)
        if t.dep not in ("dobj", "pobj", "prep", "attr") or t.head == j:
            return None
        j = t.head
        if doc.tok(j).pos in ("VERB", "AUX"):
            return speaker_head(doc, j)
    return None


def broad_candidate(doc: Doc, i: int) -> learned.Candidate | None:
    """Return token ``i``'s content under the first frame it has, with no lexicon gate.

    Verbs: a clause (ccomp), an infinitive (xcomp), an object (dobj), a prepositional
    object ("prep:<word>"), the subject of a passive with an agent ("passive"), else the
    parenthetical "C, X said".  Nouns: a clause after them (acl/ccomp), else a prepositional object
    ("nprep:<word>").  Predicate adjectives: "adj:<frame>".  A preposition on the main verb: the rest of
    its clause ("adp:before"/"adp:after").  The cue model decides.
    """
    t = doc.tok(i)
    if not is_word(t) or t.dep in ("aux", "auxpass"):
        return None
    if t.pos == "NOUN":
        return _noun_candidate(doc, i)
    if t.pos == "ADJ":
        return _adjective_candidate(doc, i)
    if t.pos == "ADP":
        return source_phrase_candidate(doc, i)
    if t.pos not in ("VERB", "AUX"):
        return None
    for dep in ("ccomp", "xcomp"):
        parts = doc.kids(i, dep)
        if parts:
            first = min(doc.left[c] for c in parts)
            span = trim(doc, first, cut_tail(doc, i, first, max(doc.right[c] for c in parts)))
            return learned.Candidate(i, dep, *span) if span else None
    objs = doc.kids(i, "dobj")
    if objs:
        span = _object_content(doc, i, objs[0])
        return learned.Candidate(i, "dobj", *span) if span else None
    passive = _passive_subject(doc, i)
    if passive is not None:
        return learned.Candidate(i, "passive", *passive)
    after = [c for c in doc.kids(i, "prep") if c > i]
    parts = doc.kids(after[0], "pobj", "pcomp") if after else []
    if parts:
        span = trim(doc, min(doc.left[c] for c in parts), max(doc.right[c] for c in parts))
        return learned.Candidate(i, f"prep:{doc.tok(after[0]).text.lower()}", *span) if span else None
    left = _left_content(doc, i)
    return learned.Candidate(i, "paren", left[0], left[1], left[2]) if left else None


def _passive_subject(doc: Doc, v: int) -> tuple[int, int] | None:
    """The content of a passive cue: its subject ("The plan was rejected by voters" -> "The plan").

    Only with an agent ("by X"), who is the one who spoke: on PolNeAR train (cue model fitted on
    the odd half, even half scored) agent-only passives added 5 matches; all passives lost 2.
    """
    subj = doc.kids(v, "nsubjpass")
    if not subj or not doc.kids(v, "agent"):
        return None
    return trim(doc, doc.left[subj[0]], doc.right[subj[0]])


def _noun_candidate(doc: Doc, n: int) -> learned.Candidate | None:
    parts, frame = [c for c in doc.kids(n, "acl", "ccomp") if c > n], "acl"
    if not parts:
        preps = [c for c in doc.kids(n, "prep") if c > n]
        parts = doc.kids(preps[0], "pobj", "pcomp") if preps else []
        frame = f"nprep:{doc.tok(preps[0]).text.lower()}" if preps else ""
    span = trim(doc, min(doc.left[c] for c in parts), max(doc.right[c] for c in parts)) if parts else None
    return learned.Candidate(n, frame, *span) if span else None


def _adjective_candidate(doc: Doc, a: int) -> learned.Candidate | None:
    """A predicate adjective's content: "is confident [that C]", "was critical [of C]", "is eager [to C]"."""
    if doc.tok(a).dep not in ("acomp", "amod", "ROOT", "conj"):
        return None
    for dep in ("ccomp", "xcomp"):
        parts = [c for c in doc.kids(a, dep) if c > a]
        if parts:
            span = trim(doc, doc.left[parts[0]], doc.right[parts[0]])
            return learned.Candidate(a, f"adj:{dep}", *span) if span else None
    preps = [c for c in doc.kids(a, "prep") if c > a]
    objs = doc.kids(preps[0], "pobj", "pcomp") if preps else []
    span = trim(doc, min(doc.left[c] for c in objs), max(doc.right[c] for c in objs)) if objs else None
    return learned.Candidate(a, f"adj:{doc.tok(preps[0]).text.lower()}", *span) if span else None


def _modelled(doc: Doc, i: int) -> Reported | None:
    """A cue the lexicon rules passed over, kept when the learned cue model accepts it."""
    cand = broad_candidate(doc, i)
    if cand is None or not learned.model().accepts(learned.features(doc, cand)):
        return None
    if doc.tok(i).pos == "NOUN":
        poss = doc.kids(i, "poss")
        head = noun_cue_speaker(doc, _governing_subject(doc, i), poss[0] if poss else None)
    elif doc.tok(i).pos == "ADP":
        head = doc.kids(i, "pobj")[0]  # "in a poll released Monday": the poll is the source, as "according to X"
    else:
        parent = reporting_parent(doc, i)
        if parent is None and doc.tok(i).pos == "ADJ" and doc.tok(i).dep == "acomp":
            parent = doc.tok(i).head  # "she is confident that C": the copula's subject speaks
        head = speaker_head(doc, parent if parent is not None else i)
    return Reported(i, cand.first, cand.last, head, hole=cand.hole, how=f"model:{cand.frame}")


#: Parts of speech the cue model judges when the rules pass a word over.  On PolNeAR train's even half (model
#: fitted on the odd half), adjectives ("critical of", "confident that") added 24 matches for 41 predictions,
#: then source phrases ("In a poll released Monday, C") 7 matches for 6 predictions.
MODEL_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP"})

#: Rule finds the cue model does not judge ("according to X" is always an attribution).
_ALWAYS_KEPT = frozenset({"according"})


def as_candidate(rep: Reported) -> learned.Candidate:
    """Return a rule find as a cue-model candidate (its frame is the rule that found it)."""
    return learned.Candidate(rep.cue, rep.how, rep.first, rep.last, rep.hole, how=rep.how, speaker=rep.speaker_head)


def kept(doc: Doc, rep: Reported) -> bool:
    """Return True unless the cue model finds a rule's indirect attribution too unlikely to keep."""
    if rep.how in _ALWAYS_KEPT or rep.how.startswith("model:"):
        return True
    return learned.model().keeps(learned.features(doc, as_candidate(rep)))


def find_reported(doc: Doc, inside_quote: set[int], use_model: bool = True) -> list[Reported]:
    """Return every cue with a content span, outside direct quotes.

    Args:
        doc: the article view.
        inside_quote: indices of tokens inside quotation marks (their cues are the quoted
            person's words, not the article's attributions).
        use_model: also ask the learned cue model about verbs and nouns the rules pass over.

    Returns:
        Reported records in text order.
    """
    out: list[Reported] = []
    for t in doc.parse.tokens:
        if t.i in inside_quote:
            continue
        rep = _by_rules(doc, t)
        if rep is None and use_model and t.pos in MODEL_POS and t.text.lower() != "according":
            rep = _modelled(doc, t.i)
        if rep is not None and not _medium_only(doc, rep):
            out.append(_with_raised_subject(doc, rep))
    return sorted(out + label_lines(doc), key=lambda r: r.first)


#: Nouns of a medium or an audience: "told [national television]", "told [reporters]" name where or to whom
#: it was said (the channel), never what was said.
MEDIUM_NOUNS = frozenset("""
television tv radio channel broadcaster broadcasters newspaper newspapers paper agency agencies outlet outlets
network reporters journalists reporter journalist press media correspondents
""".split())
#: Cues whose object is the audience or medium told, not the words ("told reporters").
MEDIUM_CUES = frozenset({"tell", "brief", "inform"})
#: Longest content (tokens) that can be a bare medium phrase ("the Ukrainian state television channel").  Set by
#: judgement; PolNeAR train per-gold diff 0 lost / 0 won.
MEDIUM_MAX_TOKENS = 5


def _medium_only(doc: Doc, rep: Reported) -> bool:
    """Return True if a telling cue's content is only a medium or audience phrase, with no verb ("told national
    television")."""
    if doc.tok(rep.cue).lemma.lower() not in MEDIUM_CUES:
        return False  # "mocked [a disabled newspaper reporter]" is what was mocked
    toks = [doc.tok(i) for i in range(rep.first, rep.last + 1)]
    return (rep.how not in ("according", "label") and 0 < len(toks) <= MEDIUM_MAX_TOKENS
            and toks[-1].lemma.lower() in MEDIUM_NOUNS and not any(t.pos in ("VERB", "AUX") for t in toks))


def _with_raised_subject(doc: Doc, rep: Reported) -> Reported:
    """Put the subject of a raising cue into its content ("[The senator] appeared [to concede]").

    For "seem"/"appear" the subject also decides the speaker (bounds.OBSERVED_RAISING).
    """
    if rep.hole is not None or rep.first < rep.cue:
        return rep
    raised = raised_subject(doc, rep.cue, rep.first)
    if raised is None:
        return rep
    head = raised_speaker(doc, rep.cue, raised[0], rep.speaker_head)
    return replace(rep, first=raised[0], hole=raised[1], speaker_head=head)


def _by_rules(doc: Doc, t: Token) -> Reported | None:
    """The lexicon rules' attribution for token ``t``, or None."""
    if t.text.lower() == "according":
        return _according_to(doc, t.i)
    if t.pos == "NOUN":
        return _noun_cue(doc, t.i)
    framed = frame_content(doc, t.i) if t.pos in ("VERB", "AUX") else None  # "made clear that C"
    if framed is not None and (span := trim(doc, *framed)):
        return Reported(t.i, span[0], span[1], speaker_head(doc, t.i), how="framed")
    if not is_cue_verb(t) and not _clause_taking(doc, t.i):
        return None
    span = _right_content(doc, t.i)
    lemma = t.lemma.lower()
    hole, how = None, "right"
    if span is None and lemma not in CLAUSE_ONLY and (lemma in CUE_LEMMAS or "paren" in learned_frames(t)):
        left = _left_content(doc, t.i)
        span, hole, how = (left[:2], left[2], "left") if left else (None, None, how)
    if (span is None or lemma == "tell") and lemma in CUE_LEMMAS and (tail := stranded_tail_cue(doc, t.i)):
        return Reported(t.i, tail[0], tail[1], tail[2], how="left")  # "C, X, head of Y, told reporters"
    if span is None:  # "As X revealed, C" / "C, as X point out"
        span, hole = _as_content(doc, t.i)
        how = "as"
    if span is None:
        return None
    parent = reporting_parent(doc, t.i)  # "she said C and predicted D": she predicted
    head = speaker_head(doc, parent if parent is not None else t.i)
    return Reported(t.i, span[0], span[1], head, hole=hole, how=how)
