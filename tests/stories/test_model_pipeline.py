"""Story clustering on the real pipeline's output (spaCy entities) for a handful of articles."""

from __future__ import annotations

import pytest

from dateline.stories.cluster import cluster_stories
from tests.stories.generator import generate

pytestmark = pytest.mark.model


def test_real_pipeline_results_cluster_the_same(pipeline):
    corpus = generate(copies_per_story=3, seed=2, unrelated=True)
    picked = [a for a in corpus.articles if a.story in (0, 1)] + [a for a in corpus.articles if a.story is None][:3]
    items = [(a.id, r.article, r) for a in picked
             for r in [pipeline.read(a.text, published=a.published.isoformat(), url=a.url)]]
    stories = cluster_stories(items)
    truth = {frozenset(a.id for a in picked if a.story == k) for k in (0, 1)}
    assert {frozenset(m.article_id for m in s.members) for s in stories} == truth
    assert {s.original for s in stories} == {corpus.originals[0], corpus.originals[1]}
