"""`dateline eval geoparse`: toponym detection and resolution on geoparsing corpora.

The core is pure: readers (``dateline.eval.corpora``) give gold documents, a predictor
gives spans per document, and ``dateline.eval.metrics`` turns both into numbers.  The
pipeline is plugged in only by :func:`pipeline_predictor` and :func:`gold_geocoder`,
so tests run the whole harness with fakes and no model.

Two modes:

- ``e2e``: the full pipeline reads each document's raw text; every mention of a place
  entity is a predicted toponym (with the entity's point when it has one).
- ``gold``: ``dateline.resolve.places.geocode_spans`` resolves the gold spans.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

import typer

from dateline.cli.common import handle_errors
from dateline.errors import ConfigError, DatelineError, ResourceMissing
from dateline.eval.corpora import CORPORA, GoldCorpus, GoldDoc, read_corpus, read_path
from dateline.eval.metrics import (
    ACC_RADIUS_KM,
    MAX_ERROR_KM,
    Detection,
    Prediction,
    Resolution,
    detection,
    resolution_e2e,
    resolution_gold,
)
from dateline.model import Home

#: Predicts toponyms from a document's raw text.
Predict = Callable[[GoldDoc], Sequence[Prediction]]
#: Resolves a document's gold spans: one answer per gold toponym, None when unresolved.
Geocode = Callable[[GoldDoc], Sequence[Prediction | None]]

PROGRESS_EVERY = 100  # documents between progress lines on stderr


@dataclass(frozen=True)
class ModeResult:
    """Scores of one mode (e2e or gold) on one corpus, with timing and failures."""

    resolution: Resolution
    seconds: float
    n_docs: int
    overlap: Detection | None = None  # detection is measured end to end only
    exact: Detection | None = None
    failures: tuple[tuple[str, str], ...] = ()  # (doc id, reason)

    @property
    def articles_per_s(self) -> float | None:
        return self.n_docs / self.seconds if self.seconds > 0 else None


@dataclass(frozen=True)
class CorpusReport:
    """What the harness measured on one corpus (or on several pooled)."""

    name: str
    source: str
    n_docs: int
    n_gold: int
    n_gold_points: int
    e2e: ModeResult | None = None
    gold: ModeResult | None = None
    notes: tuple[str, ...] = field(default=())


# ---------------------------------------------------------------- running


def _progress(label: str, i: int, n: int) -> None:
    if i % PROGRESS_EVERY == 0 or i == n:
        print(f"geoparse: {label} {i}/{n}", file=sys.stderr, flush=True)


def run_e2e(docs: Sequence[GoldDoc], predict: Predict, *, label: str = "e2e") -> ModeResult:
    """Predict every document's toponyms from raw text and score detection and resolution."""
    preds: list[Sequence[Prediction]] = []
    failures: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    for i, doc in enumerate(docs, 1):
        try:
            preds.append(tuple(predict(doc)))
        except DatelineError as exc:  # recorded, not hidden: the document scores as all missed
            failures.append((doc.id, str(exc)))
            preds.append(())
        _progress(label, i, len(docs))
    seconds = time.perf_counter() - t0
    return ModeResult(resolution_e2e(docs, preds), seconds, len(docs), detection(docs, preds),
                      detection(docs, preds, exact=True), tuple(failures))


def run_gold(docs: Sequence[GoldDoc], geocode: Geocode, *, label: str = "gold") -> ModeResult:
    """Resolve every document's gold spans and score the answers."""
    answers: list[Sequence[Prediction | None]] = []
    failures: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    for i, doc in enumerate(docs, 1):
        try:
            answers.append(tuple(geocode(doc)))
        except DatelineError as exc:
            failures.append((doc.id, str(exc)))
            answers.append((None,) * len(doc.toponyms))
        _progress(label, i, len(docs))
    seconds = time.perf_counter() - t0
    return ModeResult(resolution_gold(docs, answers), seconds, len(docs), failures=tuple(failures))


def evaluate(corpus: GoldCorpus, *, predict: Predict | None = None, geocode: Geocode | None = None) -> CorpusReport:
    """Run the modes given (a predictor for e2e, a geocoder for gold spans) on one corpus."""
    tops = [t for d in corpus.docs for t in d.toponyms]
    return CorpusReport(
        name=corpus.name,
        source=corpus.source,
        n_docs=len(corpus.docs),
        n_gold=len(tops),
        n_gold_points=sum(t.has_point for t in tops),
        e2e=run_e2e(corpus.docs, predict, label=f"{corpus.name} e2e") if predict else None,
        gold=run_gold(corpus.docs, geocode, label=f"{corpus.name} gold") if geocode else None,
        notes=corpus.notes + (() if all(d.exhaustive for d in corpus.docs) else
                              ("annotation not exhaustive (one target place per document): no detection precision",)),
    )


def _merge_det(parts: list[Detection | None]) -> Detection | None:
    dets = [d for d in parts if d is not None]
    if not dets:
        return None
    measured = [d.n_pred for d in dets if d.n_pred is not None]
    return Detection(sum(measured) if measured else None, sum(d.n_gold for d in dets), sum(d.tp_pred for d in dets),
                     sum(d.recalled for d in dets), sum(d.n_gold_ex for d in dets), sum(d.recalled_ex for d in dets))


def _merge_mode(parts: list[ModeResult | None]) -> ModeResult | None:
    runs = [m for m in parts if m is not None]
    if not runs:
        return None
    res = Resolution(sum(m.resolution.n_gold for m in runs), sum(m.resolution.correct for m in runs),
                     sum(m.resolution.correct_id for m in runs), tuple(e for m in runs for e in m.resolution.errors_km))
    return ModeResult(res, sum(m.seconds for m in runs), sum(m.n_docs for m in runs),
                      _merge_det([m.overlap for m in runs]), _merge_det([m.exact for m in runs]),
                      tuple(f for m in runs for f in m.failures))


def pool(reports: Sequence[CorpusReport]) -> CorpusReport:
    """Pool several corpus reports into one (sums of counts, all errors together)."""
    return CorpusReport(
        name="pooled", source=", ".join(r.name for r in reports), n_docs=sum(r.n_docs for r in reports),
        n_gold=sum(r.n_gold for r in reports), n_gold_points=sum(r.n_gold_points for r in reports),
        e2e=_merge_mode([r.e2e for r in reports]), gold=_merge_mode([r.gold for r in reports]),
    )


# ---------------------------------------------------------------- the pipeline as predictor


def predicted_toponym(ent: object, *, demonyms: bool) -> bool:
    """Return True if an entity's mentions count as predicted toponyms.

    Args:
        demonyms: the corpus tags demonyms; a ``norp`` entity then counts only when it
            resolved to a place (it has a country code), never a bare group name.
    """
    kind = getattr(ent, "kind", None)
    return kind == "place" or (demonyms and kind == "norp" and getattr(ent, "country_code", None) is not None)


def pipeline_predictor(pipeline: object, *, demonyms: bool = False, homes: Mapping[str, Home] | None = None) -> Predict:
    """Wrap a Pipeline: run it on the raw text, return every place mention with its entity's point.

    The Article is built directly from the text (not through ingest, which trims titles
    and boilerplate) so that predicted offsets index the gold text.

    Args:
        demonyms: also predict demonym mentions (``norp`` entities resolved to a country or
            region, at its point), for corpora whose gold tags them as toponyms
            (``GoldCorpus.demonyms``).  A group name that names no place ("Democrats",
            "Baptists") is not a predicted toponym.
        homes: document id -> the home of its source (``source_homes``), given to the pipeline as ``Article.home``.
    """
    from dateline.ingest.dateline import parse_dateline
    from dateline.model import Article

    def predict(doc: GoldDoc) -> list[Prediction]:
        home = homes.get(doc.id) if homes else None
        result = pipeline.run(Article(text=doc.text, dateline=parse_dateline(doc.text), home=home))  # type: ignore[attr-defined]
        seen: dict[tuple[int, int], Prediction] = {}
        for ent in result.entities:
            if not predicted_toponym(ent, demonyms=demonyms):
                continue
            for m in ent.mentions:
                seen.setdefault((m.start, m.end), Prediction(m.start, m.end, ent.lat, ent.lon, ent.geonames_id))
        return sorted(seen.values(), key=lambda p: (p.start, p.end))

    return predict


def _load_geocode_spans() -> Callable[..., Sequence[object]]:
    try:
        from dateline.resolve.places import geocode_spans
    except ImportError:
        raise ResourceMissing(
            "gold-span mode needs dateline.resolve.places.geocode_spans, which this build does not have yet "
            "(issue 3, place resolver); run with --mode e2e"
        ) from None
    return geocode_spans


def gold_geocoder(pipeline: object, geocode_spans: Callable[..., Sequence[object]] | None = None,
                  homes: Mapping[str, Home] | None = None) -> Geocode:
    """Wrap ``geocode_spans(text, spans, *, gazetteer)`` with the pipeline's gazetteer (and ``home=``, from
    ``homes`` by document id, where a document has one).

    Raises:
        ResourceMissing: geocode_spans is not available in this build.
    """
    func = geocode_spans or _load_geocode_spans()
    gazetteer = pipeline.resources.get("gazetteer")  # type: ignore[attr-defined]

    def geocode(doc: GoldDoc) -> list[Prediction | None]:
        spans = [(t.start, t.end) for t in doc.toponyms]
        home = homes.get(doc.id) if homes else None
        ents = list(func(doc.text, spans, gazetteer=gazetteer, **({"home": home} if home is not None else {})))
        if len(ents) != len(spans):
            raise DatelineError(f"geocode_spans returned {len(ents)} answers for {len(spans)} spans")
        return [None if e is None else Prediction(s, t, getattr(e, "lat", None), getattr(e, "lon", None),
                                                  getattr(e, "geonames_id", None)) for (s, t), e in zip(spans, ents)]

    return geocode


# ---------------------------------------------------------------- output


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _km(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def _rows(r: CorpusReport) -> list[tuple[str, str, str]]:
    e, g = r.e2e, r.gold

    def both(fn: Callable[[ModeResult], str]) -> tuple[str, str]:
        return (fn(e) if e else "-", fn(g) if g else "-")

    def det(attr: str, metric: str) -> Callable[[ModeResult], str]:
        return lambda m: _f(getattr(getattr(m, attr), metric)) if getattr(m, attr) else "-"

    rows: list[tuple[str, str, str]] = []
    for attr, label in (("overlap", "overlap"), ("exact", "exact")):
        for metric, short in (("precision", "P"), ("recall", "R"), ("f1", "F1")):
            rows.append((f"detection {short} ({label} spans)", *both(det(attr, metric))))
    rows += [
        ("predicted toponyms", *both(lambda m: str(m.overlap.n_pred) if m.overlap and m.overlap.n_pred is not None
                                     else "-")),
        (f"acc@{ACC_RADIUS_KM:.0f}km", *both(lambda m: _f(m.resolution.accuracy))),
        (f"acc@{ACC_RADIUS_KM:.0f}km (+same GeoNames id)", *both(lambda m: _f(m.resolution.accuracy_id))),
        ("median error km", *both(lambda m: _km(m.resolution.median_km))),
        ("mean error km", *both(lambda m: _km(m.resolution.mean_km))),
        ("errors measured (matched+resolved)", *both(lambda m: str(len(m.resolution.errors_km)))),
        ("AUC log-error (lower is better)", *both(lambda m: _f(m.resolution.auc))),
        ("articles/s", *both(lambda m: _km(m.articles_per_s))),
        ("failed documents", *both(lambda m: str(len(m.failures)))),
    ]
    return rows


def format_report(r: CorpusReport) -> list[str]:
    """Return the table of one corpus report, as lines."""
    lines = [f"== {r.name}: {r.n_docs} docs, {r.n_gold} gold toponyms ({r.n_gold_points} with coordinates)"
             f"  [{r.source}]"]
    lines += [f"   note: {n}" for n in r.notes]
    lines.append(f"{'metric':40s} {'e2e':>10s} {'gold':>10s}")
    lines += [f"{name:40s} {a:>10s} {b:>10s}" for name, a, b in _rows(r)]
    return lines


AUC_NOTE = (f"AUC = area under sorted ln(1+error km)/ln({MAX_ERROR_KM:.0f}); missed or unresolved toponyms count "
            f"{MAX_ERROR_KM:.0f} km; 0 best, 1 worst (lower is better)")


def summary_line(r: CorpusReport) -> str:
    """Return the stable last line: ``geoparse: e2e_acc161=… gold_acc161=… f1=…`` (overlap F1)."""
    e2e = r.e2e.resolution.accuracy if r.e2e else None
    gold = r.gold.resolution.accuracy if r.gold else None
    f1 = r.e2e.overlap.f1 if r.e2e and r.e2e.overlap else None

    def v(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    return f"geoparse: e2e_acc161={v(e2e)} gold_acc161={v(gold)} f1={v(f1)}"


def render(reports: Sequence[CorpusReport]) -> list[str]:
    """Return every table, the pooled table when there are several, the AUC note and the summary line."""
    lines: list[str] = []
    for r in reports:
        lines += format_report(r) + [""]
    final = pool(reports) if len(reports) > 1 else reports[0]
    if len(reports) > 1:
        lines += format_report(final) + [""]
    for r in reports:
        for mode, m in (("e2e", r.e2e), ("gold", r.gold)):
            for doc_id, reason in (m.failures[:3] if m else ()):
                lines.append(f"failed ({r.name} {mode}) doc {doc_id}: {reason}")
    return lines + [AUC_NOTE, summary_line(final)]


# ---------------------------------------------------------------- command


class CorpusName(str, Enum):
    lgl = "lgl"
    geovirus = "geovirus"
    wiktor = "wiktor"
    wotr = "wotr"
    all = "all"


class Mode(str, Enum):
    e2e = "e2e"
    gold = "gold"
    both = "both"


def load_corpora(corpus: str | None, path: Path | None, limit: int | None, offset: int = 0) -> list[GoldCorpus]:
    """Read the corpora chosen on the command line (``--path`` or ``--corpus``, default lgl).

    Args:
        offset: skip the first ``offset`` documents of each corpus (``limit`` counts after them).
    """
    from dateline.eval import benchmarks_dir

    if path is not None and corpus is not None:
        raise ConfigError("give --corpus or --path, not both")
    upto = None if limit is None else offset + limit
    if path is not None:
        read = [read_path(path, limit=upto)]
    else:
        names = list(CORPORA) if corpus == "all" else [corpus or "lgl"]
        root = benchmarks_dir()
        read = [read_corpus(n, root, limit=upto) for n in names]
    return [replace(c, docs=c.docs[offset:]) for c in read] if offset else read


#: Reading passes behind the homes: the first reads without homes; each further pass reads every document with the
#: homes of the pass before, so an outlet whose "Dublin" the first pass took for Ireland can find its Ohio town once
#: its other articles' "Columbus" pulls.  LGL gold spans (homes learned from e2e output), 0-299 / 300-587: one pass
#: 0.937 / 0.935, two passes 0.941 / 0.940.
HOME_PASSES = 2


def source_homes(corpus: GoldCorpus, pipeline: object, passes: int = HOME_PASSES) -> dict[str, Home]:
    """Return each document's source home, learned from the *other* documents of its source (leave one out).

    Every document with a ``source`` is read end to end ``passes`` times (the first without a home, each later one
    with the homes the pass before learned); ``placehome.source_home`` then finds where each source's other articles
    agree.  No gold annotation is used, only the texts (from the second pass on, a document's home was learned from
    other documents read with homes that its own first reading helped to learn: its text, never its annotation).
    """
    from dateline.ingest.dateline import parse_dateline
    from dateline.model import Article
    from dateline.resolve.placehome import source_home

    docs = [d for d in corpus.docs if d.source]
    by_source: dict[str, list[str]] = {}
    for doc in docs:
        by_source.setdefault(doc.source or "", []).append(doc.id)
    gazetteer = pipeline.resources.get("gazetteer")  # type: ignore[attr-defined]
    homes: dict[str, Home] = {}
    for n in range(passes):
        places: dict[str, tuple] = {}
        for i, doc in enumerate(docs, 1):
            article = Article(text=doc.text, dateline=parse_dateline(doc.text), home=homes.get(doc.id))
            try:
                result = pipeline.run(article)  # type: ignore[attr-defined]
            except DatelineError:
                result = None  # the scored passes record the failure
            places[doc.id] = tuple(e for e in result.entities if e.kind == "place") if result is not None else ()
            _progress(f"{corpus.name} source homes, pass {n + 1}/{passes}", i, len(docs))
        homes = {}
        for source, ids in by_source.items():
            for d in ids:
                if (home := source_home([places[o] for o in ids if o != d], gazetteer, source)) is not None:
                    homes[d] = home
    return homes


def run(corpora: Sequence[GoldCorpus], mode: str, *, use_homes: bool = False) -> tuple[list[str], int]:
    """Evaluate the corpora with the real pipeline; return output lines and the number of failed documents.

    Args:
        use_homes: learn each source's home from its other documents first (``source_homes``) and give it to
            both modes; documents without a source are read as before.
    """
    from dateline.pipeline import Pipeline

    pipeline = Pipeline()
    if mode in ("gold", "both"):
        try:
            gold_geocoder(pipeline)
        except ResourceMissing as exc:
            if mode == "gold":
                raise
            print(f"geoparse: warning: gold spans skipped: {exc}", file=sys.stderr)
            mode = "e2e"
    t0 = time.perf_counter()
    for name in ("nlp", "gazetteer", "kb"):
        pipeline.resources.get(name)  # load before timing, so articles/s measures reading, not start-up
    print(f"geoparse: resources loaded in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    e2e = mode in ("e2e", "both")
    reports = []
    for c in corpora:
        homes = source_homes(c, pipeline) if use_homes else None
        if homes is not None:
            sources = len({d.source for d in c.docs if d.source})
            print(f"geoparse: {c.name}: source homes for {len(homes)} of {len(c.docs)} documents "
                  f"({sources} sources)", file=sys.stderr)
        geocode = gold_geocoder(pipeline, homes=homes) if mode in ("gold", "both") else None
        report = evaluate(c, predict=pipeline_predictor(pipeline, demonyms=c.demonyms, homes=homes) if e2e else None,
                          geocode=geocode)
        if homes is not None:
            report = replace(report, notes=report.notes + (f"source homes (--source-home) for {len(homes)} of "
                                                           f"{len(c.docs)} documents, learned from their sources' other documents",))
        reports.append(report)
    failed = sum(len(m.failures) for r in reports for m in (r.e2e, r.gold) if m)
    return render(reports), failed


@handle_errors
def cli(
    corpus: CorpusName = typer.Option(None, "--corpus", help="Corpus from ../shared/benchmarks (default lgl)."),
    path: Path = typer.Option(None, "--path", help="Gold file: neutral JSONL (see docs/eval.md) or LGL-schema XML."),
    limit: int = typer.Option(None, "--limit", min=1, help="Use only the first N documents of each corpus."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip the first N documents of each corpus (before --limit)."),
    mode: Mode = typer.Option(Mode.both, "--mode", help="e2e (raw text), gold (gold spans) or both."),
    source_home: bool = typer.Option(False, "--source-home", help=(
        "Learn each outlet's home from its other documents (LGL's domain, a JSONL 'source') and use it as a weak "
        "prior; costs one more end-to-end pass.")),
) -> None:
    """Score toponym detection and resolution (acc@161 km, median error, AUC) on geoparsing corpora."""
    corpora = load_corpora(corpus.value if corpus else None, path, limit, offset)
    lines, failed = run(corpora, mode.value, use_homes=source_home)
    typer.echo("\n".join(lines))
    if failed:
        raise typer.Exit(min(failed, 125))
