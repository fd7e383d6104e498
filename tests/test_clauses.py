"""Clauses and date attachment (issue 9, mechanism 2) on sentences written for these tests."""

import pytest

from eventx.clauses import assign_dates, clause_ids


def _clauses(sentence: str) -> list[list[str]]:
    words = sentence.split()
    ids = clause_ids(words)
    out: list[list[str]] = []
    for w, i in zip(words, ids, strict=True):
        if i == len(out):
            out.append([])
        out[i].append(w)
    return [[w for w in c if w not in {",", ".", "(", ")"}] for c in out]


@pytest.mark.parametrize(
    "sentence,clauses",
    [
        (
            "Scholz traf Macron , im Frühjahr will Macron nach Berlin kommen .",
            [["Scholz", "traf", "Macron"], ["im", "Frühjahr", "will", "Macron", "nach", "Berlin", "kommen"]],
        ),
        (
            "Putin , Scholz und Macron trafen sich am Montag .",
            [["Putin", "Scholz", "und", "Macron", "trafen", "sich", "am", "Montag"]],
        ),
        (
            "Scholz traf Macron und wird im Mai nach Kiew reisen .",
            [["Scholz", "traf", "Macron"], ["und", "wird", "im", "Mai", "nach", "Kiew", "reisen"]],
        ),
        (
            "Lawrow , der russische Außenminister , telefonierte am Montag mit Blinken .",
            [["Lawrow", "der", "russische", "Außenminister", "telefonierte", "am", "Montag", "mit", "Blinken"]],
        ),
        ("Merkel und Macron telefonierten ( am Montag ) .", [["Merkel", "und", "Macron", "telefonierten"], ["am", "Montag"]]),
    ],
)
def test_clauses(sentence, clauses):
    assert _clauses(sentence) == clauses


# (sentence, trigger words, date words (first word of each date), expected: trigger -> date's first word)
ATTACH = [
    # two events in one sentence: each its own clause's date
    (
        "Am Montag telefonierte Scholz mit Macron , am Freitag will er nach Paris reisen .",
        ["telefonierte", "reisen"],
        [("Am", 2), ("am", 2)],
        {"telefonierte": "Am Montag", "reisen": "am Freitag"},
    ),
    # the date of the other event's clause is never taken
    (
        "Scholz traf Macron , im Frühjahr will Macron nach Berlin reisen .",
        ["traf", "reisen"],
        [("im", 2)],
        {"traf": None, "reisen": "im Frühjahr"},
    ),
    # one event: the date of the sentence, however far
    (
        "Am 3. Mai hatten die Außenminister der beiden Länder in Genf nach langem Zögern erneut verhandelt .",
        ["verhandelt"],
        [("Am", 3)],
        {"verhandelt": "Am 3. Mai"},
    ),
    # a date in a clause without an event goes to the nearest event
    (
        "Scholz besuchte Kiew , das war am Dienstag , und traf dort Selenskyj .",
        ["besuchte", "traf"],
        [("am", 2)],
        {"besuchte": "am Dienstag", "traf": None},
    ),
]


@pytest.mark.parametrize("sentence,triggers,dates,expected", ATTACH)
def test_dates_go_to_the_event_of_their_clause(sentence, triggers, dates, expected):
    words = sentence.split()
    trig = [words.index(t) for t in triggers]
    spans, start = [], 0
    for first, length in dates:
        i = words.index(first, start)
        spans.append((i, i + length))
        start = i + 1
    got = assign_dates(trig, spans, clause_ids(words, frozenset(trig)))
    texts = {words[t]: (None if d is None else " ".join(words[spans[d][0] : spans[d][1]])) for t, d in got.items()}
    assert texts == expected
