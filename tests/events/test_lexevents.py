"""Events of German, Ukrainian and Russian articles read without a parser (events/lexevents.py, lexcues.py).

The sentences are our own short invented reports with real place names.
"""

from __future__ import annotations

import pytest

from dateline.events.lexcues import count_toll, find_triggers
from dateline.events.lexevents import classify_sentence

# ---------------------------------------------------------------- casualty counts (fast, no resources)


@pytest.mark.parametrize("lang, text, killed, injured", [
    ("uk", "Унаслідок ракетного удару загинули троє людей, ще п'ятеро поранені.", 3, 5),
    ("uk", "Загинув 41-річний чоловік, ще 12 людей поранено.", 1, 12),  # an age is not a count; a singular verb is one
    ("uk", "Двоє людей загинули.", 2, None),
    ("ru", "В результате обстрела погибли 2 человека, ранены семеро.", 2, 7),
    ("ru", "Погибла женщина, ещё четверо пострадали.", 1, 4),
    ("de", "Bei dem Angriff wurden 3 Menschen getötet und zwölf verletzt.", 3, 12),
    ("de", "Es gab zwei Tote und fünf Verletzte.", 2, 5),
    ("de", "Die Armee meldete Kämpfe, Menschen wurden nicht verletzt.", None, None),  # no number, no count
])
def test_casualty_counts_from_digits_and_number_words(lang, text, killed, injured):
    toll = count_toll(text, lang)
    assert (toll.killed, toll.injured) == (killed, injured)


def test_a_number_is_not_taken_across_a_clause_or_from_a_date():
    # "двоє" belongs to the killed clause; the wounded word has no number of its own
    toll = count_toll("Загинули двоє людей, поранені перебувають у лікарні.", "uk")
    assert (toll.killed, toll.injured) == (2, None)
    text = "10 вересня загинули люди."
    assert count_toll(text, "uk").killed == 10  # without the date span the day would be read as a count
    assert count_toll(text, "uk", skip=((0, 10),)).killed is None


# ---------------------------------------------------------------- classes (fast)


@pytest.mark.parametrize("lang, text, code", [
    ("uk", "Окупанти знову обстріляли Херсон.", "ART_MISS_ATTACK"),
    ("uk", "Вночі ворожі безпілотники атакували Одесу.", "AIR_STRIKE"),
    ("uk", "Сили ППО збили 20 дронів над Київщиною.", "DISR_WEAP"),  # shot down beats the drone word
    ("uk", "Бої точаться біля Часового Яру.", "ARMED_CLASH"),
    ("uk", "Із прифронтових сіл евакуювали 300 мешканців.", "EVACUATION"),
    ("ru", "Российские войска заняли село Орловка.", "GOV_REGAINS_TERIT"),
    ("ru", "Боевики захватили город после боёв.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("ru", "Подразделения отступили на новые позиции.", "NON_VIOL_TERRIT_TRANSFER"),
    ("de", "Russische Truppen haben Awdijiwka mit Artillerie beschossen.", "ART_MISS_ATTACK"),
    ("de", "Bei einem Drohnenangriff brannte ein Öllager.", "AIR_STRIKE"),
    ("de", "Die Polizei hat zwei Verdächtige festgenommen.", "ARREST"),
    ("de", "Im Gebiet Cherson beschoss die russische Armee das Dorf Stanislaw.", "ART_MISS_ATTACK"),  # preterite
    ("de", "Die Flugabwehr schoss über Kiew zwei Drohnen ab.", "DISR_WEAP"),  # a separable verb
])
def test_trigger_classes(lang, text, code):
    hit = classify_sentence(text, lang, count_toll(text, lang))
    assert hit is not None and hit.klass.code == code


def test_no_event_without_a_trigger_or_a_toll():
    for lang, text in (("uk", "Наступного дня в місті було тихо, повідомив мер."),  # "наступного" is "next", not "offensive"
                       ("ru", "Президент провёл совещание с правительством."),
                       ("de", "Der Kanzler reiste am Montag nach Paris.")):
        assert classify_sentence(text, lang, count_toll(text, lang)) is None
    text = "У місті пролунали вибухи."  # a lone explosion is under the floor, as in English
    assert find_triggers(text, "uk") and classify_sentence(text, "uk", count_toll(text, "uk")) is None


def test_a_negated_trigger_is_no_event():
    for lang, text in (("uk", "Ніч у місті минула без обстрілів."), ("de", "Die Stadt wurde in der Nacht nicht beschossen."),
                       ("ru", "Ночь прошла без обстрелов.")):
        assert classify_sentence(text, lang, count_toll(text, lang)) is None
    text = "Росіяни не припиняють обстріли міста."  # only the word right before the trigger negates it
    assert classify_sentence(text, "uk", count_toll(text, "uk")).klass.code == "ART_MISS_ATTACK"
    for lang, text in (("uk", "Речник заявив, що армія не завдає ударів по цивільних."),  # ... or a verb carrying it
                       ("ru", "Представитель заявил, что армия не наносит ударов по жилым кварталам.")):
        assert classify_sentence(text, lang, count_toll(text, lang)) is None
    text = "Er forderte die Partner auf, mehr Flugabwehrsysteme zu liefern."  # air defence asked for, none fired
    assert classify_sentence(text, "de", count_toll(text, "de")) is None


def test_a_toll_among_civilians_makes_a_clash_word_an_attack():
    text = "Bei dem Angriff wurden drei Menschen getötet."
    assert classify_sentence(text, "de", count_toll(text, "de")).klass.code == "ATTACK"
    text = "Die Angriffe gingen weiter."
    assert classify_sentence(text, "de", count_toll(text, "de")).klass.code == "ARMED_CLASH"


# ---------------------------------------------------------------- the pipeline (gazetteer + KB)

UK = ("Вранці в суботу російські війська обстріляли Херсон. Загинули троє людей, ще п'ятеро поранені, "
      "повідомив голова обласної військової адміністрації.\n\n"
      "Увечері ракетний удар по Миколаєву зруйнував склад, двоє людей загинули.")
RU = ("В четверг ВСУ ударили по Белгороду, сообщил губернатор. В Белгороде погибли 2 человека и ранены семеро.\n\n"
      "В среду российские войска заняли село Первомайское.")
DE = ("Bei einem russischen Raketenangriff auf Charkiw sind am Dienstag 3 Menschen getötet und zwölf verletzt worden. "
      "In Sumy wurde eine Frau verletzt.\n\nDie Flugabwehr hat über Kiew zwei Drohnen abgeschossen.")


def _one(result, place):
    evs = [e for e in result.events if e.place_name == place]
    assert len(evs) == 1, [(e.type, e.place_name) for e in result.events]
    return evs[0]


def test_ukrainian_events(pipeline):
    r = pipeline.read(UK, published="2024-03-11")  # a Monday
    assert any("events from trigger words" in w for w in r.warnings)
    kherson = _one(r, "Kherson")
    assert (kherson.type, kherson.subtype, kherson.date) == ("attack", "shelling", "2024-03-09")
    assert (kherson.killed, kherson.injured) == (3, 5)  # the next sentence gives only the toll: it completes this attack
    assert kherson.acled_event_type == "Explosions/Remote violence" and kherson.stage == "events.lexical.v1"
    assert kherson.text.startswith("Вранці в суботу") and r.article.text[kherson.start:kherson.end] == kherson.text
    assert abs(kherson.lat - 46.64) < 0.2 and kherson.geo_precision == 1
    mykolaiv = _one(r, "Mykolaiv")
    assert mykolaiv.killed == 2 and mykolaiv.type == "attack"  # a death toll makes the wrecked depot an attack
    assert len(r.events) == 2


def test_russian_events(pipeline):
    r = pipeline.read(RU, published="2024-05-17")  # a Friday
    belgorod = _one(r, "Belgorod")  # the strike and the toll in the next sentence: one happening, merged
    assert (belgorod.killed, belgorod.injured, belgorod.date) == (2, 7, "2024-05-16")
    assert "group:civilians" in belgorod.targets
    assert [e.type for e in r.events if e.type == "territory_change"] == ["territory_change"]


def test_german_events(pipeline):
    r = pipeline.read(DE, published="2024-10-10")  # a Thursday
    kharkiv = _one(r, "Kharkiv")
    assert (kharkiv.subtype, kharkiv.killed, kharkiv.injured, kharkiv.date) == ("shelling", 3, 12, "2024-10-08")
    sumy = _one(r, "Sumy")
    assert (sumy.type, sumy.injured) == ("attack", 1)  # "eine Frau verletzt": one, from the number word
    kyiv = _one(r, "Kyiv")
    assert kyiv.subtype == "disrupted_weapons" and kyiv.killed is None


def test_an_unplaced_mention_of_the_strike_folds_into_it_unless_it_names_another_side():
    import dataclasses

    from dateline.events.lexevents import _fold_unplaced
    from dateline.model import Event

    base = Event(id="e", type="attack", subtype="shelling", acled_event_type="", acled_sub_event_type="", text="",
                 start=0, end=10)
    placed = dataclasses.replace(base, id="e1", place_id="l1", lat=50.0, lon=36.2, actors=("o1",))
    echo = dataclasses.replace(base, id="e2", start=20, end=30, actors=("o1",), killed=17)
    other = dataclasses.replace(base, id="e3", start=40, end=50, actors=("o2",))
    out = _fold_unplaced([placed, echo, other])
    assert [e.id for e in out] == ["e1", "e3"] and out[0].killed == 17


def test_an_event_is_not_placed_at_an_office_a_landmark_or_a_relative_clause():
    from dateline.events.lexevents import _event_places
    from dateline.model import Entity

    def place(name, text, word):
        return Entity(id=name, kind="place", name=name, mentions=(), status="resolved", lat=1.0, lon=1.0, feature="city"), text.index(word)

    text = "Ракета влучила в кафе в селі Гроза поблизу Куп'янська, повідомив очільник Харківщини."
    got = _event_places(text, 0, text.index("влучила"), [place("Hroza", text, "Гроза"), place("Kupiansk", text, "Куп"),
                                                         place("Kharkiv Oblast", text, "Харківщини")])
    assert [e.name for e, _ in got] == ["Hroza"]  # the seat of the governor's office and the town it is near drop
    text = "Бої тривали біля Бахмута та Соледара."  # a front near two towns: both stay
    got = _event_places(text, 0, text.index("Бої"), [place("Bakhmut", text, "Бахмута"), place("Soledar", text, "Соледара")])
    assert [e.name for e, _ in got] == ["Bakhmut", "Soledar"]
    text = "Президент, який у четвер перебував у Гранаді, назвав удар терактом."
    assert _event_places(text, 0, text.index("удар"), [place("Granada", text, "Гранаді")]) == []


def test_a_mention_placed_only_at_a_country_folds_into_the_placed_strike():
    import dataclasses

    from dateline.events.lexevents import _fold_unplaced
    from dateline.model import Event

    base = Event(id="e", type="attack", subtype="shelling", acled_event_type="", acled_sub_event_type="", text="",
                 start=0, end=10)
    odesa = dataclasses.replace(base, id="e1", place_id="l1", lat=46.5, lon=30.7, date="2024-03-15")
    russia = dataclasses.replace(base, id="e2", start=20, end=30, place_id="l2", geo_precision=3)  # no point
    kharkiv = dataclasses.replace(base, id="e3", start=40, end=50, place_id="l3", lat=50.0, lon=36.2, date="2024-03-16")
    echo = dataclasses.replace(base, id="e4", start=60, end=70, killed=2)  # undated, unplaced, after two strikes
    out = _fold_unplaced([odesa, russia, kharkiv, echo])
    assert [e.id for e in out] == ["e1", "e3"] and out[1].killed == 2  # the nearest strike before it
