"""Write the held-out v15 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v15/make_binary.py`` rewrites, next to itself:

* ``kh-cqltt-quang-ngai-cao-diem-tet-at-ty-2024.docx`` -- a .docx made with python-docx:
  header (issuer | motto, symbol | place and date) in a table, body paragraphs, a task
  table whose "Đơn vị chủ trì" cell is merged down over two rows (one lead for two
  duties, as Word draws it: the second row's own cell is empty in the source), more
  body paragraphs and the signature table. Its source has five parts split by ``===``;
* ``ctr-thanh-uy-thu-dau-mot-binh-duong-cong-nghiep-hoa-2023.txt`` -- UTF-16 (LE, with
  BOM, CRLF line ends), as Word's "Unicode text" export writes it;
* ``kh-pgddt-thoai-son-an-giang-chuyen-doi-so-giao-duc-2023.txt`` -- Windows-1258
  (CP1258), the legacy Vietnamese code page (tone marks as combining characters);
* ``kh-ttyt-huong-hoa-quang-tri-tiem-chung-mo-rong-2024.pdf`` -- a PDF with a text
  layer, made with fpdf2 and the DejaVu Sans TrueType font (embedded).

The texts are held in ``src/*.src.txt`` (UTF-8), so a reader can see what the bytes
say; those are not part of the evaluated set. The writers are the shared ones of
``tests/data/heldout_binary.py``; only the merge of the task table's lead cells is done here.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

import heldout_binary  # noqa: E402 - tests/data/heldout_binary.py, shared by the sets
from heldout_binary import write_all  # noqa: E402

#: file -> how it is written from src/<file>.src.txt
FILES = {
    "ctr-thanh-uy-thu-dau-mot-binh-duong-cong-nghiep-hoa-2023.txt": "utf16",
    "kh-pgddt-thoai-son-an-giang-chuyen-doi-so-giao-duc-2023.txt": "cp1258",
    "kh-ttyt-huong-hoa-quang-tri-tiem-chung-mo-rong-2024.pdf": "pdf",
}
#: the .docx whose task table has a lead cell merged over two duties
MERGED_LEAD_DOCX = "kh-cqltt-quang-ngai-cao-diem-tet-at-ty-2024.docx"
#: column of "Đơn vị chủ trì" in that task table
LEAD_COLUMN = 2


def merge_empty_lead_cells(table) -> None:
    """Merge each empty lead cell of ``table`` into the lead cell above it, as Word shows one lead for two rows."""
    rows = table.rows
    # read the texts before merging: a merged cell shows its text in every row it spans
    empty = [i for i in range(1, len(rows)) if not rows[i].cells[LEAD_COLUMN].text.strip()]
    for i in empty:
        rows[i - 1].cells[LEAD_COLUMN].merge(rows[i].cells[LEAD_COLUMN])


if __name__ == "__main__":
    heldout_binary.write_docx(HERE / "src" / f"{MERGED_LEAD_DOCX}.src.txt", HERE / MERGED_LEAD_DOCX,
                              created=datetime(2024, 12, 10, tzinfo=timezone.utc),
                              on_table=lambda table, k: merge_empty_lead_cells(table) if k == 1 else None)
    write_all(HERE, FILES)
