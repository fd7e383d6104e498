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

from ..rules import load_name_heads, load_name_titles, load_roles, write_name_heads, write_name_titles, write_roles
from . import defaults  # noqa: F401  (registers the default rule loaders)
from .carry import CarriesRules, RuleFile

NAME_LABELS = frozenset({"PER", "LOC"})
# lowercase words inside names: "Ursula von der Leyen", "Karl-Theodor zu Guttenberg", "bin Salman"
NAME_PARTICLES = frozenset(
    ["von", "van", "vom", "der", "den", "de", "del", "della", "di", "da", "das", "do", "dos", "du", "zu"]
    + ["ten", "ter", "la", "le", "las", "los", "y", "e", "bin", "ibn", "al", "el", "af", "av", "und"]
)
# Arabic article forms that are joined to the next name by a hyphen: "ad-Din", "as-Sisi", "ar-Rahman"
HYPHEN_PARTICLES = frozenset(["ad", "an", "ar", "as", "at", "ash", "az", "ed", "es", "et", "ul", "ur", "abu", "abd"])
STOP_PUNCT = frozenset('()[]{}"“”„«»,;:')


MIN_COMPOUND_PREFIX = 3  # letters before a title ending: "Bundes|trainer", not "Kil|mister"


class NameTables:
    """The title words (political roles and ``name_titles.tsv``) and the organisation and place
    heads (``name_heads.tsv``) in the forms the rules look them up; one per component."""

    def __init__(
        self, titles: dict[str, str], heads: dict[str, tuple[str, bool]], roles: dict[str, tuple[str, str | None]]
    ) -> None:
        self.words = {role: "title" for role in roles}
        self.words.update(titles)
        endings = sorted((w for w, k in self.words.items() if k == "title" and len(w) >= 4 and not w.endswith(".")), key=len)
        self.endings = tuple(reversed(endings))
        self.exact_heads = {w: label for w, (label, _) in heads.items()}
        self.suffix_heads = tuple(
            sorted(((w, label) for w, (label, suffix) in heads.items() if suffix), key=lambda x: -len(x[0]))
        )

    def compound_title(self, low: str) -> bool:
        """'bundestrainer', 'löwen-keeper': a title word at the end of a longer word."""
        if "-" in low and self.words.get(low.rsplit("-", 1)[-1]) == "title":
            return True
        return any(low.endswith(e) and len(low) - len(e) >= MIN_COMPOUND_PREFIX for e in self.endings)

    def title_kind(self, text: str) -> str | None:
        """'title', 'rank' or 'kin' when a capitalised token is such a word, else None."""
        if not text[:1].isupper():
            return None
        low = text.lower()
        kind = self.words.get(low)
        if kind:
            return kind
        return "title" if self.compound_title(low) else None

    def is_title(self, text: str) -> bool:
        return self.title_kind(text) is not None

    def is_compound_title(self, text: str) -> bool:
        """A title by its ending or hyphen part only ("Gründungsmitglied", "Löwen-Keeper"): such a
        word is never a surname, while "Graf", "Richter" or "Major" end many names."""
        low = text.lower()
        return text[:1].isupper() and low not in self.words and self.compound_title(low)

    def head_label(self, ent: Span) -> str | None:
        """ORG or LOC when a person's last word names an organisation or a place."""
        last = ent[-1].lower_
        if last in self.exact_heads and len(ent) > 1:
            return self.exact_heads[last]
        for suffix, label in self.suffix_heads:
            if last.endswith(suffix) and last != suffix:
                return label
        return None

    def person_pieces(self, ent: Span) -> Iterator[tuple[int, int]]:
        """The (start, end) token ranges of the names in a PER entity, titles cut off."""
        doc, start, end = ent.doc, ent.start, ent.end
        while start < end - 1 and self.is_title(doc[start].text) and doc[start + 1].text[:1].isupper():
            start += 1
        while end - 1 > start and self.is_compound_title(doc[end - 1].text):
            end -= 1
        piece_start = start
        for i in range(start + 1, end - 1):
            if self.title_kind(doc[i].text) == "kin":
                if i > piece_start:
                    yield piece_start, name_end(doc, piece_start, i)
                piece_start = i + 1
        yield piece_start, name_end(doc, piece_start, end)


@lru_cache(maxsize=1)
def shipped_tables() -> NameTables:
    """The tables of the shipped rule files (for the module-level helpers; components build their own)."""
    return NameTables(load_name_titles(), load_name_heads(), load_roles())


def is_title(text: str) -> bool:
    """Whether a word is a title under the shipped rules."""
    return shipped_tables().is_title(text)


def is_particle(text: str) -> bool:
    """A lowercase word that belongs to names: "von", "bin", and a particle joined to a name by a
    hyphen ("al-Khaled", "el-Sisi", "ad-Din")."""
    low = text.lower()
    if low in NAME_PARTICLES:
        return True
    head, _, rest = text.partition("-")
    return head.lower() in NAME_PARTICLES | HYPHEN_PARTICLES and rest[:1].isupper()


def name_end(doc: Doc, start: int, end: int) -> int:
    """End of a name: before the first lowercase word that is not a name particle
    ("[Thomas] dachte", "[Leo] zur Welt", but "[Heba al-Khaled]") or the first bracket,
    quote or comma."""
    for i in range(start + 1, end):
        text = doc[i].text
        if (text[:1].islower() and not is_particle(text)) or text in STOP_PUNCT:
            return i
    return end


@Language.factory(
    "eventx_name_rules",
    default_config={
        "titles": {"@misc": "eventx.default_name_titles.v1"},
        "heads": {"@misc": "eventx.default_name_heads.v1"},
        "roles": {"@misc": "eventx.default_roles.v1"},
    },
    assigns=["doc.ents"],
    requires=["doc.ents"],
)
def make_name_rules(
    nlp: Language, name: str, titles: dict[str, str], heads: dict[str, tuple[str, bool]], roles: dict[str, tuple[str, str | None]]
) -> NameRules:
    """Create the eventx_name_rules component.

    nlp (Language): the pipeline (with an NER before it).
    name (str): the component name.
    titles (dict[str, str]): word -> title, rank or kin (eventx.default_name_titles.v1).
    heads (dict): last word -> (ORG or LOC, matches as a suffix too) (eventx.default_name_heads.v1).
    roles (dict): the political titles of eventx_actors, which are titles here too (eventx.default_roles.v1).
    RETURNS (NameRules): the component.
    """
    return NameRules(name, titles=titles, heads=heads, roles=roles)


class NameRules(CarriesRules):
    rule_files = (
        RuleFile("name_titles.tsv", "titles", load_name_titles, write_name_titles),
        RuleFile("name_heads.tsv", "heads", load_name_heads, write_name_heads),
        RuleFile("roles.tsv", "roles", load_roles, write_roles),
    )

    def __init__(
        self,
        name: str = "eventx_name_rules",
        *,
        titles: dict[str, str] | None = None,
        heads: dict[str, tuple[str, bool]] | None = None,
        roles: dict[str, tuple[str, str | None]] | None = None,
    ) -> None:
        self.name = name
        self.titles = dict(titles) if titles is not None else load_name_titles()
        self.heads = {w: tuple(v) for w, v in heads.items()} if heads is not None else load_name_heads()
        self.roles = {w: tuple(v) for w, v in roles.items()} if roles is not None else load_roles()
        self.set_rules()

    def set_rules(self) -> None:
        self.tables = NameTables(self.titles, self.heads, self.roles)

    def __call__(self, doc: Doc) -> Doc:
        tables = self.tables
        ents: list[Span] = []
        changed = False
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS and not any(c.isupper() for c in ent.text):
                changed = True
            elif ent.label_ != "PER":
                ents.append(ent)
            elif all(tables.is_title(t.text) for t in ent):
                changed = True
            else:
                for start, end in tables.person_pieces(ent):
                    label = tables.head_label(doc[start:end]) or "PER"
                    changed |= (start, end, label) != (ent.start, ent.end, "PER")
                    ents.append(Span(doc, start, end, label=label))
        if changed:
            doc.set_ents(ents, default="outside")
        return doc
