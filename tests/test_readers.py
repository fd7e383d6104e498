"""Reading inputs (eventx.readers): files, folders, JSON Lines, stdin, encodings, dates."""

import io
import json

import pytest

from eventx.errors import InputError
from eventx.readers import (
    Record,
    decode,
    folder_files,
    iter_inputs,
    jsonl_records,
    make_record,
    path_record,
    stdin_record,
    text_of,
    with_default_date,
)


def test_decode_utf8_bom_cp1252_and_binary():
    assert decode("Österreich".encode("utf-8-sig"), "a") == ("Österreich", None)
    text, note = decode("Österreich – Präsident".encode("cp1252"), "b.txt")
    assert text == "Österreich – Präsident" and "W001" in note and "cp1252" in note
    with pytest.raises(InputError, match="E003"):
        decode(b"ab\x00cd", "c")
    with pytest.raises(InputError, match="E004"):
        text_of(b"  \n", "d")


def test_make_record_parses_the_date_once():
    assert make_record("a", "Text", "2024-10-30").date == "2024-10-30"
    assert make_record("a", "Text", "").date is None  # an empty date is no date
    bad = make_record("a", "Text", "30.10.2024", source="in.jsonl:3")
    assert bad.error == "in.jsonl:3: invalid date '30.10.2024' (use YYYY-MM-DD)" and bad.text is None
    assert make_record("a", "Text", "2024-02-30").error  # no such day


def test_default_date_fills_only_records_without_one():
    recs = [Record("a", "x"), Record("b", "y", "2020-01-01"), Record("c", error="broken")]
    out = list(with_default_date(recs, "2024-10-30"))
    assert [r.date for r in out] == ["2024-10-30", "2020-01-01", None]
    assert list(with_default_date(recs, None)) == recs
    with pytest.raises(InputError, match="E005"):
        list(with_default_date(recs, "gestern"))


def test_jsonl_records_name_every_bad_line():
    lines = [
        json.dumps({"id": "a", "text": "Scholz reiste.", "date": "2024-10-30"}),
        "",
        "{broken",
        "[1, 2]",
        json.dumps({"id": "b", "body": "x"}),
        json.dumps({"id": "c", "text": "  "}),
        json.dumps({"text": "ohne id", "date": 20241030}),
        json.dumps({"id": 7, "text": "Text", "date": "bad"}),
    ]
    recs = list(jsonl_records(iter(lines), "in.jsonl"))
    assert [(r.id, r.source) for r in recs][0] == ("a", "in.jsonl:1")
    assert recs[0].text == "Scholz reiste." and recs[0].date == "2024-10-30" and not recs[0].error
    assert "not valid JSON" in recs[1].error and recs[1].id == "in.jsonl:3"
    assert recs[2].error == "in.jsonl:4: not a JSON object"
    assert recs[3].error == "in.jsonl:5: no text under the key 'text'"
    assert recs[4].text == "  " and not recs[4].error and "[W005]" in recs[4].note  # empty: a result, no events
    assert recs[5].id == "in.jsonl:7" and recs[5].date is None and not recs[5].error  # a number is no date
    assert recs[6].id == "7" and "invalid date 'bad'" in recs[6].error
    keyed = list(jsonl_records(iter([json.dumps({"k": "d1", "body": "T", "when": "2024-01-02"})]), "s", "body", "k", "when"))
    assert (keyed[0].id, keyed[0].text, keyed[0].date) == ("d1", "T", "2024-01-02")


def test_folders_sorted_recursive_without_link_loops(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "c.md").write_text("C", encoding="utf-8")
    (tmp_path / "b" / "loop").symlink_to(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in folder_files(tmp_path)] == ["a.txt", "b/z.txt"]
    assert [p.name for p in folder_files(tmp_path, "*.md")] == ["c.md"]


def test_iter_inputs_mixes_folders_files_jsonl_and_stdin(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text("Text X", encoding="utf-8")
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(json.dumps({"id": "j", "text": "Text J"}) + "\n", encoding="utf-8")
    stdin = io.StringIO(json.dumps({"id": "s", "text": "Text S"}) + "\n")
    recs = list(iter_inputs([str(folder), str(jsonl), "-", str(tmp_path / "missing.txt")], stdin=stdin))
    assert [r.id for r in recs] == ["x.txt", "j", "s", "missing.txt"]
    assert [r.text for r in recs[:3]] == ["Text X", "Text J", "Text S"]
    assert "E001" in recs[3].error


def test_stdin_and_path_records(tmp_path):
    class Stdin(io.StringIO):
        buffer = io.BytesIO("Präsident".encode("cp1252"))

    rec = stdin_record(Stdin())
    assert (rec.id, rec.text, rec.source) == ("-", "Präsident", "<stdin>") and "cp1252" in rec.note
    assert "E004" in stdin_record(io.StringIO("")).error
    assert path_record(str(tmp_path)).error.startswith("[E002]")
    f = tmp_path / "a.txt"
    f.write_text("Text", encoding="utf-8")
    assert path_record(str(f)) == Record("a.txt", "Text", None, str(f))
