"""eventx who NAME [--date] [--format json]: the knowledge base from the command line."""

import json

import pytest
from typer.testing import CliRunner

from eventx.cli import app

runner = CliRunner()


def test_who_table():
    res = runner.invoke(app, ["who", "Lawrow", "--date", "2015-06-01"])
    assert res.exit_code == 0, res.output
    assert "Sergej Lawrow" in res.output and "RUS" in res.output and "Q58217" in res.output


def test_who_json_lists_every_term_most_senior_first():
    res = runner.invoke(app, ["who", "Steinmeier", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [r["office"] for r in rows][:2] == ["head_of_state", "foreign_minister"]
    assert {r["country"] for r in rows} == {"DEU"}


@pytest.mark.parametrize("date", ["2016", "2016-03", "2016-03-01"])
def test_who_date_forms(date):
    rows = json.loads(runner.invoke(app, ["who", "Kim Jong Un", "--date", date, "-f", "json"]).output)
    assert rows and all(r["country"] == "PRK" for r in rows)


def test_who_nobody():
    res = runner.invoke(app, ["who", "Angela Merkel", "--date", "2023-06-01"])
    assert res.exit_code == 0 and "no office holder" in res.output


def test_who_bad_date_is_an_input_error():
    res = runner.invoke(app, ["who", "Merkel", "--date", "1.1.2015"])
    assert res.exit_code == 1


def test_who_refuses_other_formats():
    assert runner.invoke(app, ["who", "Merkel", "-f", "csv"]).exit_code == 2


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize(
    "name,whole",
    [
        ("Scholz", ["2021-12-08", "2025-05-06", "2018-03-14", "Q61053"]),
        ("Putin", ["2000-05-07", "2012-05-07", "1999-08-16", "Q7747"]),
        ("Abdulrahman bin Hamad", ["2010-06-16", "2011-12-27", "Q112325802", "Q89792760"]),
    ],
)
def test_who_table_keeps_dates_and_qids_whole_in_a_narrow_terminal(name, whole, width):
    """In an 80-column terminal (or a pipe, which rich treats as 80 columns) the start and end
    dates and the Wikidata ids are never cut; names and offices wrap instead."""
    res = runner.invoke(app, ["who", name], env={"COLUMNS": str(width)})
    assert res.exit_code == 0, res.output
    assert "…" not in res.output
    assert all(len(line) <= width for line in res.output.splitlines())
    cells = res.output.split()
    assert all(value in cells for value in whole), res.output
