"""Stage ``resolve.places.v1``: places from GPE/LOC/FAC spans.

This first version is the raw NLP view: mentions grouped by spelling, no coordinates,
``status="raw"``.
"""

from __future__ import annotations

from dateline.model import Article, Entity, Parse
from dateline.resolve.common import group_raw
from dateline.resolve.gazetteer import Gazetteer

STAGE = "resolve.places.v1"


def resolve_places(article: Article, parse: Parse, actors: tuple[Entity, ...], *, gazetteer: Gazetteer) -> tuple[Entity, ...]:
    """Return place entities (raw NER grouping)."""
    return tuple(group_raw((m for m in parse.mentions if m.label in ("GPE", "LOC", "FAC")), "place", "l", STAGE))
