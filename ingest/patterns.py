"""Every regular expression of the extraction pipeline, in one module.

Patterns are built from named pieces in verbose mode; each alternative carries
a real example in a comment. Matching is done on NFC text that the *clean*
stage produced; case-insensitive flags are explicit per pattern.

Sections:
  1. shared pieces (dates, numbers, roman numerals)
  2. header and references (symbols, document types, issuers, dates, titles)
  3. tasks, deadlines, agencies and reporting lines
"""

from __future__ import annotations

import re

# =========================================================================== 1. shared pieces

# Owned by the read/clean stages. String pieces first (no named groups, so the
# other sections can embed them), then the compiled patterns of read and clean.

#: Roman numeral of a section heading, 1..39: "I", "IV", "IX", "XIII".
ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
#: Day of month as written in dates: "08", "8", "30".
DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
#: Month number: "4", "04", "12".
MONTH = r"(?:0?[1-9]|1[0-2])"
#: Four-digit year of the documents we read: "2019", "2024", "1998".
YEAR = r"(?:19|20)[0-9]{2}"


def phrase_alternation(phrases, flags: int = 0) -> re.Pattern:
    """Return a compiled pattern matching any literal phrase of ``phrases`` as whole words, longest first.

    The phrases come from data (``ingest/data/ocr_fixes.json``); the regex is
    built here so every pattern of the pipeline lives in this module. Spaces in a
    phrase match any run of spaces. Example: ["Noi nhận"] matches "Noi nhận:".
    The match is not anchored on the left: see the comment below.
    """
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))
    # No look-behind in front: a pattern that starts with literal alternatives lets the regex
    # engine skip ahead by first character (4x faster on a 40 kB plan). Callers check the
    # left word boundary themselves (``m.start() == 0 or not text[m.start() - 1].isalnum()``).
    return re.compile(rf"(?:{alts})(?!\w)", flags)


#: A date in words, the form Nghị định 30/2020/NĐ-CP (Phụ lục I, mục 5) prescribes:
#: "ngày 08 tháng 4 năm 2020", "Ngày 12 tháng 6 năm 2020", "ngày  9 tháng 10  năm 2024".
DATE_WORDS = re.compile(
    rf"""
    ngày \s+ (?P<day>{DAY}) \s+         # "ngày 08"
    tháng \s+ (?P<month>{MONTH}) \s+    # "tháng 4"
    năm \s+ (?P<year>{YEAR})            # "năm 2020"
    (?![0-9])
    """,
    re.VERBOSE | re.IGNORECASE,
)

def folded_header_words(keys) -> re.Pattern:
    """Return a case-blind pattern of header phrases written without diacritics, whole words, longest first.

    For ``clean.restore_header_marks``: ``keys`` are folded phrases ("uy ban nhan dan", "ke hoach");
    their words may be separated by any run of spaces ("UY BAN  NHAN DAN").
    """
    return re.compile(rf"(?<![^\W\d_])(?:{_folded_alternation(keys)})(?![^\W\d_])", re.IGNORECASE)


def folded_header_places(keys) -> re.Pattern:
    """Return a case-blind pattern of place names written without diacritics, in their header context only.

    After a unit word or a committee ("HUYỆN CHAU THANH", "TỈNH ỦY NGHE AN", once those words are
    restored) or before the date ("Chau Thanh, ngày 15 ..."); elsewhere two common words may spell
    a place ("van ban" is also Văn Bàn). The name is the group ``name``.
    """
    alts = _folded_alternation(keys)
    return re.compile(rf"""
        (?: (?<![^\W\d_]) (?:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|ủy|tp\.?) \s+  # "HUYỆN CHAU THANH", "ỦY NGHE AN"
          | ^ (?= (?:{alts}) \s*,\s*ngày )                                     # "Chau Thanh, ngày 15 ..."
        ) (?P<name>{alts}) (?![^\W\d_])
    """, re.IGNORECASE | re.VERBOSE)


def _folded_alternation(keys) -> str:
    """Return the alternation of folded phrases, longest first, spaces matching any run of spaces."""
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(set(keys), key=len, reverse=True))


#: The header formulas typed or OCR-read without diacritics (restored by
#: ``clean.restore_header_marks``): the date in words "ngay 15 thang 8 nam 2024" ...
FOLDED_DATE = re.compile(
    rf"""
    (?<![^\W\d_]) (?P<ngay>ngay) \s+ {DAY} \s+      # "ngay 15", "NGAY 15"
    (?P<thang>thang) \s+ {MONTH} \s+                 # "thang 8"
    (?P<nam>nam) \s+ {YEAR} (?![0-9])               # "nam 2024"
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: ... and the number's label at the start of a line, "So: 245/KH-UBND", "SO: 12/QD-UBND".
FOLDED_SYMBOL_LABEL = re.compile(r"^(?P<so>[Ss][Oo])[ \t]*:(?=[ \t]*[0-9])")

#: A numeric date: "21/01/2020", "30/5/2019", "15-5-2020", "09.10.2024".
DATE_NUMERIC = re.compile(
    rf"""
    (?<![0-9/.\-])
    (?P<day>{DAY}) (?P<sep>[/.\-]) (?P<month>{MONTH}) (?P=sep) (?P<year>{YEAR})
    (?![0-9])
    """,
    re.VERBOSE,
)

# --------------------------------------------------------------------------- read stage

#: C0 control characters that do not occur in text (tab, LF, VT, FF, CR are
#: allowed): a NUL or an ESC in decoded text means binary data.
CONTROL_CHAR = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# The characters a Windows-1252 decoder produces for bytes 0x80-0x9F.
_CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"

#: UTF-8 that was read as Windows-1252 and saved again ("mojibake"): the lead
#: byte of a Vietnamese letter shows as Ã/Ä/Æ/Â/á, the continuation byte as a
#: Latin-1 or cp1252 symbol.
MOJIBAKE = re.compile(
    rf"""
      [ÃÄÅÆÂ] [\u0080-\u00bf{_CP1252_HIGH}]    # "HÃ’A" for "HÒA", "Æ°" for "ư", "Ä‘" for "đ"
    | â [€\u0080-\u00bf{_CP1252_HIGH}]        # "â€œ" for "“", "â€“" for "–" (punctuation U+2000-U+20FF)
    | á [º»¼½¾]                                # "Cá»˜NG" for "CỘNG", "áº¿" for "ế"
    """,
    re.VERBOSE,
)

#: A cheap first test for mojibake (one pass, literal alternatives): the tone-marked vowels
#: U+1EA0-U+1EF9 become "áº"/"á»" ("Cá»˜NG"), "ư" becomes "Æ°", "đ" becomes "Ä‘".
MOJIBAKE_HINT = re.compile("á[º»]|Æ°|Ä‘|Ä\u0090")

#: One word made only of characters a cp1252 decoder can produce: the unit that
#: is re-encoded when repairing mojibake ("Ná»™i" -> "Nội").
CP1252_WORD = re.compile(rf"[\x21-\x7e\u0080-\u00ff{_CP1252_HIGH}]+")

#: A letter only Vietnamese uses among Latin scripts and that no 8-bit code page decodes to:
#: "ư", "ơ", "đ", "ă" and the tone-marked vowels U+1EA0-U+1EF9 ("ộ", "ế"). Text with many of
#: them is already Unicode Vietnamese ("â", "ê", "ô" are Latin-1 and prove nothing).
VN_SPECIFIC_CHAR = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")

#: A vowel followed by a VNI-Windows mark code, as VNI-font text shows when read as
#: Windows-1252 (table: ``ingest/data/legacy_fonts.json`` key "vni"). The mark's case
#: follows the base letter's, and "i" takes no mark (its tones are one-code letters), so
#: TCVN3 text ("ViÖt": an upper-case code after "i") does not match.
_VNI_PAIR = r"""
      [aeouyôö] [ùøûõïâáàåãäêéèúüë]    # "Vieät Nam" (Việt Nam), "hoøa" (hòa), "Sôû" (Sở), "phoái hôïp" (phối hợp)
    | [AEOUYÔÖ] [ÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]    # "VIEÄT NAM" (VIỆT NAM), "UÛY BAN" (ỦY BAN), "ÑOÄC LAÄP" (ĐỘC LẬP)
"""
VNI_MARK_PAIR = re.compile(_VNI_PAIR, re.VERBOSE)

#: One VNI-Windows letter code, longest first: a base vowel with its mark code, or a
#: one-code letter (đ, ơ, ư, ỉ, ĩ, ị, ỵ). A matched pair the table lacks ("uâ") is
#: converted letter by letter.
VNI_CODE = re.compile(
    _VNI_PAIR + r"""
    | [ñôöæóòîÑÔÖÆÓÒÎ]                 # "ñoàng" (đồng), "Sôû" (Sở), "tænh" (tỉnh), "nghóa" (nghĩa), "Ñ" (Đ)
    """,
    re.VERBOSE,
)

#: A page number alone on the first or last line of a PDF page:
#: "- 2 -", "Trang 2", "Trang 2/10", "2/10", "2".
PAGE_NUMBER = re.compile(
    r"""
    ^\s*(?:
        -\s*(?P<dash>[0-9]{1,4})\s*-                          # "- 2 -"
      | Trang\s+(?P<word>[0-9]{1,4})(?:\s*/\s*[0-9]{1,4})?    # "Trang 2", "Trang 2/10"
      | (?P<bare>[0-9]{1,4})(?:\s*/\s*[0-9]{1,4})?            # "2", "2/10"
    )\s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: The charset an HTML page declares: <meta charset="windows-1258">,
#: <meta http-equiv="Content-Type" content="text/html; charset=utf-8">.
HTML_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*(?P<enc>[A-Za-z0-9_\-]+)""", re.IGNORECASE)

#: Inline CSS that hides an element (portals hide menus and pop-ups): style="display: none".
HTML_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

#: class/id words of page chrome on legal portals: class="menu-top", id="sidebar",
#: class="breadcrumb", class="related-docs", id="footer", class="box-search".
HTML_CHROME_NAME = re.compile(
    r"""
    (?<![a-z])(?:
        menu | nav(?:bar|igation)? | sidebar | side-bar | breadcrumbs? | banner | footer | header
      | advert\w* | ads | quang-?cao | comments? | related | lien-?quan | share | social | login | dang-?nhap
      | search | tim-?kiem | popup | modal | cookie | toolbar | tabs?
    )(?![a-z])
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Runs of whitespace in HTML text nodes (collapsed to one space).
WHITESPACE_RUN = re.compile(r"\s+")

# --------------------------------------------------------------------------- clean stage

#: HTML left in markdown or copied text: "Số: 85/KH-UBND<br>Châu Thành", "<br/>".
HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
#: Inline HTML tags left in markdown: "<u>Độc lập - Tự do - Hạnh phúc</u>", "<b>KẾ HOẠCH</b>".
HTML_INLINE_TAG = re.compile(
    r"</?(?:b|i|u|em|strong|span|font|sup|sub|p|div|center|mark|small|big|s|strike|a)(?:\s[^<>\n]*)?/?>",
    re.IGNORECASE,
)
#: Markdown image: "![](media/image1.png)", "![logo](quoc-huy.jpg)".
MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
#: Markdown link, keeping its text: "[Quyết định 142/QĐ-TTg](https://vanban.chinhphu.vn/...)".
MD_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)")
#: A footnote mark in superscript digits right after a word or symbol: "Nghị quyết số 57-NQ/TW¹;",
#: "chuyển đổi số quốc gia²". Not after "m" (a unit: "100 m²", "5.000 m³"), where it is a power.
FOOTNOTE_SUPERSCRIPT = re.compile(r"(?<=[^\W_])(?<![mM])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
#: The superscript digits, for the cheap test before ``FOOTNOTE_SUPERSCRIPT`` runs.
SUPERSCRIPT_DIGITS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
#: Markdown backslash escape: "1\. Mục đích", "Số: 85/KH\-UBND", "\* Ghi chú".
MD_ESCAPE = re.compile(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!|>~<\"'])")
#: Markdown block quote marker(s) at line start: "> Căn cứ Luật Tổ chức chính quyền địa phương".
MD_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
#: Markdown heading marker at line start: "## **KẾ HOẠCH**", "#### **1. Mục đích**".
MD_HEADING = re.compile(r"^[ \t]*\#{1,6}(?=[ \t]|$)", re.MULTILINE)
#: Markdown strong markers: "**KẾ HOẠCH**", "**TM. ỦY BAN NHÂN DÂN" (pair split over two lines),
#: "__Nơi nhận:__" (a run of 3+ underscores is a blank to fill in, "Số: ____/QĐ", and is kept).
MD_STRONG = re.compile(r"\*{2,}|__(?<![\w_]__)(?=[^\s_])|__(?<=[^\s_]__)(?![\w_])")
#: MD_STRONG's first alternative alone, for texts without "__" (``clean.strip_markup``): "**KẾ HOẠCH**".
#: Written "\*\*+" (the same runs as "\*{2,}") so the pattern starts with the literal "**" and the
#: engine jumps from one "**" to the next: 8x faster than MD_STRONG on a markdown plan.
MD_STRONG_STARS = re.compile(r"\*\*+")
#: Markdown emphasis with one asterisk: "*Trần Quốc Thắng*", "*(Kèm theo Kế hoạch số 371/KH-UBND)*".
MD_EMPHASIS_STAR = re.compile(r"\*(?<![\w*]\*)(?=[^\s*])(?P<text>[^*\n]*?[^\s*])\*(?![\w*])")
#: Markdown emphasis with one underscore: "_Ghi chú: số liệu đến 31/12/2019_".
#: (Markdown patterns start with their literal marker and check the character before it
#: with a look-behind placed after it: the engine then only tries positions holding the marker.)
MD_EMPHASIS_UNDERSCORE = re.compile(r"_(?<![\w_]_)(?=[^\s_])(?P<text>[^_\n]*?[^\s_])_(?![\w_])")

#: A list bullet at line start, normalised to "- " (the task finder keys on it).
BULLET = re.compile(
    r"""
    ^[ \t]*
    (?:
        [-+*•·◦▪▫●○■□♦◆❖➢➣➤►▶✓✔–—−\uf0b7\uf0a7\uf0d8\uf0fc\uf076] [ \t]+ (?=\S)
                              # "- Tham mưu", "+ Phối hợp", "• Sở Nội vụ", "– Phòng Nội vụ",
                              # "* Xây dựng" (markdown), " Triển khai" (Symbol-font bullet from Word)
      | [-+–—−] (?=[^\W\d_])   # "-Tham mưu UBND tỉnh": marker glued to a letter
    )
    """,
    re.MULTILINE | re.VERBOSE,
)

#: A separator cell of a pipe table: "---", ":---:", "===".
TABLE_RULE_CELL = re.compile(r"^:?[-=]{2,}:?$")
#: A grid-table border line: "+-----+------+", "+=====+=====+".
GRID_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")
#: Two spaces or more, collapsed to one by ``clean.split_lines`` in a text without column gaps:
#: "Sở  Nội vụ" -> "Sở Nội vụ". The literal "  " first lets the engine jump between double spaces
#: (40% faster than ``str.replace`` in a loop).
DOUBLE_SPACE_RUN = re.compile("  +")
#: A column gap in text copied from a two-column layout: a tab or 3+ spaces.
#: "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
#: "Số: 85/KH-UBND        Châu Thành, ngày 12 tháng 6 năm 2020".
COLUMN_GAP = re.compile(r"[ ]*\t[ \t]*|[ ]{3,}")
#: A list label alone, left of a tab ("1.\tSở Nội vụ" is one line, not two columns):
#: "1.", "a)", "II.", "1.2.", "III-", "đ)", "-".
LIST_LABEL = re.compile(rf"^(?:(?:{ROMAN}|[0-9]{{1,3}}(?:\.[0-9]{{1,3}})*|[a-zđ])[.):\-]?|[-+•*])$", re.IGNORECASE)

#: A line ending with a bare "Số:" whose number went to the next line (header laid out as a
#: table): "Số:" / "85/KH-UBND"; also "SỐ:". The stamp "ĐẾN Số:" / "Ngày: 13/4/2020" is not
#: joined because the next line does not start with a number.
SO_OPEN = re.compile(r"(?:^|\s)số\s*:?$", re.IGNORECASE)
#: A line ending with "Số: 85" whose suffix went to the next line: "Số: 85" / "/KH-UBND".
SO_NUMBER_OPEN = re.compile(r"(?:^|\s)số\s*:?\s*[0-9]{1,5}$", re.IGNORECASE)
#: The start of a document number: "85/KH-UBND", "83-KH/TU", "124 /KH-UBND".
NUMBER_START = re.compile(r"^[0-9]{1,5}(?:\s*[/\-])")
#: The start of a symbol's suffix: "/KH-UBND", "-KH/TU".
SUFFIX_START = re.compile(r"^[/\-]\s*[^\W\d_]")
#: A date in words cut before its year or month: "Châu Thành, ngày 12 tháng 6" / "năm 2020",
#: "Lào Cai, ngày" / "08 tháng 4 năm 2020", "ngày 12 tháng 6 năm" / "2020".
DATE_OPEN = re.compile(rf"ngày(?:\s+{DAY}(?:\s+tháng(?:\s+{MONTH}(?:\s+năm)?)?)?)?$", re.IGNORECASE)

#: End of a sentence or clause: the next line starts a new one. "...đất nước.", "...như sau:",
#: "(b/c);", "(Nghị quyết số 45-NQ/TW).", "xem xét./."
SENTENCE_END = re.compile(r"[.;:!?…]['\"”’)\]]*$")
#: A lower-case list label at line start (not a continuation): "a) Sở Nội vụ:", "đ) Các sở",
#: "b. Phòng Nội vụ", "iv) Tổ chức".
LOWER_LIST_ITEM = re.compile(r"^(?:[a-zđ]|[ivx]{1,4})[).]")

#: The start of a new block in hard-wrapped (PDF) text, never a wrapped continuation:
#: "- Tham mưu", "+ Phối hợp", "1. Sở Nội vụ", "1.2. Mục tiêu", "a) Sở Tài chính", "II. NHIỆM VỤ",
#: "III- TỔ CHỨC THỰC HIỆN", "Điều 2.", "Căn cứ ...", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN".
BLOCK_START = re.compile(
    rf"""
    ^(?:
        [-+•*]\s                                   # bullet
      | [0-9]{{1,3}}(?:\.[0-9]{{1,3}})*[.)]\s?      # "1. ", "1.2. ", "2)"
      | [a-zđ][.)]\s                              # "a) ", "đ) "
      | {ROMAN}[.\-)]\s?                          # "II. ", "III- "
      | (?:Điều|Chương|Mục|Phần)\s+(?:[0-9]+|[IVXLC]+)(?!\w)   # "Điều 2.", "Chương II" (not "Chương trình")
      | PHỤ\s+LỤC | Phụ\s+lục                      # "PHỤ LỤC"
      | (?:Căn\s+cứ|Thực\s+hiện|Nơi\s+nhận|TM\.|KT\.|TL\.|Q\.|Số\s*:)   # header/closing formulas
    )
    """,
    re.VERBOSE,
)

#: A quarter's number and year at the start of a line, the end of a deadline a PDF wrapped after
#: "Quý": "III/2024." (from "hoàn thành trong Quý" / "III/2024."). Capitals, but no heading.
WRAPPED_QUARTER = re.compile(rf"""^{ROMAN}\s*/\s*(?:19|20)\d{{2}}(?!\d)""", re.VERBOSE)

#: A field of a legal portal's metadata block, copied before the document itself:
#: "Số hiệu: 371/KH-UBND", "Loại văn bản: Kế hoạch", "Nơi ban hành: Tỉnh Bắc Ninh".
PORTAL_FIELD = re.compile(
    r"""
    ^(?:
        Số\s+hiệu                                   # "Số hiệu: 371/KH-UBND"
      | Ký\s+hiệu                                   # "Ký hiệu: 85/KH-UBND"
      | Loại\s+văn\s+bản                            # "Loại văn bản: Kế hoạch"
      | (?:Nơi|Cơ\s+quan)\s+ban\s+hành              # "Nơi ban hành: Tỉnh Bắc Ninh", "Cơ quan ban hành: UBND tỉnh"
      | Ngày\s+(?:ban\s+hành|hiệu\s+lực|hết\s+hiệu\s+lực|công\s+báo|đăng|cập\s+nhật)   # "Ngày ban hành: 09/10/2024"
      | Số\s+công\s+báo                             # "Số công báo: Đang cập nhật"
      | Người\s+ký                                  # "Người ký: Đào Quang Khải"
      | Tình\s+trạng(?:\s+hiệu\s+lực)?              # "Tình trạng: Còn hiệu lực"
      | Lĩnh\s+vực                                  # "Lĩnh vực: Bộ máy hành chính"
      | Trích\s+yếu                                 # "Trích yếu: Thực hiện Chương trình hành động ..."
      | Hiệu\s+lực                                  # "Hiệu lực: Đã biết"
      | Cập\s+nhật                                  # "Cập nhật: 2 tuần trước"
      | Áp\s+dụng                                   # "Áp dụng: Đã biết"
    )\s*:
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A short navigation line of a legal portal (search box, tabs, related-documents list):
#: "Tìm kiếm văn bản", "Văn bản liên quan", "Thuộc tính", "Lược đồ", "Tải về".
PORTAL_NAV = re.compile(
    r"""
    ^(?:
        Tìm\s+kiếm | Tra\s+cứu                                        # "Tìm kiếm", "Tra cứu văn bản"
      | Văn\s+bản\s+(?:liên\s+quan|gốc|tiếng\s+Anh|tiếng\s+Việt|cùng\s+lĩnh\s+vực|hợp\s+nhất)  # "Văn bản liên quan"
      | Lược\s+đồ | Thuộc\s+tính | Nội\s+dung(?:\s+toàn\s+văn)? | Toàn\s+văn  # the portal's tabs
      | Tải\s+(?:về|văn\s+bản|file) | Đăng\s+(?:nhập|ký) | Trang\s+chủ   # "Tải về", "Đăng nhập"
      | In\s+văn\s+bản | Theo\s+dõi\s+(?:hiệu\s+lực|văn\s+bản)            # "In văn bản"
    )(?!\w)[^\n]{0,60}$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A footer a legal portal appends after the document: "Nguồn tra cứu: vanban.phaplyvn.com",
#: "Lưu ý: Văn bản này chỉ mang tính chất tham khảo", "Tải về", "Văn bản liên quan", "Văn bản mới:"
#: (the portal's list of its latest documents). Group ``strong`` marks lines that only a portal writes.
PORTAL_FOOTER = re.compile(
    r"""
    ^(?:
        (?P<strong>
            Nguồn\s+tra\s+cứu\s*:                    # "Nguồn tra cứu: vanban.phaplyvn.com"
          # the portal's buttons, alone on their line ("Tải về", "Tải văn bản gốc (PDF)", "Chia sẻ:"):
          # a duty may start with the same words ("Chia sẻ dữ liệu dân cư", "Tải về và cài đặt VNeID")
          | Tải\s+(?:về|văn\s+bản(?:\s+gốc)?|file)(?=\s*(?:$|[^\w\s]))
          | Văn\s+bản\s+(?:liên\s+quan|cùng\s+lĩnh\s+vực|gốc|mới(?:\s+nhất)?)(?!\w)   # "Văn bản liên quan", "Văn bản mới:"
          | (?:Bài\s+viết|Tin(?:\s+tức)?|Tin\s+bài)\s+(?:liên\s+quan|cùng\s+chuyên\s+mục)(?!\w)  # "Bài viết liên quan: ..."
          | In\s+văn\s+bản(?=\s*(?:$|[^\w\s])) | Chia\s+sẻ(?=\s*(?:$|[^\w\s]))   # "In văn bản", "Chia sẻ"
          | Copyright(?!\w) | ©                      # "© 2024 Thư viện pháp luật"
          | Bản\s+quyền(?!\w)                        # "Bản quyền thuộc về ..."
        )
      | Nguồn\s*:                                    # "Nguồn: Công báo"
      | Lưu\s+ý\s*:                                  # "Lưu ý: ..."
      | Xem\s+thêm(?!\w) | Bình\s+luận(?!\w)         # "Xem thêm", "Bình luận"
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: An upper-case line that opens a document header: the national motto, the Party's name, an
#: issuing body (a committee, a ministry or department, a mass organisation, a public body's unit),
#: or the document type alone (Nghị định 30/2020/NĐ-CP, Phụ lục I; Quy định
#: 66-QĐ/TW for Party documents). Matched on lines that are upper case.
HEADER_UPPER = re.compile(
    r"""
    ^(?:
        CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI                          # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
      | ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM                        # "ĐẢNG CỘNG SẢN VIỆT NAM"
      | (?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN | UBND(?!\w)             # "ỦY BAN NHÂN DÂN", "UBND HUYỆN CHÂU THÀNH"
      | HỘI\s+ĐỒNG\s+NHÂN\s+DÂN                               # "HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI"
      | (?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+(?:ỦY|UỶ)(?!\w)  # "TỈNH ỦY ĐIỆN BIÊN", "HUYỆN ỦY CHÂU THÀNH"
      | ĐẢNG\s+BỘ(?!\w)                                       # "ĐẢNG BỘ TỈNH BẮC NINH"
      | BAN\s+(?:CHẤP\s+HÀNH|BÍ\s+THƯ|THƯỜNG\s+VỤ|CÁN\s+SỰ)    # "BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN BÍ THƯ"
      | THỦ\s+TƯỚNG | CHÍNH\s+PHỦ$                            # "THỦ TƯỚNG CHÍNH PHỦ", "CHÍNH PHỦ"
      | BỘ\s+\w | SỞ\s+\w                                     # "BỘ NỘI VỤ", "SỞ NỘI VỤ"
      | (?:ỦY|UỶ)\s+BAN\s+(?:MẶT\s+TRẬN|MTTQ|KIỂM\s+TRA)       # "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM"
      | (?:BAN|HỘI|LIÊN\s+(?:ĐOÀN|HIỆP|MINH)|ĐOÀN|CÔNG\s+AN|VIỆN|TRƯỜNG|NGÂN\s+HÀNG|BẢO\s+HIỂM
         |TỔNG\s+CỤC|CỤC|CHI\s+CỤC|TRUNG\s+TÂM|BỆNH\s+VIỆN|ĐÀI|BÁO|VĂN\s+PHÒNG)\s+\w   # "HỘI NÔNG DÂN TỈNH ...", "CÔNG AN TỈNH ..."
      | (?:KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|NGHỊ\s+ĐỊNH|CHỈ\s+THỊ|KẾT\s+LUẬN
         |CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|THÔNG\s+TƯ|THÔNG\s+BÁO|HƯỚNG\s+DẪN
         |QUY\s+ĐỊNH|ĐỀ\s+ÁN|CÔNG\s+VĂN)$                     # "KẾ HOẠCH" alone
    )
    """,
    re.VERBOSE,
)
#: The document's own number line: "Số: 371/KH-UBND", "Số 83-KH/TU", "SỐ: 85 /KH-UBND".
SO_LINE = re.compile(r"^số\s*(?::\s*[0-9]|[0-9])", re.IGNORECASE)


# =========================================================================== 2. header and references


def name_alternation(names, prefix: str = "", flags: int = re.IGNORECASE, left_boundary: bool = True) -> re.Pattern:
    """Return a compiled pattern matching any of ``names`` as whole words, longest first.

    Used for data-driven name lists (the 63 + 34 provinces and ~700 districts of
    ``ingest.admin_units``): the names come from data, the regex is built here so
    every pattern of the pipeline still lives in this module. ``prefix`` is a
    regex placed before the captured ``name`` group, e.g. ``r"tỉnh\\s+"``.
    Example: names ["Sóc Trăng", "Bắc Ninh"] matches "tỉnh Sóc Trăng" -> name "Sóc Trăng".
    """
    alts = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(set(names), key=len, reverse=True))
    # ``left_boundary=False`` when the prefix checks the word start itself (PROVINCE_PREFIX_SCAN)
    lead = r"(?<!\w)" if left_boundary else ""
    return re.compile(rf"{lead}{prefix}(?P<name>{alts})(?!\w)", flags)


#: A tone mark on the second vowel of an open syllable ending in oa/oe/uy
#: ("Hoà", "Thanh Hoá", "Thuỷ", "uỷ"), to be moved to the first ("Hòa", "Thủy");
#: a following letter ("hoạch", "Hoàng") means a closed syllable: left alone.
#: Written as one first-letter class then the second letter checked against it (a look-behind):
#: the same matches as "(?:[oO][áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ]|[uU][ýỳỷỹỵÝỲỶỸỴ])(?![^\W\d_])", but the
#: engine skips to the next o/u instead of trying both alternatives everywhere: 3x faster on a text.
OPEN_SYLLABLE_TONE = re.compile(r"[oOuU](?:(?<=[oO])[áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ]|(?<=[uU])[ýỳỷỹỵÝỲỶỸỴ])(?![^\W\d_])")


#: Unit word before a province name: "tỉnh Sóc Trăng", "TỈNH BẮC NINH",
#: "thành phố Hà Nội", "TP. Hồ Chí Minh", "TP.Cần Thơ".
PROVINCE_PREFIX = r"(?:tỉnh|thành\s+phố|TP\.?)\s*"
#: The same at a word start, written letter-first: ``(?<!\w)`` + PROVINCE_PREFIX as a pattern
#: that starts with "t"/"T" (each alternative does; the look-behind after it checks the word
#: start), so the engine skips to those letters instead of trying every position: twice as
#: fast over a whole document (``admin_units.find_provinces``). Case-insensitive like its user.
PROVINCE_PREFIX_SCAN = r"[tT](?<!\w[tT])(?:ỉnh|hành\s+phố|P\.?)\s*"

#: Unit word before a district name: "huyện Châu Thành", "quận Ba Đình",
#: "thị xã Từ Sơn", "thành phố Điện Biên Phủ".
DISTRICT_PREFIX = r"(?:huyện|quận|thị\s+xã|thành\s+phố|TP\.?)\s*"


# ---- document symbols -------------------------------------------------------
# Nghị định 30/2020/NĐ-CP Phụ lục I: State symbols are "number/TYPE-ISSUER";
# Hướng dẫn 36-HD/VPTW (2018): Party symbols are "number-TYPE/ISSUER".

_SYM_NUM = r"\d{1,5}[a-z]?"  # "124", "1659", "56", "12a"
_SYM_TOKEN = r"[A-ZĐ][A-Za-zĐđ&]{0,12}\d{0,3}"  # "KH", "QĐ", "UBND", "TTg", "QH13", "BGDĐT", "KH&CN", "BCĐ389"
_SYM_UNIT = r"(?:-[A-ZĐ][A-ZĐ]{0,7}(?![\w/]))?"  # the drafting unit after a Party-style issuer: "-PT", "-PTTN"

#: State convention. Alternatives:
#:   "124/KH-UBND", "124 /KH-UBND" (space before the slash), "142/QĐ-TTg",
#:   "14/2014/QĐ-TTg" (with year), "80/2015/QH13" (law: year and issuer only),
#:   "03/2019/TTLT-BNV-BTC" (joint), "1234/UBND-VX" (công văn: issuer-unit).
STATE_SYMBOL = rf"""
    {_SYM_NUM} \s* / [ ]?
    (?: (?:19|20)\d{{2}} [ ]?/[ ]? {_SYM_TOKEN} (?:[ ]?-[ ]?{_SYM_TOKEN}){{0,3}}   # 14/2014/QĐ-TTg, 80/2015/QH13
      | {_SYM_TOKEN} (?:[ ]?-[ ]?{_SYM_TOKEN}){{1,3}}                             # 124/KH-UBND, 1234/UBND-VX
    )
"""

#: Party convention: "83-KH/TU", "52-KL/TW", "72-CTr/TU", "20-Ctr/TU",
#: "72-CTR/TU" (title in capitals), "36-HD/VPTW", "12-NQ/ĐU"; the Youth Union writes the
#: drafting unit after the issuer, as State công văn do: "186-KH/TĐTN-PT" (Ban Phong trào),
#: "08-CTr/TWĐTN-PTTN".
PARTY_SYMBOL = rf"""
    {_SYM_NUM} [ ]?-[ ]? [A-ZĐ][A-Za-zĐđ]{{0,5}} [ ]?/[ ]? [A-ZĐ][A-Za-zĐđ]{{0,9}} {_SYM_UNIT}
"""

#: Either convention, as a whole word. Written digit-first (the look-behind
#: checks the character before the first digit) so the engine can skip to
#: digits: three times faster than a leading look-behind on a whole document.
SYMBOL = re.compile(
    rf"""(?P<symbol>\d(?<![\w/.\-]\d)\d{{0,4}}[a-z]?
        (?: [ ]?-[ ]? [A-ZĐ][A-Za-zĐđ]{{0,5}} [ ]?/[ ]? [A-ZĐ][A-Za-zĐđ]{{0,9}}             # 83-KH/TU
            {_SYM_UNIT}                                                                    # 186-KH/TĐTN-PT
          | \s* / [ ]? (?: (?:19|20)\d{{2}} [ ]?/[ ]? {_SYM_TOKEN} (?:[ ]?-[ ]?{_SYM_TOKEN}){{0,3}}  # 14/2014/QĐ-TTg
                        | {_SYM_TOKEN} (?:[ ]?-[ ]?{_SYM_TOKEN}){{1,3}} )                     # 124/KH-UBND
        ))(?![\w/])""",
    re.VERBOSE,
)

#: A symbol cut by a line break after one of its separators, as PDF-to-text tools and e-mail
#: copies print it: the end of the first line ("Căn cứ Nghị định số 13/2023/NĐ-", "Kết luận
#: số 52-KL/") and the start of the next ("CP ngày 17/4/2023 ...", "TW ngày 30/5/2019 ...").
#: ``clean.join_broken_symbols`` joins the two only when the result is one whole SYMBOL.
SYMBOL_BROKEN_END = re.compile(
    rf"""(?<![\w/.\-])\d{{1,5}}[a-z]?(?:/(?:19|20)\d{{2}})?[/-](?:{_SYM_TOKEN}[/-])+$""")
SYMBOL_BROKEN_START = re.compile(rf"""^{_SYM_TOKEN}(?:-{_SYM_TOKEN}){{0,3}}(?![\w/])""")

#: Spaces around a symbol's separator, removed by ``identity.normalize_symbol``:
#: "124 /KH-UBND" -> "124/KH-UBND", "83 - KH/TU" -> "83-KH/TU".
SPACED_SEPARATOR = re.compile(r"\s*([/\-])\s*")
#: Runs of characters other than ASCII lower-case letters and digits, one "-" in a slug
#: (``identity.slug``): "142/qd-ttg" -> "142-qd-ttg", "so noi vu" -> "so-noi-vu".
NON_ALNUM_RUN = re.compile(r"[^a-z0-9]+")

#: Split a normalised symbol into its parts:
#:   Party "83-KH/TU" -> num 83, pcode KH, piss TU;
#:   State "14/2014/QĐ-TTg" -> num 14, year 2014, rest "QĐ-TTg".
SYMBOL_PARTS = re.compile(
    r"""^(?P<num>\d+[a-z]?)
        (?: -(?P<pcode>[^/]+)/(?P<piss>[^-]+)(?:-(?P<punit>.+))?  # 83-KH/TU, 186-KH/TĐTN-PT (unit PT)
          | (?:/(?P<year>(?:19|20)\d\d))?/(?P<rest>.+)  # 14/2014/QĐ-TTg, 124/KH-UBND
        )$""",
    re.VERBOSE,
)

# ---- document types -----------------------------------------------------------
# Names of Nghị định 30/2020/NĐ-CP Phụ lục III and Hướng dẫn 36-HD/VPTW, plus the
# legal types of Luật Ban hành VBQPPL 2015; longest first so "Nghị quyết liên tịch"
# wins over "Nghị quyết".
DOC_TYPE_WORDS = r"""
      Chương\s+trình\s+hành\s+động     # "Chương trình hành động số 72-CTr/TU"
    | Thông\s+tư\s+liên\s+tịch         # "Thông tư liên tịch số 03/2019/TTLT-BNV-BTC"
    | Nghị\s+quyết\s+liên\s+tịch       # "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN"
    | Thông\s+báo\s+kết\s+luận         # "Thông báo kết luận số 135/TB-UBND"
    | Chương\s+trình                   # "Chương trình số 12-CTr/TU"
    | Nghị\s+quyết                     # "Nghị quyết số 45-NQ/TW", "NGHỊ QUYẾT SỐ 45-NQ/TW"
    | Quyết\s+định                     # "Quyết định số 142/QĐ-TTg", "Quyết định 163/QĐ-TTg"
    | Kết\s+luận                       # "Kết luận số 52-KL/TW"
    | Chỉ\s+thị                        # "Chỉ thị số 42-CT/TW"
    | Kế\s+hoạch                       # "Kế hoạch số 56/KH-UBND"
    | Thông\s+báo                      # "Thông báo số 135/TB-UBND"
    | Thông\s+tri                      # "Thông tri số 05-TT/TW"
    | Thông\s+tư                       # "Thông tư số 01/2020/TT-BNV"
    | Nghị\s+định                      # "Nghị định số 30/2020/NĐ-CP"
    | Hướng\s+dẫn                      # "Hướng dẫn số 36-HD/VPTW"
    | Quy\s+định                       # "Quy định số 66-QĐ/TW"
    | Quy\s+chế                        # "Quy chế số 01-QC/TU"
    | Công\s+văn                       # "Công văn số 1234/UBND-VX"
    | Công\s+điện                      # "Công điện số 01/CĐ-TTg"
    | Văn\s+bản                        # "văn bản số 135/TB-UBND" (type from the code)
    | Đề\s+án                          # "Đề án số 03-ĐA/TU"
    | Báo\s+cáo                        # "Báo cáo số 120/BC-UBND"
    | Tờ\s+trình                       # "Tờ trình số 45/TTr-UBND"
    | Luật                             # "Luật số 80/2015/QH13"
"""

#: The first letter of every DOC_TYPE_WORDS alternative and of "số", as a look-ahead: "b" (Báo
#: cáo), "c" (Chương trình, Chỉ thị, Công văn, Công điện), "đ" (Đề án), "h" (Hướng dẫn), "k" (Kế
#: hoạch, Kết luận), "l" (Luật), "n" (Nghị quyết, Nghị định), "q" (Quyết định, Quy định, Quy chế),
#: "s" (số), "t" (Thông báo, Thông tư, Thông tri, Tờ trình), "v" (Văn bản); case-insensitive like
#: the words (so "K" and the Kelvin sign for "k", "S" and "ſ" for "s").
DOC_TYPE_OR_SO_FIRST = r"(?=(?i:[bcđhklnqstv]))"

#: The type word (and "số") right before a symbol, matched on the few characters
#: before it (searching symbols first is much faster than trying type words at
#: every position): "Quyết định số ", "Kế hoạch ", "văn bản số ", "NGHỊ QUYẾT SỐ ".
#: (The look-ahead of its first letter, true of every match, makes the engine give up at
#: the other positions after one class test instead of trying 24 case-insensitive words:
#: 2-3x faster; ``tests/test_speed_invariants_text.py`` checks it against the plain form.)
TYPE_BEFORE = re.compile(
    rf"""{DOC_TYPE_OR_SO_FIRST}
         (?: (?P<type>(?i:{DOC_TYPE_WORDS})) [ \t]+ (?: (?i:số|sô) [ \t]*:?[ \t]* )? $
           | (?P<so>(?i:số|sô)) [ \t]*:?[ \t]* $ )""",
    re.VERBOSE,
)

#: Who proposed a decision, written before the proposal's citation in the decision's preamble
#: (Nghị định 30/2020/NĐ-CP, Phụ lục III: "Theo đề nghị của ..."): "Theo đề nghị của Trưởng Phòng
#: Nội vụ quận tại Tờ trình số 512/TTr-NV", "Xét đề nghị của Giám đốc Sở Tài chính tại Tờ trình số
#: 45/TTr-STC": the proposing body issued it.
PROPOSED_BY = re.compile(
    r"""(?i:(?:theo|xét)\s+đề\s+nghị\s+của)\s+(?P<who>[^;.()\n]{3,140}?)\s+(?i:tại)\s+$""", re.VERBOSE)

#: A type word and the date written BEFORE the number: "Quyết định ngày 14/6/2024 số 3120/QĐ-UBND",
#: "Nghị quyết ngày 10 tháng 7 năm 2024 số 25/NQ-HĐND". Searched only in the text before a bare "số".
TYPE_DATED_BEFORE = re.compile(
    rf"""{DOC_TYPE_OR_SO_FIRST} (?P<type>(?i:{DOC_TYPE_WORDS})) [ \t]+ (?i:ngày)[ \t\n]+
        (?P<date>\d{{1,2}}\s*(?:/|-|\.|\s+(?i:tháng)\s+)\s*\d{{1,2}}\s*(?:/|-|\.|\s+(?i:năm)\s+)\s*(?:19|20)\d{{2}})
        [ \t\n]*,?[ \t\n]*$""",
    re.VERBOSE,
)

#: A type word and "của"/"do" with the issuer written BEFORE the number: "Kế hoạch của Ủy ban
#: nhân dân tỉnh An Giang số 95/KH-UBND", "Quyết định của Thủ tướng Chính phủ số 142/QĐ-TTg".
#: Searched only in the text before a bare "số"; the issuer itself is read by ``resolve.match_issuer``.
TYPE_OF_ISSUER = re.compile(
    rf"""{DOC_TYPE_OR_SO_FIRST} (?P<type>(?i:{DOC_TYPE_WORDS})) [ \t]+ (?i:của|do) [ \t]+""",
    re.VERBOSE,
)
#: What may stand between such an issuer and its "số": nothing, a comma, or "ban hành".
#:   "... tỉnh An Giang số", "... tỉnh An Giang, số", "... do UBND tỉnh ban hành số"
ISSUER_BEFORE_SO_GAP = re.compile(r"""^[ \t]*,?[ \t]*(?i:ban\s+hành)?[ \t]*$""", re.VERBOSE)

#: Symbols listed bare after one type word, sharing the date and issuer written after the
#: last: "các Nghị quyết số 18-NQ/TW và 19-NQ/TW ngày 25/10/2017" -> both dated 25/10/2017;
#: "Quyết định số 12/QĐ-UBND, 13/QĐ-UBND ngày ...". (A type word before the second symbol —
#: "Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW ngày ..." — makes it a mention of its own.)
SYMBOL_LIST_GAP = re.compile(r"""^[ \t]*(?:,[ \t]*(?:và[ \t]+)?|và[ \t]+)(?:(?i:số)[ \t]*)?$""", re.VERBOSE)

# ---- dates ------------------------------------------------------------------

#: A date written out or with separators:
#:   "ngày 08 tháng 4 năm 2020", "08/4/2020", "8-4-2020", "08.4.2020".
DATE = re.compile(
    r"""(?P<d>\d{1,2}) \s* (?: / | - | \. | \s+(?i:tháng)\s+ ) \s* (?P<m>\d{1,2})
        \s* (?: / | - | \. | \s+(?i:năm)\s+ ) \s* (?P<y>(?:19|20)\d{2})(?!\d)""",
    re.VERBOSE,
)

#: Date right after a mention: ", ngày 30/5/2019", " ngày 21 tháng 01 năm 2020",
#: " ban hành ngày 15/5/2020".
DATE_TAIL = re.compile(
    r"""[ \t]*,?[ \t]*(?i:ban\s+hành\s+)?(?i:ngày)[ \t]+
        (?P<date>\d{1,2}\s*(?:/|-|\.|\s+(?i:tháng)\s+)\s*\d{1,2}\s*(?:/|-|\.|\s+(?i:năm)\s+)\s*(?:19|20)\d{2})(?!\d)""",
    re.VERBOSE,
)

#: The year alone right after a mention, where the text gives no day: "Chỉ thị số 05/CT-TTg năm
#: 2023 về ...", "Nghị quyết số 57-NQ/TW năm 2024". Not a year that starts a phrase of its own
#: ("năm 2023 và những năm tiếp theo", "năm 2024, các sở ...").
YEAR_TAIL = re.compile(
    r"""[ \t]+(?i:năm)[ \t]+(?P<year>(?:19|20)\d{2})(?![\d/\-])(?![ \t]*(?:,|và\s|đến\s|-|–))""",
    re.VERBOSE,
)

#: "của"/"do" before an issuer: " của Thủ tướng Chính phủ", ", của Ban Bí thư".
ISSUER_TAIL = re.compile(r"[ \t]*,?[ \t]*(?i:của|do)[ \t]+")
#: Where an issuer phrase after "của" ends at the latest: its subject ("về ..."), a clause break, a line.
#: "Sở Nội vụ tỉnh Hà Giang (cũ), Sở Nội vụ tỉnh Tuyên Quang ...", "... tỉnh Hà Giang về thực hiện ...".
ISSUER_PHRASE_END = re.compile(r"[,;\n]|\s(?i:về|v/v|thực\s+hiện|triển\s+khai)\s")

#: Place and date line of a header: "Lào Cai, ngày 08 tháng 4 năm 2020",
#: "Bắc Ninh, ngày 09 tháng 10 năm 2024", "TP. Hồ Chí Minh, ngày 08/4/2020",
#: "Hà Nội, ngày     tháng 4 năm 2020" (day left blank).
_PLACE_DATE_TAIL = r""",\s* (?i:ngày) \s+
        (?P<date>(?:\d{1,2}|\.+|…)? \s* (?: / | - | \.|\s*(?i:tháng)\s+ ) \s* \d{1,2}
            \s* (?: / | - | \. | \s+(?i:năm)\s+ ) \s* (?:19|20)\d{2})"""
PLACE_DATE = re.compile(
    r"""(?P<place>[^\W\d_][^,\n|]{1,40}?) \s*""" + _PLACE_DATE_TAIL,
    re.VERBOSE,
)

#: The tail of a place-date line from its comma: ", ngày 08 tháng 4 năm 2020", ", ngày 08/4/2020".
#: Every PLACE_DATE match contains one at its comma; a literal "," first lets the engine skip
#: ahead, so ``header.place_date_search`` looks for these and tries PLACE_DATE only just before
#: them (PLACE_DATE itself starts at any letter: ~40 steps per character of a whole text).
PLACE_DATE_CUE = re.compile(_PLACE_DATE_TAIL, re.VERBOSE)

#: The document's own number line (not a portal's "Số hiệu:"):
#:   "Số: 124 /KH-UBND", "Số 83-KH/TU", "Số: 85\n/KH-UBND" (split by a table cell), "SỐ: 14/2014/QĐ-TTg".
OWN_SYMBOL = re.compile(
    rf"""(?:Số|SỐ|số)\s*:?\s*(?P<symbol>{PARTY_SYMBOL}|{STATE_SYMBOL})(?![\w/])""",  # line start checked by the caller
    re.VERBOSE,
)

#: A line break, the characters a number line may start with (pipes, markdown marks) and
#: then "Số"/"SỐ"/"số" (or "sỐ"; OWN_SYMBOL decides): "\nSố: 124/KH-UBND", "\n| Số: 85/KH-UBND |",
#: "\n**Số: 371/KH-UBND**". The literal "\n" first lets the engine jump from line to line
#: (``header.own_symbol_matches`` tries OWN_SYMBOL only where this ends).
NUMBER_LINE_CUE = re.compile(r"\n[ \t|*#]*(?=[Ss][ốỐ])")

#: Portal metadata field with the symbol: "Số hiệu: 124/KH-UBND", "Số ký hiệu: 83-KH/TU".
PORTAL_SYMBOL = re.compile(
    rf"""(?i:Số\s+(?:ký\s+)?hiệu(?:\s+văn\s+bản)?)\s*:?\s*(?P<symbol>{PARTY_SYMBOL}|{STATE_SYMBOL})(?![\w/])""",
    re.VERBOSE,
)

#: A line that is only a document type (the type line of the header):
#:   "KẾ HOẠCH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "Kế hoạch".
TYPE_LINE = re.compile(rf"^\s*(?P<type>(?i:{DOC_TYPE_WORDS}))\s*:?\s*$", re.VERBOSE)

#: "HÒA" in either tone placement: "CỘNG HÒA" (Nghị định 30/2020 writes it so), "CỘNG HOÀ"
#: (older placement), "Cộng hoà"; also "CỘNG HOA" where a legacy font lost the tone.
_HOA = r"H(?:Ò[AÀ]?|O[ÀA]?)"

#: Lines of the header that are never the issuer: the national motto and the Party's name.
#:   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI ...", "Độc lập - Tự do - Hạnh phúc",
#:   "ĐẢNG CỘNG SẢN VIỆT NAM", "-------", "*".
MOTTO_LINE = re.compile(
    rf"""^\s*(?: (?i:CỘNG\s+{_HOA}\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)
              | (?i:Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc)
              | (?i:ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)
              | (?i:ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH)  # the Youth Union's line, where the Party's stands
              | [-–_*=.~\s]+ )\s*$""",
    re.VERBOSE,
)

#: The same motto phrases inside a line, where a PDF text layer merged the two header
#: columns: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH BẮC NINH Độc lập - Tự do - Hạnh phúc".
MOTTO_PHRASE = re.compile(
    rf"""(?i:CỘNG\s+{_HOA}\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)
      | (?i:Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc)
      | (?i:ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)
      | (?i:ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH)  # ĐOÀN TNCS HỒ CHÍ MINH
    """,
    re.VERBOSE,
)

#: Where the body starts after the title: preamble cues and first headings.
#:   "Căn cứ ...", "Thực hiện ...", "I. MỤC ĐÍCH", "I- MỤC ĐÍCH", "Điều 1.", "Kính gửi:", "-----".
BODY_START = re.compile(
    r"""^\s*(?: (?i:căn\s+cứ|thực\s+hiện|triển\s+khai|để\s+|theo\s+đề\s+nghị|xét\s+đề\s+nghị|kính\s+gửi|điều\s+1\b|phần\s+I\b)
              | [IVX]{1,4}\s*[.\-–)]\s
              | [-–_*=]{3,}
              | (?:ĐẾN|Đến)\s+Số )""",
    re.VERBOSE,
)

#: A Party document's title line that names its issuer before the subject (Hướng dẫn 36-HD/VPTW
#: 2018 on Party document format: "CHỈ THỊ / của Ban Thường vụ Tỉnh ủy / về ..."): the trích yếu
#: is what follows, the issuer is in the header already:
#:   "của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng ...",
#:   "CỦA BỘ CHÍNH TRỊ VỀ PHÁT TRIỂN ...", "của Ban Chấp hành Đảng bộ tỉnh về ...".
TITLE_ISSUER_PREFIX = re.compile(
    r"""^(?i:của)\s+
        (?P<body>(?i:ban|bộ|ủy\s+ban|hội\s+đồng|thủ\s+tướng|chính\s+phủ            # "Ban Thường vụ Tỉnh ủy", "Bộ Chính trị"
                 |(?:tỉnh|thành|huyện|thị|quận|đảng)\s+ủy)                        # "Tỉnh ủy", "Đảng ủy xã"
                 (?!\w)[^,;:()]{0,80}?)
        \s+(?=(?i:về)\s)""",
    re.VERBOSE)

#: End of the preamble (first section or article):
#:   "I. MỤC ĐÍCH, YÊU CẦU", "I- MỤC ĐÍCH", "QUYẾT ĐỊNH:", "Điều 1.", "Phần I".
PREAMBLE_END = re.compile(
    r"""^\s*(?: [IVX]{1,4}\s*[.\-–)]\s | (?i:điều\s+1\b) | (?i:phần\s+(?:I|thứ\s+nhất)\b) | QUYẾT\s+ĐỊNH\s*: | QUYẾT\s+NGHỊ\s*: | 1\.\s+\S )""",
    re.VERBOSE,
)

# ---- relation cues (issue #3, "References") ----------------------------------------

#: Start of a preamble sentence (the text before its first mention) that makes its head documents "implemented":
#:   "Thực hiện Kế hoạch số 56/KH-UBND", "Triển khai thực hiện Quyết định",
#:   "Để cụ thể hóa Kết luận", "Nhằm triển khai Chỉ thị", "Tiếp tục thực hiện Nghị quyết", "Thi hành Luật";
#: a later clause of the sentence: ", đồng thời triển khai ...", "; chỉ đạo của Ủy ban nhân dân tỉnh
#: tại Văn bản số 1234/UBND-KT" (the document that carries a direction the plan carries out), "Theo
#: ý kiến chỉ đạo của Thủ tướng Chính phủ tại Văn bản số ...". Not ", gắn với (tiếp tục) thực hiện
#: Kết luận số ..." (the held-out sets' convention since v7 and v9: a document the plan is tied to,
#: which it cites).
IMPLEMENTS_CUE = re.compile(
    r"""^[\s\-–+•*]*(?i:(?:để\s+|nhằm\s+|đồng\s+thời\s+)?(?:tiếp\s+tục\s+)?
        (?:triển\s+khai\s+thực\s+hiện|triển\s+khai|thực\s+hiện|cụ\s+thể\s+hóa|cụ\s+thể\s+hoá|thi\s+hành
          |(?:theo\s+)?(?:ý\s+kiến\s+)?chỉ\s+đạo\s+của\s+[^,;.()\n]{2,80}?\s+tại\s*$))(?!\w)""",
    re.VERBOSE,
)

#: "Căn cứ" opening a preamble sentence of legal basis: "Căn cứ Quyết định số 142/QĐ-TTg",
#: "Căn cứ văn bản số 135/TB-UBND", "- Căn cứ Nghị quyết", "Căn cứ Luật Ban hành ... số 80/2015/QH13".
BASED_ON_CUE = re.compile(r"""^[\s\-–+•*]*(?i:căn\s+cứ)(?!\w)""", re.VERBOSE)

#: A section that lists the plan's legal basis; its items are "based_on":
#:   "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", "I. CĂN CỨ PHÁP LÝ", "1. Căn cứ pháp lý",
#:   "I- CƠ SỞ PHÁP LÝ", "I. CƠ SỞ XÂY DỰNG KẾ HOẠCH".
BASIS_HEADING = re.compile(
    r"""^\s*(?P<num>[IVX]{1,4}|\d{1,2})\s*[.\-–)]\s*(?i:căn\s+cứ|cơ\s+sở\s+pháp\s+lý|cơ\s+sở\s+xây\s+dựng)""",
    re.VERBOSE,
)

#: Any numbered heading (ends a basis section): "II. MỤC ĐÍCH, YÊU CẦU", "2. Yêu cầu", "III- NỘI DUNG".
NUMBERED_HEADING = re.compile(r"""^\s*(?P<num>[IVX]{1,4}|\d{1,2})\s*[.\-–)]\s+\S""", re.VERBOSE)

#: Words between two mentions that state "the first implements the second"
#: (a stated edge between other documents):
#:   " về thực hiện " (56/KH-UBND ... về thực hiện Quyết định số 142/QĐ-TTg),
#:   " về việc ban hành Kế hoạch thực hiện " (142/QĐ-TTg -> 52-KL/TW),
#:   " ban hành Chương trình hành động của Chính phủ thực hiện " (107/NQ-CP -> 45-NQ/TW),
#:   " về việc thực hiện " (72-CTr/TU -> 45-NQ/TW), " về tiếp tục thực hiện " (52-KL/TW -> 27-NQ/TW),
#:   " thực hiện " (20-Ctr/TU ... của Tỉnh ủy Sóc Trăng thực hiện Nghị quyết ...),
#:   " triển khai " / " hướng dẫn thực hiện " / " về triển khai thực hiện ",
#:   " về tiếp tục đẩy mạnh triển khai " (05/CT-TTg -> Đề án 06, the short name of 06/QĐ-TTg),
#:   " về tăng cường thực hiện " (an intensifier before the verb keeps the implementing sense),
#:   " hướng dẫn thực hiện một số điều của " (02-HD/UBKTTW -> 22-QĐ/TW), " hướng dẫn thi hành các điều của ",
#:   " hướng dẫn thực hiện một số dự án thuộc " (02/2022/TT-UBDT -> Chương trình 1719).
#: A former unit's aside after its name, from the 2025 mergers (Nghị quyết 202/2025/QH15):
#: "Ủy ban nhân dân tỉnh Yên Bái (cũ)", "... tỉnh Lào Cai (trước sắp xếp)", "(trước hợp nhất)".
FORMER_ASIDE = r"\((?i:cũ|trước\s+đây|trước\s+(?:khi\s+)?(?:sắp\s+xếp|hợp\s+nhất|sáp\s+nhập))\)"
EDGE_CUE = re.compile(
    rf"""^[ \t\n]*(?:{FORMER_ASIDE}[ \t\n]*)?,?[ \t\n]*(?i:   # "(cũ)": a province merged in 2025
        (?:về\s+(?:việc\s+)?)?
        (?:(?:ban\s+hành|phê\s+duyệt)\s+(?:Kế\s+hoạch|Chương\s+trình(?:\s+hành\s+động)?|Đề\s+án|Quy\s+chế)
           (?:\s+(?!thực\s+hiện|triển\s+khai|của\s)[^\s,;.()]+){{0,24}}?  # "Kế hoạch tổng thể và kế hoạch 5 năm",
                                                                       # "Kế hoạch phát triển du lịch ... giai đoạn 2023 - 2025"
           (?:\s+của\s+(?:Chính\s+phủ|Thủ\s+tướng(?:\s+Chính\s+phủ)?|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Tỉnh\s+ủy|Ủy\s+ban\s+nhân\s+dân(?:\s+tỉnh)?))?
           (?:\s+(?:để\s+)?(?:triển\s+khai\s+)?)?\s+)?
        (?:hướng\s+dẫn\s+)?(?:tiếp\s+tục\s+)?(?:(?:đẩy\s+mạnh|tăng\s+cường)\s+)?
        (?:triển\s+khai\s+thực\s+hiện|triển\s+khai|thực\s+hiện|cụ\s+thể\s+hóa|thi\s+hành)
        (?:\s+(?:một\s+số|các)\s+(?:điều|dự\s+án|nội\s+dung)\s+(?:của|thuộc))?
        )[ \t\n]*$""",
    re.VERBOSE,
)

#: The end of an edge cue that names parts of the documents after it: "hướng dẫn thực hiện một
#: số điều của Luật Quản lý thuế ..., Nghị định số 123/2020/NĐ-CP ..." (a Thông tư guiding a law and
#: a decree: every document of the list is its parent), "... một số dự án thuộc Chương trình 1719".
GUIDED_PARTS_CUE = re.compile(r"""(?i:(?:một\s+số|các)\s+(?:điều|dự\s+án|nội\s+dung)\s+(?:của|thuộc))[ \t\n]*$""",
                              re.VERBOSE)

#: The citing body announcing its own plan for a document (preamble): the document
#: after it is "implemented" by the plan being read:
#:   ", Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện " (… Quyết định số 749/QĐ-TTg như sau),
#:   "Ủy ban nhân dân tỉnh Bắc Ninh ban hành Kế hoạch thực hiện " (Chương trình hành động số 72-CTr/TU),
#:   ", Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch triển khai thực hiện ", ", UBND huyện ban hành Kế hoạch triển khai ".
OWN_PLAN_CUE = re.compile(
    r"""(?:^|,)\s*[^,;.\n]{3,80}?\s+(?i:ban\s+hành|xây\s+dựng)\s+
        (?i:(?:bản\s+)?Kế\s+hoạch|Chương\s+trình(?:\s+hành\s+động)?)\s+
        (?i:(?:triển\s+khai\s+)?thực\s+hiện|triển\s+khai|cụ\s+thể\s+hóa)\s*$""",
    re.VERBOSE,
)

#: Start of the subject (trích yếu) written after a cited document's date and issuer:
#:   " về việc ban hành Kế hoạch thực hiện Kết luận số 52-KL/TW ...", " về xây dựng đội ngũ trí thức ...",
#:   " phê duyệt Chiến lược quốc gia về thu hút, trọng dụng nhân tài ...", " ban hành Chương trình hành động ...",
#:   " V/v triển khai ...", " hướng dẫn thể thức và kỹ thuật trình bày văn bản ...", " quy định chức năng ...".
SUBJECT_LEAD = re.compile(
    r"""[ \t]*,?[ \t]*(?P<lead>(?i:về\s+việc|về|v/v|phê\s+duyệt|ban\s+hành|hướng\s+dẫn|quy\s+định|thông\s+báo))\s+(?=\S)""",
    re.VERBOSE,
)

#: Where a cited document's subject ends: "(" of a short form, ";", a sentence end,
#: ", Ủy ban nhân dân huyện ... ban hành" (the citing body's own clause), or the next listed
#: document (", Quyết định số ...", " và Kế hoạch số ...").
SUBJECT_END = re.compile(
    rf"""\( | ; | \n | \.\s+(?=[A-ZĐ]) | \.\s*$ | :
      | ,\s*(?=(?i:Ủy\s+ban|UBND|Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Hội\s+đồng|Tỉnh\s+ủy|Huyện\s+ủy|Thành\s+ủy|Sở|các\s+sở|Bộ)\b)
      | (?:,|\s+và)\s+(?=(?i:{DOC_TYPE_WORDS})\s+(?i:số\s+)?\d)""",
    re.VERBOSE,
)

#: Short form after a full mention (same document, no new edge):
#:   "(sau đây viết tắt là Quyết định số 142/QĐ-TTg)", "(viết tắt là Kết luận số 52-KL/TW)",
#:   "(sau đây gọi tắt là Nghị quyết số 45-NQ/TW)", "  (Nghị quyết số 45-NQ/TW)".
SHORT_FORM_LEAD = re.compile(r"""\(\s*(?i:(?:sau\s+đây\s+)?(?:(?:viết|gọi)\s+tắt\s+(?:là\s+)?|gọi\s+là\s+)?)\s*$""", re.VERBOSE)
#: Two documents of one type joined as the subject of one stated edge: "Kế hoạch số 112/KH-UBND
#: ... của UBND tỉnh Kiên Giang (cũ) và Kế hoạch số 356/KH-UBND ... về thực hiện Nghị quyết số 57":
#: the gap between the first and the second mention.
JOINED_CHILDREN_GAP = re.compile(rf"""^[ \t]*(?:{FORMER_ASIDE}[ \t]*)?(?:,|(?i:và))[ \t]*$""")

#: A short name defined for a cited document, that is not a symbol, and the text after it uses:
#:   "(sau đây gọi tắt là Đề án 06)", "(sau đây viết tắt là Chương trình 1719)",
#:   "(gọi tắt là “Nghị quyết 57”)", "(sau đây gọi là Nghị quyết 68)"; the caller rejects names holding a symbol (those are
#:   mentions of their own, ``SHORT_FORM_LEAD``).
SHORT_NAME = re.compile(
    r"""\(\s*(?i:sau\s+đây\s+)?(?:(?i:gọi|viết)\s+tắt|(?i:gọi))\s+(?i:là)\s*:?\s*["“”']?   # "gọi tắt là", "gọi là"
        (?P<name>[^()"“”'\n;:,]{2,60}?)
        \s*["“”']?\s*\)""",
    re.VERBOSE,
)

#: A body named for its purpose: a committee or working group whose name goes on with a verb
#: phrase, up to "của ...", a bracket or a role word (Quy định 66-QĐ/TW, 2017:
#: ban chỉ đạo, tổ công tác of a committee): "Ban Chỉ đạo triển khai bệnh án điện tử (của Bệnh
#: viện)", "Tổ công tác triển khai Đề án 06 (của tỉnh)", "Hội đồng thẩm định đề án"; or up to the
#: bare unit word that closes it: "Ban Chỉ đạo triển khai Đề án 06 tỉnh chỉ đạo ...".
PURPOSE_BODY = re.compile(r"""
    ^(?:Ban\s+Chỉ\s+đạo|Tổ\s+công\s+tác|Tổ\s+giúp\s+việc|Hội\s+đồng|Ban\s+Tổ\s+chức)
    \s+(?:triển\s+khai|thực\s+hiện|xây\s+dựng|thẩm\s+định|tổ\s+chức|quản\s+lý)\s+
    (?:(?!của\s|chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|là\s)[^\s,;:()]+\s*){1,10}?
    (?:(?<=\s)(?:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|xã|phường)(?=\s+[^\W\d_]|\s*$)   # "... Đề án 06 tỉnh" (+ its duty)
      |(?=\s*\(|\s(?:của|chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|là)(?!\w)))   # not at the end: "Ban Chỉ đạo tổ chức tổng kết" is a duty
""", re.VERBOSE)
#: A short name made of a type word and the document's number: "Kết luận 01", "Nghị quyết 57",
#: "Chỉ thị 05", "Quyết định 142" (its owner is the mention of that type and number).
NUMBERED_SHORT_NAME = re.compile(r"^(?P<type>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}?)\s+(?P<number>\d{1,5})$")

#: Article 1 of a decision issuing an attached plan for a document: the document is implemented
#: (Nghị định 30/2020/NĐ-CP, Phụ lục III: "Ban hành kèm theo Quyết định này ..."):
#:   "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai Đề án 06 ...",
#:   "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ...".
ATTACHED_PLAN_CUE = re.compile(
    r"""^[ \t]*(?i:điều)[ \t]+1[ \t]*[.:][ \t]*
        (?i:ban\s+hành\s+kèm\s+theo\s+(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị)\s+này\s+)
        (?i:(?:bản\s+)?(?:Kế\s+hoạch|Chương\s+trình(?:\s+hành\s+động)?|Đề\s+án|Phương\s+án)\s+)
        (?i:triển\s+khai\s+thực\s+hiện|triển\s+khai|thực\s+hiện|cụ\s+thể\s+(?:hóa|hoá))[ \t]+$""",
    re.VERBOSE,
)

#: Between two parents of one stated edge, after the first one's subject if it has one: "...
#: thực hiện Nghị định 178 và Nghị định số 67/2025/NĐ-CP", "thực hiện Nghị quyết số 71-NQ/TW ... của
#: Bộ Chính trị về đột phá phát triển giáo dục và đào tạo và Nghị quyết số 72-NQ/TW ..." (not ";":
#: it ends the list item).
PARENT_SIBLING_GAP = re.compile(r"""^[ \t]*(?:(?i:về)[ \t][^;.()\n]{0,200}?)?   # "về đột phá phát triển ..."
                                    (?:,[ \t]*(?i:và[ \t]+)?|[ \t](?i:và)[ \t]+)$""", re.VERBOSE)
#: Sibling separator: documents listed under one cue ("Căn cứ A, B và C", "A; B").
SIBLING_GAP = re.compile(r"""^[ \t]*(?:[,;][ \t]*(?i:và\s+)?|(?i:và)[ \t]+|\)[ \t]*[,;]?[ \t]*)$""", re.VERBOSE)

#: Sibling separator, then a law's type word and name before its number (the mention starts at
#: "số"): "Căn cứ Nghị định số 13/2023/NĐ-CP ...; Luật Căn cước số 26/2023/QH15 ...",
#: "..., Bộ luật Lao động số 45/2019/QH14", "; Pháp lệnh Chi phí tố tụng số 02/2012/UBTVQH13".
NAMED_LAW_SIBLING_GAP = re.compile(
    r"""^[ \t]*(?:[,;][ \t]*(?i:và\s+)?|(?i:và)[ \t]+)
        (?:Bộ[ \t]+luật|Luật|Pháp[ \t]+lệnh)[ \t]+[^\W\d_][^,;()\n]{0,80}?[ \t]+$""",
    re.VERBOSE)

#: The end of a cited document's subject that opens the next document of the same cue list
#: (the next one then carries its own type word, date and issuer):
#:   "Thực hiện Chỉ thị số 47-CT/TW ngày 25/6/2015 của Ban Bí thư về tăng cường ... chữa cháy
#:   và Nghị định số 136/2020/NĐ-CP ngày 24/11/2020 của Chính phủ ..." -> " ... chữa cháy và ";
#:   "...; Quyết định số ..." -> "; ".
SUBJECT_SIBLING_END = re.compile(r"""(?:[ \t]+(?i:và)|[,;](?:[ \t]*(?i:và))?)[ \t]+$""", re.VERBOSE)

#: A subject that itself implements a document ("... về tiếp tục thực hiện Nghị quyết ...",
#: "... ban hành Kế hoạch triển khai Đề án ..."): a document listed after it may be that
#: subject's parent, not a sibling under the citing document's cue. The implementing word must
#: have a document for object, a type word within four words; "tổ chức thực hiện các chương
#: trình mục tiêu quốc gia", "về thực hiện dân chủ trong hoạt động ..." implement no document,
#: so the next document of the "Căn cứ" list is still a sibling. Type words are written
#: capitalised, as documents are cited ("các chương trình" is not "Chương trình số ...").
SUBJECT_IMPLEMENTS_WORD = re.compile(
    rf"""(?i:thực\s+hiện|triển\s+khai|cụ\s+thể\s+(?:hóa|hoá)|thi\s+hành)(?!\w)
         [ \t]+(?:[^\s,;]+[ \t]+){{0,4}}?
         (?:{DOC_TYPE_WORDS} | Đề\s+án | Chiến\s+lược | Luật | Pháp\s+lệnh | Điều\s+lệ)(?!\w)""",
    re.VERBOSE)

#: A sentence break inside a line: ". " before the next sentence ("... trí thức. Thực hiện ...");
#: the caller checks the next character is a capital.
SENTENCE_BREAK = re.compile(r"\.[ \t]+")

#: Plenum aliases: "Nghị quyết Trung ương 7 khóa X", "Nghị quyết TW7 khóa X",
#: "Nghị quyết Trung ương 7 (khóa X)", "Nghị Quyết Trung ương 7 khóa X",
#: "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa X",
#: "Nghị quyết Hội nghị Trung ương 8 khóa XI".
PLENUM_ALIAS = re.compile(
    r"""(?i:Nghị\s+quyết)\s+
        (?: (?i:Hội\s+nghị)\s+ )?
        (?: (?i:lần\s+thứ)\s+(?P<word>mười\s+(?:một|hai|ba|bốn|lăm)|[a-zà-ỹ]+)\s+ )?
        (?: (?i:Ban\s+Chấp\s+hành)\s+ )?
        (?i:Trung\s+ương|TW|TƯ)\s*(?i:Đảng\s*)?
        (?P<num>\d{1,2})?
        \s*,?\s*\(?\s*(?i:khóa|khoá)\s+(?P<term>[IVXL]{1,5})\b(?:\s*\))?""",
    re.VERBOSE,
)
#: The word every PLENUM_ALIAS match holds, "khóa"/"khoá" in any case ("khóa X", "KHÓA XII"):
#: ``references._alias_mentions`` scans for it first. "k" is much rarer than "n" in Vietnamese, so
#: this scan costs 40% less than PLENUM_ALIAS's own (which tries every "n"); ``[kK\u212a]`` is what
#: ``(?i:k)`` matches (U+212A KELVIN SIGN lower-cases to "k").
PLENUM_HINT = re.compile(r"[kK\u212a](?i:hóa|hoá)")

#: A law or ordinance cited by name and date, without a symbol (Luật Ban hành VBQPPL
#: 2015 names them "Luật <tên>"; plans cite them so in "Căn cứ"):
#:   "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
#:   "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
#:   "Bộ luật Lao động ngày 20/11/2019", "Luật Ngân sách nhà nước năm 2015", "Pháp lệnh Ưu đãi người có công với cách mạng ngày 09/12/2020".
NAMED_LAW = re.compile(
    r"""(?P<type>Bộ\s+luật|Luật|Pháp\s+lệnh)\s+   # literal first (fast scan); the caller checks the word start
        (?P<name>[A-ZĐÀ-Ỹa-zđà-ỹ][^;:.()\n\d“”"]{2,160}?)
        \s*,?\s*(?: (?i:ngày)\s+(?P<date>\d{1,2}\s*(?:/|-|\s+(?i:tháng)\s+)\s*\d{1,2}\s*(?:/|-|\s+(?i:năm)\s+)\s*(?:19|20)\d{2})
                   | (?i:năm)\s+(?P<year>(?:19|20)\d{2}) )(?!\d)""",
    re.VERBOSE,
)

#: Recipients block: "Nơi nhận:", OCR "Noi nhận:", "NƠI NHẬN:".
RECIPIENTS_HEAD = re.compile(r"^\s*(?i:n[oơ]i\s+nh[aậ]n)\s*:?\s*(?P<rest>.*)$")

#: Notes after a recipient: "Bộ Khoa học và Công nghệ (b/c)", "(để b/c)", "(đ/b)", "(để biết)", "(thực hiện)".
RECIPIENT_NOTE = re.compile(r"\s*\((?:để\s+)?(?:b/c|đ/b|báo\s+cáo|biết|thực\s+hiện|t/h|p/h|chỉ\s+đạo)\)\s*", re.IGNORECASE)

#: A committee's standing body on the header line below it: "BAN THƯỜNG TRỰC" ("ỦY BAN MTTQ VIỆT
#: NAM TỈNH YÊN BÁI / BAN THƯỜNG TRỰC"), "BAN THƯỜNG VỤ": it issues in the committee's own name.
STANDING_BODY = re.compile(r"""^\s*(?i:ban\s+thường\s+(?:trực|vụ))(?!\w)""", re.VERBOSE)

#: A department line under the committee in a header block: "SỞ NỘI VỤ", "BAN TUYÊN GIÁO",
#: "VĂN PHÒNG", "PHÒNG NỘI VỤ", "CHI CỤC ...", "TRUNG TÂM ...", "BỘ CHỈ HUY QUÂN SỰ", "ĐẢNG ĐOÀN ...",
#: "ỦY BAN KIỂM TRA" (under "TỈNH ỦY THÁI NGUYÊN": the committee's inspection commission, Điều lệ
#: Đảng, Điều 32). Not "BAN THƯỜNG TRỰC" / "BAN THƯỜNG VỤ" ("ỦY BAN MTTQ VIỆT NAM / TỈNH YÊN BÁI /
#: BAN THƯỜNG TRỰC"): the standing body issues in the committee's own name.
SUB_BODY = re.compile(
    r"""^(?:SỞ|BAN(?!\s+THƯỜNG\s+(?:TRỰC|VỤ)(?!\w))|VĂN\s+PHÒNG|PHÒNG|CHI\s+CỤC|TRUNG\s+TÂM|BỘ\s+CHỈ\s+HUY|CÔNG\s+AN
          |ĐẢNG\s+ĐOÀN|BAN\s+CÁN\s+SỰ|(?:ỦY|UỶ)\s+BAN\s+KIỂM\s+TRA)(?!\w)""",
    re.VERBOSE,
)

#: An organisation's executive committee named before it on a header line: "BCH HỘI NÔNG DÂN HUYỆN
#: CHÂU PHÚ", "BAN CHẤP HÀNH HỘI CỰU CHIẾN BINH TỈNH" (Điều lệ Hội Nông dân Việt Nam: the Ban Chấp hành
#: leads the Hội between its congresses and issues in its name).
EXECUTIVE_PREFIX = re.compile(r"""^\s*(?i:bch|ban[ ]+chấp[ ]+hành)\s+""", re.VERBOSE)

#: A branch of the body named on the header line above it: "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM" / "CHI NHÁNH
#: TỈNH QUẢNG NAM" (Ngân hàng Nhà nước Chi nhánh tỉnh Quảng Nam), "NGÂN HÀNG CHÍNH SÁCH XÃ HỘI" /
#: "CHI NHÁNH TỈNH ...": the body's national suffix ("VIỆT NAM") is not repeated in the branch's name.
NATIONAL_SUFFIX = re.compile(r"""\s+(?i:việt[ ]+nam)\s*$""", re.VERBOSE)

#: A public service unit of a People's Committee on the header line below it (Nghị định
#: 120/2020/NĐ-CP, đơn vị sự nghiệp công lập): "UBND TỈNH KON TUM / ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH",
#: "... / BÁO ...", "... / BỆNH VIỆN ...", "... / TRƯỜNG CAO ĐẲNG ...", "... / VIỆN ...". (Under a Party
#: committee a school is named after its province, not the committee: ``header._headed_body``.)
SERVICE_UNIT = re.compile(r"""^(?:ĐÀI|BÁO|BỆNH\s+VIỆN|TRƯỜNG|VIỆN)(?!\w)""", re.VERBOSE)

#: The term number after an issuer code: "QH13", "UBTVQH15" (Quốc hội khóa XIII, XV).
TERM_SUFFIX = re.compile(r"\d+$")

#: The commune unit word in a canonical issuer name: "Ủy ban nhân dân xã Tân Phú", "... phường ...", "... thị trấn ...",
#: "Ủy ban nhân dân đặc khu Phú Quốc" (from 1/7/2025 the cấp xã is "xã, phường, đặc khu": Luật Tổ chức
#: chính quyền địa phương 2025, Điều 2).
COMMUNE_UNIT = re.compile(r"(?<!\w)(?:xã|phường|thị\s+trấn|đặc\s+khu)\s+")

#: A date line without a place (copies that lost "Lào Cai,"): "ngày 08 tháng 4 năm 2020".
DATE_LINE = re.compile(r"^\s*(?i:ngày)\s+\d{1,2}\s*(?:/|-|\s+(?i:tháng)\s+)\s*\d{1,2}\s*(?:/|-|\s+(?i:năm)\s+)\s*(?:19|20)\d{2}\s*$")

#: "Lưu: VT, TH3", "Lưu VT", "- Lưu Văn phòng Tỉnh ủy" (archive line, not a recipient).
ARCHIVE_ITEM = re.compile(r"^\s*[-–+•]?\s*(?i:lưu)\b")

#: Signature capacity lines: "TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH",
#: "K/T BÍ THƯ", "Q. CHỦ TỊCH", "TL. CHỦ TỊCH", "TUQ. CHỦ TỊCH".
SIGN_PREFIX = re.compile(r"^\s*(?P<prefix>T\.?\s*M\.?|T/M|K\.?\s*T\.?|K/T|TUQ\.?|TL\.?|Q\.)\s+(?P<what>\S.*)$")

#: Local issuing bodies as written: "Ủy ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND",
#: "Ban Thường vụ Tỉnh ủy", "Ban chấp hành Đảng bộ tỉnh", "Tỉnh ủy", "Thành ủy", "Huyện ủy",
#: "Chủ tịch UBND" (the chair signs for the committee: its symbol is .../TB-UBND);
#: both tone placements: "Uỷ ban nhân dân", "Tỉnh uỷ";
#: the Fatherland Front's committee of each level (Luật Mặt trận Tổ quốc Việt Nam 2015, Điều 8):
#: "Ủy ban Mặt trận Tổ quốc Việt Nam", "ỦY BAN MTTQ VIỆT NAM", "Ủy ban MTTQ", "UBMTTQ Việt Nam",
#: "UBMTTQVN", and its standing body "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh";
#: the Youth Union's committee of each level (Điều lệ Đoàn TNCS Hồ Chí Minh, chương III):
#: "Ban Chấp hành Đoàn tỉnh Bến Tre", "BCH Đoàn huyện ...", "Tỉnh Đoàn Bến Tre", "Ban Thường vụ
#: Tỉnh đoàn", "Thành Đoàn Hà Nội", "Huyện đoàn Châu Thành", "Thị đoàn ..."
#: (the unit word capitalised, and not "đoàn kết"/"đoàn viên"/"đoàn thể": "hoàn thành đoàn kết").
LOCAL_BODY = re.compile(
    r"""(?P<pre>(?i:Chủ\s+tịch|(?:Ban\s+)?Thường\s+trực)\s+)?
        (?P<body>(?i:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND
                 |(?:Ủy|Uỷ)\s+ban\s+(?:Mặt\s+trận\s+Tổ\s+quốc|MTTQ)(?:\s+Việt\s+Nam|\s+VN)?|UBMTTQ(?:VN|\s+Việt\s+Nam)?
                 |Ban\s+Thường\s+vụ\s+Tỉnh\s+(?:ủy|uỷ)|Ban\s+Chấp\s+hành\s+Đảng\s+bộ\s+tỉnh|Tỉnh\s+(?:ủy|uỷ)
                 |Ban\s+Thường\s+vụ\s+Thành\s+(?:ủy|uỷ)|Ban\s+Chấp\s+hành\s+Đảng\s+bộ\s+thành\s+phố|Thành\s+(?:ủy|uỷ)
                 |Ban\s+Thường\s+vụ\s+Huyện\s+(?:ủy|uỷ)|Ban\s+Chấp\s+hành\s+Đảng\s+bộ\s+huyện|Huyện\s+(?:ủy|uỷ)|Quận\s+(?:ủy|uỷ)
                 |(?:Ban\s+Chấp\s+hành|BCH)\s+Đoàn(?=\s+(?:tỉnh|thành\s+phố|TP|huyện|quận|thị\s+xã)(?!\w)))
                 |(?i:Ban\s+Thường\s+vụ\s+)?(?:Tỉnh|TỈNH|Thành|THÀNH|Huyện|HUYỆN|Quận|QUẬN|Thị|THỊ)\s+(?:Đoàn|đoàn|ĐOÀN)
                   (?!\s+(?i:kết|viên|thể|tụ)(?!\w))
        )
        (?![\w])""",
    re.VERBOSE,
)

#: The first word of every LOCAL_BODY match (its optional "Chủ tịch"/"Thường trực", or its body),
#: case-insensitive: "Chủ", "Thường", "Ủy"/"Uỷ", "UBND", "Hội", "HĐND", "Ban", "Tỉnh", "Thành",
#: "Huyện", "Quận", "UBMTTQ", "BCH", "Thị" ("Thị đoàn"). LOCAL_BODY starts with an optional group, so the engine cannot skip ahead;
#: ``header.local_bodies`` tries LOCAL_BODY only where one of these words starts. No word here
#: starts inside another, so scanning them without overlap misses no start.
#: Written as one first-letter class (what ``(?i:)`` matches for c, t, ủ, u, h, b, q), then the
#: rest of the words of that letter checked with a look-behind: the same matches as
#: "(?i:chủ|thường|ủy|uỷ|ubnd|ubmttq|hội|hđnd|ban|bch|tỉnh|thành|thị|huyện|quận)" (two words of one letter never
#: both match at a place), but the engine skips to those letters: 2.5x faster.
LOCAL_BODY_START = re.compile(
    r"""[cCtTủỦuUhHbBqQ]
        (?: (?<=[cC])(?i:hủ)                  # "Chủ tịch"
          | (?<=[tT])(?i:hường|ỉnh|hành|hị)   # "Thường trực", "Tỉnh ủy", "Thành ủy", "Thị đoàn"
          | (?<=[ủỦ])(?i:y)                   # "Ủy ban"
          | (?<=[uU])(?i:ỷ|bnd|bmttq)         # "Uỷ ban", "UBND", "UBMTTQ"
          | (?<=[hH])(?i:ội|đnd|uyện)         # "Hội đồng nhân dân", "HĐND", "Huyện ủy"
          | (?<=[bB])(?i:an|ch)               # "Ban Thường vụ", "BCH Đoàn"
          | (?<=[qQ])(?i:uận) )               # "Quận ủy"
    """,
    re.VERBOSE,
)

#: The two lines of a commune Party committee's header block (Hướng dẫn 36-HD/VPTW, mục 3.1: the
#: superior Party organisation above the issuing committee), one line each:
#:   "ĐẢNG BỘ TỈNH AN GIANG" / "ĐẢNG ỦY XÃ VĨNH HANH", "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI" / "ĐẢNG ỦY PHƯỜNG BA ĐÌNH".
#: A province's unit and name closing a header line: "TỈNH AN GIANG", "thành phố Hà Nội".
_UNIT_PLACE_TAIL = r"""(?P<unit>(?i:tỉnh|thành\s+phố))\s+(?P<name>[^\W\d_][^\d|:*]{1,40}?)\s*$"""
PARTY_SUPERIOR_LINE = re.compile(r"""^\s*(?i:đảng\s+bộ)\s+""" + _UNIT_PLACE_TAIL, re.VERBOSE)
COMMUNE_PARTY_LINE = re.compile(
    r"""^\s*(?i:đảng\s+(?:ủy|uỷ))\s+(?P<unit>(?i:xã|phường|thị\s+trấn|đặc\s+khu))\s+(?P<name>[^\W\d_][^\d|:*]{1,40}?)\s*$""",
    re.VERBOSE,
)

#: The committee of a body's Party organisation under a province's (Quy định 2025 on the Party
#: organisations of the provincial bodies: đảng bộ Ủy ban nhân dân tỉnh, đảng bộ các cơ quan
#: Đảng tỉnh), the line under "ĐẢNG BỘ TỈNH X" (Hướng dẫn 36-HD/VPTW, mục 3.1):
#:   "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "ĐẢNG ỦY QUÂN SỰ TỈNH";
#: not a unit's own committee ("ĐẢNG ỦY XÃ VĨNH HANH": ``COMMUNE_PARTY_LINE``).
BODY_PARTY_LINE = re.compile(
    r"""^\s*(?i:đảng\s+(?:ủy|uỷ))\s+
        (?!(?i:xã|phường|thị\s+trấn|tỉnh|thành\s+phố|huyện|quận|thị\s+xã|đặc\s+khu)(?!\w))
        (?P<body>[^\W\d_][^\d|:*]{2,60}?)\s+(?P<unit>(?i:tỉnh|thành\s+phố))\s*$""",
    re.VERBOSE,
)

#: A province named with its unit alone on a header line (or the rest of one): "TỈNH QUẢNG NINH",
#: "THÀNH PHỐ HẢI PHÒNG" (a mass organisation's line broken before its unit: "LIÊN ĐOÀN LAO ĐỘNG" /
#: "TỈNH QUẢNG NINH").
UNIT_PLACE_LINE = re.compile(r"""^\s*""" + _UNIT_PLACE_TAIL, re.VERBOSE)
#: A district unit and its name, the rest of an organisation's header line under its province's:
#: "HỘI LHPN TỈNH TIỀN GIANG" / "HỘI LHPN" + " HUYỆN CHÂU THÀNH".
DISTRICT_PLACE_LINE = re.compile(
    r"""^\s*(?P<unit>(?i:huyện|quận|thị\s+xã|thành\s+phố))\s+(?P<name>[^\W\d_][^\d|:*]{1,40}?)\s*$""", re.VERBOSE)
#: What follows an agency head on a header line of a provincial body: its own words, the unit
#: word, and the province's name when written ("BỆNH VIỆN" + " ĐA KHOA TỈNH", "BỘ CHỈ HUY QUÂN SỰ"
#: + " TỈNH NINH THUẬN", "BẢO HIỂM XÃ HỘI" + " TỈNH THANH HÓA"), or its own words alone under a
#: superior line that names the province ("CHI CỤC" + " KIỂM LÂM" under "SỞ NÔNG NGHIỆP VÀ PTNT
#: TỈNH ĐIỆN BIÊN"); or a district's unit ("TRUNG TÂM Y TẾ" + " HUYỆN HƯỚNG HÓA" under "SỞ Y TẾ QUẢNG TRỊ").
HEADED_BODY_TAIL = re.compile(
    r"""^(?P<words>(?:\s+[^\W\d_]+){0,4}?)
        (?:\s+(?P<unit>(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã))(?:\s+(?P<name>[^\W\d_][^\d|:*]{1,40}?))?)?\s*$""",
    re.VERBOSE,
)

#: Unit word right after a local body: " tỉnh", " huyện", " thành phố", " xã" (then the name).
UNIT_WORD = re.compile(r"""[ \t\n]+(?P<unit>(?i:tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn|đặc\s+khu))(?![\w])""",
                       re.VERBOSE)  # "đặc khu": a commune-level unit from 1/7/2025 ("ĐẶC KHU PHÚ QUỐC")

#: A district's or ward's number after its unit word: "QUẬN" + " 3", "quận" + " 10" (Ho Chi Minh
#: City's numbered districts, named "Quận 1" to "Quận 12" until 2025), "PHƯỜNG" + " 5" (numbered
#: wards of many southern cities until 2025: "Phường 5" of Quận 3, of Sóc Trăng, of Vũng Tàu).
DISTRICT_NUMBER = re.compile(r"""[ \t\n]+(?P<num>[0-9]{1,2})(?![\w])""", re.VERBOSE)

#: A district name the admin-units dataset disambiguates with its type, for the six pairs of
#: same-named units in one province (a huyện and the thị xã or thành phố split from it):
#: "Long Mỹ (Thị xã)", "Long Mỹ (Huyện)", "Cao Lãnh (Thành phố)", "Kỳ Anh (Thị xã)".
DATASET_DISTRICT_TYPE = re.compile(r"^(?P<name>.*?)\s*\((?P<type>Huyện|Quận|Thị xã|Thành phố)\)$")

#: The Vietnam Fatherland Front's committee of a level, as plans write it: "Mặt trận Tổ quốc tỉnh",
#: "Ủy ban Mặt trận Tổ quốc huyện", "Ủy ban MTTQ Việt Nam tỉnh" (abbreviations expanded first),
#: "Đảng đoàn MTTQ tỉnh": one body, whose name is "Ủy ban Mặt trận Tổ quốc Việt Nam" + its unit
#: (Luật Mặt trận Tổ quốc Việt Nam 2015, Điều 8: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ..."); not the
#: central committee ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam").
FRONT_COMMITTEE = re.compile(
    r"""(?<![\w])(?<!Trung\ ương\ )(?:(?:Ủy|Uỷ)\s+ban\s+)?Mặt\s+trận\s+Tổ\s+quốc(?:\s+Việt\s+Nam)?(?![\w])""",
    re.VERBOSE,
)

#: A run of digits in an agency's name key: "phong nghiep vu 2" -> "2", "truong thcs so 12" -> "12"
#: (two names that differ in a number are two bodies, never one spelled twice).
DIGIT_RUN = re.compile(r"[0-9]+")

#: A word that may be capitalised (the caller checks the first letter), to read a commune name
#: after a unit word: "Tân Phú", "TÂN PHÚ", "Mường Chà".
CAP_WORD = re.compile(r"[ \t]+(?P<w>[A-ZĐÀ-ỸẠ-Ỹ][\wÀ-ỹ'-]*)")


# =========================================================================== 3. tasks, deadlines, agencies

# Owned by the task, deadline and agency finders (ingest.tasks, ingest.deadlines,
# ingest.agencies). Word lists (duty verbs, deadline words, agency heads) are data in
# ingest/data/*.json; the finders compile them with ``phrase_alternation`` above.

# ---- section structure of a plan (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục IV: parts are
# numbered I, II, III; items 1, 2, 3; points a, b, c; then "-" and "+")

#: A Roman part heading: "III. TỔ CHỨC THỰC HIỆN", "I- MỤC ĐÍCH, YÊU CẦU", "II) NỘI DUNG".
PART_HEADING = re.compile(rf"^(?P<num>{ROMAN})\s*[.\-–:)]\s*(?P<title>\S.*)$")
#: A part lettered in capitals, its title in capitals (Party programmes and some plans):
#: "A. MỤC TIÊU", "B. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "C- TỔ CHỨC THỰC HIỆN"; "A. Sở Nội vụ" is no part.
LETTER_PART_HEADING = re.compile(r"^(?P<num>[A-HĐ])\s*[.\-–:)]\s*(?P<title>[^\W\d_].*)$")  # the title's case is checked by the caller
#: A Roman numeral alone on a line, the group cell of a flattened table: "III", "IV.".
ROMAN_CELL = re.compile(rf"^(?P<num>{ROMAN})\s*\.?$")
#: A numbered item: "1. Sở Khoa học và Công nghệ", "2) Sở Tài chính", "1.2. Phòng Nội vụ",
#: "3- Ban Tuyên giáo Tỉnh ủy" (Party plans); "3 Ban Tuyên giáo" is not taken (no separator);
#: "14.556 cán bộ" is not an item (digit after).
ITEM_HEADING = re.compile(r"^(?P<num>[0-9]{1,2}(?:\.[0-9]{1,2})*)\s*(?:[.)/]|-(?=\s))\s*(?P<title>[^\W\d_\s].*)$")
#: An article of a Quyết định, Chỉ thị or Nghị quyết (Nghị định 30/2020/NĐ-CP, Phụ lục I: "Điều 1.
#: ..."): "Điều 2. Tổ chức thực hiện", "Điều 2. Giao Công an tỉnh chủ trì, ...", "Điều 3: Quyết
#: định này có hiệu lực ..."; "Điều 1 của Luật" is no heading (no separator after the number).
ARTICLE_HEADING = re.compile(r"^(?i:điều)\s+(?P<num>[0-9]{1,3})\s*[.:]\s*(?P<title>.*)$")
#: A chapter of a legal document ("Chương III", "CHƯƠNG II", "Chương 3"): its title is on the
#: same line or the next one, in capitals ("TỔ CHỨC THỰC HIỆN"); a boundary, not a duty.
CHAPTER_HEADING = re.compile(rf"^(?i:chương)\s+(?:{ROMAN}|[0-9]{{1,2}})\b\s*[.:\-–]?\s*(?P<title>.*)$")
#: A part named in words (Đề án and longer plans): "Phần thứ hai", "PHẦN THỨ BA", "Phần I", "Phần II.
#: NHIỆM VỤ, GIẢI PHÁP"; its title on the same line or the next one, in capitals.
PART_WORD_HEADING = re.compile(
    rf"""^(?i:phần)\s+(?:(?i:thứ)\s+(?P<ord>(?i:nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười))
                      |(?P<num>{ROMAN}|[0-9]{{1,2}}))(?!\w)\s*[.:\-–]?\s*(?P<title>.*)$""",
    re.VERBOSE)
#: The note under the title of a document issued with a decision (Nghị định 30/2020/NĐ-CP, Phụ lục
#: III): "(Ban hành kèm theo Quyết định số 27/2024/QĐ-UBND ngày 19 tháng 7 năm 2024 của ...)".
ISSUED_WITH_NOTE = re.compile(r"^\(?\s*(?i:ban\s+hành\s+kèm\s+theo)\s+(?i:quyết\s+định|nghị\s+quyết|chỉ\s+thị)(?!\w)")
#: What a decision's article does by itself, the act of the decision rather than a duty it assigns:
#:   "Điều 1. Phê duyệt Đề án ...", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch ...",
#:   "Điều 1. Thành lập Tổ công tác ...", "Điều 1. Kiện toàn Ban Chỉ đạo ...",
#:   "Điều 2. Bãi bỏ Quyết định số ...", "Điều 1. Sửa đổi, bổ sung Điều 3 ...".
DECISION_ACT = re.compile(
    r"""^(?:phê\s+duyệt|ban\s+hành|thành\s+lập|kiện\s+toàn|công\s+nhận|bổ\s+nhiệm|bãi\s+bỏ|thay\s+thế
         |sửa\s+đổi|điều\s+chỉnh|giải\s+thể|hợp\s+nhất|sáp\s+nhập|phân\s+bổ|chấp\s+thuận)(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)
#: An Arabic number alone on a line, the row cell of a flattened table: "1", "12", "6.".
NUMBER_CELL = re.compile(r"^(?P<num>[0-9]{1,3})\s*\.?$")
#: A task table's header row as a PDF's plain text layer runs it together on one line:
#: "STT Nội dung nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian", "TT Nhiệm vụ Cơ quan chủ trì ...".
#: The PDF reader then reads the page in layout mode, where the columns stay apart.
PDF_TABLE_HEADER = re.compile(
    r"""^[ \t]*S?TT[ \t]+(?:Nội[ \t]+dung|Tên[ \t]+nhiệm[ \t]+vụ|Nhiệm[ \t]+vụ)(?!\w)
        [^\n]{0,80}?(?:chủ[ \t]+trì|thực[ \t]+hiện)(?!\w)""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE)
#: A row number run together with its row's next cell in a table laid out with spaces, the gap
#: narrower than a column gap: "2.1  Chia sẻ dữ liệu dân cư", "3.  Kết nối", "II  Phát triển hạ tầng".
LAYOUT_ROW_NUMBER = re.compile(rf"^(?P<num>[0-9]{{1,3}}(?:\.[0-9]{{1,2}})?\.?|{ROMAN}\.?) (?P<rest>\S.*)$")
#: A sub-row's number cell under row N of a flattened table: "1.1", "1.2.", "2.3".
SUB_NUMBER_CELL = re.compile(r"^(?P<num>[0-9]{1,3})\.(?P<sub>[0-9]{1,2})\.?$")
#: A lettered point (Vietnamese alphabet, no f/j/w/z): "a) Sở Nội vụ:", "đ) Các sở, ban, ngành", "b. Phòng Nội vụ";
#: also a numbered sub-point of a letter, "a.1) Phòng Tuyên truyền và Báo chí chủ trì ...", "b.2) ...".
POINT_HEADING = re.compile(
    r"^(?P<letter>[a-eg-iklmnopqrstuvxyđ](?:\.[0-9]{1,2}(?=\)))?)\s*(?:\)|\.(?=\s))\s*(?P<title>\S.*)$")
#: A bullet line (the clean stage writes "- "): "- Giúp UBND tỉnh theo dõi", "+ Phối hợp", "• Tham mưu".
TASK_BULLET = re.compile(r"^[-+•–—*]\s*(?P<body>\S.*)$")

#: Titles of parts that never assign duties even if they say "nhiệm vụ" in passing:
#: "I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU", "KINH PHÍ THỰC HIỆN", "QUAN ĐIỂM". Any other part
#: ("V. CHẾ ĐỘ BÁO CÁO", "IV. KIỂM TRA, GIÁM SÁT") is read for duties.
NON_TASK_PART_TITLE = re.compile(
    r"""
      mục \s+ đích      # "I. MỤC ĐÍCH, YÊU CẦU"
    | mục \s+ tiêu      # "II. MỤC TIÊU"
    | quan \s+ điểm     # "QUAN ĐIỂM CHỈ ĐẠO"
    | kinh \s+ phí      # "IV. KINH PHÍ THỰC HIỆN"
    | tình \s+ hình     # "I. TÌNH HÌNH, KẾT QUẢ"
    | đánh \s+ giá      # "ĐÁNH GIÁ KẾT QUẢ"
    | kết \s+ quả       # "I. KẾT QUẢ THỰC HIỆN"
    | thực \s+ trạng    # "I. THỰC TRẠNG"
    | phạm \s+ vi       # "PHẠM VI, ĐỐI TƯỢNG"
    | đối \s+ tượng     # "ĐỐI TƯỢNG ÁP DỤNG"
    | căn \s+ cứ        # "CĂN CỨ XÂY DỰNG KẾ HOẠCH"
    | sự \s+ cần \s+ thiết  # "SỰ CẦN THIẾT"
    | mức \s+ hỗ \s+ trợ     # "Điều 2. Nội dung và mức hỗ trợ" (a resolution's policy, not duties)
    | giải \s+ thích \s+ từ \s+ ngữ  # "Điều 2. Giải thích từ ngữ"
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: A non-task title still holds duties when it also names them: "MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP".
STRONG_TASK_PART_TITLE = re.compile(r"nhiệm\s+vụ|giải\s+pháp|tổ\s+chức\s+thực\s+hiện", re.IGNORECASE)

#: End of the body: the recipients block or the signature, "Nơi nhận:", OCR "Noi nhận:",
#: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ".
BODY_END = re.compile(r"^(?:N[ơo]i\s+nh[ậa]n\b|TM\.|T/M\b|T\.M\.|KT\.|K/T\b|TL\.|TUQ\.)", re.IGNORECASE)
#: An appendix heading: "PHỤ LỤC", "Phụ lục I", "PHỤ LỤC 02: DANH MỤC NHIỆM VỤ".
APPENDIX_HEADING = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:[IVX]+|[0-9]+))?\s*(?:[:.\-–].*)?$")

#: A header cell of a task table, one per line once the clean stage has split the pipes:
#: "TT" / "Nội dung nhiệm vụ" / "Cơ quan chủ trì thực hiện" / "Cơ quan phối hợp thực hiện" /
#: "Thời gian trình/ thực hiện"; also "STT", "Đơn vị chủ trì", "Thời hạn hoàn thành",
#: "Sản phẩm", "Ghi chú".
TABLE_HEAD_CELL = re.compile(
    r"""
    ^(?:
        (?P<tt> S?TT | Số \s+ TT )                                        # "TT", "STT"
      | (?P<text> (?:Nội \s+ dung|Tên \s+ nhiệm \s+ vụ|Nhiệm \s+ vụ)\b.{0,40} )  # "Nội dung nhiệm vụ"
      | (?P<lead> (?:Cơ \s+ quan|Đơn \s+ vị) \s+ (?:chủ \s+ trì|thực \s+ hiện|thực \s+ hiện \s+ chính)\b.{0,30}
                | Chủ \s+ trì .{0,30} )                                   # "Cơ quan chủ trì thực hiện"
      | (?P<support> (?:Cơ \s+ quan|Đơn \s+ vị) \s+ phối \s+ hợp\b.{0,30}
                   | Phối \s+ hợp .{0,30} )                               # "Cơ quan phối hợp thực hiện"
      | (?P<time> (?:Thời \s+ gian|Thời \s+ hạn|Tiến \s+ độ|Thời \s+ điểm)\b.{0,40} )  # "Thời gian trình/ thực hiện"
      | (?P<other> (?:Sản \s+ phẩm|Kết \s+ quả|Hình \s+ thức|Ghi \s+ chú|Kinh \s+ phí|Dự \s+ kiến)\b.{0,40} )  # "Sản phẩm"
    )$
    """,
    re.IGNORECASE | re.VERBOSE,
)

# ---- roles inside a duty (issue #3: one agency leads, "chủ trì"; others support, "phối hợp")


#: Letters whose only case-blind matches are their own lower and upper case (checked over the
#: whole BMP in tests/test_speed_invariants_tasks.py); "k" (the Kelvin sign), "i" (dotless ı,
#: dotted İ) and "s" (long ſ) are not among them.
TWO_CASE_LETTERS = frozenset("abcdeghlmnopqrtuvxyđ")


def letter_first_alternation(phrases) -> re.Pattern:
    """Return the pattern of ``phrase_alternation(phrases, re.IGNORECASE)``, written letter-first.

    The same matches: the same alternatives in the same order (longest first), spaces matching
    any whitespace run, ``(?!\\w)`` after. A phrase whose first character is a digit or one of
    ``TWO_CASE_LETTERS`` is written as two alternatives, ``x(?i:rest)|X(?i:rest)`` (at one place
    at most one of them can start), so the engine tries the case-blind rest only where the
    first letter stands instead of at every position of the paragraph; other phrases stay
    ``(?i:phrase)``. For the deadline words of ``ingest/data/deadline_words.json``:
    ["hằng năm", "6 tháng/lần"] matches "Hằng năm" and "06 tháng/lần" only where "6 tháng/lần" is.
    """
    alts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        first, rest = p[:1], re.escape(p[1:]).replace(r"\ ", r"\s+")
        if first.isdigit() and first.isascii():
            alts.append(f"{first}(?i:{rest})")
        elif first.lower() in TWO_CASE_LETTERS:
            alts.append(f"{first.lower()}(?i:{rest})|{first.upper()}(?i:{rest})")
        else:
            alts.append("(?i:" + re.escape(p).replace(r"\ ", r"\s+") + ")")
    return re.compile(rf"(?:{'|'.join(alts)})(?!\w)")


def word_phrase_alternation(phrases) -> re.Pattern:
    """Return a pattern matching any phrase of whole words, most words first, words separated by any non-word run.

    For the duty verbs of ``ingest/data/task_verbs.json`` ("tham mưu", "chủ trì"): the words are
    maximal letter/digit runs (``WORD``), compared exactly (case-sensitive), so "tham mưu" also
    matches "tham, mưu"; where several phrases start at one place, the one of most words wins.
    The alternatives are merged into a trie ("t(?:ham[\\W_]+mưu|riển[\\W_]+khai)"), each node
    trying its continuations before ending there (longest first), so a position costs a few
    character tests instead of one per phrase. No look-behind in front (so the engine can skip
    ahead by first character): callers check that the match starts a word.
    Example: ["tham mưu", "triển khai"] matches "triển khai" in "Sở Nội vụ triển khai ...".
    """
    sep = r"[\W_]+"
    trie: dict = {}
    for phrase in set(phrases):
        words = phrase.split()
        if not words or not all(w.isalnum() for w in words):
            continue  # a "word" with punctuation can never equal a WORD run
        node = trie
        for n, w in enumerate(words):
            for ch in w:
                node = node.setdefault(re.escape(ch), {})
            if n + 1 < len(words):
                node = node.setdefault(sep, {})
        node[""] = {}  # a phrase ends here

    def emit(node: dict) -> str:
        parts = [tok + emit(node[tok]) for tok in sorted(t for t in node if t)]
        if "" in node:
            parts.append("")  # ending here is tried last: longer phrases first
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return re.compile((emit(trie) if trie else "(?!)") + r"(?![^\W_])")


#: A district's unit word and the space after it, the district's name to follow (the caller
#: compares it: one pattern for every district instead of one compiled per name):
#: "huyện Châu Thành", "thị xã Từ Sơn", "quận Ba Đình". The ``_CI`` variant also takes
#: "thành phố" and any case ("UBND THỊ XÃ NINH HÒA", "thành phố Điện Biên Phủ").
DISTRICT_UNIT_BEFORE = re.compile(r"(?P<unit>huyện|quận|thị xã)\s+")
DISTRICT_UNIT_BEFORE_CI = re.compile(r"(?P<unit>huyện|quận|thị xã|thành phố)\s+", re.IGNORECASE)

#: The lead marker: "Sở Nội vụ chủ trì, phối hợp với", "Chủ trì, phối hợp với Báo Bắc Ninh".
LEAD_WORD = re.compile(r"(?<!\w)chủ\s+trì(?!\w)", re.IGNORECASE)
#: The support marker and its preposition: "phối hợp với Phòng Tài chính – Kế hoạch",
#: "phối hợp chặt chẽ với các cơ quan", "Chủ trì phối hợp Sở Tài chính".
#: Written letter-first, ``[pP]`` then the word-start check and the rest case-blind: the same
#: matches as ``(?i)(?<!\w)phối\s+hợp...`` ("p" has no other case variant), but the engine skips
#: to the p's instead of trying the pattern at every position (3x faster over a paragraph).
#: Not "phối hợp giữa": "quy chế phối hợp giữa các cơ quan, đơn vị" names a coordination between
#: parties, no support of the duty.
SUPPORT_INTRO = re.compile(r"[pP](?<!\w[pP])(?i:hối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+(?:với|cùng))?)(?!\w)(?!\s*(?i:giữa)(?!\w))\s*")
#: A lead named inside a duty that starts with the duty, after a comma or a colon: "Rà soát ...,
#: giao Sở Dân tộc và Tôn giáo chủ trì, phối hợp với ...", "Bố trí vốn ..., giao cho Sở Tài chính chủ
#: trì", "Triển khai hỗ trợ đất ở (Dự án 1): Sở Nông nghiệp và Môi trường chủ trì, ..."; or in brackets
#: after it: "Tuyên truyền Luật Hợp tác xã ... (Phòng Nông nghiệp và Phát triển nông thôn chủ trì, các
#: đơn vị liên quan phối hợp; thời gian: Quý III/2024)".
EMBEDDED_LEAD = re.compile(
    r"""[,;:(][ \t]*(?:(?i:giao)(?:[ \t]+cho)?[ \t]+)?(?P<who>[^\W\d_][^,;:()\n]{2,80}?)[ \t]+(?i:chủ[ \t]+trì)(?!\w)""",
    re.VERBOSE)
#: A request to a body the issuer does not command, an explicit assignment, or a heading naming
#: whose duties follow, before the assignee: "Đề nghị Ủy ban Mặt trận Tổ quốc ...", "Kính đề
#: nghị Ban Thường trực", "Giao Sở Nội vụ chủ trì ...", "Giao cho Phòng Nội vụ ..." (not "Giao
#: thông"), "1. Trách nhiệm của Sở Y tế", "Nhiệm vụ của các sở, ngành", "Đối với Sở Y tế:".
REQUEST_PREFIX = re.compile(
    r"^(?i:(?:kính\s+)?đề\s+nghị|giao(?:\s+cho)?|(?:trách\s+nhiệm|nhiệm\s+vụ)\s+của|đối\s+với)\s+(?=[A-ZĐÀ-Ỹa-zđ])(?!(?i:thông)\b)"
)
#: The issuer (or its head) asking other bodies, after its own name: the bodies asked are the
#: assignees. "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng tiếp tục quán triệt ...",
#: "Bộ trưởng Bộ Giáo dục và Đào tạo yêu cầu thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai
#: ...", "Ủy ban nhân dân tỉnh đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp ...", "Thủ tướng
#: Chính phủ giao Bộ Công an chủ trì ..." (not "giao thông", "giao ban", "giao dịch", "giao lưu").
REQUEST_AFTER_NAME = re.compile(r"""[ \t]+(?:yêu[ \t]+cầu|đề[ \t]+nghị
                                       |giao(?:[ \t]+cho)?(?![ \t]+(?:thông|ban|dịch|lưu|nhận|kết|tiếp)(?!\w)))
                                    [ \t]+(?=[^\W\d_])""", re.VERBOSE)
#: A time adverbial before the subject: "Định kỳ hàng năm các sở, ngành ...",
#: "Trong quý II năm 2020, các Phòng, ban ngành ...", "Hằng năm, Sở Nội vụ ...".
LEADING_TIME = re.compile(
    r"""
    ^(?:
        (?:định \s+ kỳ \s+)? (?:hằng|hàng) \s+ (?:năm|quý|tháng|tuần|ngày) # "Định kỳ hàng năm", "Hằng tuần", "Hằng ngày"
      | định \s+ kỳ (?: \s+ [0-9]{1,2} \s+ tháng)?                     # "Định kỳ 06 tháng"
      | trong \s+ (?:quý|tháng|năm) \s+ [^,]{1,25}                     # "Trong quý II năm 2020"
      | trước \s+ (?:ngày \s+)? [0-9][^,\s]{2,12}                      # "Trước ngày 30/6/2020"
    ) \s* ,? \s+
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: A word that ends a subject and is never part of a name. An aspect marker ("đã", "đang"):
#: the sentence reports what was or is being done and assigns nothing (the assessment part of a
#: plan or of a meeting's conclusions): "Các ngành, địa phương đã chủ động triển khai ...", "Sở
#: Y tế đang phối hợp ..." (not "sẽ": "Sở Tài chính sẽ bố trí kinh phí" states a duty). The
#: copula ("là"): the subject is given a role, and still leads: "Phòng Y tế là cơ quan thường
#: trực, tổng hợp kết quả thực hiện ...". Not the "là" of an apposition that narrows the subject
#: ("Cấp ủy, tổ chức đảng, chính quyền các cấp, trước hết là người đứng đầu chịu trách nhiệm ...",
#: "nhất là", "đặc biệt là"): the subject does not end there.
SUBJECT_MARKER = re.compile(r"""
    (?<!\w) (?P<word> đã | đang                    # "Các ngành, địa phương đã chủ động triển khai ..."
                    | (?<!trước[ ]hết[ ]) (?<!nhất[ ]) (?<!biệt[ ]) là  # "Phòng Y tế là cơ quan thường trực"
             ) (?!\w)
""", re.VERBOSE)
#: "được" right after that marker: a passive relative clause naming the subject, not a report:
#: "Các đơn vị đã được phân công tại Kế hoạch này có trách nhiệm triển khai ...".
PASSIVE_AFTER = re.compile(r"\s+được(?!\w)")
#: The closing formula of a notice of conclusions, sent by an office on its chair's behalf: the
#: office passes the notice on to the bodies concerned, it takes on no duty. It ends the
#: paragraph, and its audience is the bodies (not "thông báo cho người dân biết lịch tiêm", a duty):
#:   "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./."
#:   "Văn phòng Tỉnh ủy thông báo đến các đồng chí biết, thực hiện."
#:   "Văn phòng UBND huyện thông báo cho các cơ quan, đơn vị có liên quan được biết./."
#: A paragraph that only points to the appendix where the duties are listed, not a duty itself:
#:   "(Chi tiết tại Phụ lục kèm theo)", "(Có Phụ lục chi tiết kèm theo)", "(Phụ lục kèm theo)",
#:   "Nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.", "(có phụ lục phân công nhiệm vụ kèm theo)",
#:   "Các nhiệm vụ cụ thể được phân công tại Phụ lục kèm theo Kế hoạch này.", "(Có bảng phân công
#:   nhiệm vụ kèm theo)".
APPENDIX_POINTER = re.compile(
    r"""^\(?\s*
        (?:(?:các\s+)?(?:nội\s+dung|nhiệm\s+vụ)(?:\s+cụ\s+thể)?\s+)?   # "Nhiệm vụ cụ thể"
        (?:có\s+|được\s+)?(?:phân\s+công\s+)?(?:chi\s+tiết\s+)?(?:(?:tại|theo|như)\s+)?  # "Chi tiết tại", "Có", "được phân công tại"
        (?:các\s+)?(?:phụ\s+lục|bảng\s+phân\s+công)(?!\w)[^()]{0,80}\)?\s*[.;:]?\s*$""",  # "(Có bảng phân công nhiệm vụ kèm theo)"
    re.IGNORECASE | re.VERBOSE,
)

#: The closing articles of a decision (Nghị định 30/2020/NĐ-CP, Phụ lục III, mẫu 1.4): when it takes
#: effect, and who "chịu trách nhiệm thi hành" it; forms, not duties:
#:   "Quyết định này có hiệu lực kể từ ngày ký.", "Chỉ thị này có hiệu lực thi hành từ ngày ...",
#:   "Chánh Văn phòng UBND tỉnh, Giám đốc các sở ... chịu trách nhiệm thi hành Quyết định này./.",
#:   "... và các đơn vị có liên quan thi hành Quyết định này./.", "... căn cứ Quyết định thi hành./.";
#: and a resolution's own record of its adoption and what it replaces (Luật Ban hành văn bản QPPL
#: 2015, Điều 126): "Nghị quyết này đã được Hội đồng nhân dân tỉnh ... thông qua ngày ...",
#: "Nghị quyết này thay thế Nghị quyết số 12/2019/NQ-HĐND ...".
DECISION_CLOSING = re.compile(
    r"""(?:^(?:quyết\s+định|chỉ\s+thị|nghị\s+quyết|thông\s+tư|quy\s+chế|quy\s+định|kế\s+hoạch)\s+này\s+
          (?:có\s+hiệu\s+lực|thay\s+thế|(?:đã\s+)?được\s+hội\s+đồng\s+nhân\s+dân)
        |(?:(?:chịu|có)\s+trách\s+nhiệm\s+)?thi\s+hành\s+
         (?:quyết\s+định|chỉ\s+thị|nghị\s+quyết|thông\s+tư)\s+này[\s./]*$
        |căn\s+cứ\s+quyết\s+định\s+thi\s+hành[\s./]*$
        |(?<!\w)hết\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?(?:từ|khi))  # "Thông tư số 05/2017/TT-BTTTT ... hết hiệu lực kể từ ngày ..."
        """,
    re.IGNORECASE | re.VERBOSE,
)
#: The closing sentence of a plan or report that sums it up (the "phần kết thúc" of an
#: administrative document: Nghị định 30/2020/NĐ-CP, Phụ lục I; no duty of its own):
#:   "Trên đây là Kế hoạch thực hiện Nghị quyết 57 của Ủy ban nhân dân phường Vũng Tàu./.",
#:   "Trên đây là Kế hoạch ... Yêu cầu các phòng, đơn vị thuộc Chi cục nghiêm túc triển khai thực hiện./.".
PLAN_CLOSING = re.compile(r"""^\s*(?i:trên\s+đây\s+là)\s+""", re.VERBOSE)

#: A notice's closing formula, the office passing it on: "Văn phòng UBND tỉnh thông báo để các
#: cơ quan, đơn vị biết, thực hiện./.", "... thông báo đến các sở, ngành biết và thực hiện".
NOTICE_CLOSING = re.compile(
    r"""(?<!\w)thông\s+báo\s+(?:để|đến|cho)\s+                       # "thông báo để"
        các\s+(?:cơ\s+quan|đơn\s+vị|địa\s+phương|đồng\s+chí|sở|ban|ngành|tổ\s+chức|cá\s+nhân)(?!\w)
        [^.;]{0,160}?(?:được\s+)?biết                                     # "các cơ quan, đơn vị ... biết"
        (?:\s*,?\s*(?:và\s+|để\s+)?(?:thực\s+hiện|triển\s+khai|phối\s+hợp)(?:\s+thực\s+hiện)?)?  # ", thực hiện"
        [\s./]*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A word (Vietnamese syllable) of running text, for word-level lookups: "chủ", "trì", "UBND".
WORD = re.compile(r"[^\W_]+")
#: Separators of an assignee list: "Báo Bắc Ninh, Đài Phát thanh", "Sở Tài chính và các sở",
#: "Sở Nội vụ; Sở Tài chính".
LIST_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+và\s+")
#: A list item naming the units directly under some body, a word or two before "trực thuộc": in a
#: list opened by a collective it is more members of that collective, not a body of its own:
#: "Các huyện, thành Đoàn và Đoàn trực thuộc", "Các huyện ủy, thành ủy và Đảng ủy trực thuộc Tỉnh ủy",
#: "các phòng, ban và đơn vị trực thuộc" (not "Đoàn Thanh niên", "Sở Nội vụ").
SUBORDINATE_MEMBERS = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+)?\s+trực\s+thuộc(?!\w)")
#: A role word in lower case, which no agency name holds (both are "fragment_verbs" of
#: ``agency_kinds.json``): "Phòng Nội vụ chủ trì, phối hợp với Phòng Y tế" is a subject and
#: its roles, not a list. Letter-first ("c"/"p", then the word-start check) so the engine skips
#: to those letters; a pre-check of ``agencies.is_agency_list``.
ROLE_IN_LIST = re.compile(r"[cp](?<!\w[cp])(?:hủ\s+trì|hối\s+hợp)(?!\w)")
#: A bare unit word ending a name: its jurisdiction is the issuer's. "Đài Truyền thanh huyện",
#: "Ban Cán sự Đảng UBND tỉnh", "Ban Tuyên giáo Tỉnh ủy"; not after a comma ("thị xã, thành phố"
#: lists units, it does not scope).
BARE_UNIT_TAIL = re.compile(
    r"(?<![,])(?<!các)\s+(?P<unit>(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã)"
    r"|(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|đoàn))"
    r"(?P<tail>\s+(?:có\s+)?liên\s+quan)?$"
    # a Party committee or Youth Union committee is also a whole name by itself: "Tỉnh ủy",
    # "Huyện đoàn" (Điều lệ Đảng; Điều lệ Đoàn TNCS Hồ Chí Minh: "Tỉnh đoàn Quảng Nam")
    r"|^(?P<whole>(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|đoàn))$"
)  # also "UBND Thành phố" as Hà Nội writes its own name, "Các sở, ngành tỉnh có liên quan"
#: A bare commune unit word ending a name, in a commune's own plan: "Đoàn Thanh niên xã",
#: "Công an xã", "Hội Nông dân phường", "Ban Chỉ huy Quân sự thị trấn", "Công an Phường" (a
#: ward's own plan capitalises its unit), "Công an đặc khu" (not "UBND các xã", not after a comma:
#: "huyện, xã" lists units).
BARE_COMMUNE_TAIL = re.compile(
    r"(?<![,])(?<!các)\s+(?P<unit>xã|phường|thị\s+trấn|đặc\s+khu|Xã|Phường|Thị\s+trấn|Đặc\s+khu)$")
#: The commune unit and name at the end of a commune issuer's name: "Ủy ban nhân dân xã Tân Phú"
#: -> "xã Tân Phú", "Ủy ban nhân dân phường Hòa Thuận", "Ủy ban nhân dân thị trấn Cái Dầu",
#: "Ủy ban nhân dân Phường 5" (a numbered ward: the capitalised unit word is part of its name).
COMMUNE_OF_ISSUER = re.compile(r"(?<!\w)(?P<full>(?:xã|phường|thị\s+trấn|đặc\s+khu|Phường|Xã)\s+\S.*)$")
#: A lower-case word after a unit word: the name has ended and a sentence goes on, so the text
#: is no agency name: "Đài Phát thanh và Truyền hình tỉnh mở chuyên mục", "Sở Y tế tỉnh có trách nhiệm".
#: ("Ủy ban nhân dân tỉnh Nghệ An" and "UBND các huyện, thị xã, thành phố" pass.) Commune units
#: too, the local level of a commune's own plan: "Trung tâm Phục vụ hành chính công xã số hóa hồ
#: sơ", "Hội Nông dân phường tổ chức" (not "xã hội": "Bảo hiểm xã hội", "chính trị - xã hội"; not the
#: "xã" of "hợp tác xã", a cooperative: "Liên minh Hợp tác xã thành phố", Luật Hợp tác xã 2023).
#: (The letter class is the lower-case letters only: the range "à-ỹ" also holds capitals, "Đ",
#: "Ă", "Ơ", "Ấ", so "Công an thành phố Đà Nẵng", "UBND tỉnh Đắk Lắk" would pass for a sentence.)
LOWER_VN_LETTER = "a-zđàáâãèéêìíòóôõùúýăĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
#: The words that say which units a plural group names, after the unit word: "Đảng ủy các xã,
#: phường ven biển", "các xã biên giới" (Luật Biên giới quốc gia 2003), "các xã đặc biệt khó
#: khăn", "xã khu vực III" (Quyết định 861/QĐ-TTg 2021), "các huyện miền núi", "xã vùng cao"
#: (Quyết định 33/2020/QĐ-TTg), "các xã bãi ngang" (Quyết định 131/QĐ-TTg 2010).
UNIT_QUALIFIER = r"ven\s+biển|biên\s+giới|miền\s+núi|vùng\s+cao|đặc\s+biệt\s+khó\s+khăn|khu\s+vực|bãi\s+ngang"
AFTER_UNIT_WORD = re.compile(
    r"\s(?:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|(?<![Tt]ác\s)xã(?!\s+hội)|phường|thị\s+trấn|đặc\s+khu"
    r"|Chính\s+phủ(?!\s+về)|Quốc\s+hội(?!\s+về))"  # the nation's own "units": "Đảng ủy Chính phủ đưa nội dung ..."
    r"\s+(?!(?:ủy|và|cùng|thuộc|trực\s+thuộc|liên\s+quan|có\s+liên\s+quan|" + UNIT_QUALIFIER + r")(?!\w))"
    + f"[{LOWER_VN_LETTER}]")
# (not "huyện ủy", "tỉnh và", "thành phố trực thuộc trung ương", "tỉnh có liên quan", "xã ven biển",
# "Ban Chỉ đạo của Chính phủ về ...")
#: What follows a province's name (found by ``ingest.admin_units``) when the name of the body it
#: scopes has ended and a sentence goes on: a lower-case word (checked by the caller) other than
#: a link inside a list or a unit word: "Báo và Phát thanh, Truyền hình Đà Nẵng mở chuyên trang",
#: "Công an Hậu Giang tổ chức" (not "Đà Nẵng và", "Quảng Nam có liên quan", "Hà Nội cùng", nor
#: "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", where the place is a person's name and "xã" the scope).
AFTER_PLACE_NAME = re.compile(
    r"""[ \t]+(?!(?:ủy|và|cùng|thuộc|trực[ \t]+thuộc|liên[ \t]+quan|có[ \t]+liên[ \t]+quan|cũ|mới    # "Đà Nẵng và"
                  |tỉnh|huyện|quận|thị[ \t]+xã|thành[ \t]+phố|xã|phường|thị[ \t]+trấn)(?!\w))      # "Hồ Chí Minh xã"
        (?P<word>[^\W\d_])""",
    re.VERBOSE,
)
#: A name ending in a bare "Bộ" in a ministry's own plan ("Văn phòng Bộ", "các đơn vị thuộc Bộ"):
#: the ministry is the issuer.
BARE_MINISTRY_TAIL = re.compile(r"(?<=\s)Bộ$")
#: The Party committee a committee organ's scoped name ends with, its parent body:
#: "Ban Tuyên giáo Tỉnh ủy Điện Biên" -> "Tỉnh ủy Điện Biên", "Ban Dân vận Huyện ủy Châu Thành",
#: "Văn phòng Thành ủy Hà Nội", "Ủy ban Kiểm tra Thị ủy Từ Sơn".
PARTY_COMMITTEE_TAIL = re.compile(r"(?:Tỉnh|Thành|Huyện|Thị) ủy\b.*$")
#: A body named in the plural, one per unit, is a group: "Sở Khoa học và Công nghệ các tỉnh, thành phố",
#: "Phòng Giáo dục và Đào tạo các huyện", "Trung tâm Y tế các huyện".
PLURAL_UNITS = re.compile(
    r"\scác\s+(?:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|xã|phường|địa\s+phương|bộ|sở|ngành|đơn\s+vị|cấp)\b"
    r"|\scấp\s+(?:tỉnh|huyện|xã|cơ\s+sở)\b"  # "Ủy ban nhân dân cấp xã", "Hội Nông dân các cấp"
    # a list of unit words without "các" ending the name, one body per unit: "Công an xã, phường, thị
    # trấn", "Ủy ban nhân dân huyện, thị xã, thành phố"
    r"|\s(?:xã|phường|thị\s+trấn|đặc\s+khu|huyện|quận|thị\s+xã|thành\s+phố)"
    r"(?:\s*,\s*(?:xã|phường|thị\s+trấn|đặc\s+khu|huyện|quận|thị\s+xã|thành\s+phố))+\s*$"
)
#: Punctuation and filler trimmed around a mention: "- Sở Nội vụ:", "(Sở Tài chính)", "Sở Y tế./.".
MENTION_TRIM = re.compile(r"^[\s\-–—+•*:;,.(\"“]+|[\s:;,.)\"”/]+$")
#: Characters that never occur inside an agency name: "Sở Nội vụ: Tổng hợp", "(b/c)", "2020"; but
#: a steering committee is named after the number of its founding decision: "Ban Chỉ đạo 389"
#: (Quyết định 389/QĐ-TTg 2014, on smuggling), "Ban Chỉ đạo 138" (Chỉ thị 138/CP 1991); and a slash
#: between two acronyms is a word of a field's name: "Khoa Kiểm soát bệnh tật - HIV/AIDS".
NOT_IN_NAME = re.compile(r"""[:;()\"“”]|(?<![A-Z])/|/(?![A-Z])|(?<!(?i:ban[ ]chỉ[ ]đạo)[ ])[0-9]{3,}""", re.VERBOSE)
#: Dash variants inside names, unified to " - ": "Phòng Văn hóa – Thông tin", "Kinh tế-Hạ tầng".
NAME_DASH = re.compile(r"\s*[–—−]\s*|(?<=\w)-(?=\w)|\s+-\s+")
#: Separators between the words of an agency name when comparing spellings.
NAME_PUNCT = re.compile(r"[\s,\-–—&.]+")
#: A parenthesised aside that may hold a deadline: "(hoàn thành trong năm 2020)",
#: "(tổ chức học tập, quán triệt xong trong quý IV/2019)".
PAREN_ASIDE = re.compile(r"\((?P<inner>[^()]{3,200})\)")
#: A sentence boundary inside a paragraph: "... thông qua Sở Khoa học và Công nghệ. Các sở ..."
SENTENCE_SPLIT = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ])")
#: Where a second assignment may start inside one duty's text: after ";" or after a sentence's
#: full stop before a capital. "Bộ trưởng Bộ Giáo dục và Đào tạo chỉ đạo ...; Bộ trưởng Bộ Y tế
#: chỉ đạo ...", "Sở Nội vụ chủ trì ... rà soát văn bản. Sở Tài chính bố trí kinh phí." A full stop
#: after a capitalised abbreviation ("TP. Hồ Chí Minh", "Q. 1") is no sentence end: the word before
#: it must hold a lower-case letter or a digit, or close a bracket.
ASSIGNMENT_BOUNDARY = re.compile(r"""
    (?: ; [ \t]+ (?=[A-ZĐÀ-Ỹ]|các[ \t])         # "...; Sở Tài chính bảo đảm kinh phí", "...; các sở, ngành phối hợp"
      | (?<=[a-zà-ỹđ0-9)]) \. [ \t]+ (?=[A-ZĐÀ-Ỹ])  # "... rà soát văn bản. Sở Tài chính ..." (not "TP. Hồ Chí Minh")
    )
""", re.VERBOSE)
#: What remains of a clause whose subject only joins the duty before it: "UBND các huyện phối
#: hợp thực hiện.", "Các sở, ngành liên quan phối hợp.", "Sở Tư pháp cùng phối hợp triển khai."
SUPPORT_ONLY_REST = re.compile(r"""
    ^ (?i: (?:cùng[ \t]+)? (?:tham[ \t]+gia[ \t]+)? phối[ \t]+hợp (?:[ \t]+chặt[ \t]+chẽ)?
       (?: [ \t]+ (?: triển[ \t]+khai[ \t]+thực[ \t]+hiện | thực[ \t]+hiện | triển[ \t]+khai | tham[ \t]+gia ) )?
       (?: [ \t]+ (?: nội[ \t]+dung | nhiệm[ \t]+vụ ) [ \t]+ này )? )
    [ \t]* [.;]? [ \t]* $
""", re.VERBOSE)
#: A heading's clause that only announces the duties listed under it: "Sở Nội vụ chủ trì, thực
#: hiện các nhiệm vụ sau:", "... có trách nhiệm thực hiện những nội dung cụ thể như sau:".
GENERIC_DUTY = re.compile(
    r"(?:các|những)\s+(?:nhiệm\s+vụ|nội\s+dung|công\s+việc)(?:\s+(?:sau(?:\s+đây)?|cụ\s+thể|chủ\s+yếu))*(?:\s+như\s+sau)?\s*:\s*$",
    re.IGNORECASE,
)
#: A document mentioned at the start of a bullet that lists documents, not duties:
#: "- Nghị quyết Trung ương 7 khóa X về ...", "- Quyết định số 23/QĐ-UBND ngày ...".
DOCUMENT_BULLET = re.compile(
    r"^(?:Nghị\s+quyết|Quyết\s+định|Kết\s+luận|Chỉ\s+thị|Chương\s+trình\s+hành\s+động|Kế\s+hoạch\s+số"
    r"|Luật|Nghị\s+định|Thông\s+tư|Công\s+văn|Hướng\s+dẫn\s+số|Văn\s+bản\s+số)\b"
)

# ---- reporting lines ("Định kỳ hàng năm ... báo cáo UBND tỉnh ... thông qua Sở Khoa học và Công nghệ")

#: The reporting verb: "báo cáo UBND tỉnh", "tổng hợp, báo cáo kết quả", "báo cáo về Ban Thường vụ".
#: Letter-first like ``SUPPORT_INTRO``: the matches of ``(?i)(?<!\w)báo\s+cáo(?!\w)``, the engine
#: skipping to the b's.
REPORT_WORD = re.compile(r"[bB](?<!\w[bB])(?i:áo\s+cáo)(?!\w)")
#: Where a report goes, after the verb: "báo cáo về Ủy ban nhân dân huyện", "báo cáo với Ban Thường vụ",
#: "báo cáo lên UBND tỉnh", "trình UBND tỉnh", "gửi Sở Nội vụ".
#: (Written letter-first, the word-start check after the first letter: the matches of
#: ``(?<!\w)(?:về|với|lên|cho|trình|gửi(?:\s+về)?)\s+(?=[A-ZĐÀ-Ỹ])``, the engine skipping to those letters.)
REPORT_TO = re.compile(
    r"(?:v(?<!\wv)(?:ề|ới)|l(?<!\wl)ên|c(?<!\wc)ho|t(?<!\wt)rình|g(?<!\wg)ửi(?:\s+về)?)\s+(?=[A-ZĐÀ-Ỹ])")
#: The channel of a report: "thông qua Sở Khoa học và Công nghệ", "(qua Ban Tuyên giáo Tỉnh ủy)".
#: (Letter-first like ``REPORT_TO``: the matches of ``(?<!\w)(?:thông\s+qua|qua)\s+(?=[A-ZĐÀ-Ỹ])``.)
REPORT_VIA = re.compile(r"(?:t(?<!\wt)hông\s+qua|q(?<!\wq)ua)\s+(?=[A-ZĐÀ-Ỹ])")

# ---- deadlines (issue #3, "Deadlines"); word lists are ingest/data/deadline_words.json

#: A full date: "30/6/2020", "ngày 30/6/2020", "30-6-2020", "ngày 30 tháng 6 năm 2020".
DL_DATE = re.compile(
    rf"""(?:ngày\s+)?(?P<d>{DAY})\s*(?:[/.\-]\s*(?P<m>{MONTH})\s*[/.\-]\s*|\s+tháng\s+(?P<m2>{MONTH})\s+năm\s+)(?P<y>{YEAR})(?![0-9])""",
    re.IGNORECASE | re.VERBOSE,
)
#: The first or second half of a year: "6 tháng đầu năm 2024", "06 tháng cuối năm".
DL_HALF = re.compile(rf"(?:6|06|sáu)\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<y>{YEAR}))?", re.IGNORECASE)
#: A month: "tháng 10/2019", "tháng 10 năm 2019", "Tháng 12-2024", "tháng 10" (year from context).
DL_MONTH = re.compile(rf"tháng\s+(?P<m>{MONTH})(?![0-9])(?:\s*(?:/|-|năm)\s*(?P<y>{YEAR}))?", re.IGNORECASE)
#: A quarter: "quý II năm 2020", "quý IV/2019", "Quý 3/2024", "quý I"; or quarters listed with one
#: year, due at the end of the last ("qlast": a repeated group keeps its last match): "Quý III, IV/2024",
#: "quý I và quý II năm 2025", "Quý I - II/2026".
DL_QUARTER = re.compile(
    rf"""quý\s+(?P<q>IV|I{{1,3}}|[1-4])(?![\w])
        (?:\s*(?:,|và|[-–])\s*(?:quý\s+)?(?P<qlast>IV|I{{1,3}}|[1-4])(?![\w]))*
        (?:\s*(?:/|-|năm)\s*(?P<y>{YEAR}))?""",
    re.IGNORECASE | re.VERBOSE,
)
#: "Từ" right before a time ("Từ năm 2026", "từ tháng 7/2025", "Từ quý III/2025"): when it starts
#: a phrase with no end, the duty runs from then on (a span with its end is ``DL_RANGE``).
DL_FROM_BEFORE = re.compile(r"(?<![\w])từ\s+$", re.IGNORECASE)
#: A span of years (due at its end): "2021-2025", "giai đoạn 2021 - 2025", "năm 2024-2025",
#: "từ năm 2021 đến năm 2025".
DL_RANGE = re.compile(
    rf"(?:(?:giai\s+đoạn|từ\s+năm|năm|từ)\s+)?(?P<y1>{YEAR})\s*(?:[-–—]|đến(?:\s+năm)?)\s*(?P<y2>{YEAR})(?![0-9])",
    re.IGNORECASE,
)
#: A day and month without a year (the year comes from context): "trước ngày 15/12", "ngày 30/6".
DL_DAY_MONTH = re.compile(rf"(?:ngày\s+)?(?P<d>{DAY})\s*/\s*(?P<m>{MONTH})(?![0-9/])", re.IGNORECASE)
#: A year named with "năm": "Năm 2025", "trong năm 2020", "đến năm 2030".
DL_YEAR = re.compile(rf"năm\s+(?P<y>{YEAR})(?![0-9/])", re.IGNORECASE)
#: A year alone, accepted only when it is the whole cell: "2025", "2024.".
DL_YEAR_CELL = re.compile(rf"^\s*(?P<y>{YEAR})\s*\.?\s*$")
#: Every N months: "Định kỳ 03 tháng", "3 tháng/lần", "06 tháng một lần".
DL_EVERY_N_MONTHS = re.compile(
    r"định\s+kỳ\s+(?P<n>[0-9]{1,2})\s+tháng|(?P<n2>[0-9]{1,2})\s+tháng\s*(?:/\s*|một\s+|1\s+)lần", re.IGNORECASE
)
#: A day of each month or quarter: "trước ngày 25 hằng tháng", "vào ngày 20 hàng tháng",
#: "trước ngày 20 của tháng cuối quý", "chậm nhất ngày 15 tháng cuối mỗi quý".
DL_DAY_OF_PERIOD = re.compile(
    r"""(?<!\w)(?:trước|vào|chậm\s+nhất|muộn\s+nhất)(?:\s+ngày)?\s+[0-9]{1,2}(?![0-9/])\s+(?:của\s+)?
        (?:(?P<month>h[ằà]ng\s+tháng|mỗi\s+tháng)                                    # "hằng tháng"
          |(?P<quarter>tháng\s+cuối\s+(?:của\s+)?(?:mỗi\s+|h[ằà]ng\s+)?quý))(?!\w)      # "tháng cuối quý"
    """,
    re.IGNORECASE | re.VERBOSE)
#: The end of a span of two time phrases in a deadline cell: "Quý I/2026 - Quý II/2026",
#: "Tháng 3/2025 đến tháng 6/2025" (due at the end of the second).
DL_SPAN_TO = re.compile(r"\s*(?:[-–]|đến|tới)\s*", re.IGNORECASE)
#: What every dated deadline in running text contains (a cheap pre-check before the search for
#: time phrases and their cues): a digit ("năm 2020"), a quarter ("quý IV") or a period ("định
#: kỳ hằng năm"). Labels, asides and "thường xuyên" have their own pre-checks (``ingest.deadlines``).
DL_BODY_HINT = re.compile(r"[0-9]|quý|định\s+kỳ", re.IGNORECASE)
#: The start of a time phrase in running text (followed by its number): "quý IV/2019", "năm 2020",
#: "tháng 10/2019", "ngày 30/6/2020", "giai đoạn 2021-2025", "30/6/2020".
#: Written letter-first (each word's first letter in both cases, the rest case-blind; a digit,
#: then the look-behind): the same matches as the plain
#: ``(?i)(?:ngày|tháng|quý|năm|giai\s+đoạn)\s+(?=[0-9IV])|(?<![0-9/])[0-9]{1,2}/[0-9]`` ("n", "t",
#: "q", "g" have no case variants but their capitals), without trying a case-blind alternation at
#: every position of the paragraph (3x faster).
DL_TIME_ANCHOR = re.compile(
    r"""
      (?: n(?i:gày|ăm) | N(?i:gày|ăm)        # "ngày 30/6/2020", "năm 2020", "Năm 2025"
        | t(?i:háng) | T(?i:háng)            # "tháng 10/2019", "Tháng 12-2024"
        | q(?i:uý) | Q(?i:uý)                # "quý IV/2019", "Quý II năm 2020"
        | g(?i:iai\s+đoạn) | G(?i:iai\s+đoạn) # "giai đoạn 2021-2025"
      ) \s+ (?=(?i:[0-9IV]))
    | [0-9] (?<![0-9/][0-9]) [0-9]? / [0-9]  # "30/6/2020", "15/12" (not "2020/5": a digit or "/" before)
    """,
    re.VERBOSE,
)
#: The cue right before a time phrase that makes it a deadline: "xong trong quý IV/2019",
#: "hoàn thành trong năm 2020", "trước ngày 30/6/2020", "chậm nhất tháng 10/2019", "Trong quý II".
DL_CUE_BEFORE = re.compile(
    r"""(?<!\w)(?:
        (?:(?:hoàn\s+thành|xong)\s+)?(?:trong|trước|chậm\s+nhất(?:\s+là)?|muộn\s+nhất|đến\s+hết|hết|xong|hoàn\s+thành)
                                                              # "xong trong", "hoàn thành trước", "chậm nhất"
      | thời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành))?\s*:   # "Thời gian: Quý II/2024", "thời hạn hoàn thành:"
    )
    (?:\s+[0-9]{1,2}\s*(?:giờ|h)(?:\s*[0-9]{2}(?:\s*phút)?)?)?         # a time of day: "trước 17 giờ ngày 25/9/2025", "trước 17h00 ngày ..."
    \s+$""",
    re.IGNORECASE | re.VERBOSE,
)
#: An opening parenthesis right before a quarter, month or date: "(Quý II/2024)", "(tháng 10/2019)".
DL_PAREN_BEFORE = re.compile(r"\(\s*$")
#: Months or quarters named before "hằng năm", each its own date of the year: "Tháng 6 và tháng 12
#: hằng năm" (twice a year), "Quý II và quý IV hàng năm", "tháng 3, tháng 6, tháng 9 và tháng 12 hằng năm".
DL_NAMED_MONTH = re.compile(r"(?<!\w)(?i:tháng)\s+(?P<n>1[0-2]|0?[1-9])(?![0-9/\-.])")
DL_NAMED_QUARTER = re.compile(r"(?<!\w)(?i:quý)\s+(?P<n>IV|I{1,3})(?![\w/])")
#: A clause that ends with its deadline after a colon: "báo cáo Sở Y tế: Tháng 6 và tháng 12 hằng năm.",
#: "gửi Sở Nội vụ: trước ngày 15/12." (the value is read like a deadline cell).
DL_COLON_END = re.compile(
    r""":\s*(?P<value>(?i:tháng|quý|năm|trước|trong|hằng|hàng|định\s+kỳ|thường\s+xuyên)(?![\w])[^:;()\n]{0,60}?)\s*[.;]?\s*$""",
    re.VERBOSE)
#: A labelled deadline inside running text; the value (up to ";", "." + space, ")" or the end)
#: is read like a deadline cell, so words count too:
#:   "; thời gian: hằng năm", "Thời gian thực hiện: Thường xuyên", "thời gian hoàn thành: Quý III/2024",
#:   "Thời hạn: 30/6/2024", "thời hạn hoàn thành: năm 2025", "Tiến độ: tháng 10/2024", "tiến độ thực hiện: hằng quý",
#:   "thời gian kiểm tra: Quý III/2024", "thời gian tổ chức: tháng 10/2025" (the time of the duty's act).
DL_LABEL = re.compile(
    r"""(?<!\w)(?:thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành|thực\s+hiện\s+và\s+hoàn\s+thành
                                  |kiểm\s+tra|tổ\s+chức|triển\s+khai|báo\s+cáo|gửi\s+báo\s+cáo))?   # "Thời gian thực hiện:"
                 | thời\s+hạn(?:\s+(?:thực\s+hiện|hoàn\s+thành))?                                    # "Thời hạn hoàn thành:"
                 | tiến\s+độ(?:\s+(?:thực\s+hiện|hoàn\s+thành))?                                     # "Tiến độ:"
       )\s*:\s*(?P<value>[^;()\n]{2,60}?)\s*(?=[;)\n]|\.(?:\s|$)|$)""",
    re.IGNORECASE | re.VERBOSE,
)
#: A parenthesised aside closing its clause (then ".", ";", ",", a line end or the end):
#: its whole content may be a deadline: "(thường xuyên).", "(hằng năm);", "(năm 2024).", "(Quý III/2024)".
#: ("Nghị quyết Trung ương 7 (năm 2008) về ..." does not close its clause.)
DL_PAREN_END = re.compile(r"\((?P<inner>[^()\n]{3,60})\)(?=\s*(?:[.;,]|$))", re.MULTILINE)
#: Cue words a deadline aside may open with, before its time phrase: "(hoàn thành trong năm 2024)",
#: "(thực hiện thường xuyên)", "(xong trước 30/6/2024)", "(định kỳ: hằng năm)".
DL_ASIDE_LEAD = re.compile(
    r"""^(?:(?:thực\s+hiện|hoàn\s+thành|triển\s+khai|tổ\s+chức|xong)\s+)?   # "hoàn thành", "thực hiện"
         (?:(?:trong|trước|vào|chậm\s+nhất|đến\s+hết)\s+)?                 # "trong", "trước"
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: A periodic word closing a duty's clause, where it may say how often the duty is done:
#: "thường xuyên.", "hằng năm;", "thường xuyên, liên tục." (end of the text or a line too).
#: Written word-first so the engine skips to its letters; ``DL_PERIOD_CUE_BEFORE`` then checks
#: what precedes it.
#: (Letter-first: each word's first letter in both cases, the rest case-blind; the same matches
#: as the case-blind ``(?i)(?P<phrase>thường\s+xuyên(?:,?\s+liên\s+tục)?|liên\s+tục|h[ằà]ng\s+(?:năm|quý|tháng|tuần|ngày))``.)
DL_CLAUSE_END_PERIOD = re.compile(
    r"""(?P<phrase>t(?i:hường\s+xuyên(?:,?\s+liên\s+tục)?) | T(?i:hường\s+xuyên(?:,?\s+liên\s+tục)?)
                                                              # "thường xuyên", "thường xuyên, liên tục"
         | l(?i:iên\s+tục) | L(?i:iên\s+tục)                  # "liên tục"
         | h(?i:[ằà]ng\s+(?:năm|quý|tháng|tuần|ngày)) | H(?i:[ằà]ng\s+(?:năm|quý|tháng|tuần|ngày))
                                                              # "hằng năm", "hàng quý", "hằng tháng", "hằng tuần", "hằng ngày"
       )(?=[ \t]*(?:[.;]|$))""",
    re.VERBOSE | re.MULTILINE,
)
#: What must come right before such a word for it to be the duty's frequency: an action verb
#: or a comma/semicolon (not a noun: "kế hoạch hằng năm" is an annual plan, "dự toán ngân sách
#: hằng năm" the annual budget): "thực hiện thường xuyên", "tổ chức hằng năm", ", thường xuyên",
#: "; thực hiện hằng quý", "kiểm tra định kỳ" is handled by the recurring words.
DL_PERIOD_CUE_BEFORE = re.compile(
    r"""(?:(?<!\w)(?:thực\s+hiện|tổ\s+chức|triển\s+khai|duy\s+trì|kiểm\s+tra|rà\s+soát|cập\s+nhật|theo\s+dõi)[ \t]+  # "thực hiện "
         | [,;][ \t]*(?:thực\s+hiện[ \t]+)?                                                                        # ", "
       )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A frequency opening the sentence as a time adverbial, set off by a comma: how often the duty
#: is done (not "kế hoạch hằng năm", where it qualifies a noun): "Hằng năm, Sở Nội vụ tổng hợp
#: ...", "Hằng tuần, Ủy ban nhân dân các xã báo cáo ...", "Mỗi quý, ...", "Hằng ngày, ...". Used with ``match``
#: at the text start or right after the assignee's colon ("Bộ Tài chính: Hằng năm, cân đối, bố
#: trí kinh phí ..."), so it has no "^" of its own.
DL_LEADING_PERIOD = re.compile(r"[\s\-+•]*(?P<phrase>(?:h[ằà]ng|mỗi)\s+(?:năm|quý|tháng|tuần|ngày))\s*,", re.IGNORECASE)
#: A clause that reports (its verb is "báo cáo", at the clause start or after a comma or "và"):
#: a frequency closing it is how often the report is due, whatever noun it follows:
#:   "báo cáo kết quả về Bộ Tài nguyên và Môi trường hằng năm.", "báo cáo kết quả hằng năm;",
#:   "tổng hợp, báo cáo Ủy ban nhân dân tỉnh hằng quý.", "định kỳ báo cáo ... hằng tháng.";
#: not "xây dựng báo cáo tổng kết hằng năm" (a noun) nor "kế hoạch hằng năm" (no report).
DL_REPORT_CLAUSE = re.compile(r"""(?:^|[,]|\s(?i:và))[ \t]*(?i:định\s+kỳ\s+)?(?i:báo\s+cáo)(?!\w)""", re.VERBOSE)
#: "hằng năm" right after a day, month or quarter without a year: the date recurs every year:
#: "trước ngày 15/12 hằng năm", "trong quý I hàng năm", "tháng 6 mỗi năm".
DL_EVERY_YEAR_AFTER = re.compile(r"[ \t]*(?:h[ằà]ng|mỗi)\s+năm(?!\w)", re.IGNORECASE)
#: A dated deadline that then recurs every year: the first due date, then each year after it:
#:   "Tháng 12/2025 và hằng năm", "Quý IV/2025 và các năm tiếp theo",
#:   "năm 2025 và những năm tiếp theo", "trước ngày 31/3/2026 và hàng năm".
DL_AND_YEARLY_AFTER = re.compile(
    r"""[ \t]*,?[ \t]*và[ \t]+(?:h[ằà]ng[ \t]+năm                  # "và hằng năm", "và hàng năm"
                            |(?:các|những)[ \t]+năm[ \t]+tiếp[ \t]+theo   # "và các năm tiếp theo"
        )(?!\w)""",
    re.IGNORECASE | re.VERBOSE)
#: A four-digit year anywhere: a deadline phrase without one took its year from the document.
DL_HAS_YEAR = re.compile(rf"{YEAR}")
#: A frequency closing its clause with only a qualifier of when in each period the duty falls
#: between it and the clause end (the qualifier refines the period, it is no deadline of its own):
#:   "báo cáo UBND tỉnh và Bộ ... hằng tuần (trước 15 giờ thứ Năm).",
#:   "báo cáo kết quả về Tổ công tác ... hằng tháng (trước ngày 20).",
#:   "báo cáo UBND tỉnh hằng tuần vào chiều thứ Sáu.", "hằng tháng vào ngày 25;".
DL_PERIOD_QUALIFIED_END = re.compile(
    r"""(?<!\w)(?P<phrase>thường\s+xuyên|h[ằà]ng\s+(?:năm|quý|tháng|tuần|ngày))
        [ \t]+(?:\([^()\n]{2,60}\)                                              # "(trước 15 giờ thứ Năm)"
               | vào[ \t]+(?:(?:sáng|chiều|tối)[ \t]+)?thứ[ \t]+[^\W\d_]+           # "vào chiều thứ Sáu"
               | vào[ \t]+ngày[ \t]+[0-9]{1,2}(?![0-9/])                            # "vào ngày 25"
        )[ \t]*(?=[.;]|$)""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
#: A clause after ";" that may be nothing but when the duty is due (checked by reading it as a
#: deadline aside, which must cover all of it), closing the clause:
#:   "Tham mưu bố trí kinh phí thực hiện Kế hoạch; Quý IV/2025.", "...; năm 2023.",
#:   "...; 6 tháng đầu năm 2026;" (not "...; năm 2024 và các năm tiếp theo": words remain).
DL_TIME_CLAUSE = re.compile(r";[ \t]*(?P<inner>[^;()\n]{3,60}?)[ \t]*(?=\.(?:[ \t]|/|$)|;|$)", re.MULTILINE)
#: A frequency opening a clause after ";", before the clause's verb (an adverbial: at the clause
#: start it can qualify no noun before it): how often that part of the duty is done:
#:   "...; hằng ngày cập nhật bản tin trong thời gian có thiên tai.", "...; hằng tháng, tổng hợp ...".
DL_CLAUSE_START_PERIOD = re.compile(
    r";[ \t]*(?P<phrase>(?:h[ằà]ng|mỗi)[ \t]+(?:năm|quý|tháng|tuần|ngày))(?=[ \t]*,|[ \t]+[^\W\d_])", re.IGNORECASE)
#: A submission to a body right before a time phrase, which is when the draft is due: the body
#: (checked to be an agency by ``ingest.agencies``) and the space before the time phrase:
#:   "trình Quốc hội năm 2025.", "trình Thủ tướng Chính phủ năm 2024;", "trình HĐND tỉnh quý III/2024".
DL_SUBMIT_BEFORE = re.compile(r"(?<!\w)(?i:trình)[ \t]+(?P<to>[^\s,;.()][^,;.()\n]{1,40}?)[ \t]+$")
#: The end of a clause right after a time phrase: "năm 2025.", "quý IV/2024;", "năm 2025" (end of text).
DL_CLAUSE_CLOSE = re.compile(r"[ \t]*(?:[.;]|$)", re.MULTILINE)
#: A table cell that names a role and its agencies: "Chủ trì: Sở Y tế", "Phối hợp: Sở Tài chính, ...".
CELL_ROLE = re.compile(r"^(?:-\s*)?(?P<role>(?i:chủ\s+trì|phối\s+hợp))\s*:\s*(?P<who>\S.*)$")
#: Where the next role starts inside one cell that names both: "Chủ trì: Sở Nông nghiệp và PTNT;
#: Phối hợp: UBND các huyện", "Chủ trì: Sở Y tế. Phối hợp: Sở Tài chính".
CELL_ROLE_NEXT = re.compile(r"[;.]\s*(?=(?i:chủ\s+trì|phối\s+hợp)\s*:)")


#: A pattern that never matches: the stand-in for an empty alternation (no abbreviation of
#: that kind in the data).
NEVER = re.compile(r"(?!)")

#: The head word of a plural group's first body, lower-cased in the group's name ("Các Sở, ngành"
#: -> "Các sở, ngành", "Các Phòng chuyên môn" -> "Các phòng chuyên môn"): in a plural a head word
#: is a common noun (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục II.2: only a named body is capitalised).
GROUP_FIRST_HEAD = re.compile(r"""(?<=^Các[ ])(?:Sở|Phòng|Ban|Hội|Trường|Đoàn)\b""", re.VERBOSE)

#: Where a paragraph ends in a Word 97-2003 text stream: the paragraph mark (0x0D) and the
#: cell mark (0x07) ([MS-DOC] 2.4.1).
DOC_PARAGRAPH_END = re.compile("[\r\x07]")

