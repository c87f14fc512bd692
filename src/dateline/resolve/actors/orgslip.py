"""Organisation names with a spelling slip in one word, in any word order ("Vagner Group", "Whide House").

Content farms spin an organisation's name as they spin a surname: one word's letters drift
(a voicing slip, a swapped vowel, a dropped or doubled letter, another romanisation) and the
words are reordered around "of the".  The word bag of :mod:`orgs` already ignores the order;
this module lets one word of the bag differ by a slip:

* the name's content words (small words and country words dropped) are aligned one to one with
  those of a KB name or alias of the same length, in any order;
* every word must be the KB word itself (same stem) except at most ``MAX_SLIPS``, each of which
  must be a spelling slip of its partner: the same transliteration-blind key
  (:func:`dateline.resolve.gazetteer.keys.fold_key`), or one edit on it for words of
  ``SLIP_MIN_LETTERS`` or more letters -- the test :func:`rank.garble_distance` applies to surnames;
* a word that is itself a word of some KB organisation name is never read as a slip of another
  ("Eastern" is no slip of "Western": both are real words of names);
* a country word may itself carry the slip ("Ministry of Defence of Belaruss").

The link must be unique (one KB body), and the country rules of :mod:`orgs` apply: a national
body's name without a country ("Ministry of Defense") links only with a stated country.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import DamerauLevenshtein

from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.names import COUNTRY_WORDS, ORG_SMALL_WORDS, stem, strip_country
from dateline.resolve.gazetteer.keys import fold_key

#: Words of a name that may carry a slip.  One: the study's operators garble one word, and two slipped
#: words in a three-word name leave too little to go on.  Tuned on the garble study, seed 1 (organisations).
MAX_SLIPS = 1
#: Shortest word read as one edit from a KB word ("Wotch" for Watch is too short to tell from other words);
#: a romanisation variant (the same key) needs ``VARIANT_MIN_LETTERS``.  Tuned on the garble study, seed 1,
#: the same floor as people's ``rank.GARBLE_MIN_LEN``.
SLIP_MIN_LETTERS = 5
VARIANT_MIN_LETTERS = 4
#: Confidence of a slipped link: the word-variant confidence of ``orgs`` (the same kind of evidence).
SLIP_CONFIDENCE = 0.7


@dataclass(frozen=True)
class _Entry:
    actor: int
    words: tuple[str, ...]  # folded content words of one name or alias
    stems: tuple[str, ...]
    country: str | None  # the country its name states, else its seat


@dataclass(frozen=True)
class _Index:
    entries: tuple[_Entry, ...]
    by_stem: dict[str, tuple[int, ...]]  # stem -> entry numbers
    vocab: frozenset[str]  # every content word and stem of KB organisation names
    by_deletion: dict[str, tuple[str, ...]]  # a vocabulary word's key, and each key less one letter -> the words
    near: dict[str, tuple[str, ...]] = field(default_factory=dict)  # slip search results, by word
    status: dict[str, int] = field(default_factory=dict)  # word_status results, by word


_INDEX: dict[int, tuple[ActorKB, _Index]] = {}


def content_words(folded: str) -> tuple[list[str], str | None]:
    """Return the content words of a folded name (small words and country words dropped) and its country."""
    words, country = strip_country(folded.split())
    return [w for w in words if w not in ORG_SMALL_WORDS], country


def _index(kb: ActorKB) -> _Index:
    """Index the content words of every KB organisation name and alias (built once per KB)."""
    held = _INDEX.get(id(kb))
    if held is not None and held[0] is kb:  # the KB is held too, so its id cannot be reused by another
        return held[1]
    entries: list[_Entry] = []
    by_stem: dict[str, list[int]] = {}
    for i, a in enumerate(kb.actors):
        if a["kind"] != "org":
            continue
        for form in a["gen"]["forms"]:
            words, country = content_words(form)
            if len(words) < 2 and not (words and (country or a.get("country"))):
                continue  # a one-word name with no country is read by ``orgs`` (word variants)
            e = _Entry(i, tuple(words), tuple(stem(w) for w in words), country or a.get("country"))
            for s in set(e.stems):
                by_stem.setdefault(s, []).append(len(entries))
            entries.append(e)
    vocab = sorted({w for e in entries for w in e.words} | {s for e in entries for s in e.stems})
    by_deletion: dict[str, list[str]] = {}
    for w in vocab:
        for d in _deletions(fold_key(w)):
            by_deletion.setdefault(d, []).append(w)
    idx = _Index(tuple(entries), {k: tuple(v) for k, v in by_stem.items()}, frozenset(vocab),
                 {k: tuple(v) for k, v in by_deletion.items()})
    _INDEX[id(kb)] = (kb, idx)
    return idx


def is_slip(word: str, known: str) -> bool:
    """True when ``word`` is a spelling slip of ``known``: the same key, or one edit on it for longer words."""
    if word == known or min(len(word), len(known)) < VARIANT_MIN_LETTERS:
        return False
    d = DamerauLevenshtein.distance(fold_key(word), fold_key(known))
    return d == 0 or (d == 1 and min(len(word), len(known)) >= SLIP_MIN_LETTERS)


def _near(idx: _Index, word: str) -> tuple[str, ...]:
    """Return the KB vocabulary words of which ``word`` may be a slip (remembered per index)."""
    held = idx.near.get(word)
    if held is None:  # one edit apart <=> the two keys share the key itself or a one-letter deletion of it
        found = {w for d in _deletions(fold_key(word)) for w in idx.by_deletion.get(d, ())}
        held = idx.near[word] = tuple(sorted(w for w in found if is_slip(word, w)))
    return held


def _deletions(key: str) -> set[str]:
    """Return the key and every string one letter shorter (the index of a one-edit search)."""
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))}


_COUNTRY_BY_DELETION: dict[str, list[str]] = {}


def _country_slips(word: str) -> set[str]:
    """Return the countries of the one-word country names ``word`` is a slip of ("ukraini" -> UA)."""
    if not _COUNTRY_BY_DELETION:
        for c in COUNTRY_WORDS:
            if " " not in c and len(c) >= SLIP_MIN_LETTERS:  # long enough to be read through a slip
                for d in _deletions(fold_key(c)):
                    _COUNTRY_BY_DELETION.setdefault(d, []).append(c)
    found = {c for d in _deletions(fold_key(word)) for c in _COUNTRY_BY_DELETION.get(d, ())}
    return {COUNTRY_WORDS[c] for c in found if is_slip(word, c)}


def _slipped_country(words: list[str]) -> tuple[list[str], str | None]:
    """Read a content word that is a slip of a country word as that country ("belaruss")."""
    for n, w in enumerate(words):
        hits = _country_slips(w)
        if len(hits) == 1:
            return words[:n] + words[n + 1:], hits.pop()
    return words, None


def _aligns(words: list[str], entry: _Entry, near: list[tuple[str, ...]], vocab: frozenset[str], slips: int) -> bool:
    """True when the words pair one to one with the entry's, all the same stem but for slips.

    ``slips`` counts a slip already read (in the country word); the total must be 1 to MAX_SLIPS.
    """
    free = list(range(len(entry.words)))
    pending = []
    for n, w in enumerate(words):
        k = next((j for j in free if entry.stems[j] == stem(w)), None)
        if k is None:
            pending.append(n)
        else:
            free.remove(k)
    for n in pending:  # each unmatched word must be a slip of one of the entry's words left over
        w = words[n]
        if w in vocab or stem(w) in vocab:
            return False  # a real word of some KB name is not a slip of another
        k = next((j for j in free if entry.words[j] in near[n] or entry.stems[j] in near[n]), None)
        if k is None:
            return False
        free.remove(k)
        slips += 1
    return not free and 0 < slips <= MAX_SLIPS


def slipped_candidates(kb: ActorKB, folded: str) -> tuple[list[dict[str, Any]], str | None]:
    """Return the KB organisations whose name the folded span may be a slipped spelling of, and the stated country.

    Args:
        kb: the actor KB.
        folded: the folded span text ("vagner group").
    """
    idx = _index(kb)
    words, country = content_words(folded)
    slipped = 0
    if country is None and len(words) >= 2:
        words, country = _slipped_country(words)
        slipped = int(country is not None)
    if not words or (len(words) < 2 and country is None):
        return [], country
    near = [_near(idx, w) if w not in idx.vocab else () for w in words]
    reach: set[int] = set()
    for w, ns in zip(words, near):
        for s in (stem(w), *(stem(x) for x in ns)):
            reach.update(idx.by_stem.get(s, ()))
    hits = {}
    for e in (idx.entries[n] for n in sorted(reach)):
        if len(e.words) != len(words) or (len(words) < 2 and e.country != country):
            continue  # a one-word remainder ("Armmy" of "Indian Armmy") needs the body of the stated country
        if _aligns(words, e, near, idx.vocab, slipped):
            hits[e.actor] = kb.actors[e.actor]
    return list(hits.values()), country


def word_status(kb: ActorKB, folded: str) -> int:
    """Return 0 for a known word of KB organisation names (or a small or country word), 1 for a near miss, 2 otherwise.

    Args:
        kb: the actor KB.
        folded: one folded word.
    """
    idx = _index(kb)
    held = idx.status.get(folded)
    if held is None:
        if folded in ORG_SMALL_WORDS or folded in idx.vocab or stem(folded) in idx.vocab or folded in COUNTRY_WORDS:
            held = 0
        else:
            held = 1 if _near(idx, folded) or _country_slips(folded) else 2
        idx.status[folded] = held
    return held

