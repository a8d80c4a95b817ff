"""The ``cascade`` CLI: ingest summary and one-line errors, parse --json, lineage/duties, db, schema,
and convergence after SIGKILL mid-ingest. Every test has its own ``CASCADE_DATA_DIR``."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from cascade import embedded
from cascade.cli import app
from cascade.graph import open_graph
from cascade.loader import load
from cascade.settings import Settings
from tests.test_loader import CASCADE, KH56, KH56_LC

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A private CASCADE_DATA_DIR (embedded backend); any server left on it is stopped at the end."""
    d = tmp_path / "cascade"
    monkeypatch.setenv("CASCADE_DATA_DIR", str(d))
    monkeypatch.delenv("CASCADE_GRAPH_URL", raising=False)
    monkeypatch.setenv("CASCADE_GRAPH_NAME", "cascade")
    yield d
    embedded.stop_running(d)


def cli(*args: str):
    """Run the CLI in-process; return the click Result (stdout/stderr separate)."""
    return runner.invoke(app, list(args), catch_exceptions=False)


def preload(data_dir: Path, results) -> None:
    """Load hand-built ParseResults into the embedded graph of ``data_dir``."""
    g = open_graph(Settings(data_dir=data_dir))
    try:
        g.apply_schema()
        for r in results:
            load(g, r)
    finally:
        g.close()


def graph_counts(data_dir: Path) -> dict[str, int]:
    g = open_graph(Settings(data_dir=data_dir))
    try:
        return g.counts()
    finally:
        g.close()


# --------------------------------------------------------------------------- ingest


def test_ingest_bad_inputs_one_line_each_others_ingested(data_dir, tmp_path, samples_dir):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    missing = tmp_path / "missing.txt"
    good = samples_dir / "83-KH-TU_dien-bien_2019.txt"
    res = cli("ingest", str(empty), str(binary), str(missing), str(good), "--json")
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 3
    for path in (empty, binary, missing):
        assert sum(line.startswith(f"error: {path}: ") for line in lines) == 1, lines
    summary = json.loads(res.stdout)
    assert summary["errors"] == 3 and summary["files"] == 4
    assert summary["documents"] == 1, "the good file must still be ingested"
    c = graph_counts(data_dir)
    assert c["Document"] >= 1 and c["Task"] == summary["tasks"]


def test_ingest_folder_summary_and_idempotent(data_dir, samples_dir):
    res = cli("ingest", str(samples_dir))
    assert res.exit_code == 0, res.stderr
    for word in ("documents", "references", "tasks", "agencies", "errors"):
        assert word in res.stdout
    first = graph_counts(data_dir)
    assert first["Document"] >= 4 and first["Task"] > 0
    res = cli("ingest", str(samples_dir), "--json")
    assert json.loads(res.stdout)["documents"] == 4
    assert graph_counts(data_dir) == first
    assert embedded.status(data_dir) is None, "the command's own server must be stopped after it"
    # issue #2's acceptance, on the real samples
    up = json.loads(cli("lineage", "85/KH-UBND", "--up", "--json").stdout)["nodes"]
    assert [(n["symbol"], n["province"]) for n in up][:5] == [
        ("85/KH-UBND", "Sóc Trăng"), ("56/KH-UBND", "Sóc Trăng"), ("142/QĐ-TTg", None), ("52-KL/TW", None),
        ("27-NQ/TW", None)]
    assert up[0]["district"] == "Châu Thành" and up[1]["issued_on"] == "2020-05-15"
    down = {n["symbol"] for n in json.loads(cli("lineage", "27-NQ/TW", "--down", "--json").stdout)["nodes"]}
    assert {"52-KL/TW", "142/QĐ-TTg", "124/KH-UBND", "56/KH-UBND", "85/KH-UBND", "83-KH/TU"} <= down
    down = {n["symbol"] for n in json.loads(cli("lineage", "45-NQ/TW", "--down", "--json").stdout)["nodes"]}
    assert {"72-CTr/TU", "107/NQ-CP", "371/KH-UBND"} <= down


def test_a_changed_file_ingested_again_prunes_the_bodies_it_no_longer_names(data_dir, tmp_path, samples_dir):
    src = (samples_dir / "85-KH-UBND_chau-thanh-soc-trang_2020.txt").read_text(encoding="utf-8")
    assert "Phòng Giáo dục và Đào tạo" in src
    plan = tmp_path / "85.txt"
    plan.write_text(src, encoding="utf-8")
    first = json.loads(cli("ingest", str(plan), "--json").stdout)
    assert first["pruned"] == 0
    res = cli("duties", "phong giao duc va dao tao", "--json")
    assert res.exit_code == 0, (res.stdout, res.stderr)
    assert json.loads(res.stdout)["duties"], "the office leads a task of the sample"
    # the same plan, its point c) now assigned to another office
    plan.write_text(src.replace("Phòng Giáo dục và Đào tạo", "Phòng Văn hóa và Thông tin"), encoding="utf-8")
    again = json.loads(cli("ingest", str(plan), "--json").stdout)
    assert again["documents"] == 1 and again["pruned"] >= 1
    assert cli("duties", "phong giao duc va dao tao", "--json").exit_code == 2  # no such agency any more


def test_parse_json_needs_no_database(data_dir, samples_dir):
    res = cli("parse", str(samples_dir / "124-KH-UBND_lao-cai_2020.txt"), "--json")
    assert res.exit_code == 0
    d = json.loads(res.stdout)
    assert set(d) >= {"document", "references", "stated_edges", "tasks", "agencies", "reporting", "warnings"}
    assert d["document"]["symbol"] == "124/KH-UBND"
    assert "Lào Cai" in res.stdout  # ensure_ascii=False
    assert not data_dir.exists()
    res = cli("parse", str(samples_dir / "124-KH-UBND_lao-cai_2020.txt"))
    assert res.exit_code == 0 and "124/KH-UBND" in res.stdout and "references" in res.stdout
    res = cli("parse", str(samples_dir / "nope.txt"))
    assert res.exit_code == 1 and res.stderr.startswith("error: ") and len(res.stderr.strip().splitlines()) == 1


# --------------------------------------------------------------------------- lineage / duties


def test_lineage_json_order_up_and_down(data_dir):
    preload(data_dir, CASCADE)
    res = cli("lineage", "85/KH-UBND", "--up", "--json")
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert [n["symbol"] for n in out["nodes"]] == ["85/KH-UBND", "56/KH-UBND", "142/QĐ-TTg", "52-KL/TW", "27-NQ/TW"]
    assert {"source": "56-kh-ubnd--2020--soc-trang", "target": "142-qd-ttg--2020", "type": "IMPLEMENTS"} in out["edges"]
    res = cli("lineage", "27-nq/tw", "--down", "--depth", "1", "--json")
    assert [n["symbol"] for n in json.loads(res.stdout)["nodes"]] == ["27-NQ/TW", "52-KL/TW"]
    res = cli("lineage", "85/KH-UBND")
    assert res.exit_code == 0 and "27-NQ/TW" in res.stdout


def test_lineage_ambiguous_symbol_lists_candidates(data_dir):
    preload(data_dir, [KH56, KH56_LC])
    res = cli("lineage", "56/KH-UBND")
    assert res.exit_code == 2
    assert "56-kh-ubnd--2020--soc-trang" in res.stderr and "56-kh-ubnd--2020--lao-cai" in res.stderr
    res = cli("lineage", "56/KH-UBND", "--issuer", "Lào Cai", "--json")
    assert res.exit_code == 0 and json.loads(res.stdout)["start"] == "56-kh-ubnd--2020--lao-cai"
    res = cli("lineage", "999/KH-UBND")
    assert res.exit_code == 2 and res.stderr.startswith("error: 999/KH-UBND")


def test_duties_by_search_text_and_id(data_dir):
    preload(data_dir, CASCADE)
    res = cli("duties", "phong noi vu", "--json")
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["agency"]["id"] == "phong-noi-vu-huyen-chau-thanh--soc-trang"
    assert [(d["role"], d["section"], d["due"]) for d in out["duties"]] == [("lead", "III.1", "2020-06-30")]
    res = cli("duties", "phong-tai-chinh-ke-hoach-huyen-chau-thanh--soc-trang", "--json")
    assert [(d["role"], d["section"]) for d in json.loads(res.stdout)["duties"]] == [("lead", "III.2"),
                                                                                  ("support", "III.1")]
    assert cli("duties", "khong co co quan nay").exit_code == 2


# --------------------------------------------------------------------------- db / schema


def test_db_start_status_stop(data_dir):
    assert cli("db", "status").exit_code == 1
    res = subprocess.run([sys.executable, "-m", "cascade", "db", "start"], capture_output=True, text=True,
                         env={**os.environ}, timeout=60)
    assert res.returncode == 0, res.stderr
    try:
        info = embedded.status(data_dir)
        assert info is not None and info.mode == "daemon"
        status = cli("db", "status", "--json")
        assert status.exit_code == 0 and json.loads(status.stdout)["pid"] == info.pid
        # commands reuse the running server and leave it running
        preload(data_dir, [KH56])
        assert cli("lineage", "56/KH-UBND", "--json").exit_code == 0
        assert embedded.status(data_dir).pid == info.pid
    finally:
        assert cli("db", "stop").exit_code == 0
    assert embedded.status(data_dir) is None
    assert not psutil.pid_exists(info.pid) or psutil.Process(info.pid).status() == psutil.STATUS_ZOMBIE
    assert cli("db", "status").exit_code == 1


def test_schema_file_is_generated_from_the_model():
    res = cli("schema", "--neo4j", "--check")
    assert res.exit_code == 0, res.stderr
    assert "CREATE CONSTRAINT document_id_unique IF NOT EXISTS" in res.stdout
    res = cli("schema")
    assert "CREATE INDEX FOR (x:Document) ON (x.symbol_key)" in res.stdout


# --------------------------------------------------------------------------- SIGKILL mid-ingest


def _variants(samples_dir: Path, out: Path, copies: int) -> Path:
    """Write ``copies`` renumbered variants of each sample (own number on the 'Số:' line changed)."""
    out.mkdir()
    number = re.compile(r"(Số\s*:?\s*)(\d+)")
    for sample in sorted(samples_dir.iterdir()):
        text = sample.read_text(encoding="utf-8")
        for i in range(copies):
            (out / f"{sample.stem}-{i:03d}.txt").write_text(number.sub(lambda m, i=i: f"{m.group(1)}{9000 + i}",
                                                                       text, count=1), encoding="utf-8")
    return out


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_converges(tmp_path, samples_dir):
    corpus = _variants(samples_dir, tmp_path / "corpus", 25)
    clean_dir, killed_dir = tmp_path / "clean", tmp_path / "killed"
    cmd = [sys.executable, "-m", "cascade", "ingest", str(corpus), "--json"]

    def env(d: Path) -> dict[str, str]:
        e = {k: v for k, v in os.environ.items() if not k.startswith("CASCADE_")}
        return {**e, "CASCADE_DATA_DIR": str(d), "CASCADE_BATCH_SIZE": "7"}

    subprocess.run(cmd, env=env(clean_dir), capture_output=True, timeout=300, check=True)
    expected = graph_counts(clean_dir)
    assert expected["Document"] >= 100

    proc = subprocess.Popen(cmd, env=env(killed_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            children = psutil.Process(proc.pid).children(recursive=True)
            info = embedded.status(killed_dir) if (killed_dir / embedded.STATE_FILE).exists() else None
            if info is not None:
                from cascade.graph import FalkorGraph

                g = FalkorGraph(info.url, "cascade")
                n = g.read("MATCH (t:Task) RETURN count(t) AS c")
                g.close()
                if n and n[0]["c"] > 0:
                    break
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert children, "the ingest had not started its server yet"
    _, alive = psutil.wait_procs(children, timeout=15)  # the server and parse workers die with their parent
    assert not alive, f"orphans left after SIGKILL: {alive}"
    partial = graph_counts(killed_dir)
    assert 0 < partial["Task"] < expected["Task"] or partial == expected
    subprocess.run(cmd, env=env(killed_dir), capture_output=True, timeout=300, check=True)
    assert graph_counts(killed_dir) == expected
