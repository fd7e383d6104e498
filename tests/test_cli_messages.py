"""One clear, coded line for situations the README walk-through found unclear (closing note of
the previous session): each test names what the user did and what the line must tell them."""

from conftest import SAMPLES
from typer.testing import CliRunner

from eventx.cli import app

runner = CliRunner()


def lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


def test_local_batch_refuses_parquet_with_a_coded_line_listing_its_formats(tmp_path):
    res = runner.invoke(app, ["batch", str(SAMPLES), "-f", "parquet", "-o", str(tmp_path / "x")])
    assert res.exit_code == 2, res.output
    assert lines(res.output) == [
        "[E021] batch --engine local does not write parquet: it writes jsonl, json, csv, plover, sqlite "
        "(parquet: --engine dask)"
    ]
    assert not (tmp_path / "x").exists()


def test_dask_batch_refuses_csv_with_the_same_coded_line(tmp_path):
    res = runner.invoke(app, ["batch", str(SAMPLES), "-f", "csv", "--engine", "dask", "-o", str(tmp_path / "x")])
    assert res.exit_code == 2, res.output
    assert lines(res.output) == ["[E021] batch --engine dask does not write csv: it writes jsonl, parquet"]
