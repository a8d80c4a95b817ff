"""Profile the parser (issue #3 / #6 "sample-sized documents/s per core").

``python -m bench.profile_parse [--passes N] [--top K] [paths...]`` reads the
documents once (reading is not part of the figure: ``parse_raw`` starts from a
``RawDocument``), then parses them ``N`` times and prints

* documents/s and MB/s of CPU time (``time.process_time``, so a busy machine gives
  nearly the figure of an idle one): on the first sight of each document (what a
  corpus of unseen documents costs; the mention-level caches start empty), then the
  best of ``--repeat`` runs of ``N`` passes (warm caches: the same documents again);
* the share of each pipeline stage (clean, header, references, tasks, …);
* the top functions by cumulative and by own time (cProfile).

Defaults to the four real samples of ``corpus/samples``. This is a tool for
finding hot spots, not a benchmark with a baseline (that is ``bench.run``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

from ingest import pipeline, read
from ingest.errors import IngestError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"


def load(paths: list[Path]) -> list:
    """Return the ``RawDocument`` of every readable file among ``paths`` (directories are walked)."""
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p])
    docs = []
    for f in files:
        try:
            docs.append(read.read_file(f))
        except IngestError:
            continue
    return docs


def rate(docs: list, passes: int) -> tuple[float, float]:
    """Return (documents/s, MB/s) of CPU time for ``passes`` parses of ``docs``."""
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    start = time.process_time()
    for _ in range(passes):
        for d in docs:
            pipeline.parse_raw(d)
    spent = max(time.process_time() - start, 1e-9)
    return len(docs) * passes / spent, size * passes / spent / 1e6


def stage_shares(stats: pstats.Stats, total: float) -> list[tuple[str, float]]:
    """Return (stage function, share of total time) for the pipeline's stage entry points."""
    wanted = {
        ("clean.py", "clean"), ("header.py", "analyse_header"),
        ("references.py", "references_from"), ("tasks.py", "find_tasks"),
        ("assemble.py", "assemble"),
    }
    out = []
    for (file, _line, fn), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if (Path(file).name, fn) in wanted:
            out.append((f"{Path(file).stem}.{fn}", ct / total if total else 0.0))
    return sorted(out, key=lambda x: -x[1])


def main(argv: list[str] | None = None) -> int:
    """Parse the documents, print the figures; return the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[SAMPLES])
    ap.add_argument("--passes", type=int, default=20)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--repeat", type=int, default=3, help="measure this many times, report the best (load-robust)")
    args = ap.parse_args(argv)
    docs = load(args.paths)
    if not docs:
        print("no readable documents", file=sys.stderr)
        return 1
    pipeline.parse_raw(docs[0])  # warm lazy loads (data files, compiled patterns)
    first_dps, first_mbps = rate(docs, 1)  # the first sight of each document (only docs[0] was seen)
    dps, mbps = max(rate(docs, args.passes) for _ in range(max(1, args.repeat)))
    print(f"{len(docs)} documents, first pass: {first_dps:.1f} docs/s, {first_mbps:.2f} MB/s (CPU time, one core)")
    print(f"{len(docs)} documents x {args.passes} passes, best of {args.repeat}: "
          f"{dps:.1f} docs/s, {mbps:.2f} MB/s (CPU time, one core)")
    if args.top <= 0:
        return 0
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(max(1, args.passes // 4)):
        for d in docs:
            pipeline.parse_raw(d)
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    print("\nstage shares (cumulative, under the profiler):")
    for name, share in stage_shares(stats, total):
        print(f"  {name:32s} {share:6.1%}")
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats(key).print_stats(args.top)
        print(f"\ntop {args.top} by {key}:")
        print("\n".join(buf.getvalue().splitlines()[6:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
