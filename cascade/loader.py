"""ParseResult -> graph: one document = one transaction of batched ``UNWIND ... MERGE`` statements.

``plan(result, batch_size)`` is pure: it returns the ``(query, params)``
statements of one document, in this order:

1. ``load_cleanup``: undo what this document stated before (its tasks, its
   ISSUED_BY, its id in the ``stated_by`` of the lineage edges it stated, edges
   nobody states any more, its COORDINATES_WITH / REPORTS_TO), so a changed file
   replaces them and a re-run converges; a no-op for a first-time ingest;
2. ``load_document``: the document itself, status ``ingested``; its own header
   replaces any stub's fields (a stub is completed in place: same id by
   construction, see ``ingest.identity``);
3. jurisdictions (provinces, then districts), agencies, agency groups,
   PART_OF, ISSUED_BY;
4. ``load_stubs``: referenced documents as stubs (never touching an ingested one);
5. ``load_edges``: IMPLEMENTS / BASED_ON / CITES, own and stated: ONE edge per
   (child, parent, type) whose sorted ``stated_by`` list holds the ids of the
   documents whose text states it (issue #6: parallel edges per stating document
   made lineage traversals enumerate every combination of them);
6. tasks, ASSIGNED_TO, COORDINATES_WITH (CREATEd: step 1 removed the old ones
   and their ids are scoped by this document), REPORTS_TO.

The document row records in ``states`` the other documents whose edges its
text states, which is where step 1 finds them again on the next ingest.

``load(graph, result)`` sends them with ``Graph.write`` (one transaction).
Nothing carries a timestamp, so re-ingesting the same file changes nothing;
the document row keeps a ``fingerprint`` of the statements, and ``load`` sends
nothing when the graph already holds the same one (one indexed read instead of
the whole write, issue #6).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cascade import queries
from cascade.graph import Graph, Statement, iter_batches
from ingest.identity import agency_id, document_id, fold, jurisdiction_id, normalize_symbol, symbol_key, task_id
from ingest.model import RELATION_STRENGTH, Agency, ParseResult

#: Levels whose documents are scoped by their province/district in the id (ingest.identity).
LOCAL_LEVELS = ("province", "district", "commune")
#: Issue #2: central Party/State documents carry :Directive, plans of ministries, provinces, districts :Plan.
PLAN_LEVELS = ("ministry", "province", "district", "commune")
SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")


class LoadError(ValueError):
    """The ParseResult cannot be loaded (e.g. no symbol, so no identity)."""


@dataclass
class LoadSummary:
    """What one ``load`` wrote: the document id and the sizes of its parts."""

    doc_id: str
    references: int = 0
    stated_edges: int = 0
    tasks: int = 0
    agencies: int = 0
    statements: int = 0
    warnings: list[str] = field(default_factory=list)
    #: True when the graph already held exactly this load (same fingerprint): nothing was written.
    unchanged: bool = False


# --------------------------------------------------------------------------- small pure helpers


def _year(iso: str | None) -> int | None:
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return int(iso[:4])
    return None


def label_for(level: str | None) -> str | None:
    """Return the sub-label of a document of ``level``: "Directive", "Plan" or None (unknown level)."""
    if level == "central":
        return "Directive"
    if level in PLAN_LEVELS:
        return "Plan"
    return None


def _search(*parts: str | None) -> str:
    return fold(" ".join(p for p in parts if p)).strip()


def doc_id_of(result: ParseResult) -> str:
    """Return the document's id: the parser's, else computed from symbol, year and local scope; LoadError if no symbol."""
    h = result.document
    if h.id:
        return h.id
    if not h.symbol:
        raise LoadError("no document symbol found, cannot identify the document")
    issuer = h.issuer
    local = issuer is not None and issuer.level in LOCAL_LEVELS
    return document_id(h.symbol, _year(h.issued_on), issuer.province if local else None,
                       issuer.district if local else None)


def _ref_id(symbol: str, year: int | None, level: str, province: str | None, district: str | None) -> str:
    local = level in LOCAL_LEVELS
    return document_id(symbol, year, province if local else None, district if local else None)


def _agency_row(a: Agency) -> dict[str, Any]:
    aliases = sorted({x for x in a.aliases if x and x != a.name})
    return {
        "id": a.id or agency_id(a.name),
        "name": a.name,
        "kind": a.kind,
        "level": a.level,
        "province": a.province,
        "district": a.district,
        "aliases": aliases,
        "search": _search(a.name, *aliases),
    }


def _batched(name: str, rows: Sequence[dict[str, Any]], size: int) -> list[Statement]:
    text = queries.text(name)
    return [(text, {"rows": batch}) for batch in iter_batches(rows, size)]


# --------------------------------------------------------------------------- the plan


def plan(result: ParseResult, batch_size: int = 500) -> tuple[list[Statement], LoadSummary]:
    """Return the statements that load ``result`` as one transaction, and the summary of what they write."""
    h = result.document
    did = doc_id_of(result)
    summary = LoadSummary(doc_id=did)
    issuer = h.issuer
    level = issuer.level if issuer else "unknown"
    symbol = normalize_symbol(h.symbol) if h.symbol else None

    # -- agencies (named, plus every name used by tasks/reporting/issuer that the registry missed)
    agencies: dict[str, dict[str, Any]] = {}
    kinds: dict[str, str] = {}
    scopes: dict[str, Agency] = {}

    def add_agency(a: Agency) -> str:
        row = _agency_row(a)
        prev = agencies.get(row["id"])
        if prev is not None:
            prev["aliases"] = sorted(set(prev["aliases"]) | set(row["aliases"]))
            prev["search"] = _search(prev["name"], *prev["aliases"])
        else:
            agencies[row["id"]] = row
            kinds[row["id"]] = a.kind
            scopes[row["id"]] = a
        return row["id"]

    by_name: dict[str, str] = {}
    for a in result.agencies:
        by_name[a.name] = add_agency(a)

    def ensure(name: str | None) -> str | None:
        if not name:
            return None
        if name not in by_name:
            by_name[name] = add_agency(Agency(name=name))
        return by_name[name]

    issuer_id = None
    if issuer and issuer.name:
        if issuer.name not in by_name:
            by_name[issuer.name] = add_agency(Agency(name=issuer.name, level=issuer.level,
                                                     province=issuer.province, district=issuer.district))
        issuer_id = by_name[issuer.name]

    # -- tasks, assignments, coordination
    task_rows, assign_rows, coord_rows = [], [], []
    for ordinal, t in enumerate(result.tasks, start=1):
        tid = t.id or task_id(did, ordinal)
        dl = t.deadline
        task_rows.append({
            "id": tid, "doc_id": did, "ordinal": ordinal, "section": t.section, "text": t.text,
            "source": t.source, "offset": t.offset,
            "deadline_text": dl.text if dl else None, "deadline_kind": dl.kind if dl else None,
            "due": dl.due if dl else None, "period": dl.period if dl else None,
            "search": _search(t.text),
        })
        leads = [x for x in dict.fromkeys(ensure(n) for n in t.lead) if x]
        supports = [x for x in dict.fromkeys(ensure(n) for n in t.support) if x and x not in leads]
        assign_rows += [{"task": tid, "agency": a, "role": "lead"} for a in leads]
        assign_rows += [{"task": tid, "agency": s, "role": "support"} for s in supports]
        coord_rows += [{"lead": a, "support": s, "task": tid, "doc_id": did} for a in leads for s in supports]

    report_rows = []
    for r in result.reporting:
        src, dst = ensure(r.from_), ensure(r.to)
        if src and dst and src != dst:
            report_rows.append({"source": src, "target": dst, "via": r.via, "period": r.period,
                                "text": r.text, "doc_id": did})

    for a in list(scopes.values()):
        if a.parent:
            ensure(a.parent)

    # -- jurisdictions and PART_OF
    provinces: dict[str, dict[str, Any]] = {}
    districts: dict[str, dict[str, Any]] = {}
    part_of: list[dict[str, Any]] = []

    def jurisdiction(province: str | None, district: str | None) -> str | None:
        if not province:
            return None
        pid = jurisdiction_id(province)
        provinces.setdefault(pid, {"id": pid, "name": province, "level": "province", "province": province,
                                   "district": None, "parent": None})
        if not district:
            return pid
        jid = jurisdiction_id(province, district)
        districts.setdefault(jid, {"id": jid, "name": district, "level": "district", "province": province,
                                   "district": district, "parent": pid})
        return jid

    for aid, a in scopes.items():
        row = agencies[aid]
        target = jurisdiction(row["province"], row["district"])
        if a.parent and a.parent in by_name and by_name[a.parent] != aid:
            part_of.append({"source": aid, "target": by_name[a.parent]})
        elif target:
            part_of.append({"source": aid, "target": target})

    # -- references -> stubs + own edges (strongest relation wins per referenced document)
    stubs: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def stub(sid: str, sym: str | None, **info: Any) -> None:
        if sid == did:
            return
        row = stubs.setdefault(sid, {"id": sid, "symbol": None, "symbol_key": None, "doc_type": None,
                                     "title": None, "issuer": None, "level": None, "province": None,
                                     "district": None, "issued_on": None, "year": None, "label": None,
                                     "search": None})
        if sym and not row["symbol"]:
            row["symbol"] = normalize_symbol(sym)
            row["symbol_key"] = symbol_key(sym)
        for k, v in info.items():
            if v is not None and v != "unknown" and row.get(k) is None:
                row[k] = v
        row["label"] = label_for(row["level"])
        row["search"] = _search(row["symbol"], row["doc_type"], row["title"], row["issuer"])

    own: dict[str, dict[str, Any]] = {}
    for ref in result.references:
        if not ref.symbol and not ref.id:
            continue
        year = ref.year or _year(ref.issued_on)
        rid = ref.id or _ref_id(ref.symbol, year, ref.issuer_level, ref.issuer_province, ref.issuer_district)
        if rid == did:
            continue  # the document mentioning itself is not a reference
        stub(rid, ref.symbol, doc_type=ref.doc_type, title=ref.title, issuer=ref.issuer, level=ref.issuer_level,
             province=ref.issuer_province, district=ref.issuer_district, issued_on=ref.issued_on, year=year)
        prev = own.get(rid)
        count = max(1, len(ref.mentions))
        text = ref.mentions[0].text if ref.mentions else None
        if prev is None:
            own[rid] = {"source": did, "target": rid, "relation": ref.relation, "stated_by": did, "own": True,
                        "text": text, "count": count}
        else:
            prev["count"] += count
            if RELATION_STRENGTH[ref.relation] > RELATION_STRENGTH[prev["relation"]]:
                prev["relation"] = ref.relation
                prev["text"] = text or prev["text"]
    for row in own.values():
        edges[(row["source"], row["target"], row["relation"])] = row

    stated = 0
    for e in result.stated_edges:
        if not e.child_id or not e.parent_id or e.child_id == e.parent_id:
            summary.warnings.append(f"stated edge {e.child} -> {e.parent} skipped: unresolved identity")
            continue
        stub(e.child_id, e.child, issuer=e.child_issuer)
        stub(e.parent_id, e.parent, issuer=e.parent_issuer)
        key = (e.child_id, e.parent_id, e.relation)
        if key not in edges:
            own_edge = e.child_id == did
            edges[key] = {"source": e.child_id, "target": e.parent_id, "relation": e.relation,
                          "stated_by": did, "own": own_edge, "text": None, "count": 1 if own_edge else None}
            stated += 1

    # -- the document itself
    doc_row = {
        "id": did, "symbol": symbol, "symbol_key": symbol_key(symbol) if symbol else None,
        "doc_type": h.doc_type, "title": h.title, "issuer": issuer.name if issuer else None,
        "level": level, "province": issuer.province if issuer else None,
        "district": issuer.district if issuer else None, "issued_on": h.issued_on, "year": _year(h.issued_on),
        "place": h.place, "signer": h.signer.name if h.signer else None,
        "signer_title": h.signer.title if h.signer else None,
        "source_path": os.path.basename(str(result.source.get("path") or "")) or None,
        "sha256": result.source.get("sha256"), "task_count": len(task_rows), "label": label_for(level),
        # where load_cleanup finds the edges this document states between other documents
        "states": sorted({row["source"] for row in edges.values() if row["source"] != did}),
        "search": _search(symbol, h.doc_type, h.title, issuer.name if issuer else None),
    }

    agency_rows = [r for r in agencies.values() if kinds[r["id"]] != "group"]
    group_rows = [r for r in agencies.values() if kinds[r["id"]] == "group"]
    stmts: list[Statement] = [(queries.text("load_cleanup"), {"id": did})]
    stmts += _batched("load_document", [doc_row], batch_size)
    stmts += _batched("load_jurisdictions", sorted(provinces.values(), key=lambda r: r["id"]), batch_size)
    stmts += _batched("load_jurisdictions", sorted(districts.values(), key=lambda r: r["id"]), batch_size)
    stmts += _batched("load_agencies", agency_rows, batch_size)
    stmts += _batched("load_agency_groups", group_rows, batch_size)
    stmts += _batched("load_part_of", part_of, batch_size)
    if issuer_id and kinds.get(issuer_id) != "group":
        stmts += _batched("load_issued_by", [{"doc": did, "agency": issuer_id}], batch_size)
    stmts += _batched("load_stubs", sorted(stubs.values(), key=lambda r: r["id"]), batch_size)
    stmts += _batched("load_edges", list(edges.values()), batch_size)
    stmts += _batched("load_tasks", task_rows, batch_size)
    stmts += _batched("load_assignments", assign_rows, batch_size)
    stmts += _batched("load_coordination", coord_rows, batch_size)
    stmts += _batched("load_reporting", report_rows, batch_size)

    # The fingerprint of everything this load writes (statement texts and parameters, the
    # fingerprint itself excepted): equal fingerprints mean re-sending would change nothing,
    # whatever changed in between (a new parser version changes the fingerprint).
    doc_row["fingerprint"] = None
    doc_row["fingerprint"] = fingerprint(stmts)
    summary.references = len(own)
    summary.stated_edges = stated
    summary.tasks = len(task_rows)
    summary.agencies = len(agencies)
    summary.statements = len(stmts)
    return stmts, summary


_TEXT_DIGESTS: dict[str, bytes] = {}


def fingerprint(stmts: Sequence[Statement]) -> str:
    """Return the sha256 hex digest of the statements' texts and parameters (``repr``: plan builds them in a fixed order)."""
    h = hashlib.sha256()
    for text, params in stmts:
        digest = _TEXT_DIGESTS.get(text)
        if digest is None:  # the loader's texts are a dozen files: hash each once per process
            digest = _TEXT_DIGESTS[text] = hashlib.sha256(text.encode("utf-8")).digest()
        h.update(digest)
        h.update(repr(params).encode("utf-8"))
    return h.hexdigest()


def load(graph: Graph, result: ParseResult, batch_size: int | None = None, *, force: bool = False) -> LoadSummary:
    """Write ``result`` into ``graph`` as ONE transaction; return what was written.

    When the graph already holds this document loaded by the very same statements (same
    fingerprint, e.g. the same file ingested again) nothing is sent and the summary says
    ``unchanged``; ``force`` writes anyway.
    """
    if batch_size is None:
        from cascade.settings import get_settings

        batch_size = get_settings().batch_size
    stmts, summary = plan(result, max(1, batch_size))
    if not force:
        rows = graph.read(queries.text("load_fingerprint"), {"id": summary.doc_id})
        if rows and rows[0]["fingerprint"] == _fingerprint_of(stmts):
            summary.unchanged = True
            return summary
    graph.write(stmts)
    return summary


def _fingerprint_of(stmts: Sequence[Statement]) -> str | None:
    """Return the fingerprint the plan put in its ``load_document`` row."""
    doc_text = queries.text("load_document")
    for text, params in stmts:
        if text == doc_text:
            return params["rows"][0]["fingerprint"]
    return None


# --------------------------------------------------------------------------- files


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Return (files under ``paths``, recursively, sorted and de-duplicated; [(path, problem)] for missing paths).

    Folders contribute their files with a supported extension (hidden files
    skipped); a file named explicitly is always returned, so the parser can
    say what is wrong with it.
    """
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(
                f for f in path.rglob("*")
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
            candidates = found
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            errors.append((str(p), "no such file or directory"))
            continue
        for f in candidates:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, errors


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Return the files under ``paths`` (see ``expand_paths``); missing paths raise FileNotFoundError."""
    files, errors = expand_paths(paths)
    if errors:
        raise FileNotFoundError(f"{errors[0][0]}: {errors[0][1]}")
    return files
