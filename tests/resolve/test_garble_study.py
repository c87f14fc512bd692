"""A tiny fixed subset of the synthetic garble study (scripts/garble_study.py), on the packaged data.

The garbles are invented for this test (none is from a sample article); each is scored as the study
scores it: the right place within RECOVER_KM / the right KB actor, and ordinary non-names unresolved.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from dateline.resolve.actors.rank import garble_distance

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "garble_study.py"


def _study():
    spec = importlib.util.spec_from_file_location("garble_study", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["garble_study"] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


G = _study()
KYIV = "KYIV, Ukraine (Reuters) — "

# (garbled text, the garbled word, target lat, lon)
PLACES = [
    (KYIV + "Fighting continued on the outskirts of Kramotorsk on Wednesday, according to the military.",
     "Kramotorsk", 48.73106, 37.56779),  # vowel swap of Kramatorsk
    ("DAMASCUS, Syria (Reuters) — Two civilians were killed when a missile struck Hamma, the governor said.",
     "Hamma", 35.13179, 36.75783),  # doubled letter of Hama
    ("Residents of Chernihov in the Chernihiv region were told to leave as artillery fire intensified.",
     "Chernihov", 51.50541, 31.28656),  # Russian-style ending of Chernihiv
]
# (garbled text, garbled surname, KB id)
PEOPLE = [
    ("Dmytro Kulepa said in a statement on Telegram that the attack had been repelled.", "Kulepa", "Dmytro Kuleba"),
    ("According to Kyrylo Budamov, talks on a ceasefire would continue next week.", "Budamov", "Kyrylo Budanov"),
    ("Valerii Zaluzhnij said in a statement on Telegram that the attack had been repelled.", "Zaluzhnij", "Valerii Zaluzhnyi"),
    ("\"We will not give up,\" Sergei Shoygu told reporters on Monday.", "Shoygu", "Sergei Shoigu"),
    ("Oleksandr Syrsky said in a statement on Telegram that the attack had been repelled.", "Syrsky", "Oleksandr Syrskyi"),
]
PROBES = [
    ("Oleksandr Thimblewick said in a statement on Telegram that the attack had been repelled.", "Thimblewick", "probe-person"),
    (KYIV + "Russian forces shelled Pemberford overnight, regional officials said.", "Pemberford", "probe-place"),
    ("According to Mykola Hordivets, talks on a ceasefire would continue next week.", "Hordivets", "probe-person"),
]


def test_garble_distance_folds_romanisation_then_counts_one_slip():
    assert garble_distance("Hrytsenko", "Gritsenko") == 0  # romanisation variant
    assert garble_distance("Kulepa", "Kuleba") == 1  # one voicing slip
    assert garble_distance("Peskin", "Peskov") == 2  # a different name, not one slip


def test_operators_are_seeded_and_documented():
    assert "Govalenko" in [w.capitalize() for w in G.op_first_voice("kovalenko")]
    assert "kovalneko" in G.op_transpose("kovalenko")
    a = G.variants_for("Kovalenko", random.Random(7), 4, 1)
    b = G.variants_for("Kovalenko", random.Random(7), 4, 1)
    assert a == b and len(a) == 5 and all(w != "Kovalenko" for _, w in a)


def _score(kind: str, text: str, word: str, **kw) -> str:
    import dateline

    a = text.index(word)
    t = G.Target(kind, "test", word, **kw)
    return G.score(t, dateline.read(text, published=G.PUBLISHED).entities, a, a + len(word))


@pytest.mark.model
@pytest.mark.parametrize("text,word,lat,lon", PLACES)
def test_garbled_place_is_recovered(text, word, lat, lon):
    assert _score("place", text, word, lat=lat, lon=lon) == "recovered"


@pytest.mark.model
@pytest.mark.parametrize("text,word,name", PEOPLE)
def test_garbled_person_is_linked(text, word, name):
    from dateline.resolve.actors.kb import load_kb

    (actor,) = [a for a in load_kb().find(name) if a["kind"] == "person"][:1]
    assert _score("person", text, word, actor_id=actor["id"]) == "recovered"


@pytest.mark.model
@pytest.mark.parametrize("text,word,kind", PROBES)
def test_ordinary_non_names_stay_unresolved(text, word, kind):
    assert _score(kind, text, word) == "none"
