"""Fixtures for the events tests (helpers live in helpers.py)."""

from .helpers import article_of  # noqa: F401  (a pytest fixture)
