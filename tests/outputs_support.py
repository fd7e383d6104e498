"""Shared inputs for the output tests: results of the samples, and many synthetic events built from them."""

from __future__ import annotations

import copy
import datetime

from conftest import SAMPLES


def sample_results(extract) -> list[dict]:
    """The document results of every article in samples/ (the real pipeline)."""
    return [extract(p.read_text(encoding="utf-8"), None, p.name) for p in sorted(SAMPLES.glob("*.txt"))]


def synthetic_results(base: list[dict], n_events: int, per_doc: int = 5) -> list[dict]:
    """``n_events`` events copied round-robin from ``base``, in documents of ``per_doc``: dates spread
    over four years (every seventh undated), person names varied so the network has many nodes."""
    events = [e for d in base for e in d["events"]]
    start = datetime.date(2020, 1, 1)
    docs: list[dict] = []
    for i in range(n_events):
        if i % per_doc == 0:
            docs.append({"id": f"synthetic-{i // per_doc:05d}", "dct": None, "events": [], "entities": [], "dates": []})
        e = copy.deepcopy(events[i % len(events)])
        e["id"] = f"{docs[-1]['id']}#{i % per_doc + 1}"
        if i % 7:
            e["date"] = {"text": "synthetisch", "value": (start + datetime.timedelta(days=i % 1500)).isoformat(), "mod": None}
        for j, a in enumerate(e["actors"] + e["hosts"]):
            if a["kind"] == "person":
                a["name"] = f"{a['name']} {(i * 7 + j * 13) % 150}"
        docs[-1]["events"].append(e)
    return docs
