"""Find the head token of a cue's speaker phrase in the dependency parse.

The head is the ``nsubj`` of the cue verb, found by climbing from "…, saying" / "… and said" /
"was prompted to say" to the governing verb, from "who said" to the noun the relative clause
modifies, and, when the parse names no subject, by fallbacks for postposed ("…, said a voter"),
appositive and participial speakers.  :mod:`dateline.claims.speakers` turns the head into a
``Speaker`` linked to an entity.
"""

from __future__ import annotations

import re

from dateline.claims.context import Doc
from dateline.resolve.actors.roles import TITLE_WORDS

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
ORG_PRONOUNS = frozenset({"it"})
GROUP_PRONOUNS = frozenset({"they"})
RELATIVE = frozenset({"who", "which", "that"})
#: Role nouns that refer back to a person ("the president said").
PERSON_NOMINALS = frozenset(
    """president governor minister spokesman spokeswoman spokesperson mayor official secretary chief commander
    general leader premier chancellor senator candidate ambassador head director prosecutor judge lawyer
    attorney nominee congressman congresswoman lawmaker envoy king queen prince author analyst bishop archbishop
    patriarch cardinal imam cleric priest pastor rabbi mufti""".split()
)
#: Nouns for ordinary people a reporter quotes ("a worker at a nearby shop said"): such a speaker is a person, so a
#: "she said" after it refers back to it.  Not titles: they never stand before a name as "President" does.
PEOPLE_NOUNS = frozenset(
    """worker resident residents witness eyewitness woman man survivor doctor nurse medic paramedic soldier fighter
    villager farmer trader vendor driver teacher student mother father neighbour neighbor owner shopkeeper volunteer
    rescuer journalist reporter activist refugee civilian relative wife husband son daughter brother sister
    vacationer holidaymaker tourist visitor guest passenger commuter motorist pedestrian shopper customer pensioner
    patient parent grandmother grandfather mourner worshipper onlooker bystander protester demonstrator evacuee boy
    girl teenager youth elder""".split()
)
#: Nouns that refer back to an organisation ("the ministry said", "it said").
ORG_NOMINALS = frozenset(
    """ministry agency military army government institute department office service company group organization
    organisation committee council campaign command police court administration party embassy firm
    university center centre foundation newspaper network regime commission bureau""".split()
)

#: Verb dependencies climbed to find the subject of a cue that has none of its own
#: ("…, saying", "… and said", "wants to say", "is likely to say").
_CLIMB = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "acomp", "dep"})
#: Entity types that are never speakers ("on Monday said"); "56 percent said" is a speaker.
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME"})
#: Finite verb tags: only these take the noun right before them as subject ("Beck joked").
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_NOUNISH = frozenset({"PROPN", "NOUN", "PRON"})


def speaker_head(doc: Doc, cue: int) -> int | None:
    """Return the token heading the speaker phrase of the cue verb, or None.

    Args:
        doc: the article view.
        cue: index of the cue token.

    Returns:
        The head token of the local speaker mention ("he", "who", "the ministry"), or None.
    """
    source = _according_to(doc, cue)
    if source is not None:
        return source
    head, settled = _local_head(doc, cue)
    if head is not None and (named := _name_closing_subject(doc, cue, head)) is not None:
        return named
    if head is not None or settled:
        return head
    for fallback in (_postposed, _appositive_subject, _participle_host, _inverted_after_clause):
        head = fallback(doc, cue)
        if head is not None:
            return head
    return None


def _name_closing_subject(doc: Doc, cue: int, head: int) -> int | None:
    """Return a person's name that closes a title's subject phrase right before the cue, else None.

    "The official representative of the ministry Maria Velmaz wrote": a translation without commas hangs the name
    under the title's "of" phrase; the name is the speaker, the title her role.
    """
    k = cue - 1
    t, h = doc.tok(k), doc.tok(head)
    if k <= head or t.pos != "PROPN" or t.ent_type != "PERSON" or h.pos != "NOUN":
        return None
    first = k
    while first - 1 > head and doc.tok(first - 1).pos == "PROPN" and doc.tok(first - 1).ent_type == "PERSON":
        first -= 1
    before = doc.tok(first - 1)
    if before.pos != "PROPN" or before.ent_type == "PERSON" or before.text.lower() in TITLE_WORDS:
        return None  # "The spokesman for Governor X said": the spokesman speaks; only a name run on after another
        #              proper name ("… of the MFA of Russia NAME wrote") is an apposition without its commas
    j, steps = k, 0
    while j != head and steps < 8:  # the name must hang from the title, inside its phrase
        nxt = doc.tok(j).head
        if nxt == j:
            return None
        j, steps = nxt, steps + 1
    return k if j == head else None


def noun_cue_speaker(doc: Doc, governing: int | None, owner: int | None) -> int | None:
    """Choose between the subject governing a noun cue and the cue's possessor.

    "Clinton's wins solidify her argument that ...": the governing subject names no one
    (a bare common noun), so the possessor voices the cue; a named subject wins
    ("Trump defended his plan").  Checked on PolNeAR train (noun cues with a possessor).

    Args:
        doc: the article view.
        governing: head of the subject of the verb the noun cue hangs from, or None.
        owner: the noun cue's possessor ("her", "Trump's"), or None.

    Returns:
        The speaker head token, or None.
    """
    if owner is not None and (governing is None or not names_someone(doc, governing)):
        return owner
    return governing


def names_someone(doc: Doc, k: int) -> bool:
    """True when token k is a name or lies in an entity mention (not a bare common noun)."""
    t = doc.tok(k)
    word = t.text.lower()
    if t.pos == "PRON":
        return word in PERSON_PRONOUNS | GROUP_PRONOUNS | RELATIVE | {"i", "we", "you"}
    if t.pos == "NOUN" and t.lemma.lower() in PERSON_NOMINALS | ORG_NOMINALS | _PEOPLE_NOUNS:
        return True  # "The candidate revisited his promise"
    return t.pos == "PROPN" or any(m.start <= t.start < m.end for m, _ in doc.mentions_in(t.start, t.end))


def _according_to(doc: Doc, cue: int) -> int | None:
    """The source named by "according to X" (not the subject of the clause it hangs on)."""
    if doc.tok(cue).lemma.lower() != "accord":
        return None
    for prep in doc.kids(cue, "prep"):
        objs = [k for k in doc.kids(prep, "pobj") if _usable(doc, k)]
        if doc.tok(prep).text.lower() == "to" and objs:
            return objs[0]
    return None


def _local_head(doc: Doc, cue: int) -> tuple[int | None, bool]:
    """Return (speaker head, settled) from the cue's own parse; settled means "nobody is named"."""
    perfect = _contracted_perfect(doc, cue)
    if perfect is not None:
        return perfect, True
    j = cue
    for _ in range(5):  # pcomp -> prep -> verb needs two steps
        # a climbed-to passive shares its grammatical subject ("X was angered by Y and predicted")
        subj = _subject_of(doc, j, j != cue or doc.tok(cue).lemma in ("ask", "quote"))
        if subj is not None:
            return (None, True) if _impersonal(doc, j, subj) else (subj, True)
        if j == cue and _agentless(doc, cue):
            return _passive_subject(doc, cue), True  # "is expected to", "Asked about it, ...", "a group known as": nobody is named
        t = doc.tok(j)
        if t.dep == "relcl" and t.head != j:
            return t.head, True
        if j == cue and t.dep == "xcomp" and t.head != j:  # "brought his brother to vouch for": object control
            objs = [o for o in doc.kids(t.head, "dobj") if o < cue and _agent_like(doc, o)]
            if objs:
                return objs[0], True
        if t.dep == "acl" and t.head != j and doc.tok(t.head).pos in ("PROPN", "PRON", "NOUN"):
            if _thing_object(doc, t.head):
                j = doc.tok(t.head).head  # "the council approved a resolution condemning X": the council speaks
                continue
            return t.head, True  # "Trump, citing the polls" / "a statement saying": the noun speaks
        if t.dep == "conj" and t.head != j:
            own = _stranded_subject(doc, j)
            if own is not None:
                return own, True
        if (t.dep in _CLIMB or (t.dep == "advmod" and t.pos == "ADV")) and t.head != j:  # "went so far as to say"
            j = t.head
            continue
        return None, False
    return None, False


def _stranded_subject(doc: Doc, verb: int) -> int | None:
    """The subject of a conjoined clause that the parser hung on the first clause's verb.

    "X was a base, and social media videos showed Y": the parser makes "videos" a ``conj`` of
    "was" and leaves "showed" without a subject, so climbing to "was" would name X.  A noun
    conjunct of the head verb standing between the head and this verb, after a coordinator,
    is this verb's own subject.
    """
    head = doc.tok(verb).head
    nouns = [k for k in doc.kids(head, "conj") if head < k < verb and doc.tok(k).pos in _NOUNISH and _usable(doc, k)]
    if not nouns:
        return None
    k = max(nouns)
    opened = any(doc.tok(c).dep == "cc" for c in doc.kids(head, "cc") if c < k)
    return k if opened else None


def _contracted_perfect(doc: Doc, verb: int) -> int | None:
    """The subject of "He's said that C": a contracted "has" the parser took for a passive "is"."""
    if not doc.kids(verb, "ccomp") or not any(doc.tok(a).text.lower() in ("'s", "’s") for a in doc.kids(verb, "auxpass")):
        return None
    subj = [k for k in doc.kids(verb, "nsubjpass") if _usable(doc, k)]
    impersonal = ("it", "there", "that", "this", "what", "which", "who")
    return subj[0] if subj and doc.tok(subj[0]).text.lower() not in impersonal else None


def _agent_like(doc: Doc, k: int) -> bool:
    """True for a name, a personal pronoun or a people/body noun ("them", "Republicans", "officials")."""
    t = doc.tok(k)
    if t.pos == "PROPN" or (t.pos == "PRON" and t.text.lower() not in ("it", "that", "this", "what")):
        return True
    return t.lemma.lower() in PERSON_NOMINALS | ORG_NOMINALS | _PEOPLE_NOUNS


def _thing_object(doc: Doc, noun: int) -> bool:
    """True for a common-noun object that is not a person or body ("approved a resolution", "withdrew notices")."""
    t = doc.tok(noun)
    head = doc.tok(t.head)
    if t.pos != "NOUN" or t.dep != "dobj" or head.pos not in ("VERB", "AUX"):
        return False
    return t.lemma.lower() not in PERSON_NOMINALS | ORG_NOMINALS | _PEOPLE_NOUNS


#: Nouns for people, which speak for themselves when a participle hangs on them
#: (list chosen from PolNeAR train errors, articles 0-400).
_PEOPLE_NOUNS = frozenset("member people supporter voter resident protester critic activist expert parent".split())


#: Verbs put before their subject after a clause ("…, said a former aide"); others take an object there.
_INVERTED = frozenset({"say", "add"})
#: Quote marks that close a quotation right before a postposed speaker ("…,” added a voter).
_CLOSERS = frozenset({"”", "''", '"', "’"})


def _postposed(doc: Doc, cue: int) -> int | None:
    """The object the parser made of a speaker after the cue ("…,” added a local official)."""
    if doc.tok(cue).tag not in _FINITE or cue == 0:
        return None
    k = cue - 1
    while k >= 0 and doc.tok(k).text == ",":
        k -= 1
    if k < 0 or doc.tok(k).text not in _CLOSERS:
        return None
    after = [c for c in doc.kids(cue, "dobj", "attr", "npadvmod") if c > cue and _usable(doc, c)]
    if after and doc.tok(min(after)).pos in _NOUNISH:
        return min(after)
    return _name_after(doc, cue)


def _inverted_after_clause(doc: Doc, cue: int) -> int | None:
    """The name after an inverted reporting verb that follows a clause ("He had a voice in it, said a former aide")."""
    t = doc.tok(cue)
    if t.tag not in _FINITE or cue == 0 or doc.tok(cue - 1).text != "," or t.lemma not in _INVERTED:
        return None
    return _name_after(doc, cue)


def _name_after(doc: Doc, cue: int) -> int | None:
    """The noun phrase right after an inverted cue whose parse hangs it elsewhere ("…,” said retired judge Ann Roe, half joking)."""
    k, n = cue + 1, len(doc.parse.tokens)
    while k < n and (doc.tok(k).pos in ("DET", "ADJ") or doc.tok(k).dep == "amod") and doc.tok(k).sent == doc.tok(cue).sent:
        k += 1
    if k >= n or not (doc.tok(k).pos in ("PROPN", "NOUN") or misread_name(doc, k)) or not _usable(doc, k) or doc.text[doc.tok(k).end : doc.tok(k).end + 1] == "-":
        return None  # "said matter-of-factly" is a manner, not a speaker
    while k + 1 < n and doc.tok(k + 1).pos in ("PROPN", "NOUN") and doc.tok(k).dep in ("compound", "flat"):
        k += 1
    head = doc.tok(k).head
    if doc.tok(k).dep in ("nsubj", "nsubjpass") and head > k and all(doc.tok(j).text != "," for j in range(k, head)):
        return None  # "…, said the bridge was hit": the subject of the reported clause
    return k


def _appositive_subject(doc: Doc, cue: int) -> int | None:
    """The name the parser hung as an apposition on an opening phrase ("In a call on Monday, Col. X, a spokesman, said")."""
    t = doc.tok(cue)
    comma = cue - 1
    while comma > 0 and doc.tok(comma).pos == "ADV" and doc.tok(comma).dep == "advmod":
        comma -= 1  # "…, Paul Manafort, bluntly suggested"
    if t.tag not in _FINITE or comma < 1 or doc.tok(comma).text != ",":
        return None
    sent_first = doc.parse.sentences[t.sent].first_token
    end = comma - 1
    chain = [k for k in range(sent_first, end + 1) if doc.tok(k).dep == "appos" and doc.right[k] == end and doc.tok(k).head < k]
    if not chain or not _usable(doc, chain[0]) or doc.tok(chain[0]).pos not in _NOUNISH:
        return None
    return chain[0]


#: Dependencies of a participial adjunct ("…, writing “…”", "In addition to stating that …").
_ADJUNCT_DEPS = frozenset({"advcl", "xcomp", "pcomp", "conj", "nsubj", "dep", "npadvmod", "ccomp", "pobj"})


def _participle_host(doc: Doc, cue: int) -> int | None:
    """The subject of the clause a participle cue hangs from, when the parse gives it none locally.

    "Flea shared the news, writing “…”": the participle's speaker is the subject of the
    sentence's main verb (outside the quote).
    """
    t = doc.tok(cue)
    if t.tag != "VBG" or doc.kids(cue, "aux", "auxpass") or t.dep not in _ADJUNCT_DEPS:
        return None
    if t.dep == "pcomp" and doc.tok(doc.tok(t.head).head).pos == "NOUN":
        noun = doc.tok(t.head).head  # "their strategy of attacking ...": the possessor acts
        poss = doc.kids(noun, "poss")
        if poss or doc.kids(noun, "det"):
            return poss[0] if poss else None
    j = cue
    for _ in range(8):
        if doc.tok(j).head == j:
            break
        j = doc.tok(j).head
    if j == cue or doc.in_quote(doc.tok(j).start) or doc.tok(j).pos not in ("VERB", "AUX"):
        return None
    head, _ = _local_head(doc, j)
    return head


#: Verbs whose expletive "it" subject names nobody ("it appears that ...").
_IMPERSONAL = frozenset({"appear", "seem", "emerge", "transpire"})


def _impersonal(doc: Doc, verb: int, subj: int) -> bool:
    """True for "it appears / seems that ...": the subject is an expletive, not a speaker."""
    return doc.tok(subj).text.lower() in ("it", "there") and doc.tok(verb).lemma in _IMPERSONAL


def _agentless(doc: Doc, verb: int) -> bool:
    """True for a passive cue without a "by" agent ("was announced", "Asked about X, ...")."""
    t = doc.tok(verb)
    if t.lemma in ("ask", "quote") and doc.kids(verb, "nsubjpass"):
        return False  # "X was asked": PolNeAR gives the asked person as the source
    if any(doc.tok(a).text.lower() in ("having", "has", "have", "had") for a in doc.kids(verb, "aux")):
        return False  # "Having announced that ...": perfect, not passive
    if t.dep == "acl" and doc.tok(t.head).dep == "ROOT" and (doc.kids(verb, "ccomp") or _after_quote(doc, t.head)):
        return False  # "A poll found that C" / "“…!” the nominee tweeted" parsed as a noun with no verb
    return t.tag == "VBN" and (bool(doc.kids(verb, "auxpass", "nsubjpass")) or t.dep in ("advcl", "acl"))


#: Dependencies of the words before a noun inside its own phrase ("the city's former mayor").
_PREMODIFIERS = frozenset({"det", "amod", "poss", "case", "compound", "nummod", "npadvmod", "nmod"})


def _after_quote(doc: Doc, noun: int) -> bool:
    """True when the noun's phrase follows a closing quote mark ("“…,” the 43-year-old asked")."""
    k = noun - 1
    while k >= 0 and (doc.tok(k).dep in _PREMODIFIERS or doc.tok(k).text == ","):
        k -= 1
    return k >= 0 and doc.tok(k).text in _CLOSERS


#: Passive participles that state the subject's own stance ("voters are split on", "she is convinced"),
#: unlike "X is expected to" (someone unnamed expects).  Experiencer verbs; checked on PolNeAR train.
_STANCE_PASSIVES = frozenset(
    "convince persuade assure split divide worry concern allow satisfy disappoint alarm frustrate shock surprise "
    "impress encourage tempt determine commit dedicate oppose".split()
)


def _passive_subject(doc: Doc, verb: int) -> int | None:
    """The subject of a stance passive ("voters are split on", "she is assured of"): PolNeAR's source."""
    if doc.tok(verb).lemma.lower() not in _STANCE_PASSIVES:
        return None
    subj = [k for k in doc.kids(verb, "nsubjpass") if _usable(doc, k) and doc.tok(k).text.lower() not in ("it", "there")]
    return subj[0] if subj else None


def _usable(doc: Doc, k: int) -> bool:
    """True for a token that can head a speaker: not quoted words, not a date or number."""
    t = doc.tok(k)
    aged = t.text.lower() == "old"  # "the 46-year-old said": an age phrase tagged DATE names a person
    counted = t.pos == "NUM" and t.dep == "nsubj" and not doc.kids(k, "prep")  # "43 said the same"
    return not doc.in_quote(t.start) and (t.ent_type not in _NOT_SPEAKER_ENTS or aged or counted)


def _unquoted_holder(doc: Doc, k: int) -> int | None:
    """A quoted name's unquoted head noun ("the Telegram channel “Rybar” wrote": the channel speaks).

    The quoted name is not a quotation (it is skipped as a term), so the noun that carries it stands
    for the speaker; any other subject is returned unchanged.
    """
    if not doc.in_quote(doc.tok(k).start):
        return k
    held = [c for c in doc.kids(k, "compound", "nmod", "appos") if c < k and not doc.in_quote(doc.tok(c).start)]
    return max(held) if held else k


def _subject_of(doc: Doc, verb: int, passive_ok: bool) -> int | None:
    """Return the local subject of ``verb``: its nsubj nearest the verb, a passive agent, or the adjacent noun."""
    deps = ("nsubj", "nsubjpass") if passive_ok else ("nsubj",)
    subj = [k for k in (_unquoted_holder(doc, k) for k in doc.kids(verb, *deps)) if k is not None and _usable(doc, k)]
    if subj:
        before = [k for k in subj if k < verb]
        return _past_dateline(doc, max(before), verb) if before else min(subj)
    for csubj in doc.kids(verb, "csubj"):  # "Majorities of voters going to the polls said"
        inner = [k for k in doc.kids(csubj, "nsubj") if _usable(doc, k)]
        if inner:
            return inner[0]
    for agent in doc.kids(verb, "agent"):  # "was criticized by his rivals"
        objs = doc.kids(agent, "pobj")
        if objs:
            return objs[0]
    return _adjacent_noun(doc, verb)


def _adjacent_noun(doc: Doc, verb: int) -> int | None:
    """The noun right before the verb when the parser gave it no subject ("Sen. X (D-MA) said", "Bob, 58, told")."""
    if doc.tok(verb).tag not in _FINITE or doc.kids(verb, "nsubjpass", "expl", "csubjpass"):
        return None
    sent_first = doc.parse.sentences[doc.tok(verb).sent].first_token
    k = verb - 1
    while k >= sent_first:
        t = doc.tok(k)
        if t.pos == "ADV" and misread_name(doc, k):
            break  # "Jolly said": a surname the tagger took for an adverb
        if t.pos in ("ADV", "AUX") or (t.pos == "PART" and t.text.lower() != "to") or t.tag == "_SP":
            k -= 1
        elif t.text == ")":  # a parenthetical "(D-MA)" between name and verb
            while k >= sent_first and doc.tok(k).text != "(":
                k -= 1
            k -= 1
        elif t.text == "," and k - 2 >= sent_first and doc.tok(k - 1).pos == "NUM" and doc.tok(k - 2).text == ",":
            k -= 3  # an age between commas: "Ramos, 58, told"
        else:
            break
    if k < sent_first or not (doc.tok(k).pos in _NOUNISH | {"NUM"} or misread_name(doc, k)) or not _usable(doc, k):
        return None
    t = doc.tok(k)
    if t.dep == "pobj" and doc.tok(doc.tok(t.head).head).pos in ("VERB", "AUX"):
        return None  # "has in the past described": the noun belongs to an adverbial phrase
    return k


def misread_name(doc: Doc, k: int) -> bool:
    """True for a capitalised adverb that the text also capitalises mid-sentence: a name ("Skelly", "Jolly").

    Args:
        doc: the article view.
        k: the token index.

    Returns:
        Whether the token is a name the tagger read as an adverb.
    """
    t = doc.tok(k)
    if t.pos != "ADV" or len(t.text) < 3 or not t.text.istitle():
        return False
    for m in re.finditer(rf"\b{re.escape(t.text)}\b", doc.text):
        before = doc.text[: m.start()].rstrip(" \t")
        if m.start() != t.start and before and before[-1] not in _SENTENCE_OPENERS:
            return True
    return False


#: Characters after which any word is capitalised (so a capital there is no evidence of a name).
_SENTENCE_OPENERS = frozenset('.!?\n"“‘\'(:;—–-')


def _past_dateline(doc: Doc, subj: int, verb: int) -> int:
    """Return the real subject when the parser took a dateline ("CLEVELAND (AP) — X said") for it."""
    breaks = [k for k in range(subj + 1, verb) if doc.tok(k).text in ("—", "–", "(", "--")]
    sent = doc.tok(subj).sent
    if not breaks or sent != doc.tok(verb).sent or doc.left[subj] != doc.parse.sentences[sent].first_token:
        return subj
    for k in range(verb - 1, breaks[-1], -1):  # the noun right before the verb heads the subject phrase
        t = doc.tok(k)
        if t.ent_type in _NOT_SPEAKER_ENTS:  # "X on Monday hit": skip the date and its preposition
            continue
        if t.pos in ("PROPN", "NOUN", "PRON"):
            return k
        if t.pos not in ("ADV", "AUX", "PART", "ADP"):
            break
    return subj


#: How the parser hangs the speaker of "C, X told reporters" when it reads the cue as a second verb of C.
_STRANDED_SPEAKER_DEPS = frozenset({"npadvmod", "appos", "nsubj", "dep", "attr", "oprd"})


#: Dependencies inside a noun phrase, climbed from a name to the phrase's top ("Starukh" -> "Administration" -> "of"
#: -> "head" in "the head of the ... Administration, Oleksandr Starukh").
_NP_DEPS = frozenset({"appos", "pobj", "prep", "compound", "amod", "nmod", "poss"})


def _stranded_apposition(doc: Doc, v: int, h: int, k: int) -> tuple[int, int, int] | None:
    """The speaker phrase the parser hung deep inside the content ("..., wounding 50, the head of the X
    Administration, Oleksandr Starukh, said on Telegram": the phrase parsed as a second object of "wounding").

    The name right before the cue's comma is the speaker; the noun phrase holding it must start after a comma and end
    at the name; the content is the clause before that comma.
    """
    if not names_someone(doc, k) or doc.tok(k).pos != "PROPN":
        return None
    n = k
    while doc.tok(n).dep in _NP_DEPS and doc.tok(n).head < n <= k and doc.tok(n).head > h:
        n = doc.tok(n).head
    if n == k or doc.tok(n).pos not in ("NOUN", "PROPN") or doc.right[n] != k:
        return None
    if doc.left[n] < 1 or doc.tok(doc.left[n] - 1).text != ",":
        return None
    first, last = doc.left[h], doc.left[n] - 2
    while last > first and doc.tok(last).pos == "PUNCT":
        last -= 1
    return (first, last, k) if last > first else None


def stranded_tail_cue(doc: Doc, v: int) -> tuple[int, int, int] | None:
    """Return (first, last, speaker) for "C, X, head of Y, told reporters" parsed as C's second verb.

    The small model makes the cue a conjunct of C's verb with no subject, and hangs the name before it on
    C's verb ("Saidou" as an adverbial noun).  With no "and" before the cue and commas around the name,
    the name is the speaker and everything before it the content.

    Args:
        doc: the article view.
        v: the cue verb.

    Returns:
        The content's first and last token and the speaker's head, or None.
    """
    t = doc.tok(v)
    if t.dep != "conj" or t.head > v or doc.kids(v, "nsubj", "nsubjpass", "cc", "ccomp"):
        return None
    h, k = t.head, v - 1
    while k > h and doc.tok(k).pos == "PUNCT":
        k -= 1
    s = k
    while doc.tok(s).head != h and h < doc.tok(s).head < v:
        s = doc.tok(s).head
    if doc.tok(s).head != h or doc.tok(s).dep not in _STRANDED_SPEAKER_DEPS or doc.right[s] < k:
        return _stranded_apposition(doc, v, h, k)
    if doc.left[s] < 1 or doc.tok(doc.left[s] - 1).text != "," or not names_someone(doc, s):
        return None
    first, last = doc.left[h], doc.left[s] - 2
    while last > first and doc.tok(last).pos == "PUNCT":
        last -= 1
    return (first, last, s) if last > first else None
