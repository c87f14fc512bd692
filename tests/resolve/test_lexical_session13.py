"""Lexical reading, session 13: people the KB lacks, bare German surnames, a Latin name in brackets, and
words that are no places (fused German prepositions, Cyrillic initials, common words opening a sentence).

The sentences are our own; the names are real KB actors or invented.
"""

from __future__ import annotations

import pytest

from dateline.model import Article
from dateline.nlp.lexical import parse_lexical
from dateline.resolve.actors import lexlink
from dateline.resolve.actors.kb import load_kb
from dateline.resolve.actors.lexlink import lexical_actors
from dateline.resolve.gazetteer import load_gazetteer
from dateline.resolve.placelex import lexical_spans


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _actors(kb, lang: str, text: str):
    art = Article(text=text, language=lang)
    return lexical_actors(art, parse_lexical(art), kb=kb)


def _linked(kb, lang: str, text: str) -> dict[str, str]:
    return {m.text: e.name for e in _actors(kb, lang, text) if e.status == "linked" for m in e.mentions}


def _spans(kb, gaz, lang: str, text: str) -> list[str]:
    art = Article(text=text, language=lang)
    parse = parse_lexical(art)
    taken = [(m.start, m.end) for e in lexical_actors(art, parse, kb=kb) for m in e.mentions]
    return [text[s.start:s.end] for s in lexical_spans(art, parse, taken, gaz)]


def test_a_german_noun_is_no_bare_surname(kb, monkeypatch):
    text = "Die Regierung sagte, das Land führe Krieg gegen seine Nachbarn."
    assert "Krieg" not in _linked(kb, "de", text)
    monkeypatch.setattr(lexlink, "GERMAN_BARE_SURNAME_CUE", False)
    assert _linked(kb, "de", text).get("Krieg") == "Andreas Krieg"  # the link the rule removes


def test_a_bare_surname_after_a_title_still_links(kb):
    assert _linked(kb, "de", "Am Montag sprach Analyst Krieg in Berlin.").get("Krieg") == "Andreas Krieg"


def test_another_given_name_makes_another_person(kb):
    ents = _actors(kb, "de", "Der Abgeordnete Thomas Krieg widersprach am Abend. Krieg schrieb auf X, das sei falsch.")
    assert not any(e.status == "linked" and e.name == "Andreas Krieg" for e in ents)
    person = next(e for e in ents if e.status == "unlinked")
    assert person.kind == "person" and person.name == "Thomas Krieg"
    assert [m.text for m in person.mentions] == ["Thomas Krieg", "Krieg"]


def test_unknown_person_needs_a_known_given_name_or_an_office(kb):
    assert not any(e.status == "unlinked" for e in _actors(kb, "de", "Am Abend lobte Quarnby Velmor die Feuerwehr."))
    ents = _actors(kb, "de", "Der Bürgermeister Quarnby Velmor lobte die Feuerwehr.")  # session 15: an office names him
    assert [e.name for e in ents if e.status == "unlinked"] == ["Quarnby Velmor"]


def test_an_initialism_of_several_bodies_is_the_one_of_the_languages_country(kb):
    assert _linked(kb, "de", "Die SPD stimmte dem Antrag am Dienstag zu.").get("SPD") == "Social Democratic Party of Germany"


def test_a_cyrillic_name_before_its_latin_spelling_is_the_same_person(kb, gaz):
    text = "Радник Джейк Салліван (Jake Sullivan) прилетів до Києва у вівторок."
    person = next(e for e in _actors(kb, "uk", text) if e.name == "Jake Sullivan")
    assert "Джейк Салліван" in [m.text for m in person.mentions]
    assert not {"Джейк", "Салліван", "Джейк Салліван"} & set(_spans(kb, gaz, "uk", text))


@pytest.mark.parametrize("lang, text, word", [
    ("de", "Die Rakete schlug am Abend im Zentrum der Stadt ein.", "Zentrum"),  # a town takes no article
    ("uk", "Голова ОВА повідомив про пошкодження.", "ОВА"),  # initials of a body
    ("ru", "«Люди бежали к реке», — сказал он. Ранены пятеро людей.", "Люди"),  # a common word opening a sentence
])
def test_words_that_are_no_places(kb, gaz, lang, text, word):
    assert word not in _spans(kb, gaz, lang, text)


def test_a_region_after_a_fused_preposition_is_still_a_place(kb, gaz):
    assert "Donbass" in _spans(kb, gaz, "de", "Die Kämpfe im Donbass gingen weiter.")


def test_a_city_opening_a_sentence_is_still_a_place(kb, gaz):
    assert "Харків" in _spans(kb, gaz, "uk", "Харків знову обстріляли вночі.")


# ---------------------------------------------------------------- events and forms (session 13)

DE_BACK = ("Bei einem russischen Raketenangriff auf Charkiw sind am Dienstag 3 Menschen getötet worden. "
           "Mehr als 20 weitere wurden verletzt, teilte der Zivilschutz am Mittwoch mit.\n\n"
           "Wie das Verteidigungsministerium in Moskau mitteilte, wurde bei dem Angriff ein Depot zerstört. "
           "In Berlin verurteilte die Regierung den Angriff.")


def test_a_later_toll_and_comments_on_the_attack_make_no_events_of_their_own():
    from dateline.pipeline import Pipeline

    r = Pipeline().read(DE_BACK, published="2024-10-09")  # a Wednesday
    assert [(e.place_name, e.date, e.killed, e.injured) for e in r.events] == [("Kharkiv", "2024-10-08", 3, 20)]


def test_fighting_named_with_its_own_place_is_a_happening_of_its_own():
    from dateline.pipeline import Pipeline

    text = ("Russische Truppen haben Charkiw mit Gleitbomben angegriffen. "
            "Nach Angaben des Generalstabs dauern die Kämpfe bei Wowtschansk an.")
    r = Pipeline().read(text, published="2024-10-09")
    assert {e.place_name for e in r.events} == {"Kharkiv", "Vovchansk"}


def test_a_plural_names_genitive_without_ending_finds_the_name():
    from dateline.nlp.lexical import name_forms

    assert "Суми" in name_forms("Сум", "uk") and "Сумы" in name_forms("Сум", "ru")


def test_a_ministry_in_a_capital_is_that_countrys(kb, gaz):
    text = "Wie das Verteidigungsministerium in Moskau mitteilte, wurden zwei Depots getroffen."
    assert _linked(kb, "de", text).get("Verteidigungsministerium") == "Ministry of Defence of Russia"
    assert "Moskau" in _spans(kb, gaz, "de", text)  # the capital stays a place


def test_a_particle_is_no_given_name(kb):
    ents = _actors(kb, "de", "Der Sender Al Jazeera berichtete aus Abu Dhabi über den Angriff.")
    assert not any(e.status == "unlinked" and e.kind == "person" for e in ents)


@pytest.mark.parametrize("lang, text, surface, name", [
    ("uk", "Про загиблих повідомили в ДСНС.", "ДСНС", "State Emergency Service of Ukraine"),
    ("ru", "Об этом сообщили в ДПСУ.", "ДПСУ", "State Border Guard Service of Ukraine"),
])
def test_a_bodys_romanised_acronym_in_cyrillic_links(kb, lang, text, surface, name):
    assert _linked(kb, lang, text).get(surface) == name


def test_cyrillic_spellings_of_a_romanised_acronym():
    from dateline.resolve.actors.lexlink import _cyrillic_acronyms

    assert _cyrillic_acronyms("DSNS") == {"ДСНС"} and _cyrillic_acronyms("MVS") == {"МВС"}
    assert _cyrillic_acronyms("UN") == set() and _cyrillic_acronyms("Nato") == set()
