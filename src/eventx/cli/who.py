"""eventx who: the office holders a name matches, with country, office and term."""

from __future__ import annotations

import json
import re
from enum import Enum

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from .options import check_date, format_option

PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")
COLUMNS = ("name", "country", "office", "code", "start", "end", "qid")
WHOLE = ("code", "start", "end", "qid")  # never cut or wrapped: each column as wide as its longest value


class WhoFormat(str, Enum):
    table = "table"
    json = "json"


def who(
    name: str = typer.Argument(..., help="A full name or surname, German or English spelling ('Lawrow', 'Kim Jong Un')."),
    date: str | None = typer.Option(None, "--date", help="Only terms covering this date (YYYY-MM-DD; YYYY-MM or YYYY also do)."),
    fmt: WhoFormat = format_option(WhoFormat.table),
) -> None:
    """Who held which office: the matching persons of the office-holder knowledge base."""
    from ..kb import who as lookup

    if date is not None and not PARTIAL_DATE.match(date):
        check_date(date)
    rows = lookup(name, date)
    if fmt is WhoFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    out = Console()
    if not rows:
        out.print(f"no office holder matches {name!r}" + (f" on {date}" if date else ""), markup=False)
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)  # fits 80 columns
    for col in COLUMNS:
        if col in WHOLE:
            table.add_column(col, no_wrap=True, min_width=max(len(str(r[col] or "")) for r in [{col: col}, *rows]))
        else:
            table.add_column(col, overflow="fold")  # names wrap at spaces, long offices fold: nothing is cut
    for r in rows:
        where = r["country"] or r["org"]
        table.add_row(r["name"], where, r["office"], r["code"], r["start"], r["end"] or "", r["qid"] or "")
    out.print(table)
