"""Exports: GeoJSON checked against RFC 7946's structure, ACLED CSV columns and conventions, JSONL."""

from __future__ import annotations

import csv
import io
import json
import math

import sqlalchemy as sa

from dateline.report import export as ex
from dateline.store import open_db, save_result, schema as s, writer
from store_fixtures import article_text, make_result


def _db(new_db):
    engine = open_db(new_db("e"))
    with writer(engine).begin() as conn:
        save_result(conn, make_result(article_text(1, "Izium"), source="a.txt"))
        save_result(conn, make_result(article_text(2, "Kupiansk"), published=None, source="b.txt"))
        save_result(conn, make_result("Nothing happened in the quiet town.", source="c.txt"))
    return engine


def check_geojson(doc):
    """Assert the RFC 7946 structure of a FeatureCollection of Points."""
    assert doc["type"] == "FeatureCollection" and isinstance(doc["features"], list)
    for feat in doc["features"]:
        assert feat["type"] == "Feature" and set(feat) <= {"type", "id", "geometry", "properties", "bbox"}
        assert isinstance(feat["id"], (str, int, float))
        geom = feat["geometry"]
        assert geom["type"] == "Point" and len(geom["coordinates"]) == 2
        lon, lat = geom["coordinates"]
        assert all(isinstance(v, (int, float)) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feat["properties"] is None or isinstance(feat["properties"], dict)


def test_geojson(new_db):
    with _db(new_db).connect() as conn:
        doc = json.loads(json.dumps(ex.geojson(conn)))
    check_geojson(doc)
    assert len(doc["features"]) == 2
    izium = next(f for f in doc["features"] if f["properties"]["place_name"] == "Izium")
    assert izium["geometry"]["coordinates"] == [37.2569, 49.2122]  # lon, lat order


def test_acled_csv(new_db):
    with _db(new_db).connect() as conn:
        text, skipped = ex.acled_csv(conn)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(csv.reader(io.StringIO(text)).__next__()) == ex.ACLED_COLUMNS
    assert skipped == 1 and len(rows) == 1  # the undated Kupiansk event is left out, not invented
    r = rows[0]
    assert r["event_type"] in ex.ACLED_EVENT_TYPES and r["sub_event_type"] == "Shelling/artillery/missile attack"
    assert r["event_date"] == "2022-09-12" and r["time_precision"] == "1" and r["geo_precision"] == "1"
    assert r["latitude"] == "49.2122" and r["longitude"] == "37.2569" and r["fatalities"] == "2"
    assert r["admin1"] == "Kharkiv Oblast" and r["location"] == "Izium"
    assert r["actor1"] == "Military Forces of Russia (2000-)" and r["actor2"] == "Civilians (Ukraine)"
    assert "\n" not in r["notes"] and r["notes"].startswith("KHARKIV")


def test_jsonl(new_db):
    with _db(new_db).connect() as conn:
        lines = list(ex.jsonl(conn))
    docs = [json.loads(line) for line in lines]
    assert len(docs) == 3 and all({"article", "entities", "events", "store_id"} <= set(d) for d in docs)


def test_acled_csv_neutralises_formulas(tmp_path):
    engine = open_db(str(tmp_path / "f.db"))
    text = '=HYPERLINK("http://evil.example","x") ' + article_text(1, "Izium")
    with writer(engine).begin() as conn:
        save_result(conn, make_result(text, source="@SUM(1+1)"))
        conn.execute(sa.update(s.events).values(lat=-33.5, place_name="-Izium"))
    with engine.connect() as conn:
        text, _ = ex.acled_csv(conn)
    (r,) = list(csv.DictReader(io.StringIO(text)))
    assert r["notes"].startswith("'=HYPERLINK(") and r["location"] == "'-Izium"
    assert r["latitude"] == "-33.5000"  # a number is not a formula: left as it is
