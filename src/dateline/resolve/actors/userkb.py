"""The user's own actors: ``dateline kb add`` and ``dateline kb import`` (Wikidata dump subset)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.resolve.actors.expand import actor_id, validate
from dateline.resolve.actors.kb import user_kb_path

#: Wikidata country items -> ISO alpha-2 (public facts) for P27/P17 claims.
COUNTRY_QIDS = {"Q212": "UA", "Q159": "RU", "Q30": "US", "Q183": "DE", "Q145": "GB", "Q142": "FR", "Q36": "PL",
                "Q184": "BY", "Q43": "TR", "Q148": "CN", "Q794": "IR", "Q801": "IL", "Q858": "SY", "Q38": "IT"}
_HUMAN = "Q5"


def save(records: list[dict[str, Any]], path: Path | None = None) -> Path:
    """Validate and add records to the user KB file; a record with the same id replaces the old one."""
    path = path or user_kb_path()
    for n, r in enumerate(records):
        validate(r, f"record {n + 1}")
    old = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()] if path.exists() else []
    new_ids = {actor_id(r) for r in records}
    kept = [r for r in old if actor_id(r) not in new_ids] + records
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")  # write beside, then rename: an interrupted save keeps the old KB whole
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in kept), encoding="utf-8")
    os.replace(tmp, path)
    return path


def _ids(claims: dict[str, Any], prop: str) -> list[str]:
    out = []
    for c in claims.get(prop, []):
        v = c.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(v, dict) and "id" in v:
            out.append(v["id"])
    return out


def _year(c: dict[str, Any], prop: str) -> int | None:
    for q in c.get("qualifiers", {}).get(prop, []):
        t = q.get("datavalue", {}).get("value", {}).get("time", "")
        if len(t) > 5 and t[1:5].isdigit():
            return int(t[1:5])
    return None


def from_wikidata(ent: dict[str, Any]) -> dict[str, Any] | None:
    """Convert one Wikidata entity JSON into an actor source record (None without an English label)."""
    labels, claims = ent.get("labels", {}), ent.get("claims", {})
    name = labels.get("en", {}).get("value")
    if not name:
        return None
    person = _HUMAN in _ids(claims, "P31")
    countries = [COUNTRY_QIDS[q] for q in _ids(claims, "P27") + _ids(claims, "P17") if q in COUNTRY_QIDS]
    roles = []
    for c in claims.get("P39", []):
        v = c.get("mainsnak", {}).get("datavalue", {}).get("value", {})
        if isinstance(v, dict) and v.get("id"):
            roles.append({"title": v["id"], "organisation": None, "country": None,
                          "start": _year(c, "P580"), "end": _year(c, "P582")})
    aliases = [a["value"] for a in ent.get("aliases", {}).get("en", [])]
    rec: dict[str, Any] = {
        "kind": "person" if person else "org", "name": name, "wikidata": ent.get("id"),
        "country": countries[0] if countries else None,
        "native": [labels[k]["value"] for k in ("uk", "ru") if k in labels],
        "aliases": aliases, "roles": roles, "description": ent.get("descriptions", {}).get("en", {}).get("value", ""),
    }
    if not person:
        rec.update(acronyms=[a for a in aliases if a.isupper() and len(a) <= 7], org_type="other", parent=None)
    return rec


def read_wikidata_dump(path: Path) -> list[dict[str, Any]]:
    """Read a Wikidata JSON dump (one entity per line inside a JSON array) into source records."""
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}; give a Wikidata JSON dump file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text (byte {exc.start}); give a Wikidata JSON dump file") from None
    for n, line in enumerate(lines, 1):
        line = line.strip().rstrip(",")
        if line in ("", "[", "]"):
            continue
        try:
            ent = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{path}:{n}: not a Wikidata entity line ({exc}); expected the JSON dump format") from exc
        if not isinstance(ent, dict):
            raise InputError(f"{path}:{n}: not a Wikidata entity (a JSON {type(ent).__name__}); expected the JSON dump format")
        rec = from_wikidata(ent)
        if rec:
            out.append(rec)
    if not out:
        raise InputError(f"{path} holds no Wikidata person or organisation; give a JSON dump subset of such entities")
    return out
