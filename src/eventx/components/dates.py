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
from ..clauses import clause_ids
from ..doc import DATES_KEY as SPAN_KEY
from ..doc import sentences, token_texts
from ..rules import load_tense_words, word_set, write_json
from ..timex import Context, article_anchor_year, find_timexes
from . import defaults  # noqa: F401  (registers the default rule loaders)
from .carry import CarriesRules, RuleFile

FUTURE_CUES = word_set("future_cues")
PAST_CUES = word_set("past_auxiliaries") | word_set("past_time_words")


def sentence_is_future(sent: Span, future: frozenset[str] = FUTURE_CUES, past: frozenset[str] = PAST_CUES) -> bool:
    """A sentence speaks of the future when it has a future cue and no past one."""
    words = {w.lower() for w in token_texts(sent.doc)[sent.start : sent.end]}
    return bool(words & future) and not (words & past)


def clause_tenses(
    doc: Doc, sents: list[Span], future_cues: frozenset[str] = FUTURE_CUES, past_cues: frozenset[str] = PAST_CUES
) -> tuple[list[int], list[bool]]:
    """(start characters, future?) of the clauses of the sentences: a clause with a tense cue
    of its own ("am Freitag will er reisen") follows it; one without follows its sentence
    when no clause has a cue, else it is past, the default of news ("am Montag telefonierte
    er, am Freitag will er reisen")."""
    texts = token_texts(doc)
    starts: list[int] = []
    future: list[bool] = []
    for sent in sents:
        words = texts[sent.start : sent.end]
        lowered = [w.lower() for w in words]
        sentence_future = bool(set(lowered) & future_cues) and not (set(lowered) & past_cues)
        ids = clause_ids(words)
        clauses = [[i for i, k in enumerate(ids) if k == c] for c in range(ids[-1] + 1 if ids else 0)]
        cues = [{lowered[i] for i in members} & (future_cues | past_cues) for members in clauses]
        for members, cue in zip(clauses, cues, strict=True):
            starts.append(doc[sent.start + members[0]].idx)
            if cue:
                future.append(bool(cue & future_cues) and not (cue & past_cues))
            else:
                future.append(sentence_future and not any(cues))
    return starts, future


@Language.factory(
    "eventx_dates",
    default_config={"tense_words": {"@misc": "eventx.default_tense_words.v1"}},
    assigns=["doc.spans", "doc._.anchor_year"],
    requires=["token.text"],
)
def make_date_tagger(nlp: Language, name: str, tense_words: dict[str, list[str]]) -> DateTagger:
    """Create the eventx_dates component.

    nlp (Language): the pipeline.
    name (str): the component name.
    tense_words (dict): {"future": [...], "past": [...]} (eventx.default_tense_words.v1); a clause
        with a future word and no past one puts a date without a year after the anchor.
    RETURNS (DateTagger): the component.
    """
    return DateTagger(nlp, name, tense_words=tense_words)


class DateTagger(CarriesRules):
    rule_files = (RuleFile("tense_words.json", "tense_words", load_tense_words, write_json),)

    def __init__(self, nlp: Language, name: str = "eventx_dates", *, tense_words: dict[str, list[str]] | None = None) -> None:
        self.name = name
        self.tense_words = {k: list(v) for k, v in tense_words.items()} if tense_words is not None else load_tense_words()
        self.set_rules()

    def set_rules(self) -> None:
        self.future, self.past = frozenset(self.tense_words["future"]), frozenset(self.tense_words["past"])

    def __call__(self, doc: Doc) -> Doc:
        dct = dt.date.fromisoformat(doc._.dct) if doc._.dct else None
        if doc._.anchor_year is None:
            doc._.anchor_year = dct.year if dct else article_anchor_year(doc.text)
        sents = sentences(doc)
        sent_starts = [s.start_char for s in sents]
        tenses: dict[int, tuple[list[int], list[bool]]] = {}  # only sentences with a date need them

        def context_at(char: int) -> Context:
            k = max(0, bisect.bisect_right(sent_starts, char) - 1)
            if k not in tenses:
                tenses[k] = clause_tenses(doc, [sents[k]], self.future, self.past)
            starts, future = tenses[k]
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
