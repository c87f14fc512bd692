"""Train the linear event classifier on text the project may ship (build-time only).

Training data: the synthetic sentences of :mod:`dateline.events.synth` and each
class's one-line definition from :mod:`dateline.events.taxonomy` — all our own
writing.  No evaluation snippet (CASE 2021) is read here.  Each sentence is used
twice: once with every feature and once without the cue-score features, so that the
word and actor features learn to stand on their own when no cue fires.

The fit is a multinomial logistic regression with L2 penalty, minimised with
L-BFGS from a zero start (deterministic).  Weights are rounded and small ones
dropped so the JSON stays small.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from dateline.events.classify import rule_scores
from dateline.events.linear import MODEL_PATH, features
from dateline.events.synth import TEMPLATES, generate
from dateline.events.taxonomy import BY_CODE

#: L2 penalty per example.  Chosen a priori (not tuned on any evaluation data).
L2 = 1e-3
#: L-BFGS iteration cap.
MAX_ITER = 400
#: Weights with |w| below this are dropped from the file.
PRUNE = 0.02
#: Synthetic sentences per class.
PER_CLASS = 60
SEED = 13
_RULE_PREFIXES = ("r:", "top:", "side:")


def dataset(per_class: int = PER_CLASS, seed: int = SEED) -> tuple[list[dict[str, float]], list[str]]:
    """Return the feature dicts and labels of the training set."""
    pairs = generate(per_class, seed)
    pairs += [(BY_CODE[c].definition, c) for c in sorted(TEMPLATES) for _ in range(3)]
    feats, labels = [], []
    for text, code in pairs:
        scores, side = rule_scores(text)
        f = features(text, {k: v[0] for k, v in scores.items()}, side)
        feats.append(f)
        labels.append(code)
        feats.append({k: v for k, v in f.items() if not k.startswith(_RULE_PREFIXES)})
        labels.append(code)
    return feats, labels


def _loss(theta: np.ndarray, x: sparse.csr_matrix, y: np.ndarray, k: int) -> tuple[float, np.ndarray]:
    n, d = x.shape
    w = theta[: d * k].reshape(d, k)
    b = theta[d * k :]
    z = x @ w + b
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    loss = -np.log(p[np.arange(n), y] + 1e-12).mean() + 0.5 * L2 * float((w * w).sum())
    p[np.arange(n), y] -= 1.0
    p /= n
    gw = np.asarray(x.T @ p) + L2 * w
    return loss, np.concatenate([gw.ravel(), p.sum(axis=0)])


def fit(feats: list[dict[str, float]], labels: list[str]) -> dict:
    """Fit the model and return its JSON form (classes, bias, sparse weights)."""
    classes = sorted(set(labels))
    vocab = sorted({name for f in feats for name in f})
    col = {name: i for i, name in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, f in enumerate(feats):
        for name, v in f.items():
            rows.append(r)
            cols.append(col[name])
            vals.append(v)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(feats), len(vocab)))
    y = np.array([classes.index(lab) for lab in labels])
    k = len(classes)
    theta0 = np.zeros(len(vocab) * k + k)
    res = optimize.minimize(_loss, theta0, args=(x, y, k), jac=True, method="L-BFGS-B", options={"maxiter": MAX_ITER})
    w = res.x[: len(vocab) * k].reshape(len(vocab), k)
    bias = [round(float(v), 3) for v in res.x[len(vocab) * k :]]
    weights = {}
    for name, row in zip(vocab, w):
        kept = [[j, round(float(row[j]), 3)] for j in range(k) if abs(row[j]) >= PRUNE]
        if kept:
            weights[name] = kept
    return {"classes": classes, "bias": bias, "weights": weights, "iterations": int(res.nit)}


def write(out: Path = MODEL_PATH) -> dict:
    """Train, write the model JSON and its manifest, and return the manifest."""
    feats, labels = dataset()
    model = fit(feats, labels)
    iterations = model.pop("iterations")
    text = json.dumps(model, sort_keys=True, separators=(",", ":"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    manifest = {
        "file": out.name,
        "sha256": hashlib.sha256((text + "\n").encode()).hexdigest(),
        "builder": "scripts/train_events.py (dateline.events.train)",
        "training_data": "synthetic template sentences (dateline.events.synth) + taxonomy definitions; no CASE 2021 text",
        "examples": len(labels),
        "per_class": PER_CLASS,
        "seed": SEED,
        "l2": L2,
        "iterations": iterations,
        "classes": len(model["classes"]),
        "features": len(model["weights"]),
    }
    out.with_name(out.stem + ".manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest
