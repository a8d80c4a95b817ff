"""Legacy Word 97-2003 ``.doc`` input (``ingest.worddoc``): the same document as its source, typed errors.

The ``.doc`` files in ``tests/data/doc`` were made with LibreOffice 7.4 (Debian
``libreoffice-writer-nogui``) from a real sample (.txt) and from a held-out .docx whose
header and signature are Word tables, so its cells come out of the piece table with cell
marks::

    soffice --headless --convert-to doc:"MS Word 97" --outdir tests/data/doc \
        corpus/samples/85-KH-UBND_chau-thanh-soc-trang_2020.txt \
        tests/data/heldout/v2/qd-ubnd-binh-dinh-de-an-06-2022.docx

Each must parse to the same header, references and tasks as its source. The damaged
variants (Word 6/95, encrypted, no Word stream) are made from them in the tests.

``numbered-85.docx`` / ``.doc`` are the same sample typed with Word's automatic numbering
(``tests/data/doc/make_numbered.py``): its "I.", "1.", "a)" and "-" are list labels that
the reader renders from the list tables, as the DOCX reader does from numbering.xml;
``styled-lists`` is numbered through Word's list paragraph styles.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import olefile
import pytest

from ingest import IngestError, parse_bytes, parse_file
from ingest.read import detect_format, read_bytes
from ingest.worddoc import _clean_text

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "tests" / "data" / "doc"
PAIRS = [
    (DOC / "85-KH-UBND_chau-thanh-soc-trang_2020.doc", ROOT / "corpus" / "samples" / "85-KH-UBND_chau-thanh-soc-trang_2020.txt"),
    (DOC / "qd-ubnd-binh-dinh-de-an-06-2022.doc", ROOT / "tests" / "data" / "heldout" / "v2" / "qd-ubnd-binh-dinh-de-an-06-2022.docx"),
    (DOC / "numbered-85.doc", DOC / "numbered-85.docx"),
]
NUMBERED = PAIRS[2][0]
SAMPLE_85 = PAIRS[0][1]


def _facts(result) -> dict:
    d = result.to_dict()
    return {"document": {k: v for k, v in d["document"].items() if k not in ("id",)},
            "references": [(r["symbol"], r["doc_type"], r["issued_on"], r["relation"]) for r in d["references"]],
            "stated_edges": d["stated_edges"],
            "tasks": [(t["section"], t["text"], t["lead"], t["support"], t["deadline"]) for t in d["tasks"]],
            "reporting": d["reporting"]}


@pytest.mark.parametrize("doc,source", PAIRS, ids=[p[0].name for p in PAIRS])
def test_a_doc_parses_like_the_file_it_was_made_from(doc, source):
    raw = read_bytes(doc.read_bytes(), doc.name)
    assert raw.fmt == "doc"
    got, want = parse_file(doc), parse_file(source)
    assert got.document.symbol and got.tasks  # not vacuous
    assert _facts(got) == _facts(want)


def test_a_doc_under_another_name_is_sniffed():
    data = PAIRS[0][0].read_bytes()
    assert detect_format(data, "download.bin") == "doc"
    assert parse_bytes(data, "download").document.symbol == "85/KH-UBND"


def test_the_header_table_of_a_doc_comes_out_one_cell_per_line():
    text = read_bytes(PAIRS[1][0].read_bytes(), "x.doc").text
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    assert "ỦY BAN NHÂN DÂN" in lines[0] and any(x.startswith("Số:") for x in lines[:8])
    assert "\x07" not in text and "\r" not in text


def test_list_numbers_of_a_doc_are_read_as_the_docx_reader_renders_them():
    """Word lists (I. / 1. / a) and a bullet list): the same lines from the .doc as from the .docx it was saved from."""
    def lines(path: Path) -> list[str]:
        return [x for x in read_bytes(path.read_bytes(), path.name).text.splitlines() if x.strip()]

    got = lines(NUMBERED)
    assert got == lines(NUMBERED.with_suffix(".docx"))
    for expected in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
                     "III. TỔ CHỨC THỰC HIỆN"):
        assert expected in got
    assert any(x.startswith("d) Phòng Nội vụ chủ trì") for x in got)  # the 4th point under item 3
    assert sum(x.startswith("- ") for x in got) >= 10  # the bullets


def test_a_doc_numbered_by_word_gives_the_sections_of_the_typed_sample():
    """The tasks of the auto-numbered .doc sit in the same sections ("II.3.b") as in the sample with typed numbers."""
    got = [(t.section, t.lead, t.support) for t in parse_file(NUMBERED).tasks]
    want = [(t.section, t.lead, t.support) for t in parse_file(SAMPLE_85).tasks]
    assert got == want and any(s.count(".") >= 2 for s, _, _ in got)


STYLED = DOC / "styled-lists.doc"
STYLED_LINES = ["Số: 12/KH-UBND", "1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát vị trí việc làm.",
                "2. Sở Y tế tổ chức tập huấn cho cán bộ y tế cơ sở.", "- Thời gian: Quý IV/2024."]


def _lines(data: bytes) -> list[str]:
    return [x for x in read_bytes(data, "x.doc").text.splitlines() if x.strip()]


def test_a_paragraph_numbered_only_by_its_style(tmp_path):
    """Word's "List Number"/"List Bullet" styles carry the list; with the paragraphs' own list sprms
    (sprmPIlfo, sprmPIlvl) renamed away, the numbers come from the style sheet alone."""
    from ingest import worddoc

    assert _lines(STYLED.read_bytes()) == STYLED_LINES
    copy = tmp_path / "styled.doc"
    shutil.copy(STYLED, copy)
    with olefile.OleFileIO(str(copy), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        table = ole.openstream("1Table" if word[0x0B] & 0x02 else "0Table").read()
        fc, lcb = worddoc._fc_lcb(bytes(word), worddoc._BTE_PAPX_PAIR)
        n = (lcb - 4) // 8
        for i in range(n):
            pn = int.from_bytes(table[fc + 4 * (n + 1) + 4 * i: fc + 4 * (n + 2) + 4 * i], "little") & 0x3FFFFF
            page = bytes(word[pn * 512: pn * 512 + 512])
            for sprm in (b"\x0b\x46", b"\x0a\x26"):  # sprmPIlfo, sprmPIlvl -> an unknown sprm of the same size
                page = page.replace(sprm, b"\xff" + sprm[1:])
            word[pn * 512: pn * 512 + 512] = page
        ole.write_stream("WordDocument", bytes(word))
        _, runs = worddoc._paragraph_runs(bytes(word), table, fc, lcb)
    assert all(worddoc._list_of(r[2]["sprms"]) == (None, None) for r in runs)  # not vacuous
    assert _lines(copy.read_bytes()) == STYLED_LINES


def test_damaged_list_tables_leave_the_text_without_numbers(tmp_path):
    """A list table the FIB points past: the text is still read, only its list labels are missing."""
    copy = tmp_path / "x.doc"
    shutil.copy(NUMBERED, copy)
    with olefile.OleFileIO(str(copy), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        at = 32 + 2 + 2 * int.from_bytes(word[32:34], "little")
        at += 2 + 4 * int.from_bytes(word[at:at + 2], "little") + 2  # the (fc, lcb) pairs
        word[at + 73 * 8: at + 73 * 8 + 4] = (10 ** 8).to_bytes(4, "little")  # fcPlfLst far past the table stream
        ole.write_stream("WordDocument", bytes(word))
    text = read_bytes(copy.read_bytes(), "x.doc").text
    assert "MỤC ĐÍCH, YÊU CẦU" in text and "I. MỤC ĐÍCH" not in text


@pytest.mark.parametrize("text,expected", [
    ("Kế hoạch\rsố 12\r", "Kế hoạch\nsố 12\n"),                       # paragraph marks
    ("TT\x07Nội dung\x07\x07", "TT\nNội dung\n\n"),                   # cells, then the row mark
    ("Trang \x13 PAGE \x142\x15 của 5", "Trang 2 của 5"),             # a field: its result, not its code
    ("\x13 HYPERLINK \"https://x.vn\" \x14Quyết định 142\x15/QĐ-TTg", "Quyết định 142/QĐ-TTg"),
    ("a\x13 IF \x13 PAGE \x141\x15 = 1 \x14b\x15c", "abc"),           # nested fields
    ("kinh\x1ftế xã\x1ehội\x01\x08", "kinhtế xã-hội"),                 # optional/non-breaking hyphen, anchors
    ("dòng\x0bmới\x0ctrang", "dòng\nmới\ntrang"),                     # line and page breaks
    ("không đóng \x13 PAGE", "không đóng "),                          # a field never closed: its code dropped
])
def test_marks_and_fields(text, expected):
    assert _clean_text(text) == expected


def _patched(tmp_path: Path, edit) -> bytes:
    """Return the bytes of a copy of the Châu Thành .doc whose WordDocument stream ``edit`` changed."""
    copy = tmp_path / "x.doc"
    shutil.copy(PAIRS[0][0], copy)
    with olefile.OleFileIO(str(copy), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        edit(word)
        ole.write_stream("WordDocument", bytes(word))
    return copy.read_bytes()


def _set_u16(at: int, value: int):
    def edit(word: bytearray) -> None:
        word[at:at + 2] = value.to_bytes(2, "little")
    return edit


def _or_u16(at: int, bit: int):
    def edit(word: bytearray) -> None:
        word[at:at + 2] = (int.from_bytes(word[at:at + 2], "little") | bit).to_bytes(2, "little")
    return edit


@pytest.mark.parametrize("edit,message", [
    (_set_u16(2, 0x0065), "Word 6/95 .doc format is not supported"),      # nFib of Word 6
    (_or_u16(0x0A, 0x0100), "encrypted .doc (password required)"),          # fEncrypted
    (_set_u16(0, 0x1234), "no Word file information block"),              # wIdent
])
def test_old_encrypted_and_damaged_docs_get_one_clear_error(tmp_path, edit, message):
    data = _patched(tmp_path, edit)
    with pytest.raises(IngestError) as exc:
        parse_bytes(data, "ke-hoach.doc")
    assert message in str(exc.value) and "ke-hoach.doc" in str(exc.value)


def test_an_ole2_file_without_a_word_stream_is_refused():
    # the same container with its stream renamed: what an .xls or .ppt looks like to this reader
    data = PAIRS[0][0].read_bytes().replace("WordDocument".encode("utf-16-le"), "XordDocument".encode("utf-16-le"))
    with pytest.raises(IngestError, match="OLE2 file that is not a Word document"):
        parse_bytes(data, "bang-tinh.doc")
    with pytest.raises(IngestError, match="not a Word document"):
        parse_bytes(data, "unknown.bin")


@pytest.mark.parametrize("data,message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "not a Word document"),   # the magic, then nothing valid
    (b"{\\rtf1\\ansi K\\'ea ho\\'b8ch}", "RTF is not supported"),
])
def test_what_only_claims_to_be_a_doc(data, message):
    with pytest.raises(IngestError, match=message):
        parse_bytes(data, "van-ban.doc")


@pytest.mark.parametrize("data,fmt", [
    # what portals serve under a .doc name, and Word opens: the content decides
    ("<html><body><p>ỦY BAN NHÂN DÂN TỈNH AN GIANG</p><p>Số: 12/KH-UBND</p><p>KẾ HOẠCH</p>"
     "<p>Thực hiện Quyết định số 142/QĐ-TTg</p></body></html>".encode(), "html"),
    ("ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện Quyết định số 142/QĐ-TTg\n".encode(), "txt"),
])
def test_html_or_text_under_a_doc_name_is_read_for_what_it_is(data, fmt):
    raw = read_bytes(data, "tai-ve.doc")
    assert raw.fmt == fmt and "142/QĐ-TTg" in raw.text


@pytest.mark.parametrize("doc", [PAIRS[1][0], NUMBERED], ids=["tables", "lists"])
def test_mutated_docs_never_crash(doc):
    import random

    data = bytearray(doc.read_bytes())
    rng = random.Random(7)
    for _ in range(60):
        bad = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            bad[rng.randrange(len(bad))] = rng.randrange(256)
        try:
            parse_bytes(bytes(bad), "mutated.doc")
        except IngestError:
            pass


def test_ingest_collects_doc_files(tmp_path):
    from cascade.loader import collect_files

    assert [p.name for p in collect_files([DOC])] == sorted(p.name for p in DOC.iterdir() if p.suffix in (".doc", ".docx"))
