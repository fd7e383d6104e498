"""Writers for document results: rich table, JSON, JSON Lines, CSV; atomic file output.

Every writer has the signature ``write(results, out)``: an iterable of JSON-ready results and
a text stream. A command offers a writer by naming it in its format enum (see ``eventx.cli``).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .output_path import open_output
from .schema import CSV_FIELDS, actor_label
from .schema import flat_rows as csv_rows

STATUS_STYLE = {"asserted": "green", "planned": "cyan", "possible": "yellow", "negated": "red"}


def dumps(obj) -> str:
    """Deterministic JSON (UTF-8, no ASCII escapes)."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=False)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets run as a formula


def safe_cell(value):
    """A CSV cell that a spreadsheet shows as text: a leading ' before = + - @ (formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(results: Iterable[dict], out: IO[str], all_docs: bool = False) -> None:
    """One row per event; text cells quoted (CAMEO "041" stays a string for tools that honour
    quotes; pandas needs ``dtype={"cameo": str}``), numbers bare; formula-like cells defused.
    ``all_docs``: a document without events still gets a row (its id, the rest empty)."""
    out.write(",".join(CSV_FIELDS) + "\n")  # the header as plain names
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    for r in results:
        rows = list(csv_rows([r]))
        if not rows and all_docs:
            rows = [{name: (r["id"] if i == 0 else "") for i, name in enumerate(CSV_FIELDS)}]
        for row in rows:
            writer.writerow({k: safe_cell(v) for k, v in row.items()})


def write_csv_all_docs(results: Iterable[dict], out: IO[str]) -> None:
    write_csv(results, out, all_docs=True)


def write_json(results: Iterable[dict], out: IO[str]) -> None:
    """One object for one document, an array for several."""
    results = list(results)
    data = results[0] if len(results) == 1 else results
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_json_array(results: Iterable[dict], out: IO[str]) -> None:
    """Always an array, written while the results come (batch output)."""
    out.write("[\n")
    first = True
    for r in results:
        out.write(("" if first else ",\n") + json.dumps(r, ensure_ascii=False, indent=2))
        first = False
    out.write("\n]\n")


def write_jsonl(results: Iterable[dict], out: IO[str]) -> None:
    for r in results:
        out.write(dumps(r) + "\n")
        out.flush()


STACKED_BELOW = 100  # columns: narrower consoles get one block per event instead of a table


def _cells(e: dict) -> dict[str, str]:
    """The display texts of an event (plain text, markup escaped by the callers)."""
    date = e.get("date")
    date_text = "" if not date else f"{date['value'] or '?'}{' ' + date['mod'] if date.get('mod') else ''} ({date['text']})"
    actors = ", ".join(actor_label(a) for a in e["actors"])
    if e["hosts"]:
        actors += " → " + ", ".join(actor_label(a) for a in e["hosts"])
    loc = e.get("location")
    place = "" if not loc else (f"{loc['name']} ({loc['country']})" if loc.get("country") else loc["name"])
    return {
        "type": e["type"],
        "status": e["status"],
        "actors": actors,
        "date": date_text,
        "place": place,
        "trigger": e["trigger"]["text"],
    }


def events_table(result: dict) -> Table:
    """Columns sized to their content; long cells wrap at spaces (words are not cut unless a
    single word is wider than its column)."""
    table = Table(title=escape(str(result["id"])), title_justify="left", show_lines=False)
    for col in ("type", "status", "actors", "date", "place", "trigger"):
        short = col in ("type", "status", "trigger")
        table.add_column(col, overflow="fold", no_wrap=short, ratio=None if short else 2)
    for e in result["events"]:
        cells = {k: escape(v) for k, v in _cells(e).items()}
        style = STATUS_STYLE.get(e["status"], "")
        cells["status"] = f"[{style}]{cells['status']}[/{style}]" if style else cells["status"]
        table.add_row(*cells.values())
    return table


def events_blocks(result: dict, console: Console) -> None:
    """One block per event, for narrow consoles: the fields one under another, wrapped at spaces."""
    console.print(Text(str(result["id"]), style="bold"))
    for n, e in enumerate(result["events"], 1):
        cells = _cells(e)
        console.print(Text(f"{n}. {cells['type']} ({cells['status']})", style=STATUS_STYLE.get(e["status"], "")))
        for key in ("actors", "date", "place", "trigger"):
            if cells[key]:
                console.print(Text(f"   {key}: {cells[key]}"))


def summary_line(result: dict) -> str:
    events = result["events"]
    if not events:
        return f"{result['id']}: no events found"
    by_type: dict[str, int] = {}
    for e in events:
        by_type[e["type"]] = by_type.get(e["type"], 0) + 1
    parts = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
    return f"{result['id']}: {len(events)} event{'s' if len(events) != 1 else ''} ({parts})"


def _console(out: IO[str]) -> Console:
    """The terminal's width on a terminal; else $COLUMNS, else 140 columns."""
    if out.isatty():
        return Console(file=out)
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() and int(columns) >= 20 else 140
    return Console(file=out, width=width, force_terminal=False)


def write_table(results: Iterable[dict], out: IO[str]) -> None:
    """A rich table of events (one block per event below 100 columns) and a summary line per document."""
    console = _console(out)
    for r in results:
        if r["events"]:
            if console.width < STACKED_BELOW:
                events_blocks(r, console)
            else:
                console.print(events_table(r))
        console.print(Text(summary_line(r)))


ENTITY_TABLES = (
    ("persons", ("name", "role", "country", "code", "mentions")),
    ("countries", ("iso3", "text", "kind")),
    ("dates", ("text", "value", "mod")),
)


def entity_rows(result: dict) -> list[tuple[str, tuple[str, ...], list[list[str]]]]:
    """The tables of an entities result as (title, columns, rows of strings)."""
    return [
        (title, cols, [["" if row[c] is None else str(row[c]) for c in cols] for row in result[title]])
        for title, cols in ENTITY_TABLES
    ]


def write_entities_table(results: Iterable[dict], out: IO[str]) -> None:
    """Entities results (see eventx.schema.entities_result) as rich tables."""
    console = Console(file=out, width=140)
    for result in results:
        for title, cols, rows in entity_rows(result):
            table = Table(title=title, title_justify="left")
            for c in cols:
                table.add_column(c)
            for row in rows:
                table.add_row(*row)
            console.print(table)
        console.print("organisations: " + (", ".join(result["organisations"]) or "-"))


@dataclass(frozen=True)
class Writer:
    """A writer function and the ``newline`` its output file is opened with."""

    write: Callable[[Iterable[dict], IO[str]], None]
    newline: str | None = None


TABLE = Writer(write_table)
JSON = Writer(write_json)
JSON_ARRAY = Writer(write_json_array)
JSONL = Writer(write_jsonl)
CSV = Writer(write_csv, newline="")
CSV_ALL_DOCS = Writer(write_csv_all_docs, newline="")
ENTITIES_TABLE = Writer(write_entities_table)


def write_plover(results: Iterable[dict], out: IO[str]) -> None:
    """PLOVER records, one per event (eventx.plover)."""
    from .plover import write_plover as plover_records

    plover_records(results, out)


PLOVER = Writer(write_plover)


def write_results(results: Iterable[dict], writer: Writer, output: Path | None = None, stdout: IO[str] | None = None) -> None:
    """Write results into ``output`` (see eventx.output_path: atomically for files, directly for
    FIFOs, devices and '-'), or to ``stdout`` (default sys.stdout) when no file is given."""
    if output is None and stdout is not None:
        writer.write(results, stdout)
        return
    with open_output("-" if output is None else output, newline=writer.newline) as f:
        writer.write(results, f)


@contextmanager
def atomic_writer(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """Write into ``path`` as eventx.output_path.open_output does (atomically for a regular file)."""
    with open_output(path, newline=newline) as f:
        yield f
