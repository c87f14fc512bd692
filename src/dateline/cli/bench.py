"""`dateline bench`: pipeline throughput against bare spaCy on the same texts, in one run."""

from __future__ import annotations

import typer

from dateline.cli.common import handle_errors


@handle_errors
def bench(
    words: int = typer.Option(20000, "--words", help="How many words of text to run."),
    sample: str = typer.Option(None, "--sample", help="Article to build the texts from (default: bundled example)."),
    cold_start: bool = typer.Option(True, "--cold-start/--no-cold-start", help="Also time a fresh `dateline read`."),
) -> None:
    """Measure words/s of the full pipeline and of bare spaCy nlp.pipe, their ratio, RSS and cold start."""
    from dateline.bench import run_bench

    for line in run_bench(words=words, sample=sample, cold_start=cold_start):
        typer.echo(line)
