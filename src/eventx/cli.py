"""The eventx command line: a thin layer over eventx's functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console

from . import __version__
from .errors import Errors, EventxError, InputError
from .readers import Record, iter_inputs, text_of, text_record
from .rules import EVENT_TYPES, resource_path
from .writers import Engine, Format, atomic_writer, dumps, render, write_csv

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Political events from German news.")
err = Console(stderr=True, highlight=False, soft_wrap=True)

FORMAT_OPT = typer.Option(Format.table, "--format", "-f", help="Output format.")
OUTPUT_OPT = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout.")
DATE_OPT = typer.Option(None, "--date", help="Article date YYYY-MM-DD (anchors relative dates).")
MODEL_OPT = typer.Option(None, "--model", help="spaCy package name or pipeline path (default: the shipped pipeline).")
TYPES_OPT = typer.Option(None, "--types", help="Comma-separated event types: " + ",".join(EVENT_TYPES))


def fail(message: str, code: int = 1) -> None:
    err.print(message, markup=False)
    raise typer.Exit(code)


def check_date(date: str | None) -> None:
    from .timex import parse_date

    if date is None:
        return
    try:
        parse_date(date)
    except ValueError:
        fail(Errors.E005.format(value=date))


def parse_types(types: str | None) -> list[str] | None:
    if not types:
        return None
    names = [t.strip() for t in types.split(",") if t.strip()]
    unknown = [t for t in names if t not in EVENT_TYPES]
    if unknown:
        fail(Errors.E008.format(names=", ".join(unknown), choices=", ".join(EVENT_TYPES)), 2)
    return names


def load_nlp(model: str | None, types: list[str] | None):
    from .pipeline import load

    try:
        return load(model, types)
    except EventxError as e:
        fail(str(e))


def read_stdin_text() -> Record:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    try:
        text, note = text_of(data, "<stdin>")
    except InputError as e:
        return Record("-", source="<stdin>", error=str(e))
    return Record("-", text, source="<stdin>", note=note)


def emit(results: list[dict], fmt: Format, output: Path | None) -> None:
    if output is not None:
        with atomic_writer(output, newline="" if fmt is Format.csv else None) as f:
            render(results, fmt, f)
    else:
        render(results, fmt, sys.stdout)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Text files, or - for stdin."),
    fmt: Format = FORMAT_OPT,
    output: Path | None = OUTPUT_OPT,
    date: str | None = DATE_OPT,
    model: str | None = MODEL_OPT,
    types: str | None = TYPES_OPT,
) -> None:
    """Extract events (phone calls, visits, meetings, treaties) from articles."""
    from .runner import run_document

    if fmt is Format.parquet:
        fail("parquet is for batch --engine dask: use --format table|json|jsonl|csv", 2)
    check_date(date)
    type_list = parse_types(types)
    records = [read_stdin_text() if p == "-" else text_record(Path(p)) for p in paths]
    failed = [r for r in records if r.error]
    for r in failed:
        err.print(r.error, markup=False)
    good = [r for r in records if not r.error]
    if not good:
        raise typer.Exit(1)
    nlp = load_nlp(model, type_list)
    results = []
    for r in good:
        if r.note:
            err.print(r.note, markup=False)
        results.append(run_document(nlp, r.text, r.id, date))
    emit(results, fmt, output)
    raise typer.Exit(1 if failed else 0)


@app.command()
def entities(
    path: str = typer.Argument(..., help="A text file, or - for stdin."),
    fmt: Format = FORMAT_OPT,
    date: str | None = DATE_OPT,
    model: str | None = MODEL_OPT,
) -> None:
    """Persons (role, country), countries (ISO3), organisations and dates in an article."""
    from . import process
    from .schema import entities_result

    check_date(date)
    record = read_stdin_text() if path == "-" else text_record(Path(path))
    if record.error:
        fail(record.error)
    nlp = load_nlp(model, None)
    result = entities_result(process(nlp, record.text, date), record.id)
    if fmt is Format.table:
        from rich.table import Table

        out = Console(width=140)
        for title, rows, cols in (
            ("persons", result["persons"], ("name", "role", "country", "code", "mentions")),
            ("countries", result["countries"], ("iso3", "text", "kind")),
            ("dates", result["dates"], ("text", "value", "mod")),
        ):
            table = Table(title=title, title_justify="left")
            for c in cols:
                table.add_column(c)
            for row in rows:
                table.add_row(*["" if row[c] is None else str(row[c]) for c in cols])
            out.print(table)
        out.print("organisations: " + (", ".join(result["organisations"]) or "-"))
    elif fmt in (Format.csv, Format.parquet):
        fail(f"entities has no {fmt.value} form: use --format table, json or jsonl", 2)
    else:
        sys.stdout.write((json.dumps(result, ensure_ascii=False, indent=2) if fmt is Format.json else dumps(result)) + "\n")


@app.command()
def info(model: str | None = MODEL_OPT) -> None:
    """Version, model, components, labels and rule files."""
    nlp = load_nlp(model, None)
    out = Console()
    out.print(f"eventx {__version__}")
    meta = nlp.meta
    out.print(f"model: {meta.get('lang')}_{meta.get('name')} {meta.get('version')} ({nlp.path or model})")
    out.print(f"components: {', '.join(nlp.pipe_names)}")
    if nlp.has_pipe("ner"):
        out.print(f"NER labels: {', '.join(nlp.get_pipe('ner').labels)}")
    for name in ("triggers.jsonl", "modality_cues.jsonl", "roles.tsv", "countries.tsv", "organisations.tsv"):
        out.print(f"rules: {resource_path(name)}")


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., help="Folder of gold JSON files."),
    input: Path = typer.Argument(..., help="Folder of .txt articles or a .jsonl of {id, text, date}."),
    model: str | None = MODEL_OPT,
    predictions: Path | None = typer.Option(None, "--predictions", help="Also write the predictions (JSONL) here."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
) -> None:
    """Score extraction on INPUT against the gold annotations in GOLD_DIR."""
    from .batch import run_batch
    from .evaluate import doc_key, format_report, load_gold, score

    if not gold_dir.is_dir():
        fail(Errors.E001.format(path=gold_dir))
    if not input.exists():
        fail(Errors.E001.format(path=input))
    gold = load_gold(gold_dir)
    records = iter_inputs([str(input)])
    preds = {}
    lines = []
    for outcome in run_batch(records, model=model, workers=1):
        if outcome.result is None:
            err.print(outcome.error, markup=False)
            continue
        preds[doc_key(outcome.result["id"])] = outcome.result
        lines.append(dumps(outcome.result))
    if predictions:
        with atomic_writer(predictions) as f:
            f.write("\n".join(lines) + "\n")
    res = score(gold, preds)
    typer.echo(json.dumps(res, indent=2) if as_json else format_report(res))


@app.command()
def batch(
    inputs: list[str] = typer.Argument(..., help="Folders, .txt files, .jsonl files, or - (JSON Lines on stdin)."),
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl (default), json or csv."),
    output: Path | None = OUTPUT_OPT,
    workers: int = typer.Option(0, "--workers", "-w", help="Processes (default: number of cores)."),
    glob: str = typer.Option("*.txt", "--glob", help="Files to take from folders."),
    text_key: str = typer.Option("text", "--text-key"),
    id_key: str = typer.Option("id", "--id-key"),
    date_key: str = typer.Option("date", "--date-key"),
    date: str | None = DATE_OPT,
    model: str | None = MODEL_OPT,
    types: str | None = TYPES_OPT,
    errors: Path | None = typer.Option(None, "--errors", help="Write failures here as JSONL."),
    progress: bool = typer.Option(False, "--progress", help="Show progress even when stderr is no terminal."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local processes, or dask (-o is then a folder of part files)."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
) -> None:
    """Run extraction over folders and JSONL streams. Exit 0: all succeeded; 3: some failed; 1: none succeeded."""
    from .batch import Summary, default_workers, run_batch

    check_date(date)
    type_list = parse_types(types)
    if engine is Engine.dask:
        run_dask(
            inputs,
            fmt,
            output,
            workers or default_workers(),
            scheduler,
            glob,
            text_key,
            id_key,
            date_key,
            date,
            model,
            type_list,
            errors,
        )
        return
    if fmt in (Format.table, Format.parquet):
        fail(f"batch --engine local writes jsonl, json or csv, not {fmt.value}: use --format jsonl|json|csv", 2)
    if model:
        load_nlp(model, type_list)  # fail early and clearly on an unknown model
    n_workers = workers or default_workers()
    records = iter_inputs(inputs, glob, text_key, id_key, date_key, stdin=sys.stdin)
    summary = Summary()
    failures: list[dict] = []
    show = progress or err.is_terminal
    outcomes = run_batch(records, model=model, types=type_list, workers=n_workers, default_date=date)

    def results():
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
                    failures.append({"id": outcome.record.id, "source": outcome.record.source, "reason": outcome.error})
                    err.print(outcome.error, markup=False)
                    continue
                if outcome.record.note:
                    err.print(outcome.record.note, markup=False)
                yield outcome.result

    try:
        if output is None:
            _write_stream(results(), fmt, sys.stdout)
        else:
            with atomic_writer(output, newline="" if fmt is Format.csv else None) as f:
                _write_stream(results(), fmt, f)
    except KeyboardInterrupt:
        err.print("interrupted: no output file was replaced", markup=False)
        raise typer.Exit(130) from None
    if errors is not None:
        with atomic_writer(errors) as f:
            for rec in failures:
                f.write(dumps(rec) + "\n")
    s = summary.as_dict()
    err.print(
        f"read {s['documents_read']}, succeeded {s['succeeded']}, failed {s['failed']}; "
        f"events {s['events_by_type']} {s['events_by_status']}; {s['elapsed_s']} s, {s['documents_per_s']} docs/s",
        markup=False,
    )
    if summary.succeeded == 0:
        raise typer.Exit(1)
    raise typer.Exit(3 if summary.failed else 0)


def run_dask(inputs, fmt, output, workers, scheduler, glob, text_key, id_key, date_key, date, model, types, errors) -> None:
    """batch --engine dask: part files, manifest.json and _SUCCESS in the folder given by -o."""
    try:
        from . import distributed as dx
    except ImportError as e:
        fail(str(e))
    if output is None:
        fail("--engine dask writes a folder of part files: give it with -o DIR", 2)
    if fmt not in (Format.jsonl, Format.parquet):
        fail("--engine dask writes jsonl or parquet parts: use --format jsonl|parquet", 2)
    if "-" in inputs:
        fail("--engine dask reads files, folders and URLs, not stdin", 2)
    if model:
        load_nlp(model, types)
    from distributed import Client

    client = Client(scheduler) if scheduler else dx.local_client(workers)
    try:
        bag = dx.records_bag(list(inputs), glob, text_key, id_key, date_key)
        manifest = dx.run_to_directory(dx.extract_bag(bag, model, types, date), str(output), fmt.value)
    finally:
        client.close()
    for f in manifest["failures"]:
        err.print(f["reason"], markup=False)
    if errors is not None:
        with atomic_writer(errors) as fh:
            for rec in manifest["failures"]:
                fh.write(dumps(rec) + "\n")
    err.print(
        f"read {manifest['documents']}, succeeded {manifest['succeeded']}, failed {manifest['failed']}; "
        f"events {manifest['events']}; {len(manifest['parts'])} parts in {output}",
        markup=False,
    )
    if manifest["succeeded"] == 0:
        raise typer.Exit(1)
    raise typer.Exit(3 if manifest["failed"] else 0)


def _write_stream(results, fmt: Format, out) -> None:
    if fmt is Format.jsonl:
        for r in results:
            out.write(dumps(r) + "\n")
            out.flush()
    elif fmt is Format.csv:
        write_csv(results, out)
    else:
        out.write("[\n")
        first = True
        for r in results:
            out.write(("" if first else ",\n") + json.dumps(r, ensure_ascii=False, indent=2))
            first = False
        out.write("\n]\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
