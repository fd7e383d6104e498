"""The date of an event mention: the time expression of the trigger's own clause
(eventx.clauses), not one of a phrase of time around a trigger noun ('vor dem Gipfel')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .clauses import assign_dates, clause_ids
from .doc import dates, token_texts
from .rules import word_set

if TYPE_CHECKING:
    from .triggers import Mention

CLAUSE_ENDS = word_set("clause_ends")
EMBEDDING_WORDS = word_set("embedding_prepositions")
ARTICLE_LIKE = word_set("anaphoric_determiners") | {"einem", "einer", "eines", "dem", "den"}


def date_for(doc: Doc, sent: Span, m: Mention, mentions: list[Mention] | None = None) -> Span | None:
    """The date of the mention's own clause, else a date of the sentence that no other
    mention's clause holds (eventx.clauses); a trigger noun inside a prepositional or
    phrase of time ("vor Beginn des Gipfels", "nach dem Treffen") takes only a date right
    after it: the clause's date belongs to the clause's verb, and names a time before or
    after the event ("Einen Tag vor Beginn des Gipfels hat der Rat am Dienstag beschlossen")."""
    spans = [d for d in dates(doc) if sent.start <= d.start < sent.end]
    if not spans:
        return None
    words = token_texts(doc)[sent.start : sent.end]
    triggers = sorted({x.trigger.i - sent.start for x in (mentions or [m])} | {m.trigger.i - sent.start})
    verbs = frozenset(t for t in triggers if words[t].islower())
    ranges = [(d.start - sent.start, d.end - sent.start) for d in spans]
    choice = assign_dates(triggers, ranges, clause_ids(words, verbs)).get(m.trigger.i - sent.start)
    if choice is None:
        return None
    date = spans[choice]
    if embedded_noun(words, m.trigger.i - sent.start) and not 0 < date.start - m.trigger.i <= 4:
        return None
    return date


def embedded_noun(words: list[str], i: int) -> bool:
    """A trigger noun in a phrase of time before or after it: "vor dem Gipfel", "nach seinem
    Besuch", "vor Beginn des Gipfels" (up to three words back, within the noun phrase)."""
    if not words[i][:1].isupper():
        return False
    for w in reversed(words[max(0, i - 4) : i]):
        if w.lower() in EMBEDDING_WORDS:
            return True
        if w in CLAUSE_ENDS or (w.islower() and w not in ARTICLE_LIKE):
            return False
    return False
