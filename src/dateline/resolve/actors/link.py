"""Stage ``resolve.actors.v1``: people and organisations, clustered and linked to the KB.

NER labels are evidence only: the small model tags "Dmytro Orlov" ORG and a surname
GPE, and tags some towns PERSON.  A span becomes a person when NER says so with a name
shape, when its first word is a known given name, or when it matches a person already
in the article or a KB surname; one-word PERSON spans that match nothing are left to
the place stage.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from dateline.model import Article, Candidate, Entity, Mention, Parse
from dateline.resolve.actors.cluster import (
    FAMILY_FIRST_RE,
    PersonGroup,
    attach_surnames,
    group_full_names,
    surname_similar,
)
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.names import country_of, fold, is_country_name, person_parts, skeleton
from dateline.resolve.actors.orglink import BUSINESS_NOUNS, org_entities
from dateline.resolve.actors.orgruns import propose_org_runs
from dateline.resolve.actors.orgs import match_org
from dateline.resolve.actors.orgspans import propose_org_spans, with_country_possessive
from dateline.resolve.actors.orgspot import LABEL as SPOT_LABEL
from dateline.resolve.actors.orgspot import propose_kb_orgs
from dateline.resolve.actors.rank import LINK_POINTS, MARGIN_POINTS, Scored, context_words, rank
from dateline.resolve.actors.roles import TITLE_WORDS, RoleInfo, roles_near
from dateline.resolve.common import FACILITY_NOUNS, english_spelling, named_facility
from dateline.resolve.placespans import dateline_span

if TYPE_CHECKING:
    from dateline.resolve.gazetteer import Gazetteer

STAGE = "resolve.actors.v1"
_NAME_LABELS = ("PERSON", "ORG", "GPE", "PROPN", "NORP", "LOC")
#: Confidence of an unlinked multi-word person name (a real name with no KB record).
UNLINKED_NAME_CONFIDENCE = 0.5


def _cid(actor: dict[str, Any]) -> str:
    """Return the candidate id of a KB actor: "kb:Q7747" or "kb:slug"."""
    return actor["id"] if actor["id"].startswith("kb:") else "kb:" + actor["id"]


#: Lower-case name particles that may stand inside a name ("Abdel Fattah al-Burhan", "Ursula von der Leyen").
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "del", "della", "di", "da", "du", "van",
                            "von", "der", "den", "la", "le", "dos", "das"})
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an|ul|ud)-(?=[A-Z])")


def _name_part(p: str, i: int) -> bool:
    """Say whether one word can be part of a name: capitalised, or a particle not in first place; a joined particle
    may open it ("al-Sudani said")."""
    bare = _PARTICLE_PREFIX.sub("", p)
    if i and p in NAME_PARTICLES:
        return True
    word = bare.replace("-", "").replace(".", "")
    return bare[:1].isupper() and (word.isalpha() or _OCR_SLIP.fullmatch(word) is not None)


#: One digit that OCR or a spinner put for the letter it looks like, inside a word ("Kest1and"): a name still.
_OCR_SLIP = re.compile(r"[^\W\d_]{2,}[013458][^\W\d_]{2,}")


def _name_shaped(text: str) -> bool:
    parts = text.split()
    return (1 <= len(parts) <= 5 and all(_name_part(p, i) for i, p in enumerate(parts))
            and parts[-1] not in NAME_PARTICLES
            and bool(fold(text).split()))  # a name in a script the key cannot read ("Θηβάριον") is no name here


#: Head nouns of bodies, not people: a "person" span ending in one ("General Staff", "Security
#: Council") is an organisation the NER model mislabelled.  Set by judgement.
ORG_HEAD_NOUNS = frozenset(
    """staff ministry command council committee office service services army forces guard agency department
    headquarters directorate administration government parliament assembly commission court""".split()
)


def _org_headed(m: Mention) -> bool:
    """True for a several-word span whose last word heads a body ("General Staff")."""
    return len(m.text.split()) > 1 and (fold(m.text).split() or [""])[-1] in ORG_HEAD_NOUNS


def _is_person(m: Mention, kb: ActorKB, full_surnames: set[str]) -> bool:
    """Decide whether a name-shaped span names a person (see the module docstring)."""
    if not _name_shaped(m.text) or fold(m.text) in TITLE_WORDS or fold(m.text).split()[-1] in TITLE_WORDS:
        return False
    if _org_headed(m):
        return False
    parts = person_parts(m.text)  # "Al-Salleh": a one-word surname with its article, read like "Salleh"
    if m.label == "PERSON" and len(parts) > 1:
        return True
    if len(parts) > 1:
        org = [i for i in kb.form.get(fold(m.text), []) if kb.actors[i]["kind"] == "org"]
        return not org and (parts[0] in kb.given_names or _kb_person_spelling(parts, kb)
                            or len(parts) == 2 and _given_spelling(parts[0], kb))
    s = parts[0]
    if is_country_name(s):  # "Slovenia" is not a slip of "Sulivan" (same consonants): only the exact surname
        return s in full_surnames
    if m.label == "ORG":  # NER says organisation: only an exact or same-skeleton surname overrules it
        return any(s == f or skeleton(s) == skeleton(f) for f in full_surnames)
    return any(surname_similar(s, f) for f in full_surnames) or (m.label == "PERSON" and s in kb.surname)


#: A proper-noun run whose surname is a KB person's and whose first word is this close (Jaro-Winkler) to that
#: person's given name is a person ("Marko Rubio" tagged PROPN).  Set by judgement on invented spellings.
GIVEN_SPELLING_JW = 0.85


#: A first word this close (Jaro-Winkler, same first letter) to a known given name is a spelling of it
#: ("Kristina" for Kristine).  Set by judgement on invented spellings; only names of at least GIVEN_VARIANT_MIN_LEN.
GIVEN_VARIANT_JW = 0.93
GIVEN_VARIANT_MIN_LEN = 5


_GIVEN_BY_INITIAL: dict[int, tuple[ActorKB, dict[str, list[str]]]] = {}


def _given_spelling(word: str, kb: ActorKB) -> bool:
    """True when a word is a spelling of a known given name (one letter dropped, doubled or changed)."""
    if len(word) < GIVEN_VARIANT_MIN_LEN:
        return False
    held = _GIVEN_BY_INITIAL.get(id(kb))
    if held is None or held[0] is not kb:  # the KB is held too, so its id cannot be reused by another
        index: dict[str, list[str]] = {}
        for g in kb.given_names:
            index.setdefault(g[:1], []).append(g)
        held = _GIVEN_BY_INITIAL[id(kb)] = (kb, index)
    pool = [g for g in held[1].get(word[:1], ()) if abs(len(g) - len(word)) <= 1]
    return process.extractOne(word, pool, scorer=JaroWinkler.similarity, score_cutoff=GIVEN_VARIANT_JW) is not None


def _kb_person_spelling(parts: list[str], kb: ActorKB) -> bool:
    """True when the last word is a KB person's surname and the first a spelling of that person's given name."""
    for i in kb.surname.get(parts[-1], ()):
        a = kb.actors[i]
        if a["kind"] == "person" and any(JaroWinkler.similarity(parts[0], g) >= GIVEN_SPELLING_JW
                                         for g in a["gen"]["givens"]):
            return True
    return False


#: Shortest word read as a respelt surname repeat ("Juschtschenko" for Yushchenko, "Belkhassem" for Belkassem); shorter
#: words meet too many surnames by chance.  Set by judgement on invented spellings.
VARIANT_REPEAT_MIN_LEN = 5


def _variant_repeat(t: Any, surnames: set[str], lower: set[str]) -> bool:
    """True for a capitalised word (any tag: the model may read a respelt surname as a noun) that respells a full name's
    surname, and is never written in lower case in the text (no common word)."""
    w = fold(t.text)
    forms = {w, english_spelling(w)}
    return (len(w) >= VARIANT_REPEAT_MIN_LEN and t.pos in ("PROPN", "NOUN", "ADJ") and t.text.lower() not in lower
            and any(s[:1] == f[:1] or skeleton(s[:1]) == skeleton(f[:1]) for s in surnames for f in forms
                    if surname_similar(f, s)))


def _surname_repeats(parse: Parse, surnames: set[str], names: list[Mention]) -> list[Mention]:
    """Return lone proper-noun tokens that repeat the surname of a full name in the article.

    NER misses many bare repeats ("Whitmore stated ..."); a capitalised token spelled like a surname the
    article has already given in full (exactly, or as a respelling by :func:`surname_similar`), outside every
    proposed span and not part of a longer name, is taken as that person.
    """
    spans = sorted((m.start, m.end) for m in names)
    lower = {t.text for t in parse.tokens if t.text[:1].islower()}
    out = []
    for t in parse.tokens:
        if not t.text[:1].isupper() or not (fold(t.text) in surnames and t.pos == "PROPN" or _variant_repeat(t, surnames, lower)):
            continue
        if any(s < t.end and t.start < e for s, e in spans):
            continue
        prev, nxt = parse.tokens[t.i - 1] if t.i else None, parse.tokens[t.i + 1] if t.i + 1 < len(parse.tokens) else None
        if (prev and prev.pos == "PROPN" and prev.sent == t.sent) or (nxt and nxt.pos == "PROPN" and nxt.sent == t.sent):
            continue
        out.append(Mention(text=t.text, start=t.start, end=t.end, label="SURNAME_REPEAT", sent=t.sent, stage=STAGE))
    return out


def _org_word_orders(names: list[Mention]) -> list[Mention]:
    """Read a name tagged PERSON whose words are those of an organisation the text names as that organisation.

    "Gold Apollo said ... Apollo Gold said": a word-order slip of a company's name is no person.
    """
    orgs = {frozenset(fold(m.text).split()) for m in names if m.label == "ORG" and len(m.text.split()) >= 2}
    return [replace(m, label="ORG") if m.label == "PERSON" and len(m.text.split()) >= 2
            and frozenset(fold(m.text).split()) in orgs else m for m in names]


def _join_given_names(names: list[Mention], kb: ActorKB) -> list[Mention]:
    """Join a lone known given name to the name span right after it ("Oleksandr" ORG + "Syrskyi" PROPN).

    The small model often splits an unfamiliar full name into two spans with two labels; a
    known given name followed, one space on in the same sentence, by a name-shaped span is
    one person's name; so are two person spans one space apart ("Adem Koral" + "Velmaz").
    """
    out: list[Mention] = []
    i = 0
    while i < len(names):
        a = names[i]
        b = names[i + 1] if i + 1 < len(names) else None
        both_people = (b is not None and a.label == b.label == "PERSON" and len(a.text.split()) + len(b.text.split()) <= 4
                       and _name_shaped(a.text) and _name_shaped(b.text))  # "Adem Koral" + "Velmaz": one name cut in two
        if (b is not None and b.start == a.end + 1 and a.sent == b.sent and (both_people or (
                len(a.text.split()) == 1 and fold(a.text) in kb.given_names
                and fold(a.text) not in TITLE_WORDS  # "General Armageddon" is a nickname
                and _name_shaped(b.text) and len(b.text.split()) <= 2))):
            out.append(Mention(text=f"{a.text} {b.text}", start=a.start, end=b.end, label="PERSON", sent=a.sent, stage=STAGE))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _drop_place_prefix(m: Mention, parse: Parse, kb: ActorKB, starts: list[int]) -> Mention:
    """Cut the place off "governor of Sevastopol Mikhail Razvozhayev" when NER ran the two together.

    The span must follow "of", hold three or more words, and its second word (not its first)
    must be a known given name.
    """
    parts = m.text.split()
    if m.label not in ("PERSON", "ORG") or len(parts) < 3 or fold(parts[0]) in kb.given_names \
            or fold(parts[1]) not in kb.given_names or not _name_shaped(" ".join(parts[1:])):
        return m
    k = bisect.bisect_left(starts, m.start) - 1  # the token just before the span
    if k < 0 or parse.tokens[k].sent != m.sent or parse.tokens[k].text.lower() != "of":
        return m
    cut = m.text.index(parts[1], len(parts[0]))
    return replace(m, text=m.text[cut:], start=m.start + cut, label="PERSON")


#: Abbreviated ranks and honorifics that NER sometimes keeps at the front of a person's span.
_TITLE_ABBREVIATIONS = frozenset("gen gen. lt lt. col col. maj maj. sgt sgt. adm adm. capt capt. dr dr. mr mr. mrs mrs. ms ms. "
                                 "secretary-general gov gov. sen sen. rep rep. pres pres.".split())


#: Nationality nouns that are no country adjective ("Spaniard Marta Oliveras"); adjectives come from ``country_of``.
_NATIONALITY_NOUNS = frozenset("""spaniard briton brit frenchman frenchwoman dutchman dutchwoman englishman englishwoman
irishman irishwoman scot welshman swede dane pole finn turk kurd swiss""".split())


def _nationality(word: str) -> bool:
    """True for a nationality word before a person's name ("Canadian", "Spaniard")."""
    return word[:1].isupper() and (fold(word) in _NATIONALITY_NOUNS or country_of(word) is not None)


def _drop_leading_titles(m: Mention, kb: ActorKB) -> Mention:
    """Cut ranks and titles off the front of a person span ("General Valery Gerasimov" -> "Valery Gerasimov").

    An organisation span that is a title before a known given name and a surname is that person
    ("Spokesman Igor Konashenkow" tagged ORG).
    """
    words = m.text.split()
    if (m.label == "ORG" and len(words) >= 3 and (fold(words[0]) in TITLE_WORDS or _nationality(words[0]))
            and fold(words[1]) in kb.given_names):
        m = replace(m, label="PERSON")  # "Spokesman Igor Konashenkow", "Spaniard Marta Oliveras" tagged ORG
    if m.label == "PROPN" and len(words) >= 3:  # "Lieutenant Colonel Nadav Shoshani" as a bare proper-noun run
        k = next((i for i, w in enumerate(words) if fold(w) not in TITLE_WORDS), len(words))
        rest = words[k:]
        if (1 <= k and 2 <= len(rest) <= 3 and _name_shaped(" ".join(rest))
                and not any(fold(w) in ORG_HEAD_NOUNS or fold(w) in BUSINESS_NOUNS or fold(w) in TITLE_WORDS for w in rest)):
            m = replace(m, label="PERSON")  # a rank or title before a two- or three-word name is said of a person
    if m.label != "PERSON":
        return m
    k = 0
    while k < len(words) - 1 and (fold(words[k]) in TITLE_WORDS or words[k].lower() in _TITLE_ABBREVIATIONS
                                  or (k == 0 and _nationality(words[k]) and fold(words[1]) in kb.given_names)):
        k += 1
    rest = words[k:]
    if k == 0 or not _name_shaped(" ".join(rest)) or fold(rest[-1]) in ORG_HEAD_NOUNS or fold(rest[-1]) in TITLE_WORDS:
        return m
    cut = m.text.index(rest[0], sum(len(w) + 1 for w in words[:k]) - 1)
    return replace(m, text=m.text[cut:], start=m.start + cut)


#: Nouns after a name that make it a media outlet ("Al-Masirah television", "Rossiya 24 channel").
MEDIA_NOUNS = frozenset("television tv channel newspaper daily agency radio broadcaster outlet website magazine".split())


def _as_outlet(m: Mention, parse: Parse, starts: list[int]) -> Mention:
    """Relabel a person span followed by a media or business noun or a bracketed acronym as an organisation.

    "Al-Masirah television"; "Hayat Tahrir al-Cham (HTS)": a name that defines an acronym is a body's.
    """
    if m.label != "PERSON":
        return m
    k = bisect.bisect_left(starts, m.end)
    nxt = parse.tokens[k] if k < len(parse.tokens) else None
    if nxt is not None and nxt.sent == m.sent and nxt.text.lower() in MEDIA_NOUNS | BUSINESS_NOUNS:
        return replace(m, label="ORG")  # "Al-Masirah television", "the Volna Druk printing house"
    after = [t.text for t in parse.tokens[k:k + 3]]
    if len(after) == 3 and after[0] == "(" and after[2] == ")" and after[1].isalpha() and after[1].isupper() \
            and 2 <= len(after[1]) <= 7 and len(m.text.split()) > 1:
        return replace(m, label="ORG")
    return m




def _named_facility(m: Mention, parse: Parse | None = None, starts: list[int] | None = None) -> bool:
    """True for a person-tagged name ending in a facility noun ("Ben Gurion Airport") or followed by one in lower case
    ("the Amarula Palma hotel"): a place named after someone, or a brand."""
    if m.label != "PERSON":
        return False
    if named_facility(m.text):
        return True
    if parse is None or starts is None:
        return False
    j = bisect.bisect_left(starts, m.end)
    nxt = parse.tokens[j].text if j < len(parse.tokens) else ""
    return nxt.islower() and nxt in FACILITY_NOUNS


def _person_like_facility(m: Mention, kb: ActorKB) -> bool:
    """True for a facility-tagged span shaped like a person's name with a known given name ("Corneille Nangaa")."""
    words = m.text.split()
    return (m.label == "FAC" and 2 <= len(words) <= 4 and _name_shaped(m.text) and fold(words[0]) in kb.given_names
            and fold(words[0]) not in TITLE_WORDS and fold(words[-1]) not in FACILITY_NOUNS)


#: Verbs after which a name-shaped span mislabelled as a work of art is a speaker ("..." Zaw Min Tun said).
_SPEECH_AFTER = frozenset({"said", "says", "told", "added", "wrote", "stated", "declared", "tweeted", "posted"})


def _as_speaker(m: Mention, parse: Parse, starts: list[int]) -> Mention:
    """Relabel PERSON a name-shaped WORK_OF_ART span followed by a speech verb (NER reads a quote's speaker as a title)."""
    if m.label != "WORK_OF_ART" or not 2 <= len(m.text.split()) <= 6 or not _name_shaped(m.text):
        return m
    j = bisect.bisect_left(starts, m.end)
    nxt = parse.tokens[j].text.lower() if j < len(parse.tokens) else ""
    if nxt in _SPEECH_AFTER and len(m.text.split()) <= 4:
        return replace(m, label="PERSON")
    last = parse.tokens[j - 1] if 0 < j <= len(parse.tokens) else None  # '"…," Lt. Gen. X, head of Y, told Z'
    head = parse.tokens[last.head] if last is not None and last.dep == "nsubj" else None
    return replace(m, label="PERSON") if head is not None and head.text.lower() in _SPEECH_AFTER else m


def _person_after_body(m: Mention, kb: ActorKB) -> list[Mention]:
    """Split an organisation's span that runs on into a person's given name and surname
    ("Presidential Office Kyrylo Tymoshenko" -> the office, and the person)."""
    words = m.text.split()
    if m.label not in ("ORG", "PROPN") or len(words) < 3 or not _name_shaped(" ".join(words[-2:])):
        return [m]
    if fold(words[-2]) not in kb.given_names or fold(words[-3]) in kb.given_names:
        return [m]  # a three-word personal name ("Anna Maria Quarn") is left whole
    cut = m.text.rfind(words[-2])
    body = replace(m, text=m.text[:cut].rstrip(), end=m.start + len(m.text[:cut].rstrip()))
    person = replace(m, text=m.text[cut:], start=m.start + cut, label="PERSON")
    return [body, person]


#: Stage tag of a name ``_alias_names`` made a person's: it needs no surname evidence of its own.
ALIAS_STAGE = "resolve.actors.alias"
#: Words between a person's name and another name of theirs ("Jane Roe, known as Nana", "… alias Tiger").
#: Most characters between a full name and its alias (", also known as “").
ALIAS_GAP = 24
_ALIAS_WORDS = ({"known", "as"}, {"also", "known", "as"}, {"alias"}, {"aka"}, {"a.k.a."}, {"nicknamed"}, {"dubbed"})


def _alias_names(mentions: list[Mention], parse: Parse) -> list[Mention]:
    """Label PERSON a one-word name given as an alias after a person's full name, whatever NER made of it ("Jane Roe,
    known as Nana" with Nana tagged GPE)."""
    out = list(mentions)
    starts = [t.start for t in parse.tokens]
    for k in range(1, len(out)):
        prev, m = out[k - 1], out[k]
        if (prev.label != "PERSON" or " " not in prev.text or m.label == "PERSON" or " " in m.text
                or not m.text[:1].isupper() or m.start - prev.end > ALIAS_GAP):
            continue  # a full name only: "Mykolaiv, known as Nikolaev in Russian" is a town NER called a person
        lo, hi = bisect.bisect_left(starts, prev.end), bisect.bisect_left(starts, m.start)
        between = {t.text.lower() for t in parse.tokens[lo:hi] if t.end <= m.start
                   and t.text not in (",", '"', "“", "‘", "'")}
        if between in _ALIAS_WORDS:
            out[k] = replace(m, label="PERSON", stage=ALIAS_STAGE)
    return out


def _split_mentions(parse: Parse, kb: ActorKB) -> tuple[list[Mention], list[Mention]]:
    starts = [t.start for t in parse.tokens]
    ordered = sorted(parse.mentions, key=lambda m: (m.start, -m.end))
    found = (_as_speaker(m, parse, starts) for m in _alias_names(ordered, parse))
    names = sorted((_as_outlet(_drop_leading_titles(_drop_place_prefix(m, parse, kb, starts), kb), parse, starts)
                    for m in found if (m.label in _NAME_LABELS or _person_like_facility(m, kb))
                    and not _named_facility(m, parse, starts)),
                   key=lambda m: (m.start, -m.end))
    names = [x for m in names for x in _person_after_body(m, kb)]
    names = _join_given_names(names, kb)
    names = _org_word_orders(names)
    full_surnames = {fold(m.text).split()[-1] for m in names
                     if m.label == "PERSON" and _name_shaped(m.text) and len(m.text.split()) > 1}
    full_surnames |= {fold(m.text).split()[-1] for m in names if len(m.text.split()) > 1 and _name_shaped(m.text)
                      and (fold(m.text).split()[0] in kb.given_names
                           or len(m.text.split()) == 2 and _given_spelling(fold(m.text).split()[0], kb))}
    full_surnames |= {fold(m.text).split()[0] for m in names  # "Hsu Ching-kuang": a lone "Hsu" repeats him
                      if m.label == "PERSON" and FAMILY_FIRST_RE.fullmatch(m.text.strip())}
    people = [m for m in names if m.stage == ALIAS_STAGE or _is_person(m, kb, full_surnames)]
    people += _surname_repeats(parse, full_surnames, names)
    taken = {(m.start, m.end) for m in people}
    orgs = [_drop_trailing_titles(m if m.label in ("ORG", "PROPN") else replace(m, label="ORG")) for m in names
            if (m.label in ("ORG", "PROPN") or (m.label == "PERSON" and _org_headed(m)) or _group_acronym(m, kb))
            and (m.start, m.end) not in taken]
    return people, [m for m in orgs if m is not None]


#: Kinds of KB body whose acronym, tagged as a place by NER ("M23", "UNIFIL"), is still the body.
_ACRONYM_BODIES = frozenset({"armed_group", "international", "military_unit", "security_service", "armed_forces"})


#: Kinds of KB body whose name, misspelt and tagged as a place ("Rossatom"), is still the body.
_VARIANT_BODIES = frozenset({"company", "armed_group", "international", "news_agency", "ngo", "think_tank"})


def _group_acronym(m: Mention, kb: ActorKB) -> bool:
    """True for a place-labelled word that is a body: an armed group's or international body's declared
    acronym ("M23"), or a spelling variant of a company's or group's one-word name ("Rossatom")."""
    if m.label not in ("GPE", "LOC", "FAC", "NORP") or " " in m.text or country_of(m.text):
        return False
    if not m.text.isupper() and not m.text[:1].isupper():
        return False
    hit = match_org(kb, m.text, None)
    if hit.actor is None:
        return False
    if "acronym" in hit.evidence:
        return hit.actor.get("org_type") in _ACRONYM_BODIES
    return "name:word-variant" in hit.evidence and hit.actor.get("org_type") in _VARIANT_BODIES  # "Rossatom" tagged GPE


def _drop_trailing_titles(m: Mention) -> Mention | None:
    """Cut title words off the end of an org span ("State Department Spokesperson" -> "State Department").

    Titles after "of", "of the" or "for" are the body's own name ("Office of the Prosecutor General", "Office of the
    President"): the span stays whole.
    """
    words = m.text.split()
    while words and fold(words[-1]) in TITLE_WORDS:
        words.pop()
    if words and len(words) < len(m.text.split()) and words[-1].lower() in ("of", "the", "for"):
        return m
    if not words or not fold(" ".join(words)):
        return None
    if len(words) == len(m.text.split()):
        return m
    end = m.start + m.text.index(words[-1], sum(len(w) for w in words[:-1])) + len(words[-1])
    return replace(m, text=m.text[:end - m.start], end=end)


def _context(article: Article, parse: Parse, group: PersonGroup) -> set[str]:
    words: set[str] = set()
    for m in group.mentions:
        s = parse.sentence_of(m.start)
        if s >= 0:
            lo = parse.sentences[max(0, s - 1)].start
            words |= context_words(article.text[lo:parse.sentences[s].end])
    return words - {w for m in group.mentions for w in fold(m.text).split()}


def _best_role(roles: list[RoleInfo]) -> RoleInfo | None:
    return max(roles, key=lambda r: (r.title is not None, r.organisation is not None, r.country is not None), default=None)


def _majority_spelling(own: str, mentions: list[Mention]) -> str:
    """Spell an unlinked name's surname as most of its mentions do.

    A respun article garbles a name in one place and keeps it in others: "Evan Gerschkovich" once, then
    "Gershkovich" twice names "Evan Gershkovich".  Ties keep the full mention's own spelling.
    """
    words = own.split()
    if len(words) < 2:
        return own
    votes: dict[str, int] = {}
    for m in mentions:
        last = m.text.split()[-1]
        if surname_similar(fold(last), fold(words[-1])):  # a given name said alone ("Evan") is no spelling of it
            votes[last] = votes.get(last, 0) + 1
    best = max(votes, key=lambda w: (votes[w], w == words[-1]))
    return " ".join([*words[:-1], best]) if votes[best] > votes.get(words[-1], 0) else own


def _person_entity(n: int, article: Article, group: PersonGroup, ranked: list[Scored]) -> Entity:
    role = _best_role(group.roles)
    evidence = [f"role:{r.title}@{r.start}-{r.end}" for r in group.roles if r.title]
    cands = tuple(Candidate(id=_cid(s.actor), name=s.actor["name"], score=s.points) for s in ranked[:5])
    best = ranked[0] if ranked else None
    runner = ranked[1].points if len(ranked) > 1 else float("-inf")
    own = _majority_spelling(max(group.mentions, key=lambda m: (len(m.text.split()), -m.start)).text, group.mentions)
    common: dict[str, Any] = dict(id=f"p{n}", kind="person", mentions=tuple(sorted(group.mentions, key=lambda m: m.start)),
                                  stage=STAGE, candidates=cands, aliases_seen=tuple(dict.fromkeys(m.text for m in group.mentions)),
                                  role=role.title if role else None, organisation=role.organisation if role else None,
                                  country=role.country if role else None)
    if best and best.points >= LINK_POINTS and best.points - runner >= MARGIN_POINTS:
        a = best.actor
        return Entity(name=a["name"], status="linked", confidence=best.confidence, wikidata=a.get("wikidata"),
                      evidence=(*best.evidence, *evidence), **{**common, "country": common["country"] or a.get("country")})
    status = "ambiguous" if best and best.points >= LINK_POINTS else "unlinked"
    conf = UNLINKED_NAME_CONFIDENCE if len(own.split()) > 1 else 0.2
    return Entity(name=own, status=status, confidence=conf, evidence=("below-threshold" if best else "no-candidate", *evidence),
                  **common)


#: Words between a person's name and the name they go by ("Adem Koral Velmaz, alias Kito").
_ALIAS_BETWEEN = re.compile(r",?\s+(?:alias|a\.k\.a\.?|aka|also known as|known as|nicknamed|dubbed)\s+[\"“‘']?$", re.I)


def _join_aliases(groups: list[PersonGroup], text: str) -> list[PersonGroup]:
    """Join a one-word name given as a person's alias to that person's group (a nom de guerre is no KB surname)."""
    joined: set[int] = set()
    for g in groups:
        if id(g) in joined:
            continue  # already joined to another person as an alias
        for h in groups:
            if (h is not g and id(h) not in joined and all(len(x.text.split()) == 1 for x in h.mentions)
                    and any(x.start > m.end and _ALIAS_BETWEEN.fullmatch(text[m.end:x.start])
                            for m in g.mentions for x in h.mentions)):
                g.mentions.extend(h.mentions)
                joined.add(id(h))
    return [g for g in groups if id(g) not in joined]


def _people(article: Article, parse: Parse, kb: ActorKB, mentions: list[Mention]) -> list[Entity]:
    year = article.published.year if article.published else None
    items = [(m, roles_near(article.text, parse, m.start, m.end)) for m in mentions]
    groups = group_full_names(items, kb.given_symbols)
    ccs = _named_countries(article, parse)
    ranked = {id(g): rank(kb, g, year=year, context=_context(article, parse, g), countries=ccs) for g in groups}
    known = {id(g): set(r[0].actor["gen"]["surnames"]) for g in groups if (r := ranked[id(g)]) and r[0].points >= LINK_POINTS}
    groups = _join_aliases(attach_surnames(groups, items, known, article.text), article.text)
    groups = [g for g in groups if len(g.mentions) > 1 or len(g.mentions[0].text.split()) > 1
              or g.mentions[0].label == "PERSON" or g.roles]
    ents = [_person_entity(n, article, g, rank(kb, g, year=year, context=_context(article, parse, g), countries=ccs))
            for n, g in enumerate(groups)]
    return _merge_same_link(ents)


def _merge_same_link(ents: list[Entity]) -> list[Entity]:
    """Merge entities linked to the same KB actor (two spellings resolved to one person)."""
    out: dict[str, Entity] = {}
    rest: list[Entity] = []
    for e in ents:
        key = e.candidates[0].id if e.status == "linked" else None
        if key is None:
            rest.append(e)
        elif key in out:
            o = out[key]
            out[key] = replace(o, mentions=tuple(sorted(o.mentions + e.mentions, key=lambda m: m.start)),
                               aliases_seen=tuple(dict.fromkeys(o.aliases_seen + e.aliases_seen)),
                               confidence=max(o.confidence, e.confidence), evidence=o.evidence + ("merged-same-link",))
        else:
            out[key] = e
    # a lone surname-only unlinked entity that a linked person's surnames cover joins it
    return list(out.values()) + rest


def _linked_surname_repeats(parse: Parse, people: list[Entity], kb: ActorKB) -> list[Entity]:
    """Add a bare surname the NER missed to the linked person it names ("... Mohamed Hamdan Tagalo ... Dagalo said").

    The surname must be the linked KB actor's own (so a garbled full name followed by the
    correct surname becomes one person), capitalised, outside every name span, and not
    part of a longer run of proper nouns.
    """
    by_surname: dict[str, int] = {}
    for n, e in enumerate(people):
        if e.status != "linked" or not e.candidates:
            continue
        cid = e.candidates[0].id
        idx = kb.by_id.get(cid, kb.by_id.get(cid.removeprefix("kb:")))
        for s in kb.actors[idx]["gen"]["surnames"] if idx is not None else ():
            by_surname[s] = n if by_surname.get(s, n) == n else -1  # a surname two linked people share names neither
    spans = [(m.start, m.end) for m in parse.mentions if m.label in _NAME_LABELS]
    extra: dict[int, list[Mention]] = {}
    for t in parse.tokens:
        n = by_surname.get(fold(t.text), -1) if t.text[:1].isupper() and len(t.text) > 2 else -1
        if n < 0 or any(s < t.end and t.start < e for s, e in spans):
            continue
        near = [parse.tokens[j] for j in (t.i - 1, t.i + 1) if 0 <= j < len(parse.tokens)]
        if any(x.pos == "PROPN" and x.sent == t.sent and x.text[:1].isupper() for x in near):
            continue
        extra.setdefault(n, []).append(Mention(text=t.text, start=t.start, end=t.end, label="SURNAME_REPEAT",
                                               sent=t.sent, stage=STAGE))
    return [replace(e, mentions=tuple(sorted(e.mentions + tuple(extra[n]), key=lambda m: m.start))) if n in extra else e
            for n, e in enumerate(people)]


#: Mentions of one country (names and demonyms) that make it the story's home when the dateline's own
#: country is not named in the story ("TALLINN, Estonia (AP) — Russian authorities said ..."). Set by judgement.
HOME_MIN_MENTIONS = 3


def _named_countries(article: Article, parse: Parse) -> frozenset[str]:
    """Return the ISO codes of the countries the article names or qualifies with a demonym (dateline included)."""
    d = article.dateline
    out = {cc for t in parse.tokens if t.text[:1].isupper() and (cc := country_of(t.text))}
    if d is not None and (cc := (country_of(d.country) if d.country else None) or country_of(d.place)):
        out.add(cc)
    return frozenset(out)


#: Smallest town a bare dateline ("KHERSON -") gives its country to the story: datelines name cities, not villages.
DATELINE_TOWN_MIN_POP = 50_000


def _dateline_town_cc(place: str | None, gazetteer: Gazetteer | None) -> str | None:
    """Return the country of the largest town spelt like a bare dateline's ("KHERSON -" -> "UA"), if it is a city."""
    if not place or gazetteer is None:
        return None
    towns = [h.place for h in gazetteer.lookup(place, fuzzy=False) if h.how == "exact" and h.place.feature == "city"]
    top = max(towns, key=lambda p: p.pop or 0, default=None)
    return top.cc if top is not None and (top.pop or 0) >= DATELINE_TOWN_MIN_POP else None


def _home(article: Article, parse: Parse, gazetteer: Gazetteer | None = None) -> str | None:
    """Return the ISO code of the story's home country: the dateline's ("KYIV, Ukraine (AP)" -> "UA"; a bare "KHERSON -"
    through the gazetteer's city of that name) when the story names it, else the country the story names most (at
    least HOME_MIN_MENTIONS times), else the dateline's."""
    d = article.dateline
    dated = (((country_of(d.country) if d.country else None) or country_of(d.place)
              or _dateline_town_cc(d.place, gazetteer)) if d is not None else None)
    if d is None and gazetteer is not None and (bare := dateline_span(article.text)) is not None:
        dated = _dateline_town_cc(bare.text, gazetteer)  # "KHERSON - ...", a dateline with no agency or country
    counts: dict[str, int] = {}
    for t in parse.tokens:
        if t.text[:1].isupper() and (d is None or not d.start <= t.start < d.end) and (cc := country_of(t.text)):
            counts[cc] = counts.get(cc, 0) + 1
    if dated is None or counts.get(dated):
        return dated
    top = max(counts, key=lambda cc: counts[cc], default=None)
    return top if top is not None and counts[top] >= HOME_MIN_MENTIONS else dated


def resolve_actors(article: Article, parse: Parse, *, kb: ActorKB,
                   gazetteer: Gazetteer | None = None) -> tuple[Entity, ...]:
    """Return person and organisation entities, linked to the KB where the evidence suffices.

    Args:
        article: the article (its date is evidence against role years).
        parse: tokens, sentences and candidate spans.
        kb: the actor knowledge base.
        gazetteer: for the country of a bare dateline's town ("KHERSON -"), the story's home country, which decides
            between national bodies of one name ("the General Staff").
    """
    people_m, org_m = _split_mentions(parse, kb)
    people = _linked_surname_repeats(parse, _people(article, parse, kb, people_m), kb)
    proposed = [*propose_org_spans(article.text, parse), *propose_org_runs(article.text, parse)]
    held = [(m.start, m.end) for e in people if e.status == "linked" for m in e.mentions]
    proposed += propose_kb_orgs(article.text, parse, kb, held=held)
    mentions = with_country_possessive(article.text, [*org_m, *proposed])  # "Romania's" + "defence ministry"
    orgs = org_entities(article.text, kb, mentions, home=_home(article, parse, gazetteer))
    return tuple(_yield_to_spotted(people, orgs) + orgs)


def _yield_to_spotted(people: list[Entity], orgs: list[Entity]) -> list[Entity]:
    """Drop an unlinked person's mentions that a linked, KB-spotted organisation holds ("Shin Beth" tagged PERSON)."""
    spotted = [(m.start, m.end) for e in orgs if e.status == "linked" for m in e.mentions if m.label == SPOT_LABEL]
    if not spotted:
        return people
    out = []
    for e in people:
        if e.status != "linked":
            kept = tuple(m for m in e.mentions if not any(a < m.end and m.start < b for a, b in spotted))
            if not kept:
                continue
            e = replace(e, mentions=kept) if len(kept) < len(e.mentions) else e
        out.append(e)
    return out
