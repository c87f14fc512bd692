"""Parse a wire story's dateline ("KYIV, Ukraine (AP) —") and its credit lines."""

from __future__ import annotations

import re

from dateline.ingest.byline import Header, masthead, parse_header
from dateline.model import Credit, Dateline

#: How many non-blank header lines (bylines, date lines, desk labels) may stand above a wire dateline.
#: Set from web copies of wire stories (one to three such lines), not tuned on a corpus.
MAX_HEADER_LINES = 3

AGENCIES = {
    "AP": "AP",
    "ASSOCIATED PRESS": "AP",
    "REUTERS": "Reuters",
    "AFP": "AFP",
    "DPA": "dpa",
    "UPI": "UPI",
    "XINHUA": "Xinhua",
    "TASS": "TASS",
    "RIA NOVOSTI": "RIA Novosti",
    "INTERFAX": "Interfax",
    "UKRINFORM": "Ukrinform",
    "ANADOLU": "Anadolu",
    "EFE": "EFE",
    "ANSA": "ANSA",
    "KYODO": "Kyodo",
    "CNN": "CNN",
    "BBC": "BBC",
    "AL JAZEERA": "Al Jazeera",
    "ТАСС": "TASS",
    "РИА НОВОСТИ": "RIA Novosti",
    "ИНТЕРФАКС": "Interfax",
    "ИНТЕРФАКС-УКРАИНА": "Interfax-Ukraine",
    "ІНТЕРФАКС-УКРАЇНА": "Interfax-Ukraine",
    "УКРІНФОРМ": "Ukrinform",
    "УНІАН": "UNIAN",
}

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: A dateline place: capitalised words ("KYIV", "Yerevan (AFP)"); without an agency only an all-caps place counts.
_PLACE = r"[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.\-]*(?:\s[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.\-]*){0,4}?"
_DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:/{_PLACE}){{0,3}}"  # Reuters' joint datelines ("DUBAI/BEIRUT"): the first city is the dateline
    rf"(?:,\s*(?P<country>[A-Z][A-Za-z.'’ ]{{1,30}}?))?"
    rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}))?"
    r"\s*(?:\((?P<agency>[A-Za-z .]{2,20})\))?"
    r"\s*(?P<dash>[—–]|--|-)\s*",
)

#: A Russian or Ukrainian agency dateline: "ОРЁЛ, 3 мая. /ТАСС/.", "МОСКВА, 3 мая — РИА Новости.",
#: "Київ, 3 травня. Укрінформ." (a place, a day and month in words, the agency between slashes or after a dash or
#: full stop).  Only an agency of AGENCIES counts.
_CYRILLIC_DATELINE_RE = re.compile(
    r"^(?P<place>[А-ЯЁІЇЄҐ][А-ЯЁа-яёІіЇїЄєҐґ'’-]+(?:\s[А-ЯЁІЇЄҐ][А-ЯЁа-яёІіЇїЄєҐґ'’-]+)?)[,.]\s*"
    r"(?P<date>\d{1,2}\s+[а-яёіїєґ]{3,}\.?)\s*[.,]?\s*"
    r"(?:/(?P<slashed>[^/\n]{2,30})/|(?:[—–-]\s*)?(?P<named>[А-ЯЁІЇЄҐ][А-ЯЁа-яёІіЇїЄєҐґ-]+(?:\s[А-ЯЁа-яёІіЇїЄєҐґ]+)?))"
    r"\s*[.—–-]?\s*")

_WHO = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
_CREDIT_RES = (
    re.compile(
        rf"^(?P<org>Associated Press|AP|Reuters|AFP)\s+(?:writer|writers|reporter|reporters|correspondent|"
        rf"journalist|photographer)s?\s+(?P<name>{_WHO}(?:\s*(?:,|and)\s*{_WHO})*)"
        rf"(?:\s+in\s+(?P<place>{_WHO}))?\s+contributed(?: to this (?:report|story))?\.?$"
    ),
    re.compile(rf"^(?P<name>{_WHO}(?:\s*(?:,|and)\s*{_WHO})*)\s+(?:reported|contributed)\s+from\s+(?P<place>{_WHO})\.?$"),
    re.compile(
        rf"^(?P<name>{_WHO}(?:\s*(?:,|and)\s*{_WHO})*)(?:\s+in\s+(?P<place>{_WHO}))?\s+contributed"
        r"(?: to this (?:report|story))?\.?$"
    ),
    re.compile(rf"^(?:Reporting|Additional reporting|Writing|Editing)\s+by\s+(?P<name>.+?)(?:\s+in\s+(?P<place>{_WHO}))?;?\.?$"),
)


#: The code of a news agency the AGENCIES table lacks: two to six capitals ("PTI", "IANS", "SUNA").
_AGENCY_CODE = re.compile(r"[A-Z]{2,6}")


def parse_dateline(text: str) -> Dateline | None:
    """Find the dateline at the start of ``text`` (offsets are into ``text``)."""
    m = _DATELINE_RE.match(text)
    if not m:
        return _cyrillic_dateline(text)
    agency_raw = (m.group("agency") or "").strip()
    agency = AGENCIES.get(agency_raw.upper()) if agency_raw else None
    place = m.group("place").strip()
    # Without an agency, only an all-caps place and a long dash make a dateline:
    # "BERLIN —".  Plain "Meanwhile -" is a sentence.
    if agency_raw and agency is None and _AGENCY_CODE.fullmatch(agency_raw) and place.isupper() and len(place) >= 3:
        agency = agency_raw  # an agency we do not list, by its code: "MOGADISHU, Oct 30 (HWA) —", "(PTI)", "(SUNA)"
    if agency_raw and agency is None:
        return None
    if not agency and ((m.group("dash") == "-" and not m.group("date")) or not place.isupper() or len(place) < 3):
        return None  # "TARSK, May 11 - ...": a copy that dropped "(Reuters)" keeps the date, and so is a dateline
    return Dateline(
        place=place.title() if place.isupper() else place,
        country=(m.group("country") or "").strip() or None,
        agency=agency,
        start=m.start(),
        end=m.end(),
    )


def _cyrillic_dateline(text: str) -> Dateline | None:
    """Return the dateline of a Russian or Ukrainian agency's copy ("ОРЁЛ, 3 мая. /ТАСС/."), else None."""
    m = _CYRILLIC_DATELINE_RE.match(text)
    if not m:
        return None
    agency = AGENCIES.get((m.group("slashed") or m.group("named") or "").strip().upper())
    if agency is None:
        return None
    place = m.group("place")
    return Dateline(place=place.title() if place.isupper() else place, country=None, agency=agency,
                    start=m.start(), end=m.end())


def _lines(text: str, limit: int) -> list[tuple[int, str]]:
    """Return the first ``limit`` non-blank lines of ``text`` with their offsets."""
    out, pos = [], 0
    while pos < len(text) and len(out) < limit:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            out.append((pos, text[pos:end]))
        pos = end + 1
    return out


def header_lines(text: str) -> list[tuple[int, Header]]:
    """Return the header lines ("By Jane Doe | Kharkiv | June 6, 2023") at the top of ``text``, with offsets.

    Reading stops at the first line that is not a header (see :func:`dateline.ingest.byline.parse_header`).
    """
    out = []
    for k, (pos, line) in enumerate(_lines(text, MAX_HEADER_LINES)):
        head = parse_header(line)
        if head is None and k == 0 and masthead(line):
            out.append((pos, Header(None, None, None, None, None, 0, len(line))))  # the outlet's name line above
            continue
        if head is None:
            break
        out.append((pos, head))
    return out if any(h.date or h.author for _, h in out) else []


def find_dateline(text: str) -> Dateline | None:
    """Find the story's dateline: a wire dateline at the top or just below its header lines, else a header's place.

    "June 6, 2023 | Global Newsline\n\nKHERSON, Ukraine (AP) — ..." gives the KHERSON dateline (offsets
    into ``text``); "By Jane Doe | Kharkiv | June 6, 2023" with no wire dateline below gives Kharkiv, the
    place the reporter filed from.

    Args:
        text: the article text (headline already removed).
    Returns:
        The dateline, or None.
    """
    if (dl := parse_dateline(text)) is not None and _opens_lead(text, dl):
        return dl
    heads = header_lines(text)
    after = _lines(text, len(heads) + 1)
    if heads and len(after) > len(heads):
        pos = after[len(heads)][0]
        if (dl := parse_dateline(text[pos:])) is not None and _opens_lead(text[pos:], dl):
            return Dateline(dl.place, dl.country, dl.agency, dl.start + pos, dl.end + pos)
    if (dl := _below_wrapper(text)) is not None:
        return dl
    for pos, head in heads:
        if head.place and head.place_start is not None and head.place_end is not None:
            place = head.place.title() if head.place.isupper() else head.place
            return Dateline(place, None, None, pos + head.place_start, pos + head.place_end)
    return None


#: Most words in a wrapper line above a wire dateline ("Trending Now | World News | 4 min read").
WRAPPER_MAX_WORDS = 14
#: How many lines a wire dateline may stand below when every line above it is short wrapper (masthead, breadcrumb,
#: a boxed summary, a date line, a second headline; no sentence): "VELMORA/TARSK – About 30 armed men ...".
#: Set by judgement from web page layouts, not tuned on a corpus.
WRAPPER_MAX_LINES = 12
#: Fewest words after a dateline without an agency on its line: "NORTHERN LEDGER REVIEW — English edition" is a
#: masthead, "BERLIN — The German government said on Monday ..." opens a lead.
LEAD_MIN_WORDS = 6


def _opens_lead(text: str, dl: Dateline) -> bool:
    """Return True if the dateline has an agency or the rest of its line is the start of the lead's prose."""
    if dl.agency is not None:
        return True
    end = text.find("\n", dl.end)
    return len(text[dl.end:end if end >= 0 else len(text)].split()) >= LEAD_MIN_WORDS


#: A whole line in square brackets: an editor's note on the copy (translation, correction, update), not the story.
_EDITORS_NOTE = re.compile(r"\[[^\[\]\n]{3,400}\]")


def _below_wrapper(text: str) -> Dateline | None:
    """A wire dateline under short wrapper lines a content farm puts above the story (no sentence among them)."""
    lines = _lines(text, WRAPPER_MAX_LINES)
    for pos, line in lines:
        dl = parse_dateline(line)
        if dl is not None and _opens_lead(line, dl):
            return Dateline(dl.place, dl.country, dl.agency, dl.start + pos, dl.end + pos)
        if _EDITORS_NOTE.fullmatch(line.strip()):
            continue  # "[Translated from the Thai original by our desk. ...]": a note on the copy, however long
        words = [w for w in line.split() if any(c.isalnum() for c in w)]  # "|" and "»" separate, they are no words
        if len(words) > WRAPPER_MAX_WORDS or line.rstrip().endswith((".", "?", "!", "”", '"')):
            return None
    return None


def dateline_date(text: str) -> str | None:
    """Return "Sept 10" style date text from a dateline, if present."""
    m = _DATELINE_RE.match(text)
    return m.group("date") if m and m.group("date") else None


def parse_credit(line: str) -> Credit | None:
    """Parse one credit line, or return None."""
    s = line.strip()
    if len(s) > 300:
        return None
    for i, rx in enumerate(_CREDIT_RES):
        m = rx.match(s)
        if m:
            gd = m.groupdict()
            return Credit(
                name=gd["name"].strip(),
                role="contributed" if "contributed" in s or i == 2 else "reported",
                place=(gd.get("place") or "").rstrip(".") or None,
                organisation=gd.get("org"),
                text=s,
            )
    return None


def split_credits(text: str) -> tuple[str, tuple[Credit, ...]]:
    """Remove credit lines from the last paragraphs of ``text``; return text and credits."""
    paras = text.split("\n")
    credits: list[Credit] = []
    keep = [True] * len(paras)
    # Credits live at the end; look at the last few non-empty paragraphs only.
    seen = 0
    for i in range(len(paras) - 1, -1, -1):
        if not paras[i].strip():
            continue
        seen += 1
        if seen > 4:
            break
        # A credit paragraph may hold two sentences: "X reported from London. AP writer Y contributed."
        parts = re.split(r"(?<=\.)\s+(?=[A-Z])", paras[i].strip())
        found = [parse_credit(p) for p in parts]
        if all(found):
            credits[:0] = [c for c in found if c]
            keep[i] = False
    out = "\n".join(p for p, k in zip(paras, keep) if k).rstrip()
    return out, tuple(credits)
