"""eventx_name_rules: German naming conventions applied to the NER's entities.

The statistical NER sometimes takes the title in front of a name into the entity
("Trainer Gennadij Chalepo", "Mr. Krugman") and sometimes tags an adjective as a
place ("die deutschen Interessen"). The GermEval/CoNLL scheme, which eventx's
pipeline and de_core_news_md follow, keeps titles outside person names and has no
lowercase place names. This component, placed after the NER, trims the leading
titles of PER entities (``resources/name_titles.txt`` plus the political titles in
``roles.tsv``), drops a PER made only of titles right before another PER, and drops
PER and LOC entities without an upper-case letter.

    >>> nlp.add_pipe("eventx_name_rules", after="ner")
    >>> [(e.text, e.label_) for e in nlp("Bundestrainer Joachim Löw lobte das Team.").ents]
    [('Joachim Löw', 'PER')]
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..rules import load_name_titles, load_roles

NAME_LABELS = frozenset({"PER", "LOC"})
# lowercase words inside names: "Ursula von der Leyen", "Karl-Theodor zu Guttenberg", "bin Salman"
NAME_PARTICLES = frozenset(
    [
        "von",
        "van",
        "vom",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "zu",
        "ten",
        "ter",
        "la",
        "le",
        "las",
        "los",
        "y",
        "e",
        "bin",
        "ibn",
        "al",
        "el",
        "af",
        "av",
        "und",
    ]
)
STOP_PUNCT = frozenset('()[]{}"“”„«»,;:')


@lru_cache(maxsize=1)
def title_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """(exact lowercase titles, endings that make a token a title)."""
    words = frozenset(load_name_titles()) | frozenset(load_roles())
    endings = tuple(sorted((w for w in words if len(w) >= 4 and not w.endswith(".")), key=len, reverse=True))
    return words, endings


def is_title(text: str) -> bool:
    words, endings = title_words()
    low = text.lower()
    return low in words or low.rsplit("-", 1)[-1] in words or low.endswith(endings)


def trim_titles(ent: Span) -> int:
    """Index of the first token of the name once leading titles are removed."""
    doc, start = ent.doc, ent.start
    while start < ent.end - 1 and is_title(doc[start].text) and doc[start + 1].text[:1].isupper():
        start += 1
    return start


def title_only_before_name(ent: Span, following: Span | None) -> bool:
    """A PER made only of titles and directly followed by another PER ("[Mr.] [Krugman]")."""
    return (
        following is not None and following.label_ == "PER" and following.start == ent.end and all(is_title(t.text) for t in ent)
    )


def name_end(ent: Span, start: int) -> int:
    """End of the name: before the first lowercase word that is not a name particle
    ("[Thomas] dachte", "[Leo] zur Welt") or the first bracket or quote."""
    doc = ent.doc
    for i in range(start + 1, ent.end):
        text = doc[i].text
        if (text[:1].islower() and text.lower() not in NAME_PARTICLES) or text in STOP_PUNCT:
            return i
    return ent.end


class NameRules:
    def __init__(self, name: str = "eventx_name_rules") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents = []
        changed = False
        all_ents = doc.ents
        for i, ent in enumerate(all_ents):
            if ent.label_ in NAME_LABELS and not any(c.isupper() for c in ent.text):
                changed = True
                continue
            if ent.label_ == "PER" and title_only_before_name(ent, all_ents[i + 1] if i + 1 < len(all_ents) else None):
                changed = True
                continue
            start, end = ent.start, ent.end
            if ent.label_ == "PER":
                start = trim_titles(ent)
                end = name_end(ent, start)
            if (start, end) != (ent.start, ent.end):
                changed = True
                ent = Span(doc, start, end, label=ent.label)
            ents.append(ent)
        if changed:
            doc.set_ents(ents, default="outside")
        return doc


@Language.factory("eventx_name_rules", assigns=["doc.ents"], requires=["doc.ents"])
def make_name_rules(nlp: Language, name: str) -> NameRules:
    return NameRules(name)
