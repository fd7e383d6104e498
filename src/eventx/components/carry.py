"""Components that carry their rules: ``to_disk`` writes each rule table into the
component's folder of a saved pipeline, ``from_disk`` reads it back.

A component lists its rule files as ``RuleFile`` entries (file name, the attribute that
holds the table, a loader and a writer from eventx.rules) and rebuilds its derived
tables in ``set_rules()``. A folder without a file (a pipeline saved before the component
carried its rules) keeps the table the factory loaded: the packaged defaults.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class RuleFile:
    name: str  # file name inside the component's folder
    attr: str  # the component attribute that holds the loaded table
    load: Callable[[Path], Any]
    write: Callable[[Path, Any], None]


class CarriesRules:
    rule_files: tuple[RuleFile, ...] = ()

    def set_rules(self) -> None:
        """Rebuild what is derived from the rule tables (matchers, caches)."""

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for f in self.rule_files:
            if f.attr not in exclude:
                f.write(path / f.name, getattr(self, f.attr))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> CarriesRules:
        path = Path(path)
        for f in self.rule_files:
            if f.attr not in exclude and (path / f.name).is_file():
                setattr(self, f.attr, f.load(path / f.name))
        self.set_rules()
        return self
