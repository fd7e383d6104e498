"""What the commands share: options, the stderr console, and the checks that end a command."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

from ..errors import Errors, EventxError
from ..rules import EVENT_TYPES

err = Console(stderr=True, highlight=False, soft_wrap=True)

OUTPUT_OPT = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout.")
DATE_OPT = typer.Option(None, "--date", help="Article date YYYY-MM-DD (anchors relative dates).")
MODEL_OPT = typer.Option(None, "--model", help="spaCy package name or pipeline path (default: the shipped pipeline).")
TYPES_OPT = typer.Option(None, "--types", help="Comma-separated event types: " + ",".join(EVENT_TYPES) + " (and --rules' types).")
RULES_OPT = typer.Option(
    None, "--rules", help="User rule file (JSONL: more triggers, new event types, modality cues); repeatable."
)


def format_option(default, help: str = "Output format."):
    """The --format/-f option of a command, over the command's own format enum."""
    return typer.Option(default, "--format", "-f", help=help)


def say(message: str) -> None:
    """One line on stderr, printed as is."""
    err.print(message, markup=False)


def fail(message: str, code: int = 1) -> NoReturn:
    say(message)
    raise typer.Exit(code)


def check_outputs(output, inputs=(), errors=None) -> None:
    """-o (and --errors) can be written and name no input, or the command ends here (E011-E014),
    before any extraction work."""
    from ..errors import OutputError
    from ..output_path import check_output

    try:
        check_output(output, [str(i) for i in inputs], errors)
        check_output(errors, [str(i) for i in inputs])
    except OutputError as e:
        fail(str(e))


def check_glob_option(glob: str) -> None:
    from ..readers import check_glob

    try:
        check_glob(glob)
    except EventxError as e:
        fail(str(e), 2)


def check_date(date: str | None) -> None:
    from ..timex import parse_date

    if date is None:
        return
    try:
        parse_date(date)
    except ValueError:
        fail(Errors.E005.format(value=date))


def check_rules(rules: list[str] | None) -> list[str]:
    """The user rule files, checked now so a bad line ends the command with one line (exit 1)."""
    from ..user_rules import load_user_rules

    try:
        load_user_rules(rules)
    except EventxError as e:
        fail(str(e))
    return [str(r) for r in rules or ()]


def parse_types(types: str | None, rules: list[str] | None = None) -> list[str] | None:
    if not types:
        return None
    from ..user_rules import load_user_rules

    known = list(EVENT_TYPES) + (load_user_rules(rules).types if rules else [])
    names = [t.strip() for t in types.split(",") if t.strip()]
    unknown = [t for t in names if t not in known]
    if unknown:
        fail(Errors.E008.format(names=", ".join(unknown), choices=", ".join(known)), 2)
    return names


def load_nlp(model: str | None, types: list[str] | None, rules: list[str] | None = None):
    from ..pipeline import load

    try:
        return load(model, types, rules)
    except EventxError as e:
        fail(str(e))
