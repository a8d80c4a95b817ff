"""The HTML pages (issue #4, "Pages"), parsed with the stdlib ``html.parser``.

Titles, tables, links, the "not yet ingested" degradation, the 404 page, and
that no page references anything outside the app (no CDN, no web font).
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from api import views
from tests.test_api import ID_27, ID_52, ID_56, ID_85, ID_142, ID_371, NOI_VU, TTTT
from tests.test_api import chain_graph  # noqa: F401 - the module-scoped fixture, shared

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


class Page(HTMLParser):
    """Collects what the tests look at: title, headings, links, script/link URLs, tables, ids, inline scripts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.links: list[str] = []
        self.urls: list[str] = []  # every src/href/action/style url of the page
        self.ids: set[str] = set()
        self.tables: dict[str, list[list[str]]] = {}
        self.scripts: list[str] = []
        self._stack: list[str] = []
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_script = False
        self.attrs_by_id: dict[str, dict[str, str]] = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self._stack.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
            self.attrs_by_id[a["id"]] = a
        for key in ("src", "href", "action"):
            if key in a:
                self.urls.append(a[key])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "table":
            self._table = a.get("id", f"table{len(self.tables)}")
            self.tables[self._table] = []
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if self._stack:
            self._stack.pop()
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None
        elif tag == "script":
            self._in_script = False

    def handle_data(self, data):
        tag = self._stack[-1] if self._stack else ""
        if tag == "title":
            self.title += data
        if tag == "h1" or "h1" in self._stack:
            self.h1 += data
        if self._cell is not None:
            self._cell.append(data)
        if self._in_script:
            self.scripts[-1] += data


def get_page(client, url: str, status: int = 200) -> tuple[Page, str]:
    r = client.get(url, headers=HTML)
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    return Page(r.text), r.text


def assert_offline(page: Page, text: str) -> None:
    """No external URL anywhere: attributes, inline scripts, styles."""
    for url in page.urls:
        assert not url.startswith(("http://", "https://", "//")), url
    assert "http://" not in text and "https://" not in text
    assert "cdn" not in text.lower() and "fonts.googleapis" not in text


@pytest.fixture
def site(make_client, chain_graph):  # noqa: F811 - the fixture imported above
    return make_client(chain_graph)


PAGES = ["/", f"/lineage/{ID_85}", f"/lineage/{ID_27}", f"/documents/{ID_85}", f"/documents/{ID_371}",
         f"/documents/{ID_56}", f"/agencies/{NOI_VU}", f"/agencies/{TTTT}", "/search?q=noi+vu"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_vietnamese_offline_and_linked(site, url):
    page, text = get_page(site, url)
    assert 'lang="vi"' in text and page.title.endswith("Cascade")
    assert_offline(page, text)
    for link in page.links:  # every internal link answers
        if link.startswith("/"):
            assert site.get(link, headers=HTML).status_code == 200, link


def test_home_lists_directives_with_collapsible_cascades(site):
    page, text = get_page(site, "/")
    assert "Các văn bản chỉ đạo" in page.h1
    assert f"cascade-{ID_27}" in page.ids and "cascade-45-nq-tw--2023" in page.ids
    assert "<details" in text and "<summary>" in text
    assert text.index('id="cascade-45-nq-tw--2023"') < text.index(f'id="cascade-{ID_27}"')  # newest first
    start = text.index(f'id="cascade-{ID_27}"')
    section = text[start:text.find("<section", start)]
    order = [section.index(f'href="/documents/{i}"') for i in (ID_52, ID_142, ID_56, ID_85)]
    assert order == sorted(order)  # central -> province -> district, nested
    assert 'data-count="documents">4 văn bản triển khai' in section
    assert 'data-level="district">Huyện: 1' in section


def test_lineage_page_network_data(site):
    page, text = get_page(site, f"/lineage/{ID_85}")
    assert "85/KH-UBND" in page.h1
    assert "/static/vis-network.min.js" in page.urls
    assert page.attrs_by_id["lineage"]["data-root"] == ID_85
    rows = page.tables["lineage-nodes"]
    assert [r[1].split()[0] for r in rows[1:]] == ["85/KH-UBND", "56/KH-UBND", "142/QĐ-TTg", "52-KL/TW", "27-NQ/TW"]
    data = json.loads(next(s for s in page.scripts if "vis.Network" in s).split("var data = ", 1)[1].split(";\n", 1)[0])
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == {ID_85, ID_56, ID_142, ID_52, ID_27}
    assert nodes[ID_85]["color"]["border"] == views.LEVEL_COLORS["district"]
    assert nodes[ID_56]["color"]["border"] == views.LEVEL_COLORS["province"]
    assert nodes[ID_27]["color"]["border"] == views.LEVEL_COLORS["central"]
    assert "Ủy ban nhân dân tỉnh Sóc Trăng" in nodes[ID_56]["title"] and "2020-05-15" in nodes[ID_56]["title"]
    assert {e["color"] for e in data["edges"]} == {views.EDGE_STYLES["IMPLEMENTS"]["color"]}
    assert nodes[ID_27]["level"] < nodes[ID_52]["level"] < nodes[ID_142]["level"] < nodes[ID_85]["level"]
    assert "cascadeNodes" in text and "/documents/" in text  # exposes drawn nodes; click opens the document


def test_lineage_edges_coloured_by_type(site):
    page, _ = get_page(site, "/lineage/45-nq-tw--2023")
    data = json.loads(next(s for s in page.scripts if "vis.Network" in s).split("var data = ", 1)[1].split(";\n", 1)[0])
    by_type = {(e["from"], e["to"]): (e["color"], e["dashes"]) for e in data["edges"]}
    assert by_type[(ID_371, "45-nq-tw--2023")] == (views.EDGE_STYLES["BASED_ON"]["color"], True)
    assert by_type[("107-nq-cp--2024", "45-nq-tw--2023")] == (views.EDGE_STYLES["IMPLEMENTS"]["color"], False)


def test_document_page(site):
    page, _ = get_page(site, f"/documents/{ID_371}")
    assert "371/KH-UBND" in page.h1 and "Kế hoạch" in page.title
    assert f"/lineage/{ID_371}" in page.links
    tasks = page.tables["tasks"]
    assert tasks[0] == ["Mục", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
    iii6 = next(r for r in tasks if r[0] == "III.6")
    assert iii6[2] == "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"
    assert iii6[3] == "Sở Thông tin và Truyền thông tỉnh Bắc Ninh" and iii6[4].startswith("Năm 2025")
    refs = {r[1]: r[0] for r in page.tables["references"][1:]}
    assert refs == {"72-CTr/TU": "Thực hiện", "45-NQ/TW": "Căn cứ", "107/NQ-CP": "Căn cứ", "899/QĐ-TTg": "Trích dẫn"}
    assert "not-ingested" not in page.ids


def test_referenced_only_document_degrades_clearly(site):
    page, text = get_page(site, f"/documents/{ID_56}")
    assert "not-ingested" in page.ids and "chưa được nhập" in text
    assert "tasks" not in page.tables and "Chưa có nhiệm vụ" in text
    assert [r[1] for r in page.tables["referenced-by"][1:]] == ["85/KH-UBND"]
    lineage, text = get_page(site, f"/lineage/{ID_56}")
    assert "chưa được nhập" in text


def test_agency_page(site):
    page, text = get_page(site, f"/agencies/{NOI_VU}")
    assert page.h1.strip() == "Sở Nội vụ tỉnh Bắc Ninh"
    duties = page.tables["duties"]
    assert duties[0][:6] == ["Kế hoạch", "Mục", "Nhiệm vụ", "Vai trò", "Thời hạn", "Hạn"]
    assert [(r[1], r[3], r[5]) for r in duties[1:]] == [("II.1", "Chủ trì", "2025-12-31"), ("V.1", "Chủ trì", "")]
    assert "899/QĐ-TTg" in duties[1][2]
    assert "filter-role" in page.ids and "filter-due" in page.ids and "data-sort" in text
    tttt, _ = get_page(site, f"/agencies/{TTTT}")
    assert "coordination" in tttt.ids and len(tttt.tables["partners"]) == 3


def test_search_page(site):
    page, _ = get_page(site, "/search?q=56/KH-UBND")
    assert f"/documents/{ID_56}" in page.links


@pytest.mark.parametrize(("url", "status"), [
    ("/documents/khong-co-van-ban-nay", 404),
    ("/agencies/khong-co-co-quan-nay", 404),
    ("/lineage/khong-co-van-ban-nay", 404),
    ("/trang-khong-co", 404),
    ("/lineage/x?depth=99", 422),
])
def test_error_pages(site, url, status):
    page, text = get_page(site, url, status)
    assert page.attrs_by_id["error-detail"] is not None
    assert ("Không tìm thấy" in page.h1) == (status == 404)
    assert_offline(page, text)


def test_api_docs_page_is_offline(site):
    page, text = get_page(site, "/docs")
    assert_offline(page, text)
    assert {"/static/swagger-ui-bundle.js", "/static/swagger-ui.css"} <= set(page.urls)
    for url in ("/static/swagger-ui-bundle.js", "/static/swagger-ui.css", "/openapi.json"):
        assert site.get(url).status_code == 200, url
    assert site.get("/redoc").status_code == 404  # the stock ReDoc page would load a CDN


def test_static_vis_network_is_served(site):
    r = site.get("/static/vis-network.min.js")
    assert r.status_code == 200 and "vis-network" in r.text[:500] and len(r.content) > 100_000


def test_script_json_cannot_break_out():
    assert "</script>" not in views.script_json({"t": "</script><script>alert(1)</script>"})
    assert json.loads(views.script_json({"t": "a<b>&c"})) == {"t": "a<b>&c"}
