#!/usr/bin/env python3
"""Study: can a linear-chain CRF sequence labeller raise PolNeAR content F1 over the rules + cue model?

    python scripts/crf_quotes_study.py --train-cache /tmp/pn/train_cache.pkl [--dev-cache /tmp/pn/dev_cache.pkl]

A feasibility study, not a pipeline stage (nothing under src/dateline/ uses it).  It needs
``python-crfsuite`` (pinned 0.9.12) and the parsed-article pickles that
``scripts/train_cue_model.py --cache`` writes: a list of (name, text, parse, entities, ann).

* Sequences are paragraphs (so multi-sentence direct quotes fit).  Tags are BIO over gold
  Content tokens, plus ``C`` for the first token of a *later* range of a multi-range
  content (a split quote), so decoding can rebuild one attribution from its pieces.
  Nested golds are dropped (the outermost gold wins its tokens).
* Features: word, shape, lemma, POS, tag, dependency, head, quote marks, the nearest
  reporting-cue-like ancestor and the path into it, distance to the nearest cue-like verb,
  sentence / paragraph position, and the rules' own prediction at the token (inside a
  direct / partial / indirect content, its first token).
* Stacking: the rules' prediction is a feature, so the rules must be run with a cue model
  that did not see the article: the odd half's rule output uses a cue model fitted on the
  even half and vice versa.  Dev uses the shipped cue model (fitted on all of train).
* Protocol: the CRF is fitted on the odd-numbered train articles and every variant is
  scored on the even-numbered ones; ``--dev-cache`` then refits on all of train and scores
  the variants on dev once.  Dev is never used to choose anything.

Variants scored (content P/R/F1 with the harness's ``Tally``):
``rules`` alone; ``crf`` alone; ``rules+add`` (CRF spans touching no rule prediction are
added); ``rules+replace`` (a CRF span overlapping exactly one rule prediction replaces its
content, keeping the rule's speaker); ``rules+add+replace``; ``rules+add>t`` (only CRF spans
whose mean tag marginal reaches t are added).

Findings (2026-11-26; even half = 420 articles, 9,914 golds; rules = the shipped system with
held-out cue models, content F1 0.758):

* The CRF alone reaches 0.704 (c1/c2 0.05/0.01), 0.730 (0.3/0.05), 0.740 (1.0/0.1), all with
  --full tags; content-only tags at 0.05/0.01 gave 0.698.  It is below the rules it sees as a feature.
* Best combination: the rules, with a rule content *replaced* by the one CRF span that overlaps
  it when that span strictly contains it ("grow"), plus CRF spans touching no rule prediction
  with mean marginal >= 0.7: 0.767 (P 0.788 R 0.748), +0.009; speaker (null-aware) 0.877 -> 0.868
  because the added spans get their speaker from the CRF's Source tags.
* CRF spans added where the rules found nothing are mostly noise: at marginal >= 0.8 (c1 0.05),
  234 matched a gold, 348 touched no gold, 73 overlapped a gold under Jaccard 0.3, 33 lay
  inside a gold the rules had already matched.  Dropping rule predictions the CRF does not
  support never helped (0.758 -> 0.753..0.758).
* Dev, once (84 articles, 2,192 golds; CRF refitted on all of train, variant chosen above):
  rules 0.783 (P 0.821 R 0.748, speaker 0.889 / strict 0.876); CRF alone 0.778;
  rules+replace(grow)+add>0.7 0.792 (P 0.815 R 0.771, speaker 0.879 / strict 0.865).
  +0.009 F1 for -0.010 speaker, a 1.5 MB model and a new dependency; the 0.85 target needs
  a different kind of change.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import pycrfsuite  # noqa: E402

import train_cue_model as cuetrain  # noqa: E402
from dateline.claims import learned  # noqa: E402
from dateline.claims.context import Doc  # noqa: E402
from dateline.claims.cues import CUE_LEMMAS, learned_frames  # noqa: E402
from dateline.claims.quotes import article_view, attribute_quotes  # noqa: E402
from dateline.eval.quotes import Pred, Tally, parse_ann, predictions  # noqa: E402
from dateline.events.dates import resolve_dates  # noqa: E402
from dateline.model import Article, Quote  # noqa: E402

#: CRF training: L-BFGS with elastic-net penalties.  Chosen on the even half of train (CRF fitted on the odd half,
#: --full tags): c1/c2 0.05/0.01 -> CRF alone F1 0.704, 0.3/0.05 -> 0.730, 1.0/0.1 -> 0.740.
C1, C2, MAX_ITER = 1.0, 0.1, 150
#: A feature must occur this often in the training half to be kept.
MIN_FREQ = 2
#: Mean-marginal thresholds tried for adding CRF-only spans (scored on the even half of train).
ADD_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
#: Rule predictions whose mean CRF content probability is below t are dropped (scored on the even half).
DROP_THRESHOLDS = (0.05, 0.1, 0.2, 0.3)
_T = cuetrain
PENALTY = [C1, C2]  # --c1/--c2 override  # the cue model trainer (candidates, fit)


@dataclass
class Row:
    """One article with its rule output, ready for features."""

    name: str
    text: str
    doc: Doc
    inside: set[int]
    quotes: tuple[Quote, ...]
    golds_ann: str


# ---------------------------------------------------------------- rules with a held-out cue model


def fit_cue_model(rows: list[tuple]) -> learned.CueModel:
    """Fit the cue model on ``rows`` with the shipped thresholds."""
    shipped = learned.model()
    weights, bias = _T.fit([c for r in rows for c in _T.candidates(r)], _T.L2)
    return learned.CueModel(weights, bias, shipped.threshold, shipped.keep_threshold)


def rule_rows(rows: list[tuple], model: learned.CueModel) -> list[Row]:
    """Run the claims stage with ``model`` over ``rows``."""
    keep = learned.model
    learned.model = lambda: model
    try:
        out = []
        for name, text, parse, entities, ann in rows:
            article = Article(text=text)
            quotes = attribute_quotes(article, parse, entities, resolve_dates(article, parse))
            doc, _spans, inside = article_view(text, parse, entities)
            out.append(Row(name, text, doc, inside, quotes, ann))
        return out
    finally:
        learned.model = keep


# ---------------------------------------------------------------- tags, sequences and features


def gold_ranges(ann: str) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]]:
    """Return (content, source, cue) character ranges of each gold attribution with a Content."""
    import re

    t_re, e_re = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t"), re.compile(r"^E\d+\t(.*)$")
    spans: dict[str, list[tuple[int, int]]] = {}
    out = []
    for line in ann.splitlines():
        if m := t_re.match(line):
            spans[m[1]] = sorted((int(a), int(b)) for a, b in (r.split() for r in m[3].split(";")))
        elif m := e_re.match(line):
            rel = dict(p.split(":", 1) for p in m[1].split() if ":" in p)
            if rel.get("Content") in spans:
                out.append((spans[rel["Content"]], spans.get(rel.get("Source", ""), []), spans.get(rel.get("Cue", ""), [])))
    return out


def gold_tags(row: Row, full: bool) -> list[str]:
    """Tag tokens B/I/C/O from the gold contents, outermost first; nested golds are dropped.

    With ``full``, the kept attributions' Source and Cue tokens are tagged too (S-B/S-I, Q-B/Q-I).
    """
    tags = ["O"] * len(row.doc.parse.tokens)
    kept = []
    for ranges, source, cue in sorted(gold_ranges(row.golds_ann), key=lambda g: -sum(b - a for a, b in g[0])):
        parts = [p for p in (list(_tokens_in(row.doc, a, b)) for a, b in ranges) if p]
        if not parts or any(tags[i] != "O" for part in parts for i in part):
            continue
        kept.append((source, cue))
        for n, part in enumerate(parts):
            for j, i in enumerate(part):
                tags[i] = ("B" if n == 0 else "C") if j == 0 else "I"
    for source, cue in kept if full else []:
        for label, ranges in (("S", source), ("Q", cue)):
            for a, b in ranges:
                free = [i for i in _tokens_in(row.doc, a, b) if tags[i] == "O"]
                for j, i in enumerate(free):
                    tags[i] = f"{label}-{'B' if j == 0 else 'I'}"
    return tags


def paragraphs(row: Row) -> list[range]:
    """Split the article's tokens into paragraphs (a newline between two tokens)."""
    toks = row.doc.parse.tokens
    out, first = [], 0
    for i in range(1, len(toks)):
        if "\n" in row.text[toks[i - 1].end : toks[i].start]:
            out.append(range(first, i))
            first = i
    if toks:
        out.append(range(first, len(toks)))
    return out


def rule_tags(row: Row) -> list[str]:
    """Tag each token with the rules' prediction: <kind>-B / <kind>-I / O."""
    toks = row.doc.parse.tokens
    tags = ["O"] * len(toks)
    for q in row.quotes:
        first = True
        for i in _tokens_in(row.doc, q.start, q.end):
            tags[i] = f"{q.kind}-{'B' if first else 'I'}"
            first = False
    return tags


def _tokens_in(doc: Doc, a: int, b: int) -> Iterator[int]:
    """Yield the tokens overlapping characters [a, b)."""
    i = doc.token_at(a)
    while i is not None and i < len(doc.parse.tokens) and doc.tok(i).start < b:
        yield i
        i += 1


def _shape(w: str) -> str:
    s = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in w[:6])
    return s


def _cue_like(t) -> bool:  # noqa: ANN001
    return t.pos in ("VERB", "NOUN") and (t.lemma.lower() in CUE_LEMMAS or bool(learned_frames(t)))


def token_base(row: Row) -> list[list[str]]:
    """Return the per-token features that do not look at neighbours."""
    doc, toks = row.doc, row.doc.parse.tokens
    cues = [t.i for t in toks if _cue_like(t)]
    out = []
    for t in toks:
        h = toks[t.head]
        w = t.text.lower()
        f = [f"w={w}", f"sh={_shape(t.text)}", f"suf={w[-3:]}", f"l={t.lemma.lower()}", f"p={t.pos}", f"t={t.tag}",
             f"d={t.dep}", f"hd={h.dep}", f"hp={h.pos}", f"hl={h.lemma.lower()}", f"dhp={t.dep}|{h.pos}",
             f"e={t.ent_type or '-'}"]
        if t.is_quote:
            f.append("isq")
        if t.i in row.inside:
            f.append("inq")
        if _cue_like(t):
            f += ["cue", f"cuel={t.lemma.lower()}"]
        f += _ancestor_features(doc, t.i)
        if doc.left[t.i] == t.i and doc.right[t.i] > t.i:
            f.append(f"subl={t.dep}")  # this token opens its own subtree
        if doc.left[t.head] == t.i:
            f.append(f"hl1={h.dep}")  # first token of its head's subtree
        if doc.right[t.head] == t.i:
            f.append(f"hr1={h.dep}")  # last token of its head's subtree
        f += _nearest_cue(toks, cues, t.i)
        sent = doc.parse.sentences[t.sent]
        if t.i == sent.first_token:
            f.append("sfirst")
        if t.i == sent.last_token - 1:
            f.append("slast")
        if t.sent == 0:
            f.append("s0")
        out.append(f)
    return out


def _ancestor_features(doc: Doc, i: int) -> list[str]:
    """The nearest cue-like ancestor: the dependency the path enters it by, depth and side."""
    toks = doc.parse.tokens
    child, j, depth = i, toks[i].head, 1
    while j != child and depth < 12:
        if _cue_like(toks[j]):
            side = "L" if i < j else "R"
            dep = toks[child].dep
            edge = "first" if doc.left[child] == i else "last" if doc.right[child] == i else "mid"
            return [f"anc={dep}", f"ancs={dep}|{side}", f"ancd={min(depth, 4)}|{side}", f"ancl={toks[j].lemma.lower()}|{dep}",
                    f"ance={dep}|{edge}"]
        child, j, depth = j, toks[j].head, depth + 1
    return ["anc=none"]


def _nearest_cue(toks, cues: list[int], i: int) -> list[str]:  # noqa: ANN001
    """Distance and side of the nearest cue-like token in the same sentence."""
    import bisect

    k = bisect.bisect_left(cues, i)
    best = None
    for c in cues[max(0, k - 1) : k + 2]:
        if c != i and toks[c].sent == toks[i].sent and (best is None or abs(c - i) < abs(best - i)):
            best = c
    if best is None:
        return ["nc=none"]
    d = abs(best - i)
    b = "1" if d == 1 else "2-3" if d <= 3 else "4-8" if d <= 8 else "9-20" if d <= 20 else "21+"
    return [f"nc={'L' if best < i else 'R'}{b}"]


def sequences(row: Row, with_gold: bool, full: bool = False) -> Iterator[tuple[range, list[list[str]], list[str]]]:
    """Yield (token range, features, tags) per paragraph."""
    base = token_base(row)
    rtags = rule_tags(row)
    gtags = gold_tags(row, full) if with_gold else []
    toks = row.doc.parse.tokens
    for para in paragraphs(row):
        feats = []
        for i in para:
            f = list(base[i]) + [f"r={rtags[i]}"]
            if i == para.start:
                f.append("pfirst")
            for off in (-2, -1, 1, 2):
                j = i + off
                if j < para.start or j >= para.stop:
                    f.append(f"{off}:edge")
                    continue
                f += [f"{off}:r={rtags[j]}", f"{off}:p={toks[j].pos}"]
                if abs(off) == 1:
                    f += [f"{off}:w={toks[j].text.lower()}", f"{off}:d={toks[j].dep}", f"{off}:q={toks[j].is_quote}"]
            f.append(f"rr={rtags[i]}|{rtags[i - 1] if i > para.start else '^'}|{rtags[i + 1] if i + 1 < para.stop else '$'}")
            feats.append(f)
        yield para, feats, ([gtags[i] for i in para] if with_gold else [])


# ---------------------------------------------------------------- training, decoding, variants


def train(rows: list[Row], path: Path, full: bool) -> None:
    """Fit the CRF on ``rows`` and write it to ``path`` (``full``: also tag Source and Cue)."""
    tr = pycrfsuite.Trainer(verbose=False)
    for row in rows:
        for _para, feats, tags in sequences(row, with_gold=True, full=full):
            tr.append(feats, tags)
    tr.set_params({"c1": PENALTY[0], "c2": PENALTY[1], "max_iterations": MAX_ITER, "feature.minfreq": MIN_FREQ,
                   "feature.possible_transitions": True})
    tr.train(str(path))


@dataclass(frozen=True)
class Span:
    ranges: tuple[tuple[int, int], ...]
    conf: float
    speaker: frozenset[int] = frozenset()
    cued: bool = False  # a Q (cue) token was tagged in the span's sentence (models fitted with --full)

    @property
    def chars(self) -> frozenset[int]:
        return frozenset(i for a, b in self.ranges for i in range(a, b))


def tag_article(tagger: pycrfsuite.Tagger, row: Row) -> list[Span]:
    """Tag one article with the CRF and decode its tags into spans (``decode_tags``; confidence: the marginals)."""
    def paragraphs():
        for para, feats, _ in sequences(row, with_gold=False):
            tags = tagger.tag(feats)
            yield para, tags, [tagger.marginal(tag, k) for k, tag in enumerate(tags)]
    return decode_tags(row, paragraphs())


def decode_tags(row: Row, paragraphs) -> list[Span]:  # noqa: ANN001
    """Decode per-paragraph tags into content spans: B/I runs, a C run joins the previous span.

    ``paragraphs`` yields (token indices, tags, per-token confidence).  A span's confidence is the mean of its tokens';
    its speaker is the nearest S run in its paragraph (when the model tags sources); ``cued`` when a Q (cue) token was
    tagged in or next to its sentences.  Shared with ``minilm_quotes_study`` and ``finetune_quotes_study``.
    """
    toks = row.doc.parse.tokens
    out: list[Span] = []
    runs: list[list] = []  # [ranges, confidences, paragraph]
    sources: dict[int, list[tuple[int, int]]] = {}
    cue_sents: set[int] = set()
    for p, (para, tags, conf) in enumerate(paragraphs):
        cur = None
        for k, (i, tag) in enumerate(zip(para, tags, strict=True)):
            t = toks[i]
            if tag.startswith("Q-"):
                cue_sents.add(t.sent)
            if tag.startswith("S-"):
                src = sources.setdefault(p, [])
                if tag == "S-I" and src and k > 0 and tags[k - 1].startswith("S-"):
                    src[-1] = (src[-1][0], t.end)
                else:
                    src.append((t.start, t.end))
            if tag not in ("B", "I", "C"):
                cur = None
            elif tag == "I" and cur is not None:
                cur[0][-1] = (cur[0][-1][0], t.end)
                cur[1].append(conf[k])
            elif tag == "C" and runs:
                cur = runs[-1]
                cur[0].append((t.start, t.end))
                cur[1].append(conf[k])
            else:
                cur = [[(t.start, t.end)], [conf[k]], p]
                runs.append(cur)
    for ranges, ms, p in runs:
        a, b = ranges[0][0], ranges[-1][1]
        near = min(sources.get(p, []), key=lambda s: min(abs(s[0] - b), abs(a - s[1])), default=None)
        spk = frozenset(range(*near)) if near else frozenset()
        sents = {row.doc.parse.sentence_of(x) for r in ranges for x in (r[0], r[1] - 1)}
        sents |= {x - 1 for x in sents} | {x + 1 for x in sents}  # "C. X said" or "X said: C" across a sentence break
        out.append(Span(tuple(ranges), sum(ms) / len(ms), spk, bool(sents & cue_sents)))
    return out


def content_marginals(tagger: pycrfsuite.Tagger, row: Row) -> list[float]:
    """Return each token's CRF probability of lying in a content (B, I or C)."""
    labels = set(tagger.labels()) & {"B", "I", "C"}
    out = [0.0] * len(row.doc.parse.tokens)
    for para, feats, _ in sequences(row, with_gold=False):
        tagger.set(feats)
        for k, i in enumerate(para):
            out[i] = sum(tagger.marginal(y, k) for y in labels)
    return out


def _support(row: Row, marg: list[float], chars: frozenset[int]) -> float:
    """Mean content probability over the tokens of a predicted content."""
    idx = [t.i for t in row.doc.parse.tokens if t.start in chars]
    return sum(marg[i] for i in idx) / len(idx) if idx else 1.0


def _overlap(a: frozenset[int], b: frozenset[int]) -> bool:
    return bool(a & b)


def pred_kinds(quotes: tuple[Quote, ...]) -> list[str]:
    """Return the quote kind of each attribution ``predictions`` builds (same grouping, same order)."""
    kinds: dict[object, str] = {}
    for q in quotes:
        key = ("cue", q.cue_start) if q.cue_start is not None else ("q", q.id)
        kinds.setdefault(key, q.kind)
    return list(kinds.values())


def _replacement(p: Pred, rule: list[Pred], crf: list[Span]) -> Span | None:
    """The one CRF span that overlaps ``p`` and no other rule prediction, if any."""
    hits = [s for s in crf if _overlap(s.chars, p.content)]
    if len(hits) != 1 or sum(_overlap(hits[0].chars, q.content) for q in rule) != 1 or hits[0].chars == p.content:
        return None
    return hits[0]


def variants(rule: list[Pred], kinds: list[str], crf: list[Span]) -> dict[str, list[Pred]]:
    """Return every combination of the rules' predictions with the CRF's spans."""
    out = {"rules": rule, "crf": [Pred(s.chars, s.speaker) for s in crf]}
    lonely = [s for s in crf if not any(_overlap(s.chars, p.content) for p in rule)]
    out["rules+add"] = rule + [Pred(s.chars, s.speaker) for s in lonely]
    for t in ADD_THRESHOLDS:
        out[f"rules+add>{t}"] = rule + [Pred(s.chars, s.speaker) for s in lonely if s.conf >= t]
    out["rules+add(cued)"] = rule + [Pred(s.chars, s.speaker) for s in lonely if s.cued]
    out["rules+add(cued,spk)"] = rule + [Pred(s.chars, s.speaker) for s in lonely if s.cued and s.speaker]
    out["rules+add(cued)>0.8"] = rule + [Pred(s.chars, s.speaker) for s in lonely if s.cued and s.conf >= 0.8]
    swaps = [_replacement(p, rule, crf) for p in rule]
    tests = {
        "": lambda p, s, k: True,
        "(direct)": lambda p, s, k: k == "direct",
        "(partial)": lambda p, s, k: k == "partial",
        "(indirect)": lambda p, s, k: k == "indirect",
        "(grow)": lambda p, s, k: p.content < s.chars,
        "(shrink)": lambda p, s, k: s.chars < p.content,
    }
    for name, ok in tests.items():
        out[f"rules+replace{name}"] = [Pred(s.chars, p.speaker) if s is not None and ok(p, s, k) else p
                                       for p, s, k in zip(rule, swaps, kinds, strict=True)]
    for t in (0.7, 0.8, 0.9):
        out[f"rules+replace(grow)+add>{t}"] = out["rules+replace(grow)"] + [Pred(s.chars, s.speaker) for s in lonely if s.conf >= t]
    out["rules+add+replace"] = out["rules+replace"] + [Pred(s.chars, s.speaker) for s in lonely]
    out["rules-if-crf-touches"] = [p for p in rule if any(_overlap(s.chars, p.content) for s in crf)]
    return out


def score(tagger_path: Path, rows: list[Row]) -> dict[str, Tally]:
    """Tag ``rows`` and tally every variant."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tagger_path))
    tallies: dict[str, Tally] = {}
    for row in rows:
        golds = parse_ann(row.golds_ann)
        rule = predictions(row.quotes)
        found = variants(rule, pred_kinds(row.quotes), tag_article(tagger, row))
        marg = content_marginals(tagger, row)
        support = [_support(row, marg, p.content) for p in rule]
        for t in DROP_THRESHOLDS:
            found[f"rules-drop<{t}"] = [p for p, s in zip(rule, support, strict=True) if s >= t]
        for name, preds in found.items():
            tallies.setdefault(name, Tally()).add(golds, preds)
    return tallies


def analyse(tagger_path: Path, rows: list[Row], threshold: float, examples: int = 12) -> None:
    """Sort the CRF-only spans (conf >= threshold) that match no gold by why, and print a few."""
    from dateline.eval.quotes import match

    tagger = pycrfsuite.Tagger()
    tagger.open(str(tagger_path))
    counts: dict[str, int] = {}
    shown: list[str] = []
    for row in rows:
        golds, rule = parse_ann(row.golds_ann), predictions(row.quotes)
        lonely = [s for s in tag_article(tagger, row) if s.conf >= threshold and not any(_overlap(s.chars, p.content) for p in rule)]
        preds = rule + [Pred(s.chars, s.speaker) for s in lonely]
        pairs = match(golds, preds)
        hit_p, taken_g = {p for _, p in pairs}, {g for g, p in pairs if p < len(rule)}
        for k, s in enumerate(lonely):
            if len(rule) + k in hit_p:
                why = "matched a gold"
            elif not any(_overlap(s.chars, g.content) for g in golds):
                why = "touches no gold"
            elif any(_overlap(s.chars, golds[g].content) for g in taken_g):
                why = "inside a gold the rules matched"
            else:
                why = "overlaps an unmatched gold, Jaccard < 0.3"
            counts[why] = counts.get(why, 0) + 1
            if why == "touches no gold" and len(shown) < examples:
                a, b = s.ranges[0][0], s.ranges[-1][1]
                shown.append(f"  [{row.name}] ...{row.text[max(0, a - 60):a]}[[{row.text[a:b]}]]{row.text[b:b + 40]}...".replace("\n", " / "))
    print(f"\nCRF-only spans added at conf >= {threshold}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print("\n".join(shown))


def show(title: str, tallies: dict[str, Tally]) -> None:
    """Print one table of content P/R/F1 and speaker accuracy per variant."""
    print(f"\n{title}")
    print(f"{'variant':29} {'gold':>6} {'pred':>6} {'match':>6}   P      R      F1    spk    strict")
    for name, t in tallies.items():
        p, r, f = t.prf(t.matched)
        acc = t.speaker_ok / t.matched if t.matched else 0.0
        strict = (t.speaker_ok - t.no_source_ok) / t.matched if t.matched else 0.0
        print(f"{name:29} {t.gold:6d} {t.pred:6d} {t.matched:6d}  {p:.3f}  {r:.3f}  {f:.3f}  {acc:.3f}  {strict:.3f}")
    sys.stdout.flush()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train-cache", type=Path, required=True, help="pickle of the parsed PolNeAR train split")
    ap.add_argument("--dev-cache", type=Path, default=None, help="pickle of the parsed dev split (final report only)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/crf_quotes_study"), help="where models and the rule output cache go")
    ap.add_argument("--full", action="store_true", help="also tag gold Source and Cue (speakers for CRF spans)")
    ap.add_argument("--reuse", action="store_true", help="score with the models already in --work (no refit)")
    ap.add_argument("--analyse", type=float, default=None, help="also sort the added CRF spans at this confidence by error kind")
    ap.add_argument("--c1", type=float, default=C1, help="L1 penalty (default: C1)")
    ap.add_argument("--c2", type=float, default=C2, help="L2 penalty (default: C2)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N train articles (smoke runs)")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    PENALTY[:] = [args.c1, args.c2]
    t0 = time.time()
    raw = pickle.loads(args.train_cache.read_bytes())[: args.limit]
    odd_raw, even_raw = raw[1::2], raw[0::2]
    cached = args.work / f"rules_{args.limit or 'all'}.pkl"
    if cached.is_file():
        odd, even = pickle.loads(cached.read_bytes())
    else:
        odd = rule_rows(odd_raw, fit_cue_model(even_raw))  # each half's rules use a cue model that never saw it
        even = rule_rows(even_raw, fit_cue_model(odd_raw))
        cached.write_bytes(pickle.dumps((odd, even)))
    print(f"rules run with held-out cue models: {time.time() - t0:.0f}s", file=sys.stderr)
    if not (args.reuse and (args.work / "odd.crfsuite").is_file()):
        train(odd, args.work / "odd.crfsuite", args.full)
    print(f"CRF fitted on {len(odd)} odd articles: {time.time() - t0:.0f}s", file=sys.stderr)
    show(f"train even half ({len(even)} articles), CRF fitted on the odd half", score(args.work / "odd.crfsuite", even))
    if args.analyse is not None:
        analyse(args.work / "odd.crfsuite", even, args.analyse)
    if args.dev_cache is not None:
        if not (args.reuse and (args.work / "all.crfsuite").is_file()):
            train(odd + even, args.work / "all.crfsuite", args.full)
        dev = rule_rows(pickle.loads(args.dev_cache.read_bytes()), learned.model())
        show(f"dev ({len(dev)} articles), CRF fitted on all of train", score(args.work / "all.crfsuite", dev))
    print(f"done: {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
