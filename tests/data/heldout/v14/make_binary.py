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
from functools import partial
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from heldout_binary import WRITERS, write_all, write_pdf  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets


WRITERS.setdefault("pdf_numbered", partial(write_pdf, page_numbers=True,
                                            created=datetime(2024, 7, 22, tzinfo=timezone.utc)))

#: file -> how it is written from src/<file>.src.txt
FILES = {
    "hd-btctu-nghe-an-dai-hoi-chi-bo-2024.txt": "cp1258",
    "nq-hdnd-huyen-chau-thanh-soc-trang-kinh-te-xa-hoi-2025.txt": "utf16",
    "kh-btc-khoa-hoc-cong-nghe-nghi-quyet-57-2025.docx": "docx",
    "kh-ubnd-bac-kan-luat-can-cuoc-de-an-06-2024.pdf": "pdf_numbered",
}

if __name__ == "__main__":
    write_all(HERE, FILES)
