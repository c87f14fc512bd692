"""A trailing cue the parser reads as a second verb of the content: "C, X, head of Y, told reporters"."""

from __future__ import annotations

import pytest
from tests.claims.conftest import containing

pytestmark = pytest.mark.model


def test_name_hung_on_the_content_verb_speaks_the_content(quotes_of):
    qs = quotes_of("The first bomber, carrying a baby on her back, blew herself up in the middle of a wedding party "
                   "in the afternoon, Barkhindo Saidou, head of the Emergency Management Agency of Borno State "
                   "(SEMA), told reporters at a press briefing in Maiduguri on Sunday.")
    q = containing(qs, "blew herself up")
    assert q.speaker is not None and "Saidou" in q.speaker.name
    assert q.text.startswith("The first bomber") and "Saidou" not in q.text
    assert q.channel == "press conference"


def test_a_real_second_verb_is_no_tail_cue(quotes_of):
    qs = quotes_of("The governor visited the hospital in the afternoon and told reporters the wounded were stable.")
    assert all("visited the hospital" not in q.text for q in qs), [q.text for q in qs]
