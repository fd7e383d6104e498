"""eventx report: one self-contained HTML file (timeline, actor network, filterable table) from results."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import EventxError
from .options import fail
from .outputs import check_report_dependency, write_report_file


def report(
    results: list[Path] = typer.Argument(..., help="JSON Lines of `eventx batch` or JSON of `eventx extract -f json`."),
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (atomically)."),
    title: str = typer.Option("eventx report", "--title", help="The page's title."),
) -> None:
    """An HTML report of extracted events that opens with no network: timeline, actor network, table."""
    from ..report import read_results

    check_report_dependency(output)
    try:
        docs = read_results(results)
    except EventxError as e:
        fail(str(e))
    write_report_file(docs, output, title)
