"""The one table of stages, in order, with what each requires and provides.

A stage is a plain function: keyword arguments named after the state keys it
``requires`` (plus the shared resources it names), returning the value of the one
key it ``provides`` (or a tuple, in order, when it provides several).  Stages do no
I/O; resources (spaCy model, gazetteer, actor KB) are loaded once by
:class:`Resources` and passed in.

The order is checked once, when a :class:`Pipeline` is built: every key a stage
requires must have been provided by an earlier stage.

The table is chosen per article language: English articles run :data:`STAGES` (the spaCy
parse and the full resolvers); German, Ukrainian and Russian ones run
:data:`LEXICAL_STAGES`, the dictionary-driven reading without a parser
(``docs/languages.md``).  :data:`LANGUAGE_STAGES` says which language runs which table.
"""

from __future__ import annotations

import datetime as dt
import importlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.errors import ConfigError, DatelineError
from dateline.model import Article, Result
from dateline.nlp.lexical import LEXICAL_LANGUAGES


@dataclass(frozen=True)
class Stage:
    name: str  # versioned: "resolve.places.v1"
    target: str  # "module:function", imported on first use
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    resources: tuple[str, ...] = ()

    def load(self) -> Callable[..., Any]:
        module, _, func = self.target.partition(":")
        return getattr(importlib.import_module(module), func)


#: The English reading (and the table for any language without its own).
STAGES: tuple[Stage, ...] = (
    Stage("nlp.spans.v1", "dateline.nlp.spans:parse_article", ("article",), ("parse",), ("nlp",)),
    Stage("events.dates.v1", "dateline.events.dates:resolve_dates", ("article", "parse"), ("dates",)),
    Stage("quantities.v1", "dateline.quantities.parse:find_quantities", ("article",), ("quantities",)),
    Stage(
        "resolve.actors.v1",
        "dateline.resolve.actors.link:resolve_actors",
        ("article", "parse"),
        ("actors",),
        ("kb", "gazetteer"),
    ),
    Stage(
        "resolve.places.v1",
        "dateline.resolve.places:resolve_places",
        ("article", "parse", "actors"),
        ("places",),
        ("gazetteer",),
    ),
    Stage(
        "resolve.entities.v1",
        "dateline.resolve.entities:merge_entities",
        ("parse", "actors", "places", "article"),
        ("entities",),
    ),
    Stage(
        "claims.quotes.v1",
        "dateline.claims.quotes:attribute_quotes",
        ("article", "parse", "entities", "dates"),
        ("quotes",),
    ),
    Stage(
        "events.v1",
        "dateline.events.extract:extract_events",
        ("article", "parse", "entities", "dates", "quantities", "quotes"),
        ("events", "disagreements"),
    ),
)

_SHARED = {s.name: s for s in STAGES}
#: The lexical reading of a de/uk/ru article: no parser or NER, names looked up in the gazetteer and the
#: actor KB with their case endings undone, dates and quotes from word lists.
LEXICAL_STAGES: tuple[Stage, ...] = (
    Stage("nlp.lexical.v1", "dateline.nlp.lexical:parse_lexical", ("article",), ("parse",)),
    Stage("events.dates.lexical.v1", "dateline.events.lexdates:lexical_dates", ("article", "parse"), ("dates",)),
    _SHARED["quantities.v1"],
    Stage(
        "resolve.actors.lexical.v1",
        "dateline.resolve.actors.lexlink:lexical_actors",
        ("article", "parse"),
        ("actors",),
        ("kb",),
    ),
    Stage(
        "resolve.places.lexical.v1",
        "dateline.resolve.placelex:lexical_places",
        ("article", "parse", "actors"),
        ("places",),
        ("gazetteer",),
    ),
    _SHARED["resolve.entities.v1"],
    Stage(
        "claims.quotes.lexical.v1",
        "dateline.claims.lexquotes:lexical_quotes",
        ("article", "parse", "entities", "dates"),
        ("quotes",),
    ),
    Stage(
        "events.lexical.v1",
        "dateline.events.lexevents:lexical_events",
        ("article", "parse", "entities", "dates", "quotes"),
        ("events", "disagreements"),
    ),
)

#: Article language -> its stage table; a language not listed runs STAGES.
LANGUAGE_STAGES: dict[str, tuple[Stage, ...]] = {lang: LEXICAL_STAGES for lang in LEXICAL_LANGUAGES}


def check_order(stages: Sequence[Stage], initial: Sequence[str] = ("article",)) -> None:
    """Raise ConfigError unless every stage's requirements are provided earlier."""
    have = set(initial)
    for stage in stages:
        missing = [k for k in stage.requires if k not in have]
        if missing:
            raise ConfigError(f"stage {stage.name} requires {', '.join(missing)}, which no earlier stage provides")
        have.update(stage.provides)


class Resources:
    """Loads the heavy shared resources once, on first use."""

    LOADERS: dict[str, str] = {
        "nlp": "dateline.nlp.model:load_model",
        "gazetteer": "dateline.resolve.gazetteer:load_gazetteer",
        "kb": "dateline.resolve.actors.kb:load_kb",
    }

    def __init__(self, **preloaded: Any) -> None:
        self._loaded: dict[str, Any] = dict(preloaded)

    def get(self, name: str) -> Any:
        if name not in self._loaded:
            module, _, func = self.LOADERS[name].partition(":")
            self._loaded[name] = getattr(importlib.import_module(module), func)()
        return self._loaded[name]


@dataclass
class Pipeline:
    """Runs the stage table over articles.

    >>> pipe = Pipeline()
    >>> result = pipe.read("KYIV, Ukraine (AP) — ...", published="2022-09-10")
    """

    stages: tuple[Stage, ...] = STAGES  # English, and any language without a table in by_language
    resources: Resources = field(default_factory=Resources)
    by_language: dict[str, tuple[Stage, ...]] = field(default_factory=lambda: dict(LANGUAGE_STAGES))

    def __post_init__(self) -> None:
        self._funcs: dict[str, Callable[..., Any]] = {}
        targets: dict[str, str] = {}
        for table in (self.stages, *self.by_language.values()):
            check_order(table)
            for s in table:
                if targets.setdefault(s.name, s.target) != s.target:
                    raise ConfigError(f"stage name {s.name} names two functions; give each its own versioned name")
                self._funcs.setdefault(s.name, s.load())

    def stages_for(self, language: str) -> tuple[Stage, ...]:
        """Return the stage table that reads articles in ``language``."""
        return self.by_language.get(language, self.stages)

    def run(self, article: Article) -> Result:
        """Run the stage table of the article's language on one normalised article."""
        state: dict[str, Any] = {"article": article}
        timings: dict[str, float] = {}
        for stage in self.stages_for(article.language):
            t0 = time.perf_counter()
            kwargs = {k: state[k] for k in stage.requires}
            kwargs.update({r: self.resources.get(r) for r in stage.resources})
            try:
                out = self._funcs[stage.name](**kwargs)
            except DatelineError:
                raise
            except Exception as exc:  # a bug in a stage: say where, keep the cause for --debug
                raise DatelineError(f"stage {stage.name} failed: {type(exc).__name__}: {exc}") from exc
            if len(stage.provides) == 1:
                out = (out,)
            state.update(zip(stage.provides, out))
            timings[stage.name] = time.perf_counter() - t0
        return Result(
            article=article,
            entities=state.get("entities", ()),
            quotes=state.get("quotes", ()),
            events=state.get("events", ()),
            quantities=state.get("quantities", ()),
            dates=state.get("dates", ()),
            disagreements=state.get("disagreements", ()),
            warnings=article.warnings,
            timings=timings,
        )

    def read(self, source: Any, *, published: str | dt.date | None = None, **meta: Any) -> Result:
        """Ingest ``source`` (text, bytes, path or file object) and run the pipeline."""
        from dateline.ingest import load_article

        return self.run(load_article(source, published=published, **meta))


_DEFAULT: Pipeline | None = None


def read(source: Any, *, published: str | dt.date | None = None, **meta: Any) -> Result:
    """Read one article with a shared default pipeline."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.read(source, published=published, **meta)
