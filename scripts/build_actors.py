#!/usr/bin/env python3
"""Build src/dateline/data/actors.jsonl (+ actors.manifest.json) from data/actors_src/*.jsonl.

    python scripts/build_actors.py [--src DIR] [--out FILE]

Needs the build extras (rigour, names_translator, PyICU).  Commit the output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline.errors import DatelineError  # noqa: E402
from dateline.resolve.actors import build  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=build.SRC_DIR)
    ap.add_argument("--out", type=Path, default=build.OUT)
    args = ap.parse_args()
    manifest_path = args.out.with_name(args.out.stem + ".manifest.json")
    try:
        m = build.write(args.src, args.out, manifest_path)
    except DatelineError as exc:
        print(f"build_actors: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({m['count']} actors: {m['people']} people, {m['orgs']} orgs) sha256 {m['sha256'][:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
