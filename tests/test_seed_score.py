"""The seed article scores every expected fact with the shared scorer (`../shared/tools/score.py`)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from .conftest import SHARED

pytestmark = pytest.mark.model

SCORER = SHARED / "tools" / "score.py"
EXPECTED = SHARED / "samples" / "seed_expected.json"


def test_seed_scores_every_expected_fact(pipeline, seed_text, tmp_path):
    if not (SCORER.exists() and EXPECTED.exists()):
        pytest.skip(f"the shared scorer or expected facts are not at {SHARED}")
    out = tmp_path / "seed.json"
    out.write_text(json.dumps(pipeline.read(seed_text, published="2022-09-10").to_dict(), ensure_ascii=False),
                   encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCORER), str(out), str(EXPECTED), "--verbose"], capture_output=True,
                          text=True, check=False)
    m = re.search(r"score: (\d+)/(\d+)", done.stdout)
    assert m is not None, done.stdout + done.stderr
    assert m.group(1) == m.group(2), done.stdout
