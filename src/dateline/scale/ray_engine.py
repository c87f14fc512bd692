"""Run the ingest pipeline on Ray: a Dataset of articles, ``map_batches`` over pipeline actors.

Each actor loads one :class:`~dateline.pipeline.Pipeline` (model, gazetteer, KB) in its
constructor and keeps it for every batch it is given.  The driver does what the local
engine's parent does (discover, read, skip what is stored, record failures, write), so
both engines store the same records for the same input.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from dateline.errors import ConfigError, DatelineError
from dateline.ingest.batch import Failure
from dateline.model import Article
from dateline.store.runner import Ingest, IngestOptions, Processed, Summary, articles_to_run, discover, run_article

#: Articles per batch handed to an actor: small, so two actors share a short corpus evenly, yet
#: large enough that Ray's per-batch cost (~ms) stays far below a batch's pipeline time (~0.2 s/article).
BATCH_SIZE = 4
#: Object store for a cluster started here: results are small (tens of kB per article).
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide to run: ``address`` None starts a local cluster; "auto" or "ray://host:port" joins one."""

    address: str | None = None
    workers: int | None = None  # pipeline actors; default: the cluster's CPUs
    num_cpus: int | None = None  # CPUs of a local cluster; default: this machine's
    batch_size: int = BATCH_SIZE


class PipelineActor:
    """A Ray actor holding one loaded pipeline; called once per batch of articles.

    Subclassed per run by :func:`actor_class` with the pipeline factory as a class attribute,
    so the actor has no constructor arguments to keep in the object store.
    """

    factory: Callable[[], Any]
    keep_result: bool = True

    def __init__(self) -> None:
        self.pipe = type(self).factory()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {k: [] for k in ("seq", "ok", "doc", "result", "source", "stage", "reason")}
        for seq, blob in zip(batch["seq"], batch["article"]):
            article: Article = pickle.loads(blob)
            done = run_article(self.pipe, article)
            ok = isinstance(done, Processed)
            out["seq"].append(int(seq))
            out["ok"].append(ok)
            out["doc"].append(done.doc if ok else "")
            out["result"].append(pickle.dumps(done.result) if ok and self.keep_result else b"")
            out["source"].append(article.source or "<text>")
            out["stage"].append("" if ok else done.stage)
            out["reason"].append("" if ok else done.reason)
        return out


def actor_class(factory: Callable[[], Any], keep_result: bool) -> type[PipelineActor]:
    """Return a PipelineActor subclass that loads ``factory()`` once per actor."""
    return type("PipelineActor", (PipelineActor,), {"factory": staticmethod(factory), "keep_result": keep_result})


def _row_outcome(row: dict[str, Any]) -> Processed | Failure:
    if row["ok"]:  # without the pickled Result (a Parquet sink needs only the JSON), result is None
        return Processed(pickle.loads(row["result"]) if len(row["result"]) else None, row["doc"])  # type: ignore[arg-type]
    return Failure(row["source"], "", row["reason"], stage=row["stage"])


def start_ray(opts: RayOptions) -> Any:
    """Connect to the cluster at ``opts.address``, or start a local one on loopback sized to this machine.

    Raises:
        ConfigError: Ray is not installed, or the cluster cannot be reached.
    """
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no usage reports leave the machine
    try:
        import ray
    except ImportError:
        raise ConfigError("--engine ray needs Ray: pip install 'dateline[scale]'") from None
    if ray.is_initialized():
        return ray
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False  # the driver shows dateline's own progress
    ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    kw: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": "ERROR"}
    try:
        if opts.address:
            ray.init(address=opts.address, **kw)
        else:
            # Workers import dateline from the same place as this process (e.g. a source checkout).
            path = os.pathsep.join(p for p in sys.path if p and os.path.isdir(p))
            ray.init(num_cpus=opts.num_cpus or os.cpu_count() or 1, _node_ip_address="127.0.0.1",
                     object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                     runtime_env={"env_vars": {"PYTHONPATH": path, "RAY_USAGE_STATS_ENABLED": "0"}}, **kw)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise ConfigError(f"cannot reach the Ray cluster at {opts.address}: {exc}; "
                          "check the address (ray://host:10001, or auto on a node started with `ray start`)") from None
    return ray


def _pipeline_rows(ray: Any, articles: list[Article], opts: RayOptions, factory: Callable[[], Any],
                   keep_result: bool) -> Iterable[dict[str, Any]]:
    """Yield one output row per article as the actors finish them."""
    if not articles:
        return
    cpus = max(1.0, float(ray.cluster_resources().get("CPU", 1)))
    workers = opts.workers or int(cpus)
    ds = ray.data.from_items([{"seq": i, "article": pickle.dumps(a)} for i, a in enumerate(articles)],
                             override_num_blocks=max(1, min(len(articles), -(-len(articles) // opts.batch_size))))
    # One CPU per actor; more actors than CPUs share them rather than wait for CPUs that never come.
    out = ds.map_batches(actor_class(factory, keep_result), batch_size=opts.batch_size,
                         compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=min(1.0, cpus / workers),
                         batch_format="numpy")
    try:
        yield from out.iter_rows()
    except Exception as exc:  # an actor died (out of memory, node lost) or the cluster went away
        raise DatelineError(f"the Ray run stopped: {type(exc).__name__}: {str(exc)[:500]}; articles saved so far are "
                            "kept, and running the same command again skips them") from None


def run_ray_ingest(sink: Ingest, paths: Iterable[str], ray_opts: RayOptions = RayOptions(), *,
                   pipeline_factory: Callable[[], Any] | None = None) -> Summary:
    """Ingest ``paths`` on Ray into ``sink`` (the store, or Parquet); return the counts.

    Inputs are read, de-duplicated and their read failures recorded on the driver, as in
    the local engine; the pipeline runs on the actors; results are written by the driver.
    """
    from dateline.pipeline import Pipeline

    factory = pipeline_factory or Pipeline
    t0 = time.perf_counter()
    ray = start_ray(ray_opts)
    units = discover(paths, published=sink.opts.published, max_bytes=sink.opts.max_bytes)
    sink.summary.total = len(units)
    articles = list(articles_to_run(units, sink))
    for row in _pipeline_rows(ray, articles, ray_opts, factory, keep_result=sink.wants_results):
        sink.save(_row_outcome(row))
    sink.summary.seconds = time.perf_counter() - t0
    return sink.summary


def shutdown() -> None:
    """Stop the local Ray cluster this process started (no-op otherwise)."""
    import ray

    if ray.is_initialized():
        ray.shutdown()


__all__ = ["BATCH_SIZE", "PipelineActor", "RayOptions", "run_ray_ingest", "shutdown", "start_ray"]
