"""Name handling for build_kb.py: German transcription by language of origin, accent-free forms,
surname keys and the German text that confirms name forms. Rules are data (see kb/README.md)."""

from __future__ import annotations

import gzip
import itertools
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from eventx.kb import name_key as key  # noqa: E402  (one normalisation for build and lookup)

__all__ = ["NameRules", "accent_free", "attested_tokens", "key", "surnames"]

EAST_ASIAN = {"CHN", "TWN", "KOR", "PRK", "SGP", "HKG", "MAC"}
HISPANIC = {"ESP", "MEX", "ARG", "COL", "PER", "VEN", "CHL", "ECU", "BOL", "PRY", "URY", "CUB", "DOM", "GTM",
            "HND", "SLV", "NIC", "CRI", "PAN", "PRI"}
PARTICLES = {"von", "van", "der", "den", "de", "la", "le", "di", "da", "del", "dos", "das", "du", "zu", "ter", "bin",
             "ibn", "al", "el", "abu", "bint", "ben"}
ARTICLE_PREFIX = re.compile(r"^(?:al|el|as|ash|ad|an|ar|at|az|ath)-(?=\w)", re.I)
ROMAN = re.compile(r"^[IVXL]+\.?$")
MAX_VARIANTS = 4


def accent_free(name: str) -> str:
    """'Erdoğan' -> 'Erdogan', 'Schäuble' -> 'Schauble' (diacritics dropped, ß kept as ss)."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ß", "ss").replace("ı", "i").replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def german_ascii(name: str) -> str:
    """'Schäuble' -> 'Schaeuble' (the German way of writing umlauts without them)."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        name = name.replace(a, b)
    return name


def surnames(name: str, country: str) -> list[str]:
    """Keys a text may use for the person alone: 'Lawrow', 'von der Leyen', 'Assad', 'Yoon', 'López Obrador'."""
    tokens = [t for t in name.replace(",", " ").split() if t]
    if len(tokens) < 2:
        return [key(name)] if tokens else []
    if any(ROMAN.match(t) for t in tokens[1:]):
        return []  # regnal names (Charles III., Benedikt XVI.) are matched in full only
    if country in EAST_ASIAN and not any(ch.isascii() is False for ch in name):
        return [key(tokens[0])]
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1].lower() in PARTICLES:
        i -= 1
    out = [key(" ".join(tokens[i:]))]
    last = tokens[-1]
    if ARTICLE_PREFIX.match(last):
        out.append(key(ARTICLE_PREFIX.sub("", last)))
    if country in HISPANIC and len(tokens) >= 3 and i == len(tokens) - 1:
        out.append(key(" ".join(tokens[-2:])))
    return list(dict.fromkeys(o for o in out if o))


@dataclass
class Language:
    pattern: re.Pattern
    replacements: list[list[str]]


@dataclass
class NameRules:
    languages: dict[str, Language]
    lang_of: dict[str, str]
    persons: dict[str, list[str]]
    given: dict[tuple[str, str], str]
    stats: Counter = field(default_factory=Counter)

    @classmethod
    def load(cls, folder: Path) -> NameRules:
        rows = _rows(folder / "transcription.tsv")
        languages = {}
        for lang in dict.fromkeys(r[0] for r in rows):
            mine = [r for r in rows if r[0] == lang]
            pattern = re.compile("|".join(f"({r[1]})" for r in mine))
            languages[lang] = Language(pattern, [r[2].split("|") if len(r) > 2 else [""] for r in mine])
        lang_of = {iso: r[0] for r in _rows(folder / "name_languages.tsv") for iso in r[1].split("|")}
        persons, given = {}, {}
        for r in _rows(folder / "name_overrides.tsv"):
            if r[0] == "person":
                persons[key(r[2])] = r[3].split("|")
            elif r[0] == "given":
                given[(r[1], r[2])] = r[3]
        return cls(languages, lang_of, persons, given)

    def override(self, name: str) -> list[str]:
        return list(self.persons.get(key(name), []))

    def transcribe(self, name: str, country: str) -> list[str]:
        """German forms of a romanised name by the rules of the country's language (may be empty)."""
        lang = self.lang_of.get(country)
        if lang in ("ko", "zh"):
            spaced = re.sub(r"-(\w)", lambda m: " " + m.group(1).upper(), name)
            return [spaced] if spaced != name else []
        if lang not in self.languages:
            return []
        options = [self._word(w, lang) for w in name.split(" ")]
        forms = [" ".join(p) for p in itertools.islice(itertools.product(*options), MAX_VARIANTS)]
        forms = [f for f in forms if f != name]
        self.stats[lang] += bool(forms)
        return forms

    def _word(self, word: str, lang: str) -> list[str]:
        if (lang, word) in self.given:
            return [self.given[(lang, word)]]
        rules = self.languages[lang]
        parts: list[list[str]] = []
        pos, low = 0, word.lower()
        for m in rules.pattern.finditer(low):
            parts.append([low[pos:m.start()]])
            parts.append(rules.replacements[m.lastindex - 1])
            pos = m.end()
        parts.append([low[pos:]])
        out = []
        for combo in itertools.islice(itertools.product(*parts), MAX_VARIANTS):
            out.append(_restore_case(word, "".join(combo)))
        return list(dict.fromkeys(out))


def _restore_case(original: str, new: str) -> str:
    old_parts, new_parts = original.split("-"), new.split("-")
    if len(old_parts) != len(new_parts):
        return new[:1].upper() + new[1:] if original[:1].isupper() else new
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for o, n in zip(old_parts, new_parts, strict=True))


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


TEXT_SUFFIXES = (".jsonl", ".tsv", ".conllu", ".conll2003", ".gz")
WORD = re.compile(r"[^\W\d_][^\W\d_'-]*")


def attested_tokens(data: Path) -> Counter:
    """Word counts of the German text under ../shared/data (news pool, NER corpora; legal texts skipped)."""
    counts: Counter = Counter()
    files = [data / "news" / "pool.jsonl", *sorted((data / "ner").glob("*/*"))]
    for path in files:
        if not path.is_file() or "ler_legal" in str(path) or path.suffix not in TEXT_SUFFIXES:
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as f:
            for line in f:
                if path.suffix == ".jsonl":
                    line = json.loads(line).get("text", "")
                counts.update(WORD.findall(line))
    return counts
