"""Session 10: cue words inside organisation names, and a toll in a sentence about a declaration."""

from __future__ import annotations

from dateline.events.extract import _classify, _names_blanked
from dateline.model import Entity, Mention


def _org(text: str, name: str) -> Entity:
    a = text.index(name)
    return Entity(id="o1", kind="org", name=name, mentions=(Mention(text=name, start=a, end=a + len(name), label="ORG"),))


def test_cue_words_inside_an_organisations_name_report_nothing():
    text = "The National Liberation Army launched an offensive against the dissidents on Thursday."
    blanked = _names_blanked(text, 0, (_org(text, "National Liberation Army"),))
    assert "Liberation" not in blanked and "Army" in blanked and len(blanked) == len(text)
    klass, _ = _classify(blanked)
    assert klass.type == "attack"  # an offensive, not a recapture
    assert _classify(text)[0].type == "territory_change"  # what the bare words said before
    quote = "“Our war is not against the people,” the Popular Liberation Front said."
    assert _classify(_names_blanked(quote, 0, (_org(quote, "Popular Liberation Front"),))) is None


def test_a_declaration_over_violence_that_killed_people_is_the_killing():
    text = ("The president declared a state of emergency on Monday over violence that erupted on Thursday and has "
            "killed at least 80 people.")
    klass, _ = _classify(text)
    assert klass.type == "attack"
    klass, _ = _classify("The two presidents declared a ceasefire on Monday and signed a peace agreement.")
    assert klass.type == "diplomacy"


def test_a_summary_dated_by_its_report_merges_with_the_strike_days_before():
    import dataclasses

    from dateline.events.extract import _dates_compatible
    from dateline.model import Event

    base = Event(id="e", type="attack", subtype="air_strike", acled_event_type="", acled_sub_event_type="", text="",
                 start=0, end=10)
    report = dataclasses.replace(base, date="2024-12-25", time_precision=2)  # "..., the Taliban said on Wednesday"
    strike = dataclasses.replace(base, date="2024-12-24", time_precision=1)  # "late on Tuesday"
    assert _dates_compatible(report, strike) and _dates_compatible(strike, report)
    assert not _dates_compatible(report, dataclasses.replace(strike, date="2024-12-18"))  # a week before: another
    assert not _dates_compatible(dataclasses.replace(report, time_precision=1), strike)  # two days of their own


def test_a_happening_years_before_named_to_compare_is_no_news():
    from dateline.events.incidental import years_before

    text = "The kidnapping comes a decade after gunmen abducted 276 schoolgirls from a town in the north."
    assert years_before(text, text.index("abducted")) and years_before(text, text.index("kidnapping"))
    text = "Two years after militants stormed the town, they returned."
    assert years_before(text, text.index("stormed")) and not years_before(text, text.index("returned"))
    assert not years_before("Gunmen abducted 15 pupils on Saturday.", 7)


def test_a_report_date_that_is_no_day_is_compared_safely():
    import dataclasses

    from dateline.events.extract import _dates_compatible
    from dateline.model import Event

    base = Event(id="e", type="attack", subtype="air_strike", acled_event_type="", acled_sub_event_type="", text="",
                 start=0, end=10)
    month = dataclasses.replace(base, date="2024-12", time_precision=2)
    day = dataclasses.replace(base, date="2024-12-24", time_precision=1)
    assert _dates_compatible(month, day) is False
