"""Smoke test of the benchmark pipeline (issue #6) at size XS (~100 documents), in well under 60 s.

The numbers are printed, not asserted: what is checked is that every section
produces its table (figure, same-run baseline, ratio), that the run is
appended to results.json with the machine's description, and that nothing is
left running.
"""

from __future__ import annotations

import json

import psutil
import pytest

from bench import run as bench_run
from bench.run import Row, api_rows, format_rows, percentile, row


@pytest.mark.parametrize(
    "r, ratio, passed",
    [
        (row("ingest", "x", 25_000.0, baseline=50_000.0, target_key="ingest elements/s"), 0.5, True),
        (row("ingest", "x", 15_000.0, baseline=50_000.0, target_key="ingest elements/s"), 0.3, False),
        (row("queries", "x", 120.0, baseline=60.0, target_key="cascade down p99 (store) ms"), 2.0, False),
        (row("queries", "x", 8.0, baseline=0.0, target_key="duties p99 (store, paginated) ms"), None, True),
        (row("parse", "x", None, baseline=3.0), None, None),
    ],
)
def test_row_ratio_and_target(r: Row, ratio, passed):
    assert r.ratio == pytest.approx(ratio) if ratio is not None else r.ratio is None
    assert r.passed is passed


def test_percentile_nearest_rank():
    values = list(range(1, 101))  # 1..100 ms
    assert percentile(values, 0.5) in (50, 51)
    assert percentile(values, 0.99) == 99
    assert percentile([7.0], 0.99) == 7.0


def test_table_has_figure_baseline_ratio_target():
    text = format_rows("t", [row("ingest", "ingest elements/s (end to end)", 12_000.0, "elem/s", 40_000.0,
                                 "raw batched UNWIND", target_key="ingest elements/s")])
    header, line = text.splitlines()[1:3]
    for col in ("figure", "baseline", "ratio", "target", "pass"):
        assert col in header
    assert "12,000" in line and "40,000" in line and " 0.3 " in line and ">=20,000" in line and "FAIL" in line


def test_api_rows_from_a_bench_result():
    result = [
        {"name": "trivial /live", "rps": 2000.0, "p50_ms": 2.0, "p99_ms": 5.0},
        {"name": "lineage up", "rps": 800.0, "p50_ms": 4.0, "p99_ms": 12.0},
        {"name": "agency duties", "rps": 500.0, "p50_ms": 6.0, "p99_ms": 20.0},
    ]
    rows = {r.metric: r for r in api_rows(result)}
    assert rows["lineage up req/s"].ratio == pytest.approx(0.4) and rows["lineage up req/s"].passed is False
    assert rows["lineage up p99"].baseline == 5.0 and rows["lineage up p99"].passed is False
    assert rows["agency duties p99"].passed is True


def test_open_loop_api_rows_compare_with_the_trivial_endpoint_at_the_same_rate():
    result = {"rows": [
        {"name": "trivial /live", "rps": 5000.0, "p50_ms": 2.0, "p99_ms": 5.0},
        {"name": "lineage up", "rps": 4000.0, "p50_ms": 4.0, "p99_ms": 14.0},
        {"name": "trivial /live at 1000/s", "rps": 999.0, "p50_ms": 1.0, "p99_ms": 3.0, "offered_rps": 1000.0},
        {"name": "lineage up at 1000/s", "rps": 998.0, "p50_ms": 1.5, "p99_ms": 8.0, "offered_rps": 1000.0},
    ]}
    rows = {r.metric: r for r in api_rows(result)}
    assert rows["lineage up p99"].baseline == 5.0 and rows["lineage up p99"].passed is False  # saturated
    assert rows["lineage up req/s"].passed is True
    opened = rows["lineage up at 1000/s p99"]
    assert opened.baseline == 3.0 and opened.target == 10.0 and opened.passed is True
    # the achieved rate of an open-loop row is the offered load, not a capacity: no throughput verdict
    assert rows["lineage up at 1000/s req/s"].target is None and rows["lineage up at 1000/s req/s"].baseline == 999.0


def test_xs_pipeline_end_to_end(tmp_path, capsys):
    results = tmp_path / "results.json"
    before = {c.pid for c in psutil.Process().children(recursive=True)}
    entry = bench_run.run("XS", corpus=tmp_path / "XS", out=tmp_path / "out", results=results, samples=10,
                          api_seconds=1.0, workers=2, parse_limit=30, ingest_limit=40, profile_docs=3, budget_s=2.0,
                          api_concurrency=2, api_workers=1)
    out = capsys.readouterr().out
    print(out)
    for title in ("== 1. parse", "== 2. ingest and memory", "== 2b. where a document's load", "== 3. queries in the store",
                  "== 3b. effect of query shape", "== 4. API under load"):
        assert title in out
    assert "regex pass" in out and "raw batched UNWIND" in out and "SQLite recursive CTE" in out

    saved = json.loads(results.read_text())
    assert isinstance(saved, list) and saved[-1]["size"] == "XS"
    m = saved[-1]["machine"]
    assert m["cpu"] and m["cores"] >= 1 and m["ram_gb"] > 0 and m["python"].startswith("3.") and m["date"]
    assert saved[-1]["corpus"]["documents"] >= 50 and m["loadavg_1m"] >= 0
    sections = saved[-1]["sections"]
    parse = sections["1. parse"]
    assert all(r["figure"] is not None and r["figure"] > 0 for r in parse)
    assert parse[0]["baseline"] > 0 and parse[0]["ratio"] is not None
    ingest = {r["metric"]: r for r in sections["2. ingest and memory"]}
    assert ingest["ingest elements/s (end to end)"]["figure"] > 0
    assert ingest["ingest elements/s (end to end)"]["baseline"] > 0
    assert ingest["ingest loader peak RSS"]["figure"] > 0
    profile = {r["metric"]: r for r in sections["2b. where a document's load spends its time"]}
    written = profile["group write per document"]
    assert written["figure"] > 0 and "after 1 untimed" in written["note"]  # 3 documents: 1 warms, 2 are timed
    assert sections["3. queries in the store"] and sections["4. API under load"]
    assert entry["sections"].keys() == sections.keys()

    # nothing left behind: no FalkorDB server, no worker, no API server
    after = {c.pid for c in psutil.Process().children(recursive=True) if c.status() != psutil.STATUS_ZOMBIE}
    assert after <= before, f"processes left running: {after - before}"
    assert not (tmp_path / "out" / "db" / "cascade-db.json").exists()
