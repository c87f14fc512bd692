"""Stage ``claims.quotes.v1``: direct quotes and reported speech with speaker, channel and status.

Direct quotes come from paired quote marks (:mod:`marks`); each is attached to the
reporting cue next to it ("…,” he said), the cue whose clause contains it ("said the
move was made “to …”", a partial quote), a colon or dash introducing it, or — for a
quote continuing a quoted passage — the previous quote's attribution.  Cues with a
content clause and no direct quote become indirect quotes (:mod:`reported`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dateline.claims.bounds import prep_object as _prep_object
from dateline.claims.bounds import quote_verb
from dateline.claims.channel import carry_channels, content_after_medium, find_channel
from dateline.claims.context import Doc
from dateline.claims.cues import is_cue_verb, is_said_like
from dateline.claims.interrupt import interrupted_sides
from dateline.claims.frames import poll_source
from dateline.claims.labels import past_label
from dateline.claims.leadin import lead_in_speaker
from dateline.claims.marks import QuoteSpan, find_quote_spans
from dateline.claims.reported import Reported, find_reported, kept
from dateline.claims.speakers import entity_kind, make_speaker, outer_speaker, outermost_holder, phrase
from dateline.claims.status import UNCONFIRMED, hedges_in, judge_status
from dateline.claims.subjects import speaker_head
from dateline.claims.titles import is_markup, is_title
from dateline.model import Article, DateMention, Entity, Parse, Quote, Speaker

STAGE = "claims.quotes.v1"
#: Most tokens allowed between a closing mark and its cue ("…,” Ukrainian President X said").
#: Tuned on PolNeAR train.
MAX_AFTER_GAP = 9
#: Most tokens allowed between a cue and the opening mark of a quote it introduces.
MAX_BEFORE_GAP = 3
#: A quoted stretch this short with no cue is a term or title, not a quote.  Tuned on PolNeAR train.
MAX_TERM_WORDS = 3
#: Characters allowed between a reported clause and a quote that continues it (a comma and a space).
#: Tuned on PolNeAR train.
CLAUSE_QUOTE_GAP = 3
_STOP = frozenset({".", "!", "?"})
_DASHES = ("―", "—", "–", "-")


@dataclass(frozen=True)
class Attribution:
    """What a quote is attached to: a cue token (or None) and the speaker phrase head."""

    cue: int | None
    speaker_head: int | None
    how: str  # after | before | clause | colon | dash | lead | continues | none
    content_first: int | None = None  # for partial quotes: where the reported clause starts


def attribute_quotes(
    article: Article, parse: Parse, entities: tuple[Entity, ...], dates: tuple[DateMention, ...]
) -> tuple[Quote, ...]:
    """Return the article's quotes and reported statements, in text order.

    Args:
        article: the normalised article.
        parse: tokens, sentences and mentions.
        entities: person/org/place/norp entities (raw NER groups or resolved actors).
        dates: resolved date mentions, used for "said on Friday".

    Returns:
        Quote records with ids q0, q1, ...
    """
    if not parse.tokens:
        return ()
    doc, spans, inside = article_view(article.text, parse, entities)
    found = find_reported(doc, inside)
    reported = [r for r in found if not r.how.startswith("model:")]  # the model's finds never anchor a quote
    drafts: list[tuple[int, int, str, Attribution, str | None]] = []
    used_cues: set[int] = set()
    prev: Attribution | None = None
    for qs in spans:
        att = _attach(doc, qs, reported, inside, prev)
        clause = _clause_around(doc, qs, att, reported)
        if att.how in ("none", "sentence") and not _held(doc, qs, att, reported) and _is_term(doc.text, qs):
            continue  # a scare-quoted term or title ("the “Washington cartel”"), not a quote
        if (is_markup(doc.text, qs.start) or is_title(doc.text, qs.start, qs.end)
                or _names_the_speaker(doc.text, qs, att)):
            continue  # `author="@x"`, "the book “…”": a name in quotation marks, nobody's words
        start, end, kind = qs.start, qs.end, "direct"
        if att.content_first is not None and doc.tok(att.content_first).start < qs.start:
            start, kind = doc.tok(att.content_first).start, "partial"
        if clause is not None and (clause[0] < start or clause[1] > end):
            start, end, kind = min(start, clause[0]), max(end, clause[1]), "partial"
        if kind == "partial" and any(d[:3] == (start, end, kind) and d[3].cue == att.cue for d in drafts):
            continue  # the clause's second quoted piece ("that “the criminals” had been “neutralised”")
        sides = _interrupted(doc, qs, att)
        if sides and (sides[1][1] <= start or end <= sides[1][0]):  # "The plan, she said, “is a sham” from the start"
            start, end, kind = min(start, sides[0][0]), max(end, sides[0][1]), "partial"
            drafts.append((*sides[1], kind, att, qs.reason))
        drafts.append((start, end, kind, att, qs.reason))
        if att.cue is not None:
            used_cues.add(att.cue)
            prev = att
    for rep in reported + [r for r in found if r.how.startswith("model:")]:  # the rules' finds win overlaps
        a, b = doc.span(rep.first, rep.last)
        if rep.cue in used_cues or any(s < b and a < e for s, e, *_ in drafts) or not kept(doc, rep):
            continue
        for first, last in rep.parts():  # parts of one content share the cue: one attribution
            a, b = doc.span(first, last)  # a clause holding a skipped quoted term is still a partial quote
            kind = "partial" if any(a <= s and e <= b for s, e in doc.quoted) else "indirect"
            drafts.append((a, b, kind, Attribution(rep.cue, rep.speaker_head, "clause"), None))
    outer = [(r.first, r.last, r.cue, r.speaker_head) for r in reported]
    cut = _after_dateline(article.text, article.dateline.end) if article.dateline else 0
    drafts = [(max(a, cut) if a < cut < b else a, b, k, _lift(doc, outer, att, (a, b)), r) for a, b, k, att, r in drafts]
    drafts.sort(key=lambda d: d[0])
    return _finish(doc, _borrow_next_cue(doc, drafts), dates)


def _after_dateline(text: str, end: int) -> int:
    """Return where the story starts after a dateline ("KYIV, Ukraine (AP) — "): no content begins before it."""
    while end < len(text) and text[end] in " \t—–-:":
        end += 1
    return end


def _borrow_next_cue(doc: Doc, drafts: list[tuple[int, int, str, Attribution, str | None]]) -> list[tuple[int, int, str, Attribution, str | None]]:
    """Give a cue-less direct quote the cue of the next quote when that cue is in its paragraph.

    "“We held the line.” “They will not pass,” the colonel said.": both quotes are the
    colonel's (PolNeAR attributes the first to the later cue; checked on PolNeAR train).
    """
    out = list(drafts)
    for i, (start, end, kind, att, reason) in enumerate(out):
        if att.how != "none" or kind != "direct":
            continue
        nxt = next((d for d in out[i + 1 :] if d[3].cue is not None and d[3].how != "continues"), None)
        if nxt is not None and doc.tok(nxt[3].cue).start > end and "\n" not in doc.text[start : doc.tok(nxt[3].cue).start]:
            out[i] = (start, end, kind, replace(nxt[3], how="continues", content_first=None), reason)
    return out


def _lift(doc: Doc, outer: list[tuple[int, int, int, int | None]], att: Attribution, content: tuple[int, int]) -> Attribution:
    """Give an attribution nested in another's content the outer speaker (PolNeAR is univocal)."""
    head = outer_speaker(doc, outer, att.cue, content)
    return replace(att, speaker_head=head) if head is not None else att


def _clause_around(doc: Doc, qs: QuoteSpan, att: Attribution, reported: list[Reported]) -> tuple[int, int] | None:
    """The reported clause of the quote's cue when it contains the quote ("said X is in “good health”").

    A quoted fragment inside the clause a cue governs is part of that reported content, so
    the content is the whole clause, as news attribution corpora annotate it.
    """
    if att.cue is None:
        return None
    for rep in reported:
        if rep.cue != att.cue or rep.hole is not None:
            continue
        a, b = doc.span(rep.first, rep.last)
        if a <= qs.start <= b + CLAUSE_QUOTE_GAP:  # inside the clause, or right after it (", “like you folks”")
            return a, b
    return None


def _interrupted(doc: Doc, qs: QuoteSpan, att: Attribution) -> list[tuple[int, int]] | None:
    """The two sides of a sentence its cue interrupts (", X said,"), when the quote is one of them."""
    if att.cue is None or att.speaker_head is None or att.how not in ("before", "after"):
        return None
    return interrupted_sides(doc, qs, att.cue, att.speaker_head, att.how)


def _held(doc: Doc, qs: QuoteSpan, att: Attribution, reported: list[Reported]) -> bool:
    """True when a reported clause of the quote's own cue contains the quote ("said the “unity” talks failed")."""
    for r in reported:
        a, b = doc.span(r.first, r.last)
        if r.cue == att.cue and a <= qs.start < b:
            return True
    return False


def _names_the_speaker(text: str, qs: QuoteSpan, att: Attribution) -> bool:
    """True for a quoted name right before its verb ("the channel “Rybar” wrote"): no comma, so no quotation."""
    unpunctuated = not re.search(r"[,!?.:;—–-]\W*$", text[qs.start : qs.end]) and text[qs.end : qs.end + 1] == " "
    return att.how == "after" and unpunctuated and _is_term(text, qs)


def _is_term(text: str, qs: QuoteSpan) -> bool:
    """True for a short quoted term with no attribution: a few words, not a sentence."""
    inner = text[qs.start + 1 : qs.end - 1].strip(" ,.;:!?")
    return len(inner.split()) <= MAX_TERM_WORDS and qs.reason is None


def article_view(text: str, parse: Parse, entities: tuple[Entity, ...]) -> tuple[Doc, list[QuoteSpan], set[int]]:
    """Return the claims view of an article: the indexed parse, its quote spans, and the tokens inside them."""
    doc = Doc.build(text, parse, entities)
    spans = find_quote_spans(text)
    doc.quoted = [(q.start, q.end) for q in spans]
    return doc, spans, _tokens_inside(doc, spans)


def _tokens_inside(doc: Doc, spans: list[QuoteSpan]) -> set[int]:
    inside: set[int] = set()
    for qs in spans:
        i = doc.token_at(qs.start)
        while i is not None and i < len(doc.parse.tokens) and doc.tok(i).start < qs.end:
            inside.add(i)
            i += 1
    return inside


def _attach(doc: Doc, qs: QuoteSpan, reported: list[Reported], inside: set[int], prev: Attribution | None) -> Attribution:
    """Find the cue and speaker of one direct quote."""
    if _in_clause(doc, qs, reported):  # "X insisted that he has “…,” claiming …": the clause's cue wins
        return _cue_before(doc, qs, reported, inside)
    for finder in (_cue_after, _cue_before):
        att = finder(doc, qs, reported, inside)
        if att:
            return att
    lead = lead_in_speaker(doc, qs.start)  # "Dr. Roe agreed. “…”"
    att = _colon_or_dash(doc, qs) or _cue_in_sentence(doc, qs, inside) or (lead and Attribution(lead[0], lead[1], "lead"))
    if att:
        return att
    if prev is not None and prev.cue is not None and _same_passage(doc, prev.cue, qs):
        return Attribution(prev.cue, prev.speaker_head, "continues")
    return Attribution(None, None, "none")


def _in_clause(doc: Doc, qs: QuoteSpan, reported: list[Reported]) -> bool:
    """True for a partial quote: it lies inside a reported clause that starts before it."""
    for rep in reported:
        a, b = doc.span(rep.first, rep.last)
        if a < qs.start < b and doc.tok(rep.cue).start < a:
            return True
    return False


def _cue_after(doc: Doc, qs: QuoteSpan, reported: list[Reported], inside: set[int]) -> Attribution | None:
    """"…,” he said": a reporting verb a few tokens after the closing mark."""
    i = doc.token_at(qs.end)
    if i is None:
        return None
    closed = _ends_sentence(doc.text, qs)
    para_end = doc.text.find("\n", qs.end)
    for k in _after_tokens(doc, i):
        t = doc.tok(k)
        if k in inside or t.text in _STOP or (para_end != -1 and t.start > para_end):
            return None
        if is_said_like(t) or quote_verb(doc, k, i, closed):
            if any(r.cue == k and r.first > k and not _prep_object(doc, r) for r in reported):
                return None  # "“…,” one prosecutor said the cases differ": that cue reports its own clause
            if closed and not _bare_cue(doc, k):
                return None  # "…regime.” He echoed …": a new sentence, not this quote's attribution
            return Attribution(k, speaker_head(doc, k), "after")
    return None


def _after_tokens(doc: Doc, i: int) -> list[int]:
    """The MAX_AFTER_GAP tokens after a closing mark, not counting an apposition ("X, a retired worker, said")."""
    out: list[int] = []
    k, n = i, len(doc.parse.tokens)
    while k < n and len(out) < MAX_AFTER_GAP:
        if k > i and doc.tok(k - 1).text == ",":
            appos = next((a for a in range(k, min(k + 12, n)) if doc.tok(a).dep == "appos" and doc.left[a] == k), None)
            if appos is not None:  # skip "a retired worker from a nuclear plant"
                k = doc.right[appos] + 1
                continue
        out.append(k)
        k += 1
    return out


#: Most tokens after a bare cue before its sentence ends ("said in a statement on Monday.").  Set by
#: judgement (room for a place and a time, not for a new clause), not tuned.
MAX_BARE_TAIL = 8


def _bare_cue(doc: Doc, k: int) -> bool:
    """True for a cue that reports nothing of its own and ends its sentence soon ("“… missing.” Trump said.").

    Such a clause can only attribute the quote before it, even when the quote closed with a full stop.
    """
    if doc.kids(k, "ccomp", "xcomp", "dobj"):
        return False
    end = doc.parse.sentences[doc.tok(k).sent].last_token
    return end - k <= MAX_BARE_TAIL and not any(doc.tok(j).is_quote for j in range(k + 1, min(end, len(doc.parse.tokens))))


def _ends_sentence(text: str, qs: QuoteSpan) -> bool:
    """True for a quote closed by a full stop ("…regime.” He echoed …"): a cue after it starts a new sentence."""
    return text[qs.start : qs.end].rstrip("\"”’'» ").endswith(".")


def _cue_before(doc: Doc, qs: QuoteSpan, reported: list[Reported], inside: set[int]) -> Attribution | None:
    """"He said, “…”" or a partial quote inside the clause of a cue before it."""
    q = doc.token_at(qs.start)
    if q is None:
        return None
    holders = [r for r in reported if doc.span(r.first, r.last)[0] <= qs.start < doc.span(r.first, r.last)[1] + 2 and r.cue < q]
    if holders:  # the outermost clause holding the quote attributes it (PolNeAR is univocal)
        rep = outermost_holder(holders)
        first = rep.first if doc.tok(rep.first).start < qs.start else None
        return Attribution(rep.cue, rep.speaker_head, "clause", first)
    sent = doc.tok(q).sent
    for k in range(q - 1, max(doc.parse.sentences[sent].first_token - 1, q - MAX_BEFORE_GAP - 2), -1):
        t = doc.tok(k)
        if k in inside or t.text in _STOP:
            return None
        if is_said_like(t) and all(doc.tok(j).text in ",:—–" or doc.tok(j).dep in ("dobj", "dative", "prep", "pobj") for j in range(k + 1, q)):
            return Attribution(k, speaker_head(doc, k), "before")
    return None


def _cue_in_sentence(doc: Doc, qs: QuoteSpan, inside: set[int]) -> Attribution | None:
    """Fallback: any lexicon cue with a subject in the quote's sentence ("calling him “…”")."""
    q = doc.token_at(qs.start)
    if q is None:
        return None
    sent = doc.parse.sentences[doc.tok(q).sent]
    before = range(q - 1, sent.first_token - 1, -1)
    after = [k for k in range(q, sent.last_token) if k not in inside]
    for k in [*before, *after]:
        if k not in inside and is_cue_verb(doc.tok(k)):
            head = speaker_head(doc, k)
            if head is not None and head not in inside:
                return Attribution(k, head, "sentence")
    return None


def _colon_or_dash(doc: Doc, qs: QuoteSpan) -> Attribution | None:
    """"PENCE: “…”" / "He put it this way: “…”" / "“…” ― Name"."""
    before = doc.text[max(0, qs.start - 3) : qs.start].strip()
    if before.endswith(":"):
        k = doc.token_at(qs.start - len(doc.text[:qs.start]) + len(doc.text[:qs.start].rstrip()) - 1)
        if k is not None and k > 0:
            verb = _verb_before_colon(doc, k)
            head = speaker_head(doc, verb) if verb is not None else _label_before(doc, k)
            return Attribution(verb, head, "colon")
    after = doc.text[qs.end : qs.end + 3].strip()
    if after[:1] in _DASHES:
        k = doc.token_at(qs.end + doc.text[qs.end:].index(after[0]) + 1)
        if k is not None and doc.tok(k).pos == "PROPN":
            while k + 1 < len(doc.parse.tokens) and doc.tok(k + 1).pos == "PROPN":
                k += 1
            return Attribution(None, k, "dash")
    return None


def _verb_before_colon(doc: Doc, colon: int) -> int | None:
    """The verb introducing a colon quote, on the colon's own line and after any "Topic -" dash."""
    line_start = doc.text.rfind("\n", 0, doc.tok(colon).start) + 1
    for j in range(colon - 1, max(-1, colon - 12), -1):
        t = doc.tok(j)
        if t.start < line_start or (t.text in _DASHES and doc.text[t.start - 1 : t.start] == " "):
            return None  # "Pollsters agree - Carl Bialik: “…”": the label after the dash speaks
        if t.pos in ("VERB", "AUX"):
            if t.dep == "acl" and (main := _verb_before_colon(doc, j)) is not None:
                return main  # "X said in a video posted on social media: “…”": the saying, not the posting
            return j
    return None


def _label_before(doc: Doc, colon: int) -> int | None:
    k = colon - 1
    return k if k >= 0 and doc.tok(k).pos in ("PROPN", "NOUN") else None


def _same_passage(doc: Doc, cue: int, qs: QuoteSpan) -> bool:
    """True when the quote sits in the cue's paragraph, or opens the next one."""
    cue_pos = doc.tok(cue).start
    between = doc.text[cue_pos : qs.start]
    if "\n" not in between:
        return True
    opens_paragraph = qs.start == 0 or doc.text[qs.start - 1] == "\n"
    return opens_paragraph and not between.strip("\n").count("\n")  # next paragraph only


def _finish(doc: Doc, drafts: list[tuple[int, int, str, Attribution, str | None]], dates: tuple[DateMention, ...]) -> tuple[Quote, ...]:
    """Turn attached drafts into Quote records: speaker, channel, status, date."""
    out: list[Quote] = []
    recent: list[tuple[Speaker, str]] = []
    cues = [doc.tok(d[3].cue).start for d in drafts if d[3].cue is not None]
    contents = [(d[0], d[1]) for d in drafts]
    for n, (start, end, kind, att, mark_reason) in enumerate(drafts):
        start = content_after_medium(doc.text, start, end) if kind != "direct" else start
        speaker, reason = None, "no reporting verb or speaker found near the quote"
        head = poll_source(doc, past_label(doc, att.speaker_head))  # "WASHINGTON ― X said": X speaks, not the dateline
        if head is not None:
            speaker, reason = make_speaker(doc, phrase(doc, head), recent)
        elif att.how == "continues" or (att.how == "none" and kind == "direct" and _near_previous(doc, out, start)):
            speaker, reason = _last_speaker(out), None
        if speaker is not None:
            recent.insert(0, (speaker, entity_kind(doc, speaker)))
        q = Quote(
            text=doc.text[start:end], start=start, end=end, kind=kind, speaker=speaker,
            cue=doc.tok(att.cue).text if att.cue is not None else ("—" if att.how == "dash" else None),
            cue_start=doc.tok(att.cue).start if att.cue is not None else None,
            reason=mark_reason or (reason if speaker is None else None), id=f"q{n}", stage=STAGE,
        )
        out.append(_frame_facts(doc, q, att, dates, cues, contents))
    return tuple(carry_channels(doc, out))


#: A cue-less direct quote takes the previous speaker when that quote ended at most this many
#: sentences before it (PolNeAR shares one Source among a speaker's consecutive quotes).
#: Tuned on PolNeAR train (first 300 articles; 1, 2 and 4 score the same there).
CARRY_SENTENCES = 2


def _near_previous(doc: Doc, done: list[Quote], start: int) -> bool:
    """True when the last attributed quote ended within CARRY_SENTENCES sentences of ``start``."""
    prev = next((q for q in reversed(done) if q.speaker is not None), None)
    if prev is None or prev is not (done[-1] if done else None):
        return False
    return 0 <= doc.parse.sentence_of(start) - doc.parse.sentence_of(max(prev.end - 1, prev.start)) <= CARRY_SENTENCES


def _last_speaker(quotes: list[Quote]) -> Speaker | None:
    return quotes[-1].speaker if quotes else None


def _frame(doc: Doc, q: Quote, att: Attribution) -> tuple[int, int]:
    """The attribution frame: the sentence of the cue (or of the quote end)."""
    anchor = doc.tok(att.cue).start if att.cue is not None else q.end - 1
    s = doc.parse.sentence_of(anchor)
    if s < 0:
        return q.start, q.end
    sent = doc.parse.sentences[s]
    return min(sent.start, q.start), max(sent.end, q.end)


def _lead_in_channel(doc: Doc, q: Quote, fs: int) -> tuple[str, str] | None:
    """Return the channel of the sentence just before the frame when it introduces the same speaker.

    "X posted photos on Telegram. 'We remember ...,' he wrote." names the channel one sentence
    early; it carries over only inside one paragraph and only when that sentence names the speaker.
    """
    s = doc.parse.sentence_of(fs) - 1
    if s < 0 or q.speaker is None or q.speaker.entity_id is None:
        return None
    prev = doc.parse.sentences[s]
    if "\n" in doc.text[prev.end:fs]:
        return None
    names_speaker = any(e.id == q.speaker.entity_id and prev.start <= m.start < prev.end for m, e in doc.mentions)
    return find_channel(doc.text, prev.start, prev.end) if names_speaker else None


def _next_sentence(doc: Doc, fe: int, cues: list[int]) -> str:
    """The sentence after a frame, where "X did not immediately confirm" usually sits.

    Empty when that sentence makes a claim of its own whose cue is not the unconfirming verb: in "The
    ministry claimed C, but the claim could not be verified", the doubt is about that claim, not the last.
    """
    s = doc.parse.sentence_of(fe - 1) + 1
    if not 0 < s < len(doc.parse.sentences):
        return ""
    a, b = doc.parse.sentences[s].start, doc.parse.sentences[s].end
    text = doc.text[a:b]
    m = UNCONFIRMED.search(text)
    if m and any(a <= c < b and not a + m.start() <= c < a + m.end() for c in cues):
        return ""
    return text


def _frame_facts(doc: Doc, q: Quote, att: Attribution, dates: tuple[DateMention, ...], cues: list[int],
                 contents: list[tuple[int, int]]) -> Quote:
    """Add channel, status, hedges and date from the words around the quote (``cues``: every claim's cue offset).

    A later sibling claim's content (of ``contents``) names no channel of this one; an earlier one may hold
    the shared frame ("condemned [X in a post on X], calling it ..."), and an outer one is the frame.
    """
    fs, fe = _frame(doc, q, att)
    if att.how == "continues":
        fs, fe = q.start, q.end
    anchor = q.cue_start if q.cue_start is not None else q.start
    siblings = tuple((a, b) for a, b in contents if a >= q.end and not a <= anchor < b)
    chan = find_channel(doc.text, fs, fe, (q.start, q.end), siblings) or _lead_in_channel(doc, q, fs)
    outside = doc.text[fs:q.start] + " " + doc.text[q.end:fe]
    following = _next_sentence(doc, fe, cues)
    status, evidence = judge_status(q.text, outside, following, q.cue or "", q.speaker.name if q.speaker else "")
    date = _date_in(dates, fs, fe, (q.start, q.end), q.cue_start)
    return replace(
        q,
        channel=chan[0] if chan else None,
        channel_evidence=chan[1] if chan else None,
        status=status,
        status_evidence=evidence,
        hedges=hedges_in(outside + " " + q.text),
        date=date,
    )


def _date_in(dates: tuple[DateMention, ...], fs: int, fe: int, content: tuple[int, int], cue: int | None) -> str | None:
    """The resolved date stated in the frame outside the content, nearest the cue."""
    near = [d for d in dates if d.value and fs <= d.start < fe and not (content[0] <= d.start < content[1])]
    if not near:
        return None
    anchor = cue if cue is not None else content[1]
    return min(near, key=lambda d: abs(d.start - anchor)).value
