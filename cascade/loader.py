"""ParseResult -> graph: batched ``UNWIND ... MERGE`` statements, several documents per transaction.

``plan_document(result)`` is pure: it returns the document's ``DocPlan``, the
rows of each loader statement (``PARTS``), merged within the document, with
the ``fingerprint`` of those rows. ``statements(plans, batch_size,
cleanup)`` turns the plans of a GROUP of documents into the statements of ONE
write, in this order (the load order):

1. ``load_cleanup``, one statement per document that was ingested before: undo
   what it stated before (its tasks, its ISSUED_BY, its id in the ``stated_by``
   of the lineage edges it stated, edges nobody states any more, its
   COORDINATES_WITH / REPORTS_TO), so a changed file replaces them; a document
   the graph does not hold yet needs none (the fingerprint read says which);
2. ``load_document``: the documents themselves, status ``ingested``; a
   document's own header replaces any stub's fields (a stub is completed in
   place: same id by construction, see ``ingest.identity``);
3. jurisdictions (provinces, then districts), agencies, agency groups,
   PART_OF, ISSUED_BY;
4. ``load_stubs``: referenced documents as stubs (never touching an ingested one);
5. ``load_edges``: IMPLEMENTS / BASED_ON / CITES, own and stated: ONE edge per
   (child, parent, type) whose sorted ``stated_by`` list holds the ids of the
   documents whose text states it (issue #6: parallel edges per stating document
   made lineage traversals enumerate every combination of them);
6. tasks, ASSIGNED_TO, COORDINATES_WITH (CREATEd: step 1 removed the old ones
   and their ids are scoped by the document), REPORTS_TO;
7. ``load_lineage_closure``: the UNDER edges (precomputed lineage) of every
   document whose lineage the write changed, and of all below them;
8. ``load_generation``: the ingest generation counter (``Graph.generation``).

Grouping (issue #6: the server spent ~16 ms per document on ~14 statements of
its own transaction; a group costs ~14 statements whatever its size) keeps the
graph exactly the one loading the documents one at a time gives:

* a group never holds the same document twice (the stream starts a new group);
* rows of different documents that touch the same node or edge (an agency, a
  stub, a lineage edge, a jurisdiction) are merged into ONE row per key by
  ``merge_rows``, composed the way successive single-document statements
  would apply them (FalkorDB evaluates a statement's SETs against the state
  before the statement, so two rows on one key in one statement would not
  compose); ``tests/test_group_load.py`` compares every node, edge and
  property of both ways on the samples, the held-out set and a bench corpus;
* the rest commutes: every document's own rows are keyed by its id; all
  document rows precede all stub rows (an ingested document is never a stub,
  whichever was loaded first); cleanup of one document never touches what
  another document of the group writes except shared lineage edges, whose
  ``stated_by`` is a sorted set either way.

A group is one write (one MULTI/EXEC, one Neo4j transaction): each document
is wholly written or absent. If the write fails, its documents are written
again one by one (each with its cleanup, as the failed write may have applied
part of a group on FalkorDB, see ``cascade.graph``), so the bad one is isolated
and the others land. Nothing carries a timestamp: re-ingesting the same file
changes nothing, and an unchanged document (same fingerprint in the graph)
is not sent at all.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cascade import queries
from cascade.graph import Graph, GraphError, GraphUnavailable, Statement, iter_batches
from ingest.identity import agency_id, document_id, fold, jurisdiction_id, normalize_symbol, symbol_key, task_id
from ingest.model import RELATION_STRENGTH, Agency, ParseResult

#: Levels whose documents are scoped by their province/district in the id (ingest.identity).
LOCAL_LEVELS = ("province", "district", "commune")
#: Issue #2: central Party/State documents carry :Directive, plans of ministries, provinces, districts :Plan.
PLAN_LEVELS = ("ministry", "province", "district", "commune")
SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".doc", ".pdf", ".html", ".htm")

#: (part of a DocPlan, the query that writes its rows), in load order (module docstring).
PARTS: tuple[tuple[str, str], ...] = (
    ("documents", "load_document"),
    ("provinces", "load_jurisdictions"),
    ("districts", "load_jurisdictions"),  # after the provinces: a district is PART_OF its province
    ("agencies", "load_agencies"),
    ("groups", "load_agency_groups"),
    ("part_of", "load_part_of"),  # Agency -> Jurisdiction, the common case: one label per end
    ("part_of_other", "load_part_of_other"),  # a group, or a parent body
    ("issued_by", "load_issued_by"),
    ("stubs", "load_stubs"),
    ("edges", "load_edges"),
    ("tasks", "load_tasks"),
    ("assignments", "load_assignments"),  # to an Agency
    ("group_assignments", "load_group_assignments"),  # to an AgencyGroup
    ("coordination", "load_coordination"),  # Agency -> Agency
    ("coordination_groups", "load_coordination_groups"),  # a group at either end
    ("reporting", "load_reporting"),
)
#: Key of the Meta node holding the ingest generation (cypher/load_generation.cypher, Graph.generation).
GENERATION_KEY = "ingest"
#: Default group limits of a stream: documents per write, and rows per write (a group's EXEC
#: holds the server, so readers wait at most for one group; ~125 rows per S-corpus document).
GROUP_DOCS = 64
GROUP_ROWS = 12_000


class LoadError(ValueError):
    """The ParseResult cannot be loaded (e.g. no symbol, so no identity)."""


@dataclass
class LoadSummary:
    """What one document's load wrote: the document id and the sizes of its parts."""

    doc_id: str
    references: int = 0
    stated_edges: int = 0
    tasks: int = 0
    agencies: int = 0
    statements: int = 0
    warnings: list[str] = field(default_factory=list)
    #: True when the graph already held exactly this load (same fingerprint): nothing was written.
    unchanged: bool = False
    #: True when the document was ingested before and this load replaced what it had stated.
    replaced: bool = False


@dataclass
class DocPlan:
    """One document's rows per loader statement (``PARTS``), merged within the document, and its fingerprint."""

    doc_id: str
    rows: dict[str, list[dict[str, Any]]]
    summary: LoadSummary
    path: str = ""

    @property
    def fingerprint(self) -> str:
        """Return the fingerprint stored on the document row."""
        return self.rows["documents"][0]["fingerprint"]

    @property
    def size(self) -> int:
        """Return the number of rows (what a group's row limit counts)."""
        return sum(len(r) for r in self.rows.values())


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
        "id": a.id or agency_id(a.name, a.level, a.province, a.district),
        "name": a.name,
        "kind": a.kind,
        "level": a.level,
        "province": a.province,
        "district": a.district,
        "aliases": aliases,
        "search": _search(a.name, *aliases),
    }


# --------------------------------------------------------------------------- the plan of one document


def plan_document(result: ParseResult) -> DocPlan:
    """Return the document's rows per loader statement, its fingerprint and summary; LoadError if it has no identity."""
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

    def ensure(name: str | None, like: Agency | None = None) -> str | None:
        # a name the registry did not list; ``like``: a body in the same jurisdiction (a parent
        # committee named inside its child's name: "Huyện ủy Châu Thành" of "Ban Tuyên giáo Huyện ủy
        # Châu Thành"), whose scope makes the id (ingest.identity.agency_id)
        if not name:
            return None
        if name not in by_name:
            by_name[name] = add_agency(Agency(name=name, level=like.level, province=like.province,
                                              district=like.district) if like else Agency(name=name))
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
            report_rows.append({"source": src, "source_kind": _kind(kinds, src), "target": dst, "via": r.via,
                                "period": r.period,
                                "text": r.text, "doc_id": did})

    for a in list(scopes.values()):
        if a.parent:
            ensure(a.parent, like=a)

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
            part_of.append({"source": aid, "source_kind": _kind(kinds, aid), "target": by_name[a.parent],
                            "target_kind": "agency"})
        elif target:
            part_of.append({"source": aid, "source_kind": _kind(kinds, aid), "target": target,
                            "target_kind": "jurisdiction"})
    # Each edge query looks its ends up under the one label the document means (an Agency and
    # an AgencyGroup may share an id); the common Agency-only rows go to the cheaper queries.
    plain_part_of = [{"source": r["source"], "target": r["target"]} for r in part_of
                     if r["source_kind"] == "agency" and r["target_kind"] == "jurisdiction"]
    other_part_of = [r for r in part_of if not (r["source_kind"] == "agency" and r["target_kind"] == "jurisdiction")]

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
            own[rid] = {"source": did, "target": rid, "relation": ref.relation, "stated_by": [did], "own": True,
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
                          "stated_by": [did], "own": own_edge, "text": None, "count": 1 if own_edge else None}
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

    for row in agencies.values():  # a list: a group write folds several documents' texts in (load_agencies)
        row["searches"] = [row.pop("search")]
    stub_rows = sorted(stubs.values(), key=lambda r: r["id"])
    for row in stub_rows:  # a list: the labels every document of a group write gives (load_stubs)
        label = row.pop("label")
        row["labels"] = [label] if label else []
    rows: dict[str, list[dict[str, Any]]] = {
        "documents": [doc_row],
        "provinces": sorted(provinces.values(), key=lambda r: r["id"]),
        "districts": sorted(districts.values(), key=lambda r: r["id"]),
        "agencies": [r for r in agencies.values() if kinds[r["id"]] != "group"],
        "groups": [r for r in agencies.values() if kinds[r["id"]] == "group"],
        "part_of": plain_part_of,
        "part_of_other": other_part_of,
        "issued_by": [{"doc": did, "agency": issuer_id}] if issuer_id and kinds.get(issuer_id) != "group" else [],
        "stubs": stub_rows,
        "edges": list(edges.values()),
        "tasks": task_rows,
        "assignments": [r for r in assign_rows if kinds.get(r["agency"]) != "group"],
        "group_assignments": [r for r in assign_rows if kinds.get(r["agency"]) == "group"],
        "coordination": [r for r in coord_rows
                         if kinds.get(r["lead"]) != "group" and kinds.get(r["support"]) != "group"],
        "coordination_groups": [dict(r, lead_kind=_kind(kinds, r["lead"]), support_kind=_kind(kinds, r["support"]))
                                for r in coord_rows
                                if kinds.get(r["lead"]) == "group" or kinds.get(r["support"]) == "group"],
        "reporting": report_rows,
    }
    _check_values(rows)
    # The fingerprint of everything this load writes (the rows and the texts of the queries that
    # write them; the fingerprint itself excepted): equal fingerprints mean re-sending would
    # change nothing, whatever changed in between (a new parser or loader changes it). It does
    # not depend on batch sizes or on the group the document is written with.
    doc_row["fingerprint"] = None
    doc_row["fingerprint"] = fingerprint(rows)
    summary.references = len(own)
    summary.stated_edges = stated
    summary.tasks = len(task_rows)
    summary.agencies = len(agencies)
    summary.statements = 2 + sum(1 for part, _ in PARTS if rows[part])  # + cleanup and generation
    return DocPlan(doc_id=did, rows=rows, summary=summary, path=str(result.source.get("path") or ""))


#: Property value types both engines store (a list of them too); anything else fails INSIDE a
#: transaction at run time, where FalkorDB cannot roll back what the statements before it did.
_PRIMITIVES = (str, int, float, bool, type(None))


def _check_values(rows: dict[str, list[dict[str, Any]]]) -> None:
    """Return None if every row value is a primitive or a list of primitives; LoadError naming the field otherwise."""
    for part, part_rows in rows.items():
        for row in part_rows:
            for k, v in row.items():
                if isinstance(v, _PRIMITIVES) or (isinstance(v, list) and all(isinstance(x, _PRIMITIVES) for x in v)):
                    continue
                raise LoadError(f"{part}.{k}: a value of type {type(v).__name__} cannot be stored")


def _kind(kinds: dict[str, str], aid: str) -> str:
    """Return "group" for an agency group's id, else "agency": the label the loader's queries match it by."""
    return "group" if kinds.get(aid) == "group" else "agency"


def fingerprint(rows: dict[str, list[dict[str, Any]]]) -> str:
    """Return the sha256 hex digest of the loader query texts and of ``rows`` (``repr``: built in a fixed order)."""
    h = hashlib.sha256()
    for part, name in PARTS:
        h.update(queries.text(name).encode("utf-8"))
        h.update(repr(rows.get(part, [])).encode("utf-8"))
    h.update(queries.text("load_cleanup").encode("utf-8"))
    return h.hexdigest()


# --------------------------------------------------------------------------- merging the rows of a group


def _merge_level(prev: str | None, new: str | None) -> str | None:
    """Return the level successive load_agencies rows leave: the last known one, else the first non-null."""
    if new is not None and new != "unknown":
        return new
    return prev if prev is not None else new


def _merge_agencies(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return one load_agencies row per id that applies like the given rows applied one after another.

    name, kind: the last; level: ``_merge_level``; province, district: the last
    non-null (``coalesce(row.x, a.x)``); aliases: all, in order (the query keeps
    the first of each); searches: all, in order, without repeats (a search text
    already folded in is contained in the node's text, so a repeat is a no-op).
    """
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        prev = out.get(r["id"])
        if prev is None:
            out[r["id"]] = dict(r, aliases=list(r["aliases"]), searches=list(r["searches"]))
            continue
        prev["name"], prev["kind"] = r["name"], r["kind"]
        prev["level"] = _merge_level(prev["level"], r["level"])
        for k in ("province", "district"):
            if r[k] is not None:
                prev[k] = r[k]
        prev["aliases"] = list(dict.fromkeys(prev["aliases"] + r["aliases"]))
        prev["searches"] = list(dict.fromkeys(prev["searches"] + r["searches"]))
    return list(out.values())


def _merge_stubs(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return one load_stubs row per id: each field the first non-null (``coalesce(d.x, row.x)``), labels all."""
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        prev = out.get(r["id"])
        if prev is None:
            out[r["id"]] = dict(r, labels=list(r["labels"]))
            continue
        for k, v in r.items():
            if k == "labels":
                prev["labels"] = list(dict.fromkeys(prev["labels"] + v))
            elif prev.get(k) is None:
                prev[k] = v
    return list(out.values())


def _merge_edges(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return one load_edges row per (source, target, relation): every stating id, and the own text/count if any."""
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rows:
        key = (r["source"], r["target"], r["relation"])
        prev = out.get(key)
        if prev is None:
            out[key] = dict(r, stated_by=list(r["stated_by"]))
            continue
        prev["stated_by"] = sorted(set(prev["stated_by"]) | set(r["stated_by"]))
        if r["own"]:  # only the child itself states its own edge, and a group holds it once
            prev["own"], prev["text"], prev["count"] = True, r["text"], r["count"]
    return list(out.values())


def _last_per_id(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return one row per id, the last one (a statement that SETs every field from the row)."""
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        out[r["id"]] = r
    return list(out.values())


def _distinct(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the rows without exact repeats (a MERGE of an edge without properties)."""
    out: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        out.setdefault(tuple(sorted(r.items())), r)
    return list(out.values())


#: How the rows of several documents for one part are merged; parts not listed are concatenated
#: (their rows are keyed by the document: documents, issued_by, tasks, assignments, coordination, reporting, and
#: their group variants).
MERGERS: dict[str, Callable[[Iterable[dict[str, Any]]], list[dict[str, Any]]]] = {
    "provinces": _last_per_id,
    "districts": _last_per_id,
    "agencies": _merge_agencies,
    "groups": _merge_agencies,
    "part_of": _distinct,
    "part_of_other": _distinct,
    "stubs": _merge_stubs,
    "edges": _merge_edges,
}


def merge_rows(part: str, per_document: Iterable[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Return the rows of ``part`` for a group write, from each document's rows in document order."""
    rows = (r for doc_rows in per_document for r in doc_rows)
    merger = MERGERS.get(part)
    return merger(rows) if merger else list(rows)


# --------------------------------------------------------------------------- statements and writes


def _batched(name: str, rows: Sequence[dict[str, Any]], size: int) -> list[Statement]:
    text = queries.text(name)
    return [(text, {"rows": batch}) for batch in iter_batches(rows, size)]


#: Queries that CREATE a document the graph has no node for, by its sub-label (see load_new_plans).
NEW_DOCUMENT_QUERIES = {"Directive": "load_new_directives", "Plan": "load_new_plans", None: "load_new_documents"}


#: The loader's names of the relations whose edges make up a lineage (graph_schema.LINEAGE_EDGES).
LINEAGE_RELATIONS = ("implements", "based_on")


def lineage_closure_ids(doc_ids: Iterable[str], edge_rows: Iterable[dict[str, Any]],
                        stated_before: Iterable[str] = ()) -> list[str]:
    """Return the ``ids`` parameter of ``load_lineage_closure`` for one write: sorted, distinct.

    A write changes the ancestors of the loaded documents (``doc_ids``), of the
    children of the IMPLEMENTS/BASED_ON rows it sends to ``load_edges``
    (``edge_rows``: {source, target, relation, ...}; a document's text states
    edges between others), and, on a re-ingest, of the documents whose edges it
    stated before (``stated_before``: their stored ``states``), whose edges
    load_cleanup may have deleted. The statement adds everything below them.
    """
    ids = set(doc_ids) | set(stated_before)
    ids.update(r["source"] for r in edge_rows if r.get("relation") in LINEAGE_RELATIONS)
    return sorted(ids)


def statements(plans: Sequence[DocPlan], batch_size: int = 500, cleanup: Iterable[str] = (), *,
               new: Iterable[str] = (), generation: bool = True, stated_before: Iterable[str] = ()) -> list[Statement]:
    """Return the statements of ONE write loading ``plans`` (distinct documents), cleaning up ``cleanup`` ids first.

    Documents whose id is in ``new`` are CREATEd (the caller read, in the same optimistic
    transaction, that the graph has no node of that id, not even a stub); the others MERGEd.
    The last statement before the generation's rewrites the lineage closure (UNDER edges)
    of every document whose lineage the write changes: the loaded documents, the children
    of the edges they state, and ``stated_before`` (what the cleaned-up documents stated
    before, read from their ``states``).
    """
    ids = [p.doc_id for p in plans]
    if len(set(ids)) != len(ids):
        raise ValueError("a group write cannot hold the same document twice")
    new = set(new)
    text = queries.text("load_cleanup")
    stmts: list[Statement] = [(text, {"id": did}) for did in cleanup]
    for part, name in PARTS:
        rows = merge_rows(part, (p.rows[part] for p in plans)) if len(plans) > 1 else plans[0].rows[part]
        if part == "documents" and new:
            for label, new_name in NEW_DOCUMENT_QUERIES.items():
                stmts += _batched(new_name, [r for r in rows if r["id"] in new and r["label"] == label],
                                  max(1, batch_size))
            rows = [r for r in rows if r["id"] not in new]
        stmts += _batched(name, rows, max(1, batch_size))
    closure = lineage_closure_ids(ids, (r for p in plans for r in p.rows["edges"]), stated_before)
    stmts.append((queries.text("load_lineage_closure"), {"ids": closure}))
    if generation:
        stmts.append((queries.text("load_generation"), {"key": GENERATION_KEY}))
    return stmts


def plan(result: ParseResult, batch_size: int = 500) -> tuple[list[Statement], LoadSummary]:
    """Return the statements that (re)load ``result`` alone as one transaction (cleanup first), and its summary.

    Without a read of the graph it cannot know what an earlier version of the document
    stated, so a re-ingest through these statements leaves the closure of those documents
    to the next write that touches them; ``write_group`` (every ingest) reads it.
    """
    p = plan_document(result)
    return statements([p], batch_size, [p.doc_id]), p.summary


def write_group(graph: Graph, plans: Sequence[DocPlan], batch_size: int = 500, *,
                force: bool = False) -> list[tuple[DocPlan, LoadSummary | GraphError]]:
    """Write ``plans`` (distinct documents) as ONE transaction; return (plan, its summary or its error) per plan.

    What to write is decided from one read of the documents' nodes, in the same
    optimistic transaction as the write (``Graph.write_after_read``: if another
    client writes in between, the read is done again): documents the graph holds
    with the same fingerprint are skipped (``unchanged``) unless ``force``; only
    documents ingested before get a ``load_cleanup``; documents with no node at
    all are CREATEd. If the write fails, the documents are written again one by
    one, each with its cleanup and through MERGE (the failed write may have
    applied part of the group on FalkorDB, see ``cascade.graph``), so only the
    bad one fails. GraphUnavailable (the server is gone) is raised, not returned.
    """
    if not plans:
        return []
    todo: list[DocPlan] = []
    unchanged: set[str] = set()
    replaced: set[str] = set()

    def build(rows: list[dict[str, Any]]) -> list[Statement]:
        state = {r["id"]: r for r in rows}
        unchanged.clear()
        replaced.clear()
        todo.clear()
        for p in plans:
            node = state.get(p.doc_id)
            if (not force and node is not None and node["status"] == "ingested"
                    and node["fingerprint"] == p.fingerprint):
                unchanged.add(p.doc_id)
            else:
                todo.append(p)
        if not todo:
            return []
        cleanup = [p.doc_id for p in todo if p.doc_id in state and state[p.doc_id]["status"] == "ingested"]
        replaced.update(cleanup)
        new = [p.doc_id for p in todo if p.doc_id not in state]
        return statements(todo, batch_size, cleanup, new=new, stated_before=_stated_before(state[d] for d in cleanup))

    try:
        graph.write_after_read(queries.text("load_fingerprint"), {"ids": [p.doc_id for p in plans]}, build)
    except GraphUnavailable:
        raise
    except GraphError as exc:
        targets = list(todo) or list(plans)  # the read itself failed: nothing was decided
        if len(targets) == 1:
            outcome: dict[str, LoadSummary | GraphError] = {targets[0].doc_id: exc}
        else:
            outcome = {p.doc_id: _write_alone(graph, p, batch_size) for p in targets}
    else:
        outcome = {p.doc_id: replace(p.summary, replaced=p.doc_id in replaced) for p in todo}
    return [(p, replace(p.summary, unchanged=True) if p.doc_id in unchanged else outcome[p.doc_id]) for p in plans]


#: Most rounds of ``prune_orphans`` (each can free the parents of what the previous one deleted:
#: a department, its province's committee above it, ...).
_PRUNE_ROUNDS = 5


def prune_orphans(graph: Graph) -> int:
    """Delete the agencies and groups no document names any more; return how many went.

    Run after documents were ingested again (``LoadSummary.replaced``): a parser upgrade
    that spells a body differently ("Tỉnh ủy tỉnh Quảng Nam" -> "Tỉnh ủy Quảng Nam") leaves
    the old node with nothing pointing at it, which searches would still list. Each round
    is one transaction (``load_prune_agencies``, then the ingest generation, so cached
    answers are dropped), decided from a count read in the same optimistic transaction.
    """
    total = 0
    for _ in range(_PRUNE_ROUNDS):
        found: list[int] = [0]

        def build(rows: list[dict[str, Any]]) -> list[Statement]:
            found[0] = sum(int(r["orphans"]) for r in rows)  # one row per label
            if not found[0]:
                return []
            return [(queries.text("load_prune_agencies"), {}),
                    (queries.text("load_generation"), {"key": GENERATION_KEY})]

        graph.write_after_read(queries.text("load_prune_agencies_find"), {}, build)
        if not found[0]:
            break
        total += found[0]
    return total


def _stated_before(rows: Iterable[dict[str, Any]]) -> list[str]:
    """Return the documents whose edges the ingested ones among ``load_fingerprint`` ``rows`` stated (their ``states``)."""
    return [s for row in rows if row["status"] == "ingested" for s in row.get("states") or ()]


def _write_alone(graph: Graph, p: DocPlan, batch_size: int) -> LoadSummary | GraphError:
    """Return the summary after writing ``p`` alone, with its cleanup (the failed group may have written part of it)."""
    try:
        held = graph.read(queries.text("load_fingerprint"), {"ids": [p.doc_id]})
        graph.write(statements([p], batch_size, [p.doc_id], stated_before=_stated_before(held)))
    except GraphUnavailable:
        raise
    except GraphError as exc:
        return exc
    return p.summary


def load(graph: Graph, result: ParseResult, batch_size: int | None = None, *, force: bool = False) -> LoadSummary:
    """Write ``result`` into ``graph`` as ONE transaction; return what was written.

    When the graph already holds this document loaded from the very same rows (same
    fingerprint, e.g. the same file ingested again) nothing is sent and the summary says
    ``unchanged``; ``force`` writes anyway. A rejected write raises its GraphError.
    """
    if batch_size is None:
        from cascade.settings import get_settings

        batch_size = get_settings().batch_size
    p = plan_document(result)
    (_, outcome), = write_group(graph, [p], batch_size, force=force)
    if isinstance(outcome, GraphError):
        raise outcome
    return outcome


# --------------------------------------------------------------------------- streams of files


@dataclass
class Outcome:
    """What happened to one file of a stream: its summary, or a one-line error naming the file."""

    path: str
    summary: LoadSummary | None = None
    error: str | None = None


def prepare(path: str) -> tuple[str, DocPlan | str]:
    """Return ("ok", DocPlan) or ("error", one-line message naming the file) for one file (parse-worker safe)."""
    from ingest import IngestError, parse_file

    try:
        return "ok", plan_document(parse_file(path))
    except IngestError as exc:
        return "error", " ".join(str(exc).split())
    except LoadError as exc:
        return "error", f"{path}: {' '.join(str(exc).split())}"
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the other files
        return "error", f"{path}: {type(exc).__name__}: {' '.join(str(exc).split())}"


def load_stream(graph: Graph, items: Iterable[tuple[str, str, DocPlan | str]], batch_size: int = 500, *,
                group_docs: int = GROUP_DOCS, group_rows: int = GROUP_ROWS) -> Iterator[Outcome]:
    """Yield an Outcome per ``(path, status, DocPlan or error)`` item, writing the plans in groups.

    A group is written when it reaches ``group_docs`` documents or ``group_rows``
    rows, before a document already in it comes again, and at the end; only
    one group is held in memory. Errors of the items are passed through.
    """
    group: list[DocPlan] = []
    ids: set[str] = set()
    rows = 0

    def flush() -> Iterator[Outcome]:
        nonlocal group, ids, rows
        for p, res in write_group(graph, group, batch_size):
            if isinstance(res, GraphError):
                yield Outcome(p.path, error=f"{p.path}: not written: {' '.join(str(res).split())}")
            else:
                yield Outcome(p.path, summary=res)
        group, ids, rows = [], set(), 0

    for path, status, value in items:
        if status != "ok" or not isinstance(value, DocPlan):
            yield Outcome(path, error=str(value))
            continue
        value.path = path
        if value.doc_id in ids:
            yield from flush()
        group.append(value)
        ids.add(value.doc_id)
        rows += value.size
        if len(group) >= max(1, group_docs) or rows >= group_rows:
            yield from flush()
    if group:
        yield from flush()


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
