"""API benchmark (issue #4 and #6.4): lineage and duties under concurrent load against a live server.

Every figure stands next to a trivial endpoint of the same app (``/health/live``,
no database call), measured the same way in the same run: that is the
framework's own limit on this machine, so the ratio says what the graph work
costs. Load is bounded in time *and* in count.

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
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
    if cache_ttl_s is not None:  # honoured once Settings declares api_cache_ttl_s
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


def load(base: str, paths: Sequence[str], seconds: float, concurrency: int,
         max_requests: int = MAX_REQUESTS) -> dict[str, Any]:
    """Return requests/s, p50/p99 latency (ms) and error count of GETs cycling over ``paths``.

    ``concurrency`` threads, each with its own keep-alive client, send requests back to
    back until ``seconds`` have passed or ``max_requests`` were sent; a short warm-up is
    not counted.
    """
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    counter = iter(range(max_requests))
    lock = threading.Lock()
    stop_at = [0.0]

    def worker(i: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            for p in paths[:3]:  # warm-up: connection, caches
                client.get(p)
            start_barrier.wait()
            k = i
            while time.perf_counter() < stop_at[0]:
                with lock:
                    if next(counter, None) is None:
                        return
                path = paths[k % len(paths)]
                k += concurrency
                t0 = time.perf_counter()
                try:
                    ok = client.get(path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies[i].append((time.perf_counter() - t0) * 1000)
                if not ok:
                    errors[i] += 1

    start_barrier = threading.Barrier(concurrency + 1)
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(concurrency)]
    for t in threads:
        t.start()
    stop_at[0] = time.perf_counter() + 3600  # set for real once every worker is warm
    start_barrier.wait()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    for t in threads:
        t.join(seconds + 60)
    elapsed = time.perf_counter() - began
    flat = [x for lat in latencies for x in lat]
    return {"requests": len(flat), "errors": sum(errors), "seconds": round(elapsed, 2),
            "rps": round(len(flat) / elapsed, 1) if elapsed > 0 else None,
            "p50_ms": _r(percentile(flat, 0.50)), "p99_ms": _r(percentile(flat, 0.99)),
            "mean_ms": _r(statistics.fmean(flat)) if flat else None}


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
                  cache_ttl_s: float | None = None) -> dict[str, Any]:
    """Return {"rows": [...], "server_rss_mb", ...}: req/s and p50/p99 per endpoint, trivial endpoint first.

    Rows: ``trivial /health/live`` (baseline), ``lineage up``, ``lineage down`` (when directive
    ids exist) and ``duties`` (paginated, limit 100); each with ``ratio_rps`` = rps / trivial rps.
    Inputs not given are discovered through the API itself.
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
            plan.append(("duties", [f"/agencies/{quote(i, safe='')}/duties?limit=100" for i in agencies]))
        rows = []
        for name, paths in plan:
            figures = load(base, paths, seconds, concurrency, max_requests)
            rows.append({"name": name, "inputs": len(paths), **figures})
        base_rps = rows[0]["rps"] or None
        for r in rows:
            r["ratio_rps"] = round(r["rps"] / base_rps, 3) if (base_rps and r["rps"]) else None
        return {"base_url": base, "concurrency": concurrency, "seconds": seconds, "workers": workers,
                "cache_ttl_s": cache_ttl_s, "rows": rows, "server_rss_mb": _rss_mb(pid) if pid else None}


def format_table(result: dict[str, Any]) -> str:
    """Return the result as a plain-text table (endpoint, req/s, p50, p99, errors, ratio to trivial)."""
    head = f"{'endpoint':<22}{'inputs':>7}{'requests':>10}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'vs trivial':>12}"
    lines = [head, "-" * len(head)]
    for r in result["rows"]:
        lines.append(f"{r['name']:<22}{r['inputs']:>7}{r['requests']:>10}{_f(r['rps']):>10}{_f(r['p50_ms']):>9}"
                     f"{_f(r['p99_ms']):>9}{r['errors']:>8}{_f(r['ratio_rps']):>12}")
    cache = result.get("cache_ttl_s")
    lines.append(f"concurrency {result['concurrency']}, {result['seconds']} s per endpoint, "
                 f"{result['workers']} server worker(s), server peak RSS {result['server_rss_mb']} MB, "
                 f"lineage cache {'default' if cache is None else f'{cache} s'}")
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
                    help="CASCADE_API_CACHE_TTL_S for the started server (0 = measure without the lineage cache)")
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
                               cache_ttl_s=args.cache_ttl)
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
