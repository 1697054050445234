"""Alerts: the thresholds and records a brief crosses, as JSON lines (and optionally a webhook POST).

An alert is keyed by its kind, source, layer and period; keys already sent are kept in
``alerts-sent.json`` in the output folder, so a run that finds nothing new alerts nothing again.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import IO, Any

import httpx

log = logging.getLogger("frontwatch.watch")
STATE_FILE = "alerts-sent.json"


def crossed(doc: dict[str, Any], thresholds: dict[str, Any]) -> list[dict[str, Any]]:
    """The alerts a brief's JSON document raises under ``thresholds`` (config ``[alerts]``)."""
    out = []
    period = doc["period"]
    for s in doc["ground"]:
        if s["net_km2"] is None:
            continue
        base = {"source": s["source"], "layer": s["layer"], "from": period["from"], "to": period["to"],
                "net_km2": s["net_km2"], "method": s["method"]}
        if "net_km2" in thresholds and s["net_km2"] >= thresholds["net_km2"]:
            out.append({**base, "alert": "net_gain", "threshold": thresholds["net_km2"],
                        "message": s["summary"][0]})
        rec = s.get("record")
        if "record_days" in thresholds and rec and s["net_km2"] > 0 and rec.get("largest_since"):
            held = (date.fromisoformat(period["to"]) - date.fromisoformat(rec["largest_since"][:10])).days
            if held >= thresholds["record_days"]:
                sentence = next((x for x in s["summary"] if x.startswith("It is the largest")), s["summary"][0])
                out.append({**base, "alert": "record", "threshold": thresholds["record_days"],
                            "largest_since": rec["largest_since"], "message": sentence})
        taken = [x["name"] for x in s["settlements"] if x["change"] == "taken"]
        if "settlements" in thresholds and len(taken) >= thresholds["settlements"] and taken:
            out.append({**base, "alert": "settlements", "threshold": thresholds["settlements"], "taken": taken,
                        "message": f"{len(taken)} settlements taken on {s['source_name']}'s map, "
                                   f"{period['label']}: {', '.join(taken)}."})
    return out


def key(alert: dict[str, Any]) -> str:
    return "|".join(str(alert[k]) for k in ("alert", "source", "layer", "from", "to"))


class AlertLog:
    """Sends alerts once: JSON lines on ``stream``, a POST to ``webhook`` when set."""

    def __init__(self, folder: Path, stream: IO[str], *, webhook: str | None = None,
                 client: httpx.Client | None = None) -> None:
        self.path = folder / STATE_FILE
        self.stream = stream
        self.webhook = webhook
        self.client = client
        self.sent: set[str] = set(self._read())

    def _read(self) -> list[str]:
        if not self.path.exists():
            return []
        try:
            return list(json.loads(self.path.read_text(encoding="utf-8")))
        except (ValueError, TypeError) as exc:
            log.warning("%s is unreadable (%s): alerts may be repeated once", self.path, exc)
            return []

    def send(self, alerts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Emit the alerts not sent before; returns them."""
        new = [a for a in alerts if key(a) not in self.sent]
        for alert in new:
            self.stream.write(json.dumps(alert, ensure_ascii=False) + "\n")
            self.stream.flush()
            self._post(alert)
            self.sent.add(key(alert))
        if new:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{STATE_FILE}.tmp")
            tmp.write_text(json.dumps(sorted(self.sent), indent=1), encoding="utf-8")
            tmp.replace(self.path)
        return new

    def _post(self, alert: dict[str, Any]) -> None:
        if not self.webhook or self.client is None:
            return
        try:
            response = self.client.post(self.webhook, json=alert)
            if response.status_code >= 400:
                log.error("webhook %s answered HTTP %d for alert %s", self.webhook, response.status_code, key(alert))
        except httpx.HTTPError as exc:
            log.error("webhook %s unreachable for alert %s: %s", self.webhook, key(alert), exc)

