"""eventx entities: persons, countries, organisations and dates in one article."""

from __future__ import annotations

from enum import Enum

import typer

from .. import writers
from ..readers import path_record
from .options import DATE_OPT, MODEL_OPT, check_date, fail, format_option, load_nlp


class EntitiesFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


WRITERS = {
    EntitiesFormat.table: writers.ENTITIES_TABLE,
    EntitiesFormat.json: writers.JSON,
    EntitiesFormat.jsonl: writers.JSONL,
}


def entities(
    path: str = typer.Argument(..., help="A text file, or - for stdin."),
    fmt: EntitiesFormat = format_option(EntitiesFormat.table),
    date: str | None = DATE_OPT,
    model: str | None = MODEL_OPT,
) -> None:
    """Persons (role, country), countries (ISO3), organisations and dates in an article."""
    from ..document import extract_entities

    check_date(date)
    record = path_record(path)
    if record.error:
        fail(record.error)
    nlp = load_nlp(model, None)
    result = extract_entities(nlp, record.text or "", record.id, date)
    writers.write_results([result], WRITERS[fmt], None)
