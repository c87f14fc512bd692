"""People and organisations of a lexical reading, linked by case-blind keys (resolve/actors/lexlink.py, lexgroups.py).

The sentences are our own; the names are real KB actors.
"""

from __future__ import annotations

import pytest

from dateline.model import Article
from dateline.nlp.lexical import parse_lexical
from dateline.resolve.actors.kb import load_kb
from dateline.resolve.actors.lexlink import lexical_actors


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _linked(kb, lang: str, text: str) -> dict[str, str]:
    art = Article(text=text, language=lang)
    return {m.text: e.name for e in lexical_actors(art, parse_lexical(art), kb=kb) if e.status == "linked"
            for m in e.mentions}


@pytest.mark.parametrize("lang, text, surface, name", [
    ("uk", "Указ підписали разом із Володимиром Зеленським.", "Володимиром Зеленським", "Volodymyr Zelenskyy"),  # instrumental
    ("ru", "Вопрос задали Дмитрию Пескову.", "Дмитрию Пескову", "Dmitry Peskov"),  # dative
    ("uk", "Заява Генерального штабу Збройних сил України.", "Генерального штабу Збройних сил України",
     "General Staff of the Armed Forces of Ukraine"),  # adjective and plural noun in the genitive
    ("uk", "Про це повідомили в Генштабі ЗСУ.", "Генштабі ЗСУ", "General Staff of the Armed Forces of Ukraine"),
    ("ru", "Об этом заявили в Министерстве обороны России.", "Министерстве обороны России", "Ministry of Defence of Russia"),
    ("ru", "Позиции ВСУ обстреляли.", "ВСУ", "Armed Forces of Ukraine"),  # initials of the KB's native name
    ("uk", "Речник Пентагону відмовився коментувати.", "Пентагону", "United States Department of Defense"),  # cross-script
    ("de", "Nach Wladimir Putins Rede folgte Stille.", "Wladimir Putins", "Vladimir Putin"),  # German genitive -s
])
def test_inflected_and_short_forms_link(kb, lang, text, surface, name):
    assert _linked(kb, lang, text).get(surface) == name


def test_country_adjective_and_force_noun_link_the_armed_forces(kb):
    got = _linked(kb, "uk", "Російські війська відступили, українські підрозділи увійшли в місто.")
    assert got == {"Російські війська": "Armed Forces of Russia", "українські підрозділи": "Armed Forces of Ukraine"}
    assert _linked(kb, "de", "Das russische Verteidigungsministerium meldete Kämpfe.") == {
        "russische Verteidigungsministerium": "Ministry of Defence of Russia"}


def test_air_defence_initials_are_no_organisation(kb):
    assert _linked(kb, "uk", "Сили ППО збили дрони.") == {}
