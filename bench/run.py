"""Benchmarks at a size (issue #6): every figure next to a baseline measured in the same run.

``python -m bench.run --size S|M|L`` (``make bench`` runs S) generates the
corpus if needed (``bench/corpus/<size>``), then measures

1. parse: documents/s and MB/s on one core and with N worker processes
   (baseline: one pass of the parser's own symbol regex over the same bytes,
   the floor of any parser);
2. ingest: graph elements/s into a fresh embedded FalkorDB, end to end from the
   files, parsing in worker processes while the main process loads (baseline:
   the loader's own rows, grouped across documents and sent as raw batched
   ``UNWIND`` statements, timing only the writes); peak RSS along the way;
3. lineage up / down / full cascade and agency duties: p50/p99 latency in the
   store (baselines: SQLite recursive CTE over the same data, and a plain
   in-memory dict walk, the physical limit);
4. API: requests/s and p99 under concurrent load against a live server
   (baseline: a trivial endpoint of the same app), via ``bench.api_bench``;
5. memory: peak RSS of ingest (loader and parse workers), of the FalkorDB
   server and of the API server.

Each section prints a table (figure, baseline, ratio = figure / baseline,
target, pass/fail against the issue's L targets, informational at other
sizes); the whole run is appended to ``bench/results.json`` with the machine's
description.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import inspect
import json
import multiprocessing as mp
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import generate as gen

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results.json"
SAMPLES = ROOT / "corpus" / "samples"

#: Issue #6 targets (at L, on a 2-core machine). "higher" = figure must be >= target.
TARGETS: dict[str, tuple[float, str]] = {
    "parse sample-sized docs/s/core": (200.0, "higher"),
    "ingest elements/s": (20_000.0, "higher"),
    "lineage up p99 (API) ms": (10.0, "lower"),
    "lineage up p99 at 1000 req/s (API) ms": (10.0, "lower"),  # open loop: the latency at the throughput target
    "lineage up req/s (API)": (1000.0, "higher"),
    "cascade down p99 (store) ms": (100.0, "lower"),
    "duties p99 (store, paginated) ms": (50.0, "lower"),
    "duties p99 (API, paginated) ms": (50.0, "lower"),
    "cascade down p99 store / SQLite CTE": (1.0, "lower"),  # "at least as fast as the SQLite recursive CTE"
}


# --------------------------------------------------------------------------- rows and tables


@dataclass
class Row:
    """One benchmark figure with its same-run baseline."""

    bench: str
    metric: str
    figure: float | None
    unit: str = ""
    baseline: float | None = None
    baseline_label: str = ""
    target: float | None = None
    direction: str = ""  # "higher" | "lower"
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """Return figure / baseline (None when either is missing or the baseline is 0)."""
        if self.figure is None or not self.baseline:
            return None
        return self.figure / self.baseline

    @property
    def passed(self) -> bool | None:
        """Return True/False against the target, None when there is no target or no figure."""
        if self.target is None or self.figure is None:
            return None
        return self.figure >= self.target if self.direction == "higher" else self.figure <= self.target

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON record of the row (with ratio and pass)."""
        d = asdict(self)
        d["ratio"] = self.ratio
        d["pass"] = self.passed
        return d


def row(bench: str, metric: str, figure: float | None, unit: str = "", baseline: float | None = None,
        baseline_label: str = "", target_key: str | None = None, note: str = "", **extra: Any) -> Row:
    """Return a Row, attaching the issue's target when ``target_key`` names one."""
    target, direction = TARGETS.get(target_key or "", (None, ""))
    return Row(bench, metric, figure, unit, baseline, baseline_label, target, direction, note, extra)


def _fmt(x: float | None) -> str:
    if x is None:
        return "n/a"
    if x == 0:
        return "0"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def format_rows(title: str, rows: Sequence[Row]) -> str:
    """Return a fixed-width table of rows: metric, figure, baseline, ratio, target, pass."""
    out = [f"== {title}",
           f"{'metric':<38} {'figure':>12} {'unit':<9} {'baseline':>12} {'(baseline)':<22} {'ratio':>8} "
           f"{'target':>10} {'pass':<5}"]
    for r in rows:
        tgt = "" if r.target is None else f"{'>=' if r.direction == 'higher' else '<='}{_fmt(r.target)}"
        ok = {True: "PASS", False: "FAIL", None: ""}[r.passed]
        out.append(f"{r.metric:<38} {_fmt(r.figure):>12} {r.unit:<9} {_fmt(r.baseline):>12} {r.baseline_label[:22]:<22} "
                   f"{_fmt(r.ratio):>8} {tgt:>10} {ok:<5}" + (f"  {r.note}" if r.note else ""))
    return "\n".join(out)


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, Any]:
    """Return the machine description stored with every result: CPU model, cores, RAM, Python, OS, date."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_kb = int(line.split()[1])
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(ram_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        # Other work on the machine skews every figure: record how busy it was when the run started.
        "loadavg_1m": round(os.getloadavg()[0], 2),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def vm_hwm_kb(pid: int) -> int | None:
    """Return the peak resident set (VmHWM, kB) of a live process from /proc, or None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


# --------------------------------------------------------------------------- timing helpers


def percentile(values: Sequence[float], q: float) -> float:
    """Return the ``q``-quantile (0..1) of ``values`` by nearest rank."""
    s = sorted(values)
    if not s:
        return float("nan")
    k = min(len(s) - 1, max(0, int(round(q * (len(s) - 1)))))
    return s[k]


def latencies(fn: Callable[[Any], Any], args: Sequence[Any], n: int, warmup: int = 3,
              budget_s: float = 30.0) -> list[float]:
    """Return up to ``n`` call latencies in ms of ``fn(arg)``, cycling over ``args`` after ``warmup`` calls.

    Stops early once ``budget_s`` seconds are spent (a slow query still gets a
    figure from the samples taken); exceptions propagate to the caller.
    """
    start = time.perf_counter()
    for a in list(args)[:warmup]:
        fn(a)
        if time.perf_counter() - start > budget_s / 3:
            break
    out: list[float] = []
    start = time.perf_counter()
    for i in range(n):
        a = args[i % len(args)]
        t = time.perf_counter()
        fn(a)
        out.append((time.perf_counter() - t) * 1000)
        if time.perf_counter() - start > budget_s:
            break
    return out


# --------------------------------------------------------------------------- corpus


def ensure_corpus(size: str, seed: int, corpus: Path, workers: int) -> dict[str, Any]:
    """Return the manifest of the corpus at ``corpus``, generating it when missing or of another size/seed/generator."""
    m = corpus / "manifest.json"
    if m.exists():
        manifest = json.loads(m.read_text())
        if manifest.get("size") == size and manifest.get("seed") == seed \
                and manifest.get("generator", 1) == gen.GENERATOR_VERSION:
            return manifest
    print(f"generating corpus {size} (seed {seed}) in {corpus} ...", flush=True)
    return gen.generate(size, corpus, seed, workers)


def sample_files(corpus: Path, limit: int | None, seed: int, whole_chains: bool = False) -> list[Path]:
    """Return the corpus files, or ``limit`` of them: a deterministic random subset, or the first ones in order.

    ``whole_chains`` keeps the generator's order (chain by chain), so a
    limited ingest holds complete cascades and lineage queries see their
    real size rather than fragments.
    """
    files = list(gen.iter_files(corpus))
    if limit is not None and len(files) > limit:
        files = files[:limit] if whole_chains else sorted(random.Random(seed).sample(files, limit))
    return files


# --------------------------------------------------------------------------- 1. parse


def _regex_pass(path: str) -> int:
    from ingest.patterns import SYMBOL

    text = Path(path).read_bytes().decode("utf-8")
    return sum(1 for _ in SYMBOL.finditer(text))


def _parse_one(path: str) -> int:
    from ingest import IngestError, parse_file

    try:
        return len(parse_file(path).tasks)
    except IngestError:
        return -1


def _parse_chunk(paths: list[str]) -> int:
    return sum(1 for p in paths if _parse_one(p) >= 0)


def _mention_caches() -> list[Any]:
    """Return the parser's per-mention ``lru_cache``s (not the one-entry data loaders).

    Clearing them before a pass over documents already parsed makes the pass cost
    what a first sight costs (a pessimistic bound: the names every document shares,
    warm on a real corpus, are cleared too).
    """
    import importlib
    import pkgutil

    import ingest

    out = []
    for info in pkgutil.iter_modules(ingest.__path__):
        for obj in vars(importlib.import_module(f"ingest.{info.name}")).values():
            if hasattr(obj, "cache_clear") and hasattr(obj, "cache_info") and obj.cache_info().maxsize not in (1, None):
                out.append(obj)
    return out


def bench_real_samples(passes: int = 5) -> list[Row]:
    """Return the parse rate of the real samples at first sight: best of ``passes`` with the mention caches cleared.

    The generated corpus is more regular than real plans (fewer words per
    task, fewer assignee shapes), so its MB/s flatters the parser; this row is
    the target's own measure, the real samples themselves.
    """
    from ingest import parse_file

    paths = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    if not paths:
        return []
    nbytes = sum(Path(p).stat().st_size for p in paths)
    caches = _mention_caches()
    best, best_regex = float("inf"), float("inf")
    for _ in range(passes):
        for c in caches:
            c.cache_clear()
        t = time.process_time()
        for p in paths:
            parse_file(p)
        best = min(best, time.process_time() - t)
        t = time.process_time()
        for p in paths:
            _regex_pass(p)
        best_regex = min(best_regex, time.process_time() - t)
    n = len(paths)
    return [row("parse", "parse real samples docs/s/core (first sight)", n / best, "docs/s", n / best_regex,
                "regex pass, 1 core", target_key="parse sample-sized docs/s/core",
                note=f"{n} samples, {nbytes / 1e3:.0f} kB, CPU time, best of {passes} with mention caches cleared")]


def bench_parse(files: list[Path], workers: int) -> list[Row]:
    """Return the parse rows: 1 core and N processes, against a single regex pass over the same bytes."""
    paths = [str(p) for p in files]
    nbytes = sum(p.stat().st_size for p in files)
    mb = nbytes / 1e6
    sample_sizes = [p.stat().st_size for p in SAMPLES.glob("*.txt")] or [nbytes / max(1, len(files))]
    sample_kb = statistics.mean(sample_sizes) / 1e3

    t = time.perf_counter()
    for p in paths:
        _regex_pass(p)
    t_regex = time.perf_counter() - t

    _parse_one(paths[0])  # import and compile outside the timing
    t = time.perf_counter()
    errors = sum(1 for p in paths if _parse_one(p) < 0)
    t_one = time.perf_counter() - t

    chunks = [paths[i:i + 16] for i in range(0, len(paths), 16)]
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_parse_chunk, chunks[:workers]))  # warm the workers
        t = time.perf_counter()
        list(pool.map(_parse_chunk, chunks))
        t_n = time.perf_counter() - t

    n = len(paths)
    sample_docs_per_core = (mb / t_one) * 1e3 / sample_kb  # MB/s over the mean size of the real samples
    return [
        row("parse", "parse docs/s (1 core)", n / t_one, "docs/s", n / t_regex, "regex pass, 1 core",
            note=f"{n} files, {mb:.1f} MB, {errors} errors"),
        row("parse", "parse MB/s (1 core)", mb / t_one, "MB/s", mb / t_regex, "regex pass, 1 core"),
        row("parse", "parse sample-sized docs/s/core", sample_docs_per_core, "docs/s", None, "",
            target_key="parse sample-sized docs/s/core", note=f"mean real sample {sample_kb:.1f} kB"),
        *bench_real_samples(),
        row("parse", f"parse docs/s ({workers} processes)", n / t_n, "docs/s", n / t_one, "parse, 1 core",
            note="ratio = parallel speed-up"),
        row("parse", f"parse MB/s/core ({workers} processes)", mb / t_n / workers, "MB/s", mb / t_regex,
            "regex pass, 1 core"),
    ]


# --------------------------------------------------------------------------- 2. ingest


def _parse_for_load(paths: list[str]) -> list[Any]:
    """Parse a chunk of files in a worker; return ParseResults, or error strings for files that fail."""
    from ingest import IngestError, parse_file

    out: list[Any] = []
    for p in paths:
        try:
            out.append(parse_file(p))
        except IngestError as exc:
            out.append(f"{p}: {exc}")
    return out


def parsed_stream(paths: list[str], workers: int, chunk: int = 16, ahead: int = 4) -> Iterator[Any]:
    """Yield ParseResults (or error strings) in file order, parsing in ``workers`` processes.

    At most ``ahead`` chunks per worker are in flight, so memory stays bounded
    however large the corpus and however slow the consumer (no unbounded
    result queue as with ``Pool.imap``).
    """
    chunks = [paths[i:i + chunk] for i in range(0, len(paths), chunk)]
    window: collections.deque[Future] = collections.deque()
    with ProcessPoolExecutor(workers) as pool:
        it = iter(chunks)
        for c in it:
            window.append(pool.submit(_parse_for_load, c))
            if len(window) >= ahead * workers:
                break
        while window:
            done = window.popleft().result()
            nxt = next(it, None)
            if nxt is not None:
                window.append(pool.submit(_parse_for_load, nxt))
            yield from done


def _rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _ingest_child(url: str, name: str, paths: list[str], workers: int, batch_size: int, q: Any,
                  group_docs: int | None = None) -> None:
    """Child process: end-to-end ingest of ``paths`` into graph ``name`` exactly as ``cascade ingest`` does it
    (``cascade.loader.prepare`` in ``workers`` parse processes, ``load_stream`` group writes); puts its figures on ``q``."""
    from cascade.cli import _parsed
    from cascade.graph import FalkorGraph
    from cascade.loader import GROUP_DOCS, load_stream, prepare

    graph = FalkorGraph(url, name)
    graph.clear()
    graph.apply_schema()
    sent = {"writes": 0, "statements": 0}
    write, write_after_read = graph.write, graph.write_after_read

    def counting_write(stmts: Any) -> None:
        sent["writes"] += 1
        sent["statements"] += len(stmts)
        write(stmts)

    def counting_write_after_read(query: str, params: dict, build: Any) -> Any:
        last: list = []

        def counted(rows: Any) -> Any:
            last[:] = [build(rows)]
            return last[0]

        rows = write_after_read(query, params, counted)
        if last and last[0]:
            sent["writes"] += 1
            sent["statements"] += len(last[0])
        return rows

    graph.write = counting_write  # type: ignore[method-assign]
    graph.write_after_read = counting_write_after_read  # type: ignore[method-assign]
    checkpoints: dict[str, int] = {}
    pace: dict[str, float] = {}  # seconds since start at each quarter: a growing step means per-document cost grows
    n = len(paths)
    marks = {max(1, n * k // 4): f"{25 * k}%" for k in (1, 2, 3, 4)}
    errors = 0
    t = time.perf_counter()
    outcomes = load_stream(graph, _parsed([Path(p) for p in paths], prepare, workers), batch_size,
                           group_docs=group_docs or GROUP_DOCS)
    for i, o in enumerate(outcomes, 1):
        if o.error is not None:
            errors += 1
        if i in marks:
            checkpoints[marks[i]] = _rss_kb()
            pace[marks[i]] = time.perf_counter() - t
    elapsed = time.perf_counter() - t
    counts = graph.counts()
    graph.close()
    q.put({"seconds": elapsed, "errors": errors, "counts": counts, "rss_checkpoints_kb": checkpoints, "pace_s": pace,
           "loader_rss_kb": _rss_kb(), "workers_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
           "writes": sent["writes"], "statements": sent["statements"], "group_docs": group_docs or GROUP_DOCS})



def collect_rows(paths: list[str], workers: int, dest: Path, docs_per_round: int = 500) -> int:
    """Write the loader's own rows, grouped by statement per round of documents, to ``dest`` (a pickle stream).

    Returns the number of rounds. Rows of ``docs_per_round`` documents are
    grouped by statement text (cleanup statements dropped), so replaying them
    is the raw batched ``UNWIND`` load of exactly what ingest writes. Streaming:
    one round in memory at a time.
    """
    import pickle

    from cascade import queries
    from cascade.loader import LoadError, plan

    cleanup = queries.text("load_cleanup")
    rounds = 0
    groups: dict[str, list[dict]] = collections.defaultdict(list)
    docs = 0
    with dest.open("wb") as fh:
        for res in parsed_stream(paths, workers):
            if isinstance(res, str):
                continue
            try:
                stmts, _ = plan(res, 10**9)
            except LoadError:
                continue
            for text, params in stmts:
                if text != cleanup and "rows" in params:
                    groups[text].extend(params["rows"])
            docs += 1
            if docs % docs_per_round == 0:
                pickle.dump(dict(groups), fh)
                rounds += 1
                groups = collections.defaultdict(list)
        if groups:
            pickle.dump(dict(groups), fh)
            rounds += 1
    return rounds


def replay_rows(graph: Any, src: Path, batch_size: int) -> float:
    """Send the rows of ``collect_rows`` as raw batched UNWIND statements; return the seconds spent writing.

    Each round goes in the loader's statement order (documents, jurisdictions,
    agencies, stubs, edges, tasks, assignments...), ``batch_size`` rows per
    statement and one statement per write: no per-document transaction, no
    cleanup. Reading the file is not timed.
    """
    import pickle

    from cascade import queries
    from cascade.loader import PARTS

    order = {queries.text(n): i for i, n in enumerate(dict.fromkeys(name for _, name in PARTS))}
    spent = 0.0
    with src.open("rb") as fh:
        while True:
            try:
                groups = pickle.load(fh)
            except EOFError:
                break
            t = time.perf_counter()
            for text in sorted(groups, key=lambda x: order.get(x, len(order))):
                rows = groups[text]
                for i in range(0, len(rows), batch_size):
                    graph.write([(text, {"rows": rows[i:i + batch_size]})])
            spent += time.perf_counter() - t
    return spent


def profile_loader(graph: Any, paths: list[str], batch_size: int) -> list[Row]:
    """Return where a group write spends its time: the statements of ``cascade ingest``'s group writes timed one by one.

    The documents are loaded, in groups as ingest makes them, into a scratch graph next
    to ``graph`` (same server; dropped afterwards), so every figure is a first ingest. The
    first group (at most half the documents) is written untimed: a fresh graph's first statements pay one-off costs
    (session 8's L run timed 30 documents in one group and read a 0.45 s stall of the
    server, just after the big ingest, as load_agencies costing 60% of the write).
    """
    from bench.loader_growth import timed_writes
    from cascade.graph import FalkorGraph
    from cascade.loader import GROUP_DOCS, prepare

    t = time.perf_counter()
    plans = list({p.doc_id: p for status, p in map(prepare, paths) if status == "ok"}.values())
    t_parse = time.perf_counter() - t
    if not plans:
        return [row("ingest profile", "loader profile", None, note="no document could be planned")]
    parse_ms = t_parse / len(plans) * 1000
    parsed = len(plans)
    cut = min(GROUP_DOCS, len(plans) // 2)
    warm, plans = plans[:cut], plans[cut:]
    scratch = FalkorGraph(graph.url, "bench_profile")
    count: dict[str, int] = collections.defaultdict(int)
    try:
        scratch.clear()
        scratch.apply_schema()
        timed_writes(scratch, warm, batch_size)
        spent = timed_writes(scratch, plans, batch_size, count)
    finally:
        scratch.clear()
        scratch.close()
    docs = len(plans)
    total = sum(spent.values())
    rows = [row("ingest profile", "parse + plan per document", parse_ms, "ms/doc",
                note=f"{parsed} documents, one process"),
            row("ingest profile", "group write per document", total / docs * 1000, "ms/doc",
                note=f"{sum(count.values())} statements for {docs} documents in groups of up to {GROUP_DOCS}, "
                    f"after {len(warm)} untimed")]
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        rows.append(row("ingest profile", f"{name} per document", sec / docs * 1000, "ms/doc",
                        note=f"{100 * sec / total:.0f}% of write time, {count[name]} statements"))
    return rows


def _cpu_seconds(pid: int | None) -> float | None:
    """Return the user + system CPU seconds used so far by process ``pid`` (None if unknown)."""
    if not pid:
        return None
    try:
        import psutil

        t = psutil.Process(pid).cpu_times()
        return t.user + t.system
    except Exception:  # noqa: BLE001 - the figure is informational
        return None


def bench_ingest(url: str, paths: list[str], workers: int, batch_size: int, server_pid: int | None,
                 out_dir: Path, raw_limit: int | None = None) -> tuple[list[Row], dict]:
    """Return the ingest rows (end to end vs raw UNWIND of the same rows) and the raw figures.

    ``raw_limit`` replays only the rows of the first ``raw_limit`` files as the baseline (at L
    the full replay, twice, takes over an hour): into an empty graph, which favours the
    baseline, as writes slow down when the graph grows; the row's note says so.
    """
    from cascade.graph import FalkorGraph

    ctx = mp.get_context("fork")
    q = ctx.Queue()
    server_cpu = _cpu_seconds(server_pid)
    p = ctx.Process(target=_ingest_child, args=(url, "bench_ingest", paths, workers, batch_size, q))
    p.start()
    res = q.get()
    p.join()
    after = _cpu_seconds(server_pid)
    server_ms_doc = (after - server_cpu) / len(paths) * 1000 if server_cpu is not None and after is not None else None
    # Derived edges (the lineage closure) are computed by the load, not rows it was given: not counted,
    # so the figure compares with the raw replay of the same rows (which has none).
    from graph_schema.schema import DERIVED_EDGES

    elements = res["counts"]["nodes"] + res["counts"]["edges"] - sum(res["counts"].get(t, 0) for t in DERIVED_EDGES)
    eps = elements / res["seconds"] if res["seconds"] else None

    rows_file = Path(out_dir) / "rows.pickle"
    raw_paths = paths[:raw_limit] if raw_limit else paths
    collect_rows(raw_paths, workers, rows_file)
    raw_eps: dict[int, float | None] = {}
    raw_elements = 0
    for bs in dict.fromkeys((batch_size, 5000)):
        raw = FalkorGraph(url, "bench_raw")
        raw.clear()
        raw.apply_schema()
        t_raw = replay_rows(raw, rows_file, bs)
        raw_counts = raw.counts()
        raw_elements = raw_counts["nodes"] + raw_counts["edges"]
        raw.clear()
        raw.close()
        raw_eps[bs] = raw_elements / t_raw if t_raw else None
    rows_file.unlink()
    t_raw_main = raw_elements / raw_eps[batch_size] if raw_eps.get(batch_size) else None

    ck = res["rss_checkpoints_kb"]
    first, last = ck.get("25%"), ck.get("100%")
    growth = (last / first) if first and last else None
    rows = [
        row("ingest", "ingest elements/s (end to end)", eps, "elem/s", raw_eps[batch_size],
            "raw batched UNWIND" + (f" (first {len(raw_paths):,} files only: a smaller graph, favours the baseline)"
                                    if len(raw_paths) < len(paths) else ""),
            target_key="ingest elements/s",
            note=f"{len(paths)} files, {elements:,} elements ({res['counts']['nodes']:,} nodes), "
                 f"{res['seconds']:.1f} s, {res['errors']} errors"),
        row("ingest", "ingest documents/s (end to end)", len(paths) / res["seconds"], "docs/s",
            note="seconds per quarter of the files: " + "/".join(
                f"{b - a:.1f}" for a, b in zip([0.0, *res["pace_s"].values()], res["pace_s"].values()))),
        row("ingest", "FalkorDB server CPU per document", server_ms_doc, "ms/doc",
            note=f"{res['statements'] / len(paths):.2f} statements/doc in {res['writes']} write transactions "
                 f"(groups of up to {res['group_docs']} documents)"),
        *[row("ingest", f"raw UNWIND elements/s, batch {bs}", v, "elem/s", raw_eps[batch_size],
              f"raw UNWIND, batch {batch_size}", note="effect of batch size") for bs, v in raw_eps.items()
          if bs != batch_size],
        row("memory", "ingest loader peak RSS", res["loader_rss_kb"] / 1024, "MB",
            note="RSS at 25/50/75/100%: " + "/".join(f"{ck[k] / 1024:.0f}" for k in ("25%", "50%", "75%", "100%") if k in ck)),
        row("memory", "ingest RSS growth 25% -> 100%", growth, "x",
            note="bounded (streaming) when close to 1"),
        row("memory", "parse worker peak RSS", res["workers_rss_kb"] / 1024, "MB"),
    ]
    if server_pid:
        hwm = vm_hwm_kb(server_pid)
        rows.append(row("memory", "FalkorDB server peak RSS (VmHWM)", hwm / 1024 if hwm else None, "MB",
                        note=f"graph of {elements:,} elements (+ raw baseline graph, since cleared)"))
    return rows, {"ingest": res, "raw_seconds": t_raw_main, "raw_elements": raw_elements}


# --------------------------------------------------------------------------- 3. queries: store vs SQLite vs dict


def _bench_query(name: str):
    from cascade import queries

    return queries.parse((BENCH_DIR / "cypher" / f"{name}.cypher").read_text(encoding="utf-8"), name=name)


def paged(graph: Any, name: str, page: int = 100_000) -> Iterator[dict[str, Any]]:
    """Yield every row of a paginated bench export query."""
    q = _bench_query(name)
    skip = 0
    while True:
        rows = graph.read(q.text, {"skip": skip, "limit": page})
        yield from rows
        if len(rows) < page:
            return
        skip += page


@dataclass
class Baselines:
    """The same data as the store, in SQLite and in plain dicts."""

    db: sqlite3.Connection
    docs: dict[str, dict[str, Any]]
    up: dict[str, list[str]]
    down: dict[str, list[str]]
    duties: dict[str, list[dict[str, Any]]]


def build_baselines(graph: Any, agencies: Sequence[str] | None = None) -> Baselines:
    """Return SQLite (indexed) and dict copies of the store's documents, lineage edges and assignments.

    With ``agencies``, only their assignments are copied (the duties questions ask about
    no others; at L, paging all ~6M assignments out of the store took over half an hour).
    """
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.executescript("""
        CREATE TABLE doc (id TEXT PRIMARY KEY, symbol TEXT, doc_type TEXT, title TEXT, issuer TEXT, level TEXT,
                          province TEXT, district TEXT, issued_on TEXT, status TEXT);
        CREATE TABLE edge (child TEXT, parent TEXT, type TEXT);
        CREATE TABLE asg (agency TEXT, role TEXT, task TEXT, ordinal INTEGER, section TEXT, text TEXT,
                          deadline_text TEXT, deadline_kind TEXT, due TEXT, period TEXT, doc_id TEXT);
    """)
    docs: dict[str, dict[str, Any]] = {}
    up: dict[str, list[str]] = collections.defaultdict(list)
    down: dict[str, list[str]] = collections.defaultdict(list)
    duties: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    cols = ("id", "symbol", "doc_type", "title", "issuer", "level", "province", "district", "issued_on", "status")
    for r in paged(graph, "bench_documents"):
        docs[r["id"]] = r
        db.execute("INSERT INTO doc VALUES (?,?,?,?,?,?,?,?,?,?)", [r[c] for c in cols])
    for r in paged(graph, "bench_lineage_edges"):
        up[r["child"]].append(r["parent"])
        down[r["parent"]].append(r["child"])
        db.execute("INSERT INTO edge VALUES (?,?,?)", (r["child"], r["parent"], r["type"]))
    acols = ("agency", "role", "task", "ordinal", "section", "text", "deadline_text", "deadline_kind", "due", "period",
             "doc_id")
    assignments = (paged(graph, "bench_assignments") if agencies is None else
                   graph.read(_bench_query("bench_assignments_of").text, {"agencies": list(agencies)}))
    for r in assignments:
        duties[r["agency"]].append(r)
        db.execute("INSERT INTO asg VALUES (?,?,?,?,?,?,?,?,?,?,?)", [r[c] for c in acols])
    for rows in duties.values():
        rows.sort(key=lambda r: (r["doc_id"], r["ordinal"] or 0, r["task"], r["role"]))
    db.executescript("""
        CREATE INDEX edge_child ON edge(child); CREATE INDEX edge_parent ON edge(parent);
        CREATE INDEX asg_agency ON asg(agency, doc_id, ordinal);
    """)
    db.commit()
    return Baselines(db, docs, dict(up), dict(down), dict(duties))


SQL_UP = """
WITH RECURSIVE walk(id, depth) AS (
  SELECT ?, 0
  UNION SELECT e.parent, walk.depth + 1 FROM edge e JOIN walk ON e.child = walk.id WHERE walk.depth < 10)
SELECT d.*, max(walk.depth) AS depth FROM walk JOIN doc d ON d.id = walk.id GROUP BY d.id ORDER BY depth, d.id
"""
SQL_DOWN = SQL_UP.replace("e.parent, walk.depth", "e.child, walk.depth").replace("e.child = walk.id", "e.parent = walk.id")
#: The full cascade as ``cypher/cascade_down.cypher`` answers it, computed from the edges alone:
#: every document below the root within 10 lineage hops, its depth = the SHORTEST chain, its
#: parent = the next document up on such a chain (ties: the smallest id), the same columns and
#: the same order (Cypher sorts nulls last). ``SQL_DOWN`` answers an easier question (the
#: longest depth, no parent); it is kept as the lineage-down baseline and a reference row.
#: tests/test_lineage_shapes.py checks both engines return the same rows.
SQL_CASCADE = """
WITH RECURSIVE walk(id, depth, parent) AS (
  SELECT e.child, 1, e.parent FROM edge e WHERE e.parent = ?1
  UNION SELECT e.child, walk.depth + 1, e.parent FROM edge e JOIN walk ON e.parent = walk.id WHERE walk.depth < 10),
best AS (SELECT id, min(depth) AS depth FROM walk WHERE id <> ?1 GROUP BY id),
hang AS (SELECT w.id, min(w.parent) AS parent FROM walk w JOIN best b ON b.id = w.id AND b.depth = w.depth GROUP BY w.id)
SELECT b.depth AS depth, d.id, d.symbol, d.doc_type, d.title, d.issuer, d.level, d.province, d.district, d.issued_on,
       d.status, h.parent AS parent_id, p.symbol AS parent_symbol
FROM best b JOIN doc d ON d.id = b.id JOIN hang h ON h.id = b.id JOIN doc p ON p.id = h.parent
ORDER BY b.depth, d.province IS NULL, d.province, d.district IS NULL, d.district, d.id
"""
SQL_DUTIES = """
SELECT a.*, d.symbol, d.title, d.issuer FROM asg a JOIN doc d ON d.id = a.doc_id
WHERE a.agency = ? ORDER BY a.doc_id, a.ordinal, a.task, a.role LIMIT ? OFFSET 0
"""


def dict_walk(adj: dict[str, list[str]], docs: dict[str, dict], start: str, depth: int = 10) -> list[dict]:
    """Return the documents reachable from ``start`` over ``adj`` (BFS, longest-depth not needed), with depth."""
    seen = {start: 0}
    frontier = [start]
    d = 0
    while frontier and d < depth:
        d += 1
        nxt = []
        for n in frontier:
            for m in adj.get(n, ()):
                if m not in seen:
                    seen[m] = d
                    nxt.append(m)
        frontier = nxt
    return [dict(docs.get(i, {"id": i}), depth=k) for i, k in seen.items()]


def pick_inputs(graph: Any, seed: int, n: int = 100) -> dict[str, list[str]]:
    """Return benchmark inputs from the store: district plans (up), central directives (down), busiest agencies."""
    rng = random.Random(seed)
    q_level = _bench_query("bench_documents_by_level")
    districts = [r["id"] for r in graph.read(q_level.text, {"level": "district", "limit": 100_000})]
    provinces = [r["id"] for r in graph.read(q_level.text, {"level": "province", "limit": 100_000})]
    leaves = districts or provinces
    central = [r["id"] for r in graph.read(q_level.text, {"level": "central", "limit": 50})]
    agencies = [r["id"] for r in graph.read(_bench_query("bench_busiest_agencies").text, {"limit": 10})]
    return {
        "up": rng.sample(leaves, min(n, len(leaves))) if leaves else [],
        "down": central[:20],
        "agencies": agencies,
    }


class GcMeter:
    """Count the cyclic garbage collector's passes per generation and the milliseconds they take, while active."""

    def __init__(self) -> None:
        self.count = [0, 0, 0]
        self.ms = [0.0, 0.0, 0.0]
        self._t = 0.0

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._t = time.perf_counter()
        else:
            self.count[info["generation"]] += 1
            self.ms[info["generation"]] += (time.perf_counter() - self._t) * 1000

    def __enter__(self) -> GcMeter:
        import gc

        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        import gc

        gc.callbacks.remove(self._callback)


class frozen_heap:  # noqa: N801 - used as a context manager, like contextlib's
    """Move every object alive on entry (the SQLite and dict baselines, the corpus index) out of the cyclic GC.

    Why: a store call under a national directive builds ~800 rows of ~13 values,
    thousands of containers, so the collector runs often; each generation-2 pass
    walks every tracked object of the process, and this process also holds the
    benchmark's own copies of the graph (~60k objects at S). Measured at S on
    this shared 2-core machine (section 3b, "gc"): the 4-5 generation-2 passes
    of 200 cascade samples took 0.3-1.1 s in total, landing on the p99
    samples; with the heap frozen, 2-110 ms. A product process (CLI, API
    worker) does not hold those copies; the API can ``gc.freeze()`` after
    start-up for the same effect (Python docs, ``gc.freeze``).
    """

    def __enter__(self) -> frozen_heap:
        import gc

        gc.collect()
        gc.freeze()
        return self

    def __exit__(self, *exc: object) -> None:
        import gc

        gc.unfreeze()


def bench_queries(graph: Any, base: Baselines, inputs: dict[str, list[str]], n: int, budget_s: float = 30.0) -> list[Row]:
    """Return p50/p99 rows for lineage up/down, full cascade and duties: store vs SQLite CTE vs dict walk.

    The samples are taken with the benchmark's heap frozen (``frozen_heap``):
    the SQLite and dict copies of the graph must not tax the store's latency
    through the garbage collector (section 3b shows the unfrozen figure).
    """
    with frozen_heap():
        return _bench_queries(graph, base, inputs, n, budget_s)


def interleaved(fns: Sequence[Callable[[Any], Any]], args: Sequence[Any], n: int, warmup: int = 3,
                budget_s: float = 30.0) -> list[list[float]]:
    """Return, per function, up to ``n`` call latencies in ms, the functions taking turns on each argument.

    Every sample of every function is taken right next to the others' on the
    same input, so a store figure and its baseline see the same machine (a
    2-core box shared with the FalkorDB server and other work: measured one
    after the other, a noisy minute landed on one side only). The order rotates
    so none always runs first. Stops once ``budget_s`` per function is spent.
    """
    for a in list(args)[:warmup]:
        for fn in fns:
            fn(a)
    out: list[list[float]] = [[] for _ in fns]
    start = time.perf_counter()
    for i in range(n):
        a = args[i % len(args)]
        for k in range(len(fns)):
            j = (i + k) % len(fns)
            t = time.perf_counter()
            fns[j](a)
            out[j].append((time.perf_counter() - t) * 1000)
        if time.perf_counter() - start > budget_s * len(fns):
            break
    return out


def _bench_queries(graph: Any, base: Baselines, inputs: dict[str, list[str]], n: int, budget_s: float) -> list[Row]:
    from cascade import queries
    from cascade.graph import GraphError

    rows: list[Row] = []
    specs = [
        ("lineage up", "up", lambda i: queries.run(graph, "lineage_up", id=i, depth=10),
         lambda i: base.db.execute(SQL_UP, (i,)).fetchall(), lambda i: dict_walk(base.up, base.docs, i), None),
        ("lineage down", "down", lambda i: queries.run(graph, "lineage_down", id=i, depth=10),
         lambda i: base.db.execute(SQL_DOWN, (i,)).fetchall(), lambda i: dict_walk(base.down, base.docs, i), None),
        ("cascade down", "down", lambda i: queries.run(graph, "cascade_down", id=i),
         lambda i: base.db.execute(SQL_CASCADE, (i,)).fetchall(), lambda i: dict_walk(base.down, base.docs, i),
         "cascade down p99 (store) ms"),
        ("duties", "agencies",
         lambda i: queries.run(graph, "api_agency_duties", id=i, role="", due_before="", document="", kind="",
                               groups=[], offset=0, limit=50),
         lambda i: base.db.execute(SQL_DUTIES, (i, 50)).fetchall(), lambda i: base.duties.get(i, [])[:50],
         "duties p99 (store, paginated) ms"),
    ]
    sql_label = {"duties": "SQLite indexed query"}
    for label, key, store, sql, walk, target in specs:
        ids = inputs.get(key) or []
        if not ids:
            rows.append(row("queries", f"{label} p99 (store)", None, "ms", note="no inputs in the graph"))
            continue
        try:
            sizes = [len(store(i)) for i in ids[:5]]
            s, q_, w = interleaved([store, sql, walk], ids, n, budget_s=budget_s)
        except GraphError as exc:
            q_ = latencies(sql, ids, n, budget_s=budget_s)
            rows.append(row("queries", f"{label} p99 (store)", None, "ms", percentile(q_, 0.99), "SQLite recursive CTE",
                            target_key=target, note=f"store failed: {str(exc)[:90]}"))
            continue
        rows += [
            row("queries", f"{label} p50 (store)", percentile(s, 0.5), "ms", percentile(q_, 0.5),
                sql_label.get(label, "SQLite recursive CTE")),
            row("queries", f"{label} p99 (store)", percentile(s, 0.99), "ms", percentile(q_, 0.99),
                sql_label.get(label, "SQLite recursive CTE"), target_key=target,
                note=f"{len(s)} samples over {len(ids)} inputs, ~{statistics.mean(sizes):.0f} rows each"),
            row("queries", f"{label} p99 (dict walk)", percentile(w, 0.99), "ms", percentile(s, 0.99), "store p99",
                note="physical limit; ratio = dict / store"),
        ]
        if label == "cascade down":
            rows.append(row("queries", "cascade down p99 store / SQLite CTE", percentile(s, 0.99) / percentile(q_, 0.99),
                            "x", target_key="cascade down p99 store / SQLite CTE",
                            note="<= 1: at least as fast as SQLite answering the same question (SQL_CASCADE)"))
            easy = latencies(lambda i: base.db.execute(SQL_DOWN, (i,)).fetchall(), ids, n, budget_s=budget_s)
            rows.append(row("queries", "cascade down p99, SQLite easier CTE", percentile(easy, 0.99), "ms",
                            percentile(s, 0.99), "store p99",
                            note="reference: longest depth, no parent, no order (the baseline before session 4)"))
    return rows


def build_closure(graph: Any, ids: Sequence[str]) -> float:
    """Return the ms ``Graph.write_lineage_closure`` takes to recompute the closure of ``ids`` and all below them."""
    t = time.perf_counter()
    graph.write_lineage_closure(ids)
    return (time.perf_counter() - t) * 1000


def bench_variants(graph: Any, base: Baselines, inputs: dict[str, list[str]], n: int, budget_s: float = 15.0) -> list[Row]:
    """Return the effect of the query shape and of a precomputed lineage (closure edges) on lineage latency."""
    from cascade import queries
    from cascade.graph import GraphError

    rows: list[Row] = []
    try:
        under = graph.read("MATCH ()-[u:UNDER]->() RETURN count(u) AS n")[0]["n"]
        rows.append(row("effect", "lineage closure edges (UNDER)", under, "edges",
                        note=f"kept by every load for {len(base.up):,} documents with lineage edges "
                             f"(load_lineage_closure); the upkeep of one write follows"))
        leaf = next((i for i in inputs.get("up", []) if i in base.up), None)
        if leaf:
            rows.append(row("effect", "closure upkeep: one district plan", build_closure(graph, [leaf]), "ms",
                            note=f"ids = [{leaf}]: the plan and nothing below it"))
        below = {d: len(dict_walk(base.down, base.docs, d)) for d in inputs.get("down", [])}
        if below:
            top = max(below, key=below.get)
            rows.append(row("effect", "closure upkeep: one central document", build_closure(graph, [top]), "ms",
                            note=f"ids = [{top}]: {below[top] - 1:,} documents below it recomputed"))
    except GraphError as exc:
        rows.append(row("effect", "closure upkeep", None, "ms", note=f"failed: {str(exc)[:80]}"))
    link = _bench_query("bench_link_write").text
    pairs_rows = [{"c": c, "p": p} for c, ps in base.up.items() for p in dict.fromkeys(ps)]
    for i in range(0, len(pairs_rows), 2000):
        graph.write([(link, {"rows": pairs_rows[i:i + 2000]})])
    parallel = sum(len(ps) for ps in base.up.values())
    rows.append(row("effect", "lineage edges per (child, parent) pair", parallel / max(1, len(pairs_rows)), "x",
                    note=f"{parallel:,} IMPLEMENTS/BASED_ON edges over {len(pairs_rows):,} pairs; max "
                         f"{max((collections.Counter(ps).most_common(1)[0][1] for ps in base.up.values() if ps), default=0)} "
                         f"parallel edges on one pair (one per stating document)"))

    def run_named(name: str, bench: bool) -> Callable[[str], Any]:
        text = _bench_query(name).text if bench else queries.load(name).text
        if "$depth" in text:
            return lambda i: graph.read(text, {"id": i, "depth": 10})
        return lambda i: graph.read(text, {"id": i})

    with frozen_heap():
        for label, key, shipped, variants in (
            ("lineage up", "up", "lineage_up",
             ("bench_lineage_up_distinct", "bench_lineage_up_dedup", "bench_lineage_up_closure")),
            ("lineage down", "down", "lineage_down", ("bench_lineage_down_maps",)),
            ("cascade down", "down", "cascade_down",
             ("bench_cascade_down_paths", "bench_cascade_down_distinct", "bench_cascade_down_dedup",
              "bench_cascade_down_traversal")),
        ):
            ids = inputs.get(key) or []
            if not ids:
                continue
            runnable: list[tuple[str, Callable[[str], Any]]] = []
            for v, bench in ((shipped, False), *((v, True) for v in variants)):
                fn = run_named(v, bench)
                try:
                    fn(ids[0])
                except GraphError as exc:
                    rows.append(row("effect", f"{label} p99: {v}", None, "ms", note=f"failed: {str(exc)[:80]}"))
                else:
                    runnable.append((v, fn))
            # shipped and variants take turns on each input: the same machine for all (see interleaved)
            samples = dict(zip((v for v, _ in runnable),
                               interleaved([fn for _, fn in runnable], ids, n, budget_s=budget_s), strict=True))
            ref = percentile(samples[shipped], 0.99) if shipped in samples else None
            for v, s in samples.items():
                if v == shipped:
                    rows.append(row("effect", f"{label} p99: {shipped} (shipped)", ref, "ms",
                                    note=f"p50 {_fmt(percentile(s, 0.5))} ms"))
                    continue
                rows.append(row("effect", f"{label} p99: {v}", percentile(s, 0.99), "ms", ref, f"{shipped} (shipped)",
                                target_key="cascade down p99 (store) ms" if label == "cascade down" else None,
                                note=f"p50 {_fmt(percentile(s, 0.5))} ms; ratio < 1: faster than shipped"))
    return rows + bench_diagnosis(graph, inputs, n, budget_s, base)


def _falkor_direct(graph: Any) -> Any:
    """Return a falkordb-py graph handle on the same server and graph as ``graph`` (None for other backends).

    The benchmark reads FalkorDB's own "internal execution time" through it, to
    split a query's latency into server work and client-side work.
    """
    url, name = getattr(graph, "url", ""), getattr(graph, "name", "")
    if not str(url).startswith(("redis://", "rediss://")):
        return None
    import falkordb

    return falkordb.FalkorDB.from_url(url).select_graph(name)


def _server_cpu_ms(direct: Any) -> float:
    """Return the FalkorDB server's CPU time so far (user + system, all threads, Redis ``INFO cpu``) in ms."""
    info = direct.client.connection.info("cpu")
    return (float(info["used_cpu_user"]) + float(info["used_cpu_sys"])) * 1000


def cpu_per_call(fn: Callable[[], Any], direct: Any = None, k: int = 20) -> float:
    """Return the CPU ms one call of ``fn`` costs: this process's, plus the FalkorDB server's when ``direct`` is given.

    CPU time, unlike wall time, does not grow when other work shares the
    cores, so store and SQLite compare on the work each does even on a busy
    machine (wall-clock p99 there mostly measures the neighbours).
    """
    fn()
    srv = _server_cpu_ms(direct) if direct is not None else 0.0
    t = time.process_time()
    for _ in range(k):
        fn()
    own = (time.process_time() - t) * 1000
    if direct is not None:
        own += _server_cpu_ms(direct) - srv
    return own / k


def bench_diagnosis(graph: Any, inputs: dict[str, list[str]], n: int, budget_s: float,
                    base: Baselines | None = None) -> list[Row]:
    """Return where the p99 of the downward queries comes from: paths per row, which inputs, server vs client, GC.

    * paths: how many IMPLEMENTS/BASED_ON paths a path-based query enumerates
      per descendant under the largest cascade (a combinatorial explosion would
      show here);
    * inputs: the share of the slowest 5% of samples that come from the inputs
      returning the most rows;
    * split, on the largest input: FalkorDB's own execution time, then the
      reply (serialisation, transfer, falkordb-py decoding), then
      ``cascade.graph``'s conversion to plain values;
    * cpu, on the largest input: CPU ms per call of the store (this process
      plus the FalkorDB server) for the shipped query, the pre-issue-#6 shape
      and the closure, against the SQLite CTE's (see ``cpu_per_call``);
    * gc: the p99 of the full cascade with the benchmark's heap frozen or not,
      with the generation-2 collections that ran meanwhile.
    """
    import contextlib

    from cascade import queries

    ids = inputs.get("down") or []
    if not ids:
        return []
    rows: list[Row] = []
    count_q = _bench_query("bench_lineage_down_paths_count").text
    counts = {i: (graph.read(count_q, {"id": i}) or [{"paths": 0, "documents": 0}])[0] for i in ids}
    biggest = max(ids, key=lambda i: (counts[i]["documents"], i))
    big = counts[biggest]
    rows.append(row("diagnosis", "paths per descendant (largest cascade)", big["paths"] / max(1, big["documents"]), "x",
                    note=f"{big['paths']:,} paths to {big['documents']:,} documents below {biggest}"))
    direct = _falkor_direct(graph)
    specs = (("cascade down", "cascade_down", lambda i: {"id": i}),
             ("lineage down", "lineage_down", lambda i: {"id": i, "depth": 10}))
    for label, name, params in specs:
        text = queries.load(name).text
        per: dict[str, list[float]] = {i: [] for i in ids}
        start = time.perf_counter()
        with frozen_heap():
            for k in range(n):
                i = ids[k % len(ids)]
                t = time.perf_counter()
                graph.read(text, params(i))
                per[i].append((time.perf_counter() - t) * 1000)
                if time.perf_counter() - start > budget_s:
                    break
        samples = sorted(((v, i) for i, vs in per.items() for v in vs), reverse=True)
        slowest = samples[:max(1, len(samples) // 20)]
        large = {i for i in ids if counts[i]["documents"] >= big["documents"] / 2}
        share = sum(1 for _, i in slowest if i in large) / len(slowest)
        worst = ", ".join(f"{i} {counts[i]['documents']} rows p99 {_fmt(percentile(per[i], 0.99))} ms"
                          for i in sorted(large)[:3] if per[i])
        rows.append(row("diagnosis", f"{label}: slowest 5% of samples from the largest cascades", share * 100, "%",
                        note=f"{len(large)} of {len(ids)} inputs return >= half the largest cascade: {worst}"))
        if direct is None:
            continue
        srv: list[float] = []
        via_driver: list[float] = []
        via_read: list[float] = []
        with frozen_heap():
            for _ in range(max(5, min(n, 30))):
                t = time.perf_counter()
                res = direct.ro_query(text, params(biggest))
                via_driver.append((time.perf_counter() - t) * 1000)
                srv.append(float(res.run_time_ms))
                t = time.perf_counter()
                graph.read(text, params(biggest))
                via_read.append((time.perf_counter() - t) * 1000)
        m_srv, m_drv, m_read = (statistics.median(x) for x in (srv, via_driver, via_read))
        rows += [
            row("diagnosis", f"{label} ({biggest}): server execution", m_srv, "ms", m_read, "graph.read total",
                note="FalkorDB's own internal execution time, median"),
            row("diagnosis", f"{label} ({biggest}): reply + falkordb-py decoding", m_drv - m_srv, "ms", m_read,
                "graph.read total", note="serialisation, transfer, RESP and result-set parsing"),
            row("diagnosis", f"{label} ({biggest}): rows to plain values", m_read - m_drv, "ms", m_read,
                "graph.read total", note="cascade.graph.FalkorGraph.read after the driver"),
        ]
    if direct is not None and base is not None:
        with frozen_heap():
            sql_down = cpu_per_call(lambda: base.db.execute(SQL_DOWN, (biggest,)).fetchall())
            for label, name, bench, params in (
                ("cascade down", "cascade_down", False, {"id": biggest}),
                ("cascade down", "bench_cascade_down_paths", True, {"id": biggest}),
                ("cascade down", "bench_cascade_down_traversal", True, {"id": biggest}),
                ("lineage down", "lineage_down", False, {"id": biggest, "depth": 10}),
                ("lineage down", "bench_lineage_down_maps", True, {"id": biggest, "depth": 10}),
            ):
                text = _bench_query(name).text if bench else queries.load(name).text
                cpu = cpu_per_call(lambda: graph.read(text, params), direct)
                rows.append(row("diagnosis", f"{label} CPU per call ({biggest}): {name}", cpu, "ms", sql_down,
                                "SQLite recursive CTE CPU",
                                note="client + FalkorDB server CPU; ratio <= 1: no more work than SQLite"))
                if name in ("cascade_down", "bench_cascade_down_traversal") and \
                        graph._read_via_driver(text, params) == graph.read(text, params):
                    cpu = cpu_per_call(lambda: graph._read_via_driver(text, params), direct)
                    rows.append(row("diagnosis", f"{label} CPU per call ({biggest}): {name}, falkordb-py decoding",
                                    cpu, "ms", sql_down, "SQLite recursive CTE CPU",
                                    note="same rows, decoded by falkordb-py + plain() as before "
                                         "FalkorGraph.read decoded the compact reply itself"))
    text = queries.load("cascade_down").text
    for frozen in (False, True):
        with GcMeter() as meter, (frozen_heap() if frozen else contextlib.nullcontext()):
            s = latencies(lambda i: graph.read(text, {"id": i}), ids, n, budget_s=budget_s)
        rows.append(row("diagnosis", f"cascade down p99, benchmark heap {'frozen' if frozen else 'not frozen'}",
                        percentile(s, 0.99), "ms",
                        note=f"{meter.count[2]} generation-2 GC passes taking {meter.ms[2]:.0f} ms in total "
                             f"during {len(s)} samples"))
    return rows


# --------------------------------------------------------------------------- 4. API


def bench_api(url: str, graph_name: str, inputs: dict[str, list[str]], data_dir: Path, seconds: float,
              concurrency: int = 16, workers: int | None = None) -> list[Row]:
    """Return the API rows from ``bench.api_bench.run_api_bench`` (engineer E's load generator).

    ``run_api_bench`` is called with the keyword arguments its signature
    accepts among: graph_url, graph_name, data_dir, doc_ids, up_ids, down_ids,
    agency_ids, duration/seconds, concurrency. Its result is a list of dicts
    (or one dict with ``rows``) with at least an endpoint/metric name and
    req/s and p99 figures; they are turned into rows next to the trivial
    endpoint's figures when the result names them.
    """
    try:
        from bench.api_bench import run_api_bench
    except ImportError as exc:
        return [row("api", "API benchmark", None, note=f"bench.api_bench unavailable: {exc}")]
    offered = {
        "graph_url": url, "url": url, "graph_name": graph_name, "data_dir": data_dir,
        "doc_ids": inputs.get("up", []), "up_ids": inputs.get("up", []), "down_ids": inputs.get("down", []),
        "agency_ids": inputs.get("agencies", []), "duration": seconds, "seconds": seconds,
        "concurrency": concurrency,
        "workers": workers or os.cpu_count() or 1,  # uvicorn worker processes: one per core
    }
    params = inspect.signature(run_api_bench).parameters
    kwargs = {k: v for k, v in offered.items() if k in params}
    try:
        result = run_api_bench(**kwargs)
    except Exception as exc:  # noqa: BLE001 - a failing API bench must not lose the other figures
        return [row("api", "API benchmark", None, note=f"failed: {type(exc).__name__}: {exc}")]
    return api_rows(result)


def api_rows(result: Any) -> list[Row]:
    """Return Rows from the API bench's result (list of per-endpoint dicts, or a dict holding them)."""
    items = result.get("rows") or result.get("endpoints") or result.get("results") if isinstance(result, dict) else result
    if isinstance(items, dict):
        items = [dict(v, name=k) for k, v in items.items()]
    items = list(items or [])

    def get(d: dict, *keys: str) -> Any:
        for k in keys:
            if d.get(k) is not None:
                return d[k]
        return None

    def name_of(d: dict) -> str:
        return str(get(d, "name", "endpoint", "label", "path") or "?")

    # The baseline of a row is the trivial endpoint measured the same way (closed loop, or at the same rate).
    trivial = {get(d, "offered_rps"): d for d in items
               if any(w in name_of(d).lower() for w in ("trivial", "health", "ping", "baseline"))}
    rows = []
    for d in items:
        name = name_of(d)
        rps, p99, p50 = get(d, "rps", "req_s", "requests_per_s"), get(d, "p99_ms", "p99"), get(d, "p50_ms", "p50")
        low = name.lower()
        kind = "lineage up" if "up" in low and "lineage" in low else "duties" if "dut" in low else None
        offered = get(d, "offered_rps")  # an open-loop row: its req/s is the offered load, not a capacity
        base = trivial.get(offered)
        t_rps = get(base, "rps", "req_s", "requests_per_s") if base else None
        t_p99 = get(base, "p99_ms", "p99") if base else None
        rows.append(row("api", f"{name} req/s", rps, "req/s", t_rps, "trivial endpoint",
                        target_key="lineage up req/s (API)" if kind == "lineage up" and not offered else None))
        errors = get(d, "errors")
        p99_keys = {"lineage up": ("lineage up p99 at 1000 req/s (API) ms" if offered == 1000
                                   else None if offered else "lineage up p99 (API) ms"),
                    "duties": "duties p99 (API, paginated) ms"}
        rows.append(row("api", f"{name} p99", p99, "ms", t_p99, "trivial endpoint",
                        target_key=p99_keys.get(kind or ""),
                        note=(f"p50 {_fmt(p50)} ms" if p50 is not None else "")
                        + (f", {get(d, 'requests')} requests, {errors} errors" if errors is not None else "")))
        mem = get(d, "server_rss_mb", "rss_mb")
        if mem is not None:
            rows.append(row("memory", f"API server peak RSS ({name})", mem, "MB"))
    if isinstance(result, dict) and result.get("server_rss_mb") is not None:
        rows.append(row("memory", "API server peak RSS", result["server_rss_mb"], "MB"))
    return rows


# --------------------------------------------------------------------------- driver


def append_results(entry: dict[str, Any], path: Path = RESULTS) -> None:
    """Append one run to the JSON list in ``path`` (created if missing; a corrupt file is kept aside)."""
    runs: list[Any] = []
    if path.exists():
        try:
            runs = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(runs, list):
                runs = [runs]
        except json.JSONDecodeError:
            path.rename(path.with_suffix(".corrupt.json"))
    runs.append(entry)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(runs, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def run(size: str, *, seed: int = 1, corpus: Path | None = None, workers: int | None = None,
        parse_limit: int | None = 3000, ingest_limit: int | None = None, samples: int = 200,
        api_seconds: float = 5.0, skip: Iterable[str] = (), results: Path = RESULTS,
        out: Path | None = None, profile_docs: int = 320, budget_s: float = 30.0,
        api_concurrency: int = 16, api_workers: int | None = None, raw_limit: int | None = None,
        reuse_db: bool = False) -> dict[str, Any]:
    """Run the benchmarks at ``size``; print the tables; append and return the results entry."""
    from cascade.embedded import EmbeddedServer
    from cascade.graph import FalkorGraph
    from cascade.settings import get_settings

    skip = set(skip)
    workers = workers or os.cpu_count() or 1
    corpus = corpus or BENCH_DIR / "corpus" / size
    out = out or BENCH_DIR / "out" / size
    manifest = ensure_corpus(size, seed, corpus, workers)
    info = machine()
    print(f"Cascade benchmarks, size {size}: {manifest['documents']:,} documents, {manifest['tasks']:,} tasks, "
          f"{manifest['bytes'] / 1e6:.1f} MB | {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB, "
          f"Python {info['python']}", flush=True)
    sections: list[tuple[str, list[Row]]] = []
    clock = [time.perf_counter()]

    def show(title: str, rows: list[Row]) -> None:
        sections.append((title, rows))
        now = time.perf_counter()
        print(format_rows(f"{title}  [{now - clock[0]:.1f} s]", rows), flush=True)
        clock[0] = now

    if "parse" not in skip:
        show("1. parse", bench_parse(sample_files(corpus, parse_limit, seed), workers))

    batch = get_settings().batch_size
    db_dir = out / "db"
    if reuse_db:
        # The graph a previous run of this size ingested (its server is reused if running): only the
        # sections after ingest run, on the schema of this code (apply_schema migrates, e.g. adds the
        # lineage closure of schema 3).
        skip.add("ingest")
        server = EmbeddedServer(db_dir, timeout=1800).start()
        leftover = FalkorGraph(server.url, "bench_raw")  # a raw baseline the previous run did not finish
        leftover.clear()
        leftover.close()
        migrating = FalkorGraph(server.url, "bench_ingest", timeout_s=1800)
        try:
            t = time.perf_counter()
            version = migrating.apply_schema()
            print(f"reused graph in {db_dir}: schema {version} applied in {time.perf_counter() - t:.1f} s", flush=True)
        finally:
            migrating.close()
    else:
        if db_dir.exists():
            shutil.rmtree(db_dir)
        server = EmbeddedServer(db_dir).start()
    try:
        paths = [str(p) for p in sample_files(corpus, ingest_limit, seed, whole_chains=True)]
        if "ingest" not in skip:
            rows, _ = bench_ingest(server.url, paths, workers, batch, server.info.pid if server.info else None, out,
                                   raw_limit)
            show("2. ingest and memory", rows)
            prof = FalkorGraph(server.url, "bench_ingest")
            try:
                show("2b. where a document's load spends its time", profile_loader(prof, paths[:profile_docs], batch))
            finally:
                prof.close()
        # A shorter timeout than the product's 30 s: a query that needs more has failed its target anyway.
        graph = FalkorGraph(server.url, "bench_ingest", timeout_s=10)
        try:
            # Picking inputs (a scan of every assignment for the busiest agencies) and exporting the
            # baselines are not timed queries: at M and L they need more than the 10 s that bound those.
            slow = FalkorGraph(server.url, "bench_ingest", timeout_s=600)
            try:
                inputs = pick_inputs(slow, seed)
                # Beyond S, only the duties inputs' assignments (see build_baselines).
                base = (build_baselines(slow, None if size in ("XS", "S") else inputs.get("agencies", []))
                        if "queries" not in skip else None)
            finally:
                slow.close()
            if base is not None:
                show("3. queries in the store", bench_queries(graph, base, inputs, samples, budget_s))
                show("3b. effect of query shape and precomputed lineage",
                     bench_variants(graph, base, inputs, samples, budget_s / 2))
        finally:
            graph.close()
        if "api" not in skip:
            # A lineage-down request the store cannot answer in time keeps FalkorDB's threads busy and would
            # starve the endpoints measured after it: skip it over HTTP when it already failed in the store.
            store_rows = dict(sections).get("3. queries in the store", [])
            down_failed = any(r.metric == "lineage down p99 (store)" and r.figure is None for r in store_rows)
            api_inputs = dict(inputs, down=[]) if down_failed else inputs
            rows = bench_api(server.url, "bench_ingest", api_inputs, db_dir, api_seconds, api_concurrency, api_workers)
            if down_failed:
                rows.append(row("api", "lineage down (API)", None, "ms",
                                note="not run: the store query already failed in section 3"))
            show("4. API under load", rows)
    finally:
        server.stop()

    entry = {
        "size": size,
        "seed": seed,
        "machine": info,
        "corpus": manifest,
        "workers": workers,
        "batch_size": batch,
        "reused_db": reuse_db,
        "sections": {title: [r.to_dict() for r in rows] for title, rows in sections},
    }
    append_results(entry, results)
    print(f"appended to {results}")
    return entry


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="S", choices=sorted(gen.SIZES))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=None, help="corpus directory (default bench/corpus/<size>)")
    ap.add_argument("--workers", type=int, default=None, help="parse processes (default: all cores)")
    ap.add_argument("--parse-limit", type=int, default=3000, help="files timed by the parse bench (0 = all)")
    ap.add_argument("--ingest-limit", type=int, default=0, help="files ingested (0 = all)")
    ap.add_argument("--samples", type=int, default=200, help="latency samples per query")
    ap.add_argument("--api-seconds", type=float, default=5.0, help="duration of each API load run")
    ap.add_argument("--budget", type=float, default=30.0, help="max seconds of samples per query and engine")
    ap.add_argument("--api-concurrency", type=int, default=16, help="concurrent API clients")
    ap.add_argument("--api-workers", type=int, default=None, help="uvicorn worker processes (default: all cores)")
    ap.add_argument("--raw-limit", type=int, default=0,
                    help="files whose rows the raw UNWIND baseline replays (0 = all; see bench_ingest)")
    ap.add_argument("--reuse-db", action="store_true",
                    help="query the graph a previous run of this size left in bench/out/<size>/db (skips ingest)")
    ap.add_argument("--skip", action="append", default=[], choices=["parse", "ingest", "queries", "api"])
    ap.add_argument("--results", type=Path, default=RESULTS)
    a = ap.parse_args(argv)
    run(a.size, seed=a.seed, corpus=a.corpus, workers=a.workers, parse_limit=a.parse_limit or None,
        ingest_limit=a.ingest_limit or None, samples=a.samples, api_seconds=a.api_seconds, skip=a.skip,
        results=a.results, budget_s=a.budget, api_concurrency=a.api_concurrency,
        api_workers=a.api_workers, raw_limit=a.raw_limit or None, reuse_db=a.reuse_db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
