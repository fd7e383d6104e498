"""What the components share about a Doc, below them all: span keys, the words as strings,
sentences, and the spans the components store.

The schema and the writers read a processed Doc through these helpers, so they never import
a component.
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token

PLACES_KEY = "eventx_places"  # doc.spans key of eventx_countries: places, adjectives, demonyms, organisations
DATES_KEY = "eventx_dates"  # doc.spans key of eventx_dates: temporal expressions with ._.timex
_TEXTS_KEY = ("eventx", "token_texts")


def token_texts(doc: Doc) -> list[str]:
    """The words of a doc as strings, computed once and shared by the eventx components
    (iterating a Doc creates a Python Token object per word, which is what costs)."""
    texts = doc.user_data.get(_TEXTS_KEY)
    if texts is None or len(texts) != len(doc):
        texts = [t.text for t in doc]
        doc.user_data[_TEXTS_KEY] = texts
    return texts


def sentences(doc: Doc) -> list[Span]:
    """The sentences, or the whole text as one when no component set boundaries.

    Reads the SENT_START array directly: ``doc.sents`` first checks the annotation by
    creating a Token object for every word, which costs more than the rest of a component.
    """
    if not len(doc):
        return []
    starts = [i for i, v in enumerate(doc.to_array(SENT_START).tolist()) if v == 1 or i == 0]
    if len(starts) == 1 and not doc.has_annotation("SENT_START"):
        return [doc[:]]
    bounds = starts + [len(doc)]
    return [doc[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def sentence_of(span: Span | Token) -> Span:
    """The sentence around a span or token (the whole doc without sentence boundaries)."""
    try:
        return span.sent
    except ValueError:
        return span.doc[:]


def places(doc: Doc) -> list[Span]:
    """Places, nationality words and organisations that eventx_countries found."""
    return list(doc.spans[PLACES_KEY]) if PLACES_KEY in doc.spans else []


def dates(doc: Doc) -> list[Span]:
    """Temporal expressions that eventx_dates found (each with ``._.timex``)."""
    return list(doc.spans[DATES_KEY]) if DATES_KEY in doc.spans else []
