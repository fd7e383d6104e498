"""The result schema: dataclasses, the shipped JSON Schema generated from them, flat columns."""

import ast
import json
from pathlib import Path

import jsonschema
import pytest

from eventx import schema

EVENT = {
    "type": "visit",
    "status": "planned",
    "actors": [
        {
            "name": "Emmanuel Macron",
            "kind": "person",
            "role": "Präsident",
            "country": "FRA",
            "code": "FRAGOV",
            "wikidata": "Q3052772",
            "office": "head_of_state",
        }
    ],
    "hosts": [
        {"name": "Deutschland", "kind": "country", "role": None, "country": "DEU", "code": "DEU", "wikidata": None,
         "office": None}
    ],
    "location": {"name": "Berlin", "country": "DEU"},
    "date": {"text": "am Montag", "value": "2024-11-04", "mod": None},
    "trigger": {"text": "besuchen", "start": 40, "end": 48},
    "sentence": {"text": "Macron will am Montag Berlin besuchen.", "start": 10, "end": 60},
    "mentions": 2,
    "cameo": "042",
    "plover": {"event": "CONSULT", "mode": "visit"},
}


def result() -> dict:
    return schema.DocumentResult(
        id="a.txt",
        dct="2024-10-30",
        events=[schema.Event.from_record("a.txt#1", EVENT)],
        entities=[schema.Entity("Macron", "PER", 10, 16)],
        dates=[schema.DateMention("am Montag", "2024-11-04", None, 22, 31)],
    ).to_dict()


def test_shipped_schema_file_is_the_generated_one():
    assert schema.schema_path().read_text(encoding="utf-8") == schema.schema_text()


def test_to_dict_keeps_the_record_and_validates():
    data = result()
    assert list(data) == ["id", "dct", "events", "entities", "dates"]
    assert data["events"][0] == {"id": "a.txt#1", **EVENT}
    assert list(data["events"][0]) == ["id", *EVENT]
    jsonschema.validate(data, schema.json_schema())


@pytest.mark.parametrize(
    "path,value",
    [
        (("events", 0, "cameo"), 42),
        (("events", 0, "status"), "happened"),
        (("events", 0, "actors", 0, "country"), "France"),
        (("events", 0, "location", "extra"), 1),
        (("dct",), "30.10.2024"),
        (("entities", 0, "start"), -1),
    ],
)
def test_schema_refuses_bad_values(path, value):
    data = result()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema.json_schema())


def test_shift_moves_every_offset():
    doc = schema.DocumentResult("x", None, [schema.Event.from_record("x#1", EVENT)], [schema.Entity("M", "PER", 1, 2)], [])
    doc.shift(100)
    e = doc.events[0]
    assert (e.trigger.start, e.trigger.end, e.sentence.start, doc.entities[0].end) == (140, 148, 110, 102)
    assert EVENT["trigger"]["start"] == 40  # the record it was built from is untouched


def test_flat_rows_follow_the_dataclasses():
    (row,) = schema.flat_rows([result()])
    assert list(row) == schema.CSV_FIELDS
    assert row["doc_id"] == "a.txt" and row["event_id"] == "a.txt#1"
    assert row["actors"] == "Emmanuel Macron (FRA)" and row["hosts"] == "Deutschland (DEU)"
    assert (row["location"], row["location_country"], row["date_value"], row["date_mod"]) == ("Berlin", "DEU", "2024-11-04", "")
    assert (row["trigger"], row["trigger_start"], row["mentions"]) == ("besuchen", 40, 2)
    assert (row["plover_event"], row["plover_mode"]) == ("CONSULT", "visit")
    assert schema.CSV_FIELDS[-1] == "sentence" and row["sentence"].startswith("Macron will")
    no_place = json.loads(json.dumps(result()))
    no_place["events"][0]["location"] = no_place["events"][0]["date"] = None
    (row,) = schema.flat_rows([no_place])
    assert row["location"] == row["date_text"] == row["date_value"] == ""


def test_parquet_schema_types():
    pa = pytest.importorskip("pyarrow")
    s = schema.parquet_schema()
    assert s.names == schema.CSV_FIELDS
    assert {n for n in s.names if s.field(n).type == pa.int64()} == {"trigger_start", "trigger_end", "mentions"}


def test_schema_and_doc_helpers_import_no_component():
    src = Path(schema.__file__).parent
    for name in ("schema.py", "doc.py"):
        tree = ast.parse((src / name).read_text(encoding="utf-8"))
        modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [m for m in modules if "components" in m], name


def test_write_schema_module_writes_the_generated_schema_without_warnings(tmp_path):
    """`python -m eventx.write_schema PATH` (CONTRIBUTING.md) writes the generated schema, and
    Python says nothing: `python -m eventx.schema` warned that the module was already imported."""
    import subprocess
    import sys

    target = tmp_path / "result.schema.json"
    command = [sys.executable, "-W", "error::RuntimeWarning", "-m", "eventx.write_schema", str(target)]
    res = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stderr == "", res.stderr
    assert res.stdout == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == schema.schema_text()
