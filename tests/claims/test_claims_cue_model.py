"""The learned cue model: its features, broad candidates, the add/keep decisions, and its trainer."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

from dateline.claims import learned
from dateline.claims.quotes import article_view
from dateline.claims.reported import as_candidate, broad_candidate, find_reported, kept
from dateline.errors import ResourceMissing
from dateline.model import Article
from dateline.nlp.spans import parse_article

ROOT = Path(__file__).resolve().parents[2]


def _trainer():
    spec = importlib.util.spec_from_file_location("train_cue_model", ROOT / "scripts" / "train_cue_model.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def view(nlp):
    def build(text: str):
        parse = parse_article(Article(text=text), nlp=nlp)
        doc, _spans, inside = article_view(text, parse, ())
        return doc, inside

    return build


@pytest.fixture
def use_model(monkeypatch):
    """Swap the packaged model for one with the given weights and thresholds."""

    def swap(weights: dict[str, float], bias: float, add: float, keep: float) -> None:
        monkeypatch.setattr(learned, "model", lambda: learned.CueModel(weights, bias, add, keep))

    return swap


def _index(doc, word: str) -> int:
    return next(t.i for t in doc.parse.tokens if t.text == word)


def test_packaged_model_loads_and_trusts_a_plain_said_that(view):
    m = learned.model()
    assert len(m.weights) > 1000
    assert 0.0 < m.threshold < 1.0 and 0.0 <= m.keep_threshold < m.threshold
    doc, inside = view("The minister said that the dam would hold.")
    rep = next(r for r in find_reported(doc, inside, use_model=False) if doc.tok(r.cue).text == "said")
    assert m.probability(learned.features(doc, as_candidate(rep))) > 0.8
    doc, _ = view("The engineers painted the bridge last year.")
    painted = broad_candidate(doc, _index(doc, "painted"))
    assert not m.accepts(learned.features(doc, painted))


def test_probability_is_the_logistic_of_bias_plus_present_weights():
    m = learned.CueModel({"a": 1.0, "b": -2.0}, 0.5, 0.6, 0.2)
    assert m.probability(["a", "zzz"]) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert m.accepts(["a"]) and not m.accepts(["b"])
    assert m.keeps(["a", "b"]) is (1 / (1 + math.exp(0.5)) >= 0.2)


def test_missing_or_corrupt_model_file_gives_a_rebuild_hint_and_a_doctor_failure(tmp_path):
    with pytest.raises(ResourceMissing, match="missing; run `python scripts/train_cue_model.py`"):
        learned.load_model(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    for text in ("{not json", '{"weights": {}, "bias": 0}', '["a list"]'):
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ResourceMissing, match="not a cue model"):
            learned.load_model(bad)
        ok, label, detail = learned.doctor_checks(bad)[0]
        assert not ok and label == "cue model" and "train_cue_model.py" in detail
    ok, _, detail = learned.doctor_checks()[0]
    assert ok and "weights" in detail


def test_broad_candidate_takes_any_frame_and_features_describe_it(view):
    doc, _ = view("The senator hailed the new bridge. The spokesman pondered whether the dam would hold.")
    c = broad_candidate(doc, _index(doc, "hailed"))
    assert c.frame == "dobj" and doc.tok(c.first).text == "the" and doc.tok(c.last).text == "bridge"
    feats = learned.features(doc, c)
    assert {"L=hail", "F=dobj", "LF=hail|dobj", "S=noun:senator", "HOW=broad", "SENT0"} <= set(feats)
    c2 = broad_candidate(doc, _index(doc, "pondered"))
    assert c2.frame == "ccomp" and doc.tok(c2.first).text == "whether"
    assert "SENT0" not in learned.features(doc, c2)


def test_broad_candidate_for_nouns_and_none_for_function_words(view):
    doc, _ = view("His criticism of the ceasefire angered the allies.")
    c = broad_candidate(doc, _index(doc, "criticism"))
    assert c.frame == "nprep:of" and doc.tok(c.last).text == "ceasefire"
    assert broad_candidate(doc, _index(doc, "of")) is None


def test_the_model_adds_only_candidates_it_accepts(view, use_model):
    text = "The senator saluted the new bridge."  # "salute" is in neither lexicon
    doc, inside = view(text)
    assert not any(doc.tok(r.cue).text == "saluted" for r in find_reported(doc, inside, use_model=False))
    use_model({"L=salute": 5.0}, -2.0, 0.5, 0.0)
    found = [r for r in find_reported(doc, inside) if doc.tok(r.cue).text == "saluted"]
    assert found and found[0].how == "model:dobj" and doc.tok(found[0].speaker_head).text == "senator"
    use_model({"L=salute": 1.0}, -2.0, 0.5, 0.0)
    assert not any(doc.tok(r.cue).text == "saluted" for r in find_reported(doc, inside))


def test_keep_threshold_drops_an_unlikely_rule_find_but_never_according_to(quotes_of, use_model):
    text = "Officials warned that the dam could fail.\nKOVAL: 1,547.\nAccording to Koval, the dam will hold."
    use_model({}, 0.0, 0.99, 0.0)
    assert {q.text for q in quotes_of(text)} >= {"that the dam could fail", "1,547", "the dam will hold"}
    # P ~ 0 for the warning and for a label whose content is a bare number: both are dropped
    use_model({"L=warn": -9.0, "HOW=label": -9.0}, 0.0, 0.99, 0.5)
    texts = {q.text for q in quotes_of(text)}
    assert "that the dam could fail" not in texts and "1,547" not in texts and "the dam will hold" in texts


def test_rule_finds_carry_their_speakers_kind_into_the_features(view):
    doc, inside = view("Officials warned that the dam could fail. It said the bridge was closed.")
    by_cue = {doc.tok(r.cue).text: r for r in find_reported(doc, inside, use_model=False)}
    warned = learned.features(doc, as_candidate(by_cue["warned"]))
    said = learned.features(doc, as_candidate(by_cue["said"]))
    assert "SPK=noun:official" in warned and "SPK=pron:it" in said and "HSPK=right|pron:it" in said
    doc, _ = view("The engineers painted the bridge.")
    assert not any(f.startswith("SPK=") for f in learned.features(doc, broad_candidate(doc, _index(doc, "painted"))))


def test_kept_judges_rule_finds_but_not_model_finds(view, use_model):
    doc, inside = view("Officials warned that the dam could fail.")
    rep = next(r for r in find_reported(doc, inside, use_model=False) if doc.tok(r.cue).text == "warned")
    use_model({"HOW=right": -9.0}, 0.0, 0.5, 0.5)
    assert not kept(doc, rep)
    assert kept(doc, type(rep)(rep.cue, rep.first, rep.last, how="model:ccomp"))


def test_trainer_labels_rule_and_broad_candidates_against_gold(nlp):
    T = _trainer()
    text = "Officials warned that the dam could fail. The senator hailed the bridge."
    parse = parse_article(Article(text=text), nlp=nlp)
    warned, that = text.index("warned"), text.index("that the")
    hailed, bridge = text.index("hailed"), text.index("the bridge")
    ann = (f"T1\tCue {warned} {warned + 6}\twarned\nT2\tContent {that} {text.index('.')}\tx\n"
           f"T3\tCue {hailed} {hailed + 6}\thailed\nT4\tContent {bridge} {len(text) - 1}\tx\n"
           "E1\tAttribution:T1 Cue:T1 Content:T2\nE2\tAttribution:T3 Cue:T3 Content:T4\n")
    rows = T.candidates(("x", text, parse, (), ann))
    by_lemma = {next(f for f in feats if f.startswith("L=")): hit for feats, hit in rows}
    assert by_lemma["L=warn"] is True and by_lemma["L=hail"] is True
    assert by_lemma.get("L=fail", False) is False


def test_trainer_fit_learns_the_sign_of_a_separating_feature():
    T = _trainer()
    data = [(["good", "x"], True)] * 20 + [(["bad", "x"], False)] * 20
    weights, _bias = T.fit(data, 1.0)
    assert weights["good"] > 1.0 and weights["bad"] < -1.0


def test_passive_cue_with_an_agent_offers_its_subject_as_content(view, use_model):
    doc, inside = view("The truce proposal was scorned by the rebel commanders in the hills.")
    c = broad_candidate(doc, _index(doc, "scorned"))
    assert c.frame == "passive" and doc.tok(c.first).text == "The" and doc.tok(c.last).text == "proposal"
    use_model({"LF=scorn|passive": 5.0}, -2.0, 0.5, 0.0)
    found = [r for r in find_reported(doc, inside) if doc.tok(r.cue).text == "scorned"]
    assert found and found[0].how == "model:passive" and doc.tok(found[0].speaker_head).text == "commanders"
    doc, _ = view("The truce proposal was signed in the hills.")  # no agent: the prepositional frame, not the subject
    assert broad_candidate(doc, _index(doc, "signed")).frame == "prep:in"


def test_predicate_adjective_is_a_candidate_and_the_copula_subject_speaks(view, use_model):
    doc, inside = view("The harbour master was critical of the new curfew. The mayor is confident that the pier will hold.")
    c = broad_candidate(doc, _index(doc, "critical"))
    assert c.frame == "adj:of" and doc.tok(c.first).text == "the" and doc.tok(c.last).text == "curfew"
    c2 = broad_candidate(doc, _index(doc, "confident"))
    assert c2.frame == "adj:ccomp" and doc.tok(c2.first).text == "that"
    use_model({"LF=critical|adj:of": 5.0}, -2.0, 0.5, 0.0)
    found = [r for r in find_reported(doc, inside) if doc.tok(r.cue).text == "critical"]
    assert found and doc.tok(found[0].speaker_head).text == "master"
    assert not any(doc.tok(r.cue).text == "confident" for r in find_reported(doc, inside))


def test_fronted_source_phrase_is_a_candidate_whose_object_speaks(view, use_model):
    doc, inside = view("In a survey released Monday, most residents backed the curfew.")
    c = broad_candidate(doc, _index(doc, "In"))
    assert c.frame == "adp:after" and doc.tok(c.first).text == "most" and doc.tok(c.last).text == "curfew"
    assert "POBJ=survey|in" in learned.features(doc, c)
    use_model({"POBJ=survey|in": 5.0}, -2.0, 0.5, 0.0)
    found = [r for r in find_reported(doc, inside) if doc.tok(r.cue).text == "In"]
    assert found and doc.tok(found[0].speaker_head).text == "survey"
