"""Summits (issue 9, mechanism 6): a summit's participants are the states the article lists
for it; mentions of one group's summit are one event."""

import pytest

from eventx import process


def meetings(nlp, text, date="2015-06-06"):
    return [e for e in process(nlp, text, date)._.events if e["type"] == "meeting"]


def countries(event):
    return {a["country"] for a in event["actors"] + event["hosts"] if a["country"]}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Die Gegner des G7-Gipfel haben ihr Camp errichtet. "
            "Die Staats- und Regierungschefs von Deutschland, Japan, USA, Kanada, Frankreich, Italien und "
            "Großbritannien residieren im Schloss Elmau.",
            {"DEU", "JPN", "USA", "CAN", "FRA", "ITA", "GBR"},
        ),
        (
            "Am Montag beginnt in Gleneagles das G8-Treffen. Zu den Mitgliedern der G8 gehören die "
            "Vereinigten Staaten, Kanada, Großbritannien, Frankreich, Deutschland, Italien, Japan und Russland.",
            {"USA", "CAN", "GBR", "FRA", "DEU", "ITA", "JPN", "RUS"},
        ),
        (
            "Merkel traf beim Westbalkangipfel in Wien Faymann und Vučić. "
            "Vučić sprach für alle anwesenden Premierminister (Bosnien-Herzegowina, Kosovo, Albanien, Mazedonien).",
            {"BIH", "XKX", "ALB", "MKD"},
        ),
    ],
)
def test_listed_members_take_part(nlp, text, expected):
    found = meetings(nlp, text)
    assert len(found) == 1
    assert expected <= countries(found[0])


def test_a_meeting_at_a_summit_is_that_summit(nlp):
    """'traf beim ...gipfel': the verb's meeting absorbs the summit noun's mention, and the
    attendees the article lists take part in it (merged mentions count for is_summit)."""
    text = (
        "Bundeskanzler Olaf Scholz traf beim Ostseegipfel in Helsinki den schwedischen "
        "Ministerpräsidenten Ulf Kristersson. Zu den Teilnehmern des Gipfels gehören "
        "Regierungschefs aus Finnland, Estland, Lettland und Litauen."
    )
    first = next(e for e in meetings(nlp, text) if e["trigger"]["text"] == "traf")
    assert {"DEU", "SWE", "EST", "LVA", "LTU"} <= countries(first)


def test_a_list_without_a_member_cue_is_no_participant(nlp):
    text = (
        "Beim G8-Gipfel wurde ein Schuldenerlass beschlossen. "
        "Er kommt den ärmsten Ländern Afrikas zugute wie Äthiopien, Burkina Faso und Ghana."
    )
    (summit,) = meetings(nlp, text)
    assert not countries(summit) & {"ETH", "BFA", "GHA"}


def test_mentions_of_one_groups_summit_are_one_event(nlp):
    text = (
        "Die Gegner des G7-Gipfel protestieren in Garmisch. "
        "Juncker sagte, er werde am Sonntag am G7-Treffen in Bayern teilnehmen. "
        "Gastgeberin Angela Merkel verteidigt den Aufwand für den G7-Gipfel."
    )
    found = meetings(nlp, text)
    assert len(found) == 1
    assert found[0]["mentions"] >= 3
    assert any(a["name"] == "G7" and a["kind"] == "org" for a in found[0]["actors"])


def test_summits_of_two_groups_stay_apart(nlp):
    text = "Sie war 2007 beim G8-Gipfel in Heiligendamm. Nun protestiert sie gegen den G7-Gipfel in Elmau."
    names = sorted(a["name"] for e in meetings(nlp, text) for a in e["actors"] if a["kind"] == "org")
    assert names == ["G7", "G8"]
