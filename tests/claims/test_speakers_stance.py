"""Speaker shapes found in PolNeAR train errors: stance passives, postposed and numeric speakers."""

from __future__ import annotations

import pytest

from dateline.claims.context import Doc
from dateline.model import Article
from dateline.nlp.spans import parse_article

pytestmark = pytest.mark.model


def test_stance_passive_subject_holds_the_view(head_of):
    # "are split on" / "is convinced": the subject's own stance, so the subject is the source
    assert head_of("The farmers are split on whether the new canal should be built.", "split") == "farmers"
    assert head_of("The mayor is convinced that the bridge will reopen by spring.", "convinced") == "mayor"


def test_epistemic_passive_still_names_nobody(head_of):
    # "is expected to": someone unnamed expects it; not the subject's claim
    assert head_of("The governor is expected to sign the bill on Friday.", "expected") is None


def test_inverted_cue_takes_the_name_after_it(head_of):
    # the parser may hang the name on a following participle ("…, half joking")
    text = "“We will rebuild the school,” said Olena Marchuk, half smiling."
    assert head_of(text, "said") == "Marchuk"
    text = "The plant had been sold twice, said a former director of the Ministry."
    assert head_of(text, "said") == "director"


def test_inverted_object_verb_is_not_a_postposed_speaker(head_of):
    text = "The talks stalled in March, told Mr. Hale that the envoy had left."
    assert head_of(text, "told") != "Hale"


def test_counted_speakers(head_of):
    assert head_of("About 6 in 10 say they want a new constitution.", "say") == "10"


def test_according_to_names_the_source_not_the_subject(head_of):
    text = "The convoy reached the city on Monday, according to Colonel Ivan Dorosh."
    assert head_of(text, "according") == "Dorosh"


def test_subject_of_the_reported_clause_is_not_postposed(head_of):
    assert head_of("The shelling stopped at noon, said the mayor was safe.", "said") != "mayor"



def test_outermost_holder_prefers_the_earliest_named_cue():
    from types import SimpleNamespace as R

    from dateline.claims.nesting import outermost_holder

    inner = R(cue=7, speaker_head=6)  # "... said he would advise ...": "advise" holds the quote too
    outer = R(cue=1, speaker_head=0)
    unnamed = R(cue=0, speaker_head=None)
    assert outermost_holder([inner, outer]) is outer
    assert outermost_holder([unnamed, inner]) is inner
    assert outermost_holder([unnamed]) is unnamed


def test_neighbouring_clause_does_not_take_over_a_quote(quotes_of):
    # a reported clause that overruns into "…, though Marsh referred …" must not lift the quote to Marsh
    text = "“We continue to provide services to the campaign, and the data is a major part of that,” Willsie said, though Marsh referred further queries to the campaign."
    q = next(q for q in quotes_of(text) if "provide services" in q.text)
    assert q.speaker is not None and text[q.speaker.start : q.speaker.end] == "Willsie"


def test_manner_adverb_after_said_is_not_a_speaker(head_of):
    text = "“We have seen better days,” Dora Kemp, wearing a red scarf, said matter-of-factly."
    assert head_of(text, "said") != "matter"


def _reported_speaker(nlp, text: str, cue: str) -> str | None:
    from dateline.claims.reported import find_reported

    parse = parse_article(Article(text=text), nlp=nlp)
    doc = Doc.build(text, parse, ())
    k = next(t.i for t in parse.tokens if t.text == cue)
    rep = next(r for r in find_reported(doc, set()) if r.cue == k)
    return None if rep.speaker_head is None else parse.tokens[rep.speaker_head].text


def test_possessor_voices_a_noun_cue_when_the_subject_is_a_thing(nlp):
    text = "The floods strengthened the mayor's argument that the dam must be rebuilt."
    assert _reported_speaker(nlp, text, "argument") == "mayor"


def test_named_subject_keeps_a_possessed_noun_cue(nlp):
    text = "The candidate revisited his promise that taxes would not rise."
    assert _reported_speaker(nlp, text, "promise") == "candidate"


def test_cueless_quote_takes_the_cue_later_in_its_paragraph(speaker_of):
    text = "The shelling went on all night.\n\n“We held the line near the river.” “They will not pass,” Colonel Petro Dorosh said.\n"
    assert "Dorosh" in (speaker_of(text, "held the line") or "")


def test_cue_in_the_next_paragraph_is_not_borrowed(quotes_of):
    text = "“We held the line near the river for three days.”\n\n“They will not pass,” Colonel Petro Dorosh said.\n"
    q = next(q for q in quotes_of(text) if "held the line" in q.text)
    assert q.speaker is None or "Dorosh" not in text[q.speaker.start : q.speaker.end]
