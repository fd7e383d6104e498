"""Word tables of German time expressions and calendar arithmetic (for eventx.timex)."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "feber": 2,
    "märz": 3,
    "maerz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
    "jan.": 1,
    "feb.": 2,
    "febr.": 2,
    "apr.": 4,
    "aug.": 8,
    "sept.": 9,
    "sep.": 9,
    "okt.": 10,
    "nov.": 11,
    "dez.": 12,
}
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5, "sonntag": 6}
NUMBERS = {
    "einem": 1,
    "einer": 1,
    "einen": 1,
    "ein": 1,
    "eins": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "zwanzig": 20,
}
MODS = {"anfang": "START", "beginn": "START", "anfangs": "START", "mitte": "MID", "ende": "END", "ausgang": "END"}
SEASONS = {"frühjahr": "SP", "frühling": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI"}
HOLIDAYS = {"weihnachten": (12, 25), "heiligabend": (12, 24), "silvester": (12, 31), "neujahr": (1, 1), "allerheiligen": (11, 1)}
# feasts that move with Easter: days after Easter Sunday
MOVABLE_FEASTS = {
    "ostern": 0,
    "ostersonntag": 0,
    "karfreitag": -2,
    "gründonnerstag": -3,
    "ostermontag": 1,
    "himmelfahrt": 39,
    "christi himmelfahrt": 39,
    "pfingsten": 49,
    "pfingstsonntag": 49,
    "pfingstmontag": 50,
    "fronleichnam": 60,
}
RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
PAST_WORDS = r"vergangene[nmrs]?|letzte[nmrs]?|vorige[nmrs]?|zurückliegende[nmrs]?"
NEXT_WORDS = r"nächste[nmrs]?|kommende[nmrs]?|folgende[nmrs]?"
THIS_WORDS = r"diese[nmrs]?|laufende[nmrs]?"
DAYPART = r"(?:vormittag|nachmittag|abend|morgen|mittag|nacht|früh)"


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def feast_date(name: str, year: int) -> dt.date:
    """The date of a fixed or movable feast in a year."""
    name = name.lower()
    if name in MOVABLE_FEASTS:
        return easter(year) + dt.timedelta(days=MOVABLE_FEASTS[name])
    month, day = HOLIDAYS[name]
    return dt.date(year, month, day)
