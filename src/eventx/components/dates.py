"""eventx_dates: German temporal expressions with TIMEX3-style values.

Values are anchored to the document creation time (``doc._.dct``, from ``--date``)
when known, else to the year the article is about (``doc._.anchor_year``, derived
from the years it mentions). The tense of each sentence decides whether a day or
month without a year lies before or after the anchor.

    >>> doc = nlp("Am 29. Oktober 2024 telefonierten sie.")
    >>> [(s.text, s._.timex) for s in doc.spans["eventx_dates"]]
    [('Am 29. Oktober 2024', {'value': '2024-10-29', 'mod': None})]
"""

from __future__ import annotations

import bisect
import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401
from ..doc import DATES_KEY as SPAN_KEY
from ..doc import dates, sentence_of, sentences, token_texts  # noqa: F401  (dates, sentence_of: moved to eventx.doc)
from ..rules import word_set
from ..timex import Context, article_anchor_year, find_timexes

FUTURE_CUES = word_set("future_cues")
PAST_CUES = word_set("past_auxiliaries") | word_set("past_time_words")


def sentence_is_future(sent: Span) -> bool:
    """A sentence speaks of the future when it has a future cue and no past one."""
    words = {w.lower() for w in token_texts(sent.doc)[sent.start : sent.end]}
    return bool(words & FUTURE_CUES) and not (words & PAST_CUES)


class DateTagger:
    def __init__(self, nlp: Language, name: str = "eventx_dates") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        dct = dt.date.fromisoformat(doc._.dct) if doc._.dct else None
        if doc._.anchor_year is None:
            doc._.anchor_year = dct.year if dct else article_anchor_year(doc.text)
        sents = sentences(doc)
        starts = [s.start_char for s in sents]
        future = [sentence_is_future(s) for s in sents]

        def context_at(char: int) -> Context:
            i = max(0, bisect.bisect_right(starts, char) - 1)
            return Context(dct, doc._.anchor_year, future[i])

        spans = []
        for t in find_timexes(doc.text, context_at):
            span = doc.char_span(t.start, t.end, label="DATE", alignment_mode="expand")
            if span is None:
                continue
            span._.timex = {"value": t.value, "mod": t.mod}
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory("eventx_dates", assigns=["doc.spans", "doc._.anchor_year"], requires=["token.text"])
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    """Create the eventx_dates component.

    nlp (Language): the pipeline.
    name (str): the component name.
    RETURNS (DateTagger): the component.
    """
    return DateTagger(nlp, name)

