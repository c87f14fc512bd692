"""Quote-mark pairing: straight, curly, nested, multi-paragraph, apostrophes, unbalanced."""

from __future__ import annotations

from dateline.claims.marks import find_quote_spans


def _texts(text: str) -> list[tuple[str, str | None]]:
    return [(text[s.start : s.end], s.reason) for s in find_quote_spans(text)]


def test_straight_and_curly_pairs():
    text = 'He said "we will hold." Later: “Nothing changed,” she said.'
    assert _texts(text) == [('"we will hold."', None), ("“Nothing changed,”", None)]


def test_apostrophes_are_not_quote_marks():
    text = "The miners' union and the veterans’ groups said it was the '80s all over. “Fine,” he said."
    assert _texts(text) == [("“Fine,”", None)]


def test_nested_single_quotes_stay_inside():
    text = "“They shouted ‘go home’ at us,” the mayor said."
    assert _texts(text) == [("“They shouted ‘go home’ at us,”", None)]


def test_paragraph_final_open_quote_continues_in_next_paragraph():
    text = "“The first part of it.\n\n“The second part.\n“The end,” he said.\nNext."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end].endswith("The end,”")
    assert spans[0].paragraphs == 3 and spans[0].reason is None


def test_unclosed_quote_gets_a_reason_not_an_error():
    text = "The governor said “we will rebuild the bridge.\nThe next paragraph has no quote."
    [(quoted, reason)] = _texts(text)
    assert quoted == "“we will rebuild the bridge."
    assert "never closed" in reason


def test_stray_closing_mark_gets_a_reason():
    text = "rebuild the bridge,” the governor said."
    [(quoted, reason)] = _texts(text)
    assert quoted == "rebuild the bridge,”" and "without an opening" in reason


def test_second_opening_mark_closes_the_first():
    text = "He said “one thing and then “another thing” again."
    got = _texts(text)
    assert got[0][1] and got[1] == ("“another thing”", None)


def test_typewriter_double_apostrophes_open_and_close():
    text = "The mayor called it ''a dark day for the port,'' and added: ''We will rebuild.'' Then she left."
    assert _texts(text) == [("''a dark day for the port,''", None), ("''We will rebuild.''", None)]


def test_opening_mark_typed_as_a_closing_one_closes_the_quote():
    text = "“It is unusual,“ said Petro Hrytsenko, a lawyer. “It is hard to pull off.”"
    spans = find_quote_spans(text)
    assert [(text[s.start : s.end], s.reason) for s in spans] == [
        ("“It is unusual,“", None),
        ("“It is hard to pull off.”", None),
    ]


def test_opening_mark_after_a_comma_inside_a_quote_still_opens_when_no_space_follows():
    text = "He said,“We hold the line.”"
    spans = find_quote_spans(text)
    assert [(text[s.start : s.end], s.reason) for s in spans] == [("“We hold the line.”", None)]
