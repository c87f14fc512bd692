"""Print stories as tables for the terminal (rich)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from dateline.stories.io import story_dict
from dateline.stories.model import SourceCount, Story


def stories_table(stories: Sequence[Story]) -> None:
    """Print one row per story: id, members, original, scores."""
    t = Table(title=f"{len(stories)} stories")
    for col in ("id", "members", "original", "agency", "published", "mean spin", "mean garble"):
        t.add_column(col, overflow="fold")
    for s in stories:
        d = story_dict(s, variants=False)
        o = d["original"]
        t.add_row(s.id, str(s.size), str(o["source"]), str(o["agency"] or ""), str(o["published"] or ""),
                  f"{d['mean_spin']:.2f}", f"{d['mean_garble']:.2f}")
    Console().print(t)


def story_view(s: Story, sources: SourceCount) -> None:
    """Print the lineage of one story, what each copy changed, and its source chains."""
    con = Console()
    con.print(f"[bold]story {s.id}[/bold]: {s.size} members; original {s.members[0].source}")
    for r in s.reasons:
        con.print(f"  because: {r}")
    t = Table(title="lineage (original first)")
    for col in ("rank", "id", "source", "published", "agency", "score", "text sim", "fact sim", "copied from"):
        t.add_column(col, overflow="fold")
    for m in s.members:
        t.add_row(str(m.rank), m.article_id, str(m.source), str(m.published or ""), m.agency or "", f"{m.original_score:.2f}",
                  f"{m.text_similarity:.2f}", f"{m.fingerprint_similarity:.2f}", m.derived_from or "")
    con.print(t)
    src = {m.article_id: m.source for m in s.members}
    for v in s.variants:
        con.print(f"[bold]{src[v.article_id]}[/bold]  spin {v.spin_score:.2f}  garble {v.garble_score:.2f}")
        for c in v.name_changes:
            con.print(f"  name: {c.canonical} → {c.variant}  ({c.entity}, similarity {c.similarity:.0f})")
        for c in v.number_changes:
            con.print(f"  number: {c.original} → {c.variant}  in “{c.sentence[:80]}”")
        for c in v.sentence_changes:
            con.print(f"  {c.kind.replace('_', ' ')}: {c.text[:90]}")
    con.print(f"sources: {sources.reports} report(s), {sources.independent} independent chain(s)")
    for ch in sources.chains:
        con.print(f"  {' → '.join(ch.chain)}  ({len(ch.articles)} article(s))")
