"""Frozen record types of story lineage: stories, members, variants and what changed.

Kept apart from :mod:`dateline.model` so that the stories work merges without touching
the shared contract.  Every record turns into JSON with :func:`dateline.model.to_dict`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class NameChange:
    """One name spelled differently in a copy than in the cluster's canonical form."""

    canonical: str  # the consensus spelling ("Hrytsenko")
    variant: str  # the copy's spelling ("Gritsenko")
    entity: str  # the full name the token belongs to ("Oleksandr Hrytsenko")
    similarity: float  # rapidfuzz ratio 0..100 between the two spellings
    start: int  # offset of the variant in the copy's text
    end: int


@dataclass(frozen=True)
class NumberChange:
    """A figure that differs between aligned sentences of a copy and the original."""

    original: str
    variant: str
    sentence: str  # the copy's sentence, as evidence
    start: int
    end: int


@dataclass(frozen=True)
class SentenceChange:
    """A sentence or quote dropped from, or added to, a copy."""

    kind: str  # dropped_sentence | added_sentence | dropped_quote | added_quote
    text: str
    start: int  # offsets into the copy (added) or the original (dropped)
    end: int


@dataclass(frozen=True)
class Variant:
    """What one copy changed relative to the story's original (names: the consensus)."""

    article_id: str
    against: str  # article id of the original it is compared with
    name_changes: tuple[NameChange, ...] = ()
    number_changes: tuple[NumberChange, ...] = ()
    sentence_changes: tuple[SentenceChange, ...] = ()
    spin_score: float = 0.0  # share of wording changed in sentences whose facts were kept
    garble_score: float = 0.0  # share of the copy's entity-name tokens misspelled vs canonical
    aligned: int = 0  # sentences matched to the original
    stage: str = "stories.diff.v1"


@dataclass(frozen=True)
class StoryMember:
    """One article in a story, with its similarity to the original and its place in the lineage."""

    article_id: str
    source: str | None  # path or URL of the article
    title: str | None
    published: dt.date | None
    agency: str | None
    rank: int  # 0 = the original, then copies by publication date and closeness to the original
    text_similarity: float  # MinHash Jaccard estimate of word shingles vs the original
    fingerprint_similarity: float  # entity/quote/number fingerprint similarity vs the original
    original_score: float  # how likely this member is the original (higher = more likely)
    evidence: tuple[str, ...] = ()  # why it is ranked where it is
    derived_from: str | None = None  # the member it was copied from (the original unless it repeats a copy's garble)


@dataclass(frozen=True)
class Story:
    """A cluster of copies of one story, its original, and what each copy changed."""

    id: str
    members: tuple[StoryMember, ...]  # ordered: original first
    original: str  # article id
    reasons: tuple[str, ...]  # why the original was chosen
    canonical_names: tuple[str, ...] = ()  # consensus spelling of every name token
    variants: tuple[Variant, ...] = ()  # one per copy (not the original)
    stage: str = "stories.v1"

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class ChainLink:
    """One hop of attribution: ``teller`` says it got the claim from ``source``."""

    teller: str
    source: str
    cue: str  # the words that show the hop ("citing", "according to", "(AP)")
    article_id: str


@dataclass(frozen=True)
class SourceChain:
    """Articles that share one upstream originator, and the chain that connects them."""

    originator: str  # the deepest source the chain reaches ("social media videos")
    chain: tuple[str, ...]  # teller first: ("example.com", "AP", "ISW", "social media videos")
    articles: tuple[str, ...]
    links: tuple[ChainLink, ...] = ()


@dataclass(frozen=True)
class SourceCount:
    """Independent versus derivative reporting of one claim or story."""

    reports: int  # articles that report it
    independent: int  # distinct originators
    chains: tuple[SourceChain, ...]
