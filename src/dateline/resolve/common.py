"""Helpers shared by the resolution stages."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from dateline.model import Entity, Mention


def norm_key(text: str) -> str:
    """Lowercase, strip diacritics, apostrophes and punctuation: a key for grouping mentions."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "").replace("'", "")
    s = re.sub(r"[^\w\s-]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def group_raw(mentions: Iterable[Mention], kind: str, prefix: str, stage: str) -> list[Entity]:
    """Group mentions with the same normalised text into raw (unresolved) entities."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(norm_key(m.text), []).append(m)
    out = []
    for n, (_key, ms) in enumerate(groups.items()):
        out.append(
            Entity(
                id=f"{prefix}{n}",
                kind=kind,
                name=ms[0].text,
                mentions=tuple(ms),
                status="raw",
                confidence=0.0,
                stage=stage,
                evidence=("ner-label:" + ",".join(sorted({m.label for m in ms})),),
            )
        )
    return out


#: Last words that make a facility-tagged name a real facility ("Kennedy Airport", "Maidan Square").
FACILITY_NOUNS = frozenset("""airport bridge station plant square street avenue road hospital port base dam stadium
    tower hotel market mall school university church mosque cathedral palace building centre center camp prison""".split())


def named_facility(text: str) -> bool:
    """True for a several-word name ending in a facility noun ("Ben Gurion Airport"): a place, whoever it honours."""
    words = text.split()
    return len(words) > 1 and words[-1].lower() in FACILITY_NOUNS


#: German spellings of Slavic and Arabic names read the English way (Duden: я -> ja, в -> w, ч -> tsch, ш -> sch,
#: дж -> dsch, doubled s for с): "Wjatscheslaw" -> vyacheslav, "Jussow" -> yusov, "Dschuba" -> juba.
#: Order matters: "ja/ju/je" before "dsch" makes "j", so that "Dschuba" stays Juba.
_GERMAN_SPELLING = (("ja", "ya"), ("ju", "yu"), ("je", "ye"), ("w", "v"), ("dsch", "j"), ("tsch", "ch"), ("sch", "sh"),
                    ("ss", "s"))


@functools.lru_cache(maxsize=65536)
def english_spelling(word: str) -> str:
    """Return a lower-case name respelt from German transliteration to English ("Tscherewatyj" -> "cherevatyj").

    Args:
        word: a name or folded name, any case.
    Returns:
        The lower-case respelling; an initial "j" of the name as written is "y" ("Jakowlew" -> "yakovlev").
    """
    s = word.lower()
    for a, b in _GERMAN_SPELLING:
        s = s.replace(a, b)
    return "y" + s[1:] if word[:1] in ("j", "J") and s.startswith("j") else s
