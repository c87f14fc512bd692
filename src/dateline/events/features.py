"""Turn a snippet into the sparse features of the linear event classifier.

Three kinds of feature, all plain strings with a value:

* ``r:CODE`` / ``top:CODE`` — the codebook cue scores of :mod:`dateline.events.classify`
  (scaled) and which class the rules rank first;
* ``w:STEM`` / ``b:STEM_STEM`` — crude-stemmed words and word pairs;
* ``a:GROUP`` / ``side:…`` / ``mod:…`` — actor-type cues (protesters, rioters, mob,
  police, soldiers, militants, civilians), violence cues, which side a territory verb
  follows, and modality (planned or future action).

No spaCy here: the classifier must stay cheap enough to run on every sentence.
"""

from __future__ import annotations

import re

#: Rule scores are divided by this before they become feature values, so that a
#: typical trigger (weight 3) gives ~0.6 and a decisive cue (7) ~1.4.  Not tuned.
RULE_SCALE = 5.0
#: Rule scores above this are clipped (several cues of one class add up). Not tuned.
RULE_CLIP = 10.0

_WORD = re.compile(r"[a-z][a-z'-]*")
_STOP = frozenset(
    "the a an of in on at to and or for by with from as is was were are be been has have had that this it its "
    "their his her they he she which who said says after over into than also not but about while during".split()
)

ACTOR_GROUPS: dict[str, str] = {
    "protest": r"\b(protesters?|demonstrators?|marchers|activists|strikers|crowds? of (?:supporters|students|workers))\b",
    "rioter": r"\b(rioters?|looters?|youths? (?:threw|hurled|pelted))\b",
    "mob": r"\b(mobs?|vigilantes?|angry (?:crowd|villagers|residents)|lynch\w*)\b",
    "police": r"\b(police\w*|riot police|security (?:forces|personnel|officers)|gendarmes?|officers)\b",
    "soldier": r"\b(soldiers|troops|army|military|armed forces|government forces|regime forces)\b",
    "militant": r"\b(militants?|rebels?|insurgents?|jihadists?|terrorists?|fighters|gunmen|militias?)\b",
    "civilian": r"\b(civilians?|villagers?|residents?|passengers?|worshippers?|children|women)\b",
}
VIOLENCE_CUES: dict[str, str] = {
    "lethal": r"\b(killed|dead|deaths?|died|fatally|shot dead|live (?:ammunition|rounds|fire))\b",
    "crowd_control": r"\b(tear ?gas|water cannons?|rubber bullets|pepper spray|batons?|dispers\w+|stun grenades?)\b",
    "thrown": r"\b(threw|hurled|pelted|throwing|hurling)\b",
    "damage": r"\b(torched|set (?:on )?fire|burn\w*|smash\w*|loot\w*|vandali[sz]\w*|ransack\w*)\b",
    "detain": r"\b(arrest\w*|detain\w*|custody)\b",
}
_MODAL = re.compile(
    r"\b(will|would|could|might|plans? to|planned to|planning to|intends? to|aims? to|threaten\w* to|"
    r"vowed to|ready to|preparing to|is to|are to|expected to)\b",
    re.I,
)
_ACTOR_RX = {k: re.compile(v, re.I) for k, v in ACTOR_GROUPS.items()}
_VIOL_RX = {k: re.compile(v, re.I) for k, v in VIOLENCE_CUES.items()}


def stem(word: str) -> str:
    """Return a crude stem: plural and verb endings removed (enough for bag-of-words)."""
    w = word.strip("'-")
    for suf, rep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)] + rep
    return w


def word_features(text: str) -> dict[str, float]:
    """Return unigram and bigram stem features of ``text``."""
    stems = [stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]
    out: dict[str, float] = {}
    for s in stems:
        out["w:" + s] = 1.0
    for a, b in zip(stems, stems[1:]):
        out[f"b:{a}_{b}"] = 1.0
    return out


def cue_features(text: str) -> dict[str, float]:
    """Return actor-type, violence and modality cue features of ``text``."""
    out: dict[str, float] = {}
    for name, rx in _ACTOR_RX.items():
        if rx.search(text):
            out["a:" + name] = 1.0
    for name, rx in _VIOL_RX.items():
        if rx.search(text):
            out["v:" + name] = 1.0
    if _MODAL.search(text):
        out["mod:future"] = 1.0
    return out


def rule_features(scores: dict[str, float], side: str | None) -> dict[str, float]:
    """Return the scaled rule scores, the rules' top class and the territory side."""
    out = {f"r:{code}": min(s, RULE_CLIP) / RULE_SCALE for code, s in scores.items() if s > 0}
    if scores:
        top = max(scores.items(), key=lambda kv: kv[1])[0]
        out["top:" + top] = 1.0
    if side:
        out["side:" + side] = 1.0
    return out
