"""Demonyms and adjectives of countries and regions ("Ukrainian" -> UA, "Texans" -> Texas).

A demonym names a country (or a region) but is not a place mention: resolve.places makes it a
``norp`` entity at its country's (region's) point.  Only real demonym forms count: a listed one,
or the place's own name less an ending plus a suffix, compared unfolded, so that a person's name
that merely folds onto a country stem ("Keenan", "Brian") is no demonym.
"""

from __future__ import annotations

from dateline.resolve.gazetteer import Gazetteer, Hit, PlaceRecord
from dateline.resolve.gazetteer.keys import fold_key, plain_key


#: Suffixes a regional demonym's folded key may end in ("Texans", "Dagestani").
_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "ns", "n", "s")
# Demonyms that no suffix rule reaches (third-party facts).
IRREGULAR_DEMONYMS = {
    "french": "FR", "dutch": "NL", "spanish": "ES", "swiss": "CH", "welsh": "GB", "scottish": "GB", "english": "GB",
    "irish": "IE", "danish": "DK", "swedish": "SE", "finnish": "FI", "polish": "PL", "turkish": "TR", "greek": "GR",
    "thai": "TH", "filipino": "PH", "kiwi": "NZ", "yankee": "US", "soviet": "RU", "argentine": "AR", "peruvian": "PE",
    "sinhalese": "LK", "korean": "KR", "saudi": "SA", "scots": "GB", "lao": "LA",
}


#: Endings a country's name drops before a demonym suffix ("Moroccan" = Morocc(o)+an, "Lebanese" =
#: Leban(on)+ese, "Somali" = Somal(ia)+i, "Italian" = Ital(y)+ian); third-party spelling facts.
_NAME_ENDINGS = ("", "a", "e", "o", "y", "ia", "on", "um")
_DEMONYM_FORM_SUFFIXES = ("ian", "an", "n", "ese", "i", "ish")


def _build_plain_names(gazetteer: Gazetteer) -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for cc in gazetteer.meta.get("countries", {}):
        c = gazetteer.country(cc)
        if c is not None:
            out.setdefault(plain_key(c.name), cc)
    for c in pycountry.countries:
        for name in (getattr(c, "common_name", None), c.name):
            if name and "," not in name:
                out.setdefault(plain_key(name), c.alpha_2)
    return out


def _build_country_key_set(gazetteer: Gazetteer) -> frozenset[str]:
    return frozenset(k for k, _ in gazetteer.country_keys())


def _build_demonym_forms(gazetteer: Gazetteer) -> dict[str, str]:
    out: dict[str, str] = {}
    for forms, cc in gazetteer.demonyms().items():
        for form in forms.split(","):  # "antiguan,barbudan"
            out.setdefault(form, cc)
    return out


def _country_plain_names(gazetteer: Gazetteer) -> dict[str, str]:
    """Return plain (unfolded) country name -> ISO code, from the gazetteer and pycountry."""
    return gazetteer.derived(_build_plain_names)


def _table_demonym(w: str, gazetteer: Gazetteer) -> str | None:
    if w in IRREGULAR_DEMONYMS:
        return IRREGULAR_DEMONYMS[w]
    return gazetteer.derived(_build_demonym_forms).get(w)


def _derived_demonym(w: str, names: dict[str, str]) -> str | None:
    """Return the country whose own name, less an ending, plus a demonym suffix spells ``w`` exactly."""
    for suf in _DEMONYM_FORM_SUFFIXES:
        if not w.endswith(suf) or len(w) - len(suf) < 3:
            continue
        base = w[: len(w) - len(suf)]
        for ending in _NAME_ENDINGS:
            cc = names.get(base + ending)
            if cc and base + ending != w:
                return cc
    return None


def demonym_country(text: str, gazetteer: Gazetteer) -> str | None:
    """Return the ISO code of the country a demonym or adjective names ("Ukrainian" -> "UA").

    Only real demonym forms count: a listed one (countryinfo's demonyms, IRREGULAR_DEMONYMS) or
    the country's own plain name, less a final vowel or ending, plus a suffix ("Kenya" + "n").
    Letters are compared unfolded, so a person's name that only folds onto a country stem
    ("Keenan", "Brian", "Morris", "Gibbs") is no demonym; a plural adds "s" to a demonym form.
    """
    w = plain_key(text)
    if not w:
        return None
    names = _country_plain_names(gazetteer)
    fw = fold_key(w)
    if w in names or fw in gazetteer.derived(_build_country_key_set):
        return None  # a country's own name is a place, not a demonym
    for form in (w, w[:-1] if w.endswith("s") and not w.endswith("ss") else None):
        if form and (cc := _table_demonym(form, gazetteer) or _derived_demonym(form, names)):
            return cc
    return None


#: Shortest stem a region demonym may leave ("Tex" of "Texan"); shorter than this only with
#: REGION_DEMONYM_SHORT_EXTRA added letters.
REGION_DEMONYM_MIN_STEM = 3
REGION_DEMONYM_SHORT_EXTRA = 2
#: Letters a region name may add to a demonym's stem ("Ontar-ians" -> "Ontar-io").
REGION_DEMONYM_EXTRA = 3
_REGION_FEATURES = frozenset({"region"})


def region_demonym_hits(text: str, gazetteer: Gazetteer) -> list[Hit]:
    """Return the regions a regional demonym names ("Texan" -> Texas, "Dagestani" -> Dagestan)."""
    key = fold_key(text)
    for suf in _DEMONYM_SUFFIXES:
        if not key.endswith(suf):
            continue
        stem = key[: len(key) - len(suf)]
        if len(stem) < REGION_DEMONYM_MIN_STEM:
            continue
        extra = REGION_DEMONYM_EXTRA if len(stem) > REGION_DEMONYM_MIN_STEM else REGION_DEMONYM_SHORT_EXTRA
        hs = [h for h in gazetteer.lookup(stem, fuzzy=False) if h.place.feature == "region"]
        hs = hs or list(gazetteer.prefixed(stem, extra, _REGION_FEATURES))
        if hs:
            return hs
    return []


def _build_continent_demonyms(gazetteer: Gazetteer) -> dict[str, PlaceRecord]:
    out: dict[str, PlaceRecord] = {}
    for p in gazetteer.of_feature("continent"):
        name = plain_key(p.name)
        if " " in name:
            continue  # "North American" is left to the ordinary lookup, and the European Union has no demonym
        out.setdefault(name + ("n" if name.endswith("a") else "an"), p)  # Africa-n, Asia-n, Oceania-n; Europe-an
    return out


def continent_demonym_hits(text: str, gazetteer: Gazetteer) -> list[Hit]:
    """Return the continent a continent's adjective names ("European" -> Europe, "Africans" -> Africa).

    The form is the continent's own name plus "n" after an "a" (Africa-n), else "an" (Europe-an), compared
    unfolded, plural or not.
    """
    w = plain_key(text)
    table = gazetteer.derived(_build_continent_demonyms)
    for form in (w, w[:-1] if w.endswith("s") else None):
        if form and (p := table.get(form)) is not None:
            return [Hit(p, 1.0, "alias")]
    return []


#: Endings a region's name drops before a demonym suffix ("Tex(as)an", "Californ(ia)ian", "New York" + "er");
#: a bare stem names a region ending in "ia" ("Abkhaz" -> Abkhazia) only from this length on.
_REGION_NAME_ENDINGS = (*_NAME_ENDINGS, "as")
_REGION_FORM_SUFFIXES = ("ian", "an", "n", "i", "ese", "er")
REGION_BARE_STEM_MIN = 6


def region_demonym(text: str, gazetteer: Gazetteer) -> PlaceRecord | None:
    """Return the region a regional demonym names ("Minnesotans" -> Minnesota, "South Ossetian" -> South Ossetia).

    As for countries, the region's own unfolded name, less an ending, plus a suffix must spell
    the word; the most populous such region wins.  A word that is itself a place's name is none.
    """
    w = plain_key(text)
    if any(h.how == "exact" for h in gazetteer.lookup(text, fuzzy=False)):
        return None  # a place's own name ("Lombard", Illinois) is not a demonym of another ("Lombardia")
    found: list[PlaceRecord] = []
    for form in (w, w[:-1] if w.endswith("s") and not w.endswith("ss") else None):
        if not form:
            continue
        parts = [(form[: len(form) - len(suf)], _REGION_NAME_ENDINGS) for suf in _REGION_FORM_SUFFIXES
                 if form.endswith(suf) and len(form) - len(suf) >= 3]
        if len(form) >= REGION_BARE_STEM_MIN:
            parts.append((form, ("ia",)))
        for base, endings in parts:
            for name in (base + e for e in endings):
                if name != w:
                    found += [h.place for h in gazetteer.lookup(name, fuzzy=False)
                              if h.place.feature == "region" and plain_key(h.place.name) == name]
        if found:
            return max(found, key=lambda p: (p.pop, -p.id))
    return None
