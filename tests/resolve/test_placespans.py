"""resolve.placespans: sub-spans of name-like spans that may name a place."""

from dateline.resolve.placespans import Span, sub_spans


def _subs(text, label="ORG"):
    return [s.text for s in sub_spans(text, Span(0, len(text), text, label, 0))]


def test_name_after_a_qualifier_comes_first():
    assert _subs("Northeast Georgia", "GPE")[0] == "Georgia"
    assert _subs("South Los Angeles", "GPE")[0] == "Los Angeles"
    assert _subs("Historic Dublin", "PERSON")[0] == "Dublin"


def test_hyphenated_pairs_are_split():
    assert _subs("Fargo-Moorhead")[:2] == ["Fargo", "Moorhead"]
    assert "Greenbrier" in _subs("Greenbrier-Pocahontas County")


def test_generic_heads_are_not_sub_spans():
    subs = _subs("North Fulton Regional Hospital")
    assert "North" not in subs and "North Fulton Regional" not in subs
    assert "North Fulton" in subs
    assert _subs("First Bank of Princeton") == ["First Bank", "Princeton"]


def test_person_span_gives_a_place_only_before_a_role_word():
    assert _subs("Chad Walker", "PERSON") == []
    assert _subs("Fargo Mayor Dennis Walaker", "PERSON")[-1] == "Fargo"
    assert "Alachua County" in _subs("Alachua County Sheriff Sadie Darnell", "PERSON")


def test_name_after_a_locative_or_of_inside_a_run_on_span():
    assert _subs("Lutheran School in Lombard")[0] == "Lombard"
    assert _subs("United Way of Metropolitan Atlanta") == ["United Way", "Metropolitan Atlanta", "Atlanta"]


def _spans_of(text, *labelled):
    from dateline.model import Mention, Parse
    from dateline.resolve.placespans import spans_of

    ms = []
    for sub, label in labelled:
        a = text.index(sub)
        ms.append(Mention(sub, a, a + len(sub), label))
    return [s.text for s in spans_of(text, Parse(tokens=(), sentences=(), mentions=tuple(ms), model="t"))]


def test_titles_before_a_person_are_not_places():
    text = "Yesterday Mayor Dennis Walaker and Chiefland Police Chief Robert Douglas spoke in Fargo."
    got = _spans_of(text, ("Mayor", "PROPN"), ("Dennis Walaker", "PERSON"), ("Chiefland Police Chief", "PROPN"),
                    ("Robert Douglas", "PERSON"), ("Fargo", "GPE"))
    assert got == ["Dennis Walaker", "Chiefland", "Robert Douglas", "Fargo"]


def test_a_given_name_run_before_a_person_is_dropped():
    text = "Later Britanni Lee Smith said the Sheriff was away."
    assert _spans_of(text, ("Britanni", "PROPN"), ("Lee Smith", "PERSON"), ("Sheriff", "PROPN")) == ["Lee Smith", "Sheriff"]


def test_party_affiliation_names_a_home_town():
    text = "Rep. Wendell Gilliard, D-Charleston, and Sen. Kay Lee (R-Elbow Lake) voted. The R-rated film ran."
    got = _spans_of(text, ("Wendell Gilliard", "PERSON"), ("D-Charleston", "PERSON"))
    assert got == ["Wendell Gilliard", "Charleston", "Elbow Lake"]


def test_a_person_span_ending_in_an_office_or_facility_word_is_no_person():
    from dateline.model import Mention, Parse
    from dateline.resolve.placespans import not_a_person, spans_of

    assert not_a_person("Bexbury Elementary") and not_a_person("Dunmoor Estates") and not_a_person("Tarvale Mayor")
    assert not not_a_person("Dennis Walaker") and not not_a_person("Estates")
    text = "Kids at Bexbury Elementary met Dennis Walaker."
    ms = (Mention("Bexbury Elementary", 8, 26, "PERSON"), Mention("Dennis Walaker", 31, 45, "PERSON"))
    got = spans_of(text, Parse(tokens=(), sentences=(), mentions=ms, model="t"))
    assert [(s.text, s.label) for s in got] == [("Bexbury Elementary", "ORG"), ("Dennis Walaker", "PERSON")]


def test_a_dateline_may_end_with_a_colon():
    from dateline.resolve.placespans import dateline_span

    assert dateline_span("Farm flooded. TARVALE: The body of a man was found.").text == "TARVALE"
    assert dateline_span("Farm flooded. TARVALE - The body of a man was found.").text == "TARVALE"
    assert dateline_span("Farm flooded. Tarvale: the body was found.") is None


def test_a_place_span_keeps_the_stop_of_a_press_abbreviation():
    text = "Police in Huntsville, Tex. said the Tex Ritter show and the S.C. Highway Patrol were late."
    got = _spans_of(text, ("Huntsville", "GPE"), ("Tex", "GPE"), ("Tex Ritter", "PERSON"), ("S.C. Highway Patrol", "ORG"))
    assert got == ["Huntsville", "Tex.", "Tex Ritter", "S.C. Highway Patrol"]


def test_a_capitalised_word_with_an_inner_apostrophe_is_a_name_whatever_its_tag():
    from dateline.model import Parse, Sentence, Token
    from dateline.resolve.placespans import spans_of

    text = "Rebels who control Sana'a said so."
    words = [("Rebels", "NOUN"), ("who", "PRON"), ("control", "VERB"), ("Sana'a", "INTJ"), ("said", "VERB"),
             ("so", "ADV"), (".", "PUNCT")]
    toks, pos = [], 0
    for i, (w, p) in enumerate(words):
        pos = text.index(w, pos)
        toks.append(Token(i=i, text=w, start=pos, end=pos + len(w), lemma=w.lower(), pos=p, tag="", dep="", head=i, sent=0))
        pos += len(w)
    parse = Parse(tokens=tuple(toks), sentences=(Sentence(0, len(text), 0, len(toks)),), mentions=())
    assert [(s.text, s.label) for s in spans_of(text, parse)] == [("Sana'a", "PROPN")]


def test_a_one_word_name_tagged_date_after_a_preposition_of_place_is_a_name():
    from dateline.model import Mention, Parse
    from dateline.resolve.placespans import spans_of

    text = "In Kurakhovo, residents fled. In March, troops left. On Tuesday it rained. Near Easter it snowed."
    dates = [Mention(w, text.index(w), text.index(w) + len(w), "DATE") for w in ("Kurakhovo", "March", "Tuesday", "Easter")]
    got = [s.text for s in spans_of(text, Parse(tokens=(), sentences=(), mentions=tuple(dates)))]
    assert got == ["Kurakhovo"]


def test_a_hyphenated_name_cut_at_its_particle_is_joined_again():
    # The tagger reads "Velle" as a person and "Marais" as a separate proper noun.
    text = "Gunmen attacked the prison in Velle-des-Marais, a suburb. Stratton-upon-Wye was calm. Fargo-Moorhead too."
    got = _spans_of(text, ("Velle", "PERSON"), ("Marais", "PROPN"), ("Stratton", "GPE"), ("Fargo", "GPE"))
    assert got == ["Velle-des-Marais", "Stratton-upon-Wye", "Fargo"]  # no particle: the tagger's span stands
