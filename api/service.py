"""What the API and the pages ask the graph, and the pure shaping of the answers.

Route handlers stay thin: they validate parameters (FastAPI), call one function
here, and wrap the plain dicts it returns in a response model or a template.
Every query is a named file in ``cypher/`` run through ``cascade.queries.run``
(the one graph-access path, house rule 5); this module orders lineages and
builds cascade trees, in small pure functions that the tests exercise without a
database. Word search is core (``cascade.search``, shared with the CLI); the
caching of answers per ingest generation is ``api.cache``.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from cascade import queries, search
from cascade.graph import Graph
from ingest.model import RELATION_STRENGTH

#: Administrative levels from the top of the cascade down, for ordering nodes of equal depth.
LEVEL_ORDER = {"central": 0, "ministry": 1, "province": 2, "district": 3, "commune": 4, "unknown": 5}

# Word search (folding, abbreviations, symbol keys) is core, shared with the CLI: ``cascade.search``.
# The names are re-exported here because the routes and pages call them through this module.
ABBREVIATIONS_FILE = search.ABBREVIATIONS_FILE
abbreviations = search.abbreviations
search_groups = search.search_groups
symbol_lookup_key = search.symbol_lookup_key
search_agencies = search.search_agencies


# --------------------------------------------------------------------------- lineage ordering


@dataclass
class Lineage:
    """An ordered lineage: nodes (dicts with ``depth`` and ``side``) and typed edges."""

    root: str
    direction: str
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)


def _distances(start: str, adj: dict[str, list[str]], limit: int) -> dict[str, int]:
    """Return the shortest hop count from ``start`` to every node reachable within ``limit`` hops."""
    dist = {start: 0}
    todo = deque([start])
    while todo:
        cur = todo.popleft()
        if dist[cur] >= limit:
            continue
        for nxt in adj.get(cur, ()):
            if nxt not in dist:
                dist[nxt] = dist[cur] + 1
                todo.append(nxt)
    return dist


def _ranks(start: str, adj: dict[str, list[str]], keep: set[str]) -> dict[str, int]:
    """Return the longest hop count from ``start`` to each kept node (Kahn's order; cycles fall back to BFS).

    Longest, not shortest: 85/KH-UBND implements both 56/KH-UBND and 142/QĐ-TTg, and
    56 implements 142, so 142 sits *after* 56 in the chain (issue #2's acceptance order).
    """
    sub = {n: [m for m in adj.get(n, ()) if m in keep] for n in keep}
    indeg: Counter[str] = Counter(m for n in keep for m in sub[n])
    rank = {n: 0 for n in keep}
    queue = deque(sorted(n for n in keep if indeg[n] == 0))
    seen: set[str] = set()
    while queue:
        cur = queue.popleft()
        seen.add(cur)
        for nxt in sub[cur]:
            rank[nxt] = max(rank[nxt], rank[cur] + 1)
            indeg[nxt] -= 1
            if indeg[nxt] == 0:
                queue.append(nxt)
    if len(seen) < len(keep):  # a cycle (bad data): keep shortest distances for the nodes in it
        bfs = _distances(start, sub, len(keep))
        for n in keep - seen:
            rank[n] = bfs.get(n, 0)
    rank[start] = 0
    return rank


def _sort_key(node: dict[str, Any]) -> tuple:
    return (node["depth"], LEVEL_ORDER.get(node.get("level") or "unknown", 9), node.get("issued_on") or "",
            node.get("symbol") or "", node["id"])


def order_side(start: str, edges: list[dict[str, Any]], direction: str, depth: int) -> tuple[dict[str, int], list[dict]]:
    """Return ({node id: depth}, kept edges) of one side of a lineage, cut at ``depth`` hops.

    ``edges`` keep their stored direction (source carries out target); ``direction`` is
    ``"up"`` (follow source -> target) or ``"down"`` (follow target -> source).
    """
    ordered: dict[str, dict[str, None]] = defaultdict(dict)  # insertion-ordered sets: a directive has hundreds of children
    for e in edges:
        a, b = (e["source"], e["target"]) if direction == "up" else (e["target"], e["source"])
        ordered[a][b] = None
    adj = {a: list(bs) for a, bs in ordered.items()}
    dist = _distances(start, adj, depth)
    keep = set(dist)
    ranks = _ranks(start, adj, keep)
    kept = [e for e in edges if e["source"] in keep and e["target"] in keep]
    return ranks, kept


def assemble_lineage(start: str, direction: str, depth: int, up_edges: list[dict], down_edges: list[dict],
                     props: dict[str, dict[str, Any]]) -> Lineage:
    """Return the ordered ``Lineage`` of ``start`` from the raw edges of each side and the nodes' properties.

    Order: the document itself, then ancestors nearest first, then descendants nearest first;
    within one depth by level (central first), date, symbol, id, so the order is stable.
    """
    lineage = Lineage(root=start, direction=direction)
    seen_edges: set[tuple[str, str, str]] = set()
    placed: dict[str, dict[str, Any]] = {}

    def place(node_id: str, d: int, side: str) -> None:
        if node_id in placed:
            return
        base = dict(props.get(node_id) or {"id": node_id, "status": "missing"})
        base.update(depth=d, side=side)
        placed[node_id] = base

    place(start, 0, "self")
    for side, raw in (("up", up_edges), ("down", down_edges)):
        if direction not in (side, "both"):
            continue
        ranks, kept = order_side(start, raw, side, depth)
        for nid, d in ranks.items():
            if nid != start:
                place(nid, d, side)
        for e in kept:
            key = (e["source"], e["type"], e["target"])
            if key not in seen_edges:
                seen_edges.add(key)
                lineage.edges.append({"source": e["source"], "target": e["target"], "type": e["type"]})
    self_node = [placed.pop(start)]
    ups = sorted((n for n in placed.values() if n["side"] == "up"), key=_sort_key)
    downs = sorted((n for n in placed.values() if n["side"] == "down"), key=_sort_key)
    lineage.nodes = self_node + ups + downs
    lineage.edges.sort(key=lambda e: (e["source"], e["target"], e["type"]))
    return lineage


# --------------------------------------------------------------------------- cascade trees (home page)


def cascade_tree(root: str, edges: list[dict[str, Any]], props: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Return the cascade below ``root`` as a nested tree ``{"node", "children", "count"}``.

    Lineage edges form a DAG (a district plan implements both its province's plan and the
    Prime Minister's decision); each document is hung under the parent that is deepest in
    the cascade, so the tree reads central -> province -> district without duplicates.
    """
    ranks, kept = order_side(root, edges, "down", 12)
    parents: dict[str, list[str]] = defaultdict(list)
    for e in kept:
        parents[e["source"]].append(e["target"])
    children: dict[str, list[str]] = defaultdict(list)
    for child in ranks:
        if child == root:
            continue
        cands = [p for p in parents.get(child, []) if p in ranks and ranks[p] < ranks[child]]
        if not cands:
            continue
        best = max(cands, key=lambda p: (ranks[p], p))
        children[best].append(child)

    def build(nid: str, guard: frozenset) -> dict[str, Any]:
        node = dict(props.get(nid) or {"id": nid})
        kids = sorted(children.get(nid, []), key=lambda k: (LEVEL_ORDER.get((props.get(k) or {}).get("level") or "unknown", 9),
                                                           (props.get(k) or {}).get("province") or "",
                                                           (props.get(k) or {}).get("symbol") or "", k))
        built = [build(k, guard | {nid}) for k in kids if k not in guard]
        count = sum(1 + c["count"] for c in built)
        return {"node": node, "children": built, "count": count}

    return build(root, frozenset())


def prune_tree(tree: dict[str, Any], budget: int) -> dict[str, Any]:
    """Return a copy of ``tree`` showing at most ``budget`` documents below the root, breadth first.

    Each node keeps its full ``count``; ``hidden`` says how many of its descendants were cut,
    so a national cascade (hundreds of district plans) still renders as a page of bounded size.
    """
    kept: set[int] = set()
    queue = deque(tree["children"])
    while queue and len(kept) < budget:
        t = queue.popleft()
        kept.add(id(t))
        queue.extend(t["children"])

    def copy(t: dict[str, Any]) -> dict[str, Any]:
        shown = [copy(c) for c in t["children"] if id(c) in kept]
        hidden = t["count"] - sum(1 + c["count"] for c in shown)
        return {"node": t["node"], "children": shown, "count": t["count"], "hidden": hidden}

    return copy(tree)


def level_counts(tree: dict[str, Any]) -> dict[str, int]:
    """Return how many documents of each level hang below the tree's root."""
    out: Counter[str] = Counter()
    stack = list(tree["children"])
    while stack:
        t = stack.pop()
        out[t["node"].get("level") or "unknown"] += 1
        stack.extend(t["children"])
    return dict(out)


# --------------------------------------------------------------------------- graph calls


def _run(graph: Graph, name: str, **params: Any) -> list[dict[str, Any]]:
    """Return the rows of the named query ``cypher/<name>.cypher``."""
    return queries.run(graph, name, **params)


def list_documents(graph: Graph, *, symbol: str | None, issuer: str | None, level: str | None,
                   province: str | None, q: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """Return one page of documents matching the filters, ordered by id.

    The issuer filter accepts the name as typed (case-insensitive) or, accent-free and abbreviated,
    any canonical agency name the agency search finds for it ("UBND huyen Chau Thanh").
    """
    issuer = " ".join((issuer or "").split())
    names = [a["name"] for a in search_agencies(graph, q=issuer, province=None, level=None, kind=None,
                                                limit=50, offset=0)] if search_groups(issuer) else []
    return _run(graph, "api_documents_list", symbol_key=symbol_lookup_key(symbol), issuer=issuer.lower(),
                issuer_names=names, level=level or "", province=(province or "").strip(),
                groups=search_groups(q), offset=offset, limit=limit)


def get_document(graph: Graph, doc_id: str) -> dict[str, Any] | None:
    """Return one document with ``references``, ``referenced_by`` and task counts, or None if unknown."""
    rows = _run(graph, "api_document_get", id=doc_id)
    if not rows:
        return None
    doc = rows[0]
    kinds = Counter(doc.pop("deadline_kinds") or [])
    doc["task_counts"] = {"total": doc.pop("tasks") or 0, "agencies": doc.pop("agencies") or 0,
                          "by_deadline_kind": dict(sorted(kinds.items()))}
    links = _run(graph, "api_document_links", id=doc_id)
    doc["references"] = _by_strength([_link(r) for r in links if r["direction"] == "out"])
    doc["referenced_by"] = _by_strength([_link(r) for r in links if r["direction"] == "in"])
    return doc


def _by_strength(links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return links strongest relation first (implements, based_on, cites), then by symbol and id."""
    return sorted(links, key=lambda x: (-RELATION_STRENGTH.get(x["relation"], 0), x.get("symbol") or "", x["target_id"]))


def _link(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if k not in ("direction", "relation", "id")}
    out["relation"] = row["relation"].lower()
    out["target_id"] = row["id"]
    return out


def document_tasks(graph: Graph, doc_id: str, *, limit: int = 500, offset: int = 0) -> list[dict[str, Any]]:
    """Return the plan's tasks in document order with lead/support agencies sorted by name."""
    rows = _run(graph, "api_document_tasks", id=doc_id, offset=offset, limit=limit)
    return [_task_agencies(r) for r in rows]


def _task_agencies(row: dict[str, Any]) -> dict[str, Any]:
    for key in ("lead", "support"):
        seen: dict[str, dict] = {}
        for a in row.get(key) or []:
            if a and a.get("id"):
                seen[a["id"]] = a
        row[key] = sorted(seen.values(), key=lambda a: (a.get("name") or "", a["id"]))
    return row


def document_props(graph: Graph, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Return {id: summary properties} for the given document ids."""
    if not ids:
        return {}
    return {r["id"]: r for r in _run(graph, "api_documents_by_ids", ids=sorted(set(ids)))}


def lineage(graph: Graph, doc_id: str, direction: str = "up", depth: int = 10) -> Lineage | None:
    """Return the ordered lineage of ``doc_id`` (``up``, ``down`` or ``both``) cut at ``depth`` hops; None if unknown.

    Two queries: the edges, then the nodes' properties (the API caches the answer per ingest
    generation, ``api.cache``).
    """
    up = _run(graph, "api_lineage_up_edges", ids=[doc_id]) if direction in ("up", "both") else []
    down = _run(graph, "api_lineage_down_edges", ids=[doc_id]) if direction in ("down", "both") else []
    ids = {doc_id} | {e[k] for e in up + down for k in ("source", "target")}
    props = document_props(graph, list(ids))
    if doc_id not in props:
        return None
    return assemble_lineage(doc_id, direction, depth, up, down, props)


def chains_up(graph: Graph, doc_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Return {plan id: the ordered documents it implements (nearest first)} for several plans at once.

    Two queries whatever the number of plans: the edges above all of them, then the properties.
    """
    out: dict[str, list[dict[str, Any]]] = {}
    missing = sorted(set(doc_ids))
    if not missing:
        return out
    rows = _run(graph, "api_lineage_up_edges", ids=missing)
    by_start: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_start[r["start"]].append(r)
    props = document_props(graph, list({e[k] for e in rows for k in ("source", "target")}))
    for pid in missing:
        edges = by_start.get(pid, [])
        # "The chain the plan implements": IMPLEMENTS edges when there are any; a plan that only
        # names its legal bases ("Căn cứ") falls back to BASED_ON.
        implements = [e for e in edges if e["type"] == "IMPLEMENTS"]
        lin = assemble_lineage(pid, "up", 12, implements or edges, [], props)
        chain = [{"id": n["id"], "symbol": n.get("symbol"), "doc_type": n.get("doc_type"),
                  "level": n.get("level"), "issuer": n.get("issuer"), "depth": n["depth"]} for n in lin.nodes[1:]]
        out[pid] = chain
    return out


def agency_summary(graph: Graph, agency_id: str) -> dict[str, Any] | None:
    """Return one agency's properties (no counts: cheap), or None if unknown."""
    rows = _run(graph, "api_agency_summary", id=agency_id)
    return rows[0] if rows else None


def get_agency(graph: Graph, agency_id: str) -> dict[str, Any] | None:
    """Return one agency with its lead/support duty counts, or None if unknown."""
    rows = _run(graph, "api_agency_get", id=agency_id)
    return rows[0] if rows else None


def agency_duties(graph: Graph, agency_id: str, *, role: str | None = None, due_before: str | None = None,
                  document: str | None = None, kind: str | None = None, q: str | None = None,
                  limit: int = 100, offset: int = 0, with_chain: bool = True) -> list[dict[str, Any]]:
    """Return one page of the agency's duties, each with its plan and (optionally) the chain the plan implements."""
    rows = _run(graph, "api_agency_duties", id=agency_id, role=role or "", due_before=due_before or "",
                document=document or "", kind=kind or "", groups=search_groups(q), offset=offset, limit=limit)
    chains = chains_up(graph, [r["doc_id"] for r in rows]) if with_chain else {}
    return [_duty(r, chains.get(r["doc_id"], [])) for r in rows]


def _duty(row: dict[str, Any], chain: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "task_id": row["task_id"], "role": row["role"], "section": row.get("section"), "text": row.get("text"),
        "ordinal": row.get("ordinal"),
        "deadline": {"text": row.get("deadline_text"), "kind": row.get("deadline_kind"), "due": row.get("due"),
                     "period": row.get("period")},
        "plan": {"id": row["doc_id"], "symbol": row.get("doc_symbol"), "doc_type": row.get("doc_type"),
                 "title": row.get("doc_title"), "issuer": row.get("doc_issuer"), "level": row.get("doc_level"),
                 "issued_on": row.get("doc_issued_on")},
        "chain": chain,
    }


def agency_coordination(graph: Graph, agency_id: str, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Return the agencies ``agency_id`` coordinates with, most shared tasks first."""
    rows = _run(graph, "api_agency_coordination", id=agency_id, offset=offset, limit=limit)
    for r in rows:
        r["documents"] = sorted(d for d in (r.get("documents") or []) if d)
    return rows


def search_tasks(graph: Graph, *, agency: str | None, due_before: str | None, kind: str | None, q: str | None,
                 limit: int, offset: int, agency_name: str | None = None) -> list[dict[str, Any]]:
    """Return one page of tasks matching the filters (through the agency's duties when ``agency`` is given).

    Filtered by agency, each task lists that agency under its role (``lead`` or ``support``).
    """
    if agency:
        duties = agency_duties(graph, agency, due_before=due_before, kind=kind, q=q, limit=limit, offset=offset,
                               with_chain=False)
        return [_duty_as_task(d, {"id": agency, "name": agency_name}) for d in duties]
    rows = _run(graph, "api_tasks_search", due_before=due_before or "", kind=kind or "", groups=search_groups(q),
                offset=offset, limit=limit)
    return [_task_row(_task_agencies(r)) for r in rows]


def _task_row(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["id"], "section": r.get("section"), "text": r.get("text"), "ordinal": r.get("ordinal"),
            "deadline": {"text": r.get("deadline_text"), "kind": r.get("deadline_kind"), "due": r.get("due"),
                         "period": r.get("period")},
            "document": {"id": r["doc_id"], "symbol": r.get("doc_symbol"), "title": r.get("doc_title")},
            "lead": r["lead"], "support": r["support"], "role": None}


def _duty_as_task(d: dict[str, Any], agency: dict[str, Any]) -> dict[str, Any]:
    return {"id": d["task_id"], "section": d["section"], "text": d["text"], "ordinal": d.get("ordinal"),
            "deadline": d["deadline"],
            "document": {"id": d["plan"]["id"], "symbol": d["plan"]["symbol"], "title": d["plan"]["title"]},
            "lead": [agency] if d["role"] == "lead" else [], "support": [agency] if d["role"] == "support" else [],
            "role": d["role"]}


def directive_roots(graph: Graph, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Return the root directives (central documents something carries out, carrying out no other central one), newest first."""
    return _run(graph, "api_directive_roots", offset=offset, limit=limit)


def _display_order(tree: dict[str, Any]) -> tuple:
    node = tree["node"]
    return (LEVEL_ORDER.get(node.get("level") or "unknown", 9), node.get("province") or "", node.get("symbol") or "",
            node["id"])


def fill_tree(tree: dict[str, Any], props: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Return a copy of ``tree`` with each node's properties from ``props`` and children in display order.

    Display order: level (central first), province, symbol, id.
    """
    node = dict(props.get(tree["node"]["id"]) or tree["node"])
    kids = sorted((fill_tree(c, props) for c in tree["children"]), key=_display_order)
    return {**tree, "node": node, "children": kids}


def _tree_ids(tree: dict[str, Any]) -> list[str]:
    out, stack = [], [tree]
    while stack:
        t = stack.pop()
        out.append(t["node"]["id"])
        stack.extend(t["children"])
    return out


def cascades(graph: Graph, roots: list[dict[str, Any]], budget: int = 300) -> list[dict[str, Any]]:
    """Return one cascade tree per root directive (at most ``budget`` documents drawn), with per-level counts and tasks.

    Three queries whatever the size: the lineage edges below the roots, the counts (aggregated in
    the store), and the properties of the documents actually drawn — a national directive has
    hundreds of plans below it and the page should not fetch them all.
    """
    ids = [r["id"] for r in roots]
    if not ids:
        return []
    rows = _run(graph, "api_lineage_down_edges", ids=ids)
    by_root: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_root[r["start"]].append(r)
    shapes = {rid: prune_tree(cascade_tree(rid, by_root.get(rid, []), {}), budget) for rid in ids}
    props = document_props(graph, list({i for t in shapes.values() for i in _tree_ids(t)}))
    levels: dict[str, dict[str, int]] = defaultdict(dict)
    tasks: Counter[str] = Counter()
    for c in _run(graph, "api_cascade_counts", ids=ids):
        levels[c["id"]][c["level"]] = int(c["documents"] or 0)
        tasks[c["id"]] += int(c["tasks"] or 0)
    out = []
    for root in roots:
        rid = root["id"]
        tree = fill_tree(shapes[rid], props)
        out.append({"root": props.get(rid, root), "tree": tree, "levels": dict(sorted(levels.get(rid, {}).items())),
                    "tasks": tasks[rid] + int(props.get(rid, {}).get("task_count") or 0)})
    return out


def search_all(graph: Graph, q: str, limit: int = 10) -> dict[str, list[dict[str, Any]]]:
    """Return documents (symbol match first), agencies and tasks matching ``q``, ``limit`` of each."""
    docs: list[dict[str, Any]] = []
    key = symbol_lookup_key(q)
    if key and any(ch.isdigit() for ch in key):
        docs = list_documents(graph, symbol=q, issuer=None, level=None, province=None, q=None, limit=limit, offset=0)
    if len(docs) < limit:
        seen = {d["id"] for d in docs}
        more = list_documents(graph, symbol=None, issuer=None, level=None, province=None, q=q, limit=limit, offset=0)
        docs += [d for d in more if d["id"] not in seen][: limit - len(docs)]
    agencies = search_agencies(graph, q=q, province=None, level=None, kind=None, limit=limit, offset=0)
    tasks = search_tasks(graph, agency=None, due_before=None, kind=None, q=q, limit=limit, offset=0)
    return {"documents": docs, "agencies": agencies, "tasks": tasks}


def ingest_upload(graph: Graph, data: bytes, name: str) -> dict[str, Any]:
    """Return the summary of an uploaded document after parsing it and loading it as one transaction.

    Raises ``ingest.IngestError`` (unreadable, empty, not a document) or ``cascade.loader.LoadError``
    (no symbol to identify it) before anything is written.
    """
    from cascade.loader import load, prune_orphans
    from ingest import parse_bytes

    result = parse_bytes(data, name)
    summary = load(graph, result)  # bumps the ingest generation: cached API answers are not served any more
    if summary.replaced:
        prune_orphans(graph)  # a changed document may no longer name a body it named before
    doc = result.document
    return {
        "id": summary.doc_id, "symbol": doc.symbol, "doc_type": doc.doc_type, "title": doc.title,
        "issuer": doc.issuer.name if doc.issuer else None,
        "tasks": summary.tasks, "agencies": summary.agencies,
        "references": [{"symbol": r.symbol, "relation": r.relation, "id": r.id} for r in result.references],
        "warnings": list(result.warnings) + [w for w in summary.warnings if w not in result.warnings],
    }


def health(graph: Graph) -> dict[str, Any]:
    """Return backend name, reachability, stored schema version and node/edge counts."""
    return {"backend": graph.backend, "reachable": graph.ping(), "schema_version": graph.schema_version(),
            "counts": graph.counts()}
