"""Stage 2, *clean*: ``RawDocument`` -> ``CleanDocument`` (normalised lines with offsets).

What it does, in order (issue #3, "Inputs"):

1. characters: NFC, zero-width characters removed, NBSP and other spaces made
   plain, every line break style made ``\\n``;
2. markup residue: markdown emphasis, headings, quotes, escapes, links, inline
   HTML; bullets ("+", "•", "–", "*", Word symbol bullets) normalised to "- ";
3. lines: table rows split into one cell per line (separator rows dropped),
   two-column layouts (tab or wide gap) split into columns, spaces collapsed,
   empty lines dropped;
4. OCR slips repaired from ``ingest/data/ocr_fixes.json``, and the diacritics of a
   header written without any given back from its known words (``header_words.json``,
   document types, province and district names);
5. header lines broken inside "Số: ..." or "ngày ... tháng ... năm ..." joined,
   and a sentence broken by a page break (next line starts in lower case) rejoined;
   other lines are never joined: the task finder relies on line structure;
6. a legal portal's metadata block before the document header and its footer
   after the document dropped.

Each notable repair adds a line to ``warnings``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from itertools import accumulate, chain, count
from operator import add
from pathlib import Path

from ingest import admin_units
from ingest import patterns as P
from ingest.model import CleanDocument, Line, RawDocument

_DATA = Path(__file__).parent / "data"

#: Characters removed (zero-width, soft hyphen, BOM) or turned into a plain space / newline.
_CHAR_TABLE: dict[int, str | None] = {
    **{c: None for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E)},
    **{c: " " for c in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))},
    **{c: "\n" for c in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029)},
    **{c: None for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F)},
}

#: The odd characters real files carry (NBSP, zero-width space, BOM, soft hyphen, Word's
#: vertical tab for a manual line break, form feed, NUL).
_USUAL_ODD_CHARS = ("\u00a0", "\u200b", "\ufeff", "\u00ad", "\x0b", "\x0c", "\u200c", "\u200d",
                    "\u2060", "\x00", "\u202f", "\u2028", "\u2029", "\x85")

#: Encodings whose use deserves a warning (the read stage records repairs in ``RawDocument.encoding``).
_ENCODING_WARNINGS = {
    "cp1258": "decoded as legacy Vietnamese Windows-1258 (CP1258)",
    "tcvn3": "converted from the TCVN3 (ABC, .VnTime) font encoding; upper-case letters of .VnTimeH fonts come out in lower case",
    "vni": "converted from the VNI-Windows font encoding (VNI-Times and other VNI fonts, legacy 8-bit Vietnamese)",
}
#: Repairs and suspicions recorded after a "+" in ``RawDocument.encoding``.
_REPAIR_WARNINGS = {
    "mojibake": "repaired UTF-8 text that had been decoded as Windows-1252 (mojibake)",
}
_QUIET_ENCODINGS = {None, "utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "ascii",
                    "unicode"}  # "unicode": DOCX/PDF text, no byte decoding involved


def _build_fold_table() -> dict[int, str]:
    """Return a str.translate table that strips Vietnamese diacritics (fast ASCII fold for short lines)."""
    table = {ord("đ"): "d", ord("Đ"): "D", 0x2013: "-", 0x2014: "-", 0x2212: "-"}
    for cp in range(0xC0, 0x1EFA):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base.isascii() and base.isalpha() and base != chr(cp):
            table[cp] = base
    return table


_FOLD = _build_fold_table()


def _fold_key(line: str) -> str:
    """Return the diacritic-free, lower-case, dash-normalised key of a short line ("Độc lập – Tự do" -> "doc lap-tu do")."""
    s = line.translate(_FOLD).lower()
    return "-".join(" ".join(part.split()) for part in s.split("-"))


#: Diacritic-free first three letters of the fixed formulas of ``ocr_fixes.json`` "lines".
_FORMULA_STARTS = frozenset(("con", "doc", "dan", "noi"))
#: Every character whose folded lower-case form is the first letter of one of ``_FORMULA_STARTS``
#: ("C", "ç", "Đ", "ñ", ...): a line starting with another character cannot be a formula, and
#: this set test is cheaper than folding the line's first three characters.
_FORMULA_FIRST = frozenset(c for c in {*"cdnCDN", *map(chr, _FOLD)}
                           if c.translate(_FOLD).lower()[:1] in {k[0] for k in _FORMULA_STARTS})


@lru_cache(maxsize=1)
def _ocr_fixes():
    """Return (word pattern, word replacements, line fixes by key) from ``ingest/data/ocr_fixes.json``."""
    doc = json.loads((_DATA / "ocr_fixes.json").read_text(encoding="utf-8"))
    words = {w["find"]: w["replace"] for w in doc.get("words", [])}
    pattern = P.phrase_alternation(words) if words else None
    lines = {}
    for entry in doc.get("lines", []):
        accepted = frozenset(t.upper() for t in (entry["text"], *entry.get("variants", [])))
        lines[entry["fold"]] = (entry["text"], accepted)
    return pattern, words, lines


# --------------------------------------------------------------------------- public API


def clean(raw: RawDocument) -> CleanDocument:
    """Return the cleaned document: normalised, de-marked-up lines with their offsets, and warnings."""
    warnings: list[str] = list(_encoding_warnings(raw.encoding))
    text = normalise_chars(raw.text)
    text = strip_markup(text)
    lines = split_lines(text)
    lines, n_words = _fix_ocr_words(lines)
    lines, n_lines = _fix_ocr_lines(lines)
    if n_words or n_lines:
        warnings.append(f"repaired {n_words + n_lines} OCR slip(s) (e.g. 'Noi nhận' -> 'Nơi nhận')")
    lines = _counted(restore_header_marks(lines),
                     "gave back the diacritics of {} header line(s) written without them ('UY BAN NHAN DAN')", warnings)
    lines = join_header_breaks(lines)
    lines = _counted(drop_page_numbers(lines), "dropped {} page-number line(s) ('Trang 2/4')", warnings)
    lines = _counted(join_broken_symbols(lines),
                     "rejoined {} document symbol(s) broken across lines (e.g. 'NĐ-' / 'CP')", warnings)
    # DOCX and HTML give one line per paragraph by construction; PDFs and text copies of them may be wrapped.
    if raw.fmt == "pdf" or (raw.fmt in ("txt", "md") and looks_hard_wrapped(lines)):
        lines = _counted(unwrap_lines(lines), "joined {} hard-wrapped line(s) into their paragraphs", warnings)
    lines = _counted(join_page_breaks(lines), "rejoined {} sentence(s) broken across lines (page breaks)", warnings)
    lines = _counted(drop_portal_head(lines),
                     "dropped {} line(s) of legal-portal metadata before the document header", warnings)
    lines = _counted(drop_portal_tail(lines), "dropped {} line(s) of legal-portal footer after the document", warnings)
    return CleanDocument(path=raw.path, text="\n".join(lines), lines=tuple(map(Line, lines, _offsets(lines))),
                         raw=raw, warnings=tuple(warnings))


def _counted(result: tuple[list[str], int], message: str, warnings: list[str]) -> list[str]:
    """Return the lines of a stage's ``(lines, count)``; a non-zero count adds ``message`` (with it) to ``warnings``."""
    lines, count = result
    if count:
        warnings.append(message.format(count))
    return lines


def _offsets(lines: list[str]):
    """Return an iterator over where each of ``lines`` starts in ``"\\n".join(lines)``: 0, then
    the lengths so far plus one line break each (computed in C, no Python loop per line)."""
    return chain((0,), map(add, accumulate(map(len, lines)), count(1)))


# --------------------------------------------------------------------------- steps


def _encoding_warnings(encoding: str | None):
    """Yield the warnings a decoding deserves (legacy code page, repaired mojibake, guessed charset)."""
    if encoding in _QUIET_ENCODINGS:
        return
    base, *repairs = (encoding or "").split("+")
    for repair in repairs:
        if repair in _REPAIR_WARNINGS:
            yield _REPAIR_WARNINGS[repair]
    if base in _ENCODING_WARNINGS:
        yield _ENCODING_WARNINGS[base]
    elif base and base not in _QUIET_ENCODINGS:
        yield f"text encoding guessed as {base}"


def normalise_chars(text: str) -> str:
    """Return ``text`` in NFC with zero-width characters removed, odd spaces made plain and line breaks made ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # ``in`` is a fast scan while a character-class regex or a dict translate over a 40 kB
    # plan costs ~0.3-4 ms: test the usual suspects first, translate only when one is there.
    # Rarer spaces (U+2000-U+200A, U+3000) are Unicode whitespace: strip/split handle them.
    if any(c in text for c in _USUAL_ODD_CHARS):
        text = text.translate(_CHAR_TABLE)
    return unicodedata.normalize("NFC", text)


def strip_markup(text: str) -> str:
    """Return ``text`` without markdown/HTML residue and superscript footnote marks; list bullets normalised to "- "."""
    if any(c in text for c in P.SUPERSCRIPT_DIGITS):
        # "57-NQ/TW¹": the mark glued to the symbol hides its end (the footnote's own line stays)
        text = P.FOOTNOTE_SUPERSCRIPT.sub("", text)
    if "](" in text:
        text = P.MD_IMAGE.sub("", text)
        text = P.MD_LINK.sub(r"\g<text>", text)
    if "\\" in text:
        text = P.MD_ESCAPE.sub(r"\g<char>", text)
    if "<" in text:
        text = P.HTML_INLINE_TAG.sub("", text)
    if "*" in text:
        text = _strip_strong(text)
        text = P.MD_EMPHASIS_STAR.sub(r"\g<text>", text)
    if "_" in text:
        text = _strip_strong(text)
        text = P.MD_EMPHASIS_UNDERSCORE.sub(r"\g<text>", text)
    return text


def _strip_strong(text: str) -> str:
    """Return ``text`` without markdown strong markers (``P.MD_STRONG`` removed).

    Without "__" in the text only MD_STRONG's "**" alternative can match, and
    ``P.MD_STRONG_STARS`` removes the same runs much faster.
    """
    if "__" in text:
        return P.MD_STRONG.sub("", text)
    return P.MD_STRONG_STARS.sub("", text)


#: First characters of a line that may carry a line-start marker (quote, heading, bullet):
#: only such lines pay for the regexes.
_LINE_MARKS = frozenset(">#-+*•·◦▪▫●○■□♦◆❖➢➣➤►▶✓✔–—−\uf0b7\uf0a7\uf0d8\uf0fc\uf076")


def _line_marks(s: str) -> str:
    """Return a stripped line without markdown quote/heading markers, its bullet normalised to "- "."""
    if s[0] == ">":
        s = P.MD_QUOTE.sub("", s, count=1).strip()
    if s[:1] == "#":
        s = P.MD_HEADING.sub("", s, count=1).strip()
    if s[:1] in _LINE_MARKS:
        s = P.BULLET.sub("- ", s, count=1)
    return s


def split_lines(text: str) -> list[str]:
    """Return the non-empty lines of ``text``: table rows one cell per line, columns split, spaces collapsed."""
    # Whole-text tests first: most plans have no pipes, tags, tabs or wide gaps, and then
    # no line pays for those checks.
    has_lt = "<" in text
    has_pipe = "|" in text
    has_double = "  " in text  # (a scan for a run of spaces is slow: "   " only where "  " is)
    has_gap = "\t" in text or (has_double and "   " in text)
    if has_double and not has_gap:  # no column layout: collapse double spaces
        text = P.DOUBLE_SPACE_RUN.sub(" ", text)
        has_double = False
    if not (has_lt or has_pipe or has_gap):
        return _plain_lines(text)
    out: list[str] = []
    row: list[list[str]] | None = None  # the last pipe-table row, its cells' lines
    row_start = 0  # where that row's lines begin in ``out``
    layout: _LayoutTable | None = None  # a task table laid out with spaces (pdftotext -layout)
    for line in text.split("\n"):
        s = line.strip()
        if layout is not None:
            if not s:
                layout.blank()
                continue
            if "\t" not in line and layout.take(line):
                continue
            out.extend(layout.flush())
            layout = None
        if not s:
            continue
        if has_gap and "   " in line and "\t" not in line and (cols := _layout_header(line)) is not None:
            layout = _LayoutTable(cols)
            continue
        if has_pipe and "|" in s and (s[0] == "|" or s[-1] == "|" or " | " in s):
            cells = _row_cells(s)
            if cells is None:  # separator row
                continue
            merged = _continue_row(row, cells) if row is not None else None
            if merged is not None:
                row = merged
                del out[row_start:]
            else:
                row, row_start = cells, len(out)
            out.extend(part for cell in row for part in cell)
            continue
        row = None
        if s[0] in _LINE_MARKS:
            s = _line_marks(s)
            if not s:
                continue
        if not (has_lt or has_pipe or has_gap or has_double or s[0] == "+"):
            out.append(s)
            continue
        if has_lt and "<" in s and P.HTML_BREAK.search(s):
            out.extend(split_lines(P.HTML_BREAK.sub("\n", s)))
            continue
        if s[0] == "+" and P.GRID_BORDER.match(s):
            continue
        if "\t" in s or "   " in s:
            out.extend(_columns(s))
            continue
        out.append(" ".join(s.split()) if "  " in s else s)
    if layout is not None:
        out.extend(layout.flush())
    return out


def _gap_runs(line: str) -> list[tuple[int, str]]:
    """Return (start column, text) of each run of ``line`` between gaps of three or more spaces."""
    runs, at = [], 0
    for part in P.COLUMN_GAP.split(line):
        k = line.find(part, at) if part else at
        if part.strip():
            runs.append((k + len(part) - len(part.lstrip()), " ".join(part.split())))
        at = k + len(part)
    return runs


def _layout_header(line: str) -> list[tuple[int, str]] | None:
    """Return the (start column, text) cells of a task table's header row laid out with spaces, else None.

    "STT   Nội dung nhiệm vụ      Đơn vị chủ trì    Đơn vị phối hợp    Thời gian" (pdftotext
    -layout of a PDF table): a "TT"/"STT" cell first, then at least two cells that name a
    table column (``P.TABLE_HEAD_CELL``: content, lead, support, time).
    """
    runs = _gap_runs(line)
    if len(runs) < 3 or not ((m := P.TABLE_HEAD_CELL.match(runs[0][1])) and m["tt"]):
        return None
    named = sum(1 for _, t in runs[1:] if (m := P.TABLE_HEAD_CELL.match(t)) and not m["tt"] and not m["other"])
    return runs if named >= 2 else None


class _LayoutTable:
    """A task table laid out in columns of spaces, read row by row into the one-cell-per-line shape.

    Each run of text goes to the column whose header starts nearest to it. A row starts at a
    number (or a Roman group number, or "1.1") in the first column; its other lines have
    nothing in that column ("Sở Thông tin và" / "Truyền thông"). Where blank lines separate the
    rows (pypdf's layout mode), a row's lines are the block around its number, which a PDF
    centres vertically in a tall row; where they do not (pdftotext -layout), the lines after a
    number continue its row. The header may itself go on over the next lines ("Đơn vị" /
    "chủ trì"). The table ends at a line with other text in the first column ("Nơi nhận:",
    "III. TỔ CHỨC THỰC HIỆN").
    """

    def __init__(self, header: list[tuple[int, str]]) -> None:
        self.starts = [c for c, _ in header]
        self.header: list[list[str]] = [[t] for _, t in header]
        self.rows: list[list[list[str]]] = []
        self.block: list[list[tuple[int, str]]] = []  # the runs of each line since the last blank line
        self.blanks = False  # a blank line has separated two blocks

    def _column(self, at: int) -> int:
        """Return the index of the column whose header starts nearest to text starting at ``at``."""
        return min(range(len(self.starts)), key=lambda i: abs(self.starts[i] - at))

    def _runs(self, line: str) -> list[tuple[int, str]]:
        """Return the runs of ``line``, a row number run together with its next cell split off."""
        runs = _gap_runs(line)
        if runs and self._column(runs[0][0]) == 0:
            at, cell = runs[0]
            m = P.LAYOUT_ROW_NUMBER.match(cell)
            if m is not None:
                # "2.1  Chia sẻ dữ liệu": a narrow gap after the number, still two cells
                runs[0:1] = [(at, m["num"]), (line.find(m["rest"].split()[0], at + len(m["num"])), m["rest"])]
        return runs

    def _numbered(self, runs: list[tuple[int, str]]) -> bool:
        """Return True if a line's runs start with a row number in the first column."""
        return bool(runs) and self._column(runs[0][0]) == 0

    def take(self, line: str) -> bool:
        """Add ``line`` to the table and return True, or return False if the table ended before it."""
        runs = self._runs(line)
        if not runs or (len(runs) == 1 and (m := P.PAGE_NUMBER.match(runs[0][1])) and m.group("bare") is None):
            return True  # a page's footer ("- 3 -", "Trang 3") between two rows
        if self._column(runs[0][0]) == 0:
            cell = runs[0][1]
            if not (P.NUMBER_CELL.match(cell) or P.SUB_NUMBER_CELL.match(cell) or P.ROMAN_CELL.match(cell)):
                return False  # other text in the number column: the table is over
        self.block.append(runs)
        return True

    def blank(self) -> None:
        """Note a blank line: it closes the block of lines read so far."""
        self._close_block()
        self.blanks = True

    def _add(self, cells: list[list[str]], runs: list[tuple[int, str]]) -> None:
        """Append each run of one line to the cell of its column."""
        for at, text in runs:
            cells[self._column(at)].append(text)

    def _close_block(self) -> None:
        """File the lines of the current block under their rows (see the class docstring)."""
        block, self.block = self.block, []
        numbered = [i for i, runs in enumerate(block) if self._numbered(runs)]
        before = block[: numbered[0]] if numbered else block
        if numbered and self.blanks and len(numbered) == 1:
            self.rows.append([[] for _ in self.starts])  # the whole block is one row, its number centred
            for runs in block:
                self._add(self.rows[-1], runs)
            return
        for runs in before:
            self._add(self.rows[-1] if self.rows else self.header, runs)
        for n, i in enumerate(numbered):
            self.rows.append([[] for _ in self.starts])
            for runs in block[i: numbered[n + 1] if n + 1 < len(numbered) else len(block)]:
                self._add(self.rows[-1], runs)

    def flush(self) -> list[str]:
        """Return the table's lines: the header's cells, then each row's non-empty cells, one per line."""
        self._close_block()
        return [" ".join(c) for row in (self.header, *self.rows) for c in row if c]


def _plain_lines(text: str) -> list[str]:
    """Return the non-empty lines of a text with no pipe, tag, tab or run of two spaces, markers normalised.

    What ``split_lines`` does to such a text, in one lean loop: only bullets, quote and
    heading markers and grid borders can apply. A "- " bullet followed by a non-space is
    left as it is (``P.BULLET`` would replace it by itself): most task lines skip the regex.
    """
    out: list[str] = []
    for s in map(str.strip, text.split("\n")):
        if not s:
            continue
        if s[0] in _LINE_MARKS and not (s[0] == "-" and s[1:2] == " " and not s[2].isspace()):
            s = _line_marks(s)
            if not s:
                continue
        if s[0] == "+" and P.GRID_BORDER.match(s):
            continue
        out.append(s)
    return out


def _row_cells(row: str) -> list[list[str]] | None:
    """Return the cells of a pipe-table row, each as its lines (None for a separator row).

    A header laid out as a table, "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
    gives its cells in reading order; "<br>" inside a cell starts a new line; an
    empty cell has no lines (a missing lead or deadline in a task table).
    """
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    if all(not c or P.TABLE_RULE_CELL.match(c) for c in cells):
        return None
    out: list[list[str]] = []
    for cell in cells:
        parts = (" ".join(part.split()) for part in P.HTML_BREAK.split(cell))
        out.append([part for part in parts if part])
    return out


def _continue_row(prev: list[list[str]], cells: list[list[str]]) -> list[list[str]] | None:
    """Return ``prev`` and ``cells`` merged column by column if ``cells`` continues a header row cut inside its cells.

    Markdown converters break a header table's row where the cell text broke:
    "| Số: 85 | Châu Thành, ngày 12 tháng 6 |" then "| /KH-UBND | năm 2020 |".
    The rows merge only when they have as many cells and at least one column
    continues a header element ("Số: 85" + "/KH-UBND", a date + its year); else None.
    """
    if len(prev) != len(cells):
        return None
    merged: list[list[str]] = []
    joined_any = False
    for old, new in zip(prev, cells):
        if old and new:
            joined = _join_header(old[-1], new[0])
            if joined is not None:
                merged.append(old[:-1] + [joined] + new[1:])
                joined_any = True
                continue
        merged.append(old + new)
    return merged if joined_any else None


def _columns(line: str) -> list[str]:
    """Return the columns of a line laid out in two columns (tab or wide gap), or the line itself.

    A tab always separates cells (text copied from a Word table); a run of
    spaces separates columns only when one side looks like a header line
    (upper case, "Số: ...", a date, the motto), because justified PDF text can
    hold wide gaps inside a sentence. A list label left of a gap ("1.\\tSở Nội vụ")
    stays on its line.
    """
    parts = [p for p in P.COLUMN_GAP.split(line) if p.strip()]
    if len(parts) < 2:
        return [" ".join(line.split())]
    if "\t" not in line and not any(_headerish(p) for p in parts) and not _item_beside_name(parts) \
            and not _names_side_by_side(parts):
        return [" ".join(line.split())]
    out: list[str] = []
    pending = ""
    for part in parts:
        part = " ".join(part.split())
        if P.LIST_LABEL.match(part):
            pending = f"{pending} {part}".strip()
            continue
        out.append(f"{pending} {part}".strip())
        pending = ""
    if pending:
        out.append(pending)
    return out


def _names_side_by_side(parts: list[str]) -> bool:
    """Return True for two signers' names on one line ("Lại Văn Hoàn          Nguyễn Thị Thu Hà").

    A joint plan (Kế hoạch liên tịch) is signed by the head of each issuer, side by side; each
    column holds a person's name of two to five capitalised words.
    """
    if len(parts) != 2:
        return False
    for part in parts:
        words = part.split()
        if not (2 <= len(words) <= 5 and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)):
            return False
    return True


def _item_beside_name(parts: list[str]) -> bool:
    """Return True for a recipients item beside the signer's name ("- Lưu: VT, NV.      Nguyễn Văn Phương").

    Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 7-9: "Nơi nhận" sits left of the signature block, so
    a side-by-side text layer (pdftotext -layout) puts the signer's name, in title case, right of
    the last items; a recipients item is never followed by a bare name inside its own line.
    """
    if len(parts) != 2 or not parts[0].lstrip().startswith(("-", "+", "•")):
        return False
    words = parts[1].split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w[0].isupper() for w in words)


def _headerish(part: str) -> bool:
    """Return True if a column looks like a header-block line (upper case, number line, date, motto, signature)."""
    s = part.strip()
    letters = [c for c in s if c.isalpha()]
    if len(letters) >= 3 and s.upper() == s:
        return True
    return bool(P.SO_LINE.match(s) or P.DATE_WORDS.search(s) or P.DATE_OPEN.search(s)
                or s.startswith(("Độc lập", "Nơi nhận", "TM.", "KT.", "TL.", "Q.")))


def _fix_ocr_words(lines: list[str]) -> tuple[list[str], int]:
    """Return ``lines`` with the word-level OCR slips of the data file repaired, and how many."""
    pattern, words, _ = _ocr_fixes()
    text = "\n".join(lines)
    # Spaces are collapsed by now, so a literal ``in`` finds every slip (fast pre-check).
    if pattern is None or not any(w in text for w in words):
        return lines, 0
    count = 0

    def repl(m):
        """Return the repaired phrase (and count it), or the match unchanged."""
        nonlocal count
        start = m.start()
        if start and text[start - 1].isalnum():  # left word boundary (see P.phrase_alternation)
            return m.group(0)
        found = " ".join(m.group(0).split())
        if found in words:
            count += 1
            return words[found]
        return m.group(0)

    text = pattern.sub(repl, text)
    return text.split("\n"), count


def _fix_ocr_lines(lines: list[str]) -> tuple[list[str], int]:
    """Return ``lines`` with mis-read fixed formulas (national motto, "Nơi nhận:") replaced by their canonical text."""
    _, _, fixes = _ocr_fixes()
    count = 0
    out = lines
    # The formulas start with C/Đ/N ("Cộng hòa", "Độc lập", "Đảng", "Nơi nhận"): check that first,
    # on the first character alone, and copy the list only when a line is repaired.
    for i in [i for i, line in enumerate(lines) if line[:1] in _FORMULA_FIRST and len(line) <= 48]:
        line = lines[i]
        if line[:3].translate(_FOLD).lower() in _FORMULA_STARTS:
            hit = fixes.get(_fold_key(line))
            # Case and tone-mark placement ("HOÀ"/"HÒA") are not OCR slips: such lines are kept.
            if hit and line.upper() not in hit[1]:
                if out is lines:
                    out = list(lines)
                out[i] = hit[0]
                count += 1
    return out, count


#: How many lines from the top may belong to the header block.
_HEADER_SCAN = 20
#: A header line has few words; a longer line is the body's prose.
_HEADER_LINE_WORDS = 15


@lru_cache(maxsize=1)
def _header_vocabulary() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """Return (pattern of the header words, pattern of the place names in their header context,
    folded phrase -> written form), all without diacritics and case-blind.

    The words: ``header_words.json``, the document types of ``doc_types.json``, the official
    names of common bodies (``agency_kinds.json``). The places: the provinces (63 and 34) and
    the districts, restored only after a unit word or a committee ("HUYEN CHAU THANH", "TINH UY
    NGHE AN") or before the date ("Chau Thanh, ngay ..."): elsewhere two common words may spell
    one ("van ban" is also Văn Bàn). A folded form two different phrases share is left out
    (issue #3's resolve rule: return nothing rather than guess).
    """
    words = json.loads((_DATA / "header_words.json").read_text(encoding="utf-8"))["phrases"]
    types = json.loads((_DATA / "doc_types.json").read_text(encoding="utf-8"))["types"]
    bodies = json.loads((_DATA / "agency_kinds.json").read_text(encoding="utf-8"))["canonical_names"]
    terms = [w["text"] for w in words] + [t["name"] for t in types] + [b["name"] for b in bodies]
    places = admin_units.province_names() + admin_units.province_names(post_2025=True) + admin_units.district_names()
    forms: dict[str, set[str]] = {}
    for ph in terms + places:
        if not ph.isascii():
            forms.setdefault(_folded(ph), set()).add(admin_units.norm_tones(ph))
    table = {k: next(iter(v)) for k, v in forms.items() if len(v) == 1}
    words_rx = P.folded_header_words({_folded(p) for p in terms} & table.keys())
    places_rx = P.folded_header_places({_folded(p) for p in places} & table.keys())
    return words_rx, places_rx, table


def _folded(phrase: str) -> str:
    """Return ``phrase`` without diacritics, in lower case, single-spaced ("Châu  Thành" -> "chau thanh")."""
    return " ".join(phrase.translate(_FOLD).lower().split())


def _as_written(form: str, found: str) -> str:
    """Return ``form`` in the case ``found`` is written in (all capitals, or each word's first letter)."""
    if found.isupper():
        return form.upper()
    fw, mw = found.split(), form.split()
    if len(fw) != len(mw):
        return form
    return " ".join((m[0].upper() if f[0].isupper() else m[0].lower()) + m[1:] for f, m in zip(fw, mw))


def _restore_line(line: str) -> str:
    """Return a header line written without diacritics with those of its known words and formulas given back."""
    # the formulas first: "So:" is the number's label, not "Sở"
    line = P.FOLDED_SYMBOL_LABEL.sub(lambda m: "SỐ:" if m["so"].isupper() else "Số:", line)
    line = P.FOLDED_DATE.sub(_restore_date, line)
    words_rx, places_rx, table = _header_vocabulary()
    line = words_rx.sub(lambda m: _as_written(table[_folded(m.group(0))], m.group(0)), line)
    return places_rx.sub(_place_written, line)


def _place_written(m: re.Match) -> str:
    """Return the text of a place match with the place's name written with its diacritics."""
    _, _, table = _header_vocabulary()
    text, a = m.group(0), m.start("name") - m.start()
    return text[:a] + _as_written(table[_folded(m["name"])], m["name"])


def _restore_date(m: re.Match) -> str:
    """Return the date in words of ``m`` with "ngày", "tháng", "năm" written with their diacritics."""
    text = m.group(0)
    for name, word in (("nam", "năm"), ("thang", "tháng"), ("ngay", "ngày")):
        a, b = m.start(name) - m.start(), m.end(name) - m.start()
        text = text[:a] + _as_written(word, text[a:b]) + text[b:]
    return text


def restore_header_marks(lines: list[str]) -> tuple[list[str], int]:
    """Return (``lines`` with the header's diacritics given back, the number of lines changed).

    Only a header written entirely without diacritics is touched: from the top, each short line
    with no Vietnamese letter until the first one that has any (the national motto, already
    repaired by ``_fix_ocr_lines``, does not count) or a line of prose. Real files lose them when
    typed on a keyboard without a Vietnamese input method or read by an OCR without the language
    ("UY BAN NHAN DAN" / "HUYEN CHAU THANH" / "So: 245/KH-UBND" / "Chau Thanh, ngay 15 thang 8 nam
    2024" / "KE HOACH"); the body is left as it is.
    """
    if not lines or not lines[0].isascii():
        return lines, 0  # the usual case, at the cost of one test
    _, _, formulas = _ocr_fixes()
    out, count = lines, 0
    for i, line in enumerate(lines[:_HEADER_SCAN]):
        if not line.isascii():
            if _fold_key(line) in formulas:
                continue
            break
        if len(line.split()) > _HEADER_LINE_WORDS:
            break
        new = _restore_line(line)
        if new != line:
            if out is lines:
                out = list(lines)
            out[i] = new
            count += 1
    return out, count


def join_header_breaks(lines: list[str]) -> list[str]:
    """Return ``lines`` with header lines broken inside "Số: ..." or a date in words joined.

    "Số:" / "85/KH-UBND" -> "Số: 85/KH-UBND"; "Số: 85" / "/KH-UBND" -> "Số: 85/KH-UBND";
    "Châu Thành, ngày 12 tháng 6" / "năm 2020" -> one line (Nghị định 30/2020/NĐ-CP,
    Phụ lục I: the number and the place-and-date are single header elements).
    """
    out: list[str] = []
    for line in lines:
        if out:
            prev = out[-1]
            # cheap gate, the conditions ``_join_header`` starts with: only short lines holding
            # "ố"/"Ố" ("Số: 85") or lines ending near "ngày" can be cut headers
            tail = prev[-24:]
            if (len(prev) <= 60 and ("ố" in prev or "Ố" in prev)) or "gày" in tail or "GÀY" in tail:
                joined = _join_header(prev, line)
                if joined is not None:
                    out[-1] = joined
                    continue
        out.append(line)
    return out


def _join_header(prev: str, line: str) -> str | None:
    """Return ``prev`` and ``line`` joined if ``line`` continues a header element cut at ``prev``'s end, else None."""
    if len(prev) <= 60 and ("ố" in prev or "Ố" in prev):
        if P.SO_OPEN.search(prev) and P.NUMBER_START.match(line):
            return f"{prev} {line}"
        if P.SO_NUMBER_OPEN.search(prev) and P.SUFFIX_START.match(line):
            return prev + line
    tail = prev[-24:]  # "ngày 12 tháng 12" is at most ~20 characters
    if ("gày" in tail or "GÀY" in tail) and P.DATE_OPEN.search(tail):
        cand = f"{prev} {line}"
        m = P.DATE_WORDS.search(cand, max(0, len(prev) - 30))
        if m and m.start() < len(prev) < m.end():
            return cand
    return None


def drop_page_numbers(lines: list[str]) -> tuple[list[str], int]:
    """Return ``lines`` without page-number lines ("Trang 2/4", "Trang 3", "- 2 -"), and how many were dropped.

    Text saved from a PDF (pdftotext, copy and paste) keeps each page's footer between two
    paragraphs, where the task finder would read it as a duty. A bare number ("2", "2/10") is
    kept: a flattened task table has lines holding only its row number (the PDF reader drops
    those only at a page's edge, where it knows the page number).
    """
    out = [line for line in lines if not ((m := P.PAGE_NUMBER.match(line)) and m.group("bare") is None)]
    return out, len(lines) - len(out)


def join_broken_symbols(lines: list[str]) -> tuple[list[str], int]:
    """Return ``lines`` with symbols cut after a separator rejoined to the next line, and how many joins.

    "Căn cứ Nghị định số 13/2023/NĐ-" + "CP ngày 17/4/2023 ..." is one line again, with no
    space, so the reference reads "13/2023/NĐ-CP". Joined only when the line ends in a symbol's
    start and the two halves make one whole symbol (``patterns.SYMBOL``).
    """
    out: list[str] = []
    count = 0
    for line in lines:
        if out and out[-1][-1:] in "-/" and line[:1].isupper():
            prev = out[-1]
            end = P.SYMBOL_BROKEN_END.search(prev)
            start = P.SYMBOL_BROKEN_START.match(line) if end else None
            if start and P.SYMBOL.fullmatch(end.group() + start.group()):
                out[-1] = prev + line
                count += 1
                continue
        out.append(line)
    return out, count


def join_page_breaks(lines: list[str]) -> tuple[list[str], int]:
    """Return ``lines`` with sentences broken mid-way (by a page break) rejoined, and how many joins.

    Joined only when the first part is a long line that does not end a sentence
    and the next line starts in lower case and is not a list item ("a) ...");
    the continuation must itself be long or end a sentence, so a short
    lower-case table cell is never glued to the cell before it.
    """
    out: list[str] = []
    count = 0
    for line in lines:
        if out and line[0].islower():
            prev = out[-1]
            if (len(prev) >= 50 and not P.SENTENCE_END.search(prev[-8:]) and not P.LOWER_LIST_ITEM.match(line)
                    and (len(line) >= 50 or P.SENTENCE_END.search(line[-8:]))):
                out[-1] = f"{prev} {line}"
                count += 1
                continue
        out.append(line)
    return out, count


def _wrap_width(lines: list[str]) -> int:
    """Return the typical full-line width of hard-wrapped text (90th percentile of line lengths)."""
    lengths = sorted(len(l) for l in lines if len(l) >= 20)
    if not lengths:
        return 0
    return lengths[int(0.9 * (len(lengths) - 1))]


def looks_hard_wrapped(lines: list[str]) -> bool:
    """Return True if the text was wrapped at a fixed width (pdftotext output, e-mail copies).

    Paragraph-per-line text (the samples, DOCX, HTML) has many lines far
    longer than any page is wide; wrapped text has a ceiling of ~60-130
    characters that a large share of lines reach.
    """
    if len(lines) < 20:
        return False
    width = _wrap_width(lines)
    if not 50 <= width <= 130:
        return False
    full = sum(1 for l in lines if len(l) >= 0.85 * width)
    return full >= 0.3 * len(lines) and max(len(l) for l in lines) <= 1.3 * width


def unwrap_lines(lines: list[str]) -> tuple[list[str], int]:
    """Return hard-wrapped ``lines`` rejoined into paragraphs, and how many joins.

    A line is continued by the next one when it reaches the right margin
    (at least 75% of the typical width; for a numbered line followed by a capital, the next
    line's first word would not have fit on it), does not end a sentence, is not an
    upper-case heading, and the next line does not open a new block (bullet,
    numbered item, section heading, "Căn cứ", "Nơi nhận", ...). The cells of a flattened task
    table (from its "STT" header to the next part, "Nơi nhận" or appendix heading) are kept as
    they are: a long duty cell reaches the margin too, and its lead is the next line.
    """
    width = _wrap_width(lines)
    if not width:
        return lines, 0
    out: list[str] = []
    count = 0
    joinable = False
    prev_upper = False
    table = False  # inside a flattened task table: its cells are lines of their own, never wrapped text
    for k, line in enumerate(lines):
        if table:
            table = not (P.PART_HEADING.match(line) or P.BODY_END.match(line) or P.APPENDIX_HEADING.match(line))
        elif len(line) <= 6 and (m := P.TABLE_HEAD_CELL.match(line)) and m["tt"] and k + 1 < len(lines) \
                and P.TABLE_HEAD_CELL.match(lines[k + 1]):
            table = True  # "STT" / "Nội dung nhiệm vụ" / ...: a table's header cells
        if table:
            out.append(line)
            joinable = False
            continue
        upper = line.upper() == line and any(c.isalpha() for c in line) and not P.WRAPPED_QUARTER.match(line)
        # an upper-case line continues only an upper-case line (a wrapped title), never a paragraph;
        # and a numbered line is not continued by a capitalised one when that line's first word
        # would have fit on it: the break was made on purpose ("1. Hoàn thiện cơ chế, chính sách
        # ..." / "Sở Tài chính chủ trì, ...": an item's heading, then its duty). Only there: a
        # centred title, or a PDF's proportional font, leaves room at a forced break too.
        if joinable and line[:1].isupper() and P.ITEM_HEADING.match(lines[k - 1]) \
                and len(lines[k - 1]) + 1 + len(line.split(" ", 1)[0]) <= width:
            joinable = False
        if out and joinable and upper == prev_upper and not P.BLOCK_START.match(line):
            out[-1] = f"{out[-1]} {line}"
            count += 1
        else:
            out.append(line)
            prev_upper = upper
        # whether the paragraph now ending in ``out[-1]`` may continue on the next line
        joinable = len(line) >= 0.75 * width and not P.SENTENCE_END.search(line[-8:])
    return out, count


def _is_header_start(line: str) -> bool:
    """Return True if ``line`` can open a document's own header block."""
    if P.SO_LINE.match(line):
        return True
    return line.upper() == line and bool(P.HEADER_UPPER.match(line))


def drop_portal_head(lines: list[str]) -> tuple[list[str], int]:
    """Return ``lines`` without a legal portal's metadata block before the document header, and how many were dropped.

    Lines are dropped only when a clear portal block (a field such as "Số hiệu:"
    or "Loại văn bản:", or two navigation lines such as "Tìm kiếm", "Văn bản
    liên quan") precedes the first header line that follows it, so the
    document's own header always wins over the portal's fields.
    """
    limit = min(len(lines), 200)
    anchor = limit
    for i in range(limit):
        s = lines[i]
        if s.startswith(("CỘNG HÒA", "CỘNG HOÀ", "ĐẢNG CỘNG SẢN")) or P.SO_LINE.match(s):
            anchor = i
            break
    fields = navs = 0
    last = -1
    for i in range(anchor):
        s = lines[i]
        m = P.PORTAL_FIELD.match(s)
        if m:
            fields += 1
            # "Nơi ban hành:" with its value on the next line (a portal table split into cells)
            last = i + 1 if m.end() == len(s.rstrip()) and i + 1 < anchor else i
        elif P.PORTAL_NAV.match(s):
            navs += 1
            last = i
    if last < 0 or (fields == 0 and navs < 2):
        return lines, 0
    for i in range(last + 1, limit):
        if _is_header_start(lines[i]):
            return lines[i:], i
    return lines, 0


def drop_portal_tail(lines: list[str]) -> tuple[list[str], int]:
    """Return ``lines`` without a legal portal's footer ("Nguồn tra cứu: ...", "Tải về", "Văn bản liên quan"), and how many were dropped.

    The cut starts at the first footer line among the last 60 lines, and only if
    at least one of them is a line only a portal writes (a lone "Lưu ý:" may be
    the document's own note and is kept).
    """
    start = max(0, len(lines) - 60)
    first = None
    strong = False
    for i in range(start, len(lines)):
        m = P.PORTAL_FOOTER.match(lines[i])
        if m:
            if first is None:
                first = i
            strong = strong or bool(m.group("strong"))
    if first is None or not strong or first == 0:
        return lines, 0
    return lines[:first], len(lines) - first
