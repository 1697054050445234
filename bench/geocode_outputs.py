"""Dump the geocoder's and the extractor's outputs, to diff before and after a change meant to keep them.

Run: ``PYTHONPATH=src python bench/geocode_outputs.py OUT_DIR [--shared ../shared]`` on each version, then
``diff -r OUT_A OUT_B``. Writes, per LGL and GeoVirus document, the places of the gold spans and the names
found without spaCy; and per events gold file (the terse sets and the seed article), the evaluation report
with every gold/predicted event pair.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from frontwatch.evaluation.events import evaluate_events
from frontwatch.geocode.batch import read_documents
from frontwatch.geocode.geocoder import Geocoder

REPO = Path(__file__).resolve().parents[1]
EVENT_GOLD = ("eval/gold/places-terse.jsonl", "eval/gold/events-terse.jsonl", "eval/gold/terse-independent.jsonl")


def dump_geocoder(shared: Path, out: Path) -> None:
    geo = Geocoder().warm()
    for name in ("lgl", "geovirus"):
        path = shared / "data" / "eval" / "geocode" / f"{name}.jsonl"
        if not path.exists():
            continue
        with open(out / f"geo-{name}.jsonl", "w", encoding="utf-8") as fh:
            for doc in read_documents(path, need_spans=True):
                places = geo.resolve_spans(doc["text"], [(t["start"], t["end"]) for t in doc["toponyms"]])
                fh.write(json.dumps([p and p.to_dict() for p in places], sort_keys=True) + "\n")
                found = [[f.start, f.end, f.place and f.place.to_dict()] for f in geo.find(doc["text"])]
                fh.write(json.dumps(found, sort_keys=True, default=str) + "\n")


def dump_events(shared: Path, out: Path) -> None:
    for gold in [REPO / g for g in EVENT_GOLD] + [shared / "seed" / "article.gold.json"]:
        report = evaluate_events(gold)
        data = {**report.to_dict(), "per_event": report.per_event}
        (out / f"{gold.stem}.json").write_text(json.dumps(data, sort_keys=True, default=str, indent=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    dump_geocoder(args.shared, args.out)
    dump_events(args.shared, args.out)


if __name__ == "__main__":
    main()
