import pytest
import spacy

from eventx.components.countries import NON_UN_MEMBERS, cldr_names, gazetteer
from eventx.rules import load_country_table

ROWS = [r for r in load_country_table() if r["iso3"] not in NON_UN_MEMBERS]


def test_all_un_member_states_are_listed():
    assert len(ROWS) == 193
    assert len({r["iso3"] for r in ROWS}) == 193


@pytest.fixture(scope="module")
def tagger():
    nlp = spacy.blank("de")
    nlp.add_pipe("eventx_countries")
    return nlp


def places(nlp, text):
    doc = nlp(text)
    return [(s.text, s.label_, s._.iso3) for s in doc.spans["eventx_places"]]


@pytest.mark.parametrize("iso3", [r["iso3"] for r in ROWS])
def test_every_member_state_by_cldr_name(tagger, iso3):
    name = cldr_names()[iso3]
    found = places(tagger, f"Die Regierung von {name} äußerte sich.")
    assert (name, "country", iso3) in found


@pytest.mark.parametrize("row", ROWS, ids=[r["iso3"] for r in ROWS])
@pytest.mark.parametrize("ending", ["e", "en", "er", "es", "em"])
def test_every_member_state_by_adjective(tagger, row, ending):
    adj = row["adjectives"][0] + ending
    found = places(tagger, f"Ein Treffen mit dem {adj} Vertreter.")
    assert (adj, "adjective", row["iso3"]) in found


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Der Kreml wies das zurück.", ("Kreml", "capital", "RUS")),
        ("Das Weiße Haus schwieg.", ("Weiße Haus", "capital", "USA")),
        ("Er reiste nach Pjöngjang.", ("Pjöngjang", "capital", "PRK")),
        ("Er reiste nach Kyjiw.", ("Kyjiw", "capital", "UKR")),
        ("Die Palästinenser protestierten.", ("Palästinenser", "demonym", "PSE")),
        ("Russlands Präsident sprach.", ("Russlands", "country", "RUS")),
        ("US-Präsident Biden sprach.", ("US-Präsident", "prefix", "USA")),
        ("Die NATO und die Vereinten Nationen tagten.", ("Vereinten Nationen", "org", None)),
    ],
)
def test_metonyms_demonyms_organisations(tagger, text, expected):
    assert expected in places(tagger, text)


@pytest.mark.parametrize("org", ["EU", "NATO", "UNO", "G7", "G20", "OSZE", "IAEA", "WTO", "ASEAN", "Mercosur", "Arabische Liga"])
def test_organisations(tagger, org):
    found = places(tagger, f"Vertreter der {org} kamen.")
    assert any(kind == "org" for _, kind, _ in found), found


def test_gazetteer_is_not_shared_mutable_state():
    phrases, _ = gazetteer()
    assert phrases["Moskau"] == ("RUS", "capital", "Moskau")
