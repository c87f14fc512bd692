"""Quoted strings that are nobody's words: titles, markup values, scare-quoted terms."""

from __future__ import annotations

import pytest

from dateline.claims.titles import is_markup, is_title


def _span(text: str, inner: str) -> tuple[int, int]:
    start = text.index(inner) - 1
    return start, start + len(inner) + 2


@pytest.mark.parametrize(
    "text, inner",
    [
        ("In his 2019 memoir, “The Long Road to Kherson,” the colonel describes the retreat.", "The Long Road to Kherson,"),
        ("She appeared in the documentary “Winter on Fire” last year.", "Winter on Fire"),
        ("According to “The Fall of Mariupol” by Olena Marchenko, the siege began in March.", "The Fall of Mariupol"),
    ],
)
def test_titles_after_a_title_noun_or_according_to_by(text, inner):
    assert is_title(text, *_span(text, inner))


@pytest.mark.parametrize(
    "text, inner",
    [
        # a quote from a named channel is a claim: "channel" is no title noun
        ("The Telegram channel “Rybar” said the bridge was hit.", "Rybar"),
        # a sentence after a title noun, not title case
        ("His book said, “we were never told to retreat.”", "we were never told to retreat."),
        # title case but no title noun nearby
        ("The crowd shouted “Glory to Ukraine” as the convoy passed.", "Glory to Ukraine"),
        # a leader quoted in a video: "video" is no title noun
        ("The president said in a video address, “We Will Not Give Up The City.”", "We Will Not Give Up The City."),
    ],
)
def test_not_titles(text, inner):
    assert not is_title(text, *_span(text, inner))


def test_markup_attribute_values():
    text = '<tweet author="@frontline_news">Shelling in Kharkiv</tweet>'
    assert is_markup(text, text.index('"@'))
    assert not is_markup("He said “no.”", 8)


@pytest.mark.model
def test_titles_and_markup_are_not_quotes_but_the_cue_clause_is(quotes_of):
    qs = quotes_of(
        "In his new book, “Frontline Diaries,” Major Oleh Hrytsenko wrote that the brigade had lost half its tanks."
    )
    assert not any("Frontline Diaries" == q.text.strip("“”, ") for q in qs)
    assert any("lost half its tanks" in q.text and q.kind == "indirect" for q in qs)


@pytest.mark.model
def test_scare_quoted_term_with_a_distant_cue_is_not_a_quote(quotes_of):
    qs = quotes_of("Officials said the so-called “referendum” in the occupied towns was held at gunpoint.")
    assert not any(q.kind == "direct" and "referendum" in q.text and len(q.text) < 20 for q in qs)
    assert any("held at gunpoint" in q.text for q in qs)


@pytest.mark.model
def test_short_quote_with_its_own_cue_stays(quotes_of):
    qs = quotes_of("“No,” the commander replied.")
    assert any(q.text.strip("“”,") == "No" and q.cue == "replied" for q in qs)


@pytest.mark.model
def test_quote_from_a_named_channel_stays_a_claim(quotes_of):
    qs = quotes_of("“The enemy is regrouping near Izium,” the Telegram channel “Rybar” wrote on Monday.")
    q = next(q for q in qs if "regrouping" in q.text)
    assert q.kind == "direct" and q.speaker is not None
