"""`dateline eval actors`: person/organisation clustering and linking on GUM news (and WOTR).

How system output meets the gold annotation (GUM news, WebAnno TSV; see ``gum_coref``):

* **System mentions** are the mentions of the pipeline's ``person`` and ``org`` entities.
* **Matching** (default ``head``): a system mention matches the gold mention (of any type)
  whose approximate head token lies inside the system span; among several, the one with
  the largest character overlap (Jaccard).  Each gold mention is matched at most once, in
  text order.  ``exact`` matching needs identical character spans (GUM spans are whole
  NPs, "19 year old Daniel Montalvo", so exact matching understates recall).
* **Gold universe**: person/organization mentions, restricted to ``name`` mentions (head
  is a proper noun) or ``all`` (adding common-noun phrases and pronouns, which dateline
  does not cluster as entity mentions: they count as misses).  Key chains are GUM's
  identity chains (coref, ana, cata, appos links) cut down to that universe.
* A system mention that matches no gold mention, or a gold mention of another type
  (a place tagged org), is **spurious** (its own id, lowering precision).  One that
  matches a person/org mention outside the universe (a nominal, in ``name`` mode) is left
  out of both sides.
* **B³** and **MUC** are summed over documents (micro).
* **Linking**: over gold named person/org mentions that carry a Wikipedia title.  The
  title is normalised (underscores to spaces, "(disambiguator)" dropped, folded) and
  looked up among KB canonical names, declared aliases and acronyms: that record (or NIL
  when the KB has none) is the answer.  The prediction is the KB record the matched
  system entity is linked to (NIL when unmatched or unlinked).  ``link_acc`` counts NIL
  answers too, so it measures linking, not KB coverage; a *false link* is a prediction
  that differs from a non-NIL answer or is made where the answer is NIL.  The KB's
  Wikidata ids cannot be compared to titles offline, so names are compared.

WOTR: the copy in ``../shared/benchmarks/wotr`` holds only toponym annotations
(trconll XML); the JSON with person/org spans (``json/wotr-topo-test.json``) has no
coreference chains or links.  When it is present, person/org *mention detection* is scored
on it; otherwise the command says that there is nothing to score.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

from dateline.cli.common import handle_errors
from dateline.eval.coref_metrics import PRF, ZERO, b_cubed, muc
from dateline.eval.gum_coref import GoldMention, GumDoc, find_corpus, load_corpus
from dateline.model import Article, Entity
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.names import fold

PERSON_ORG = frozenset({"person", "organization"})
MODES = ("name", "all")
MATCHES = ("head", "exact")
ACTOR_STAGE = "resolve.actors.v1"


@dataclass(frozen=True)
class SysMention:
    entity: str
    start: int
    end: int
    actor_id: str | None  # the linked KB record's candidate id ("kb:Q7747", "kb:some-slug")


def system_mentions(entities: tuple[Entity, ...] | list[Entity]) -> list[SysMention]:
    """Flatten person/org entities into mentions, in text order, with their linked KB id."""
    out = []
    for e in entities:
        if e.kind not in ("person", "org"):
            continue
        linked = e.candidates[0].id if e.status == "linked" and e.candidates else None
        out.extend(SysMention(e.id, m.start, m.end, linked) for m in e.mentions)
    return sorted(out, key=lambda s: (s.start, s.end))


def _jaccard(a0: int, a1: int, b0: int, b1: int) -> float:
    inter = max(0, min(a1, b1) - max(a0, b0))
    return inter / (max(a1, b1) - min(a0, b0)) if inter else 0.0


def match_mentions(sys: list[SysMention], gold: tuple[GoldMention, ...], how: str = "head") -> list[GoldMention | None]:
    """Match each system mention to at most one gold mention (see the module docstring)."""
    taken: set[str] = set()
    out: list[GoldMention | None] = []
    for s in sys:
        if how == "exact":
            cands = [g for g in gold if (g.start, g.end) == (s.start, s.end)]
        else:
            cands = [g for g in gold if s.start <= g.head_start and g.head_end <= s.end]
        cands = [g for g in cands if g.id not in taken]
        best = max(cands, key=lambda g: (_jaccard(s.start, s.end, g.start, g.end), -g.start), default=None)
        if best is not None:
            taken.add(best.id)
        out.append(best)
    return out


def clusterings(doc: GumDoc, sys: list[SysMention], matched: list[GoldMention | None],
                mode: str) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Return (key, response) clusters of mention ids for one document and gold universe."""
    universe = {g.id for g in doc.mentions if g.etype in PERSON_ORG and (mode == "all" or g.form == "name")}
    key = [c & universe for c in doc.chains if c & universe]
    resp: dict[str, set[str]] = {}
    for i, (s, g) in enumerate(zip(sys, matched)):
        if g is None or g.etype not in PERSON_ORG:
            resp.setdefault(s.entity, set()).add(f"sys:{i}")
        elif g.id in universe:
            resp.setdefault(s.entity, set()).add(g.id)
    return key, [frozenset(c) for c in resp.values() if c]


def normalise_title(title: str) -> str:
    """Turn a Wikipedia title into a folded name: "Barack_Obama_(politician)" -> "barack obama"."""
    t = urllib.parse.unquote(title).replace("_", " ")
    if t.endswith(")") and " (" in t:
        t = t[: t.rindex(" (")]
    return fold(t)


def title_index(kb: ActorKB) -> dict[str, set[str]]:
    """Map folded canonical names, declared aliases and acronyms to KB candidate ids ("kb:Q7747")."""
    index: dict[str, set[str]] = {}
    for a in kb.actors:
        for form in (a["name"], *a.get("aliases", []), *a.get("acronyms", [])):
            index.setdefault(fold(form), set()).add(a["id"] if a["id"].startswith("kb:") else "kb:" + a["id"])
    return index


@dataclass
class LinkCounts:
    n: int = 0
    in_kb: int = 0
    correct: int = 0
    correct_in_kb: int = 0
    false_links: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0


def score_links(doc: GumDoc, sys: list[SysMention], matched: list[GoldMention | None],
                index: dict[str, set[str]], counts: LinkCounts) -> None:
    """Add one document's linking outcomes to ``counts``."""
    pred = {g.id: s.actor_id for s, g in zip(sys, matched) if g is not None}
    for g in doc.mentions:
        if g.etype not in PERSON_ORG or g.form != "name" or not g.wiki:
            continue
        answer = index.get(normalise_title(g.wiki), set())
        got = pred.get(g.id)
        ok = got in answer if answer else got is None
        counts.n += 1
        counts.in_kb += bool(answer)
        counts.correct += ok
        counts.correct_in_kb += bool(answer) and ok
        if got is not None and not ok:
            counts.false_links += 1
            if len(counts.examples) < 5:
                counts.examples.append(f"{g.text!r} (gold {g.wiki}) -> {got}")


def run_pipeline(docs: list[GumDoc], pipeline: Any) -> tuple[list[tuple[GumDoc, list[SysMention]]], float, float]:
    """Run the pipeline on every document; return system mentions, total and actor-stage seconds."""
    out, total, actor = [], 0.0, 0.0
    for doc in docs:
        t0 = time.perf_counter()
        res = pipeline.run(Article(text=doc.text, published=doc.published, source=doc.name))
        total += time.perf_counter() - t0
        actor += res.timings.get(ACTOR_STAGE, 0.0)
        out.append((doc, system_mentions(res.entities)))
    return out, total, actor


def evaluate(runs: list[tuple[GumDoc, list[SysMention]]], kb: ActorKB) -> tuple[dict[tuple[str, str], tuple[PRF, PRF]], LinkCounts]:
    """Return {(mode, match): (B³, MUC)} summed over documents, and linking counts."""
    scores: dict[tuple[str, str], tuple[PRF, PRF]] = {(m, h): (ZERO, ZERO) for m in MODES for h in MATCHES}
    index, links = title_index(kb), LinkCounts()
    for doc, sys in runs:
        for how in MATCHES:
            matched = match_mentions(sys, doc.mentions, how)
            for mode in MODES:
                key, resp = clusterings(doc, sys, matched, mode)
                b3, mu = scores[(mode, how)]
                scores[(mode, how)] = (b3 + b_cubed(key, resp), mu + muc(key, resp))
            if how == "head":
                score_links(doc, sys, matched, index, links)
    return scores, links


def wotr_status(bench: Path) -> str:
    """Say what WOTR offers for people and organisations here."""
    wotr = bench / "wotr"
    test = wotr / "json" / "wotr-topo-test.json"
    if not wotr.is_dir():
        return f"WOTR: not found at {wotr}; not scored"
    if not test.exists():
        return ("WOTR: no person/org spans in this copy (only toponyms in trconll-classicxml; "
                "json/wotr-topo-test.json is absent); not scored")
    n = sum(e["entity_type"] in ("person", "org") for d in json.loads(test.read_text(encoding="utf-8"))
            for e in d["named_entities"])
    return f"WOTR: {n} person/org spans in {test.name} but no coreference chains or links; clustering not scored"


def format_report(scores: dict[tuple[str, str], tuple[PRF, PRF]], links: LinkCounts, ndocs: int) -> list[str]:
    """Return the table lines and the summary line."""
    lines = [f"GUM news, {ndocs} documents: person/org clustering (micro over documents)",
             f"{'gold':<6}{'match':<7}{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}{'MUC P':>7}{'MUC R':>7}{'MUC F1':>7}{'key':>6}{'resp':>6}"]
    for (mode, how), (b3, mu) in scores.items():
        lines.append(f"{mode:<6}{how:<7}{b3.precision:7.3f}{b3.recall:7.3f}{b3.f1:7.3f}"
                     f"{mu.precision:7.3f}{mu.recall:7.3f}{mu.f1:7.3f}{int(b3.r_den):6d}{int(b3.p_den):6d}")
    lines.append(f"linking: {links.n} gold named person/org mentions with a Wikipedia title, {links.in_kb} in the KB; "
                 f"accuracy (NIL counted) {links.accuracy:.3f}; in-KB correct {links.correct_in_kb}/{links.in_kb}; "
                 f"false links {links.false_links}")
    lines.extend(f"  false link: {x}" for x in links.examples)
    b3, mu = scores[("name", "head")]
    lines.append(f"actors: b3_f1={b3.f1:.3f} muc_f1={mu.f1:.3f} link_acc={links.accuracy:.3f}")
    return lines


@handle_errors
def cli(
    limit: int = typer.Option(None, "--limit", help="Score only the first N documents."),
    path: Path = typer.Option(None, "--path", help="The gum_news folder (or the benchmarks folder holding it)."),
) -> None:
    """Score person/org clustering (B³, MUC) and linking on GUM news; report what WOTR offers."""
    from dateline.eval import benchmarks_dir
    from dateline.pipeline import Pipeline

    corpus = find_corpus(path or benchmarks_dir())
    docs = load_corpus(corpus, limit)
    pipe = Pipeline()
    runs, total, actor = run_pipeline(docs, pipe)
    scores, links = evaluate(runs, pipe.resources.get("kb"))
    lines = format_report(scores, links, len(docs))
    timing = (f"time: {total:.1f} s for {len(docs)} documents; {ACTOR_STAGE} {actor:.2f} s "
              f"({100 * actor / total if total else 0:.1f}% of pipeline time)")
    typer.echo("\n".join([*lines[:-1], wotr_status(corpus.parent), timing, lines[-1]]))
