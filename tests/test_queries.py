"""The Cypher library (issue #5): every named query runs on the sample corpus and returns what the documents say.

Three parts:

1. the files themselves: a complete header (name, purpose, params with example
   values, returns, engines), parameters only (every ``$param`` of the body is
   declared in the header and vice versa; nothing that looks like string
   formatting), the subset both engines run (no APOC, no ``CALL {}``, no
   parameter in a variable-length bound, no temporal functions);
2. a table: query -> rows it must contain / must not contain / order, drawn
   from the four sample documents (e.g. lineage up of 85/KH-UBND ends at
   27-NQ/TW; provinces implementing 142/QĐ-TTg include Lào Cai and Sóc Trăng,
   not Bắc Ninh); every analyst query is executed with the example parameters
   of its own header against ``sample_graph``;
3. ``cascade query`` on the command line: ``--list``, ``--param``, the three formats.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from cascade import queries
from cascade.cli_analyst import build_params, coerce, parse_params_header, register
from cascade.graph import Graph

ALL = [q for q in queries.list_queries()]
#: schema.cypher is Neo4j DDL (constraints), applied with cypher-shell, not a query.
READS = [q for q in ALL if not q.is_write and q.name != "schema"]
PORTABLE = [q for q in READS if "falkordb" in q.engines]
#: The analyst library: what ``cascade query --list`` offers besides the API's own queries.
LIBRARY = [q for q in PORTABLE if not q.name.startswith("api_")]

# ids of the sample documents and of bodies they name (ingest.identity)
D85 = "85-kh-ubnd--2020--soc-trang--chau-thanh"
D56 = "56-kh-ubnd--2020--soc-trang"
D124 = "124-kh-ubnd--2020--lao-cai"
D83 = "83-kh-tu--2019--dien-bien"
D371 = "371-kh-ubnd--2024--bac-ninh"
QD142 = "142-qd-ttg--2020"
KL52 = "52-kl-tw--2019"
NQ27 = "27-nq-tw--2008"
QD899 = "899-qd-ttg--2023"
SAMPLES = {D85, D124, D83, D371}
NOI_VU_BN = "so-noi-vu-tinh-bac-ninh"
LHH_BN = "lien-hiep-cac-hoi-khoa-hoc-va-ky-thuat-tinh-bac-ninh"
TTTT_BN = "so-thong-tin-va-truyen-thong-tinh-bac-ninh"
KHDT_BN = "so-ke-hoach-va-dau-tu-tinh-bac-ninh"
TC_BN = "so-tai-chinh-tinh-bac-ninh"
KHCN_BN = "so-khoa-hoc-va-cong-nghe-tinh-bac-ninh"


# --------------------------------------------------------------------------- 1. the files

REQUIRED_HEADER = ("name", "purpose", "params", "returns", "engines")


@pytest.mark.parametrize("q", ALL, ids=lambda q: q.name)
def test_header_is_complete(q: queries.NamedQuery) -> None:
    for key in REQUIRED_HEADER:
        assert q.header.get(key), f"{q.name}: header lacks '// {key}:'"
    assert q.header["name"] == q.name, f"{q.name}: header name {q.header['name']!r} differs from the file name"
    assert set(q.engines) <= {"falkordb", "neo4j"} and q.engines
    if q in READS:
        parse_params_header(q.params)  # the examples of a read are run: they must be valid JSON


def _body_params(text: str) -> set[str]:
    return set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", text))


def _declared(q: queries.NamedQuery) -> set[str]:
    """Return the parameter names of the header (a loader write's examples are documentation, maps in Cypher syntax)."""
    if q in READS:
        return set(parse_params_header(q.params))
    return set(re.findall(r"(?:^|;)\s*([A-Za-z_]\w*)\s*=", q.params))


@pytest.mark.parametrize("q", ALL, ids=lambda q: q.name)
def test_parameters_only_and_all_declared(q: queries.NamedQuery) -> None:
    declared = _declared(q)
    used = _body_params(q.text)
    assert used <= declared, f"{q.name}: uses undeclared parameters {sorted(used - declared)}"
    assert declared <= used, f"{q.name}: declares unused parameters {sorted(declared - used)}"
    # no string formatting: no %s / %(x)s, no {name} / {0} placeholders (Cypher maps always have "key:")
    assert not re.search(r"%\(?\w*\)?s\b", q.text), f"{q.name}: %-formatting placeholder"
    assert not re.search(r"\{\s*\w*\s*\}", q.text.replace("{}", "")), f"{q.name}: format placeholder"


@pytest.mark.parametrize("q", READS, ids=lambda q: q.name)
def test_portable_subset(q: queries.NamedQuery) -> None:
    text = q.text
    assert "apoc." not in text.lower(), f"{q.name}: APOC"
    assert not re.search(r"CALL\s*\{", text, re.I), f"{q.name}: CALL {{}} subquery"
    assert not re.search(r"\*\s*\d*\s*\.\.\s*\$", text), f"{q.name}: parameter in a variable-length bound"
    if "falkordb" in q.engines:
        assert not re.search(r"\b(date|datetime|localdatetime|duration|timestamp)\s*\(", text, re.I), \
            f"{q.name}: temporal function"
        assert not re.search(r"\bMATCH\s+\w+\s*=\s*shortestPath", text, re.I), \
            f"{q.name}: shortestPath in MATCH runs on Neo4j only (mark it engines: neo4j)"


def test_library_has_at_least_twelve_named_queries() -> None:
    assert len(LIBRARY) >= 12, [q.name for q in LIBRARY]
    names = {q.name for q in LIBRARY}
    # the twelve questions of issue #5 (1..12), D's lineage_up and agency_duties included
    for name in ("lineage_up", "cascade_down", "directive_coverage", "province_coverage", "agency_duties",
                 "agency_ranking", "coordination_network", "tasks_due_before", "recurring_tasks", "corpus_gaps",
                 "cites_without_implementing", "reporting_lines", "plan_sections", "implementation_path"):
        assert name in names, name


def test_neo4j_only_variants_have_a_portable_sibling() -> None:
    for q in READS:
        if q.engines == ("neo4j",):
            base = q.name.removesuffix(".neo4j")
            sibling = queries.load(base)
            assert "falkordb" in sibling.engines
            assert parse_params_header(sibling.params).keys() == parse_params_header(q.params).keys()
            assert sibling.returns == q.returns


# --------------------------------------------------------------------------- 2. expected rows


def _match(row: dict[str, Any], want: dict[str, Any]) -> bool:
    for k, v in want.items():
        got = row.get(k)
        if callable(v):
            if not v(got):
                return False
        elif got != v:
            return False
    return True


def contains(*subs: str) -> Callable[[Any], bool]:
    """Predicate: the (list or string) value contains every ``sub`` (lists: as an element or a substring of one)."""
    def pred(value: Any) -> bool:
        items = value if isinstance(value, list) else [value]
        return all(any(s in (x or "") for x in items) for s in subs)
    return pred


def at_least(n: float) -> Callable[[Any], bool]:
    return lambda v: v is not None and v >= n


# name -> {"has": [row subsets], "lacks": [row subsets], "order": (column, [values in relative order]),
#          "all": row predicate every row satisfies, "count": predicate on len(rows)}
EXPECTED: dict[str, dict[str, Any]] = {
    # 1. 85/KH-UBND (Châu Thành) -> 56/KH-UBND (Sóc Trăng) -> 142/QĐ-TTg -> 52-KL/TW -> 27-NQ/TW
    "lineage_up": {
        "has": [{"id": D85, "depth": 0}, {"id": D56}, {"id": QD142}, {"id": KL52}, {"id": NQ27, "level": "central"}],
        "lacks": [{"id": D371}, {"id": D124}],
        "order": ("id", [D85, D56, QD142, KL52, NQ27]),
    },
    "lineage_down": {
        "has": [{"id": NQ27, "depth": 0}, {"id": KL52}, {"id": QD142}, {"id": D124}, {"id": D56}, {"id": D85},
                {"id": D83}],
        "lacks": [{"id": D371}],
    },
    # 2. the cascade below 27-NQ/TW, with level and depth: 52-KL/TW hangs directly from it
    "cascade_down": {
        "has": [{"id": KL52, "depth": 1, "parent_id": NQ27, "level": "central"},
                {"id": QD142, "depth": at_least(1)},
                {"id": D124, "level": "province", "province": "Lào Cai"},
                {"id": D85, "level": "district", "province": "Sóc Trăng", "district": "Châu Thành"},
                {"id": D83, "province": "Điện Biên"}, {"id": D56}],
        "lacks": [{"id": NQ27}, {"id": D371}],
        "all": lambda r: r["depth"] >= 1 and r["parent_id"],
    },
    # 3. who implements 142/QĐ-TTg: Lào Cai (province), Sóc Trăng (province plan 56 and district Châu Thành)
    "directive_coverage": {
        "has": [{"province": "Lào Cai", "id": D124, "level": "province"},
                {"province": "Sóc Trăng", "district": "Châu Thành", "id": D85, "level": "district"},
                {"province": "Sóc Trăng", "id": D56}],
        "lacks": [{"province": "Bắc Ninh"}, {"province": "Điện Biên"}],
    },
    "province_coverage": {
        "has": [{"province": "Lào Cai", "covered": True, "ids": contains(D124)},
                {"province": "Sóc Trăng", "covered": True, "ids": contains(D85, D56)},
                {"province": "Bắc Ninh", "covered": False, "plans": 0},
                {"province": "Điện Biên", "covered": False}],
        "count": lambda n: n == 4,
    },
    # 4. Sở Nội vụ tỉnh Bắc Ninh leads the 899/QĐ-TTg task of 371/KH-UBND
    "agency_duties": {
        "has": [{"role": "lead", "doc_id": D371, "text": contains("899/QĐ-TTg")}],
        "all": lambda r: r["doc_id"] == D371,
    },
    # 5. Bắc Ninh: Sở Nội vụ leads II.1, III.1, V.1 of the appendix; Liên hiệp các Hội KH&KT leads five
    "agency_ranking": {
        "has": [{"id": NOI_VU_BN, "lead": at_least(3)}, {"id": LHH_BN, "lead": at_least(4)},
                {"id": TTTT_BN, "support": at_least(1)}],
        "all": lambda r: r["province"] == "Bắc Ninh" and r["total"] == r["lead"] + r["support"],
        "sorted_desc": "lead",
    },
    # 6. III.6: Liên hiệp (lead) with Sở TT&TT; IV.1: Sở KH&ĐT with Sở Tài chính; IV.2: Sở KH&CN with Sở KH&ĐT
    "coordination_network": {
        "has": [{"source_id": LHH_BN, "target_id": TTTT_BN, "weight": at_least(1), "source_leads": at_least(1)},
                {"source_id": KHDT_BN, "target_id": TC_BN, "weight": at_least(1)},
                # a pair is unordered, source_id < target_id: here Sở KH&CN (target) leads
                {"source_id": KHDT_BN, "target_id": KHCN_BN, "weight": at_least(1), "target_leads": at_least(1)}],
        "all": lambda r: r["source_id"] < r["target_id"] and r["weight"] >= 1 and not r["source"].startswith("Các ")
        and not r["target"].startswith("Các "),
        "sorted_desc": "weight",
    },
    # 7. "Năm 2024" (371 II.4, III.5), "trong quý II năm 2020" (85), "quý IV/2019", "tháng 10/2019" (83)
    "tasks_due_before": {
        "has": [{"due": "2024-12-31", "doc_id": D371, "lead": contains("Liên hiệp")},
                {"due": "2020-06-30", "doc_id": D85},
                {"due": "2019-12-31", "doc_id": D83},
                {"due": "2019-10-31", "doc_id": D83}],
        "lacks": [{"due": "2025-12-31"}],
        "all": lambda r: r["due"] <= "2024-12-31",
        "sorted_asc": "due",
    },
    # "Hằng năm" / "Hàng năm" in the 371 appendix; the 899/QĐ-TTg task among them
    "recurring_tasks": {
        "has": [{"period": "P1Y", "doc_id": D371, "text": contains("899/QĐ-TTg"), "lead": contains("Sở Nội vụ")}],
        "all": lambda r: r["period"] == "P1Y",
        "count": lambda n: n >= 10,
    },
    # 8. cited, not ingested: 52-KL/TW (by 83, 85, 124), 142/QĐ-TTg (85, 124), 899/QĐ-TTg (371)
    "corpus_gaps": {
        "has": [{"id": KL52, "cited_by": 3}, {"id": QD142, "cited_by": at_least(2)},
                {"id": QD899, "cited_by": 1, "cited_in": ["371/KH-UBND"]}, {"id": NQ27, "cited_by": at_least(2)}],
        "lacks": [{"id": d} for d in sorted(SAMPLES)],
        "sorted_desc": "cited_by",
    },
    # 9. 371/KH-UBND cites 899/QĐ-TTg without implementing it
    "cites_without_implementing": {
        "has": [{"plan_id": D371, "cited_id": QD899, "cited_symbol": "899/QĐ-TTg"}],
        "count": lambda n: n == 1,
    },
    # 10. 124/KH-UBND: "Định kỳ hàng năm các sở, ngành, địa phương tổng hợp báo cáo UBND tỉnh ... thông qua Sở KH&CN"
    "reporting_lines": {
        "has": [{"to_id": "uy-ban-nhan-dan-tinh-lao-cai", "via": contains("Khoa học và Công nghệ"), "period": "P1Y",
                 "doc_id": D124}],
    },
    # 11. the 21 appendix tasks of 371/KH-UBND, III.6 with its agencies and "Năm 2025"
    "plan_tasks": {
        "has": [{"text": contains("Xây dựng hệ thống cơ sở dữ liệu về đội ngũ trí thức"), "lead": contains("Liên hiệp"),
                 "support": contains("Thông tin và Truyền thông"), "deadline_text": "Năm 2025", "due": "2025-12-31"},
                {"text": contains("899/QĐ-TTg"), "lead": contains("Sở Nội vụ"), "deadline_kind": "recurring"}],
        "count": lambda n: n >= 21,
        "sorted_asc": "ordinal",
    },
    "plan_sections": {
        "has": [{"lead": contains("Sở Nội vụ tỉnh Bắc Ninh")}, {"support": contains("Thông tin và Truyền thông")}],
        "all": lambda r: r["tasks"] >= 1,
        "sorted_asc": "first_ordinal",
    },
    # 12. 85/KH-UBND up to 27-NQ/TW in at most four hops, through 142/QĐ-TTg and 52-KL/TW
    "implementation_path": {
        "has": [{"ids": lambda ids: ids[0] == D85 and ids[-1] == NQ27 and QD142 in ids and KL52 in ids,
                 "hops": lambda h: 3 <= h <= 4}],
        "count": lambda n: n == 1,
    },
    "documents_overview": {
        "has": [{"id": d, "status": "ingested", "tasks": at_least(1)} for d in sorted(SAMPLES)]
        + [{"id": QD899, "status": "referenced", "cited_by": 1}],
    },
    "export_duties": {
        "has": [{"agency_id": NOI_VU_BN, "role": "lead", "text": contains("899/QĐ-TTg")}],
        "all": lambda r: r["doc_id"] == D371,
    },
    "export_nodes": {
        "has": [{"props": lambda p: p.get("id") == D371}, {"labels": contains("Task")}],
    },
    "export_edges": {
        "has": [{"type": "HAS_TASK", "source": D371}, {"type": "ASSIGNED_TO", "target": NOI_VU_BN}],
    },
    "find_document": {"has": [{"id": D56}]},
    "find_agency": {"has": [{"id": NOI_VU_BN, "tasks": at_least(3)}]},
}


def _run_example(graph: Graph, q: queries.NamedQuery) -> list[dict[str, Any]]:
    return queries.run(graph, q.name, **parse_params_header(q.params))


def test_every_library_query_has_expected_rows() -> None:
    missing = [q.name for q in LIBRARY if q.name not in EXPECTED]
    assert not missing, f"add expected rows for {missing}"


@pytest.mark.parametrize("q", LIBRARY, ids=lambda q: q.name)
def test_named_query_on_samples(sample_graph: Graph, q: queries.NamedQuery) -> None:
    rows = _run_example(sample_graph, q)
    exp = EXPECTED[q.name]
    declared = [c.strip() for c in re.sub(r"\([^)]*\)", "", q.returns).split(",")]
    if rows:
        for col in declared:
            if col and col != "nothing" and " " not in col:
                assert col in rows[0], f"{q.name}: declared column {col!r} missing from the rows"
    for want in exp.get("has", []):
        assert any(_match(r, want) for r in rows), f"{q.name}: no row matching {want}\nrows: {rows[:30]}"
    for unwanted in exp.get("lacks", []):
        assert not any(_match(r, unwanted) for r in rows), f"{q.name}: unexpected row matching {unwanted}"
    if "all" in exp:
        bad = [r for r in rows if not exp["all"](r)]
        assert not bad, f"{q.name}: rows breaking the invariant: {bad[:5]}"
    if "count" in exp:
        assert exp["count"](len(rows)), f"{q.name}: {len(rows)} rows"
    if "order" in exp:
        col, values = exp["order"]
        seq = [r[col] for r in rows]
        positions = [seq.index(v) for v in values]
        assert positions == sorted(positions), f"{q.name}: {col} order {seq}"
    if "sorted_desc" in exp:
        vals = [r[exp["sorted_desc"]] for r in rows]
        assert vals == sorted(vals, reverse=True)
    if "sorted_asc" in exp:
        vals = [r[exp["sorted_asc"]] for r in rows]
        assert vals == sorted(vals)
    json.dumps(rows, ensure_ascii=False)  # plain values only (house rule 8)


@pytest.mark.parametrize("q", [q for q in PORTABLE if q.name.startswith("api_")], ids=lambda q: q.name)
def test_api_queries_run_with_their_examples(sample_graph: Graph, q: queries.NamedQuery) -> None:
    rows = _run_example(sample_graph, q)
    json.dumps(rows, ensure_ascii=False)


def test_province_coverage_over_the_63_pre_2025_provinces(sample_graph: Graph) -> None:
    from ingest.admin_units import province_names

    provinces = province_names()
    assert len(provinces) == 63
    rows = queries.run(sample_graph, "province_coverage", id=QD142, provinces=provinces)
    covered = {r["province"] for r in rows if r["covered"]}
    assert covered == {"Lào Cai", "Sóc Trăng"}
    assert len([r for r in rows if not r["covered"]]) == 61


def test_cascade_filters_default_to_everything(sample_graph: Graph) -> None:
    """"" means "no filter" (the CLI's default for an omitted string parameter)."""
    every = queries.run(sample_graph, "agency_ranking", province="", include_groups=True, limit=1000)
    assert {r["province"] for r in every} >= {"Bắc Ninh", "Lào Cai", "Sóc Trăng"}
    agencies = queries.run(sample_graph, "agency_ranking", province="", include_groups=False, limit=1000)
    assert agencies and all(r["kind"] != "group" for r in agencies)
    assert {r["id"] for r in agencies} < {r["id"] for r in every}
    assert len(queries.run(sample_graph, "agency_ranking", province="", include_groups=True, limit=3)) == 3
    gaps = queries.run(sample_graph, "cites_without_implementing", id="")
    assert {r["plan_id"] for r in gaps} >= {D371, D85}  # 85/KH-UBND cites 14/2014/QĐ-TTg, 163/QĐ-TTg ...
    assert not [r for r in gaps if r["cited_id"] in (QD142, KL52) and r["plan_id"] == D85]


def test_tasks_due_before_is_not_fooled_by_the_due_index(graph: Graph) -> None:
    """FalkorDB 4.16 answers ``t.due <= $date`` from the string range index with every task; the query must not."""
    graph.write([(
        "CREATE (d:Document:Plan {id: 'p', symbol: '1/KH-UBND', province: 'Hà Nội', status: 'ingested'}) "
        "WITH d UNWIND ['2019-10-31', '2024-12-31', '2025-12-31', '2026-01-01'] AS due "
        "CREATE (d)-[:HAS_TASK]->(:Task {id: 'p--' + due, doc_id: 'p', ordinal: 1, due: due, deadline_kind: 'once'})",
        {},
    )])
    rows = queries.run(graph, "tasks_due_before", date="2024-12-31", province="")
    assert [r["due"] for r in rows] == ["2019-10-31", "2024-12-31"]
    assert queries.run(graph, "tasks_due_before", date="2024-12-31", province="Bắc Ninh") == []


def test_implementation_path_is_empty_downwards(sample_graph: Graph) -> None:
    assert queries.run(sample_graph, "implementation_path", from_id=NQ27, to_id=D85) == []


def test_export_pages_cover_the_whole_graph(sample_graph: Graph) -> None:
    counts = sample_graph.counts()
    assert len(queries.run(sample_graph, "export_nodes", skip=0, limit=100000)) == counts["nodes"]
    assert len(queries.run(sample_graph, "export_edges", skip=0, limit=100000)) == counts["edges"]
    first = queries.run(sample_graph, "export_nodes", skip=0, limit=5)
    second = queries.run(sample_graph, "export_nodes", skip=5, limit=5)
    assert len(first) == 5 and not ({json.dumps(r, sort_keys=True) for r in first}
                                    & {json.dumps(r, sort_keys=True) for r in second})


# --------------------------------------------------------------------------- params


PARAM_HEADERS = [
    ('id = "85-kh-ubnd--2020--soc-trang--chau-thanh"; depth = 10',
     {"id": "85-kh-ubnd--2020--soc-trang--chau-thanh", "depth": 10}),
    ('id = "142-qd-ttg--2020"; provinces = ["Bắc Ninh", "Lào Cai"]',
     {"id": "142-qd-ttg--2020", "provinces": ["Bắc Ninh", "Lào Cai"]}),
    ('province = ""; include_groups = false', {"province": "", "include_groups": False}),
    ('text = "a; b"; n = null', {"text": "a; b", "n": None}),
    ("", {}),
]


@pytest.mark.parametrize(("header", "expected"), PARAM_HEADERS)
def test_parse_params_header(header: str, expected: dict[str, Any]) -> None:
    assert parse_params_header(header) == expected


@pytest.mark.parametrize("bad", ['id = 85-kh', 'id "x"', 'a = 1 b = 2'])
def test_parse_params_header_rejects_malformed(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_params_header(bad)


COERCIONS = [
    ("142", "142-qd-ttg--2020", "142"),  # an id stays a string
    ("25", 10, 25),
    ("false", True, False),
    ("yes", False, True),
    ('["Lào Cai", "Sóc Trăng"]', ["x"], ["Lào Cai", "Sóc Trăng"]),
    ("Lào Cai, Sóc Trăng", ["x"], ["Lào Cai", "Sóc Trăng"]),
    ("null", None, None),
    ("2024-12-31", "2024-12-31", "2024-12-31"),
]


@pytest.mark.parametrize(("raw", "example", "expected"), COERCIONS)
def test_coerce_follows_the_header_example(raw: str, example: Any, expected: Any) -> None:
    assert coerce(raw, example) == expected


def test_build_params_defaults_and_errors() -> None:
    declared = {"id": "142-qd-ttg--2020", "provinces": ["Bắc Ninh"], "limit": 50, "province": "Bắc Ninh"}
    params = build_params(declared, ["id=142-qd-ttg--2020"])
    assert params["id"] == "142-qd-ttg--2020" and params["limit"] == 50 and params["province"] == ""
    assert len(params["provinces"]) == 63 and "Sóc Trăng" in params["provinces"]
    with pytest.raises(ValueError, match="unknown parameter"):
        build_params(declared, ["nope=1"])
    with pytest.raises(ValueError, match="key=value"):
        build_params(declared, ["id"])


# --------------------------------------------------------------------------- 3. cascade query


@pytest.fixture
def cli(sample_graph: Graph, falkordb_server: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Any) -> Callable[..., Any]:
    """Run ``cascade query ...`` (the commands ``register`` adds) against the sample graph."""
    from cascade.settings import get_settings

    monkeypatch.setenv("CASCADE_GRAPH_URL", falkordb_server.url)
    monkeypatch.setenv("CASCADE_GRAPH_NAME", sample_graph.name)
    monkeypatch.setenv("CASCADE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "400")  # rich folds narrow tables
    get_settings.cache_clear()
    app = typer.Typer()
    register(app)
    runner = CliRunner()

    def invoke(*args: str) -> Any:
        return runner.invoke(app, list(args))

    yield invoke
    get_settings.cache_clear()


def test_cli_list(cli: Callable[..., Any]) -> None:
    res = cli("query", "--list")
    assert res.exit_code == 0, res.output
    for q in LIBRARY:
        assert q.name in res.output
    assert "load_document" not in res.output


def test_cli_json(cli: Callable[..., Any]) -> None:
    res = cli("query", "agency_duties", "--param", f"id={NOI_VU_BN}", "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert any("899/QĐ-TTg" in r["text"] and r["role"] == "lead" for r in rows)


def test_cli_csv_and_default_province_list(cli: Callable[..., Any]) -> None:
    res = cli("query", "province_coverage", "-p", f"id={QD142}", "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 63  # every pre-2025 province, from vietnamadminunits
    assert {r["province"] for r in rows if r["covered"] == "true"} == {"Lào Cai", "Sóc Trăng"}


def test_cli_table(cli: Callable[..., Any]) -> None:
    res = cli("query", "lineage_up", "--param", f"id={D85}")
    assert res.exit_code == 0, res.output
    assert "27-NQ/TW" in res.output and "142/QĐ-TTg" in res.output


@pytest.mark.parametrize(("args", "message"), [
    (("query", "no_such_query"), "no named query"),
    (("query", "load_document"), "read-only"),
    (("query", "lineage_up", "--param", "nope=1"), "unknown parameter"),
    (("query", "lineage_up", "--format", "xml"), "--format"),
    (("query", "implementation_path.neo4j"), "neo4j only"),
])
def test_cli_errors_are_one_line(cli: Callable[..., Any], args: tuple[str, ...], message: str) -> None:
    res = cli(*args)
    assert res.exit_code == 1
    assert message in res.output
    assert len(res.output.strip().splitlines()) == 1


# --------------------------------------------------------------------------- 4. the same files over Bolt


@pytest.fixture(scope="module")
def bolt_pair(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Any]) -> Any:
    """(FalkorGraph, Neo4jGraph over FalkorDB's Bolt port) on one server holding the samples.

    FalkorDB's Bolt port reads the graph named by the first key of the driver's
    RUN metadata, ``mode`` for an auto-commit read (see tests/test_bolt.py), so
    the samples are loaded into the graph ``mode``.
    """
    from cascade.embedded import EmbeddedServer, free_bolt_port
    from cascade.graph import FalkorGraph, Neo4jGraph
    from tests.conftest import ingest_into

    port = free_bolt_port()
    server = EmbeddedServer(tmp_path_factory.mktemp("bolt-queries"), bolt_port=port).start()
    falkor = FalkorGraph(server.url, "mode")
    neo = Neo4jGraph(f"bolt://127.0.0.1:{port}")
    try:
        falkor.clear()
        falkor.apply_schema()
        ingest_into(falkor, sample_paths)
        yield falkor, neo
    finally:
        neo.close()
        falkor.close()
        server.stop()


@pytest.mark.parametrize("q", LIBRARY, ids=lambda q: q.name)
def test_same_rows_through_the_neo4j_driver(bolt_pair: Any, q: queries.NamedQuery) -> None:
    """Every library query gives the same plain rows through the neo4j driver (Bolt) as through FalkorDB's client."""
    falkor, neo = bolt_pair
    params = parse_params_header(q.params)
    via_falkor = queries.run(falkor, q.name, **params)
    assert via_falkor, f"{q.name}: no rows with the header's examples, the comparison would prove nothing"
    assert queries.run(neo, q.name, **params) == via_falkor
