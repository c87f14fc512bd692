"""`dateline ingest`, `dateline query` and `dateline export`: the store from the command line."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path

import typer

from dateline.cli.common import HOME_HELP, Format, dump_json, fail, handle_errors
from dateline.ingest.decode import MAX_BYTES
from dateline.store.engine import DEFAULT_DB, redact

#: Exit codes count failures but stay below the range shells reserve.
MAX_EXIT = 100

DB_OPTION = typer.Option(DEFAULT_DB, "--db", help="Database file, or postgresql://user@host/db.")


class What(str, Enum):
    entities = "entities"
    events = "events"
    quotes = "quotes"
    disagreements = "disagreements"
    articles = "articles"


class ExportFormat(str, Enum):
    geojson = "geojson"
    acled_csv = "acled-csv"
    jsonl = "jsonl"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@handle_errors
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders, JSONL/CSV/RSS batches or http(s) URLs."),
    db: str = DB_OPTION,
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for inputs without one."),
    reprocess: bool = typer.Option(False, "--reprocess", help="Re-run articles already stored (same text)."),
    workers: int = typer.Option(None, "--workers", "-w", min=1, help="Pipeline processes (local: 1; ray: the cluster's CPUs)."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow URLs on private/loopback addresses."),
    max_bytes: int = typer.Option(MAX_BYTES, "--max-bytes", help="Refuse articles larger than this."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local processes, or ray (pip install 'dateline\\[scale]')."),
    address: str = typer.Option(None, "--address", help="Ray cluster: ray://host:10001 or auto (default: start one here)."),
    out: Path = typer.Option(None, "--out", help="Write Parquet files (one row per article, with its JSON) here instead of --db."),
    home: str = typer.Option(None, "--home", help=HOME_HELP),
    learn_home: bool = typer.Option(False, "--learn-home", help=(
        "Learn each outlet's home (from the article's URL) from that outlet's articles already in --db, as a weak "
        "prior for place names: a town its address names or its stored articles agree on, else the country of a "
        "national domain (.ru, .co.uk); --home wins when given.")),
) -> None:
    """Read articles into the database; the exit code is the number that failed (at most 100)."""
    from dateline.cli.progress import progress_reporter
    from dateline.store.runner import IngestOptions

    if address and engine != Engine.ray:
        fail("--address needs --engine ray")
    if learn_home and out is not None:
        fail("--learn-home reads the outlet's stored articles: use it with --db, not --out")
    where = None
    if home:
        from dateline.resolve.gazetteer import load_gazetteer
        from dateline.resolve.placehome import home_from_name

        where = home_from_name(home, load_gazetteer())
    opts = IngestOptions(published=published, reprocess=reprocess, workers=workers or 1, allow_private=allow_private,
                         max_bytes=max_bytes, home=where, learn_home=learn_home)
    with progress_reporter() as on_event:
        summary = _run(engine, db, out, paths, opts, address, workers, on_event)
    where = out or redact(db)
    typer.echo(f"stored {summary.stored}, replaced {summary.replaced}, skipped {summary.skipped} (already stored), "
               f"failed {summary.failed} in {summary.seconds:.1f}s ({summary.rate:.2f} articles/s) into {where}", err=True)
    raise typer.Exit(min(summary.failed, MAX_EXIT))


def _run(engine: Engine, db: str, out: Path | None, paths: list[str], opts, address: str | None, workers: int | None,
         on_event):
    """Pick the sink (store or Parquet) and the engine (local or Ray), and run."""
    from dateline.store import open_db
    from dateline.store.runner import Ingest, run_ingest

    if out is not None:
        from dateline.scale.parquet import ParquetSink

        sink = ParquetSink(out, opts, on_event)
    else:
        sink = Ingest(open_db(db), opts, on_event)
    if engine == Engine.ray:
        from dateline.scale import RayOptions, run_ray_ingest

        summary = run_ray_ingest(sink, paths, RayOptions(address=address, workers=workers))
    else:
        summary = run_ingest(None, paths, opts, sink=sink)
    if out is not None:
        sink.flush()
    return summary


def filters_from(actor: str | None, place: str | None, bbox: str | None, date_from: str | None, date_to: str | None,
                 type_: str | None, status: str | None, limit: int):
    """Build query Filters from CLI options."""
    from dateline.store.query import Filters, parse_bbox

    return Filters(actor=actor, place=place, bbox=parse_bbox(bbox), date_from=date_from, date_to=date_to,
                   type=type_, status=status, limit=limit)


ACTOR = typer.Option(None, "--actor", help="Actor, speaker or entity name (substring).")
PLACE = typer.Option(None, "--place", help="Place name (substring).")
BBOX = typer.Option(None, "--bbox", help="min_lon,min_lat,max_lon,max_lat.")
DATE_FROM = typer.Option(None, "--from", help="First date, YYYY-MM-DD.")
DATE_TO = typer.Option(None, "--to", help="Last date, YYYY-MM-DD.")
TYPE = typer.Option(None, "--type", help="Event type, entity kind or quote kind.")
STATUS = typer.Option(None, "--status", help="Entity status, quote status or event source status.")
LIMIT = typer.Option(1000, "--limit", help="At most this many rows.")


@handle_errors
def query(
    what: What = typer.Argument(..., help="entities, events, quotes, disagreements or articles."),
    db: str = DB_OPTION, actor: str = ACTOR, place: str = PLACE, bbox: str = BBOX, date_from: str = DATE_FROM,
    date_to: str = DATE_TO, type_: str = TYPE, status: str = STATUS, limit: int = LIMIT,
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, json, jsonl or csv."),
) -> None:
    """List what the database holds, filtered."""
    from dateline.store import open_db
    from dateline.store import query as q

    f = filters_from(actor, place, bbox, date_from, date_to, type_, status, limit)
    with open_db(db, create=False).connect() as conn:
        rows = getattr(q, what.value)(conn, f)
    write_rows(rows, fmt, what.value)


def write_rows(rows: list[dict], fmt: Format, title: str) -> None:
    """Print rows as a table, JSON, JSON Lines or CSV."""
    if fmt == Format.json:
        dump_json(rows)
    elif fmt == Format.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == Format.csv:
        from dateline.report.export import csv_cell

        if rows:
            w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows({k: csv_cell(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                         for k, v in r.items()} for r in rows)
    elif fmt == Format.table:
        _table(rows, title)
    else:
        fail(f"--format {fmt.value} is not available for query; use table, json, jsonl or csv")


_TABLE_COLUMNS = {
    "entities": ("id", "kind", "name", "status", "spellings", "articles", "mentions"),
    "events": ("id", "date", "type", "place_name", "actors", "killed", "injured", "title"),
    "quotes": ("id", "speaker", "channel", "status", "text", "title"),
    "disagreements": ("id", "topic", "sources", "title"),
    "articles": ("id", "published", "agency", "title", "source"),
}


def _table(rows: list[dict], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{title} ({len(rows)})")
    cols = _TABLE_COLUMNS[title]
    for c in cols:
        table.add_column(c, overflow="fold", max_width=60)
    for r in rows:
        table.add_row(*(", ".join(map(str, r[c])) if isinstance(r.get(c), list) else str(r.get(c) if r.get(c) is not None else "") for c in cols))
    Console().print(table)


@handle_errors
def export(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="geojson, acled-csv or jsonl."),
    db: str = DB_OPTION, out: Path = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    actor: str = ACTOR, place: str = PLACE, bbox: str = BBOX, date_from: str = DATE_FROM, date_to: str = DATE_TO,
    type_: str = TYPE, status: str = STATUS, limit: int = typer.Option(10**9, "--limit", help="At most this many rows."),
) -> None:
    """Export events as GeoJSON or ACLED-style CSV, or every article's full result as JSON Lines."""
    from dateline.report import export as ex
    from dateline.store import open_db

    f = filters_from(actor, place, bbox, date_from, date_to, type_, status, limit)
    with open_db(db, create=False).connect() as conn:
        if fmt == ExportFormat.geojson:
            text = json.dumps(ex.geojson(conn, f), ensure_ascii=False, indent=1) + "\n"
        elif fmt == ExportFormat.acled_csv:
            text, skipped = ex.acled_csv(conn, f)
            if skipped:
                typer.echo(f"dateline: {skipped} event(s) without an ACLED event type or date left out", err=True)
        else:
            text = "".join(line + "\n" for line in ex.jsonl(conn, f))
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
