"""Organisation name forms and cross-script spellings for the lexical actor linker (resolve/actors/lexnames.py)."""

from __future__ import annotations

from dateline.resolve.actors.lexgroups import find_groups
from dateline.resolve.actors.lexnames import acronym, contraction, latin_spellings, org_key, org_keys, org_variants


def test_org_key_meets_every_case_of_adjectives_and_plural_nouns():
    assert org_keys("Генерального штабу Збройних сил України") == org_keys("Генеральний штаб Збройних сил України")
    assert org_keys("Вооружёнными силами Украины") == org_keys("Вооружённые силы Украины")
    assert org_key("ЗСУ") == "зсу"  # an acronym is not cut


def test_initials_and_contractions():
    assert acronym("Збройні сили України") == "ЗСУ"
    assert acronym("Служба безпеки України") == "СБУ"  # the small word is left out
    assert acronym("Україна") is None
    assert contraction("Генеральний штаб Збройних сил України") == "Генштаб Збройних сил України"
    assert contraction("Министерство обороны Российской Федерации") == "Минобороны Российской Федерации"
    assert contraction("Служба безпеки України") is None  # "Служб-" would be the whole word


def test_variants_use_a_state_short_name_an_inner_acronym_and_drop_the_country():
    keys = org_keys("Министерство обороны Российской Федерации")
    variants = set(org_variants(keys, {}))
    assert org_keys("Министерства обороны России") in variants
    assert org_keys("Министерство обороны РФ") in variants
    inner = {org_keys("Збройні сили України"): "ЗСУ"}
    assert org_keys("Генерального штабу ЗСУ") in set(org_variants(org_keys("Генеральний штаб Збройних сил України"), inner))
    assert org_keys("Сил оборони півдня") in set(org_variants(org_keys("Сили оборони півдня України"), {}))


def test_latin_spellings_undo_the_case_and_try_both_readings_of_g():
    spellings = latin_spellings("Пентагону")
    assert "pentagon" in spellings and "pentahon" in spellings
    assert latin_spellings("Шольц")[0] in ("sholts", "sholz")


def test_groups_need_a_force_noun_after_the_country_adjective():
    text = "Російські війська обстріляли місто, а російське місто Курськ готується. Росіяни відступили."
    found = find_groups(text, "uk")
    assert [(text[s:e], cc, kind) for s, e, cc, kind in found] == [("Російські війська", "RU", "forces"),
                                                                     ("Росіяни", "RU", "people")]
    de = find_groups("Gegen die ukrainische Armee und russischer Einheiten; die russische Region Kursk.", "de")
    assert [cc for *_, cc, _ in [(0, 0, x[2], x[3]) for x in de]] == ["UA", "RU"]
    assert find_groups("Окупанти обстріляли село.", "uk")[0][2:] == ("RU", "occupier")
