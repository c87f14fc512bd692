"""Hand-built Results for the store, report and API tests (no spaCy needed).

``FakePipeline`` finds a few place and person names by plain string search and makes
entities, one event per place, a quote and a quantity, so ingest tests run fast.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from dateline.model import (Article, Disagreement, Entity, Event, Mention, Quantity, Quote, Result, Speaker)

#: name -> (geonames id, lat, lon, admin1); invented spellings are used as inputs in tests.
PLACES = {"Izium": (706524, 49.2122, 37.2569, "Kharkiv Oblast"), "Kharkiv": (706483, 49.9808, 36.2527, "Kharkiv Oblast"),
          "Kupiansk": (704617, 49.7106, 37.6156, "Kharkiv Oblast")}
PEOPLE = {"Oleh Syniehubov": "Q110000001", "Ivan Fedorov": "Q110000002"}


def article_text(i: int, place: str = "Izium", extra: str = "") -> str:
    return (f"KHARKIV, Ukraine (AP) — Russian forces shelled {place} on Monday, killing {i % 5 + 1} civilians, "
            f"regional governor Oleh Syniehubov said. \"Residents must leave now,\" Oleh Syniehubov wrote on Telegram "
            f"in report number {i}. The strike hit a school about 3 kilometers from the centre. {extra}")


def make_result(text: str, *, published: str | None = "2022-09-12", source: str | None = None,
                title: str | None = None) -> Result:
    """Build a Result from ``text`` with the fixed name lists above."""
    art = Article(text=text, title=title, source=source, published=dt.date.fromisoformat(published) if published else None)
    ents, events = [], []
    for name, (gid, lat, lon, admin1) in PLACES.items():
        for m in re.finditer(re.escape(name), text):
            eid = f"e{len(ents)}"
            ents.append(Entity(id=eid, kind="place", name=name, status="resolved", confidence=0.9,
                               mentions=(Mention(m.group(), m.start(), m.end(), "GPE"),), geonames_id=gid, lat=lat,
                               lon=lon, admin1=admin1, precision=1, feature="city", country_code="UA"))
            killed = re.search(r"killing (\d+)", text)
            sent_end = text.find(".", m.end()) + 1 or len(text)
            events.append(Event(id=f"v{len(events)}", type="shelling", subtype=None,
                                acled_event_type="Explosions/Remote violence",
                                acled_sub_event_type="Shelling/artillery/missile attack", text=text[:sent_end],
                                start=0, end=sent_end, actors=("Military Forces of Russia (2000-)",),
                                targets=("Civilians (Ukraine)",), place_id=eid, place_name=name, lat=lat, lon=lon,
                                geo_precision=1, date=published, time_precision=1,
                                killed=int(killed.group(1)) if killed else None, confidence=0.8))
            break
    speaker = None
    for name, qid in PEOPLE.items():
        ms = tuple(Mention(m.group(), m.start(), m.end(), "PERSON") for m in re.finditer(re.escape(name), text))
        if ms:
            eid = f"e{len(ents)}"
            ents.append(Entity(id=eid, kind="person", name=name, mentions=ms, status="linked", confidence=0.8, wikidata=qid))
            speaker = speaker or Speaker(eid, name, ms[0].start, ms[0].end)
    quotes = ()
    qm = re.search(r"\"([^\"]+)\"", text)
    if qm:
        quotes = (Quote(text=qm.group(1), start=qm.start(1), end=qm.end(1), kind="direct", speaker=speaker,
                        cue="wrote", channel="Telegram", status="asserted", id="q0"),)
    qty = tuple(Quantity(m.group(), m.start(), m.end(), float(m.group(1)), "kilometre", "distance", float(m.group(1)) * 1000, "m")
                for m in re.finditer(r"(\d+) kilometers", text))
    dis = ()
    if "officials said 7" in text:
        figs = (Quantity("5 dead", 0, 6, 5, "person", "count", 5, "count"), Quantity("7 dead", 7, 13, 7, "person", "count", 7, "count"))
        dis = (Disagreement("killed", figs, ("regional governor", "Russian Defense Ministry")),)
    return Result(article=art, entities=tuple(ents), events=tuple(events), quotes=quotes, quantities=qty, disagreements=dis)


class FakePipeline:
    """Stands in for Pipeline in ingest tests: same interface, no model."""

    def run(self, article: Article) -> Result:
        if "FAIL-ME" in article.text:
            from dateline.errors import DatelineError

            raise DatelineError("stage events.v1 failed: test failure")
        r = make_result(article.text, published=article.published.isoformat() if article.published else None,
                        source=article.source, title=article.title)
        from dataclasses import replace

        return replace(r, article=article)


def write_articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    """Write ``n`` small distinct article files."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        p = folder / f"a{i:04d}.txt"
        p.write_text(article_text(i, ("Izium", "Kharkiv", "Kupiansk")[i % 3]), encoding="utf-8")
        out.append(p)
    return out


REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
