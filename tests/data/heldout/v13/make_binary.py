"""Write the held-out v13 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v13/make_binary.py`` rewrites, next to itself, from the
readable UTF-8 texts in ``src/<name>.src.txt`` (which are not part of the evaluated set):

* ``kh-vks-ba-ria-vung-tau-nha-nuoc-phap-quyen-2024.txt`` -- UTF-16 (LE, with BOM,
  CRLF line ends), as Word's "Unicode text" export writes it;
* ``kh-ubnd-binh-tan-vinh-long-kinh-te-tap-the-2024.txt`` -- Windows-1258 (CP1258),
  tone marks as combining characters;
* ``kh-bdt-quang-binh-chuong-trinh-1719-2024.docx`` -- a .docx made with python-docx,
  header (issuer | motto, symbol | place and date) and signature block in tables;
* ``kh-vp-doan-dbqh-hdnd-lai-chau-giam-sat-2024.pdf`` -- a PDF with a text layer
  (fpdf2, DejaVu Sans embedded; Debian package ``fonts-dejavu-core``);
* ``kh-ct-tien-giang-hoa-don-may-tinh-tien-2023.docx`` -- a .docx whose duties are a
  real Word table between body paragraphs (the shared ``write_docx``: five ``===``
  parts, header table, paragraphs, duty table, paragraphs, signature table).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from heldout_binary import write_all  # noqa: E402 - shared by the sets

#: file -> how it is written from src/<file>.src.txt
FILES = {
    "kh-vks-ba-ria-vung-tau-nha-nuoc-phap-quyen-2024.txt": "utf16",
    "kh-ubnd-binh-tan-vinh-long-kinh-te-tap-the-2024.txt": "cp1258",
    "kh-bdt-quang-binh-chuong-trinh-1719-2024.docx": "docx",
    "kh-vp-doan-dbqh-hdnd-lai-chau-giam-sat-2024.pdf": "pdf",
    "kh-ct-tien-giang-hoa-don-may-tinh-tien-2023.docx": "docx",  # with a task table between body parts
}

if __name__ == "__main__":
    write_all(HERE, FILES)
