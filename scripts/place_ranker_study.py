"""Study: can a learned candidate ranker beat the hand-weighted place score on gold spans? (issue #3)

Usage: python scripts/place_ranker_study.py [--refresh] [--cache FILE]

For every gold span of LGL documents 0-299 and GeoVirus (the tuning data; LGL 300-587 is never
read) the last ranking pass of ``resolve_spans`` is traced (``gold_resolutions(trace=...)``):
each candidate's weighted signal parts (``placerank.prior_parts`` / ``context_parts`` and the
span cues of ``rank``), averaged over the spans of one name as ``one_sense`` does, plus a few
raw features (feature class, how the name matched, capital, the hand score's rank).  Summing
the parts with weight 1 reproduces the hand score, so the hand ranker is the model at ``w0``.

A softmax model over each span's candidates (likelihood of any candidate within 161 km of the
gold point) is fitted with L2 towards ``w0`` (numpy, full-batch Adam), the strength chosen by
5-fold cross-validation by document inside the tuning set.  Both rankers are then scored on the
same folds as ``--mode gold`` scores them: the top candidate must lie within 161 km and its
margin over the best runner-up more than ``AMBIGUITY_KM`` away must reach the ambiguity
threshold (hand: ``MIN_MARGIN``; learned: the margin that leaves as many training answers
"ambiguous" as the hand threshold does).  Demonym answers and spans without candidates are
counted as the pipeline answers them, for both.  The traced features are cached (``--cache``,
default /tmp) so that the fitting loop takes seconds.
"""

from __future__ import annotations

import argparse
import math
import pickle
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.eval import benchmarks_dir  # noqa: E402
from dateline.eval.corpora import read_corpus  # noqa: E402
from dateline.resolve.gazetteer import load_gazetteer  # noqa: E402
from dateline.resolve.placenames import PART_HOW  # noqa: E402
from dateline.resolve.placerank import AMBIGUITY_KM, MIN_MARGIN, PHYSICAL_FEATURES, is_broad, km  # noqa: E402
from dateline.resolve.places import Resolved, gold_resolutions  # noqa: E402

RADIUS = 161.0
#: The tuning data: (corpus, documents read).  LGL 300-587 is held out and never read here.
TUNING = (("lgl", 300), ("geovirus", None))
PARTS = ("match", "feature", "pop", "unit", "qualifier", "town_office", "person_noun", "seat_namesake", "dominant",
         "country", "country_broad", "broad", "currency", "near", "named_country", "county_town", "admin1",
         "admin1_free", "fuzzy_off")
FEATURES = ("f_country", "f_region", "f_region_broad", "f_district", "f_city", "f_village", "f_continent",
            "f_physical", "how_alias", "how_fuzzy", "how_part", "capital", "pop_unknown", "log_pop",
            "hand_top", "hand_rank", "near_town", "country_town")
NAMES = PARTS + FEATURES
FOLDS = 5
LAMBDAS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)


def _extras(sc, capitals: frozenset[int], parts: dict[str, float]) -> dict[str, float]:
    """Return the raw (weight-0 at w0) features of one candidate."""
    p = sc.place
    town = p.feature in ("city", "village")
    broad_region = p.feature == "region" and p.a1 is None
    return {"f_country": p.feature == "country", "f_region": p.feature == "region" and not broad_region,
            "f_region_broad": broad_region, "f_district": p.feature == "district", "f_city": p.feature == "city",
            "f_village": p.feature == "village", "f_continent": p.feature == "continent",
            "f_physical": p.feature in PHYSICAL_FEATURES, "how_alias": sc.how == "alias", "how_fuzzy": sc.how == "fuzzy",
            "how_part": sc.how == PART_HOW, "capital": p.id in capitals, "pop_unknown": not p.pop,
            "log_pop": math.log10((p.pop or 1) + 1) / 7, "near_town": parts.get("near", 0.0) * town,
            "country_town": parts.get("country", 0.0) * town}


def _parts(sc) -> dict[str, float]:
    out = dict(sc.parts or {})
    if is_broad(sc.place) and "country" in out:
        out["country_broad"] = out.pop("country")
    return out


def _span_rows(trace: dict, j: int, capitals: frozenset[int]) -> list[tuple[object, list[float]]]:
    """Return (place, features) of span j's candidates, parts averaged over the spans of its name (one_sense)."""
    groups, ranked = trace["groups"], trace["ranked"]
    same = [i for i, g in enumerate(groups) if g == groups[j]]
    acc: dict[int, list[dict[str, float]]] = defaultdict(list)
    for i in same:
        for sc in ranked[i]:
            acc[sc.place.id].append(_parts(sc))
    rows = []
    for sc in ranked[j]:
        ps = acc[sc.place.id]
        mean = {k: sum(p.get(k, 0.0) for p in ps) / len(ps) for k in PARTS}
        rows.append((sc, mean))
    hand = np.array([sum(m.values()) for _, m in rows])
    order = sorted(range(len(rows)), key=lambda k: (-hand[k], rows[k][0].place.id))
    rank_of = {k: r for r, k in enumerate(order)}
    out = []
    for k, (sc, mean) in enumerate(rows):
        ex = _extras(sc, capitals, mean)
        ex["hand_top"] = float(rank_of[k] == 0)
        ex["hand_rank"] = math.log1p(rank_of[k])
        out.append((sc.place, [mean[n] for n in PARTS] + [float(ex[n]) for n in FEATURES]))
    return out


def extract() -> list[dict]:
    """Trace every gold span of the tuning documents; return one record per gold point."""
    gaz = load_gazetteer()
    caps = gaz.capitals()
    recs = []
    for name, limit in TUNING:
        corpus = read_corpus(name, benchmarks_dir(), limit=limit)
        for doc in corpus.docs:
            spans = [(t.start, t.end) for t in doc.toponyms]
            trace: dict = {}
            answers = gold_resolutions(doc.text, spans, gazetteer=gaz, trace=trace)
            for k, (g, r) in enumerate(zip(doc.toponyms, answers)):
                if not g.has_point:
                    continue
                rec = {"corpus": name, "doc": f"{name}:{doc.id}", "fixed": None}
                if isinstance(r, str):  # a demonym, answered with its country's point
                    c = gaz.country(r)
                    rec["fixed"] = bool(c and km((c.lat, c.lon), (g.lat, g.lon)) <= RADIUS)
                elif not isinstance(r, Resolved):
                    rec["fixed"] = False
                else:
                    rows = _span_rows(trace, trace["places"][k], caps)
                    pts = np.array([(p.lat, p.lon) for p, _ in rows])
                    rec["X"] = np.array([f for _, f in rows])
                    rec["ids"] = np.array([p.id for p, _ in rows])
                    rec["y"] = np.array([km((p.lat, p.lon), (g.lat, g.lon)) <= RADIUS for p, _ in rows])
                    rec["far"] = np.array([[km(tuple(a), tuple(b)) > AMBIGUITY_KM for b in pts] for a in pts])
                    rec["pipeline"] = bool(r.margin >= MIN_MARGIN and km((r.ranked[0].place.lat, r.ranked[0].place.lon),
                                                                          (g.lat, g.lon)) <= RADIUS)
                recs.append(rec)
        print(f"traced {name}: {len(corpus.docs)} docs", file=sys.stderr)
    return recs


class Data:
    """Flat candidate arrays of the ranked gold spans, with a segment index per span.

    ``quadratic`` adds every pairwise product of the features (weight 0 at w0).
    """

    def __init__(self, recs: list[dict], quadratic: bool = False) -> None:
        self.recs = recs
        self.ranked = [i for i, r in enumerate(recs) if r["fixed"] is None]
        self.X = np.vstack([recs[i]["X"] for i in self.ranked])
        extra = 0
        if quadratic:
            iu = np.triu_indices(self.X.shape[1])
            q = (self.X[:, :, None] * self.X[:, None, :])[:, iu[0], iu[1]]
            q = q[:, q.std(axis=0) > 1e-9]
            self.X, extra = np.hstack([self.X, q]), q.shape[1]
        self.y = np.concatenate([recs[i]["y"] for i in self.ranked]).astype(float)
        sizes = [len(recs[i]["ids"]) for i in self.ranked]
        self.starts = np.r_[0, np.cumsum(sizes)[:-1]].astype(np.int64)
        self.seg = np.repeat(np.arange(len(sizes)), sizes)
        self.w0 = np.array([1.0] * len(PARTS) + [0.0] * (len(FEATURES) + extra))


def _answers(d: Data, scores: np.ndarray, spans: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (top is within 161 km, margin over the best far runner-up) per ranked span."""
    right, margin = np.zeros(len(spans), bool), np.zeros(len(spans))
    for n, s in enumerate(spans):
        rec = d.recs[d.ranked[s]]
        a = d.starts[s]
        sc = np.round(scores[a:a + len(rec["ids"])], 4)
        top = np.lexsort((rec["ids"], -sc))[0]
        far = sc[rec["far"][top]]
        right[n] = rec["y"][top]
        margin[n] = sc[top] - (far.max() if len(far) else 0.0)
    return right, margin


def _fit(d: Data, spans: np.ndarray, lam: float, iters: int = 400) -> np.ndarray:
    """Return softmax weights fitted on ``spans`` (those with a right candidate), L2 towards w0 (scaled)."""
    keep = np.array([d.recs[d.ranked[s]]["y"].any() for s in spans])
    spans = spans[keep]
    mask = np.isin(d.seg, spans)
    X, y, seg = d.X[mask], d.y[mask], d.seg[mask]
    _, seg = np.unique(seg, return_inverse=True)
    ns = seg.max() + 1
    scale = X.std(axis=0) + 1e-6
    Z = X / scale
    v0 = d.w0 * scale
    v = v0.copy()
    m, s2 = np.zeros_like(v), np.zeros_like(v)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, iters + 1):
        z = Z @ v
        zmax = np.full(ns, -np.inf)
        np.maximum.at(zmax, seg, z)
        e = np.exp(z - zmax[seg])
        p = e / np.bincount(seg, e, ns)[seg]
        q = e * y
        q = q / np.bincount(seg, q, ns)[seg]
        grad = (Z * (p - q)[:, None]).sum(axis=0) / ns + 2 * lam * (v - v0)
        m = b1 * m + (1 - b1) * grad
        s2 = b2 * s2 + (1 - b2) * grad ** 2
        v -= lr * (m / (1 - b1 ** t)) / (np.sqrt(s2 / (1 - b2 ** t)) + 1e-8)
    return v / scale


def _folds(recs: list[dict]) -> dict[str, int]:
    docs = sorted({r["doc"] for r in recs})
    rng = np.random.default_rng(0)
    order = rng.permutation(len(docs))
    return {docs[i]: n % FOLDS for n, i in enumerate(order)}


def _threshold(margins: np.ndarray, n_ambiguous: int) -> float:
    """Return the margin below which exactly the n smallest margins fall (the hand ranker's ambiguous count)."""
    if n_ambiguous <= 0:
        return -np.inf
    return float(np.sort(margins)[n_ambiguous - 1]) + 1e-9


def cross_validate(d: Data, lam: float) -> dict:
    """Return out-of-fold (hand right, learned right, learned right at threshold 0) per record."""
    fold_of = _folds(d.recs)
    span_fold = np.array([fold_of[d.recs[i]["doc"]] for i in d.ranked])
    hand = np.zeros(len(d.ranked), bool)
    learned, loose, hand_loose = hand.copy(), hand.copy(), hand.copy()
    for f in range(FOLDS):
        tr, te = np.flatnonzero(span_fold != f), np.flatnonzero(span_fold == f)
        w = _fit(d, tr, lam)
        h_right, h_margin = _answers(d, d.X @ d.w0, te)
        hand[te] = h_right & (h_margin >= MIN_MARGIN)
        hand_loose[te] = h_right
        _, h_tr_margin = _answers(d, d.X @ d.w0, tr)
        _, l_tr_margin = _answers(d, d.X @ w, tr)
        t = _threshold(l_tr_margin, int((h_tr_margin < MIN_MARGIN).sum()))
        l_right, l_margin = _answers(d, d.X @ w, te)
        learned[te] = l_right & (l_margin >= t)
        loose[te] = l_right
    return {"hand": hand, "learned": learned, "loose": loose, "hand_loose": hand_loose}


def report(d: Data, res: dict, lam: float) -> None:
    """Print acc@161 per corpus and pooled for both rankers (fixed answers counted for both)."""
    for corpus in ("lgl", "geovirus", None):
        idx = [k for k, i in enumerate(d.ranked) if corpus in (None, d.recs[i]["corpus"])]
        fixed = [r["fixed"] for r in d.recs if r["fixed"] is not None and corpus in (None, r["corpus"])]
        n = len(idx) + len(fixed)
        base = sum(fixed)
        vals = {k: (base + v[idx].sum()) / n for k, v in res.items()}
        print(f"lambda={lam:<6} {corpus or 'pooled':9s} n={n:5d}  hand {vals['hand']:.4f}  learned {vals['learned']:.4f}"
              f"  | no ambiguity: hand {vals['hand_loose']:.4f} learned {vals['loose']:.4f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/place_ranker_study.pkl"))
    ap.add_argument("--refresh", action="store_true", help="trace the tuning documents again")
    ap.add_argument("--lambdas", type=float, nargs="*", default=LAMBDAS)
    ap.add_argument("--quadratic", action="store_true", help="add pairwise products of the features")
    ap.add_argument("--in-sample", action="store_true", help="also fit and score on all tuning spans (a ceiling)")
    args = ap.parse_args()
    if args.refresh or not args.cache.exists():
        args.cache.write_bytes(pickle.dumps(extract()))
    d = Data(pickle.loads(args.cache.read_bytes()), quadratic=args.quadratic)
    pipe = [d.recs[i]["pipeline"] for i in d.ranked]
    h_right, h_margin = _answers(d, d.X @ d.w0, np.arange(len(d.ranked)))
    sim = h_right & (h_margin >= MIN_MARGIN)
    print(f"{len(d.recs)} gold points, {len(d.ranked)} ranked; simulated hand ranker agrees with the pipeline on "
          f"{(sim == np.array(pipe)).mean():.4f} of them", file=sys.stderr)
    print(f"ranked spans with a right candidate: {sum(d.recs[i]['y'].any() for i in d.ranked)}; hand top right: "
          f"{h_right.sum()}", file=sys.stderr)
    for lam in args.lambdas:
        if args.in_sample:
            right, _ = _answers(d, d.X @ _fit(d, np.arange(len(d.ranked)), lam, iters=800), np.arange(len(d.ranked)))
            print(f"lambda={lam:<6} in-sample top right {right.sum()} (hand {h_right.sum()})")
        report(d, cross_validate(d, lam), lam)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
