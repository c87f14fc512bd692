"""Countries whose currency an article's money amounts are written in ("$765,000", "£2m", "50 euros").

A document that counts money in dollars is more likely about a town of a dollar country than about
its namesake elsewhere ("Athens City Council ... $400,000" is not the Greek capital).  The tables
map currency symbols and names to the countries that use them (third-party facts: ISO 4217 and the
countries' official currencies).  A bare "$" is every country whose currency is written with it.
"""

from __future__ import annotations

import re

#: Countries whose currency is written with a bare "$": the dollars (US dollar and its official users,
#: Canadian, Australian, New Zealand, Caribbean, Pacific, Asian and African dollars) and the pesos.
DOLLAR_SIGN = frozenset({
    # US dollar and the countries and territories that use it
    "US", "PR", "GU", "AS", "MP", "VI", "UM", "EC", "SV", "PA", "TL", "FM", "MH", "PW", "ZW", "BQ", "VG", "TC", "IO",
    "CA", "AU", "KI", "NR", "TV", "CX", "CC", "NF", "NZ", "CK", "NU", "PN", "TK",
    "JM", "BS", "BB", "BZ", "BM", "KY", "TT", "AG", "DM", "GD", "KN", "LC", "VC", "AI", "MS", "GY", "SR",
    "LR", "NA", "SB", "FJ", "TW", "HK", "SG", "BN",
    # pesos written "$"
    "MX", "AR", "CL", "CO", "CU", "DO", "UY",
})
#: A prefix before "$" names one currency ("US$", "C$", "A$", "NZ$").
DOLLAR_PREFIX = {"US": frozenset({"US"}), "U.S.": frozenset({"US"}), "C": frozenset({"CA"}), "CA": frozenset({"CA"}),
                 "CAN": frozenset({"CA"}), "A": frozenset({"AU"}), "AU": frozenset({"AU"}), "NZ": frozenset({"NZ"}),
                 "HK": frozenset({"HK"}), "S": frozenset({"SG"}), "NT": frozenset({"TW"}), "J": frozenset({"JM"}),
                 "R": frozenset({"BR"}), "MX": frozenset({"MX"})}
EURO = frozenset({"AT", "BE", "HR", "CY", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PT",
                  "SK", "SI", "ES", "AD", "MC", "SM", "VA", "ME", "XK"})
POUND = frozenset({"GB", "GG", "JE", "IM", "GI", "FK", "SH"})
#: Currency symbols other than "$".
SYMBOLS = {"£": POUND, "€": EURO, "₴": frozenset({"UA"}), "₽": frozenset({"RU"}), "₪": frozenset({"IL", "PS"}),
           "₹": frozenset({"IN"}), "₦": frozenset({"NG"}), "₺": frozenset({"TR"}), "₾": frozenset({"GE"}),
           "₱": frozenset({"PH"}), "₩": frozenset({"KR"}), "¥": frozenset({"JP", "CN"})}
#: Currency names after an amount ("50 euros", "2 million hryvnias").  Names that are also common words
#: or units ("pounds", "rand", "won") are left out.
NAMES = {
    "dollar": DOLLAR_SIGN, "euro": EURO, "sterling": POUND, "hryvnia": frozenset({"UA"}), "hryvnya": frozenset({"UA"}),
    "ruble": frozenset({"RU", "BY"}), "rouble": frozenset({"RU", "BY"}), "shekel": frozenset({"IL", "PS"}),
    "rupee": frozenset({"IN", "PK", "LK", "NP", "MU", "SC"}), "yen": frozenset({"JP"}), "yuan": frozenset({"CN"}),
    "renminbi": frozenset({"CN"}), "naira": frozenset({"NG"}), "lira": frozenset({"TR"}), "zloty": frozenset({"PL"}),
    "peso": frozenset({"MX", "PH", "AR", "CL", "CO", "CU", "DO", "UY"}), "dinar": frozenset({"IQ", "JO", "KW", "BH", "LY", "TN", "DZ", "RS"}),
    "riyal": frozenset({"SA", "QA", "YE", "OM"}), "rial": frozenset({"IR", "OM", "YE"}), "lari": frozenset({"GE"}),
    "manat": frozenset({"AZ", "TM"}), "tenge": frozenset({"KZ"}), "afghani": frozenset({"AF"}), "krone": frozenset({"DK", "NO"}),
    "kroner": frozenset({"DK", "NO"}), "krona": frozenset({"SE", "IS"}), "kronor": frozenset({"SE"}), "forint": frozenset({"HU"}),
    "shilling": frozenset({"KE", "UG", "TZ", "SO"}), "baht": frozenset({"TH"}), "rupiah": frozenset({"ID"}),
    "ringgit": frozenset({"MY"}), "dirham": frozenset({"AE", "MA"}), "cedi": frozenset({"GH"}),
}
_SIGN = re.compile(r"(?<![A-Za-z$])((?:U\.S\.|[A-Z]{1,3})?)\$\s?\d")
_SYMBOL = re.compile("[" + "".join(SYMBOLS) + r"]\s?\d|\d\s?[" + "".join(SYMBOLS) + "]")
#: A country word before a dollar or peso name narrows it ("Canadian dollars", "Mexican pesos").
QUALIFIED = {"u.s.": "US", "us": "US", "american": "US", "canadian": "CA", "australian": "AU", "singapore": "SG",
             "jamaican": "JM", "taiwan": "TW", "mexican": "MX", "argentine": "AR", "chilean": "CL", "colombian": "CO",
             "philippine": "PH", "liberian": "LR", "namibian": "NA", "zimbabwean": "ZW", "jordanian": "JO", "iraqi": "IQ",
             "kuwaiti": "KW", "serbian": "RS", "indian": "IN", "pakistani": "PK", "swedish": "SE", "danish": "DK",
             "norwegian": "NO", "kenyan": "KE", "ugandan": "UG", "tanzanian": "TZ", "saudi": "SA", "qatari": "QA",
             "iranian": "IR", "russian": "RU", "belarusian": "BY"}
_NAME = re.compile(r"\d(?:[\d,.]*)\s*(?:(?:million|billion|thousand|bn|m|k)\s+)?(?:((?:[A-Z][a-z]+|U\.S\.|US))\s+)?("
                   + "|".join(sorted(NAMES, key=len, reverse=True)) + r")s?\b", re.IGNORECASE)


def currency_countries(text: str) -> frozenset[str]:
    """Return the country codes whose currency the text writes amounts in.

    Args:
        text: the document text.

    Returns:
        Every country using a currency the text counts money in: a "$" amount gives the dollar and
        peso countries (a prefix such as "C$" narrows it), "£" the pound's, "50 euros" the euro area.
    """
    out: set[str] = set()
    for m in _SIGN.finditer(text):
        prefix = m.group(1)
        out |= DOLLAR_PREFIX.get(prefix, DOLLAR_SIGN if not prefix else frozenset())
    for m in _SYMBOL.finditer(text):
        out |= next(v for k, v in SYMBOLS.items() if k in m.group())
    for m in _NAME.finditer(text):
        qual = QUALIFIED.get((m.group(1) or "").lower())
        out |= frozenset({qual}) if qual else NAMES[m.group(2).lower()]
    return frozenset(out)
