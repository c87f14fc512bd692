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


@pytest.mark.model
@pytest.mark.parametrize("text, words, who", [
    # a quoted worker is a person: "she" after the worker's words, across the quote's own first sentence
    ('A worker at a nearby shop said the rockets came without warning. "We heard a whistle and then the roof '
     'was on fire. People ran out with their clothes burning," she said.', "whistle", "worker"),
    # "the claim said" is the claim's issuer
    ('The Velmora Liberation Front said on Monday, through its news channel, that its fighters had carried out '
     'the raid. "Our soldiers struck the enemy in his own house," the claim said.', "struck the enemy",
     "Velmora Liberation Front"),
])
def test_a_later_speaker_phrase_refers_back(quotes_of, text, words, who):
    q = next(q for q in quotes_of(text) if words in q.text)
    assert q.speaker is not None and who in q.speaker.name


@pytest.mark.model
def test_an_official_after_the_toll_speaks_the_sentence(quotes_of):
    text = ("Missiles hit a column of cars on the edge of Tarsk on Friday morning, killing at least 20 people and "
            "wounding 40, the head of the Tarsk Regional Military Administration, Anton Quarnby, said on Telegram.")
    qs = quotes_of(text)
    assert all(q.text.strip() != "Telegram" for q in qs)  # a medium is never the content
    q = next(q for q in qs if "column of cars" in q.text)
    assert q.speaker is not None and "Quarnby" in q.speaker.name


@pytest.mark.model
def test_combat_verbs_make_no_claims(quotes_of):
    text = "Drones attacked the town of Tarsk overnight. Troops fired rockets at a convoy near Velmora."
    assert quotes_of(text) == () or all("Tarsk" not in q.text and "convoy" not in q.text for q in quotes_of(text))


@pytest.mark.model
def test_a_writing_verb_takes_the_speakers_written_channel():
    from dateline.pipeline import Pipeline

    text = ("Rockets hit Tarsk on Friday, the governor, Anton Quarnby, said on Telegram. Rescuers worked for hours. "
            "Shops were closed. Power was cut in two districts. \"The enemy struck a queue of civilians,\" Quarnby wrote.")
    qs = Pipeline().read(text, published="2024-05-07").quotes
    first = next(q for q in qs if q.text.startswith("Rockets hit Tarsk"))  # "C, the governor, X, said on Telegram."
    assert first.speaker is not None and "Quarnby" in first.speaker.name and first.channel == "telegram"
    q = next(q for q in qs if "queue of civilians" in q.text)
    assert q.speaker is not None and "Quarnby" in q.speaker.name and q.channel == "telegram"


@pytest.mark.model
def test_a_person_named_inside_an_unlinked_speaker_phrase_is_he(quotes_of):
    text = ("In a video, a man identified as the gang's leader, Anton Quarnby, said the raid was a punishment. "
            '"Anyone who helps the police will pay," he said.')
    q = next(q for q in quotes_of(text) if "will pay" in q.text)
    assert q.speaker is not None and "Quarnby" in q.speaker.name


def test_name_in_his_address_colon_quote_is_his(pipeline):
    from dateline.ingest import make_article

    text = ("VELMORA (AP) — The talks ended late on Tuesday.\n\n"
            "Adem Koral in his nightly video address: \"We accept this proposal. Now the other side must do the same.\"\n")
    res = pipeline.run(make_article(text, published="2025-03-12"))
    q = [q for q in res.quotes if "accept this proposal" in q.text]
    assert q and q[0].speaker is not None and "Koral" in q[0].speaker.name


def test_a_daily_call_with_reporters_is_a_press_conference():
    from dateline.claims.channel import find_channel

    text = "The spokesman tells reporters in a daily call that the city is waiting."
    ch = find_channel(text, 0, len(text))
    assert ch is not None and ch[0] == "press conference"


def test_said_in_a_video_posted_online_colon_quote_is_the_sayers(pipeline):
    from dateline.ingest import make_article

    text = ("TARSK (AP) — Gunmen stormed a studio on Tuesday.\n\nTarsk mayor Adem Koral said in a video posted on "
            "social media: \"Please stay at home and go out only if it is absolutely necessary.\"\n")
    res = pipeline.run(make_article(text, published="2024-01-09"))
    q = [q for q in res.quotes if "stay at home" in q.text]
    assert q and q[0].speaker is not None and q[0].speaker.name == "Adem Koral" and q[0].cue == "said"
    assert q[0].channel == "video"


def test_a_name_closing_a_titles_phrase_before_the_verb_speaks(pipeline):
    from dateline.ingest import make_article

    text = ("TARSK — The official representative of the ministry of Velmora Dana Koral wrote in Facebook: \"The scheme "
            "is known: provocation, then pressure.\"\n")
    res = pipeline.run(make_article(text, published="2018-11-26"))
    q = [q for q in res.quotes if "scheme" in q.text]
    assert q and q[0].speaker is not None and q[0].speaker.name == "Dana Koral"


def test_a_spokesman_for_a_titled_name_is_the_speaker(pipeline):
    from dateline.ingest import make_article

    text = ("TARSK — The spokesman for Governor Dana Koral said on Monday that the power was back in the city.\n")
    res = pipeline.run(make_article(text, published="2018-11-26"))
    q = [q for q in res.quotes if "power was back" in q.text]
    assert q and (q[0].speaker is None or q[0].speaker.name != "Dana Koral")
