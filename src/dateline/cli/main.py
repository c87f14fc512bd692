"""The `dateline` command."""

from __future__ import annotations

import typer

from dateline import __version__
from dateline.cli import bench, doctor, read, stories
from dateline.cli.common import STATE
from dateline.cli.eval import eval_app

app = typer.Typer(
    name="dateline",
    help="Read war and conflict reporting into facts with their evidence: who, where, what, when, who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dateline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    STATE["debug"] = debug


app.command("read")(read.read)
app.command("doctor")(doctor.doctor)
app.command("bench")(bench.bench)
app.command("stories")(stories.stories)
app.command("story")(stories.story)
app.add_typer(eval_app, name="eval")


def main() -> None:
    app()
