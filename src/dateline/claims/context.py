"""A read-only view of one article's parse that the claims modules share."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from dateline.model import Entity, Mention, Parse, Token


@dataclass
class Doc:
    """Tokens with children and subtree edges, plus entity mentions by offset."""

    text: str
    parse: Parse
    entities: tuple[Entity, ...]
    children: list[list[int]] = field(default_factory=list)
    left: list[int] = field(default_factory=list)
    right: list[int] = field(default_factory=list)
    mentions: list[tuple[Mention, Entity]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def build(cls, text: str, parse: Parse, entities: tuple[Entity, ...]) -> Doc:
        """Index the parse: children, subtree edges and entity mentions."""
        n = len(parse.tokens)
        doc = cls(text, parse, entities, [[] for _ in range(n)], list(range(n)), list(range(n)))
        for t in parse.tokens:
            if t.head != t.i and 0 <= t.head < n:
                doc.children[t.head].append(t.i)
        for t in parse.tokens:  # spread each token's position up its head chain
            j, seen = t.i, 0
            while parse.tokens[j].head != j and seen < 64:
                j = parse.tokens[j].head
                doc.left[j] = min(doc.left[j], t.i)
                doc.right[j] = max(doc.right[j], t.i)
                seen += 1
        pairs = [(m, e) for e in entities for m in e.mentions]
        doc.mentions = sorted(pairs, key=lambda p: p[0].start)
        doc.starts = [m.start for m, _ in doc.mentions]
        return doc

    def in_quote(self, offset: int) -> bool:
        """True when ``offset`` lies inside a quoted span."""
        i = bisect.bisect_right(self.quoted, (offset, 1 << 60)) - 1
        return i >= 0 and self.quoted[i][0] < offset < self.quoted[i][1]

    def tok(self, i: int) -> Token:
        return self.parse.tokens[i]

    def kids(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if not deps or self.tok(c).dep in deps]

    def sent_tokens(self, s: int) -> range:
        sent = self.parse.sentences[s]
        return range(sent.first_token, sent.last_token)

    def token_at(self, offset: int) -> int | None:
        """Return the index of the token covering or following ``offset``."""
        toks = self.parse.tokens
        lo, hi = 0, len(toks)
        while lo < hi:
            mid = (lo + hi) // 2
            if toks[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(toks) else None

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens a..b inclusive."""
        return self.tok(a).start, self.tok(b).end

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        """Entity mentions overlapping [start, end)."""
        i = bisect.bisect_left(self.starts, start - 200)
        out = []
        for m, e in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end > start:
                out.append((m, e))
        return out

    def mentions_before(self, offset: int, limit: int = 2500) -> list[tuple[Mention, Entity]]:
        """Entity mentions ending before ``offset``, nearest first."""
        i = bisect.bisect_left(self.starts, offset)
        return [(m, e) for m, e in reversed(self.mentions[:i]) if m.end <= offset and offset - m.end <= limit]
