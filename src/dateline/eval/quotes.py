"""`dateline eval quotes`: quote/attribution extraction on PolNeAR (BRAT source/cue/content).

Conventions (as in the shared baseline notes): for articles with several annotators
the first ``.ann`` in sorted order is used; attributions without a Content span are
dropped; multi-range contents are character sets.  Predicted quotes that share a cue
are one attribution (PolNeAR stores a split quote as one multi-range content).  A
prediction matches a gold content when |pred ∩ gold| / |pred ∪ gold| ≥ 0.3, pairs
taken one-to-one greedily by that ratio.  Speaker accuracy is over matched pairs: the
predicted speaker span must overlap the gold Source; a gold with no Source (an agentless
"it is expected that ...") is right only when no speaker is predicted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import typer

from dateline.cli.common import handle_errors
from dateline.errors import ConfigError, InputError
from dateline.model import Entity, Parse, Quote

#: PolNeAR splits the harness reads (the test split is held out).
SPLITS = ("dev", "train", "annotator-training")
#: Minimum character Jaccard for a content match (the Gender Gap Tracker convention).
MATCH_JACCARD = 0.3
_T = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E = re.compile(r"^E\d+\t(.*)$")


@dataclass(frozen=True)
class Gold:
    content: frozenset[int]
    source: frozenset[int]


@dataclass(frozen=True)
class Pred:
    content: frozenset[int]
    speaker: frozenset[int]


def _chars(ranges: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for a, b in ranges for i in range(a, b))


def parse_ann(ann: str) -> list[Gold]:
    """Read one BRAT .ann text into gold attributions (those with a Content)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    rels: list[dict[str, str]] = []
    for line in ann.splitlines():
        if m := _T.match(line):
            spans[m[1]] = [(int(a), int(b)) for a, b in (r.split() for r in m[3].split(";"))]
        elif m := _E.match(line):
            rels.append(dict(p.split(":", 1) for p in m[1].split() if ":" in p))
    out = []
    for r in rels:
        if "Content" in r and r["Content"] in spans:
            src = spans.get(r.get("Source", ""), [])
            out.append(Gold(_chars(spans[r["Content"]]), _chars(src)))
    return out


def load_corpus(root: Path, limit: int | None = None) -> Iterator[tuple[str, str, list[Gold]]]:
    """Yield (article name, text, gold) for a PolNeAR-format folder (text/ and attributions/)."""
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"{root} is not in PolNeAR layout: it needs text/ and attributions/ folders")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for k, (name, ann) in enumerate(sorted(chosen.items())):
        if limit is not None and k >= limit:
            return
        txt = text_dir / f"{name}.txt"
        if not txt.is_file():
            raise InputError(f"{ann.name} has no text file {txt}")
        yield name, txt.read_text(encoding="utf-8"), parse_ann(ann.read_text(encoding="utf-8"))


def load_multi(root: Path, limit: int | None = None) -> Iterator[tuple[str, str, list[list[Gold]]]]:
    """Yield (article, text, one gold list per annotator) for the articles that two or more annotators marked."""
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"{root} is not in PolNeAR layout: it needs text/ and attributions/ folders")
    by_article: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        by_article.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    shared = sorted((name, anns) for name, anns in by_article.items() if len(anns) > 1)
    for name, anns in shared[:limit]:
        txt = text_dir / f"{name}.txt"
        if not txt.is_file():
            raise InputError(f"{anns[0].name} has no text file {txt}")
        yield name, txt.read_text(encoding="utf-8"), [parse_ann(a.read_text(encoding="utf-8")) for a in anns]


def predictions(quotes: Iterable[Quote]) -> list[Pred]:
    """Group quotes into attributions: quotes sharing a cue are one multi-range content."""
    groups: dict[object, tuple[set[int], set[int]]] = {}
    for q in quotes:
        key = ("cue", q.cue_start) if q.cue_start is not None else ("q", q.id)
        content, speaker = groups.setdefault(key, (set(), set()))
        content.update(range(q.start, q.end))
        if q.speaker is not None and not speaker:
            speaker.update(range(q.speaker.start, q.speaker.end))
    return [Pred(frozenset(c), frozenset(s)) for c, s in groups.values()]


def match(golds: list[Gold], preds: list[Pred]) -> list[tuple[int, int]]:
    """Pair predictions with golds one-to-one, greedily by Jaccard ≥ MATCH_JACCARD."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            inter = len(g.content & p.content)
            if inter:
                jac = inter / len(g.content | p.content)
                if jac >= MATCH_JACCARD:
                    pairs.append((jac, gi, pi))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    exact: int = 0
    speaker_ok: int = 0
    no_source_ok: int = 0  # of speaker_ok: golds with no Source where we also name no speaker

    def add(self, golds: list[Gold], preds: list[Pred]) -> None:
        """Score one article."""
        self.gold += len(golds)
        self.pred += len(preds)
        pairs = match(golds, preds)
        self.matched += len(pairs)
        self.speaker_ok += sum(_speaker_agrees(golds[g], preds[p]) for g, p in pairs)
        self.no_source_ok += sum(not golds[g].source and not preds[p].speaker for g, p in pairs)
        pred_sets = {p.content for p in preds}
        self.exact += sum(1 for g in {g.content for g in golds} if g in pred_sets)

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def report(self) -> list[str]:
        """Return the metric lines, the summary line last."""
        p, r, f = self.prf(self.matched)
        ep, er, ef = self.prf(self.exact)
        acc = self.speaker_ok / self.matched if self.matched else 0.0
        strict_ok = self.speaker_ok - self.no_source_ok
        strict = strict_ok / self.matched if self.matched else 0.0
        return [
            f"gold {self.gold}  predicted {self.pred}  matched {self.matched} (Jaccard >= {MATCH_JACCARD})",
            f"content   P={p:.3f} R={r:.3f} F1={f:.3f}",
            f"exact     P={ep:.3f} R={er:.3f} F1={ef:.3f}",
            f"speaker accuracy over matched: {acc:.3f} ({self.speaker_ok}/{self.matched}; "
            f"{self.no_source_ok} are golds with no Source and no predicted speaker)",
            f"speaker accuracy, strict (a gold with no Source is always wrong, as in the textacy baseline): "
            f"{strict:.3f} ({strict_ok}/{self.matched})",
            f"quotes: f1={f:.3f} speaker_acc={acc:.3f}",
        ]


def _speaker_agrees(gold: Gold, pred: Pred) -> bool:
    """True when the predicted speaker overlaps the gold Source, or both are absent."""
    return bool(gold.source & pred.speaker) if gold.source else not pred.speaker


def evaluate(corpus: Iterable[tuple[str, str, list[Gold]]], extract: Callable[[str], Iterable[Quote]]) -> Tally:
    """Run ``extract`` over every article and tally the metrics."""
    tally = Tally()
    for _name, text, golds in corpus:
        tally.add(golds, predictions(extract(text)))
    return tally


def as_predictions(golds: list[Gold]) -> list[Pred]:
    """One annotator's attributions as predictions, to score them against another annotator."""
    return [Pred(g.content, g.source) for g in golds]


#: How many of the other annotators marked a gold attribution too, from most to fewest.
SUPPORT = ("all the others", "half or more", "under half", "no other")


@dataclass
class Agreement:
    """Annotators scored against one another, and an extractor against each annotator."""

    humans: Tally = field(default_factory=Tally)
    system: Tally = field(default_factory=Tally)
    articles: int = 0
    #: support class -> [golds, golds the extractor matched]
    recall_by_support: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in SUPPORT})

    def add(self, text: str, versions: list[list[Gold]], extract: Callable[[str], Iterable[Quote]] | None) -> None:
        """Score one article that several annotators marked (``versions``: one gold list each)."""
        self.articles += 1
        preds = predictions(extract(text)) if extract is not None else None
        for i, gold in enumerate(versions):
            support = [0] * len(gold)
            for j, other in enumerate(versions):
                if i != j:
                    theirs = as_predictions(other)
                    self.humans.add(gold, theirs)
                    for gi, _ in match(gold, theirs):
                        support[gi] += 1
            if preds is None:
                continue
            self.system.add(gold, preds)
            hits = {gi for gi, _ in match(gold, preds)}
            for gi, n in enumerate(support):
                row = self.recall_by_support[_support_class(n, len(versions) - 1)]
                row[0] += 1
                row[1] += gi in hits

    def report(self) -> list[str]:
        """Return the report lines, the summary line last."""
        lines = [f"{self.articles} articles with two or more annotators"]
        lines.append("annotator against annotator (every ordered pair):")
        lines += [f"  {line}" for line in self.humans.report()[:-1]]
        lines.append("dateline against each annotator:")
        lines += [f"  {line}" for line in self.system.report()[:-1]]
        lines.append("dateline recall by how many other annotators marked the gold too:")
        for name, (n, hit) in self.recall_by_support.items():
            if n:
                lines.append(f"  {name:>14}: {hit / n:.3f} ({hit}/{n})")
        h, d = self.humans.prf(self.humans.matched)[2], self.system.prf(self.system.matched)[2]
        lines.append(f"agreement: annotators_f1={h:.3f} dateline_f1={d:.3f}")
        return lines


def _support_class(n: int, others: int) -> str:
    if n == others:
        return SUPPORT[0]
    if n == 0:
        return SUPPORT[3]
    return SUPPORT[1] if 2 * n >= others else SUPPORT[2]


def agreement(
    corpus: Iterable[tuple[str, str, list[list[Gold]]]], extract: Callable[[str], Iterable[Quote]] | None
) -> Agreement:
    """Score annotators against one another and, given ``extract``, the extractor against each annotator.

    Every ordered pair of annotators counts (each takes its turn as the gold), so the human
    tally is symmetric in P and R.
    """
    out = Agreement()
    for _name, text, versions in corpus:
        out.add(text, versions, extract)
    return out


#: NER labels grouped into entities for the claims stage when scoring (no gazetteer or KB).
_RAW_KINDS = {"PERSON": ("person", "p"), "ORG": ("org", "o"), "GPE": ("place", "g"), "LOC": ("place", "l"), "NORP": ("norp", "n")}


def raw_entities(parse: Parse) -> tuple[Entity, ...]:
    """Group the parse's raw NER mentions into entities, one kind per label (no gazetteer or KB)."""
    from dateline.resolve.common import group_raw

    entities: list[Entity] = []
    for label, (kind, prefix) in _RAW_KINDS.items():
        entities += group_raw((m for m in parse.mentions if m.label == label), kind, prefix, "eval.raw")
    return tuple(entities)


def make_extractor() -> Callable[[str], tuple[Quote, ...]]:
    """Return text -> quotes using the spaCy parse and raw NER entities (no gazetteer or KB)."""
    from dateline.claims.quotes import attribute_quotes
    from dateline.events.dates import resolve_dates
    from dateline.model import Article
    from dateline.nlp.model import load_model
    from dateline.nlp.spans import parse_article

    nlp = load_model()

    def extract(text: str) -> tuple[Quote, ...]:
        article = Article(text=text)
        parse = parse_article(article, nlp=nlp)
        return attribute_quotes(article, parse, raw_entities(parse), resolve_dates(article, parse))

    return extract


@handle_errors
def cli(
    split: str = typer.Option(
        "dev", "--split", help="PolNeAR split: dev, train or annotator-training (test is held out)."
    ),
    path: Path = typer.Option(None, "--path", help="A folder in PolNeAR layout (text/, attributions/) instead of --split."),
    limit: int = typer.Option(None, "--limit", help="Score only the first N articles."),
    with_agreement: bool = typer.Option(
        False,
        "--agreement",
        help="Score only the articles two or more annotators marked: each annotator against each other one "
        "(the human ceiling on this metric), then dateline against each annotator.",
    ),
) -> None:
    """Score quote extraction on PolNeAR: content P/R/F1, exact F1, speaker accuracy."""
    if path is None:
        if split not in SPLITS:
            raise ConfigError(
                f"--split {split} is not available; use one of {', '.join(SPLITS)} (the test split is held out)"
            )
        from dateline.eval import benchmarks_dir

        path = benchmarks_dir() / "polnear" / split
    if with_agreement:
        shared = list(load_multi(path, limit))
        if not shared:
            raise InputError(f"no article in {path} has more than one annotator; --agreement needs some")
        for line in agreement(shared, make_extractor()).report():
            typer.echo(line)
        return
    tally = evaluate(load_corpus(path, limit), make_extractor())
    for line in tally.report():
        typer.echo(line)
