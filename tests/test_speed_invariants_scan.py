"""Fast paths of the fourth speed round give exactly what the plain forms give (issue #3: speed, same output).

Each fast path is compared with the plain code it replaces, on tables of real text (the
sample documents' phrasing) and on every line of the four samples. No timing here: speed is
measured by ``bench/profile_parse.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import clean, read
from ingest import patterns as P
from ingest.agencies import _role_outside_asides, knowledge
from ingest.tasks import _LIST_TAIL, _take_list, take_list

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "corpus" / "samples").glob("*"))


def _sample_lines() -> list[str]:
    return [ln for f in SAMPLES for ln in clean.clean(read.read_file(f)).text.split("\n")]


# --------------------------------------------------------------------------- role word outside asides


def _role_outside_asides_plain(text: str) -> bool:
    """The form ``agencies._role_outside_asides`` had before its no-parenthesis shortcut."""
    if not knowledge().role_guard or P.ROLE_IN_LIST.search(text) is None:
        return False
    return P.ROLE_IN_LIST.search(P.PAREN_ASIDE.sub("", " ".join(text.split()))) is not None


ROLE_TEXTS = [
    ("Phòng Nội vụ chủ trì, phối hợp với Phòng Y tế", True),
    ("Sở Nội vụ chủ   trì", True),  # a run of spaces inside the role word
    ("Sở Nội vụ chủ\ttrì,\n phối hợp", True),
    ("  Sở Y tế phối hợp  ", True),  # trimmed ends
    ("Sở Y tế (chủ trì)", False),  # inside an aside
    ("Sở Y tế (chủ trì), Sở Tài chính (phối hợp)", False),
    ("Sở Y tế (chủ trì, phối hợp với Sở Tài chính", True),  # no closing parenthesis: no aside
    ("Sở Y tế chủ trì) và Sở Tài chính", True),  # no opening one
    ("Sở Y tế (cơ quan thường trực) chủ trì", True),
    ("Ban Chủ trì", False),  # capitalised: a word of a name
    ("Sở Nội vụ", False),
    ("Các cơ quan phối hợpx", False),  # not a whole word
    ("Uỷ ban (ab) phối hợp", True),  # an aside too short for ``PAREN_ASIDE`` stays
]


@pytest.mark.parametrize("text,expected", ROLE_TEXTS)
def test_role_outside_asides_shortcut_is_plain(text: str, expected: bool) -> None:
    assert _role_outside_asides_plain(text) is expected
    assert _role_outside_asides(text) is expected


def test_role_outside_asides_on_sample_lines() -> None:
    lines = _sample_lines()
    n_role = 0
    for t in lines:
        for piece in (t, t[:60], t[:120]):
            assert _role_outside_asides(piece) == _role_outside_asides_plain(piece), piece
            n_role += P.ROLE_IN_LIST.search(piece) is not None
    assert n_role > 10  # the samples do exercise the shortcut


# --------------------------------------------------------------------------- take_list on the trimmed text


def _take_list_plain(text: str) -> str:
    """``tasks._take_list`` without its cache: the reading ``take_list`` must give for ``text`` as written."""
    return _take_list.__wrapped__(text)


TAKE_LIST_TEXTS = [
    ("Sở Tài chính, Sở Kế hoạch và Đầu tư thực hiện.", "Sở Tài chính, Sở Kế hoạch và Đầu tư"),
    ("Sở Tài chính, Sở Kế hoạch và Đầu tư.", "Sở Tài chính, Sở Kế hoạch và Đầu tư"),
    ("Sở Tài chính, Sở Kế hoạch và Đầu tư:", "Sở Tài chính, Sở Kế hoạch và Đầu tư"),
    ("Sở Tài chính, Sở Kế hoạch và Đầu tư ;", "Sở Tài chính, Sở Kế hoạch và Đầu tư"),
    ("các sở, ngành có liên quan tham mưu, đề xuất ...", "các sở, ngành có liên quan"),
    ("các cơ quan, tổ chức có liên quan tăng cường tuyên truyền.", "các cơ quan, tổ chức có liên quan"),
    ("Ủy ban nhân dân các huyện vận hành các cống.", "Ủy ban nhân dân các huyện"),
    ("Sở Nông nghiệp và Phát triển nông thôn, ..", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("UBND các xã, thị trấn (theo chức năng).", "UBND các xã, thị trấn"),
    ("Sở Y tế. Sở Nội vụ tổng hợp, báo cáo.", "Sở Y tế"),
    ("Sở Y tế, .: ", "Sở Y tế"),
    (" , ;", ""),
]


@pytest.mark.parametrize("text,expected", TAKE_LIST_TEXTS)
def test_take_list_of_trimmed_text_is_plain(text: str, expected: str) -> None:
    assert _take_list_plain(text) == expected
    assert take_list(text) == expected


def test_take_list_on_sample_lines() -> None:
    n_tail = 0
    for t in _sample_lines():
        for piece in (t, t[:40], t[:80]):
            for tail in ("", ".", ":", ";", " ,", ". ", "..", ":;"):
                s = piece + tail
                n_tail += s != s.rstrip(" :.;,")
                assert take_list(s) == _take_list_plain(s), s
    assert n_tail > 1000


def test_take_list_tail_premise_holds_for_the_data() -> None:
    # the shortcut's premise: what ``_take_list`` looks for (known names, duty verbs) never ends
    # with a character of the stripped tail, so it is found the same with or without the tail
    import json

    data = Path(__file__).resolve().parent.parent / "ingest" / "data"
    names = [c["name"] for c in json.loads((data / "agency_kinds.json").read_text(encoding="utf-8"))["canonical_names"]]
    verbs = json.loads((data / "task_verbs.json").read_text(encoding="utf-8"))["verbs"]
    assert names and verbs
    for phrase in names + verbs:
        # (a comma inside, "Sở Văn hóa, Thể thao và Du lịch", is no matter: a match then needs the next word)
        assert phrase[-1].isalnum() and phrase[-1] not in _LIST_TAIL, phrase
