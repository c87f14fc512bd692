"""Geoparsing metrics: toponym detection P/R/F1 and resolution accuracy, median error, AUC.

Definitions follow the project's baseline note (shared/research/baseline_geoparse.md,
"Method" items 7-10) so figures are comparable with its B1/B2 baselines:

- **Detection, overlapping spans**: a prediction is a true positive if it overlaps any
  gold span; a gold span is recalled if any prediction overlaps it (no 1:1 matching).
  All gold spans count, including those without coordinates.  **Exact spans**: the
  same with identical ``(start, end)``.  Precision is measured only on documents whose
  annotation is exhaustive (not on WikToR, which marks one target place per document);
  recall is over all documents, and F1 pairs precision with recall on the exhaustive ones.
- **End-to-end acc@161**: gold toponyms with coordinates that are overlapped by a
  prediction resolved within 161 km, over all gold toponyms with coordinates.  When
  several predictions overlap, the nearest one counts.
- **Gold-span acc@161**: the resolver is given the gold spans; an unresolved span
  counts as wrong.
- **"+id"**: also counts a prediction with the gold GeoNames id as correct (removes the
  capital-versus-country-centroid artefact; the note's "+cID" column).
- **Median / mean error** are over gold toponyms that were matched and resolved.
- **AUC** is the area under the curve of ln(1 + error km) over the sorted errors,
  normalised by ln(20039) (half the Earth's circumference, the largest possible error),
  integrated with the trapezoid rule as in Gritta et al. (2018).  A gold toponym with
  coordinates that was missed or left unresolved counts at the maximum error, so the
  AUC covers the same population as acc@161.  0 is perfect, 1 is worst: lower is better.
- Distances are haversine with R = 6371 km.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.eval.corpora import GoldDoc, GoldToponym

EARTH_RADIUS_KM = 6371.0
#: Half the Earth's circumference: the largest possible error, and the AUC's normaliser.
MAX_ERROR_KM = 20039.0
#: The conventional "correct" radius in geoparsing evaluation (100 miles).
ACC_RADIUS_KM = 161.0


@dataclass(frozen=True)
class Prediction:
    """A predicted toponym span; ``lat``/``lon`` are None when it was detected but not resolved."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Detection:
    """Detection counts; ``n_pred`` is None when precision was not measurable (no exhaustive document)."""

    n_pred: int | None
    n_gold: int
    tp_pred: int  # predictions that match a gold span
    recalled: int  # gold spans matched by a prediction
    n_gold_ex: int = 0  # the same two counts on exhaustively annotated documents only,
    recalled_ex: int = 0  # so that F1 pairs precision and recall over the same documents

    @property
    def precision(self) -> float | None:
        return self.tp_pred / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.recalled / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        if self.n_pred is None or not self.n_gold_ex:
            return None
        p, r = self.precision or 0.0, self.recalled_ex / self.n_gold_ex
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Resolution:
    """Resolution scores over gold toponyms with coordinates."""

    n_gold: int  # gold toponyms with coordinates
    correct: int  # within ACC_RADIUS_KM
    correct_id: int  # within ACC_RADIUS_KM or the same GeoNames id
    errors_km: tuple[float, ...]  # one per matched and resolved gold toponym

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n_gold if self.n_gold else None

    @property
    def accuracy_id(self) -> float | None:
        return self.correct_id / self.n_gold if self.n_gold else None

    @property
    def median_km(self) -> float | None:
        return statistics.median(self.errors_km) if self.errors_km else None

    @property
    def mean_km(self) -> float | None:
        return statistics.fmean(self.errors_km) if self.errors_km else None

    @property
    def auc(self) -> float | None:
        missed = self.n_gold - len(self.errors_km)
        return log_error_auc([*self.errors_km, *([MAX_ERROR_KM] * missed)]) if self.n_gold else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km (haversine, R = 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def log_error_auc(errors_km: Sequence[float]) -> float | None:
    """Return the AUC of the sorted ln(1 + error) curve, normalised to 0 (perfect) .. 1 (worst).

    Args:
        errors_km: one error per toponym (use MAX_ERROR_KM for a miss).

    Returns:
        The normalised area, or None for no errors.
    """
    if not errors_km:
        return None
    ys = [math.log1p(min(e, MAX_ERROR_KM)) / math.log1p(MAX_ERROR_KM) for e in sorted(errors_km)]
    if len(ys) == 1:
        return ys[0]
    return sum((a + b) / 2 for a, b in zip(ys, ys[1:])) / (len(ys) - 1)


def _overlaps(a: GoldToponym | Prediction, b: GoldToponym | Prediction) -> bool:
    return a.start < b.end and b.start < a.end


def _same(a: GoldToponym | Prediction, b: GoldToponym | Prediction) -> bool:
    return a.start == b.start and a.end == b.end


def detection(docs: Sequence[GoldDoc], preds: Sequence[Sequence[Prediction]], *, exact: bool = False) -> Detection:
    """Score detection over documents (``preds[i]`` are the predictions for ``docs[i]``).

    Args:
        docs: gold documents.
        preds: predicted spans per document, in the same order.
        exact: require identical boundaries instead of any overlap.

    Returns:
        Counts; predictions on non-exhaustive documents are not counted for precision.
    """
    match = _same if exact else _overlaps
    n_pred = tp = n_gold = recalled = n_gold_ex = recalled_ex = 0
    for doc, ps in zip(docs, preds, strict=True):
        found = sum(1 for g in doc.toponyms if any(match(g, p) for p in ps))
        n_gold += len(doc.toponyms)
        recalled += found
        if doc.exhaustive:
            n_pred += len(ps)
            tp += sum(1 for p in ps if any(match(g, p) for g in doc.toponyms))
            n_gold_ex += len(doc.toponyms)
            recalled_ex += found
    measured = any(d.exhaustive for d in docs)
    return Detection(n_pred if measured else None, n_gold, tp, recalled, n_gold_ex, recalled_ex)


def _best(gold: GoldToponym, candidates: Iterable[Prediction]) -> tuple[float, Prediction] | None:
    """Return the nearest resolved candidate and its distance, or None."""
    assert gold.lat is not None and gold.lon is not None
    scored = [(haversine_km(gold.lat, gold.lon, p.lat, p.lon), p)  # type: ignore[arg-type]
              for p in candidates if p.has_point]
    return min(scored, key=lambda sp: sp[0]) if scored else None


def _score(pairs: Iterable[tuple[GoldToponym, Sequence[Prediction]]]) -> Resolution:
    """Score gold toponyms (with coordinates) against the predictions that may answer them."""
    n = correct = correct_id = 0
    errors: list[float] = []
    for gold, cands in pairs:
        if not gold.has_point:
            continue
        n += 1
        best = _best(gold, cands)
        same_id = gold.geonames_id is not None and any(p.geonames_id == gold.geonames_id for p in cands)
        if best is not None:
            errors.append(best[0])
        ok = best is not None and best[0] <= ACC_RADIUS_KM
        correct += ok
        correct_id += ok or same_id
    return Resolution(n, correct, correct_id, tuple(errors))


def resolution_e2e(docs: Sequence[GoldDoc], preds: Sequence[Sequence[Prediction]]) -> Resolution:
    """Score end-to-end resolution: each gold toponym is answered by the predictions overlapping it."""
    return _score(
        (g, [p for p in ps if _overlaps(g, p)]) for doc, ps in zip(docs, preds, strict=True) for g in doc.toponyms
    )


def resolution_gold(docs: Sequence[GoldDoc], answers: Sequence[Sequence[Prediction | None]]) -> Resolution:
    """Score resolution on gold spans: ``answers[i][k]`` answers ``docs[i].toponyms[k]`` (None = unresolved)."""
    pairs = []
    for doc, ans in zip(docs, answers, strict=True):
        if len(ans) != len(doc.toponyms):
            raise ValueError(f"doc {doc.id}: {len(ans)} answers for {len(doc.toponyms)} gold spans")
        pairs.extend((g, [a] if a is not None else []) for g, a in zip(doc.toponyms, ans))
    return _score(pairs)
