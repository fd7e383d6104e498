"""Helpers shared by the benchmark scripts."""

from __future__ import annotations

import subprocess
import time


def timed(cmd: list[str]) -> float:
    """Wall time of a command; exits with its stderr when it fails (3, some bad documents, is fine)."""
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 3):
        raise SystemExit(proc.stderr)
    return time.perf_counter() - t
