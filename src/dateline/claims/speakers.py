"""Find who is speaking: the speaker phrase of a cue, linked to an entity.

:mod:`dateline.claims.subjects` finds the phrase's head token in the dependency parse; this
module cuts the phrase around it and links it to an entity.  Pronouns and bare nominals
("the ministry") are resolved to the nearest compatible earlier entity, preferring the most
recent speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.claims.context import Doc
from dateline.claims.nesting import outer_speaker, outermost_holder  # noqa: F401  (re-exported for quotes)
from dateline.claims.subjects import (
    GROUP_PRONOUNS,
    ORG_NOMINALS,
    ORG_PRONOUNS,
    PEOPLE_NOUNS,
    PERSON_NOMINALS,
    PERSON_PRONOUNS,
    RELATIVE,
)
from dateline.model import Entity, Speaker

#: How far back (characters) an antecedent may be.  Tuned by eye on PolNeAR train.
ANTECEDENT_WINDOW = 2500
#: How many recent speakers are tried before plain mention recency.
RECENT_SPEAKERS = 3


@dataclass(frozen=True)
class Found:
    """A speaker phrase: its head token and token range (inclusive)."""

    head: int
    first: int
    last: int


def phrase(doc: Doc, head: int) -> Found:
    """Return the noun phrase of ``head`` without trailing clauses (appositions kept out)."""
    first = doc.left[head]
    # a subject that starts with a clause or comma-separated material is cut back to the head's own words
    for k in range(head - 1, first - 1, -1):
        if doc.tok(k).text in (",", "—", "(", "–"):
            first = k + 1
            break
    last = head
    for c in doc.kids(head, "flat", "compound", "nummod"):
        last = max(last, c)
    if doc.tok(head).text.lower() in PARTITIVE_HEADS:  # "one of the men said": the men say who
        for prep in doc.kids(head, "prep"):
            if doc.tok(prep).text.lower() == "of" and prep == last + 1:
                last = max(last, doc.right[prep])
    return Found(head, first, last)


#: Heads of a partitive speaker phrase whose "of ..." says who speaks ("one of the prisoners", "some of the residents").
PARTITIVE_HEADS = frozenset({"one", "two", "three", "some", "many", "several", "most", "few", "each", "none", "all",
                             "both", "either", "neither", "dozens", "hundreds"})


def _entity_kind_ok(entity: Entity, want: frozenset[str]) -> bool:
    return entity.kind in want


def _pick_entity(doc: Doc, found: Found) -> Entity | None:
    """Return the entity whose mention covers the phrase head (or the head of its apposition)."""
    heads = [found.head] + doc.kids(found.head, "appos")
    order = {"person": 0, "org": 1, "norp": 2, "place": 3}
    titled = doc.tok(found.head).text.lower() in PERSON_NOMINALS
    for h in heads:
        t = doc.tok(h)
        hits = [(m, e) for m, e in doc.mentions_in(t.start, t.end) if m.start <= t.start < m.end]
        if hits:
            best = min(hits, key=lambda p: order.get(p[1].kind, 4))[1]
            if titled and best.kind != "person" and h == found.head:
                continue  # "The Bishop of Velmora, Jude Okonkwo, said": a title the tagger took for a body names no one
            return best
    # "The UN envoy for Syria, Geir Pedersen, said": the parser hangs the name on the place, not on the title
    if doc.tok(found.head).text.lower() in PERSON_NOMINALS:
        for prep in doc.kids(found.head, "prep"):
            for obj in doc.kids(prep, "pobj"):
                for h in doc.kids(obj, "appos"):
                    t = doc.tok(h)
                    people = [e for m, e in doc.mentions_in(t.start, t.end) if m.start <= t.start < m.end and e.kind == "person"]
                    if people:
                        return people[0]
    return _titled_of_place(doc, found.head)


def _titled_of_place(doc: Doc, head: int) -> Entity | None:
    """Return the person named after "<title> of <Place>" ("governor of Sevastopol Mikhail R.").

    Only one to three capitalised words (the place or body of the title) may stand between
    "of" and the person's name, so "spokesman for Minister X" or "aide to X" never makes X
    the speaker.
    """
    if doc.tok(head).text.lower() not in PERSON_NOMINALS:
        return None
    nxt = head + 1
    if nxt >= len(doc.parse.tokens) or doc.tok(nxt).text.lower() != "of" or doc.tok(nxt).head != head:
        return None
    a, b = doc.tok(nxt).end, doc.tok(doc.right[head]).end
    people = sorted(((m, e) for m, e in doc.mentions_in(a, b) if e.kind == "person" and m.start >= a), key=lambda p: p[0].start)
    if not people:
        return None
    words = doc.text[a:people[0][0].start].split()
    if words[:1] == ["the"]:
        words = words[1:]
    return people[0][1] if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) else None


def guess_kind(doc: Doc, speaker: Speaker) -> str:
    """Return the speaker's entity kind, or a kind guessed from its head noun."""
    if speaker.entity_id:
        return next((e.kind for e in doc.entities if e.id == speaker.entity_id), "")
    last = speaker.name.split()[-1].lower() if speaker.name.split() else ""
    if last in ORG_NOMINALS:
        return "org"
    if last in PERSON_NOMINALS or last in PEOPLE_NOUNS:
        return "person"
    return "group" if last.endswith("s") else ""


def _named_after(doc: Doc, start: int, offset: int, kinds: frozenset[str]) -> bool:
    """True when a person is named, outside quotes, after an unlinked speaker phrase that starts at ``start`` and within
    its sentence ("a man identified as the gang's leader, Lukson Elan, said"): the name is who "he" is."""
    if "person" not in kinds:
        return False
    sent = doc.parse.sentences[doc.parse.sentence_of(start)]
    return any(start < m.start < min(sent.end, offset) and e.kind == "person" and not doc.in_quote(m.start)
               for m, e in doc.mentions_before(offset, offset - start))


#: A recent speaker may stand one sentence before a pronoun speaker, or two when the sentence between is quoted
#: ("A worker said ... . "Quote one. Quote two," she said": the quote's own first sentence lies between).
RECENT_SENTENCES = 1


def _antecedent(doc: Doc, offset: int, kinds: frozenset[str], recent: list[tuple[Speaker, str]],
                noun: str = "") -> Speaker | Entity | None:
    """The most recent compatible speaker in this or the previous sentence, else the nearest mention.

    Mentions inside quotation marks are skipped (they are the quoted person's words); for a bare nominal ("the
    government") a body named by another institution's noun ("Central Penitentiary") is no antecedent.
    """
    here = doc.parse.sentence_of(offset)
    for sp, kind in recent[:RECENT_SPEAKERS]:
        fits = kind in kinds or (kind == "group" and "norp" in kinds)
        gap = here - doc.parse.sentence_of(sp.start)
        quoted_between = gap == RECENT_SENTENCES + 1 and doc.in_quote(doc.parse.sentences[here - 1].start + 1)
        if sp.entity_id is None and _named_after(doc, sp.start, offset, kinds):
            continue  # "a man identified as the gang's leader, Lukson Elan, said ...": the name, not "a man"
        if sp.end <= offset and (gap <= RECENT_SENTENCES or quoted_between) and fits and (not noun or _nominal_fits(noun, sp)):
            return sp
    subjects, others = [], []
    for m, e in doc.mentions_before(offset, ANTECEDENT_WINDOW):
        if not _entity_kind_ok(e, kinds) or doc.in_quote(m.start) or (noun and not _nominal_fits(noun, e)):
            continue
        k = doc.token_at(m.start)
        is_subj = k is not None and any(doc.tok(j).dep in ("nsubj", "nsubjpass") for j in range(k, min(k + 6, len(doc.parse.tokens))) if doc.tok(j).end <= m.end)
        (subjects if is_subj else others).append(e)
        if len(subjects) + len(others) >= 6:
            break
    found = (subjects or others or [None])[0]
    if found is None and kinds == frozenset({"person"}):
        return _person_named_as_org(doc, offset)
    return found


#: Head nouns that name a place or an institution other than a governing body: "the government" said is not a
#: prison, a hospital or a school named just before.
FACILITY_HEADS = frozenset({"prison", "penitentiary", "jail", "hospital", "clinic", "school", "university", "college",
                            "airport", "church", "cathedral", "mosque", "monastery", "temple", "hotel", "plant",
                            "station", "port", "stadium", "museum", "theatre", "theater", "market", "camp", "base"})


def _nominal_fits(noun: str, who: Speaker | Entity) -> bool:
    """Return False when the antecedent's name ends in another institution's or a facility's noun than the nominal's
    ("the government" / "Central Penitentiary"; "the army" / "Defence Ministry")."""
    words = re.findall(r"[a-z]+", (who.name or "").lower())
    last = words[-1] if words else ""
    if last == noun or last.rstrip("s") == noun:
        return True
    if noun in GOVERNING_NOUNS:  # "the government said": a body whose name says it governs, else none
        return any(w in GOVERNING_NAME_WORDS for w in words)
    if last in FACILITY_HEADS:
        return False
    a, b = _NOMINAL_CLASS.get(noun), _NOMINAL_CLASS.get(last)
    return a is None or b is None or a == b  # "the group" may be an army; "the army" is not a ministry


#: Kinds of body a nominal or a name's last word says; two different kinds are two bodies.
_NOMINAL_CLASS = {
    **dict.fromkeys(("army", "military", "command", "forces", "force", "navy", "brigade", "battalion", "guard"), "armed"),
    **dict.fromkeys(("government", "administration", "regime", "cabinet", "ministry", "presidency"), "executive"),
    "police": "police", "court": "court", "embassy": "embassy", "party": "party", "university": "university",
    "newspaper": "press", "company": "business", "firm": "business",
}


#: Nominals for a country's executive, and the words a name of such a body carries.
GOVERNING_NOUNS = frozenset({"government", "administration", "regime", "cabinet"})
GOVERNING_NAME_WORDS = frozenset({"government", "ministry", "cabinet", "presidency", "administration", "council",
                                  "office", "kremlin", "regime", "authority", "authorities", "junta", "state", "house"})


def _person_named_as_org(doc: Doc, offset: int) -> Entity | None:
    """The nearest earlier organisation-typed entity that is written as a person ("Carly Roe" … "Roe").

    NER sometimes types a surname as an organisation; "she said" with no person in reach then
    refers to it.  Only an entity with a full-name mention and a bare-surname mention is taken.
    """
    for m, e in doc.mentions_before(offset, ANTECEDENT_WINDOW):
        if e.kind == "org" and not doc.in_quote(m.start) and _full_and_surname(doc, e):
            return e
    return None


def _full_and_surname(doc: Doc, entity: Entity) -> bool:
    """True when the entity's surname is written both alone ("Roe") and after a first name ("Carly Roe")."""
    texts = {m.text for m, _ in doc.mentions}
    full = {t.split()[-1] for t in texts if 2 <= len(t.split()) <= 3 and all(_name_word(w) for w in t.split())}
    return any(m.text.split()[-1] in full and m.text.split()[-1] in texts for m in entity.mentions if m.text.split())


def _name_word(w: str) -> bool:
    return w.isalpha() and w[:1].isupper() and w[1:].islower()


def _resolution(doc: Doc, found: Found) -> tuple[str | None, frozenset[str]]:
    """Return ("pronoun"|"nominal"|None, compatible entity kinds) for the phrase."""
    head = doc.tok(found.head)
    word = head.text.lower()
    if found.first == found.last and word in PERSON_PRONOUNS:
        return "pronoun", frozenset({"person"})
    if found.first == found.last and word in ORG_PRONOUNS:
        return "pronoun", frozenset({"org"})
    if found.first == found.last and word in GROUP_PRONOUNS:
        return "pronoun", frozenset({"org", "norp"})
    words = [doc.tok(k).text.lower() for k in range(found.first, found.last + 1)]
    if head.pos != "NOUN" or any(doc.tok(c).dep != "det" for c in doc.kids(found.head)):
        return None, frozenset()  # "the Institute for ..." is a name, not a bare nominal
    if len(words) == 2 and words[0] in ("the", "this", "that") and words[1] in PERSON_NOMINALS:
        return "nominal", frozenset({"person"})
    if len(words) == 2 and words[0] in ("the", "this", "that") and words[1] in ORG_NOMINALS:
        return "nominal", frozenset({"org"})
    if len(words) == 2 and words[0] in ("the", "this", "that") and words[1] in DOCUMENT_NOUNS:
        return "nominal", frozenset({"person", "org", "norp"})  # "the statement said": its issuer, just named
    if len(words) == 2 and words[0] == "the" and head.text[:1].islower():
        return "described", frozenset()  # "the channel wrote": whatever the text called "a ... channel"
    return None, frozenset()


#: Most characters back from a "the X" speaker to the apposition that described X ("Red Meadow, a Telegram
#: channel linked to Wagner, said ...").  Set by judgement: a paragraph or two of wire copy.
DESCRIBED_WINDOW = 600


def _described(doc: Doc, offset: int, noun: str) -> tuple[int, int] | None:
    """Return the span of the last name the text described as "NAME, a/an ... noun" before ``offset``."""
    lo = max(0, offset - DESCRIBED_WINDOW)
    rx = re.compile(rf"([A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+|for\s+)?[A-Z][\w'’.-]*){{0,5}}),\s+an?\s+"
                    rf"(?:[\w'’-]+\s+){{0,4}}?{re.escape(noun)}\b")
    hits = [m for m in rx.finditer(doc.text, lo, offset) if not doc.in_quote(m.start())]
    return hits[-1].span(1) if hits else None


#: Documents that "say" what their issuer said: "“…,” the statement said" after "X said in a statement".
DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "letter", "message", "claim", "announcement",
                            "notice"})


def make_speaker(doc: Doc, found: Found, recent: list[tuple[Speaker, str]]) -> tuple[Speaker | None, str | None]:
    """Build the Speaker for a phrase, resolving pronouns and bare nominals.

    Args:
        doc: the article view.
        found: the speaker phrase.
        recent: earlier speakers, most recent first, with their entity kind.

    Returns:
        (speaker, reason): speaker None with a reason when a pronoun has no antecedent.
    """
    start, end = doc.span(found.first, found.last)
    text = doc.text[start:end]
    how, kinds = _resolution(doc, found)
    if how == "described":
        named = _described(doc, start, doc.tok(found.head).text.lower())
        if named is not None:
            ent = next((e for m, e in doc.mentions_before(start, ANTECEDENT_WINDOW) if m.start <= named[0] < m.end), None)
            if ent is not None:
                return Speaker(ent.id, ent.name, start, end, ent.mentions, "nominal"), None
            return Speaker(None, doc.text[named[0]:named[1]], start, end, (), "nominal"), None
        how = None  # nothing was so described: read the phrase as it stands
    if how:
        ant = _antecedent(doc, start, kinds, recent, doc.tok(found.head).text.lower() if how == "nominal" else "")
        if ant is None:
            if how == "pronoun":
                return None, f"pronoun {text!r} has no earlier {'/'.join(sorted(kinds))} to refer to"
            return Speaker(None, text, start, end), None
        if isinstance(ant, Speaker):
            return Speaker(ant.entity_id, ant.name, start, end, ant.mentions, how), None
        return Speaker(ant.id, ant.name, start, end, ant.mentions, how), None
    word = doc.tok(found.head).text.lower()
    if word in RELATIVE and doc.tok(doc.tok(found.head).head).dep == "relcl":
        noun = doc.tok(doc.tok(found.head).head).head  # "X, who said": the speaker is X
        inner, _ = make_speaker(doc, phrase(doc, noun), recent) if noun != found.head else (None, None)
        if inner is None:
            return None, f"relative pronoun {text!r} with no resolvable antecedent"
        return Speaker(inner.entity_id, inner.name, start, end, inner.mentions, "pronoun"), None
    if word in ("i", "we", "you", "me", "us"):
        return Speaker(None, text, start, end), None  # first/second person: the phrase is all there is
    ent = _pick_entity(doc, found)
    if ent:
        return Speaker(ent.id, ent.name, start, end, ent.mentions), None
    return Speaker(None, text, start, end), None


def entity_kind(doc: Doc, speaker: Speaker | None) -> str:
    """Return the kind of the speaker's entity, guessed from the phrase when unlinked."""
    return guess_kind(doc, speaker) if speaker is not None else ""
