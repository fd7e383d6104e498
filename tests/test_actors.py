import pytest

from eventx import process


def persons(nlp, text, date=None):
    doc = process(nlp, text, date)
    return {a["name"]: (a["role"], a["country"], a["code"]) for a in doc._.actors if a["kind"] == "person"}


@pytest.mark.parametrize(
    "text,name,expected",
    [
        ("Der südkoreanische Präsident Yoon Suk-yeol sprach in Seoul.", "Yoon Suk-yeol", ("Präsident", "KOR", "KORGOV")),
        ("Russlands Präsident Wladimir Putin schwieg.", "Wladimir Putin", ("Präsident", "RUS", "RUSGOV")),
        ("US-Außenminister Antony Blinken reiste ab.", "Antony Blinken", ("Außenminister", "USA", "USAGOV")),
        (
            "Er sprach mit dem ukrainischen Präsidenten Wolodymyr Selenskyj.",
            "Wolodymyr Selenskyj",
            ("Präsident", "UKR", "UKRGOV"),
        ),
        ("Kim Jong-un, Machthaber Nordkoreas, ließ Raketen testen.", "Kim Jong-un", ("Machthaber", "PRK", "PRKGOV")),
    ],
)
def test_role_and_country(nlp, text, name, expected):
    assert persons(nlp, text)[name] == expected


def test_surname_mentions_join_the_full_name(nlp):
    doc = process(nlp, "Der französische Präsident Emmanuel Macron kam nach Berlin. Später sagte Macron, er sei zufrieden.")
    macron = [a for a in doc._.actors if a["kind"] == "person"]
    assert len(macron) == 1 and len(macron[0]["mentions"]) == 2


def test_nationality_words_far_from_the_name_do_not_count(nlp):
    found = persons(nlp, "Nach russischen Angaben könnte Kim Jong-un schon bald reisen.")
    assert found["Kim Jong-un"][1] != "RUS"


def test_bundes_titles_follow_the_country_the_article_is_about(nlp):
    text = "Wien – Bundespräsident Heinz Fischer lobte die österreichische Regierung. In Österreich war man zufrieden."
    assert persons(nlp, text)["Heinz Fischer"][1] == "AUT"


def test_unnamed_titled_mention_gives_the_country(nlp):
    text = "US-Außenminister will vermitteln. Außenminister John Kerry traf am Montag die Unterhändler."
    assert persons(nlp, text)["John Kerry"][1] == "USA"


def test_countries_and_governments_act(nlp):
    doc = process(nlp, "Die iranische Regierung und Frankreich einigten sich.")
    collective = {(a["name"], a["country"], a["code"]) for a in doc._.actors if a["kind"] == "country"}
    assert ("Iran", "IRN", "IRNGOV") in collective and ("Frankreich", "FRA", "FRA") in collective
