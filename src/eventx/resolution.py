"""Who a person mention is, by the office-holder knowledge base (``eventx.kb``).

The text's evidence comes first (a nationality adjective, "Russlands Außenminister", an
apposition: eventx_actors finds those); this module adds what a reader knows. A person whose full
name, or surname alone, matches a term of office that covers the article's date (the DCT, else
the years the article names) gets that term's country, office, sector code and Wikidata id.
Among several candidates the one whose office fits the role word in the text wins, else the
single most senior office; when two different persons remain, nobody is chosen.

    >>> resolve("Lawrow", ["2015-06-01"]).country
    'RUS'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from . import kb as kb_module
from .kb import Holder, KnowledgeBase

YEAR = re.compile(r"\b(19[4-9]\d|20[0-4]\d)\b")
ENDINGS = ("en", "n", "s", "es")
SURNAME_MIN_RANK = 60  # head of state/government, deputy, foreign, defence, finance, interior minister


@lru_cache(maxsize=1)
def load_role_offices() -> dict[str, tuple[str, ...]]:
    """German role title (lower case) -> offices it can name, from resources/role_offices.tsv."""
    text = resources.files("eventx.resources").joinpath("role_offices.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            title, offices = line.split("\t")[:2]
            out[title.strip()] = tuple(o for o in offices.split("|") if o)
    return out


def role_offices(role: str | None) -> tuple[str, ...]:
    """Offices a role word can name: 'Außenministers' -> ('foreign_minister', ...); () if unknown."""
    if not role:
        return ()
    table = load_role_offices()
    lower = role.lower()
    for cand in (lower, *(lower[: -len(e)] for e in ENDINGS if lower.endswith(e) and len(lower) > len(e) + 3)):
        if cand in table:
            return table[cand]
    for title in sorted(table, key=len, reverse=True):  # compounds: "US-Außenminister", "Ex-Präsident" aside
        if lower.endswith(title) and len(title) >= 6:
            return table[title]
    return ()


def article_dates(dct: str | None, text: str) -> list[str]:
    """When the article speaks: [DCT] if known, else the years it names ('2015'), else [] (any time)."""
    if dct:
        return [dct[:10]]
    return sorted(set(YEAR.findall(text)))


def candidates(name: str, dates: Iterable[str], kb: KnowledgeBase | None = None) -> list[Holder]:
    """Terms matching the name that cover the date (all terms when there is no date).

    Years named by an undated article are tried from the latest: an article is usually written
    after the years it names, so the latest year with a term wins ('2009, 2014, 2015': 2015).
    """
    return _candidates(name, dates, kb)[0]


def _candidates(name: str, dates: Iterable[str], kb: KnowledgeBase | None) -> tuple[list[Holder], bool]:
    kb = kb or kb_module.load()
    indices, full = kb.matches(name)
    found = [kb.term(i) for i in indices]
    dates = sorted(dates, reverse=True)
    for d in dates:
        covering = [h for h in found if h.covers(d)]
        if covering:
            return sorted(covering, key=lambda h: (-h.rank, h.start)), full
    return ([] if dates else sorted(found, key=lambda h: (-h.rank, h.start))), full


def person_of(h: Holder) -> str:
    return h.qid or h.name


def choose(found: list[Holder], role: str | None = None) -> Holder | None:
    """The term meant: one whose office fits the role word, else the single most senior; None when
    different persons tie."""
    if not found:
        return None
    offices = role_offices(role)
    if offices:
        fitting = [h for h in found if h.office in offices]
        if fitting:
            found = sorted(fitting, key=lambda h: (offices.index(h.office), -h.rank))
            best = [h for h in found if h.office == found[0].office]
            return best[0] if len({person_of(h) for h in best}) == 1 else None
    best_rank = found[0].rank
    top = [h for h in found if h.rank == best_rank]
    if len({person_of(h) for h in top}) == 1:
        return top[0]
    return None


def resolve(
    name: str,
    dates: Iterable[str],
    role: str | None = None,
    country: str | None = None,
    kb: KnowledgeBase | None = None,
    context: set[str] | None = None,
) -> Holder | None:
    """The term of office a person mention refers to, or None.

    name (str): the person's name as the article writes it (full name or surname).
    dates (Iterable[str]): the article's date or years (``article_dates``); empty: any time.
    role (str | None): the role word the text gives ("Außenminister"), if any.
    country (str | None): the country the text gives (ISO3); then only terms of that country count.
    context (set[str] | None): the countries (ISO3) and organisations the article names; a
        surname alone that several persons share, without a fitting role word, counts only for
        a holder of one of them ('Keita' in a football report is not Mali's president; 'Merkel'
        needs no context).
    RETURNS (Holder | None): the chosen term.
    """
    dates = list(dates)
    found, full = _candidates(name, dates, kb)
    offices = role_offices(role)
    if offices and dates and all(len(d) == 4 for d in dates) and not any(h.office in offices for h in found):
        # years named in an undated article are weak evidence; a fitting role word is stronger
        # ("Ratspräsident Tusk" in an article that mentions 2013)
        fitting = [h for h in candidates(name, [], kb) if h.office in offices]
        found = fitting or found
    if country:
        found = [h for h in found if h.country == country]
    chosen = choose(found, role)
    if chosen is not None and not full and chosen.office not in offices:
        if chosen.rank < SURNAME_MIN_RANK:
            return None  # a surname alone names a junior office holder only with a fitting role word
        if context is not None and (chosen.country or chosen.org) not in context and _shared_surname(name, kb):
            return None  # nor, if others share the surname, anyone whose country the article never mentions
    if chosen is not None and not dates and not offices:
        # no date known: of the person's offices, the latest (Juncker: the Commission, not Luxembourg)
        chosen = max((h for h in found if person_of(h) == person_of(chosen)), key=lambda h: (h.start, h.rank))
    return chosen


def _shared_surname(name: str, kb: KnowledgeBase | None) -> bool:
    """A one-word name that several persons of the knowledge base have ('Keita', 'Fischer'; not 'Merkel')."""
    return " " not in name.strip() and (kb or kb_module.load()).persons_called(name) > 1


def role_holder(role: str | None, country: str, dates: Iterable[str], kb: KnowledgeBase | None = None) -> Holder | None:
    """Who holds the office a role word names in a country at the article's date: 'der russische
    Außenminister' with DCT 2015 -> Sergej Lawrow. Only when the date is known (a DCT or the years
    an article names, tried from the latest) and exactly one person held the first office the
    role word can name ('Minister' alone names many: None).
    """
    kb = kb or kb_module.load()
    offices = role_offices(role)
    if not offices or not country:
        return None
    for d in sorted(dates, reverse=True):
        found = kb.holders(country, offices[0], d)
        if found:
            return found[0] if len({person_of(h) for h in found}) == 1 else None
    return None
