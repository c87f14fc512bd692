"""The lexical reading of German, Ukrainian and Russian articles (no parser): parse, inflection, full pipeline.

The articles are short invented reports (our own prose) with real place and person names.
"""

from __future__ import annotations

import pytest

from dateline.errors import InputError
from dateline.ingest import make_article
from dateline.nlp.lexical import is_lexical, name_forms, parse_lexical, word_key

UK = (
    "Російські війська в суботу вранці обстріляли Харків, повідомив голова обласної адміністрації "
    "Олег Синєгубов. У Харкові пошкоджено кілька будинків, а поблизу Бахмута тривали бої.\n\n"
    "«Ворог знову бив по житлових кварталах», — написав Синєгубов у Телеграмі.\n\n"
    "Президент Володимир Зеленський заявив, що ситуація на Харківщині складна. Слова Зеленського передали журналісти."
)
RU = (
    "Украинские войска в четверг продвинулись в Курской области, сообщил губернатор Алексей Смирнов. "
    "В Судже идут бои.\n\n"
    "Пресс-секретарь Кремля Дмитрий Песков сказал журналистам: «Все цели будут достигнуты». "
    "Слова Пескова привело агентство ТАСС."
)
DE = (
    "Russland hat die Stadt Charkiw am Samstag erneut angegriffen. Bürgermeister Ihor Terechow sagte, "
    "in Charkiw seien zwei Wohnhäuser beschädigt worden.\n\n"
    "„Jeder Tag ohne Luftverteidigung kostet Leben“, sagte Präsident Wolodymyr Selenskyj in einem Video. "
    "Auch im Gebiet Donezk wurde bei Bachmut gekämpft."
)


# ---------------------------------------------------------------- rules (fast, no resources)


def test_name_forms_undo_case_endings():
    assert "Харків" in name_forms("Харкові", "uk")
    assert "Харків" in name_forms("Харкова", "uk")
    assert "Бахмут" in name_forms("Бахмута", "uk") and "Бахмут" in name_forms("Бахмуте", "ru")
    assert "Одеса" in name_forms("Одеси", "uk")
    assert "Авдіївка" in name_forms("Авдіївці", "uk")
    assert name_forms("Харківщині", "uk") == ("Харківська область",)
    assert name_forms("Курской", "ru", "области") == ("Курская область",)
    assert name_forms("Kiews", "de") == ("Kiews", "Kiew")
    assert name_forms("Харків", "uk")[0] == "Харків"  # the word as written is always tried first


def test_word_key_meets_case_forms_and_keeps_gender():
    assert word_key("Зеленського") == word_key("Зеленському") == word_key("Зеленський")
    assert word_key("Зеленської") != word_key("Зеленського")  # she is not he
    assert word_key("Пескова") == word_key("Песков") == word_key("Пєсков")  # Ukrainian є, Russian е
    assert word_key("Путіна") == word_key("Путин")


def test_lexical_parse_has_sentences_and_name_runs():
    art = make_article("„Wir helfen“, sagte Olaf Scholz in Berlin. „Das ist klar.“ Die Lage bleibt ernst.")
    parse = parse_lexical(art)
    assert is_lexical(parse) and parse.model == "lexical-de"
    assert all(t.pos == "" and t.dep == "" for t in parse.tokens)  # no parser: nothing pretends otherwise
    sents = [art.text[s.start:s.end] for s in parse.sentences]
    assert sents[1].startswith("„Das")  # the opening mark starts its own sentence, not the previous one's end
    assert "Olaf Scholz" in [m.text for m in parse.mentions]


def test_unsupported_language_is_still_refused():
    with pytest.raises(InputError, match="language 'fr'"):
        make_article("Les troupes russes ont bombardé la ville samedi, a déclaré le porte-parole du ministère.")
    with pytest.raises(InputError, match="language 'pl'"):
        make_article("Rosyjskie wojska ostrzelały miasto w sobotę, powiedział rzecznik ministerstwa obrony.")


# ---------------------------------------------------------------- the pipeline (gazetteer + KB)


def _place(result, name):
    return next((e for e in result.entities if e.kind == "place" and e.name == name), None)


def _actor(result, name):
    return next((e for e in result.entities if e.kind in ("person", "org") and e.name == name), None)


def test_ukrainian_article(pipeline):
    r = pipeline.read(UK, published="2022-09-10")
    assert any("read without a parser for 'uk'" in w and "events from trigger words" in w for w in r.warnings)
    shelled = [e for e in r.events if e.place_name == "Kharkiv"]  # "в суботу вранці обстріляли Харків"
    assert [(e.subtype, e.date) for e in shelled] == [("shelling", "2022-09-10")]
    assert "nlp.lexical.v1" in r.timings and "nlp.spans.v1" not in r.timings  # the lexical stage table ran
    kharkiv = _place(r, "Kharkiv")
    assert kharkiv is not None and kharkiv.country_code == "UA" and abs(kharkiv.lat - 49.99) < 0.1
    assert {m.text for m in kharkiv.mentions} >= {"Харків", "Харкові"}
    assert _place(r, "Bakhmut") is not None and _place(r, "Bakhmut").mentions[0].text == "Бахмута"
    assert _place(r, "Kharkiv Oblast").mentions[0].text == "Харківщині"
    zel = _actor(r, "Volodymyr Zelenskyy")
    assert zel is not None and zel.status == "linked" and "Зеленського" in {m.text for m in zel.mentions}
    sat = next(d for d in r.dates if d.text == "в суботу")
    assert sat.value == "2022-09-10"  # the publication day is a Saturday
    (q,) = [x for x in r.quotes if x.kind == "direct"]  # reported speech is read too (claims/lexreported.py)
    assert q.text.startswith("Ворог знову") and q.speaker.name == "Oleh Syniehubov"
    assert q.cue == "написав" and q.channel == "telegram"


def test_russian_article(pipeline):
    r = pipeline.read(RU, published="2024-08-09")
    assert _place(r, "Kursk Oblast").mentions[0].text == "Курской области"
    assert _place(r, "Sudzha").mentions[0].text == "Судже"
    peskov = _actor(r, "Dmitry Peskov")
    assert {m.text for m in peskov.mentions} == {"Дмитрий Песков", "Пескова"}
    assert next(d for d in r.dates if d.text == "в четверг").value == "2024-08-08"
    (q,) = [x for x in r.quotes if x.kind == "direct"]  # reported speech is read too (claims/lexreported.py)
    assert q.text == "Все цели будут достигнуты" and q.speaker.name == "Dmitry Peskov" and q.cue == "сказал"


def test_german_article(pipeline):
    r = pipeline.read(DE, published="2024-08-05")
    assert {m.text for m in _place(r, "Kharkiv").mentions} == {"Charkiw"}
    assert _place(r, "Donetsk Oblast") is not None  # "im Gebiet Donezk": the region, not the city
    assert _actor(r, "Volodymyr Zelenskyy").mentions[0].text == "Wolodymyr Selenskyj"
    assert next(d for d in r.dates if d.text == "am Samstag").value == "2024-08-03"
    (q,) = [x for x in r.quotes if x.kind == "direct"]  # reported speech is read too (claims/lexreported.py)
    assert q.speaker.name == "Volodymyr Zelenskyy" and q.channel == "video" and q.cue == "sagte"


def test_forcing_english_keeps_the_english_reading(pipeline):
    r = pipeline.read(DE, published="2024-08-05", language="en")
    assert not any("read without a parser" in w for w in r.warnings)


def test_a_time_adverb_opening_a_sentence_is_no_place(pipeline):
    r = pipeline.read("Ранее в четверг обстрелу подвергся Белгород, сообщил губернатор.", published="2024-02-16",
                      language="ru")
    places = {e.name for e in r.entities if e.kind == "place" and e.status == "resolved"}
    assert "Belgorod" in places and len(places) == 1, places


def test_stop_words_open_no_name():
    from dateline.nlp.lexical import is_name_start

    assert not is_name_start("Dabei", "de") and not is_name_start("In", "de") and not is_name_start("Все", "ru")
    assert is_name_start("Poltawa", "de") and is_name_start("ЗСУ", "uk")  # an acronym stays a name
    art = make_article("In der Nacht griff Russland die Stadt Lwiw an. Dabei wurden in den kommenden Tagen "
                       "mehrere Menschen verletzt, sagte Bürgermeister Andrij Sadowyj.")
    names = [m.text for m in parse_lexical(art).mentions]
    assert not {"In", "Dabei", "Tagen"} & set(names) and "Lwiw" in " ".join(names), names


def test_function_words_are_no_places_or_people(pipeline):
    r = pipeline.read("In der Nacht griff Russland die Stadt Lwiw an. Dabei wurden in den kommenden Tagen "
                      "mehrere Menschen verletzt, sagte Bürgermeister Andrij Sadowyj auf Telegram.",
                      published="2024-09-04", language="de")
    surfaces = {m.text for e in r.entities if e.status in ("resolved", "linked") for m in e.mentions}
    assert not {"In", "Dabei", "Tagen"} & surfaces, surfaces


def test_a_quote_after_a_pronoun_cue_takes_the_person_just_named(pipeline):
    text = ("Президент Володимир Зеленський заявив, що удару можна було уникнути. «Нам потрібна ППО зараз», — "
            "сказав він у вечірньому відеозверненні.")
    r = pipeline.read(text, published="2024-04-18", language="uk")
    q = next(q for q in r.quotes if q.text.startswith("Нам потрібна"))
    assert q.speaker is not None and q.speaker.name == "Volodymyr Zelenskyy" and q.channel == "video"


def test_calling_something_a_quoted_name_is_a_quote_with_its_channel(pipeline):
    text = "Секретар міської ради Олександр Ломако в ефірі телемарафону назвав удар «терором проти мирного міста»."
    r = pipeline.read(text, published="2024-04-18", language="uk")
    q = next(q for q in r.quotes if q.text.startswith("терором"))
    assert q.channel == "television"
    r2 = pipeline.read("«Каждый, кто причастен, будет наказан», — заявил Путин в телевизионном обращении к нации.",
                       published="2024-03-24", language="ru")
    q2 = next(q for q in r2.quotes if q.text.startswith("Каждый"))
    assert q2.channel == "television" and q2.speaker is not None and q2.speaker.name == "Vladimir Putin"


def test_a_german_noun_after_an_article_or_an_article_and_adjective_is_no_place(pipeline):
    # "Schlag", "Akt" and "Beginn" each fold onto some gazetteer alias; after "ein gezielter", "einem" and "seit"
    # they are nouns.  "haben Charkiw" (a verb before the name) still names the city.
    text = ("Russische Truppen haben Charkiw erneut angegriffen. Das war ein gezielter Schlag gegen Familien, sagte "
            "der Bürgermeister. Der Präsident sprach von einem Akt des Terrors. Seit Beginn der Offensive wird die "
            "Stadt fast täglich beschossen.")
    r = pipeline.read(text, published="2024-05-26", language="de")
    places = {e.name for e in r.entities if e.kind == "place" and e.status == "resolved"}
    assert "Kharkiv" in places
    mentions = {m.text for e in r.entities if e.kind == "place" for m in e.mentions}
    assert not mentions & {"Schlag", "Akt", "Beginn"}, mentions


def test_german_place_nouns_strong_adjectives_and_inflected_region_words(pipeline):
    # "vor Ort" (on site), "ein 60 Jahre alter Mann" (an old man): nouns, though "Ort" and "Mann" fold onto towns;
    # "des Gebiets Mykolajiw" is the region, "das Dorf Stanislaw" the village.
    text = ("Die Helfer waren bereits vor Ort, sagte der Gouverneur des Gebiets Mykolajiw. Im Gebiet Cherson beschoss "
            "die Armee das Dorf Stanislaw, dort wurde ein 60 Jahre alter Mann getötet.")
    r = pipeline.read(text, published="2024-03-16", language="de")
    mentions = {m.text: e.name for e in r.entities if e.kind == "place" for m in e.mentions}
    assert not {"Ort", "Mann"} & set(mentions), mentions
    assert mentions.get("Mykolajiw") == "Mykolaiv Oblast" and mentions.get("Stanislaw") == "Stanislav"
    shelling = [e for e in r.events if e.subtype == "shelling"]
    assert [e.place_name for e in shelling] == ["Stanislav"]  # the preterite "beschoss" is a trigger


def test_a_name_after_a_settlement_noun_stands_as_written(pipeline):
    # "Гроза" is also a common word (a thunderstorm) and a case form of other names; after "селі" it is the village
    text = "Ракета влучила в кафе в селі Гроза поблизу Куп'янська, загинули 52 людини."
    r = pipeline.read(text, published="2023-10-06", language="uk")
    mentions = {m.text: e for e in r.entities if e.kind == "place" for m in e.mentions}
    assert mentions["Гроза"].name == "Hroza" and mentions["Гроза"].country_code == "UA"
    assert [e.place_name for e in r.events] == ["Hroza"]  # not at the town it is near


def test_a_district_the_gazetteer_lacks_is_no_town_of_a_like_name(pipeline):
    text = "Диверсанты обстреляли село в Брянской области, сообщил губернатор. Климовский район граничит с Украиной."
    r = pipeline.read(text, published="2023-03-03", language="ru")
    mentions = {m.text: e.name for e in r.entities if e.kind == "place" and e.status == "resolved" for m in e.mentions}
    assert mentions.get("Брянской области") == "Bryansk Oblast"
    assert "Климовский" not in mentions  # before "район": no district of that name, so no town Klimovsk either
