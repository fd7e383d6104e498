"""The status of an event mention (asserted / planned / possible / negated): the ConText cues
of the anchor's clause (eventx.scope), and the event date against the DCT and the tense near
the trigger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .rules import word_set
from .scope import status_at
from .timex_words import WEEKDAYS

if TYPE_CHECKING:
    from .triggers import Mention

PAST_MARKERS = word_set("past_auxiliaries") | word_set("perfect_auxiliaries")
STRONG_PAST = word_set("strong_past_forms")
ONGOING = word_set("ongoing_adverbs")
PAST_OR_ONGOING = PAST_MARKERS | STRONG_PAST | ONGOING
DETERMINERS = word_set("clause_determiners")


def mention_status(doc: Doc, m: Mention, date: Span | None, cues: list[dict]) -> tuple[str, bool]:
    """(status, whether a cue or the date decided it rather than the default): the ConText
    cues of the anchor's clause; an asserted event dated on or after the DCT without a past
    tense near its trigger is planned."""
    sent = m.sent
    words = [t.text for t in sent]
    status, found = status_at(words, m.anchor.i - sent.start, cues)
    if status == "asserted" and date is not None and not doc._.dct and present_schedule(m, date):
        return "planned", True
    until = date is not None and date[0].lower_ == "bis"  # "findet bis zum 21. Januar statt": ongoing until then
    if status == "asserted" and doc._.dct and date is not None and not until and date._.timex and date._.timex.get("value"):
        value = date._.timex["value"]
        ahead = len(value) >= 10 and value[:10] > doc._.dct and value[:4].isdigit()
        if ahead and noun_trigger(m):
            return "planned", True  # "der Besuch am 29. August wurde bisher nicht mitgeteilt": the noun has no tense
        if len(value) >= 10 and value[:10] >= doc._.dct and value[:4].isdigit():
            lo = max(sent.start, m.anchor.i - 8)
            near = doc[lo : m.anchor.i + 8]
            if not any(t.lower_ in PAST_OR_ONGOING or t.tag_ == "VVPP" for t in near) and not past_verb(
                m.anchor
            ):
                return "planned", True
    return status, bool(found)


def past_verb(tok: Token) -> bool:
    text = tok.lower_
    return text.endswith(("te", "ten", "ete", "eten")) or text in STRONG_PAST or "Tense=Past" in str(tok.morph)


def noun_trigger(m: Mention) -> bool:
    """An event noun that is its own anchor (a tense near it belongs to another verb)."""
    return m.anchor is m.trigger and m.trigger.text[:1].isupper() and not m.trigger.is_sent_start


def present_schedule(m: Mention, date: Span) -> bool:
    """Without a DCT: a verb in the present with a weekday ("am Dienstag fliegt er in die USA
    weiter") in a sentence without a past or perfect tense or an adverb of the ongoing present
    is a schedule, as news write it."""
    tok = m.anchor
    if not tok.is_lower or past_verb(tok) or tok.lower_.startswith("ge"):
        return False
    if not any(w in date.text.lower() for w in WEEKDAYS):
        return False
    return not any(t.lower_ in PAST_OR_ONGOING or past_verb(t) and t.is_lower and t.i != tok.i and _verbish(t) for t in m.sent)


def _verbish(t: Token) -> bool:
    return t.i > t.sent.start and t.doc[t.i - 1].lower_ not in DETERMINERS and len(t.text) > 4
