"""TIMEX3 rules for dates that name their day, month, season, feast or year: "am 12. Mai",
"12.05.2024", "Anfang 2025", "im Herbst", "kurz vor Ostern", "seit 2003". Registered on import,
in this order, before the relative rules (eventx.timex)."""

from __future__ import annotations

import re

from .timex_core import (
    FEASTS,
    MONTH_RE,
    MONTH_WORDS,
    UNIT_AFTER_YEAR,
    YEAR_RE,
    _month_day,
    rule,
)
from .timex_words import DAYPART, MODS, MONTHS, NEXT_WORDS, PAST_WORDS, SEASONS, THIS_WORDS, WEEKDAYS, feast_date


@rule(r"\b(?:am\s+)?(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d\d|\d\d)?(?!\d)")
def numeric_date(m, ctx):
    day, month = int(m["d"]), int(m["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if m["y"]:
        year = int(m["y"])
        year = year + 2000 if year < 100 and year < 50 else (year + 1900 if year < 100 else year)
    else:
        year = ctx.year_for(month, day)
    return _month_day(year, month, day), None


@rule(
    needs=MONTH_WORDS,
    pattern=r"\b(?:(?:am|vom|seit\s+dem|ab\s+dem|seit|bis\s+zum|ab|zum)\s+)?(?:(?:"
    + "|".join(WEEKDAYS)
    + r")(?:"
    + DAYPART
    + r")?(?:,?\s+|(?P<paren>\s*\(\s*))(?:(?:dem|den)\s+)?)?"
    r"(?:(?:am\s+)?" + DAYPART + r"\s+des\s+)?"
    r"(?P<d>\d{1,2})\.(?:\s*(?:und|bis|/|-|–)\s*(?P<d2>\d{1,2})\.)?\s*" + MONTH_RE + r"(?:\s+" + YEAR_RE + r")?"
    r"(?:\s*(?:bis|-|–)\s*(?:zum\s+)?\d{1,2}\.\s*(?P<month2>"
    + MONTH_RE[len("(?P<month>") :]
    + r"(?:\s+(?P<year2>(?:1[89]|20)\d\d))?)?"
    r"\b(?(paren)\s*\))",
)
def day_month(m, ctx):
    """'am 12. Mai', 'Freitag (12. Mai)', 'vom 21. November bis 2. Dezember 2024' (a range: its start)."""
    day, month = int(m["d"]), MONTHS[m["month"].lower()]
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        year = int(m["year"])
    elif m["year2"]:  # the year written once, at the range's end
        year = int(m["year2"]) - (1 if month > MONTHS[m["month2"].lower()] else 0)
    else:
        year = ctx.year_for(month, day)
    return _month_day(year, month, day), None


@rule(
    r"\b(?P<mod>anfang|anfangs|mitte|ende|beginn|ausgang)\s+(?:des\s+)?(?:" + MONTH_RE + r"\s*)?(?:" + YEAR_RE + r")?\b",
    needs=tuple(MODS),
)
def part_of(m, ctx):
    mod = MODS[m["mod"].lower()]
    if m["month"]:
        month = MONTHS[m["month"].lower()]
        year = int(m["year"]) if m["year"] else ctx.year_for(month)
        return _month_day(year, month), mod
    if m["year"]:
        return m["year"], mod
    return None


@rule(
    r"\b(?:(?:im|seit|ab|bis|vom|des|von|bis\s+zum|im\s+monat)\s+)" + MONTH_RE + r"(?:\s+" + YEAR_RE + r")?\b", needs=MONTH_WORDS
)
def month_with_preposition(m, ctx):
    month = MONTHS[m["month"].lower()]
    year = int(m["year"]) if m["year"] else ctx.year_for(month)
    return _month_day(year, month), None


@rule(r"\b" + MONTH_RE + r"\s+" + YEAR_RE + r"\b", needs=MONTH_WORDS)
def month_year(m, ctx):
    return _month_day(int(m["year"]), MONTHS[m["month"].lower()]), None


@rule(
    r"\b(?:(?:im|in\s+den|seit|ab|bis)\s+)?(?:(?P<rel>"
    + PAST_WORDS
    + "|"
    + NEXT_WORDS
    + "|"
    + THIS_WORDS
    + r")\s+)?(?P<season>"
    + "|".join(SEASONS)
    + r")(?:\s+"
    + YEAR_RE
    + r")?\b",
    needs=tuple(SEASONS),
)
def season(m, ctx):
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        return f"{m['year']}-{code}", None
    rel = (m["rel"] or "").lower()
    base = ctx.dct.year if ctx.dct else ctx.anchor_year
    if base is None:
        return None, None
    if re.match(PAST_WORDS, rel):
        base -= 1 if ctx.dct is None or code in ("FA", "WI") and ctx.dct.month < 9 else 0
    elif re.match(NEXT_WORDS, rel):
        base += 1 if ctx.dct is None or code in ("SP", "SU") and ctx.dct.month >= 6 else 0
    elif ctx.dct is not None and code in SEASON_MONTHS:  # by tense: the next or the most recent one
        first, last = SEASON_MONTHS[code]
        if ctx.future and ctx.dct.month > last:
            base += 1
        elif not ctx.future and ctx.dct.month < first:
            base -= 1
    return f"{base:04d}-{code}", None


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}  # winter spans the turn of the year


@rule(
    r"\b(?:(?P<near>kurz|unmittelbar)\s+)?(?P<prep>vor|nach|an|zu|über|bis)?\s*(?P<hol>"
    + "|".join(sorted(FEASTS, key=len, reverse=True))
    + r")(?:\s+"
    + YEAR_RE
    + r")?\b",
    needs=FEASTS,
)
def holiday(m, ctx):
    """Feasts, fixed or moving with Easter: 'kurz vor Ostern', 'an Pfingsten 2019'."""
    name = re.sub(r"\s+", " ", m["hol"].lower())
    if m["year"]:
        day = feast_date(name, int(m["year"]))
    else:
        base = ctx.dct.year if ctx.dct else ctx.anchor_year
        if base is None:
            return None, None
        day = feast_date(name, base)
        if ctx.dct is not None and ctx.future and day < ctx.dct:
            day = feast_date(name, base + 1)
        elif ctx.dct is not None and not ctx.future and day > ctx.dct:
            day = feast_date(name, base - 1)
    prep = (m["prep"] or "").lower()
    mod = "BEFORE" if prep == "vor" else ("AFTER" if prep == "nach" else None)
    return day.isoformat(), mod


@rule(r"\b(?:(?:im|seit|bis|ab|von)\s+)?(?:(?:dem\s+)?jahre?\s+)?" + YEAR_RE + r"\b")
def year(m, ctx):
    if UNIT_AFTER_YEAR.match(m.string, m.end()):
        return None
    return m["year"], None
