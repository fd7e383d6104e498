import json
import subprocess
import sys

from conftest import SHARED, needs_shared
from typer.testing import CliRunner

from eventx.cli import app
from eventx.evaluate import load_gold, match_events, participant_keys, score

runner = CliRunner()


def test_participant_keys_and_matching():
    gold = [
        {
            "type": "visit",
            "status": "asserted",
            "actors": [{"name": "Joschka Fischer", "kind": "person", "country": "DEU"}],
            "hosts": [],
        }
    ]
    pred = [{"type": "meeting", "actors": [{"name": "Fischer", "kind": "person", "country": None}]}]
    assert participant_keys(gold[0]) == {"p:fischer", "c:DEU"}
    assert match_events(gold, pred, relaxed=False) == []
    assert match_events(gold, pred, relaxed=True) == [(0, 0)]


def test_optional_gold_events_neither_miss_nor_false_positive():
    gold = {
        "d": {
            "events": [
                {
                    "type": "meeting",
                    "status": "asserted",
                    "optional": True,
                    "actors": [{"name": "EU", "kind": "org", "country": None}],
                    "hosts": [],
                }
            ]
        }
    }
    res = score(gold, {"d": {"events": [{"type": "meeting", "actors": [{"name": "EU", "kind": "org"}]}]}})
    assert (res["strict"]["tp"], res["strict"]["fp"], res["strict"]["fn"]) == (0, 0, 0)


@needs_shared
def test_agrees_with_the_reference_scorer(tmp_path):
    preds = tmp_path / "pred.jsonl"
    gold = SHARED / "data/news/dev/gold"
    res = runner.invoke(
        app, ["evaluate", str(gold), str(SHARED / "data/news/dev/input.jsonl"), "--predictions", str(preds), "--json"]
    )
    assert res.exit_code == 0
    ours = json.loads(res.stdout)
    ref = subprocess.run(
        [sys.executable, str(SHARED / "tools/score_events.py"), str(gold), str(preds), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(ref.stdout)
    for mode in ("strict", "relaxed"):
        for key in ("tp", "fp", "fn", "p", "r", "f1", "by_type"):
            assert ours[mode][key] == theirs[mode][key], (mode, key)
    for key in ("country_f1", "person_f1", "date_acc", "status_acc", "visit_loc_acc", "full_tuple_f1"):
        assert ours["strict"][key] == theirs["strict"][key], key


@needs_shared
def test_dev_set_quality_bar(tmp_path):
    """The bars this build reaches on the 87 dev articles and on the 76 new ones (issue 9).
    The issue asks for strict F1 0.80, relaxed 0.83, date 0.85, status 0.90, country 0.85,
    full tuple 0.60 and strict F1 0.75 on the 76: not all are met yet (see the note)."""
    preds = tmp_path / "pred.jsonl"
    gold_dir = SHARED / "data/news/dev/gold"
    res = runner.invoke(
        app, ["evaluate", str(gold_dir), str(SHARED / "data/news/dev/input.jsonl"), "--json", "--predictions", str(preds)]
    )
    s, r = json.loads(res.stdout)["strict"], json.loads(res.stdout)["relaxed"]
    assert s["f1"] >= 0.86 and r["f1"] >= 0.87
    assert s["date_acc"] >= 0.86 and s["status_acc"] >= 0.93 and s["full_tuple_f1"] >= 0.68
    assert s["country_f1"] >= 0.94
    gold = load_gold(gold_dir)
    new = {k: v for k, v in gold.items() if k.startswith(("wikinews-", "10kgnad-"))}
    assert len(new) == 76
    predictions = {}
    for line in preds.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        predictions[d["id"]] = d
    assert score(new, predictions)["strict"]["f1"] >= 0.85
