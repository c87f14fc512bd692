"""Stage ``resolve.actors.v1``: people and organisations from PERSON/ORG spans.

This first version is the raw NLP view: mentions grouped by spelling, ``status="raw"``.
"""

from __future__ import annotations

from dateline.model import Article, Entity, Parse
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.common import group_raw

STAGE = "resolve.actors.v1"


def resolve_actors(article: Article, parse: Parse, *, kb: ActorKB) -> tuple[Entity, ...]:
    """Return person and organisation entities (raw NER grouping)."""
    people = group_raw((m for m in parse.mentions if m.label == "PERSON"), "person", "p", STAGE)
    orgs = group_raw((m for m in parse.mentions if m.label == "ORG"), "org", "o", STAGE)
    return tuple(people + orgs)
