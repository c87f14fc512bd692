"""A learned cue model: which verbs and nouns outside the lexicon still report what someone said.

The hand lexicon and the learned lemma lexicon (``cues.py``) decide by lemma alone, so they
miss the long tail of attributions ("Trump is struggling to ...", "voters see him as ...")
and cannot tell "officials expect that ..." from "analysts expect a rally".  Here every
verb or noun that governs a possible content (a clause, an infinitive, an object, a
prepositional object, or the parenthetical "C, X said") is a *candidate*; a logistic model
over sparse features of the candidate (lemma, frame, subject, tense, negation, content
shape) gives the probability that it is an attribution with that content.

The same model also judges the rules' own indirect finds: one it scores below
``keep_threshold`` is dropped.  The weights are learned from the PolNeAR **train** split by
``scripts/train_cue_model.py`` and shipped as ``data/cue_model.json`` (feature -> weight,
bias, and the two thresholds, chosen on train).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from dateline.claims.context import Doc
from dateline.claims.cues import CUE_LEMMAS
from dateline.errors import ResourceMissing

MODEL_FILE = "cue_model.json"
#: Pronoun subjects kept as their own feature value (the rest are "pron").
_PRONOUNS = frozenset("he she they we i you it this that who which there what".split())
#: Modal and tense auxiliaries kept as features ("would say", "will argue", "has said").
_AUX = frozenset("will would could can may might should must has have had do does did".split())
#: Entity labels that make a subject a plausible source.
_ENT = {"PERSON": "per", "ORG": "org", "NORP": "norp", "GPE": "gpe"}


@dataclass(frozen=True)
class Candidate:
    """A possible cue: its token, the frame that carries content, and the content's token range."""

    cue: int
    frame: str
    first: int
    last: int
    hole: tuple[int, int] | None = None  # the cue phrase inside a parenthetical content
    how: str = "broad"  # "broad" for a candidate the rules passed over, else the rule that found it
    speaker: int | None = None  # the rule's speaker head (rule finds only)


@dataclass(frozen=True)
class CueModel:
    """Sparse logistic weights and two thresholds: to add a broad candidate, to keep a rule's find."""

    weights: dict[str, float]
    bias: float
    threshold: float
    keep_threshold: float = 0.0

    def probability(self, feats: list[str]) -> float:
        """Return P(attribution) for one candidate's features."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, feats: list[str]) -> bool:
        """Return True when a broad candidate's probability reaches the threshold."""
        return self.probability(feats) >= self.threshold

    def keeps(self, feats: list[str]) -> bool:
        """Return True when a rule-found attribution's probability reaches the keep threshold."""
        return self.probability(feats) >= self.keep_threshold


def model_path() -> Path:
    """Return where the packaged cue model lives."""
    return Path(str(resources.files("dateline").joinpath("data", MODEL_FILE)))


def load_model(path: Path) -> CueModel:
    """Read a cue model file.

    Raises:
        ResourceMissing: when the file is absent or not a cue model (rebuild it with scripts/train_cue_model.py).
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return CueModel(
            {str(k): float(v) for k, v in raw["weights"].items()}, float(raw["bias"]),
            float(raw["threshold"]), float(raw["keep_threshold"]),
        )
    except FileNotFoundError as exc:
        raise ResourceMissing(f"{path.name} is missing; run `python scripts/train_cue_model.py` to rebuild it") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ResourceMissing(f"{path.name} is not a cue model ({exc}); run `python scripts/train_cue_model.py` to rebuild it") from exc


@cache
def model() -> CueModel:
    """Return the packaged cue model (read once).

    Raises:
        ResourceMissing: when the data file is absent or corrupt.
    """
    return load_model(model_path())


def doctor_checks(path: Path | None = None) -> list[tuple[bool, str, str]]:
    """Check that the cue model loads; show its size and thresholds."""
    try:
        m = load_model(path or model_path())
    except ResourceMissing as exc:
        return [(False, "cue model", str(exc))]
    return [(True, "cue model", f"{len(m.weights)} weights, add >= {m.threshold}, keep >= {m.keep_threshold}")]


def features(doc: Doc, c: Candidate) -> list[str]:
    """Return the sparse features of one candidate (strings; weights are looked up by name).

    Args:
        doc: the article view.
        c: the candidate.

    Returns:
        Feature names; each counts once.
    """
    t = doc.tok(c.cue)
    lemma = t.lemma.lower()
    subj = _subject_kind(doc, c.cue)
    feats = [
        f"L={lemma}", f"LF={lemma}|{c.frame}", f"F={c.frame}", f"P={t.pos}", f"TAG={t.tag}", f"DEP={t.dep}",
        f"FS={c.frame}|{subj}", f"S={subj}", f"LS={lemma}|{subj}", f"HAND={lemma in CUE_LEMMAS}|{c.frame}",
        f"HOW={c.how}", f"HS={c.how}|{subj}",
    ]
    head = doc.tok(t.head)
    if t.head != c.cue:
        feats += [f"H={head.lemma.lower()}|{t.dep}", f"HP={head.pos}|{t.dep}"]
    for k in doc.kids(c.cue):
        kt = doc.tok(k)
        if kt.dep == "neg":
            feats.append("NEG")
        elif kt.dep in ("aux", "auxpass") and kt.text.lower() in _AUX:
            feats.append(f"AUX={kt.text.lower()}")
        elif kt.dep == "poss":
            feats.append("POSS")
        elif kt.dep == "agent":
            feats.append("AGENT")
    if c.how != "broad":
        spk = "none" if c.speaker is None else _kind_of(doc, c.speaker)
        feats += [f"SPK={spk}", f"HSPK={c.how}|{spk}"]
    feats += _content_features(doc, c) + _context_features(doc, c)
    return feats


def _context_features(doc: Doc, c: Candidate) -> list[str]:
    """Words around the cue, the sentence it is in, and what governs a noun cue."""
    t = doc.tok(c.cue)
    n = len(doc.parse.tokens)
    prev = doc.tok(c.cue - 1).text.lower() if c.cue > 0 else "<s>"
    nxt = doc.tok(c.cue + 1).text.lower() if c.cue + 1 < n else "</s>"
    out = [f"PREV={prev if len(prev) <= 4 or not prev.isalpha() else '*'}", f"NEXT={nxt if len(nxt) <= 4 or not nxt.isalpha() else '*'}"]
    if t.sent == 0:
        out.append("SENT0")
    sent = doc.parse.sentences[t.sent]
    if any(doc.tok(k).is_quote for k in range(sent.first_token, sent.last_token)):
        out.append("SENTQ")
    if t.pos == "NOUN" and t.head != c.cue:
        out.append(f"GOV={doc.tok(t.head).lemma.lower()}|{t.dep}")
    if t.pos == "ADP":  # "in a poll", "per the ministry": the object names the source
        out += [f"POBJ={doc.tok(k).lemma.lower()}|{t.lemma.lower()}" for k in doc.kids(c.cue, "pobj")[:1]]
    return out


def _content_features(doc: Doc, c: Candidate) -> list[str]:
    n = c.last - c.first + 1
    size = "1" if n == 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"
    first = doc.tok(c.first)
    out = [f"CLEN={size}|{c.frame}", f"CF={first.pos}", f"CFW={first.text.lower() if first.pos in ('SCONJ', 'ADP', 'PART', 'DET', 'PRON') else first.pos}"]
    if c.last < c.cue:
        out.append("BEFORE")
    verbs = sum(1 for k in range(c.first, c.last + 1) if doc.tok(k).pos in ("VERB", "AUX"))
    out.append(f"CV={min(verbs, 3)}")
    if any(doc.tok(k).is_quote for k in range(c.first, c.last + 1)):
        out.append("CQ")
    ents = doc.mentions_in(first.start, doc.tok(c.last).end)
    if ents:
        m = ents[0][0]
        whole = m.start <= first.start and m.end >= doc.tok(c.last).end
        out.append(f"CENT={_ENT.get(m.label, 'other')}|{'whole' if whole else 'part'}|{c.frame}")
    return out


def _subject_kind(doc: Doc, v: int) -> str:
    """Describe the cue's subject: its pronoun, entity type, or noun lemma ("none" without one)."""
    subj = doc.kids(v, "nsubj", "nsubjpass", "poss")
    return _kind_of(doc, subj[0]) if subj else "none"


def _kind_of(doc: Doc, k: int) -> str:
    """Describe a noun phrase head: its pronoun, entity type, or noun lemma."""
    s = doc.tok(k)
    word = s.text.lower()
    if s.pos == "PRON" or word in _PRONOUNS:
        return f"pron:{word}" if word in _PRONOUNS else "pron"
    ents = doc.mentions_in(s.start, s.end)
    if ents:
        return f"ent:{_ENT.get(ents[0][0].label, 'other')}"
    if s.pos == "PROPN":
        return "propn"
    return f"noun:{s.lemma.lower()}" if s.pos == "NOUN" else f"pos:{s.pos}"
