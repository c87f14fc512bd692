import pytest

from dateline.events.casualties import count_casualties


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Emergency services said a 62-year-old woman was killed in a missile attack.", 1, None),
        ("He said two people were killed and two were wounded in the town.", 2, 2),
        ("Five civilians were hospitalized after the strike.", None, 5),
        ("At least 14 people were killed, officials said.", 14, None),
        ("The blast killed 1,250 people and injured dozens.", 1250, 12),
        ("Twenty-one soldiers died in the ambush.", 21, None),
        ("The shelling killed at least three civilians.", 3, None),
        ("Civilians were killed and wounded overnight by shelling.", None, None),
        ("A 45-year-old man spoke to reporters.", None, None),
        ("A missile attack killed a man and wounded three.", 1, 3),
        ("Gunmen shot and killed a soldier at the checkpoint.", 1, None),
        ("A Russian missile attack killed two.", 2, None),
    ],
)
def test_phrasings(text, killed, injured):
    c = count_casualties(text)
    assert (c.killed, c.injured) == (killed, injured)


def test_age_is_not_a_count():
    assert count_casualties("A 30-year-old was killed.").killed == 1
    assert count_casualties("The 30-year-old was found.").killed is None


def test_coordinated_victims_add_up():
    from dateline.events.casualties import count_casualties

    c = count_casualties("A 71-year-old man and two women were killed when shells struck apartment buildings.")
    assert c.killed == 3 and c.injured is None
    c = count_casualties("Three soldiers and a civilian were wounded in the attack.")
    assert c.injured == 4
    # "a" that does not introduce a person is not a count
    c = count_casualties("A drone and two missiles were shot down; two people were killed.")
    assert c.killed == 2


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Seven people, including two paramedics, were killed and 14 wounded in the strike.", 7, 14),
        ("Three soldiers, among them a medic, were wounded.", None, 3),
    ],
)
def test_appositive_between_victims_and_verb(text, killed, injured):
    c = count_casualties(text)
    assert (c.killed, c.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("An eight-year-old girl and her 14-year-old brother were killed when a missile hit the house.", 2, None),
        ("A man and his wife were injured by debris.", None, 2),
    ],
)
def test_two_people_coordinated_without_a_number(text, killed, injured):
    c = count_casualties(text)
    assert (c.killed, c.injured) == (killed, injured)


def test_possessive_inside_the_victim_phrase():
    assert count_casualties("The navy said three of its sailors were killed in the raid.").killed == 3
    assert count_casualties("Two of their children were wounded by shrapnel.").injured == 2
    # the pronoun "it" still ends the phrase: "two ... it was killed" is no count
    assert count_casualties("Two days later it was killed off by the council.").killed is None


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Days earlier the regional governor, Colonel Ivan Dorosh, was killed by a sniper near the front.", 1, None),
        ("The commander of the brigade was killed in the ambush.", 1, None),
        ("Olena Marchuk, 52, was wounded when a shell hit her yard.", None, 1),
        ("His daughter was injured by glass.", None, 1),
        ("Nobody was killed, the mayor said.", None, None),
        ("It was not clear whether anyone was hurt.", None, None),
        ("The proposal was killed by the committee.", None, None),
        ("Two soldiers were killed and a medic was wounded.", 2, 1),
    ],
)
def test_one_named_or_singular_victim_counts_one(text, killed, injured):
    c = count_casualties(text)
    assert (c.killed, c.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("The death toll rose to 31, officials said.", 31, None),
        ("The death toll from Friday's strike has risen to at least 14.", 14, None),
        ("The number of injured climbed to 40 overnight.", None, 40),
        ("The toll road was closed.", None, None),
    ],
)
def test_a_revised_total_is_a_count(text, killed, injured):
    c = count_casualties(text)
    assert (c.killed, c.injured) == (killed, injured)


def test_part_of_a_toll_already_given_is_no_toll():
    assert count_casualties("Police said 25 of the dead were tourists.").killed is None
    assert count_casualties("Three of the wounded were children.").injured is None
    assert count_casualties("Three of the soldiers were wounded.").injured == 3


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Fighters overran the town and massacred dozens of residents, witnesses said.", 12),
        ("Militants seized the village and executed 30 men, survivors said.", 30),
        ("Armed men raided the camp and shot dead 15 herders.", 15),
        ("At least 50 civilians were massacred when militia fighters entered the town.", 50),
        ("Two prisoners were executed on Monday.", 2),
        ("The air force executed 30 strikes overnight.", None),  # no victims: no count
    ],
)
def test_verbs_of_massacre_count_the_dead(text, killed):
    assert count_casualties(text).killed == killed


@pytest.mark.parametrize(
    "text",
    [
        "The governor said no one had been killed and firefighters put out the blaze.",
        "Not one soldier was wounded in the attack, the ministry said.",
        "No soldier was hurt.",
    ],
)
def test_a_negated_count_is_not_a_toll(text):
    c = count_casualties(text)
    assert (c.killed, c.injured) == (None, None)


def test_a_negated_count_leaves_the_other_counts():
    c = count_casualties("Not a single civilian was killed, while three soldiers were wounded.")
    assert (c.killed, c.injured) == (None, 3)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("On Monday, artillery killed a 58-year-old farmer and wounded his daughter in Brodivka.", 1, 1),
        ("A drone struck the car, injuring her husband, the mayor said.", None, 1),
        ("Rockets killed their son and wounded their two daughters.", 1, 2),
        ("He visited his wife in hospital on Tuesday.", None, None),
    ],
)
def test_possessive_kin_object_counts(text, killed, injured):
    c = count_casualties(text)
    assert (c.killed, c.injured) == (killed, injured)
