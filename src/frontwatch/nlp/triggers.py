"""Trigger rules: words that signal each ACLED sub-event type, in the order a sentence is tested.

The order encodes the ACLED codebook's precedence: a specific weapon beats a generic attack
(an intercepted drone is "Disrupted weapons use", not an air strike; a suicide bombing is a
"Suicide bomb" even when people were shot); within protests the worst treatment of the
demonstrators decides; an offensive with artillery is an "Armed clash" (the codebook codes
battles before the shelling that supports them). A strong air word (jets, air strike) outranks
shelling; a bare "drone" ranks below it ("drone and shelling attacks" is coded as shelling).
"""

from __future__ import annotations

import re

_PROTEST = r"protest\w*|demonstrat(?:ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|marche[sd]|marchers|sit-ins?|picket\w*|agitat\w+|dharna|bandh|strikers|hunger strike|took to the streets|walk-?out"
_PROTESTERS = r"protesters?|demonstrators?|crowds?|agitators|marchers|students|activists|supporters|mob"

RULES: list[tuple[str, str]] = [
    ("Chemical weapon", r"chlorine|sarin|mustard gas|toxic (?:gas|chemicals?)|poison(?:ous)? gas|nerve agents?|chemical (?:weapons?|attacks?|agents?|munitions?|bombs?)|gas attacks?"),
    ("Suicide bomb", r"suicide (?:bomb\w*|attack\w*|car|vest|truck|blast|explosion)|blew (?:himself|herself|themselves) up|self-detonat\w+|explosive vest"),
    ("Disrupted weapons use", r"intercept(?:ed|ing|ion|ions|s)?|shot down|downed|defus(?:ed|ing|al)|dismantl\w+ (?:an? |the )?(?:bomb|ied|explosive)|bomb disposal|(?:seized|recovered|confiscated|found|discovered|unearthed) (?:a |an |the )?(?:\w+ )?(?:cache|weapons|arms|explosives|ammunition|rifles|guns|grenades|bombs?|ieds?|mines|rockets)|(?:weapons|arms|ammunition|explosives) (?:were |was )?(?:seized|recovered|confiscated)|foiled|thwarted|averted|air defen[cs]es? (?:\w+ )?(?:destroyed|repelled|shot)|neutrali[sz]ed (?:an? |the )?(?:bomb|ied|explosive|drone|device)|(?:drones?|missiles?|rockets?) (?:were |was )?(?:destroyed|intercepted)"),
    ("Remote explosive/landmine/IED", r"\bieds?\b|improvised explosive|roadside (?:bomb|blast|explosion|device)|land ?mines?|\bmine (?:blast|explosion)|stepped on a mine|car bomb\w*|bomb (?:blast|exploded|explosion|went off|attack)|(?:bomb|device|explosive)s? (?:planted|hidden|exploded|detonated|went off)|explosive devices?|booby[- ]trap\w*|remote[- ]controlled|sticky bomb|magnetic bomb|vehicle-borne|bomb(?:ing)? (?:at|in|near|outside) |bomb blast|blast (?:at|in|near|outside|ripped)|explosions? (?:at|in|near|outside|ripped|rocked)|detonat\w+|bombing killed|a bomb"),
    ("Excessive force against protesters", rf"(?:fired|opened fire|shot|live (?:rounds|ammunition|bullets))(?! (?:tear|teargas|water|rubber|warning|pepper|in the air|into the air))(?: \w+){{0,3}} (?:on|at|into|against) (?:the )?(?:{_PROTESTERS})|(?:{_PROTESTERS}) (?:were |was )?(?:shot dead|killed|gunned down)|kill(?:ed|ing) (?:\w+ ){{0,2}}(?:protesters|demonstrators)|protesters? (?:\w+ )?died"),
    ("Violent demonstration", rf"riot\w*|(?:{_PROTESTERS}) (?:\w+ )?(?:threw|hurled|pelted|torched|set fire|burn(?:ed|t)|vandali[sz]ed|attacked|stormed|clashed|ransacked|smashed|damaged|blocked|injured|beat)|stone[- ]pelting|pelted (?:stones|rocks)|(?:stones|rocks|petrol bombs|molotov cocktails) (?:at|on)|violent (?:protest\w*|demonstration\w*|clashes)|turned violent|clashed with (?:the )?police"),
    ("Protest with intervention", r"tear ?gas|teargas|water cannons?|rubber bullets|baton[- ]charge\w*|lathi[- ]?charge\w*|dispers(?:ed|e|ing) (?:the )?(?:\w+ )?(?:protest\w*|crowds?|demonstrat\w+|rally|gathering|agitators)|broke up (?:a |the )?(?:\w+ )?(?:protest|rally|demonstration)|(?:arrested|detained|rounded up) (?:\w+ ){0,3}(?:protesters|demonstrators|activists)|(?:protesters|demonstrators|activists) (?:were )?(?:arrested|detained)"),
    ("Peaceful protest", _PROTEST),
    ("Mob violence", r"\bmobs?\b|lynch\w*|vigilantes?|angry (?:crowds?|villagers|residents)|communal (?:clash\w*|violence|riots?)|(?:villagers|residents|locals) (?:\w+ )?(?:attacked|beat|thrashed|clashed|torched)|beat(?:en)? (?:him |her |them )?to death|thrashed|clash(?:ed|es)? between (?:two )?(?:rival )?(?:groups|communities|villagers|supporters|factions|families|students|tribes)"),
    ("Sexual violence", r"\brap(?:e|ed|es|ing|ist|ists)\b|sexual(?:ly)? (?:assault\w*|violence|abuse\w*|harass\w*)|gang-?rap\w*|molest\w*"),
    ("Government regains territory", r"regain(?:ed|s)?|retook|retake|retaken|recaptur\w+|recover(?:ed)? control|re-?took|back under (?:government|army) control|liberat(?:ed|e|ing|ion of)|drove (?:\w+ )?out|pushed (?:\w+ )?(?:back|out)|clear(?:ed|ing) (?:\w+ ){0,2}of (?:militants|rebels|insurgents|fighters)"),
    ("Non-state actor overtakes territory", r"captur(?:ed|e|ing)(?! (?:\w+ ){0,2}(?:suspects?|militants?|leaders?|commanders?|members|soldiers|fighters|men|alive))|seiz(?:ed|e|ing) (?:control|the|a|several|\d+)|took (?:control|over)|taken (?:control|over)|overr(?:an|un)|overtook|fell to|gain(?:ed|s)? control|took \d[\d,.]* square|(?:took|seized|captured|occupied) (?:\w+ ){0,2}(?:villages?|towns?|settlements?|city|positions|territory|area|district|bases?)|occupied|territorial gains|gains? of \d|\bgains\b (?:in|around|near)"),
    ("Non-violent transfer of territory", r"withdr[ae]w\w* (?:from|its|their|troops|forces)|pull(?:ed|s|ing)? out (?:of|from)|handed over (?:control|the|to)|hand(?:ed)?over of|handover|retreat(?:ed|s)? from|vacated|ceded|evacuated (?:its|their) (?:troops|forces|positions|bases?)"),
    ("Grenade", r"(?<!propelled )grenades?\b"),
    ("Air/drone strike", r"air ?strikes?|airstrikes?|air[- ]raids?|warplanes?|fighter jets?|jets?\b|bomber\w*|helicopters?|gunships?|aerial (?:attack|bombardment|bombing|strike)s?|barrel bombs?|air force (?:struck|bombed|hit|targeted)|bombed from the air|(?:aircraft|planes?) (?:bombed|struck|hit|targeted|attacked)|coalition (?:strike|air)"),
    ("Armed clash", r"clash(?:ed|es|ing)?|fighting|fought|gun ?battles?|gun-?fights?|fire ?fights?|exchange(?:d|s)? (?:of )?fire|(?:counter-?)?offensives?|assaults?|ambush\w*|battles?|battled|skirmish\w*|combat|engaged|encounters?|stormed|repel(?:led|s)? (?:an? |the )?(?:\w+ )?attacks?|attacked (?:\w+ ){0,2}(?:positions|troops|checkpoints?|soldiers|army|police|bases?|convoys?|posts?|outposts?|forces)|shootout|heavy fighting|raid(?:ed)? (?:a |the )?(?:\w+ )?(?:hideout|camp|base)|advanc(?:ing|ed|es) (?:on|toward|towards|into|deep)|pressed ahead|killed (?:\w+ ){0,3}(?:militants|rebels|insurgents|terrorists|fighters|jihadists)"),
    ("Shelling/artillery/missile attack", r"shell(?:ed|ing|s)\b|artillery|mortars?|rockets?|missiles?|\bmlrs\b|\bgrads?\b|katyusha|howitzers?|bombard\w+|ballistic|iskanders?|kalibrs?|himars|cannon fire|heavy weapons|projectiles?"),
    ("Air/drone strike", r"drones?|\buavs?\b|shaheds?|kamikaze|loitering munitions?"),
    ("Abduction/forced disappearance", r"abduct\w*|kidnap\w*|went missing|forcibly disappeared|disappearance|taken hostage|held hostage|hostages?|taken captive|held captive|whereabouts unknown"),
    ("Attack", r"shot dead|gunned down|stabb\w+|behead\w+|hacked (?:to death)?|massacr\w+|execut(?:ed|ion)|assassinat\w+|murder\w*|opened fire|shot (?:and killed|at|him|her|them)|tortur\w+|bodies|body of|dead body|found dead|found hanging|killed (?:\w+ ){0,3}(?:civilians|villagers|farmers|people|residents|worshippers|women|children|man|woman|teacher|journalist|pilgrims|passengers)|attacked (?:\w+ ){0,2}(?:civilians|villagers|people|residents|worshippers|a (?:man|woman))|gunmen|armed men|torched (?:\w+ )?(?:houses|homes|villages?)|killing (?:of )?(?:\w+ )?(?:civilians|villagers)"),
    ("Looting/property destruction", r"loot\w*|ransack\w*|vandali[sz]\w*|torch(?:ed|ing)|set (?:\w+ )?(?:on )?fire|arson\w*|plunder\w*|razed|demolish\w*|destroyed (?:\w+ )?(?:houses|homes|shops|property|properties|crops|vehicles|buildings)|burn(?:ed|t) (?:down )?(?:\w+ )?(?:houses|homes|shops|vehicles|buildings)|pillag\w+"),
    ("Arrests", r"arrest\w*|detain\w*|custody|apprehend\w*|nabbed|captured (?:\w+ ){0,2}(?:suspects?|militants?|leader|commander|members)|rounded up|remanded|taken in for questioning|held by (?:the )?police"),
    ("Agreement", r"agree(?:d|ment|ments|s)|signed|sign (?:a|an|the)|accord|treaty|truce|cease-?fire (?:deal|agreement|pact)|peace (?:deal|accord|pact|talks|agreement|process)|prisoner (?:swap|exchange)|exchanged? (?:\w+ )?prisoners|memorandum|negotiat\w+|deal with|pact"),
    ("Headquarters or base established", r"(?:set up|setting up|established?|establishing|opened|open|build|built|building|constructed) (?:a |an |the |its |their )?(?:new |permanent |military |forward )?(?:base|headquarters|hq|camp|outpost|office|checkpoints?|post|military installation|training centre|training center)s?|new (?:military )?base"),
    ("Change to group/activity", r"join(?:ed|s)? (?:forces|hands|the)|merg(?:ed|er|e)|(?:formed|form|launch(?:ed)?|announced) (?:a |the )?(?:new )?(?:group|alliance|coalition|front|militia|party|wing)|splinter|defect(?:ed|ion|ors?)|pledg(?:ed|es) allegiance|rebrand\w*|disband\w*|dissolv\w+|recruit\w*|mobili[sz]\w+|relocat\w+|new (?:leader|commander|chief)|appointed|named (?:as )?(?:the )?(?:new )?(?:leader|commander|chief)|curfew|state of emergency|martial law|declared|ban(?:ned)? |suspend\w*|banned|deploy(?:ed|ment|s)?|training|redeploy\w*|resum\w+ (?:operations|activities)|call(?:ed)? off"),
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
