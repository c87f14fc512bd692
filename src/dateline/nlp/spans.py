"""Run spaCy over an article and copy out tokens, sentences and candidate spans.

Stage ``nlp.spans.v1``.  The model's entity labels are kept as evidence only; the
resolution stages decide what a span is.  Besides the NER spans, runs of proper
nouns that NER missed are proposed with the label ``PROPN`` (the small model misses
garbled names such as a misspelt town), so that the gazetteer and the actor KB get
a chance to claim them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any

from dateline.model import Article, Mention, Parse, Sentence, Token
from dateline.nlp.model import NlpModel

#: NER labels that propose entities or facts.
PROPOSED_LABELS = {
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
    "DATE", "TIME", "QUANTITY", "CARDINAL", "MONEY", "PERCENT", "ORDINAL",
}
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "PROPN"}

_LEAD_RE = re.compile(r"^(the|The|THE)\s+")
_POSS_RE = re.compile(r"(['’]s|['’])$")


#: An organisation span the model cut after "of"/"for" ("Emergency Service of | Ukraine").
_DANGLING_RE = re.compile(r"\s(?:of|for)(?:\s+the)?$")
_NAME_AFTER_RE = re.compile(r"\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")


#: The rest of a long name the model cut before its "for"/"of" part, up to the acronym that closes it: "Permanent
#: Strategic Framework| for the Defence of the People of Azawad (CSP-DPA)".
DEFINED_TAIL_RE = re.compile(r"[ ](?:for|of)[ ](?:the[ ])?[A-Z][\w'’-]*(?:[ ](?:(?:of|for|the|and|de|du|des|la|le)[ ])*"
                              r"[A-Z][\w'’-]*){0,8}(?=[ ]?\([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*\))")


def _complete_org(text: str, start: int, end: int) -> int:
    """Return the end of an ORG span, extended over the name after a dangling "of"/"for", or over a cut-off
    "for ..."/"of ..." part that runs to the name's bracketed acronym."""
    if not _DANGLING_RE.search(text[start:end]):
        tail = DEFINED_TAIL_RE.match(text, end)
        return tail.end() if tail else end
    m = _NAME_AFTER_RE.match(text, end)
    return m.end() if m and "\n" not in m.group(0) else end


#: Military unit nouns that end a numbered unit's name ("the 5th Separate Assault Brigade").
_UNIT_END_RE = re.compile(r"\b(?:Brigade|Regiment|Battalion|Division|Corps|Army|Fleet|Squadron|Detachment|Wing|Flotilla)$")
#: The unit number the model tags ORDINAL apart from the name: "5th ", "72nd ", "155th ".
_UNIT_NUMBER_RE = re.compile(r"(?<![\w.,-])\d{1,3}(?:st|nd|rd|th) $")


def _numbered_unit(text: str, start: int, end: int) -> int:
    """Return the start of an ORG span, moved back over the unit number before a unit's name.

    The number is the unit's identity: "Separate Assault Brigade" alone would match any numbered assault brigade.
    """
    if not _UNIT_END_RE.search(text[start:end]):
        return start
    m = _UNIT_NUMBER_RE.search(text, max(0, start - 6), start)
    return m.start() if m else start


def _paragraphs(text: str) -> Iterable[tuple[int, str]]:
    """Yield (offset, paragraph) for every non-empty line block."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading "the", a trailing possessive and edge punctuation off a span."""
    s = text[start:end]
    m = _LEAD_RE.match(s)
    if m and len(s) > m.end():
        start += m.end()
        s = s[m.end():]
    m2 = _POSS_RE.search(s)
    if m2 and len(s) > len(m2.group(0)) + 1:
        end -= len(m2.group(0))
        s = s[: -len(m2.group(0))]
    while s and s[0] in "\"'“”‘’([-–—,.":
        start += 1
        s = s[1:]
    while s and s[-1] in "\"'“”‘’)]-–—,.:;":
        end -= 1
        s = s[:-1]
    return start, end


def _convert(doc: Any, offset: int, tok_base: int, sent_base: int) -> tuple[list[Token], list[Sentence]]:
    tokens: list[Token] = []
    sents: list[Sentence] = []
    for si, sent in enumerate(doc.sents):
        sents.append(
            Sentence(
                start=offset + sent.start_char,
                end=offset + sent.end_char,
                first_token=tok_base + sent.start,
                last_token=tok_base + sent.end,
            )
        )
        for t in sent:
            tokens.append(
                Token(
                    i=tok_base + t.i,
                    text=t.text,
                    start=offset + t.idx,
                    end=offset + t.idx + len(t.text),
                    lemma=t.lemma_,
                    pos=t.pos_,
                    tag=t.tag_,
                    dep=t.dep_,
                    head=tok_base + t.head.i,
                    sent=sent_base + si,
                    ent_iob=t.ent_iob_ or "O",
                    ent_type=t.ent_type_,
                    is_quote=t.is_quote,
                    like_num=t.like_num,
                )
            )
    return tokens, sents


def _complete_person(doc: Any, ent: Any) -> int:
    """Return the end (in the paragraph) of a person span run on over a surname the model left out: "Amir Khan"
    + "Muttaqi" when the next word is a capitalised proper noun of no entity, in the same sentence."""
    if len(ent) < 2 or ent.end >= len(doc):
        return ent.end_char
    t = doc[ent.end]
    if t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.is_alpha or t.is_sent_start or t.text.lower() in _TITLES:
        return ent.end_char
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
        return ent.end_char  # "Yang Weizhong Deputy Director": the run goes on, it is no lone surname
    if t.ent_type_ and not _lone_name(doc, t):
        return ent.end_char
    return t.idx + len(t.text)


#: Capitalised words after a name that start a title, not a surname ("Yang Weizhong Deputy Director").
_TITLES = frozenset("""deputy director minister president general colonel spokesman spokeswoman spokesperson secretary
governor mayor chief head commander ambassador envoy senator chairman adviser advisor""".split())


def _lone_name(doc: Any, t: Any) -> bool:
    """True for a one-word name entity ("Muttaqi" tagged GPE) that no other capitalised word follows."""
    one = any(e.start == t.i and e.end == t.i + 1 and e.label_ in ("GPE", "ORG", "NORP", "LOC") for e in doc.ents)
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    return one and (nxt is None or not nxt.text[:1].isupper())


#: A name joined by an izafat or Arabic article particle ("Tehreek-e-Taliban", "Jamiat Ulema-e-Islam-Fazl",
#: "Hizb-ut-Tahrir"): the tokenizer cuts it at every hyphen and the tagger keeps a piece ("Islam Fazl" as a person).
#: A word after the chain belongs to it when the name's bracketed initials follow ("Tehreek-e-Taliban Pakistan (TTP)").
_IZAFAT = re.compile(r"(?:(?!(?:The|A|An|In|On|At|Of|For|By|From|With|To|And|But|General|Gen|President|Prime|Minister|"
                     r"Chief|Commander|Colonel|Col|Major|Maj|Captain|Capt|Mr|Mrs|Ms|Dr|Leader)\b)[A-Z][\w']+ )*"
                     r"[A-Z][\w']+(?:-(?:e|i|ul|ut|ud|us|ur|un|ush|al|el|ad|ash|as|an)-[A-Z][\w']+)+"
                     r"(?:-[A-Z][\w']+)*(?P<tail>(?: [A-Z][\w']+)?)(?= \((?P<acr>[A-Z][A-Z-]{1,8})\))?")
#: First words that make such a compound a body, not a person: Urdu, Persian and Arabic words for a movement, an
#: army, a party, an assembly or a front ("Zia-ul-Haq" is a man, "Lashkar-e-Taiba" an armed group).
IZAFAT_BODY_WORDS = frozenset("""jamiat jamaat tehreek tehrik tahreek harkat harakat lashkar jaish hizb hezb sipah ansar
majlis ittehad ittihad anjuman markaz tanzeem tanzim tablighi jabhat jebhe fedayeen mujahideen jundallah junud katibat
kataib liwa saraya""".split())
#: Kicker words that open a headline ("EXPLAINED:", "ANALYSIS:", "WATCH:"): they name a kind of item, never a speaker
#: and never a dateline's town.
KICKER_WORDS = frozenset("""
    explained explainer analysis opinion breaking exclusive live factbox timeline insight preview profile obituary
    editorial recap update updated watch listen video photos correction
""".split())
#: Time-zone abbreviations: after a clock time ("20:15 EEST —", "at 9 a.m. GMT") they name an hour, not a place
#: (the gazetteer's aliases would take "EEST" for Estonia, "IST" for Istanbul, "MSK" for Minsk).  Shared by the
#: place spans (``resolve.placespans``) and the date resolver (``events.dates``).
TIME_ZONES = frozenset("""UTC GMT BST IST CET CEST EET EEST WET WEST MSK EST EDT CST CDT MST MDT PST PDT AKST AKDT HST AST
ADT JST KST HKT SGT PKT WAT CAT EAT SAST ICT WIB AEST AEDT ACST AWST NZST NZDT IRST GST TRT""".split())


def with_izafat_names(text: str, mentions: list[Mention], sent_at: Any) -> list[Mention]:
    """Replace the pieces of each particle-joined name by one mention of the whole name.

    Its label is ORG when its first word names a body (IZAFAT_BODY_WORDS), else the longest piece's label.
    """
    out = list(mentions)
    for m in _IZAFAT.finditer(text):
        s, e = m.start(), m.end() if m.group("acr") else m.end() - len(m.group("tail") or "")
        pieces = [x for x in out if x.start < e and s < x.end and x.label in NAME_LABELS]
        if any(x.start < s or x.end > e for x in pieces):
            continue  # a longer name holds it ("the Lashkar-e-Taiba Media Wing"): leave the tagger's reading
        body = m.group(0).split("-")[0].split()[0].lower() in IZAFAT_BODY_WORDS
        label = "ORG" if body else max(pieces, key=lambda x: x.end - x.start).label if pieces else "PROPN"
        out = [x for x in out if x not in pieces]
        out.append(Mention(text=text[s:e], start=s, end=e, label=label, sent=sent_at(s)))
    return out


def _ner_mentions(text: str, doc: Any, offset: int, sent_of: dict[int, int]) -> list[Mention]:
    out: list[Mention] = []
    taken = -1  # the end of the last person span run on over a word the model tagged apart
    for ent in doc.ents:
        if ent.label_ not in PROPOSED_LABELS or offset + ent.start_char < taken:
            continue
        start, end = offset + ent.start_char, offset + ent.end_char
        if ent.label_ == "ORG":
            end = _complete_org(text, start, end)
        if ent.label_ == "PERSON":
            end = taken = offset + _complete_person(doc, ent)
        if ent.label_ in NAME_LABELS:
            start, end = trim_span(text, start, end)
        if ent.label_ == "ORG":
            start = _numbered_unit(text, start, end)
        if end <= start:
            continue
        out.append(Mention(text=text[start:end], start=start, end=end, label=ent.label_, sent=sent_of.get(ent.start, 0)))
    orgs = [(m.start, m.end) for m in out if m.label == "ORG"]  # an ordinal taken into a unit's name is no figure
    return [m for m in out if m.label != "ORDINAL" or not any(a <= m.start and m.end <= b for a, b in orgs)]


def _propn_mentions(text: str, doc: Any, offset: int, sent_of: dict[int, int]) -> list[Mention]:
    """Propose capitalised proper-noun runs that no entity covers."""
    out: list[Mention] = []
    run: list[Any] = []

    def flush() -> None:
        if run and any(t.pos_ == "PROPN" for t in run):
            start, end = offset + run[0].idx, offset + run[-1].idx + len(run[-1].text)
            start, end = trim_span(text, start, end)
            start = _numbered_unit(text, start, end)
            if end - start >= 3:
                out.append(Mention(text=text[start:end], start=start, end=end, label="PROPN", sent=sent_of.get(run[0].i, 0)))
        run.clear()

    for t in doc:
        # a sentence-initial capital says nothing, except on a proper noun ("Oleksandr Syrskyi, the ...")
        capital = t.text[:1].isupper() and t.is_alpha and (not t.is_sent_start or t.pos_ == "PROPN")
        if not t.ent_type_ and capital and t.pos_ in ("PROPN", "NOUN", "ADJ") and len(t.text) > 2:
            run.append(t)
        else:
            flush()
    flush()
    return out


def parse_article(article: Article, *, nlp: NlpModel) -> Parse:
    """Parse the article paragraph by paragraph; return tokens, sentences and mentions.

    English only: a German, Ukrainian or Russian article runs the lexical stage table
    (:data:`dateline.pipeline.LEXICAL_STAGES`, :mod:`dateline.nlp.lexical`) instead.
    """
    paras = list(_paragraphs(article.text))
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    docs = nlp.pipe([p for _, p in paras])
    for (offset, _), doc in zip(paras, docs):
        tok_base, sent_base = len(tokens), len(sentences)
        toks, sents = _convert(doc, offset, tok_base, sent_base)
        sent_of = {t.i - tok_base: t.sent for t in toks}
        tokens.extend(toks)
        sentences.extend(sents)
        mentions.extend(_ner_mentions(article.text, doc, offset, sent_of))
        mentions.extend(_propn_mentions(article.text, doc, offset, sent_of))
    starts = [st.start for st in sentences]
    mentions = with_izafat_names(article.text, mentions, lambda pos: max(0, bisect.bisect_right(starts, pos) - 1))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return Parse(tokens=tuple(tokens), sentences=tuple(sentences), mentions=tuple(mentions), model=f"{nlp.name}-{nlp.version}")
