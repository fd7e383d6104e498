"""One document path: a record (text, id, date) → a Doc through the pipeline → its result.

``eventx extract``, ``entities``, ``batch``, ``evaluate``, the Dask engine and ``eventx.extract``
all come through here. ``extract_documents`` is the fast path (``nlp.pipe`` over many
records, one document at a time when that fails); ``extract_document`` is one record; texts
longer than ``nlp.max_length`` go through the pipeline in pieces.

Offsets: every ``start``/``end`` in a result is a code-point index into the text as decoded
(``text[start:end]`` is the span). The pipeline reads the text without NULs, soft hyphens and
zero-width characters ("Mac\u00adron", "Olaf\u200bScholz": eventx.decoding.clean_for_analysis)
and the offsets are carried back, so a span that contains such a character covers it; the
``text`` fields show the words as the pipeline read them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .decoding import OffsetMap, clean_for_analysis
from .errors import InputError
from .readers import Record
from .schema import DocumentResult, build_document


def make_doc(nlp: Language, text: str, date: str | None = None) -> Doc:
    """A tokenized Doc that carries its article date (``doc._.dct``) for the pipeline."""
    doc = nlp.make_doc(text)
    doc._.dct = date
    return doc


def process(nlp: Language, text: str, date: str | None = None) -> Doc:
    """Run ``nlp`` on ``text`` with the article date ``date`` (YYYY-MM-DD or None)."""
    return nlp(make_doc(nlp, text, date))


def extract_entities(nlp: Language, text: str, doc_id: str, date: str | None = None) -> dict:
    """Persons, countries, organisations and dates of ``text`` (``eventx entities``; see
    eventx.schema.entities_result), read without invisible characters as the events are."""
    from .schema import entities_result

    clean, _ = clean_for_analysis(text)
    return entities_result(process(nlp, clean, date), doc_id)


def chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut a text longer than ``limit`` at paragraph, line or sentence ends, else at a space."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):  # a text without line ends: at a space
                cut = window.rfind(sep)
                if cut > limit // 4:
                    end = start + cut + len(sep)
                    break
        out.append((start, text[start:end]))
        start = end
    return out


def map_back(result: DocumentResult, back: OffsetMap) -> DocumentResult:
    """Offsets in the cleaned text carried back to the text as decoded."""
    if not back.removed:
        return result
    extents = [x for e in result.events for x in (e.trigger, e.sentence)] + [*result.entities, *result.dates]
    for x in extents:
        x.start, x.end = back(x.start), back.end(x.end)
    return result


def document(nlp: Language, text: str, doc_id: str, date: str | None = None) -> DocumentResult:
    """The result for ``text`` (offsets into ``text``, see the module docstring)."""
    clean, back = clean_for_analysis(text)
    return map_back(_document(nlp, clean, doc_id, date), back)


def _document(nlp: Language, text: str, doc_id: str, date: str | None = None) -> DocumentResult:
    """A text longer than ``nlp.max_length`` goes in pieces whose offsets are moved back into
    the whole text and whose events are numbered on."""
    pieces = chunks(text, nlp.max_length)
    if len(pieces) == 1:
        return build_document(process(nlp, text, date), doc_id)
    merged = DocumentResult(doc_id, date)
    for offset, piece in pieces:
        part = build_document(process(nlp, piece, date), doc_id)
        part.shift(offset)
        for event in part.events:
            event.id = f"{doc_id}#{len(merged.events) + 1}"
            merged.events.append(event)
        merged.entities.extend(part.entities)
        merged.dates.extend(part.dates)
    return merged


def extract_text(nlp: Language, text: str, doc_id: str = "-", date: str | None = None) -> dict:
    """The JSON-ready result of a text whose date (if any) is already known to be YYYY-MM-DD."""
    return document(nlp, text, doc_id, date).to_dict()


def extract_document(nlp: Language, record: Record) -> dict:
    """The JSON-ready result of one record (raises InputError for a record that could not be read)."""
    if record.error or record.text is None:
        raise InputError(record.error or f"{record.source or record.id}: no text")
    return extract_text(nlp, record.text, record.id, record.date)


def _attempt(nlp: Language, record: Record) -> dict | Exception:
    try:
        return extract_document(nlp, record)
    except Exception as e:  # one bad document must not stop the others
        return e


def extract_documents(nlp: Language, records: Sequence[Record]) -> list[dict | Exception]:
    """The results of readable records, in order, through one ``nlp.pipe`` call (batched NER).

    A record longer than ``nlp.max_length`` goes alone, in pieces. When the pipe fails, every
    record of it goes again one at a time, so one bad document never costs the others their
    result; a record that fails alone gets its exception in its place.
    """
    out: list[dict | Exception | None] = [None] * len(records)
    piped: list[int] = []
    for i, rec in enumerate(records):
        if rec.error or rec.text is None or len(rec.text) > nlp.max_length:
            out[i] = _attempt(nlp, rec)
        else:
            piped.append(i)
    try:
        cleaned = [clean_for_analysis(records[i].text or "") for i in piped]
        docs = nlp.pipe(
            (make_doc(nlp, c[0], records[i].date) for i, c in zip(piped, cleaned, strict=True)), batch_size=len(piped) or 1
        )
        for i, doc, (_, back) in zip(piped, docs, cleaned, strict=True):
            out[i] = map_back(build_document(doc, records[i].id), back).to_dict()
    except Exception:
        for i in piped:
            out[i] = _attempt(nlp, records[i])
    return out  # type: ignore[return-value]
