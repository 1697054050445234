"""Trigger rules: words that signal each ACLED sub-event type, in the order a sentence is tested.

The order encodes the ACLED codebook's precedence: a specific weapon beats a generic attack
(an intercepted drone is "Disrupted weapons use", not an air strike; a suicide bombing is a
"Suicide bomb" even when people were shot); within protests the worst treatment of the
demonstrators decides; an offensive with artillery is an "Armed clash" (the codebook codes
battles before the shelling that supports them). A strong air word (jets, air strike) outranks
shelling; a bare "drone" ranks below it ("drone and shelling attacks" is coded as shelling).
"""

# ruff: noqa: E501  (pattern tables: one rule per line reads better than a rule split across lines)

from __future__ import annotations

import re

_PROTEST = r"protest\w*|demonstrat(?:ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|marche[sd]|marchers|sit-ins?|picket\w*|agitat\w+|dharna|bandh|strikers|hunger strike|took to the streets|walk-?out"
_PROTESTERS = r"protesters?|demonstrators?|crowds?|agitators|marchers|students|activists|supporters|mob"

#: Not a political-violence event (ACLED codes none of these): disasters, accidents, poisonings, and claims
#: of responsibility for attacks reported elsewhere. A sentence matching this first yields no event.
NO_EVENT = "none"

_WEAPONS = r"(?:weapons?|arms|ammunitions?|explosives?|firearms|pistols|rifles|guns|grenades|ieds?|explosive devices|landmines|mines|bullets|cartridges|rounds of|magazines|tnt|detonators|rockets|mortars|munitions)\b"

RULES: list[tuple[str, str]] = [
    (
        NO_EVENT,
        r"earthquakes?|quake|tremors?|volcan\w*|tsunami|floods?|flooding|landslides?|mudslides?|cyclones?|hurricanes?|typhoons?|(?:forest |bush|wild)fires?|drought|heat ?waves?|avalanche|lightning|stampede|poisoning|poisoned|adulterated|spurious liquor|hooch|chemical (?:spill|incident|leak)|gas (?:leak|cylinder|explosion|containers)|propane|boiler|fireworks|(?:chemical |industrial |power )?plant exploded|factory (?:fire|explosion|blast)|(?:car|plane|road|bus|train|helicopter) (?:crash|accident)|road accident|traffic accident|derail\w*|covid|coronavirus|pandemic|outbreak|epidemic|infections|drown\w*|firefighters|claim(?:ed|s|ing)? (?:the )?responsibility|rejected (?:the )?allegations|denie[sd]\b|arms embargo|sanctions|multi-vehicle|vehicle crash|petroleum products|oil company",
    ),
    (
        "Chemical weapon",
        r"chlorine|sarin|mustard gas|toxic (?:gas|chemicals?)|poison(?:ous)? gas|nerve agents?|chemical (?:weapons?|attacks?|agents?|munitions?|bombs?)|gas attacks?",
    ),
    (
        "Suicide bomb",
        r"suicide (?:bomb\w*|attack\w*|car|vest|truck|blast|explosion)|blew (?:himself|herself|themselves) up|self-detonat\w+|explosive vest",
    ),
    (
        "Disrupted weapons use",
        r"intercept(?:ed|ing|ion|ions|s)?|shot down|downed|defus(?:ed|ing|al)|bomb disposal|foiled|thwarted|averted|"
        r"(?:seiz|recover|confiscat|destroy|discover|unearth|dismantl|found|captur)\w*\W+(?:\S+\s+){0,8}?"
        + _WEAPONS
        + r"|"
        + _WEAPONS
        + r"\W+(?:\S+\s+){0,8}?(?:(?:was|were|has been|have been|had been|being)\s+)?(?:seized|found|recovered|confiscated|captured|destroyed|discovered|unearthed|defused|dismantled)|"
        r"(?:caches?|stash(?:es)?|haul) of|air defen[cs]es? (?:\w+ )?(?:destroyed|repelled|shot)|neutrali[sz]ed (?:an? |the )?(?:bomb|ied|explosive|drone|device)",
    ),
    ("Grenade", r"(?<!propelled )grenades?\b"),
    (
        "Remote explosive/landmine/IED",
        r"\bieds?\b|improvised explosive|roadside (?:bomb|blast|explosion|device)|land ?mines?|\bmine (?:blast|explosion)|stepped on a mine|car bomb\w*|bomb (?:blast|exploded|explosion|went off|attack)|(?:bomb|device|explosive)s? (?:planted|hidden|exploded|detonated|went off)|explosive devices?|booby[- ]trap\w*|remote[- ]controlled|sticky bomb|magnetic bomb|vehicle-borne|bomb(?:ing)? (?:at|in|near|outside) |bomb blast|blast (?:at|in|near|outside|ripped)|explosions? (?:at|in|near|outside|ripped|rocked)|detonat\w+|bombing killed|a bomb",
    ),
    (
        "Excessive force against protesters",
        rf"(?:fired|opened fire|shot|live (?:rounds|ammunition|bullets))(?! (?:tear|teargas|water|rubber|warning|pepper|in the air|into the air))(?: \w+){{0,3}} (?:on|at|into|against) (?:the )?(?:{_PROTESTERS})|(?:{_PROTESTERS}) (?:were |was )?(?:shot dead|killed|gunned down)|kill(?:ed|ing) (?:\w+ ){{0,2}}(?:protesters|demonstrators)|protesters? (?:\w+ )?died",
    ),
    (
        "Violent demonstration",
        rf"riot\w*|(?:{_PROTESTERS}) (?:\w+ )?(?:threw|hurled|pelted|torched|set fire|burn(?:ed|t)|vandali[sz]ed|attacked|stormed|clashed|ransacked|smashed|damaged|blocked|injured|beat)|stone[- ]pelting|pelted (?:stones|rocks)|(?:stones|rocks|petrol bombs|molotov cocktails) (?:at|on)|violent (?:protest\w*|demonstration\w*|clashes)|turned violent|clashed with (?:the )?police",
    ),
    (
        "Protest with intervention",
        r"tear ?gas|teargas|water cannons?|rubber bullets|baton[- ]charge\w*|lathi[- ]?charge\w*|dispers(?:ed|e|ing) (?:the )?(?:\w+ )?(?:protest\w*|crowds?|demonstrat\w+|rally|gathering|agitators)|broke up (?:a |the )?(?:\w+ )?(?:protest|rally|demonstration)|(?:arrested|detained|rounded up) (?:\w+ ){0,3}(?:protesters|demonstrators|activists)|(?:protesters|demonstrators|activists) (?:were )?(?:arrested|detained)",
    ),
    (
        "Mob violence",
        r"\bmobs?\b|lynch\w*|vigilantes?|angry (?:crowds?|villagers|residents)|communal (?:clash\w*|violence|riots?)|(?:villagers|residents|locals) (?:\w+ )?(?:attacked|beat|thrashed|clashed|torched)|beat(?:en)? (?:him |her |them )?to death|thrashed|clash(?:ed|es)? between (?:two )?(?:rival )?(?:groups|communities|villagers|supporters|factions|families|students|tribes)",
    ),
    (
        "Sexual violence",
        r"\brap(?:e|ed|es|ing|ist|ists)\b|(?:abused|assaulted) (?:\w+ ){0,2}(?:women|girls)|sexual(?:ly)? (?:assault\w*|violence|abuse\w*|harass\w*)|gang-?rap\w*|molest\w*",
    ),
    (
        "Non-violent transfer of territory",
        r"evacuation (?:deal|agreement)|entered (?:\w+ ){0,3}without (?:a )?fight\w*|leaving (?:their|the) (?:last )?(?:bastion|stronghold)|handed (?:\w+ )?(?:authority|control) (?:over|to)|withdr[ae]w\w* (?:from|its|their|troops|forces)|pull(?:ed|s|ing)? out (?:of|from)|handed over (?:control|the|to)|hand(?:ed)?over of|handover|retreat(?:ed|s)? from|vacated|ceded|evacuated (?:its|their) (?:troops|forces|positions|bases?)",
    ),
    (
        "Agreement",
        r"cease-?fires?|truce|surrender\w*|laid down (?:their )?arms|exchanged? (?:of )?(?:\w+ )?prisoners|(?:prisoner|prisoners of war|pow) (?:swap|exchange)|exchange (?:process )?of prisoners|peace (?:talks|deal|accord|agreement|process|negotiations)|indirect talks|signed (?:a |an |the )?(?:\w+ )?(?:deal|accord|agreement|treaty|pact|memorandum)",
    ),
    (
        "Government regains territory",
        r"regain(?:ed|s)?|retook|retake|retaken|recaptur\w+|recover(?:ed)? control|re-?took|back under (?:government|army) control|liberat(?:ed|e|ing|ion of)|drove (?:\w+ ){0,3}(?:out|back)|seized back|took back|(?:freed|cleared|secured) (?:\w+ ){0,3}(?:villages?|towns?|city|areas?|districts?|territory|regions?|neighbou?rhoods?)|pushed (?:\w+ )?(?:back|out)|clear(?:ed|ing) (?:\w+ ){0,2}of (?:militants|rebels|insurgents|fighters)",
    ),
    (
        "Non-state actor overtakes territory",
        r"advanc\w+ (?:to|into|on|toward|towards|deep|deeper)|took (?:full |complete )?control|captur(?:ed|e|ing)(?! (?:\w+ ){0,2}(?:suspects?|militants?|leaders?|commanders?|members|soldiers|fighters|men|alive))|seiz(?:ed|e|ing) (?:control|the|a|several|\d+)|took (?:control|over)|taken (?:control|over)|overr(?:an|un)|overtook|fell to|gain(?:ed|s)? control|took \d[\d,.]* square|(?:took|seized|captured|occupied) (?:\w+ ){0,2}(?:villages?|towns?|settlements?|city|positions|territory|area|district|bases?)|occupied|territorial gains|gains? of \d|\bgains\b (?:in|around|near)",
    ),
    (
        "Air/drone strike",
        r"air ?strikes?|airstrikes?|air[- ]raids?|warplanes?|fighter jets?|jets?\b|bomber\w*|helicopters?|gunships?|aerial (?:attack|bombardment|bombing|strike)s?|barrel bombs?|air force (?:struck|bombed|hit|targeted)|bombed from the air|(?:aircraft|planes?) (?:bombed|struck|hit|targeted|attacked)|coalition (?:strike|air)",
    ),
    (
        "Armed clash",
        r"clash(?:ed|es|ing)?|fighting|fought|gun ?battles?|gun-?fights?|fire ?fights?|exchange(?:d|s)? (?:of )?fire|(?:counter-?)?offensives?|ambush\w*|(?:fierce |heavy |pitched |gun ?)battles?|battles? (?:with|between|against|for control)|battled (?:with|against)|skirmish\w*|shootout|shoot-out|heavy fighting|pressed ahead",
    ),
    (
        "Shelling/artillery/missile attack",
        r"shell(?:ed|ing|s)\b|artillery|mortars?|rockets?|missiles?|\bmlrs\b|\bgrads?\b|katyusha|howitzers?|bombard\w+|ballistic|iskanders?|kalibrs?|himars|cannon fire|heavy weapons|projectiles?",
    ),
    ("Air/drone strike", r"drones?|\buavs?\b|shaheds?|kamikaze|loitering munitions?"),
    (
        "Attack",
        r"gunmen (?:\w+ ){0,3}(?:attacked|stormed|killed|shot|opened fire|invaded)|(?:attacked|stormed|invaded|raided) (?:\w+ ){0,4}(?:community|communities|villages?|market|school|church|mosque|college|campus|hospital|homes?|wedding|funeral)|massacr\w+|slaughter\w*|behead\w*|hacked to death|(?:killing|killed) (?:\w+ ){0,3}(?:villagers|civilians|worshippers|students|farmers|pilgrims)",
    ),
    (
        "Armed clash",
        r"assaults? (?:on|against)|(?:military|ground|large-scale|major) (?:assault|operation)|combat|engaged|encounters?|stormed|repel(?:led|s)? (?:an? |the )?(?:\w+ )?attacks?|attacked (?:\w+ ){0,2}(?:positions|troops|checkpoints?|soldiers|army|police|bases?|convoys?|posts?|outposts?|forces)|attacks? (?:on )?(?:\w+ ){0,2}(?:positions|troops|checkpoints?|bases?|posts?|soldiers|servicemen)|raid(?:ed)? (?:a |the )?(?:\w+ )?(?:hideout|camp|base)|(?:killed|killing|wounded) (?:\w+ ){0,4}(?:militants|rebels|insurgents|terrorists|fighters|jihadists|soldiers|troops|security personnel|policemen)|came under (?:fire|attack)|charged a camp",
    ),
    (
        "Abduction/forced disappearance",
        r"abduct\w*|kidnap\w*|went missing|forcibly disappeared|disappearance|taken hostage|held hostage|hostages?|taken captive|held captive|whereabouts unknown",
    ),
    (
        "Attack",
        r"shot dead|gunned down|stabb\w+|behead\w+|hacked (?:to death)?|massacr\w+|execut(?:ed|ion)|assassinat\w+|murder\w*|opened fire|shot (?:and killed|at|him|her|them)|tortur\w+|bodies|body of|dead body|found dead|found hanging|killed (?:\w+ ){0,3}(?:civilians|villagers|farmers|people|residents|worshippers|women|children|man|woman|teacher|journalist|pilgrims|passengers)|attacked (?:\w+ ){0,2}(?:civilians|villagers|people|residents|worshippers|a (?:man|woman))|gunmen|armed men|torched (?:\w+ )?(?:houses|homes|villages?)|killing (?:of )?(?:\w+ )?(?:civilians|villagers)",
    ),
    ("Peaceful protest", _PROTEST),
    (
        "Looting/property destruction",
        r"loot\w*|destruction of (?:\w+ )?propert\w+|(?:shops|houses|homes|vehicles|cars|buildings|property|properties|stores)\W+(?:\w+\W+){0,3}(?:burned|burnt|torched|looted|destroyed|vandali[sz]ed|set ablaze)|ransack\w*|vandali[sz]\w*|torch(?:ed|ing)|set (?:\w+ )?(?:on )?fire|arson\w*|plunder\w*|razed|demolish\w*|destroyed (?:\w+ )?(?:houses|homes|shops|property|properties|crops|vehicles|buildings)|burn(?:ed|t) (?:down )?(?:\w+ )?(?:houses|homes|shops|vehicles|buildings)|pillag\w+",
    ),
    (
        "Arrests",
        r"arrest\w*|detain\w*|custody|apprehend\w*|nabbed|captured (?:\w+ ){0,2}(?:suspects?|militants?|leader|commander|members)|rounded up|remanded|taken in for questioning|held by (?:the )?police",
    ),
    (
        "Agreement",
        r"agree(?:d|ment|ments|s)|signed|sign (?:a|an|the)|accords?\b|treaty|truce|cease-?fire (?:deal|agreement|pact)|peace (?:deal|accord|pact|talks|agreement|process)|prisoner (?:swap|exchange)|exchanged? (?:\w+ )?prisoners|memorandum|negotiat\w+|deal with|pact",
    ),
    (
        "Headquarters or base established",
        r"(?:set up|setting up|established?|establishing|opened|built|constructed) (?:\w+ ){0,4}(?:observation )?(?:points?|posts?|bases?|camps?|outposts?|headquarters)\b|(?:points?|posts?|bases?|camps?|outposts?|headquarters) (?:\w+ ){0,2}(?:was |were |have been |has been )?(?:established|set up|opened)|(?:set up|setting up|established?|establishing|opened|open|build|built|building|constructed) (?:a |an |the |its |their )?(?:new |permanent |military |forward )?(?:base|headquarters|hq|camp|outpost|office|checkpoints?|post|military installation|training centre|training center)s?|new (?:military )?base",
    ),
    (
        "Change to group/activity",
        r"join(?:ed|s)? (?:forces|hands|the)|reinforc\w+|dispatch\w+|deliver(?:ed|y|ies)|merg(?:ed|er|e)|(?:formed|form|launch(?:ed)?|announced) (?:a |the )?(?:new )?(?:group|alliance|coalition|front|militia|party|wing)|splinter|defect(?:ed|ion|ors?)|pledg(?:ed|es) allegiance|rebrand\w*|disband\w*|dissolv\w+|recruit\w*|mobili[sz]\w+|relocat\w+|new (?:leader|commander|chief)|appointed|named (?:as )?(?:the )?(?:new )?(?:leader|commander|chief)|curfew|state of emergency|martial law|declared|ban(?:ned)? |suspend\w*|banned|deploy(?:ed|ment|s)?|training|redeploy\w*|resum\w+ (?:operations|activities)|call(?:ed)? off",
    ),
]

#: Cues that decide a protest's sub-type, first match wins. ACLED codebook: demonstrators' own violence makes
#: a "Violent demonstration" whatever force met it; lethal force against non-violent demonstrators is
#: "Excessive force"; arrests, tear gas and dispersal are an "intervention". Tested on the whole report.
PROTEST_CONTEXT = re.compile(rf"\b(?:{_PROTEST})", re.I)
PROTEST_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "Violent demonstration",
        re.compile(
            r"\b(?:clash\w*|molotov|petrol bombs?|threw|throws?|throwing|hurl\w*|stones?|rocks|set ablaze|torch\w*|vandal\w*|riot\w*|(?<!non-)violen(?:ce|t)(?! ?free)|aggressive|block(?:ed|ing) (?:\w+ )?(?:roads?|highways?|railways?|traffic)|smash\w*|roadblocks?|burn(?:ed|t|ing) (?:\w+ )?(?:tyres|tires|cars|vehicles)|attacked)",
            re.I,
        ),
    ),
    (
        "Excessive force against protesters",
        re.compile(
            r"\b(?:killed|killing|shot dead|died|dead|live (?:bullets|ammunition|rounds|fire)|(?:violently|brutally) (?:suppress|disperse|crack|beat)\w*|batons?\b|beat(?:en|ing)? (?:up )?(?:protesters|demonstrators))",
            re.I,
        ),
    ),
    (
        "Protest with intervention",
        re.compile(
            r"\b(?:tear ?gas|teargas|water cannons?|rubber bullets|pepper[- ]spray\w*|dispers\w+|broke(?:n)? up|detain\w*|arrest\w*|suppress\w*|crack(?:ed)? down|crackdown|drag\w*|intervened|stopped|prevented)",
            re.I,
        ),
    ),
]

#: A strike with no weapon named ("Kyiv had targeted oil facilities"): its sub-type comes from the
#: weapon of the nearest preceding explosion in the text, and without one the sentence is no event.
GENERIC_STRIKE = re.compile(r"\b(?:targeted|targeting|hit|struck|strikes? on|attack(?:ed|s)? on)\b", re.I)

#: Words that make a trigger hypothetical or denied ("no plans to occupy", "threatened to attack").
NEGATION = re.compile(
    r"\b(?:no (?:current )?plans? to|not|never|denied|deny|denies|threaten(?:ed|s)? to|would|could|may|might|plans? to|"
    r"planning to|intends? to|vowed to|prepar(?:ed|ing) to|ready to|aim(?:s|ed)? to|warn(?:ed|s)? of|fear(?:s|ed)? of)\s+(?:\w+\s+){0,2}$",
    re.I,
)

COMPILED: list[tuple[str, re.Pattern[str]]] = [(sub, re.compile(rf"\b(?:{pattern})", re.I)) for sub, pattern in RULES]
