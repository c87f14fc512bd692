#!/usr/bin/env python3
"""Train the learned cue model (claims/learned.py) on the PolNeAR train split into src/dateline/data/cue_model.json.

    python scripts/train_cue_model.py [--split-dir DIR] [--limit N] [--cache FILE] [--out FILE]

Candidates are the verbs and nouns outside quotes that the lexicon rules pass over but that
govern a possible content (``reported.broad_candidate``).  A candidate is positive when its
token lies in a gold Cue and its content matches that attribution's Content (character
Jaccard >= 0.3, the scorer's rule).  An L2-regularised logistic regression (scipy L-BFGS)
is fitted on sparse binary features.  The acceptance threshold is chosen end to end: fit on
the odd-numbered train articles, score content F1 on the even-numbered ones for each
threshold in THRESHOLDS, keep the best; the shipped weights are then fitted on all of train.
Only the train split is read (dev is for reporting, test is held out).  Commit the output.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

from dateline.claims import learned  # noqa: E402
from dateline.claims.quotes import article_view, attribute_quotes  # noqa: E402
from dateline.claims.reported import MODEL_POS, as_candidate, broad_candidate, find_reported  # noqa: E402
from dateline.eval.quotes import MATCH_JACCARD, Tally, parse_ann, predictions, raw_entities  # noqa: E402
from dateline.events.dates import resolve_dates  # noqa: E402
from dateline.model import Article  # noqa: E402
from learn_cues import read_ann  # noqa: E402  (scripts/learn_cues.py)

OUT = ROOT / "src" / "dateline" / "data" / "cue_model.json"
#: A feature must occur in this many train candidates to get a weight (rarer ones are noise and bloat the file).
MIN_COUNT = 3
#: L2 penalty on the weights (not the bias).  Checked on the odd/even split of train:
#: content F1 on the even half was flat for 0.5-2 (see docs/eval.md); 1.0 kept.
L2 = 1.0
#: Thresholds tried on the even half of train: to add a broad candidate, and to keep a rule's find.
THRESHOLDS = (0.4, 0.5, 0.6)
KEEP_THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4)


def cue_spans(ann: str) -> list[tuple[frozenset[int], frozenset[int]]]:
    """Return (cue chars, content chars) of each gold attribution in one .ann text."""
    return [(_char_set(r["cue"]), _char_set(r["content"])) for r in read_ann(ann) if "cue" in r and "content" in r]


def _char_set(ranges: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for a, b in ranges for i in range(a, b))


def load(split_dir: Path, limit: int | None, cache: Path | None) -> list[tuple]:
    """Return (name, text, parse, entities, ann text) per article, parsing with spaCy unless cached."""
    if cache is not None and cache.is_file():
        rows = pickle.loads(cache.read_bytes())
        return rows[:limit] if limit else rows
    from dateline.nlp.model import load_model
    from dateline.nlp.spans import parse_article

    nlp = load_model()
    chosen: dict[str, Path] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)  # first annotator, as the harness does
    rows = []
    for k, name in enumerate(sorted(chosen)[:limit]):
        text = (split_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        parse = parse_article(Article(text=text), nlp=nlp)
        rows.append((name, text, parse, raw_entities(parse), chosen[name].read_text(encoding="utf-8")))
        if k % 100 == 0:
            print(f"parsed {k}", file=sys.stderr)
    if cache is not None:
        cache.write_bytes(pickle.dumps(rows))
    return rows


def candidates(row: tuple) -> list[tuple[list[str], bool]]:
    """Return (features, is-gold) for each candidate of one article.

    Rule finds (except "according to") are positive when their content matches
    any gold Content; broad candidates only when their token is also that attribution's Cue.
    """
    _name, text, parse, entities, ann = row
    doc, _spans, inside = article_view(text, parse, entities)
    ruled = find_reported(doc, inside, use_model=False)
    golds = cue_spans(ann)
    out = []
    for rep in ruled:
        if rep.how == "according":
            continue
        chars = _chars(doc, rep.first, rep.last, rep.hole)
        out.append((learned.features(doc, as_candidate(rep)), any(_jaccard(chars, con) for _, con in golds)))
    by_rules = {r.cue for r in ruled}
    for t in parse.tokens:
        if t.i in inside or t.i in by_rules or t.pos not in MODEL_POS or t.text.lower() == "according":
            continue
        cand = broad_candidate(doc, t.i)
        if cand is not None:
            chars = _chars(doc, cand.first, cand.last, cand.hole)
            out.append((learned.features(doc, cand), any(t.start in cue and _jaccard(chars, con) for cue, con in golds)))
    return out


def _chars(doc, first: int, last: int, hole: tuple[int, int] | None) -> set[int]:  # noqa: ANN001
    chars = set(range(*doc.span(first, last)))
    return chars - set(range(*doc.span(*hole))) if hole else chars


def _jaccard(a: set[int], b: frozenset[int]) -> bool:
    return len(a & b) / len(a | b) >= MATCH_JACCARD


def fit(data: list[tuple[list[str], bool]], l2: float) -> tuple[dict[str, float], float]:
    """Fit an L2 logistic regression on binary features; return (weights, bias)."""
    counts = Counter(f for feats, _ in data for f in set(feats))
    vocab = {f: j for j, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    rows, cols = [], []
    for i, (feats, _) in enumerate(data):
        for j in {vocab[f] for f in feats if f in vocab}:
            rows.append(i)
            cols.append(j)
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(data), len(vocab)))
    y = np.array([1.0 if hit else 0.0 for _, hit in data])

    def loss(wb: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = wb[:-1], wb[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        value = np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * w @ w
        g = p - y
        return value, np.append(x.T @ g + l2 * w, g.sum())

    res = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    names = sorted(vocab, key=vocab.get)
    return {f: round(float(w), 4) for f, w in zip(names, res.x[:-1], strict=True) if abs(w) >= 1e-3}, float(res.x[-1])


def score(rows: list[tuple], model: learned.CueModel) -> Tally:
    """Run the whole claims stage with ``model`` over ``rows`` and tally PolNeAR content/speaker figures."""
    learned.model = lambda: model  # the stage reads the model through this function
    tally = Tally()
    for _name, text, parse, entities, ann in rows:
        article = Article(text=text)
        tally.add(parse_ann(ann), predictions(attribute_quotes(article, parse, entities, resolve_dates(article, parse))))
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split-dir", type=Path, default=None, help="default: <benchmarks>/polnear/train")
    ap.add_argument("--limit", type=int, default=None, help="only the first N train articles")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the parsed articles (written when absent)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.split_dir is None:
        from dateline.eval import benchmarks_dir

        args.split_dir = benchmarks_dir() / "polnear" / "train"
    if args.split_dir.name != "train" or not (args.split_dir / "attributions").is_dir():
        print(f"train_cue_model: {args.split_dir} is not a PolNeAR train split; pass --split-dir", file=sys.stderr)
        return 1
    rows = load(args.split_dir, args.limit, args.cache)
    data = [candidates(r) for r in rows]
    odd = [c for k, cs in enumerate(data) if k % 2 for c in cs]
    weights, bias = fit(odd, L2)
    even = [r for k, r in enumerate(rows) if k % 2 == 0]
    f1s = {}
    for add in THRESHOLDS:
        for keep in KEEP_THRESHOLDS:
            tally = score(even, learned.CueModel(weights, bias, add, keep))
            f1s[add, keep] = tally.prf(tally.matched)[2]
            print(f"add {add:.2f} keep {keep:.2f}: even-half content F1 {f1s[add, keep]:.4f}", file=sys.stderr)
    best_add, best_keep = max(f1s, key=f1s.get)
    weights, bias = fit([c for cs in data for c in cs], L2)
    n_pos = sum(hit for cs in data for _, hit in cs)
    out = {
        "source": f"PolNeAR train split, {len(rows)} articles (first annotator); {n_pos} positive candidates",
        "l2": L2, "min_count": MIN_COUNT, "threshold": best_add, "keep_threshold": best_keep,
        "threshold_check": {f"add {a:.2f} keep {k:.2f}": round(v, 4) for (a, k), v in f1s.items()},
        "bias": round(bias, 4), "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights, add {best_add}, keep {best_keep}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
