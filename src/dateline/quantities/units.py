"""Units that war reporting uses, with their SI factors (exact where defined)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str  # distance | area | duration | mass | percent
    factor: float  # multiply to get the SI value
    si_unit: str
    spellings: tuple[str, ...]


_MILE = 1609.344
_UNITS = (
    Unit("kilometre", "distance", 1000.0, "m", ("kilometers", "kilometres", "kilometer", "kilometre", "km", "kms")),
    Unit("metre", "distance", 1.0, "m", ("meters", "metres", "meter", "metre", "m")),
    Unit("mile", "distance", _MILE, "m", ("miles", "mile", "mi")),
    Unit("foot", "distance", 0.3048, "m", ("feet", "foot", "ft")),
    Unit("yard", "distance", 0.9144, "m", ("yards", "yard", "yd")),
    Unit("nautical mile", "distance", 1852.0, "m", ("nautical miles", "nautical mile")),
    Unit(
        "square kilometre", "area", 1e6, "m2",
        ("square kilometers", "square kilometres", "square kilometer", "square kilometre", "sq km", "sq. km", "km2", "km²"),
    ),
    Unit("square mile", "area", _MILE**2, "m2", ("square miles", "square mile", "sq miles", "sq mi", "sq. mi", "mi2", "mi²")),
    Unit("square metre", "area", 1.0, "m2", ("square meters", "square metres", "square meter", "square metre", "m2", "m²")),
    Unit("square foot", "area", 0.3048**2, "m2", ("square feet", "square foot", "sq ft", "sq. ft", "ft2", "ft²")),
    Unit("hectare", "area", 1e4, "m2", ("hectares", "hectare", "ha")),
    Unit("acre", "area", 4046.8564224, "m2", ("acres", "acre")),
    Unit("second", "duration", 1.0, "s", ("seconds", "second", "secs")),
    Unit("minute", "duration", 60.0, "s", ("minutes", "minute", "mins")),
    Unit("hour", "duration", 3600.0, "s", ("hours", "hour", "hrs")),
    Unit("day", "duration", 86400.0, "s", ("days", "day")),
    Unit("week", "duration", 604800.0, "s", ("weeks", "week")),
    Unit("month", "duration", 2629746.0, "s", ("months", "month")),  # mean Gregorian month
    Unit("year", "duration", 31556952.0, "s", ("years", "year")),  # mean Gregorian year
    Unit("tonne", "mass", 1000.0, "kg", ("tonnes", "tonne", "metric tons", "metric ton", "tons", "ton")),
    Unit("kilogram", "mass", 1.0, "kg", ("kilograms", "kilogram", "kilos", "kg")),
    # "pounds" is also money: quantities.parse keeps a pound only as a weight it can tell is one
    Unit("pound", "mass", 0.45359237, "kg", ("pounds", "pound", "lbs", "lb")),
    Unit("percent", "percent", 0.01, "ratio", ("percent", "per cent", "%")),
)


class _Table(dict[str, Unit]):
    def __init__(self) -> None:
        super().__init__({u.name: u for u in _UNITS})
        self._by_spelling = {sp.lower(): u for u in _UNITS for sp in u.spellings}

    def lookup(self, spelling: str) -> Unit | None:
        return self._by_spelling.get(re.sub(r"\s+", " ", spelling.strip().lower()))

    def spellings(self) -> list[str]:
        return sorted(self._by_spelling, key=len, reverse=True)


UNITS = _Table()
UNIT_RX = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in UNITS.spellings())

#: Countable nouns that make a number a count, plural spelling → unit name.
COUNT_NOUNS = {
    w: w.rstrip("s") if w.endswith("s") and w not in ("others", "dead", "wounded", "injured", "troops", "forces", "people", "casualties") else w
    for w in (
        "people", "persons", "civilians", "soldiers", "troops", "servicemen", "residents", "children",
        "women", "men", "settlements", "towns", "villages", "cities", "buildings", "homes", "houses",
        "drones", "missiles", "rockets", "shells", "tanks", "prisoners", "fighters", "militants",
        "casualties", "refugees", "hostages", "others", "officers", "police", "workers", "journalists",
        "students", "patients", "victims", "bodies", "aircraft", "helicopters", "ships", "vessels",
        "person", "civilian", "soldier", "child", "woman", "man", "settlement", "town", "village",
        "city", "building", "home", "house", "drone", "missile", "rocket", "tank", "prisoner",
    )
}
COUNT_NOUNS["people"] = "person"
COUNT_NOUNS["persons"] = "person"
COUNT_NOUNS["children"] = "child"
COUNT_NOUNS["women"] = "woman"
COUNT_NOUNS["men"] = "man"
COUNT_NOUNS["cities"] = "city"
COUNT_NOUNS["casualties"] = "casualty"
COUNT_NOUNS["bodies"] = "body"
