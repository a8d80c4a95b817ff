"""Deadline normalisation: "quý II năm 2020" -> once, due 2020-06-30; "Hằng năm" -> recurring P1Y.

Rules (issue #3, "Deadlines"):

* a named period ("Năm 2024", "quý IV/2019", "tháng 10/2019", "6 tháng đầu năm 2024") is a
  one-off deadline due on the **last day** of that period;
* a date ("trước ngày 30/6/2020") is due that day;
* a span of years ("2021-2025", "giai đoạn 2021-2025") is due at the end of its last year:
  plans name a span when the duty must be done within it;
* "Thường xuyên", "liên tục" are continuous; "Hằng năm", "hàng quý", "Định kỳ 06 tháng",
  "hằng tháng", "định kỳ hằng tuần", "hằng ngày" are recurring with an ISO 8601 period (P1Y, P3M, P6M, P1M, P1W, P1D);
* a dated deadline followed by "và hằng năm" / "và các năm tiếp theo" ("Tháng 12/2025 và hằng
  năm") is recurring (P1Y) with ``due`` its first date: done then, and again every year;
* "Theo tiến độ được phê duyệt", "Thực hiện theo lộ trình" are unspecified, text kept.

In running text (``find_deadline``) a phrase counts after a cue ("hoàn thành trong", "trước
ngày"), after a label ("Thời gian thực hiện:", "Thời hạn:", "Tiến độ:"), as a parenthesised
aside closing its clause that says only when ("(thường xuyên).", "(năm 2024)."), as a
frequency closing the clause after an action verb or a comma ("thực hiện thường xuyên."), or
closing a clause that reports ("báo cáo kết quả về Bộ Tài nguyên và Môi trường hằng năm."), or
as a frequency opening the duty, set off by a comma, at its start or right after its assignee's
colon ("Bộ Tài chính: Hằng năm, cân đối, bố trí kinh phí ..."), or opening a clause after ";"
("...; hằng ngày cập nhật bản tin ..."); a closing frequency may carry a qualifier of when in
the period ("báo cáo UBND tỉnh hằng tuần (trước 15 giờ thứ Năm).", "... hằng tuần vào chiều thứ
Sáu."); a clause after ";" that is nothing but a time phrase is the duty's deadline ("...; Quý
IV/2025.", "...; năm 2023."); a half year after a cue ("hoàn thành trong 6 tháng đầu năm 2026")
and a period right after a submission to a body, closing the clause ("trình Quốc hội năm 2025.")
are deadlines too;
"kế hoạch hằng năm" (an annual plan) is subject matter, not a deadline.

When a text names several, the one written first wins ("Năm 2024 và hằng năm" -> 2024).
Case does not matter: headings and table cells typed in capitals ("ĐỊNH KỲ 06 THÁNG BÁO CÁO
UBND TỈNH", "THỜI HẠN: THƯỜNG XUYÊN") state the same deadlines.
Words are data (``ingest/data/deadline_words.json``); regexes are in ``ingest.patterns``.
"""

from __future__ import annotations

import calendar
import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from ingest import patterns as P
from ingest.agencies import is_agency_list
from ingest.model import Deadline

_DATA = Path(__file__).parent / "data" / "deadline_words.json"
_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@lru_cache(maxsize=1)
def _words() -> dict:
    """Return the deadline word tables with their compiled alternations (loaded once)."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    period = {e["phrase"].lower(): e["period"] for e in data["recurring"]}
    # case-blind phrase alternations, written letter-first (same matches, several times faster
    # over a paragraph: see ``patterns.letter_first_alternation``)
    return {
        "continuous": P.letter_first_alternation([e["phrase"] for e in data["continuous"]]),
        "recurring": P.letter_first_alternation(list(period)),
        "recurring_body": P.letter_first_alternation([e["phrase"] for e in data["recurring"] if e.get("in_body")]),
        "unspecified": P.letter_first_alternation([e["phrase"] for e in data["unspecified"]]),
        "period": period,
    }


def _last_day(year: int, month: int) -> str:
    """Return the ISO date of the last day of ``month`` in ``year``."""
    return date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _period_of(phrase: str) -> str | None:
    """Return the ISO period of a recurring phrase from the data table, or None."""
    return _words()["period"].get(" ".join(phrase.lower().split()))


def _matches_at_start(rx, text: str):
    """Return the match of ``rx`` at the start of ``text`` as a 0- or 1-tuple (what ``finditer`` finds there)."""
    m = rx.match(text)
    return (m,) if m is not None else ()


def _candidates(text: str, default_year: int | None, cell: bool,
                once_at_start: bool = False) -> list[tuple[int, int, Deadline]]:
    """Return every (start, -length, Deadline) named in ``text``; ``cell`` allows a bare year.

    ``once_at_start`` keeps only the one-off deadlines that start the text (what a time anchor
    in running text needs): each pattern is then matched at position 0 instead of searched
    through the text; ``finditer``'s match at 0, if any, is that match.
    """
    out: list[tuple[int, int, Deadline]] = []
    scan = (lambda rx: _matches_at_start(rx, text)) if once_at_start else (lambda rx: rx.finditer(text))

    def add(m, dl: Deadline | None) -> None:
        """Record ``dl`` found by match ``m`` as a candidate (position, -length, deadline)."""
        if dl is None:
            return
        start = m.start()
        if dl.kind == "once":
            fm = P.DL_FROM_BEFORE.search(text, max(0, start - 8), start)
            if fm is not None:
                # "Từ năm 2026" with no end: from then on, not due then
                start = fm.start()
                dl = Deadline(text=text[start: m.end()], kind="continuous")
        out.append((start, -(m.end() - start), dl))

    for m in scan(P.DL_DATE):
        d, mo, y = int(m["d"]), int(m["m"] or m["m2"]), int(m["y"])
        try:
            add(m, Deadline(text=m.group(0), kind="once", due=date(y, mo, d).isoformat()))
        except ValueError:  # "31/6/2020": not a date
            pass
    if default_year:
        for m in scan(P.DL_DAY_MONTH):
            try:
                add(m, Deadline(text=m.group(0), kind="once",
                                due=date(default_year, int(m["m"]), int(m["d"])).isoformat()))
            except ValueError:
                pass
    for m in scan(P.DL_HALF):
        y = int(m["y"]) if m["y"] else default_year
        if y:
            month = 6 if m["half"].lower() == "đầu" else 12
            add(m, Deadline(text=m.group(0), kind="once", due=_last_day(y, month)))
    for m in scan(P.DL_MONTH):
        y = int(m["y"]) if m["y"] else default_year
        if y:
            add(m, Deadline(text=m.group(0), kind="once", due=_last_day(y, int(m["m"]))))
    for m in scan(P.DL_QUARTER):
        y = int(m["y"]) if m["y"] else default_year
        if y:
            last = m["qlast"] or m["q"]  # "Quý III, IV/2024": due at the end of the last one listed
            add(m, Deadline(text=m.group(0), kind="once", due=_last_day(y, 3 * _ROMAN_QUARTER[last.upper()])))
    for m in scan(P.DL_RANGE):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y1 <= y2:
            add(m, Deadline(text=m.group(0), kind="once", due=f"{y2}-12-31"))
    for m in scan(P.DL_YEAR):
        add(m, Deadline(text=m.group(0), kind="once", due=f"{int(m['y'])}-12-31"))
    if cell:
        m = P.DL_YEAR_CELL.match(text)
        if m:
            add(m, Deadline(text=m.group(0).strip(), kind="once", due=f"{int(m['y'])}-12-31"))
    if once_at_start:
        return out  # the rest are recurring, continuous or unspecified
    words = _words()
    for m in P.DL_DAY_OF_PERIOD.finditer(text):
        add(m, Deadline(text=m.group(0), kind="recurring", period="P1M" if m["month"] else "P3M"))
    for m in P.DL_EVERY_N_MONTHS.finditer(text):
        n = int(m["n"] or m["n2"])
        if n > 0:
            add(m, Deadline(text=m.group(0), kind="recurring", period="P1Y" if n == 12 else f"P{n}M"))
    for m in (words["recurring"] if cell else words["recurring_body"]).finditer(text):
        add(m, Deadline(text=m.group(0), kind="recurring", period=_period_of(m.group(0))))
    if cell:
        for m in words["continuous"].finditer(text):
            add(m, Deadline(text=m.group(0), kind="continuous"))
        for m in words["unspecified"].finditer(text):
            add(m, Deadline(text=m.group(0), kind="unspecified"))
    return out


def _first(cands: list[tuple[int, int, Deadline]]) -> Deadline | None:
    """Return the deadline written first (the longest one at that position)."""
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    return cands[0][2]


def parse_deadline(text: str, default_year: int | None = None) -> Deadline | None:
    """Return the normalised Deadline written in ``text`` (a deadline cell or phrase), or None if it names none.

    ``text`` of the returned Deadline is the whole phrase as written (stripped);
    ``default_year`` completes "quý II", "tháng 10" without a year. A dated deadline that
    then recurs ("Tháng 12/2025 và hằng năm") is recurring with ``due`` its first date.
    """
    if not text or not text.strip():
        return None
    t = " ".join(text.split())
    cands = _candidates(t, default_year, cell=True)
    best = _first(cands)
    if best is None:
        return None
    if best.kind == "once" and best.due is not None:
        end = cands[0][0] - cands[0][1]
        span = P.DL_SPAN_TO.match(t, end)
        if span is not None:
            # "Quý I/2026 - Quý II/2026": due at the end of the span's last period
            later = [c for c in cands if c[0] == span.end() and c[2].kind == "once" and c[2].due]
            if later and later[0][2].due > best.due:
                best = Deadline(text=t, kind="once", due=later[0][2].due)
        yearly = P.DL_AND_YEARLY_AFTER.match(t, end)
        if yearly is not None:
            # "Tháng 12/2025 và hằng năm": due first then, and every year after
            best = Deadline(text=t, kind="recurring", due=best.due, period="P1Y")
    if best.kind == "once" and not P.DL_HAS_YEAR.search(best.text):
        period = find_period(t)  # "Tháng 6 hằng năm", "Quý I hàng năm": every year, not once
        if period:
            best = Deadline(text=t, kind="recurring", period=period)
    if best.kind == "recurring" and best.period == "P1Y":
        best.period = _named_dates_period(t) or best.period  # "Tháng 6 và tháng 12 hằng năm": every 6 months
    best.text = t.strip(" .;,")
    return best


def _named_dates_period(text: str) -> str | None:
    """Return the period of evenly spaced months or quarters named in a yearly phrase, else None.

    "Tháng 6 và tháng 12 hằng năm" -> "P6M"; "Quý II và quý IV hằng năm" -> "P6M"; "tháng 3, 6, 9
    và 12" is not read (only months written with their word). One month, or uneven ones ("tháng 6
    và tháng 10"), give None: the phrase stays yearly.
    """
    months = sorted({int(m["n"]) for m in P.DL_NAMED_MONTH.finditer(text)})
    if len(months) < 2:
        quarters = {"I": 3, "II": 6, "III": 9, "IV": 12}
        months = sorted({quarters[m["n"].upper()] for m in P.DL_NAMED_QUARTER.finditer(text)})
    if len(months) < 2 or 12 % len(months):
        return None
    step = 12 // len(months)
    if any(b - a != step for a, b in zip(months, months[1:])):
        return None
    return f"P{step}M"


def find_deadline(text: str, default_year: int | None = None) -> Deadline | None:
    """Return the first deadline stated inside running text (a duty's paragraph), or None.

    (A fresh Deadline per call, a field-by-field copy of the cached one: callers may change
    it. The search itself is cached, see ``_find_deadline``.)
    """
    dl = _find_deadline(text, default_year)
    return None if dl is None else Deadline(dl.text, dl.kind, dl.due, dl.period)


def _dated_hint(text: str) -> bool:
    """Return True if ``text`` has what every dated deadline has: ``P.DL_BODY_HINT`` (a digit, "quý", "định kỳ").

    The same answer as the regex, cheaper: most paragraphs have no ASCII digit, and a case-blind
    "quý" needs "uý" in some case, "định kỳ" a "ỳ" ("Ỳ"), which plain substring tests rule out
    without running the case-insensitive regex over every position of the paragraph.
    """
    if ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text or "6" in text
            or "7" in text or "8" in text or "9" in text):
        return True  # the regex's [0-9]
    if "uý" in text or "uÝ" in text or "Uý" in text or "UÝ" in text or "ỳ" in text or "Ỳ" in text:
        return P.DL_BODY_HINT.search(text) is not None
    return False


@lru_cache(maxsize=4096)
def _find_deadline(text: str, default_year: int | None) -> Deadline | None:
    """Return the first deadline stated inside running text (a duty's paragraph), or None.

    Stricter than ``parse_deadline``: a time phrase counts only after a cue
    ("xong trong quý IV/2019", "hoàn thành trong năm 2020", "trước ngày 30/6/2020",
    "Trong quý II năm 2020") or as a periodic phrase ("Định kỳ 06 tháng", "định kỳ hằng
    năm"), after a label ("thời gian: hằng năm", "Thời hạn: Quý III/2024"), as a
    parenthesised aside that closes its clause and says nothing but when ("(thường xuyên).",
    "(năm 2024)."), or as a frequency closing the clause after an action verb or a comma
    ("thực hiện thường xuyên.", "..., hằng năm."); a bare "năm 2030" in a duty ("chiến lược
    đến năm 2030") or "hằng năm" in "kế hoạch hằng năm" is not a deadline. ``Deadline.text``
    is the cue and phrase.
    """
    if not text:
        return None
    # cheap pre-checks (plain substring tests): a dated deadline has a digit, "quý" or "định
    # kỳ"; the others a label ("Thời gian:"), a parenthesis or a word of frequency ("thường
    # xuyên", "liên tục", "hằng"/"hàng" + unit). The word tests run on the lower-cased text:
    # headings and table cells are often typed in capitals ("ĐỊNH KỲ 06 THÁNG BÁO CÁO UBND
    # TỈNH", "THỜI GIAN THỰC HIỆN: THƯỜNG XUYÊN"), and every pattern after them is case-blind
    low = text.lower()
    dated = _dated_hint(text)
    label = ":" in text and ("hời " in low or "iến độ" in low)
    freq = "hường xuyên" in low or "iên tục" in low or "ằng " in low or "àng " in low
    if not (dated or label or freq or "(" in text or "mỗi" in low):
        return None
    cands: list[tuple[int, int, Deadline]] = []
    # time anchors first ("quý IV", "năm 2020"), then the cue right before them: anchors are
    # rare and literal, so this is far cheaper than searching the cue alternation everywhere
    for anchor in (P.DL_TIME_ANCHOR.finditer(text) if dated else ()):
        a = anchor.start()
        cue = P.DL_CUE_BEFORE.search(text, max(0, a - 40), a)
        start = cue.start() if cue is not None else a
        submit = None
        if cue is None:
            # "(Quý II/2024)": a parenthesised quarter, month or date is a deadline; a parenthesised
            # year or span is not ("Chương trình ... (giai đoạn 2021-2025)")
            cue = P.DL_PAREN_BEFORE.search(text, max(0, a - 3), a)
            if cue is None or anchor.group(0)[:1].lower() in ("n", "g"):
                # "trình Quốc hội năm 2025.": a submission to a body in a period (checked below)
                submit = P.DL_SUBMIT_BEFORE.search(text, max(0, a - 50), a) if "trình" in low else None
                if submit is None or _TIME_WORDS.intersection(submit["to"].lower().split()) \
                        or not is_agency_list(submit["to"]):
                    continue  # "trình Thủ tướng Chính phủ trong quý IV năm 2023": the cue is "trong"
                start = submit.start()
        window = text[a: a + 40]
        inner = [c for c in _candidates(window, default_year, cell=False, once_at_start=True)
                 if c[0] == 0 and c[2].kind == "once"]
        best = _first(inner)
        if best is not None:
            end = a + len(best.text)
            every = P.DL_EVERY_YEAR_AFTER.match(text, end) if not P.DL_HAS_YEAR.search(best.text) else None
            yearly = P.DL_AND_YEARLY_AFTER.match(text, end) if every is None else None
            if every is not None:
                # "trước ngày 15/12 hằng năm": the same day every year, not once
                best = Deadline(text="", kind="recurring", period="P1Y")
                end = every.end()
            elif yearly is not None and best.due is not None and P.DL_CLAUSE_CLOSE.match(text, yearly.end()):
                # "hoàn thành trong tháng 12/2025 và hằng năm": due first then, and every year
                # after; only where that closes the clause (in "trong năm 2025 và hằng năm tổng
                # kết ..." the yearly part opens another clause: the deadline is the year)
                best = Deadline(text="", kind="recurring", due=best.due, period="P1Y")
                end = yearly.end()
            if submit is not None and not P.DL_CLAUSE_CLOSE.match(text, end):
                continue  # "trình Quốc hội năm 2025 về ...": the year may name the draft, not its due
            best.text = " ".join(text[start: end].split())
            cands.append((start, 0, best))
    if label:
        # "; thời gian: hằng năm", "Thời hạn: Quý III/2024": the label makes its value a deadline cell,
        # and it states the duty's own deadline: it wins over a time phrase of one step inside the
        # duty ("gửi Sở Tài chính trước ngày 10/12 để tổng hợp; thời gian: Quý IV hằng năm")
        labelled = []
        for lm in P.DL_LABEL.finditer(text):
            dl = parse_deadline(lm["value"], default_year)
            if dl is not None:
                dl.text = " ".join(text[lm.start(): lm.end()].split()).rstrip(" .;,")
                labelled.append((lm.start(), 0, dl))
        if labelled:
            return _first(labelled)
    if "(" in text:
        # "(thường xuyên).", "(năm 2024).": an aside closing its clause that is only a deadline
        for pm in P.DL_PAREN_END.finditer(text):
            dl = _aside_deadline(pm["inner"], default_year)
            if dl is not None:
                cands.append((pm.start(), 0, dl))
    if freq or "mỗi" in low:
        # "Hằng năm, Sở Nội vụ tổng hợp ...": a time adverbial opening the sentence, or the duty
        # after its assignee's colon ("Bộ Tài chính: Hằng năm, cân đối, bố trí kinh phí ...")
        colon = text.find(":", 0, MAX_ASSIGNEE)
        for at in (0, colon + 1) if colon >= 0 else (0,):
            lm = P.DL_LEADING_PERIOD.match(text, at)
            if lm is not None:
                dl = parse_deadline(lm["phrase"], default_year)
                if dl is not None:
                    cands.append((lm.start("phrase"), 0, dl))
                break
    if freq:
        # "thực hiện thường xuyên.", "..., hằng năm.": how often the duty is done; or the
        # clause reports ("báo cáo kết quả về Bộ Tài nguyên và Môi trường hằng năm."): how
        # often the report is due, whatever noun the frequency follows
        _closing_frequencies(text, P.DL_CLAUSE_END_PERIOD.finditer(text), default_year, cands)
    if freq and ("(" in text or "vào" in low):
        # "báo cáo UBND tỉnh hằng tuần (trước 15 giờ thứ Năm).": the frequency closes the clause
        # but for when in the week; the same tests as a frequency right at the clause end
        _closing_frequencies(text, P.DL_PERIOD_QUALIFIED_END.finditer(text), default_year, cands)
    if freq and ";" in text:
        for sm in P.DL_CLAUSE_START_PERIOD.finditer(text):
            # "...; hằng ngày cập nhật bản tin ...": a frequency opening the clause, before its verb
            dl = parse_deadline(sm["phrase"], default_year)
            if dl is not None:
                cands.append((sm.start("phrase"), 0, dl))
    if dated and ";" in text:
        for tm in P.DL_TIME_CLAUSE.finditer(text):
            # "Tham mưu bố trí kinh phí thực hiện Kế hoạch; Quý IV/2025.": a clause that only says when
            if P.DL_ASIDE_LEAD.match(tm["inner"]).end():
                continue  # "; hoàn thành trong năm 2023": a cue, found with its anchor above
            dl = _aside_deadline(tm["inner"], default_year)
            if dl is not None:
                cands.append((tm.start("inner"), 0, dl))
    if dated and "tháng" in low and ("đầu" in low or "cuối" in low):
        for hm in P.DL_HALF.finditer(text):
            # "hoàn thành trong 6 tháng đầu năm 2026": the anchors above start at a word, not a number
            cue = P.DL_CUE_BEFORE.search(text, max(0, hm.start() - 40), hm.start())
            dl = _first(_candidates(hm.group(0), default_year, cell=False, once_at_start=True))
            if cue is not None and dl is not None:
                dl.text = " ".join(text[cue.start(): hm.end()].split())
                cands.append((cue.start(), 0, dl))
    if dated and "tháng" in low:
        for m in P.DL_DAY_OF_PERIOD.finditer(text):
            # "báo cáo UBND tỉnh trước ngày 25 hằng tháng": a day of every month (quarter)
            cands.append((m.start(), 0, Deadline(text=" ".join(m.group(0).split()), kind="recurring",
                                                 period="P1M" if m["month"] else "P3M")))
    if dated and ("kỳ" in low or "tháng" in low):
        for m in _words()["recurring_body"].finditer(text):
            cands.append((m.start(), -(m.end() - m.start()),
                          Deadline(text=m.group(0), kind="recurring", period=_period_of(m.group(0)))))
        for m in P.DL_EVERY_N_MONTHS.finditer(text):
            n = int(m["n"] or m["n2"])
            if n > 0:
                cands.append((m.start(), -(m.end() - m.start()),
                              Deadline(text=m.group(0), kind="recurring", period="P1Y" if n == 12 else f"P{n}M")))
    if ":" in text and not cands:
        # "..., báo cáo Sở Y tế: Tháng 6 và tháng 12 hằng năm.": the clause ends with its deadline
        # after a colon (only where nothing else in the text says when)
        cm = P.DL_COLON_END.search(text)
        dl = parse_deadline(cm["value"], default_year) if cm is not None else None
        if dl is not None:
            cands.append((cm.start("value"), 0, dl))
    return _first(cands)


#: Words of a time phrase or its cue, never of the body a draft is submitted to ("trình X năm 2025").
_TIME_WORDS = frozenset({"trong", "trước", "vào", "quý", "tháng", "năm", "ngày", "giai", "đến", "hết"})

#: Longest assignee list before a duty ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung
#: ương: ..."), in characters: a longer one is a sentence. The task finder's subject bound too
#: (``tasks._MAX_SUBJECT``).
MAX_ASSIGNEE = 220


def _closing_frequencies(text: str, matches, default_year: int | None,
                         cands: list[tuple[int, int, Deadline]]) -> None:
    """Append to ``cands`` the frequencies among ``matches`` that close a duty's clause: right after
    an action verb or a comma ("thực hiện hằng năm", ", thường xuyên"), or in a clause that reports."""
    for cm in matches:
        if not P.DL_PERIOD_CUE_BEFORE.search(text, max(0, cm.start() - 16), cm.start()) \
                and not _reports(text, cm.start()):
            continue
        dl = parse_deadline(cm["phrase"], default_year)
        if dl is not None:
            cands.append((cm.start("phrase"), 0, dl))


def _reports(text: str, end: int) -> bool:
    """Return True if the clause that ends at ``end`` is a report (``P.DL_REPORT_CLAUSE``).

    The clause starts after the last ";", ":" or sentence break before ``end``: "...; báo cáo
    kết quả về Bộ Tài nguyên và Môi trường" reports, "...; lồng ghép vào kế hoạch" does not.
    """
    start = max(text.rfind(";", 0, end), text.rfind(":", 0, end), text.rfind(". ", 0, end)) + 1
    return P.DL_REPORT_CLAUSE.search(text[start:end]) is not None


#: Longest line that can be nothing but a deadline ("Thời gian thực hiện: Quý III năm 2024.").
_MAX_DEADLINE_LINE = 90


def deadline_line(text: str, default_year: int | None = None) -> Deadline | None:
    """Return the deadline a line states when the line is nothing but a deadline, else None.

    Plans put a duty's deadline on the line after it: "Thời gian thực hiện: Quý III/2024.",
    "Thời hạn: hằng năm", "Hoàn thành trước 30/6/2025.", "Thường xuyên." A line that says
    anything else ("Thời gian qua, công tác ... năm 2023 đạt kết quả") is no deadline line.
    """
    t = " ".join(text.split()).strip(" .;,")
    if not t or len(t) > _MAX_DEADLINE_LINE:
        return None
    lm = P.DL_LABEL.match(t)
    if lm is not None:
        if lm.end() < len(t.rstrip(" .;")):
            return None
        dl = parse_deadline(lm["value"], default_year)
        if dl is not None:
            dl.text = t
        return dl
    return _aside_deadline(t, default_year)


def _aside_deadline(inner: str, default_year: int | None) -> Deadline | None:
    """Return the deadline a parenthesised aside states when the aside is nothing but a deadline, else None.

    "(thường xuyên)", "(hằng năm)", "(năm 2024)", "(hoàn thành trong quý III/2024)",
    "(Quý II/2024 và hằng năm)" are deadlines; "(Khóa XX)", "(sau đây gọi tắt là ...)" and
    a plan's span "(giai đoạn 2021-2025)" are not.
    """
    t = " ".join(inner.split()).strip(" .;,")
    low = t.lower()
    if not _dated_hint(t) and "thường" not in low and "liên tục" not in low and "hằng" not in low \
            and "hàng" not in low:
        return None  # cheap pre-check: no date, quarter, period or frequency word
    rest = t[P.DL_ASIDE_LEAD.match(t).end():]
    if not rest or rest.lower().startswith("giai đoạn"):
        return None
    cands = _candidates(rest, default_year, cell=True)
    if not cands or min(c[0] for c in cands) != 0:
        return None
    covered = [False] * len(rest)
    for start, neg_len, _ in cands:
        for k in range(start, min(len(rest), start - neg_len)):
            covered[k] = True
    leftover = "".join(ch if not covered[k] else " " for k, ch in enumerate(rest))
    if any(w not in ("và", "hoặc") for w in P.WORD.findall(leftover.lower())):
        return None  # the aside says more than when: "(năm 2008) về ...", "(Khóa XX)"
    dl = parse_deadline(rest, default_year)
    if dl is not None:
        dl.text = t
    return dl


def find_period(text: str) -> str | None:
    """Return the ISO period of the first periodic phrase in ``text`` ("Định kỳ 06 tháng" -> "P6M"), or None."""
    cands: list[tuple[int, int, Deadline]] = []
    for m in _words()["recurring"].finditer(text):
        cands.append((m.start(), -(m.end() - m.start()), Deadline(text=m.group(0), kind="recurring",
                                                                 period=_period_of(m.group(0)))))
    for m in P.DL_EVERY_N_MONTHS.finditer(text):
        n = int(m["n"] or m["n2"])
        if n > 0:
            cands.append((m.start(), -(m.end() - m.start()),
                          Deadline(text=m.group(0), kind="recurring", period="P1Y" if n == 12 else f"P{n}M")))
    best = _first(cands)
    return best.period if best else None
