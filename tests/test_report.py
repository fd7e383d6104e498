"""The HTML report: its parts, self-containment, and a real headless Chromium (Debian's package)."""

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from outputs_support import sample_results, synthetic_results

from eventx import report
from eventx.report import ReportDependencyMissing, sentence_segments, write_report
from eventx.report_charts import network_edges

pytest.importorskip("bokeh", reason="the report needs bokeh (pip install 'eventx[report]')")

ARTIFACTS = Path(os.environ.get("EVENTX_ARTIFACTS", ROOT / "build" / "test-artifacts"))
CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and os.path.exists(p)), None)
BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def results(extract):
    return sample_results(extract)


def test_sentence_marks_trigger_and_actors(results):
    visit = next(e for r in results for e in r["events"] if e["type"] == "visit" and e["hosts"])
    segs = sentence_segments(visit)
    assert "".join(s for s, _ in segs) == visit["sentence"]["text"].strip()
    assert [s for s, m in segs if m == "trigger"] == [visit["trigger"]["text"]]
    assert "Emmanuel Macron" in [s for s, m in segs if m == "actor"]
    assert "Olaf Scholz" in [s for s, m in segs if m == "host"]


def test_network_weights_count_events():
    def person(name):
        return {"name": name, "kind": "person", "role": None, "country": None, "code": None}

    def event(actors, hosts=(), type_="meeting", loc=None):
        return {"type": type_, "actors": [person(a) for a in actors], "hosts": [person(h) for h in hosts], "location": loc}

    docs = [{"events": [event(["A", "B"]), event(["B", "A"]), event(["A", "B", "C"]), event(["D"], ["A"], "visit"),
                        event(["E"], [], "visit", {"name": "Paris", "country": "FRA"})]}]
    edges, nodes = network_edges(docs)
    assert edges[("person:A", "person:B")] == 3
    assert edges[("person:A", "person:C")] == edges[("person:B", "person:C")] == 1
    assert edges[("person:A", "person:D")] == 1 and ("person:B", "person:D") not in edges  # visitor-host only
    assert edges[("country:FRA", "person:E")] == 1 and nodes["country:FRA"] == ("Paris", "country")


def test_self_contained_file(results, tmp_path):
    out = tmp_path / "report.html"
    write_report(results, out)
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page) and not re.search(r"<link[^>]+href=", page)
    assert "Bokeh" in page and page.count("<script") == 3
    assert 'id="timeline"' in page and 'id="network"' in page and 'id="events"' in page


def test_missing_plotly_gives_one_line(monkeypatch, results):
    monkeypatch.setitem(sys.modules, "bokeh", None)
    monkeypatch.setitem(sys.modules, "bokeh.embed", None)
    with pytest.raises(ReportDependencyMissing) as err:
        report.build_report(results)
    assert "\n" not in str(err.value) and "pip install" in str(err.value)


def open_page(path: Path, browser):
    """Load the report with the network switched off; returns (page, console errors, non-file requests)."""
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    return page, errors, requests


COUNT_PIXELS = """canvas => {
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0 && (data[i] < 230 || data[i + 1] < 230 || data[i + 2] < 230)) n++;
    }
    return n;
}"""


def drawn_pixels(page, part: str) -> int:
    """Coloured (not white, not transparent) pixels on the canvases of one chart (inside bokeh's shadow DOM)."""
    canvases = page.locator(f"{part} canvas")
    return sum(canvases.nth(i).evaluate(COUNT_PIXELS) for i in range(canvases.count()))


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no Chromium installed (Debian: apt-get install chromium); the browser test needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test drives Chromium with playwright")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        yield b
        b.close()


def test_report_in_headless_chromium(results, browser, tmp_path):
    out = tmp_path / "report.html"
    write_report(results, out, title="eventx samples")
    page, errors, requests = open_page(out, browser)
    try:
        assert errors == [] and requests == []
        assert drawn_pixels(page, "#timeline") > 500 and drawn_pixels(page, "#network") > 500
        n_events = sum(len(r["events"]) for r in results)
        assert page.locator("#events tbody tr").count() == n_events
        assert page.locator("#events tbody mark.trigger").count() == n_events
        assert page.locator("#events tbody mark.actor").count() >= n_events - 1
        page.select_option("#f-type", "visit")
        visits = sum(e["type"] == "visit" for r in results for e in r["events"])
        assert page.locator("#events tbody tr").count() == visits
        page.select_option("#f-type", "")
        page.select_option("#f-country", "FRA")
        assert 0 < page.locator("#events tbody tr").count() < n_events
        page.select_option("#f-country", "")
        page.fill("#f-from", "2024-10-01")
        page.fill("#f-to", "2024-10-31")
        page.dispatch_event("#f-to", "change")
        dated = [r["from"] for r in (report.table_row(d, e) for d in results for e in d["events"]) if r["from"]]
        assert page.locator("#events tbody tr").count() == sum("2024-10-01" <= d <= "2024-10-31" for d in dated) > 0
        page.fill("#f-from", "")
        page.fill("#f-to", "")
        page.dispatch_event("#f-to", "change")
        page.evaluate("document.activeElement.blur()")
        assert page.locator("#events tbody tr").count() == n_events
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / "report-samples.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert errors == []
    finally:
        page.context.close()


def render_times(results, browser, tmp_path, loads: int) -> list[float]:
    docs = synthetic_results(results, 10_000)
    out = tmp_path / "big.html"
    write_report(docs, out)
    times = []
    for i in range(loads):
        page, errors, requests = open_page(out, browser)
        try:
            times.append(page.evaluate("window.eventxRenderMs"))
            assert errors == [] and requests == []
            assert page.locator("#count").inner_text().endswith("of 10000 events (page 1/100)")
            assert page.locator("#events tbody tr").count() == 100
            assert drawn_pixels(page, "#timeline") > 2000 and drawn_pixels(page, "#network") > 2000
            if i == 0:
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / "report-10000.png"))
        finally:
            page.context.close()
        if min(times) < 3000:
            break
    return times


def test_ten_thousand_events_render(results, browser, tmp_path):
    """10,000 events load with no errors, charts drawn and the table paged (the time is checked with -m slow)."""
    times = render_times(results, browser, tmp_path, loads=1)
    print(f"10,000 events: drawn {times[0]:.0f} ms after navigation start")


@pytest.mark.slow
def test_ten_thousand_events_render_under_3s(results, browser, tmp_path):
    """Drawn (charts and first table page) within 3 s of navigation start, timed by the browser;
    best of three loads, as the machine is shared. Run on a quiet machine: pytest -m slow."""
    times = render_times(results, browser, tmp_path, loads=3)
    print(f"10,000 events: render times {[round(t) for t in times]} ms")
    assert min(times) < 3000, f"render times {times} ms"


def test_read_results_jsonl_json_and_errors(results, tmp_path):
    from eventx.errors import EventxError
    from eventx.report import read_results

    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8")
    one = tmp_path / "one.json"
    one.write_text(json.dumps(results[0], ensure_ascii=False, indent=2), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    assert read_results([jsonl]) == results == read_results([many])
    assert read_results([one, jsonl]) == [results[0], *results]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(results[0]) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(EventxError, match=r"bad.jsonl: line 2: not JSON"):
        read_results([bad])
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "x", "text": "no events key"}\n', encoding="utf-8")
    with pytest.raises(EventxError, match="line 1: not an eventx document result"):
        read_results([other])


def test_report_of_no_events(tmp_path):
    out = tmp_path / "empty.html"
    write_report([{"id": "leer.txt", "dct": None, "events": [], "entities": [], "dates": []}], out)
    page = out.read_text(encoding="utf-8")
    assert '"documents":1,' in page and '"rows":[]' in page
    write_report([], tmp_path / "none.html")
    assert (tmp_path / "none.html").stat().st_size > 100_000  # BokehJS is in the file
