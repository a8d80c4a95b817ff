"""End-to-end acceptance on the four real samples through ``ingest.parse_file`` (issue #3 points 1-2, issue #2 lineage facts)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

import ingest
from ingest.identity import symbol_key

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


@lru_cache(maxsize=None)
def parsed(name: str):
    """Return the ParseResult of a sample (parsed once per test session)."""
    return ingest.parse_file(SAMPLES / name)


def ref(result, symbol: str):
    """Return the reference to ``symbol`` (case-insensitive), or fail."""
    hits = [r for r in result.references if r.symbol and symbol_key(r.symbol) == symbol_key(symbol)]
    assert hits, f"{symbol} not among {[r.symbol for r in result.references]}"
    assert len(hits) == 1, f"{symbol} referenced as several documents: {[h.id for h in hits]}"
    return hits[0]


def edges(result) -> set[tuple[str, str]]:
    """Return the stated edges as (child key, parent key)."""
    return {(symbol_key(e.child), symbol_key(e.parent)) for e in result.stated_edges}


HEADERS = [
    # file, symbol, doc_type, issuer name, level, province, district, date, place, signer, signer title, on behalf of
    ("124-KH-UBND_lao-cai_2020.txt", "124/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Lào Cai", "province", "Lào Cai",
     None, "2020-04-08", "Lào Cai", "Hoàng Quốc Khanh", "Phó Chủ tịch", "TM. Ủy ban nhân dân"),
    ("371-KH-UBND_bac-ninh_2024.txt", "371/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Bắc Ninh", "province", "Bắc Ninh",
     None, "2024-10-09", "Bắc Ninh", "Đào Quang Khải", "Phó Chủ tịch", "TM. Ủy ban nhân dân"),
    ("83-KH-TU_dien-bien_2019.txt", "83-KH/TU", "Kế hoạch", "Tỉnh ủy Điện Biên", "province", "Điện Biên",
     None, "2019-08-27", "Điện Biên", "Lò Văn Muôn", None, None),
    ("85-KH-UBND_chau-thanh-soc-trang_2020.txt", "85/KH-UBND", "Kế hoạch", "Ủy ban nhân dân huyện Châu Thành", "district",
     "Sóc Trăng", "Châu Thành", "2020-06-12", "Châu Thành", "Trần Quốc Thắng", "Chủ tịch", "TM. Ủy ban nhân dân"),
]


@pytest.mark.parametrize(
    "name,symbol,doc_type,issuer,level,province,district,date,place,signer,title,on_behalf", HEADERS,
    ids=[h[0] for h in HEADERS],
)
def test_sample_header(name, symbol, doc_type, issuer, level, province, district, date, place, signer, title, on_behalf):
    doc = parsed(name).document
    assert doc.symbol == symbol
    assert doc.doc_type == doc_type
    assert doc.issuer is not None
    assert (doc.issuer.name, doc.issuer.level, doc.issuer.province, doc.issuer.district) == (issuer, level, province, district)
    assert doc.issued_on == date
    assert doc.place == place
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.title, doc.signer.on_behalf_of) == (signer, title, on_behalf)


TITLES = [
    ("124-KH-UBND_lao-cai_2020.txt", "Triển khai thực hiện Quyết định số 142/QĐ-TTg", "hiện đại hóa đất nước"),
    ("371-KH-UBND_bac-ninh_2024.txt", "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 72-CTR/TU", "TRONG GIAI ĐOẠN MỚI"),
    ("83-KH-TU_dien-bien_2019.txt", "triển khai Kết luận số 52-KL/TW", "hiện đại hóa đất nước"),
    ("85-KH-UBND_chau-thanh-soc-trang_2020.txt", "Thực hiện Quyết định số 142/QĐ-TTg", "hiện đại hóa đất nước"),
]


@pytest.mark.parametrize("name,start,end", TITLES, ids=[t[0] for t in TITLES])
def test_sample_title(name, start, end):
    title = parsed(name).document.title
    assert title.startswith(start) and title.endswith(end)
    assert "*" not in title and "\n" not in title


RECIPIENTS = [
    ("124-KH-UBND_lao-cai_2020.txt", "Các sở, ban, ngành tỉnh", 7),
    ("371-KH-UBND_bac-ninh_2024.txt", "Bộ Khoa học và Công nghệ", 9),
    ("83-KH-TU_dien-bien_2019.txt", "Ban Bí thư Trung ương", 8),
    ("85-KH-UBND_chau-thanh-soc-trang_2020.txt", "UBND tỉnh", 8),
]


@pytest.mark.parametrize("name,first_or_member,count", RECIPIENTS, ids=[r[0] for r in RECIPIENTS])
def test_sample_recipients(name, first_or_member, count):
    rec = parsed(name).document.recipients
    assert first_or_member in rec
    assert len(rec) == count
    assert not any(r.lower().startswith("lưu") for r in rec)


REFERENCES = [
    # file, symbol, allowed relations, issuer, date
    ("85-KH-UBND_chau-thanh-soc-trang_2020.txt", "142/QĐ-TTg", {"implements", "based_on"}, "Thủ tướng Chính phủ", "2020-01-21"),
    ("85-KH-UBND_chau-thanh-soc-trang_2020.txt", "56/KH-UBND", {"implements"}, "Ủy ban nhân dân tỉnh Sóc Trăng", "2020-05-15"),
    ("85-KH-UBND_chau-thanh-soc-trang_2020.txt", "52-KL/TW", {"cites"}, "Ban Bí thư", "2019-05-30"),
    ("85-KH-UBND_chau-thanh-soc-trang_2020.txt", "23/QĐ-UBND", {"cites"}, "Ủy ban nhân dân tỉnh Sóc Trăng", "2011-01-29"),
    ("124-KH-UBND_lao-cai_2020.txt", "142/QĐ-TTg", {"implements"}, "Thủ tướng Chính phủ", "2020-01-21"),
    ("124-KH-UBND_lao-cai_2020.txt", "14/2014/QĐ-TTg", {"cites"}, "Thủ tướng Chính phủ", "2014-02-14"),
    ("124-KH-UBND_lao-cai_2020.txt", "19-CT/TU", {"cites"}, "Tỉnh ủy Lào Cai", "2016-11-23"),
    ("83-KH-TU_dien-bien_2019.txt", "52-KL/TW", {"implements"}, "Ban Bí thư", "2019-05-30"),
    ("83-KH-TU_dien-bien_2019.txt", "27-NQ/TW", {"cites"}, "Ban Chấp hành Trung ương Đảng", "2008-08-06"),
    ("371-KH-UBND_bac-ninh_2024.txt", "72-CTr/TU", {"implements"}, "Tỉnh ủy Bắc Ninh", "2024-04-19"),
    ("371-KH-UBND_bac-ninh_2024.txt", "45-NQ/TW", {"based_on"}, "Ban Chấp hành Trung ương Đảng", "2023-11-24"),
    ("371-KH-UBND_bac-ninh_2024.txt", "107/NQ-CP", {"based_on"}, "Chính phủ", "2024-07-09"),
    ("371-KH-UBND_bac-ninh_2024.txt", "899/QĐ-TTg", {"cites"}, "Thủ tướng Chính phủ", "2023-07-31"),
    ("371-KH-UBND_bac-ninh_2024.txt", "71-NQ/TU", {"cites"}, "Tỉnh ủy Bắc Ninh", "2022-08-29"),
    ("371-KH-UBND_bac-ninh_2024.txt", "135/TB-UBND", {"cites", "based_on"}, "Ủy ban nhân dân tỉnh Bắc Ninh", "2024-09-17"),
]


@pytest.mark.parametrize("name,symbol,relations,issuer,date", REFERENCES, ids=[f"{r[0][:10]}:{r[1]}" for r in REFERENCES])
def test_sample_reference(name, symbol, relations, issuer, date):
    r = ref(parsed(name), symbol)
    assert r.relation in relations
    assert r.issuer == issuer
    assert r.issued_on == date
    assert r.mentions and all(parsed(name).source["size"] > m.offset >= 0 for m in r.mentions)


STATED_EDGES = [
    ("85-KH-UBND_chau-thanh-soc-trang_2020.txt", "56/KH-UBND", "142/QĐ-TTg"),
    ("85-KH-UBND_chau-thanh-soc-trang_2020.txt", "142/QĐ-TTg", "52-KL/TW"),
    ("85-KH-UBND_chau-thanh-soc-trang_2020.txt", "52-KL/TW", "27-NQ/TW"),
    ("124-KH-UBND_lao-cai_2020.txt", "142/QĐ-TTg", "52-KL/TW"),
    ("83-KH-TU_dien-bien_2019.txt", "52-KL/TW", "27-NQ/TW"),
    ("371-KH-UBND_bac-ninh_2024.txt", "72-CTr/TU", "45-NQ/TW"),
    ("371-KH-UBND_bac-ninh_2024.txt", "107/NQ-CP", "45-NQ/TW"),
]


@pytest.mark.parametrize("name,child,parent", STATED_EDGES, ids=[f"{e[0][:10]}:{e[1]}->{e[2]}" for e in STATED_EDGES])
def test_sample_stated_edge(name, child, parent):
    assert (symbol_key(child), symbol_key(parent)) in edges(parsed(name))


def test_no_edge_from_subject_matter():
    # "theo Quyết định số 14/2014/QĐ-TTg ... về hoạt động tư vấn ... của Liên hiệp các Hội": no second document
    for name in ("124-KH-UBND_lao-cai_2020.txt", "85-KH-UBND_chau-thanh-soc-trang_2020.txt"):
        assert not any(symbol_key(e.child) == symbol_key("14/2014/QĐ-TTg") for e in parsed(name).stated_edges)


def test_stub_and_document_get_the_same_id():
    """The district plan's citation of 56/KH-UBND Sóc Trăng and 142/QĐ-TTg yield the ids their own headers would."""
    r85 = parsed("85-KH-UBND_chau-thanh-soc-trang_2020.txt")
    assert ref(r85, "56/KH-UBND").id == "56-kh-ubnd--2020--soc-trang"
    assert ref(r85, "142/QĐ-TTg").id == ref(parsed("124-KH-UBND_lao-cai_2020.txt"), "142/QĐ-TTg").id == "142-qd-ttg--2020"
    own = parsed("371-KH-UBND_bac-ninh_2024.txt").document.id
    assert own == "371-kh-ubnd--2024--bac-ninh"
    assert r85.document.id == "85-kh-ubnd--2020--soc-trang--chau-thanh"
    edge = next(e for e in r85.stated_edges if symbol_key(e.child) == symbol_key("56/KH-UBND"))
    assert edge.child_id == "56-kh-ubnd--2020--soc-trang" and edge.parent_id == "142-qd-ttg--2020"
    assert edge.child_issuer == "Ủy ban nhân dân tỉnh Sóc Trăng"


def test_alias_resolves_to_27_nq_tw():
    """"Nghị quyết Trung ương 7 khóa X" and "Nghị quyết số 27-NQ/TW, ngày 06/8/2008" are one referenced document."""
    for name in ("124-KH-UBND_lao-cai_2020.txt", "83-KH-TU_dien-bien_2019.txt", "85-KH-UBND_chau-thanh-soc-trang_2020.txt"):
        r = ref(parsed(name), "27-NQ/TW")
        assert r.id == "27-nq-tw--2008"
        assert any("khóa X" in m.text for m in r.mentions)


def test_self_reference_dropped():
    # the appendix says "(Kèm theo Kế hoạch số 371/KH-UBND ngày 09/10/2024 của UBND tỉnh)"
    res = parsed("371-KH-UBND_bac-ninh_2024.txt")
    assert all(symbol_key(r.symbol) != symbol_key("371/KH-UBND") for r in res.references)


def test_lineage_facts_of_issue_2():
    """Each link of 85/KH-UBND -> 56/KH-UBND -> 142/QĐ-TTg -> 52-KL/TW -> 27-NQ/TW comes from the texts."""
    r85 = parsed("85-KH-UBND_chau-thanh-soc-trang_2020.txt")
    assert ref(r85, "56/KH-UBND").relation == "implements"
    e = edges(r85)
    chain = ["56/KH-UBND", "142/QĐ-TTg", "52-KL/TW", "27-NQ/TW"]
    for child, parent in zip(chain, chain[1:]):
        assert (symbol_key(child), symbol_key(parent)) in e
    r371 = parsed("371-KH-UBND_bac-ninh_2024.txt")
    assert ref(r371, "72-CTr/TU").relation == "implements"
    assert {(symbol_key("72-CTr/TU"), symbol_key("45-NQ/TW")), (symbol_key("107/NQ-CP"), symbol_key("45-NQ/TW"))} <= edges(r371)


def test_json_contract_fields():
    d = parsed("124-KH-UBND_lao-cai_2020.txt").to_dict()
    assert set(d) >= {"document", "references", "stated_edges", "tasks", "agencies", "reporting", "warnings", "source"}
    assert set(d["document"]) >= {"id", "symbol", "doc_type", "title", "issuer", "place", "issued_on", "signer", "recipients"}
    assert set(d["document"]["issuer"]) >= {"name", "level", "province", "district"}
    r = d["references"][0]
    assert set(r) >= {"symbol", "doc_type", "issuer", "issued_on", "relation", "mentions", "id"}
    assert set(d["source"]) >= {"path", "sha256", "size"}
    assert "issuer inferred from symbol suffix and place" in d["warnings"]


def test_mention_offsets_point_at_the_text():
    res = parsed("85-KH-UBND_chau-thanh-soc-trang_2020.txt")
    from ingest import clean, read

    text = clean.clean(read.read_file(SAMPLES / "85-KH-UBND_chau-thanh-soc-trang_2020.txt")).text
    for r in res.references:
        for m in r.mentions:
            assert " ".join(text[m.offset : m.offset + len(m.text) + 20].split()).startswith(m.text[:20])
