import datetime as dt

import pytest

from eventx.timex import Context, article_anchor_year, find_timexes

DCT = dt.date(2024, 10, 30)  # a Wednesday

CASES = [
    ("am 29. Oktober", "2024-10-29", None),
    ("29.10.2024", "2024-10-29", None),
    ("01.01.2005", "2005-01-01", None),
    ("am Montag, den 16. September", "2024-09-16", None),
    ("im Juni", "2024-06", None),
    ("im Juni 2024", "2024-06", None),
    ("Juni 2023", "2023-06", None),
    ("Anfang 2025", "2025", "START"),
    ("Mitte März", "2024-03", "MID"),
    ("Ende Juni", "2024-06", "END"),
    ("Ende 2023", "2023", "END"),
    ("Anfang Mai", "2024-05", "START"),
    ("heute", "2024-10-30", None),
    ("gestern", "2024-10-29", None),
    ("vorgestern", "2024-10-28", None),
    ("am Dienstag", "2024-10-29", None),
    ("am Montag", "2024-10-28", None),
    ("am Samstagnachmittag", "2024-10-26", None),
    ("am Freitagabend", "2024-10-25", None),
    ("am späten Freitagabend", "2024-10-25", None),
    ("In der Nacht zum Donnerstag", "2024-10-24", None),  # the day the night ends on, as the gold dates it
    ("vergangene Woche", "2024-W43", None),
    ("letzte Woche", "2024-W43", None),
    ("nächste Woche", "2024-W45", None),
    ("diese Woche", "2024-W44", None),
    ("nächsten Monat", "2024-11", None),
    ("vergangenen Monat", "2024-09", None),
    ("im vergangenen Jahr", "2023", None),
    ("im kommenden Jahr", "2025", None),
    ("in diesem Jahr", "2024", None),
    ("im Vorjahr", "2023", None),
    ("vor zwei Wochen", "2024-W42", None),
    ("vor drei Tagen", "2024-10-27", None),
    ("vor einem Jahr", "2023", None),
    ("in drei Tagen", "2024-11-02", None),
    ("in zwei Wochen", "2024-W46", None),
    ("am Wochenende", "2024-W43-WE", None),
    ("im Herbst", "2024-FA", None),
    ("im Sommer 2023", "2023-SU", None),
    ("kurz vor Weihnachten", "2023-12-25", "BEFORE"),
    ("am 17. und 18. Oktober", "2024-10-17", None),
    ("2019", "2019", None),
    ("im Jahr 2019", "2019", None),
    ("seit 1990", "1990", None),
    ("am 3. Oktober 1990", "1990-10-03", None),
    ("am Vormittag des 8. März", "2024-03-08", None),
    ("vom 12. bis 14. Mai", "2024-05-12", None),
    ("im Mai", "2024-05", None),
    ("im Dezember", "2023-12", None),
    ("am 1. Dezember", "2023-12-01", None),
    ("am 30. Oktober", "2024-10-30", None),
    ("am 3.10.", "2024-10-03", None),
    ("am 15. Januar 2023", "2023-01-15", None),
    ("vom 5. Mai", "2024-05-05", None),
    ("seit dem 1. Juli 2024", "2024-07-01", None),
    ("im September", "2024-09", None),
    ("im Jänner", "2024-01", None),
    ("Mitte Oktober", "2024-10", "MID"),
    ("Anfang Oktober", "2024-10", "START"),
    ("Ende 2024", "2024", "END"),
    ("Mitte 2022", "2022", "MID"),
    ("heute Abend", "2024-10-30", None),
    ("gestern Abend", "2024-10-29", None),
    ("am Mittwoch", "2024-10-30", None),
    ("am Sonntag", "2024-10-27", None),
    ("am Donnerstagabend", "2024-10-24", None),
    ("vergangenen Freitag", "2024-10-25", None),
    ("in der Nacht auf den Dienstag", "2024-10-29", None),
    ("vor fünf Tagen", "2024-10-25", None),
    ("vor drei Monaten", "2024-07", None),
    ("vor zwei Jahren", "2022", None),
    ("in zwei Monaten", "2024-12", None),
    ("im Frühjahr", "2024-SP", None),
    ("im Winter 2022", "2022-WI", None),
    ("an Silvester", "2023-12-31", None),
    ("im Jahr 2000", "2000", None),
]


@pytest.mark.parametrize("text,value,mod", CASES)
def test_expressions_with_dct(text, value, mod):
    found = find_timexes(f"Das geschah {text} in Berlin.", Context(DCT, None, False))
    assert [(t.text.lower().lstrip(), t.value, t.mod) for t in found] == [(text.lower(), value, mod)]


FUTURE_CASES = [
    ("am Dienstag", "2024-11-05"),
    ("am Montag", "2024-11-04"),
    ("am 1. Dezember", "2024-12-01"),
    ("im Dezember", "2024-12"),
    ("im Februar", "2025-02"),
    ("morgen", "2024-10-31"),
    ("übermorgen", "2024-11-01"),
    ("am kommenden Freitag", "2024-11-01"),
    ("Anfang Januar", "2025-01"),
    ("am Wochenende", "2024-W44-WE"),
]


@pytest.mark.parametrize("text,value", FUTURE_CASES)
def test_future_sentences_look_forward(text, value):
    found = find_timexes(f"Er wird {text} reisen.", Context(DCT, None, True))
    assert [t.value for t in found] == [value]


NO_DCT = [
    ("am 29. Oktober", "2024-10-29"),
    ("im Juni", "2024-06"),
    ("am Dienstag", None),
    ("heute", None),
    ("vergangene Woche", None),
]


@pytest.mark.parametrize("text,value", NO_DCT)
def test_without_dct_the_anchor_year_is_used(text, value):
    found = find_timexes(f"Sie trafen sich {text}.", Context(None, 2024, False))
    assert [(t.text, t.value) for t in found] == [(text, value)]


def test_unknown_year_is_xxxx():
    found = find_timexes("am 29. Oktober", Context(None, None, False))
    assert found[0].value == "XXXX-10-29"


@pytest.mark.parametrize(
    "text",
    [
        "Die Linke stimmte zu.",
        "Choe Son-hui reiste ab.",
        "Die Mai Thi Nguyen-Kim Show.",
        "Es kamen 2000 Soldaten.",
        "Guten Morgen, sagte er.",
        "Am Morgen regnete es.",
        "Der Fonds hat 2500 Mitglieder.",
    ],
)
def test_no_dates_from_names_and_words(text):
    assert find_timexes(text, Context(DCT, 2024, False)) == []


def test_anchor_year_of_the_seed_style_article():
    text = "Am 29. Oktober telefonierten sie. Beim Gipfel im Juni 2024 einigten sie sich. Anfang 2025 folgt ein Besuch."
    assert article_anchor_year(text) == 2024


def test_rules_run_in_one_order_whichever_module_is_imported_first():
    """The absolute rules (timex_absolute) register before the relative ones (timex_relative),
    also when the relative module is the first one imported: the order decides ties."""
    import subprocess
    import sys

    code = "import eventx.{} ; from eventx.timex import RULES; print(' '.join(f.__name__ for _, f in RULES))"
    orders = {}
    for first in ("timex_relative", "timex_absolute", "timex"):
        res = subprocess.run([sys.executable, "-c", code.format(first)], capture_output=True, text=True, timeout=60)
        orders[first] = res.stdout.split()
    assert orders["timex_relative"] == orders["timex_absolute"] == orders["timex"]
    names = orders["timex"]
    assert names[0] == "numeric_date" and names.index("year") < names.index("relative_day") and names[-1] == "offset"
