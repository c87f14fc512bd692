"""`dateline doctor`: check that the model, data files and database are in order."""

from __future__ import annotations

import importlib
import sys

import typer

from dateline.cli.common import handle_errors

#: Modules that expose ``doctor_checks() -> list[tuple[bool, str, str]]``.
CHECKS = (
    "dateline.nlp.model",
    "dateline.resolve.gazetteer",
    "dateline.resolve.actors.kb",
    "dateline.claims.learned",
)


@handle_errors
def doctor(db: str = typer.Option(None, "--db", help="Also check this database.")) -> None:
    """Check model, gazetteer, actor KB, cue model and database; print \\[ok] / \\[FAIL] lines."""
    from dateline import __version__

    rows: list[tuple[bool, str, str]] = [(True, "dateline", __version__), (sys.version_info >= (3, 11), "python", sys.version.split()[0])]
    for name in CHECKS:
        try:
            rows.extend(importlib.import_module(name).doctor_checks())
        except Exception as exc:  # doctor must report, never crash
            rows.append((False, name, f"{type(exc).__name__}: {exc}"))
    if db:
        try:
            rows.extend(importlib.import_module("dateline.store").doctor_checks(db))
        except Exception as exc:
            rows.append((False, "database", f"{type(exc).__name__}: {exc}"))
    failed = 0
    for ok, label, detail in rows:
        failed += not ok
        typer.echo(f"[{'ok' if ok else 'FAIL'}] {label}: {detail}")
    if failed:
        typer.echo(f"{failed} check(s) failed; run `make demo` (or `pip install -r requirements.lock`) to repair the set-up", err=True)
        raise typer.Exit(1)
