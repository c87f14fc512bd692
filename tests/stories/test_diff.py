from __future__ import annotations

from dateline.stories.diff import align, consensus_names, number_changes, prepare, sentence_changes


def test_consensus_prefers_the_common_spelling_and_keeps_distinct_names_apart():
    members = [{"Hrytsenko", "Kharkiv", "Ukraine", "Ukrainian", "Syria"}, {"Hrytsenko", "Kharkiv", "Syrian"},
               {"Hritsenko", "Harkiv"}, {"Hrytsenko", "Kharkiv", "Ukrainian", "Syrian"}]
    canon = consensus_names(members)
    assert canon["Hritsenko"] == "Hrytsenko" and canon["Harkiv"] == "Kharkiv"
    assert canon["Ukrainian"] == "Ukrainian" and canon["Syria"] == "Syria"  # derived words are not garbles


def test_names_used_side_by_side_are_different_people():
    members = [{"Ivanov", "Ivanova"}, {"Ivanov", "Ivanova"}, {"Ivanov", "Ivanova"}, {"Ivanov"}]
    assert consensus_names(members)["Ivanova"] == "Ivanova"


def test_figures_and_quotes_are_diffed_within_aligned_sentences():
    orig = "Officials said 14 drones were shot down over Sumy. “We will rebuild,” the mayor said. Schools closed."
    copy = "Authorities stated 17 drones were shot down over Sumy. Schools closed."
    o, c = prepare(orig), prepare(copy)
    pairs = align(o, c)
    assert [(n.original, n.variant) for n in number_changes(pairs, o, c)] == [("14", "17")]
    kinds = {ch.kind for ch in sentence_changes(pairs, o, c, orig, copy)}
    assert kinds == {"dropped_sentence", "dropped_quote"}


def test_dropped_quote_offsets_point_into_the_original():
    orig = "The mayor spoke.  “We will  rebuild every school,” she said. Schools closed."
    copy = "The mayor spoke. Schools closed."
    o, c = prepare(orig), prepare(copy)
    (q,) = [ch for ch in sentence_changes(align(o, c), o, c, orig, copy) if ch.kind == "dropped_quote"]
    assert orig[q.start:q.end] == "We will  rebuild every school,"
