"""Read stage: Vietnamese typed in VNI-Windows fonts ("VNI-Times") comes out as Unicode NFC.

VNI text is stored as Windows-1252 bytes (or, inside a DOCX or an HTML page, as
the Latin-1 characters of those bytes) that only look right in the VNI font:
"Việt Nam" is stored as "Vieät Nam". The lines below are written out by hand as
they are stored, independently of ``ingest/data/legacy_fonts.json``; the
whole-file tests re-encode the real samples with an encoder built from that table.
"""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest

from ingest import read
from ingest.identity import fold
from ingest.pipeline import parse_bytes
from ingest.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "corpus" / "samples").glob("*.txt"))
FONTS = json.loads((ROOT / "ingest" / "data" / "legacy_fonts.json").read_text(encoding="utf-8"))
VNI = FONTS["vni"]["map"]
TO_VNI = {letter: code for code, letter in VNI.items()}


def vni_text(text: str) -> str:
    """Return ``text`` as a VNI font shows it when its bytes are read as Windows-1252 (letter by letter)."""
    return "".join(TO_VNI.get(c, c) for c in unicodedata.normalize("NFC", text))


def tcvn3_text(text: str) -> str:
    """Return lower-case ``text`` in the TCVN3 (ABC, .VnTime) font codes."""
    reverse = {v: k for k, v in FONTS["tcvn3"]["map"].items()}
    return "".join(reverse.get(c, c) for c in text.lower())


def cp1258_bytes(text: str) -> bytes:
    """Encode like a Windows-1258 file: base letters precomposed (â, ơ, ư, đ), tone marks combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
                   + "".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")


# --------------------------------------------------------------------------- the table

#: (line as a VNI font stores it, read as Windows-1252 -> the Unicode line), written by hand.
LINES = [
    # issuer and header block (Nghị định 30/2020/NĐ-CP, Phụ lục I: quốc hiệu, tiêu ngữ, số, ký hiệu)
    ("UÛY BAN NHAÂN DAÂN", "ỦY BAN NHÂN DÂN"),
    ("HUYEÄN CHAÂU THAØNH", "HUYỆN CHÂU THÀNH"),
    ("TÆNH SOÙC TRAÊNG", "TỈNH SÓC TRĂNG"),
    ("Soá: 85/KH-UBND", "Số: 85/KH-UBND"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Chaâu Thaønh, ngaøy 15 thaùng 5 naêm 2020", "Châu Thành, ngày 15 tháng 5 năm 2020"),
    ("ÑAÛNG COÄNG SAÛN VIEÄT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("TÆNH UÛY ÑIEÄN BIEÂN", "TỈNH ỦY ĐIỆN BIÊN"),
    ("KEÁ HOAÏCH", "KẾ HOẠCH"),
    ("Thöïc hieän Nghò quyeát soá 27-NQ/TW ngaøy 09/11/2018 cuûa Ban Chaáp haønh Trung öông Ñaûng khoùa XII",
     "Thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2018 của Ban Chấp hành Trung ương Đảng khóa XII"),
    ("Caên cöù Quyeát ñònh soá 142/QÑ-TTg cuûa Thuû töôùng Chính phuû",
     "Căn cứ Quyết định số 142/QĐ-TTg của Thủ tướng Chính phủ"),
    # section headings, upper case
    ("I. MUÏC ÑÍCH, YEÂU CAÀU", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("II. NHIEÄM VUÏ VAØ GIAÛI PHAÙP", "II. NHIỆM VỤ VÀ GIẢI PHÁP"),
    ("III. TOÅ CHÖÙC THÖÏC HIEÄN", "III. TỔ CHỨC THỰC HIỆN"),
    ("BAN CHAÁP HAØNH TRUNG ÖÔNG; KHOA HOÏC VAØ KYÕ THUAÄT; ÑÒA PHÖÔNG",
     "BAN CHẤP HÀNH TRUNG ƯƠNG; KHOA HỌC VÀ KỸ THUẬT; ĐỊA PHƯƠNG"),
    # task lines: lead (chủ trì) and support (phối hợp), deadlines
    ("- Sôû Noäi vuï chuû trì, phoái hôïp vôùi Sôû Taøi chính vaø caùc cô quan, ñôn vò lieân quan.",
     "- Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và các cơ quan, đơn vị liên quan."),
    ("Thôøi gian thöïc hieän: tröôùc ngaøy 30/6/2020; baùo caùo keát quaû veà UÛy ban nhaân daân tænh.",
     "Thời gian thực hiện: trước ngày 30/6/2020; báo cáo kết quả về Ủy ban nhân dân tỉnh."),
    ("Ñaåy maïnh tuyeân truyeàn, naâng cao nhaän thöùc; taêng cöôøng kieåm tra, giaùm saùt, ñaùnh giaù.",
     "Đẩy mạnh tuyên truyền, nâng cao nhận thức; tăng cường kiểm tra, giám sát, đánh giá."),
    ("Hoã trôï ñoäi nguõ trí thöùc; söû duïng quyõ phaùt trieån khoa hoïc, coâng ngheä ñuùng muïc ñích.",
     "Hỗ trợ đội ngũ trí thức; sử dụng quỹ phát triển khoa học, công nghệ đúng mục đích."),
    ("Chæ thò cuûa Ban Bí thö; tyû leä ñaït treân 80%; baûo ñaûm ñaày ñuû, kòp thôøi, phuø hôïp.",
     "Chỉ thị của Ban Bí thư; tỷ lệ đạt trên 80%; bảo đảm đầy đủ, kịp thời, phù hợp."),
    ("Khaúng ñònh vai troø ñaëc bieät quan troïng; naém baét yù kieán, nguyeän voïng cuûa nhaân daân.",
     "Khẳng định vai trò đặc biệt quan trọng; nắm bắt ý kiến, nguyện vọng của nhân dân."),
    ("Nôi nhaän:", "Nơi nhận:"),
    ("TM. UÛY BAN NHAÂN DAÂN", "TM. ỦY BAN NHÂN DÂN"),
    ("KT. CHUÛ TÒCH", "KT. CHỦ TỊCH"),
    ("PHOÙ CHUÛ TÒCH", "PHÓ CHỦ TỊCH"),
    ("Nguyeãn Vaên Ñöôïc", "Nguyễn Văn Được"),
    # every tone on every vowel (sắc, huyền, hỏi, ngã, nặng), lower and upper case
    ("a aù aø aû aõ aï | aê aé aè aú aü aë | aâ aá aà aå aã aä",
     "a á à ả ã ạ | ă ắ ằ ẳ ẵ ặ | â ấ ầ ẩ ẫ ậ"),
    ("e eù eø eû eõ eï | eâ eá eà eå eã eä | i í ì æ ó ò",
     "e é è ẻ ẽ ẹ | ê ế ề ể ễ ệ | i í ì ỉ ĩ ị"),
    ("o où oø oû oõ oï | oâ oá oà oå oã oä | ô ôù ôø ôû ôõ ôï",
     "o ó ò ỏ õ ọ | ô ố ồ ổ ỗ ộ | ơ ớ ờ ở ỡ ợ"),
    ("u uù uø uû uõ uï | ö öù öø öû öõ öï | y yù yø yû yõ î | ñ",
     "u ú ù ủ ũ ụ | ư ứ ừ ử ữ ự | y ý ỳ ỷ ỹ ỵ | đ"),
    ("A AÙ AØ AÛ AÕ AÏ | AÊ AÉ AÈ AÚ AÜ AË | AÂ AÁ AÀ AÅ AÃ AÄ",
     "A Á À Ả Ã Ạ | Ă Ắ Ằ Ẳ Ẵ Ặ | Â Ấ Ầ Ẩ Ẫ Ậ"),
    ("E EÙ EØ EÛ EÕ EÏ | EÂ EÁ EÀ EÅ EÃ EÄ | I Í Ì Æ Ó Ò",
     "E É È Ẻ Ẽ Ẹ | Ê Ế Ề Ể Ễ Ệ | I Í Ì Ỉ Ĩ Ị"),
    ("O OÙ OØ OÛ OÕ OÏ | OÂ OÁ OÀ OÅ OÃ OÄ | Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ",
     "O Ó Ò Ỏ Õ Ọ | Ô Ố Ồ Ổ Ỗ Ộ | Ơ Ớ Ờ Ở Ỡ Ợ"),
    ("U UÙ UØ UÛ UÕ UÏ | Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ | Y YÙ YØ YÛ YÕ Î | Ñ",
     "U Ú Ù Ủ Ũ Ụ | Ư Ứ Ừ Ử Ữ Ự | Y Ý Ỳ Ỷ Ỹ Ỵ | Đ"),
]


@pytest.mark.parametrize("stored,expected", LINES, ids=[fold(e)[:32] for _, e in LINES])
def test_vni_line_converts(stored, expected):
    assert read._convert_vni(stored) == expected
    assert unicodedata.is_normalized("NFC", read._convert_vni(stored))


def _all_vietnamese_letters() -> set[str]:
    """Every precomposed Vietnamese letter with a diacritic, built from Unicode itself (not from the table)."""
    bases = "aăâeêioôơuưy"
    tones = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
    letters = {unicodedata.normalize("NFC", b + t) for b in bases for t in tones} | {"đ"}
    letters = {c for c in letters if not c.isascii()}
    return letters | {c.upper() for c in letters}


def test_table_covers_all_134_letters_and_has_a_source():
    letters = _all_vietnamese_letters()
    assert len(letters) == 134
    assert set(VNI.values()) == letters
    assert len(VNI) == 134  # one code per letter
    assert "VNI" in FONTS["vni"]["source"] and "Unikey" in FONTS["vni"]["source"]


def test_every_letter_round_trips_through_its_code():
    letters = sorted(_all_vietnamese_letters())
    for letter in letters:
        code = TO_VNI[letter]
        assert 1 <= len(code) <= 2 and all(ord(c) < 256 for c in code)
        code.encode("cp1252")  # every code is a Windows-1252 character string
        for word in (f"{letter}", f"ng{letter}n", f"{letter}{letter}"):
            assert read._convert_vni(vni_text(word)) == word, (letter, code)
    # each two-character code is what the converter's pattern reads as one letter
    from ingest import patterns as P

    for code in VNI:
        assert P.VNI_CODE.fullmatch(code) or code in "íìÍÌ", code


# --------------------------------------------------------------------------- whole files


def _docx_bytes(text: str) -> bytes:
    """A DOCX with one paragraph per line, as Word saves a VNI-typed plan (runs hold the Latin-1 codes)."""
    from docx import Document

    doc = Document()
    for line in text.split("\n"):
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _html_bytes(text: str, charset: str) -> bytes:
    """An HTML page with one <p> per line, in ``charset``."""
    from html import escape

    body = "\n".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
    page = (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>x</title></head>'
            f"<body><div class=\"content\">{body}</div></body></html>")
    return page.encode(charset)


FORMATS = {
    "txt": lambda t: (t.encode("utf-8"), vni_text(t).encode("cp1252")),
    "docx": lambda t: (_docx_bytes(t), _docx_bytes(vni_text(t))),
    "html": lambda t: (_html_bytes(t, "utf-8"), _html_bytes(vni_text(t), "windows-1252")),
    # a page typed in a VNI font but saved by a Unicode editor: the Latin-1 code letters in UTF-8
    "html-utf8": lambda t: (_html_bytes(t, "utf-8"), _html_bytes(vni_text(t), "utf-8")),
}


def _summary(result) -> tuple:
    """The parts of a ParseResult the VNI version must reproduce."""
    doc = result.document
    issuer = doc.issuer.name if doc.issuer else None
    signer = (doc.signer.name, doc.signer.title) if doc.signer else None
    return doc.symbol, issuer, doc.title, signer, len(result.tasks)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_typed_in_vni_parses_like_the_original(path, fmt):
    text = path.read_text(encoding="utf-8")
    original, legacy = FORMATS[fmt](text)
    name = "plan." + fmt.split("-")[0]
    raw = read_bytes(legacy, name)
    assert raw.encoding == "vni"
    want = parse_bytes(original, name)
    got = parse_bytes(legacy, name)
    assert want.document.symbol  # the comparison means something
    assert _summary(got) == _summary(want)
    assert any("VNI-Windows" in w for w in got.warnings)
    assert not any("VNI" in w for w in want.warnings)


def test_portal_page_is_converted_before_its_chrome_is_judged():
    """An ASP.NET portal wraps the whole page in a <form> (page chrome): only the Vietnamese
    markers of the document ("CỘNG HÒA XÃ HỘI", "Số:") keep it, so VNI codes are converted first."""
    from html import escape

    from ingest.read import convert_legacy_fonts, html_to_text

    text = SAMPLES[3].read_text(encoding="utf-8")
    body = "".join(f'<p class="MsoNormal"><span style="font-family:\'VNI-Times\'">{escape(line)}</span></p>'
                   for line in vni_text(text).split("\n") if line.strip())
    page = (f'<html><head><title>x</title></head><body><form id="form1"><nav><a href="/">Trang chu</a></nav>'
            f'<div id="content">{body}</div><footer>Ban quyen</footer></form></body></html>')
    converted, font = convert_legacy_fonts(page)
    assert font == "vni"
    lines = html_to_text(converted).split("\n")
    assert lines == [line.strip() for line in text.split("\n") if line.strip()]
    assert convert_legacy_fonts(text) == (text, None)
    # ... and the reader does it in that order: the whole page read from bytes keeps the document
    raw = read_bytes(page.encode("utf-8"), "portal.html")
    assert raw.encoding == "vni"
    assert raw.text.split("\n") == lines


def test_txt_sample_text_is_restored_exactly():
    text = SAMPLES[0].read_text(encoding="utf-8")
    raw = read_bytes(vni_text(text).encode("cp1252"), "plan.txt")
    assert raw.text == unicodedata.normalize("NFC", text)


def test_vni_characters_saved_as_utf8_text():
    """A VNI-typed text copied into a UTF-8 file keeps the Latin-1 characters: converted too."""
    text = SAMPLES[1].read_text(encoding="utf-8")
    raw = read_bytes(vni_text(text).encode("utf-8"), "plan.txt")
    assert raw.encoding == "vni" and raw.text == text


# --------------------------------------------------------------------------- negatives

#: Real-looking prose with Latin-1 accents: never VNI, whatever its length.
WESTERN = [
    ("french", "Le projet de coopération entre l'aéroport et la société a été présenté à la réunion. "
               "Où en est-on ? Le coût et le goût du maïs naïf, à bientôt, dit François au café. "
               "Les élèves de la première année étudient l'ambiguïté du héros stoïque de Noël. "),
    ("french caps", "CAFÉ, NAÏVE, FRANÇAIS, À BIENTÔT. OÙ EST L'AÉROPORT ? LE COÛT DU MAÏS. "
                    "RÉUNION DE COOPÉRATION ÉCONOMIQUE, SOCIÉTÉ ANONYME, ÉTÉ. "),
    ("english", "The café served a naïve crème brûlée; the résumé of the fiancée mentioned her rôle "
                "in the coöperative and the Zoë Brontë exposé about déjà vu and the über-piñata. "),
    ("german", "Die Bürger in München wählen über die Änderung; schöne Grüße aus Köln und Düsseldorf. "
               "Die Straße führt zur Brücke, während die Häuser größer werden und Müller öffnet. "),
    ("spanish", "El niño comió piñones en la montaña; mañana el señor López viajará a Perú y Ecuador. "
                "La educación pública necesita más inversión según el año y la región andina. "),
    ("nordic", "Søren og Åse bor på Øresund; blåbærsyltetøj og rødgrød med fløde er dansk mad. "),
]


@pytest.mark.parametrize("text", [t for _, t in WESTERN], ids=[i for i, _ in WESTERN])
@pytest.mark.parametrize("encode", ["cp1252", "utf-8"])
def test_western_text_is_not_converted(text, encode):
    text = text * 40
    assert not read._looks_vni(text)
    assert not read._looks_tcvn3(text)
    assert read.repair_text(text, encode) == (text, encode)
    raw = read_bytes(text.encode(encode), "letter.txt")
    assert "vni" not in raw.encoding
    if encode == "utf-8":  # (BOM-less 8-bit Western text is charset-normalizer's guess, not ours to test here)
        assert raw.text == text


def test_unicode_vietnamese_is_not_converted():
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        assert not read._looks_vni(text)
        raw = read_bytes(text.encode("utf-8"), "plan.txt")
        assert raw.encoding == "utf-8" and raw.text == text


#: Short Unicode Vietnamese without many Vietnamese-only letters (the fast path does not decide).
UNICODE_LATIN1_LINES = [
    "Lê Minh Khái, Tô Lâm, Phan Văn Mãi, Hồ Chí Minh",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Ủy ban nhân dân tỉnh Bến Tre",
    "Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan",
]


@pytest.mark.parametrize("line", UNICODE_LATIN1_LINES)
def test_short_unicode_vietnamese_is_not_converted(line):
    text = (line + "\n") * 30
    assert not read._looks_vni(text)
    assert read.repair_text(text, "utf-8") == (text, "utf-8")


def test_tcvn3_is_not_taken_for_vni():
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        legacy = tcvn3_text(text)
        assert not read._looks_vni(legacy)
        assert read._looks_tcvn3(legacy)
        assert not read._looks_tcvn3(vni_text(text))  # and the other way round
        assert not read._looks_tcvn3(vni_text(text.upper()))
        assert read._looks_vni(vni_text(text.upper()))  # headings and names typed in capitals
        raw = read_bytes(legacy.encode("cp1252"), "old.txt")
        assert raw.encoding == "tcvn3" and raw.text == text.lower()


def test_cp1258_is_not_taken_for_vni():
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        data = cp1258_bytes(text)
        assert not read._looks_vni(data.decode("cp1252", errors="replace"))
        raw = read_bytes(data, "old.txt")
        assert raw.encoding == "cp1258" and raw.text == text


# --------------------------------------------------------------------------- mixed documents


def test_unicode_document_with_a_vni_quote_is_left_unchanged():
    text = SAMPLES[2].read_text(encoding="utf-8")
    quote = "Trích: Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Sôû Noäi vuï chuû trì, phoái hôïp."
    mixed = text + "\n" + quote + "\n"
    raw = read_bytes(mixed.encode("utf-8"), "plan.txt")
    assert raw.encoding == "utf-8" and raw.text == mixed


def test_vni_document_with_pasted_unicode_lines_converts_only_the_vni_lines():
    text = SAMPLES[3].read_text(encoding="utf-8")
    lines = text.split("\n")
    pasted = {5, 40, 41}  # a few lines pasted from a Unicode source
    mixed = "\n".join(line if i in pasted else vni_text(line) for i, line in enumerate(lines))
    raw = read_bytes(mixed.encode("utf-8"), "plan.txt")
    assert raw.encoding == "vni"
    assert raw.text == text


def test_mostly_unicode_text_is_not_vni():
    """More Unicode-only letters than VNI codes: the VNI passage is a quote, not the document."""
    unicode_part = "Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành thực hiện. " * 8
    vni_part = vni_text("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. "
                        "Sở Tài chính phối hợp với Sở Kế hoạch và Đầu tư bảo đảm kinh phí. ") * 3
    assert not read._looks_vni(vni_part + unicode_part)
    assert read._looks_vni(vni_part * 3)


@pytest.mark.parametrize("encoding", ["vni", "vni+mojibake"])
def test_clean_stage_warns_once_that_the_text_was_converted(encoding):
    from ingest.clean import clean
    from ingest.model import RawDocument

    doc = clean(RawDocument(path="t.txt", text="KẾ HOẠCH", fmt="txt", encoding=encoding))
    assert [w for w in doc.warnings if "VNI" in w] == [
        "converted from the VNI-Windows font encoding (VNI-Times and other VNI fonts, legacy 8-bit Vietnamese)"]
    assert not any("guessed" in w for w in doc.warnings)
    assert any("mojibake" in w for w in doc.warnings) == encoding.endswith("+mojibake")
