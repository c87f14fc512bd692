"""Cluster articles into stories: LSH candidates, verified by Jaccard and fingerprint.

``cluster_stories(items)`` takes ``(article_id, Article, Result)`` triples and returns
:class:`~dateline.stories.model.Story` records (two members or more), each with its
original, the ordered copies and what each copy changed.

A pair joins one story when either

* the estimated Jaccard similarity of word 3-shingles is at least ``TEXT_JACCARD_MIN``
  (verbatim and lightly edited copies), or
* the fact fingerprints agree at least ``FACT_SIMILARITY_MIN`` *and* share at least
  ``FACT_MIN_SHARED`` keys (spun copies: new words, same names, figures and quotes).

Stories are the connected components of those pairs (union-find).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from dateline.model import Article, Result
from dateline.stories import fingerprint as fp
from dateline.stories import minhash as mh
from dateline.stories.model import Story
from dateline.stories.normalise import shingles

#: Estimated shingle Jaccard above which two articles are copies of one text.  Set on
#: the generated corpus: light copies 0.35-0.95, different stories on one topic < 0.08.
TEXT_JACCARD_MIN = 0.3
#: Fingerprint similarity above which two articles report the same facts.  Set on the
#: generated corpus: spun copies 0.35-0.9, unrelated reports on the same front < 0.2.
FACT_SIMILARITY_MIN = 0.33
#: A fingerprint match also needs this many shared fact keys, so that two short
#: articles naming the same two places are not one story.
FACT_MIN_SHARED = 6


@dataclass(frozen=True)
class Doc:
    """The comparable features of one article."""

    id: str
    article: Article
    result: Result | None
    text_sig: MinHash
    fact_sig: MinHash
    facts: fp.Fingerprint
    shingle_ids: np.ndarray  # CRC-32 of the word 3-shingles (lineage counts shared content)


def features(article_id: str, article: Article, result: Result | None) -> Doc:
    """Compute signatures and the fingerprint of one article."""
    facts = fp.fingerprint(article.text, result)
    ids = mh.feature_ids(shingles(article.text))
    fact_sig = mh.signature(facts.keys | facts.bigrams | facts.quotes)
    return Doc(article_id, article, result, mh.signature(ids), fact_sig, facts, ids)


def same_story(a: Doc, b: Doc) -> tuple[bool, float, float]:
    """Verify a candidate pair; return (match, text similarity, fact similarity)."""
    text = mh.estimate(a.text_sig, b.text_sig)
    if text >= TEXT_JACCARD_MIN:
        return True, text, fp.similarity(a.facts, b.facts)
    facts = fp.similarity(a.facts, b.facts)
    shared = len(a.facts.keys & b.facts.keys)
    return facts >= FACT_SIMILARITY_MIN and shared >= FACT_MIN_SHARED, text, facts


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


#: In one LSH bucket, a new article is verified against at most this many members of each
#: story already in the bucket (single link needs one proof; the cap bounds the work).
TRIES_PER_STORY = 3


def group(docs: Sequence[Doc]) -> list[list[int]]:
    """Return the connected components (lists of doc positions) of verified candidate pairs."""
    uf = _UnionFind(len(docs))
    if len(docs) > 1:
        for sigs, bands in (([d.text_sig.hashvalues for d in docs], mh.TEXT_BANDS),
                            ([d.fact_sig.hashvalues for d in docs], mh.FACT_BANDS)):
            for bucket in mh.buckets(sigs, bands):
                _join_bucket([int(i) for i in bucket], docs, uf)
    comps: dict[int, list[int]] = {}
    for i in range(len(docs)):
        comps.setdefault(uf.find(i), []).append(i)
    return sorted(comps.values(), key=lambda c: c[0])


def _join_bucket(bucket: list[int], docs: Sequence[Doc], uf: _UnionFind) -> None:
    """Join each article of one bucket to a story already there when a pair verifies."""
    groups: list[list[int]] = []
    for d in bucket:
        home = next((g for g in groups if uf.find(g[0]) == uf.find(d)), None)
        if home is None:
            for g in groups:
                if any(same_story(docs[d], docs[e])[0] for e in g[:TRIES_PER_STORY]):
                    uf.union(d, g[0])
                    home = g
                    break
        if home is None:
            groups.append([d])
        elif len(home) < TRIES_PER_STORY:
            home.append(d)


def cluster_stories(items: Iterable[tuple[str, Article, Result | None]], *, min_size: int = 2,
                    diffs: bool = True) -> tuple[Story, ...]:
    """Cluster articles into stories and work out each story's lineage.

    Args:
        items: ``(article_id, Article, Result)`` triples; the Result may be None.
        min_size: smallest cluster reported as a story (1 lists every article).
        diffs: compute each copy's variant diff (off for pure clustering runs).

    Returns:
        Stories, largest first; each has its members ordered original first.
    """
    from dateline.stories.lineage import build_story

    docs = [features(aid, art, res) for aid, art, res in items]
    comps = [c for c in group(docs) if len(c) >= min_size]
    comps.sort(key=lambda c: (-len(c), c[0]))
    return tuple(build_story(f"s{n + 1}", [docs[i] for i in c], diffs=diffs) for n, c in enumerate(comps))
