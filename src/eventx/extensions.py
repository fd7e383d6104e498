"""All Doc and Span extensions that eventx sets, in one table.

Defaults are ``None`` (never a shared mutable list); components assign fresh values.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_EXTENSIONS: dict[str, dict] = {
    "dct": {"default": None},  # document creation time, "YYYY-MM-DD" or None
    "anchor_year": {"default": None},  # year used for dates without one when no DCT is known
    "actors": {"default": None},  # list[dict], see components/actors.py
    "events": {"default": None},  # list[dict] in the result schema
}
SPAN_EXTENSIONS: dict[str, dict] = {
    "iso3": {"default": None},  # ISO 3166-1 alpha-3 code of a place, adjective, demonym
    "place_kind": {"default": None},  # country | adjective | demonym | capital | org
    "place_name": {"default": None},  # canonical name ("Russland" for "Moskau" is not done: that's iso3)
    "timex": {"default": None},  # {"value": ..., "mod": ...}
}


def register(force: bool = False) -> None:
    """Register the extensions (idempotent)."""
    for name, kwargs in DOC_EXTENSIONS.items():
        if force or not Doc.has_extension(name):
            Doc.set_extension(name, force=True, **kwargs)
    for name, kwargs in SPAN_EXTENSIONS.items():
        if force or not Span.has_extension(name):
            Span.set_extension(name, force=True, **kwargs)


register()
