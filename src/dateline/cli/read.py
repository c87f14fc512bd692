"""`dateline read`: one article in, its facts out."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from dateline.cli.common import Format, dump_json, fail, handle_errors
from dateline.ingest import MAX_BYTES
from dateline.pipeline import Pipeline
from dateline.report.text import render_markdown, render_table


@handle_errors
def read(
    path: str = typer.Argument(..., help="Article file (text or HTML), or - for stdin."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (overrides HTML metadata)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="json, table or markdown."),
    language: str = typer.Option(None, "--language", help="Force the article language (e.g. en)."),
    max_bytes: int = typer.Option(MAX_BYTES, "--max-bytes", help="Refuse articles larger than this."),
    out: Path = typer.Option(None, "--out", "-o", help="Also write the JSON result to this file."),
) -> None:
    """Read one article and print the people, places, events, quotes, dates and figures in it."""
    if fmt not in (Format.json, Format.table, Format.markdown):
        fail(f"--format {fmt.value} is not available for read; use json, table or markdown")
    source = sys.stdin.buffer if path == "-" else Path(path)
    from dateline.ingest import load_article

    article = load_article(source, published=published, language=language, max_bytes=max_bytes,
                           source_name="<stdin>" if path == "-" else None)
    result = Pipeline().run(article)
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
