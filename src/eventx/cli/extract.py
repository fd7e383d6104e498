"""eventx extract: events from one or more articles (files or stdin)."""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from pathlib import Path

import typer

from .. import writers
from ..errors import Errors, OutputError
from ..readers import path_record
from .options import (
    DATE_OPT,
    MODEL_OPT,
    OUTPUT_OPT,
    RULES_OPT,
    TYPES_OPT,
    check_date,
    check_outputs,
    check_rules,
    fail,
    format_option,
    load_nlp,
    parse_types,
    say,
)
from .outputs import check_report_dependency, write_database, write_report_file


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    plover = "plover"
    sqlite = "sqlite"  # -o FILE.db


WRITERS = {
    ExtractFormat.table: writers.TABLE,
    ExtractFormat.json: writers.JSON,
    ExtractFormat.jsonl: writers.JSONL,
    ExtractFormat.csv: writers.CSV,
    ExtractFormat.plover: writers.PLOVER,
}


def extract(
    paths: list[str] = typer.Argument(..., help="Text files, or - for stdin."),
    fmt: ExtractFormat = format_option(
        ExtractFormat.table,
        "Output format. json: one object for one input, a list for several; csv: one row per event.",
    ),
    output: Path | None = OUTPUT_OPT,
    all_docs: bool = typer.Option(False, "--all-docs", help="csv: a row also for a document without events."),
    date: str | None = DATE_OPT,
    model: str | None = MODEL_OPT,
    types: str | None = TYPES_OPT,
    rules: list[str] | None = RULES_OPT,
    report: Path | None = typer.Option(None, "--report", help="Also write an HTML report of the events to FILE."),
) -> None:
    """Extract events (phone calls, visits, meetings, treaties) from articles."""
    from ..document import extract_document

    check_date(date)
    check_outputs(output, paths)
    rule_files = check_rules(rules)
    type_list = parse_types(types, rule_files)
    check_report_dependency(report)
    if fmt is ExtractFormat.sqlite and output is None:
        fail(Errors.E024, 2)
    records = [path_record(p) for p in paths]
    failed = [r for r in records if r.error]
    for r in failed:
        say(r.error or "")
    good = [r for r in records if not r.error]
    if not good:
        raise typer.Exit(1)
    nlp = load_nlp(model, type_list, rule_files)
    results = []
    for r in good:
        if r.note:
            say(r.note)
        results.append(extract_document(nlp, replace(r, date=date)))
    try:
        if fmt is ExtractFormat.sqlite:
            write_database(results, output, {r.id: r.source for r in good})
        else:
            writer = writers.CSV_ALL_DOCS if all_docs and fmt is ExtractFormat.csv else WRITERS[fmt]
            writers.write_results(results, writer, output)
    except OutputError as e:  # a full disk, a vanished folder
        fail(str(e))
    write_report_file(results, report)
    raise typer.Exit(1 if failed else 0)
