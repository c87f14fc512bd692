"""Capitalised organisation names that NER splits into pieces are proposed whole and kept when they link."""

from __future__ import annotations

import pytest

from dateline.resolve.actors.link import resolve_actors
from dateline.resolve.actors.orgruns import LABEL as RUN_LABEL
from dateline.resolve.actors.orgruns import propose_org_runs
from tests.resolve.helpers_actors import parse

pytestmark = pytest.mark.model


def _orgs(text: str, kb) -> list:
    art, p = parse(text)
    return [e for e in resolve_actors(art, p, kb=kb) if e.kind == "org"]


def test_runs_end_on_a_head_noun_and_skip_a_leading_common_noun():
    text = "Officers of the Coastal Defence Directorate of Moldova's Navy said on Monday that the port was shut."
    _, p = parse(text)
    spans = {m.text for m in propose_org_runs(text, p)}
    assert "Coastal Defence Directorate" in spans
    assert "Coastal Defence Directorate of Moldova's Navy" in spans
    assert not any(s.startswith("Officers") for s in spans)


def test_linked_run_replaces_the_ner_pieces_inside_it(kb):
    text = "The UN Interim Lebanon Force said a shell had landed near one of its positions on Sunday."
    orgs = _orgs(text, kb)
    whole = [e for e in orgs if any(m.text == "UN Interim Lebanon Force" for m in e.mentions)]
    assert len(whole) == 1 and whole[0].status == "linked" and "Interim Force" in whole[0].name
    assert not any(m.text == "UN" for e in orgs for m in e.mentions)  # the fragment gave way


def test_a_run_that_links_nothing_leaves_the_ner_pieces(kb):
    text = "The Northern Orchard Growers Council met in Brussels on Monday with NATO officials."
    orgs = _orgs(text, kb)
    assert not any("Orchard" in m.text and m.label == "ORG_RUN" for e in orgs for m in e.mentions)
    assert any(e.name == "NATO" or "North Atlantic" in e.name for e in orgs)


def test_an_unlinked_name_that_a_linked_run_begins_joins_that_body(kb):
    from dataclasses import replace

    from dateline.ingest.dateline import parse_dateline

    text = "KYIV, Ukraine (AP) — The Intelligence Main Directorate of the Defense Ministry said its drones hit a depot."
    art, p = parse(text)
    art = replace(art, dateline=parse_dateline(text))
    orgs = [e for e in resolve_actors(art, p, kb=kb) if e.kind == "org"]
    hur = [e for e in orgs if any(m.text.startswith("Intelligence Main Directorate") for m in e.mentions)]
    assert len(hur) == 1 and hur[0].status == "linked" and hur[0].country == "UA"


def test_a_possessor_inside_a_longer_name_is_not_homed(kb):
    from dataclasses import replace

    from dateline.ingest.dateline import parse_dateline

    text = "ODESA, Ukraine (AP) — Later, the Armed Forces' General Staff of Ukraine counted 31 assaults near the river."
    art, p = parse(text)
    art = replace(art, dateline=parse_dateline(text))
    orgs = [e for e in resolve_actors(art, p, kb=kb) if e.kind == "org"]
    owners = [e for e in orgs if any(m.text == "Armed Forces" for m in e.mentions)]
    assert owners == []  # "Armed Forces" owns the Staff here; it is not the Armed Forces as a body


def test_blocs_and_alliances_are_heads_so_their_slipped_names_are_proposed():
    # NER reads "Central African" as NORP and "Nile Alliance of States" as a facility here
    text = ("Chad and Sudan quit the Central African States Economic Community last year and set up their own Nile "
            "Alliance of States, saying the bloc had failed them.")
    _, p = parse(text)
    spans = {m.text for m in propose_org_runs(text, p)}
    assert "Central African States Economic Community" in spans
    assert "Nile Alliance of States" in spans


def test_a_lower_case_formation_tail_is_proposed_over_the_name_before_it():
    text = "Ukraine's Dniester group of forces said on Telegram that its units had withdrawn from the town."
    _, p = parse(text)
    spans = {m.text for m in propose_org_runs(text, p)}
    assert "Dniester group of forces" in spans
    text = "The Dniester flooded the town, and a group of volunteers helped."
    _, p = parse(text)
    assert not any("group" in m.text for m in propose_org_runs(text, p))


def test_a_run_that_adds_only_the_city_a_body_sits_in_gives_way_to_the_name_unless_the_city_is_in_the_name():
    from dateline.model import Mention
    from dateline.resolve.actors.orglink import _Group, _prefer_runs
    from dateline.resolve.actors.orgs import OrgMatch

    def groups(name: str, text: str, cut: int) -> dict:
        actor = {"name": name, "aliases": [], "gen": {"bags": []}}
        ner = Mention(text[:cut], 0, cut, "ORG")
        run = Mention(text, 0, len(text), RUN_LABEL)
        inner = Mention(text[:cut - 10], 0, cut - 10, RUN_LABEL)
        return {"a": _Group(OrgMatch(actor, 0.9, ("bag:exact",)), None, frozenset(), [ner, run, inner])}

    text = "Royal Defence Studies Institute in Lisbon"
    kept = _prefer_runs(groups("Royal Defence Studies Institute", text, 31))["a"].mentions
    assert [m.text for m in kept] == ["Royal Defence Studies Institute"]  # Lisbon is left to the places
    text = "Union Mission for Transition in Somalia"
    kept = _prefer_runs(groups("Union Transition Mission in Somalia", text, 29))["a"].mentions
    assert [m.text for m in kept] == ["Union Mission for Transition in Somalia"]
