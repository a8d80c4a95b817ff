"""``cascade export``: each format is opened with the tool's own parser and its contents checked (issue #5).

xlsx with openpyxl (sheets, Vietnamese headers, frozen header row, widths,
filters, the duty rows the documents state), csv (UTF-8 BOM, same rows),
GraphML with ``xml.etree`` (declared keys, typed data, every node and edge),
neo4j-admin (the header syntax of every column, ID spaces, typed values, the
import command).
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from cascade import export as ex
from cascade.cli_analyst import register
from cascade.graph import Graph

D371 = "371-kh-ubnd--2024--bac-ninh"
D124 = "124-kh-ubnd--2020--lao-cai"
D85 = "85-kh-ubnd--2020--soc-trang--chau-thanh"
NOI_VU_BN = "so-noi-vu-tinh-bac-ninh"
GML = "{http://graphml.graphdrawing.org/xmlns}"


# --------------------------------------------------------------------------- sheet names

SHEET_NAMES = [
    (["371/KH-UBND (Ủy ban nhân dân tỉnh Bắc Ninh)"], ["371-KH-UBND (Ủy ban nhân dân tỉ"]),
    (["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lào Cai"],
     ["Liên hiệp các Hội Khoa học và K", "Liên hiệp các Hội Khoa học và~2"]),
    (["a[b]:c*d?e/f\\g", "Sở Nội vụ", "SỞ NỘI VỤ"], ["a-b--c-d-e-f-g", "Sở Nội vụ", "SỞ NỘI VỤ~2"]),
    (["''"], ["Sheet"]),
]


@pytest.mark.parametrize(("titles", "expected"), SHEET_NAMES)
def test_sheet_names(titles: list[str], expected: list[str]) -> None:
    names = ex.sheet_names(titles)
    assert names == expected
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)


ADMIN_TYPES = [
    ([1, 2, None], "int"),
    ([1, 2.5], "float"),
    ([True, False], "boolean"),
    ([["a", "b"], ["c"]], "string[]"),
    ([1, "x"], "string"),
    ([None], "string"),
]


@pytest.mark.parametrize(("values", "expected"), ADMIN_TYPES)
def test_neo4j_admin_column_types(values: list[Any], expected: str) -> None:
    assert ex._admin_type(values) == expected


# --------------------------------------------------------------------------- xlsx / csv


def _index(wb: Any) -> list[dict[str, Any]]:
    ws = wb["Mục lục"]
    header = [c.value for c in ws[1]]
    return [dict(zip(header, [c.value for c in row], strict=True)) for row in ws.iter_rows(min_row=2)]


def _rows(ws: Any) -> list[dict[str, Any]]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, [c.value for c in row], strict=True)) for row in ws.iter_rows(min_row=2)]


def test_xlsx_duty_matrix(sample_graph: Graph, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    result = ex.export(sample_graph, "xlsx", tmp_path)
    assert result.files == [tmp_path / "duties.xlsx"]
    wb = load_workbook(tmp_path / "duties.xlsx")
    names = wb.sheetnames
    assert names[0] == "Mục lục"
    assert len({n.casefold() for n in names}) == len(names)
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)
    index = _index(wb)
    plans = {r["Mã"]: r for r in index if r["Loại"] == "Kế hoạch"}
    assert {D371, D124, D85} <= set(plans)
    assert result.counts["plans"] == len(plans)

    ws = wb[plans[D371]["Trang tính"]]
    assert tuple(c.value for c in ws[1]) == ex.PLAN_HEADERS
    assert ("Nhiệm vụ", "Mục", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Nguồn") == ex.PLAN_HEADERS[1:]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    assert ws.column_dimensions["B"].width == ex.PLAN_WIDTHS[1]
    assert all(c.font.bold for c in ws[1])
    rows = _rows(ws)
    assert len(rows) >= 21 and plans[D371]["Số dòng"] == len(rows)
    iii6 = [r for r in rows if "Xây dựng hệ thống cơ sở dữ liệu về đội ngũ trí thức" in (r["Nhiệm vụ"] or "")]
    assert iii6, rows
    assert "Liên hiệp" in iii6[0]["Cơ quan chủ trì"]
    assert "Thông tin và Truyền thông" in iii6[0]["Cơ quan phối hợp"]
    assert iii6[0]["Thời hạn"] == "Năm 2025"
    assert iii6[0]["Nguồn"].startswith("371/KH-UBND")

    agencies = {r["Mã"]: r for r in index if r["Loại"] == "Cơ quan"}
    assert NOI_VU_BN in agencies and agencies[NOI_VU_BN]["Tên đầy đủ"] == "Sở Nội vụ tỉnh Bắc Ninh"
    ws = wb[agencies[NOI_VU_BN]["Trang tính"]]
    assert tuple(c.value for c in ws[1]) == ex.AGENCY_HEADERS
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    duties = _rows(ws)
    assert any("899/QĐ-TTg" in r["Nhiệm vụ"] and r["Vai trò"] == "Chủ trì" and r["Văn bản"] == "371/KH-UBND"
               for r in duties)


@pytest.mark.parametrize(("kwargs", "plans_expected"), [
    ({"document": D371}, {D371}),
    ({"province": "Lào Cai"}, {D124}),
    ({"province": "lao cai"}, {D124}),  # accent-free, any case: canonicalised by ingest.admin_units
    ({"province": "Sóc Trăng"}, {D85}),
])
def test_xlsx_filters(sample_graph: Graph, tmp_path: Path, kwargs: dict[str, str], plans_expected: set[str]) -> None:
    from openpyxl import load_workbook

    ex.export(sample_graph, "xlsx", tmp_path, **kwargs)
    index = _index(load_workbook(tmp_path / "duties.xlsx"))
    assert {r["Mã"] for r in index if r["Loại"] == "Kế hoạch"} == plans_expected
    if kwargs.get("province") == "Lào Cai":
        agencies = {r["Tên đầy đủ"] for r in index if r["Loại"] == "Cơ quan"}
        assert "Sở Khoa học và Công nghệ tỉnh Lào Cai" in agencies
        assert not any("Bắc Ninh" in a for a in agencies)


def test_csv_same_tables_with_bom(sample_graph: Graph, tmp_path: Path) -> None:
    result = ex.export(sample_graph, "csv", tmp_path, document=D371)
    plan_file = tmp_path / "plans" / f"{D371}.csv"
    assert plan_file in result.files
    assert plan_file.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(plan_file, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0].keys()) == list(ex.PLAN_HEADERS)
    assert len(rows) >= 21
    assert any("899/QĐ-TTg" in r["Nhiệm vụ"] and "Sở Nội vụ" in r["Cơ quan chủ trì"] for r in rows)
    agency_file = tmp_path / "agencies" / f"{NOI_VU_BN}.csv"
    assert agency_file in result.files and agency_file.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(agency_file, encoding="utf-8-sig", newline="") as fh:
        duties = list(csv.DictReader(fh))
    assert list(duties[0].keys()) == list(ex.AGENCY_HEADERS)
    assert {r["Văn bản"] for r in duties} == {"371/KH-UBND"}


# --------------------------------------------------------------------------- graphml


def test_graphml_is_valid_and_complete(sample_graph: Graph, tmp_path: Path) -> None:
    result = ex.export(sample_graph, "graphml", tmp_path)
    root = ET.parse(tmp_path / "cascade.graphml").getroot()
    assert root.tag == f"{GML}graphml"
    keys = {k.get("id"): k for k in root.findall(f"{GML}key")}
    assert all(k.get("attr.type") in ("boolean", "int", "long", "float", "double", "string") for k in keys.values())
    names = {(k.get("for"), k.get("attr.name")): k.get("id") for k in keys.values()}
    graph = root.find(f"{GML}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"
    nodes = graph.findall(f"{GML}node")
    edges = graph.findall(f"{GML}edge")
    ids = [n.get("id") for n in nodes]
    assert len(ids) == len(set(ids))
    counts = sample_graph.counts()
    assert len(nodes) == counts["nodes"] - counts["Meta"] == result.counts["nodes"]
    # every stated edge; the derived lineage closure (UNDER) is left out of a drawing
    assert counts["UNDER"] > 0
    assert len(edges) == counts["edges"] - counts["UNDER"] == result.counts["edges"]
    idset = set(ids)
    for e in edges:
        assert e.get("source") in idset and e.get("target") in idset
        for d in e.findall(f"{GML}data"):
            assert keys[d.get("key")].get("for") == "edge"
    for n in nodes:
        for d in n.findall(f"{GML}data"):
            assert keys[d.get("key")].get("for") == "node"

    def data(el: ET.Element, domain: str, name: str) -> str | None:
        d = el.find(f"{GML}data[@key='{names[(domain, name)]}']")
        return None if d is None else d.text

    plan = next(n for n in nodes if n.get("id") == D371)
    assert data(plan, "node", "labels") == ":Document:Plan"
    assert data(plan, "node", "symbol") == "371/KH-UBND"
    assert keys[names[("node", "year")]].get("attr.type") == "long"
    noi_vu = next(n for n in nodes if n.get("id") == NOI_VU_BN)
    aliases = data(noi_vu, "node", "aliases")
    assert aliases and "[" not in aliases and "Sở Nội vụ" in aliases.split(";")
    types = {data(e, "edge", "type") for e in edges}
    assert {"IMPLEMENTS", "HAS_TASK", "ASSIGNED_TO"} <= types
    assert any(data(e, "edge", "role") == "lead" and e.get("target") == NOI_VU_BN for e in edges)


def test_graphml_province_scope(sample_graph: Graph, tmp_path: Path) -> None:
    ex.export(sample_graph, "graphml", tmp_path, province="Bắc Ninh")
    root = ET.parse(tmp_path / "cascade.graphml").getroot()
    ids = {n.get("id") for n in root.iter(f"{GML}node")}
    assert D371 in ids and NOI_VU_BN in ids and "45-nq-tw--2023" in ids  # cited by 371: kept as context
    assert D124 not in ids and D85 not in ids
    assert all(e.get("source") in ids and e.get("target") in ids for e in root.iter(f"{GML}edge"))


# --------------------------------------------------------------------------- neo4j-admin

#: neo4j-admin (Neo4j 5) CSV header column: [name][:ID(space)|:START_ID(space)|:END_ID(space)|:LABEL|:TYPE|:type[[]]]
ADMIN_COLUMN = re.compile(
    r"""^(?:
        (?P<idname>[A-Za-z_]\w*)?:ID\((?P<idspace>\w+)\)        # id:ID(Document)
      | :START_ID\((?P<start>\w+)\)                            # :START_ID(Task)
      | :END_ID\((?P<end>\w+)\)                                # :END_ID(Agency)
      | :LABEL | :TYPE
      # year:int, aliases:string[], name
      | (?P<prop>[A-Za-z_]\w*)(?::(?P<type>int|long|float|double|boolean|byte|short|char|string|date|localtime
                                   |time|localdatetime|datetime|duration|point)(?P<array>\[\])?)?
    )$""",
    re.X,
)


def test_neo4j_admin_headers_and_values(sample_graph: Graph, tmp_path: Path) -> None:
    result = ex.export(sample_graph, "neo4j-admin", tmp_path)
    assert result.command and result.command.startswith("neo4j-admin database import full")
    csvs = sorted(p for p in result.files if p.suffix == ".csv")
    for p in csvs:
        assert f"import/{p.name}" in result.command
    assert "--array-delimiter=';'" in result.command and "--multiline-fields=true" in result.command
    assert (tmp_path / "import-command.txt").read_text(encoding="utf-8").count("neo4j-admin database import full") == 1

    spaces: dict[str, set[str]] = {}
    node_rows = rel_rows = 0
    rels: list[tuple[list[str], list[list[str]]]] = []
    for p in csvs:
        with open(p, encoding="utf-8", newline="") as fh:
            table = list(csv.reader(fh))
        header, rows = table[0], table[1:]
        parsed = [ADMIN_COLUMN.match(h) for h in header]
        assert all(parsed), f"{p.name}: bad header columns {[h for h, m in zip(header, parsed) if not m]}"
        props = [m.group("prop") or m.group("idname") for m in parsed if m.group("prop") or m.group("idname")]
        assert len(props) == len(set(props)), f"{p.name}: duplicate property columns"
        for m, h in zip(parsed, header, strict=True):  # typed values parse
            if m.group("type") in ("int", "long"):
                i = header.index(h)
                vals = [r[i] for r in rows if r[i] != ""]
                if m.group("array"):
                    vals = [v for x in vals for v in x.split(";")]
                assert all(re.fullmatch(r"-?\d+", v) for v in vals), f"{p.name}:{h}"
        if p.name.startswith("nodes_"):
            id_cols = [m for m in parsed if m.group("idspace")]
            assert len(id_cols) == 1 and ":LABEL" in header
            space = id_cols[0].group("idspace")
            ids = [r[header.index(id_cols[0].string)] for r in rows]
            assert len(ids) == len(set(ids)), f"{p.name}: duplicate ids"
            spaces.setdefault(space, set()).update(ids)
            node_rows += len(rows)
        else:
            assert p.name.startswith("rels_")
            assert header[:3][2] == ":TYPE" and header[0].startswith(":START_ID(") and header[1].startswith(":END_ID(")
            rels.append((header, rows))
            rel_rows += len(rows)
    for header, rows in rels:
        s = ADMIN_COLUMN.match(header[0]).group("start")
        t = ADMIN_COLUMN.match(header[1]).group("end")
        for r in rows:
            assert r[0] in spaces[s] and r[1] in spaces[t], f"dangling edge {r[:3]}"
    counts = sample_graph.counts()
    assert node_rows == counts["nodes"] - counts["Meta"]
    assert rel_rows == counts["edges"]

    with open(tmp_path / "nodes_Document.csv", encoding="utf-8", newline="") as fh:
        docs = {r["id:ID(Document)"]: r for r in csv.DictReader(fh)}
    assert docs[D371][":LABEL"] == "Document;Plan" and docs[D371]["year:int"] == "2024"
    assert docs["27-nq-tw--2008"]["status"] == "referenced"
    with open(tmp_path / "nodes_Agency.csv", encoding="utf-8", newline="") as fh:
        agencies = {r["id:ID(Agency)"]: r for r in csv.DictReader(fh)}
    assert "Sở Nội vụ" in agencies[NOI_VU_BN]["aliases:string[]"].split(";")


# --------------------------------------------------------------------------- atomicity and the CLI


@pytest.mark.parametrize("fmt", ex.FORMATS)
def test_empty_graph_exports_empty_files(graph: Graph, tmp_path: Path, fmt: str) -> None:
    result = ex.export(graph, fmt, tmp_path)
    assert all(v == 0 for v in result.counts.values())
    if fmt == "xlsx":
        from openpyxl import load_workbook

        assert load_workbook(tmp_path / "duties.xlsx").sheetnames == ["Mục lục"]
    if fmt == "graphml":
        root = ET.parse(tmp_path / "cascade.graphml").getroot()
        assert root.find(f"{GML}graph") is not None and not list(root.iter(f"{GML}node"))


def test_failed_export_writes_nothing(sample_graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*a: Any, **k: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("openpyxl.Workbook.save", boom)
    out = tmp_path / "out"
    with pytest.raises(OSError):
        ex.export(sample_graph, "xlsx", out)
    assert not any(out.rglob("*")) if out.exists() else True
    assert not list(tmp_path.glob(".out.*")), "temporary directory left behind"


@pytest.fixture
def cli(sample_graph: Graph, falkordb_server: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> Callable[..., Any]:
    from cascade.settings import get_settings

    monkeypatch.setenv("CASCADE_GRAPH_URL", falkordb_server.url)
    monkeypatch.setenv("CASCADE_GRAPH_NAME", sample_graph.name)
    monkeypatch.setenv("CASCADE_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    yield lambda *args: runner.invoke(app, list(args))
    get_settings.cache_clear()


def test_cli_export_prints_the_import_command(cli: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "admin"
    res = cli("export", "--format", "neo4j-admin", "--out", str(out), "--province", "Bắc Ninh")
    assert res.exit_code == 0, res.output
    assert "neo4j-admin database import full" in res.output
    assert (out / "nodes_Document.csv").exists()


@pytest.mark.parametrize(("args", "message"), [
    (("export", "--format", "pdf", "--out", "x"), "--format"),
    (("export", "--format", "xlsx", "--out", "x", "--document", "no-such-doc"), "no such document"),
])
def test_cli_export_errors(cli: Callable[..., Any], tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    args = tuple(str(tmp_path / a) if a == "x" else a for a in args)
    res = cli(*args)
    assert res.exit_code == 1 and message in res.output
    assert not (tmp_path / "x").exists()
