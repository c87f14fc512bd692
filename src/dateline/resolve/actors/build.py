"""Build ``data/actors.jsonl`` and its manifest from the curated ``data/actors_src/*.jsonl``.

Run by the developer (``python scripts/build_actors.py``) after editing the sources; the
output is committed, and a test checks that it is up to date with the sources.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.resolve.actors.expand import actor_id, add_given_symbols, expand, validate
from dateline.resolve.actors.names import fold

DATA = Path(__file__).resolve().parents[2] / "data"
SRC_DIR = DATA / "actors_src"
OUT = DATA / "actors.jsonl"
MANIFEST = DATA / "actors.manifest.json"


def source_files(src: Path) -> list[Path]:
    return sorted(src.glob("*.jsonl"))


def sources_sha256(src: Path) -> str:
    """Return one sha256 over the source files' names and bytes, in name order."""
    h = hashlib.sha256()
    for f in source_files(src):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def read_sources(src: Path) -> list[dict[str, Any]]:
    """Read and validate every source record; raise InputError on schema or uniqueness errors."""
    records: list[dict[str, Any]] = []
    seen_names: dict[tuple[str, str], str] = {}
    seen_ids: dict[str, str] = {}
    files = source_files(src)
    if not files:
        raise InputError(f"no actor sources (*.jsonl) in {src}")
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{f.name}:{n}"
            try:
                rec = json.loads(line)
            except ValueError as exc:
                raise InputError(f"{where}: not JSON ({exc})") from exc
            validate(rec, where)
            key = (rec["kind"], fold(rec["name"]))
            if key in seen_names:
                raise InputError(f"{where}: duplicate {rec['kind']} name {rec['name']!r} (first at {seen_names[key]})")
            aid = actor_id(rec)
            if aid in seen_ids:
                raise InputError(f"{where}: duplicate id {aid} (first at {seen_ids[aid]})")
            seen_names[key], seen_ids[aid] = where, where
            records.append(rec)
    return records


def build(src: Path = SRC_DIR) -> tuple[str, dict[str, Any]]:
    """Return the actors.jsonl text and its manifest (deterministic for the same sources)."""
    records = [expand(r, heavy=True) for r in read_sources(src)]
    add_given_symbols(records)
    records.sort(key=lambda r: (r["kind"], r["id"]))
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)
    manifest = {
        "count": len(records),
        "people": sum(r["kind"] == "person" for r in records),
        "orgs": sum(r["kind"] == "org" for r in records),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "sources_sha256": sources_sha256(src),
    }
    return text, manifest


def write(src: Path = SRC_DIR, out: Path = OUT, manifest_path: Path = MANIFEST) -> dict[str, Any]:
    """Build and write actors.jsonl and its manifest; return the manifest."""
    text, manifest = build(src)
    out.write_text(text, encoding="utf-8")
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return manifest
