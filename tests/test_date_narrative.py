"""Which date belongs to which event across sentences and noun phrases (issue 9, mechanism
2), on texts written for these tests: a date after another noun ("eine Erklärung vom 22. Juli")
dates that noun; a sentence going on with the subject of the one before ("Sie werden ...")
happens at its time when the statuses agree; trips to different countries stay apart."""

import pytest


def _dated(extract, text, dct):
    return [(e["type"], e["status"], (e["date"] or {}).get("value")) for e in extract(text, dct)["events"]]


@pytest.mark.parametrize(
    "text,dct,expected",
    [
        (  # the statement's date is not the meeting's
            "In einer Erklärung vom 22. Juli sagte Außenminister Heiko Maas, das Treffen mit Präsident Emmanuel Macron "
            "sei gut gewesen.",
            "2018-07-24",
            [("meeting", "asserted", None)],
        ),
        (  # ... but a date after the trigger noun is its own
            "Das Treffen vom Montag zwischen Außenminister Heiko Maas und Präsident Emmanuel Macron war kurz.",
            "2018-07-25",
            [("meeting", "asserted", "2018-07-23")],
        ),
        (  # the subject goes on: the visit of the next sentence is on Tuesday
            "Am Dienstag, dem Feiertag, werden Bundespräsident Frank-Walter Steinmeier und Kanzlerin Angela Merkel "
            "in Mainz erwartet. Sie werden das Gutenberg-Museum besuchen.",
            "2017-10-02",
            [("visit", "planned", "2017-10-03")],
        ),
        (  # a plan after a past statement does not take the statement's day
            "Am Montag sagte Kanzlerin Angela Merkel in Berlin, sie sei zuversichtlich. Sie will nach Moskau reisen.",
            "2017-10-04",
            [("visit", "planned", None)],
        ),
        (  # a past narrative jumps in time: no carried date
            "Am Montag sprach Kanzler Olaf Scholz im Bundestag über Polen. Er besuchte Warschau kurz nach seinem Amtsantritt.",
            "2024-05-08",
            [("visit", "asserted", None)],
        ),
        (  # a name before "vom" is part of the trigger's phrase: the date is the meeting's
            "Das Treffen der Außenminister Annalena Baerbock und Sergej Lawrow vom Montag in Genf verlief ergebnislos.",
            "2024-05-08",
            [("meeting", "asserted", "2024-05-06")],
        ),
        (  # no pronoun: no carried date
            "Am Montag sagte Kanzlerin Angela Merkel in Berlin, sie sei zuversichtlich. "
            "Außenminister Sigmar Gabriel besuchte Moskau.",
            "2017-10-04",
            [("visit", "asserted", None)],
        ),
    ],
)
def test_dates_across_sentences_and_noun_phrases(extract, text, dct, expected):
    assert _dated(extract, text, dct) == expected


def test_trips_to_different_countries_stay_apart(extract):
    text = (
        "Im Februar war Pressesprecherin Stephanie Grisham auf einer Reise der First Lady Melania Trump nach Afrika. "
        "Nun wird Grisham Präsident Donald Trump auf seiner Reise nach Japan begleiten."
    )
    events = extract(text, "2019-06-26")["events"]
    places = [(e["location"] or {}).get("name") for e in events if e["type"] == "visit"]
    assert places == ["Afrika", "Japan"]
