"""The `dateline` command.

Commands are registered from a table and imported only when used: `dateline read`
must start fast, so it must not pay for SQLAlchemy, FastAPI or the eval corpora.
``app`` (for tests and embedding) has every command; ``main()`` registers the one
named on the command line, or all of them for help.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import typer

from dateline import __version__
from dateline.cli.common import STATE

#: name -> "module:attribute" of a command function (or of a Typer sub-app, for groups).
COMMANDS: dict[str, str] = {
    "read": "dateline.cli.read:read",
    "ingest": "dateline.cli.store:ingest",
    "query": "dateline.cli.store:query",
    "export": "dateline.cli.store:export",
    "report": "dateline.cli.report:report",
    "serve": "dateline.cli.serve:serve",
    "doctor": "dateline.cli.doctor:doctor",
    "bench": "dateline.cli.bench:bench",
    "stories": "dateline.cli.stories:stories",
    "story": "dateline.cli.stories:story",
}
GROUPS: dict[str, str] = {
    "eval": "dateline.cli.eval:eval_app",
    "kb": "dateline.cli.kb:app",
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dateline {__version__}")
        raise typer.Exit()


def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    STATE["debug"] = debug


def _load(target: str) -> Any:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def build_app(only: str | None = None) -> typer.Typer:
    """Build the Typer app with every command, or with just ``only``."""
    app = typer.Typer(
        name="dateline",
        help="Read war and conflict reporting into facts with their evidence: who, where, what, when, who says so.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    app.callback()(_root)
    for name, target in COMMANDS.items():
        if only in (None, name):
            app.command(name)(_load(target))
    for name, target in GROUPS.items():
        if only in (None, name):
            app.add_typer(_load(target), name=name)
    return app


def _command_name(argv: list[str]) -> str | None:
    """The command named on the command line, if it is a known one (options come first)."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS or arg in GROUPS else None
    return None


def __getattr__(name: str) -> Any:
    if name == "app":
        return build_app()
    raise AttributeError(name)


def main() -> None:
    build_app(_command_name(sys.argv[1:]))()


if __name__ == "__main__":
    main()
