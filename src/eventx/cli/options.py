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
TYPES_OPT = typer.Option(None, "--types", help="Comma-separated event types: " + ",".join(EVENT_TYPES))


def format_option(default, help: str = "Output format."):
    """The --format/-f option of a command, over the command's own format enum."""
    return typer.Option(default, "--format", "-f", help=help)


def say(message: str) -> None:
    """One line on stderr, printed as is."""
    err.print(message, markup=False)


def fail(message: str, code: int = 1) -> NoReturn:
    say(message)
    raise typer.Exit(code)


def check_date(date: str | None) -> None:
    from ..timex import parse_date

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
    from ..pipeline import load

    try:
        return load(model, types)
    except EventxError as e:
        fail(str(e))
