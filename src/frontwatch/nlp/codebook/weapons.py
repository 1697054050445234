"""Rules 1-22 of the codebook's priority order: non-events first, then the narrow rules that must win a precedence
(a weapon named beats a generic attack) and the weapon-specific sub-types: chemical weapons, suicide bombs,
interceptions, air and drone strikes by their platform, grenades and explosives. The order is the priority."""

# ruff: noqa: E501  (pattern tables: one rule per line reads better than a rule split across lines)

from __future__ import annotations

from .vocabulary import _DRONE, _FAILED, _FIGHTERS, _KILL, _TAKE, _USE, _WEAPON_USED, _WEAPONS, NO_EVENT, Rule

WEAPON_RULES: tuple[Rule, ...] = (
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
)
