"""`dateline kb ...`: show actors, add your own, import a Wikidata dump subset."""

from __future__ import annotations

from pathlib import Path

import typer

from dateline.cli.common import dump_json, fail, handle_errors

app = typer.Typer(help="The actor knowledge base (people and organisations).", no_args_is_help=True)


@app.command("show")
@handle_errors
def show(name: str = typer.Argument(..., help="Name, alias, acronym or id.")) -> None:
    """Print the KB records that a name, alias or acronym names."""
    from dateline.resolve.actors.kb import load_kb

    hits = load_kb().find(name)
    if not hits:
        fail(f"no actor named {name!r}; add one with `dateline kb add --name ... --kind person`")
    dump_json([{k: v for k, v in h.items() if k != "gen"} | {"variants": h["gen"]["forms"]} for h in hits])


@app.command("add")
@handle_errors
def add(
    name: str = typer.Option(..., "--name", help="Canonical English name."),
    kind: str = typer.Option(..., "--kind", help="person or org."),
    alias: list[str] = typer.Option([], "--alias", help="Another real name (repeatable)."),
    wikidata: str = typer.Option(None, "--wikidata", help="Wikidata QID, e.g. Q7747."),
    role: list[str] = typer.Option([], "--role", help='"title[@organisation][:start-end]" (repeatable).'),
    country: str = typer.Option(None, "--country", help="ISO 3166 alpha-2."),
) -> None:
    """Add one of your own actors to the user KB."""
    from dateline.resolve.actors.userkb import save

    rec = {"kind": kind, "name": name, "wikidata": wikidata, "country": country, "native": [], "aliases": alias,
           "roles": [_role(r) for r in role], "description": ""}
    path = save([rec])
    typer.echo(f"added {kind} {name!r} to {path}")


def _role(spec: str) -> dict:
    head, _, years = spec.partition(":")
    title, _, org = head.partition("@")
    start, _, end = years.partition("-")
    return {"title": title, "organisation": org or None, "country": None,
            "start": int(start) if start.isdigit() else None, "end": int(end) if end.isdigit() else None}


@app.command("import")
@handle_errors
def import_(file: Path = typer.Argument(..., help="Wikidata JSON dump subset (entities inside a JSON array).")) -> None:
    """Import people and organisations from a Wikidata JSON dump subset into the user KB."""
    from dateline.resolve.actors.userkb import read_wikidata_dump, save

    records = read_wikidata_dump(file)
    path = save(records)
    typer.echo(f"imported {len(records)} actors into {path}")
