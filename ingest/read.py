"""Stage 1, *read*: bytes -> ``RawDocument`` (decoded text, NFC).

Formats (issue #3, "Inputs"): plain text and markdown in UTF-8 (with or without
BOM), UTF-16/32 (BOM, or BOM-less UTF-16 recognised by its NUL bytes), legacy
Vietnamese Windows-1258, UTF-8 mangled through Windows-1252 ("mojibake") and text typed in
the TCVN3 (".VnTime") or VNI-Windows ("VNI-Times") font encodings;
DOCX (paragraphs, tables and text boxes in document order, Word list numbers
rendered); PDF with a text layer; HTML saved from legal portals (page chrome
stripped, the element holding the document kept).

Any bytes in give a ``RawDocument`` or one ``IngestError`` subclass with a
one-line message naming the file; nothing else escapes (issue #3, "Never
crash"). Notable repairs are recorded in ``RawDocument.encoding`` (e.g.
``"utf-8+mojibake"``, ``"tcvn3"``, ``"vni"``) and turned into warnings by the clean stage.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import logging
import unicodedata
import zipfile
from functools import lru_cache
from itertools import islice
from pathlib import Path

from ingest import patterns as P
from ingest import worddoc
from ingest.listnumbers import format_number
from ingest.errors import BinaryFile, EmptyDocument, IngestError, UnreadableFile
from ingest.model import RawDocument

_DATA = Path(__file__).parent / "data"

#: Extension -> format. Anything else is sniffed from the content.
_EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".docx": "docx", ".docm": "docx", ".doc": "doc", ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html",
}

#: Formats we recognise but cannot read, by extension, with the advice given to the user.
_UNSUPPORTED_EXT = {
    ".rtf": "RTF is not supported; save it as .docx or .txt",
    ".odt": "OpenDocument text is not supported; save it as .docx",
    ".xls": "spreadsheets are not supported", ".xlsx": "spreadsheets are not supported",
    ".zip": "unsupported format (ZIP archive); extract the documents first",
    ".png": "image file; OCR is not supported", ".jpg": "image file; OCR is not supported",
    ".jpeg": "image file; OCR is not supported", ".tif": "image file; OCR is not supported",
    ".tiff": "image file; OCR is not supported", ".gif": "image file; OCR is not supported",
}

#: The OLE2 compound file signature: Word 97-2003 ``.doc`` (read by ``ingest.worddoc``), ``.xls``, ``.ppt``.
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: Magic numbers of formats we cannot read (sniffed when the extension says nothing).
_UNSUPPORTED_MAGIC = (
    (b"{\\rtf", "RTF is not supported; save it as .docx or .txt"),
    (b"\x89PNG", "image file; OCR is not supported"),
    (b"\xff\xd8\xff", "image file; OCR is not supported"),
    (b"GIF8", "image file; OCR is not supported"),
    (b"II*\x00", "image file; OCR is not supported"),
    (b"MM\x00*", "image file; OCR is not supported"),
)

#: Letters that only Vietnamese uses among Latin scripts (plus the tone-marked vowels
#: U+1EA0-U+1EF9): their share of the non-ASCII letters tells a good decoding from a bad one.
#: ("â", "ê", "ô" are Latin-1: an 8-bit mis-decoding produces them too, so they prove nothing.)
_VN_SPECIFIC = set("ăđơưĂĐƠƯ") | {chr(c) for c in range(0x1EA0, 0x1EFA)}
_VN_LETTERS = _VN_SPECIFIC | set("âêôÂÊÔàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵÀÁÃÈÉÌÍÒÓÕÙÚÝ")

#: Latin-1 C1 controls -> the Windows-1252 characters of bytes 0x80-0x9F (undefined ones stay).
_LATIN1_TO_CP1252 = {}
for _b in range(0x80, 0xA0):
    try:
        _LATIN1_TO_CP1252[_b] = bytes([_b]).decode("cp1252")
    except UnicodeDecodeError:
        pass

#: Character -> byte for re-encoding text that a Windows-1252 decoder produced
#: (the five bytes cp1252 leaves undefined come back as C1 controls via Latin-1).
_CP1252_TO_BYTE = {}
for _b in range(256):
    try:
        _CP1252_TO_BYTE[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        _CP1252_TO_BYTE[chr(_b)] = _b


# --------------------------------------------------------------------------- public API


def read_text(text: str, name: str = "<text>") -> RawDocument:
    """Return a RawDocument for text already in memory (NFC; format from the name's extension)."""
    data = text.encode("utf-8", errors="surrogatepass")
    fmt = "md" if Path(name).suffix.lower() in (".md", ".markdown") else "txt"
    text = unicodedata.normalize("NFC", text.replace("\x00", ""))
    if not text.strip():
        raise EmptyDocument(name, "empty document (no text)")
    return RawDocument(path=name, text=text, fmt=fmt, encoding="utf-8",
                       sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def read_bytes(data: bytes, name: str) -> RawDocument:
    """Return the RawDocument decoded from ``data`` (format from ``name``'s extension, else sniffed).

    Raises ``UnreadableFile`` (unsupported or corrupt format), ``EmptyDocument``
    (no text, or a PDF without a text layer) or ``BinaryFile`` (not text).
    """
    name = str(name)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise UnreadableFile(name, f"expected bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data.strip():
        raise EmptyDocument(name, "empty file" if not data else "file holds only whitespace")
    fmt = detect_format(data, name)
    try:
        if fmt == "docx":
            text, encoding = _read_docx(data, name), None
        elif fmt == "doc":
            text, encoding = worddoc.read_doc(data, name), None
        elif fmt == "pdf":
            text, encoding = _read_pdf(data, name), None
        elif fmt == "html":
            text, encoding = _read_html(data, name)
        else:
            text, encoding = decode_text(data, name)
    except IngestError:
        raise
    except RecursionError as exc:
        raise UnreadableFile(name, f"{fmt.upper()} file is nested too deeply to read") from exc
    except Exception as exc:  # noqa: BLE001 - a corrupt file must never surface as a crash
        raise UnreadableFile(name, f"not a valid {fmt.upper()} file ({type(exc).__name__})") from exc
    if fmt not in ("txt", "md"):  # decode_text already returned NFC and repaired text
        text, encoding = repair_text(unicodedata.normalize("NFC", text), encoding)
    if not text.strip():
        raise EmptyDocument(name, "no text found in the file")
    return RawDocument(path=name, text=text, fmt=fmt, encoding=encoding,
                       sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def read_file(path: str | Path) -> RawDocument:
    """Return the RawDocument of the file at ``path``; raise ``UnreadableFile`` if it cannot be opened."""
    name = str(path)
    p = Path(path)
    try:
        if not p.exists():
            raise UnreadableFile(name, "no such file")
        if p.is_dir():
            raise UnreadableFile(name, "is a directory, not a file")
        data = p.read_bytes()
    except IngestError:
        raise
    except PermissionError as exc:
        raise UnreadableFile(name, "permission denied") from exc
    except (OSError, ValueError) as exc:
        raise UnreadableFile(name, getattr(exc, "strerror", None) or str(exc) or type(exc).__name__) from exc
    return read_bytes(data, name)


def detect_format(data: bytes, name: str) -> str:
    """Return the format of ``data``: "txt", "md", "docx", "doc", "pdf" or "html"; raise ``UnreadableFile`` if unsupported.

    The extension decides; text-like or unknown extensions are checked against
    magic numbers so a PDF or DOCX saved under another name is still read.
    """
    ext = Path(name).suffix.lower()
    if ext in _UNSUPPORTED_EXT:
        raise UnreadableFile(name, _UNSUPPORTED_EXT[ext])
    fmt = _EXTENSIONS.get(ext)
    if fmt in ("docx", "pdf"):
        return fmt
    head = data[:2048]
    if head.startswith(_OLE2_MAGIC):
        if worddoc.is_word_binary(data):
            return "doc"
        raise UnreadableFile(name, "unsupported format (OLE2 file that is not a Word document, e.g. .xls)")
    if fmt == "doc":
        # Portals and mail gateways serve HTML ("Word HTML"), RTF or text under a .doc name: what
        # Word itself opens, so the content decides, as for a file without an extension
        fmt = None
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        if _is_docx(data):
            return "docx"
        raise UnreadableFile(name, "unsupported format (ZIP archive that is not a DOCX document)")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, message in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            raise UnreadableFile(name, message)
    if fmt:
        return fmt
    low = head.lstrip(codecs.BOM_UTF8).lstrip().lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low[:512]:
        return "html"
    return "md" if ext in (".md", ".markdown") else "txt"


# --------------------------------------------------------------------------- text decoding


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` of a plain-text file; raise ``BinaryFile`` if it is not text.

    Order: BOM; BOM-less UTF-16 (NUL bytes on every other position); strict
    UTF-8 (the common case, no detection cost); Windows-1258 when the result
    reads as Vietnamese; else charset-normalizer's best guess. UTF-8 that went
    through Windows-1252 is repaired, TCVN3 (ABC) and VNI-Windows font text converted.
    """
    text, encoding = _decode_bytes(data, name)
    # Control bytes are the same in every ASCII-compatible encoding: count them on the bytes (fast).
    probe = data if encoding in ("utf-8", "utf-8-bom", "cp1258") else text
    if _control_ratio(probe) > 0.01 or "\x00" in text:
        raise BinaryFile(name, "binary data, not text in any supported encoding")
    return repair_text(unicodedata.normalize("NFC", text), encoding)


#: The second character of each ``P.MOJIBAKE_HINT`` alternative ("áº", "á»", "Æ°", "Ä‘", "Ä\x90").
_MOJIBAKE_SECOND = ("º", "»", "°", "‘", "\x90")


def repair_text(text: str, encoding: str | None) -> tuple[str, str | None]:
    """Return ``(text, encoding)`` with mojibake re-decoded and TCVN3 or VNI font codes converted.

    Applies to every format: a DOCX typed in ".VnTime" or "VNI-Times" holds the
    font codes as Unicode Latin-1 letters just like a legacy text file does. The
    encoding label records what was done ("tcvn3", "vni", "utf-8+mojibake") for
    the clean stage's warnings.

    Mixed documents: a document counts as VNI only when VNI codes outnumber
    Unicode-only Vietnamese letters (``_looks_vni``); its lines that hold Unicode
    Vietnamese (a pasted passage) are then kept as they are and the others
    converted. A Unicode document with a short VNI-typed quote is left wholly
    unchanged (the quote keeps its font codes): the fast path below decides as
    soon as the first 4,000 characters hold 20 Unicode-only Vietnamese letters.
    """
    label = encoding or "unicode"
    # every MOJIBAKE_HINT alternative ends with one of these rare characters: ``in`` finds them
    # ten times faster than the regex, which stops at every "á" of Vietnamese text
    if any(c in text for c in _MOJIBAKE_SECOND) and P.MOJIBAKE_HINT.search(text):
        fixed = _repair_mojibake(text)
        if fixed != text:
            text, label = fixed, f"{label}+mojibake"
    converted, font = convert_legacy_fonts(text)
    if font is not None:
        # the byte decoding (cp1252, or none for DOCX/HTML text) is implied by the font; repairs stay
        _, plus, repairs = label.partition("+")
        return converted, f"{font}{plus}{repairs}"
    return text, (label if label != "unicode" else encoding)


def convert_legacy_fonts(text: str) -> tuple[str, str | None]:
    """Return ``(text, font)``: text typed in a TCVN3 or VNI font converted to Unicode NFC with
    ``font`` "tcvn3" or "vni", or the text unchanged with None.

    Works on any text holding the font codes as Latin-1 letters, markup included
    (an HTML page can be converted before its chrome is judged by its Vietnamese
    markers). See ``repair_text`` for mixed documents.
    """
    # Fast path: 20 Unicode-only Vietnamese letters early on rule out both legacy font encodings.
    if sum(1 for _ in islice(P.VN_SPECIFIC_CHAR.finditer(text, 0, 4000), 20)) >= 20:
        return text, None
    if _looks_tcvn3(text):
        return _convert_tcvn3(text), "tcvn3"
    if _looks_vni(text):
        return _convert_vni(text), "vni"
    return text, None


def _decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Return the decoded text and the encoding used, before any repair."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(enc), f"{enc}-bom" if enc == "utf-8" else enc
            except UnicodeDecodeError:
                if enc != "utf-8":
                    return body.decode(enc, errors="replace"), enc
                data = body  # a UTF-8 BOM before non-UTF-8 bytes: decide below
                break
    utf16 = _sniff_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = data.decode("latin-1").translate(_LATIN1_TO_CP1252)
    if _looks_tcvn3(western):  # TCVN3 font codes are read as Windows-1252, then converted
        return western, "cp1252"
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = None
    if text is not None and _vietnamese_share(unicodedata.normalize("NFC", text)) >= 0.6:
        return text, "cp1258"
    # Checked after CP1258: its combining tone marks also follow plain vowels ("ô" + 0xEC).
    if _looks_vni(western):
        return western, "cp1252"
    best = _charset_guess(data)
    if best is not None:
        return best
    if text is not None:
        return text, "cp1258"
    raise BinaryFile(name, "binary data, not text in any supported encoding")


def _charset_guess(data: bytes) -> tuple[str, str] | None:
    """Return charset-normalizer's best ``(text, encoding)`` for ``data``, or None."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
    except Exception:  # noqa: BLE001 - a detector failure only means "no guess"
        return None
    if best is None or not best.encoding:
        return None
    try:
        return data.decode(best.encoding, errors="replace"), best.encoding
    except LookupError:
        return None


def _sniff_utf16(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" if BOM-less ``data`` looks like UTF-16 (NULs on one byte lane)."""
    sample = data[:8192]
    n = len(sample) // 2
    if n < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Vietnamese in UTF-16: ASCII letters, digits, spaces and the Latin-1 /
    # Latin Extended-A letters (à, đ, ơ, ư) all have a 0x00 high byte.
    if odd >= 0.2 * n and even <= 0.02 * n:
        enc = "utf-16-le"
    elif even >= 0.2 * n and odd <= 0.02 * n:
        enc = "utf-16-be"
    else:
        return None
    try:
        data[: len(data) // 2 * 2].decode(enc)
    except UnicodeDecodeError:
        return None
    return enc


#: C0 control bytes other than whitespace (tab, LF, VT, FF, CR), and DEL.
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])


def _control_ratio(text: str | bytes) -> float:
    """Return the share of C0 control characters (other than whitespace) in ``text`` (str or ASCII-compatible bytes)."""
    if not text:
        return 0.0
    sample = text[:200_000]
    if isinstance(sample, bytes):
        return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)
    return len(P.CONTROL_CHAR.findall(sample)) / len(sample)


def _vietnamese_share(text: str) -> float:
    """Return the share of Vietnamese letters among the non-ASCII letters of ``text`` (1.0 if none needs judging)."""
    non_ascii = [c for c in text[:50_000] if ord(c) > 127]
    if not non_ascii:
        return 1.0
    vn = sum(1 for c in non_ascii if c in _VN_LETTERS)
    if not any(c in _VN_SPECIFIC for c in non_ascii):
        return 0.0
    return vn / len(non_ascii)


def _repair_mojibake(text: str) -> str:
    """Return ``text`` with every word that is UTF-8 mis-decoded as Windows-1252 re-decoded ("Ná»™i" -> "Nội")."""

    def fix(m):
        """Return the re-decoded word, or the word unchanged if it is not mojibake."""
        word = m.group(0)
        if not P.MOJIBAKE.search(word):
            return word
        try:
            raw = bytes(_CP1252_TO_BYTE[c] for c in word)
            return raw.decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return word

    # NFC may have composed "Ã" + combining marks; work on the decomposition-free text.
    return unicodedata.normalize("NFC", P.CP1252_WORD.sub(fix, text))


# --------------------------------------------------------------------------- TCVN3 (ABC) fonts


@lru_cache(maxsize=1)
def _tcvn3_table() -> tuple[dict[int, str], frozenset[str]]:
    """Return the TCVN3 -> Unicode translation table and the set of TCVN3-only characters."""
    doc = json.loads((_DATA / "legacy_fonts.json").read_text(encoding="utf-8"))
    mapping = doc["tcvn3"]["map"]
    table = {ord(k): v for k, v in mapping.items()}
    # Codes that never occur in Unicode Vietnamese ("µ" for "à", "Ö" for "ệ") mark a TCVN3 text.
    marker = frozenset(k for k in mapping if k not in _VN_LETTERS)
    return table, marker


#: Least number of distinct TCVN3 codes in a TCVN3 text (the four samples in TCVN3: 38-40;
#: one sentence of a plan: 18; German, Spanish, Nordic or French prose: at most 6).
_TCVN3_MIN_DISTINCT = 10


def _looks_tcvn3(text: str) -> bool:
    """Return True if ``text`` is Vietnamese typed in a TCVN3 (".VnTime") font: TCVN3 glyph codes, no Unicode Vietnamese."""
    sample = text[:20_000]
    if len(P.VN_SPECIFIC_CHAR.findall(sample, 0, 4000)) >= 20:  # fast path: Unicode Vietnamese
        return False
    non_ascii = [c for c in sample if ord(c) > 127]
    if len(non_ascii) < 20:
        return False
    _, markers = _tcvn3_table()
    codes = [c for c in non_ascii if c in markers]
    tc = len(codes)
    vn = sum(1 for c in non_ascii if c in _VN_SPECIFIC)
    if tc < 0.3 * len(non_ascii) or vn > 0.02 * len(non_ascii):
        return False
    # German, Spanish or Nordic prose also uses TCVN3 codes ("ü" is "ỹ", "ñ" is "ủ", "ø" is "ứ"),
    # sometimes densely, but only a handful of them; Vietnamese uses dozens.
    if len(set(codes)) < _TCVN3_MIN_DISTINCT:
        return False
    # VNI shares many codes, but writes them after a plain vowel ("Vieät"); TCVN3 codes are the
    # vowels themselves and mostly follow consonants ("Céng").
    return len(_vni_pairs(sample)) < 0.7 * tc


def _convert_tcvn3(text: str) -> str:
    """Return ``text`` with TCVN3 glyph codes replaced by the Unicode letters they draw."""
    table, _ = _tcvn3_table()
    return unicodedata.normalize("NFC", text.translate(table))


# --------------------------------------------------------------------------- VNI-Windows fonts


@lru_cache(maxsize=1)
def _vni_table() -> dict[str, str]:
    """Return the VNI-Windows code -> Unicode letter map ("Vieät" holds "eä" -> "ệ"; "ñ" -> "đ")."""
    doc = json.loads((_DATA / "legacy_fonts.json").read_text(encoding="utf-8"))
    return dict(doc["vni"]["map"])


def _vni_pairs(sample: str) -> list[str]:
    """Return the base-plus-mark VNI codes of ``sample`` that the VNI table holds ("eä", "oø", "UÛ"), in order."""
    table = _vni_table()
    return [m for m in P.VNI_MARK_PAIR.findall(sample) if m in table]


#: Least number of VNI letter codes, of distinct VNI codes, and share of the other non-ASCII
#: characters that VNI codes hold, for a text to be VNI. In Vietnamese typed in VNI about two
#: thirds of the non-ASCII characters are marks after a vowel, of dozens of kinds (the four
#: samples: 0.66-0.70, 49-79 kinds); French prose makes a few kinds ("aï" in "naïf", "où",
#: "oû" in "goût") and keeps most accents elsewhere ("é"), German or Spanish none. Measured
#: on characters rather than words, so HTML markup around the text does not dilute it.
_VNI_MIN_CODES = 20
_VNI_MIN_DISTINCT = 10
_VNI_MIN_SHARE = 0.4


def _looks_vni(text: str) -> bool:
    """Return True if ``text`` is Vietnamese typed in a VNI font and VNI dominates over Unicode Vietnamese.

    VNI-Windows writes "Việt Nam" as the bytes of "Vieät Nam": a plain vowel
    followed by a Latin-1 letter standing for its marks. The text needs many
    such codes, of many kinds, making up most of its non-ASCII characters other
    than Unicode-only Vietnamese letters, and more of them than those letters
    (a VNI document with a pasted Unicode passage still counts; a Unicode
    document with a VNI quote does not).
    """
    sample = text[:20_000]
    pairs = _vni_pairs(sample)
    if len(pairs) < _VNI_MIN_CODES or len(set(pairs)) < _VNI_MIN_DISTINCT:
        return False
    unicode_vn = len(P.VN_SPECIFIC_CHAR.findall(sample))
    if unicode_vn >= len(pairs):
        return False
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    return len(pairs) >= _VNI_MIN_SHARE * (non_ascii - unicode_vn)


def _convert_vni(text: str) -> str:
    """Return ``text`` with VNI-Windows codes replaced by the Unicode letters they draw (NFC).

    Codes are matched longest first ("ôù" is "ớ" before "ô" is "ơ"). A line that
    already holds Unicode-only Vietnamese letters was pasted in Unicode and is
    kept as it is.
    """
    table = _vni_table()

    def letter(m) -> str:
        """Return the Unicode letter of one VNI code (a pair the table lacks: letter by letter)."""
        code = m.group(0)
        hit = table.get(code)
        return hit if hit is not None else table.get(code[0], code[0]) + code[1:]

    lines = text.splitlines(keepends=True)
    out = [line if P.VN_SPECIFIC_CHAR.search(line) else P.VNI_CODE.sub(letter, line) for line in lines]
    return unicodedata.normalize("NFC", "".join(out))


# --------------------------------------------------------------------------- DOCX


def _is_docx(data: bytes) -> bool:
    """Return True if the ZIP archive ``data`` holds a Word document body."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        return False


def _read_docx(data: bytes, name: str) -> str:
    """Return the text of a DOCX: one line per paragraph, one line per table-cell paragraph, in document order."""
    from docx import Document

    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types on bad packages
        raise UnreadableFile(name, "not a valid DOCX file") from exc
    numbering = _DocxNumbering(doc)
    lines: list[str] = []
    _docx_block(doc.element.body, lines, numbering)
    return "\n".join(lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Run-level elements whose content is not visible text (deleted revisions, field
#: codes, properties) or duplicates other content (the VML fallback of a text box).
_DOCX_SKIP = {_MC_FALLBACK, _W + "del", _W + "instrText", _W + "pPr", _W + "rPr", _W + "delText",
              _W + "fldData", _W + "moveFrom", _W + "footnoteReference", _W + "commentReference"}


def _docx_block(el, lines: list[str], numbering: "_DocxNumbering") -> None:
    """Append the lines of a block container (body, table cell, text box, content control) to ``lines``."""
    for child in el.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            _docx_paragraph(child, lines, numbering)
        elif tag == _W + "tbl":
            _docx_table(child, lines, numbering)
        elif tag in (_W + "sdt", _W + "customXml", _W + "sdtContent", _W + "ins", _W + "moveTo"):
            _docx_block(child, lines, numbering)


def _docx_table(tbl, lines: list[str], numbering: "_DocxNumbering") -> None:
    """Append a table's cells, row by row, each cell's paragraphs on their own lines.

    This is the "flattened cells one per line" shape of the samples: a task
    table gives TT / task / lead / support / deadline lines, a two-column header
    table gives issuer lines then national-motto lines.

    A cell merged down over several rows (``w:vMerge``) holds its text in its first row only;
    a later row that starts an entry of its own (its first cell is not merged from above)
    repeats that text, because the merged agency or deadline is that row's too, as a reader
    sees it ("Sở Nội vụ" spanning the lead column of rows 1 and 2).
    """
    above: dict[int, list[str]] = {}  # grid column -> lines of the cell that starts a vertical merge there
    for row in _docx_children(tbl, _W + "tr"):
        cells = list(_docx_children(row, _W + "tc"))
        own_entry = bool(cells) and _docx_vmerge(cells[0]) != "continue"
        col = _int(_val(row.find(_W + "trPr"), "gridBefore"))
        for cell in cells:
            merge = _docx_vmerge(cell)
            if merge == "continue" and own_entry and col > 0 and above.get(col):
                lines.extend(above[col])
            else:
                start = len(lines)
                _docx_block(cell, lines, numbering)
                if merge == "restart":
                    above[col] = lines[start:]
                elif merge is None:
                    above.pop(col, None)
            col += max(1, _int(_val(cell.find(_W + "tcPr"), "gridSpan"), 1))


def _docx_vmerge(cell) -> str | None:
    """Return "restart" or "continue" for a cell in a vertical merge (``w:tcPr/w:vMerge``), else None."""
    pr = cell.find(_W + "tcPr")
    vm = pr.find(_W + "vMerge") if pr is not None else None
    if vm is None:
        return None
    return "restart" if vm.get(_W + "val") == "restart" else "continue"


def _docx_children(el, tag: str):
    """Yield the children of ``el`` with ``tag``, looking through content-control wrappers."""
    for child in el.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _docx_children(child, tag)


def _docx_paragraph(p, lines: list[str], numbering: "_DocxNumbering") -> None:
    """Append one paragraph (with its Word list label, and its text boxes first) to ``lines``."""
    parts: list[str] = []
    boxes: list = []
    _docx_runs(p, parts, boxes)
    for box in boxes:
        _docx_block(box, lines, numbering)
    text = "".join(parts)
    label = numbering.label(p) if text.strip() else ""
    lines.extend((label + text).split("\n"))


def _docx_runs(el, parts: list[str], boxes: list) -> None:
    """Collect the visible text of a paragraph's runs (tabs, breaks) and its text boxes."""
    for child in el.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _DOCX_SKIP:
            continue
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "txbxContent":
            boxes.append(child)
        else:
            _docx_runs(child, parts, boxes)


class _DocxNumbering:
    """Word's automatic list numbering (numbering.xml), rendered as the text a reader sees.

    Plans number their sections with Word lists ("1.", "a)", "I."); python-docx
    gives only the paragraph text, so without this the task finder would lose
    every section number of such a file.
    """

    def __init__(self, doc) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId -> ilvl -> (fmt, text, start)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # styleId -> (numId, ilvl, basedOn)
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        try:
            root = doc.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part: no lists
            root = None
        if root is not None:
            for an in root.iterchildren(_W + "abstractNum"):
                levels = {}
                for lvl in an.iterchildren(_W + "lvl"):
                    levels[_int(lvl.get(_W + "ilvl"))] = (_val(lvl, "numFmt") or "decimal",
                                                          _val(lvl, "lvlText") or "", _int(_val(lvl, "start"), 1))
                self.levels[an.get(_W + "abstractNumId")] = levels
            for num in root.iterchildren(_W + "num"):
                overrides = {}
                for ov in num.iterchildren(_W + "lvlOverride"):
                    start = _val(ov, "startOverride")
                    if start is not None:
                        overrides[_int(ov.get(_W + "ilvl"))] = _int(start, 1)
                self.nums[num.get(_W + "numId")] = (_val(num, "abstractNumId"), overrides)
        try:
            styles = doc.styles.element
        except Exception:  # noqa: BLE001
            styles = None
        if styles is not None:
            for st in styles.iterchildren(_W + "style"):
                ppr = st.find(_W + "pPr")
                num_pr = ppr.find(_W + "numPr") if ppr is not None else None
                num_id = _val(num_pr, "numId") if num_pr is not None else None
                ilvl = _val(num_pr, "ilvl") if num_pr is not None else None
                self.styles[st.get(_W + "styleId")] = (num_id, ilvl, _val(st, "basedOn"))

    def _style_num(self, style_id: str | None) -> tuple[str | None, str | None]:
        """Return the (numId, ilvl) a paragraph style gives, following basedOn."""
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based = self.styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style_id = based
        return None, None

    def label(self, p) -> str:
        """Return the list label of paragraph ``p`` ("1. ", "a) ", "- " for bullets) and advance the counters."""
        ppr = p.find(_W + "pPr")
        if ppr is None:
            return ""
        num_pr = ppr.find(_W + "numPr")
        num_id = ilvl = None
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        if num_id is None:
            s_num, s_ilvl = self._style_num(_val(ppr, "pStyle"))
            num_id, ilvl = s_num, ilvl if ilvl is not None else s_ilvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.levels.get(abstract_id, {})
        level = min(max(_int(ilvl), 0), 8)
        if level not in levels:
            return ""
        fmt, text, start = levels[level]
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, st in overrides.items():
                if 0 <= lv < 9:
                    counters[lv] = st - 1
        counters[level] = start if counters[level] is None else counters[level] + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        if fmt == "bullet":
            return "- "
        if fmt == "none" or not text:
            return ""
        out = text
        for k in range(9, 0, -1):
            token = f"%{k}"
            if token in out:
                lv_fmt, _, lv_start = levels.get(k - 1, ("decimal", "", 1))
                value = counters[k - 1] if counters[k - 1] is not None else lv_start
                out = out.replace(token, format_number(value, lv_fmt))
        return out + " "


def _val(el, tag: str) -> str | None:
    """Return the w:val attribute of child ``tag`` of ``el``, or None."""
    if el is None:
        return None
    child = el.find(_W + tag)
    return child.get(_W + "val") if child is not None else None


def _int(value, default: int = 0) -> int:
    """Return ``value`` as an int, or ``default`` if it is missing or malformed."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# --------------------------------------------------------------------------- PDF


def _read_pdf(data: bytes, name: str) -> str:
    """Return the text layer of a PDF, page by page; raise ``EmptyDocument`` if it has none (a scan)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every quirk of real files
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:  # noqa: BLE001
                raise UnreadableFile(name, "encrypted PDF (password required)") from exc
        pages = list(reader.pages)
    except IngestError:
        raise
    except (PdfReadError, Exception) as exc:  # noqa: BLE001
        raise UnreadableFile(name, "not a valid PDF file") from exc
    out: list[str] = []
    layout = False  # a task table has started: its pages are read in layout mode
    for i, page in enumerate(pages, start=1):
        try:
            text = page.extract_text() or ""
            if layout or P.PDF_TABLE_HEADER.search(text):
                # the plain text layer runs a table row's cells together ("1 Rà soát ... Sở Tư pháp
                # Văn phòng UBND tỉnh Quý II/2024"); layout mode keeps the columns apart, which
                # ingest.clean reads back into cells. Tables come last (appendices) and run over pages.
                text = page.extract_text(extraction_mode="layout") or text
                layout = True
        except Exception:  # noqa: BLE001 - one broken page must not lose the others
            text = ""
        if layout and out:
            out.append("")  # a page break ends a table row's block of lines (ingest.clean reads rows by block)
        out.append(_strip_page_number(text, i))
    text = "\n".join(out)
    if not text.strip():
        raise EmptyDocument(name, "no text layer; OCR is not supported")
    return text


def _strip_page_number(text: str, page_no: int) -> str:
    """Return a page's text without a page-number line ("- 2 -", "Trang 2", "2") at its top or bottom.

    A bare number is dropped only when it equals the page number, because a
    flattened task table also has lines holding only a number.
    """
    lines = text.split("\n")

    def is_page_number(line: str) -> bool:
        """Return True if ``line`` is this page's number."""
        m = P.PAGE_NUMBER.match(line)
        if not m:
            return False
        n = m.group("dash") or m.group("word") or m.group("bare")
        return int(n) == page_no or m.group("bare") is None

    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and is_page_number(lines[0]):
        lines.pop(0)
    if lines and is_page_number(lines[-1]):
        lines.pop()
    return "\n".join(lines)


# --------------------------------------------------------------------------- HTML


def _read_html(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` of an HTML page: the document body without the portal's chrome."""
    m = P.HTML_META_CHARSET.search(data[:4096])
    declared = m.group("enc").decode("ascii", "replace").lower() if m else None
    text = encoding = None
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding = _decode_bytes(data, name)
    if "\x00" in text:
        raise BinaryFile(name, "binary data, not an HTML page")
    # Legacy font codes are converted before the page chrome is judged: a VNI page holds none of
    # the document markers in Unicode, so a portal <form> wrapping it would be dropped as chrome.
    text, font = convert_legacy_fonts(unicodedata.normalize("NFC", text))
    return html_to_text(text), font or encoding


#: Elements whose content is never document text.
_HTML_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
              "button", "select", "input", "textarea", "head", "video", "audio", "map")
#: Page chrome, removed unless it holds the document itself (ASP.NET portals wrap
#: the whole page in one <form>).
_HTML_CHROME = {"nav", "header", "footer", "aside", "form", "menu"}
#: Elements that start a new line.
_HTML_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
               "table", "tr", "thead", "tbody", "tfoot", "blockquote", "pre", "dl", "dt", "dd", "address",
               "figure", "figcaption", "center", "hr", "caption", "header", "footer", "nav", "aside", "form",
               "fieldset", "legend", "details", "summary", "body", "html", "td", "th"}
#: Text that only the document itself holds (header block, national motto, recipients):
#: an element containing one of these is never page chrome.
_DOC_MARKERS = ("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "ĐẢNG CỘNG SẢN VIỆT NAM", "Độc lập - Tự do",
                "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "Số:", "Nơi nhận", "TỈNH ỦY", "HUYỆN ỦY")


def _doc_markers(text: str) -> frozenset[str]:
    """Return the document markers that ``text`` contains."""
    return frozenset(m for m in _DOC_MARKERS if m in text)


def html_to_text(html: str) -> str:
    """Return the document text of an HTML page: chrome removed, the element holding the document kept, one line per block or table cell."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    root = tree.body
    if root is None:
        return ""
    for node in root.css(",".join(_HTML_DROP)):
        node.decompose()
    doomed = []
    for node in root.traverse():
        tag = node.tag
        if tag in _HTML_CHROME:
            doomed.append(node)
            continue
        attrs = node.attributes
        name = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v)
        style = attrs.get("style") or ""
        if (name and P.HTML_CHROME_NAME.search(name)) or (style and P.HTML_HIDDEN_STYLE.search(style)) \
                or "hidden" in attrs:
            doomed.append(node)
    for node in reversed(doomed):  # innermost first, so no node is touched after its ancestor is freed
        if not _doc_markers(node.text(deep=True)):
            node.decompose()
    node = _document_element(root)
    return _html_lines(node)


def _document_element(root):
    """Return the innermost element that still holds all of the page's document markers and most of its text."""
    node = root
    while True:
        markers = _doc_markers(node.text(deep=True))
        if not markers:
            return node
        total = len(node.text(deep=True))
        best = None
        for child in node.iter(include_text=False):
            text = child.text(deep=True)
            if _doc_markers(text) >= markers and len(text) >= 0.5 * total:
                best = child
                break
        if best is None:
            return node
        node = best


def _html_span(cell, attr: str) -> int:
    """Return a table cell's ``rowspan``/``colspan`` (1 when missing or malformed, at most 1000)."""
    value = (cell.attributes.get(attr) or "").strip()
    return min(int(value), 1000) if value.isdigit() and int(value) > 0 else 1


def _html_row(tr, pending: dict[int, list]) -> str:
    """Return the lines of one table row, a cell per line.

    A cell spanning rows down (``rowspan``) is written in its first row only; a later row that
    starts an entry of its own (nothing spans into its first column) repeats it, as the DOCX
    reader repeats a vertically merged cell. ``pending`` maps a column to [rows left, lines,
    colspan] of a cell spanning down into it, for the rows of this table still to come.
    """
    parts: list[str] = []
    own_entry = 0 not in pending
    col = 0

    def spanned_into() -> None:
        """Write (or skip) the cells spanning down into the columns at ``col``; advance ``col``."""
        nonlocal col
        while col in pending:
            left, text, width = pending[col]
            if own_entry and col > 0 and text:
                parts.append(text)
            if left <= 1:
                del pending[col]
            else:
                pending[col][0] = left - 1
            col += width

    for cell in tr.iter(include_text=False):
        if cell.tag not in ("td", "th"):
            continue
        spanned_into()
        text = _html_lines(cell)
        parts.append(text)
        width = _html_span(cell, "colspan")
        rows = _html_span(cell, "rowspan")
        if rows > 1:
            pending[col] = [rows - 1, text, width]
        col += width
    spanned_into()
    return "\n".join(parts)


def _html_lines(root) -> str:
    """Return the visible text under ``root``: blocks and table cells on their own lines."""
    out: list[str] = []
    tables: dict[int, dict[int, list]] = {}  # table -> cells spanning down into its next rows
    # (node, closing, inside <pre>): an explicit stack, so deeply nested pages cannot hit the recursion limit
    stack = [(root, False, False)]
    while stack:
        node, closing, pre = stack.pop()
        tag = node.tag
        if closing:
            out.append("\n")
            continue
        if tag == "-text":
            text = node.text(deep=False) or ""
            out.append(text if pre else P.WHITESPACE_RUN.sub(" ", text))
            continue
        if not tag or tag.startswith(("-", "_", "!")):
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag == "tr":
            table = node.parent
            while table is not None and table.tag != "table":
                table = table.parent
            pending = tables.setdefault(table.mem_id if table is not None else 0, {})
            out.append("\n" + _html_row(node, pending) + "\n")
            continue
        if tag in _HTML_BLOCK:
            out.append("\n")
            stack.append((node, True, pre))
        inner_pre = pre or tag in ("pre", "textarea", "plaintext", "xmp")
        children = list(node.iter(include_text=True))
        stack.extend((c, False, inner_pre) for c in reversed(children))
    lines = (line.strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)
