"""The error wrapper every command shares: one line, exit code, --debug."""

from __future__ import annotations

import pytest
import typer

from dateline.cli.common import handle_errors


def test_unexpected_error_is_one_line(capsys):
    @handle_errors
    def broken() -> None:
        raise RuntimeError("first line\n[SQL: SELECT secret FROM t]\n(Background on this error at: https://x)")

    with pytest.raises(typer.Exit) as exc:
        broken()
    err = capsys.readouterr().err
    assert exc.value.exit_code == 2
    assert err.count("\n") == 1 and "first line" in err and "SQL" not in err and "--debug" in err
