"""The date of an event mention: the time expression of the trigger's own clause
(eventx.clauses), not one of a phrase of time around a trigger noun ('vor dem Gipfel')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .clauses import assign_dates, clause_ids
from .doc import dates, token_texts
from .rules import word_set
from .scope import status_at

if TYPE_CHECKING:
    from .triggers import Mention

CLAUSE_ENDS = word_set("clause_ends")
EMBEDDING_WORDS = word_set("embedding_prepositions")
CONTINUING_SUBJECTS = word_set("continuing_subjects")
NOUN_DATE_PREPOSITIONS = word_set("noun_date_prepositions")
DATED_NOUNS = tuple(sorted(word_set("dated_nouns")))
ARTICLE_LIKE = word_set("anaphoric_determiners") | {"einem", "einer", "eines", "dem", "den"}


def date_for(doc: Doc, sent: Span, m: Mention, mentions: list[Mention] | None = None) -> Span | None:
    """The date of the mention's own clause, else a date of the sentence that no other
    mention's clause holds (eventx.clauses); a trigger noun inside a prepositional or
    phrase of time ("vor Beginn des Gipfels", "nach dem Treffen") takes only a date right
    after it: the clause's date belongs to the clause's verb, and names a time before or
    after the event ("Einen Tag vor Beginn des Gipfels hat der Rat am Dienstag beschlossen")."""
    triggers_here = {x.trigger.i for x in (mentions or [m])} | {m.trigger.i}
    spans = [d for d in dates(doc) if sent.start <= d.start < sent.end and not noun_dated(doc, d, triggers_here)]
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


def noun_dated(doc: Doc, date: Span, triggers: set[int]) -> bool:
    """A date that dates the noun before it ("In einer Erklärung vom 22. Juli", "den
    Oberösterreichischen Nachrichten vom Mittwoch"): it belongs to that noun, not to an event,
    unless the noun is the trigger ("das Treffen vom Montag")."""
    k = date.start
    if doc[k].lower_ not in NOUN_DATE_PREPOSITIONS or k == 0:
        return False
    before = doc[k - 1]
    if before.i in triggers or not before.text[:1].isupper():
        return False
    return before.lower_.endswith(DATED_NOUNS)  # "Erklärung", "Nachrichten", "Interview": not "Lawrow vom Montag"


def narrative_date(doc: Doc, sent: Span, raw: list[dict], status: str, cues: list[dict]) -> Span | None:
    """The time of a sentence that goes on with the subject of the one before ("Am Dienstag
    werden Steinmeier und Merkel erwartet. Sie werden das Museum besuchen"): the previous
    sentence's only date, when no event of that sentence holds it and its clause has the
    event's status (a plan after "Am Montag sagte sie ..." is not on Monday)."""
    if status != "planned" or sent.start == 0 or doc[sent.start].lower_ not in CONTINUING_SUBJECTS:
        return None  # a schedule goes on; a past narrative jumps in time ("Er besuchte Warschau kurz nach ...")
    prev = doc[sent.start - 1].sent
    spans = [d for d in dates(doc) if prev.start <= d.start < prev.end]
    if len(spans) != 1 or any(e["date"] is not None and e["date"].start == spans[0].start for e in raw):
        return None
    words = [t.text for t in prev]
    return spans[0] if status_at(words, spans[0].start - prev.start, cues)[0] == status else None
