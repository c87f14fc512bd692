"""The HTTP API: endpoints, JSON errors, the token rule and request size limits."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from dateline.api import ApiSettings, check_bind, create_app
from dateline.errors import ConfigError
from dateline.store import open_db, save_result, writer
from store_fixtures import article_text, make_result


@pytest.fixture(scope="module")
def db(new_db):
    path = new_db("a")
    with writer(open_db(path)).begin() as conn:
        for i, place in enumerate(("Izium", "Kharkiv")):
            save_result(conn, make_result(article_text(i, place), source=f"s{i}.txt"))
    return str(path)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(ApiSettings(db=db, max_body=10_000)))


def test_endpoints(client):
    assert len(client.get("/articles").json()) == 2
    evs = client.get("/events", params={"place": "Izium"}).json()
    assert [e["place_name"] for e in evs] == ["Izium"]
    assert client.get("/events", params={"bbox": "36,49.9,36.5,50.1"}).json()[0]["place_name"] == "Kharkiv"
    ents = client.get("/entities", params={"type": "person"}).json()
    assert ents[0]["name"] == "Oleh Syniehubov" and ents[0]["articles"] == 2
    assert client.get("/quotes", params={"actor": "Syniehubov"}).json()[0]["channel"] == "Telegram"
    assert client.get("/disagreements").json() == []
    hits = client.get("/search", params={"q": "residents leave"}).json()
    assert {h["kind"] for h in hits} == {"article", "quote"}
    home = client.get("/")
    assert home.headers["content-type"].startswith("text/html") and "L.map(" in home.text
    assert "/events" in client.get("/openapi.json").json()["paths"]


def test_docs_page_is_offline_and_lists_every_route(client):
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script" not in page.text and "http://" not in page.text and "https://" not in page.text
    for path in client.get("/openapi.json").json()["paths"]:
        assert f"{path}</h2>" in page.text
    assert "<code>bbox</code>" in page.text and "<code>published</code>" in page.text  # query and body fields
    assert client.get("/redoc").status_code == 404


def test_reference_escapes_schema_strings():
    from dateline.api.reference import render_reference

    schema = {"info": {"title": "<b>x</b>"}, "paths": {"/p": {"get": {"summary": "<script>alert(1)</script>",
              "parameters": [{"name": "q\"><i>", "in": "query", "schema": {"anyOf": [{"type": "string"}, {"type": "null"}]}}]}}}}
    page = render_reference(schema)
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "<b>x</b>" not in page
    assert "string | null" in page and "q&quot;&gt;&lt;i&gt;" in page


def test_errors_are_json(client):
    bad = client.get("/events", params={"bbox": "1,2"})
    assert bad.status_code == 400 and "min_lon" in bad.json()["detail"]
    lim = client.get("/events", params={"limit": -1})
    assert lim.status_code == 422 and lim.json()["error"] == "invalid request"
    assert client.get("/nope").json()["error"] == "http error"
    empty = client.post("/read", json={})
    assert empty.status_code == 400 and "text" in empty.json()["detail"]


def test_oversized_requests(client):
    r = client.post("/read", json={"text": "x" * 20_000})
    assert r.status_code == 413 and "limited" in r.json()["detail"]

    def chunks():  # no Content-Length: the cap is enforced while reading
        for _ in range(20):
            yield b"x" * 1000

    r = client.post("/read", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_token_rule(db):
    with pytest.raises(ConfigError, match="token"):
        check_bind("0.0.0.0", None)
    check_bind("0.0.0.0", "s3cret")
    check_bind("127.0.0.1", None)
    c = TestClient(create_app(ApiSettings(db=db, token="s3cret")))
    for path in ("/", "/events", "/docs", "/openapi.json"):
        assert c.get(path).status_code == 401
    assert c.get("/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert c.get("/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert c.get("/events", params={"token": "s3cret"}).status_code == 200


def test_over_real_http(db):
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ApiSettings(db=db, token="t0k")), host="127.0.0.1", port=port,
                                           log_level="warning"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/events").status_code == 401
        r = httpx.get(f"{base}/events", headers={"X-Dateline-Token": "t0k"})
        assert r.status_code == 200 and len(r.json()) == 2
    finally:
        server.should_exit = True
        t.join(timeout=10)


@pytest.mark.model
def test_read_runs_the_pipeline(client):
    r = client.post("/read", json={"text": "KYIV, Ukraine (AP) — Russian forces shelled Kharkiv on Monday, officials said.",
                                   "published": "2022-09-12"})
    assert r.status_code == 200
    assert "Kharkiv" in {e["name"] for e in r.json()["entities"]}


@pytest.mark.model
def test_read_takes_the_outlets_home(client):
    text = "Police in Alexandria said the fire started on Tuesday at a home on the edge of town."
    r = client.post("/read", json={"text": text, "published": "2009-03-20", "home": "Pineville, Louisiana"})
    assert r.status_code == 200 and r.json()["article"]["home"]["a1"] == "US.LA"
    town = [e for e in r.json()["entities"] if e["name"] == "Alexandria"][0]
    assert town["country_code"] == "US"
    bad = client.post("/read", json={"text": text, "home": "Quarnbyshire"})
    assert bad.status_code == 400 and "'home' 'Quarnbyshire' is no place" in bad.json()["detail"]


def test_bad_date_filter_and_nosniff(client):
    bad = client.get("/events", params={"from": "last week"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["detail"]
    assert client.get("/events", params={"from": "2022-09"}).status_code == 200
    for path in ("/events", "/", "/nope"):
        assert client.get(path).headers["x-content-type-options"] == "nosniff"


def test_missing_database_is_not_created(tmp_path):
    from dateline.errors import StoreError

    with pytest.raises(StoreError, match="does not exist"):
        create_app(ApiSettings(db=str(tmp_path / "typo.db")))
    assert not (tmp_path / "typo.db").exists()
