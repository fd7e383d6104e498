"""Treaties and visits by lemma and compound head (issue 9, mechanisms 3 and 5), on German
sentences written for these tests."""

import pytest

from eventx.triggers import causative, reflexive_verb, verb_of_its_own


def _events(extract, text, date="2024-05-06"):
    return [
        (e["type"], e["status"], sorted(a["country"] or a["name"] for a in e["actors"]))
        for e in extract(text, date)["events"]
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        # "sich einigen" and "vereinbaren" with two parties are agreements (GUIDELINES: "Russland
        # und Nordkorea einigten sich"), with or without a treaty noun
        ("Russland und Nordkorea einigten sich am Montag auf mehr Zusammenarbeit.", [("treaty", "asserted", ["PRK", "RUS"])]),
        ("Polen und Litauen haben sich auf gemeinsame Grenzkontrollen geeinigt.", [("treaty", "asserted", ["LTU", "POL"])]),
        ("Bund und Länder vereinbarten 2013, ein neues Haushaltsrecht zu schaffen.", [("treaty", "asserted", ["DEU", "DEU"])]),
        # the determiner "einige"/"einigen" is no verb
        ("Frankreich schickt einige Soldaten nach Mali, Deutschland einigen Berater.", []),
        ("Einige Minister aus Spanien und Portugal kamen zu spät.", []),
        # one party and no treaty noun: no agreement ("ein weiteres Gespräch vereinbart")
        ("Für nächste Woche wurde ein weiteres Gespräch vereinbart.", []),
        # a parliament of a country ratifies: one party suffices for "ratifizieren"
        (
            "Im Herbst wird das dänische Parlament die Konvention ratifizieren.",
            [("treaty", "planned", ["DNK"])],
        ),
        # "Deal" and "Vertragswerk" are treaty nouns (compound heads)
        ("Die EU und die Türkei haben im März einen Flüchtlingsdeal geschlossen.", [("treaty", "asserted", ["EU", "TUR"])]),
        ("Spanien und Marokko unterzeichneten das neue Vertragswerk am Freitag.", [("treaty", "asserted", ["ESP", "MAR"])]),
        ("Die Sängerin hat einen Werbedeal abgeschlossen.", []),
        # approving a treaty ("zustimmen", "billigen") with the treaty named
        ("Das norwegische Parlament stimmte dem Abkommen am Dienstag zu.", [("treaty", "asserted", ["NOR"])]),
        ("Das Kabinett in Tokio billigte den Vertrag mit Australien.", [("treaty", "asserted", ["AUS", "JPN"])]),
        ("Das wäre im Idealfall ein Fortschritt für Österreich und Italien.", []),
    ],
)
def test_treaty_triggers(extract, text, expected):
    assert [e for e in _events(extract, text) if e[0] == "treaty"] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # particle verbs of travel: "fliegt ... weiter", "reiste ... weiter"
        ("Am Dienstag fliegt Papst Franziskus nach Washington weiter.", [("visit", ["VAT"])]),
        ("Kanzler Scholz reiste am Abend nach Peking weiter.", [("visit", ["DEU"])]),
        ("Danach fliegt Papst Franziskus in die USA weiter.", [("visit", ["VAT"])]),
        # "in die USA" (accusative) is where one goes; "in den USA" (dative) where one is
        ("Papst Franziskus fliegt am Dienstag in die USA.", [("visit", ["VAT"])]),
        ("Präsident Macron will am Montag nach China einreisen.", [("visit", ["FRA"])]),
        # the plural noun "Reisen" is a visit noun too
        ("Es war eine der letzten Auslandsreisen von Bundespräsident Frank-Walter Steinmeier.", [("visit", ["DEU"])]),
        # causative "lassen": others travel, not the subject
        ("Kanzlerin Merkel entschied, die Flüchtlinge aus Ungarn nach Deutschland einreisen zu lassen.", []),
        # the onward journey of refugees is no visit
        ("Tausende hoffen auf die Weiterreise nach Europa, sagte Innenminister Karl Nehammer.", []),
    ],
)
def test_travel_verbs(extract, text, expected):
    got = [(t, countries) for t, _, countries in _events(extract, text) if t == "visit"]
    assert got == expected


@pytest.mark.parametrize(
    "words,i,expected",
    [
        (["die", "Flüchtlinge", "einreisen", "zu", "lassen", "."], 2, True),
        (["er", "ließ", "sie", "reisen", "lassen"], 3, True),
        (["Merkel", "will", "nach", "China", "einreisen", "."], 4, False),
    ],
)
def test_causative(words, i, expected):
    assert causative(words, i) is expected


@pytest.mark.parametrize(
    "words,i,expected",
    [
        (["Darauf", "einigten", "sich", "beide", "."], 1, True),
        (["haben", "sich", "darauf", "geeinigt", "."], 3, True),
        (["mit", "einigen", "Ministern", "reisen"], 1, False),
        (["um", "einiges", "nach", ",", "sagte", "sich"], 1, False),
    ],
)
def test_reflexive_verb(words, i, expected):
    assert reflexive_verb(words, i) is expected


@pytest.mark.parametrize(
    "words,i,expected",
    [
        (["Bund", "und", "Länder", "vereinbarten", "2013", "neue", "Regeln"], 3, True),
        (["beim", "vereinbarten", "Austausch"], 1, False),
        (["mit", "dem", "Grundgesetz", "zu", "vereinbaren", "ist"], 4, False),
        (["sie", "hoffen", ",", "sich", "zu", "einigen", "."], 5, True),
    ],
)
def test_verb_of_its_own(words, i, expected):
    assert verb_of_its_own(words, i) is expected


@pytest.mark.parametrize(
    "text,title",
    [
        ("Der Besuch der UN-Menschenrechtskommissarin Louise Arbour ist für August geplant.", "Menschenrechtskommissarin"),
        ("Der UN-Hochkommissar Filippo Grandi besuchte am Montag ein Lager in Jordanien.", "Hochkommissar"),
    ],
)
def test_international_office_holders_visit(extract, text, title):
    """A UN commissioner acts for no country but is a political actor (GUIDELINES: country
    null for international offices)."""
    visits = [e for e in extract(text, "2024-05-06")["events"] if e["type"] == "visit"]
    assert len(visits) == 1
    assert visits[0]["actors"][0]["role"] == title
    assert visits[0]["actors"][0]["country"] is None


@pytest.mark.parametrize(
    "text,expected",
    [
        # "sprechen mit" a named partner is a meeting
        (
            "Kanzlerin Angela Merkel sprach am Montag in Berlin mit dem russischen Präsidenten Wladimir Putin.",
            [["DEU", "RUS"]],
        ),
        ("Angela Merkel hat am Montag mit Wladimir Putin gesprochen.", [["DEU", "RUS"]]),
        # no partner after "mit", or a fixed phrase: no meeting
        ("Präsident Mugabe spricht im Zusammenhang mit der MDC von Marionetten des Westens.", []),
        ("Der Experte Florian Bieber spricht von einer Initiative mit Potenzial für Serbien.", []),
        ("Minister Karl Nehammer sprach mit Journalisten über die Lage.", []),
    ],
)
def test_talking_with_a_partner(extract, text, expected):
    got = [
        sorted({a["country"] for a in e["actors"] if a["country"]})
        for e in extract(text, "2015-05-06")["events"]
        if e["type"] == "meeting"
    ]
    assert got == expected

