"""Write N distinct article files for the ingest benchmark, built from examples/wire_report.txt.

    python scripts/gen_ingest_corpus.py OUT_DIR [N]

Each file is the example report with its paragraphs rotated and a number changed, so
every text hashes differently (no article is skipped as already stored).
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    out, n = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    src = Path(__file__).resolve().parents[1] / "examples" / "wire_report.txt"
    title, _, body = src.read_text(encoding="utf-8").partition("\n\n")
    paras = [p for p in body.split("\n\n") if p.strip()][:7]
    head, rest = paras[0], paras[1:]
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        k = i % len(rest)
        text = "\n\n".join([head.replace("at least seven", f"at least {i + 2}"), *rest[k:], *rest[:k]])
        (out / f"article_{i:05d}.txt").write_text(f"{title} ({i})\n\n{text}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
