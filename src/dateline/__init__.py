"""dateline: facts one can trust from war and conflict reporting.

    >>> import dateline
    >>> result = dateline.read("KYIV, Ukraine (AP) — Russia said on Saturday ...", published="2022-09-10")
    >>> [e.name for e in result.entities if e.kind == "place"]
"""

from __future__ import annotations

from dateline.errors import ConfigError, DatelineError, InputError, ResourceMissing, StoreError
from dateline.model import (
    Article,
    DateMention,
    Disagreement,
    Entity,
    Event,
    Mention,
    Quantity,
    Quote,
    Result,
    Speaker,
)
from dateline.pipeline import Pipeline, read

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigError",
    "DateMention",
    "DatelineError",
    "Disagreement",
    "Entity",
    "Event",
    "InputError",
    "Mention",
    "Pipeline",
    "Quantity",
    "Quote",
    "ResourceMissing",
    "Result",
    "Speaker",
    "StoreError",
    "read",
]
