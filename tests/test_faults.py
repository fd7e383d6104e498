"""eventx under bad input, faults and odd paths (issue 14): nothing lost, nothing clobbered,
no traceback. Each test names the numbered item of the issue it covers."""

import json
import re
import time

import pytest
from conftest import SAMPLES, SHARED, needs_shared
from typer.testing import CliRunner

from eventx.cli import app
from eventx.doc import sentences
from eventx.document import extract_text
from eventx.errors import InputError

# eventx.decoding and eventx.sentence_cap are imported inside the tests that use them, so that
# on a tree without them each test fails on its own instead of the whole file failing to load.

runner = CliRunner()
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
