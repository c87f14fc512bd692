"""Person spans that NER labels otherwise: a proper-noun run spelling a KB person, a speaker read as a title."""

from __future__ import annotations

import dataclasses

import pytest

from dateline.model import Mention
from dateline.resolve.actors.link import _as_speaker, _kb_person_spelling
from tests.resolve.helpers_actors import parse

pytestmark = pytest.mark.model


def test_proper_noun_run_spelling_a_kb_persons_given_name_is_a_person(kb):
    assert _kb_person_spelling(["antoni", "blinken"], kb)  # a spelling of Antony
    assert not _kb_person_spelling(["gregor", "blinken"], kb)  # another given name
    assert not _kb_person_spelling(["antoni", "blankenship"], kb)  # no such KB surname


def test_work_of_art_span_before_a_speech_verb_is_a_speaker():
    text = '"The report is false," Tomas Verhaegen said on state radio. They watched Broken Harbour Lights again.'
    _, p = parse(text)
    starts = [t.start for t in p.tokens]

    def span(s, label="WORK_OF_ART"):
        a = text.index(s)
        return Mention(text=s, start=a, end=a + len(s), label=label, sent=0, stage="test")

    assert _as_speaker(span("Tomas Verhaegen"), p, starts).label == "PERSON"
    assert _as_speaker(span("Broken Harbour Lights"), p, starts).label == "WORK_OF_ART"  # no speech verb after it
    assert dataclasses.asdict(_as_speaker(span("Tomas Verhaegen", "GPE"), p, starts))["label"] == "GPE"


def test_a_person_tagged_name_before_a_facility_noun_is_no_person(kb):
    from dateline.resolve.actors.link import resolve_actors
    from tests.resolve.helpers_actors import parse

    art, p = parse("A convoy left the Jabari Tembo hotel on Friday.")
    assert any(m.label == "PERSON" and m.text == "Jabari Tembo" for m in p.mentions)  # what NER makes of it
    assert not [e for e in resolve_actors(art, p, kb=kb) if e.kind == "person"]
