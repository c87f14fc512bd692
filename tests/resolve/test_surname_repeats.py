"""Bare repeats of a surname that NER did not propose join the person (hand-built Parse, no model)."""

from __future__ import annotations

from dateline.model import Mention, Parse, Sentence, Token
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.link import _split_mentions


def _parse(words_pos, mentions):
    toks, pos, text = [], 0, []
    for i, (w, p) in enumerate(words_pos):
        toks.append(Token(i=i, text=w, start=pos, end=pos + len(w), lemma=w.lower(), pos=p, tag="", dep="", head=i, sent=0))
        text.append(w)
        pos += len(w) + 1
    s = " ".join(text)
    ms = tuple(Mention(text=t, start=s.index(t), end=s.index(t) + len(t), label=lab) for t, lab in mentions)
    return s, Parse(tokens=tuple(toks), sentences=(Sentence(0, len(s), 0, len(toks)),), mentions=ms)


def test_lone_surname_repeat_is_a_person_mention():
    words = [("Anna", "PROPN"), ("Koval", "PROPN"), ("spoke", "VERB"), (".", "PUNCT"), ("Later", "ADV"),
             ("Koval", "PROPN"), ("left", "VERB"), ("Koval", "PROPN"), ("Street", "PROPN"), (".", "PUNCT"),
             ("koval", "NOUN")]
    text, parse = _parse(words, [("Anna Koval", "PERSON")])
    people, _ = _split_mentions(parse, ActorKB())
    got = [(m.text, m.start) for m in people]
    assert ("Koval", text.index("Koval spoke")) not in got  # inside "Anna Koval"
    assert ("Koval", text.index("Koval left")) in got
    assert ("Koval", text.index("Koval Street")) not in got  # part of a longer name
    assert len(got) == 2


def test_one_word_org_span_needs_an_exact_surname_to_be_a_person():
    words = [("Kristen", "PROPN"), ("Wilkins", "PROPN"), ("told", "VERB"), ("Wikinews", "PROPN"), (",", "PUNCT"),
             ("and", "CCONJ"), ("Wilkins", "PROPN"), ("left", "VERB")]
    text, parse = _parse(words, [("Kristen Wilkins", "PERSON"), ("Wikinews", "ORG")])
    i = text.index("Wilkins left")
    parse = Parse(tokens=parse.tokens, sentences=parse.sentences,
                  mentions=(*parse.mentions, Mention(text="Wilkins", start=i, end=i + 7, label="ORG")))
    people, orgs = _split_mentions(parse, ActorKB())
    assert {m.text for m in people} == {"Kristen Wilkins", "Wilkins"}  # a near-spelling is not enough for ORG
    assert [m.text for m in orgs] == ["Wikinews"]


def test_a_name_headed_by_a_body_noun_is_an_organisation_not_a_person():
    words = [("the", "DET"), ("General", "PROPN"), ("Staff", "PROPN"), ("said", "VERB"), ("and", "CCONJ"),
             ("Anna", "PROPN"), ("Koval", "PROPN"), ("agreed", "VERB")]
    text, parse = _parse(words, [("General Staff", "PERSON"), ("Anna Koval", "PERSON")])
    people, orgs = _split_mentions(parse, ActorKB())
    assert [m.text for m in people] == ["Anna Koval"]
    assert [(m.text, m.label) for m in orgs] == [("General Staff", "ORG")]


def test_a_respelt_surname_repeat_is_the_person_even_when_tagged_a_noun():
    words = [("Hamid", "PROPN"), ("Belkassem", "PROPN"), ("spoke", "VERB"), (".", "PUNCT"),
             ("Belkhassem", "NOUN"), ("later", "ADV"), ("left", "VERB"), (".", "PUNCT"),
             ("Belgium", "PROPN"), ("and", "CCONJ"), ("Baker", "PROPN"), ("agreed", "VERB"), (".", "PUNCT"),
             ("Mortars", "NOUN"), ("fell", "VERB")]
    text, parse = _parse(words, [("Hamid Belkassem", "PERSON")])
    people, _ = _split_mentions(parse, ActorKB())
    got = {m.text for m in people}
    assert "Belkhassem" in got  # one letter added: the same surname
    assert not got & {"Belgium", "Baker", "Mortars"}  # other words, however capitalised


def test_a_respelling_also_written_in_lower_case_is_a_common_word():
    words = [("Ivan", "PROPN"), ("Kordon", "PROPN"), ("spoke", "VERB"), (".", "PUNCT"), ("Cordon", "NOUN"),
             ("lines", "NOUN"), ("held", "VERB"), ("the", "DET"), ("cordon", "NOUN")]
    _, parse = _parse(words, [("Ivan Kordon", "PERSON")])
    people, _ = _split_mentions(parse, ActorKB())
    assert {m.text for m in people} == {"Ivan Kordon"}


def test_a_nationality_before_a_given_name_and_surname_is_no_organisation():
    words = [("Spaniard", "PROPN"), ("Marta", "PROPN"), ("Oliveras", "PROPN"), ("and", "CCONJ"), ("Canadian", "ADJ"),
             ("Liam", "PROPN"), ("Doucette", "PROPN"), ("died", "VERB"), (".", "PUNCT"), ("Canadian", "PROPN"),
             ("Solar", "PROPN"), ("Inc", "PROPN"), ("paid", "VERB")]
    _, parse = _parse(words, [("Spaniard Marta Oliveras", "ORG"), ("Canadian Liam Doucette", "ORG"),
                              ("Canadian Solar Inc", "ORG")])
    kb = ActorKB()
    kb.given_names.update({"marta", "liam"})
    people, orgs = _split_mentions(parse, kb)
    assert {m.text for m in people} == {"Marta Oliveras", "Liam Doucette"}
    assert [m.text for m in orgs] == ["Canadian Solar Inc"]  # no given name after the nationality: a company


def test_a_respelt_given_name_makes_a_two_word_org_span_a_person():
    words = [("Kristina", "PROPN"), ("Holub", "PROPN"), ("wrote", "VERB"), (".", "PUNCT"), ("Holubb", "PROPN"),
             ("left", "VERB"), (".", "PUNCT"), ("Kristal", "PROPN"), ("Pharma", "PROPN"), ("Group", "PROPN"),
             ("and", "CCONJ"), ("Cristina", "PROPN"), ("Sola", "PROPN")]
    _, parse = _parse(words, [("Kristina Holub", "ORG"), ("Kristal Pharma Group", "ORG"), ("Cristina Sola", "ORG")])
    kb = ActorKB()
    kb.given_names.update({"kristine"})
    people, orgs = _split_mentions(parse, kb)
    assert {m.text for m in people} == {"Kristina Holub", "Holubb"}  # "Kristina" spells "Kristine"; its repeat joins
    assert {m.text for m in orgs} == {"Kristal Pharma Group", "Cristina Sola"}  # three words; another first letter


def test_a_family_first_name_is_repeated_by_its_family_name():
    from dateline.resolve.actors.cluster import given_and_surname
    from dateline.resolve.actors.names import person_parts

    assert given_and_surname("Tarn Ching-kuo", person_parts("Tarn Ching-kuo")) == ("ching", "tarn")
    assert given_and_surname("Jean-Pierre Morvan", person_parts("Jean-Pierre Morvan")) == ("jean", "morvan")
    assert given_and_surname("Anna Koval", person_parts("Anna Koval")) == ("anna", "koval")
    words = [("Tarn", "PROPN"), ("Ching-kuo", "PROPN"), ("spoke", "VERB"), (".", "PUNCT"), ("Later", "ADV"),
             ("Tarn", "PROPN"), ("left", "VERB"), (".", "PUNCT")]
    text, parse = _parse(words, [("Tarn Ching-kuo", "PERSON")])
    people, _ = _split_mentions(parse, ActorKB())
    assert ("Tarn", text.index("Tarn left")) in [(m.text, m.start) for m in people]


def test_a_person_tagged_word_order_slip_of_an_organisation_is_that_organisation():
    words = [("Silver", "PROPN"), ("Harbor", "PROPN"), ("denied", "VERB"), ("it", "PRON"), (".", "PUNCT"),
             ("Harbor", "PROPN"), ("Silver", "PROPN"), ("said", "VERB"), ("so", "ADV"), (".", "PUNCT"),
             ("Mila", "PROPN"), ("Harbor", "PROPN"), ("said", "VERB")]
    text, parse = _parse(words, [("Silver Harbor", "ORG"), ("Harbor Silver", "PERSON"), ("Mila Harbor", "PERSON")])
    people, orgs = _split_mentions(parse, ActorKB())
    assert "Harbor Silver" in [m.text for m in orgs] and "Harbor Silver" not in [m.text for m in people]
    assert "Mila Harbor" in [m.text for m in people]


def test_a_final_h_after_a_vowel_is_a_spelling_choice_of_a_surname():
    from dateline.resolve.actors.cluster import surname_similar
    from dateline.resolve.actors.names import skeleton

    assert skeleton("qaraineh") == skeleton("qaraina") and surname_similar("qaraina", "qaraineh")
    assert not surname_similar("qaraineh", "marwani")


def test_a_rank_before_a_proper_noun_run_makes_it_a_person():
    words = [("Lieutenant", "PROPN"), ("Colonel", "PROPN"), ("Tavor", "PROPN"), ("Meshulani", "PROPN"),
             ("wrote", "VERB"), ("on", "ADP"), ("X", "PROPN"), (".", "PUNCT"), ("Meshulany", "PROPN"),
             ("said", "VERB"), ("more", "ADJ"), (".", "PUNCT"), ("General", "PROPN"), ("Motors", "PROPN"),
             ("Company", "PROPN"), ("said", "VERB")]
    text, parse = _parse(words, [("Lieutenant Colonel Tavor Meshulani", "PROPN"), ("General Motors Company", "PROPN")])
    people, _ = _split_mentions(parse, ActorKB())
    got = [m.text for m in people]
    assert "Tavor Meshulani" in got and "Meshulany" in got  # the title cut off, the respelt repeat joins
    assert not any("Motors" in g for g in got)
