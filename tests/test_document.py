"""The one document path (eventx.document)."""

import pytest
from conftest import SAMPLES

from eventx.document import chunks, extract_document, extract_documents
from eventx.errors import InputError
from eventx.readers import Record

TEXT = "Der französische Präsident Emmanuel Macron besuchte am Montag Berlin."


def test_chunks_cut_at_paragraphs_and_cover_the_text():
    text = "Erster Absatz.\n\nZweiter Absatz ist länger.\n\nDritter."
    pieces = chunks(text, 30)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert pieces[0][1].endswith("\n\n") and len(pieces) >= 2
    assert chunks("kurz", 30) == [(0, "kurz")]


def test_pipe_path_equals_one_document_at_a_time(nlp):
    sample = (SAMPLES / "korea-ukraine-russland.txt").read_text(encoding="utf-8")
    records = [Record("a", sample), Record("b", TEXT, "2024-10-30")]
    assert extract_documents(nlp, records) == [extract_document(nlp, r) for r in records]
    assert extract_documents(nlp, records)[1]["dct"] == "2024-10-30"


def test_a_failing_pipe_falls_back_to_one_document_at_a_time(nlp, monkeypatch):
    def broken_pipe(*args, **kwargs):
        raise RuntimeError("pipe broke")

    monkeypatch.setattr(nlp, "pipe", broken_pipe)
    results = extract_documents(nlp, [Record("a", TEXT), Record("b", TEXT)])
    assert [r["id"] for r in results] == ["a", "b"] and results[0]["events"]


def test_a_record_that_fails_alone_gets_its_exception(nlp, monkeypatch):
    records = [Record("ok", TEXT), Record("bad", TEXT + " BOOM")]
    real_call = type(nlp).__call__

    def call(self, doc, *args, **kwargs):
        if "BOOM" in doc.text:
            raise ValueError("boom")
        return real_call(self, doc, *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", lambda docs, **kw: (call(nlp, d) for d in docs))
    monkeypatch.setattr(type(nlp), "__call__", call)
    ok, bad = extract_documents(nlp, records)
    assert ok["id"] == "ok" and isinstance(bad, ValueError)


def test_an_unread_record_raises(nlp):
    with pytest.raises(InputError, match="E004"):
        extract_document(nlp, Record("x", error="[E004] x is empty"))
