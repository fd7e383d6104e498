"""The result schema, in one place: dataclasses of a document result.

The JSON Schema (``resources/result.schema.json``), the CSV columns and the Parquet schema are
all derived from these classes. The schema reads a processed Doc through ``eventx.doc`` and
never imports a component.

A field's ``metadata`` holds what its type cannot say: ``enum``, ``pattern``, ``minimum``,
``description`` for the JSON Schema; ``csv_main`` (the subfield that takes the field's own column name),
``csv_skip`` (subfields left out of the CSV), ``csv_last`` (long text goes last) and
``csv_name`` (another column name) for the flat forms.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from .doc import dates, places
from .rules import EVENT_TYPES
from .user_rules import CAMEO, PLOVER_CATEGORIES, TYPE_NAME

SCHEMA_VERSION = "1"
STATUSES = ("asserted", "planned", "possible", "negated")
ACTOR_KINDS = ("person", "country", "org")
ISO3 = "^[A-Z]{3}$"


def _meta(**kwargs: Any) -> Any:
    return field(metadata=kwargs)


class _Node:
    def to_dict(self) -> dict:
        """The JSON-ready form (key order is the field order)."""
        return to_dict(self)


@dataclass
class Actor(_Node):
    name: str
    kind: str = _meta(enum=ACTOR_KINDS)
    role: str | None = _meta()
    country: str | None = _meta(pattern=ISO3)
    code: str | None = _meta()
    wikidata: str | None = field(
        default=None,
        metadata={"pattern": r"^Q[0-9]+$", "description": "Wikidata id of a person the office-holder knowledge base knows"},
    )
    office: str | None = field(
        default=None, metadata={"description": "the person's office at the article's date (head_of_state, foreign_minister, ...)"}
    )


# person facts from the knowledge base that the flat (CSV, Parquet) forms carry per actor list
ACTOR_FACTS = ("wikidata", "office")


@dataclass
class Place(_Node):
    name: str
    country: str | None


@dataclass
class DateValue(_Node):
    """A date as an event carries it: the words and their TIMEX3 value and modifier."""

    text: str
    value: str | None
    mod: str | None


@dataclass
class Trigger(_Node):
    """A stretch of the input text with character offsets (the trigger word, the sentence)."""

    text: str
    start: int = _meta(minimum=0)
    end: int = _meta(minimum=0)


@dataclass
class Sentence(Trigger):
    @classmethod
    def trimmed(cls, text: str, start: int, end: int) -> Sentence:
        """The sentence without the line breaks and spaces around it (offsets moved to match)."""
        lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
        return cls(text.strip(), start + lead, end - trail if text.strip() else start + lead)


@dataclass
class Plover(_Node):
    event: str = _meta(enum=PLOVER_CATEGORIES)
    mode: str | None = _meta()


@dataclass
class Event(_Node):
    id: str = _meta(csv_name="event_id")
    type: str = _meta(pattern=TYPE_NAME.pattern, description=", ".join(EVENT_TYPES) + ", or a type from a user rule file")
    status: str = _meta(enum=STATUSES)
    actors: list[Actor] = _meta()
    hosts: list[Actor] = _meta()
    location: Place | None = _meta(csv_main="name")
    date: DateValue | None = _meta()
    trigger: Trigger = _meta(csv_main="text")
    sentence: Sentence = _meta(csv_main="text", csv_skip=("start", "end"), csv_last=True)
    mentions: int = _meta(minimum=1)
    cameo: str = _meta(pattern=CAMEO.pattern)
    plover: Plover = _meta()

    @classmethod
    def from_record(cls, event_id: str, rec: dict) -> Event:
        """An Event from the dict that eventx_events stores in ``doc._.events``."""
        loc, date = rec["location"], rec["date"]
        return cls(
            id=event_id,
            type=rec["type"],
            status=rec["status"],
            actors=[Actor(**a) for a in rec["actors"]],
            hosts=[Actor(**a) for a in rec["hosts"]],
            location=None if loc is None else Place(**loc),
            date=None if date is None else DateValue(**date),
            trigger=Trigger(**rec["trigger"]),
            sentence=Sentence.trimmed(**rec["sentence"]),
            mentions=rec["mentions"],
            cameo=rec["cameo"],
            plover=Plover(**rec["plover"]),
        )


@dataclass
class Entity(_Node):
    text: str
    label: str
    start: int = _meta(minimum=0)
    end: int = _meta(minimum=0)


@dataclass
class DateMention(_Node):
    """A temporal expression of the text with its TIMEX3 value and offsets."""

    text: str
    value: str | None
    mod: str | None
    start: int = _meta(minimum=0)
    end: int = _meta(minimum=0)


@dataclass
class DocumentResult(_Node):
    id: str
    dct: str | None = _meta(pattern=r"^\d{4}-\d{2}-\d{2}$")
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    def shift(self, offset: int) -> None:
        """Move every character offset by ``offset`` (a piece of a longer text)."""
        for e in self.events:
            for extent in (e.trigger, e.sentence):
                extent.start += offset
                extent.end += offset
        for item in [*self.entities, *self.dates]:
            item.start += offset
            item.end += offset


def to_dict(obj: Any) -> Any:
    """Dataclasses to dicts (field order), lists to lists; other values as they are."""
    if is_dataclass(obj):
        return {f.name: to_dict(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, list):
        return [to_dict(x) for x in obj]
    return obj


# -- from a processed Doc ------------------------------------------------------------------
def build_document(doc: Doc, doc_id: str) -> DocumentResult:
    """The result for one processed document; event ids are ``doc_id#n``."""
    return DocumentResult(
        id=doc_id,
        dct=doc._.dct,
        events=[Event.from_record(f"{doc_id}#{n}", e) for n, e in enumerate(doc._.events or [], 1)],
        entities=[Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents],
        dates=[DateMention(d.text, d._.timex["value"], d._.timex["mod"], d.start_char, d.end_char) for d in dates(doc)],
    )


def document_result(doc: Doc, doc_id: str) -> dict:
    """The JSON-ready result for one document (key order is fixed)."""
    return build_document(doc, doc_id).to_dict()


def entities_result(doc: Doc, doc_id: str) -> dict:
    """Persons (role, country), countries, organisations and dates found in a document."""
    actors = doc._.actors or []
    return {
        "id": doc_id,
        "dct": doc._.dct,
        "persons": [
            {
                "name": a["name"],
                "role": a["role"],
                "country": a["country"],
                "code": a["code"],
                "wikidata": a.get("wikidata"),
                "office": a.get("office"),
                "mentions": len(a["mentions"]),
            }
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


# -- the JSON Schema -----------------------------------------------------------------------
def _optional(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return inner, True
    return tp, False


def _type_schema(tp: Any) -> dict:
    tp, nullable = _optional(tp)
    if typing.get_origin(tp) is list:
        out: dict = {"type": "array", "items": _type_schema(typing.get_args(tp)[0])}
    elif is_dataclass(tp):
        out = _object_schema(tp)
    else:
        out = {"type": {str: "string", int: "integer"}[tp]}
    if nullable:
        out["type"] = [out["type"], "null"]
    return out


def _object_schema(cls: type) -> dict:
    hints = typing.get_type_hints(cls)
    props = {}
    for f in fields(cls):
        if "enum" in f.metadata:
            props[f.name] = {"enum": list(f.metadata["enum"])}
            continue
        props[f.name] = _type_schema(hints[f.name])
        for key in ("pattern", "minimum", "description"):
            if key in f.metadata:
                props[f.name][key] = f.metadata[key]
    return {"type": "object", "required": [f.name for f in fields(cls)], "additionalProperties": False, "properties": props}


def generate_json_schema() -> dict:
    """The JSON Schema of a document result, from the dataclasses."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"eventx-result-v{SCHEMA_VERSION}",
        "title": "eventx document result",
        **_object_schema(DocumentResult),
    }


def schema_text() -> str:
    """The text of ``result.schema.json`` as generated (``python -m eventx.write_schema`` writes it)."""
    return json.dumps(generate_json_schema(), ensure_ascii=False, indent=2) + "\n"


def schema_path() -> Path:
    return Path(str(resources.files("eventx.resources").joinpath("result.schema.json")))


def json_schema() -> dict:
    """The shipped JSON Schema (equal to the generated one; a test holds them together)."""
    return json.loads(schema_path().read_text(encoding="utf-8"))


# -- flat forms: CSV columns and the Parquet schema ----------------------------------------
@dataclass(frozen=True)
class Column:
    """One column of the flat (one row per event) forms: a path into the event dict."""

    name: str
    path: tuple[str, ...]
    kind: str  # "str", "int" or "actors"


def _columns() -> list[Column]:
    hints = typing.get_type_hints(Event)
    first: list[Column] = []
    last: list[Column] = []
    for f in fields(Event):
        tp, _ = _optional(hints[f.name])
        target = last if f.metadata.get("csv_last") else first
        if typing.get_origin(tp) is list:
            target.append(Column(f.name, (f.name,), "actors"))
            target.extend(Column(f"{f.name}_{fact}", (f.name,), fact) for fact in ACTOR_FACTS)
        elif is_dataclass(tp):
            sub_hints = typing.get_type_hints(tp)
            for sub in fields(tp):
                if sub.name in f.metadata.get("csv_skip", ()):
                    continue
                name = f.name if sub.name == f.metadata.get("csv_main") else f"{f.name}_{sub.name}"
                target.append(Column(name, (f.name, sub.name), "int" if _optional(sub_hints[sub.name])[0] is int else "str"))
        else:
            target.append(Column(f.metadata.get("csv_name", f.name), (f.name,), "int" if tp is int else "str"))
    return [Column("doc_id", (), "str"), *first, *last]


COLUMNS = _columns()
CSV_FIELDS = [c.name for c in COLUMNS]


def actor_label(a: dict) -> str:
    return f"{a['name']} ({a['country']})" if a.get("country") else a["name"]


def flat_rows(results: typing.Iterable[dict]) -> typing.Iterator[dict]:
    """One flat row per event (the CSV and Parquet forms): actors as 'Name (ISO3); …',
    missing text as ''."""
    for r in results:
        for e in r.get("events", []):
            row: dict = {}
            for c in COLUMNS:
                if not c.path:
                    row[c.name] = r["id"]
                    continue
                value: Any = e
                for key in c.path:
                    value = None if value is None else value.get(key)
                if c.kind == "actors":
                    value = "; ".join(actor_label(a) for a in value)
                elif c.kind in ACTOR_FACTS:  # in the order of the actors column: 'Q58217; ; Q7747'
                    value = "; ".join(a.get(c.kind) or "" for a in value) if any(a.get(c.kind) for a in value) else ""
                elif c.kind == "str" and value is None:
                    value = ""
                row[c.name] = value
            yield row


def parquet_schema():
    """The pyarrow schema of the flat rows (needs pyarrow)."""
    import pyarrow as pa

    return pa.schema([(c.name, pa.int64() if c.kind == "int" else pa.string()) for c in COLUMNS])
