"""A surname spelled exactly like another KB person's is a real name, not a slip of the fuzzy match."""

from __future__ import annotations

import pytest

from dateline.resolve.actors.expand import expand
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.link import resolve_actors
from tests.resolve.conftest import fixture_records
from tests.resolve.helpers_actors import parse

pytestmark = pytest.mark.model

KIRIYENKO = {"kind": "person", "name": "Sergei Kiriyenko", "wikidata": None, "country": "RU",
             "native": ["Сергей Кириенко"], "aliases": ["Sergei Kirienko"], "roles": [], "description": "Russian official"}


def _with_russian_form(rec):
    """Give Kyrylenko the Russian-style romanisation the full build generates (light mode does not)."""
    if rec["name"] == "Pavlo Kyrylenko":
        return {**rec, "aliases": [*rec["aliases"], "Pavel Kirilenko"]}
    return rec


@pytest.fixture(scope="module")
def kb():
    return ActorKB.from_records([expand(_with_russian_form(r)) for r in [*fixture_records(), KIRIYENKO]])


def _person(text, name, kb):
    art, p = parse(text)
    return next(e for e in resolve_actors(art, p, kb=kb) if e.kind == "person" and any(m.text == name for m in e.mentions))


def test_exact_surname_of_another_person_blocks_fuzzy_link(kb):
    e = _person("Pavel Kirienko said the plant was safe.", "Pavel Kirienko", kb)
    assert e.status != "linked" or e.name != "Pavlo Kyrylenko", e.evidence


def test_slip_with_no_exact_owner_still_links(kb):
    e = _person("Donetsk governor Pavlo Kirylenko said the town was shelled.", "Pavlo Kirylenko", kb)
    assert e.status == "linked" and e.name == "Pavlo Kyrylenko"
    assert "surname:exact-for-another" not in e.evidence
