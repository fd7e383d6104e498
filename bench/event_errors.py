"""Per-article event errors against gold: misses, false positives, wrong date/status/countries.

usage: python bench/event_errors.py GOLD_DIR PREDICTIONS.jsonl [--only PREFIX,...] [--summary]

PREDICTIONS: what `eventx evaluate ... --predictions FILE` or `eventx batch` wrote.
Matching is the reference scorer's (eventx.evaluate.match_events, strict). Each miss is
given a rough category, to decide which mechanism pays most:
  no_trigger     no predicted event in the gold sentence at all (trigger not matched, or
                 the mention was dropped before it became an event)
  wrong_type     a prediction of another type shares a participant
  participants   a prediction of the same type exists in the article but shares no participant
  other          none of these
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from eventx.evaluate import _norm, doc_key, match_events, participant_keys


def _countries(e: dict) -> set[str]:
    return {k for k in participant_keys(e) if k.startswith("c:")}


def _date(e: dict) -> str | None:
    d = e.get("date")
    return d if d is None or isinstance(d, str) else d.get("value")


def _sent(e: dict) -> str:
    s = e.get("sentence")
    return (s.get("text") if isinstance(s, dict) else s) or ""


def _trig(e: dict) -> str:
    t = e.get("trigger")
    return (t.get("text") if isinstance(t, dict) else t) or ""


def _short(e: dict) -> str:
    names = [f"{a.get('name')}/{a.get('kind')}/{a.get('country')}" for a in (e.get("actors") or [])]
    hosts = [f"{a.get('name')}/{a.get('country')}" for a in (e.get("hosts") or [])]
    return f"{e.get('type')} [{_trig(e)}] status={e.get('status')} date={_date(e)} actors={names}" + (
        f" hosts={hosts}" if hosts else ""
    )


def miss_category(g: dict, preds: list[dict]) -> str:
    gs = _norm(_sent(g))[:40]
    keys = participant_keys(g)
    if any(participant_keys(p) & keys and p.get("type") != g.get("type") for p in preds):
        return "wrong_type"
    if any(p.get("type") == g.get("type") for p in preds):
        if any(gs and _norm(_sent(p)).startswith(gs[:30]) for p in preds):
            return "participants"
        return "participants_other_sentence"
    if any(gs and _norm(_sent(p)).startswith(gs[:30]) for p in preds):
        return "wrong_type"
    return "no_trigger"


def analyse(gold_dir: Path, pred_path: Path, only: tuple[str, ...] = ()) -> tuple[list[str], Counter]:
    preds = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            preds[doc_key(d.get("id") or d.get("source") or "")] = d
    lines: list[str] = []
    counts: Counter = Counter()
    for f in sorted(gold_dir.glob("*.json")):
        if only and not f.stem.startswith(only):
            continue
        gold = json.loads(f.read_text(encoding="utf-8"))
        gev = gold["events"]
        pev = (preds.get(f.stem) or {}).get("events") or []
        pairs = match_events(gev, pev, relaxed=False)
        mg, mp = {g for g, _ in pairs}, {p for _, p in pairs}
        out: list[str] = []
        for gi, g in enumerate(gev):
            if gi in mg or g.get("optional"):
                continue
            cat = miss_category(g, pev)
            counts["miss:" + cat] += 1
            counts["miss_type:" + g["type"]] += 1
            out.append(f"  MISS ({cat}) {_short(g)}\n       | {_sent(g)}")
        for pi, p in enumerate(pev):
            if pi in mp:
                continue
            counts["fp:" + p.get("type", "?")] += 1
            out.append(f"  FP   {_short(p)}\n       | {_sent(p)[:160]}")
        for gi, pi in pairs:
            g, p = gev[gi], pev[pi]
            if g.get("optional"):
                continue
            problems = []
            if _date(g) and _date(p) != _date(g):
                problems.append(f"date {_date(p)} != {_date(g)} ({(g.get('date') or {}).get('text')})")
                counts["date:" + ("missing" if _date(p) is None else "wrong")] += 1
            if (p.get("status") or "asserted") != g.get("status"):
                problems.append(f"status {p.get('status')} != {g.get('status')}")
                counts["status"] += 1
            if _countries(g) != _countries(p):
                problems.append(f"countries {sorted(_countries(p))} != {sorted(_countries(g))}")
                counts["countries"] += 1
            if problems:
                out.append(f"  WRONG {g['type']} [{_trig(g)}]: " + "; ".join(problems) + f"\n       | {_sent(g)}")
        if out:
            lines.append(f"== {f.stem} (dct {gold.get('dct')})")
            lines.extend(out)
    return lines, counts


def main(argv: list[str]) -> None:
    summary = "--summary" in argv
    argv = [a for a in argv if a != "--summary"]
    only: tuple[str, ...] = ()
    if "--only" in argv:
        i = argv.index("--only")
        only = tuple(argv[i + 1].split(","))
        del argv[i : i + 2]
    lines, counts = analyse(Path(argv[0]), Path(argv[1]), only)
    if not summary:
        print("\n".join(lines))
    for k, v in sorted(counts.items()):
        print(f"{k}\t{v}")


if __name__ == "__main__":
    main(sys.argv[1:])
