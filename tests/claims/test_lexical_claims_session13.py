"""Session 13, lexical claims: "Wie X mitteilte", "X zufolge", a source between commas, "auf X", a name in marks."""

from __future__ import annotations

import pytest

from dateline.claims.lexquotes import _channel, _name_in_marks
from dateline.claims.lexreported import read_sentence


@pytest.mark.parametrize("lang, text, shape, content, cue", [
    ("de", "Wie das Ministerium in Velmora mitteilte, wurden zwei Depots getroffen.", "lead",
     "wurden zwei Depots getroffen", "Wie"),
    ("de", "Innenminister Anton Quarn zufolge suchten Helfer die ganze Nacht.", "lead",
     "suchten Helfer die ganze Nacht", "zufolge"),
    ("ru", "Удар по складу, по словам Кварнова, был ответом на обстрел.", "inserted",
     "Удар по складу, по словам Кварнова, был ответом на обстрел", "по словам"),
    ("uk", "Ситуація в місті, за словами Кварна, залишається складною.", "inserted",
     "Ситуація в місті, за словами Кварна, залишається складною", "за словами"),
])
def test_new_shapes(lang, text, shape, content, cue):
    hit = read_sentence(text, lang, 0, len(text))
    assert hit is not None
    got_shape, a, b, cs, ce, _ = hit
    assert (got_shape, text[a:b], text[cs:ce]) == (shape, content, cue)


def test_wie_without_a_speech_verb_is_no_source():
    assert read_sentence("Wie immer war die Lage in Velmora ruhig, die Märkte offen.", "de", 0, 57) is None


@pytest.mark.parametrize("text, channel", [
    ("«Удар перетнув межу», — написав у X посланець.", "tweet"),
    ("Er schrieb auf X, die Lage sei ernst.", "tweet"),
    ("Він сказав, що X не має значення.", None),  # a letter X as a word, not the platform
])
def test_x_the_platform(text, channel):
    got = _channel(text, 0, len(text), 0, 0)
    assert (got[0] if got else None) == channel


@pytest.mark.parametrize("inner, name", [("Сіверськ", True), ("Storm Shadow", True), ("терором", False),
                                          ("Ворог цілив саме туди", False)])
def test_a_name_in_marks_is_no_quote(inner, name):
    assert _name_in_marks(inner) is name
