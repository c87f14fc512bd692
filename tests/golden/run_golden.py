"""Print per-article, per-category golden scores and every miss: ``python tests/golden/run_golden.py``."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scoring  # noqa: E402


def run_all(verbose: bool = True) -> dict[str, dict[str, scoring.Category]]:
    """Run the pipeline on every golden article and score it; return scores by article."""
    import dateline

    results = {}
    for exp in sorted((HERE / "expected").glob("*.json")):
        gold = json.loads(exp.read_text(encoding="utf-8"))
        res = dateline.read(HERE / "articles" / gold["text"], published=gold.get("published"))
        results[exp.stem] = scoring.score(res.to_dict(), gold)
    return results


def main() -> None:
    """Print the table and the misses."""
    results = run_all()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, cats in results.items():
        row = " ".join(f"{k}={c.passed}/{c.total}" for k, c in cats.items())
        print(f"{name:24s} {sum(c.passed for c in cats.values())}/{sum(c.total for c in cats.values())}  {row}")
        for k, c in cats.items():
            totals[k][0] += c.passed
            totals[k][1] += c.total
            for m in c.misses:
                print(f"    {k} miss: {m}")
    print("TOTAL", " ".join(f"{k}={p}/{n}" for k, (p, n) in totals.items()),
          f"all={sum(p for p, _ in totals.values())}/{sum(n for _, n in totals.values())}")


if __name__ == "__main__":
    main()
