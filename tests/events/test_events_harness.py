from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.errors import InputError
from dateline.eval.events import cli, metrics, read_tsv

FIXTURE = Path(__file__).parent / "fixtures" / "case_sample.tsv"


def test_metrics_by_hand():
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", "C"]
    m = metrics(gold, pred)
    assert m.accuracy == pytest.approx(0.75) and m.micro_f1 == pytest.approx(0.75)
    # A: P=1 R=.5 F=.667; B: P=.5 R=1 F=.667; C: F=1  -> macro .778
    assert m.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert m.confusions == (("A", "B", 1),)


def test_read_tsv_splits_and_limits():
    assert [r[0] for r in read_tsv(FIXTURE)] == ["1", "2", "3", "4", "5", "6"]
    assert [r[0] for r in read_tsv(FIXTURE, split="tune")] == ["4"]
    assert [r[0] for r in read_tsv(FIXTURE, split="heldout")] == ["2", "6"]
    assert len(read_tsv(FIXTURE, limit=2)) == 2
    with pytest.raises(InputError):
        read_tsv(FIXTURE.with_name("missing.tsv"))


def test_cli_prints_summary_line_last():
    import typer

    app = typer.Typer()
    app.command()(cli)
    result = CliRunner().invoke(app, ["--path", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last == "events: micro_f1=1.000 macro_f1=1.000"
