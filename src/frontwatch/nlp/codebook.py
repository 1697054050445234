"""ACLED's sub-event types as data: each with its codebook definition and decision rules, in priority order.

Source: ACLED Codebook (2023), "Event types and sub-event types", and its notes on coding the war in
Ukraine. A sentence takes the sub-type of the first rule (lowest ``priority``) with an affirmed match.
Every rule carries ``examples`` it must give and ``counter_examples`` it must not give
(``tests/nlp/test_codebook.py`` generates one test per sentence), so a rule's reach is written down
next to it. The priorities encode the codebook's precedence:

- a specific weapon beats a generic attack: an intercepted drone is "Disrupted weapons use", a drone
  that drops a grenade is an "Air/drone strike", a suicide bombing is a "Suicide bomb";
- an exchange of fire between armed groups is an "Armed clash" even with mortars or grenade launchers
  in the mix; one-sided remote fire (artillery, mortars, MLRS, tanks, missiles) is "Shelling/artillery/
  missile attack", also when it hits civilians; "Attack" is direct violence by an armed actor present;
- "Grenade" is a thrown hand grenade, never a grenade launcher;
- within protests the worst treatment of the demonstrators decides (:mod:`.protests`).
"""

# ruff: noqa: E501  (pattern tables: one rule per line reads better than a rule split across lines)

from __future__ import annotations

import re
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


RULES: tuple[Rule, ...] = (
    Rule(
        "Looting/property destruction",
        "armed actors blowing up infrastructure: the flood or fire that follows is its result, not a disaster",
        r"(?:blew|blown|blowing) up (?:a |an |the )?(?:\w+ ){0,3}(?:dams?|bridges?|dykes?|dikes?|levees?|pipelines?|reservoirs?)\b|(?:dams?|bridges?|dykes?|levees?) (?:was |were )?(?:blown up|detonated|destroyed by (?:an? )?(?:explosion|explosives|blast))",
        (
            "Retreating troops blew up the dyke of a fish pond, and water flooded the lower streets.",
            "Retreating forces blew up the bridge, and the river flooded the fields.",
        ),
        ("Heavy rain flooded the village and destroyed the bridge.", "A flood destroyed a dam near Izium."),
        main=False,
    ),
    Rule(
        NO_EVENT,
        "disasters, accidents, claims about other events",
        r"earthquakes?|quake|tremors?|volcan\w*|tsunami|floods?|flooding|landslides?|mudslides?|cyclones?|hurricanes?|typhoons?|(?:forest |bush|wild)fires?|drought|heat ?waves?|avalanche|lightning|stampede|poisoning|poisoned|adulterated|spurious liquor|hooch|chemical (?:spill|incident|leak)|gas (?:leak|cylinder|explosion|containers)|propane|boiler|fireworks|(?:chemical |industrial |power )?plant exploded|factory (?:fire|explosion|blast)|(?:car|plane|road|bus|train|helicopter) (?:crash|accident)|road accident|traffic accident|vehicle crash|derail\w*|covid|coronavirus|pandemic|outbreak|epidemic|infections|drown\w*|claim(?:ed|s|ing)? (?:the )?responsibility|arms embargo|sanctions"
        # troops sent to help after a disaster do no political act
        r"|(?:mobili[sz]ed|deployed|sent|called in|drafted in) to help (?:with |clear |in |fight )?(?:\w+ ){0,2}(?:snow\w*|flood\w*|relief|rescue|clean-?up|fires?|wildfires?|firefighting|vaccinat\w*)\b"
        # a mining accident: a coal mine's methane blast is no landmine
        r"|coal ?mines?|mining (?:accident|disaster)|methane (?:explosion|blast)"
        # an industrial accident: a storage tank that bursts is no attack
        r"|(?:storage|fuel|gas|oil|chemical|water|ammonia) tanks? (?:\w+ ){0,3}(?:exploded|blew up|burst)"
        # a report of an allegation rejected is about the allegation, not an event (a bare "denied that X hit Y"
        # still reports it)
        r"|(?:rejected|rejects|denied|denies|dismissed|dismisses|refuted|refutes) (?:the |all |any |these |such )?(?:\w+ )?(?:allegations?|accusations?|claims|reports|charges)\b"
        # talks that failed reached no agreement
        r"|(?:talks|negotiations)\b[^.;]{0,60}?\b(?:ended|broke up|concluded|closed|wrapped up)\b[^.;]{0,30}?\bwithout (?:an? |any )?(?:agreement|deal|breakthrough|accord)|(?:talks|negotiations)\b(?:\s+\S+){0,4}?\s+(?:have |had )?(?:collapsed|broke down|broken down|failed)\b",
        (
            "A strong earthquake killed eight people.",
            "Two people died in a road accident near Poltava.",
            "A fuel tank exploded at a depot in Lagos, injuring three workers.",
            "Japan's military was mobilised to help clear heavy snow in the north.",
            "A methane explosion in a coal mine killed 20 miners.",
            "The ministry rejected allegations that its jets had bombed a hospital.",
            "The army denied reports that soldiers had shot villagers in the district.",
            "Talks between the government and the rebels ended without an agreement.",
            "Truce talks in Addis Ababa broke down over the release of prisoners.",
        ),
        (
            "Ukrainian drones struck a refinery owned by the oil company Rosneft in Tuapse.",
            "Russia denied that its missiles hit a hospital in Kharkiv.",
            "A Russian tank fired on houses in Vovchansk.",
        ),
    ),
    Rule(
        "Abduction/forced disappearance",
        "people taken whose fate is kept unknown: a forced disappearance, even where state agents detained them",
        r"(?:has|have|had) not been (?:seen|heard (?:from|of))(?: \w+){0,2} since|(?:whereabouts|fate) (?:\w+ ){0,3}(?:unknown|unclear|not known)|forcibly disappeared|(?:enforced|forced) disappearances?",
        (
            "A journalist was detained by soldiers and has not been seen since.",
            "Security agents detained the activist; his whereabouts remain unknown.",
        ),
        # a detention at an undisclosed place is still an arrest: only a fate kept unknown is a disappearance
        (
            "Police detained five activists ahead of the opposition rally.",
            "Police arrested the suspect and took him to an undisclosed location.",
        ),
        main=False,
    ),
    Rule(
        "Arrests",
        "an agency arrests a suspect: the weapons named are what the suspect is accused of, not an attack",
        r"(?:police|sbu|security service|counter-?intelligence|fsb|law enforcement|national guard|officers|investigators|prosecutors?)\b(?:\s+\S+){0,4}?\s+(?:detained|arrested|apprehended|picked up|took (?:\w+ ){0,3}into custody)\b|(?:was|were|has been|have been) (?:arrested|detained) (?:in \S+ )?(?:on suspicion|for (?:\w+ing|treason|collaborat|spying|espionage))|(?:captured|arrested|detained|apprehended|nabbed) (?:a |an |the )?(?:\w+ ){0,2}(?:commander|leader|chief|suspects?|ringleader)\b|(?:arrested|detained|jailed|apprehended)\b[^.;]{0,80}?\b(?:for|on charges? of|accused of|related to|in connection with) (?:\w+ ){0,3}?(?:organi[sz]\w*|leading|taking part in|participating in|inciting)\b|(?:arrested|detained|rounded up|jailed|apprehended)\b[^.;]{0,60}?\b(?:ahead of|before|prior to) (?:\S+ ){0,4}?(?:rall(?:y|ies)|protests?|demonstrations?|marche?s?|strikes?)\b",
        (
            "On 18 July 2022, the SBU detained a Russian agent in Odesa who was adjusting missile strikes.",
            "A man was arrested in Kharkiv on suspicion of planting explosives.",
            "Police captured a gang leader wanted for the bombing of a bus station.",
            "Authorities arrested an opposition activist on charges of organising an unauthorised protest.",
            "Police detained five activists ahead of the opposition rally.",
            "Police picked up three journalists from their homes.",
        ),
        (
            "Russian forces detained two volunteers in Kherson; their whereabouts remain unknown.",
            "Police fired tear gas to disperse the rally in Kherson.",
            "Ukrainian forces captured two Russian soldiers near Bakhmut.",
        ),
        main=False,
    ),
    Rule(
        "Chemical weapon",
        "chemical agents",
        r"chlorine|sarin|mustard (?:gas|agents?)|phosgene|blister agents?|toxic (?:gas|chemicals?)|poison(?:ous)? gas|nerve (?:agents?|gas)|chemical (?:weapons?|attacks?|agents?|munitions?|bombs?)|gas attacks?|chloropicrin|cs gas (?:grenades?|munitions?)|(?:grenades?|munitions?|shells?|bombs?|canisters?|ammunition) (?:\w+ ){0,2}(?:with|containing|filled with|of) (?:cs|chloropicrin|irritant|asphyxiating) (?:gas|agents?)|(?:grenades?|munitions?|shells?|bombs?|canisters?|ammunition) (?:with|containing|filled with) (?:an? )?(?:chemical|toxic|irritant|asphyxiating) (?:\w+ )?(?:substances?|agents?|irritants?|gas)|(?:dropp\w+|dropping|use[sd]?|using) (?:\S+ ){0,5}(?:cs|tear|irritant) gas (?:\S+ ){0,3}(?:on|against) (?:\S+ ){0,2}(?:positions|troops|soldiers|trenches)|\bk-51\b|\brg-vo\b",
        (
            "A helicopter dropped containers of chlorine on the town.",
            "Russian forces used munitions with chloropicrin near Bakhmut.",
            "Russian forces dropped grenades with CS gas on Ukrainian positions near Robotyne.",
            "A drone dropped tear gas on Ukrainian positions near Krynky.",
            "Russian troops dropped a grenade with a chemical irritant from a drone near Robotyne.",
            "Militants fired shells loaded with mustard agent at army positions.",
        ),
        ("Police fired tear gas at the crowd.", "Police used tear gas against protesters in Tbilisi."),
    ),
    Rule(
        "Other",
        "a weapons test: a notable development, no attack on anyone (a missile test-fired into the sea hits no target)",
        r"test-?fir(?:ed|es|ing|e)\b|(?:missile|rocket|weapons?|nuclear|hypersonic|ballistic) tests?\b|tested (?:an? |its |the |two |\w+ )?(?:new )?(?:[\w-]+ ){0,3}(?:missiles?|rockets?|weapons?|warheads?)\b|test[- ](?:launch\w*|flights?)|(?:landed|fell|splashed down|crashed|fired|launched) (?:\w+ ){0,3}(?:into|in) the (?:\w+ ){0,2}(?:sea|ocean)\b|(?:landed|fell|splashed down) (?:\w+ ){0,2}(?:in|inside|within) (?:\w+['’]?s? ){0,2}(?:waters|exclusive economic zone|eez)\b",
        (
            "North Korea test-fired two short-range missiles off its east coast.",
            "Pakistan tested a new nuclear-capable cruise missile on Friday.",
            "Iran carried out a ballistic missile test near Semnan.",
            "North Korea launched a ballistic missile that landed in the sea, Japan said.",
        ),
        (
            "Russia fired missiles at Kyiv overnight.",
            "Houthi rebels launched a ballistic missile at Jizan.",
            "A Russian missile hit a cargo ship in the Black Sea.",
        ),
        main=False,
        excludes=r"\b(?:killed|killing|wounded|injured|dead|hit (?:a |an |the )?(?:\w+ )?(?:houses?|homes?|buildings?|hospital|school)|(?:at|on|against) (?:the )?(?:city|town|village|positions|base|troops))\b",
    ),
    Rule(
        "Suicide bomb",
        "the bomber dies",
        r"suicide (?:bomb\w*|car|vest|truck|blast|explosion)|suicide attack\w*(?=[^.;]*\b(?:explo\w+|blast\w*|bomb\w*|detonat\w+|blew|vests?|belts?)\b)|blew (?:himself|herself|themselves) up|(?:detonat\w+|explosives?|blast|bombs?)\W+(?:\S+\s+){0,4}?killing (?:himself|herself|themselves)|self-detonat\w+|explosive (?:vest|belt)s?|suicide belts?|(?:detonat\w+|explosives?|blast|bombs?|belts?|vests?)\b[^.;]{0,80}?\b(?:killing|killed) (?:himself|herself|themselves)\b",
        (
            "A suicide bomber blew himself up at the checkpoint.",
            "Two men detonated explosives near the post, killing themselves.",
            "A suicide attacker detonated his explosives at the gate of the base.",
            "A man set off an explosive belt at the gate of the stadium, killing himself and 12 others.",
        ),
        (
            "A car bomb exploded outside the police station.",
            # attackers ready to die who fight it out are in an armed clash; a suicide bomb needs the blast
            "Suicide attackers stormed a military base and fought soldiers for hours.",
        ),
    ),
    Rule(
        "Change to group/activity",
        "aircraft or ships entering another's air or sea zone, jets scrambled to meet them: a change to activity, no weapon stopped",
        r"scrambl(?:ed|es|ing|e)\b|(?:entered|enter|enters|entering|violated|violating|flew into|flying into|intruded into|intrusions? into|incursions? into|sailed into) (?:\w+['’]?s? ){0,4}(?:airspace|air defen[cs]e (?:identification )?zone|air identification zone|adiz|territorial waters)",
        (
            "Six Chinese warplanes entered the island's air defence identification zone on Friday.",
            "Russian bombers flew into Japan's air defence zone, and Japanese jets were scrambled to intercept them.",
        ),
        (
            "Air defences shot down a drone that entered the country's airspace.",
            "Ukrainian air defence intercepted two Shahed drones over Odesa.",
        ),
        main=False,
        excludes=r"\b(?:shot|shoots|shooting) down|\bdowned|\bdestroyed|\bstruck|\bbombed|\bfired (?:at|on|upon)|\bkilled|\bwounded|\binjured|\bcrash\w*",
    ),
    Rule(
        "Attack",
        "combatants out of the fight (captured, surrendering, detained) killed: they are defenceless, so an Attack",
        rf"{_KILL}\s+(?:(?!and\b)[\w'’-]+\s+){{0,3}}?(?:captured|captive|surrendering|surrendered|detained|unarmed|imprisoned|abducted|kidnapped|handcuffed|bound)\s+(?:[\w'’-]+\s+){{0,2}}?{_FIGHTERS}\b|{_KILL}\s+(?:(?!and\b)[\w'’-]+\s+){{0,4}}?{_FIGHTERS}\s+(?:who|that)\s+(?:had\s+)?(?:surrendered|been captured|been taken prisoner|laid down (?:their )?(?:arms|weapons)|been detained|raised (?:their|a) (?:hands|white flag)|were surrendering|tried to surrender)\b|{_KILL}\s+(?:(?!and\b)[\w'’-]+\s+){{0,4}}?{_FIGHTERS}\s+(?:(?:who|whom|that)\s+)?(?:they|it|he|she|the \w+)\s+(?:had\s+)?(?:captured|taken prisoner|detained|abducted|seized|kidnapped|held)\b|{_KILL}\s+(?:[\w'’-]+\s+){{0,4}}?(?:prisoners of war|pows|war prisoners)\b|(?:execution|killing|murder|torture|shooting)s? of (?:[\w'’-]+ ){{0,3}}?(?:prisoners of war|pows|war prisoners|captured|captive|surrendering|surrendered)\b|(?:captured|captive|surrendering|surrendered|detained) (?:[\w'’-]+ ){{0,2}}?{_FIGHTERS} (?:\w+ ){{0,2}}?(?:were|was|had been|have been|has been) (?:summarily )?(?:executed|shot|killed|tortured|beheaded)",
        (
            "Soldiers executed three captured rebels near the border.",
            "Troops shot two enemy soldiers who had surrendered near the bridge.",
            "Militants killed four detained policemen in the forest.",
            "Russian soldiers shot dead Ukrainian prisoners of war near Bakhmut.",
            "Five captured fighters were executed by the militia.",
            "Jihadists executed five soldiers they had captured in an ambush.",
        ),
        (
            "Ukrainian forces captured two Russian soldiers near Bakhmut.",
            "Soldiers killed two rebels and captured three others.",
            "Troops killed two soldiers and captured three soldiers near the river.",
            "Russia and Ukraine exchanged 100 prisoners of war on Sunday.",
        ),
        main=False,
    ),
    Rule(
        "Armed clash",
        "an attempt to take a place that is repelled, foiled or pushed back: fighting, never a change of ground",
        rf"\b(?:tri(?:ed|es)|try(?:ing)?|attempt(?:s|ed|ing)?|bids?|sought|seeking|efforts?|attack(?:s|ed|ing)?|offensives?|assaults?|push(?:ed)?|drives?|advance[sd]?|launched)\b(?=[^.;]{{0,40}}?\b(?:to|at|of) (?:\w+ )?{_TAKE}\b[^.;]{{0,100}}?\b{_FAILED})|\b{_FAILED}(?=\s+(?:[\w'’-]+\s+){{0,5}}?(?:attempts?|bids?|efforts?|attacks?|offensives?|assaults?|push|drive)\b[^.;]{{0,40}}?\b(?:to|at|of) (?:\w+ )?{_TAKE}\b)|\b(?:failed|fail(?:s|ing)?|unable|unsuccessfully (?:tried|attempted|sought)|(?:unsuccessful|failed|abortive|vain|foiled|thwarted|repelled|repulsed) (?:attempts?|bids?|efforts?|attacks?|offensives?|assaults?))(?=\s+to (?:\w+ )?{_TAKE}\b)|\b(?:tri(?:ed|es)|trying|attempt(?:s|ed|ing)?|sought|seeking|bids?|efforts?)\s+(?:[\w'’-]+\s+){{0,3}}?to (?:\w+ )?{_TAKE}\b(?![^.;]*\b(?:finally|eventually|succeeded|managed|took|captured|seized|overran|fell|control of|entered)\b)",
        (
            "Militants tried to capture the village but were repelled by government forces.",
            "An attempt by the rebels to seize the airport was foiled by the army after hours of fighting.",
            "Jihadists launched an attack to take the town, but troops pushed them back.",
            "The garrison fended off an attempt by insurgents to overrun the base.",
            "Russian forces failed to capture the village despite repeated assaults.",
            "A bid by the militia to take over the district centre was thwarted by police.",
            "Troops beat back an assault aimed at capturing the border post.",
            "The defenders stopped an attempt to encircle the town.",
            # an attempt with no outcome reported: fighting, and no ground reported taken
            "Russian forces are trying to capture the town, the governor said.",
        ),
        (
            "The rebels captured three villages in the north.",
            "Government troops captured the town, halting the rebel advance.",
            "Rebels, who had tried to capture the city for months, finally seized its airport.",
            "Government troops pushed the rebels out of the town.",
            "Police foiled a plot to bomb the railway station.",
            "Residents tried to take part in the march.",
        ),
        main=False,
    ),
    Rule(
        "Remote explosive/landmine/IED",
        "a mine or ordnance that went off and hurt people, deminers too: the explosion decides, not the clearing work",
        r"(?:killed|injured|wounded|hurt|maimed) (?:\w+ ){0,3}?(?:in|by) (?:an? |the )?(?:\w+ )?(?:mine|landmine|ordnance|uxo|tripwire) (?:blast|explosion)s?\b|(?:mine|landmine|ordnance) (?:blast|explosion)s? (?:\w+ ){0,2}(?:kills?|killed|injur\w+|wound\w*|hurts?|maim\w*)\b",
        (
            "Two deminers wounded in mine blast near Balakliia",
            "A sapper was injured by a landmine explosion while demining a field near Izium.",
        ),
        ("Sappers defused an anti-tank mine near Izium.", "Deminers cleared 300 hectares near Kupiansk without incident."),
        main=False,
    ),
    Rule(
        "Disrupted weapons use",
        "interceptions of weapons (intercepting people, goods or messages is no weapons use)",
        r"intercept(?:ed|ing|ion|ions|s)?",
        (
            "Interception: On 12 March 2023, air defence intercepted two Shahed drones over Odesa.",
            "Air defences intercepted 18 cruise missiles over the Kyiv region.",
            "Customs officers intercepted a consignment of pistols at the border crossing.",
        ),
        (
            "Border guards intercepted three men trying to cross the river.",
            "Customs officers intercepted a shipment of counterfeit cigarettes.",
            "The interception of the smuggler followed a tip-off.",
        ),
        main=False,
        requires=_WEAPON_USED,
    ),
    Rule(
        "Air/drone strike",
        "aircraft that destroy a target: a strike, whatever was destroyed (weapons depots included)",
        r"(?:jets?|warplanes?|aircraft|aviation|helicopters?|bombers?)\b(?:\s+\S+){0,3}?\s+(?:destroyed|struck|hit|bombed|targeted|pounded)\b",
        ("Russian aviation destroyed a warehouse of the Ukrainian army near Kupiansk.", "Ukrainian jets destroyed an ammunition depot near Skadovsk."),
        ("Air defence destroyed 11 drones over the Mykolaiv region overnight.", "Sappers destroyed 40 explosive objects near Balakliia."),
        main=False,
    ),
    Rule(
        "Disrupted weapons use",
        "interceptions, shoot-downs, defused or seized weapons",
        r"shot down|shoots? down|shooting down|downed|downs (?:an? |the |\d+ )?(?:[\w-]+ )?(?:drones?|uavs?|helicopters?|jets?|planes?|aircraft|missiles?)\b|defus(?:ed|ing|al)|bomb disposal|demin(?:ed|ing)\b|(?:pyrotechnic\w*|sappers?|deminers?|explosive ordnance disposal|\beod\b|bomb squads?)\b(?:\s+\S+){0,6}?\s+(?:removed|cleared|destroyed|neutrali[sz]ed|disposed|collected|detonated|found|defused|demined)\b|(?:removed|cleared|disposed of|collected) (?:\w+ ){0,3}(?:unexploded|explosive objects|ordnance|mines|munitions|explosives)|(?:destroyed|shot down|downed|intercepted|neutrali[sz]ed) (?:\d+|\w+) (?:of|out of) (?:\d+|\w+) (?:[\w-]+ )?(?:drones?|missiles?|uavs?|shaheds?)|foiled|thwarted|averted|"
        r"(?:seiz|recover|confiscat|destroy|discover|unearth|dismantl|found|captur)\w*\W+(?:\S+\s+){0,8}?"
        + _WEAPONS
        # an ammunition depot destroyed is a strike on a target, not weapons taken out of use
        + r"(?! (?:depots?|dumps?|warehouses?|stor(?:age|es)|factor(?:y|ies)|plants?|production|facilit(?:y|ies)))"
        + r"|"
        + _WEAPONS
        + r"\W+(?:\S+\s+){0,8}?(?:(?:was|were|has been|have been|had been|being)\s+)?(?:seized|found|recovered|confiscated|captured|discovered|unearthed|defused|dismantled)|"
        r"(?:caches?|stash(?:es)?|haul) of|(?:seized|recovered|found|discovered|defused|removed|unearthed|dismantled) (?:an? |the |two |three |\d+ )?(?:\w+ ){0,2}bombs?\b|(?:bombs?|landmines?|mines?|ieds?|explosive devices?)\b(?:\s+\S+){0,6}?\s+(?:was|were|has been|have been) (?:found|discovered|recovered|defused|removed|seized|neutrali[sz]ed)\b|before (?:it|they) could (?:go off|explode|detonate|be detonated|be set off)|air defen[cs]es? (?:\w+ ){0,3}(?:destroy(?:ed|s)|repel(?:led|s)|shoots?|shot|neutrali[sz](?:ed|es)|hits?|engag(?:ed|es))|neutrali[sz]ed (?:an? |the |\d+ )?(?:\w+ )?(?:bombs?|ieds?|explosives?|drones?|devices?|missiles?|uavs?)|(?:destroyed|neutrali[sz]ed) (?:\w+ ){0,3}(?:in the air|over)\b",
        (
            "Interception: On 12 March 2023, Ukrainian air defence shot down two Shahed drones over Odesa.",
            "Air defences intercepted 18 cruise missiles over the Kyiv region.",
            "Police seized a cache of rifles and grenades in the raid.",
            "Sappers defused an anti-tank mine near Izium.",
            "Air defence forces destroyed 11 drones over the Mykolaiv region overnight.",
            "Pyrotechnicians removed an unexploded missile from a yard in Kharkiv.",
            "Sappers of the emergency service destroyed 40 explosive objects near Balakliia.",
            "Security forces recovered a roadside bomb near the highway before it could go off.",
            "Soldiers found a car bomb parked outside the barracks.",
            "Deminers of the emergency service destroyed twelve shells found in a field.",
            "A landmine planted by the rebels was found and destroyed by the army.",
            "Air defence destroys 14 drones over the Poltava region",
            "Police found a hand grenade in a bag at the bus station.",
        ),
        (
            "Russian forces shelled Kupiansk with artillery.",
            "A Russian FPV drone hit a car in Beryslav.",
            "The blast destroyed several cars parked where the car bomb exploded.",
            "Ukrainian artillery destroyed a Russian ammunition depot near Melitopol.",
            "Two deminers were killed by a mine near the village.",
        ),
    ),
    Rule(
        "Headquarters or base established",
        "a base or launch site set up, its weapons named but not used: a base established, not an attack",
        r"(?:set up|setting up|sets up|established?|establishes|establishing|built|builds|building|constructed|opened) (?:an? |the |its |their )?(?:new |permanent |military |forward |secret |underground )?(?:[\w-]+ ){0,2}(?:bases?|headquarters|outposts?|camps?|observation (?:points?|posts?)|launch(?:ing)? (?:sites?|pads?)|(?:rocket|missile|artillery|firing|launch(?:ing)?) (?:positions|sites?|pads?|platforms?))\b|(?:bases?|headquarters|outposts?|observation (?:points?|posts?))\b(?:\s+\S+){0,5}?\s+(?:has been|have been|was|were|is being|had been) (?:opened|established|set up|built|constructed|inaugurated)\b",
        (
            "Iran established a new missile base on the Gulf coast.",
            "The group set up a rocket launching site in the hills above the town.",
            "The militia has established rocket positions near the border, the army said.",
            "Turkey has built a new observation point equipped with artillery near the town.",
            "A new military base housing Iskander missiles has been opened in the region.",
        ),
        ("Rebels fired rockets from a camp they set up in the hills.", "Russian missiles hit a newly built base."),
        main=False,
        excludes=_USE,
    ),
    Rule(
        "Change to group/activity",
        "new weapons arriving or forces moved up, with no use of them: a change to a group, not an attack",
        r"(?:first|new|latest|second|third|another) (?:batch|shipment|consignment|deliver(?:y|ies)|tranche|contingent)\b|(?:batch|shipment|consignment|tranche)e?s? of|took delivery|"
        r"(?:jets?|aircraft|fighters|tanks|launchers|systems|warships|weapons|batteries|helicopters|equipment|howitzers|armou?red vehicles)\b(?:\s+\S+){0,6}?\s+(?:arrived|arrive|arrives|were delivered|was delivered)\b|"
        r"(?:sent|sends|rushed|moved|deployed|deploys|dispatched|transferred|brought in|station|stations|stationed|stationing) (?:[\w-]+ ){0,4}(?:missiles|missile systems|warheads|nuclear weapons|troops|soldiers|reinforcements|battalions|brigades|divisions|regiments|tanks|armou?red vehicles|warships|convoys?|military (?:equipment|vehicles|hardware)|artillery|special forces|air defen[cs]e systems|missile systems|launchers|fighter jets|aircraft)\b",
        (
            "The first shipment of Patriot missile systems from Germany arrived in Poland.",
            "Turkey sent a convoy of tanks and armoured vehicles to its troops in Idlib.",
            "A batch of MiG-29 jets was delivered to the air force on Monday.",
            "The army moved two more battalions to the northern border.",
            "The military deployed S-400 missile systems at a new base on the peninsula.",
            "The United States stationed cruise missiles at a base in Germany.",
        ),
        (
            "Russian forces moved artillery closer to the town and shelled it overnight.",
            "A shipment of rifles was seized at the port.",
            "Russian jets struck a convoy near the border.",
            "Two transport aircraft carrying humanitarian aid landed at the airport.",
        ),
        main=False,
        excludes=_USE,
    ),
    Rule(
        "Remote explosive/landmine/IED",
        "a mine set off by its victim, however it was laid (by hand, by a drone, by remote mining)",
        r"(?:drone|uav|air)[- ](?:dropped|laid|delivered|scattered) (?:\w+ )?(?:mines?|landmines?)\b|(?:mines?|landmines?) (?:\w+ ){0,2}(?:dropped|laid|scattered|placed) (?:\w+ ){0,2}(?:by|from) (?:an? |the )?(?:\w+ )?(?:drones?|uavs?|quadcopters?)|remote(?:ly)?[- ](?:mining|mined|laid)|(?:stepped on|ran over|drove over|drove onto|triggered) (?:a |an )?(?:\w+ )?(?:mine|tripwire)\b|(?:mines?|landmines?)\b(?:\s+\S+){0,3}?\s+(?:exploded|detonated|went off) under",
        (
            "A minibus drove over a mine laid by a drone on the road to Bilozerka.",
            "A tractor ran over a mine laid by a Russian drone near Beryslav.",
            "A civilian stepped on a PFM-1 mine scattered from a drone in Kherson.",
        ),
        (
            "A Russian drone dropped an explosive device on a house in Kherson.",
            "A Russian drone dropped a grenade on a car in Beryslav, injuring the driver.",
            "Sappers defused an anti-tank mine near Izium.",
        ),
        main=False,
    ),
    Rule(
        "Air/drone strike",
        "missiles or rockets fired from aircraft or drones: the platform decides, not the munition",
        rf"(?:{_DRONE}|jets?|warplanes?|aircraft|helicopters?|gunships?|bombers?)\b(?:\s+\S+){{0,3}}?\s+(?:fired|launched) (?:\w+ ){{0,3}}(?:missiles?|rockets?)\b|(?:missiles?|rockets?) (?:\w+ ){{0,2}}(?:fired|launched) (?:by|from) (?:an? |the )?(?:\w+ ){{0,2}}(?:{_DRONE}|jets?|warplanes?|aircraft|helicopters?|gunships?)\b",
        (
            "A drone fired two missiles at a car in the province, killing four militants.",
            "Helicopter gunships fired rockets at rebel positions near the town.",
            "Missiles fired from a drone hit a convoy near the border.",
        ),
        (
            "Air defence shot down two missiles launched at the city.",
            "Russian forces fired rockets at Kharkiv from launchers near Belgorod.",
            "Air defence shot down a drone that had fired two missiles at the port.",
        ),
        main=False,
    ),
    Rule(
        "Air/drone strike",
        "drones that drop munitions or dive (FPV, kamikaze)",
        rf"\bfpv\b|kamikaze|loitering munitions?|lancets?\b|(?:dropp?(?:ed|ing|s)?) (?:\S+ ){{0,6}}(?:from|by|off) (?:an? |the |their |its )?(?:\w+ )?(?:{_DRONE}|helicopters?|aircraft)|{_DRONE} (?:\w+ ){{0,2}}(?:dropp\w+|drop)\b|(?:drone|uav|quadcopter)[- ](?:dropped|borne|delivered|launched|dropping)\b|(?:vog|grenades?|explosives?|munitions?|bombs?) (?:\w+ ){{0,2}}(?:from|by) (?:an? |the )?(?:\w+ )?{_DRONE}",
        (
            "On 12 June 2023, Russian forces dropped a VOG from a drone on a civilian in Antonivka, Kherson.",
            "A Russian FPV drone hit a civilian car in Beryslav, killing one civilian.",
            "A kamikaze drone struck a bus in Nikopol.",
            "A Russian drone dropped an explosive device on a house in Kherson.",
        ),
        (
            "Ukrainian air defence shot down an FPV drone near Kherson.",
            "A Ukrainian drone downs a Russian helicopter near Bakhmut.",
        ),
        main=False,
    ),
    Rule(
        "Grenade",
        "thrown hand grenades, and other explosives thrown by hand (not a petrol bomb, not a launcher)",
        r"(?:threw|thrown|throws?|throwing|hurl(?:ed|s|ing)|lob(?:bed|s|bing)|toss(?:ed|es|ing)) (?:an? |the |two |three |\d+ )?(?:\w+ ){0,2}(?:explosives?|explosive devices?|crude bombs?|country-made bombs?|hand-made bombs?|homemade bombs?|ieds?)\b|(?:explosives?|explosive devices?|crude bombs?|country-made bombs?|hand-made bombs?|homemade bombs?)\b(?:\s+\S+){0,3}?\s+(?:was|were) (?:thrown|hurled|lobbed|tossed)\b|(?<!propelled )(?<!launched )(?<!under-barrel )(?<!stun )(?<!flash )(?<!flash-bang )(?<!flashbang )(?<!smoke )(?<!gas )(?<!tear-gas )(?<!teargas )(?<!sound )(?<!concussion )(?<!rubber )(?:hand )?grenades?\b(?! launchers?| launched)(?!-launchers?)",
        (
            "Militants lobbed a grenade at a police post.",
            "A man threw a hand grenade into a cafe in Kyiv, injuring four people.",
            "Attackers hurled explosives at a police post in the district.",
            "Crude bombs were hurled at the house of a local politician.",
        ),
        (
            "Russian forces fired upon Ukrainian positions with grenade launchers near Avdiivka.",
            # crowd-control devices: a dispersal, not a hand grenade attack
            "Police fired stun grenades at protesters outside parliament.",
            "Security forces used tear gas grenades to disperse the demonstrators.",
            "Riot police fired rubber bullets and stun grenades at protesters.",
            "Security forces threw flash-bang grenades into the crowd outside parliament.",
        ),
    ),
    Rule(
        "Remote explosive/landmine/IED",
        "planted, hidden or left explosives",
        r"\bieds?\b|improvised (?:explosive|bombs?|devices?|mines?)|roadside (?:bomb|blast|explosion|device)|land ?mines?|anti-(?:tank|personnel) mines?|(?<!\w )\bmines? (?:blast|explosion|exploded|detonated)|(?:stepped|steps) on (?:a |an )?(?:\w+ )?(?:mine|explosive)|(?:hits?|struck|strikes|triggered|triggers|drove over|drives over|drove onto|drives onto) (?:a |an )?(?:\w+ )?(?:mine|tripwire)\b|(?:ran|runs) over (?:a |an )?(?:\w+ )?(?:mine|explosive)|car bomb\w*|bomb (?:blast|exploded|explosion|went off|attack)|(?:bomb|device|explosive)s? (?:planted|hidden|exploded|detonated|went off|blew up)|explosive devices?|booby[- ]trap\w*|(?:blew|blow|blows|blowing) up\b(?! (?:himself|herself|themselves))|remote[- ]controlled|sticky bomb|magnetic bomb|vehicle-borne|bomb(?:ing)? (?:at|in|near|outside) |bomb blast|blast (?:at|in|near|outside|ripped)|(?:explosions?|blasts?) (?:at|in|near|outside|ripped|rips|rocked|rocks?|tore|tears)|detonat\w+|unexploded (?:\w+ )?(?:ordnance|shells?|munitions?|mines?|bombs?|rockets?|grenades?|projectiles?)|explosive remnants|bombing killed|a bomb|(?:mines?|explosives?|ordnance|devices?) (?:left|planted|laid|hidden) by|(?:mines?|explosives?|ordnance|devices?)\b(?:\s+\S+){0,5}?\s+(?:exploded|detonated|went off) under|(?:killed|injured|wounded|blown up|maimed) (?:\w+ ){0,2}by (?:an? |the )?(?:\w+ )?(?:land)?mines?\b|(?:killed|injured|wounded) (?:\w+ ){0,2}(?:in|by) (?:an? |the )?(?:mine|ordnance|uxo) (?:blast|explosion)",
        (
            "On 13 June 2023, a civilian was killed after stepping on a landmine near Izium, Kharkiv.",
            "A roadside bomb struck an army convoy near the town.",
            "A tractor ran over an anti-tank mine in a field near Balakliia.",
            "An explosive device planted under a car exploded in Melitopol.",
            "A bag of explosives blew up in a car park in Zaporizhzhia.",
            "A mine left by Russian forces exploded under a tractor near Kupiansk.",
            "Farmer killed by mine near Balakliia",
            "Tractor hits mine near Vysokopillia, driver wounded",
            "Explosion rocks centre of Nova Kakhovka",
            "Partisans blow up a railway bridge near Tokmak",
            "An explosion tore through a market, killing 14.",
            "Three soldiers were killed when an improvised bomb hit their vehicle.",
        ),
        ("Sappers defused an anti-tank mine near Izium.", "The coal mine was shelled by Russian forces."),
    ),
    Rule(
        "Remote explosive/landmine/IED",
        "a blast that kills, wounds or hits, with no suicide attacker and no other weapon named: an explosive set off",
        r"(?:explosions?|blasts?|bombs?|bombings?|(?:land)?mines?)\b(?:\s+\S+){0,2}?\s+(?:killed|kills|killing|wounded|wounds|wounding|injured|injures|injuring|hit|hits|struck|strikes|targeted|targets|left (?:\w+ ){0,3}(?:dead|injured|wounded))\b"
        r"|(?:explosions?|blasts?)\s+(?:occurred|took place|happened|went off|rocked|shook)\b|(?:land)?mines?\s+(?:exploded|detonated|went off)\b"
        r"|(?:militants|rebels|insurgents|attackers|assailants|gunmen|terrorists|jihadists|partisans|saboteurs|separatists|unknown \w+|suspected \w+) (?:\w+ ){0,2}bombed\b",
        (
            "An explosion killed four soldiers at a checkpoint in Sinai.",
            "A powerful blast killed 12 people at a bus station on Monday.",
            "Twin explosions hit the capital's airport, killing dozens.",
            "A mine exploded in a field, killing a farmer.",
            "An explosion occurred near a police station, injuring three people.",
            "Militants bombed a gas pipeline in the desert.",
        ),
        (
            "Explosions hit Kyiv as Russian missiles struck the city.",
            # bombs dropped from aircraft are an air strike
            "Guided bombs hit the town centre, killing two.",
            "A blast at a fireworks warehouse killed six people.",
            "A gas cylinder explosion killed three people in a restaurant.",
            "A methane explosion in a coal mine killed 20 miners.",
            # an accident, and a blast named as the cause of what the sentence reports
            "Two explosions hit the port, caused by chemicals stored in a warehouse.",
            "Crowds protested on Sunday after a huge explosion last week killed dozens of people.",
        ),
        main=False,
        excludes=r"\b(?:missiles?|rockets?|shell\w*|artillery|mortars?|drones?|uavs?|air ?strikes?|airstrikes?|air[- ]raids?|aircraft|aviation|jets?|warplanes?|bombers?|helicopters?|grenades?|suicide|shaheds?|himars|mlrs|glide|aerial|kabs?|fabs?|guided|air-dropped|"
        r"stored|storage|ammonium|nitrate|accident\w*|leak\w*|cylinders?|boilers?|fireworks|factory|warehouse|coal|gold|mining|miners|methane|shafts?)\b|\b(?:after|following) (?:an? |the )?(?:\w+ ){0,2}(?:explosions?|blasts?|bombings?)\b[^.;]{0,40}?\b(?:last|earlier|previous|ago)\b",
    ),
    Rule(
        "Excessive force against protesters",
        "lethal force on demonstrators",
        rf"(?:fired|opened fire|shot|live (?:rounds|ammunition|bullets))(?! {_NOT_LETHAL})(?: \w+){{0,3}} (?:on|at|into|against) (?:an? |the )?(?:\w+ )?(?:{_PROTESTERS})|(?:{_PROTESTERS}) (?:were |was )?(?:shot dead|killed|gunned down)|kill(?:ed|ing) (?:\w+ ){{0,2}}(?:protesters|demonstrators)|protesters? (?:\w+ )?died",
        (
            "Security forces opened fire on protesters, killing two.",
            "Troops fired live rounds at a crowd of students marching in the capital.",
            "Police opened fire on the peaceful demonstrators outside the ministry.",
        ),
        ("Police fired tear gas at a crowd of demonstrators.", "Troops fired into the air to scatter the crowd."),
    ),
    Rule(
        "Violent demonstration",
        "demonstrators' own violence",
        rf"{_RIOT}|(?:{_PROTESTERS}) (?!(?:were|was|been|being|got) )(?:\w+ )?(?:threw|hurled|pelted|torched|set fire|set alight|burn(?:ed|t)|loot(?:ed|ing)|vandali[sz]ed|attacked|stormed|clashed|scuffled|fought|ransacked|smashed|damaged|destroyed|blocked|injured|beat)|stone[- ]pelting|pelted (?:stones|rocks)|(?:stones|rocks|petrol bombs|molotov cocktails) (?:at|on)|(?<!non-)(?<!non)(?<!non )violent (?:protest\w*|demonstration\w*|clashes)|turned violent|clashed with (?:the )?police",
        ("Demonstrators threw stones at police during the protest.", "Protesters injured two officers outside parliament."),
        # the passive names what was done to the demonstrators, not their violence (ACLED: Violent demonstration
        # is the demonstrators' own violence)
        (
            "Several protesters were injured when police fired rubber bullets.",
            "Demonstrators were attacked by unknown men.",
            # "riot police" names the police, not a riot
            "Riot police fired rubber bullets and stun grenades at protesters.",
            "Police broke up a non-violent demonstration near the bridge.",
            # armed groups clashing with the police fight a battle; no crowd riots
            "Suspected Maoists clashed with police in the forests, leaving two dead.",
            "Gunmen clashed with police in a two-hour gun battle.",
        ),
        excludes=r"\b(?:gunmen|militants|maoists|naxal\w*|insurgents|rebels|jihadists|bandits|terrorists|militia\w*|armed (?:men|group\w*)|gun ?(?:fight|battle)\w*|exchange of fire|firefight\w*)\b",
    ),
    Rule(
        "Protest with intervention",
        "protest broken up without lethal force",
        r"tear ?gas|teargas|water cannons?|rubber bullets|pepper[- ]spray\w*|stun grenades?|flash-?bang\w*|baton[- ]charge\w*|lathi[- ]?charge\w*|dispers(?:ed|e|ing) (?:the )?(?:\w+ )?(?:protest\w*|crowds?|demonstrat\w+|rally|gathering|agitators)|(?:broke|break|breaking|broken) up (?:a |the )?(?:\w+ )?(?:protest\w*|rall(?:y|ies)|demonstrations?|march(?:es)?|gatherings?|sit-ins?|pickets?)|(?:arrested|detained|rounded up) (?:\w+ ){0,3}(?:protesters|demonstrators)|(?:protesters|demonstrators) (?:were )?(?:arrested|detained)",
        (
            "Police fired tear gas to disperse the rally in Kherson.",
            "Police broke up a march of students in the capital.",
            "Riot police fired rubber bullets and stun grenades at protesters.",
        ),
        # activists are demonstrators only at a demonstration: arrested away from one they are Arrests
        ("Police detained five activists ahead of the opposition rally.",),
    ),
    Rule(
        "Mob violence",
        "violent crowds without a demonstration",
        r"\bmobs?\b|lynch\w*|vigilantes?(?: groups?)? (?:\w+ ){0,3}?(?:attacked|beat|lynched|killed|thrashed|clashed)|angry (?:crowds?|villagers|residents)|communal (?:clash\w*|violence|riots?)|(?:villagers|residents|locals|townspeople) (?:\w+ )?(?:attacked|beat|thrashed|clashed|torched|hacked|stoned|killed|lynched|burn(?:ed|t)|set fire|chased|assaulted)|(?:a |an )?(?:crowd|group of (?:men|people|youths|villagers|residents|locals))(?: of (?!armed)\w+(?: \w+)?)? (?:\w+ )?(?:attacked|beat|stoned|killed|hacked|lynched|torched|set fire|burn(?:ed|t)|assaulted|vandali[sz]ed)|(?:communities|community members|(?:football |rival )?fans|party (?:workers|supporters|cadres)|members of (?:two|rival) (?!armed)\w+(?: \w+)?) (?:\w+ ){0,2}?(?:clashed|fought)|beat(?:en)? (?:him |her |them )?to death|thrashed|(?:attacked|beaten|beat|assaulted) by (?:a |an )?(?:angry )?(?:crowd|group of (?:residents|locals|villagers|men|people))|clash(?:ed|es)? between (?:two )?(?:rival )?(?:groups|communities|villagers|supporters|factions|families|students|tribes)|(?:supporters|members|workers|activists|cadres) of (?:two |the )?rival (?:political )?(?:parties|party|groups|communities|clans|villages)\b(?:\s+\S+){0,3}?\s+(?:fought|clashed|attacked|beat)|(?:beat|beaten|burn(?:ed|t)|lynched|stoned|hacked|dragged|paraded) (?:\w+ ){0,2}?(?:a |an |the |two |three |several )?suspected (?:\w+ )?(?:thie(?:f|ves)|robbers?|kidnappers?|witch\w*|criminals?|rustlers?|rapists?)|burn(?:ed|t) (?:him|her|them) alive|(?:mob|jungle|instant|street) justice|(?:youths|crowds?|residents|villagers|locals|people|men|supporters|fans|students) (?:\w+ ){0,2}(?:went|go|going|gone) on (?:the|a) rampage",
        (
            "An angry mob beat a suspected thief to death.",
            "Draft officers were attacked by a crowd in Odesa.",
            "Supporters of two rival parties fought with sticks after the vote count.",
            "Residents caught a suspected robber and burned him alive.",
            "Villagers hacked to death two men accused of witchcraft.",
            "A crowd of nationalists attacked a church, injuring the pastor.",
            "A group of men beat a man to death on suspicion of carrying beef.",
            "Members of two communities clashed over farmland, leaving five dead.",
            "Party workers clashed after the election results were announced.",
            "Violence erupted in the town as angry youths went on the rampage.",
        ),
        # armed groups fighting are a clash; the police killing a suspect is an attack
        (
            "Two rival armed factions clashed in the city centre.",
            "Police shot dead a suspected robber at a checkpoint.",
            "Members of two armed groups clashed near the border.",
        ),
    ),
    Rule(
        "Sexual violence",
        "rape and sexual violence",
        r"\brap(?:e|ed|es|ing|ist|ists)\b|(?:abused|assaulted) (?:\w+ ){0,2}(?:women|girls)|sexual(?:ly)? (?:assault\w*|violence|abuse\w*|harass\w*|tortur\w*|slavery|exploit\w*|humiliat\w*)|gang-?rap\w*|molest\w*",
        ("Soldiers raped a woman in a village near Kyiv.", "Soldiers subjected detainees to sexual torture at the base."),
    ),
    Rule(
        "Abduction/forced disappearance",
        "people taken away or held for ransom, nobody killed: the taking is the event, whoever stormed in (ACLED)",
        # "the kidnapped pupils" names people taken before: a deal that frees them is an Agreement
        r"(?<!the )(?:abduct(?!ors?\b)\w*|kidnap(?!pers?\b)\w*)|ransom\w*|(?:took|taken|taking|carried|whisked|led) (?:\w+ ){0,3}?away\b|taken hostage|held hostage",
        (
            "Bandits seized a district officer on the highway and demanded a ransom.",
            "Gunmen took two engineers from their car and are holding them for ransom.",
            "Gunmen stormed a boarding school and abducted 300 students.",
            "Gunmen stormed a village and took away 40 people.",
        ),
        (
            "Hackers demanded a ransom from the city hall after a cyberattack.",
            "Gunmen stormed a village, killed five people and abducted ten.",
            "Residents beat a suspected kidnapper in the market.",
        ),
        main=False,
        excludes=r"\b(?:hack\w*|cyber\w*|ransomware|malware|computers?|servers?|data|kill\w*|dead|died|shot|murder\w*|bodies|body)\b",
    ),
    Rule(
        "Government regains territory",
        "the enemy forced back: a battle's outcome, not a handover",
        r"forced (?:\w+ ){0,4}to (?:withdraw|retreat|pull back|fall back|leave)",
        ("APU forced Russian troops to withdraw in four directions.",),
        main=False,
    ),
    Rule(
        "Armed clash",
        "an attack that was repelled: fighting, not a change of ground",
        r"(?:attack\w*|assault\w*|advance\w*|offensive|infiltrat\w*|incursions?|break-?through)\W+(?:\S+\s+){0,12}?(?:(?:was|were|been) )?(?:repelled|repulsed|pushed back|driven back|beaten back|thrown back|beaten off)\b",
        (
            "Russian infantry attacked near Synkivka and was pushed back.",
            "Russian forces assaulted positions near Marinka; the attack was repelled.",
            "A sabotage group attempted to infiltrate near the border; it was repelled.",
        ),
        ("Government troops pushed the rebels out of the town.",),
        main=False,
    ),
    Rule(
        "Agreement",
        "a withdrawal or handover agreed in a deal: a negotiated territorial transfer is an agreement",
        r"(?:agree[sd]?|agreement|deal|accord|pact)\b(?:\s+\S+){0,6}?\s+(?:on|for|over) (?:the |a |an )?(?:\w+ ){0,3}(?:withdrawal|pull-?out|hand-?over|disengagement|separation of forces)\b|(?:agree[sd]?|agreement|deal|accord|pact)\b(?:\s+\S+){0,6}?\s+to (?:withdraw|pull (?:out|back)|hand over|leave|evacuate|vacate|cede)\b|under (?:an? |the )?(?:[\w-]+ ){0,3}(?:deal|agreement|accord|pact)\b[^.;]{0,80}?\b(?:withdr[ae]w\w*|pull(?:ed|s)? (?:out|back)|hand(?:ed)? over|left|leave|evacuat\w+|vacat\w+)",
        (
            "The militias agreed to withdraw from the oil terminal under a UN-brokered deal.",
            "Under the deal, the rebels will hand over the town to government forces.",
            "The two sides agreed on the withdrawal of their forces from the disputed valley.",
        ),
        ("Russian forces withdrew from the right bank of the Dnipro without a fight.",),
        main=False,
    ),
    Rule(
        "Non-violent transfer of territory",
        "ground entered or taken once its holders had left, with no fighting reported",
        r"(?:took (?:over|control)|captured|seized|occupied|entered|moved into|advanced into|took)\b[^.;]{0,60}?\b(?:after|as|when|once)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:withdrew|had withdrawn|retreated|had retreated|pulled out|had pulled out|left|had left|abandoned|fled)\b",
        (
            "Government forces advanced into the town after the rebels withdrew.",
            "Rebels took control of the base after the army pulled out.",
        ),
        (
            "Rebels took control of the base after heavy fighting, as the army withdrew.",
            "Residents returned to the town after the troops left.",
        ),
        main=False,
        excludes=r"\b(?:fighting|fought|clash\w*|battl\w*|assault\w*|offensive|attack\w*|storm\w*|shell\w*|kill\w*|wound\w*|ambush\w*|overr[au]n)\b",
    ),
    Rule(
        "Non-violent transfer of territory",
        "withdrawals and handovers without fighting",
        r"evacuation (?:deal|agreement)|entered (?:\w+ ){0,3}without (?:a )?fight\w*|(?:took over|took control of|entered|captured|seized|occupied)\b[^.;]{0,60}?\bwithout (?:a |any )?(?:fight\w*|resistance|a shot)\b|handed (?:\w+ )?(?:authority|control) (?:over|to)|withdr[ae]w\w* (?:from|its|their|troops|forces)|pull(?:ed|s|ing)? (?:out|back) (?:of|from)|hand(?:ed|s|ing)? over (?:control|the (?!(?:\w+ )?(?:weapons|arms|rifles|guns|bodies|prisoners|hostages|detainees)\b)|to|(?:its|their) (?:\w+ ){0,2}(?:bases?|camps?|positions?|posts?|town|city|territory|areas?|checkpoints?|airport|barracks))\b|pull(?:ed|s|ing)? back\b|entered\b[^.;]{0,40}?\bafter\b[^.;]{0,60}?\b(?:withdr[ae]w\w*|pulled (?:out|back)|fled|left|retreated|abandoned|vacated)\b|hand(?:ed)?over of|handover|retreat(?:ed|s)? from|vacated|ceded|evacuated (?:its|their) (?:troops|forces|positions|bases?)|(?:forces|troops|fighters|militants|rebels|insurgents|militias?|militiam[ae]n|army|soldiers|units|jihadists|gunmen)\s+(?:\w+\s+){0,2}?(?:left|abandoned|quit|evacuated)\s+(?:[\w'’-]+\s+){0,5}?(?:under|as part of|in line with|in accordance with|following) (?:an? |the )?(?:[\w'’-]+ ){0,2}?(?:deal|agreement|accord|arrangement|truce|cease-?fire)\b",
        (
            "Russian forces withdrew from the right bank of the Dnipro without a fight.",
            "Russian forces took over Dovhuny without fighting as Ukrainian units withdrew.",
            "The UN mission handed over its camp in the north to the national army.",
            "Government troops entered the town after the militants fled.",
            "Militants left the town under a deal brokered by local elders.",
        ),
        (
            "APU forced Russian troops to withdraw in four directions.",
            "Militants handed over their weapons to the army in a ceremony.",
            "Residents left the town after the shelling.",
            "Residents left the town under a ceasefire agreement.",
        ),
    ),
    Rule(
        "Armed clash",
        "ceasefire violations: coded by the violence, not as an agreement",
        r"violat\w* (?:\w+ ){0,3}(?:cease-?fire|truce)|(?:cease-?fire|truce) (?:violations?|breach\w*)|breach\w* (?:of )?(?:the )?(?:\w+ ){0,2}?(?:cease-?fire|truce)|(?:cease-?fire|truce) (?:was |were |is |has been )?(?:violated|breached|broken)",
        (
            "Ukrainian military violated the ceasefire eleven times near Horlivka.",
            "Ceasefire violated 17 times in the east over the past day.",
            "Separatists breach the truce 30 times, army says.",
        ),
        ("Russia and Ukraine agreed a local ceasefire to evacuate civilians.",),
        main=False,
    ),
    Rule(
        "Agreement",
        "ceasefires, deals, prisoner exchanges",
        r"cease-?fires?|truce|surrender(?!ing\s+(?:\w+\s+)?(?:soldiers|troops|servicem[ae]n|fighters|men|marines|prisoners)\b)\w*|laid down (?:their )?arms|hand(?:ed|s|ing)? (?:over|in) (?:their |its |the )?(?:\w+ )?(?:weapons|arms|rifles|guns)\b|exchanged? (?:of )?(?:\w+ )?prisoners|(?:exchang|swapp?)\w* (?:\w+ ){0,7}?(?:prisoners|pows|bodies|detainees|captives|hostages)\b|(?:prisoner|prisoners of war|pow|body) (?:swap|exchange)|exchange (?:process )?of prisoners|peace (?:talks|deal|accord|agreement|process|negotiations)|signed (?:a |an |the )?(?:\w+ )?(?:deal|accord|agreement|treaty|pact|memorandum)|(?:brokered|reached|struck|clinched|sealed|concluded) (?:a |an |the )?(?:\w+ ){0,2}(?:deal|agreement|accord|pact)\b",
        (
            "Russia and Ukraine exchanged 100 prisoners of war on Sunday.",
            "Elders brokered a deal under which the gunmen released the kidnapped pupils.",
            "The government and the rebels swapped 300 detainees under Red Cross supervision.",
            "Militants handed over their weapons to the army in a ceremony.",
            "The two militias reached an agreement to reopen the road between their towns.",
        ),
        ("Talks between the government and the rebels ended without an agreement.",),
    ),
    Rule(
        "Government regains territory",
        "state forces retake ground",
        r"regain(?:ed|s)?|retook|retake|retaken|recaptur\w+|recover(?:ed)? control|re-?took|back under (?:government|army) control|liberat(?:ed|e|ing|ion of)|drove (?:\w+ ){0,3}(?:out|back)|seized back|took back|(?:freed|cleared|secured) (?:\w+ ){0,3}(?:villages?|towns?|city|areas?|districts?|territory|regions?|neighbou?rhoods?)|pushed (?:\w+ ){0,3}(?:back|out)\b|clear(?:ed|ing) (?:\w+ ){0,2}of (?:militants|rebels|insurgents|fighters)|forced (?:\w+ ){0,4}to (?:withdraw|retreat|pull back|fall back)",
        (
            "Government troops recaptured the town from the rebels.",
            "APU forced Russian troops to withdraw in four directions.",
            "Ukrainian forces counterattacked and pushed Russian units out of Synkivka.",
        ),
    ),
    Rule(
        "Non-state actor overtakes territory",
        "ground taken",
        r"advanc\w+ (?:to|into|on|toward|towards|deep|deeper)|(?<!\bnot )now (?:fully |firmly )?(?:controls?|holds?) (?:the (?:\w+ )?(?:towns?|city|villages?|district|area|airport|base|border|port|capital|province|road|highway|bridge|crossing)\b|(?-i:[A-Z]))|took (?:full |complete )?control|wrest(?:ed|s)? control|(?:(?<!\bthe )(?<!\bnewly )captured|capture|capturing)\b(?! (?:\w+ ){0,2}(?:suspects?|militants?|leaders?|commanders?|members|soldiers|fighters|men|alive|servicem[ae]n|militiam[ae]n|prisoners?))|seiz(?:ed|e|ing) (?:control|the|a|several|\d+\b)(?! (?:\w+ ){0,2}(?:passengers|people|hostages|civilians|workers|villagers|students|women|children|men|fishermen|crew|travell?ers|tourists|journalists|kilo(?:gram)?s|kg|tonnes|tons|pounds|grams|litres|liters|packets|bags|sacks|boxes)\b)|(?:took|takes?) (?:control|over)|taken (?:control|over)|overr(?:an|un)|overtook|fell to|gain(?:ed|s)? control|took \d[\d,.]* square|(?<!\bthe )(?<!\bnewly )(?:took|seized|captured|(?:have|has|had) taken) (?:\w+ ){0,2}(?:villages?|towns?|settlements?|city|positions|territory|area|district|bases?)|(?<![,-] )(?<!-)(?<!\bin )(?<!\bthe )(?<!\bof )(?<!\bnear )(?<!\bnewly )occupied\b(?! (?:territor|areas?\b|part))|(?:seized|seizes?|took|captured|captures?) (?-i:[A-Z])(?![\w-]* (?:\w+ )?(?:soldiers|servicem[ae]n|troops|fighters|militiam[ae]n|marines|paratroopers)\b)|territorial gains|gains? of \d|\bgains\b (?:in|around|near)",
        (
            "The rebels captured three villages in the north.",
            "The rebels have taken the town of Kidal.",
            "Russian forces occupied Solodka Balka after heavy fighting.",
            "Russian forces seize Vodiane",
            "The ministry announced the capture of the village by its troops.",
            "Rebels now control the town after days of fighting, residents said.",
        ),
        (
            "Ukrainian forces captured two Russian soldiers near Bakhmut.",
            "On 7 June 2023, Ukrainian forces carried out a drone strike near Vovchanske, occupied Zaporizhzhia.",
            "Ukrainian artillery hit an ammunition depot in the occupied territories of Luhansk.",
            "Militants seized 30 passengers from a bus and took them into the forest.",
            "Customs officers seized 40 kilograms of heroin at the port.",
            "The wounded were taken to the town hospital.",
            "The rebels moved their headquarters to the captured town of Bunagana.",
            "The government says it now controls most of the country.",
        ),
    ),
    Rule(
        "Air/drone strike",
        "aircraft and helicopters",
        r"air ?strikes?|airstrikes?|air[- ]raids?(?! (?:alerts?|alarms?|sirens?|warnings?|shelters?|signals?))|warplanes?|fighter jets?|jets?\b|bomber\w*|helicopters?|choppers?|gunships?|aerial (?:attack|bombardment|bombing|strike)s?|barrel bombs?|guided (?:aerial )?bombs?|glide bombs?|bombs? (?:fall|falls|fell|falling|rain(?:s|ed)? down) (?:on|in|near)\b|\bkabs?\b|aerial bombs?|air-?dropped bombs?|\bfab-?\d+|\bumpk\b|air force (?:struck|bombed|hit|targeted)|bombed from the air|(?:aircraft|aviation|planes?) (?:\w+ ){0,9}(?:bombed|struck|hit|targeted|attacked|strikes?|launched)|(?:strikes?|struck|hit) (?:\w+ ){0,3}(?:by|from) (?:the )?(?:aircraft|aviation)|coalition (?:strike|air)",
        (
            "In the south, the aircraft of the Armed Forces of Ukraine inflicted 18 strikes on the enemy.",
            "On 3 April 2023, Russian forces conducted four airstrikes on Vuhledar, Donetsk.",
            "Russian aviation dropped guided bombs on Orikhiv.",
            "A Russian aerial bomb fell on a house in Kostiantynivka, killing a couple.",
            "Bombs fell on the centre of Huliaipole overnight.",
        ),
        (
            "Fighter jets landed at the air base on Monday.",
            "Air raid alerts sounded across the Poltava region on Monday.",
            # "bombers" names the aircraft, not its use: jets scrambled to meet them struck nothing
            "Fighter jets were scrambled after two bombers approached the airspace.",
        ),
        requires=_USE,
    ),
    Rule(
        "Shelling/artillery/missile attack",
        "fire on positions with remote weapons only: one-sided, no exchange between groups in contact",
        r"(?:fired|fires|firing|opened fire|attack(?:ed|s)?|struck|hit|targeted) (?:up)?(?:on |at )?(?:\w+['’]? ){0,3}(?:positions|trenches|strongholds|fortifications)\b",
        (
            "Russian forces fired on Ukrainian positions near Vuhledar with mortars and artillery.",
            "Russian troops attacked Ukrainian strongholds near Siversk with 120mm mortars and howitzers.",
        ),
        (
            "On 10 June 2023, Russian forces fired upon Ukrainian positions with grenade launchers, heavy machine guns and small arms near Avdiivka.",
            "Russian infantry attacked Ukrainian positions near Robotyne supported by mortars; the assault was repelled.",
        ),
        main=False,
        requires=r"\b(?:mortars?|artillery|mlrs|multiple (?:launch )?rocket|cannons?|howitzers?|tanks?|grads?|rockets?|missiles?|shells?|shelling)\b",
        excludes=r"\b(?:small arms|machine[- ]guns?|grenade launchers?|rifles?|snipers?|automatic weapons|infantry(?! fighting vehicles?)|assault\w*|storm\w*|clash\w*|fighting(?! vehicles?)|fought|fire ?fights?|exchange\w*|repel\w*|repuls\w*|battles?|advanc\w*|ambush\w*|counter-?attack\w*|offensive)\b",
    ),
    Rule(
        "Armed clash",
        "armed groups engage each other, whatever the weapons",
        r"clash(?:ed|es|ing)?|fighting(?! vehicles?)|fought|gun ?battles?|gun-?fights?|fire ?fights?|exchange(?:d|s)? (?:of )?fire|(?:trad|exchang)(?:ed|ing|es?) (?:heavy |sporadic |intense )?(?:fire|gunfire|shots)|(?:counter-?)?offensives?|counter-?attack\w*|ambush\w*|(?:fierce |heavy |pitched |gun ?)battles?|battles? (?:with|between|against|for control|continued|continue|raged|rage|ongoing|took place|were fought)|battles? for (?:the )?(?:(?:town|city|village|settlement|outskirts|heights?|bridgehead) of )?(?-i:[A-Z])|battl(?:ed|ing|es) (?:with|against|for control|over control)|battl(?:ed|ing) (?:\w+ ){0,2}(?:insurgents|militants|rebels|troops|forces|fighters|soldiers|militias?|jihadists)|skirmish\w*|shootout|shoot-out|besieg(?:ed|ing|es)|la(?:id|y|ying) siege|"
        r"repel(?:led|s|ling)? (?:\w+ ){0,4}(?:attacks?|assaults?|attempts?|offensives?)|repuls(?:ed|ing)|(?<!sexual )(?<!sexually )assault(?:s|ed|ing)? (?:on|against|near|in|at|toward|towards)\b|assault(?:s|ed|ing)? (?:\w+ ){0,2}positions|(?:launched|conducted|carried out|repelled|repulsed|stopped) (?:\w+ ){0,3}assaults?|assault (?:operations|actions|groups?|troops|units)|"
        r"(?:fired|fires?|firing|opened fire|open fire|opens fire) (?:up)?(?:on|at) (?:\w+['’]? ){0,3}(?:positions|troops|soldiers|forces|units|trenches|checkpoints?|patrols?|policemen|police (?:posts?|stations?|officers|patrols?|vehicles?))|(?:small arms|machine[- ]guns?|sniper fire)\b(?! (?:on|at) (?:civilians|residents))|(?:attempted|attempts?|tried|tries|trying|attempting|sought) to (?:advance|storm|attack|break through|break into|infiltrate|penetrate|encircle|assault|push)|push(?:es|ed|ing)? (?:on )?(?:toward|towards)\b|enter(?:s|ed|ing)? (?:the )?outskirts|advanc(?:e|es|ed|ing) (?:near|around|in the direction of|on the outskirts)\b|(?:troops|forces|army|soldiers|units|servicemen)\s+advanc(?:e|es|ed|ing)\b(?!\s+(?:notice|payment|warning|booking|copies|copy|team|party)\b)|unsuccessful(?:ly)? (?:attack|advance|assault)\w*|storm(?:ed|ing)? (?:\w+ )?positions|combat (?:engagements?|clashes)|(?:enemy|hostile) (?:attacks?|assaults?)\b(?! (?:with|using|by) )|captur(?:ed|es?|ing) (?:\w+ ){1,3}?(?:soldiers|servicem[ae]n|militiam[ae]n|fighters|troops|marines|paratroopers)\b|(?:soldiers|servicem[ae]n|militiam[ae]n|fighters|troops|marines) (?:were |was |have been |had been )?taken (?:as )?prisoners?|(?:troops|soldiers|servicem[ae]n|fighters|forces|units?|positions|patrols?|convoys?|checkpoints?) (?:\w+ ){0,2}?(?:comes?|came|coming|was|were|is|are|been) under (?!(?:\w+ )?(?:artillery|mortar|rocket|tank|missile|mlrs)\b)(?:\w+ )?fire",
        (
            "On 10 June 2023, Russian forces fired upon Ukrainian positions with grenade launchers, heavy machine guns and small arms near Avdiivka.",
            "On 9 June 2023, Ukrainian forces repelled an attack by Russian forces near Bakhmut, Donetsk.",
            "Russian forces conducted offensive operations near Marinka, supported by mortars and artillery.",
            "Ukrainian and Russian forces clashed near Kreminna.",
            "Russian troops launched an assault on Ukrainian positions near Robotyne.",
            "Heavy fighting continued around the town.",
            "Battles for Chasiv Yar go on",
            "Ukrainian troops advance as shelling goes on in Vuhledar",
            "Russian forces push toward Kurakhove",
            "A Russian sabotage group attempts to break into the Chernihiv region",
            "Russian forces advance near Avdiivka, Ukraine says.",
            "Battles continued near Chasiv Yar as Russian forces tried to break through.",
            "Russian troops tried to storm Ukrainian positions near Kurakhove.",
            "Three policemen were killed when gunmen opened fire on a checkpoint.",
            "Troops battled insurgents in the city centre for several hours.",
            "Army reports 25 enemy attacks along the front; two soldiers wounded.",
            "Ukrainian forces capture two Russian soldiers near Bakhmut",
            "Three marines taken prisoner near Krynky",
            "Ukrainian troops come under fire near Horlivka",
            "Security forces and militants traded fire for hours in the district.",
            "Militants besieged the army base for three days.",
        ),
        (
            "Russian forces shelled Ukrainian positions near Avdiivka with mortars.",
            "Soldiers opened fire on an evacuation convoy of civilians near the village.",
        ),
    ),
    Rule(
        "Shelling/artillery/missile attack",
        "one-sided remote fire from the ground or sea",
        r"shell(?:ed|ings?|s)?\b|artillery|mortars?|rockets?|missiles?|\bmlrs\b|multiple (?:launch )?rocket|\bgrads?\b|uragan|smerch|katyusha|howitzers?|bombard\w*|pound(?:ed|ing) (?!(?:\w+ )?(?:of|sterling)\b)|pounds (?-i:[A-Z])|ballistic|iskanders?|kalibrs?|himars|s-300|cannon fire|heavy weapons|projectiles?|tank (?:fire|shells?|rounds)|fired from (?:a |the )?tanks?|tanks? fired|with (?:a |\w+ )?tanks?\b",
        (
            "On 5 February 2023, Russian forces shelled near Kupiansk, Kharkiv.",
            "On 17 June 2023, Russian forces shelled Kherson city with MLRS, killing three civilians.",
            "Russia denied that its missiles hit a hospital in Kharkiv.",
            "A Russian tank fired on houses in Vovchansk.",
            "Russian forces hit the outskirts of Vovchansk with tanks, damaging power lines.",
            "Russian forces bombard Kupiansk",
            "Russia pounds Vuhledar again",
        ),
        ("Ukrainian forces repelled an attack near Bakhmut despite heavy mortar fire.",),
    ),
    Rule(
        "Air/drone strike",
        "drones named without another weapon",
        rf"{_DRONE}|shaheds?|geran\w*|orlan\w*",
        (
            "Ukrainian drones struck a refinery owned by the oil company Rosneft in Tuapse.",
            "A Russian drone hit a bus in Kherson.",
            "Drone crashes into office block in Kursk",
            "An unmanned aerial vehicle targeted a car carrying militants in the province.",
        ),
        (
            "Ukrainian drone and shelling attacks on border villages killed two people.",
            "The army formed a new drone unit.",
        ),
        requires=_USE,
    ),
    Rule(
        "Armed clash",
        "ground attacks counted or failed: a summary's 'attacked N times', 'attacked ... without success'",
        r"\battack(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:once|twice|\w+\s+times)\b|\b(?:attack(?:ed|s)?|tried|attempted)\b[^.;]{0,80}?\b(?:without success|unsuccessfully)\b|\bunsuccessful(?:ly)?\s+(?:\w+\s+)?(?:attacks?|assaults?|attempts?)\b",
        (
            "Over the past day, the enemy attacked four times near the village.",
            "Russian troops attacked the village without success on Tuesday.",
        ),
        ("The enemy attacked the town with drones twice.", "Russian missiles attacked the city without success."),
        main=False,
        excludes=r"\b(?:drones?|uavs?|missiles?|rockets?|artillery|shell\w*|aircraft|aviation|bombs?|mortars?|mlrs)\b",
    ),
    Rule(
        "Looting/property destruction",
        "armed men loot, steal or burn property and harm no one: the looting or destruction is the event, not an attack on people",
        r"loot(?:ed|ing|s)?\b|ransack\w*|plunder\w*|pillag\w+|(?:stole|carried off|seiz(?:ed|ing)|confiscated) (?:\w+ ){0,3}?(?:goods|livestock|cattle|cows|goats|sheep|camels|property|food|(?:food |humanitarian )?aid|money|valuables|belongings|crops|harvests?|vehicles|cars)\b|uproot(?:ed|ing) (?:\w+ ){0,2}(?:trees|crops|vines|orchards?)|torch(?:ed|ing)\b|set (?:\w+ )?(?:on )?fire|set ablaze|burn(?:ed|t) down|razed|carted away|made (?:away|off) with|rustl(?:ed|ing)\b|(?:took|carted|carried) (?:away |off )?(?:\w+ ){0,4}?(?:computers|documents|money|cash|goods|equipment|valuables|foodstuffs?|food supplies|supplies|livestock|cattle|cows|goats|phones|laptops|medicines?)\b|"
        r"burn(?:ed|t|ing) (?:down )?(?:an? |the |\w+ ){0,2}(?:\w+ )?(?:houses?|homes?|shops?|vehicles?|cars?|trucks?|lorries|buses|buildings?|stations?|offices?|schools?|churches?|mosques?|markets?|huts?|villages?|granar(?:y|ies)|crops|farms?)\b",
        (
            "Armed men looted shops and torched houses in the village after residents fled.",
            "Gunmen set fire to a health centre in the district overnight.",
            "Bandits raided the village market and carted away grain and goats; no one was hurt.",
            "Insurgents burned a police station and three government cars in the town.",
            "Armed men broke into the district office and took away computers and documents.",
            "Gunmen made off with cattle and goods from the market.",
            "Rebels seized food aid from a warehouse in the region.",
            "Settlers uprooted olive trees belonging to farmers near the village.",
        ),
        (
            "Gunmen torched houses in the village, killing four residents.",
            "Protesters looted shops in the city centre.",
            "Villagers torched the house of a suspected witch.",
            "Gunmen looted shops and shot dead two traders.",
            "Armed men abducted a trader and looted his shop.",
            "Police said they recovered stolen property worth $5,000 from the suspects.",
        ),
        main=False,
        excludes=r"\b(?:kill\w*|dead|died|deaths?|shot|shooting|murder\w*|wound\w*|injur\w*|abduct\w*|kidnap\w*|rap(?:e|ed|ing)|assault\w*|beat(?:en|ing)?|tortur\w*|massacr\w*|hacked|stabb\w*|bodies|hostages?|alive|to death|protest\w*|demonstrat\w*|rioters?|mobs?|villagers|residents (?:torched|burned|looted|set))\b",
    ),
    Rule(
        NO_EVENT,
        "a robbery that harms no one by no political actor: crime, which ACLED does not code",
        r"\brobb(?:ed|ery|eries|ing)\b|\bheist\b|\bburgl\w+",
        ("Gunmen robbed a bank in the city centre and escaped with cash.",),
        (
            "Militants robbed a bank and shot dead two guards.",
            "Rebels robbed travellers on the highway and torched their trucks.",
        ),
        main=False,
        excludes=r"\b(?:kill\w*|dead|died|shot|shooting|wound\w*|injur\w*|abduct\w*|kidnap\w*|beat(?:en|ing)?|stabb\w*|hostages?|rebels?|militants?|insurgents?|jihadists?|terrorists?|militias?|militiamen|soldiers|troops|army|fighters|police|guerrillas?|separatists?|burn\w*|torch\w*|loot\w*)\b",
    ),
    Rule(
        "Armed clash",
        "armed victims (soldiers, police, guards, militias; a post, base, checkpoint, convoy or patrol): a clash, whoever struck first",
        rf"(?:attack(?:ed|ing|s)?|storm(?:ed|ing|s)?|raid(?:ed|ing|s)?|ambush(?:ed|es|ing)?|overr(?:an|un|unning)|assault(?:ed|ing|s)?|invad(?:ed|es|ing)|fired (?:up)?on|fired at|open(?:ed|s)? fire (?:on|at)|shot(?: and killed| dead)?|shoot(?:s|ing)?|gunned down|gun(?:s|ning)? down|kill(?:ed|ing|s)?|murder(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es))\s+(?:(?:on|against)\s+)?{_OBJECT_GAP}{_ARMED_TARGET}|{_ARMED_TARGET}\s+(?:[\w'’-]+\s+){{0,2}}?(?:were|was|have been|has been|had been|got)\s+(?:\w+\s+)?(?:shot|gunned down|ambushed|attacked|murdered)\b",
        (
            "Gunmen stormed an army post near the border, killing three soldiers and wounding four.",
            "Militants attacked a police station in the north, killing two officers.",
            "A sniper shot a soldier near the front line.",
            "Insurgents shot dead a policeman guarding a bank.",
            "Bandits attacked a vigilante group, killing twelve of its members.",
            "Three soldiers were shot dead when militants attacked their patrol.",
            "Armed men opened fire on border guards at a crossing point.",
            "The army said its troops killed 20 bandits in an operation in the north-west.",
        ),
        (
            "Gunmen stormed a village near an army base, killing ten residents.",
            "A sniper shot dead a woman crossing the street.",
            "Soldiers opened fire on an evacuation convoy of civilians near the village.",
            "Gunmen shot a man outside a police station.",
            "Militants shot a teacher outside a school.",
            # a toll alone names no attack: the refiners and the incident it follows decide
            "One Ukrainian soldier and three Russian soldiers were killed.",
        ),
    ),
    Rule(
        "Attack",
        "armed actor present kills or harms unarmed people",
        rf"gunmen (?:\w+ ){{0,3}}(?:attacked|stormed|killed|shot|opened fire|invaded)|(?:attacked|storm(?:ed|s)|invade[ds]|raid(?:ed|s)?) (?:\w+ ){{0,4}}(?:community|communities|villages?|market|school|church|mosque|college|campus|hospital|homes?|wedding|funeral)|massacr\w+|slaughter\w*|behead\w*|hacked to death|(?:killing|killed) (?:\w+ ){{0,3}}(?:villagers|civilians|worshippers|students|farmers|pilgrims)|(?:shot|shoot|shooting|fired (?:up)?on|opened fire on|executed|tortured|beat|beaten|stabbed) (?:\w+ ){{0,2}}{_CIVILIAN}",
        (
            "On 14 June 2023, Russian soldiers shot a civilian in Nova Kakhovka, Kherson.",
            "Russian soldiers executed two men in Bucha.",
        ),
        ("Russian forces shelled Kherson, killing two civilians.",),
    ),
    Rule(
        "Armed clash",
        "combat words without a named weapon",
        r"assaults? (?:on|against)|(?:military|ground|large-scale|major) (?:assaults?|operations?)\b|combat|engaged|encounters?|stormed|attacked (?:\w+ ){0,3}(?:positions|troops|checkpoints?|soldiers|army|police|bases?|convoys?|posts?|outposts?|forces|barracks|garrisons?|(?:military|army|police) (?:camps?|stations?))|attacks? (?:on )?(?:\w+ ){0,2}(?:positions|troops|checkpoints?|bases?|posts?|soldiers|servicemen)|raid(?:ed)? (?:a |the )?(?:\w+ )?(?:hideout|camp|base)|(?:killed|killing|wounded) (?:\w+ ){0,4}(?:militants|rebels|insurgents|terrorists|fighters|jihadists|soldiers|troops|security personnel|policemen)|came under (?:fire|attack)",
        (
            "Militants attacked an army checkpoint overnight.",
            "Rebels attacked the army barracks in the provincial capital.",
            "Insurgents attacked a remote military camp north of the capital.",
        ),
        ("Gunmen attacked a refugee camp, killing ten civilians.",),
    ),
    Rule(
        "Abduction/forced disappearance",
        "people taken or held",
        r"abduct(?!ors?\b)\w*|kidnap(?!pers?\b)\w*|seiz(?:ed|ing) (?:\w+ ){0,2}(?:passengers|hostages|travell?ers|tourists|journalists|aid workers|fishermen|crew)\b|went missing|forcibly disappeared|disappearance|taken hostage|held hostage|hostages?|taken captive|held captive|(?:whereabouts|fate) (?:\w+ ){0,2}(?:unknown|unclear)|(?:took|taken|taking) (?:\w+ ){0,3}away\b|deport(?:ed|ation)",
        (
            "Gunmen abducted twelve passengers from a bus.",
            "Russian forces abducted the mayor of Melitopol.",
            "Russian forces detained three residents of Oleshky; their fate is unknown.",
            "Militants seized 30 passengers from a bus and took them into the forest.",
        ),
    ),
    Rule(
        "Attack",
        "killings and violence without a weapon named",
        r"shot dead|gunned down|stabb\w+|behead\w+|hacked (?:to death)?|massacr\w+|execut(?:e|es|ed|ing|ion|ions)|assassinat\w+|murder\w*|open(?:ed|s)? fire|shot (?:and killed|at|him|her|them)|tortur\w+|bodies|body of|dead body|found dead|found hanging|killed (?:\w+ ){0,3}(?:civilians|villagers|farmers|people|residents|worshippers|women|children|man|woman|teacher|journalist|pilgrims|passengers)|attacked (?:\w+ ){0,2}(?:civilians|villagers|people|residents|worshippers|a (?:man|woman))|gunmen|armed men|torched (?:\w+ )?(?:houses|homes|villages?)|killing (?:of )?(?:\w+ )?(?:civilians|villagers)",
        (
            "On 15 June 2023, the body of a civilian with gunshot wounds was found in Bucha, Kyiv.",
            "Soldiers open fire on a village near Vasylivka 40 times",
            "Russian soldiers executed three surrendering Ukrainian servicemen near Bakhmut.",
        ),
    ),
    Rule(
        "Peaceful protest",
        "demonstrations",
        _PROTEST
        + r"|(?:gathered|assembled|came out) (?:\w+ ){0,4}(?:to (?:demand|protest|call for|support|oppose)|demanding|calling for|against)",
        (
            "Thousands rallied in Kyiv against the closure of the station.",
            "Around 200 people gathered in Lviv to demand the return of prisoners of war.",
            "Hundreds of teachers went on strike in Lviv to demand higher wages.",
            "Miners staged a general strike over unpaid wages.",
            "Veterans held a march through the city centre.",
            "Traders observed a hartal in the town against the new tax.",
        ),
        (
            "Russian forces launched a missile strike on the port.",
            "The town was captured in March after weeks of shelling.",
            # "demonstrated" and "rallied" as showing and gathering support: no demonstration
            "The new air defence system demonstrated its capabilities over the capital.",
            "Party leaders rallied behind the president after the vote.",
            "Government troops marched into the town after the rebels withdrew.",
            "Rebel fighters are marching towards the capital.",
        ),
    ),
    Rule(
        "Looting/property destruction",
        "looting and destruction",
        r"loot\w*|destruction of (?:\w+ )?propert\w+|(?:shops|houses|homes|vehicles|cars|buildings|property|properties|stores)\W+(?:\w+\W+){0,3}(?:burned|burnt|torched|looted|destroyed|vandali[sz]ed|set ablaze)|ransack\w*|vandali[sz]\w*|torch(?:ed|ing)|set (?:\w+ )?(?:on )?fire|arson\w*|plunder\w*|razed|demolish\w*|(?:blew|blown) up (?:a |an |the )?(?:\w+ ){0,2}(?:bridges?|dams?|buildings?|houses?|homes?|schools?|churches?|plants?|stations?|warehouses?)\b|destroyed (?:\w+ )?(?:houses|homes|shops|property|properties|crops|vehicles|buildings)|burn(?:ed|t) (?:down )?(?:\w+ ){0,3}(?:houses|homes|shops|vehicles|buildings|markets?|schools?|churches|mosques|temples|granaries|crops|offices|stores|huts)|pillag\w+|sabotag\w+|(?:destroyed|damaged|vandali[sz]ed|toppled|cut down) (?:an? |the |\w+ ){0,3}(?:masts?|(?:telecom\w*|mobile|phone|cell|communications?) (?:masts?|towers?)|pylons?|power lines?|pipelines?|railway (?:lines?|tracks?)|rail lines?|railway|infrastructure)\b|(?:seiz|stole|stolen|steal|commandeer|hijack|rustl)\w* (?:\w+ ){0,3}(?:food aid|aid (?:supplies|convoys?|trucks|lorries)|relief (?:supplies|goods|food)|humanitarian (?:aid|supplies)|livestock|cattle|cows|goats|camels)\b",
        (
            "Looters ransacked shops in the centre.",
            "Retreating troops blew up the bridge over the river.",
            "Fighters burned down dozens of homes in the village.",
            "Fighters burned down the market in the town.",
            "Militiamen seized food aid from a warehouse in the port city.",
            "Bandits rustled 200 cattle from herders near the town.",
            "Fighters destroyed a telecommunications mast in the district.",
            "Partisans sabotaged a railway line near the border.",
        ),
        ("Police seized a cache of rifles in the raid.",),
    ),
    Rule(
        "Arrests",
        "arrests and detentions",
        r"arrest\w*|detain\w*|custody|jailed|imprisoned|apprehend\w*|nabbed|captured (?:\w+ ){0,2}(?:suspects?|militants?|leader|commander|members)|rounded up|remanded|taken in for questioning|held by (?:the )?police",
        (
            "Police arrested four suspects after the raid.",
            "The SBU detained a man who passed coordinates to Russian forces.",
        ),
    ),
    Rule(
        "Agreement",
        "agreements named without a ceasefire word",
        r"agree(?:d|ment|ments|s)|signed|sign (?:a|an|the)|accords?\b|treaty|truce|cease-?fire (?:deal|agreement|pact)|peace (?:deal|accord|pact|talks|agreement|process)|prisoner (?:swap|exchange)|exchanged? (?:\w+ )?prisoners|memorandum|negotiat\w+|deal with|pact",
        ("Both sides agreed a ceasefire on Sunday.",),
    ),
    Rule(
        "Headquarters or base established",
        "bases and posts set up",
        r"(?:set up|setting up|established?|establishing|opened|built|constructed) (?:\w+ ){0,4}(?:observation )?(?:points?|posts?|bases?|camps?|outposts?|headquarters)\b|(?:points?|posts?|bases?|camps?|outposts?|headquarters) (?:\w+ ){0,2}(?:was |were |have been |has been )?(?:established|set up|opened)|(?:set up|setting up|established?|establishing|opened|open|build|built|building|constructed) (?:a |an |the |its |their )?(?:new |permanent |military |forward )?(?:base|headquarters|hq|camp|outpost|office|checkpoints?|post|military installation|training centre|training center)s?|new (?:military )?base|(?:moved|relocated|transferred|shifted) (?:\w+ ){0,2}(?:headquarters|hq|command (?:post|centre|center)|base of operations)\b",
        ("The group established a new base in the hills.", "The rebels moved their headquarters to the captured town of Bunagana."),
    ),
    Rule(
        "Change to group/activity",
        "groups change, deploy or declare",
        r"join(?:ed|s)? forces|reinforc\w+|(?:formed|form|created|launch(?:ed)?|announced) (?:a |the )?(?:new )?(?:\w+ ){0,2}?(?:group|alliance|coalition|front|militia|party|wing|units?|organi[sz]ations?|brigades?|battalions?|regiments?|corps)\b|(?:changed|changes|changing) (?:its|their) names?|renamed (?:itself|themselves)|splinter|defect(?:ed|ion|ors?)|pledg(?:ed|es) allegiance|rebrand\w*|disband\w*|recruit\w*|mobili[sz]\w+|curfew|state of emergency|martial law|deploy(?:ed|ment|s)?|redeploy\w*|(?:military|naval|joint|air|war|live-fire|army|field|combat|tactical) (?:exercises?|drills?|manoeuvres?|maneuvers?)|war ?games",
        (
            "Hundreds of fighters defected to the government.",
            "The defence ministry formed a new brigade of volunteers in Kharkiv.",
            "Japanese and American warships held joint naval exercises in the Philippine Sea.",
            "The militant group changed its name to the Levant Liberation Committee.",
        ),
        (
            "Japan's military was mobilised to help clear heavy snow in the north.",
            "An air raid alert was declared across the Chernihiv region.",
        ),
    ),
    Rule(
        "Change to group/activity",
        "generic changes (a delivery, an appointment, a ban, a merger) only of an armed group or force: a company's delivery or a court's suspension is no political event",
        r"join(?:ed|s)? (?:hands|the)|dispatch\w+|deliver(?:ed|y|ies)|merg(?:ed|er|e)|dissolv\w+|relocat\w+|new (?:leader|commander|chief)|appointed|named (?:as )?(?:the )?(?:new )?(?:leader|commander|chief)|(?<!alert )(?<!alerts )(?<!alarm )(?<!alarms )(?<!alert was )(?<!alerts were )(?<!alarm was )(?<!alert is )declared(?! (?:an? |the )?(?:air[- ]raid |air )?(?:alerts?|alarms?|warnings?))|ban(?:ned)? |suspend\w*|banned|training|resum\w+ (?:operations|activities)|call(?:ed)? off",
        (
            "The insurgent group appointed a new commander after the death of its chief.",
            "Two rebel factions merged into a single armed movement.",
            "Twelve fighter aircraft landed at the air base after their delivery flight.",
        ),
        (
            "The company delivered 500 buses to the city last year.",
            "The court suspended the new labour law pending review.",
            "The government declared three days of national mourning after the bombing.",
        ),
        main=False,
        requires=r"\b(?:army|military|troops|soldiers|forces|militants?|rebels?|insurgents?|insurgency|militias?|militiamen|fighters|armed|guerrillas?|jihadists?|police|security|weapons?|arms|battalions?|brigades?|units?|commanders?|separatists?|paramilitar\w*|taliban|shabaab|boko haram|islamic state|mercenar\w*|navy|naval|air force|defen[cs]e|factions?|gangs?|fighter|aircraft|jets?|warplanes?|warships?|tanks|missiles?|howitzers|artillery|air ?bases?|helicopters?)\b",
    ),
    Rule(
        "Change to group/activity",
        "authorities order or begin an evacuation of civilians: a change to their activity (eval/gold/README.md)",
        r"(?:announced|ordered|declared|began|begun|started|launched|organi[sz]ed|extended)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?evacuations?\b|(?:mandatory|forced|compulsory|obligatory)\s+evacuations?\b|(?:ordered|told|asked|urged|instructed|called on)\s+(?:\w+\s+){0,3}?to\s+(?:evacuate|leave\s+(?:their\s+)?(?:homes|villages?|the\s+(?:city|town|area|district|region)))\b",
        (
            "The regional administration ordered the evacuation of residents of two border villages.",
            "Authorities announced a mandatory evacuation of families with children from the town.",
            "Residents of five villages were ordered to evacuate as the army prepared an offensive.",
        ),
        (
            "Rescuers evacuated the wounded after the strike.",
            "A flood forced the evacuation of the village.",
            "Russian forces shelled the town during the forced evacuation, killing two people.",
        ),
        main=False,
    ),
    Rule(
        "Shelling/artillery/missile attack",
        "settlements that came under fire: a summary's one-sided remote fire on places, its weapon unnamed",
        r"(?:comes?|came|coming) under (?:\w+ ){0,2}?(?:fire|shelling|bombardment)\b",
        (
            "Four villages of the border hromada came under enemy fire over the past day.",
            "The outskirts of the town came under artillery fire on Monday.",
        ),
        ("A patrol came under fire near the bridge.",),
        main=False,
        requires=r"\b(?:settlements?|villages?|towns?|city|cities|communities|hromadas?|outskirts|suburbs|districts?|areas?)\b",
        excludes=r"\b(?:patrols?|convoys?|positions|checkpoints?|troops|soldiers|units?)\b",
    ),
)

#: A strike with no weapon named ("the army had targeted a fuel depot"): its sub-type comes from the
#: weapon of the nearest preceding explosion in the text, and without one the sentence is no event.
GENERIC_STRIKE = re.compile(r"\b(?:targeted|targeting|hit|struck|strikes? on|attack(?:ed|s)? on)\b", re.I)

#: A strike, hit or attack that names no weapon, in any form a headline or note writes it ("Russia strikes X",
#: "X hit again", "attack on X", "X under fire", "comes under attack", "explosions heard in X"). It is an event only where the refiners
#: type it (:func:`frontwatch.nlp.refiners.remote_strike`): labour strikes ("strike over pay"), striking back and
#: cyber attacks are none.
WEAPONLESS_STRIKE = re.compile(
    r"\b(?<!cyber )(?<!cyber-)(?<!heart )(?<!panic )(?:strik(?:e|es|ing)|struck|hit(?:s|ting)?|attack(?:s|ed|ing)?|"
    r"target(?:s|ed|ing)?|under (?:\w+ )?(?:fire|attack)|fir(?:e|es|ed|ing) (?:\w+ ){0,3}?(?:at|on|upon))\b(?!\s+(?:in|over|for|back|action|out|(?:a |an )?(?:deal|deals|agreement|balance|chord|tone|note|pose)|the right)\b)|"
    r"\b(?:explosions?|blasts?) (?:were |was )?(?:heard|reported)\b|\bshaken by (?:\w+ ){0,2}(?:explosions?|blasts?)",
    re.I,
)

#: Strikes spoken of rather than reported: earlier, repeated or possible ones ("damaged in an earlier strike",
#: "daily attacks"), and "the attacks" in general ("the attacks on border regions justified ...").
_BACKGROUND_STRIKE = re.compile(
    r"\b(?:earlier|previous|recent|past|last|future|further|such|these|those|similar|repeated|constant|daily|"
    r"nightly|regular|frequent|ongoing|continued|continuing|persistent|possible|potential|any|more|retaliatory)\s+"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
_THE_PLURAL = re.compile(r"\bthe\s+(?:[\w-]+\s+)?$", re.I)


def weaponless_strike(sentence: str) -> re.Match[str] | None:
    """The first :data:`WEAPONLESS_STRIKE` in ``sentence`` that reports a strike, not one spoken of in the
    background.

    >>> weaponless_strike("Strikes hit Pokrov overnight").group()
    'Strikes'
    >>> weaponless_strike("The market was damaged in an earlier strike.") is None
    True
    >>> weaponless_strike("Officials said the attacks on border regions justified a buffer zone.") is None
    True
    """
    for m in WEAPONLESS_STRIKE.finditer(sentence):
        before = sentence[max(0, m.start() - 40) : m.start()]
        generic = m.group().lower() in ("strikes", "attacks") and _THE_PLURAL.search(before)
        if not (generic or _BACKGROUND_STRIKE.search(before)):
            return m
    return None


#: Words that make a trigger hypothetical or negated ("no plans to occupy", "threatened to attack", "as the army
#: prepared an offensive": not fought yet). A denial
#: is not among them: ACLED codes an event that a credible source reports even when one party denies it.
NEGATION = re.compile(
    r"\b(?:no (?:\w+ )?plans? to|not|never|threaten(?:ed|s)? to|would|could|may|might|plans? (?:to|for)|plans?(?=\s+(?:(?:a|an|the|new|fresh|major|another|large-scale)\s+){0,2}$)|"
    r"call(?:ed|s|ing)? for|planning (?:to|for)|intends? to|vowed to|prepar(?:es|ed|ing)(?: to| for)?|ready to|aim(?:s|ed)? to|warn(?:ed|s)? of|fear(?:s|ed)? of|"
    # the future: what "will" happen, or what forces are "preparing an offensive to" do, has not happened
    r"will|shall|(?:set|about|poised|expected) to|prepar(?:es|ed|ing) (?:for )?(?:an? |the )?(?:\w+ )?(?:counter-?)?(?:offensive|operation|assault|attack)s?(?: to)?)\s+(?:\w+\s+){0,2}$",
    re.I,
)

COMPILED: list[tuple[str, re.Pattern[str]]] = [
    (rule.sub_event_type, re.compile(rf"\b(?:{rule.pattern})", re.I)) for rule in RULES
]
#: For each rule of :data:`COMPILED`, what the sentence must also hold (None: nothing more).
REQUIRED: list[re.Pattern[str] | None] = [
    re.compile(rf"^(?!.*(?:{r.excludes}))(?=.*(?:{r.requires or ''}))", re.I | re.S)
    if r.excludes
    else (re.compile(r.requires, re.I) if r.requires else None)
    for r in RULES
]

#: The priority of each sub-type's first rule (a refined or untyped sentence ranks as that rule would); a sub-type
#: with no main rule ("Other": a weapons test) ranks after every other, the least salient event of a report.
_MAIN = [r for r in RULES if r.main]
RANK_OF: dict[str, int] = {rule.sub_event_type: rank for rank, rule in reversed(list(enumerate(_MAIN)))}
RANK_OF.update({r.sub_event_type: len(_MAIN) for r in RULES if r.sub_event_type not in RANK_OF})
