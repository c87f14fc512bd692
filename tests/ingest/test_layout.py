"""Layout undone at ingest: PDF page furniture and hard-wrapped lines, live-blog time stamps (invented text)."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.ingest.layout import split_live_entries, unwrap_layout

PDF = """VELMORA SECURITY DIGEST                                   Issue No. 4/2024
Issued Monday, 6 May 2024                                         Page 1 of 2
--------------------------------------------------------------------------------

Summary. Gunmen attacked a market in the town of Tarsk on Sunday morn-
ing, killing at least nine people and wounding twenty others, accord-
ing to the regional health office. "We saw them coming from the river
and nobody could stop them," one trader said.

--------------------------------------------------------------------------------
VELMORA SECURITY DIGEST · Issue No. 4/2024                        Page 2 of 2
--------------------------------------------------------------------------------

Context. The road between Tarsk and the border is a well-known
smuggling route; a well-
known trader was kidnapped on it last year.                          -2-
"""


def test_hard_wrapped_paragraphs_are_joined_and_words_made_whole():
    out = unwrap_layout(PDF)
    assert "on Sunday morning, killing" in out and "according to the regional health office" in out
    assert '"We saw them coming from the river and nobody could stop them," one trader said.' in out


def test_page_furniture_is_dropped():
    out = unwrap_layout(PDF)
    assert "Page 1 of 2" not in out and "Page 2 of 2" not in out and "-2-" not in out and "-----" not in out
    assert out.count("VELMORA SECURITY DIGEST") == 1  # the running header's repeat is gone


def test_a_compound_the_text_writes_whole_keeps_its_hyphen():
    assert "a well-known trader" in unwrap_layout(PDF)


def test_web_copy_with_one_line_per_paragraph_is_unchanged():
    text = ("Gunmen attacked a market in Tarsk on Sunday.\n\nAt least nine people were killed, officials said.\n"
            "The attackers fled towards the river.")
    assert unwrap_layout(text) == text


def test_a_headline_above_a_short_paragraph_is_not_joined():
    text = "Gunmen attack market in Tarsk\nNine dead, officials say\n\nGunmen attacked a market in Tarsk on Sunday."
    assert unwrap_layout(text) == text


def test_live_stamps_stand_apart_from_their_entries():
    text = "10:05 GMT — The mayor said the bridge held.\n\n09:40 GMT — Sirens sounded in Tarsk."
    out = split_live_entries(text)
    assert out.startswith("10:05 GMT\n\nThe mayor said the bridge held.") and "09:40 GMT\n\nSirens" in out


def test_one_stamped_line_is_no_live_blog():
    text = "10:05 GMT — The mayor said the bridge held. Nothing else happened in Tarsk that day, officials said."
    assert split_live_entries(text) == text


def test_make_article_reads_a_pdf_copy():
    art = make_article(PDF, published="2024-05-06")
    assert "morning, killing" in art.text and "Page 1 of 2" not in art.text


def test_a_lead_repeating_the_headline_is_kept_in_an_unpaged_text():
    text = "Gunmen attack market in Tarsk\n\nGunmen attack market in Tarsk, killing nine.\n\nOfficials said more."
    assert unwrap_layout(text) == text
