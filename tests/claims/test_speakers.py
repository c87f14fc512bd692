"""Speaker attribution shapes: the local mention that names the speaker of each cue, on real parses."""

from __future__ import annotations

import pytest

from dateline.claims.context import Doc
from dateline.claims.speakers import outer_speaker
from dateline.model import Article
from dateline.nlp.spans import parse_article

pytestmark = pytest.mark.model


def containing(quotes, words):
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote contains {words!r}: {[q.text for q in quotes]}"
    return hits[0]


def spoken_by(text: str, q) -> str:
    """The local speaker span of a quote as written in the text."""
    assert q.speaker is not None, f"no speaker for {q.text!r}: {q.reason}"
    return text[q.speaker.start : q.speaker.end]


def test_subject_inside_the_quote_is_not_the_speaker(quotes_of):
    text = "“We were wrong to wait so long,” Petro Kovalenko, 61, told reporters in Odesa on Monday."
    q = containing(quotes_of(text), "wrong to wait")
    assert "Kovalenko" in spoken_by(text, q)


def test_party_tag_in_parentheses_does_not_hide_the_speaker(quotes_of):
    text = "At the party congress in Vilnius, Senator Maria Lindqvist (D-VT) said the budget had been cut in half."
    q = containing(quotes_of(text), "budget had been cut")
    assert "Lindqvist" in spoken_by(text, q)


def test_of_two_subjects_the_one_next_to_the_cue_speaks(head_of):
    # a place before the name can be parsed as a second subject of the cue verb
    assert head_of("On Tuesday in Dnipro, Ohio, Governor Hal Brenner said the roads were closed.", "said") == "Brenner"


def test_dateline_and_weekday_are_skipped(head_of):
    text = "KHARKIV (Reuters) – Mayor Ihor Tereshko on Sunday warned that the heating plant could fail."
    assert head_of(text, "warned") == "Tereshko"


def test_passive_agent_speaks(head_of):
    assert head_of("The ceasefire plan was denounced by the Foreign Ministry as a trap.", "denounced") == "Ministry"


def test_agentless_passive_names_no_speaker(head_of):
    assert head_of("The new commander is expected to visit the front next week.", "expected") is None
    assert head_of("Asked about the shelling, the spokesman said nothing.", "Asked") is None


def test_it_appears_names_no_speaker(head_of):
    assert head_of("It appears that the convoy turned back before the border.", "appears") is None


def test_finite_verb_the_parser_left_without_subject_takes_the_adjacent_name(head_of):
    # "joked" is often parsed as an xcomp of the previous verb; the name right before it speaks
    text = "When a man in the crowd shouted, “Louder,” Brenner joked, “I only have one voice.”"
    assert head_of(text, "joked") == "Brenner"


def test_partial_quote_belongs_to_the_clause_it_sits_in(quotes_of):
    text = ("General Olha Savchenko insisted that her brigade had “held every line,” claiming that "
            "the enemy lost forty tanks.")
    q = containing(quotes_of(text), "held every line")
    assert q.cue == "insisted"
    assert "Savchenko" in spoken_by(text, q)


def test_relative_pronoun_speaks_for_its_antecedent(quotes_of):
    text = "The motion was backed by Senator Dana Holt, who said the vote had been rigged."
    q = containing(quotes_of(text), "vote had been rigged")
    assert spoken_by(text, q) == "who"
    assert "Holt" in q.speaker.name


def test_cue_inside_someone_elses_content_takes_the_outer_speaker(quotes_of):
    text = "Colonel Yuri Marchenko says he was unsure until the analysts said the bridge was mined."
    qs = quotes_of(text)
    for q in qs:
        assert "Marchenko" in spoken_by(text, q), (q.text, q.cue)


def test_outer_speaker_lifts_only_cues_nested_in_another_content(nlp):
    text = "Senator Ames says he spoke to the minister, officials said."
    parse = parse_article(Article(text=text), nlp=nlp)
    doc = Doc.build(text, parse, ())
    idx = {t.text: t.i for t in parse.tokens}
    says, officials, said = idx["says"], idx["officials"], idx["said"]
    toks = parse.tokens
    spans = [(0, idx[","] - 1, said, officials), (idx["he"], idx["minister"], says, idx["Ames"])]
    inner = (toks[idx["he"]].start, toks[idx["minister"]].end)
    # "says" lies inside the content that "officials said" governs: the claim is the officials'
    assert outer_speaker(doc, spans, says, inner) == officials
    # "said" lies in no other content
    assert outer_speaker(doc, spans, said, (0, toks[idx[","]].start)) is None
    # an outer cue inside the judged content is itself nested, so it cannot lift
    assert outer_speaker(doc, spans[:1], says, (inner[0], len(text))) is None


def test_second_clause_subject_hung_on_the_first_verb_speaks(quotes_of):
    # the parser makes "videos" a conjunct of "was" and leaves "showed" without a subject;
    # climbing to "was" would name the town
    text = ("Vovchansk was a key base for the garrison in the north, and social media videos earlier this week "
            "showed residents of Tsyrkuny cheering as the convoy passed.")
    q = containing(quotes_of(text), "cheering")
    assert "Vovchansk" not in spoken_by(text, q)
    assert "videos" in spoken_by(text, q)
