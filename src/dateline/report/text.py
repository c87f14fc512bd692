"""Human-readable summaries of one result: a rich table for terminals, Markdown for files."""

from __future__ import annotations

from dateline.model import Result


def _place(e) -> str:  # type: ignore[no-untyped-def]
    if e.lat is None:
        return ""
    return f"{e.lat:.3f},{e.lon:.3f} p{e.precision or '?'}"


def _rows(result: Result) -> dict[str, list[list[str]]]:
    a = result.article
    head = [
        ["title", a.title or ""],
        ["dateline", f"{a.dateline.place}, {a.dateline.country or ''} ({a.dateline.agency or ''})" if a.dateline else ""],
        ["published", str(a.published or "unknown")],
        ["source", a.source or ""],
    ]
    ents = [
        [e.kind, e.name, e.status, f"{e.confidence:.2f}", _place(e) or (e.wikidata or ""), "; ".join(sorted({m.text for m in e.mentions}))]
        for e in result.entities
        if e.kind != "norp"
    ]
    quotes = [
        [(q.speaker.name if q.speaker else "?"), q.channel or "", q.status, (q.text[:70] + "…") if len(q.text) > 70 else q.text]
        for q in result.quotes
    ]
    events = [
        [ev.type, ev.place_name or "", ev.date or "", str(ev.killed or ""), str(ev.injured or ""), ev.text[:60]]
        for ev in result.events
    ]
    qty = [
        [q.text, f"{q.si_value:g} {q.si_unit}" if q.si_value is not None else "", "" if q.consistent is None else str(q.consistent)]
        for q in result.quantities
    ]
    dates = [[d.text, d.value or "-", d.precision or "", d.rule] for d in result.dates]
    return {"article": head, "entities": ents, "quotes": quotes, "events": events, "quantities": qty, "dates": dates}


_HEADERS = {
    "article": ["field", "value"],
    "entities": ["kind", "name", "status", "conf", "where / id", "spellings seen"],
    "quotes": ["speaker", "channel", "status", "text"],
    "events": ["type", "place", "date", "killed", "injured", "evidence"],
    "quantities": ["text", "SI", "consistent"],
    "dates": ["text", "resolved", "precision", "rule"],
}


def render_table(result: Result) -> None:
    """Print the result as rich tables on stdout."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for name, rows in _rows(result).items():
        table = Table(title=f"{name} ({len(rows)})" if name != "article" else "article", title_justify="left")
        for h in _HEADERS[name]:
            table.add_column(h, overflow="fold")
        for r in rows:
            table.add_row(*r)
        console.print(table)


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: Result) -> str:
    """Return the result as Markdown tables."""
    out = [f"# {_md_cell(result.article.title or 'Article')}\n"]
    for name, rows in _rows(result).items():
        out.append(f"\n## {name}\n\n| " + " | ".join(_HEADERS[name]) + " |\n|" + "---|" * len(_HEADERS[name]) + "\n")
        out.extend("| " + " | ".join(_md_cell(c) for c in r) + " |\n" for r in rows)
    return "".join(out)
