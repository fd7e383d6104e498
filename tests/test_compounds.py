"""Compound modifiers as parties (issue 9, mechanism 5) on words written for these tests."""

import pytest

from eventx.compounds import known_parts, modifier_of, nominative_alias

GAZETTEER = {"G7": "G7", "EU": "EU", "China": "CHN", "G-20": "G20", "G20": "G20", "UN": "UN", "Afrika": None, "USA": "USA"}


@pytest.mark.parametrize(
    "word,head,parts",
    [
        ("EU-China-Gipfel", "gipfel", ["EU", "CHN"]),
        ("G-20-Gipfel", "gipfel", ["G20"]),
        ("G20-Außenministertreffen", "außenministertreffen", ["G20"]),
        ("UN-Gipfel", "gipfel", ["UN"]),
        ("Chinabesuch", "besuch", ["CHN"]),
        ("China-Besuch", "besuch", ["CHN"]),
        ("USA-Reise", "reise", ["USA"]),
        ("Spitzentreffen", "treffen", []),
        ("Migrationsgipfel", "gipfel", []),
        ("EU-Afrika-Gipfel", "gipfel", ["EU"]),
        ("Gipfel", "gipfel", []),
        ("G7-Gipfels", "gipfel", ["G7"]),
    ],
)
def test_compound_modifiers_name_parties(word, head, parts):
    assert known_parts(modifier_of(word, head), GAZETTEER.get) == parts


@pytest.mark.parametrize(
    "surface,forms,name",
    [
        ("Europäischen Union", ["EU", "Europäische Union", "Europäischen Union", "EU-Kommission"], "Europäische Union"),
        ("EU", ["EU", "Europäische Union"], "EU"),
        (
            "Internationalen Währungsfonds",
            ["IWF", "Internationaler Währungsfonds", "Internationalen Währungsfonds"],
            "Internationaler Währungsfonds",
        ),
        ("Vereinten Nationen", ["UN", "UNO", "Vereinte Nationen", "Vereinten Nationen"], "Vereinte Nationen"),
        ("EU-Kommission", ["EU", "Europäische Union", "EU-Kommission"], "EU-Kommission"),
        ("Europaparlaments", ["Europäisches Parlament", "Europaparlament", "Europaparlaments"], "Europaparlament"),
    ],
)
def test_organisations_are_named_as_written_in_the_nominative(surface, forms, name):
    assert nominative_alias(surface, forms) == name


@pytest.mark.parametrize(
    "text,names",
    [
        ("Der G8-Gipfel in Heiligendamm ging am Freitag zu Ende.", ["G8"]),
        ("Vor dem G-20-Gipfel der Industrieländer im November wird verhandelt.", ["G-20"]),
        ("Der nächste UN-Gipfel soll in New York stattfinden.", ["UN"]),
    ],
)
def test_compound_triggers_name_their_parties(extract, text, names):
    events = extract(text, "2007-06-08")["events"]
    assert [(e["type"], [a["name"] for a in e["actors"]]) for e in events] == [("meeting", names)]


def test_two_mentions_of_one_summit_are_one_event(extract):
    text = "Die Gegner des G7-Gipfels protestierten in München. Zum G7-Gipfel kamen am Montag die Regierungschefs."
    events = extract(text, "2015-06-08")["events"]
    assert [(e["type"], e["mentions"]) for e in events] == [("meeting", 2)]
