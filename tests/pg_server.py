"""The PostgreSQL server the store tests run against: $DATELINE_TEST_PG, or a throwaway one started here.

A session fixture (see ``tests/conftest.py``) calls :func:`start` once.  When the server
cannot be had, the PostgreSQL tests fail with the reason; they are never skipped silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import sqlalchemy as sa

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "pg_test_server.sh"


class Server:
    """A running server: ``url`` of its maintenance database; ``new_db()`` makes a fresh database."""

    def __init__(self, url: str, folder: str | None):
        self.url, self.folder = url, folder
        self._admin = sa.create_engine(_psycopg(url), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)

    def new_db(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        base, _, _ = self.url.rpartition("/")
        return f"{base}/{name}"

    def stop(self) -> None:
        self._admin.dispose()
        if self.folder:
            subprocess.run(["bash", str(SCRIPT), "stop", self.folder], check=False, capture_output=True)


def _psycopg(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def start() -> Server:
    """Return the server in $DATELINE_TEST_PG, or start a throwaway one with scripts/pg_test_server.sh.

    Raises:
        RuntimeError: no server could be started, with what to do about it.
    """
    url = os.environ.get("DATELINE_TEST_PG")
    if url:
        return Server(url, None)
    if shutil.which("bash") is None:
        raise RuntimeError("bash is needed to start the PostgreSQL test server")
    folder = tempfile.mkdtemp(prefix="dateline-pg.")
    proc = subprocess.run(["bash", str(SCRIPT), "start", folder], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"could not start the PostgreSQL test server ({SCRIPT.name} exit {proc.returncode}): "
                           f"{proc.stderr.strip()}\nInstall the server with `bash scripts/setup_system.sh` as root "
                           "(apt-get install postgresql), or point DATELINE_TEST_PG at a server you run.")
    return Server(proc.stdout.strip().splitlines()[-1], folder)
