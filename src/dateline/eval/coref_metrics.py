"""Coreference scores B³ and MUC over key (gold) and response (system) clusterings.

Clusters are sets of mention ids.  Key and response may hold different mentions: as in
the CoNLL reference scorer, a key mention missing from the response lowers recall and a
response mention missing from the key (a spurious mention) lowers precision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from summed numerators and denominators."""

    p_num: float
    p_den: float
    r_num: float
    r_den: float

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.p_num + other.p_num, self.p_den + other.p_den, self.r_num + other.r_num, self.r_den + other.r_den)


ZERO = PRF(0.0, 0.0, 0.0, 0.0)


def _b3_side(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> tuple[float, float]:
    """Sum over mentions of ``a`` of |A ∩ B| / |A| (B = the ``b`` cluster holding the mention)."""
    where = {m: c for c in b for m in c}
    num = sum(len(c & where.get(m, frozenset())) / len(c) for c in a for m in c)
    return num, float(sum(len(c) for c in a))


def b_cubed(key: Sequence[frozenset[str]], response: Sequence[frozenset[str]]) -> PRF:
    """Return B³ (Bagga & Baldwin 1998), mention-weighted, as summable counts."""
    r_num, r_den = _b3_side(key, response)
    p_num, p_den = _b3_side(response, key)
    return PRF(p_num, p_den, r_num, r_den)


def _muc_side(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> tuple[float, float]:
    """Sum over clusters of ``a`` of |A| - |partitions of A by ``b``| and |A| - 1."""
    where = {m: i for i, c in enumerate(b) for m in c}
    num = den = 0.0
    for c in a:
        parts = {where.get(m, ("alone", m)) for m in c}  # a mention missing from b is its own part
        num += len(c) - len(parts)
        den += len(c) - 1
    return num, den


def muc(key: Sequence[frozenset[str]], response: Sequence[frozenset[str]]) -> PRF:
    """Return MUC (Vilain et al. 1995) link-based scores as summable counts."""
    r_num, r_den = _muc_side(key, response)
    p_num, p_den = _muc_side(response, key)
    return PRF(p_num, p_den, r_num, r_den)
