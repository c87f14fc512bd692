"""Find figures in article text and normalise them to SI.

Stage ``quantities.v1``.  A focused parser rather than a general one: war reporting
uses a small set of units (distances, areas, durations, ages, counts of people and
things), and a general extractor's false positives — a curly quote read as inches,
"a key" read as a thousand exayears — cost more than its coverage gains.

A paired expression, "73 kilometers (45 miles)", is checked by converting one half
into the other: the two are ``consistent`` when the intervals implied by the printed
precision of each figure overlap (73 means 72.5–73.5; 30 means 25–35).
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.model import Article, Quantity
from dateline.quantities.units import COUNT_NOUNS, UNITS, UNIT_RX, Unit

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12,
    "dozens": 24, "hundreds": 200, "a hundred": 100, "a thousand": 1000, "thousands": 2000,
}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORDNUM = r"(?:a dozen|a hundred|a thousand|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|" + "|".join(
    sorted((k for k in _SMALL if " " not in k and k not in ("dozens", "hundreds", "thousands")), key=len, reverse=True)
) + ")"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER_RX = rf"(?:{_DIGITS}|{_WORDNUM})(?:\s+(?:hundred|thousand|million|billion))?"

_QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "about", "around", "approximately",
    "nearly", "almost", "roughly", "some", "over", "under", "an estimated", "as many as", "no fewer than",
)
_QUAL_RX = "|".join(sorted(_QUALIFIERS, key=len, reverse=True))

_MEASURE_RE = re.compile(
    rf"(?<![\w.,])(?:(?P<qual>{_QUAL_RX})\s+)?(?P<num>{NUMBER_RX})(?P<sep>[\s-]+)(?P<unit>{UNIT_RX})(?![\w])(?!-old)",
    re.IGNORECASE,
)
#: Units written glued to digits ("6km", "155mm"): abbreviations only, and not a bare "m",
#: which after digits is as often "million" ("5m people") as metres.
_GLUED_UNITS = sorted((u for u in ("km", "kms", "km2", "km²", "mi", "mi2", "mi²", "ft", "ft2", "ft²", "yd", "m2", "m²",
                                   "ha", "kg", "mm", "cm") if UNITS.lookup(u)), key=len, reverse=True)
#: "6km (4 miles)": digits and an abbreviated unit with no space, not after a currency sign.
_GLUED_RE = re.compile(
    rf"(?<![\w.,$£€])(?:(?P<qual>{_QUAL_RX})\s+)?(?P<num>{_DIGITS})(?P<sep>)(?P<unit>{'|'.join(map(re.escape, _GLUED_UNITS))})"
    rf"(?![\w²])(?!-old)",
    re.IGNORECASE,
)
_AGE_RE = re.compile(rf"(?<![\w.,])(?P<num>{NUMBER_RX})-year-old\b", re.IGNORECASE)
_COUNT_RE = re.compile(
    rf"(?<![\w.,])(?:(?P<qual>{_QUAL_RX})\s+)?(?P<num>{NUMBER_RX})\s+(?:(?:other|more|injured|wounded|dead|"
    rf"ukrainian|russian|local|foreign|civilian|military|enemy|nearby)\s+)?(?P<noun>{'|'.join(COUNT_NOUNS)})\b",
    re.IGNORECASE,
)
_PAIR_GAP_RE = re.compile(r"^[\s\"'”’“]*\(\s*")


def parse_number(text: str) -> float | None:
    """Parse "2,500", "2.5 million", "seventy-three", "a dozen" into a number."""
    s = text.strip().lower().replace(",", "")
    parts = s.split()
    scale = 1
    if len(parts) > 1 and parts[-1] in _SCALE:
        scale = _SCALE[parts[-1]]
        s = " ".join(parts[:-1])
    try:
        return float(s) * scale
    except ValueError:
        pass
    if s in _SMALL:
        return float(_SMALL[s] * scale)
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](\w+)", s)
    if m and m.group(2) in _SMALL:
        return float((_SMALL[m.group(1)] + _SMALL[m.group(2)]) * scale)
    return None


def printed_tolerance(num_text: str) -> float:
    """Half a unit of the last printed digit: "73" → 0.5, "30" → 5, "2,500" → 50, "1.5" → 0.05."""
    s = num_text.strip().lower().replace(",", "")
    if not re.fullmatch(r"\d+(\.\d+)?", s):
        return 0.5
    if "." in s:
        return 0.5 * 10 ** -len(s.split(".")[1])
    zeros = len(s) - len(s.rstrip("0")) if s.strip("0") else 0
    return 0.5 * 10**zeros


def consistent(a: Quantity, a_num: str, b: Quantity, b_num: str) -> bool | None:
    """Check that two quantities of one kind agree within their printed precision."""
    if a.si_value is None or b.si_value is None or a.si_unit != b.si_unit:
        return None
    ua, ub = UNITS[a.unit], UNITS[b.unit]
    lo_a = (a.value - printed_tolerance(a_num)) * ua.factor
    hi_a = (a.value + printed_tolerance(a_num)) * ua.factor
    lo_b = (b.value - printed_tolerance(b_num)) * ub.factor
    hi_b = (b.value + printed_tolerance(b_num)) * ub.factor
    return lo_a <= hi_b and lo_b <= hi_a


def _measure(m: re.Match[str]) -> tuple[Quantity, str] | None:
    value = parse_number(m.group("num"))
    unit: Unit | None = UNITS.lookup(m.group("unit"))
    if value is None or unit is None:
        return None
    qual = (m.group("qual") or "").lower() or None
    return (
        Quantity(
            text=m.group(0),
            start=m.start(),
            end=m.end(),
            value=value,
            unit=unit.name,
            kind=unit.kind,
            si_value=value * unit.factor,
            si_unit=unit.si_unit,
            approximate=qual is not None,
            qualifier=qual,
        ),
        m.group("num"),
    )


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


#: "pounds" is a weight when written as an adjective ("a 500-pound bomb"), before a munition, or in
#: brackets right after a weight ("400 kilograms (880 pounds)"); otherwise it may be money.
_POUND_WEAPON = re.compile(r"^\s*(?:of\s+)?(?:bombs?|warheads?|explosives?|munitions?|shells?|payload|TNT)\b", re.I)
_MASS_BEFORE = re.compile(r"(?:kilograms?|kilos|kg|tonnes?|tons?)\s*\(\s*$", re.I)


def _weight_if_pound(text: str, q: Quantity) -> bool:
    """False for a "pounds" figure that may be money; True for every other measure."""
    if q.unit != "pound":
        return True
    return "-" in q.text or bool(_POUND_WEAPON.match(text[q.end:q.end + 20]) or _MASS_BEFORE.search(text[max(0, q.start - 16):q.start]))


def find_quantities(article: Article) -> tuple[Quantity, ...]:
    """Find measures, ages and counts in the article and check paired conversions."""
    text = article.text
    found: list[tuple[Quantity, str]] = []
    for rx in (_MEASURE_RE, _GLUED_RE):
        for m in rx.finditer(text):
            q = _measure(m)
            if q and not _overlaps([(f.start, f.end) for f, _ in found], q[0].start, q[0].end) and _weight_if_pound(text, q[0]):
                found.append(q)
    taken = [(q.start, q.end) for q, _ in found]
    for m in _AGE_RE.finditer(text):
        value = parse_number(m.group("num"))
        if value is not None and not _overlaps(taken, m.start(), m.end()):
            unit = UNITS["year"]
            found.append((Quantity(m.group(0), m.start(), m.end(), value, "year", "age", value * unit.factor, "s"), m.group("num")))
    taken = [(q.start, q.end) for q, _ in found]
    for m in _COUNT_RE.finditer(text):
        value = parse_number(m.group("num"))
        if value is None or _overlaps(taken, m.start(), m.end()):
            continue
        qual = (m.group("qual") or "").lower() or None
        noun = COUNT_NOUNS[m.group("noun").lower()] if m.group("noun").lower() in COUNT_NOUNS else m.group("noun").lower()
        found.append((Quantity(m.group(0), m.start(), m.end(), value, noun, "count", value, "count", qual is not None, qual), m.group("num")))
    found.sort(key=lambda qn: qn[0].start)
    return tuple(_pair(text, found))


def _pair(text: str, found: list[tuple[Quantity, str]]) -> list[Quantity]:
    """Link "X unit (Y unit)" pairs and set ``consistent`` on both halves."""
    out = [q for q, _ in found]
    for i in range(len(found) - 1):
        (a, a_num), (b, b_num) = found[i], found[i + 1]
        gap = text[a.end : b.start]
        if not _PAIR_GAP_RE.fullmatch(gap) or a.kind != b.kind or a.kind in ("count", "age"):
            continue
        ok = consistent(a, a_num, b, b_num)
        out[i] = replace(out[i], paired_with=b.text, consistent=ok)
        out[i + 1] = replace(out[i + 1], paired_with=a.text, consistent=ok)
    return out
