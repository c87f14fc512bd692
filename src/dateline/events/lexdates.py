"""Dates of a German, Ukrainian or Russian article: weekday, month and relative-day words.

A small dictionary maps each word (in its usual case forms) to its English name, and the
English resolver (:func:`dateline.events.dates.resolve_date_text`) applies the news
conventions (a bare weekday is the latest such day on or before publication).  Covered:
"у суботу" / "в субботу" / "am Samstag"; "10 вересня" / "10 сентября" / "10. September"
(with an optional year); "у вересні" / "в сентябре" / "im September"; вчора / вчера /
gestern, сьогодні / сегодня / heute.  Longer phrases ("минулого тижня") are not read.
"""

from __future__ import annotations

import re

from dateline.events.dates import resolve_date_text
from dateline.model import Article, DateMention, Parse

STAGE = "events.dates.v1"
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december")

#: Weekdays in the forms that follow a preposition ("у суботу", "в ніч на неділю", "в субботу").
#: Ukrainian and Russian words need the preposition: "середа"/"среда" is also "environment".
_WEEKDAY = {
    "uk": ("понеділок|понеділка", "вівторок|вівторка", "середу|середи", "четвер|четверга", "п['’]ятницю|п['’]ятниці",
           "суботу|суботи", "неділю|неділі"),
    "ru": ("понедельник|понедельника", "вторник|вторника", "среду|среды", "четверг|четверга", "пятницу|пятницы",
           "субботу|субботы", "воскресенье|воскресенья"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag|sonnabend", "sonntag"),
}
#: Month stems; the genitive follows a day number ("10 вересня"), the locative a preposition ("у вересні").
_MONTH = {
    "uk": ("січня|січні", "лютого|лютому", "березня|березні", "квітня|квітні", "травня|травні", "червня|червні",
           "липня|липні", "серпня|серпні", "вересня|вересні", "жовтня|жовтні", "листопада|листопаді", "грудня|грудні"),
    "ru": ("января|январе", "февраля|феврале", "марта|марте", "апреля|апреле", "мая|мае", "июня|июне", "июля|июле",
           "августа|августе", "сентября|сентябре", "октября|октябре", "ноября|ноябре", "декабря|декабре"),
    "de": ("januar|jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "dezember"),
}
#: Prepositions before a weekday or month; German "zum"/"zu" for the night before a day ("in der Nacht zum Freitag").
_PREP = {"uk": r"(?:у|в|ув|на)", "ru": r"(?:в|во|на)", "de": r"(?:am|an|vom|bis|im|seit|ab|zum|zu)"}
_RELATIVE = {
    "uk": {"вчора": "yesterday", "учора": "yesterday", "сьогодні": "today", "завтра": "tomorrow"},
    "ru": {"вчера": "yesterday", "сегодня": "today", "завтра": "tomorrow"},
    "de": {"gestern": "yesterday", "heute": "today", "morgen": "tomorrow"},
}
_YEAR = r"(?:\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:року|рік|р\.|года|г\.))?)?"


def calendar_word(word: str, lang: str) -> bool:
    """Return True if ``word`` is a month or weekday name of ``lang`` as the date patterns list it ("Juli", "Mittwoch").

    German capitalises them like names, and a gazetteer alias may bear one ("Juli" is an old name of a Russian city).
    """
    w = word.lower()
    return any(re.fullmatch(alt, w) for alt in (*_MONTH.get(lang, ()), *_WEEKDAY.get(lang, ())))


def _alts(words: tuple[str, ...]) -> str:
    return "|".join(f"(?P<w{i}>{w})" for i, w in enumerate(words))


def _which(m: re.Match[str]) -> int:
    return next(int(k[1:]) for k, v in m.groupdict().items() if k.startswith("w") and v)


def _patterns(lang: str) -> list[tuple[re.Pattern[str], str]]:
    """Return (pattern, kind) pairs for one language; kind is weekday | day-month | month | relative."""
    wd, mo, prep = _alts(_WEEKDAY[lang]), _alts(_MONTH[lang]), _PREP[lang]
    day_sep = r"\.?\s*" if lang == "de" else r"\s+"
    suffix = r"(?:abend|morgen|nacht|nachmittag|vormittag)?s?" if lang == "de" else ""
    return [
        (re.compile(rf"\b(?P<day>[0-3]?\d){day_sep}(?:{mo}){_YEAR}\b", re.I), "day-month"),
        (re.compile(rf"(?<!\w){prep}\s+(?:ніч\s+на\s+|ночь\s+на\s+)?(?:{wd}){suffix}\b", re.I), "weekday"),
        (re.compile(rf"(?<!\w){prep}\s+(?:{mo}){_YEAR}\b", re.I), "month"),
        (re.compile(rf"(?<!\w)(?P<rel>{'|'.join(_RELATIVE[lang])})\b", re.I), "relative"),
    ]


def _english(m: re.Match[str], kind: str, lang: str) -> str:
    """Return the English expression the English resolver reads for a match."""
    if kind == "weekday":
        return WEEKDAYS_EN[_which(m)]
    if kind == "relative":
        return _RELATIVE[lang][m.group("rel").lower()]
    month = MONTHS_EN[_which(m)]
    year = f", {m.group('year')}" if m.group("year") else ""
    return f"{month} {int(m.group('day'))}{year}" if kind == "day-month" else f"{month}{' ' + m.group('year') if year else ''}"


def lexical_dates(article: Article, parse: Parse) -> tuple[DateMention, ...]:
    """Return the weekday, month and relative-day expressions of a de/uk/ru article, resolved.

    Args:
        article: the article (its language and publication date).
        parse: its lexical parse (unused; the words are found in the text).
    """
    lang = article.language
    if lang not in _WEEKDAY:
        return ()
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for rx, kind in _patterns(lang):
        for m in rx.finditer(article.text):
            if kind == "relative" and lang == "de" and m.group(0) == "Morgen":
                continue  # the noun "Morgen" is "morning" ("heute Morgen"); lower-case "morgen" is "tomorrow"
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value, end_value, precision, rule = resolve_date_text(_english(m, kind, lang), article.published)
            out.append(DateMention(text=m.group(0), start=m.start(), end=m.end(), value=value, end_value=end_value,
                                   precision=precision, rule=f"lexical:{rule}", stage=STAGE))
            taken.append((m.start(), m.end()))
    return tuple(sorted(out, key=lambda d: d.start))
