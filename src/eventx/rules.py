"""Rule files shipped in ``eventx/resources``: loading and validation.

Every loader returns fresh objects, so callers may change what they get without
touching anybody else's copy.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import Enum
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import Errors, EventxError

RESOURCE_PACKAGE = "eventx.resources"


class Direction(str, Enum):
    FORWARD = "FORWARD"
    BACKWARD = "BACKWARD"
    BIDIRECTIONAL = "BIDIRECTIONAL"


class Category(str, Enum):
    NEGATED = "NEGATED"
    POSSIBLE = "POSSIBLE"
    PLANNED = "PLANNED"
    TERMINATE = "TERMINATE"
    PSEUDO = "PSEUDO"  # looks like a cue but is none ("nicht nur")


EVENT_TYPES = ("phone_call", "visit", "meeting", "treaty")
TRIGGER_KEYS = {
    "type",
    "match",
    "value",
    "cameo",
    "host_side",
    "requires_destination",
    "requires_object",
    "object_noun",
    "min_participants",
    "exclude",
    "person_required",
    "parties_suffice",
    "reflexive",
    "requires_partner",
}
CUE_KEYS = {"literal", "category", "direction", "max_scope", "requires_particle", "types"}


def resource_path(name: str) -> Path:
    """Path of a shipped rule file (works for wheels and editable installs)."""
    return Path(str(resources.files(RESOURCE_PACKAGE).joinpath(name)))


def read_tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield line.split("\t")


def read_jsonl(path: Path, allowed: set[str], required: set[str]) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise EventxError(Errors.E009.format(path=path, line=i, reason=e.msg)) from None
            unknown = set(rec) - allowed
            missing = required - set(rec)
            if unknown or missing:
                reason = f"unknown keys {sorted(unknown)}" if unknown else f"missing keys {sorted(missing)}"
                raise EventxError(Errors.E009.format(path=path, line=i, reason=reason))
            records.append(rec)
    return records


def load_triggers(path: Path | None = None) -> list[dict]:
    recs = read_jsonl(path or resource_path("triggers.jsonl"), TRIGGER_KEYS, {"type", "match", "value", "cameo"})
    for i, r in enumerate(recs, 1):
        if r["type"] not in EVENT_TYPES or r["match"] not in ("lemma", "suffix"):
            raise EventxError(Errors.E009.format(path=path or "triggers.jsonl", line=i, reason="bad type or match"))
        if not isinstance(r["cameo"], str):
            raise EventxError(Errors.E009.format(path=path or "triggers.jsonl", line=i, reason="cameo must be a string"))
    return recs


NON_EVENT_KEYS = {"name", "about", "types", "triggers", "context_suffixes", "context_words", "previous_words", "previous_phrases"}


def load_non_events(path: Path | None = None) -> list[dict]:
    """Mentions that are no political events (court hearings, matches, wage talks ...)."""
    recs = read_jsonl(path or resource_path("non_events.jsonl"), NON_EVENT_KEYS, {"name", "about", "types", "triggers"})
    for i, r in enumerate(recs, 1):
        if not set(r["types"]) <= set(EVENT_TYPES) or not r["triggers"]:
            raise EventxError(Errors.E009.format(path=path or "non_events.jsonl", line=i, reason="bad types or no triggers"))
    return recs


def load_cues(path: Path | None = None) -> list[dict]:
    recs = read_jsonl(path or resource_path("modality_cues.jsonl"), CUE_KEYS, {"literal", "category", "direction"})
    for r in recs:
        r["category"] = Category(r["category"])
        r["direction"] = Direction(r["direction"])
    return recs


def load_roles(path: Path | None = None) -> dict[str, tuple[str, str | None]]:
    """title (lowercase) -> (code, implied ISO3 or None)"""
    out = {}
    for row in read_tsv(path or resource_path("roles.tsv")):
        row += [""] * (3 - len(row))
        out[row[0].lower()] = (row[1], row[2] or None)
    return out


def load_name_titles(path: Path | None = None) -> dict[str, str]:
    """lowercase word that stands beside a name without belonging to it -> kind (title, rank or kin)."""
    return {row[0].lower(): row[1] for row in read_tsv(path or resource_path("name_titles.tsv"))}


def load_name_heads(path: Path | None = None) -> dict[str, tuple[str, bool]]:
    """lowercase last word -> (label, matches as a suffix too) for PER entities that are not persons."""
    out = {}
    for row in read_tsv(path or resource_path("name_heads.tsv")):
        out[row[0].lower()] = (row[1], row[2] == "suffix")
    return out


def load_organisations(path: Path | None = None) -> dict[str, str]:
    """surface form -> canonical name"""
    out = {}
    for row in read_tsv(path or resource_path("organisations.tsv")):
        name = row[0]
        out[name] = name
        for alias in row[1].split("|") if len(row) > 1 and row[1] else []:
            out[alias] = name
    return out


def load_organisation_countries(path: Path | None = None) -> dict[str, str]:
    """canonical name -> country of a national organisation ('SPÖ' -> 'AUT'; 'DEU|AUT|CHE'
    for one the article's country decides); international organisations are absent."""
    out = {}
    for row in read_tsv(path or resource_path("organisations.tsv")):
        if len(row) > 2 and row[2]:
            out[row[0]] = row[2]
    return out


def load_country_table(path: Path | None = None) -> list[dict]:
    """One record per country: iso3, adjectives, demonyms, capitals, names."""
    out = []
    for row in read_tsv(path or resource_path("countries.tsv")):
        row += [""] * (5 - len(row))

        def split(s):
            return [x for x in s.split("|") if x]

        out.append(
            {
                "iso3": row[0],
                "adjectives": split(row[1]),
                "demonyms": split(row[2]),
                "capitals": split(row[3]),
                "names": split(row[4]),
            }
        )
    return out


def load_word_lists(path: Path | None = None) -> dict[str, list[str] | dict[str, str]]:
    """name -> words (a list) or table (word -> code) from ``word_lists.json``.

    Each entry is ``{"about": "...", "words": [...]}`` or ``{"about": "...", "table": {...}}``.
    """
    path = path or resource_path("word_lists.json")
    with open(path, encoding="utf-8") as f:
        try:
            data = json.load(f)
        except json.JSONDecodeError as e:
            raise EventxError(Errors.E009.format(path=path, line=e.lineno, reason=e.msg)) from None
    out: dict[str, list[str] | dict[str, str]] = {}
    for name, entry in data.items():
        kinds = {"words", "table"} & set(entry)
        if len(kinds) != 1 or not isinstance(entry.get("about"), str) or set(entry) - {"about", "words", "table"}:
            raise EventxError(Errors.E009.format(path=path, line=name, reason='an entry needs "about" and "words" or "table"'))
        value = entry[kinds.pop()]
        strings = value if isinstance(value, list) else [*value, *value.values()]
        if not all(isinstance(w, str) for w in strings):
            raise EventxError(Errors.E009.format(path=path, line=name, reason="words must be strings"))
        out[name] = list(value) if isinstance(value, list) else dict(value)
    return out


@lru_cache(maxsize=1)
def _shipped_word_lists() -> dict[str, list[str] | dict[str, str]]:
    return load_word_lists()


def word_set(name: str) -> frozenset[str]:
    """A shipped word list as a frozenset (immutable, so one copy serves every caller)."""
    return frozenset(_shipped_word_lists()[name])


def word_tuple(name: str) -> tuple[str, ...]:
    """A shipped word list in file order, as a tuple (for ``str.endswith`` and ordered tries)."""
    return tuple(_shipped_word_lists()[name])


def word_table(name: str) -> dict[str, str]:
    """A shipped word table (a fresh dict)."""
    table = _shipped_word_lists()[name]
    if not isinstance(table, dict):
        raise KeyError(f"{name} is a word list, not a table")
    return dict(table)


def load_plover(path: Path | None = None) -> dict[str, dict]:
    """event type -> {"event", "mode", "event_unless_asserted"} from ``plover.tsv``."""
    out = {}
    for row in read_tsv(path or resource_path("plover.tsv")):
        row += [""] * (4 - len(row))
        out[row[0]] = {"event": row[1], "mode": row[2] or None, "event_unless_asserted": row[3] or None}
    return out


# -- writers: the inverse of the loaders, used by the components' to_disk ----------------
def write_tsv(path: Path, rows: list[list[str]], header: str = "") -> None:
    with open(path, "w", encoding="utf-8") as f:
        if header:
            f.write(f"# {header}\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


def write_jsonl(path: Path, records: list[dict]) -> None:
    """One JSON object a line (the str enums of the cues are written as their values)."""
    with open(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def write_json(path: Path, data: dict) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


def write_roles(path: Path, roles: dict[str, tuple[str, str | None]]) -> None:
    write_tsv(path, [[title, code, implied or ""] for title, (code, implied) in roles.items()], "title\tcode\timplied country")


def write_name_titles(path: Path, titles: dict[str, str]) -> None:
    write_tsv(path, [[word, kind] for word, kind in titles.items()], "word\tkind (title|rank|kin)")


def write_name_heads(path: Path, heads: dict[str, tuple[str, bool]]) -> None:
    rows = [[word, label, "suffix" if suffix else "exact"] for word, (label, suffix) in heads.items()]
    write_tsv(path, rows, "word\tlabel\tmatch (exact|suffix)")


def load_organisation_table(path: Path | None = None) -> dict[str, dict[str, str]]:
    """``organisations.tsv`` whole: {"names": surface form -> name, "countries": name -> country}."""
    return {"names": load_organisations(path), "countries": load_organisation_countries(path)}


def write_organisation_table(path: Path, table: dict[str, dict[str, str]]) -> None:
    aliases: dict[str, list[str]] = {}
    for surface, name in table["names"].items():
        aliases.setdefault(name, [])
        if surface != name:
            aliases[name].append(surface)
    rows = [[name, "|".join(more), table["countries"].get(name, "")] for name, more in aliases.items()]
    write_tsv(path, rows, "name\taliases (|)\tcountry of a national organisation")


def write_country_table(path: Path, table: list[dict]) -> None:
    keys = ("adjectives", "demonyms", "capitals", "names")
    write_tsv(path, [[row["iso3"], *("|".join(row[k]) for k in keys)] for row in table], "iso3\t" + "\t".join(keys))


def write_plover(path: Path, plover: dict[str, dict]) -> None:
    rows = [[t, p["event"], p["mode"] or "", p["event_unless_asserted"] or ""] for t, p in plover.items()]
    write_tsv(path, rows, "type\tevent\tmode\tevent_unless_asserted")


def load_tense_words(path: Path | None = None) -> dict[str, list[str]]:
    """{"future": [...], "past": [...]}: the words that put a sentence in the future or the
    past (eventx_dates); by default from ``word_lists.json``."""
    if path is None:
        lists = load_word_lists()
        return {"future": list(lists["future_cues"]), "past": sorted({*lists["past_auxiliaries"], *lists["past_time_words"]})}
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if set(data) != {"future", "past"} or not all(isinstance(w, str) for v in data.values() for w in v):
        raise EventxError(Errors.E009.format(path=path, line=1, reason='needs "future" and "past" word lists'))
    return {"future": list(data["future"]), "past": list(data["past"])}
