"""Resource limits of a batch run: how many worker processes the machine can carry.

Each worker loads its own pipeline (about 400 MB resident with the shipped model), so
``--workers`` is capped by the cores this process may run on and by the memory available now;
a cap is said in a note (W004), never silently.
"""

from __future__ import annotations

import os

from .errors import Warnings

WORKER_MB = 400  # resident memory of one worker with the shipped pipeline, measured with ps


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def available_mb(meminfo: str = "/proc/meminfo") -> int | None:
    """Memory available for new processes (MemAvailable), in MB; None where unknown."""
    try:
        with open(meminfo, encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2**20
    except (ValueError, OSError, AttributeError):
        return None


def cap_workers(requested: int, cores: int | None = None, memory_mb: int | None = None) -> tuple[int, str | None]:
    """(workers to start, W004 note or None). ``requested`` 0 means one per core."""
    cores = cores if cores is not None else usable_cores()
    memory_mb = memory_mb if memory_mb is not None else available_mb()
    by_memory = max(1, memory_mb // WORKER_MB) if memory_mb is not None else None
    limit = min(cores, by_memory) if by_memory is not None else cores
    if requested <= 0:
        return max(1, limit), None
    if requested <= limit:
        return requested, None
    why = f"{cores} core(s)"
    if by_memory is not None and by_memory < cores:
        why = f"{memory_mb} MB of memory available at ~{WORKER_MB} MB a worker"
    return max(1, limit), Warnings.W004.format(requested=requested, workers=max(1, limit), why=why)
