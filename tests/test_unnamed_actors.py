"""Actors without names (issue 9, mechanism 3): office holders the article does not name,
titles and demonyms that refer back to a person, organisations under the name the text
writes, national organisations with their country, 'Bund und Länder'."""

import pytest

from eventx import process


def events(nlp, text, date="2024-05-10"):
    return process(nlp, text, date)._.events


def parties(event):
    return {(a["name"], a["kind"], a["country"]) for a in event["actors"] + event["hosts"]}


def only(nlp, text, kind):
    found = [e for e in events(nlp, text) if e["type"] == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text,kind,expected",
    [
        # an office holder without a name stands for the country
        (
            "Der österreichische Außenminister traf am Montag seinen britischen Amtskollegen.",
            "meeting",
            {("Österreich", "country", "AUT"), ("Vereinigtes Königreich", "country", "GBR")},
        ),
        (
            "Die polnische Regierungschefin telefonierte mit dem französischen Präsidenten.",
            "phone_call",
            {("Polen", "country", "POL"), ("Frankreich", "country", "FRA")},
        ),
        # metonyms and government nouns
        (
            "Der Kreml und Peking unterzeichneten ein Abkommen.",
            "treaty",
            {("Kreml", "country", "RUS"), ("Peking", "country", "CHN")},
        ),
        # the federation and its parts, of the country the article is about
        (
            "In Wien einigten sich Bund und Länder auf einen Stabilitätspakt.",
            "treaty",
            {("Bund", "country", "AUT"), ("Länder", "org", "AUT")},
        ),
        # national organisations carry their country, international ones do not
        (
            "Die SPÖ und die ÖVP verhandeln seit Montag über eine Koalition.",
            "meeting",
            {("SPÖ", "org", "AUT"), ("ÖVP", "org", "AUT")},
        ),
        (
            "Podemos hat Verhandlungen mit der PSOE aufgenommen.",
            "meeting",
            {("Podemos", "org", "ESP"), ("PSOE", "org", "ESP")},
        ),
        # an organisation under the name as written, in the nominative
        (
            "Griechenland verhandelt mit der Europäischen Union und dem Internationalen Währungsfonds.",
            "meeting",
            {
                ("Griechenland", "country", "GRC"),
                ("Europäische Union", "org", None),
                ("Internationaler Währungsfonds", "org", None),
            },
        ),
    ],
)
def test_actors_without_names(nlp, text, kind, expected):
    assert parties(only(nlp, text, kind)) == expected


@pytest.mark.parametrize(
    "text,kind,expected",
    [
        # a demonym after a singular determiner is the last person of that country
        (
            "Die dänische Ministerpräsidentin Mette Frederiksen reiste nach Kiew. "
            "Dort traf die Dänin den ukrainischen Präsidenten Wolodymyr Selenskyj.",
            "meeting",
            {("Mette Frederiksen", "person", "DNK"), ("Wolodymyr Selenskyj", "person", "UKR")},
        ),
        # a bare title is the last person who holds it
        (
            "Der französische Außenminister Jean-Noël Barrot kam nach Rom. "
            "Am Abend traf der Minister den italienischen Präsidenten Sergio Mattarella.",
            "meeting",
            {("Jean-Noël Barrot", "person", "FRA"), ("Sergio Mattarella", "person", "ITA")},
        ),
        # ... also with the nationality: the person, not a second actor for the country
        (
            "Der spanische Premier Pedro Sánchez sprach in Madrid. "
            "Später telefonierte der spanische Premier mit dem marokkanischen Außenminister Nasser Bourita.",
            "phone_call",
            {("Pedro Sánchez", "person", "ESP"), ("Nasser Bourita", "person", "MAR")},
        ),
    ],
)
def test_titles_and_demonyms_refer_back(nlp, text, kind, expected):
    assert parties(only(nlp, text, kind)) == expected


def test_plural_demonym_is_the_country(nlp):
    text = "Der französische Präsident Emmanuel Macron reiste ab. Danach verhandelten die Franzosen mit Deutschland."
    meeting = only(nlp, text, "meeting")
    assert ("Emmanuel Macron", "person", "FRA") not in parties(meeting)
    assert {a["country"] for a in meeting["actors"]} == {"FRA", "DEU"}


def test_a_counterpart_never_refers_back(nlp):
    text = (
        "Außenministerin Annalena Baerbock reiste nach Paris. "
        "Dort traf die Ministerin ihren französischen Amtskollegen."
    )
    meeting = only(nlp, text, "meeting")
    assert ("Annalena Baerbock", "person", "DEU") in parties(meeting)
    assert ("Frankreich", "country", "FRA") in parties(meeting) or ("Paris", "country", "FRA") in parties(meeting)


def test_an_abbreviation_in_brackets_is_the_same_organisation(nlp):
    doc = process(nlp, "Die Europäische Union (EU) und Griechenland verhandeln seit Montag.", "2024-05-10")
    orgs = [a for a in doc._.actors if a["kind"] == "org"]
    assert [(a["name"], len(a["mentions"])) for a in orgs] == [("Europäische Union", 2)]


def test_title_with_a_name_is_a_person_not_a_country(nlp):
    doc = process(nlp, "Der russische Präsident Wladimir Putin reiste nach Peking.", "2024-05-10")
    assert not [a for a in doc._.actors if a["kind"] == "country" and a["country"] == "RUS"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # the parties of 'zwischen ... und ...' over a coordination with commas
        ("Am Montag begannen in Genf Verhandlungen zwischen den USA, Russland und der Ukraine.", {"USA", "RUS", "UKR"}),
        # ... but not into a relative clause after it
        ("Die Verhandlungen zwischen Serbien und dem Kosovo, die in Brüssel begannen, wurden abgebrochen.", {"SRB", "XKX"}),
        # 'die Regierung in Kiew' is the government that acts, not the place of the talks
        ("Die Gespräche zwischen der Regierung in Kiew und den Vertretern Russlands wurden fortgesetzt.", {"UKR", "RUS"}),
    ],
)
def test_parties_between(nlp, text, expected):
    meeting = only(nlp, text, "meeting")
    assert {a["country"] for a in meeting["actors"]} == expected


def test_a_persons_party_is_no_party_to_the_event(nlp):
    text = "Finanzminister Hans Jörg Schelling (ÖVP) und Landeshauptmann Josef Pühringer unterzeichneten in Linz einen Vertrag."
    treaty = only(nlp, text, "treaty")
    assert not [a for a in treaty["actors"] if a["kind"] == "org"]
    assert all(a["country"] == "AUT" for a in treaty["actors"] if a["name"] == "Hans Jörg Schelling")


def test_a_party_before_the_name_is_the_persons(nlp):
    doc = process(nlp, "Ob er auf den Grünen Alexander Van der Bellen treffen werde, sei egal.", "2016-05-10")
    assert not [a for e in doc._.events for a in e["actors"] if a["kind"] == "org"]


def test_these_countries_are_the_ones_listed(nlp):
    text = (
        "Brasilien, Argentinien, Chile und Peru gründeten eine Gemeinschaft. "
        "Staatschefs und Diplomaten dieser Länder unterschrieben dazu in Cuzco eine Deklaration."
    )
    treaty = only(nlp, text, "treaty")
    assert {a["country"] for a in treaty["actors"]} == {"BRA", "ARG", "CHL", "PER"}
