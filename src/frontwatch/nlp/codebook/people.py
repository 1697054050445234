"""Rules 23-37 of the codebook's priority order: demonstrations and riots (the worst treatment of the
demonstrators first), sexual violence and abductions, then ground that changes hands and agreements. The order
is the priority."""

# ruff: noqa: E501  (pattern tables: one rule per line reads better than a rule split across lines)

from __future__ import annotations

from .vocabulary import _NOT_LETHAL, _PROTESTERS, _RIOT, Rule

PEOPLE_RULES: tuple[Rule, ...] = (
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
)
