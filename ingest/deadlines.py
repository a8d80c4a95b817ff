"""Deadline normalisation: "quý II năm 2020" -> once, due 2020-06-30; "Hằng năm" -> recurring P1Y.

Rules (issue #3, "Deadlines"):

* a named period ("Năm 2024", "quý IV/2019", "tháng 10/2019", "6 tháng đầu năm 2024") is a
  one-off deadline due on the **last day** of that period;
* a date ("trước ngày 30/6/2020") is due that day;
* a span of years ("2021-2025", "giai đoạn 2021-2025") is due at the end of its last year:
  plans name a span when the duty must be done within it;
* "Thường xuyên", "liên tục" are continuous; "Hằng năm", "hàng quý", "Định kỳ 06 tháng" are
  recurring with an ISO 8601 period (P1Y, P3M, P6M);
* "Theo tiến độ được phê duyệt", "Thực hiện theo lộ trình" are unspecified, text kept.

When a text names several, the one written first wins ("Năm 2024 và hằng năm" -> 2024).
Words are data (``ingest/data/deadline_words.json``); regexes are in ``ingest.patterns``.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from ingest import patterns as P
from ingest.model import Deadline

_DATA = Path(__file__).parent / "data" / "deadline_words.json"
_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@lru_cache(maxsize=1)
def _words() -> dict:
    """Return the deadline word tables with their compiled alternations (loaded once)."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    period = {e["phrase"].lower(): e["period"] for e in data["recurring"]}
    return {
        "continuous": P.phrase_alternation([e["phrase"] for e in data["continuous"]], P.re.IGNORECASE),
        "recurring": P.phrase_alternation(list(period), P.re.IGNORECASE),
        "recurring_body": P.phrase_alternation(
            [e["phrase"] for e in data["recurring"] if e.get("in_body")], P.re.IGNORECASE
        ),
        "unspecified": P.phrase_alternation([e["phrase"] for e in data["unspecified"]], P.re.IGNORECASE),
        "period": period,
    }


def _last_day(year: int, month: int) -> str:
    """Return the ISO date of the last day of ``month`` in ``year``."""
    return date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _period_of(phrase: str) -> str | None:
    """Return the ISO period of a recurring phrase from the data table, or None."""
    return _words()["period"].get(" ".join(phrase.lower().split()))


def _candidates(text: str, default_year: int | None, cell: bool) -> list[tuple[int, int, Deadline]]:
    """Return every (start, -length, Deadline) named in ``text``; ``cell`` allows a bare year."""
    out: list[tuple[int, int, Deadline]] = []

    def add(m, dl: Deadline | None) -> None:
        """Record ``dl`` found by match ``m`` as a candidate (position, -length, deadline)."""
        if dl is not None:
            out.append((m.start(), -(m.end() - m.start()), dl))

    for m in P.DL_DATE.finditer(text):
        d, mo, y = int(m["d"]), int(m["m"] or m["m2"]), int(m["y"])
        try:
            add(m, Deadline(text=m.group(0), kind="once", due=date(y, mo, d).isoformat()))
        except ValueError:  # "31/6/2020": not a date
            pass
    if default_year:
        for m in P.DL_DAY_MONTH.finditer(text):
            try:
                add(m, Deadline(text=m.group(0), kind="once",
                                due=date(default_year, int(m["m"]), int(m["d"])).isoformat()))
            except ValueError:
                pass
    for m in P.DL_HALF.finditer(text):
        y = int(m["y"]) if m["y"] else default_year
        if y:
            month = 6 if m["half"].lower() == "đầu" else 12
            add(m, Deadline(text=m.group(0), kind="once", due=_last_day(y, month)))
    for m in P.DL_MONTH.finditer(text):
        y = int(m["y"]) if m["y"] else default_year
        if y:
            add(m, Deadline(text=m.group(0), kind="once", due=_last_day(y, int(m["m"]))))
    for m in P.DL_QUARTER.finditer(text):
        y = int(m["y"]) if m["y"] else default_year
        if y:
            add(m, Deadline(text=m.group(0), kind="once", due=_last_day(y, 3 * _ROMAN_QUARTER[m["q"].upper()])))
    for m in P.DL_RANGE.finditer(text):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y1 <= y2:
            add(m, Deadline(text=m.group(0), kind="once", due=f"{y2}-12-31"))
    for m in P.DL_YEAR.finditer(text):
        add(m, Deadline(text=m.group(0), kind="once", due=f"{int(m['y'])}-12-31"))
    if cell:
        m = P.DL_YEAR_CELL.match(text)
        if m:
            add(m, Deadline(text=m.group(0).strip(), kind="once", due=f"{int(m['y'])}-12-31"))
    words = _words()
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
    ``default_year`` completes "quý II", "tháng 10" without a year.
    """
    if not text or not text.strip():
        return None
    t = " ".join(text.split())
    best = _first(_candidates(t, default_year, cell=True))
    if best is None:
        return None
    if best.kind == "once" and not P.DL_HAS_YEAR.search(best.text):
        period = find_period(t)  # "Tháng 6 hằng năm", "Quý I hàng năm": every year, not once
        if period:
            best = Deadline(text=t, kind="recurring", period=period)
    best.text = t.strip(" .;,")
    return best


def find_deadline(text: str, default_year: int | None = None) -> Deadline | None:
    """Return the first deadline stated inside running text (a duty's paragraph), or None.

    (A fresh Deadline per call; the search itself is cached, see ``_find_deadline``.)
    """
    dl = _find_deadline(text, default_year)
    return None if dl is None else replace(dl)


@lru_cache(maxsize=4096)
def _find_deadline(text: str, default_year: int | None) -> Deadline | None:
    """Return the first deadline stated inside running text (a duty's paragraph), or None.

    Stricter than ``parse_deadline``: a time phrase counts only after a cue
    ("xong trong quý IV/2019", "hoàn thành trong năm 2020", "trước ngày 30/6/2020",
    "Trong quý II năm 2020") or as a periodic phrase ("Định kỳ 06 tháng", "định kỳ hằng
    năm"); a bare "năm 2030" in a duty ("chiến lược đến năm 2030") or "hằng năm" in
    "kế hoạch hằng năm" is not a deadline. ``Deadline.text`` is the cue and phrase.
    """
    if not text or not P.DL_BODY_HINT.search(text):
        return None  # cheap pre-check: every body deadline has a digit, "quý" or "định kỳ"
    cands: list[tuple[int, int, Deadline]] = []
    # time anchors first ("quý IV", "năm 2020"), then the cue right before them: anchors are
    # rare and literal, so this is far cheaper than searching the cue alternation everywhere
    for anchor in P.DL_TIME_ANCHOR.finditer(text):
        a = anchor.start()
        cue = P.DL_CUE_BEFORE.search(text, max(0, a - 40), a)
        start = cue.start() if cue is not None else a
        if cue is None:
            # "(Quý II/2024)": a parenthesised quarter, month or date is a deadline; a parenthesised
            # year or span is not ("Chương trình ... (giai đoạn 2021-2025)")
            cue = P.DL_PAREN_BEFORE.search(text, max(0, a - 3), a)
            if cue is None or anchor.group(0)[:1].lower() in ("n", "g"):
                continue
        window = text[a: a + 40]
        inner = [c for c in _candidates(window, default_year, cell=False) if c[0] == 0 and c[2].kind == "once"]
        best = _first(inner)
        if best is not None:
            best.text = " ".join(text[start: a + len(best.text)].split())
            cands.append((start, 0, best))
    low = text.lower()
    if "kỳ" in low or "tháng" in low:
        for m in _words()["recurring_body"].finditer(text):
            cands.append((m.start(), -(m.end() - m.start()),
                          Deadline(text=m.group(0), kind="recurring", period=_period_of(m.group(0)))))
        for m in P.DL_EVERY_N_MONTHS.finditer(text):
            n = int(m["n"] or m["n2"])
            if n > 0:
                cands.append((m.start(), -(m.end() - m.start()),
                              Deadline(text=m.group(0), kind="recurring", period="P1Y" if n == 12 else f"P{n}M")))
    return _first(cands)


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
