from __future__ import annotations

from dateline.stories.normalise import normalise, sentences, shingles, skeleton, words


def test_normalise_folds_case_quotes_dashes_and_keeps_digits():
    assert normalise("“Hold”  —  the LINE,\n 73 km") == '"hold" - the line, 73 km'
    assert words("Some 1,200 troops") == ["some", "1,200", "troops"]
    assert "sent 12 tanks" in shingles("They sent 12 tanks.") and "sent 21 tanks" not in shingles("They sent 12 tanks.")


def test_skeleton_absorbs_transliteration_slips():
    base = skeleton("Khrystenko")
    for garble in ("Hrystenko", "Khristenko", "Khrysstenko", "Khrystnko"):
        assert skeleton(garble) == base, garble
    assert skeleton("Zhytomyr") == skeleton("Zitomir")
    assert skeleton("Kramatorsk") != skeleton("Kostiantynivka")


def test_sentences_keep_offsets_and_skip_abbreviations():
    text = "Gen. Ivan Sokil said 5 drones fell. “We hold,” he said.\n\nThe U.S. sent aid."
    sents = sentences(text)
    assert [s for s, _, _ in sents] == ["Gen. Ivan Sokil said 5 drones fell.", "“We hold,” he said.", "The U.S. sent aid."]
    assert all(text[a:b] == s for s, a, b in sents)
