"""Actors named without a name: a title or demonym that refers back to a person ('der
Minister', 'die Dänin', 'der US-Außenminister'), or, when the article names nobody who fits,
stands for its country ('der österreichische Außenminister traf seinen britischen
Amtskollegen': Austria and Britain act).

Pure functions over a doc that eventx_countries annotated and over the person actors of
eventx_actors (dicts with ``mentions`` as token ranges [start, end)).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Doc, Span

from .rules import word_set

RoleOf = Callable[[str], "tuple[str, str, str | None] | None"]  # title -> (title, code, implied country)
DETERMINERS = word_set("referring_determiners")  # "der Minister", "seinen britischen Amtskollegen"
COUNTERPART_TITLES = word_set("counterpart_titles")  # "Amtskollege": someone else's counterpart, never a referent


class Unnamed(NamedTuple):
    """A country that acts through an office holder the article does not name."""

    start: int
    end: int
    iso3: str
    code: str
    title: str


def resolve_references(
    doc: Doc, role_of: RoleOf, persons: list[dict], place_at: dict[int, Span], taken: set[int]
) -> tuple[set[int], list[Unnamed]]:
    """Add the mentions of titles and demonyms that refer back to persons to those persons;
    return (the tokens used, office holders without a name that stand for their country)."""
    used: set[int] = set()
    unnamed: list[Unnamed] = []
    for i, tok in enumerate(doc):
        if i in taken or i in used or not tok.text[:1].isupper():
            continue
        place = place_at.get(i)
        if place is not None and place.label_ == "demonym" and place.start == i:
            person = _demonym_referent(doc, place, persons)
            if person is not None:
                person["mentions"].append([i, place.end])
                used.update(range(i, place.end))
            continue
        found = _title_reference(doc, i, role_of, place_at, taken)
        if found is None:
            continue
        start, title, code, country = found
        headline = not any(t.is_sent_start for t in doc[1 : start + 1])
        person = None if title.lower() in COUNTERPART_TITLES else _title_referent(persons, i, title, country, headline)
        if person is not None:
            person["mentions"].append([start, i + 1])
            used.update(range(start, i + 1))
        elif country and "|" not in country:
            unnamed.append(Unnamed(start, i + 1, country, country + (code or ""), title))
            used.update(range(start, i + 1))
    return used, unnamed


def _title_reference(
    doc: Doc, i: int, role_of: RoleOf, place_at: dict[int, Span], taken: set[int]
) -> tuple[int, str, str, str | None] | None:
    """(first token, title, code, country) of a title without a name after it: 'der Minister',
    'der österreichische Außenminister', 'seinen britischen Amtskollegen', 'US-Außenminister'."""
    role = role_of(doc[i].text)
    if role is None or (i + 1 < len(doc) and (i + 1 in taken or doc[i + 1].ent_type_ == "PER")):
        return None
    title, code, country = role
    start = i
    own = place_at.get(i)
    if own is not None and own.label_ == "prefix" and own._.iso3:
        country = own._.iso3  # "US-Außenminister"
    k = i - 1
    if k >= 0 and k in place_at and place_at[k].label_ == "adjective" and place_at[k]._.iso3:
        country, start = place_at[k]._.iso3, k  # "der österreichische Außenminister"
        k -= 1
    if k >= 0 and doc[k].lower_ not in DETERMINERS and not doc[k + 1].is_sent_start:
        return None  # "Bundespräsident traf Merkel" opens a headline; elsewhere a determiner leads
    return start, title, code, country


def _title_referent(persons: list[dict], position: int, title: str, country: str | None, headline: bool) -> dict | None:
    """The last person named before ``position`` whose title ends in ``title`` (and of
    ``country`` when one is given); in the headline, the first one named after it."""
    title = title.lower()
    fitting = [
        p
        for p in persons
        if (p.get("role") or "").lower().endswith(title)
        and not (country and "|" not in country and p.get("country") not in (None, country))
    ]
    best, best_start = None, -1
    for p in fitting:
        for s, _ in p["mentions"]:
            if best_start < s < position:
                best, best_start = p, s
    if best is None and headline:  # "Bundespräsident traf Merkel und Gauck": named in the text below
        later = [(min(s for s, _ in p["mentions"]), p) for p in fitting if p["mentions"]]
        best = min(later, key=lambda x: x[0])[1] if later else None
    return best


def _demonym_referent(doc: Doc, place: Span, persons: list[dict]) -> dict | None:
    """'die Dänin', 'der Franzose': the last person of that country named before, when the
    determiner and the ending make the demonym singular ('die Franzosen' is the country)."""
    if place.start == 0 or not place._.iso3:
        return None
    det, word = doc[place.start - 1].lower_, place.text
    singular = (
        (det in ("der", "dem", "des") and not word.endswith("innen"))
        or (det == "die" and word.endswith("in"))
        or (det == "den" and not word.endswith("innen"))
    )
    if not singular:
        return None
    best, best_start = None, -1
    for p in persons:
        if p.get("country") != place._.iso3:
            continue
        for s, _ in p["mentions"]:
            if best_start < s < place.start:
                best, best_start = p, s
    return best
