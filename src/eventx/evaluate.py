"""Scoring of predicted events against gold files (eventx gold v1, see the news README).

Matching: same type (strict) or same CONSULT family (relaxed) and at least one shared
participant key (ISO3 country, person surname, organisation name); one-to-one and
greedy, preferring more shared participants, then the same type, date, status and
trigger. Gold events marked optional are neither misses nor make their match a
false positive.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

CONSULT = {"phone_call", "visit", "meeting"}


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9 ]+", " ", s).strip()


def participant_keys(event: dict) -> set[str]:
    keys = set()
    for a in list(event.get("actors") or []) + list(event.get("hosts") or []):
        name = _norm(a.get("name"))
        kind = a.get("kind")
        country = a.get("country") or a.get("iso3") or a.get("code")
        if kind == "person" or (kind is None and country is None and name):
            if name:
                keys.add("p:" + name.split()[-1])
        elif kind == "org" and name:
            keys.add("o:" + name)
        if isinstance(country, str) and len(country) >= 3:
            keys.add("c:" + country[:3].upper())
    return keys


def _date(e: dict) -> str | None:
    d = e.get("date")
    if d is None or isinstance(d, str):
        return d
    return d.get("value")


def _trigger(e: dict) -> str:
    t = e.get("trigger")
    return t.get("text", "") if isinstance(t, dict) else (t or "")


def _status(e: dict) -> str:
    return e.get("status") or "asserted"


def match_events(gold: list[dict], pred: list[dict], relaxed: bool) -> list[tuple[int, int]]:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            same = g["type"] == p["type"] or (relaxed and g["type"] in CONSULT and p["type"] in CONSULT)
            if not same:
                continue
            shared = len(participant_keys(g) & participant_keys(p))
            if not shared:
                continue
            score = shared + 0.5 * (g["type"] == p["type"]) + 0.3 * (_date(g) == _date(p))
            score += 0.2 * (_status(p) == g.get("status")) + 0.1 * (_norm(_trigger(g)) == _norm(_trigger(p)))
            candidates.append((score, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def doc_key(doc_id: str) -> str:
    return re.sub(r"\.(txt|json)$", "", Path(str(doc_id)).name)


def load_gold(gold_dir: Path) -> dict[str, dict]:
    return {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in sorted(Path(gold_dir).glob("*.json"))}


def _count_pair(ge: dict, pe: dict, attr: Counter) -> None:
    """Attribute counts of one matched pair: countries, persons, date, status, visit place, full tuple."""
    gk, pk = participant_keys(ge), participant_keys(pe)
    gc, pc = {k for k in gk if k[0] == "c"}, {k for k in pk if k[0] == "c"}
    gp, pp = {k for k in gk if k[0] == "p"}, {k for k in pk if k[0] == "p"}
    attr["c_tp"] += len(gc & pc)
    attr["c_fp"] += len(pc - gc)
    attr["c_fn"] += len(gc - pc)
    attr["p_tp"] += len(gp & pp)
    attr["p_fp"] += len(pp - gp)
    attr["p_fn"] += len(gp - pp)
    gv = _date(ge)
    if gv:
        attr["date_n"] += 1
        attr["date_ok"] += _date(pe) == gv
    attr["status_n"] += 1
    attr["status_ok"] += _status(pe) == ge.get("status")
    gl = ge.get("location") or {}
    if ge["type"] == "visit" and gl.get("country"):
        attr["loc_n"] += 1
        pl = pe.get("location") or {}
        attr["loc_ok"] += isinstance(pl, dict) and pl.get("country") == gl["country"]
    attr["full_ok"] += gc == pc and (not gv or _date(pe) == gv) and _status(pe) == ge.get("status")


def _count_document(gevents: list[dict], pevents: list[dict], relaxed: bool, by_type: dict, attr: Counter) -> None:
    """Adds one document's tp/fp/fn (per type, in ``by_type``) and attribute counts."""
    pairs = match_events(gevents, pevents, relaxed)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        if gevents[gi].get("optional"):
            continue
        by_type[gevents[gi]["type"]][0] += 1
        _count_pair(gevents[gi], pevents[pi], attr)
    for gi, ge in enumerate(gevents):
        if gi not in matched_g and not ge.get("optional"):
            by_type[ge["type"]][2] += 1
    for pi, pe in enumerate(pevents):
        if pi not in matched_p:
            by_type[pe["type"]][1] += 1


def _attributes(attr: Counter, tp: int, fp: int, fn: int) -> dict:
    full = attr["full_ok"]
    return {
        "country_f1": round(_prf(attr["c_tp"], attr["c_fp"], attr["c_fn"])[2], 3),
        "person_f1": round(_prf(attr["p_tp"], attr["p_fp"], attr["p_fn"])[2], 3),
        "date_acc": round(attr["date_ok"] / attr["date_n"], 3) if attr["date_n"] else None,
        "date_n": attr["date_n"],
        "status_acc": round(attr["status_ok"] / attr["status_n"], 3) if attr["status_n"] else None,
        "visit_loc_acc": round(attr["loc_ok"] / attr["loc_n"], 3) if attr["loc_n"] else None,
        "full_tuple_f1": round(_prf(full, fp + (tp - full), fn + (tp - full))[2], 3),
    }


def score(gold: dict[str, dict], predictions: dict[str, dict]) -> dict:
    """Metrics as in the shared scorer: strict and relaxed P/R/F1, attribute accuracies, full_tuple_f1."""
    out = {}
    for relaxed in (False, True):
        by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        attr: Counter = Counter()
        for stem, g in sorted(gold.items()):
            _count_document(g["events"], (predictions.get(stem) or {}).get("events") or [], relaxed, by_type, attr)
        tp, fp, fn = (sum(v[k] for v in by_type.values()) for k in range(3))
        p, r, f = _prf(tp, fp, fn)
        res = {
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(f, 3),
            "by_type": {t: {"tp": v[0], "fp": v[1], "fn": v[2], "f1": round(_prf(*v)[2], 3)} for t, v in sorted(by_type.items())},
        }
        if not relaxed:
            res.update(_attributes(attr, tp, fp, fn))
        out["relaxed" if relaxed else "strict"] = res
    return out


def format_report(res: dict) -> str:
    s, r = res["strict"], res["relaxed"]
    lines = [f"events strict  P={s['p']} R={s['r']} F1={s['f1']} (tp={s['tp']} fp={s['fp']} fn={s['fn']})"]
    for t, v in s["by_type"].items():
        lines.append(f"  {t:11s} F1={v['f1']} tp={v['tp']} fp={v['fp']} fn={v['fn']}")
    lines.append(f"events relaxed (consult family) F1={r['f1']}")
    lines.append(
        f"matched: country_f1={s['country_f1']} person_f1={s['person_f1']} date_acc={s['date_acc']} (n={s['date_n']}) "
        f"status_acc={s['status_acc']} visit_loc_acc={s['visit_loc_acc']}"
    )
    lines.append(f"full_tuple_f1={s['full_tuple_f1']}")
    return "\n".join(lines)


def predict(records, model: str | None = None) -> tuple[dict[str, dict], list[dict], list[str]]:
    """Run extraction over ``records`` (in one process): the predictions by gold key, the
    results in input order, and the errors of the records that failed."""
    from .batch import run_batch

    by_key: dict[str, dict] = {}
    results: list[dict] = []
    errors: list[str] = []
    for outcome in run_batch(records, model=model, workers=1):
        if outcome.result is None:
            errors.append(outcome.error or "")
            continue
        by_key[doc_key(outcome.result["id"])] = outcome.result
        results.append(outcome.result)
    return by_key, results, errors
