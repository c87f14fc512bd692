"""Synthetic garble study: how often does dateline recover machine-spun place and person names?

Content farms respin wire copy and garble names on the way (a town's transliteration drifts, a
surname gets a voiced first letter).  This script builds a seeded, deterministic benchmark from the
project's own data only -- no benchmark corpus:

* places sampled from the packaged gazetteer (Ukrainian cities, towns, GeoNames villages and
  codifier-only villages; some Russian, Syrian, Israeli/Palestinian, Lebanese and Sudanese towns);
* people sampled from the packaged actor KB;
* each name garbled by the operators of ``OPERATORS`` (one at a time, and in pairs), embedded in
  neutral war-report templates, with a dateline / region / role context sometimes present;
* a false-positive probe: ordinary surnames and words that are neither KB actors nor gazetteer names;
* organisations sampled from the KB, one content word garbled by the same operators and the words
  reordered (``order``, ``swap``), with a probe of made-up organisation names (``garble_orgs``).

Every document goes through the real pipeline (``dateline.read``); the entity covering the garbled
span is scored **recovered** (the right place within ``RECOVER_KM`` / the right KB actor), **wrong**
(another place or actor: a wrong dot) or **none** (unresolved, ambiguous or unlinked).

    PYTHONPATH=src .venv/bin/python scripts/garble_study.py --seed 2          # check seed
    PYTHONPATH=src .venv/bin/python scripts/garble_study.py --seed 1 --places 100 --people 50
    PYTHONPATH=src .venv/bin/python scripts/garble_study.py --seed 1 --only-orgs --verbose  # organisations only

Nothing is cached or written; the table goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import garble_orgs  # noqa: E402  (the organisation part, beside this script)

#: A place counts as recovered when the resolved point lies within this distance of the sampled one.
RECOVER_KM = 10.0
PUBLISHED = "2022-09-10"

# ------------------------------------------------------------------ garbling operators
_TRANSLIT = (("kh", "h"), ("kh", "g"), ("y", "i"), ("ii", "y"), ("ts", "z"), ("ts", "c"), ("zh", "j"), ("zh", "sh"),
             ("ye", "e"), ("ie", "e"), ("iv", "yv"))
_VOWEL = {"a": "o", "o": "a", "e": "i", "i": "e"}
_VOICE = {"k": "g", "g": "k", "p": "b", "b": "p", "t": "d", "d": "t", "s": "z", "z": "s", "f": "v", "v": "f"}


def _replace_at(s: str, i: int, n: int, new: str) -> str:
    return s[:i] + new + s[i + n:]


def op_translit(s: str) -> list[str]:
    """Transliteration drift: kh->h/g, y->i, ii->y, ts->z/c, zh->j/sh, ye/ie->e, iv->yv (one occurrence)."""
    out = []
    for a, b in _TRANSLIT:
        i = s.find(a, 1 if a == "y" else 0)  # a leading "Y" is a consonant sound; drifting it is another operator
        while i >= 0:
            out.append(_replace_at(s, i, len(a), b))
            i = s.find(a, i + 1)
    return out


def op_vowel(s: str) -> list[str]:
    """Vowel swap a<->o, e<->i at one position."""
    return [_replace_at(s, i, 1, _VOWEL[c]) for i, c in enumerate(s) if c in _VOWEL]


def op_voicing(s: str) -> list[str]:
    """Voicing flip k<->g, p<->b, t<->d, s<->z, f<->v at one non-initial position."""
    return [_replace_at(s, i, 1, _VOICE[c]) for i, c in enumerate(s) if i and c in _VOICE and s[i - 1:i + 1] not in ("kh", "zh", "sh", "ts")]


def op_double(s: str) -> list[str]:
    """Double one non-initial letter that is not doubled already."""
    return [_replace_at(s, i, 1, c + c) for i, c in enumerate(s) if i and c != s[i - 1] and (i + 1 == len(s) or s[i + 1] != c)]


def op_drop(s: str) -> list[str]:
    """Drop one non-initial letter."""
    return [_replace_at(s, i, 1, "") for i in range(1, len(s))] if len(s) >= 5 else []


def op_transpose(s: str) -> list[str]:
    """Swap two adjacent non-initial letters."""
    return [_replace_at(s, i, 2, s[i + 1] + s[i]) for i in range(1, len(s) - 1) if s[i] != s[i + 1]]


def op_first_voice(s: str) -> list[str]:
    """Flip the voicing of the first letter (Kovalenko -> Govalenko, Hrytsenko -> Khrytsenko)."""
    if s.startswith("kh"):
        return ["h" + s[2:], "g" + s[2:]]
    if s[:1] == "h":
        return ["kh" + s[1:], "g" + s[1:]]
    return [_VOICE[s[0]] + s[1:]] if s[:1] in _VOICE else []


OPERATORS: dict[str, Callable[[str], list[str]]] = {
    "translit": op_translit, "vowel": op_vowel, "voicing": op_voicing, "double": op_double,
    "drop": op_drop, "transpose": op_transpose, "first-voice": op_first_voice,
}


def garble(word: str, ops: tuple[str, ...], rng: random.Random) -> str | None:
    """Apply the operators in turn to one word (case kept on the first letter); None if one does not apply."""
    s = word.lower()
    for op in ops:
        variants = sorted(set(v for v in OPERATORS[op](s) if v != s and len(v) >= 3))
        if not variants:
            return None
        s = rng.choice(variants)
    if s == word.lower():
        return None
    return s[:1].upper() + s[1:] if word[:1].isupper() else s


def variants_for(word: str, rng: random.Random, singles: int, pairs: int) -> list[tuple[str, str]]:
    """Return (operator label, garbled word): up to ``singles`` single operators and ``pairs`` pairs."""
    names = list(OPERATORS)
    out = []
    for op in rng.sample(names, len(names)):
        if len(out) >= singles:
            break
        if (g := garble(word, (op,), rng)) is not None:
            out.append((op, g))
    tried = 0
    while sum(1 for o, _ in out if o == "pair") < pairs and tried < 10:
        tried += 1
        a, b = rng.sample(names, 2)
        if (g := garble(word, (a, b), rng)) is not None:
            out.append(("pair", g))
    return out


# ------------------------------------------------------------------ samples
CAPITALS = {"UA": ("KYIV", "Ukraine"), "RU": ("MOSCOW", "Russia"), "SY": ("DAMASCUS", "Syria"), "IL": ("JERUSALEM", "Israel"),
            "PS": ("RAMALLAH", "West Bank"), "LB": ("BEIRUT", "Lebanon"), "SD": ("KHARTOUM", "Sudan")}
#: Share of the place sample per stratum: (label, SQL condition).
STRATA = (
    (0.15, "ua-city", "cc='UA' AND feature='city' AND pop >= 50000"),
    (0.20, "ua-town", "cc='UA' AND feature IN ('city','village') AND pop BETWEEN 5000 AND 49999"),
    (0.20, "ua-village", "cc='UA' AND feature IN ('city','village') AND pop BETWEEN 300 AND 4999 AND gid IS NOT NULL"),
    (0.15, "ua-codifier", "cc='UA' AND feature='village' AND gid IS NULL"),
    (0.10, "ru", "cc='RU' AND feature='city' AND pop >= 10000"),
    (0.20, "mideast-sudan", "cc IN ('SY','IL','PS','LB','SD') AND feature IN ('city','village') AND pop >= 5000"),
)


@dataclass(frozen=True)
class Target:
    kind: str  # place | person | probe-place | probe-person
    key: str  # stratum or country
    word: str  # the word that is garbled (a place's name, a person's surname)
    given: str = ""
    lat: float = 0.0
    lon: float = 0.0
    actor_id: str = ""
    cc: str = ""
    region: str = ""
    title: str = ""


def _region_word(admin1: str | None) -> str:
    if not admin1:
        return ""
    return "Crimea" if "Krym" in admin1 else admin1.replace(" Oblast", "")


def sample_places(n: int, rng: random.Random) -> list[Target]:
    """Sample one-word places from the packaged gazetteer, by stratum."""
    con = sqlite3.connect(f"file:{REPO / 'src/dateline/data/gazetteer.sqlite'}?mode=ro", uri=True)
    out = []
    for share, label, cond in STRATA:
        rows = con.execute(f"SELECT name, cc, admin1, lat, lon FROM place WHERE {cond} ORDER BY id").fetchall()
        rows = [r for r in rows if r[0].isalpha() and r[0].isascii() and len(r[0]) >= 4]
        for name, cc, admin1, lat, lon in rng.sample(rows, min(len(rows), round(n * share))):
            out.append(Target("place", label, name, lat=lat, lon=lon, cc=cc, region=_region_word(admin1)))
    con.close()
    return out


def _role_title(actor: dict) -> str:
    roles = actor.get("roles") or []
    return roles[0]["title"] if roles and roles[0].get("title") else ""


def sample_people(m: int, rng: random.Random) -> list[Target]:
    """Sample people with a two- or three-word ASCII name and a surname of at least 4 letters."""
    people = []
    for line in (REPO / "src/dateline/data/actors.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        words = a["name"].split()
        if a["kind"] == "person" and 2 <= len(words) <= 3 and all(w.isalpha() and w.isascii() for w in words) and len(words[-1]) >= 4:
            people.append(a)
    return [Target("person", a.get("country") or "-", a["name"].split()[-1], given=" ".join(a["name"].split()[:-1]),
                   actor_id=a["id"], cc=a.get("country") or "", title=_role_title(a))
            for a in rng.sample(people, min(m, len(people)))]


#: Ordinary English surnames and capitalised words for the false-positive probe (public facts); Ukrainian
#: surnames are added from names_translator's dictionary.  Any that the gazetteer or KB knows is dropped.
PROBE_WORDS = """Abbott Atkinson Barlow Beckett Blakemore Brennan Carver Chandler Cotton Crawley Dawkins Doyle Ellison Fenwick
Fletcher Garrity Goodwin Hadley Hargreaves Hollis Hutchins Jarvis Kendrick Lambert Lockwood Mallory Merritt Norris Oakley
Pemberton Pritchard Quinlan Radford Rowley Sutcliffe Thornton Underwood Vickers Wakefield Whitlock Yardley Blanket Harvest
Lantern Meadow Pillow Saddle Thimble Whistle Biscuit Candle Ferret Gravel Hammock Jigsaw Kettle Ladder Marble Noodle
Pebble Ribbon Tinsel Walnut""".split()


def _known(word: str, con: sqlite3.Connection, kb_words: set[str]) -> bool:
    from dateline.resolve.gazetteer.keys import fold_key

    return word.lower() in kb_words or con.execute("SELECT 1 FROM alias WHERE key = ?", (fold_key(word),)).fetchone() is not None


def sample_probe(k: int, rng: random.Random) -> list[Target]:
    """Return ``k`` probe words (half English, half romanised Ukrainian surnames) unknown to gazetteer and KB."""
    con = sqlite3.connect(f"file:{REPO / 'src/dateline/data/gazetteer.sqlite'}?mode=ro", uri=True)
    kb_words = set()
    for line in (REPO / "src/dateline/data/actors.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        kb_words |= {w for f in a["gen"]["forms"] for w in f.split()} | set(a["gen"].get("surnames", []))
    words = [w for w in PROBE_WORDS if not _known(w, con, kb_words)]
    words = rng.sample(words, min(len(words), k // 2))
    try:
        from names_translator.dicts import default_dicts
        from translitua import translit

        pool = sorted(default_dicts().as_dict("last"))
        for w in rng.sample(pool, 4 * k):
            if len(words) >= k:
                break
            r = translit(w).capitalize()
            if r.isalpha() and r.isascii() and 5 <= len(r) <= 11 and not r.endswith("a") and not _known(r, con, kb_words):
                words.append(r)
    except ImportError:  # no dictionary: English words only
        pass
    con.close()
    givens = ["Oleksandr", "Mykola", "Serhii", "Ivan", "Andrii", "Dmitry", "Vladimir", "John", "Michael", "Peter"]
    out = []
    for i, w in enumerate(words):
        kind = "probe-place" if i % 2 == 0 else "probe-person"
        out.append(Target(kind, "probe", w, given=rng.choice(givens), cc=rng.choice(["UA", "RU", "SY", "LB"])))
    return out


# ------------------------------------------------------------------ documents
PLACE_TEMPLATES = (
    "{pre}Russian forces shelled {X}{reg} overnight, regional officials said.",
    "{pre}Two civilians were killed when a missile struck {X}{reg}, the governor said on Tuesday.",
    "{pre}Residents of {X}{reg} were told to leave as artillery fire intensified.",
    "{pre}Fighting continued on the outskirts of {X}{reg} on Wednesday, according to the military.",
)
PERSON_TEMPLATES = (
    "{pre}{T}{P} said in a statement on Telegram that the attack had been repelled.",
    "{pre}\"We will not give up,\" {T}{P} told reporters on Monday.",
    "{pre}According to {T}{P}, talks on a ceasefire would continue next week.",
)


def _pre(cc: str, use: bool) -> str:
    if not use or cc not in CAPITALS:
        return ""
    city, country = CAPITALS[cc]
    return f"{city}, {country} (Reuters) — "


def _ctx(pre: str, extra: str) -> str:
    return "dateline" if pre else "region" if extra else "none"


def make_doc(t: Target, word: str, rng: random.Random) -> tuple[str, int, int, str]:
    """Return (text, start, end, context) with ``word`` in a template; the span is the place or the surname.

    The context is "none", "dateline" (a capital and country before the text) or "region" (the
    oblast after a Ukrainian place; a role title before a person).
    """
    ctx = rng.choice(("none", "dateline", "region"))
    pre = _pre(t.cc, ctx == "dateline")
    if t.kind in ("place", "probe-place"):
        reg = f" in the {t.region} region" if ctx == "region" and t.region else ""
        tpl = rng.choice(PLACE_TEMPLATES)
        head = tpl.split("{X}")[0].format(pre=pre)
        return head + word + tpl.split("{X}")[1].format(reg=reg), len(head), len(head) + len(word), _ctx(pre, reg)
    title = (t.title + " ") if ctx == "region" and t.title else ""
    tpl = rng.choice(PERSON_TEMPLATES)
    head = tpl.split("{P}")[0].format(pre=pre, T=title) + t.given + " "
    return head + word + tpl.split("{P}")[1], len(head), len(head) + len(word), _ctx(pre, title)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _covering(entities, a: int, b: int, kinds: tuple[str, ...]):
    return [e for e in entities if e.kind in kinds and any(m.start < b and a < m.end for m in e.mentions)]


def score(t: Target, entities, a: int, b: int) -> str:
    """Return recovered | wrong | none for the entity covering [a, b)."""
    dots = [e for e in _covering(entities, a, b, ("place",)) if e.status == "resolved" and e.lat is not None]
    if t.kind == "place":
        if any(_km(e.lat, e.lon, t.lat, t.lon) <= RECOVER_KM for e in dots):
            return "recovered"
        return "wrong" if dots else "none"
    if dots:  # a person's name or a probe word put on the map
        return "wrong"
    linked = [e for e in _covering(entities, a, b, ("person",)) if e.status == "linked"]
    if t.kind == "person" and any(e.candidates and e.candidates[0].id.removeprefix("kb:") == t.actor_id.removeprefix("kb:")
                                  for e in linked):
        return "recovered"
    return "wrong" if linked else "none"


# ------------------------------------------------------------------ run and report
def run(targets: list[Target], rng: random.Random, singles: int, pairs: int, verbose: bool) -> dict:
    """Read every document; return counts[(kind, row)][outcome], and the recovered-control set."""
    import dateline

    counts: dict = defaultdict(lambda: defaultdict(int))
    ok_control: set[int] = set()
    for n, t in enumerate(targets):
        docs = [("control", t.word)] + ([] if t.kind.startswith("probe") else variants_for(t.word, rng, singles, pairs))
        for op, word in docs:
            text, a, b, ctx = make_doc(t, word, rng)
            out = score(t, dateline.read(text, published=PUBLISHED).entities, a, b)
            kind = "probe" if t.kind.startswith("probe") else t.kind
            counts[(kind, op)][out] += 1
            if op == "control":
                if out == "recovered":
                    ok_control.add(n)
            else:
                counts[(kind, "all garbled")][out] += 1
                counts[(kind, f"garbled, context {ctx}")][out] += 1
                if n in ok_control:
                    counts[(kind, "garbled | control ok")][out] += 1
            if verbose and ((op != "control" and out != "recovered") or (kind == "probe" and out == "wrong")):
                print(f"  {t.kind:6} {op:11} {ctx:8} {out:9} {t.word} -> {word}: {text}", file=sys.stderr)
        if n % 50 == 49:
            print(f"  {n + 1}/{len(targets)} names", file=sys.stderr)
    return counts


def run_orgs(targets: list, rng: random.Random, singles: int, verbose: bool) -> dict:
    """Read every organisation document (garble_orgs); return counts[(kind, row)][outcome]."""
    import dateline

    counts: dict = defaultdict(lambda: defaultdict(int))
    ok_control: set[int] = set()
    for n, t in enumerate(targets):
        docs = [("control", t.name)]
        if t.kind == "org":
            docs += garble_orgs.org_variants(t, rng, singles, list(OPERATORS), garble)
        kind = "org" if t.kind == "org" else "org-probe"
        for op, name in docs:
            text, a, b, ctx = garble_orgs.make_org_doc(t, name, rng, _pre)
            out = garble_orgs.score_org(t, dateline.read(text, published=PUBLISHED).entities, a, b)
            counts[(kind, op)][out] += 1
            if op == "control":
                ok_control |= {n} if out == "recovered" else set()
            else:
                counts[(kind, "all garbled")][out] += 1
                counts[(kind, f"garbled, context {ctx}")][out] += 1
                if n in ok_control:
                    counts[(kind, "garbled | control ok")][out] += 1
            if verbose and ((kind == "org" and out != "recovered") or (kind == "org-probe" and out == "wrong")):
                print(f"  {kind:9} {op:11} {ctx:8} {out:9} {t.name} -> {name}: {text}", file=sys.stderr)
    return counts


def table(counts: dict) -> str:
    rows = ["| kind | operator | n | recovered | wrong | none |", "|---|---|---|---|---|---|"]
    order = ["control", *OPERATORS, "order", "swap", "pair", "all garbled",
             *(f"garbled, context {c}" for c in ("none", "dateline", "region")), "garbled | control ok"]
    for kind in ("place", "person", "probe", "org", "org-probe"):
        for op in order:
            c = counts.get((kind, op))
            if not c:
                continue
            n = sum(c.values())
            cells = " | ".join(f"{100 * c[o] / n:.1f}%" for o in ("recovered", "wrong", "none"))
            rows.append(f"| {kind} | {op} | {n} | {cells} |")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=2, help="sampling and garbling seed (1 was used for tuning, 2 for checking)")
    ap.add_argument("--places", type=int, default=300)
    ap.add_argument("--people", type=int, default=150)
    ap.add_argument("--probe", type=int, default=100, help="ordinary words for the false-positive probe")
    ap.add_argument("--singles", type=int, default=4, help="single operators tried per name")
    ap.add_argument("--pairs", type=int, default=1, help="operator pairs per name")
    ap.add_argument("--orgs", type=int, default=150, help="KB organisations sampled")
    ap.add_argument("--org-probe", type=int, default=100, help="made-up organisation names for the probe")
    ap.add_argument("--only-orgs", action="store_true", help="skip places and people")
    ap.add_argument("--verbose", action="store_true", help="print every garble that was not recovered")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    t0 = time.time()
    counts: dict = {}
    if not args.only_orgs:
        targets = sample_places(args.places, rng) + sample_people(args.people, rng) + sample_probe(args.probe, rng)
        counts = run(targets, rng, args.singles, args.pairs, args.verbose)
    org_rng = random.Random(f"orgs-{args.seed}")  # its own stream: places and people are sampled as before
    orgs = garble_orgs.sample_orgs(args.orgs, org_rng) + garble_orgs.sample_org_probe(args.org_probe, org_rng, PROBE_WORDS)
    counts.update(run_orgs(orgs, org_rng, args.singles, args.verbose))
    targets = orgs if args.only_orgs else targets + orgs
    print(table(counts))
    print(f"garble study: seed={args.seed} names={len(targets)} docs={sum(sum(c.values()) for k, c in counts.items() if k[1] in ('control', 'all garbled'))} "
          f"seconds={time.time() - t0:.0f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
