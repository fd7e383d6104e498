"""User rule files: new triggers and event types, cues, one-line errors, nothing that runs."""

import json

import jsonschema
import pytest
from conftest import SAMPLES

import eventx
from eventx.document import extract_text
from eventx.errors import EventxError
from eventx.plover import plover_records
from eventx.schema import json_schema
from eventx.user_rules import load_user_rules

RULES = SAMPLES / "sanktionen.rules.jsonl"
ARTICLE = SAMPLES / "sanktionen.txt"


@pytest.fixture(scope="module")
def nlp_rules():
    return eventx.load(rules=[str(RULES)])


def events_of(nlp, text, date="2024-12-16"):
    return extract_text(nlp, text, "t", date)


def test_sample_rules_end_to_end(nlp_rules, nlp):
    text = ARTICLE.read_text(encoding="utf-8")
    result = extract_text(nlp_rules, text, "sanktionen.txt", "2024-12-16")
    jsonschema.validate(result, json_schema())
    sanctions = [e for e in result["events"] if e["type"] == "sanction"]
    pairs = [([a["name"] for a in e["actors"]], [h["name"] for h in e["hosts"]]) for e in sanctions]
    assert pairs == [(["Europäische Union"], ["Russland"]), (["USA"], ["Nordkorea"])]  # organisations as written
    assert all(e["cameo"] == "163" and e["plover"] == {"event": "SANCTION", "mode": None} for e in sanctions)
    assert sanctions[0]["trigger"]["text"] == "verhängte" and sanctions[0]["date"]["value"] == "2024-12-16"
    meeting = [e for e in result["events"] if e["trigger"]["text"] == "konferieren"]
    assert [sorted(a["name"] for a in e["actors"]) for e in meeting] == [["Andrij Sybiha", "Kaja Kallas"]]
    records = [r for r in plover_records([result]) if r["eventx_type"] == "sanction"]
    assert [(r["event"], r["quad_code"], [a["code"] for a in r["source"]], [a["code"] for a in r["recipient"]])
            for r in records] == [(["SANCTION"], 3, ["IGO"], ["RUS"]), (["SANCTION"], 3, ["USA"], ["PRK"])]
    # without the rule file the shipped rules find neither
    plain = extract_text(nlp, text, "sanktionen.txt", "2024-12-16")
    assert not any(e["type"] == "sanction" or e["trigger"]["text"] == "konferieren" for e in plain["events"])


def test_active_rule_files_are_known(nlp_rules):
    component = nlp_rules.get_pipe("eventx_events")
    assert component.user_rules.files == [str(RULES)]
    assert component.user_rules.types == ["sanction"]


def test_user_cue_changes_status(tmp_path):
    text = "Bundeskanzler Olaf Scholz trifft am Montag den französischen Präsidenten Emmanuel Macron, meldet ein Sender."
    rules = tmp_path / "cues.jsonl"
    rules.write_text(json.dumps({"literal": "meldet", "category": "POSSIBLE", "direction": "BIDIRECTIONAL", "max_scope": 15})
                     + "\n", encoding="utf-8")
    before = events_of(eventx.load(), text)["events"]
    after = events_of(eventx.load(rules=[str(rules)]), text)["events"]
    assert [e["status"] for e in before] != ["possible"] and [e["status"] for e in after] == ["possible"]


BAD = [
    ('{"type": "sanction", "match": "phrase", "value": "a b", "cameo": "163"}', "needs its PLOVER category"),
    ('{"type": "visit", "match": "lemma", "value": "x", "cameo": 42}', '"cameo" must be a non-empty string'),
    ('{"type": "visit", "match": "lemma", "value": "x", "cameo": "42"}', "CAMEO code of 3 or 4 digits"),
    ('{"type": "visit", "match": "regex", "value": "x", "cameo": "042"}', '"match" must be one of'),
    ('{"type": "visit", "match": "lemma", "value": "zwei worte", "cameo": "042"}', 'needs "match": "phrase"'),
    ('{"type": "visit", "match": "lemma", "value": "x", "cameo": "042", "plover": "CONSULT"}', "shipped type"),
    ('{"type": "Sanktion!", "match": "lemma", "value": "x", "cameo": "163", "plover": "SANCTION"}', "lowercase letters"),
    ('{"type": "boycott", "match": "lemma", "value": "x", "cameo": "161", "plover": "BOYCOTT"}', '"plover" must be one of'),
    ('{"type": "visit", "match": "lemma", "value": "x", "cameo": "042", "min_participants": "2"}', "whole number"),
    ('{"type": "visit", "match": "lemma", "value": "x", "cameo": "042", "eval": "1+1"}', "unknown keys ['eval']"),
    ('{"type": "visit", "match": "lemma", "value": "x"}', "missing keys ['cameo']"),
    ('{"literal": "wohl", "category": "MAYBE", "direction": "FORWARD"}', '"category" must be one of'),
    ('{"literal": "wohl", "category": "POSSIBLE", "direction": "FORWARD", "max_scope": -1}', "positive whole number"),
    ('{"type": "visit", "match": "lemma", "value": "x", "cameo": "042"', "not JSON"),
    ('["type", "visit"]', "a rule is a JSON object"),
    ('{"name": "x"}', "neither a trigger"),
]


@pytest.mark.parametrize(("line", "reason"), BAD)
def test_bad_rule_line_gives_one_line_with_file_and_number(tmp_path, line, reason):
    path = tmp_path / "my.rules.jsonl"
    good = '{"type": "meeting", "match": "lemma", "value": "konferieren", "cameo": "040"}'
    path.write_text(f"# comment\n{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(EventxError) as err:
        load_user_rules([path])
    message = str(err.value)
    assert "\n" not in message and f"Rule file {path}: line 4: " in message and reason in message, message


def test_missing_or_empty_rule_file(tmp_path):
    with pytest.raises(EventxError, match=r"^\[E023\] Rule file .*missing.jsonl does not exist: "):
        load_user_rules([tmp_path / "missing.jsonl"])
    empty = tmp_path / "empty.jsonl"
    empty.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(EventxError, match=r"^\[E023\] Rule file .*empty.jsonl holds no rules "):
        load_user_rules([empty])


def test_rule_values_are_data_not_code(tmp_path):
    """A value that reads like code is only a word to match; nothing is evaluated or imported."""
    marker = tmp_path / "ran"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"type": "meeting", "match": "suffix", "value": payload, "cameo": "040"}) + "\n", encoding="utf-8")
    rules = load_user_rules([path])
    nlp = eventx.load(rules=[str(path)])
    events_of(nlp, f"Scholz traf Macron. {payload}")
    assert rules.triggers[0]["value"] == payload and not marker.exists()


def test_new_type_needs_plover_once_and_consistently(tmp_path):
    path = tmp_path / "types.jsonl"
    lines = [
        {"type": "protest", "match": "suffix", "value": "demonstration", "cameo": "141", "plover": "PROTEST",
         "plover_mode": "demo"},
        {"type": "protest", "match": "lemma", "value": "demonstrieren", "cameo": "141"},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    rules = load_user_rules([path])
    assert rules.plover == {"protest": {"event": "PROTEST", "mode": "demo", "event_unless_asserted": None}}
    lines.append({"type": "protest", "match": "lemma", "value": "protestieren", "cameo": "141", "plover": "ACCUSE"})
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with pytest.raises(EventxError, match="line 3: type 'protest' was given PLOVER category PROTEST before"):
        load_user_rules([path])


def test_rules_through_the_component_config(tmp_path):
    """The eventx_events setting user_rules: what a pipeline's config.cfg can name."""
    import spacy

    nlp = spacy.blank("de")
    component = nlp.add_pipe("eventx_events", config={"user_rules": [str(RULES)]})
    assert component.user_rules.files == [str(RULES)] and "sanction" in component.all_plover
    assert "sanction" not in component.plover  # the component's own table, which to_disk writes
    assert nlp.config["components"]["eventx_events"]["user_rules"] == [str(RULES)]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n", encoding="utf-8")
    with pytest.raises(EventxError, match="line 1: neither a trigger"):
        spacy.blank("de").add_pipe("eventx_events", config={"user_rules": [str(bad)]})


def test_rules_on_dask_bag():
    db = pytest.importorskip("dask.bag")
    from eventx.distributed import extract_bag

    text = ARTICLE.read_text(encoding="utf-8")
    bag = db.from_sequence([{"id": "s", "text": text, "date": "2024-12-16"}], npartitions=1)
    (out,) = extract_bag(bag, rules=[str(RULES)]).compute(scheduler="synchronous")
    assert [e["type"] for e in out["result"]["events"]].count("sanction") == 2
