"""Bounded sentence length: overlong sentences are split before the rule components.

The event rules look at every trigger's sentence (cues, participants, sources, places),
so one sentence of n words with a trigger every few words costs n² or worse. Text without
sentence punctuation (a transcript, a scraped page that lost its full stops) is one such
sentence: 20 KB of it took 15 s in ``eventx_events`` and 5 MB never finished. This component
cuts every sentence longer than ``max_tokens`` words, first after clause punctuation
(comma, semicolon, colon, dash, bracket), else after a fixed number of words, so the cost of
the rules is linear in the length of the text. Ordinary news is untouched: 99.9 % of the
sentences in the news pool have at most 88 words.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .doc import token_texts

MAX_TOKENS = 100
CLAUSE_PUNCT = frozenset({",", ";", ":", "–", "—", "-", "(", ")", "[", "]", "/"})


def sentence_bounds(starts: list[int], n: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence from the SENT_START values (1 = starts a sentence)."""
    begin = [i for i, v in enumerate(starts) if v == 1 or i == 0]
    return list(zip(begin, begin[1:] + [n], strict=True))


def cut_points(words: list[str], start: int, end: int, max_tokens: int) -> list[int]:
    """Indices in (start, end) where new sentences begin so no piece exceeds ``max_tokens``.

    A piece ends after the last clause punctuation inside its window when that leaves at
    least a quarter of the window; otherwise it ends after ``max_tokens`` words.
    """
    cuts: list[int] = []
    pos = start
    while end - pos > max_tokens:
        limit = pos + max_tokens
        cut = limit
        for i in range(limit - 1, pos + max_tokens // 4 - 1, -1):
            if words[i] in CLAUSE_PUNCT:
                cut = i + 1
                break
        cuts.append(cut)
        pos = cut
    return cuts


class SentenceCap:
    """Split sentences longer than ``max_tokens`` words (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "eventx_sentence_cap", max_tokens: int = MAX_TOKENS) -> None:
        if max_tokens < 4:
            raise ValueError(f"eventx_sentence_cap: max_tokens must be at least 4, got {max_tokens}")
        self.name = name
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n <= self.max_tokens:
            return doc
        values = doc.to_array([SENT_START]).astype("int64").tolist()  # 1 start, -1 not, 0 unknown
        annotated = any(v != 0 for v in values)
        words = token_texts(doc)
        cuts = [c for a, b in sentence_bounds(values, n) for c in cut_points(words, a, b, self.max_tokens)]
        if not cuts:
            return doc
        if not annotated:  # no sentence boundaries at all: the rest is "not a start"
            values = [1 if i == 0 else -1 for i in range(n)]
        for c in cuts:
            values[c] = 1
        doc.from_array([SENT_START], numpy.asarray(values, dtype="int64").astype("uint64"))
        return doc


@Language.factory(
    "eventx_sentence_cap",
    default_config={"max_tokens": MAX_TOKENS},
    assigns=["token.is_sent_start"],
    requires=["token.text"],
)
def make_sentence_cap(nlp: Language, name: str, max_tokens: int) -> SentenceCap:
    """Create the eventx_sentence_cap component.

    nlp (Language): the pipeline.
    name (str): the component name.
    max_tokens (int): the longest sentence, in words, that the rule components see.
    RETURNS (SentenceCap): the component.
    """
    return SentenceCap(nlp, name, max_tokens)
