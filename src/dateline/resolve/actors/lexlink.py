"""People and organisations of an article read without a parser (see :mod:`dateline.nlp.lexical`).

The KB's native-script names and aliases are indexed by case-blind word keys
(:func:`~dateline.nlp.lexical.word_key`), so "Володимира Зеленського" meets
"Володимир Зеленський" and "Пескова" meets "Дмитрий Песков" (by surname).  Latin-script
names (a German article's "Selenskyj", "Scholz") use the KB's own generated full forms and
surnames.  A surname shared by several actors stays ``ambiguous`` with its candidates,
unless the article names one of them in full.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from dateline.model import Article, Candidate, Entity, Mention, Parse, Token
from dateline.nlp.lexical import is_name_start, is_name_word, stop_words, word_key
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.lexgroups import lexical_groups
from dateline.resolve.actors.lexnames import acronym, contraction, latin_spellings, org_keys, org_variants
from dateline.resolve.actors.names import fold
from dateline.resolve.common import english_spelling

STAGE = "resolve.actors.v1"
#: Confidence of a link by a full native name ("Володимир Зеленський"), by a unique surname, and of
#: an ambiguous surname.  Set by judgement (no de/uk/ru gold yet): a full name is rarely shared,
#: a bare surname often is.
FULL_NAME_CONFIDENCE = 0.9
SURNAME_CONFIDENCE = 0.75
AMBIGUOUS_CONFIDENCE = 0.3
#: Shortest surname key matched alone: shorter keys ("ли", "ким") meet ordinary words.
MIN_SURNAME_KEY = 4
#: Shortest initials of a Cyrillic organisation name matched as an acronym ("ЗСУ", "ВСУ"); two letters meet words.
MIN_ACRONYM = 3
#: Organisation types whose native names' initials are matched (the forces and services news names by initials).
ACRONYM_ORG_TYPES = frozenset({"armed_forces", "security_service"})
#: Key prefix of generated acronyms in the index: they match an all-capitals token only.
ACRONYM_KEY = "ACR:"
#: Shortest Latin spelling of a Cyrillic word looked up in the KB's English forms and surnames; shorter ones
#: ("ivan", "mir") meet common words.  Set by judgement, not tuned.
MIN_TRANSLIT = 5
#: Longest name looked for, in words ("Міністерство оборони України").
MAX_WORDS = 6
#: A bare surname right after a given name that is not the KB person's ("Michael Roth" for a KB "Kenneth Roth")
#: names another bearer: that surname links to no one in the text.
OTHER_GIVEN_NAME = True
#: In German, where every noun is capitalised, a bare surname of a KB person without a Cyrillic name ("Krieg",
#: "Roth", "Koch") is as likely a noun: it links only after a title or given name ("Kanzler Scholz"), or when the
#: text names the person in full.
GERMAN_BARE_SURNAME_CUE = True
#: Countries whose bodies a text in the language names without saying whose: an initialism several bodies share
#: ("SPD": Germany's party, Pakistan's Strategic Plans Division) is the one of these countries, if only one is.
#: A capitalised word after a given name some KB person bears ("Victoria Amelina", "Michael Roth") names a person
#: the KB lacks: an ``unlinked`` person entity (so that no place or organisation is read into it), which the
#: bare surname's later mentions join ("Roth schrieb").
UNKNOWN_PEOPLE = True
#: Confidence of such a person: a given name and a capitalised word are good, not certain, evidence.
UNKNOWN_PERSON_CONFIDENCE = 0.5
LANGUAGE_COUNTRIES = {"de": frozenset({"DE", "AT", "CH"}), "uk": frozenset({"UA"}), "ru": frozenset({"RU"})}


@dataclass(frozen=True)
class _Index:
    full: dict[tuple[str, ...], tuple[int, ...]]
    surname: dict[str, tuple[int, ...]]
    org: dict[tuple[str, ...], tuple[int, ...]]  # organisation names and short forms by org keys (lexnames.py)
    given: frozenset[str] = frozenset()  # given-name keys of the KB's people (``_given_key``)


_CACHE: dict[int, tuple[ActorKB, _Index]] = {}


def _cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in s)


def _acronym_of(actor: dict[str, Any], name: str) -> str | None:
    """Return the initials that stand for a national force or service ("ЗСУ", "ВСУ", "СБУ"), else None.

    Only those bodies are commonly named by their initials; other names' initials collide with
    ordinary abbreviations ("ППО", air defence, is also a regional government's initials).
    """
    acr = acronym(name)
    if acr is None or len(acr) < MIN_ACRONYM or actor.get("org_type") not in ACRONYM_ORG_TYPES:
        return None
    return acr


#: Latin capitals of a Ukrainian or Russian body's romanised acronym -> Cyrillic, per language ("DSNS" -> "ДСНС",
#: "DPSU" -> "ДПСУ", "MVS" -> "МВС"); letters with no one-letter Cyrillic form make no acronym.
_ACRONYM_LETTERS = {
    "uk": dict(zip("ABVHGDEZIYKLMNOPRSTUFC", "АБВГҐДЕЗІИКЛМНОПРСТУФЦ")),
    "ru": dict(zip("ABVGDEZIYKLMNOPRSTUFC", "АБВГДЕЗИЫКЛМНОПРСТУФЦ")),
}
#: Shortest romanised acronym read in Cyrillic (two letters meet words).
MIN_CYRILLIC_ACRONYM = 3


def _cyrillic_acronyms(latin: str) -> set[str]:
    """Return the Cyrillic spellings of a body's romanised acronym, one per language (none when a letter has no form)."""
    if len(latin) < MIN_CYRILLIC_ACRONYM or not latin.isascii() or not latin.isalpha() or not latin.isupper():
        return set()
    out = set()
    for table in _ACRONYM_LETTERS.values():
        if all(c in table for c in latin):
            out.add("".join(table[c] for c in latin))
    return out


def _index(kb: ActorKB) -> _Index:
    """Index the KB's Cyrillic names and aliases by word keys (built once per KB)."""
    hit = _CACHE.get(id(kb))
    if hit is not None and hit[0] is kb:
        return hit[1]
    full: dict[tuple[str, ...], list[int]] = {}
    surname: dict[str, list[int]] = {}
    org_names: list[tuple[int, tuple[str, ...]]] = []
    for i, a in enumerate(kb.actors):
        for name in (*a.get("native", ()), *a.get("aliases", ()), *a.get("acronyms", ())):
            if not _cyrillic(name):
                continue
            words = tuple(word_key(w) for w in name.replace("-", " - ").split() if w != "-")
            full.setdefault(words, []).append(i)
            if a["kind"] == "person" and len(words) > 1 and len(words[-1]) >= MIN_SURNAME_KEY:
                surname.setdefault(words[-1], []).append(i)
            elif a["kind"] != "person" and len(words) > 1:
                org_names.append((i, org_keys(name)))
                if (short := contraction(name)) is not None:
                    org_names.append((i, org_keys(short)))
                if (acr := _acronym_of(a, name)) is not None:
                    full.setdefault((ACRONYM_KEY + acr,), []).append(i)
        if a["kind"] != "person" and any(_cyrillic(n) for n in a.get("native", ())):
            for latin in a.get("acronyms", ()):  # "DSNS" is written "ДСНС" in the body's own language
                for cyr in _cyrillic_acronyms(latin):
                    full.setdefault((ACRONYM_KEY + cyr,), []).append(i)
    acronyms = {keys: acr for i, keys in org_names
                for name in kb.actors[i].get("native", ()) if org_keys(name) == keys and (acr := _acronym_of(kb.actors[i], name))}
    org: dict[tuple[str, ...], list[int]] = {}
    for i, keys in org_names:
        for variant in org_variants(keys, acronyms):
            org.setdefault(variant, []).append(i)
    given = frozenset(k for a in kb.actors if a["kind"] == "person" for k in _given_keys(a)) - _NOT_GIVEN
    idx = _Index({k: tuple(dict.fromkeys(v)) for k, v in full.items()},
                 {k: tuple(dict.fromkeys(v)) for k, v in surname.items()},
                 {k: tuple(dict.fromkeys(v)) for k, v in org.items()}, given)
    _CACHE[id(kb)] = (kb, idx)
    return idx


#: First words of KB names that are particles or honorifics, not given names: "Al Jazeera", "Abu Dhabi" name no one.
_NOT_GIVEN = frozenset({"al", "el", "ad", "as", "an", "abu", "abou", "bin", "ben", "ibn", "bint", "sheikh", "shaikh",
                        "mullah", "haji", "hajji", "sayyid", "sayed", "sir", "dr", "mr", "mrs", "ms", "st", "van", "von",
                        "de", "di", "da", "la", "le"})


def _given_key(word: str) -> str:
    """Return a loose key of a given name: its English spelling, folded (Wolodymyr and Volodymyr meet)."""
    return english_spelling(word) if not _cyrillic(word) else word_key(word)


def _given_keys(actor: dict[str, Any]) -> set[str]:
    """Return the keys of a person's given names: the first word of each name the KB holds for them."""
    names = (actor.get("name", ""), *actor.get("native", ()), *actor.get("aliases", ()))
    return {_given_key(n.split()[0]) for n in names if len(n.split()) > 1}


def _other_bearer(toks: Sequence[Token], i: int, kb: ActorKB, idx: _Index, hits: tuple[int, ...]) -> bool:
    """Return True if the word before token i is a given name none of the surname's KB bearers has."""
    if i == 0 or toks[i - 1].sent != toks[i].sent or not is_name_word(toks[i - 1].text):
        return False
    key = _given_key(toks[i - 1].text)
    return key in idx.given and not any(key in _given_keys(kb.actors[h]) for h in hits)


#: German titles before a surname: "Herr", "Frau", a doctorate, or a compound whose head is an office
#: ("Außenministerin", "CDU-Außenpolitiker", "Regierungssprecher", "Bürgermeister").
_DE_TITLE = re.compile(r"(?:^(?:Herr|Frau|Dr\.?|Prof\.?)$|(?:minister|ministerin|präsident|präsidentin|kanzler|kanzlerin|"
                       r"sprecher|sprecherin|chef|chefin|politiker|politikerin|abgeordnete[r]?|general|meister|meisterin|"
                       r"gouverneur|gouverneurin|botschafter|botschafterin|vorsitzende[r]?|beauftragte[r]?|direktor|"
                       r"direktorin|kommandeur|oberst|leiter|leiterin|experte|expertin|analyst|analystin)$)",
                       re.IGNORECASE)


def _bare_noun(toks: Sequence[Token], i: int, kb: ActorKB, hits: tuple[int, ...], lang: str) -> bool:
    """Return True if a bare German surname of people without a Cyrillic name follows no title or name."""
    if lang != "de" or _cyrillic(toks[i].text) or any(_cyrillic(n) for h in hits for n in kb.actors[h].get("native", ())):
        return False
    if not (i > 0 and toks[i - 1].sent == toks[i].sent and is_name_word(toks[i - 1].text)):
        return True
    prev = toks[i - 1].text
    # German capitalises every noun ("seit Februar Krieg"): only a given name or a title names the person
    return not (fold(prev) in kb.given_names or _DE_TITLE.search(prev) is not None)


def _home_body(hits: tuple[int, ...], kb: ActorKB, lang: str) -> tuple[int, ...]:
    """Return the one organisation of the language's countries among several a name fits, else ``hits``."""
    if len(hits) < 2 or any(kb.actors[h]["kind"] == "person" for h in hits):
        return hits
    home = [h for h in hits if kb.actors[h].get("country") in LANGUAGE_COUNTRIES.get(lang, frozenset())]
    return (home[0],) if len(home) == 1 else hits


def _latin(kb: ActorKB, words: Sequence[str]) -> tuple[tuple[int, ...], bool]:
    """Return KB actors named by Latin ``words`` as written, else in English spelling."""
    hits, in_full = _latin_as(kb, words)
    if not hits and (alt := [english_spelling(w) for w in words]) != [w.lower() for w in words]:
        hits, in_full = _latin_as(kb, alt)
    return hits, in_full


def _latin_as(kb: ActorKB, words: Sequence[str]) -> tuple[tuple[int, ...], bool]:
    """Return KB actors named by Latin ``words`` (full form first, then a surname) and whether in full."""
    if len(words) > 1:
        hits = kb.form.get(fold(" ".join(words)), [])
        return tuple(dict.fromkeys(hits)), True
    w = fold(words[0])
    hits = kb.form.get(w, []) + kb.acronym.get(words[0], []) if words[0][:1].isupper() else kb.form.get(w, [])
    if hits:
        return tuple(dict.fromkeys(hits)), True
    hits = kb.surname.get(w, []) or (kb.surname.get(w[:-1], []) if w.endswith("s") else [])  # "Selenskyjs"
    return tuple(dict.fromkeys(hits)), False


def _match(toks: Sequence[Token], i: int, kb: ActorKB, idx: _Index) -> tuple[int, tuple[int, ...], bool]:
    """Return (words, actors, in_full) for the longest name starting at token i (words 0 if none)."""
    sent = toks[i].sent
    n_max = 0
    while n_max < MAX_WORDS and i + n_max < len(toks) and toks[i + n_max].sent == sent and toks[i + n_max].text[:1].isalpha():
        n_max += 1
    for n in range(n_max, 0, -1):
        words = [t.text for t in toks[i:i + n]]
        if not is_name_word(words[-1]) and n > 1 and not _cyrillic(words[-1]):
            continue
        if _cyrillic(words[0]):
            hits = idx.full.get(tuple(word_key(w) for w in words), ()) or idx.org.get(org_keys(" ".join(words)), ())
            if n == 1 and words[0].isupper():
                hits = hits or idx.full.get((ACRONYM_KEY + words[0].upper(),), ())
            if hits:
                return n, hits, True
            if n == 1 and len(key := word_key(words[0])) >= MIN_SURNAME_KEY and (hits := idx.surname.get(key, ())):
                return 1, hits, False
        elif all(is_name_word(w) for w in words):
            hits, in_full = _latin(kb, words) if n == 1 else _latin_genitive(kb, words)
            if hits:
                return n, hits, in_full
    if _cyrillic(toks[i].text) and (hits := _transliterated(kb, toks[i].text)):
        return 1, hits, False
    return 0, (), False


def _latin_genitive(kb: ActorKB, words: Sequence[str]) -> tuple[tuple[int, ...], bool]:
    """Return KB actors named by a Latin run as written, else with one German genitive -s/-es undone."""
    hits, in_full = _latin(kb, words)
    for k, w in enumerate(words):
        if hits:
            break
        for end in ("es", "s"):
            if w.endswith(end) and len(w) - len(end) >= MIN_SURNAME_KEY:
                hits, in_full = _latin(kb, [*words[:k], w[: -len(end)], *words[k + 1:]])
                if hits:
                    break
    return hits, in_full


def _transliterated(kb: ActorKB, word: str) -> tuple[int, ...]:
    """Return KB actors without a Cyrillic name that a Cyrillic word spells in Latin ("Пентагону" -> Pentagon).

    An organisation by any of its English forms (a one-word form: "Pentagon"), a person by surname
    when the KB has no Cyrillic name for them (else their own spelling is the better evidence).
    """
    for latin in latin_spellings(word):
        if len(latin) < MIN_TRANSLIT:
            continue
        orgs = [i for i in kb.form.get(latin, []) if kb.actors[i]["kind"] != "person"]
        people = [i for i in kb.surname.get(latin, []) if not any(_cyrillic(n) for n in kb.actors[i].get("native", ()))]
        hits = orgs + people
        if hits:
            return tuple(dict.fromkeys(hits))
    return ()


def _entity(n: int, kb: ActorKB, actors: tuple[int, ...], mentions: list[Mention], in_full: bool) -> Entity:
    recs = [kb.actors[i] for i in actors]
    kind = "person" if recs[0]["kind"] == "person" else "org"
    cands = tuple(Candidate(id=r["id"] if r["id"].startswith("kb:") else "kb:" + r["id"], name=r["name"],
                            score=1.0 / len(recs)) for r in recs[:5])
    common: dict[str, Any] = dict(id=f"{kind[0]}x{n}", kind=kind, mentions=tuple(mentions), stage=STAGE, candidates=cands,
                                  aliases_seen=tuple(dict.fromkeys(m.text for m in mentions)))
    if len(recs) > 1:
        return Entity(name=mentions[0].text, status="ambiguous", confidence=AMBIGUOUS_CONFIDENCE,
                      evidence=("lexical:surname-shared",), **common)
    r = recs[0]
    role = (r.get("roles") or [{}])[-1]
    return Entity(name=r["name"], status="linked", confidence=FULL_NAME_CONFIDENCE if in_full else SURNAME_CONFIDENCE,
                  evidence=("lexical:native-name" if in_full else "lexical:surname",), wikidata=r.get("wikidata"),
                  role=role.get("title"), organisation=role.get("organisation") or r.get("parent"),
                  country=role.get("country") or r.get("country"), **{**common, "kind": kind})


#: A compound headed by a body's acronym ("NATO-Mitglied", "UN-Sicherheitsrat", "EU-Kommission").
_ACRONYM_COMPOUND = re.compile(r"^([A-ZÄÖÜА-ЯІЇЄҐ]{2,6})[-‑]\w")


def lexical_actors(article: Article, parse: Parse, *, kb: ActorKB) -> tuple[Entity, ...]:
    """Return KB people and organisations named in a lexically parsed article.

    Args:
        article: the article.
        parse: its lexical parse.
        kb: the actor knowledge base.
    """
    text, idx = article.text, _index(kb)
    toks = parse.tokens
    found: list[tuple[Mention, tuple[int, ...], bool]] = []
    other: set[str] = set()  # bare surnames the text gives another bearer ("Michael Roth")
    cued: set[str] = set()  # bare German surnames seen after a title or name at least once
    bare: list[tuple[str, bool]] = []  # per found name: its folded text if a bare surname, and whether it reads as a noun
    i = 0
    while i < len(toks):
        if (ac := _ACRONYM_COMPOUND.match(toks[i].text)) is not None and (hits := tuple(kb.acronym.get(ac[1], ()))):
            s, e = toks[i].start, toks[i].start + len(ac[1])  # "NATO-Mitglied", "ЄС-країни": the body heads a compound
            found.append((Mention(text=text[s:e], start=s, end=e, label="ORG", sent=toks[i].sent, stage=STAGE),
                          _home_body(hits, kb, article.language), True))
            bare.append(("", False))
            i += 1
            continue
        n, hits, in_full = _match(toks, i, kb, idx) if is_name_start(toks[i].text, article.language) else (0, (), False)
        if not n:
            i += 1
            continue
        hits = _home_body(hits, kb, article.language)
        s, e = toks[i].start, toks[i + n - 1].end
        person = kb.actors[hits[0]]["kind"] == "person"
        key = fold(text[s:e]) if person and not in_full and n == 1 else ""
        if key and OTHER_GIVEN_NAME and _other_bearer(toks, i, kb, idx, hits):
            other.add(key)
        noun = bool(key) and GERMAN_BARE_SURNAME_CUE and _bare_noun(toks, i, kb, hits, article.language)
        if key and not noun:
            cued.add(key)
        bare.append((key, noun))
        found.append((Mention(text=text[s:e], start=s, end=e, label="PERSON" if kb.actors[hits[0]]["kind"] == "person"
                              else "ORG", sent=toks[i].sent, stage=STAGE), hits, in_full))
        i += n
    named = {h[0] for _, h, full in found if full and len(h) == 1}
    found = [f for f, (key, noun) in zip(found, bare)
             if not key or (key not in other and (not noun or key in cued or f[1][0] in named))]
    groups: dict[tuple[int, ...], tuple[list[Mention], list[bool]]] = {}
    for m, hits, full in found:
        known = tuple(h for h in hits if h in named)  # "Зеленський" after "Володимир Зеленський"
        key = known if len(known) == 1 else hits
        g = groups.setdefault(key, ([], []))
        g[0].append(m)
        g[1].append(full or bool(known))
    named_ents = [_entity(n, kb, key, ms, any(fulls)) for n, (key, (ms, fulls)) in enumerate(groups.items())]
    if UNKNOWN_PEOPLE:
        named_ents += _unknown_people(article, toks, idx, [m for m, _, _ in found])
    named_ents = [_with_native_spelling(e, text) for e in named_ents]
    return _with_groups(named_ents, lexical_groups(article, parse, kb))


def _unknown_people(article: Article, toks: Sequence[Token], idx: _Index, taken: Sequence[Mention]) -> list[Entity]:
    """Return ``unlinked`` people named by a KB given name (or, in German, any two words after an office:
    "Agrarminister Jonas Velm") and a capitalised word the KB does not know.

    Their bare surnames elsewhere join them (a surname the KB gives another bearer is no link: ``OTHER_GIVEN_NAME``).
    """
    text, lang = article.text, article.language
    covered = [(m.start, m.end) for m in taken]
    free = [not any(s < t.end and t.start < e for s, e in covered) for t in toks]
    people: dict[str, list[Mention]] = {}
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        titled = (lang == "de" and i > 0 and toks[i - 1].sent == a.sent
                  and _DE_TITLE.search(toks[i - 1].text) is not None)
        if not (free[i] and free[i + 1] and a.sent == b.sent and text[a.end:b.start] == " " and is_name_word(a.text)
                and is_name_word(b.text) and not b.text.isupper() and b.text.lower() not in stop_words(lang)
                and (_given_key(a.text) in idx.given or titled and not a.text.isupper())
                and len(b.text) >= MIN_SURNAME_KEY):
            continue  # a KB given name, or (German) any name after an office ("Agrarminister Jonas Velm")
        if i + 2 < len(toks) and toks[i + 2].sent == a.sent and text[b.end:toks[i + 2].start] == " " \
                and is_name_word(toks[i + 2].text) and free[i + 2]:
            continue  # a longer run ("Victoria Station Road"): not read as a person here
        people.setdefault(word_key(b.text), []).append(
            Mention(text=text[a.start:b.end], start=a.start, end=b.end, label="PERSON", sent=a.sent, stage=STAGE))
        free[i] = free[i + 1] = False
    for t, ok in zip(toks, free):
        if ok and (k := word_key(t.text)) in people and is_name_word(t.text):
            people[k].append(Mention(text=t.text, start=t.start, end=t.end, label="PERSON", sent=t.sent, stage=STAGE))
    out = []
    for n, ms in enumerate(people.values()):
        ms.sort(key=lambda m: m.start)
        full = next(m.text for m in ms if " " in m.text)
        out.append(Entity(id=f"px{n}", kind="person", name=full, mentions=tuple(ms), status="unlinked", stage=STAGE,
                          confidence=UNKNOWN_PERSON_CONFIDENCE, evidence=("lexical:given-name",),
                          aliases_seen=tuple(dict.fromkeys(m.text for m in ms))))
    return out


#: A Cyrillic name right before its Latin spelling in brackets: "Линн Трейси (Lynne Tracy)".
_NATIVE_BEFORE_LATIN = re.compile(r"((?:[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+ ){0,2}[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+) \($")


def _with_native_spelling(e: Entity, text: str) -> Entity:
    """Add to a person the Cyrillic spelling written before a Latin mention in brackets, as a mention of its own."""
    if e.kind != "person":
        return e
    extra = []
    for m in e.mentions:
        if _cyrillic(m.text) or not text[m.end:m.end + 1] == ")":
            continue
        hit = _NATIVE_BEFORE_LATIN.search(text, max(0, m.start - 80), m.start)
        if hit and not any(x.start < hit.end(1) and hit.start(1) < x.end for x in e.mentions):
            extra.append(Mention(text=hit.group(1), start=hit.start(1), end=hit.end(1), label="PERSON", sent=m.sent,
                                 stage=STAGE))
    if not extra:
        return e
    ms = tuple(sorted(e.mentions + tuple(extra), key=lambda x: x.start))
    return replace(e, mentions=ms, aliases_seen=tuple(dict.fromkeys(x.text for x in ms)))


def _with_groups(named: list[Entity], groups: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Add the group entities; a group linked to an actor the text also names ("ЗСУ") joins that entity."""
    by_name = {e.name: i for i, e in enumerate(named) if e.status == "linked"}
    out = list(named)
    for g in groups:
        i = by_name.get(g.name) if g.kind == "org" else None
        if i is None:
            out.append(g)
            continue
        e = out[i]
        ms = tuple(sorted(e.mentions + g.mentions, key=lambda m: m.start))
        out[i] = replace(e, mentions=ms, aliases_seen=tuple(dict.fromkeys(m.text for m in ms)),
                         evidence=tuple(dict.fromkeys(e.evidence + g.evidence)))
    return tuple(out)
