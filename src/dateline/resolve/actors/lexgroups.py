"""Armed groups and national groups of a German, Ukrainian or Russian article: "російські війська", "ВСУ".

Without NER the sides of a war are named by a country adjective and a force noun
("російські війська", "российские дроны", "die ukrainische Armee"), by a people noun
("росіяни", "россияне", "die Russen") or, in Ukrainian reporting, by "окупанти" (the
occupiers: Russia's forces).  This module finds those phrases by stem, with any case
ending, and links them as the English pipeline does a demonym:

* adjective + force, weapon or attack noun -> the country's armed forces in the KB
  (:func:`armed_forces`: its top ``armed_forces`` record), an ``org`` entity;
* a people noun, or a country without armed forces in the KB -> a ``norp`` entity with the
  country's code, like the English demonym entity.

An adjective before any other noun ("російське місто", "russische Region") names no side
and is left alone.  Each mention keeps the adjective's ending, which
:mod:`dateline.events.lexsides` reads for the grammatical case.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline.model import Article, Entity, Mention, Parse

STAGE = "resolve.actors.v1"
#: Country adjective stems by language -> ISO code (third-party facts).
DEMONYMS: dict[str, dict[str, str]] = {
    "uk": {"українськ": "UA", "російськ": "RU", "білоруськ": "BY", "американськ": "US", "німецьк": "DE",
           "британськ": "GB", "французьк": "FR", "польськ": "PL", "ізраїльськ": "IL", "іранськ": "IR",
           "турецьк": "TR", "північнокорейськ": "KP"},
    "ru": {"украинск": "UA", "российск": "RU", "русск": "RU", "белорусск": "BY", "американск": "US", "немецк": "DE",
           "британск": "GB", "французск": "FR", "польск": "PL", "израильск": "IL", "иранск": "IR", "турецк": "TR",
           "северокорейск": "KP"},
    "de": {"ukrainisch": "UA", "russisch": "RU", "belarussisch": "BY", "weißrussisch": "BY", "amerikanisch": "US",
           "us-amerikanisch": "US", "deutsch": "DE", "britisch": "GB", "französisch": "FR", "polnisch": "PL",
           "israelisch": "IL", "iranisch": "IR", "türkisch": "TR", "nordkoreanisch": "KP"},
}
#: Adjective endings by language (every gender, number and case).
ADJ_ENDINGS = {
    "uk": r"ий|а|е|і|ого|ої|ому|ій|у|ою|им|их|ими|ім",
    "ru": r"ий|ая|ое|ие|ого|ой|ому|ую|ым|им|ых|их|ыми|ими|ом|ей",
    "de": r"e|er|es|en|em",
}
#: Nouns that make a country adjective a fighting side: forces, fighters, their weapons and their attacks.
FORCE_NOUNS = {
    "uk": r"війсь\w*|військ\w*|сил(?:и|ам|ами|ах)?|армі\w*|підрозділ\w*|військов(?:і|их|им|ими)|військовослужбов\w*|"
          r"солдат\w*|бійц\w*|бійці|десантник\w*|морпіх\w*|окупант\w*|загарбник\w*|артилері\w*|авіаці\w*|дрон\w*|"
          r"безпілотник\w*|ракет\w*|флот\w*|угрупован\w*|обстріл\w*|удар\w*|атак\w*|наступ\w*|ппо",
    "ru": r"войск\w*|сил(?:ы|ам|ами|ах)?|арми\w*|подразделени\w*|военн(?:ые|ых|ым|ыми)|военнослужащ\w*|солдат\w*|"
          r"бойц\w*|десантник\w*|оккупант\w*|артиллери\w*|авиаци\w*|дрон\w*|беспилотник\w*|ракет\w*|флот\w*|"
          r"группировк\w*|обстрел\w*|удар\w*|атак\w*|наступлени\w*|пво",
    "de": r"truppe\w*|streitkr[aä]ft\w*|armee\w*|soldat\w*|einheit\w*|militär\w*|kr[aä]fte\w*|verb[aä]nde\w*|"
          r"artillerie\w*|luftwaffe|marine|drohne\w*|rakete\w*|flugabwehr|luftabwehr|angriff\w*|beschuss|"
          r"offensive\w*|vorstoß\w*|attacke\w*",
}
#: German nouns of state bodies after a country adjective ("das russische Verteidigungsministerium") -> the start of
#: the KB name of that body in the country (the German names are not in the KB).
INSTITUTIONS = {
    "de": {r"verteidigungsministerium\w*": ("Ministry of Defence", "Federal Ministry of Defence"),
           r"generalstab\w*": ("General Staff",),
           r"außenministerium\w*": ("Ministry of Foreign Affairs", "Federal Foreign Office")},
}
#: Capitals after a German state body's noun ("das Verteidigungsministerium in Moskau") -> the body's country
#: (third-party facts: the German names of capitals).
CAPITALS = {"de": {"moskau": "RU", "kiew": "UA", "kyjiw": "UA", "berlin": "DE", "washington": "US", "minsk": "BY",
                   "london": "GB", "paris": "FR", "warschau": "PL", "peking": "CN", "teheran": "IR", "ankara": "TR",
                   "pjöngjang": "KP"}}
#: People nouns -> country: "росіяни", "россияне", "die Russen", "Ukrainer".
PEOPLE = {
    "uk": {r"росіян\w*": "RU", r"українц\w*|українці": "UA"},
    "ru": {r"россиян\w*": "RU", r"украинц\w*": "UA"},
    "de": {r"russen": "RU", r"ukrainer\w*": "UA"},
}
#: Words that, in Ukrainian reporting, name Russia's forces without an adjective.
OCCUPIERS = {"uk": (r"окупант\w*|окупаційн\w* військ\w*|рашист\w*", "RU")}
#: Confidence of a force phrase linked to a country's armed forces, and of a people noun or bare occupier word.
#: Set by judgement: the adjective fixes the country, the noun only says "its fighters".
FORCES_CONFIDENCE = 0.7
NORP_CONFIDENCE = 0.8
OCCUPIER_CONFIDENCE = 0.6


@lru_cache(maxsize=8)
def _patterns(lang: str) -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str]]]:
    stems = "|".join(sorted(DEMONYMS[lang], key=len, reverse=True))
    phrase = re.compile(rf"(?<!\w)(?P<adj>(?P<stem>{stems})(?P<end>{ADJ_ENDINGS[lang]}))\s+(?P<noun>{FORCE_NOUNS[lang]})(?!\w)",
                        re.I)
    people = [(re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I), cc) for p, cc in PEOPLE[lang].items()]
    if lang in OCCUPIERS:
        people.append((re.compile(rf"(?<!\w)(?:{OCCUPIERS[lang][0]})(?!\w)", re.I), "OCC:" + OCCUPIERS[lang][1]))
    return phrase, people


def institution(kb: Any, cc: str, names: tuple[str, ...]) -> dict[str, Any] | None:
    """Return the KB body of country ``cc`` whose name starts with one of ``names``, or None."""
    recs = [a for a in kb.actors if a.get("country") == cc and a["kind"] != "person" and a["name"].startswith(names)]
    return min(recs, key=lambda a: len(a["name"])) if recs else None


def armed_forces(kb: Any, cc: str) -> dict[str, Any] | None:
    """Return the KB's top armed-forces record of country ``cc`` (not a branch of another), or None."""
    recs = [a for a in kb.actors if a.get("org_type") == "armed_forces" and a.get("country") == cc]
    names = {a["name"] for a in recs}
    top = [a for a in recs if a.get("parent") not in names]
    top.sort(key=lambda a: ("Armed Forces" not in a["name"] and "Defense Forces" not in a["name"], len(a["name"])))
    return top[0] if top else None


def find_groups(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """Return (start, end, country code, kind) of the group phrases in ``text``; kind "forces", "people" or "occupier".

    Args:
        text: an article's text.
        lang: "uk", "ru" or "de".
    """
    if lang not in DEMONYMS:
        return []
    phrase, people = _patterns(lang)
    out = []
    for m in phrase.finditer(text):
        stem = next(s for s in DEMONYMS[lang] if s == m.group("stem").lower())
        out.append((m.start(), m.end(), DEMONYMS[lang][stem], "forces"))
    stems = "|".join(sorted(DEMONYMS[lang], key=len, reverse=True))
    for noun, names in INSTITUTIONS.get(lang, {}).items():
        rx = re.compile(rf"(?<!\w)(?P<stem>{stems})(?:{ADJ_ENDINGS[lang]})\s+(?:{noun})(?!\w)", re.I)
        for m in rx.finditer(text):
            out.append((m.start(), m.end(), DEMONYMS[lang][m.group("stem").lower()], "institution:" + "|".join(names)))
        if lang in CAPITALS:  # "das Verteidigungsministerium in Moskau": the body of the capital's country
            cities = "|".join(CAPITALS[lang])
            for m in re.finditer(rf"(?<!\w)(?P<noun>{noun})\s+in\s+(?P<city>{cities})(?!\w)", text, re.I):
                if not any(a <= m.start() < b for a, b, _, _ in out):  # the mention is the noun: the city stays a place
                    out.append((m.start(), m.end("noun"), CAPITALS[lang][m.group("city").lower()],
                                "institution:" + "|".join(names)))
    for rx, cc in people:
        for m in rx.finditer(text):
            if not any(s <= m.start() < e for s, e, _, _ in out):
                out.append((m.start(), m.end(), cc[4:], "occupier") if cc.startswith("OCC:")
                           else (m.start(), m.end(), cc, "people"))
    return sorted(out)


def _kb_id(rec: dict[str, Any]) -> str:
    return rec["id"] if rec["id"].startswith("kb:") else "kb:" + rec["id"]


def lexical_groups(article: Article, parse: Parse, kb: Any) -> tuple[Entity, ...]:
    """Return the armed-forces and national-group entities of a de/uk/ru article, one per KB record or country.

    Args:
        article: the article (its language picks the words).
        parse: its lexical parse (sentence numbers of the mentions).
        kb: the actor KB (the armed forces of each country).
    """
    groups: dict[str, tuple[dict[str, Any], list[Mention], set[str]]] = {}
    for s, e, cc, kind in find_groups(article.text, article.language):
        if kind.startswith("institution:"):
            rec = institution(kb, cc, tuple(kind.split(":", 1)[1].split("|")))
            if rec is None:
                continue
        else:
            rec = armed_forces(kb, cc) if kind != "people" else None
        key = _kb_id(rec) if rec is not None else f"norp:{cc}"
        label = "ORG" if rec is not None else "NORP"
        m = Mention(text=article.text[s:e], start=s, end=e, label=label, sent=parse.sentence_of(s), stage=STAGE)
        g = groups.setdefault(key, ({"rec": rec, "cc": cc}, [], set()))
        g[1].append(m)
        g[2].add(kind)
    out = []
    for n, (info, ms, kinds) in enumerate(groups.values()):
        rec = info["rec"]
        seen = tuple(dict.fromkeys(m.text for m in ms))
        if rec is not None:
            conf = OCCUPIER_CONFIDENCE if kinds == {"occupier"} else FORCES_CONFIDENCE
            body = all(k.startswith("institution:") for k in kinds)
            out.append(Entity(id=f"gx{n}", kind="org", name=rec["name"], mentions=tuple(ms), status="linked",
                              confidence=conf, stage=STAGE, wikidata=rec.get("wikidata"),
                              evidence=("lexical:demonym-institution",) if body else ("lexical:demonym-forces",),
                              country=rec.get("country"), organisation=rec.get("parent"), aliases_seen=seen,
                              candidates=()))
        else:
            out.append(Entity(id=f"gx{n}", kind="norp", name=ms[0].text, mentions=tuple(ms), status="resolved",
                              confidence=NORP_CONFIDENCE, stage=STAGE, evidence=("lexical:demonym",),
                              country_code=info["cc"], feature="country", aliases_seen=seen))
    return tuple(out)
