"""`dateline eval events`: event-type classification on CASE 2021 Task 2 snippets.

Reads the task's TSV (``id<TAB>EventSnippet<TAB>SubType``), classifies each snippet
with :func:`dateline.events.classify.classify_text` and prints accuracy, micro and
macro F1 and the most frequent confusions.  ``--split tune`` keeps rows whose id is
≡ 0 (mod 4) (the rows the cue weights were adjusted on), ``--split heldout`` rows
≡ 2 (mod 4) (never read while tuning); ``all`` keeps every row.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import typer

from dateline.cli.common import handle_errors
from dateline.errors import InputError
from dateline.eval import benchmarks_dir

DEFAULT_FILE = Path("case2021_task2") / "dev_even_ids.tsv"
SPLITS = {"all": None, "tune": 0, "heldout": 2}


@dataclass(frozen=True)
class Metrics:
    n: int
    accuracy: float
    micro_f1: float
    macro_f1: float
    per_class: tuple[tuple[str, float, float, float, int], ...]  # label, P, R, F1, support
    confusions: tuple[tuple[str, str, int], ...]  # gold, predicted, count


def read_tsv(path: Path, *, limit: int | None = None, split: str = "all") -> list[tuple[str, str, str]]:
    """Return (id, snippet, label) rows of a CASE 2021 Task 2 TSV."""
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            if not reader.fieldnames or not {"id", "EventSnippet", "SubType"} <= set(reader.fieldnames):
                raise InputError(f"{path}: expected a header 'id<TAB>EventSnippet<TAB>SubType'")
            rows = [(r["id"], r["EventSnippet"] or "", (r["SubType"] or "").strip()) for r in reader]
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}; check the path or pass --path FILE") from exc
    mod = SPLITS[split]
    if mod is not None:
        rows = [r for r in rows if r[0].strip().isdigit() and int(r[0]) % 4 == mod]
    return rows[:limit] if limit else rows


def metrics(gold: Sequence[str], pred: Sequence[str]) -> Metrics:
    """Compute accuracy, micro F1 and macro F1 (over gold labels) of single-label predictions."""
    n = len(gold)
    correct = sum(g == p for g, p in zip(gold, pred))
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    per_class = []
    for label in sorted(set(gold)):
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_class.append((label, p, r, f, tp[label] + fn[label]))
    micro_p = correct / n if n else 0.0  # one label per snippet: micro P = micro R = accuracy
    macro = sum(row[3] for row in per_class) / len(per_class) if per_class else 0.0
    conf = Counter((g, p) for g, p in zip(gold, pred) if g != p)
    return Metrics(n, micro_p, micro_p, macro, tuple(per_class), tuple((g, p, c) for (g, p), c in conf.most_common()))


def classify_rows(rows: Iterable[tuple[str, str, str]]) -> tuple[list[str], list[str]]:
    """Return gold and predicted labels for TSV rows."""
    from dateline.events.classify import classify_text

    gold, pred = [], []
    for _id, text, label in rows:
        gold.append(label)
        pred.append(classify_text(text).code)
    return gold, pred


def render(m: Metrics, *, top: int = 12) -> list[str]:
    """Return the report lines; the last is the machine-readable summary."""
    lines = [f"snippets: {m.n}", f"accuracy: {m.accuracy:.3f}", "", f"{'label':32s}    P     R    F1  n"]
    lines += [f"{lab:32s} {p:.2f}  {r:.2f}  {f:.2f}  {s}" for lab, p, r, f, s in m.per_class]
    lines += ["", "most frequent confusions (gold -> predicted):"]
    lines += [f"  {g} -> {p}: {c}" for g, p, c in m.confusions[:top]]
    lines.append(f"events: micro_f1={m.micro_f1:.3f} macro_f1={m.macro_f1:.3f}")
    return lines


@handle_errors
def cli(
    path: Path = typer.Option(None, "--path", help="A TSV in the CASE 2021 Task 2 format (default: the shared dev file)."),
    limit: int = typer.Option(None, "--limit", help="Classify only the first N rows."),
    split: str = typer.Option("all", "--split", help="all | tune (ids ≡ 0 mod 4) | heldout (ids ≡ 2 mod 4)."),
) -> None:
    """Classify CASE 2021 Task 2 snippets into ACLED-derived event types and print F1."""
    rows = read_tsv(path or benchmarks_dir() / DEFAULT_FILE, limit=limit, split=split)
    if not rows:
        raise InputError("no rows to classify; check --path, --split and --limit")
    gold, pred = classify_rows(rows)
    for line in render(metrics(gold, pred)):
        typer.echo(line)
