"""eventx_name_rules on entities set by hand (so the rule, not the NER, is tested) and
on the shipped pipeline."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from eventx.components.name_rules import is_title


@pytest.fixture(scope="module")
def rules():
    nlp = spacy.blank("de")
    return nlp, nlp.add_pipe("eventx_name_rules")


def tagged(nlp, text, ents):
    doc = Doc(nlp.vocab, words=text.split())
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


@pytest.mark.parametrize(
    "text,ent,expected",
    [
        ("Trainer Gennadij Chalepo lobte", (0, 3), "Gennadij Chalepo"),
        ("Auch Mr. Krugman irrt", (1, 3), "Krugman"),
        ("Bundestrainer Joachim Löw lobte", (0, 3), "Joachim Löw"),
        ("Der Löwen-Keeper Hofmann hielt", (1, 3), "Hofmann"),
        ("Außenministerin Annalena Baerbock reiste", (0, 3), "Annalena Baerbock"),
        ("Genosse Stalin starb", (0, 2), "Stalin"),
        ("Da dachte Thomas dachte nach", (2, 4), "Thomas"),
        ("Er traf Laura ( 12 )", (2, 4), "Laura"),
        ("Ursula von der Leyen sprach", (0, 4), "Ursula von der Leyen"),
        ("Karl-Theodor zu Guttenberg trat zurück", (0, 3), "Karl-Theodor zu Guttenberg"),
        ("Popstar Lady Gaga sang", (0, 3), "Lady Gaga"),
        ("Frau Holle und Mann", (0, 2), "Holle"),
        ("1919 war Rée Gründungsmitglied der", (2, 4), "Rée"),
        ("Der Vergleich mit Steffi Graf schmeichelt", (3, 5), "Steffi Graf"),
        ("Gerhard Richter malte", (0, 2), "Gerhard Richter"),
        ("Hans-Olaf Henkel sagte", (0, 2), "Hans-Olaf Henkel"),
        ("Felix Mendelssohn Bartholdy komponierte", (0, 3), "Felix Mendelssohn Bartholdy"),
        ("Lemmy Kilmister sang", (0, 2), "Lemmy Kilmister"),
        ("Prinz Harry kam", (0, 2), "Harry"),
        ("Frau Heba al-Khaled ( 17 )", (0, 3), "Heba al-Khaled"),
        ("Präsident Omar al-Beshir ernannte", (0, 3), "Omar al-Beshir"),
        ("Saladin ad-Din kam", (0, 2), "Saladin ad-Din"),
        ("Da dachte Peter anti-amerikanisch", (2, 4), "Peter"),
        ("Er traf Maria al-dente", (2, 4), "Maria"),
    ],
)
def test_person_names_lose_titles_and_trailing_words(rules, text, ent, expected):
    nlp, component = rules
    doc = component(tagged(nlp, text, [(*ent, "PER")]))
    assert [e.text for e in doc.ents] == [expected]
    assert [t.ent_iob_ for t in doc if t.text not in expected.split()] == ["O"] * (len(doc) - len(expected.split()))


def test_persons_made_of_titles_alone_are_dropped(rules):
    nlp, component = rules
    doc = component(tagged(nlp, "Hat Mr. Krugman recht", [(1, 2, "PER"), (2, 3, "PER")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Krugman", "PER")]
    doc = component(tagged(nlp, "Er diente als Artilleriehauptmann", [(3, 4, "PER")]))
    assert doc.ents == ()


def test_kin_word_splits_two_persons(rules):
    nlp, component = rules
    doc = component(tagged(nlp, "unter dem Kommando von Brians Sohn Murchad .", [(4, 7, "PER")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Brians", "PER"), ("Murchad", "PER")]


@pytest.mark.parametrize(
    "text,ent,expected",
    [
        ("Auflage , Franzis Verlag , München", (2, 4), ("Franzis Verlag", "ORG")),
        ("am Lee Strasberg Theatre und", (1, 4), ("Lee Strasberg Theatre", "ORG")),
        ("an der Ben Jehudastraße in", (2, 4), ("Ben Jehudastraße", "LOC")),
    ],
)
def test_persons_named_after_organisation_or_place_words_are_relabelled(rules, text, ent, expected):
    nlp, component = rules
    doc = component(tagged(nlp, text, [(*ent, "PER")]))
    assert [(e.text, e.label_) for e in doc.ents] == [expected]


def test_lowercase_places_and_persons_are_dropped_other_labels_kept(rules):
    nlp, component = rules
    words = "die deutschen Interessen laut dpa in Berlin"
    doc = component(tagged(nlp, words, [(1, 2, "LOC"), (4, 5, "ORG"), (6, 7, "LOC")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("dpa", "ORG"), ("Berlin", "LOC")]


def test_places_keep_their_titles(rules):
    nlp, component = rules
    doc = component(tagged(nlp, "in Kaiser Wilhelm Koog", [(1, 4, "LOC")]))
    assert [e.text for e in doc.ents] == ["Kaiser Wilhelm Koog"]


@pytest.mark.parametrize("word", ["Trainer", "Co-Trainer", "Bundestrainer", "Dr.", "Vizepräsident", "Popstar"])
def test_titles(word):
    assert is_title(word)


@pytest.mark.parametrize(
    "word", ["Müller", "Lady", "Angela", "Gaga", "Henkel", "Mendelssohn", "Kilmister", "Lackner-Prinz", "Altvater"]
)
def test_not_titles(word):
    assert not is_title(word)


def test_shipped_pipeline_runs_the_rules(nlp):
    assert "eventx_name_rules" in nlp.pipe_names
    doc = nlp("Bundestrainer Julian Nagelsmann und Außenministerin Annalena Baerbock trafen sich in Berlin.")
    persons = [e.text for e in doc.ents if e.label_ == "PER"]
    assert "Julian Nagelsmann" in persons and "Annalena Baerbock" in persons
    assert all(not is_title(p.split()[0]) for p in persons)
