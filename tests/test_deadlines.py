"""Deadline normalisation: real deadline cells and phrases -> (kind, due, period) (issue #3, "Deadlines")."""

from __future__ import annotations

import pytest

from ingest.deadlines import find_deadline, find_period, parse_deadline

# (text as written in a plan, default year, kind, due, period)
CELLS = [
    # evenly spaced months or quarters of each year: the period between them; uneven ones stay yearly
    ("Tháng 6 và tháng 12 hằng năm", None, "recurring", None, "P6M"),
    ("Quý II và quý IV hàng năm", None, "recurring", None, "P6M"),
    ("tháng 3, tháng 6, tháng 9 và tháng 12 hằng năm", None, "recurring", None, "P3M"),
    ("Tháng 6 và tháng 10 hằng năm", None, "recurring", None, "P1Y"),
    ("Thường xuyên", None, "continuous", None, None),
    ("thường xuyên, liên tục", None, "continuous", None, None),
    ("Hằng năm", None, "recurring", None, "P1Y"),
    ("Hàng năm", None, "recurring", None, "P1Y"),
    ("Định kỳ hằng năm", None, "recurring", None, "P1Y"),
    ("Định kỳ hàng năm", None, "recurring", None, "P1Y"),
    ("hàng quý", None, "recurring", None, "P3M"),
    ("Hằng quý", None, "recurring", None, "P3M"),
    ("Hằng tháng", None, "recurring", None, "P1M"),
    # every day: ISO 8601 P1D (monitoring and reporting duties of epidemic and disaster plans)
    ("Hằng ngày", None, "recurring", None, "P1D"),
    ("Hàng ngày", None, "recurring", None, "P1D"),
    ("Định kỳ hằng ngày", None, "recurring", None, "P1D"),
    ("Mỗi ngày", None, "recurring", None, "P1D"),
    ("Định kỳ 06 tháng", None, "recurring", None, "P6M"),
    ("Định kỳ 6 tháng", None, "recurring", None, "P6M"),
    ("Định kỳ 03 tháng", None, "recurring", None, "P3M"),
    ("6 tháng/lần", None, "recurring", None, "P6M"),
    ("Năm 2024", None, "once", "2024-12-31", None),
    ("Năm 2025", None, "once", "2025-12-31", None),
    # quarters listed with one year: due at the end of the last one listed
    ("Quý III, IV/2024", None, "once", "2024-12-31", None),
    ("Quý I, II/2024", None, "once", "2024-06-30", None),
    ("quý I và quý II năm 2025", None, "once", "2025-06-30", None),
    ("Quý I - II/2026", None, "once", "2026-06-30", None),
    ("quý IV-2024", None, "once", "2024-12-31", None),
    # "Từ ..." with no end: the duty runs from then on (a span with its end is due at the end)
    ("Từ năm 2026", None, "continuous", None, None),
    ("Từ quý III/2025", None, "continuous", None, None),
    ("từ tháng 7/2025", None, "continuous", None, None),
    ("Từ ngày 01/7/2025", None, "continuous", None, None),
    ("Từ năm 2026 đến năm 2030", None, "once", "2030-12-31", None),
    ("trong năm 2020", None, "once", "2020-12-31", None),
    ("hoàn thành trong năm 2020", None, "once", "2020-12-31", None),
    ("2025", None, "once", "2025-12-31", None),
    ("trong quý II năm 2020", None, "once", "2020-06-30", None),
    ("quý IV/2019", None, "once", "2019-12-31", None),
    ("Quý I/2021", None, "once", "2021-03-31", None),
    ("Quý 3/2024", None, "once", "2024-09-30", None),
    ("Quý III", 2022, "once", "2022-09-30", None),
    ("tháng 10/2019", None, "once", "2019-10-31", None),
    ("Tháng 02 năm 2024", None, "once", "2024-02-29", None),
    ("Tháng 12", 2023, "once", "2023-12-31", None),
    ("trước ngày 30/6/2020", None, "once", "2020-06-30", None),
    ("trước 30/6/2020", None, "once", "2020-06-30", None),
    ("Trước ngày 15 tháng 11 năm 2021", None, "once", "2021-11-15", None),
    ("6 tháng đầu năm 2024", None, "once", "2024-06-30", None),
    ("06 tháng cuối năm 2024", None, "once", "2024-12-31", None),
    ("2021-2025", None, "once", "2025-12-31", None),
    ("giai đoạn 2021-2025", None, "once", "2025-12-31", None),
    ("Giai đoạn 2021 - 2030", None, "once", "2030-12-31", None),
    ("Năm 2024-2025", None, "once", "2025-12-31", None),
    ("Từ năm 2021 đến năm 2025", None, "once", "2025-12-31", None),
    ("Năm 2024 và hằng năm", None, "recurring", "2024-12-31", "P1Y"),  # the first due, then every year
    ("Tháng 6 hằng năm", 2024, "recurring", None, "P1Y"),  # no year of its own: every year
    ("Quý I hàng năm", 2024, "recurring", None, "P1Y"),
    ("Quý IV/2024 và các năm tiếp theo", None, "recurring", "2024-12-31", "P1Y"),
    ("Theo tiến độ được phê duyệt", None, "unspecified", None, None),
    ("Thực hiện theo lộ trình", None, "unspecified", None, None),
    ("Khi có yêu cầu", None, "unspecified", None, None),
    ("Theo kế hoạch của UBND tỉnh", None, "unspecified", None, None),
    # every week: ISO 8601 P1W, like hằng tháng P1M, hằng quý P3M, 6 tháng P6M, hằng năm P1Y
    ("Hằng tuần", None, "recurring", None, "P1W"),
    ("Hàng tuần", None, "recurring", None, "P1W"),
    ("Định kỳ hằng tuần", None, "recurring", None, "P1W"),
    ("định kỳ hàng tuần", None, "recurring", None, "P1W"),
    ("Mỗi tuần", None, "recurring", None, "P1W"),
    ("Mỗi tháng", None, "recurring", None, "P1M"),
    ("Mỗi quý", None, "recurring", None, "P3M"),
    ("Mỗi năm", None, "recurring", None, "P1Y"),
    # cells typed in capitals
    ("HẰNG TUẦN", None, "recurring", None, "P1W"),
    ("ĐỊNH KỲ 06 THÁNG", None, "recurring", None, "P6M"),
    ("THƯỜNG XUYÊN", None, "continuous", None, None),
    ("QUÝ III/2024", None, "once", "2024-09-30", None),
    ("THEO TIẾN ĐỘ ĐƯỢC PHÊ DUYỆT", None, "unspecified", None, None),
    # a day of every month or quarter
    ("Trước ngày 25 hằng tháng", None, "recurring", None, "P1M"),
    ("Trước ngày 20 của tháng cuối quý", None, "recurring", None, "P3M"),
    ("Chậm nhất ngày 15 tháng cuối mỗi quý", None, "recurring", None, "P3M"),
    # a span of two periods: due at the end of the second
    ("Quý I/2026 - Quý II/2026", None, "once", "2026-06-30", None),
    ("Tháng 3/2025 đến tháng 6/2025", None, "once", "2025-06-30", None),
    # a first due date, then every year: recurring, due the first time
    ("Tháng 12/2025 và hằng năm", None, "recurring", "2025-12-31", "P1Y"),
    ("Quý IV/2025 và các năm tiếp theo", None, "recurring", "2025-12-31", "P1Y"),
    ("Năm 2026 và những năm tiếp theo", None, "recurring", "2026-12-31", "P1Y"),
    ("Trước ngày 31/3/2026 và hàng năm", None, "recurring", "2026-03-31", "P1Y"),
]


@pytest.mark.parametrize(("text", "year", "kind", "due", "period"), CELLS)
def test_parse_deadline_cells(text, year, kind, due, period):
    dl = parse_deadline(text, year)
    assert dl is not None, text
    assert (dl.kind, dl.due, dl.period) == (kind, due, period)
    assert dl.text == text.strip()


@pytest.mark.parametrize("text", [
    "", "   ", "Sở Nội vụ", "Các sở, ngành, đơn vị liên quan", "Kế hoạch", "Báo cáo kết quả",
    "Quý I",  # no year given and no default year: nothing to compute
    "31/6/2020",  # not a date
])
def test_parse_deadline_none(text):
    assert parse_deadline(text) is None


# (running text of a duty, default year, deadline text, kind, due, period)
BODY = [
    ("Tổ chức phổ biến, quán triệt (tổ chức học tập, quán triệt xong trong quý IV/2019); thường xuyên lãnh đạo "
     "kiểm tra. Định kỳ 06 tháng báo cáo tình hình về Ban Thường vụ Tỉnh ủy.", None,
     "xong trong quý IV/2019", "once", "2019-12-31", None),
    ("xây dựng chiến lược phát triển đội ngũ trí thức của tỉnh giai đoạn 2021-2030 (hoàn thành trong năm 2020).", None,
     "hoàn thành trong năm 2020", "once", "2020-12-31", None),
    ("Trong quý II năm 2020, các Phòng, ban ngành và các xã, thị trấn phối hợp chặt chẽ", None,
     "Trong quý II năm 2020", "once", "2020-06-30", None),
    ("Định hướng công tác tuyên truyền (tổ chức phổ biến, quán triệt xong trong tháng 10/2019).", None,
     "xong trong tháng 10/2019", "once", "2019-10-31", None),
    ("Sở Tài chính tổng hợp, trình UBND tỉnh trước ngày 30/6/2021.", None,
     "trước ngày 30/6/2021", "once", "2021-06-30", None),
    ("Định kỳ hằng năm báo cáo kết quả thực hiện với Ban Thường vụ Tỉnh ủy.", None,
     "Định kỳ hằng năm", "recurring", None, "P1Y"),
    ("Xây dựng kế hoạch, hoàn thành trong quý III.", 2024, "hoàn thành trong quý III", "once", "2024-09-30", None),
    ("Tổ chức hội nghị sơ kết (Quý II/2024).", None, "Quý II/2024", "once", "2024-06-30", None),
    ("Xây dựng Đề án; thời gian thực hiện: tháng 9/2024.", None, "thời gian thực hiện: tháng 9/2024", "once",
     "2024-09-30", None),
    ("Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 15/12.", 2023, "trước ngày 15/12", "once", "2023-12-15", None),
    # labelled deadlines: the value is read like a deadline cell, words included
    ("Rà soát thủ tục hành chính nội bộ; thời gian thực hiện: hằng quý.", None, "thời gian thực hiện: hằng quý",
     "recurring", None, "P3M"),
    ("Cập nhật cơ sở dữ liệu đất đai. Thời hạn: Thường xuyên.", None, "Thời hạn: Thường xuyên", "continuous", None, None),
    ("Xây dựng quy chế phối hợp; tiến độ: Quý III/2025.", None, "tiến độ: Quý III/2025", "once", "2025-09-30", None),
    # the label names the duty's act: the time of the inspection is its deadline
    ("Tổ chức các đoàn kiểm tra theo Kế hoạch; thời gian kiểm tra: Quý III/2024.", None,
     "thời gian kiểm tra: Quý III/2024", "once", "2024-09-30", None),
    ("Tổ chức hội nghị sơ kết; thời gian tổ chức: tháng 10/2025.", None, "thời gian tổ chức: tháng 10/2025", "once",
     "2025-10-31", None),
    # a clause that ends with its deadline after a colon; evenly spaced months of a year give the period
    ("Tổng hợp kết quả của các khoa, phòng, báo cáo Sở Y tế: Tháng 6 và tháng 12 hằng năm.", 2024,
     "Tháng 6 và tháng 12 hằng năm", "recurring", None, "P6M"),
    ('Tổ chức cuộc thi "Ý tưởng khởi nghiệp thanh niên tỉnh Bến Tre": Quý II hằng năm.', 2023, "Quý II hằng năm",
     "recurring", None, "P1Y"),
    # the label states the duty's deadline: it wins over a time phrase of one step inside the duty
    ("Tổng hợp nhu cầu kinh phí gửi Sở Tài chính trước ngày 10/12 để tổng hợp; thời gian: Quý IV hằng năm.", 2024,
     "thời gian: Quý IV hằng năm", "recurring", None, "P1Y"),
    ("Đưa nội dung vào chương trình kiểm tra; thời gian: Quý I/2026 - Quý IV/2026.", None,
     "thời gian: Quý I/2026 - Quý IV/2026", "once", "2026-12-31", None),
    # a parenthesised aside that is only a deadline and closes its clause
    ("Tổ chức kiểm tra việc thực hiện quy chế dân chủ ở cơ sở (hằng năm).", None, "hằng năm", "recurring", None, "P1Y"),
    ("Tuyên truyền trên các phương tiện thông tin đại chúng (thường xuyên, liên tục);", None, "thường xuyên, liên tục",
     "continuous", None, None),
    ("Ban hành quy định về tiêu chuẩn chức danh cán bộ (năm 2025).", None, "năm 2025", "once", "2025-12-31", None),
    ("Sơ kết việc thực hiện Nghị quyết (hoàn thành trong tháng 11/2024).", None, "hoàn thành trong tháng 11/2024", "once",
     "2024-11-30", None),
    # how often, closing the duty's clause after an action verb or a comma
    ("Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể, thực hiện thường xuyên.", None, "thường xuyên", "continuous",
     None, None),
    ("Rà soát, cập nhật danh mục dữ liệu dùng chung, hằng năm.", None, "hằng năm", "recurring", None, "P1Y"),
    # a day without a year followed by "hằng năm": every year on that day
    ("Tổng hợp kết quả, báo cáo UBND huyện trước ngày 20/11 hằng năm.", 2023, "trước ngày 20/11 hằng năm", "recurring",
     None, "P1Y"),
    # every week (notices of conclusions on floods, droughts, epidemics ask for weekly reports)
    ("Rà soát phương án ứng phó; báo cáo tình hình thiệt hại về Sở Nông nghiệp và Phát triển nông thôn định kỳ hằng "
     "tuần.", 2024, "định kỳ hằng tuần", "recurring", None, "P1W"),
    ("Tổng hợp số ca mắc, báo cáo Sở Y tế định kỳ hàng tuần.", 2024, "định kỳ hàng tuần", "recurring", None, "P1W"),
    ("Kiểm tra mực nước các hồ chứa, thực hiện hằng tuần.", 2024, "hằng tuần", "recurring", None, "P1W"),
    ("Cập nhật số liệu xâm nhập mặn (hằng tuần).", 2024, "hằng tuần", "recurring", None, "P1W"),
    ("Tổng hợp số ca mắc mới, báo cáo Sở Y tế định kỳ hằng ngày.", 2024, "định kỳ hằng ngày", "recurring", None, "P1D"),
    ("Theo dõi diễn biến mưa lũ, thực hiện hằng ngày.", 2024, "hằng ngày", "recurring", None, "P1D"),
    # a frequency opening the sentence, set off by a comma: how often the duty is done
    ("Hằng năm, Sở Nội vụ tổng hợp kết quả, báo cáo UBND tỉnh.", 2024, "Hằng năm", "recurring", None, "P1Y"),
    ("- Hằng tuần, Ủy ban nhân dân các xã báo cáo tình hình dịch bệnh.", 2024, "Hằng tuần", "recurring", None, "P1W"),
    ("Hàng quý, các đơn vị gửi báo cáo về Sở Tài chính.", 2024, "Hàng quý", "recurring", None, "P3M"),
    ("Mỗi tháng, Trung tâm Y tế tổng hợp số ca mắc.", 2024, "Mỗi tháng", "recurring", None, "P1M"),
    # ... also right after the assignee's colon: "a) Name: Hằng năm, <duty>"
    ("Bộ Tài chính: Hằng năm, cân đối, bố trí kinh phí chi thường xuyên cho các bộ, ngành triển khai các nhiệm vụ của "
     "Đề án 06 theo quy định của pháp luật về ngân sách nhà nước.", 2024, "Hằng năm", "recurring", None, "P1Y"),
    ("Sở Kế hoạch và Đầu tư: Hằng năm, chủ trì, phối hợp với Sở Tài chính tham mưu cân đối, bố trí nguồn vốn cho các dự "
     "án ứng phó với biến đổi khí hậu.", 2024, "Hằng năm", "recurring", None, "P1Y"),
    ("Các sở, ban, ngành: Hàng quý, rà soát tiến độ giải ngân vốn đầu tư công được giao.", 2024, "Hàng quý", "recurring",
     None, "P3M"),
    # a frequency closing a reporting clause is how often the report is due, whatever noun it follows
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương: tổ chức lập, điều chỉnh quy hoạch, kế hoạch sử dụng đất "
     "cấp tỉnh, cấp huyện; tăng cường thanh tra, kiểm tra việc quản lý, sử dụng đất; báo cáo kết quả về Bộ Tài nguyên "
     "và Môi trường hằng năm.", 2023, "hằng năm", "recurring", None, "P1Y"),
    ("Theo dõi việc thực hiện, báo cáo kết quả hằng năm.", 2024, "hằng năm", "recurring", None, "P1Y"),
    ("Tổng hợp tình hình, báo cáo Ủy ban nhân dân tỉnh hằng quý.", 2024, "hằng quý", "recurring", None, "P3M"),
    # a time of day between the cue and the date (a Công điện's hour): due that day
    ("Kiên quyết sơ tán người dân ra khỏi khu vực nguy hiểm, hoàn thành trước 17 giờ ngày 25/9/2025; chỉ đạo các xã "
     "triển khai phương án bốn tại chỗ.", 2025, "hoàn thành trước 17 giờ ngày 25/9/2025", "once", "2025-09-25", None),
    ("Báo cáo kết quả về Bộ Nông nghiệp và Môi trường trước 8 giờ 30 phút ngày 02/10/2025.", 2025,
     "trước 8 giờ 30 phút ngày 02/10/2025", "once", "2025-10-02", None),
    # all capitals: headings and table cells of real plans (found exactly as in sentence case)
    ("ĐỊNH KỲ 06 THÁNG BÁO CÁO UBND TỈNH.", 2020, "ĐỊNH KỲ 06 THÁNG", "recurring", None, "P6M"),
    ("BÁO CÁO KẾT QUẢ VỀ SỞ NỘI VỤ ĐỊNH KỲ HẰNG QUÝ.", 2020, "ĐỊNH KỲ HẰNG QUÝ", "recurring", None, "P3M"),
    ("ĐỊNH KỲ HÀNG NĂM BÁO CÁO BAN THƯỜNG VỤ TỈNH ỦY.", 2020, "ĐỊNH KỲ HÀNG NĂM", "recurring", None, "P1Y"),
    ("KIỂM TRA CÁC CƠ SỞ KINH DOANH, THỰC HIỆN THƯỜNG XUYÊN.", 2020, "THƯỜNG XUYÊN", "continuous", None, None),
    ("XÂY DỰNG QUY CHẾ PHỐI HỢP; THỜI HẠN: THƯỜNG XUYÊN.", 2020, "THỜI HẠN: THƯỜNG XUYÊN", "continuous", None, None),
    ("BÁO CÁO UBND TỈNH 3 THÁNG/LẦN.", 2020, "3 THÁNG/LẦN", "recurring", None, "P3M"),
    ("HOÀN THÀNH TRONG QUÝ IV/2024.", 2020, "HOÀN THÀNH TRONG QUÝ IV/2024", "once", "2024-12-31", None),
    # a half year after a cue: the anchors start at a word, this one at its number
    ("Sở Khoa học và Công nghệ chủ trì, phối hợp với Công an thành phố rà soát, nâng cấp các hệ thống thông tin dùng "
     "chung của thành phố đáp ứng yêu cầu bảo vệ dữ liệu cá nhân, hoàn thành trong 6 tháng đầu năm 2026.", 2025,
     "hoàn thành trong 6 tháng đầu năm 2026", "once", "2026-06-30", None),
    ("Tổng kết mô hình điểm, xong trước 6 tháng cuối năm 2024.", 2024, "xong trước 6 tháng cuối năm 2024", "once",
     "2024-12-31", None),
    # a frequency closing a reporting clause but for when in the period ("(trước 15 giờ thứ Năm)",
    # "vào chiều thứ Sáu"): the qualifier refines the period
    ("Văn phòng Sở: tổng hợp kết quả, báo cáo UBND tỉnh và Bộ Nông nghiệp và Môi trường hằng tuần (trước 15 giờ thứ "
     "Năm).", 2025, "hằng tuần", "recurring", None, "P1W"),
    ("Sở Giao thông vận tải: theo dõi, đôn đốc tiến độ, báo cáo UBND tỉnh hằng tuần vào chiều thứ Sáu.", 2024,
     "hằng tuần", "recurring", None, "P1W"),
    ("- Tổng hợp, báo cáo kết quả thực hiện về Tổ công tác của Thủ tướng Chính phủ hằng tháng (trước ngày 20).", 2023,
     "hằng tháng", "recurring", None, "P1M"),
    # a clause after ";" that only says when
    ("Phòng Kế hoạch - Tài chính: tham mưu bố trí kinh phí thực hiện Kế hoạch; Quý IV/2025.", 2025, "Quý IV/2025",
     "once", "2025-12-31", None),
    ("4. Sở Lao động - Thương binh và Xã hội chi trả trợ cấp xã hội không dùng tiền mặt cho đối tượng bảo trợ xã hội; "
     "năm 2023.", 2023, "năm 2023", "once", "2023-12-31", None),
    # a frequency opening a clause after ";", before its verb
    ("2. Bộ Tài nguyên và Môi trường chỉ đạo Tổng cục Khí tượng Thủy văn nâng cao chất lượng dự báo, cảnh báo thiên "
     "tai, cung cấp kịp thời thông tin cho các cơ quan chỉ đạo; hằng ngày cập nhật bản tin trong thời gian có thiên "
     "tai.", 2024, "hằng ngày", "recurring", None, "P1D"),
    ("Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 25 hằng tháng.", None,
     "trước ngày 25 hằng tháng", "recurring", None, "P1M"),
    ("Các sở, ngành báo cáo kết quả thực hiện trước ngày 20 của tháng cuối quý.", None,
     "trước ngày 20 của tháng cuối quý", "recurring", None, "P3M"),
    # a dated deadline that then recurs, closing its clause; not when the yearly part opens another clause
    ("Sở Tài chính tham mưu bố trí kinh phí thực hiện, hoàn thành trong tháng 12/2025 và hằng năm.", None,
     "hoàn thành trong tháng 12/2025 và hằng năm", "recurring", "2025-12-31", "P1Y"),
    ("Sở Y tế hoàn thành việc rà soát trong năm 2025 và hằng năm tổng kết, đánh giá.", None,
     "trong năm 2025", "once", "2025-12-31", None),
]

# a submission to a named body in a period, closing the clause (the body must be an agency:
# names typed in capitals are not recognised, so these rows are not repeated in capitals)
SUBMIT = [
    ("1. Bộ Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Bộ Tài nguyên và Môi trường xây dựng Luật Thủy "
     "lợi (sửa đổi), trình Quốc hội năm 2025.", 2023, "trình Quốc hội năm 2025", "once", "2025-12-31", None),
    ("Sở Tư pháp chủ trì xây dựng dự thảo Nghị quyết, trình Hội đồng nhân dân tỉnh quý III/2024;", 2024,
     "trình Hội đồng nhân dân tỉnh quý III/2024", "once", "2024-09-30", None),
]


@pytest.mark.parametrize(("text", "year", "phrase", "kind", "due", "period"), SUBMIT)
def test_find_deadline_of_a_submission(text, year, phrase, kind, due, period):
    dl = find_deadline(text, year)
    assert dl is not None
    assert (dl.text, dl.kind, dl.due, dl.period) == (phrase, kind, due, period)


@pytest.mark.parametrize(("text", "year", "phrase", "kind", "due", "period"), BODY)
def test_find_deadline_ignores_case(text, year, phrase, kind, due, period):
    # the same duty typed in capitals states the same deadline (its text as written)
    dl = find_deadline(text.upper(), year)
    assert dl is not None, text.upper()
    assert (dl.text, dl.kind, dl.due, dl.period) == (phrase.upper(), kind, due, period)


@pytest.mark.parametrize(("text", "year", "phrase", "kind", "due", "period"), BODY)
def test_find_deadline_in_running_text(text, year, phrase, kind, due, period):
    dl = find_deadline(text, year)
    assert dl is not None
    assert (dl.text, dl.kind, dl.due, dl.period) == (phrase, kind, due, period)


@pytest.mark.parametrize("text", [
    # a year that is not a deadline: the object of the duty, a cited document, a plan's horizon
    "Tiếp tục thực hiện Quyết định số 899/QĐ-TTg ngày 31/7/2023 phê duyệt Chiến lược đến năm 2030.",
    "cụ thể hóa các nội dung trong chương trình công tác hằng năm của cơ quan, đơn vị",
    "thường xuyên đôn đốc, kiểm tra, giám sát việc triển khai thực hiện",
    "Nghị quyết số 71-NQ/TU ngày 29/8/2022 của Ban Chấp hành Đảng bộ tỉnh (Khóa XX)",
    "triển khai Chương trình mục tiêu quốc gia (giai đoạn 2021-2025) trên địa bàn",
    "Nghị quyết Trung ương 7 (năm 2008) về xây dựng đội ngũ trí thức",
    # "hằng năm" naming what is annual (the subject of the duty), not when it is due
    "Bố trí kinh phí thực hiện Đề án trong dự toán ngân sách hằng năm.",
    "Phòng Nội vụ tham mưu xây dựng kế hoạch cải cách hành chính hằng năm của huyện.",
    "Lồng ghép các chỉ tiêu vào kế hoạch phát triển kinh tế - xã hội hằng năm;",
    # ... also after a colon, when it does not open the duty, or a report that is a noun ("xây dựng báo cáo")
    "Sở Tài chính: bố trí kinh phí trong dự toán ngân sách hằng năm.",
    "Các sở, ngành: kế hoạch hằng năm, tổ chức thực hiện theo quy định.",
    "Sở Nội vụ: xây dựng báo cáo tổng kết hằng năm.",
    "Tổng hợp báo cáo; lồng ghép vào kế hoạch công tác hằng năm.",
    # an aside that says more than when
    "Tham gia Hội thi cán bộ dân vận khéo (lần thứ hai năm 2024 do tỉnh tổ chức).",
    "triển khai Chương trình mục tiêu quốc gia (giai đoạn 2021-2025).",
    "đôn đốc các xã thực hiện Bộ tiêu chí (Khóa XX).",
    # weekly as subject matter, not a deadline
    "Duy trì chế độ giao ban hằng tuần của cơ quan.",
    "Duy trì chế độ trực ban hằng ngày của cơ quan.",
    "Nâng cao chất lượng bữa ăn hằng ngày cho học sinh bán trú.",
    "BỐ TRÍ KINH PHÍ TRONG DỰ TOÁN NGÂN SÁCH HẰNG NĂM.",
    # a half year without a cue names what is reviewed; a qualified frequency after a noun; a
    # clause after ";" that says more than when; a year after a submission that names the draft
    # or does not close the clause, or after no body
    "Tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.",
    "Duy trì chế độ giao ban hằng tuần (thứ Hai).",
    "Duy trì chế độ giao ban hằng tuần vào sáng thứ Hai.",
    "Xây dựng kế hoạch; năm 2024 và các năm tiếp theo.",
    "Xây dựng kế hoạch; năm 2024 tổ chức sơ kết.",
    "Chủ trì xây dựng dự thảo Luật, trình Quốc hội năm 2025 về việc sửa đổi.",
    "Tham mưu trình Thủ tướng Chính phủ phê duyệt Chiến lược phát triển đến năm 2030.",
    "Hoàn thiện hồ sơ trình duyệt năm 2025.",
    # a time of day with no cue before it is when a meeting takes place, not a due date
    "Tổ chức họp trực tuyến lúc 17 giờ ngày 25/9/2025 tại trụ sở Ủy ban nhân dân tỉnh.",
])
def test_find_deadline_ignores_years_without_a_cue(text):
    assert find_deadline(text) is None


@pytest.mark.parametrize(("text", "period"), [
    ("Định kỳ 06 tháng báo cáo tình hình kết quả thực hiện", "P6M"),
    ("định kỳ hằng năm báo cáo kết quả thực hiện", "P1Y"),
    ("Định kỳ hàng năm các sở, ngành, địa phương tổng hợp báo cáo UBND tỉnh", "P1Y"),
    ("báo cáo định kỳ hằng quý về Sở Nội vụ", "P3M"),
    ("báo cáo tình hình thiệt hại định kỳ hằng tuần", "P1W"),
    ("báo cáo số ca mắc mới định kỳ hằng ngày", "P1D"),
    ("ĐỊNH KỲ 06 THÁNG BÁO CÁO UBND TỈNH", "P6M"),
    ("báo cáo UBND tỉnh kết quả thực hiện Kế hoạch này", None),
])
def test_find_period(text, period):
    assert find_period(text) == period
