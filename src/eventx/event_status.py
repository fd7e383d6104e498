"""The status of an event mention (asserted / planned / possible / negated): the ConText cues
of the anchor's clause (eventx.scope), and the event date against the DCT and the tense near
the trigger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .rules import word_set
from .scope import status_at

if TYPE_CHECKING:
    from .triggers import Mention

PAST_MARKERS = word_set("past_auxiliaries") | word_set("perfect_auxiliaries")
STRONG_PAST = word_set("strong_past_forms")
ONGOING = word_set("ongoing_adverbs")
PAST_OR_ONGOING = PAST_MARKERS | STRONG_PAST | ONGOING


def mention_status(doc: Doc, m: Mention, date: Span | None, cues: list[dict]) -> tuple[str, bool]:
    """(status, whether a cue or the date decided it rather than the default): the ConText
    cues of the anchor's clause; an asserted event dated on or after the DCT without a past
    tense near its trigger is planned."""
    sent = m.sent
    words = [t.text for t in sent]
    status, found = status_at(words, m.anchor.i - sent.start, cues)
    if status == "asserted" and doc._.dct and date is not None and date._.timex and date._.timex.get("value"):
        value = date._.timex["value"]
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
