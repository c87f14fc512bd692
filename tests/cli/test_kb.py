"""`dateline kb add / show / import` against a temporary $DATELINE_HOME (never the real home)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dateline.cli.main import app
from dateline.resolve.actors.kb import user_kb_path

runner = CliRunner()


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_HOME", str(tmp_path / "home"))
    assert user_kb_path().is_relative_to(tmp_path)
    return tmp_path / "home"


def invoke(*args):
    return runner.invoke(app, list(args))


def _entity(qid, label, *, uk=None, aliases=(), p31="Q5", country="Q212", p39=None):
    claims = {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31",
                                    "datavalue": {"value": {"entity-type": "item", "id": p31}, "type": "wikibase-entityid"}}}],
              "P27" if p31 == "Q5" else "P17": [{"mainsnak": {"datavalue": {"value": {"id": country}}}}]}
    if p39:
        claims["P39"] = [{"mainsnak": {"datavalue": {"value": {"id": p39}}},
                          "qualifiers": {"P580": [{"datavalue": {"value": {"time": "+2019-05-20T00:00:00Z"}}}]}}]
    labels = {"en": {"language": "en", "value": label}}
    if uk:
        labels["uk"] = {"language": "uk", "value": uk}
    return {"type": "item", "id": qid, "labels": labels, "descriptions": {"en": {"language": "en", "value": "test entity"}},
            "aliases": {"en": [{"language": "en", "value": a} for a in aliases]}, "claims": claims}


def _dump(path, entities):
    """Write the Wikidata JSON dump layout: a JSON array, one entity per line, comma-terminated."""
    body = ",\n".join(json.dumps(e, ensure_ascii=False) for e in entities)
    path.write_text("[\n" + body + "\n]\n", encoding="utf-8")
    return path


def test_add_then_show(home):
    r = invoke("kb", "add", "--name", "Hanna Testova", "--kind", "person", "--alias", "Ganna Testova",
               "--role", "spokeswoman@Ministry of Testing:2020-2023", "--country", "UA", "--wikidata", "Q9900001")
    assert r.exit_code == 0, r.output
    assert (home / "actors_user.jsonl").exists()
    r = invoke("kb", "show", "Ganna Testova")  # found by its alias
    assert r.exit_code == 0, r.output
    [rec] = json.loads(r.stdout)
    assert rec["name"] == "Hanna Testova" and rec["wikidata"] == "Q9900001" and rec["country"] == "UA"
    assert rec["roles"] == [{"title": "spokeswoman", "organisation": "Ministry of Testing", "country": None,
                             "start": 2020, "end": 2023}]
    assert "gen" not in rec and "hanna testova" in rec["variants"]


def test_add_replaces_same_id(home):
    for alias in ("First Alias", "Second Alias"):
        assert invoke("kb", "add", "--name", "Petro Testenko", "--kind", "person", "--alias", alias).exit_code == 0
    lines = (home / "actors_user.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["aliases"] == ["Second Alias"]


def test_add_bad_kind_is_one_line():
    r = invoke("kb", "add", "--name", "Someone", "--kind", "robot")
    assert r.exit_code == 1
    assert "kind must be one of" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.output


def test_show_unknown_name():
    r = invoke("kb", "show", "Nobody Atall")
    assert r.exit_code == 1 and "kb add" in r.stderr


def test_import_wikidata_dump(tmp_path, home):
    dump = _dump(tmp_path / "subset.json", [
        _entity("Q9900010", "Mykola Testenko", uk="Микола Тестенко", aliases=["Nikolai Testenko"], p39="Q9900099"),
        _entity("Q9900011", "Testland Border Agency", aliases=["TBA", "Border Agency of Testland"], p31="Q327333"),
        {"type": "item", "id": "Q9900012", "labels": {"fr": {"language": "fr", "value": "Sans anglais"}}, "claims": {}},
    ])
    r = invoke("kb", "import", str(dump))
    assert r.exit_code == 0, r.output
    assert "imported 2 actors" in r.stdout  # the entity without an English label is skipped
    [person] = json.loads(invoke("kb", "show", "Nikolai Testenko").stdout)
    assert person["kind"] == "person" and person["wikidata"] == "Q9900010" and person["country"] == "UA"
    assert person["native"] == ["Микола Тестенко"] and person["roles"][0]["start"] == 2019
    hits = json.loads(invoke("kb", "show", "TBA").stdout)  # the packaged KB may hold other "TBA"s
    [org] = [h for h in hits if h["wikidata"] == "Q9900011"]
    assert org["kind"] == "org" and org["name"] == "Testland Border Agency" and org["acronyms"] == ["TBA"]
    assert len((home / "actors_user.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_import_malformed_line(tmp_path, home):
    dump = _dump(tmp_path / "bad.json", [_entity("Q9900020", "Good Entity")])
    text = dump.read_text(encoding="utf-8").replace("]\n", '{"id": "Q9900021", "labels": \n]\n')
    dump.write_text(text, encoding="utf-8")
    r = invoke("kb", "import", str(dump))
    assert r.exit_code == 1
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and "bad.json:3" in err[0] and "JSON dump format" in err[0]
    assert not (home / "actors_user.jsonl").exists()  # nothing half-imported


def test_import_missing_file(tmp_path):
    r = invoke("kb", "import", str(tmp_path / "absent.json"))
    assert r.exit_code == 1 and "cannot read" in r.stderr and "Traceback" not in r.output


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n\xd0\xff" * 20, "not UTF-8 text"),
    (b"", "holds no Wikidata person or organisation"),
    (b"[\n42,\n]\n", "not a Wikidata entity (a JSON int)"),
])
def test_import_bad_files_are_one_line_and_write_nothing(tmp_path, home, content, message):
    p = tmp_path / "dump.json"
    p.write_bytes(content)
    r = invoke("kb", "import", str(p))
    err = [x for x in r.stderr.splitlines() if x.strip()]
    assert r.exit_code == 1 and len(err) == 1 and message in err[0], r.output
    assert not (home / "actors_user.jsonl").exists()


def test_interrupted_save_keeps_the_old_kb(tmp_path, home, monkeypatch):
    from pathlib import Path

    assert invoke("kb", "add", "--name", "Mykola Testenko", "--kind", "person").exit_code == 0
    before = (home / "actors_user.jsonl").read_text(encoding="utf-8")
    real = Path.write_text

    def dies_half_way(self, data, *a, **k):
        real(self, data[: len(data) // 2], *a, **k)
        raise OSError(28, "No space left on device")

    dump = _dump(tmp_path / "subset.json", [_entity("Q9900030", "Other Testenko")])
    monkeypatch.setattr(Path, "write_text", dies_half_way)
    assert invoke("kb", "import", str(dump)).exit_code != 0
    monkeypatch.undo()
    assert (home / "actors_user.jsonl").read_text(encoding="utf-8") == before
