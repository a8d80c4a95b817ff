"""Loader: ParseResult -> graph. Hand-built ParseResults (what the parser must produce for the
samples, per issues #2/#3) test the loader alone; the last section runs the real
pipeline on ``corpus/samples`` and passes once ingest reads these facts (issue #3)."""

from __future__ import annotations

import pytest

from cascade import queries
from cascade.loader import LoadError, doc_id_of, label_for, load, plan
from ingest.model import (
    Agency,
    Deadline,
    DocumentHeader,
    Issuer,
    Mention,
    ParseResult,
    Reference,
    ReportingLine,
    StatedEdge,
    Task,
)

TTG = "Thủ tướng Chính phủ"
BBT = "Ban Bí thư"
BCH = "Ban Chấp hành Trung ương"
UBND_ST = "Ủy ban nhân dân tỉnh Sóc Trăng"
UBND_CT = "Ủy ban nhân dân huyện Châu Thành"


def ref(symbol, relation, issuer=None, issued_on=None, level="central", province=None, district=None, year=None,
        doc_type=None, text=None):
    """A Reference as the parser gives it (id left to the loader)."""
    return Reference(symbol=symbol, doc_type=doc_type, issuer=issuer, issued_on=issued_on, relation=relation,
                     mentions=[Mention(text or symbol, 0)], issuer_level=level, issuer_province=province,
                     issuer_district=district, year=year)


def doc(symbol, issuer, level, issued_on, province=None, district=None, doc_type="Kế hoạch", title=None,
        refs=(), stated=(), tasks=(), agencies=(), reporting=(), sha="0" * 64, path="x.txt"):
    """A ParseResult of one document."""
    return ParseResult(
        document=DocumentHeader(symbol=symbol, doc_type=doc_type, title=title or f"{doc_type} {symbol}",
                                issuer=Issuer(issuer, level, province, district), place=district or province,
                                issued_on=issued_on),
        references=list(refs), stated_edges=list(stated), tasks=list(tasks), agencies=list(agencies),
        reporting=list(reporting), source={"path": path, "sha256": sha, "format": "txt"},
    )


# The cascade of issue #2's acceptance, written as the parser must read it from each text.
KL52 = doc("52-KL/TW", BBT, "central", "2019-05-30", doc_type="Kết luận",
           refs=[ref("27-NQ/TW", "implements", BCH, "2008-08-06", text="Nghị quyết Trung ương 7 khóa X")])
QD142 = doc("142/QĐ-TTg", TTG, "central", "2020-01-21", doc_type="Quyết định",
            refs=[ref("52-KL/TW", "implements", BBT, "2019-05-30")])
KH56 = doc("56/KH-UBND", UBND_ST, "province", "2020-05-15", province="Sóc Trăng",
           refs=[ref("142/QĐ-TTg", "implements", TTG, "2020-01-21")])
KH85 = doc(
    "85/KH-UBND", UBND_CT, "district", "2020-06-12", province="Sóc Trăng", district="Châu Thành",
    refs=[
        ref("142/QĐ-TTg", "implements", TTG, "2020-01-21"),
        ref("142/QĐ-TTg", "based_on", TTG, "2020-01-21"),
        ref("56/KH-UBND", "implements", UBND_ST, "2020-05-15", level="province", province="Sóc Trăng"),
        ref("52-KL/TW", "cites", BBT, "2019-05-30"),
    ],
    stated=[StatedEdge(child="142/QĐ-TTg", parent="52-KL/TW", relation="implements",
                       child_id="142-qd-ttg--2020", parent_id="52-kl-tw--2019")],
    agencies=[Agency("Phòng Nội vụ huyện Châu Thành", "agency", "district", "Sóc Trăng", "Châu Thành", ["Phòng Nội vụ"]),
              Agency("Phòng Tài chính - Kế hoạch huyện Châu Thành", "agency", "district", "Sóc Trăng", "Châu Thành"),
              Agency("Ủy ban nhân dân các xã, thị trấn huyện Châu Thành", "group", "commune", "Sóc Trăng", "Châu Thành")],
    tasks=[
        Task("III.1", "Tham mưu triển khai Kế hoạch", ["Phòng Nội vụ huyện Châu Thành"],
             ["Phòng Tài chính - Kế hoạch huyện Châu Thành", "Ủy ban nhân dân các xã, thị trấn huyện Châu Thành"],
             Deadline("quý II năm 2020", "once", "2020-06-30")),
        Task("III.2", "Bố trí kinh phí", ["Phòng Tài chính - Kế hoạch huyện Châu Thành"], [],
             Deadline("Hằng năm", "recurring", None, "P1Y")),
    ],
    reporting=[ReportingLine("Ủy ban nhân dân các xã, thị trấn huyện Châu Thành", UBND_CT,
                             "Phòng Nội vụ huyện Châu Thành", "P1Y", "báo cáo ... hằng năm")],
)
# Another province's plan with the same number: must stay a separate node.
KH56_LC = doc("56/KH-UBND", "Ủy ban nhân dân tỉnh Lào Cai", "province", "2020-03-02", province="Lào Cai",
              refs=[ref("142/QĐ-TTg", "implements", TTG, "2020-01-21")])

CASCADE = [KL52, QD142, KH56, KH85]


def test_ids_and_labels_of_documents():
    """(document -> id, label): local documents carry their province/district, central ones the suffix."""
    table = [
        (KH85, "85-kh-ubnd--2020--soc-trang--chau-thanh"),
        (KH56, "56-kh-ubnd--2020--soc-trang"),
        (KH56_LC, "56-kh-ubnd--2020--lao-cai"),
        (QD142, "142-qd-ttg--2020"),
        (KL52, "52-kl-tw--2019"),
    ]
    for result, expected in table:
        assert doc_id_of(result) == expected
    assert [label_for(x) for x in ("central", "ministry", "province", "district", "unknown")] == [
        "Directive", "Plan", "Plan", "Plan", None]


def test_document_without_symbol_is_refused():
    empty = ParseResult(document=DocumentHeader(None, None, None, None, None, None))
    with pytest.raises(LoadError):
        plan(empty)


def test_plan_uses_named_queries_and_parameters_only():
    stmts, summary = plan(KH85, batch_size=1)
    texts = {q.name: q.text for q in queries.list_queries() if q.is_write}
    assert all(text in texts.values() for text, _ in stmts)
    assert all("Châu Thành" not in text for text, _ in stmts)  # values travel as parameters
    # batch size 1: one statement per agency row
    agency_stmts = [p for t, p in stmts if t == texts["load_agencies"]]
    assert len(agency_stmts) == 3 and all(len(p["rows"]) == 1 for p in agency_stmts)
    assert summary.references == 3  # 142 (strongest: implements), 56, 52
    assert summary.tasks == 2


def snapshot(graph):
    """Every node and edge with all properties, sorted: the graph's full state."""
    nodes = graph.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    edges = graph.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, properties(r) AS props, b.id AS b")
    key = lambda x: repr(sorted(x.items()))  # noqa: E731
    for n in nodes:
        n["labels"] = sorted(n["labels"])
        n["props"] = {k: (sorted(v) if isinstance(v, list) else v) for k, v in n["props"].items()}
    return sorted(nodes, key=key), sorted(edges, key=key)


def test_reingest_changes_nothing(graph):
    for r in CASCADE:
        load(graph, r)
    before_counts, before = graph.counts(), snapshot(graph)
    for r in CASCADE:
        load(graph, r)
    assert graph.counts() == before_counts
    assert snapshot(graph) == before


def test_any_order_converges(new_graph):
    g1, g2 = new_graph(), new_graph()
    for r in CASCADE:
        load(g1, r)
    for r in reversed(CASCADE):
        load(g2, r)
    assert g1.counts() == g2.counts()
    ids = "MATCH (d:Document) RETURN d.id AS id, d.status AS status, labels(d) AS l ORDER BY id"
    assert g1.read(ids) == g2.read(ids)


def test_stub_is_completed_in_place(graph):
    load(graph, KH85)
    row = graph.read("MATCH (d:Document {id: '56-kh-ubnd--2020--soc-trang'}) RETURN d.status AS s, d.issuer AS i")
    assert row == [{"s": "referenced", "i": UBND_ST}]
    n_docs = graph.counts()["Document"]
    load(graph, KH56)
    row = graph.read("MATCH (d:Document {id: '56-kh-ubnd--2020--soc-trang'}) RETURN d.status AS s, d.task_count AS t")
    assert row == [{"s": "ingested", "t": 0}]
    assert graph.counts()["Document"] == n_docs
    # a later stub never overwrites what the document itself says
    later = doc("99/KH-UBND", UBND_ST, "province", "2021-01-01", province="Sóc Trăng",
                refs=[ref("56/KH-UBND", "cites", "UBND tỉnh Sóc Trăng (sai)", "2020-05-15", level="province",
                          province="Sóc Trăng")])
    load(graph, later)
    row = graph.read("MATCH (d:Document {id: '56-kh-ubnd--2020--soc-trang'}) RETURN d.status AS s, d.issuer AS i")
    assert row == [{"s": "ingested", "i": UBND_ST}]


def test_two_provinces_same_number_stay_apart(graph):
    load(graph, KH56)
    load(graph, KH56_LC)
    rows = queries.run(graph, "find_document", key="56-kh-ubnd", issuer=None, issuer_slug=None, province=None,
                       province_slug=None)
    assert [r["province"] for r in rows] == ["Lào Cai", "Sóc Trăng"]
    rows = queries.run(graph, "find_document", key="56-kh-ubnd", issuer="soc trang", issuer_slug="soc-trang",
                       province=None, province_slug=None)
    assert [r["id"] for r in rows] == ["56-kh-ubnd--2020--soc-trang"]


def test_changed_file_replaces_tasks_and_edges(graph):
    load(graph, KH85)
    assert graph.counts()["Task"] == 2
    changed = doc("85/KH-UBND", UBND_CT, "district", "2020-06-12", province="Sóc Trăng", district="Châu Thành",
                  refs=[ref("142/QĐ-TTg", "implements", TTG, "2020-01-21")],
                  tasks=[Task("II.1", "Một nhiệm vụ mới", ["Phòng Nội vụ huyện Châu Thành"])], sha="1" * 64)
    load(graph, changed)
    c = graph.counts()
    assert (c["Task"], c["HAS_TASK"], c["ASSIGNED_TO"], c["COORDINATES_WITH"], c["REPORTS_TO"]) == (1, 1, 1, 0, 0)
    edges = graph.read("MATCH (:Document {id: '85-kh-ubnd--2020--soc-trang--chau-thanh'})-[r]->(b:Document) "
                       "RETURN type(r) AS t, b.id AS b ORDER BY t")
    # its stated edge, and its closure: 142 only, now that nothing states 142 -> 52
    assert edges == [{"t": "IMPLEMENTS", "b": "142-qd-ttg--2020"}, {"t": "UNDER", "b": "142-qd-ttg--2020"}]
    # the stated edge 142 -> 52 it used to state is gone too, and with it 142's own closure
    assert graph.read("MATCH (:Document {id: '142-qd-ttg--2020'})-[r]->() RETURN count(r) AS c") == [{"c": 0}]


def test_agencies_no_document_names_any_more_are_pruned(graph):
    """A changed document that names other bodies: after it is loaded again, the bodies nothing
    names any more (not an assignee, issuer, coordination or reporting party, nor anyone's parent)
    are deleted; the issuer and the new assignee stay."""
    from cascade.loader import prune_orphans

    first = load(graph, KH85)
    assert not first.replaced
    names = lambda: sorted(r["n"] for r in graph.read("MATCH (a) WHERE a:Agency OR a:AgencyGroup RETURN a.name AS n"))  # noqa: E731
    before = names()
    assert "Phòng Nội vụ huyện Châu Thành" in before
    assert prune_orphans(graph) == 0  # nothing to prune after a first load
    changed = doc("85/KH-UBND", UBND_CT, "district", "2020-06-12", province="Sóc Trăng", district="Châu Thành",
                  tasks=[Task("II.1", "Một nhiệm vụ mới", ["Phòng Văn hóa và Thông tin huyện Châu Thành"])],
                  sha="2" * 64)
    second = load(graph, changed)
    assert second.replaced
    generation = graph.generation()
    gone = {"Phòng Nội vụ huyện Châu Thành", "Phòng Tài chính - Kế hoạch huyện Châu Thành",
            "Ủy ban nhân dân các xã, thị trấn huyện Châu Thành"}
    assert gone <= set(names())  # still there until pruned
    assert prune_orphans(graph) == len(gone)
    after = names()
    assert not gone & set(after)
    assert {UBND_CT, "Phòng Văn hóa và Thông tin huyện Châu Thành"} <= set(after)
    assert graph.generation() > generation  # cached answers that listed them are dropped
    assert prune_orphans(graph) == 0


def test_tasks_agencies_and_coordination(graph):
    load(graph, KH85)
    rows = graph.read(
        "MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[r:ASSIGNED_TO]->(a) "
        "RETURN t.section AS s, r.role AS role, a.name AS a, labels(a) AS l, t.due AS due, t.period AS period "
        "ORDER BY s, role, a")
    assert [(r["s"], r["role"], r["a"], r["l"]) for r in rows] == [
        ("III.1", "lead", "Phòng Nội vụ huyện Châu Thành", ["Agency"]),
        ("III.1", "support", "Phòng Tài chính - Kế hoạch huyện Châu Thành", ["Agency"]),
        ("III.1", "support", "Ủy ban nhân dân các xã, thị trấn huyện Châu Thành", ["AgencyGroup"]),
        ("III.2", "lead", "Phòng Tài chính - Kế hoạch huyện Châu Thành", ["Agency"]),
    ]
    assert rows[0]["due"] == "2020-06-30" and rows[3]["period"] == "P1Y"
    co = graph.read("MATCH (a)-[c:COORDINATES_WITH]->(b) RETURN a.name AS a, b.name AS b, c.doc_id AS d ORDER BY b")
    assert [(r["a"], r["b"]) for r in co] == [
        ("Phòng Nội vụ huyện Châu Thành", "Phòng Tài chính - Kế hoạch huyện Châu Thành"),
        ("Phòng Nội vụ huyện Châu Thành", "Ủy ban nhân dân các xã, thị trấn huyện Châu Thành"),
    ]
    assert {r["d"] for r in co} == {"85-kh-ubnd--2020--soc-trang--chau-thanh"}
    part = graph.read("MATCH (a {name: 'Phòng Nội vụ huyện Châu Thành'})-[:PART_OF]->(j:Jurisdiction)-[:PART_OF]->(p) "
                      "RETURN j.id AS j, p.id AS p")
    assert part == [{"j": "soc-trang--chau-thanh", "p": "soc-trang"}]
    rep = graph.read("MATCH (a)-[r:REPORTS_TO]->(b) RETURN a.name AS a, b.name AS b, r.via AS via, r.period AS p")
    assert rep == [{"a": "Ủy ban nhân dân các xã, thị trấn huyện Châu Thành", "b": UBND_CT,
                    "via": "Phòng Nội vụ huyện Châu Thành", "p": "P1Y"}]
    found = queries.run(graph, "find_agency", id="", text="phong noi vu")
    assert [r["name"] for r in found] == ["Phòng Nội vụ huyện Châu Thành"]
    duties = queries.run(graph, "agency_duties", id=found[0]["id"])
    assert [(d["section"], d["role"], d["doc_symbol"]) for d in duties] == [("III.1", "lead", "85/KH-UBND")]
    assert set(duties[0]["supports"]) == {"Phòng Tài chính - Kế hoạch huyện Châu Thành",
                                          "Ủy ban nhân dân các xã, thị trấn huyện Châu Thành"}


def test_lineage_up_and_down_on_hand_built_cascade(graph):
    for r in CASCADE:
        load(graph, r)
    up = queries.run(graph, "lineage_up", id="85-kh-ubnd--2020--soc-trang--chau-thanh", depth=10)
    assert [r["symbol"] for r in up] == ["85/KH-UBND", "56/KH-UBND", "142/QĐ-TTg", "52-KL/TW", "27-NQ/TW"]
    assert [r["depth"] for r in up] == [0, 1, 2, 3, 4]
    assert up[0]["edges"] == []  # each row carries the edges that reach it from the start's side
    assert {"source": "85-kh-ubnd--2020--soc-trang--chau-thanh", "target": "142-qd-ttg--2020",
            "type": "IMPLEMENTS"} in up[2]["edges"]
    assert {"source": "56-kh-ubnd--2020--soc-trang", "target": "142-qd-ttg--2020", "type": "IMPLEMENTS"} in up[2]["edges"]
    down = queries.run(graph, "lineage_down", id="27-nq-tw--2008", depth=10)
    assert [r["symbol"] for r in down] == ["27-NQ/TW", "52-KL/TW", "142/QĐ-TTg", "56/KH-UBND", "85/KH-UBND"]
    limited = queries.run(graph, "lineage_down", id="27-nq-tw--2008", depth=2)
    assert [r["symbol"] for r in limited] == ["27-NQ/TW", "52-KL/TW", "142/QĐ-TTg"]


# --------------------------------------------------------------------------- the real samples (through the parser)


def _find(graph, symbol, issuer=None):
    from ingest.identity import fold, slug, symbol_key

    return queries.run(graph, "find_document", key=symbol_key(symbol), issuer=fold(issuer) if issuer else None,
                       issuer_slug=slug(issuer) if issuer else None, province=None, province_slug=None)


def test_samples_lineage_up_from_85(sample_graph):
    start = _find(sample_graph, "85/KH-UBND", "Châu Thành")
    assert len(start) == 1
    up = queries.run(sample_graph, "lineage_up", id=start[0]["id"], depth=10)
    assert [r["symbol"] for r in up][:5] == ["85/KH-UBND", "56/KH-UBND", "142/QĐ-TTg", "52-KL/TW", "27-NQ/TW"]
    assert up[1]["province"] == "Sóc Trăng" and up[1]["issued_on"] == "2020-05-15"


@pytest.mark.parametrize(
    ("root", "reached"),
    [
        ("27-NQ/TW", {"52-KL/TW", "142/QĐ-TTg", "124/KH-UBND", "56/KH-UBND", "85/KH-UBND", "83-KH/TU"}),
        ("45-NQ/TW", {"72-CTr/TU", "107/NQ-CP", "371/KH-UBND"}),
    ],
)
def test_samples_lineage_down(sample_graph, root, reached):
    start = _find(sample_graph, root)
    assert start, f"{root} not in the graph"
    down = queries.run(sample_graph, "lineage_down", id=start[0]["id"], depth=10)
    assert reached <= {r["symbol"] for r in down}


def test_samples_reingest_and_reverse_order(new_graph, sample_paths):
    from tests.conftest import ingest_into

    g1, g2 = new_graph(), new_graph()
    results = ingest_into(g1, sample_paths)
    assert len(results) == 4
    first, state = g1.counts(), snapshot(g1)
    ingest_into(g1, sample_paths)
    assert g1.counts() == first
    assert snapshot(g1) == state  # same property values, not only the same counts
    ingest_into(g2, list(reversed(sample_paths)))
    assert g2.counts() == first
    assert first["Task"] > 0 and first["Document"] > 4


def test_lineage_terminates_on_cycles_and_unknown_ids(graph):
    """Two plans that (wrongly or not) say they implement each other: finite rows, start at depth 0."""
    a = doc("1/KH-UBND", UBND_ST, "province", "2021-01-01", province="Sóc Trăng",
            refs=[ref("2/KH-UBND", "implements", UBND_ST, "2021-02-01", level="province", province="Sóc Trăng")])
    b = doc("2/KH-UBND", UBND_ST, "province", "2021-02-01", province="Sóc Trăng",
            refs=[ref("1/KH-UBND", "implements", UBND_ST, "2021-01-01", level="province", province="Sóc Trăng")])
    load(graph, a)
    load(graph, b)
    up = queries.run(graph, "lineage_up", id="1-kh-ubnd--2021--soc-trang", depth=10)
    assert [(r["symbol"], r["depth"]) for r in up] == [("1/KH-UBND", 0), ("2/KH-UBND", 1)]
    assert queries.run(graph, "lineage_up", id="no-such-document", depth=10) == []


# --------------------------------------------------------------------------- one lineage edge per pair (issue #6)

# Two district plans that both state "56/KH-UBND thực hiện 142/QĐ-TTg" (as every district plan of a
# province does in the national corpus): one edge 56 -> 142, stated by both, however they are loaded.
_STATED_56 = StatedEdge(child="56/KH-UBND", parent="142/QĐ-TTg", relation="implements",
                        child_id="56-kh-ubnd--2020--soc-trang", parent_id="142-qd-ttg--2020")
KH12_KS = doc("12/KH-UBND", "Ủy ban nhân dân huyện Kế Sách", "district", "2020-06-20", province="Sóc Trăng",
              district="Kế Sách", refs=[ref("56/KH-UBND", "implements", UBND_ST, "2020-05-15", level="province",
                                            province="Sóc Trăng")], stated=[_STATED_56])
KH85_STATING = doc("85/KH-UBND", UBND_CT, "district", "2020-06-12", province="Sóc Trăng", district="Châu Thành",
                   refs=[ref("56/KH-UBND", "implements", UBND_ST, "2020-05-15", level="province",
                             province="Sóc Trăng")], stated=[_STATED_56])
ID_56, ID_142 = "56-kh-ubnd--2020--soc-trang", "142-qd-ttg--2020"
ID_85, ID_12 = "85-kh-ubnd--2020--soc-trang--chau-thanh", "12-kh-ubnd--2020--soc-trang--ke-sach"
EDGE_56_142 = ("MATCH (:Document {id: '56-kh-ubnd--2020--soc-trang'})-[r:IMPLEMENTS|BASED_ON|CITES]->"
               "(:Document {id: '142-qd-ttg--2020'}) "
               "RETURN type(r) AS t, r.stated_by AS s, r.text AS text, r.count AS n")


@pytest.mark.parametrize(
    ("loads", "expected"),
    [
        # (documents loaded in order, the 56 -> 142 edges afterwards)
        ([KH85_STATING], [("IMPLEMENTS", [ID_85], None, None)]),
        ([KH85_STATING, KH12_KS], [("IMPLEMENTS", [ID_12, ID_85], None, None)]),
        ([KH12_KS, KH85_STATING], [("IMPLEMENTS", [ID_12, ID_85], None, None)]),  # sorted, not in load order
        ([KH12_KS, KH85_STATING, KH12_KS, KH85_STATING], [("IMPLEMENTS", [ID_12, ID_85], None, None)]),
        # 56 itself says it implements 142: its own text and mention count go on the same edge
        ([KH85_STATING, KH56, KH12_KS], [("IMPLEMENTS", [ID_12, ID_56, ID_85], "142/QĐ-TTg", 1)]),
        ([KH56, KH12_KS, KH85_STATING, KH56], [("IMPLEMENTS", [ID_12, ID_56, ID_85], "142/QĐ-TTg", 1)]),
    ],
)
def test_one_lineage_edge_per_pair_whoever_states_it(graph, loads, expected):
    for r in loads:
        load(graph, r)
    rows = graph.read(EDGE_56_142)
    assert [(r["t"], r["s"], r["text"], r["n"]) for r in rows] == expected


def test_changed_stating_document_leaves_the_edge_to_the_others(graph):
    for r in (KH85_STATING, KH12_KS):
        load(graph, r)
    # 85 no longer states 56 -> 142: its id leaves the list, the edge stays for 12
    load(graph, doc("85/KH-UBND", UBND_CT, "district", "2020-06-12", province="Sóc Trăng", district="Châu Thành",
                    refs=[ref("56/KH-UBND", "implements", UBND_ST, "2020-05-15", level="province",
                              province="Sóc Trăng")], sha="2" * 64))
    assert [r["s"] for r in graph.read(EDGE_56_142)] == [[ID_12]]
    # 12 no longer states it either: nobody does, the edge is gone
    load(graph, doc("12/KH-UBND", "Ủy ban nhân dân huyện Kế Sách", "district", "2020-06-20", province="Sóc Trăng",
                    district="Kế Sách", sha="3" * 64))
    assert graph.read(EDGE_56_142) == []
    assert graph.counts()["IMPLEMENTS"] == 1  # 85 -> 56, its own reference


def test_lineage_has_one_row_per_document_with_many_stating_documents(graph):
    plans = [doc(f"{n}/KH-UBND", f"Ủy ban nhân dân huyện H{n}", "district", "2020-07-01", province="Sóc Trăng",
                 district=f"H{n}", refs=[ref("56/KH-UBND", "implements", UBND_ST, "2020-05-15", level="province",
                                             province="Sóc Trăng")], stated=[_STATED_56]) for n in range(1, 21)]
    for r in [*plans, KH56, QD142, KL52]:
        load(graph, r)
    assert graph.read("MATCH ()-[r:IMPLEMENTS]->() WITH size(r.stated_by) AS n RETURN max(n) AS m") == [{"m": 21}]
    up = queries.run(graph, "lineage_up", id="1-kh-ubnd--2020--soc-trang--h1", depth=10)
    assert [r["symbol"] for r in up] == ["1/KH-UBND", "56/KH-UBND", "142/QĐ-TTg", "52-KL/TW", "27-NQ/TW"]
    down = queries.run(graph, "cascade_down", id="27-nq-tw--2008")
    assert len(down) == len({r["id"] for r in down}) == 23  # 52, 142, 56 and the 20 district plans


# --------------------------------------------------------------------------- the feeding process's fast paths (issue #6)


@pytest.mark.parametrize(
    "value",
    ["", 'a "quoted" \\ back', "Sở Nội vụ\nhằng năm", None, 0, 3, 2.5, True, False, [], ["x", None, 1],
     {"id": "a", "aliases": ["Sở Nội vụ"], "n": None, "own": True}, ("t",)],
)
def test_params_header_is_the_clients(value):
    from falkordb.graph import Graph as ClientGraph
    from falkordb.helpers import stringify_param_value

    from cascade.graph import cypher_literal, params_header

    assert cypher_literal(value) == stringify_param_value(value)
    params = {"rows": [value], "id": "x"}
    assert params_header(params) == ClientGraph.__new__(ClientGraph)._build_params_header(params)


def test_params_header_of_a_real_plan():
    from falkordb.graph import Graph as ClientGraph

    from cascade.graph import params_header

    client = ClientGraph.__new__(ClientGraph)
    for text, params in plan(KH85)[0]:
        assert params_header(params) == client._build_params_header(params), text[:60]


def test_version_1_graph_is_migrated_to_one_edge_per_pair(graph):
    """A graph written by schema 1 (one parallel edge per stating document, stated_by a string) is migrated."""
    graph.write([
        ("CREATE (:Document {id: $k, status: 'ingested', symbol: '85/KH-UBND'}), "
         "(:Document {id: $t, status: 'ingested', symbol: '12/KH-UBND'}), "
         "(:Document {id: $p, status: 'referenced', symbol: '56/KH-UBND'}), "
         "(:Document {id: $q, status: 'referenced', symbol: '142/QĐ-TTg'})", {"k": ID_85, "t": ID_12, "p": ID_56, "q": ID_142}),
        ("MATCH (k:Document {id: $k}), (t:Document {id: $t}), (p:Document {id: $p}), (q:Document {id: $q}) "
         "CREATE (k)-[:IMPLEMENTS {stated_by: $k, text: '56/KH-UBND', count: 2}]->(p), "
         "(t)-[:IMPLEMENTS {stated_by: $t, text: '56/KH-UBND', count: 1}]->(p), "
         "(p)-[:IMPLEMENTS {stated_by: $t}]->(q), (p)-[:IMPLEMENTS {stated_by: $k}]->(q), "
         "(p)-[:CITES {stated_by: $k}]->(q)", {"k": ID_85, "t": ID_12, "p": ID_56, "q": ID_142}),
        ("MERGE (m:Meta {key: 'schema'}) SET m.version = 1", {}),
    ])
    assert graph.apply_schema() == graph.schema_version() == 4
    rows = graph.read("MATCH (a:Document)-[r:IMPLEMENTS|BASED_ON|CITES]->(b:Document) RETURN a.id AS a, type(r) AS t, b.id AS b, "
                      "r.stated_by AS s, r.text AS text, r.count AS n ORDER BY a, b, t")
    assert [(r["a"], r["t"], r["b"], r["s"], r["text"], r["n"]) for r in rows] == [
        (ID_12, "IMPLEMENTS", ID_56, [ID_12], "56/KH-UBND", 1),
        (ID_56, "CITES", ID_142, [ID_85], None, None),
        (ID_56, "IMPLEMENTS", ID_142, [ID_12, ID_85], None, None),
        (ID_85, "IMPLEMENTS", ID_56, [ID_85], "56/KH-UBND", 2),
    ]
    states = graph.read("MATCH (d:Document) WHERE d.states IS NOT NULL RETURN d.id AS id, d.states AS s ORDER BY id")
    assert states == [{"id": ID_12, "s": [ID_56]}, {"id": ID_85, "s": [ID_56]}]
    # and the migrated graph takes re-ingests: 85 now states nothing about 56 -> 142
    load(graph, doc("85/KH-UBND", UBND_CT, "district", "2020-06-12", province="Sóc Trăng", district="Châu Thành",
                    refs=[ref("56/KH-UBND", "implements", UBND_ST, "2020-05-15", level="province",
                              province="Sóc Trăng")]))
    assert [r["s"] for r in graph.read(EDGE_56_142)] == [[ID_12]]
    # the closure was computed on the way to version 3: 85 -> 56 -> 142, 12 -> 56 -> 142
    assert graph.read("MATCH (a)-[u:UNDER]->(b) RETURN a.id AS a, b.id AS b, u.depth AS k ORDER BY a, b") == [
        {"a": ID_12, "b": ID_142, "k": 2}, {"a": ID_12, "b": ID_56, "k": 1}, {"a": ID_56, "b": ID_142, "k": 1},
        {"a": ID_85, "b": ID_142, "k": 2}, {"a": ID_85, "b": ID_56, "k": 1}]
    assert graph.apply_schema() == 4  # a second apply does not migrate again
    assert [r["s"] for r in graph.read(EDGE_56_142)] == [[ID_12]]


def test_version_3_graph_gets_jurisdiction_scoped_agency_ids(graph):
    """Schema 3 named a district's and a commune's bodies by their name alone: two provinces' huyện
    Châu Thành shared one node. Schema 4 ids carry the province (and a commune's the district)."""
    graph.write([
        ("CREATE (:Agency {id: 'phong-noi-vu-huyen-chau-thanh', name: 'Phòng Nội vụ huyện Châu Thành', "
         "kind: 'agency', level: 'district', province: 'Sóc Trăng', district: 'Châu Thành'}), "
         "(:AgencyGroup {id: 'cac-xa-thi-tran-huyen-chau-thanh', name: 'Các xã, thị trấn huyện Châu Thành', "
         "kind: 'group', level: 'district', province: 'Sóc Trăng', district: 'Châu Thành'}), "
         "(:Agency {id: 'cong-an-xa-tan-phu', name: 'Công an xã Tân Phú', kind: 'agency', level: 'commune', "
         "province: 'Đồng Nai', district: 'Tân Phú'}), "
         "(:Agency {id: 'phong-y-te-huyen-chau-thanh', name: 'Phòng Y tế huyện Châu Thành', kind: 'agency', "
         "level: 'district'}), "  # no province known: nothing to scope it with
         "(:Agency {id: 'so-noi-vu-tinh-soc-trang', name: 'Sở Nội vụ tỉnh Sóc Trăng', kind: 'agency', "
         "level: 'province', province: 'Sóc Trăng'}), "
         "(:Task {id: 't1'})", {}),
        ("MATCH (a:Agency {id: 'phong-noi-vu-huyen-chau-thanh'}), (t:Task {id: 't1'}) "
         "CREATE (t)-[:ASSIGNED_TO {role: 'lead'}]->(a)", {}),
        ("MERGE (m:Meta {key: 'schema'}) SET m.version = 3", {}),
        ("MERGE (m:Meta {key: 'ingest'}) SET m.generation = 7", {}),
    ])
    assert graph.apply_schema() == graph.schema_version() == 4
    ids = "MATCH (a) WHERE a:Agency OR a:AgencyGroup RETURN a.id AS id ORDER BY id"
    assert [r["id"] for r in graph.read(ids)] == [
        "cac-xa-thi-tran-huyen-chau-thanh--soc-trang", "cong-an-xa-tan-phu--dong-nai--tan-phu",
        "phong-noi-vu-huyen-chau-thanh--soc-trang", "phong-y-te-huyen-chau-thanh", "so-noi-vu-tinh-soc-trang"]
    assert graph.read("MATCH (:Task {id: 't1'})-[:ASSIGNED_TO]->(a:Agency) RETURN a.id AS id") == [
        {"id": "phong-noi-vu-huyen-chau-thanh--soc-trang"}]  # the edge followed its node
    assert graph.generation() > 7  # cached API answers named the old ids
    assert graph.migrate_agency_ids() == 0  # idempotent


@pytest.mark.parametrize("name,level,province,district,expected", [
    ("Sở Nội vụ tỉnh Bắc Ninh", "province", "Bắc Ninh", None, "so-noi-vu-tinh-bac-ninh"),
    ("Bộ Tài chính", "ministry", None, None, "bo-tai-chinh"),
    ("Phòng Nội vụ huyện Châu Thành", "district", "Sóc Trăng", "Châu Thành", "phong-noi-vu-huyen-chau-thanh--soc-trang"),
    ("Phòng Nội vụ huyện Châu Thành", "district", "Tiền Giang", "Châu Thành", "phong-noi-vu-huyen-chau-thanh--tien-giang"),
    ("Phòng Nội vụ huyện Châu Thành", "district", None, "Châu Thành", "phong-noi-vu-huyen-chau-thanh"),  # no scope known
    ("Công an xã Tân Phú", "commune", "Đồng Nai", "Tân Phú", "cong-an-xa-tan-phu--dong-nai--tan-phu"),
    ("Công an xã Tân Phú", "commune", "Đồng Nai", None, "cong-an-xa-tan-phu--dong-nai"),  # after 2025: no districts
])
def test_agency_ids_carry_the_jurisdiction_their_names_lack(name, level, province, district, expected):
    from ingest.identity import agency_id, scoped_agency_id

    assert agency_id(name, level, province, district) == expected
    assert scoped_agency_id(expected, level, province, district) == expected  # scoping twice changes nothing


def test_two_provinces_districts_of_one_name_keep_their_bodies_apart(graph):
    """huyện Châu Thành of Sóc Trăng and of Tiền Giang: same names, two jurisdictions, two nodes."""
    from ingest import parse_text
    from tests.conftest import SAMPLES

    text = (SAMPLES / "85-KH-UBND_chau-thanh-soc-trang_2020.txt").read_text(encoding="utf-8")
    soc_trang = parse_text(text, "85-soc-trang.txt")
    tien_giang = parse_text(text.replace("Sóc Trăng", "Tiền Giang").replace("SÓC TRĂNG", "TIỀN GIANG"), "85-tien-giang.txt")
    assert (soc_trang.document.issuer.province, tien_giang.document.issuer.province) == ("Sóc Trăng", "Tiền Giang")
    load(graph, soc_trang)
    load(graph, tien_giang)
    rows = graph.read("MATCH (a:Agency {name: $n}) RETURN a.id AS id, a.province AS p ORDER BY id",
                      {"n": "Phòng Nội vụ huyện Châu Thành"})
    assert rows == [{"id": "phong-noi-vu-huyen-chau-thanh--soc-trang", "p": "Sóc Trăng"},
                    {"id": "phong-noi-vu-huyen-chau-thanh--tien-giang", "p": "Tiền Giang"}]
    issuers = graph.read("MATCH (d:Document)-[:ISSUED_BY]->(a) RETURN d.province AS dp, a.id AS id ORDER BY dp")
    assert [(r["dp"], r["id"]) for r in issuers] == [
        ("Sóc Trăng", "uy-ban-nhan-dan-huyen-chau-thanh--soc-trang"),
        ("Tiền Giang", "uy-ban-nhan-dan-huyen-chau-thanh--tien-giang")]


def test_unchanged_reingest_is_skipped_and_force_rewrites(graph):
    first = load(graph, KH85)
    assert not first.unchanged
    title = "MATCH (d:Document {id: $id}) RETURN d.title AS t"
    graph.write([("MATCH (d:Document {id: $id}) SET d.title = 'edited by hand'", {"id": ID_85})])
    again = load(graph, KH85)  # same statements as last time: nothing is sent
    assert again.unchanged and again.tasks == first.tasks
    assert graph.read(title, {"id": ID_85}) == [{"t": "edited by hand"}]
    assert not load(graph, KH85, force=True).unchanged
    assert graph.read(title, {"id": ID_85}) == [{"t": "Kế hoạch 85/KH-UBND"}]
    # same file hash, different reading (e.g. a newer parser): a different fingerprint, written
    reread = doc("85/KH-UBND", UBND_CT, "district", "2020-06-12", province="Sóc Trăng", district="Châu Thành",
                 title="Kế hoạch thực hiện Quyết định 142/QĐ-TTg")
    assert not load(graph, reread).unchanged
    assert graph.read(title, {"id": ID_85}) == [{"t": "Kế hoạch thực hiện Quyết định 142/QĐ-TTg"}]
    assert graph.counts()["Task"] == 0


# --------------------------------------------------------------------------- rows that change nothing are not written
# load_agencies and load_stubs skip a row that would change nothing (a SET re-indexes the node
# even when the value is the same; issue #6 loader profile at M). These tables apply row
# sequences with the shipped query and with the plain SET it filters, and compare the nodes.

PLAIN_AGENCY_SET = """
UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
SET a.name = row.name, a.kind = row.kind,
    a.level = CASE WHEN row.level IS NULL OR row.level = 'unknown' THEN coalesce(a.level, row.level) ELSE row.level END,
    a.province = coalesce(row.province, a.province), a.district = coalesce(row.district, a.district),
    a.aliases = reduce(acc = [], x IN coalesce(a.aliases, []) + row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    a.search = reduce(s = a.search, x IN row.searches | CASE WHEN s IS NULL THEN x WHEN s CONTAINS x THEN s ELSE s + ' | ' + x END)
"""

PLAIN_STUB_SET = """
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.status = 'referenced'
WITH d, row
WHERE d.status = 'referenced'
SET d.symbol = coalesce(d.symbol, row.symbol), d.symbol_key = coalesce(d.symbol_key, row.symbol_key),
    d.doc_type = coalesce(d.doc_type, row.doc_type), d.title = coalesce(d.title, row.title),
    d.issuer = coalesce(d.issuer, row.issuer), d.level = coalesce(d.level, row.level),
    d.province = coalesce(d.province, row.province), d.district = coalesce(d.district, row.district),
    d.issued_on = coalesce(d.issued_on, row.issued_on), d.year = coalesce(d.year, row.year),
    d.search = coalesce(d.search, row.search)
FOREACH (_ IN CASE WHEN 'Directive' IN row.labels THEN [1] ELSE [] END | SET d:Directive)
FOREACH (_ IN CASE WHEN 'Plan' IN row.labels THEN [1] ELSE [] END | SET d:Plan)
"""


def _agency(**kw):
    row = {"id": "so-noi-vu-tinh-bac-ninh", "name": "Sở Nội vụ tỉnh Bắc Ninh", "kind": "agency", "level": "province",
           "province": "Bắc Ninh", "district": None, "aliases": ["Sở Nội vụ"], "searches": ["so noi vu tinh bac ninh"]}
    return dict(row, **kw)


AGENCY_SEQUENCES = [
    [_agency(), _agency()],  # the same row again: nothing to write
    [_agency(), _agency(aliases=["Sở NV"])],  # a new alias
    [_agency(), _agency(aliases=[])],
    [_agency(aliases=[]), _agency(aliases=[])],
    [_agency(), _agency(searches=["so nv"]), _agency(searches=["so nv"])],  # a new spelling, then a known one
    [_agency(searches=[]), _agency(searches=[])],
    [_agency(level="unknown"), _agency(level="province")],
    [_agency(), _agency(level="unknown")],  # 'unknown' never erases a known level
    [_agency(level=None), _agency(level=None)],
    [_agency(province=None), _agency(province="Bắc Ninh"), _agency(province=None)],
    [_agency(district="Từ Sơn"), _agency(district=None), _agency(district="Quế Võ")],
    [_agency(kind="agency"), _agency(kind="unit"), _agency(kind=None)],
    [_agency(name="Sở Nội Vụ tỉnh Bắc Ninh"), _agency()],
]


def _stub(**kw):
    row = {"id": "142-qd-ttg--2020", "symbol": "142/QĐ-TTg", "symbol_key": "142-qd-ttg", "doc_type": "Quyết định",
           "title": None, "issuer": "Thủ tướng Chính phủ", "level": "central", "province": None, "district": None,
           "issued_on": "2020-01-21", "year": 2020, "search": "142/qd-ttg", "labels": ["Directive"]}
    return dict(row, **kw)


STUB_SEQUENCES = [
    [_stub(), _stub()],
    [_stub(title=None), _stub(title="Phê duyệt Đề án ...")],
    [_stub(issued_on=None, year=None), _stub(), _stub(issued_on="2020-02-02")],  # first non-null wins
    [_stub(labels=[]), _stub(labels=[])],
    [_stub(labels=[]), _stub(labels=["Directive"])],
    [_stub(labels=["Directive"]), _stub(labels=["Plan"])],
    [_stub(search=None, province=None), _stub(province="Lào Cai", search="x")],
]


@pytest.fixture(scope="module")
def two_graphs(falkordb_server):
    """Two scratch graphs without the schema (the semantics of SET do not depend on indexes)."""
    import uuid

    from cascade.graph import FalkorGraph

    made = [FalkorGraph(falkordb_server.url, f"skip-{uuid.uuid4().hex[:8]}") for _ in range(2)]
    yield made
    for g in made:
        g.clear()
        g.close()


def _apply(graph, query: str, sequence: list[dict]) -> list[dict]:
    graph.write([("MATCH (n) DELETE n", {})])
    for row in sequence:
        graph.write([(query, {"rows": [row]})])
    return graph.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id")


@pytest.mark.parametrize("sequence", AGENCY_SEQUENCES)
def test_load_agencies_skips_only_rows_that_change_nothing(two_graphs, sequence):
    shipped, plain = two_graphs
    assert _apply(shipped, queries.text("load_agencies"), sequence) == _apply(plain, PLAIN_AGENCY_SET, sequence)


@pytest.mark.parametrize("sequence", STUB_SEQUENCES)
def test_load_stubs_skips_only_rows_that_change_nothing(two_graphs, sequence):
    shipped, plain = two_graphs
    assert _apply(shipped, queries.text("load_stubs"), sequence) == _apply(plain, PLAIN_STUB_SET, sequence)


def test_load_agencies_writes_nothing_for_a_known_agency(two_graphs):
    """The skipped row really is skipped: FalkorDB reports no property set."""
    g = two_graphs[0]
    g.write([("MATCH (n) DELETE n", {})])
    g.write([(queries.text("load_agencies"), {"rows": [_agency()]})])
    reply = g._db.connection.execute_command(
        "GRAPH.QUERY", g.name, "CYPHER rows=[{id: 'so-noi-vu-tinh-bac-ninh', name: 'Sở Nội vụ tỉnh Bắc Ninh', "
        "kind: 'agency', level: 'province', province: 'Bắc Ninh', district: null, aliases: ['Sở Nội vụ'], "
        "searches: ['so noi vu tinh bac ninh']}] " + queries.text("load_agencies"))
    assert not any("Properties set" in str(s) for s in reply[-1])
