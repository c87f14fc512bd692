"""Each ingest format: plain text, HTML, JSONL, CSV, RSS, stdin-like file objects."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import load_article, make_article
from dateline.ingest.batch import Failure, iter_batch

from ..conftest import EXAMPLE, FIXTURES


def test_plain_text_file_title_dateline_credits_boilerplate():
    art = load_article(EXAMPLE, published="2023-06-09")
    assert art.title.startswith("Shelling hits frontline towns")
    assert art.dateline.place == "Zaporizhzhia" and art.dateline.agency == "AP"
    assert art.text.startswith("ZAPORIZHZHIA, Ukraine (AP)")
    assert [c.name for c in art.credits] == ["Hanna Arhirova"]
    assert "Leave a Reply" not in art.text and "Share this" not in art.text
    assert "Your email address" not in art.text
    assert art.published == dt.date(2023, 6, 9) and art.published_from == "option"
    assert art.source == str(EXAMPLE)


def test_html_page_metadata_and_no_comments():
    art = load_article(FIXTURES / "page.html")
    assert art.title == "Drone strike damages power station near Sumy"
    assert art.published == dt.date(2024, 3, 16) and art.published_from == "metadata"
    assert art.author == "Maria Kovalenko"
    assert "Volodymyr Artiukh" in art.text
    assert "Leave a Reply" not in art.text and "cookies" not in art.text and "All rights reserved" not in art.text
    assert art.dateline and art.dateline.place == "Sumy"


def test_published_option_overrides_metadata():
    art = load_article(FIXTURES / "page.html", published="2024-03-17")
    assert art.published == dt.date(2024, 3, 17) and art.published_from == "option"


def test_bad_published_date():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        load_article("KYIV (AP) — Troops moved on Monday, the ministry said.", published="10/09/2022")


def test_file_object_like_stdin():
    art = load_article(io.BytesIO("KYIV, Ukraine (AP) — Troops advanced on Monday, officials said.".encode()))
    assert art.dateline.agency == "AP"


def test_jsonl_batch_goes_on_after_bad_lines():
    items = list(iter_batch(FIXTURES / "batch.jsonl"))
    assert len(items) == 5
    ok = [i for i in items if not isinstance(i, Failure)]
    bad = [i for i in items if isinstance(i, Failure)]
    assert [a.source for a in ok[:2]] == ["wire-1", f"{FIXTURES / 'batch.jsonl'}:line 2"]
    assert ok[1].title == "Germany pledges air defense"
    assert "Odesa" in ok[2].text and ok[2].published == dt.date(2023, 7, 23)
    assert [(f.where, "malformed JSON" in f.reason or "no 'text'" in f.reason) for f in bad] == [("line 3", True), ("line 5", True)]


def test_csv_batch():
    items = list(iter_batch(FIXTURES / "batch.csv"))
    assert isinstance(items[0], type(load_article("x y z said the minister on Monday.")))
    assert items[0].source == "csv-1" and "Kharkiv" in items[0].text
    assert isinstance(items[1], Failure) and items[1].where == "row 3"


def test_csv_without_text_column(tmp_path: Path):
    p = tmp_path / "x.csv"
    p.write_text("title,body\na,b\n", encoding="utf-8")
    (item,) = list(iter_batch(p))
    assert isinstance(item, Failure) and "no 'text' or 'html' column" in item.reason


def test_rss_feed(tmp_path: Path):
    p = tmp_path / "feed.rss"
    p.write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
        <item><title>Strike on Lviv</title><link>https://example.org/a</link>
        <pubDate>Sat, 10 Sep 2022 10:00:00 GMT</pubDate>
        <description>&lt;p&gt;LVIV, Ukraine (AP) — A missile hit an energy facility in Lviv on Saturday, the mayor said.&lt;/p&gt;</description></item>
        </channel></rss>""",
        encoding="utf-8",
    )
    (art,) = list(iter_batch(p))
    assert art.title == "Strike on Lviv" and art.url == "https://example.org/a"
    assert art.published == dt.date(2022, 9, 10) and "Lviv" in art.text


def test_malformed_rss(tmp_path: Path):
    p = tmp_path / "feed.xml"
    p.write_text("<rss><channel><item>", encoding="utf-8")
    (item,) = list(iter_batch(p))
    assert isinstance(item, Failure) and "malformed RSS" in item.reason


def test_wrong_language_is_refused_with_advice():
    with pytest.raises(InputError, match="--language en"):
        make_article("Les troupes russes se sont retirées de la ville samedi, a déclaré le porte-parole du ministère.")
    with pytest.raises(InputError, match="'pl'"):
        make_article("Rosyjskie wojska wycofały się z miasta w sobotę, powiedział rzecznik ministerstwa obrony na konferencji.")


def test_german_ukrainian_russian_are_read_with_a_warning():
    for text, lang in (("Російські війська відступили з Ізюма в суботу, повідомили українські посадовці міста.", "uk"),
                       ("Российские войска отступили из Изюма в субботу, сообщили украинские чиновники.", "ru"),
                       ("Die russischen Truppen haben sich aus der Stadt zurückgezogen, sagte der Sprecher am Samstag.", "de")):
        art = make_article(text)
        assert art.language == lang
        assert any(w.startswith(f"read without a parser for '{lang}'") and "acting and targeted groups from case endings" in w
                   for w in art.warnings)


def test_language_can_be_forced():
    art = make_article("Die Truppen sind in der Stadt, sagte der Sprecher am Samstag zu den Journalisten.", language="en")
    assert art.language == "en"


def test_missing_publication_date_is_a_warning():
    art = make_article("KYIV (AP) — Troops moved on Monday, the ministry said.")
    assert art.published is None
    assert any("--published" in w for w in art.warnings)


def test_only_boilerplate_is_refused():
    with pytest.raises(InputError, match="no article text"):
        make_article("Leave a Reply\n\nYour email address will not be published.")


def test_empty_html():
    with pytest.raises(InputError):
        load_article("<html><body><nav>Home</nav></body></html>")


def test_header_line_gives_publication_date_and_dateline():
    from dateline.ingest import make_article
    art = make_article("Drones hit depot\n\nMarch 14, 2024 | Evening Courier\n\nODESA, Ukraine (AP) — Drones hit a fuel depot "
                       "on the edge of the city overnight, the governor said.")
    assert art.title == "Drones hit depot"
    assert str(art.published) == "2024-03-14" and art.published_from == "text"
    assert art.dateline is not None and art.dateline.place == "Odesa"


def test_jsonl_fields_of_the_wrong_type_fail_their_line(tmp_path: Path):
    text = load_article(EXAMPLE).text
    p = tmp_path / "typed.jsonl"
    p.write_text("\n".join([
        json.dumps({"text": text, "title": {"nested": 1}}),
        json.dumps({"text": text, "url": ["https://example.org"]}),
        json.dumps({"text": 12345}),
        json.dumps([{"text": text}]),
        json.dumps({"text": text, "published": "2023-06-09"}),
    ]) + "\n", encoding="utf-8")
    items = list(iter_batch(p))
    reasons = [i.reason if isinstance(i, Failure) else None for i in items]
    assert "field 'title' is a JSON dict" in reasons[0] and "field 'url' is a JSON list" in reasons[1]
    assert "field 'text' is a JSON int" in reasons[2]
    assert "JSON array" in reasons[3] and "jq -c" in reasons[3]
    assert reasons[4] is None and items[4].published == dt.date(2023, 6, 9)


def test_batch_decoding_warning_reaches_each_record(tmp_path: Path):
    p = tmp_path / "latin1.csv"
    body = "KYIV, Ukraine (AP) -- Troops entered the town on Saturday, the ministry said near the Caf\xe9 Europa."
    p.write_bytes(f'title,text\nA,"{body}"\nB,"{body} Again."\n'.encode("latin-1"))
    arts = list(iter_batch(p))
    assert len(arts) == 2 and all(isinstance(a, type(load_article(body))) for a in arts)
    assert all(any("not valid UTF-8" in w for w in a.warnings) for a in arts)


def test_unreadable_file_is_an_input_error(tmp_path: Path, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text("KYIV, Ukraine (AP) — Troops advanced on Monday, officials said.", encoding="utf-8")
    real_open = Path.open

    def deny(self, *a, **k):  # chmod 000 does not stop root, so refuse the way the kernel would
        if self == p:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *a, **k)

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputError, match="cannot read .*locked.txt: Permission denied; check the file's permissions"):
        load_article(p)


def test_batch_records_take_language_and_size_options(tmp_path: Path):
    french = ("Le président a déclaré mardi que les troupes se retireraient de la ville. Les combats continuent "
              "dans la région depuis plusieurs semaines, selon les autorités locales.")
    p = tmp_path / "fr.jsonl"
    p.write_text(json.dumps({"text": french}) + "\n", encoding="utf-8")
    (refused,) = list(iter_batch(p))
    assert isinstance(refused, Failure) and "--language en" in refused.reason
    (forced,) = list(iter_batch(p, language="en"))
    assert not isinstance(forced, Failure) and forced.language == "en"
    (big,) = list(iter_batch(p, language="en", max_bytes=100))
    assert isinstance(big, Failure) and "--max-bytes" in big.reason
