"""Write the held-out v10 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v10/make_binary.py`` rewrites, next to itself:

* ``kh-bvdk-quang-tri-benh-an-dien-tu-2024.pdf`` -- a PDF with a text layer, made
  with fpdf2 and the DejaVu Sans TrueType font (embedded), whose two-column header
  (parent body | motto, hospital | motto line, symbol | place and date) and
  signature block (recipients | signer) are drawn as borderless tables, as a
  Word file printed to PDF lays them out. Its source has three parts split by
  ``===`` (header rows, body paragraphs, signature rows; cells split by a tab, so the
  source read as text says what the PDF says);
* ``kh-duqs-bac-ninh-ket-luan-01-2023.txt`` -- UTF-16 (LE, with BOM, CRLF line
  ends), as Word's "Unicode text" export writes it;
* ``kh-ubkthu-tam-binh-vinh-long-kiem-tra-giam-sat-2024.txt`` -- Windows-1258
  (CP1258), the legacy Vietnamese code page (tone marks as combining characters),
  with the OCR slips of a scanned copy ('Noi nhận', 'Thuờng trực', 'UBNĐ');
* ``qd-ubnd-chau-thanh-hau-giang-de-an-du-lich-nong-thon-2024.docx`` -- a .docx made
  with python-docx, header (issuer | motto, symbol | place and date) and signature
  block (recipients | signer) in tables.

The texts are held in ``src/*.src.txt`` (UTF-8), so a reader can see what the bytes
say; those are not part of the evaluated set. The writers are the shared ones of
``tests/data/heldout_binary.py``; only the table-header PDF is drawn here.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

import heldout_binary  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets
from heldout_binary import write_all  # noqa: E402

#: file -> how it is written from src/<file>.src.txt
FILES = {
    "kh-duqs-bac-ninh-ket-luan-01-2023.txt": "utf16",
    "kh-ubkthu-tam-binh-vinh-long-kiem-tra-giam-sat-2024.txt": "cp1258",
    "qd-ubnd-chau-thanh-hau-giang-de-an-du-lich-nong-thon-2024.docx": "docx",
}
#: the PDF whose header and signature are drawn as two-column tables
TABLE_HEADER_PDF = "kh-bvdk-quang-tri-benh-an-dien-tu-2024.pdf"


def _draw_rows(pdf, block: str) -> None:
    """Draw ``block`` (one row a line, cells split by a tab) as a borderless two-column table."""
    rows = [line.split("\t") for line in block.strip("\n").splitlines()]
    with pdf.table(borders_layout="NONE", text_align="CENTER", first_row_as_headings=False,
                   line_height=6) as table:
        for cells in rows:
            row = table.row()
            for value in cells:
                row.cell(value.strip())


def write_table_header_pdf(src: Path, dest: Path) -> None:
    """Write ``dest`` as an A4 PDF: header table, one paragraph per body line, signature table."""
    from fpdf import FPDF

    header, body, footer = src.read_text(encoding="utf-8").split("\n===\n")
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2024, 6, 3, tzinfo=timezone.utc))
    pdf.add_font("DejaVu", fname=str(heldout_binary.FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.set_margins(20, 15, 15)
    pdf.add_page()
    _draw_rows(pdf, header)
    pdf.ln(4)
    for line in body.strip().splitlines():
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _draw_rows(pdf, footer)
    pdf.output(str(dest))


if __name__ == "__main__":
    write_table_header_pdf(HERE / "src" / f"{TABLE_HEADER_PDF}.src.txt", HERE / TABLE_HEADER_PDF)
    write_all(HERE, FILES)
