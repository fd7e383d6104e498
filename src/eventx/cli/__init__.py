"""The eventx command line: a thin layer over eventx's functions.

One module per command (``extract``, ``entities``, ``batch``, ``evaluate``, ``info``, ``report``, ``who``), the
shared options in ``options.py``. A command is a plain function registered below; its
``--format`` is a ``str`` Enum of its own, so Typer refuses a format the command does not
write (exit 2) and the enum's members name the writers (``eventx.writers``) it uses.
"""

from __future__ import annotations

import typer

from . import batch, entities, evaluate, extract, info, report, who

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Political events from German news.")
app.command("extract")(extract.extract)
app.command("entities")(entities.entities)
app.command("info")(info.info)
app.command("evaluate")(evaluate.evaluate)
app.command("batch")(batch.batch)
app.command("report")(report.report)
app.command("who")(who.who)


def main() -> None:
    app()


__all__ = ["app", "main"]
