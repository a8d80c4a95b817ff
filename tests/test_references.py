"""References, relations, stated edges and aliases (issue #3 point 2), on citation sentences written the way
Vietnamese plans, decisions and Party documents write them. Each sentence is placed in the preamble (after the
title, before "I.") or in the body of a provincial plan of Nghệ An, then parsed end to end."""

from __future__ import annotations

import pytest

import ingest
from ingest.identity import symbol_key


def plan(preamble: str = "", body: str = "", title: str = "Triển khai công tác chuyển đổi số năm 2022") -> str:
    """Return a provincial plan of UBND tỉnh Nghệ An with ``preamble`` and ``body`` lines."""
    return f"""ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 321/KH-UBND
Nghệ An, ngày 15 tháng 9 năm 2022
KẾ HOẠCH
{title}
{preamble}
I. MỤC ĐÍCH, YÊU CẦU
{body}
"""


def refs_of(text: str):
    """Return the references of a parsed text keyed by symbol key."""
    return {symbol_key(r.symbol): r for r in ingest.parse_text(text).references}


PRE, BODY = "preamble", "body"

ROWS = [
    # (where, sentence, symbol, doc_type, issued_on, issuer, relation)
    (PRE, "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
     "30/2020/NĐ-CP", "Nghị định", "2020-03-05", "Chính phủ", "based_on"),
    (PRE, "Căn cứ Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính;",
     "01/2011/TT-BNV", "Thông tư", "2011-01-19", "Bộ Nội vụ", "based_on"),
    (PRE, "Căn cứ Quyết định số 1665/QĐ-TTg ngày 30 tháng 10 năm 2017 của Thủ tướng Chính phủ phê duyệt Đề án “Hỗ trợ học sinh, sinh viên khởi nghiệp đến năm 2025”;",
     "1665/QĐ-TTg", "Quyết định", "2017-10-30", "Thủ tướng Chính phủ", "based_on"),
    (PRE, "Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19,",
     "16/CT-TTg", "Chỉ thị", "2020-03-31", "Thủ tướng Chính phủ", "implements"),
    (PRE, "Thực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XII về Chiến lược phát triển bền vững kinh tế biển Việt Nam,",
     "36-NQ/TW", "Nghị quyết", "2018-10-22", "Ban Chấp hành Trung ương Đảng", "implements"),
    (PRE, "Triển khai Kết luận số 06-KL/TW ngày 01/6/2021 của Bộ Chính trị về thực hiện Nghị quyết số 36-NQ/TW,",
     "06-KL/TW", "Kết luận", "2021-06-01", "Bộ Chính trị", "implements"),
    (PRE, "Căn cứ Kế hoạch số 112/KH-UBND ngày 05/6/2021 của UBND tỉnh Nghệ An về chuyển đổi số;",
     "112/KH-UBND", "Kế hoạch", "2021-06-05", "Ủy ban nhân dân tỉnh Nghệ An", "based_on"),
    (PRE, "Căn cứ Nghị quyết số 05/2021/NQ-HĐND ngày 12/7/2021 của Hội đồng nhân dân tỉnh quy định một số chính sách;",
     "05/2021/NQ-HĐND", "Nghị quyết", "2021-07-12", "Hội đồng nhân dân tỉnh Nghệ An", "based_on"),
    (PRE, "Thực hiện Công văn số 2345/UBND-VX ngày 20/4/2021 của UBND tỉnh về việc tăng cường công tác phòng chống dịch,",
     "2345/UBND-VX", "Công văn", "2021-04-20", "Ủy ban nhân dân tỉnh Nghệ An", "implements"),
    (PRE, "Thực hiện Chương trình hành động số 15-CTr/TU ngày 10/02/2021 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX,",
     "15-CTr/TU", "Chương trình hành động", "2021-02-10", "Tỉnh ủy Nghệ An", "implements"),
    (PRE, "Căn cứ Thông tư liên tịch số 03/2016/TTLT-BNV-BTC ngày 10/5/2016 của Bộ Nội vụ và Bộ Tài chính hướng dẫn chế độ;",
     "03/2016/TTLT-BNV-BTC", "Thông tư liên tịch", "2016-05-10", "Bộ Nội vụ", "based_on"),
    (PRE, "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22 tháng 6 năm 2015;",
     "80/2015/QH13", "Luật", "2015-06-22", "Quốc hội", "based_on"),
    (PRE, "Căn cứ Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng về thể thức và kỹ thuật trình bày văn bản của Đảng;",
     "36-HD/VPTW", "Hướng dẫn", "2018-04-03", "Văn phòng Trung ương Đảng", "based_on"),
    (PRE, "Cụ thể hóa Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII về tinh gọn bộ máy,",
     "18-NQ/TW", "Nghị quyết", "2017-10-25", "Ban Chấp hành Trung ương Đảng", "implements"),
    (PRE, "Thực hiện Nghị quyết Trung ương 7 khóa XII về cải cách chính sách tiền lương đối với cán bộ, công chức, viên chức,",
     "27-NQ/TW", "Nghị quyết", "2018-05-21", "Ban Chấp hành Trung ương Đảng", "implements"),
    (PRE, "Thực hiện Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo,",
     "29-NQ/TW", "Nghị quyết", "2013-11-04", "Ban Chấp hành Trung ương Đảng", "implements"),
    (PRE, "Thực hiện Nghị quyết TW7 khóa X về xây dựng đội ngũ trí thức, UBND tỉnh ban hành Kế hoạch như sau:",
     "27-NQ/TW", "Nghị quyết", "2008-08-06", "Ban Chấp hành Trung ương Đảng", "implements"),
    (BODY, "- Tiếp tục triển khai Quyết định số 2222/QĐ-BGDĐT ngày 24 tháng 7 năm 2020 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
     "2222/QĐ-BGDĐT", "Quyết định", "2020-07-24", "Bộ Giáo dục và Đào tạo", "cites"),
    (BODY, "Sở Y tế chủ trì thực hiện Kế hoạch số 45/KH-SYT ngày 02/3/2021 về tiêm chủng.",
     "45/KH-SYT", "Kế hoạch", "2021-03-02", "Sở Y tế tỉnh Nghệ An", "cites"),
    (BODY, "Xây dựng kế hoạch đào tạo ngoại ngữ theo Quyết định 1659/QĐ-TTg ngày 19/11/2019 của Thủ tướng Chính phủ.",
     "1659/QĐ-TTg", "Quyết định", "2019-11-19", "Thủ tướng Chính phủ", "cites"),
    (BODY, "Quán triệt Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị trong toàn ngành.",
     "05-CT/TW", "Chỉ thị", "2016-05-15", "Bộ Chính trị", "cites"),
    (BODY, "Phối hợp thực hiện Quyết định số 1234/QĐ-UBND ngày 12-5-2021 của UBND tỉnh Hà Tĩnh về liên kết vùng.",
     "1234/QĐ-UBND", "Quyết định", "2021-05-12", "Ủy ban nhân dân tỉnh Hà Tĩnh", "cites"),
    (BODY, "Tham khảo Kế hoạch số 78/KH-UBND của UBND tỉnh Thanh Hoá ngày 10/3/2022 về du lịch.",
     "78/KH-UBND", "Kế hoạch", "2022-03-10", "Ủy ban nhân dân tỉnh Thanh Hóa", "cites"),
    (BODY, "Thực hiện Nghị quyết số 09-NQ/TU ngày 15/11/2021 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số.",
     "09-NQ/TU", "Nghị quyết", "2021-11-15", "Tỉnh ủy Nghệ An", "cites"),
    (BODY, "Học tập kinh nghiệm triển khai Chỉ thị số 12-CT/TU ngày 20/7/2020 của Tỉnh ủy Quảng Ninh.",
     "12-CT/TU", "Chỉ thị", "2020-07-20", "Tỉnh ủy Quảng Ninh", "cites"),
    (BODY, "Trao đổi với các đơn vị thực hiện Kế hoạch số 205/KH-UBND ngày 01/9/2022 của UBND thành phố Hà Nội.",
     "205/KH-UBND", "Kế hoạch", "2022-09-01", "Ủy ban nhân dân thành phố Hà Nội", "cites"),
    (BODY, "Hướng dẫn các xã theo Kế hoạch số 30/KH-UBND ngày 15/3/2021 của UBND huyện Nghi Lộc.",
     "30/KH-UBND", "Kế hoạch", "2021-03-15", "Ủy ban nhân dân huyện Nghi Lộc", "cites"),
    (BODY, "Thực hiện Thông báo kết luận số 25-TB/TU ngày 02/6/2021 của Thường trực Tỉnh ủy.",
     "25-TB/TU", "Thông báo kết luận", "2021-06-02", "Tỉnh ủy Nghệ An", "cites"),
    (BODY, "Tuân thủ Quy định số 66-QĐ/TW ngày 06/02/2017 của Ban Chấp hành Trung ương về thể loại, thẩm quyền ban hành văn bản của Đảng.",
     "66-QĐ/TW", "Quy định", "2017-02-06", "Ban Chấp hành Trung ương Đảng", "cites"),
    (BODY, "Phòng Nội vụ theo dõi việc thực hiện văn bản số 1502/SNV-CCHC ngày 05/8/2022 của Sở Nội vụ.",
     "1502/SNV-CCHC", "Công văn", "2022-08-05", "Sở Nội vụ tỉnh Nghệ An", "cites"),
    # a second clause of one preamble sentence opens with its own cue (after a comma)
    (PRE, "Thực hiện Quyết định số 2140/QĐ-UBND ngày 20/7/2022 của UBND tỉnh Nghệ An về chuyển đổi số, căn cứ Nghị định số "
          "47/2020/NĐ-CP ngày 09/4/2020 của Chính phủ về quản lý, kết nối và chia sẻ dữ liệu số, UBND tỉnh ban hành Kế hoạch như sau:",
     "47/2020/NĐ-CP", "Nghị định", "2020-04-09", "Chính phủ", "based_on"),
    (PRE, "Căn cứ Nghị định số 73/2019/NĐ-CP ngày 05/9/2019 của Chính phủ; thực hiện Chỉ thị số 01/CT-TTg ngày 14/01/2021 "
          "của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:",
     "01/CT-TTg", "Chỉ thị", "2021-01-14", "Thủ tướng Chính phủ", "implements"),
    # a later clause that carries out a direction implements; one the plan is only tied to ("gắn với
    # tiếp tục thực hiện ...": the convention of held-out sets v7, v9 and v15) or that only cites, cites
    (PRE, "Thực hiện Kế hoạch số 45/KH-BCĐ389 ngày 30/10/2024 của Ban Chỉ đạo 389 quốc gia; chỉ đạo của Ủy ban nhân dân "
          "tỉnh tại Văn bản số 1234/UBND-KT ngày 05/11/2024 về chống buôn lậu qua biên giới,",
     "1234/UBND-KT", "Công văn", "2024-11-05", "Ủy ban nhân dân tỉnh Nghệ An", "implements"),
    (PRE, "Theo ý kiến chỉ đạo của Thủ tướng Chính phủ tại Văn bản số 456/VPCP-KGVX ngày 02/3/2024 của Văn phòng "
          "Chính phủ,", "456/VPCP-KGVX", "Công văn", "2024-03-02", "Văn phòng Chính phủ", "implements"),
    (PRE, "Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo, "
          "gắn với tiếp tục thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị về đổi mới giáo dục,",
     "91-KL/TW", "Kết luận", "2024-08-12", "Bộ Chính trị", "cites"),
    (PRE, "Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo, "
          "theo số liệu tại Báo cáo số 88/BC-UBND ngày 12/8/2025 của UBND tỉnh,",
     "88/BC-UBND", "Báo cáo", "2025-08-12", "Ủy ban nhân dân tỉnh Nghệ An", "cites"),
    # the body that proposed the decision issued the proposal it cites (the holder's title names it)
    (PRE, "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 45/TTr-STC ngày 10/3/2024.",
     "45/TTr-STC", "Tờ trình", "2024-03-10", "Sở Tài chính tỉnh Nghệ An", "cites"),
    (PRE, "Xét đề nghị của Công an tỉnh tại Văn bản số 4127/CAT-PA05 ngày 15/10/2025.",
     "4127/CAT-PA05", "Công văn", "2025-10-15", "Công an tỉnh Nghệ An", "cites"),
    # the date written between the type word and "số"
    (BODY, "Thực hiện chính sách hỗ trợ theo Nghị quyết ngày 10/7/2024 số 25/NQ-HĐND của Hội đồng nhân dân tỉnh.",
     "25/NQ-HĐND", "Nghị quyết", "2024-07-10", "Hội đồng nhân dân tỉnh Nghệ An", "cites"),
    (BODY, "Rà soát hồ sơ theo Quyết định ngày 14 tháng 6 năm 2024 số 3120/QĐ-UBND của UBND tỉnh.",
     "3120/QĐ-UBND", "Quyết định", "2024-06-14", "Ủy ban nhân dân tỉnh Nghệ An", "cites"),
    # the issuer written between the type word and "số"
    (PRE, "Triển khai Kế hoạch của Ủy ban nhân dân tỉnh Hà Tĩnh số 77/KH-UBND ngày 02/3/2022 về liên kết phát triển du lịch,",
     "77/KH-UBND", "Kế hoạch", "2022-03-02", "Ủy ban nhân dân tỉnh Hà Tĩnh", "implements"),
    # bare symbols listed after one type word share the date and issuer written after the last
    (BODY, "Tổ chức thực hiện các Kế hoạch số 120/KH-UBND và 121/KH-UBND ngày 02/6/2022 của UBND tỉnh Thanh Hóa.",
     "120/KH-UBND", "Kế hoạch", "2022-06-02", "Ủy ban nhân dân tỉnh Thanh Hóa", "cites"),
    # a department's own code (Nghị định 30/2020: abbreviation of the issuing body) without "của ..."
    (BODY, "Sở Tài chính thẩm định dự toán theo Tờ trình số 305/TTr-SNN ngày 12/8/2022.",
     "305/TTr-SNN", "Tờ trình", "2022-08-12", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An", "cites"),
]


@pytest.mark.parametrize("where,sentence,symbol,doc_type,date,issuer,relation", ROWS,
                         ids=[f"{i:02d}-{r[2]}" for i, r in enumerate(ROWS)])
def test_reference_row(where, sentence, symbol, doc_type, date, issuer, relation):
    text = plan(preamble=sentence) if where == PRE else plan(body=sentence)
    refs = refs_of(text)
    assert symbol_key(symbol) in refs, f"found {[r.symbol for r in refs.values()]}"
    r = refs[symbol_key(symbol)]
    assert (r.doc_type, r.issued_on, r.issuer, r.relation) == (doc_type, date, issuer, relation)
    assert r.mentions and r.mentions[0].offset > 0


def test_generalisation_table_is_large_enough():
    assert len(ROWS) >= 25


ID_ROWS = [
    ("Căn cứ Kế hoạch số 112/KH-UBND ngày 05/6/2021 của UBND tỉnh Nghệ An về chuyển đổi số;", "112/KH-UBND", "112-kh-ubnd--2021--nghe-an"),
    ("Căn cứ Kế hoạch số 112/KH-UBND ngày 05/6/2021 của UBND tỉnh Hà Tĩnh về chuyển đổi số;", "112/KH-UBND", "112-kh-ubnd--2021--ha-tinh"),
    ("Căn cứ Kế hoạch số 30/KH-UBND ngày 15/3/2021 của UBND huyện Nghi Lộc;", "30/KH-UBND", "30-kh-ubnd--2021--nghe-an--nghi-loc"),
    ("Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;", "749/QĐ-TTg", "749-qd-ttg--2020"),
    ("Căn cứ Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị;", "52-NQ/TW", "52-nq-tw--2019"),
    ("Căn cứ Kế hoạch của UBND tỉnh Hà Tĩnh số 77/KH-UBND ngày 02/3/2022;", "77/KH-UBND", "77-kh-ubnd--2022--ha-tinh"),
    ("Căn cứ các Kế hoạch số 120/KH-UBND, 121/KH-UBND ngày 02/6/2022 của UBND tỉnh Hà Tĩnh;", "120/KH-UBND",
     "120-kh-ubnd--2022--ha-tinh"),
    # a department of another (former) province, by its written province; none written: the citing plan's
    ("Trên cơ sở Kế hoạch số 45/KH-SNV ngày 10/4/2025 của Sở Nội vụ tỉnh Hà Giang (cũ), Sở Nội vụ xây dựng Kế hoạch;",
     "45/KH-SNV", "45-kh-snv--2025--ha-giang"),
    ("Căn cứ Kế hoạch số 46/KH-SYT ngày 10/4/2025 của Sở Y tế về tiêm chủng tại tỉnh Hà Giang;", "46/KH-SYT",
     "46-kh-syt--2025--nghe-an"),
]


@pytest.mark.parametrize("sentence,symbol,rid", ID_ROWS)
def test_reference_identity_carries_issuer_and_year(sentence, symbol, rid):
    """Two provinces' 112/KH-UBND stay apart; central symbols carry no place."""
    assert refs_of(plan(preamble=sentence))[symbol_key(symbol)].id == rid


EDGE_ROWS = [
    # two plans of one type joined by "và" share the edge; a former province's issuer "(cũ)" before the cue;
    # the parent named by a short name the document defined ("sau đây gọi là ...", without "tắt")
    ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa "
     "học, công nghệ (sau đây gọi là Nghị quyết số 57); Trên cơ sở Kế hoạch số 112/KH-UBND ngày 14 tháng 3 năm "
     "2025 của Ủy ban nhân dân tỉnh Kiên Giang (cũ) và Kế hoạch số 356/KH-UBND ngày 20 tháng 3 năm 2025 của Ủy "
     "ban nhân dân tỉnh An Giang (cũ) về thực hiện Nghị quyết số 57;",
     {("112/KH-UBND", "57-NQ/TW"), ("356/KH-UBND", "57-NQ/TW")}),
    # (sentence, expected edges as (child, parent))
    ("Căn cứ Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện "
     "Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương, chính sách chủ động tham gia cuộc "
     "Cách mạng công nghiệp lần thứ tư;", {("50/NQ-CP", "52-NQ/TW")}),
    ("Thực hiện Kế hoạch số 99/KH-UBND ngày 10/3/2021 của UBND tỉnh Hà Tĩnh về triển khai thực hiện Quyết định số 1234/QĐ-TTg "
     "ngày 05/8/2020 của Thủ tướng Chính phủ,", {("99/KH-UBND", "1234/QĐ-TTg")}),
    ("Căn cứ Kế hoạch số 10-KH/TU ngày 02/3/2022 của Ban Thường vụ Tỉnh ủy triển khai Kết luận số 01-KL/TW ngày 18/5/2021 "
     "của Bộ Chính trị;", {("10-KH/TU", "01-KL/TW")}),
    ("Căn cứ Quyết định số 1982/QĐ-TTg ngày 18/10/2016 của Thủ tướng Chính phủ về việc ban hành Kế hoạch thực hiện "
     "Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương;", {("1982/QĐ-TTg", "19-NQ/TW")}),
    ("Căn cứ Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 "
     "của Bộ Chính trị;", {("01-KL/TW", "05-CT/TW")}),
    # never across "; " or a sentence
    ("Căn cứ Quyết định số 100/QĐ-TTg ngày 01/02/2021 của Thủ tướng Chính phủ; thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 "
     "của Bộ Chính trị,", set()),
    ("Căn cứ Quyết định số 100/QĐ-TTg ngày 01/02/2021 của Thủ tướng Chính phủ. Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 "
     "của Bộ Chính trị,", set()),
    # the second document is only the subject matter
    ("Thực hiện Quyết định số 14/2014/QĐ-TTg ngày 14/02/2014 của Thủ tướng Chính phủ về hoạt động tư vấn, phản biện và "
     "giám định xã hội của Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam, Quyết định số 20/2020/QĐ-UBND ngày 01/6/2020 "
     "của UBND tỉnh Nghệ An,", set()),
    # an intensifier before the verb keeps the implementing wording; a short name defined in a citation is that
    # document, also as the parent of a stated edge
    ("Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ "
     "liệu về dân cư (sau đây gọi tắt là Đề án 06) và Chỉ thị số 05/CT-TTg ngày 23/02/2023 của Thủ tướng Chính phủ về "
     "tiếp tục đẩy mạnh triển khai Đề án 06,", {("05/CT-TTg", "06/QĐ-TTg")}),
    ("Căn cứ Chỉ thị số 18/CT-TTg ngày 12/5/2022 của Thủ tướng Chính phủ về tăng cường thực hiện Nghị quyết số 01/NQ-CP "
     "ngày 08/01/2022 của Chính phủ;", {("18/CT-TTg", "01/NQ-CP")}),
    # a guidance "hướng dẫn thực hiện (một số điều của)" the document it guides
    ("Căn cứ Quy định số 22-QĐ/TW ngày 28/7/2021 của Ban Chấp hành Trung ương; Hướng dẫn số 02-HD/UBKTTW ngày 18/11/2021 "
     "của Ủy ban Kiểm tra Trung ương hướng dẫn thực hiện một số điều của Quy định số 22-QĐ/TW;", {("02-HD/UBKTTW", "22-QĐ/TW")}),
    ("Căn cứ Thông tư số 01/2021/TT-BNV ngày 11/01/2021 của Bộ Nội vụ hướng dẫn thi hành các điều của Nghị định số "
     "138/2020/NĐ-CP ngày 27/11/2020 của Chính phủ;", {("01/2021/TT-BNV", "138/2020/NĐ-CP")}),
    # an issuer phrase that is not recognised (a slip in its name) still stands before the cue
    ("Thực hiện Kế hoạch số 235-KH/TU ngày 05/7/2024 của Ban Thừờng vụ Tỉnh ủy Lâm Đồng thực hiện Chỉ thị số 35-CT/TW "
     "ngày 14/6/2024 của Bộ Chính trị,", {("235-KH/TU", "35-CT/TW")}),
    # ... but a subject after it ("về ...") is no cue: the later document is only subject matter
    ("Thực hiện Kế hoạch số 12/KH-BCĐ ngày 05/7/2024 của Ban Chỉ đạo về tăng cường công tác quản lý và thực hiện "
     "Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị,", set()),
    # a subject that is only what a document is about, not what it implements
    ("Căn cứ Chỉ thị số 18/CT-TTg ngày 12/5/2022 của Thủ tướng Chính phủ về đẩy mạnh công tác phòng chống thiên tai và "
     "Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ;", set()),
    # two bare parents joined by "và": the plan implements both; a parent's sibling with its own date
    # and issuer goes back to the sentence's list
    ("Căn cứ Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ về chính sách, chế độ (sau đây gọi tắt là Nghị định "
     "178); Thực hiện Kế hoạch số 96/KH-UBND ngày 20/10/2025 của Ủy ban nhân dân tỉnh Tuyên Quang về triển khai thực "
     "hiện Nghị định 178 và Nghị định số 67/2025/NĐ-CP trên địa bàn tỉnh;",
     {("96/KH-UBND", "178/2024/NĐ-CP"), ("96/KH-UBND", "67/2025/NĐ-CP")}),
    ("Thực hiện Kế hoạch số 96-KH/TU ngày 15/11/2021 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 14-KL/TW ngày "
     "22/9/2021 của Bộ Chính trị và Hướng dẫn số 135-HD/BTGTW ngày 18/01/2024 của Ban Tuyên giáo Trung ương;",
     {("96-KH/TU", "14-KL/TW")}),
    # a description naming two plans before the cue; two plan-like documents of two types joined by
    # "và"; a former province's aside "(trước sắp xếp)"
    ("Căn cứ Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương Đảng khóa XII, Nghị quyết số 26/NQ-CP "
     "ngày 05/3/2020 của Chính phủ ban hành Kế hoạch tổng thể và kế hoạch 5 năm của Chính phủ thực hiện Nghị quyết số "
     "36-NQ/TW, Chương trình hành động số 22-CTr/TU ngày 15/3/2019 của Tỉnh ủy Cà Mau (cũ) và Kế hoạch số 40-KH/TU ngày "
     "06/5/2019 của Tỉnh ủy Bạc Liêu (cũ) thực hiện Nghị quyết số 36-NQ/TW;",
     {("26/NQ-CP", "36-NQ/TW"), ("22-CTr/TU", "36-NQ/TW"), ("40-KH/TU", "36-NQ/TW")}),
    ("Thực hiện Kế hoạch số 118/KH-UBND ngày 30/5/2025 của Ủy ban nhân dân tỉnh Yên Bái (cũ) và Kế hoạch số 142/KH-UBND "
     "ngày 05/6/2025 của Ủy ban nhân dân tỉnh Lào Cai (trước sắp xếp) về thực hiện Nghị quyết số 68-NQ/TW của Bộ Chính trị;",
     {("118/KH-UBND", "68-NQ/TW"), ("142/KH-UBND", "68-NQ/TW")}),
    # two parents of one type and issuer, the first with its subject: both implemented; a sibling of
    # another type and issuer after a parent is the sentence's list item (the Lào Cai sample's wording)
    ("Thực hiện Kế hoạch số 20-KH/TU ngày 25/9/2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 71-NQ/TW ngày "
     "22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo và Nghị quyết số 72-NQ/TW ngày 09/9/2025 của "
     "Bộ Chính trị về bảo vệ, chăm sóc sức khỏe Nhân dân;", {("20-KH/TU", "71-NQ/TW"), ("20-KH/TU", "72-NQ/TW")}),
    ("Quán triệt Kết luận số 52-KL/TW ngày 30/5/2019 của Ban Bí thư về tiếp tục thực hiện Nghị quyết Trung ương 7 khóa X "
     "và Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng Chính phủ về xây dựng đội ngũ trí thức;",
     {("52-KL/TW", "27-NQ/TW")}),
    # a department of a named province, which the issuer reader does not know, then the cue
    ("Thực hiện Kế hoạch số 1850/KH-SYT ngày 15/5/2024 của Sở Y tế tỉnh Quảng Trị về triển khai Quyết định số "
     "5316/QĐ-BYT ngày 22/12/2020 của Bộ trưởng Bộ Y tế phê duyệt Chương trình chuyển đổi số y tế,",
     {("1850/KH-SYT", "5316/QĐ-BYT")}),
    # a short name "<type> <number>" belongs to the document of that type and number in its clause,
    # not to the one the clause names last
    ("Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày "
     "15/5/2016 của Bộ Chính trị (sau đây viết tắt là Kết luận 01); Kế hoạch số 112-KH/TU ngày 05/8/2021 của Ban "
     "Thường vụ Tỉnh ủy thực hiện Kết luận 01,", {("01-KL/TW", "05-CT/TW"), ("112-KH/TU", "01-KL/TW")}),
    # a decision issuing a plan with a long title, then the cue
    ("Căn cứ Quyết định số 1580/QĐ-UBND ngày 12 tháng 9 năm 2023 của Ủy ban nhân dân tỉnh Hậu Giang về việc ban hành "
     "Kế hoạch phát triển du lịch nông thôn tỉnh Hậu Giang giai đoạn 2023 - 2025 thực hiện Quyết định số 922/QĐ-TTg;",
     {("1580/QĐ-UBND", "922/QĐ-TTg")}),
    # a decree and a plan joined by "và": only plan-like documents implement as a pair
    ("Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ và Kế hoạch số 40-KH/TU ngày 06/5/2019 của Tỉnh ủy "
     "Bạc Liêu thực hiện Nghị quyết số 36-NQ/TW;", {("40-KH/TU", "36-NQ/TW")}),
    # a guidance document's list of what it guides: every document of it, of any type, is a parent;
    # "một số dự án thuộc" a programme named by the short name the text defined
    ("Căn cứ Luật Quản lý thuế số 38/2019/QH14 ngày 13/6/2019; Căn cứ Thông tư số 78/2021/TT-BTC ngày 17/9/2021 của "
     "Bộ Tài chính hướng dẫn thực hiện một số điều của Luật Quản lý thuế ngày 13/6/2019, Nghị định số 123/2020/NĐ-CP "
     "ngày 19/10/2020 của Chính phủ quy định về hóa đơn, chứng từ;",
     {("78/2021/TT-BTC", "123/2020/NĐ-CP")}),
    ("Căn cứ Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc "
     "gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số (sau đây gọi tắt là Chương trình 1719); Thực hiện "
     "Thông tư số 02/2022/TT-UBDT ngày 30/6/2022 của Ủy ban Dân tộc hướng dẫn thực hiện một số dự án thuộc Chương "
     "trình 1719;", {("02/2022/TT-UBDT", "1719/QĐ-TTg")}),
    # a document cited beside the guided list, after its end, is no parent
    ("Căn cứ Thông tư số 15/2023/TT-BTC ngày 02/3/2023 của Bộ Tài chính hướng dẫn thực hiện một số điều của Nghị định "
     "số 45/2022/NĐ-CP ngày 07/7/2022 của Chính phủ; Căn cứ Quyết định số 321/QĐ-UBND ngày 10/3/2023 của UBND tỉnh;",
     {("15/2023/TT-BTC", "45/2022/NĐ-CP")}),
    # a list under one cue is siblings, not a chain
    ("Căn cứ Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng, Nghị quyết số 107/NQ-CP ngày 09/7/2024 "
     "của Chính phủ và Kế hoạch số 112/KH-UBND ngày 05/6/2021 của UBND tỉnh;", set()),
]


@pytest.mark.parametrize("sentence,expected", EDGE_ROWS, ids=[f"edge{i}" for i in range(len(EDGE_ROWS))])
def test_stated_edges(sentence, expected):
    res = ingest.parse_text(plan(preamble=sentence))
    got = {(symbol_key(e.child), symbol_key(e.parent)) for e in res.stated_edges}
    assert got == {(symbol_key(c), symbol_key(p)) for c, p in expected}
    for e in res.stated_edges:
        assert e.relation == "implements" and e.child_id and e.parent_id


def test_chain_head_implements_and_chained_cites():
    refs = refs_of(plan(preamble="Thực hiện Kế hoạch số 99/KH-UBND ngày 10/3/2021 của UBND tỉnh Hà Tĩnh về triển khai thực hiện "
                                 "Quyết định số 1234/QĐ-TTg ngày 05/8/2020 của Thủ tướng Chính phủ,"))
    assert refs[symbol_key("99/KH-UBND")].relation == "implements"
    assert refs[symbol_key("1234/QĐ-TTg")].relation == "cites"


def test_siblings_share_the_cue():
    refs = refs_of(plan(preamble=EDGE_ROWS[-1][0]))
    assert {r.relation for r in refs.values()} == {"based_on"}
    assert len(refs) == 3


def test_title_names_what_the_plan_implements():
    refs = refs_of(plan(title="Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ về phòng, chống dịch COVID-19",
                        body="Tuyên truyền Chỉ thị số 16/CT-TTg trên các phương tiện thông tin."))
    r = refs[symbol_key("16/CT-TTg")]
    assert r.relation == "implements" and len(r.mentions) == 2 and r.issued_on == "2020-03-31"


def test_strongest_relation_wins():
    refs = refs_of(plan(preamble="Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;\n"
                                 "Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ,",
                        body="Tuyên truyền Quyết định số 749/QĐ-TTg."))
    r = refs[symbol_key("749/QĐ-TTg")]
    assert r.relation == "implements" and len(r.mentions) == 3


def test_short_form_links_to_full_mention():
    refs = refs_of(plan(preamble="Căn cứ Quyết định số 2198/QĐ-TTg ngày 03/12/2010 của Thủ tướng Chính phủ phê duyệt Chiến lược "
                                 "phát triển (sau đây gọi tắt là Quyết định số 2198/QĐ-TTg);",
                        body="Các sở triển khai Quyết định số 2198/QĐ-TTg."))
    assert list(refs) == [symbol_key("2198/QĐ-TTg")]
    r = refs[symbol_key("2198/QĐ-TTg")]
    assert r.relation == "based_on" and len(r.mentions) == 3 and r.issued_on == "2010-12-03"


def test_later_bare_mention_inherits_date_and_issuer():
    refs = refs_of(plan(preamble="Căn cứ Kế hoạch số 112/KH-UBND ngày 05/6/2021 của UBND tỉnh Hà Tĩnh;",
                        body="Phối hợp thực hiện Kế hoạch số 112/KH-UBND."))
    assert len(refs) == 1
    r = refs[symbol_key("112/KH-UBND")]
    assert r.issuer == "Ủy ban nhân dân tỉnh Hà Tĩnh" and len(r.mentions) == 2 and r.id == "112-kh-ubnd--2021--ha-tinh"


def test_a_dated_document_named_again_in_a_list_keeps_its_own_date():
    """"Thực hiện Nghị quyết số 71-NQ/TW, Nghị quyết số 57-NQ/TW ngày 22/12/2024 ...": the list's tail is
    57-NQ/TW's; 71-NQ/TW was dated before, and stays one reference, implemented."""
    refs = refs_of(plan(preamble="Năm học 2025 - 2026 thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị "
                                 "về đột phá phát triển giáo dục và đào tạo. Thực hiện Nghị quyết số 71-NQ/TW, Nghị quyết "
                                 "số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về khoa học, công nghệ, UBND tỉnh ban hành "
                                 "Kế hoạch như sau:"))
    assert sorted(refs) == sorted([symbol_key("71-NQ/TW"), symbol_key("57-NQ/TW")])
    r = refs[symbol_key("71-NQ/TW")]
    assert (r.issued_on, r.relation, len(r.mentions)) == ("2025-08-22", "implements", 2)
    assert refs[symbol_key("57-NQ/TW")].issued_on == "2024-12-22"


def test_ambiguous_bare_mention_is_not_guessed():
    """27-NQ/TW of 2008 and of 2018 in one text: a bare "Nghị quyết số 27-NQ/TW" resolves to neither."""
    res = ingest.parse_text(plan(
        preamble="Căn cứ Nghị quyết số 27-NQ/TW ngày 06/8/2008 của Ban Chấp hành Trung ương Đảng về trí thức;\n"
                 "Căn cứ Nghị quyết số 27-NQ/TW ngày 21/5/2018 của Ban Chấp hành Trung ương Đảng về tiền lương;",
        body="Tuyên truyền Nghị quyết số 27-NQ/TW."))
    by_id = {r.id: r for r in res.references}
    assert set(by_id) == {"27-nq-tw--2008", "27-nq-tw--2018"}
    assert all(len(r.mentions) == 1 for r in by_id.values())


def test_ambiguous_plenum_alias_returns_nothing():
    """Plenum 6 of term XII adopted four resolutions: with no subject words, no reference."""
    assert refs_of(plan(preamble="Thực hiện Nghị quyết Trung ương 6 khóa XII, UBND tỉnh ban hành Kế hoạch như sau:")) == {}


ALIAS_ROWS = [
    ("Nghị quyết Trung ương 7 khóa X về xây dựng đội ngũ trí thức", "27-NQ/TW", "2008-08-06"),
    ("Nghị quyết Trung ương 7 (khóa X) về xây dựng đội ngũ trí thức", "27-NQ/TW", "2008-08-06"),
    ("Nghị quyết TW7 khóa X về xây dựng đội ngũ trí thức", "27-NQ/TW", "2008-08-06"),
    ("Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa X về nông nghiệp, nông dân, nông thôn", "26-NQ/TW", "2008-08-05"),
    ("Nghị quyết Trung ương 7 khóa X về tăng cường sự lãnh đạo của Đảng đối với công tác thanh niên", "25-NQ/TW", "2008-07-25"),
    ("Nghị quyết Trung ương 6 khóa XII về công tác dân số trong tình hình mới", "21-NQ/TW", "2017-10-25"),
    ("Nghị quyết Trung ương 7 khóa XII về cải cách chính sách bảo hiểm xã hội", "28-NQ/TW", "2018-05-23"),
]


@pytest.mark.parametrize("phrase,symbol,date", ALIAS_ROWS)
def test_plenum_aliases(phrase, symbol, date):
    refs = refs_of(plan(body=f"Tiếp tục quán triệt {phrase}."))
    r = refs[symbol_key(symbol)]
    assert r.issued_on == date and r.issuer == "Ban Chấp hành Trung ương Đảng" and r.title


def test_self_reference_is_dropped():
    refs = refs_of(plan(body="Các sở triển khai Kế hoạch số 321/KH-UBND ngày 15/9/2022 của UBND tỉnh."))
    assert refs == {}


def test_stated_edge_ids_match_reference_ids():
    res = ingest.parse_text(plan(preamble=EDGE_ROWS[2][0]))
    ids = {r.id for r in res.references}
    assert all(e.child_id in ids and e.parent_id in ids for e in res.stated_edges)
    e = res.stated_edges[0]
    assert e.child_issuer == "Ủy ban nhân dân tỉnh Hà Tĩnh" and e.parent_issuer == "Thủ tướng Chính phủ"


LAW_ROWS = [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     "Luật Tổ chức chính quyền địa phương", "Luật", "2015-06-19", "Quốc hội", "luat-to-chuc-chinh-quyen-dia-phuong--2015"),
    ("Căn cứ Bộ luật Lao động ngày 20/11/2019;", "Bộ luật Lao động", "Bộ luật", "2019-11-20", "Quốc hội", "bo-luat-lao-dong--2019"),
    ("Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 09 tháng 12 năm 2020;",
     "Pháp lệnh Ưu đãi người có công với cách mạng", "Pháp lệnh", "2020-12-09", "Ủy ban Thường vụ Quốc hội",
     "phap-lenh-uu-dai-nguoi-co-cong-voi-cach-mang--2020"),
]


@pytest.mark.parametrize("sentence,title,doc_type,date,issuer,rid", LAW_ROWS, ids=[r[2] for r in LAW_ROWS])
def test_law_cited_by_name(sentence, title, doc_type, date, issuer, rid):
    refs = [r for r in ingest.parse_text(plan(preamble=sentence)).references if r.symbol is None]
    assert len(refs) == 1
    r = refs[0]
    assert (r.title, r.doc_type, r.issued_on, r.issuer, r.id, r.relation) == (title, doc_type, date, issuer, rid, "based_on")


def test_law_name_needs_a_date():
    assert [r for r in ingest.parse_text(plan(body="Triển khai Luật Đất đai trong năm 2024.")).references] == []


def test_basis_section_items_are_based_on():
    text = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 321/KH-UBND
Nghệ An, ngày 15 tháng 9 năm 2022
KẾ HOẠCH
Phát triển thương mại điện tử năm 2023
I. CĂN CỨ XÂY DỰNG KẾ HOẠCH
- Quyết định số 645/QĐ-TTg ngày 15/5/2020 của Thủ tướng Chính phủ phê duyệt Kế hoạch tổng thể phát triển thương mại điện tử;
- Kế hoạch số 112/KH-UBND ngày 05/6/2021 của UBND tỉnh về chuyển đổi số.
II. MỤC ĐÍCH, YÊU CẦU
1. Thực hiện tốt Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.
"""
    refs = refs_of(text)
    assert refs[symbol_key("645/QĐ-TTg")].relation == "based_on"
    assert refs[symbol_key("112/KH-UBND")].relation == "based_on"
    assert refs[symbol_key("749/QĐ-TTg")].relation == "cites"


def test_nham_cue_implements():
    refs = refs_of(plan(preamble="Nhằm cụ thể hóa Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch."))
    assert refs[symbol_key("16/CT-TTg")].relation == "implements"


def test_unknown_issuer_code_is_scoped_to_the_citing_province():
    refs = refs_of(plan(body="Phối hợp thực hiện Kế hoạch số 123/KH-BCĐ ngày 02/4/2022 về phòng chống dịch."))
    r = refs[symbol_key("123/KH-BCĐ")]
    assert r.id == "123-kh-bcd--2022--nghe-an" and r.issuer is None and r.doc_type == "Kế hoạch"
    assert r.issuer_province == "Nghệ An"  # the scope its id carries is reported with it


OWN_PLAN_ROWS = [
    ("Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia, "
     "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Quyết định số 749/QĐ-TTg như sau:", "749/QĐ-TTg"),
    ("Ủy ban nhân dân tỉnh Nghệ An ban hành Kế hoạch thực hiện Chương trình hành động số 15-CTr/TU, cụ thể như sau:", "15-CTr/TU"),
    ("Để cụ thể hóa các nhiệm vụ, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch triển khai thực hiện Kết luận số 01-KL/TW ngày "
     "18/5/2021 của Bộ Chính trị như sau:", "01-KL/TW"),
]


@pytest.mark.parametrize("sentence,symbol", OWN_PLAN_ROWS)
def test_own_plan_announcement_implements(sentence, symbol):
    assert refs_of(plan(preamble=sentence))[symbol_key(symbol)].relation == "implements"


def test_body_plan_of_others_is_not_implements():
    # in the body the same words are a task of the departments, not what this plan implements
    refs = refs_of(plan(body="a) Các sở, ngành xây dựng Kế hoạch thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ."))
    assert refs[symbol_key("749/QĐ-TTg")].relation == "cites"


SUBJECT_ROWS = [
    ("Thực hiện Kế hoạch số 99/KH-UBND ngày 10/3/2021 của UBND tỉnh Hà Tĩnh về triển khai thực hiện Quyết định số 1234/QĐ-TTg "
     "ngày 05/8/2020 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
     "99/KH-UBND", "Về triển khai thực hiện Quyết định số 1234/QĐ-TTg ngày 05/8/2020 của Thủ tướng Chính phủ"),
    ("Căn cứ Quyết định số 899/QĐ-TTg ngày 31/7/2023 của Thủ tướng Chính phủ phê duyệt Chiến lược quốc gia về thu hút, trọng dụng "
     "nhân tài đến năm 2030, tầm nhìn đến năm 2050;", "899/QĐ-TTg",
     "Phê duyệt Chiến lược quốc gia về thu hút, trọng dụng nhân tài đến năm 2030, tầm nhìn đến năm 2050"),
    ("Căn cứ Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng, Nghị quyết số 107/NQ-CP ngày 09/7/2024 "
     "của Chính phủ;", "45-NQ/TW", None),
    ("Căn cứ Quyết định số 2198/QĐ-TTg ngày 03/12/2010 của Thủ tướng Chính phủ về việc phê duyệt Chiến lược phát triển thanh niên "
     "Việt Nam (sau đây gọi tắt là Quyết định số 2198/QĐ-TTg);", "2198/QĐ-TTg",
     "Về việc phê duyệt Chiến lược phát triển thanh niên Việt Nam"),
]


@pytest.mark.parametrize("sentence,symbol,title", SUBJECT_ROWS, ids=[r[1] for r in SUBJECT_ROWS])
def test_subject_of_a_cited_document(sentence, symbol, title):
    assert refs_of(plan(preamble=sentence))[symbol_key(symbol)].title == title


# --------------------------------------------------------------------------- held-out v2 generalisation (issue #3)

SECOND_UNDER_CUE_ROWS = [
    # (preamble sentence, {symbol: relation}): a second full citation after the first one's subject
    ("Thực hiện Chỉ thị số 47-CT/TW ngày 25/6/2015 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng đối với công tác "
     "phòng cháy, chữa cháy và Nghị định số 136/2020/NĐ-CP ngày 24/11/2020 của Chính phủ quy định chi tiết một số điều "
     "và biện pháp thi hành Luật Phòng cháy và chữa cháy; để chủ động phòng ngừa, Chủ tịch UBND tỉnh yêu cầu:",
     {"47-CT/TW": "implements", "136/2020/NĐ-CP": "implements"}),
    ("Thực hiện Nghị quyết số 05-NQ/TU ngày 06/8/2021 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số đến năm 2025, "
     "định hướng đến năm 2030 và Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát "
     "triển ứng dụng dữ liệu về dân cư;", {"05-NQ/TU": "implements", "06/QĐ-TTg": "implements"}),
    ("Căn cứ Nghị định số 59/2022/NĐ-CP ngày 05/9/2022 của Chính phủ quy định về định danh và xác thực điện tử; "
     "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án;",
     {"59/2022/NĐ-CP": "based_on", "06/QĐ-TTg": "based_on"}),
    # the subject implements something itself: what follows is that subject's, not a sibling
    ("Thực hiện Kế hoạch số 99/KH-UBND ngày 10/3/2021 của UBND tỉnh Hà Tĩnh về triển khai thực hiện Đề án của tỉnh và "
     "Quyết định số 1234/QĐ-TTg ngày 05/8/2020 của Thủ tướng Chính phủ,",
     {"99/KH-UBND": "implements", "1234/QĐ-TTg": "cites"}),
    # the head of the clause gives the relation, whether or not the issuer phrase is recognised (an OCR slip
    # "Thừờng" in it, or the OCR-repaired "Thuờng")
    ("Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp (sau đây viết tắt là "
     "Chỉ thị 35) và Kế hoạch số 235-KH/TU ngày 05/7/2024 của Ban Thừờng vụ Tỉnh ủy Lâm Đồng thực hiện Chỉ thị số 35-CT/TW,",
     {"35-CT/TW": "implements", "235-KH/TU": "implements"}),
    ("Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp (sau đây viết tắt là "
     "Chỉ thị 35) và Kế hoạch số 235-KH/TU ngày 05/7/2024 của Ban Thuờng vụ Tỉnh ủy Lâm Đồng thực hiện Chỉ thị số 35-CT/TW,",
     {"35-CT/TW": "implements", "235-KH/TU": "implements"}),
    # ... but a subject that implements no document ("tổ chức thực hiện các chương trình", "về thực hiện
    # dân chủ") leaves the next document of the "Căn cứ" list a sibling (held-out v4)
    ("Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ quy định cơ chế quản lý, tổ chức thực hiện các "
     "chương trình mục tiêu quốc gia và Nghị định số 38/2023/NĐ-CP ngày 24/6/2023 của Chính phủ sửa đổi, bổ sung một số "
     "điều của Nghị định số 27/2022/NĐ-CP;", {"27/2022/NĐ-CP": "based_on", "38/2023/NĐ-CP": "based_on"}),
    ("Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ trong hoạt động của cơ quan "
     "hành chính nhà nước và Hướng dẫn số 12-HD/BDVTW ngày 20/01/2022 của Ban Dân vận Trung ương về nhiệm vụ công tác "
     "dân vận năm 2022;", {"04/2015/NĐ-CP": "based_on", "12-HD/BDVTW": "based_on"}),
    # a law named before its number ("Luật Căn cước số ...") is still the next document of the list
    ("Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ; Luật Căn cước số 26/2023/QH15 ngày 27 tháng 11 "
     "năm 2023;", {"13/2023/NĐ-CP": "based_on", "26/2023/QH15": "based_on"}),
    ("Căn cứ Nghị định số 145/2020/NĐ-CP ngày 14/12/2020 của Chính phủ và Bộ luật Lao động số 45/2019/QH14 ngày "
     "20 tháng 11 năm 2019;", {"145/2020/NĐ-CP": "based_on", "45/2019/QH14": "based_on"}),
    # a bare symbol (no date, no issuer of its own) after a subject is only named in it
    ("Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ về phòng, chống dịch và Quyết định số 219/QĐ-BYT,",
     {"16/CT-TTg": "implements", "219/QĐ-BYT": "cites"}),
]


@pytest.mark.parametrize("sentence,expected", SECOND_UNDER_CUE_ROWS, ids=[f"cue{i}" for i in range(len(SECOND_UNDER_CUE_ROWS))])
def test_second_full_citation_under_one_cue(sentence, expected):
    refs = refs_of(plan(preamble=sentence))
    assert {s: refs[symbol_key(s)].relation for s in expected} == expected


def test_typed_list_does_not_share_a_tail_and_edge_is_found_in_a_duty():
    """ "Chỉ thị số 47-CT/TW, Kết luận số 02-KL/TW ngày 18/5/2021 của Ban Bí thư": the date is the Kết luận's
    only; the stated edge 02-KL/TW -> 47-CT/TW is found in a duty of the body, not only in the preamble."""
    res = ingest.parse_text(plan(
        preamble="Thực hiện Chỉ thị số 47-CT/TW ngày 25/6/2015 của Ban Bí thư về phòng cháy, chữa cháy,",
        body="1. Công an tỉnh\nQuán triệt, thực hiện nghiêm Chỉ thị số 47-CT/TW, Kết luận số 02-KL/TW ngày 18/5/2021 của "
             "Ban Bí thư về tiếp tục thực hiện Chỉ thị số 47-CT/TW; định kỳ hằng năm."))
    by_key = {symbol_key(r.symbol): r for r in res.references}
    assert by_key[symbol_key("47-CT/TW")].id == "47-ct-tw--2015" and len(by_key[symbol_key("47-CT/TW")].mentions) == 3
    assert by_key[symbol_key("02-KL/TW")].relation == "cites"
    assert {(symbol_key(e.child), symbol_key(e.parent)) for e in res.stated_edges} == {
        (symbol_key("02-KL/TW"), symbol_key("47-CT/TW"))}
    assert len(res.references) == 2


SHORT_NAME_ROWS = [
    # (title, preamble, body, symbol, relation, mentions)
    ("Triển khai Đề án 06 trên địa bàn tỉnh năm 2022",
     "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu "
     "về dân cư (sau đây gọi tắt là Đề án 06);", "Công an tỉnh thường trực Tổ công tác Đề án 06.",
     "06/QĐ-TTg", "implements", 3),
    ("Thực hiện Chương trình 1719 năm 2023",
     "Căn cứ Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia "
     "phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi (sau đây viết tắt là Chương trình 1719);", "",
     "1719/QĐ-TTg", "implements", 2),
    # used only in the body: the relation stays the citation's own, the use is one more mention
    ("Tuyên truyền chuyển đổi số năm 2022",
     "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu "
     "về dân cư (sau đây gọi tắt là Đề án 06);", "Các sở phối hợp triển khai Đề án 06; Đề án 061 là khác.",
     "06/QĐ-TTg", "based_on", 2),
    # the plan's own type word as a short name: "Kế hoạch" in the text is mostly the plan itself
    ("Triển khai Kế hoạch năm 2022",
     "Thực hiện Kế hoạch số 112/KH-UBND ngày 05/6/2021 của UBND tỉnh Hà Tĩnh (sau đây gọi tắt là Kế hoạch);",
     "Các sở thực hiện Kế hoạch này.", "112/KH-UBND", "implements", 1),
    # "(sau đây gọi là ...)" without "tắt" defines a short name too
    ("Triển khai Nghị quyết 68 năm 2025",
     "Căn cứ Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân (sau đây gọi là "
     "Nghị quyết 68);", "Quán triệt Nghị quyết 68 đến cán bộ, đảng viên.", "68-NQ/TW", "implements", 3),
    # a definition in a later clause names something else: "...; Điều 1. Phê duyệt Đề án ... (sau đây gọi tắt là
    # Đề án)" is the decision's own Đề án, not the resolution cited in the clause before
    ("Phê duyệt Đề án phát triển nhân lực công nghệ số",
     "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ;\n"
     "Điều 1. Phê duyệt Đề án phát triển nguồn nhân lực công nghệ số (sau đây gọi tắt là Đề án).",
     "Các bộ triển khai Đề án.", "57-NQ/TW", "based_on", 1),
]


@pytest.mark.parametrize("title,preamble,body,symbol,relation,count", SHORT_NAME_ROWS, ids=[r[3] + r[4] for r in SHORT_NAME_ROWS])
def test_short_name_carries_the_relation_where_used(title, preamble, body, symbol, relation, count):
    refs = refs_of(plan(title=title, preamble=preamble, body=body))
    r = refs[symbol_key(symbol)]
    assert (r.relation, len(r.mentions)) == (relation, count)
    assert len(refs) == 1


DECISION_ATTACHING_A_PLAN = """\
ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 3318/QĐ-UBND
Bình Định, ngày 14 tháng 10 năm 2022
QUYẾT ĐỊNH
Ban hành Kế hoạch triển khai Nghị quyết của Chính phủ năm 2022
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ ban hành Chương trình hành động;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai Nghị quyết số 50/NQ-CP trên địa bàn tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1207/QĐ-UBND ngày 11/4/2022 của Chủ tịch UBND tỉnh.
"""


def test_article_one_attaching_a_plan_implements():
    refs = {symbol_key(r.symbol): r for r in ingest.parse_text(DECISION_ATTACHING_A_PLAN).references if r.symbol}
    assert refs[symbol_key("50/NQ-CP")].relation == "implements"
    assert refs[symbol_key("1207/QĐ-UBND")].relation == "cites"


PLENUM_ROWS_V2 = [
    ("Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng", "04-NQ/TW", "2016-10-30"),
    ("Nghị quyết Trung ương 4 khóa XII về đổi mới mô hình tăng trưởng", "05-NQ/TW", "2016-11-01"),
    ("Nghị quyết Trung ương 4 khóa XI về một số vấn đề cấp bách về xây dựng Đảng hiện nay", "12-NQ/TW", "2012-01-16"),
    ("Nghị quyết Trung ương 9 khóa XI về xây dựng và phát triển văn hóa, con người Việt Nam", "33-NQ/TW", "2014-06-09"),
    ("Nghị quyết Trung ương 5 khóa XII về phát triển kinh tế tư nhân", "10-NQ/TW", "2017-06-03"),
    ("Nghị quyết Trung ương 8 khóa XII về Chiến lược phát triển bền vững kinh tế biển", "36-NQ/TW", "2018-10-22"),
    ("Nghị quyết Trung ương 5 khóa XIII về nông nghiệp, nông dân, nông thôn", "19-NQ/TW", "2022-06-16"),
    ("Nghị quyết Hội nghị Trung ương 6 khóa XIII về công nghiệp hóa, hiện đại hóa đất nước đến năm 2030", "29-NQ/TW", "2022-11-17"),
]


@pytest.mark.parametrize("phrase,symbol,date", PLENUM_ROWS_V2, ids=[r[1] for r in PLENUM_ROWS_V2])
def test_more_plenum_aliases(phrase, symbol, date):
    refs = refs_of(plan(body=f"Gắn với thực hiện {phrase}."))
    r = refs[symbol_key(symbol)]
    assert (r.issued_on, r.issuer, r.relation) == (date, "Ban Chấp hành Trung ương Đảng", "cites")


def test_city_party_committee_under_a_province_is_district_level():
    """ "Nghị quyết số 03-NQ/TU ... của Thành ủy Hội An": Hội An is a city of Quảng Nam, so the /TU document is
    the district-level committee's, and its id carries the district."""
    text = plan(preamble="Thực hiện Nghị quyết số 03-NQ/TU ngày 19/7/2021 của Thành ủy Hội An về phát triển du lịch xanh;")
    r = refs_of(text)[symbol_key("03-NQ/TU")]
    assert (r.issuer, r.issuer_level, r.issuer_province, r.issuer_district) == ("Thành ủy Hội An", "district", "Quảng Nam", "Hội An")
    assert r.id == "03-nq-tu--2021--quang-nam--hoi-an" and r.relation == "implements"


# --------------------------------------------------------------------------- held-out v4 generalisation (issue #3)

YEAR_ONLY_ROWS = [
    # (preamble sentence, symbol, year its id carries, stated edges)
    ("Thực hiện Chỉ thị số 05/CT-TTg năm 2023 về tiếp tục đẩy mạnh triển khai Quyết định số 06/QĐ-TTg tại các bộ, "
     "ngành, địa phương;", "05/CT-TTg", "2023", {("05/CT-TTg", "06/QĐ-TTg")}),
    ("Thực hiện Nghị quyết số 57-NQ/TW năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ;",
     "57-NQ/TW", "2024", set()),
    # a year that opens a phrase of its own is not the document's
    ("Thực hiện Kế hoạch số 20/KH-UBND năm 2025 và những năm tiếp theo;", "20/KH-UBND", None, set()),
]


@pytest.mark.parametrize("sentence,symbol,year,edges", YEAR_ONLY_ROWS, ids=[r[1] for r in YEAR_ONLY_ROWS])
def test_year_written_without_a_day(sentence, symbol, year, edges):
    result = ingest.parse_text(plan(preamble=sentence), "plan.txt")
    ref = {symbol_key(r.symbol): r for r in result.references}[symbol_key(symbol)]
    assert ref.issued_on is None
    if year is not None:
        assert f"--{year}" in ref.id
    else:
        assert "--2025" not in ref.id
    assert {(e.child, e.parent) for e in result.stated_edges} == edges
