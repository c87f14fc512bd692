"""Read the header lines web articles put above the story: bylines, dates, desks and places.

Web copies of wire stories often carry one or two header lines between the headline and
the dateline, their fields split by a pipe or by commas:

    By Jane Doe | Kharkiv | 6 June 2023
    Kharkiv • 06.06.2023 • 10:14 | Frontline desk | Author: Jane Doe
    UKRAINE › SECURITY | Filed: 06.06.2023, 17:40 (Kyiv time) | Dispatch no. 12 | Reporter: Jane Doe
    By Jane Doe, Kharkiv, June 6, 2023
    Kharkiv | June 6, 2023
    June 6, 2023 | Global Newsline | 4 min read
    March 2, 2024 by News Desk | 3 min read

:func:`parse_header` reads one such line into a :class:`Header`; every field must be one
of the known kinds (a byline "By NAME", a date, a reading time, a "Published:" stamp, a
desk or outlet label, or a place), and the line must hold a date or a byline, so a
headline with a pipe ("Ukraine war | what we know") or a sentence is not a header.

A *place* field is a short run of capitalised words that names no desk, outlet or staff
("Chiang Mai", "KYIV"); it is where the reporter filed from, which is what a dateline
says.  Without a gazetteer here the test is by form only: "Global Newsline" is an outlet
because of "News", "Europe desk" because of "desk".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The longest line read as a header; longer lines are story text.  Set from the header
#: lines of web news pages (under 100 characters), not tuned on a corpus.
MAX_HEADER_CHARS = 160
#: Most words a place field may have ("Rio de Janeiro", "Bandar Seri Begawan").
MAX_PLACE_WORDS = 4
#: Most place fields in one header ("By X | Kharkiv, Ukraine | date" has two); more is a list of names.
MAX_PLACE_FIELDS = 2
#: Most words of a desk or outlet label ("Kyiv Independent news desk").
MAX_LABEL_WORDS = 6

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_TIME = (r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2})?)?"
         r"(?:\s*\([A-Z][\w ]{0,20}\))?)?")  # "17:40 (Juba time)"
#: A full date with a year: "June 6, 2023", "6 June 2023", "2023-06-06", "06.06.2023" (day first, as Ukrainian,
#: Russian and German sites write it), with an optional weekday and time.
_DATE = re.compile(
    rf"{_WEEKDAY}(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}){_TIME}",
)
#: A field that is a clock time alone ("10:14", "9.30 am"): the time of the date beside it.
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?$")
#: Field separators of a header line: pipes, and bullets or middle dots between spaces ("Kyiv • 18.09.2023").
_SEPARATOR = re.compile(r"\||\s[•·]\s")
_STAMP = re.compile(r"^(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified|filed)(?:\s+on)?\s*:?\s*)", re.I)
#: A section path ("SOUTH SUDAN › SECURITY › UPPER NILE", "Home > News > World"): the site's menu, a label.
_BREADCRUMB = re.compile(r"\S\s*(?:›|»|>)\s*\S")
#: An issue or dispatch number ("Dispatch no. 0412", "No. 17", "Issue #3"): a label.
_NUMBER_LABEL = re.compile(r"^(?:[A-Z][a-z]+\s+)?(?:no\.?|nr\.?|#)\s*\d+$", re.I)
_READING = re.compile(r"^\d{1,3}\s*(?:-|\s)?\s*min(?:ute)?s?\.?\s+read$", re.I)
_BY = re.compile(r"^(?:[Bb]y|(?:[Aa]uthors?|[Ww]ritten by|[Tt]ext|[Rr]eporter|[Cc]orrespondent)\s*:)\s+(?P<who>\S.*)$")
_DATE_BY = re.compile(rf"^(?P<date>{_DATE.pattern})\s+by\s+(?P<who>\S.*)$")
#: Words that make a field a desk, outlet or staff label rather than a place.
_LABEL_WORDS = re.compile(
    r"(?i)(news|desk|staff|reporter|writer|editor|correspondent|bureau|team|service|analysis|opinion|"
    r"newsroom|press|media|times|post|herald|journal|daily|weekly|independent|agency|wire|online|live|"
    r"report|review|magazine|tribune|gazette|world|global|security|politics|business|edition|reuters|afp|\bap\b)")
_CAP_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.-]*|de|da|do|del|al|el|la|le|on|upon|am|an)$")
_PERSON = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+|de|van|von|al|bin|and|&)){0,5}$")
_NOT_NAME = re.compile(rf"(?i)^(?:{_MONTHS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the|this|that|then|now|"
                       r"late|early|midday|noon|dawn|nightfall)\b")


@dataclass(frozen=True)
class Header:
    """One header line's fields; offsets are into the text given to :func:`parse_header`."""

    author: str | None
    place: str | None
    place_start: int | None
    place_end: int | None
    date: str | None
    start: int
    end: int


def _fields(line: str) -> list[tuple[int, str]]:
    """Split a header line into (offset, field) pairs, by pipes or bullets, else by commas around a trailing date."""
    if _SEPARATOR.search(line):
        out, pos = [], 0
        for m in [*_SEPARATOR.finditer(line), None]:
            part = line[pos:m.start() if m else len(line)]
            lead = len(part) - len(part.lstrip())
            out.append((pos + lead, part.strip()))
            pos = m.end() if m else len(line)
        return [(o, f) for o, f in out if f]
    m = _DATE.search(line)
    if not m or line[m.end():].strip():
        return [(0, line.strip())]
    head = line[: m.start()].rstrip(" ,;")
    out, pos = [], 0
    for part in head.split(","):
        lead = len(part) - len(part.lstrip())
        if part.strip():
            out.append((pos + lead, part.strip()))
        pos += len(part) + 1
    return out + [(m.start(), m.group(0))]


def _is_place(field: str) -> bool:
    """Return True if a field has the form of a place name: a few capitalised words, no desk word."""
    words = field.replace(",", " ").split()
    if not words or len(words) > MAX_PLACE_WORDS or _LABEL_WORDS.search(field) or _NOT_NAME.match(field):
        return False
    return all(_CAP_WORD.match(w) for w in words) and _CAP_WORD.match(words[0]) is not None and words[0][0].isupper()


def _is_label(field: str) -> bool:
    """Return True if a field is a short desk, outlet or section label ("World Desk", "Weekly analysis")."""
    words = field.split()
    return 0 < len(words) <= MAX_LABEL_WORDS and not field.endswith((".", "!", "?")) and (
        bool(_LABEL_WORDS.search(field)) or all(w[:1].isupper() or w in ("and", "&", "of") for w in words))


def masthead(line: str) -> bool:
    """Return True for a masthead line above the header ("NILE DISPATCH · English service"): a few fields of an
    outlet's name and edition, split by bullets or pipes, with no date or byline of their own."""
    fields = [f for _, f in _fields(line)] if _SEPARATOR.search(line) else []
    return (1 < len(fields) <= MAX_PLACE_FIELDS + 1 and len(line) <= MAX_HEADER_CHARS and all(_is_label(f) for f in fields)
            and any(_LABEL_WORDS.search(f) for f in fields))


def _person(who: str) -> str | None:
    """Return the byline's name part ("Jane Doe" of "Jane Doe and John Roe"), or None if it is no name."""
    who = who.strip()
    if _NOT_NAME.match(who) or not (_PERSON.match(who) or _LABEL_WORDS.search(who)):
        return None
    return who if len(who.split()) <= MAX_LABEL_WORDS else None


def parse_header(line: str) -> Header | None:
    """Read one header line ("By Jane Doe | Kharkiv | June 6, 2023"), or return None if it is not one.

    Args:
        line: one line of text, without its newline.
    Returns:
        The byline name, the place field (with offsets into ``line``) and the first date text, or None
        when a field is of no known kind or the line holds neither a date nor a byline.
    """
    if not line.strip() or len(line) > MAX_HEADER_CHARS or line.rstrip().endswith((".", "!", "?", ":", ";")):
        return None
    author = place = date = None
    span: tuple[int, int] | None = None
    fields = _fields(line)
    places = []
    for off, field in fields:
        field = _STAMP.sub("", field)
        if not field:
            continue  # "Published On" before the date
        if (m := _DATE_BY.match(field)) is not None and (who := _person(m.group("who"))):
            date, author = date or m.group("date"), author or who
        elif (m := _BY.match(field)) is not None:
            if (who := _person(m.group("who"))) is None:
                return None
            author = author or who
        elif _DATE.fullmatch(field):
            date = date or field
        elif _READING.match(field) or _CLOCK.match(field) or _NUMBER_LABEL.match(field) or _BREADCRUMB.search(field):
            continue
        elif _is_place(field):
            places.append((off, field))
        elif not _is_label(field) or len(fields) == 1:
            return None
    if (date is None and author is None) or len(places) > MAX_PLACE_FIELDS:
        return None
    if places:
        off, place = places[0]
        span = (off, off + len(place))
    return Header(author, place, span[0] if span else None, span[1] if span else None, date, 0, len(line))


_MONTH_NUMBER = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def header_day(date: str) -> tuple[int, int, int] | None:
    """Return (year, month, day) of a header's date text ("June 6, 2023", "6 June 2023", "2023-06-06").

    Args:
        date: the date text of a :class:`Header` (a dotted date is day first: "18.09.2023").
    Returns:
        The day, or None when the text holds no valid full date.
    """
    if (m := re.search(r"(\d{4})-(\d{2})-(\d{2})", date)) is not None:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif (m := re.search(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", date)) is not None:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        words = re.findall(r"[A-Za-z]+|\d+", date)
        month = next((_MONTH_NUMBER[w[:3].lower()] for w in words if w[:3].lower() in _MONTH_NUMBER
                      and not w.lower().endswith("day")), None)
        nums = [int(w) for w in words if w.isdigit()]
        years = [n for n in nums if n >= 1000]
        days = [n for n in nums if 1 <= n <= 31]
        if month is None or not years or not days:
            return None
        y, mo, d = years[0], month, days[0]
    return (y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None
