"""Session 13: a "From Velmora:" label names where, not who; a live page's stamps are no speakers (invented text)."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article


@pytest.mark.model
def test_a_place_label_is_no_speaker(quotes_of):
    text = ("From Velmora: the deputy minister Anton Quarnby said the army would pull back from the river. "
            "He gave no date.")
    for q in quotes_of(text):
        assert q.speaker is None or "Velmora" not in q.speaker.name


@pytest.mark.model
def test_a_live_stamp_is_no_speaker(quotes_of):
    raw = ("11:20 CEST — The mayor of Tarsk, Anton Quarnby, told local television that the city was holding.\n\n"
           "10:05 CEST — Sirens sounded across the region overnight, officials said.")
    text = make_article(raw, published="2024-05-07").text
    q = next(q for q in quotes_of(text) if "city was holding" in q.text)
    assert q.speaker is not None and "Quarnby" in q.speaker.name


def test_a_time_zone_after_a_clock_is_no_place_name():
    from dateline.resolve.placespans import make_span, time_zone_after_clock

    text = "At 09:20 EEST the sirens sounded; EEST is also written alone."
    a = text.index("EEST")
    assert time_zone_after_clock(text, a, "EEST") and make_span(text, a, a + 4, "ORG", 0) is None
    b = text.index("EEST", a + 1)
    assert not time_zone_after_clock(text, b, "EEST")
