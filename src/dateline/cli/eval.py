"""`dateline eval ...`: the benchmark harnesses, one per task."""

from __future__ import annotations

import importlib

import typer

#: name -> "module:function" of a Typer command function.
EVAL_COMMANDS: dict[str, str] = {
    "geoparse": "dateline.eval.geoparse:cli",
    "events": "dateline.eval.events:cli",
    "quotes": "dateline.eval.quotes:cli",
    "actors": "dateline.eval.actors:cli",
}

eval_app = typer.Typer(help="Measure accuracy on public corpora (reads ../shared/benchmarks).", no_args_is_help=True)

for _name, _target in EVAL_COMMANDS.items():
    _module, _, _func = _target.partition(":")
    eval_app.command(_name)(getattr(importlib.import_module(_module), _func))
