"""Press abbreviations of US states and Canadian provinces ("Ga.", "Calif.", "N.J.", "N.L.").

Third-party facts: the Associated Press Stylebook state abbreviations (with the older
US Government Printing Office forms still common in local news: "Tex.", "Penn.", "Wisc.")
and the Canadian Press province abbreviations.  An abbreviation counts only written with
its full stop(s): "Ga." is Georgia, a bare "Ga" or "GA" is left to the ordinary lookup.
"""

from __future__ import annotations

import re

#: abbreviation (as written, with its stops) -> (ISO country code, region name in the gazetteer)
PRESS_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "Ala.": ("US", "Alabama"), "Ariz.": ("US", "Arizona"), "Ark.": ("US", "Arkansas"),
    "Calif.": ("US", "California"), "Cal.": ("US", "California"), "Colo.": ("US", "Colorado"),
    "Conn.": ("US", "Connecticut"), "Del.": ("US", "Delaware"), "D.C.": ("US", "District of Columbia"),
    "Fla.": ("US", "Florida"), "Ga.": ("US", "Georgia"), "Ill.": ("US", "Illinois"), "Ind.": ("US", "Indiana"),
    "Kan.": ("US", "Kansas"), "Kans.": ("US", "Kansas"), "Ky.": ("US", "Kentucky"), "La.": ("US", "Louisiana"),
    "Md.": ("US", "Maryland"), "Mass.": ("US", "Massachusetts"), "Mich.": ("US", "Michigan"),
    "Minn.": ("US", "Minnesota"), "Miss.": ("US", "Mississippi"), "Mo.": ("US", "Missouri"),
    "Mont.": ("US", "Montana"), "Neb.": ("US", "Nebraska"), "Nebr.": ("US", "Nebraska"), "Nev.": ("US", "Nevada"),
    "N.H.": ("US", "New Hampshire"), "N.J.": ("US", "New Jersey"), "N.M.": ("US", "New Mexico"),
    "N.Mex.": ("US", "New Mexico"), "N.Y.": ("US", "New York"), "N.C.": ("US", "North Carolina"),
    "N.D.": ("US", "North Dakota"), "N.Dak.": ("US", "North Dakota"), "Okla.": ("US", "Oklahoma"),
    "Ore.": ("US", "Oregon"), "Oreg.": ("US", "Oregon"), "Pa.": ("US", "Pennsylvania"), "Penn.": ("US", "Pennsylvania"),
    "R.I.": ("US", "Rhode Island"), "S.C.": ("US", "South Carolina"), "S.D.": ("US", "South Dakota"),
    "S.Dak.": ("US", "South Dakota"), "Tenn.": ("US", "Tennessee"), "Tex.": ("US", "Texas"), "Vt.": ("US", "Vermont"),
    "Va.": ("US", "Virginia"), "Wash.": ("US", "Washington"), "W.Va.": ("US", "West Virginia"),
    "W. Va.": ("US", "West Virginia"), "Wis.": ("US", "Wisconsin"), "Wisc.": ("US", "Wisconsin"),
    "Wyo.": ("US", "Wyoming"),
    "Alta.": ("CA", "Alberta"), "B.C.": ("CA", "British Columbia"), "Man.": ("CA", "Manitoba"),
    "N.B.": ("CA", "New Brunswick"), "N.L.": ("CA", "Newfoundland and Labrador"), "Nfld.": ("CA", "Newfoundland and Labrador"),
    "N.S.": ("CA", "Nova Scotia"), "Ont.": ("CA", "Ontario"), "P.E.I.": ("CA", "Prince Edward Island"),
    "Que.": ("CA", "Quebec"), "Sask.": ("CA", "Saskatchewan"),
}
_SPACE = re.compile(r"\s+")


def press_abbreviation(text: str) -> tuple[str, str] | None:
    """Return (country code, region name) for a press abbreviation written with its stops ("Ga." -> Georgia)."""
    return PRESS_ABBREVIATIONS.get(_SPACE.sub(" ", text.strip()))
