"""German temporal expressions -> TIMEX3-style values (pure functions, no spaCy).

``find_timexes(text, dct=None, anchor_year=None, future=...)`` returns the
expressions with character offsets and values:

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
from dataclasses import dataclass

from .timex_words import (  # noqa: F401  (re-exported)
    DAYPART,
    HOLIDAYS,
    MODS,
    MONTHS,
    MOVABLE_FEASTS,
    NEXT_WORDS,
    NUMBERS,
    PAST_WORDS,
    RELATIVE_DAYS,
    SEASONS,
    THIS_WORDS,
    WEEKDAYS,
    feast_date,
)

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


# ---- absolute dates -------------------------------------------------------------------
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


# ---- relative expressions -------------------------------------------------------------
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
