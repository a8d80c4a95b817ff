"""The graph model, declared once and applied to both engines.

This module is the single source of truth for labels, properties, keys,
indexes and edge types. ``cypher/schema.cypher`` (Neo4j constraints) is
generated from it (``cascade schema --neo4j``) and checked against it in the
tests; the FalkorDB backend creates the equivalent indexes from the same data.

All property values are plain strings, numbers, booleans or lists of those:
dates are ISO strings ("2020-04-08"), never engine temporal types, so both
backends (and FalkorDB's Bolt port) return identical JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Bump when labels, keys or edge semantics change; stored in the graph as
#: ``(:Meta {key: "schema"}).version`` and reported by ``/health``.
#: 2: one IMPLEMENTS/BASED_ON/CITES edge per (child, parent, type) with ``stated_by`` a list
#: (version 1 had one parallel edge per stating document); ``Document.states``.
#: 3: the precomputed lineage closure, ``UNDER`` edges (written by every load; a v2 graph gets
#: them in ``Graph.apply_schema``).
#: 4: ids of district and commune agencies carry their province (and a commune's its district):
#: "phong-noi-vu-huyen-chau-thanh--soc-trang" (huyện Châu Thành exists in several provinces);
#: ``Graph.apply_schema`` renames them in a v3 graph.
SCHEMA_VERSION = 4


@dataclass(frozen=True)
class NodeType:
    """A node label with its unique key, indexed properties and documented properties."""

    label: str
    key: str
    indexed: tuple[str, ...]
    properties: dict[str, str]
    extra_labels: tuple[str, ...] = ()  # sub-labels that share the key (Directive, Plan)
    doc: str = ""


@dataclass(frozen=True)
class EdgeType:
    """A relationship type: its endpoints and properties."""

    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    properties: dict[str, str] = field(default_factory=dict)
    doc: str = ""
    #: Edge properties with an index: the loader finds "the edges document X stated" through them,
    #: so re-ingesting one document does not scan every edge of the graph.
    indexed: tuple[str, ...] = ()


NODES: tuple[NodeType, ...] = (
    NodeType(
        label="Document",
        key="id",
        indexed=("symbol_key", "status", "level", "province", "year"),
        extra_labels=("Directive", "Plan"),
        doc=(
            "Any document of the cascade. Central Party/State documents also carry "
            ":Directive; plans and programmes of ministries, provinces and districts :Plan. "
            "A document only cited so far is a stub with status 'referenced'."
        ),
        properties={
            "id": "deterministic id, see ingest.identity.document_id",
            "symbol": "normalised symbol, e.g. '124/KH-UBND', '52-KL/TW'",
            "symbol_key": "accent/case-folded symbol for exact lookup",
            "doc_type": "Kế hoạch, Quyết định, Nghị quyết, Kết luận, Chương trình hành động, ...",
            "title": "trích yếu",
            "issuer": "canonical issuer name",
            "level": "central | ministry | province | district | commune | unknown",
            "province": "short province name or null",
            "district": "short district name or null",
            "issued_on": "ISO date string or null",
            "year": "integer or null",
            "place": "place of issue",
            "status": "ingested | referenced",
            "signer": "signer's name",
            "signer_title": "signer's capacity",
            "source_path": "file name the document was ingested from",
            "sha256": "hash of the ingested file's bytes",
            "task_count": "number of tasks (ingested documents)",
            "fingerprint": "sha256 of the statements that loaded the document (cascade.loader.fingerprint): "
                           "an unchanged re-ingest is skipped",
            "states": "sorted ids of the other documents whose lineage edges this document's text states "
                      "(e.g. 'Kế hoạch 56 thực hiện Quyết định 142'); re-ingest finds the edges to update there",
            "search": "accent-folded text for search (symbol, type, title, issuer)",
        },
    ),
    NodeType(
        label="Agency",
        key="id",
        indexed=("name", "province", "level", "kind"),
        extra_labels=("AgencyGroup",),
        doc=(
            "A body that issues documents or is assigned tasks. Collective assignees "
            "('các sở, ban, ngành tỉnh') carry :AgencyGroup instead of :Agency."
        ),
        properties={
            "id": "slug of the canonical name; a district's or commune's body adds its province "
                  "(and a commune's its district), see ingest.identity.agency_id",
            "name": "canonical name, e.g. 'Sở Nội vụ tỉnh Bắc Ninh'",
            "kind": "agency | group",
            "level": "central | ministry | province | district | commune | unknown",
            "province": "short province name or null",
            "district": "short district name or null",
            "aliases": "list of the spellings seen in documents",
            "search": "accent-folded name and aliases, with abbreviations expanded",
        },
    ),
    NodeType(
        label="Task",
        key="id",
        indexed=("doc_id", "due", "deadline_kind"),
        doc="One assigned duty of a plan.",
        properties={
            "id": "document id + ordinal",
            "doc_id": "id of the plan that assigns it",
            "ordinal": "1-based position in the plan",
            "section": "section path, e.g. 'III.6'",
            "text": "the task's text",
            "source": "body | appendix",
            "offset": "character offset in the cleaned text",
            "deadline_text": "deadline as written",
            "deadline_kind": "once | recurring | continuous | unspecified | null",
            "due": "ISO date (end of the named period; for a recurring task, its first due date when written) or null",
            "period": "ISO 8601 duration for recurring tasks (P1Y, P6M) or null",
            "search": "accent-folded text",
        },
    ),
    NodeType(
        label="Jurisdiction",
        key="id",
        indexed=("name", "level"),
        doc="A province or district; agencies and local issuers are PART_OF one.",
        properties={
            "id": "slug of province (and district)",
            "name": "short name",
            "level": "province | district",
            "province": "short province name",
            "district": "short district name or null",
        },
    ),
    NodeType(
        label="Meta",
        key="key",
        indexed=(),
        doc="Bookkeeping: the schema version (key 'schema'), and the ingest generation (key 'ingest'), "
            "bumped by every write that changes the graph, which keys the API's cache.",
        properties={"key": "'schema' | 'ingest'", "version": "SCHEMA_VERSION (key 'schema')",
                    "generation": "integer, +1 per changing ingest write (key 'ingest')"},
    ),
)

EDGES: tuple[EdgeType, ...] = (
    EdgeType(
        "IMPLEMENTS",
        ("Document",),
        ("Document",),
        {"stated_by": "sorted list of the ids of the documents whose text states the edge (the child itself for "
         "its own references). ONE edge per (child, parent, type), however many documents state it: parallel "
         "edges multiplied the paths a variable-length lineage traversal enumerates (issue #6 benchmarks)",
         "text": "the mention that states it in the child's own text (null when only other documents state it)",
         "count": "number of mentions in the child's own text (null when only other documents state it)"},
        "plan -> what it carries out (title, 'Thực hiện', 'Triển khai', 'cụ thể hóa')",
    ),
    EdgeType("BASED_ON", ("Document",), ("Document",), {"stated_by": "as above", "text": "as above", "count": "as above"},
             "legal basis ('Căn cứ')"),
    EdgeType("CITES", ("Document",), ("Document",), {"stated_by": "as above", "text": "as above", "count": "as above"},
             "any other mention"),
    EdgeType(
        "UNDER",
        ("Document",),
        ("Document",),
        {"depth": "length of the shortest IMPLEMENTS/BASED_ON chain from the document up to the ancestor (1..10)",
         "parent_id": "id of the next document up on that chain (the smallest id among equally short chains: "
                      "stored values must not depend on load order)",
         "parent_symbol": "symbol of that next document"},
        "DERIVED, never stated: document -> each ancestor within 10 lineage hops, so the full cascade below a "
        "directive is one hop (issue #6: faster than the SQLite recursive CTE). Rewritten by every load for the "
        "documents whose lineage it changes and all below them (cypher/load_lineage_closure.cypher)",
    ),
    EdgeType("ISSUED_BY", ("Document",), ("Agency",), {}, "document -> issuing body"),
    EdgeType("HAS_TASK", ("Document",), ("Task",), {}, "plan -> its tasks"),
    EdgeType(
        "ASSIGNED_TO",
        ("Task",),
        ("Agency", "AgencyGroup"),
        {"role": "lead | support"},
        "task -> agency that leads (chủ trì) or supports (phối hợp) it",
    ),
    EdgeType(
        "COORDINATES_WITH",
        ("Agency", "AgencyGroup"),
        ("Agency", "AgencyGroup"),
        {"task": "task id", "doc_id": "plan id"},
        "lead agency -> coordinating agency, one edge per task",
        indexed=("doc_id",),
    ),
    EdgeType("PART_OF", ("Agency", "AgencyGroup", "Jurisdiction"), ("Agency", "Jurisdiction"), {}, "agency -> parent body or jurisdiction"),
    EdgeType(
        "REPORTS_TO",
        ("Agency", "AgencyGroup"),
        ("Agency",),
        {"via": "agency name the report goes through", "period": "ISO 8601 duration", "doc_id": "plan that states it",
         "text": "the sentence that states it"},
        "reporting line named by a plan",
        indexed=("doc_id",),
    ),
)

#: Edge types that make up a lineage (what a plan ultimately implements).
LINEAGE_EDGES: tuple[str, ...] = ("IMPLEMENTS", "BASED_ON")
#: Edge types computed from others, not read from any document (not "graph elements" ingest wrote).
DERIVED_EDGES: tuple[str, ...] = ("UNDER",)
#: Edge types between documents that carry ``stated_by`` (one edge per pair, see EDGES).
STATED_EDGES: tuple[str, ...] = ("IMPLEMENTS", "BASED_ON", "CITES")


def node(label: str) -> NodeType:
    """Return the declared node type for ``label`` (KeyError if unknown)."""
    for n in NODES:
        if n.label == label or label in n.extra_labels:
            return n
    raise KeyError(label)


def neo4j_statements() -> list[str]:
    """Return the Neo4j 5 constraint and index statements for the model, idempotent (IF NOT EXISTS)."""
    out: list[str] = []
    for n in NODES:
        for label in (n.label, *n.extra_labels):
            out.append(
                f"CREATE CONSTRAINT {label.lower()}_{n.key}_unique IF NOT EXISTS "
                f"FOR (x:{label}) REQUIRE x.{n.key} IS UNIQUE"
            )
        for prop in n.indexed:
            out.append(f"CREATE INDEX {n.label.lower()}_{prop} IF NOT EXISTS FOR (x:{n.label}) ON (x.{prop})")
    for e in EDGES:
        for prop in e.indexed:
            out.append(f"CREATE INDEX {e.type.lower()}_{prop} IF NOT EXISTS FOR ()-[x:{e.type}]-() ON (x.{prop})")
    return out


def falkordb_statements() -> list[str]:
    """Return the FalkorDB index statements for the model (keys and indexed properties)."""
    out: list[str] = []
    for n in NODES:
        for label in (n.label, *n.extra_labels):
            out.append(f"CREATE INDEX FOR (x:{label}) ON (x.{n.key})")
        for prop in n.indexed:
            out.append(f"CREATE INDEX FOR (x:{n.label}) ON (x.{prop})")
    for e in EDGES:
        for prop in e.indexed:
            out.append(f"CREATE INDEX FOR ()-[x:{e.type}]-() ON (x.{prop})")
    return out
