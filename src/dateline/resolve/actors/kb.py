"""The actor knowledge base (people and organisations), indexed for candidate lookup.

The packaged KB is ``data/actors.jsonl`` (built by ``scripts/build_actors.py``); a
user's own actors (``dateline kb add`` / ``kb import``) live in ``actors_user.jsonl``
under ``$DATELINE_HOME`` (default ``~/.local/share/dateline``) and are loaded with it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import ResourceMissing
from dateline.resolve.actors.names import skeleton

DATA = Path(__file__).resolve().parents[2] / "data"
KB_FILE = DATA / "actors.jsonl"
MANIFEST = DATA / "actors.manifest.json"
USER_FILE_NAME = "actors_user.jsonl"


def user_kb_path() -> Path:
    """Return the user KB file: $DATELINE_HOME/actors_user.jsonl or ~/.local/share/dateline/."""
    home = os.environ.get("DATELINE_HOME")
    base = Path(home) if home else Path.home() / ".local" / "share" / "dateline"
    return base / USER_FILE_NAME


def _add(index: dict[Any, list[int]], key: Any, i: int) -> None:
    bucket = index.setdefault(key, [])
    if not bucket or bucket[-1] != i:
        bucket.append(i)


@dataclass
class ActorKB:
    """Actors indexed for lookup: surname, skeleton and full-form keys; acronyms and word bags."""

    actors: list[dict[str, Any]] = field(default_factory=list)
    version: str = "empty"
    by_id: dict[str, int] = field(default_factory=dict)
    surname: dict[str, list[int]] = field(default_factory=dict)
    skel: dict[str, list[int]] = field(default_factory=dict)
    form: dict[str, list[int]] = field(default_factory=dict)
    given_symbols: dict[str, frozenset[str]] = field(default_factory=dict)
    given_names: set[str] = field(default_factory=set)
    acronym: dict[str, list[int]] = field(default_factory=dict)
    bag: dict[frozenset[str], list[int]] = field(default_factory=dict)
    surname_keys: list[str] = field(default_factory=list)

    @classmethod
    def from_records(cls, records: Iterable[dict[str, Any]], version: str = "custom") -> ActorKB:
        """Index generated records (as written by the build or ``expand``)."""
        kb = cls(version=version)
        for rec in records:
            kb.add(rec)
        kb.surname_keys = sorted(kb.surname)
        return kb

    def add(self, rec: dict[str, Any]) -> None:
        """Index one generated record; a later record with the same id replaces the earlier one's lookup."""
        i = len(self.actors)
        self.actors.append(rec)
        self.by_id[rec["id"]] = i
        gen = rec["gen"]
        for f in gen["forms"]:
            _add(self.form, f, i)
        if rec["kind"] == "person":
            for s in gen["surnames"]:
                _add(self.surname, s, i)
                _add(self.skel, skeleton(s), i)
            self.given_names.update(g for g in gen["givens"] if g not in gen.get("inner", ()))
            for g, syms in gen.get("symbols", {}).items():
                self.given_symbols[g] = frozenset(syms) | self.given_symbols.get(g, frozenset())
        else:
            for a in gen["acronyms"]:
                _add(self.acronym, a, i)
            for b in gen["bags"]:
                _add(self.bag, frozenset(b), i)

    def find(self, name: str) -> list[dict[str, Any]]:
        """Return the actors whose canonical name, alias or id equals ``name`` (folded)."""
        from dateline.resolve.actors.names import fold

        if name in self.by_id:
            return [self.actors[self.by_id[name]]]
        hits = self.form.get(fold(name), []) + self.acronym.get(name.upper(), [])
        return [self.actors[i] for i in dict.fromkeys(hits)]

    def __len__(self) -> int:
        return len(self.actors)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read one JSON object per line; raise ResourceMissing when the file is corrupt."""
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise ResourceMissing(f"cannot read actor KB {path}: {exc}; rebuild it with `python scripts/build_actors.py`") from exc


def user_records(path: Path | None = None) -> list[dict[str, Any]]:
    """Return the user's own actors, expanded (empty when the file does not exist)."""
    from dateline.resolve.actors.expand import expand

    path = path or user_kb_path()
    if not path.exists():
        return []
    return [expand(r) for r in read_jsonl(path)]


def load_kb(path: Path = KB_FILE, *, user: Path | None = None) -> ActorKB:
    """Load the packaged actor KB plus the user's own actors.

    A missing packaged file gives an empty KB (every actor then stays unlinked);
    ``dateline doctor`` reports it.
    """
    records = read_jsonl(path) if path.exists() else []
    version = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.exists() else "missing"
    extra = user_records(user)
    return ActorKB.from_records([*records, *extra], version=version + (f"+{len(extra)} user" if extra else ""))


def doctor_checks() -> list[tuple[bool, str, str]]:
    """Check that actors.jsonl exists and matches its manifest (count and sha256)."""
    if not KB_FILE.exists() or not MANIFEST.exists():
        return [(False, "actor KB", f"{KB_FILE.name} or its manifest missing; run `python scripts/build_actors.py`")]
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    data = KB_FILE.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    count = sum(1 for line in data.splitlines() if line.strip())
    ok = sha == manifest.get("sha256") and count == manifest.get("count")
    detail = f"{count} actors ({manifest.get('people')} people, {manifest.get('orgs')} orgs), sha256 {sha[:12]}"
    rows = [(ok, "actor KB", detail if ok else detail + " does not match the manifest; rebuild it")]
    user = user_kb_path()
    if user.exists():
        try:
            rows.append((True, "user actors", f"{len(user_records(user))} in {user}"))
        except ResourceMissing as exc:
            rows.append((False, "user actors", str(exc)))
    return rows
