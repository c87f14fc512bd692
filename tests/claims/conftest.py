"""Shared fixture: run the claims stage on a text with the real spaCy parse."""

from __future__ import annotations

import pytest

from dateline.claims.context import Doc
from dateline.claims.quotes import attribute_quotes
from dateline.claims.subjects import speaker_head
from dateline.events.dates import resolve_dates
from dateline.model import Article
from dateline.nlp.spans import parse_article
from dateline.resolve.common import group_raw

_KINDS = {"PERSON": ("person", "p"), "ORG": ("org", "o"), "GPE": ("place", "g"), "NORP": ("norp", "n")}


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def head_of(nlp):
    """Return (text, cue word) -> the text of the speaker head token found for that cue."""

    def run(text: str, cue: str) -> str | None:
        parse = parse_article(Article(text=text), nlp=nlp)
        doc = Doc.build(text, parse, ())
        k = next(t.i for t in parse.tokens if t.text == cue)
        h = speaker_head(doc, k)
        return None if h is None else parse.tokens[h].text

    return run


@pytest.fixture(scope="session")
def quotes_of(nlp):
    """Return a function text -> quotes (raw NER entities, dates resolved against 2022-09-10)."""
    import datetime as dt

    def run(text: str):
        article = Article(text=text, published=dt.date(2022, 9, 10))
        parse = parse_article(article, nlp=nlp)
        ents = []
        for label, (kind, prefix) in _KINDS.items():
            ents += group_raw((m for m in parse.mentions if m.label == label), kind, prefix, "test")
        return attribute_quotes(article, parse, tuple(ents), resolve_dates(article, parse))

    return run


def containing(quotes, words: str):
    """The first quote whose text contains ``words`` (fails the test if none)."""
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote contains {words!r}: {[q.text for q in quotes]}"
    return hits[0]


@pytest.fixture(scope="session")
def speaker_of(quotes_of):
    """Return (text, words) -> the speaker span, as written, of the quote containing ``words`` (None if no speaker)."""

    def run(text: str, words: str) -> str | None:
        q = containing(quotes_of(text), words)
        return None if q.speaker is None else text[q.speaker.start : q.speaker.end]

    return run
