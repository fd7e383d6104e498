"""SIGINT and SIGTERM end a run the same way: no output file replaced, no temporary file left,
workers stopped without tracebacks, exit 130 (SIGINT) or 143 (SIGTERM), as shells report them.

``install()`` (the CLI calls it first) makes both signals raise ``Interrupted`` in the main
thread. ``Interrupted`` is a BaseException, like KeyboardInterrupt, so no ``except Exception``
swallows it and every ``finally`` / ``except BaseException`` on the way out runs (the output
writer removes its temporary file there). Worker processes call ``quiet_worker()``: they ignore
SIGINT (the terminal sends it to the whole process group; the parent decides) and die at once
on SIGTERM, which is how the parent's pool stops them.
"""

from __future__ import annotations

import signal
import threading

EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}


class Interrupted(BaseException):
    """The run was stopped by a signal; ``code`` is the exit status to report."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.code = EXIT_CODES.get(signum, 128 + signum)


def _raise(signum, frame) -> None:
    raise Interrupted(signum)


def install() -> None:
    """SIGINT and SIGTERM raise Interrupted (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in EXIT_CODES:
        signal.signal(sig, _raise)


def quiet_worker() -> None:
    """For worker processes: ignore SIGINT, die quietly on SIGTERM."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
