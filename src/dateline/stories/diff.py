"""What a copy changed: names, numbers, sentences and quotes, and its spin and garble scores.

Names are compared with the cluster's *consensus* spelling of each name token (the
spelling most members use; rarer spellings within fuzzy reach attach to it), so a
garble in the original itself is still caught.  Sentences are aligned greedily by a
blend of word overlap and shared facts; numbers are compared within aligned sentences.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from dateline.stories.fingerprint import Fingerprint, NameToken, quote_texts
from dateline.stories.model import NameChange, NumberChange, SentenceChange, Variant
from dateline.stories.normalise import fold, sentences, skeleton, words

#: Two spellings are one name when rapidfuzz ratio reaches this (or their skeletons agree).
#: Set on the generator's garbles (kh→h, y→i, doubled letters, dropped vowels, v→w):
#: garbles of names of 5+ letters score 77-95; distinct names in one story stay below 70.
NAME_FUZZ_MIN = 75.0
#: Two spellings found together in at least this share of the members that use the rarer
#: one (and in two members or more) are two names, not a garble of one.
CO_OCCUR_DISTINCT = 0.5
#: Aligned sentences must reach this blended similarity (word Jaccard and fact Jaccard).
ALIGN_MIN = 0.3
#: A quote counts as kept when a copy contains it at this partial-ratio or better.
QUOTE_KEPT_MIN = 90.0


def consensus_names(spellings_per_member: Sequence[set[str]], weights: Sequence[float] | None = None) -> dict[str, str]:
    """Map every spelling seen in a cluster to its consensus (canonical) spelling.

    Spellings within fuzzy reach (or with one skeleton) form one name, whose most used
    spelling is canonical; two spellings that appear together in several members are
    two different names and never merge.

    Args:
        spellings_per_member: for each member, the set of name tokens it uses.
        weights: optional weight of each member's vote (default 1 each).

    Returns:
        spelling -> canonical spelling (a canonical maps to itself).
    """
    freq: Counter[str] = Counter()
    members: dict[str, set[int]] = {}
    for idx, spellings in enumerate(spellings_per_member):
        for sp in spellings:
            freq[sp] += weights[idx] if weights else 1.0
            members.setdefault(sp, set()).add(idx)
    canon: dict[str, str] = {}
    heads: list[str] = []
    for spelling in sorted(freq, key=lambda sp: (-freq[sp], sp)):
        head = next((h for h in heads if _same_name(spelling, h, members)), None)
        if head is None:
            heads.append(spelling)
            head = spelling
        canon[spelling] = head
    return canon


def _same_name(a: str, b: str, members: dict[str, set[int]]) -> bool:
    """Tell whether spelling ``a`` is a variant of the more common ``b``."""
    together = len(members[a] & members[b])
    if together >= max(2, CO_OCCUR_DISTINCT * min(len(members[a]), len(members[b]))):
        return False  # used side by side: two different names
    if b[:1].lower() not in _first_letters(a):
        return False
    la, lb = a.lower(), b.lower()
    prefix = len(os.path.commonprefix([la, lb]))
    if prefix == min(len(a), len(b)) or (abs(len(a) - len(b)) >= 2 and prefix >= min(len(a), len(b)) - 1):
        return False  # a derived word ("Syria", "Syrian"; "Ukraine", "Ukrainian"), not a misspelling
    return skeleton(a) == skeleton(b) or (min(len(a), len(b)) >= 4 and fuzz.ratio(a.lower(), b.lower()) >= NAME_FUZZ_MIN)


def _first_letters(spelling: str) -> set[str]:
    """Initial letters a garble may have come from (kh→h leaves h; g/h and y/i/j swap)."""
    c = spelling[:1].lower()
    return {c} | {"k", "g", "h"} if c in "hgk" else {c} | {"y", "i", "j"} if c in "yij" else {c}


def name_changes(names: Sequence[NameToken], canon: dict[str, str]) -> tuple[list[NameChange], float]:
    """Return the copy's misspelled names and its garble score (share of distinct names misspelled)."""
    changes, seen = [], set()
    distinct = {n.text for n in names if not n.capitals}
    for n in names:
        if n.capitals:
            continue
        c = canon.get(n.text, n.text)
        if c.lower() != n.text.lower() and n.text not in seen:
            seen.add(n.text)
            entity = " ".join(c if t == n.text else canon.get(t, t) for t in n.entity.split())
            changes.append(NameChange(c, n.text, entity, round(fuzz.ratio(c, n.text), 1), n.start, n.end))
    return changes, (len(seen) / len(distinct) if distinct else 0.0)


@dataclass(frozen=True)
class Sents:
    """The sentences of one text with what the diff compares, computed once per text."""

    spans: tuple[tuple[str, int, int], ...]
    words: tuple[frozenset[str], ...]
    facts: tuple[frozenset[str], ...]
    numbers: tuple[tuple[str, ...], ...]
    plain: tuple[tuple[str, ...], ...]  # words that are not figures


@lru_cache(maxsize=512)
def prepare(text: str) -> Sents:
    """Split ``text`` into sentences and compute their words, facts and figures (cached: originals repeat)."""
    spans = tuple(sentences(text))
    ws = [words(s) for s, _, _ in spans]
    nums = tuple(tuple(w.replace(",", "") for w in x if w[0].isdigit()) for x in ws)
    facts = tuple(frozenset(skeleton(t) for t in s.split() if t[:1].isupper()) | frozenset(n) for (s, _, _), n in zip(spans, nums))
    plain = tuple(tuple(w for w in x if not w[0].isdigit()) for x in ws)
    return Sents(spans, tuple(frozenset(x) for x in ws), facts, nums, plain)


def _jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def align(orig: Sents, copy: Sents) -> list[tuple[int, int, float]]:
    """Greedily match sentences of the original and the copy; return (orig i, copy j, score)."""
    scored = []
    for i, (ow, of) in enumerate(zip(orig.words, orig.facts)):
        for j, (cw, cf) in enumerate(zip(copy.words, copy.facts)):
            w = _jaccard(ow, cw)
            score = (w + _jaccard(of, cf)) / 2 if of or cf else w
            if score >= ALIGN_MIN:
                scored.append((score, i, j))
    used_i, used_j, out = set(), set(), []
    for score, i, j in sorted(scored, reverse=True):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((i, j, score))
    return sorted(out)


def number_changes(pairs: list[tuple[int, int, float]], orig: Sents, copy: Sents) -> list[NumberChange]:
    """Return figures that differ between aligned sentences (paired in order of appearance)."""
    out = []
    for i, j, _ in pairs:
        a, b = orig.numbers[i], copy.numbers[j]
        gone = [x for x in a if x not in b]
        new = [x for x in b if x not in a]
        sent, s0, _ = copy.spans[j]
        for x, y in zip(gone, new):
            pos = sent.replace(",", "").find(y)
            start = s0 + max(pos, 0)
            out.append(NumberChange(x, y, sent, start, start + len(y)))
    return out


def spin_score(pairs: list[tuple[int, int, float]], orig: Sents, copy: Sents) -> float:
    """Return the share of ordinary words changed in aligned sentences whose figures were kept."""
    changed = total = 0
    for i, j, _ in pairs:
        if sorted(orig.numbers[i]) != sorted(copy.numbers[j]):
            continue
        ow, cw = orig.words[i], copy.plain[j]
        changed += sum(1 for w in cw if w not in ow)
        total += len(cw)
    return changed / total if total else 0.0


def sentence_changes(pairs: list[tuple[int, int, float]], orig: Sents, copy: Sents,
                     orig_text: str, copy_text: str) -> list[SentenceChange]:
    """Return dropped and added sentences, and dropped and added quotes."""
    oi, cj = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    out = [SentenceChange("dropped_sentence", s, a, b) for i, (s, a, b) in enumerate(orig.spans) if i not in oi]
    out += [SentenceChange("added_sentence", s, a, b) for j, (s, a, b) in enumerate(copy.spans) if j not in cj]
    fo, fc = fold(orig_text), fold(copy_text)
    for kind, quotes, other, raw in (("dropped_quote", quote_texts(orig_text), fc, orig_text),
                                     ("added_quote", quote_texts(copy_text), fo, copy_text)):
        for q in quotes:
            if q not in other and fuzz.partial_ratio(q, other) < QUOTE_KEPT_MIN:
                a, b = _find_raw(q, raw)
                out.append(SentenceChange(kind, q, a, b))
    return out


def _find_raw(folded: str, raw: str) -> tuple[int, int]:
    """Return the offsets in ``raw`` of a folded passage (quotes, dashes and spaces may differ)."""
    rx = "".join(r"\s+" if c == " " else "[\"\u201c\u201d\u201e]" if c == '"' else "['\u2018\u2019]" if c == "'"
                 else "[-\u2012\u2013\u2014\u2212]" if c == "-" else re.escape(c) for c in folded)
    m = re.search(rx, raw)
    return (m.start(), m.end()) if m else (0, 0)


def diff(copy_id: str, copy_text: str, copy_fp: Fingerprint, orig_id: str, orig_text: str,
         canon: dict[str, str]) -> Variant:
    """Compare one copy with the original (names: with the consensus) and return its Variant."""
    orig, cop = prepare(orig_text), prepare(copy_text)
    pairs = align(orig, cop)
    names, garble = name_changes(copy_fp.names, canon)
    return Variant(
        article_id=copy_id,
        against=orig_id,
        name_changes=tuple(names),
        number_changes=tuple(number_changes(pairs, orig, cop)),
        sentence_changes=tuple(sentence_changes(pairs, orig, cop, orig_text, copy_text)),
        spin_score=round(spin_score(pairs, orig, cop), 3),
        garble_score=round(garble, 3),
        aligned=len(pairs),
    )
