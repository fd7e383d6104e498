"""What every TIMEX3 rule uses (eventx.timex_absolute, eventx.timex_relative): ``Timex``,
``Context`` (the DCT, the article's anchor year, the tense), value forms (a day or month with or
without its year, ISO weeks, the weekday nearest the DCT), the shared pattern pieces, and the
rule registry (``@rule``, ``RULES``, ``NEEDS``) in which the rules stand in the order they run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .timex_words import DAYPART, HOLIDAYS, MONTHS, MOVABLE_FEASTS, NUMBERS, WEEKDAYS

MONTH_RE = r"(?P<month>" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + r")"
WEEKDAY_RE = r"(?P<wd>" + "|".join(WEEKDAYS) + r")(?P<wdpart>" + DAYPART + r")?"
YEAR_RE = r"(?P<year>(?:1[89]|20)\d\d)"
NUM_RE = r"(?P<num>\d{1,2}|" + "|".join(NUMBERS) + r")"
UNIT_AFTER_YEAR = re.compile(
    r"\s*(?:euro|dollar|franken|pfund|prozent|menschen|personen|soldaten|einwohner|mitglieder|stück|meter|kilometer|tonnen|mal\b|jahre\b|km|mio|millionen|milliarden)",
    re.IGNORECASE,
)


@dataclass
class Timex:
    start: int
    end: int
    text: str
    value: str | None
    mod: str | None = None

    def as_dict(self) -> dict:
        return {"text": self.text, "value": self.value, "mod": self.mod, "start": self.start, "end": self.end}


@dataclass
class Context:
    """What resolution needs: the DCT, the article's anchor year, and the tense of the sentence."""

    dct: dt.date | None
    anchor_year: int | None
    future: bool = False

    def year_for(self, month: int, day: int | None = None) -> int | None:
        if self.dct is None:
            return self.anchor_year
        d = day or 1
        year = self.dct.year
        try:
            candidate = dt.date(year, month, min(d, 28) if day is None else d)
        except ValueError:
            return year
        if self.future:
            if candidate < self.dct and (day is not None or month < self.dct.month):
                return year + 1
            return year
        if candidate > self.dct and (day is not None or month > self.dct.month):
            return year - 1
        return year


def _month_day(year: int | None, month: int, day: int | None = None) -> str:
    y = f"{year:04d}" if year else "XXXX"
    return f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")


def _week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _weekday_date(ctx: Context, weekday: int) -> str | None:
    if ctx.dct is None:
        return None
    delta = weekday - ctx.dct.weekday()
    if ctx.future:
        if delta < 0:
            delta += 7
    else:
        if delta > 0:
            delta -= 7
    return (ctx.dct + dt.timedelta(days=delta)).isoformat()


def _add_months(d: dt.date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def _num(s: str) -> int:
    return int(s) if s.isdigit() else NUMBERS[s.lower()]


FEASTS = tuple(HOLIDAYS) + tuple(MOVABLE_FEASTS)
Rule = tuple[re.Pattern, Callable[[re.Match, Context], tuple[str | None, str | None] | None]]
RULES: list[Rule] = []
MONTH_WORDS = tuple(m.rstrip(".") for m in MONTHS)
# words one of which a text must contain for a rule to be worth running (a cheap pre-check)
NEEDS: dict[Callable, tuple[str, ...]] = {}


def rule(pattern: str, needs: tuple[str, ...] = ()) -> Callable:
    def register(fn):
        RULES.append((re.compile(pattern, re.IGNORECASE), fn))
        if needs:
            NEEDS[fn] = needs
        return fn

    return register
