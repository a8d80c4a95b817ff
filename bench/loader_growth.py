"""Where the loader's write time grows with the graph: each statement timed into a big graph and into an empty one.

``python -m bench.loader_growth URL GRAPH FILES... [--docs N] [--seed S]`` plans ``N``
documents from ``FILES`` (folders are searched recursively) the way ``cascade ingest``
does, writes the first half in groups into an empty scratch graph on the same server and
the second half into ``GRAPH`` (an already loaded graph, e.g. the M corpus), timing
every statement, and prints milliseconds per document for each. Writing into ``GRAPH``
changes it: point it at a scratch copy, not at a graph people use.

Issue #6: at M, statements that rewrote unchanged nodes grew most (load_stubs 0.8 -> 3.4,
load_agencies 0.8 -> 1.2 ms per document), because FalkorDB re-indexes a node on every
SET even to the same value; those statements now skip rows that change nothing.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from pathlib import Path


def timed_writes(graph, plans: list, batch_size: int = 500,
                 count: dict[str, int] | None = None) -> dict[str, float]:
    """Write ``plans`` in ingest's groups into ``graph``; return seconds spent per statement name.

    ``count``, when given, is incremented with the number of statements sent per name.
    """
    from cascade import queries
    from cascade.loader import GROUP_DOCS, statements

    names = {q.text: q.name for q in queries.list_queries() if q.name.startswith("load_")}
    spent: dict[str, float] = collections.defaultdict(float)
    fingerprints = queries.text("load_fingerprint")
    for i in range(0, len(plans), GROUP_DOCS):
        group = plans[i:i + GROUP_DOCS]
        held = {r["id"] for r in graph.read(fingerprints, {"ids": [p.doc_id for p in group]})}
        for text, params in statements(group, batch_size, new=[p.doc_id for p in group if p.doc_id not in held]):
            t = time.perf_counter()
            graph.write([(text, params)])
            spent[names.get(text, "other")] += time.perf_counter() - t
            if count is not None:
                count[names.get(text, "other")] += 1
    return spent


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; prints the table and returns the exit code."""
    from cascade.graph import FalkorGraph
    from cascade.loader import prepare

    ap = argparse.ArgumentParser(prog="python -m bench.loader_growth", description=__doc__.splitlines()[0])
    ap.add_argument("url")
    ap.add_argument("graph")
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--docs", type=int, default=640)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    files = sorted(str(f) for p in a.files for f in ([p] if p.is_file() else p.rglob("*")) if Path(f).is_file())
    random.Random(a.seed).shuffle(files)
    plans = [p for status, p in map(prepare, files[:a.docs]) if status == "ok"]
    half = len(plans) // 2
    if not half:
        print("no document could be planned", file=sys.stderr)
        return 1
    scratch = FalkorGraph(a.url, "bench_loader_growth_scratch")
    big = FalkorGraph(a.url, a.graph)
    try:
        scratch.clear()
        scratch.apply_schema()
        empty = timed_writes(scratch, plans[:half])
        loaded = timed_writes(big, plans[half:])
    finally:
        scratch.clear()
        scratch.close()
        big.close()
    n_big = len(plans) - half
    print(f"{'statement':30} {'empty graph ms/doc':>19} {a.graph + ' ms/doc':>19}")
    for name in sorted(set(empty) | set(loaded), key=lambda k: -loaded.get(k, 0.0)):
        print(f"{name:30} {empty.get(name, 0.0) / half * 1000:19.3f} {loaded.get(name, 0.0) / n_big * 1000:19.3f}")
    print(f"{'total':30} {sum(empty.values()) / half * 1000:19.3f} {sum(loaded.values()) / n_big * 1000:19.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
