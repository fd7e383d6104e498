"""Bytes to text, and text to what the pipeline reads (pure functions).

Decoding (``decode_bytes``): a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32);
without one, UTF-16/32 is recognised by its pattern of NUL bytes. Otherwise the text is UTF-8,
and where it is not, each line that is not UTF-8 is read as cp1252 (German text saved by
Windows tools; bytes cp1252 leaves undefined are read as Latin-1), so one pasted line does
not turn the whole file into mojibake. A few stray NUL bytes (up to 2 % of the bytes) are a
note, not a reason to refuse the file; more than that, or many other control bytes, is binary.

Cleaning (``clean_for_analysis``): NUL characters, soft hyphens and zero-width characters are
invisible but cut words ("Mac\\u00adron", "Olaf\\u200bScholz"), so the pipeline reads a text
without them: a zero-width space between a lower- and an uppercase letter becomes a space (the
word boundary it marks), every other one is removed. ``OffsetMap`` carries the positions of the
cleaned text back to the decoded text, so every offset eventx reports is a code-point index
into the text as decoded, i.e. ``text[start:end]`` of the decoded input is the reported span.
"""

from __future__ import annotations

import bisect
import codecs
import unicodedata
from dataclasses import dataclass, field

from .errors import Errors, InputError, Warnings

BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SAMPLE = 65536  # bytes looked at to tell text from binary
MAX_NUL_SHARE = 0.02  # stray NUL bytes tolerated, as a share of the bytes
MAX_CONTROL_SHARE = 0.05  # other control characters tolerated, as a share of the characters
TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
INVISIBLE = ZERO_WIDTH | {"\u00ad", "\x00"}


@dataclass
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-16-le", "cp1252", "utf-8+cp1252" ...
    notes: list[str] = field(default_factory=list)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(codec, length of the mark) when ``data`` starts with a byte-order mark."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def nul_pattern_encoding(data: bytes) -> str | None:
    """UTF-16/32 without a mark, told by where the NUL bytes sit (most German text is in
    U+0000..U+00FF, so every second or the last three of every four bytes are NUL)."""
    sample = data[: SAMPLE - SAMPLE % 4]
    if len(sample) < 8:
        return None
    for width, codec, zero_at in (
        (4, "utf-32-le", (1, 2, 3)),
        (4, "utf-32-be", (0, 1, 2)),
        (2, "utf-16-le", (1,)),
        (2, "utf-16-be", (0,)),
    ):
        if len(sample) % width:
            continue
        units = len(sample) // width
        zeros = sum(sample[k::width].count(0) for k in zero_at) / (units * len(zero_at))
        value_at = next(k for k in range(width) if k not in zero_at)
        nonzero = 1 - sample[value_at::width].count(0) / units
        if zeros >= (0.9 if width == 4 else 0.7) and nonzero >= 0.95:
            return codec
    return None


def control_share(text: str) -> float:
    """Share of characters that are control characters other than whitespace and NUL."""
    sample = text[:SAMPLE]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if c not in TEXT_CONTROLS and c != "\x00" and unicodedata.category(c) == "Cc")
    return bad / len(sample)


@dataclass
class LineDecoding:
    text: str
    fallback: list[int]  # 1-based numbers of the lines that were not UTF-8
    lines: int
    utf8_beyond_ascii: bool  # some UTF-8 line has non-ASCII characters: the file is mixed


def decode_lines_utf8_cp1252(data: bytes) -> LineDecoding:
    """UTF-8 where a line is UTF-8, cp1252 (else Latin-1) where it is not."""
    out: list[str] = []
    fallback: list[int] = []
    beyond = False
    lines = data.splitlines(keepends=True)
    for n, line in enumerate(lines, 1):
        try:
            out.append(line.decode("utf-8"))
            beyond = beyond or not line.isascii()
            continue
        except UnicodeDecodeError:
            fallback.append(n)
        try:
            out.append(line.decode("cp1252"))
        except UnicodeDecodeError:
            out.append(line.decode("latin-1"))
    text = "".join(out)
    return LineDecoding(text[1:] if text.startswith("\ufeff") else text, fallback, len(lines), beyond)


def _lines_label(d: LineDecoding) -> str:
    if not d.utf8_beyond_ascii:
        return "cp1252"
    shown = ", ".join(map(str, d.fallback[:5])) + (", ..." if len(d.fallback) > 5 else "")
    return f"cp1252 on {len(d.fallback)} of {d.lines} lines ({shown}), UTF-8 elsewhere"


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Text of ``data`` (see the module docstring). Raises InputError for binary data."""
    marked = bom_encoding(data)
    codec = marked[0] if marked else nul_pattern_encoding(data)
    if codec is not None and codec != "utf-8":
        body = data[marked[1] :] if marked else data
        text = body.decode(codec, errors="replace")
        notes = [] if marked else [Warnings.W002.format(path=name, encoding=codec)]
        if control_share(text) > MAX_CONTROL_SHARE:
            raise InputError(Errors.E003.format(path=name))
        return Decoded(text, codec, notes)
    notes: list[str] = []
    nuls = data.count(0)
    if nuls:
        if nuls > MAX_NUL_SHARE * len(data):
            raise InputError(Errors.E003.format(path=name))
        notes.append(Warnings.W003.format(path=name, count=nuls))
    try:
        decoded = Decoded(data.decode("utf-8-sig"), "utf-8", notes)
    except UnicodeDecodeError:
        lines = decode_lines_utf8_cp1252(data)
        label = _lines_label(lines)
        note = Warnings.W001.format(path=name, encoding=label)
        decoded = Decoded(lines.text, "cp1252" if label == "cp1252" else "utf-8+cp1252", [note, *notes])
    if control_share(decoded.text) > MAX_CONTROL_SHARE:
        raise InputError(Errors.E003.format(path=name))
    return decoded


def decode_line(line: bytes, where: str) -> tuple[str, str | None]:
    """One line of a JSON Lines stream: UTF-8, else cp1252 with the W001 note."""
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError:
        return decode_lines_utf8_cp1252(line).text, Warnings.W001.format(path=where, encoding="cp1252")


class OffsetMap:
    """Positions in a cleaned text back to positions in the text it was cleaned from."""

    def __init__(self, removed: list[int]) -> None:
        self.removed = removed  # cleaned-text positions before which one character was removed, sorted

    def __call__(self, pos: int) -> int:
        return pos + bisect.bisect_right(self.removed, pos)

    def end(self, pos: int) -> int:
        """An exclusive end: the removed characters just before ``pos`` stay outside the span."""
        return pos + bisect.bisect_left(self.removed, pos)


def clean_for_analysis(text: str) -> tuple[str, OffsetMap]:
    """``text`` without NULs, soft hyphens and zero-width characters (a zero-width space
    between a lowercase and an uppercase letter becomes a space), and the map back."""
    if not any(c in text for c in INVISIBLE):
        return text, OffsetMap([])
    out: list[str] = []
    removed: list[int] = []
    for i, c in enumerate(text):
        if c not in INVISIBLE:
            out.append(c)
            continue
        if c == "\u200b" and 0 < i < len(text) - 1 and text[i - 1].islower() and text[i + 1].isupper():
            out.append(" ")
            continue
        removed.append(len(out))
    return "".join(out), OffsetMap(removed)
