import csv
import io
import json
import subprocess
import sys

import jsonschema
import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from eventx.cli import app
from eventx.schema import json_schema

runner = CliRunner()
SAMPLE = str(SAMPLES / "korea-ukraine-russland.txt")


def test_table_output():
    res = runner.invoke(app, ["extract", SAMPLE])
    assert res.exit_code == 0
    assert "phone_call" in res.output and "Selenskyj" in res.output and "events" in res.output


def test_json_validates_against_schema():
    res = runner.invoke(app, ["extract", SAMPLE, "-f", "json"])
    assert res.exit_code == 0
    data = json.loads(res.output)
    jsonschema.validate(data, json_schema())
    assert data["id"] == "korea-ukraine-russland.txt" and data["events"]


def test_jsonl_two_files_and_csv_round_trip(tmp_path):
    res = runner.invoke(app, ["extract", SAMPLE, str(SAMPLES / "staatsbesuch.txt"), "-f", "jsonl"])
    lines = [json.loads(line) for line in res.output.splitlines()]
    assert res.exit_code == 0 and [d["id"] for d in lines] == ["korea-ukraine-russland.txt", "staatsbesuch.txt"]
    out = tmp_path / "e.csv"
    res = runner.invoke(app, ["extract", SAMPLE, "-f", "csv", "-o", str(out)])
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == len(lines[0]["events"])
    assert rows[0]["cameo"] == lines[0]["events"][0]["cameo"]


def test_stdin_and_date():
    text = "Gestern telefonierte der russische Präsident Wladimir Putin mit dem türkischen Präsidenten Recep Tayyip Erdoğan."
    res = runner.invoke(app, ["extract", "-", "--date", "2024-10-30", "-f", "json"], input=text)
    assert res.exit_code == 0
    assert json.loads(res.output)["events"][0]["date"]["value"] == "2024-10-29"


def test_deterministic(tmp_path):
    a = runner.invoke(app, ["extract", SAMPLE, "-f", "json"]).output
    b = runner.invoke(app, ["extract", SAMPLE, "-f", "json"]).output
    assert a == b


@pytest.mark.parametrize(
    "content,code,message",
    [
        (None, 1, "not found"),
        (b"", 1, "empty"),
        (b"\x00\x01\x02binary", 1, "binary"),
    ],
)
def test_bad_input(tmp_path, content, code, message):
    path = tmp_path / "x.txt"
    if content is not None:
        path.write_bytes(content)
    res = runner.invoke(app, ["extract", str(path)])
    assert res.exit_code == code
    assert message in res.output.lower()


def test_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Der französische Präsident Emmanuel Macron besuchte Österreich.".encode("cp1252"))
    res = runner.invoke(app, ["extract", str(path), "-f", "json"])
    assert res.exit_code == 0
    assert "cp1252" in res.output  # the note on stderr (mixed into CliRunner output)


def test_invalid_date_and_unknown_model():
    res = runner.invoke(app, ["extract", SAMPLE, "--date", "2024-13-45"])
    assert res.exit_code == 1 and "Invalid --date" in res.output
    res = runner.invoke(app, ["extract", SAMPLE, "--model", "de_core_news_xx"])
    assert res.exit_code == 1 and "pip install de_core_news_xx" in res.output


def test_usage_error_exit_code_2():
    assert runner.invoke(app, ["extract", SAMPLE, "--format", "xml"]).exit_code == 2


@pytest.mark.parametrize(
    "args",
    [["extract", SAMPLE, "-f", "parquet"], ["entities", SAMPLE, "-f", "csv"], ["batch", SAMPLE, "-f", "table"]],
)
def test_each_command_refuses_formats_it_does_not_write(args):
    res = runner.invoke(app, args)
    assert res.exit_code == 2 and "Invalid value for '--format'" in res.output


def test_entities_and_info():
    res = runner.invoke(app, ["entities", SAMPLE, "-f", "json"])
    data = json.loads(res.output)
    assert any(p["name"] == "Wladimir Putin" and p["country"] == "RUS" for p in data["persons"])
    assert any(c["iso3"] == "PRK" for c in data["countries"])
    res = runner.invoke(app, ["info"])
    assert res.exit_code == 0 and "PER" in res.output and "triggers.jsonl" in res.output


def test_subprocess_module_entry_point():
    proc = subprocess.run(
        [sys.executable, "-m", "eventx", "extract", SAMPLE, "-f", "jsonl"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["events"]
    proc = subprocess.run(
        [sys.executable, "-m", "eventx", "extract", "/nonexistent.txt"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 1 and proc.stderr.strip().count("\n") == 0 and "not found" in proc.stderr


def test_entities_read_the_text_without_invisible_characters(tmp_path):
    """`entities` reads a soft hyphen or zero-width space as `extract` does (eventx.decoding):
    'Mac\\u00adron' is Macron, known to the knowledge base."""
    path = tmp_path / "a.txt"
    text = "Der französische Präsident Emmanuel Mac\u00adron traf am Montag Olaf Scholz in Ber\u200blin."
    path.write_text(text, encoding="utf-8")
    ents = json.loads(runner.invoke(app, ["entities", str(path), "-f", "json"]).output)
    events = json.loads(runner.invoke(app, ["extract", str(path), "-f", "json"]).output)
    persons = {p["name"]: p["wikidata"] for p in ents["persons"]}
    assert persons == {"Emmanuel Macron": "Q3052772", "Olaf Scholz": "Q61053"}
    assert {a["name"]: a["wikidata"] for e in events["events"] for a in e["actors"]} == persons
