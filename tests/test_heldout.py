"""Held-out evaluation (issue #3 acceptance): the parser on hand-written documents it was never tuned on.

``tests/data/heldout/`` holds documents written for this set (ministries,
Government, HĐND, Party provincial and district committees, a commune, three
districts whose names exist in several provinces; plain text, a UTF-16 file,
a header laid out side by side as text extractors print it, markdown with a
table header, a portal copy, an HTML page) and ``expected.json``, the values a
person read off them. The issue's thresholds: at least 95% of header fields
right, F1 >= 0.9 on references and on (reference, relation). On failure the
message lists every mismatch (``python -m bench.heldout_eval`` prints the same).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.heldout_eval import (
    DEFAULT_DIR,
    THRESHOLDS,
    Counts,
    Report,
    deadline_matches,
    evaluate,
    format_report,
    header_values,
    lead_found,
    load_expected,
    score_document,
)


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(DEFAULT_DIR)


def test_every_expected_file_exists_and_every_file_is_expected() -> None:
    expected = load_expected()
    on_disk = {p.name for p in DEFAULT_DIR.iterdir() if p.is_file() and p.name != "expected.json"}
    assert set(expected) == on_disk
    fresh = DEFAULT_DIR / "fresh"  # a later probe (see its expected.json), run with the same scorer
    assert set(load_expected(fresh)) == {p.name for p in fresh.iterdir() if p.name != "expected.json"}
    assert 12 <= len(expected) <= 16
    for name, rec in expected.items():
        assert set(rec["header"]) == {"symbol", "doc_type", "issuer", "level", "province", "district",
                                      "issued_on", "signer"}, name
        assert rec["references"], f"{name}: no expected references"


def test_ground_truth_symbols_are_in_their_documents() -> None:
    """The ground truth was read off the documents: every expected symbol occurs in its file's text."""
    for name, rec in load_expected().items():
        raw = (DEFAULT_DIR / name).read_bytes()
        text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
        squeezed = text.replace(" /", "/")
        for sym in [rec["header"]["symbol"]] + [r["symbol"] for r in rec["references"] if "alias" not in r]:
            assert sym in squeezed, f"{name}: {sym} not in the text"
        for alias in [r["alias"] for r in rec["references"] if "alias" in r]:
            assert alias in text, f"{name}: alias {alias!r} not in the text"


@pytest.mark.parametrize("score", sorted(THRESHOLDS))
def test_issue_threshold(report: Report, score: str) -> None:
    value = report.scores()[score]
    assert value >= THRESHOLDS[score], f"{score} = {value:.3f} < {THRESHOLDS[score]}\n{format_report(report)}"


# ----------------------------------------------------------------------------- v2 to v15: later untuned sets

#: Each later set was written by an engineer who read neither the parser nor the earlier
#: sets' documents; its first score is the honest one, recorded in the README:
#: v2 (session 2) header 0.965, reference F1 0.993, relation F1 0.925;
#: v3 (session 3) header 0.974, reference F1 1.000, relation F1 0.988;
#: v4 (session 4) header 0.971, reference F1 0.973, relation F1 0.946;
#: v5 (session 6) header 0.950, reference F1 1.000, relation F1 1.000 (leads 0.742, deadlines 0.727);
#: v6 (session 6) header 0.938, reference F1 1.000, relation F1 0.950 (0.975 after the author's truth fix).
#: v7 (session 7) header 0.977, reference F1 1.000, relation F1 1.000 (leads 0.925, deadlines 0.906).
#: v8 (session 7) header **0.854** (0.865 after the author's truth fix), reference F1 0.990, relation F1 0.990.
#: v9 (session 8) header **0.900**, reference F1 0.955, relation F1 0.909 (leads 0.625, deadlines 0.596 on c5a8872).
#: v10 (session 8) header **0.863**, reference F1 1.000, relation F1 1.000 (leads 0.789, deadlines 0.721 on c6f0d93).
#: v11 (session 8, two documents: the helper ran out of time) header **0.812**, reference F1 1.000,
#:     relation F1 1.000 (on 2cbf664's parent).
#: v12 (session 9) header **0.885**, reference F1 1.000, relation F1 1.000 (leads 0.709, deadlines 0.722 on 2cbf664).
#: v13 (session 9) header **0.927**, reference F1 0.990, relation F1 0.950 (leads 0.944, deadlines 0.920 after the
#:     author's truth fix, on 07612e2).
#: v14 (session 9) header **0.943**, reference F1 0.980, relation F1 0.980 (leads 0.955, deadlines 0.911; stated
#:     edges 0.947, 1.000 after the author's truth fix; on 8ec0a54).
#: v15 (session 9) header **0.887**, reference F1 1.000, relation F1 0.944 (0.972 after the author's truth fixes;
#:     leads 0.739, deadlines 0.727 after them; on 4672063).
#: ``make_binary.py`` in each writes its .docx, .pdf, UTF-16 and CP1258 files from the
#: readable texts in ``src/``.
LATER_SETS = {"v2": (DEFAULT_DIR / "v2", 14), "v3": (DEFAULT_DIR / "v3", 19), "v4": (DEFAULT_DIR / "v4", 17),
              "v5": (DEFAULT_DIR / "v5", 10), "v6": (DEFAULT_DIR / "v6", 14),
              "v7": (DEFAULT_DIR / "v7", 11), "v8": (DEFAULT_DIR / "v8", 12), "v9": (DEFAULT_DIR / "v9", 10),
              "v10": (DEFAULT_DIR / "v10", 10), "v11": (DEFAULT_DIR / "v11", 2), "v12": (DEFAULT_DIR / "v12", 12),
              "v13": (DEFAULT_DIR / "v13", 12), "v14": (DEFAULT_DIR / "v14", 11), "v15": (DEFAULT_DIR / "v15", 10)}


@pytest.fixture(scope="module", params=sorted(LATER_SETS))
def later_set(request: pytest.FixtureRequest) -> tuple[str, Path, Report]:
    name = request.param
    folder = LATER_SETS[name][0]
    return name, folder, evaluate(folder)


@pytest.mark.parametrize("name", sorted(LATER_SETS))
def test_later_set_every_expected_file_exists_and_every_file_is_expected(name: str) -> None:
    folder, least = LATER_SETS[name]
    on_disk = {p.name for p in folder.iterdir() if p.is_file()} - {"expected.json", "make_binary.py"}
    assert set(load_expected(folder)) == on_disk
    assert len(on_disk) >= least


@pytest.mark.parametrize("name", sorted(LATER_SETS))
def test_later_set_binary_files_are_what_their_sources_say(name: str) -> None:
    """The legacy-encoded, .docx and .pdf files decode (through ``ingest.read``) to their readable sources."""
    import unicodedata

    from ingest.read import read_file

    folder = LATER_SETS[name][0]
    sources = sorted((folder / "src").glob("*.src.txt"))
    assert sources, f"{name}: no sources of binary files"
    for src in sources:
        target = folder / src.name.removesuffix(".src.txt")
        got = " ".join(read_file(target).text.split())
        want = " ".join(unicodedata.normalize("NFC", src.read_text(encoding="utf-8")).replace("===", "").split())
        if target.suffix != ".docx":  # a .docx lays its header out as table cells, in another order
            assert want[:300] in got, f"{target.name} does not decode to its source"
        # every symbol the ground truth names is in the decoded text
        rec = load_expected(folder)[target.name]
        for sym in [rec["header"]["symbol"]] + [r["symbol"] for r in rec["references"] if "alias" not in r]:
            assert sym in got.replace(" /", "/"), f"{target.name}: {sym} not in the decoded text"


@pytest.mark.parametrize("score", sorted(THRESHOLDS))
def test_later_set_issue_threshold(later_set: tuple[str, Path, Report], score: str) -> None:
    name, _, report = later_set
    value = report.scores()[score]
    assert value >= THRESHOLDS[score], f"{name}: {score} = {value:.3f} < {THRESHOLDS[score]}\n{format_report(report)}"


# ----------------------------------------------------------------------------- the scorer itself


@pytest.mark.parametrize(
    ("got", "want", "p", "r", "f1"),
    [
        ({"a", "b"}, {"a", "b"}, 1.0, 1.0, 1.0),
        ({"a", "b", "c", "d"}, {"a", "b"}, 0.5, 1.0, 2 / 3),
        ({"a"}, {"a", "b", "c", "d"}, 1.0, 0.25, 0.4),
        (set(), {"a"}, 1.0, 0.0, 0.0),
    ],
)
def test_counts_precision_recall_f1(got: set, want: set, p: float, r: float, f1: float) -> None:
    c = Counts()
    c.add(got, want)
    assert (c.precision, c.recall) == pytest.approx((p, r))
    assert c.f1 == pytest.approx(f1)


@pytest.mark.parametrize(
    ("expected", "leads", "scope", "found"),
    [
        ("Sở Tài chính", ["Sở Tài chính tỉnh Đồng Tháp"], "Đồng Tháp", True),
        ("Phòng Kinh tế - Hạ tầng", ["Phòng Kinh tế – Hạ tầng huyện Phú Tân"], "Phú Tân", True),
        ("Ủy ban nhân dân các huyện, thành phố", ["UY BAN NHAN DAN CAC HUYEN THANH PHO"], "Đồng Tháp", True),
        ("Vụ Pháp chế", ["Vụ Pháp chế Bộ Khoa học và Công nghệ"], "Bộ Khoa học và Công nghệ", True),
        ("Bộ Công Thương", ["Bộ Công Thương"], "", True),
        # what the parser adds is the scope and unit words, "của", or the issuer's words; a name run
        # on into its duty's verb is no match
        ("Ủy ban Kiểm tra Đảng ủy", ["Ủy ban Kiểm tra Đảng ủy đưa nội dung xã Sóc Sơn"], "xã Sóc Sơn", False),
        ("Ủy ban Kiểm tra Đảng ủy", ["Ủy ban Kiểm tra Đảng ủy xã Sóc Sơn"], "xã Sóc Sơn", True),
        ("Tổ công tác triển khai Đề án 06", ["Tổ công tác triển khai Đề án 06 của tỉnh Hòa Bình"], "Hòa Bình", True),
        # abbreviations count written out, on either side
        ("Ban Tuyên giáo Hội LHPN huyện", ["Ban Tuyên giáo Hội Liên hiệp Phụ nữ huyện Châu Thành"], "Châu Thành", True),
        ("Sở Thông tin và Truyền thông", ["Sở TT&TT tỉnh Hà Giang"], "Hà Giang", True),
        ("Ban Tuyên giáo Hội LHPN huyện", ["Ban Tổ chức Hội Liên hiệp Phụ nữ huyện Châu Thành"], "Châu Thành", False),
        # a district plan's department scoped to the province is a different agency
        ("Phòng Nội vụ", ["Phòng Nội vụ tỉnh Khánh Hòa"], "Ninh Hòa", False),
        ("Sở Tài chính", ["Sở Kế hoạch và Đầu tư tỉnh Trà Vinh"], "Trà Vinh", False),
        ("Công an huyện", [], "Châu Thành", False),
    ],
)
def test_lead_found(expected: str, leads: list[str], scope: str, found: bool) -> None:
    assert lead_found(expected, leads, scope) is found


def test_lead_found_allows_the_issuers_words():
    """A unit of the issuing body is scoped by that body: "Phòng Tham mưu Công an tỉnh Sóc Trăng"."""
    got = ["Phòng Tham mưu Công an tỉnh Sóc Trăng"]
    assert lead_found("Phòng Tham mưu", got, "Sóc Trăng", "Công an tỉnh Sóc Trăng")
    assert not lead_found("Phòng Tham mưu", got, "Sóc Trăng", "Ủy ban nhân dân tỉnh Sóc Trăng")


@pytest.mark.parametrize(
    ("want", "got", "ok"),
    [
        ({"kind": "once", "due": "2024-06-30", "period": None},
         {"text": "Quý II/2024", "kind": "once", "due": "2024-06-30", "period": None}, True),
        ({"kind": "recurring", "due": None, "period": "P1Y"},
         {"text": "Hằng năm", "kind": "recurring", "due": None, "period": "P6M"}, False),
        ({"kind": "continuous", "due": None, "period": None}, None, False),
    ],
)
def test_deadline_matches(want: dict, got: dict | None, ok: bool) -> None:
    assert deadline_matches(want, got) is ok


def test_header_values_fold_symbol_spacing_and_diacritics() -> None:
    doc = {"symbol": "3021 /KH-UBND", "doc_type": "Kế hoạch",
           "issuer": {"name": "Ủy ban nhân dân thị xã Ninh Hòa", "level": "district", "province": "Khánh Hòa",
                      "district": "Ninh Hòa"}, "issued_on": "2022-10-07", "signer": {"name": "Trần Văn Hùng"}}
    assert header_values(doc) == {
        "symbol": "3021-kh-ubnd", "doc_type": "ke hoach", "issuer": "uy ban nhan dan thi xa ninh hoa",
        "level": "district", "province": "khanh hoa", "district": "ninh hoa", "issued_on": "2022-10-07",
        "signer": "tran van hung"}


def test_score_document_counts_wrong_fields_missed_and_extra_references() -> None:
    want = {"header": {"symbol": "45-KH/HU", "doc_type": "Kế hoạch", "issuer": "Huyện ủy Phú Tân",
                       "level": "district", "province": "Cà Mau", "district": "Phú Tân",
                       "issued_on": "2023-03-21", "signer": "Lâm Văn Tươi"},
            "references": [{"symbol": "12-CTr/TU", "relation": "implements", "issued_on": "2023-01-10",
                            "issuer_province": "Cà Mau", "issuer_district": None},
                           {"symbol": "19-NQ/TW", "relation": "cites", "issued_on": "2022-06-16"}],
            "stated_edges": [{"child": "12-CTr/TU", "parent": "19-NQ/TW", "relation": "implements"}],
            "leads": ["Ban Tuyên giáo Huyện ủy"]}
    got = {"document": {"symbol": "45-KH/HU", "doc_type": "Kế hoạch",
                        "issuer": {"name": "Huyện ủy Phú Tân", "level": "district", "province": "An Giang",
                                   "district": "Phú Tân"}, "issued_on": "2023-03-21",
                        "signer": {"name": "Lâm Văn Tươi"}},
           "references": [{"symbol": "12-CTR/TU", "relation": "cites", "issued_on": "2023-01-10",
                           "issuer_province": "An Giang", "issuer_district": None},
                          {"symbol": "45-KH/HU", "relation": "cites"},  # its own symbol: ignored
                          {"symbol": "2310/QĐ-UBND", "relation": "cites"}],
           "stated_edges": [{"child": "12-CTr/TU", "parent": "29-NQ/TW", "relation": "implements"}],
           "tasks": [{"lead": ["Ban Tuyên giáo Huyện ủy Phú Tân"]}]}
    rep = Report()
    score_document(rep, "x.txt", want, got)
    assert rep.header_accuracy == pytest.approx(7 / 8)
    assert (rep.refs.tp, rep.refs.fp, rep.refs.fn) == (1, 1, 1)
    assert (rep.rels.tp, rep.rels.fp, rep.rels.fn) == (0, 2, 2)
    assert (rep.edges.tp, rep.edges.fp, rep.edges.fn) == (0, 1, 1)
    assert (rep.dates_right, rep.dates_total, rep.scopes_right, rep.scopes_total) == (1, 1, 0, 1)
    assert rep.lead_accuracy == 1.0
    assert any("header province" in m and "An Giang" in m for m in rep.mismatches)
    assert any("relation of '12-CTr/TU'" in m for m in rep.mismatches)
    assert any("reference missed: '19-NQ/TW'" in m for m in rep.mismatches)


def test_main_exit_code_follows_thresholds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A ground truth the parser cannot meet (wrong symbols everywhere) makes the command fail."""
    import json
    import shutil

    from bench.heldout_eval import main

    name = "kh-hu-phu-tan-ca-mau-nong-thon-moi-2023.txt"
    shutil.copy(DEFAULT_DIR / name, tmp_path / name)
    rec = load_expected()[name]
    rec["references"] = [{"symbol": "1/QĐ-XYZ", "relation": "cites", "issued_on": None}]
    (tmp_path / "expected.json").write_text(json.dumps({"files": {name: rec}}), encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    assert "reference missed: '1/QĐ-XYZ'" in capsys.readouterr().out
