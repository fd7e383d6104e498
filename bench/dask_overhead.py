"""--engine dask with 2 workers vs eventx batch --workers 2 on the same articles, same machine.

python bench/dask_overhead.py ../shared/data/news/pool.jsonl [LIMIT]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import timed


def main(pool: str, limit: int | None = None) -> None:
    tmp = Path(tempfile.mkdtemp())
    src = Path(pool)
    if limit:
        src = tmp / "sample.jsonl"
        with open(pool, encoding="utf-8") as f:
            src.write_text("".join(line for _, line in zip(range(limit), f, strict=False)), encoding="utf-8")
    with open(src, encoding="utf-8") as f:
        n = sum(1 for _ in f)
    local = timed([sys.executable, "-m", "eventx", "batch", str(src), "-o", str(tmp / "local.jsonl"), "--workers", "2"])
    dask = timed(
        [sys.executable, "-m", "eventx", "batch", str(src), "--engine", "dask", "--workers", "2", "-o", str(tmp / "dask")]
    )
    print(f"{n} documents (wall time includes start-up and model loading)")
    print(f"eventx batch --workers 2          {local:7.1f} s  {n / local:6.2f} docs/s")
    print(f"eventx batch --engine dask (2 w.) {dask:7.1f} s  {n / dask:6.2f} docs/s")
    print(f"overhead of the Dask engine: {100 * (dask / local - 1):+.1f} %")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)
