"""Fast paths of the task, deadline and agency finders give exactly what the plain forms give.

Issue #3's throughput target is met without changing any output: each shortcut (a key or id
joined from its halves' cached keys, a substring pre-check before a regex, a lazy verb scan) is
compared here with the plain computation it replaces, on real text: tables of names, scopes and
duty lines, and every line of the four samples. No timing here (``bench/profile_parse.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ingest import patterns as P
from ingest import read
from ingest.agencies import AgencyRegistry, _decap, _joined_id, _joined_key, expand_abbreviations, knowledge, name_key
from ingest.clean import clean
from ingest.deadlines import _candidates, _dated_hint
from ingest.identity import agency_id
from ingest.model import Issuer
from ingest.tasks import _analyse, _iter_verbs, _starts_with_verb, _verb_spans

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "corpus" / "samples").glob("*"))


def _sample_lines() -> list[str]:
    lines: list[str] = []
    for f in SAMPLES:
        lines.extend(ln.text for ln in clean(read.read_file(f)).lines)
    return lines


# --------------------------------------------------------------------------- keys and ids of scoped names

# base names as the registry writes them, and the scopes it adds (issuers' units and names)
NAMES = [
    "Sở Nội vụ", "Phòng Tài chính - Kế hoạch", "Liên hiệp các Hội Khoa học và Kỹ thuật",
    "Các sở, ban, ngành", "Các sở, ngành có liên quan", "Các cơ quan, đơn vị có liên",  # "có liên" + "quận ..."
    "Ủy ban nhân dân các huyện, thị xã, thành phố", "Ban Tuyên giáo", "Công an ", "Đài Truyền thanh ",
    "Trung tâm Văn hóa - Thể thao", "Phòng LĐTBXH", "Văn phòng HĐND và UBND", "Sở Y tế.", "(Chủ trì)",
    "Hội Nông dân có", "Phòng Giáo dục và Đào tạo các huyện", "Thanh tra", "", "  ", "Sở Văn hoá, Thể thao",
]
SCOPES = [
    "tỉnh Bắc Ninh", "huyện Châu Thành", "thị xã Từ Sơn", "quận 1", "quận Ba Đình", "thành phố Điện Biên Phủ",
    "tỉnh Quảng Nam", "xã Tân Phú", "Tỉnh ủy Điện Biên", "Bộ Khoa học và Công nghệ", "liên quan",
    "huyện Vị Xuyên liên quan", "có liên quan", "co lien quan", "quan trọng", "- tỉnh Lào Cai", "tỉnh Thừa Thiên Huế",
    "thị trấn Cái Dầu", "", "Hoà Bình",
]


@pytest.mark.parametrize("scope", SCOPES)
def test_joined_key_is_name_key_of_the_whole(scope: str) -> None:
    for name in NAMES:
        assert _joined_key(name, scope) == name_key(f"{name} {scope}"), (name, scope)


@pytest.mark.parametrize("scope", SCOPES)
def test_joined_id_is_agency_id_of_the_whole(scope: str) -> None:
    for name in NAMES:
        assert _joined_id(name, scope) == agency_id(f"{name} {scope}"), (name, scope)


def test_joined_key_catches_the_replacement_across_halves() -> None:
    # the one non-local step of name_key: " co lien quan" -> " lien quan" spanning the halves
    assert name_key("Các cơ quan có liên quan") == "cac co quan lien quan"
    assert _joined_key("Các cơ quan có", "liên quan") == "cac co quan lien quan"
    assert _joined_key("Các cơ quan có liên", "quan") == "cac co quan lien quan"
    assert _joined_key("Các cơ quan", "có liên quan") == "cac co quan lien quan"


ISSUERS = [
    Issuer(name="Ủy ban nhân dân tỉnh Bắc Ninh", level="province", province="Bắc Ninh", kind="ubnd"),
    Issuer(name="Ủy ban nhân dân huyện Châu Thành", level="district", province="Sóc Trăng", district="Châu Thành",
           kind="ubnd"),
    Issuer(name="Ủy ban nhân dân quận Ba Đình", level="district", province="Hà Nội", district="Ba Đình", kind="ubnd"),
    Issuer(name="Ủy ban nhân dân xã Tân Phú", level="commune", province="Bình Phước", district="Đồng Phú",
           kind="ubnd"),
    Issuer(name="Tỉnh ủy Điện Biên", level="province", province="Điện Biên", kind="tinh_uy"),
    Issuer(name="Bộ Khoa học và Công nghệ", level="ministry", kind="bo"),
    Issuer(name="Sở Y tế tỉnh Nghệ An", level="province", province="Nghệ An", kind="agency"),
]
MENTIONS = [
    "Sở Nội vụ", "Phòng Tài chính – Kế hoạch", "Liên hiệp các Hội KH&KT tỉnh", "Các sở, ban, ngành tỉnh",
    "UBND các huyện, thị xã, thành phố", "Ban Tuyên giáo Tỉnh ủy", "Công an huyện", "Đài Truyền thanh huyện",
    "Đoàn Thanh niên xã", "Văn phòng Bộ", "Vụ Pháp chế", "Các sở, ngành có liên quan", "Các phòng, ban có liên quan",
    "Ủy ban nhân dân tỉnh Sóc Trăng", "Bộ Tài chính", "Báo Bắc Ninh", "Phòng Nghiệp vụ Y", "UBND các xã, thị trấn",
    "Ban Thường vụ Huyện ủy", "Mặt trận Tổ quốc Việt Nam", "Trung tâm Văn hóa - Thể thao huyện",
]


@pytest.mark.parametrize("issuer", ISSUERS, ids=lambda i: i.name)
def test_candidate_key_and_id_are_those_of_its_name(issuer: Issuer) -> None:
    reg = AgencyRegistry(issuer)
    seen = 0
    for mention in MENTIONS:
        cand = reg._analyse_uncached(mention)
        if cand is None:
            continue
        seen += 1
        assert cand.key == name_key(cand.name), mention
        assert cand.id == agency_id(cand.name), mention
    assert seen >= 15  # the table names bodies: nearly every mention resolves


def _decap_plain(text: str) -> str:
    """``agencies._decap`` without its ``str.isupper`` pre-check (the reference)."""
    if not all(c.isupper() for c in text if c.isalpha()) or sum(1 for c in text if c.isalpha()) < 4:
        return text
    amap = knowledge().abbr_map
    words = [w if len(w) >= 3 and w.lower() in amap else w.lower() for w in text.split(" ")]
    low = " ".join(words)
    return low[0].upper() + low[1:]


DECAP_TEXTS = [
    "SỞ NỘI VỤ", "UBND TỈNH BẮC NINH", "Sở Nội vụ", "ĐẦU TƯ", "SỞ", "1234", "", "漢字漢字", "SỞ 漢字 NỘI VỤ",
    "ǅEMAL", "ᾈ SỞ NỘI VỤ", "- SỞ Y TẾ:", "ªSỞ NỘI VỤ", "UBND tỉnh",
]


@pytest.mark.parametrize("text", DECAP_TEXTS)
def test_decap_is_the_plain_decap(text: str) -> None:
    assert _decap(text) == _decap_plain(text)


def test_decap_on_sample_lines() -> None:
    changed = 0
    for t in _sample_lines():
        want = _decap_plain(t)
        assert _decap(t) == want, t
        changed += want != t
    assert changed > 3  # the samples have headings in capitals


ABBR_TEXTS = [
    "Sở KHCN tỉnh", "Sở khcn", "Sở KhCn", "Sở KH&CN", "UBND tỉnh, HĐND tỉnh", "Phòng TN&MT", "KHCNx", "xKHCN",
    "Liên hiệp các Hội KHKT tỉnh", "Sở Nội vụ", "", "Sở K\u212aHCN",
]


def _expand_plain(text: str) -> str:
    k = knowledge()
    text = k.abbr_cs.sub(lambda m: k.abbr_map[m.group(0).lower()], text)
    return k.abbr_ci.sub(lambda m: k.abbr_map[m.group(0).lower()], text)


@pytest.mark.parametrize("text", ABBR_TEXTS)
def test_expand_abbreviations_is_the_plain_expansion(text: str) -> None:
    assert expand_abbreviations(text) == _expand_plain(text)


def test_expand_abbreviations_on_sample_lines() -> None:
    changed = 0
    for t in _sample_lines():
        want = _expand_plain(t)
        assert expand_abbreviations(t) == want, t
        changed += want != t
    assert changed > 5


def test_length_bound_never_skips_a_spelling_merge() -> None:
    # _merge_key skips fuzz.ratio when 20 * |la - lb| > la + lb: the ratio is then below 95
    from rapidfuzz import fuzz
    keys = [name_key(n) for n in NAMES + MENTIONS if n.strip()] + ["so noi vu", "so noi vuu", "so noi v", "so n"]
    for a in keys:
        for b in keys:
            if 20 * abs(len(a) - len(b)) > len(a) + len(b):
                assert fuzz.ratio(a, b) < 95, (a, b)
    assert fuzz.ratio("so noi vu tinh bac ninh", "so noi vu tinh bac ninhh") >= 95  # within the bound


# --------------------------------------------------------------------------- deadline pre-check

DATED_TEXTS = [
    ("hoàn thành trong quý II năm 2020", True),
    ("Định kỳ hằng năm báo cáo UBND tỉnh", True),  # "Định kỳ": a "ỳ"
    ("ĐỊNH KỲ 06 THÁNG", True),
    ("Trong QUÝ III, Sở Nội vụ", True),
    ("báo cáo Quý I", True),
    ("Thường xuyên", False),
    ("quản lý nhà nước về kỹ năng", False),  # "lý", "kỹ": not "quý", "kỳ"
    ("định kỳ", True),
    ("định\nkỳ", True),  # any whitespace between the words
    ("kỳ họp thứ", False),  # "kỳ" without "định"
    ("quyết định", False),
    ("", False),
    ("tháng mười hai", False),
    ("Ngày 30/6", True),
]


@pytest.mark.parametrize(("text", "want"), DATED_TEXTS)
def test_dated_hint_is_the_regex(text: str, want: bool) -> None:
    assert _dated_hint(text) == (P.DL_BODY_HINT.search(text) is not None) == want


def test_dated_hint_on_sample_lines() -> None:
    lines = _sample_lines()
    hits = 0
    for t in lines:
        want = P.DL_BODY_HINT.search(t) is not None
        assert _dated_hint(t) == want, t
        hits += want
    assert 0 < hits < len(lines)


WINDOWS = [
    "quý IV/2019 và tháng 10/2019", "ngày 30/6/2020", "30/6", "31/6/2020 hoặc 30/6/2020", "6 tháng đầu năm 2024",
    "năm 2021 - 2025", "Năm 2025", "tháng 13/2020", "quý V", "giai đoạn 2021-2025", "2025", "hằng năm", "",
]


def _once_at_start_plain(text: str, year: int | None) -> list:
    return [(c[0], c[1], c[2].text, c[2].kind, c[2].due) for c in _candidates(text, year, cell=False)
            if c[0] == 0 and c[2].kind == "once"]


def _once_at_start_fast(text: str, year: int | None) -> list:
    return [(c[0], c[1], c[2].text, c[2].kind, c[2].due)
            for c in _candidates(text, year, cell=False, once_at_start=True) if c[2].kind == "once"]


@pytest.mark.parametrize("window", WINDOWS)
def test_candidates_at_start_are_the_filtered_candidates(window: str) -> None:
    for year in (None, 2020):
        assert _once_at_start_fast(window, year) == _once_at_start_plain(window, year)


def test_candidates_at_start_on_sample_anchors() -> None:
    n = 0
    for t in _sample_lines():
        for a in P.DL_TIME_ANCHOR.finditer(t):
            window = t[a.start(): a.start() + 40]
            want = _once_at_start_plain(window, 2020)
            assert _once_at_start_fast(window, 2020) == want, window
            n += bool(want)
    assert n > 10


# --------------------------------------------------------------------------- verb scan

VERB_LINES = [
    "Sở Nội vụ chủ trì, phối hợp với các sở, ngành tham mưu UBND tỉnh ban hành",
    "triển khai thực hiện có hiệu quả Kết luận số 52-KL/TW",
    "thúc đẩy mạnh mẽ, đảm bảo đảm bảo",  # overlapping phrases: "thúc đẩy" / "đẩy mạnh"
    "Các cơ quan, tổ chức có liên quan tăng cường công tác tuyên truyền",
    "",
]


@pytest.mark.parametrize("text", VERB_LINES)
def test_iter_verbs_yields_the_spans_in_order(text: str) -> None:
    got = list(_iter_verbs(text))
    assert tuple(got) == _verb_spans(text)
    # a caller that stops early sees the same first spans
    for n in range(len(got)):
        it = _iter_verbs(text)
        assert [next(it) for _ in range(n + 1)] == got[: n + 1]


def test_iter_verbs_finds_overlapping_phrases() -> None:
    assert [v for _, v in _iter_verbs("thúc đẩy mạnh")] == ["thúc đẩy", "đẩy mạnh"]


# --------------------------------------------------------------------------- verb-first duties

#: (duty line, opens with an unambiguous duty verb)
VERB_FIRST = [
    ("Xây dựng chiến lược phát triển đội ngũ trí thức của tỉnh giai đoạn 2021-2030", True),
    ("Chủ trì, phối hợp với Hội Văn học nghệ thuật tỉnh, các sở, ban, ngành", True),  # a bullet under its lead
    ("tăng cường công tác tuyên truyền", True),  # lower case, a bullet's continuation
    ("  Đẩy mạnh việc triển khai các cơ chế, chính sách", True),
    ("Tổ chức đảng các cấp lãnh đạo, chỉ đạo ...", False),  # "tổ chức" is ambiguous: a body's first word
    ("Quản lý thị trường tỉnh phối hợp ...", False),  # ambiguous again: "Cục Quản lý thị trường"
    ("Sở Nội vụ chủ trì, phối hợp với các sở, ngành", False),
    ("Xây dựngx", False),  # not a whole word
    ("Thực hiện", True),
    ("", False),
]


@pytest.mark.parametrize(("text", "want"), VERB_FIRST)
def test_starts_with_verb_table(text: str, want: bool) -> None:
    assert _starts_with_verb(text) is want


def _heldout_lines() -> list[str]:
    root = Path(__file__).resolve().parent / "data" / "heldout"
    lines: list[str] = []
    for f in sorted(root.rglob("*")):
        if f.suffix in (".txt", ".md", ".html") and "src" not in f.parts:
            lines.extend(ln.text for ln in clean(read.read_file(f)).lines)
    return lines


def test_verb_first_shortcut_changes_no_plan_on_real_lines() -> None:
    """The duty analysis with the verb-first shortcut equals the full subject search, on every
    line of the samples and held-out documents (with and without a bullet or request prefix)."""
    lines = [ln for ln in _sample_lines() + _heldout_lines() if ln.strip()]
    assert len(lines) > 3000
    shortcut = 0
    for ln in lines:
        for text in (ln, ln.lstrip(" -–+•*")):
            assert _analyse(text) == _analyse(text, verb_first_shortcut=False), text
        shortcut += _starts_with_verb(ln.lstrip(" -–+•*"))
    assert shortcut > len(lines) // 10  # the shortcut is taken, so the comparison means something


# --------------------------------------------------------------------------- letter-first patterns

#: The plain, case-blind forms the letter-first patterns of ``ingest.patterns`` replace.
PLAIN_SUPPORT_INTRO = re.compile(r"(?<!\w)phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+(?:với|cùng))?(?!\w)(?!\s*giữa(?!\w))\s*",
                                 re.IGNORECASE)

PLAIN_REPORT_WORD = re.compile(r"(?<!\w)báo\s+cáo(?!\w)", re.IGNORECASE)
PLAIN_REPORT_TO = re.compile(r"(?<!\w)(?:về|với|lên|cho|trình|gửi(?:\s+về)?)\s+(?=[A-ZĐÀ-Ỹ])")
PLAIN_REPORT_VIA = re.compile(r"(?<!\w)(?:thông\s+qua|qua)\s+(?=[A-ZĐÀ-Ỹ])")
REPORT_TEXTS = [
    "báo cáo về Ủy ban nhân dân huyện", "báo cáo với Ban Thường vụ", "báo cáo lên UBND tỉnh", "trình UBND tỉnh",
    "gửi về Sở Nội vụ", "gửi Sở Nội vụ", "cho Sở Y tế", "thông qua Sở Khoa học và Công nghệ", "(qua Ban Tuyên giáo)",
    "xvề Sở", "thôngqua Sở", "quaSở", "qua sở", "về  Sở", "Qua Sở", "chương trình UBND", "",
]

SUPPORT_TEXTS = [
    "Sở Nội vụ chủ trì, phối hợp với các sở, ngành",
    "Chủ trì phối hợp Sở Tài chính",
    "PHỐI HỢP VỚI UBND HUYỆN", "Phối hợp chặt chẽ cùng Ban Tuyên giáo", "- Phối hợp với Phòng Y tế",
    "xphối hợp với", "phối hợpx", "phối\nhợp với", "phối_hợp", "(phối hợp)", "pHốI hỢp", "",
    "tổng hợp, báo cáo UBND tỉnh", "BÁO CÁO", "Báo  cáo kết quả", "xbáo cáo", "báo cáox", "(báo cáo)",
]


@pytest.mark.parametrize("text", SUPPORT_TEXTS)
def test_support_intro_is_the_plain_pattern(text: str) -> None:
    for fn in ("search", "match"):
        want = getattr(PLAIN_SUPPORT_INTRO, fn)(text)
        got = getattr(P.SUPPORT_INTRO, fn)(text)
        assert (got and got.span()) == (want and want.span())
        want = getattr(PLAIN_REPORT_WORD, fn)(text)
        got = getattr(P.REPORT_WORD, fn)(text)
        assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize("text", REPORT_TEXTS)
def test_report_to_and_via_are_the_plain_patterns(text: str) -> None:
    for got_rx, want_rx in ((P.REPORT_TO, PLAIN_REPORT_TO), (P.REPORT_VIA, PLAIN_REPORT_VIA)):
        assert [m.span() for m in got_rx.finditer(text)] == [m.span() for m in want_rx.finditer(text)]


def test_letter_first_patterns_on_sample_lines() -> None:
    found = 0
    for t in _sample_lines():
        want = [m.span() for m in PLAIN_SUPPORT_INTRO.finditer(t)]
        assert [m.span() for m in P.SUPPORT_INTRO.finditer(t)] == want, t
        found += len(want)
        want = [m.span() for m in PLAIN_REPORT_WORD.finditer(t)]
        assert [m.span() for m in P.REPORT_WORD.finditer(t)] == want, t
        found += len(want)
        for got_rx, want_rx in ((P.REPORT_TO, PLAIN_REPORT_TO), (P.REPORT_VIA, PLAIN_REPORT_VIA)):
            want = [m.span() for m in want_rx.finditer(t)]
            assert [m.span() for m in got_rx.finditer(t)] == want, t
            found += len(want)
    assert found > 10


PLAIN_DL_TIME_ANCHOR = re.compile(
    r"(?:ngày|tháng|quý|năm|giai\s+đoạn)\s+(?=[0-9IV])|(?<![0-9/])[0-9]{1,2}/[0-9]", re.IGNORECASE)

PLAIN_DL_CLAUSE_END_PERIOD = re.compile(
    r"(?P<phrase>thường\s+xuyên(?:,?\s+liên\s+tục)?|liên\s+tục|h[ằà]ng\s+(?:năm|quý|tháng|tuần))(?=[ \t]*(?:[.;]|$))",
    re.IGNORECASE | re.MULTILINE)
CLAUSE_END_TEXTS = [
    "thực hiện thường xuyên.", "Thường xuyên, liên tục;", "THƯỜNG XUYÊN", "tổ chức hằng năm.\nhàng quý;",
    "HẰNG THÁNG .", "Hàng năm x", "liên tục", "thường xuyên kiểm tra", "báo cáo hằng tuần.", "HÀNG TUẦN;", "",
]


@pytest.mark.parametrize("text", CLAUSE_END_TEXTS)
def test_clause_end_period_is_the_plain_pattern(text: str) -> None:
    assert [(m.span(), m.span("phrase")) for m in P.DL_CLAUSE_END_PERIOD.finditer(text)] == [
        (m.span(), m.span("phrase")) for m in PLAIN_DL_CLAUSE_END_PERIOD.finditer(text)]


ANCHOR_TEXTS = [
    "hoàn thành trong quý IV/2019 và tháng 10/2019", "trước ngày 30/6/2020", "NĂM 2025", "Giai  đoạn 2021-2025",
    "Quý ii năm 2020", "số 2020/5 và 12/3", "1/2, 12/34, 123/4", "ngàyx 2020", "tháng\n10", "năm IV", "", "/5/6",
]


@pytest.mark.parametrize("text", ANCHOR_TEXTS)
def test_time_anchor_is_the_plain_pattern(text: str) -> None:
    assert [m.span() for m in P.DL_TIME_ANCHOR.finditer(text)] == [
        m.span() for m in PLAIN_DL_TIME_ANCHOR.finditer(text)]


def test_time_anchor_on_sample_lines() -> None:
    found = 0
    for t in _sample_lines():
        want = [m.span() for m in PLAIN_DL_TIME_ANCHOR.finditer(t)]
        assert [m.span() for m in P.DL_TIME_ANCHOR.finditer(t)] == want, t
        found += len(want)
        want = [m.span() for m in PLAIN_DL_CLAUSE_END_PERIOD.finditer(t)]
        assert [m.span() for m in P.DL_CLAUSE_END_PERIOD.finditer(t)] == want, t
    assert found > 10


DEADLINE_WORDS = json.loads((Path(__file__).resolve().parent.parent / "ingest" / "data" / "deadline_words.json")
                            .read_text(encoding="utf-8"))
PHRASE_TEXTS = [
    "Định kỳ hằng năm, Sở Nội vụ báo cáo", "ĐỊNH KỲ 06 THÁNG", "thực hiện thường xuyên, liên tục.",
    "Thường  xuyên", "hàng quý; hằng tháng", "6 tháng/lần và hằng năm/lần", "06 tháng một lần",
    "Khi có yêu cầu", "KHI CÓ YÊU CẦU", "theo tiến độ được phê duyệt", "Theo lộ trình", "hằng nămx",
    "mỗi năm", "MỖI NĂM", "xhằng năm", "", "6 tháng, năm 2024",
]


@pytest.mark.parametrize("table", ["continuous", "recurring", "unspecified"])
def test_letter_first_alternation_is_the_case_blind_alternation(table: str) -> None:
    phrases = [e["phrase"] for e in DEADLINE_WORDS[table]]
    want_rx = P.phrase_alternation(phrases, re.IGNORECASE)
    got_rx = P.letter_first_alternation(phrases)
    found = 0
    for t in PHRASE_TEXTS + _sample_lines():
        want = [m.span() for m in want_rx.finditer(t)]
        assert [m.span() for m in got_rx.finditer(t)] == want, t
        found += len(want)
    assert found >= 3


#: Every character of the Basic Multilingual Plane (surrogates left out), to scan in one pass.
BMP = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)


@pytest.mark.parametrize("letter", sorted(P.TWO_CASE_LETTERS | set("pntqgb")))
def test_two_case_letters_have_only_two_cases(letter: str) -> None:
    # the split "x(?i:rest)|X(?i:rest)" (and "[xX](?<!...)(?i:rest)" in SUPPORT_INTRO, REPORT_WORD,
    # DL_TIME_ANCHOR) equals "(?i:x rest)" only if nothing else matches x case-blind
    assert set(re.findall(letter, BMP, re.IGNORECASE)) == {letter, letter.upper()}


def test_letters_left_out_have_more_cases() -> None:
    # why "k", "i", "s" are not two-case letters: the case-blind regex takes a third character
    for letter, other in (("k", "\u212a"), ("i", "\u0131"), ("s", "\u017f")):
        assert letter not in P.TWO_CASE_LETTERS
        assert re.fullmatch(letter, other, re.IGNORECASE)
        assert set(re.findall(letter, BMP, re.IGNORECASE)) > {letter, letter.upper()}


# --------------------------------------------------------------------------- agency-list and known-name pre-checks

from ingest.agencies import (  # noqa: E402 - grouped with the tests that use them
    _base_name, _overlaps, _role_outside_asides, _split, is_agency_list, known_name_at,
)
from ingest.tasks import _iter_verbs as _verbs_of, _take_list, take_list  # noqa: E402


def _plain_is_agency_list(text: str) -> bool:
    """``is_agency_list`` without the role-word pre-check: split, then every piece a base name."""
    parts = _split(text)
    return bool(parts) and all(_base_name(p) is not None for p in parts)


def _subject_candidates() -> list[str]:
    """Return what the task finder asks ``is_agency_list`` about: each sample line cut before each of its
    verbs (``tasks._plan``) and at each colon, plus the whole line."""
    out: list[str] = []
    for t in _sample_lines():
        t = t.strip(" -+•")
        out.append(t)
        out.extend(t[:at].rstrip(" ,") for at, _ in _verbs_of(t[:240]) if at > 0)
        k = t.find(":")
        if k > 0:
            out.append(t[:k])
    return [t for t in dict.fromkeys(out) if t]


ROLE_LISTS = [
    # (list as written, holds a role word outside asides, is an agency list)
    ("Phòng Nội vụ chủ trì, phối hợp với Phòng Y tế", True, False),
    ("Sở Tài chính phối hợp", True, False),
    ("Công an huyện chủ  trì", True, False),  # two spaces: the words may be spaced
    ("Sở Y tế (chủ trì)", False, True),  # the aside is dropped from the mention
    ("Sở Y tế (chủ trì), Sở Tài chính (phối hợp)", False, True),
    ("Sở Nội vụ Chủ trì", False, True),  # capitalised: no role word (the fragment verbs are lower case)
    ("Sở Nội vụ, các sở, ngành liên quan", False, True),
    ("Ủy ban nhân dân các huyện, thị xã, thành phố", False, True),
    ("Phòng Y tế chủ trìx", False, True),  # not a whole word
]


@pytest.mark.parametrize("text,role,listed", ROLE_LISTS)
def test_role_word_pre_check_table(text: str, role: bool, listed: bool) -> None:
    assert _role_outside_asides(text) is role
    assert is_agency_list(text) is listed
    assert _plain_is_agency_list(text) is listed


def test_role_word_proves_no_agency_list_on_sample_lines() -> None:
    # the pre-check may only say False where splitting and reading every piece says False too
    rejected = 0
    for t in _subject_candidates():
        if _role_outside_asides(t):
            assert not _plain_is_agency_list(t), t
            rejected += 1
        assert is_agency_list(t) is _plain_is_agency_list(t), t
    assert rejected > 20


def test_role_guard_holds_on_the_shipped_data() -> None:
    # both words are fragment verbs and no abbreviation or title can rewrite them
    assert knowledge().role_guard


@pytest.mark.parametrize("a,w,overlap", [
    ("khcn", "chủ trì", False), ("ubnd", "phối hợp", False), ("tr", "chủ trì", True),
    ("ủ t", "chủ trì", True), ("xch", "chủ trì", True), ("xyz", "phối hợp", False), ("ợp", "phối hợp", True),
])
def test_overlaps(a: str, w: str, overlap: bool) -> None:
    assert _overlaps(a, w) is overlap


def _word_suffixes() -> list[str]:
    """Return every sample line from each of its word starts (the finders read names at any word)."""
    out: list[str] = []
    for t in _sample_lines():
        out.extend(t[m.start():m.start() + 200] for m in P.WORD.finditer(t))
    return out


@pytest.mark.parametrize("text", ["Sở Nông nghiệp và Phát triển nông thôn định kỳ", "Ủy ban kiểm tra các",
                                  "Ban Tuyên giáo Tỉnh ủy", "sở Nội vụ", "Sởx", "Phòng", "", "Văn phòng UBND tỉnh"])
def test_known_name_at_is_the_plain_match_table(text: str) -> None:
    m = knowledge().canon_rx.match(text)
    assert known_name_at(text) == (m.group(0) if m else None)


def test_known_name_at_is_the_plain_match_on_sample_lines() -> None:
    rx = knowledge().canon_rx
    found = 0
    for t in _word_suffixes():
        m = rx.match(t)
        assert known_name_at(t) == (m.group(0) if m else None), t
        found += m is not None
    assert found > 20


def test_take_list_cache_is_the_plain_function() -> None:
    # ``take_list`` reads through the cache of ``_take_list`` (on the text trimmed of its
    # punctuation tail, ``tests/test_speed_invariants_scan.py``): the cached answer is the plain one
    for t in _subject_candidates()[:400]:
        assert take_list(t) == _take_list.__wrapped__(t), t


def test_support_intro_needs_an_o_circumflex_acute() -> None:
    # ``tasks._support_text`` skips the regex when neither case of "ố" is in the text
    assert set(re.findall("ố", BMP, re.IGNORECASE)) == {"ố", "Ố"}
    for t in ["Sở Y tế PHỐI HỢP VỚI Sở Tài chính", "phối hợp", "Phối  hợp chặt chẽ với", "phoi hop", "PhỐi hỢp"]:
        assert (P.SUPPORT_INTRO.search(t) is not None) <= ("ố" in t or "Ố" in t), t
    found = 0
    for t in _sample_lines():
        if P.SUPPORT_INTRO.search(t) is not None:
            assert "ố" in t or "Ố" in t, t
            found += 1
    assert found > 5
