"""Reported speech without quotation marks in German, Ukrainian and Russian (no parser).

Four sentence shapes carry nearly all of it in news prose, and each fixes the content
span and the speaker by its punctuation:

* a source phrase opens the sentence: "За словами X, …", "Як повідомив X, …", "По словам
  X, …", "Как сообщил X, …", "По данным X, …", "Laut X …", "Nach Angaben von X …" —
  the content is the rest of the sentence after the phrase's comma (German: after the name);
* the speaker and verb open it: "X заявив, що …", "X заявил, что …", "X erklärte, dass …",
  "X sagte in Berlin, …", "X teilte mit, dass …" — the content follows the comma (and the
  conjunction);
* the source phrase stands between commas inside it: "…, по словам Пескова, …", "…, за словами X, …" — the
  content is the whole sentence;
* the verb and speaker close it: "…, повідомив губернатор X.", "…, сообщил X.", "…, teilte X
  mit.", "…, schrieb X auf Telegram." — the content is the sentence before the comma.

The speaker is the person or organisation mention in the source part; a pronoun there
("За його словами", "Він додав", "Er sagte") is the last speaker named before.  The
channel comes from the same word list as marked quotes.  Each reading is a ``Quote`` of
kind ``indirect``.  Not read: content spread over several sentences, "Об этом сообщил X"
(what "this" is needs the previous sentence), and speech verbs with no comma.
"""

from __future__ import annotations

import re

from dateline.model import Article, DateMention, Entity, Parse, Quote, Speaker

STAGE = "claims.quotes.v1"
#: Source phrases that open a sentence, by language (the speaker follows).
LEAD_INS = {
    "uk": r"за (?:(?:його|її|їхніми|їх)\s+)?(?:словами|даними|інформацією)|як (?:повідоми\w*|заяви\w*|сказа\w*|зазначи\w*|написа\w*)|згідно з даними",
    "ru": r"по (?:(?:его|её|ее|их)\s+)?(?:словам|данным|информации)|как (?:сообщил\w*|заявил\w*|сказал\w*|отметил\w*|написал\w*)|согласно данным",
    "de": r"laut|nach angaben (?:von|des|der)|wie",
}
#: Conjunctions that open the content clause after the verb's comma.
THAT = {"uk": r"що|мовляв", "ru": r"что|мол", "de": r"dass"}
#: Pronouns that stand for the last speaker named.
PRONOUNS = {
    "uk": r"він|вона|вони|його|її|їхніми|їх",
    "ru": r"он|она|они|его|её|ее|их",
    "de": r"er|sie|seinen|ihren|ihm|ihr",
}
#: Words for the organisation last named ("По данным ведомства", "the ministry"): its antecedent is the nearest
#: organisation mentioned before the sentence.
AGENCY_WORDS = {
    "uk": r"відомств\w*|міністерств\w*|штаб\w*",
    "ru": r"ведомств\w*|министерств\w*|штаб\w*",
    "de": r"ministerium\w*|behörde\w*|armee",
}
#: Titles that stand for the person last named with the same title ("губернатор области Антон Кварнов" ... "По
#: словам губернатора"; "Innenministerin Dana Velm" ... "sagte die Ministerin").  One pattern per title, its case
#: forms spelled out ("голова", not "головний"); a German title may end a compound ("Bundesinnenminister").
TITLE_WORDS = {
    "uk": (r"губернатор\w{0,3}", r"голов(?:а|и|і|у|ою)", r"міністр\w{0,3}", r"президент\w{0,3}", r"мер(?:а|ом|у|і)?",
           r"речни(?:к|ка|ку|ком|ця|ці|цю|цею)", r"посол|посла|послу", r"командувач\w{0,3}", r"очільни\w{1,3}"),
    "ru": (r"губернатор\w{0,3}", r"глав(?:а|ы|е|у|ой)", r"министр\w{0,3}", r"президент\w{0,3}", r"мэр\w{0,3}",
           r"представител\w{1,3}", r"пресс-секретар\w{1,3}", r"посол|посла|послу", r"командующ\w{2,3}"),
    "de": (r"\w*minister(?:in|s|n)?", r"\w*präsident(?:in|en)?", r"\w*bürgermeister(?:in|s)?", r"\w*sprecher(?:in|s)?",
           r"gouverneur(?:in|s)?", r"\w*kanzler(?:in|s)?", r"botschafter(?:in|s)?"),
}
#: Characters before a person's mention where the title that names them may stand ("губернатор области Антон").
TITLE_REACH = 40
#: Words between the verb and its comma ("sagte in Berlin, …", "заявив у четвер, що …").  Set by judgement.
MAX_VERB_TAIL_WORDS = 4
#: Shortest content, in words: "…, сказав він" after a two-word fragment is not a statement.
MIN_CONTENT_WORDS = 3


def _mentions(entities: tuple[Entity, ...], a: int, b: int) -> list[tuple[int, Entity, object]]:
    return sorted((m.start, e, m) for e in entities if e.kind in ("person", "org") for m in e.mentions
                  if a <= m.start and m.end <= b)


def _speaker_in(entities: tuple[Entity, ...], a: int, b: int, at: int) -> Speaker | None:
    """Return the person (else organisation) mention in [a, b) nearest offset ``at`` as a Speaker."""
    found = _mentions(entities, a, b)
    if not found:
        return None
    people = [x for x in found if x[1].kind == "person"]  # "речник Сил оборони півдня Дмитро Плетенчук": the person speaks
    _, ent, m = min(people or found, key=lambda x: abs(x[0] - at))
    return Speaker(entity_id=ent.id, name=ent.name, start=m.start, end=m.end, mentions=(m,))  # type: ignore[attr-defined]


def _last_org(entities: tuple[Entity, ...], before: int) -> Speaker | None:
    """Return the organisation mentioned last before offset ``before`` as a Speaker."""
    found = [x for x in _mentions(entities, 0, before) if x[1].kind == "org"]
    if not found:
        return None
    _, ent, m = found[-1]
    return Speaker(entity_id=ent.id, name=ent.name, start=m.start, end=m.end, mentions=(m,))  # type: ignore[attr-defined]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Return [a, b) without surrounding blanks, dashes and the final full stop."""
    while a < b and text[a] in " \t,—–-":
        a += 1
    while b > a and text[b - 1] in " \t.!;":
        b -= 1
    return a, b


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_TITLES = {lang: [_rx(rf"(?<!\w)(?:{p})(?!\w)") for p in pats] for lang, pats in TITLE_WORDS.items()}


def titled_antecedent(text: str, lang: str, entities: tuple[Entity, ...], a: int, b: int,
                      before: int) -> Speaker | None:
    """Return the person last named before offset ``before`` with the title that text[a:b] names its speaker by.

    "По словам губернатора, …" after "губернатор области Антон Кварнов": Anton Kvarnov.  None when text[a:b] holds
    no title or no earlier person bears it.
    """
    for rx in _TITLES.get(lang, ()):
        if rx.search(text, a, b):
            people = [x for x in _mentions(entities, 0, before) if x[1].kind == "person"
                      and rx.search(text, max(0, x[0] - TITLE_REACH), x[0])]
            if people:
                _, ent, m = people[-1]
                return Speaker(entity_id=ent.id, name=ent.name, start=m.start, end=m.end,  # type: ignore[attr-defined]
                               mentions=(m,))
    return None


def _has_name(src: str) -> bool:
    """Return True if a capitalised word follows the first word of ``src`` (a name or title, not just "Die")."""
    return any(w[:1].isupper() for w in src.split()[1:]) or (len(src.split()) == 1 and src.strip()[:1].isupper())


#: German speech verbs at the end of a subordinate clause, their particle joined ("wie das Ministerium mitteilte").
_DE_FINAL_VERBS = r"mitteilte[n]?|bekanntgab(?:en)?|angab(?:en)?|berichtete[n]?|erklärte[n]?|meldete[n]?|sagte[n]?|schrieb(?:en)?"
#: German "X zufolge": the source before the postposition opens the sentence.
_ZUFOLGE = re.compile(r"^\s*(?P<src>[^,.]{3,80}?)\s+(?P<cue>zufolge)(?!\w)", re.I)

_PRONOUN_START = {lang: _rx(rf"^\s*(?:{p})(?!\w)") for lang, p in PRONOUNS.items()}


def read_sentence(text: str, lang: str, s: int, e: int) -> tuple[str, int, int, int, int, tuple[int, int]] | None:
    """Return (shape, content start, content end, cue start, cue end, source span) of reported speech in text[s:e].

    Args:
        text: the article's text.
        lang: "uk", "ru" or "de".
        s: the sentence's start; ``e``: its end.
    Returns:
        None when the sentence has none of the three shapes.
    """
    from dateline.claims.lexquotes import SPEECH_VERBS

    sent = text[s:e]
    verb = rf"(?:{SPEECH_VERBS[lang]})"
    if lang == "de":  # "Laut dem ukrainischen Generalstab wurden …": the source ends at the noun before a small word
        lead = _rx(rf"^\s*(?P<cue>{LEAD_INS[lang]})(?!\w)(?P<src>(?:\s+[^\s,]+){{0,5}}?\s+(?-i:[A-ZÄÖÜ])[^\s,]*)"
                   rf"(?:\s*,|(?=\s+(?-i:[a-zäöü])))")
    else:
        lead = _rx(rf"^\s*(?P<cue>{LEAD_INS[lang]})(?!\w)(?P<src>[^,]{{0,80}}?),")
    m = lead.match(sent)
    if lang == "de" and m and m.group("cue").lower() == "wie":  # "Wie das Ministerium in Moskau mitteilte, ...": to the comma
        m = _rx(rf"^\s*(?P<cue>wie)(?!\w)(?P<src>[^,]{{0,80}}?(?<!\w)(?:{verb}|{_DE_FINAL_VERBS})(?!\w)[^,]{{0,20}}),").match(sent)
    if lang == "de" and m is None and (z := _ZUFOLGE.match(sent)) is not None and _has_name(z.group("src")):
        a, b = _trim(text, s + z.end(), e)  # "Innenminister Ihor Klymenko zufolge suchten ...": the source, then the word
        return "lead", a, b, s + z.start("cue"), s + z.end("cue"), (s, s + z.end("src"))
    if m and not (lang == "de" and m.group("cue").lower() == "wie" and not re.search(verb, m.group("src"), re.I)):
        a, b = _trim(text, s + m.end(), e)
        return "lead", a, b, s + m.start("cue"), s + m.end("cue"), (s + m.start("cue"), s + m.end("src"))
    opening = _rx(rf"^(?P<src>[^,]{{1,120}}?)(?<!\w)(?P<cue>{verb})(?!\w)(?P<tail>(?:\s+[^\s,]+){{0,{MAX_VERB_TAIL_WORDS}}}?)"
                  rf"\s*,\s*(?:(?:{THAT[lang]})(?!\w))?")
    m = opening.match(sent)
    if m and (_has_name(m.group("src")) or _PRONOUN_START[lang].match(m.group("src"))):
        a, b = _trim(text, s + m.end(), e)
        return "opening", a, b, s + m.start("cue"), s + m.end("cue"), (s, s + m.start("cue"))
    inserted = _rx(rf",\s*(?P<cue>{LEAD_INS[lang]})(?!\w)(?P<src>[^,]{{1,60}}),")
    m = inserted.search(sent)
    if m and lang != "de" and _has_name(m.group("src")):  # "Вмешательство США, по словам Пескова, оборачивается ..."
        a, b = _trim(text, s, e)
        return "inserted", a, b, s + m.start("cue"), s + m.end("cue"), (s + m.start("cue"), s + m.end("src"))
    closing = _rx(rf",\s*(?:[—–-]\s*)?(?P<cue>{verb})(?!\w)(?P<src>[^,]{{1,120}})$")
    m = closing.search(sent.rstrip(" .!"))
    if m:
        a, b = _trim(text, s, s + m.start())
        return "closing", a, b, s + m.start("cue"), s + m.end("cue"), (s + m.start("cue"), e)
    return None


def reported_quotes(article: Article, parse: Parse, entities: tuple[Entity, ...], dates: tuple[DateMention, ...],
                    marked: tuple[Quote, ...]) -> list[Quote]:
    """Return the unmarked reported speech of a de/uk/ru article (sentences without a marked quote).

    Args:
        article: the article.
        parse: its lexical parse (sentences).
        entities: people and organisations (speakers).
        dates: resolved dates; the one in the sentence dates the statement.
        marked: the marked quotes already read; their sentences (and those inside them) are skipped and their speakers
            are the antecedents of a later pronoun.
    """
    from dateline.claims.lexquotes import _channel
    from dateline.events.dates import date_near

    text, lang = article.text, article.language
    if lang not in LEAD_INS:
        return []
    pronoun = _rx(rf"(?<!\w)(?:{PRONOUNS[lang]})(?!\w)")
    out: list[Quote] = []
    for sent in parse.sentences:
        if any(sent.start <= q.start < sent.end or q.start <= sent.start < q.end for q in marked):
            continue  # a marked quote's sentence, or a sentence inside one ("«… Колона відійшла …», — написав він")
        hit = read_sentence(text, lang, sent.start, sent.end)
        if hit is None:
            continue
        shape, a, b, cs, ce, (ss, se) = hit
        if len(text[a:b].split()) < MIN_CONTENT_WORDS:
            continue
        speaker = _speaker_in(entities, ss, se, cs)
        reason = None
        if speaker is None and pronoun.search(text, ss, se):
            earlier = [q for q in (*marked, *out) if q.speaker is not None and q.start < sent.start]
            speaker = max(earlier, key=lambda q: q.start).speaker if earlier else None
            reason = "speaker from a pronoun: the last speaker named" if speaker else None
        elif speaker is None and (speaker := titled_antecedent(text, lang, entities, ss, se, sent.start)) is not None:
            reason = "speaker from a title: the last person named with it"
        elif speaker is None and _rx(rf"(?<!\w)(?:{AGENCY_WORDS[lang]})(?!\w)").search(text, ss, se):
            speaker = _last_org(entities, sent.start)
            reason = "speaker from a word for an organisation: the last one named" if speaker else None
        ch = _channel(text, sent.start, sent.end, a, b)
        day = date_near(dates, sent.start, sent.end)
        out.append(Quote(text=text[a:b], start=a, end=b, kind="indirect", speaker=speaker, cue=text[cs:ce], cue_start=cs,
                         channel=ch[0] if ch else None, channel_evidence=ch[1] if ch else None,
                         date=day.value if day else None,
                         reason=reason or (None if speaker else "no KB person or organisation in the source words"),
                         stage=STAGE))
    return out
