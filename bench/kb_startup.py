"""Start-up cost of the office-holder knowledge base, beside spacy.load of the shipped pipeline.

    python bench/kb_startup.py [RUNS]     (default 5; each number is the median of fresh processes)

Prints, in seconds: `python -c "spacy.load(<shipped model>)"`, the same plus `eventx.kb.load()`,
`eventx.kb.load()` alone, and `eventx extract` of a one-sentence text naming a known person (which
resolves actors against the KB where the pipeline does so), and the ratio of extract to spacy.load
(the bar: <= 1.5). Fresh processes each time, so imports and file reads are all counted; compare
the ratio, not the seconds (the machine is shared).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from common import timed

from eventx.pipeline import shipped_model_path

PY = sys.executable
TEXT = "Der russische Außenminister Sergej Lawrow telefonierte am Montag mit Wang Yi.\n"


def median(cmd: list[str], runs: int) -> float:
    return statistics.median(timed(cmd) for _ in range(runs))


def main(runs: int = 5) -> None:
    model = str(shipped_model_path())
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "a.txt"
        article.write_text(TEXT, encoding="utf-8")
        rows = {
            "spacy.load": [PY, "-c", f"import spacy; spacy.load({model!r})"],
            "spacy.load + kb.load": [PY, "-c", f"import spacy, eventx.kb as k; spacy.load({model!r}); k.load()"],
            "kb.load alone": [PY, "-c", "import eventx.kb as k; k.load()"],
            "eventx extract": [PY, "-m", "eventx", "extract", str(article), "--date", "2015-06-01"],
        }
        times = {name: median(cmd, runs) for name, cmd in rows.items()}
    for name, s in times.items():
        print(f"{name:24s} {s:6.2f} s")
    print(f"{'extract / spacy.load':24s} {times['eventx extract'] / times['spacy.load']:6.2f}")
    print(f"{'(spacy+kb) / spacy.load':24s} {times['spacy.load + kb.load'] / times['spacy.load']:6.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
