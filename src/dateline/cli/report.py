"""`dateline report`: one self-contained HTML page (map, timeline, claims, disagreements, entities)."""

from __future__ import annotations

from pathlib import Path

import typer

from dateline.cli.common import handle_errors
from dateline.cli.store import ACTOR, BBOX, DATE_FROM, DATE_TO, DB_OPTION, PLACE, STATUS, TYPE, filters_from


@handle_errors
def report(
    out: Path = typer.Option(Path("report.html"), "--out", "-o", help="HTML file to write."),
    db: str = DB_OPTION, actor: str = ACTOR, place: str = PLACE, bbox: str = BBOX, date_from: str = DATE_FROM,
    date_to: str = DATE_TO, type_: str = TYPE, status: str = STATUS,
    title: str = typer.Option("dateline report", "--title", help="Page title."),
    tiles: bool = typer.Option(False, "--tiles", help="Add online OpenStreetMap tiles (the page then loads them)."),
) -> None:
    """Write an offline HTML report of the database (or of a filter)."""
    from dateline.report.html import ReportOptions, render_report
    from dateline.store import open_db

    f = filters_from(actor, place, bbox, date_from, date_to, type_, status, 5000)
    with open_db(db, create=False).connect() as conn:
        page = render_report(conn, f, ReportOptions(title=title, tiles=tiles))
    out.write_text(page, encoding="utf-8")
    typer.echo(f"report written to {out} ({len(page) // 1024} KB)", err=True)
