import datetime as dt

import pytest

from dateline.events.dates import resolve_date_text, resolve_dates

PUB = dt.date(2022, 9, 10)  # a Saturday


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("Saturday", "2022-09-10", "day"),  # the dateline day itself, not a week earlier
        ("on Saturday", "2022-09-10", "day"),
        ("Saturday night", "2022-09-10", "day"),
        ("Friday", "2022-09-09", "day"),
        ("on Friday", "2022-09-09", "day"),
        ("Sunday", "2022-09-04", "day"),
        ("Monday", "2022-09-05", "day"),
        ("last Saturday", "2022-09-03", "day"),
        ("earlier this week", "2022-09-05", "week"),
        ("this week", "2022-09-05", "week"),
        ("last week", "2022-08-29", "week"),
        ("the past week", "2022-09-03", "week"),
        ("in February", "2022-02-01", "month"),
        ("February", "2022-02-01", "month"),
        ("in December", "2021-12-01", "month"),  # the most recent December, not a future one
        ("in 2014", "2014-01-01", "year"),
        ("2014", "2014-01-01", "year"),
        ("Feb. 24", "2022-02-24", "day"),
        ("September 9, 2022", "2022-09-09", "day"),
        ("24 February", "2022-02-24", "day"),
        ("yesterday", "2022-09-09", "day"),
        ("overnight", "2022-09-10", "day"),
        ("two days ago", "2022-09-08", "day"),
        ("earlier this year", "2022-01-01", "year"),
    ],
)
def test_resolved(text, value, precision):
    v, _end, p, rule = resolve_date_text(text, PUB)
    assert (v, p) == (value, precision), rule


@pytest.mark.parametrize(
    "text, rule",
    [
        ("45", "number-not-a-year"),  # "45" is not 1945
        ("30", "number-not-a-year"),
        ("Almost seven months", "duration-or-vague"),
        ("weeks", "duration-or-vague"),
        ("recent weeks", "duration-or-vague"),
        ("62-year-old", "age-not-a-date"),
        ("3000", "number-not-a-year"),
    ],
)
def test_unresolved_stays_unresolved(text, rule):
    v, _end, p, r = resolve_date_text(text, PUB)
    assert v is None and p is None and r == rule


def test_week_range_has_an_end():
    v, end, p, _ = resolve_date_text("earlier this week", PUB)
    assert (v, end, p) == ("2022-09-05", "2022-09-10", "week")


def test_month_range():
    v, end, _, _ = resolve_date_text("in February", PUB)
    assert (v, end) == ("2022-02-01", "2022-02-28")


def test_relative_without_publication_date_is_unresolved():
    v, _, _, rule = resolve_date_text("Saturday", None)
    assert v is None and rule == "relative-without-publication-date"
    # absolute dates still resolve
    assert resolve_date_text("in 2014", None)[0] == "2014-01-01"
    assert resolve_date_text("September 9, 2022", None)[0] == "2022-09-09"


def test_weekday_on_a_sunday_publication():
    pub = dt.date(2022, 9, 11)
    assert resolve_date_text("Saturday", pub)[0] == "2022-09-10"
    assert resolve_date_text("Sunday", pub)[0] == "2022-09-11"


def test_a_month_name_ner_left_out_joins_the_date():
    from dateline.model import Article, Mention, Parse

    text = "On Aug 19 last year a missile hit the square. It may 19 times have been said."
    a, b = text.index("19 last year"), text.index("19 last year") + len("19 last year")
    c = text.index("19 times")
    parse = Parse(tokens=(), sentences=(), mentions=(Mention("19 last year", a, b, "DATE"),
                                                      Mention("19 times", c, c + 8, "DATE")))
    dates = resolve_dates(Article(text=text, published=dt.date(2024, 4, 17)), parse)
    assert [(d.text, d.value) for d in dates][0] == ("Aug 19 last year", "2023-08-19")
    assert dates[1].text == "19 times"  # "may", lower case, is no month
