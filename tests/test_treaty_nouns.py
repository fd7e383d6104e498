"""Treaty nouns that name their parties themselves (issue 9, mechanism 5): a specific treaty is
an event even without a verb (GUIDELINES: background events count when they are specific).
German sentences written for these tests."""

import pytest

from eventx.compounds import treaty_parties_named


def _treaties(extract, text, date="2024-05-06"):
    return [
        sorted(a["country"] or a["name"] for a in e["actors"])
        for e in extract(text, date)["events"]
        if e["type"] == "treaty"
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Griechenland wirft Ankara vor, das Rückführungsabkommen mit der EU nicht einzuhalten.", [["EU"]]),
        ("Das Waffenstillstandsabkommen mit den USA und Russland hielt nur drei Tage.", [["RUS", "USA"]]),
        ("Man kann hoffen, dass der Iran-Deal zu mehr Kooperation führt.", [["IRN"]]),
        ("Seit dem Inkrafttreten des EU-Türkei-Pakts kommen weniger Menschen.", [["EU", "TUR"]]),
        # a founding treaty of one organisation, a treaty named by a city, a deal with no state
        ("So sieht es Artikel 50 des EU-Vertrags vor.", []),
        ("Nach den Regeln des Dublin-Abkommens hätte er nach Italien gemusst.", []),
        ("Epstein konnte durch einen Deal mit der Staatsanwaltschaft einem Verfahren zuvorkommen.", []),
        # a bare treaty noun names no parties
        ("Der Vertrag sieht eine Frist von zwei Jahren vor.", []),
    ],
)
def test_treaty_nouns_with_their_parties(extract, text, expected):
    assert _treaties(extract, text) == expected


@pytest.mark.parametrize(
    "text,head,expected",
    [
        ("EU-Türkei-Abkommen", "abkommen", True),
        ("Iran-Deal", "deal", True),
        ("EU-Vertrag", "vertrag", False),
        ("Dublin-Abkommen", "abkommen", False),
        ("Atomabkommen", "abkommen", False),
    ],
)
def test_compound_modifiers_name_treaty_parties(text, head, expected):
    assert treaty_parties_named(text, head) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a compound whose head follows a number and a hyphen is a noun ("15a-Vereinbarung")
        (
            "Bund und Länder stritten in Wien lange. Die Länder wollen am Dienstag eine 15a-Vereinbarung beschließen.",
            [["AUT"]],
        ),
        # once 'Bund und Länder' named them, 'die Länder' are those parts of the federation
        (
            "Bund und Länder verhandeln in Wien. Am Freitag haben die Länder den Stabilitätspakt unterzeichnet.",
            [["AUT"]],
        ),
        # without 'Bund und Länder' before, 'die Länder' are no actor
        ("Die Länder haben den Stabilitätspakt unterzeichnet.", []),
    ],
)
def test_parts_of_a_federation_named_again(extract, text, expected):
    got = [
        sorted({a["country"] for a in e["actors"]})
        for e in extract(text, "2015-06-01")["events"]
        if e["type"] == "treaty"
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "von X und Y" after an act noun names its agents, though "von" stands before places too
        (
            "Bundespräsident Horst Köhler hat den Vertrag nicht unterzeichnet. "
            "Das Vertragswerk erhielt im Mai die Zustimmung von Bundestag und Bundesrat.",
            [["Horst Köhler"], ["Bundesrat", "Bundestag"]],
        ),
        # a capital after "von" stays a place: the treaty named by its city has no party
        ("Frankreich und Deutschland feierten das Abkommen von Paris.", []),
    ],
)
def test_agents_after_von(extract, text, expected):
    got = [sorted(a["name"] for a in e["actors"]) for e in extract(text, "2005-07-10")["events"] if e["type"] == "treaty"]
    assert got == expected

