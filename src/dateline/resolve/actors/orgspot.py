"""Spot KB organisation names that NER missed or mislabelled.

The small English model leaves some organisation names untagged or gives them another
label: "the White Helmets" (FAC), "Enerhoatom" (PERSON), "Shin Beth" (PERSON).  Working
from ``Parse`` tokens and the actor KB, this proposes:

* **Names**: capitalised token runs equal (after folding) to a multi-word name, alias or
  generated form of a KB organisation, found with a token trie: one dictionary step per
  token, whatever the size of the KB.
* **Word variants**: a capitalised one-word name (tagged anything but ORG) spelled nearly
  like a one-word KB organisation name ("Enerhoatom" for Energoatom), as ``orgs`` reads
  spelling variants; and a one-word KB organisation name written exactly but tagged PERSON
  ("grid operator Ukrenergo").
* **Two-word variants**: a two-word PERSON span one edit away from a two-word KB
  organisation name ("Shin Beth" for Shin Bet) when no KB person has that name.
* **Slipped names**: the longest capitalised run (small words inside) that ``orgs`` links
  through a spelling slip in one word (``orgslip``: "Whide House", "Governmint of Albania"),
  whatever NER made of it; only runs with a near miss of a KB word and no unknown word are tried.

Proposals (label ``ORG_SPOT``) are tentative: the linker keeps one only when it links,
and never over a linked person's span or inside a longer place name (``orglink``).
Lowercase words and sentence-initial capitals that are ordinary words are never spotted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rapidfuzz.distance import Levenshtein

from dateline.model import Mention, Parse, Token
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.names import ARABIC_ARTICLES, fold
from dateline.resolve.actors.orgs import (
    WORD_VARIANT_CONFIDENCE,
    WORD_VARIANT_MIN_LETTERS,
    OrgMatch,
    _word_variant,
    match_org,
)
from dateline.resolve.actors.orgslip import word_status

LABEL = "ORG_SPOT"
#: Lowercase words that may stand inside a capitalised name ("Institute for the Study of War", "al-Qaeda").
LOWER_OK = frozenset({"of", "for", "and", "the", "in", "on", "de", "al", "el", "des", "du", "la", "le", "s"})
#: Labels whose span already makes an organisation: nothing is spotted over them.
_ORG_LABELS = frozenset({"ORG"})
#: Place labels: a spotted name may cover such a span whole ("Azov Brigade") but not sit inside one.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: NER labels of a one-word place name: a spelling variant so tagged stays the place's unless the article
#: names the organisation in full.
_ONE_WORD_PLACE = frozenset({"GPE", "LOC"})
#: Shortest name part read from text: two-letter words and shorter are too often something else.
MIN_WORD_LETTERS = 3
#: Confidence of a two-word name one edit from a KB organisation's ("Shin Beth"): the word-variant
#: confidence of ``orgs``, the same kind of evidence (a spelling slip in a known name).
TWO_WORD_EDIT_CONFIDENCE = WORD_VARIANT_CONFIDENCE
#: Shortest two-word name (letters, space included) read as a one-edit variant: "Shin Bet" has 8.
#: Set by judgement; shorter names are one edit from too many others.
TWO_WORD_EDIT_MIN_CHARS = 8

_TrieNode = dict[str, Any]
_TRIES: dict[int, tuple[ActorKB, _TrieNode, dict[str, list[str]]]] = {}
_END = "\0"


def _org_forms(kb: ActorKB) -> tuple[_TrieNode, dict[str, list[str]]]:
    """Return the trie of multi-word organisation forms and the two-word forms by each word (built once per KB)."""
    held = _TRIES.get(id(kb))
    if held is not None and held[0] is kb:  # the KB is held too, so its id cannot be reused by another
        return held[1], held[2]
    trie: _TrieNode = {}
    by_word: dict[str, list[str]] = {}
    for form, idx in kb.form.items():
        words = form.split()
        if len(words) < 2 or not any(kb.actors[i]["kind"] == "org" for i in idx):
            continue
        node = trie
        for w in words:
            node = node.setdefault(w, {})
        node[_END] = True
        if len(words) == 2:
            for w in words:
                by_word.setdefault(w, []).append(form)
    _TRIES[id(kb)] = (kb, trie, by_word)
    return trie, by_word


def _words(parse: Parse) -> list[tuple[str, int]]:
    """Return the folded words of the tokens, each with its token index; "" marks a break."""
    out: list[tuple[str, int]] = []
    toks = parse.tokens
    for t in toks:
        ws = fold(t.text).split()
        if ws:
            out.extend((w, t.i) for w in ws)
        elif not _glue(t, toks):
            out.append(("", t.i))
    return out


def _glue(t: Token, toks: tuple[Token, ...]) -> bool:
    """True for a hyphen or apostrophe inside a word ("Al-Qaeda"): it does not break a name."""
    if t.text not in ("-", "'", "’") or t.i == 0 or t.i + 1 >= len(toks):
        return False
    return toks[t.i - 1].end == t.start and t.end == toks[t.i + 1].start


def _acronym_head(t: Token) -> bool:
    """True for an initialism that heads a body's name ("UN", "U.N.", "EU")."""
    letters = t.text.replace(".", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _capitalised(parse: Parse, first: int, last: int) -> bool:
    """True when every name word of tokens [first, last] is capitalised, and a leading "The" is not the sentence's."""
    toks = parse.tokens[first:last + 1]
    if len(toks) > 1 and _acronym_head(toks[0]):
        return True  # "the UN human rights office", "the UN refugee agency": press style lowercases the rest
    for t in toks:
        f = fold(t.text)
        if f and f not in LOWER_OK and not (t.text[:1].isupper() or t.text[:1].isdigit()):
            return False
    head = toks[0]
    if fold(head.text) in LOWER_OK:  # "The Atlantic": the article must be part of the name, not of the sentence
        return head.text[:1].isupper() and parse.sentences[head.sent].first_token != head.i
    return any(t.text[:1].isupper() for t in toks)


def _name_matches(parse: Parse, kb: ActorKB) -> list[tuple[int, int]]:
    """Return (first, last) token indices of the longest KB organisation forms in the text, leftmost first."""
    trie, _ = _org_forms(kb)
    words = _words(parse)
    toks = parse.tokens
    found: list[tuple[int, int]] = []
    for p, (w, ti) in enumerate(words):
        node = trie.get(w)
        if node is None or (p and words[p - 1][1] == ti):
            continue  # no form starts here, or this is not a token's first word
        best, q = None, p
        while node is not None:
            if _END in node and (q + 1 == len(words) or words[q + 1][1] != words[q][1]):
                best = words[q][1]
            q += 1
            if q == len(words) or toks[words[q][1]].sent != toks[ti].sent:
                break
            node = node.get(words[q][0])
        if best is not None and _capitalised(parse, ti, best):
            found.append((ti, best))
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    kept: list[tuple[int, int]] = []
    for a, b in found:
        if not any(a <= d and c <= b for c, d in kept):
            kept.append((a, b))
    return sorted(kept)


def _mention(text: str, parse: Parse, first: int, last: int) -> Mention:
    start, end = parse.tokens[first].start, parse.tokens[last].end
    return Mention(text=text[start:end], start=start, end=end, label=LABEL, sent=parse.tokens[first].sent,
                   stage="resolve.actors.v1")


def _lower_elsewhere(text: str, word: str) -> bool:
    """True when the word also stands lowercase in the article: an ordinary word, not a name."""
    lw = word.lower()
    return lw != word and f" {lw} " in f" {text} "


def _word_variants(text: str, parse: Parse, kb: ActorKB, named: frozenset[str]) -> list[Mention]:
    """Return one-word capitalised names that are spelling variants of one KB organisation's one-word name.

    A word NER tags as a place is spotted only when the article also names that organisation
    in full ("the Federal Agency for Air Transport, Rosaviazia"): otherwise the place keeps it.
    """
    in_ner = {(m.start, m.end): m.label for m in parse.mentions}
    out = []
    for t in parse.tokens:
        w = fold(t.text)
        if len(w) < WORD_VARIANT_MIN_LETTERS or not t.text[:1].isupper() or " " in w or not t.text.isalpha():
            continue
        label = in_ner.get((t.start, t.end))
        if label in _ORG_LABELS or t.pos != "PROPN":
            continue  # NER already has it, or it is no proper noun
        if w in kb.surname or w in kb.given_names or _lower_elsewhere(text, t.text):
            continue  # a person's name, or an ordinary word
        if w in kb.form:  # an exact one-word name: the linker reads it as it is, unless NER called it a person
            if label == "PERSON" and all(kb.actors[i]["kind"] == "org" for i in kb.form[w]):
                out.append(_mention(text, parse, t.i, t.i))  # "grid operator Ukrenergo" tagged PERSON
            continue
        hit = _word_variant(kb, w, None).actor
        if hit is not None and (label not in _ONE_WORD_PLACE or hit["id"] in named):
            out.append(_mention(text, parse, t.i, t.i))
    return out


#: Longest run of tokens read as a slipped organisation name ("Committee to Protecct Journalists" is 4).
MAX_SLIP_RUN = 8
#: Small words inside a run read for slips: those of names, and "to" ("Committee to Protect Journalists").
_SLIP_JOINERS = LOWER_OK | {"to"}


#: Arabic article particles that begin a name in lower case when a hyphen joins them to it ("al-Shabaab").
_PARTICLES = ARABIC_ARTICLES


def _name_start(t: Token, toks: tuple[Token, ...]) -> bool:
    """True for a capitalised word, or an article particle hyphened to a capitalised word ("al-Shebab")."""
    if t.text[:1].isupper() and t.text[:1].isalpha():
        return True
    nxt = toks[t.i + 1] if t.i + 1 < len(toks) else None
    return t.text in _PARTICLES and nxt is not None and _glue(nxt, toks) and toks[t.i + 2].text[:1].isupper()


def _cap_runs(parse: Parse) -> list[tuple[int, int]]:
    """Return (first, last) token indices of runs of capitalised words joined by small words or inner hyphens."""
    toks, out, i = parse.tokens, [], 0
    while i < len(toks):
        if not _name_start(toks[i], toks):
            i += 1
            continue
        j = k = i
        while k + 1 < len(toks) and toks[k + 1].sent == toks[i].sent:
            t = toks[k + 1]
            if t.text[:1].isupper() and t.text[:1].isalpha():
                j = k = k + 1
            elif fold(t.text) in _SLIP_JOINERS or _glue(t, toks):
                k += 1
            else:
                break
        out.append((i, j))
        i = j + 1
    return out


def _slipped_names(text: str, parse: Parse, kb: ActorKB) -> list[Mention]:
    """Return the longest capitalised runs that ``orgs`` links, or narrows to national bodies, through a slip.

    Only runs with a near miss of a KB word and no unknown word are tried ("Whide House").
    """
    out: list[Mention] = []
    for a, b in _cap_runs(parse):
        status = {t.i: max((word_status(kb, w) for w in fold(t.text).split()), default=0) for t in parse.tokens[a:b + 1]}
        if 1 not in status.values():
            continue  # no near miss of a KB word: exact names are the trie's, the rest no organisation's
        for first, last in sorted(((x, y) for x in range(a, b + 1) for y in range(x, min(b, x + MAX_SLIP_RUN - 1) + 1)),
                                  key=lambda s: (s[0] - s[1], s[0])):
            toks = parse.tokens[first:last + 1]
            if not (toks[-1].text[:1].isupper() and _name_start(toks[0], parse.tokens)) or (fold(toks[0].text) in LOWER_OK and toks[0].text not in _PARTICLES):
                continue  # a run starts and ends on a name word; "The" is left to the sentence
            span = text[toks[0].start:toks[-1].end]
            if any(m.start < toks[-1].end and toks[0].start < m.end for m in out):
                continue
            inside = [status[i] for i in range(first, last + 1)]
            if 2 in inside or 1 not in inside:
                continue  # an unknown word, or no near miss
            hit = match_org(kb, span, None)
            if "name:slip" in hit.evidence and (hit.actor is not None or hit.candidates):
                out.append(_mention(text, parse, first, last))
    return out


def _person_variants(text: str, parse: Parse, kb: ActorKB) -> list[Mention]:
    """Return two-word PERSON spans one edit from a two-word KB organisation name, no KB person's name."""
    out = []
    for m in parse.mentions:
        if m.label != "PERSON" or two_word_variant(kb, m.text) is None:
            continue
        out.append(Mention(text=m.text, start=m.start, end=m.end, label=LABEL, sent=m.sent, stage="resolve.actors.v1"))
    return out


def two_word_variant(kb: ActorKB, name: str) -> dict[str, Any] | None:
    """Return the one KB organisation whose two-word name is one edit from ``name``, unless a KB person has it.

    Args:
        kb: the actor KB.
        name: a two-word span ("Shin Beth").
    """
    words = fold(name).split()
    if len(words) != 2 or len(name.split()) != 2 or len(" ".join(words)) < TWO_WORD_EDIT_MIN_CHARS:
        return None
    if min(len(w) for w in words) < MIN_WORD_LETTERS or not all(p[:1].isupper() for p in name.split()):
        return None
    key = " ".join(words)
    if key in kb.form or words[1] in kb.surname:
        return None  # an exact name (read by the linker as it is) or a KB person's surname
    _, by_word = _org_forms(kb)
    forms = {f for w in words for f in by_word.get(w, ()) if Levenshtein.distance(f, key) == 1}
    hits = {kb.actors[i]["id"]: kb.actors[i] for f in forms for i in kb.form[f] if kb.actors[i]["kind"] == "org"}
    return next(iter(hits.values())) if len(hits) == 1 else None


def match_spot(kb: ActorKB, text: str) -> OrgMatch | None:
    """Link a spotted two-word variant ("Shin Beth") that ``match_org`` could not; None when it does not link."""
    actor = two_word_variant(kb, text)
    return OrgMatch(actor, TWO_WORD_EDIT_CONFIDENCE, ("name:one-edit",)) if actor else None


def _free(m: Mention, parse: Parse, held: Sequence[tuple[int, int]]) -> bool:
    """True when no NER organisation has this span, no held span overlaps it, and no place name holds it inside."""
    for n in parse.mentions:
        if n.label in _ORG_LABELS and n.start < m.end and m.start < n.end and not (m.start <= n.start and n.end <= m.end):
            return False  # NER has this organisation, or a longer one around it, or one across its edge
        if n.label in _ORG_LABELS and (n.start, n.end) == (m.start, m.end):
            return False
        if n.label in _PLACE_LABELS and n.start <= m.start and m.end <= n.end and (n.start, n.end) != (m.start, m.end):
            return False  # "Sea of Azov" holds "Azov"
    return not any(a < m.end and m.start < b for a, b in held)


def propose_kb_orgs(text: str, parse: Parse, kb: ActorKB, *, held: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Return organisation spans spotted from KB names (see the module docstring), in text order.

    Args:
        text: the article text.
        parse: tokens, sentences and NER mentions.
        kb: the actor KB.
        held: spans of linked people; nothing is spotted over them.
    """
    names = [_mention(text, parse, a, b) for a, b in _name_matches(parse, kb)]
    named = frozenset(kb.actors[i]["id"] for m in names for i in kb.form.get(fold(m.text), ()))
    spots = [*names, *_word_variants(text, parse, kb, named), *_person_variants(text, parse, kb),
             *_slipped_names(text, parse, kb)]
    unique = {(m.start, m.end): m for m in spots}
    return sorted((m for m in unique.values() if _free(m, parse, held)), key=lambda m: m.start)
