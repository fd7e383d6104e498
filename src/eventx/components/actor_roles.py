"""How eventx_actors reads roles and affiliations: role titles ("Präsident", "Außenminister",
in any case ending, as the last part of a compound), and the country of a person from the words
around the name ("der südkoreanische Präsident", "Russlands Präsident", "US-Außenminister",
", Präsident der Ukraine,"), or from titles the article ties to one country.

``RoleAffiliation`` is a part of ``ActorFinder`` (eventx.components.actors), which sets
``roles``, ``titles`` and ``_role_cache`` (``set_rules``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..doc import sentence_of, token_texts
from ..rules import word_set

WINDOW = 6
ARTICLES = word_set("articles")
INTERNATIONAL_PREFIXES = word_set("international_prefixes")
ORGANISATION_HEADS = word_set("organisation_head_titles")
Affiliation = tuple[str | None, str | None, str | None]  # (role, role code, country)


class RoleAffiliation:
    """The role and affiliation methods of ``ActorFinder``."""

    roles: dict[str, tuple[str, str | None]]
    titles: list[str]
    _role_cache: dict[str, tuple[str, str, str | None] | None]

    # -- roles ---------------------------------------------------------------------------
    def role_of(self, token: Token) -> tuple[str, str, str | None] | None:
        """(title as written, code, implied country) when the token is a role title."""
        return self.role_of_text(token.text)

    def role_of_text(self, text: str) -> tuple[str, str, str | None] | None:
        if not text[:1].isupper():
            return None
        if text not in self._role_cache:
            self._role_cache[text] = self._role_of_text(text)
        return self._role_cache[text]

    def _role_of_text(self, text: str) -> tuple[str, str, str | None] | None:
        word = text.split("-")[-1]
        for lower in inflection_candidates(word.lower()):
            for title in self.titles:
                if lower == title or (
                    lower.endswith(title) and len(lower) - len(title) >= 3 and title not in ("chef", "chefin", "premier")
                ):
                    code, implied = self.roles[title]
                    return word[: len(lower)] if len(lower) < len(word) else word, code, implied
        return None

    def titled_countries(self, doc: Doc, place_at: dict[int, Span], taken: set[int]) -> dict[str, str]:
        """Role titles that the article ties to exactly one country without naming the person
        ('US-Außenminister versucht ...'): title -> ISO3."""
        seen: dict[str, set[str]] = {}
        for i, text in enumerate(token_texts(doc)):
            r = self.role_of_text(text)
            if not r or i + 1 in taken:
                continue
            place = place_at.get(i) or (place_at.get(i - 1) if i > 0 else None)
            if place is not None and place._.iso3 and place.label_ in ("prefix", "adjective", "country"):
                seen.setdefault(r[0].lower(), set()).add(place._.iso3)
        return {title: next(iter(c)) for title, c in seen.items() if len(c) == 1}

    def affiliation(self, doc: Doc, span: Span, place_at: dict[int, Span]) -> tuple[str | None, str | None, str | None]:
        """(role, code, country) from the words around a person mention."""
        sent = sentence_of(span)
        role, code, country = self._left_affiliation(doc, span, place_at, sent.start)
        return self._right_affiliation(doc, span, place_at, sent.end, (role, code, country))

    def _left_affiliation(self, doc: Doc, span: Span, place_at: dict[int, Span], sent_start: int) -> Affiliation:
        """The words before a name: "der südkoreanische Präsident", "Russlands Präsident", "US-Präsident"."""
        role = code = country = None
        i = span.start - 1
        while i >= sent_start and span.start - 1 - i < WINDOW:
            tok = doc[i]
            if tok.is_punct and tok.text not in ("-",):
                break
            r = self.role_of(tok)
            if r and role is None:
                role, code, implied = r
                country = country or implied
                if international_prefix(tok.text) and (code == "IGO" or role.lower() in ORGANISATION_HEADS):
                    code = "IGO"  # "Eurogruppen-Chef Dijsselbloem", "UN-Hochkommissarin": acts for the organisation
            place = place_at.get(i)
            if place is not None and place.label_ == "prefix" and r is None:
                place = None  # "China-Besuch Gaucks" is no affiliation; "US-Präsident Biden" is
            if self._ties_country(doc, i, span, place):
                country = place._.iso3 if country in (None, self._implied_only(role)) else country
            if r is None and place is None and tok.lower_ not in ARTICLES and not tok.text.startswith("-"):
                break  # "Nach russischen Angaben könnte Kim": only articles, places and titles lead to a name
            i -= 1
        return role, code, country

    def _ties_country(self, doc: Doc, i: int, span: Span, place: Span | None) -> bool:
        """A place before a name gives its country: an adjective or prefix, a genitive
        ("Russlands"), or a country name right before a title."""
        if place is None or not place._.iso3 or place.label_ not in ("adjective", "prefix", "country"):
            return False
        return place.label_ != "country" or place.text.endswith("s") or (i + 1 < span.start and bool(self.role_of(doc[i + 1])))

    def _right_affiliation(
        self, doc: Doc, span: Span, place_at: dict[int, Span], sent_end: int, found: Affiliation
    ) -> Affiliation:
        """An apposition after the name: ", Präsident der Ukraine," / "(Russland)"."""
        role, code, country = found
        j = span.end
        if j >= sent_end or doc[j].text not in (",", "("):
            return role, code, country
        k = j + 1
        while k < sent_end and k - (j + 1) < WINDOW and doc[k].text not in (",", ")", ".", ";"):
            r = self.role_of(doc[k])
            if r and role is None:
                role, code, implied = r
                country = country or implied
            place = place_at.get(k)
            if place is not None and place._.iso3 and role is not None and country is None:
                country = place._.iso3
            k += 1
        return role, code, country

    def _implied_only(self, role: str | None) -> str | None:
        if role is None:
            return None
        return self.roles.get(role.lower(), (None, None))[1]


def inflection_candidates(lower: str) -> list[str]:
    """'präsidenten' -> ['präsidenten', 'präsident', ...]: the title without case endings."""
    out = [lower]
    for ending in ("en", "n", "s", "es"):
        if lower.endswith(ending) and len(lower) > len(ending) + 3:
            out.append(lower[: -len(ending)])
    return out


def international_prefix(word: str) -> bool:
    """A role word whose first part names an international organisation ("EU-Kommissar",
    "Eurogruppen-Chef", "UN-Generalsekretär", "Nato-Oberbefehlshaber")."""
    return "-" in word and word.split("-")[0].lower() in INTERNATIONAL_PREFIXES
