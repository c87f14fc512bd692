"""Organisation part of the synthetic garble study (used by ``scripts/garble_study.py``).

Content farms spin organisation names two ways: a word's letters drift as a surname's do
("Vagner" for Wagner) and the words are reordered around "of the" ("Consortium of the X Y"
for "X Y Consortium").  This module samples KB organisations, garbles one content word by the
study's letter operators, reorders the words (``order``: "A B C" -> "C of the A B", or "A of B"
-> "B A"; ``swap``: two adjacent content words exchanged), and puts the result in neutral
templates.  The probe makes up organisation names from ordinary words and organisation head
nouns ("Thornton Liberation Front") that no KB body bears; any link is wrong.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: Small words of organisation names: never garbled, never moved on their own.
SMALL = frozenset({"of", "for", "the", "and", "on", "in", "de", "al", "s"})
ORG_TEMPLATES = (
    "{pre}The {X} said in a statement on Tuesday that the situation remained tense.",
    "{pre}A spokesman for the {X} told reporters the claims were false.",
    "{pre}According to the {X}, at least 12 people were killed in the strike.",
)
#: Head nouns and modifiers of the made-up names of the probe (common words of real organisation names).
PROBE_HEADS = ("Group", "Brigade", "Front", "Council", "Institute", "Movement", "Agency", "Company", "Foundation",
               "Committee", "Battalion", "Legion", "Alliance", "Corporation", "Union", "Party", "Network", "Centre")
PROBE_MODIFIERS = ("National", "Revolutionary", "Eastern", "Independent", "United", "Popular", "Free", "Liberation",
                   "Democratic", "Southern", "Patriotic", "Civic")


@dataclass(frozen=True)
class OrgTarget:
    kind: str  # org | probe-org
    name: str  # the canonical name (org) or the made-up name (probe)
    actor_id: str = ""
    cc: str = ""


def _content(words: list[str]) -> list[int]:
    """Return the indices of words that may be garbled: 4+ letters, no small word."""
    return [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha() and w.lower() not in SMALL]


def op_order(name: str, rng: random.Random) -> str | None:
    """Reorder around "of the": "A B C" -> "C of the A B"; "A of (the) B C" -> "B C A"."""
    words = name.split()
    low = [w.lower() for w in words]
    if "of" in low:
        k = low.index("of")
        rest = words[k + 1:]
        if rest and rest[0].lower() == "the":
            rest = rest[1:]
        if not rest or k == 0 or any(w.lower() in SMALL for w in rest + words[:k]):
            return None
        return " ".join(rest + words[:k])
    if len(words) < 2 or any(w.lower() in SMALL for w in words):
        return None
    return " ".join([words[-1], "of", "the", *words[:-1]])


def op_swap(name: str, rng: random.Random) -> str | None:
    """Exchange two adjacent content words ("Caspian Pipeline Consortium" -> "Pipeline Caspian Consortium")."""
    words = name.split()
    pairs = [i for i in range(len(words) - 1) if words[i].lower() not in SMALL and words[i + 1].lower() not in SMALL
             and words[i] != words[i + 1]]
    if not pairs:
        return None
    i = rng.choice(pairs)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def letter_garble(name: str, op: str, rng: random.Random, garble: Callable) -> str | None:
    """Garble one content word of the name by one letter operator of the study."""
    words = name.split()
    idx = _content(words)
    rng.shuffle(idx)
    for i in idx:
        g = garble(words[i], (op,), rng)
        if g is not None:
            words[i] = g
            return " ".join(words)
    return None


def org_variants(t: OrgTarget, rng: random.Random, singles: int, operators: list[str], garble: Callable) -> list[tuple[str, str]]:
    """Return (operator, garbled name): up to ``singles`` letter operators, ``order``, ``swap`` and one pair."""
    out: list[tuple[str, str]] = []
    for op in rng.sample(operators, len(operators)):
        if len(out) >= singles:
            break
        if (g := letter_garble(t.name, op, rng, garble)) is not None:
            out.append((op, g))
    for label, fn in (("order", op_order), ("swap", op_swap)):
        if (g := fn(t.name, rng)) is not None and g != t.name:
            out.append((label, g))
    reordered = op_order(t.name, rng)
    if reordered is not None:
        g = letter_garble(reordered, rng.choice(operators), rng, garble)
        if g is not None:
            out.append(("pair", g))
    return out


def _kb() -> list[dict]:
    return [json.loads(x) for x in (REPO / "src/dateline/data/actors.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


def sample_orgs(n: int, rng: random.Random) -> list[OrgTarget]:
    """Sample KB organisations with a 2-6 word ASCII name (a leading "The" dropped)."""
    pool = []
    for a in _kb():
        words = a["name"].removeprefix("The ").split()
        if a["kind"] == "org" and 2 <= len(words) <= 6 and all(w.replace("-", "").isalpha() and w.isascii() for w in words):
            pool.append(OrgTarget("org", " ".join(words), actor_id=a["id"], cc=a.get("country") or ""))
    return rng.sample(pool, min(n, len(pool)))


def sample_org_probe(k: int, rng: random.Random, words: list[str]) -> list[OrgTarget]:
    """Make up ``k`` organisation names from ``words`` and head nouns, none a KB name or word bag."""
    from dateline.resolve.actors.names import fold, org_bag

    kb = _kb()
    forms = {f for a in kb for f in a["gen"].get("forms", [])}
    bags = {frozenset(b) for a in kb if a["kind"] == "org" for b in a["gen"]["bags"]}
    out: list[OrgTarget] = []
    tries = 0
    while len(out) < k and tries < 20 * k:
        tries += 1
        w, head, mod = rng.choice(words), rng.choice(PROBE_HEADS), rng.choice(PROBE_MODIFIERS)
        shape = rng.randrange(4)
        name = (f"{w} {head}", f"{mod} {w} {head}", f"{head} of {w}", f"{w} {mod} {head}")[shape]
        if fold(name) in forms or org_bag(name) in bags:
            continue
        out.append(OrgTarget("probe-org", name, cc=rng.choice(["UA", "RU", "SY", "LB", ""])))
    return out


def make_org_doc(t: OrgTarget, name: str, rng: random.Random, pre_for: Callable[[str, bool], str]) -> tuple[str, int, int, str]:
    """Return (text, start, end, context) with the name in a template; context is "none" or "dateline"."""
    ctx = rng.choice(("none", "dateline"))
    pre = pre_for(t.cc, ctx == "dateline")
    tpl = rng.choice(ORG_TEMPLATES)
    head, tail = tpl.split("{X}")
    head = head.format(pre=pre)
    return head + name + tail, len(head), len(head) + len(name), "dateline" if pre else "none"


def score_org(t: OrgTarget, entities, a: int, b: int) -> str:
    """Return recovered | wrong | none: the right KB body links over the span, another KB actor does, or none."""
    linked = [e for e in entities if e.kind in ("org", "person") and e.status == "linked"
              and any(m.start < b and a < m.end for m in e.mentions)]
    ids = {e.candidates[0].id.removeprefix("kb:") for e in linked if e.candidates}
    if t.kind == "org" and t.actor_id.removeprefix("kb:") in ids:
        return "recovered"
    return "wrong" if linked else "none"
