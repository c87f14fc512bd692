"""Bare repeats of a surname that NER did not propose join the person (hand-built Parse, no model)."""

from __future__ import annotations

from dateline.model import Mention, Parse, Sentence, Token
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.link import _split_mentions


def _parse(words_pos, mentions):
    toks, pos, text = [], 0, []
    for i, (w, p) in enumerate(words_pos):
        toks.append(Token(i=i, text=w, start=pos, end=pos + len(w), lemma=w.lower(), pos=p, tag="", dep="", head=i, sent=0))
        text.append(w)
        pos += len(w) + 1
    s = " ".join(text)
    ms = tuple(Mention(text=t, start=s.index(t), end=s.index(t) + len(t), label=lab) for t, lab in mentions)
    return s, Parse(tokens=tuple(toks), sentences=(Sentence(0, len(s), 0, len(toks)),), mentions=ms)


def test_lone_surname_repeat_is_a_person_mention():
    words = [("Anna", "PROPN"), ("Koval", "PROPN"), ("spoke", "VERB"), (".", "PUNCT"), ("Later", "ADV"),
             ("Koval", "PROPN"), ("left", "VERB"), ("Koval", "PROPN"), ("Street", "PROPN"), (".", "PUNCT"),
             ("koval", "NOUN")]
    text, parse = _parse(words, [("Anna Koval", "PERSON")])
    people, _ = _split_mentions(parse, ActorKB())
    got = [(m.text, m.start) for m in people]
    assert ("Koval", text.index("Koval spoke")) not in got  # inside "Anna Koval"
    assert ("Koval", text.index("Koval left")) in got
    assert ("Koval", text.index("Koval Street")) not in got  # part of a longer name
    assert len(got) == 2
