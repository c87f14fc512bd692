"""`dateline stories` and `dateline story ID`: copies of one wire story, their original and changes."""

from __future__ import annotations

from pathlib import Path

import typer

from dateline.cli.common import Format, dump_json, fail, handle_errors

FROM_HELP = "Article file, folder or JSONL/CSV/RSS batch to cluster in memory (repeat --from for more)."


def _load(db: str | None, paths: list[Path] | None, published: str | None, fast: bool) -> list:
    from dateline.stories import io

    if db is not None:
        return io.load_from_store(db)
    if not paths:
        fail("give --db FILE or --from PATH (article files, folders or JSONL/CSV/RSS batches)")
    articles, failures = io.read_articles(paths, published=published)
    items, more = io.analyse(articles, fast=fast)
    for line in failures + more:
        typer.echo(f"dateline: failed: {line}", err=True)
    return items


@handle_errors
def stories(
    db: str = typer.Option(None, "--db", help="The dateline store (SQLite file or postgresql:// URL)."),
    paths: list[Path] = typer.Option(None, "--from", help=FROM_HELP),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or json."),
    published: str = typer.Option(None, "--published", help="Publication date for articles without one."),
    fast: bool = typer.Option(False, "--fast", help="Skip the spaCy stages (names come from capitalised tokens)."),
    min_size: int = typer.Option(2, "--min-size", help="Smallest story to list (1 lists every article)."),
) -> None:
    """List stories (clusters of copies of one report) with member counts, original and scores."""
    from dateline.stories import io
    from dateline.stories.cluster import cluster_stories
    from dateline.stories.render import stories_table

    found = cluster_stories(_load(db, paths, published, fast), min_size=min_size)
    if db is not None:
        io.save_to_store(db, found)
    if fmt == Format.json:
        dump_json([io.story_dict(s, variants=False) for s in found])
    else:
        stories_table(found)


@handle_errors
def story(
    story_id: str = typer.Argument(..., help="Story id as listed by `dateline stories` (e.g. s1)."),
    db: str = typer.Option(None, "--db", help="The dateline store (SQLite file or postgresql:// URL)."),
    paths: list[Path] = typer.Option(None, "--from", help=FROM_HELP),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or json."),
    published: str = typer.Option(None, "--published", help="Publication date for articles without one."),
    fast: bool = typer.Option(False, "--fast", help="Skip the spaCy stages (names come from capitalised tokens)."),
) -> None:
    """Show one story's lineage (original first, with the evidence), each copy's changes and its sources."""
    from dateline.stories import io
    from dateline.stories.cluster import cluster_stories
    from dateline.stories.render import story_view
    from dateline.stories.sources import count_sources

    items = _load(db, paths, published, fast)
    found = {s.id: s for s in cluster_stories(items)}
    if story_id not in found:
        fail(f"no story {story_id!r}; `dateline stories` lists {', '.join(list(found)[:10]) or 'none'}")
    s = found[story_id]
    ids = {m.article_id for m in s.members}
    chains = count_sources([(aid, art) for aid, art, _ in items if aid in ids], [s])
    if fmt == Format.json:
        from dateline.model import to_dict

        dump_json({**io.story_dict(s), "sources": to_dict(chains)})
    else:
        story_view(s, chains)
