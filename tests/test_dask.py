"""The Dask engine on a LocalCluster with 2 single-threaded worker processes."""

import json
import os
import signal
import threading
import time

import pytest
from conftest import SAMPLES, SHARED, needs_shared
from typer.testing import CliRunner

pytest.importorskip("distributed")
pyarrow = pytest.importorskip("pyarrow")

from eventx import distributed as dx
from eventx.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def client():
    c = dx.local_client(2)
    yield c
    c.close()
    c.cluster.close()


def write_records(path, n):
    text = (SAMPLES / "korea-ukraine-russland.txt").read_text(encoding="utf-8")
    other = (SAMPLES / "staatsbesuch.txt").read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": f"doc{i:03d}", "text": text if i % 2 else other, "date": "2024-10-30"}, ensure_ascii=False)
        for i in range(n)
    ]
    lines.insert(3, "{broken json")
    lines.insert(7, json.dumps({"id": "notext", "body": "x"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def local_results(path):
    out = {}
    from eventx.batch import run_batch
    from eventx.readers import iter_inputs

    for o in run_batch(iter_inputs([str(path)]), workers=1):
        if o.result is not None:
            out[o.result["id"]] = o.result
    return out


def test_same_results_as_local_batch_and_one_load_per_worker(client, tmp_path):
    src = tmp_path / "in.jsonl"
    write_records(src, 24)
    manifest = dx.run_to_directory(dx.extract_bag(dx.records_bag([str(src)], blocksize=4096)), str(tmp_path / "out"))
    assert (tmp_path / "out" / "_SUCCESS").exists()
    assert manifest["documents"] == 26 and manifest["succeeded"] == 24 and manifest["failed"] == 2
    assert len(manifest["failures"]) == 2 and all(f["source"].startswith(f"{src}#") for f in manifest["failures"])
    ours = {r["id"]: r for r in dx.read_results(str(tmp_path / "out"))}
    assert ours == local_results(src)
    loads = client.run(lambda: __import__("eventx.pipeline", fromlist=["LOADS"]).LOADS["count"])
    assert sorted(loads.values()) == [1, 1], loads  # the model is loaded once per worker, not per task


def same_as_local(src, out):
    dx.run_to_directory(dx.extract_bag(dx.records_bag([str(src)], blocksize=4096)), str(out))
    assert {r["id"]: r for r in dx.read_results(str(out))} == local_results(src)


@needs_shared
def test_dev_set_equals_local_batch(client, tmp_path):
    same_as_local(SHARED / "data/news/dev/input.jsonl", tmp_path / "dev")


@needs_shared
@pytest.mark.slow
def test_pool_sample_equals_local_batch(client, tmp_path):
    sample = tmp_path / "pool300.jsonl"
    with open(SHARED / "data/news/pool.jsonl", encoding="utf-8") as f:
        sample.write_text("".join(next(f) for _ in range(300)), encoding="utf-8")
    same_as_local(sample, tmp_path / "pool")


def test_killed_worker_loses_and_duplicates_nothing(client, tmp_path):
    src = tmp_path / "in.jsonl"
    write_records(src, 80)
    pids = list(client.run(os.getpid).values())

    def kill_one():
        time.sleep(3)
        os.kill(pids[0], signal.SIGKILL)

    killer = threading.Thread(target=kill_one)
    killer.start()
    manifest = dx.run_to_directory(dx.extract_bag(dx.records_bag([str(src)], blocksize=4096)), str(tmp_path / "out"))
    killer.join()
    ids = [r["id"] for r in dx.read_results(str(tmp_path / "out"))]
    assert sorted(ids) == [f"doc{i:03d}" for i in range(80)]  # every document exactly once
    assert manifest["succeeded"] == 80 and manifest["failed"] == 2
    assert not [p for p in os.listdir(tmp_path / "out") if p.endswith(".tmp")]


def test_cli_dask_engine_parquet_and_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((SAMPLES / "korea-ukraine-russland.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_bytes(b"\x00\xff\x00")  # binary: a failure in both engines
    out = tmp_path / "out"
    res = runner.invoke(app, ["batch", str(folder), "--engine", "dask", "--workers", "2", "-o", str(out), "--format", "parquet"])
    assert res.exit_code == 3, res.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    # the empty b.txt is a result without events, as in the local engine (W005); c.txt fails (E003)
    assert manifest["documents"] == 3 and manifest["succeeded"] == 2 and manifest["failed"] == 1
    assert [f["id"] for f in manifest["failures"]] == ["c.txt"] and "[E003]" in manifest["failures"][0]["reason"]
    assert [n.split(":")[0] for n in manifest["notes"]] == [f"[W005] {folder / 'b.txt'}"]
    assert manifest["notes"][0] in res.output and "[E003]" in res.output
    import pyarrow.parquet as pq

    table = pq.read_table(str(out / "part-00000.parquet")).to_pylist()
    assert {row["doc_id"] for row in table} == {"a.txt"} and {row["type"] for row in table} >= {"phone_call", "visit"}
    assert runner.invoke(app, ["batch", str(folder), "--engine", "dask"]).exit_code == 2  # needs -o DIR


def test_dask_summary_line_is_the_local_one_plus_where_the_parts_are(tmp_path):
    """Both engines say the same summary line (counts per type and status, seconds, docs/s);
    Dask adds where its part files are."""
    import re

    timing = re.compile(r"; [0-9.]+ s, [0-9.]+ docs/s")
    local = runner.invoke(app, ["batch", str(SAMPLES), "--workers", "1", "-o", str(tmp_path / "local.jsonl")])
    out = tmp_path / "out"
    dask = runner.invoke(app, ["batch", str(SAMPLES), "--engine", "dask", "--workers", "2", "-o", str(out)])
    assert local.exit_code == 0 and dask.exit_code == 0, dask.output
    local_line = [line for line in local.output.splitlines() if line.startswith("read ")][-1]
    dask_line = [line for line in dask.output.splitlines() if line.startswith("read ")][-1]
    assert timing.search(local_line) and timing.search(dask_line), (local_line, dask_line)
    assert "events: meeting" in local_line and "; status: asserted" in local_line
    assert timing.sub("", dask_line) == timing.sub("", local_line) + f"; 1 part file in {out}"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sum(manifest["events_by_type"].values()) == sum(manifest["events_by_status"].values()) == manifest["events"]
