"""Read a German, Ukrainian or Russian article without a parser: tokens, sentences, name runs.

No spaCy model with a parser or NER exists for these languages in our registry, so the
parse of such an article comes from ``spacy.blank(lang)`` (a rule tokenizer) and the
``sentencizer``.  Tokens carry no part of speech, dependency or entity label; the
mentions are the capitalised word runs, labelled ``PROPN``, for the dictionary stages
(gazetteer, actor KB) to claim.  The pipeline runs those stages, not the English ones,
for these languages (``LEXICAL_STAGES`` in :mod:`dateline.pipeline`).

Inflection is handled by two small, documented rule sets instead of a lemmatiser:

* :func:`name_forms` proposes nominative forms of an inflected place name
  ("Харкові" -> "Харків", "Бахмута" -> "Бахмут", "Курской" -> "Курская"); the gazetteer
  decides which, if any, is a name;
* :func:`word_key` maps every case form of a name word to one key
  ("Зеленського", "Зеленському" -> "зеленськ/m"), so that KB names and text words meet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline.model import Article, Mention, Parse, Sentence, Token

#: Languages read by this path (the product's second wave); others are refused at ingest.
LEXICAL_LANGUAGES = ("de", "uk", "ru")
#: Prefix of ``Parse.model`` for a lexical reading.
LEXICAL_MODEL = "lexical"
#: Stage name on the mentions.
STAGE = "nlp.lexical.v1"
#: The warning every lexical reading carries (with the language filled in).
WARNING = ("read without a parser for '{lang}': places, people and organisations from the gazetteer and KB, armed "
           "forces from country adjectives, dates, quoted and reported statements from punctuation and speech verbs, and "
           "events from trigger words (type, place, date, casualties; acting and targeted groups from case endings and "
           "prepositions only, no disagreements between figures)")

_OPENERS = frozenset("«„‚»“")
_WORD = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*$")


def lexical_warning(lang: str) -> str:
    """Return the warning of a lexical reading of language ``lang``."""
    return WARNING.format(lang=lang)


def is_lexical(parse: Parse) -> bool:
    """Return True if ``parse`` was made by this module (no parser, no NER)."""
    return parse.model.startswith(LEXICAL_MODEL)


@lru_cache(maxsize=4)
def _blank(lang: str) -> Any:
    import spacy

    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


def is_name_word(text: str) -> bool:
    """Return True if ``text`` is a capitalised word (or an acronym): a candidate name part."""
    return bool(_WORD.match(text)) and text[0].isupper()


@lru_cache(maxsize=8)
def stop_words(lang: str) -> frozenset[str]:
    """Return spaCy's stop list for ``lang`` (function words: "in", "dabei", "tagen", "все")."""
    import spacy

    return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)


def is_name_start(text: str, lang: str) -> bool:
    """Return True if ``text`` may open a name in ``lang``: a capitalised word off the stop list, or an acronym.

    German capitalises nouns and every language its sentence openers, so "In", "Dabei", "Tagen" or "Все"
    are capitalised without being names.
    """
    return is_name_word(text) and (text.isupper() or text.lower() not in stop_words(lang))


def _sentence_starts(doc: Any) -> list[int]:
    """Return the first token of each sentence; an opening quote mark starts the next sentence."""
    starts = [s.start for s in doc.sents]
    fixed = []
    for b in starts:
        while 0 < b < len(doc) and doc[b - 1].text in _OPENERS and doc[b - 1].whitespace_ == "":
            b -= 1  # „Wir …: the sentencizer left the opening mark on the previous sentence
        fixed.append(b)
    return sorted(set(fixed))


def _tokens(doc: Any, offset: int, tok_base: int, sent_base: int) -> tuple[list[Token], list[Sentence]]:
    starts = _sentence_starts(doc) + [len(doc)]
    tokens: list[Token] = []
    sents: list[Sentence] = []
    for si, (a, b) in enumerate(zip(starts, starts[1:])):
        if a >= b:
            continue
        span = doc[a:b]
        sents.append(Sentence(start=offset + span.start_char, end=offset + span.end_char,
                              first_token=tok_base + a, last_token=tok_base + b))
        for t in span:
            tokens.append(Token(i=tok_base + t.i, text=t.text, start=offset + t.idx, end=offset + t.idx + len(t.text),
                                lemma=t.text.lower(), pos="", tag="", dep="", head=tok_base + t.i,
                                sent=sent_base + len(sents) - 1, is_quote=t.is_quote, like_num=t.like_num))
    return tokens, sents


def _name_runs(text: str, tokens: list[Token], lang: str) -> list[Mention]:
    """Return runs of capitalised words (no punctuation between them) as PROPN mentions.

    A word of the language's stop list is no name part (:func:`is_name_start`): "In", "Dabei", "Tagen"
    (German capitalises sentence openers and nouns), "Все".
    """
    out: list[Mention] = []
    run: list[Token] = []

    def name_word(t: Token) -> bool:
        return is_name_start(t.text, lang)

    def flush() -> None:
        if run:
            s, e = run[0].start, run[-1].end
            out.append(Mention(text=text[s:e], start=s, end=e, label="PROPN", sent=run[0].sent, stage=STAGE))
        run.clear()

    for t in tokens:
        if name_word(t) and (not run or (run[-1].sent == t.sent and text[run[-1].end:t.start] == " ")):
            run.append(t)
        else:
            flush()
            if name_word(t):
                run.append(t)
    flush()
    return out


def parse_lexical(article: Article) -> Parse:
    """Tokenise and split an article of a lexical language; propose its capitalised runs.

    Args:
        article: an article whose ``language`` is one of LEXICAL_LANGUAGES.
    Returns:
        A Parse with tokens (no POS, dependencies or entity labels), sentences and PROPN mentions.
    """
    nlp = _blank(article.language)
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    pos = 0
    for line in article.text.split("\n"):
        if line.strip():
            toks, sents = _tokens(nlp(line), pos, len(tokens), len(sentences))
            tokens.extend(toks)
            sentences.extend(sents)
        pos += len(line) + 1
    mentions = _name_runs(article.text, tokens, article.language)
    return Parse(tokens=tuple(tokens), sentences=tuple(sentences), mentions=tuple(mentions),
                 model=f"{LEXICAL_MODEL}-{article.language}")


# ---------------------------------------------------------------- inflection

#: Oblique forms of adjectival place names, tried first: "в Первомайском", "Первомайського", "під Курськом" ->
#: Первомайское/Первомайский/Курск (a neuter or masculine adjective, or a town in -ск whose instrumental ends alike).
_ADJECTIVE_PLACE_ENDINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "uk": {"ському": ("ське", "ський"), "ського": ("ське", "ський"), "цькому": ("цьке", "цький"),
           "цького": ("цьке", "цький")},
    "ru": {"ском": ("ское", "ский", "ск"), "ского": ("ское", "ский"), "скому": ("ское", "ский"),
           "цком": ("цкое", "цкий", "цк"), "цкого": ("цкое", "цкий"), "цкому": ("цкое", "цкий")},
}
#: Case endings of Ukrainian and Russian place nouns, longest first, with the nominative endings
#: to try in their place (the gazetteer picks).  From the standard declension tables: Бахмута/Бахмуті/
#: Бахмуте -> Бахмут, Дніпра -> Дніпро, Одеси/Одесі/Москве -> Одеса/Москва, Маріуполя -> Маріуполь, Запоріжжі -> Запоріжжя,
#: Авдіївці -> Авдіївка.
PLACE_ENDINGS: dict[str, tuple[dict[str, tuple[str, ...]], ...]] = {
    "uk": (_ADJECTIVE_PLACE_ENDINGS["uk"],
           {"ці": ("ка",), "ою": ("а",), "ею": ("я",), "ом": ("",), "ем": ("ь",), "ах": ("и", "")},
           {"і": ("", "а", "я", "ь"), "у": ("", "а"), "а": ("", "о"), "я": ("ь",), "и": ("а",), "ю": ("я", "ь")}),
    "ru": (_ADJECTIVE_PLACE_ENDINGS["ru"],
           {"ке": ("ка",), "ой": ("а",), "ей": ("я",), "ом": ("",), "ем": ("ь",), "ах": ("ы", "")},
           {"е": ("", "а", "я", "ь"), "у": ("", "а"), "а": ("",), "я": ("ь",), "и": ("а", "ь"), "ы": ("а",), "ю": ("я", "ь")}),
}
#: Adjective endings before "область"/"области" mapped to the nominative feminine (Харківській -> Харківська).
REGION_ADJ = {
    "uk": ({"ської": "ська", "ській": "ська", "ською": "ська", "ську": "ська", "цької": "цька", "цькій": "цька",
            "цькою": "цька", "цьку": "цька", "зької": "зька", "зькій": "зька", "зькою": "зька", "зьку": "зька"}, "область"),
    "ru": ({"ской": "ская", "скую": "ская", "цкой": "цкая", "цкую": "цкая", "зской": "зская"}, "область"),
}
#: Region words after the adjective (any case) that make it a region name.
_REGION_WORD = re.compile(r"^(?:област[ьіиію]|областю|областями)$", re.I)
#: The -щина region noun (Харківщина, Херсонщині, Донеччини) -> the region's adjective.
_SHCHYNA = re.compile(r"^(?P<stem>\w+?)(?P<suf>ччин|щин)(?:а|и|і|у|ою|е|ой)$")


def _uk_alternation(form: str) -> str | None:
    """Return the nominative with і/ї for a stem that has о/е/є in the oblique cases (Харков-а -> Харків)."""
    if form.endswith("ов"):
        return form[:-2] + "ів"
    if form.endswith("єв"):
        return form[:-2] + "їв"
    return None


def name_forms(word: str, lang: str, next_word: str = "") -> tuple[str, ...]:
    """Return the forms of a (possibly inflected) place name to look up, the word itself first.

    Args:
        word: a capitalised word or run ("Харкові", "Курской").
        lang: "uk", "ru" or "de".
        next_word: the word after it; "області" makes ``word`` the adjective of a region name.
    Returns:
        Candidate nominative forms, most likely first (no duplicates).
    """
    forms = [word]
    if lang == "de":
        if len(word) > 4 and word.endswith("s"):  # the genitive: "Kiews", "Charkiws"
            forms.append(word[:-1])
        return tuple(forms)
    if lang not in PLACE_ENDINGS:
        return tuple(forms)
    if next_word and _REGION_WORD.match(next_word):
        endings, noun = REGION_ADJ[lang]
        for end, nom in endings.items():
            if word.endswith(end):
                return (word[: -len(end)] + nom + " " + noun,)
    m = _SHCHYNA.match(word)
    if m:
        adj = ("цька" if m.group("suf") == "ччин" else "ська") if lang == "uk" else "ская"
        return (m.group("stem") + adj + " область",)
    for table in PLACE_ENDINGS[lang]:
        for end, noms in table.items():
            if word.endswith(end) and len(word) - len(end) >= 3:
                stem = word[: -len(end)]
                for nom in noms:
                    forms.append(stem + nom)
                    if lang == "uk" and (alt := _uk_alternation(stem + nom)):
                        forms.append(alt)
                break
        else:
            continue
        break
    if lang == "uk" and (alt := _uk_alternation(word)):
        forms.append(alt)
    if len(word) >= 3 and word[-1] not in _VOWELS:  # "до Сум", "из Черкасс": the genitive plural of a plural name
        forms.append(word + ("и" if lang == "uk" else "ы"))
    return tuple(dict.fromkeys(forms))


_VOWELS = frozenset("аеєиіїоуюяыэё")


#: Endings of adjectival surnames (-ський, -ская ...) by gender, longest first: the key keeps the gender,
#: so Зеленського (he) and Зеленської (she) do not meet.
_ADJ_SURNAME = re.compile(r"^(?P<stem>\w+(?:ськ|цьк|зьк|ск|цк|зк))(?P<end>ого|ому|ими|им|ім|ий|ый|ом|ої|ій|ою|ою|ую|ая|ой|а|у|ей)$")
_ADJ_FEM = frozenset({"ої", "ій", "ою", "ую", "ая", "ой", "а", "у", "ей"})
#: Endings of other name words and nouns (Пескова -> песков, Сергія -> сергі, Міністерства -> міністерств,
#: Украиной -> украин, Угорщиною -> угорщин, Молдавії -> молдаві).
_NOUN_ENDINGS = ("ами", "ями", "ові", "еві", "ого", "ому", "ієм", "ією", "еем", "ими", "ія", "ію", "ій", "ії", "ея",
                 "ею", "ей",
                 "им", "ым", "ом", "ем", "ою", "ой", "ої", "а", "у", "ю", "е", "і", "и", "ы", "я", "о", "ь", "й")
#: Letters Ukrainian and Russian spell differently in the same name (Пєсков/Песков, Путін/Путин), folded together.
_SPELLING = str.maketrans({"ё": "е", "є": "е", "ї": "и", "і": "и", "ы": "и", "ґ": "г", "'": None, "ъ": None})
_KEEP_I = ("ія", "ію", "ієм", "ій", "ії", "ією")
_KEEP_E = ("ея", "ею", "ей", "еем")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """Return the case-blind key of a Cyrillic name word; Latin words are lower-cased (a German -s dropped).

    Args:
        word: one word.
    Returns:
        The key: "зеленськ/m" for every case of Зеленський, "песков" for Песков/Пескова/Пескову.
    """
    w = word.lower().replace("’", "'")
    if not any("\u0400" <= c <= "\u04ff" for c in w):
        return w[:-1] if len(w) > 4 and w.endswith("s") and w[-2] not in "s" else w
    m = _ADJ_SURNAME.match(w)
    if m:
        return (m.group("stem") + ("/f" if m.group("end") in _ADJ_FEM else "/m")).translate(_SPELLING)
    for end in _NOUN_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = w[: -len(end)]
            if end in _KEEP_I:
                stem += "і"
            elif end in _KEEP_E:
                stem += "е"
            return stem.translate(_SPELLING)
    return w.translate(_SPELLING)
