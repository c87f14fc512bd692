"""Line-opening labels that are never speakers: datelines and section or headline labels.

"WASHINGTON (AP) — The ministry said …", "PHILADELPHIA ― Two survivors called for …",
"EXCLUSIVE – Roger Stone: …" and "The Latest: X tells …" open a line with a place or a
label; a parse often makes that word the subject.  The speaker is the phrase after it.
"""

from __future__ import annotations

import re

from dateline.claims.context import Doc

#: A dateline or all-caps section label and the dash after it: "KYIV, Ukraine (AP) — ",
#: "COLUMBIA, S.C. ― ", "EXCLUSIVE – ".  The first word is all capitals.
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*"  # PHILADELPHIA / NEW YORK / EXCLUSIVE
    r"(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?"  # , S.C. / , Ukraine
    r"(?: \([A-Za-z ]+\))?"  # (AP)
    r"\s*[―—–-]\s"
)
#: Headline labels ending in a colon that name a kind of item, not a speaker ("The Latest: …").
_HEADLINE_LABEL_RE = re.compile(r"The Latest\s*:\s")
_NOUNISH = frozenset({"PROPN", "NOUN", "PRON"})


def label_end(doc: Doc, i: int) -> int | None:
    """Return the character offset where a line-opening label holding token ``i`` ends, else None."""
    t = doc.tok(i)
    line_start = doc.text.rfind("\n", 0, t.start) + 1
    for rx in (_DATELINE_RE, _HEADLINE_LABEL_RE):
        m = rx.match(doc.text, line_start)
        if m and t.start < m.end():
            return m.end()
    return None


def past_label(doc: Doc, head: int | None) -> int | None:
    """Return ``head``, or when it lies in a dateline or headline label, the first noun phrase after it.

    Args:
        doc: the article view.
        head: a speaker head token, or None.

    Returns:
        The head of the first nominal phrase after the label on the same line, or None when
        there is none (a label alone never speaks).
    """
    if head is None:
        return None
    end = label_end(doc, head)
    if end is None:
        return head
    k = doc.token_at(end)
    line_end = doc.text.find("\n", end)
    while k is not None and k < len(doc.parse.tokens) and (line_end == -1 or doc.tok(k).start < line_end):
        if doc.tok(k).pos in _NOUNISH:
            while doc.tok(k).dep in ("compound", "flat") and doc.tok(k).head > k:
                k = doc.tok(k).head
            return k
        k += 1
    return None
