"""The office-holder knowledge base: who held which office in which country, and when.

The table ``resources/kb.tsv.gz`` is built by ``kb/build_kb.py`` from Wikidata's "position held"
statements, the Phoenix actor dictionaries and hand-curated terms (Germany, EU, NATO, UN, changes
since 2022), with German name forms. It is read on first use only (``load()``), so importing
eventx stays cheap.

    >>> [h.country for h in lookup("Lawrow", "2015-06-01")]
    ['RUS']
    >>> holders("RUS", "foreign_minister", "2015-06-01")[0].name
    'Sergej Lawrow'
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources

RESOURCE = "kb.tsv.gz"
_PUNCT = re.compile(r"[.'’′ʼ`´,]")
_SPACE = re.compile(r"[\s\-‐–]+")
_FOLD = str.maketrans({"ß": "ss", "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d"})


def name_key(text: str) -> str:
    """Normalised form for matching names: case, accents, hyphens and dots do not count.

    'Kim Jong-un', 'Kim Jong Un' -> 'kim jong un'; 'Erdoğan' -> 'erdogan'.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _SPACE.sub(" ", _PUNCT.sub("", plain)).strip()


def date_range(date: str) -> tuple[str, str]:
    """'2015' -> ('2015-01-01', '2015-12-31'); '2015-06' -> ('2015-06-01', '2015-06-31'); '' -> open."""
    if not date:
        return "0000-00-00", "9999-12-31"
    if len(date) == 4:
        return date + "-01-01", date + "-12-31"
    if len(date) == 7:
        return date + "-01", date + "-31"
    return date[:10], date[:10]


@dataclass(frozen=True)
class Holder:
    """One term of office. ``country`` is ISO3 (empty for posts of an organisation, ``org``)."""

    qid: str
    name: str
    country: str
    org: str
    office: str
    code: str
    rank: int
    start: str
    end: str
    source: str

    def covers(self, date: str | None) -> bool:
        """Whether the term overlaps the date (YYYY, YYYY-MM or YYYY-MM-DD; None: any time)."""
        if not date:
            return True
        lo, hi = date_range(date)
        start = date_range(self.start)[0]
        end = date_range(self.end)[1] if self.end else "9999-12-31"
        return start <= hi and lo <= end

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class KnowledgeBase:
    """Terms of office indexed by full-name and surname keys.

    Rows stay lists of strings until a lookup returns them (``Holder`` objects are made on
    demand), which keeps loading the 24,000 terms fast.
    """

    FIELDS = ("qid", "name", "country", "org", "office", "code", "rank", "start", "end", "source")

    def __init__(self, lines: list[str]) -> None:
        col = {c: i for i, c in enumerate(lines[0].split("\t"))}
        self._pick = [col[f] for f in self.FIELDS]
        self._names_col = col["names"]
        self._keys_col = keys_col = col["keys"]
        sur_col = col["surnames"]
        if max(keys_col, sur_col) > 5:
            raise ValueError("kb.tsv.gz: the keys and surnames columns must come first; rebuild with kb/build_kb.py")
        self._lines = lines[1:]
        self.by_name: dict[str, list[int]] = {}
        self.by_surname: dict[str, list[int]] = {}
        by_name, by_surname = self.by_name, self.by_surname
        for i, line in enumerate(self._lines):
            f = line.split("\t", 6)
            for k in f[keys_col].split("|"):
                by_name.setdefault(k, []).append(i)
            if f[sur_col]:
                for k in f[sur_col].split("|"):
                    by_surname.setdefault(k, []).append(i)
        self._seats: dict[tuple[str, str], list[int]] | None = None
        self._cache: dict[int, Holder] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def term(self, i: int) -> Holder:
        h = self._cache.get(i)
        if h is None:
            f = self._lines[i].split("\t")
            r = [f[j] for j in self._pick]
            h = Holder(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6]), r[7], r[8], r[9])
            self._cache[i] = h
        return h

    @property
    def by_seat(self) -> dict[tuple[str, str], list[int]]:
        """(country or organisation, office) -> term indices; built on first use."""
        if self._seats is None:
            self._seats = {}
            for i in range(len(self._lines)):
                h = self.term(i)
                self._seats.setdefault((h.country or h.org, h.office), []).append(i)
        return self._seats

    def keys_of(self, i: int) -> list[str]:
        """The match keys of all name forms of term ``i``."""
        return self._lines[i].split("\t", self._keys_col + 1)[self._keys_col].split("|")

    def matches(self, name: str) -> tuple[list[int], bool]:
        """Term indices for a name, any date: (full-name matches, True), else (surname matches, False).

        A name of several words that is not known in full matches by its last word only when
        its first word agrees with a known form ('Mahmud Abbas' ~ 'Mahmoud Abbas'; 'Martin
        Fischer' is not 'Heinz Fischer').
        """
        k = name_key(name)
        if k in self.by_name:
            return self.by_name[k], True
        words = k.split()
        if len(words) == 1:
            return self.by_surname.get(k, []), False
        hits = self.by_surname.get(" ".join(words[1:]), []) or self.by_surname.get(words[-1], [])
        first = words[0][:3]
        return [i for i in hits if any(f.startswith(first) for f in self.keys_of(i))], False

    def persons_called(self, surname: str) -> int:
        """How many different persons (QIDs) a surname alone can name."""
        return len({self.term(i).qid or self.term(i).name for i in self.by_surname.get(name_key(surname), [])})

    def names_of(self, holder: Holder) -> list[str]:
        """All name forms (German, English, accent-free) of a term's holder."""
        for i in self.by_seat.get((holder.country or holder.org, holder.office), []):
            if self.term(i) == holder:
                return self._lines[i].split("\t")[self._names_col].split("|")
        return [holder.name]

    def lookup(self, name: str, date: str | None = None, *, surname_only: bool = False) -> list[Holder]:
        """Terms whose holder is called ``name`` (full name, else surname), covering ``date``.

        A full-name match wins over surname matches; results are ordered by rank, most senior first.
        """
        k = name_key(name)
        hits = [] if surname_only else self.by_name.get(k, [])
        if not hits:
            hits = self.by_surname.get(k, [])
        if not hits and " " in k and not surname_only:
            hits = self.by_surname.get(k.rsplit(" ", 1)[1], [])
        found = [h for h in map(self.term, hits) if h.covers(date)]
        return sorted(found, key=lambda h: (-h.rank, h.start))

    def holders(self, where: str, office: str, date: str | None = None) -> list[Holder]:
        """Holders of one office of a country (ISO3) or organisation (EU, NATO, UN, …) at a date."""
        found = [h for h in map(self.term, self.by_seat.get((where, office), [])) if h.covers(date)]
        return sorted(found, key=lambda h: h.start, reverse=True)


@lru_cache(maxsize=1)
def load() -> KnowledgeBase:
    """The shipped knowledge base, read once (about 0.2 s)."""
    data = resources.files("eventx.resources").joinpath(RESOURCE).read_bytes()
    return KnowledgeBase(gzip.decompress(data).decode("utf-8").splitlines())


def lookup(name: str, date: str | None = None) -> list[Holder]:
    return load().lookup(name, date)


def holders(where: str, office: str, date: str | None = None) -> list[Holder]:
    return load().holders(where, office, date)


def who(name: str, date: str | None = None) -> list[dict[str, object]]:
    """Data for ``eventx who NAME [--date]``: the matching terms, most senior first."""
    return [h.as_dict() for h in lookup(name, date)]
