"""The linear classifier: packaged file, manifest, training data and behaviour."""

import hashlib
import json

from dateline.events import linear
from dateline.events.classify import classify_rules, classify_text
from dateline.events.synth import TEMPLATES, generate
from dateline.events.taxonomy import BY_CODE


def test_packaged_model_matches_its_manifest():
    raw = linear.MODEL_PATH.read_bytes()
    manifest = json.loads(linear.MODEL_PATH.with_name("events_linear.manifest.json").read_text())
    assert hashlib.sha256(raw).hexdigest() == manifest["sha256"]
    model = linear.load()
    assert set(model.classes) == set(TEMPLATES) and len(model.classes) == manifest["classes"]


def test_synthetic_data_is_deterministic_and_covers_every_class():
    a, b = generate(5, seed=3), generate(5, seed=3)
    assert a == b and a != generate(5, seed=4)
    assert {code for _, code in a} == set(TEMPLATES) <= set(BY_CODE)
    assert not any("{" in text for text, _ in a)


def test_words_carry_a_class_when_no_cue_fires():
    text = "Opposition supporters held a die-in outside the ministry."
    assert classify_rules(text).code == "OTHER"  # no lexicon cue
    assert classify_text(text).code == "PEACE_PROTEST"


def test_protester_violence_makes_a_riot_even_when_police_used_tear_gas():
    text = "Police fired tear gas as protesters threw stones and set fire to cars."
    assert classify_text(text).code == "VIOL_DEMONSTR"
    assert classify_text("Police fired tear gas to disperse the peaceful protesters.").code == "PROTEST_WITH_INTER"


def test_allied_fighters_side_with_the_army():
    assert classify_text("The army and allied fighters captured the town.").code == "GOV_REGAINS_TERIT"
    assert classify_text("Rebel fighters captured the town.").code == "NON_STATE_ACTOR_OVERTAKES_TER"


def test_score_and_evidence_stay_the_cue_lexicons():
    c = classify_text("Warplanes carried out air strikes on the town.")
    assert c.code == "AIR_STRIKE" and c.score >= 5 and c.evidence
