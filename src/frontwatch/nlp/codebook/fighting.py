"""Rules 38 to the last of the codebook's priority order: air strikes, armed clashes, remote fire and attacks on
civilians by their generic words, then abductions, protests, looting, arrests and the strategic developments
(agreements, bases, changes to a group). The order is the priority."""

# ruff: noqa: E501  (pattern tables: one rule per line reads better than a rule split across lines)

from __future__ import annotations

from .vocabulary import _ARMED_TARGET, _CIVILIAN, _DRONE, _OBJECT_GAP, _PROTEST, _USE, NO_EVENT, Rule

FIGHTING_RULES: tuple[Rule, ...] = (
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
            "Drones and artillery pounded the frontline village overnight, killing one resident.",
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
