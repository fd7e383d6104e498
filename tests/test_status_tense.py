"""Status and date by tense where the clause's tense is not the event's (issue 9, mechanisms
1 and 4), on texts written for these tests: without a DCT a present-tense verb with a weekday
is a schedule; an event noun's day without a year is read nearest the DCT, and after it the
event is planned, whatever tense the report about it has; "Diese Gespräche" refers back."""

import pytest


def _events(extract, text, dct=None):
    return [(e["type"], e["status"], (e["date"] or {}).get("value")) for e in extract(text, dct)["events"]]


@pytest.mark.parametrize(
    "text,status",
    [
        ("Am Dienstag trifft Kanzler Olaf Scholz den französischen Präsidenten Emmanuel Macron in Paris.", "planned"),
        ("Am Dienstag traf Kanzler Olaf Scholz den französischen Präsidenten Emmanuel Macron in Paris.", "asserted"),
        ("Derzeit trifft Kanzler Olaf Scholz am Dienstag den französischen Präsidenten Emmanuel Macron.", "asserted"),
        ("Kanzler Olaf Scholz trifft den französischen Präsidenten Emmanuel Macron in Paris.", "asserted"),
    ],
)
def test_present_with_a_weekday_is_a_schedule_without_dct(extract, text, status):
    assert [s for t, s, _ in _events(extract, text)] == [status]


def test_a_nouns_date_nearest_the_dct_and_planned(extract):
    text = "Der Besuch von Außenminister Heiko Maas in China am 29. August wurde bisher nicht bestätigt."
    assert _events(extract, text, "2005-08-25") == [("visit", "planned", "2005-08-29")]


def test_a_nouns_past_date_stays_past(extract):
    text = "Der Besuch von Außenminister Heiko Maas in China am 20. August wurde in Peking gelobt."
    assert _events(extract, text, "2005-08-25") == [("visit", "asserted", "2005-08-20")]


def test_diese_refers_back(extract):
    text = (
        "Präsident Sergio Mattarella wolle am Mittwoch Gespräche mit Ministerpräsident Giuseppe Conte führen. "
        "Diese Gespräche sollen am Donnerstag abgeschlossen sein."
    )
    assert len([e for e in extract(text, "2019-08-19")["events"] if e["type"] == "meeting"]) == 1


def test_a_noun_until_a_later_date_is_ongoing(extract):
    text = "Die Konferenz von Außenminister Heiko Maas und Präsident Emmanuel Macron findet bis zum 21. Januar in Paris statt."
    assert [s for _, s, _ in _events(extract, text, "2010-01-18")] == ["asserted"]


def test_a_nouns_weekday_follows_its_clause(extract):
    text = (
        "Beim Treffen der Außenminister Annalena Baerbock und Sergej Lawrow am Samstag in Genf "
        "wurde über die Ukraine gesprochen."
    )
    assert _events(extract, text, "2024-05-08") == [("meeting", "asserted", "2024-05-04")]
