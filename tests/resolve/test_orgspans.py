"""Lowercase organisation phrases: the rule-based span proposer and short references within an article."""

from __future__ import annotations

import pytest

from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.link import resolve_actors
from dateline.resolve.actors.orgspans import propose_org_spans, with_country_possessive
from tests.resolve.helpers_actors import parse

pytestmark = pytest.mark.model


def _proposed(text):
    """The proposed spans as the linker gets them (a country's possessive taken in, as in ``resolve_actors``)."""
    art, p = parse(text)
    return [m.text for m in with_country_possessive(art.text, propose_org_spans(art.text, p))]


def test_head_nouns_with_their_modifiers():
    assert "defence ministry" in _proposed("Later the defence ministry denied it.")
    # a country's own forces are named with the country, as NER names "Russia's Defense Ministry"
    assert "Ukraine's armed forces" in _proposed("Ukraine's armed forces advanced on Friday.")
    assert "Ukraine's air force" in _proposed("Ukraine's air force said it shot down 18 missiles.")
    assert "security service" in _proposed("The security service said it detained two men.")


def test_modifiers_and_generic_heads_are_not_organisations():
    got = _proposed("The army spokesman said a military operation was under way and the service resumed.")
    assert not any(x in ("army", "military", "service") for x in got), got


def _orgs(text, kb):
    art, p = parse(text)
    return [e for e in resolve_actors(art, p, kb=kb) if e.kind == "org"]


def test_short_reference_joins_the_organisation_named_before(small_kb):
    orgs = _orgs("Moscow's defence ministry said the strikes continued. Later the defence ministry denied "
                 "that any civilians were hit.", small_kb)
    ru = [e for e in orgs if e.name == "Ministry of Defence of the Russian Federation"]
    assert len(ru) == 1 and len(ru[0].mentions) == 2, [(e.name, [m.text for m in e.mentions]) for e in orgs]
    assert ru[0].mentions[1].text == "defence ministry"


def test_lowercase_forces_link_with_country(small_kb):
    orgs = _orgs("Ukraine's armed forces advanced twenty kilometres on Friday.", small_kb)
    assert [e.name for e in orgs] == ["Armed Forces of Ukraine"]


def test_short_reference_with_two_antecedents_is_not_linked(small_kb):
    orgs = _orgs("Russia's Defence Ministry and Ukraine's Defence Ministry traded claims. "
                 "On Sunday the defence ministry said nothing.", small_kb)
    linked = {e.name for e in orgs if e.status == "linked"}
    assert {"Ministry of Defence of the Russian Federation", "Ministry of Defence of Ukraine"} <= linked
    last = [e for e in orgs for m in e.mentions if m.text == "defence ministry"]
    assert all(e.status != "linked" for e in last)  # unlinked, or not claimed at all


def test_unlinked_country_forms_group_without_kb():
    orgs = _orgs("Russia's Defense Ministry said it had regrouped. The Russian Defense Ministry gave no figures.", ActorKB())
    texts = [[m.text for m in e.mentions] for e in orgs]
    assert ["Defense Ministry", "Russian Defense Ministry"] in texts, texts
    assert all(e.status != "linked" for e in orgs)


def test_a_demonym_tagged_person_does_not_hide_the_body_it_begins():
    from dataclasses import replace

    from dateline.model import Mention

    text = "The Azerbaijani defence ministry said its units had taken positions."
    art, p = parse(text)
    a = text.index("Azerbaijani")
    as_person = Mention("Azerbaijani", a, a + len("Azerbaijani"), "PERSON", sent=0)  # NER's slip, as seen in the news
    p = replace(p, mentions=tuple(m for m in p.mentions if not (m.start < as_person.end and a < m.end)) + (as_person,))
    assert "Azerbaijani defence ministry" in [m.text for m in propose_org_spans(art.text, p)]
