"""The train-learned cue lexicon, the learner's counting, complementizers and participle speakers."""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path

from dateline.claims.cues import CUE_LEMMAS, learned, learned_frames
from dateline.model import Parse, Sentence, Token

ROOT = Path(__file__).resolve().parents[2]


def containing(quotes, words: str):
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote contains {words!r}: {[q.text for q in quotes]}"
    return hits[0]


def _learner():
    spec = importlib.util.spec_from_file_location("learn_cues", ROOT / "scripts" / "learn_cues.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_learned_lexicon_is_packaged_and_adds_verbs_beyond_the_hand_list():
    verbs = learned()["verbs"]
    assert verbs["say"] >= {"ccomp"}
    extra = set(verbs) - CUE_LEMMAS
    assert len(extra) >= 10, "the learned lexicon should add verbs the hand list lacks"
    tok = Token(0, "say", 0, 3, "say", "VERB", "VB", "ROOT", 0, 0)
    assert "ccomp" in learned_frames(tok)
    assert learned_frames(Token(0, "say", 0, 3, "say", "ADP", "IN", "prep", 0, 0)) == frozenset()


def test_learner_counts_gold_cues_against_all_occurrences_and_skips_contents():
    L = _learner()
    # "A say B won": "say" (1) has a clausal complement "won" (3)
    _, parse = _hand_parse([("A", "PROPN", "nsubj", 1), ("say", "VERB", "ROOT", 1),
                            ("B", "PROPN", "nsubj", 3), ("won", "VERB", "ccomp", 1)])
    counts = defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: [0, 0])))
    L.tally_article(parse, [{"cue": [(2, 5)], "content": [(6, 11)]}], counts)
    assert "won" not in counts["verbs"]  # "won" sits inside the gold content: never counted
    L.tally_article(parse, [], counts)  # same verb, not annotated: counts as an occurrence only
    assert counts["verbs"]["say"]["ccomp"] == [1, 2]
    assert counts["verbs"]["won"]["paren"] == [0, 1]  # "B won" read as "C, X said"-like outside contents
    assert L.select(counts, 1, 0.5)["verbs"]["say"]["ccomp"] == [1, 2, 0.5]
    assert L.select(counts, 2, 0.5)["verbs"] == {}
    assert L.select(counts, 1, 0.6)["verbs"] == {}


def test_learned_cue_outside_the_hand_lexicon_gives_an_indirect_quote(quotes_of):
    # "applaud" is not in the hand lexicon; train shows it as a cue with its object as content
    assert "applaud" not in CUE_LEMMAS and "dobj" in learned()["verbs"]["applaud"]
    qs = quotes_of("The mayor of Dorvik applauded the bridge plan on Monday.")
    q = containing(qs, "bridge plan")
    assert q.kind == "indirect" and q.cue == "applauded"


def test_content_keeps_the_complementizer(quotes_of):
    q = containing(quotes_of("Officials said that the dam at Velmor had held."), "dam")
    assert q.text.startswith("that the dam")


def test_participle_cue_after_a_preposition_finds_the_subject(quotes_of):
    qs = quotes_of("Mayor Anna Kelby ended the meeting by saying that the bridge would reopen.")
    q = containing(qs, "bridge would reopen")
    assert q.speaker is not None and "Kelby" in q.speaker.name


def _hand_parse(words: list[tuple[str, str, str, int]]) -> tuple[str, Parse]:
    toks, pos = [], 0
    for i, (w, p, d, h) in enumerate(words):
        toks.append(Token(i, w, pos, pos + len(w), w.lower(), p, "", d, h, 0))
        pos += len(w) + 1
    text = " ".join(w for w, *_ in words)
    return text, Parse(tuple(toks), (Sentence(0, len(text), 0, len(toks)),), ())


def test_dateline_taken_as_subject_by_the_parser_is_skipped():
    from dateline.claims.context import Doc
    from dateline.claims.subjects import speaker_head

    # the small model sometimes heads the subject with the dateline: DORVIK <-nsubj- said
    text, parse = _hand_parse([
        ("DORVIK", "PROPN", "nsubj", 7), ("(", "PUNCT", "punct", 0), ("AP", "PROPN", "appos", 0), (")", "PUNCT", "punct", 0),
        ("—", "PUNCT", "punct", 0), ("Governor", "PROPN", "compound", 6), ("Maro", "PROPN", "appos", 0),
        ("said", "VERB", "ROOT", 7), ("it", "PRON", "nsubj", 9), ("held", "VERB", "ccomp", 7),
    ])
    assert speaker_head(Doc.build(text, parse, ()), 7) == 6
    # without a dash or bracket between them, the parser's subject stands
    text, parse = _hand_parse([("Maro", "PROPN", "nsubj", 1), ("said", "VERB", "ROOT", 1),
                               ("it", "PRON", "nsubj", 3), ("held", "VERB", "ccomp", 1)])
    assert speaker_head(Doc.build(text, parse, ()), 1) == 0


def test_speaker_span_is_the_local_pronoun_while_the_name_is_the_antecedent(quotes_of):
    # PolNeAR's Source is the local mention ("he"); the entity link carries the antecedent
    text = "Defence Minister Taras Hlyboky visited the front on Monday. He said the line at Velmor had held."
    qs = quotes_of(text)
    q = containing(qs, "line at Velmor")
    assert text[q.speaker.start:q.speaker.end] == "He"
    assert "Hlyboky" in q.speaker.name and q.speaker.entity_id


def test_quote_closed_by_a_full_stop_does_not_take_the_next_sentences_cue(quotes_of):
    text = ("“We will hold the bridge,” Governor Ivan Maro said. “The river is high.” "
            "The mayor, Anna Kelby, later told reporters that the ferry would run.")
    qs = quotes_of(text)
    q = containing(qs, "The river is high")
    assert q.cue != "told"  # "told" belongs to the next sentence's own content
    told = containing(qs, "ferry would run")
    assert told.cue == "told" and "Kelby" in told.speaker.name


def test_object_content_runs_over_the_verb_complements_and_stops_at_a_comma(quotes_of):
    q = containing(quotes_of("Senator Ana Brel thanked the governors for funding the bridge."), "governors")
    assert q.text == "the governors for funding the bridge"
    # (not "attacked": a combat verb is no cue in war reporting, claims.cues.COMBAT_VERBS)
    q = containing(quotes_of("Senator Ana Brel criticized Governor Maro, with whom she clashed on Monday."), "Maro")
    assert q.text == "Governor Maro"


def test_learned_noun_cue_takes_its_prepositional_object_and_the_verbs_subject(quotes_of):
    assert "prep" in learned()["nouns"]["criticism"]
    qs = quotes_of("Senator Ana Brel renewed her sharp criticism of the new bridge tax on Monday.")
    q = containing(qs, "bridge tax")
    assert q.text == "the new bridge tax" and q.cue == "criticism"
    assert q.speaker is not None and "Brel" in q.speaker.name


def test_learned_preposition_frame_takes_the_prepositional_object(quotes_of):
    assert "prep:to" in learned()["verbs"]["refer"]
    q = containing(quotes_of("Senator Ana Brel referred to the bridge tax as a mistake."), "bridge tax")
    assert q.cue == "referred" and q.text.startswith("the bridge tax")
    assert q.speaker is not None and "Brel" in q.speaker.name


def test_learner_names_the_preposition_frame_only_when_no_other_frame_applies():
    L = _learner()
    _, parse = _hand_parse([("A", "PROPN", "nsubj", 1), ("refer", "VERB", "ROOT", 1),
                            ("to", "ADP", "prep", 1), ("B", "PROPN", "pobj", 2)])
    kids = [[c.i for c in parse.tokens if c.head == t.i and c.i != t.i] for t in parse.tokens]
    assert L.frames(parse.tokens[1], parse.tokens, kids) == ["prep:to"]
    _, parse = _hand_parse([("A", "PROPN", "nsubj", 1), ("tell", "VERB", "ROOT", 1), ("B", "PROPN", "dobj", 1),
                            ("about", "ADP", "prep", 1), ("C", "PROPN", "pobj", 3)])
    kids = [[c.i for c in parse.tokens if c.head == t.i and c.i != t.i] for t in parse.tokens]
    assert L.frames(parse.tokens[1], parse.tokens, kids) == ["dobj"]


def test_cue_less_quote_right_after_an_attribution_keeps_that_speaker(quotes_of):
    text = "Governor Ivan Maro said the bridge at Velmor had held. “It is strong and it will stay open for everyone.”"
    q = containing(quotes_of(text), "It is strong")
    assert q.speaker is not None and "Maro" in q.speaker.name
    far = ("Governor Ivan Maro said the bridge at Velmor had held. The river rose overnight. Boats were moved. "
           "Roads were shut. “It is strong and it will stay open for everyone.”")
    q = containing(quotes_of(far), "It is strong")
    assert q.speaker is None and q.reason
