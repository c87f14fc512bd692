"""Lineage: pick a story's most likely original and order its copies, with the evidence.

Each member gets an ``original_score`` from four signals:

* **wire agency** in its dateline ("KYIV (AP) —") or a wire credit line: +``AGENCY_WEIGHT``;
* **publication date**: +``EARLIEST_WEIGHT`` for the earliest date in the story, less
  ``LATE_PENALTY_PER_DAY`` per day after it;
* **garbles**: −``GARBLE_WEIGHT`` × the share of its name tokens spelled unlike the
  cluster's consensus (copy farms garble names; the wire spells them consistently);
* **common content**: +``CONTENT_WEIGHT`` × how much of its text the other members share
  (an original holds what every copy kept; a copy adds boilerplate and drops paragraphs).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.stories import fingerprint as fp
from dateline.stories import minhash as mh
from dateline.stories.diff import consensus_names, diff, name_changes
from dateline.stories.model import Story, StoryMember

if TYPE_CHECKING:
    from dateline.stories.cluster import Doc

#: Weights of the original score.  Set on the generated corpus (tests/stories/generator.py),
#: where agency and date are each right for most stories and garbles break the ties.
AGENCY_WEIGHT = 1.0
EARLIEST_WEIGHT = 1.0
LATE_PENALTY_PER_DAY = 0.25
GARBLE_WEIGHT = 2.0
CONTENT_WEIGHT = 1.0
#: A shingle is core content when this share of the other members print it too.  Set on the
#: generated corpus: original paragraphs survive verbatim in 0.3-1.0 of copies, update lines in < 0.15.
CORE_SHARE = 0.2
#: Common content is measured on at most this many members (large stories are sampled evenly).
CONTENT_SAMPLE = 60

#: A member with a wire agency in its dateline or credit votes this much on the consensus
#: spelling (wires spell names consistently; copy farms garble them).
WIRE_VOTE_WEIGHT = 2.0
#: Members published on the story's first day add this to their vote: it breaks ties between
#: spellings in favour of the earliest copies (no effect on the generated corpus, where wire votes decide).
EARLY_VOTE_BONUS = 0.25

#: Bonus when the article was fetched from a wire agency's own site (its host names the agency).
WIRE_SITE_WEIGHT = 0.5
#: Host name parts of wire agencies' own sites.
WIRE_HOSTS = ("apnews", "ap.org", "reuters", "afp", "dpa", "upi")

WIRE_ORGS = ("associated press", "ap", "reuters", "afp", "agence france-presse", "dpa", "upi")


def _agency(doc: Doc) -> str | None:
    art = doc.article
    if art.agency:
        return art.agency
    for c in art.credits:
        if c.organisation and c.organisation.lower() in WIRE_ORGS:
            return c.organisation
    return None


def _host(url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(url).netloc.lower() if "://" in url else ""


def _content(docs: Sequence[Doc]) -> list[float]:
    """Return each member's common content: 0.5 × shared mass (vs the best) + 0.5 × core share.

    The core share is the part of a member's shingles that at least ``CORE_SHARE`` of the
    other members also print: an original is all core, an update adds lines few copies have.
    """
    step = max(1, len(docs) // CONTENT_SAMPLE)
    sample = docs[::step]
    sets = [d.shingle_ids.tolist() for d in docs]
    df: Counter[int] = Counter(s for i in range(0, len(docs), step) for s in sets[i])
    n = max(len(sample) - 1, 1)
    mass, share = [], []
    for i, ss in enumerate(sets):
        own = 1 if i % step == 0 else 0
        common = [(df[s] - own) / n for s in ss]
        mass.append(sum(common))
        share.append(sum(1 for c in common if c >= CORE_SHARE) / len(common) if common else 0.0)
    top = max(mass) or 1.0
    return [0.5 * m / top + 0.5 * s for m, s in zip(mass, share)]


def score_members(docs: Sequence[Doc], canon: dict[str, str]) -> list[tuple[float, list[str], float]]:
    """Return (original score, evidence lines, garble share) for every member."""
    dates = [d.article.published for d in docs if d.article.published]
    first: dt.date | None = min(dates) if dates else None
    content = _content(docs)
    out = []
    for d, c in zip(docs, content):
        ev: list[str] = []
        score = CONTENT_WEIGHT * c
        ev.append(f"common content {c:.2f}")
        agency = _agency(d)
        if agency:
            score += AGENCY_WEIGHT
            ev.append(f"wire agency {agency} in dateline/credit")
        host = _host(d.article.url or d.article.source or "")
        if host and any(w in host for w in WIRE_HOSTS):
            score += WIRE_SITE_WEIGHT
            ev.append(f"fetched from the wire's own site {host}")
        pub = d.article.published
        if pub and first:
            late = (pub - first).days
            score += EARLIEST_WEIGHT - LATE_PENALTY_PER_DAY * late
            ev.append(f"published {pub.isoformat()}" + (" (earliest)" if late == 0 else f" ({late} day(s) after the first)"))
        changes, garble = name_changes(d.facts.names, canon)
        score -= GARBLE_WEIGHT * garble
        ev.append(f"{len(changes)} name(s) spelled unlike the consensus" + (
            ": " + ", ".join(f"{x.variant}→{x.canonical}" for x in changes[:4]) if changes else ""))
        out.append((score, ev, garble))
    return out


def against_original(canon: dict[str, str], original_spellings: set[str]) -> dict[str, str]:
    """Re-point each name to the original's spelling of it, where the original uses the name.

    Copies are diffed against the original, so a copy that keeps the original's spelling
    has not changed the name even when the cluster's majority spells it otherwise.
    """
    head_to_orig = {canon[sp]: sp for sp in sorted(original_spellings) if sp in canon}
    return {sp: head_to_orig.get(head, head) for sp, head in canon.items()}


def _lineage_order(docs: Sequence[Doc], scored: list[tuple[float, list[str], float]]) -> list[int]:
    """Return member positions: the original (best score), then copies by date and closeness to it."""
    best = max(range(len(docs)), key=lambda i: (scored[i][0], -(docs[i].article.published or dt.date.max).toordinal(),
                                                 docs[i].id))
    orig = docs[best]
    rest = sorted((i for i in range(len(docs)) if i != best),
                  key=lambda i: (docs[i].article.published or dt.date.max, -mh.estimate(docs[i].text_sig, orig.text_sig),
                                 docs[i].id))
    return [best, *rest]


def derived_from(docs: Sequence[Doc], order: list[int], canon: dict[str, str]) -> dict[int, tuple[int, str]]:
    """Find copies of copies: a member that repeats an earlier copy's misspelling got it from there.

    Returns:
        member position -> (position of the copy it repeats, evidence).
    """
    first_seen: dict[str, int] = {}
    out: dict[int, tuple[int, str]] = {}
    for i in order[1:]:
        garbles = sorted({n.text for n in docs[i].facts.names if canon.get(n.text, n.text) != n.text})
        shared = [g for g in garbles if g in first_seen]
        if shared:
            src = first_seen[shared[0]]
            out[i] = (src, f"repeats the misspelling {', '.join(shared)} first printed by {docs[src].id}")
        for g in garbles:
            first_seen.setdefault(g, i)
    return out


def build_story(story_id: str, docs: Sequence[Doc], *, diffs: bool = True) -> Story:
    """Order a cluster's members original-first, explain the choice and diff every copy."""
    dates = [d.article.published for d in docs if d.article.published]
    first = min(dates) if dates else None
    votes = [(WIRE_VOTE_WEIGHT if _agency(d) else 1.0) + (EARLY_VOTE_BONUS if first and d.article.published == first else 0.0)
             for d in docs]
    canon = consensus_names([{n.text for n in d.facts.names if not n.capitals} for d in docs], votes)
    scored = score_members(docs, canon)
    order = _lineage_order(docs, scored)
    orig = docs[order[0]]
    canon = against_original(canon, {n.text for n in orig.facts.names})
    parents = derived_from(docs, order, canon)
    members = []
    wire = _agency(orig)
    for rank, i in enumerate(order):
        d = docs[i]
        parent = parents.get(i)
        own = _agency(d)
        if rank and own and wire and own != wire:  # another wire's report of the same news: not a copy
            parent = (i, f"own wire agency {own} (original: {wire}): an independent report, not a copy")
        members.append(StoryMember(
            article_id=d.id, source=d.article.source or d.article.url, title=d.article.title,
            published=d.article.published, agency=_agency(d), rank=rank,
            text_similarity=round(mh.estimate(d.text_sig, orig.text_sig), 3),
            fingerprint_similarity=round(fp.similarity(d.facts, orig.facts), 3),
            original_score=round(scored[i][0], 3), evidence=tuple(scored[i][1]) + ((parent[1],) if parent else ()),
            derived_from=None if rank == 0 or (parent and parent[0] == i) else docs[parent[0]].id if parent else orig.id,
        ))
    runner = max((scored[i][0] for i in order[1:]), default=0.0)
    reasons = (f"highest original score {scored[order[0]][0]:.2f} (next {runner:.2f})", *scored[order[0]][1])
    variants = tuple(diff(docs[i].id, docs[i].article.text, docs[i].facts, orig.id, orig.article.text, canon)
                     for i in order[1:]) if diffs else ()
    heads = tuple(sorted(set(canon.values())))
    return Story(story_id, tuple(members), orig.id, reasons, heads, variants)
