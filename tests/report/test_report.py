"""The HTML report: self-contained, escaped, and working in headless Chromium."""

from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess

import pytest

from dateline.report.html import render_report, sentence_bounds
from dateline.store import open_db, save_result, writer
from store_fixtures import REPO, article_text, make_result

XSS = ('<script>document.documentElement.setAttribute("data-pwned","1")</script> '
       '<img src=x onerror="document.documentElement.setAttribute(\'data-pwned\',\'2\')"> ')


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    engine = open_db(tmp_path_factory.mktemp("rep") / "r.db")
    with writer(engine).begin() as conn:
        for i, place in enumerate(("Izium", "Kharkiv", "Kupiansk")):
            text = XSS + article_text(i, place, extra="Officials said 7 people died, officials said 7.")
            save_result(conn, make_result(text, title=f"<b>Title {i}</b>{XSS}", source=f"s{i}.txt",
                                          published=f"2022-09-1{i}"))
    with engine.connect() as conn:
        return render_report(conn)


class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_no_injected_markup(page):
    p = Tags()
    p.feed(page)
    scripts = [a for t, a in p.tags if t == "script"]
    csp = next(a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    nonce = re.search(r"script-src 'nonce-([^']+)'", csp).group(1)
    assert "default-src 'none'" in csp
    assert all(a.get("type") == "application/json" or a.get("nonce") == nonce for a in scripts)
    assert len([a for a in scripts if a.get("nonce")]) == 3  # leaflet, topojson, the app
    assert not any(k.startswith("on") for _, a in p.tags for k in a)
    assert not any(t == "img" for t, _ in p.tags) and not any(t == "b" for t, _ in p.tags)
    assert "&lt;script&gt;" in page and "onerror=" in page  # shown as text


def test_self_contained(page):
    p = Tags()
    p.feed(page)
    assert not any(t == "link" or "src" in a for t, a in p.tags)  # nothing loaded from outside the file
    assert "L.map(" in page and "countries" in page


def test_evidence_links_resolve(page):
    anchors = set(re.findall(r'id="(ev-\d+-\d+)"', page))
    links = set(re.findall(r'href="#(ev-\d+-\d+)"', page))
    assert links and links <= anchors
    assert "<mark>Oleh Syniehubov</mark>" in page or "<mark>Residents must leave now,</mark>" in page


def test_sentence_bounds():
    text = "First one. Second has Izium in it. Third."
    a, b = sentence_bounds(text, text.index("Izium"), text.index("Izium") + 5)
    assert text[a:b] == "Second has Izium in it."


def _chromium():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("chromium is not installed: run `apt-get install -y chromium` (scripts/setup_system.sh does it)")
    return exe


def _run_chromium(exe, tmp_path, url, *extra):
    args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", *extra, url]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_chromium_renders_markers_without_errors_or_xss(page, tmp_path):
    exe = _chromium()
    f = tmp_path / "report.html"
    f.write_text(page, encoding="utf-8")
    proc = _run_chromium(exe, tmp_path, f.as_uri(), "--dump-dom")
    dom = proc.stdout
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert 'data-ready="1"' in body and 'data-markers="3"' in body and "data-errors" not in body
    assert len(re.findall(r'class="leaflet-interactive"', dom)) >= 3  # markers drawn as SVG paths
    assert not re.search(r"<html[^>]*data-pwned", dom)  # no injected script or handler ran
    console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == [], console
    # The README's screenshot is refreshed only on request (DATELINE_UPDATE_SCREENSHOT=1), so that a test run
    # does not leave the working tree dirty.
    shot = REPO / "docs" / "report.png" if os.environ.get("DATELINE_UPDATE_SCREENSHOT") else tmp_path / "report.png"
    shot.parent.mkdir(exist_ok=True)
    _run_chromium(exe, tmp_path, f.as_uri(), f"--screenshot={shot}", "--window-size=1200,900", "--hide-scrollbars")
    assert shot.exists() and shot.stat().st_size > 10_000


def test_every_event_type_has_its_own_map_colour():
    from dateline.events.taxonomy import BY_CODE
    from dateline.report.html import colour

    types = sorted({t.type for t in BY_CODE.values()})
    colours = [colour(t) for t in types]
    assert len(set(colours)) == len(types), dict(zip(types, colours))
