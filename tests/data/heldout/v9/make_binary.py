"""Write the held-out v9 documents that are binary or in a legacy encoding.

``python tests/data/heldout/v9/make_binary.py`` rewrites, next to itself:

* ``kh-ubnd-xa-meo-vac-tuyen-quang-dan-toc-thieu-so-2025.docx`` -- a .docx made with
  python-docx: header (issuer | motto, symbol | place and date) in a table, body
  paragraphs, then a task table whose two header rows ("Cơ quan thực hiện" merged
  over the "Chủ trì" / "Phối hợp" sub-columns; "TT", "Nội dung nhiệm vụ" and
  "Thời gian hoàn thành" merged down) come back in the middle of the table, as a
  table converted from a printed copy repeats them on each page; then more body
  paragraphs and the signature table. Its source has five parts split by ``===``
  (header, body, task table, body, signature);
* ``kl-tu-ca-mau-kinh-te-bien-2025.txt`` -- UTF-16 (LE, with BOM, CRLF line ends),
  as Word's "Unicode text" export writes it;
* ``nq-hdnd-xa-hon-dat-an-giang-kinh-te-xa-hoi-2025.txt`` -- Windows-1258 (CP1258),
  the legacy Vietnamese code page (tone marks as combining characters);
* ``qd-ct-ubnd-vinh-phuc-kiem-tra-cai-cach-hanh-chinh-2024.pdf`` -- a PDF with a
  text layer, made with fpdf2 and the DejaVu Sans TrueType font (embedded).

The texts are held in ``src/*.src.txt`` (UTF-8), so a reader can see what the bytes
say; those are not part of the evaluated set. The writers are the shared ones of
``tests/data/heldout_binary.py``; only the task-table .docx is assembled here, from
the shared table and zip helpers.
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
    "kl-tu-ca-mau-kinh-te-bien-2025.txt": "utf16",
    "nq-hdnd-xa-hon-dat-an-giang-kinh-te-xa-hoi-2025.txt": "cp1258",
    "qd-ct-ubnd-vinh-phuc-kiem-tra-cai-cach-hanh-chinh-2024.pdf": "pdf",
}
#: the .docx with a task table between two runs of body paragraphs
TASK_TABLE_DOCX = "kh-ubnd-xa-meo-vac-tuyen-quang-dan-toc-thieu-so-2025.docx"


def _merge_header_rows(table) -> None:
    """Merge each two-row task-table header ("TT" row, then the "Chủ trì" / "Phối hợp" row) as Word draws it."""
    rows = table.rows
    # find the header rows before merging: a merged cell shows its text in every row it spans
    starts = [i for i in range(len(rows) - 1) if rows[i].cells[0].text.strip() == "TT"]
    for i in starts:
        top, sub = rows[i].cells, rows[i + 1].cells
        top[2].merge(top[3])  # "Cơ quan thực hiện" over "Chủ trì" and "Phối hợp"
        for col in (0, 1, 4):  # "TT", "Nội dung nhiệm vụ", "Thời gian hoàn thành" span both rows
            top[col].merge(sub[col])


if __name__ == "__main__":
    heldout_binary.write_docx(HERE / "src" / f"{TASK_TABLE_DOCX}.src.txt", HERE / TASK_TABLE_DOCX,
                              created=datetime(2025, 10, 9, tzinfo=timezone.utc),
                              on_table=lambda table, k: _merge_header_rows(table) if k == 1 else None)
    write_all(HERE, {name: kind for name, kind in FILES.items() if (HERE / "src" / f"{name}.src.txt").exists()})
