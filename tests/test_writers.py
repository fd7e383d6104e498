"""Writers (eventx.writers): every format read back gives what was written."""

import csv
import io
import json

import pytest
from test_schema import result

from eventx import writers
from eventx.schema import CSV_FIELDS


def two_results():
    a = result()
    b = json.loads(json.dumps(a))
    b["id"], b["events"][0]["id"] = "b.txt", "b.txt#1"
    b["events"][0]["actors"].append({"name": "Olaf Scholz", "kind": "person", "role": None, "country": None, "code": None})
    return [a, b]


def written(writer, results):
    out = io.StringIO()
    writer.write(results, out)
    return out.getvalue()


def test_jsonl_round_trip():
    results = two_results()
    text = written(writers.JSONL, results)
    assert [json.loads(line) for line in text.splitlines()] == results
    assert "Präsident" in text  # no ASCII escapes


def test_json_one_object_for_one_document_an_array_for_several():
    results = two_results()
    assert json.loads(written(writers.JSON, results[:1])) == results[0]
    assert json.loads(written(writers.JSON, results)) == results
    assert json.loads(written(writers.JSON_ARRAY, results[:1])) == results[:1]
    assert json.loads(written(writers.JSON_ARRAY, iter(results))) == results
    assert json.loads(written(writers.JSON_ARRAY, [])) == []


def test_csv_round_trip_one_row_per_event():
    results = two_results()
    rows = list(csv.DictReader(io.StringIO(written(writers.CSV, results))))
    assert list(rows[0]) == CSV_FIELDS and len(rows) == 2
    assert rows[1]["actors"] == "Emmanuel Macron (FRA); Olaf Scholz"
    e = results[0]["events"][0]
    assert rows[0]["sentence"] == e["sentence"]["text"] and int(rows[0]["trigger_start"]) == e["trigger"]["start"]
    assert rows[0]["cameo"] == "042" and rows[0]["date_mod"] == ""


def test_table_names_events_and_counts():
    text = written(writers.TABLE, two_results())
    assert "visit" in text and "Emmanuel Macron (FRA) → Deutschland (DEU)" in text
    assert "a.txt: 1 event (1 visit)" in text
    empty = {"id": "e.txt", "dct": None, "events": [], "entities": [], "dates": []}
    assert written(writers.TABLE, [empty]).strip() == "e.txt: no events found"


def test_entity_rows_and_table():
    res = {
        "id": "a",
        "dct": None,
        "persons": [{"name": "Olaf Scholz", "role": "Kanzler", "country": "DEU", "code": "DEUGOV", "mentions": 2}],
        "countries": [{"iso3": "FRA", "text": "Frankreich", "kind": "country"}],
        "organisations": [],
        "dates": [{"text": "2024", "value": "2024", "mod": None}],
    }
    tables = writers.entity_rows(res)
    assert [t[0] for t in tables] == ["persons", "countries", "dates"]
    assert tables[0][2] == [["Olaf Scholz", "Kanzler", "DEU", "DEUGOV", "2"]] and tables[2][2] == [["2024", "2024", ""]]
    text = written(writers.ENTITIES_TABLE, [res])
    assert "Olaf Scholz" in text and "organisations: -" in text


def test_atomic_writer_replaces_only_on_success(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), writers.atomic_writer(path) as f:
        f.write("half")
        raise RuntimeError("stop")
    assert path.read_text(encoding="utf-8") == "old\n" and [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    writers.write_results(two_results(), writers.CSV, path)
    assert path.read_text(encoding="utf-8").startswith("doc_id,event_id")
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
