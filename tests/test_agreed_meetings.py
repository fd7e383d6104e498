"""Agreeing to meet is no treaty (GUIDELINES: informal "agreed to talk more" statements are not
treaties): "vereinbaren" / "sich einigen" whose object is a meeting, visit or call gives that
event only; an agreement made at a meeting ("beim Treffen vereinbarten sie ein Abkommen") stays a
treaty. Sentences written for this test."""

import pytest

from eventx import process

DCT = "2024-05-08"


def types(nlp, text):
    return sorted(e["type"] for e in process(nlp, text, DCT)._.events)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Kanzler Olaf Scholz und Präsident Emmanuel Macron vereinbarten am Montag ein weiteres Treffen im Juni.",
            ["meeting"],
        ),
        (
            "Für die kommende Woche wurde ein Telefonat zwischen Bundeskanzler Olaf Scholz und "
            "US-Präsident Joe Biden vereinbart.",
            ["phone_call"],
        ),
        (
            "Beim Treffen in Paris vereinbarten Bundeskanzler Olaf Scholz und der französische Präsident "
            "Emmanuel Macron ein Abkommen über Grenzkontrollen.",
            ["meeting", "treaty"],
        ),
        ("Russland und Nordkorea einigten sich am Montag auf ein Abkommen.", ["treaty"]),
    ],
)
def test_agreeing_to_meet_is_no_treaty(nlp, text, expected):
    assert types(nlp, text) == expected
