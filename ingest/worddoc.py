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

4. automatic list numbers ("I.", "1.", "a)") are not in the text: a paragraph's
   properties (``PapxFkp`` pages found through ``PlcBtePapx``, or its style in the
   ``STSH``) name a list (``sprmPIlfo``) and a level (``sprmPIlvl``); the list's levels
   (``PlfLst``: number format, level text, start) and the overrides of that list
   instance (``PlfLfo``) give the label, counted the way Word counts ([MS-DOC] 2.4.6.5
   "Determining Paragraph Numbering", 2.9.150 LVL).

Only the text and list numbers are read: no other formatting, no headers, footnotes or
text boxes. Cells come out one per line, the way ``ingest.clean`` expects a flattened
table. Word 6/95 files, encrypted files and files without a piece table are refused
with a clear message; list structures that cannot be read leave the text without its
numbers rather than failing the file.
"""

from __future__ import annotations

import bisect
import io
import struct
from dataclasses import dataclass, field

from ingest import patterns as P
from ingest.errors import UnreadableFile
from ingest.listnumbers import format_number

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
#: Indexes of the (fc, lcb) pairs of FibRgFcLcb97 ([MS-DOC] 2.5.6) the list numbers need:
#: the style sheet, the paragraph-property bin table, the list definitions and list instances.
_STSHF_PAIR, _BTE_PAPX_PAIR, _PLF_LST_PAIR, _PLF_LFO_PAIR = 1, 13, 73, 74
#: Paragraph sprms ([MS-DOC] 2.6.2): the list level (1-byte operand) and the list instance (2 bytes).
_SPRM_P_ILVL, _SPRM_P_ILFO = 0x260A, 0x460B
#: Sprms whose operand size is not in their first byte ([MS-DOC] 2.2.5.1): sprmTDefTable, sprmPChgTabs.
_SPRM_T_DEF_TABLE, _SPRM_P_CHG_TABS = 0xD608, 0xC615
#: Operand size by the sprm's spra bits ([MS-DOC] 2.2.5.1); 6 is variable.
_SPRA_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
#: Number formats (MSONFC, [MS-DOC] 2.9.173) as the DOCX reader names them; 23 is a bullet, 255 none.
_NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 22: "decimalZero",
        23: "bullet", 255: "none"}

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
    text = _main_text(word, pieces, ccp_text)
    try:
        text = _with_list_numbers(word, table, pieces, text)
    except (struct.error, IndexError, ValueError, KeyError):
        pass  # damaged list structures: the text without its numbers, not a refused file
    return _clean_text(text)


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


def _fc_lcb(word: bytes, pair: int) -> tuple[int, int]:
    """Return the (fc, lcb) pair number ``pair`` of FibRgFcLcb97, or (0, 0) if the FIB is too short to hold it."""
    at = 32
    (csw,) = struct.unpack_from("<H", word, at)
    at += 2 + csw * 2
    (cslw,) = struct.unpack_from("<H", word, at)
    at += 2 + cslw * 4
    (count,) = struct.unpack_from("<H", word, at)
    if pair >= count:
        return 0, 0
    return struct.unpack_from("<II", word, at + 2 + pair * 8)


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


# --------------------------------------------------------------------------- list numbers


@dataclass(slots=True)
class _Level:
    """One level of a Word list: number format, level text with placeholders, start, follower."""

    nfc: int = 0
    text: str = ""  # "\x00." for "1.", "\x00.\x01." for "1.1." (0-8: the level whose number goes there)
    start: int = 1
    legal: bool = False  # fLegal: every number of the label in decimal ("1.1" under a Roman level)
    no_restart: bool = False  # fNoRestart: not restarted by a higher level


@dataclass(slots=True)
class _ListInstance:
    """A list instance (LFO) as paragraphs name it: its list (lsid) and its level overrides."""

    lsid: int
    starts: dict[int, int] = field(default_factory=dict)  # ilvl -> start-at override
    levels: dict[int, _Level] = field(default_factory=dict)  # ilvl -> formatting override


def _sprms(grpprl: bytes) -> dict[int, bytes]:
    """Return {sprm: operand} of a property modifier list ([MS-DOC] 2.2.5.1), the last one of each sprm winning."""
    out: dict[int, bytes] = {}
    at, n = 0, len(grpprl)
    while at + 2 <= n:
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        spra = sprm >> 13
        if sprm == _SPRM_T_DEF_TABLE:
            (cb,) = struct.unpack_from("<H", grpprl, at)
            size = 2 + cb - 1
        elif sprm == _SPRM_P_CHG_TABS:
            if grpprl[at] == 255:
                break  # the rare long form: nothing a list number needs comes after it in practice
            size = 1 + grpprl[at]
        elif spra == 6:
            size = 1 + grpprl[at]
        else:
            size = _SPRA_SIZE[spra]
        out[sprm] = grpprl[at: at + size]
        at += size
    return out


def _list_of(sprms: dict[int, bytes]) -> tuple[int | None, int | None]:
    """Return (ilfo, ilvl) set by a property list, each None where it sets none."""
    ilfo = struct.unpack_from("<h", sprms[_SPRM_P_ILFO])[0] if _SPRM_P_ILFO in sprms else None
    ilvl = sprms[_SPRM_P_ILVL][0] if _SPRM_P_ILVL in sprms else None
    return ilfo, ilvl


def _level(data: bytes, at: int) -> tuple[_Level, int]:
    """Return the LVL at ``at`` ([MS-DOC] 2.9.150: LVLF, grpprlPapx, grpprlChpx, xst) and the offset after it."""
    start, nfc, flags = struct.unpack_from("<iBB", data, at)
    cb_chpx, cb_papx = data[at + 24], data[at + 25]
    at += 28 + cb_papx + cb_chpx
    (cch,) = struct.unpack_from("<H", data, at)
    text = data[at + 2: at + 2 + 2 * cch].decode("utf-16-le", errors="replace")
    return _Level(nfc=nfc, text=text, start=start, legal=bool(flags & 0x04), no_restart=bool(flags & 0x08)), \
        at + 2 + 2 * cch


def _lists(table: bytes, fc: int, lcb: int) -> dict[int, list[_Level]]:
    """Return {lsid: levels} of the list definitions (PlfLst, then the LVLs of each list in order)."""
    if not lcb:
        return {}
    (count,) = struct.unpack_from("<h", table, fc)
    heads = []
    for i in range(max(0, count)):
        at = fc + 2 + 28 * i
        (lsid,) = struct.unpack_from("<i", table, at)
        heads.append((lsid, 1 if table[at + 26] & 0x01 else 9))  # fSimpleList: one level
    out: dict[int, list[_Level]] = {}
    at = fc + 2 + 28 * max(0, count)  # the LVLs follow the PlfLst ([MS-DOC] 2.4.6.5)
    for lsid, n in heads:
        levels = []
        for _ in range(n):
            lvl, at = _level(table, at)
            levels.append(lvl)
        out[lsid] = levels
    return out


def _instances(table: bytes, fc: int, lcb: int) -> list[_ListInstance]:
    """Return the list instances (PlfLfo: LFOs, then each one's LFOData), in order (ilfo 1 is the first)."""
    if not lcb:
        return []
    (count,) = struct.unpack_from("<i", table, fc)
    heads = []
    for i in range(max(0, count)):
        at = fc + 4 + 16 * i
        (lsid,) = struct.unpack_from("<i", table, at)
        heads.append((lsid, table[at + 12]))  # clfolvl: how many level overrides follow in its LFOData
    out = []
    at = fc + 4 + 16 * max(0, count)
    for lsid, n in heads:
        inst = _ListInstance(lsid)
        at += 4  # LFOData.cp
        for _ in range(n):
            start, flags = struct.unpack_from("<iI", table, at)
            at += 8
            ilvl = flags & 0x0F
            if flags & 0x10:  # fStartAt
                inst.starts[ilvl] = start
            if flags & 0x20:  # fFormatting: a whole LVL follows
                inst.levels[ilvl], at = _level(table, at)
        out.append(inst)
    return out


def _paragraph_runs(word: bytes, table: bytes, fc: int, lcb: int) -> tuple[list[int], list[tuple[int, int, dict]]]:
    """Return (run starts, runs) of paragraph properties: (first fc, end fc, {istd, sprms}) from every PapxFkp page."""
    if not lcb:
        return [], []
    n = (lcb - 4) // 8
    runs = []
    for i in range(n):
        (pn,) = struct.unpack_from("<I", table, fc + 4 * (n + 1) + 4 * i)
        page = word[(pn & 0x3FFFFF) * 512: (pn & 0x3FFFFF) * 512 + 512]
        crun = page[511]
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for r in range(crun):
            b_offset = page[4 * (crun + 1) + 13 * r]
            props: dict = {"istd": 0, "sprms": {}}
            if b_offset:
                at = 2 * b_offset
                cb = page[at]
                data = page[at + 1: at + 1 + 2 * cb - 1] if cb else page[at + 2: at + 2 + 2 * page[at + 1]]
                props = {"istd": struct.unpack_from("<H", data)[0], "sprms": _sprms(data[2:])}
            runs.append((fcs[r], fcs[r + 1], props))
    runs.sort(key=lambda r: r[0])
    return [r[0] for r in runs], runs


def _style_lists(table: bytes, fc: int, lcb: int) -> dict[int, tuple[int | None, int | None, int]]:
    """Return {istd: (ilfo, ilvl, istdBase)} of the paragraph styles ([MS-DOC] 2.9.271 STSH, 2.9.260 STD)."""
    if not lcb:
        return {}
    (cb_stshi,) = struct.unpack_from("<H", table, fc)
    cstd, cb_base = struct.unpack_from("<HH", table, fc + 2)
    at = fc + 2 + cb_stshi
    end = fc + lcb
    out = {}
    for istd in range(cstd):
        if at + 2 > end:
            break
        (cb_std,) = struct.unpack_from("<H", table, at)
        std_at = at + 2
        at = std_at + cb_std
        if not cb_std:
            continue
        (sti_flags, stk_base, _next, _bch_upe) = struct.unpack_from("<HHHH", table, std_at)
        if stk_base & 0x0F != 1:
            continue  # not a paragraph style
        p = std_at + cb_base
        (cch,) = struct.unpack_from("<H", table, p)
        p += 2 + 2 * cch + 2  # the style's name (Xstz: characters and a terminating zero)
        (cb_upx,) = struct.unpack_from("<H", table, p)
        upx = table[p + 2: p + 2 + cb_upx]  # UpxPapx: istd, then the style's paragraph sprms
        ilfo, ilvl = _list_of(_sprms(upx[2:]))
        out[istd] = (ilfo, ilvl, stk_base >> 4)
    return out


def _fc_at(starts: list[int], pieces: list[tuple[int, int, int, bool]], cp: int) -> int:
    """Return the stream offset of character ``cp`` of the text (through the piece that holds it)."""
    i = bisect.bisect_right(starts, cp) - 1
    first, _last, offset, compressed = pieces[i]
    return offset + (cp - first) * (1 if compressed else 2)


class _Counter:
    """Word's list counters: one set per list (lsid), shared by its instances, restarted by higher levels."""

    def __init__(self, lists: dict[int, list[_Level]], instances: list[_ListInstance]) -> None:
        self.lists, self.instances = lists, instances
        self.counts: dict[int, list[int | None]] = {}
        self.started: set[int] = set()

    def label(self, ilfo: int, ilvl: int) -> str:
        """Return the label of the next paragraph of list instance ``ilfo`` (1-based) at ``ilvl`` ("1. ", "a) ", "- ")."""
        if not 0 < ilfo <= len(self.instances):
            return ""  # 0: no list; 0xF801 (-2047): "no list" set explicitly over a style's list
        inst = self.instances[ilfo - 1]
        levels = self.lists.get(inst.lsid)
        if not levels:
            return ""
        ilvl = min(max(ilvl, 0), len(levels) - 1)
        level_of = lambda k: inst.levels.get(k) or levels[min(k, len(levels) - 1)]  # noqa: E731
        counts = self.counts.setdefault(inst.lsid, [None] * 9)
        if ilfo not in self.started:
            self.started.add(ilfo)
            for k, start in inst.starts.items():
                if 0 <= k < 9:
                    counts[k] = start - 1  # a start-at override: this instance restarts the list
        lvl = level_of(ilvl)
        counts[ilvl] = lvl.start if counts[ilvl] is None else counts[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            if deeper < len(levels) and not level_of(deeper).no_restart:
                counts[deeper] = None
        if _NFC.get(lvl.nfc) == "bullet" or (len(lvl.text) == 1 and ord(lvl.text) >= 9):
            return "- "  # a bullet: one symbol, no number (the DOCX reader writes "- " too)
        if _NFC.get(lvl.nfc) == "none" or not lvl.text:
            return ""
        out = []
        for ch in lvl.text:
            k = ord(ch)
            if k < 9:
                value = counts[k] if counts[k] is not None else level_of(k).start
                fmt = "decimal" if lvl.legal else _NFC.get(level_of(k).nfc, "decimal")
                out.append(format_number(value, fmt))
            else:
                out.append(ch)
        return "".join(out) + " "


def _with_list_numbers(word: bytes, table: bytes, pieces: list[tuple[int, int, int, bool]], text: str) -> str:
    """Return ``text`` with each automatically numbered paragraph's label written before it ("1. Mục đích")."""
    lists = _lists(table, *_fc_lcb(word, _PLF_LST_PAIR))
    if not lists:
        return text  # no list in the document: nothing to number
    counter = _Counter(lists, _instances(table, *_fc_lcb(word, _PLF_LFO_PAIR)))
    run_starts, runs = _paragraph_runs(word, table, *_fc_lcb(word, _BTE_PAPX_PAIR))
    styles = _style_lists(table, *_fc_lcb(word, _STSHF_PAIR))
    piece_starts = [p[0] for p in pieces]
    out, start = [], 0
    for m in P.DOC_PARAGRAPH_END.finditer(text):
        fc = _fc_at(piece_starts, pieces, m.start())
        i = bisect.bisect_right(run_starts, fc) - 1
        label = ""
        if i >= 0 and fc < runs[i][1]:
            props = runs[i][2]
            ilfo, ilvl = _list_of(props["sprms"])
            istd, seen = props["istd"], set()
            while (ilfo is None or ilvl is None) and istd in styles and istd not in seen:
                seen.add(istd)  # the style's list, then its base style's (a style inherits its base's lists)
                s_ilfo, s_ilvl, istd = styles[istd]
                ilfo = s_ilfo if ilfo is None else ilfo
                ilvl = s_ilvl if ilvl is None else ilvl
            if ilfo:
                label = counter.label(ilfo, ilvl or 0)
        out.append(label + text[start: m.end()] if label and text[start: m.end()].strip("\r\x07") else text[start: m.end()])
        start = m.end()
    out.append(text[start:])
    return "".join(out)
