"""Ingest progress: a rich bar with rate and ETA on a terminal, plain log lines otherwise."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

from dateline.store.runner import Summary

Callback = Callable[[str, str, Summary], None]


@contextlib.contextmanager
def progress_reporter(tty: bool | None = None) -> Iterator[Callback]:
    """Yield an ingest event callback that shows progress on stderr."""
    tty = sys.stderr.isatty() if tty is None else tty
    if not tty:
        def log(kind: str, source: str, summary: Summary) -> None:
            sys.stderr.write(f"[{summary.done}/{summary.total}] {kind} {source}\n")
            sys.stderr.flush()

        yield log
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]:.1f} art/s"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[counts]}"))
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0, counts="")

        def update(kind: str, source: str, summary: Summary) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            if kind == "failed":
                bar.console.print(f"[red]failed[/] {escape(source)}", markup=True, highlight=False)
            bar.update(task, total=summary.total or None, completed=summary.done,
                       rate=(summary.done - summary.skipped) / elapsed if elapsed else 0.0,
                       counts=f"stored {summary.stored + summary.replaced} skipped {summary.skipped} failed {summary.failed}")

        yield update
