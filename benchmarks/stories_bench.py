"""Benchmark story lineage on generated copies: accuracy, then speed and memory at 10,000 articles.

    PYTHONPATH=src:. python benchmarks/stories_bench.py [--copies 10] [--seed 11] [--scale 10000]

Prints pairwise precision/recall of the clustering, the share of stories whose original
was found, garble and changed-figure recall of the diff (on ≥ 200 copies of 22 stories
plus unrelated articles), and the time and peak memory to cluster ``--scale`` articles.
The corpus comes from tests/stories/generator.py; no spaCy model is needed.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parents[1] / "src")]

from dateline.stories.cluster import cluster_stories  # noqa: E402
from tests.stories.generator import STORIES, UNRELATED, generate, to_items  # noqa: E402
from tests.stories.metrics import score  # noqa: E402


def accuracy(copies: int, seed: int) -> None:
    corpus = generate(copies_per_story=copies, seed=seed)
    items = to_items(corpus)
    t0 = time.perf_counter()
    stories = cluster_stories(items)
    took = time.perf_counter() - t0
    s = score(corpus, stories)
    n_copies = sum(1 for a in corpus.articles if a.story is not None and a.kind != "original")
    print(f"corpus: {len(corpus.articles)} articles = {len(corpus.originals)} originals + {n_copies} copies "
          f"+ {len(corpus.articles) - len(corpus.originals) - n_copies} unrelated (seed {seed})")
    print(f"pairwise precision {s.precision:.3f}  recall {s.recall:.3f}  ({len(stories)} stories found)")
    print(f"original identified {s.originals_right}/{s.stories} = {s.original_accuracy:.3f}")
    print(f"garbles reported {s.garbles_found}/{s.garbles} = {s.garble_recall:.3f}; "
          f"changed figures reported {s.numbers_found}/{s.numbers}")
    print(f"clustering + lineage + diffs: {took:.2f} s")


def scale(n: int, seed: int) -> None:
    per = max(1, (n - len(UNRELATED)) // len(STORIES) - 1)
    corpus = generate(copies_per_story=per, seed=seed)
    t0 = time.perf_counter()
    items = to_items(corpus)
    ingest = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    stories = cluster_stories(items, diffs=False)
    clustering, clustering_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    full = cluster_stories(items)
    with_diffs, with_diffs_cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    s = score(corpus, full)
    print(f"scale: {len(items)} articles ({per} copies of each of {len(STORIES)} stories + {len(UNRELATED)} unrelated)")
    print(f"  make_article + quantities: {ingest:.1f} s (not part of clustering)")
    print(f"  clustering + lineage: {clustering:.1f} s wall ({clustering_cpu:.1f} s CPU); "
          f"with every copy's diff: {with_diffs:.1f} s wall ({with_diffs_cpu:.1f} s CPU)")
    print(f"  peak memory (max RSS of the process): {peak:.0f} MB; {len(stories)} stories; "
          f"P {s.precision:.3f} R {s.recall:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--scale", type=int, default=10_000, help="articles for the speed run (0 skips it)")
    args = ap.parse_args()
    accuracy(args.copies, args.seed)
    if args.scale:
        scale(args.scale, args.seed)


if __name__ == "__main__":
    main()
