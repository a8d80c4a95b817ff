"""Binary and legacy-encoded held-out documents, written from readable UTF-8 sources.

Each held-out set (``heldout/v2/``, ``heldout/v3/``, ...) keeps the texts of its .docx, .pdf, UTF-16 and
CP1258 files in ``src/*.src.txt`` and a ``make_binary.py`` that names which source becomes
which file, with the writers below. Regenerating gives the same bytes (fixed time stamps).
The PDF needs the DejaVu font from the system (Debian package ``fonts-dejavu-core``).
"""

from __future__ import annotations

import unicodedata
from datetime import datetime, timezone
from pathlib import Path

#: combining tone marks CP1258 keeps separate (grave, acute, tilde, hook above, dot below)
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
#: a Unicode TrueType font with every precomposed Vietnamese letter
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


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


def add_table(doc, block: str) -> None:
    """Add ``block`` to ``doc`` as a table: one row a line, cells split on `` || ``, `` // `` a line break."""
    rows = [line.split(" || ") for line in block.strip().splitlines()]
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value.replace(" // ", "\n").replace("//", "\n")


def write_docx(src: Path, dest: Path, list_item: str | None = None,
               created: datetime = datetime(2023, 5, 17, tzinfo=timezone.utc), on_table=None) -> None:
    """Write ``dest`` as a .docx from ``src``, whose sections (split by ``===``) alternate tables and runs of
    body paragraphs, a table first and last: header, body, signature; or header, body, task table, body,
    signature.

    With ``list_item`` (e.g. ``"# "``), body lines starting with it become items of a Word
    numbered list ("List Number" style): numbers Word draws, not typed in the text.
    ``on_table(table, k)``, when given, is called on the ``k``-th table once it is written (to merge cells).
    """
    from docx import Document

    sections = src.read_text(encoding="utf-8").split("\n===\n")
    doc = Document()
    doc.core_properties.created = created
    doc.core_properties.modified = created
    for n, block in enumerate(sections):
        if n % 2 == 0:
            add_table(doc, block)
            if on_table is not None:
                on_table(doc.tables[-1], n // 2)
            continue
        for line in block.strip().splitlines():
            if list_item and line.startswith(list_item):
                doc.add_paragraph(line[len(list_item):], style="List Number")
            else:
                doc.add_paragraph(line)
    doc.save(dest)
    fix_zip_times(dest)


def fix_zip_times(path: Path) -> None:
    """Rewrite the zip at ``path`` with one fixed time stamp per entry, so regenerating gives the same bytes."""
    import zipfile

    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2023, 5, 17, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, data)


def write_pdf(src: Path, dest: Path, page_numbers: bool = False,
              created: datetime = datetime(2024, 10, 28, tzinfo=timezone.utc)) -> None:
    """Write ``dest`` as an A4 PDF with a text layer, one paragraph per line of ``src``.

    With ``page_numbers``, pages 2, 3, ... carry their number centred in the top margin (a
    running header that text extraction puts inside the body).
    """
    from fpdf import FPDF

    class _PDF(FPDF):
        def header(self) -> None:
            """Draw the page number on pages after the first when asked; returns None."""
            if page_numbers and self.page_no() > 1:
                self.set_y(8)
                self.cell(0, 5, str(self.page_no()), align="C", new_x="LMARGIN", new_y="NEXT")
                self.set_y(18)

    pdf = _PDF(format="A4")
    pdf.set_creation_date(created)
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.set_margins(20, 18 if page_numbers else 15, 15)
    pdf.add_page()
    for line in src.read_text(encoding="utf-8").splitlines():
        if line.strip():
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    pdf.output(str(dest))


def write_utf16(src: Path, dest: Path) -> None:
    """Write ``dest`` as Word's "Unicode text" export does: UTF-16 LE with BOM, CRLF line ends."""
    dest.write_bytes(src.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-16"))


def write_cp1258(src: Path, dest: Path) -> None:
    """Write ``dest`` in Windows-1258 with CRLF line ends (see ``to_cp1258``)."""
    dest.write_bytes(to_cp1258(src.read_text(encoding="utf-8").replace("\n", "\r\n")))


WRITERS = {"docx": write_docx, "pdf": write_pdf, "utf16": write_utf16, "cp1258": write_cp1258}


def write_all(here: Path, files: dict[str, str]) -> None:
    """Write each ``name`` of ``files`` in ``here`` from ``here/src/<name>.src.txt`` with the writer its kind names."""
    for name, kind in files.items():
        WRITERS[kind](here / "src" / f"{name}.src.txt", here / name)
