"""eventx: political events (phone calls, visits, meetings, treaties) from German news.

>>> import eventx
>>> result = eventx.extract("Scholz telefonierte am Montag mit Macron.", date="2024-10-30")
>>> [e["type"] for e in result["events"]]
"""

from __future__ import annotations

from . import extensions, sentence_cap  # noqa: F401
from .components import actors, countries, dates, events  # noqa: F401  (register factories)
from .document import make_doc, process

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "load", "make_doc", "process"]


def load(model: str | None = None, types: list[str] | None = None, rules: list[str] | None = None):
    """The spaCy pipeline with the eventx components (the shipped model by default); ``rules``:
    user rule files (see eventx.user_rules)."""
    from .pipeline import load as _load

    return _load(model, types, rules)


def extract(
    text: str, date: str | None = None, doc_id: str = "-", model: str | None = None, types: list[str] | None = None
) -> dict:
    """Extract events from one German text; returns the document result (see eventx.schema).
    Raises ValueError for a date that is not YYYY-MM-DD."""
    from .document import extract_document
    from .readers import make_record

    record = make_record(doc_id, text, date)
    if record.error:
        raise ValueError(record.error)
    return extract_document(load(model, types), record)
