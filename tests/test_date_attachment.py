"""Which date belongs to which event, and dates read under the event's status (issue 9,
mechanisms 1 and 2), on sentences written for these tests."""

import pytest

DCT = "2024-10-30"  # a Wednesday


def _dates(events):
    return sorted((e["type"], (e["date"] or {}).get("value")) for e in events)


@pytest.mark.parametrize(
    "text,expected",
    [
        # two events in one sentence: each its own clause's date
        (
            "Am Montag telefonierte Bundeskanzler Olaf Scholz mit dem französischen Präsidenten Emmanuel Macron, "
            "am Freitag will Scholz nach Paris reisen.",
            [("phone_call", "2024-10-28"), ("visit", "2024-11-01")],
        ),
        # a planned trip in a past-tense sentence takes the next 19 January, not the last one
        (
            "Unterdessen wurde bekannt, dass der französische Präsident Emmanuel Macron am 19. Januar nach Berlin reisen soll.",
            [("visit", "2025-01-19")],
        ),
        # a summit in a phrase of time: the clause's date belongs to the decision
        (
            "Einen Tag vor Beginn des EU-Afrika-Gipfels hat der österreichische Ministerrat am Dienstag "
            "neue Hilfsgelder beschlossen.",
            [("meeting", None)],
        ),
        # the date of the sentence, far from its only event
        (
            "Am 3. Oktober hatten die Außenminister Annalena Baerbock und Antony Blinken in Washington "
            "nach langem Zögern erneut miteinander telefoniert.",
            [("phone_call", "2024-10-03")],
        ),
    ],
)
def test_dates_attach_by_clause_and_status(extract, text, expected):
    assert _dates(extract(text, DCT)["events"]) == expected
