from dateline.events.taxonomy import ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES, BY_CODE, SHORT_TYPES, lookup


def test_acled_has_six_types_and_25_subtypes():
    assert len(ACLED_EVENT_TYPES) == 6
    assert len(ACLED_SUB_EVENT_TYPES) == 25
    assert {row.acled_event_type for row in ACLED_SUB_EVENT_TYPES} == set(ACLED_EVENT_TYPES)


def test_every_class_maps_to_a_short_type():
    assert all(row.type in SHORT_TYPES for row in BY_CODE.values())
    assert lookup("GOV_REGAINS_TERIT").type == "territory_change"
    assert lookup("ART_MISS_ATTACK").acled_sub_event_type == "Shelling/artillery/missile attack"
    assert lookup("no such code").code == "OTHER"
