"""Unmarked reported speech in German, Ukrainian and Russian (claims/lexreported.py): the three sentence shapes."""

from __future__ import annotations

import pytest

from dateline.claims.lexreported import read_sentence


@pytest.mark.parametrize("lang, text, shape, content, cue", [
    ("uk", "За словами мера, у місті пошкоджено три будинки.", "lead", "у місті пошкоджено три будинки", "За словами"),
    ("uk", "За його словами, росіяни підірвали міст.", "lead", "росіяни підірвали міст", "За його словами"),
    ("ru", "Как сообщил губернатор, пострадали два человека.", "lead", "пострадали два человека", "Как сообщил"),
    ("de", "Laut dem ukrainischen Generalstab wurden zwei Angriffe abgewehrt.", "lead",
     "wurden zwei Angriffe abgewehrt", "Laut"),
    ("uk", "Синєгубов заявив, що загинули двоє людей.", "opening", "загинули двоє людей", "заявив"),
    ("ru", "Песков заявил, что Кремль следит за ситуацией.", "opening", "Кремль следит за ситуацией", "заявил"),
    ("de", "Olaf Scholz sagte in Berlin, die Ukraine entscheide selbst.", "opening", "die Ukraine entscheide selbst", "sagte"),
    ("de", "Der Minister teilte mit, dass die Lage ruhig sei.", "opening", "die Lage ruhig sei", "teilte"),
    ("ru", "Дроны атаковали нефтебазу, сообщил губернатор Вячеслав Гладков.", "closing", "Дроны атаковали нефтебазу",
     "сообщил"),
    ("de", "Die Stadt sei unter Kontrolle, teilte Syrskyj mit.", "closing", "Die Stadt sei unter Kontrolle", "teilte"),
])
def test_shapes(lang, text, shape, content, cue):
    hit = read_sentence(text, lang, 0, len(text))
    assert hit is not None
    got_shape, a, b, cs, ce, _ = hit
    assert (got_shape, text[a:b], text[cs:ce]) == (shape, content, cue)


@pytest.mark.parametrize("lang, text", [
    ("uk", "Бої тривали біля Бахмута."),  # no speech verb
    ("de", "Die Kämpfe sagte man ab."),  # a verb, but no comma shape
    ("ru", "Одни говорят одно, другие другое."),  # no name before the verb's comma: not an opening shape
])
def test_no_reported_speech(lang, text):
    assert read_sentence(text, lang, 0, len(text)) is None
