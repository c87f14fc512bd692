"""Validate actor source records and generate their spelling variants by method.

Used by ``scripts/build_actors.py`` (full mode: translitua, ICU BGN, names_translator,
rigour given-name symbols) and by ``dateline kb add/import`` (light mode: no rigour,
whose name table takes ~9 s to load).

A generated record keeps the source fields and adds ``id`` and ``gen``::

    gen = {"forms": folded full-name forms, "surnames": [...], "givens": [...],
           "symbols": {given form: [rigour NAME symbols]}, "acronyms": [...], "bags": [[...]],
           "inner": [given forms matched but no sign of a person's name: middle names, a family name written first]}
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from dateline.errors import InputError
from dateline.resolve.actors.names import acronym_of, fold, has_cyrillic, org_bag, strip_country

KINDS = ("person", "org")
ORG_TYPES = ("ministry", "armed_forces", "military_unit", "security_service", "think_tank", "news_agency",
             "international", "government", "party", "armed_group", "company", "ngo", "other")
_UKR_LETTERS = re.compile(r"[іїєґІЇЄҐ]")


def validate(rec: dict[str, Any], where: str) -> None:
    """Raise InputError unless ``rec`` follows the actor source schema.

    Args:
        rec: one source record.
        where: "file:line" for the message.
    """
    def bad(msg: str) -> InputError:
        return InputError(f"{where}: {msg}; fix the source record and rebuild")

    if rec.get("kind") not in KINDS:
        raise bad(f"kind must be one of {KINDS}, got {rec.get('kind')!r}")
    if not isinstance(rec.get("name"), str) or not rec["name"].strip():
        raise bad("name is required")
    qid = rec.get("wikidata")
    if qid is not None and not re.fullmatch(r"Q[1-9]\d*", str(qid)):
        raise bad(f"wikidata must look like Q123, got {qid!r}")
    country = rec.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", str(country)):
        raise bad(f"country must be ISO alpha-2, got {country!r}")
    for key in ("native", "aliases", "acronyms", "roles"):
        if not isinstance(rec.get(key, []), list):
            raise bad(f"{key} must be a list")
    for role in rec.get("roles", []):
        if not isinstance(role, dict) or not role.get("title"):
            raise bad(f"every role needs a title: {role!r}")
        for k in ("start", "end"):
            if role.get(k) is not None and not isinstance(role.get(k), int):
                raise bad(f"role {k} must be a year (int) or null: {role!r}")
    if rec["kind"] == "org" and rec.get("org_type") not in (None, *ORG_TYPES):
        raise bad(f"org_type must be one of {ORG_TYPES}, got {rec.get('org_type')!r}")


def actor_id(rec: dict[str, Any]) -> str:
    """Return the stable id of an actor: its QID, else a slug of its name."""
    return rec["wikidata"] or "kb:" + fold(rec["name"]).replace(" ", "-")


#: Shortest middle word of a full name kept as a given name of its own ("Recep Tayyip Erdogan" -> "tayyip";
#: initials such as "J." are not).  Set by judgement.
MIN_MIDDLE_GIVEN = 3
#: Words inside a name that are not given names ("Mohammed bin Salman", "Ursula von der Leyen").
NAME_PARTICLES = frozenset("bin ibn bint al el ul ud abu ben de da di del della dos das du van von der den la le ter".split())


#: Countries whose press writes a person's family name first ("Kim Jong Un", "Han Duck-soo", "Xi Jinping").
FAMILY_FIRST_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "KR", "KP"})
#: Common Chinese and Korean family names in their English romanisations (third-party facts).  A name of a
#: family-first country that starts with one has its family name first; "Joseph Wu" and "Wellington Koo" do not.
#: The name's words are still split in Western order for matching (the linker compares the last word); the
#: family name is only kept out of the given names that mark a capitalised pair as a person ("Han Younis").
EAST_ASIAN_SURNAMES = frozenset("""
kim lee li ri rhee yi park pak choi choe chung jung jeong kang cho jo yoon yun jang chang lim im lin han oh seo suh
shin sin kwon hwang ahn an song yoo yu ryu hong moon mun ban no roh noh yang jeon chun ko go nam baek paek heo
wang zhang liu chen zhao huang zhou wu xu sun ma zhu hu guo he gao luo zheng liang xie tang xi qin wei fu geng
mao dong feng deng cao peng zeng xiao tian dai pan du jiang shen yuan lu ding ren yao tan lai tsai hsiao cheng
""".split())


def _family_first(rec: dict[str, Any]) -> bool:
    words = fold(rec["name"]).split()
    return rec.get("country") in FAMILY_FIRST_COUNTRIES and len(words) > 1 and words[0] in EAST_ASIAN_SURNAMES


def _split(name: str) -> tuple[str, str]:
    """Split a folded Western-order name into (given names, surname)."""
    parts = name.split()
    return (" ".join(parts[:-1]), parts[-1]) if len(parts) > 1 else ("", parts[0] if parts else "")


def _cyrillic_forms(native: str, ukrainian: bool, heavy: bool) -> set[str]:
    """Romanise one native-script name by every available method."""
    import translitua

    out: set[str] = set()
    if ukrainian:
        out.add(translitua.translit(native))
    try:
        import icu

        for tid in ("Ukrainian-Latin/BGN",) if ukrainian else ("Russian-Latin/BGN",):
            out.add(icu.Transliterator.createInstance(tid).transliterate(native))
    except ImportError:  # PyICU is a build extra; translitua alone still gives the press spelling
        pass
    if heavy:
        out |= _names_translator_forms(native)
    return {f for f in (fold(x) for x in out) if f and not has_cyrillic(f)}


_NT: Any = None


def _names_translator_forms(native: str) -> set[str]:
    """Return names_translator variants of a "First [Patronymic] Last" Cyrillic name."""
    global _NT
    parts = native.split()
    if len(parts) < 2:
        return set()
    if _NT is None:
        from names_translator.names_translator import Transliterator

        _NT = Transliterator()
    first, last = parts[0], parts[-1]
    out = set()
    for v in _NT.transliterate(last, first, ""):
        bits = v.split()
        if len(bits) == 2:  # "Last First" -> "First Last"
            out.add(f"{bits[1]} {bits[0]}")
    return out


def _person_gen(rec: dict[str, Any], heavy: bool) -> dict[str, Any]:
    forms = {fold(rec["name"])} | {fold(a) for a in rec.get("aliases", []) if a}
    forms = {f for f in forms if f}
    ukrainian = rec.get("country") == "UA"
    for native in rec.get("native", []):
        if has_cyrillic(native):
            forms |= _cyrillic_forms(native, ukrainian or bool(_UKR_LETTERS.search(native)), heavy)
            if ukrainian and heavy:  # Russian-language press romanises Ukrainian names the Russian way
                forms |= _cyrillic_forms(native, False, heavy)
    givens, surnames, inner = set(), set(), set()
    for f in forms:
        g, s = _split(f)
        surnames.add(s)
        if g:
            first, *middle = g.split()
            givens.add(first)
            # a middle name is a name the press uses alone with the surname ("Tayyip Erdogan")
            middle = [w for w in middle if len(w) >= MIN_MIDDLE_GIVEN and w not in NAME_PARTICLES]
            givens.update(middle)
            inner.update(middle)
    gen = {"forms": sorted(forms), "surnames": sorted(surnames), "givens": sorted(givens), "symbols": {}}
    # Given forms that are matched but are no sign of a person's name before a capitalised word: middle
    # names that lead no form ("Khan" of Amir Khan Muttaqi) and a family name written first ("Han" of
    # Han Duck-soo), lest "Han Younis" become a person.
    lead = {g.split()[0] for g, _ in map(_split, forms) if g}
    family = {fold(rec["name"]).split()[0]} if _family_first(rec) else set()
    if (inner := (inner - lead) | family):
        gen["inner"] = sorted(inner)
    return gen


def _org_gen(rec: dict[str, Any]) -> dict[str, Any]:
    names = [rec["name"], *rec.get("aliases", [])]
    acronyms = {a.upper() for a in rec.get("acronyms", []) if a}
    bags = set()
    for n in names:
        words, _ = strip_country(fold(n).split())
        bag = org_bag(" ".join(words))
        if bag:
            bags.add(tuple(sorted(bag)))
        if len(bag) >= 3:
            acronyms.add(acronym_of(n))
    forms = sorted({fold(n) for n in names if fold(n)})
    return {"forms": forms, "acronyms": sorted(acronyms), "bags": sorted(list(b) for b in bags)}


def expand(rec: dict[str, Any], *, heavy: bool = False) -> dict[str, Any]:
    """Return the record with ``id`` and generated ``gen`` variants."""
    out = dict(rec)
    out["id"] = actor_id(rec)
    out["gen"] = _person_gen(rec, heavy) if rec["kind"] == "person" else _org_gen(rec)
    return out


def add_given_symbols(records: Iterable[dict[str, Any]]) -> None:
    """Attach rigour given-name symbols and share given forms that rigour says are equivalent.

    Oleh and Oleg carry a common Wikidata given-name symbol in rigour's table; a person
    known as Oleh then also gets the given form Oleg (and vice versa), by method.
    """
    from rigour.names import NameTypeTag, analyze_names

    people = [r for r in records if r["kind"] == "person"]
    vocab = sorted({g for r in people for g in r["gen"]["givens"]})
    symbols: dict[str, list[str]] = {}
    for g in vocab:
        syms = {str(s) for n in analyze_names(NameTypeTag.PER, [g]) for s in n.symbols if str(s).startswith("[NAME:")}
        symbols[g] = sorted(syms)
    by_symbol: dict[str, set[str]] = {}
    for g, syms in symbols.items():
        for s in syms:
            by_symbol.setdefault(s, set()).add(g)
    for r in people:
        gen = r["gen"]
        extra = {o for g in gen["givens"] for s in symbols.get(g, []) for o in by_symbol[s]}
        if gen.get("inner"):  # a form equivalent to an inner given is inner too ("khan" -> "han")
            inner = set(gen["inner"])
            gen["inner"] = sorted(inner | {o for g in inner for s in symbols.get(g, []) for o in by_symbol[s]} - set(gen["givens"]))
        gen["givens"] = sorted(set(gen["givens"]) | extra)
        gen["symbols"] = {g: symbols[g] for g in gen["givens"] if symbols.get(g)}
