import pytest

from dateline.ingest import make_article
from dateline.nlp.spans import trim_span

pytestmark = pytest.mark.model


def test_trim_span():
    text = "the Kharkiv region’s governor"
    s, e = trim_span(text, 0, len("the Kharkiv region’s"))
    assert text[s:e] == "Kharkiv region"


def test_parse_offsets_and_mentions(pipeline):
    art = make_article("KYIV, Ukraine (AP) — Ukrainian troops entered Balakliia on Friday.\n\nPresident Volodymyr Zelenskyy praised them.", published="2022-09-10")
    parse = pipeline._funcs["nlp.spans.v1"](article=art, nlp=pipeline.resources.get("nlp"))
    for t in parse.tokens:
        assert art.text[t.start:t.end] == t.text
    for m in parse.mentions:
        assert art.text[m.start:m.end] == m.text
    assert len(parse.sentences) >= 2
    labels = {m.text: m.label for m in parse.mentions}
    assert labels.get("Volodymyr Zelenskyy") == "PERSON"
    assert "Friday" in labels
    # token heads stay inside the article's token list
    assert all(0 <= t.head < len(parse.tokens) for t in parse.tokens)


def test_org_span_cut_after_of_takes_the_following_name():
    from dateline.nlp.spans import _complete_org

    text = "The Civil Defence Service of Moldova said on Monday"
    end = len("The Civil Defence Service of")
    assert text[4:_complete_org(text, 4, end)] == "Civil Defence Service of Moldova"
    assert _complete_org(text, 4, len("The Civil Defence Service")) == len("The Civil Defence Service")
    assert _complete_org("the Office of\nNext", 4, 13) == 13  # never across a line


def test_a_person_span_runs_on_over_a_surname_the_model_left_out(pipeline):
    from dateline.nlp.model import load_model
    from dateline.nlp.spans import _complete_person

    nlp = load_model().nlp
    doc = nlp("He met the Taliban's Foreign Minister Amir Khan Muttaqi in Kabul on Tuesday.")
    ent = next(e for e in doc.ents if e.label_ == "PERSON")
    assert doc.text[ent.start_char:_complete_person(doc, ent)].endswith("Muttaqi")
    doc = nlp("Amir Khan said on Tuesday that talks went well.")
    ent = next(e for e in doc.ents if e.label_ == "PERSON")
    assert _complete_person(doc, ent) == ent.end_char  # nothing to add


def test_a_title_after_a_name_is_no_surname(pipeline):
    from dateline.nlp.model import load_model
    from dateline.nlp.spans import _complete_person

    nlp = load_model().nlp
    doc = nlp("Officials agreed. Yang Weizhong Deputy Director for the agency said so on Monday.")
    ent = next(e for e in doc.ents if e.label_ == "PERSON")
    assert doc.text[ent.start_char:_complete_person(doc, ent)] == "Yang Weizhong"
