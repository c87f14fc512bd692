"""Shingled MinHash signatures and LSH candidate search (datasketch).

Two signatures per article: one over word 3-shingles of the normalised text (finds
verbatim and lightly edited copies), one over the fact fingerprint's keys and key
bigrams (finds spun copies whose wording changed but whose facts did not).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

#: Permutations per signature: 128 keeps the Jaccard estimate within about ±0.09 (1/sqrt(128)).
NUM_PERM = 128
#: LSH band threshold for text shingles: low on purpose, candidates are verified afterwards.
#: Set on the generated corpus (tests/stories/generator.py): lightly edited copies sit at 0.35-0.9.
TEXT_LSH_THRESHOLD = 0.25
#: LSH band threshold for fingerprints; spun copies keep 0.4-0.9 of their fact keys (same corpus).
FACT_LSH_THRESHOLD = 0.3

_SEED = 1


def signature(features: Iterable[str]) -> MinHash:
    """Return a MinHash over the given string features."""
    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    data = [f.encode("utf-8") for f in features]
    if data:
        m.update_batch(data)
    return m


def estimate(a: MinHash, b: MinHash) -> float:
    """Return the estimated Jaccard similarity of two signatures (0 when either is empty)."""
    if a.is_empty() or b.is_empty():
        return 0.0
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / NUM_PERM


class Index:
    """An LSH index of signatures keyed by position; returns candidate pairs."""

    def __init__(self, threshold: float) -> None:
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)

    def build(self, sigs: Sequence[MinHash]) -> None:
        with self.lsh.insertion_session() as session:
            for i, sig in enumerate(sigs):
                if not sig.is_empty():
                    session.insert(i, sig, check_duplication=False)

    def candidates(self, i: int, sig: MinHash) -> list[int]:
        """Return indices j > i that share an LSH band with ``sig``."""
        if sig.is_empty():
            return []
        return [j for j in self.lsh.query(sig) if j > i]
