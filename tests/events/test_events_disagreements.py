from .helpers import make_entity, make_parse

from dateline.events.disagreements import find_disagreements
from dateline.model import Quantity, Quote, Speaker

TEXT = (
    "The think tank estimated that the army has captured about 2,500 square kilometers. "
    "The general staff said it had taken more than 1,000 square kilometers. "
    "The ministry said troops had advanced 50 kilometers. "
    "The general staff said units had penetrated to a depth of 50 kilometers."
)


def _q(text: str, phrase: str, value: float, unit: str, kind: str) -> Quantity:
    start = text.index(phrase)
    return Quantity(text=phrase, start=start, end=start + len(phrase), value=value, unit=unit, kind=kind,
                    si_value=value, si_unit=unit)


def _claim(text: str, sentence_start: str, speaker: str, qid: str) -> Quote:
    start = text.index(sentence_start)
    end = text.index(".", start)
    return Quote(text=text[start:end], start=start, end=end, kind="indirect", id=qid,
                 speaker=Speaker(entity_id=None, name=speaker, start=start, end=start + 5))


def test_different_figures_from_two_sources_disagree_and_matching_ones_do_not(article_of):
    quantities = (
        _q(TEXT, "about 2,500 square kilometers", 2.5e9, "m2", "area"),
        _q(TEXT, "more than 1,000 square kilometers", 1.0e9, "m2", "area"),
        _q(TEXT, "50 kilometers", 5e4, "m", "distance"),
        _q(TEXT, "depth of 50 kilometers", 5e4, "m", "distance"),
    )
    quotes = (
        _claim(TEXT, "estimated that", "Think Tank", "q1"),
        _claim(TEXT, "it had taken", "General Staff", "q2"),
        _claim(TEXT, "troops had advanced", "Ministry", "q3"),
        _claim(TEXT, "units had penetrated", "General Staff", "q4"),
    )
    out = find_disagreements(article_of(TEXT), make_parse(TEXT), (), quantities, quotes)
    assert len(out) == 1
    d = out[0]
    assert d.topic == "territory:area"
    assert {q.si_value for q in d.figures} == {2.5e9, 1.0e9}  # both figures, not an average
    assert set(d.sources) == {"Think Tank", "General Staff"}


def test_one_source_giving_two_figures_is_not_a_disagreement(article_of):
    quantities = (
        _q(TEXT, "about 2,500 square kilometers", 2.5e9, "m2", "area"),
        _q(TEXT, "more than 1,000 square kilometers", 1.0e9, "m2", "area"),
    )
    quotes = (_claim(TEXT, "estimated that", "General Staff", "q1"), _claim(TEXT, "it had taken", "General Staff", "q2"))
    assert find_disagreements(article_of(TEXT), make_parse(TEXT), (), quantities, quotes) == ()


def test_speaker_entity_name_is_the_source(article_of):
    ent = make_entity(TEXT, "o1", "org", "Think Tank Institute")
    quote = _claim(TEXT, "estimated that", "it", "q1")
    quote = quote.__class__(**{**quote.__dict__, "speaker": Speaker(entity_id="o1", name="it", start=0, end=2)})
    quantities = (
        _q(TEXT, "about 2,500 square kilometers", 2.5e9, "m2", "area"),
        _q(TEXT, "more than 1,000 square kilometers", 1.0e9, "m2", "area"),
    )
    quotes = (quote, _claim(TEXT, "it had taken", "General Staff", "q2"))
    out = find_disagreements(article_of(TEXT), make_parse(TEXT), (ent,), quantities, quotes)
    assert out and out[0].sources == ("Think Tank Institute", "General Staff")


CASUALTY_TEXT = (
    "The governor said five civilians were killed in Orlivka. "
    "The ministry said two people were killed in Vilkhove. "
    "The mayor said three civilians were killed in Orlivka."
)


def test_casualty_figures_disagree_only_about_one_place(article_of):
    t = CASUALTY_TEXT
    quantities = (
        _q(t, "five civilians", 5, "count", "count"),
        _q(t, "two people", 2, "count", "count"),
        _q(t, "three civilians", 3, "count", "count"),
    )
    quotes = (
        _claim(t, "five civilians", "Governor", "q1"),
        _claim(t, "two people", "Ministry", "q2"),
        _claim(t, "three civilians", "Mayor", "q3"),
    )
    places = (make_entity(t, "e1", "place", "Orlivka"), make_entity(t, "e2", "place", "Vilkhove"))
    out = find_disagreements(article_of(t), make_parse(t), places, quantities, quotes)
    assert [(d.topic, [f.text for f in d.figures], list(d.sources)) for d in out] == [
        ("casualties:killed", ["five civilians", "three civilians"], ["Governor", "Mayor"])
    ]
