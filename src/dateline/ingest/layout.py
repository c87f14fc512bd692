"""Undo the layout a copy picked up on its way: text extracted from a PDF, a live page's time stamps.

A brief saved from a PDF reaches dateline with its page furniture (rules, "Page 1 of 2", a page number, the
running header repeated on every page; a web page's breadcrumb trail, "Home » World » Europe", is furniture too)
and its lines broken at the page width, words hyphenated across the break ("work-" / "ers").  The parser then reads each line as a sentence and a quote cut by a line break is
lost.  ``unwrap_layout`` removes the furniture and joins the lines of a hard-wrapped paragraph; a text whose
paragraphs are one line each (web copy) is left as it is.  ``split_live_entries`` puts a live blog's time
stamps ("17:30 EEST — ...") on lines of their own, so that no stamp is read into its entry's first sentence.

Both run in ``ingest.make_article`` before anything else reads the text; offsets of every later fact point
into the text they return.
"""

from __future__ import annotations

import re

#: A line that is only a rule: "-----", "________", "═══".
_RULE = re.compile(r"^\s*[-_=─━═*·~]{5,}\s*$")
#: Page marks at the end of a line, after a run of spaces: "Page 1 of 2", "-2-", "p. 3".
_PAGE_MARK = re.compile(r"\s{3,}(?:page \d+(?: of \d+)?|-\s?\d+\s?-|p\.\s?\d+)\s*$", re.IGNORECASE)
#: A line that is only a page number ("- 2 -", "2").
_PAGE_NUMBER = re.compile(r"^\s*-?\s?\d{1,3}\s?-?\s*$")
#: A running header repeats within this many words.
HEADER_MAX_WORDS = 14
#: A hard-wrapped paragraph: at least this many lines, none longer than WRAP_MAX_LINE characters, and at least
#: WRAP_MIN_OPEN of its line breaks inside a sentence (no full stop before, a lower-case word after).  Set by
#: judgement: web copy puts a paragraph on one line, a header block starts each line afresh.
WRAP_MIN_LINES = 3
WRAP_MAX_LINE = 100
WRAP_MIN_OPEN = 0.5
_SENTENCE_END = tuple(".?!:;\"”’)")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*·▪–]\s|\(?[a-z0-9]\)\s)")
#: A web page's breadcrumb trail: "Home » World » Europe", "News › World › Europe" (short parts, spaced separators;
#: two separators, or one after "Home").  Its "»" would otherwise open a quotation.
_CRUMB = r"[^\s»›>.!?\"“”][^»›>.!?\"“”\n]{0,30}?"
_BREADCRUMB = re.compile(rf"^\s*(?:{_CRUMB}(?:\s[»›>]\s{_CRUMB}){{2,6}}|(?:home|start|startseite|accueil|головна|главная)"
                         rf"(?:\s[»›>]\s{_CRUMB}){{1,6}})\s*$", re.IGNORECASE)


def _key(line: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", line.lower())


def _furniture_removed(lines: list[str]) -> list[str]:
    """Drop rules and page numbers, strip page marks, and, in a paged text, drop a running header's repeats.

    Only a text with page marks ("Page 2 of 2", "-2-") is paged: elsewhere a short line that repeats the start of an
    opening line is the story's ("Explosions rock Kyiv" above "Explosions rock Kyiv as ..."), never a header.
    """
    out: list[str] = []
    seen_headers: set[str] = set()
    paged = any(_PAGE_MARK.search(line) for line in lines)
    for n, line in enumerate(lines):
        if _RULE.match(line) or (_PAGE_NUMBER.match(line) and line.strip()) or _BREADCRUMB.match(line):
            out.append("")
            continue
        line = _PAGE_MARK.sub("", line).rstrip()
        line = re.sub(r"\s{3,}", "  ", line) if "   " in line.strip() else line  # columns of a header line
        key = _key(line)
        if paged and key and len(line.split()) <= HEADER_MAX_WORDS:
            if any(key == h or (len(h) >= 12 and (key.startswith(h) or h.startswith(key))) for h in seen_headers):
                out.append("")
                continue
            if n < 5 and key not in seen_headers:
                seen_headers.add(key)
        out.append(line)
    return out


def _hard_wrapped(block: list[str], least: int = WRAP_MIN_LINES) -> bool:
    """A paragraph broken at the page width: most of its breaks fall inside a sentence, the next line going on in lower
    case ("work-" / "ers of the party", "wounding" / "about 200"); a header's lines ("Wire | English service" /
    "2022-09-30 | WAR") start afresh."""
    if len(block) < least or any(len(x) > WRAP_MAX_LINE for x in block):
        return False
    if any(_LIST_ITEM.match(x) for x in block[1:]):
        return False
    breaks = list(zip(block, block[1:]))
    going_on = sum(not a.rstrip().endswith(_SENTENCE_END) and b.lstrip()[:1].islower() for a, b in breaks)
    return going_on / len(breaks) >= WRAP_MIN_OPEN


def _join(block: list[str], text: str) -> str:
    """Join a hard-wrapped paragraph's lines; a word hyphenated at a break is whole again, unless the text
    writes it with the hyphen elsewhere ("well-" / "known" beside another "well-known")."""
    out = block[0].rstrip()
    for line in block[1:]:
        line = line.strip()
        m = re.search(r"(\w+)-$", out)
        first = re.match(r"[\w']+", line)
        if m and first and line[:1].islower():
            keep = f"{m.group(1)}-{first.group(0)}" in text  # the compound written whole elsewhere
            out = (out if keep else out[:-1]) + line
        else:
            out = out + " " + line
    return out


def unwrap_layout(text: str) -> str:
    """Return ``text`` without page furniture and with its hard-wrapped paragraphs on one line each."""
    lines = _furniture_removed(text.split("\n"))
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    wrapped = any(_hard_wrapped(b) for b in blocks)  # then a two-line paragraph of the same page is wrapped too
    paras = [(_join(b, text) if _hard_wrapped(b, 2 if wrapped else WRAP_MIN_LINES) else "\n".join(b)) for b in blocks]
    return "\n\n".join(paras) if paras else text


#: A live-blog entry's time stamp opening a line: "17:30 EEST — ", "• 09:20 GMT - ", "14:05 – ".
_LIVE_STAMP = re.compile(r"(?m)^(?P<stamp>(?:[•·*] )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,5}| \([A-Z][\w .-]{1,20}\))?) "
                         r"[—–-] (?=\S)")  # "23:00 (Kyiv) – ": a stamp with the place whose clock it is
#: Entries a text needs before its stamps are read as a live blog's (one stamped line may be a quote or a list).
LIVE_MIN_ENTRIES = 2


def split_live_entries(text: str) -> str:
    """Put each live-blog entry's time stamp on a line of its own, apart from the entry's first sentence.

    "17:30 EEST — Mykolaiv's mayor said ..." had the parser read the stamp into the sentence's subject (the
    speaker "17:30 EEST", a time zone for a place); the stamp stays in the text, as its own paragraph.
    """
    if len(_LIVE_STAMP.findall(text)) < LIVE_MIN_ENTRIES:
        return text
    return _LIVE_STAMP.sub(lambda m: m.group("stamp") + "\n\n", text)


#: A bullet glyph opening a line ("• Dana Koral, a spokeswoman ..., said"): list furniture, which the parser would
#: otherwise read into the line's first sentence (as its subject, the speaker "•").
_BULLET = re.compile(r"(?m)^[ \t]*[•▪◦‣●][ \t]+(?=\S)")


def strip_bullets(text: str) -> str:
    """Return ``text`` without the bullet glyphs that open its lines (the items stay, one per line)."""
    return _BULLET.sub("", text)
