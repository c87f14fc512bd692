"""Session 17: a "that" clause after the one spoken to ("told a broadcaster that C"), which the small parser
hangs on the station as a relative clause.  The texts are our own; the people are invented."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article


def _quotes(pipeline, text: str):
    return pipeline.run(make_article(text)).quotes


@pytest.mark.parametrize("text, content, channel", [
    ("A teacher who fled Velmora told a community radio station that the school had been shelled twice.",
     "that the school had been shelled twice", "radio"),
    ("A woman who fled the shelling told a regional television channel that her house had burned down.",
     "that her house had burned down", "television"),
    ("The farmer told reporters that the army had left the village.", "that the army had left the village", None),
])
def test_a_that_clause_after_the_one_spoken_to_is_the_content(pipeline, text, content, channel):
    [q] = _quotes(pipeline, text)
    assert q.text == content and q.cue == "told" and q.channel == channel


@pytest.mark.parametrize("text, clause", [
    ("A woman who fled the shelling told a regional television channel that her house had burned down.",
     "that her house had burned down"),
    # a real relative clause: the tagger reads "that" as a relative pronoun (WDT), not a complementizer
    ("He told the story that his father had written down.", None),
    # not a cue of telling: "praised the station that ..." is left to the other rules
    ("The mayor praised a local radio station that he had founded.", None),
])
def test_addressee_that_clause(nlp, text, clause):
    from dateline.claims.context import Doc
    from dateline.claims.objects import addressee_that_clause
    from dateline.model import Article
    from dateline.nlp.spans import parse_article

    parse = parse_article(Article(text=text), nlp=nlp)
    doc = Doc.build(text, parse, ())
    v = next(t.i for t in parse.tokens if t.text in ("told", "praised"))
    got = addressee_that_clause(doc, v)
    assert (None if got is None else text[parse.tokens[got[0]].start:parse.tokens[got[1]].end]) == clause
