"""Write the held-out v2 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v2/make_binary.py`` rewrites, next to itself:

* ``qd-ubnd-binh-dinh-de-an-06-2022.docx`` -- a .docx made with python-docx whose
  header (issuer | motto, symbol | place and date) is a 2x2 table and whose
  signature block is a second table, as provincial offices lay them out;
* ``kh-tu-lang-son-chi-thi-05-2021.txt`` -- UTF-16 (LE, with BOM), as Word's
  "Unicode text" export writes it;
* ``kh-ubnd-krong-pac-giam-ngheo-2022.txt`` -- Windows-1258 (CP1258), the legacy
  Vietnamese code page, whose tone marks are combining characters (so the text is
  written decomposed: base letter with its shape mark, then the tone mark).

The texts are held in ``src/*.src.txt`` (UTF-8), so a
reader can see what the bytes say; those are not part of the evaluated set.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from heldout_binary import write_all  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets

#: file -> how it is written from src/<file>.src.txt
FILES = {
    'qd-ubnd-binh-dinh-de-an-06-2022.docx': 'docx',
    'kh-tu-lang-son-chi-thi-05-2021.txt': 'utf16',
    'kh-ubnd-krong-pac-giam-ngheo-2022.txt': 'cp1258',
}

if __name__ == "__main__":
    write_all(HERE, FILES)
