"""Non-events and one-party event nouns (issue 9, mechanism 5), on sentences written for
these tests."""

import pytest

from eventx.non_events import load_non_events, non_event


@pytest.mark.parametrize(
    "sentence,trigger,event_type,rule",
    [
        ("Die Verhandlung vor dem Landesgericht wurde vertagt .", "Verhandlung", "meeting", "court_hearing"),
        ("Bei der Gerichtsverhandlung schwieg der Angeklagte .", "Gerichtsverhandlung", "meeting", "court_hearing"),
        ("Die Verhandlungen zwischen Kiew und Moskau wurden vertagt .", "Verhandlungen", "meeting", None),
        ("Das Treffen gegen Rapid endete mit zwei Toren , die Fans jubelten .", "Treffen", "meeting", "sport_fixture"),
        ("Das Treffen der Außenminister in Wien endete ohne Ergebnis .", "Treffen", "meeting", None),
        ("Die Lohnverhandlungen der Metaller gehen weiter .", "Lohnverhandlungen", "meeting", "wage_talks"),
        ("Die Regierung schaltet sich in die Lohnverhandlungen ein .", "Lohnverhandlungen", "meeting", "wage_talks"),
        ("Das sagte der Abgeordnete im STANDARD-Gespräch .", "STANDARD-Gespräch", "meeting", "interview"),
        ("Gefangene wurden ohne Gerichtsverhandlungen festgehalten .", "Gerichtsverhandlungen", "meeting", "court_hearing"),
        ("Die Grünen führen ein weiteres Argument ins Treffen .", "Treffen", "meeting", "idiom_ins_treffen"),
        ("Die Übernahmegespräche der beiden Konzerne sind gescheitert .", "Übernahmegespräche", "meeting", "wage_talks"),
        ("Das wies der Minister bei einem Mediengespräch am Montag zurück .", "Mediengespräch", "meeting", "press_conference"),
        ("Auf der Pressekonferenz mit Macron sprach Scholz über die Ukraine .", "Pressekonferenz", "meeting", "press_conference"),
        ("Im Hintergrundgespräch sagte der Diplomat nichts dazu .", "Hintergrundgespräch", "meeting", "press_conference"),
        ("Das Gespräch mit Macron dauerte eine Stunde .", "Gespräch", "meeting", None),
        ("Jeder hat gesagt , wohin die Reise gehen soll , erklärte er .", "Reise", "visit", "idiom_wohin_die_reise"),
        ("Niemand weiß , wohin die Reise geht .", "Reise", "visit", "idiom_wohin_die_reise"),
        ("Die Reise nach Kiew war geheim .", "Reise", "visit", None),
        ("Er hatte Volvo ins Gespräch für eine Fusion gebracht .", "Gespräch", "meeting", "idiom_ins_gespraech_bringen"),
        ("Der Minister sei schlecht beraten worden .", "beraten", "meeting", "idiom_gut_beraten"),
        ("Die Minister beraten am Montag in Brüssel .", "beraten", "meeting", None),
    ],
)
def test_non_events(sentence, trigger, event_type, rule):
    words = sentence.split()
    assert non_event(event_type, words, words.index(trigger)) == rule


def test_every_rule_explains_itself():
    assert all(r["about"] and r["types"] and r["triggers"] for r in load_non_events())


@pytest.mark.parametrize(
    "text",
    [
        "Der Prozess gegen den ehemaligen Minister wurde am Montag fortgesetzt. "
        "Bei der Verhandlung vor dem Straflandesgericht sagte der österreichische Ex-Minister Karl Huber aus.",
        "Das Treffen gegen Rapid gewann Sturm mit 2:0. Trainer Franco Foda lobte die Mannschaft nach dem Treffen in Graz.",
        "Die KV-Verhandlungen der Metaller gehen am Montag in die vierte Runde.",
    ],
)
def test_no_events_in_court_sport_and_wage_news(extract, text):
    assert extract(text)["events"] == []


@pytest.mark.parametrize(
    "text,event_type,names",
    [
        (
            "Eurogruppen-Chef Jeroen Dijsselbloem kündigte eine Telefonkonferenz für den Abend an.",
            "phone_call",
            ["Jeroen Dijsselbloem"],
        ),
        ("Der Gipfel der G8 in Heiligendamm ging am Freitag zu Ende.", "meeting", ["G8"]),
        ("Die Detailverhandlungen mit Griechenland haben begonnen.", "meeting", ["Griechenland"]),
    ],
)
def test_event_nouns_with_one_named_party(extract, text, event_type, names):
    events = extract(text, "2007-06-08")["events"]
    assert [(e["type"], [a["name"] for a in e["actors"]]) for e in events][:1] == [(event_type, names)]


def test_organisations_are_named_as_written(extract):
    text = (
        "Vertreter der Europäischen Union und des Internationalen Währungsfonds trafen sich in Athen "
        "zu Gesprächen mit der griechischen Regierung."
    )
    events = extract(text, "2015-07-20")["events"]
    names = {a["name"] for e in events for a in e["actors"]}
    assert {"Europäische Union", "Internationaler Währungsfonds"} <= names
