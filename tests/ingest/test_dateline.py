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
    ],
)
def test_datelines(text, place, country, agency):
    dl = parse_dateline(text)
    assert dl is not None
    assert (dl.place, dl.country, dl.agency) == (place, country, agency)
    assert text[dl.end:][0].isalpha()


@pytest.mark.parametrize(
    "text",
    ["Russia said on Saturday - that", "Meanwhile - troops moved", "The ministry (AP) said", "UN - short"],
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
