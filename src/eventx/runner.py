"""One document in, one result out: the function that extract, batch and evaluate share."""

from __future__ import annotations

from spacy.language import Language

from . import process
from .schema import document_result
from .timex import parse_date


def validate_date(date: str | None) -> str | None:
    if date is None:
        return None
    parse_date(date)
    return date


def chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut a text longer than ``limit`` at paragraph, then line, then sentence ends."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            cut = -1
            for sep in ("\n\n", "\n", ". "):
                cut = window.rfind(sep)
                if cut > limit // 4:
                    end = start + cut + len(sep)
                    break
        out.append((start, text[start:end]))
        start = end
    return out


def shift(result: dict, offset: int, first_event: int, doc_id: str) -> dict:
    for e in result["events"]:
        for key in ("trigger", "sentence"):
            e[key]["start"] += offset
            e[key]["end"] += offset
    for item in result["entities"] + result["dates"]:
        item["start"] += offset
        item["end"] += offset
    for n, e in enumerate(result["events"], first_event):
        e["id"] = f"{doc_id}#{n}"
    return result


def run_document(nlp: Language, text: str, doc_id: str, date: str | None = None) -> dict:
    """Extract events from ``text``; texts longer than ``nlp.max_length`` go in chunks."""
    pieces = chunks(text, nlp.max_length)
    if len(pieces) == 1:
        return document_result(process(nlp, text, date), doc_id)
    merged = {"id": doc_id, "dct": date, "events": [], "entities": [], "dates": []}
    for offset, piece in pieces:
        part = document_result(process(nlp, piece, date), doc_id)
        shift(part, offset, len(merged["events"]) + 1, doc_id)
        for key in ("events", "entities", "dates"):
            merged[key].extend(part[key])
    return merged
