"""`dateline read` end to end, and every bad input the CLI must survive with one line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.main import app

from ..conftest import EXAMPLE, FIXTURES

runner = CliRunner()
pytestmark = pytest.mark.model


def invoke(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_read_json_fields():
    r = invoke("read", str(EXAMPLE), "--published", "2023-06-09", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert set(data) >= {"article", "entities", "quotes", "events", "quantities", "dates", "warnings"}
    art = data["article"]
    assert art["agency"] == "AP" and art["dateline"]["place"] == "Zaporizhzhia"
    assert art["published"] == "2023-06-09" and art["language"] == "en"
    for e in data["entities"]:
        assert {"id", "kind", "name", "status", "mentions"} <= set(e)
        for m in e["mentions"]:
            assert art["text"][m["start"]:m["end"]] == m["text"]
    pair = [q for q in data["quantities"] if q["text"] == "about 20 kilometers"]
    assert pair and pair[0]["si_value"] == 20000 and pair[0]["consistent"] is True


def test_read_stdin_markdown():
    r = invoke("read", "-", "--published", "2023-06-09", "--format", "markdown", input=EXAMPLE.read_bytes())
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("# Shelling hits frontline towns") and "## quantities" in r.stdout


def test_read_table():
    r = invoke("read", str(FIXTURES / "page.html"))
    assert r.exit_code == 0, r.output
    assert "Drone strike damages power station" in r.stdout


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00" * 10, "binary"),
        (b"<html><body><nav>Home</nav></body></html>", "too short"),
    ],
)
def test_bad_input_one_line_exit_1(tmp_path: Path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    r = invoke("read", str(p))
    assert r.exit_code == 1
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("dateline: error:") and message in lines[0]
    assert "Traceback" not in r.output


def test_missing_file():
    r = invoke("read", "/nonexistent/article.txt")
    assert r.exit_code == 1 and "cannot read" in r.stderr


def test_oversized_file(tmp_path: Path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:  # 50 MB sparse-ish file of text
        line = b"Russian forces shelled the town on Saturday, officials said.\n"
        fh.write(line * (50_000_000 // len(line) + 1))
    r = invoke("read", str(p))
    assert r.exit_code == 1 and "over the 10.0 MB limit" in r.stderr and "--max-bytes" in r.stderr


def test_invalid_utf8_reads_with_warning(tmp_path: Path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("KYIV, Ukraine (AP) -- Troops entered Kupiansk on Saturday, the ministry said. Café.".encode("latin-1"))
    r = invoke("read", str(p), "--published", "2022-09-10", "--format", "json")
    assert r.exit_code == 0
    assert "not valid UTF-8" in r.stderr
    assert any("not valid UTF-8" in w for w in json.loads(r.stdout)["warnings"])


def test_debug_shows_traceback(tmp_path: Path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    r = runner.invoke(app, ["--debug", "read", str(p)])
    assert r.exit_code == 1 and "Traceback" in r.stderr


def test_console_script_on_seed(seed_text, tmp_path: Path):
    """The installed `dateline read` on the seed article: dates, boilerplate, quantities."""
    from ..conftest import SEED

    exe = Path(sys.executable).with_name("dateline")
    out = subprocess.run([str(exe), "read", str(SEED), "--published", "2022-09-10", "--format", "json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    text = data["article"]["text"]
    assert "Leave a Reply" not in text and "Your email address" not in text and "Follow all AP news" not in text
    dates = {(d["text"], d["value"]) for d in data["dates"]}
    assert ("Saturday", "2022-09-10") in dates and ("Friday", "2022-09-09") in dates
    si = {(round(q["si_value"]), q["si_unit"], q["consistent"]) for q in data["quantities"]}
    assert {(2_500_000_000, "m2", True), (1_000_000_000, "m2", True), (73000, "m", True), (50000, "m", True)} <= si


def test_batch_goes_on_and_exit_code_counts_failures():
    r = invoke("read", str(FIXTURES / "batch.jsonl"), "--format", "json")
    assert r.exit_code == 2, r.output
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert len(lines) == 3
    assert lines[0]["article"]["source"] == "wire-1"
    errs = [x for x in r.stderr.splitlines() if x.startswith("dateline: failed:")]
    assert len(errs) == 2 and ": line 3: malformed JSON" in errs[0] and ": line 5:" in errs[1]
    assert "3 article(s) read, 2 failed" in r.stderr


def test_home_option_sets_the_outlet_home_and_a_bad_home_is_one_line(tmp_path: Path):
    art = tmp_path / "local.txt"
    art.write_text("Police in Alexandria said the fire started on Tuesday at a home on the edge of town.\n",
                   encoding="utf-8")

    def alexandria(*extra):
        r = invoke("read", str(art), "--published", "2009-03-20", "--format", "json", *extra)
        assert r.exit_code == 0, r.output
        data = json.loads(r.stdout)
        return data["article"]["home"], [e for e in data["entities"] if e["name"] == "Alexandria"][0]

    home, plain = alexandria()
    assert home is None and plain["country_code"] == "EG"  # without a home, the famous Alexandria
    home, local = alexandria("--home", "Pineville, Louisiana")
    assert home["a1"] == "US.LA" and home["weight"] == 1.0
    assert local["country_code"] == "US" and abs(local["lat"] - 31.31) < 0.1  # the one across the river
    r = invoke("read", str(art), "--home", "Quarnbyshire")
    assert r.exit_code == 1 and "--home" in r.output and len(r.output.strip().splitlines()) == 1
