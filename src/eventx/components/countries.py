"""eventx_countries: countries, nationality adjectives, demonyms, capitals and
international organisations, normalised to ISO 3166-1 alpha-3.

German country names come from CLDR (via babel); adjectives, demonyms, capitals
and organisations from ``resources/countries.tsv`` and ``organisations.tsv``.

    >>> nlp = spacy.blank("de"); nlp.add_pipe("eventx_countries")
    >>> doc = nlp("Der südkoreanische Präsident reiste nach Moskau.")
    >>> [(s.text, s.label_, s._.iso3) for s in doc.spans["eventx_places"]]
    [('südkoreanische', 'adjective', 'KOR'), ('Moskau', 'capital', 'RUS')]
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.core import get_global
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions  # noqa: F401  (registers the extensions)
from ..doc import PLACES_KEY as SPAN_KEY
from ..doc import places, token_texts  # noqa: F401  (places: moved to eventx.doc)
from ..rules import load_country_table, load_organisation_countries, load_organisations

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
NON_UN_MEMBERS = frozenset({"PSE", "XKX", "VAT", "TWN"})


@lru_cache(maxsize=1)
def cldr_names() -> dict[str, str]:
    """ISO3 -> German short name from CLDR (e.g. KOR -> Südkorea)."""
    alpha3_to_2 = {k: v[0] for k, v in get_global("territory_aliases").items() if len(k) == 3 and k.isalpha() and len(v) == 1}
    territories = Locale("de").territories
    out = {}
    for row in load_country_table():
        iso3 = row["iso3"]
        alpha2 = "XK" if iso3 == "XKX" else alpha3_to_2.get(iso3)
        if alpha2 and alpha2 in territories:
            out[iso3] = territories[alpha2]
    return out


def genitive(name: str) -> list[str]:
    if name[-1] in "sxzß":
        return [name]
    return [name, name + "s"]


def demonym_forms(word: str) -> set[str]:
    forms = {word, word + "n", word + "s", word + "en", word + "in", word + "innen"}
    if word.endswith("e"):
        forms |= {word[:-1] + "in", word[:-1] + "innen"}
    if word.endswith("er") and word[0].isupper() and word.lower().startswith("deutsch"):
        forms |= {word[:-1], word[:-1] + "n"}
    return forms


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, tuple[str, str, str]], dict[str, tuple[str, str]]]:
    """Return (phrases, adjectives).

    phrases: surface string -> (iso3 or "", kind, canonical name); matched case-sensitively.
    adjectives: lowercase inflected adjective -> (iso3, canonical country name).
    """
    names = cldr_names()
    phrases: dict[str, tuple[str, str, str]] = {}
    adjectives: dict[str, tuple[str, str]] = {}
    for row in load_country_table():
        iso3 = row["iso3"]
        canonical = names.get(iso3) or (row["names"][0] if row["names"] else iso3)
        for name in [canonical, *row["names"]]:
            for form in genitive(name):
                phrases.setdefault(form, (iso3, "country", name))
        for cap in row["capitals"]:
            for form in genitive(cap) if " " not in cap else [cap]:
                phrases.setdefault(form, (iso3, "capital", cap))
        for dem in row["demonyms"]:
            for form in demonym_forms(dem):
                phrases.setdefault(form, (iso3, "demonym", canonical))
        for adj in row["adjectives"]:
            for end in ADJ_ENDINGS:
                adjectives.setdefault(adj + end, (iso3, canonical))
    org_countries = load_organisation_countries()
    for surface, name in load_organisations().items():
        phrases.setdefault(surface, (org_countries.get(name, ""), "org", name))
    return phrases, adjectives


class CountryTagger:
    """Find places and organisations; store them in ``doc.spans["eventx_places"]``."""

    def __init__(self, nlp: Language, name: str = "eventx_countries") -> None:
        self.name = name
        phrases, self.adjectives = gazetteer()
        self.phrases = phrases
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # build patterns with the tokenizer only (no pipeline)
        for surface in sorted(phrases):
            self.matcher.add(surface, [nlp.make_doc(surface)])

    def lookup_token(self, text: str) -> tuple[str, str, str] | None:
        """Resolve one token: an adjective ('südkoreanischen') or a hyphen prefix ('US-Präsident')."""
        lower = text.lower()
        hit = self.adjectives.get(lower)
        if hit:
            return hit[0], "adjective", hit[1]
        if "-" in text:
            head = prefix_head(text, self.phrases)
            if head is not None:
                iso3, kind, name = self.phrases[head]
                return iso3, "prefix", name
            head, rest = text.split("-", 1)
            hit = self.adjectives.get(head.lower()) or self.adjectives.get(rest.lower())
            if hit:  # "russisch-nordkoreanische": the first country wins
                return hit[0], "adjective", hit[1]
        return None

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            surface = doc.vocab.strings[match_id]
            iso3, kind, name = self.phrases[surface]
            span = Span(doc, start, end, label=kind)
            spans.append((span, iso3 or None, name))
        matched = {i for span, _, _ in spans for i in range(span.start, span.end)}
        for i, text in enumerate(token_texts(doc)):
            if i in matched or (not text.isalpha() and "-" not in text):
                continue
            hit = self.lookup_token(text)
            if hit:
                spans.append((Span(doc, i, i + 1, label=hit[1]), hit[0] or None, hit[2]))
        blocked = set()
        for ent in doc.ents:
            if ent.label_ == "PER" or (ent.label_ in ("ORG", "MISC") and len(ent) > 1):
                blocked.update((ent.start, ent.end, i) for i in range(ent.start, ent.end))
        blocked_tokens = {i for _, _, i in blocked}
        info = {}
        for span, iso3, name in spans:
            inside_name = any(i in blocked_tokens for i in range(span.start, span.end))
            # a person's name never holds a place; an organisation's multi-word name
            # ("Deutsche Bank") holds no adjective or demonym
            if inside_name and (span.label_ in ("adjective", "demonym") or self._in_person(doc, span)):
                if not self._trails_person(doc, span) and not self._is_named_org(doc, span):
                    continue
            info[(span.start, span.end)] = (iso3, name)
        kept = filter_spans([s for s, _, _ in spans if (s.start, s.end) in info])
        for span in kept:
            span._.iso3, span._.place_name = info[(span.start, span.end)]
            span._.place_kind = span.label_
        doc.spans[SPAN_KEY] = kept
        return doc

    @staticmethod
    def _trails_person(doc: Doc, span: Span) -> bool:
        """'Choe Son-hui Moskau' tagged as one person: the place at the end is no part of the name."""
        return span.label_ in ("country", "capital") and any(
            ent.label_ == "PER" and ent.end == span.end and span.start - ent.start >= 2 for ent in doc.ents
        )

    @staticmethod
    def _is_named_org(doc: Doc, span: Span) -> bool:
        """'Podemos', 'Ciudadanos' tagged as persons: an organisation of the gazetteer that is
        the whole entity stays an organisation."""
        return span.label_ == "org" and any(ent.start == span.start and ent.end == span.end for ent in doc.ents)

    @staticmethod
    def _in_person(doc: Doc, span: Span) -> bool:
        return any(ent.label_ == "PER" and ent.start <= span.start and span.end <= ent.end for ent in doc.ents)


@Language.factory("eventx_countries", assigns=["doc.spans"], requires=["token.text"])
def make_country_tagger(nlp: Language, name: str) -> CountryTagger:
    """Create the eventx_countries component.

    nlp (Language): the pipeline.
    name (str): the component name.
    RETURNS (CountryTagger): the component.
    """
    return CountryTagger(nlp, name)


def prefix_head(text: str, phrases: dict) -> str | None:
    """The longest known name before a hyphen that starts a compound ('US-Präsident' -> 'US',
    'G-20-Gipfel' -> 'G-20', 'EU-Afrika-Gipfel' -> 'EU')."""
    cut = text.rfind("-")
    while cut > 0:
        head, rest = text[:cut], text[cut + 1 :]
        if head in phrases and rest[:1].isupper():
            return head
        cut = text.rfind("-", 0, cut)
    return None
