"""`dateline bench`: pipeline throughput against bare spaCy; with --engine, ingest scaling over workers."""

from __future__ import annotations

import typer

from dateline.cli.common import fail, handle_errors


@handle_errors
def bench(
    words: int = typer.Option(20000, "--words", help="How many words of text to run."),
    sample: str = typer.Option(None, "--sample", help="Article to build the texts from (default: bundled example)."),
    cold_start: bool = typer.Option(True, "--cold-start/--no-cold-start", help="Also time a fresh `dateline read`."),
    engine: str = typer.Option(None, "--engine", help="Ingest scaling instead: local, or ray (runs local and Ray)."),
    workers: str = typer.Option("1,2", "--workers", help="Worker counts for --engine, comma-separated."),
    articles: int = typer.Option(200, "--articles", min=10, help="Generated articles per --engine run."),
    rounds: int = typer.Option(2, "--rounds", min=1, help="Rounds of every --engine configuration, in A-B-B-A order."),
) -> None:
    """Measure words/s of the full pipeline and of bare spaCy nlp.pipe, or (--engine) ingest articles/s per worker count."""
    if engine:
        from dateline.scale.bench import run_scaling

        if engine not in ("local", "ray"):
            fail(f"--engine {engine}: use local or ray")
        try:
            counts = tuple(sorted({int(w) for w in workers.split(",") if w.strip()}))
        except ValueError:
            counts = ()
        if not counts or min(counts) < 1:
            fail(f"--workers {workers!r}: give worker counts like 1,2")
        lines = run_scaling(engines=("local", "ray") if engine == "ray" else ("local",), workers=counts,
                            articles=articles, rounds=rounds)
    else:
        from dateline.bench import run_bench

        lines = run_bench(words=words, sample=sample, cold_start=cold_start)
    for line in lines:
        typer.echo(line)
