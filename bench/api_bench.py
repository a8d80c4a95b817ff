"""API benchmark (issue #4 and #6.4): lineage and duties under concurrent load against a live server.

Every figure stands next to a trivial endpoint of the same app (``/health/live``,
no database call), measured the same way in the same run: that is the
framework's own limit on this machine, so the ratio says what the graph work
costs. Load is bounded in time (and, with the asyncio client, in count).

The load generator shares the machine's cores with the server, so it must be
lean: ``wrk`` (Debian package, one thread, C) when installed, else a raw-socket
asyncio HTTP/1.1 keep-alive client; each row reports the generator's own CPU
use and the server's (in cores). Each endpoint gets one second of the same load
first, not counted: connections open and every server worker's cache is warm,
so the figures are the steady state (``--cache-ttl 0`` measures without cache).

``run_api_bench(base_url_or_app_factory, seconds, concurrency)`` accepts

* a base URL (``"http://127.0.0.1:8000"``): a server already running;
* an import string of an app factory (``"api.app:create_app"``): a ``uvicorn
  --factory`` subprocess is started on a free loopback port (``workers``
  processes), with ``graph_url``/``graph_name`` passed as ``CASCADE_*``
  variables, and stopped afterwards;
* a callable returning an ASGI app: served by uvicorn in a thread of this
  process (convenient, but the client shares the GIL with the server, so
  prefer the import string for figures);
* ``None``: like the import string ``api.app:create_app``.

``python -m bench.api_bench`` loads the sample corpus into a throw-away
embedded FalkorDB and prints the table.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from cascade.embedded import terminate

ROOT = Path(__file__).resolve().parent.parent

#: The trivial endpoint: same app, same middleware, no database.
TRIVIAL = "/health/live"

#: Hard cap of requests per endpoint, whatever the duration (the run stays bounded).
MAX_REQUESTS = 200_000


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: Sequence[float], q: float) -> float | None:
    """Return the ``q`` quantile (0..1) of ``values`` by nearest rank, or None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _wait_ready(base: str, timeout: float = 30.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"API server exited with code {proc.returncode}")
        try:
            if httpx.get(base + TRIVIAL, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"API server at {base} not ready after {timeout:.0f}s")


def _rss_mb(pid: int) -> float | None:
    """Return the peak RSS (VmHWM) of ``pid`` plus its children, in MB (Linux /proc), or None."""
    total, seen = 0, False
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
                    seen = True
        except OSError:
            continue
    return round(total / 1024, 1) if seen else None


@contextmanager
def serve(target: str | Callable[[], Any] | None, *, graph_url: str | None = None, graph_name: str | None = None,
          data_dir: str | Path | None = None, workers: int = 1, cache_ttl_s: float | None = None):
    """Yield (base URL, server pid or None) of a live server for ``target``; stop what was started."""
    if isinstance(target, str) and target.startswith(("http://", "https://")):
        yield target.rstrip("/"), None
        return
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    if callable(target):
        import uvicorn

        server = uvicorn.Server(uvicorn.Config(target(), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            _wait_ready(base)
            yield base, None
        finally:
            server.should_exit = True
            thread.join(10)
        return
    env = dict(os.environ)
    if graph_url is not None:
        env["CASCADE_GRAPH_URL"] = str(graph_url)
    if graph_name is not None:
        env["CASCADE_GRAPH_NAME"] = str(graph_name)
    if data_dir is not None:
        env["CASCADE_DATA_DIR"] = str(data_dir)
    if cache_ttl_s is not None:
        env["CASCADE_API_CACHE_TTL_S"] = str(cache_ttl_s)
    cmd = [sys.executable, "-m", "uvicorn", target or "api.app:create_app", "--factory", "--host", "127.0.0.1",
           "--port", str(port), "--log-level", "warning", "--no-access-log", "--workers", str(max(1, workers))]
    from cascade.embedded import _die_with_parent

    proc = subprocess.Popen(cmd, cwd=str(ROOT), env=env, stdout=subprocess.DEVNULL,  # noqa: S603 - fixed argv
                            stderr=subprocess.DEVNULL,
                            preexec_fn=_die_with_parent)  # noqa: PLW1509 - the server dies with the benchmark
    try:
        _wait_ready(base, proc=proc)
        yield base, proc.pid
    finally:
        terminate(proc, 15)


#: The wrk script: requests pre-formatted once per path, cycled; the summary printed as one JSON line.
#: (wrk's Lua API: https://github.com/wg/wrk/blob/master/SCRIPTING)
WRK_SCRIPT = """
local paths = {%(paths)s}
local reqs = {}
local i = 0
init = function(args)
  for k, p in ipairs(paths) do reqs[k] = wrk.format("GET", p) end
end
request = function()
  i = i %% #reqs + 1
  return reqs[i]
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'CASCADE_JSON {"requests": %%d, "duration_us": %%d, "status_errors": %%d, "socket_errors": %%d, ' ..
    '"p50_us": %%d, "p99_us": %%d, "mean_us": %%.1f}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), latency.mean))
end
"""


def wrk_path() -> str | None:
    """Return the path of the ``wrk`` load generator (Debian package ``wrk``), or None if not installed."""
    return shutil.which("wrk")


def _children_cpu_s() -> float:
    """Return the CPU seconds (user + system) of this process's waited-for children so far."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _cpu_s(pid: int | None) -> float | None:
    """Return the CPU seconds used so far by ``pid`` and its direct children (the uvicorn workers), or None."""
    if not pid:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    total, seen = 0.0, False
    pids = [pid]
    try:
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime (proc(5), fields 14 and 15)
        seen = True
    return total if seen else None


def _wrk_once(wrk: str, base: str, script: Path, seconds: int, concurrency: int) -> tuple[dict[str, Any], float]:
    """Return (wrk's JSON summary, wrk's CPU seconds) of one run of ``seconds`` with ``concurrency`` connections."""
    before = _children_cpu_s()
    done = subprocess.run([wrk, "-t1", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "30s", "-s", str(script),
                           base],  # noqa: S603 - fixed argv
                          capture_output=True, text=True, timeout=seconds + 60, check=False)
    cpu = _children_cpu_s() - before
    line = next((x for x in done.stdout.splitlines() if x.startswith("CASCADE_JSON ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed (exit {done.returncode}): {(done.stderr or done.stdout).strip()[:300]}")
    return json.loads(line.split(" ", 1)[1]), cpu


def load_wrk(base: str, paths: Sequence[str], seconds: float, concurrency: int) -> dict[str, Any]:
    """Return requests/s, p50/p99 (ms), errors and wrk's own CPU use for GETs cycling over ``paths``.

    One wrk thread drives ``concurrency`` keep-alive connections (an epoll loop in C: the lean
    generator this 2-core machine needs). One second of the same load warms connections and
    every server worker's cache first and is not counted.
    """
    with tempfile.TemporaryDirectory(prefix="cascade-wrk-") as tmp:
        script = Path(tmp) / "paths.lua"
        script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)}, encoding="utf-8")
        wrk = wrk_path() or "wrk"
        _wrk_once(wrk, base, script, 1, concurrency)
        summary, cpu = _wrk_once(wrk, base, script, max(1, round(seconds)), concurrency)
    elapsed = summary["duration_us"] / 1e6
    return {"requests": summary["requests"], "errors": summary["status_errors"] + summary["socket_errors"],
            "seconds": round(elapsed, 2), "rps": round(summary["requests"] / elapsed, 1) if elapsed > 0 else None,
            "p50_ms": _r(summary["p50_us"] / 1000), "p99_ms": _r(summary["p99_us"] / 1000),
            "mean_ms": _r(summary["mean_us"] / 1000), "generator": "wrk",
            "generator_cores": round(cpu / elapsed, 3) if elapsed > 0 else None}


async def _read_response(reader: asyncio.StreamReader) -> bool | None:
    """Read one HTTP/1.1 response; return True if its status is 200, False if not, None if it has no framing.

    None means no Content-Length (or the server closed): the connection cannot be reused.
    """
    status = await reader.readline()
    length = None
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    if length is None:
        return None
    await reader.readexactly(length)
    return status[9:12] == b"200"


async def _aio_connection(host: str, port: int, reqs: list[bytes], turn: Iterator[int], stop_at: float,
                          budget: list[int], latencies: list[float]) -> int:
    """Send requests back to back on one keep-alive connection until ``stop_at``; return the number of errors.

    ``turn`` is shared by all connections: the paths are cycled over all requests, as wrk does.
    """
    reader, writer = await asyncio.open_connection(host, port)
    errors = 0
    try:
        while time.perf_counter() < stop_at and budget[0] > 0:
            budget[0] -= 1
            t0 = time.perf_counter()
            writer.write(reqs[next(turn) % len(reqs)])
            ok = await _read_response(reader)
            if ok is None:  # no framing we can follow (or the server closed): count it and stop
                return errors + 1
            latencies.append((time.perf_counter() - t0) * 1000)
            errors += not ok
    finally:
        writer.close()
    return errors


def load_asyncio(base: str, paths: Sequence[str], seconds: float, concurrency: int,
                 max_requests: int = MAX_REQUESTS) -> dict[str, Any]:
    """Return the same figures as ``load_wrk`` from a lean asyncio HTTP/1.1 keep-alive client (fallback).

    Raw sockets and pre-built request bytes: no HTTP library on the hot path. Its CPU use is
    this process's CPU time over the run. Bounded by ``seconds`` and by ``max_requests``.
    """
    url = urlsplit(base)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    reqs = [f"GET {p} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode("ascii")
            for p in paths]

    async def run(duration: float, budget: int) -> tuple[list[float], int, float]:
        latencies: list[float] = []
        left = [budget]
        began = time.perf_counter()
        turn = itertools.count()
        errs = await asyncio.gather(*(_aio_connection(host, port, reqs, turn, began + duration, left, latencies)
                                      for _ in range(concurrency)))
        return latencies, sum(errs), time.perf_counter() - began

    loop_factory = _loop_factory()
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        runner.run(run(1.0, max_requests))  # warm-up, not counted
        cpu0 = time.process_time()
        flat, errors, elapsed = runner.run(run(seconds, max_requests))
        cpu = time.process_time() - cpu0
    return {"requests": len(flat), "errors": errors, "seconds": round(elapsed, 2),
            "rps": round(len(flat) / elapsed, 1) if elapsed > 0 else None,
            "p50_ms": _r(percentile(flat, 0.50)), "p99_ms": _r(percentile(flat, 0.99)),
            "mean_ms": _r(statistics.fmean(flat)) if flat else None, "generator": "asyncio",
            "generator_cores": round(cpu / elapsed, 3) if elapsed > 0 else None}


#: The offered load of the open-loop rows: issue #6's throughput target for lineage up (>= 1000 req/s).
OPEN_LOOP_RATE = 1000.0

#: Connections of the open-loop client: enough that 1000 req/s queue only when answers take > 32 ms.
OPEN_LOOP_CONNECTIONS = 32


async def _open_loop(host: str, port: int, reqs: list[bytes], rate: float, count: int,
                     connections: int) -> tuple[list[float], int, float]:
    """Send ``count`` requests at ``rate`` per second on a schedule; return (latencies ms, errors, seconds).

    Request k is due at ``start + k / rate`` whatever happened to the others (open loop). Its
    latency runs from that due time, not from when a connection was free to send it, so a
    stalled server counts for every request it delayed: measuring from the send time would
    hide the wait ("coordinated omission", G. Tene; the reason wrk2 exists:
    https://github.com/giltene/wrk2#acknowledgements).
    """
    queue: asyncio.Queue[tuple[float, int] | None] = asyncio.Queue()
    latencies: list[float] = []
    errors = [0]
    streams = [await asyncio.open_connection(host, port) for _ in range(connections)]

    async def worker(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while (item := await queue.get()) is not None:
            due, k = item
            writer.write(reqs[k % len(reqs)])
            ok = await _read_response(reader)
            latencies.append((time.perf_counter() - due) * 1000)
            if ok is None:
                errors[0] += 1
                return
            errors[0] += not ok

    async def produce(start: float) -> None:
        k = 0
        while k < count:
            due_now = min(count, int((time.perf_counter() - start) * rate) + 1)
            for j in range(k, due_now):
                queue.put_nowait((start + j / rate, j))
            k = max(k, due_now)
            await asyncio.sleep(max(0.0, start + k / rate - time.perf_counter()))
        for _ in streams:
            queue.put_nowait(None)

    began = time.perf_counter()
    try:
        await asyncio.gather(produce(began), *(worker(r, w) for r, w in streams))
    finally:
        for _, w in streams:
            w.close()
    return latencies, errors[0], time.perf_counter() - began


def load_at_rate(base: str, paths: Sequence[str], rate: float, seconds: float,
                 connections: int = OPEN_LOOP_CONNECTIONS) -> dict[str, Any]:
    """Return the figures of ``load`` for an offered load of ``rate`` GETs/s over ``seconds`` (open loop).

    The rows of ``load`` saturate the server: their p99 is mostly the queue that the
    connections themselves build. A latency target stated with a throughput ("p99 <= 10 ms,
    >= 1000 req/s") is met when the server answers that throughput within that time, which
    is what this measures: the latency of each request from its scheduled time, at the rate.
    ``rps`` is the rate achieved (below ``rate`` if the server falls behind). One second at
    the rate first, not counted.
    """
    url = urlsplit(base)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    reqs = [f"GET {p} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode("ascii")
            for p in paths]
    count = min(MAX_REQUESTS, max(1, round(rate * seconds)))
    with asyncio.Runner(loop_factory=_loop_factory()) as runner:
        runner.run(_open_loop(host, port, reqs, rate, max(1, round(rate)), connections))  # warm-up
        cpu0 = time.process_time()
        flat, errors, elapsed = runner.run(_open_loop(host, port, reqs, rate, count, connections))
        cpu = time.process_time() - cpu0
    return {"requests": len(flat), "errors": errors, "seconds": round(elapsed, 2),
            "rps": round(len(flat) / elapsed, 1) if elapsed > 0 else None, "offered_rps": rate,
            "p50_ms": _r(percentile(flat, 0.50)), "p99_ms": _r(percentile(flat, 0.99)),
            "mean_ms": _r(statistics.fmean(flat)) if flat else None, "generator": "asyncio open loop",
            "generator_cores": round(cpu / elapsed, 3) if elapsed > 0 else None}


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """Return uvloop's loop factory when installed (a cheaper client), else None (asyncio's default)."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def load(base: str, paths: Sequence[str], seconds: float, concurrency: int,
         max_requests: int = MAX_REQUESTS, generator: str = "auto") -> dict[str, Any]:
    """Return requests/s, p50/p99 latency (ms), errors and the generator's CPU use for GETs cycling over ``paths``.

    ``generator``: ``"wrk"``, ``"asyncio"`` or ``"auto"`` (wrk when installed, else asyncio).
    """
    if generator == "wrk" or (generator == "auto" and wrk_path()):
        return load_wrk(base, paths, seconds, concurrency)
    return load_asyncio(base, paths, seconds, concurrency, max_requests)


def _r(x: float | None) -> float | None:
    return round(x, 2) if x is not None else None


def discover(base: str, limit: int = 20) -> dict[str, list[str]]:
    """Return plan ids (for lineage up), directive ids (lineage down) and agency ids (duties) found through the API."""
    with httpx.Client(base_url=base, timeout=30) as c:
        plans = [d["id"] for lvl in ("district", "province") for d in
                 c.get("/documents", params={"level": lvl, "limit": limit}).json()["items"] if d["status"] == "ingested"]
        central = [d["id"] for d in c.get("/documents", params={"level": "central", "limit": limit}).json()["items"]]
        agencies: list[str] = []
        for pid in plans[:limit]:
            for t in c.get(f"/documents/{quote(pid, safe='')}/tasks", params={"limit": 50}).json().get("items", []):
                for a in t["lead"]:
                    if a["id"] not in agencies:
                        agencies.append(a["id"])
            if len(agencies) >= limit:
                break
    return {"up": plans[:limit], "down": central[:limit], "agencies": agencies[:limit]}


def run_api_bench(base_url_or_app_factory: str | Callable[[], Any] | None = None, seconds: float = 5.0,
                  concurrency: int = 8, *, graph_url: str | None = None, graph_name: str | None = None,
                  data_dir: str | Path | None = None, up_ids: Sequence[str] | None = None,
                  down_ids: Sequence[str] | None = None, agency_ids: Sequence[str] | None = None,
                  workers: int = 1, max_requests: int = MAX_REQUESTS,
                  cache_ttl_s: float | None = None, generator: str = "auto",
                  duty_offsets: Sequence[int] = (0,), rate: float | None = OPEN_LOOP_RATE) -> dict[str, Any]:
    """Return {"rows": [...], "server_rss_mb", ...}: req/s and p50/p99 per endpoint, trivial endpoint first.

    Rows: ``trivial /health/live`` (baseline), ``lineage up``, ``lineage down`` (when directive
    ids exist) and ``duties`` (paginated, limit 100); each with ``ratio_rps`` = rps / trivial rps,
    the load generator's CPU (``generator_cores``) and the server's (``server_cores``, all its
    workers). Inputs not given are discovered through the API itself. ``generator``: see ``load``.
    ``duty_offsets``: the pages of each agency's duties requested (deep pages of a busy department).
    ``rate``: when set, the same endpoints again at that offered load (``load_at_rate``: open
    loop, latency from each request's due time), named "<endpoint> at <rate>/s"; their
    ``ratio_rps`` is against the trivial endpoint at the same rate.
    """
    with serve(base_url_or_app_factory, graph_url=graph_url, graph_name=graph_name, data_dir=data_dir,
               workers=workers, cache_ttl_s=cache_ttl_s) as (base, pid):
        found = discover(base) if not (up_ids and agency_ids) else {}
        up = list(up_ids or found.get("up", []))
        down = list(down_ids or found.get("down", []))
        agencies = list(agency_ids or found.get("agencies", []))
        plan: list[tuple[str, list[str]]] = [("trivial " + TRIVIAL, [TRIVIAL])]
        if up:
            plan.append(("lineage up", [f"/documents/{quote(i, safe='')}/lineage?direction=up" for i in up]))
        if down:
            plan.append(("lineage down", [f"/documents/{quote(i, safe='')}/lineage?direction=down" for i in down]))
        if agencies:
            plan.append(("duties", [f"/agencies/{quote(i, safe='')}/duties?limit=100" + (f"&offset={o}" if o else "")
                                    for i in agencies for o in duty_offsets]))
        def measure(name: str, paths: list[str], run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
            cpu0, t0 = _cpu_s(pid), time.perf_counter()
            figures = run()
            cpu1, t1 = _cpu_s(pid), time.perf_counter()
            # The server's CPU over the whole load (warm-up included): how much of the 2 cores it had.
            server_cores = round((cpu1 - cpu0) / (t1 - t0), 3) if cpu0 is not None and cpu1 is not None else None
            # Server CPU per request: what the figures would be on idle cores (this machine is shared).
            per_request = (round(server_cores * figures["seconds"] / figures["requests"] * 1e6)
                           if server_cores is not None and figures["requests"] else None)
            return {"name": name, "inputs": len(paths), **figures, "server_cores": server_cores,
                    "server_cpu_us_per_request": per_request}

        rows = [measure(name, paths, lambda p=paths: load(base, p, seconds, concurrency, max_requests, generator))
                for name, paths in plan]
        if rate:
            # The same endpoints at a fixed offered load, latency from each request's due time.
            rows += [measure(f"{name} at {rate:g}/s", paths, lambda p=paths: load_at_rate(base, p, rate, seconds))
                     for name, paths in plan]
        for group in (rows[:len(plan)], rows[len(plan):]):
            base_rps = group[0]["rps"] if group else None
            for r in group:
                r["ratio_rps"] = round(r["rps"] / base_rps, 3) if (base_rps and r["rps"]) else None
        return {"base_url": base, "concurrency": concurrency, "seconds": seconds, "workers": workers, "rate": rate,
                "load_average": [round(x, 2) for x in os.getloadavg()],  # the machine is shared: say how busy
                "cache_ttl_s": cache_ttl_s, "rows": rows, "server_rss_mb": _rss_mb(pid) if pid else None}


def format_table(result: dict[str, Any]) -> str:
    """Return the result as a plain-text table (endpoint, req/s, p50, p99, errors, ratio to trivial)."""
    head = (f"{'endpoint':<22}{'inputs':>7}{'requests':>10}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
            f"{'vs trivial':>12}{'gen cores':>11}{'srv cores':>11}{'srv us/req':>12}")
    lines = [head, "-" * len(head)]
    for r in result["rows"]:
        lines.append(f"{r['name']:<22}{r['inputs']:>7}{r['requests']:>10}{_f(r['rps']):>10}{_f(r['p50_ms']):>9}"
                     f"{_f(r['p99_ms']):>9}{r['errors']:>8}{_f(r['ratio_rps']):>12}{_f(r.get('generator_cores')):>11}"
                     f"{_f(r.get('server_cores')):>11}{_f(r.get('server_cpu_us_per_request')):>12}")
    cache = result.get("cache_ttl_s")
    gens = sorted({r.get("generator") or "?" for r in result["rows"]})
    lines.append(f"generator {'/'.join(gens)}, concurrency {result['concurrency']} (closed loop)"
                 + (f", open loop at {result['rate']:g}/s on {OPEN_LOOP_CONNECTIONS} connections" if result.get('rate') else "")
                 + f", {result['seconds']} s per endpoint, "
                 f"{result['workers']} server worker(s), server peak RSS {result['server_rss_mb']} MB, "
                 f"answer cache {'default' if cache is None else 'off' if not cache else 'on'}"
                 + (f", machine load average {result['load_average'][0]}" if result.get("load_average") else ""))
    return "\n".join(lines)


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:,.2f}" if x < 100 else f"{x:,.0f}"


def _sample_graph(data_dir: Path) -> tuple[Any, Any, str]:
    """Start an embedded FalkorDB in ``data_dir`` and load the sample corpus; return (server, graph, name)."""
    from cascade.embedded import EmbeddedServer
    from cascade.graph import FalkorGraph
    from cascade.loader import collect_files, load as load_doc
    from ingest import IngestError, parse_file

    server = EmbeddedServer(data_dir).start()
    graph = FalkorGraph(server.url, "api-bench")
    graph.clear()
    graph.apply_schema()
    for path in collect_files([ROOT / "corpus" / "samples"]):
        try:
            load_doc(graph, parse_file(path))
        except (IngestError, ValueError) as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
    return server, graph, "api-bench"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the API benchmark from the command line; print the table (and JSON with --json)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="benchmark a running server instead of starting one")
    ap.add_argument("--graph-url", help="CASCADE_GRAPH_URL for the started server (default: samples in a temp graph)")
    ap.add_argument("--graph-name", help="CASCADE_GRAPH_NAME for the started server")
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--cache-ttl", type=float, default=None,
                    help="CASCADE_API_CACHE_TTL_S for the started server (0 = measure without the answer cache)")
    ap.add_argument("--generator", choices=["auto", "wrk", "asyncio"], default="auto",
                    help="load generator (auto: wrk when installed, else the asyncio client)")
    ap.add_argument("--rate", type=float, default=OPEN_LOOP_RATE,
                    help="offered load (req/s) of the open-loop rows; 0 = no open-loop rows")
    ap.add_argument("--agency", action="append", default=[], help="agency id for the duties row (repeatable)")
    ap.add_argument("--duty-offsets", default="0", help="comma-separated duty page offsets, e.g. 0,1000,2900")
    ap.add_argument("--json", action="store_true", help="also print the result as JSON")
    args = ap.parse_args(argv)
    server = graph = None
    graph_url, graph_name = args.graph_url, args.graph_name
    tmp = None
    try:
        if not args.url and not graph_url:
            import tempfile

            tmp = tempfile.TemporaryDirectory(prefix="cascade-api-bench-")
            server, graph, graph_name = _sample_graph(Path(tmp.name))
            graph_url = server.url
        result = run_api_bench(args.url or "api.app:create_app", args.seconds, args.concurrency,
                               graph_url=graph_url, graph_name=graph_name, workers=args.workers,
                               cache_ttl_s=args.cache_ttl, generator=args.generator,
                               agency_ids=args.agency or None, rate=args.rate or None,
                               duty_offsets=[int(x) for x in args.duty_offsets.split(",") if x.strip()])
    finally:
        if graph is not None:
            graph.close()
        if server is not None:
            server.stop()
        if tmp is not None:
            tmp.cleanup()
    print(format_table(result))
    if args.json:
        print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
