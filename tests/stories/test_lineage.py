from __future__ import annotations

import datetime as dt

from dateline.ingest import make_article
from dateline.model import Result
from dateline.stories.cluster import cluster_stories

WIRE = ("SUMY, Ukraine (AP) — Russian glide bombs hit the village of Krasnopillia overnight, damaging 40 homes and "
        "a school, regional head Volodymyr Artyukh said on Saturday.\n\n“Nobody sleeps here anymore,” Artyukh said.\n\n"
        "The regional administration counted 96 explosions in 24 hours along the border with Russia's Kursk region.")


def _item(aid, text, day, url):
    art = make_article(text, url=url, source=url, published=dt.date(2024, 4, day), language="en")
    return aid, art, Result(article=art)


def test_the_wire_copy_is_the_original_and_copies_are_diffed():
    farm = WIRE.replace("SUMY, Ukraine (AP) — ", "").replace("Artyukh", "Artiukh").replace("96", "69")
    farm2 = WIRE.replace("SUMY, Ukraine (AP) — ", "").replace("Krasnopillia", "Krasnopilia") + "\n\nSubscribe for alerts."
    stories = cluster_stories([_item("farm", farm, 13, "https://farm.example/1"),
                               _item("wire", WIRE, 13, "https://apnews.example/1"),
                               _item("farm2", farm2, 14, "https://other.example/2")])
    assert len(stories) == 1
    s = stories[0]
    assert s.original == "wire" and [m.rank for m in s.members] == [0, 1, 2]
    assert any("agency AP" in r for r in s.reasons) and any("earliest" in r for r in s.reasons)
    v = {x.article_id: x for x in s.variants}
    assert [(c.canonical, c.variant, c.entity) for c in v["farm"].name_changes] == [("Artyukh", "Artiukh", "Volodymyr Artyukh")]
    assert [(c.original, c.variant) for c in v["farm"].number_changes] == [("96", "69")]
    assert [c.variant for c in v["farm2"].name_changes] == ["Krasnopilia"]
    assert any(c.kind == "added_sentence" and "Subscribe" in c.text for c in v["farm2"].sentence_changes)
    assert v["farm"].garble_score > 0 and v["farm2"].garble_score > 0


def test_without_agency_the_earliest_cleanest_copy_wins():
    body = WIRE.replace("SUMY, Ukraine (AP) — ", "")
    late = body.replace("Volodymyr", "Wolodymyr")
    stories = cluster_stories([_item("late", late, 15, "https://b.example/x"), _item("early", body, 13, "https://a.example/y")])
    assert stories[0].original == "early"
    assert stories[0].members[1].original_score < stories[0].members[0].original_score


def test_a_copy_of_a_copy_is_traced_through_the_shared_misspelling():
    body = WIRE.replace("SUMY, Ukraine (AP) — ", "")
    first = body.replace("Artyukh", "Artiukh").replace("overnight", "during the night")
    second = first.replace("damaging", "wrecking") + "\n\nFollow us for more."
    clean = body.replace("a school", "one school")
    s = cluster_stories([_item("wire", WIRE, 13, "https://apnews.example/1"), _item("first", first, 14, "https://f.example/1"),
                         _item("second", second, 15, "https://s.example/2"), _item("clean", clean, 14, "https://c.example/3")])[0]
    by = {m.article_id: m for m in s.members}
    assert by["wire"].derived_from is None and by["clean"].derived_from == "wire"
    assert by["second"].derived_from == "first"
    assert any("Artiukh" in e for e in by["second"].evidence)
    assert [m.article_id for m in s.members][0] == "wire" and by["second"].rank == 3


def test_another_wires_report_of_the_same_news_is_not_called_a_copy():
    reuters = ("SUMY, Ukraine (Reuters) — Glide bombs dropped by Russian aircraft struck Krasnopillia during the night, "
               "regional head Volodymyr Artyukh said, adding that 40 homes and a school were damaged.\n\n"
               "“Nobody sleeps here anymore,” Artyukh told reporters.\n\nOfficials registered 96 explosions in 24 hours "
               "near the border with Russia's Kursk region.")
    farm = WIRE.replace("SUMY, Ukraine (AP) — ", "") + "\n\nSubscribe for alerts."
    s = cluster_stories([_item("ap", WIRE, 13, "https://apnews.example/1"), _item("reuters", reuters, 13, "https://reuters.example/2"),
                         _item("farm", farm, 14, "https://farm.example/3")])
    assert len(s) == 1
    by = {m.article_id: m for m in s[0].members}
    assert s[0].original == "ap" and by["farm"].derived_from == "ap"
    assert by["reuters"].derived_from is None and any("independent report" in e for e in by["reuters"].evidence)
