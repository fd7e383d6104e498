"""The shipped office-holder knowledge base (resources/kb.tsv.gz): persons named in the dev
articles and the news pool, with the country (or organisation) and office they held at a date.

The first candidate of ``lookup`` (most senior office covering the date) must be the expected one.
These rows test the shipped table only; they need nothing from ../shared.
"""

from __future__ import annotations

import pytest

from eventx import kb

# name as a German article writes it, date, country ISO3 or organisation, office
PERSONS = [
    ("Donald Trump", "2019-06-26", "USA", "head_of_state"),
    ("Trump", "2025-03-01", "USA", "head_of_state"),
    ("Irmgard Griss", "2010-05-01", "AUT", "judge"),
    ("Franziskus", "2016-04-16", "VAT", "head_of_state"),
    ("Hillary Clinton", "2010-06-01", "USA", "foreign_minister"),
    ("Bill Clinton", "1998-06-01", "USA", "head_of_state"),
    ("Boris Johnson", "2017-05-01", "GBR", "foreign_minister"),
    ("Boris Johnson", "2019-09-09", "GBR", "head_of_government"),
    ("Nicolás Maduro", "2019-05-26", "VEN", "head_of_state"),
    ("Nicolas Maduro", "2010-03-01", "VEN", "foreign_minister"),
    ("Sebastian Kurz", "2016-02-01", "AUT", "foreign_minister"),
    ("Sebastian Kurz", "2018-06-01", "AUT", "head_of_government"),
    ("Martin Schulz", "2015-06-01", "EU", "io_official"),
    ("Heinz Fischer", "2015-06-01", "AUT", "head_of_state"),
    ("Angela Merkel", "2015-06-01", "DEU", "head_of_government"),
    ("Barack Obama", "2015-06-01", "USA", "head_of_state"),
    ("Gerhard Schröder", "2004-12-25", "DEU", "head_of_government"),
    ("Oskar Lafontaine", "1999-01-15", "DEU", "finance_minister"),
    ("Jean-Claude Juncker", "2019-07-04", "EU", "commission_president"),
    ("Juncker", "2005-06-01", "LUX", "head_of_government"),
    ("Wladimir Putin", "2015-06-01", "RUS", "head_of_state"),
    ("Putin", "2010-06-01", "RUS", "head_of_government"),
    ("Recep Tayyip Erdogan", "2016-07-20", "TUR", "head_of_state"),
    ("Erdoğan", "2010-06-01", "TUR", "head_of_government"),
    ("David Cameron", "2015-06-01", "GBR", "head_of_government"),
    ("David Cameron", "2024-03-01", "GBR", "foreign_minister"),
    ("Jarosław Kaczyński", "2007-01-10", "POL", "head_of_government"),
    ("Lech Kaczyński", "2006-03-09", "POL", "head_of_state"),
    ("Heinz-Christian Strache", "2018-06-01", "AUT", "deputy_head_of_government"),
    ("Xi Jinping", "2016-06-01", "CHN", "head_of_state"),
    ("Condoleezza Rice", "2006-03-18", "USA", "foreign_minister"),
    ("Condoleezza Rice", "2003-03-01", "USA", "security_adviser"),
    ("Nancy Pelosi", "2019-08-19", "USA", "speaker"),
    ("Alexander Acosta", "2019-07-17", "USA", "minister"),
    ("Theresa May", "2019-05-24", "GBR", "head_of_government"),
    ("Theresa May", "2012-06-01", "GBR", "interior_minister"),
    ("Josef Pröll", "2009-06-01", "AUT", "deputy_head_of_government"),
    ("Christian Kern", "2016-06-01", "AUT", "head_of_government"),
    ("Yanis Varoufakis", "2015-03-01", "GRC", "finance_minister"),
    ("Michael Spindelegger", "2012-06-01", "AUT", "foreign_minister"),
    ("Alain Juppé", "2011-06-01", "FRA", "foreign_minister"),
    ("Thomas Klestil", "2000-06-01", "AUT", "head_of_state"),
    ("Binali Yıldırım", "2017-06-01", "TUR", "head_of_government"),
    ("Hans Jörg Schelling", "2015-06-01", "AUT", "finance_minister"),
    ("Tony Blair", "2005-06-11", "GBR", "head_of_government"),
    ("Saddam Hussein", "2002-06-01", "IRQ", "head_of_state"),
    ("Evo Morales", "2010-06-01", "BOL", "head_of_state"),
    ("Hugo Chávez", "2007-11-20", "VEN", "head_of_state"),
    ("Mahmud Abbas", "2010-06-01", "PSE", "head_of_state"),
    ("Sergio Mattarella", "2019-08-23", "ITA", "head_of_state"),
    ("Ursula von der Leyen", "2019-07-04", "DEU", "defence_minister"),
    ("von der Leyen", "2021-06-01", "EU", "commission_president"),
    ("James Mattis", "2018-06-01", "USA", "defence_minister"),
    ("Robert Mugabe", "2010-06-01", "ZWE", "head_of_state"),
    ("Louise Arbour", "2005-09-02", "UN", "un_official"),
    ("Thorbjørn Jagland", "2000-06-01", "NOR", "foreign_minister"),
    ("António Guterres", "2018-06-01", "UN", "un_secretary_general"),
    ("Guterres", "1998-06-01", "PRT", "head_of_government"),
    ("Hans Peter Doskozil", "2016-06-01", "AUT", "defence_minister"),
    ("Johanna Mikl-Leitner", "2015-06-01", "AUT", "interior_minister"),
    ("Matteo Renzi", "2015-06-01", "ITA", "head_of_government"),
    ("Renzi", "2016-01-01", "ITA", "head_of_government"),  # not San Marino's captain regent Nicola Renzi
    ("Vuk Jeremić", "2010-06-01", "SRB", "foreign_minister"),
    ("Ahmet Davutoğlu", "2015-06-01", "TUR", "head_of_government"),
    ("Davutoglu", "2012-06-01", "TUR", "foreign_minister"),
    ("Jimmy Morales", "2016-06-01", "GTM", "head_of_state"),
    ("Alexis Tsipras", "2015-08-01", "GRC", "head_of_government"),
    ("Panos Kammenos", "2016-06-01", "GRC", "defence_minister"),
    ("François Hollande", "2015-06-01", "FRA", "head_of_state"),
    ("Petro Poroschenko", "2015-06-01", "UKR", "head_of_state"),
    ("Andrus Ansip", "2010-06-01", "EST", "head_of_government"),
    ("Helmut Kohl", "1995-06-01", "DEU", "head_of_government"),
    ("Arsenij Jazenjuk", "2015-06-01", "UKR", "head_of_government"),
    ("Robert Fico", "2015-06-01", "SVK", "head_of_government"),
    ("Viktor Orbán", "2015-06-01", "HUN", "head_of_government"),
    ("Borut Pahor", "2015-06-01", "SVN", "head_of_state"),
    ("Kolinda Grabar-Kitarović", "2016-06-01", "HRV", "head_of_state"),
    ("Benita Ferrero-Waldner", "2003-06-01", "AUT", "foreign_minister"),
    ("Herbert Kickl", "2018-06-01", "AUT", "interior_minister"),
    ("Fidel Castro", "2005-06-01", "CUB", "head_of_state"),
    ("Tsai Ing-wen", "2017-06-01", "TWN", "head_of_state"),
    ("Colin Powell", "2003-06-01", "USA", "foreign_minister"),
    ("Jeremy Hunt", "2019-07-12", "GBR", "foreign_minister"),
    ("Jeremy Hunt", "2023-06-01", "GBR", "finance_minister"),
    ("Leonid Kutschma", "2003-06-01", "UKR", "head_of_state"),
    ("George Weah", "2019-06-01", "LBR", "head_of_state"),
    ("Mahmud Ahmadinedschad", "2008-06-01", "IRN", "head_of_state"),
    ("Ahmadinedschad", "2006-06-01", "IRN", "head_of_state"),
    ("Giuseppe Conte", "2019-09-02", "ITA", "head_of_government"),
    ("Donald Tusk", "2019-07-04", "EU", "european_council_president"),
    ("Tusk", "2010-06-01", "POL", "head_of_government"),
    ("Tusk", "2024-06-01", "POL", "head_of_government"),
    ("Emmanuel Macron", "2020-11-13", "FRA", "head_of_state"),
    ("Kamala Harris", "2022-06-01", "USA", "vice_president"),
    ("Meles Zenawi", "2005-05-16", "ETH", "head_of_government"),
    ("Pascal Lamy", "2006-06-01", "WTO", "io_head"),
    ("Faure Gnassingbé", "2010-06-01", "TGO", "head_of_state"),
    ("Idriss Déby", "2005-06-07", "TCD", "head_of_state"),
    ("Silvio Berlusconi", "2008-06-01", "ITA", "head_of_government"),
    ("Benjamin Netanjahu", "2015-06-01", "ISR", "head_of_government"),
    ("Netanyahu", "2024-06-01", "ISR", "head_of_government"),
    ("Sergej Lawrow", "2015-06-01", "RUS", "foreign_minister"),
    ("Lawrow", "2022-03-01", "RUS", "foreign_minister"),
    ("Wolodymyr Selenskyj", "2023-06-01", "UKR", "head_of_state"),
    ("Selenskyj", "2019-10-03", "UKR", "head_of_state"),
    ("Chamenei", "2010-06-01", "IRN", "supreme_leader"),
    ("Sarif", "2015-06-01", "IRN", "foreign_minister"),
    ("Kim Jong Un", "2018-06-01", "PRK", "supreme_leader"),
    ("Kim Jong-un", "2024-06-01", "PRK", "supreme_leader"),
    ("Yoon Suk-yeol", "2024-10-29", "KOR", "head_of_state"),
    ("Choe Son-hui", "2024-11-01", "PRK", "foreign_minister"),
    ("Lukaschenko", "2020-08-01", "BLR", "head_of_state"),
    ("Frank-Walter Steinmeier", "2008-06-01", "DEU", "foreign_minister"),
    ("Steinmeier", "2017-10-02", "DEU", "head_of_state"),
    ("Dmitri Medwedew", "2009-06-01", "RUS", "head_of_state"),
    ("Medwedew", "2015-06-01", "RUS", "head_of_government"),
    ("Wang Yi", "2015-06-01", "CHN", "foreign_minister"),
    ("Shinzo Abe", "2019-06-26", "JPN", "head_of_government"),
    ("Pedro Sanchez", "2019-06-01", "ESP", "head_of_government"),
    ("Aleksandar Vucic", "2018-06-01", "SRB", "head_of_state"),
    ("Vučić", "2015-06-01", "SRB", "head_of_government"),
    ("Mark Rutte", "2017-10-11", "NLD", "head_of_government"),
    ("Rutte", "2025-06-01", "NATO", "nato_secretary_general"),
    ("Scott Morrison", "2019-10-03", "AUS", "head_of_government"),
    ("Justin Trudeau", "2019-06-01", "CAN", "head_of_government"),
    ("Cyril Ramaphosa", "2019-06-01", "ZAF", "head_of_state"),
    ("Narendra Modi", "2019-06-01", "IND", "head_of_government"),
    ("Jair Bolsonaro", "2020-06-01", "BRA", "head_of_state"),
    ("Lula", "2024-06-01", "BRA", "head_of_state"),
    ("Mohammed bin Salman", "2023-06-01", "SAU", "head_of_government"),
    ("Federica Mogherini", "2016-06-01", "EU", "eu_high_representative"),
    ("Jens Stoltenberg", "2016-06-01", "NATO", "nato_secretary_general"),
    ("Joachim Gauck", "2014-06-01", "DEU", "head_of_state"),
    ("Joschka Fischer", "2005-03-21", "DEU", "foreign_minister"),
    ("Hans Eichel", "2005-06-11", "DEU", "finance_minister"),
    ("Horst Köhler", "2005-07-10", "DEU", "head_of_state"),
    ("Wolfgang Schüssel", "2004-12-25", "AUT", "head_of_government"),
    ("Werner Faymann", "2015-06-01", "AUT", "head_of_government"),
    ("Li Zhaoxing", "2005-09-02", "CHN", "foreign_minister"),
    ("Thabo Mbeki", "2005-07-11", "ZAF", "head_of_state"),
    ("Omar al-Baschir", "2005-07-11", "SDN", "head_of_state"),
    ("Julija Tymoschenko", "2005-03-21", "UKR", "head_of_government"),
    ("Wiktor Juschtschenko", "2005-03-21", "UKR", "head_of_state"),
    ("Borys Tarasiuk", "2005-03-21", "UKR", "foreign_minister"),
    ("Adam Rotfeld", "2005-03-21", "POL", "foreign_minister"),
    ("Gordon Brown", "2005-06-11", "GBR", "finance_minister"),
    ("Gordon Brown", "2008-06-01", "GBR", "head_of_government"),
    ("John Kerry", "2015-06-01", "USA", "foreign_minister"),
    ("Schoigu", "2020-06-01", "RUS", "defence_minister"),
    ("Schoigu", "2025-06-01", "RUS", "security_adviser"),
    ("Antony Blinken", "2023-06-01", "USA", "foreign_minister"),
    ("Olaf Scholz", "2019-06-01", "DEU", "finance_minister"),
    ("Scholz", "2023-06-01", "DEU", "head_of_government"),
    ("Friedrich Merz", "2025-06-01", "DEU", "head_of_government"),
    ("Keir Starmer", "2025-06-01", "GBR", "head_of_government"),
    ("Giorgia Meloni", "2023-06-01", "ITA", "head_of_government"),
    ("Massud Peseschkian", "2025-06-01", "IRN", "head_of_state"),
    ("Abbas Araghtschi", "2025-06-01", "IRN", "foreign_minister"),
    ("Kaja Kallas", "2025-06-01", "EU", "eu_high_representative"),
    ("Kaja Kallas", "2022-06-01", "EST", "head_of_government"),
    ("Annalena Baerbock", "2023-06-01", "DEU", "foreign_minister"),
    ("Boris Pistorius", "2024-06-01", "DEU", "defence_minister"),
    ("Nancy Faeser", "2023-06-01", "DEU", "interior_minister"),
    ("Robert Habeck", "2023-06-01", "DEU", "economy_minister"),
    ("Frans Timmermans", "2016-06-01", "EU", "eu_commissioner"),
    ("Frans Timmermans", "2013-06-01", "NLD", "foreign_minister"),
    ("Alan Greenspan", "2004-12-07", "USA", "central_bank_governor"),
    ("Gustavo Petro", "2023-06-01", "COL", "head_of_state"),
    ("Juan Manuel Santos", "2016-06-01", "COL", "head_of_state"),
]


@pytest.mark.parametrize(("name", "date", "where", "office"), PERSONS)
def test_person_at_date(name: str, date: str, where: str, office: str) -> None:
    found = kb.lookup(name, date)
    assert found, f"{name} unknown at {date}"
    top = found[0]
    assert (top.country or top.org, top.office) == (where, office), [(h.name, h.country or h.org, h.office) for h in found[:4]]
    assert top.covers(date)


def test_table_spans_many_countries() -> None:
    assert len(PERSONS) >= 80
    assert len({w for _, _, w, _ in PERSONS if len(w) == 3 and w.isupper() and w != "WTO"}) >= 30


@pytest.mark.parametrize(
    ("surname", "date", "names"),
    [
        ("Kaczyński", "2007-01-10", {"Lech Kaczyński", "Jarosław Kaczyński"}),  # brothers in office together
        ("Clinton", "2010-06-01", {"Hillary Clinton"}),  # Bill's term is over by then
        ("Lawrow", "2015-06-01", {"Sergej Lawrow", "Alexej Lawrow"}),  # foreign minister and a deputy minister
    ],
)
def test_namesakes_are_all_candidates(surname: str, date: str, names: set[str]) -> None:
    assert {h.name for h in kb.lookup(surname, date)} == names


def test_outside_any_term_finds_nothing() -> None:
    assert kb.lookup("Angela Merkel", "2023-06-01") == []
    assert kb.lookup("Olaf Scholz", "2026-06-01") == []


@pytest.mark.parametrize(
    ("german", "english"),
    [("Sergej Lawrow", "Sergey Lavrov"), ("Wolodymyr Selenskyj", "Volodymyr Zelenskyy"), ("Ali Chamenei", "Ali Khamenei"),
     ("Mahmud Ahmadinedschad", "Mahmoud Ahmadinejad"), ("Benjamin Netanjahu", "Benjamin Netanyahu"),
     ("Alexander Lukaschenko", "Alexander Lukashenko"), ("Kim Jong Un", "Kim Jong-un"), ("Erdogan", "Erdoğan")],
)
def test_german_and_english_forms_find_the_same_person(german: str, english: str) -> None:
    a, b = kb.lookup(german), kb.lookup(english)
    assert a and b and a[0].qid == b[0].qid


def test_role_and_country_give_the_holder() -> None:
    assert [h.name for h in kb.holders("RUS", "foreign_minister", "2015-06-01")] == ["Sergej Lawrow"]
    assert [h.name for h in kb.holders("DEU", "head_of_government", "2010-01-01")] == ["Angela Merkel"]


def test_year_only_dates_cover_the_whole_year() -> None:
    names = {h.name for h in kb.holders("DEU", "head_of_government", "2005")}
    assert names == {"Gerhard Schröder", "Angela Merkel"}


def test_who_returns_plain_data() -> None:
    rows = kb.who("Lawrow", "2015-06-01")
    assert rows[0]["country"] == "RUS" and rows[0]["office"] == "foreign_minister"
    assert rows[0]["qid"].startswith("Q")


def test_name_key_ignores_case_accents_and_hyphens() -> None:
    assert kb.name_key("Kim Jong-un") == kb.name_key("kim jong un")
    assert kb.name_key("Erdoğan") == "erdogan"
    assert kb.name_key("O′Rourke") == "orourke"


def test_back_to_back_terms_are_merged() -> None:
    terms = kb.holders("DEU", "foreign_minister")
    steinmeier = [h for h in terms if h.name == "Frank-Walter Steinmeier"]
    assert len(steinmeier) == 2  # 2005-2009 and 2013-2017: not back to back
    merkel = [h for h in kb.holders("DEU", "head_of_government") if h.name == "Angela Merkel"]
    assert len(merkel) == 1
