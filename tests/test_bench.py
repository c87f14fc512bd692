"""`dateline bench` report lines, and a pytest-benchmark of gazetteer lookups (run with --benchmark-enable; under the
project's default --benchmark-disable it runs once as an ordinary test).  Speed is never asserted: only that the
report has its lines and the lookups find their places."""

from __future__ import annotations

import re

import pytest

from dateline.bench import run_bench
from dateline.resolve.gazetteer import Gazetteer, default_path

NAMES = ["Kharkiv", "Kharkov", "Izyum", "Bakhmut", "Artemivsk", "Zaporizhzhia", "Kupjansk", "Swjatohirsk", "Mariupol",
         "Dnipro", "Odesa", "Kherson", "Enerhodar", "Sievierodonetsk", "Lysychansk", "Khartoum", "El Fasher", "Gaza"]


@pytest.mark.model
def test_bench_reports_ratios_stages_and_lookup_cost():
    lines = list(run_bench(words=300, cold_start=False))
    text = "\n".join(lines)
    assert re.search(r"ratio pipeline/spacy time: \d+\.\d+x", text)
    assert "stage resolve.places.v1" in text
    m = re.search(r"gazetteer lookup \(fresh index, fuzzy on\): (\d+\.\d+) ms per distinct name \((\d+) names\); "
                  r"place stage (\d+\.\d+) ms per mention \((\d+) mentions\)", text)
    assert m and int(m.group(2)) > 0 and int(m.group(4)) >= int(m.group(2))


def test_gazetteer_lookups(benchmark):
    def cold_lookups():
        gaz = Gazetteer(default_path())  # a fresh index: no cached answers
        try:
            return [gaz.lookup(n) for n in NAMES]
        finally:
            gaz.close()

    found = benchmark(cold_lookups)
    assert all(found)  # every name finds at least one place
