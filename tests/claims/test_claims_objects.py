"""Where an object content ends: example lists go on, the scene of the speaking does not."""

from __future__ import annotations

import pytest
from tests.claims.helpers import indirect as _indirect

pytestmark = pytest.mark.model


def test_example_list_after_a_comma_stays_in_the_object_content(quotes_of):
    qs = quotes_of("The commander praised the rescue crews, including the medics and the firefighters.")
    q = _indirect(qs, "the rescue crews")
    assert "including the medics and the firefighters" in q.text


def test_named_apposition_after_a_comma_stays_in_the_object_content(quotes_of):
    qs = quotes_of("The envoy defended his deputy, Marek Halvin, against the charges.")
    q = _indirect(qs, "his deputy")
    assert "Marek Halvin" in q.text


def test_event_where_it_was_said_is_not_object_content(quotes_of):
    qs = quotes_of("The governor thanked the volunteers at a rally in the port city.")
    q = _indirect(qs, "the volunteers")
    assert "rally" not in q.text


def test_time_phrase_after_the_object_is_not_content(quotes_of):
    qs = quotes_of("The mayor blamed the contractors during a briefing with reporters.")
    q = _indirect(qs, "the contractors")
    assert "briefing" not in q.text and "reporters" not in q.text


def test_clause_before_which_it_was_said_is_not_object_content(quotes_of):
    qs = quotes_of("The senator criticised the ministry before leaving the chamber.")
    q = _indirect(qs, "the ministry")
    assert "leaving" not in q.text


def test_reason_after_the_object_stays_in_the_content(quotes_of):
    qs = quotes_of("The senator criticised the ministry for delaying the repairs.")
    q = _indirect(qs, "the ministry")
    assert "for delaying the repairs" in q.text


def test_object_before_an_infinitive_content_is_part_of_it(quotes_of):
    qs = quotes_of("The governor urged the residents to leave the coast.")
    q = _indirect(qs, "to leave the coast")
    assert q.text.startswith("the residents")


def test_addressee_of_told_stays_out_of_the_infinitive_content(quotes_of):
    qs = quotes_of("The mayor told reporters to wait for the report.")
    q = _indirect(qs, "to wait")
    assert "reporters" not in q.text


def test_participle_after_a_noun_cue_is_not_its_content(quotes_of):
    for text in ("Residents were angered by a plan announced earlier this year.",
                 "A statement issued by the council on Monday was brief."):
        qs = quotes_of(text)
        assert not [q for q in qs if q.cue in ("plan", "statement")], [(q.cue, q.text) for q in qs]


def test_infinitive_after_a_noun_cue_is_still_its_content(quotes_of):
    qs = quotes_of("Residents were angered by the mayor's plan to close the market.")
    q = _indirect(qs, "close the market")
    assert q.cue == "plan"


def test_occasion_after_a_prepositional_cue_is_not_its_content(quotes_of):
    for text, cue in (("The mayor commented on Tuesday.", "commented"), ("The senator wrote in the morning.", "wrote")):
        qs = quotes_of(text)
        assert not [q for q in qs if q.cue == cue], [(q.cue, q.text) for q in qs]
    q = _indirect(quotes_of("The mayor spoke about the bridge at a rally on Tuesday."), "the bridge")
    assert "rally" not in q.text


def test_moving_forces_is_not_a_claim(quotes_of):
    text = ("The claim is similar to the justification Moscow gave for withdrawing its forces from the Sumy "
            "region when it failed to take the city last spring.")
    quotes = quotes_of(text)
    assert not [q for q in quotes if "its forces" in q.text or "Sumy region" in q.text], [q.text for q in quotes]


def test_a_hand_lexicon_object_cue_keeps_its_object_content(quotes_of):
    text = "The governor denied the rumours about the evacuation of Kupiansk on Monday."
    assert _indirect(quotes_of(text), "rumours")


def test_the_day_of_the_saying_is_not_content(quotes_of):
    text = "Poland's defence ministry said on Sunday it believed the convoy had reached the border crossing."
    q = _indirect(quotes_of(text), "convoy")
    assert q.text.startswith("it believed"), q.text
