"""eventx batch: many documents on local processes or on Dask; every input accounted for."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path

import typer

from .. import writers
from ..batch import BatchOptions, Outcome, Report, Summary, failure, local_report, run_batch
from ..errors import Errors, OutputError
from ..limits import cap_workers
from ..readers import iter_inputs
from ..termination import Interrupted
from .options import (
    DATE_OPT,
    MODEL_OPT,
    OUTPUT_OPT,
    RULES_OPT,
    TYPES_OPT,
    check_date,
    check_glob_option,
    check_outputs,
    check_rules,
    err,
    fail,
    format_option,
    load_nlp,
    parse_types,
    say,
)
from .outputs import check_report_dependency, kept, write_database, write_report_file


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    plover = "plover"
    sqlite = "sqlite"  # -o FILE.db: added to the database
    parquet = "parquet"  # --engine dask only


class Engine(str, Enum):
    local = "local"
    dask = "dask"


WRITERS = {
    BatchFormat.jsonl: writers.JSONL,
    BatchFormat.json: writers.JSON_ARRAY,
    BatchFormat.csv: writers.CSV,
    BatchFormat.plover: writers.PLOVER,
}
DASK_FORMATS = (BatchFormat.jsonl, BatchFormat.parquet)
LOCAL_FORMATS = tuple(f for f in BatchFormat if f is not BatchFormat.parquet)


def wrong_engine_format(engine: Engine, fmt: BatchFormat) -> str:
    """The E021 line for a --format the engine does not write, naming the formats it does."""
    formats = LOCAL_FORMATS if engine is Engine.local else DASK_FORMATS
    hint = " (parquet: --engine dask)" if fmt is BatchFormat.parquet else ""
    return Errors.E021.format(engine=engine.value, fmt=fmt.value, formats=", ".join(f.value for f in formats), hint=hint)


def batch(
    inputs: list[str] = typer.Argument(..., help="Folders, .txt files, .jsonl files, or - (JSON Lines on stdin)."),
    fmt: BatchFormat = format_option(
        BatchFormat.jsonl,
        "jsonl (default), json (always a list), csv (a row per event), plover (PLOVER records), "
        "sqlite (-o FILE.db); parquet: --engine dask.",
    ),
    output: Path | None = OUTPUT_OPT,
    workers: int = typer.Option(0, "--workers", "-w", help="Processes (default: number of cores)."),
    glob: str = typer.Option("*.txt", "--glob", help="Files to take from folders: a pattern inside them, e.g. '*.txt'."),
    text_key: str = typer.Option("text", "--text-key", help="JSON Lines: the field that holds the article text."),
    id_key: str = typer.Option("id", "--id-key", help="JSON Lines: the field that holds the document id (else file:line)."),
    date_key: str = typer.Option("date", "--date-key", help="JSON Lines: the field that holds the article date YYYY-MM-DD."),
    all_docs: bool = typer.Option(False, "--all-docs", help="csv: a row also for a document without events."),
    date: str | None = DATE_OPT,
    model: str | None = MODEL_OPT,
    types: str | None = TYPES_OPT,
    errors: Path | None = typer.Option(None, "--errors", help="Write failures here as JSONL."),
    progress: bool = typer.Option(False, "--progress", help="Show progress even when stderr is no terminal."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local processes, or dask (-o is then a folder of part files)."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
    rules: list[str] | None = RULES_OPT,
    report: Path | None = typer.Option(None, "--report", help="Also write an HTML report of the events to FILE."),
) -> None:
    """Run extraction over folders and JSONL streams. Exit 0: all succeeded; 3: some failed; 1: none succeeded."""
    check_date(date)
    rule_files = check_rules(rules)
    check_report_dependency(report)
    check_outputs(output if engine is Engine.local else None, inputs, errors)
    check_glob_option(glob)
    n_workers, note = cap_workers(workers)
    if note:
        say(note)
    options = BatchOptions(
        inputs=list(inputs),
        output=None if output is None else str(output),
        fmt=fmt.value,
        workers=n_workers,
        glob=glob,
        text_key=text_key,
        id_key=id_key,
        date_key=date_key,
        date=date,
        model=model,
        types=parse_types(types, rule_files),
        scheduler=scheduler,
        rules=rule_files,
    )
    if engine is Engine.dask:
        if report:
            fail(Errors.E028, 2)
        finish(run_dask(options), errors, print_failures=True)
    if fmt is BatchFormat.parquet:
        fail(wrong_engine_format(Engine.local, fmt), 2)
    if fmt is BatchFormat.sqlite and output is None:
        fail(Errors.E024, 2)
    writer = writers.CSV_ALL_DOCS if all_docs and fmt is BatchFormat.csv else WRITERS.get(fmt)
    finish(run_local(options, writer, progress or err.is_terminal, report), errors, print_failures=False)


def run_local(options: BatchOptions, writer: writers.Writer | None, show_progress: bool, report: Path | None = None) -> Report:
    """Process pool: results streamed to -o (atomically) or stdout, or added to a SQLite database
    (``writer`` None); failures on stderr as they come; the HTML report at the end."""
    if options.model:
        load_nlp(options.model, options.types, options.rules)  # fail early and clearly on an unknown model
    records = iter_inputs(
        options.inputs, options.glob, options.text_key, options.id_key, options.date_key, stdin=sys.stdin, on_note=say
    )
    outcomes = run_batch(
        records, model=options.model, types=options.types, workers=options.workers, default_date=options.date, rules=options.rules
    )
    summary = Summary()
    failures: list[dict] = []
    sources: dict[str, str | None] = {}
    for_report: list[dict] | None = [] if report is not None else None
    results = kept(_results(outcomes, summary, failures, show_progress, sources), for_report)
    output = None if options.output is None else Path(options.output)
    try:
        if writer is None:
            write_database(results, output, sources)
        else:
            writers.write_results(results, writer, output)
    except OutputError as e:  # a full disk, a vanished folder
        fail(str(e))
    except (KeyboardInterrupt, Interrupted) as e:
        say("interrupted: no output file was replaced")
        raise typer.Exit(getattr(e, "code", 130)) from None
    if for_report is not None:
        write_report_file(for_report, report)
    return local_report(summary, failures)


def _results(
    outcomes: Iterable[Outcome], summary: Summary, failures: list[dict], show: bool, sources: dict[str, str | None] | None = None
) -> Iterator[dict]:
    """The results of the outcomes, counted into ``summary``; failures collected and said; where each
    result came from into ``sources`` (by id)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    prog = Progress(
        TextColumn("{task.completed} docs"),
        BarColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
        console=err,
        disable=not show,
    )
    with prog:
        task = prog.add_task("batch", total=None, rate="-")
        for outcome in outcomes:
            summary.add(outcome)
            prog.update(task, advance=1, rate=f"{summary.read / max(summary.elapsed, 1e-9):.1f}")
            if outcome.result is None:
                failures.append(failure(outcome))
                say(outcome.error or "")
                continue
            if outcome.record.note:
                say(outcome.record.note)
            if sources is not None:
                sources[outcome.result["id"]] = outcome.record.source
            yield outcome.result


def run_dask(options: BatchOptions) -> Report:
    """--engine dask: part files, manifest.json and _SUCCESS in the folder given by -o."""
    from ..batch import dask_report

    try:
        from .. import distributed as dx
    except ImportError as e:
        fail(str(e))
    if options.output is None:
        fail(Errors.E026, 2)
    if options.fmt not in DASK_FORMATS:
        fail(wrong_engine_format(Engine.dask, BatchFormat(options.fmt)), 2)
    if "-" in options.inputs:
        fail(Errors.E027, 2)
    if options.model:
        load_nlp(options.model, options.types)
    started = time.perf_counter()
    manifest = dx.run(options, on_note=say)
    return dask_report(manifest, options.output, time.perf_counter() - started)


def finish(report: Report, errors: Path | None, print_failures: bool) -> None:
    """Failures (on stderr and in --errors), the summary line, the exit code: the same for both engines."""
    for note in report.notes:
        say(note)
    if print_failures:
        for f in report.failures:
            say(f["reason"])
    if errors is not None:
        try:
            with writers.atomic_writer(errors) as fh:
                for rec in report.failures:
                    fh.write(writers.dumps(rec) + "\n")
        except OutputError as e:
            fail(str(e))
    say(report.line)
    raise typer.Exit(report.exit_code)
