"""Speakers the tagger misreads: surnames taken for adverbs, subjects hung as appositions on an earlier phrase."""

from __future__ import annotations

import pytest

from dateline.claims.context import Doc
from dateline.claims.subjects import misread_name
from dateline.model import Article
from dateline.nlp.spans import parse_article

pytestmark = pytest.mark.model


def test_surname_read_as_adverb_before_the_cue_speaks(head_of):
    text = "The vote was close. Rep. Dana Whitely opposed it. Whitely said the plan would raise fares."
    # the parser tags the sentence-initial "Whitely" as an adverb; the text names her mid-sentence
    assert head_of(text, "said") == "Whitely"


def test_surname_read_as_adverb_after_the_cue_speaks(speaker_of):
    text = "The hearing was brief. Mayor Tom Sully spoke first. “We need the bridge,” said Sully, pointing at the map."
    assert speaker_of(text, "need the bridge") == "Sully"


def test_a_real_adverb_is_not_a_name(nlp):
    text = "Separately, the mayor said the bridge was safe. Separately said nothing."
    parse = parse_article(Article(text=text), nlp=nlp)
    doc = Doc.build(text, parse, ())
    advs = [t.i for t in parse.tokens if t.text == "Separately" and t.pos == "ADV"]
    assert advs and not any(misread_name(doc, k) for k in advs)


@pytest.mark.parametrize(
    "text",
    [
        "With many members deeply worried about the new tax, the head of the council, Ivan Petrenko, bluntly argued that the tax was needed.",
        "With farmers angry about the new levy, the minister's deputy, Olga Marchuk, quietly argued that the levy would stay.",
    ],
)
def test_apposition_subject_before_an_adverb_speaks(head_of, text):
    # the parser hangs "the head … Petrenko" on the previous noun as an apposition and gives the verb no subject
    assert head_of(text, "argued") in ("head", "Petrenko", "deputy", "Marchuk")


def test_participle_after_a_quote_on_a_verbless_noun_speaks(head_of):
    # the parser makes "the city's former mayor" the root and "tweeted" a passive-looking participle on it
    text = "“Important distinction: the dam holds water; the bridge does not,” the city’s former mayor, Olga Marchuk, tweeted in response."
    assert head_of(text, "tweeted") == "mayor"


def test_participle_on_a_noun_without_a_quote_is_still_agentless(head_of):
    assert head_of("The plan announced on Monday will cut fares.", "announced") is None


def _quotes_with_org_typed(nlp, text: str, names: list[str]):
    """Quotes of ``text`` where every occurrence of each name is an org-typed entity (as a mistyping NER gives)."""
    from dateline.claims.quotes import attribute_quotes
    from dateline.events.dates import resolve_dates
    from dateline.model import Entity, Mention

    article = Article(text=text)
    parse = parse_article(article, nlp=nlp)
    ents = []
    for n, name in enumerate(names):
        spans, i = [], text.find(name)
        while i >= 0:
            if not any(a <= i < b for a, b in spans_all(ents)):
                spans.append((i, i + len(name)))
            i = text.find(name, i + 1)
        ents.append(Entity(f"o{n}", "org", name, tuple(Mention(name, a, b, "ORG") for a, b in spans)))
    return attribute_quotes(article, parse, tuple(ents), resolve_dates(article, parse))


def spans_all(ents):
    return [(m.start, m.end) for e in ents for m in e.mentions]


def test_she_refers_to_a_person_the_ner_typed_as_an_organisation(nlp):
    text = ("Marta Kovalenko ran the shipyard for six years. Kovalenko cut the workforce by half. "
            "The yard needed a new owner, she said.")
    q = next(q for q in _quotes_with_org_typed(nlp, text, ["Marta Kovalenko", "Kovalenko"]) if "new owner" in q.text)
    assert q.speaker is not None and q.speaker.name in ("Marta Kovalenko", "Kovalenko")


def test_she_does_not_refer_to_a_plain_organisation(nlp):
    text = "Hydroflot ran the shipyard for six years. The yard needed a new owner, she said."
    q = next(q for q in _quotes_with_org_typed(nlp, text, ["Hydroflot"]) if "new owner" in q.text)
    assert q.speaker is None and "no earlier person" in (q.reason or "")


def test_quote_before_said_in_response_is_the_responders(quotes_of):
    text = ("“How tall will the new dam be?” asked the girl, who wore a red scarf. "
            "“Olga, let me tell you, how tall is that dam going to be?” Marchuk said in response.")
    q = next(q for q in quotes_of(text) if "let me tell you" in q.text)
    assert q.cue == "said" and q.speaker is not None and text[q.speaker.start : q.speaker.end] == "Marchuk"


def test_unlisted_verb_after_a_question_attributes_it(quotes_of):
    text = "“The wall is not negotiable,” Petrenko said. “Would the height be negotiable?” Hannah Kovalenko pressed."
    q = next(q for q in quotes_of(text) if "height" in q.text)
    assert q.cue == "pressed" and q.speaker is not None and q.speaker.name.endswith("Kovalenko")


def test_a_new_sentence_after_a_full_stop_does_not_take_the_quote(quotes_of):
    text = "“The wall is not negotiable,” Petrenko said. “The river is rising.” The water reached the bridge."
    q = next(q for q in quotes_of(text) if "river" in q.text)
    assert q.cue != "reached"


def test_short_sentence_before_a_cueless_quote_introduces_its_speaker(quotes_of):
    text = ("“The levy will ruin the small farms,” said Ivan Petrenko, a grain trader. Kherson University's Olga Marchuk "
            "agreed. “Farmers are running out of time to find buyers.”")
    q = next(q for q in quotes_of(text) if "running out" in q.text)
    assert q.speaker is not None and "Marchuk" in q.speaker.name


def test_a_long_narrative_sentence_does_not_introduce_the_quote(quotes_of):
    text = ("“The levy will ruin the small farms,” said Ivan Petrenko, a grain trader. Olga Marchuk drove the harvest "
            "from the fields near the river to the port at dawn on Tuesday. “Farmers are running out of time.”")
    q = next(q for q in quotes_of(text) if "running out" in q.text)
    assert q.speaker is None or "Marchuk" not in q.speaker.name
