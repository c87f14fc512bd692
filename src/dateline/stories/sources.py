"""Independent versus derivative sources: who got a claim from whom.

When several articles report one claim, they may all rest on one originator: a site
reposting an AP story, which cites the Institute for the Study of War, which cites
social media videos, is *one* chain, however many sites repeat it.  This module reads
the attribution hops each article states (its dateline agency, "according to X",
"X reported", "citing X", "X, which cited Y"), adds the hop from a copy to the original
of its story, and counts the chains that share no upstream source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlparse

from dateline.model import Article
from dateline.stories.model import ChainLink, SourceChain, SourceCount, Story
from dateline.stories.normalise import fold

_CAP = r"(?:[A-Z](?:[\w'&-]|\.(?=\w))*)"
_ORG_NOUN = r"(?:\s+(?:air force|armed forces|military|army|navy|ministry|government|police|officials|authorities|media|news agency|agency|office|spokesman|spokeswoman))?"
_NAME = rf"(?:the\s+)?{_CAP}(?:\s+(?:(?:of|for|the|on|and)\s+)*{_CAP})*{_ORG_NOUN}"
_TERMINAL = r"(?:social media (?:videos?|posts?|footage|accounts?)|(?:videos?|posts?|footage) (?:posted|shared|circulating) (?:on|online)\w*(?:\s+(?:social media|Telegram|X))?|witnesses|local residents|Telegram channels?)"
_SRC = rf"(?P<src>{_TERMINAL}|{_NAME})"
#: Attribution patterns: (regex, cue).  A named group ``teller`` is the one who cites;
#: without it the article (its agency, else its site) is the teller.
PATTERNS = (
    (re.compile(rf"(?P<teller>{_NAME}),?\s+(?:which|who)\s+cited\s+{_SRC}"), "which cited"),
    (re.compile(rf"(?P<teller>{_NAME})\s+(?:said|reported|wrote|estimated|assessed),?\s+citing\s+{_SRC}"), "citing"),
    (re.compile(rf"(?P<teller>{_NAME}),\s+citing\s+{_SRC}"), "citing"),
    (re.compile(rf"\baccording to\s+{_SRC}"), "according to"),
    (re.compile(rf"\bciting\s+{_SRC}"), "citing"),
    (re.compile(rf"(?P<src>{_NAME})\s+(?:reported|first reported)\b"), "reported"),
)
_ALIASES = {"associated press": "AP", "the associated press": "AP", "ap": "AP", "reuters": "Reuters",
            "agence france-presse": "AFP", "afp": "AFP"}
_SMALL = {"of", "for", "the", "on", "and"}


def node_key(name: str) -> str:
    """Return one key for the spellings of one source ("the Institute for the Study of War" = "ISW")."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    if name.lower() in _ALIASES:
        return _ALIASES[name.lower()]
    words = [w for w in name.split() if w.lower() not in _SMALL]
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return "".join(w[0] for w in words).upper()
    return name if name.isupper() else name.lower()


def site_of(article: Article) -> str:
    """Return the site an article came from (URL host, else its source path)."""
    ref = article.url or article.source or "article"
    return urlparse(ref).netloc or ref


def links(article_id: str, article: Article) -> list[ChainLink]:
    """Return the attribution hops an article states, starting from its own site."""
    site = site_of(article)
    out: list[ChainLink] = []
    teller = site
    if article.agency:
        out.append(ChainLink(site, article.agency, f"({article.agency}) dateline", article_id))
        teller = article.agency
    text = fold(article.text)
    taken: list[tuple[int, int]] = []
    for rx, cue in PATTERNS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            who = m.groupdict().get("teller") or teller
            if node_key(who) == node_key(m.group("src")):
                continue
            if who is not teller and node_key(who) != node_key(teller) and not any(
                    node_key(x.source) == node_key(who) for x in out):
                out.append(ChainLink(teller, who, cue, article_id))  # the article relays the teller
            out.append(ChainLink(who, m.group("src"), cue, article_id))
    return out


def count_sources(items: Iterable[tuple[str, Article]], stories: Sequence[Story] = ()) -> SourceCount:
    """Count the independent originators among articles reporting one claim, and show each chain.

    Args:
        items: ``(article_id, Article)`` pairs that report the claim.
        stories: stories these articles belong to; a copy then hops to its story's original.

    Returns:
        The number of reports, of independent chains, and the chains themselves.
    """
    items = list(items)
    arts = dict(items)
    hops = {aid: links(aid, art) for aid, art in items}
    for s in stories:
        if s.original not in arts:
            continue
        up = arts[s.original].agency or site_of(arts[s.original])
        for m in s.members:
            if m.article_id in hops and m.article_id != s.original:
                site = site_of(arts[m.article_id])
                if node_key(up) != node_key(site) and not any(node_key(h.source) == node_key(up) for h in hops[m.article_id]):
                    hops[m.article_id].insert(0, ChainLink(site, up, f"copy of story {s.id}", m.article_id))
    return _components(items, hops)


def _chain(aid: str, art: Article, hops: dict[str, list[ChainLink]]) -> list[str]:
    """Follow the hops from the article's site as far as they go; return node names."""
    nxt: dict[str, str] = {}
    for h in hops[aid]:
        nxt.setdefault(node_key(h.teller), h.source)
    chain, seen = [site_of(art)], {node_key(site_of(art))}
    while node_key(chain[-1]) in nxt and node_key(nxt[node_key(chain[-1])]) not in seen:
        chain.append(nxt[node_key(chain[-1])])
        seen.add(node_key(chain[-1]))
    return chain


def _components(items: list[tuple[str, Article]], hops: dict[str, list[ChainLink]]) -> SourceCount:
    chains = {aid: _chain(aid, art, hops) for aid, art in items}
    parent = {aid: aid for aid, _ in items}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    owner: dict[str, str] = {}
    for aid, chain in chains.items():
        for node in chain[1:]:  # a shared upstream source makes two reports one chain
            k = node_key(node)
            if k in owner:
                parent[find(aid)] = find(owner[k])
            else:
                owner[k] = aid
    groups: dict[str, list[str]] = {}
    for aid, _ in items:
        groups.setdefault(find(aid), []).append(aid)
    out = []
    for members in groups.values():
        longest = max((chains[a] for a in members), key=len)
        out.append(SourceChain(longest[-1], tuple(longest), tuple(members),
                               tuple(h for a in members for h in hops[a])))
    out.sort(key=lambda c: (-len(c.articles), c.originator))
    return SourceCount(len(items), len(out), tuple(out))
