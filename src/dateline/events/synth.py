"""Synthetic training sentences for the event classifier, from templates we wrote.

Each class has templates paraphrasing its codebook definition in the way wire copy
reports it; slots ({GOV}, {NSA}, {PLACE}, ...) are filled from small lists of
invented place names and generic actor phrases.  Nothing here comes from an
evaluation corpus.  Generation is deterministic for a given seed.
"""

from __future__ import annotations

import random
import re

SLOTS: dict[str, tuple[str, ...]] = {
    "GOV": ("government forces", "the army", "security forces", "troops", "soldiers", "the military",
            "pro-government forces", "national army units", "state forces", "the armed forces", "regime forces",
            "government troops", "special forces"),
    "NSA": ("rebels", "militants", "insurgents", "Islamist fighters", "an armed group", "separatist fighters",
            "jihadists", "a militia", "gunmen", "tribal fighters", "opposition fighters", "extremists"),
    "PLACE": ("the town of Velmora", "Karsk", "the village of Doruna", "Tessaly district", "the city of Ombrin",
              "Halvik", "the northern province of Seraya", "the outskirts of Pellan", "the port of Drisa",
              "Marrow county", "the border area of Kestel", "the capital", "the eastern region"),
    "WHEN": ("on Monday", "on Friday", "overnight", "early on Sunday", "late on Tuesday", "on Wednesday night",
             "last week", "at dawn", "this morning", "on Thursday"),
    "NUM": ("two", "three", "five", "seven", "12", "at least 20", "dozens of", "more than 40", "four", "nine"),
    "CIV": ("civilians", "villagers", "residents", "farmers", "passengers", "worshippers", "children", "women"),
    "SRC": ("", ", officials said", ", a local source said", ", state media reported", ", witnesses said",
            ", according to a monitoring group", ", the ministry said", ", police said"),
    "PROT": ("protesters", "demonstrators", "hundreds of people", "thousands of students", "activists",
             "opposition supporters", "workers", "teachers", "residents", "farmers"),
    "CAUSE": ("against the government", "against corruption", "over fuel prices", "demanding higher wages",
              "against the new law", "calling for the release of detainees", "against the election results",
              "over water shortages", "to demand justice"),
    "WEAP": ("weapons", "rifles", "ammunition", "explosives", "grenades", "rocket launchers", "pistols",
             "bomb-making materials", "detonators", "mortar rounds"),
}

TEMPLATES: dict[str, tuple[str, ...]] = {
    "ARMED_CLASH": (
        "{GOV} clashed with {NSA} in {PLACE} {WHEN}{SRC}.",
        "Heavy fighting broke out between {GOV} and {NSA} near {PLACE}{SRC}.",
        "{NSA} attacked an army checkpoint in {PLACE}, sparking a gun battle with {GOV}.",
        "{GOV} repelled an assault by {NSA} on their positions in {PLACE} {WHEN}.",
        "{NUM} soldiers and several {NSA} were killed in an exchange of fire in {PLACE}.",
        "{GOV} ambushed a group of {NSA} in {PLACE}, killing {NUM} of them{SRC}.",
        "Fierce battles between rival militias continued in {PLACE} {WHEN}.",
        "{NSA} raided a military base in {PLACE} and fought {GOV} for hours.",
        "{GOV} engaged {NSA} in {PLACE}, inflicting heavy losses{SRC}.",
        "Two armed groups fought each other in {PLACE} {WHEN}, leaving {NUM} fighters dead.",
    ),
    "GOV_REGAINS_TERIT": (
        "{GOV} recaptured {PLACE} from {NSA} {WHEN}{SRC}.",
        "{GOV} retook control of {PLACE} after days of fighting with {NSA}.",
        "{GOV} liberated {PLACE} from {NSA}{SRC}.",
        "{PLACE} is back under government control after {GOV} drove out {NSA}.",
        "{GOV} regained several villages around {PLACE} held by {NSA}.",
        "{GOV} captured {PLACE} from {NSA} {WHEN}, the army said.",
        "{GOV} seized a strategic hill near {PLACE} from {NSA}.",
        "{GOV} cleared {NSA} from {PLACE} and took full control of the area.",
        "{GOV} advanced and took back {PLACE}, which {NSA} had held for months.",
        "{NSA} were expelled from {PLACE} as {GOV} retook the town.",
    ),
    "NON_STATE_ACTOR_OVERTAKES_TER": (
        "{NSA} captured {PLACE} from {GOV} {WHEN}{SRC}.",
        "{NSA} seized control of {PLACE} after {GOV} fled.",
        "{PLACE} fell to {NSA} after heavy fighting{SRC}.",
        "{NSA} overran an army base and took over {PLACE}.",
        "{NSA} took control of several villages near {PLACE} {WHEN}.",
        "{NSA} stormed {PLACE} and now control the town{SRC}.",
        "{PLACE} is under the control of {NSA} after they drove out {GOV}.",
        "{NSA} recaptured {PLACE} from {GOV} in a counter-offensive.",
        "{NSA} gained ground and seized {PLACE} from pro-government fighters.",
    ),
    "NON_VIOL_TERRIT_TRANSFER": (
        "{GOV} withdrew from {PLACE} without a fight {WHEN}{SRC}.",
        "{NSA} pulled out of {PLACE} and handed control to the local council.",
        "{NSA} entered {PLACE} unopposed after {GOV} left.",
        "Control of {PLACE} was handed over to {GOV} under the deal.",
        "{GOV} abandoned their positions in {PLACE} and retreated.",
        "{NSA} took over {PLACE} without resistance after troops withdrew.",
        "Peacekeepers transferred {PLACE} to {GOV} without any fighting.",
        "{NSA} evacuated their positions in {PLACE}, which was then handed to {GOV}.",
    ),
    "AIR_STRIKE": (
        "Warplanes struck {PLACE} {WHEN}, killing {NUM} people{SRC}.",
        "An air strike hit a market in {PLACE}{SRC}.",
        "A drone strike targeted a vehicle carrying {NSA} in {PLACE}.",
        "Fighter jets bombed positions of {NSA} near {PLACE} {WHEN}.",
        "Helicopter gunships fired on {PLACE}{SRC}.",
        "Airstrikes by the coalition killed {NUM} {CIV} in {PLACE}.",
        "Government aircraft dropped barrel bombs on {PLACE} {WHEN}.",
        "An unmanned aerial vehicle struck a house in {PLACE}, killing {NUM}.",
        "Air raids pounded {PLACE} for a second day{SRC}.",
    ),
    "ART_MISS_ATTACK": (
        "{GOV} shelled {PLACE} {WHEN}{SRC}.",
        "Artillery fire hit residential areas of {PLACE}, killing {NUM} {CIV}.",
        "{NSA} fired rockets at {PLACE} {WHEN}{SRC}.",
        "Mortar shells landed in {PLACE}, wounding {NUM} people.",
        "A missile struck an apartment block in {PLACE}{SRC}.",
        "{PLACE} came under heavy shelling overnight{SRC}.",
        "Rocket fire from {NSA} hit a school in {PLACE}.",
        "Howitzers and multiple rocket launchers pounded {PLACE} {WHEN}.",
        "{NUM} mortar rounds were fired at army positions near {PLACE}.",
    ),
    "REM_EXPLOS": (
        "A roadside bomb exploded near a patrol in {PLACE}, killing {NUM} soldiers{SRC}.",
        "A landmine blast killed {NUM} {CIV} in {PLACE} {WHEN}.",
        "A car bomb went off in a busy street of {PLACE}{SRC}.",
        "An improvised explosive device hit a police vehicle in {PLACE}.",
        "A vehicle struck a mine near {PLACE}, wounding {NUM} people.",
        "A bomb planted under a car exploded in {PLACE} {WHEN}.",
        "A remote-controlled explosive device detonated as a convoy passed {PLACE}.",
        "A magnetic bomb attached to a bus blew up in {PLACE}{SRC}.",
        "An IED explosion killed {NUM} people in {PLACE}.",
    ),
    "SUIC_BOMB": (
        "A suicide bomber blew himself up at a checkpoint in {PLACE}{SRC}.",
        "A suicide car bomb hit a military base in {PLACE}, killing {NUM}.",
        "An attacker wearing an explosive vest detonated it inside a mosque in {PLACE}.",
        "A suicide attack on a police station in {PLACE} killed {NUM} officers.",
        "Two suicide bombers struck a market in {PLACE} {WHEN}{SRC}.",
        "A suicide truck bomb exploded outside a government compound in {PLACE}.",
    ),
    "GRENADE": (
        "A grenade was thrown into a crowd in {PLACE}, wounding {NUM} people{SRC}.",
        "Unknown attackers hurled a hand grenade at a police post in {PLACE}.",
        "A grenade attack on a bar in {PLACE} injured {NUM}.",
        "{NSA} lobbed a grenade at soldiers in {PLACE} {WHEN}.",
        "A grenade exploded outside a house in {PLACE}{SRC}.",
    ),
    "CHEM_WEAP": (
        "A chlorine gas attack on {PLACE} left {NUM} people with breathing problems{SRC}.",
        "Residents of {PLACE} reported a toxic gas attack {WHEN}.",
        "Sarin was used in an attack on {PLACE}, inspectors said.",
        "Chemical weapons were dropped on {PLACE}, causing suffocation among {CIV}.",
        "Victims in {PLACE} showed symptoms of exposure to a nerve agent.",
    ),
    "ATTACK": (
        "{NSA} killed {NUM} {CIV} in an attack on {PLACE} {WHEN}{SRC}.",
        "Gunmen opened fire on {CIV} in {PLACE}, killing {NUM}.",
        "{NSA} stormed a village near {PLACE} and shot dead {NUM} {CIV}.",
        "A man was stabbed to death by {NSA} in {PLACE}{SRC}.",
        "The bodies of {NUM} {CIV} were found in {PLACE} after an attack by {NSA}.",
        "{NSA} massacred {NUM} {CIV} in {PLACE}.",
        "Soldiers beat and killed an unarmed man in {PLACE}{SRC}.",
        "{NSA} assassinated a local official in {PLACE} {WHEN}.",
        "Unidentified attackers shot and killed a journalist in {PLACE}.",
        "{NSA} raided {PLACE}, killing {CIV} and burning homes.",
    ),
    "ABDUCT_DISSAP": (
        "{NSA} abducted {NUM} {CIV} from {PLACE} {WHEN}{SRC}.",
        "Gunmen kidnapped a businessman in {PLACE} and demanded a ransom.",
        "{NUM} aid workers were taken hostage by {NSA} near {PLACE}.",
        "An activist went missing in {PLACE} and his whereabouts remain unknown.",
        "{NSA} seized {NUM} passengers from a bus near {PLACE}.",
        "Relatives say {NUM} men were forcibly disappeared after {GOV} took them from {PLACE}.",
    ),
    "SEX_VIOL": (
        "Soldiers raped {NUM} women in {PLACE}{SRC}.",
        "{NSA} sexually assaulted girls in a camp near {PLACE}.",
        "Women in {PLACE} reported being gang-raped by armed men.",
        "A woman was raped by members of a militia in {PLACE} {WHEN}.",
    ),
    "PEACE_PROTEST": (
        "{PROT} held a peaceful protest {CAUSE} in {PLACE} {WHEN}.",
        "{PROT} marched through {PLACE} {CAUSE}{SRC}.",
        "{PROT} gathered outside parliament in {PLACE} {CAUSE}.",
        "{PROT} staged a sit-in {CAUSE} in {PLACE}.",
        "A rally {CAUSE} drew {PROT} to the main square of {PLACE}.",
        "{PROT} took to the streets of {PLACE} {CAUSE}, chanting slogans.",
        "{PROT} held a candlelight vigil in {PLACE} {WHEN}.",
        "{PROT} went on strike and picketed the ministry in {PLACE}.",
        "{PROT} demonstrated peacefully in {PLACE}, holding placards.",
        "{PROT} protested {CAUSE} in {PLACE} {WHEN}; the march ended without incident.",
    ),
    "PROTEST_WITH_INTER": (
        "Police fired tear gas to disperse {PROT} protesting {CAUSE} in {PLACE}.",
        "Police detained {NUM} protesters during a rally {CAUSE} in {PLACE}{SRC}.",
        "Police used water cannon to break up a demonstration in {PLACE} {WHEN}.",
        "Security forces blocked {PROT} from marching {CAUSE} in {PLACE}.",
        "Police dispersed a sit-in by {PROT} in {PLACE} and arrested its organisers.",
        "Riot police fired rubber bullets and tear gas at {PROT} in {PLACE}.",
        "Police arrested {NUM} demonstrators at a peaceful protest in {PLACE}.",
        "Officers cordoned off the square and prevented {PROT} from gathering in {PLACE}.",
    ),
    "FORCE_AGAINST_PROTEST": (
        "Security forces opened fire on peaceful protesters in {PLACE}, killing {NUM}{SRC}.",
        "Police shot dead {NUM} demonstrators during a protest {CAUSE} in {PLACE}.",
        "Troops used live ammunition against unarmed protesters in {PLACE} {WHEN}.",
        "{NUM} protesters were killed when soldiers fired on a crowd in {PLACE}.",
        "Police beat peaceful demonstrators to death in {PLACE}{SRC}.",
        "A violent crackdown on a peaceful march in {PLACE} left {NUM} protesters dead.",
    ),
    "VIOL_DEMONSTR": (
        "Protesters threw stones at police in {PLACE} {WHEN}{SRC}.",
        "Rioters set fire to cars and smashed shop windows in {PLACE}.",
        "Demonstrators hurled petrol bombs at riot police in {PLACE}.",
        "Protesters clashed with police and torched a police station in {PLACE}.",
        "Angry demonstrators blocked roads with burning tyres in {PLACE} {CAUSE}.",
        "A violent protest {CAUSE} erupted in {PLACE}, with rioters attacking police.",
        "Protesters stormed and vandalised the town hall in {PLACE}{SRC}.",
        "Youths pelted security forces with rocks during a demonstration in {PLACE}.",
        "Rioting broke out in {PLACE} as protesters looted shops.",
        "Demonstrators attacked officers and set up barricades in {PLACE}; police responded with tear gas.",
    ),
    "MOB_VIOL": (
        "A mob lynched a man accused of theft in {PLACE}{SRC}.",
        "An angry crowd beat a suspected thief to death in {PLACE}.",
        "Villagers attacked and burned the homes of a rival community in {PLACE}.",
        "A mob of residents attacked a police station in {PLACE} after a rumour spread.",
        "Vigilantes beat {NUM} men accused of witchcraft in {PLACE}.",
        "A crowd of villagers killed a man suspected of kidnapping a child in {PLACE}.",
    ),
    "AGREEMENT": (
        "The government and {NSA} signed a peace agreement in {PLACE}{SRC}.",
        "The warring sides agreed to a ceasefire {WHEN}.",
        "The two sides carried out a prisoner exchange near {PLACE}.",
        "{NSA} and the government reached a deal to end the fighting in {PLACE}.",
        "A truce was agreed between rival militias in {PLACE}.",
        "{NUM} fighters surrendered to {GOV} in {PLACE} under an amnesty.",
        "The parties signed a memorandum of understanding on the withdrawal of forces.",
    ),
    "ARREST": (
        "Police arrested {NUM} suspects in {PLACE} {WHEN}{SRC}.",
        "{GOV} detained a senior opposition figure in {PLACE}.",
        "A journalist was taken into custody in {PLACE} on charges of spreading false news.",
        "Authorities rounded up {NUM} activists in a raid in {PLACE}.",
        "{GOV} captured a {NSA} commander in {PLACE}.",
        "Police apprehended {NUM} men suspected of links to {NSA} in {PLACE}.",
        "An opposition leader was jailed in {PLACE} {WHEN}.",
    ),
    "CHANGE_TO_GROUP_ACT": (
        "{GOV} deployed reinforcements to {PLACE} {WHEN}{SRC}.",
        "{NUM} fighters defected from {NSA} to the government side.",
        "{NSA} recruited hundreds of new members in {PLACE}.",
        "Two rebel factions merged into a single group{SRC}.",
        "{GOV} redeployed troops from {PLACE} to the front line.",
        "Tanks and troops were sent to {PLACE} as the army massed forces.",
        "{NSA} announced a new leader and changed its name.",
        "A group of {NSA} pledged allegiance to a larger movement.",
        "{GOV} launched a new training programme for recruits in {PLACE}.",
    ),
    "DISR_WEAP": (
        "{GOV} seized a cache of {WEAP} in {PLACE}{SRC}.",
        "Police defused a bomb planted near a school in {PLACE}.",
        "{GOV} found and destroyed {WEAP} hidden by {NSA} in {PLACE}.",
        "Air defences shot down a drone over {PLACE} {WHEN}.",
        "Sappers cleared mines from the road to {PLACE}.",
        "{GOV} intercepted a truck carrying {WEAP} near {PLACE}.",
        "A large quantity of {WEAP} was confiscated during a raid in {PLACE}.",
        "Security forces discovered an arms depot belonging to {NSA} in {PLACE}.",
        "A planned bombing was foiled when police dismantled the device in {PLACE}.",
    ),
    "HQ_ESTABLISHED": (
        "{NSA} set up a new headquarters in {PLACE}{SRC}.",
        "{GOV} established a military base near {PLACE}.",
        "Troops set up an observation post outside {PLACE}.",
        "{NSA} established a command centre in {PLACE} {WHEN}.",
        "A new military outpost was built near {PLACE}.",
    ),
    "PROPERTY_DISTRUCT": (
        "{NSA} looted shops and burned houses in {PLACE}{SRC}.",
        "Unknown people set fire to a school in {PLACE} {WHEN}.",
        "{GOV} demolished homes in {PLACE}.",
        "Arsonists torched a church in {PLACE}.",
        "Militiamen ransacked government offices in {PLACE} and burned vehicles.",
        "Attackers destroyed crops and livestock in {PLACE}.",
    ),
    "NATURAL_DISASTER": (
        "Floods swept through {PLACE} after heavy rain, killing {NUM} people.",
        "An earthquake of magnitude 6.1 struck {PLACE} {WHEN}.",
        "A cyclone hit the coast near {PLACE}, destroying homes.",
        "A landslide buried houses in {PLACE}{SRC}.",
        "Wildfires forced residents to flee {PLACE}.",
        "The number of coronavirus infections in {PLACE} rose again this week.",
        "A cholera outbreak killed {NUM} people in {PLACE}.",
        "Drought has left farmers in {PLACE} without crops.",
    ),
    "MAN_MADE_DISASTER": (
        "A fire broke out at a factory in {PLACE}, killing {NUM} workers{SRC}.",
        "A bus crashed into a truck near {PLACE}, killing {NUM} passengers.",
        "A building collapsed in {PLACE} {WHEN}, trapping residents.",
        "A gas explosion ripped through an apartment block in {PLACE}.",
        "A boat carrying migrants capsized off {PLACE}.",
        "A train derailed near {PLACE}{SRC}.",
        "An oil spill polluted the coast near {PLACE}.",
        "An explosion at a chemical plant in {PLACE} injured {NUM} workers; firefighters put out the blaze.",
        "A stampede at a stadium in {PLACE} killed {NUM} people.",
    ),
    "ORG_CRIME": (
        "Police dismantled a drug trafficking ring in {PLACE}{SRC}.",
        "Smugglers were caught carrying cocaine near {PLACE}.",
        "A gang robbed a bank in {PLACE} {WHEN}.",
        "Cartel members extorted shop owners in {PLACE}.",
        "Officials were charged with fraud and money laundering in {PLACE}.",
        "Human traffickers held migrants for ransom in {PLACE}.",
        "Gang violence left {NUM} people dead in {PLACE}.",
    ),
    "DIPLO": (
        "The foreign minister visited {PLACE} and held talks with officials{SRC}.",
        "The president met his counterpart in {PLACE} {WHEN}.",
        "The European Union imposed new sanctions on the government.",
        "The ministry summoned the ambassador over the remarks.",
        "The Security Council condemned the attack and called for restraint.",
        "The country expelled two diplomats {WHEN}.",
        "Leaders pledged aid at a summit in {PLACE}.",
        "The government conducted a missile test, drawing condemnation from its neighbours.",
        "The envoy urged both sides to return to negotiations.",
    ),
    "ATTRIB": (
        "{NSA} claimed responsibility for the attack in {PLACE}{SRC}.",
        "The group denied any involvement in the bombing in {PLACE}.",
        "The government blamed {NSA} for the killings in {PLACE}.",
        "Officials accused {NSA} of carrying out the attack.",
        "No group has claimed the bombing, but officials blame {NSA}.",
        "The military rejected accusations that it was behind the strike on {PLACE}.",
    ),
    "EVACUATION": (
        "Authorities evacuated {NUM} residents from {PLACE} {WHEN}{SRC}.",
        "{CIV} were evacuated from {PLACE} as the front line approached.",
        "Buses took families out of {PLACE} in an organised evacuation.",
        "The government ordered the evacuation of civilians from {PLACE}.",
        "Volunteers helped evacuate children and the elderly from {PLACE}.",
    ),
    "INFRASTRUCTURE": (
        "Electricity was restored in {PLACE} {WHEN}{SRC}.",
        "Power and water were cut off in {PLACE} after the strike on the plant.",
        "Engineers restored the water supply to {PLACE}.",
        "A blackout hit {PLACE} after the power station was knocked out.",
        "Heating and gas supplies to {PLACE} were disrupted.",
        "The power plant near {PLACE} was shut down for safety reasons.",
    ),
    "OTHER": (
        "The parliament in {PLACE} approved the budget {WHEN}.",
        "The election commission announced the results in {PLACE}.",
        "The company reported higher profits this quarter.",
        "The minister said the economy would grow next year.",
        "Officials in {PLACE} opened a new hospital {WHEN}.",
        "The court adjourned the case until next month.",
        "The government plans to hold talks next year.",
    ),
}


def _fill(template: str, rng: random.Random) -> str:
    text = re.sub(r"\{([A-Z]+)\}", lambda m: rng.choice(SLOTS[m.group(1)]), template)
    text = re.sub(r"\s+([.,;])", r"\1", text)
    return text[0].upper() + text[1:]


def generate(per_class: int = 60, seed: int = 13) -> list[tuple[str, str]]:
    """Return (sentence, class code) pairs: ``per_class`` fillings of each class's templates.

    Args:
        per_class: sentences per class (templates are cycled).
        seed: random seed for slot filling.
    Returns:
        The pairs, class by class, in a fixed order.
    """
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for code in sorted(TEMPLATES):
        temps = TEMPLATES[code]
        for i in range(per_class):
            out.append((_fill(temps[i % len(temps)], rng), code))
    return out
