"""The synthetic corpus (bench/generate.py): deterministic, shaped like real plans, true to its ground truth.

The parser is run over a small generated corpus and scored with
bench/accuracy.py; the table is printed (``pytest -s``) and floors asserted.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from bench import accuracy
from bench import generate as gen
from ingest.identity import document_id, normalize_symbol

TINY = gen.Size(chains=2, provinces=4, districts=3)  # ~35 documents, all four layouts


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name != "manifest.json":  # the manifest records the generation time
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "tiny"
    gen.generate(TINY, out, seed=7)
    return out


@pytest.fixture(scope="module")
def truth(corpus) -> list[dict]:
    return list(gen.iter_truth(corpus))


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_bytes(corpus, tmp_path):
    again = tmp_path / "again"
    gen.generate(TINY, again, seed=7, workers=2)  # in parallel processes: still the same bytes
    assert _digest(again) == _digest(corpus)


def test_other_seed_other_corpus(corpus, tmp_path):
    other = tmp_path / "other"
    gen.generate(TINY, other, seed=8)
    assert _digest(other) != _digest(corpus)


# --------------------------------------------------------------------------- ground truth is consistent


def test_counts_match_manifest(corpus, truth):
    manifest = json.loads((corpus / "manifest.json").read_text())
    files = [t for t in truth if t["file"]]
    assert manifest["documents"] == len(files) == len(list(gen.iter_files(corpus)))
    assert manifest["tasks"] == sum(len(t["tasks"]) for t in files)
    # per chain: 1 UBND plan per province, a Party plan for most, every district (capped at 3 here)
    provinces = {t["issuer"]["province"] for t in files}
    assert len(provinces) == TINY.provinces
    assert sum(t["issuer"]["level"] == "district" for t in files) == TINY.chains * TINY.provinces * TINY.districts


def test_ids_and_references_resolve(truth):
    ids = {t["id"] for t in truth}
    assert len(ids) == len(truth), "two documents share an id"
    for t in truth:
        iss = t["issuer"]
        scope = (iss["province"], iss["district"]) if iss["level"] != "central" else (None, None)
        assert t["id"] == document_id(t["symbol"], t["year"], *scope)
        for r in t["references"]:
            assert r["id"] in ids, f"{t['id']} cites {r['id']}, which is not in the ground truth"
            assert r["relation"] in ("implements", "based_on", "cites")
        for e in t["stated_edges"]:
            assert e["child_id"] in ids and e["parent_id"] in ids


def test_every_plan_implements_something_and_has_tasks(truth):
    for t in truth:
        if not t["file"]:
            continue
        assert any(r["relation"] == "implements" for r in t["references"]), t["file"]
        assert len(t["tasks"]) >= 6
        for task in t["tasks"]:
            # only the unassigned duties of the "NHIỆM VỤ, GIẢI PHÁP" / "NỘI DUNG" part have no lead (issue #3)
            assert task["lead"] or re.fullmatch(r"II\.\d+", task["section"]), f"{t['file']} {task['section']}"
            assert len(task["lead"]) == len(task["lead_core"]) and len(task["support"]) == len(task["support_core"])


def test_real_administrative_names(truth):
    by_name = {p.name: {d for _, d in p.districts} for p in gen.provinces()}
    assert len(by_name) == 63 and sum(len(v) for v in by_name.values()) > 650  # legacy units
    for t in truth:
        iss = t["issuer"]
        if iss["province"]:
            assert iss["province"] in by_name
        if iss["district"]:
            assert iss["district"] in by_name[iss["province"]]


# --------------------------------------------------------------------------- files look like real plans


@pytest.mark.parametrize(
    "style, must_contain",
    [
        ("province-headings", [r"^Số: \d+ /KH-UBND$", r"^KẾ HOẠCH$", r"^III\. TỔ CHỨC THỰC HIỆN$", r"^\d+\. Sở ",
                               r"^- ", r"^Nơi nhận:$", r"^PHÓ CHỦ TỊCH$"]),
        ("province-table", [r"^ỦY BAN NHÂN DÂN$", r"^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$", r"^Số: \d+/KH-UBND$",
                            r"^[a-zđ]\) [^:]+: Chủ trì, phối hợp với ", r"^PHỤ LỤC$",
                            r"^TT\nNội dung nhiệm vụ\nCơ quan chủ trì thực hiện\nCơ quan phối hợp thực hiện\nThời gian"]),
        ("district", [r"^Số: \d+ ?/KH-UBND$", r"KẾ HOẠCH", r"chủ trì, phối hợp với ", r"Nơi nhận:",
                      r"^Thực hiện Kế hoạch số \d+/KH-UBND ngày \d+/\d+/\d{4} của Ủy ban nhân dân (tỉnh|thành phố) "]),
        ("party", [r"^ \t(TỈNH|THÀNH) ỦY ", r"^Số \d+-KH/TU$", r"^\tĐẢNG CỘNG SẢN VIỆT NAM$", r"^III- TỔ CHỨC THỰC HIỆN$",
                   r"^T/M BAN THƯỜNG VỤ$"]),
    ],
)
def test_layouts_follow_the_real_samples(corpus, truth, style, must_contain):
    docs = [t for t in truth if t["style"] == style]
    assert docs, f"no {style} document generated"
    for t in docs[:3]:
        text = (corpus / t["file"]).read_text(encoding="utf-8")
        for pat in must_contain:
            assert re.search(pat, text, re.MULTILINE), f"{t['file']}: no {pat!r}"
        # the symbol and the date of the ground truth are in the text as a reader writes them
        num = normalize_symbol(t["symbol"]).split("/")[0].split("-")[0]
        assert re.search(rf"^Số:? {num}\b", text, re.MULTILINE)
        y, m, d = t["issued_on"].split("-")
        assert f"ngày {d} tháng {int(m)} năm {y}" in text


def test_abbreviations_and_variants_occur(corpus):
    text = "\n".join(p.read_text(encoding="utf-8") for p in gen.iter_files(corpus))
    assert re.search(r"KH&CN|KH&ĐT|GD&ĐT|TT&TT|KH&KT|LĐTBXH|VHTTDL|NN&PTNT|TN&MT|GTVT", text)
    assert "## **KẾ HOẠCH**" in text or "**" in text  # markdown residue in some district plans
    assert re.search(r"Thường xuyên|Hằng năm|Hàng năm|Năm 20\d\d|Quý [IV]+/20\d\d|Tháng \d+/20\d\d", text)


@pytest.mark.parametrize(
    "fn, args, expected",
    [
        (gen._end_of_quarter, (2020, 2), "2020-06-30"),  # "quý II năm 2020"
        (gen._end_of_quarter, (2019, 4), "2019-12-31"),  # "quý IV/2019"
        (gen._end_of_month, (2019, 10), "2019-10-31"),  # "tháng 10/2019"
        (gen._end_of_month, (2024, 2), "2024-02-29"),  # leap year
    ],
)
def test_deadline_truth(fn, args, expected):
    assert fn(*args) == expected


@pytest.mark.parametrize("core,kind,place,expected", [
    ("Sở Nội vụ", "tỉnh", "Bắc Ninh", "Sở Nội vụ tỉnh Bắc Ninh"),
    ("Thanh tra tỉnh", "tỉnh", "Bắc Ninh", "Thanh tra tỉnh Bắc Ninh"),
    ("Phòng Tư pháp", "huyện", "Châu Thành", "Phòng Tư pháp huyện Châu Thành"),
    ("Phòng Tư pháp", "quận", "Quận 3", "Phòng Tư pháp Quận 3"),   # the name holds its unit word
    ("Thanh tra quận", "quận", "Quận 3", "Thanh tra Quận 3"),
    ("Thanh tra quận", "quận", "Bình Thạnh", "Thanh tra quận Bình Thạnh"),
])
def test_scoped_truth_names(core, kind, place, expected):
    assert gen.scope_name(core, kind, place) == expected


def test_sizes_reach_the_issue_scale(corpus):
    """L is 180 chains of the S shape: ~150k documents and >= 1.5M tasks (issue #6)."""
    per_chain_docs = 63 * 1.8 + sum(len(p.districts) for p in gen.provinces())  # UBND + most Party plans + districts
    assert 140_000 <= gen.SIZES["L"].chains * per_chain_docs <= 160_000
    assert 25_000 <= gen.SIZES["M"].chains * per_chain_docs <= 35_000
    tasks = [len(t["tasks"]) for t in gen.iter_truth(corpus) if t["file"]]
    assert min(tasks) >= 6 and max(tasks) <= 60  # Party plans are short, provincial plans up to 60
    assert gen.SIZES["L"].chains * per_chain_docs * (sum(tasks) / len(tasks)) >= 1_500_000


# --------------------------------------------------------------------------- the parser against the truth


def test_parser_accuracy_on_generated_plans(corpus):
    report = accuracy.score(accuracy.iter_pairs(corpus, limit=None, workers=1))
    print("\n" + accuracy.format_table(report))
    values = {r["measure"]: r["value"] for r in report["rows"]}
    assert report["errors"] == 0
    assert values["header (all fields)"] >= 0.9
    assert values["header symbol"] >= 0.95 and values["header issued_on"] >= 0.95
    # issue #3 asks F1 >= 0.9 on references of unseen real plans; generated ones are easier, so these are floors
    assert values["references F1"] >= 0.9 and values["references+relation F1"] >= 0.9
    assert values["stated edges F1"] >= 0.9
    assert values["tasks F1"] >= 0.9
    assert values["task lead (matched tasks)"] >= 0.9
    assert values["task support (matched tasks)"] >= 0.85
    assert values["task deadline (matched tasks)"] >= 0.9
