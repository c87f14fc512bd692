"""Grouping a person's mentions, and the country evidence against a KB person the article never leads to."""

from __future__ import annotations

from dateline.model import Mention
from dateline.resolve.actors.cluster import group_full_names
from dateline.resolve.actors.rank import _absent_country


def _m(text: str, start: int) -> Mention:
    return Mention(text=text, start=start, end=start + len(text), label="PERSON")


def test_the_last_two_words_of_a_three_word_name_are_the_same_person_even_respelt():
    items = [(_m("Deng Majok Garang", 0), []), (_m("Mayok Garang", 40), []), (_m("Peter Garang", 80), []),
             (_m("Amina Noor Hassan", 120), []), (_m("Noor Hasan", 160), [])]
    groups = group_full_names(items, {})
    texts = [[m.text for m in g.mentions] for g in groups]
    assert ["Deng Majok Garang", "Mayok Garang"] in texts  # "Majok" respelt "Mayok": the middle name
    assert ["Peter Garang"] in texts  # another given name: another Garang
    assert ["Amina Noor Hassan", "Noor Hasan"] in texts


def test_a_kb_person_of_a_country_the_article_never_names_needs_an_exact_name():
    national = {"country": "KP", "roles": [{"country": "KP", "title": "minister"}]}
    global_post = {"country": "AR", "roles": [{"country": None, "title": "Director General"}]}
    weak = [(3.0, "surname:exact"), (1.5, "given:equivalent")]
    exact = [(3.0, "surname:exact"), (2.0, "given:exact")]
    assert _absent_country(national, weak, frozenset({"SS", "SD"}))
    assert not _absent_country(national, exact, frozenset({"SS"}))  # the name itself is the evidence
    assert not _absent_country(national, weak, frozenset({"KP", "SS"}))  # the article names the country
    assert not _absent_country(global_post, weak, frozenset({"UA"}))  # an international post: nationality is moot
    assert not _absent_country(national, weak, frozenset())  # no country named at all: no evidence either way


def test_a_middle_name_brought_by_a_repeat_is_no_given_name():
    items = [(_m("Hassan Abdul Ghani", 0), []), (_m("Abdul Gani", 40), [])]
    (group,) = group_full_names(items, {})
    assert group.givens == {"hassan"}  # "abdul" must not make a KB "Abdul X Qani" an exact given-name match


def test_german_spellings_of_a_surname_are_the_same_surname():
    from dateline.resolve.actors.cluster import english_spelling, surname_similar

    assert english_spelling("jussow") == "yusov" and surname_similar("jussow", "yusov")
    assert surname_similar("tscherewatyj", "cherevatyj") and surname_similar("woloschyn", "voloshyn")
    assert not surname_similar("jussow", "yusupov")  # another name


def test_one_german_respelling_serves_people_and_places():
    from dateline.resolve.common import english_spelling

    assert english_spelling("Wjatscheslaw") == "vyacheslav" and english_spelling("Dschuba") == "juba"
    assert english_spelling("Jakowlew") == "yakovlev"  # an initial j as written is y
    assert english_spelling("Klischtschijiwka") == "klishchijivka"
