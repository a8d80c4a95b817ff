"""Write the held-out v4 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v4/make_binary.py`` rewrites, next to itself:

* ``qd-bct-an-ninh-nang-luong-2025.docx`` -- a .docx made with python-docx whose
  header (issuer | motto, symbol | place and date) is a 2x2 table and whose
  signature block (recipients | signer) is a second table;
* ``ctr-tu-bac-giang-cong-nghiep-hoa-2023.txt`` -- UTF-16 (LE, with BOM, CRLF
  line ends), as Word's "Unicode text" export writes it;
* ``kh-hu-long-phu-soc-trang-chuan-muc-dao-duc-2024.txt`` -- Windows-1258
  (CP1258), tone marks as combining characters, with OCR slips kept as typed;
* ``ct-ttg-phong-chong-thien-tai-2024.pdf`` -- a PDF with a text layer, made
  with fpdf2 and the DejaVu Sans TrueType font (embedded).

The texts are held in ``src/*.src.txt`` (UTF-8), so a reader can see what the
bytes say; those are not part of the evaluated set. The writers are shared by
the sets (``tests/data/heldout_binary.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from heldout_binary import write_all  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets

#: file -> how it is written from src/<file>.src.txt
FILES = {
    "qd-bct-an-ninh-nang-luong-2025.docx": "docx",
    "ctr-tu-bac-giang-cong-nghiep-hoa-2023.txt": "utf16",
    "kh-hu-long-phu-soc-trang-chuan-muc-dao-duc-2024.txt": "cp1258",
    "ct-ttg-phong-chong-thien-tai-2024.pdf": "pdf",
}

if __name__ == "__main__":
    write_all(HERE, FILES)
