"""The one exception tree of dateline.

::

    DatelineError                 anything dateline raises on purpose
    ├── InputError                the article or batch cannot be read (empty, binary, too large, malformed)
    ├── ResourceMissing           a model, gazetteer or knowledge-base file is absent or corrupt
    ├── StoreError                the database cannot be opened, migrated or written
    └── ConfigError               an option or setting is invalid

Every message says what to do next.  Third-party errors are translated at the edge
(ingest, nlp loading, store) so that callers catch only ``DatelineError``.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""


class InputError(DatelineError):
    """The input cannot be read as an article."""


class ResourceMissing(DatelineError):
    """A model or data file that dateline needs is missing or corrupt."""


class StoreError(DatelineError):
    """The database cannot be opened, migrated or written."""


class ConfigError(DatelineError):
    """An option or setting is invalid."""
