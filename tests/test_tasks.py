"""Tasks, roles, deadlines and reporting lines: real plans -> expected structure (issue #3, "Tasks").

The four samples go through the whole pipeline (``ingest.parse_file``); the variants (other
provinces, other agencies, other layouts, written from real plans' wording) go through
``find_tasks`` with a hand-built header so they test this stage alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import ingest
from tests.test_header import DECISION_WITH_ATTACHED_PLAN
from ingest.agencies import AgencyRegistry
from ingest.clean import clean
from ingest.model import DocumentHeader, Issuer
from ingest.pipeline import parse_text
from ingest.read import read_text
from ingest.tasks import find_reporting, find_tasks

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


@pytest.fixture(scope="module")
def parsed():
    """Return the ParseResult of each sample, keyed by a short name."""
    files = {"bn": "371-KH-UBND_bac-ninh_2024.txt", "lc": "124-KH-UBND_lao-cai_2020.txt",
             "ct": "85-KH-UBND_chau-thanh-soc-trang_2020.txt", "db": "83-KH-TU_dien-bien_2019.txt"}
    return {k: ingest.parse_file(SAMPLES / f) for k, f in files.items()}


def _dl(task):
    d = task.deadline
    return None if d is None else (d.text, d.kind, d.due, d.period)


# --------------------------------------------------------------------------- 371/KH-UBND (Bắc Ninh)

LHH = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"
REL = "Các sở, ban, ngành, đơn vị liên quan tỉnh Bắc Ninh"  # "Các sở, ngành, đơn vị liên quan" merged in
HUYEN = "Ủy ban nhân dân các huyện, thị xã, thành phố tỉnh Bắc Ninh"

# (section, text starts with, lead, support, deadline (text, kind, due, period))
BAC_NINH_APPENDIX = [
    ("I.1", "Tuyên truyền về Nghị quyết số 45-NQ/TW", ["Sở Thông tin và Truyền thông tỉnh Bắc Ninh"], [REL],
     ("Thường xuyên", "continuous", None, None)),
    ("I.2", "Quán triệt, nâng cao nhận thức", ["Các sở, ngành, địa phương tỉnh Bắc Ninh"], [],
     ("Thường xuyên", "continuous", None, None)),
    ("I.3", "Tham mưu UBND tỉnh tổ chức gặp mặt", [LHH], ["Các sở, ngành, địa phương tỉnh Bắc Ninh"],
     ("Định kỳ hằng năm", "recurring", None, "P1Y")),
    ("II.1", "Tiếp tục tham mưu triển khai thực hiện Quyết định số 899/QĐ-TTg", ["Sở Nội vụ tỉnh Bắc Ninh"],
     ["Các sở, ngành tỉnh Bắc Ninh", HUYEN], ("Hằng năm", "recurring", None, "P1Y")),
    ("II.2", "Tăng cường triển khai Đề án", ["Sở Giáo dục và Đào tạo tỉnh Bắc Ninh"], [REL],
     ("Hằng năm", "recurring", None, "P1Y")),
    ("II.3", "Tiếp tục thực hiện Chiến lược", ["Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh"], [],
     ("Theo tiến độ được phê duyệt", "unspecified", None, None)),
    ("II.4", "Nghiên cứu, rà soát, tham mưu", [LHH], [REL], ("Năm 2024", "once", "2024-12-31", None)),
    ("III.1", "Tiếp tục phối hợp", ["Sở Nội vụ tỉnh Bắc Ninh"], ["Các tổ chức hội tỉnh Bắc Ninh", HUYEN],
     ("Hàng năm", "recurring", None, "P1Y")),
    ("III.2", "Đề xuất các chính sách", ["Sở Giáo dục và Đào tạo tỉnh Bắc Ninh"], [REL],
     ("Hàng năm", "recurring", None, "P1Y")),
    ("III.3", "Xây dựng dự báo", ["Viện Nghiên cứu phát triển kinh tế xã hội tỉnh Bắc Ninh"], [REL],
     ("Hàng năm", "recurring", None, "P1Y")),
    ("III.4", "Tiếp tục thực hiện có hiệu quả Nghị quyết số 71-NQ/TU", ["Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh"],
     [REL], ("Hàng năm", "recurring", None, "P1Y")),
    ("III.5", "Tham mưu Quy chế tôn vinh", [LHH], [REL], ("Năm 2024", "once", "2024-12-31", None)),
    ("III.6", "Xây dựng hệ thống cơ sở dữ liệu về đội ngũ trí thức của tỉnh trên các lĩnh vực.", [LHH],
     ["Sở Thông tin và Truyền thông tỉnh Bắc Ninh", "Đơn vị liên quan tỉnh Bắc Ninh"],
     ("Năm 2025", "once", "2025-12-31", None)),
    ("III.7", "Tiếp tục hoàn thiện hệ thống pháp luật", ["Các sở, ban, ngành tỉnh Bắc Ninh", HUYEN], [],
     ("Hàng năm", "recurring", None, "P1Y")),
    ("IV.1", "Tham mưu phân bổ vốn", ["Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh"], ["Sở Tài chính tỉnh Bắc Ninh", REL],
     ("Hàng năm", "recurring", None, "P1Y")),
    ("IV.2", "Phối hợp xây dựng đề án", ["Sở Khoa học và Công nghệ tỉnh Bắc Ninh"],
     ["Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh", REL], ("Thực hiện theo lộ trình", "unspecified", None, None)),
    ("IV.3", "Nghiên cứu thành lập khu nghiên cứu", ["Sở Khoa học và Công nghệ tỉnh Bắc Ninh"], [REL],
     ("Thực hiện theo lộ trình", "unspecified", None, None)),
    ("V.1", "Tổng hợp đề xuất cơ chế", ["Sở Nội vụ tỉnh Bắc Ninh"], [REL], ("Hàng năm", "recurring", None, "P1Y")),
    ("V.2", "Đổi mới, nâng cao chất lượng", [LHH, "Các hội thành viên tỉnh Bắc Ninh"], [REL],
     ("Hằng năm", "recurring", None, "P1Y")),
    ("V.3", "Tăng cường quản lý, chỉ đạo định hướng", ["Các sở, ban, ngành tỉnh Bắc Ninh"], [],
     ("Hằng năm", "recurring", None, "P1Y")),
    ("V.4", "Tăng cường quản lý, chỉ đạo hoạt động", [HUYEN], [], ("Hằng năm", "recurring", None, "P1Y")),
]


def test_bac_ninh_appendix_has_21_tasks(parsed):
    rows = [t for t in parsed["bn"].tasks if t.source == "appendix"]
    assert [t.section for t in rows] == [r[0] for r in BAC_NINH_APPENDIX]


@pytest.mark.parametrize(("section", "text", "lead", "support", "deadline"), BAC_NINH_APPENDIX,
                         ids=[r[0] for r in BAC_NINH_APPENDIX])
def test_bac_ninh_appendix_rows(parsed, section, text, lead, support, deadline):
    (task,) = [t for t in parsed["bn"].tasks if t.source == "appendix" and t.section == section]
    assert task.text.startswith(text)
    assert task.lead == lead
    assert task.support == support
    assert _dl(task) == deadline


def test_bac_ninh_body_shapes(parsed):
    body = {}
    for t in parsed["bn"].tasks:
        if t.source == "body":
            body.setdefault(t.section, []).append(t)
    # "a) Sở Thông tin và Truyền thông: Chủ trì, phối hợp với Báo Bắc Ninh, Đài Phát thanh và Truyền hình tỉnh ..."
    (a,) = body["III.1.a"]
    assert a.lead == ["Sở Thông tin và Truyền thông tỉnh Bắc Ninh"]
    assert a.support == ["Báo Bắc Ninh", "Đài Phát thanh và Truyền hình tỉnh Bắc Ninh"]
    assert a.text.startswith("Chủ trì, phối hợp với Báo Bắc Ninh")
    # "a) Sở Nội vụ:" followed by three bullets
    assert [t.lead for t in body["III.2.a"]] == [["Sở Nội vụ tỉnh Bắc Ninh"]] * 3
    # "b) Các sở, ban, ngành, UBND các huyện, thị xã, thành phố" then bullets: two groups lead
    assert body["III.1.b"][0].lead == ["Các sở, ban, ngành tỉnh Bắc Ninh", HUYEN]
    # "- Các sở, ban, ngành: ..." and "- UBND các huyện, thị xã, thành phố: ..." under "d)"
    assert [t.lead for t in body["III.5.d"]] == [["Các sở, ban, ngành tỉnh Bắc Ninh"], [HUYEN]]
    # "3. Đề nghị Ủy ban Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội ..."
    (req,) = body["IV.3"]
    assert req.lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh", "Các đoàn thể chính trị - xã hội tỉnh Bắc Ninh"]
    # nothing from MỤC ĐÍCH, YÊU CẦU / MỤC TIÊU, nor from Nơi nhận
    assert not any(s.startswith(("I.", "II.")) for s in body)


def test_bac_ninh_reporting(parsed):
    assert [(r.from_, r.to, r.via, r.period) for r in parsed["bn"].reporting] == [
        (LHH, "Ủy ban nhân dân tỉnh Bắc Ninh", None, None)]


def test_bac_ninh_agencies_scoped_with_aliases(parsed):
    by_name = {a.name: a for a in parsed["bn"].agencies}
    lhh = by_name[LHH]
    assert lhh.level == "province" and lhh.province == "Bắc Ninh" and lhh.kind == "agency"
    assert {"Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", "Liên hiệp các hội KH&KT tỉnh"} <= set(lhh.aliases)
    assert by_name["Sở Giáo dục và Đào tạo tỉnh Bắc Ninh"].aliases == ["Sở Giáo dục và Đào tạo",
                                                                      "Sở Giáo dục và đào tạo"]
    assert by_name[HUYEN].kind == "group"
    assert len({a.id for a in parsed["bn"].agencies}) == len(parsed["bn"].agencies)


# --------------------------------------------------------------------------- 124/KH-UBND (Lào Cai)

LAO_CAI_SECTION_III = [
    ("III.1", "Sở Khoa học và Công nghệ tỉnh Lào Cai", 3),
    ("III.2", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lào Cai", 4),
    ("III.3", "Sở Nội vụ tỉnh Lào Cai", 4),
    ("III.4", "Sở Giáo dục và Đào tạo tỉnh Lào Cai", 7),
    ("III.5", "Sở Thông tin và Truyền thông tỉnh Lào Cai", 3),
    ("III.6", "Sở Tài chính tỉnh Lào Cai", 2),
    ("III.7", "Sở Kế hoạch và Đầu tư tỉnh Lào Cai", 3),
]


@pytest.mark.parametrize(("section", "lead", "bullets"), LAO_CAI_SECTION_III)
def test_lao_cai_department_headings(parsed, section, lead, bullets):
    tasks = [t for t in parsed["lc"].tasks if t.section == section]
    assert len(tasks) == bullets
    assert all(t.lead == [lead] for t in tasks)


def test_lao_cai_roles_inside_bullets(parsed):
    tasks = {t.text[:40]: t for t in parsed["lc"].tasks}
    # "- Chủ trì, phối hợp với các cơ quan liên quan ..." under "3. Sở Nội vụ"
    t = next(t for t in parsed["lc"].tasks if t.section == "III.3")
    assert t.support == ["Các cơ quan liên quan tỉnh Lào Cai"]
    # "- Phối hợp với các sở, ngành, địa phương ..." under "1. Sở Khoa học và Công nghệ": heading agency leads
    t = [t for t in parsed["lc"].tasks if t.section == "III.1"][1]
    assert t.lead == ["Sở Khoa học và Công nghệ tỉnh Lào Cai"]
    assert t.support == ["Các sở, ngành, địa phương tỉnh Lào Cai"]
    # "- Chủ trì phối hợp Sở Tài chính và các sở, ngành có liên quan ..." under "7. Sở Kế hoạch và Đầu tư"
    t = [t for t in parsed["lc"].tasks if t.section == "III.7"][0]
    assert t.support == ["Sở Tài chính tỉnh Lào Cai", "Các sở, ngành có liên quan tỉnh Lào Cai"]
    assert tasks  # the table above is not empty


def test_lao_cai_group_heading_and_reporting(parsed):
    iii8 = [t for t in parsed["lc"].tasks if t.section == "III.8"]
    assert iii8[0].lead == ["Các sở, ngành khác tỉnh Lào Cai",
                            "Ủy ban nhân dân các huyện, thị xã, thành phố tỉnh Lào Cai"]
    assert iii8[1].lead == ["Các sở, ngành, địa phương tỉnh Lào Cai"]
    assert _dl(iii8[1]) == ("Định kỳ hàng năm", "recurring", None, "P1Y")
    lines = [(r.from_, r.to, r.via, r.period) for r in parsed["lc"].reporting]
    assert ("Các sở, ngành, địa phương tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai",
            "Sở Khoa học và Công nghệ tỉnh Lào Cai", "P1Y") == lines[0]


def test_lao_cai_theme_paragraphs_have_no_guessed_lead(parsed):
    ii3 = [t for t in parsed["lc"].tasks if t.section == "II.3"]
    assert len(ii3) == 4 and all(t.lead == [] for t in ii3)
    # "Tạo điều kiện để Liên hiệp các Hội ... tổ chức ...": the agency is not the assignee
    assert ii3[-1].text.startswith("Tạo điều kiện để Liên hiệp")


# --------------------------------------------------------------------------- 85/KH-UBND (Châu Thành)

CT = "huyện Châu Thành"
CHAU_THANH = [
    ("II.2.a", ["Các phòng, ban ngành " + CT, "Các xã, thị trấn " + CT],
     ("Trong quý II năm 2020", "once", "2020-06-30", None)),
    ("II.2.b", ["Phòng Văn hóa và Thông tin " + CT], None),  # written "Phòng Văn hóa - Thông tin"
    ("II.3.b", ["Phòng Kinh tế - Hạ tầng " + CT], None),
    ("II.3.c", ["Phòng Giáo dục và Đào tạo " + CT], None),
    ("II.3.d", ["Phòng Nội vụ " + CT], None),
    ("II.4", ["Phòng Kinh tế - Hạ tầng " + CT], None),
    ("III.1", ["Phòng Kinh tế - Hạ tầng " + CT], None),
    ("III.2", ["Các phòng, ban ngành " + CT, "Ủy ban nhân dân các xã, thị trấn " + CT], None),
    ("III.3", ["Ủy ban Mặt trận Tổ quốc Việt Nam " + CT, "Các tổ chức thành viên " + CT], None),
]


@pytest.mark.parametrize(("section", "lead", "deadline"), CHAU_THANH, ids=[r[0] for r in CHAU_THANH])
def test_chau_thanh_leads(parsed, section, lead, deadline):
    tasks = [t for t in parsed["ct"].tasks if t.section == section]
    assert tasks and all(t.lead == lead for t in tasks)
    assert _dl(tasks[0]) == deadline


def test_chau_thanh_chu_tri_phoi_hop_pairs(parsed):
    sup = {t.section: t.support for t in parsed["ct"].tasks}
    assert sup["II.2.b"] == ["Phòng Kinh tế - Hạ tầng " + CT, "Đài Truyền thanh " + CT,
                             "Các cơ quan, tổ chức có liên quan " + CT]
    assert sup["II.3.b"] == ["Các phòng, ban ngành " + CT, "Các xã, thị trấn có liên quan " + CT]
    assert sup["II.3.d"] == ["Các đơn vị có liên quan " + CT]
    assert sup["II.4"] == ["Phòng Tài chính - Kế hoạch " + CT, "Các phòng, ban ngành có liên quan " + CT,
                           "Các xã, thị trấn " + CT]
    assert sup["III.1"] == ["Các phòng, ban ngành " + CT, "Các cơ quan, đơn vị có liên quan " + CT,
                            "Các xã, thị trấn " + CT]
    # the documents listed under "a) ... như:" are not tasks
    assert not any(t.text.startswith(("Nghị quyết", "Kết luận", "Quyết định", "Chương trình"))
                   for t in parsed["ct"].tasks)
    # the closing paragraph belongs to part III and names no assignee at its start
    assert parsed["ct"].tasks[-1].section == "III" and parsed["ct"].tasks[-1].lead == []
    ag = {a.name: a for a in parsed["ct"].agencies}["Phòng Văn hóa và Thông tin " + CT]
    assert (ag.level, ag.province, ag.district) == ("district", "Sóc Trăng", "Châu Thành")


def test_chau_thanh_reporting(parsed):
    assert [(r.from_, r.to) for r in parsed["ct"].reporting] == [
        ("Phòng Kinh tế - Hạ tầng " + CT, "Ủy ban nhân dân " + CT)]


# --------------------------------------------------------------------------- 83-KH/TU (Điện Biên)

DB = "tỉnh Điện Biên"
DIEN_BIEN = [
    ("III.1", ["Cấp ủy, tổ chức đảng, chính quyền " + DB, "Ủy ban Mặt trận Tổ quốc Việt Nam " + DB,
               "Các đoàn thể chính trị - xã hội " + DB],
     [("xong trong quý IV/2019", "once", "2019-12-31", None)]),
    ("III.2", ["Đảng đoàn Hội đồng nhân dân " + DB], [None]),
    ("III.3", ["Ban Cán sự Đảng Ủy ban nhân dân " + DB],
     [("xong trong quý IV/2019", "once", "2019-12-31", None),
      ("hoàn thành trong năm 2020", "once", "2020-12-31", None), None]),
    ("III.4", ["Ban Tuyên giáo Tỉnh ủy Điện Biên"],
     [("xong trong tháng 10/2019", "once", "2019-10-31", None), ("định kỳ hằng năm", "recurring", None, "P1Y")]),
]


@pytest.mark.parametrize(("section", "lead", "deadlines"), DIEN_BIEN, ids=[r[0] for r in DIEN_BIEN])
def test_dien_bien_bodies_and_deadlines(parsed, section, lead, deadlines):
    tasks = [t for t in parsed["db"].tasks if t.section == section]
    assert [t.lead for t in tasks] == [lead] * len(deadlines)
    assert [_dl(t) for t in tasks] == deadlines


def test_dien_bien_content_part_tasks_have_no_lead(parsed):
    ii = [t for t in parsed["db"].tasks if t.section.startswith("II.")]
    assert [t.section for t in ii] == ["II.1", "II.2", "II.3", "II.4", "II.5"]
    assert all(t.lead == [] for t in ii)


def test_dien_bien_reporting(parsed):
    lines = {(r.from_, r.to, r.via, r.period) for r in parsed["db"].reporting}
    assert ("Ủy ban Mặt trận Tổ quốc Việt Nam " + DB, "Ban Thường vụ Tỉnh ủy Điện Biên",
            "Ban Tuyên giáo Tỉnh ủy Điện Biên", "P6M") in lines
    assert ("Ban Tuyên giáo Tỉnh ủy Điện Biên", "Ban Thường vụ Tỉnh ủy Điện Biên", None, "P1Y") in lines
    assert ("Ban Tuyên giáo Tỉnh ủy Điện Biên", "Ban Tuyên giáo Trung ương", None, "P1Y") in lines
    assert len(lines) == 5


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_offsets_point_at_the_task_text(name):
    from ingest.read import read_file

    doc = clean(read_file(SAMPLES / name))
    res = ingest.parse_file(SAMPLES / name)
    assert res.tasks
    for t in res.tasks:
        at = doc.text[t.offset: t.offset + 12]
        assert at.lower() == t.text[:12].lower() or t.text.startswith(at.lstrip("- ")[:8]), (t.section, at, t.text[:12])


def test_parsing_twice_gives_the_same_tasks_and_agencies():
    first = ingest.parse_file(SAMPLES / "83-KH-TU_dien-bien_2019.txt").to_dict()
    second = ingest.parse_file(SAMPLES / "83-KH-TU_dien-bien_2019.txt").to_dict()
    assert first["tasks"] == second["tasks"] and first["agencies"] == second["agencies"]
    assert first["reporting"] == second["reporting"] and first["agencies"]


# --------------------------------------------------------------------------- variants (other plans, other shapes)

NGHE_AN = Issuer("Ủy ban nhân dân tỉnh Nghệ An", "province", "Nghệ An", None, "ubnd")
HA_NOI = Issuer("Ủy ban nhân dân thành phố Hà Nội", "province", "Hà Nội", None, "ubnd")
HOAI_DUC = Issuer("Ủy ban nhân dân huyện Hoài Đức", "district", "Hà Nội", "Hoài Đức", "ubnd")
THANH_HOA_TU = Issuer("Tỉnh ủy Thanh Hóa", "province", "Thanh Hóa", None, "tinh_uy")
QUANG_NAM = Issuer("Ủy ban nhân dân tỉnh Quảng Nam", "province", "Quảng Nam", None, "ubnd")
TIEN_GIANG = Issuer("Ủy ban nhân dân tỉnh Tiền Giang", "province", "Tiền Giang", None, "ubnd")
PHU_THO_OFFICE = Issuer("Văn phòng Ủy ban nhân dân tỉnh Phú Thọ", "province", "Phú Thọ", None, "agency")
YEN_BAI_FRONT = Issuer("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Yên Bái", "province", "Yên Bái", None, "mttq")
THAI_NGUYEN_UBKT = Issuer("Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên", "province", "Thái Nguyên", None, "agency")
NA, HN, HD, TH, QN = "tỉnh Nghệ An", "thành phố Hà Nội", "huyện Hoài Đức", "Tỉnh ủy Thanh Hóa", "tỉnh Quảng Nam"
TG = "tỉnh Tiền Giang"
DA_NANG = Issuer("Ủy ban nhân dân thành phố Đà Nẵng", "province", "Đà Nẵng", None, "ubnd")
DAN_VAN_QN = Issuer("Ban Dân vận Tỉnh ủy Quảng Nam", "province", "Quảng Nam", None, "agency")
CHINH_PHU = Issuer("Thủ tướng Chính phủ", "central", None, None, "government")
DN = "thành phố Đà Nẵng"

# (name, issuer, plan text, [(section, lead, support, deadline (kind, due, period) or None, text starts with)])
VARIANTS = [
    ("numbered agency heading, bullets with chủ trì/phối hợp", NGHE_AN, """I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Sở Y tế chủ trì triển khai hiệu quả Kế hoạch.
II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Y tế
- Chủ trì, phối hợp với Sở Tài chính, Bảo hiểm xã hội tỉnh xây dựng phương án hỗ trợ.
- Phối hợp với Sở Nội vụ rà soát biên chế các cơ sở y tế.
2. Sở Tài chính
- Tham mưu UBND tỉnh bố trí kinh phí thực hiện Kế hoạch.
""", [("II.1", ["Sở Y tế " + NA], ["Sở Tài chính " + NA, "Bảo hiểm xã hội " + NA], None, "Chủ trì, phối hợp"),
      ("II.1", ["Sở Y tế " + NA], ["Sở Nội vụ " + NA], None, "Phối hợp với Sở Nội vụ"),
      ("II.2", ["Sở Tài chính " + NA], [], None, "Tham mưu UBND tỉnh")]),
    ("lettered points with a colon, abbreviated agency", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. Phân công nhiệm vụ
a) Sở Giáo dục và Đào tạo: Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội, Tỉnh đoàn tổ chức tư vấn hướng nghiệp cho học sinh.
b) Sở TT&TT: Hướng dẫn các cơ quan báo chí tuyên truyền Kế hoạch.
""", [("III.1.a", ["Sở Giáo dục và Đào tạo " + NA],
       ["Sở Lao động - Thương binh và Xã hội " + NA, "Ban Chấp hành Đoàn " + NA], None, "Chủ trì"),
      ("III.1.b", ["Sở Thông tin và Truyền thông " + NA], [], None, "Hướng dẫn các cơ quan báo chí")]),
    ("sub-points numbered under a letter: 'a.1)'", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. Các sở, ngành
a.1) Sở Y tế chủ trì hướng dẫn nội dung triển khai; thời gian: Quý IV/2025.
a.2) Sở Tài chính chủ trì theo dõi, đôn đốc, tổng hợp kết quả; định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh.
""", [("III.1.a.1", ["Sở Y tế " + NA], [], ("once", "2025-12-31", None), "Chủ trì hướng dẫn"),
      ("III.1.a.2", ["Sở Tài chính " + NA], [], ("recurring", None, "P3M"), "Chủ trì theo dõi")]),
    ("district plan, inline 'X chủ trì' and 'X phối hợp với Y'", HOAI_DUC, """II. NỘI DUNG THỰC HIỆN
1. Phòng Tài nguyên và Môi trường chủ trì, phối hợp với Phòng Kinh tế, UBND các xã, thị trấn kiểm tra việc sử dụng đất.
2. Phòng Văn hóa và Thông tin phối hợp với Trung tâm Văn hóa - Thông tin và Thể thao huyện tuyên truyền trên hệ thống loa truyền thanh.
""", [("II.1", ["Phòng Tài nguyên và Môi trường " + HD],
       ["Phòng Kinh tế " + HD, "Ủy ban nhân dân các xã, thị trấn " + HD], None, "Chủ trì"),
      # "X phối hợp với Y": X is the assignee (lead), Y supports
      ("II.2", ["Phòng Văn hóa và Thông tin " + HD], ["Trung tâm Văn hóa - Thông tin và Thể thao " + HD], None,
       "Phối hợp với Trung tâm")]),
    ("request to the Fatherland Front", QUANG_NAM, """IV. TỔ CHỨC THỰC HIỆN
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tăng cường giám sát việc thực hiện Kế hoạch.
""", [("IV.3", ["Ủy ban Mặt trận Tổ quốc Việt Nam " + QN, "Các tổ chức chính trị - xã hội " + QN], [], None,
       "Tăng cường giám sát")]),
    ("leaf items without assignee stay tasks without lead", QUANG_NAM, """II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện thể chế, chính sách về phát triển nguồn nhân lực chất lượng cao.
2. Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý nhà nước.
""", [("II.1", [], [], None, "Hoàn thiện thể chế"), ("II.2", [], [], None, "Đẩy mạnh ứng dụng")]),
    ("theme heading with paragraphs, one naming its subject", QUANG_NAM, """II. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao chất lượng đào tạo
Đổi mới nội dung, chương trình đào tạo gắn với nhu cầu của doanh nghiệp.
Các cơ sở giáo dục nghề nghiệp chủ động liên kết với doanh nghiệp trong đào tạo.
""", [("II.1", [], [], None, "Đổi mới nội dung"),
      ("II.1", ["Các cơ sở giáo dục nghề nghiệp " + QN], [], None, "Chủ động liên kết")]),
    ("appendix with a product column (STT / Nhiệm vụ / Sản phẩm / Đơn vị chủ trì / phối hợp / Thời hạn)", QUANG_NAM,
     """IV. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành triển khai các nhiệm vụ tại Phụ lục kèm theo.
Nơi nhận:
- Như trên;
- Lưu: VT.
PHỤ LỤC
DANH MỤC NHIỆM VỤ
STT
Nhiệm vụ
Sản phẩm
Đơn vị chủ trì
Đơn vị phối hợp
Thời hạn hoàn thành
1
Xây dựng Đề án phát triển nguồn nhân lực du lịch
Quyết định của UBND tỉnh
Sở Văn hóa, Thể thao và Du lịch
Sở Nội vụ, Sở Tài chính
Quý III/2025
2
Ban hành quy chế phối hợp
Quy chế
Văn phòng UBND tỉnh
Tháng 12/2025
""", [("IV", ["Các sở, ban, ngành " + QN], [], None, "Triển khai các nhiệm vụ"),
      ("1", ["Sở Văn hóa, Thể thao và Du lịch " + QN], ["Sở Nội vụ " + QN, "Sở Tài chính " + QN],
       ("once", "2025-09-30", None), "Xây dựng Đề án phát triển nguồn nhân lực du lịch"),
      ("2", ["Văn phòng Ủy ban nhân dân " + QN], [], ("once", "2025-12-31", None), "Ban hành quy chế phối hợp")]),
    ("appendix with missing cells and bullet lines in the text cell", QUANG_NAM, """PHỤ LỤC
TT
Nội dung công việc
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian thực hiện
I
Công tác tuyên truyền
1
- Tuyên truyền trên Báo Quảng Nam.
- Phát sóng phóng sự chuyên đề.
Sở Thông tin và Truyền thông
Báo Quảng Nam, Đài Phát thanh - Truyền hình Quảng Nam
Thường xuyên
2
Tổ chức hội nghị quán triệt
Sở Nội vụ
Năm 2025
II
Kiểm tra, giám sát
1
Kiểm tra việc thực hiện
UBND các huyện, thị xã, thành phố
6 tháng đầu năm 2025
""", [("I.1", ["Sở Thông tin và Truyền thông " + QN], ["Báo Quảng Nam", "Đài Phát thanh - Truyền hình Quảng Nam"],
       ("continuous", None, None), "Tuyên truyền trên Báo Quảng Nam. Phát sóng"),
      ("I.2", ["Sở Nội vụ " + QN], [], ("once", "2025-12-31", None), "Tổ chức hội nghị"),
      ("II.1", ["Ủy ban nhân dân các huyện, thị xã, thành phố " + QN], [], ("once", "2025-06-30", None), "Kiểm tra")]),
    ("Party plan: committee headings, paragraph, deadline in parentheses", THANH_HOA_TU, """III- TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Tỉnh ủy
Chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy hướng dẫn việc học tập, quán triệt (hoàn thành trước ngày 30/9/2021).
2. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy
Xây dựng chương trình hành động thực hiện Nghị quyết (hoàn thành trong quý IV/2021); định kỳ hằng năm báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy).
""", [("III.1", ["Ban Tuyên giáo " + TH], ["Ban Tổ chức " + TH], ("once", "2021-09-30", None), "Chủ trì"),
      ("III.2", ["Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc " + TH], [], ("once", "2021-12-31", None),
       "Xây dựng chương trình hành động")]),
    ("bullets listing documents are not tasks", NGHE_AN, """II. NHIỆM VỤ, GIẢI PHÁP
1. Công tác tuyên truyền
a) Sở Thông tin và Truyền thông chủ trì tuyên truyền sâu rộng các văn bản sau:
- Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương;
- Quyết định số 899/QĐ-TTg ngày 31/7/2023 của Thủ tướng Chính phủ.
b) Báo Nghệ An, Đài Phát thanh và Truyền hình tỉnh mở chuyên mục về trí thức.
""", [("II.1.a", ["Sở Thông tin và Truyền thông " + NA], [], None, "Chủ trì tuyên truyền"),
      ("II.1.b", ["Báo Nghệ An", "Đài Phát thanh và Truyền hình " + NA], [], None, "Mở chuyên mục")]),
    ("two leads before a colon; a centrally-run city", HA_NOI, """III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính, Sở Kế hoạch và Đầu tư: Cân đối, bố trí nguồn vốn thực hiện Kế hoạch.
2. UBND các quận, huyện, thị xã
- Xây dựng kế hoạch thực hiện trên địa bàn.
- Định kỳ 6 tháng báo cáo kết quả về UBND Thành phố (qua Sở Nội vụ).
""", [("III.1", ["Sở Tài chính " + HN, "Sở Kế hoạch và Đầu tư " + HN], [], None, "Cân đối"),
      ("III.2", ["Ủy ban nhân dân các quận, huyện, thị xã " + HN], [], None, "Xây dựng kế hoạch"),
      ("III.2", ["Ủy ban nhân dân các quận, huyện, thị xã " + HN], [], ("recurring", None, "P6M"), "Định kỳ 6 tháng")]),
    ("lettered points under an agency heading inherit it", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
a) Tham mưu UBND tỉnh ban hành chính sách thu hút nhân lực chất lượng cao.
b) Phối hợp với Sở Tài chính thẩm định kinh phí đào tạo.
2. Sở Tài chính
Bố trí kinh phí trong dự toán hằng năm.
""", [("III.1.a", ["Sở Nội vụ " + NA], [], None, "Tham mưu"),
      ("III.1.b", ["Sở Nội vụ " + NA], ["Sở Tài chính " + NA], None, "Phối hợp"),
      ("III.2", ["Sở Tài chính " + NA], [], None, "Bố trí kinh phí")]),
    ("bullets that name their own assignee before a colon", HA_NOI, """III. TỔ CHỨC THỰC HIỆN
1. Các sở, ngành, UBND các quận, huyện, thị xã
- Các sở, ngành: Rà soát thủ tục hành chính thuộc lĩnh vực quản lý.
- UBND các quận, huyện, thị xã: Chỉ đạo UBND cấp xã thực hiện.
""", [("III.1", ["Các sở, ngành " + HN], [], None, "Rà soát"),
      ("III.1", ["Ủy ban nhân dân các quận, huyện, thị xã " + HN], [], None, "Chỉ đạo")]),
    ("nothing after Nơi nhận or the signature", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế chủ trì, theo dõi việc thực hiện Kế hoạch.
Nơi nhận:
- Bộ Y tế (b/c);
- Các sở, ban, ngành tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
""", [("III.1", ["Sở Y tế " + NA], [], None, "Chủ trì")]),
    ("a time adverbial before the subject", QUANG_NAM, """IV. TỔ CHỨC THỰC HIỆN
Hằng năm, Sở Nội vụ tổng hợp kết quả thực hiện, báo cáo UBND tỉnh trước ngày 15/12.
Trong quý I năm 2025, các sở, ban, ngành xây dựng kế hoạch chi tiết.
""", [  # "Hằng năm, ... trước ngày 15/12": by 15 December every year, as "trước ngày 15/12 hằng năm"
      ("IV", ["Sở Nội vụ " + QN], [], ("recurring", None, "P1Y"), "Tổng hợp kết quả"),
      ("IV", ["Các sở, ban, ngành " + QN], [], ("once", "2025-03-31", None), "Xây dựng kế hoạch chi tiết")]),
    ("a task table inside the body, with a budget column and an empty cell", QUANG_NAM, """I. MỤC ĐÍCH
Nâng cao nhận thức.
II. NHIỆM VỤ CỤ THỂ
| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Kinh phí (triệu đồng) | Thời gian |
|---|---|---|---|---|---|
| 1 | Tổ chức hội thảo khoa học | Sở Khoa học và Công nghệ | Liên hiệp các Hội KH&KT tỉnh | 500 | Quý II/2025 |
| 2 | Khảo sát nhu cầu nhân lực | Sở Lao động - Thương binh và Xã hội | | 300 | Năm 2025 |
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính bố trí kinh phí thực hiện.
Nơi nhận:
- Lưu: VT.
""", [("II.1", ["Sở Khoa học và Công nghệ " + QN], ["Liên hiệp các Hội Khoa học và Kỹ thuật " + QN],
       ("once", "2025-06-30", None), "Tổ chức hội thảo"),
      ("II.2", ["Sở Lao động - Thương binh và Xã hội " + QN], [], ("once", "2025-12-31", None), "Khảo sát"),
      ("III.1", ["Sở Tài chính " + QN], [], None, "Bố trí kinh phí")]),
    ("'Giao X chủ trì', and an assignee heading ending in a generic clause", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính hướng dẫn, kiểm tra việc thực hiện Kế hoạch.
2. Sở Nội vụ chủ trì, thực hiện các nhiệm vụ sau:
- Rà soát vị trí việc làm.
- Tham mưu chính sách thu hút chuyên gia.
""", [("III.1", ["Sở Khoa học và Công nghệ " + NA], ["Sở Tài chính " + NA], None, "Chủ trì, phối hợp"),
      ("III.2", ["Sở Nội vụ " + NA], [], None, "Rà soát"),
      ("III.2", ["Sở Nội vụ " + NA], [], None, "Tham mưu chính sách")]),
    ("capitalised heading, roles inside one agency cell, '(chủ trì)' aside", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. SỞ KẾ HOẠCH VÀ ĐẦU TƯ
- Tổng hợp nhu cầu vốn (Quý II/2024).
2. Sở Y tế (cơ quan thường trực): Theo dõi, đôn đốc thực hiện.
PHỤ LỤC
TT
Nội dung
Cơ quan thực hiện
Thời gian
1
Tổ chức hội nghị sơ kết
Chủ trì: Sở Y tế
Phối hợp: Sở Tài chính, Bảo hiểm xã hội tỉnh
Tháng 6 hằng năm
""", [("III.1", ["Sở Kế hoạch và Đầu tư " + NA], [], ("once", "2024-06-30", None), "Tổng hợp nhu cầu vốn"),
      ("III.2", ["Sở Y tế " + NA], [], None, "Theo dõi"),
      ("1", ["Sở Y tế " + NA], ["Sở Tài chính " + NA, "Bảo hiểm xã hội " + NA], ("recurring", None, "P1Y"),
       "Tổ chức hội nghị sơ kết")]),
    ("one 'Cơ quan thực hiện' column: both roles in one cell, or an inline 'X chủ trì, phối hợp Y'", NGHE_AN,
     """PHỤ LỤC
STT
Nhiệm vụ
Cơ quan thực hiện
Thời gian hoàn thành
1
Rà soát, cập nhật kế hoạch phòng chống thiên tai cấp tỉnh
Sở Nông nghiệp và PTNT chủ trì, phối hợp Sở Tài nguyên và Môi trường
Quý IV/2024
2
Kiểm tra an toàn hồ chứa nước trước mùa mưa bão
Chủ trì: Sở Nông nghiệp và PTNT; Phối hợp: UBND các huyện, thị xã, thành phố
Trước ngày 30/9 hằng năm
3
Đầu tư hệ thống cảnh báo sớm
Sở Tài nguyên và Môi trường
Năm 2025
""", [("1", ["Sở Nông nghiệp và Phát triển nông thôn " + NA], ["Sở Tài nguyên và Môi trường " + NA],
       ("once", "2024-12-31", None), "Rà soát"),
      ("2", ["Sở Nông nghiệp và Phát triển nông thôn " + NA],
       ["Ủy ban nhân dân các huyện, thị xã, thành phố " + NA], ("recurring", None, "P1Y"), "Kiểm tra an toàn"),
      ("3", ["Sở Tài nguyên và Môi trường " + NA], [], ("once", "2025-12-31", None), "Đầu tư")]),
    ("'Trách nhiệm của X' headings", HOAI_DUC, """III. TỔ CHỨC THỰC HIỆN
1. Trách nhiệm của Phòng Nội vụ
- Hướng dẫn các xã, thị trấn triển khai Kế hoạch.
2. Trách nhiệm của UBND các xã, thị trấn:
- Bố trí cán bộ theo dõi.
""", [("III.1", ["Phòng Nội vụ " + HD], [], None, "Hướng dẫn"),
      ("III.2", ["Ủy ban nhân dân các xã, thị trấn " + HD], [], None, "Bố trí cán bộ")]),
    ("a plan without Roman parts", NGHE_AN, """ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
Số: 12/KH-UBND
KẾ HOẠCH
Triển khai Chương trình xúc tiến thương mại
Căn cứ Quyết định số 1/QĐ-UBND ngày 02/01/2025 của UBND tỉnh, UBND tỉnh ban hành Kế hoạch như sau:
1. Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan xây dựng chương trình xúc tiến thương mại năm 2025 (hoàn thành trước ngày 31/3/2025).
2. UBND các huyện, thành phố, thị xã tổ chức thực hiện trên địa bàn.
""", [("1", ["Sở Công Thương " + NA], ["Các sở, ngành liên quan " + NA], ("once", "2025-03-31", None), "Chủ trì"),
      ("2", ["Ủy ban nhân dân các huyện, thành phố, thị xã " + NA], [], None, "Tổ chức thực hiện")]),
    ("a deadline on the line after its duty", QUANG_NAM, """II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Y tế chủ trì, phối hợp với Sở Nội vụ xây dựng Đề án thu hút bác sĩ về công tác tại tuyến xã.
Thời gian thực hiện: Quý III/2024.
2. Sở Tài chính bố trí kinh phí thực hiện Đề án.
Thời hạn: hằng năm
3. Sở Lao động - Thương binh và Xã hội tổ chức đào tạo nghề điều dưỡng.
Hoàn thành trước 30/6/2025.
4. Sở Thông tin và Truyền thông hướng dẫn tuyên truyền về Đề án.
Thời gian qua, công tác tuyên truyền đã đạt nhiều kết quả.
""", [("II.1", ["Sở Y tế " + QN], ["Sở Nội vụ " + QN], ("once", "2024-09-30", None), "Chủ trì, phối hợp"),
      ("II.2", ["Sở Tài chính " + QN], [], ("recurring", None, "P1Y"), "Bố trí kinh phí"),
      ("II.3", ["Sở Lao động - Thương binh và Xã hội " + QN], [], ("once", "2025-06-30", None), "Tổ chức đào tạo"),
      ("II.4", ["Sở Thông tin và Truyền thông " + QN], [], None, "Hướng dẫn tuyên truyền"),
      ("II", [], [], None, "Thời gian qua")]),
    ("official names holding verbs head their bullets", Issuer("Công an tỉnh Kon Tum", "province", "Kon Tum", None,
                                                                 "agency"), """II. NHIỆM VỤ CỤ THỂ
1. Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06)
- Chủ trì làm sạch dữ liệu dân cư; hoàn thành trước ngày 30/6/2024.
2. Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ
- Kiểm tra an toàn phòng cháy tại các chợ, trung tâm thương mại. Thời gian: thường xuyên.
""", [("II.1", ["Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh Kon Tum"], [],
       ("once", "2024-06-30", None), "Chủ trì làm sạch"),
      ("II.2", ["Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Kon Tum"], [],
       ("continuous", None, None), "Kiểm tra an toàn")]),
    ("a Chi cục's own office; the plan's closing sentence is no task",
     Issuer("Chi cục Kiểm lâm tỉnh Lai Châu", "province", "Lai Châu", None, "agency"), """III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Chi cục tổng hợp kết quả thực hiện, báo cáo Sở Nông nghiệp và Môi trường trước ngày 15/12/2025.
2. Hạt Kiểm lâm các xã, phường tổ chức tuần tra rừng.
Trên đây là Kế hoạch bảo vệ rừng năm 2025 của Chi cục Kiểm lâm. Yêu cầu các phòng, đơn vị thuộc Chi cục nghiêm túc triển khai thực hiện./.
""", [("III.1", ["Văn phòng Chi cục Kiểm lâm tỉnh Lai Châu"], [], ("once", "2025-12-15", None), "Tổng hợp kết quả"),
      ("III.2", ["Hạt Kiểm lâm các xã, phường tỉnh Lai Châu"], [], None, "Tổ chức tuần tra")]),
    ("a body assisting another leads ('X giúp Ban Thường vụ ...'); 'Tổ giúp việc' is a name", THANH_HOA_TU,
     """III. TỔ CHỨC THỰC HIỆN
1. Ban Tổ chức Tỉnh ủy giúp Ban Thường vụ Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Tổ giúp việc Ban Chỉ đạo tổng hợp kết quả, báo cáo định kỳ 6 tháng.
""", [("III.1", ["Ban Tổ chức " + TH], [], None, "Giúp Ban Thường vụ"),
      ("III.2", ["Tổ giúp việc Ban Chỉ đạo tỉnh Thanh Hóa"], [], ("recurring", None, "P6M"), "Tổng hợp kết quả")]),
    ("the lead in brackets after its duty", HOAI_DUC, """II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Tuyên truyền Luật Hợp tác xã năm 2023 đến thành viên hợp tác xã (Phòng Kinh tế chủ trì, các đơn vị liên quan phối hợp; thời gian: Quý III/2024).
2. Rà soát các hợp tác xã yếu kém (Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Kinh tế; thời gian: trước ngày 15/12/2024).
3. Tổ chức hội nghị (trực tuyến) tổng kết mô hình hợp tác xã kiểu mới.
""", [("II.1", ["Phòng Kinh tế " + HD], [], ("once", "2024-09-30", None), "Tuyên truyền"),
      ("II.2", ["Phòng Tài chính - Kế hoạch " + HD], ["Phòng Kinh tế " + HD], ("once", "2024-12-15", None), "Rà soát"),
      ("II.3", [], [], None, "Tổ chức hội nghị")]),
    ("a name ends where its duty's verb begins ('đưa nội dung', 'đưa việc', 'nắm tình hình')", THANH_HOA_TU,
     """III. TỔ CHỨC THỰC HIỆN
1. Ủy ban Kiểm tra Tỉnh ủy đưa nội dung lãnh đạo thực hiện Nghị quyết vào chương trình kiểm tra, giám sát.
2. Ủy ban Kiểm tra Tỉnh ủy đưa việc thực hiện Kết luận vào chương trình kiểm tra hằng năm.
3. Ban Tuyên giáo Tỉnh ủy nắm tình hình dư luận xã hội về việc thực hiện Nghị quyết.
""", [("III.1", ["Ủy ban Kiểm tra " + TH], [], None, "Đưa nội dung"),
      ("III.2", ["Ủy ban Kiểm tra " + TH], [], ("recurring", None, "P1Y"), "Đưa việc"),
      ("III.3", ["Ban Tuyên giáo " + TH], [], None, "Nắm tình hình")]),
    ("a committee named for its purpose, up to its unit word, leads", QUANG_NAM, """III. TỔ CHỨC THỰC HIỆN
1. Ban Chỉ đạo triển khai Đề án 06 tỉnh chỉ đạo các thành viên lồng ghép nhiệm vụ thi hành Luật Căn cước. Thời gian: Thường xuyên.
2. Ban Chỉ đạo tổ chức tổng kết công tác năm 2024.
""", [("III.1", ["Ban Chỉ đạo triển khai Đề án 06 tỉnh Quảng Nam"], [], ("continuous", None, None), "Chỉ đạo các thành viên"),
      # a verb right after the committee's head is its duty, not its purpose
      ("III.2", ["Ban Chỉ đạo tỉnh Quảng Nam"], [], None, "Tổ chức tổng kết")]),
    ("role labels on the lines after a duty", THANH_HOA_TU, """II. NHIỆM VỤ
1. Tổ chức quán triệt Nghị quyết cho cán bộ chủ chốt.
Chủ trì: Ban Tuyên giáo Tỉnh ủy.
Phối hợp: Ban Tổ chức Tỉnh ủy, Văn phòng Tỉnh ủy.
Thời gian: Quý II/2025.
2. Sơ kết việc thực hiện Nghị quyết.
Chủ trì: Văn phòng Tỉnh ủy.
Thời gian: Hằng năm.
3. Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện.
Phối hợp: chặt chẽ giữa các cơ quan trong quá trình thực hiện.
""", [("II.1", ["Ban Tuyên giáo " + TH], ["Ban Tổ chức " + TH, "Văn phòng " + TH], ("once", "2025-06-30", None),
       "Tổ chức quán triệt"),
      ("II.2", ["Văn phòng " + TH], [], ("recurring", None, "P1Y"), "Sơ kết"),
      ("II.3", ["Các huyện ủy, thành ủy tỉnh Thanh Hóa"], [], None, "Xây dựng kế hoạch"),
      # not a role label: what follows is no agency
      ("II", [], [], None, "Phối hợp: chặt chẽ")]),
    ("deadlines as labels and closing asides", THANH_HOA_TU, """III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch định hướng tuyên truyền (thường xuyên).
2. Ban Tổ chức Tỉnh ủy tham mưu sửa đổi quy định về phân cấp quản lý cán bộ (năm 2025).
3. Văn phòng Tỉnh ủy theo dõi, tổng hợp; thời gian: hằng năm.
4. Ban Dân vận Tỉnh ủy hướng dẫn xây dựng kế hoạch dân vận hằng năm của các huyện.
""", [("III.1", ["Ban Tuyên giáo " + TH], ["Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hóa"], ("continuous", None, None),
       "Chủ trì, phối hợp"),
      ("III.2", ["Ban Tổ chức " + TH], [], ("once", "2025-12-31", None), "Tham mưu sửa đổi"),
      ("III.3", ["Văn phòng " + TH], [], ("recurring", None, "P1Y"), "Theo dõi, tổng hợp"),
      ("III.4", ["Ban Dân vận " + TH], [], None, "Hướng dẫn xây dựng")]),
    ("notice of conclusions: organisations lead, assessment and closing formula are no tasks", TIEN_GIANG, """THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về công tác phòng, chống dịch sốt xuất huyết
1. Đánh giá chung
Các sở, ngành, địa phương đã tích cực triển khai các biện pháp phòng, chống dịch; số ca mắc giảm so với cùng kỳ.
Công tác truyền thông còn hạn chế, chưa đến được các hộ dân vùng sâu.
2. Nhiệm vụ trong thời gian tới
a) Sở Y tế: Chủ trì, phối hợp với Ủy ban nhân dân các huyện, thành phố phun hóa chất diệt muỗi tại các ổ dịch; hoàn thành trước ngày 30/6/2024.
b) Bệnh viện Đa khoa tỉnh: Bố trí khu điều trị riêng cho bệnh nhân sốt xuất huyết; thường xuyên.
c) Công ty TNHH MTV Cấp nước Tiền Giang: Bảo đảm nước sạch cho các khu dân cư, thực hiện thường xuyên.
d) Trường Cao đẳng Y tế tỉnh: Huy động sinh viên tham gia chiến dịch.
đ) Ủy ban nhân dân các huyện, thành phố: Báo cáo tình hình dịch về Sở Y tế định kỳ hằng tuần.
Văn phòng Ủy ban nhân dân tỉnh thông báo để các sở, ngành, địa phương biết, thực hiện./.
""", [("2.a", ["Sở Y tế " + TG], ["Ủy ban nhân dân các huyện, thành phố " + TG], ("once", "2024-06-30", None),
       "Chủ trì, phối hợp"),
      ("2.b", ["Bệnh viện Đa khoa " + TG], [], ("continuous", None, None), "Bố trí khu điều trị"),
      ("2.c", ["Công ty TNHH MTV Cấp nước Tiền Giang"], [], ("continuous", None, None), "Bảo đảm nước sạch"),
      ("2.d", ["Trường Cao đẳng Y tế " + TG], [], None, "Huy động sinh viên"),
      ("2.đ", ["Ủy ban nhân dân các huyện, thành phố " + TG], [], ("recurring", None, "P1W"), "Báo cáo tình hình")]),
    ("'- Name: duty' bullets: organisations lead, prose before a colon does not", HOAI_DUC, """III. TỔ CHỨC THỰC HIỆN
1. Bảo đảm các dịch vụ công thiết yếu
- Trung tâm Y tế huyện: Tổ chức tiêm chủng mở rộng; hằng tháng.
- Công ty Cổ phần Môi trường đô thị Hoài Đức: Thu gom, vận chuyển rác thải sinh hoạt trên địa bàn.
- Bưu điện huyện: Tiếp nhận và trả kết quả hồ sơ thủ tục hành chính qua dịch vụ bưu chính công ích.
- Kết quả cần đạt: 100% hồ sơ được trả đúng hạn.
""", [("III.1", ["Trung tâm Y tế " + HD], [], ("recurring", None, "P1M"), "Tổ chức tiêm chủng"),
      ("III.1", ["Công ty Cổ phần Môi trường đô thị Hoài Đức"], [], None, "Thu gom"),
      ("III.1", ["Bưu điện " + HD], [], None, "Tiếp nhận và trả kết quả"),
      ("III.1", [], [], None, "Kết quả cần đạt")]),
    ("items heading targets or an assessment hold no duties", NGHE_AN, """II. NỘI DUNG
1. Mục tiêu cụ thể
- Đến năm 2025, 100% cơ quan nhà nước cấp tỉnh sử dụng văn bản điện tử.
- Các sở, ngành đã hoàn thành việc số hóa hồ sơ.
2. Kết quả đạt được
Các sở, ngành đang triển khai các nền tảng số dùng chung.
3. Kiểm tra, đánh giá kết quả thực hiện
Sở Nội vụ chủ trì kiểm tra việc thực hiện Kế hoạch; hằng năm.
""", [("II.3", ["Sở Nội vụ " + NA], [], ("recurring", None, "P1Y"), "Chủ trì kiểm tra")]),
    ("a report of what was done is no duty; a relative clause with 'đã được' is", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế tiếp tục triển khai các giải pháp đã đề ra.
2. Các sở, ngành đã được phân công tại Kế hoạch này có trách nhiệm triển khai thực hiện; hằng năm.
3. Sở Tài chính đang phối hợp với Sở Y tế xây dựng đề án.
4. Ủy ban nhân dân các huyện, thành phố, thị xã đã hoàn thành việc rà soát.
""", [("III.1", ["Sở Y tế " + NA], [], None, "Tiếp tục triển khai"),
      ("III.2", ["Các sở, ngành " + NA], [], ("recurring", None, "P1Y"), "Đã được phân công")]),
    ("the copula ends the subject: 'X là cơ quan thường trực, ...'", HOAI_DUC, """IV. TỔ CHỨC THỰC HIỆN
Phòng Nội vụ là cơ quan thường trực, theo dõi, tổng hợp, báo cáo Ủy ban nhân dân huyện trước ngày 15/12 hằng năm./.
""", [("IV", ["Phòng Nội vụ " + HD], [], ("recurring", None, "P1Y"), "Là cơ quan thường trực")]),
    ("support list ends at a duty verb ('vận hành', 'cập nhật', 'số hóa')", HOAI_DUC, """II. NHIỆM VỤ
1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Phòng Tài chính - Kế hoạch vận hành Hệ thống quản lý văn bản và điều hành.
2. Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Phòng Nội vụ số hóa hồ sơ lưu trữ; hoàn thành trong năm 2024.
""", [("II.1", ["Phòng Văn hóa và Thông tin " + HD], ["Phòng Tài chính - Kế hoạch " + HD], None, "Chủ trì, phối hợp"),
      ("II.2", ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân " + HD], ["Phòng Nội vụ " + HD],
       ("once", "2024-12-31", None), "Chủ trì, phối hợp")]),
    ("a weekly duty opened by its frequency", HOAI_DUC, """III. TỔ CHỨC THỰC HIỆN
2. Hằng tuần, Ủy ban nhân dân các xã, thị trấn báo cáo tình hình dịch bệnh về Trung tâm Y tế huyện.
""", [("III.2", ["Ủy ban nhân dân các xã, thị trấn " + HD], [], ("recurring", None, "P1W"), "Báo cáo tình hình")]),
    ("headings and cells typed in capitals keep their deadlines", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính: Bố trí kinh phí thực hiện Kế hoạch. ĐỊNH KỲ 06 THÁNG BÁO CÁO UBND TỈNH.
2. Sở Y tế: KIỂM TRA AN TOÀN THỰC PHẨM, THỰC HIỆN THƯỜNG XUYÊN.
""", [("III.1", ["Sở Tài chính " + NA], [], ("recurring", None, "P6M"), "Bố trí kinh phí"),
      ("III.2", ["Sở Y tế " + NA], [], ("continuous", None, None), "KIỂM TRA AN TOÀN")]),
    ("'c) X: duty': a long proper name runs to the colon", PHU_THO_OFFICE, """2. Giao nhiệm vụ cụ thể:
a) Sở Kế hoạch và Đầu tư: Chủ trì, phối hợp với Sở Tài chính rà soát, điều chuyển vốn; hoàn thành trước ngày 31/7/2024.
c) Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh: Đẩy nhanh tiến độ thi công; giải ngân 100% kế hoạch vốn được giao trước ngày 31/01/2025.
d) Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh: Hoàn thiện hồ sơ thanh toán khối lượng hoàn thành; thời gian thực hiện: thường xuyên.
""", [("2.a", ["Sở Kế hoạch và Đầu tư tỉnh Phú Thọ"], ["Sở Tài chính tỉnh Phú Thọ"], ("once", "2024-07-31", None),
       "Chủ trì, phối hợp"),
      ("2.c", ["Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh Phú Thọ"], [],
       ("once", "2025-01-31", None), "Đẩy nhanh tiến độ"),
      ("2.d", ["Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh Phú Thọ"], [], ("continuous", None, None),
       "Hoàn thiện hồ sơ")]),
    ("a collective of an organ's counterparts ('<organ> các <units>') leads as one group", YEN_BAI_FRONT,
     """III. TỔ CHỨC THỰC HIỆN
3. Văn phòng Ủy ban MTTQ Việt Nam tỉnh: Bảo đảm kinh phí, phương tiện phục vụ Đoàn giám sát; hoàn thành trong quý II/2023.
4. Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố: Xây dựng kế hoạch giám sát tại địa phương; báo cáo kết quả về Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh trước ngày 30/11/2023.
""", [("III.3", ["Văn phòng Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Yên Bái"], [], ("once", "2023-06-30", None), "Bảo đảm kinh phí"),
      ("III.4", ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam các huyện, thị xã, thành phố tỉnh Yên Bái"], [],
       ("once", "2023-11-30", None), "Xây dựng kế hoạch giám sát")]),
    ("a name holding a verb ('Ủy ban kiểm tra') is an agency heading, numbered rooms stay apart", THAI_NGUYEN_UBKT,
     """III- TỔ CHỨC THỰC HIỆN
1. Phòng Nghiệp vụ 1
Chủ trì tham mưu kiểm tra tổ chức đảng và đảng viên khi có dấu hiệu vi phạm (hoàn thành trong quý III/2024).
2. Phòng Nghiệp vụ 2
Chủ trì tham mưu giám sát chuyên đề việc quản lý đất đai (hoàn thành trong tháng 6/2024).
4. Ủy ban kiểm tra các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy
Căn cứ Kế hoạch này xây dựng kế hoạch kiểm tra, giám sát năm 2024 của cấp mình (hoàn thành trước ngày 15/02/2024).
5. Ban Tổ chức Tỉnh ủy phối hợp với Ủy ban kiểm tra các huyện ủy thẩm định hồ sơ kỷ luật đảng viên.
""", [("III.1", ["Phòng Nghiệp vụ 1 Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên"], [], ("once", "2024-09-30", None), "Chủ trì tham mưu"),
      ("III.2", ["Phòng Nghiệp vụ 2 Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên"], [], ("once", "2024-06-30", None), "Chủ trì tham mưu"),
      ("III.4", ["Ủy ban Kiểm tra các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy Thái Nguyên"], [],
       ("once", "2024-02-15", None), "Căn cứ Kế hoạch này"),
      ("III.5", ["Ban Tổ chức Tỉnh ủy Thái Nguyên"], ["Ủy ban Kiểm tra các huyện ủy tỉnh Thái Nguyên"], None, "Phối hợp với")]),
    ("a name that ends in a province's name ends before the verb after it", DA_NANG, """II. NỘI DUNG
1. Tổ chức phổ biến, tuyên truyền Luật
a) Sở Tư pháp chủ trì, phối hợp với Công an thành phố tổ chức hội nghị phổ biến nội
dung Luật cho cán bộ, công chức.
b) Báo và Phát thanh, Truyền hình Đà Nẵng mở chuyên trang, chuyên mục tuyên truyền về
bảo vệ dữ liệu cá nhân.
Thời gian: Thường xuyên.
c) Công an thành phố Đà Nẵng và Sở Tư pháp tổ chức tập huấn cho doanh nghiệp.
4. Sở Khoa học và Công nghệ chủ trì, phối hợp với Công an thành phố rà soát, nâng cấp các
hệ thống thông tin dùng chung của thành phố đáp ứng yêu cầu bảo vệ dữ liệu cá nhân, hoàn
thành trong 6 tháng đầu năm 2026.
""", [("II.1.a", ["Sở Tư pháp " + DN], ["Công an " + DN], None, "Chủ trì, phối hợp"),
      ("II.1.b", ["Báo và Phát thanh, Truyền hình Đà Nẵng"], [], ("continuous", None, None), "Mở chuyên trang"),
      ("II.1.c", ["Công an " + DN, "Sở Tư pháp " + DN], [], None, "Tổ chức tập huấn"),
      ("II.4", ["Sở Khoa học và Công nghệ " + DN], ["Công an " + DN], ("once", "2026-06-30", None), "Chủ trì, phối hợp")]),
    ("a comma inside a room's name ('Mặt trận, đoàn thể') does not split it", DAN_VAN_QN, """III. PHÂN CÔNG THỰC HIỆN
1. Phòng Dân vận chính quyền và Mặt trận, đoàn thể
- Chủ trì tham mưu hướng dẫn các huyện, thị, thành ủy tổ chức sơ kết phong trào thi đua (trước ngày 30/10/2022).
2. Phòng Dân tộc, Tôn giáo
- Chủ trì nắm tình hình hoạt động tôn giáo, báo cáo Thường trực Tỉnh ủy định kỳ hằng quý.
""", [("III.1", ["Phòng Dân vận chính quyền và Mặt trận, đoàn thể Ban Dân vận Tỉnh ủy Quảng Nam"], [],
       ("once", "2022-10-30", None), "Chủ trì tham mưu"),
      ("III.2", ["Phòng Dân tộc, Tôn giáo Ban Dân vận Tỉnh ủy Quảng Nam"], [], ("recurring", None, "P3M"),
       "Chủ trì nắm tình hình")]),
    ("a lower-case line after ';' closing a numbered duty continues it; a plain paragraph's does not", CHINH_PHU,
     """Thủ tướng Chính phủ yêu cầu các bộ, ngành thực hiện các nhiệm vụ sau:
2. Bộ Tài nguyên và Môi trường chỉ đạo Tổng cục Khí tượng Thủy văn nâng cao chất lượng dự báo;
hằng ngày cập nhật bản tin trong thời gian có thiên tai.
4. Bộ Công Thương chỉ đạo kiểm tra an toàn đập, hồ chứa thủy điện trước mùa mưa bão;
hoàn thành trong tháng 7 năm 2024.
5. Bộ Xây dựng
Rà soát quy chuẩn xây dựng nhà ở vùng thiên tai;
hướng dẫn các địa phương kiểm tra công trình.
""", [("2", ["Bộ Tài nguyên và Môi trường"], [], ("recurring", None, "P1D"), "Chỉ đạo Tổng cục"),
      ("4", ["Bộ Công Thương"], [], ("once", "2024-07-31", None), "Chỉ đạo kiểm tra"),
      ("5", ["Bộ Xây dựng"], [], None, "Rà soát quy chuẩn"),
      ("5", ["Bộ Xây dựng"], [], None, "Hướng dẫn các địa phương")]),
    ("parts lettered A, B, C in capitals (Party programmes)", THANH_HOA_TU, """A. MỤC TIÊU
1. Mục tiêu tổng quát
Phát triển nông nghiệp hiệu quả, bền vững.
B. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
1. Đổi mới tư duy, nâng cao nhận thức
Các cấp ủy, tổ chức đảng tổ chức quán triệt sâu sắc Nghị quyết.
2. Hoàn thiện cơ chế, chính sách
Ban cán sự đảng UBND tỉnh chỉ đạo rà soát cơ chế hỗ trợ liên kết sản xuất (hoàn thành trong năm 2024).
C. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Dân vận Tỉnh ủy hướng dẫn tuyên truyền.
""", [("B.1", ["Các cấp ủy, tổ chức đảng tỉnh Thanh Hóa"], [], None, "Tổ chức quán triệt"),
      ("B.2", ["Ban Cán sự Đảng Ủy ban nhân dân tỉnh Thanh Hóa"], [], ("once", "2024-12-31", None), "Chỉ đạo rà soát"),
      ("C.1", ["Ban Tuyên giáo " + TH], ["Ban Dân vận " + TH], None, "Chủ trì, phối hợp")]),
    ("a table with sub-rows '1.1', '1.2' under a row that only heads them", NGHE_AN, """PHỤ LỤC
STT
Nội dung nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian hoàn thành
I
Phát triển hạ tầng
1
Nâng cấp trung tâm dữ liệu
1.1
Mua sắm thiết bị
Sở Thông tin và Truyền thông
Sở Tài chính
Quý IV/2024
1.2
Triển khai phần mềm
Công an tỉnh
Sở Thông tin và Truyền thông
Năm 2025
2
Kết nối cơ sở dữ liệu dân cư
Công an tỉnh
Các sở, ngành
Thường xuyên
""", [("I.1.1", ["Sở Thông tin và Truyền thông " + NA], ["Sở Tài chính " + NA], ("once", "2024-12-31", None), "Mua sắm"),
      ("I.1.2", ["Công an tỉnh Nghệ An"], ["Sở Thông tin và Truyền thông " + NA], ("once", "2025-12-31", None), "Triển khai"),
      ("I.2", ["Công an tỉnh Nghệ An"], ["Các sở, ngành " + NA], ("continuous", None, None), "Kết nối")]),
    ("parts named in words ('Phần thứ hai' / title on the next line, 'PHẦN III. ...')", NGHE_AN, """Phần thứ nhất
MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa các nhiệm vụ của Nghị quyết.
Phần thứ hai
NHIỆM VỤ, GIẢI PHÁP
1. Sở Xây dựng chủ trì rà soát quy hoạch đô thị, hoàn thành trong quý IV/2024.
Phần II của Kế hoạch này do Sở Tài chính bố trí kinh phí.
PHẦN III. TỔ CHỨC THỰC HIỆN
1. Sở Xây dựng theo dõi, tổng hợp, báo cáo UBND tỉnh định kỳ 6 tháng.
""", [("II.1", ["Sở Xây dựng " + NA], [], ("once", "2024-12-31", None), "Chủ trì rà soát"),
      ("II", [], [], None, "Phần II của Kế hoạch này"),  # a sentence, not a part; after a complete item it is the part's
      ("III.1", ["Sở Xây dựng " + NA], [], ("recurring", None, "P6M"), "Theo dõi")]),
    ("the lead named after the duty (', giao X chủ trì', ': X chủ trì')", NGHE_AN, """II. NHIỆM VỤ
1. Rà soát danh mục đầu tư của Chương trình, giao Sở Dân tộc và Tôn giáo chủ trì, phối hợp với Sở Tài chính thực hiện; hoàn thành trước ngày 31/10/2025.
2. Bố trí vốn đối ứng năm 2026 cho Chương trình, giao cho Sở Tài chính chủ trì tham mưu; thời gian: Trong tháng 12/2025.
3. Hỗ trợ đất ở, nhà ở (Dự án 1): Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các xã thực hiện.
4. Tổ chức hội nghị sơ kết, các đơn vị chủ trì theo lĩnh vực.
""", [("II.1", ["Sở Dân tộc và Tôn giáo " + NA], ["Sở Tài chính " + NA], ("once", "2025-10-31", None), "Rà soát"),
      ("II.2", ["Sở Tài chính " + NA], [], ("once", "2025-12-31", None), "Bố trí vốn"),
      ("II.3", ["Sở Nông nghiệp và Môi trường " + NA], ["Ủy ban nhân dân các xã " + NA], None, "Hỗ trợ đất ở"),
      ("II.4", ["Các đơn vị " + NA], [], None, "Tổ chức hội nghị")]),
    # a decision's articles (Nghị định 30/2020/NĐ-CP, Phụ lục I): "Điều 2. Giao X chủ trì ..." is a duty,
    # "Điều 2. Tổ chức thực hiện" heads items ("Điều 2.1"); the act ("Điều 1. Thành lập ..."), when it
    # takes effect and who "thi hành" it are forms, not duties
    ("a decision whose articles assign", NGHE_AN, """QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ công tác triển khai Đề án 06 của tỉnh.
Điều 2. Giao Công an tỉnh chủ trì, phối hợp với Sở Thông tin và Truyền thông tham mưu xây dựng quy chế hoạt động của Tổ công tác, hoàn thành trong tháng 8/2024.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Chánh Văn phòng UBND tỉnh, Giám đốc Công an tỉnh, Giám đốc Sở Thông tin và Truyền thông và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
""", [("Điều 2", ["Công an tỉnh Nghệ An"], ["Sở Thông tin và Truyền thông " + NA], ("once", "2024-08-31", None),
       "Chủ trì, phối hợp")]),
    ("a decision with an article of items, closing articles", NGHE_AN, """QUYẾT ĐỊNH:
Điều 1. Phê duyệt Đề án phát triển du lịch cộng đồng tỉnh Nghệ An giai đoạn 2024 - 2030 (có Đề án kèm theo).
Điều 2. Tổ chức thực hiện
1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các sở, ngành, địa phương tổ chức triển khai thực hiện Đề án.
2. Sở Tài chính: Tham mưu bố trí kinh phí sự nghiệp thực hiện Đề án theo quy định.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1745/QĐ-UBND ngày 20/5/2020 của UBND tỉnh.
Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố và các đơn vị có liên quan thi hành Quyết định này./.
""", [("Điều 2.1", ["Sở Văn hóa, Thể thao và Du lịch " + NA], ["Các sở, ngành, địa phương " + NA], None, "Chủ trì, phối hợp"),
      ("Điều 2.2", ["Sở Tài chính " + NA], [], None, "Tham mưu bố trí")]),
    ("a resolution: policy content, its adoption and what it replaces are no duties", NGHE_AN, """NGHỊ QUYẾT:
Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. Phạm vi điều chỉnh: Nghị quyết này quy định chính sách hỗ trợ liên kết sản xuất.
Điều 2. Nội dung và mức hỗ trợ
1. Hỗ trợ 100% chi phí tư vấn xây dựng liên kết, tối đa không quá 300 triệu đồng.
Chương III
TỔ CHỨC THỰC HIỆN
Điều 3. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này.
2. Nghị quyết này thay thế Nghị quyết số 12/2019/NQ-HĐND ngày 11 tháng 7 năm 2019 của Hội đồng nhân dân tỉnh.
3. Quyết định số 05/2017/QĐ-UBND hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực.
Nghị quyết này đã được Hội đồng nhân dân tỉnh Nghệ An khóa XVIII, Kỳ họp thứ 20 thông qua ngày 10 tháng 5 năm 2024.
""", [("Điều 3.1", ["Ủy ban nhân dân tỉnh Nghệ An"], [], None, "Tổ chức triển khai")]),
    ("a table's header repeated on a new page: the table goes on; a different header starts a new table",
     NGHE_AN, """II. NHIỆM VỤ CỤ THỂ
TT
Nội dung nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
1
Rà soát quy hoạch vùng nguyên liệu
Sở Nông nghiệp và Môi trường
Sở Tài chính
Quý II/2026
TT
Nội dung nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
2
Xây dựng cơ sở dữ liệu doanh nghiệp
Sở Khoa học và Công nghệ
Năm 2026
STT
Nội dung
Đơn vị chủ trì
Thời gian
1
Tổ chức hội nghị sơ kết
Sở Nội vụ
Quý IV/2026
""", [("II.1", ["Sở Nông nghiệp và Môi trường " + NA], ["Sở Tài chính " + NA], ("once", "2026-06-30", None), "Rà soát"),
      ("II.2", ["Sở Khoa học và Công nghệ " + NA], [], ("once", "2026-12-31", None), "Xây dựng cơ sở dữ liệu"),
      ("II.1", ["Sở Nội vụ " + NA], [], ("once", "2026-12-31", None), "Tổ chức hội nghị")]),
    ("a heading whose body's name ends in a field that is a verb; a name ending in 'giáo dục thường xuyên'; "
     "a group of 16 words with a dash", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. Phòng Quản lý quy hoạch và xây dựng
- Rà soát quy hoạch các khu công nghiệp; hoàn thành trong quý III/2024.
2. Các trường trung học phổ thông, trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên
- Cập nhật dữ liệu học sinh lên cơ sở dữ liệu ngành; hoàn thành trong tháng 3/2024.
""", [("III.1", ["Phòng Quản lý quy hoạch và xây dựng"], [], ("once", "2024-09-30", None), "Rà soát quy hoạch"),
      ("III.2", ["Các trường trung học phổ thông, trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên " + NA], [],
       ("once", "2024-03-31", None), "Cập nhật dữ liệu")]),
    ("a committee named for its purpose heads its bullets; a committee then its duty is a task", NGHE_AN,
     """III. TỔ CHỨC THỰC HIỆN
1. Tổ công tác triển khai Đề án 06 của tỉnh (thành lập theo Quyết định số 1275/QĐ-UBND ngày 20/6/2022)
- Chỉ đạo, đôn đốc các sở, ngành; định kỳ hằng tháng báo cáo Ủy ban nhân dân tỉnh.
2. Ban Chỉ đạo tổ chức tổng kết việc thực hiện Kế hoạch trong quý IV/2025.
""", [("III.1", ["Tổ công tác triển khai Đề án 06 của tỉnh Nghệ An"], [], ("recurring", None, "P1M"), "Chỉ đạo, đôn đốc"),
      ("III.2", ["Ban Chỉ đạo tỉnh Nghệ An"], [], ("once", "2025-12-31", None), "Tổ chức tổng kết")]),
    ("an agency heading written 'Đối với X:'", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. Đối với Sở Y tế:
- Hoàn thành kết nối dữ liệu tiêm chủng trong quý II/2024.
2. Đối với học sinh vùng sâu: hỗ trợ kinh phí mua sách giáo khoa.
""", [("III.1", ["Sở Y tế " + NA], [], ("once", "2024-06-30", None), "Hoàn thành kết nối"),
      ("III.2", [], [], None, "Đối với học sinh vùng sâu")]),
    ("the issuer asking other bodies ('X yêu cầu Y ...', 'X đề nghị Y ...'): the bodies asked lead", NGHE_AN,
     """III. TỔ CHỨC THỰC HIỆN
1. Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng tiếp tục quán triệt sâu sắc Nghị quyết.
2. Ủy ban nhân dân tỉnh đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp giám sát việc thực hiện.
3. Rà soát, hoàn thiện cơ chế đáp ứng yêu cầu phát triển; hoàn thành trong năm 2026.
4. Ủy ban nhân dân tỉnh giao Sở Y tế chủ trì, phối hợp với Sở Tài chính bảo đảm thuốc, vật tư y tế.
5. Ủy ban Kiểm tra Đảng ủy Chính phủ đưa nội dung lãnh đạo thực hiện Nghị quyết vào chương trình kiểm tra.
""", [("III.1", ["Các cấp ủy, tổ chức đảng " + NA], [], None, "Tiếp tục quán triệt"),
      ("III.2", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An"], [], None, "Phối hợp giám sát"),
      ("III.3", [], [], ("once", "2026-12-31", None), "Rà soát, hoàn thiện"),
      ("III.4", ["Sở Y tế " + NA], ["Sở Tài chính " + NA], None, "Chủ trì, phối hợp"),
      ("III.5", ["Ủy ban Kiểm tra Đảng ủy Chính phủ"], [], None, "Đưa nội dung lãnh đạo")]),
    ("several assignments in one item: after ';' or a sentence's end, each with its own lead and deadline", NGHE_AN,
     """III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế chủ trì triển khai tiêm chủng mở rộng; Sở Tài chính bảo đảm kinh phí thực hiện (hoàn thành trong quý II/2025).
2. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát văn bản. Giao Công an tỉnh theo dõi, đôn đốc việc thực hiện.
""", [("III.1", ["Sở Y tế " + NA], [], None, "Chủ trì triển khai tiêm chủng mở rộng"),
      ("III.1", ["Sở Tài chính " + NA], [], ("once", "2025-06-30", None), "Bảo đảm kinh phí"),
      ("III.2", ["Sở Nội vụ " + NA], ["Sở Tư pháp " + NA], None, "Chủ trì, phối hợp với Sở Tư pháp rà soát văn bản."),
      ("III.2", ["Công an tỉnh Nghệ An"], [], None, "Theo dõi, đôn đốc")]),
    ("a later clause whose assignee only coordinates names a support, no task of its own", NGHE_AN,
     """III. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương
- Chủ trì xây dựng kế hoạch phát triển thương mại điện tử; các sở, ngành liên quan phối hợp thực hiện.
2. Sở Xây dựng chủ trì rà soát quy hoạch. Ủy ban nhân dân các huyện phối hợp.
""", [("III.1", ["Sở Công Thương " + NA], ["Các sở, ngành liên quan " + NA], None, "Chủ trì xây dựng kế hoạch"),
      ("III.2", ["Sở Xây dựng " + NA], ["Ủy ban nhân dân các huyện tỉnh Nghệ An"], None, "Chủ trì rà soát quy hoạch")]),
    ("clauses with no assignee of their own stay one duty", NGHE_AN, """III. TỔ CHỨC THỰC HIỆN
1. Sở Tài nguyên và Môi trường chủ trì rà soát hiện trạng; đề xuất các cơ chế, chính sách; các đề án, dự án nhằm tăng cường đầu tư. Thời gian: Quý III/2025.
2. Sở Y tế chủ trì hướng dẫn các cơ sở tại TP. Vinh triển khai. Cấp ủy, chính quyền các cấp, trước hết là người đứng đầu chịu trách nhiệm.
""", [("III.1", ["Sở Tài nguyên và Môi trường " + NA], [], ("once", "2025-09-30", None), "Chủ trì rà soát hiện trạng"),
      ("III.2", ["Sở Y tế " + NA], [], None, "Chủ trì hướng dẫn các cơ sở tại TP. Vinh triển khai. Cấp ủy")]),
]


@pytest.mark.parametrize(("name", "issuer", "text", "expected"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_task_shapes(name, issuer, text, expected):
    doc = clean(read_text(text))
    header = DocumentHeader(symbol=None, doc_type="Kế hoạch", title=None, issuer=issuer, place=None,
                            issued_on="2024-05-10")
    tasks = find_tasks(doc, header, AgencyRegistry(issuer))
    got = [(t.section, t.lead, t.support,
            None if t.deadline is None else (t.deadline.kind, t.deadline.due, t.deadline.period)) for t in tasks]
    assert got == [e[:4] for e in expected]
    for t, e in zip(tasks, expected):
        assert t.text.startswith(e[4]), (t.text, e[4])
        assert doc.text[t.offset:].lower().startswith(e[4][:6].lower()) or doc.text[t.offset:].startswith("- ")


def test_reporting_receiver_ends_with_its_province():
    # a lower-case word after the province's name is no word of the receiver's name
    text = """III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị, Ủy ban nhân dân các xã, thị trấn định kỳ 6 tháng báo cáo kết quả thực hiện về Ủy ban nhân dân huyện (qua Phòng Nông nghiệp và Phát triển nông thôn) để tổng hợp, báo cáo Ủy ban nhân dân tỉnh Kiên Giang theo quy định./.
"""
    issuer = Issuer("Ủy ban nhân dân huyện Châu Thành", "district", "Kiên Giang", "Châu Thành", "ubnd")
    doc = clean(read_text(text))
    header = DocumentHeader(None, "Kế hoạch", None, issuer, None, "2023-03-01")
    lines = find_reporting(doc, header, AgencyRegistry(issuer))
    assert {(r.to, r.via, r.period) for r in lines} == {
        ("Ủy ban nhân dân tỉnh Kiên Giang", "Phòng Nông nghiệp và Phát triển nông thôn huyện Châu Thành", "P6M")}


def test_reporting_variants():
    text = """III- TỔ CHỨC THỰC HIỆN
2. Các huyện ủy, thị ủy, thành ủy
Xây dựng chương trình hành động (hoàn thành trong quý IV/2021); định kỳ hằng năm báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy).
"""
    doc = clean(read_text(text))
    header = DocumentHeader(None, "Kế hoạch", None, THANH_HOA_TU, None, "2021-06-01")
    reg = AgencyRegistry(THANH_HOA_TU)
    lines = find_reporting(doc, header, reg)
    assert [(r.from_, r.to, r.via, r.period) for r in lines] == [
        ("Các huyện ủy, thị ủy, thành ủy tỉnh Thanh Hóa", "Ban Thường vụ " + TH, "Ban Tuyên giáo " + TH, "P1Y")]
    text = """III. TỔ CHỨC THỰC HIỆN
2. UBND các quận, huyện, thị xã
- Định kỳ 6 tháng báo cáo kết quả về UBND Thành phố (qua Sở Nội vụ).
"""
    doc = clean(read_text(text))
    header = DocumentHeader(None, "Kế hoạch", None, HA_NOI, None, "2024-01-01")
    lines = find_reporting(doc, header, AgencyRegistry(HA_NOI))
    assert [(r.from_, r.to, r.via, r.period) for r in lines] == [
        ("Ủy ban nhân dân các quận, huyện, thị xã " + HN, "Ủy ban nhân dân " + HN, "Sở Nội vụ " + HN, "P6M")]
    text = """IV. TỔ CHỨC THỰC HIỆN
2. Các sở, ban, ngành, UBND các huyện, thành phố, thị xã gửi báo cáo kết quả thực hiện về Sở Kế hoạch và Đầu tư trước ngày 15/12 hằng năm để tổng hợp, báo cáo UBND tỉnh.
"""
    doc = clean(read_text(text))
    header = DocumentHeader(None, "Kế hoạch", None, NGHE_AN, None, "2024-01-01")
    lines = find_reporting(doc, header, AgencyRegistry(NGHE_AN))
    assert [(r.from_, r.to, r.via, r.period) for r in lines] == [
        ("Các sở, ban, ngành " + NA, "Ủy ban nhân dân " + NA, "Sở Kế hoạch và Đầu tư " + NA, "P1Y"),
        ("Ủy ban nhân dân các huyện, thành phố, thị xã " + NA, "Ủy ban nhân dân " + NA,
         "Sở Kế hoạch và Đầu tư " + NA, "P1Y")]


def test_reporting_receiver_named_with_lower_case_words():
    # the receiver's official name goes on through lower-case words ("... Phát triển nông thôn"),
    # then the period follows: the known name says where it ends
    text = """2. Nhiệm vụ trong thời gian tới
a) Ủy ban nhân dân các huyện, thành phố: Rà soát thiệt hại; báo cáo về Sở Nông nghiệp và Phát triển nông thôn định kỳ hằng tuần.
b) Các sở, ngành: Tổng hợp số liệu, báo cáo Sở Thông tin và Truyền thông trước ngày 15/7/2024.
"""
    doc = clean(read_text(text))
    header = DocumentHeader(None, "Thông báo", None, TIEN_GIANG, None, "2024-06-01")
    lines = find_reporting(doc, header, AgencyRegistry(TIEN_GIANG))
    assert [(r.from_, r.to, r.via, r.period) for r in lines] == [
        ("Ủy ban nhân dân các huyện, thành phố " + TG, "Sở Nông nghiệp và Phát triển nông thôn " + TG, None, "P1W"),
        ("Các sở, ngành " + TG, "Sở Thông tin và Truyền thông " + TG, None, None)]
    text = """III. TỔ CHỨC THỰC HIỆN
2. Hằng tuần, Ủy ban nhân dân các xã, thị trấn báo cáo tình hình dịch bệnh về Trung tâm Y tế huyện.
"""
    doc = clean(read_text(text))
    header = DocumentHeader(None, "Kế hoạch", None, HOAI_DUC, None, "2024-06-01")
    lines = find_reporting(doc, header, AgencyRegistry(HOAI_DUC))
    assert [(r.from_, r.to, r.via, r.period) for r in lines] == [
        ("Ủy ban nhân dân các xã, thị trấn " + HD, "Trung tâm Y tế " + HD, None, "P1W")]


def test_reporting_to_a_position_of_the_own_department_is_no_receiver():
    # "Giám đốc Sở" is the head of the issuing department, not a body named "Sở tiến ...": the name
    # of a Sở goes on only through a capitalised field (Nghị định 30/2020/NĐ-CP, Phụ lục II)
    text = """ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
SỞ Y TẾ
Số: 12/KH-SYT
Bình Thuận, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
Phòng chống dịch bệnh năm 2024
I. MỤC ĐÍCH
Bảo đảm sức khỏe nhân dân.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Nghiệp vụ Y: chủ trì tham mưu triển khai kế hoạch; định kỳ hằng quý báo cáo Giám đốc Sở tiến độ thực hiện.
2. Trung tâm Kiểm soát bệnh tật tỉnh: giám sát dịch bệnh, báo cáo Sở Y tế trước ngày 20 hằng tháng.
3. Các phòng chức năng: báo cáo Sở Tài chính kết quả thực hiện hằng năm.
"""
    parsed = parse_text(text, "kh-syt.txt")
    assert parsed.document.issuer.name == "Sở Y tế tỉnh Bình Thuận"
    assert sorted(r.to for r in parsed.reporting) == ["Sở Tài chính tỉnh Bình Thuận", "Sở Y tế tỉnh Bình Thuận"]


@pytest.mark.parametrize("text,support", [
    # "phối hợp giữa" names a coordination between parties, no support of the duty: the support is
    # what "phối hợp với" names after it
    ("Triển khai có hiệu quả quy chế phối hợp giữa các cơ quan, đơn vị về một số chủ trương, chính sách", None),
    ("Thực hiện quy chế phối hợp giữa các sở; chủ trì, phối hợp với Công an tỉnh triển khai", "Công an tỉnh"),
    ("Sở Y tế chủ trì, phối hợp chặt chẽ với Sở Tài chính thực hiện", "Sở Tài chính"),
    ("Chủ trì phối hợp Phòng Tư pháp rà soát", "Phòng Tư pháp"),
    # without "với", a lower-case word after "phối hợp" is its verb, unless a group follows
    ("Ban nhân dân các ấp phối hợp tổ chức thực hiện tại ấp.", None),
    ("Chủ trì, phối hợp các sở, ngành rà soát", "các sở, ngành"),
])
def test_support_list_after_phoi_hop(text, support):
    from ingest.tasks import _support_text

    assert _support_text(text) == support


@pytest.mark.parametrize("pointer,is_pointer", [
    ("(Chi tiết tại Phụ lục kèm theo)", True),
    ("(Có Phụ lục chi tiết kèm theo)", True),
    ("Nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.", True),
    ("(có phụ lục phân công nhiệm vụ kèm theo)", True),
    ("Các nhiệm vụ cụ thể được phân công tại Phụ lục kèm theo Kế hoạch này.", True),
    ("(Có bảng phân công nhiệm vụ kèm theo)", True),
    ("Xây dựng bảng phân công nhiệm vụ cho các phòng, ban trong quý II/2024", False),  # a duty
    ("Sở Nội vụ: thực hiện các nhiệm vụ tại Phụ lục kèm theo.", False),       # an assignee and a duty
    ("Xây dựng phụ lục hướng dẫn và tập huấn cho cán bộ các xã trong năm 2024", False),  # a duty
])
def test_a_pointer_to_the_appendix_is_no_task(pointer, is_pointer):
    text = f"""ỦY BAN NHÂN DÂN
TỈNH HẬU GIANG
Số: 77/KH-UBND
Hậu Giang, ngày 12 tháng 4 năm 2024
KẾ HOẠCH
Chuyển đổi số năm 2024
II. NHIỆM VỤ, GIẢI PHÁP
{pointer}
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành tổ chức thực hiện.
Nơi nhận:
"""
    tasks = parse_text(text, "kh77.txt").tasks
    assert [t.section for t in tasks] == (["III"] if is_pointer else ["II", "III"])


SIGNED_BY_THE_HEAD = """UBND TỈNH QUẢNG NINH
SỞ Y TẾ
Số: 1520/KH-SYT
Quảng Ninh, ngày 5 tháng 3 năm 2024
KẾ HOẠCH
Phòng, chống dịch bệnh năm 2024
I. NHIỆM VỤ
1. Trung tâm Kiểm soát bệnh tật: chủ trì giám sát; thời gian: Thường xuyên.
2. Các bệnh viện tuyến tỉnh phối hợp thực hiện.
GIÁM ĐỐC
Nguyễn Văn E
"""


def test_a_signature_without_tm_or_kt_ends_the_body():
    # the head of a body signs in their own right, with no "TM."/"KT." line (Nghị định 30/2020/NĐ-CP,
    # Điều 13.1), and a copy may lack "Nơi nhận": the capacity in capitals above a name ends the body
    r = parse_text(SIGNED_BY_THE_HEAD, "kh-syt.txt")
    assert [(t.section, t.text, t.lead) for t in r.tasks] == [
        ("I.1", "Chủ trì giám sát; thời gian: Thường xuyên.", ["Trung tâm Kiểm soát bệnh tật tỉnh Quảng Ninh"]),
        # "phối hợp thực hiện": no bodies after "phối hợp", so coordinating is the duty, not a heading
        ("I.2", "Phối hợp thực hiện.", ["Các bệnh viện tuyến tỉnh Quảng Ninh"])]
    assert (r.document.signer.name, r.document.signer.title) == ("Nguyễn Văn E", "Giám đốc")


@pytest.mark.parametrize("texts,i,expected", [
    (["GIÁM ĐỐC", "", "Nguyễn Văn E"], 0, True),
    (["PHÓ CHỦ TỊCH", "(đã ký)", "Trần Thị Lan"], 0, True),
    (["CHỦ TỊCH", "Các sở, ngành triển khai."], 0, False),          # no name follows: not a signature
    (["ỦY BAN NHÂN DÂN", "Nguyễn Văn E"], 0, False),                # a body, signed under TM.
    (["Giám đốc", "Nguyễn Văn E"], 0, False),                       # not in capitals: running text
    (["III. TỔ CHỨC THỰC HIỆN", "Nguyễn Văn E"], 0, False),
])
def test_signature_title_at(texts, i, expected):
    from ingest.header import signature_title_at

    assert signature_title_at(texts, i) is expected


# --------------------------------------------------------------------------- invariants on arbitrary text

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["III. TỔ CHỨC THỰC HIỆN\n", "II. NHIỆM VỤ, GIẢI PHÁP\n", "1. ", "a) ", "- ", "Sở Nội vụ", "UBND tỉnh",
           " chủ trì, phối hợp với ", "các sở, ngành", " và ", ", ", ": ", "tham mưu ", "báo cáo ", "(qua ",
           ")", "quý IV/2019", " năm 2020", "Định kỳ 06 tháng ", "\n", "PHỤ LỤC\nTT\nNội dung\nCơ quan chủ trì\n"
           "Thời gian\n", "I\n", "1\n", "Thường xuyên\n", "Nơi nhận:\n", "Đề nghị ", "huyện ", "tỉnh "]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=12)), max_size=60),
       st.sampled_from([NGHE_AN, HOAI_DUC, THANH_HOA_TU, None]))
def test_any_text_gives_consistent_tasks(pieces, issuer):
    text = "".join(pieces)
    doc = clean(read_text(text if text.strip() else "x"))  # the read stage refuses blank text
    header = DocumentHeader(None, None, None, issuer, None, "2020-01-01")
    reg = AgencyRegistry(issuer)
    tasks = find_tasks(doc, header, reg)
    lines = find_reporting(doc, header, reg)
    known = {a.name for a in reg.agencies()}
    for t in tasks:
        assert set(t.lead) <= known and set(t.support) <= known
        assert not set(t.lead) & set(t.support)
        assert 0 <= t.offset <= len(doc.text)
        assert t.source in ("body", "appendix")
    for r in lines:
        assert r.from_ in known and r.to in known and r.from_ != r.to


#: The decision of tests/test_header.py that carries its plan, its article 2 now a duty and article 3 the
#: execution formula, its plan given a part of duties.
DECISION_THEN_PLAN = DECISION_WITH_ATTACHED_PLAN.replace(
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n",
    "Điều 2. Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành tổ chức triển khai thực hiện Kế hoạch.\n"
    "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n",
) + "II. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu chuyên gia, hoàn thành trong năm 2022.\n"


def test_a_decision_and_the_plan_it_issues_in_one_file_both_assign():
    """The decision's own article ("Điều 2. Giao Sở Nội vụ chủ trì ...") and the plan's items are both read;
    the act (Điều 1) and the execution formula (Điều 3) are not duties."""
    tasks = ingest.parse_text(DECISION_THEN_PLAN).tasks
    assert [(t.section, t.lead, t.support) for t in tasks] == [
        ("Điều 2", ["Sở Nội vụ tỉnh Bến Tre"], ["Các sở, ngành tỉnh Bến Tre"]),
        ("II.1", ["Sở Khoa học và Công nghệ tỉnh Bến Tre"], []),
    ]


DECISION_ISSUING_RULES = """\
ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
Số: 27/2024/QĐ-UBND
Hà Nam, ngày 19 tháng 7 năm 2024
QUYẾT ĐỊNH
Ban hành Quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh Hà Nam
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh Hà Nam.
Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 8 năm 2024.
Nơi nhận:
- Lưu: VT, KT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Anh Chức
QUY CHẾ
Phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh Hà Nam
(Ban hành kèm theo Quyết định số 27/2024/QĐ-UBND ngày 19 tháng 7 năm 2024 của Ủy ban nhân dân tỉnh Hà Nam)
Chương I. QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp quản lý cụm công nghiệp.
Chương II. TRÁCH NHIỆM CỦA CÁC CƠ QUAN
Điều 5. Sở Công Thương
1. Chủ trì, phối hợp với các sở, ngành tham mưu thành lập, mở rộng cụm công nghiệp.
2. Tổng hợp, báo cáo tình hình hoạt động của các cụm công nghiệp định kỳ 6 tháng.
Điều 6. Sở Tài nguyên và Môi trường
Chủ trì kiểm tra việc chấp hành pháp luật về bảo vệ môi trường tại các cụm công nghiệp; thời gian: Hằng năm.
Điều 7. Trách nhiệm của các cơ quan, đơn vị
1. Sở Xây dựng chủ trì thẩm định quy hoạch chi tiết cụm công nghiệp.
"""


def test_rules_issued_with_a_decision_assign_by_article():
    """A Quy chế after the decision's signature ("(Ban hành kèm theo Quyết định số ...)"): an article headed by an
    agency ("Điều 5. Sở Công Thương") leads its items and paragraphs; one headed by a group leaves its items'
    own leads alone and registers nothing unused."""
    res = ingest.parse_text(DECISION_ISSUING_RULES)
    assert [(t.section, t.lead, t.deadline and t.deadline.period) for t in res.tasks] == [
        ("Điều 5.1", ["Sở Công Thương tỉnh Hà Nam"], None),
        ("Điều 5.2", ["Sở Công Thương tỉnh Hà Nam"], "P6M"),
        ("Điều 6", ["Sở Tài nguyên và Môi trường tỉnh Hà Nam"], "P1Y"),
        ("Điều 7.1", ["Sở Xây dựng tỉnh Hà Nam"], None),
    ]
    assert "Các cơ quan, đơn vị tỉnh Hà Nam" not in {a.name for a in res.agencies}
