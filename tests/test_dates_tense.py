"""Dates by tense (the news strategy of HeidelTime) and the expressions of issue 9, on
German sentences written for these tests."""

import datetime as dt

import pytest

from eventx.timex import Context, article_anchor_year, find_timexes, resolve
from eventx.timex_words import easter

DCT = dt.date(2023, 5, 10)  # a Wednesday

# (sentence, future?, expected (text, value, mod) of the only expression)
CASES = [
    # a day or month without a year: the next one for the future, the most recent one for the past
    ("Der Kanzler wird am 4. Juni Paris besuchen.", True, ("am 4. Juni", "2023-06-04", None)),
    ("Der Kanzler besuchte am 4. Juni Paris.", False, ("am 4. Juni", "2022-06-04", None)),
    ("Die Ministerin soll im März nach Kiew reisen.", True, ("im März", "2024-03", None)),
    ("Die Ministerin reiste im März nach Kiew.", False, ("im März", "2023-03", None)),
    ("Der Gipfel ist für den 2. Mai geplant.", True, ("2. Mai", "2024-05-02", None)),
    # weekdays
    ("Am Mittwoch trafen sich die Außenminister.", False, ("Am Mittwoch", "2023-05-10", None)),
    ("Am Freitag will er nach Warschau fliegen.", True, ("Am Freitag", "2023-05-12", None)),
    ("Am Freitag traf er den Präsidenten.", False, ("Am Freitag", "2023-05-05", None)),
    # a weekday with its date in brackets or after a comma: the date decides
    ("Am Freitag (12. Mai) reist sie nach Rom.", True, ("Am Freitag (12. Mai)", "2023-05-12", None)),
    ("Am Montag (8. Mai) telefonierten die beiden.", False, ("Am Montag (8. Mai)", "2023-05-08", None)),
    ("Am Dienstag, 9. Mai, unterzeichneten sie das Abkommen.", False, ("Am Dienstag, 9. Mai", "2023-05-09", None)),
    # the night to a day is dated to that day
    ("In der Nacht zum Samstag einigten sich die Unterhändler.", False, ("In der Nacht zum Samstag", "2023-05-06", None)),
    ("In der Nacht zum Samstag sollen die Gespräche enden.", True, ("In der Nacht zum Samstag", "2023-05-13", None)),
    # parts of months
    ("Ende Mai wird der Präsident erwartet.", True, ("Ende Mai", "2023-05", "END")),
    ("Anfang Februar kam der Premier zu Besuch.", False, ("Anfang Februar", "2023-02", "START")),
    ("Anfang Februar soll der Premier kommen.", True, ("Anfang Februar", "2024-02", "START")),
    # feasts, fixed and movable
    ("Kurz vor Ostern besuchte der Papst Kiew.", False, ("Kurz vor Ostern", "2023-04-09", "BEFORE")),
    ("An Pfingsten soll der Vertrag unterzeichnet werden.", True, ("An Pfingsten", "2023-05-28", None)),
    ("Zu Weihnachten reiste der Minister zu den Truppen.", False, ("Zu Weihnachten", "2022-12-25", None)),
    ("Zu Weihnachten will der Minister zu den Truppen reisen.", True, ("Zu Weihnachten", "2023-12-25", None)),
    # ranges: the start
    ("Der Gipfel findet vom 21. November bis 2. Dezember statt.", True, ("vom 21. November bis 2. Dezember", "2023-11-21", None)),
    (
        "Die Konferenz lief vom 28. Dezember bis 3. Januar 2023.",
        False,
        ("vom 28. Dezember bis 3. Januar 2023", "2022-12-28", None),
    ),
    ("Die Delegation war vom 2. bis 4. Mai in Peking.", False, ("vom 2. bis 4. Mai", "2023-05-02", None)),
    # seasons by tense
    ("Im Herbst will sie nach Washington reisen.", True, ("Im Herbst", "2023-FA", None)),
    ("Im Herbst war sie in Washington.", False, ("Im Herbst", "2022-FA", None)),
    ("Im Frühjahr will X nach Berlin kommen.", True, ("Im Frühjahr", "2023-SP", None)),  # still running in May
    ("Im Sommer will X nach Berlin kommen.", True, ("Im Sommer", "2023-SU", None)),
    ("Im Sommer kam X nach Berlin.", False, ("Im Sommer", "2022-SU", None)),
    ("Im Frühjahr kam X nach Berlin.", False, ("Im Frühjahr", "2023-SP", None)),
    # offsets with an approximation, the present
    ("In etwa drei Monaten wird das Parlament abstimmen.", True, ("In etwa drei Monaten", "2023-08", None)),
    ("Am heutigen Mittwoch trafen sie sich.", False, ("heutigen", "2023-05-10", None)),
    ("Die Regierung verhandelt derzeit mit den Ländern.", False, ("derzeit", "2023-05-10", None)),
]


@pytest.mark.parametrize("sentence,future,expected", CASES)
def test_dates_by_tense(sentence, future, expected):
    found = find_timexes(sentence, Context(DCT, None, future))
    assert [(t.text, t.value, t.mod) for t in found] == [expected]


def test_resolve_reads_an_expression_again_under_another_tense():
    # found in "wurde bekannt, dass ..." (past) but belongs to a planned trip
    assert resolve("am 19. Juni", Context(dt.date(2019, 6, 15), None, False)) == ("2018-06-19", None)
    assert resolve("am 19. Juni", Context(dt.date(2019, 6, 15), None, True)) == ("2019-06-19", None)
    assert resolve("Besuch", Context(DCT, None, True)) is None


def test_without_dct_present_words_are_no_dates_and_relative_ones_keep_their_text():
    assert find_timexes("Die Regierung verhandelt derzeit.", Context(None, 2023, False)) == []
    found = find_timexes("Am Freitag traf er sie.", Context(None, 2023, False))
    assert [(t.text, t.value) for t in found] == [("Am Freitag", None)]


@pytest.mark.parametrize(
    "text,year",
    [
        ("Am 3. März 2019 trafen sie sich. Am 5. März reiste er ab.", 2019),
        ("Sie trafen sich im Juni 2022. Seit 2003 verhandeln beide Länder.", 2022),
        # only bare years (history, outlook): no year for the article's days and months
        ("Seit Ende 2003 sanken die Einlagen. Am 16. Juli sprach er mit Investoren.", None),
        ("Die Republik wurde 1949 einverleibt, 2009 sprach er von Völkermord.", None),
    ],
)
def test_anchor_year_comes_from_dates_with_a_month(text, year):
    assert article_anchor_year(text) == year


@pytest.mark.parametrize("year,day", [(2005, "2005-03-27"), (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20")])
def test_easter(year, day):
    assert easter(year).isoformat() == day
