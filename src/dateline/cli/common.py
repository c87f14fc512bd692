"""What every command shares: one-line errors, output formats, the --debug switch."""

from __future__ import annotations

import functools
import json
import sys
import traceback
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

import typer

from dateline.errors import DatelineError

F = TypeVar("F", bound=Callable[..., Any])

STATE = {"debug": False}


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    markdown = "markdown"
    csv = "csv"


def fail(message: str, code: int = 1) -> None:
    """Print one error line to stderr and exit."""
    typer.echo(f"dateline: error: {message}", err=True)
    raise typer.Exit(code)


def handle_errors(func: F) -> F:
    """Turn DatelineError (and stray exceptions) into one line and exit 1; --debug shows tracebacks."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except DatelineError as exc:
            if STATE["debug"]:
                traceback.print_exc()
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as exc:  # a bug: still one line, with a pointer to --debug
            if STATE["debug"]:
                traceback.print_exc()
            first = (str(exc).strip().splitlines() or [""])[0]  # SQLAlchemy and others add lines of SQL and links
            fail(f"internal error {type(exc).__name__}: {first} (run with --debug for the traceback)", 2)

    return wrapper  # type: ignore[return-value]


def dump_json(data: Any, *, pretty: bool = True) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None) + "\n")


#: Help of ``--home`` (read, ingest).
HOME_HELP = ("Where the outlet is at home (\"Alexandria, Louisiana\", a town, \"lat,lon\", or a country such as "
             "\"Ukraine\"): a weak prior for place names the text leaves open, as a local reader would take them.")
