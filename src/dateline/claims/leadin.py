"""A cue-less quote introduced by the sentence before it ("Dr. Roe agreed. “The levy must go.”")."""

from __future__ import annotations

from dateline.claims.context import Doc
from dateline.claims.subjects import names_someone

#: Most tokens in a lead-in sentence ("Iowa State University's Ann Roe agreed."): a short sentence that
#: only introduces the quote.  Set by judgement (a name, a role and a verb), not tuned.
MAX_LEAD_TOKENS = 12


def lead_in_speaker(doc: Doc, quote_start: int) -> tuple[int, int] | None:
    """Return (verb, subject) of a short sentence that ends right before the quote in the same paragraph.

    Args:
        doc: the article view.
        quote_start: character offset of the opening quote mark.

    Returns:
        The lead-in sentence's main verb and its subject head, or None.
    """
    q = doc.token_at(quote_start)
    if q is None or q == 0 or "\n" in doc.text[doc.tok(q - 1).end : quote_start]:
        return None
    prev = doc.tok(q - 1)
    if prev.text != ".":
        return None
    sent = doc.parse.sentences[prev.sent]
    toks = range(sent.first_token, sent.last_token)
    if len(toks) > MAX_LEAD_TOKENS or "\n" in doc.text[doc.tok(sent.first_token).start : prev.end]:
        return None
    if any(doc.tok(k).is_quote for k in toks):
        return None
    root = next((k for k in toks if doc.tok(k).head == k), None)
    if root is None or doc.tok(root).pos != "VERB" or doc.kids(root, "ccomp", "dobj", "xcomp"):
        return None
    subj = doc.kids(root, "nsubj")
    if not subj or not names_someone(doc, subj[0]) or doc.tok(subj[0]).text.lower() in ("who", "which", "that"):
        return None
    return root, subj[0]

