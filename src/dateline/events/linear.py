"""The linear event classifier: load the packaged weights and score a snippet.

The weights (``data/events_linear.json``) are built by ``scripts/train_events.py``
from synthetic template sentences and the taxonomy's definitions (see
:mod:`dateline.events.synth` and :mod:`dateline.events.train`); its manifest records
the build.  The model is a multinomial logistic regression over the features of
:mod:`dateline.events.features`, stored sparsely as feature -> [(class index, weight)].
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import ResourceMissing
from dateline.events.features import cue_features, rule_features, word_features

MODEL_FILE = "events_linear.json"
#: The final score of a class is the model's logit plus this times the raw cue score
#: of that class (the cue lexicon votes twice: as a feature the model learned from
#: synthetic text, and directly).  Tuned on CASE 2021 Task 2 rows with id ≡ 0 (mod 4)
#: only (0.776 at 0, 0.851 at 1.0 and 1.5, 0.839 at 2.0).
RULE_BLEND = 1.0
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / MODEL_FILE


@dataclass(frozen=True)
class LinearModel:
    """Class codes, per-class bias and sparse feature weights."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, list[list]]  # feature -> [[class index, weight], ...] (JSON lists, kept as read)

    def logits(self, feats: dict[str, float]) -> list[float]:
        """Return one score per class for a feature dict."""
        out = list(self.bias)
        for name, value in feats.items():
            for idx, w in self.weights.get(name, ()):
                out[idx] += w * value
        return out


def features(text: str, scores: dict[str, float], side: str | None) -> dict[str, float]:
    """Return every feature of a snippet given its cue scores and territory side."""
    feats = word_features(text)
    feats.update(cue_features(text))
    feats.update(rule_features(scores, side))
    return feats


def from_json(data: dict) -> LinearModel:
    """Build a LinearModel from its JSON form."""
    return LinearModel(tuple(data["classes"]), tuple(float(b) for b in data["bias"]), data["weights"])


@functools.lru_cache(maxsize=1)
def load() -> LinearModel:
    """Load the packaged model once.

    Raises:
        ResourceMissing: the weights file is not installed.
    """
    try:
        raw = MODEL_PATH.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceMissing(
            f"{MODEL_FILE} is missing from dateline/data; rebuild it with `python scripts/train_events.py`"
        ) from exc
    return from_json(json.loads(raw))


def predict(text: str, scores: dict[str, float], side: str | None, model: LinearModel | None = None) -> str:
    """Return the class code the model ranks first for a snippet."""
    m = model or load()
    logits = m.logits(features(text, scores, side))
    logits = [z + RULE_BLEND * scores.get(code, 0.0) for z, code in zip(logits, m.classes)]
    best = max(range(len(logits)), key=lambda i: (logits[i], -i))
    return m.classes[best]
