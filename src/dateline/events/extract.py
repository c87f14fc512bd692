"""Stage ``events.v1``: typed events and disagreements.  (Being built: issue 6.)"""

from __future__ import annotations

from dateline.model import Article, DateMention, Disagreement, Entity, Event, Parse, Quantity, Quote


def extract_events(
    article: Article,
    parse: Parse,
    entities: tuple[Entity, ...],
    dates: tuple[DateMention, ...],
    quantities: tuple[Quantity, ...],
    quotes: tuple[Quote, ...],
) -> tuple[tuple[Event, ...], tuple[Disagreement, ...]]:
    """Return events and disagreements; none until the events stage lands."""
    return (), ()
