"""Clean stage: a table of (real text -> expected lines), plus invariants on the samples."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ingest.clean import clean
from ingest.model import RawDocument
from ingest.read import read_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "corpus" / "samples").glob("*.txt"))
FORMATS = ROOT / "tests" / "data" / "formats"


def lines_of(text: str, fmt: str = "txt", encoding: str | None = "utf-8") -> list[str]:
    """Return the cleaned lines of ``text``."""
    return [l.text for l in clean(RawDocument(path="t.txt", text=text, fmt=fmt, encoding=encoding)).lines]


CASES = [
    # --- markdown residue (the Châu Thành sample is a markdown conversion)
    ("md heading + strong", "## **KẾ HOẠCH**", ["KẾ HOẠCH"]),
    ("md numbered heading", "#### **1. Mục đích**", ["1. Mục đích"]),
    ("md strong split over two lines", "**TM. ỦY BAN NHÂN DÂN  \nCHỦ TỊCH**", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ("md emphasis", "*Trần Quốc Thắng*", ["Trần Quốc Thắng"]),
    ("md emphasis in a line", "Phụ lục *(Kèm theo Kế hoạch số 371/KH-UBND)*", ["Phụ lục (Kèm theo Kế hoạch số 371/KH-UBND)"]),
    ("md quote", "> Căn cứ Luật Tổ chức chính quyền địa phương", ["Căn cứ Luật Tổ chức chính quyền địa phương"]),
    ("md escape", "1\\. Mục đích", ["1. Mục đích"]),
    # footnote marks in superscript glued to a symbol or word (text saved from PDF); a unit's power stays
    ("footnote mark after a symbol", "Căn cứ Nghị quyết số 03/NQ-CP thực hiện Nghị quyết số 57-NQ/TW¹; Luật",
     ["Căn cứ Nghị quyết số 03/NQ-CP thực hiện Nghị quyết số 57-NQ/TW; Luật"]),
    ("footnote mark after a word", "chuyển đổi số quốc gia²³.", ["chuyển đổi số quốc gia."]),
    ("square metres kept", "xây dựng nhà văn hóa 200 m² và bể chứa 50 m³", ["xây dựng nhà văn hóa 200 m² và bể chứa 50 m³"]),
    ("md link", "Thực hiện [Quyết định số 142/QĐ-TTg](https://vanban.chinhphu.vn/?docid=199000)", ["Thực hiện Quyết định số 142/QĐ-TTg"]),
    ("md image dropped", "![](media/image1.png)\nKẾ HOẠCH", ["KẾ HOẠCH"]),
    ("html inline tag", "<u>Độc lập - Tự do - Hạnh phúc</u>", ["Độc lập - Tự do - Hạnh phúc"]),
    ("html break", "Số: 85/KH-UBND<br>Châu Thành, ngày 12 tháng 6 năm 2020", ["Số: 85/KH-UBND", "Châu Thành, ngày 12 tháng 6 năm 2020"]),
    ("fill-in blanks kept", "Số: ____/QĐ-UBND", ["Số: ____/QĐ-UBND"]),
    ("party star kept", "TỈNH ỦY ĐIỆN BIÊN\n*\nSố 83-KH/TU", ["TỈNH ỦY ĐIỆN BIÊN", "*", "Số 83-KH/TU"]),
    # --- bullets keep their dash, normalised
    ("dash bullet", "- Tham mưu triển khai các chính sách", ["- Tham mưu triển khai các chính sách"]),
    ("plus bullet", "+ Phối hợp với Sở Tài chính", ["- Phối hợp với Sở Tài chính"]),
    ("round bullet", "• Sở Nội vụ chủ trì", ["- Sở Nội vụ chủ trì"]),
    ("en dash bullet", "– Phòng Nội vụ tổng hợp", ["- Phòng Nội vụ tổng hợp"]),
    ("md star bullet", "* Xây dựng kế hoạch đào tạo", ["- Xây dựng kế hoạch đào tạo"]),
    ("glued dash bullet", "-Tham mưu UBND tỉnh", ["- Tham mưu UBND tỉnh"]),
    ("word symbol bullet", "\uf0b7 Triển khai thực hiện", ["- Triển khai thực hiện"]),
    ("rule line is no bullet", "-------", ["-------"]),
    # --- header laid out as a table
    ("pipe header table",
     "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n| Số: 85/KH-UBND | Châu Thành, ngày 12 tháng 6 năm 2020 |",
     ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 85/KH-UBND", "Châu Thành, ngày 12 tháng 6 năm 2020"]),
    ("pipe row with br in a cell",
     "| ỦY BAN NHÂN DÂN<br>HUYỆN CHÂU THÀNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |",
     ["ỦY BAN NHÂN DÂN", "HUYỆN CHÂU THÀNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    ("pipe task table, empty cell dropped",
     "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|:--|:--|:--|:--|:--|\n"
     "| 2 | Quán triệt các nội dung của Nghị quyết | Các sở, ngành, địa phương | | Thường xuyên |",
     ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian",
      "2", "Quán triệt các nội dung của Nghị quyết", "Các sở, ngành, địa phương", "Thường xuyên"]),
    ("header row broken inside its cells",
     "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
     "| Số: 85 | Châu Thành, ngày 12 tháng 6 |\n| /KH-UBND | năm 2020 |",
     ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 85/KH-UBND", "Châu Thành, ngày 12 tháng 6 năm 2020"]),
    ("header row: Số: alone in its cell", "| Số: | Lào Cai, ngày 08 tháng 4 |\n| 124/KH-UBND | năm 2020 |",
     ["Số: 124/KH-UBND", "Lào Cai, ngày 08 tháng 4 năm 2020"]),
    ("task rows are never merged",
     "| 1 | Tuyên truyền Nghị quyết | Sở Thông tin và Truyền thông | Thường xuyên |\n"
     "| 2 | Quán triệt Nghị quyết | Các sở, ngành | Hằng năm |",
     ["1", "Tuyên truyền Nghị quyết", "Sở Thông tin và Truyền thông", "Thường xuyên",
      "2", "Quán triệt Nghị quyết", "Các sở, ngành", "Hằng năm"]),
    ("date cut after năm", "Bắc Ninh, ngày 09 tháng 10 năm\n2024", ["Bắc Ninh, ngày 09 tháng 10 năm 2024"]),
    ("grid table border dropped", "+------+------+\n| TT | Nội dung |", ["TT", "Nội dung"]),
    ("tab columns", "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    ("wide-gap columns in a header", "Số: 371/KH-UBND          Bắc Ninh, ngày 09 tháng 10 năm 2024",
     ["Số: 371/KH-UBND", "Bắc Ninh, ngày 09 tháng 10 năm 2024"]),
    ("wide gap inside a sentence is a space", "Căn cứ   Luật Tổ chức chính quyền địa phương",
     ["Căn cứ Luật Tổ chức chính quyền địa phương"]),
    ("list label before a tab", "1.\tSở Nội vụ", ["1. Sở Nội vụ"]),
    # --- header elements broken over lines are joined
    ("Số: alone", "Số:\n85/KH-UBND", ["Số: 85/KH-UBND"]),
    ("Số: number then suffix", "Số: 85\n/KH-UBND", ["Số: 85/KH-UBND"]),
    ("arrival stamp is not a number", "ĐẾN Số:\nNgày: 13/4/2020", ["ĐẾN Số:", "Ngày: 13/4/2020"]),
    ("date cut before the year", "Châu Thành, ngày 12 tháng 6\nnăm 2020", ["Châu Thành, ngày 12 tháng 6 năm 2020"]),
    ("date cut after ngày", "Lào Cai, ngày\n08 tháng 4 năm 2020", ["Lào Cai, ngày 08 tháng 4 năm 2020"]),
    ("ngày at a line end followed by a list item", "Báo cáo trong vòng 30 ngày\n1. Sở Nội vụ", ["Báo cáo trong vòng 30 ngày", "1. Sở Nội vụ"]),
    # --- a sentence broken by a page break is rejoined (Lào Cai sample), nothing else is
    ("page break mid-sentence",
     "Phát huy mạnh mẽ tinh thần khởi nghiệp đổi mới, sáng tạo, trong đó, tập trung đẩy mạnh các hoạt động hỗ trợ trí thức trẻ tiếp cận với thành tựu của\n\n"
     "cuộc cách mạng công nghiệp 4.0. Triển khai hiệu quả quỹ phát triển khoa học công nghệ.",
     ["Phát huy mạnh mẽ tinh thần khởi nghiệp đổi mới, sáng tạo, trong đó, tập trung đẩy mạnh các hoạt động hỗ trợ trí thức trẻ tiếp cận với thành tựu của "
      "cuộc cách mạng công nghiệp 4.0. Triển khai hiệu quả quỹ phát triển khoa học công nghệ."]),
    ("lower-case table cell stays",
     "Tiếp tục tham mưu triển khai thực hiện Quyết định số 899/QĐ-TTg ngày 31/7/2023 của Thủ tướng Chính phủ\ncác sở, ngành liên quan",
     ["Tiếp tục tham mưu triển khai thực hiện Quyết định số 899/QĐ-TTg ngày 31/7/2023 của Thủ tướng Chính phủ", "các sở, ngành liên quan"]),
    ("lower-case list item stays",
     "Các sở, ngành căn cứ chức năng, nhiệm vụ được giao tổ chức triển khai thực hiện các nội dung\na) Sở Nội vụ: chủ trì tham mưu thực hiện cơ chế, chính sách đối với trí thức.",
     ["Các sở, ngành căn cứ chức năng, nhiệm vụ được giao tổ chức triển khai thực hiện các nội dung",
      "a) Sở Nội vụ: chủ trì tham mưu thực hiện cơ chế, chính sách đối với trí thức."]),
    ("finished sentence stays", "Kế hoạch này được triển khai thực hiện trên địa bàn toàn tỉnh từ năm 2024.\nđến hết năm 2030 theo lộ trình được phê duyệt trong Kế hoạch.",
     ["Kế hoạch này được triển khai thực hiện trên địa bàn toàn tỉnh từ năm 2024.", "đến hết năm 2030 theo lộ trình được phê duyệt trong Kế hoạch."]),
    # --- OCR slips (ingest/data/ocr_fixes.json)
    ("OCR Noi nhận", "Noi nhận:\n- Bộ KHCN;", ["Nơi nhận:", "- Bộ KHCN;"]),
    ("OCR HDH", "trong thời kỳ đẩy mạnh CNH - HDH đất nước", ["trong thời kỳ đẩy mạnh CNH - HĐH đất nước"]),
    ("OCR HDH glued", "đẩy mạnh CNH-HDH", ["đẩy mạnh CNH-HĐH"]),
    ("OCR motto", "Độc lâp – Tư do – Hanh phúc", ["Độc lập - Tự do - Hạnh phúc"]),
    ("OCR national name", "CỘNG HÒA XÂ HỘI CHU NGHĨA VIỆT NAM", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    ("old tone placement is not a slip", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    ("HDH inside another word untouched", "Hệ điều hành HDHX", ["Hệ điều hành HDHX"]),
    ("nhân dân untouched", "Nơi nhân dân sinh sống và làm việc", ["Nơi nhân dân sinh sống và làm việc"]),
    # a dropped horn: the rhyme "uơng" is no Vietnamese syllable ("Ban Thuờng vụ" in a CP1258 plan)
    ("OCR Thuờng", "Kế hoạch số 235-KH/TU ngày 05/7/2024 của Ban Thuờng vụ Tỉnh ủy Lâm Đồng",
     ["Kế hoạch số 235-KH/TU ngày 05/7/2024 của Ban Thường vụ Tỉnh ủy Lâm Đồng"]),
    ("OCR thuờng lower case", "kiểm tra thuờng xuyên", ["kiểm tra thường xuyên"]),
    ("OCR THUỜNG capitals", "T/M BAN THUỜNG VỤ", ["T/M BAN THƯỜNG VỤ"]),
    ("horn inside another word untouched", "Thuờngx", ["Thuờngx"]),
    # --- characters
    ("NBSP and zero-width", "Sở\u00a0Nội vụ\u200b tỉnh\u00a0\u00a0Bắc Ninh", ["Sở Nội vụ tỉnh Bắc Ninh"]),
    ("decomposed to NFC", "So\u031b\u0309 No\u0302\u0323i vu\u0323", ["Sở Nội vụ"]),
    ("CRLF and blank lines", "KẾ HOẠCH\r\n\r\n\r\nTriển khai thực hiện\r\n", ["KẾ HOẠCH", "Triển khai thực hiện"]),
    ("spaces collapsed", "Căn cứ  Nghị quyết  số 45-NQ/TW", ["Căn cứ Nghị quyết số 45-NQ/TW"]),
    # --- portal footers
    ("portal footer dropped", "Đào Quang Khải\n\nNguồn tra cứu: vanban.phaplyvn.com\n", ["Đào Quang Khải"]),
    ("own closing note kept", "Đào Quang Khải\nLưu ý: các đơn vị báo cáo kết quả trước ngày 15/12 hằng năm.",
     ["Đào Quang Khải", "Lưu ý: các đơn vị báo cáo kết quả trước ngày 15/12 hằng năm."]),
    ("a duty starting with a portal button's words is no portal footer",
     "1. Công an tỉnh:\n- Chia sẻ dữ liệu dân cư với các sở.\n- Tải về và cài đặt ứng dụng VNeID.\nNơi nhận:\n- Lưu: VT.",
     ["1. Công an tỉnh:", "- Chia sẻ dữ liệu dân cư với các sở.", "- Tải về và cài đặt ứng dụng VNeID.", "Nơi nhận:",
      "- Lưu: VT."]),
    ("one nav word is no portal block", "Tìm kiếm\nỦY BAN NHÂN DÂN\nTỈNH LÀO CAI", ["Tìm kiếm", "ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]),
    # --- a task table laid out with spaces (pdftotext -layout): one cell per line, continuation lines joined
    ("layout table", """ STT   Nội dung nhiệm vụ                   Đơn vị                Đơn vị                 Thời gian
                                           chủ trì               phối hợp               hoàn thành
 I     Hoàn thiện thể chế
  1    Rà soát thủ tục hành chính          Sở Tư pháp            Văn phòng UBND tỉnh    Quý II/2024

  2    Ban hành quy chế chia sẻ dữ         Sở Thông tin và       Công an tỉnh           Quý III/2024
       liệu giữa các cơ quan               Truyền thông
  2.1  Chia sẻ dữ liệu dân cư              Công an tỉnh                                 Năm 2025
                                                                                                   - 3 -
Nơi nhận:
- Lưu: VT.""",
     ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
      "I", "Hoàn thiện thể chế",
      "1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Quý II/2024",
      "2", "Ban hành quy chế chia sẻ dữ liệu giữa các cơ quan", "Sở Thông tin và Truyền thông", "Công an tỉnh",
      "Quý III/2024", "2.1", "Chia sẻ dữ liệu dân cư", "Công an tỉnh", "Năm 2025", "Nơi nhận:", "- Lưu: VT."]),
    ("two signers' names side by side", "Lại Văn Hoàn                      Nguyễn Thị Thu Hà",
     ["Lại Văn Hoàn", "Nguyễn Thị Thu Hà"]),
    ("OCR 'UBNĐ'", "Thực hiện Kế hoạch số 38/KH-UBND của UBNĐ tỉnh Thái Bình",
     ["Thực hiện Kế hoạch số 38/KH-UBND của UBND tỉnh Thái Bình"]),
    ("wide gaps without a table header stay one line",
     "  1    Rà soát thủ tục hành chính          Sở Tư pháp            Quý II/2024",
     ["1 Rà soát thủ tục hành chính Sở Tư pháp Quý II/2024"]),
    ("portal fields before the header dropped",
     "Số hiệu: 124/KH-UBND\nLoại văn bản: Kế hoạch\nNơi ban hành:\nUBND TỈNH LÀO CAI\nỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 124/KH-UBND",
     ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 124/KH-UBND"]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_clean_table(text, expected):
    assert lines_of(text) == expected


def test_portal_copy_keeps_the_documents_own_header():
    doc = clean(read_file(FORMATS / "portal_copy.txt"))
    lines = [l.text for l in doc.lines]
    assert lines[:8] == ["ỦY BAN NHÂN DÂN", "HUYỆN CHÂU THÀNH", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "---------------", "Số: 85/KH-UBND",
                         "Châu Thành, ngày 12 tháng 6 năm 2020"]
    assert lines[-4:] == ["- Lưu: VT, MH.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Quốc Thắng"]
    assert not any(l.startswith(("Số hiệu", "Loại văn bản", "Nguồn tra cứu", "Kế hoạch 85/KH-UBND năm 2020")) for l in lines)
    assert any("metadata before the document header" in w for w in doc.warnings)
    assert any("footer" in w for w in doc.warnings)


@pytest.mark.parametrize("text,warning", [
    ("Noi nhận:\n- UBND tỉnh;", "OCR"),
    ("Phát huy mạnh mẽ tinh thần khởi nghiệp đổi mới, sáng tạo, trong đó, tập trung\ncuộc cách mạng công nghiệp 4.0 và chuyển đổi số trên địa bàn toàn tỉnh.", "rejoined"),
])
def test_repairs_are_warned(text, warning):
    doc = clean(RawDocument(path="t.txt", text=text, fmt="txt", encoding="utf-8"))
    assert any(warning in w for w in doc.warnings), doc.warnings


@pytest.mark.parametrize("encoding,warning", [
    ("cp1258", "Windows-1258"),
    ("utf-8+mojibake", "mojibake"),
    ("tcvn3", "TCVN3"),
    ("utf-8", None),
    ("utf-16-le", None),
])
def test_encoding_warnings(encoding, warning):
    doc = clean(RawDocument(path="t.txt", text="KẾ HOẠCH", fmt="txt", encoding=encoding))
    if warning is None:
        assert doc.warnings == ()
    else:
        assert any(warning in w for w in doc.warnings), doc.warnings


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_samples_invariants(path):
    doc = clean(read_file(path))
    assert doc.text == "\n".join(l.text for l in doc.lines)
    for line in doc.lines:
        assert line.text and line.text == line.text.strip()
        assert doc.text[line.offset:line.offset + len(line.text)] == line.text
        assert "**" not in line.text and not line.text.startswith("#")
        assert "  " not in line.text
    assert unicodedata.is_normalized("NFC", doc.text)
    assert not any(l.text.startswith("Nguồn tra cứu") for l in doc.lines)


def test_sample_header_lines():
    """The samples' header lines come out whole (Lào Cai's OCR slips repaired, Châu Thành's markdown gone)."""
    lao_cai = [l.text for l in clean(read_file(ROOT / "corpus/samples/124-KH-UBND_lao-cai_2020.txt")).lines]
    assert lao_cai[:3] == ["Số: 124 /KH-UBND", "Lào Cai, ngày 08 tháng 4 năm 2020", "KẾ HOẠCH"]
    assert "Nơi nhận:" in lao_cai and "Noi nhận:" not in lao_cai
    assert not any("HDH" in l for l in lao_cai)
    chau_thanh = [l.text for l in clean(read_file(ROOT / "corpus/samples/85-KH-UBND_chau-thanh-soc-trang_2020.txt")).lines]
    assert chau_thanh[2] == "KẾ HOẠCH"
    assert chau_thanh[-3:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Quốc Thắng"]
    dien_bien = [l.text for l in clean(read_file(ROOT / "corpus/samples/83-KH-TU_dien-bien_2019.txt")).lines]
    assert dien_bien[6].startswith("triển khai Kết luận số 52-KL/TW, ngày 30/5/2019 của Ban Bí thư về tiếp tục thực hiện")


# --------------------------------------------------------------------------- hard-wrapped (PDF) text

WRAPPED = [
    ("wrapped paragraph rejoined, list items and headings kept apart",
     "III. NỘI DUNG, NHIỆM VỤ CHỦ YẾU\n"
     "a) Sở Thông tin và Truyền thông: Chủ trì, phối hợp với Báo Bắc Ninh, Đài Phát thanh và\n"
     "Truyền hình tỉnh tăng cường tuyên truyền Nghị quyết số 45-NQ/TW, Nghị quyết số\n"
     "107/NQ-CP và các văn bản có liên quan về vai trò của đội ngũ trí thức.\n"
     "b) Các sở, ban, ngành, UBND các huyện, thị xã, thành phố\n"
     "- Quán triệt, nâng cao nhận thức, trách nhiệm và triển khai có hiệu quả các nội dung của\n"
     "Chương trình hành động số 72-CTr/TU.",
     ["III. NỘI DUNG, NHIỆM VỤ CHỦ YẾU",
      "a) Sở Thông tin và Truyền thông: Chủ trì, phối hợp với Báo Bắc Ninh, Đài Phát thanh và Truyền hình tỉnh "
      "tăng cường tuyên truyền Nghị quyết số 45-NQ/TW, Nghị quyết số 107/NQ-CP và các văn bản có liên quan về "
      "vai trò của đội ngũ trí thức.",
      "b) Các sở, ban, ngành, UBND các huyện, thị xã, thành phố",
      "- Quán triệt, nâng cao nhận thức, trách nhiệm và triển khai có hiệu quả các nội dung của Chương trình "
      "hành động số 72-CTr/TU."]),
    ("wrapped upper-case title rejoined, not glued to the body",
     "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 72-CTR/TU NGÀY 19/4/2024 CỦA TỈNH ỦY BẮC\n"
     "NINH VỀ ĐỘI NGŨ TRÍ THỨC\n"
     "Căn cứ Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa\n"
     "XIII về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức;",
     ["THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 72-CTR/TU NGÀY 19/4/2024 CỦA TỈNH ỦY BẮC NINH VỀ ĐỘI NGŨ TRÍ THỨC",
      "Căn cứ Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục "
      "xây dựng và phát huy vai trò của đội ngũ trí thức;"]),
    ("an item's heading that ends with room left is not glued to the duty under it; a forced break is joined",
     "1. Hoàn thiện cơ chế, chính sách hỗ trợ doanh nghiệp nhỏ và vừa\n"
     "Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan tham mưu Ủy\n"
     "ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh ban hành Nghị quyết quy\n"
     "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp với Hiệp hội\n"
     "Doanh nghiệp tỉnh tổ chức đối thoại định kỳ giữa chính quyền và doanh\n"
     "nghiệp.",
     ["1. Hoàn thiện cơ chế, chính sách hỗ trợ doanh nghiệp nhỏ và vừa",
      "Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan tham mưu Ủy ban nhân dân tỉnh trình Hội đồng "
      "nhân dân tỉnh ban hành Nghị quyết quy",
      "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp với Hiệp hội Doanh nghiệp tỉnh tổ chức đối "
      "thoại định kỳ giữa chính quyền và doanh nghiệp."]),
    ("a quarter wrapped after 'Quý' is the end of its sentence, not a heading in capitals",
     "b) Chủ trì bảo đảm hạ tầng kết nối, chia sẻ dữ liệu giữa hệ thống thông tin giải quyết\n"
     "thủ tục hành chính của tỉnh với Cơ sở dữ liệu quốc gia về dân cư; hoàn thành trong Quý\n"
     "III/2024.\n"
     "III. TỔ CHỨC THỰC HIỆN",
     ["b) Chủ trì bảo đảm hạ tầng kết nối, chia sẻ dữ liệu giữa hệ thống thông tin giải quyết thủ tục hành chính "
      "của tỉnh với Cơ sở dữ liệu quốc gia về dân cư; hoàn thành trong Quý III/2024.",
      "III. TỔ CHỨC THỰC HIỆN"]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in WRAPPED], ids=[c[0] for c in WRAPPED])
def test_pdf_unwrap_table(text, expected):
    assert lines_of(text, fmt="pdf", encoding=None) == expected


def test_hard_wrapped_text_file_recovers_paragraphs():
    """A plain-text copy wrapped at 90 columns (pdftotext style) gets its paragraphs back."""
    import textwrap

    src = [l.text for l in clean(read_file(ROOT / "corpus/samples/371-KH-UBND_bac-ninh_2024.txt")).lines][10:80]
    wrapped = "\n".join(textwrap.fill(p, 90) for p in src)
    got = lines_of(wrapped)
    recovered = sum(1 for p in src if p in got)
    assert recovered >= 0.85 * len(src), (recovered, len(src))
    assert len(got) <= 1.15 * len(src)


def test_paragraph_text_is_not_unwrapped():
    """Paragraph-per-line text (the samples) is never treated as hard-wrapped."""
    for path in SAMPLES:
        doc = clean(read_file(path))
        assert not any("hard-wrapped" in w for w in doc.warnings), path.name


@pytest.mark.parametrize(("lines", "expected"), [
    # PDF-to-text output: a symbol cut after its separator is one line again, with no space
    (["Căn cứ Nghị định số 13/2023/NĐ-", "CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân;"],
     ["Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân;"]),
    (["Thực hiện Kết luận số 52-KL/", "TW ngày 30/5/2019 của Ban Bí thư"],
     ["Thực hiện Kết luận số 52-KL/TW ngày 30/5/2019 của Ban Bí thư"]),
    (["Kế hoạch số 56/KH-", "UBND ngày 24/4/2020 của UBND tỉnh Sóc Trăng"],
     ["Kế hoạch số 56/KH-UBND ngày 24/4/2020 của UBND tỉnh Sóc Trăng"]),
    # not a symbol: a span of years, a heading, a list dash, a number alone before the slash
    (["triển khai trong giai đoạn 2021-", "2025 trên địa bàn tỉnh"], ["triển khai trong giai đoạn 2021-", "2025 trên địa bàn tỉnh"]),
    (["Điều 5-", "Tổ chức thực hiện"], ["Điều 5-", "Tổ chức thực hiện"]),
    (["Sở Tài chính -", "Sở Nội vụ"], ["Sở Tài chính -", "Sở Nội vụ"]),
    (["Báo cáo số 124/", "Ủy ban nhân dân tỉnh"], ["Báo cáo số 124/", "Ủy ban nhân dân tỉnh"]),
])
def test_join_broken_symbols(lines, expected):
    from ingest.clean import join_broken_symbols

    got, count = join_broken_symbols(list(lines))
    assert got == expected
    assert count == len(lines) - len(expected)


def test_broken_symbol_is_read_as_one_reference():
    """End to end: the reference is the whole symbol, not its first half."""
    from ingest.pipeline import parse_text

    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 12/KH-UBND\nBắc Ninh, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
            "Bảo vệ dữ liệu cá nhân\n\nCăn cứ Nghị định số 13/2023/NĐ-\nCP ngày 17/4/2023 của Chính phủ về bảo vệ dữ "
            "liệu cá nhân;\n")
    refs = [r.symbol for r in parse_text(text, "plan.txt").references]
    assert refs == ["13/2023/NĐ-CP"]


@pytest.mark.parametrize(("lines", "expected"), [
    # a PDF's page footers saved with its text (pdftotext -layout, copy and paste)
    (["2. Rà soát văn bản quy phạm pháp luật", "Trang 2/4", "Sở Tư pháp chủ trì rà soát."],
     ["2. Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp chủ trì rà soát."]),
    (["Trang 3", "- 4 -", "TRANG 5/12"], []),
    # a table's row numbers and numbers inside a sentence stay
    (["TT", "1", "2/10", "Trang thiết bị y tế cho trạm y tế xã"], ["TT", "1", "2/10", "Trang thiết bị y tế cho trạm y tế xã"]),
])
def test_drop_page_numbers(lines, expected):
    from ingest.clean import drop_page_numbers

    assert drop_page_numbers(list(lines)) == (expected, len(lines) - len(expected))


# --------------------------------------------------------------------------- a header without diacritics

@pytest.mark.parametrize(("lines", "expected"), [
    # a district plan typed without a Vietnamese keyboard: the header block only
    (["UY BAN NHAN DAN", "HUYEN CHAU THANH", "CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tu do - Hanh phuc",
      "So: 245/KH-UBND", "Chau Thanh, ngay 15 thang 8 nam 2024", "KE HOACH", "Thực hiện Chỉ thị số 23-CT/TW"],
     ["ỦY BAN NHÂN DÂN", "HUYỆN CHÂU THÀNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Số: 245/KH-UBND", "Châu Thành, ngày 15 tháng 8 năm 2024", "KẾ HOẠCH", "Thực hiện Chỉ thị số 23-CT/TW"]),
    # a Party header; the number label in capitals, no space after the colon
    (["DANG BO TINH NGHE AN", "BAN THUONG VU TINH UY", "SO:12-KL/TU", "Nghe An, ngay 03 thang 3 nam 2025", "KET LUAN"],
     ["ĐẢNG BỘ TỈNH NGHỆ AN", "BAN THƯỜNG VỤ TỈNH ỦY", "SỐ:12-KL/TU", "Nghệ An, ngày 03 tháng 3 năm 2025", "KẾT LUẬN"]),
    # a department's full official name is restored; a bare "SO" (also "so", "số") is not guessed
    (["SO NOI VU TINH LAO CAI", "So luong can bo"], ["SỞ NỘI VỤ TỈNH LÀO CAI", "So luong can bo"]),
    # a header with its diacritics: nothing changes, nor in an unmarked body line after it
    (["ỦY BAN NHÂN DÂN", "TINH LAO CAI"], ["ỦY BAN NHÂN DÂN", "TINH LAO CAI"]),
    # prose (a long line) ends the header block
    (["UBND", "Ke hoach nay duoc xay dung tren co so ket qua thuc hien nhiem vu nam 2024 cua cac so, nganh va dia phuong",
      "KE HOACH"],
     ["UBND", "Ke hoach nay duoc xay dung tren co so ket qua thuc hien nhiem vu nam 2024 cua cac so, nganh va dia phuong",
      "KE HOACH"]),
    # navigation text of a portal: no known word, nothing changes
    (["Home | Login", "Tim kiem van ban"], ["Home | Login", "Tim kiem van ban"]),
])
def test_restore_header_marks(lines, expected):
    from ingest.clean import _fix_ocr_lines, restore_header_marks

    got, n = restore_header_marks(_fix_ocr_lines(lines)[0])
    assert got == expected
    assert n == sum(a != b for a, b in zip(expected, _fix_ocr_lines(lines)[0]))


def test_a_plan_with_a_header_without_diacritics_is_read_with_a_warning():
    from ingest import parse_text

    r = parse_text("UY BAN NHAN DAN\nTINH DONG THAP\nSo: 198/KH-UBND\nDong Thap, ngay 12 thang 7 nam 2024\n"
                   "KE HOACH\nThực hiện Chỉ thị số 23-CT/TW ngày 25/5/2023 của Ban Bí thư\n")
    d = r.document
    assert (d.symbol, d.doc_type, d.issuer.name, d.issued_on) == (
        "198/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Đồng Tháp", "2024-07-12")
    assert any("diacritics" in w for w in r.warnings)


@pytest.mark.parametrize(("tail", "kept"), [
    # a portal's related-articles line and its copyright line after the signature are dropped
    (["Cao Huy", "Bài viết liên quan: Công điện 156/CĐ-TTg về ứng phó bão số 9",
      "© Cổng thông tin văn bản pháp luật."], ["Cao Huy"]),
    (["Cao Huy", "Tin liên quan", "Công điện 156/CĐ-TTg về ứng phó bão số 9", "Bản quyền thuộc về Cổng"], ["Cao Huy"]),
    # the portal's list of its latest documents
    (["Cao Huy", "Lưu ý: Văn bản này đã được cập nhật vào cơ sở dữ liệu.", "Văn bản mới:",
      "- Quyết định 38/2024/QĐ-UBND về phân cấp quản lý"], ["Cao Huy"]),
    # without a line only a portal writes, nothing is dropped (a document may end on its own note)
    (["Cao Huy", "Lưu ý: Kế hoạch này thay thế Kế hoạch số 12/KH-UBND."],
     ["Cao Huy", "Lưu ý: Kế hoạch này thay thế Kế hoạch số 12/KH-UBND."]),
])
def test_drop_portal_tail(tail, kept):
    from ingest.clean import drop_portal_tail

    body = ["ỦY BAN NHÂN DÂN", "Số: 1/KH-UBND", "KẾ HOẠCH", "Nội dung."]
    assert drop_portal_tail(body + tail)[0] == body + kept
