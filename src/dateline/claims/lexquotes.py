"""Quotes of a German, Ukrainian or Russian article: marked speech with a speech verb nearby.

Without a parser only the plain case is read: words inside «…», „…“, »…« or “…” whose
frame (the quote's sentence, plus the attribution tail right after it: "», — сказав
Зеленський у Telegram") holds a speech verb.  The speaker is the person or organisation
mention nearest the verb in that frame, outside the quote; the channel comes from a small
word list.  Reported speech without quotation marks is read by :mod:`dateline.claims.lexreported`
and returned with these, in text order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.model import Article, DateMention, Entity, Parse, Quote, Speaker

STAGE = "claims.quotes.v1"
_QUOTED = re.compile(r"«(?P<a>[^«»]{2,}?)»|„(?P<b>[^„“”]{2,}?)[“”]|»(?P<c>[^»«]{2,}?)«|“(?P<d>[^“”]{2,}?)”")
#: Speech verbs (past and present, the forms a report uses), by language.
SPEECH_VERBS = {
    "uk": r"сказа(?:в|ла|ли|ло)|заяви(?:в|ла|ли|ло)|заявля[єю]|повідоми(?:в|ла|ли|ло)|написа(?:в|ла|ли|ло)"
          r"|дода(?:в|ла|ли|ло)|зазначи(?:в|ла|ли|ло)|наголоси(?:в|ла|ли|ло)|підкресли(?:в|ла|ли|ло)|розпові(?:в|ла|ли|ло)"
          r"|оголоси(?:в|ла|ли|ло)|каже|кажуть|говорить|пише|повідомля[єю]|назва(?:в|ла|ли|ло)",
    "ru": r"сказал[аио]?|заявил[аио]?|заявля[ею]т?|сообщил[аио]?|написал[аио]?|добавил[аио]?|отметил[аио]?"
          r"|подчеркнул[аио]?|рассказал[аио]?|объявил[аио]?|говорит|пишет|сообща[ею]т?|назвал[аио]?",
    "de": r"sagte[n]?|sagt|erklärte[n]?|erklärt|teilte[n]?|schrieb(?:en)?|schreibt|betonte[n]?|fügte[n]?|meldete[n]?"
          r"|nannte[n]?",
}
#: German "„…“, so Scholz": "so" is a speech cue only right after the closing mark.
_SO = re.compile(r"[,\s]*(so)(?!\w)")
#: Channel words -> the English pipeline's channel names (claims/channel.py).
CHANNEL_WORDS = (
    ("telegram", r"telegram\w*|телеграм\w*"),
    ("tweet", r"twitter|твіттер\w*|твиттер\w*|(?:(?<=auf )|(?<=у )|(?<=в )|(?<=на )|(?<=in ))(?-i:X)"),  # "auf X", "у X"
    ("facebook", r"facebook|фейсбук\w*"),
    ("video", r"video\w*|відео\w*|видео\w*|відеозвернен\w*|видеообращени\w*"),
    ("press conference", r"pressekonferenz|брифінг\w*|брифинг\w*|пресконференц\w*|пресс-конференц\w*"),
    ("television", r"fernseh\w*|телебачен\w*|телеэфир\w*|телемарафон\w*|ефір\w*|эфир\w*|телевізійн\w*|телевизионн\w*"),
    ("interview", r"interview\w*|інтерв['’]ю|интервью"),
    ("statement", r"erklärung|mitteilung|заяв[аіуи]|заявою|заявлени\w*|звернен\w*|обращени\w*"),
)
_CHANNEL = [(name, re.compile(rf"(?<!\w)(?:{pat})(?!\w)", re.I)) for name, pat in CHANNEL_WORDS]
#: Characters after a closing mark that may still be its attribution tail ("», — заявив міністр …").
TAIL_CHARS = 120


def _frame(article: Article, parse: Parse, start: int, end: int) -> tuple[int, int]:
    """Return the stretch around a quote where its verb, speaker and channel may stand."""
    si = parse.sentence_of(start)
    s = parse.sentences[si].start if si >= 0 else start
    ej = parse.sentence_of(end)
    e = parse.sentences[ej].end if ej >= 0 else end
    if e <= end + 2:  # the quote closes its sentence: the tail is the next one ("». — Зеленський.")
        nxt = parse.sentence_of(min(len(article.text) - 1, e + 1))
        if nxt >= 0 and re.match(r"\s*[,—–-]", article.text[end:end + 5]):
            e = parse.sentences[nxt].end
    return s, min(e, end + TAIL_CHARS) if e > end else e


def _cue(text: str, lang: str, s: int, e: int, qs: int, qe: int) -> re.Match[str] | None:
    """Return the speech verb in text[s:e] outside the quote, the one after the quote first."""
    rx = re.compile(rf"(?<!\w)(?:{SPEECH_VERBS[lang]})(?!\w)", re.I if lang == "de" else 0)
    after = rx.search(text, qe, e) or _SO.match(text, qe) if lang == "de" else rx.search(text, qe, e)
    if after:
        return after
    before = list(rx.finditer(text, s, qs))
    return before[-1] if before else None


def _speaker(entities: tuple[Entity, ...], s: int, e: int, qs: int, qe: int, at: int,
             kinds: tuple[str, ...] = ("person", "org")) -> Speaker | None:
    """Return the person/org mention in [s, e) outside the quote nearest offset ``at``."""
    best = None
    for ent in entities:
        if ent.kind not in kinds:
            continue
        for m in ent.mentions:
            if s <= m.start and m.end <= e and not (qs <= m.start < qe):
                dist = abs(m.start - at)
                if best is None or dist < best[0]:
                    best = (dist, ent, m)
    if best is None:
        return None
    _, ent, m = best
    return Speaker(entity_id=ent.id, name=ent.name, start=m.start, end=m.end, mentions=(m,))


def _pronoun_cue(text: str, lang: str, cue: re.Match[str]) -> bool:
    """True when a personal pronoun stands right by the speech verb ("», — сказав він", "sagte er")."""
    from dateline.claims.lexreported import PRONOUNS

    near = text[max(0, cue.start() - 12):cue.end() + 12]
    return re.search(rf"(?<!\w)(?:{PRONOUNS[lang]})(?!\w)", near, re.I if lang == "de" else 0) is not None


def _name_in_marks(inner: str) -> bool:
    """Return True for one or two capitalised words in quotation marks: a unit's, an operation's or a product's name."""
    words = inner.strip(" .,!?…").split()
    return 1 <= len(words) <= 2 and all(w[:1].isupper() for w in words)


def _previous_sentence(parse: Parse, s: int) -> int:
    """Return the start of the sentence before the one starting at ``s`` (``s`` itself when there is none)."""
    before = [st.start for st in parse.sentences if st.start < s]  # across a paragraph break too
    return before[-1] if before else s


#: Verbs of writing: a quote "», — написал Кварнов" was written where the sentence before said the same person
#: wrote ("сообщил … в Telegram"), so it takes that channel (``_carried_channel``).
WRITING_VERBS = {
    "uk": re.compile(r"написа(?:в|ла|ли|ло)|пише", re.I),
    "ru": re.compile(r"написал[аио]?|пишет", re.I),
    "de": re.compile(r"schrieb(?:en)?|schreibt", re.I),
}


def _carried_channel(text: str, parse: Parse, entities: tuple[Entity, ...], speaker: Speaker,
                     s: int) -> tuple[str, str] | None:
    """Return the channel the sentence before offset ``s`` names, when that sentence also names the speaker."""
    ps = _previous_sentence(parse, s)
    ent = next((x for x in entities if x.id == speaker.entity_id), None)
    if ps == s or ent is None or not any(ps <= m.start < s for m in ent.mentions):
        return None
    return _channel(text, ps, s, s, s)


def _channel(text: str, s: int, e: int, qs: int, qe: int) -> tuple[str, str] | None:
    for name, rx in _CHANNEL:
        for a, b in ((s, qs), (qe, e)):
            m = rx.search(text, a, b)
            if m:
                return name, m.group(0)
    return None


def lexical_quotes(article: Article, parse: Parse, entities: tuple[Entity, ...],
                   dates: tuple[DateMention, ...]) -> tuple[Quote, ...]:
    """Return the marked quotes of a de/uk/ru article with a speech verb in their frame, and its reported speech.

    Args:
        article: the article.
        parse: its lexical parse (sentences).
        entities: people, organisations and places; speakers are people and organisations.
        dates: resolved dates; the one in the frame dates the quote.
    """
    from dateline.claims.lexreported import reported_quotes, titled_antecedent
    from dateline.events.dates import date_near

    text, lang = article.text, article.language
    if lang not in SPEECH_VERBS:
        return ()
    out: list[Quote] = []
    for m in _QUOTED.finditer(text):
        g = next(k for k in "abcd" if m.group(k) is not None)
        qs, qe = m.start(g), m.end(g)
        if _name_in_marks(text[qs:qe]):
            continue  # "угруповання «Сіверськ»", „Leopard“: a name in quotation marks, nobody's words
        s, e = _frame(article, parse, m.start(), m.end())
        cue = _cue(text, lang, s, e, m.start(), m.end())
        if cue is None:
            continue  # a title or a term in quotation marks, nobody's words
        speaker = _speaker(entities, s, e, m.start(), m.end(), cue.start())
        if speaker is None and _pronoun_cue(text, lang, cue):
            speaker = _speaker(entities, _previous_sentence(parse, s), s, s, s, s, kinds=("person",)) \
                or next((q.speaker for q in reversed(out) if q.speaker is not None), None)
        if speaker is None:  # "», — добавил губернатор": the person last named with that title
            speaker = (titled_antecedent(text, lang, entities, m.end(), e, s)
                       or titled_antecedent(text, lang, entities, s, m.start(), s))
        ch = _channel(text, s, e, m.start(), m.end())
        if ch is None and speaker is not None and WRITING_VERBS[lang].fullmatch(cue.group(0)):
            ch = _carried_channel(text, parse, entities, speaker, s)
        day = date_near(dates, s, e)
        out.append(Quote(text=text[qs:qe], start=qs, end=qe, kind="direct", speaker=speaker, cue=cue.group(0),
                         cue_start=cue.start(), channel=ch[0] if ch else None, channel_evidence=ch[1] if ch else None,
                         date=day.value if day else None, reason=None if speaker else "no KB person or organisation in the frame",
                         id=f"q{len(out)}", stage=STAGE))
    found = sorted([*out, *reported_quotes(article, parse, entities, dates, tuple(out))], key=lambda q: q.start)
    return tuple(replace(q, id=f"q{n}") for n, q in enumerate(found))
