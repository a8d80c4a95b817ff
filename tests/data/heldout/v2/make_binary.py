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

import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: combining tone marks CP1258 keeps separate (grave, acute, tilde, hook above, dot below)
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Return ``text`` encoded in CP1258: vowel shapes precomposed, tone marks as combining bytes."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        tones = "".join(c for c in parts if c in TONES)
        out.append(base.encode("cp1258") + tones.encode("cp1258"))
    return b"".join(out)


def _add_table(doc, block: str) -> None:
    """Add ``block`` to ``doc`` as a table: one row a line, cells split on `` || ``, `` // `` a line break."""
    rows = [line.split(" || ") for line in block.strip().splitlines()]
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value.replace(" // ", "\n")


def write_docx(src: Path, dest: Path) -> None:
    """Write ``dest`` as a .docx from ``src`` (header table, body paragraphs, signature table, split by ``===``)."""
    from docx import Document

    header, body, footer = src.read_text(encoding="utf-8").split("\n===\n")
    doc = Document()
    _add_table(doc, header)
    for line in body.strip().splitlines():
        doc.add_paragraph(line)
    _add_table(doc, footer)
    doc.save(dest)


def main() -> None:
    """Write the three files from their UTF-8 sources in ``src/``."""
    src = HERE / "src"
    name = "qd-ubnd-binh-dinh-de-an-06-2022.docx"
    write_docx(src / f"{name}.src.txt", HERE / name)
    name = "kh-tu-lang-son-chi-thi-05-2021.txt"  # Word's "Unicode text": UTF-16 LE with BOM, CRLF
    text = (src / f"{name}.src.txt").read_text(encoding="utf-8")
    (HERE / name).write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    name = "kh-ubnd-krong-pac-giam-ngheo-2022.txt"
    text = (src / f"{name}.src.txt").read_text(encoding="utf-8")
    (HERE / name).write_bytes(to_cp1258(text.replace("\n", "\r\n")))


if __name__ == "__main__":
    main()
