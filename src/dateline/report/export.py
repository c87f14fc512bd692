"""Exports of stored events: GeoJSON (RFC 7946), ACLED-style CSV, and JSON Lines of full results.

ACLED conventions followed (ACLED codebook): ``event_date`` as YYYY-MM-DD (as ACLED's API
exports it), ``event_type``/``sub_event_type`` from ACLED's six types, ``geo_precision`` and
``time_precision`` 1 (exact) .. 3 (coarse), ``fatalities`` an integer with 0 when none is
reported, ``latitude``/``longitude`` in decimal degrees with 4 decimals.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from dateline.store import query, schema as s
from dateline.store.query import Filters

ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "admin2", "location",
                 "latitude", "longitude", "geo_precision", "time_precision", "source", "notes", "fatalities")

#: ACLED's six event types; rows with any other type are not exported as ACLED.
ACLED_EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                     "Strategic developments")

#: time_precision when the event has no date of its own and the article's date stands in for it
#: (ACLED code 2: the event happened within the days around the given date).
FALLBACK_TIME_PRECISION = 2


def geojson(conn: sa.Connection, f: Filters = Filters()) -> dict[str, Any]:
    """Return events with coordinates as a GeoJSON FeatureCollection (RFC 7946: lon, lat order)."""
    features = []
    for ev in query.events(conn, f):
        if ev["lat"] is None or ev["lon"] is None:
            continue
        props = {k: ev[k] for k in ("id", "type", "subtype", "acled_event_type", "acled_sub_event_type", "date",
                                    "place_name", "actors", "targets", "killed", "injured", "geo_precision",
                                    "time_precision", "source_status", "confidence", "text", "source", "title",
                                    "published", "article_id", "start", "end")}
        features.append({"type": "Feature", "id": ev["id"],
                         "geometry": {"type": "Point", "coordinates": [round(ev["lon"], 6), round(ev["lat"], 6)]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def acled_rows(conn: sa.Connection, f: Filters = Filters()) -> tuple[list[dict[str, Any]], int]:
    """Return ACLED-shaped rows, and how many events were left out (no ACLED type or no date)."""
    rows, skipped = [], 0
    for ev in query.events(conn, f):
        date = ev["date"] or ev["published"]
        if ev["acled_event_type"] not in ACLED_EVENT_TYPES or not date:
            skipped += 1
            continue
        actors = list(ev["actors"] or [])
        rows.append({
            "event_date": date[:10], "event_type": ev["acled_event_type"], "sub_event_type": ev["acled_sub_event_type"] or "",
            "actor1": actors[0] if actors else "", "actor2": actors[1] if len(actors) > 1 else (ev["targets"] or [""])[0],
            "admin1": ev["admin1"] or "", "admin2": ev["admin2"] or "", "location": ev["place_name"] or "",
            "latitude": f"{ev['lat']:.4f}" if ev["lat"] is not None else "",
            "longitude": f"{ev['lon']:.4f}" if ev["lon"] is not None else "",
            "geo_precision": ev["geo_precision"] or ev["place_precision"] or "",
            "time_precision": ev["time_precision"] or (1 if ev["date"] else FALLBACK_TIME_PRECISION),
            "source": ev["agency"] or ev["source"] or "", "notes": " ".join(ev["text"].split()),
            "fatalities": int(ev["killed"] or 0),
        })
    return rows, skipped


#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """Return ``value`` safe for a spreadsheet: text that would start a formula gets a leading ' (numbers pass)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


def acled_csv(conn: sa.Connection, f: Filters = Filters()) -> tuple[str, int]:
    """Return the ACLED CSV text and the number of events left out."""
    rows, skipped = acled_rows(conn, f)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in r.items()} for r in rows)
    return buf.getvalue(), skipped


def jsonl(conn: sa.Connection, f: Filters = Filters()) -> Iterator[str]:
    """Yield one line per stored article: its full Result JSON plus its store id and source."""
    ids = [a["id"] for a in query.articles(conn, f)]
    for chunk in range(0, len(ids), 200):
        part = ids[chunk:chunk + 200]
        rows = conn.execute(sa.select(s.articles.c.id, s.articles.c.result_json).where(s.articles.c.id.in_(part))
                            .order_by(s.articles.c.id))
        for aid, data in rows:
            obj = json.loads(data)
            obj["store_id"] = aid
            yield json.dumps(obj, ensure_ascii=False)
