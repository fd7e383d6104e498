"""eventx_name_rules: German naming conventions applied to the NER's entities.

The statistical NER sometimes takes the words around a name into the entity
("Trainer Gennadij Chalepo", "Mr. Krugman", "Rée Gründungsmitglied", "Thomas dachte"),
joins two persons ("Brians Sohn Murchad"), calls a publisher a person ("Franzis Verlag")
or tags an adjective as a place ("die deutschen Interessen"). The GermEval/CoNLL scheme,
which eventx's pipeline and de_core_news_md follow, keeps titles outside names and has no
lowercase place names. Placed after the NER, this component

- cuts titles (``resources/name_titles.tsv`` and the political titles of ``roles.tsv``) off
  the start of PER entities and compound ones ("Gründungsmitglied", "Löwen-Keeper") off their
  end too; titles that are also surnames ("Graf", "Herzog", "Richter") count only as whole words
  at the start ("Prinz [Harry]", but "[Steffi Graf]"); a kinship word inside a PER splits it;
- ends a name before the first lowercase word that is not a name particle ("von", "de",
  "bin") and before brackets, quotes and commas;
- drops a PER made of titles alone;
- relabels a PER whose last word names an organisation or a place
  (``resources/name_heads.tsv``: "Verlag", "GmbH", "-straße");
- drops PER and LOC entities without an upper-case letter.

    >>> nlp.add_pipe("eventx_name_rules", after="ner")
    >>> [(e.text, e.label_) for e in nlp("Bundestrainer Joachim Löw lobte das Team.").ents]
    [('Joachim Löw', 'PER')]
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..rules import load_name_heads, load_name_titles, load_roles

NAME_LABELS = frozenset({"PER", "LOC"})
# lowercase words inside names: "Ursula von der Leyen", "Karl-Theodor zu Guttenberg", "bin Salman"
NAME_PARTICLES = frozenset(
    ["von", "van", "vom", "der", "den", "de", "del", "della", "di", "da", "das", "do", "dos", "du", "zu"]
    + ["ten", "ter", "la", "le", "las", "los", "y", "e", "bin", "ibn", "al", "el", "af", "av", "und"]
)
STOP_PUNCT = frozenset('()[]{}"“”„«»,;:')


MIN_COMPOUND_PREFIX = 3  # letters before a title ending: "Bundes|trainer", not "Kil|mister"


@lru_cache(maxsize=1)
def title_words() -> tuple[dict[str, str], tuple[str, ...]]:
    """(lowercase word -> kind, the 'title' words that also count as compound endings)."""
    words = {role: "title" for role in load_roles()}
    words.update(load_name_titles())
    endings = sorted((w for w, k in words.items() if k == "title" and len(w) >= 4 and not w.endswith(".")), key=len)
    return words, tuple(reversed(endings))


def compound_title(low: str) -> bool:
    """'bundestrainer', 'löwen-keeper': a title word at the end of a longer word."""
    words, endings = title_words()
    if "-" in low and words.get(low.rsplit("-", 1)[-1]) == "title":
        return True
    return any(low.endswith(e) and len(low) - len(e) >= MIN_COMPOUND_PREFIX for e in endings)


def title_kind(text: str) -> str | None:
    """'title', 'rank' or 'kin' when a capitalised token is such a word, else None."""
    if not text[:1].isupper():
        return None
    low = text.lower()
    kind = title_words()[0].get(low)
    if kind:
        return kind
    return "title" if compound_title(low) else None


def is_title(text: str) -> bool:
    return title_kind(text) is not None


def is_compound_title(text: str) -> bool:
    """A title by its ending or hyphen part only ("Gründungsmitglied", "Löwen-Keeper"): such a
    word is never a surname, while "Graf", "Richter" or "Major" end many names."""
    low = text.lower()
    return text[:1].isupper() and low not in title_words()[0] and compound_title(low)


@lru_cache(maxsize=1)
def head_words() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """(exact lowercase last word -> label, (suffix, label) pairs, longest first)."""
    heads = load_name_heads()
    exact = {w: label for w, (label, _) in heads.items()}
    suffixes = tuple(sorted(((w, label) for w, (label, suffix) in heads.items() if suffix), key=lambda x: -len(x[0])))
    return exact, suffixes


def head_label(ent: Span) -> str | None:
    """ORG or LOC when a person's last word names an organisation or a place."""
    exact, suffixes = head_words()
    last = ent[-1].lower_
    if last in exact and len(ent) > 1:
        return exact[last]
    for suffix, label in suffixes:
        if last.endswith(suffix) and last != suffix:
            return label
    return None


def name_end(doc: Doc, start: int, end: int) -> int:
    """End of a name: before the first lowercase word that is not a name particle
    ("[Thomas] dachte", "[Leo] zur Welt") or the first bracket, quote or comma."""
    for i in range(start + 1, end):
        text = doc[i].text
        if (text[:1].islower() and text.lower() not in NAME_PARTICLES) or text in STOP_PUNCT:
            return i
    return end


def person_pieces(ent: Span) -> Iterator[tuple[int, int]]:
    """The (start, end) token ranges of the names in a PER entity, titles cut off."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end - 1 and is_title(doc[start].text) and doc[start + 1].text[:1].isupper():
        start += 1
    while end - 1 > start and is_compound_title(doc[end - 1].text):
        end -= 1
    piece_start = start
    for i in range(start + 1, end - 1):
        if title_kind(doc[i].text) == "kin":
            if i > piece_start:
                yield piece_start, name_end(doc, piece_start, i)
            piece_start = i + 1
    yield piece_start, name_end(doc, piece_start, end)


class NameRules:
    def __init__(self, name: str = "eventx_name_rules") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents: list[Span] = []
        changed = False
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS and not any(c.isupper() for c in ent.text):
                changed = True
            elif ent.label_ != "PER":
                ents.append(ent)
            elif all(is_title(t.text) for t in ent):
                changed = True
            else:
                for start, end in person_pieces(ent):
                    label = head_label(doc[start:end]) or "PER"
                    changed |= (start, end, label) != (ent.start, ent.end, "PER")
                    ents.append(Span(doc, start, end, label=label))
        if changed:
            doc.set_ents(ents, default="outside")
        return doc


@Language.factory("eventx_name_rules", assigns=["doc.ents"], requires=["doc.ents"])
def make_name_rules(nlp: Language, name: str) -> NameRules:
    return NameRules(name)
