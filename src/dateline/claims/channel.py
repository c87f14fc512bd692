"""The channel a statement was made through: video, Telegram, tweet, television, ...

Looked for in the attribution frame (the cue's sentence outside the quoted contents),
e.g. "in a video released by his office", "In the messaging app Telegram", "said by
telegram", "tweeted a photo", "told a Ukrainian television channel", "in its daily report".
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.claims.context import Doc
from dateline.model import Quote, Speaker

#: (channel, pattern) in priority order: the first that matches wins.
CHANNELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pat, re.I))
    for name, pat in (
        ("telegram", r"\btelegram\b"),
        ("tweet", r"\btweet(s|ed|ing)?\b|\btwitter\b|\bon X\b|\bX post\b"
                  r"|\b(?:his|her|its|their|the) X (?:handle|account|page|feed)\b"),
        ("facebook", r"\bfacebook\b"),
        ("video", r"\bvideo(s|taped)?\b|\byoutube\b"),
        ("press conference", r"\b(press|news) (conference|briefing)\b|\bbriefing\b|\bconference call\b"
                             r"|\b(?:daily|regular|weekly) (?:call|conference call) with (?:reporters|journalists)\b"
                             r"|\breporters in a (?:daily |regular |weekly )?(?:conference )?call\b"),
        ("television", r"\btelevision\b|\btelevised\b|\bTV\b|\b(state|public|national) broadcaster\b"
                       r"|\b(?:national |news )?telethon\b"),
        ("interview", r"\binterview(s|ed)?\b"),
        ("radio", r"\bradio\b"),
        ("social media", r"\bsocial media\b|\binstagram\b|\btiktok\b|\bonline post\b"),
        ("statement", r"\bstatement\b|\bcommuniqu[eé]\b|\bpress release\b"),
        ("report", r"\breport\b|\bassessment\b|\bbulletin\b|\bupdate\b"),
    )
)


def find_channel(text: str, start: int, end: int, exclude: tuple[int, int] | None = None,
                 others: tuple[tuple[int, int], ...] = ()) -> tuple[str, str] | None:
    """Return (channel, evidence) found in text[start:end] outside ``exclude`` and ``others``.

    Args:
        text: the article text.
        start: start of the attribution frame (usually the cue's sentence).
        end: end of the frame.
        exclude: the content span, which is the speaker's words, not the channel.
        others: other claims' contents in the frame ("tight-lipped about X, urging residents to avoid
            social media": the medium belongs to the urging's words, not to the first claim).

    Returns:
        The channel name and the matched words, or None.
    """
    pieces = [(start, end)]
    for a, b in sorted((*(() if exclude is None else (exclude,)), *others)):
        pieces = [piece for lo, hi in pieces for piece in ((lo, min(hi, a)), (max(lo, b), hi)) if piece[0] < piece[1]]
    for name, pat in CHANNELS:
        for a, b in pieces:
            m = pat.search(text, a, b)
            if m:
                return name, _evidence(text, m.start(), m.end(), a, b)
    return None


def _evidence(text: str, s: int, e: int, a: int, b: int) -> str:
    """Widen a match to a few words either side, within the frame."""
    left = text.rfind(" ", a, max(a, s - 12))
    right = text.find(" ", min(b, e + 12), b)
    return text[left + 1 if left >= 0 else a : right if right >= 0 else b].strip(" ,.;:")


#: A content that opens with the medium it was said in ("said in a statement that C", misparsed as "said [a
#: statement that C]"): the medium is the channel, C the content.
_MEDIUM_LEAD = re.compile(
    r"(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|interview|video(?:\s+address|\s+message)?|"
    r"post|message|briefing|communiqu[eé]|press\s+release|address)\s+(?:on\s+\w+\s+)?that\s+", re.I)


def content_after_medium(text: str, start: int, end: int) -> int:
    """Return where a content really starts when it opens with "a statement that" (else ``start``)."""
    m = _MEDIUM_LEAD.match(text, start, end)
    return m.end() if m and m.end() < end else start


#: Documents a quote may be cued by ("the bulletin said") that an earlier sentence may have put on a platform ("its
#: morning bulletin on Telegram").
_DOCUMENTS = ("update", "statement", "report", "bulletin", "post", "message")
#: Sentences back a document's platform is looked for.  Set by judgement: the sentence before and the one before it.
DOCUMENT_PLATFORM_SENTENCES = 2


def _document_platform(doc: Doc, q: Quote) -> Quote:
    """Give a quote told by a document ("…,” the bulletin said") the platform an earlier sentence put it on."""
    if q.channel not in ("report", "statement") or not q.channel_evidence:
        return q
    noun = next((w for w in _DOCUMENTS if re.search(rf"\b{w}s?\b", q.channel_evidence, re.I)), None)
    here = doc.parse.sentence_of(q.start)
    if noun is None or here < 1:
        return q
    first = doc.parse.sentences[max(0, here - DOCUMENT_PLATFORM_SENTENCES)].start
    rx = re.compile(rf"\b{noun}s?\s+(?:on|via)\s+(?:(?:its|the|their|his|her)\s+)?(?P<p>\w+)", re.I)
    for m in rx.finditer(doc.text, first, doc.parse.sentences[here].start):
        found = find_channel(doc.text, m.start("p"), m.end("p"))
        if found is not None and found[0] not in ("report", "statement"):
            return replace(q, channel=found[0], channel_evidence=doc.text[m.start():m.end()])
    return q


def carry_channels(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """Give a speaker's next quote the channel stated for the previous one when they are adjacent."""
    out = [_document_platform(doc, q) for q in quotes]
    for k in range(1, len(out)):
        q = out[k]
        if q.channel or q.speaker is None:
            continue
        p = next((x for x in reversed(out[:k]) if x.speaker is not None), None)
        if p is None or not p.channel or not (same_speaker(p.speaker, q.speaker) or _its_spokesperson(doc, p, q)):
            continue
        gap = doc.parse.sentence_of(q.start) - doc.parse.sentence_of(max(p.end - 1, p.start))
        if 0 <= gap <= (CARRY_SAME_SPEAKER_SENTENCES if same_speaker(p.speaker, q.speaker) else 1):
            out[k] = replace(q, channel=p.channel, channel_evidence=p.channel_evidence)
    return [_written_again(doc, out, k) for k in range(len(out))]


#: Channels a speaker writes in: "X wrote" later in the story is the same channel, if X stated only one.
WRITTEN_CHANNELS = frozenset({"telegram", "tweet", "facebook", "social media", "statement", "instagram"})
#: Sentences back a writing verb looks for the speaker's written channel ("X said on Telegram ... [a paragraph] ...
#: “…,” X wrote").  Set by judgement: a few paragraphs of wire copy.
CARRY_WRITTEN_SENTENCES = 6
_WRITING_CUES = frozenset({"wrote", "writes", "posted", "posts"})


def _written_again(doc: Doc, quotes: list[Quote], k: int) -> Quote:
    """Give a quote cued by a writing verb the one written channel its speaker used earlier in the story."""
    q = quotes[k]
    if q.channel or q.speaker is None or (q.cue or "").lower() not in _WRITING_CUES:
        return q
    here = doc.parse.sentence_of(q.start)
    earlier = {(p.channel, p.channel_evidence) for p in quotes[:k] if p.speaker is not None and p.channel in WRITTEN_CHANNELS
               and same_speaker(p.speaker, q.speaker)
               and 0 <= here - doc.parse.sentence_of(max(p.end - 1, p.start)) <= CARRY_WRITTEN_SENTENCES}
    if not earlier:
        return _source_line(doc, q)
    if len({c for c, _ in earlier}) != 1:
        return q
    channel, evidence = next(iter(earlier))
    return replace(q, channel=channel, channel_evidence=evidence)


#: A news item's source line above its body, as Ukrainian outlets in English print it: "Source: NAME, head of the
#: regional military administration, on Telegram".
_SOURCE_LINE = re.compile(r"(?im)^(?:source|sources|джерело|источник):[^\n]+")


def _source_line(doc: Doc, q: Quote) -> Quote:
    """Give a quote the written channel of a source line above it that names its speaker ("Source: X, on Telegram";
    later "“…,” X wrote")."""
    if q.speaker is None or q.speaker.entity_id is None:
        return q
    spans = [(m.start, m.end) for e in doc.entities if e.id == q.speaker.entity_id for m in e.mentions]
    for line in _SOURCE_LINE.finditer(doc.text, 0, q.start):
        if any(line.start() <= a and b <= line.end() for a, b in spans):
            found = find_channel(doc.text, line.start(), line.end())
            if found is not None and found[0] in WRITTEN_CHANNELS:
                return replace(q, channel=found[0], channel_evidence=found[1])
    return q


#: Sentences a stated channel carries to the same speaker's next quote ("X told reporters at a briefing ... [one
#: sentence of the story] ... “…,” X said"): the same briefing.  Golden probes; PolNeAR train unchanged (no channels).
CARRY_SAME_SPEAKER_SENTENCES = 2
#: "its spokesman X", "ministry spokeswoman X", "a ministry official" right before (or as) a speaker's name.
_SPOKESPERSON = re.compile(r"(?P<pre>(?:[\w’'-]+\s+){1,3})(?:spokes(?:man|woman|person)|official)\b", re.I)
#: Most characters between "spokesman" and the start of the name it introduces ("spokesman Maj. Gen. ").
_SPOKESPERSON_GAP = 30
_OWNER_PRONOUNS = frozenset({"its", "their"})


def _its_spokesperson(doc: Doc, p: Quote, q: Quote) -> bool:
    """True when ``q``'s speaker is introduced as the spokesperson of ``p``'s speaker, an organisation.

    "The Defense Ministry said in a statement that …  “…,” ministry spokesman Igor Konashenkov said":
    the spokesman's words are the statement's.
    """
    from dateline.claims.speakers import guess_kind

    if p.speaker is None or q.speaker is None or guess_kind(doc, p.speaker) != "org":
        return False
    sp = q.speaker
    m = next((x for x in _SPOKESPERSON.finditer(doc.text, max(0, sp.start - 60), sp.end)
              if x.end() >= sp.start - _SPOKESPERSON_GAP), None)
    if m is None:
        return False
    owners = {w.lower().removesuffix("'s").removesuffix("’s") for w in m.group("pre").split()}
    names = {w for w in p.speaker.name.lower().split() if len(w) > 3}
    return bool(owners & (_OWNER_PRONOUNS | names))


def same_speaker(a: Speaker, b: Speaker) -> bool:
    """True when two speakers are one entity (or, unlinked, one name)."""
    if a.entity_id and b.entity_id:
        return a.entity_id == b.entity_id
    return a.name.lower() == b.name.lower()
