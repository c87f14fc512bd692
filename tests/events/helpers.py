"""Hand-built records for the events tests: no spaCy model, no gazetteer."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dateline.model import Article, Entity, Mention, Parse, Sentence


def make_parse(text: str, dates: tuple[str, ...] = ()) -> Parse:
    """Split ``text`` into sentences at ". " and mark each phrase of ``dates`` as a DATE mention."""
    sentences, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+|$", text):
        if m.start() > start:
            sentences.append(Sentence(start=start, end=m.start(), first_token=0, last_token=0))
        start = m.end()
    mentions = []
    for phrase in dates:
        for m in re.finditer(re.escape(phrase), text):
            mentions.append(Mention(phrase, m.start(), m.end(), "DATE"))
    return Parse(tokens=(), sentences=tuple(sentences), mentions=tuple(mentions))


def make_entity(text: str, eid: str, kind: str, name: str, **kw) -> Entity:
    """Return an entity with a mention at every occurrence of ``name`` in ``text``."""
    mentions = tuple(Mention(name, m.start(), m.end(), "GPE") for m in re.finditer(re.escape(name), text))
    return Entity(id=eid, kind=kind, name=name, mentions=mentions, status="resolved", **kw)


@pytest.fixture
def article_of():
    def build(text: str, published: str = "2022-09-10") -> Article:
        return Article(text=text, published=dt.date.fromisoformat(published))

    return build
