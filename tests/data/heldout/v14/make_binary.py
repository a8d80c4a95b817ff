"""Write the held-out v14 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v14/make_binary.py`` rewrites, next to itself:

* ``hd-btctu-nghe-an-dai-hoi-chi-bo-2024.txt`` -- Windows-1258 (CP1258) with CRLF
  line ends, tone marks as combining bytes; the text keeps OCR slips ("Noi nhận",
  "Thuờng trực");
* ``nq-hdnd-huyen-chau-thanh-soc-trang-kinh-te-xa-hoi-2025.txt`` -- UTF-16 (LE, with
  BOM, CRLF), as Word's "Unicode text" export writes it; header columns split by tabs;
* ``kh-btc-khoa-hoc-cong-nghe-nghi-quyet-57-2025.docx`` -- python-docx, header and
  signature in 2-column tables, duties as a typed 3-level outline ("1.", "1.1.", "a)", "-");
* ``kh-ubnd-bac-kan-luat-can-cuoc-de-an-06-2024.pdf`` -- fpdf2 with the DejaVu Sans
  font embedded (a real text layer), and a running page number at the top of every
  page after the first, as Vietnamese administrative documents are numbered
  (Nghị định 30/2020/NĐ-CP, Phụ lục I: page numbers centred in the top margin, from page 2).

The texts are held in ``src/*.src.txt`` (UTF-8); those are not part of the evaluated set.
The PDF needs the DejaVu font from the system (Debian package ``fonts-dejavu-core``).
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from heldout_binary import FONT, WRITERS, write_all  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets


def write_pdf_numbered(src: Path, dest: Path) -> None:
    """Write ``dest`` as an A4 PDF with a text layer and the page number atop pages 2, 3, ... of ``src``'s text."""
    from fpdf import FPDF

    class NumberedPDF(FPDF):
        """An FPDF whose pages after the first carry their number centred in the top margin."""

        def header(self) -> None:
            """Draw the page number (nothing on page 1); returns None."""
            if self.page_no() > 1:
                self.set_y(8)
                self.cell(0, 5, str(self.page_no()), align="C", new_x="LMARGIN", new_y="NEXT")
                self.set_y(18)

    pdf = NumberedPDF(format="A4")
    pdf.set_creation_date(datetime(2024, 7, 22, tzinfo=timezone.utc))
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.set_margins(20, 18, 15)
    pdf.add_page()
    for line in src.read_text(encoding="utf-8").splitlines():
        if line.strip():
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    pdf.output(str(dest))


WRITERS.setdefault("pdf_numbered", write_pdf_numbered)

#: file -> how it is written from src/<file>.src.txt
FILES = {
    "hd-btctu-nghe-an-dai-hoi-chi-bo-2024.txt": "cp1258",
    "nq-hdnd-huyen-chau-thanh-soc-trang-kinh-te-xa-hoi-2025.txt": "utf16",
    "kh-btc-khoa-hoc-cong-nghe-nghi-quyet-57-2025.docx": "docx",
    "kh-ubnd-bac-kan-luat-can-cuoc-de-an-06-2024.pdf": "pdf_numbered",
}

if __name__ == "__main__":
    write_all(HERE, FILES)
