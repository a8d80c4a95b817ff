"""Write the held-out v11 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v11/make_binary.py`` rewrites, next to itself:

* ``kh-hlhpn-huyen-chau-thanh-tien-giang-phu-nu-khoi-nghiep-2024.txt`` -- UTF-16
  (LE, with BOM, CRLF line ends), as Word's "Unicode text" export writes it.

The texts are held in ``src/*.src.txt`` (UTF-8); those are not part of the
evaluated set.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from heldout_binary import write_all  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets

#: file -> how it is written from src/<file>.src.txt
FILES = {
    'kh-hlhpn-huyen-chau-thanh-tien-giang-phu-nu-khoi-nghiep-2024.txt': 'utf16',
}

if __name__ == "__main__":
    write_all(HERE, FILES)
