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


def test_each_language_has_a_valid_table():
    from dateline.pipeline import LANGUAGE_STAGES, LEXICAL_STAGES, Pipeline

    check_order(LEXICAL_STAGES)
    names = [s.name for s in LEXICAL_STAGES]
    assert len(names) == len(set(names))
    assert {lang for lang, table in LANGUAGE_STAGES.items() if table is LEXICAL_STAGES} == {"de", "uk", "ru"}
    assert not any(s.resources == ("nlp",) for s in LEXICAL_STAGES)  # a German article never loads the English model
    pipe = Pipeline()  # resources load on first use: building it loads no model
    assert pipe.stages_for("en") is STAGES and pipe.stages_for("uk") is LEXICAL_STAGES
    for stage in LEXICAL_STAGES:
        assert callable(stage.load()), stage.name


def test_one_name_for_two_functions_is_refused():
    from dateline.pipeline import Pipeline

    clash = Stage(STAGES[0].name, "dateline.nlp.lexical:parse_lexical", ("article",), ("parse",))
    with pytest.raises(ConfigError, match="names two functions"):
        Pipeline(by_language={"de": (clash, *STAGES[1:])})
