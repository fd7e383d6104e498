"""User rule files: more triggers, whole new event types, more modality cues.

A user rule file is JSON Lines, one rule per line, in the format of the shipped files:

- a **trigger** line as in ``resources/triggers.jsonl`` (``type``, ``match``, ``value``, ``cameo`` and
  the optional keys there). ``match`` may also be ``"phrase"``: the words of ``value``, in this
  order, each equal to a word of the text or to its lemma ("verhängte Sanktionen gegen",
  "verhängen Sanktion gegen"), with at most ``max_gap`` (default 3) other words between two of them;
  the first word is the trigger.
- a trigger line of a **new event type** also names its PLOVER category (``plover``, one of the
  manual's: "SANCTION", "ACCUSE", …) and may give ``plover_mode`` and ``min_participants``;
  ``recipients_after`` (words such as "gegen") makes the participants named after such a word,
  after the trigger, the recipients (``hosts`` in the result, ``recipient`` in PLOVER).
- a **cue** line as in ``resources/modality_cues.jsonl`` (``literal``, ``category``, ``direction``, …).

Lines are read with ``json.loads`` and checked key by key: a rule is data and nothing in it is run
(no expressions, no patterns, no imports). A bad line raises :class:`EventxError` with one line
naming the file, the line number and what is wrong (E009); a file that is missing, a folder,
unreadable or without rules is one line naming the file (E023).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Errors, EventxError
from .rules import CUE_KEYS, EVENT_TYPES, TRIGGER_KEYS, Category, Direction

PLOVER_CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND", "ACCUSE",
                     "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
NEW_TYPE_KEYS = {"plover", "plover_mode", "recipients_after"}
USER_TRIGGER_KEYS = TRIGGER_KEYS | NEW_TYPE_KEYS | {"max_gap"}
MATCHES = ("lemma", "suffix", "phrase")
TYPE_NAME = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
CAMEO = re.compile(r"^[0-2][0-9]{2,3}$")
FLAGS = (
    "host_side",
    "requires_destination",
    "requires_object",
    "object_noun",
    "person_required",
    "parties_suffice",
    "reflexive",
    "requires_partner",
)


@dataclass
class UserRules:
    """What a set of user rule files adds to the shipped rules."""

    files: list[str] = field(default_factory=list)
    triggers: list[dict] = field(default_factory=list)
    cues: list[dict] = field(default_factory=list)
    plover: dict[str, dict] = field(default_factory=dict)  # new type -> {"event", "mode", "event_unless_asserted"}

    @property
    def types(self) -> list[str]:
        return sorted(self.plover)


class _Bad(Exception):
    pass


def _check_string(rec: dict, key: str) -> None:
    if key in rec and not (isinstance(rec[key], str) and rec[key].strip()):
        raise _Bad(f'"{key}" must be a non-empty string')


def _check_words(rec: dict, key: str) -> None:
    if key in rec and not (isinstance(rec[key], list) and all(isinstance(w, str) and w for w in rec[key])):
        raise _Bad(f'"{key}" must be a list of words')


def check_trigger(rec: dict, plover: dict[str, dict]) -> None:
    """Validate one trigger line; a new type's first line defines it in ``plover``."""
    _check_trigger_keys(rec)
    _check_trigger_values(rec)
    t = rec["type"]
    if t in EVENT_TYPES:
        if set(rec) & NEW_TYPE_KEYS:
            raise _Bad(f"{t!r} is a shipped type; {sorted(set(rec) & NEW_TYPE_KEYS)} only define new types")
        return
    _define_type(rec, plover)


def _check_trigger_keys(rec: dict) -> None:
    unknown = set(rec) - USER_TRIGGER_KEYS
    if unknown:
        raise _Bad(f"unknown keys {sorted(unknown)} (a trigger line has {sorted(USER_TRIGGER_KEYS)})")
    missing = {"type", "match", "value", "cameo"} - set(rec)
    if missing:
        raise _Bad(f"missing keys {sorted(missing)}")
    for key in ("type", "match", "value", "cameo", "plover", "plover_mode"):
        _check_string(rec, key)
    _check_words(rec, "exclude")
    _check_words(rec, "recipients_after")
    for flag in FLAGS:
        if flag in rec and not isinstance(rec[flag], bool):
            raise _Bad(f'"{flag}" must be true or false')


def _check_trigger_values(rec: dict) -> None:
    if rec["match"] not in MATCHES:
        raise _Bad(f'"match" must be one of {", ".join(MATCHES)}, not {rec["match"]!r}')
    if not CAMEO.match(rec["cameo"]):
        raise _Bad(f'"cameo" must be a CAMEO code of 3 or 4 digits as a string ("163"), not {rec["cameo"]!r}')
    if "max_gap" in rec and not (rec["match"] == "phrase" and type(rec["max_gap"]) is int and 0 <= rec["max_gap"] <= 6):
        raise _Bad('"max_gap" (phrase rules only) must be a whole number from 0 to 6')
    if "min_participants" in rec and not (type(rec["min_participants"]) is int and 1 <= rec["min_participants"] <= 10):
        raise _Bad('"min_participants" must be a whole number from 1 to 10')
    if rec["match"] != "phrase" and " " in rec["value"].strip():
        raise _Bad('a value of several words needs "match": "phrase"')


def _define_type(rec: dict, plover: dict[str, dict]) -> None:
    """A line of a new event type: its name, and its PLOVER category (given once, the same each time)."""
    t = rec["type"]
    if not TYPE_NAME.match(t):
        raise _Bad(f"type {t!r}: a new type's name is lowercase letters, digits and _")
    if t not in plover:
        if "plover" not in rec:
            raise _Bad(f'new event type {t!r} needs its PLOVER category ("plover": one of {", ".join(PLOVER_CATEGORIES)})')
        plover[t] = {"event": None, "mode": None, "event_unless_asserted": None}
    if "plover" in rec:
        if rec["plover"] not in PLOVER_CATEGORIES:
            raise _Bad(f'"plover" must be one of {", ".join(PLOVER_CATEGORIES)}, not {rec["plover"]!r}')
        if plover[t]["event"] not in (None, rec["plover"]):
            raise _Bad(f"type {t!r} was given PLOVER category {plover[t]['event']} before")
        plover[t].update(event=rec["plover"], mode=rec.get("plover_mode") or plover[t]["mode"])


def check_cue(rec: dict) -> dict:
    unknown = set(rec) - CUE_KEYS
    if unknown:
        raise _Bad(f"unknown keys {sorted(unknown)} (a cue line has {sorted(CUE_KEYS)})")
    missing = {"literal", "category", "direction"} - set(rec)
    if missing:
        raise _Bad(f"missing keys {sorted(missing)}")
    _check_string(rec, "literal")
    try:
        category, direction = Category(rec["category"]), Direction(rec["direction"])
    except ValueError:
        raise _Bad(f'"category" must be one of {[c.value for c in Category]} and "direction" one of '
                   f"{[d.value for d in Direction]}") from None
    if "max_scope" in rec and not (type(rec["max_scope"]) is int and rec["max_scope"] > 0):
        raise _Bad('"max_scope" must be a positive whole number')
    if "requires_particle" in rec:
        _check_string(rec, "requires_particle")
    if "types" in rec and not (isinstance(rec["types"], list) and rec["types"] and all(isinstance(t, str) for t in rec["types"])):
        raise _Bad('"types" must be a list of event types (the cue acts on these only)')
    return {**rec, "category": category, "direction": direction}


def read_rule_file(path: Path, into: UserRules) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EventxError(Errors.E023.format(path=path, problem="does not exist")) from None
    except IsADirectoryError:
        raise EventxError(Errors.E023.format(path=path, problem="is a folder")) from None
    except (OSError, UnicodeDecodeError) as e:
        raise EventxError(Errors.E023.format(path=path, problem=f"cannot be read ({e})")) from None
    n_rules = 0
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise _Bad(f"not JSON ({e.msg} at column {e.colno})") from None
            if not isinstance(rec, dict):
                raise _Bad("a rule is a JSON object ({...})")
            if "literal" in rec:
                into.cues.append(check_cue(rec))
            elif "type" in rec:
                check_trigger(rec, into.plover)
                into.triggers.append(rec)
            else:
                raise _Bad('neither a trigger ("type": ...) nor a modality cue ("literal": ...)')
        except _Bad as bad:
            raise EventxError(Errors.E009.format(path=path, line=i, reason=bad)) from None
        n_rules += 1
    if n_rules == 0:
        raise EventxError(Errors.E023.format(path=path, problem="holds no rules (only blank lines and # comments)"))
    into.files.append(str(path))


def load_user_rules(paths: list[str | Path] | tuple[str | Path, ...] | None) -> UserRules:
    """The rules of all user rule files, checked (raises EventxError: E009 on the first bad line,
    E023 for a file that is missing, unreadable or empty)."""
    rules = UserRules()
    for p in paths or ():
        read_rule_file(Path(p), rules)
    return rules
