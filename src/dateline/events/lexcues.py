"""Event trigger words and casualty counts for German, Ukrainian and Russian (no parser).

The triggers are the lexical counterpart of :mod:`dateline.events.lexicon`: each is
(class code, regular expression, weight) with the English lexicon's ordinal weights
(5 = decisive, 3 = a typical trigger, 1-2 = weak context) and its class codes, so the
ACLED event and sub-event types come from :mod:`dateline.events.taxonomy` unchanged.
Ukrainian and Russian words are stems with their case and verb endings (``обстріл\\w*``
covers обстріл, обстріли, обстрілу, обстріляли); German compounds are matched inside
the word (``\\w*angriff\\w*`` covers Luftangriff, Angriffe).

Casualty counts: a killed or wounded word (загинули, поранені, погибли, ранены, getötet,
verletzt, Tote, Verletzte) takes the nearest number in its clause, a digit or a number
word ("троє", "пятеро", "drei"), looking first before it ("3 Menschen getötet") and then
after it ("загинули троє людей"); a singular verb or participle with no number counts
one ("загинув чоловік", "погибла женщина").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.events.casualties import Casualties

_W = r"[\w'’ʼ]"  # a word character, with the Ukrainian apostrophe (п'ять, п’ятеро)

#: (code, pattern, weight) per language.  Codes and weights follow events/lexicon.py.
TRIGGERS: dict[str, tuple[tuple[str, str, float], ...]] = {
    "uk": (
        ("ART_MISS_ATTACK", r"обстріл\w*|артилері\w*|мінометн\w*|снаряд\w*|ракет\w*|рсзв|градами", 3),
        ("ART_MISS_ATTACK", r"удар\w*", 2.5),  # "удар по Харкову": a strike, at the floor on its own
        ("AIR_STRIKE", r"авіаудар\w*|авіаналіт\w*|авіабомб\w*|каб(?:ами|и)?|дрон\w*|безпілотник\w*|бпла|шахед\w*", 4),
        ("REM_EXPLOS", r"вибух\w*", 1.5),
        ("REM_EXPLOS", r"мін[аиіу]|міною|фугас\w*|самовибухов\w*", 3),
        ("PROPERTY_DISTRUCT", r"підірва\w*|зруйнува\w*|спалил\w*", 3),
        ("ARMED_CLASH", r"бій|бої|боїв|боях|боями|бою|бойов\w* ді\w*|зіткнен\w*|штурм\w*|наступ|наступу|наступом|наступі|"
                        r"наступальн\w*|контрнаступ\w*", 3),
        ("ARMED_CLASH", r"атак\w*|атакува\w*", 2.5),
        ("ATTACK", r"розстріл\w*|розстріля\w*|катува\w*|страт(?:а|и|у|ою|ив|ила|или)|страчен\w*", 3),
        ("GOV_REGAINS_TERIT", r"звільни\w*|звільнен\w*|увійшл\w*|увійшов|захопил\w*|захопле\w*|окупува\w*|"
                              r"(?:взял\w*|взяти|перебува\w*|під) (?:\w+ )?контрол\w*|контрол\w* над", 3),
        ("GOV_REGAINS_TERIT", r"просунул\w*|просуван\w*", 2.5),
        ("NON_VIOL_TERRIT_TRANSFER", r"відхід\w*|відход\w*|відступ\w*|відвед\w*|виведен\w* (?:\w+ )?(?:військ|підрозділ\w*|сил)|"
                                     r"залиши\w* (?:місто|позиції|село)", 3),
        ("EVACUATION", r"евакуац\w*|евакуйова\w*|евакуюва\w*|евакую\w*", 4),
        ("INFRASTRUCTURE", r"знеструмлен\w*|блекаут\w*|відключен\w* (?:світла|електро\w*|газу|води)", 3),
        ("DISR_WEAP", r"збил[иао]?|збито|збиті|знешкоди\w*|перехопи\w*|перехоплен\w*", 6),
        ("ARREST", r"затрима\w*|заарешт\w*|арешт\w*", 3),
    ),
    "ru": (
        ("ART_MISS_ATTACK", r"обстрел\w*|артиллери\w*|минометн\w*|миномётн\w*|снаряд\w*|ракет\w*|рсзо|градами", 3),
        ("ART_MISS_ATTACK", r"удар\w*", 2.5),
        ("AIR_STRIKE", r"авиаудар\w*|авианалет\w*|авианалёт\w*|авиабомб\w*|каб(?:ами|ы)?|дрон\w*|беспилотник\w*|бпла|шахед\w*", 4),
        ("REM_EXPLOS", r"взрыв\w*", 1.5),
        ("REM_EXPLOS", r"мин[аыуе]|миной|фугас\w*|самодельн\w* взрывн\w*", 3),
        ("PROPERTY_DISTRUCT", r"взорва\w*|подорва\w*|разрушил\w*|сожгл\w*", 3),
        ("ARMED_CLASH", r"бой|бои|боев|боёв|боях|боями|бою|боевые действия|столкновени\w*|штурм\w*|наступлени\w*|"
                        r"контрнаступлени\w*", 3),
        ("ARMED_CLASH", r"атак\w*|атакова\w*", 2.5),
        ("ATTACK", r"расстрел\w*|пытк\w*|казн(?:ь|и|ил\w*|[её]н\w*)", 3),
        ("GOV_REGAINS_TERIT", r"освободи\w*|освобожд\w*|заняли|занял[аио]?|захвати\w*|захвач\w*|вошл\w*|вошёл|"
                              r"(?:взял\w*|взять|под) (?:\w+ )?контрол\w*|контрол\w* над", 3),
        ("GOV_REGAINS_TERIT", r"продвинул\w*|продвижени\w*", 2.5),
        ("NON_VIOL_TERRIT_TRANSFER", r"отступ\w*|отход\w*|отошл\w*|отвод\w* (?:\w+ )?(?:войск|подразделени\w*|сил)|"
                                     r"вывод\w* (?:\w+ )?(?:войск|подразделени\w*|сил|частей)|покинул\w* (?:город|позиции|село)", 3),
        ("EVACUATION", r"эвакуац\w*|эвакуирова\w*|эвакуиру\w*", 4),
        ("INFRASTRUCTURE", r"обесточ\w*|блэкаут\w*|отключени\w* (?:света|электр\w*|газа|воды)", 3),
        ("DISR_WEAP", r"сбил[иао]?|сбиты?|сбито|перехвати\w*|перехвач\w*", 6),
        ("ARREST", r"задержа\w*|арестова\w*|арест\w*", 3),
    ),
    "de": (
        ("ART_MISS_ATTACK", r"beschuss|beschossen|beschoss(?:en)?|beschie(?:ß|ss)(?:t|en)|\w*artillerie\w*|\w*granat\w*|\w*rakete\w*|\w*raketenangriff\w*|mörser\w*", 3),
        ("AIR_STRIKE", r"\w*luftangriff\w*|\w*drohnenangriff\w*|\w*drohne\w*|bombardiert\w*|\w*gleitbombe\w*|kampfjet\w*", 4),
        ("REM_EXPLOS", r"\w*explosion\w*|detonation\w*", 1.5),
        ("REM_EXPLOS", r"\w*landmine\w*|\w*sprengsatz\w*|autobombe\w*|minenexplosion\w*", 4),
        ("PROPERTY_DISTRUCT", r"gesprengt|sprengte\w*|zerstört\w*|niedergebrannt", 3),
        ("ARMED_CLASH", r"kämpfe\w*|gekämpft|\w*gefecht\w*|offensive\w*|sturm\w*|gestürmt|vorstoß\w*", 3),
        ("ARMED_CLASH", r"angriff|angriffs|angriffe\w*|angegriffen|attack\w*", 2.5),
        ("ATTACK", r"erschossen|hingerichtet|\w*massaker\w*|gefoltert", 3),
        ("GOV_REGAINS_TERIT", r"erobert\w*|eingenommen|befreit|zurückerobert|besetzt\w*|unter (?:\w+ ){0,2}kontrolle", 3),
        ("GOV_REGAINS_TERIT", r"vorgedrungen|eingedrungen|vorgerückt", 2.5),
        ("NON_VIOL_TERRIT_TRANSFER", r"rückzug\w*|zurückgezogen|abgezogen|abzug", 3),
        ("EVACUATION", r"evakuier\w*|in sicherheit gebracht", 4),
        ("INFRASTRUCTURE", r"stromausf[aä]ll\w*|blackout\w*|ohne strom", 3),
        # "Flugabwehr" alone is no interception ("forderte mehr Flugabwehrsysteme"); the separable verb is one
        ("DISR_WEAP", r"abgeschossen|abgefangen|(?:schoss|schossen|fing|fingen)(?: [\w-]+){1,8} ab", 6),
        ("ARREST", r"festgenommen|verhaftet|festnahme\w*", 3),
    ),
}

#: Non-state groups: a capture by one of them is "Non-state actor overtakes territory" (as events/classify.py).
NONSTATE = {
    "uk": r"бойовик\w*|терорист\w*|повстан\w*|ополчен\w*|вагнер\w*|пвк",
    "ru": r"боевик\w*|террорист\w*|повстан\w*|ополчен\w*|вагнер\w*|чвк",
    "de": r"kämpfer|milizen?|rebellen|terroristen|aufständische\w*|separatisten|wagner\w*",
}
#: People who are not fighters: a death toll among them makes a clash word an attack on civilians (as events/extract.py).
CIVILIANS = {
    "uk": r"людей|людина|людини|мирн\w*|цивільн\w*|жител\w*|мешкан\w*|дит\w*|діт\w*|жінк\w*|чоловік\w*",
    "ru": r"человек\w*|людей|мирн\w*|гражданск\w*|жител\w*|дет\w*|ребен\w*|ребён\w*|женщин\w*|мужчин\w*",
    "de": r"menschen|zivilist\w*|einwohner\w*|kinder|kind|frauen?|männer|mann|bewohner\w*",
}
#: A negation right before a trigger cancels it ("без обстрілів", "keine Angriffe", "nicht beschossen").
#: Only the word directly before: "не припиняють обстріли" (do not stop shelling) is still shelling.
NEGATION = {"uk": r"не|ні|без", "ru": r"не|ни|без", "de": r"kein\w*|nicht|ohne"}
#: Verbs that carry a strike noun ("завдає ударів", "наносит удары"): a negation before the verb cancels the
#: trigger too ("армія не завдає ударів по цивільних").  Verbs that stop or start ("не припиняють обстріли") are not
#: among them, so their negation still leaves the shelling.
LIGHT_VERBS = {"uk": r"завда\w*|нанос\w*|нанес\w*|здійсню\w*|вед\w*|вел[аи]?",
               "ru": r"нанос\w*|нанес\w*|нанёс\w*|осуществля\w*|вед\w*|вел[аи]?", "de": r"(?!)"}
#: A party that did not comment on or confirm a happening reports none ("у Москві удар не коментували", "Moskau
#: bestätigte den Angriff nicht"): the sentence is about the silence, the happening was reported elsewhere.
UNCOMMENTED = {
    "uk": r"не\s+(?:коментува\w*|прокоментува\w*|підтверджува\w*|підтверди\w*)",
    "ru": r"не\s+(?:комментировал\w*|прокомментировал\w*|подтвержда\w*|подтвердил\w*)",
    "de": r"(?:nicht|nie)\s+(?:kommentiert\w*|bestätigt\w*)|(?:kommentierte|bestätigte)\w*\s+(?:\w+\s+){0,5}?nicht",
}
#: Words that make a sentence's event unrealised or uncertain (a threat, a plan, a possibility).
MODAL = {
    "uk": r"може|можуть|міг би|загроз\w*|планує\w*|плану\w*|готує\w*|погрожу\w*",
    "ru": r"может|могут|мог бы|угроз\w*|планиру\w*|готови\w*|угрожа\w*",
    "de": r"könnte\w*|drohe\w*|droht|plant|planen|wollen|will",
}

#: Killed and wounded words.  A singular form ("загинув", "погибла", "getötet" after "ein") counts one.
KILLED = {
    "uk": r"загинул[иа]?|загинув|загибл\w*|вбит[оіийа]\w*|вбили|убит\w*|смертельн\w* поранен\w*",
    "ru": r"погибл[иа]|погиб|погибш\w*|убит[ыоа]?|убиты[йх]|убили|скончал\w*",
    "de": r"getötet|ums leben gekommen|kamen ums leben|starben|gestorben|tote|toten",
}
WOUNDED = {
    "uk": r"поранен\w*|поранил\w*|постраждал\w*|травмован\w*|зазнал\w* поранень",
    "ru": r"ранен[ыоа]?|раненых|ранены[йх]?|ранил\w*|пострадал\w*|получил\w* ранени\w*",
    "de": r"verletzt\w*|verwundet\w*|verletzte|verletzten",
}
#: Singular killed/wounded forms: with no number they count one person.
SINGULAR = {
    "uk": r"загинув|загинула|вбит(?:ий|а)|убит(?:ий|а)|поранен(?:ий|а)|постраждал(?:ий|а)|травмован(?:ий|а)",
    "ru": r"погиб|погибла|убит|убита|ранен|ранена|пострадал|пострадала",
    "de": r"",
}
#: Number words 1-20 in their usual forms (cardinal and collective: "три", "троє", "трьох").
NUMBER_WORDS = {
    "uk": ("один|одна|одного|одну|одне", "два|дві|двоє|двох", "три|троє|трьох", "чотири|четверо|чотирьох",
           "п['’ʼ]ять|п['’ʼ]ятеро|п['’ʼ]ятьох", "шість|шестеро|шістьох", "сім|семеро|сімох", "вісім|восьмеро|вісьмох",
           "дев['’ʼ]ять|дев['’ʼ]ятеро", "десять|десятеро", "одинадцять", "дванадцять", "тринадцять", "чотирнадцять",
           "п['’ʼ]ятнадцять", "шістнадцять", "сімнадцять", "вісімнадцять", "дев['’ʼ]ятнадцять", "двадцять"),
    "ru": ("один|одна|одного|одну|одно", "два|две|двое|двух", "три|трое|трех|трёх", "четыре|четверо|четырех|четырёх",
           "пять|пятеро|пятерых", "шесть|шестеро", "семь|семеро", "восемь|восьмеро", "девять|девятеро",
           "десять|десятеро", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
           "семнадцать", "восемнадцать", "девятнадцать", "двадцать"),
    "de": ("ein|eine|einer|einen|einem", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
           "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig"),
}
#: Words looked at on each side of a killed/wounded word for its number ("троє людей загинули": two words).
#: Set by judgement from Ukrainian, Russian and German news phrasing; not tuned on a corpus.
COUNT_WINDOW = 3
#: Clause breaks a number is not taken across ("загинули двоє, ще п'ятеро поранені").
_CLAUSE = re.compile(r"[,;:—–()«»„“”\"]|\s-\s|\.\s")


@dataclass(frozen=True)
class Trigger:
    """One trigger word found in a text: its class code, weight, span and cue (its row in TRIGGERS)."""

    code: str
    weight: float
    start: int
    end: int
    cue: int


def _word_rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!{_W})(?:{pattern})(?!{_W})", re.I)


@lru_cache(maxsize=8)
def _compiled(lang: str) -> tuple[tuple[str, re.Pattern[str], float], ...]:
    return tuple((code, _word_rx(p), w) for code, p, w in TRIGGERS[lang])


def find_triggers(text: str, lang: str) -> list[Trigger]:
    """Return every trigger word of language ``lang`` in ``text``, in text order.

    Args:
        text: a sentence.
        lang: "uk", "ru" or "de".
    """
    neg = re.compile(rf"(?<!{_W})(?:{NEGATION[lang]})\s+(?:(?:{LIGHT_VERBS[lang]})\s+)?$", re.I)
    out = [Trigger(code, w, m.start(), m.end(), k) for k, (code, rx, w) in enumerate(_compiled(lang)) for m in rx.finditer(text)
           if not neg.search(text, max(0, m.start() - 30), m.start())]
    return sorted(out, key=lambda t: (t.start, -t.weight))


def matches(kind: dict[str, str], text: str, lang: str) -> bool:
    """Return True if a word of the list ``kind`` (NONSTATE, MODAL ...) for ``lang`` is in ``text``."""
    return bool(kind.get(lang)) and bool(_word_rx(kind[lang]).search(text))


@lru_cache(maxsize=8)
def _number_rx(lang: str) -> re.Pattern[str]:
    words = "|".join(f"(?P<n{i + 1}>{w})" for i, w in enumerate(NUMBER_WORDS[lang]))
    return re.compile(rf"(?<!{_W})(?<![-‑.,])(?:(?P<d>\d{{1,5}})|{words})(?!{_W}|[-‑.,]\w)", re.I)  # not "41-річний", "1.5"


def _numbers(text: str, lang: str, skip: tuple[tuple[int, int], ...]) -> list[tuple[int, int, int]]:
    """Return (start, end, value) of the numbers in ``text`` outside the ``skip`` spans (dates)."""
    out = []
    for m in _number_rx(lang).finditer(text):
        if any(s <= m.start() < e for s, e in skip):
            continue
        if m.group("d"):
            out.append((m.start(), m.end(), int(m.group("d"))))
        else:
            out.append((m.start(), m.end(), next(int(k[1:]) for k, v in m.groupdict().items() if k != "d" and v)))
    return out


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the clause of text[start:end]: from the last break before it to the first after it."""
    a = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    b = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
    return a, b


def _nearest(text: str, nums: list[tuple[int, int, int]], used: set[int], start: int, end: int) -> tuple[int, int, int] | None:
    """Return the unused number nearest a casualty word in its clause, within COUNT_WINDOW words (before first)."""
    a, b = clause_of(text, start, end)
    free = [n for n in nums if n[0] not in used]  # a number counts once ("троє загинули або поранені": killed only)
    before = [n for n in free if a <= n[0] and n[1] <= start and len(text[n[1]:start].split()) < COUNT_WINDOW]
    after = [n for n in free if end <= n[0] and n[1] <= b and len(text[end:n[0]].split()) < COUNT_WINDOW]
    if before:
        return max(before, key=lambda n: n[0])
    return min(after, key=lambda n: n[0]) if after else None


def count_toll(text: str, lang: str, skip: tuple[tuple[int, int], ...] = ()) -> Casualties:
    """Return the killed and injured counts a sentence reports (None when it gives none).

    Args:
        text: a sentence.
        lang: "uk", "ru" or "de".
        skip: spans (relative to ``text``) whose numbers are not counts, e.g. dates ("10 вересня").
    Returns:
        The summed counts of each kind and the spans of the casualty words that gave them.
    """
    if lang not in KILLED:
        return Casualties(None, None)
    nums = _numbers(text, lang, skip)
    used: set[int] = set()
    totals: dict[str, int | None] = {"killed": None, "injured": None}
    spans: list[tuple[int, int]] = []
    words = sorted([(m.start(), m.end(), "killed") for m in _word_rx(KILLED[lang]).finditer(text)]
                   + [(m.start(), m.end(), "injured") for m in _word_rx(WOUNDED[lang]).finditer(text)])
    single = _word_rx(SINGULAR[lang]) if SINGULAR[lang] else None
    for s, e, kind in words:
        hit = _nearest(text, nums, used, s, e)
        if hit is not None:
            used.add(hit[0])
            n = hit[2]
        elif single is not None and single.fullmatch(text[s:e]):
            n = 1
        else:
            continue
        totals[kind] = (totals[kind] or 0) + n
        spans.append((s, e))
    return Casualties(totals["killed"], totals["injured"], tuple(spans))
