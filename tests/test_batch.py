import json

from conftest import SAMPLES
from typer.testing import CliRunner

from eventx.cli import app

runner = CliRunner()


def make_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((SAMPLES / "korea-ukraine-russland.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text((SAMPLES / "staatsbesuch.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_binary.txt").write_bytes(b"\x00\xff\x00")
    (folder / "e_latin.txt").write_bytes("Der französische Präsident Emmanuel Macron besuchte Österreich.".encode("cp1252"))
    (folder / "loop").symlink_to(folder)
    return folder


def test_folder_with_broken_files(tmp_path):
    folder = make_folder(tmp_path)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    res = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--errors", str(errors), "--workers", "1"])
    assert res.exit_code == 3
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == ["a.txt", "b.txt", "c_empty.txt", "e_latin.txt"]  # empty: a result, no events
    assert docs[2]["events"] == [] and "[W005]" in res.output
    failed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert sorted(f["id"] for f in failed) == ["d_binary.txt"]
    assert "read 5, succeeded 4, failed 1" in res.output


def test_jsonl_input_stdin_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "x", "text": (SAMPLES / "staatsbesuch.txt").read_text(encoding="utf-8"), "date": "2024-10-30"}),
        "{not json",
        json.dumps({"id": "y", "body": "kein Text"}),
    ]
    res = runner.invoke(app, ["batch", "-", "--workers", "1"], input="\n".join(lines) + "\n")
    assert res.exit_code == 3
    out = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert [d["id"] for d in out] == ["x"] and out[0]["dct"] == "2024-10-30"


def test_workers_1_and_2_give_identical_output(tmp_path):
    folder = make_folder(tmp_path)
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    runner.invoke(app, ["batch", str(folder), "-o", str(one), "--workers", "1"])
    runner.invoke(app, ["batch", str(folder), "-o", str(two), "--workers", "2"])
    assert one.read_bytes() == two.read_bytes() and one.read_bytes()


def test_long_text_is_chunked_with_correct_offsets():
    from eventx import load
    from eventx.document import extract_document
    from eventx.readers import Record

    nlp = load()
    para = (SAMPLES / "korea-ukraine-russland.txt").read_text(encoding="utf-8")
    text = (para + "\n\n") * 3
    old = nlp.max_length
    nlp.max_length = len(para) + 10
    try:
        result = extract_document(nlp, Record("long", text))
    finally:
        nlp.max_length = old
    assert len(result["events"]) >= 3
    for e in result["events"]:
        assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]


def test_nothing_processed_exit_1(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    assert runner.invoke(app, ["batch", str(tmp_path), "--workers", "1"]).exit_code == 1


def test_interrupted_run_keeps_the_previous_output(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    text = (SAMPLES / "korea-ukraine-russland.txt").read_text(encoding="utf-8")
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"d{i}", "text": text}) + "\n" for i in range(3000)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous result\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventx", "batch", str(big), "-o", str(out), "--workers", "1"], stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120  # the temporary output exists once extraction runs (a loaded machine takes a while)
    while time.monotonic() < deadline and proc.poll() is None and not list(tmp_path.glob(".out.jsonl.*")):
        time.sleep(0.2)
    time.sleep(2)
    assert proc.poll() is None, proc.stderr.read()
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    assert proc.returncode == 130
    assert out.read_text(encoding="utf-8") == "previous result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl", "out.jsonl"]


def test_progress_and_summary_on_stderr(tmp_path):
    folder = make_folder(tmp_path)
    res = runner.invoke(app, ["batch", str(folder / "a.txt"), "--workers", "1", "--progress", "--format", "csv"])
    assert res.exit_code == 0
    assert "docs/s" in res.output and "read 1, succeeded 1, failed 0" in res.output
    assert res.stdout.splitlines()[0].startswith("doc_id,event_id,type")


def test_types_filter():
    res = runner.invoke(app, ["extract", str(SAMPLES / "korea-ukraine-russland.txt"), "-f", "json", "--types", "visit"])
    assert res.exit_code == 0
    events = json.loads(res.stdout)["events"]
    assert events and {e["type"] for e in events} == {"visit"}
    assert runner.invoke(app, ["extract", str(SAMPLES / "korea-ukraine-russland.txt"), "--types", "picnic"]).exit_code == 2


def test_nothing_to_read_loads_no_pipeline_and_starts_no_process(tmp_path):
    """No record: no pipeline is loaded (a model that cannot be loaded is never tried) and no
    worker is started, so none can be stopped half-way through its start (a traceback)."""
    import multiprocessing

    from eventx.batch import run_batch

    for workers in (1, 2):
        assert list(run_batch(iter([]), model=str(tmp_path / "no-model"), workers=workers)) == []
    assert multiprocessing.active_children() == []


def test_empty_folder_with_two_workers_ends_without_a_traceback(tmp_path):
    import subprocess
    import sys

    for _ in range(3):  # the workers' start and the pool's end raced: a traceback one run in three
        command = [sys.executable, "-m", "eventx", "batch", str(tmp_path), "--workers", "2"]
        res = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert res.returncode == 1 and "Traceback" not in res.stderr, res.stderr
        said = [line.split(":")[0] for line in res.stderr.splitlines()]
        assert said == ["[W007] " + str(tmp_path), "read 0, succeeded 0, failed 0; events"]
