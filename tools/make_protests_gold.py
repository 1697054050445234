"""Write eval/gold/codebook-protests.jsonl: probe sentences for the protest, riot and civilian-targeting sub-types.

Hand-written by protest11d (issue 11) from ACLED's codebook definitions of Peaceful protest, Protest with
intervention, Excessive force against protesters, Violent demonstration, Mob violence, Arrests, Sexual violence,
Abduction/forced disappearance and Looting/property destruction, with counter-examples (a killing, an arrest, a
rape or an abduction named as a protest's cause; police force met by the demonstrators' own violence; a police
killing away from any protest; plans and calls for protests, which report no event). Many countries, forces,
verbs and word orders; news style, one or two sentences. ``ROWS`` (protest-000 to protest-070) were written
before any rule was changed; ``AFTER`` (protest-071 on) after the rules they probe. Not copied or paraphrased
from any evaluation set. Each event carries its sub-type and the deaths of the incident (0 where nobody died);
dates are not scored here.

    PYTHONPATH=src python tools/make_protests_gold.py eval/gold/codebook-protests.jsonl
"""

# ruff: noqa: E501  (one row a line: a sentence split across lines is harder to read and to check)

from __future__ import annotations

import sys

from gold_lines import gold_event, write_jsonl

PP, PWI, EF, VD, MOB = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
)
ARR, SV, ABD, LOOT, ATT = (
    "Arrests",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Looting/property destruction",
    "Attack",
)
NONE = None  # the sentence reports no event

# (text, published, sub-type or NONE, deaths)
# fmt: off
ROWS = [
    # Excessive force against protesters: lethal or grave force on demonstrators who were not violent
    ("Police in Lagos opened fire on protesters demanding the end of a police unit, killing at least 12.", "2020-10-21", EF, 12),
    ("Security forces shot dead four demonstrators during a rally against the fuel price increase in Khartoum.", "2021-06-30", EF, 4),
    ("Troops fired live rounds at a crowd of students marching in Yangon, leaving three dead.", "2021-03-04", EF, 3),
    ("Two protesters died after police used live ammunition to break up a sit-in in Baghdad.", "2019-11-05", EF, 2),
    ("At least 40 people were hospitalised after riot police beat peaceful marchers with batons in Minsk.", "2020-08-12", EF, 0),
    ("Soldiers killed seven people taking part in a peaceful demonstration in Conakry on Thursday.", "2020-10-23", EF, 7),
    ("Police in Kisumu gunned down a teenager during a march against the tax bill.", "2023-07-08", EF, 1),
    ("A student was killed when police fired on a rally of opposition supporters in Dhaka.", "2018-08-05", EF, 1),
    ("Paramilitary forces opened fire on farmers protesting the seizure of their land, leaving five dead.", "2017-06-07", EF, 5),
    ("Security forces killed 21 protesters in the southern city on Friday, rights groups said.", "2019-10-05", EF, 21),
    ("Three protesters died of gunshot wounds after police fired on a rally in Freetown.", "2022-08-11", EF, 3),
    ("The crackdown on a peaceful march in Abuja left two people dead and dozens injured.", "2020-10-22", EF, 2),
    ("Demonstrators in La Paz said police had shot two marchers in the legs with live bullets.", "2019-11-16", EF, 0),
    ("Eleven people were killed as troops fired into crowds of mourners chanting slogans in Mandalay.", "2021-03-28", EF, 11),
    # Protest with intervention: broken up or suppressed without lethal force
    ("Police used tear gas to disperse hundreds of teachers demanding unpaid salaries in Harare.", "2019-02-06", PWI, 0),
    ("Riot police arrested 30 people at a peaceful rally against the election results in Moscow.", "2019-07-28", PWI, 0),
    ("Police detained dozens of women who staged a sit-in outside parliament in Kampala.", "2020-09-14", PWI, 0),
    ("Authorities broke up a candlelight vigil in Hong Kong and took several organisers into custody.", "2021-06-05", PWI, 0),
    ("Police baton-charged farmers marching towards the district office in Ludhiana.", "2020-11-26", PWI, 0),
    ("Water cannon was turned on thousands of anti-government demonstrators in Bangkok.", "2020-10-17", PWI, 0),
    ("Officers forcibly removed students staging a hunger strike outside the ministry in Colombo.", "2022-05-11", PWI, 0),
    ("Police stopped a march of opposition supporters in Kinshasa and fired tear gas at them.", "2018-12-31", PWI, 0),
    ("Hundreds of protesters were dispersed by police firing rubber bullets in Santiago.", "2019-10-25", PWI, 0),
    ("Police rounded up about 100 striking workers outside the factory gates in Gazipur.", "2023-11-02", PWI, 0),
    # Peaceful protest, including deaths, arrests, rapes and abductions named as the protest's cause
    ("Thousands of nurses marched peacefully through Nairobi demanding better pay.", "2021-12-07", PP, 0),
    ("Residents of Chennai held a silent march to protest the killing of a fisherman by the navy.", "2021-01-20", PP, 0),
    ("Opposition supporters rallied in Tbilisi against the arrest of their leader.", "2021-02-24", PP, 0),
    ("Hundreds of garment workers went on strike in Dhaka over unpaid wages.", "2020-06-01", PP, 0),
    ("Women staged a protest outside the police station in Lahore demanding justice for a rape victim.", "2020-09-12", PP, 0),
    ("Students demonstrated in Manila against the abduction of a labour activist.", "2021-04-19", PP, 0),
    ("Traders shut their shops and held a rally in Kathmandu against the murder of a businessman.", "2022-02-03", PP, 0),
    ("Relatives of people shot dead by the army held a sit-in outside the governor's office in Quetta.", "2021-01-06", PP, 0),
    # Violent demonstration: the demonstrators' own violence, whatever force met them
    ("Protesters hurled stones at police and set fire to a police vehicle in Srinagar.", "2016-07-10", VD, 0),
    ("Demonstrators burned tyres and barricaded the main highway in Port-au-Prince.", "2019-09-23", VD, 0),
    ("Protesters ransacked the office of the ruling party in Kolkata during a demonstration.", "2021-05-04", VD, 0),
    ("Protesters smashed shop windows and clashed with police in Valparaiso after the verdict.", "2019-10-19", VD, 0),
    ("A protest against the dam turned violent when demonstrators attacked officials with sticks.", "2018-04-02", VD, 0),
    ("Police fired tear gas after protesters pelted them with stones in Tunis.", "2021-01-17", VD, 0),
    ("Two demonstrators were killed after protesters threw petrol bombs at police, who responded with live fire.", "2019-12-16", VD, 2),
    # Mob violence: violent crowds, vigilantes, communal attacks; no demonstration
    ("A mob lynched two men suspected of cattle theft in Jharkhand.", "2019-06-18", MOB, 2),
    ("Villagers beat a suspected child kidnapper to death in Tiruvannamalai.", "2018-05-10", MOB, 1),
    ("A crowd set fire to houses belonging to members of a minority community in Jos.", "2018-06-25", MOB, 0),
    ("Vigilantes attacked a group of migrants in Johannesburg, injuring five.", "2019-09-03", MOB, 0),
    ("Supporters of two rival parties fought with sticks and stones in Murshidabad, leaving one dead.", "2021-04-22", MOB, 1),
    ("Residents dragged a suspected thief from a police post and burned him alive in Port Harcourt.", "2017-03-14", MOB, 1),
    # Arrests: away from any protest
    ("Police arrested a journalist at his home in Istanbul on charges of terrorism.", "2021-03-09", ARR, 0),
    ("Security forces detained the leader of the opposition party in Kampala ahead of a planned rally.", "2020-11-18", ARR, 0),
    ("Anti-corruption police arrested the former mayor of the city on Tuesday.", "2022-09-13", ARR, 0),
    ("Police in Lahore arrested 50 activists in overnight raids a day after their protest.", "2020-11-30", ARR, 0),
    ("Authorities arrested three students for sharing posts about the protests online.", "2022-10-04", ARR, 0),
    ("Soldiers detained a village chief in Mopti on suspicion of helping jihadists.", "2021-02-15", ARR, 0),
    # Sexual violence
    ("Soldiers raped two women at a checkpoint in South Kivu.", "2020-07-19", SV, 0),
    ("A policeman was accused of sexually assaulting a girl in custody in Unnao.", "2018-04-12", SV, 0),
    ("Militiamen gang-raped a teenager in a village in Darfur.", "2021-08-08", SV, 0),
    ("A woman was raped by members of a militia during a raid on her village in Ituri.", "2022-03-27", SV, 0),
    ("Two girls were raped by soldiers near the military camp in Rakhine.", "2019-05-30", SV, 0),
    # Abduction/forced disappearance
    ("Gunmen kidnapped 30 students from a school in Kaduna state.", "2021-03-12", ABD, 0),
    ("Armed men abducted a priest in Edo state on Sunday.", "2021-05-31", ABD, 0),
    ("An activist went missing after being detained by security agents in Harare.", "2019-09-16", ABD, 0),
    ("Men in plain clothes took away a human rights lawyer in Karachi; his whereabouts remain unknown.", "2020-07-22", ABD, 0),
    ("Two aid workers were kidnapped by gunmen in north-eastern Mali.", "2022-01-11", ABD, 0),
    ("Bandits seized a district officer on the highway near Zamfara and demanded a ransom.", "2021-10-02", ABD, 0),
    # Looting/property destruction: no one harmed
    ("Armed men looted shops and set fire to houses in the village of Tchoma.", "2021-08-19", LOOT, 0),
    ("Soldiers looted livestock and burned granaries in a village in Tigray.", "2021-02-26", LOOT, 0),
    ("Militants torched a girls' school in Khyber Pakhtunkhwa overnight; no one was hurt.", "2018-08-03", LOOT, 0),
    ("Unidentified people vandalised a statue of Gandhi in Kolkata.", "2019-05-15", LOOT, 0),
    ("Fighters burned down the market and stole goods from traders in Djibo.", "2020-04-09", LOOT, 0),
    # Counter-examples: violence against civilians away from a protest; plans that report no event
    ("Gunmen shot dead a trader in his shop in Kaduna.", "2021-06-14", ATT, 1),
    ("Police shot dead a suspected robber at a checkpoint in Nairobi.", "2021-07-02", ATT, 1),
    ("Opposition leaders called for protests next week over the fuel price hike.", "2022-07-05", NONE, 0),
    ("Police said they would deploy 5,000 officers to keep order during Saturday's march.", "2022-03-17", NONE, 0),
]
# Written AFTER the rules they probe (protest11d's second pass): two-sentence reports, crowd-control devices,
# abductions in a raid, crowds and communities, seizures of goods. Appended, so earlier doc_ids never change.
AFTER = [
    ("Police dispersed the march in Kinshasa with tear gas. Two people were killed, organisers said.", "2019-01-21", EF, 2),
    ("Thousands marched against the junta in Khartoum. Soldiers opened fire, and three people were killed.", "2019-06-03", EF, 3),
    ("Police broke up the rally in Kampala. Officers shot dead a man near the venue.", "2020-11-19", EF, 1),
    ("Police fired stun grenades at protesters outside parliament in Tbilisi.", "2019-06-21", PWI, 0),
    ("Police cleared the protest camp outside the army headquarters at dawn.", "2019-06-03", PWI, 0),
    ("Demonstrators scuffled with police outside the embassy in Dhaka.", "2020-10-30", VD, 0),
    ("Students burnt a bus and damaged government offices during the protest in Allahabad.", "2019-12-20", VD, 0),
    ("Gunmen stormed a boarding school in Jangebe and abducted 279 girls.", "2021-02-26", ABD, 0),
    ("Villagers hacked to death two men accused of witchcraft in Gumla.", "2019-07-21", MOB, 2),
    ("Members of two communities clashed over farmland near Bokkos, leaving five dead.", "2022-04-11", MOB, 5),
    ("Rebels seized food aid from a warehouse in Mekelle.", "2021-08-30", LOOT, 0),
    ("Police picked up three journalists from their homes in Srinagar.", "2020-09-08", ARR, 0),
    ("Police arrested 40 people in connection with last week's protests in Almaty.", "2022-01-12", ARR, 0),
]
# fmt: on


def main(out: str) -> None:
    write_jsonl(
        out,
        (
            {
                "doc_id": f"protest-{n:03d}",
                "text": text,
                "published": published,
                "events": [] if sub is None else [gold_event(sub, dead=dead)],
            }
            for n, (text, published, sub, dead) in enumerate(ROWS + AFTER)
        ),
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "eval/gold/codebook-protests.jsonl")
