"""The result schema: one place that builds document results and publishes the JSON Schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from .components.countries import places
from .components.dates import dates

SCHEMA_VERSION = "1"
EVENT_KEYS = ("id", "type", "status", "actors", "hosts", "location", "date", "trigger", "sentence", "mentions", "cameo", "plover")


def document_result(doc: Doc, doc_id: str) -> dict:
    """The JSON-ready result for one document (key order is fixed)."""
    events = []
    for n, e in enumerate(doc._.events or [], 1):
        rec = {"id": f"{doc_id}#{n}", **e}
        events.append({k: rec[k] for k in EVENT_KEYS})
    return {
        "id": doc_id,
        "dct": doc._.dct,
        "events": events,
        "entities": [{"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char} for e in doc.ents],
        "dates": [
            {"text": d.text, "value": d._.timex["value"], "mod": d._.timex["mod"], "start": d.start_char, "end": d.end_char}
            for d in dates(doc)
        ],
    }


def entities_result(doc: Doc, doc_id: str) -> dict:
    """Persons (role, country), countries, organisations and dates found in a document."""
    actors = doc._.actors or []
    return {
        "id": doc_id,
        "dct": doc._.dct,
        "persons": [
            {"name": a["name"], "role": a["role"], "country": a["country"], "code": a["code"], "mentions": len(a["mentions"])}
            for a in actors
            if a["kind"] == "person"
        ],
        "countries": [
            {"iso3": iso3, "text": text, "kind": kind}
            for iso3, text, kind in sorted({(p._.iso3, p.text, p.label_) for p in places(doc) if p._.iso3})
        ],
        "organisations": sorted(
            {p._.place_name for p in places(doc) if p.label_ == "org"} | {e.text for e in doc.ents if e.label_ == "ORG"}
        ),
        "dates": [{"text": d.text, "value": d._.timex["value"], "mod": d._.timex["mod"]} for d in dates(doc)],
    }


def json_schema() -> dict:
    path = Path(str(resources.files("eventx.resources").joinpath("result.schema.json")))
    return json.loads(path.read_text(encoding="utf-8"))
