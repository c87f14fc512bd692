"""The packaged actor KB: no sample garbles anywhere in data/, up to date with its sources, valid schema."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from dateline.resolve.actors import build
from dateline.resolve.actors.expand import actor_id, validate

DATA = Path(build.__file__).resolve().parents[2] / "data"

#: Garbled spellings from the sample articles; real names are resolved from these by method,
#: so none of them may appear in any packaged data file.
FORBIDDEN = ("Perbach", "Baerbach", "Kirkin", "Iziyam", "Bagmud", "Baghmut", "Kubiansk", "Tsinihubov",
             "Kyrilenko", "Ole Nikolenko", "Institute for War Studies")
_FORBIDDEN_RE = re.compile(r"\b(" + "|".join(re.escape(f) for f in FORBIDDEN) + r")\b", re.IGNORECASE)


def _data_files() -> list[Path]:
    return [p for p in sorted(DATA.rglob("*")) if p.is_file()]


def test_data_folder_is_present():
    assert build.OUT.exists() and build.MANIFEST.exists(), "run `python scripts/build_actors.py`"
    assert build.source_files(build.SRC_DIR), f"no actor sources in {build.SRC_DIR}"


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: str(p.relative_to(DATA)))
def test_no_sample_garble(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    hits = sorted({m.group(0) for m in _FORBIDDEN_RE.finditer(text)})
    assert not hits, f"{path.name} contains sample garbles {hits}"


def test_forbidden_pattern_catches_case_and_possessive():
    assert _FORBIDDEN_RE.search("said KIRKIN's aide") and _FORBIDDEN_RE.search("the institute for war studies")
    assert not _FORBIDDEN_RE.search("Kirkintilloch")  # a real town is not a hit


def test_kb_up_to_date_with_sources():
    manifest = json.loads(build.MANIFEST.read_text(encoding="utf-8"))
    assert manifest["sources_sha256"] == build.sources_sha256(build.SRC_DIR), \
        "actors_src changed since the last build: run `python scripts/build_actors.py` and commit actors.jsonl"
    data = build.OUT.read_bytes()
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["count"] == len(data.decode("utf-8").splitlines())


def test_records_valid_and_ids_unique():
    lines = build.OUT.read_text(encoding="utf-8").splitlines()
    ids: set[str] = set()
    for n, line in enumerate(lines, 1):
        rec = json.loads(line)
        validate(rec, f"actors.jsonl:{n}")
        assert rec["id"] == actor_id(rec) and rec["id"] not in ids, rec["id"]
        ids.add(rec["id"])
        assert rec["gen"]["forms"], f"{rec['name']}: no name forms generated"
    qids = [i for i in ids if not i.startswith("kb:")]
    assert len(qids) == len(set(qids))
    assert len(build.read_sources(build.SRC_DIR)) == len(lines)  # sources validate, no duplicate names/ids


def test_org_parents_exist():
    recs = [json.loads(x) for x in build.OUT.read_text(encoding="utf-8").splitlines()]
    orgs = {r["name"] for r in recs if r["kind"] == "org"}
    missing = sorted({r["parent"] for r in recs if r["kind"] == "org" and r.get("parent") and r["parent"] not in orgs})
    assert not missing, f"parent organisations not in the KB: {missing[:10]}"


def test_middle_names_are_given_names_but_particles_are_not():
    from dateline.resolve.actors.expand import expand

    gen = expand({"wikidata": None, "kind": "person", "name": "Maria Teodora Vilks", "country": "LV"})["gen"]
    assert {"maria", "teodora"} <= set(gen["givens"])
    assert gen["inner"] == ["teodora"]  # matched, but no sign of a person's name before another word
    gen = expand({"wikidata": None, "kind": "person", "name": "Karim bin Haddad", "country": "JO"})["gen"]
    assert "bin" not in gen["givens"] and "karim" in gen["givens"]


def test_a_chinese_or_korean_family_name_is_no_sign_of_a_persons_name():
    from dateline.resolve.actors.expand import expand
    from dateline.resolve.actors.kb import ActorKB

    park = expand({"wikidata": None, "kind": "person", "name": "Park Min-jae", "country": "KR"})
    huang = expand({"wikidata": None, "kind": "person", "name": "Peter Huang", "country": "TW"})
    assert "park" in park["gen"]["inner"] and "inner" not in huang["gen"]  # a Western given name stays first
    kb = ActorKB.from_records([park, huang], version="test")
    assert "park" not in kb.given_names and "peter" in kb.given_names


def test_breakaway_territories_are_places_not_kb_organisations():
    from dateline.resolve.actors.kb import load_kb

    kb = load_kb()
    for territory in ("south ossetia", "abkhazia", "transnistria", "artsakh", "gagauzia"):
        orgs = [kb.actors[i]["name"] for i in kb.form.get(territory, []) if kb.actors[i]["kind"] == "org"]
        assert not orgs, (territory, orgs)  # a de facto state is named by its state name, its land stays a place
