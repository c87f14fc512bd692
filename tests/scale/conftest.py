import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@pytest.fixture(scope="session")
def ray_cluster():
    """A local Ray cluster with 2 CPUs on loopback, no dashboard, for the whole session."""
    from dateline.scale.ray_engine import RayOptions, shutdown, start_ray

    ray = start_ray(RayOptions(num_cpus=2))
    assert ray.cluster_resources().get("CPU") == 2
    yield ray
    shutdown()
