"""German temporal expressions -> TIMEX3-style values (pure functions, no spaCy).

``find_timexes(text, Context(dct, anchor_year, future))`` returns the expressions with
character offsets and values (the rules: eventx.timex_absolute, eventx.timex_relative):

    "am 29. Oktober"           -> 2024-10-29 (year from the DCT, or the article's years)
    "Anfang 2025"              -> 2025, mod START
    "vergangene Woche"         -> 2024-W43 (needs the DCT)
    "am Dienstag" (no DCT)     -> value None, text kept

Resolution of a day or month without a year follows news reasoning: the most
recent such date not after the DCT for past-tense sentences, the next one for
future-tense sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .timex_absolute import day_month, month_with_preposition, month_year, numeric_date, part_of, year
from .timex_core import NEEDS, RULES, Context, Rule, Timex
from .timex_relative import relative_day  # noqa: F401  (registers the relative rules, after the absolute ones)

__all__ = ["Context", "Rule", "RULES", "Timex", "article_anchor_year", "find_timexes", "parse_date", "resolve"]


def find_timexes(text: str, ctx: Context | Callable[[int], Context], rules: list[Rule] | None = None) -> list[Timex]:
    """All temporal expressions in ``text``, leftmost-longest, without overlaps.

    ctx: a Context, or a function from a character offset to the Context there
    (so that the tense of each sentence can be taken into account).
    """
    found: list[tuple[int, int, Callable, re.Match]] = []
    lowered = text.lower()
    for pattern, fn in rules or RULES:
        needs = NEEDS.get(fn)
        if needs and not any(w in lowered for w in needs):
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start() and m.group(0).strip():
                found.append((m.start(), m.end(), fn, m))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[Timex] = []
    last_end = -1
    for start, end, fn, m in found:
        if start < last_end:
            continue
        here = ctx(start) if callable(ctx) else ctx
        try:
            resolved = fn(m, here)
        except (OverflowError, ValueError):  # beyond year 1 or 9999: "gestern" on 0001-01-01
            resolved = (None, None)  # the expression stays, without a value
        if resolved is None:  # matched the shape, but is no date ("2000 Soldaten", "am Morgen")
            continue
        value, mod = resolved
        raw = m.group(0)
        stripped = raw.rstrip(" ,")
        out.append(Timex(start, start + len(stripped), stripped, value, mod))
        last_end = end
    return out


EXPLICIT_YEAR_RULES = [r for r in RULES if r[1] in (numeric_date, day_month, part_of, month_with_preposition, month_year, year)]


def resolve(text: str, ctx: Context) -> tuple[str | None, str | None] | None:
    """Value and mod of a time expression read again under another context (another tense:
    a date found in a past-tense sentence that belongs to a planned event)."""
    for t in find_timexes(text, ctx):
        if t.start == 0:
            return t.value, t.mod
    return None


def article_anchor_year(text: str) -> int | None:
    """The year an article is about, from the years it mentions.

    Full dates weigh 3, month + year 2. Bare years ("seit 2003", "1949 einverleibt") are
    history or outlook more often than the article's own year and do not count: an article
    that names only those leaves a day or month without a year as XXXX, as the gold does.
    Ties go to the earlier year.
    """
    weights: dict[int, float] = {}
    ctx = Context(None, None)
    for t in find_timexes(text, ctx, EXPLICIT_YEAR_RULES):
        if not t.value or not t.value[:4].isdigit():
            continue
        y = int(t.value[:4])
        if len(t.value) >= 10:
            w = 3.0
        elif len(t.value) == 7:
            w = 2.0
        else:
            continue
        weights[y] = weights.get(y, 0.0) + w
    if not weights:
        return None
    return max(weights, key=lambda y: (weights[y], -y))


def parse_date(value: str) -> dt.date:
    """Parse a YYYY-MM-DD string (raises ValueError with a clear message)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        raise ValueError(value)
    return dt.date.fromisoformat(value)
