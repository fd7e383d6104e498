"""eventx: political events (phone calls, visits, meetings, treaties) from German news.

>>> import eventx
>>> result = eventx.extract("Scholz telefonierte am Montag mit Macron.", date="2024-10-30")
>>> [e["type"] for e in result["events"]]
"""

from __future__ import annotations

from . import extensions, sentence_cap  # noqa: F401
from .components import actors, countries, dates, events  # noqa: F401  (register factories)

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "load", "process"]


def load(model: str | None = None, types: list[str] | None = None, rules: list[str] | None = None):
    """The spaCy pipeline with the eventx components (the shipped model by default); ``rules``:
    user rule files (see eventx.user_rules)."""
    from .pipeline import load as _load

    return _load(model, types, rules)


def make_doc(nlp, text: str, date: str | None = None):
    """A tokenized Doc that carries its article date (``doc._.dct``) for the pipeline."""
    doc = nlp.make_doc(text)
    doc._.dct = date
    return doc


def process(nlp, text: str, date: str | None = None):
    """Run ``nlp`` on ``text`` with the article date ``date`` (YYYY-MM-DD or None)."""
    return nlp(make_doc(nlp, text, date))


def extract(
    text: str, date: str | None = None, doc_id: str = "-", model: str | None = None, types: list[str] | None = None
) -> dict:
    """Extract events from one German text; returns the document result (see eventx.schema)."""
    from .schema import document_result
    from .timex import parse_date

    if date is not None:
        parse_date(date)
    nlp = load(model, types)
    return document_result(process(nlp, text, date), doc_id)
