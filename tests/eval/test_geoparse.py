"""Tests of the geoparsing harness: readers, metrics, the harness core and the command.

Fixtures under tests/fixtures/eval/ are invented texts written in each corpus format
(not corpus data).  The one test marked ``benchmarks`` reads the real corpora.
"""

from __future__ import annotations

import math
import re
import sys
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.errors import InputError, ResourceMissing
from dateline.eval import benchmarks_dir, geoparse
from dateline.eval.corpora import (
    GoldDoc,
    GoldToponym,
    anchor,
    read_corpus,
    read_geovirus,
    read_jsonl,
    read_lgl,
    read_path,
    read_wiktor,
    read_wotr,
)
from dateline.eval.metrics import (
    MAX_ERROR_KM,
    Prediction,
    detection,
    haversine_km,
    log_error_auc,
    resolution_e2e,
    resolution_gold,
)
from dateline.model import Entity, Mention, Result

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "eval"
KM_PER_DEGREE = 6371.0 * math.pi / 180  # one degree of a great circle, R = 6371 km


# ---------------------------------------------------------------- readers


def test_anchor_moves_a_shifted_span_to_the_nearest_occurrence():
    text = "Ava met Ava in Ava."
    assert anchor(text, 8, 11, "Ava") == (8, 11)  # already right
    assert anchor(text, 14, 17, "Ava") == (15, 18)  # shifted by one: nearest is the third
    assert anchor(text, 2, 5, "Ava") == (0, 3)
    assert anchor(text, 0, 3, "Bob") is None


def test_lgl_reader_reanchors_shifted_offsets_and_drops_missing_phrases():
    corpus = read_lgl(FIX / "lgl_mini.xml")
    assert [d.id for d in corpus.docs] == ["a1", "a2"]
    a1 = corpus.docs[0]
    assert [t.text for t in a1.toponyms] == ["Millbrook", "Dover", "Millbrook", "Lake Tamsin"]
    assert all(a1.text[t.start:t.end] == t.text for t in a1.toponyms)
    assert a1.toponyms[0].start == 23 and a1.toponyms[2].start == a1.text.index("Millbrook", 24)
    assert (a1.toponyms[1].geonames_id, a1.toponyms[1].lat, a1.toponyms[1].lon) == (102, 39.16, -75.52)
    assert not a1.toponyms[3].has_point  # no <gaztag>: recognised, not resolved
    assert corpus.notes == (
        "2 gold offsets re-anchored on their phrase (nearest occurrence)",
        "1 gold toponyms dropped: phrase not found in the text",
    )
    assert len(read_lgl(FIX / "lgl_mini.xml", limit=1).docs) == 1
    assert corpus.demonyms  # LGL tags "Russian"-style words as toponyms


def test_geovirus_reader_converts_one_based_offsets():
    corpus = read_geovirus(FIX / "geovirus_mini.xml")
    assert len(corpus.docs) == 1  # the article inside an XML comment is not read
    doc = corpus.docs[0]
    assert [(t.start, t.end, t.text) for t in doc.toponyms] == [
        (22, 29, "Borland"), (41, 52, "Varn Valley"), (67, 74, "Borland")]
    assert corpus.notes == ()  # the 1-based offsets matched after conversion, nothing re-anchored
    assert doc.toponyms[1].lat == 10.5 and doc.id == "https://example.org/news/measles"


def test_wiktor_reader_pairs_files_with_gold_lines_and_is_not_exhaustive():
    corpus = read_wiktor(FIX / "wiktor_mini")
    assert [len(d.toponyms) for d in corpus.docs] == [2, 0, 2]
    assert all(not d.exhaustive for d in corpus.docs)
    t = corpus.docs[2].toponyms[1]
    assert (t.start, t.end, t.name, t.lat, t.lon) == (39, 47, "Greyford, Ontario", 44.6, -79.4)
    assert len(read_wiktor(FIX / "wiktor_mini", limit=2).docs) == 2


def test_wotr_reader_rebuilds_text_from_tokens_in_natural_order():
    corpus = read_wotr(FIX / "wotr_mini")
    assert [d.id for d in corpus.docs] == ["7-2", "7-10"]  # 2 before 10
    doc = corpus.docs[1]
    assert doc.text == "Marched from Fort Kell to Red Ford (ten miles), and camped. Enemy at N. Mex.."
    assert [(t.text, t.start, t.lat) for t in doc.toponyms] == [
        ("Fort Kell", 13, 35.5), ("Red Ford", 26, None), ("N. Mex.", 69, 34.4)]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.toponyms)


def test_jsonl_reader_and_path_sniffing():
    corpus = read_path(FIX / "mini.jsonl")
    assert [d.id for d in corpus.docs] == ["j1", "j2"]
    j1 = corpus.docs[0]
    assert [(t.text, t.geonames_id, t.has_point) for t in j1.toponyms] == [("Oskarvil", 9001, True),
                                                                           ("Tarnow", None, False)]
    assert read_path(FIX / "lgl_mini.xml").docs[0].id == "a1"  # XML is sniffed as LGL schema


def test_offset_skips_documents_before_the_limit():
    from dateline.eval.geoparse import load_corpora

    assert [d.id for d in load_corpora(None, FIX / "mini.jsonl", None, 1)[0].docs] == ["j2"]
    assert [d.id for d in load_corpora(None, FIX / "mini.jsonl", 1, 0)[0].docs] == ["j1"]
    assert [d.id for d in load_corpora(None, FIX / "mini.jsonl", 1, 1)[0].docs] == ["j2"]
    assert load_corpora(None, FIX / "mini.jsonl", None, 2)[0].docs == ()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": 1, "text": "abc", "toponyms": [{"start": 2, "end": 9}]}', "outside the text"),
        ('{"id": 1, "text": "abc", "toponyms": [{"start": 0, "end": 2, "lat": 1.0}]}', "both 'lat' and 'lon'"),
        ('{"id": 1, "toponyms": []}', "needs a 'text'"),
        ("not json", "not valid JSON"),
    ],
)
def test_jsonl_reader_rejects_bad_lines_with_the_line_number(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 0, "text": "fine", "toponyms": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"bad.jsonl line 2.*{re.escape(message)}"):
        read_jsonl(path)


def test_missing_corpus_file_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceMissing, match="not found"):
        read_corpus("geovirus", tmp_path)
    with pytest.raises(InputError, match="unknown corpus"):
        read_corpus("gwn", tmp_path)


# ---------------------------------------------------------------- metrics


def _doc(*spans, exhaustive=True, text="x" * 100):
    return GoldDoc("d", text, tuple(GoldToponym(*s) for s in spans), exhaustive)


def test_haversine_one_degree_of_latitude():
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.195, abs=0.001)
    assert haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * 6371.0)  # antipodes: half a great circle
    assert haversine_km(50.0, 30.0, 50.0, 30.0) == 0.0


def test_detection_exact_versus_overlap():
    gold = _doc((0, 5, "a"), (10, 20, "b"), (30, 35, "c"))
    preds = [[Prediction(0, 5), Prediction(12, 18), Prediction(40, 45)]]
    ov, ex = detection([gold], preds), detection([gold], preds, exact=True)
    assert (ov.tp_pred, ov.recalled, ov.n_pred, ov.n_gold) == (2, 2, 3, 3)
    assert ov.precision == pytest.approx(2 / 3) and ov.recall == pytest.approx(2 / 3)
    assert ov.f1 == pytest.approx(2 / 3)
    assert ex.precision == pytest.approx(1 / 3) and ex.recall == pytest.approx(1 / 3)


def test_detection_has_no_one_to_one_constraint_and_touching_spans_do_not_overlap():
    gold = _doc((10, 20, "b"))
    preds = [[Prediction(10, 14), Prediction(15, 20), Prediction(20, 25)]]
    det = detection([gold], preds)
    assert (det.tp_pred, det.recalled) == (2, 1)  # two halves both count, [20,25) only touches


def test_detection_precision_is_not_measured_on_non_exhaustive_docs():
    partial = _doc((0, 5, "a"), exhaustive=False)
    det = detection([partial], [[Prediction(0, 5), Prediction(50, 60)]])
    assert det.precision is None and det.f1 is None and det.recall == 1.0
    full = _doc((0, 5, "a"))
    mixed = detection([partial, full], [[Prediction(50, 60)], [Prediction(0, 5)]])
    assert (mixed.n_pred, mixed.tp_pred, mixed.recalled) == (1, 1, 1)  # the partial doc's guess is not a FP
    assert mixed.recall == 0.5 and mixed.f1 == 1.0  # F1 pairs P and R on the exhaustive doc only


def test_detection_with_no_predictions_scores_zero_f1():
    det = detection([_doc((0, 5, "a"))], [[]])
    assert det.precision is None and det.recall == 0.0 and det.f1 == 0.0


def test_e2e_accuracy_median_and_nearest_overlapping_prediction():
    gold = _doc((0, 5, "a", 0.0, 0.0), (10, 15, "b", 0.0, 0.0), (20, 25, "c", 0.0, 0.0), (30, 35, "d"))
    preds = [[
        Prediction(0, 5, 1.0, 0.0),  # 111.2 km: correct
        Prediction(10, 15, 2.0, 0.0), Prediction(11, 13, 5.0, 0.0),  # nearest 222.4 km: wrong
        Prediction(30, 35, 0.0, 0.0),  # gold "d" has no point: not scored
    ]]  # "c" is missed
    res = resolution_e2e([gold], preds)
    assert (res.n_gold, res.correct) == (3, 1)
    assert res.accuracy == pytest.approx(1 / 3)
    assert res.errors_km == pytest.approx((KM_PER_DEGREE, 2 * KM_PER_DEGREE))
    assert res.median_km == pytest.approx(1.5 * KM_PER_DEGREE)


def test_same_geonames_id_counts_only_in_the_id_column():
    gold = _doc((0, 6, "Turkey", 39.0, 35.0, 298795))
    res = resolution_e2e([gold], [[Prediction(0, 6, 39.92, 32.85, 298795)]])  # capital, 211 km away
    assert res.accuracy == 0.0 and res.accuracy_id == 1.0


def test_gold_mode_counts_unresolved_as_wrong_and_in_the_auc():
    gold = _doc((0, 5, "a", 0.0, 0.0), (10, 15, "b", 0.0, 0.0))
    res = resolution_gold([gold], [[Prediction(0, 5, 0.0, 0.0), None]])
    assert res.accuracy == 0.5 and res.errors_km == (0.0,) and res.median_km == 0.0
    assert res.auc == pytest.approx(0.5)  # sorted errors 0 and 20039 km: half the area
    with pytest.raises(ValueError, match="1 answers for 2 gold spans"):
        resolution_gold([gold], [[None]])


def test_log_error_auc_hand_computed():
    big_l = math.log(1 + MAX_ERROR_KM)
    assert log_error_auc([0.0]) == 0.0
    assert log_error_auc([MAX_ERROR_KM] * 3) == pytest.approx(1.0)
    assert log_error_auc([0.0, MAX_ERROR_KM]) == pytest.approx(0.5)
    # ln(1+e-1) = 1 and ln(1+e^2-1) = 2: trapezoid (1 + 2) / 2 over one interval
    assert log_error_auc([math.e**2 - 1, math.e - 1]) == pytest.approx(1.5 / big_l)
    assert log_error_auc([]) is None


# ---------------------------------------------------------------- harness core with fakes

TEXT = "Troops left Oskarvil for Tarnow, said Tarnow officials."


def _gold_doc():
    return GoldDoc("t1", TEXT, (GoldToponym(12, 20, "Oskarvil", 50.0, 30.0, 9001),
                                GoldToponym(25, 31, "Tarnow", 51.0, 31.0)))


class FakePipeline:
    """Stands in for dateline.pipeline.Pipeline: returns fixed entities, records what it read."""

    def __init__(self, entities):
        self.entities = entities
        self.seen: list[str] = []
        self.resources = types.SimpleNamespace(get=lambda name: f"<{name}>")

    def run(self, article):
        self.seen.append(article.text)
        return Result(article=article, entities=self.entities)


def _m(text, start, label="GPE"):
    return Mention(text, start, start + len(text), label)


def test_pipeline_predictor_uses_place_mentions_on_the_unchanged_text():
    ents = (
        Entity("e0", "place", "Oskarvil", (_m("Oskarvil", 12),), status="resolved",
               lat=50.1, lon=30.1, geonames_id=9001),
        Entity("e1", "place", "Tarnow", (_m("Tarnow", 25), _m("Tarnow", 38)), status="ambiguous"),
        Entity("e2", "person", "Tarnow", (_m("Tarnow", 38, "PERSON"),)),
    )
    fake = FakePipeline(ents)
    preds = geoparse.pipeline_predictor(fake)(_gold_doc())
    assert fake.seen == [TEXT]
    assert preds == [Prediction(12, 20, 50.1, 30.1, 9001), Prediction(25, 31), Prediction(38, 44)]


def test_pipeline_predictor_adds_demonyms_only_when_the_corpus_tags_them():
    ents = (
        Entity("e0", "place", "Oskarvil", (_m("Oskarvil", 12),), status="resolved", lat=50.1, lon=30.1),
        Entity("n0", "norp", "Tarnow", (_m("Tarnow", 25, "NORP"),), status="resolved", lat=52.0, lon=20.0,
               country_code="PL"),
    )
    plain = geoparse.pipeline_predictor(FakePipeline(ents))(_gold_doc())
    assert [p.start for p in plain] == [12]
    with_norp = geoparse.pipeline_predictor(FakePipeline(ents), demonyms=True)(_gold_doc())
    assert with_norp[1] == Prediction(25, 31, 52.0, 20.0)


def test_pipeline_predictor_skips_group_names_that_name_no_place():
    ents = (
        Entity("e0", "place", "Oskarvil", (_m("Oskarvil", 12),), status="resolved", lat=50.1, lon=30.1),
        Entity("n0", "norp", "Tarnow", (_m("Tarnow", 25, "NORP"),), status="raw"),  # "Baptists": no country
        Entity("n1", "norp", "Tarnow", (_m("Tarnow", 38, "NORP"),), status="resolved", lat=52.0, lon=20.0,
               country_code="PL"),
    )
    preds = geoparse.pipeline_predictor(FakePipeline(ents), demonyms=True)(_gold_doc())
    assert [p.start for p in preds] == [12, 38]


def test_evaluate_scores_both_modes_with_fakes():
    doc = _gold_doc()
    corpus = types.SimpleNamespace(name="fake", source="mem", docs=(doc,), notes=())

    def predict(d):
        return [Prediction(12, 20, 50.0, 30.0), Prediction(0, 6)]  # "Troops" is a false positive

    def geocode_spans(text, spans, *, gazetteer):
        assert gazetteer == "<gazetteer>" and spans == [(12, 20), (25, 31)]
        return [Entity("p", "place", "Oskarvil", (), lat=50.0, lon=30.0), None]

    geocode = geoparse.gold_geocoder(FakePipeline(()), geocode_spans)
    rep = geoparse.evaluate(corpus, predict=predict, geocode=geocode)
    assert rep.e2e.overlap.precision == 0.5 and rep.e2e.overlap.recall == 0.5
    assert rep.e2e.resolution.accuracy == 0.5 and rep.gold.resolution.accuracy == 0.5
    assert rep.gold.overlap is None and rep.e2e.resolution.errors_km == (0.0,)
    lines = geoparse.render([rep])
    assert lines[-1] == "geoparse: e2e_acc161=0.500 gold_acc161=0.500 f1=0.500"
    assert any(line.startswith("AUC log-error (lower is better)") for line in lines)


def test_failed_documents_are_recorded_and_scored_as_missed():
    from dateline.errors import DatelineError

    def predict(d):
        raise DatelineError("stage x failed")

    res = geoparse.run_e2e([_gold_doc()], predict)
    assert res.failures == (("t1", "stage x failed"),) and res.resolution.correct == 0


def test_pooled_report_sums_counts_and_is_summarised_last():
    doc = _gold_doc()
    one = types.SimpleNamespace(name="a", source="mem", docs=(doc,), notes=())
    two = types.SimpleNamespace(name="b", source="mem", docs=(doc, doc), notes=())
    reps = [geoparse.evaluate(c, predict=lambda d: [Prediction(12, 20, 50.0, 30.0)]) for c in (one, two)]
    pooled = geoparse.pool(reps)
    assert (pooled.n_docs, pooled.e2e.resolution.n_gold, pooled.e2e.resolution.correct) == (3, 6, 3)
    lines = geoparse.render(reps)
    assert any(line.startswith("== pooled: 3 docs") for line in lines)
    assert re.fullmatch(r"geoparse: e2e_acc161=0\.500 gold_acc161=n/a f1=0\.667", lines[-1])


def test_missing_geocode_spans_is_a_clear_resource_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "dateline.resolve.places", types.ModuleType("dateline.resolve.places"))
    with pytest.raises(ResourceMissing, match="geocode_spans.*--mode e2e"):
        geoparse.gold_geocoder(FakePipeline(()))


# ---------------------------------------------------------------- the command


def _invoke(*args):
    from dateline.cli.main import app

    return CliRunner().invoke(app, ["eval", "geoparse", *args])


def test_cli_user_errors_are_one_line(tmp_path, monkeypatch):
    res = _invoke("--corpus", "lgl", "--path", str(FIX / "mini.jsonl"))
    assert res.exit_code == 1 and "give --corpus or --path, not both" in res.output
    res = _invoke("--path", str(tmp_path / "none.jsonl"))
    assert res.exit_code == 1 and "not found" in res.output and "Traceback" not in res.output
    import dateline.resolve.placelex  # noqa: F401 (a stage module that imports from places: load it unpatched)
    import dateline.resolve.places as real

    places = types.ModuleType("dateline.resolve.places")  # the stage is there, geocode_spans is not
    places.resolve_places = real.resolve_places
    monkeypatch.setitem(sys.modules, "dateline.resolve.places", places)
    res = _invoke("--path", str(FIX / "mini.jsonl"), "--mode", "gold")
    assert res.exit_code == 1 and "geocode_spans" in res.output


@pytest.mark.model
def test_cli_runs_end_to_end_on_a_jsonl_file():
    res = _invoke("--path", str(FIX / "mini.jsonl"), "--mode", "e2e")
    assert res.exit_code == 0, res.output
    assert "== mini: 2 docs, 2 gold toponyms (1 with coordinates)" in res.output
    assert re.search(r"geoparse: e2e_acc161=\d\.\d{3} gold_acc161=n/a f1=(\d\.\d{3}|n/a)\n?$", res.output)


# ---------------------------------------------------------------- the real corpora


@pytest.mark.benchmarks
def test_readers_on_the_shared_corpora_match_source_counts():
    try:
        root = benchmarks_dir()
    except ResourceMissing as exc:
        pytest.skip(f"shared benchmarks absent: {exc}")
    # (docs, toponyms, with coordinates) from each SOURCE.md "Counts (verified)"
    expected = {"lgl": (588, 5088, 4462), "geovirus": (229, 2170, 2170), "wotr": (1322, 9581, 8458)}
    for name, (n_docs, n_tops, n_points) in expected.items():
        corpus = read_corpus(name, root)
        tops = [t for d in corpus.docs for t in d.toponyms]
        assert (len(corpus.docs), len(tops), sum(t.has_point for t in tops)) == (n_docs, n_tops, n_points), name
        assert all(d.text[t.start:t.end] == t.text for d in corpus.docs for t in d.toponyms), name
    # WikToR: 5,000 documents; a small fixed subset here (first 50), every offset exact, no repairs
    wiktor = read_corpus("wiktor", root, limit=50)
    assert len(wiktor.docs) == 50 and wiktor.notes == ()
    assert all(d.text[t.start:t.end] == t.text and t.has_point for d in wiktor.docs for t in d.toponyms)
    assert wiktor.docs[0].toponyms[0].name == "Santa Maria, California"
    assert read_corpus("lgl", root, limit=20).notes == ()  # LGL offsets are all exact: nothing re-anchored


# ---------------------------------------------------------------- source homes (--source-home)

def test_lgl_and_jsonl_readers_keep_the_source(tmp_path):
    lgl = tmp_path / "mini.xml"
    lgl.write_text('<articles><article docid="7"><domain>example-times.com</domain>'
                   '<text><![CDATA[Troops left Oskarvil.]]></text><toponyms></toponyms></article></articles>',
                   encoding="utf-8")
    assert read_lgl(lgl).docs[0].source == "example-times.com"
    jl = tmp_path / "g.jsonl"
    jl.write_text('{"id": "a", "text": "x", "toponyms": [], "source": "paper.example"}\n{"id": "b", "text": "y"}\n',
                  encoding="utf-8")
    assert [d.source for d in read_jsonl(jl).docs] == ["paper.example", None]


class HomePipeline(FakePipeline):
    """Each document's text names where its places lie ("TN" or "FR"); records the home each run was given."""

    POINTS = {"TN": (36.30, -88.33, "US"), "FR": (48.85, 2.35, "FR")}

    def __init__(self):
        super().__init__(())
        self.homes: list = []
        self.resources = types.SimpleNamespace(get=lambda name: None)

    def run(self, article):
        self.homes.append(article.home)
        lat, lon, cc = self.POINTS[article.text[:2]]
        ent = Entity("l0", "place", "Paris", (_m("Paris", 3),), status="resolved", confidence=0.9, lat=lat, lon=lon,
                     feature="city", country_code=cc)
        return Result(article=article, entities=(ent,))


def test_source_homes_leave_each_document_out_and_use_no_gold():
    docs = tuple(GoldDoc(i, text + " Paris", (), source=src) for i, text, src in [
        ("a", "TN", "local.example"), ("b", "TN", "local.example"), ("c", "FR", "local.example"),
        ("d", "TN", "local.example"), ("e", "FR", "other.example"), ("f", "TN", None)])
    corpus = types.SimpleNamespace(name="fake", docs=docs)
    pipe = HomePipeline()
    homes = geoparse.source_homes(corpus, pipe)
    first, second = pipe.homes[:5], pipe.homes[5:]
    assert first == [None] * 5  # the first pass reads without homes, the second with the first's
    assert [h is not None for h in second] == [True, True, True, True, False]
    assert geoparse.source_homes(corpus, HomePipeline(), passes=1) == homes  # here the second pass changes nothing
    assert set(homes) == {"a", "b", "c", "d"}  # "e" is its source's only document, "f" has no source
    assert all(abs(homes[d].lat - 36.30) < 0.01 for d in "abd")
    assert homes["c"].cc == "US" and homes["c"].weight == 1.0  # the three others all sit in Tennessee
    assert homes["a"].weight == pytest.approx(2 / 3, abs=1e-3)  # b and d of a, c, d agree


def test_predictor_and_geocoder_pass_each_documents_home():
    home = geoparse.Home(36.3, -88.3, "US", "US.TN", 1.0, "Paris")
    doc = _gold_doc()
    pipe = FakePipeline(())
    seen = []

    def run(article):
        seen.append(article.home)
        return Result(article=article, entities=())

    pipe.run = run
    geoparse.pipeline_predictor(pipe, homes={doc.id: home})(doc)
    geoparse.pipeline_predictor(pipe, homes={})(doc)
    assert seen == [home, None]

    got = []

    def geocode_spans(text, spans, *, gazetteer, home=None):
        got.append(home)
        return [None] * len(spans)

    geoparse.gold_geocoder(pipe, geocode_spans, homes={doc.id: home})(doc)
    assert got == [home]
