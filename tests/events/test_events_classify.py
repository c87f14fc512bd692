import pytest

from dateline.events.classify import classify_text


@pytest.mark.parametrize(
    ("text", "code", "short"),
    [
        ("Government troops recaptured the town from the rebels on Monday.", "GOV_REGAINS_TERIT", "territory_change"),
        ("Militants seized control of the district after the army fled.", "NON_STATE_ACTOR_OVERTAKES_TER", "territory_change"),
        ("Russia said it was withdrawing troops from two areas without a fight.", "NON_VIOL_TERRIT_TRANSFER", "territory_change"),
        ("The village came under heavy artillery shelling overnight.", "ART_MISS_ATTACK", "attack"),
        ("Warplanes carried out air strikes on the rebel-held town.", "AIR_STRIKE", "attack"),
        ("A roadside bomb exploded as the convoy passed.", "REM_EXPLOS", "attack"),
        ("Authorities began evacuating residents from the town.", "EVACUATION", "evacuation"),
        ("Electricity and water were restored after a four-day shutdown.", "INFRASTRUCTURE", "infrastructure"),
        ("The foreign minister made a surprise visit to the capital.", "DIPLO", "diplomacy"),
        ("Police arrested three men accused of spying.", "ARREST", "arrest"),
        ("Hundreds of students held a peaceful rally outside parliament.", "PEACE_PROTEST", "protest"),
        ("Police fired tear gas to disperse the protesters.", "PROTEST_WITH_INTER", "protest"),
    ],
)
def test_each_type(text, code, short):
    c = classify_text(text)
    assert c.code == code, c.scores
    assert c.klass.type == short


def test_territory_side_follows_the_actor_before_the_verb():
    assert classify_text("Rebels captured the provincial capital.").code == "NON_STATE_ACTOR_OVERTAKES_TER"
    assert classify_text("The army captured the provincial capital.").code == "GOV_REGAINS_TERIT"


def test_no_cue_is_other():
    c = classify_text("The committee will meet again next year to review the budget figures.")
    assert c.code == "OTHER" and c.score == 0.0


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("The ministry claimed its forces had taken full control of the village.", "territory_change"),
        ("More than 3,000 people had been evacuated from the district by Wednesday.", "evacuation"),
        ("Tens of thousands of people have fled the city since Friday.", "evacuation"),
        ("Debris fell on a substation, cutting power to part of the city.", "infrastructure"),
    ],
)
def test_war_report_phrasings(text, short):
    assert classify_text(text).klass.type == short, classify_text(text).scores


def test_paramilitary_capture_is_a_non_state_takeover():
    c = classify_text("Sudan's paramilitary Rapid Support Forces said they had taken control of the state capital.")
    assert c.code == "NON_STATE_ACTOR_OVERTAKES_TER", c.scores
