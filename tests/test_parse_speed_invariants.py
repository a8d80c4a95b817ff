"""The parser's fast paths give exactly what the plain forms give (issue #6: speed without changing output).

Each fast path (a cue-anchored search, a first-word scan, a trie regex, a memo) is compared
with the plain regex or loop it replaces, on real text: tables of header, preamble and duty
lines, and every line of the four samples. No timing here: speed is measured by
``bench/profile_parse.py`` and ``bench/run.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ingest import admin_units, read, resolve
from ingest import patterns as P
from ingest.agencies import AgencyRegistry, _unit_before
from ingest.clean import clean
from ingest.header import local_bodies, place_date_search
from ingest.model import Issuer
from ingest.references import _type_before
from ingest.tasks import _verb_spans

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "corpus" / "samples").glob("*"))
VERBS = Path(__file__).resolve().parent.parent / "ingest" / "data" / "task_verbs.json"


def _sample_lines() -> list[str]:
    lines: list[str] = []
    for f in SAMPLES:
        lines.extend(ln.text for ln in clean(read.read_file(f)).lines)
    return lines


def _sample_texts() -> list[str]:
    return [clean(read.read_file(f)).text for f in SAMPLES]


PLACE_DATE_TEXTS = [
    "Lào Cai, ngày 08 tháng 4 năm 2020",
    "Số: 124/KH-UBND                Lào Cai, ngày 08 tháng 4 năm 2020",
    "TP. Hồ Chí Minh, ngày 08/4/2020",
    "Hà Nội, ngày     tháng 4 năm 2020",
    "Châu Thành,\nngày 12 tháng 6 năm 2020",  # the comma's line break: \s* before the comma part
    "Bắc Ninh          , ngày 09 tháng 10 năm 2024",  # a long space run before the comma
    "Lào Cai" + "\n" * 60 + ", ngày 08/4/2020",  # the place 60 line breaks before its comma
    "Ngày ban hành: 08/4/2020",  # no place: no comma
    ", ngày 08/4/2020",  # a comma with nothing before it
    "Điện Biên, ngày 20 tháng 5 năm 2019, Điện Biên, ngày 21/5/2019",
    "1, ngày 08/4/2020; Sóc Trăng, ngày 12/6/2020",  # first comma has a digit before it
    "Căn cứ Kế hoạch số 56/KH-UBND ngày 30/5/2019 của UBND tỉnh",  # no place-date at all
    "",
]


@pytest.mark.parametrize("text", PLACE_DATE_TEXTS)
def test_place_date_search_is_place_date_search(text: str) -> None:
    want = P.PLACE_DATE.search(text)
    got = place_date_search(text)
    assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


def test_place_date_search_on_sample_lines_and_windows() -> None:
    texts = _sample_lines() + [t[:2000] for t in _sample_texts()]
    found = 0
    for t in texts:
        want = P.PLACE_DATE.search(t)
        got = place_date_search(t)
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), t
        found += want is not None
    assert found >= 4  # every sample has its place-date line


LOCAL_BODY_TEXTS = [
    "Ủy ban nhân dân huyện Châu Thành ban hành Kế hoạch thực hiện",
    "Chủ tịch UBND tỉnh Lào Cai; Thường trực HĐND tỉnh",
    "Ban Thường vụ Tỉnh ủy Điện Biên, Ban Chấp hành Đảng bộ tỉnh và Huyện uỷ",
    "của Uỷ ban nhân dân tỉnh, Thành ủy, Quận ủy Ba Đình",
    "xUBND và HĐNDx",  # matches inside words, as LOCAL_BODY itself allows
    "Chủ tịch nước",  # "Chủ tịch" not followed by a body
    "",
]


@pytest.mark.parametrize("text", LOCAL_BODY_TEXTS)
def test_local_bodies_is_finditer(text: str) -> None:
    assert [(m.span(), m.groupdict()) for m in local_bodies(text)] == [
        (m.span(), m.groupdict()) for m in P.LOCAL_BODY.finditer(text)]


def test_local_bodies_on_samples() -> None:
    for t in _sample_texts():
        want = [(m.span(), m.groupdict()) for m in P.LOCAL_BODY.finditer(t)]
        assert [(m.span(), m.groupdict()) for m in local_bodies(t)] == want
        assert want  # every sample names a local body


def _verb_spans_by_words(text: str) -> tuple[tuple[int, str], ...]:
    """The word-by-word lookup the trie regex replaces (the reference semantics)."""
    verbs = json.loads(VERBS.read_text(encoding="utf-8"))["verbs"]
    table: dict[str, list[tuple[str, ...]]] = {}
    for v in verbs:
        table.setdefault(v.split()[0], []).append(tuple(v.split()))
    words = [(m.start(), m.group(0)) for m in P.WORD.finditer(text)]
    out = []
    for i, (start, w) in enumerate(words):
        for phrase in sorted(table.get(w, ()), key=len, reverse=True):
            if tuple(x for _, x in words[i:i + len(phrase)]) == phrase:
                out.append((start, " ".join(phrase)))
                break
    return tuple(out)


VERB_TEXTS = [
    ("Sở Nội vụ chủ trì, phối hợp với các sở, ngành tham mưu UBND tỉnh ban hành", True),
    ("các cơ quan, tổ chức có liên quan tăng cường công tác tuyên truyền", True),
    ("triển khai thực hiện có hiệu quả Kết luận số 52-KL/TW", True),
    ("Tham mưu, đề xuất", False),  # capitalised: verbs are compared as written
    ("tham, mưu và tham_mưu", False),  # any non-word run separates words; "_" too
    ("xthực hiện; thực hiện2", False),  # not whole words
    ("", False),
]


@pytest.mark.parametrize(("text", "has_verb"), VERB_TEXTS)
def test_verb_spans_is_word_lookup(text: str, has_verb: bool) -> None:
    want = _verb_spans_by_words(text)
    assert _verb_spans(text) == want
    if has_verb:
        assert want


def test_verb_spans_on_sample_lines() -> None:
    n = 0
    for t in _sample_lines():
        want = _verb_spans_by_words(t)
        assert _verb_spans(t) == want, t
        n += len(want)
    assert n > 50


@pytest.mark.parametrize(("text", "district", "ci", "want"), [
    ("Ủy ban nhân dân huyện Châu Thành", "Châu Thành", True, "huyện"),
    ("UBND THỊ XÃ NINH HÒA", "Ninh Hòa", True, "THỊ XÃ"),
    ("Ủy ban nhân dân thành phố Điện Biên Phủ", "Điện Biên Phủ", True, "thành phố"),
    ("Phòng Tài chính huyện Phú Tân, huyện Châu Thành", "Châu Thành", False, "huyện"),
    ("Sở Nội vụ tỉnh Châu Thành", "Châu Thành", False, None),
    ("UBND Huyện Châu Thành", "Châu Thành", False, None),  # case-sensitive variant
])
def test_unit_before_is_dynamic_search(text: str, district: str, ci: bool, want: str | None) -> None:
    rx = P.DISTRICT_UNIT_BEFORE_CI if ci else P.DISTRICT_UNIT_BEFORE
    units = "huyện|quận|thị xã|thành phố" if ci else "huyện|quận|thị xã"
    m = re.search(rf"({units})\s+" + re.escape(district), text, re.IGNORECASE if ci else 0)
    assert (m.group(1) if m else None) == want
    assert _unit_before(text, district, rx) == want


@pytest.mark.parametrize("text", [
    "Thực hiện Quyết định số ",
    "Căn cứ Nghị quyết liên tịch số: ",
    "về việc ban hành KẾ HOẠCH SỐ ",
    "tại văn bản ",
    "của Thủ tướng Chính phủ ",
    "ngày 30/5/2019\n",
])
def test_type_before_is_windowed_search(text: str) -> None:
    full = "xxxx " * 20 + text
    start = len(full)
    lo = max(0, start - 48)
    want = P.TYPE_BEFORE.search(full, lo, start)
    got = _type_before(full[lo:start])
    assert got == ((want.start() - lo, want.group("type")) if want else None)


def test_registry_memo_is_idempotent() -> None:
    reg = AgencyRegistry(Issuer(name="Ủy ban nhân dân tỉnh Bắc Ninh", level="province", province="Bắc Ninh",
                                kind="ubnd"))
    text = "Sở Nội vụ, Sở Tài chính và UBND các huyện, thị xã, thành phố"
    first = reg.resolve_list(text)
    assert [a.name for a in first] == ["Sở Nội vụ tỉnh Bắc Ninh", "Sở Tài chính tỉnh Bắc Ninh",
                                       "Ủy ban nhân dân các huyện, thị xã, thành phố tỉnh Bắc Ninh"]
    first.clear()  # the caller owns the list it gets
    again = reg.resolve_list(text)
    assert [a.name for a in again] == ["Sở Nội vụ tỉnh Bắc Ninh", "Sở Tài chính tỉnh Bắc Ninh",
                                       "Ủy ban nhân dân các huyện, thị xã, thành phố tỉnh Bắc Ninh"]
    assert reg.resolve("Sở Nội vụ") is again[0]
    assert again[0].aliases == ["Sở Nội vụ"]  # no alias repeated by the memo
    assert len(reg.agencies()) == 3


def test_match_issuer_returns_a_fresh_issuer() -> None:
    text = "theo Kế hoạch của Ủy ban nhân dân tỉnh Sóc Trăng về việc"
    pos = text.index("Ủy ban")
    first = resolve.match_issuer(text, pos)
    assert first is not None and first[0].province == "Sóc Trăng"
    first[0].province = "changed"
    second = resolve.match_issuer("x" + text, pos + 1)
    assert second[0].province == "Sóc Trăng" and second[1] == first[1] + 1


def test_find_provinces_scan_is_plain_pattern() -> None:
    names, _ = admin_units._province_regexes()
    plain = re.compile(names.pattern.replace(P.PROVINCE_PREFIX_SCAN, r"(?<!\w)" + P.PROVINCE_PREFIX, 1), names.flags)
    assert plain.pattern != names.pattern
    texts = _sample_texts() + ["UBND TỈNH BẮC NINH; thành phố Hà Nội, TP. Hồ Chí Minh, TP.Cần Thơ",
                               "xtỉnh Lào Cai, Ttỉnh Sóc Trăng, _tỉnh Điện Biên, 1tỉnh Lào Cai"]
    n = 0
    for t in texts:
        t = admin_units.norm_tones(t)
        want = [(m.span(), m.group("name")) for m in plain.finditer(t)]
        assert [(m.span(), m.group("name")) for m in names.finditer(t)] == want
        n += len(want)
    assert n >= 8
