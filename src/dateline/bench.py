"""Throughput benchmark: the whole pipeline against bare spaCy, measured in the same run.

Speed is reported as a ratio against a baseline measured alongside (bare
``nlp.pipe`` on the same texts), never as an absolute threshold.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "wire_report.txt"
SEED = Path(__file__).resolve().parents[3] / "shared" / "samples" / "seed_article.txt"


def _texts(sample: Path, words: int) -> list[str]:
    """Build articles of the sample's size until ``words`` words are reached."""
    base = sample.read_text(encoding="utf-8")
    n = max(1, len(base.split()))
    return [base] * max(1, round(words / n))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cold_start_seconds(sample: Path) -> float:
    """Time a fresh `dateline read` process on the sample (model and data loading included)."""
    exe = Path(sys.executable).with_name("dateline")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "dateline.cli.main"]
    t0 = time.perf_counter()
    subprocess.run([*cmd, "read", str(sample), "--published", "2022-09-10", "--format", "json"],
                   check=True, capture_output=True, env={**os.environ})
    return time.perf_counter() - t0


def _lookup_lines(pipe, text: str, places_s: float) -> Iterator[str]:
    """Time gazetteer lookups of the sample's place mentions on a fresh index (no cached answers), and the place
    stage per mention."""
    from dateline.resolve.gazetteer import Gazetteer

    res = pipe.read(text, published="2022-09-10")
    names = [m.text for e in res.entities if e.kind == "place" for m in e.mentions]
    if not names:
        return
    fresh = Gazetteer(pipe.resources.get("gazetteer").path)
    t0 = time.perf_counter()
    for name in dict.fromkeys(names):
        fresh.lookup(name)
    lookup_s = time.perf_counter() - t0
    fresh.close()
    distinct = len(dict.fromkeys(names))
    yield (f"gazetteer lookup (fresh index, fuzzy on): {1000 * lookup_s / distinct:.3f} ms per distinct name "
           f"({distinct} names); place stage {1000 * places_s / len(names):.2f} ms per mention ({len(names)} mentions)")


def run_bench(*, words: int = 20000, sample: str | None = None, cold_start: bool = True) -> Iterator[str]:
    """Run the benchmark; yield report lines."""
    from dateline.pipeline import Pipeline

    path = Path(sample) if sample else (SEED if SEED.exists() else EXAMPLE)
    texts = _texts(path, words)
    n_words = sum(len(t.split()) for t in texts)
    pipe = Pipeline()
    nlp = pipe.resources.get("nlp")
    for r in ("gazetteer", "kb"):
        pipe.resources.get(r)
    pipe.read(texts[0], published="2022-09-10")  # warm caches once
    t0 = time.perf_counter()
    for doc in nlp.nlp.pipe(texts, batch_size=32):
        pass
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    stage_totals: dict[str, float] = {}
    for t in texts:
        res = pipe.read(t, published="2022-09-10")
        for k, v in res.timings.items():
            stage_totals[k] = stage_totals.get(k, 0.0) + v
    full_s = time.perf_counter() - t0
    yield f"sample: {path} ({len(texts)} articles, {n_words} words)"
    yield f"spacy nlp.pipe:   {n_words / spacy_s:9.0f} words/s  ({spacy_s:.2f} s)"
    yield f"dateline pipeline:{n_words / full_s:9.0f} words/s  ({full_s:.2f} s)  {len(texts) / full_s:.2f} articles/s"
    yield f"ratio pipeline/spacy time: {full_s / spacy_s:.2f}x"
    for k, v in sorted(stage_totals.items(), key=lambda kv: -kv[1]):
        yield f"  stage {k:24s} {v:7.2f} s  {100 * v / full_s:5.1f}%"
    yield from _lookup_lines(pipe, texts[0], stage_totals.get("resolve.places.v1", 0.0) / len(texts))
    yield f"peak RSS: {peak_rss_mb():.0f} MB"
    if cold_start:
        yield f"cold start `dateline read`: {cold_start_seconds(path):.2f} s"
