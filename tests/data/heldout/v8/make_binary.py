"""Write the held-out v8 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v8/make_binary.py`` rewrites, next to itself, each file of
``FILES`` from ``src/<file>.src.txt`` (UTF-8, readable) with the shared writers of
``tests/data/heldout_binary.py``:

* ``cd-ttg-ung-pho-bao-mua-lu-2025.txt`` -- UTF-16 (LE, BOM, CRLF), Word's "Unicode text" export
  of a Thủ tướng Công điện (tab-separated two-column header);
* ``kh-hnd-tinh-thanh-hoa-nghi-quyet-19-2024.txt`` -- Windows-1258 (CP1258) with OCR slips;
* ``qd-btp-ke-hoach-nghi-quyet-66-2025.docx`` -- .docx made with python-docx, header and
  signature block in tables;
* ``kh-ubnd-chau-thanh-tra-vinh-chuyen-doi-so-2024.pdf`` -- PDF with a text layer (fpdf2 +
  DejaVu Sans), with an appendix task table written one cell per line.

The PDF needs the DejaVu font from the system (Debian package ``fonts-dejavu-core``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from heldout_binary import write_all  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets

#: file -> how it is written from src/<file>.src.txt
FILES = {
    'kh-ubnd-chau-thanh-tra-vinh-chuyen-doi-so-2024.pdf': 'pdf',
    'qd-btp-ke-hoach-nghi-quyet-66-2025.docx': 'docx',
    'kh-hnd-tinh-thanh-hoa-nghi-quyet-19-2024.txt': 'cp1258',
    'cd-ttg-ung-pho-bao-mua-lu-2025.txt': 'utf16',
}

if __name__ == "__main__":
    write_all(HERE, FILES)
