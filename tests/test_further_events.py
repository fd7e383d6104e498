"""Mentions of one happening or of another (issue 9, mechanisms 2 and 4), on texts written
for these tests: "ein weiteres Gespräch" is a new event with the parties of the last one, and
an event noun whose sentence has no tense takes its status from a later mention."""

import pytest


def _events(extract, text, date=None):
    events = extract(text, date)["events"]
    return [(e["type"], e["status"], sorted(a["name"] for a in e["actors"]), (e["date"] or {}).get("text")) for e in events]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Am Montag trafen sich Kanzler Olaf Scholz und Präsident Emmanuel Macron in Paris zu einem Gespräch. "
            "Für nächste Woche wurde ein weiteres Gespräch vereinbart.",
            [("meeting", "asserted", "Montag"), ("meeting", "planned", "nächste Woche")],
        ),
        (
            "Die Außenminister Annalena Baerbock und Sergej Lawrow führten am Dienstag Verhandlungen in Genf. "
            "Neue Verhandlungen sollen im Mai beginnen.",
            [("meeting", "asserted", "Dienstag"), ("meeting", "planned", "im Mai")],
        ),
        (  # no new-occurrence word: the second mention refers back to the first
            "Am Montag trafen sich Kanzler Olaf Scholz und Präsident Emmanuel Macron in Paris zu einem Gespräch. "
            "Das Gespräch dauerte zwei Stunden.",
            [("meeting", "asserted", "Montag")],
        ),
    ],
)
def test_further_happenings(extract, text, expected):
    got = [(t, s, d) for t, s, _, d in _events(extract, text, "2023-03-08")]
    assert [(t, s, (d or "").replace("Am ", "").replace("am ", "")) for t, s, d in got] == [
        (t, s, d.replace("Am ", "").replace("am ", "")) for t, s, d in expected
    ]


def test_further_happening_has_the_parties_of_the_last_one(extract):
    text = (
        "Am Montag trafen sich Kanzler Olaf Scholz und Präsident Emmanuel Macron in Paris zu einem Gespräch. "
        "Für nächste Woche wurde ein weiteres Gespräch vereinbart."
    )
    events = _events(extract, text, "2023-03-08")
    assert events[-1][2] == ["Emmanuel Macron", "Olaf Scholz"]


@pytest.mark.parametrize(
    "text,status",
    [
        # a summit named without tense, planned by a later mention
        (
            "Die Gegner des G7-Gipfels haben in Garmisch ein Camp errichtet. "
            "Beim G7-Gipfel in Elmau soll am Sonntag über das Klima beraten werden.",
            "planned",
        ),
        # a past tense in the first mention's sentence keeps it asserted
        (
            "Vor dem G7-Gipfel sagte Kanzlerin Angela Merkel, sie sei zuversichtlich. "
            "Beim G7-Gipfel soll über das Klima beraten werden.",
            "asserted",
        ),
        # a later negation does not reach back over a noun (only a planned mention does)
        (
            "Die Gegner des G7-Gipfels haben in Garmisch ein Camp errichtet. "
            "Nach dem G7-Gipfel ließe sich das nicht sagen, meinte ein Sprecher.",
            "asserted",
        ),
    ],
)
def test_tenseless_noun_takes_a_later_planned_status(extract, text, status):
    events = [e for e in _events(extract, text) if e[0] == "meeting"]
    assert events and events[0][1] == status


def test_a_compound_with_its_own_modifier_does_not_refer_back(extract):
    text = (
        "Die Polizei verlegte die für das G-7-Treffen von Kanzlerin Angela Merkel eingerichteten Checkpoints. "
        "Die Bilderberg-Konferenz wurde 1954 gegründet."
    )
    events = [e for e in extract(text, "2015-06-09")["events"] if e["type"] == "meeting"]
    assert [(e["trigger"]["text"], (e["date"] or {}).get("value")) for e in events] == [("G-7-Treffen", None)]


def test_a_bare_noun_still_refers_back(extract):
    text = "Kanzlerin Angela Merkel traf am Montag Präsident Emmanuel Macron. Nach dem Treffen in Paris reiste sie ab."
    events = [e for e in extract(text, "2015-06-09")["events"] if e["type"] == "meeting"]
    assert len(events) == 1 and events[0]["location"]["name"] == "Paris"


def test_the_new_talks_refer_back(extract):
    text = (
        "Am Montag begannen in Genf neue Verhandlungen zwischen Außenminister Antony Blinken und Außenminister "
        "Sergej Lawrow. Die neuen Verhandlungen dauerten bis zum Abend."
    )
    assert len([e for e in extract(text, "2024-05-08")["events"] if e["type"] == "meeting"]) == 1
