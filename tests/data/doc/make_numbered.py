"""Write ``numbered-85.docx``/``.doc`` (the Châu Thành sample with Word's automatic numbering) and ``styled-lists.docx``/``.doc``.

Usage (from the repository root; needs LibreOffice for the .doc, Debian ``libreoffice-writer-nogui``)::

    python tests/data/doc/make_numbered.py

Real plans are often typed with Word lists: "I.", "1.", "a)" and "-" are list labels, not
text. This rebuilds the real sample ``corpus/samples/85-KH-UBND_chau-thanh-soc-trang_2020.txt``
that way: its markdown marks are dropped, each typed label becomes a list level of one
multilevel list (I. / 1. / a)) or a bullet list, and the rest stays a plain paragraph.
LibreOffice then saves the .docx as Word 97-2003 (``doc:"MS Word 97"``), which keeps the
lists in the binary list tables (PlfLst, PlfLfo) and each paragraph's properties.
``styled-lists`` is numbered through paragraph styles ("List Number", "List Bullet"), the way
documents typed on Word's own templates are.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from tests.data.word_lists import add_list, number  # noqa: E402 - shared with tests/test_read.py

SOURCE = ROOT / "corpus" / "samples" / "85-KH-UBND_chau-thanh-soc-trang_2020.txt"
OUT = Path(__file__).resolve().parent / "numbered-85"

#: A typed label at the start of a line, and the list level it becomes.
LABELS = [(re.compile(r"^[IVX]+\.\s+"), 0), (re.compile(r"^\d+\.\s+"), 1), (re.compile(r"^[a-zđ]\)\s+"), 2),
          (re.compile(r"^-\s+"), "bullet")]


def build(text: str) -> Document:
    """Return a Document with ``text``'s paragraphs, typed labels replaced by Word list numbering."""
    doc = Document()
    add_list(doc, 90)  # I. / 1. / a)
    add_list(doc, 91, (("bullet", "-"),), multilevel=False)
    for line in text.splitlines():
        line = re.sub(r"^#+\s*", "", line).replace("**", "").strip()
        if not line:
            continue
        for rx, level in LABELS:
            m = rx.match(line)
            if m:
                num_id, ilvl = (91, 0) if level == "bullet" else (90, level)
                number(doc.add_paragraph(line[m.end():]), num_id, ilvl)
                break
        else:
            doc.add_paragraph(line)
    return doc


def build_styled() -> Document:
    """Return a short plan numbered by paragraph styles only ("List Number", "List Bullet" of Word's template)."""
    doc = Document()
    doc.add_paragraph("Số: 12/KH-UBND")
    for text in ("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát vị trí việc làm.",
                 "Sở Y tế tổ chức tập huấn cho cán bộ y tế cơ sở."):
        doc.add_paragraph(text, style="List Number")
    doc.add_paragraph("Thời gian: Quý IV/2024.", style="List Bullet")
    return doc


def _to_doc(docx: Path) -> None:
    """Save ``docx`` as a Word 97-2003 .doc beside it, through LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--convert-to", 'doc:MS Word 97', "--outdir", tmp, str(docx)],
                       check=True, capture_output=True)
        shutil.move(str(Path(tmp) / docx.with_suffix(".doc").name), docx.with_suffix(".doc"))


def main() -> None:
    """Write the .docx files, then their .doc through LibreOffice."""
    build(SOURCE.read_text(encoding="utf-8")).save(OUT.with_suffix(".docx"))
    _to_doc(OUT.with_suffix(".docx"))
    styled = OUT.parent / "styled-lists.docx"
    build_styled().save(styled)
    _to_doc(styled)


if __name__ == "__main__":
    main()
