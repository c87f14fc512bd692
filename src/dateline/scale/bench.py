"""Ingest scaling benchmark: local processes and Ray actors on the same corpus, in one run.

Speed on a shared machine moves with its load, so the figures that matter are the
ratios measured side by side: N workers against 1, Ray against local.  Each run
ingests the same generated corpus into a fresh SQLite store.

Two rates per run: *end-to-end* (wall time including pipeline loading and, for Ray,
actor start-up) and *steady* (articles finished after the first ``WARMUP_FRACTION`` of
the corpus, divided by the time they took), which is what a long ingest converges to.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.store import open_db
from dateline.store.runner import Ingest, IngestOptions, Summary, run_ingest

#: Share of the corpus treated as warm-up in the steady rate (pipeline loading ends inside it).
WARMUP_FRACTION = 0.1
PUBLISHED = "2023-06-09"


@dataclass(frozen=True)
class Run:
    engine: str
    workers: int
    articles: int
    wall: float
    steady: float  # articles/s after warm-up
    failed: int

    @property
    def end_to_end(self) -> float:
        return self.articles / self.wall if self.wall else 0.0


class _Clock:
    """An ingest event callback that time-stamps every finished article."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def __call__(self, kind: str, source: str, summary: Summary) -> None:
        if kind in ("stored", "replaced", "failed"):
            self.times.append(time.perf_counter())

    def steady_rate(self) -> float:
        n = len(self.times)
        k = max(1, int(n * WARMUP_FRACTION))
        if n <= k:
            return 0.0
        span = self.times[-1] - self.times[k - 1]
        return (n - k) / span if span > 0 else 0.0


def _one(engine: str, workers: int, corpus: Path, db: Path) -> Run:
    clock = _Clock()
    opts = IngestOptions(published=PUBLISHED, workers=workers)
    t0 = time.perf_counter()
    if engine == "ray":
        from dateline.scale import RayOptions, run_ray_ingest

        summary = run_ray_ingest(Ingest(open_db(db), opts, clock), [str(corpus)], RayOptions(workers=workers))
    else:
        summary = run_ingest(open_db(db), [str(corpus)], opts, on_event=clock)
    wall = time.perf_counter() - t0
    return Run(engine, workers, summary.stored + summary.failed, wall, clock.steady_rate(), summary.failed)


def _mean(runs: list[Run]) -> Run:
    n = len(runs)
    r0 = runs[0]
    return Run(r0.engine, r0.workers, r0.articles, sum(r.wall for r in runs) / n, sum(r.steady for r in runs) / n,
               max(r.failed for r in runs))


def run_scaling(*, engines: tuple[str, ...] = ("local", "ray"), workers: tuple[int, ...] = (1, 2),
                articles: int = 200, rounds: int = 2) -> Iterator[str]:
    """Run every engine with every worker count on one generated corpus; yield report lines.

    With ``rounds`` 2 the configurations run in A-B-B-A order and their means are compared,
    so a change of load on a shared machine weighs on every configuration alike.
    """
    from dateline.scale.corpus import generate

    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, articles)
        yield (f"corpus: {articles} generated articles; machine: {os.cpu_count()} CPUs, load average "
               f"{os.getloadavg()[0]:.2f} at start (on a shared machine compare the ratios, not the absolute rates)")
        if "ray" in engines:
            from dateline.scale.ray_engine import RayOptions, start_ray

            start_ray(RayOptions(num_cpus=max(max(workers), os.cpu_count() or 1)))
        yield f"{'round':6s}{'engine':8s}{'workers':>8s}{'steady art/s':>14s}{'end-to-end art/s':>18s}{'wall s':>9s}"
        configs = [(e, w) for e in engines for w in workers]
        order = [c for i in range(rounds) for c in (configs if i % 2 == 0 else configs[::-1])]
        done: dict[tuple[str, int], list[Run]] = {c: [] for c in configs}
        for i, (engine, w) in enumerate(order):
            r = _one(engine, w, corpus, Path(tmp) / f"{engine}{w}-{i}.db")
            done[engine, w].append(r)
            yield (f"{i // len(configs) + 1:<6d}{engine:8s}{w:8d}{r.steady:14.2f}{r.end_to_end:18.2f}{r.wall:9.1f}"
                   + (f"  ({r.failed} failed)" if r.failed else ""))
        runs = {c: _mean(rs) for c, rs in done.items()}
        yield f"load average at end: {os.getloadavg()[0]:.2f}; means over {rounds} round(s):"
        for (engine, w), r in runs.items():
            yield f"{'mean':6s}{engine:8s}{w:8d}{r.steady:14.2f}{r.end_to_end:18.2f}{r.wall:9.1f}"
        yield from _ratios(runs, engines, workers)


def _ratios(runs: dict[tuple[str, int], Run], engines: tuple[str, ...], workers: tuple[int, ...]) -> Iterator[str]:
    lo, hi = min(workers), max(workers)
    for engine in engines:
        a, b = runs[engine, lo], runs[engine, hi]
        if hi != lo and a.steady and a.end_to_end:
            yield (f"scaling {engine} {hi}/{lo} workers: {b.steady / a.steady:.2f}x steady, "
                   f"{b.end_to_end / a.end_to_end:.2f}x end-to-end")
    if "ray" in engines and "local" in engines:
        for w in workers:
            loc, ray = runs["local", w], runs["ray", w]
            if ray.steady and loc.steady:
                yield (f"ray per-article time over local, {w} worker(s): {100 * (loc.steady / ray.steady - 1):+.1f}% steady, "
                       f"{100 * (loc.end_to_end / ray.end_to_end - 1):+.1f}% end-to-end")
