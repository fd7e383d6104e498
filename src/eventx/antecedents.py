"""Who a sentence refers back to when it names too few parties: the person a pronoun refers
to ('Er telefonierte mit Putin'), the group of 'Sie wollen sich treffen' or 'die beiden
Bundeskanzler', the countries of 'Staatschefs dieser Länder', and the actors named before a
position (pure functions over ``doc._.actors``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .doc import sentence_of
from .rules import word_set

PRONOUNS = word_set("pronouns")
PLURAL_PRONOUNS = word_set("plural_pronouns")
PAIR_WORDS = word_set("pair_words")
COLLECTIVE_NOUNS = word_set("collective_nouns")
DEMONSTRATIVES = word_set("demonstratives")

Actor = dict  # one of doc._.actors (see eventx.components.actors); mentions are token ranges [start, end)


def referred_persons(doc: Doc, sent: Span, present: list[Actor]) -> list[Actor]:
    """The group the sentence refers back to, else the person a pronoun refers to."""
    return referred_group(doc, sent, present) or [p for p in [previous_person(doc, sent, present)] if p]


def previous_person(doc: Doc, sent: Span, present: list[Actor]) -> Actor | None:
    """'Er telefonierte mit Putin', 'nach seinen Gesprächen': the pronoun refers to the
    last person named before the sentence."""
    if not any(t.lower_ in PRONOUNS for t in sent):
        return None
    earlier = persons_before(doc, sent.start, present)
    return earlier[0] if earlier else None


def referred_group(doc: Doc, sent: Span, present: list[Actor]) -> list[Actor]:
    """'Sie wollen sich ... treffen' (the persons of the sentence before) and
    'die beiden Bundeskanzler' (the last two persons named)."""
    words = [t.lower_ for t in sent]
    named = named_group(doc, sent, words)
    if named:
        return named
    for k, w in enumerate(words[:-1]):
        if w in PAIR_WORDS:
            if words[k + 1] in COLLECTIVE_NOUNS:  # "beider Länder", "beide Seiten": countries
                return actors_before(doc, sent.end, "country")[:2]
            return persons_before(doc, sent.start, present)[:2]
    if sent[0].lower_ in PLURAL_PRONOUNS or (len(sent) > 1 and sent[1].lower_ in PLURAL_PRONOUNS and sent[0].pos_ != "ADP"):
        prev = sentence_of(doc[sent.start - 1]) if sent.start > 0 else None
        if prev is not None:
            starts = {
                s for a in (doc._.actors or []) if a["kind"] == "person" for s, _ in a["mentions"] if prev.start <= s < prev.end
            }
            group = [a for a in persons_before(doc, sent.start, present) if any(s in starts for s, _ in a["mentions"])]
            return group[:3]
    return []


def named_group(doc: Doc, sent: Span, words: list[str]) -> list[Actor]:
    """Countries the sentence refers to: 'Staatschefs dieser Länder' (the countries of the
    nearest of the three sentences before that names two or more, else of those of the two
    after that do)."""
    if not any(w in COLLECTIVE_NOUNS and k > 0 and words[k - 1] in DEMONSTRATIVES for k, w in enumerate(words)):
        return []
    countries = [a for a in doc._.actors or [] if a["kind"] == "country"]

    def listed(other: Span) -> list[Actor]:
        found = [a for a in countries if any(other.start <= s < other.end for s, _ in a["mentions"])]
        return sorted(found, key=lambda a: min(s for s, _ in a["mentions"] if s >= other.start)) if len(found) >= 2 else []

    prev = sent
    for _ in range(3):
        if prev.start > 0:
            prev = sentence_of(doc[prev.start - 1])
            if listed(prev):
                return listed(prev)
    out: list[Actor] = []
    nxt = sent
    for _ in range(2):  # "Staatschefs dieser Länder unterschrieben ... Es sind A, B und C. Die Staatschefs von D und E ..."
        if nxt.end >= len(doc):
            break
        nxt = sentence_of(doc[nxt.end])
        more = listed(nxt)
        if out and not more:
            break
        out.extend(a for a in more if a not in out)
    return out


def actors_before(doc: Doc, position: int, kind: str, exclude: list[Actor] = ()) -> list[Actor]:
    """Actors of one kind named before ``position``, the most recently named first."""
    last: dict[int, int] = {}
    for a in doc._.actors or []:
        if a["kind"] != kind or a in exclude:
            continue
        starts = [s for s, _ in a["mentions"] if s < position]
        if starts:
            last[a["id"]] = max(starts)
    by_id = {a["id"]: a for a in doc._.actors or []}
    return [by_id[i] for i in sorted(last, key=lambda i: -last[i])]


def persons_before(doc: Doc, position: int, present: list[Actor]) -> list[Actor]:
    return actors_before(doc, position, "person", present)
