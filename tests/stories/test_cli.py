"""`dateline stories` / `dateline story` on a generated JSONL batch (fast path, no spaCy)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dateline.cli.main import app
from tests.stories.generator import generate, write_jsonl

runner = CliRunner()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    corpus = generate(copies_per_story=3, seed=5)
    path = tmp_path_factory.mktemp("stories") / "batch.jsonl"
    write_jsonl(corpus, path)
    return corpus, path


def test_stories_json_lists_members_with_sources(batch):
    corpus, path = batch
    r = runner.invoke(app, ["stories", "--from", str(path), "--fast", "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert len(data) == len(corpus.originals)
    urls = {a.url for a in corpus.articles}
    originals = {corpus.articles[[a.id for a in corpus.articles].index(o)].url for o in corpus.originals.values()}
    for s in data:
        assert s["size"] == len(s["members"]) == 4
        assert all(m["source"] in urls for m in s["members"])
        assert s["original"]["source"] == s["members"][0]["source"]
    assert sum(s["original"]["source"] in originals for s in data) >= 0.9 * len(data)


def test_story_shows_lineage_diffs_and_sources(batch):
    _, path = batch
    r = runner.invoke(app, ["story", "s1", "--from", str(path), "--fast", "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["id"] == "s1" and len(data["variants"]) == data["size"] - 1
    assert data["sources"]["independent"] == 1
    table = runner.invoke(app, ["story", "s1", "--from", str(path), "--fast"])
    assert table.exit_code == 0 and "lineage" in table.stdout and "because" in table.stdout


def test_unknown_story_and_missing_store_are_one_line_errors(batch):
    _, path = batch
    r = runner.invoke(app, ["story", "s999", "--from", str(path), "--fast"])
    assert r.exit_code == 1 and "no story 's999'" in r.output
    r = runner.invoke(app, ["stories", "--db", "dateline.db"])
    assert r.exit_code == 1 and "does not exist" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["stories"])
    assert r.exit_code == 1 and "--from" in r.output
