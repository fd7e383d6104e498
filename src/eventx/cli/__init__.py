"""The eventx command line: a thin layer over eventx's functions.

One module per command (``extract``, ``entities``, ``batch``, ``evaluate``, ``info``, ``report``, ``who``), the
shared options in ``options.py``. A command is a plain function registered below; its
``--format`` is a ``str`` Enum of its own, so Typer refuses a format the command does not
write (exit 2) and the enum's members name the writers (``eventx.writers``) it uses.
"""

from __future__ import annotations

import sys

import typer

from . import batch, entities, evaluate, extract, info, report, who

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Political events from German news. Errors are one line on stderr; add --debug anywhere "
    "(or set EVENTX_DEBUG=1) for the traceback of an unexpected one.",
)
app.command("extract")(extract.extract)
app.command("entities")(entities.entities)
app.command("info")(info.info)
app.command("evaluate")(evaluate.evaluate)
app.command("batch")(batch.batch)
app.command("report")(report.report)
app.command("who")(who.who)


def main(argv: list[str] | None = None) -> None:
    """The ``eventx`` command: every failure ends in one line on stderr (see eventx.cli.guard)."""
    from .guard import run

    run(app, sys.argv[1:] if argv is None else argv)


__all__ = ["app", "main"]
