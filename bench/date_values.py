"""Do the gold events' time expressions get the gold value from eventx_dates?

usage: python bench/date_values.py DEV_DIR   (DEV_DIR holds gold/ and input.jsonl)

Independent of which event a date is attached to: for every gold event with a date
value, looks for a date span with the gold text in the article and compares values.
Prints the misses and the counts (ok, wrong_value, not_found).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from eventx import pipeline


def main(dev: Path) -> None:
    nlp = pipeline.load()
    inputs = {}
    for line in (dev / "input.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        inputs[r["id"]] = r
    counts: Counter = Counter()
    for f in sorted((dev / "gold").glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        r = inputs[f.stem]
        doc = nlp.make_doc(r["text"])
        doc._.dct = r.get("date")
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        spans = [(s.text.lower(), s._.timex["value"]) for s in doc.spans.get("eventx_dates", [])]
        for e in gold["events"]:
            d = e.get("date") or {}
            if not d.get("value"):
                continue
            text = d["text"].lower()
            hits = [s for s in spans if s[0] == text] or [s for s in spans if text in s[0] or s[0] in text]
            kind = "not_found" if not hits else ("ok" if any(v == d["value"] for _, v in hits) else "wrong_value")
            counts[kind] += 1
            if kind != "ok":
                print(f"{kind}\t{f.stem}\tdct={gold.get('dct')}\t{d['text']!r} gold={d['value']} found={hits[:3]}")
    print(dict(counts))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
