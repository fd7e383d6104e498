"""The registered loaders of the components' default rules (spaCy's ``registry.misc``).

A component's config names its rule tables by these versioned names, e.g.
``triggers = {"@misc": "eventx.default_triggers.v1"}``; a pipeline saved with ``to_disk``
carries the tables themselves, which ``from_disk`` reads over these defaults. Every loader
returns a fresh copy. ``*_from_file`` readers take a file of the shipped format instead.
"""

from __future__ import annotations

from pathlib import Path

from spacy.util import registry

from ..rules import (
    load_country_table,
    load_cues,
    load_name_heads,
    load_name_titles,
    load_organisation_table,
    load_plover,
    load_roles,
    load_tense_words,
    load_triggers,
)


# -- name_rules ----------------------------------------------------------------
@registry.misc("eventx.default_name_titles.v1")
def default_name_titles() -> dict[str, str]:
    """The shipped words beside names (``resources/name_titles.tsv``): word -> title, rank or kin."""
    return load_name_titles()


@registry.misc("eventx.default_name_heads.v1")
def default_name_heads() -> dict[str, tuple[str, bool]]:
    """The shipped organisation and place heads (``resources/name_heads.tsv``): word -> (label, as suffix)."""
    return load_name_heads()


# -- countries -----------------------------------------------------------------
@registry.misc("eventx.default_countries.v1")
def default_countries() -> list[dict]:
    """The shipped country table (``resources/countries.tsv``), a fresh copy."""
    return load_country_table()


@registry.misc("eventx.default_organisations.v1")
def default_organisations() -> dict[str, dict[str, str]]:
    """The shipped organisations (``resources/organisations.tsv``): {"names": surface form -> name,
    "countries": name -> country of a national organisation}."""
    return load_organisation_table()


# -- dates ---------------------------------------------------------------------
@registry.misc("eventx.default_tense_words.v1")
def default_tense_words() -> dict[str, list[str]]:
    """The shipped words that put a sentence in the future or the past (``word_lists.json``)."""
    return load_tense_words()


# -- actors --------------------------------------------------------------------
@registry.misc("eventx.default_roles.v1")
def default_roles() -> dict[str, tuple[str, str | None]]:
    """The shipped role titles (``resources/roles.tsv``): title -> (code, implied ISO3), a fresh copy."""
    return load_roles()


# -- events --------------------------------------------------------------------
@registry.misc("eventx.default_triggers.v1")
def default_triggers() -> list[dict]:
    """The shipped trigger rules (``resources/triggers.jsonl``), a fresh copy."""
    return load_triggers()


@registry.misc("eventx.triggers_from_file.v1")
def triggers_from_file(path: str) -> list[dict]:
    """Trigger rules from a JSONL file of the shipped format."""
    return load_triggers(Path(path))


@registry.misc("eventx.default_cues.v1")
def default_cues() -> list[dict]:
    """The shipped modality cues (``resources/modality_cues.jsonl``), a fresh copy."""
    return load_cues()


@registry.misc("eventx.cues_from_file.v1")
def cues_from_file(path: str) -> list[dict]:
    """Modality cues from a JSONL file of the shipped format."""
    return load_cues(Path(path))


@registry.misc("eventx.default_plover.v1")
def default_plover() -> dict[str, dict]:
    """The shipped PLOVER event and mode per event type (``resources/plover.tsv``)."""
    return load_plover()
