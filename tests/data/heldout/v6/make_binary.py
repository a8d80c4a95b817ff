"""Write the held-out v6 documents that are in a legacy encoding or binary.

``python tests/data/heldout/v6/make_binary.py`` rewrites, next to itself:

* ``ctr-hu-chau-thanh-tay-ninh-nghi-quyet-66-2025.txt`` -- Windows-1258 (CP1258)
  with CRLF line ends, text decomposed as that code page writes it; it keeps the
  OCR slip "Noi nhận" of its source;
* ``kl-bct-nghi-quyet-18-sap-xep-bo-may-2025.txt`` -- UTF-16 (LE, BOM, CRLF), as
  Word's "Unicode text" export writes it;
* ``kh-bnnmt-chuyen-doi-so-nghi-quyet-57-2025.docx`` -- a .docx made with
  python-docx: header in a 2x2 table, body paragraphs (signature included), and
  the appendix "DANH MỤC NHIỆM VỤ" as a real 5-column table (TT | Nhiệm vụ | Cơ
  quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành);
* ``qd-ttg-de-an-phat-trien-nhan-luc-ban-dan-2025.pdf`` -- a PDF with a text layer
  (fpdf2, DejaVu Sans embedded) whose appendix table is flattened one cell per
  line with one cell empty. Needs the font from Debian's ``fonts-dejavu-core``.

The texts are held in ``src/<file>.src.txt`` (UTF-8) so a reader can see what the
bytes say; those are not part of the evaluated set.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from heldout_binary import write_all  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets

#: file -> how it is written from src/<file>.src.txt
FILES = {
    'ctr-hu-chau-thanh-tay-ninh-nghi-quyet-66-2025.txt': 'cp1258',
    'kl-bct-nghi-quyet-18-sap-xep-bo-may-2025.txt': 'utf16',
    'kh-bnnmt-chuyen-doi-so-nghi-quyet-57-2025.docx': 'docx',
    'qd-ttg-de-an-phat-trien-nhan-luc-ban-dan-2025.pdf': 'pdf',
}

if __name__ == "__main__":
    write_all(HERE, FILES)
