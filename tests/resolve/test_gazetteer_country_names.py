"""Plain forms of ISO 3166's inverted country names become aliases in the gazetteer build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from gazetteer_sources import uninverted  # noqa: E402


@pytest.mark.parametrize("name, expected", [
    ("Palestine, State of", ["Palestine", "State of Palestine"]),
    ("Korea, Republic of", ["Korea", "Republic of Korea"]),
    ("Congo, The Democratic Republic of the", ["Congo", "The Democratic Republic of the Congo"]),
    ("Virgin Islands, British", ["British Virgin Islands"]),
    ("Bonaire, Sint Eustatius and Saba", []),  # a list of islands, not an inversion
    ("Taiwan, Province of China", []),
    ("France", []),
])
def test_uninverted(name, expected):
    assert uninverted(name) == expected
