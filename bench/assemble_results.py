"""Assemble bench/RESULTS.md from the per-area result files in bench/results/ (run by hand).

python bench/assemble_results.py
"""

from __future__ import annotations

import platform
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["summary", "territory_import", "territory_series", "events", "geocode", "dedup", "claims", "scale", "api",
         "postgis"]


def machine() -> str:
    model = ""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        model = next((ln.split(":", 1)[1].strip() for ln in out.splitlines() if ln.startswith("Model name")), "")
    except OSError:
        pass
    return (
        f"{model or platform.processor()}, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def main() -> None:
    parts = sorted(
        (HERE / "results").glob("*.md"), key=lambda p: (ORDER.index(p.stem) if p.stem in ORDER else 99, p.stem)
    )
    body = [
        "# Benchmark and evaluation results",
        "",
        "Assembled by `python bench/assemble_results.py` from `bench/results/*.md`; each section names the command",
        f"that reproduces it. Machine of the last assembly: {machine()}; 2 cores, 24 GB.",
        "",
    ]
    for part in parts:
        body += [part.read_text(encoding="utf-8").strip(), ""]
    (HERE / "RESULTS.md").write_text("\n".join(body), encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'} from {len(parts)} files")


if __name__ == "__main__":
    main()
