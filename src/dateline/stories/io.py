"""Load articles for story clustering (files now, the store later) and shape stories for output."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError, InputError
from dateline.model import Article, Result, to_dict
from dateline.stories.model import Story

Item = tuple[str, Article, Result]


def load_from_store(db: str | Path) -> list[Item]:
    """Return ``(article_id, Article, Result)`` for every article in the store.

    Raises:
        StoreError: the database cannot be opened.
    """
    import json
    from dataclasses import replace

    import sqlalchemy as sa

    from dateline.model import from_dict
    from dateline.store.engine import open_db
    from dateline.store.schema import articles

    engine = open_db(db, create=False)
    items: list[Item] = []
    with engine.connect() as conn:
        rows = conn.execute(sa.select(articles.c.id, articles.c.source, articles.c.result_json).order_by(articles.c.id))
        for aid, source, raw in rows:
            res = from_dict(Result, json.loads(raw))
            art = replace(res.article, source=source or res.article.source)
            items.append((str(aid), art, replace(res, article=art)))
    return items


def save_to_store(db: str | Path, stories: Sequence[Story]) -> int:
    """Replace the stored stories with ``stories`` in one transaction; return how many were saved."""
    import sqlalchemy as sa

    from dateline.store.engine import now, open_db, writer
    from dateline.store.schema import stories as stories_t
    from dateline.store.schema import story_members

    engine = writer(open_db(db, create=False))
    with engine.begin() as conn:
        conn.execute(sa.delete(story_members))
        conn.execute(sa.delete(stories_t))
        for s in stories:
            sid = conn.execute(
                sa.insert(stories_t).values(key=s.id, title=s.members[0].title, created_at=now())
            ).inserted_primary_key[0]
            for m in s.members:
                conn.execute(sa.insert(story_members).values(
                    story_id=sid, article_id=int(m.article_id),
                    role="original" if m.article_id == s.original else "copy",
                    similarity=m.text_similarity,
                ))
    return len(stories)


def _article_files(paths: Iterable[Path]) -> list[Path]:
    from dateline.ingest.batch import ARTICLE_SUFFIXES, BATCH_SUFFIXES

    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES | set(BATCH_SUFFIXES))
        elif p.exists():
            out.append(p)
        else:
            raise InputError(f"{p} does not exist; give article files, folders or JSONL/CSV/RSS batches")
    return out


def read_articles(paths: Sequence[Path], *, published: str | None = None) -> tuple[list[Article], list[str]]:
    """Read article files, folders and batches; return the articles and one line per failure."""
    from dateline.ingest import load_article
    from dateline.ingest.batch import Failure, batch_format, iter_batch

    arts: list[Article] = []
    failures: list[str] = []
    for f in _article_files(paths):
        if batch_format(f):
            for item in iter_batch(f, published=published):
                if isinstance(item, Failure):
                    failures.append(f"{item.source}: {item.where}: {item.reason}")
                else:
                    arts.append(item)
            continue
        try:
            arts.append(load_article(f, published=published))
        except DatelineError as exc:
            failures.append(f"{f}: {exc}")
    return arts, failures


def analyse(articles: Sequence[Article], *, fast: bool = False) -> tuple[list[Item], list[str]]:
    """Run the pipeline (or, with ``fast``, only the stages that need no model) on each article."""
    from dateline.pipeline import Pipeline
    from dateline.quantities.parse import find_quantities

    pipe = None if fast else Pipeline()
    items: list[Item] = []
    failures: list[str] = []
    for n, art in enumerate(articles, 1):
        try:
            res = Result(article=art, quantities=find_quantities(art)) if pipe is None else pipe.run(art)
        except DatelineError as exc:
            failures.append(f"{art.source}: {exc}")
            continue
        items.append((f"a{n}", art, res))
    return items, failures


def story_dict(story: Story, *, variants: bool = True) -> dict[str, Any]:
    """Return a JSON-ready story: members with sources, the original, scores, and diffs."""
    per = {v.article_id: v for v in story.variants}
    members = []
    for m in story.members:
        d = to_dict(m)
        v = per.get(m.article_id)
        d["spin_score"] = v.spin_score if v else 0.0
        d["garble_score"] = v.garble_score if v else None
        members.append(d)
    orig = story.members[0]
    out: dict[str, Any] = {
        "id": story.id, "size": story.size,
        "original": {"article_id": orig.article_id, "source": orig.source, "title": orig.title,
                     "published": to_dict(orig.published), "agency": orig.agency},
        "reasons": list(story.reasons),
        "mean_spin": _mean(v.spin_score for v in story.variants),
        "mean_garble": _mean(v.garble_score for v in story.variants),
        "members": members,
    }
    if variants:
        out["variants"] = to_dict(story.variants)
        out["canonical_names"] = list(story.canonical_names)
    return out


def _mean(xs: Iterable[float]) -> float:
    xs = list(xs)
    return round(sum(xs) / len(xs), 3) if xs else 0.0
