import pytest

from dateline.ingest import make_article
from dateline.quantities.parse import find_quantities, parse_number, printed_tolerance


def q(text):
    return find_quantities(make_article(text, published="2022-09-10", language="en"))


def test_paired_distance_consistent():
    a, b = q("The town lies 73 kilometers (45 miles) north of the city, officials said.")
    assert (a.si_value, a.si_unit, a.kind, a.unit) == (73000, "m", "distance", "kilometre")
    assert b.unit == "mile" and b.si_value == pytest.approx(72420.48)
    assert a.consistent is True and b.consistent is True
    assert a.paired_with == "45 miles"


def test_paired_area_with_qualifier_and_closing_quote():
    a, b = q("It said it had taken “more than 1,000 square kilometers” (386 square miles) from the enemy.")
    assert a.si_value == 1e9 and a.si_unit == "m2" and a.qualifier == "more than" and a.approximate
    assert a.consistent is True and b.unit == "square mile"


def test_rounded_pair_within_printed_precision():
    (a, b) = q("Troops advanced 50 kilometers (30 miles) south of the city on Saturday, officials said.")
    assert a.consistent is True  # 50 km = 31.07 mi, and "30" means 25-35


def test_inconsistent_pair_is_flagged():
    a, b = q("The town lies 73 kilometers (54 miles) north of the city, officials said.")
    assert a.consistent is False and b.consistent is False


def test_curly_quote_is_not_inches():
    (a,) = q("It said troops advanced “50 kilometers” into the region on Friday.")
    assert a.unit == "kilometre" and a.si_value == 50000


def test_counts_ages_and_durations():
    out = q("A 62-year-old woman was killed, five civilians were hospitalized and nine others were injured after a four-day shutdown.")
    kinds = [(x.text, x.kind, x.value) for x in out]
    assert ("62-year-old", "age", 62.0) in kinds
    assert ("five civilians", "count", 5.0) in kinds
    assert ("nine others", "count", 9.0) in kinds
    assert ("four-day", "duration", 4.0) in kinds
    assert not any(x.kind == "duration" and x.value == 62 for x in out)


def test_no_false_positives_from_words():
    assert q("A key city fell, and the army may regroup in May, the minister said on Monday.") == ()


@pytest.mark.parametrize(
    "text, value",
    [("2,500", 2500), ("1.5", 1.5), ("seven", 7), ("seventy-three", 73), ("2.5 million", 2_500_000), ("a dozen", 12)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, tol", [("73", 0.5), ("30", 5), ("2,500", 50), ("1.5", 0.05), ("1,000", 500)])
def test_printed_tolerance(text, tol):
    assert printed_tolerance(text) == pytest.approx(tol)


def test_square_feet_pair_with_square_metres():
    a, b = q("The blaze covered 1,500 square metres (16,150 square feet), firefighters said.")
    assert (a.si_value, a.si_unit) == (1500, "m2") and b.unit == "square foot"
    assert b.si_value == pytest.approx(1500.4, rel=1e-3) and a.consistent is True


def test_unit_glued_to_digits_pairs_with_its_conversion():
    qs = find_quantities(make_article("The town lies about 6km (4 miles) from the border and 12km2 of land burned."))
    six = next(q for q in qs if q.text == "about 6km")
    assert six.si_value == 6000 and six.paired_with == "4 miles" and six.consistent is True
    assert any(q.text == "12km2" and q.kind == "area" for q in qs)


def test_glued_m_after_money_or_as_million_is_no_measure():
    qs = find_quantities(make_article("The plan cost $5m and 5m people were displaced."))
    assert not [q for q in qs if q.kind == "distance"]


def test_pounds_are_a_weight_only_where_the_text_says_so():
    a, b = q("The missile carries a warhead of about 400 kilograms (880 pounds).")
    assert b.unit == "pound" and b.kind == "mass" and a.consistent is True
    assert [x.unit for x in q("It dropped a 500-pound bomb on the bridge.")] == ["pound"]
    assert not [x for x in q("The deal was worth 500 million pounds.") if x.unit == "pound"]  # money, not weight
