"""Stage 3b, *find* references to other documents and edges the text states between them.

A mention is a symbol ("Quyết định số 142/QĐ-TTg", "Kết luận số 52-KL/TW",
"văn bản số 135/TB-UBND") or a known alias ("Nghị quyết Trung ương 7 khóa X"),
with the date and issuer written right after it ("ngày 21/01/2020 của Thủ tướng
Chính phủ"). Relations (issue #3, "References"):

* ``implements``: named in the title, or the head of a preamble sentence that
  starts with "Thực hiện", "Triển khai (thực hiện)", "Cụ thể hóa", "Thi hành";
* ``based_on``: head of a preamble sentence starting with "Căn cứ";
* ``cites``: everything else. The strongest relation per document wins.

A mention that follows another one through "thực hiện" / "về việc ban hành Kế
hoạch thực hiện" / "tiếp tục thực hiện" is not the citing document's own parent:
it states an edge between the two OTHER documents (a ``StatedEdge``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from ingest import admin_units, patterns, resolve
from ingest.agencies import AgencyRegistry
from ingest.header import HeaderInfo, analyse_header, iso_date
from ingest.identity import slug
from ingest.model import RELATION_STRENGTH, CleanDocument, DocumentHeader, Issuer, Mention, Reference, StatedEdge


#: Longest text between a preamble cue and its first document ("Căn cứ Luật Ban hành
#: văn bản quy phạm pháp luật số ..." is ~60 characters); longer means another subject.
_MAX_LEAD = 160
#: Longest cue text between two documents of a stated edge (" về việc ban hành Kế hoạch
#: của Chính phủ để triển khai thực hiện " is ~70 characters).
_MAX_EDGE_GAP = 160


@dataclass(slots=True)
class _M:
    """One mention while it is being analysed."""

    start: int
    end: int  # end of the mention including its date/issuer tail
    sym_end: int  # end of the symbol (or alias) itself
    symbol: str
    doc_type: str | None
    issued_on: str | None
    issuer: Issuer | None
    explicit_issuer: bool
    title: str | None = None  # alias title, or the law's name for laws cited by name (symbol "")
    relation: str = "cites"
    short_form: bool = False
    ref_id: str | None = None
    dropped: bool = False
    year: int | None = None  # a year written without the day: a law's name ("Luật ... năm 2015"), "Chỉ thị số 05/CT-TTg năm 2023"
    scope_province: str | None = None  # unknown issuer code: the citing document's province its id carries
    typed: bool = False  # written with its type word ("Nghị định số 136/2020/NĐ-CP"), not a bare symbol
    issuer_written: bool = False  # "của <body>" follows it, whether or not the body was recognised


def find_references(doc: CleanDocument, header: DocumentHeader) -> tuple[list[Reference], list[StatedEdge]]:
    """Return the references (one per referenced document) and the stated edges."""
    info = analyse_header(doc)
    info.header = header
    return references_from(doc, info)


def references_from(doc: CleanDocument, info: HeaderInfo) -> tuple[list[Reference], list[StatedEdge]]:
    """Return (references, stated edges) of ``doc`` given its analysed header (``ingest.header.HeaderInfo``)."""
    header: DocumentHeader = info.header
    text = doc.text  # NFC from clean; tone placement is normalised where names are matched
    context = header.issuer
    mentions = _symbol_mentions(text, context, info.symbol_span) + _alias_mentions(text) + _law_mentions(text)
    mentions.sort(key=lambda m: m.start)
    mentions = _drop_overlaps(mentions)
    mentions = _with_short_names(text, mentions, info.title_span, header.doc_type)
    edges_idx = _relations_and_edges(doc, text, mentions, info)
    _inherit(mentions, context)
    own_key = resolve.sym_key(header.symbol) if header.symbol else None
    own_year = int(header.issued_on[:4]) if header.issued_on else None
    for m in mentions:
        year = _year(m)
        m.ref_id = resolve.doc_id(m.symbol, year, m.issuer) if m.symbol else resolve.doc_id(slug(m.title or ""), year, None)
        if not m.symbol:
            continue
        if m.issuer is None and resolve.is_central_symbol(m.symbol) is None and context and context.province:
            # an unknown issuer code ("123/KH-BCĐ") without "của ...": scoped like the citing
            # document, so two provinces' 123/KH-BCĐ never share one id
            m.ref_id = resolve.doc_id(m.symbol, year, Issuer(name="", level="province", province=context.province))
            m.scope_province = context.province
        if own_key and resolve.sym_key(m.symbol) == own_key and (year is None or own_year is None or year == own_year) and (
            m.ref_id == header.id or not m.explicit_issuer
        ):
            m.dropped = True  # a reference to the document itself ("Kèm theo Kế hoạch số 371/KH-UBND")
    refs = _merge(doc.text, mentions)
    edges = _edges(mentions, edges_idx)
    return refs, edges


# --------------------------------------------------------------------------- mentions


def _symbol_mentions(text: str, context: Issuer | None, own_span: tuple[int, int] | None) -> list[_M]:
    """Return every symbol mention with its date and issuer tail."""
    out: list[_M] = []
    for m in patterns.SYMBOL.finditer(text):
        if own_span and m.start("symbol") < own_span[1] and m.end("symbol") > own_span[0]:
            continue
        symbol = resolve.norm_symbol(m.group("symbol"))
        info = resolve.symbol_info(symbol)
        if info is None:
            continue
        start = m.start()
        lo = max(0, start - 48)
        tb = _type_before(text[lo:start])
        type_word = None
        if tb is not None:
            start = lo + tb[0]
            type_word = tb[1]
        issuer = None
        date_before = None
        if tb is not None and type_word is None:
            before = _issuer_before(text, start, context)  # "Kế hoạch của UBND tỉnh An Giang số 95/KH-UBND"
            if before is not None:
                start, type_word, issuer = before
            elif (dated := patterns.TYPE_DATED_BEFORE.search(text, max(0, start - 60), start)) is not None:
                # "Quyết định ngày 14/6/2024 số 3120/QĐ-UBND": the date before the number
                start, type_word, date_before = dated.start(), dated.group("type"), iso_date(dated.group("date"))
        if issuer is None and "đề nghị" in text[max(0, start - 160):start]:
            issuer = _proposer(text, start, context)  # "Theo đề nghị của Trưởng Phòng Nội vụ quận tại Tờ trình số ..."
        doc_type = resolve.doc_type_for_word(type_word) or resolve.symbol_doc_type(symbol)
        pos = m.end()
        date = date_before
        year = None
        written = issuer is not None
        for _ in range(2):
            dm = patterns.DATE_TAIL.match(text, pos)
            if dm and date is None:
                date = iso_date(dm.group("date"))
                pos = dm.end()
                continue
            if date is None and year is None and (ym := patterns.YEAR_TAIL.match(text, pos)):
                year = int(ym.group("year"))  # "Chỉ thị số 05/CT-TTg năm 2023": the year, not the day
                pos = ym.end()
                continue
            im = patterns.ISSUER_TAIL.match(text, pos)
            if im and issuer is None:
                written = True  # "của Ban Thuờng vụ ...": an issuer is named even if it is not recognised
                hit = resolve.match_issuer(text, im.end(), context)
                if hit:
                    issuer, pos = hit
                    continue
                placed = _suffix_body_in_written_place(symbol, text, im.end())
                if placed is not None:
                    issuer, pos = placed  # the tail reads to the end of the issuer phrase
            break
        out.append(_M(start=start, end=pos, sym_end=m.end(), symbol=symbol, doc_type=doc_type,
                      issued_on=date, issuer=issuer, explicit_issuer=issuer is not None, year=year,
                      title=_subject(text, pos), typed=type_word is not None, issuer_written=written))
    _share_list_tails(text, out)
    return out


def _suffix_body_in_written_place(symbol: str, text: str, pos: int) -> tuple[Issuer, int] | None:
    """Return (the body a local suffix names, in the province the unread issuer phrase at ``pos``
    writes, the end of that phrase), else None.

    "Kế hoạch số 45/KH-SNV ngày 10/4/2025 của Sở Nội vụ tỉnh Hà Giang (cũ)": the phrase is no
    issuer ``match_issuer`` reads, but it names the province, so the department is Hà Giang's, not
    the citing plan's (a merged province cites its former provinces' plans). Without a written
    province: None (the suffix and the citing document's place decide, in ``_inherit``).
    """
    phrase = patterns.ISSUER_PHRASE_END.split(text[pos:pos + 100], 1)[0]
    province = admin_units.find_province(phrase)  # after its unit word: "tỉnh Hà Giang"
    if province is None:
        return None
    local = resolve.issuer_from_suffix(symbol, Issuer(name="", level="province", province=province))
    if local is None or local.province != province:
        return None
    return local, pos + len(phrase.rstrip())


#: How far before "số" a type word with its issuer ("Kế hoạch của Ủy ban nhân dân tỉnh ... số") is looked for.
_ISSUER_BEFORE_REACH = 140


def _proposer(text: str, start: int, context: Issuer | None) -> Issuer | None:
    """Return the body that proposed a decision by the document cited at ``start``, else None.

    "Theo đề nghị của Trưởng Phòng Nội vụ quận tại Tờ trình số 512/TTr-NV" in a decision of
    UBND quận Gò Vấp -> Phòng Nội vụ quận Gò Vấp (the holder's title names the body he heads).
    """
    pm = patterns.PROPOSED_BY.search(text, max(0, start - 160), start)
    if pm is None or context is None:
        return None
    agency = AgencyRegistry(context).resolve(pm["who"])
    if agency is None or agency.kind != "agency":
        return None
    return Issuer(name=agency.name, level=agency.level, province=agency.province, district=agency.district,
                  kind="agency")


def _issuer_before(text: str, so_start: int, context: Issuer | None) -> tuple[int, str, Issuer] | None:
    """Return (start, type word, issuer) when the issuer is written between the type word and "số", else None.

    "Kế hoạch của Ủy ban nhân dân tỉnh An Giang số 95/KH-UBND": the issuer precedes the number.
    Only the last "<type> của" before "số" is tried, and only if the issuer phrase reaches "số".
    """
    lo = max(0, so_start - _ISSUER_BEFORE_REACH)
    last = None
    for tm in patterns.TYPE_OF_ISSUER.finditer(text, lo, so_start):
        last = tm
    if last is None:
        return None
    hit = resolve.match_issuer(text, last.end(), context)
    if hit is None:
        return None
    issuer, end = hit
    if end > so_start or not patterns.ISSUER_BEFORE_SO_GAP.match(text[end:so_start]):
        return None
    return last.start(), last.group("type"), issuer


def _share_list_tails(text: str, mentions: list[_M]) -> None:
    """Give bare symbols listed before another ("các Nghị quyết số 18-NQ/TW và 19-NQ/TW ngày 25/10/2017 của ...")
    the date and issuer written after the last one of the list (the tail belongs to the whole list).

    Not a symbol written elsewhere with its own date: "Nghị quyết số 71-NQ/TW ngày 22/8/2025 ...
    Thực hiện Nghị quyết số 71-NQ/TW, Nghị quyết số 57-NQ/TW ngày 22/12/2024" names 71-NQ/TW
    again, whose date the document already gave (``_inherit`` gives it back)."""
    dated = {resolve.sym_key(m.symbol) for m in mentions if m.symbol and m.issued_on}
    for i in range(len(mentions) - 2, -1, -1):
        m, nxt = mentions[i], mentions[i + 1]
        if m.end != m.sym_end or m.issued_on or m.issuer is not None:
            continue  # it has a tail of its own
        if m.symbol and resolve.sym_key(m.symbol) in dated:
            continue  # a document the text dates elsewhere
        if not patterns.SYMBOL_LIST_GAP.match(text[m.sym_end : nxt.start]):
            continue
        if nxt.issued_on is None and nxt.issuer is None:
            continue
        if resolve.symbol_info(m.symbol).party != resolve.symbol_info(nxt.symbol).party:
            continue  # "18-NQ/TW và 76/NQ-CP": two conventions, two issuers
        if m.doc_type and nxt.doc_type and m.doc_type != nxt.doc_type:
            # "Chỉ thị số 47-CT/TW, Kết luận số 02-KL/TW ngày 18/5/2021 của Ban Bí thư": a list
            # sharing one tail names documents of one type ("các Nghị quyết số 18-NQ/TW và
            # 19-NQ/TW ngày ..."); a different type word starts a document with its own tail
            continue
        m.issued_on = nxt.issued_on
        m.issuer = nxt.issuer
        m.explicit_issuer = nxt.explicit_issuer


@lru_cache(maxsize=16384)
def _type_before(window: str) -> tuple[int, str | None] | None:
    """Return (start, type word or None) of the ``TYPE_BEFORE`` match ending ``window``, else None.

    The same as ``TYPE_BEFORE.search(text, lo, start)`` (the pattern has no look-behind, so a
    slice behaves like pos/endpos); cached because the same "... Quyết định số " windows recur
    across a corpus. The search starts at the sixth-last word: a match ends the window and is
    at most six words (a type word has at most four, then "số" and a lone ":"), so no match
    starts earlier, and the engine skips ~30 of the 48 positions.
    """
    parts = window.rsplit(None, 6)
    tm = patterns.TYPE_BEFORE.search(window, len(parts[0]) if len(parts) > 6 else 0)
    return (tm.start(), tm.group("type")) if tm else None


#: Longest subject read after a citation (a trích yếu is rarely longer).
_MAX_SUBJECT = 300


def _subject(text: str, pos: int) -> str | None:
    """Return the subject written after a citation ("Về thực hiện Quyết định số 142/QĐ-TTg của Thủ tướng Chính phủ"), else None."""
    lead = patterns.SUBJECT_LEAD.match(text, pos)
    if lead is None:
        return None
    start = lead.start("lead")
    return _subject_in(text[start : start + _MAX_SUBJECT])


@lru_cache(maxsize=16384)
def _subject_in(window: str) -> str | None:
    """Return the subject that starts ``window`` (up to ``_MAX_SUBJECT`` characters after its lead word), else None.

    Pure in the window, so cached: the same citation ("... của Thủ tướng Chính phủ về việc ...")
    recurs within a plan and across plans.
    """
    end = patterns.SUBJECT_END.search(window)
    if end is None and len(window) == _MAX_SUBJECT:
        return None  # no clear end: rather nothing than a run-on
    subject = " ".join(window[: end.start() if end else len(window)].split()).rstrip(" ,.")
    if len(subject.split()) < 3:
        return None
    if subject.lower().startswith("v/v "):
        subject = subject[4:]
    return subject[0].upper() + subject[1:]


def _alias_mentions(text: str) -> list[_M]:
    """Return the plenum-alias mentions that resolve to exactly one known resolution."""
    out: list[_M] = []
    if not patterns.PLENUM_HINT.search(text):
        return out  # every alias holds "khóa": a scan for it is cheaper than PLENUM_ALIAS's own
    for m in patterns.PLENUM_ALIAS.finditer(text):
        cands = resolve.plenum_candidates(m.group("num"), m.group("word"), m.group("term"))
        if not cands:
            continue
        following = text[m.end() : m.end() + 300]  # bounded: never scan to the end per mention
        for ch in ("\n", "; ", ". "):
            k = following.find(ch)
            if k != -1:
                following = following[:k]
        entry = resolve.pick_alias(cands, following, text)
        if entry is None:
            continue  # an ambiguous plenum: no guessing
        out.append(_M(start=m.start(), end=m.end(), sym_end=m.end(), symbol=entry["symbol"],
                      doc_type=entry["doc_type"], issued_on=entry["issued_on"],
                      issuer=resolve.alias_issuer(entry), explicit_issuer=True, title=entry["title"]))
    return out


#: Words that cannot end a law's name: "Luật Đất đai trong năm 2024" is not "Luật Đất đai trong".
_NOT_NAME_END = {"trong", "của", "từ", "đến", "vào", "cho", "theo", "tại", "và", "với", "các", "những", "năm", "được"}


def _law_mentions(text: str) -> list[_M]:
    """Return laws, codes and ordinances cited by name and date ("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015").

    They have no symbol in the citation: ``symbol`` is "" and the id is built
    from the name and year (``identity.document_id`` of the name).
    """
    out: list[_M] = []
    # NAMED_LAW's type word is case-sensitive: "Luật", "Bộ luật" or "Pháp lệnh" holds one of these
    # literals, and ``in`` is a much faster scan than the regex (which tries every B, L and P)
    if "Luật" not in text and "luật" not in text and "lệnh" not in text:
        return out
    for m in patterns.NAMED_LAW.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue  # "...Luật" inside a word
        name = " ".join(m.group("name").split()).rstrip(" ,")
        words = name.split()
        if not words or words[-1].lower() in _NOT_NAME_END or len(words) > 30:
            continue
        date = iso_date(m.group("date")) if m.group("date") else None
        year = int(m.group("year")) if m.group("year") else None
        if date is None and year is None:
            continue
        kind = " ".join(m.group("type").split())
        doc_type = resolve.doc_type_for_word(kind) or kind
        title = f"{kind} {name}"
        iss = resolve.law_issuer(doc_type)
        out.append(_M(start=m.start(), end=m.end(), sym_end=m.end(), symbol="", doc_type=doc_type, issued_on=date,
                      issuer=iss, explicit_issuer=True, title=title, year=year or int(date[:4])))
    return out


#: How far after a citation's tail its short-name definition may start (the subject comes between).
_SHORT_NAME_REACH = _MAX_SUBJECT + 40


def _with_short_names(text: str, mentions: list[_M], title_span: tuple[int, int] | None = None,
                      own_type: str | None = None) -> list[_M]:
    """Return ``mentions`` plus one mention for every later use of a short name a citation defines.

    "Quyết định số 06/QĐ-TTg ... phê duyệt Đề án ... (sau đây gọi tắt là Đề án 06)": each later
    "Đề án 06" is that decision, so it carries the decision's relation where it is used (a title
    "Triển khai Đề án 06 ..." implements it). The document's own title, written above the
    preamble that defines the name, counts too; other uses only after the definition ("sau
    đây", hereafter). Short names holding a symbol are mentions already; a short name that is
    the citing document's own type word ("Kế hoạch" in a plan) is not followed, because there
    "Kế hoạch" also means the plan itself ("Kế hoạch này").
    """
    extra: list[_M] = []
    for i, m in enumerate(mentions):
        if not m.symbol:
            continue
        limit = min(m.end + _SHORT_NAME_REACH, mentions[i + 1].start if i + 1 < len(mentions) else len(text))
        for stop in (";", "\n"):
            # the definition belongs to the mention whose clause it closes: "...; Điều 1. Phê duyệt
            # Đề án ... (sau đây gọi tắt là Đề án)" names the decision's own Đề án, not the document
            # cited in the clause before
            k = text.find(stop, m.end, limit)
            if k >= 0:
                limit = k
        sm = patterns.SHORT_NAME.search(text, m.end, limit)
        if sm is None:
            continue
        name = " ".join(sm.group("name").split())
        if patterns.SYMBOL.search(name) or not any(ch.isupper() or ch.isdigit() for ch in name):
            continue
        if own_type and resolve.ffold(name) == resolve.ffold(own_type):
            continue
        owner = _numbered_owner(name, mentions[: i + 1]) or m
        uses = _uses(text, name, sm.end())
        if title_span is not None and title_span[1] <= sm.start():
            uses = _uses(text[: title_span[1]], name, title_span[0]) + uses
        for pos in uses:
            extra.append(_M(start=pos, end=pos + len(name), sym_end=pos + len(name), symbol=owner.symbol,
                            doc_type=owner.doc_type, issued_on=owner.issued_on, issuer=owner.issuer,
                            explicit_issuer=owner.explicit_issuer, typed=True))
    if not extra:
        return mentions
    spans = [(x.start, x.end) for x in mentions]
    extra = [e for e in extra if not any(a <= e.start < b for a, b in spans)]
    return sorted(mentions + extra, key=lambda x: x.start)


def _numbered_owner(name: str, before: list[_M]) -> _M | None:
    """Return the mention a short name "<type> <number>" spells, among the mentions up to its definition, else None.

    "Thực hiện Kết luận số 01-KL/TW ... về tiếp tục thực hiện Chỉ thị số 05-CT/TW ... (sau đây viết
    tắt là Kết luận 01)": the name is the conclusion's, numbered 01, not the directive's that the
    clause names last. The latest mention of that type and number wins; none: None.
    """
    m = patterns.NUMBERED_SHORT_NAME.match(name)
    if m is None:
        return None
    kind, number = resolve.ffold(m.group("type")), m.group("number").lstrip("0")
    for x in reversed(before):
        info = resolve.symbol_info(x.symbol) if x.symbol else None
        if info is not None and x.doc_type and resolve.ffold(x.doc_type) == kind \
                and (info.number or "").lstrip("0") == number:
            return x
    return None


def _uses(text: str, name: str, start: int) -> list[int]:
    """Return the offsets of ``name`` as a whole phrase in ``text`` from ``start`` ("Đề án 06", not "Đề án 061")."""
    out: list[int] = []
    k = text.find(name, start)
    while k != -1:
        before = text[k - 1] if k else " "
        after = text[k + len(name)] if k + len(name) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            out.append(k)
        k = text.find(name, k + len(name))
    return out


def _drop_overlaps(mentions: list[_M]) -> list[_M]:
    """Return the mentions without ones starting inside an earlier mention's symbol."""
    out: list[_M] = []
    for m in mentions:
        if out and m.start < out[-1].sym_end:
            continue
        out.append(m)
    return out


# --------------------------------------------------------------------------- relations and edges


def _segment_of(lines, offsets: list[int], title_span: tuple[int, int] | None, pos: int) -> tuple[int, int, bool]:
    """Return (start, end, is_title) of the text unit relations are decided in that holds ``pos``.

    The units are the title span and every line whose start it does not cover; the unit of
    ``pos`` is the last one starting at or before it, ties in tuple order (the same as a
    binary search over the sorted list of all units, ``tests/test_speed_invariants_text.py``,
    without building a tuple per line): the line holding ``pos``, unless the title span covers
    that line's start or starts after it (a title cut from its type line) and before ``pos``.
    """
    k = max(0, bisect.bisect_right(offsets, pos) - 1)
    line = (offsets[k], offsets[k] + len(lines[k].text), False)
    if title_span is None:
        return line
    title = (title_span[0], title_span[1], True)
    if title[0] <= line[0] < title[1]:
        return title  # the line is part of the title unit
    if title[0] > pos:
        return line
    return max(line, title)  # the later start; equal starts in tuple order


def _sentence_starts(text: str) -> list[int]:
    """Return the offsets where a sentence starts after ". " + a capital letter, in order (computed once)."""
    return [m.end() for m in patterns.SENTENCE_BREAK.finditer(text) if text[m.end() : m.end() + 1].isupper()]


def _sentence_start(starts: list[int], seg_start: int, pos: int) -> int:
    """Return the start of the sentence containing ``pos`` inside its segment (binary search, no rescans)."""
    k = bisect.bisect_right(starts, pos) - 1
    return starts[k] if k >= 0 and starts[k] > seg_start else seg_start


def _relations_and_edges(doc: CleanDocument, text: str, mentions: list[_M], info: HeaderInfo) -> list[tuple[int, int]]:
    """Set each mention's relation and short-form flag; return the stated edges as (child, parent) indexes."""
    edges: list[tuple[int, int]] = []
    if not mentions:
        return edges
    lines = doc.lines
    offsets = [ln.offset for ln in lines]
    sentence_starts = _sentence_starts(text)
    by_seg: dict[tuple[int, int, bool], list[int]] = {}
    for idx, m in enumerate(mentions):
        by_seg.setdefault(_segment_of(lines, offsets, info.title_span, m.start), []).append(idx)
    basis = _basis_spans(doc)
    seen_keys: set[str] = set()
    for (seg_start, _seg_end, is_title), idxs in sorted(by_seg.items()):
        in_basis = any(a <= seg_start < b for a, b in basis)
        in_preamble = info.body_start <= seg_start < info.preamble_end
        anchor: int | None = None  # last full mention (chain end)
        prev_anchor: int | None = None  # the full mention before it
        last: int | None = None  # last mention of any kind (for gaps)
        sent_rel: str | None = None
        sent_start = -1
        children_of: dict[int, list[int]] = {}  # a stated edge's parent -> its children (for its siblings)
        guided: set[int] = set()  # parents listed after "hướng dẫn thực hiện một số điều của": any type follows
        for idx in idxs:
            m = mentions[idx]
            key = _key(m)
            gap_from_last = text[mentions[last].end : m.start] if last is not None else ""
            # short form: "(sau đây viết tắt là Quyết định số 142/QĐ-TTg)", "(Nghị quyết số 45-NQ/TW)"
            if last is not None and key in seen_keys and patterns.SHORT_FORM_LEAD.search(gap_from_last[-80:]):
                m.short_form = True
                last = idx
                continue
            ss = _sentence_start(sentence_starts, seg_start, m.start)
            if ss != sent_start:
                sent_start = ss
                lead = text[ss : m.start]
                if is_title:
                    sent_rel = "implements"
                elif in_preamble and len(lead) < _MAX_LEAD and patterns.BASED_ON_CUE.match(lead):
                    sent_rel = "based_on"
                elif in_preamble and len(lead) < _MAX_LEAD and patterns.IMPLEMENTS_CUE.match(lead):
                    sent_rel = "implements"
                elif in_preamble and len(lead) < _MAX_LEAD and patterns.OWN_PLAN_CUE.search(lead):
                    sent_rel = "implements"  # "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện <doc>"
                elif len(lead) < _MAX_LEAD and patterns.ATTACHED_PLAN_CUE.match(text[seg_start : m.start]):
                    sent_rel = "implements"  # "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai <doc>"
                elif in_basis and lead.strip(" \t-–+•*") == "":
                    sent_rel = "based_on"  # "- Nghị quyết số ..." under "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH"
                else:
                    sent_rel = None
                m.relation = sent_rel or "cites"
                prev_anchor, anchor = anchor, idx
                last = idx
                seen_keys.add(key)
                continue
            gap = text[mentions[anchor].end : m.start] if anchor is not None else ""
            joined = None
            if anchor is not None and prev_anchor is not None \
                    and _joinable(mentions[prev_anchor].doc_type, mentions[anchor].doc_type) \
                    and patterns.JOINED_CHILDREN_GAP.match(text[mentions[prev_anchor].end: mentions[anchor].start]):
                joined = prev_anchor
            if anchor is not None and len(gap) < _MAX_EDGE_GAP and (
                    patterns.EDGE_CUE.match(gap) or _cue_after_unread_issuer(mentions[anchor], gap)):
                children = [anchor] if joined is None else [anchor, joined]
                # "Kế hoạch số 112/KH-UBND ... và Kế hoạch số 356/KH-UBND ... về thực hiện <doc>":
                # both plans of the joined subject implement it
                edges.extend((c, idx) for c in children)
                children_of[idx] = children
                if patterns.GUIDED_PARTS_CUE.search(gap):
                    guided.add(idx)
                m.relation = "cites"
            elif last in children_of and (_co_parents(mentions[last], m) or last in guided) \
                    and patterns.PARENT_SIBLING_GAP.match(gap_from_last):
                # "Kế hoạch số 96/KH-UBND ... về triển khai thực hiện Nghị định 178 và Nghị định số
                # 67/2025/NĐ-CP trên địa bàn tỉnh": the parent's sibling is another parent of the same
                # plan, cited here
                edges.extend((c, idx) for c in children_of[last])
                children_of[idx] = children_of[last]
                if last in guided:
                    guided.add(idx)  # "... một số điều của Luật ..., Nghị định ... và Thông tư ...": the whole list
                m.relation = "cites"
            elif in_preamble and len(gap) < _MAX_EDGE_GAP and patterns.OWN_PLAN_CUE.search(gap):
                m.relation = "implements"  # "..., Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện <doc>"
            elif in_preamble and (cue := _clause_cue(text, mentions[last].end, m.start)) is not None:
                # a new clause of the preamble sentence with its own cue: "Triển khai Quyết định
                # số 569/QĐ-TTg ..., căn cứ Nghị định số 95/2017/NĐ-CP ..." -> based_on; the
                # documents listed after it in that clause share it
                m.relation = sent_rel = cue
            elif sent_rel and last is not None and (patterns.SIBLING_GAP.match(gap_from_last)
                                                    or patterns.NAMED_LAW_SIBLING_GAP.match(gap_from_last)):
                m.relation = sent_rel
            elif sent_rel and _clause_head(text, ss, m.start):
                m.relation = sent_rel
            elif sent_rel and _subject_sibling(m, gap_from_last):
                m.relation = sent_rel
            else:
                m.relation = "cites"
            prev_anchor, anchor = anchor, idx
            last = idx
            seen_keys.add(key)
    return edges


def _joinable(a: str | None, b: str | None) -> bool:
    """Return True if documents of types ``a`` and ``b`` joined by "và" can be the subject of one
    stated edge: one type, or two plan-like ones ("Chương trình hành động số 22-CTr/TU ... và Kế
    hoạch số 40-KH/TU ... thực hiện Nghị quyết số 36-NQ/TW")."""
    if not a or not b:
        return False
    return a == b or (resolve.is_implementing_type(a) and resolve.is_implementing_type(b))


def _co_parents(parent: _M, m: _M) -> bool:
    """Return True if ``m``, joined to a stated edge's ``parent`` by "và" or a comma, is a second parent of that edge.

    Two bare symbols ("thực hiện Nghị định 178 và Nghị định số 67/2025/NĐ-CP"), or two documents
    of one type from one issuer ("thực hiện Nghị quyết số 71-NQ/TW ... của Bộ Chính trị về ... và
    Nghị quyết số 72-NQ/TW ... của Bộ Chính trị"). A sibling of another type or issuer goes back to
    the sentence's own list: in "Kết luận số 52-KL/TW ... về tiếp tục thực hiện Nghị quyết Trung
    ương 7 khóa X và Quyết định số 142/QĐ-TTg ... của Thủ tướng Chính phủ" the decision is the
    conclusion's sibling, not its parent.
    """
    if _bare(parent) and _bare(m):
        return True
    return bool(parent.doc_type) and parent.doc_type == m.doc_type and parent.issuer is not None \
        and m.issuer is not None and parent.issuer.name == m.issuer.name


def _bare(m: _M) -> bool:
    """Return True if mention ``m`` is a symbol or short name with nothing read after it (no date, no issuer)."""
    return m.end == m.sym_end and not m.issuer_written


#: Most words an issuer's name has ("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu": 10 with the dash).
_MAX_ISSUER_WORDS = 14


def _cue_after_unread_issuer(anchor: _M, gap: str) -> bool:
    """Return True if ``gap`` is an issuer phrase that was not recognised, then an edge cue.

    "Kế hoạch số 235-KH/TU ngày 05/7/2024 của Ban Thuờng vụ Tỉnh ủy Lâm Đồng thực hiện Chỉ thị
    số 35-CT/TW": the anchor's "của ..." was written (``_M.issuer_written``) but not read as an
    issuer (an OCR slip, an unknown body), so the gap still holds it; the edge is the same as
    with a recognised issuer when the cue follows the name. The name is read word by word and
    stops at "về" (a subject: "của Ban Chỉ đạo về tăng cường ... thực hiện" states no edge,
    unless the cue starts right there: "về thực hiện").
    """
    if anchor.explicit_issuer or not anchor.issuer_written:
        return False
    im = patterns.ISSUER_TAIL.match(gap)
    if im is None:
        return False
    k = im.end()
    for _ in range(_MAX_ISSUER_WORDS):
        sp = gap.find(" ", k)
        if sp < 0:
            return False
        k = sp + 1
        if patterns.EDGE_CUE.match(gap[sp:]):
            return True
        if gap[k : k + 3].lower() in ("về ", "v/v"):
            return False
    return False


def _basis_spans(doc: CleanDocument) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of "CĂN CỨ ..." sections: from the heading to the next heading of its kind."""
    spans: list[tuple[int, int]] = []
    lines = doc.lines
    i = 0
    while i < len(lines):
        t = lines[i].text
        # BASIS_HEADING starts with spaces and a Roman or decimal number ("\\d" is str.isdecimal):
        # a first-character test spares the regex on almost every line
        first = t[:1]
        if first.isspace():
            first = t.lstrip()[:1]
        m = patterns.BASIS_HEADING.match(t) if first and (first in "IVX" or first.isdecimal()) else None
        if not m:
            i += 1
            continue
        roman = not m.group("num").isdigit()
        j = i + 1
        while j < len(lines):
            h = patterns.NUMBERED_HEADING.match(lines[j].text)
            if h and (not h.group("num").isdigit()) == roman:
                break
            j += 1
        end = lines[j].offset if j < len(lines) else len(doc.text)
        spans.append((lines[i].offset, end))
        i = j
    return spans


def _clause_cue(text: str, lo: int, pos: int) -> str | None:
    """Return the relation a clause cue gives the mention at ``pos`` (after a comma or semicolon
    following the previous mention, which ends at ``lo``), else None.

    ", căn cứ Nghị định số ..." -> "based_on"; "; thực hiện Kế hoạch số ..." -> "implements"
    (issue #3: the cue opens a clause of the preamble, not only its first sentence).
    """
    k = max(text.rfind(",", lo, pos), text.rfind(";", lo, pos))
    if k < 0 or pos - k > _MAX_LEAD:
        return None
    lead = text[k + 1 : pos]
    if patterns.BASED_ON_CUE.match(lead):
        return "based_on"
    if patterns.IMPLEMENTS_CUE.match(lead):
        return "implements"
    return None


def _subject_sibling(m: _M, gap: str) -> bool:
    """Return True if ``m`` is the next document of a cue list written after the previous one's subject.

    "Thực hiện Chỉ thị số 47-CT/TW ngày 25/6/2015 của Ban Bí thư về tăng cường ... và Nghị định
    số 136/2020/NĐ-CP ngày 24/11/2020 của Chính phủ ...": both are implemented. Only a full
    citation counts (its own type word, date and issuer, as Nghị định 30/2020/NĐ-CP, Phụ lục I
    asks of a document's first citation; a written "của <body>" counts whether or not the body is
    recognised, so an OCR slip in the issuer's name does not change the clause), and only when the subject
    in between does not implement something itself ("Kết luận số 52-KL/TW ... về tiếp tục thực
    hiện Nghị quyết số 27-NQ/TW ...": the later document is the subject's, a stated edge or a
    citation, not the citing document's parent).
    """
    if not (m.typed and m.issued_on and m.issuer_written) or len(gap) > _MAX_SUBJECT + _MAX_LEAD:
        return False
    return bool(patterns.SUBJECT_SIBLING_END.search(gap)) and not patterns.SUBJECT_IMPLEMENTS_WORD.search(gap)


def _clause_head(text: str, sent_start: int, pos: int) -> bool:
    """Return True if the mention at ``pos`` starts a new clause of a cue list ("...; Nghị quyết số 107/NQ-CP")."""
    k = text.rfind(";", max(sent_start, pos - 12), pos)  # only "; " or "; và " right before the mention
    return k != -1 and text[k + 1 : pos].strip(" \t").lower() in ("", "và", "căn cứ")


# --------------------------------------------------------------------------- resolve and merge


def _key(m: _M) -> str:
    """Return the identity key of a mention: its symbol's key, or its name for a law cited by name."""
    return resolve.sym_key(m.symbol) if m.symbol else "law:" + resolve.ffold(m.title or "")


def _year(m: _M) -> int | None:
    """Return the year of a mention's document: its date's, else the year written after it ("năm 2023"), else the symbol's ("14/2014/QĐ-TTg")."""
    if m.issued_on:
        return int(m.issued_on[:4])
    if not m.symbol or m.year:
        return m.year
    info = resolve.symbol_info(m.symbol)
    return info.year if info else None


def _inherit(mentions: list[_M], context: Issuer | None) -> None:
    """Give bare mentions the date and issuer of the full mention of the same symbol; fill suffix issuers.

    When the same symbol is written with two different dates (two documents),
    a bare mention cannot be resolved and is dropped (no guessing).
    """
    mentions = [m for m in mentions if m.symbol]  # laws cited by name carry their own date
    dates: dict[str, set[str]] = {}
    issuers: dict[tuple[str, str | None], dict[str, Issuer]] = {}  # (key, date or None) -> explicit issuers
    for m in mentions:
        k = resolve.sym_key(m.symbol)
        if m.issued_on:
            dates.setdefault(k, set()).add(m.issued_on)
        if m.explicit_issuer and m.issuer:
            issuers.setdefault((k, m.issued_on), {})[m.issuer.name] = m.issuer
    for m in mentions:
        k = resolve.sym_key(m.symbol)
        ds = dates.get(k, set())
        if m.issued_on is None:
            if len(ds) == 1:
                m.issued_on = next(iter(ds))
            elif len(ds) > 1:
                m.dropped = True
                continue
        if not m.explicit_issuer:
            names: dict[str, Issuer] = dict(issuers.get((k, None), {}))
            if m.issued_on:
                names.update(issuers.get((k, m.issued_on), {}))
            else:
                for d in ds:
                    names.update(issuers.get((k, d), {}))
            if len(names) == 1:
                m.issuer = next(iter(names.values()))
                m.explicit_issuer = True
            else:
                m.issuer = resolve.issuer_from_suffix(m.symbol, context)


def _display_symbol(symbols: list[str]) -> str:
    """Return the spelling to show: the first one not written in capitals ("72-CTr/TU" over "72-CTR/TU")."""
    for s in symbols:
        if not s.isupper():
            return s
    return symbols[0]


def _merge(original: str, mentions: list[_M]) -> list[Reference]:
    """Return one Reference per referenced document (by id), strongest relation, all mentions."""
    by_id: dict[str, list[_M]] = {}
    order: list[str] = []
    for m in mentions:
        if m.dropped or not m.ref_id:
            continue
        if m.ref_id not in by_id:
            order.append(m.ref_id)
        by_id.setdefault(m.ref_id, []).append(m)
    refs: list[Reference] = []
    for rid in order:
        ms = by_id[rid]
        best = max(ms, key=lambda x: RELATION_STRENGTH[x.relation])
        iss = next((x.issuer for x in ms if x.explicit_issuer and x.issuer), None) or next(
            (x.issuer for x in ms if x.issuer), None)
        issued_on = next((x.issued_on for x in ms if x.issued_on), None)
        refs.append(Reference(
            symbol=_display_symbol([x.symbol for x in ms]) if ms[0].symbol else None,
            doc_type=next((x.doc_type for x in ms if x.doc_type), None),
            issuer=iss.name if iss else None,
            issued_on=issued_on,
            relation=best.relation,
            mentions=[Mention(text=" ".join(original[x.start : x.end].split()), offset=x.start) for x in ms],
            title=_best_title([x.title for x in ms if x.title]),
            issuer_level=iss.level if iss else "unknown",
            issuer_province=iss.province if iss else next((x.scope_province for x in ms if x.scope_province), None),
            issuer_district=iss.district if iss else None,
            year=int(issued_on[:4]) if issued_on else _year(ms[0]),
            id=rid,
        ))
    return refs


def _best_title(titles: list[str]) -> str | None:
    """Return the first subject not written in capitals (a title line in capitals comes first), else the first."""
    for t in titles:
        if not t.isupper():
            return t
    return titles[0] if titles else None


def _edges(mentions: list[_M], idx_pairs: list[tuple[int, int]]) -> list[StatedEdge]:
    """Return the stated edges between other documents, one per (child id, parent id)."""
    out: list[StatedEdge] = []
    seen: set[tuple[str, str]] = set()
    for c, p in idx_pairs:
        child, parent = mentions[c], mentions[p]
        if child.dropped or parent.dropped or not child.ref_id or not parent.ref_id or child.ref_id == parent.ref_id:
            continue
        if not child.symbol or not parent.symbol:
            continue  # laws cited by name state no edges between documents
        key = (child.ref_id, parent.ref_id)
        if key in seen:
            continue
        seen.add(key)
        out.append(StatedEdge(
            child=child.symbol if not child.symbol.isupper() else _display_symbol([x.symbol for x in mentions if x.ref_id == child.ref_id]),
            parent=parent.symbol if not parent.symbol.isupper() else _display_symbol([x.symbol for x in mentions if x.ref_id == parent.ref_id]),
            relation="implements",
            child_issuer=child.issuer.name if child.issuer else None,
            parent_issuer=parent.issuer.name if parent.issuer else None,
            child_id=child.ref_id,
            parent_id=parent.ref_id,
        ))
    return out
