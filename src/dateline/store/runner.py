"""Ingest many articles into the store: discover inputs, run the pipeline (in N processes), save each in one transaction.

The parent process reads the inputs and writes the database; worker processes only
run the pipeline (one :class:`~dateline.pipeline.Pipeline` each, loaded once).  An
article already stored (same normalised-text hash) is skipped before the pipeline
runs, unless ``reprocess``.  Failures are recorded in the ``failures`` table and
counted, never raised.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from dateline.errors import DatelineError
from dateline.ingest import load_article
from dateline.ingest.batch import ARTICLE_SUFFIXES, Failure, batch_format, iter_batch
from dateline.ingest.decode import MAX_BYTES
from dateline.ingest.fetch import fetch, is_url
from dateline.model import Article, Home, Result
from dateline.store.engine import writer
from dateline.store.repo import record_failure, result_json, save_result, stored_hashes, text_hash

#: Articles in flight per worker process: enough to keep workers busy, small enough to bound memory.
IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True)
class IngestOptions:
    published: str | None = None
    reprocess: bool = False
    workers: int = 1
    allow_private: bool = False
    max_bytes: int = MAX_BYTES
    home: Home | None = None  # the outlet's home for every article of the run (``--home``)
    learn_home: bool = False  # learn each outlet's home from its articles already stored (``--learn-home``)


@dataclass
class Summary:
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    total: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.stored + self.replaced + self.skipped + self.failed

    @property
    def rate(self) -> float:
        """Articles processed per second (stored, replaced or failed; skipped ones cost little)."""
        return (self.stored + self.replaced + self.failed) / self.seconds if self.seconds else 0.0


Unit = Path | str | Article | Failure  # a file, a URL, or a record already read from a batch


@dataclass(frozen=True)
class Processed:
    """A pipeline Result and its JSON text, made where the pipeline ran (so the writer only writes)."""

    result: Result
    doc: str


def discover(paths: Iterable[str], *, published: str | None = None, max_bytes: int = MAX_BYTES) -> list[Unit]:
    """Expand paths into units: files (folders recursively, by extension), batch records and URLs."""
    units: list[Unit] = []
    for raw in paths:
        if is_url(raw):
            units.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and _wanted(f))
        elif p.exists():
            files = [p]
        else:
            units.append(Failure(raw, "", f"no such file or folder: {raw}; check the path"))
            continue
        for f in files:
            units.extend(iter_batch(f, published=published, max_bytes=max_bytes) if batch_format(f) else [f])
    return units


def _wanted(f: Path) -> bool:
    return f.suffix.lower() in ARTICLE_SUFFIXES or batch_format(f) is not None


def _load(unit: Unit, opts: IngestOptions) -> Article | Failure:
    """Read a file or URL unit into an Article (batch records are already read), with the run's home."""
    out = _read_unit(unit, opts)
    return replace(out, home=opts.home) if isinstance(out, Article) and opts.home is not None else out


def _read_unit(unit: Unit, opts: IngestOptions) -> Article | Failure:
    if isinstance(unit, (Article, Failure)):
        return unit
    try:
        if isinstance(unit, str):
            body, final_url, ctype = fetch(unit, allow_private=opts.allow_private, max_bytes=opts.max_bytes)
            return load_article(body, published=opts.published, url=final_url, source_name=unit,
                                html=True if "html" in ctype else None, max_bytes=opts.max_bytes)
        return load_article(unit, published=opts.published, max_bytes=opts.max_bytes)
    except DatelineError as exc:
        return Failure(str(unit), "", str(exc))


# ---------------------------------------------------------------- worker side

_WORKER: dict[str, Any] = {}


def _init_worker(factory: Callable[[], Any]) -> None:
    _WORKER["pipeline"] = factory()


def _run_one(article: Article) -> Processed | Failure:
    """Run the worker's pipeline on one article; a failure is returned, not raised."""
    return run_article(_WORKER["pipeline"], article)


def run_article(pipe: Any, article: Article) -> Processed | Failure:
    """Run ``pipe`` on one article and serialise the Result; a failure is returned, not raised."""
    try:
        result = pipe.run(article)
        return Processed(result, result_json(result))
    except DatelineError as exc:
        return Failure(article.source or "<text>", "", str(exc), stage="pipeline")
    except Exception as exc:  # a bug in a stage must not kill the batch
        return Failure(article.source or "<text>", "", f"{type(exc).__name__}: {exc}", stage="pipeline")


# ---------------------------------------------------------------- parent side

#: SQLSTATEs after which a transaction may simply be run again: deadlock detected, serialization failure.
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
#: How many times one article's transaction is tried before it is recorded as failed.
SAVE_ATTEMPTS = 4


def save_with_retry(engine: sa.Engine, done: Processed, *, reprocess: bool = False) -> str:
    """Save one article in one transaction, retrying when the database aborted it for a concurrent writer."""
    for attempt in range(SAVE_ATTEMPTS):
        try:
            with engine.begin() as conn:  # one transaction per article
                return save_result(conn, done.result, reprocess=reprocess, doc=done.doc)
        except sa.exc.DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) not in RETRYABLE_SQLSTATES or attempt == SAVE_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")



class Ingest:
    """One ingest run: feeds articles to the pipeline and saves what comes back."""

    wants_results = True  # save() needs the Result records, not only their JSON

    def __init__(self, engine: sa.Engine, opts: IngestOptions, on_event: Callable[[str, str, Summary], None] | None = None):
        self.engine, self.opts, self.summary = engine, opts, Summary()
        self._writer = writer(engine)
        self._seen: set[str] = set()
        self._on_event = on_event or (lambda kind, source, summary: None)

    def _event(self, kind: str, source: str) -> None:
        self._on_event(kind, source, self.summary)

    def fail(self, f: Failure) -> None:
        try:
            with self._writer.begin() as conn:
                record_failure(conn, f.source, f.where, f.stage, f.reason)
        except sa.exc.SQLAlchemyError as exc:  # the database refuses writes: still count and report it, and go on
            reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["?"])[0]
            f = Failure(f.source, f.where, f"{f.reason} (not recorded in the failures table: {reason})", f.stage)
        self.summary.failed += 1
        self.summary.failures.append(f)
        self._event("failed", f"{f.source} {f.where}".strip() + f": {f.reason}")

    def wanted(self, article: Article) -> bool:
        """Decide whether to run the pipeline (False: already stored or seen in this run)."""
        digest = text_hash(article.text)
        if digest in self._seen or (not self.opts.reprocess and self._stored(digest)):
            self.summary.skipped += 1
            self._event("skipped", article.source or "<text>")
            return False
        self._seen.add(digest)
        return True

    def with_home(self, article: Article) -> Article:
        """Return the article with its outlet's home learned from the outlet's stored articles, when they agree."""
        from dateline.resolve.gazetteer import load_gazetteer
        from dateline.resolve.placehome import source_key
        from dateline.store.homes import outlet_ref, stored_home

        key = source_key(outlet_ref(article.url, article.source))
        if key is None:
            return article
        with self.engine.connect() as conn:
            home = stored_home(conn, key, load_gazetteer())
        return replace(article, home=home) if home is not None else article

    def _stored(self, digest: str) -> bool:
        with self.engine.connect() as conn:
            return bool(stored_hashes(conn, [digest]))

    def save(self, out: Processed | Failure) -> None:
        if isinstance(out, Failure):
            self.fail(out)
            return
        try:
            status = save_with_retry(self._writer, out, reprocess=self.opts.reprocess)
        except sa.exc.SQLAlchemyError as exc:
            reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["?"])[0]  # not the SQL and its values
            self.fail(Failure(out.result.article.source or "<text>", "", f"database error: {reason}", stage="store"))
            return
        setattr(self.summary, status, getattr(self.summary, status) + 1)
        self._event(status, out.result.article.source or "<text>")


def run_ingest(engine: sa.Engine | None, paths: Iterable[str], opts: IngestOptions = IngestOptions(), *,
               pipeline_factory: Callable[[], Any] | None = None,
               on_event: Callable[[str, str, Summary], None] | None = None, sink: Any = None) -> Summary:
    """Ingest ``paths`` into ``engine`` (or into ``sink``, e.g. Parquet); return the counts.  Never raises for a bad article."""
    from dateline.pipeline import Pipeline

    factory = pipeline_factory or Pipeline
    t0 = time.perf_counter()
    run = sink if sink is not None else Ingest(engine, opts, on_event)
    units = discover(paths, published=opts.published, max_bytes=opts.max_bytes)
    run.summary.total = len(units)
    articles = articles_to_run(units, run)
    if opts.workers <= 1:
        pipe = factory()
        for article in articles:
            run.save(_run_with(pipe, article))
    else:
        _run_pool(articles, run, factory, opts.workers)
    run.summary.seconds = time.perf_counter() - t0
    return run.summary


def articles_to_run(units: list[Unit], run: Ingest) -> Iterator[Article]:
    """Read each unit, record what cannot be read, and yield the articles the pipeline must run on."""
    for unit in units:
        item = _load(unit, run.opts)
        if isinstance(item, Failure):
            run.fail(item)
        elif run.wanted(item):
            yield run.with_home(item) if run.opts.learn_home and item.home is None else item


def _run_with(pipe: Any, article: Article) -> Processed | Failure:
    return run_article(pipe, article)


def _run_pool(articles: Iterator[Article], run: Ingest, factory: Callable[[], Any], workers: int) -> None:
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                initargs=(factory,)) as pool:
        pending: dict[cf.Future[Processed | Failure], str] = {}
        for article in articles:
            pending[pool.submit(_run_one, article)] = article.source or "<text>"
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for fut in done:
                    run.save(_outcome(fut, pending.pop(fut)))
        for fut in cf.as_completed(list(pending)):
            run.save(_outcome(fut, pending.pop(fut)))


def _outcome(fut: cf.Future[Processed | Failure], source: str) -> Processed | Failure:
    try:
        return fut.result()
    except Exception as exc:  # a worker died (killed, out of memory)
        return Failure(source, "", f"worker process failed: {type(exc).__name__}: {exc}", stage="pipeline")


__all__ = ["Ingest", "IngestOptions", "Processed", "articles_to_run", "Summary", "discover", "run_article", "run_ingest"]
