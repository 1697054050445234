"""The codebook's shared vocabulary: sub-type definitions, the word patterns several rules use, and :class:`Rule`."""

# ruff: noqa: E501  (pattern tables: one rule per line reads better than a rule split across lines)

from __future__ import annotations

from dataclasses import dataclass

#: Not a political-violence event (ACLED codes none of these); a sentence matching it first yields no event.
NO_EVENT = "none"

DEFINITIONS: dict[str, str] = {
    "Armed clash": "Armed, organised groups engage each other: an exchange of fire, an assault repelled, fighting, with any weapons.",
    "Government regains territory": "State forces retake control of a location from a non-state group or another state.",
    "Non-state actor overtakes territory": "A non-state group, or a state on ground not its own, takes control of a location.",
    "Chemical weapon": "Use of chemical weapons (chlorine, sarin, toxic gas).",
    "Air/drone strike": "An air or drone attack: aircraft, helicopters, or drones that strike, drop munitions or dive (FPV, kamikaze).",
    "Suicide bomb": "An attack in which the bomber dies: suicide vests, vehicle bombs driven to the target.",
    "Shelling/artillery/missile attack": "One-sided remote fire from the ground or sea: artillery, mortars, MLRS, tanks, missiles; also when it hits civilians.",
    "Remote explosive/landmine/IED": "An explosive planted or left to be set off later: landmines, IEDs, car bombs, planted devices.",
    "Grenade": "A hand grenade or other explosive thrown at a target (not a grenade launcher).",
    "Sexual violence": "Rape and other sexual violence by an armed or organised actor.",
    "Attack": "Direct violence against unarmed people by an armed actor present: shooting, killing, torture, beating.",
    "Abduction/forced disappearance": "People taken, abducted or held by an armed actor.",
    "Peaceful protest": "Demonstrators gather without violence and without intervention.",
    "Protest with intervention": "A peaceful protest that authorities break up or suppress without lethal force (arrests, tear gas).",
    "Excessive force against protesters": "Lethal or grave force used against peaceful demonstrators.",
    "Violent demonstration": "Demonstrators themselves use violence or destroy property.",
    "Mob violence": "A violent crowd without a political demonstration: lynching, communal clashes.",
    "Agreement": "Parties agree: ceasefires, peace deals, prisoner exchanges, surrenders.",
    "Arrests": "State forces arrest or detain people (not at a protest).",
    "Change to group/activity": "A group changes: merges, splits, recruits, deploys, declares martial law or a curfew.",
    "Disrupted weapons use": "A weapon is stopped before it does harm: interceptions, shoot-downs, defused devices, seized weapons.",
    "Headquarters or base established": "A group sets up a base, headquarters or post.",
    "Looting/property destruction": "Property looted or destroyed outside another violent event.",
    "Non-violent transfer of territory": "Control changes hands without fighting: a withdrawal, a handover.",
    "Other": "A notable development not covered by another sub-type.",
}

#: Armed forces that march are no demonstration ("Government troops marched into the town"): a march form counts
#: unless one of these (with at most an auxiliary) comes just before it.
_ARMED_MARCHERS = (
    "troops", "soldiers", "forces", "army", "fighters", "militants", "rebels", "insurgents", "jihadists",
    "militiamen", "militia", "units", "column", "columns", "brigade", "battalion", "convoy",
)  # fmt: skip
_MARCH = "(?=march)" + "".join(  # the look-ahead first: most places fail there, before the look-behinds
    f"(?<!{n} )(?<!{n} are )(?<!{n} were )(?<!{n} have )(?<!{n} had )" for n in _ARMED_MARCHERS
) + r"(?:marche[sd]|marching|(?-i:march)\b)"
_PROTEST = _MARCH + r"|protest(?!ant)\w*|demonstrat(?:ion|ions|ors?)|demonstrat(?:ed|ing)(?! (?:its|their|his|her|the|a|an|that|how|what|support|solidarity|resolve|capabilit\w*|abilit\w*|commitment|strength|power|force)\b)|rall(?:y|ies|ied)(?! (?:behind|around|support|troops|forces|(?:his|her|their|its) (?:troops|forces|supporters|base))\b)|marchers|vigils?\b|sit-ins?|picket\w*|agitat\w+|dharna|bandh|hartal|gherao\w*|strikers|striking (?:\w+ )?(?:workers|teachers|doctors|nurses|miners|farmers|employees|staff|drivers|labou?rers|students)|hunger strike|took to the streets|walk-?out|(?:general|nationwide|national|labou?r|workers'?|teachers'?|doctors'?|miners'?|transport|warning) strikes?\b|went on (?:a )?strike|on strike\b|strike action"
_PROTESTERS = r"protesters?|demonstrators?|crowds?|agitators|marchers|students|activists|supporters"
#: Rioting by the demonstrators: "riot police", "riot gear" and "anti-riot" units name the force that met a crowd,
#: not its violence ("Riot police arrested 30 people at a peaceful rally" is a Protest with intervention).
_RIOT = r"(?<!anti-)(?<!anti )riot(?:ers?|ing|s|ed|ous)\b|(?<!anti-)(?<!anti )riot\b(?! (?:police|gear|control|squads?|units?|officers?|troops|forces|shields?|vans?|act|cops|personnel|policemen))"
#: What is fired at a crowd without lethal intent (crowd control): "fired tear gas at the protesters" is no live fire.
_NOT_LETHAL = r"(?:tear|teargas|tear-gas|water|rubber|plastic|warning|pepper|blank|pellets|stun|smoke|flash|sound|paint|in the air|into the air|in the sky|shells? of tear)"
_WEAPONS = r"(?:weapons?|arms|ammunitions?|explosives?|firearms|pistols|rifles|guns|ieds?|explosive devices|landmines|mines|grenades?(?! launchers?)|bullets|cartridges|rounds of|magazines|tnt|detonators|rockets|mortars|munitions)\b"
_DRONE = r"(?:drones?|uavs?|quadcopters?|copters?|multicopters?|unmanned (?:aerial |combat )?(?:aerial vehicles?|aircraft|vehicles?))"
#: Any use of a weapon: a weapon word without one ("jets arrived", "missile development") is no attack.
_USE = r"\b(?:air ?strikes?|airstrikes?|air[- ]raids?(?! (?:alerts?|alarms?|sirens?|warnings?|shelters?|signals?))|aerial|struck|strik\w*|hits?|hitting|bomb(?!ers?\b)\w*|attack\w*|fire[ds]?|firing|shell\w*|launch(?!ers?\b)(?!ing (?:sites?|pads?)\b)\w*|target\w*|kill\w*|wound\w*|injur\w*|destroy\w*|damag\w*|drop\w*|raid\w*|explo\w*|blast\w*|barrage|salvos?|pound\w*|dead|died|casualt\w*|sorties?|downed|shot|(?:crash|slamm|div)(?:ed|es|ing) into|slams into)\b"
#: What an interception stops: a weapon (a person or a cargo intercepted is no weapons use).
_WEAPON_USED = r"\b(?:missiles?|rockets?|drones?|uavs?|shaheds?|gerans?|projectiles?|aircraft|jets?|planes?|helicopters?|bombs?|shells?|munitions?|weapons?|targets?|air(?:borne)? (?:attack|threats?))\b|\binterception:|\b" + _WEAPONS
_CIVILIAN = r"(?:civilians?|residents?|villagers?|(?:a |an |the )?(?:local |elderly |young )?(?:man|woman|men|women|couple|teenager|boy|girl|child|children|resident|civilian|volunteer|farmer|pensioner|driver|teacher|student|doctor|nurse|journalist|worker|shopkeeper|trader|priest|pastor|imam|official|passenger|pedestrian|shepherd|herder|motorist|fisherm[ae]n)s?)\b"

#: Armed people and armed places (ACLED: violence against them is an Armed clash, whoever struck first; only
#: unarmed victims make an Attack).
_ARMED_TARGET = r"(?:soldiers?|troops|troopers?|jawans?|cops?|constables?|servicem[ae]n|servicewom[ae]n|policem[ae]n|policewom[ae]n|police officers?|gendarmes?|gendarmerie|guards?(?! of honou?r)|guardsmen|militiam[ae]n|militias?|vigilantes?|self-defen[cs]e (?:groups?|units?|forces|militias?)|peacekeep\w+|combatants?|fighters?|rebels?|militants?|insurgents?|jihadists?|separatists?|terrorists?|extremists?|islamists?|bandits?|gunmen|attackers?|assailants?|mercenar(?:y|ies)|paramilitar\w+|commandos?|marines|paratroopers|(?:army|military|police|security|border|gendarmerie|naval|navy|militia|rebel) (?:posts?|outposts?|bases?|stations?|camps?|convoys?|patrols?|vehicles?|barracks|headquarters|checkpoints?|positions|units?|personnel|forces|officers?|garrisons?|installations?)|checkpoints?|outposts?|barracks|garrisons?|bases?|posts?(?! office)|convoys?(?! (?:of|carrying) (?:\w+ )?(?:civilians|refugees|evacuees|aid|food|displaced))|patrols?|positions|personnel|police(?! (?:informants?|informers?|spokesm[ae]n|\w+['’]s\b))|army(?! (?:spokesm[ae]n|officials?|hospital|doctors?|\w+['’]s\b))|military(?! (?:spokesm[ae]n|officials?|hospital|doctors?|court|prosecutors?|\w+['’]s\b)))\b(?!['’]s)"
#: Words between an attack verb and its object that leave the object behind (a place, a second party, a clause).
_OBJECT_GAP = r"(?:(?:members?|groups?|units?|teams?|squads?|contingents?|platoons?|detachments?|columns?|dozens|hundreds|scores|some|several|many|all|\d+|one|two|three|four|five|six|seven|eight|nine|ten) of\s+|(?!(?:of|near|in|at|outside|inside|close|by|from|to|on|with|and|as|after|before|while|when|where|who|which|that|civilians?|civilian|residents?|villagers?|people|children|women|men|passengers?|farmers|worshippers|famil(?:y|ies)|relatives?|wife|husband|sons?|daughters?|father|mother|brother|sister|houses?|homes?|residences?|shops?|evacuation|aid|humanitarian|relief|medical|refugees?|school|wedding|funeral|retired|former|off-duty|ex)\b)[\w'’-]+\s+){0,5}?"
#: Combatants out of the fight (captured, surrendering, detained): killing them is an Attack.
_FIGHTERS = r"(?:soldiers?|troops|servicem[ae]n|combatants?|fighters?|rebels?|militants?|insurgents?|jihadists?|militiam[ae]n|policem[ae]n|police officers?|gendarmes?|guards?|marines|paratroopers|prisoners|captives)"
_KILL = r"(?:execut(?:ed|es|ing)|kill(?:ed|s|ing)?|shot(?: dead)?|shoot(?:s|ing)?|murder(?:ed|s|ing)?|tortur(?:ed|es|ing)|behead(?:ed|s|ing)|gunned down|summarily (?:killed|shot))"
#: An attempt to take a place, and its failure.
_TAKE = r"(?:captur(?:e|ed|ing)|seiz(?:e|ed|ing)|tak(?:e|ing)(?! (?:part|refuge|shelter|cover|photos?|pictures?|care|place|hostages?|prisoners?)\b)(?: over| control of)?|overr(?:un|an|unning)|storm(?:ed|ing)?|occupy(?:ing)?|retake|recaptur(?:e|ing)|break into|gain control of|encircl(?:e|ing)|surround(?:ing)?|enter(?:ing)?)"
_FAILED = r"(?:repell?(?:ed|ing|s)?|repuls(?:ed|ing)|foil(?:ed|s|ing)|thwart(?:ed|s|ing)|fend(?:ed|ing|s)? (?:\w+ )?off|fought (?:\w+ )?off|beaten (?:back|off)|beat (?:\w+ )?(?:back|off)|pushed (?:\w+ )?back|driven (?:back|off)|drove (?:\w+ )?(?:back|off)|held (?:\w+ )?off|(?:was|were) (?:stopped|halted|checked|defeated)|stopp(?:ed|ing)|halt(?:ed|ing)|failed|ended in failure|unsuccessful(?:ly)?|without success|in vain|frustrated|forced (?:\w+ ){0,2}to (?:retreat|withdraw|pull back|fall back))"

@dataclass(frozen=True)
class Rule:
    """One decision rule of the codebook: its sub-type, the words that signal it, and sentences that show its reach."""

    sub_event_type: str
    name: str
    pattern: str
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    #: False for a narrow rule placed early only to win a precedence; the sub-type's salience comes from its main rule.
    main: bool = True
    #: Words the sentence must also hold for the rule to apply (a weapon named without any use of it is no attack).
    requires: str | None = None
    #: Words that keep the rule from applying anywhere in the sentence (fire on positions with small arms is a clash).
    excludes: str | None = None
