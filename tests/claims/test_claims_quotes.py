"""Quote shapes, speakers (pronoun, nominal), channels, statuses and dates on real parses."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def containing(quotes, words):
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote contains {words!r}: {[q.text for q in quotes]}"
    return hits[0]


def test_direct_quote_with_cue_after(quotes_of):
    q = containing(quotes_of("“The bridge is gone,” Mayor Anna Petrenko said on Friday."), "bridge is gone")
    assert q.kind == "direct" and q.cue == "said"
    assert q.speaker is not None and "Petrenko" in q.speaker.name
    assert q.date == "2022-09-09"
    assert q.id == "q0"


def test_straight_quote_with_cue_before(quotes_of):
    q = containing(quotes_of('General Markus Hall said, "We have no reserves left."'), "no reserves")
    assert q.kind == "direct" and q.speaker and "Hall" in q.speaker.name


def test_partial_quote_takes_the_reported_clause(quotes_of):
    qs = quotes_of("Colonel Ivan Dubrov said the attack was launched “to punish the traitors” last week.")
    q = containing(qs, "to punish the traitors")
    assert q.kind == "partial"
    assert q.text.startswith("the attack was launched")
    assert "Dubrov" in q.speaker.name


def test_quote_spanning_sentences_and_paragraphs_keeps_one_speaker(quotes_of):
    text = ("“We crossed the river at night. Nobody saw us,” Captain Olena Marchuk said.\n\n"
            "“The first village was empty.\n\n“The second one was burning.”\n")
    qs = quotes_of(text)
    first = containing(qs, "Nobody saw us")
    cont = containing(qs, "second one was burning")
    assert "first village" in cont.text  # one quote over two paragraphs
    assert first.speaker.name == cont.speaker.name and "Marchuk" in cont.speaker.name


def test_unbalanced_quote_is_kept_with_reason(quotes_of):
    qs = quotes_of("Colonel Ivan Dubrov said “the line will hold.\nThe shelling continued overnight.")
    q = containing(qs, "the line will hold")
    assert q.reason and "never closed" in q.reason


def test_he_resolves_to_the_earlier_person(quotes_of):
    text = ("Defence Minister Taras Hlyboky visited the front on Monday. "
            "“The enemy is exhausted,” he said.")
    q = containing(quotes_of(text), "enemy is exhausted")
    assert q.speaker.resolved_from == "pronoun" and "Hlyboky" in q.speaker.name
    assert q.speaker.mentions and q.speaker.entity_id


def test_it_and_the_ministry_resolve_to_the_organisation(quotes_of):
    text = ("The Ministry of Agriculture published new figures on Tuesday. "
            "“Grain exports fell by half,” the ministry said. "
            "“Ports remain blocked,” it said.")
    qs = quotes_of(text)
    for words in ("Grain exports", "Ports remain"):
        q = containing(qs, words)
        assert "Ministry of Agriculture" in q.speaker.name
    assert containing(qs, "Grain exports").speaker.resolved_from == "nominal"
    assert containing(qs, "Ports remain").speaker.resolved_from == "pronoun"


def test_the_noun_a_name_was_described_by_names_the_speaker(quotes_of):
    text = ("Red Meadow, a Telegram channel close to the volunteers, said the unit had pulled back. "
            "“We held the bridge for six days,” the channel wrote.")
    q = containing(quotes_of(text), "held the bridge")
    assert q.speaker is not None and q.speaker.name.startswith("Red Meadow") and q.speaker.resolved_from == "nominal"
    other = containing(quotes_of("“We held the bridge for six days,” the channel wrote."), "held the bridge")
    assert other.speaker is None or other.speaker.resolved_from != "nominal"  # nothing was described so


def test_a_title_for_a_place_then_the_name_is_that_person(quotes_of):
    text = "The United Nations envoy for Libya, Marek Dvorsky, said in a statement he was “deeply alarmed by the fighting”."
    q = containing(quotes_of(text), "deeply alarmed")
    assert q.speaker is not None and "Dvorsky" in q.speaker.name


def test_unresolvable_pronoun_keeps_null_speaker_with_reason(quotes_of):
    q = containing(quotes_of("“The dam is cracked,” she said."), "dam is cracked")
    assert q.speaker is None and q.reason


def test_inverted_and_according_to(quotes_of):
    qs = quotes_of("The convoy was hit near the border, according to the regional governor Petro Lysak. "
                   "Power was restored on Sunday, said the city's mayor, Dmytro Savchuk.")
    a = containing(qs, "convoy was hit")
    assert a.kind == "indirect" and "Lysak" in a.speaker.name
    b = containing(qs, "Power was restored")
    assert "Savchuk" in b.speaker.name


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        ("In a video released by his office, President Viktor Moroz said the troops would stay.", "video"),
        ("In the messaging app Telegram, Viktor Moroz said the troops would stay.", "telegram"),
        ("Viktor Moroz said by telegram that the troops would stay.", "telegram"),
        ("Viktor Moroz tweeted that the troops would stay.", "tweet"),
        ("Viktor Moroz said on Facebook that the troops would stay.", "facebook"),
        ("Viktor Moroz told a local television channel that the troops would stay.", "television"),
        ("Viktor Moroz told a radio station that the troops would stay.", "radio"),
        ("Viktor Moroz said in a statement that the troops would stay.", "statement"),
        ("Viktor Moroz told a press conference that the troops would stay.", "press conference"),
        ("Viktor Moroz said in an interview that the troops would stay.", "interview"),
        ("Viktor Moroz said on social media that the troops would stay.", "social media"),
        ("The ministry said in its daily report that the troops would stay.", "report"),
    ],
)
def test_channels(quotes_of, sentence, channel):
    q = containing(quotes_of(sentence), "troops would stay")
    assert q.channel == channel and q.channel_evidence


def test_channel_carries_to_the_same_speakers_next_quote_only(quotes_of):
    text = ("Governor Oleh Brovko told a regional television channel that the town was quiet. "
            "“We are ready,” he said.\n\n"
            "Separately, engineer Ivan Sova said the bridge would reopen.")
    qs = quotes_of(text)
    assert containing(qs, "We are ready").channel == "television"
    assert containing(qs, "bridge would reopen").channel is None


@pytest.mark.parametrize(
    ("text", "words", "status"),
    [
        ("Rebel commander Ivan Tur said his men had captured the airport. "
         "The government did not immediately confirm the capture.", "captured the airport", "unconfirmed"),
        ("Officials said 40 people were killed, a figure that could not be independently verified.",
         "40 people", "unconfirmed"),
        ("The army denied that its units had shelled the market.", "shelled the market", "denied"),
        ("The army claimed that its units had taken the hill.", "taken the hill", "claimed"),
        ("The military said its forces had recaptured three villages.", "recaptured three villages", "claimed"),
        ("The mayor said the school was damaged, matching the account of the police.", "school was damaged", "confirmed"),
        ("The mayor said the school was damaged.", "school was damaged", "asserted"),
        # the doubt in the next sentence is about that sentence's own claim, not the mayor's
        ("The mayor said the school was damaged. The army claimed that its drones hit a depot, but the claim "
         "could not be independently verified.", "school was damaged", "asserted"),
        ("The mayor said the school was damaged. The army claimed that its drones hit a depot, but the claim "
         "could not be independently verified.", "drones hit a depot", "unconfirmed"),
    ],
)
def test_status(quotes_of, text, words, status):
    q = containing(quotes_of(text), words)
    assert q.status == status
    assert (q.status_evidence is None) == (status == "asserted")


def test_hedges_are_recorded(quotes_of):
    q = containing(quotes_of("Analysts suggested that the troops may have withdrawn."), "may have withdrawn")
    assert "may have" in q.hedges and "suggested" in q.hedges


def test_reported_speech_verbs(quotes_of):
    qs = quotes_of("Minister Ilya Voronin warned that prices would rise. "
                   "Ilya Voronin estimated that 300 homes were destroyed. "
                   "Ilya Voronin accused the rebels of looting the depot.")
    assert containing(qs, "prices would rise").cue == "warned"
    assert containing(qs, "300 homes").cue == "estimated"
    acc = containing(qs, "looting the depot")
    assert acc.cue == "accused" and acc.kind == "indirect"


def test_no_quotes_in_plain_narration(quotes_of):
    assert quotes_of("The river rose two metres overnight and the bridge closed.") == ()


@pytest.mark.model
def test_channel_named_one_sentence_earlier_carries_over_only_for_the_same_speaker():
    import dateline

    text = ("KYIV, Ukraine (AP) — Ukraine freed 40 soldiers on Monday, officials said.\n\n"
            "President Volodymyr Zelenskyy posted a photo on Telegram of the men at the border. "
            "“Every one of them is home,” he wrote.\n\n"
            "Foreign Minister Andrii Sybiha posted a video on Facebook. "
            "“The next swap is being prepared,” said Dmytro Lubinets, the human rights commissioner.")
    quotes = dateline.read(text, published="2024-10-16").quotes
    home = next(q for q in quotes if "is home" in q.text)
    swap = next(q for q in quotes if "next swap" in q.text)
    assert home.channel == "telegram"
    assert swap.channel is None  # the sentence before names someone else


def test_cue_inside_reported_clause_is_left_out_of_the_content(quotes_of):
    text = "The aim, the minister said, is to reopen the northern crossing before winter."
    parts = sorted(q.text for q in quotes_of(text) if q.kind == "indirect")
    assert parts == ["The aim", "is to reopen the northern crossing before winter"]
    assert {q.cue_start for q in quotes_of(text)} == {text.index("said")}


def test_quoted_fragment_inside_a_fronted_clause_takes_the_whole_clause(quotes_of):
    text = "Families who lost their homes are living in a “temporary” shelter near the station, the governor said."
    q = containing(quotes_of(text), "temporary")
    assert q.kind == "partial"
    assert q.text == "Families who lost their homes are living in a “temporary” shelter near the station"


def test_line_labels_name_the_speaker_but_section_labels_do_not(quotes_of):
    text = "Survey: Most farmers expect a smaller harvest this year.\nUpdate: The road reopened on Monday.\n"
    qs = quotes_of(text)
    q = containing(qs, "smaller harvest")
    assert q.cue == ":" and q.speaker is not None and q.speaker.name == "Survey"
    assert not [x for x in qs if "road reopened" in x.text]


def test_quote_before_another_speakers_own_clause_is_not_attributed_to_that_cue(quotes_of):
    text = ("Even as the minister insisted that “the grain corridor is safe,” a port official "
            "said the ships were still waiting.")
    qs = quotes_of(text)
    waiting = containing(qs, "ships were still waiting")
    assert waiting.cue == "said" and waiting.kind == "indirect"
    assert containing(qs, "corridor is safe").cue != "said"


def test_a_bare_cue_after_a_full_stop_still_attributes_the_quote(quotes_of):
    text = "The council met on Monday.\n\n“The dam is finished.” Koval said.\n"
    q = next(q for q in quotes_of(text) if "finished" in q.text)
    assert q.cue == "said" and q.speaker is not None and q.speaker.name == "Koval"



def test_an_apposition_between_quote_and_cue_does_not_count_against_the_gap(quotes_of):
    text = ("The volunteers dialled voters all evening.\n\n“Is the river crossing open today?” Koval, a retired engineer "
            "from the old hydroelectric plant, said into the phone.\n")
    q = next(q for q in quotes_of(text) if "river" in q.text)
    assert q.cue == "said" and q.speaker is not None and q.speaker.name == "Koval"


def test_a_reported_clause_never_starts_inside_the_dateline(nlp):
    import datetime as dt

    from dateline.claims.quotes import attribute_quotes
    from dateline.events.dates import resolve_dates
    from dateline.model import Article, Dateline
    from dateline.nlp.spans import parse_article

    text = "ODESA, Ukraine (AP) — A drone strike hit the port overnight, officials said Sunday."
    article = Article(text=text, published=dt.date(2022, 10, 9),
                      dateline=Dateline("ODESA", "Ukraine", "AP", 0, text.index("—") - 1))
    parse = parse_article(article, nlp=nlp)
    q = containing(attribute_quotes(article, parse, (), resolve_dates(article, parse)), "drone strike")
    assert q.text.startswith("A drone strike") and q.start == text.index("A drone")


def test_channel_phrase_after_a_parenthetical_cue_is_no_content(quotes_of):
    # The small model attaches "said" to "hit" (advcl) here, so the cue has no clause complement.
    text = ("The large landing ships Minsk and Saratov were hit while moored in Sevastopol Bay, along with fleet "
            "infrastructure in the city, the center said in a statement on Telegram.")
    qs = quotes_of(text)
    assert not [q for q in qs if q.text.startswith("a statement")], [q.text for q in qs]
    q = containing(qs, "landing ships Minsk")
    assert q.channel == "telegram"


def test_title_of_place_then_name_is_the_speaker():
    import dateline

    res = dateline.read("Russian-installed governor of Sevastopol Mikhail Razvozhayev said on Telegram that a "
                        "substation had been hit. The spokesman for Governor Mikhail Razvozhayev said the power was back.")
    first = containing(res.quotes, "substation")
    assert first.speaker is not None and first.speaker.name == "Mikhail Razvozhayev"
    second = containing(res.quotes, "power was back")
    assert second.speaker is not None and second.speaker.name != "Mikhail Razvozhayev"  # a spokesman speaks for him


def test_tv_interview_is_television(quotes_of):
    q = containing(quotes_of("Navy spokesman Dmytro Pletenchuk said in a TV interview that the ships were hit."),
                   "ships were hit")
    assert q.channel == "television"


def test_post_on_x_ends_its_sentence():
    import dateline

    res = dateline.read("Two crew members were wounded, the command said in a post on X. "
                        "\"These reckless attacks must stop,\" it added.")
    direct = containing(res.quotes, "reckless attacks")
    assert direct.kind == "direct" and direct.cue == "added" and direct.channel == "tweet"
    reported = containing(res.quotes, "crew members were wounded")
    assert "reckless" not in reported.text


def test_according_to_inside_a_relative_clause_vouches_for_that_clause_only():
    import dateline

    res = dateline.read("The rebels, who are backed by a neighbouring state according to UN experts, said on X that "
                        "the city had been liberated.")
    said = containing(res.quotes, "city had been liberated")
    assert said.cue == "said" and said.speaker is not None and said.speaker.name == "The rebels"
    experts = [q for q in res.quotes if q.cue and q.cue.lower() == "according"]
    assert experts and "liberated" not in experts[0].text


def test_partial_quote_after_in_a_statement_that_keeps_the_medium_out_of_the_content(quotes_of):
    qs = quotes_of('Spokesman Viktor Moroz said in a statement that Kyiv "has every right to defend itself."')
    q = containing(qs, "every right")
    assert "statement" not in q.text and q.channel == "statement"


def test_medium_lead_is_cut_only_before_that():
    from dateline.claims.channel import content_after_medium

    text = "a statement that the town was quiet"
    assert text[content_after_medium(text, 0, len(text)):] == "the town was quiet"
    plain = "a statement about the town"
    assert content_after_medium(plain, 0, len(plain)) == 0


def test_that_clause_hung_on_the_briefing_is_the_content(quotes_of):
    qs = quotes_of('Spokesman Viktor Moroz told reporters at a daily briefing that the army had carried out '
                   '"deliberate sabotage" of the bridge.')
    q = containing(qs, "deliberate sabotage")
    assert q.text.startswith("that the army") and q.speaker is not None and "Moroz" in q.speaker.name
    assert q.channel == "press conference"


def test_a_siblings_words_name_no_channel_of_the_first_claim(quotes_of):
    text = ("Officials in Odesa have been tight-lipped about the repairs for weeks, urging residents to avoid "
            "posting photos of the port on social media.")
    quotes = quotes_of(text)
    assert all(q.channel != "social media" for q in quotes), [(q.text, q.channel) for q in quotes]


def test_an_outer_claim_keeps_the_channel_of_its_frame(quotes_of):
    text = "The governor said on Telegram that the mayor had ordered the evacuation of the villages."
    quotes = quotes_of(text)
    assert any(q.channel == "telegram" for q in quotes), [(q.text, q.channel) for q in quotes]
