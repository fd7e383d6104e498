"""Person mentions resolved against the knowledge base: dates, role words, namesakes."""

from __future__ import annotations

import pytest

from eventx.resolution import article_dates, choose, resolve, role_holder, role_offices


@pytest.mark.parametrize(
    ("name", "dates", "role", "country", "expected"),
    [
        ("Lawrow", ["2015-06-01"], None, None, ("RUS", "foreign_minister")),
        ("Fischer", ["2005-03-21"], "Außenminister", None, ("DEU", "foreign_minister")),  # Joschka
        ("Fischer", ["2005-03-21"], "Bundespräsident", None, ("AUT", "head_of_state")),  # Heinz
        ("Fischer", ["2005-03-21"], "Bundespräsidenten", None, ("AUT", "head_of_state")),  # case ending
        ("Steinmeier", ["2008"], None, None, ("DEU", "foreign_minister")),
        ("Steinmeier", ["2018"], None, None, ("DEU", "head_of_state")),
        ("Putin", ["2010-06-01"], "Präsident", None, ("RUS", "head_of_government")),  # role misfits, one person
        ("Putin", ["2010-06-01"], None, None, ("RUS", "head_of_government")),
        ("Kim", ["2018-06-01"], None, None, ("PRK", "supreme_leader")),
        ("Juncker", ["2016"], None, None, ("EU", "commission_president")),
        ("Mahmud Abbas", ["2010"], None, None, ("PSE", "head_of_state")),
        ("Erdogan", [], None, None, ("TUR", "head_of_state")),  # no date: the one person, latest office
        ("Juncker", [], None, None, ("EU", "commission_president")),  # not Luxembourg's prime minister (earlier)
        ("Selenskyj", ["2023"], None, "UKR", ("UKR", "head_of_state")),  # the text's country agrees
        # undated articles: the latest year named counts, and a fitting role word beats the years
        ("Dimitris Avramopoulos", ["2009", "2014", "2015"], None, None, ("EU", "eu_commissioner")),
        ("Donald Tusk", ["2013"], "Ratspräsident", None, ("EU", "european_council_president")),
        ("Fidel Castro", ["1959", "2006"], "Machthaber", None, ("CUB", "head_of_state")),
    ],
)
def test_resolve(name, dates, role, country, expected) -> None:
    h = resolve(name, dates, role, country)
    assert (None if h is None else (h.country or h.org, h.office)) == expected


def test_a_different_given_name_is_another_person() -> None:
    assert resolve("Martin Fischer", ["2005-03-21"]) is None
    assert resolve("Heinz Fischer", ["2005-03-21"]).country == "AUT"


def test_the_texts_country_wins() -> None:
    assert resolve("Lawrow", ["2015-06-01"], None, "DEU") is None  # no Lawrow of Germany: nothing added


def test_namesakes_of_equal_rank_are_not_guessed() -> None:
    # two heads of state named Kim at once (North and South Korea, 2000) -> nobody
    assert resolve("Kim", ["2000-06-15"]) is None


def test_no_one_outside_their_terms() -> None:
    assert resolve("Angela Merkel", ["2023-06-01"]) is None


def test_role_offices() -> None:
    assert role_offices("Außenministers")[0] == "foreign_minister"
    assert role_offices("US-Außenminister")[0] == "foreign_minister"
    assert role_offices("Bundeskanzlerin") == ("head_of_government",)
    assert role_offices("Bäcker") == ()
    assert role_offices(None) == ()


def test_article_dates() -> None:
    assert article_dates("2015-06-01T10:00", "Im Jahr 1999 ...") == ["2015-06-01"]
    assert article_dates(None, "Seit 2013 und bis 2016 ...") == ["2013", "2016"]
    assert article_dates(None, "Kein Jahr.") == []


def test_choose_empty() -> None:
    assert choose([]) is None


@pytest.mark.parametrize(
    ("role", "country", "dates", "expected"),
    [
        ("Außenminister", "RUS", ["2015-06-01"], "Sergej Lawrow"),
        ("Bundeskanzlerin", "DEU", ["2010-01-01"], "Angela Merkel"),
        ("Präsidenten", "USA", ["2016", "2019"], "Donald Trump"),  # the latest year named
        ("Minister", "RUS", ["2015-06-01"], None),  # many ministers: nobody
        ("Außenminister", "RUS", [], None),  # no date: nobody
        ("Bäcker", "RUS", ["2015-06-01"], None),
    ],
)
def test_role_holder(role, country, dates, expected) -> None:
    h = role_holder(role, country, dates)
    assert (h.name if h else None) == expected


def test_a_surname_alone_needs_the_holders_country_in_the_article() -> None:
    assert resolve("Lawrow", ["2015-06-01"], context={"RUS", "DEU"}).country == "RUS"
    assert resolve("Lawrow", ["2015-06-01"], context={"AUT"}) is None  # two Lawrows, neither placed by the article
    assert resolve("Keita", ["2015-06-01"], context={"AUT"}) is None
    assert resolve("Merkel", ["2015-06-01"], context={"AUT"}).country == "DEU"  # one Merkel in the knowledge base
    assert resolve("Sergej Lawrow", ["2015-06-01"], context={"AUT"}).country == "RUS"  # the full name is enough
    assert resolve("Lawrow", ["2015-06-01"], "Außenminister", context={"AUT"}).country == "RUS"  # so is the role word
    assert resolve("Juncker", ["2016"], context={"EU"}).org == "EU"
