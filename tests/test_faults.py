"""eventx under bad input, faults and odd paths (issue 14): nothing lost, nothing clobbered,
no traceback. Each test names the numbered item of the issue it covers."""

import gzip
import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time

import pytest
from conftest import ROOT, SAMPLES, SHARED, needs_shared
from typer.testing import CliRunner

from eventx.cli import app
from eventx.doc import sentences
from eventx.document import extract_text
from eventx.errors import InputError

# eventx.decoding and eventx.sentence_cap are imported inside the tests that use them, so that
# on a tree without them each test fails on its own instead of the whole file failing to load.

runner = CliRunner()
SAMPLE = str(SAMPLES / "staatsbesuch.txt")
SAMPLE_TEXT = (SAMPLES / "staatsbesuch.txt").read_text(encoding="utf-8")
GERMAN = "Der französische Präsident Emmanuel Macron besuchte Österreich und traf Kanzler Nehammer in Wien.\n"


def political_text() -> str:
    return "\n\n".join(
        (SAMPLES / name).read_text(encoding="utf-8") for name in ("korea-ukraine-russland.txt", "staatsbesuch.txt")
    )


def without_sentence_punctuation(text: str) -> str:
    return re.sub(r" +", " ", re.sub(r"[.!?;:\n]", " ", text))


def repeat_to(text: str, size: int, sep: str) -> str:
    out = text
    while len(out) < size:
        out += sep + text
    return out[:size]


# -- 1. bounded time on pathological text ---------------------------------------------------
def test_cut_points_prefer_clause_punctuation_then_a_fixed_count():
    from eventx.sentence_cap import cut_points

    words = ["w"] * 30 + [","] + ["w"] * 60
    assert cut_points(words, 0, len(words), 40) == [31, 71]  # after the comma, then 40 words on
    assert cut_points(["w"] * 100, 0, 100, 40) == [40, 80]
    assert cut_points(["w"] * 40, 0, 40, 40) == []


def test_unpunctuated_text_has_no_sentence_over_the_cap(nlp):
    MAX_TOKENS = 100  # noqa: N806  (eventx.sentence_cap.MAX_TOKENS)
    doc = nlp(repeat_to(without_sentence_punctuation(political_text()), 20_000, " "))
    lengths = [len(s) for s in sentences(doc)]
    assert len(lengths) > 20 and max(lengths) <= MAX_TOKENS


def test_ordinary_sentences_are_not_split(nlp):
    text = political_text()
    plain = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        if proc.__class__.__name__ == "SentenceCap":
            break
        plain = proc(plain)
    assert [s.start for s in sentences(nlp(text))] == [s.start for s in sentences(plain)]


def test_unpunctuated_political_text_costs_about_what_punctuated_text_costs(nlp):
    """20 KB of event-dense text without full stops: 26 s on the main of 2026-12-01 (15 s of
    it in eventx_events, quadratic in the sentence length) against about 2 s with them."""
    text = repeat_to(political_text(), 20_000, "\n\n")
    flat = repeat_to(without_sentence_punctuation(political_text()), 20_000, " ")
    extract_text(nlp, text[:2000], "warm")
    t0 = time.process_time()
    extract_text(nlp, text, "punctuated")
    punctuated = time.process_time() - t0
    t0 = time.process_time()
    result = extract_text(nlp, flat, "flat")
    unpunctuated = time.process_time() - t0
    assert unpunctuated < 4 * punctuated + 1.0, (unpunctuated, punctuated)
    assert result["events"]  # the cap keeps the text analysable, it does not drop it


@pytest.mark.slow
@needs_shared
def test_five_megabyte_line_in_under_five_times_normal_news(nlp):
    texts = [json.loads(line)["text"] for line in (SHARED / "data/news/pool.jsonl").open(encoding="utf-8")]
    normal = repeat_to("\n\n".join(texts), 5_000_000, "\n\n")
    line = repeat_to(without_sentence_punctuation(normal), 5_000_000, " ")
    t0 = time.process_time()
    extract_text(nlp, normal, "normal")
    t_normal = time.process_time() - t0
    t0 = time.process_time()
    extract_text(nlp, line, "line")
    t_line = time.process_time() - t0
    assert t_line < 5 * t_normal, (t_line, t_normal)


# -- 5. text that is text -------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_are_decoded(encoding):
    from eventx.decoding import decode_bytes

    decoded = decode_bytes(GERMAN.encode(encoding), "x.txt")
    assert decoded.text == GERMAN
    assert bool(decoded.notes) == (encoding.endswith(("-le", "-be")))  # no mark: a W002 note


def test_utf16_file_with_bom_gives_events(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes((SAMPLES / "staatsbesuch.txt").read_text(encoding="utf-8").encode("utf-16"))
    res = runner.invoke(app, ["extract", str(path), "-f", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["events"]


def test_stray_nul_bytes_are_a_note_not_a_refusal(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(GERMAN.encode("utf-8").replace(b"Macron ", b"Macron\x00 ") + b"\x00")
    res = runner.invoke(app, ["extract", str(path), "-f", "json"])
    assert res.exit_code == 0, res.output
    assert "[W003]" in res.output and "2 stray NUL" in res.output


@pytest.mark.parametrize("data", [b"\x00\xff\x00", b"\x00\x01\x02binary", bytes(range(256)) * 8, b"\x01\x02\x03\x04abcd" * 50])
def test_binary_stays_refused(data):
    from eventx.decoding import decode_bytes

    with pytest.raises(InputError, match="E003"):
        decode_bytes(data, "b")


def test_ascii_and_latin_text_is_not_mistaken_for_utf16():
    from eventx.decoding import nul_pattern_encoding

    assert nul_pattern_encoding(GERMAN.encode("utf-8")) is None
    assert nul_pattern_encoding(GERMAN.encode("cp1252")) is None


def test_mixed_utf8_and_cp1252_decode_line_by_line():
    from eventx.decoding import decode_bytes

    data = "Zeile mit Übermut\n".encode() + "Zeile aus Windows: Größe\n".encode("cp1252") + "noch UTF-8: Straße\n".encode()
    decoded = decode_bytes(data, "m.txt")
    assert decoded.text == "Zeile mit Übermut\nZeile aus Windows: Größe\nnoch UTF-8: Straße\n"
    assert "cp1252 on 1 of 3 lines (2)" in decoded.notes[0]


def test_invalid_utf8_in_jsonl_gets_the_w001_note(tmp_path):
    path = tmp_path / "in.jsonl"
    good = json.dumps({"id": "a", "text": GERMAN}, ensure_ascii=False).encode()
    bad = json.dumps({"id": "b", "text": GERMAN}, ensure_ascii=False).encode("cp1252")
    path.write_bytes(good + b"\n" + bad + b"\n")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(path), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "[W001]" in res.output and "in.jsonl:2" in res.output
    docs = {d["id"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    places = {k: [e["location"] for e in d["events"]] for k, d in docs.items()}
    assert places["a"] == places["b"] and {"name": "Österreich", "country": "AUT"} in places["b"]  # both lines read right


def test_jsonl_text_of_the_wrong_type_says_so(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "n", "text": 42}) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    res = runner.invoke(app, ["batch", str(path), "-o", str(tmp_path / "o.jsonl"), "--errors", str(errors), "--workers", "1"])
    assert res.exit_code == 1
    assert "must be a string, got a number" in errors.read_text(encoding="utf-8")


def test_invisible_characters_are_cleaned_with_offsets_mapped_back():
    from eventx.decoding import clean_for_analysis

    text = "Emmanuel Mac\u00adron traf Olaf\u200bScholz und den Bundes\u200bkanzler\x00."
    clean, to_original = clean_for_analysis(text)
    assert clean == "Emmanuel Macron traf Olaf Scholz und den Bundeskanzler."
    for word in ("Macron", "Scholz", "Bundeskanzler", "traf"):
        start = clean.index(word)
        a, b = to_original(start), to_original.end(start + len(word))
        assert text[a:b].replace("\u00ad", "").replace("\u200b", "") == word
    assert to_original.end(len(clean)) == len(text)


# -- 6. one line, not a traceback -----------------------------------------------------------
@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
def test_dates_at_the_ends_of_the_calendar(date):
    res = runner.invoke(app, ["extract", str(SAMPLES / "staatsbesuch.txt"), "--date", date, "-f", "json"])
    assert res.exit_code == 0 and res.exception is None, res.output
    values = [d["value"] for d in json.loads(res.output)["dates"]]
    assert None in values and date in values  # what cannot be dated stays without a value


def test_closed_stdin_is_one_line():
    res = subprocess.run(f"{sys.executable} -m eventx extract - <&-", shell=True, capture_output=True, text=True, timeout=300)
    assert res.returncode == 1 and "E017" in res.stderr and "Traceback" not in res.stderr, res.stderr


def test_full_stdout_is_one_line():
    with open("/dev/full", "w") as full:  # the device is written through a descriptor: never replaced
        res = subprocess.run(
            [sys.executable, "-m", "eventx", "extract", SAMPLE, "-f", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert res.returncode == 1 and "No space left" in res.stderr and "Traceback" not in res.stderr, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_o_on_a_full_device_is_one_line_and_the_node_stays(tmp_path):
    node = tmp_path / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # a private /dev/full
    res = runner.invoke(app, ["extract", SAMPLE, "-f", "json", "-o", str(node)])
    assert res.exit_code == 1 and "E011" in res.output and "No space left" in res.output
    assert stat.S_ISCHR(node.stat().st_mode)


def test_model_folder_with_an_unknown_factory(tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    shipped = ROOT / "models" / "de_eventx_news"
    (model / "meta.json").write_text((shipped / "meta.json").read_text(encoding="utf-8"), encoding="utf-8")
    config = (shipped / "config.cfg").read_text(encoding="utf-8").replace('factory = "ner"', 'factory = "no_such_factory"')
    (model / "config.cfg").write_text(config, encoding="utf-8")
    res = runner.invoke(app, ["extract", SAMPLE, "--model", str(model)])
    assert res.exit_code == 1 and res.exception is None or isinstance(res.exception, SystemExit), res.output
    assert "E019" in res.output and "no_such_factory" in res.output and len(res.output.strip().splitlines()) == 1


def test_model_that_is_a_python_package_but_no_pipeline():
    res = runner.invoke(app, ["extract", SAMPLE, "--model", "typer"])
    assert res.exit_code == 1 and "E018" in res.output and len(res.output.strip().splitlines()) == 1


@pytest.mark.parametrize("glob", ["/tmp/*.txt", ""])
def test_bad_glob_is_a_usage_error(tmp_path, glob):
    res = runner.invoke(app, ["batch", str(tmp_path), "--glob", glob])
    assert res.exit_code == 2 and "E015" in res.output


def test_reading_from_a_process_substitution():
    res = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m eventx extract <(cat {SAMPLE}) -f json"], capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["events"]


def test_unexpected_errors_are_one_line_and_debug_shows_the_traceback(capsys):
    import typer

    from eventx.cli.guard import run

    broken = typer.Typer()

    @broken.command()
    def boom() -> None:
        raise RuntimeError("something\nbroke")

    with pytest.raises(SystemExit) as exit_info:
        run(broken, [])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.strip() == "[E099] Unexpected error: RuntimeError: something broke. Run with --debug for the traceback"
    with pytest.raises(RuntimeError):
        run(broken, ["--debug"])


# -- 2. -o writes into the path --------------------------------------------------------------
def test_o_follows_a_symlink_and_keeps_the_mode(tmp_path):
    target, link = tmp_path / "target.json", tmp_path / "link.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link.symlink_to(target)
    res = runner.invoke(app, ["extract", SAMPLE, "-f", "json", "-o", str(link)])
    assert res.exit_code == 0, res.output
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["events"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_o_new_file_honours_the_umask(tmp_path):
    out = tmp_path / "new.json"
    mask = os.umask(0o027)
    try:
        res = runner.invoke(app, ["extract", SAMPLE, "-f", "json", "-o", str(out)])
    finally:
        os.umask(mask)
    assert res.exit_code == 0 and stat.S_IMODE(out.stat().st_mode) == 0o640


def test_o_writes_into_a_fifo_and_a_device(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    res = runner.invoke(app, ["extract", SAMPLE, "-f", "json", "-o", str(fifo)])
    reader.join(timeout=60)
    assert res.exit_code == 0 and stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(got[0])["events"]
    null = tmp_path / "null.json"
    null.symlink_to("/dev/null")
    assert runner.invoke(app, ["extract", SAMPLE, "-f", "json", "-o", str(null)]).exit_code == 0
    assert null.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_o_dash_is_stdout():
    res = runner.invoke(app, ["extract", SAMPLE, "-f", "json", "-o", "-"])
    assert res.exit_code == 0 and json.loads(res.output)["events"]


def test_o_refuses_a_file_without_write_permission(tmp_path, monkeypatch):
    out = tmp_path / "ro.json"
    out.write_text("keep\n", encoding="utf-8")
    out.chmod(0o444)
    real_access = os.access

    def access(p, mode, **kw):  # what a 0444 file is to anyone but root
        return False if str(p) == str(out) and mode & os.W_OK else real_access(p, mode, **kw)

    monkeypatch.setattr(os, "access", access)
    res = runner.invoke(app, ["extract", SAMPLE, "-f", "json", "-o", str(out)])
    assert res.exit_code == 1 and "E011" in res.output and "Permission denied" in res.output
    assert out.read_text(encoding="utf-8") == "keep\n"


def test_o_in_a_missing_folder_fails_before_any_work(tmp_path):
    res = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "no" / "out.json")])
    assert res.exit_code == 1 and "E013" in res.output and "E001" not in res.output  # before the input is read
    res = runner.invoke(app, ["batch", str(tmp_path), "-o", str(tmp_path / "no" / "out.jsonl")])
    assert res.exit_code == 1 and "E013" in res.output


def test_o_equal_to_an_input_or_to_errors_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_TEXT, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(article), "-o", str(article)])
    assert res.exit_code == 1 and "E014" in res.output and article.read_text(encoding="utf-8") == SAMPLE_TEXT
    same = tmp_path / "same.jsonl"
    res = runner.invoke(app, ["batch", str(tmp_path), "-o", str(same), "--errors", str(same)])
    assert res.exit_code == 1 and "E014" in res.output and not same.exists()


# -- 3. SIGTERM like SIGINT ------------------------------------------------------------------
@pytest.mark.parametrize("sig,code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_keeps_the_previous_output_and_workers_end_quietly(tmp_path, sig, code):
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"d{i}", "text": SAMPLE_TEXT}) + "\n" for i in range(3000)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous result\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventx", "batch", str(big), "-o", str(out), "--workers", "2"], stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None and not list(tmp_path.glob(".out.jsonl.*")):
        time.sleep(0.2)
    time.sleep(3)
    assert proc.poll() is None
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code, err
    assert out.read_text(encoding="utf-8") == "previous result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl", "out.jsonl"]
    assert "Traceback" not in err and "interrupted" in err


# -- 4. every document accounted for -------------------------------------------------------
def test_an_unreadable_subfolder_is_a_reported_failure(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):  # what chmod 000 does to anyone but root
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors = tmp_path / "errors.jsonl"
    res = runner.invoke(app, ["batch", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--errors", str(errors), "--workers", "1"])
    assert res.exit_code == 3 and "read 2, succeeded 1, failed 1" in res.output
    assert "E016" in errors.read_text(encoding="utf-8") and "locked" in errors.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["d.JSONL", "d.ndjson", "d.jsonl.gz"])
def test_json_lines_by_any_usual_name(tmp_path, name):
    path = tmp_path / name
    lines = "".join(json.dumps({"id": f"x{i}", "text": SAMPLE_TEXT}) + "\n" for i in range(2)).encode()
    path.write_bytes(gzip.compress(lines) if name.endswith(".gz") else lines)
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(path), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["x0", "x1"]


def test_duplicate_ids_are_made_unique_and_event_ids_never_collide(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    rep = tmp_path / "rep.jsonl"
    rep.write_text("".join(json.dumps({"id": "r", "text": SAMPLE_TEXT}) + "\n" for _ in range(2)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(
        app, ["batch", str(tmp_path / "x"), str(tmp_path / "y"), SAMPLE, SAMPLE, str(rep), "-o", str(out), "--workers", "1"]
    )
    assert res.exit_code == 0, res.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = [d["id"] for d in docs]
    assert ids == ["a.txt", "a.txt~2", "staatsbesuch.txt", "staatsbesuch.txt~2", "r", "r~2"]
    event_ids = [e["id"] for d in docs for e in d["events"]]
    assert len(event_ids) == len(set(event_ids)) > 0
    assert res.output.count("[W006]") == 3


def test_errors_log_is_written_for_a_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as f:
        f.write(b"\x00\x01\x02binary")
    errors = tmp_path / "errors.jsonl"
    res = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "o.jsonl"), "--errors", str(errors), "--workers", "1"])
    assert res.exit_code == 3, res.output
    failed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [f["id"] for f in failed] == ["caf\\xe9.txt"]


# -- 5. (rest) empty documents, invisible characters -----------------------------------------
def test_empty_jsonl_text_in_a_batch_is_a_result_without_events(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "e", "text": "  \n"}) + "\n" + json.dumps({"id": "s", "text": SAMPLE_TEXT}) + "\n")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(path), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 0 and "[W005]" in res.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == ["e", "s"] and docs[0]["events"] == []


def test_soft_hyphens_and_zero_width_spaces_do_not_cut_names(tmp_path):
    text = "Der französische Präsident Emmanuel Mac\u00adron hat am Montag mit Bundeskanzler Olaf\u200bScholz telefoniert.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(path), "-f", "json"])
    assert res.exit_code == 0, res.output
    event = json.loads(res.output)["events"][0]
    names = {a["name"] for a in event["actors"]}
    assert {"Emmanuel Macron", "Olaf Scholz"} <= names
    trigger, sentence = event["trigger"], event["sentence"]
    assert text[trigger["start"] : trigger["end"]] == trigger["text"]
    assert sentence["start"] == 0 and text[sentence["end"] - 1] == "."


# -- 7. resource limits ------------------------------------------------------------------------
def test_workers_are_capped_with_a_note(tmp_path, monkeypatch):
    from eventx import limits

    assert limits.cap_workers(64, cores=2, memory_mb=64_000) == (2, "[W004] --workers 64 capped to 2: 2 core(s)")
    assert limits.cap_workers(8, cores=16, memory_mb=1000)[0] == 2
    assert limits.cap_workers(0, cores=4, memory_mb=64_000) == (4, None)
    monkeypatch.setattr(limits, "usable_cores", lambda: 1)
    (tmp_path / "a.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    res = runner.invoke(app, ["batch", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--workers", "3"])
    assert res.exit_code == 0 and "[W004] --workers 3 capped to 1" in res.output


# -- 8. output details -------------------------------------------------------------------------
def test_batch_summary_counts_read_as_words(tmp_path):
    (tmp_path / "a.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    res = runner.invoke(app, ["batch", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--workers", "1"])
    assert res.exit_code == 0
    assert re.search(r"events: (\w+ \d+, )*\w+ \d+; status: (\w+ \d+, )*\w+ \d+;", res.output), res.output
    assert "{" not in res.output


def test_csv_quotes_text_defuses_formulas_and_keeps_documents_without_events(tmp_path):
    import csv as csvlib

    quiet = tmp_path / "quiet.txt"
    quiet.write_text("Das Wetter war schön.\n", encoding="utf-8")
    evil = tmp_path / "=cmd.txt"
    evil.write_text(SAMPLE_TEXT, encoding="utf-8")
    out = tmp_path / "e.csv"
    res = runner.invoke(app, ["extract", str(evil), str(quiet), "-f", "csv", "--all-docs", "-o", str(out)])
    assert res.exit_code == 0, res.output
    raw = out.read_text(encoding="utf-8")
    rows = list(csvlib.DictReader(raw.splitlines()))
    assert {r["doc_id"] for r in rows} == {"'=cmd.txt", "quiet.txt"}  # a formula shows as text
    cameo = next(r["cameo"] for r in rows if r["cameo"])
    assert f'"{cameo}"' in raw  # quoted: "041" stays a string
    assert [r for r in rows if r["doc_id"] == "quiet.txt"][0]["type"] == ""


def test_sentence_text_is_trimmed_and_offsets_follow(tmp_path):
    text = "\n\n   " + SAMPLE_TEXT.replace("\n", "\n\n")
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(path), "-f", "json"])
    for e in json.loads(res.output)["events"]:
        s = e["sentence"]
        assert s["text"] == s["text"].strip() and text[s["start"] : s["end"]] == s["text"]


def test_rich_markup_in_a_file_name_is_shown_as_written(tmp_path):
    path = tmp_path / "[red]Bericht.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(path)], env={"COLUMNS": "140"})
    assert res.exit_code == 0 and "[red]Bericht.txt" in res.output


def test_narrow_tables_stack_and_words_are_not_cut(tmp_path):
    res = runner.invoke(app, ["extract", str(SAMPLES / "korea-ukraine-russland.txt")], env={"COLUMNS": "80"})
    assert res.exit_code == 0
    assert "   actors: Yoon Suk-yeol (KOR), Wolodymyr Selenskyj (UKR)" in res.output and "┃" not in res.output
    wide = runner.invoke(app, ["extract", str(SAMPLES / "korea-ukraine-russland.txt")], env={"COLUMNS": "120"})
    assert "┃" in wide.output and "telefoniert" in wide.output and "unterzeichnet" in wide.output


def test_info_does_not_hard_wrap_paths_when_piped():
    res = runner.invoke(app, ["info"], env={"COLUMNS": "40"})
    assert res.exit_code == 0
    assert any(line.startswith("rules: ") and line.endswith("triggers.jsonl") for line in res.output.splitlines())


def test_help_documents_formats_and_json_lines_keys():
    batch_help = runner.invoke(app, ["batch", "--help"], env={"COLUMNS": "200"}).output
    assert "--text-key" in batch_help and "field that holds the article text" in batch_help and "--all-docs" in batch_help
    extract_help = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"}).output
    assert "a list for several" in extract_help and "parquet" not in extract_help


def test_evaluate_on_an_input_it_cannot_use_fails_with_one_line(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({"id": "a", "events": []}), encoding="utf-8")
    wrong = tmp_path / "input.json"  # a JSON array, not JSON Lines
    wrong.write_text(json.dumps([{"id": "a", "text": SAMPLE_TEXT}]), encoding="utf-8")
    res = runner.invoke(app, ["evaluate", str(gold), str(wrong)])
    assert res.exit_code == 1 and "E020" in res.output and len(res.output.strip().splitlines()) == 1
