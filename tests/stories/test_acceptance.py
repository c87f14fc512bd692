"""The issue's done-when figures on a generated corpus: clustering, originals, garbles."""

from __future__ import annotations

from tests.stories.generator import generate, to_items
from tests.stories.metrics import score

from dateline.stories.cluster import cluster_stories

#: Floors from issue 8.
MIN_PRECISION = MIN_RECALL = 0.95
MIN_ORIGINAL_ACCURACY = 0.90


def test_corpus_is_big_enough(corpus):
    copies = [a for a in corpus.articles if a.story is not None and a.kind != "original"]
    assert len(copies) >= 200 and len(corpus.originals) >= 20
    assert sum(a.story is None for a in corpus.articles) >= 10
    assert len(corpus.garbles) >= 100 and {g.method for g in corpus.garbles} >= {"kh->h", "y->i", "double", "drop vowel"}


def test_pairwise_precision_recall(corpus, stories):
    s = score(corpus, stories)
    assert s.precision >= MIN_PRECISION, s.precision
    assert s.recall >= MIN_RECALL, s.recall


def test_originals_identified(corpus, stories):
    s = score(corpus, stories)
    assert s.original_accuracy >= MIN_ORIGINAL_ACCURACY, s.wrong_originals


def test_every_injected_garble_reported(corpus, stories):
    s = score(corpus, stories)
    assert s.garbles_found == s.garbles, [(g.original, g.garbled) for g in s.missed_garbles]


def test_changed_figures_reported(corpus, stories):
    s = score(corpus, stories)
    assert s.numbers and s.numbers_found / s.numbers >= 0.9, (s.numbers_found, s.numbers)


def test_unrelated_articles_stay_alone(corpus, stories):
    unrelated = {a.id for a in corpus.articles if a.story is None}
    clustered = {m.article_id for st in stories for m in st.members}
    assert not unrelated & clustered


def test_another_seed_holds():
    corpus = generate(copies_per_story=9, seed=23)
    s = score(corpus, cluster_stories(to_items(corpus)))
    assert s.precision >= MIN_PRECISION and s.recall >= MIN_RECALL
    assert s.original_accuracy >= MIN_ORIGINAL_ACCURACY
    assert s.garble_recall == 1.0, s.missed_garbles
