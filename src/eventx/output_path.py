"""Where ``-o`` writes, and how: into the path, never replacing what is there.

* ``-`` and the standard streams (``/dev/stdout``, ``/dev/fd/1`` ...) are written directly.
* A path that exists and is not a regular file (a FIFO, a character device such as
  ``/dev/null``, a socket) is opened and written directly: no temporary file, no rename.
* A symlink is followed: its target is written, the link stays a link.
* A regular file (or a new one) is written atomically: a temporary file beside the target,
  renamed over it when everything was written. An existing file keeps its mode; a new one
  gets ``0666`` less the umask (``0644`` typically), as a shell redirection would.
* A file without write permission is refused as a shell would refuse it; so is a missing
  folder, a folder given as the file, ``-o`` naming an input, and ``-o`` equal to ``--errors``
  (see ``check_output``, called before any extraction work).

If the process is interrupted (SIGINT, SIGTERM) the temporary file is removed and what was at
the path before is untouched.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from .errors import Errors, OutputError

WRITE_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS)
STREAMS = {"-": 1, "/dev/stdout": 1, "/dev/fd/1": 1, "/proc/self/fd/1": 1, "/dev/stderr": 2, "/dev/fd/2": 2, "/proc/self/fd/2": 2}


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)  # follows symlinks
    except FileNotFoundError:
        return None
    except OSError as e:
        raise OutputError(Errors.E011.format(path=path, reason=e.strerror or e)) from None


def is_direct(path: str | os.PathLike) -> bool:
    """True for outputs written as they are: '-', the standard streams, and existing paths
    that are not regular files (FIFOs, character devices, sockets)."""
    name = os.fspath(path)
    if name in STREAMS:
        return True
    st = _stat(name)
    return st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode)


def _same_file(a: str, b: str) -> bool:
    if a in STREAMS or b in STREAMS:
        return False
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    with suppress(OSError):
        return os.path.samefile(a, b)
    return False


def check_output(path: str | os.PathLike | None, inputs: Iterable[str] = (), errors: str | os.PathLike | None = None) -> None:
    """Raise OutputError (one line, E011..E014) when ``path`` cannot be written or must not be.
    Cheap: meant to run before any extraction work."""
    if path is None:
        return
    name = os.fspath(path)
    if errors is not None and os.fspath(errors) not in STREAMS and _same_file(name, os.fspath(errors)):
        raise OutputError(Errors.E014.format(path=name, other="--errors"))
    for item in inputs:
        if item != "-" and _same_file(name, item):
            raise OutputError(Errors.E014.format(path=name, other="an input"))
    if os.path.isdir(name):
        raise OutputError(Errors.E012.format(path=name))
    if is_direct(name):
        if name not in STREAMS and not os.access(name, os.W_OK):
            raise OutputError(Errors.E011.format(path=name, reason="Permission denied"))
        return
    target = Path(os.path.realpath(name))
    if not target.parent.is_dir():
        raise OutputError(Errors.E013.format(path=name, folder=target.parent))
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(Errors.E011.format(path=name, reason="Permission denied"))
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise OutputError(Errors.E011.format(path=name, reason=f"the folder {target.parent} is not writable"))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def open_output(path: str | os.PathLike, newline: str | None = None) -> Iterator[IO[str]]:
    """A text stream that writes into ``path`` as the module docstring says. Errors while
    opening or writing (a full disk) raise OutputError with the path and the reason."""
    name = os.fspath(path)
    if name in STREAMS:
        stream = sys.stdout if STREAMS[name] == 1 else sys.stderr
        with _write_errors("<stdout>" if STREAMS[name] == 1 else "<stderr>"):
            yield stream
            _flush(stream, name)
        return
    if is_direct(name):
        try:
            f = open(name, "w", encoding="utf-8", newline=newline)  # noqa: SIM115  (closed below)
        except OSError as e:
            raise OutputError(Errors.E011.format(path=name, reason=e.strerror or e)) from None
        with _write_errors(name), f:  # closing flushes again and fails again: inside _write_errors too
            yield f
            _flush(f, name)
        return
    target = Path(os.path.realpath(name))
    st = _stat(str(target))
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(Errors.E011.format(path=name, reason=e.strerror or e)) from None
    try:
        with _write_errors(name), open(fd, "w", encoding="utf-8", newline=newline) as f:
            yield f
            _flush(f, name)
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _flush(stream: IO[str], name: str) -> None:
    stream.flush()


@contextmanager
def _write_errors(name: str) -> Iterator[None]:
    """A full disk (or quota, or a read-only file system) while writing: one OutputError."""
    try:
        yield
    except OSError as e:
        if e.errno in WRITE_ERRNOS:
            raise OutputError(Errors.E011.format(path=name, reason=e.strerror or e)) from None
        raise
