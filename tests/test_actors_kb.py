"""eventx_actors with the office-holder knowledge base: what the reader knows when the text is silent."""

import pytest

from eventx import process


def persons(nlp, text, date=None):
    doc = process(nlp, text, date)
    return {a["name"]: a for a in doc._.actors if a["kind"] == "person"}


@pytest.mark.parametrize(
    ("text", "date", "name", "country", "office"),
    [
        ("Sergej Lawrow telefonierte am Montag mit Wang Yi.", "2015-06-01", "Sergej Lawrow", "RUS", "foreign_minister"),
        ("Sergej Lawrow telefonierte am Montag mit Wang Yi.", "2015-06-01", "Wang Yi", "CHN", "foreign_minister"),
        ("Angela Merkel empfing am Dienstag Emmanuel Macron.", "2019-03-05", "Emmanuel Macron", "FRA", "head_of_state"),
        # the article's years when there is no date: 2016 makes Steinmeier the foreign minister
        ("Im März 2016 reiste Frank-Walter Steinmeier nach Kiew.", None, "Frank-Walter Steinmeier", "DEU", "foreign_minister"),
    ],
)
def test_the_knowledge_base_gives_country_and_office(nlp, text, date, name, country, office):
    actor = persons(nlp, text, date)[name]
    assert (actor["country"], actor["office"]) == (country, office)
    assert actor["code"].startswith(country)


def test_the_texts_country_wins(nlp):
    # a (made-up) French Lawrow: the text says so, the knowledge base has no French Lawrow to add
    actor = persons(nlp, "Der französische Außenminister Sergej Lawrow sprach in Paris.", "2015-06-01")["Sergej Lawrow"]
    assert actor["country"] == "FRA" and actor["wikidata"] is None


def test_a_date_outside_the_term_gives_nothing(nlp):
    actor = persons(nlp, "Angela Merkel sprach in Berlin.", "2024-06-01")["Angela Merkel"]
    assert actor["office"] is None and actor["wikidata"] is None


def test_wikidata_id(nlp):
    assert persons(nlp, "Sergej Lawrow sprach in Moskau.", "2015-06-01")["Sergej Lawrow"]["wikidata"] == "Q58217"


def test_a_title_for_several_countries_takes_the_holders(nlp):
    # "Bundespräsident" is German, Austrian or Swiss; in 2005 Heinz Fischer was Austria's
    text = "Bundespräsident Heinz Fischer besuchte Berlin. Deutschland und Deutschland und Deutschland."
    assert persons(nlp, text, "2005-03-01")["Heinz Fischer"]["country"] == "AUT"


def test_one_person_under_two_spellings_is_one_actor(nlp):
    doc = process(nlp, "Nicolás Maduro sprach. Später sagte Nicolas Maduro, er sei zufrieden.", "2019-05-26")
    found = [a for a in doc._.actors if a["kind"] == "person"]
    assert len(found) == 1 and found[0]["country"] == "VEN" and len(found[0]["mentions"]) == 2
    assert [a["id"] for a in doc._.actors] == list(range(len(doc._.actors)))
