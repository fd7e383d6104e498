"""How the ``eventx`` command ends: one line on stderr for every failure, never a traceback.

* SIGINT / SIGTERM: "interrupted", exit 130 / 143 (eventx.termination); output files are
  left as they were and no temporary file stays.
* An EventxError (input, model, output): its message, exit 1.
* stdout that fills up (``> /dev/full``) or goes away (``| head``): one line / quiet exit.
* Anything else: E099 with the exception's type and message, exit 1; ``--debug`` anywhere on
  the command line (or EVENTX_DEBUG=1) shows the traceback instead.
"""

from __future__ import annotations

import errno
import os
import sys
from contextlib import suppress

from ..errors import Errors, EventxError
from ..termination import Interrupted, install


def _say(message: str) -> None:
    with suppress(OSError, ValueError, AttributeError):
        print(message, file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _stdout_failed(e: OSError) -> int:
    _silence_stdout()
    if e.errno == errno.EPIPE:
        return 141  # the reader went away (| head): quiet, like other command-line tools
    _say(Errors.E011.format(path="<stdout>", reason=e.strerror or e))
    return 1


def run(app, args: list[str]) -> None:
    debug = "--debug" in args or os.environ.get("EVENTX_DEBUG", "") not in ("", "0")
    args = [a for a in args if a != "--debug"]
    install()
    code: int | str | None = 0
    try:
        app(args=args, prog_name="eventx")
    except SystemExit as e:
        code = e.code
    except Interrupted as e:
        _say(f"interrupted ({e}): output files were left as they were")
        code = e.code
    except EventxError as e:
        _say(str(e))
        code = 1
    except OSError as e:
        if debug:
            raise
        if e.errno in (errno.EPIPE, errno.ENOSPC, errno.EIO):
            code = _stdout_failed(e)
        else:
            _say(Errors.E099.format(kind=type(e).__name__, message=e))
            code = 1
    except Exception as e:
        if debug:
            raise
        _say(Errors.E099.format(kind=type(e).__name__, message=" ".join(str(e).split())))
        code = 1
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as e:
        failed = _stdout_failed(e)
        code = code or failed
    sys.exit(code)
