"""One self-contained HTML report of the store: map, timeline, claims, disagreements, entity index, evidence.

Everything the page needs is inside the file (Leaflet, topojson-client and the
world-atlas basemap are vendored in ``report/assets``), so it opens offline.  All
article text is escaped: tables are rendered here with :func:`html.escape`; map data
goes in as a JSON block with ``<``, ``>`` and ``&`` escaped, and the page's script
writes it with ``textContent`` only.  A Content-Security-Policy with a per-report
nonce forbids any script but the report's own.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import secrets
from dataclasses import dataclass
from importlib import resources
from typing import Any

import sqlalchemy as sa

from dateline.store import query, schema as s
from dateline.store.query import Filters

#: Colours of event types on the map and timeline (ACLED's six, then our short names).
TYPE_COLOURS = {
    "Battles": "#d62728", "battle": "#d62728", "Explosions/Remote violence": "#ff7f0e", "shelling": "#ff7f0e",
    "strike": "#ff7f0e", "Violence against civilians": "#9467bd", "Protests": "#2ca02c", "Riots": "#8c564b",
    "Strategic developments": "#1f77b4", "advance": "#1f77b4", "withdrawal": "#17becf",
    # the short types of events/taxonomy.py, one distinct colour each
    "attack": "#d62728", "territory_change": "#1f77b4", "diplomacy": "#2ca02c", "evacuation": "#9467bd",
    "infrastructure": "#8c564b", "arrest": "#17becf", "protest": "#bcbd22", "accident": "#ff7f0e",
    "natural_disaster": "#637939", "organised_crime": "#393b79", "other": "#7f7f7f",
}
_FALLBACK_COLOURS = ("#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#8c6d31")

#: Most rows shown per section (the page stays usable on big databases).
MAX_ROWS = 5000

TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


@dataclass(frozen=True)
class ReportOptions:
    title: str = "dateline report"
    tiles: bool = False  # add online OpenStreetMap tiles under the offline basemap


def colour(event_type: str) -> str:
    """Return the colour of an event type (stable for unknown types)."""
    if event_type in TYPE_COLOURS:
        return TYPE_COLOURS[event_type]
    return _FALLBACK_COLOURS[sum(map(ord, event_type)) % len(_FALLBACK_COLOURS)]


def _asset(name: str) -> str:
    return resources.files("dateline.report").joinpath("assets", name).read_text(encoding="utf-8")


def json_block(data: Any) -> str:
    """Serialise ``data`` for a <script type="application/json"> block (no way out of the element)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the sentence(s) holding ``text[start:end]``."""
    s0 = 0
    for m in _SENT_END.finditer(text, 0, max(0, start)):
        s0 = m.end()
    m = _SENT_END.search(text, max(end, start))
    return s0, (m.start() + 1 if m and text[m.start()] != "\n" else (m.start() if m else len(text)))


class Evidence:
    """Collects the sentences facts point to; each fact links to ``#ev-<article>-<start>``."""

    def __init__(self, texts: dict[int, str]):
        self.texts = texts
        self.sentences: dict[tuple[int, int], tuple[int, list[tuple[int, int]]]] = {}

    def link(self, article_id: int | None, start: int | None, end: int | None) -> str:
        """Register a span and return the anchor of its sentence ("" when the text is not known)."""
        text = self.texts.get(article_id or -1)
        if text is None or start is None or end is None:
            return ""
        s0, s1 = sentence_bounds(text, start, end)
        entry = self.sentences.setdefault((article_id, s0), (s1, []))  # type: ignore[arg-type]
        entry[1].append((start, end))
        return f"#ev-{article_id}-{s0}"

    def render(self, titles: dict[int, str]) -> str:
        items = []
        for (aid, s0), (s1, spans) in sorted(self.sentences.items()):
            text, out, pos = self.texts[aid], [], s0
            for a, b in sorted(set(spans)):
                if a < pos or b > s1:
                    continue
                out += [html.escape(text[pos:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
                pos = b
            out.append(html.escape(text[pos:s1]))
            items.append(f'<li id="ev-{aid}-{s0}"><span class="src">{html.escape(titles.get(aid, ""))}</span> '
                         f'{"".join(out)}</li>')
        return "<ol class=evidence>" + "".join(items) + "</ol>"


def _a(href: str, label: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(label)}</a>' if href else html.escape(label)


def _table(headers: tuple[str, ...], rows: list[list[str]], css: str = "") -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>' if rows else "<p class=none>None.</p>"


def _e(value: Any) -> str:
    return "" if value is None else html.escape(str(value))


def gather(conn: sa.Connection, f: Filters) -> dict[str, Any]:
    """Read everything the report shows."""
    f = Filters(**{**f.__dict__, "limit": min(f.limit, MAX_ROWS)})
    data = {"events": query.events(conn, f), "quotes": query.quotes(conn, f),
            "disagreements": query.disagreements(conn, f), "entities": query.entities(conn, f),
            "articles": query.articles(conn, f)}
    first = _first_mentions(conn, [e["id"] for e in data["entities"]])
    for e in data["entities"]:
        e["first"] = first.get(e["id"])
    ids = {a["id"] for a in data["articles"]} | {r["article_id"] for k in ("events", "quotes", "disagreements") for r in data[k]}
    ids |= {m[0] for m in first.values()}
    data["stories"] = query.stories(conn)
    data["texts"] = query.article_texts(conn, ids)
    data["titles"] = {a["id"]: a["title"] or a["source"] or f"article {a['id']}" for a in query.articles(conn, Filters(limit=10**9))
                      if a["id"] in ids}
    return data


def _first_mentions(conn: sa.Connection, entity_ids: list[int]) -> dict[int, tuple[int, int, int]]:
    m = s.mentions
    out: dict[int, tuple[int, int, int]] = {}
    for chunk in range(0, len(entity_ids), 500):
        sub = sa.select(sa.func.min(m.c.id)).where(m.c.entity_id.in_(entity_ids[chunk:chunk + 500])).group_by(m.c.entity_id)
        for eid, aid, st, en in conn.execute(sa.select(m.c.entity_id, m.c.article_id, m.c.start, m.c.end).where(m.c.id.in_(sub))):
            out[eid] = (aid, st, en)
    return out


def _map_points(events: list[dict[str, Any]], ev: Evidence) -> list[dict[str, Any]]:
    pts = []
    for e in events:
        if e["lat"] is None or e["lon"] is None:
            continue
        pts.append({"lat": e["lat"], "lon": e["lon"], "type": e["type"], "colour": colour(e["type"]),
                    "place": e["place_name"] or "", "date": e["date"] or e["published"] or "",
                    "killed": e["killed"], "injured": e["injured"], "text": e["text"],
                    "href": ev.link(e["article_id"], e["start"], e["end"])})
    return pts


def _timeline(events: list[dict[str, Any]], ev: Evidence) -> str:
    """Render events on a date axis as an SVG (one lane per type)."""
    dated = [(e["date"] or e["published"], e) for e in events if (e["date"] or e["published"])]
    if not dated:
        return "<p class=none>No dated events.</p>"
    days = [dt.date.fromisoformat(d[:10]) for d, _ in dated]
    lo, hi = min(days), max(days)
    span = max((hi - lo).days, 1)
    lanes = sorted({e["type"] for _, e in dated})
    width, left, lane_h = 900, 170, 22
    height = lane_h * len(lanes) + 30
    parts = [f'<svg class=timeline viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="timeline">']
    for i, lane in enumerate(lanes):
        parts.append(f'<text x="4" y="{i * lane_h + 16}" class=lane>{_e(lane)}</text>')
    for day, (_, e) in zip(days, dated):
        x = left + (width - left - 10) * (day - lo).days / span
        y = lanes.index(e["type"]) * lane_h + 12
        r = 4 + min(8, (e["killed"] or 0) ** 0.5)
        tip = f"{day} {e['type']} {e['place_name'] or ''} killed={e['killed'] or 0}: {e['text']}"
        href = ev.link(e["article_id"], e["start"], e["end"])
        dot = f'<circle cx="{x:.1f}" cy="{y}" r="{r:.1f}" fill="{colour(e["type"])}"><title>{_e(tip)}</title></circle>'
        parts.append(f'<a href="{_e(href)}">{dot}</a>' if href else dot)
    parts.append(f'<text x="{left}" y="{height - 4}" class=axis>{lo}</text>'
                 f'<text x="{width - 10}" y="{height - 4}" text-anchor="end" class=axis>{hi}</text></svg>')
    return "".join(parts)


def _claims(quotes: list[dict[str, Any]], ev: Evidence) -> str:
    rows = [[_e(q["speaker"] or "(unattributed)"), _e(q["channel"]), _e(q["status"]), _e(q["kind"]),
             _a(ev.link(q["article_id"], q["start"], q["end"]), q["text"]), _e(q["title"] or q["source"])] for q in quotes]
    return _table(("Speaker", "Channel", "Status", "Kind", "Claim", "Article"), rows, "claims")


def _disagreements(items: list[dict[str, Any]], ev: Evidence) -> str:
    blocks = []
    for d in items:
        cells = []
        for i, fig in enumerate(d["figures"]):
            src = d["sources"][i] if i < len(d["sources"]) else ""
            link = ev.link(d["article_id"], fig.get("start"), fig.get("end"))
            cells.append(f'<div class=side><div class=who>{_e(src)}</div>{_a(link, str(fig.get("text", "")))}</div>')
        blocks.append(f'<div class=disagreement><h3>{_e(d["topic"])}</h3><div class=sides>{"".join(cells)}</div></div>')
    return "".join(blocks) or "<p class=none>None.</p>"


def _entity_index(ents: list[dict[str, Any]], ev: Evidence) -> str:
    rows = []
    for e in sorted(ents, key=lambda x: (x["kind"], x["name"].casefold())):
        first = e.get("first")
        href = ev.link(*first) if first else ""
        ident = e["wikidata"] or (f"geonames:{e['geonames_id']}" if e["geonames_id"] else "") or e["katottg"] or ""
        rows.append([_a(href, e["name"]), _e(e["kind"]), _e(e["status"]), _e(ident),
                     _e(", ".join(e["spellings"])), _e(e["articles"]), _e(e["mentions"])])
    return _table(("Name", "Kind", "Status", "Identifier", "Spellings seen", "Articles", "Mentions"), rows, "entities")


def _stories(items: list[dict[str, Any]]) -> str:
    rows = [[_e(s["key"]), _e(s["title"]), _e(s["size"]), _e(s["original"]), _e(", ".join(s["copies"][:8]) + (" …" if len(s["copies"]) > 8 else ""))]
            for s in items]
    note = "<p class=note>Stories are computed by <code>dateline stories --db FILE</code>.</p>"
    return note + _table(("Story", "Title", "Articles", "Original", "Copies"), rows, "stories")


def _legend(events: list[dict[str, Any]]) -> str:
    types = sorted({e["type"] for e in events})
    return "".join(f'<span class=key><i style="background:{colour(t)}"></i>{_e(t)}</span>' for t in types)


def render_report(conn: sa.Connection, f: Filters = Filters(), opts: ReportOptions = ReportOptions()) -> str:
    """Return the report as one self-contained HTML page."""
    data = gather(conn, f)
    ev = Evidence(data["texts"])
    points = _map_points(data["events"], ev)
    sections = {
        "timeline": _timeline(data["events"], ev), "claims": _claims(data["quotes"], ev),
        "disagreements": _disagreements(data["disagreements"], ev), "entities": _entity_index(data["entities"], ev),
        "stories": _stories(data["stories"]),
    }
    evidence = ev.render(data["titles"])
    nonce = secrets.token_urlsafe(16)
    img = "data: https://tile.openstreetmap.org" if opts.tiles else "data:"
    csp = f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; img-src {img}"
    counts = f"{len(data['articles'])} articles, {len(data['events'])} events, {len(data['quotes'])} claims, {len(data['entities'])} entities"
    config = {"tiles": TILE_URL if opts.tiles else None}
    return _PAGE.format(
        csp=_e(csp), title=_e(opts.title), css=_asset("leaflet.css") + _CSS, counts=_e(counts),
        generated=_e(dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")), legend=_legend(data["events"]),
        nonce=nonce, leaflet=_asset("leaflet.js"), topojson=_asset("topojson-client.min.js"),
        atlas=json_block(json.loads(_asset("countries-50m.json"))), points=json_block(points),
        config=json_block(config), app=_APP, evidence=evidence, **sections,
    )


_CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px;color:#222}
h1{font-size:22px}h2{margin-top:28px;border-bottom:1px solid #ccc}
#map{height:480px;background:#cfe3f0;border:1px solid #999}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3}.key{margin-right:12px}.key i{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
.sides{display:flex;gap:12px}.side{flex:1;border:1px solid #ddd;padding:6px}.who{font-weight:bold}
.evidence li{margin:4px 0}.evidence .src{color:#666;font-size:12px}.evidence li:target{background:#fff6c0}
mark{background:#ffe28a}
.leaflet-tooltip.cas{background:transparent;border:0;box-shadow:none;color:#fff;font-weight:bold;text-shadow:0 0 2px #000}.lane,.axis{font-size:11px;fill:#444}.none{color:#777}
"""

_APP = """
(function(){
  var body=document.body;
  window.addEventListener('error',function(e){body.setAttribute('data-errors',String(e.message));});
  function data(id){return JSON.parse(document.getElementById(id).textContent);}
  var atlas=data('dl-atlas'),points=data('dl-points'),config=data('dl-config');
  var map=L.map('map',{worldCopyJump:true,preferCanvas:false}).setView([48.5,31.5],5);
  if(config.tiles){L.tileLayer(config.tiles,{maxZoom:18,attribution:'&copy; OpenStreetMap contributors'}).addTo(map);}
  L.geoJSON(topojson.feature(atlas,atlas.objects.countries),{style:{color:'#888',weight:1,fillColor:'#f4f1ea',fillOpacity:config.tiles?0:1}}).addTo(map);
  var layer=L.featureGroup().addTo(map);
  points.forEach(function(p){
    var r=6+Math.min(14,Math.sqrt(p.killed||0)*2);
    var m=L.circleMarker([p.lat,p.lon],{radius:r,color:'#333',weight:1,fillColor:p.colour,fillOpacity:0.85}).addTo(layer);
    var box=document.createElement('div'),h=document.createElement('b'),t=document.createElement('p');
    h.textContent=p.type+(p.place?' \\u2014 '+p.place:'')+(p.date?' ('+p.date+')':'');
    t.textContent=p.text;box.appendChild(h);
    var c=document.createElement('div');
    c.textContent='killed: '+(p.killed==null?'?':p.killed)+', injured: '+(p.injured==null?'?':p.injured);
    box.appendChild(c);box.appendChild(t);
    if(p.href){var a=document.createElement('a');a.href=p.href;a.textContent='evidence';box.appendChild(a);}
    m.bindPopup(box);
    if(p.killed){m.bindTooltip(String(p.killed),{permanent:true,direction:'center',className:'cas'});}
  });
  if(points.length){map.fitBounds(layer.getBounds().pad(0.5),{maxZoom:7});}
  body.setAttribute('data-markers',String(points.length));
  body.setAttribute('data-ready','1');
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{css}</style></head>
<body>
<h1>{title}</h1><p>{counts}. Generated {generated} by dateline. Offline basemap: Natural Earth via world-atlas.</p>
<h2 id="map-h">Map of events</h2><div>{legend}</div><div id="map"></div>
<h2>Timeline</h2>{timeline}
<h2>Claims</h2>{claims}
<h2>Disagreements</h2>{disagreements}
<h2>Entity index</h2>{entities}
<h2>Stories (copies of one report)</h2>{stories}
<h2>Evidence</h2>{evidence}
<script type="application/json" id="dl-atlas">{atlas}</script>
<script type="application/json" id="dl-points">{points}</script>
<script type="application/json" id="dl-config">{config}</script>
<script nonce="{nonce}">{leaflet}</script>
<script nonce="{nonce}">{topojson}</script>
<script nonce="{nonce}">{app}</script>
</body></html>
"""
