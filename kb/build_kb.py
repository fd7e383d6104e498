"""Build eventx's compact office-holder knowledge base from ../shared/data/kb.

    python kb/build_kb.py [--data ../shared/data/kb] [--out src/eventx/resources/kb.tsv.gz]

Reads the Wikidata office holders (holders21_all.tsv), the Phoenix actor dictionaries (English
spelling variants) and this folder's data files (offices.tsv, transcription.tsv,
name_languages.tsv, name_overrides.tsv, curated_terms.tsv); writes one gzip'd TSV row per term
of office. See kb/README.md. Deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from names import (  # noqa: E402
    NameRules,
    accent_free,
    attested_tokens,
    german_ascii,
    key,
    surnames,
)

COLUMNS = ("qid", "name", "names", "keys", "surnames", "country", "org", "office", "code", "rank", "start", "end", "source")
MERGE_GAP_DAYS = 31
SINGLE_SEAT = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "finance_minister",
               "interior_minister", "economy_minister", "vice_president"}
MULTI_HEAD = {"BIH", "SMR", "AND", "CHE"}  # collective or dual heads of state


@dataclass
class Term:
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
    german: list[str] = field(default_factory=list)
    variants: set[str] = field(default_factory=set)


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


@dataclass
class OfficeRule:
    pattern: re.Pattern
    office: str
    code: str
    rank: int
    org: str


def load_office_rules(path: Path) -> list[OfficeRule]:
    rules = []
    for row in read_tsv(path):
        row += [""] * (5 - len(row))
        rules.append(OfficeRule(re.compile(row[0], re.I), row[1], row[2], int(row[3]), row[4]))
    return rules


def office_codes(rules: list[OfficeRule]) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for r in rules:
        if r.office != "-":
            out.setdefault(r.office, (r.code, r.rank))
    return out


def country_names(manifest: Path) -> dict[str, list[str]]:
    """ISO3 -> English names of the jurisdiction (babel's CLDR names and the manifest's)."""
    from babel import Locale
    from babel.core import get_global

    alpha3_to_2 = {k: v[0] for k, v in get_global("territory_aliases").items()
                   if len(k) == 3 and k.isalpha() and len(v) == 1}
    en = Locale("en").territories
    out: dict[str, list[str]] = defaultdict(list)
    for a3, a2 in alpha3_to_2.items():
        if a2 in en:
            out[a3].append(en[a2])
    jur_iso: dict[str, str] = {}
    with (manifest.parent / "holders21_all.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            jur_iso.setdefault(row["jurisdiction_qid"], row["iso3"])
    with manifest.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            iso = jur_iso.get(row["jurisdiction_qid"])
            if iso and row.get("jurisdiction_name"):
                out[iso].append(row["jurisdiction_name"])
    return out


def classify(title: str, iso3: str, rules: list[OfficeRule], names: dict[str, list[str]]) -> OfficeRule | None:
    t = title.strip()
    for n in sorted(names.get(iso3, []), key=len, reverse=True):
        t2 = re.sub(rf"\s+of\s+(the\s+)?{re.escape(n)}$", "", t, flags=re.I)
        if t2 != t:
            t = t2
            break
    for r in rules:
        if r.pattern.fullmatch(t):
            return None if r.office == "-" else r
    return None


def read_wikidata(path: Path, rules: list[OfficeRule], names: dict[str, list[str]]) -> tuple[list[Term], Counter]:
    terms, stats = [], Counter()
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            stats["rows"] += 1
            if row["role_class"] == "SUBNAT":
                stats["dropped_subnational"] += 1
                continue
            rule = classify(row["position_title"], row["iso3"], rules, names)
            if rule is None or not row["person"] or row["person"] == row["person_qid"]:
                stats["dropped_office"] += 1
                continue
            country = "" if row["iso3"] == "INT" else row["iso3"]
            if rule.org and row["iso3"] != "INT":
                continue
            terms.append(Term(row["person_qid"], row["person"], country, rule.org, rule.office, rule.code,
                              rule.rank, row["start"], row["end"], "Wikidata " + row["position_qid"]))
    stats["kept"] = len(terms)
    return terms, stats


def read_curated(path: Path, codes: dict[str, tuple[str, int]]) -> list[Term]:
    terms = []
    for row in read_tsv(path):
        row += [""] * (10 - len(row))
        qid, name, german, country, org, office, code, start, end, source = row[:10]
        default_code, rank = codes.get(office, ("GOV", 50))
        if office not in codes:
            rank = {"commission_president": 90, "european_council_president": 88, "eu_high_representative": 80,
                    "nato_secretary_general": 90, "eu_commissioner": 70}.get(office, 50)
        terms.append(Term(qid, name, country, org, office, code or default_code, rank, start, end, source,
                          german=[g for g in german.split("|") if g]))
    return terms


def fill_qids(curated: list[Term], wikidata: list[Term]) -> int:
    """Curated rows without a QID take the one of the same name in the extract, when unique."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for t in wikidata:
        by_name[key(t.name)].add(t.qid)
    filled = 0
    for t in curated:
        if not t.qid:
            q = by_name.get(key(t.name), set())
            if len(q) == 1:
                t.qid = next(iter(q))
                filled += 1
    return filled


def lo(d: str) -> str:
    return d if len(d) == 10 else (d + "-01" if len(d) == 7 else d + "-01-01")


def hi(d: str) -> str:
    if not d:
        return "9999-12-31"
    return d if len(d) == 10 else (d + "-31" if len(d) == 7 else d + "-12-31")


def days(d: str) -> int:
    y, m, dd = (int(x) for x in d.split("-"))
    return y * 372 + m * 31 + dd


def merge_terms(terms: list[Term]) -> list[Term]:
    """One row per (person, jurisdiction, office) and continuous stretch; back-to-back terms merge."""
    groups: dict[tuple, list[Term]] = defaultdict(list)
    for t in terms:
        groups[(t.qid or t.name, t.country, t.org, t.office)].append(t)
    out = []
    for ts in groups.values():
        ts.sort(key=lambda t: (lo(t.start), hi(t.end)))
        cur = ts[0]
        for t in ts[1:]:
            if days(lo(t.start)) - days(hi(cur.end)) <= MERGE_GAP_DAYS:
                cur.end = merged_end(cur, t)
                if cur.source != t.source and t.source not in cur.source:
                    cur.source = cur.source + "; " + t.source
                cur.german = cur.german or t.german
                if t.source.startswith("Wikidata") and not cur.source.startswith("Wikidata"):
                    cur.name = t.name  # the Wikidata label, for the transcription rules
            else:
                out.append(cur)
                cur = t
        out.append(cur)
    return out


def merged_end(a: Term, b: Term) -> str:
    """The later end; an open end (still in office at the Wikidata snapshot) yields to a curated end."""
    if a.end and b.end:
        return max(a.end, b.end, key=hi)
    curated = [t.end for t in (a, b) if t.end and not t.source.startswith("Wikidata")]
    return max(curated, key=hi) if curated else ""


def close_open_terms(terms: list[Term]) -> int:
    """An open-ended term of a one-seat office ends when a later holder of that seat starts."""
    seats: dict[tuple, list[Term]] = defaultdict(list)
    for t in terms:
        if t.office in SINGLE_SEAT and t.country not in MULTI_HEAD and t.country:
            seats[(t.country, t.office)].append(t)
    closed = 0
    for ts in seats.values():
        for t in ts:
            if t.end:
                continue
            later = [u.start for u in ts if u is not t and lo(u.start) > lo(t.start) and (u.qid or u.name) != (t.qid or t.name)]
            if later:
                t.end = min(later, key=lo)
                closed += 1
    return closed


def phoenix_variants(folder: Path) -> dict[str, list[set[str]]]:
    """Surname key -> English variant sets of Phoenix person entries (with their country codes)."""
    out: dict[str, list[set[str]]] = defaultdict(list)
    entry: set[str] = set()
    codes: set[str] = set()

    def flush() -> None:
        if entry and codes:
            for code in codes:
                variants = {v for v in entry if 2 <= len(v.split()) <= 4}
                if variants:
                    out[code].append(variants)

    bad = re.compile(r"\b(MINISTER|PRESIDENT|AMBASSADOR|SECRETARY|GENERAL|PRIME|FOREIGN|CHIEF|LEADER|KING|PRINCE|"
                     r"SHEIKH|DR|MR|MRS|SIR|SENATOR|GOVERNOR|CHAIRMAN|SPEAKER|MAYOR|COL|GEN|LT|VICE|CHANCELLOR|KANZLER|"
                     r"BUNDESKANZLER|PREMIER|QUEEN|EMIR|POPE|PRESIDENTE|MINISTRO|DEPUTY|ENVOY|COMMANDER)\b")
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for line in (folder / fname).read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            if line[0] in " \t[":
                codes |= {c[:3] for c in re.findall(r"\[([A-Z]{3})[A-Z]*", line)}
                continue
            text = line.split("#")[0].strip().lstrip("+").strip().rstrip("_").replace("_", " ").strip()
            if not line.startswith("+"):
                flush()
                entry, codes = set(), set()
            if text and not bad.search(text) and not re.search(r"[^A-Z .'-]", text):
                entry.add(" ".join(w.capitalize() for w in text.split()))
        flush()
    return out


def add_phoenix(terms: list[Term], phoenix: dict[str, list[set[str]]]) -> int:
    index: dict[tuple[str, str], set[str]] = {}
    for code, entries in phoenix.items():
        for variants in entries:
            for v in variants:
                index.setdefault((code, key(v)), set()).update(variants)
    added = 0
    for t in terms:
        extra = index.get((t.country, key(t.name)))
        if extra:
            initial = t.name[:1].upper()
            new = {v for v in extra if key(v) != key(t.name) and v[:1].upper() == initial}
            added += bool(new - t.variants)
            t.variants |= new
    return added


def name_forms(t: Term, rules: NameRules, attested: Counter) -> tuple[str, list[str], list[str]]:
    """(display name, all names, surname keys) of a term's holder."""
    english = [t.name, *sorted(t.variants)]
    german = list(t.german) + rules.override(t.name)
    for e in english:
        german += rules.transcribe(e, t.country)
    ordered: list[str] = []
    for n in german + english:
        for form in (n, accent_free(n), german_ascii(n)):
            if form and form not in ordered:
                ordered.append(form)
    display = next((g for g in german + english if all(attested[w] for w in re.findall(r"[^\W\d_]{3,}", g))), None)
    display = display or (german[0] if german else t.name)
    surnames_ = []
    for n in ordered:
        for s in surnames(n, t.country):
            if s not in surnames_:
                surnames_.append(s)
    return display, ordered, surnames_


def write(terms: list[Term], rules: NameRules, attested: Counter, out: Path) -> Counter:
    stats: Counter = Counter()
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    terms.sort(key=lambda t: (t.country or "~" + t.org, t.office, lo(t.start), t.qid, t.name))
    for t in terms:
        display, names, sur = name_forms(t, rules, attested)
        stats["kb_rows"] += 1
        stats["german_differs"] += display != t.name
        keys = list(dict.fromkeys(key(n) for n in names))
        row = [t.qid, display, "|".join(names), "|".join(keys), "|".join(sur), t.country, t.org, t.office, t.code, str(t.rank),
               t.start, t.end, t.source]
        buf.write("\t".join(x.replace("\t", " ") for x in row) + "\n")
    data = buf.getvalue().encode("utf-8")
    with out.open("wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
    stats["bytes_raw"] = len(data)
    stats["bytes_gz"] = out.stat().st_size
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data" / "kb")
    ap.add_argument("--corpora", type=Path, default=None, help="German text to confirm name forms (default: ../shared/data)")
    ap.add_argument("--out", type=Path, default=HERE.parent / "src" / "eventx" / "resources" / "kb.tsv.gz")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no such folder: {args.data} (pass --data PATH to ../shared/data/kb)", file=sys.stderr)
        return 1
    corpora = args.corpora or args.data.parent
    office_rules = load_office_rules(HERE / "offices.tsv")
    codes = office_codes(office_rules)
    wd_dir = args.data / "wikidata_office_holders"
    names = country_names(wd_dir / "manifest.tsv")
    wikidata, stats = read_wikidata(wd_dir / "holders21_all.tsv", office_rules, names)
    curated = read_curated(HERE / "curated_terms.tsv", codes)
    stats["curated"] = len(curated)
    stats["curated_qids_filled"] = fill_qids(curated, wikidata)
    terms = merge_terms(wikidata + curated)
    stats["after_merge"] = len(terms)
    stats["open_terms_closed"] = close_open_terms(terms)
    stats["phoenix_enriched"] = add_phoenix(terms, phoenix_variants(args.data / "phoenix_actors"))
    name_rules = NameRules.load(HERE)
    attested = attested_tokens(corpora)
    stats["corpus_tokens"] = len(attested)
    stats.update(write(terms, name_rules, attested, args.out))
    stats.update({f"transcribed_{k}": v for k, v in name_rules.stats.items()})
    for k, v in stats.items():
        print(f"{k}\t{v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
