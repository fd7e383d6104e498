"""Regenerate the published JSON Schema from the dataclasses of eventx.schema.

    python -m eventx.write_schema            # writes src/eventx/resources/result.schema.json
    python -m eventx.write_schema OTHER.json # writes it elsewhere

A module of its own: ``eventx`` imports ``eventx.schema`` on start-up, so ``python -m
eventx.schema`` ran the module a second time and Python warned about it (RuntimeWarning).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .schema import schema_path, schema_text


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        print("usage: python -m eventx.write_schema [PATH]", file=sys.stderr)
        return 2
    target = Path(argv[0]) if argv else schema_path()
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
