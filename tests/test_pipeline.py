import pytest

from dateline.errors import ConfigError
from dateline.pipeline import STAGES, Stage, check_order


def test_stage_table_order_is_valid():
    check_order(STAGES)
    names = [s.name for s in STAGES]
    assert len(names) == len(set(names))
    assert all(s.name.rsplit(".", 1)[-1].startswith("v") for s in STAGES)


def test_misordered_table_is_refused():
    swapped = (STAGES[2], STAGES[0], *STAGES[3:])
    late = [s for s in swapped if s.name == "claims.quotes.v1"]
    with pytest.raises(ConfigError, match="requires"):
        check_order((late[0], *STAGES))


def test_every_stage_function_imports():
    for stage in STAGES:
        assert callable(stage.load()), stage.name


def test_unknown_requirement():
    with pytest.raises(ConfigError, match="nothing_provides_this"):
        check_order((Stage("x.v1", "dateline.pipeline:check_order", ("nothing_provides_this",), ("y",)),))
