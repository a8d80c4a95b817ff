"""Write the held-out v12 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v12/make_binary.py`` rewrites, next to itself:

* ``kh-cat-soc-trang-chi-thi-04-de-an-06-2024.txt`` -- UTF-16 (LE, with BOM, CRLF
  line ends), as Word's "Unicode text" export writes it;
* ``kh-duk-binh-thuan-chuan-muc-dao-duc-2024.txt`` -- Windows-1258 (CP1258), the
  legacy Vietnamese code page (tone marks as combining characters), with the OCR
  slips of a scanned copy ('Noi nhận', 'Thuờng trực', 'UBNĐ');
* ``tt-bnv-can-bo-cong-chuc-cap-xa-2023.pdf`` -- a PDF with a text layer (fpdf2,
  DejaVu Sans embedded) whose two header columns (ministry | motto, symbol | place
  and date) and signature columns (recipients | signer) are drawn as two cells on
  the same lines, so a text extractor returns both columns on one line. Its source
  has three parts split by ``===`` (header rows, body paragraphs, signature rows;
  the two cells of a row split by a tab);
* ``kh-tct-son-la-dao-tao-boi-duong-2024.docx`` -- a .docx made with python-docx,
  header and signature in tables, and the duties of its last section in a numbered
  Word list (style "List Number": Word draws the numbers, the text has none). In its
  source a line starting with ``# `` is such a list item.

The texts are held in ``src/*.src.txt`` (UTF-8), so a reader can see what the bytes
say; those are not part of the evaluated set. The UTF-16 and CP1258 writers are the
shared ones of ``tests/data/heldout_binary.py``; the same-line PDF and the numbered-list
.docx are drawn here.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

import heldout_binary  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets
from heldout_binary import write_all  # noqa: E402

#: file -> how it is written from src/<file>.src.txt by the shared writers
FILES = {
    "kh-cat-soc-trang-chi-thi-04-de-an-06-2024.txt": "utf16",
    "kh-duk-binh-thuan-chuan-muc-dao-duc-2024.txt": "cp1258",
}
#: the PDF whose header and signature columns share their lines
SAME_LINE_PDF = "tt-bnv-can-bo-cong-chuc-cap-xa-2023.pdf"
#: the .docx whose duties are a numbered Word list
NUMBERED_LIST_DOCX = "kh-tct-son-la-dao-tao-boi-duong-2024.docx"
#: the marker of a numbered-list item in a .docx source
LIST_ITEM = "# "


def _draw_columns(pdf, block: str) -> None:
    """Draw ``block`` (one row a line, two cells split by a tab) as two cells side by side on each line."""
    half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    for line in block.strip("\n").splitlines():
        left, _, right = line.partition("\t")
        pdf.cell(half, 6, left.strip(), align="C")
        pdf.cell(half, 6, right.strip(), align="C", new_x="LMARGIN", new_y="NEXT")


def write_same_line_pdf(src: Path, dest: Path) -> None:
    """Write ``dest`` as an A4 PDF: header columns on shared lines, one paragraph per body line, signature columns."""
    from fpdf import FPDF

    header, body, footer = src.read_text(encoding="utf-8").split("\n===\n")
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2023, 6, 30, tzinfo=timezone.utc))
    pdf.add_font("DejaVu", fname=str(heldout_binary.FONT))
    pdf.set_font("DejaVu", size=10)
    pdf.set_margins(20, 15, 15)
    pdf.add_page()
    _draw_columns(pdf, header)
    pdf.ln(4)
    for line in body.strip().splitlines():
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _draw_columns(pdf, footer)
    pdf.output(str(dest))


if __name__ == "__main__":
    write_all(HERE, FILES)
    write_same_line_pdf(HERE / "src" / f"{SAME_LINE_PDF}.src.txt", HERE / SAME_LINE_PDF)
    heldout_binary.write_docx(HERE / "src" / f"{NUMBERED_LIST_DOCX}.src.txt", HERE / NUMBERED_LIST_DOCX,
                              list_item=LIST_ITEM, created=datetime(2024, 1, 15, tzinfo=timezone.utc))
