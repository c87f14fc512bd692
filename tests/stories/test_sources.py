from __future__ import annotations

from dateline.ingest import make_article
from dateline.stories.sources import count_sources, node_key


def _art(text, url):
    return make_article(text, url=url, published="2023-01-02", language="en")


def test_a_relay_of_one_originator_is_one_chain_and_an_eyewitness_is_another():
    ap = _art("KYIV, Ukraine (AP) — Russian forces shelled Vovchansk overnight, according to the Institute for the "
              "Study of War, which cited social media videos posted on Telegram.", "https://apnews.example/1")
    farm = _art("Russian forces shelled Vovchansk overnight, the Associated Press reported, citing the ISW.",
                "https://farm.example/2")
    reuters = _art("Russian forces shelled Vovchansk overnight, Reuters reported, citing witnesses in the town.",
                   "https://other.example/3")
    own = _art("Our correspondent in Vovchansk saw the shelling overnight, and counted four burning houses.",
               "https://local.example/4")
    r = count_sources([("ap", ap), ("farm", farm), ("reuters", reuters), ("own", own)])
    assert r.reports == 4 and r.independent == 3
    first = r.chains[0]
    assert set(first.articles) == {"ap", "farm"}
    assert [node_key(n) for n in first.chain] == ["apnews.example", "AP", "ISW", "social media videos"]
    assert first.originator == "social media videos"


def test_copies_in_one_story_hop_to_the_original(stories, items):
    s = stories[0]
    ids = {m.article_id for m in s.members}
    r = count_sources([(aid, art) for aid, art, _ in items if aid in ids], [s])
    assert r.reports == s.size and r.independent == 1
