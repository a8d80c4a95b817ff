"""Write the held-out v5 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v5/make_binary.py`` rewrites, next to itself:

* ``kh-ubnd-ninh-kieu-can-tho-de-an-06-2023.txt`` -- UTF-16 (LE, with BOM, CRLF
  line ends), as Word's "Unicode text" export writes it;
* ``khlt-snv-ldld-thai-binh-van-hoa-cong-so-2024.txt`` -- Windows-1258 (CP1258),
  a joint plan of a Sở and a mass organisation, with OCR slips kept as scanned;
* ``qd-ubnd-ha-nam-quy-che-cum-cong-nghiep-2024.pdf`` -- a PDF with a text layer
  (fpdf2, DejaVu Sans embedded): a Quyết định with the Quy chế it issues attached.

The texts are held in ``src/*.src.txt`` (UTF-8); those are not part of the
evaluated set. The writers are shared: ``tests/data/heldout_binary.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from heldout_binary import write_all  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets

#: file -> how it is written from src/<file>.src.txt
FILES = {
    'kh-ubnd-ninh-kieu-can-tho-de-an-06-2023.txt': 'utf16',
    'khlt-snv-ldld-thai-binh-van-hoa-cong-so-2024.txt': 'cp1258',
    'qd-ubnd-ha-nam-quy-che-cum-cong-nghiep-2024.pdf': 'pdf',
}

if __name__ == "__main__":
    write_all(HERE, FILES)
