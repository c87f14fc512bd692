"""Write N distinct article files for the ingest benchmark, built from examples/wire_report.txt.

    python scripts/gen_ingest_corpus.py OUT_DIR [N]

Each file is the example report with its paragraphs rotated and a number changed, so
every text hashes differently (no article is skipped as already stored).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline.scale.corpus import generate  # noqa: E402


def main() -> None:
    generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000)


if __name__ == "__main__":
    main()
