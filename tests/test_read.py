"""Read stage: every input format and encoding, generated at test time from real sample text.

Each case asserts on the decoded content (composed NFC Vietnamese, lines in
document order), not merely that no exception was raised.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import unicodedata
from pathlib import Path

import pytest

from ingest.errors import BinaryFile, EmptyDocument, IngestError, UnreadableFile
from ingest.read import detect_format, read_bytes, read_file, read_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
FORMATS = ROOT / "tests" / "data" / "formats"
BAC_NINH = (SAMPLES / "371-KH-UBND_bac-ninh_2024.txt").read_text(encoding="utf-8")
LAO_CAI = (SAMPLES / "124-KH-UBND_lao-cai_2020.txt").read_text(encoding="utf-8")

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258_bytes(text: str) -> bytes:
    """Encode like a real Windows-1258 file: base letters precomposed (â, ơ, ư, đ), tone marks combining."""
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in d if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def mojibake_bytes(text: str) -> bytes:
    """UTF-8 bytes read as Windows-1252 (undefined bytes kept as C1 controls) and saved again as UTF-8."""
    chars = []
    for b in text.encode("utf-8"):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars).encode("utf-8")


def tcvn3_bytes(text: str) -> bytes:
    """Encode lower-case Vietnamese in the TCVN3 (ABC) font encoding, as a .VnTime file saved as Windows-1252 bytes."""
    import json

    table = json.loads((ROOT / "ingest/data/legacy_fonts.json").read_text(encoding="utf-8"))["tcvn3"]["map"]
    reverse = {v: k for k, v in table.items()}
    return "".join(reverse.get(c, c) for c in text).encode("cp1252")


ENCODINGS = [
    # (case id, bytes, expected encoding label)
    ("utf-8", BAC_NINH.encode("utf-8"), "utf-8"),
    ("utf-8 BOM", codecs.BOM_UTF8 + BAC_NINH.encode("utf-8"), "utf-8-bom"),
    ("utf-16 LE BOM", codecs.BOM_UTF16_LE + BAC_NINH.encode("utf-16-le"), "utf-16-le"),
    ("utf-16 BE BOM", codecs.BOM_UTF16_BE + BAC_NINH.encode("utf-16-be"), "utf-16-be"),
    ("utf-16 LE no BOM", BAC_NINH.encode("utf-16-le"), "utf-16-le"),
    ("utf-16 BE no BOM", BAC_NINH.encode("utf-16-be"), "utf-16-be"),
    ("utf-32 BOM", codecs.BOM_UTF32_LE + BAC_NINH.encode("utf-32-le"), "utf-32-le"),
    ("cp1258 decomposed", cp1258_bytes(BAC_NINH), "cp1258"),
    ("utf-8 through cp1252 (mojibake)", mojibake_bytes(BAC_NINH), "utf-8+mojibake"),
]


@pytest.mark.parametrize("data,encoding", [c[1:] for c in ENCODINGS], ids=[c[0] for c in ENCODINGS])
def test_text_encodings(data, encoding):
    raw = read_bytes(data, "plan.txt")
    assert raw.encoding == encoding
    assert raw.fmt == "txt"
    assert raw.text == BAC_NINH  # exact round trip, composed
    assert "Sở Nội vụ" in raw.text and "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh" in raw.text
    assert unicodedata.is_normalized("NFC", raw.text)
    assert raw.sha256 == hashlib.sha256(data).hexdigest() and raw.size == len(data)


def test_cp1258_lao_cai_composes_tone_marks():
    data = cp1258_bytes(LAO_CAI)
    assert "\u0301".encode("cp1258") in data  # the file really holds combining tone marks
    raw = read_bytes(data, "lao-cai.txt")
    assert raw.text == LAO_CAI
    assert "Sở Khoa học và Công nghệ" in raw.text


def test_tcvn3_font_text_is_converted():
    text = "cộng hòa xã hội chủ nghĩa việt nam. sở nội vụ tỉnh bắc ninh chủ trì, phối hợp với sở tài chính " \
           "tham mưu thực hiện cơ chế, chính sách đối với đội ngũ trí thức trong thời kỳ đẩy mạnh công nghiệp hóa."
    data = tcvn3_bytes(text)
    assert b"\xe9" in data  # "ộ" is TCVN3 0xE9 ("é" when read as Windows-1252)
    raw = read_bytes(data, "old.txt")
    assert raw.encoding == "tcvn3"
    assert raw.text == text


@pytest.mark.parametrize("encode", [lambda t: t.encode("cp1252"), lambda t: t.encode("utf-8")], ids=["bytes", "unicode"])
def test_vni_font_text_is_converted(encode):
    """VNI-Windows text ("Coäng hoøa" for "Cộng hòa"), as bytes or as Latin-1 letters, is converted to Unicode."""
    text = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Sôû Noäi vuï tænh Baéc Ninh chuû trì, phoái hôïp. " * 4
    raw = read_bytes(encode(text), "vni.txt")
    assert raw.encoding == "vni"
    assert raw.text == "Cộng hòa xã hội chủ nghĩa Việt Nam. Sở Nội vụ tỉnh Bắc Ninh chủ trì, phối hợp. " * 4


def test_markdown_format_from_extension():
    raw = read_bytes("## **KẾ HOẠCH**\n".encode(), "plan.md")
    assert raw.fmt == "md" and "KẾ HOẠCH" in raw.text


def test_read_text_normalises():
    raw = read_text("So\u031b\u0309 No\u0302\u0323i vu\u0323", "x.md")
    assert raw.text == "Sở Nội vụ" and raw.fmt == "md"
    assert raw.sha256 and raw.size == len("So\u031b\u0309 No\u0302\u0323i vu\u0323".encode())


# --------------------------------------------------------------------------- DOCX


def make_docx() -> bytes:
    """A plan as python-docx writes it: 2-column header table, paragraphs, Word lists, a 5-column task table."""
    from docx import Document

    doc = Document()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 371/KH-UBND"
    header.cell(1, 1).text = "Bắc Ninh, ngày 09 tháng 10 năm 2024"
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Thực hiện Chương trình hành động số 72-CTr/TU ngày 19/4/2024 của Tỉnh ủy Bắc Ninh")
    doc.add_paragraph("Mục đích", style="List Number")
    doc.add_paragraph("Yêu cầu", style="List Number")
    doc.add_paragraph("Sở Nội vụ: Tổng hợp đề xuất cơ chế cho các hội trí thức.", style="List Bullet")
    tasks = doc.add_table(rows=3, cols=5)
    rows = [["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
            ["6", "Xây dựng hệ thống cơ sở dữ liệu về đội ngũ trí thức của tỉnh trên các lĩnh vực.",
             "Liên hiệp các hội KH&KT tỉnh", "Sở Thông tin và truyền thông, đơn vị liên quan", "Năm 2025"],
            ["2", "Quán triệt, nâng cao nhận thức", "Các sở, ngành, địa phương", "", "Thường xuyên"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            tasks.cell(r, c).text = value
    doc.add_paragraph("Nơi nhận:")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_order():
    raw = read_bytes(make_docx(), "plan.docx")
    assert raw.fmt == "docx"
    lines = [l for l in raw.text.split("\n") if l.strip()]
    assert lines == [
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 371/KH-UBND", "Bắc Ninh, ngày 09 tháng 10 năm 2024",
        "KẾ HOẠCH", "Thực hiện Chương trình hành động số 72-CTr/TU ngày 19/4/2024 của Tỉnh ủy Bắc Ninh",
        "1. Mục đích", "2. Yêu cầu", "- Sở Nội vụ: Tổng hợp đề xuất cơ chế cho các hội trí thức.",
        "TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian",
        "6", "Xây dựng hệ thống cơ sở dữ liệu về đội ngũ trí thức của tỉnh trên các lĩnh vực.",
        "Liên hiệp các hội KH&KT tỉnh", "Sở Thông tin và truyền thông, đơn vị liên quan", "Năm 2025",
        "2", "Quán triệt, nâng cao nhận thức", "Các sở, ngành, địa phương", "Thường xuyên",
        "Nơi nhận:",
    ]


def test_docx_cells_merged_down_repeat_in_each_entry():
    """A lead merged over two numbered rows is each row's lead; a header's second row (its first
    cell merged from above) is no entry of its own, so nothing is repeated there."""
    from docx import Document

    doc = Document()
    t = doc.add_table(rows=5, cols=4)
    rows = [["TT", "Nội dung", "Cơ quan thực hiện", ""], ["", "", "Chủ trì", "Phối hợp"],
            ["1", "Xây dựng cơ sở dữ liệu cán bộ", "Sở Nội vụ", "Sở Tài chính"],
            ["2", "Số hóa hồ sơ công chức", "", "Sở Thông tin và Truyền thông"],
            ["3", "Cập nhật phần mềm", "Sở Y tế", ""]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                t.cell(r, c).text = value
    t.cell(0, 0).merge(t.cell(1, 0))  # "TT" over both header rows
    t.cell(0, 1).merge(t.cell(1, 1))
    t.cell(0, 2).merge(t.cell(0, 3))  # "Cơ quan thực hiện" over two columns
    t.cell(2, 2).merge(t.cell(3, 2))  # "Sở Nội vụ" leads rows 1 and 2
    buf = io.BytesIO()
    doc.save(buf)
    lines = [l for l in read_bytes(buf.getvalue(), "plan.docx").text.split("\n") if l.strip()]
    assert lines == ["TT", "Nội dung", "Cơ quan thực hiện", "Chủ trì", "Phối hợp",
                     "1", "Xây dựng cơ sở dữ liệu cán bộ", "Sở Nội vụ", "Sở Tài chính",
                     "2", "Số hóa hồ sơ công chức", "Sở Nội vụ", "Sở Thông tin và Truyền thông",
                     "3", "Cập nhật phần mềm", "Sở Y tế"]


def test_html_cells_spanning_rows_repeat_in_each_entry():
    """rowspan in a portal's task table: the lead and deadline spanning rows are each row's; the
    header's second row (its first column spanned from above) repeats nothing."""
    page = """<html><body><div><p>ỦY BAN NHÂN DÂN TỈNH BẮC NINH</p><p>Số: 1/KH-UBND</p><table>
<tr><th rowspan="2">TT</th><th rowspan="2">Nội dung</th><th colspan="2">Cơ quan thực hiện</th><th rowspan="2">Thời gian</th></tr>
<tr><th>Chủ trì</th><th>Phối hợp</th></tr>
<tr><td>1</td><td>Xây dựng cơ sở dữ liệu</td><td rowspan="2">Sở Nội vụ</td><td>Sở Tài chính</td><td rowspan="3">Năm 2025</td></tr>
<tr><td>2</td><td>Số hóa hồ sơ</td><td>Sở TT&amp;TT</td></tr>
<tr><td>3</td><td>Cập nhật phần mềm</td><td>Sở Y tế</td><td></td></tr>
</table><p>Nơi nhận:</p></div></body></html>"""
    lines = read_bytes(page.encode(), "plan.html").text.splitlines()
    assert lines[lines.index("TT"):] == [
        "TT", "Nội dung", "Cơ quan thực hiện", "Thời gian", "Chủ trì", "Phối hợp",
        "1", "Xây dựng cơ sở dữ liệu", "Sở Nội vụ", "Sở Tài chính", "Năm 2025",
        "2", "Số hóa hồ sơ", "Sở Nội vụ", "Sở TT&TT", "Năm 2025",
        "3", "Cập nhật phần mềm", "Sở Y tế", "Năm 2025", "Nơi nhận:"]


def test_docx_word_numbering_and_text_boxes():
    """Word list numbers (I., 1., a)) are rendered as the reader sees them; text-box content is read once."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from tests.data.word_lists import add_list, number

    doc = Document()
    add_list(doc, 90)

    def item(text, level):
        """Add a paragraph numbered by list 90 at ``level``."""
        number(doc.add_paragraph(text), 90, level)

    box = doc.add_paragraph()
    box._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p><w:p><w:r><w:t>HUYỆN CHÂU THÀNH</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    doc.add_paragraph("Số: 85/KH-UBND")
    item("MỤC ĐÍCH, YÊU CẦU", 0)
    item("Mục đích", 1)
    item("Sở Nội vụ: tổng hợp", 2)
    item("Phòng Tài chính: bố trí kinh phí", 2)
    item("Yêu cầu", 1)
    item("NHIỆM VỤ, GIẢI PHÁP", 0)
    item("Nâng cao hiệu quả", 1)
    buf = io.BytesIO()
    doc.save(buf)
    lines = [l for l in read_bytes(buf.getvalue(), "plan.docx").text.split("\n") if l.strip()]
    assert lines == ["ỦY BAN NHÂN DÂN", "HUYỆN CHÂU THÀNH", "Số: 85/KH-UBND", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
                     "a) Sở Nội vụ: tổng hợp", "b) Phòng Tài chính: bố trí kinh phí", "2. Yêu cầu",
                     "II. NHIỆM VỤ, GIẢI PHÁP", "1. Nâng cao hiệu quả"]


def test_docx_typed_in_a_tcvn3_font_is_converted():
    """An old .doc typed in .VnTime and saved as DOCX holds TCVN3 codes as Latin-1 letters."""
    from docx import Document

    text = "sở nội vụ tỉnh bắc ninh chủ trì, phối hợp với sở tài chính tham mưu thực hiện cơ chế, chính sách."
    doc = Document()
    doc.add_paragraph(tcvn3_bytes(text).decode("cp1252"))
    buf = io.BytesIO()
    doc.save(buf)
    raw = read_bytes(buf.getvalue(), "old.docx")
    assert raw.encoding == "tcvn3" and raw.text.strip() == text


def test_docx_sniffed_without_extension(tmp_path):
    path = tmp_path / "upload"
    path.write_bytes(make_docx())
    raw = read_file(path)
    assert raw.fmt == "docx" and "Sở Nội vụ" in raw.text


# --------------------------------------------------------------------------- PDF


def _font() -> str:
    """Return a Unicode TTF font path (system DejaVu, else matplotlib's bundled copy)."""
    candidates = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]
    try:
        import matplotlib

        candidates.append(Path(matplotlib.__file__).parent / "mpl-data/fonts/ttf/DejaVuSans.ttf")
    except ImportError:
        pass
    candidates += sorted(Path("/usr/share/fonts").rglob("*.ttf")) if Path("/usr/share/fonts").exists() else []
    for c in candidates:
        if c.exists():
            return str(c)
    pytest.skip("no TTF font available to build a PDF")


PDF_LINES = ["ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 371/KH-UBND", "Bắc Ninh, ngày 09 tháng 10 năm 2024", "KẾ HOẠCH",
             "a) Sở Nội vụ: Tổng hợp đề xuất cơ chế cho các hội trí thức.", "b) Sở Tài chính: Bố trí kinh phí."]


def make_pdf(lines, pages: int = 2) -> bytes:
    """A text PDF written by fpdf2 with an embedded Unicode font; page numbers in the footer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)  # the page number goes into the bottom margin
    pdf.add_font("dejavu", "", _font())
    pdf.set_font("dejavu", size=11)
    for page in range(pages):
        pdf.add_page()
        for line in (lines if page == 0 else ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;"]):
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-15)
        pdf.cell(0, 7, str(page + 1), align="C")
    return bytes(pdf.output())


def test_pdf_text_layer():
    raw = read_bytes(make_pdf(PDF_LINES), "plan.pdf")
    assert raw.fmt == "pdf"
    lines = raw.text.split("\n")
    assert lines == PDF_LINES + ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;"]  # page numbers dropped
    assert unicodedata.is_normalized("NFC", raw.text)


def test_pdf_task_table_over_two_pages_keeps_its_columns():
    """A task table in a PDF: the plain text layer runs a row's cells together, so pages from the
    table's header on are read in layout mode and cleaned back into cells; a tall row's number is
    centred beside its wrapped cells, and the table runs on over the next page."""
    from fpdf import FPDF

    import ingest

    pdf = FPDF()
    font = _font()
    pdf.add_font("dejavu", "", font)
    pdf.add_font("dejavu", "B", font)
    pdf.set_font("dejavu", size=10)
    pdf.add_page()
    for line in ["ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG", "Số: 1234/KH-UBND", "Bình Dương, ngày 10 tháng 3 năm 2024",
                 "KẾ HOẠCH", "Triển khai Đề án 06", "I. TỔ CHỨC THỰC HIỆN", "1. Công an tỉnh theo dõi, đôn đốc.",
                 "PHỤ LỤC"]:
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    rows = [["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"]]
    rows += [[str(n), f"Nhiệm vụ số {n} về chia sẻ dữ liệu dân cư giữa các cơ quan nhà nước",
              "Sở Thông tin và Truyền thông" if n % 2 else "Sở Tư pháp", "Công an tỉnh", "Quý III/2024"]
             for n in range(1, 25)]
    with pdf.table(col_widths=(10, 60, 40, 35, 25), first_row_as_headings=False) as table:
        for r in rows:
            row = table.row()
            for c in r:
                row.cell(c)
    data = bytes(pdf.output())
    assert len(pdf.pages) >= 2  # the table runs over a page break
    tasks = [t for t in ingest.parse_bytes(data, "plan.pdf").tasks if t.source == "appendix"]
    assert [t.section for t in tasks] == [str(n) for n in range(1, 25)]
    for n, t in enumerate(tasks, start=1):
        assert t.text == f"Nhiệm vụ số {n} về chia sẻ dữ liệu dân cư giữa các cơ quan nhà nước"
        lead = "Sở Thông tin và Truyền thông" if n % 2 else "Sở Tư pháp"
        assert (t.lead, t.support, t.deadline.due) == ([f"{lead} tỉnh Bình Dương"], ["Công an tỉnh Bình Dương"],
                                                       "2024-09-30")


def test_pdf_sniffed_under_a_wrong_extension():
    raw = read_bytes(make_pdf(PDF_LINES, pages=1), "plan.txt")
    assert raw.fmt == "pdf" and "Sở Nội vụ" in raw.text


def test_image_only_pdf_is_an_ocr_error():
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(img).text((10, 10), "KE HOACH 371/KH-UBND", fill="black")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=150)
    with pytest.raises(EmptyDocument, match="no text layer; OCR is not supported"):
        read_bytes(bytes(pdf.output()), "scan.pdf")


# --------------------------------------------------------------------------- HTML


def test_html_portal_page_keeps_the_document_body():
    raw = read_file(FORMATS / "portal_page.html")
    assert raw.fmt == "html" and raw.encoding == "utf-8"
    lines = raw.text.split("\n")
    assert lines[:8] == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "---------------", "Số: 371/KH-UBND",
                         "Bắc Ninh, ngày 09 tháng 10 năm 2024"]
    # a paragraph wrapped in the HTML source is one line; table cells are one per line
    assert ("a) Sở Nội vụ: Tiếp tục phối hợp với các cơ quan, đơn vị liên quan tham mưu thực hiện cơ chế, "
            "chính sách đối với đội ngũ trí thức.") in lines
    i = lines.index("Xây dựng hệ thống cơ sở dữ liệu về đội ngũ trí thức của tỉnh trên các lĩnh vực.")
    assert lines[i - 1:i + 4] == ["6", lines[i], "Liên hiệp các hội KH&KT tỉnh",
                                  "Sở Thông tin và truyền thông, đơn vị liên quan", "Năm 2025"]
    assert lines[-1] == "Đào Quang Khải"
    text = raw.text
    for chrome in ("gtag", "Trang chủ", "Tìm kiếm", "Số hiệu", "Văn bản liên quan", "Đăng nhập", "©", ".menu"):
        assert chrome not in text, chrome


def test_html_declared_legacy_charset():
    body = "<html><head><meta charset=\"windows-1258\"></head><body><p>Sở Nội vụ tỉnh Bắc Ninh</p></body></html>"
    raw = read_bytes(cp1258_bytes(body), "page.htm")
    assert raw.text == "Sở Nội vụ tỉnh Bắc Ninh"


def test_html_pre_keeps_its_lines_and_plain_pages_keep_their_body():
    page = ("<html><body><nav>Trang chủ</nav><pre>ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nSố: 124 /KH-UBND</pre>"
            "<footer>© 2024</footer></body></html>")
    assert read_bytes(page.encode(), "a.html").text.split("\n") == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 124 /KH-UBND"]
    plain = "<html><body><h1>Tin tức</h1><div><p>Sở Nội vụ tổ chức hội nghị.</p><ul><li>Một</li><li>Hai</li></ul></div></body></html>"
    assert read_bytes(plain.encode(), "b.html").text.split("\n") == ["Tin tức", "Sở Nội vụ tổ chức hội nghị.", "Một", "Hai"]


def test_html_sniffed():
    assert detect_format(b"<!DOCTYPE html><html><body>x</body></html>", "download") == "html"


# --------------------------------------------------------------------------- errors


def test_missing_path(tmp_path):
    with pytest.raises(UnreadableFile, match="no such file") as exc:
        read_file(tmp_path / "nope.txt")
    assert "nope.txt" in str(exc.value) and "\n" not in str(exc.value)


def test_directory(tmp_path):
    with pytest.raises(UnreadableFile, match="directory"):
        read_file(tmp_path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads everything")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("KẾ HOẠCH", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(UnreadableFile, match="permission denied"):
            read_file(path)
    finally:
        path.chmod(0o600)


ERRORS = [
    ("empty", b"", "plan.txt", EmptyDocument, "empty file"),
    ("whitespace", b"  \n\t\r\n ", "plan.txt", EmptyDocument, "whitespace"),
    ("utf-16 whitespace", "   \n  ".encode("utf-16"), "plan.txt", EmptyDocument, "no text"),
    ("binary", bytes(range(256)) * 8, "plan.txt", BinaryFile, "binary"),
    ("binary with NULs", b"\x00\x01\x02KE HOACH\x00\x00\xff\xfe\x03" * 50, "x.bin", BinaryFile, "binary"),
    ("corrupt docx", b"PK\x03\x04 this is not a zip", "plan.docx", UnreadableFile, "not a valid DOCX file"),
    ("corrupt pdf", b"%PDF-1.7\n garbage", "plan.pdf", UnreadableFile, "not a valid PDF file"),
    ("zip that is not docx", b"PK\x05\x06" + b"\x00" * 18, "upload", UnreadableFile, "ZIP"),
    ("zip by extension", b"PK\x05\x06" + b"\x00" * 18, "plan.zip", UnreadableFile, "ZIP"),
    ("damaged .doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "plan.doc", UnreadableFile, "not a Word document"),
    ("OLE2 without extension", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "upload", UnreadableFile, "OLE2"),
    ("image", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "scan.png", UnreadableFile, "OCR"),
]


@pytest.mark.parametrize("data,name,error,message", [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS])
def test_errors(data, name, error, message):
    with pytest.raises(error, match=message) as exc:
        read_bytes(data, name)
    assert str(exc.value).startswith(name + ": ") and "\n" not in str(exc.value)
    assert isinstance(exc.value, IngestError)


def test_read_file_matches_read_bytes():
    path = SAMPLES / "83-KH-TU_dien-bien_2019.txt"
    raw = read_file(path)
    data = path.read_bytes()
    assert raw.text == read_bytes(data, str(path)).text
    assert raw.sha256 == hashlib.sha256(data).hexdigest() and raw.size == len(data)
    assert raw.path == str(path) and "Ban Tuyên giáo Tỉnh ủy" in raw.text
