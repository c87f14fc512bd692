"""Drop site boilerplate lines from article text (works on plain text and extracted HTML).

Two kinds of rule:

* a *line* rule drops one line that is boilerplate as a whole ("Share this:",
  "Your email address will not be published.");
* a *tail* rule marks where a comment section or page footer begins ("Leave a Reply");
  when it sits in the last part of the text, everything from it on is dropped;
* a *block* rule does the same for a sharing or related-stories heading ("Share this:",
  "Related posts", "Read more") in the last part of the text, but only when every line after
  it is short: headline lists and button labels, not paragraphs of the story.
"""

from __future__ import annotations

import re

_LINE_PATTERNS = [
    r"your email address will not be published\.?(\s*required fields are marked \*?)?",
    r"required fields are marked \*?",
    r"(leave|post|add) a (reply|comment)( cancel reply)?",
    r"cancel reply",
    r"save my name,? email,? and website in this browser.*",
    r"(comment|name|email|website)\s*\*?",
    r"follow (all )?(ap|ap's|reuters|afp|our|us)\b.*\b(news|coverage|on|at)\b.*",
    r"follow (us|@\w+) on (twitter|x|facebook|instagram|telegram|linkedin).*",
    r"(share|like) this:?",
    r"click to (share|email|print)\b.*",
    r"share (on|via) (facebook|twitter|x|whatsapp|telegram|email|linkedin).*",
    r"(subscribe|sign up)\b(?=.*\b(newsletter|updates?|news|stor(y|ies)|inbox|member|daily|weekly)\b).{0,160}",
    r"(twitter|x|x \(twitter\)|facebook|whatsapp|telegram|linkedin|reddit|pinterest|tumblr|e-?mail|print|pocket)",
    r"(related( posts| articles| stories)?|read more|see also|more from \w+)\s*:?",
    # a related-stories line with its headlines ("Related: X Explains Y | Why Z"), headline-length only
    r"related( posts| articles| stories| news| coverage)?\s*:\s*.{0,200}",
    # a sharing line with its buttons ("Share this: Facebook | X | WhatsApp | Email")
    r"share( this( story| article)?)?\s*:?(\s*[|·•,/]?\s*(facebook|twitter|x|whatsapp|telegram|linkedin|reddit|"
    r"e-?mail|print|copy link|messenger|threads|bluesky))+\s*[|·•,/]?",
    r"(read|see) (also|more)\s*:.{0,150}|also read\s*:.{0,150}|read us on .{0,80}",
    r"(previous|next) (post|article|story)\s*:?.*",
    r"post navigation",
    r"advertisement|sponsored( content)?",
    r"(copyright|©)\s*(\d{4})?.*all rights reserved\.?",
    r"(©|copyright)\s*\d{4}\s+[\w .&'-]{1,40}",
    r"[a-z]{2,5}(?:[-/][a-z]{2,5}){1,5}",  # a wire desk sign-off: "str-bur-ser/dcp", "bur/gv"
    r"(most (popular|read|viewed|shared)|trending( now)?|top stories|editor'?s picks)\s*:?",
    r"this material may not be published, broadcast, rewritten,? or redistributed\.?",
    r"(tags|filed under|categories)\s*:.*",
    r"you (may|might) also like:?",
    r"loading\.\.\.",
]
_LINE_RE = re.compile(r"^\s*(?:" + "|".join(_LINE_PATTERNS) + r")\s*$", re.IGNORECASE)

_TAIL_RE = re.compile(
    r"^\s*(leave a (reply|comment)|\d+ (comments|responses)|comments( \(\d+\))?|post navigation)\s*:?\s*$",
    re.IGNORECASE,
)

_BLOCK_RE = re.compile(
    r"^\s*(share this( story| article)?|related( posts| articles| stories| news)?|read more|see also|more stories|"
    r"you (may|might) also like|recommended( for you)?|more from [\w ]{1,30}|most (popular|read|viewed))\s*:?\s*$",
    re.IGNORECASE,
)
#: Longest line (characters) a related-stories block may hold: headlines, not paragraphs.  Set by
#: judgement from content-farm pages (headlines run 40-100 characters, story paragraphs 150+).
BLOCK_MAX_LINE = 120

#: A tail marker only cuts when it stands after this share of the text: a
#: "Comments" heading in the first half is more likely a section of the story.
TAIL_MIN_POSITION = 0.5


def is_boilerplate(line: str) -> bool:
    """Tell whether one line is site boilerplate."""
    return bool(_LINE_RE.match(line))


def _short_after(lines: list[str], i: int) -> bool:
    """Tell whether every line after ``lines[i]`` is short enough to be a headline or a button."""
    return all(len(x.strip()) <= BLOCK_MAX_LINE for x in lines[i + 1:])


def remove_boilerplate(text: str) -> tuple[str, tuple[str, ...]]:
    """Return the text without boilerplate lines, and the lines removed."""
    lines = text.split("\n")
    removed: list[str] = []
    total = max(len(text), 1)
    pos = 0
    cut = len(lines)
    for i, line in enumerate(lines):
        late = pos / total >= TAIL_MIN_POSITION
        if late and (_TAIL_RE.match(line) or (_BLOCK_RE.match(line) and _short_after(lines, i))):
            cut = i
            break
        pos += len(line) + 1
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i >= cut or is_boilerplate(line):
            if line.strip():
                removed.append(line.strip())
            continue
        kept.append(line)
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return out, tuple(removed)
