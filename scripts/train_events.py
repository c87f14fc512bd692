#!/usr/bin/env python3
"""Build src/dateline/data/events_linear.json (+ .manifest.json): the linear event classifier.

    python scripts/train_events.py

Trains on synthetic template sentences and the taxonomy definitions only (our own
text; no evaluation corpus).  Deterministic.  Commit the output.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline.events.train import write  # noqa: E402


def main() -> int:
    m = write()
    print(f"wrote {m['file']}: {m['examples']} examples, {m['features']} features, {m['classes']} classes, "
          f"{m['iterations']} iterations, sha256 {m['sha256'][:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
