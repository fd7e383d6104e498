"""The CLI's outputs for analysts: --format sqlite and plover, eventx report / --report, --rules, info."""

import json
import shutil
import sqlite3
import sys

import pytest
from conftest import SAMPLES
from test_plover import check_record
from typer.testing import CliRunner

from eventx.cli import app

runner = CliRunner()
RULES = str(SAMPLES / "sanktionen.rules.jsonl")


@pytest.fixture(scope="module")
def jsonl_batch(tmp_path_factory):
    out = tmp_path_factory.mktemp("batch") / "events.jsonl"
    res = runner.invoke(app, ["batch", str(SAMPLES), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def db_counts(path):
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "events", "participants")}
    finally:
        con.close()


def test_batch_sqlite_counts_equal_jsonl_and_append(jsonl_batch, tmp_path):
    db = tmp_path / "events.db"
    res = runner.invoke(app, ["batch", str(SAMPLES), "-f", "sqlite", "-o", str(db), "--workers", "1"])
    assert res.exit_code == 0, res.output
    events = [e for d in jsonl_batch for e in d["events"]]
    people = sum(len({(role, a["name"]) for role in ("actors", "hosts") for a in e[role]}) for e in events)
    assert db_counts(db) == {"documents": len(jsonl_batch), "events": len(events), "participants": people}
    assert f"{len(jsonl_batch)} documents and {len(events)} events added" in res.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT source FROM documents WHERE id = 'staatsbesuch.txt'").fetchone()[0].endswith("staatsbesuch.txt")
    con.close()
    more = tmp_path / "more"
    more.mkdir()
    shutil.copy(SAMPLES / "staatsbesuch.txt", more / "staatsbesuch.txt")  # already in the database
    (more / "neu.txt").write_text("Bundeskanzler Olaf Scholz telefonierte am Montag mit dem polnischen Ministerpräsidenten "
                                  "Donald Tusk.", encoding="utf-8")
    res = runner.invoke(app, ["batch", str(more), "-f", "sqlite", "-o", str(db), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "1 documents and 1 events added, 1 already there (same id) skipped" in res.output
    assert db_counts(db)["documents"] == len(jsonl_batch) + 1


def test_sqlite_needs_an_output_file():
    for cmd in (["batch", str(SAMPLES)], ["extract", str(SAMPLES / "staatsbesuch.txt")]):
        res = runner.invoke(app, [*cmd, "-f", "sqlite"])
        assert res.exit_code == 2 and "give it with -o FILE.db" in res.output


def test_batch_plover_has_every_event_typed(jsonl_batch, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    res = runner.invoke(app, ["batch", str(SAMPLES), "-f", "plover", "-o", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [e["id"] for d in jsonl_batch for e in d["events"]]
    for rec in records:
        check_record(rec)
    res = runner.invoke(app, ["extract", str(SAMPLES / "staatsbesuch.txt"), "-f", "plover"])
    assert res.exit_code == 0 and all(check_record(json.loads(line)) is None for line in res.output.splitlines())


def test_report_command_and_batch_report(jsonl_batch, tmp_path):
    pytest.importorskip("bokeh")
    results = tmp_path / "events.jsonl"
    results.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in jsonl_batch), encoding="utf-8")
    page = tmp_path / "report.html"
    res = runner.invoke(app, ["report", str(results), "-o", str(page), "--title", "Beispiele"])
    assert res.exit_code == 0, res.output
    n_events = sum(len(d["events"]) for d in jsonl_batch)
    assert f"report of {len(jsonl_batch)} documents, {n_events} events" in res.output
    html = page.read_text(encoding="utf-8")
    assert "<title>Beispiele</title>" in html and "staatsbesuch.txt" in html
    side = tmp_path / "side.html"
    res = runner.invoke(app, ["batch", str(SAMPLES), "-o", str(tmp_path / "b.jsonl"), "--report", str(side), "--workers", "1"])
    assert res.exit_code == 0 and side.exists() and "staatsbesuch.txt" in side.read_text(encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    res = runner.invoke(app, ["report", str(bad), "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 1 and "line 1: not an eventx document result" in res.output


def test_report_without_bokeh_says_so(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "bokeh", None)
    monkeypatch.setitem(sys.modules, "bokeh.embed", None)
    res = runner.invoke(app, ["report", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 1 and "pip install 'eventx[report]'" in res.output
    assert len(res.output.strip().splitlines()) == 1
    res = runner.invoke(app, ["batch", str(SAMPLES), "--report", str(tmp_path / "r.html")])
    assert res.exit_code == 1 and "needs bokeh" in res.output


def test_rules_end_to_end_on_the_sample():
    article = str(SAMPLES / "sanktionen.txt")
    res = runner.invoke(app, ["extract", article, "--rules", RULES, "--date", "2024-12-16", "-f", "json", "--types", "sanction"])
    assert res.exit_code == 0, res.output
    events = json.loads(res.output)["events"]
    assert [(e["type"], [a["name"] for a in e["actors"]], [h["name"] for h in e["hosts"]]) for e in events] == [
        ("sanction", ["Europäische Union"], ["Russland"]), ("sanction", ["USA"], ["Nordkorea"])]
    res = runner.invoke(app, ["extract", article, "--types", "sanction"])
    assert res.exit_code == 2 and "sanction" in res.output  # not a type without the rule file


def test_bad_rule_file_is_one_line_exit_1(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "visit", "match": "lemma", "value": "x", "cameo": "042"}\n{"type": "visit"\n', encoding="utf-8")
    for cmd in (["extract", str(SAMPLES / "staatsbesuch.txt")], ["batch", str(SAMPLES)], ["info"]):
        res = runner.invoke(app, [*cmd, "--rules", str(bad)])
        assert res.exit_code == 1, (cmd, res.output)
        assert res.output.strip() == f"[E009] Rule file {bad}: line 2: not JSON (Expecting ',' delimiter at column 17)"


def test_info_lists_active_rule_files():
    res = runner.invoke(app, ["info", "--rules", RULES])
    assert res.exit_code == 0, res.output
    assert f"user rules: {RULES}" in res.output and "new event types: sanction (SANCTION)" in res.output
    res = runner.invoke(app, ["info"])
    assert res.exit_code == 0 and "user rules: none" in res.output


def test_dask_engine_points_report_to_the_report_command(tmp_path):
    res = runner.invoke(app, ["batch", str(SAMPLES), "--engine", "dask", "-o", str(tmp_path / "out"), "--report", "r.html"])
    assert res.exit_code == 2 and "eventx report DIR/part-*.jsonl" in res.output
