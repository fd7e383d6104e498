"""German compounds whose modifiers name the parties of an event (pure functions).

"EU-China-Gipfel" (EU and China meet), "G-20-Gipfel" (the G20), "Chinabesuch" (a visit to
China), "Merkel-Besuch": the head ("Gipfel", "Besuch") is the trigger, the modifiers are
looked up in a gazetteer. Hyphenated chunks are joined greedily, the longest known join
first ("G-20" before "G"); an unhyphenated modifier is tried whole and without a linking
"s" ("Regierungs").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from .rules import load_organisations

T = TypeVar("T")


def modifier_of(word: str, head: str) -> str:
    """The part of ``word`` before its head (case-insensitive), without a trailing hyphen."""
    for form in (word.lower(), *(word.lower()[: -len(e)] for e in ("es", "s", "en", "n") if word.lower().endswith(e))):
        if form.endswith(head.lower()) and len(form) > len(head):
            return word[: len(form) - len(head)].rstrip("-")
    return ""


def known_parts(modifier: str, lookup: Callable[[str], T | None]) -> list[T]:
    """What the hyphen-separated chunks of a modifier name, in order."""
    chunks = [c for c in modifier.split("-") if c]
    out: list[T] = []
    i = 0
    while i < len(chunks):
        for j in range(len(chunks), i, -1):
            hit = _lookup("-".join(chunks[i:j]), lookup)
            if hit is not None:
                out.append(hit)
                i = j
                break
        else:
            i += 1
    return out


def _lookup(text: str, lookup: Callable[[str], T | None]) -> T | None:
    hit = lookup(text)
    if hit is None and len(text) > 4 and text.endswith("s"):
        hit = lookup(text[:-1])  # linking s: "Chinas" in "Chinasreise" is rare, "Staats" is none
    return hit


def nominative_alias(surface: str, forms: list[str]) -> str:
    """The form of a name as a gold annotator writes it: of the forms of one organisation
    (nominative first, as organisations.tsv lists them), the first with as many words and
    the same last word ("Europäischen Union" -> "Europäische Union"); else the surface."""
    words = surface.split()
    for form in forms:  # a genitive: "Europaparlaments" -> "Europaparlament"
        if surface in (form + "s", form + "es"):
            return form
    for form in forms:
        fw = form.split()
        if len(fw) == len(words) and fw[-1] == words[-1]:
            return form
    return surface


@lru_cache(maxsize=1)
def organisation_canonical() -> dict[str, str]:
    """Every form of an organisation's name -> its canonical name ("Europäische Union" -> "EU")."""
    return {form: name for name, forms in organisation_forms().items() for form in forms}


@lru_cache(maxsize=1)
def organisation_forms() -> dict[str, list[str]]:
    """canonical organisation name -> its forms in file order (the name, then the aliases)."""
    out: dict[str, list[str]] = {}
    for surface, name in load_organisations().items():
        out.setdefault(name, []).append(surface)
    return out


def compound_parties(doc, trigger, head: str) -> list[dict]:
    """Countries and organisations named by the modifiers of a compound trigger
    ("EU-China-Gipfel": the EU and China), as actors of ``doc._.actors`` (added there, with
    the trigger word as their mention, when the article names them nowhere else)."""
    from .components.countries import gazetteer  # the gazetteer needs the country tables

    phrases = gazetteer()[0]
    modifier = modifier_of(trigger.text, head)
    if not modifier or not modifier[:1].isupper():
        return []
    hits = known_parts(modifier, lambda s: (s, *phrases[s]) if s in phrases else None)
    actors = doc._.actors if doc._.actors is not None else []
    out: list[dict] = []
    for surface, iso3, kind, name in hits:
        if kind == "org":
            written = nominative_alias(surface, organisation_forms().get(name, [name]))
            actor = next((a for a in actors if a["kind"] == "org" and a["name"] == written), None)
            new = {"name": written, "kind": "org", "country": None, "code": None}
        elif iso3 and kind in ("country", "capital", "demonym"):
            actor = next((a for a in actors if a["kind"] == "country" and a["country"] == iso3), None)
            new = {"name": name, "kind": "country", "country": iso3, "code": iso3}
        else:
            continue
        if actor is None:
            actor = {"id": 1 + max((a["id"] for a in actors), default=0), "role": None, "mentions": [], **new}
            actors.append(actor)
        if [trigger.i, trigger.i + 1] not in actor["mentions"]:
            actor["mentions"].append([trigger.i, trigger.i + 1])
        if actor not in out:
            out.append(actor)
    return out


def treaty_parties_named(text: str, head: str) -> bool:
    """Whether the modifiers of a treaty noun name its parties: two countries or
    organisations ("EU-Türkei-Abkommen") or one country ("Iran-Deal"). One organisation
    names its founding treaty ("EU-Vertrag"), a city where it was signed ("Dublin-Abkommen").
    Pure (adds no actor), for the trigger matcher."""
    from .components.countries import gazetteer

    phrases = gazetteer()[0]
    modifier = modifier_of(text, head)
    if not modifier or not modifier[:1].isupper():
        return False
    hits = known_parts(modifier, lambda s: phrases[s][:2] if s in phrases else None)
    kinds = [kind for _, kind in hits if kind in ("country", "demonym", "org")]
    return len(kinds) >= 2 or kinds == ["country"] or kinds == ["demonym"]

