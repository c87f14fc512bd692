"""Session 16: a source line's channel, "his X handle", ordinary people as speakers a pronoun refers back to, and a
coordinated clause with a strike and a toll of its own.  The texts are our own; the people are invented."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article


def _quotes(pipeline, text: str, published: str | None = None):
    return pipeline.run(make_article(text, published=published)).quotes


def _by_start(quotes, words: str):
    return next(q for q in quotes if words in q.text)


@pytest.mark.parametrize("source, channel", [
    ("Source: Dana Orlenko, Head of Velmora Oblast Military Administration, on Telegram\n\n", "telegram"),
    ("", None),  # no source line, no channel
])
def test_a_source_line_gives_its_speaker_the_channel_of_a_later_written_quote(pipeline, source, channel):
    text = ("Shelling hits Velmora centre: 4 killed\n\n" + source
            + "Details: Dana Orlenko, head of the oblast administration, said the town had been hit twice.\n\n"
            "Quote: \"The town was hit twice in one hour. Please leave while the road is open,\" Orlenko wrote.")
    q = _by_start(_quotes(pipeline, text), "hit twice in one hour")
    assert q.speaker is not None and "Orlenko" in q.speaker.name and q.channel == channel


def test_a_post_on_someones_x_handle_is_a_tweet():
    from dateline.claims.channel import find_channel

    text = "“We will pay for the treatment,” the governor wrote on his X handle on Monday."
    assert find_channel(text, 0, len(text))[0] == "tweet"
    assert find_channel("He handed over the X-ray results.", 0, 33) is None


def test_he_after_an_unnamed_vacationer_is_the_vacationer(pipeline):
    text = ("Officials said a blast hit the depot on Tuesday. Dana Orlenko, an adviser to the governor, wrote on "
            "Telegram: \"I can confirm several explosions.\"\n\n"
            "A vacationer from the capital told reporters that he had been swimming when the first blast came. "
            "\"There was one bang, then a second, and everyone ran for the cars,\" he said.")
    q = _by_start(_quotes(pipeline, text), "everyone ran for the cars")
    assert q.speaker is not None and "vacationer" in q.speaker.name.lower()


def test_a_clause_with_a_strike_and_a_toll_of_its_own_is_an_event_of_its_own(pipeline):
    text = ("VELMORA (AFP) - Missiles hit two towns overnight. In Velmora, three people were killed when a missile "
            "destroyed a mosque, and two teenagers died in a strike near a school in Tarsk.")
    evs = pipeline.run(make_article(text, published="2024-05-28")).events
    tolls = sorted(ev.killed for ev in evs if ev.killed)
    assert tolls == [2, 3]  # not one event of five
