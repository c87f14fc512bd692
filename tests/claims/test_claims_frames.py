"""Multi-word cue frames: the frame's subject speaks, not the subject of a verb nested in its content."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _attribution(quotes_of, text: str, words: str) -> tuple[str | None, str | None]:
    q = next(q for q in quotes_of(text) if words in q.text)
    return q.cue, (None if q.speaker is None else text[q.speaker.start : q.speaker.end])


@pytest.mark.parametrize(
    "text, words, cue, speaker",
    [
        ("Officials with the regional council made clear Monday they have no plans to evacuate the port.", "no plans", "made", "Officials"),
        ("Zelenskyy has made it clear that he expects the shelling to intensify.", "he expects", "made", "Zelenskyy"),
        ("Several senators took issue with the plan to cut military aid.", "the plan", "took", "Several senators"),
        ("Marchenko and Koval were both sternly critical of officers who suggest the bridge is safe.", "officers", "were", "Marchenko"),
        ("People briefed on the talks were adamant that the envoy would seek a delay.", "the envoy", "were", "People"),
        ("As the newspaper revealed, the council agreed to allow the vote.", "the council agreed", "revealed", "the newspaper"),
        ("But ignoring the front also carries risks, as the general's aides point out.", "carries risks", "point", "aides"),
    ],
)
def test_frame_subject_speaks(quotes_of, text, words, cue, speaker):
    got_cue, got_speaker = _attribution(quotes_of, text, words)
    assert got_cue == cue
    assert got_speaker is not None and speaker in got_speaker


def test_it_is_clear_has_no_frame_speaker(quotes_of):
    text = "It is clear that the army will try to retake the bridge."
    assert all(q.cue != "is" for q in quotes_of(text))


def test_as_time_clause_is_not_a_cue(quotes_of):
    text = "As the soldiers stood at the checkpoint, the convoy passed through the village."
    assert all(q.cue != "stood" for q in quotes_of(text))


def test_called_for_a_clause_marked_by_for_is_the_content(quotes_of):
    # the parser makes "for" the marker of an adverbial clause, not a preposition
    text = "Governor Olena Koval spoke in Odesa. She also called for all residents to leave the coastal villages before the storm."
    cue, speaker = _attribution(quotes_of, text, "all residents")
    assert cue == "called" and speaker == "She"


def test_share_of_a_poll_gives_the_poll_as_speaker(quotes_of):
    text = "In a Kyiv institute poll released Monday, 64 percent said the city should keep its schools open."
    cue, speaker = _attribution(quotes_of, text, "schools open")
    assert cue == "said" and speaker is not None and "poll" in speaker and "percent" not in speaker


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        ("Major Petro Hrytsenko briefed the press. “Nobody leaves this base tonight,” the colonel barked.", "barked", "the colonel"),
        ("Minister Olena Koval spoke first. “Ukraine will always be Ukraine,” an angry Koval retaliated.", "retaliated", "an angry Koval"),
    ],
)
def test_manner_verbs_after_a_direct_quote_attribute_it(quotes_of, text, cue, speaker):
    got_cue, got_speaker = _attribution(quotes_of, text, "“")
    assert got_cue == cue and got_speaker == speaker


def test_parenthetical_cue_given_a_second_subject_by_the_parser_still_splits_the_content(quotes_of):
    # the parser makes "Voters" a second subject of "suggested"
    text = "Voters, Koval suggested, don’t have to worry that big donors can buy the election."
    qs = [q for q in quotes_of(text) if q.cue == "suggested"]
    assert any("have to worry" in q.text for q in qs)
    assert all(text[q.speaker.start : q.speaker.end] == "Koval" for q in qs)
