"""`dateline read`: one article in, its facts out."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import typer

from dateline.cli.common import HOME_HELP, Format, dump_json, fail, handle_errors
from dateline.ingest import MAX_BYTES
from dateline.model import Home
from dateline.pipeline import Pipeline
from dateline.report.text import render_markdown, render_table


@handle_errors
def read(
    path: str = typer.Argument(..., help="Article file (text or HTML), a JSONL/CSV/RSS batch, or - for stdin."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (overrides HTML metadata)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="json, table or markdown."),
    language: str = typer.Option(None, "--language", help="Force the article language: en, or de/uk/ru (read without a parser: no events)."),
    max_bytes: int = typer.Option(MAX_BYTES, "--max-bytes", help="Refuse articles larger than this."),
    out: Path = typer.Option(None, "--out", "-o", help="Also write the JSON result to this file."),
    home: str = typer.Option(None, "--home", help=HOME_HELP),
) -> None:
    """Read one article and print the people, places, events, quotes, dates and figures in it.

    A JSONL, CSV or RSS/Atom file is read as a batch: one JSON line per article (with --format json),
    a line on stderr per failed record, and the exit code is the number of failures.
    """
    if fmt not in (Format.json, Format.table, Format.markdown):
        fail(f"--format {fmt.value} is not available for read; use json, table or markdown")
    source = sys.stdin.buffer if path == "-" else Path(path)
    from dateline.ingest import load_article
    from dateline.ingest.batch import batch_format

    pipe = Pipeline()
    where = parse_home(home, pipe)
    if isinstance(source, Path) and batch_format(source):
        raise typer.Exit(_read_batch(source, published, fmt, language=language, max_bytes=max_bytes, pipe=pipe,
                                     home=where))

    article = load_article(source, published=published, language=language, max_bytes=max_bytes,
                           source_name="<stdin>" if path == "-" else None)
    result = pipe.run(replace(article, home=where) if where else article)
    data = result.to_dict()
    if out:
        import json

        out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if fmt == Format.json:
        dump_json(data)
    elif fmt == Format.markdown:
        sys.stdout.write(render_markdown(result))
    else:
        render_table(result)
    for w in result.warnings:
        typer.echo(f"dateline: warning: {w}", err=True)


def parse_home(home: str | None, pipe: Pipeline) -> Home | None:
    """Return the ``--home`` place, resolved in the pipeline's gazetteer (None when not given)."""
    if not home:
        return None
    from dateline.resolve.placehome import home_from_name

    return home_from_name(home, pipe.resources.get("gazetteer"))


#: Exit codes count failures, capped so that they stay valid process exit codes.
MAX_EXIT = 100


def _read_batch(path: Path, published: str | None, fmt: Format, *, language: str | None = None,
                max_bytes: int = MAX_BYTES, pipe: Pipeline | None = None, home: Home | None = None) -> int:
    """Read every record of a JSONL/CSV/RSS batch; print one JSON line per article; return failures."""
    import json

    from dateline.errors import DatelineError
    from dateline.ingest.batch import Failure, iter_batch

    pipe = pipe or Pipeline()
    ok = failed = 0
    for item in iter_batch(path, published=published, language=language, max_bytes=max_bytes):
        if isinstance(item, Failure):
            failed += 1
            typer.echo(f"dateline: failed: {item.source}: {item.where}: {item.reason}", err=True)
            continue
        try:
            result = pipe.run(replace(item, home=home) if home else item)
        except DatelineError as exc:
            failed += 1
            typer.echo(f"dateline: failed: {item.source}: {exc}", err=True)
            continue
        ok += 1
        if fmt == Format.json:
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == Format.markdown:
            sys.stdout.write(render_markdown(result) + "\n")
        else:
            render_table(result)
    typer.echo(f"dateline: {ok} article(s) read, {failed} failed", err=True)
    return min(failed, MAX_EXIT)
