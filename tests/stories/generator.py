"""Generate realistic copies of wire stories, with a record of every change injected.

A copy is made the way content farms make them: the "(AP)" credit stripped, words
swapped from a small synonym table (quotes left alone), paragraphs reordered or dropped,
names garbled by transliteration slips (kh→h, y→i, i→y, doubled letters, dropped
vowels, v→w), figures changed, site boilerplate added.  The wire's own updated
"breaking" versions add a paragraph and revise a figure.  Every garble and changed
figure is recorded so that tests can check the diff reports it.

    >>> corpus = generate(copies_per_story=10, seed=7)
    >>> len(corpus.articles) > 200
    True
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from tests.stories.wire_texts import STORIES, UNRELATED

SYNONYMS: dict[str, list[str]] = {
    "said": ["stated", "reported", "announced", "noted"], "killing": ["leaving dead"], "killed": ["left dead"],
    "wounded": ["injured", "hurt"], "injured": ["wounded", "hurt"], "struck": ["hit", "slammed into"],
    "hit": ["struck", "pounded"], "attack": ["assault", "strike"], "attacks": ["assaults", "strikes"],
    "residents": ["locals", "inhabitants"], "people": ["individuals", "persons"], "city": ["town", "municipality"],
    "officials": ["authorities"], "forces": ["troops"], "troops": ["soldiers", "forces"], "early": ["in the early hours of"],
    "began": ["started", "commenced"], "fled": ["escaped", "left"], "homes": ["houses", "residences"],
    "rescuers": ["rescue workers", "emergency crews"], "damaged": ["harmed", "wrecked"], "destroying": ["wiping out"],
    "according": ["as per"], "nearby": ["close by", "neighbouring"], "about": ["roughly", "around"],
    "main": ["principal", "primary"], "largest": ["biggest"], "heavy": ["intense", "fierce"],
    "fighting": ["combat", "clashes"], "intensified": ["escalated"], "warned": ["cautioned"], "claimed": ["asserted"],
    "remained": ["stayed"], "described": ["characterised"], "key": ["crucial", "vital"], "since": ["ever since"],
    "hospital": ["medical center"], "hospitals": ["medical centers"], "building": ["structure"], "statement": ["declaration"],
    "reported": ["said", "recorded"], "ordered": ["instructed"], "children": ["kids", "minors"], "families": ["households"],
    "week": ["seven days"], "strikes": ["attacks", "raids"], "strike": ["raid", "attack"], "severe": ["serious"],
    "several": ["a number of", "various"], "area": ["zone"], "region": ["province", "area"], "moved": ["relocated"],
    "carrying": ["transporting"], "captured": ["seized", "taken"], "denied": ["rejected"], "urged": ["called on"],
    "evacuate": ["move out"], "evacuation": ["removal"], "thousands": ["many thousands"], "crowded": ["packed", "busy"],
    "massive": ["huge"], "blast": ["explosion"], "explosions": ["blasts"], "repelled": ["pushed back", "fought off"],
    "working": ["toiling"], "searching": ["looking"], "launched": ["fired"], "fired": ["launched"], "center": ["centre", "heart"],
    "major": ["significant", "big"], "victory": ["win", "triumph"], "withdrawn": ["pulled back"], "advanced": ["moved forward"],
}

BOILERPLATE = [
    "Subscribe to our newsletter for the latest updates.",
    "Stay with Frontline Daily for more updates from the region.",
    "This story is developing and will be updated.",
    "Disclaimer: the views expressed here are those of the original authors.",
    "Join our channel for breaking alerts around the clock.",
    "Photos and video from the scene are available to our premium members.",
]
SITES = ["frontline-daily", "worldwatch24", "newsflash-hub", "globalpulse", "dailydigest-now", "conflictwire",
         "eastnews-today", "the-briefing", "headline-world", "trendnews365"]
AGENCY_SITES = {"AP": "apnews", "Reuters": "reuters", "AFP": "afp"}
UPDATE_LINES = [
    "Later in the day, officials said the number of casualties had risen as more victims were found.",
    "The toll is expected to rise as search operations continue into the night, emergency services said.",
    "In an update, authorities said investigators had begun documenting the damage for possible war crimes cases.",
]


@dataclass(frozen=True)
class Garble:
    article_id: str
    original: str  # the correct token ("Hrytsenko")
    garbled: str  # what the copy prints ("Hritsenko")
    entity: str  # the name it belongs to ("Oleksiy Hrytsenko")
    method: str


@dataclass(frozen=True)
class ChangedNumber:
    article_id: str
    original: str
    changed: str


@dataclass(frozen=True)
class GenArticle:
    id: str
    story: int | None  # index into STORIES, None for unrelated articles
    kind: str  # original | repost | light | spun | heavy | breaking | unrelated
    text: str
    title: str
    published: dt.date
    url: str
    garbles: tuple[Garble, ...] = ()
    numbers: tuple[ChangedNumber, ...] = ()


@dataclass
class Corpus:
    articles: list[GenArticle] = field(default_factory=list)
    originals: dict[int, str] = field(default_factory=dict)  # story index -> article id

    @property
    def garbles(self) -> list[Garble]:
        return [g for a in self.articles for g in a.garbles]


def original_text(story: dict) -> str:
    """Return the wire text of a source story, dateline first."""
    lede = f"{story['place']} ({story['agency']}) — {story['paras'][0]}"
    return "\n\n".join([lede, *story["paras"][1:]])


def spin(text: str, rng: random.Random, rate: float) -> str:
    """Swap ordinary words for synonyms at ``rate``, leaving quotes and names untouched."""
    parts = re.split(r"(“[^”]*”)", text)
    for k in range(0, len(parts), 2):
        parts[k] = re.sub(r"\b[a-z]+\b", lambda m: _swap(m.group(0), rng, rate), parts[k])
    return "".join(parts)


def _swap(word: str, rng: random.Random, rate: float) -> str:
    options = SYNONYMS.get(word)
    return rng.choice(options) if options and rng.random() < rate else word


def _at(tok: str, letters: str, rng: random.Random) -> int | None:
    spots = [i for i in range(1, len(tok)) if tok[i] in letters]
    return rng.choice(spots) if spots else None


def _garble_token(tok: str, rng: random.Random) -> tuple[str, str] | None:
    """Return (garbled token, method) using one transliteration slip, or None."""
    methods = []
    if "kh" in tok.lower():
        methods.append(("kh->h", re.sub("kh", "h", re.sub("^Kh", "H", tok), count=1)))
    for a, b, name in (("y", "i", "y->i"), ("i", "y", "i->y"), ("v", "w", "v->w")):
        i = _at(tok[:-1] if a == "i" else tok, a, rng)
        if i is not None:
            methods.append((name, tok[:i] + b + tok[i + 1:]))
    cons = [i for i in range(1, len(tok) - 1) if tok[i] in "lnrstkm" and tok[i - 1] != tok[i] != tok[i + 1]]
    if cons:
        i = rng.choice(cons)
        methods.append(("double", tok[:i] + tok[i] + tok[i:]))
    vowels = [i for i in range(1, len(tok) - 1) if tok[i] in "aeiou" and tok[i - 1] not in "aeiou"]
    if vowels:
        i = rng.choice(vowels)
        methods.append(("drop vowel", tok[:i] + tok[i + 1:]))
    return rng.choice(methods)[::-1] if methods else None  # (garbled, method)


def garble(text: str, aid: str, names: list[str], rng: random.Random, count: int) -> tuple[str, list[Garble]]:
    """Garble ``count`` distinct name tokens present in ``text``; return the text and the record."""
    pool = [(t, n) for n in names for t in n.split() if len(t) >= 5 and t.isalpha() and re.search(rf"\b{t}\b", text)]
    rng.shuffle(pool)
    done: list[Garble] = []
    for tok, name in pool:
        if len(done) >= count or any(g.original == tok for g in done):
            continue
        out = _garble_token(tok, rng)
        if not out or out[0] == tok or re.search(rf"\b{out[0]}\b", text):
            continue
        text = re.sub(rf"\b{tok}\b", out[0], text)
        done.append(Garble(aid, tok, out[0], name, out[1]))
    return text, done


def change_number(paras: list[str], aid: str, rng: random.Random) -> tuple[list[str], list[ChangedNumber]]:
    """Change one figure in one paragraph (a revised toll, a typo); record it."""
    spots = [(k, m) for k, p in enumerate(paras) for m in re.finditer(r"(?<![\w,.])\d{2,3}(?![\w,.])", p)]
    if not spots:
        return paras, []
    k, m = rng.choice(spots)
    new = str(int(m.group(0)) + rng.choice([2, 3, 5, 7, 10]))
    paras = paras[:k] + [paras[k][:m.start()] + new + paras[k][m.end():]] + paras[k + 1:]
    return paras, [ChangedNumber(aid, m.group(0), new)]


#: Copy kinds: (spin rate, garbles, drop a paragraph?, reorder?, change a figure?, keep the dateline?)
KINDS = {
    "repost": (0.0, (0, 1), 0.0, False, 0.0, 0.7),
    "light": (0.15, (1, 2), 0.3, False, 0.2, 0.2),
    "spun": (0.5, (1, 3), 0.5, True, 0.3, 0.0),
    "heavy": (0.85, (2, 3), 0.8, True, 0.6, 0.0),
}
KIND_MIX = ["repost", "light", "light", "spun", "spun", "spun", "heavy", "heavy", "breaking"]


def make_copy(story: dict, si: int, aid: str, kind: str, rng: random.Random) -> GenArticle:
    """Make one copy of ``story`` of the given kind."""
    base = dt.date.fromisoformat(story["date"])
    if kind == "breaking":
        return _breaking(story, si, aid, base, rng)
    rate, (g_lo, g_hi), p_drop, reorder, p_num, p_dateline = KINDS[kind]
    paras = list(story["paras"])
    numbers: list[ChangedNumber] = []
    if rng.random() < p_num:
        paras, numbers = change_number(paras, aid, rng)
    body = paras[1:]
    if reorder:
        rng.shuffle(body)
    if body and rng.random() < p_drop:
        body.pop(rng.randrange(len(body)))
    lede = paras[0]
    if rng.random() < p_dateline:
        lede = f"{story['place']} ({story['agency']}) — {lede}"
    paras = [lede, *body]
    if kind != "heavy" or rng.random() < 0.5:
        paras.insert(rng.choice([0, len(paras)]), rng.choice(BOILERPLATE))
    text = spin("\n\n".join(paras), rng, rate)
    text, garbles = garble(text, aid, story["names"], rng, rng.randint(g_lo, g_hi))
    numbers = [n for n in numbers if re.search(rf"\b{n.changed}\b", text)]
    site = rng.choice(SITES)
    return GenArticle(aid, si, kind, text, story["title"], base + dt.timedelta(days=rng.choice([0, 1, 1, 2, 3])),
                      f"https://{site}.example/{aid}", tuple(garbles), tuple(numbers))


def _breaking(story: dict, si: int, aid: str, base: dt.date, rng: random.Random) -> GenArticle:
    paras, numbers = change_number(list(story["paras"]), aid, rng)
    paras.insert(2, rng.choice(UPDATE_LINES))
    text = original_text({**story, "paras": paras})
    site = AGENCY_SITES[story["agency"]]
    return GenArticle(aid, si, "breaking", text, "UPDATE: " + story["title"], base + dt.timedelta(days=rng.choice([0, 1])),
                      f"https://{site}.example/{aid}", (), tuple(numbers))


def generate(copies_per_story: int = 10, seed: int = 0, *, unrelated: bool = True) -> Corpus:
    """Generate originals, ``copies_per_story`` copies of each, and the unrelated articles."""
    rng = random.Random(seed)
    corpus = Corpus()
    n = 0
    for si, story in enumerate(STORIES):
        n += 1
        aid = f"a{n:05d}"
        corpus.originals[si] = aid
        corpus.articles.append(GenArticle(aid, si, "original", original_text(story), story["title"],
                                          dt.date.fromisoformat(story["date"]),
                                          f"https://{AGENCY_SITES[story['agency']]}.example/{aid}"))
        for _ in range(copies_per_story):
            n += 1
            corpus.articles.append(make_copy(story, si, f"a{n:05d}", rng.choice(KIND_MIX), rng))
    if unrelated:
        for u in UNRELATED:
            n += 1
            corpus.articles.append(GenArticle(f"a{n:05d}", None, "unrelated", u["text"], u["title"],
                                              dt.date.fromisoformat(u["date"]), f"https://localnews.example/a{n:05d}"))
    rng.shuffle(corpus.articles)
    return corpus


def to_items(corpus: Corpus) -> list:
    """Turn generated articles into (id, Article, Result) triples without the spaCy model."""
    from dateline.ingest import make_article
    from dateline.model import Result
    from dateline.quantities.parse import find_quantities

    items = []
    for g in corpus.articles:
        art = make_article(g.text, title=g.title, source=g.url, url=g.url, published=g.published,
                           published_from="metadata", language="en")
        items.append((g.id, art, Result(article=art, quantities=find_quantities(art))))
    return items


def write_jsonl(corpus: Corpus, path) -> None:
    """Write the corpus as a JSONL batch (text, title, url, published) for the CLI."""
    import json
    from pathlib import Path

    with Path(path).open("w", encoding="utf-8") as fh:
        for a in corpus.articles:
            fh.write(json.dumps({"text": a.text, "title": a.title, "url": a.url, "source": a.url,
                                 "published": a.published.isoformat()}, ensure_ascii=False) + "\n")
