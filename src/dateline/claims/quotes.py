"""Stage ``claims.quotes.v1``: quotes and reported speech.  (Being built: issue 5.)"""

from __future__ import annotations

from dateline.model import Article, DateMention, Entity, Parse, Quote


def attribute_quotes(article: Article, parse: Parse, entities: tuple[Entity, ...], dates: tuple[DateMention, ...]) -> tuple[Quote, ...]:
    """Return the article's quotes; none until the claims stage lands."""
    return ()
