"""Tell a reported happening from a planned, promised or hypothetical one.

"Germany will help remove landmines" and "the army plans to retake the town" name an
event class but report no event.  A trigger is *unrealised* when, in its own clause
(back to the last ``. ; : ! ?`` or clause-opening conjunction, at most
:data:`WINDOW` characters), an intent or future marker precedes it.

A bare "would" is not enough: in reported speech it is the past of "will" and often
reports a real action ("the ministry said troops would be regrouped from the area").
Only "would" followed by a verb of intent or assistance ("would help", "would
support", "would not") counts.
"""

from __future__ import annotations

import re

#: Characters before the trigger searched for a marker (at most; the clause usually
#: ends sooner).  Not tuned.
WINDOW = 200
#: Where a clause starts: sentence punctuation, or a conjunction that opens a new clause
#: ("..., but troops withdrew", "as troops retreated").
_CLAUSE = re.compile(r"[.;:!?]|,\s+(?:and|but)\b|\b(?:but|while|after|before|as|when|because|since|although|though)\b", re.I)

_MARKERS = re.compile(
    r"\b(will|won't|shall|could|might|may|should|"
    r"plans?|planned|planning|intends?|intended|intending|aims?|aimed|seeks?|sought|"
    r"threaten(?:s|ed)?|vow(?:s|ed)?|promis(?:es|ed)|pledg(?:es|ed)|prepar(?:es|ed|ing)|"
    r"going|expected|ready|set|wants?|wanted|hopes?|hoped|proposed?|"
    r"in order|(?:a|an|the|its|their) (?:\w+ )?(?:push|bid|attempt|effort|drive) to|would (?:help|support|provide|consider|continue|like|seek|try|send|not)|'ll)\b",
    re.I,
)
#: Markers that are only future/intent when followed by "to" (+ verb): "plans to", "set to".
_NEEDS_TO = frozenset(
    "plans plan planned planning intends intend intended intending aims aim aimed seeks seek sought threaten "
    "threatens threatened vow vows vowed promises promised pledges pledged prepares prepared preparing going "
    "expected ready set wants want wanted hopes hope hoped proposes propose proposed".split()
)


def unrealised(text: str, pos: int) -> bool:
    """Return True if the trigger at ``pos`` of ``text`` is planned, promised or hypothetical.

    Args:
        text: the sentence.
        pos: offset of the trigger word inside ``text``.
    Returns:
        True when an intent or future marker precedes the trigger in its clause.
    """
    window = text[max(0, pos - WINDOW) : pos]
    cuts = [m.end() for m in _CLAUSE.finditer(window)]
    window = window[cuts[-1] :] if cuts else window
    for m in _MARKERS.finditer(window):
        word = m.group(0).lower()
        if m.group(0) == "May" or (word == "may" and re.search(r"\b(in|of|since|until|by|early|late|mid)\W*$", window[: m.start()], re.I)):
            continue  # the month
        if word in _NEEDS_TO and not re.match(r"\s+(?:to|for)\b", window[m.end() :]):
            continue
        return True
    return False
