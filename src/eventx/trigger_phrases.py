"""Phrases around a trigger that decide whose words are whose: 'der Besuch von X' (words owned
by one trigger), 'Treffen mit X', 'Gespräche zwischen X und Y', and source attributions
('Nach Angaben des Präsidialamts', 'laut Kreml', '(Foto: Yonhap)') whose actors are sources,
not participants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .rules import word_set

if TYPE_CHECKING:
    from .triggers import Mention

GENITIVE_LINKS = word_set("genitive_links")
CLAUSE_ENDS = word_set("clause_ends")
ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
CREDIT_WORDS = word_set("credit_words")

Actor = dict  # one of doc._.actors (see eventx.components.actors); mentions are token ranges [start, end)


def owned_tokens(doc: Doc, sent: Span, mentions: list[Mention]) -> dict[int, set[int]]:
    """Words attached to a trigger noun by a genitive or 'von' ('der Besuch von Minister
    Choe', 'ein Besuch des Machthabers Kim'): they belong to that trigger only (by id of the mention)."""
    owned: dict[int, set[int]] = {}
    if len(mentions) < 2:
        return owned
    for m in mentions:
        t = m.trigger
        if not t.text[:1].isupper() or t.i + 1 >= sent.end or doc[t.i + 1].lower_ not in ("von", "des", "der", "vom"):
            continue
        owned[id(m)] = set(range(t.i + 1, min(sent.end, t.i + 6)))
    return owned


def with_phrase(doc: Doc, actor: Actor, m: Mention) -> bool:
    """The actor follows 'mit' right after the trigger ('Treffen mit dem Regierungschef X')."""
    for start, _ in actor["mentions"]:
        if m.trigger.i < start <= m.trigger.i + 6 and any(doc[k].lower_ == "mit" for k in range(m.trigger.i + 1, start)):
            return True
    return False


def between_phrase(doc: Doc, sent: Span, trigger: Token) -> tuple[int, int] | None:
    """Token range of 'zwischen X und Y' right after a trigger, up to the clause end."""
    j = trigger.i + 1
    if j < sent.end and doc[j].lower_ in ("der", "des"):
        j += 2
    if j >= sent.end or doc[j].lower_ != "zwischen":
        return None
    k = j + 1
    while k < sent.end and (doc[k].text not in CLAUSE_ENDS or _next_conjunct(doc, k + 1, sent.end)):
        k += 1
    return j + 1, k


def partner_phrase(doc: Doc, sent: Span, trigger: Token) -> tuple[int, int] | None:
    """Token range of 'mit X (und Y)' right after a trigger noun ('das Atomabkommen mit dem
    Iran'), up to the clause end, at most eight words."""
    j = trigger.i + 1
    if j >= sent.end or doc[j].lower_ != "mit":
        return None
    k = j + 1
    while k < sent.end and k - j <= 8 and (doc[k].text not in CLAUSE_ENDS or _next_conjunct(doc, k + 1, sent.end)):
        k += 1
    return j + 1, k


def state_actors_in(doc: Doc, span: tuple[int, int] | None) -> list[Actor]:
    """Countries, organisations and persons acting for a country named in a token range."""
    if span is None:
        return []
    lo, hi = span
    return [
        a
        for a in doc._.actors or []
        if (a["kind"] != "person" or a.get("country")) and any(lo <= s < hi for s, _ in a["mentions"])
    ]


def _next_conjunct(doc: Doc, k: int, end: int) -> bool:
    """After a comma inside 'zwischen A, B und C': another party follows (a name, or an
    article before a name), not a new clause ('..., die am Montag begannen')."""
    if doc[k - 1].text != "," or k >= end:
        return False
    if doc[k].lower_ in ARTICLES:
        k += 1
    return k < end and doc[k].text[:1].isupper()


def source_attribution(sent: Span) -> set[int]:
    """Tokens of a source attribution: 'Nach Angaben des Präsidialamts', 'laut Kreml',
    'Informationen der Botschaft zufolge', photo credits '(Foto: Yonhap)'. Their actors are
    sources, not participants."""
    out: set[int] = set()
    toks = list(sent)
    for k, t in enumerate(toks):
        lower = t.lower_
        if lower in CREDIT_WORDS and k + 1 < len(toks) and toks[k + 1].text == ":":
            j = k + 2
            while j < len(toks) and toks[j].text not in (")", "]") and j - k <= 6:
                out.add(toks[j].i)
                j += 1
        elif lower in ("angaben", "laut", "informationen"):
            if lower != "laut" and (k + 1 >= len(toks) or toks[k + 1].lower_ not in GENITIVE_LINKS):
                continue
            out.update(_source_after(toks, k))
        elif lower == "zufolge":
            j = k - 1
            while j >= 0 and not toks[j].is_punct and k - j <= 7:
                out.add(toks[j].i)
                j -= 1
    return out


def _source_after(toks: list[Token], k: int) -> list[int]:
    """The words after a source noun, up to the end of the name ('laut Kreml-Sprecher Peskow')."""
    out = []
    seen_name = False
    j = k + 1
    while j < len(toks) and not toks[j].is_punct and j - k <= 6:
        word = toks[j]
        if seen_name and word.text[:1].islower():
            break
        seen_name = seen_name or word.text[:1].isupper()
        out.append(word.i)
        j += 1
    return out
