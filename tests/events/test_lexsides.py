"""Actor and target sides of lexical events from prepositions, case endings and position (events/lexsides.py)."""

from __future__ import annotations

import re

import pytest

from dateline.events.lexsides import event_sides
from dateline.model import Entity, Mention


def _groups(text: str, names: dict[str, str]) -> tuple[Entity, ...]:
    out = []
    for eid, phrase in names.items():
        m = re.search(re.escape(phrase), text)
        assert m, phrase
        out.append(Entity(id=eid, kind="org", name=eid, status="linked",
                          mentions=(Mention(text=phrase, start=m.start(), end=m.end(), label="ORG", sent=0),)))
    return tuple(out)


def _sides(lang: str, text: str, trigger: str, names: dict[str, str]):
    m = re.search(trigger, text)
    return event_sides(text, lang, 0, len(text), (m.start(), m.end()), _groups(text, names))


@pytest.mark.parametrize("lang, text, trigger, names, actors, targets", [
    # nominative subject after the trigger is still the actor (free word order)
    ("uk", "Вночі обстріляли Харків російські війська.", "обстріляли", {"RU": "російські війська"}, ("RU",), ()),
    # "по" + the group: the target, although it comes before the trigger
    ("ru", "По позициям ВСУ российские войска нанесли удар.", "удар", {"UA": "ВСУ", "RU": "российские войска"},
     ("RU",), ("UA",)),
    # instrumental: the agent of a passive
    ("uk", "Міст було зруйновано російськими військами.", "зруйновано", {"RU": "російськими військами"}, ("RU",), ()),
    # genitive right after the trigger noun: its doer
    ("uk", "Тривав наступ російських військ на Покровськ.", "наступ", {"RU": "російських військ"}, ("RU",), ()),
    # dative without a preposition: the one struck
    ("ru", "ВСУ нанесли удар российским войскам.", "удар", {"UA": "ВСУ", "RU": "российским войскам"}, ("UA",), ("RU",)),
    # German: "gegen" makes a target, the adjective on the trigger noun the actor
    ("de", "Die russischen Angriffe gegen ukrainische Truppen gingen weiter.", "Angriffe",
     {"RU": "russischen Angriffe", "UA": "ukrainische Truppen"}, ("RU",), ("UA",)),
])
def test_sides(lang, text, trigger, names, actors, targets):
    assert _sides(lang, text, trigger, names) == (actors, targets)


def test_a_reporting_body_is_no_side():
    text = "Генштаб ЗСУ повідомив про обстріли Миколаєва."
    assert _sides("uk", text, "обстріли", {"GS": "Генштаб ЗСУ"}) == ((), ())
    text = "Российские войска нанесли удар по Купянску, сообщило Минобороны."
    assert _sides("ru", text, "удар", {"RU": "Российские войска", "MO": "Минобороны"}) == (("RU",), ())
