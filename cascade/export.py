"""Exports for the tools analysts already use (issue #5): Excel, CSV, GraphML, neo4j-admin.

Every export reads the graph through the named queries of ``cypher/``
(``export_duties``, ``export_nodes``, ``export_edges``) via ``cascade.queries``,
so the same Cypher runs on FalkorDB and Neo4j. Each ``export_*`` function
writes into a directory and returns an ``ExportResult`` naming the files it
wrote. Files are first written under a temporary name and renamed at the end,
so a failed export leaves nothing half-written (CONTRIBUTING rule 9).

* ``xlsx``: one workbook, ``duties.xlsx``: a sheet per plan (task, section,
  lead, support, deadline, source) and a sheet per agency (its duties), with
  Vietnamese headers, a frozen header row, column widths and auto-filters, plus
  an index sheet ("Mục lục") mapping the shortened sheet names to full names.
* ``csv``: the same tables, one file each, UTF-8 with BOM so Excel detects the
  encoding of Vietnamese text.
* ``graphml``: ``cascade.graphml``, every node and edge with labels and
  properties (``<key>`` declarations, typed attributes, lists joined with ";").
* ``neo4j-admin``: node and relationship CSVs with typed headers for
  ``neo4j-admin database import full`` and the command itself in
  ``import-command.txt``.

``document`` and ``province`` narrow every export to one plan or the plans of
one province (with the documents, tasks and agencies they touch).
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from cascade import queries
from cascade.graph import Graph
from ingest.identity import fold, slug

FORMATS: tuple[str, ...] = ("xlsx", "csv", "graphml", "neo4j-admin")

#: Column headers of a plan sheet (Vietnamese, as in the plans' own appendix tables).
PLAN_HEADERS: tuple[str, ...] = ("TT", "Nhiệm vụ", "Mục", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Nguồn")
#: Column headers of an agency sheet.
AGENCY_HEADERS: tuple[str, ...] = ("TT", "Nhiệm vụ", "Vai trò", "Văn bản", "Mục", "Thời hạn", "Nguồn")
#: Column widths (characters) for the two sheet kinds, same order as the headers.
PLAN_WIDTHS: tuple[int, ...] = (6, 80, 8, 40, 40, 22, 28)
AGENCY_WIDTHS: tuple[int, ...] = (6, 80, 12, 18, 8, 22, 28)

ROLE_VI = {"lead": "Chủ trì", "support": "Phối hợp"}
SOURCE_VI = {"appendix": "phụ lục", "body": "nội dung"}

#: Excel forbids these in sheet names (ECMA-376 / Excel's UI: ``[ ] : * ? / \``), and caps them at 31 characters.
_SHEET_ILLEGAL = str.maketrans({c: "-" for c in "[]:*?/\\"})
SHEET_MAX = 31

#: Page size for streaming nodes and edges out of the graph.
PAGE = 5000


@dataclass
class Table:
    """One sheet / CSV file: a name, a title (full, unshortened), headers and rows."""

    kind: str  # "plan" | "agency"
    key: str  # document id or agency id: the CSV file name
    title: str  # full name: "371/KH-UBND (Ủy ban nhân dân tỉnh Bắc Ninh)"
    headers: tuple[str, ...]
    widths: tuple[int, ...]
    rows: list[list[Any]] = field(default_factory=list)
    short: str = ""  # preferred sheet name: "371-KH-UBND Bắc Ninh" (symbol + jurisdiction)


@dataclass
class ExportResult:
    """What an export wrote: the format, the files, a summary count and, for neo4j-admin, the command."""

    format: str
    files: list[Path]
    counts: dict[str, int] = field(default_factory=dict)
    command: str | None = None


# --------------------------------------------------------------------------- reading


def scope_params(document: str | None = None, province: str | None = None) -> dict[str, str]:
    """Return the ``document``/``province`` query parameters ("" = no filter), the province canonicalised.

    "Thừa Thiên Huế", "TỈNH SÓC TRĂNG", "soc trang" and "Sóc Trăng" all become the
    short name the loader stores (``ingest.admin_units``) when the province is known.
    """
    prov = (province or "").strip()
    if prov:
        from ingest.admin_units import canonical_province, province_names

        canonical = canonical_province(prov)
        if canonical is None:  # typed without diacritics: "lao cai", "ba ria - vung tau"
            folded = fold(prov)
            canonical = next((n for n in province_names() if fold(n) == folded), None)
        prov = canonical or prov
    return {"document": (document or "").strip(), "province": prov}


def duty_rows(graph: Graph, document: str | None = None, province: str | None = None) -> list[dict[str, Any]]:
    """Return the ``export_duties`` rows (one per task x assigned agency x role) in scope."""
    return queries.run(graph, "export_duties", **scope_params(document, province))


def _deadline(row: dict[str, Any]) -> str:
    """Return the deadline cell: the text as written, else the ISO due date or period."""
    return row.get("deadline_text") or row.get("due") or row.get("period") or ""


def _source(row: dict[str, Any]) -> str:
    """Return the source cell: the plan's symbol and where in it the task was read."""
    where = SOURCE_VI.get(row.get("source") or "", row.get("source") or "")
    sym = row.get("symbol") or row.get("doc_id") or ""
    return f"{sym} ({where})" if where else sym


def duty_tables(rows: Iterable[dict[str, Any]]) -> list[Table]:
    """Return the duty-matrix tables: one per plan (in id order), then one per agency (by name)."""
    tasks: OrderedDict[str, dict[str, Any]] = OrderedDict()
    by_agency: dict[str, dict[str, Any]] = {}
    for r in rows:
        t = tasks.setdefault(r["task_id"], {**r, "lead": [], "support": []})
        if r.get("agency") and r.get("role") in ("lead", "support"):
            if r["agency"] not in t[r["role"]]:
                t[r["role"]].append(r["agency"])
            ag = by_agency.setdefault(r["agency_id"] or slug(r["agency"]), {"name": r["agency"], "duties": []})
            ag["duties"].append((r, r["role"]))

    plans: OrderedDict[str, Table] = OrderedDict()
    for t in sorted(tasks.values(), key=lambda x: (x["doc_id"], x.get("ordinal") or 0)):
        table = plans.get(t["doc_id"])
        if table is None:
            title = t.get("symbol") or t["doc_id"]
            if t.get("issuer"):
                title = f"{title} ({t['issuer']})"
            # the sheet name says symbol and jurisdiction: every province has its own 56/KH-UBND
            place = t.get("district") or t.get("province") or ""
            short = f"{t.get('symbol') or t['doc_id']} {place}".strip()
            table = plans[t["doc_id"]] = Table("plan", t["doc_id"], title, PLAN_HEADERS, PLAN_WIDTHS, short=short)
        table.rows.append([
            t.get("ordinal"), t.get("text") or "", t.get("section") or "",
            "; ".join(t["lead"]), "; ".join(t["support"]), _deadline(t), _source(t),
        ])

    agencies: list[Table] = []
    for agency_id, ag in sorted(by_agency.items(), key=lambda kv: (fold(kv[1]["name"]), kv[0])):
        table = Table("agency", agency_id, ag["name"], AGENCY_HEADERS, AGENCY_WIDTHS)
        duties = sorted(ag["duties"], key=lambda d: (d[0]["doc_id"], d[0].get("ordinal") or 0, d[1]))
        for i, (r, role) in enumerate(duties, start=1):
            table.rows.append([
                i, r.get("text") or "", ROLE_VI[role], r.get("symbol") or r["doc_id"],
                r.get("section") or "", _deadline(r), _source(r),
            ])
        agencies.append(table)
    return [*plans.values(), *agencies]


def _paged(graph: Graph, name: str) -> list[dict[str, Any]]:
    """Return all rows of a paged export query (``skip``/``limit`` parameters)."""
    out: list[dict[str, Any]] = []
    skip = 0
    while True:
        page = queries.run(graph, name, skip=skip, limit=PAGE)
        out.extend(page)
        if len(page) < PAGE:
            return out
        skip += PAGE


def graph_elements(graph: Graph, document: str | None = None,
                   province: str | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return ``(nodes, edges)`` in scope: nodes ``{labels, props}``, edges ``{type, source, target, props}``.

    Without a filter: every node except the ``Meta`` bookkeeping node. With a
    document or a province: the plans in scope, their tasks, the agencies those
    tasks are assigned to (and the bodies they are part of), the documents the
    plans cite or are cited by, and the agency-to-agency edges the plans state.
    """
    nodes = [n for n in _paged(graph, "export_nodes") if "Meta" not in n["labels"] and n["props"].get("id")]
    edges = _paged(graph, "export_edges")
    params = scope_params(document, province)
    if not params["document"] and not params["province"]:
        ids = {n["props"]["id"] for n in nodes}
        return nodes, [e for e in edges if e["source"] in ids and e["target"] in ids]

    want_prov = fold(params["province"]) if params["province"] else None
    docs = {
        n["props"]["id"] for n in nodes
        if "Document" in n["labels"]
        and (not params["document"] or n["props"]["id"] == params["document"])
        and (want_prov is None or fold(n["props"].get("province") or "") == want_prov)
    }
    keep_edges: list[dict[str, Any]] = []
    keep: set[str] = set(docs)
    for e in edges:  # one hop from the plans: tasks, issuers, cited and citing documents
        if e["source"] in docs or e["target"] in docs:
            keep_edges.append(e)
            keep.update((e["source"], e["target"]))
    tasks = {e["target"] for e in keep_edges if e["type"] == "HAS_TASK"}
    for e in edges:
        if e["type"] == "ASSIGNED_TO" and e["source"] in tasks:
            keep_edges.append(e)
            keep.add(e["target"])
    for e in edges:  # agency-to-agency edges stated by a plan in scope, and agencies' parents
        if e["type"] in ("COORDINATES_WITH", "REPORTS_TO") and (e["props"] or {}).get("doc_id") in docs:
            keep_edges.append(e)
            keep.update((e["source"], e["target"]))
    for e in edges:
        if e["type"] == "PART_OF" and e["source"] in keep:
            keep_edges.append(e)
            keep.add(e["target"])
    seen: set[tuple[Any, ...]] = set()
    unique_edges = []
    for e in keep_edges:
        k = (e["type"], e["source"], e["target"], repr(sorted((e["props"] or {}).items())))
        if k not in seen:
            seen.add(k)
            unique_edges.append(e)
    return [n for n in nodes if n["props"]["id"] in keep], unique_edges


# --------------------------------------------------------------------------- writing helpers


@dataclass
class _Stage:
    """A temporary directory beside the output; ``files`` holds the published paths after the ``with``."""

    dir: Path
    files: list[Path] = field(default_factory=list)


@contextmanager
def _staged(out: Path) -> Iterator[_Stage]:
    """Yield a fresh directory beside ``out`` to write into; publish it into ``out`` on success.

    On any failure the directory is removed and nothing reaches ``out``: an export
    is all or nothing, like an ingest.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = _Stage(Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent)))
    try:
        yield stage
        stage.files = _publish(stage.dir, out)
    except BaseException:
        shutil.rmtree(stage.dir, ignore_errors=True)
        raise


def _table_counts(tables: Sequence[Any]) -> dict[str, int]:
    """Return how many plan and agency tables an xlsx/csv export wrote."""
    return {"plans": sum(t.kind == "plan" for t in tables), "agencies": sum(t.kind == "agency" for t in tables)}


def _publish(tmp: Path, out: Path) -> list[Path]:
    """Move every file of ``tmp`` into ``out`` (replacing files of the same name); return the final paths."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for src in sorted(tmp.rglob("*")):
        if src.is_file():
            dst = out / src.relative_to(tmp)
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
            written.append(dst)
    for d in sorted((p for p in tmp.rglob("*") if p.is_dir()), reverse=True):
        d.rmdir()
    tmp.rmdir()
    return written


def sheet_names(titles: Sequence[str]) -> list[str]:
    """Return Excel-safe, unique sheet names for ``titles``: no ``[]:*?/\\``, at most 31 characters.

    Collisions after shortening (two agencies sharing a 31-character prefix)
    get a numeric suffix "~2", "~3" that still fits the limit; comparison is
    case-insensitive, as Excel's.
    """
    names: list[str] = []
    used: set[str] = set()
    for title in titles:
        base = title.translate(_SHEET_ILLEGAL).strip().strip("'") or "Sheet"
        name = base[:SHEET_MAX].rstrip()
        n = 1
        while name.casefold() in used:
            n += 1
            suffix = f"~{n}"
            name = base[: SHEET_MAX - len(suffix)].rstrip() + suffix
        used.add(name.casefold())
        names.append(name)
    return names


def _file_stem(key: str) -> str:
    """Return a file name for a node id: the id itself (ids are ASCII and URL-safe), else its slug."""
    ok = key and all(c.isascii() and (c.isalnum() or c in "-_.") for c in key) and not key.startswith(".")
    return key if ok else (slug(key) or "x")


def _cell(value: Any) -> Any:
    """Return ``value`` as an Excel/CSV cell (lists joined with "; ")."""
    if isinstance(value, list | tuple):
        return "; ".join("" if v is None else str(v) for v in value)
    return value


# --------------------------------------------------------------------------- xlsx / csv


def export_xlsx(graph: Graph, out: Path, document: str | None = None, province: str | None = None) -> ExportResult:
    """Write ``duties.xlsx`` (plan and agency sheets, index sheet) into ``out``; return what was written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    tables = duty_tables(duty_rows(graph, document, province))
    wb = Workbook()
    index = wb.active
    index.title = "Mục lục"
    index.append(["Trang tính", "Loại", "Tên đầy đủ", "Mã", "Số dòng"])
    names = sheet_names(["Mục lục", *(t.short or t.title for t in tables)])[1:]
    bold = Font(bold=True)
    for table, name in zip(tables, names, strict=True):
        ws = wb.create_sheet(name)
        ws.append(list(table.headers))
        for row in table.rows:
            ws.append([_cell(v) for v in row])
        for cell in ws[1]:
            cell.font = bold
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for i, width in enumerate(table.widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        wrap = Alignment(wrap_text=True, vertical="top")
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrap
        index.append([name, "Kế hoạch" if table.kind == "plan" else "Cơ quan", table.title, table.key, len(table.rows)])
    for cell in index[1]:
        cell.font = bold
    index.freeze_panes = "A2"
    index.auto_filter.ref = index.dimensions
    for i, width in enumerate((32, 10, 70, 50, 9), start=1):
        index.column_dimensions[get_column_letter(i)].width = width

    with _staged(out) as stage:
        wb.save(stage.dir / "duties.xlsx")
    return ExportResult("xlsx", stage.files, _table_counts(tables))


def export_csv(graph: Graph, out: Path, document: str | None = None, province: str | None = None) -> ExportResult:
    """Write one UTF-8-with-BOM CSV per plan (``plans/``) and per agency (``agencies/``); return what was written."""
    tables = duty_tables(duty_rows(graph, document, province))
    with _staged(out) as stage:
        for table in tables:
            folder = stage.dir / ("plans" if table.kind == "plan" else "agencies")
            folder.mkdir(exist_ok=True)
            with open(folder / f"{_file_stem(table.key)}.csv", "w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(table.headers)
                w.writerows([_cell(v) for v in row] for row in table.rows)
    return ExportResult("csv", stage.files, _table_counts(tables))


# --------------------------------------------------------------------------- graphml


def _graphml_type(values: Iterable[Any]) -> str:
    """Return the GraphML ``attr.type`` that fits every value (mixed or list values are strings)."""
    kinds = set()
    for v in values:
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("long")
        elif isinstance(v, float):
            kinds.add("double")
        else:
            kinds.add("string")
    if kinds == {"long", "double"}:
        return "double"
    return kinds.pop() if len(kinds) == 1 else "string"


def _graphml_value(value: Any) -> str:
    """Return ``value`` as GraphML text: lists joined with ";", booleans lower-case."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ";".join("" if v is None else str(v) for v in value)
    return str(value)


def _display_label(labels: Sequence[str], props: dict[str, Any]) -> str:
    """Return the text Gephi/yEd show on a node: symbol, name, or section + start of the task."""
    if props.get("symbol"):
        return str(props["symbol"])
    if props.get("name"):
        return str(props["name"])
    if "Task" in labels:
        return f"{props.get('section') or ''} {str(props.get('text') or '')[:60]}".strip()
    return str(props.get("id", ""))


def graphml_text(nodes: Sequence[dict[str, Any]], edges: Sequence[dict[str, Any]]) -> str:
    """Return a GraphML document (directed graph) with typed ``<key>`` declarations for every property.

    Each node has ``labels`` (":Document:Plan") and ``label`` (display text)
    besides its own properties; each edge has ``type`` (also ``label``) and its
    properties. Keys are declared per domain (node / edge) and name.
    """
    node_keys: OrderedDict[str, list[Any]] = OrderedDict([("labels", []), ("label", [])])
    for n in nodes:
        for k, v in n["props"].items():
            if v is not None:
                node_keys.setdefault(k, []).append(v)
    edge_keys: OrderedDict[str, list[Any]] = OrderedDict([("type", []), ("label", [])])
    for e in edges:
        for k, v in (e["props"] or {}).items():
            if v is not None:
                edge_keys.setdefault(k, []).append(v)
    node_ids = {k: f"n_{i}" for i, k in enumerate(node_keys)}
    edge_ids = {k: f"e_{i}" for i, k in enumerate(edge_keys)}
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    for k, vals in node_keys.items():
        out.append(f'  <key id="{node_ids[k]}" for="node" attr.name={quoteattr(k)} attr.type="{_graphml_type(vals)}"/>')
    for k, vals in edge_keys.items():
        out.append(f'  <key id="{edge_ids[k]}" for="edge" attr.name={quoteattr(k)} attr.type="{_graphml_type(vals)}"/>')
    out.append('  <graph id="cascade" edgedefault="directed">')
    for n in nodes:
        props = n["props"]
        out.append(f'    <node id={quoteattr(str(props["id"]))}>')
        out.append(f'      <data key="{node_ids["labels"]}">{escape(":" + ":".join(n["labels"]))}</data>')
        out.append(f'      <data key="{node_ids["label"]}">{escape(_display_label(n["labels"], props))}</data>')
        for k, v in props.items():
            if v is not None:
                out.append(f'      <data key="{node_ids[k]}">{escape(_graphml_value(v))}</data>')
        out.append("    </node>")
    for i, e in enumerate(edges):
        out.append(f'    <edge id="e{i}" source={quoteattr(str(e["source"]))} target={quoteattr(str(e["target"]))}>')
        out.append(f'      <data key="{edge_ids["type"]}">{escape(e["type"])}</data>')
        out.append(f'      <data key="{edge_ids["label"]}">{escape(e["type"])}</data>')
        for k, v in (e["props"] or {}).items():
            if v is not None:
                out.append(f'      <data key="{edge_ids[k]}">{escape(_graphml_value(v))}</data>')
        out.append("    </edge>")
    out.append("  </graph>")
    out.append("</graphml>")
    return "\n".join(out) + "\n"


def export_graphml(graph: Graph, out: Path, document: str | None = None, province: str | None = None) -> ExportResult:
    """Write ``cascade.graphml`` (for Gephi / yEd) into ``out``; return what was written.

    Derived edges (the lineage closure, graph_schema.DERIVED_EDGES) are left out: a drawing
    shows what documents state, and the closure would draw every ancestor again. The
    neo4j-admin export keeps them, as the imported graph is queried, not drawn.
    """
    from graph_schema.schema import DERIVED_EDGES

    nodes, edges = graph_elements(graph, document, province)
    edges = [e for e in edges if e["type"] not in DERIVED_EDGES]
    with _staged(out) as stage:
        (stage.dir / "cascade.graphml").write_text(graphml_text(nodes, edges), encoding="utf-8")
    return ExportResult("graphml", stage.files, {"nodes": len(nodes), "edges": len(edges)})


# --------------------------------------------------------------------------- neo4j-admin

#: The ID space of each node label (neo4j-admin ``:ID(<space>)``): collective
#: groups share the agencies' space because edges (ASSIGNED_TO, PART_OF) point
#: at either.
ID_SPACES = {"Document": "Document", "Directive": "Document", "Plan": "Document",
             "Agency": "Agency", "AgencyGroup": "Agency", "Task": "Task", "Jurisdiction": "Jurisdiction"}

#: Array delimiter of the import (neo4j-admin's default is ";" too; stated explicitly in the command).
ARRAY_DELIMITER = ";"


def _id_space(labels: Sequence[str]) -> str:
    """Return the neo4j-admin ID space of a node from its labels (first known label wins)."""
    for lab in labels:
        if lab in ID_SPACES:
            return ID_SPACES[lab]
    return labels[0] if labels else "Node"


def _admin_type(values: Iterable[Any]) -> str:
    """Return the neo4j-admin column type for these values: ``int``, ``float``, ``boolean``, ``string`` or ``<t>[]``."""
    vals = [v for v in values if v is not None]
    if vals and all(isinstance(v, list | tuple) for v in vals):
        inner = _admin_type([x for v in vals for x in v])
        return f"{inner}[]"
    if vals and all(isinstance(v, bool) for v in vals):
        return "boolean"
    if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return "int"
    if vals and all(isinstance(v, int | float) and not isinstance(v, bool) for v in vals):
        return "float"
    return "string"


def _admin_value(value: Any, typ: str) -> str:
    """Return a CSV cell for neo4j-admin: empty for null, arrays joined with the delimiter."""
    if value is None:
        return ""
    if typ.endswith("[]"):
        items = value if isinstance(value, list | tuple) else [value]
        return ARRAY_DELIMITER.join(_admin_value(v, typ[:-2]) for v in items)
    if isinstance(value, bool):
        return "true" if value else "false"
    if typ == "int" and isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _admin_header(name: str, typ: str) -> str:
    """Return a property column header: ``name`` for strings, ``name:type`` otherwise."""
    return name if typ == "string" else f"{name}:{typ}"


def neo4j_admin_files(nodes: Sequence[dict[str, Any]],
                      edges: Sequence[dict[str, Any]]) -> dict[str, tuple[list[str], list[list[str]]]]:
    """Return ``{file name: (header, rows)}`` of the node and relationship CSVs for ``neo4j-admin``.

    Nodes are grouped by ID space (``nodes_Document.csv`` ...), with
    ``id:ID(<space>)``, ``:LABEL`` (all labels, ";"-joined) and typed property
    columns; relationships by type and endpoint spaces
    (``rels_ASSIGNED_TO.csv`` ...) with ``:START_ID(<space>)``,
    ``:END_ID(<space>)``, ``:TYPE`` and typed property columns.
    """
    files: dict[str, tuple[list[str], list[list[str]]]] = {}
    space_of: dict[str, str] = {}
    groups: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
    for n in nodes:
        space = _id_space(n["labels"])
        space_of[str(n["props"]["id"])] = space
        groups.setdefault(space, []).append(n)
    for space, members in groups.items():
        cols: OrderedDict[str, list[Any]] = OrderedDict()
        for n in members:
            for k, v in n["props"].items():
                if k != "id":
                    cols.setdefault(k, []).append(v)
        types = {k: _admin_type(v) for k, v in cols.items()}
        header = [f"id:ID({space})", ":LABEL", *(_admin_header(k, types[k]) for k in cols)]
        rows = [[str(n["props"]["id"]), ARRAY_DELIMITER.join(n["labels"]),
                 *(_admin_value(n["props"].get(k), types[k]) for k in cols)] for n in members]
        files[f"nodes_{space}.csv"] = (header, rows)

    rel_groups: OrderedDict[tuple[str, str, str], list[dict[str, Any]]] = OrderedDict()
    for e in edges:
        s, t = space_of.get(str(e["source"])), space_of.get(str(e["target"]))
        if s is None or t is None:
            continue  # an endpoint outside the exported nodes
        rel_groups.setdefault((e["type"], s, t), []).append(e)
    by_type: dict[str, int] = {}
    for (typ, _, _), _members in rel_groups.items():
        by_type[typ] = by_type.get(typ, 0) + 1
    for (typ, s, t), members in rel_groups.items():
        cols: OrderedDict[str, list[Any]] = OrderedDict()  # type: ignore[no-redef]
        for e in members:
            for k, v in (e["props"] or {}).items():
                cols.setdefault(k, []).append(v)
        types = {k: _admin_type(v) for k, v in cols.items()}
        header = [f":START_ID({s})", f":END_ID({t})", ":TYPE", *(_admin_header(k, types[k]) for k in cols)]
        rows = [[str(e["source"]), str(e["target"]), typ,
                 *(_admin_value((e["props"] or {}).get(k), types[k]) for k in cols)] for e in members]
        name = f"rels_{typ}.csv" if by_type[typ] == 1 else f"rels_{typ}_{s}_{t}.csv"
        files[name] = (header, rows)
    return files


def neo4j_admin_command(file_names: Sequence[str], database: str = "neo4j", folder: str = "import") -> str:
    """Return the ``neo4j-admin database import full`` command (Neo4j 5) for these CSV files.

    ``--multiline-fields`` because task texts keep their line breaks;
    ``--array-delimiter`` matches the ``string[]`` columns; the database must
    be stopped (or not exist yet) for a full import.
    """
    parts = ["neo4j-admin database import full"]
    parts += [f"--nodes={folder}/{f}" for f in file_names if f.startswith("nodes_")]
    parts += [f"--relationships={folder}/{f}" for f in file_names if f.startswith("rels_")]
    parts += [f"--array-delimiter='{ARRAY_DELIMITER}'", "--multiline-fields=true", "--overwrite-destination", database]
    return " \\\n  ".join(parts)


def export_neo4j_admin(graph: Graph, out: Path, document: str | None = None,
                       province: str | None = None) -> ExportResult:
    """Write the neo4j-admin node/relationship CSVs and ``import-command.txt`` into ``out``.

    Return the files written and the ``neo4j-admin database import full`` command.
    """
    nodes, edges = graph_elements(graph, document, province)
    files = neo4j_admin_files(nodes, edges)
    command = neo4j_admin_command(list(files))
    with _staged(out) as stage:
        for name, (header, rows) in files.items():
            with open(stage.dir / name, "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL)
                w.writerow(header)
                w.writerows(rows)
        (stage.dir / "import-command.txt").write_text(
            "# Copy the CSVs into the Neo4j import folder, stop the database, then run:\n"
            + command + "\n# and apply the constraints: cypher-shell -f cypher/schema.cypher\n",
            encoding="utf-8")
    return ExportResult("neo4j-admin", stage.files, {"nodes": len(nodes), "edges": len(edges)}, command)


EXPORTERS = {
    "xlsx": export_xlsx,
    "csv": export_csv,
    "graphml": export_graphml,
    "neo4j-admin": export_neo4j_admin,
}


def export(graph: Graph, fmt: str, out: Path, document: str | None = None, province: str | None = None) -> ExportResult:
    """Run the exporter for ``fmt`` (one of ``FORMATS``) into ``out``; return what it wrote."""
    try:
        fn = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return fn(graph, Path(out), document, province)
