"""A "that" clause the parser hangs inside the medium of the speaking is still the cue's content."""

from __future__ import annotations

import pytest
from tests.claims.conftest import containing

pytestmark = pytest.mark.model


def test_clause_hung_on_a_participle_of_the_medium_is_the_content(quotes_of):
    qs = quotes_of('Zelenskyy, who was in Vilnius on the eve of the summit, said in a video posted on X that Moscow '
                   '"must answer for this."')
    q = containing(qs, "must answer")
    assert q.text.startswith("that Moscow") and q.channel in ("video", "tweet")
    assert not any(q.text.startswith("Zelenskyy, who") for q in qs), [q.text for q in qs]


def test_clause_after_a_statement_read_on_television_is_the_content(quotes_of):
    qs = quotes_of('Government spokesman Colonel Amadou Keita said in a statement read on state television that '
                   '"the attackers" had been "neutralised".')
    q = containing(qs, "neutralised")
    assert q.text.startswith("that"), q.text
    assert q.channel == "television"
    assert sum("neutralised" in x.text for x in qs) == 1, [x.text for x in qs]  # one claim for two quoted pieces


def test_clause_after_a_named_broadcaster_is_the_content(quotes_of):
    qs = quotes_of('Army chief of staff General Umar Diara said on the state broadcaster ORTM that the situation was '
                   '"under control" and that about 20 suspects had been arrested.')
    q = containing(qs, "under control")
    assert q.text.startswith("that the situation"), q.text
    assert q.channel == "television"


def test_clause_parsed_as_an_adverbial_clause_is_the_content(quotes_of):
    qs = quotes_of('Kyiv denied any role. Mykhailo Podolyak, an adviser to the president, wrote on Twitter that Ukraine '
                   'was "watching with interest" and that tanks were sold at any Russian military store.')
    q = containing(qs, "watching with interest")
    assert q.text.startswith("that Ukraine") and q.channel == "tweet"
    assert q.speaker is not None and "Podolyak" in q.speaker.name
    assert not any(x.text == "Twitter" for x in qs)


def test_clause_inside_a_time_phrase_of_its_own_verb_is_not_the_content(quotes_of):
    qs = quotes_of("Police charged the driver after determining that a camera showed him speeding.")
    assert containing(qs, "the driver").text == "the driver"
    assert all(q.cue != "charged" for q in qs if "camera" in q.text), [(q.text, q.cue) for q in qs]


def test_conference_call_is_a_press_channel(quotes_of):
    qs = quotes_of("Kremlin spokesman Dmitry Peskov told reporters on a conference call that the raid was meant to "
                   "distract attention from the front.")
    q = containing(qs, "the raid")
    assert q.channel == "press conference"


def test_medium_after_an_object_is_the_channel_not_the_content(quotes_of):
    qs = quotes_of("The rebel Command of Military Operations announced the capture on Telegram.")
    q = containing(qs, "the capture")
    assert "Telegram" not in q.text and q.channel == "telegram"


def test_a_spokesmans_quote_carries_the_channel_of_the_bodys_statement(quotes_of):
    text = ('The Defense Ministry said in a statement that its troops had routed the group near the border. '
            '"The remnants of the formation were driven back," ministry spokesman Igor Konashenkov said.')
    q = containing(quotes_of(text), "The remnants")
    assert q.channel == "statement"


def test_a_spokesman_of_someone_else_does_not_carry_the_channel(quotes_of):
    text = ('The Defense Ministry said in a statement that its troops had routed the group near the border. '
            '"We were never there," Legion spokesman Alexei Baranovsky said.')
    q = containing(quotes_of(text), "never there")
    assert q.channel is None


def test_the_statement_said_is_the_statement_s_issuer(quotes_of):
    text = ("The group's spokesman, Jeeyand Baloch, said in a statement on Tuesday that the hostages would be killed. "
            '"The passengers will go home only when our prisoners come home," the statement said.')
    q = containing(quotes_of(text), "go home only")
    assert q.speaker is not None and "Baloch" in q.speaker.name and q.channel == "statement"


def test_the_medium_told_is_the_channel_of_the_quote_not_a_claim_of_its_own(quotes_of):
    qs = quotes_of('"We have lost the mill. There is almost nothing left that could be saved," Petro Honcharenko, the '
                   "head of the company's supervisory board, told national television.")
    assert not any(q.text.strip() in ("national television", "television") for q in qs), [q.text for q in qs]
    q = containing(qs, "lost the mill")
    assert q.channel == "television"
    assert not quotes_of("Petro Honcharenko, the head of the regional road service, told national television.")


def test_a_ministry_official_quoted_after_the_ministry_s_briefing_speaks_at_that_briefing(quotes_of):
    qs = quotes_of("Moldova's defence ministry, speaking at its weekly press conference in Chisinau, blamed the rebels. "
                   '"These gunmen are trying to spread fear in the villages," a ministry official said.')
    assert containing(qs, "spread fear").channel == "press conference"


def test_the_same_speaker_two_sentences_later_keeps_the_briefing_as_channel(quotes_of):
    qs = quotes_of("The first blast hit a market in the afternoon, Musa Ibrahim, head of the relief agency, told reporters "
                   "at a press briefing in Yola on Sunday. A second blast followed near the mosque, Musa Ibrahim said. "
                   "Rescuers worked through the night. "
                   '"The injured have been taken to Yola, and we fear the toll will rise," Musa Ibrahim said.')
    assert containing(qs, "fear the toll").channel == "press conference"
