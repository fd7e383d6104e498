"""Writers for document results: rich table, JSON, JSON Lines, CSV; atomic file output."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from enum import Enum
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.table import Table


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"  # batch --engine dask only


class Engine(str, Enum):
    local = "local"
    dask = "dask"


STATUS_STYLE = {"asserted": "green", "planned": "cyan", "possible": "yellow", "negated": "red"}
CSV_FIELDS = [
    "doc_id",
    "event_id",
    "type",
    "status",
    "actors",
    "hosts",
    "location",
    "location_country",
    "date_text",
    "date_value",
    "date_mod",
    "trigger",
    "trigger_start",
    "trigger_end",
    "mentions",
    "cameo",
    "plover_event",
    "plover_mode",
    "sentence",
]


def dumps(obj) -> str:
    """Deterministic JSON (UTF-8, no ASCII escapes)."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


def actor_label(a: dict) -> str:
    return f"{a['name']} ({a['country']})" if a.get("country") else a["name"]


def csv_rows(results: Iterable[dict]) -> Iterator[dict]:
    for r in results:
        for e in r.get("events", []):
            date = e.get("date") or {}
            loc = e.get("location") or {}
            yield {
                "doc_id": r["id"],
                "event_id": e["id"],
                "type": e["type"],
                "status": e["status"],
                "actors": "; ".join(actor_label(a) for a in e["actors"]),
                "hosts": "; ".join(actor_label(a) for a in e["hosts"]),
                "location": loc.get("name") or "",
                "location_country": loc.get("country") or "",
                "date_text": date.get("text") or "",
                "date_value": date.get("value") or "",
                "date_mod": date.get("mod") or "",
                "trigger": e["trigger"]["text"],
                "trigger_start": e["trigger"]["start"],
                "trigger_end": e["trigger"]["end"],
                "mentions": e["mentions"],
                "cameo": e["cameo"],
                "plover_event": e["plover"]["event"],
                "plover_mode": e["plover"]["mode"] or "",
                "sentence": e["sentence"]["text"],
            }


def write_csv(results: Iterable[dict], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in csv_rows(results):
        writer.writerow(row)


def write_json(results: list[dict], out: IO[str]) -> None:
    """One object for one document, an array for several."""
    data = results[0] if len(results) == 1 else results
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_jsonl(results: Iterable[dict], out: IO[str]) -> None:
    for r in results:
        out.write(dumps(r) + "\n")
        out.flush()


def events_table(result: dict) -> Table:
    table = Table(title=f"{result['id']}", title_justify="left", show_lines=False)
    for col in ("type", "status", "actors", "date", "place", "trigger"):
        table.add_column(col, overflow="fold")
    for e in result["events"]:
        date = e.get("date")
        date_cell = (
            ""
            if not date
            else f"{date['value'] or '?'}{' ' + date['mod'] if date.get('mod') else ''} [dim]({date['text']})[/dim]"
        )
        actors = ", ".join(actor_label(a) for a in e["actors"])
        if e["hosts"]:
            actors += " → " + ", ".join(actor_label(a) for a in e["hosts"])
        loc = e.get("location")
        place = "" if not loc else (f"{loc['name']} ({loc['country']})" if loc.get("country") else loc["name"])
        style = STATUS_STYLE.get(e["status"], "")
        table.add_row(e["type"], f"[{style}]{e['status']}[/{style}]", actors, date_cell, place, e["trigger"]["text"])
    return table


def summary_line(result: dict) -> str:
    events = result["events"]
    if not events:
        return f"{result['id']}: no events found"
    by_type: dict[str, int] = {}
    for e in events:
        by_type[e["type"]] = by_type.get(e["type"], 0) + 1
    parts = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
    return f"{result['id']}: {len(events)} event{'s' if len(events) != 1 else ''} ({parts})"


def write_table(results: list[dict], console: Console) -> None:
    for r in results:
        if r["events"]:
            console.print(events_table(r))
        console.print(summary_line(r))


def render(results: list[dict], fmt: Format, out: IO[str]) -> None:
    if fmt is Format.json:
        write_json(results, out)
    elif fmt is Format.jsonl:
        write_jsonl(results, out)
    elif fmt is Format.csv:
        write_csv(results, out)
    else:
        console = Console(file=out) if out.isatty() else Console(file=out, width=140, force_terminal=False)
        write_table(results, console)


@contextmanager
def atomic_writer(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """Write to a temporary file beside ``path`` and rename it into place on success."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with open(fd, "w", encoding="utf-8", newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
