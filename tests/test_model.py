from dateline.ingest import make_article
from dateline.model import Entity, Mention, Quantity, Quote, Result, Speaker, from_dict, to_dict


def test_result_round_trips_through_dict():
    art = make_article("KYIV, Ukraine (AP) — Russian forces shelled Kharkiv on Saturday, the governor said.", published="2022-09-10")
    m = Mention("Kharkiv", 44, 51, "GPE", 0)
    res = Result(
        article=art,
        entities=(Entity("e0", "place", "Kharkiv", (m,), status="resolved", lat=49.99, lon=36.23, precision=1),),
        quotes=(Quote("Russian forces shelled Kharkiv", 21, 51, "indirect", Speaker("e1", "the governor", 65, 77), hedges=("apparent",)),),
        quantities=(Quantity("5 km", 0, 4, 5, "kilometre", "distance", 5000.0, "m"),),
    )
    back = from_dict(Result, to_dict(res))
    assert back.article == res.article
    assert back.entities == res.entities and back.quotes == res.quotes and back.quantities == res.quantities


def test_unknown_keys_are_ignored():
    d = to_dict(Mention("Izium", 0, 5, "GPE"))
    d["added_in_a_later_version"] = 1
    assert from_dict(Mention, d) == Mention("Izium", 0, 5, "GPE")
