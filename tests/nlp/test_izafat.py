"""A name joined by izafat or article particles is one mention (nlp.spans.with_izafat_names; invented names)."""

from __future__ import annotations

import pytest

from dateline.model import Mention
from dateline.nlp.spans import with_izafat_names


def _m(text: str, piece: str, label: str) -> Mention:
    s = text.index(piece)
    return Mention(piece, s, s + len(piece), label, 0)


@pytest.mark.parametrize("text, pieces, whole, label", [
    ("Workers of the Jamaat Velmora-e-Tarsk-Quarn (JVT) gathered.", [("Quarn", "PERSON")],
     "Jamaat Velmora-e-Tarsk-Quarn", "ORG"),  # a body word first: an organisation, whatever the piece was
    ("The Tehreek-e-Velmora Tarsk (TVT) said so.", [("Tehreek", "ORG")], "Tehreek-e-Velmora Tarsk", "ORG"),
    ("General Quarn Zia-ul-Velmor spoke.", [("Quarn Zia", "PERSON")], "Quarn Zia-ul-Velmor", "PERSON"),  # a man
])
def test_pieces_become_the_whole_name(text, pieces, whole, label):
    out = with_izafat_names(text, [_m(text, p, lab) for p, lab in pieces], lambda pos: 0)
    names = [(m.text, m.label) for m in out]
    assert (whole, label) in names and all(p not in [n for n, _ in names] for p, _ in pieces)


def test_a_word_after_the_chain_needs_the_bracketed_initials():
    text = "The Lashkar-e-Velmora Tarsk said nothing."
    out = with_izafat_names(text, [], lambda pos: 0)
    assert [(m.text, m.label) for m in out] == [("Lashkar-e-Velmora", "ORG")]


def test_a_longer_mention_holding_the_name_is_left_alone():
    text = "The Lashkar-e-Velmora Media Wing said."
    long_ = _m(text, "Lashkar-e-Velmora Media Wing", "ORG")
    assert with_izafat_names(text, [long_], lambda pos: 0) == [long_]
