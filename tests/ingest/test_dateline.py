import pytest

from dateline.ingest.dateline import parse_credit, parse_dateline, split_credits


@pytest.mark.parametrize(
    "text, place, country, agency",
    [
        ("KYIV, Ukraine (AP) — Russia said", "Kyiv", "Ukraine", "AP"),
        ("MOSCOW (Reuters) - Russia said", "Moscow", None, "Reuters"),
        ("BERLIN — Germany's foreign minister", "Berlin", None, None),
        ("ZAPORIZHZHIA, Ukraine (AP) — Shells", "Zaporizhzhia", "Ukraine", "AP"),
        ("NEW YORK (AFP) – The UN", "New York", None, "AFP"),
        ("KYIV, Ukraine, Sept. 10 (Reuters) - Troops", "Kyiv", "Ukraine", "Reuters"),
        ("ADDIS ABABA/NAIROBI, Aug 15 (Reuters) - An air strike", "Addis Ababa", None, "Reuters"),
        ("DUBAI/BEIRUT, April 1 (Reuters) - Israel", "Dubai", None, "Reuters"),
    ],
)
def test_datelines(text, place, country, agency):
    dl = parse_dateline(text)
    assert dl is not None
    assert (dl.place, dl.country, dl.agency) == (place, country, agency)
    assert text[dl.end:][0].isalpha()


@pytest.mark.parametrize(
    "text",
    ["Russia said on Saturday - that", "Meanwhile - troops moved", "The ministry (AP) said", "UN - short",
     "Either/or - a choice"],
)
def test_not_datelines(text):
    assert parse_dateline(text) is None


def test_credit_contributed():
    c = parse_credit("Associated Press writer Frank Jordans in Berlin contributed to this report.")
    assert c is not None
    assert (c.name, c.place, c.organisation, c.role) == ("Frank Jordans", "Berlin", "Associated Press", "contributed")


def test_credit_reported_from():
    c = parse_credit("Kozlowska reported from London.")
    assert c is not None and (c.name, c.place, c.role) == ("Kozlowska", "London", "reported")


def test_credit_reuters_style():
    c = parse_credit("Reporting by Pavel Polityuk in Kyiv; Editing by Tom Balmforth")
    assert c is not None and c.name.startswith("Pavel Polityuk")


def test_story_sentence_is_not_a_credit():
    assert parse_credit("The governor reported from the scene that two people died.") is None
    assert parse_credit("Ukrainian officials said they had made major gains in the Kharkiv region.") is None


def test_split_credits_takes_only_trailing_credit_paragraphs():
    text = "Body one.\n\nBody two said X.\n\nSmith reported from London. Associated Press writer Ann Lee in Kyiv contributed."
    body, credits = split_credits(text)
    assert body == "Body one.\n\nBody two said X."
    assert [c.name for c in credits] == ["Smith", "Ann Lee"]


# ---- header lines (bylines, date lines) above the story: invented examples
from dateline.ingest.byline import header_day, parse_header  # noqa: E402
from dateline.ingest.dateline import find_dateline  # noqa: E402


@pytest.mark.parametrize(
    "line, author, place, date",
    [
        ("By Marta Hollis | Zhytomyr | 14 March 2024", "Marta Hollis", "Zhytomyr", "14 March 2024"),
        ("By Marta Hollis, Zhytomyr, March 14, 2024", "Marta Hollis", "Zhytomyr", "March 14, 2024"),
        ("ZHYTOMYR | March 14, 2024", None, "ZHYTOMYR", "March 14, 2024"),
        ("March 14, 2024 | Evening News | 6 min read", None, None, "March 14, 2024"),
        ("March 14, 2024 by Foreign Desk | 2 min read", "Foreign Desk", None, "March 14, 2024"),
        ("Published: 14 March 2024 | Updated: 15 March 2024, 09:10 EET", None, None, "14 March 2024"),
        ("by Plains Gazette staff", "Plains Gazette staff", None, None),
        # bullets between the fields, a day-first dotted date, a clock time, an "Author:" byline, an edition label
        ("Zhytomyr • 14.03.2024 • 09:10 | Evening Courier, English edition | Author: Marta Hollis", "Marta Hollis",
         "Zhytomyr", "14.03.2024"),
        # a section path, a "Filed:" stamp with a local-time note, a dispatch number, a "Reporter:" byline
        ("UKRAINE › SECURITY › ZHYTOMYR | Filed: 14.03.2024, 17:40 (Kyiv time) | Dispatch no. 0412 | Reporter: Marta Hollis",
         "Marta Hollis", None, "14.03.2024, 17:40 (Kyiv time)"),
    ],
)
def test_header_lines(line, author, place, date):
    h = parse_header(line)
    assert h is not None
    assert (h.author, h.place, h.date) == (author, place, date)
    if place:
        assert line[h.place_start:h.place_end] == place


@pytest.mark.parametrize(
    "line",
    [
        "Ukraine war latest | Zelensky visits the front",  # a headline with a pipe
        "Live updates | Russian drones strike Zhytomyr",
        "Officials said | March 14, 2024",
        "Troops left Zhytomyr on March 14, 2024.",  # a sentence
        "By Tuesday, Zhytomyr had lost power, March 14, 2024",
        "By the end of March 14, 2024, troops had left",
        "By contrast, the garrison held",
        "Zhytomyr | Vinnytsia | Rivne | March 14, 2024",  # a list of names
        "Trending • World • Zhytomyr",  # a menu row: no date, no byline
        "Author: Tuesday's strikes on Zhytomyr | 14.03.2024",  # the byline is no name
    ],
)
def test_not_header_lines(line):
    assert parse_header(line) is None


def test_a_masthead_line_above_the_header_is_read_over():
    from dateline.ingest.byline import masthead
    from dateline.ingest.dateline import header_lines

    assert masthead("STEPPE COURIER · English service") and masthead("Evening Courier | Weekly edition")
    assert not masthead("Ukraine war | what we know") and not masthead("Kyiv · Kharkiv")
    text = ("STEPPE COURIER · English service\nUKRAINE › SECURITY | Filed: 14.03.2024 | Reporter: Marta Hollis\n\n"
            "Drones struck a depot overnight.")
    assert [h.author for _, h in header_lines(text)] == [None, "Marta Hollis"]
    assert header_lines("STEPPE COURIER · English service\n\nDrones struck a depot overnight.") == []  # nothing after


def test_header_day_reads_each_form():
    assert header_day("March 14, 2024 11:42 AM") == (2024, 3, 14)
    assert header_day("Thursday, 14 March 2024, 09:10 EET") == (2024, 3, 14)
    assert header_day("2024-03-14") == (2024, 3, 14)
    assert header_day("04.03.2024") == (2024, 3, 4)  # dotted dates are day first
    assert header_day("31.13.2024") is None


def test_wire_dateline_below_header_lines():
    text = "March 14, 2024 | Evening Courier | 6 min read\n\nBy Marta Hollis\n\nODESA, Ukraine (AP) — Drones hit the port."
    dl = find_dateline(text)
    assert dl is not None and (dl.place, dl.agency) == ("Odesa", "AP")
    assert text[dl.start:dl.start + 5] == "ODESA"


def test_header_place_is_the_dateline_without_a_wire_dateline():
    text = "By Marta Hollis | Zhytomyr | 14 March 2024\n\nDrones struck a depot on the edge of the city overnight."
    dl = find_dateline(text)
    assert dl is not None and dl.place == "Zhytomyr" and dl.agency is None
    assert text[dl.start:dl.end] == "Zhytomyr"


def test_no_dateline_when_the_story_starts_at_once():
    assert find_dateline("Drones struck a depot in Zhytomyr overnight, officials said on Thursday.") is None


def test_a_mixed_case_place_before_an_agency_is_a_dateline():
    d = parse_dateline("Tbilisi (AFP) - Georgian police detained dozens of protesters.")
    assert d is not None and (d.place, d.agency) == ("Tbilisi", "AFP")
    assert parse_dateline("Officials said (AP) - the road was closed.") is None  # lower-case words are a sentence
    assert parse_dateline("Tbilisi - police detained dozens.") is None  # no agency: only an all-caps place


def test_wire_dateline_below_wrapper_lines():
    from dateline.ingest.dateline import find_dateline

    text = ("Trending Now | World News | 4 min read\n\nPORT-AU-PRINCE, Haiti (AP) — Gang members stormed the town.\n")
    dl = find_dateline(text)
    assert dl is not None and dl.place == "Port-Au-Prince" and dl.agency == "AP"
    assert text[dl.start:dl.end].startswith("PORT-AU-PRINCE")
    body = "The town was quiet on Monday, residents said.\n\nKYIV (AP) — later text.\n"
    assert find_dateline(body) is None  # a dateline below a sentence is not the story's


def test_a_masthead_with_a_dash_is_no_dateline_and_the_real_one_is_found_below_the_wrapper():
    from dateline.ingest.dateline import find_dateline

    text = ("NORTHERN LEDGER REVIEW — English edition\n"
            "Home › Region › Security\n\n"
            "┌─ AT A GLANCE ─────────\n"
            "│ • Officer killed in an ambush\n"
            "└───────────────────────\n\n"
            "Monday 25 September 2023 · 10:20 CEST · City bureaus\n\n"
            "VELMORA/TARSK – About 30 armed men ambushed a police patrol early on Sunday, officials said.\n")
    dl = find_dateline(text)
    assert dl is not None and dl.place == "Velmora"
    assert text[dl.start:dl.end].startswith("VELMORA/TARSK")


def test_a_sentence_above_ends_the_search_for_a_dateline():
    from dateline.ingest.dateline import find_dateline

    text = ("Officials met in the capital on Monday to discuss the budget.\n\n"
            "VELMORA – About 30 armed men ambushed a police patrol early on Sunday, officials said.\n")
    assert find_dateline(text) is None
