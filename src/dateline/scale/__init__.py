"""Scale-out: the same pipeline on a Ray cluster (``pip install 'dateline[scale]'``).

    >>> from dateline.scale import RayOptions, run_ray_ingest
    >>> summary = run_ray_ingest(engine, ["articles/"], IngestOptions(), RayOptions(workers=4))

The driver discovers and reads the inputs exactly as the local engine does (same
skips, same failure records), hands the articles to Ray as a Dataset, runs the
whole pipeline in ``map_batches`` with one loaded pipeline per actor, and writes
what comes back to the store, or to Parquet.  Ray is imported only here.
"""

from __future__ import annotations

from dateline.scale.ray_engine import RayOptions, run_ray_ingest

__all__ = ["RayOptions", "run_ray_ingest"]
