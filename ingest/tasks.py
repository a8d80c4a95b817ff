"""Stage 3c, *find* tasks (who leads, who supports, by when) and reporting lines.

Where tasks are read (issue #3, "Tasks"):

* the parts that assign duties ("NHIỆM VỤ, GIẢI PHÁP", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN",
  "PHÂN CÔNG", "CHẾ ĐỘ BÁO CÁO", ...): every part except purpose, targets, viewpoints, budget,
  situation and scope ("MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "KINH PHÍ", ...); never the preamble
  before the first part, or anything after "Nơi nhận"/the signature — except
* task tables (flattened one cell per line: TT / Nội dung / Cơ quan chủ trì / Cơ quan
  phối hợp / Thời gian), whose rows are tasks: after the body (an appendix, source "appendix",
  section "III.6" = group + row number) or inside a duty part (source "body", section
  "II.2" = part + row number). Cells are read by position when every column is there, else
  classified by content (agency list? deadline?), because empty cells vanish when flattened.

The structure follows Nghị định 30/2020/NĐ-CP (Phụ lục I): parts I, II, III; items 1, 2, 3;
points a, b, c; then bullets. Rules, decided here and tested in tests/test_tasks.py:

* **Agency heading** — an item or point that is only an assignee list ("1. Sở Khoa học và
  Công nghệ", "a) Sở Nội vụ:", "b) Phòng Kinh tế - Hạ tầng chủ trì, phối hợp với ...:") is not
  a task; each bullet or paragraph under it is a task of that assignee.
* **Inline assignee** — "a) Sở Nội vụ: <duty>", "X chủ trì, phối hợp với Y, Z <duty>",
  "X phối hợp với Y <duty>", "Đề nghị X <duty>", "Định kỳ hàng năm X <duty>": X is the lead.
  The plan assigns the duty to X, so X is accountable even when the verb is "phối hợp": the
  agencies after "phối hợp (với)" are the support. The same holds inside a bullet under a
  heading ("- Phối hợp với X ..." under "1. Sở Tài chính": lead Sở Tài chính, support X).
  Support never repeats a lead.
* **Themes** — an item with children and no assignee ("1. Nâng cao hiệu quả ...") is a
  heading, not a task; its paragraphs are tasks with no lead unless they name one at their
  start. A leaf item with no assignee (Party plans' "II- NỘI DUNG" points) is a task with no
  lead: nothing is guessed.
* **Enumerations** — bullets that list documents ("- Nghị quyết Trung ương 7 khóa X ...") are
  part of the preceding duty, not tasks.
* **Deadlines** — the first deadline phrase in the duty (``find_deadline``); a paragraph with
  two or more deadlines in parentheses is one task per clause ("... (hoàn thành xong trong quý
  IV/2019); xây dựng chiến lược ... (hoàn thành trong năm 2020)"). A task without its own
  deadline takes its heading's. A line that is nothing but a deadline right after a duty
  ("Thời gian thực hiện: Quý III/2024.", "Hoàn thành trước 30/6/2025.") is that duty's
  deadline, not a task (``deadlines.deadline_line``).
* **Lists of assignees** are split into bodies and groups (``ingest.agencies.split_mentions``):
  "8. Các sở, ngành khác và UBND các huyện, thị xã, thành phố" leads with two groups.
* **Extent** — a duty runs to its sentence's end across wrapped lines (PDF-to-text output wraps
  mid-sentence: "..., hoàn" / "thành trong 6 tháng đầu năm 2026."), and past a ";" that closes a
  numbered or bulleted duty when the next line goes on in lower case ("...;" / "hằng ngày cập
  nhật bản tin ..."): the duties of a list each open with a label, a bullet or a capital.
* **Text** — the duty's text without the assignee prefix ("Sở Nội vụ: " or "Sở Nội vụ " before
  "chủ trì"); the role words stay ("Chủ trì, phối hợp với Báo Bắc Ninh, ... tăng cường ...").
* **Headings that only announce a list** ("2. Sở Nội vụ chủ trì, thực hiện các nhiệm vụ sau:")
  are agency headings too.
* **Organisations** — the assignee of "c) Name: duty" / "- Name: duty" may be a company, a
  public service unit or another organisation ("Công ty Cổ phần Nước ...", "Bệnh viện Đa khoa
  tỉnh", "Trường Chính trị tỉnh"): its kind is an agency head in ``agency_kinds.json``; prose
  before a colon ("Kết quả cần đạt:") names no agency and leads nothing.
* **Not duties** — a sentence whose subject is followed by "đã"/"đang" reports what was done
  ("Các ngành, địa phương đã chủ động triển khai ...": the assessment of a meeting's
  conclusions), unless "được" follows ("Các đơn vị đã được phân công ... có trách nhiệm ...",
  a relative clause); a notice's closing formula ("Văn phòng UBND tỉnh thông báo để các cơ
  quan, đơn vị biết, thực hiện./.") passes the notice on; a numbered item that heads an
  assessment or targets ("1. Đánh giá chung", "1. Mục tiêu cụ thể") holds no duties, like a
  part with that title. None of them is a task. The copula ends a subject that still leads:
  "Phòng Y tế là cơ quan thường trực, tổng hợp ..." -> lead Phòng Y tế.
* **Frequencies** — "Hằng tuần, X báo cáo ..." opens with how often (P1W, like hằng tháng P1M,
  hằng quý P3M, định kỳ 6 tháng P6M, hằng năm P1Y), then the subject X.

Reporting lines (``find_reporting``) are read from the duties' sentences with "báo cáo": the
sender is the sentence's own subject or the duty's lead; the receiver is the first agency
the report is addressed to ("báo cáo UBND tỉnh", "báo cáo ... về Ban Thường vụ Tỉnh ủy");
the channel is "(thông) qua X", or the first receiver when the sentence reports twice ("báo
cáo về Sở Kế hoạch và Đầu tư để tổng hợp, báo cáo UBND tỉnh"); the period comes from
"Định kỳ 06 tháng", "hằng năm", ....
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest import patterns as P
from ingest.agencies import (AgencyRegistry, expand_abbreviations, is_agency_list, knowledge, known_name_at,
                             purpose_name_end,
                             may_start_agency_list, place_name_ends)
from ingest.deadlines import MAX_ASSIGNEE, deadline_line, find_deadline, find_period, parse_deadline
from ingest.header import signature_title_at
from ingest.model import Agency, CleanDocument, Deadline, DocumentHeader, ReportingLine, Task

_DATA = Path(__file__).parent / "data" / "task_verbs.json"
_MAX_SUBJECT = MAX_ASSIGNEE  # characters: an assignee list longer than this is a sentence, not a subject


@lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern, frozenset[str]]:
    """Return (the pattern of every duty verb phrase, ambiguous verbs) from ``task_verbs.json``."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return P.word_phrase_alternation(data["verbs"]), frozenset(data["ambiguous"])


@lru_cache(maxsize=1)
def _not_after() -> dict[str, tuple[str, ...]]:
    """Return verb -> the words before which it is the end of a noun phrase ("giáo dục thường xuyên"), from ``task_verbs.json``."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return {v: tuple(w + " " for w in ws) for v, ws in data.get("not_after", {}).get("verbs", {}).items()}


def _iter_verbs(text: str):
    """Yield (start, verb) of every duty verb in ``text``, in order (lower-case, whole words).

    Every word start where a verb phrase begins counts, the longest phrase there; phrases may
    overlap ("triển khai thực hiện" gives "triển khai" and "thực hiện"). One regex search per
    hit rather than a lookup per word: the finders call this on every paragraph, and the verbs
    are rare among its words. A generator, because the callers stop at the first verb that
    ends a subject (``take_list``, ``_plan``, ``_has_verb``): on text seen for the first time
    the searches after it are wasted.
    """
    rx, _ = _verbs()
    pos = 0
    while True:
        m = rx.search(text, pos)
        if m is None:
            return
        start = m.start()
        pos = start + 1
        if start and text[start - 1].isalnum():
            continue  # not a word start (``[^\W_]`` is exactly ``str.isalnum``): "thực hiện" in "xthực hiện"
        verb = _verb_name(m.group(0))
        before = _not_after().get(verb)
        if before is not None and text[max(0, start - 20):start].lower().endswith(before):
            continue  # "trung tâm giáo dục thường xuyên": the end of a noun phrase, no verb
        yield start, verb


def _starts_with_verb(text: str) -> bool:
    """Return True if ``text`` opens with an unambiguous duty verb, in either case ("Xây dựng ...", "chủ trì, ...").

    Such a duty names no assignee before its verb, so the subject search has nothing to find;
    an ambiguous verb ("Tổ chức đảng ...", "Quản lý thị trường ...") may be a body's first word.
    """
    rx, ambiguous = _verbs()
    head = text[:40].lstrip()
    m = rx.match(head[:1].lower() + head[1:])
    if m is None or (m.end() < len(head) and head[m.end()].isalnum()):
        return False
    return _verb_name(m.group(0)) not in ambiguous


@lru_cache(maxsize=1024)
def _verb_name(found: str) -> str:
    """Return the verb phrase a match spells, words single-spaced ("tham, mưu" -> "tham mưu")."""
    return " ".join(P.WORD.findall(found))


def _verb_spans(text: str) -> tuple[tuple[int, str], ...]:
    """Return (start, verb) of every duty verb in ``text``, in order (see ``_iter_verbs``)."""
    return tuple(_iter_verbs(text))


# --------------------------------------------------------------------------- structure


@dataclass(slots=True)
class _Block:
    """One structural unit of the body: a part, item, point, bullet or paragraph."""

    kind: str  # "part" | "item" | "point" | "bullet" | "para" | "table"
    label: str | None
    text: str
    offset: int
    span: tuple[int, int] | None = None  # lines of a "table" block (header, end)


@lru_cache(maxsize=32768)
def _line_kind(t: str) -> tuple[str, str | None, str, int] | None:
    """Return (kind, label, text, index of the text in ``t``) of a stripped body line that opens a block, else None.

    Kinds: "part" ("II. NHIỆM VỤ"), "item" ("1. ..."), "point" ("a) ..."), "bullet" ("- ...").
    Cached on the line: headings and bullets recur across plans of one template.
    """
    m = P.PART_HEADING.match(t)
    if m and (m["title"].isupper() or len(m["num"]) > 1 or m["title"][:1].isupper()):
        return "part", m["num"], m["title"].strip(), m.start("title")
    m = P.LETTER_PART_HEADING.match(t)
    if m and len(m["title"]) > 3 and m["title"].isupper():
        return "part", m["num"], m["title"].strip(), m.start("title")
    m = P.ITEM_HEADING.match(t)
    if m:
        return "item", m["num"], m["title"].strip(), m.start("title")
    m = P.POINT_HEADING.match(t)
    if m:
        return "point", m["letter"], m["title"].strip(), m.start("title")
    m = P.TASK_BULLET.match(t)
    if m:
        return "bullet", None, m["body"].strip(), m.start("body")
    return None


#: The longest article title read as a heading ("Điều 2. Tổ chức thực hiện"); a longer one, or one
#: ending a sentence, is the article's text.
_ARTICLE_TITLE = 60


def _blocks(lines, start: int, stop: int) -> list[_Block]:
    """Return the body's blocks between line indexes ``start`` and ``stop``, continuations joined."""
    out: list[_Block] = []
    chapter_title = False  # the line after "Chương III" may be the chapter's title
    for line in lines[start:stop]:
        t = line.text.strip()
        if not t:
            continue
        lead_ws = len(line.text) - len(line.text.lstrip())
        if t[:1] in "Cc" and (cm := P.CHAPTER_HEADING.match(t)) is not None:
            # "Chương III" / "TỔ CHỨC THỰC HIỆN": a chapter of articles; its title no duty
            out.append(_Block("part", None, cm["title"].strip(), line.offset + lead_ws))
            chapter_title = not cm["title"].strip()
            continue
        if t[:1] in "Pp" and (label := _word_part_label(t)) is not None:
            # "Phần thứ hai" / "NHIỆM VỤ, GIẢI PHÁP": a part named in words ("II.1" below it)
            title = P.PART_WORD_HEADING.match(t)["title"].strip()
            out.append(_Block("part", label, title, line.offset + lead_ws))
            chapter_title = not title
            continue
        if chapter_title:
            chapter_title = False
            if t.isupper():
                out[-1].text = t
                continue
        am = P.ARTICLE_HEADING.match(t) if t[:1] in "ĐđD" else None
        if am is not None:
            # "Điều 2. Tổ chức thực hiện": a part of the decision; "Điều 2. Giao Công an tỉnh chủ
            # trì, ...": a part whose text is also its one duty (Nghị định 30/2020/NĐ-CP, Phụ lục I)
            title = am["title"].strip()
            heading = len(title) <= _ARTICLE_TITLE and not title.endswith((".", ";", ":"))
            out.append(_Block("part", f"Điều {am['num']}", title if heading else "", line.offset + lead_ws))
            if title and not heading and not P.DECISION_ACT.match(title):
                # (not "Điều 1. Phê duyệt Đề án ...": the decision's act, no duty)
                out.append(_Block("para", None, title, line.offset + lead_ws + am.start("title")))
            continue
        k = _line_kind(t)
        if k is not None:
            out.append(_Block(k[0], k[1], k[2], line.offset + lead_ws + k[3]))
            continue
        if out and out[-1].kind != "part" and t[:1].islower() and _continues(out[-1]):
            out[-1].text = f"{out[-1].text.rstrip()} {t}"  # a line broken mid-sentence
            continue
        out.append(_Block("para", None, t, line.offset + lead_ws))
    return out


def _continues(block: _Block) -> bool:
    """Return True if a line that starts in lower case after ``block`` goes on with block's text.

    A line broken mid-sentence (PDF-to-text output wraps anywhere: "..., hoàn" / "thành trong
    6 tháng đầu năm 2026.") continues it; so does a clause after ";" that closes a numbered or
    bulleted duty ("2. Bộ X chỉ đạo ...;" / "hằng ngày cập nhật bản tin ..."): with no label and
    no subject of its own it is more of the same duty, while the duties of a list each open with
    a label, a bullet or a capital. After ".", ":" or a ";" ending a plain paragraph the line
    starts a new block.
    """
    end = block.text.rstrip()
    if end.endswith(";"):
        return block.kind in ("item", "point", "bullet")
    return not end.endswith((".", ":"))


def _is_task_part(title: str) -> bool:
    """Return True if a part with this title may assign duties: every part but purpose, targets,
    viewpoints, budget, situation and scope ("MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "KINH PHÍ", ...),
    unless the title also names duties ("MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP")."""
    return not P.NON_TASK_PART_TITLE.search(title) or bool(P.STRONG_TASK_PART_TITLE.search(title))


def _is_task_item(title: str) -> bool:
    """Return False if a numbered item with this title only heads an assessment, targets or purpose.

    Only a title that starts so counts ("1. Đánh giá chung", "2. Kết quả đạt được", "1. Mục tiêu
    cụ thể"): "3. Kiểm tra, đánh giá kết quả thực hiện" is a duty.
    """
    return not P.NON_TASK_PART_TITLE.match(title) or bool(P.STRONG_TASK_PART_TITLE.search(title))


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where the body and the task tables of a document are (line indexes)."""

    start: int  # first line of the body (the first part heading, or 0)
    end: int  # first line after the body ("Nơi nhận", the signature, "PHỤ LỤC")
    tables: tuple[tuple[int, int], ...]  # (header line, end) of each flattened task table


def _layout(doc: CleanDocument) -> _Layout:
    """Return the layout of ``doc``: body bounds and every flattened task table (in the body or after it).

    A table ends at the next part heading, the end of the body, an appendix heading or another
    table's header, because flattened cells carry no other end marker.
    """
    lines = doc.lines
    texts = [l.text.strip() for l in lines]
    first_part = next((i for i, t in enumerate(texts) if P.PART_HEADING.match(t) or _is_letter_part(t)
                       or (t[:1] in "Pp" and _word_part_label(t) is not None)), None)
    if first_part is None:
        # no parts: the body starts at the first article or numbered item, never in the header or preamble
        first_part = next((i for i, t in enumerate(texts) if P.ITEM_HEADING.match(t)
                           or (t[:1] in "ĐđD" and P.ARTICLE_HEADING.match(t))), len(lines))
    end = len(lines)
    for i in range(min(first_part, len(lines)), len(lines)):
        if P.BODY_END.match(texts[i]) or P.APPENDIX_HEADING.match(texts[i]) or signature_title_at(texts, i):
            end = i
            break
    heads = [i for i, t in enumerate(texts) if len(t) <= 6 and _table_header_at(lines, i)]
    tables: list[tuple[int, int]] = []
    for n, i in enumerate(heads):
        if tables and i < tables[-1][1]:
            continue
        j = i + 1
        nxt = heads[n + 1] if n + 1 < len(heads) else len(lines)
        while j < nxt:
            t = texts[j]
            if j == end or P.BODY_END.match(t) or P.APPENDIX_HEADING.match(t) or _is_part_heading(t):
                break
            j += 1
        if tables and tables[-1][1] == i and _header_cells(texts, i) == _header_cells(texts, tables[-1][0]):
            # the same header right where the table stopped: Word repeats a table's header rows on
            # each page, so the table goes on
            tables[-1] = (tables[-1][0], j)
        else:
            tables.append((i, j))
    return _Layout(first_part, end, tuple(tables))


def _header_cells(texts: list[str], i: int) -> tuple[str, ...]:
    """Return the header cells of the flattened table whose header starts at line ``i`` (TT, Nội dung, ...)."""
    j = i + 1
    while j < len(texts) and P.TABLE_HEAD_CELL.match(texts[j]):
        j += 1
    return tuple(texts[i:j])


def _is_part_heading(t: str) -> bool:
    """Return True if line ``t`` is a part heading with a title ("IV. TỔ CHỨC THỰC HIỆN", "C. TỔ CHỨC THỰC HIỆN")."""
    m = P.PART_HEADING.match(t)
    return (bool(m) and len(m["title"]) > 3 and (m["title"].isupper() or len(m["num"]) > 1)) or _is_letter_part(t) \
        or (t[:1] in "Pp" and _word_part_label(t) is not None)


#: Ordinal words of "Phần thứ ..." as Roman numerals (the label the sections below get).
_ORDINALS = {"nhất": "I", "hai": "II", "ba": "III", "tư": "IV", "bốn": "IV", "năm": "V", "sáu": "VI",
             "bảy": "VII", "tám": "VIII", "chín": "IX", "mười": "X"}


def _word_part_label(t: str) -> str | None:
    """Return the Roman label of a part named in words ("Phần thứ hai" -> "II", "Phần III" -> "III"), else None."""
    m = P.PART_WORD_HEADING.match(t)
    if m is None or (m["title"].strip() and not m["title"].isupper()):
        return None  # "Phần II của Kế hoạch này quy định ...": a sentence, not a heading
    if m["ord"]:
        return _ORDINALS[m["ord"].lower()]
    return m["num"]


def _is_letter_part(t: str) -> bool:
    """Return True if line ``t`` is a part lettered in capitals with a title in capitals ("B. NHIỆM VỤ, GIẢI PHÁP")."""
    m = P.LETTER_PART_HEADING.match(t) if t[:1].isupper() else None
    return m is not None and len(m["title"]) > 3 and m["title"].isupper()


def _table_header_at(lines, i: int) -> bool:
    """Return True if a flattened table header (TT, Nội dung, ... ) starts at line ``i``."""
    t = lines[i].text.strip()
    if len(t) > 6:
        return False  # "TT", "STT", "Số TT": the first header cell is short
    m = P.TABLE_HEAD_CELL.match(t)
    if not m or not m["tt"]:
        return False
    roles = [P.TABLE_HEAD_CELL.match(l.text.strip()) for l in lines[i + 1: i + 4]]
    return sum(1 for r in roles if r and (r["text"] or r["lead"] or r["support"] or r["time"])) >= 2


# --------------------------------------------------------------------------- assignees


#: Characters a duty's text may end with that never change the assignee list read from it.
_LIST_TAIL = " :.;,"


def take_list(text: str) -> str:
    """Return the assignee list at the start of running text, cut where the duty's verb begins (see ``_take_list``).

    The same answer as ``_take_list(text)``, read from ``text`` without its trailing spaces and
    ``:.;,``: ``_plan`` reads the support list after "phối hợp với" from the duty with its final
    "." and again from the duty stripped of it (``_duty_words``), and both then share one cache
    entry. Exact: the list ends at the first ":", ";", "(" or ". " (one inside that tail only
    moves the end into the tail), the verbs, unit words and known names looked for all end with
    a letter (the tail has none, and a word boundary is one before it or at the end alike), and
    what is kept is stripped of " ,." (all the tail can add before a ":" or ";" that ends it).
    """
    return _take_list(text.rstrip(_LIST_TAIL))


@lru_cache(maxsize=4096)
def _take_list(text: str) -> str:
    """Return the assignee list at the start of running text, cut where the duty's verb begins.

    Pure in ``text``, so cached: ``_plan`` reads the support list after "phối hợp với" twice
    (for the support and for what remains of the duty), and the duty phrases recur.

    "các sở, ngành có liên quan tham mưu, đề xuất ..." -> "các sở, ngành có liên quan";
    an ambiguous verb right after a comma is still a noun of the list ("các cơ quan, tổ chức có
    liên quan tăng cường ..." -> "các cơ quan, tổ chức có liên quan").
    """
    _, ambiguous = _verbs()
    end = len(text)
    for ch in ":;(":
        k = text.find(ch)
        if 0 <= k < end:
            end = k
    k = text.find(". ")
    if 0 <= k < end:
        end = k
    named = _name_end(text)
    um = P.AFTER_UNIT_WORD.search(text, 0, end)
    if um is not None:
        # a lower-case word after a unit word ends the name: "phối hợp với Ủy ban nhân dân các
        # huyện vận hành các cống" -> "Ủy ban nhân dân các huyện" (the verb need not be listed)
        end = um.end() - 1
    for start, verb in _iter_verbs(text[:end]):
        if start == 0 or start < named:
            continue  # "Ủy ban Kiểm tra ...": a verb inside a known name is part of the name
        if verb in ambiguous and text[:start].rstrip().endswith(","):
            continue
        end = start
        break
    return text[:end].strip(" ,.")


@dataclass(slots=True)
class _Assignment:
    """Who a piece of text assigns its duty to, and the duty's text without the assignee."""

    lead: list[Agency] = field(default_factory=list)
    support: list[Agency] = field(default_factory=list)
    rest: str = ""
    rest_at: int = 0  # index of ``rest`` in the analysed text
    heading: bool = False  # the text is only an assignee list (an agency heading)
    no_duty: bool = False  # the text assigns nothing (a report of what was done, a closing formula)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a duty's text says about its assignees, as text (no registry involved yet)."""

    subject: str | None  # the lead's assignee list as written, or None
    support_text: str | None  # the support list after "phối hợp (với)", or None when there is none
    rest: str
    rest_at: int
    heading: bool
    no_duty: bool = False  # a report of what was done, or a notice's closing formula: no duty at all


@lru_cache(maxsize=16384)
def _plan(text: str) -> _Plan:
    """Return the textual analysis of a duty's start: lead list, support list, remaining duty.

    Pure in ``text`` (``is_agency_list`` does not depend on the issuer), so it is cached:
    ``find_reporting`` re-reads the duties' sentences, and plans repeat the same duty phrases.
    The registry only turns the lists into agencies afterwards (``_assign``).
    """
    return _analyse(text)


def _analyse(text: str, verb_first_shortcut: bool = True) -> _Plan:
    """Return ``_plan``'s analysis of ``text``; ``verb_first_shortcut=False`` runs every subject search.

    The shortcut skips the subject searches of a duty that opens with its verb (a third of
    the duties of the samples and held-out plans: "Xây dựng ...", "Chủ trì, phối hợp ..."),
    the costliest case, where every search runs and finds nothing; the speed-invariant tests
    check on real lines that it changes no result.
    """
    t, at = text, 0
    if ("hụ lục" in t or "HỤ LỤC" in t or "phân công" in t) and P.APPENDIX_POINTER.match(t):
        # "(Chi tiết tại Phụ lục kèm theo)": where the duties are, not one of them
        return _Plan(subject=None, support_text=None, rest=text, rest_at=0, heading=False, no_duty=True)
    if ("hiệu lực" in t or "thi hành" in t or "này" in t) and P.DECISION_CLOSING.search(t):
        # "Quyết định này có hiệu lực kể từ ngày ký.", "... chịu trách nhiệm thi hành Quyết định này./.":
        # the decision's closing articles, a form
        return _Plan(subject=None, support_text=None, rest=text, rest_at=0, heading=False, no_duty=True)
    if P.PLAN_CLOSING.match(t):
        # "Trên đây là Kế hoạch ... ./.": the plan's summing-up closing sentence, no duty
        return _Plan(subject=None, support_text=None, rest=text, rest_at=0, heading=False, no_duty=True)
    if ("biết" in t or "BIẾT" in t) and P.NOTICE_CLOSING.search(t):
        # "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.": the office
        # passes the notice on; the duties are in the points above
        return _Plan(subject=None, support_text=None, rest=text, rest_at=0, heading=False, no_duty=True)
    m = P.REQUEST_PREFIX.match(t)
    if m:
        at = m.end()
    elif "yêu cầu" in t or "đề nghị" in t or " giao " in t:
        m = P.REQUEST_AFTER_NAME.search(t, 0, _MAX_SUBJECT)
        if m is not None and is_agency_list(t[:m.start()]):
            at = m.end()  # "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy ... quán triệt": the bodies asked
    m = P.LEADING_TIME.match(t, at)
    if m:
        at = m.end()
    body = t[at:]
    subject, rest_at = None, None
    # "Xây dựng chiến lược ...", "Chủ trì, phối hợp với ...": the duty comes first, so no subject
    # precedes it (an embedded lead may follow); the subject searches below are skipped
    verb_first = verb_first_shortcut and _starts_with_verb(body)
    colon = body.find(":")
    if not verb_first and 0 < colon <= _MAX_SUBJECT and is_agency_list(body[:colon]):
        subject, rest_at = body[:colon], colon + 1
    if subject is None and not verb_first:
        whole = body.strip().rstrip(":.;").strip()
        if whole and len(whole) <= _MAX_SUBJECT and not _has_verb(_without_field_verb(_without_asides(whole)),
                                                                   _name_end(whole)) \
                and is_agency_list(whole):
            return _Plan(subject=whole, support_text=None, rest="", rest_at=len(text), heading=True)
        _, ambiguous = _verbs()
        window = body[: _MAX_SUBJECT + 20]
        named = _name_end(body)
        if " đã " in window or " đang " in window or " là " in window:
            # (only a subject with no duty verb in it: in "chính quyền các cấp xác định công tác ...
            # là việc quan trọng" the subject ended at the verb; the verb test first, it is cheaper)
            am = P.SUBJECT_MARKER.search(window)
            if am is not None and am.start() > 0 and not _has_verb(window[:am.start()], named) \
                    and is_agency_list(window[:am.start()].rstrip(" ,")):
                if am["word"] != "là" and not P.PASSIVE_AFTER.match(window, am.end()):
                    # "Các ngành, địa phương đã chủ động triển khai ...": an agency list then an
                    # aspect marker reports what was (is being) done; an assessment, no assignment
                    return _Plan(subject=None, support_text=None, rest=text, rest_at=0, heading=False, no_duty=True)
                # "Phòng Y tế là cơ quan thường trực, tổng hợp ...", "Các đơn vị đã được phân công
                # ... có trách nhiệm ...": a role or a relative clause after the subject, which leads
                subject, rest_at = window[:am.start()].rstrip(" ,"), am.start()
        # where a subject may end: before a duty verb, else before the first lower-case word after
        # a unit word or a province's name ("Báo Nghệ An, Đài Phát thanh và Truyền hình tỉnh mở
        # chuyên mục ...", "Báo và Phát thanh, Truyền hình Đà Nẵng mở chuyên trang ...")
        for kind in ((0, 1) if subject is None else ()):
            bounds = _iter_verbs(window) if kind == 0 else _name_bounds(window)
            for n, (vstart, verb) in enumerate(bounds):
                if n >= 8:
                    break
                if vstart < named:
                    continue  # "Ủy ban kiểm tra các huyện ủy ...": the verb is a word of the body's name
                prefix = body[:vstart].rstrip(" ,")
                if verb in ambiguous and body[:vstart].rstrip().endswith(","):
                    continue  # "Cấp ủy, tổ chức đảng, ...": a noun of the list, not the duty's verb
                if prefix and is_agency_list(prefix):
                    subject, rest_at = prefix, vstart
                    break
            if subject is not None:
                break
    if subject is None:
        if "trì" in t:
            for em in P.EMBEDDED_LEAD.finditer(t):
                # "Rà soát ..., giao Sở Dân tộc và Tôn giáo chủ trì, phối hợp với ...": the duty first,
                # then who leads it; the text stays the whole duty
                if is_agency_list(em["who"].strip()):
                    return _Plan(subject=em["who"].strip(), support_text=_support_text(text), rest=text, rest_at=0,
                                 heading=False)
        return _Plan(subject=None, support_text=_support_text(text), rest=text, rest_at=0, heading=False)
    tail = body[rest_at:]
    rest = tail.strip()
    rest_idx = at + rest_at + (len(tail) - len(tail.lstrip()))
    return _Plan(subject=subject, support_text=_support_text(rest), rest=rest, rest_at=rest_idx,
                 heading=not _duty_words(rest))


def _assign(text: str, registry: AgencyRegistry) -> _Assignment:
    """Return the assignment a duty's text states at its start (lead, support, remaining duty).

    The lists are resolved lead first, then support, the order the registry must see them in
    (it merges spelling variants into the first one seen).
    """
    p = _plan(text)
    lead = registry.resolve_list(p.subject) if p.subject is not None else []
    support = registry.resolve_list(p.support_text) if p.support_text is not None else []
    return _Assignment(lead=lead, support=_minus(support, lead), rest=p.rest, rest_at=p.rest_at, heading=p.heading,
                       no_duty=p.no_duty)


def _name_bounds(window: str) -> list[tuple[int, str]]:
    """Return (offset, "") of every lower-case word that follows a unit word or a province's name in ``window``, in order.

    Where an agency name with no duty verb after it may end ("... Truyền hình tỉnh mở chuyên
    mục", "... Truyền hình Đà Nẵng mở chuyên trang"): ``P.AFTER_UNIT_WORD``,
    ``agencies.place_name_ends``.
    """
    units = [m.end() - 1 for m in P.AFTER_UNIT_WORD.finditer(window)]
    if not may_start_agency_list(window):
        return [(at, "") for at in units]  # no subject can end at any of them: skip the province search
    return [(at, "") for at in sorted(set(units).union(place_name_ends(window)))]


def _has_verb(text: str, named: int = 0) -> bool:
    """Return True if ``text`` holds a duty verb (an ambiguous one right after a comma does not count,
    nor one starting before ``named``, inside the known name that starts the text)."""
    _, ambiguous = _verbs()
    return any(not (v in ambiguous and text[:at].rstrip().endswith(",")) for at, v in _iter_verbs(text)
               if at > 0 and at >= named)


def _without_asides(heading: str) -> str:
    """Return a heading without its bracketed asides ("Tổ công tác ... (thành lập theo Quyết định số ...)")."""
    return P.PAREN_ASIDE.sub("", heading).rstrip() if "(" in heading else heading


def _without_field_verb(heading: str) -> str:
    """Return a heading line without a duty verb that ends it after "và" or a comma, the last field of a body's name.

    "Phòng Quản lý quy hoạch và xây dựng" -> "Phòng Quản lý quy hoạch và": a duty verb takes an
    object, so one that ends the line names a field ("Quy hoạch và Xây dựng"), the way a heading
    names its body; "Sở Y tế chủ trì" keeps its verb (no "và" before it).
    """
    last = None
    for at, verb in _iter_verbs(heading):
        last = (at, verb)
    if last is None or last[0] + len(last[1]) != len(heading):
        return heading
    head = heading[:last[0]].rstrip()
    return head if head.endswith((" và", ",")) else heading


def _name_end(text: str) -> int:
    """Return where the official name of a known body that starts ``text`` ends, else 0.

    Some names hold a duty verb: "Ủy ban Kiểm tra" (Điều lệ Đảng, Điều 32), "Sở Nông nghiệp và
    Phát triển nông thôn"; a verb before this offset is a word of the name, never the duty's.
    """
    known = known_name_at(text)
    return max(len(known) if known is not None else 0, purpose_name_end(text))


def _duty_words(rest: str) -> str:
    """Return what remains of a duty once the role words and support list are removed ("" for a heading)."""
    r = rest.strip(" :.;,")
    m = P.LEAD_WORD.match(r)
    if m:
        r = r[m.end():].strip(" ,")
    m = P.SUPPORT_INTRO.match(r)
    if m:
        lst = take_list(r[m.end():])
        if not lst or is_agency_list(lst):
            r = r[m.end() + len(lst):]
        # else "phối hợp thực hiện": no list of bodies after "phối hợp", the coordinating is the duty
    return r.strip(" :.;,")


def _support_text(text: str) -> str | None:
    """Return the support list a duty's text names after "phối hợp (với)" (first occurrence), else None."""
    if "ố" not in text and "Ố" not in text:
        # every match of ``P.SUPPORT_INTRO`` holds "ố" in one of its two cases (the only
        # characters a case-blind "ố" matches): two C-level scans rule out most paragraphs
        # before the regex tries each "p" of the text
        return None
    m = P.SUPPORT_INTRO.search(text)
    if not m:
        return None
    rest = text[m.end():]
    if rest[:1].islower() and not m.group(0).rstrip().lower().endswith(("với", "cùng")) \
            and not rest.startswith(("các ", "những ", "mọi ")):
        # "phối hợp tổ chức thực hiện tại ấp": without "với" a lower-case word after "phối hợp" is
        # the verb it goes with, not a body (bodies are capitalised or a group: "phối hợp các sở")
        return None
    return take_list(rest)


# --------------------------------------------------------------------------- body tasks


@dataclass(slots=True)
class _Context:
    """The assignee context a heading sets for what follows it."""

    label: str
    lead: list[Agency] = field(default_factory=list)
    support: list[Agency] = field(default_factory=list)
    deadline: Deadline | None = None
    leaf: bool = False  # the heading was itself a complete task


@dataclass(slots=True)
class _Found:
    """A task with its full text (for reporting lines) before ids are given."""

    task: Task
    full_text: str
    lead: list[Agency]


def _minus(agencies: list[Agency], lead: list[Agency]) -> list[Agency]:
    """Return ``agencies`` without the lead ones (a body does not support its own duty)."""
    if not lead:
        return agencies
    ids = {id(a) for a in lead}
    return [a for a in agencies if id(a) not in ids]


def _names(agencies: list[Agency]) -> list[str]:
    """Return the canonical names of ``agencies``."""
    return [a.name for a in agencies]


def _has_children(blocks: list[_Block], i: int) -> bool:
    """Return True if the item/point at ``i`` is followed by its own points, bullets or paragraphs."""
    if i + 1 >= len(blocks):
        return False
    nxt, cur = blocks[i + 1], blocks[i]
    if nxt.kind in ("bullet",) or (nxt.kind == "point" and cur.kind == "item"):
        return True
    if nxt.kind == "para":
        return not cur.text.rstrip().endswith((".", ";", "./", "./."))
    return False


@dataclass(frozen=True, slots=True)
class _Piece:
    """One assignment inside a duty's text: where it starts, its analysis, the subjects that join it."""

    start: int
    plan: _Plan | None  # None for the first piece: it keeps the lead the duty was given
    joining: tuple[str, ...] = ()  # subjects of later clauses that only coordinate it, as written


@lru_cache(maxsize=4096)
def _assignment_pieces(text: str) -> tuple[_Piece, ...]:
    """Return the assignments one duty's text states, in order (a single piece when it states one).

    A later piece starts at an ``ASSIGNMENT_BOUNDARY`` ("; ", a sentence's end) followed by a
    clause that opens with its own assignee and duty: "Bộ trưởng Bộ Giáo dục và Đào tạo chỉ đạo
    ...; Bộ trưởng Bộ Y tế chỉ đạo ...". A clause whose assignee only coordinates ("UBND các
    huyện phối hợp thực hiện.") stays in the piece before it and names a support of it.
    """
    pieces = [_Piece(0, None)]
    if ";" not in text and ". " not in text:
        return tuple(pieces)
    bounds = [m.end() for m in P.ASSIGNMENT_BOUNDARY.finditer(text)]
    for n, at in enumerate(bounds):
        clause = text[at:bounds[n + 1]] if n + 1 < len(bounds) else text[at:]
        p = _plan(clause.rstrip())
        if p.subject is None or p.rest_at == 0 or p.no_duty:
            continue  # no assignee of its own ("Thời gian: Quý II/2025", "Rà soát ..., giao X chủ trì")
        if P.SUPPORT_ONLY_REST.match(p.rest):
            last = pieces[-1]
            pieces[-1] = _Piece(last.start, last.plan, last.joining + (p.subject,))
        elif not p.heading:
            pieces.append(_Piece(at, p))
    return tuple(pieces)


def _split_clauses(text: str, year: int | None) -> list[tuple[str, int]]:
    """Return the clauses of a paragraph that states several parenthesised deadlines, with their offsets."""
    if text.count("(") < 2:
        return [(text, 0)]
    cuts = [m.end() for m in P.PAREN_ASIDE.finditer(text) if find_deadline(m["inner"], year)]
    if len(cuts) < 2:
        return [(text, 0)]
    out, start = [], 0
    for c in cuts[:-1]:
        k = min((x for x in (text.find(";", c), text.find(". ", c)) if x >= 0), default=-1)
        if k < 0:
            continue
        out.append((text[start:k + 1].strip(), start))
        start = k + 1
        while start < len(text) and text[start] == " ":
            start += 1
    out.append((text[start:].strip(), start))
    return [(t, o) for t, o in out if t]


def _body_tasks(doc: CleanDocument, layout: _Layout, year: int | None, registry: AgencyRegistry) -> list[_Found]:
    """Return the tasks of the body's duty parts (tables in the body included), in document order."""
    blocks: list[_Block] = []
    pos = layout.start
    for a, b in layout.tables:
        if a >= layout.end:
            break
        blocks += _blocks(doc.lines, pos, a)
        blocks.append(_Block("table", None, "", doc.lines[a].offset, (a, b)))
        pos = b
    blocks += _blocks(doc.lines, pos, layout.end)
    has_parts = any(b.kind == "part" for b in blocks)
    in_task_part = not has_parts
    skip_item = False  # inside an item that is an assessment or target heading
    part = ""
    item: _Context | None = None
    point: _Context | None = None
    found: list[_Found] = []
    last_emit = -1  # index of the block that emitted the last tasks
    first_of_last = 0  # index in ``found`` of the first task that block emitted

    def emit(text: str, offset: int, section: str, lead, support, deadline, full: str) -> None:
        """Append the task(s) of one duty's text to ``found``: one per assignment it states, and
        within each, one per clause with its own deadline."""
        nonlocal last_emit, first_of_last
        last_emit, first_of_last = i, len(found)
        pieces = _assignment_pieces(text)
        fallback = deadline
        if len(pieces) > 1 and deadline is not None and deadline.text in text:
            fallback = None  # the block's deadline is stated in one assignment: that one's ("...; Y làm Z (quý II/2025)")
        for n, piece in enumerate(pieces):
            end = pieces[n + 1].start if n + 1 < len(pieces) else len(text)
            if piece.plan is None:
                at, plead, psup = 0, lead, support
                # the whole block counts ("Định kỳ hàng năm các sở ... báo cáo" keeps P1Y), up to the next assignment
                scope = full if len(pieces) == 1 else (full[:len(full) - len(text) + end] if full.endswith(text)
                                                       else text[:end])
            else:
                at = piece.start + piece.plan.rest_at
                plead = registry.resolve_list(piece.plan.subject)
                psup = registry.resolve_list(piece.plan.support_text) if piece.plan.support_text is not None else []
                scope = text[piece.start:end]
            for extra in piece.joining:
                psup = psup + [a for a in registry.resolve_list(extra) if a not in psup]
            body = text[at:end].strip()
            if end < len(text):
                body = body.rstrip(" ;")  # the separator before the next assignment
            at += len(text[at:end]) - len(text[at:end].lstrip())
            clauses = _split_clauses(body, year)
            for clause, off in clauses:
                dl = find_deadline(clause if len(clauses) > 1 else scope, year) or fallback
                t = clause[:1].upper() + clause[1:]
                sup = _minus(psup, plead)
                found.append(_Found(Task(section=section, text=t, lead=_names(plead), support=_names(sup),
                                         deadline=dl, offset=offset + at + off, source="body"), full, list(plead)))

    # an article headed by an agency ("Điều 5. Sở Công Thương"): the lead of its items and paragraphs,
    # resolved when first used (an unused heading registers no agency)
    part_subject: str | None = None
    part_ctx: _Context | None = None

    def part_context() -> _Context | None:
        """Return the context the current article's agency heading gives, resolving it on first use."""
        nonlocal part_ctx
        if part_ctx is None and part_subject is not None:
            a = _assign(part_subject, registry)
            part_ctx = _Context(label=part, lead=a.lead, support=a.support) if a.lead else None
        return part_ctx

    for i, b in enumerate(blocks):
        if b.kind == "part":
            part, item, point = b.label or "", None, None
            in_task_part, skip_item = _is_task_part(b.text), False
            part_subject, part_ctx = None, None
            if b.label and b.label.startswith("Điều") and b.text:
                pp = _plan(b.text)
                if pp.heading and pp.subject is not None:
                    part_subject = b.text
            continue
        if b.kind == "table":
            # a task table inside the body: its rows are tasks of this part ("III.2" = row 2)
            found.extend(_table_tasks(doc, b.span[0], b.span[1], part, "body", year, registry))
            continue
        if not in_task_part:
            continue
        if b.kind == "item":
            # a numbered item that heads an assessment or targets ("1. Đánh giá chung", "1. Mục
            # tiêu") holds no duties, like a part with that title (a notice of conclusions has no
            # Roman parts: its items are its parts)
            skip_item = _has_children(blocks, i) and not _is_task_item(b.text)
        if skip_item:
            continue
        if b.kind in ("item", "point"):
            if b.kind == "item":
                item, point = None, None
                label = ".".join(x for x in (part, b.label) if x)
            else:
                point = None
                label = f"{item.label}.{b.label}" if item is not None else ".".join(x for x in (part, b.label) if x)
            a = _assign(b.text, registry)
            inherited = item if b.kind == "point" and item is not None and not item.leaf else None
            if inherited is None and b.kind == "item" and part_subject is not None and not a.lead:
                inherited = part_context()
            lead = a.lead or (inherited.lead if inherited else [])
            support = a.support if a.lead else (a.support or (inherited.support if inherited else []))
            deadline = find_deadline(b.text, year) or (inherited.deadline if inherited else None)
            children = _has_children(blocks, i)
            ctx = _Context(label=label, lead=lead, support=support, deadline=deadline)
            generic = children and a.lead and P.GENERIC_DUTY.search(b.text) and len(_duty_words(a.rest).split()) <= 8
            if not (a.heading or generic or a.no_duty or (children and not a.lead)):
                # a duty of its own (not an agency heading, not a theme heading)
                emit(a.rest or b.text, b.offset + a.rest_at, label, lead, support, deadline, b.text)
                ctx.leaf = not children
            if b.kind == "item":
                item = ctx
            else:
                point = ctx
            continue
        ctx = point or item
        if b.kind == "bullet" and P.DOCUMENT_BULLET.match(b.text):
            continue  # an enumeration of documents inside the previous duty
        if b.kind == "para" and found and last_emit == i - 1:
            rm = P.CELL_ROLE.match(b.text.strip())
            who = rm["who"].rstrip(" .;") if rm is not None else ""
            if who and registry.is_agency_list(who):
                # "Chủ trì: Ban Tuyên giáo Đảng ủy Khối." / "Phối hợp: ..." on the lines after a duty:
                # its lead and supports, labelled as a task table's columns would be
                named = registry.resolve_list(who)
                for f in found[first_of_last:]:
                    if rm["role"].lower().startswith("ch"):
                        if not f.task.lead:
                            f.lead = list(named)
                            f.task.lead = _names(named)
                            f.task.support = [x for x in f.task.support if x not in f.task.lead]
                    else:
                        f.task.support += [x for x in _names(_minus(named, f.lead)) if x not in f.task.support]
                last_emit = i  # the next label line goes on with the same duty
                continue
            dl = deadline_line(b.text, year)
            if dl is not None:
                # "Thời gian thực hiện: Quý III/2024." on the line after a duty is that duty's deadline
                for f in found[first_of_last:]:
                    if f.task.deadline is None:
                        f.task.deadline = Deadline(dl.text, dl.kind, dl.due, dl.period)  # a copy per task
                last_emit = i  # a further deadline line would be this one's continuation, not a duty
                continue
        if b.kind == "para" and ctx is not None and ctx.leaf:
            ctx = None  # a paragraph after a complete numbered duty belongs to the part
            point, item = None, None
        section = ctx.label if ctx else part
        a = _assign(b.text, registry)
        if a.no_duty:
            continue  # "Các ngành, địa phương đã triển khai ...", "Văn phòng ... thông báo để ... biết"
        lead = a.lead or (ctx.lead if ctx else [])
        support = a.support if a.lead else (a.support or (ctx.support if ctx else []))
        if not lead and ctx is None and part_subject is not None and (pc := part_context()) is not None:
            lead, support = pc.lead, support or pc.support  # a paragraph of an article headed by its agency
        if a.heading:
            # "- Các sở, ban, ngành:" under a heading: a sub-heading for what follows
            sub = _Context(label=section, lead=lead, support=support, deadline=ctx.deadline if ctx else None)
            if point is not None:
                point = sub
            else:
                item = sub
            continue
        emit(a.rest or b.text, b.offset + a.rest_at, section, lead, support, ctx.deadline if ctx else None, b.text)
    return found


# --------------------------------------------------------------------------- appendix tasks


def _appendix_tasks(doc: CleanDocument, layout: _Layout, year: int | None, registry: AgencyRegistry) -> list[_Found]:
    """Return the rows of every flattened task table after the body, as tasks with source "appendix"."""
    found: list[_Found] = []
    for a, b in layout.tables:
        if a >= layout.end:
            found.extend(_table_tasks(doc, a, b, None, "appendix", year, registry))
    return found


def _table_tasks(doc: CleanDocument, start: int, stop: int, part: str | None, source: str,
                 year: int | None, registry: AgencyRegistry) -> list[_Found]:
    """Return the rows of the flattened table between lines ``start`` (its header) and ``stop`` as tasks.

    Rows start at their number cell; numbers run 1, 2, 3 within a group, so a number that breaks
    the sequence ("500" in a budget column) is a cell, not a new row. A Roman cell ("III") starts
    a group, whose theme line is not a task. Section: "III.6" (group + row), else part + row.
    """
    lines = doc.lines
    i = start + 1
    roles: list[str] = []
    while i < stop and (hm := P.TABLE_HEAD_CELL.match(lines[i].text.strip())):
        roles.append(next(k for k, v in hm.groupdict().items() if v))
        i += 1
    found: list[_Found] = []
    group: str | None = None
    last = 0
    last_sub = 0  # the last sub-row ("1.2") of row ``last``
    parent: _Found | None = None  # row ``last``'s task, while it may still turn out to head sub-rows

    def row_start(t: str) -> bool:
        """Return True if cell ``t`` is the next row's number (1 after a group, else last + 1),
        or the next sub-row's ("1.1" after row 1, "1.2" after "1.1")."""
        m = P.NUMBER_CELL.match(t)
        if m is not None:
            return int(m["num"]) in (last + 1, 1)
        m = P.SUB_NUMBER_CELL.match(t) if "." in t else None
        return m is not None and int(m["num"]) == last and int(m["sub"]) in (last_sub + 1, 1)

    while i < stop:
        t = lines[i].text.strip()
        m = P.ROMAN_CELL.match(t)
        if m:
            group, last, last_sub, parent = m["num"], 0, 0, None
            i += 1
            while i < stop and not row_start(lines[i].text.strip()) and not P.ROMAN_CELL.match(lines[i].text.strip()):
                i += 1  # the group's theme line(s)
            continue
        if not row_start(t):
            i += 1
            continue
        sm = P.SUB_NUMBER_CELL.match(t)
        if sm is not None:
            # "1.1" under row 1: a duty of its own; row 1, if it names no agency and no time, only heads them
            if parent is not None and not (parent.task.lead or parent.task.support or parent.task.deadline) \
                    and found and found[-1] is parent:
                found.pop()
            parent = None
            last_sub = int(sm["sub"])
            row = f"{sm['num']}.{sm['sub']}"
        else:
            row = P.NUMBER_CELL.match(t)["num"]
            last, last_sub = int(row), 0
        j = i + 1
        cells = []
        while j < stop:
            c = lines[j].text.strip()
            if row_start(c) or P.ROMAN_CELL.match(c):
                break
            if len(c) <= 6 and _table_header_at(lines, j):
                # the header repeated on a new page ("TT" / "Nội dung nhiệm vụ" / ...): no cell of this row
                j += len(_header_cells([l.text.strip() for l in lines[j:stop]], 0))
                continue
            cells.append(lines[j])
            j += 1
        if cells:
            prefix = group or part
            f = _row_task(cells, roles, f"{prefix}.{row}" if prefix else row, year, registry)
            f.task.source = source
            found.append(f)
            parent = f if sm is None else None
        i = j
    return found


def _row_task(cells, roles: list[str], section: str, year: int | None, registry: AgencyRegistry) -> _Found:
    """Return the task of one table row.

    When the row has exactly one cell per header column (after TT) and the agency columns hold
    agencies, cells are read by position; otherwise (missing cells, text split over several
    lines) each cell is classified by content: the first is the duty's text, agency lists are
    the lead then the support, a deadline-like short cell is the deadline, and a cell of a
    "Sản phẩm"/"Ghi chú" column is skipped.
    """
    texts = [c.text.strip() for c in cells]
    if roles and len(texts) == len(roles) and all(
            registry.is_agency_list(t) for t, r in zip(texts, roles) if r in ("lead", "support")):
        by_role: dict[str, str] = {}
        for t, r in zip(texts, roles):
            by_role.setdefault(r, t)
        text = _cell_text([by_role.get("text", texts[0])])
        lead = registry.resolve_list(by_role["lead"]) if "lead" in by_role else []
        support = _minus(registry.resolve_list(by_role["support"]), lead) if "support" in by_role else []
        deadline = parse_deadline(by_role["time"], year) if "time" in by_role else None
    else:
        text_parts: list[str] = []
        agencies: list[str] = []
        deadline = None
        other_before_lead = "other" in roles and "lead" in roles and roles.index("other") < roles.index("lead")
        roles_in_cells: dict[str, str] = {}
        for n, c in enumerate(texts):
            if n == 0 or (not agencies and P.TASK_BULLET.match(c) and not P.CELL_ROLE.match(c)):
                text_parts.append(c)
                continue
            in_cell = _cell_roles(c, registry) if not agencies else None
            if in_cell:
                # one agency column holding both roles: "Chủ trì: Sở Y tế" / "Phối hợp: Sở Tài chính"
                # (a cell each, or both in one), or "Sở Y tế chủ trì, phối hợp Sở Tài chính"
                roles_in_cells.update(in_cell)
                continue
            if deadline is None and len(c.split()) <= 12 and not registry.is_agency_list(c):
                dl = parse_deadline(c, year)
                if dl is not None:
                    deadline = dl
                    continue
            if len(agencies) < 2 and registry.is_agency_list(c):
                if not agencies and other_before_lead and len(text_parts) > 1 \
                        and not P.TASK_BULLET.match(text_parts[-1]):
                    text_parts.pop()  # the "Sản phẩm" cell between the duty and its lead
                agencies.append(c)
                continue
            if not agencies and deadline is None:
                text_parts.append(c)  # the duty's text continues on another line
        text = _cell_text(text_parts)
        if roles_in_cells:
            agencies = [roles_in_cells.get("lead", ""), roles_in_cells.get("support", "")]
        lead = registry.resolve_list(agencies[0]) if agencies and agencies[0] else []
        support = _minus(registry.resolve_list(agencies[1]), lead) if len(agencies) > 1 and agencies[1] else []
    return _Found(Task(section=section, text=text, lead=_names(lead), support=_names(support), deadline=deadline,
                       offset=cells[0].offset, source="appendix"), text, lead)


def _cell_roles(cell: str, registry: AgencyRegistry) -> dict[str, str]:
    """Return {"lead"/"support": agency list} a cell of an agency column states with role words, else {}.

    "Chủ trì: Sở Y tế" -> lead; "Chủ trì: Sở Nông nghiệp và PTNT; Phối hợp: UBND các huyện" -> both;
    "Sở Nông nghiệp và PTNT chủ trì, phối hợp Sở Tài nguyên và Môi trường" (a "Cơ quan thực hiện"
    column) -> both. A cell that says more than who ("Sở Y tế chủ trì tổ chức tập huấn") is no
    such cell: its text is a duty.
    """
    out: dict[str, str] = {}
    parts = P.CELL_ROLE_NEXT.split(cell)
    for part in parts:
        rm = P.CELL_ROLE.match(part.strip())
        if rm is None or not registry.is_agency_list(rm["who"].rstrip(" .;")):
            out = {}
            break
        out["lead" if rm["role"].lower().startswith("ch") else "support"] = rm["who"].rstrip(" .;")
    if out or "chủ trì" not in cell.lower():
        return out
    p = _plan(cell)
    if p.subject is not None and p.heading and not p.no_duty and "chủ trì" in p.rest.lower():
        out["lead"] = p.subject
        if p.support_text and registry.is_agency_list(p.support_text):
            out["support"] = p.support_text
    return out


def _cell_text(parts: list[str]) -> str:
    """Return the duty's text from its cell lines, bullets unmarked: ["- A.", "- B"] -> "A. B"."""
    out = []
    for p in parts:
        m = P.TASK_BULLET.match(p)
        out.append(m["body"] if m else p)
    return " ".join(out).strip()


# --------------------------------------------------------------------------- public API

_MEMO: dict[str, tuple] = {}


def _year(header: DocumentHeader) -> int | None:
    """Return the year the document was issued, to complete "quý II" without a year."""
    if header and header.issued_on and header.issued_on[:4].isdigit():
        return int(header.issued_on[:4])
    return None


def _found(doc: CleanDocument, header: DocumentHeader, registry: AgencyRegistry) -> list[_Found]:
    """Return the body and appendix tasks of ``doc`` (computed once per document and registry)."""
    # find_reporting reads the same tasks: remember the last document's (the registry object is
    # kept in the memo, so a new registry can never be mistaken for it by a reused id)
    hit = _MEMO.get("last")
    if hit is not None and hit[0] is registry and hit[1] is doc:
        return hit[2]
    year = _year(header)
    layout = _layout(doc)
    decision = _decision_before(doc, layout)  # a decision's articles before the plan it issues
    attached = _issued_after(doc, layout)  # a Quy chế (plan) issued with the decision, after its signature
    found = (_body_tasks(doc, decision, year, registry) if decision is not None else []) \
        + _body_tasks(doc, layout, year, registry) \
        + (_body_tasks(doc, attached, year, registry) if attached is not None else []) \
        + _appendix_tasks(doc, layout, year, registry)
    _MEMO["last"] = (registry, doc, found)
    return found


def _issued_after(doc: CleanDocument, layout: _Layout) -> _Layout | None:
    """Return the layout of a document issued with the decision whose body ``layout`` is, after its signature, else None.

    "Điều 1. Ban hành kèm theo Quyết định này Quy chế ... / Nơi nhận ... / QUY CHẾ / (Ban hành kèm
    theo Quyết định số 27/2024/QĐ-UBND ...) / Chương II ... / Điều 5. Sở Công Thương / 1. Chủ trì ...":
    the attached Quy chế (Kế hoạch, Đề án) has articles or parts of its own, which assign duties.
    Its body runs from the note to its own end (signature, "Nơi nhận", an appendix or a task table).
    """
    lines = doc.lines
    note = next((i for i in range(layout.end, min(len(lines), layout.end + 40))
                 if P.ISSUED_WITH_NOTE.match(lines[i].text.strip())), None)
    if note is None:
        return None
    texts = [l.text.strip() for l in lines]
    end = len(texts)
    for i in range(note + 1, len(texts)):
        if P.BODY_END.match(texts[i]) or P.APPENDIX_HEADING.match(texts[i]) or signature_title_at(texts, i) \
                or (len(texts[i]) <= 6 and _table_header_at(lines, i)):
            end = i
            break
    if any(a < end and b > note for a, b in layout.tables):
        return None  # a task table in between: read as such (``_appendix_tasks``), never as paragraphs
    return _Layout(note + 1, end, ())


def _decision_before(doc: CleanDocument, layout: _Layout) -> _Layout | None:
    """Return the layout of a decision's articles that precede the plan it issues in the same file, else None.

    "QUYẾT ĐỊNH: Điều 1. Ban hành kèm theo Quyết định này Kế hoạch ... Điều 2. Giao Sở Nội vụ chủ
    trì ... Điều 3. ... Nơi nhận: ... KẾ HOẠCH / I. MỤC ĐÍCH ...": the body found by ``_layout``
    is the plan's (it starts at the first Roman part); the decision's own articles, which end at
    its "Nơi nhận" or signature before the plan, are read as a body of their own.
    """
    texts = [l.text.strip() for l in doc.lines[: layout.start]]
    first = next((i for i, t in enumerate(texts) if t[:1] in "ĐđD" and P.ARTICLE_HEADING.match(t)), None)
    if first is None:
        return None
    end = next((i for i in range(first + 1, len(texts))
                if P.BODY_END.match(texts[i]) or signature_title_at(texts, i)), None)
    return _Layout(first, end, ()) if end is not None else None


def find_tasks(doc: CleanDocument, header: DocumentHeader, registry: AgencyRegistry) -> list[Task]:
    """Return the plan's tasks in document order, agencies canonicalised through ``registry``."""
    return [f.task for f in _found(doc, header, registry)]


def _take_name(text: str) -> str:
    """Return the agency name at the start of running text, read word by word.

    A name goes on through capitalised words and abbreviations, one lower-case syllable right
    after a capitalised one (Vietnamese compounds: "Khoa học", "Ủy ban"), unit words ("tỉnh",
    "huyện", "nhân dân"), and "và"/"-"/"," before a capitalised word; it stops at anything else.
    "UBND tỉnh về tình hình ..." -> "UBND tỉnh"; "Sở Khoa học và Công nghệ." -> "Sở Khoa học và
    Công nghệ"; "Ban Thường vụ Tỉnh ủy và Ban Tuyên giáo Trung ương." -> both names. An official
    name known to ``ingest.agencies`` that is longer wins: its lower-case words are part of it
    ("Sở Nông nghiệp và Phát triển nông thôn định kỳ ..." -> the whole department name).
    """
    known = known_name_at(text)
    name = _take_words(text)
    if known is None or len(known) <= len(name):
        ends = place_name_ends(name)
        # "Ủy ban nhân dân tỉnh Kiên Giang theo quy định": the name ends with the province's
        return name[:ends[0]].rstrip(" ,") if ends else name
    return known


def _take_words(text: str) -> str:
    """Return the agency name at the start of running text read word by word (see ``_take_name``)."""
    words = text.split()
    out: list[str] = []
    units = {"tỉnh", "huyện", "quận", "thị", "xã", "thành", "phố", "ủy", "nhân", "dân", "trấn"}
    # "Giám đốc Sở tiến độ ...": after "Sở" a lower-case word is not the first syllable of its field
    capital_complement = knowledge().capital_complement
    prev_cap = False
    for n, w in enumerate(words):
        core = w.strip(".,;:()\"“”")
        if not core or w[:1] in "(\"“":
            break
        nxt_cap = n + 1 < len(words) and words[n + 1][:1].isupper()
        if core[:1].isupper() or any(ch.isupper() for ch in core[1:]):
            out.append(core)
            prev_cap = True
        elif core.lower() in units or (prev_cap and core.isalpha() and out[-1] not in capital_complement):
            out.append(core)
            prev_cap = False
        elif core in ("và", "-", "–") and nxt_cap:
            out.append(core)
            prev_cap = False
            continue
        else:
            break
        tail = w[len(w.rstrip(".,;:()\"“”")):]
        if tail and not (tail == "," and nxt_cap):
            break
        if tail == ",":
            out[-1] += ","
    return " ".join(out).strip(" ,")


def find_reporting(doc: CleanDocument, header: DocumentHeader, registry: AgencyRegistry) -> list[ReportingLine]:
    """Return the reporting lines the plan names ("X báo cáo Y (qua Z), định kỳ ...")."""
    out: list[ReportingLine] = []
    seen: set[tuple] = set()
    for f in _found(doc, header, registry):
        if f.task.source != "body":
            continue
        if "áo cáo" not in f.full_text:
            continue  # cheap pre-check for "báo cáo" / "Báo cáo"
        for sentence in P.SENTENCE_SPLIT.split(f.full_text):
            reps = list(P.REPORT_WORD.finditer(sentence))
            if not reps:
                continue
            # each "báo cáo" with the first agency it is addressed to; two hops mean a channel:
            # "báo cáo kết quả về Sở Kế hoạch và Đầu tư để tổng hợp, báo cáo UBND tỉnh"
            hops: list[list[Agency]] = []
            for n, rep in enumerate(reps):
                stop = reps[n + 1].start() if n + 1 < len(reps) else len(sentence)
                after = sentence[rep.end():stop]
                starts = [len(after) - len(after.lstrip(" ,"))] + [m.end() for m in P.REPORT_TO.finditer(after)]
                for st in starts:
                    name = _take_name(after[st:])
                    targets = registry.resolve_list(expand_abbreviations(name)) if name else []
                    if targets:
                        hops.append(targets)
                        break
            if not hops:
                continue
            via = None
            vm = P.REPORT_VIA.search(sentence)
            if vm:
                vname = _take_name(sentence[vm.end():])
                vias = registry.resolve_list(vname) if vname else []
                via = vias[0].name if vias else None
            targets = hops[0]
            if len(hops) > 1 and hops[-1] != hops[0]:
                targets = hops[-1]
                via = via or hops[0][0].name
            a = _assign(sentence, registry)
            sources = a.lead or f.lead
            period = find_period(sentence)
            for src in sources:
                for tgt in targets:
                    if tgt.name == src.name or (via and tgt.name == via):
                        continue
                    key = (src.name, tgt.name, via, period)
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(ReportingLine(from_=src.name, to=tgt.name, via=via, period=period,
                                             text=" ".join(sentence.split())))
    return out
