"""Resolve date expressions against the article's publication date.

Stage ``events.dates.v1``.  News convention differs from a calendar parser's:

* a bare weekday ("Saturday", "on Friday", "Saturday night") is the most recent such
  day *on or before* publication — the dateline day itself included;
* a bare month ("in February") is the most recent such month not after publication;
* "this week" is the week of publication, Monday to the publication day;
* a bare number is a date only when it is a plausible year ("in 2014"), never "45".

Every resolution carries a precision (day / week / month / year) and the rule that
made it.  Spans that name a duration ("almost seven months", "for weeks") or are too
vague stay unresolved (``value=None``) with their rule — nothing is invented.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable

from dateline.model import Article, DateMention, Parse
from dateline.nlp.spans import TIME_ZONES

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH_RX = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR_MIN, _YEAR_MAX = 1900, 2100

#: Date expressions the small NER model tends to miss.
_EXTRA_RE = re.compile(
    r"\b(overnight|earlier this (?:week|month|year)|(?:later|late|early) this (?:week|month|year)|"
    r"(?:over |in )?the (?:past|last) (?:week|month|year)|this (?:week|month|year)|last (?:week|month|year|night)|"
    r"(?:in )?recent (?:days|weeks|months)|yesterday|today|tomorrow)\b",
    re.IGNORECASE,
)

_DURATION_RE = re.compile(
    r"^(almost|nearly|about|around|more than|less than|over|some|for|after|within|the)?\s*"
    r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few|a few|\w+-)"
    r"[\w -]*\b(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b(\s+(long|old|ago))?$",
    re.IGNORECASE,
)
_AGO_RE = re.compile(r"^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago$", re.I)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}


#: A clock time before the day it falls on ("about 08:45 this morning", "at 9 p.m. Sunday"): the day dates it.
_CLOCK_FIRST = re.compile(r"^(?:(?:about|around|at|shortly after|just after|just before|before|after|until) )?"
                          r"\d{1,2}(?:[:.]\d{2}(?: ?[ap]\.?m\.?)?| ?[ap]\.?m\.?)"
                          rf"(?: (?:{'|'.join(sorted(z.lower() for z in TIME_ZONES))})\b)?,? (?=[a-z])")
#: A weekday before the calendar date it names ("Tuesday 29 March 2022", "Tuesday, March 29").
_WEEKDAY_FIRST = re.compile(r"^(?:" + "|".join(WEEKDAYS) + rf"),? (?=\d|(?:{_MONTH_RX})\b)")


def _clean(text: str) -> str:
    s = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))
    s = re.sub(r"^(on|in|since|by|until|from|during|at|of|as of)\s+", "", s)
    s = _CLOCK_FIRST.sub("", s)
    s = re.sub(r"^(on|in|by|at)\s+", "", s)
    s = _WEEKDAY_FIRST.sub("", s)
    s = re.sub(r"\b(night|morning|evening|afternoon)\b", "", s).strip()
    return s


def _weekday(s: str, pub: dt.date) -> tuple[dt.date, str] | None:
    m = re.fullmatch(r"(?:(last|this|next|early|late)\s+)?(" + "|".join(WEEKDAYS) + r")", s)
    if not m:
        return None
    target = WEEKDAYS.index(m.group(2))
    back = (pub.weekday() - target) % 7
    if m.group(1) == "next":
        return pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7), "weekday-next"
    if m.group(1) == "last" and back == 0:
        back = 7
    return pub - dt.timedelta(days=back), "weekday-on-or-before-publication"


def _month_day(s: str, pub: dt.date | None) -> tuple[dt.date, str, str] | None:
    which = re.search(r" (last|this|next) year$", s)  # "Oct. 8 last year"
    s = s[: which.start()] if which else s
    m = re.fullmatch(rf"({_MONTH_RX})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?", s) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_RX})\.?(?:,? (\d{{4}}))?", s
    )
    if not m:
        return None
    a, b, year = m.groups()
    month, day = (MONTHS[a], int(b)) if a in MONTHS else (MONTHS[b], int(a))
    if year:
        y = int(year)
    elif which and pub:
        y = pub.year + {"last": -1, "this": 0, "next": 1}[which.group(1)]
    elif pub:
        y = pub.year if (month, day) <= (pub.month, pub.day + 1) else pub.year - 1
    else:
        return None
    try:
        return dt.date(y, month, day), "day", "month-day" if not year else "full-date"
    except ValueError:
        return None


def _month(s: str, pub: dt.date | None) -> tuple[dt.date, dt.date, str] | None:
    m = re.fullmatch(rf"(?:(early|mid|late|last|this|earlier)[- ])?({_MONTH_RX})\.?(?:,? (\d{{4}}))?"
                     rf"(?: (?P<which>last|this|next) year)?", s)
    if not m:
        return None
    month = MONTHS[m.group(2)]
    if m.group(3):
        y = int(m.group(3))
    elif m.group("which") and pub:  # "July last year", "in March this year"
        y = pub.year + {"last": -1, "this": 0, "next": 1}[m.group("which")]
    elif pub:
        y = pub.year if month <= pub.month else pub.year - 1
    else:
        return None
    first = dt.date(y, month, 1)
    nxt = dt.date(y + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1), "month"


def _relative(s: str, pub: dt.date) -> tuple[dt.date, dt.date, str, str] | None:
    monday = pub - dt.timedelta(days=pub.weekday())
    table = {
        "today": (pub, pub, "day"),
        "tonight": (pub, pub, "day"),
        "this": (pub, pub, "day"),  # "this morning", "this afternoon" (the part of the day is cleaned off)
        "earlier today": (pub, pub, "day"),
        "later today": (pub, pub, "day"),
        "yesterday": (pub - dt.timedelta(days=1), pub - dt.timedelta(days=1), "day"),
        "tomorrow": (pub + dt.timedelta(days=1), pub + dt.timedelta(days=1), "day"),
        "overnight": (pub, pub, "day"),
        "last": (pub - dt.timedelta(days=1), pub - dt.timedelta(days=1), "day"),  # "last night"
        "this week": (monday, pub, "week"),
        "earlier this week": (monday, pub, "week"),
        "early this week": (monday, pub, "week"),
        "later this week": (pub, monday + dt.timedelta(days=6), "week"),
        "late this week": (pub, monday + dt.timedelta(days=6), "week"),
        "the past week": (pub - dt.timedelta(days=7), pub, "week"),
        "the last week": (pub - dt.timedelta(days=7), pub, "week"),
        "over the past week": (pub - dt.timedelta(days=7), pub, "week"),
        "last week": (monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), "week"),
        "this month": (pub.replace(day=1), pub, "month"),
        "earlier this month": (pub.replace(day=1), pub, "month"),
        "the past month": (pub - dt.timedelta(days=30), pub, "month"),
        "last month": ((pub.replace(day=1) - dt.timedelta(days=1)).replace(day=1), pub.replace(day=1) - dt.timedelta(days=1), "month"),
        "this year": (pub.replace(month=1, day=1), pub, "year"),
        "earlier this year": (pub.replace(month=1, day=1), pub, "year"),
        "last year": (dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31), "year"),
        "the past year": (pub - dt.timedelta(days=365), pub, "year"),
    }
    hit = table.get(s)
    if hit:
        return hit[0], hit[1], hit[2], "relative:" + s
    m = _AGO_RE.match(s)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1).lower()]
        unit = m.group(2).lower()
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        d = pub - dt.timedelta(days=days)
        return d, d, "day" if unit == "day" else unit, "ago"
    return None


def resolve_date_text(text: str, published: dt.date | None) -> tuple[str | None, str | None, str | None, str]:
    """Resolve one date expression; return (value, end_value, precision, rule)."""
    s = _clean(text)
    if not s:
        return None, None, None, "empty"
    if re.fullmatch(r"\d{4}", s):
        y = int(s)
        if _YEAR_MIN <= y <= _YEAR_MAX:
            return f"{y}-01-01", f"{y}-12-31", "year", "year"
        return None, None, None, "number-not-a-year"
    if re.fullmatch(r"[\w-]+-(year|month|week|day)s?-old", s):
        return None, None, None, "age-not-a-date"
    if re.fullmatch(r"[\d.,]+", s):
        return None, None, None, "number-not-a-year"
    md = _month_day(s, published)
    if md:
        return md[0].isoformat(), md[0].isoformat(), md[1], md[2]
    mo = _month(s, published)
    if mo:
        return mo[0].isoformat(), mo[1].isoformat(), "month", mo[2]
    if published is None:
        return None, None, None, "relative-without-publication-date"
    wd = _weekday(s, published)
    if wd:
        return wd[0].isoformat(), wd[0].isoformat(), "day", wd[1]
    rel = _relative(s, published)
    if rel:
        return rel[0].isoformat(), rel[1].isoformat(), rel[2], rel[3]
    if _DURATION_RE.match(s) or re.search(r"\b(weeks|months|years|days|decades)\b", s):
        return None, None, None, "duration-or-vague"
    return None, None, None, "unrecognised"


#: A month name just before a span NER tagged DATE without it ("On Aug [19 last year]").
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
                           + r")\.?\s+$")  # capitalised: "may 19" is no date


def _candidate_spans(article: Article, parse: Parse) -> Iterable[tuple[str, int, int]]:
    seen: list[tuple[int, int]] = []
    text = article.text
    for m in parse.mentions:
        if m.label in ("DATE", "TIME"):
            start = m.start
            if m.text[:1].isdigit() and (mb := _MONTH_BEFORE.search(text, max(0, m.start - 12), m.start)):
                start = mb.start()
            seen.append((start, m.end))
            yield text[start:m.end] if start != m.start else m.text, start, m.end
    for rx in _EXTRA_RE.finditer(article.text):
        if not any(s <= rx.start() < e or s < rx.end() <= e for s, e in seen):
            yield rx.group(0), rx.start(), rx.end()


_WEEKDAY_RX = "|".join(WEEKDAYS)
#: A line that is nothing but a day ("MONDAY, 10 MARCH", "Tuesday 11 March 2025", "March 12", "Wednesday"): the
#: section heading of a timeline or a live page.
_DAY_LINE = re.compile(
    rf"^[ \t#*>]*(?:(?:(?:{_WEEKDAY_RX}),?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_RX})\.?"
    rf"|(?:{_MONTH_RX})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?|(?:{_WEEKDAY_RX}))[ \t:.*]*$",
    re.IGNORECASE | re.MULTILINE)


def day_headings(text: str, published: dt.date | None, after: int = 0) -> tuple[DateMention, ...]:
    """Return the day heading lines of a text (``_DAY_LINE``) at or after offset ``after``, each resolved to its day.

    A timeline or a live page puts "MONDAY, 10 MARCH" over the entries of that day; what they say relative to
    "today" ("overnight", "on Sunday", a bare clock time) counts from that day, not from the publication date.
    """
    out = []
    for m in _DAY_LINE.finditer(text, after):
        line = m.group(0).strip(" \t#*>:.")
        value, end_value, precision, rule = resolve_date_text(line, published)
        if value is not None and precision == "day":
            start = m.start() + m.group(0).index(line)
            out.append(DateMention(text=line, start=start, end=start + len(line), value=value, end_value=end_value,
                                   precision="day", rule="heading:" + rule))
    return tuple(out)


def resolve_dates(article: Article, parse: Parse) -> tuple[DateMention, ...]:
    """Resolve every DATE/TIME span (and the expressions NER misses) of the article.

    A day heading line (``day_headings``, below the dateline when there is one) is one mention, and the spans
    below it resolve against its day instead of the publication date.
    """
    heads = day_headings(article.text, article.published, article.dateline.start if article.dateline else 0)
    out = list(heads)
    for text, start, end in _candidate_spans(article, parse):
        if any(h.start <= start < h.end for h in heads):
            continue
        above = [h for h in heads if h.end <= start]
        anchor = dt.date.fromisoformat(above[-1].value) if above and above[-1].value else article.published
        value, end_value, precision, rule = resolve_date_text(text, anchor)
        out.append(DateMention(text=text, start=start, end=end, value=value, end_value=end_value, precision=precision, rule=rule))
    out.sort(key=lambda d: d.start)
    return tuple(out)


def date_near(
    dates: tuple[DateMention, ...], start: int, end: int, *, window: int = 0, pos: int | None = None
) -> DateMention | None:
    """Return the resolved date span inside [start-window, end+window), nearest first.

    Args:
        dates: resolved date mentions.
        start: start of the sentence.
        end: end of the sentence.
        window: characters searched beyond the sentence.
        pos: the trigger's offset; when given, the date nearest the trigger wins inside
            the sentence ("recaptured on Saturday the hub Russia took in February").
    Returns:
        The chosen date mention, or None.
    """
    best = None
    for d in dates:
        if d.value and d.start >= start - window and d.end <= end + window:
            inside = start <= d.start < end
            dist = (abs(d.start - pos) if pos is not None else 0) if inside else min(abs(d.start - start), abs(d.end - end)) + (end - start)
            if best is None or dist < best[0]:
                best = (dist, d)
    return best[1] if best else None



#: A time that points back at a day just named: "that night", "the same day", "hours later", "the next morning".
_ANAPHORIC = re.compile(r"\b(?:(?:that|the same|that same)\s+(?P<same>day|night|morning|afternoon|evening)|"
                        r"(?:hours|minutes)\s+later|"
                        r"(?:the\s+)?(?:next|following)\s+(?P<next>day|morning|night))\b", re.I)
#: How far back (characters) the day pointed at may be named: the previous sentence or two.
#: Set from wire style, not tuned on a corpus.
ANAPHORIC_CHARS = 400


def anaphoric_date(text: str, dates: tuple[DateMention, ...], start: int) -> DateMention | None:
    """Return the date "that night" / "the next day" in ``text`` points back to, or None.

    The day is the last day-precise date named before ``start`` (at most ANAPHORIC_CHARS back);
    "the next/following day" is the day after it.

    Args:
        text: the sentence.
        dates: the article's resolved date mentions.
        start: the sentence's offset in the article.
    Returns:
        A DateMention spanning the anaphoric phrase, with rule "anaphoric", or None.
    """
    m = _ANAPHORIC.search(text)
    if m is None:
        return None
    before = [d for d in dates if d.value and d.precision == "day" and d.end <= start and start - d.end <= ANAPHORIC_CHARS]
    if not before:
        return None
    day = dt.date.fromisoformat(before[-1].value[:10]) + dt.timedelta(days=1 if m.group("next") else 0)
    return DateMention(text=m.group(0), start=start + m.start(), end=start + m.end(), value=day.isoformat(),
                       end_value=day.isoformat(), precision="day", rule="anaphoric")


#: A time stamp line of a live page or timeline ("09:20", "17:10 EEST").
_CLOCK_LINE = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:[A-Za-z]{2,6}|\([A-Za-z][\w .-]{1,20}\)))?$")
#: Most words in a line read as a section heading ("Catch up: what happened on Tuesday", "09:20").
HEADING_MAX_WORDS = 10


def heading_date(article_text: str, dates: tuple[DateMention, ...], start: int) -> DateMention | None:
    """Return the day a section heading above the sentence names ("Catch up: what happened on Tuesday"), or None.

    Live pages and round-ups scope their paragraphs by short heading lines.  Looking back from the
    sentence's paragraph, the first heading line decides: its day-precise date, if it names one; a heading
    with no date ends the search, except a time stamp ("17:10") below a day heading line (``day_headings``).

    Args:
        article_text: the article text.
        dates: the article's resolved date mentions.
        start: the sentence's offset in the article.
    """
    pos = article_text.rfind("\n", 0, start)
    while pos > 0:
        prev = article_text.rfind("\n", 0, pos)
        line = article_text[prev + 1:pos].strip()
        if line and len(line.split()) <= HEADING_MAX_WORDS and not line.endswith((".", "!", "?", '"', "”", ":")):
            if _CLOCK_LINE.match(line) and any(d.value and d.precision == "day" and d.rule.startswith("heading:")
                                               and d.end <= prev for d in dates):
                pos = prev
                continue  # "17:10" under "MONDAY, 10 MARCH": the day heading above dates the entry
            a = prev + 1
            day = next((d for d in dates if d.value and d.precision == "day" and a <= d.start and d.end <= pos), None)
            return day
        pos = prev
    return None


#: A fronted time adverbial that sets the scene for what follows in its paragraph: "Late on Sunday, settlers moved
#: through the town. One man was shot dead in a village nearby." (the killing is Sunday's).  At most these words
#: before the date in its sentence ("Late on", "Early on", "On").
FRAME_PREFIX = re.compile(r"(?:(?:late|early|later|earlier)\s+)?(?:on|in the early hours of|by)?\s*$", re.I)


def frame_date(article_text: str, dates: tuple[DateMention, ...], start: int) -> DateMention | None:
    """Return the day a fronted time adverbial earlier in the sentence's paragraph sets, or None.

    The date must open its sentence ("Late on Sunday, ...", after at most FRAME_PREFIX's words), name a day, and be
    the last date named in the paragraph before ``start`` (a later date ends the frame).

    Args:
        article_text: the article text.
        dates: the article's resolved date mentions.
        start: the sentence's offset in the article.
    """
    para = article_text.rfind("\n", 0, start) + 1
    before = [d for d in dates if para <= d.start and d.end <= start]
    if not before:
        return None
    d = before[-1]
    if not d.value or d.precision != "day":
        return None
    stop = max(article_text.rfind(". ", para, d.start), article_text.rfind(".\u201d ", para, d.start),
               article_text.rfind('." ', para, d.start))
    opening = article_text[(stop + 2 if stop >= 0 else para):d.start].strip(' "\u201c')
    after = article_text[d.end:d.end + 2]
    if not FRAME_PREFIX.fullmatch(opening) or not after.startswith(","):
        return None
    return dataclasses.replace(d, rule="frame")


_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
#: "..., a day after ...", "two days before ...": the clause after it happened that many days off the date named.
_OFFSET = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|\d)\s+days?\s+(?P<dir>after|before)\b", re.I)


def offset_date(text: str, date: DateMention, pos: int) -> DateMention:
    """Return the date of an event told in a "<date>, a day after <event>" clause: the named day minus the offset.

    Only when the phrase stands between the date and the event's trigger (``pos``), so "a day after
    the ceasefire" said before the date changes nothing.

    Args:
        text: the article text.
        date: the date chosen for the event.
        pos: the offset of the event's trigger.
    """
    if not date.value or date.precision != "day" or pos <= date.end:
        return date
    m = None
    for m in _OFFSET.finditer(text, date.end, pos):
        pass
    if m is None or pos - m.end() > OFFSET_MAX_CHARS:
        return date
    n = _COUNT_WORDS.get(m.group("n").lower()) or int(m.group("n"))
    day = dt.date.fromisoformat(date.value[:10]) + dt.timedelta(days=-n if m.group("dir").lower() == "after" else n)
    return dataclasses.replace(date, value=day.isoformat(), end_value=day.isoformat(), rule="offset")


#: Longest stretch between "a day after" and the event's trigger it dates ("a day after the first strikes
#: and raids killed"). Set by judgement.
OFFSET_MAX_CHARS = 80
