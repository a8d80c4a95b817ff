"""Text of legacy Word documents (``.doc``, Word 97-2003 binary format), for ``ingest.read``.

Government portals still publish many plans as ``.doc``. The text is read the way
the format's specification says ([MS-DOC] 2.4.1 "Retrieving Text",
https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-doc/):

1. the ``WordDocument`` stream of the OLE2 file starts with the FIB; its
   ``fWhichTblStm`` bit names the table stream (``0Table`` or ``1Table``), its
   ``ccpText`` gives the length of the main text in characters and its
   ``fcClx``/``lcbClx`` where the piece table (``Clx``) is in the table stream;
2. the piece table maps runs of character positions to byte offsets in the
   ``WordDocument`` stream, each either "compressed" (one byte per character,
   Windows-1252) or UTF-16LE;
3. the main text is the first ``ccpText`` characters. Paragraphs end with
   ``\\r``, table cells and rows with ``\\x07``; fields are
   ``\\x13 code \\x14 result \\x15`` (the result is what the reader sees).

Only the text is read: no formatting, no list numbers (Word 97 keeps them in the
paragraph properties, which this reader does not parse), no headers, footnotes or
text boxes. Cells come out one per line, the way ``ingest.clean`` expects a flattened
table. Word 6/95 files, encrypted files and files without a piece table are refused
with a clear message.
"""

from __future__ import annotations

import io
import struct

from ingest.errors import UnreadableFile

#: FibBase.wIdent of a Word binary document ([MS-DOC] 2.5.2).
_WORD_IDENT = 0xA5EC
#: The first nFib of Word 97 ([MS-DOC] 2.5.2: 0x00C1); older files have another FIB layout.
_NFIB_WORD97 = 0x00C1
#: FibBase flag bits ([MS-DOC] 2.5.2): fEncrypted and fWhichTblStm.
_F_ENCRYPTED = 0x0100
_F_WHICH_TABLE = 0x0200
#: Index of fcClx among the FibRgFcLcb97 (fc, lcb) pairs ([MS-DOC] 2.5.6).
_CLX_PAIR = 33
#: Index of ccpText in FibRgLw97 ([MS-DOC] 2.5.5).
_CCP_TEXT = 3

#: Characters of the text stream that are marks, not text ([MS-DOC] 2.4.1 and 2.8.25):
#: paragraph, cell/row, line break, page/section break -> a new line; non-breaking hyphen
#: -> "-"; optional hyphen, picture, footnote and annotation anchors, drawn objects -> nothing.
_MARKS = {
    "\r": "\n", "\x07": "\n", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n",
    "\x1e": "-", "\x1f": "", "\x01": "", "\x02": "", "\x03": "", "\x04": "", "\x05": "", "\x08": "",
}
#: ``str.translate`` table: the marks, and every other control character but tab and newline dropped.
_TRANSLATE = {**{c: None for c in range(32) if chr(c) not in "\t\n"}, **{ord(k): v for k, v in _MARKS.items()}}


def is_word_binary(data: bytes) -> bool:
    """Return True if ``data`` is an OLE2 file holding a ``WordDocument`` stream."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return ole.exists("WordDocument")
    except Exception:  # noqa: BLE001 - a sniff: any damage means "not a Word document we can read"
        return False


def read_doc(data: bytes, name: str) -> str:
    """Return the main text of a Word 97-2003 ``.doc``: one line per paragraph or table cell.

    Raises ``UnreadableFile`` for an OLE2 file that is no Word document, a Word 6/95 file,
    an encrypted file, or a damaged piece table.
    """
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error, IndexError) as exc:
        raise UnreadableFile(name, "not a valid .doc file (damaged OLE2 container)") from exc
    with ole:
        if not ole.exists("WordDocument"):
            raise UnreadableFile(name, "OLE2 file without a Word document (Excel or PowerPoint?); save it as .docx")
        word = ole.openstream("WordDocument").read()
        ident, nfib = struct.unpack_from("<HH", word, 0)
        if ident != _WORD_IDENT:
            raise UnreadableFile(name, "not a valid .doc file (no Word file information block)")
        if nfib < _NFIB_WORD97:
            raise UnreadableFile(name, "Word 6/95 .doc format is not supported; save it as .docx")
        (flags,) = struct.unpack_from("<H", word, 0x0A)
        if flags & _F_ENCRYPTED:
            raise UnreadableFile(name, "encrypted .doc (password required)")
        table_name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
        if not ole.exists(table_name):
            raise UnreadableFile(name, f"not a valid .doc file (no {table_name} stream)")
        table = ole.openstream(table_name).read()
    ccp_text, fc_clx, lcb_clx = _fib_fields(word, name)
    pieces = _pieces(table, fc_clx, lcb_clx, name)
    return _clean_text(_main_text(word, pieces, ccp_text))


def _fib_fields(word: bytes, name: str) -> tuple[int, int, int]:
    """Return (ccpText, fcClx, lcbClx) from the FIB's variable parts ([MS-DOC] 2.5.1)."""
    try:
        at = 32  # after FibBase
        (csw,) = struct.unpack_from("<H", word, at)
        at += 2 + csw * 2  # FibRgW97
        (cslw,) = struct.unpack_from("<H", word, at)
        rg_lw = at + 2
        (ccp_text,) = struct.unpack_from("<i", word, rg_lw + _CCP_TEXT * 4)
        at = rg_lw + cslw * 4
        (cb_rg_fc_lcb,) = struct.unpack_from("<H", word, at)
        if cb_rg_fc_lcb <= _CLX_PAIR:
            raise UnreadableFile(name, "not a valid .doc file (file information block too short)")
        fc_clx, lcb_clx = struct.unpack_from("<II", word, at + 2 + _CLX_PAIR * 8)
    except struct.error as exc:
        raise UnreadableFile(name, "not a valid .doc file (truncated file information block)") from exc
    if ccp_text < 0:
        raise UnreadableFile(name, "not a valid .doc file (negative text length)")
    return ccp_text, fc_clx, lcb_clx


def _pieces(table: bytes, fc_clx: int, lcb_clx: int, name: str) -> list[tuple[int, int, int, bool]]:
    """Return the piece table as (first cp, last cp, byte offset, compressed) ([MS-DOC] 2.9.38 Clx)."""
    clx = table[fc_clx: fc_clx + lcb_clx]
    at = 0
    try:
        while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers, skipped
            (cb,) = struct.unpack_from("<h", clx, at + 1)
            at += 3 + max(0, cb)
        if at >= len(clx) or clx[at] != 0x02:
            raise UnreadableFile(name, "not a valid .doc file (no piece table)")
        (lcb,) = struct.unpack_from("<I", clx, at + 1)
        plc = clx[at + 5: at + 5 + lcb]
        n = (len(plc) - 4) // 12
        if n <= 0 or len(plc) < 4 + 12 * n:
            raise UnreadableFile(name, "not a valid .doc file (empty piece table)")
        cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
        out = []
        for i in range(n):
            (fc,) = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)
            compressed = bool(fc & 0x40000000)
            offset = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
            out.append((cps[i], cps[i + 1], offset, compressed))
    except struct.error as exc:
        raise UnreadableFile(name, "not a valid .doc file (truncated piece table)") from exc
    return out


def _main_text(word: bytes, pieces: list[tuple[int, int, int, bool]], ccp_text: int) -> str:
    """Return the first ``ccp_text`` characters of the document's text, piece by piece."""
    parts = []
    for first, last, offset, compressed in pieces:
        if first >= ccp_text:
            break
        count = min(last, ccp_text) - first
        if count <= 0:
            continue
        if compressed:
            # [MS-DOC] 2.4.1: a compressed piece is Windows-1252, except for the few bytes the
            # specification maps elsewhere, which cp1252 maps the same way
            parts.append(word[offset: offset + count].decode("cp1252", errors="replace"))
        else:
            parts.append(word[offset: offset + 2 * count].decode("utf-16-le", errors="replace"))
    return "".join(parts)


def _clean_text(text: str) -> str:
    """Return ``text`` with field codes removed (results kept) and marks turned into lines or nothing."""
    if "\x13" in text:
        text = _field_results(text)
    return text.translate(_TRANSLATE)


def _field_results(text: str) -> str:
    """Return ``text`` without its fields' codes: ``\x13 code \x14 result \x15`` -> ``result``.

    Fields nest ([MS-DOC] 2.8.25 PlcFld): a stack of "inside a field's code" flags; \x13 opens a
    field (its code first), \x14 switches to its result, \x15 closes it. A character is text
    only if no enclosing field is in its code (a field inside another's code is part of that code).
    """
    out: list[str] = []
    stack: list[bool] = []
    in_code = 0  # how many flags of ``stack`` are True
    for ch in text:
        if ch == "\x13":
            stack.append(True)
            in_code += 1
        elif ch == "\x14":
            if stack and stack[-1]:
                stack[-1] = False
                in_code -= 1
        elif ch == "\x15":
            if stack:
                in_code -= stack.pop()
        elif not in_code:
            out.append(ch)  # a field's code ("PAGE", "HYPERLINK ...") is not text
    return "".join(out)
