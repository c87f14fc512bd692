"""Session 13: a place's name after a locative joins no person by a look-alike; an OCR "rn" for "m" (invented)."""

from __future__ import annotations

from dateline.model import Mention
from dateline.resolve.actors import cluster
from dateline.resolve.actors.cluster import attach_surnames, given_compatible, group_full_names
from dateline.resolve.actors.names import skeleton


def _items(text: str, words: list[str]) -> list[tuple[Mention, list]]:
    out, pos = [], 0
    for w in words:
        s = text.index(w, pos)
        out.append((Mention(w, s, s + len(w), "PERSON", 0), []))
        pos = s + len(w)
    return out


TEXT = ("Governor Anton Quarn told reporters in Velkar that aid had arrived. Many wounded were taken to hospitals in "
        "Quarr, near the border. Quarr lies on the river. Quarn said more was needed.")


def test_a_word_after_a_locative_joins_no_look_alike_surname(monkeypatch):
    items = _items(TEXT, ["Anton Quarn", "Quarr", "Quarr", "Quarn"])
    groups = attach_surnames(group_full_names(items[:1], {}), items[1:], {}, TEXT)
    person = next(g for g in groups if "Anton Quarn" in [m.text for m in g.mentions])
    assert [m.text for m in person.mentions] == ["Anton Quarn", "Quarn"]  # both "Quarr" (the town) stay apart
    monkeypatch.setattr(cluster, "LOCATIVE_EXACT_ONLY", False)
    groups = attach_surnames(group_full_names(items[:1], {}), items[1:], {}, TEXT)
    assert len(next(g for g in groups if "Anton Quarn" in [m.text for m in g.mentions]).mentions) == 4


def test_an_ocr_rn_for_m_shares_the_skeleton():
    assert skeleton("velarn") == skeleton("velam")
    assert given_compatible("azirn", "azim") == "equiv"
