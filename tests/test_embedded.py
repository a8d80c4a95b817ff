"""Embedded FalkorDB lifecycle: start/stop, loopback only, persistence, reuse, stale state, no orphans."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

from cascade import embedded
from cascade.embedded import STATE_FILE, EmbeddedServer
from cascade.graph import FalkorGraph


def _listening(pid: int) -> list[tuple[str, int]]:
    return [(c.laddr.ip, c.laddr.port) for c in psutil.Process(pid).net_connections(kind="tcp")
            if c.status == psutil.CONN_LISTEN]


def test_start_status_stop_on_loopback(tmp_path):
    server = EmbeddedServer(tmp_path / "db").start()
    try:
        info = embedded.status(tmp_path / "db")
        assert info is not None and info.pid == server.info.pid and info.port == server.port
        assert {ip for ip, _ in _listening(info.pid)} <= {"127.0.0.1"}
        assert (info.port in {p for _, p in _listening(info.pid)})
        state = json.loads((tmp_path / "db" / STATE_FILE).read_text())
        assert state["port"] == server.port and state["mode"] == "session"
    finally:
        server.stop()
    assert not embedded.pid_alive(info.pid)
    assert embedded.status(tmp_path / "db") is None
    assert not (tmp_path / "db" / STATE_FILE).exists()


def test_data_survives_restart(tmp_path):
    with EmbeddedServer(tmp_path / "db") as server:
        g = FalkorGraph(server.url, "persist")
        g.write([("CREATE (:Document {id: $id, title: $t})", {"id": "a", "t": "Kế hoạch"})])
        g.close()
    with EmbeddedServer(tmp_path / "db") as server:
        g = FalkorGraph(server.url, "persist")
        assert g.read("MATCH (d:Document) RETURN d.id AS id, d.title AS t") == [{"id": "a", "t": "Kế hoạch"}]
        g.close()


def test_a_stop_writes_no_second_copy_and_a_start_removes_a_killed_saves_files(tmp_path):
    db = tmp_path / "db"
    db.mkdir()
    (db / "temp-4242.rdb").write_bytes(b"REDIS0011 half written")  # a save killed mid-way
    (db / "temp-rewriteaof-bg-4243.aof").write_bytes(b"*1")
    (db / "notes.rdb").write_bytes(b"not ours")
    with EmbeddedServer(db) as server:
        assert not list(db.glob("temp-*"))
        assert (db / "notes.rdb").exists()  # only Redis' temporary names are removed
        g = FalkorGraph(server.url, "persist")
        g.write([("CREATE (:Document {id: 'a'})", {})])
        g.close()
    assert not (db / "dump.rdb").exists()  # the AOF is the data; no RDB copy on stop
    with EmbeddedServer(db) as server:
        g = FalkorGraph(server.url, "persist")
        assert g.read("MATCH (d:Document) RETURN d.id AS id") == [{"id": "a"}]
        g.close()


def test_second_start_reuses_running_server(tmp_path):
    first = EmbeddedServer(tmp_path / "db").start()
    try:
        second = EmbeddedServer(tmp_path / "db").start()
        assert second.info.pid == first.info.pid and not second.owned
        second.stop()  # not the owner: must not stop it
        assert embedded.ping(first.port)
    finally:
        first.stop()


def test_stale_state_file_is_replaced(tmp_path):
    data = tmp_path / "db"
    data.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (data / STATE_FILE).write_text(json.dumps({"pid": dead.pid, "port": 1, "data_dir": str(data)}))
    with EmbeddedServer(data) as server:
        assert server.owned and server.info.pid != dead.pid
    (data / STATE_FILE).write_text("not json")
    with EmbeddedServer(data) as server:
        assert server.owned


def test_start_failure_reports_log_tail(tmp_path, monkeypatch):
    real = embedded.server_command

    def broken(data_dir, port, bolt_port=None):
        return [*real(data_dir, port, bolt_port), "--no-such-option", "x"]

    monkeypatch.setattr(embedded, "server_command", broken)
    with pytest.raises(embedded.EmbeddedError, match="exited"):
        EmbeddedServer(tmp_path / "db", timeout=10).start()
    assert embedded.status(tmp_path / "db") is None


def _delayed(monkeypatch, shell_prelude: str) -> None:
    """Make the server command run ``shell_prelude`` (in the data dir) before exec'ing the real server."""
    real = embedded.server_command

    def delayed(data_dir, port, bolt_port=None):
        argv = " ".join(f"'{a}'" for a in real(data_dir, port, bolt_port))
        return ["sh", "-c", f"{shell_prelude}; exec {argv}"]

    monkeypatch.setattr(embedded, "server_command", delayed)


def test_slow_start_with_progress_is_waited_for(tmp_path, monkeypatch):
    """A big graph loads for minutes: the start timeout bounds the time without progress, not the whole start."""
    _delayed(monkeypatch, f"for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo loading >> {embedded.LOG_FILE}; sleep 0.25; done")
    started = time.monotonic()
    with EmbeddedServer(tmp_path / "db", timeout=1.0) as server:
        assert time.monotonic() - started > 2.5  # longer than the timeout: it waited through the progress
        assert embedded.ping(server.port)


def test_silent_start_times_out_without_orphans(tmp_path, monkeypatch):
    _delayed(monkeypatch, "sleep 30")
    started = time.monotonic()
    with pytest.raises(embedded.EmbeddedError, match="not ready after 1s without progress"):
        EmbeddedServer(tmp_path / "db", timeout=1.0).start()
    assert time.monotonic() - started < 15
    assert embedded.status(tmp_path / "db") is None
    assert not [p for p in psutil.Process().children(recursive=True) if "sleep" in " ".join(p.cmdline())]


def test_no_orphan_when_starter_is_killed(tmp_path):
    """SIGKILL the process that started the server: the kernel's death signal stops redis-server too."""
    data = tmp_path / "db"
    code = textwrap.dedent(f"""
        import sys, time
        from cascade.embedded import EmbeddedServer
        s = EmbeddedServer({str(data)!r}).start()
        print(s.info.pid, flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        pid = int(proc.stdout.readline())
        assert embedded.pid_alive(pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 15
        while embedded.pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not embedded.pid_alive(pid), "redis-server survived its starter"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # and a new start on the same dir works (stale state handled)
    with EmbeddedServer(data) as server:
        assert server.owned


def test_daemon_survives_its_starter_and_is_stopped_by_stop_running(tmp_path):
    data = tmp_path / "db"
    code = f"from cascade.embedded import EmbeddedServer; print(EmbeddedServer({str(data)!r}, daemon=True).start().info.pid)"
    pid = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    try:
        info = embedded.status(data)
        assert info is not None and info.pid == pid and info.mode == "daemon"
    finally:
        stopped = embedded.stop_running(data)
    assert stopped is not None and stopped.pid == pid
    deadline = time.monotonic() + 10
    while embedded.pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not embedded.pid_alive(pid)
