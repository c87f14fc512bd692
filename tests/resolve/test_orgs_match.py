"""Organisation matching rules that guard against false links (no spaCy needed)."""

from __future__ import annotations

from dateline.resolve.actors.expand import expand
from dateline.resolve.actors.kb import ActorKB
from dateline.resolve.actors.orgs import match_org


def _org(name, country=None, acronyms=(), aliases=()):
    return {"kind": "org", "name": name, "wikidata": None, "country": country, "native": [], "aliases": list(aliases),
            "acronyms": list(acronyms), "roles": [], "org_type": "other", "parent": None, "description": ""}


KB = ActorKB.from_records([expand(r) for r in (
    _org("Eastern Coastal Militia", "UA"),  # initials ECM are generated, not declared
    _org("Security Service of Ukraine", "UA", acronyms=["SBU"]),
    _org("Israel Defense Forces", "IL", acronyms=["IDF"]),
    _org("Institute for the Study of War", "US", acronyms=["ISW"]),
)])


def test_declared_acronym_links_generated_initials_do_not():
    assert match_org(KB, "SBU", None).actor["name"] == "Security Service of Ukraine"
    m = match_org(KB, "ECM", None)
    assert m.actor is None and m.evidence == ("acronym:generated-only",)
    assert [c["name"] for c in m.candidates] == ["Eastern Coastal Militia"]


def test_national_name_without_country_stays_a_candidate():
    assert match_org(KB, "Defense Forces", None).actor is None
    assert match_org(KB, "Defense Forces", "IL").actor["name"] == "Israel Defense Forces"
    assert match_org(KB, "Defense Forces", "UA").actor is None


def test_reworded_name_without_country_word_still_links():
    m = match_org(KB, "Institute of War Study", None)
    assert m.actor is not None and m.actor["name"] == "Institute for the Study of War"


def test_national_society_is_not_the_international_body():
    kb = ActorKB.from_records([expand(_org("International Committee of the Red Cross", aliases=["Red Cross"]))])
    assert match_org(kb, "Red Cross", None).actor is not None
    assert match_org(kb, "British Red Cross", None).actor is None


def test_fuzzy_superset_of_a_two_word_name_does_not_link():
    kb = ActorKB.from_records([expand(_org("New Dawn", "RU"))])
    assert match_org(kb, "New Dawn Party", None).actor is None


def test_two_word_country_names_are_countries():
    from dateline.resolve.actors.names import strip_country

    assert strip_country("united states national security council".split()) == (["national", "security", "council"], "US")
    assert strip_country("north korea army".split()) == (["army"], "KP")
    kb = ActorKB.from_records([expand(_org("United Nations Security Council", acronyms=["UNSC"]))])
    assert match_org(kb, "United States National Security Council", None).actor is None


def _mentions(text, spans):
    from dateline.model import Mention

    out, pos = [], 0
    for s in spans:
        i = text.index(s, pos)
        out.append(Mention(text=s, start=i, end=i + len(s), label="ORG"))
        pos = i + len(s)
    return out


def test_unlinked_acronym_joins_the_name_it_spells():
    from dateline.resolve.actors.orglink import org_entities

    text = "USI opened a show. The University of Southern Indiana said USI and the Union of Testers agreed. UOX did not."
    ents = org_entities(text, ActorKB(), _mentions(text, ["USI", "University of Southern Indiana", "USI",
                                                          "Union of Testers", "UOX"]))
    groups = {tuple(sorted(m.text for m in e.mentions)) for e in ents}
    # "UOX" spells nothing in the article and is not defined in brackets: it stays apart
    assert groups == {("USI", "USI", "University of Southern Indiana"), ("UOX",), ("Union of Testers",)}


def test_acronym_defined_in_brackets_joins_whatever_its_initials():
    from dateline.resolve.actors.orglink import org_entities

    text = "The Union of Testers (UOX) agreed. UOX said more later."
    ents = org_entities(text, ActorKB(), _mentions(text, ["Union of Testers", "UOX", "UOX"]))
    assert {tuple(sorted(m.text for m in e.mentions)) for e in ents} == {("UOX", "UOX", "Union of Testers")}


def test_title_words_are_cut_off_org_spans():
    from dateline.model import Mention
    from dateline.resolve.actors.link import _drop_trailing_titles

    text = "a State Department Spokesperson said"
    m = _drop_trailing_titles(Mention("State Department Spokesperson", 2, 31, "ORG"))
    assert (m.text, text[m.start:m.end]) == ("State Department", "State Department")
    assert _drop_trailing_titles(Mention("Spokesman", 0, 9, "ORG")) is None
    same = Mention("Defense Ministry", 0, 16, "ORG")
    assert _drop_trailing_titles(same) is same


def test_body_whose_own_name_states_the_country_links_with_that_country():
    kb = ActorKB.from_records([expand(_org("Moldovan Observatory for Press Freedom", None)),
                               expand(_org("International Committee of the Red Cross", None))])
    m = match_org(kb, "Observatory for Moldovan Press Freedom", None)  # word-order slip; the demonym names MD
    assert m.actor is not None and m.actor["name"] == "Moldovan Observatory for Press Freedom"
    assert match_org(kb, "Moldovan Committee of the Red Cross", None).actor is None  # an international body stays apart


def test_of_country_word_order_links_the_national_body():
    kb = ActorKB.from_records([expand(_org("Irish Coast Rescue Service", "IE")),
                               expand(_org("Palestinian Field Medics Society", "PS"))])
    assert match_org(kb, "Coast Rescue Service of Ireland", None).actor["name"] == "Irish Coast Rescue Service"
    assert match_org(kb, "Field Medics Society of Palestine", None).actor["name"] == "Palestinian Field Medics Society"
    assert match_org(kb, "Coast Rescue Service of Greece", None).actor is None  # another country's body


def test_a_german_z_or_slavic_ts_for_an_english_c_still_finds_the_one_word_company():
    kb = ActorKB.from_records([expand(r) for r in (_org("Centroflot", "UA"), _org("Zaporizhstal", "UA"))])
    for text in ("Zentroflot", "Tsentroflot"):
        m = match_org(kb, text, None)
        assert m.actor is not None and m.actor["name"] == "Centroflot" and m.evidence == ("name:word-variant",)
    assert match_org(kb, "Caporizhstal", None).actor is None  # only Z/Ts -> C is tried, not the reverse


def test_german_tsch_and_dsch_share_a_skeleton_with_english_ch_and_j():
    from dateline.resolve.actors.names import skeleton

    assert skeleton("Tschibis") == skeleton("Chibis") and skeleton("Tschernyschow") == skeleton("Chernyshov")
    assert skeleton("Dscharrar") == skeleton("Jarrar") == skeleton("Dzharrar")
    assert skeleton("Schojgu") == skeleton("Shoigu") and skeleton("Tschibis") != skeleton("Shibis")


def test_a_lone_hyphenated_al_surname_is_one_surname():
    from dateline.resolve.actors.names import person_parts

    assert person_parts("Al-Salleh") == ["salleh"] and person_parts("el-Sisi") == ["sisi"]
    assert person_parts("Raed al-Saleh") == ["raed", "al", "saleh"]
    assert person_parts("Al Salleh") == ["al", "salleh"]  # two words: a given name "Al" is possible


def test_a_repeat_al_surname_tagged_org_joins_the_person_named_in_full(kb):
    from dateline.resolve.actors.link import resolve_actors
    from tests.resolve.helpers_actors import parse

    art, p = parse("Karim al-Haddad, head of the rescue service, wrote on X that the dead were women. "
                   "Al-Hadad said the wounded were taken to hospitals in Aleppo.")
    people = [e for e in resolve_actors(art, p, kb=kb) if e.kind == "person"]
    assert [sorted(m.text for m in e.mentions) for e in people] == [["Al-Hadad", "Karim al-Haddad"]]


UNITS = ActorKB.from_records([expand(r) for r in (
    _org("41st Mechanised Brigade", "UA", aliases=["41st Separate Mechanised Brigade"]),
    _org("Coastal Defence Brigade", "UA"),
)])


def test_a_units_number_is_its_identity():
    m = match_org(UNITS, "41st Separate Mechanised Brigade", "UA")
    assert m.actor is not None and m.actor["name"] == "41st Mechanised Brigade"
    assert match_org(UNITS, "14th Separate Mechanised Brigade", "UA").actor is None  # another unit, however alike
    assert match_org(UNITS, "Separate Mechanised Brigade", "UA").actor is None  # the number was cut off: no guess
    assert match_org(UNITS, "Coastal Defence Separate Brigade", "UA").actor["name"] == "Coastal Defence Brigade"


def test_the_number_before_a_units_name_joins_the_name():
    from dateline.nlp.spans import _numbered_unit

    text = "It named the 41st Separate Mechanised Brigade, and 3 Separate Brigade fighters, and the 2nd Army."
    a = text.index("Separate")
    assert text[_numbered_unit(text, a, text.index(","))] == "4"
    b = text.index("Separate", a + 1)
    assert _numbered_unit(text, b, b + len("Separate Brigade")) == b  # a count is no unit number
    c = text.index("Army")
    assert _numbered_unit(text, c, c + 4) == c - 4
    assert _numbered_unit(text, text.index("Mechanised"), text.index(",")) == text.index("Mechanised")  # "Separate" before


def test_a_reworded_name_whose_best_candidate_the_article_linked_joins_it():
    from dateline.model import Mention
    from dateline.resolve.actors.orglink import org_entities

    kb = ActorKB.from_records([expand(r) for r in (
        _org("Northern Defence Forces of Ukraine", "UA", aliases=["Operational Command North"]),  # a national name
        _org("Northern Fleet", "RU"),
    )])
    text = "Ukraine's Operational Command North said drones were downed. The Command of Northern Operations added more."
    ms = [Mention(t, text.index(t), text.index(t) + len(t), "ORG") for t in
          ("Ukraine's Operational Command North", "Command of Northern Operations")]
    ents = org_entities(text, kb, ms, home=None)  # the reworded name alone names no country
    linked = [e for e in ents if e.status == "linked"]
    assert len(linked) == 1 and {m.text for m in linked[0].mentions} == {m.text for m in ms}


def test_a_reworded_name_with_its_country_joins_the_body_the_text_linked_when_the_kb_has_several(kb):
    from dateline.resolve.actors.orglink import org_entities

    # the shipped KB holds two Palestinian health ministries: the reworded name alone is ambiguous
    assert "bag:ambiguous" in match_org(kb, "Ministry of Health of Palestine", "PS").evidence
    text = "The Palestinian health ministry said nine were hurt. The Ministry of Health of Palestine later said eleven."
    ents = org_entities(text, kb, _mentions(text, ["Palestinian health ministry", "Ministry of Health of Palestine"]))
    linked = [e for e in ents if e.status == "linked"]
    assert len(ents) == 1 and len(linked) == 1 and len(linked[0].mentions) == 2
