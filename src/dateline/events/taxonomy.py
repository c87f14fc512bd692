"""The event taxonomy: ACLED's event and sub-event types, and dateline's short types.

ACLED (Armed Conflict Location & Event Data) codes political violence and protest into
6 event types and 25 sub-event types.  The *names* below are ACLED's (facts from its
public codebook); the one-line definitions are our own words.  Each sub-event type also
carries a stable ``code`` (the label spelling used by the CASE 2021 Task 2 corpus) and
the short dateline ``type``/``subtype`` that every event record uses:

    territory_change  attack  evacuation  infrastructure  diplomacy  arrest  protest  other

A few classes lie outside ACLED (diplomacy, organised crime, disasters, claims of
responsibility); they have ``acled_event_type=None`` or map to "Strategic developments".
"""

from __future__ import annotations

from dataclasses import dataclass

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

#: ACLED's six event types.
ACLED_EVENT_TYPES: tuple[str, ...] = (BATTLES, EXPLOSIONS, VIOLENCE_CIVILIANS, PROTESTS, RIOTS, STRATEGIC)

#: dateline's short event types.
SHORT_TYPES: tuple[str, ...] = (
    "territory_change", "attack", "evacuation", "infrastructure", "diplomacy", "arrest", "protest", "other",
)


@dataclass(frozen=True)
class SubEventType:
    """One sub-event class: its code, ACLED names, dateline type and a definition."""

    code: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    type: str
    subtype: str
    definition: str


_ROWS: tuple[SubEventType, ...] = (
    # Battles
    SubEventType("ARMED_CLASH", BATTLES, "Armed clash", "attack", "armed_clash",
                 "Organised armed groups fight each other and neither side gains territory."),
    SubEventType("GOV_REGAINS_TERIT", BATTLES, "Government regains territory", "territory_change", "recapture",
                 "State forces, or forces acting for the state, take back ground held by a non-state group."),
    SubEventType("NON_STATE_ACTOR_OVERTAKES_TER", BATTLES, "Non-state actor overtakes territory", "territory_change",
                 "capture", "A rebel, militia or other non-state group takes control of ground by fighting."),
    # Explosions / remote violence
    SubEventType("CHEM_WEAP", EXPLOSIONS, "Chemical weapon", "attack", "chemical_weapon",
                 "Toxic or chemical agents are used as a weapon."),
    SubEventType("AIR_STRIKE", EXPLOSIONS, "Air/drone strike", "attack", "air_strike",
                 "Aircraft, helicopters or drones bomb or fire on a target."),
    SubEventType("SUIC_BOMB", EXPLOSIONS, "Suicide bomb", "attack", "suicide_bomb",
                 "An attacker detonates explosives carried on the body or in a vehicle, dying in the blast."),
    SubEventType("ART_MISS_ATTACK", EXPLOSIONS, "Shelling/artillery/missile attack", "attack", "shelling",
                 "Long-range fire from the ground: artillery, mortars, rockets or missiles."),
    SubEventType("REM_EXPLOS", EXPLOSIONS, "Remote explosive/landmine/IED", "attack", "remote_explosive",
                 "A planted or remotely triggered device (mine, roadside bomb, car bomb) explodes."),
    SubEventType("GRENADE", EXPLOSIONS, "Grenade", "attack", "grenade",
                 "A hand grenade or similar thrown explosive is used."),
    # Violence against civilians
    SubEventType("SEX_VIOL", VIOLENCE_CIVILIANS, "Sexual violence", "attack", "sexual_violence",
                 "Rape or other sexual violence used against people as part of political violence."),
    SubEventType("ATTACK", VIOLENCE_CIVILIANS, "Attack", "attack", "attack_on_civilians",
                 "An armed group assaults unarmed people (shooting, stabbing, killing, beating)."),
    SubEventType("ABDUCT_DISSAP", VIOLENCE_CIVILIANS, "Abduction/forced disappearance", "attack", "abduction",
                 "People are kidnapped, taken hostage or made to disappear by an armed group."),
    # Protests
    SubEventType("PEACE_PROTEST", PROTESTS, "Peaceful protest", "protest", "peaceful_protest",
                 "A demonstration whose participants use no violence and meet no forceful response."),
    SubEventType("PROTEST_WITH_INTER", PROTESTS, "Protest with intervention", "protest", "protest_with_intervention",
                 "A peaceful demonstration that authorities disperse, block or detain without lethal force."),
    SubEventType("FORCE_AGAINST_PROTEST", PROTESTS, "Excessive force against protesters", "protest",
                 "excessive_force", "Authorities use lethal or grave force against peaceful demonstrators."),
    # Riots
    SubEventType("VIOL_DEMONSTR", RIOTS, "Violent demonstration", "protest", "violent_demonstration",
                 "Demonstrators themselves use violence or destroy property."),
    SubEventType("MOB_VIOL", RIOTS, "Mob violence", "protest", "mob_violence",
                 "A spontaneous crowd attacks people or property outside an organised demonstration."),
    # Strategic developments
    SubEventType("AGREEMENT", STRATEGIC, "Agreement", "diplomacy", "agreement",
                 "Parties to a conflict sign or reach a ceasefire, peace deal, prisoner exchange or similar."),
    SubEventType("ARREST", STRATEGIC, "Arrests", "arrest", "arrest",
                 "Authorities detain people in a politically relevant context."),
    SubEventType("CHANGE_TO_GROUP_ACT", STRATEGIC, "Change to group/activity", "other", "change_to_group",
                 "An armed group reorganises, moves, reinforces, recruits, splits or changes allegiance."),
    SubEventType("DISR_WEAP", STRATEGIC, "Disrupted weapons use", "other", "disrupted_weapons",
                 "Weapons or explosives are seized, defused or intercepted before use."),
    SubEventType("HQ_ESTABLISHED", STRATEGIC, "Headquarters or base established", "other", "base_established",
                 "An armed group sets up a base, headquarters or post."),
    SubEventType("PROPERTY_DISTRUCT", STRATEGIC, "Looting/property destruction", "other", "property_destruction",
                 "Property is looted, burned or destroyed without an armed engagement."),
    SubEventType("NON_VIOL_TERRIT_TRANSFER", STRATEGIC, "Non-violent transfer of territory", "territory_change",
                 "withdrawal", "Ground changes hands without fighting: a withdrawal, handover or unopposed entry."),
    SubEventType("OTHER", STRATEGIC, "Other", "other", "other",
                 "A politically significant development that fits no other class."),
)

#: Classes outside ACLED's 25 (diplomacy and non-conflict news), plus dateline's own.
_EXTRA: tuple[SubEventType, ...] = (
    SubEventType("DIPLO", STRATEGIC, "Other", "diplomacy", "diplomatic_action",
                 "A state or body condemns, sanctions, visits, meets or pledges aid."),
    SubEventType("ORG_CRIME", None, None, "other", "organised_crime",
                 "Criminal activity without a political motive: trafficking, smuggling, fraud, gang crime."),
    SubEventType("NATURAL_DISASTER", None, None, "other", "natural_disaster",
                 "Earthquakes, floods, storms, fires of natural origin and epidemics."),
    SubEventType("MAN_MADE_DISASTER", None, None, "infrastructure", "accident",
                 "An industrial accident, crash, fire, leak or collapse not caused by an attack."),
    SubEventType("ATTRIB", STRATEGIC, "Other", "other", "attribution",
                 "A group claims or denies responsibility for an act, or blames another."),
    SubEventType("EVACUATION", STRATEGIC, "Other", "evacuation", "evacuation",
                 "Residents or civilians are moved out of an area."),
    SubEventType("INFRASTRUCTURE", STRATEGIC, "Other", "infrastructure", "utility_change",
                 "Power, water, gas or a plant is damaged, shut down or restored."),
    # A dam, bridge or plant destroyed, breached or blown up where the text names no attack that did it
    # (the cause is unknown or disputed): the codebook's looting/property destruction sub-event type,
    # a strategic development.  Named shelling or strikes keep their attack class.  Not a class of the
    # linear model: :func:`dateline.events.infrastructure.refine` sets it on an INFRASTRUCTURE sentence.
    SubEventType("INFRA_DESTRUCT", STRATEGIC, "Looting/property destruction", "infrastructure", "destruction",
                 "A dam, bridge, plant or line is destroyed, breached or blown up."),
)

#: code -> SubEventType, for every class dateline knows.
BY_CODE: dict[str, SubEventType] = {row.code: row for row in _ROWS + _EXTRA}

#: The 25 ACLED sub-event types, in codebook order.
ACLED_SUB_EVENT_TYPES: tuple[SubEventType, ...] = _ROWS


def lookup(code: str) -> SubEventType:
    """Return the class with this code ("OTHER" if unknown).

    Args:
        code: a class code such as "ART_MISS_ATTACK".
    Returns:
        The matching SubEventType, or the "OTHER" row.
    """
    return BY_CODE.get(code.upper(), BY_CODE["OTHER"])
