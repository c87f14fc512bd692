"""Score stories against the generator's ground truth: pairwise P/R, originals, garbles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from dateline.stories.model import Story
from tests.stories.generator import Corpus


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    originals_right: int
    stories: int
    garbles_found: int
    garbles: int
    numbers_found: int
    numbers: int
    missed_garbles: tuple = ()
    wrong_originals: tuple = ()

    @property
    def original_accuracy(self) -> float:
        return self.originals_right / self.stories if self.stories else 0.0

    @property
    def garble_recall(self) -> float:
        return self.garbles_found / self.garbles if self.garbles else 1.0


def _pairs(groups: Sequence[Sequence[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}  # type: ignore[misc]


def score(corpus: Corpus, stories: Sequence[Story]) -> Scores:
    """Compare clustered stories with the corpus truth."""
    truth: dict[int, list[str]] = {}
    for a in corpus.articles:
        if a.story is not None:
            truth.setdefault(a.story, []).append(a.id)
    gold, pred = _pairs(list(truth.values())), _pairs([[m.article_id for m in s.members] for s in stories])
    tp = len(gold & pred)
    by_member = {m.article_id: s for s in stories for m in s.members}
    right, wrong = 0, []
    for si, orig in corpus.originals.items():
        s = by_member.get(orig)
        if s is not None and s.original == orig:
            right += 1
        else:
            wrong.append((si, orig, s.original if s else None))
    variants = {v.article_id: v for s in stories for v in s.variants}
    found, missed = 0, []
    for g in corpus.garbles:
        v = variants.get(g.article_id)
        if v and any(c.variant == g.garbled and c.canonical == g.original and g.original in c.entity.split()
                     for c in v.name_changes):
            found += 1
        else:
            missed.append(g)
    nums = [n for a in corpus.articles if a.kind != "breaking" for n in a.numbers]
    nfound = sum(1 for n in nums if (v := variants.get(n.article_id)) and any(
        c.original == n.original and c.variant == n.changed for c in v.number_changes))
    return Scores(tp / len(pred) if pred else 0.0, tp / len(gold) if gold else 0.0, right, len(corpus.originals),
                  found, len(corpus.garbles), nfound, len(nums), tuple(missed), tuple(wrong))
