"""Find figures on which two sources disagree.

Two figures disagree when they measure the same thing (same kind and SI unit, and
their sentences share a topic: ground taken, distance advanced, people killed or
injured), come from different sources, and differ by more than ``AGREE_TOLERANCE``.
Both figures and both sources are kept — never an average or a pick.  The second
half of a pair like "2,500 square kilometers (965 square miles)" is the same figure.
"""

from __future__ import annotations

import re

from dateline.model import Article, Disagreement, Entity, Parse, Quantity, Quote

#: Figures within this relative difference agree ("about 50 km" vs "50 km"). Not tuned on data.
AGREE_TOLERANCE = 0.10
TOPICS = {
    "territory": re.compile(r"\b(captur\w*|retak\w*|recaptur\w*|taken|took|gain\w*|liberat\w*|regain\w*|seiz\w*|"
                            r"advanc\w*|penetrat\w*|pushed)\b", re.I),
    "casualties": re.compile(r"\b(killed|dead|died|wounded|injured|casualties)\b", re.I),
}
_SPEECH = {"say", "tell", "note", "estimate", "report", "claim", "state", "announce", "add", "write", "believe",
           "cite", "accord", "assess"}


_KILLED = re.compile(r"\b(killed|dead|died|slain)\b", re.I)
_HURT = re.compile(r"\b(wounded|injured|hurt|hospitali[sz]ed)\b", re.I)
#: How far after a count its verb may stand ("five civilians were hospitalized"). Not tuned on data.
VERB_WINDOW = 60


def _topic(sentence: str, q: Quantity, after: str = "") -> str | None:
    for name, rx in TOPICS.items():
        if rx.search(sentence):
            if name == "casualties" and q.kind == "count":
                near = after[:VERB_WINDOW]
                kind = "killed" if _KILLED.search(near) else "injured" if _HURT.search(near) else None
                return f"casualties:{kind}" if kind else None
            return f"{name}:{q.kind}"
    return None


def _places_in(entities: tuple[Entity, ...], start: int, end: int) -> frozenset[str]:
    return frozenset(e.id for e in entities if e.kind == "place" and any(start <= m.start < end for m in e.mentions))


def _same_thing(topic: str, places: frozenset[str], places2: frozenset[str]) -> bool:
    """Casualty figures are about one incident: they must share a named place; territory figures need not."""
    return not topic.startswith("casualties") or bool(places & places2)


def _subject_source(parse: Parse, entities: tuple[Entity, ...], sent_idx: int) -> str | None:
    """Return the name of the sentence's reporting subject (the nsubj of a speech verb or the root)."""
    s = parse.sentences[sent_idx]
    toks = parse.tokens[s.first_token : s.last_token]
    for t in toks:
        if t.dep != "nsubj" or t.pos not in ("PROPN", "NOUN"):
            continue
        head = parse.tokens[t.head]
        if head.dep == "ROOT" or head.lemma in _SPEECH:
            left = t.i
            while left - 1 >= s.first_token and parse.tokens[left - 1].head == t.i and parse.tokens[left - 1].dep in (
                "compound", "amod", "det", "nmod", "poss"
            ):
                left -= 1
            start, end = parse.tokens[left].start, t.end
            for e in entities:
                if e.kind in ("org", "person") and any(m.start < end and start < m.end for m in e.mentions):
                    return e.name
            words = [x.text for x in parse.tokens[left : t.i + 1] if x.dep != "det"]
            return " ".join(words)
    return None


def _source(article: Article, parse: Parse, entities, quotes: tuple[Quote, ...], q: Quantity) -> str | None:
    for quote in quotes:
        if quote.start <= q.start < quote.end and quote.speaker is not None:
            by_id = {e.id: e for e in entities}
            ent = by_id.get(quote.speaker.entity_id or "")
            return ent.name if ent else quote.speaker.name
    idx = parse.sentence_of(q.start)
    return _subject_source(parse, entities, idx) if idx >= 0 else None


def _same_figure(a: Quantity, b: Quantity) -> bool:
    return a.si_value is not None and b.si_value is not None and abs(a.si_value - b.si_value) <= AGREE_TOLERANCE * max(
        abs(a.si_value), abs(b.si_value)
    )


def find_disagreements(
    article: Article, parse: Parse, entities: tuple[Entity, ...], quantities: tuple[Quantity, ...],
    quotes: tuple[Quote, ...],
) -> tuple[Disagreement, ...]:
    """Return one Disagreement per pair of differing figures on one topic from two sources.

    Args:
        article, parse, entities, quantities, quotes: the article's records.
    Returns:
        Disagreements, each with both Quantity records and both source names.
    """
    figures: list[tuple[str, str, Quantity, frozenset[str]]] = []  # (topic, source, figure, places)
    seen_sentences: set[tuple[int, str]] = set()
    for q in quantities:
        if q.kind not in ("area", "distance", "count") or q.si_value is None:
            continue
        idx = parse.sentence_of(q.start)
        if idx < 0 or (idx, q.kind) in seen_sentences:
            continue  # the "(965 square miles)" half of a pair, or a second figure of one sentence
        s = parse.sentences[idx]
        topic = _topic(article.text[s.start : s.end], q, article.text[q.end : s.end])
        src = _source(article, parse, entities, quotes, q)
        if topic and src:
            seen_sentences.add((idx, q.kind))
            figures.append((topic, src, q, _places_in(entities, s.start, s.end)))
    out: list[Disagreement] = []
    for i, (topic, src, q, places) in enumerate(figures):
        for topic2, src2, q2, places2 in figures[i + 1 :]:
            if (topic2 == topic and src2.lower() != src.lower() and q.si_unit == q2.si_unit
                    and not _same_figure(q, q2) and _same_thing(topic, places, places2)):
                out.append(Disagreement(topic=topic, figures=(q, q2), sources=(src, src2)))
    return tuple(out)
