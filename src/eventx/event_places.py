"""Where an event happens: the destination of a visit and the place of talks (pure functions
over the places eventx_countries annotated and the doc's LOC entities)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .doc import places
from .rules import word_set, word_table

LOCATION_PREPS = word_set("location_preps")
DESTINATION_PREPS = word_set("destination_preps")
DIRECTIONAL_ARTICLES = word_set("directional_articles")
GOVERNMENT_NOUNS = frozenset(word_table("government_nouns"))


def destination(doc: Doc, sent: Span, trigger: Token) -> Span | None:
    """Where a visit goes: a place after nach/in, or the object of 'besuchen'."""
    best = None
    for p in places(doc):
        if not (sent.start <= p.start < sent.end) or p.label_ not in ("country", "capital"):
            continue
        prev = doc[p.start - 1].lower_ if p.start > sent.start else ""
        if prev in DIRECTIONAL_ARTICLES and p.start - 2 >= sent.start and doc[p.start - 2].lower_ == "in":
            prev = "in"  # "in die USA", "in die Türkei": the accusative of direction
        is_object = p.start > trigger.i and prev not in LOCATION_PREPS and trigger.lemma_.lower() in ("besuchen", "bereisen")
        if prev in DESTINATION_PREPS or is_object:
            if best is None or _distance(p, trigger) < _distance(best, trigger):
                best = p
    if best is None:
        for ent in doc.ents:
            if (
                ent.label_ == "LOC"
                and sent.start <= ent.start < sent.end
                and ent.start > 0
                and doc[ent.start - 1].lower_ in DESTINATION_PREPS
            ):
                if best is None or _distance(ent, trigger) < _distance(best, trigger):
                    best = ent
    return best


def _distance(span: Span, trigger: Token) -> int:
    """Words between a trigger and a place; places after the trigger come first."""
    if span.start > trigger.i:
        return span.start - trigger.i
    return 100 + trigger.i - span.end


def place_in(doc: Doc, sent: Span) -> Span | None:
    """Where talks take place: a capital after 'in'/'im' (not 'die Regierung in Kiew': the
    government that acts)."""
    for p in places(doc):
        if (
            sent.start <= p.start < sent.end
            and p.label_ == "capital"
            and p.start > sent.start + 1
            and _after_in(doc, p.start)
            and doc[p.start - 2].lower_ not in GOVERNMENT_NOUNS
        ):
            return p
    return None


def _after_in(doc: Doc, start: int) -> bool:
    """'in Genf', 'im maltesischen Valletta'."""
    k = start - 1
    if k > 0 and doc[k].text[:1].islower() and doc[k - 1].lower_ in ("im", "in"):
        k -= 1  # an adjective between
    return doc[k].lower_ in ("in", "im")
