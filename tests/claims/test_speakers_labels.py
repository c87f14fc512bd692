"""Datelines and headline labels that open a line are never speakers; the phrase after them is."""

from __future__ import annotations

import pytest

from dateline.claims.context import Doc
from dateline.claims.labels import past_label
from dateline.model import Article
from dateline.nlp.spans import parse_article

pytestmark = pytest.mark.model


def _speaker_text(text: str, q) -> str | None:
    return None if q.speaker is None else text[q.speaker.start : q.speaker.end]


def test_dateline_parsed_as_subject_of_a_bar_dash_is_not_the_speaker(quotes_of):
    # the parser tags "―" as a verb with the dateline as its subject
    text = "Grain Deal.\n\nWASHINGTON ― The State Department said it is looking for a new envoy to lead the talks."
    q = next(q for q in quotes_of(text) if "new envoy" in q.text)
    assert q.cue == "said"
    assert _speaker_text(text, q) == "The State Department"


def test_the_latest_headline_label_is_not_the_speaker(quotes_of):
    text = "The Latest: Governor Pavlo Kyrylenko tells residents the shelters are open.\n\nThe shelling continued overnight."
    q = next(q for q in quotes_of(text) if "shelters are open" in q.text)
    spk = _speaker_text(text, q)
    assert spk is not None and "Latest" not in spk and "Kyrylenko" in spk


@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("Talks.\n\nKYIV, Ukraine (AP) — Officials said the talks would resume.", "KYIV", "Officials"),
        ("EXCLUSIVE – Oleksandr Marchenko: Don’t trust the promises.", "EXCLUSIVE", "Marchenko"),
        ("Talks.\n\nKYIV, Ukraine (AP) — Officials said the talks would resume.", "Officials", "Officials"),
    ],
)
def test_past_label_moves_a_dateline_head_to_the_phrase_after_it(nlp, text, label, expected):
    parse = parse_article(Article(text=text), nlp=nlp)
    doc = Doc.build(text, parse, ())
    k = next(t.i for t in parse.tokens if t.text == label)
    got = past_label(doc, k)
    assert got is not None and parse.tokens[got].text == expected


def test_name_on_topic_label_gives_the_name_before_on(quotes_of):
    text = "Kharkiv Mayor On Shelling: ‘We Will Rebuild Every School.’\n\nThe mayor spoke on Monday."
    q = next(q for q in quotes_of(text) if "Rebuild" in q.text)
    spk = _speaker_text(text, q)
    assert spk is not None and "Mayor" in spk and "Shelling" not in spk


def test_headline_clause_ending_in_a_particle_is_no_speaker_label(quotes_of):
    text = "Governor Digs In: Urges Residents to Stay in Their Homes.\n\nThe governor spoke on Monday."
    assert all(q.cue != ":" for q in quotes_of(text))


def test_name_on_a_long_topic_headline_gives_the_name(quotes_of):
    text = "Koval on the Kherson Counteroffensive: ‘I Think We Are Not Done Yet.’\n\nThe general spoke on Monday."
    q = next(q for q in quotes_of(text) if "Not Done" in q.text)
    assert q.cue == ":" and _speaker_text(text, q) == "Koval"
