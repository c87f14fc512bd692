"""Story lineage: cluster copies of one wire story, find the original, list what each copy changed.

    >>> from dateline.stories import cluster_stories
    >>> stories = cluster_stories([(article_id, article, result), ...])
    >>> stories[0].original, [v.name_changes for v in stories[0].variants]

Modules: ``normalise`` (text folding, shingles, name skeletons), ``minhash`` (signatures
and LSH banding), ``fingerprint`` (names, figures and quotes in order), ``cluster``
(candidates verified into stories), ``lineage`` (original and order, with evidence),
``diff`` (names, figures, sentences, quotes; spin and garble scores), ``sources``
(independent versus derivative reporting), ``io`` (loading and JSON shaping).
"""

from __future__ import annotations

from dateline.stories.cluster import cluster_stories
from dateline.stories.model import (
    ChainLink,
    NameChange,
    NumberChange,
    SentenceChange,
    SourceChain,
    SourceCount,
    Story,
    StoryMember,
    Variant,
)
from dateline.stories.sources import count_sources

__all__ = ["ChainLink", "NameChange", "NumberChange", "SentenceChange", "SourceChain", "SourceCount", "Story",
           "StoryMember", "Variant", "cluster_stories", "count_sources"]
