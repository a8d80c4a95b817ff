"""Write the held-out v3 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v3/make_binary.py`` rewrites, next to itself:

* ``kh-ubnd-phong-dien-can-tho-xa-hoi-hoc-tap-2023.docx`` -- a .docx made with
  python-docx whose header (issuer | motto, symbol | place and date) is a 2x2
  table and whose signature block (recipients | signer) is a second table;
* ``ctr-tu-hung-yen-nong-nghiep-nong-thon-2022.txt`` -- UTF-16 (LE, with BOM,
  CRLF line ends), as Word's "Unicode text" export writes it;
* ``kh-hu-bao-lam-lam-dong-dai-hoi-dang-2024.txt`` -- Windows-1258 (CP1258), the
  legacy Vietnamese code page, whose tone marks are combining characters (so the
  text is written decomposed: base letter with its shape mark, then the tone mark);
* ``tt-btttt-chat-luong-dich-vu-vien-thong-2024.pdf`` -- a PDF with a text layer,
  made with fpdf2 and the DejaVu Sans TrueType font (embedded, so the Vietnamese
  letters are real text a PDF reader extracts, not glyph pictures).

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
    'kh-ubnd-phong-dien-can-tho-xa-hoi-hoc-tap-2023.docx': 'docx',
    'ctr-tu-hung-yen-nong-nghiep-nong-thon-2022.txt': 'utf16',
    'kh-hu-bao-lam-lam-dong-dai-hoi-dang-2024.txt': 'cp1258',
    'tt-btttt-chat-luong-dich-vu-vien-thong-2024.pdf': 'pdf',
}

if __name__ == "__main__":
    write_all(HERE, FILES)
