"""Shingled MinHash signatures (datasketch) and banded LSH candidate groups.

Two signatures per article: one over word 3-shingles of the normalised text (finds
verbatim and lightly edited copies), one over the fact fingerprint's keys and key
bigrams (finds spun copies whose wording changed but whose facts did not).

The banding is done here, vectorised with numpy, rather than with datasketch's
``MinHashLSH``: its ``query`` returns whole buckets, and with wire stories copied
hundreds of times the buckets are large (measured: 1 ms a query at 2,000 articles,
growing with story size), whereas grouping every band once costs n × bands operations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import zlib

import numpy as np
from datasketch import MinHash

#: Permutations per signature: 128 keeps the Jaccard estimate within about ±0.09 (1/sqrt(128)).
NUM_PERM = 128
#: Bands × rows for text shingles.  The S-curve midpoint (1/b)^(1/r) is 0.29: low on purpose,
#: candidates are verified afterwards.  Set on the generated corpus (tests/stories/generator.py),
#: where lightly edited copies sit at Jaccard 0.35-0.95.  (datasketch's own optimum for 0.25.)
TEXT_BANDS = (42, 3)
#: Bands × rows for fact fingerprints; spun copies keep 0.4-0.9 of their fact keys (same corpus).
FACT_BANDS = (42, 3)

_SEED = 1
#: CRC-32 (C, stable across runs) instead of datasketch's SHA-1: a third of the signing time,
#: and the universal permutations on top spread its values enough for MinHash.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED)
_PERMS, _SCHEME = _TEMPLATE.permutations, _TEMPLATE.scheme  # shared: building them costs 1 ms each


def feature_ids(features: Iterable[str]) -> np.ndarray:
    """Return the CRC-32 of each feature, sorted and unique (the stored form of a shingle set)."""
    return np.unique(np.fromiter((zlib.crc32(f.encode("utf-8")) for f in features), dtype=np.uint64))


def signature(features: Iterable[str] | np.ndarray) -> MinHash:
    """Return a MinHash over the given string features (or their :func:`feature_ids`)."""
    ids = features if isinstance(features, np.ndarray) else feature_ids(features)
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_PERMS, scheme=_SCHEME, hashfunc=_identity)
    if len(ids):
        m.update_batch(ids.tolist())
    return m


def _identity(x: int) -> int:
    return x


def is_empty(sig: np.ndarray) -> bool:
    return bool(np.all(sig == np.uint64((1 << 32) - 1)))


def estimate(a: MinHash | np.ndarray, b: MinHash | np.ndarray) -> float:
    """Return the estimated Jaccard similarity of two signatures (0 when either is empty)."""
    ha = a.hashvalues if isinstance(a, MinHash) else a
    hb = b.hashvalues if isinstance(b, MinHash) else b
    if is_empty(ha) or is_empty(hb):
        return 0.0
    return float(np.count_nonzero(ha == hb)) / NUM_PERM


def buckets(sigs: Sequence[np.ndarray], bands: tuple[int, int]) -> Iterator[np.ndarray]:
    """Yield, band by band, each group (2+ positions) of signatures identical in that band."""
    b, r = bands
    mat = np.vstack(sigs).astype(np.uint64)
    empty = np.all(mat == np.uint64((1 << 32) - 1), axis=1)
    rng = np.random.default_rng(_SEED)
    mult = rng.integers(1, 2**63 - 1, size=r, dtype=np.uint64) | np.uint64(1)
    for band in range(b):
        with np.errstate(over="ignore"):
            keys = (mat[:, band * r:(band + 1) * r] * mult).sum(axis=1)
        keys[empty] = np.arange(np.count_nonzero(empty), dtype=np.uint64) ^ np.uint64(0xA5A5A5A5A5A5A5A5)
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        cuts = np.flatnonzero(np.diff(sorted_keys)) + 1
        for group in np.split(order, cuts):
            if len(group) > 1:
                yield group
