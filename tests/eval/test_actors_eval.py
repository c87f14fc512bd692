"""`dateline eval actors`: the GUM reader, B³/MUC, mention matching and linking, on a tiny GUM-format fixture."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.eval.actors import (
    LinkCounts, SysMention, clusterings, match_mentions, normalise_title, score_links, title_index, wotr_status,
)
from dateline.eval.coref_metrics import b_cubed, muc
from dateline.eval.gum_coref import find_corpus, head_index, load_corpus
from dateline.resolve.actors.expand import expand
from dateline.resolve.actors.kb import ActorKB

TINY = Path(__file__).parent / "data" / "gum_tiny"


@pytest.fixture(scope="module")
def doc():
    return load_corpus(TINY)[0]


def test_reader_mentions_forms_and_chains(doc):
    by_text = {g.text: g for g in doc.mentions}
    assert doc.published.isoformat() == "2022-09-10"
    assert by_text["Ivan Petrenko"].form == "name" and by_text["he"].form == "pronoun"
    assert by_text["the Red Cross"].form == "name" and by_text["the Red Cross"].wiki.startswith("International_Committee")
    assert by_text["Kyiv 's mayor"].form == "nominal"  # head is "mayor", after the possessive
    for g in doc.mentions:
        assert doc.text[g.start:g.end] == g.text
    chains = {frozenset(by_id.text for by_id in doc.mentions if by_id.id in c) for c in doc.chains}
    assert frozenset({"Ivan Petrenko", "Petrenko", "he"}) in chains  # coref + ana
    assert frozenset({"the Red Cross"}) in chains  # the bridging link does not join it to "he"
    assert frozenset({"Kyiv 's mayor", "Olena Koval"}) in chains  # appos


def test_head_index_skips_postmodifiers():
    assert head_index(["DET", "NOUN", "ADP", "PROPN"], ["a", "member", "of", "Scientology"]) == 1
    assert head_index(["PROPN", "PART", "NOUN"], ["Obama", "'s", "administration"]) == 2
    assert head_index(["PROPN", "PROPN", "PART"], ["Andy", "Warhol", "'s"]) == 1


def test_b_cubed_and_muc_by_hand():
    key = [frozenset("abc"), frozenset("d")]
    resp = [frozenset("ab"), frozenset("c"), frozenset("x")]  # "d" missed, "x" spurious
    b3 = b_cubed(key, resp)
    assert b3.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 0) / 4)
    assert b3.precision == pytest.approx((1 + 1 + 1 + 0) / 4)  # "x" is spurious
    m = muc(key, resp)
    assert (m.recall, m.precision) == (pytest.approx(0.5), pytest.approx(1.0))
    assert b_cubed(key, key).f1 == 1.0 and muc(key, key).f1 == 1.0


def _sys(doc, spans, entity="p1", actor=None):
    return [SysMention(entity, doc.text.index(s), doc.text.index(s) + len(s), actor) for s in spans]


def test_head_match_clusters_named_mentions(doc):
    sys = _sys(doc, ["Ivan Petrenko", "Petrenko said"]) + _sys(doc, ["Red Cross"], "o1") + _sys(doc, ["Olena Koval"], "p2")
    sys[1] = SysMention("p1", sys[1].start, sys[1].start + len("Petrenko"), None)
    matched = match_mentions(sys, doc.mentions, "head")
    assert [g.text for g in matched] == ["Ivan Petrenko", "Petrenko", "the Red Cross", "Olena Koval"]
    assert match_mentions(sys, doc.mentions, "exact")[2] is None  # "Red Cross" != "the Red Cross"
    key, resp = clusterings(doc, sys, matched, "name")
    assert b_cubed(key, resp).f1 == 1.0 and muc(key, resp).f1 == 1.0
    key_all, resp_all = clusterings(doc, sys, matched, "all")
    assert b_cubed(key_all, resp_all).recall < 1.0  # the pronoun and the nominal count as misses


def test_wrong_merge_and_spurious_lower_precision(doc):
    sys = _sys(doc, ["Ivan Petrenko", "Olena Koval", "glad"])
    matched = match_mentions(sys, doc.mentions, "head")
    assert matched[2] is None
    key, resp = clusterings(doc, sys, matched, "name")
    assert b_cubed(key, resp).precision < 0.5 and muc(key, resp).precision == 0.0


def _kb():
    recs = [{"kind": "org", "name": "International Committee of the Red Cross", "wikidata": "Q71", "country": None,
             "native": [], "aliases": ["Red Cross"], "acronyms": ["ICRC"], "roles": [], "org_type": "international",
             "parent": None, "description": ""},
            {"kind": "person", "name": "Ivan Petrenko", "wikidata": "Q99", "country": "UA", "native": [],
             "aliases": [], "roles": [], "description": ""}]
    return ActorKB.from_records([expand(r) for r in recs])


def test_linking_counts_nil_and_false_links(doc):
    index = title_index(_kb())
    assert normalise_title("International_Committee_of_the_Red_Cross_(organisation)") in index
    right = _sys(doc, ["Red Cross"], "o1", "kb:Q71")
    counts = LinkCounts()
    score_links(doc, right, match_mentions(right, doc.mentions), index, counts)
    assert (counts.n, counts.in_kb, counts.correct, counts.false_links) == (1, 1, 1, 0)
    wrong = _sys(doc, ["Red Cross"], "o1", "kb:Q99")
    counts = LinkCounts()
    score_links(doc, wrong, match_mentions(wrong, doc.mentions), index, counts)
    assert (counts.correct, counts.false_links) == (0, 1)
    counts = LinkCounts()
    score_links(doc, [], [], index, counts)
    assert counts.correct == 0  # the answer is in the KB, so NIL is wrong


def test_missing_corpus_and_wotr_message(tmp_path):
    from dateline.errors import InputError

    with pytest.raises(InputError, match="--path"):
        find_corpus(tmp_path)
    (tmp_path / "wotr" / "trconll-classicxml").mkdir(parents=True)
    assert "no person/org spans" in wotr_status(tmp_path)


@pytest.mark.model
def test_cli_on_fixture():
    from dateline.cli.main import app

    r = CliRunner().invoke(app, ["eval", "actors", "--path", str(TINY)])
    assert r.exit_code == 0, r.output
    last = r.stdout.strip().splitlines()[-1]
    m = re.fullmatch(r"actors: b3_f1=(\d\.\d{3}) muc_f1=(\d\.\d{3}) link_acc=(\d\.\d{3})", last)
    assert m and all(0.0 <= float(x) <= 1.0 for x in m.groups())
    assert "name  head" in r.stdout
