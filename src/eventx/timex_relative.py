"""TIMEX3 rules for dates relative to the DCT: "gestern", "am Dienstag", "am Wochenende",
"vergangene Woche", "im Vorjahr", "vor drei Tagen". Registered on import, after the absolute
rules (eventx.timex)."""

from __future__ import annotations

import datetime as dt
import re

from . import timex_absolute  # noqa: F401  (registered first: the absolute rules run before these)
from .timex_core import NUM_RE, WEEKDAY_RE, Context, _add_months, _num, _week, _weekday_date, rule
from .timex_words import DAYPART, NEXT_WORDS, PAST_WORDS, RELATIVE_DAYS, THIS_WORDS, WEEKDAYS


@rule(r"\b(?P<rel>vorgestern|gestern|heute|übermorgen|morgen)(?P<part>\s*(?:" + DAYPART + r"))?\b", needs=tuple(RELATIVE_DAYS))
def relative_day(m, ctx):
    word = m["rel"]
    if word == "Morgen":  # the noun ("am Morgen", "Guten Morgen") is not a date
        return None
    if ctx.dct is None:
        return None, None
    return (ctx.dct + dt.timedelta(days=RELATIVE_DAYS[word.lower()])).isoformat(), None


@rule(r"\b(?:heutige[nmrs]?|derzeit|zurzeit)\b", needs=("heutig", "derzeit", "zurzeit"))
def present(m, ctx):
    """'am heutigen Sonntag', 'verhandelt derzeit': the DCT itself (no date without one)."""
    if ctx.dct is None:
        return None
    return ctx.dct.isoformat(), None


@rule(
    r"\b(?:(?P<night>in\s+der\s+nacht\s+(?:zum|auf\s+den))|(?:am|seit|bis|ab|vom)|(?:(?P<rel>"
    + PAST_WORDS
    + "|"
    + NEXT_WORDS
    + r"|diese[nmrs]?)))\s+"
    + WEEKDAY_RE
    + r"\b",
    needs=tuple(WEEKDAYS),
)
def weekday(m, ctx):
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    if rel and re.match(NEXT_WORDS, rel):
        ctx = Context(ctx.dct, ctx.anchor_year, True)
    elif rel and re.match(PAST_WORDS, rel):
        ctx = Context(ctx.dct, ctx.anchor_year, False)
    # "in der Nacht zum Samstag" is dated to the Saturday it ends on
    return _weekday_date(ctx, wd), None


@rule(
    r"\b(?:am\s+)?(?:(?:späten|frühen)\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")(?P<wdpart>" + DAYPART + r")\b",
    needs=tuple(WEEKDAYS),
)
def weekday_part(m, ctx):
    return _weekday_date(ctx, WEEKDAYS[m["wd"].lower()]), None


@rule(r"\b(?:(?:am|an\s+diesem|am\s+kommenden|am\s+vergangenen|am\s+letzten)\s+)wochenende\b", needs=("wochenende",))
def weekend(m, ctx):
    if ctx.dct is None:
        return None, None
    text = m.group(0).lower()
    future = ctx.future or "kommenden" in text
    if "vergangenen" in text or "letzten" in text:
        future = False
    delta = 5 - ctx.dct.weekday()
    if not future and delta > 0 and ctx.dct.weekday() < 5:
        delta -= 7
    return _week(ctx.dct + dt.timedelta(days=delta)) + "-WE", None


@rule(
    r"\b(?:(?:in\s+der|im\s+verlauf\s+der|im|in\s+den|in|am)\s+)?(?P<rel>"
    + PAST_WORDS
    + "|"
    + NEXT_WORDS
    + "|"
    + THIS_WORDS
    + r")\s+(?P<unit>woche|monat|monats|jahr|jahres)\b",
    needs=("woche", "monat", "jahr"),
)
def relative_unit(m, ctx):
    if ctx.dct is None:
        return None, None
    rel = m["rel"].lower()
    step = -1 if re.match(PAST_WORDS, rel) else (1 if re.match(NEXT_WORDS, rel) else 0)
    unit = m["unit"].lower()
    if unit == "woche":
        return _week(ctx.dct + dt.timedelta(weeks=step)), None
    if unit.startswith("monat"):
        y, mo = _add_months(ctx.dct, step)
        return f"{y:04d}-{mo:02d}", None
    return f"{ctx.dct.year + step:04d}", None


@rule(r"\b(?:im\s+)?(?P<w>vorjahr|folgejahr)\b", needs=("vorjahr", "folgejahr"))
def vorjahr(m, ctx):
    if ctx.dct is None:
        return None, None
    return f"{ctx.dct.year + (-1 if m['w'].lower() == 'vorjahr' else 1):04d}", None


@rule(
    r"\b(?P<dir>vor|in|binnen|nach)\s+(?:(?:etwa|rund|knapp|gut|ungefähr|fast|über|mehr\s+als)\s+)?"
    + NUM_RE
    + r"\s+(?P<unit>tagen|tag|wochen|woche|monaten|monat|jahren|jahr)\b",
    needs=("tag", "woche", "monat", "jahr"),
)
def offset(m, ctx):
    if ctx.dct is None:
        return None, None
    n = _num(m["num"])
    sign = -1 if m["dir"].lower() == "vor" else 1
    unit = m["unit"].lower()
    if unit.startswith("tag"):
        return (ctx.dct + dt.timedelta(days=sign * n)).isoformat(), None
    if unit.startswith("woche"):
        return _week(ctx.dct + dt.timedelta(weeks=sign * n)), None
    if unit.startswith("monat"):
        y, mo = _add_months(ctx.dct, sign * n)
        return f"{y:04d}-{mo:02d}", None
    return f"{ctx.dct.year + sign * n:04d}", None
