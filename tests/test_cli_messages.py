"""One clear, coded line for situations the README walk-through found unclear (closing note of
the previous session): each test names what the user did and what the line must tell them."""

import os
import stat
import subprocess
import sys

import pytest
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


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_o_on_a_full_device_names_the_o_path(tmp_path, fmt):
    """A small output fails at the last flush and again when the file is closed: the line names
    the -o path, not <stdout>."""
    node = tmp_path / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # a private /dev/full
    res = subprocess.run(
        [sys.executable, "-m", "eventx", "extract", str(SAMPLES / "staatsbesuch.txt"), "-f", fmt, "-o", str(node)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 1, res.stderr
    assert lines(res.stderr) == [f"[E011] Cannot write {node}: No space left on device"]
    assert stat.S_ISCHR(node.stat().st_mode)


def _file_size_limit(limit: int):
    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past the limit, write() fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs preexec_fn (POSIX)")
def test_o_file_that_cannot_grow_names_the_o_path_and_stays(tmp_path):
    """A regular -o file written atomically that fails at the last flush (here: a file size
    limit, as a full disk would): one E011 line naming -o, the old file intact, no temp file."""
    out = tmp_path / "events.jsonl"
    out.write_text("old\n", encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "eventx", "extract", str(SAMPLES / "staatsbesuch.txt"), "-f", "jsonl", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_file_size_limit(200),
    )
    assert res.returncode == 1, res.stderr
    assert lines(res.stderr) == [f"[E011] Cannot write {out}: File too large"]
    assert out.read_text(encoding="utf-8") == "old\n" and sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]


@pytest.mark.parametrize(
    "files,why",
    [
        ((), "the folder holds no meta.json and no config.cfg"),
        (("meta.json",), "the folder holds no config.cfg"),
        (("config.cfg",), "the folder holds no meta.json"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "batch", "info"])
def test_model_folder_that_is_no_pipeline_says_so_not_pip_install(tmp_path, files, why, command):
    folder = tmp_path / "folder"
    folder.mkdir()
    for name in files:
        (folder / name).write_text("{}", encoding="utf-8")
    args = {"extract": ["extract", str(SAMPLES / "staatsbesuch.txt")], "batch": ["batch", str(SAMPLES)], "info": ["info"]}
    res = runner.invoke(app, [*args[command], "--model", str(folder)])
    assert res.exit_code == 1, res.output
    assert lines(res.output) == [
        f"[E022] --model {str(folder)!r} is no spaCy pipeline: {why}; a pipeline is a folder with meta.json and "
        "config.cfg, as nlp.to_disk writes it"
    ]
    assert "pip install" not in res.output


def test_model_path_that_is_a_file(tmp_path):
    res = runner.invoke(app, ["extract", str(SAMPLES / "staatsbesuch.txt"), "--model", str(SAMPLES / "staatsbesuch.txt")])
    assert res.exit_code == 1 and lines(res.output)[0].startswith("[E022]") and "it is a file" in res.output


@pytest.mark.parametrize(
    "name,problem",
    [
        ("nothere.jsonl", "does not exist"),
        ("folder", "is a folder"),
        ("empty.jsonl", "holds no rules (only blank lines and # comments)"),
    ],
)
def test_rules_file_problems_name_the_file_without_a_line_number(tmp_path, name, problem):
    (tmp_path / "folder").mkdir()
    (tmp_path / "empty.jsonl").write_text("\n# nothing yet\n", encoding="utf-8")
    path = tmp_path / name
    res = runner.invoke(app, ["extract", str(SAMPLES / "staatsbesuch.txt"), "--rules", str(path)])
    assert res.exit_code == 1, res.output
    assert lines(res.output) == [f"[E023] Rule file {path} {problem}: --rules takes a JSON Lines file of triggers and cues"]
    assert "line 0" not in res.output


def _folder_without_txt(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "notes.md").write_text("Merkel traf Macron.", encoding="utf-8")
    (folder / "sub" / "more.md").write_text("Merkel traf Macron.", encoding="utf-8")
    return folder


def test_batch_glob_that_matches_nothing_says_so(tmp_path):
    folder = _folder_without_txt(tmp_path)
    res = runner.invoke(app, ["batch", str(folder), "--workers", "1"])
    assert res.exit_code == 1, res.output
    out = lines(res.output)
    assert out[0] == f"[W007] {folder}: no file in this folder or its subfolders matches --glob '*.txt'; nothing read from it"
    assert len(out) == 2 and out[1].startswith("read 0, succeeded 0, failed 0;")


def test_batch_glob_that_matches_nothing_in_one_of_two_inputs(tmp_path):
    folder = _folder_without_txt(tmp_path)
    out = str(tmp_path / "o.jsonl")
    res = runner.invoke(app, ["batch", str(folder), str(SAMPLES / "staatsbesuch.txt"), "--workers", "1", "-o", out])
    assert res.exit_code == 0, res.output
    assert lines(res.output)[0].startswith(f"[W007] {folder}: no file") and "read 1, succeeded 1" in res.output
    res = runner.invoke(app, ["batch", str(folder), "--glob", "*.md", "--workers", "1", "-o", out])
    assert res.exit_code == 0 and "W007" not in res.output and "read 2, succeeded 2" in res.output  # sub/more.md too


def test_dask_bag_of_a_folder_that_matches_nothing_says_so(tmp_path):
    pytest.importorskip("dask")
    from eventx.distributed import records_bag

    folder = _folder_without_txt(tmp_path)
    heard: list[str] = []
    bag = records_bag([str(folder)], "*.txt", on_note=heard.append)
    assert bag.compute() == []
    assert heard == [f"[W007] {folder}: no file in this folder or its subfolders matches --glob '*.txt'; nothing read from it"]
    heard.clear()
    assert len(records_bag([str(folder)], "*.md", on_note=heard.append).compute()) == 2 and heard == []


E024 = "[E024] --format sqlite writes a database file: give it with -o FILE.db"


@pytest.mark.parametrize(
    "args,code,line",
    [
        (["extract", "STAATSBESUCH", "-f", "sqlite"], 2, E024),
        (["batch", "SAMPLES", "-f", "sqlite"], 2, E024),
        (
            ["batch", "SAMPLES", "--engine", "dask"],
            2,
            "[E026] batch --engine dask writes a folder of part files: give it with -o DIR",
        ),
        (
            ["batch", "-", "--engine", "dask", "-o", "TMP/parts"],
            2,
            "[E027] batch --engine dask reads files, folders and URLs, not stdin: save the JSON Lines to a file",
        ),
        (
            ["batch", "SAMPLES", "--engine", "dask", "-o", "TMP/parts", "--report", "TMP/r.html"],
            2,
            "[E028] --report works with --engine local; for Dask output run: eventx report DIR/part-*.jsonl -o FILE",
        ),
        (
            ["extract", "STAATSBESUCH", "-f", "sqlite", "-o", "TMP/not.db"],
            1,
            "[E025] Cannot add to the database: TMP/not.db is not a SQLite database (file is not a database); "
            "give -o a new file or a database eventx wrote",
        ),
    ],
)
def test_output_usage_failures_are_coded_lines(tmp_path, args, code, line):
    (tmp_path / "not.db").write_text("no database\n", encoding="utf-8")
    names = {"STAATSBESUCH": str(SAMPLES / "staatsbesuch.txt"), "SAMPLES": str(SAMPLES)}
    args = [names.get(a, a.replace("TMP", str(tmp_path))) for a in args]
    res = runner.invoke(app, args, input="{}\n")
    assert res.exit_code == code, res.output
    assert lines(res.output) == [line.replace("TMP", str(tmp_path))]


def test_extract_of_a_jsonl_file_says_batch_reads_it_line_by_line(tmp_path):
    path = tmp_path / "articles.jsonl"
    body = '{"id": "a", "text": "Merkel traf Macron."}\n{"id": "b", "text": "Putin rief Scholz an."}\n'
    path.write_text(body, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert res.exit_code == 0, res.output
    assert f"[W008] {path}: read as one text; `eventx batch` reads JSON Lines, one document a line" in lines(res.output)
    plain = tmp_path / "a.txt"
    plain.write_text("Merkel traf Macron.", encoding="utf-8")
    assert "W008" not in runner.invoke(app, ["extract", str(plain), "-f", "jsonl"]).output
