"""Stories over the store: load stored results, cluster, save stories and members."""

import json

import sqlalchemy as sa
from typer.testing import CliRunner

from dateline.cli.main import app
from dateline.store.engine import open_db, writer
from dateline.store.repo import save_result
from dateline.store.schema import stories as stories_t
from dateline.store.schema import story_members
from dateline.stories.io import load_from_store

from .generator import generate, to_items


def test_stories_from_the_store(tmp_path):
    corpus = generate(copies_per_story=3, seed=5)
    db = tmp_path / "s.db"
    engine = writer(open_db(db))
    items = to_items(corpus)[:60]
    with engine.begin() as conn:
        for _, _, res in items:
            save_result(conn, res)
    loaded = load_from_store(db)
    assert len(loaded) == len({i[1].text for i in items})
    assert all(res.article.text == art.text for _, art, res in loaded)
    assert {art.source for _, art, _ in loaded} <= {art.source for _, art, _ in items}

    r = CliRunner().invoke(app, ["stories", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output
    listed = json.loads(r.stdout)
    assert listed and all(s["original"]["source"] for s in listed)
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(stories_t)).scalar() == len(listed)
        roles = [row[0] for row in conn.execute(sa.select(story_members.c.role))]
    assert roles.count("original") == len(listed)
    assert sum(s["size"] for s in listed) == len(roles)


def test_report_lists_stored_stories(tmp_path):
    from dateline.report.html import render_report

    corpus = generate(copies_per_story=2, seed=3)
    db = tmp_path / "r.db"
    engine = writer(open_db(db))
    with engine.begin() as conn:
        for _, _, res in to_items(corpus)[:30]:
            save_result(conn, res)
    assert CliRunner().invoke(app, ["stories", "--db", str(db)]).exit_code == 0
    with engine.connect() as conn:
        page = render_report(conn)
        n = conn.execute(sa.select(sa.func.count()).select_from(stories_t)).scalar()
    assert n > 0 and "Stories (copies of one report)" in page
    assert page.count('<table class="stories">') == 1
