"""The JSON API (issue #4) through FastAPI's TestClient.

Two graphs:

* ``chain_graph``: ParseResults written by hand from facts in the sample texts
  (85/KH-UBND of huyện Châu Thành; 371/KH-UBND of Bắc Ninh), loaded with the real
  loader. It pins the API's behaviour independently of the parser.
* ``sample_graph`` (conftest): the four samples through the real pipeline: the
  issue's acceptance facts (lineage of 85/KH-UBND, duties of Sở Nội vụ tỉnh Bắc
  Ninh, accent-free search) end to end.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from api import service
from cascade import search
from graph_schema import SCHEMA_VERSION
from cascade.embedded import terminate
from cascade.graph import FalkorGraph, Graph
from cascade.loader import load
from tests.conftest import results_graph
from ingest.identity import document_id
from ingest.model import (Agency, Deadline, DocumentHeader, Issuer, Mention, ParseResult, Reference, StatedEdge,
                          Task)

ID_85 = "85-kh-ubnd--2020--soc-trang--chau-thanh"
ID_56 = "56-kh-ubnd--2020--soc-trang"
ID_142 = "142-qd-ttg--2020"
ID_52 = "52-kl-tw--2019"
ID_27 = "27-nq-tw--2008"
ID_371 = "371-kh-ubnd--2024--bac-ninh"
NOI_VU = "so-noi-vu-tinh-bac-ninh"
TTTT = "so-thong-tin-va-truyen-thong-tinh-bac-ninh"
LHH = "lien-hiep-cac-hoi-khoa-hoc-va-ky-thuat-tinh-bac-ninh"
CHAIN_85 = ["85/KH-UBND", "56/KH-UBND", "142/QĐ-TTg", "52-KL/TW", "27-NQ/TW"]
SAMPLE_85 = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "85-KH-UBND_chau-thanh-soc-trang_2020.txt"


# --------------------------------------------------------------------------- the hand-built graph


def chain_results() -> list[ParseResult]:
    """Return two ParseResults with facts read off 85/KH-UBND (Châu Thành) and 371/KH-UBND (Bắc Ninh)."""
    st, bn = "Sóc Trăng", "Bắc Ninh"
    noivu, tttt = "Sở Nội vụ tỉnh Bắc Ninh", "Sở Thông tin và Truyền thông tỉnh Bắc Ninh"
    lhh = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"
    group = "Các sở, ngành, đơn vị liên quan tỉnh Bắc Ninh"
    r85 = ParseResult(
        document=DocumentHeader(
            symbol="85/KH-UBND", doc_type="Kế hoạch",
            title="Thực hiện Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng Chính phủ về việc ban hành "
                  "Kế hoạch thực hiện Kết luận số 52-KL/TW ngày 30/5/2019 của Ban Bí thư",
            issuer=Issuer("Ủy ban nhân dân huyện Châu Thành", "district", st, "Châu Thành", "ubnd"),
            place="Châu Thành", issued_on="2020-06-12", id=ID_85),
        references=[
            Reference("142/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "2020-01-21", "implements",
                      [Mention("Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng Chính phủ", 40)],
                      issuer_level="central", year=2020),
            Reference("56/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Sóc Trăng", "2020-05-15", "implements",
                      [Mention("Kế hoạch số 56/KH-UBND ngày 15/5/2020 của Ủy ban nhân dân tỉnh Sóc Trăng", 900)],
                      issuer_level="province", issuer_province=st, year=2020),
            Reference("52-KL/TW", "Kết luận", "Ban Bí thư", "2019-05-30", "cites", issuer_level="central", year=2019),
            Reference("27-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "2008-08-06", "cites",
                      issuer_level="central", year=2008),
        ],
        stated_edges=[
            StatedEdge("56/KH-UBND", "142/QĐ-TTg", "implements", "Ủy ban nhân dân tỉnh Sóc Trăng", None, ID_56, ID_142),
            StatedEdge("142/QĐ-TTg", "52-KL/TW", "implements", None, None, ID_142, ID_52),
            StatedEdge("52-KL/TW", "27-NQ/TW", "implements", None, None, ID_52, ID_27),
        ],
        tasks=[Task("II.2.b", "Phòng Văn hóa – Thông tin phối hợp với Phòng Kinh tế - Hạ tầng, Đài Truyền thanh huyện "
                              "tăng cường công tác thông tin, tuyên truyền",
                    ["Phòng Văn hóa và Thông tin huyện Châu Thành"], ["Phòng Kinh tế và Hạ tầng huyện Châu Thành"],
                    Deadline("quý II năm 2020", "once", "2020-06-30"))],
        agencies=[Agency("Phòng Văn hóa và Thông tin huyện Châu Thành", "agency", "district", st, "Châu Thành",
                         ["Phòng Văn hóa – Thông tin"]),
                  Agency("Phòng Kinh tế và Hạ tầng huyện Châu Thành", "agency", "district", st, "Châu Thành",
                         ["Phòng Kinh tế - Hạ tầng"])],
        source={"path": SAMPLE_85.name},
    )
    r371 = ParseResult(
        document=DocumentHeader(
            symbol="371/KH-UBND", doc_type="Kế hoạch",
            title="Thực hiện Chương trình hành động số 72-CTr/TU ngày 19/4/2024 của Tỉnh ủy Bắc Ninh thực hiện "
                  "Nghị quyết số 45-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII về đội ngũ trí thức",
            issuer=Issuer("Ủy ban nhân dân tỉnh Bắc Ninh", "province", bn, None, "ubnd"),
            place=bn, issued_on="2024-10-09", id=ID_371),
        references=[
            Reference("72-CTr/TU", "Chương trình hành động", "Tỉnh ủy Bắc Ninh", "2024-04-19", "implements",
                      issuer_level="province", issuer_province=bn, year=2024),
            Reference("45-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "2023-11-24", "based_on",
                      issuer_level="central", year=2023),
            Reference("107/NQ-CP", "Nghị quyết", "Chính phủ", "2024-07-09", "based_on", issuer_level="central", year=2024),
            Reference("899/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "2023-07-31", "cites", issuer_level="central",
                      year=2023),
        ],
        stated_edges=[
            StatedEdge("107/NQ-CP", "45-NQ/TW", "implements", None, None, "107-nq-cp--2024", "45-nq-tw--2023"),
            StatedEdge("72-CTr/TU", "45-NQ/TW", "implements", None, None, document_id("72-CTr/TU", 2024, bn),
                       "45-nq-tw--2023"),
        ],
        tasks=[
            Task("I.1", "Tuyên truyền về Nghị quyết số 45-NQ/TW của BCHTW, Chương trình hành động số 72-CTr/TU của "
                        "Tỉnh ủy và các văn bản có liên quan về vai trò, tầm quan trọng của đội ngũ trí thức.",
                 [tttt], [group], Deadline("Thường xuyên", "continuous"), source="appendix"),
            Task("II.1", "Tiếp tục tham mưu triển khai thực hiện Quyết định số 899/QĐ-TTg ngày 31/7/2023 của Thủ "
                         "tướng Chính phủ phê duyệt Chiến lược quốc gia về thu hút, trọng dụng nhân tài.",
                 [noivu], [], Deadline("Năm 2025", "once", "2025-12-31"), source="appendix"),
            Task("III.6", "Xây dựng hệ thống cơ sở dữ liệu về đội ngũ trí thức của tỉnh trên các lĩnh vực.",
                 [lhh], [tttt], Deadline("Năm 2025", "once", "2025-12-31"), source="appendix"),
            Task("V.1", "Tổng hợp đề xuất cơ chế cho các hội trí thức tham gia thực hiện một số dịch vụ công.",
                 [noivu], [lhh], Deadline("Hằng năm", "recurring", None, "P1Y"), source="appendix"),
        ],
        agencies=[Agency(noivu, "agency", "province", bn, None, ["Sở Nội vụ"]),
                  Agency(tttt, "agency", "province", bn, None, ["Sở Thông tin và Truyền thông"]),
                  Agency(lhh, "agency", "province", bn, None, ["Liên hiệp các hội Khoa học và Kỹ thuật tỉnh"]),
                  Agency(group, "group", "province", bn, None, ["Các sở, ngành, đơn vị liên quan"])],
        source={"path": "371-KH-UBND_bac-ninh_2024.txt"},
    )
    return [r85, r371]


@pytest.fixture(scope="module")
def chain_graph(falkordb_server) -> Iterator[Graph]:
    """The hand-built graph (READ-ONLY), one per test module."""
    with results_graph(falkordb_server, chain_results(), "chain", batch_size=100) as g:
        yield g


@pytest.fixture
def api(make_client, chain_graph):
    """A TestClient over the hand-built graph."""
    return make_client(chain_graph)


def symbols(nodes: list[dict]) -> list[str]:
    return [n["symbol"] for n in nodes]


# --------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(("typed", "key"), [
    ("85 /KH-UBND", "85-kh-ubnd"),
    ("85/KH-UBND", "85-kh-ubnd"),
    ("142/QĐ-TTg", "142-qd-ttg"),
    ("72-CTR/TU", "72-ctr-tu"),
    ("  ", ""),
    (None, ""),
])
def test_symbol_lookup_key(typed, key):
    assert search.symbol_lookup_key(typed) == key


TABLE = {"khkt": ("khoa hoc va ky thuat",), "ubnd": ("uy ban nhan dan",), "tttt": ("thong tin va truyen thong",)}


@pytest.mark.parametrize(("q", "groups"), [
    ("so noi vu bac ninh", [["so"], ["noi"], ["vu"], ["bac"], ["ninh"]]),
    ("Sở Nội vụ", [["so"], ["noi"], ["vu"]]),
    ("lien hiep cac hoi khkt", [["lien"], ["hiep"], ["cac"], ["hoi"], ["khkt", "khoa hoc va ky thuat"]]),
    ("Sở TT&TT", [["so"], ["tt&tt", "tttt", "thong tin va truyen thong"]]),
    ("UBND tỉnh Lào Cai", [["ubnd", "uy ban nhan dan"], ["tinh"], ["lao"], ["cai"]]),
    ("", []),
    ("«»,.;", []),
])
def test_search_groups(q, groups):
    assert search.search_groups(q, TABLE) == groups


def test_abbreviation_table_from_parser_data():
    table = search.abbreviations()
    if not search.ABBREVIATIONS_FILE.exists():
        pytest.skip("ingest/data/agency_abbreviations.json not written yet")
    assert "khoa hoc va ky thuat" in table.get("khkt", ())


E = [  # 85 implements 56 and 142; 56 implements 142; 142 -> 52 -> 27 (stored direction: child -> parent)
    {"source": "85", "target": "56", "type": "IMPLEMENTS"},
    {"source": "85", "target": "142", "type": "IMPLEMENTS"},
    {"source": "56", "target": "142", "type": "IMPLEMENTS"},
    {"source": "142", "target": "52", "type": "IMPLEMENTS"},
    {"source": "52", "target": "27", "type": "IMPLEMENTS"},
]


@pytest.mark.parametrize(("start", "direction", "depth", "order"), [
    ("85", "up", 10, ["85", "56", "142", "52", "27"]),  # longest chain: 142 after 56
    ("85", "up", 2, ["85", "56", "142", "52"]),  # 52 is 2 hops away through 142
    ("85", "up", 1, ["85", "56", "142"]),  # both 1 hop away; 56 -> 142 still orders them
    ("27", "down", 10, ["27", "52", "142", "56", "85"]),
    ("142", "both", 10, ["142", "52", "27", "56", "85"]),
    ("27", "up", 10, ["27"]),
])
def test_lineage_order(start, direction, depth, order):
    props = {n: {"id": n, "symbol": n} for n in ("85", "56", "142", "52", "27")}
    lin = service.assemble_lineage(start, direction, depth, E, E, props)
    assert [n["id"] for n in lin.nodes] == order


def test_lineage_survives_a_cycle():
    edges = [{"source": "a", "target": "b", "type": "IMPLEMENTS"}, {"source": "b", "target": "a", "type": "CITES"}]
    lin = service.assemble_lineage("a", "up", 10, edges, [], {})
    assert [n["id"] for n in lin.nodes] == ["a", "b"]


def test_lineage_after_an_upload_and_another_writer_is_fresh(make_client, graph):
    c = make_client(graph, api_key="k")
    upload = {"file": (SAMPLE_85.name, SAMPLE_85.read_bytes(), "text/plain")}
    assert c.post("/documents", files=upload, headers={"X-API-Key": "k"}).status_code == 201
    first = [n["id"] for n in c.get(f"/documents/{ID_56}/lineage", params={"direction": "down"}).json()["nodes"]]
    assert first == [ID_56, ID_85]
    other = ParseResult(  # another writer (the CLI) adds a second district plan under 56/KH-UBND
        document=DocumentHeader(symbol="90/KH-UBND", doc_type="Kế hoạch", title="Thực hiện Kế hoạch số 56/KH-UBND",
                                issuer=Issuer("Ủy ban nhân dân huyện Mỹ Tú", "district", "Sóc Trăng", "Mỹ Tú"),
                                place="Mỹ Tú", issued_on="2020-07-01"),
        references=[Reference("56/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Sóc Trăng", "2020-05-15", "implements",
                              issuer_level="province", issuer_province="Sóc Trăng", year=2020, id=ID_56)])
    load(graph, other, batch_size=100)  # bumps the ingest generation: the cached answer is not served again
    fresh = [n["id"] for n in c.get(f"/documents/{ID_56}/lineage", params={"direction": "down"}).json()["nodes"]]
    assert fresh == [ID_56, ID_85, "90-kh-ubnd--2020--soc-trang--my-tu"]


def test_cascade_tree_hangs_each_plan_under_its_deepest_parent():
    props = {"27": {"id": "27", "level": "central"}, "52": {"id": "52", "level": "central"},
             "142": {"id": "142", "level": "central"}, "56": {"id": "56", "level": "province", "task_count": 3},
             "85": {"id": "85", "level": "district", "task_count": 9}}
    tree = service.cascade_tree("27", E, props)
    assert tree["count"] == 4
    n142 = tree["children"][0]["children"][0]
    assert n142["node"]["id"] == "142"
    assert [c["node"]["id"] for c in n142["children"]] == ["56"]  # 85 hangs under 56, not under 142
    assert [c["node"]["id"] for c in n142["children"][0]["children"]] == ["85"]
    assert service.level_counts(tree) == {"central": 2, "province": 1, "district": 1}
    small = service.prune_tree(tree, 2)  # 52 and 142 shown; 56 and 85 cut but counted
    assert small["count"] == 4 and small["children"][0]["children"][0]["children"] == []
    assert small["children"][0]["children"][0]["hidden"] == 2
    assert service.prune_tree(tree, 10)["children"][0]["hidden"] == 0


# --------------------------------------------------------------------------- documents


@pytest.mark.parametrize(("params", "ids"), [
    ({"symbol": "85 /KH-UBND"}, [ID_85]),
    ({"symbol": "85/kh-ubnd"}, [ID_85]),
    ({"symbol": "56/KH-UBND"}, [ID_56]),
    ({"symbol": "999/KH-UBND"}, []),
    ({"level": "district"}, [ID_85]),
    ({"province": "Bắc Ninh", "level": "province"}, [ID_371, "72-ctr-tu--2024--bac-ninh"]),
    ({"q": "doi ngu tri thuc"}, [ID_371]),
    ({"issuer": "uy ban nhan dan tinh bac ninh"}, [ID_371]),
    ({"issuer": "UBND huyện Châu Thành"}, [ID_85]),
    ({"issuer": "Thủ tướng Chính phủ"}, [ID_142, "899-qd-ttg--2023"]),
])
def test_list_documents(api, params, ids):
    r = api.get("/documents", params=params)
    assert r.status_code == 200, r.text
    assert sorted(d["id"] for d in r.json()["items"]) == sorted(ids)


def test_documents_items_have_the_contract_fields(api):
    item = api.get("/documents", params={"symbol": "85/KH-UBND"}).json()["items"][0]
    assert {k: item[k] for k in ("id", "symbol", "doc_type", "level", "issued_on", "status")} == {
        "id": ID_85, "symbol": "85/KH-UBND", "doc_type": "Kế hoạch", "level": "district",
        "issued_on": "2020-06-12", "status": "ingested"}
    stub = api.get("/documents", params={"symbol": "142/QĐ-TTg"}).json()["items"][0]
    assert stub["status"] == "referenced"


def test_documents_pagination_is_stable_and_complete(api):
    everything = [d["id"] for d in api.get("/documents", params={"limit": 500}).json()["items"]]
    assert everything == sorted(everything) and len(everything) >= 10
    walked, offset = [], 0
    while offset is not None:
        page = api.get("/documents", params={"limit": 3, "offset": offset}).json()
        walked += [d["id"] for d in page["items"]]
        offset = page["next_offset"]
    assert walked == everything


def test_get_document_with_references_and_counts(api):
    r = api.get(f"/documents/{ID_85}")
    assert r.status_code == 200
    doc = r.json()
    refs = {(x["relation"], x["target_id"]) for x in doc["references"]}
    assert {("implements", ID_142), ("implements", ID_56), ("cites", ID_52), ("cites", ID_27)} <= refs
    assert doc["task_counts"]["total"] == 1
    assert doc["task_counts"]["by_deadline_kind"] == {"once": 1}
    up = api.get(f"/documents/{ID_56}").json()
    assert up["status"] == "referenced"
    assert ("implements", ID_85) in {(x["relation"], x["target_id"]) for x in up["referenced_by"]}


def test_lineage_up_from_the_district_plan(api):
    r = api.get(f"/documents/{ID_85}/lineage", params={"direction": "up"})
    assert r.status_code == 200
    body = r.json()
    assert symbols(body["nodes"]) == CHAIN_85
    assert [n["depth"] for n in body["nodes"]] == [0, 1, 2, 3, 4]
    edges = {(e["source"], e["type"], e["target"]) for e in body["edges"]}
    assert {(ID_85, "IMPLEMENTS", ID_56), (ID_56, "IMPLEMENTS", ID_142), (ID_142, "IMPLEMENTS", ID_52),
            (ID_52, "IMPLEMENTS", ID_27)} <= edges


@pytest.mark.parametrize(("doc", "direction", "depth", "expected"), [
    (ID_27, "down", 10, ["27-NQ/TW", "52-KL/TW", "142/QĐ-TTg", "56/KH-UBND", "85/KH-UBND"]),
    (ID_85, "up", 1, ["85/KH-UBND", "56/KH-UBND", "142/QĐ-TTg"]),
    (ID_142, "both", 10, ["142/QĐ-TTg", "52-KL/TW", "27-NQ/TW", "56/KH-UBND", "85/KH-UBND"]),
    ("45-nq-tw--2023", "down", 10, ["45-NQ/TW", "107/NQ-CP", "72-CTr/TU", "371/KH-UBND"]),
])
def test_lineage_directions_and_depth(api, doc, direction, depth, expected):
    body = api.get(f"/documents/{doc}/lineage", params={"direction": direction, "depth": depth}).json()
    assert symbols(body["nodes"]) == expected


def test_document_tasks(api):
    body = api.get(f"/documents/{ID_371}/tasks").json()
    assert [t["section"] for t in body["items"]] == ["I.1", "II.1", "III.6", "V.1"]
    t = body["items"][2]
    assert [a["name"] for a in t["lead"]] == ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"]
    assert [a["name"] for a in t["support"]] == ["Sở Thông tin và Truyền thông tỉnh Bắc Ninh"]
    assert (t["deadline_text"], t["deadline_kind"], t["due"]) == ("Năm 2025", "once", "2025-12-31")
    assert body["document"]["id"] == ID_371


# --------------------------------------------------------------------------- agencies and tasks


@pytest.mark.parametrize(("q", "first"), [
    ("so noi vu bac ninh", "Sở Nội vụ tỉnh Bắc Ninh"),
    ("Sở Nội vụ", "Sở Nội vụ tỉnh Bắc Ninh"),
    ("lien hiep cac hoi khkt", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"),
    ("LIÊN HIỆP CÁC HỘI KH&KT", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"),
    ("so tt&tt", "Sở Thông tin và Truyền thông tỉnh Bắc Ninh"),
    ("phong van hoa chau thanh", "Phòng Văn hóa và Thông tin huyện Châu Thành"),
])
def test_agency_search_accent_free_and_abbreviations(api, q, first):
    if any(w in q.lower() for w in ("khkt", "kh&kt", "tt&tt")) and not search.abbreviations():
        pytest.skip("abbreviation data (ingest/data/agency_abbreviations.json) not present")
    items = api.get("/agencies", params={"q": q}).json()["items"]
    assert items and items[0]["name"] == first


def test_agency_pagination_merges_agencies_and_groups_stably(api):
    everything = api.get("/agencies", params={"limit": 500}).json()["items"]
    assert [(len(a["name"]), a["id"]) for a in everything] == sorted((len(a["name"]), a["id"]) for a in everything)
    assert {a["kind"] for a in everything} == {"agency", "group"}
    walked, offset = [], 0
    while offset is not None:
        page = api.get("/agencies", params={"limit": 2, "offset": offset}).json()
        walked += [a["id"] for a in page["items"]]
        offset = page["next_offset"]
    assert walked == [a["id"] for a in everything]


@pytest.mark.parametrize(("accept", "html"), [
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", True),  # a browser
    ("application/json", False),
    ("*/*", False),
    ("application/json, text/html", False),
    ("text/html, application/json", True),
    ("", False),
])
def test_content_negotiation(accept, html):
    from starlette.requests import Request

    from api.deps import wants_html

    scope = {"type": "http", "headers": [(b"accept", accept.encode())] if accept else []}
    assert wants_html(Request(scope)) is html


def test_agency_search_filters(api):
    names = {a["name"] for a in api.get("/agencies", params={"province": "Sóc Trăng", "limit": 500}).json()["items"]}
    assert "Phòng Kinh tế và Hạ tầng huyện Châu Thành" in names and "Sở Nội vụ tỉnh Bắc Ninh" not in names
    groups = api.get("/agencies", params={"kind": "group"}).json()["items"]
    assert [g["name"] for g in groups] == ["Các sở, ngành, đơn vị liên quan tỉnh Bắc Ninh"]
    assert api.get("/agencies", params={"q": "so noi vu ha noi"}).json()["items"] == []


def test_agency_detail(api):
    a = api.get(f"/agencies/{NOI_VU}").json()
    assert (a["name"], a["lead"], a["support"], a["documents"]) == ("Sở Nội vụ tỉnh Bắc Ninh", 2, 0, 1)


def test_duties_of_so_noi_vu(api):
    body = api.get(f"/agencies/{NOI_VU}/duties").json()
    texts = [d["text"] for d in body["items"]]
    assert any("Quyết định số 899/QĐ-TTg" in t for t in texts)
    duty = next(d for d in body["items"] if "899/QĐ-TTg" in d["text"])
    assert duty["role"] == "lead" and duty["plan"]["symbol"] == "371/KH-UBND" and duty["section"] == "II.1"
    assert duty["deadline"] == {"text": "Năm 2025", "kind": "once", "due": "2025-12-31", "period": None}
    assert [c["symbol"] for c in duty["chain"]] == ["72-CTr/TU", "45-NQ/TW"]  # IMPLEMENTS only


@pytest.mark.parametrize(("agency", "params", "sections"), [
    (NOI_VU, {}, ["II.1", "V.1"]),
    (NOI_VU, {"due_before": "2026-01-01"}, ["II.1"]),
    (NOI_VU, {"due_before": "2025-12-31"}, []),
    (LHH, {"role": "lead"}, ["III.6"]),
    (LHH, {"role": "support"}, ["V.1"]),
    (TTTT, {"document": ID_371}, ["I.1", "III.6"]),
    (TTTT, {"document": ID_85}, []),
])
def test_duties_filters(api, agency, params, sections):
    body = api.get(f"/agencies/{agency}/duties", params=params).json()
    assert [d["section"] for d in body["items"]] == sections


def test_coordination_weighted_by_shared_tasks(api):
    body = api.get(f"/agencies/{TTTT}/coordination").json()
    got = {p["id"]: (p["shared_tasks"], p["as_lead"], p["as_support"]) for p in body["items"]}
    assert got == {LHH: (1, 0, 1), "cac-so-nganh-don-vi-lien-quan-tinh-bac-ninh": (1, 1, 0)}


@pytest.mark.parametrize(("params", "sections"), [
    ({"q": "co so du lieu"}, ["III.6"]),
    ({"kind": "recurring"}, ["V.1"]),
    ({"kind": "continuous"}, ["I.1"]),
    ({"due_before": "2021-01-01"}, ["II.2.b"]),
    ({"agency": NOI_VU}, ["II.1", "V.1"]),
    ({"agency": NOI_VU, "kind": "recurring"}, ["V.1"]),
    ({"q": "khong co nhiem vu nay"}, []),
])
def test_tasks_search(api, params, sections):
    body = api.get("/tasks", params=params).json()
    assert sorted(t["section"] for t in body["items"]) == sorted(sections)


def test_tasks_of_an_agency_name_it_under_its_role(api):
    items = api.get("/tasks", params={"agency": LHH}).json()["items"]
    got = {t["section"]: ([a["name"] for a in t["lead"]], [a["name"] for a in t["support"]], t["role"]) for t in items}
    name = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"
    assert got == {"III.6": ([name], [], "lead"), "V.1": ([], [name], "support")}


def test_search_one_box(api):
    body = api.get("/search", params={"q": "56/KH-UBND"}).json()
    assert [d["id"] for d in body["documents"]] == [ID_56]
    body = api.get("/search", params={"q": "noi vu"}).json()
    assert [a["id"] for a in body["agencies"]] == [NOI_VU]


def test_health(api):
    body = api.get("/health").json()
    assert body["status"] == "ok" and body["reachable"] is True and body["backend"] == "falkordb"
    assert body["schema_version"] == SCHEMA_VERSION
    assert body["counts"]["Task"] == 5 and body["counts"]["Document"] >= 10
    assert api.get("/health/live").json() == {"status": "ok"}


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/documents/khong-co-van-ban-nay", 404, "not found"),
    ("/documents/khong-co/lineage", 404, "not found"),
    ("/documents/khong-co/tasks", 404, "not found"),
    ("/agencies/khong-co", 404, "not found"),
    ("/agencies/khong-co/duties", 404, "not found"),
    ("/agencies/khong-co/coordination", 404, "not found"),
    ("/tasks?agency=khong-co", 404, "not found"),
    ("/khong-co-trang-nay", 404, "no such page"),
    (f"/documents/{ID_85}/lineage?direction=sideways", 422, "direction"),
    (f"/documents/{ID_85}/lineage?depth=0", 422, "depth"),
    (f"/documents/{ID_85}/lineage?depth=abc", 422, "depth"),
    ("/documents?limit=0", 422, "limit"),
    ("/documents?offset=-1", 422, "offset"),
    ("/documents?level=national", 422, "level"),
    (f"/agencies/{NOI_VU}/duties?role=boss", 422, "role"),
    (f"/agencies/{NOI_VU}/duties?due_before=31/12/2025", 422, "due_before"),
    ("/tasks?kind=sometimes", 422, "kind"),
    ("/search", 422, "q"),
])
def test_errors_are_json_with_a_clear_message(api, url, status, words):
    r = api.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    detail = r.json()["detail"]
    assert isinstance(detail, str) and words in detail


def test_read_key(make_client, chain_graph):
    c = make_client(chain_graph, api_key="s3cret", read_requires_key=True)
    assert c.get("/documents").status_code == 401
    assert c.get("/documents", headers={"X-API-Key": "wrong"}).status_code == 401
    assert c.get("/documents", headers={"X-API-Key": "s3cret"}).status_code == 200
    assert c.get("/health/live").status_code == 200  # liveness stays open


# --------------------------------------------------------------------------- upload


def test_upload_disabled_without_a_configured_key(make_client, graph):
    c = make_client(graph)
    r = c.post("/documents", files={"file": ("85.txt", SAMPLE_85.read_bytes(), "text/plain")})
    assert r.status_code == 403 and "CASCADE_API_KEY" in r.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}])
def test_upload_needs_the_right_key(make_client, graph, headers):
    c = make_client(graph, api_key="k")
    r = c.post("/documents", files={"file": ("85.txt", SAMPLE_85.read_bytes(), "text/plain")}, headers=headers)
    assert r.status_code == 401 and "X-API-Key" in r.json()["detail"]
    assert graph.counts()["Document"] == 0


@pytest.mark.parametrize(("name", "data"), [
    ("empty.txt", b""),
    ("binary.txt", bytes(range(256)) * 8),
    ("scan.pdf", b"%PDF-1.4 not really a pdf"),
    ("notes.xyz", b"hello"),
])
def test_upload_of_a_bad_file_writes_nothing(make_client, graph, name, data):
    c = make_client(graph, api_key="k")
    before = graph.counts()["nodes"]
    r = c.post("/documents", files={"file": (name, data, "application/octet-stream")}, headers={"X-API-Key": "k"})
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert name in detail and "\n" not in detail
    assert graph.counts()["nodes"] == before


def test_upload_size_limit(make_client, graph):
    c = make_client(graph, api_key="k", upload_max_bytes=1000)
    r = c.post("/documents", files={"file": ("85.txt", SAMPLE_85.read_bytes(), "text/plain")}, headers={"X-API-Key": "k"})
    assert r.status_code == 413 and "1000" in r.json()["detail"]
    assert graph.counts()["Document"] == 0


def test_oversized_upload_is_refused_before_reading(make_client, graph):
    c = make_client(graph, api_key="k", upload_max_bytes=1000)
    big = b"x" * 200_000
    r = c.post("/documents", files={"file": ("big.txt", big, "text/plain")}, headers={"X-API-Key": "k"})
    assert r.status_code == 413 and "200" in r.json()["detail"] and "1000" in r.json()["detail"]


def test_upload_with_the_key_ingests(make_client, graph):
    c = make_client(graph, api_key="k")
    r = c.post("/documents", files={"file": (SAMPLE_85.name, SAMPLE_85.read_bytes(), "text/plain")},
               headers={"X-API-Key": "k"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["id"] == ID_85 and body["symbol"] == "85/KH-UBND"
    assert ("142/QĐ-TTg", "implements") in {(x["symbol"], x["relation"]) for x in body["references"]}
    doc = c.get(f"/documents/{ID_85}").json()
    assert doc["status"] == "ingested"
    again = c.post("/documents", files={"file": (SAMPLE_85.name, SAMPLE_85.read_bytes(), "text/plain")},
                   headers={"X-API-Key": "k"})
    assert again.status_code == 201
    assert c.get(f"/documents/{ID_85}").json()["task_counts"] == doc["task_counts"]  # idempotent re-ingest


# --------------------------------------------------------------------------- acceptance on the real samples


def test_samples_lineage_of_85(make_client, sample_graph):
    c = make_client(sample_graph)
    r = c.get(f"/documents/{ID_85}/lineage", params={"direction": "up"})
    assert r.status_code == 200, r.text
    assert symbols(r.json()["nodes"]) == CHAIN_85


def test_samples_duties_of_so_noi_vu_bac_ninh(make_client, sample_graph):
    c = make_client(sample_graph)
    found = c.get("/agencies", params={"q": "so noi vu bac ninh"}).json()["items"]
    assert found and found[0]["name"] == "Sở Nội vụ tỉnh Bắc Ninh"
    duties = c.get(f"/agencies/{found[0]['id']}/duties", params={"limit": 500}).json()["items"]
    assert any("Quyết định số 899/QĐ-TTg" in (d["text"] or "") for d in duties)
    assert all(d["plan"]["symbol"] == "371/KH-UBND" for d in duties)


@pytest.mark.parametrize(("q", "prefix"), [
    ("so noi vu bac ninh", "Sở Nội vụ tỉnh Bắc Ninh"),
    ("lien hiep cac hoi khkt", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"),
    ("so khoa hoc va cong nghe lao cai", "Sở Khoa học và Công nghệ tỉnh Lào Cai"),
])
def test_samples_agency_search(make_client, sample_graph, q, prefix):
    c = make_client(sample_graph)
    items = c.get("/agencies", params={"q": q}).json()["items"]
    assert any(a["name"].startswith(prefix) for a in items[:3]), [a["name"] for a in items[:5]]


def test_samples_symbol_search_with_a_space(make_client, sample_graph):
    c = make_client(sample_graph)
    items = c.get("/documents", params={"symbol": "85 /KH-UBND"}).json()["items"]
    assert [d["id"] for d in items] == [ID_85]


# --------------------------------------------------------------------------- 503 and recovery


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(data_dir: Path, port: int) -> subprocess.Popen:
    from cascade import embedded

    proc = subprocess.Popen(embedded.server_command(data_dir, port), cwd=str(data_dir),  # noqa: S603
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=embedded._die_with_parent)  # noqa: PLW1509 - dies with the test process
    deadline = time.monotonic() + 20
    while not embedded.ping(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"FalkorDB did not start on port {port}")
        time.sleep(0.05)
    return proc


def _stop_server(proc: subprocess.Popen) -> None:
    terminate(proc)


def test_database_down_gives_503_and_the_api_recovers(tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from cascade.settings import Settings

    port = _free_port()
    data = tmp_path / "db"
    data.mkdir()
    settings = Settings(graph_url=f"redis://127.0.0.1:{port}", graph_name="recovery", data_dir=tmp_path / "unused")
    proc = None
    try:
        with TestClient(create_app(settings=settings)) as c:
            r = c.get("/documents")  # database not started yet: the lazy open fails
            assert r.status_code == 503 and "unavailable" in r.json()["detail"]
            proc = _start_server(data, port)
            with contextlib.closing(FalkorGraph(f"redis://127.0.0.1:{port}", "recovery")) as g:
                g.apply_schema()  # a set-up database (the API itself never writes the schema)
            assert c.get("/documents").status_code == 200
            assert c.get("/health").json()["reachable"] is True
            _stop_server(proc)
            r = c.get(f"/documents/{ID_85}")
            assert r.status_code == 503 and "unavailable" in r.json()["detail"]
            assert c.get("/health").status_code == 503
            html = c.get("/", headers={"Accept": "text/html"})
            assert html.status_code == 503 and "không truy cập được" in html.text
            proc = _start_server(data, port)  # back on the same port and data: no restart of the API
            assert c.get("/documents").status_code == 200
            assert c.get("/health").status_code == 200
    finally:
        if proc is not None and proc.poll() is None:
            _stop_server(proc)
    assert proc is None or proc.poll() is not None  # no orphan server


# --------------------------------------------------------------------------- the API benchmark (bench/api_bench.py)


@pytest.mark.parametrize(("values", "q", "expected"), [
    ([5.0, 1.0, 3.0], 0.5, 3.0),
    ([1.0, 2.0, 3.0, 4.0], 0.99, 4.0),
    ([7.0], 0.99, 7.0),
    ([], 0.5, None),
])
def test_bench_percentile(values, q, expected):
    from bench.api_bench import percentile

    assert percentile(values, q) == expected


GENERATORS = ["asyncio", pytest.param("wrk", marks=pytest.mark.skipif(
    not __import__("shutil").which("wrk"), reason="wrk (Debian package) not installed"))]


@pytest.mark.slow
@pytest.mark.parametrize("generator", GENERATORS)
def test_api_bench_against_a_live_server(chain_graph, falkordb_server, generator):
    from bench.api_bench import format_table, run_api_bench

    result = run_api_bench("api.app:create_app", 1, 2, graph_url=falkordb_server.url, graph_name=chain_graph.name,
                           up_ids=[ID_85], agency_ids=[NOI_VU], down_ids=[ID_27], generator=generator,
                           duty_offsets=[0, 1], rate=50)
    names = [r["name"] for r in result["rows"]]
    endpoints = ["trivial /health/live", "lineage up", "lineage down", "duties"]
    assert names == endpoints + [f"{n} at 50/s" for n in endpoints]
    for r in result["rows"]:
        assert r["requests"] > 0 and r["errors"] == 0 and r["p99_ms"] >= r["p50_ms"] > 0
        assert r["generator"] == (generator if "at 50/s" not in r["name"] else "asyncio open loop")
        assert 0 < r["generator_cores"] < 2.5
        assert r["server_cores"] > 0 and r["server_cpu_us_per_request"] > 0
    closed, opened = result["rows"][:4], result["rows"][4:]
    assert closed[0]["ratio_rps"] == opened[0]["ratio_rps"] == 1.0  # each group against its own trivial row
    assert closed[-1]["inputs"] == opened[-1]["inputs"] == 2  # one agency, two pages
    assert all(r["requests"] == 50 and r["offered_rps"] == 50 for r in opened)
    assert "lineage up at 50/s" in format_table(result) and "open loop at 50/s" in format_table(result)


class _SlowServer:
    """A one-connection HTTP/1.1 server answering every request 20 ms after reading it (a thread)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn:
            buf = b""
            while True:
                data = conn.recv(65536)
                if not data:
                    return
                buf += data
                while b"\r\n\r\n" in buf:
                    _, buf = buf.split(b"\r\n\r\n", 1)
                    time.sleep(0.02)
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")


def test_open_loop_latency_runs_from_each_requests_due_time():
    # One connection that takes 20 ms per answer serves 50/s; offered 100/s, the requests queue. Their
    # latency from the due time grows to ~0.5 s over one second; from the send time it would stay 20 ms.
    from bench.api_bench import _open_loop

    server = _SlowServer()
    host, port = server.base.removeprefix("http://").split(":")
    req = f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
    latencies, errors, elapsed = asyncio.run(_open_loop(host, int(port), [req], 100.0, 100, 1))
    assert errors == 0 and len(latencies) == 100
    assert min(latencies) >= 19 and max(latencies) > 400 and elapsed > 1.8
    assert sorted(latencies)[49] > 150  # the median request waited for the ones before it


@pytest.mark.slow
@pytest.mark.parametrize("generator", GENERATORS)
def test_load_generators_count_errors(chain_graph, falkordb_server, generator):
    from bench.api_bench import load, serve

    with serve("api.app:create_app", graph_url=falkordb_server.url, graph_name=chain_graph.name) as (base, _pid):
        figures = load(base, ["/health/live", "/documents/no-such-id/lineage"], 1, 2, generator=generator)
    assert figures["requests"] > 0 and 0.3 < figures["errors"] / figures["requests"] < 0.7  # every other one is 404


@pytest.mark.parametrize("url", [
    "/documents?issuer=a%00b",                 # found by the schema fuzzer: FalkorDB cannot take a NUL
    "/documents?q=%00&limit=5",
    "/agencies?q=s%C6%A1%00",
    "/documents/85-kh-ubnd--2020--soc-trang--chau-thanh%00/lineage",
])
def test_nul_characters_are_the_clients_error(api, url):
    r = api.get(url)
    assert r.status_code == 422 and "NUL" in r.json()["detail"]


def test_other_control_characters_are_ordinary_text(api):
    # a tab, a newline or an escape in a search finds nothing, and is no error
    assert api.get("/documents?q=a%09b%0Ac%1B").status_code == 200
