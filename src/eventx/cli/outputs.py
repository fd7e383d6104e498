"""What extract and batch share for the outputs that are no text stream: SQLite databases and the
HTML report (``--report FILE``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Errors
from .options import fail, say


def write_database(results: Iterable[dict], output: Path | None, sources: dict[str, str | None]) -> None:
    """Add the results to the SQLite database ``output`` (created if missing; ids already there are skipped)."""
    from ..sqlite_store import SqliteFormatError, SqliteWriter

    if output is None:
        fail(Errors.E024, 2)
    try:
        with SqliteWriter(output) as db:
            for r in results:
                db.add(r, sources.get(r["id"]))
    except SqliteFormatError as e:
        fail(Errors.E025.format(reason=e))
    stats = db.stats
    skipped = f", {stats.documents_skipped} already there (same id) skipped" if stats.documents_skipped else ""
    say(f"{output}: {stats.documents_added} documents and {stats.events_added} events added{skipped}")


def check_report_dependency(report: Path | None) -> None:
    """With --report, end at once (one line, exit 1) when the report's plotting library is missing."""
    if report is None:
        return
    from ..report import ReportDependencyMissing, require_bokeh

    try:
        require_bokeh()
    except ReportDependencyMissing as e:
        fail(str(e))


def kept(results: Iterable[dict], into: list[dict] | None) -> Iterator[dict]:
    """The results, also kept in ``into`` (for the report) unless it is None."""
    for r in results:
        if into is not None:
            into.append(r)
        yield r


def write_report_file(results: list[dict], report: Path | None, title: str = "eventx report") -> None:
    if report is None:
        return
    from ..report import write_report

    size = write_report(results, report, title)
    events = sum(len(r["events"]) for r in results)
    say(f"{report}: report of {len(results)} documents, {events} events ({size / 1e6:.1f} MB, opens without network)")
