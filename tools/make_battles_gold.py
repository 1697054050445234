"""Write eval/gold/codebook-battles.jsonl: the Battles family and its borders, from ACLED's codebook definitions.

Hand-written by battle11d (issue 11) BEFORE any rule was changed for it, from the codebook's definitions:

- Armed clash vs Attack: Attack is violence by an armed actor against unarmed civilians; when the victims are
  armed (soldiers, police, guards, militia, an army post, base, checkpoint or convoy) the event is an Armed clash,
  whoever struck first; sniper fire at soldiers is a clash, at civilians an Attack; killing captured, surrendering
  or detained combatants is an Attack (they are defenceless).
- An attempt to capture a place that is repelled, foiled or pushed back is an Armed clash, never a change of
  territory.
- Government regains territory (state forces or their affiliates retake), Non-state actor overtakes territory (a
  non-state group takes, from the state or another group; in this project's Ukraine convention also a foreign
  state's forces on ground not its own), Non-violent transfer of territory (a handover or withdrawal without
  fighting).

Many countries, actors, verbs and word orders; counter-examples across each border; a few sentences that report
no event (plans, threats). Not copied or paraphrased from any evaluation set. Dates: the one the sentence gives,
else the publication date. Deaths: all sides added up, 0 where nobody died.

    PYTHONPATH=src python tools/make_battles_gold.py eval/gold/codebook-battles.jsonl
"""

# ruff: noqa: E501  (one gold sentence per line reads better than a sentence split across lines)

from __future__ import annotations

import sys

from gold_lines import gold_event, write_jsonl

CL, ATT, GOV, NSA, NVT = (
    "Armed clash",
    "Attack",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
)
PUB = "2024-03-12"
# (text, sub-type or None = no event, deaths, date or None = publication date)
ROWS: list[tuple[str, str | None, int, str | None]] = [
    # armed victims: a clash, whoever struck first
    ("Gunmen stormed a police station in the north of the state, killing two officers.", CL, 2, None),
    ("Al-Shabaab fighters attacked a military base near Kismayo, killing five soldiers and losing eleven of their own.", CL, 16, None),
    ("On 4 March 2024, suspected ISWAP insurgents raided an army outpost in Borno, killing four soldiers.", CL, 4, "2024-03-04"),
    ("JNIM militants ambushed a Malian army convoy near Gao; seven soldiers died.", CL, 7, None),
    ("Unidentified armed men opened fire on a checkpoint manned by border guards in Balochistan, wounding three guards.", CL, 0, None),
    ("Taliban fighters overran a police checkpoint in Kunduz, killing six policemen.", CL, 6, None),
    ("Armed assailants struck a gendarmerie post in eastern Burkina Faso, killing nine gendarmes.", CL, 9, None),
    ("Three soldiers were shot dead when militants attacked their patrol in Kashmir.", CL, 3, None),
    ("Bandits attacked a vigilante group in Zamfara, killing twelve vigilantes.", CL, 12, None),
    ("Militiamen killed two members of a local self-defence militia in Ituri.", CL, 2, None),
    ("A sniper shot a Ukrainian soldier near Robotyne.", CL, 0, None),
    ("Cartel gunmen killed four National Guard members in an ambush in Michoacan.", CL, 4, None),
    ("Insurgents shot dead a policeman guarding a bank in Peshawar.", CL, 1, None),
    ("Militants attacked security guards at a mining site in Cabo Delgado, killing two guards.", CL, 2, None),
    ("The ELN attacked an army base in Arauca with explosives and rifles, wounding seven soldiers.", CL, 0, None),
    ("Rebels fired on a UN peacekeeping patrol near Beni, killing one peacekeeper.", CL, 1, None),
    # unarmed victims: an Attack
    ("Gunmen stormed a village in Plateau state, killing 17 residents.", ATT, 17, None),
    ("Armed men attacked worshippers at a mosque in Tillaberi, killing eight.", ATT, 8, None),
    ("A sniper shot dead a woman crossing the street in Kherson.", ATT, 1, None),
    ("Militants shot a teacher outside a school in Pulwama.", ATT, 0, None),
    ("Soldiers killed three farmers in their fields near Mopti.", ATT, 3, None),
    ("Fighters of the RSF shot dead five civilians at a market in El Fasher.", ATT, 5, None),
    ("Gunmen opened fire on a passenger bus in Sindh, killing six passengers.", ATT, 6, None),
    ("Jihadists attacked displaced families at a camp near Djibo, killing 11 people.", ATT, 11, None),
    # defenceless combatants: an Attack
    ("Soldiers executed three captured rebels near Beni.", ATT, 3, None),
    ("Russian troops shot two Ukrainian soldiers who had surrendered near Avdiivka.", ATT, 0, None),  # corrected after the first run: "shot" reports no death (was 2)
    ("Militants killed four detained policemen they had abducted the previous week.", ATT, 4, None),
    ("Video shows the execution of unarmed prisoners of war near Bakhmut.", ATT, 0, None),
    # failed captures: a clash, never a change of ground
    ("Rebels tried to take the town of Kalehe but were beaten back by the army.", CL, 0, None),
    ("M23 fighters attempted to seize Sake, but Congolese troops repelled them.", CL, 0, None),
    ("An attempt by Boko Haram to overrun the garrison town was repulsed after a four-hour battle.", CL, 0, None),
    ("The army fended off an attempt by militants to capture a police station in Khyber.", CL, 0, None),
    ("Russian forces failed to capture Krynky despite repeated assaults.", CL, 0, None),
    ("Houthi fighters launched an offensive to take Marib city, but government forces held them off.", CL, 0, None),
    ("A rebel bid to seize the border crossing was thwarted by government troops.", CL, 0, None),
    ("Al-Shabaab tried to overrun an army base in Lower Shabelle; the attack was repelled, leaving 20 militants dead.", CL, 20, None),
    ("Gunmen trying to take over the district headquarters were pushed back by police.", CL, 0, None),
    ("Arakan Army fighters attacked the town to capture it, but the junta's troops drove them off.", CL, 0, None),
    # territory changes
    ("Government forces recaptured the town of Mugunga from M23 rebels.", GOV, 0, None),
    ("On 2 March 2024, the Nigerian army regained control of Marte from ISWAP.", GOV, 0, "2024-03-02"),
    ("Ukrainian forces liberated Staromaiorske, Donetsk.", GOV, 0, None),
    ("Pro-government militias retook two villages from Al-Shabaab in Hiraan.", GOV, 0, None),
    ("Malian troops and their Russian allies took back Kidal from the rebels.", GOV, 0, None),
    ("The M23 seized the town of Rubaya after fighting with the army.", NSA, 0, None),
    ("Jihadists attacked and took over the town of Djibasso, killing ten soldiers.", NSA, 10, None),
    ("HTS fighters captured several villages from a rival rebel faction in Idlib.", NSA, 0, None),
    ("Arakan Army rebels overran the town of Paletwa.", NSA, 0, None),
    ("Russian forces took control of Avdiivka, Donetsk.", NSA, 0, None),
    ("The Fano militia seized control of Lalibela after clashes with federal troops.", NSA, 0, None),
    ("The army withdrew from the town of Ber without a fight, and rebels moved in.", NVT, 0, None),
    ("UN peacekeepers handed over their base in Tessalit to the Malian army.", NVT, 0, None),
    ("Militants left the town of Ras Kamboni under a deal brokered by elders.", NVT, 0, None),
    # plain clashes
    ("Kachin rebels and junta troops fought for control of a hilltop near Bhamo.", CL, 0, None),
    ("Two rival armed groups exchanged fire in Tripoli, leaving three fighters dead.", CL, 3, None),
    # no event: plans, threats
    ("The army said it was preparing to retake the town.", None, 0, None),
    ("Rebels threatened to seize the airport if talks fail.", None, 0, None),
]


def line(index: int, text: str, sub: str | None, dead: int, date: str | None) -> dict:
    day = date or PUB
    events = [] if sub is None else [gold_event(sub, dead=dead, dates=(day, day))]
    return {"doc_id": f"battles-{index:03d}", "text": text, "published": PUB, "events": events}


def main(path: str) -> None:
    write_jsonl(path, (line(index, *row) for index, row in enumerate(ROWS)))


if __name__ == "__main__":
    main(sys.argv[1])
