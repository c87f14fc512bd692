"""Two ingests racing on the same files into one database lose and duplicate nothing."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from dateline.store import open_db, query, schema as s
from store_fixtures import PYTHON, REPO, write_articles

RACER = """
import json, sys, time
sys.path.insert(0, {tests!r})
import dateline.store.repo as repo
from dateline.store import open_db
from dateline.store.runner import IngestOptions, run_ingest
from store_fixtures import FakePipeline
real = repo._insert_article
def slow(*a, **k):  # widen the window between "not stored yet" and the insert
    time.sleep(0.01)
    return real(*a, **k)
repo._insert_article = slow
import os
engine = open_db({db!r})
open({ready!r}, "w").close()
while not os.path.exists({go!r}):  # both racers start their first article at the same moment
    time.sleep(0.002)
s = run_ingest(engine, {files!r}, IngestOptions(workers={workers}), pipeline_factory=FakePipeline)
print(json.dumps({{"stored": s.stored, "skipped": s.skipped, "failed": s.failed,
                  "reasons": [f.reason for f in s.failures]}}))
"""


def _race(db, files, workers=(1, 1)):
    """Run one ingest per entry of ``workers`` at once; the second takes the files in reverse order."""
    env = {**os.environ, "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    open_db(db).dispose()  # migrate first, so the racers race on articles, not on the schema
    flags = Path(tempfile.mkdtemp())
    orders = [[str(f) for f in files], [str(f) for f in reversed(files)]]
    procs = [subprocess.Popen([PYTHON, "-c", RACER.format(tests=str(REPO / "tests"), db=str(db), files=orders[i % 2],
                                                          ready=str(flags / f"ready{i}"), go=str(flags / "go"), workers=w)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
             for i, w in enumerate(workers)]
    deadline = time.time() + 120
    while not all((flags / f"ready{i}").exists() for i in range(len(procs))) and time.time() < deadline:
        time.sleep(0.01)
    (flags / "go").touch()
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
        outs.append(json.loads(out.strip().splitlines()[-1]))
    return outs


def test_two_ingests_racing_on_the_same_files(tmp_path, new_db, backend):
    files = write_articles(tmp_path / "in", 40)
    files += files[:10]  # and each racer meets some files twice
    db, alone = new_db("race"), new_db("alone")
    a, b = _race(db, files)
    assert a["failed"] == b["failed"] == 0, a["reasons"] + b["reasons"]
    assert a["stored"] + b["stored"] == 40  # nothing lost, nothing stored twice
    assert a["skipped"] + b["skipped"] == 60
    if backend == "postgresql":  # both really wrote: they met in the middle (SQLite's one write lock lets
        assert a["stored"] > 0 and b["stored"] > 0  # the first writer starve the other, so no such claim there)
    _race(alone, files, workers=(1,))
    with open_db(db).connect() as c1, open_db(alone).connect() as c2:
        assert query.counts(c1) == query.counts(c2)
        hashes = c1.execute(sa.select(s.articles.c.text_hash)).scalars().all()
        assert len(hashes) == len(set(hashes)) == 40
        keys = c1.execute(sa.select(s.entities.c.key)).scalars().all()
        assert len(keys) == len(set(keys))
        per_article = sa.select(s.articles.c.source, sa.func.count(s.mentions.c.id)).join(s.mentions).group_by(s.articles.c.source)
        assert sorted(c1.execute(per_article).all()) == sorted(c2.execute(per_article).all())
