"""Persons the knowledge base newly resolves over a news pool, for reading by hand.

    python bench/kb_pool_sample.py ../shared/data/news/pool.jsonl [SAMPLE] [OUT.tsv]

Runs the shipped pipeline over every article and records each person actor to whom the
knowledge base gave a country the text did not give (name, role word, article date or years,
the chosen term). Prints counts and a random sample (seed 11) of SAMPLE persons (default 40);
writes all of them to OUT.tsv when given. A reading aid, not a test.
"""

from __future__ import annotations

import json
import random
import sys

import eventx
import eventx.components.actors as actors_module
from eventx.document import process

FOUND: list[tuple] = []
CURRENT: dict[str, str] = {}


def main(path: str, sample: int = 40, out: str | None = None) -> None:
    real = actors_module.resolve

    def logged(name, dates, role=None, country=None, kb=None, context=None):
        h = real(name, dates, role, country, kb, context)
        if h is not None and country is None and h.country:
            FOUND.append((CURRENT["id"], name, role or "", ",".join(dates[:3]), h.name, h.country, h.office, h.start, h.end))
        return h

    actors_module.resolve = logged
    nlp = eventx.load()
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    persons = 0
    for rec in records:
        CURRENT["id"] = rec["id"]
        doc = process(nlp, rec["text"], rec.get("date"))
        persons += sum(1 for a in doc._.actors if a["kind"] == "person")
    unique = sorted(set(FOUND))
    print(f"articles {len(records)}  person actors {persons}  newly resolved by the KB {len(unique)}")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write("doc\tname\trole\tdates\tkb_name\tcountry\toffice\tstart\tend\n")
            for row in unique:
                f.write("\t".join(row) + "\n")
    random.seed(11)
    for row in sorted(random.sample(unique, min(sample, len(unique)))):
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40, sys.argv[3] if len(sys.argv) > 3 else None)
