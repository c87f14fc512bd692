"""Where reported content ends: a conjoined or participial new report is not part of it."""

from __future__ import annotations

import pytest
from tests.claims.helpers import indirect as _indirect

pytestmark = pytest.mark.model


def test_conjoined_cue_ends_the_first_content(quotes_of):
    qs = quotes_of("Governor Maria Kovac said she respected the general and predicted that the front would hold.")
    first = _indirect(qs, "respected the general")
    assert "predicted" not in first.text and "front would hold" not in first.text


def test_adding_clause_ends_the_content_and_keeps_the_speaker(quotes_of):
    qs = quotes_of("Mayor Pavel Orlik said the bridge was destroyed overnight, adding that repairs would take months.")
    first = _indirect(qs, "bridge was destroyed")
    assert "adding" not in first.text and "repairs" not in first.text
    second = _indirect(qs, "repairs would take months")
    assert second.speaker is not None and "Orlik" in second.speaker.name


def test_coordinated_content_verbs_stay_together(quotes_of):
    qs = quotes_of("Officials said troops were digging trenches and laying mines near the river.")
    q = _indirect(qs, "digging trenches")
    assert "laying mines near the river" in q.text


def test_call_with_object_and_predicate_takes_both(quotes_of):
    qs = quotes_of("The governor called the mayor a reckless gambler who endangered the port.")
    q = _indirect(qs, "the mayor")
    assert "reckless gambler" in q.text


def test_object_list_after_a_comma_stays_in_the_content(quotes_of):
    qs = quotes_of("The commander thanked the engineers, the medics and the drivers for their work.")
    q = _indirect(qs, "the engineers")
    assert "the medics and the drivers" in q.text


def test_relative_clause_after_a_comma_ends_an_object_content(quotes_of):
    qs = quotes_of("The minister praised the volunteers, who had cleared the rubble, and left.")
    q = _indirect(qs, "the volunteers")
    assert "rubble" not in q.text


def test_raising_verb_puts_its_subject_into_the_infinitive_content(quotes_of):
    qs = quotes_of("The rebel commander appeared to concede the bridge on Tuesday.")
    parts = [q for q in qs if q.cue == "appeared"]
    texts = {q.text for q in parts}
    assert "The rebel commander" in texts and "to concede the bridge on Tuesday" in texts
    assert all("appeared" not in t for t in texts)  # the cue is the hole between the two parts


def test_commitment_verb_keeps_its_subject_out_of_the_content(quotes_of):
    qs = quotes_of("The colonel vowed to hold the town.")
    q = _indirect(qs, "to hold the town")
    assert "colonel" not in q.text and "colonel" in q.speaker.name


def test_observed_raising_subject_that_is_a_thing_names_no_speaker(quotes_of):
    qs = quotes_of("Support for the ceasefire appears to have collapsed in the eastern towns.")
    parts = [q for q in qs if q.cue == "appears"]
    assert parts and all(q.speaker is None for q in parts)


def test_observed_raising_subject_that_is_a_person_speaks(quotes_of):
    qs = quotes_of("Defence Minister Oleksandr Chub seemed to concede that the bridge was lost.")
    parts = [q for q in qs if q.cue == "seemed"]
    assert parts and all(q.speaker is not None and "Chub" in q.speaker.name for q in parts)


def test_conjoined_cue_after_a_same_tense_content_verb_ends_the_content(quotes_of):
    qs = quotes_of("Governor Ilse Marin said she regretted the delay and promised to reopen the bridge.")
    first = _indirect(qs, "regretted the delay")
    assert "promised" not in first.text and "reopen" not in first.text
    later = _indirect(qs, "reopen the bridge")
    assert later.speaker is not None and "Marin" in later.speaker.name


def test_time_clause_where_someone_else_reports_ends_the_content(quotes_of):
    qs = quotes_of("Mayor Pavel Orlik said the bridge was safe after an engineer told him the cracks were old.")
    first = _indirect(qs, "bridge was safe")
    assert "engineer" not in first.text and "cracks" not in first.text
    second = _indirect(qs, "cracks were old")
    assert "bridge" not in second.text


def test_time_clause_without_a_report_stays_in_the_content(quotes_of):
    qs = quotes_of("Mayor Pavel Orlik said the bridge was closed after the river flooded the road.")
    assert "river flooded the road" in _indirect(qs, "bridge was closed").text


def test_object_content_stops_before_a_time_clause_with_its_own_subject(quotes_of):
    qs = quotes_of("The senator praised the engineers as she toured the damaged dam on Friday.")
    q = _indirect(qs, "the engineers")
    assert "toured" not in q.text


def test_object_content_keeps_an_as_predicate(quotes_of):
    qs = quotes_of("The senator described the dam as badly damaged by the shelling.")
    q = _indirect(qs, "the dam")
    assert "badly damaged" in q.text
