"""Organisation entities: match each span, group spans naming one organisation, resolve short references.

* A span gets the country stated just before it ("Russia's", "Moscow's"); the span itself is
  not widened, so the place keeps its own mention and no two entities claim one stretch of text.
* Spans linked to one KB organisation form one entity.  Unlinked spans group by country and
  word bag, so "Russia's Defense Ministry" and "the Russian Defense Ministry" stay one entity
  even when the KB lacks it.
* A span with no country ("the defence ministry") whose word bag is that of exactly one
  organisation already in the article joins it (in-document coreference); with two or more
  such organisations it stays apart, ambiguous.  An unlinked acronym joins the one
  organisation of the article whose initials it spells ("USI" and "University of Southern Indiana").
* A national body named with no country and no antecedent ("the General Staff said") whose
  name fits one such body per country is read as the body of the story's home country, at a
  lower confidence and with the evidence ``country:home``: the dateline's country ("KYIV" ->
  Ukraine's) when the story names it, else the country the story names most ("TALLINN, Estonia
  (AP) — Russian authorities said ..." -> Russia's); without one it stays unlinked.
* A messaging or social platform named as the medium of a statement ("said on Telegram",
  "wrote on Facebook", "in a Telegram post") is the statement's channel, not an actor: such a
  span is no organisation mention.
* Rule-proposed spans (``orgspans``) and capitalised runs (PROPN) are kept only when they
  link or join an organisation in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dateline.model import Candidate, Entity, Mention
from dateline.nlp.spans import DEFINED_TAIL_RE
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.names import acronym_of, country_of, fold, org_bag, skeleton, strip_country
from dateline.resolve.actors.orgruns import LABEL as RUN_LABEL
from dateline.resolve.actors.orgs import OrgMatch, match_org
from dateline.resolve.actors.orgspans import LABEL as RULE_LABEL
from dateline.resolve.actors.orgspot import LABEL as SPOT_LABEL
from dateline.resolve.actors.orgspot import match_spot

STAGE = "resolve.actors.v1"
_PRE_COUNTRY = re.compile(r"([A-Z][A-Za-z]+)(?:['’]s)?\s+$")
_TENTATIVE = ("PROPN", RULE_LABEL)
#: Proposals kept only when they link: capitalised runs and KB-spotted names.
_KEPT_IF_LINKED = (RUN_LABEL, SPOT_LABEL)
#: Confidence of a national body chosen by the story's home country alone: below a stated
#: country's 0.9 and a unique bag's 0.6, above the 0.5 a quote speaker needs to link.  Set by judgement.
HOME_CONFIDENCE = 0.55


@dataclass
class _Group:
    match: OrgMatch
    country: str | None
    bag: frozenset[str]
    mentions: list[Mention] = field(default_factory=list)
    joined: bool = False  # a short reference joined this group

    def bags(self) -> set[frozenset[str]]:
        a = self.match.actor
        return {frozenset(b) for b in a["gen"]["bags"]} if a else {self.bag}


def _cid(actor: dict[str, Any]) -> str:
    return actor["id"] if actor["id"].startswith("kb:") else "kb:" + actor["id"]


def _org_country(text: str, m: Mention) -> str | None:
    """Return the country stated right before an org span ("Russia's", "Moscow's")."""
    hit = _PRE_COUNTRY.search(text[max(0, m.start - 30):m.start])
    return country_of(hit.group(1)) if hit else None


def _key(match: OrgMatch, country: str | None, bag: frozenset[str], text: str) -> str:
    if match.actor:
        return match.actor["id"]
    return f"raw:{country or ''}:{' '.join(sorted(bag))}" if bag else "raw:" + fold(text)


def _antecedent(groups: dict[str, _Group], bag: frozenset[str]) -> _Group | None:
    """Return the one organisation of the article (linked, or stated with a country) with this word bag."""
    hits = [g for g in groups.values() if bag and (g.match.actor or g.country) and bag in g.bags()]
    return hits[0] if len(hits) == 1 else None


def _linked_candidate(groups: dict[str, _Group], match: OrgMatch, bag: frozenset[str] = frozenset()) -> _Group | None:
    """Return the article's one linked organisation that is the best candidate of an unlinked reworded name:
    "Southern Command of Operations" after "Ukraine's Operational Command South" linked that body.  Every word of
    the reworded name must have a counterpart in one of the body's names: "District Court" shares only "court" with
    the International Criminal Court, and is another court."""
    best = match.candidates[0]["id"] if match.candidates and match.evidence and match.evidence[0].startswith("bag:fuzzy") else None
    hits = [g for g in groups.values() if best and g.match.actor is not None and g.match.actor["id"] == best
            and any(all(any(_word_alike(w, x) for x in b) for w in bag) for b in g.bags())]
    return hits[0] if len(hits) == 1 else None


#: Two stemmed words are counterparts when they open with this many letters alike ("operation"/"operational",
#: "south"/"southern").
WORD_PREFIX = 4


def _word_alike(a: str, b: str) -> bool:
    return a == b or (len(a) >= WORD_PREFIX and len(b) >= WORD_PREFIX and a[:WORD_PREFIX] == b[:WORD_PREFIX])


#: Platforms whose name, used as a medium, is a channel rather than an actor.
PLATFORMS = frozenset({"telegram", "twitter", "x", "facebook", "instagram", "tiktok", "youtube", "whatsapp",
                       "vkontakte", "vk", "viber", "signal", "truth social", "threads"})
_MEDIUM_BEFORE = re.compile(r"\b(?:on|via|through|over|in|to)(?:\s+(?:a|an|the|its|his|her|their|our|my))?\s+$", re.I)
_MEDIUM_AFTER = re.compile(r"^\s+(?:channel|post|posts|account|message|messages|page|statement|video)\b", re.I)


def _as_medium(text: str, m: Mention) -> bool:
    """True when a platform's name is used as the medium of a statement ("said on Telegram")."""
    if fold(m.text) not in PLATFORMS:
        return False
    return bool(_MEDIUM_BEFORE.search(text[max(0, m.start - 16):m.start]) or _MEDIUM_AFTER.match(text[m.end:m.end + 12]))


def _home_body(match: OrgMatch, home: str | None) -> OrgMatch | None:
    """Return the one candidate body of the story's home country, when the name alone is ambiguous."""
    if home is None or match.actor is not None or "bag:ambiguous" not in match.evidence:
        return None
    mine = [a for a in match.candidates if a.get("country") == home]
    if len(mine) != 1:
        return None
    return OrgMatch(mine[0], HOME_CONFIDENCE, ("bag:ambiguous", f"country:home={home}"))


def _possessor_in_name(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """Return True if a capitalised run is the possessor ("X's Y", "Xs' Y") inside a longer NER organisation name."""
    if not re.match(r"['’]s?\s", text[m.end:m.end + 3]):
        return False
    return any(o.label not in _KEPT_IF_LINKED and o.start <= m.start and m.end < o.end for o in mentions)


def _group(text: str, kb: ActorKB, mentions: list[Mention], home: str | None = None) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    pending: list[tuple[Mention, OrgMatch, frozenset[str]]] = []
    for m in sorted(mentions, key=lambda x: x.start):
        country = _org_country(text, m)  # the span stays as it is: "Russia" remains the place's mention
        words, named = strip_country(fold(m.text).split())
        country = country or named
        bag = org_bag(" ".join(words))
        match = match_org(kb, m.text, country)
        if m.label == SPOT_LABEL and match.actor is None:
            match = match_spot(kb, m.text) or match
        if match.actor is None and m.label in _KEPT_IF_LINKED:
            # a national body of the story's home country, or nothing; never for the possessor inside a
            # longer NER name ("Armed Forces" of "Armed Forces' General Staff": the body is the Staff)
            match = None if _possessor_in_name(text, m, mentions) else _home_body(match, home)
            if match is None:
                continue  # a capitalised run is kept only when it links
            country = home
        if match.actor is None and (country is None or m.label in _TENTATIVE):
            pending.append((m, match, bag, None))  # decided once every stated organisation is known
            continue
        if match.actor is None and "bag:ambiguous" in match.evidence:
            pending.append((m, match, bag, country))  # "Ministry of Health of Palestine": a body the text linked?
            continue
        key = _key(match, country, bag, m.text)
        groups.setdefault(key, _Group(match, country, bag)).mentions.append(m)
    for m, match, bag, stated in pending:
        ante = _antecedent(groups, bag) or _linked_candidate(groups, match, bag)
        homed = None if ante is not None or stated is not None else _home_body(match, home)
        if ante is not None:
            ante.mentions.append(m)
            ante.joined = True
        elif homed is not None:
            groups.setdefault(homed.actor["id"], _Group(homed, home, bag)).mentions.append(m)
        elif stated is not None:
            groups.setdefault(_key(match, stated, bag, m.text), _Group(match, stated, bag)).mentions.append(m)
        elif m.label not in _TENTATIVE or (m.label == "PROPN" and _COMPANY_AFTER.match(text, m.end)):
            groups.setdefault(_key(match, None, bag, m.text), _Group(match, None, bag)).mentions.append(m)
    return _join_run_apart(_join_one_word_swapped(_join_spelled_out(_join_defined(text, _join_acronyms(_prefer_runs(groups))))))


#: Nouns after a capitalised name that make the name a business's ("the Volna Druk printing house", "the Epicentr
#: hypermarket"): an organisation even when the KB does not know it.  Plants and factories are left out: "the
#: Kharkiv tractor plant" is named after its town.
BUSINESS_NOUNS = frozenset("printing publishing company firm hypermarket supermarket bank airline".split())
_COMPANY_AFTER = re.compile(r"\s+(?:(?:printing|publishing)\s+house|company|firm|hypermarket|supermarket|bank|airline|"
                            r"department\s+store|shopping\s+(?:centre|center|mall)|retail\s+chain|"
                            r"(?:oil|gas|energy|defen[cs]e|arms)\s+company)\b")


#: The rest of a longer run after a shorter one that is a name: a locative phrase ("in London", "at Kyiv").
_PLACE_TAIL = re.compile(r"^\s+(?:in|at|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?$")


def _tail_in_name(tail: str, actor: dict[str, Any] | None) -> bool:
    """True when the place of a tail ("in Somalia") is part of the body's own name (the AU Mission in Somalia)."""
    if actor is None:
        return True
    words = set(fold(tail).split()) - {"in", "at", "on", "the"}
    names = [actor.get("name", "")] + list(actor.get("aliases", []))
    return any(words <= set(fold(n).split()) for n in names)


def _prefer_runs(groups: dict[str, _Group]) -> dict[str, _Group]:
    """Let a linked capitalised run ("UN Interim Lebanon Force") or spotted KB name replace the NER pieces inside it ("UN").

    The longest run wins where runs overlap; a run overlapped by a longer one, and every other
    mention inside a kept run, is dropped; a group left with no mention goes.  A run that only adds
    the city its body sits in ("Royal United Services Institute in London") gives way to the shorter
    mention of the same body, unless that city is in the body's own name ("… Mission in Somalia").
    """
    runs = sorted((m for g in groups.values() for m in g.mentions if m.label in _KEPT_IF_LINKED),
                  key=lambda m: (m.start - m.end, m.start))
    group_of = {id(m): k for k, g in groups.items() for m in g.mentions}
    # "Royal United Services Institute in London": where the run without its place tail is a mention of the same
    # body, the tail is where the body sits, not part of its name (the place stays a place); that shorter name
    # then stands for the body, and runs inside it give way to it
    named = [r for m in runs for r in groups[group_of[id(m)]].mentions
             if r is not m and r.start == m.start and r.end < m.end and _PLACE_TAIL.match(m.text[r.end - r.start:])
             and not _tail_in_name(m.text[r.end - r.start:], groups[group_of[id(m)]].match.actor)]
    runs = [m for m in runs if not any(r.start == m.start and r.end < m.end and group_of[id(r)] == group_of[id(m)]
                                       for r in named)
            and not any(r.start <= m.start and m.end < r.end and group_of[id(r)] == group_of[id(m)] for r in named)]
    kept: list[Mention] = []
    for m in runs:
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    owner = {id(m): g for g in groups.values() for m in g.mentions}
    for k, g in list(groups.items()):
        g.mentions = [m for m in g.mentions if (m.label in _KEPT_IF_LINKED and m in kept)
                      or (m.label not in _KEPT_IF_LINKED and not any(r.start <= m.start and m.end <= r.end for r in kept))]
        if g.match.actor is None:  # an unlinked name that a linked run begins ("X Directorate of the Y Ministry")
            for m in list(g.mentions):
                run = next((r for r in kept if m.start <= r.start and r.end <= m.end), None)
                if run is not None:
                    g.mentions.remove(m)
                    owner[id(run)].mentions.append(m)
        if not g.mentions:
            del groups[k]
    return {k: g for k, g in groups.items() if g.mentions}


#: What may stand between a name and its bracketed acronym: nothing, or "of (the) <Name>" ("of the US").
_DEFINES = re.compile(r"^(?:,? of (?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*)?)? ?\($")


#: An acronym set beside a name between commas ("the Border Guard Service, the DPSU, said").
_APPOSED = re.compile(r",\s+the\s+")
_APPOSED_END = re.compile(r"\s*[,;.]")


def _join_defined(text: str, groups: dict[str, _Group]) -> dict[str, _Group]:
    """Join an acronym defined in brackets to the name before it ("Central Command of the US (CENTCOM)"), or set
    beside it between commas when one of the two is linked and the other not ("Ukraine's Protection Service, the SBU,":
    a spun name of the linked body).

    The two become one organisation whatever the initials; a linked side absorbs the other.
    """
    owner = {(m.start, m.end): k for k, g in groups.items() for m in g.mentions}
    spans = sorted(owner)
    for (a, b), (c, d) in zip(spans, spans[1:]):
        ka, kc = owner[(a, b)], owner[(c, d)]
        if ka == kc or ka not in groups or kc not in groups or not _is_acronym(text[c:d]):
            continue
        tail = DEFINED_TAIL_RE.match(text, b)  # "Framework| for the Defence of the People of Azawad (CSP-DPA)"
        bracketed = (_DEFINES.match(text[b:c]) or tail and _DEFINES.match(text[tail.end():c])) and text[d:d + 1] == ")"
        apposed = (_APPOSED.fullmatch(text[b:c]) and _APPOSED_END.match(text, d)
                   and (groups[ka].match.actor is None) != (groups[kc].match.actor is None))
        if not (bracketed or apposed):  # "the Velmora Guard, the VG, said": one linked side names the other
            continue
        if _DATELINE_DASH.match(text, d + 1):
            continue  # "JERUSALEM (AP) —": a dateline's town and its agency, no name and its acronym
        keep, drop = (kc, ka) if groups[kc].match.actor is not None and groups[ka].match.actor is None else (ka, kc)
        if groups[drop].match.actor is not None and groups[keep].match.actor is not None:
            continue  # both linked, to different bodies: the KB knows better
        groups[keep].mentions.extend(groups[drop].mentions)
        groups[keep].joined = True
        for m in groups[drop].mentions:
            owner[(m.start, m.end)] = keep
        del groups[drop]
    return groups


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")
_DATELINE_DASH = re.compile(r"\s*[—–-]{1,2}\s")


def _is_acronym(text: str) -> bool:
    """True for an acronym: capitals, with digits or hyphens inside ("CSP-DPA"), 2 to 7 letters."""
    letters = sum(c.isalpha() for c in text)
    return bool(_ACRONYM.match(text)) and 2 <= letters <= 7 and text[-1].isalpha()


def _move(groups: dict[str, _Group], k: str, into: str) -> None:
    """Move group ``k``'s mentions into group ``into`` (an organisation named again) and drop ``k``."""
    groups[into].mentions.extend(groups[k].mentions)
    groups[into].joined = True
    del groups[k]


def _join_acronyms(groups: dict[str, _Group]) -> dict[str, _Group]:
    """Join an unlinked acronym to the one organisation of the article whose initials it spells.

    "USI" joins "the University of Southern Indiana" named earlier or later in the article.  An
    acronym the KB gives to several bodies ("RSF") joins the one of them the article links.
    """
    spelled: dict[str, set[str]] = {}
    for k, g in groups.items():
        for m in g.mentions:
            if not _is_acronym(m.text) and len(m.text.split()) >= 2:
                spelled.setdefault(acronym_of(m.text), set()).add(k)
    for k, g in list(groups.items()):
        if g.match.actor is not None or not all(_is_acronym(m.text) for m in g.mentions):
            continue
        target = spelled.get(g.mentions[0].text, set()) - {k}
        if not target:  # an ambiguous acronym whose one candidate the article names in full
            cand = {c["id"] for c in g.match.candidates}
            target = {j for j, h in groups.items() if h.match.actor is not None and h.match.actor["id"] in cand}
        if len(target) == 1:
            _move(groups, k, target.pop())
    return groups


def _join_spelled_out(groups: dict[str, _Group]) -> dict[str, _Group]:
    """Join an unlinked name to the one linked body whose acronym, written in the article, its initials spell.

    "The National Intelligence and Safety Agency said ... NISA did not respond": the acronym links the KB's
    National Intelligence and Security Agency; the long form, a word swapped, links nothing, yet spells NISA.
    """
    by_acronym: dict[str, set[str]] = {}
    for k, g in groups.items():
        if g.match.actor is not None:
            for m in g.mentions:
                if _is_acronym(m.text):
                    by_acronym.setdefault(m.text, set()).add(k)
    for k, g in list(groups.items()):
        if g.match.actor is not None or any(len(m.text.split()) < 3 for m in g.mentions):
            continue
        target = by_acronym.get(acronym_of(g.mentions[0].text), set()) - {k}
        if len(target) == 1:
            _move(groups, k, target.pop())
    return groups


#: Fewest content words of a name that may join a linked body differing from it in one word: a two-word name with
#: one word swapped is another name ("Border Guard" / "Coast Guard").
SWAP_MIN_WORDS = 3


def _names_a_country(words: frozenset[str]) -> bool:
    """True when the swapped words name two countries: "Romania's" and "Russian" defence ministries are two bodies
    ("Afghan" for "National" is only the body's country said another way)."""
    ccs = {country_of(w) for w in words}
    return len(ccs) == 2 and None not in ccs


def _join_one_word_swapped(groups: dict[str, _Group]) -> dict[str, _Group]:
    """Join an unlinked name to the one linked body of the article whose name differs from it by one word.

    "The Principal Intelligence Directorate" after "the Main Intelligence Directorate": a spun copy swaps a word for a
    synonym; the rest of the name, and the article that names the body properly, say which body it is.
    """
    bags: dict[str, set[frozenset[str]]] = {}
    for k, g in groups.items():
        if g.match.actor is not None:
            bags[k] = {b for m in g.mentions if len(b := org_bag(m.text)) >= SWAP_MIN_WORDS}
    for k, g in list(groups.items()):
        if g.match.actor is not None:
            continue
        mine = {b for m in g.mentions if len(b := org_bag(m.text)) >= SWAP_MIN_WORDS}
        target = {t for t, theirs in bags.items() if t != k and any(
            len(a) == len(b) and len(a - b) == 1 and not _names_a_country(a ^ b) for a in mine for b in theirs)}
        if len(target) == 1:
            _move(groups, k, target.pop())
    return groups


def _join_run_apart(groups: dict[str, _Group]) -> dict[str, _Group]:
    """Join an unlinked two-word name to the one linked one-word body it spells when run together, sounds alike.

    A caption or a spinner splits a company's coined name: "Velmo Tek" after "Velmotek" (the same consonant
    skeleton, the same first letter); the article names the body properly elsewhere.
    """
    words: dict[str, set[str]] = {}
    for k, g in groups.items():
        if g.match.actor is not None:
            words[k] = {fold(m.text) for m in g.mentions if " " not in m.text.strip() and len(m.text) >= 5}
    for k, g in list(groups.items()):
        if g.match.actor is not None:
            continue
        mine = {fold(m.text).replace(" ", "") for m in g.mentions if len(m.text.split()) == 2}
        target = {t for t, theirs in words.items() if t != k and any(
            a[:1] == b[:1] and skeleton(a) == skeleton(b) and abs(len(a) - len(b)) <= 2 for a in mine for b in theirs)}
        if len(target) == 1:
            _move(groups, k, target.pop())
    return groups


_OWNER_OPENS = re.compile(r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)['’]s (.+)$")


def _shown_name(text: str, country: str | None) -> str:
    """Name an unlinked body by its words, plus its country when the words do not state it.

    "Romania's defence ministry" is shown as "defence ministry (Romania)": told apart from another
    country's unlinked ministry in the same article.
    """
    owner = _OWNER_OPENS.match(text)
    if owner is not None and country_of(owner.group(1)):
        text = owner.group(2)  # "Romania's defence ministry" (the mention) is shown "defence ministry (Romania)"
    if not country or strip_country(fold(text).split())[1] is not None:
        return text
    import pycountry

    c = pycountry.countries.get(alpha_2=country)
    return f"{text} ({getattr(c, 'common_name', None) or c.name})" if c else text


def _entity(n: int, g: _Group) -> Entity:
    a, match = g.match.actor, g.match
    ms = tuple(sorted(g.mentions, key=lambda m: m.start))
    cands = tuple(Candidate(id=_cid(c), name=c["name"], score=match.confidence) for c in match.candidates)
    evidence = match.evidence + (("antecedent:in-article",) if g.joined else ())
    if a:
        return Entity(id=f"o{n}", kind="org", name=a["name"], mentions=ms, stage=STAGE, status="linked",
                      confidence=match.confidence, wikidata=a.get("wikidata"), evidence=evidence,
                      candidates=(Candidate(id=_cid(a), name=a["name"], score=match.confidence), *cands),
                      aliases_seen=tuple(dict.fromkeys(m.text for m in ms)), country=a.get("country"))
    status = "unlinked" if match.candidates or len(ms[0].text.split()) > 1 else "raw"
    return Entity(id=f"o{n}", kind="org", name=_shown_name(ms[0].text, g.country), mentions=ms, stage=STAGE, status=status,
                  confidence=min(match.confidence, 0.3),
                  evidence=evidence, candidates=cands, aliases_seen=tuple(dict.fromkeys(m.text for m in ms)),
                  country=g.country)


def org_entities(text: str, kb: ActorKB, mentions: list[Mention], home: str | None = None) -> list[Entity]:
    """Return organisation entities for NER and rule-proposed spans (see the module docstring).

    Args:
        text: the article text.
        kb: the actor KB.
        mentions: ORG/PROPN spans from NER and ``ORG_HEAD`` spans from ``orgspans``.
        home: ISO code of the story's home country (link._home), if it has one.
    """
    unique = {(m.start, m.end): m for m in reversed(mentions)}  # one mention per span, the first kept
    kept = [m for m in unique.values() if not _as_medium(text, m)]
    return [_entity(n, g) for n, g in enumerate(_group(text, kb, kept, home).values())]
