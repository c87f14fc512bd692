"""The source's home: learned from an outlet's other articles, or named by the user, as a weak ranking prior."""

from __future__ import annotations

import pytest

from dateline.errors import InputError
from dateline.model import Entity, Home, Mention
from dateline.resolve import placerank
from dateline.resolve.gazetteer import Gazetteer, PlaceRecord
from dateline.resolve.placefocus import Focus
from dateline.resolve.placehome import MIN_CONFIDENCE, home_from_name, source_home, source_key
from dateline.resolve.places import geocode_spans

from .places_fixture import ROWS, build_fixture

PARIS_TN = (36.302, -88.3267)
PARIS_IL = (39.61115, -87.69614)


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer(build_fixture(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite", ROWS))


def _place(name: str, lat: float, lon: float, *, feature: str = "city", conf: float = 0.9, cc: str = "US",
           status: str = "resolved") -> Entity:
    m = Mention(name, 0, len(name), "GPE")
    return Entity(id="l0", kind="place", name=name, mentions=(m,), status=status, confidence=conf, lat=lat, lon=lon,
                  feature=feature, country_code=cc)


# ---------------------------------------------------------------- learning a home from other articles

def test_home_is_where_most_other_articles_have_a_place(gaz):
    articles = [[_place("Paris", *PARIS_TN), _place("Henry County", 36.33, -88.32, feature="district")],
                [_place("Paris", *PARIS_TN)],
                [_place("Henry County", 36.33, -88.32, feature="district"), _place("Kyiv", 50.45, 30.52, cc="UA")],
                [_place("Kyiv", 50.45, 30.52, cc="UA")]]
    home = source_home(articles, gaz)
    assert home is not None
    assert abs(home.lat - PARIS_TN[0]) < 0.1 and abs(home.lon - PARIS_TN[1]) < 0.1
    assert home.cc == "US" and home.a1 == "US.TN"  # from the gazetteer record of the home place
    assert home.weight == pytest.approx(3 / 4)  # three of the four articles have a place near it


@pytest.mark.parametrize("articles", [
    [[_place("Paris", *PARIS_TN)]],  # one other article is no outlet's habit
    [[_place("Paris", *PARIS_TN)], [_place("Kyiv", 50.45, 30.52, cc="UA")], [_place("Paris", 48.85, 2.35, cc="FR")],
     [_place("Alexandria", 31.2, 29.9, cc="EG")]],  # no two articles agree
    [[_place("Paris", *PARIS_TN, conf=MIN_CONFIDENCE / 2)], [_place("Paris", *PARIS_TN, conf=MIN_CONFIDENCE / 2)]],
    [[_place("Tennessee", 35.75, -86.25, feature="region")], [_place("Tennessee", 35.75, -86.25, feature="region")]],
    [[_place("Paris", *PARIS_TN, status="ambiguous")], [_place("Paris", *PARIS_TN, status="ambiguous")]],
])
def test_no_home_without_agreeing_confident_local_places(articles):
    assert source_home(articles) is None


# ---------------------------------------------------------------- the ranking signal

def test_home_turns_an_unqualified_name_to_the_town_at_home(gaz):
    text = "The council of Paris met on Tuesday."
    span = [(15, 20)]
    plain = geocode_spans(text, span, gazetteer=gaz)[0]
    assert plain is not None and plain.country_code == "FR"  # without a home, the capital's Paris
    home = Home(*PARIS_TN, "US", "US.TN", 1.0, "Paris")
    local = geocode_spans(text, span, gazetteer=gaz, home=home)[0]
    assert local is not None and (local.lat, local.lon) == pytest.approx(PARIS_TN, abs=0.01)


def test_what_the_text_says_outranks_the_home(gaz):
    text = "Paris, Illinois, held its fair on Tuesday."
    home = Home(*PARIS_TN, "US", "US.TN", 1.0, "Paris")
    ent = geocode_spans(text, [(0, 5), (7, 15)], gazetteer=gaz, home=home)[0]
    assert ent is not None and (ent.lat, ent.lon) == pytest.approx(PARIS_IL, abs=0.01)


def test_home_parts_scale_with_distance_region_and_weight():
    def rec(lat, lon, a1="US.TN", feature="city"):
        return PlaceRecord(1, None, None, "X", feature, a1[:2], a1, None, None, lat, lon, 1000, 1)

    focus = Focus(None, None, [], {}, home=Home(*PARIS_TN, "US", "US.TN", 1.0))  # type: ignore[arg-type]
    at_home = placerank.home_parts(rec(*PARIS_TN), focus)["home"]
    country = placerank.W_HOME_SAME_COUNTRY
    assert at_home == pytest.approx(placerank.W_HOME + placerank.W_HOME_REGION + placerank.W_HOME_ITSELF + country)
    near = placerank.home_parts(rec(PARIS_TN[0] + 0.3, PARIS_TN[1]), focus)["home"]  # 33 km off: no longer its own town
    assert placerank.W_HOME_REGION + country < near < placerank.W_HOME + placerank.W_HOME_REGION + country
    assert placerank.home_parts(rec(*PARIS_TN, feature="region"), focus)["home"] == pytest.approx(
        placerank.W_HOME + placerank.W_HOME_REGION + country)  # a region at the home point is no town of it
    far_same_region = placerank.home_parts(rec(PARIS_TN[0], PARIS_TN[1] + 5), focus)["home"]
    assert far_same_region == pytest.approx(placerank.W_HOME_REGION + country)  # over HOME_KM away, in its state
    far_same_country = placerank.home_parts(rec(PARIS_TN[0], PARIS_TN[1] + 5, "US.NC"), focus)["home"]
    assert far_same_country == pytest.approx(country)  # another state: the home's country only
    assert placerank.home_parts(rec(48.85, 2.35, "FR.11"), focus)["home"] == 0.0
    half = Focus(None, None, [], {}, home=Home(*PARIS_TN, "US", "US.TN", 0.5))  # type: ignore[arg-type]
    assert placerank.home_parts(rec(*PARIS_TN), half)["home"] == pytest.approx(at_home / 2)
    assert placerank.home_parts(rec(*PARIS_TN), Focus(None, None, [], {})) == {}  # type: ignore[arg-type]


# ---------------------------------------------------------------- a home the user names

def test_home_from_a_name_with_its_state(gaz):
    home = home_from_name("Paris, Illinois", gaz)
    assert (home.lat, home.lon) == pytest.approx(PARIS_IL, abs=0.01) and home.a1 == "US.IL" and home.weight == 1.0


def test_home_from_a_point(gaz):
    home = home_from_name(" 36.3, -88.33 ", gaz)
    assert (home.lat, home.lon) == (36.3, -88.33) and home.cc is None


@pytest.mark.parametrize("bad", ["Quarnbyshire", "Paris, Ontario", "95,10", ""])
def test_home_that_is_no_place_is_a_one_line_error(gaz, bad):
    with pytest.raises(InputError) as exc:
        home_from_name(bad, gaz)
    assert "\n" not in str(exc.value) and "--home" in str(exc.value)


@pytest.mark.parametrize("given,key", [
    ("https://www.example-times.com/news/2009/a.html", "example-times.com"),
    ("example-times.com", "example-times.com"),
    ("WWW.Example.org", "example.org"),
    ("", None),
    (None, None),
])
def test_source_key(given, key):
    assert source_key(given) == key


def test_only_the_last_articles_are_read():
    from dateline.resolve.placehome import MAX_ARTICLES

    old = [[_place("Paris", *PARIS_TN)]] * MAX_ARTICLES
    new = [[_place("Paris", 48.85, 2.35, cc="FR")]] * (MAX_ARTICLES * 3 // 4)
    home = source_home(old + new)  # all read, Tennessee would win 200 to 150
    assert home is not None and home.cc == "FR" and home.weight == pytest.approx(0.75)


# ---------------------------------------------------------------- the outlet's own name

@pytest.mark.parametrize("source, names", [
    ("https://www.theparisnews.com/local/1", {"Paris"}),  # "the" + place + masthead word
    ("parisdailyherald.com", {"Paris"}),
    ("news.henrycountyherald.com", {"Henry County"}),  # a name written without its space
    ("edgarcountyparistimes.net", {"Edgar County", "Paris"}),
    ("parisian.com", set()),  # "ian" is no masthead word: no reading of the label
    ("latimes.com", set()),  # "la" is too short to be read as a place
    ("example.org", set()),
])
def test_places_an_outlets_domain_names(gaz, source, names):
    from dateline.resolve.placehome import named_places

    assert {p.name for p in named_places(source, gaz)} == names


def test_a_place_the_domain_names_is_the_home_when_the_articles_sit_near_it(gaz):
    henry = _place("Henry County", 36.33, -88.32, feature="district")
    articles = [[_place("Paris", *PARIS_IL), henry], [henry], [_place("Kyiv", 50.45, 30.52, cc="UA")],
                [_place("Kyiv", 50.45, 30.52, cc="UA")], [_place("Kyiv", 50.45, 30.52, cc="UA")]]
    assert source_home(articles, gaz).name == "Kyiv"  # three of five articles: the usual home
    home = source_home(articles, gaz, "https://theparisnews.com/a")
    # the Paris two articles have another place near; their own reading of "Paris" (Illinois) does not count
    assert home is not None and (home.lat, home.lon) == pytest.approx(PARIS_TN, abs=0.01)
    assert home.a1 == "US.TN" and home.weight == pytest.approx(2 / 5)
    # a named place no article sits near teaches nothing: the usual home stands
    far = [[_place("Kyiv", 50.45, 30.52, cc="UA")]] * 3
    assert source_home(far, gaz, "theparisnews.com").name == "Kyiv"


@pytest.fixture(scope="module")
def real_gaz() -> Gazetteer:
    from dateline.resolve.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.mark.parametrize("source, cc", [
    ("https://www.example-times.ru/news/1", "RU"), ("paper.co.uk", "GB"), ("news.com.ge", "GE"),
    ("example.com", None), ("radio.fm", None), ("channel.tv", None),
])
def test_a_national_domain_is_a_country_only_home(real_gaz, source, cc):
    from dateline.resolve.placehome import domain_home

    home = domain_home(source, real_gaz)
    assert (home.cc if home else None) == cc
    assert home is None or (home.country_only and home.weight < 1)


def test_a_country_only_home_favours_its_towns_by_country_not_by_distance(real_gaz):
    from dateline.resolve.placehome import source_home

    home = source_home([], real_gaz, "https://www.example-times.ru/a")  # no stored articles: the domain's country
    assert home is not None and home.country_only and home.cc == "RU"
    text = ("Flights from Chicago and Atlanta to St. Petersburg start in June, with fares from $400, the U.S. company "
            "said.")
    a, b = text.index("St. Petersburg"), text.index("St. Petersburg") + len("St. Petersburg")
    assert geocode_spans(text, [(a, b)], gazetteer=real_gaz)[0].country_code == "US"  # Florida, without a home
    assert geocode_spans(text, [(a, b)], gazetteer=real_gaz, home=home)[0].country_code == "RU"


def test_a_country_a_user_names_is_a_country_only_home(real_gaz):
    home = home_from_name("Ukraine", real_gaz)
    assert home.country_only and home.cc == "UA" and home.weight == 1.0
    assert not home_from_name("Kharkiv", real_gaz).country_only
