"""Places of a German, Ukrainian or Russian article read without a parser (see :mod:`dateline.nlp.lexical`).

Every capitalised word (and run) the lexical parse proposes is looked up in the gazetteer,
first as written, then in the nominative forms :func:`~dateline.nlp.lexical.name_forms`
proposes ("Харкові" -> "Харків", "Курской области" -> "Курская область").  Only exact
gazetteer names make a span; the spans then go through the same ranking as English
ones (:func:`dateline.resolve.places.resolve_spans`), with the document's focus.  Country
names, which the gazetteer holds in English only, come from a small table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.events.lexdates import calendar_word
from dateline.model import Article, Entity, Mention, Parse, Token
from dateline.nlp.lexical import is_name_start, is_name_word, name_forms, stop_words, word_key
from dateline.resolve.gazetteer import Gazetteer
from dateline.resolve.gazetteer.keys import plain_key
from dateline.resolve.placerank import MIN_MARGIN
from dateline.resolve.places import resolve_spans, to_entity
from dateline.resolve.placesense import Resolved
from dateline.resolve.placespans import Span

STAGE = "resolve.places.v1"

#: Country (and Crimea) names in German, Ukrainian and Russian -> the gazetteer's English name.
#: Keyed by :func:`word_key`, so every case form meets its nominative (України, Украине, Russlands).
COUNTRY_NAMES = {
    "Ukraine": ("Україна", "Украина", "Ukraine"),
    "Russia": ("Росія", "Россия", "Russland", "РФ"),
    "Belarus": ("Білорусь", "Беларусь", "Белоруссия", "Belarus", "Weißrussland"),
    "United States": ("США", "USA"),
    "Germany": ("Німеччина", "Германия", "Deutschland"),
    "Poland": ("Польща", "Польша", "Polen"),
    "France": ("Франція", "Франция", "Frankreich"),
    "United Kingdom": ("Велика Британія", "Великобритания", "Großbritannien"),
    "Moldova": ("Молдова", "Молдавия", "Moldau", "Moldawien"),
    "Georgia": ("Грузія", "Грузия", "Georgien"),
    "Turkey": ("Туреччина", "Турция", "Türkei"),
    "China": ("Китай",),
    "Iran": ("Іран", "Иран"),
    "Crimea": ("Крим", "Крым", "Krim"),
}
_COUNTRY_KEYS = {" ".join(word_key(w) for w in name.split()): en for en, names in COUNTRY_NAMES.items() for name in names}
#: Languages whose country names ``locale_countries`` reads from pycountry's ISO 3166 translations.
LOCALE_LANGUAGES = ("de", "uk", "ru")
#: Shortest key of a translated country name: shorter ones meet the stems of common words ("Мали" and "Мала",
#: "Перу" and "Пера"); the short forms the news uses (РФ, США) are in COUNTRY_NAMES.
LOCALE_NAME_MIN_LEN = 4


def _locale_names(lang: str) -> dict[str, set[str]]:
    """Return alpha-2 code -> the country's short, common and official names in ``lang`` (pycountry's gettext
    catalogue); an inverted name ("Moldau, Republik", "Iran, Islamische Republik") gives its head too."""
    import gettext

    import pycountry

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return {}
    out: dict[str, set[str]] = {}
    for c in pycountry.countries:
        names = out.setdefault(c.alpha_2, set())
        for attr in ("name", "common_name", "official_name"):
            if en := getattr(c, attr, None):
                names.add(name := tr.gettext(en))
                if ", " in name:
                    names.add(name.split(", ")[0])
    return out


def locale_countries(gazetteer: Gazetteer) -> dict[str, str]:
    """Return the key (``word_key`` of each word) of every country's German, Ukrainian and Russian name -> the
    gazetteer's English name for it ("Ungarn", "Угорщини", "Венгрией" -> Hungary).

    A name that two countries share ("Korea") or that is a stop word of its language ("Того") is left out.
    """
    return gazetteer.derived(_locale_countries)


def _locale_countries(gazetteer: Gazetteer) -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for lang in LOCALE_LANGUAGES:
        stops = stop_words(lang)
        for cc, names in _locale_names(lang).items():
            rec = gazetteer.country(cc)
            for name in names if rec is not None else ():
                key = " ".join(word_key(w) for w in name.split())
                if len(key) < LOCALE_NAME_MIN_LEN or " " not in name and name.lower() in stops:
                    continue
                seen.setdefault(key, set()).add(rec.name)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
#: Words before a name that make it a place ("у Харкові", "под Бахмутом", "bei Charkiw"): the span
#: gets a place label; without one it is an untagged name, kept only for a large place or one in focus.
LOCATIVE_WORDS = frozenset(
    "у в во з із зі до під біля поблизу поруч над на по через від під із-під околицях районі "
    "из под около возле близ от окрестностях районе "
    "in im bei nahe nach aus um von vor".split())
#: Settlement nouns before a name ("в селі Гроза", "в селе Сушаны", "das Dorf Stanislaw"): the name is a place,
#: as after a locative word, whatever its case.
SETTLEMENT_WORDS = frozenset(
    "село села селі селом селище селища селищі місто міста місті містечко містечку "
    "селе поселок посёлок поселке посёлке поселка посёлка город города городе деревня деревни деревне хутор хуторе "
    "dorf dorfes ortschaft stadt kleinstadt".split())
#: German region words before a name ("Gebiet Kursk", "des Gebiets Odessa", "Oblast Charkiw"): the name is the region.
_DE_REGION = frozenset({"gebiet", "gebiets", "gebietes", "oblast", "region", "bezirk", "bezirks", "bezirkes"})
#: Closed-class words and region words that start a sentence (or, in German, any noun-like word) and fold
#: onto some gazetteer alias ("Wir" -> Vire, "Region" -> Calabarzon): never a place on their own.
NOT_NAMES = frozenset(
    "der die das den dem des ein eine einer wir ich er sie es man auch nach in im am bei mit von zu und aber doch so "
    "wie wenn als dass dort hier heute jeder jede alle region gebiet oblast bezirk stadt dorf land ort orte orten "
    "ми ви він вона вони це ця цей тим там тут але і й та а за на у в з до по після також слова "
    "мы вы он она они это эта этот тем там тут но и а за на у в с до по после также слова об о про "
    # time adverbs that open sentences ("Ранее в четверг ...", "Gestern ...")
    "früher später gestern morgen dann jetzt damals zuvor danach bereits inzwischen "
    "раніше пізніше вчора сьогодні завтра потім тоді тепер зараз нещодавно згодом "
    "ранее раньше позже вчера сегодня завтра затем тогда теперь сейчас недавно позднее "
    # military abbreviations written in capitals (air defence, drones, rocket artillery, the armed forces)
    "ппо пво бпла рсзв рсзо зсу всу зрк".split()) | LOCATIVE_WORDS
#: A form's hits count this many times their population when the form is the word as written: "Мюнхене" is
#: also an old alias of a Ukrainian village, but its nominative "Мюнхен" names a city a thousand times larger.
#: Set by judgement on our own de/uk/ru fixtures.
AS_WRITTEN_BONUS = 10
#: A name (in any case form) of a place this large is taken as a place name without a locative word before
#: it ("що Москва стежить"): a bare capitalised word is otherwise kept only for a place in the document's
#: focus, and a Ukrainian story's focus would drop Moscow.  Set by judgement on our de/uk/ru fixtures.
LARGE_PLACE_POP = 100000
#: Shortest word taken as a place name on its own ("Об", "Ми" start sentences; "РФ" is in COUNTRY_NAMES).
MIN_NAME_LEN = 3
#: Longest run of capitalised words looked up as one name ("Велика Новосілка", "Nowa Kachowka").
MAX_RUN = 3


def _label(tokens: Sequence[Token], i: int) -> str:
    """Return GPE after a locative word, else PROPN (an untagged name)."""
    prev = tokens[i - 1] if i > 0 and tokens[i - 1].sent == tokens[i].sent else None
    return "GPE" if prev is not None and prev.text.lower() in LOCATIVE_WORDS | SETTLEMENT_WORDS else "PROPN"


def _next_word(tokens: Sequence[Token], j: int) -> str:
    return tokens[j].text if j < len(tokens) and tokens[j].sent == tokens[j - 1].sent else ""


def _span_at(text: str, tokens: Sequence[Token], i: int, n: int, lang: str, gazetteer: Gazetteer) -> Span | None:
    """Return a span for tokens[i:i+n] if some form of it is a gazetteer (or country) name."""
    first, last = tokens[i], tokens[i + n - 1]
    surface = text[first.start:last.end]
    key = " ".join(word_key(t.text) for t in tokens[i:i + n])
    country = _COUNTRY_KEYS.get(key)
    if country:
        return Span(first.start, last.end, country, "GPE", first.sent)
    after = _next_word(tokens, i + n)
    head = surface[: len(surface) - len(last.text)]
    prev = tokens[i - 1].text.lower() if i > 0 and tokens[i - 1].sent == first.sent else ""
    if n == 1 and (first.text.lower() in NOT_NAMES or len(first.text) < MIN_NAME_LEN):
        return None
    if n == 1 and _cyrillic_acronym(first.text) and not country:
        return None  # "ОВА", "МИД": initials of a body, not a foreign town's Cyrillic alias
    if n == 1 and lang in ("uk", "ru") and _opens_sentence(tokens, i) and _lower_elsewhere(first.text, text):
        return None  # "«Люди пришли ...»" beside "людей": a common word that opens a sentence
    if n == 1 and lang == "de" and calendar_word(first.text, lang):
        return None  # "am 24. Juli": a month, whatever alias a town bears
    if (country := locale_countries(gazetteer).get(key)) is not None and (
            n > 1 or not (_lower_elsewhere(first.text, text) or is_name_word(after))):
        return Span(first.start, last.end, country, "GPE", first.sent)  # "Ungarn", "die Slowakei", "з Угорщиною"
    prev2 = tokens[i - 2].text.lower() if i > 1 and tokens[i - 2].sent == first.sent else ""
    if lang == "de" and n == 1 and _german_noun_context(prev, prev2):
        return None  # "ein gezielter Schlag", "einem Akt", "seit Beginn": a German noun, not a town (countries came first)
    best: tuple[float, str, str, int] | None = None
    for k, form in enumerate(name_forms(last.text, lang, after)):
        name = head + form
        if lang == "de" and prev in _DE_REGION:
            name = _region_form(name, gazetteer) or name
        elif " " in form and not head and not gazetteer.lookup(name, fuzzy=False):
            name = _adjective_region(name, gazetteer) or name
        hits = gazetteer.lookup(name, fuzzy=False)
        if lang == "de" and prev in _DE_ARTICLE_PREPOSITIONS:
            hits = [h for h in hits if h.place.feature not in _TOWNS]  # "im Zentrum": a town takes no article
        weight = max((max(h.place.pop, 1) * (AS_WRITTEN_BONUS if k == 0 else 1) for h in hits), default=0)
        if hits and k == 0 and prev in SETTLEMENT_WORDS:
            weight = float("inf")  # "в селі Гроза": a name after a settlement noun stands as written (nominative)
        if hits and (best is None or weight > best[0]):
            best = (weight, name, form, max(h.place.pop for h in hits))
    if best is None:
        return None
    _, name, form, pop = best
    if n == 1 and _DISTRICT_WORD.match(after) and not any(h.place.feature in ("district", "region")
                                                          for h in gazetteer.lookup(name, fuzzy=False)):
        return None  # "Климовский район": a district the gazetteer lacks, not the town Klimovsk far away
    region = " " in form and not head or lang == "de" and prev in _DE_REGION
    with_word = bool(after) and " " in form and not head and form.split()[-1][:4] == after.lower()[:4]
    end = tokens[i + n].end if with_word else last.end  # "Курской области" as a whole
    return Span(first.start, end, name, "GPE" if region or pop >= LARGE_PLACE_POP else _label(tokens, i), first.sent)


def _cyrillic_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and any("\u0400" <= c <= "\u04ff" for c in word)


def _opens_sentence(tokens: Sequence[Token], i: int) -> bool:
    """Return True if token i is the first word of its sentence (an opening quote or dash may precede it)."""
    j = i - 1
    while j >= 0 and tokens[j].sent == tokens[i].sent and not tokens[j].text[:1].isalnum():
        j -= 1
    return j < 0 or tokens[j].sent != tokens[i].sent


#: Shortest stem compared by ``_lower_elsewhere`` (shorter stems meet unrelated words).
LOWER_STEM_MIN = 3


def _lower_elsewhere(word: str, text: str) -> bool:
    """Return True if the text writes the word, in some case form, in lower case: a common word, not a name."""
    stem = word.lower()
    if stem[-1] in "аеєиіїоуюяйьыэё":
        stem = stem[:-1]
    if len(stem) < LOWER_STEM_MIN:
        return False
    return any(len(m) <= len(word) + 2 for m in re.findall(rf"(?<![\w-]){re.escape(stem)}\w*", text))


#: A district word after an adjective ("Климовский район", "Бахмутського району", "Landkreis" aside).
_DISTRICT_WORD = re.compile(r"(?i)^(?:район|района|районе|району|районом|округ|округа|округе|громада|громади|громаді)$")


#: German words after which a capitalised word is a common noun: articles, determiners and quantifiers ("ein Schlag",
#: "dem Akt", "ihres Landes", "viele Städte"), and prepositions of time or cause ("seit Beginn"). A place name
#: takes no article in German (countries with one, "der Iran", "die Krim", are matched from COUNTRY_NAMES and
#: ``locale_countries`` before this test).
_DE_NOUN_BEFORE = frozenset("""
der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines dieser diese
diesen diesem dieses jeder jede jeden jedem jedes sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer
ihres unser unsere unseren unserem unserer unseres mein meine meinen meinem meiner meines jene jener jenen jenem jenes
mehrere einige viele zahlreiche wenige andere anderen beide beiden manche sämtliche
seit während wegen trotz zum zur beim vom
""".split())
#: German prepositions fused with the article ("im Zentrum", "am Stadtrand", "ins Krankenhaus"): a town's name
#: takes no article, so the word after one is a region, a country, a river or a common noun, never a town.
_DE_ARTICLE_PREPOSITIONS = frozenset({"im", "ins", "am", "ans", "vom", "zum", "beim"})
_TOWNS = frozenset({"city", "village", "facility", "quarter"})
#: Endings of an inflected German attributive adjective before a noun ("gezielter", "russischen", "europäische").
_DE_ADJECTIVE = re.compile(r"^[a-zäöüß]{3,}(?:e|er|en|em|es)$")


#: Endings of an inflected adjective that no German infinitive or plural verb has ("alter Mann", "jungem Soldaten"):
#: such a word right before a capitalised one makes it a noun even with no determiner (stop words excepted: "über").
_DE_STRONG_ADJECTIVE = re.compile(r"^[a-zäöüß]{3,}(?:er|em|es)$")


def _german_noun_context(prev: str, prev2: str) -> bool:
    """Return True if the lower-cased words before a capitalised German word make it a common noun: a
    determiner, a determiner and an inflected adjective ("ein gezielter Schlag"; not "haben Charkiw"), or an
    adjective with a strong ending that is no function word ("ein 60 Jahre alter Mann")."""
    return (prev in _DE_NOUN_BEFORE or (prev2 in _DE_NOUN_BEFORE and bool(_DE_ADJECTIVE.match(prev)))
            or (bool(_DE_STRONG_ADJECTIVE.match(prev)) and prev not in stop_words("de")))


def _region_form(name: str, gazetteer: Gazetteer) -> str | None:
    """Return the gazetteer's region named by a city name after a German region word ("Gebiet Donezk" -> Donetsk Oblast)."""
    for h in gazetteer.lookup(name, fuzzy=False):
        if h.place.feature == "region":
            return name
        if h.place.feature == "city" and any(r.place.feature == "region" for r in gazetteer.lookup(f"{h.place.name} Oblast", fuzzy=False)):
            return f"{h.place.name} Oblast"
    return None


def _adjective_region(name: str, gazetteer: Gazetteer) -> str | None:
    """Return a region name for "X область" the gazetteer lacks, through the adjective alone ("Курская" -> Kursk Oblast)."""
    adj = name.split()[0]
    if any(h.place.feature == "region" for h in gazetteer.lookup(adj, fuzzy=False)):
        return adj
    # A Ukrainian oblast in a Russian text: the gazetteer may hold only the Ukrainian name ("Сумская" -> "Сумська
    # область"); this works where the stem is spelled alike (Сумы, Херсон, Луганск), not for Харьков/Харків.
    uk = re.sub(r"(?<=[сц])кая$", "ька", adj) + " область"
    return uk if uk != name and any(h.place.feature == "region" for h in gazetteer.lookup(uk, fuzzy=False)) else None


def _article_led(text: str, toks: Sequence[Token], i: int, lang: str, gazetteer: Gazetteer) -> Span | None:
    """Return the span of a two-word place name that opens with a capitalised article ("Den Haag", "La Paz") inside
    a sentence, when the two words as written are a gazetteer name; else None."""
    first = toks[i]
    if (not first.text[:1].isupper() or first.text.isupper() or i == 0 or toks[i - 1].sent != first.sent
            or i + 1 >= len(toks) or toks[i + 1].sent != first.sent or not is_name_word(toks[i + 1].text)
            or text[first.end:toks[i + 1].start] != " "):
        return None
    name = text[first.start:toks[i + 1].end]
    hits = [h for h in gazetteer.lookup(name, fuzzy=False) if h.how in ("exact", "alias")]
    if not hits:
        return None
    return Span(first.start, toks[i + 1].end, name, "GPE", first.sent)


def lexical_spans(article: Article, parse: Parse, taken: Sequence[tuple[int, int]], gazetteer: Gazetteer) -> list[Span]:
    """Return the place spans of a lexical parse, skipping stretches ``taken`` by actors.

    Args:
        article: the article (its language picks the inflection rules).
        parse: a lexical parse.
        taken: (start, end) of actor mentions; a place never overlaps one.
        gazetteer: the place gazetteer.
    """
    text, toks = article.text, parse.tokens
    out: list[Span] = []
    i = 0
    while i < len(toks):
        if any(s < toks[i].end and toks[i].start < e for s, e in taken):
            i += 1
            continue
        if not is_name_start(toks[i].text, article.language):
            sp = _article_led(text, toks, i, article.language, gazetteer)
            if sp is not None:  # "in Den Haag": a name whose first word is an article, inside a sentence
                out.append(sp)
                while i < len(toks) and toks[i].start < sp.end:
                    i += 1
                continue
            i += 1
            continue
        n_max = 1
        while (n_max < MAX_RUN and i + n_max < len(toks) and is_name_word(toks[i + n_max].text)
               and toks[i + n_max].sent == toks[i].sent and text[toks[i + n_max - 1].end:toks[i + n_max].start] == " "):
            n_max += 1
        for n in range(n_max, 0, -1):
            sp = _span_at(text, toks, i, n, article.language, gazetteer)
            if sp is not None:
                out.append(sp)
                while i < len(toks) and toks[i].start < sp.end:
                    i += 1
                break
        else:
            i += 1
    return out


def _dateline_span(article: Article, parse: Parse) -> Span | None:
    """Return the span of the dateline's place (written in capitals, so no name run finds it), or None."""
    dl = article.dateline
    if dl is None:
        return None
    end = dl.start + len(dl.place)
    if article.text[dl.start:end].lower() != dl.place.lower():
        return None
    return Span(dl.start, end, dl.place, "GPE", max(0, parse.sentence_of(dl.start)))


def lexical_places(article: Article, parse: Parse, actors: tuple[Entity, ...], *, gazetteer: Gazetteer) -> tuple[Entity, ...]:
    """Return the place entities of an article read lexically, ranked as English places are.

    Args:
        article: the article.
        parse: its lexical parse.
        actors: linked people and organisations (their names are not places).
        gazetteer: the place gazetteer.
    """
    taken = [(m.start, m.end) for a in actors for m in a.mentions]
    spans = lexical_spans(article, parse, taken, gazetteer)
    dl = _dateline_span(article, parse)
    if dl is not None and not any(sp.start < dl.end and dl.start < sp.end for sp in spans):
        spans = sorted([*spans, dl], key=lambda sp: sp.start)  # "ОРЁЛ, 3 мая. /ТАСС/.": the town filed from
    resolved = resolve_spans(article.text, spans, gazetteer)
    groups: dict[object, list[Resolved]] = {}
    for r in resolved:
        if r is not None:
            key = ("amb", plain_key(r.span.text)) if r.margin < MIN_MARGIN else r.ranked[0].place.id
            groups.setdefault(key, []).append(r)
    out = []
    for n, rs in enumerate(groups.values()):
        ms = [Mention(text=article.text[r.span.start:r.span.end], start=r.span.start, end=r.span.end,
                      label=r.span.label, sent=r.span.sent, stage=STAGE) for r in rs]
        ent = to_entity(f"l{n}", rs, ms)
        out.append(Entity(**{**ent.__dict__, "evidence": (*ent.evidence, "lexical:" + ",".join(sorted({r.span.text for r in rs})))}))
    return tuple(out)
