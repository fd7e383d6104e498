"""eventx extract: events from one or more articles (files or stdin)."""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from pathlib import Path

import typer

from .. import writers
from ..readers import path_record
from .options import DATE_OPT, MODEL_OPT, OUTPUT_OPT, TYPES_OPT, check_date, format_option, load_nlp, parse_types, say


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


WRITERS = {
    ExtractFormat.table: writers.TABLE,
    ExtractFormat.json: writers.JSON,
    ExtractFormat.jsonl: writers.JSONL,
    ExtractFormat.csv: writers.CSV,
}


def extract(
    paths: list[str] = typer.Argument(..., help="Text files, or - for stdin."),
    fmt: ExtractFormat = format_option(ExtractFormat.table),
    output: Path | None = OUTPUT_OPT,
    date: str | None = DATE_OPT,
    model: str | None = MODEL_OPT,
    types: str | None = TYPES_OPT,
) -> None:
    """Extract events (phone calls, visits, meetings, treaties) from articles."""
    from ..document import extract_document

    check_date(date)
    type_list = parse_types(types)
    records = [path_record(p) for p in paths]
    failed = [r for r in records if r.error]
    for r in failed:
        say(r.error or "")
    good = [r for r in records if not r.error]
    if not good:
        raise typer.Exit(1)
    nlp = load_nlp(model, type_list)
    results = []
    for r in good:
        if r.note:
            say(r.note)
        results.append(extract_document(nlp, replace(r, date=date)))
    writers.write_results(results, WRITERS[fmt], output)
    raise typer.Exit(1 if failed else 0)
