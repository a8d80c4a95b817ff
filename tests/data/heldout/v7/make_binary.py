"""Write the held-out v7 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v7/make_binary.py`` rewrites, next to itself:

* ``nq-hdnd-binh-duong-ho-tro-hoc-phi-2024.docx`` -- a .docx made with
  python-docx whose header (issuer | motto, symbol | place and date) is a 2x2
  table and whose signature block (recipients | signer) is a second table;
* ``kh-qu-long-bien-ha-noi-ket-luan-14-2022.txt`` -- UTF-16 (LE, with BOM,
  CRLF line ends), as Word's "Unicode text" export writes it;
* ``ct-ubnd-dak-nong-bao-ve-rung-mua-kho-2024.txt`` -- Windows-1258 (CP1258),
  tone marks as combining characters, with the OCR slips of a scanned copy
  ("Noi nhận", "UBNĐ", "HDND");
* ``kh-sgddt-vinh-phuc-chuyen-doi-so-2023.pdf`` -- a PDF with a text layer,
  made with fpdf2 and the DejaVu Sans TrueType font (embedded).

The texts are held in ``src/*.src.txt`` (UTF-8), so a reader can see what the
bytes say; those are not part of the evaluated set. The PDF needs the DejaVu
font from the system (Debian package ``fonts-dejavu-core``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from heldout_binary import write_all  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets

#: file -> how it is written from src/<file>.src.txt
FILES = {
    'nq-hdnd-binh-duong-ho-tro-hoc-phi-2024.docx': 'docx',
    'kh-qu-long-bien-ha-noi-ket-luan-14-2022.txt': 'utf16',
    'ct-ubnd-dak-nong-bao-ve-rung-mua-kho-2024.txt': 'cp1258',
    'kh-sgddt-vinh-phuc-chuyen-doi-so-2023.pdf': 'pdf',
}

if __name__ == "__main__":
    write_all(HERE, FILES)
