"""Build a Parse by hand-free means: run the real spaCy model once per text (marked `model`)."""

from __future__ import annotations

import datetime as dt
import functools

from dateline.model import Article, Parse


@functools.lru_cache(maxsize=1)
def _nlp():
    from dateline.nlp.model import load_model

    return load_model()


def parse(text: str, published: str = "2022-09-10") -> tuple[Article, Parse]:
    from dateline.nlp.spans import parse_article

    art = Article(text=text, published=dt.date.fromisoformat(published))
    return art, parse_article(art, nlp=_nlp())
