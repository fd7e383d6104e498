"""A batch at a glance: one self-contained HTML file with a timeline, an actor network and a table.

The charts are bokeh figures (``report_charts``); BokehJS is embedded in the file, so the report
opens with no network. The table (filters for type, status, country and date range) is built by a small script
in ``resources/report.html`` from the events embedded as JSON; each row shows the evidence
sentence with the trigger and the actors marked, and the document it came from.

bokeh is an optional dependency (``pip install 'eventx[report]'``); without it
:func:`require_bokeh` raises :class:`ReportDependencyMissing` with a one-line message.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from .errors import Errors
from .plover import date_range


class ReportDependencyMissing(Exception):
    """bokeh is not installed."""


def require_bokeh():
    """bokeh's embedding and inline resources; raises ReportDependencyMissing (one line) without it."""
    try:
        from bokeh.embed import json_item
        from bokeh.resources import Resources
    except ImportError as err:
        raise ReportDependencyMissing(Errors.E029) from err
    return json_item, Resources


# ---------------------------------------------------------------- rows of the table


def _marks(sentence: str, base: int, event: dict) -> list[tuple[int, int, str]]:
    """Character ranges (relative to the sentence) of the trigger and the actors' names."""
    t = event["trigger"]
    marks = [(t["start"] - base, t["end"] - base, "trigger")]
    for role, people in (("actor", event["actors"]), ("host", event["hosts"])):
        for a in people:
            needles = [a["name"]]
            if a["kind"] == "person" and " " in a["name"]:
                needles.append(a["name"].split()[-1])  # "Putin" for "Wladimir Putin"
            for needle in needles:
                found, at = False, sentence.find(needle)
                while at >= 0:
                    marks.append((at, at + len(needle), role))
                    found = True
                    at = sentence.find(needle, at + len(needle))
                if found:
                    break
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, str]] = []
    for m in marks:  # no overlaps; the trigger and longer names win
        if 0 <= m[0] < m[1] <= len(sentence) and all(m[1] <= k[0] or m[0] >= k[1] for k in kept):
            kept.append(m)
    return sorted(kept)


def sentence_segments(event: dict) -> list[list[str]]:
    """The evidence sentence as [text, mark] pieces; mark is '', 'trigger', 'actor' or 'host'."""
    s = event["sentence"]
    text, base = s["text"], s["start"]
    out: list[list[str]] = []
    pos = 0
    for start, end, cls in _marks(text, base, event):
        if start > pos:
            out.append([text[pos:start], ""])
        out.append([text[start:end], cls])
        pos = end
    if pos < len(text):
        out.append([text[pos:], ""])
    if out:  # sentences keep the paragraph break before them; the table does not need it
        out[0][0] = out[0][0].lstrip()
        out[-1][0] = out[-1][0].rstrip()
    return [seg for seg in out if seg[0]]


def _label(a: dict) -> str:
    return f"{a['name']} ({a['country']})" if a.get("country") and a["kind"] != "country" else a["name"]


def table_row(doc: dict, e: dict) -> dict:
    date = e.get("date") or {}
    loc = e.get("location") or {}
    countries = {a["country"] for a in e["actors"] + e["hosts"] if a.get("country")}
    if loc.get("country"):
        countries.add(loc["country"])
    start, end = date_range(date.get("value"))
    return {
        "id": e["id"],
        "doc": doc["id"],
        "type": e["type"],
        "status": e["status"],
        "date": date.get("value") or "",
        "date_text": date.get("text") or "",
        "from": start or "",
        "to": end or start or "",
        "countries": sorted(countries),
        "actors": "; ".join(_label(a) for a in e["actors"]),
        "hosts": "; ".join(_label(a) for a in e["hosts"]),
        "place": (f"{loc['name']} ({loc['country']})" if loc.get("country") else loc.get("name")) or "",
        "sentence": sentence_segments(e),
    }


# ---------------------------------------------------------------- the page


def _script_json(obj) -> str:
    """JSON that is safe inside a <script> element."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/").replace("<!--", "<\\!--")


def build_report(results: Iterable[dict], title: str = "eventx report") -> str:
    json_item, Resources = require_bokeh()
    from .report_charts import network_figure, timeline_figure, type_colors

    results = [r for r in results if r is not None]
    rows = [table_row(doc, e) for doc in results for e in doc.get("events", [])]
    template = resources.files("eventx.resources").joinpath("report.html").read_text(encoding="utf-8")
    data = {
        "title": title,
        "documents": len(results),
        "rows": rows,
        "colors": type_colors(r["type"] for r in rows),
        "timeline": json_item(timeline_figure(rows)),
        "network": json_item(network_figure(results)),
    }
    bokehjs = "\n".join(Resources(mode="inline", components=["bokeh"]).js_raw)
    return (
        template.replace("{{TITLE}}", html.escape(title))
        .replace("{{BOKEHJS}}", bokehjs.replace("</script", "<\\/script"))
        .replace("{{DATA}}", _script_json(data))
    )


def read_results(paths: Iterable[str | os.PathLike]) -> list[dict]:
    """Document results from files: JSON Lines (``eventx batch``) or JSON (``eventx extract -f json``:
    one result or a list). Raises EventxError (one line: file, line, what is wrong)."""
    from .errors import Errors, EventxError

    out: list[dict] = []
    for path in map(Path, paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise EventxError(Errors.E007.format(path=path, reason=e)) from None
        stripped = text.strip()
        whole = stripped.startswith("[") or (stripped.startswith("{") and "\n{" not in stripped)
        pieces = [(1, text)] if whole else [(i, line) for i, line in enumerate(text.splitlines(), 1) if line.strip()]
        items = []
        for first, piece in pieces:
            try:
                value = json.loads(piece)
            except json.JSONDecodeError as e:
                line = first + e.lineno - 1
                raise EventxError(Errors.E007.format(path=path, reason=f"line {line}: not JSON ({e.msg})")) from None
            if isinstance(value, list):
                items.extend((first, v) for v in value)
            else:
                items.append((first, value))
        for line, doc in items:
            if not (isinstance(doc, dict) and isinstance(doc.get("id"), str) and isinstance(doc.get("events"), list)):
                raise EventxError(Errors.E007.format(path=path, reason=f"line {line}: not an eventx document result"))
            out.append(doc)
    return out


def write_report(results: Iterable[dict], path: str | os.PathLike, title: str = "eventx report") -> int:
    """Write the report atomically; returns its size in bytes."""
    from .writers import atomic_writer

    page = build_report(results, title)
    with atomic_writer(Path(path)) as f:
        f.write(page)
    return len(page.encode("utf-8"))
