"""Stage 3a, *find* the header: symbol, type, title, issuer, place, date, signer, recipients.

The form of the header is fixed by Nghị định 30/2020/NĐ-CP (State documents,
Phụ lục I: issuer block top-left, "Số: 124/KH-UBND", "Lào Cai, ngày 08 tháng 4
năm 2020", type line, trích yếu, ..., "Nơi nhận:", "TM./KT." and the signer's
name) and by Hướng dẫn 36-HD/VPTW (2018) for Party documents ("TỈNH ỦY ĐIỆN
BIÊN", "*", "Số 83-KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM"). Copies lose pieces of it
(no issuer block, table cells one per line, portal fields before the header),
so every field is looked for independently and a missing one stays None.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import lru_cache

from ingest import admin_units, patterns, resolve
from ingest.agencies import AgencyRegistry, expand_abbreviations, head_in_capitals, official_name
from ingest.identity import normalize_symbol
from ingest.model import CleanDocument, DocumentHeader, Issuer, Signer

#: How far into a document the own header is looked for (portal copies put a
#: metadata block and a search box first; real headers are within the first page).
_HEAD_LINES = 80
_HEAD_CHARS = 20000
_TAIL_LINES = 45
#: Header and signature lines are short; longer lines are body text (and scanning
#: them with the header patterns would cost time on pathological input).
_MAX_HEAD_LINE = 400


@dataclass(slots=True)
class HeaderInfo:
    """The header plus where its parts are in the text (used by the reference finder)."""

    header: DocumentHeader
    title_span: tuple[int, int] | None = None  # offsets of the trích yếu in doc.text
    symbol_span: tuple[int, int] | None = None  # offsets of the own symbol
    body_start: int = 0  # offset of the first body line after the title
    preamble_end: int = 0  # offset of the first section heading after the preamble
    end_of_body: int | None = None  # offset of the "Nơi nhận" block (signature area)
    warnings: list[str] = field(default_factory=list)


@lru_cache(maxsize=8192)
def iso_date(text: str | None) -> str | None:
    """Return the ISO date written in ``text`` ("ngày 08 tháng 4 năm 2020", "21/01/2020"), else None."""
    if not text:
        return None
    m = patterns.DATE.search(text)
    if not m:
        return None
    try:
        return _dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None


def find_header(doc: CleanDocument) -> DocumentHeader:
    """Return the document's own header fields (None where the text does not give them)."""
    return analyse_header(doc).header


def analyse_header(doc: CleanDocument) -> HeaderInfo:
    """Return the header with the spans the reference finder needs (title, own symbol, preamble)."""
    text = doc.text  # NFC from clean; tone placement is normalised where names are matched
    lines = doc.lines
    warnings: list[str] = []
    last = lines[min(len(lines), _HEAD_LINES) - 1] if lines else None
    head_end = min(last.offset + len(last.text), _HEAD_CHARS) if last else 0

    sym_match = _own_symbol(text, head_end)
    symbol = normalize_symbol(sym_match.group("symbol")) if sym_match else None
    if symbol is None:
        pm = patterns.PORTAL_SYMBOL.search(text, 0, head_end)
        if pm:
            symbol = normalize_symbol(pm.group("symbol"))
            sym_match = pm
            warnings.append("symbol taken from the portal's metadata field")
    anchor = _line_index(lines, sym_match.start()) if sym_match else None

    type_idx = _type_line(lines, anchor)
    doc_type = None
    cut = None
    if type_idx is not None:
        doc_type = resolve.doc_type_for_word(patterns.TYPE_LINE.match(lines[type_idx].text).group("type"))
    else:
        found = _type_prefix_line(lines, anchor)
        if found:
            type_idx, doc_type, cut = found
    if doc_type is None and symbol:
        doc_type = resolve.symbol_doc_type(symbol)  # "KH" -> Kế hoạch; no type code -> Công văn

    title, title_span, body_idx, title_body = _title(lines, type_idx, anchor, cut)

    top = anchor if anchor is not None else type_idx
    place, issued_on = _place_date(lines, top)

    issuer = _issuer_block(lines, top)
    if issuer is not None and issuer.kind == "bchtw" and title_body:
        # "BAN CHẤP HÀNH TRUNG ƯƠNG" heads every central Party document; "KẾT LUẬN / CỦA BỘ CHÍNH
        # TRỊ" says which organ of it issues this one (Hướng dẫn 36-HD/VPTW: tên cơ quan ban hành)
        organ = resolve.match_issuer(title_body, 0)
        if organ is not None and organ[0].level == "central" and organ[1] >= len(title_body.rstrip()):
            issuer = organ[0]
    inferred = False
    if issuer is None or (issuer.level == "district" and issuer.province is None) or (
        issuer.kind in ("ubnd", "hdnd", "mttq") and issuer.level == "unknown"
    ):
        body_off = lines[body_idx].offset if body_idx is not None and body_idx < len(lines) else 0
        better = _infer_issuer(text, symbol, place, issuer, body_off)
        if better is not None:
            inferred = issuer is None
            issuer = better
    if issuer is not None and issuer.level == "commune" and issuer.province is None:
        issuer = _commune_scope(text, issuer, issued_on)
    if inferred:
        warnings.append("issuer inferred from symbol suffix and place")
    if issuer is None:
        warnings.append("no issuer found")
    if symbol is None:
        warnings.append("no symbol found")
    if issued_on is None:
        warnings.append("no issue date found")

    recip_idx = _recipients_index(lines)
    recipients = _recipients(lines, recip_idx) if recip_idx is not None else []
    signer = _signer(lines, recip_idx, body_idx if body_idx is not None else (top or 0) + 1)

    year = int(issued_on[:4]) if issued_on else None
    header = DocumentHeader(symbol=symbol, doc_type=doc_type, title=title, issuer=issuer, place=place,
                            issued_on=issued_on, signer=signer, recipients=recipients)
    header.id = resolve.doc_id(symbol, year, issuer)

    body_start = lines[body_idx].offset if body_idx is not None and body_idx < len(lines) else len(doc.text)
    preamble_end = len(doc.text)
    start_i = body_idx if body_idx is not None else 0
    for i in range(start_i, len(lines)):
        if patterns.PREAMBLE_END.match(lines[i].text):
            preamble_end = lines[i].offset
            break
    return HeaderInfo(
        header=header,
        title_span=title_span,
        symbol_span=(sym_match.start("symbol"), sym_match.end("symbol")) if sym_match else None,
        body_start=body_start,
        preamble_end=preamble_end,
        end_of_body=lines[recip_idx].offset if recip_idx is not None else None,
        warnings=warnings,
    )


# --------------------------------------------------------------------------- symbol, type, title


def _line_index(lines, offset: int) -> int:
    """Return the index of the line containing ``offset`` (binary search over line offsets)."""
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].offset <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def place_date_search(text: str):
    """Return the first ``patterns.PLACE_DATE`` match in ``text`` (the same as ``PLACE_DATE.search``), else None.

    Faster on long texts: PLACE_DATE may start at any letter, so a plain search costs ~40 steps
    per character. Every match holds a ``PLACE_DATE_CUE`` (", ngày 08/4/2020") at its comma, and
    its place ends at most 41 characters plus a whitespace run before that comma; the place holds
    no comma, so matches of later commas start after earlier ones. Trying PLACE_DATE only in that
    reach of each cue, in order, gives the leftmost match.
    """
    for cue in patterns.PLACE_DATE_CUE.finditer(text):
        c = cue.start()
        ws = c
        while ws > 0 and text[ws - 1].isspace():
            ws -= 1
        m = patterns.PLACE_DATE.search(text, max(0, ws - 41), cue.end())
        if m:
            return m
    return None


def local_bodies(text: str):
    """Yield the ``patterns.LOCAL_BODY`` matches of ``text`` in order (the same as ``LOCAL_BODY.finditer``).

    LOCAL_BODY begins with an optional group, so a plain scan tries it at every character;
    here it is tried only where one of its first words starts (``patterns.LOCAL_BODY_START``),
    past the end of the previous match like ``finditer``.
    """
    pos = 0
    for w in patterns.LOCAL_BODY_START.finditer(text):
        if w.start() < pos:
            continue
        m = patterns.LOCAL_BODY.match(text, w.start())
        if m:
            yield m
            pos = m.end()


#: Characters a number line may start with before "Số" (table pipes, markdown emphasis and headings).
_SO_LEAD = " \t|*#"


def own_symbol_matches(text: str, head_end: int):
    """Yield the ``patterns.OWN_SYMBOL`` matches of ``text[:head_end]`` that start a line, in order.

    A line start is the text start or a line break at most 12 characters before the match,
    with only ``_SO_LEAD`` characters between. The same as filtering ``OWN_SYMBOL.finditer(text,
    0, head_end)`` (``tests/test_speed_invariants_text.py``), ten times faster: the match is
    tried only where ``patterns.NUMBER_LINE_CUE`` finds a line starting with "Số" after its
    lead characters. No match can hide such a position: inside a match a line break is
    followed only by spaces, ":", a digit or "/", never by "Số".
    """
    n = min(len(text), head_end)
    p = 0
    while p < n and text[p] in _SO_LEAD:
        p += 1
    if p <= 12:  # ``text.rfind("\n", start - 12, start)``: 12 characters from the text start
        m = patterns.OWN_SYMBOL.match(text, p, head_end)
        if m:
            yield m
    for cue in patterns.NUMBER_LINE_CUE.finditer(text, 0, n):
        if cue.end() - cue.start() <= 12:  # and 11 after a line break
            m = patterns.OWN_SYMBOL.match(text, cue.end(), head_end)
            if m:
                yield m


def _own_symbol(text: str, head_end: int):
    """Return the match of the own "Số: ..." symbol: at a line start, preferring one next to a place-date line."""
    candidates = []
    for m in own_symbol_matches(text, head_end):
        candidates.append(m)
        if len(candidates) > 20:
            break
    if not candidates:
        return None
    for m in candidates:
        near = text[max(0, m.start() - 300) : m.end() + 300]
        if place_date_search(near):
            return m
    return candidates[0]


def _type_line(lines, anchor: int | None) -> int | None:
    """Return the index of the type line ("KẾ HOẠCH") near the own symbol, else in the first lines."""
    n = min(len(lines), _HEAD_LINES)
    ranges = []
    if anchor is not None:
        ranges.append(range(anchor, min(len(lines), anchor + 15)))
        ranges.append(range(max(0, anchor - 6), anchor))
    ranges.append(range(0, n))
    for rng in ranges:
        for i in rng:
            if patterns.TYPE_LINE.match(lines[i].text):
                return i
    return None


def _is_upper(s: str) -> bool:
    """Return True if the letters of ``s`` are all upper case (and there are some)."""
    return s.isupper()  # str.isupper: every cased character is upper and there is at least one


def _type_prefix_line(lines, anchor: int | None) -> tuple[int, str, int] | None:
    """Return (line index, type, cut offset) for a type line joined with its title ("KẾ HOẠCH Triển khai ...").

    Only a type word in capitals counts, so body sentences ("Kế hoạch này ...") are never taken.
    """
    start = anchor if anchor is not None else 0
    for i in range(start, min(len(lines), start + 12)):
        if len(lines[i].text) > _MAX_HEAD_LINE:
            continue
        words = lines[i].text.split()
        for k in (4, 3, 2, 1):
            if len(words) <= k:
                continue
            head = " ".join(words[:k])
            if head.isupper() and resolve.doc_type_for_word(head):
                cut = lines[i].text.find(words[k], len(words[0]))
                return i, resolve.doc_type_for_word(head), cut
    return None


def _title(lines, type_idx: int | None, anchor: int | None, cut: int | None = None):
    """Return (title, span, index of the first body line, issuing body the title names first or None)
    for the lines after the type line (or for the rest of the type line from ``cut`` when type and
    title share a line)."""
    if type_idx is None:
        # công văn: the "V/v ..." line is the title (Nghị định 30/2020, Phụ lục I, mục 5b)
        start = anchor if anchor is not None else 0
        for i in range(start, min(len(lines), start + 8)):
            t = lines[i].text.strip()
            if resolve.ffold(t[:10]).startswith(("v/v", "ve viec")):
                return t, (lines[i].offset, lines[i].offset + len(lines[i].text)), i + 1, None
        return None, None, (anchor + 1 if anchor is not None else None), None
    i = type_idx + 1 if cut is None else type_idx
    if i >= len(lines):
        return None, None, i, None
    first = lines[i].text[cut or 0 :].strip()
    if patterns.PREAMBLE_END.match(first) or resolve.ffold(first[:10]).startswith(("can cu", "kinh gui")):
        return None, None, i, None
    parts = [first]
    caps = _is_upper(first)
    j = i + 1
    while j < len(lines) and j < i + 5:
        t = lines[j].text.strip()
        if not t or patterns.BODY_START.match(t) or patterns.MOTTO_LINE.match(t):
            break
        if resolve.match_issuer(t, 0) is not None and _is_upper(t):
            break  # "THỦ TƯỚNG CHÍNH PHỦ" / "ỦY BAN NHÂN DÂN TỈNH ..." before "Căn cứ"
        if t[0].islower() or (caps and _is_upper(t)):
            parts.append(t)
            j += 1
            continue
        break
    title = " ".join(" ".join(parts).split()).strip(" -–*")
    pm = patterns.TITLE_ISSUER_PREFIX.match(title)
    body = None
    if pm is not None and pm["body"][0].isupper():
        rest = title[pm.end():]  # "của Ban Thường vụ Tỉnh ủy về ...": the issuer, then the trích yếu
        title = rest[:1].upper() + rest[1:]
        body = pm["body"]
    span = (lines[i].offset + (cut or 0), lines[j - 1].offset + len(lines[j - 1].text))
    return (title or None), span, j, body


# --------------------------------------------------------------------------- place, date, issuer


def _place_date(lines, top: int | None) -> tuple[str | None, str | None]:
    """Return (place, ISO date) from the "Lào Cai, ngày 08 tháng 4 năm 2020" line near the header."""
    n = len(lines)
    rngs = []
    if top is not None:
        rngs.append(range(max(0, top - 3), min(n, top + 8)))
    rngs.append(range(0, min(n, _HEAD_LINES)))
    for rng in rngs:
        for i in rng:
            t = lines[i].text
            if len(t) > _MAX_HEAD_LINE:
                continue
            for cell in t.split("|"):
                sm = patterns.OWN_SYMBOL.search(cell)
                if sm:  # "Số: 371/KH-UBND Bắc Ninh, ngày ..." (columns merged): the place follows the symbol
                    cell = cell[sm.end() :]
                m = place_date_search(cell)
                # "Ngày ban hành: 08/4/2020" (portal field) is not the place line
                if m and ":" not in cell[: m.start("place")] and ":" not in m.group("place"):
                    return m.group("place").strip(" *\t"), iso_date(m.group("date"))
            if i + 1 < n and t.rstrip().endswith(",") and len(t) < 45:
                # place and date split over two cells: "Lào Cai," / "ngày 08 tháng 4 năm 2020"
                m2 = place_date_search(t.rstrip() + " " + lines[i + 1].text)
                if m2:
                    return m2.group("place").strip(" |*\t"), iso_date(m2.group("date"))
    if top is not None:
        for i in range(max(0, top - 3), min(n, top + 8)):
            if patterns.DATE_LINE.match(lines[i].text):
                return None, iso_date(lines[i].text)  # date without its place
    return None, None


def _issuer_block(lines, top: int | None) -> Issuer | None:
    """Return the issuer written in the header block above the own symbol (or type line)."""
    if top is None:
        top = min(len(lines), 12)
    block: list[str] = []
    for i in range(max(0, top - 8), top):
        if len(lines[i].text) > _MAX_HEAD_LINE:
            continue
        # a header laid out as a table may keep its cells on one line: "ỦY BAN NHÂN DÂN | CỘNG HÒA ...",
        # or a PDF text layer may merge the columns: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ..."
        for cell in patterns.MOTTO_PHRASE.sub("|", lines[i].text).split("|"):
            t = cell.strip(" *\t")
            if not t or patterns.MOTTO_LINE.match(t) or place_date_search(t) or ":" in t:
                continue
            if patterns.OWN_SYMBOL.search(t):
                continue
            block.append(t)
    # table layouts put the motto in the middle; keep the organisational lines only
    block = [b for b in block if _is_upper(b)] or block
    party = _commune_party(block) or _body_party(block)
    if party is not None:
        return party
    joined = " ".join(block)
    for start in [0] + [len(" ".join(block[:k])) + 1 for k in range(1, len(block))]:
        hit = resolve.match_issuer(joined, start)
        if hit:
            issuer, end = hit
            lower = _subordinate(joined, end, issuer)
            if lower is not None:
                issuer, end = lower  # "UBND TỈNH X / UBND HUYỆN Y": the lower body issues
            rest = joined[end:].strip()
            if rest and issuer.level in ("province", "district") and (
                    patterns.SUB_BODY.match(rest) or (issuer.kind == "ubnd" and patterns.SERVICE_UNIT.match(rest))):
                return _sub_body(rest, issuer)  # "... / PHÒNG NỘI VỤ": its department issues
            beside = _sub_body_beside(block, joined, end) if issuer.level in ("province", "district") else None
            if beside is not None:
                return _sub_body(beside, issuer)
            if rest and issuer.level in ("central", "ministry", "province"):
                # "BỘ CÔNG AN / CÔNG AN TỈNH SÓC TRĂNG", "TỈNH ỦY SƠN LA / TRƯỜNG CHÍNH TRỊ TỈNH": the
                # superior body above, the issuing one below (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 1)
                below = _headed_body(block[_line_at(block, end):])
                if below is not None:
                    return below
            return issuer
    return _organisation(block) or _headed_body(block)


def _line_at(block: list[str], end: int) -> int:
    """Return the index of the block line holding offset ``end - 1`` of the block joined by spaces."""
    at = 0
    for k, line in enumerate(block):
        at += len(line) + 1
        if at >= end:
            return k
    return len(block) - 1


def _headed_body(block: list[str]) -> Issuer | None:
    """Return a provincial body a header line names by an agency head and its unit, else None.

    "BỘ TƯ LỆNH QUÂN KHU 5 / BỘ CHỈ HUY QUÂN SỰ TỈNH NINH THUẬN" -> "Bộ Chỉ huy Quân sự tỉnh Ninh
    Thuận"; "BẢO HIỂM XÃ HỘI VIỆT NAM / BẢO HIỂM XÃ HỘI TỈNH THANH HÓA" (a central agency's
    provincial branch); "SỞ Y TẾ QUẢNG TRỊ / BỆNH VIỆN ĐA KHOA TỈNH", whose province is its
    superior's (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 2: the superior body's name above the
    issuer's). The lowest body named issues: "SỞ NÔNG NGHIỆP VÀ PTNT TỈNH ĐIỆN BIÊN / CHI CỤC KIỂM
    LÂM" is the Chi cục's, "BỘ CÔNG AN / CÔNG AN TỈNH SÓC TRĂNG" the provincial police's. A line
    without its unit word takes the province's own ("tỉnh", "thành phố"). The body's own words
    keep their first capital ("Đa khoa"); no province, no issuer.
    """
    for i in range(len(block) - 1, -1, -1):
        if patterns.STANDING_BODY.match(block[i]):
            continue
        hit = head_in_capitals(block[i].strip())
        if hit is None:
            continue
        head, rest = hit
        if i > 0 and (sup := patterns.PARTY_SUPERIOR_LINE.match(block[i - 1].strip())) is not None \
                and patterns.SUB_BODY.match(block[i].strip()):
            # "ĐẢNG BỘ TỈNH NGHỆ AN" / "BAN TỔ CHỨC": an organ of the province's Party committee,
            # under the Party organisation's name (Hướng dẫn 36-HD/VPTW, mục 3.1)
            province = admin_units.canonical_province(sup.group("name"))
            if province is not None:
                return _sub_body(block[i].strip(), resolve.make_local_issuer(_committee_kind(province), province))
        if head == "Chi nhánh" and i > 0 and (above := head_in_capitals(block[i - 1].strip())) is not None:
            # "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM" / "CHI NHÁNH TỈNH QUẢNG NAM": a branch of the body above
            m = patterns.HEADED_BODY_TAIL.match(rest)
            province = admin_units.canonical_province(m.group("name")) if m is not None and m.group("name") else None
            if province is not None:
                parent = " ".join(x for x in (above[0], _own_words(
                    patterns.NATIONAL_SUFFIX.sub("", above[1]).split())) if x)
                return Issuer(name=f"{parent} Chi nhánh {m.group('unit').lower()} {province}", level="province",
                              province=province, kind="agency")
        if not rest.strip():
            if i + 1 < len(block) and patterns.UNIT_PLACE_LINE.match(block[i + 1].strip()):
                rest = " " + block[i + 1].strip()  # "VIỆN KIỂM SÁT NHÂN DÂN" / "TỈNH BÀ RỊA - VŨNG TÀU"
            elif head == "Văn phòng" and i > 0 and (above := _headed_body(block[:i])) is not None:
                # "ĐOÀN ĐBQH VÀ HĐND TỈNH LAI CHÂU" / "VĂN PHÒNG": the office of the body above
                # (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 1)
                return Issuer(name=f"Văn phòng {above.name}", level=above.level, province=above.province,
                              kind="agency")
        m = patterns.HEADED_BODY_TAIL.match(rest)
        if m is None or not (m.group("unit") or m.group("words").strip()):
            continue
        unit_word = " ".join((m.group("unit") or "").lower().split())
        if unit_word in ("huyện", "quận", "thị xã") or (unit_word == "thành phố" and m.group("name")
                                                         and admin_units.canonical_province(m.group("name")) is None):
            # "SỞ Y TẾ QUẢNG TRỊ" / "TRUNG TÂM Y TẾ HUYỆN HƯỚNG HÓA": a district's unit under its province's
            # department; the district is read with the province above it (same-named districts)
            above = admin_units.find_provinces(" ".join(block[:i]), require_prefix=False) if i > 0 else []
            found = admin_units.find_district(f"{unit_word} {m.group('name') or ''}",
                                              above[-1][0] if above else None) if m.group("name") else None
            if found is None or found[1] is None:
                continue
            own = _own_words(m.group("words").split())
            name = " ".join(x for x in (head, own, unit_word, found[0]) if x)
            return Issuer(name=name, level="district", province=found[1], district=found[0], kind="agency")
        named = admin_units.canonical_province(m.group("words")) if not m.group("unit") else None
        if named is not None:
            # "TỈNH ỦY BẮC NINH / BÁO BẮC NINH": the body's own words are its province's name
            return Issuer(name=f"{head} {named}", level="province", province=named, kind="agency")
        province = admin_units.canonical_province(m.group("name")) if m.group("name") else None
        if province is None and not m.group("name") and i > 0:
            found = admin_units.find_provinces(block[i - 1], require_prefix=False)
            province = found[-1][0] if found else None
        if province is None:
            continue
        own = _own_words(m.group("words").split())
        if m.group("unit"):
            place = " ".join(m.group("unit").lower().split()) + " " + province
        else:
            place = admin_units.province_full_name(province) or province
        name = " ".join(x for x in (head, own, place) if x)
        return Issuer(name=name, level="province", province=province, kind="agency")
    return None


def _committee_kind(province: str) -> str:
    """Return the Party committee kind of ``province``: "thanh_uy" for a centrally-run city (Thành ủy Hà
    Nội), else "tinh_uy" (Điều lệ Đảng: tỉnh ủy, thành ủy)."""
    return "thanh_uy" if admin_units.province_type(province) == "Thành phố" else "tinh_uy"


def _own_words(words: list[str]) -> str:
    """Return a body's own words from a header line in capitals, in sentence case with its
    abbreviations written out: ["ĐA", "KHOA"] -> "Đa khoa"; ["ĐBQH", "VÀ", "HĐND"] -> "đại biểu Quốc
    hội và Hội đồng nhân dân" (as ``expand_abbreviations`` spells them)."""
    out = []
    for k, w in enumerate(words):
        if len(w) > 1 and w.isupper() and expand_abbreviations(w) != w:
            out.append(w)  # an abbreviation, written out below in its own spelling
        else:
            out.append(w.capitalize() if k == 0 else w.lower())
    return expand_abbreviations(" ".join(out))


def _body_party(block: list[str]) -> Issuer | None:
    """Return the committee of a body's Party organisation a header block names, else None.

    "ĐẢNG BỘ TỈNH NINH BÌNH / ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH" -> "Đảng ủy Ủy ban nhân dân tỉnh Ninh
    Bình", province level ("ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH" -> "Đảng ủy các cơ quan Đảng tỉnh ...").
    Only under the superior line that names the province (Hướng dẫn 36-HD/VPTW, mục 3.1): without
    it the body's province is unknown here, and no guess is made.
    """
    for i, line in enumerate(block[1:], start=1):
        m = patterns.BODY_PARTY_LINE.match(line)
        sup = patterns.PARTY_SUPERIOR_LINE.match(block[i - 1]) if m else None
        province = admin_units.canonical_province(sup.group("name")) if sup else None
        if province is None:
            continue
        words = m.group("body").lower().split()
        # sentence case, the Party's name capitalised ("các cơ quan Đảng"), a body's first word too
        words = ["Đảng" if w == "đảng" else w for w in words]
        if words[0] not in ("các", "những"):
            words[0] = words[0].capitalize()
        unit = " ".join(m.group("unit").lower().split())
        return Issuer(name=f"Đảng ủy {' '.join(words)} {unit} {province}", level="province", province=province,
                      kind="dang_uy")
    return None


def _organisation(block: list[str]) -> Issuer | None:
    """Return the provincial committee of a mass organisation a header block names, else None.

    "HỘI NÔNG DÂN TỈNH THANH HÓA" -> "Hội Nông dân tỉnh Thanh Hóa"; the unit may start the next
    line ("LIÊN ĐOÀN LAO ĐỘNG" / "TỈNH QUẢNG NINH"). The organisations are data
    (``issuers.json``, "local_organisations").
    """
    rx, canon = resolve.local_organisations()
    # the issuing committee is the lowest one named: "HỘI LHPN TỈNH TIỀN GIANG" / "HỘI LHPN HUYỆN
    # CHÂU THÀNH" is the district's, under its province's (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 2)
    for i in range(len(block) - 1, -1, -1):
        t = patterns.EXECUTIVE_PREFIX.sub("", expand_abbreviations(block[i].strip()))  # "BCH HỘI NÔNG DÂN ..."
        m = rx.match(t)
        if m is None:
            continue
        name = canon[resolve.ffold(m.group("name"))]
        rest = t[m.end():].strip()
        if not rest and i + 1 < len(block):
            rest = block[i + 1]
        pm = patterns.UNIT_PLACE_LINE.match(rest)
        province = admin_units.canonical_province(pm.group("name")) if pm else None
        if province is not None:
            unit = " ".join(pm.group("unit").lower().split())
            return Issuer(name=f"{name} {unit} {province}", level="province", province=province, kind="agency")
        dm = patterns.DISTRICT_PLACE_LINE.match(rest)
        above = admin_units.find_provinces(" ".join(block[:i]))
        province = above[-1][0] if above else None
        found = admin_units.find_district(f"{dm.group('unit')} {dm.group('name')}", province) if dm and province else None
        if found is not None:
            district = found[0]
            unit = " ".join(dm.group("unit").lower().split())
            return Issuer(name=f"{name} {unit} {district}", level="district", province=province, district=district,
                          kind="agency")
    return None


def _sub_body_beside(block: list[str], joined: str, end: int) -> str | None:
    """Return the department line of a joint plan's left column, read past the right column's line.

    A joint plan (Kế hoạch liên tịch) sets two issuers side by side; read line by line the
    columns interleave: "UBND TỈNH THÁI BÌNH", "LIÊN ĐOÀN LAO ĐỘNG", "SỞ NỘI VỤ", "TỈNH THÁI
    BÌNH". The first-named body (the left column) is the issuer: its department is the line
    after the one the right column put in between.
    """
    at = 0
    for k, line in enumerate(block):
        at += len(line) + 1
        if at > end:  # ``line`` holds the end of the superior body's name
            rest = block[k + 2:k + 3]
            if len(block) > k + 2 and joined[end:].strip().startswith(block[k + 1].strip()) \
                    and patterns.SUB_BODY.match(rest[0]) and len(rest[0].split()) <= 8:
                return rest[0]
            return None
    return None


def _commune_party(block: list[str]) -> Issuer | None:
    """Return the commune Party committee a header block names ("ĐẢNG BỘ TỈNH AN GIANG / ĐẢNG ỦY XÃ VĨNH HANH"
    -> Đảng ủy xã Vĩnh Hanh, commune level, province An Giang), else None.

    Hướng dẫn 36-HD/VPTW, mục 3.1: a Party committee's header names its superior organisation
    on the line above; the province is that line's ("ĐẢNG BỘ TỈNH ..."), or unknown here (the
    caller then reads it from the text or the unit list).
    """
    for i, line in enumerate(block):
        m = patterns.COMMUNE_PARTY_LINE.match(line)
        if m is None:
            continue
        province = None
        if i > 0:
            sup = patterns.PARTY_SUPERIOR_LINE.match(block[i - 1])
            province = admin_units.canonical_province(sup.group("name")) if sup else None
        name = " ".join(m.group("name").split())
        if _is_upper(name):
            name = " ".join(w.capitalize() for w in name.split())
        unit = " ".join(m.group("unit").lower().split())
        return resolve.make_local_issuer("dang_uy", province, commune=name, commune_unit=unit)
    return None


_LEVEL_RANK = {"central": 0, "ministry": 1, "province": 2, "district": 3, "commune": 4}


def _subordinate(joined: str, end: int, superior: Issuer) -> tuple[Issuer, int] | None:
    """Return (issuer, end offset) of the body written right after ``superior`` in the header block,
    if it is a lower body, else None.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 1: the block names the superior body ("cơ quan
    chủ quản") above the issuing one — "ỦY BAN NHÂN DÂN TỈNH X / ỦY BAN NHÂN DÂN HUYỆN Y" —
    so the lower one is the issuer; its province, when it does not name one, is the superior's.
    """
    pos = len(joined) - len(joined[end:].lstrip())
    if pos >= len(joined):
        return None
    hit = resolve.match_issuer(joined, pos, superior)
    if hit is None:
        return None
    lower, lower_end = hit
    if _LEVEL_RANK.get(lower.level, -1) <= _LEVEL_RANK.get(superior.level, 9):
        return None
    if lower.province is None and lower.level in ("district", "commune"):
        lower = Issuer(name=lower.name, level=lower.level, province=superior.province,
                       district=lower.district or superior.district, kind=lower.kind)
    return lower, lower_end


def _sub_body(rest: str, parent: Issuer) -> Issuer:
    """Return the Issuer of a department under a committee ("UBND TỈNH BẮC NINH / SỞ NỘI VỤ" -> "Sở Nội vụ tỉnh Bắc Ninh").

    The header writes it in capitals; the agency registry (``ingest.agencies``)
    knows the canonical spelling and scope, tried on the usual capitalisations.
    """
    words = rest.split()
    if words[0].upper() == "VĂN" and len(words) == 2:
        # "UBND TỈNH X / VĂN PHÒNG" is the committee's office (Nghị định 30/2020, Phụ lục I)
        return Issuer(name=f"Văn phòng {parent.name}", level=parent.level, province=parent.province,
                      district=parent.district, kind="agency")
    variants = [
        " ".join([words[0].capitalize()] + [w.lower() for w in words[1:]]),
        " ".join([words[0].capitalize()] + [w.capitalize() for w in words[1:2]] + [w.lower() for w in words[2:]]),
        " ".join(w.capitalize() for w in words),
    ]
    if parent.kind in ("tinh_uy", "thanh_uy", "huyen_uy"):
        # Party bodies are named after their committee: "Ban Tuyên giáo Tỉnh ủy Bắc Ninh", "Ủy ban Kiểm
        # tra Tỉnh ủy Thái Nguyên" (Hướng dẫn 36-HD/VPTW), in the official spelling where it is known
        organ = official_name(variants[0]) or variants[1]
        return Issuer(name=f"{organ} {parent.name}", level=parent.level, province=parent.province,
                      district=parent.district, kind="agency")
    registry = AgencyRegistry(parent)
    for v in variants:
        try:
            agency = registry.resolve(v)
        except Exception:  # noqa: BLE001 - the registry is another stage's code; fall back below
            agency = None
        if agency is not None and agency.kind == "agency":
            return Issuer(name=agency.name, level=parent.level, province=parent.province,
                          district=parent.district, kind="agency")
    if parent.level == "district" and parent.district:
        scope = admin_units.district_full_name(parent.district, parent.province) or ""
    else:
        scope = admin_units.province_full_name(parent.province) or ""
    return Issuer(name=f"{variants[1]} {scope}".strip(), level=parent.level, province=parent.province,
                  district=parent.district, kind="agency")


def _infer_issuer(text: str, symbol: str | None, place: str | None, partial: Issuer | None,
                  body_offset: int) -> Issuer | None:
    """Return the issuer from the symbol's suffix, the place line and the body text, else None.

    "Ủy ban nhân dân huyện Châu Thành ban hành Kế hoạch ..." names the issuer in
    the body; a district's province is the one the text names that really has
    such a district (Châu Thành is in ten provinces: checked with admin units).
    """
    info = resolve.symbol_info(symbol)
    entry = resolve.suffix_entry(info.issuer_code) if info else None
    if entry is not None and entry["scope"] == "central" and partial is None:
        return resolve.issuer_from_suffix(symbol)
    kind = partial.kind if partial is not None else (entry["kind"] if entry else None)
    if kind is None:
        return partial

    district = partial.district if partial else None
    province = partial.province if partial else None
    # 1. the body says who issues: "<body> <unit> <name> ban hành / xây dựng"
    if district is None and province is None:
        window = text[body_offset : body_offset + 2500]  # the preamble: "..., <issuer> ban hành Kế hoạch"
        for m in local_bodies(window):
            hit = resolve.match_issuer(window, m.start())
            if not hit:
                continue
            iss, end = hit
            after = resolve.ffold(window[end : end + 30])
            if iss.kind == kind and after.lstrip(" ,").startswith(("ban hanh", "xay dung", "trien khai")):
                province, district = iss.province, iss.district
                break
    # 2. the place line: a province, or a district
    if district is None and province is None and place:
        prov = admin_units.canonical_province(place)
        if prov is not None:
            province = prov
        elif admin_units.districts_named(place):
            district = admin_units.districts_named(place)[0][0]
    if district is not None and province is None:
        province = _province_for_district(text, district)
    if province is None and district is None:
        return partial
    if kind in ("tinh_uy", "thanh_uy"):
        return resolve.make_local_issuer(kind, province)
    if kind in ("ubnd", "hdnd", "huyen_uy", "mttq", "doan"):
        return resolve.make_local_issuer(kind, province, district)
    ctx = Issuer(name="", level="district" if district else "province", province=province, district=district)
    return resolve.issuer_from_suffix(symbol, ctx) or partial


#: From this date there is no district level: communes belong to the province directly
#: (Nghị quyết 202/2025/QH15; Luật Tổ chức chính quyền địa phương 2025, in force 1/7/2025).
_TWO_LEVEL_FROM = "2025-07-01"


def _commune_scope(text: str, issuer: Issuer, issued_on: str | None = None) -> Issuer:
    """Return a commune issuer with the district and province its text names ("UBND huyện Nghi Lộc"), if unambiguous.

    Without a district (a post-2025 commune has none), the province is the one the text names
    most among those having a commune of that name ("Sở Khoa học và Công nghệ tỉnh Đồng Nai"),
    or, for a document issued under the two-level system, the only province of the 2025 unit
    list having such a commune; otherwise the issuer stays without a province (no guessing).
    """
    found = admin_units.find_district(text)
    if found is not None:
        district, province = found
        if province is None:
            province = _province_for_district(text, district)
        if province is not None:
            return Issuer(name=issuer.name, level="commune", province=province, district=district, kind=issuer.kind)
    commune = patterns.COMMUNE_UNIT.split(issuer.name, maxsplit=1)[-1]
    having = admin_units.commune_provinces(commune)
    counts = _province_counts(text, having)
    province = _most_named(counts)
    if not counts and len(having) == 1 and issued_on and issued_on >= _TWO_LEVEL_FROM:
        province = having[0]
    if province is None:
        return issuer
    return Issuer(name=issuer.name, level="commune", province=province, district=None, kind=issuer.kind)


def _province_for_district(text: str, district: str) -> str | None:
    """Return the province the text names most often among those having ``district``, else None.

    Names after a unit word count ("tỉnh Bình Định"); when there are none, a capitalised bare
    name among the provinces having the district does ("Ban Thường vụ Tỉnh ủy Bình Định": a
    Party committee is named "Tỉnh ủy" + the province, Hướng dẫn 36-HD/VPTW).
    """
    having = {p for _, p in admin_units.districts_named(district)}
    return _most_named(_province_counts(text, having, bare_names=True))


def _province_counts(text: str, having, bare_names: bool = False) -> dict[str, int]:
    """Return how often ``text`` names each province of ``having`` after a unit word ("tỉnh Bình Định").

    With ``bare_names``, when none is named so, capitalised bare names count instead.
    """
    counts: dict[str, int] = {}
    for prefixed in ((True, False) if bare_names else (True,)):
        for prov, start, _ in admin_units.find_provinces(text, require_prefix=prefixed):
            if prov in having and (prefixed or text[start:start + 1].isupper()):
                counts[prov] = counts.get(prov, 0) + 1
        if counts:
            break
    return counts


def _most_named(counts: dict[str, int]) -> str | None:
    """Return the province named most often in ``counts``, or None when there is none or a tie."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


# --------------------------------------------------------------------------- recipients, signer


def _recipients_index(lines) -> int | None:
    """Return the index of the last "Nơi nhận:" line, else None."""
    for i in range(len(lines) - 1, -1, -1):
        if patterns.RECIPIENTS_HEAD.match(lines[i].text):
            return i
    return None


def _recipients(lines, idx: int) -> list[str]:
    """Return the "- " items after "Nơi nhận:", without the archive line ("Lưu: VT, ...")."""
    out: list[str] = []
    items: list[str] = []
    rest = patterns.RECIPIENTS_HEAD.match(lines[idx].text).group("rest").strip()
    # "Nơi nhận: GIÁM ĐỐC", "Nơi nhận: KT. BỘ TRƯỞNG": the signature's capacity beside the heading
    if rest and not (_is_upper(rest) and (_is_title(rest) or patterns.SIGN_PREFIX.match(rest))):
        items.append(rest)
    for j in range(idx + 1, min(len(lines), idx + 40)):
        t = lines[j].text.strip()
        if not t:
            continue
        if t[0] in "-–+•":
            items.append(t)
            continue
        if patterns.SIGN_PREFIX.match(t) or (_is_upper(t) and _is_title(t)):
            # side-by-side signature block split into lines ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
            # between the items: the list goes on below it (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 7-9)
            continue
        break
    for it in items:
        if patterns.ARCHIVE_ITEM.match(it):
            continue
        s = it.lstrip("-–+• \t")
        s = _title_beside(_name_beside(s)[0])[0]
        s = patterns.RECIPIENT_NOTE.sub(" ", s).strip().rstrip(",;.").strip()
        if s:
            out.append(s)
    return out


def _name_beside(item: str) -> tuple[str, str | None]:
    """Return (a recipient line without the signer's name that ends it, that name without its rank), else (``item``, None).

    A signature block set beside the recipients and read row by row puts its name after a
    recipient: "- UBND tỉnh (b/c); Đại tá Trần Văn Dũng" -> ("- UBND tỉnh (b/c)", "Trần Văn Dũng").
    """
    for cut in (";", ". "):
        # a PDF text layer ends the last item, the archive line, with the name: "- Lưu: VT, Vụ CQĐP. Vũ Đăng Minh"
        head, sep, tail = item.rpartition(cut)
        name = resolve.without_rank(tail.strip()) if sep and head.strip() else ""
        if name and _looks_like_name(name):
            return head, name
    return item, None


def _title_beside(item: str) -> tuple[str, str | None]:
    """Return (a recipient line without the signer's capacity that ends it, that capacity), else (``item``, None).

    "- Văn phòng Chính phủ; THỨ TRƯỞNG" -> ("- Văn phòng Chính phủ", "THỨ TRƯỞNG"): the signature
    block set beside the recipients, read row by row (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 7-9).
    """
    head, sep, tail = item.rpartition(";")
    tail = tail.strip(" |*\t")
    if sep and head.strip() and tail and _is_upper(tail) and _is_title(tail):
        return head, tail
    return item, None


_NOT_NAMES = {"noi nhan", "ke hoach", "quyet dinh", "phu luc", "nguon tra cuu"}


def _looks_like_name(t: str) -> bool:
    """Return True if ``t`` looks like a person's name: 2-5 capitalised words, letters only, after a
    rank ("Đại tá Trần Văn Lộc")."""
    t = resolve.without_rank(t)
    words = t.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in t) or ":" in t:
        return False
    if resolve.ffold(t) in _NOT_NAMES or _is_title(t):
        return False
    if _is_upper(t) and any(_is_title(" ".join(words[:k])) for k in (1, 2, 3) if k < len(words)):
        return False  # "CHỦ TỊCH LĐLĐ TỈNH", "GIÁM ĐỐC SỞ NỘI VỤ": a capacity and its body, not a name
    if _is_upper(t):
        return all(w.isalpha() for w in words) and not _is_title(t)
    return all(w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)


def signature_title_at(texts: list[str], i: int) -> bool:
    """Return True if line ``i`` is a signer's capacity alone in capitals ("GIÁM ĐỐC", "BỘ TRƯỞNG")
    with a person's name within the next lines: a signature block without "TM."/"KT." (the head of
    a body signs in their own right: Nghị định 30/2020/NĐ-CP, Điều 13.1), where the body ends."""
    t = texts[i].strip(" |*\t")
    if not (t.isupper() and len(t) <= 40) or resolve.ffold(t) in resolve._capacity_tables()[1]:
        return False  # not a capacity in capitals, or a body's name ("ỦY BAN NHÂN DÂN")
    if not _is_title(t):
        return False
    return any(_looks_like_name(x.strip(" |*\t_")) for x in texts[i + 1: i + 7])


def _is_title(t: str) -> bool:
    """Return True if ``t`` is a signer capacity ("PHÓ CHỦ TỊCH", "Bí thư") or a body under TM."""
    k = resolve.ffold(t)
    titles, bodies = resolve._capacity_tables()
    return k in titles or k in bodies or resolve.qualified_title(t) is not None  # "PHÓ BÍ THƯ THƯỜNG TRỰC"


def _signer(lines, recip_idx: int | None, body_idx: int = 0) -> Signer | None:
    """Return the signer (name, title, on_behalf_of) from the signature block near "Nơi nhận"."""
    n = len(lines)
    if n == 0:
        return None
    # the signature is after the body: never look into the header block
    lo = max(body_idx, (recip_idx - 10) if recip_idx is not None else n - _TAIL_LINES)
    hi = n
    for j in range((recip_idx or lo) + 1, n):
        if resolve.ffold(lines[j].text[:12].strip()).startswith("phu luc"):
            hi = j
            break
    hi = min(hi, lo + 60)
    prefix_lines: list[tuple[str, str]] = []
    title = None
    last_cap = None
    for j in range(lo, hi):
        t = lines[j].text.strip(" |*\t")
        if len(t) > _MAX_HEAD_LINE:
            continue
        rm = patterns.RECIPIENTS_HEAD.match(t) if t[:1] in "Nn" else None
        if rm is not None and rm.group("rest").strip():
            t = rm.group("rest").strip(" |*\t")  # "Nơi nhận: GIÁM ĐỐC": the capacity beside the heading
        pm = patterns.SIGN_PREFIX.match(t)
        if pm and _is_upper(pm.group("what")):
            pre = pm.group("prefix").replace(" ", "").replace("/", "").upper().rstrip(".")
            prefix_lines.append((pre, pm.group("what")))
            last_cap = j
        elif _is_upper(t) and _is_title(t):
            title = resolve.canonical_title(t)
            last_cap = j
        elif t[:1] in "-–+•" and (beside := _title_beside(t)[1]) is not None:
            title = resolve.canonical_title(beside)  # "- Văn phòng Chính phủ; THỨ TRƯỞNG"
            last_cap = j
        elif title is not None and _looks_like_name(t.strip("_")):
            # a capacity, then the signer's name: the block is complete. What follows is another
            # document (a Quyết định's attached plan starts with its own "ỦY BAN NHÂN DÂN / TỈNH ...")
            hi = j + 1
            break
    name = None
    search_from = last_cap + 1 if last_cap is not None else (recip_idx + 1 if recip_idx is not None else lo)
    for j in range(search_from, hi):
        t = lines[j].text.strip(" |*\t_")
        if t.startswith(("-", "+", "•")):
            # a signature block beside the recipients: its name may end a recipient's line
            # ("- UBND tỉnh (b/c); Đại tá Trần Văn Dũng", a two-column layout read row by row)
            tail = _name_beside(t)[1]
            if last_cap is None or tail is None:
                continue
            t = tail
        if _looks_like_name(t):
            name = resolve.without_rank(" ".join(t.split()))
            if _is_upper(name):
                name = " ".join(w.capitalize() for w in name.split())
            if last_cap is not None:
                break
    if name is None and not prefix_lines and title is None:
        return None
    on_behalf = None
    tm = [p for p in prefix_lines if p[0] == "TM"]
    chosen = tm[0] if tm else (prefix_lines[0] if prefix_lines else None)
    if chosen:
        on_behalf = f"{chosen[0]}. {resolve.canonical_body(chosen[1])}"
    return Signer(name=name, title=title, on_behalf_of=on_behalf)
