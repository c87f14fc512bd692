"""Pair verification: spun copies match on facts, stories from one front do not."""

from __future__ import annotations

import datetime as dt
import random

from dateline.stories.cluster import FACT_SIMILARITY_MIN, TEXT_JACCARD_MIN, cluster_stories, features, same_story
from tests.stories.generator import STORIES, Corpus, GenArticle, make_copy, original_text, to_items

DAY = dt.date(2024, 1, 1)


def _doc(aid, text, url="https://x.example/1"):
    (item,) = to_items(Corpus([GenArticle(aid, 0, "t", text, "t", DAY, url)]))
    return features(*item)


def test_a_heavily_spun_copy_matches_on_facts_alone():
    orig = _doc("o", original_text(STORIES[0]))
    rng = random.Random(4)
    seen_fact_only = 0
    for n in range(12):
        copy = make_copy(STORIES[0], 0, f"c{n}", "heavy", rng)
        ok, text, facts = same_story(orig, _doc(copy.id, copy.text))
        assert ok, (text, facts)
        seen_fact_only += text < TEXT_JACCARD_MIN and facts >= FACT_SIMILARITY_MIN
    assert seen_fact_only >= 3  # the fingerprint, not the wording, carries these


def test_reports_from_one_front_are_not_one_story():
    kharkiv = [s for s in STORIES if "Kharkiv" in " ".join(s["names"])]
    assert len(kharkiv) >= 2
    a, b = (_doc(str(i), original_text(s)) for i, s in enumerate(kharkiv[:2]))
    ok, text, facts = same_story(a, b)
    assert not ok and text < TEXT_JACCARD_MIN and facts < FACT_SIMILARITY_MIN


def test_single_articles_are_not_stories_unless_asked():
    docs = [("a", original_text(STORIES[1])), ("b", original_text(STORIES[2]))]
    corpus = Corpus([GenArticle(i, None, "t", t, "t", DAY, f"https://{i}.example/") for i, t in docs])
    items = to_items(corpus)
    assert cluster_stories(items) == ()
    singles = cluster_stories(items, min_size=1)
    assert [s.size for s in singles] == [1, 1] and all(s.variants == () for s in singles)
