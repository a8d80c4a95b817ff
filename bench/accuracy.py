"""Extraction accuracy at scale: run the parser over a generated corpus and score it against the ground truth.

``python -m bench.accuracy bench/corpus/S [--limit N] [--workers N]`` prints a
table of

* header fields (symbol, type, issuer, level, province, district, date, signer,
  document id): share of documents where the parser's value equals the truth;
* references: precision / recall / F1 of the referenced document ids, and the
  same with the relation (implements / based_on / cites); stated edges F1;
* tasks: precision / recall / F1 of tasks (a parsed task matches a true task
  of the same document when their texts are nearly equal), and, over matched
  tasks, the share with the right lead(s), support(s) and deadline.

Agencies are compared by canonical name without diacritics: the parser's name
must equal the truth's jurisdiction-scoped name or its unscoped core (a
collective group is compared by its core only).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bench.generate import iter_truth
from bench.heldout_eval import header_values as heldout_header_values
from bench.heldout_eval import norm_text

HEADER_FIELDS = ("symbol", "doc_type", "issuer", "level", "province", "district", "issued_on", "signer", "id")
TASK_MATCH = 85.0  # rapidfuzz ratio (0-100) above which two task texts are the same task


def header_values(doc: dict[str, Any]) -> dict[str, str]:
    """Return the comparable header fields of a ground-truth record or of a parsed ``document`` dict.

    The held-out scorer's fields (one normalisation for both measures) plus the document id.
    """
    return dict(heldout_header_values(doc), id=doc.get("id") or "")


def agency_matches(parsed: str, truth_name: str, truth_core: str) -> bool:
    """Return True if a parsed agency name denotes the true agency (scoped name or unscoped core)."""
    p = norm_text(parsed)
    return p in (norm_text(truth_name), norm_text(truth_core))


def same_agencies(parsed: list[str], names: list[str], cores: list[str]) -> bool:
    """Return True if the parsed list names exactly the true agencies (order-free)."""
    if len(parsed) != len(names):
        return False
    left = list(parsed)
    for n, c in zip(names, cores):
        hit = next((p for p in left if agency_matches(p, n, c)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def same_deadline(parsed: dict | None, truth: dict | None) -> bool:
    """Return True if the parsed deadline normalises like the true one (no deadline = none or 'unspecified' without text)."""
    if truth is None:
        return parsed is None or (parsed.get("kind") in (None, "unspecified") and not parsed.get("due"))
    if parsed is None:
        return False
    return (parsed.get("kind"), parsed.get("due"), parsed.get("period")) == (truth["kind"], truth["due"], truth["period"])


def match_tasks(parsed: list[dict], truth: list[dict]) -> list[tuple[dict, dict]]:
    """Return (truth, parsed) pairs: each true task with its most similar unused parsed task above ``TASK_MATCH``."""
    pairs = []
    used: set[int] = set()
    folded = [norm_text(t.get("text")) for t in parsed]
    for t in truth:
        ft = norm_text(t["text"])
        best, best_i = 0.0, -1
        for i, fp in enumerate(folded):
            if i in used:
                continue
            s = fuzz.ratio(ft, fp)
            if s > best:
                best, best_i = s, i
        if best_i >= 0 and best >= TASK_MATCH:
            used.add(best_i)
            pairs.append((t, parsed[best_i]))
    return pairs


def score_document(truth: dict[str, Any], parsed: dict[str, Any]) -> Counter:
    """Return the counts (correct / total per measure) of one parsed document against its truth."""
    c: Counter = Counter()
    tv, pv = header_values(truth), header_values(parsed["document"])
    for f in HEADER_FIELDS:
        c[f"header.{f}.total"] += 1
        c[f"header.{f}.ok"] += tv[f] == pv[f]
    t_refs = {r["id"] for r in truth["references"]}
    p_refs = {r.get("id") for r in parsed["references"] if r.get("id")}
    c["refs.tp"] += len(t_refs & p_refs)
    c["refs.fp"] += len(p_refs - t_refs)
    c["refs.fn"] += len(t_refs - p_refs)
    t_rel = {(r["id"], r["relation"]) for r in truth["references"]}
    p_rel = {(r.get("id"), r.get("relation")) for r in parsed["references"] if r.get("id")}
    c["rel.tp"] += len(t_rel & p_rel)
    c["rel.fp"] += len(p_rel - t_rel)
    c["rel.fn"] += len(t_rel - p_rel)
    t_edges = {(e["child_id"], e["parent_id"]) for e in truth["stated_edges"]}
    p_edges = {(e.get("child_id"), e.get("parent_id")) for e in parsed["stated_edges"]}
    c["edges.tp"] += len(t_edges & p_edges)
    c["edges.fp"] += len(p_edges - t_edges)
    c["edges.fn"] += len(t_edges - p_edges)
    pairs = match_tasks(parsed["tasks"], truth["tasks"])
    c["tasks.tp"] += len(pairs)
    c["tasks.fp"] += len(parsed["tasks"]) - len(pairs)
    c["tasks.fn"] += len(truth["tasks"]) - len(pairs)
    for t, p in pairs:
        c["task.lead.total"] += 1
        c["task.lead.ok"] += same_agencies(p.get("lead") or [], t["lead"], t["lead_core"])
        c["task.support.total"] += 1
        c["task.support.ok"] += same_agencies(p.get("support") or [], t["support"], t["support_core"])
        c["task.deadline.total"] += 1
        c["task.deadline.ok"] += same_deadline(p.get("deadline"), t["deadline"])
    return c


def _parse(path: str) -> dict[str, Any]:
    from ingest import IngestError, parse_file

    try:
        return parse_file(path).to_dict()
    except IngestError as exc:  # a typed error is a result too: it scores as an empty parse
        return {"document": {}, "references": [], "stated_edges": [], "tasks": [], "error": str(exc)}


def iter_pairs(corpus: str | Path, limit: int | None = None, workers: int = 1) -> Iterator[tuple[dict, dict]]:
    """Yield (truth, parsed) for the documents with a file, parsing in ``workers`` processes (streaming)."""
    corpus = Path(corpus)

    def truths() -> Iterator[dict]:
        n = 0
        for t in iter_truth(corpus):
            if t["file"]:
                if limit is not None and n >= limit:
                    return
                n += 1
                yield t

    if workers <= 1:
        for t in truths():
            yield t, _parse(str(corpus / t["file"]))
        return
    with ProcessPoolExecutor(workers) as pool:
        batch: list[dict] = []
        for t in truths():
            batch.append(t)
            if len(batch) >= 64 * workers:
                yield from zip(batch, pool.map(_parse, [str(corpus / b["file"]) for b in batch], chunksize=8))
                batch = []
        if batch:
            yield from zip(batch, pool.map(_parse, [str(corpus / b["file"]) for b in batch], chunksize=8))


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Any]:
    """Return the accuracy report: per-measure rows with figures, plus the raw counts."""
    c: Counter = Counter()
    n = 0
    for truth, parsed in pairs:
        c += score_document(truth, parsed)
        c["errors"] += bool(parsed.get("error"))
        n += 1
    rows = []
    for f in HEADER_FIELDS:
        tot = c[f"header.{f}.total"]
        rows.append({"measure": f"header {f}", "value": c[f"header.{f}.ok"] / tot if tot else 0.0, "n": tot})
    hdr_total = sum(c[f"header.{f}.total"] for f in HEADER_FIELDS)
    hdr_ok = sum(c[f"header.{f}.ok"] for f in HEADER_FIELDS)
    rows.append({"measure": "header (all fields)", "value": hdr_ok / hdr_total if hdr_total else 0.0, "n": hdr_total})
    for key, label in (("refs", "references"), ("rel", "references+relation"), ("edges", "stated edges"),
                       ("tasks", "tasks")):
        p, r, f1 = _f1(c[f"{key}.tp"], c[f"{key}.fp"], c[f"{key}.fn"])
        rows.append({"measure": f"{label} F1", "value": f1, "precision": p, "recall": r,
                     "n": c[f"{key}.tp"] + c[f"{key}.fn"]})
    for f in ("lead", "support", "deadline"):
        tot = c[f"task.{f}.total"]
        rows.append({"measure": f"task {f} (matched tasks)", "value": c[f"task.{f}.ok"] / tot if tot else 0.0, "n": tot})
    return {"documents": n, "errors": c["errors"], "rows": rows}


def format_table(report: dict[str, Any]) -> str:
    """Return the report as a fixed-width text table."""
    out = [f"extraction accuracy over {report['documents']} generated documents ({report['errors']} parse errors)",
           f"{'measure':<32} {'value':>7} {'prec':>7} {'recall':>7} {'n':>9}"]
    for r in report["rows"]:
        p = f"{r['precision']:.3f}" if "precision" in r else ""
        rc = f"{r['recall']:.3f}" if "recall" in r else ""
        out.append(f"{r['measure']:<32} {r['value']:>7.3f} {p:>7} {rc:>7} {r['n']:>9}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    ap = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="a directory written by bench.generate")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args(argv)
    print(format_table(score(iter_pairs(a.corpus, a.limit, a.workers))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
