"""Status against the article date: an event dated the DCT is planned only when nothing in the
sentence puts it in the past (strong past forms such as 'traf' count as past)."""

import pytest

CASES = [
    # (sentence, DCT, expected status of the one event)
    (
        "Der französische Präsident Emmanuel Macron traf am Montag den chinesischen Präsidenten Xi Jinping in Peking.",
        "2024-10-28",
        "asserted",
    ),
    (
        "Der französische Präsident Emmanuel Macron trifft am Montag den chinesischen Präsidenten Xi Jinping in Peking.",
        "2024-10-28",
        "planned",
    ),
    (
        "Derzeit besucht die polnische Außenministerin Anna Fotyga die Ukraine, wie ihr Ministerium mitteilte.",
        "2006-05-10",
        "asserted",
    ),
    (
        "Die Außenministerin Annalena Baerbock empfing am Mittwoch ihren polnischen Amtskollegen Radosław Sikorski in Berlin.",
        "2024-10-30",
        "asserted",
    ),
]


@pytest.mark.parametrize("sentence,dct,status", CASES)
def test_status_against_the_dct(extract, sentence, dct, status):
    events = extract(sentence, dct)["events"]
    assert len(events) == 1, events
    assert events[0]["status"] == status
